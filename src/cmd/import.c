/* import: `salesgarden import KIND FILE --org SLUG ...` — reads a CSV file
 * (FILE "-" is standard input) into the organisation through
 * service/import.c, with a progress bar on standard error when that is a
 * terminal, then prints the summary and the first 50 row errors on
 * standard output. Exit status 0 when no row failed, 1 when some did or
 * nothing could be saved, 2 on bad usage. Messages are in English, like
 * the other commands'. */
#include "cmd.h"
#include "../service/import.h"
#include "../lib/xalloc.h"
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SHOW_ERRORS 50

/* the whole file in a malloc'd buffer; NULL with errno set on failure */
static char *read_all(const char *path, size_t *len)
{
	int fd = strcmp(path, "-") ? open(path, O_RDONLY) : 0;
	if (fd < 0)
		return NULL;
	struct stat sb;
	size_t cap = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) ? (size_t)sb.st_size + 1 : 1 << 16;
	char *buf = xmalloc(cap);
	size_t n = 0;
	for (;;) {
		if (n + 1 >= cap) {
			buf = xreallocarray(buf, cap, 2);
			cap *= 2;
		}
		ssize_t got = read(fd, buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int saved = errno;
			free(buf);
			buf = NULL;
			errno = saved;
			break;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (fd)
		close(fd);
	if (buf) {
		buf[n] = '\0';
		*len = n;
	}
	return buf;
}

/* 1234567 -> "1,234,567" */
static const char *grouped(size_t v, char buf[32])
{
	char tmp[32];
	int n = snprintf(tmp, sizeof(tmp), "%zu", v), o = 0;
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = tmp[i];
	}
	buf[o] = '\0';
	return buf;
}

struct bar {
	int shown;
};

static void on_progress(void *cls, size_t rows, size_t done, size_t total)
{
	struct bar *b = cls;
	int pct = total ? (int)(done * 100 / total) : 100;
	char fill[21], num[32];
	int w = pct / 5;
	for (int i = 0; i < 20; i++)
		fill[i] = i < w ? '#' : '.';
	fill[20] = '\0';
	fprintf(stderr, "\r[%s] %3d%% %s rows", fill, pct, grouped(rows, num));
	fflush(stderr);
	b->shown = 1;
}

int cmd_import(int argc, char **argv)
{
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
		return cmd_help_for("import");
	const char *dburl = NULL, *slug = NULL;
	struct import_options o = { .preset = PRESET_AUTO, .lang = LANG_EN };
	const char **map = xcalloc((size_t)argc + 1, sizeof(char *));
	size_t nmap = 0;
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "preset", required_argument, 0, 'p' }, { "map", required_argument, 0, 'm' },
		{ "create-missing", no_argument, 0, 'c' }, { "dry-run", no_argument, 0, 'n' },
		{ "all-or-nothing", no_argument, 0, 'a' }, { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
	};
	int ch, p;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': dburl = optarg; break;
		case 'o': slug = optarg; break;
		case 'p':
			if ((p = import_preset_parse(optarg)) < 0) {
				fprintf(stderr, "error: --preset is auto, salesforce, hubspot, pipedrive or generic\n");
				free(map);
				return cmd_usage("import");
			}
			o.preset = (enum import_preset)p;
			break;
		case 'm':
			if (!strchr(optarg, '=')) {
				fprintf(stderr, "error: --map takes COLUMN=FIELD (FIELD empty to ignore the column)\n");
				free(map);
				return cmd_usage("import");
			}
			map[nmap++] = optarg;
			break;
		case 'c': o.create_missing = 1; break;
		case 'n': o.dry_run = 1; break;
		case 'a': o.all_or_nothing = 1; break;
		case 'h': free(map); return cmd_help_for("import");
		default: free(map); return cmd_usage("import");
		}
	}
	if (!slug || argc - optind != 2) {
		free(map);
		return cmd_usage("import");
	}
	int k = import_kind_parse(argv[optind]);
	if (k < 0) {
		fprintf(stderr, "error: what to import is reps, targets, deals or results, not '%s'\n", argv[optind]);
		free(map);
		return cmd_usage("import");
	}
	o.kind = (enum import_kind)k;
	o.map = map;
	o.nmap = nmap;
	const char *path = argv[optind + 1];
	size_t len = 0;
	char *data = read_all(path, &len);
	if (!data) {
		int rc = cmd_error("cannot read %s: %s", path, strerror(errno));
		free(map);
		return rc;
	}
	struct bar bar = { 0 };
	if (isatty(2)) {
		o.progress = on_progress;
		o.progress_cls = &bar;
	}
	struct cmd_org_ctx x;
	if (cmd_org_open(&x, dburl, slug)) {
		free(data);
		free(map);
		return 1;
	}
	struct import_summary s;
	struct strbuf err = STRBUF_INIT;
	enum err e = import_run(x.c, x.a, x.org.id, data, len, &o, &s, &err);
	if (bar.shown)
		fputc('\n', stderr);
	int rc = 0;
	if (e && !s.read) {
		/* the file as a whole: no CSV, a required column missing, or the database */
		rc = cmd_error("%s", err.len ? err.buf : err_name(e));
		goto out;
	}
	if (o.preset == PRESET_AUTO && o.kind == IMPORT_DEALS)
		printf("preset: %s\n", import_preset_code(s.preset));
	printf("read %zu, created %zu, updated %zu, skipped %zu, failed %zu\n", s.read, s.created, s.updated,
	       s.skipped, s.failed);
	size_t shown = s.nerrors < SHOW_ERRORS ? s.nerrors : SHOW_ERRORS;
	for (size_t i = 0; i < shown; i++) {
		const struct import_error *ie = &s.errors[i];
		if (ie->column)
			printf("line %zu, column \"%s\": %s\n", ie->line, ie->column, ie->message);
		else
			printf("line %zu: %s\n", ie->line, ie->message);
	}
	if (s.nerrors > shown)
		printf("... and %zu more%s\n", s.nerrors - shown, s.nerrors >= 1000 ? " (only the first 1,000 are kept)" : "");
	if (e) {
		rc = cmd_error("%s; nothing was saved", err.len ? err.buf : err_name(e));
		goto out;
	}
	if (o.dry_run)
		printf("dry run: nothing was saved\n");
	else if (s.rolled_back)
		printf("nothing was saved: --all-or-nothing and %zu row%s failed\n", s.failed, s.failed == 1 ? "" : "s");
	rc = s.failed || (s.rolled_back && !o.dry_run) ? 1 : 0;
out:
	sb_release(&err);
	cmd_org_close(&x);
	free(data);
	free(map);
	return rc;
}
