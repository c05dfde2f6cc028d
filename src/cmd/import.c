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
#include "../lib/textmap.h"

#define SHOW_ERRORS 50

/* the whole file: a regular file mapped (*map set; textmap.h), anything
 * else (standard input, a pipe) read into a malloc'd buffer; NULL with
 * errno set on failure */
static char *read_all(const char *path, size_t *len, void **map)
{
	*map = NULL;
	int fd = strcmp(path, "-") ? open(path, O_RDONLY) : 0;
	if (fd < 0)
		return NULL;
	struct stat sb;
	if (fd && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
		size_t n = (size_t)sb.st_size;
		int r = textmap_fd(fd, n, map);
		int saved = errno;
		close(fd);
		errno = saved;
		if (r)
			return NULL;
		*len = n;
		return *map;
	}
	size_t cap = 1 << 16;
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

/* what read_all gave, let go of */
static void release_all(char *data, size_t len, void *map)
{
	if (map)
		textmap_release(map, len);
	else
		free(data);
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

void cmd_import_help(void)
{
	printf("\nOptions:\n"
	       "  --preset P           where the file comes from; auto (the default) picks the preset whose\n"
	       "                       column names the file's headers match most, and says which\n"
	       "  --map COLUMN=FIELD   read a column as a field (FIELD empty: ignore the column)\n"
	       "  --set FIELD=VALUE    a value the whole file shares, for rows that leave it empty\n"
	       "                       (e.g. --set status=won for a file of won deals)\n"
	       "  --map-stage N=S      deals: read the file's stage N as the organisation's stage S\n"
	       "  --create-missing     create unknown owners and managers (as users who cannot sign in until\n"
	       "                       given an address and password) and unknown stages\n"
	       "  --allow-duplicates   add a deal even when one with the same title, owner, amount and close\n"
	       "                       date exists under another id (else the import stops)\n"
	       "  --dry-run            check and count everything, save nothing\n"
	       "  --all-or-nothing     one bad row and nothing is saved\n");
	for (int k = IMPORT_REPS; k <= IMPORT_RESULTS; k++) {
		const char *const *codes, *const *labels;
		size_t nreq, n = import_fields((enum import_kind)k, &codes, &labels, &nreq);
		printf("\nFields of %s (* required):\n", import_kind_code((enum import_kind)k));
		for (size_t f = 0; f < n; f++)
			printf("  %-15s %s%s\n", codes[f], import_field_accepts((enum import_kind)k, (int)f),
			       f < nreq ? " *" : "");
	}
}

/* which preset reads the file and why, and what looks wrong, before
 * anything is written; the engine decides the same from the same header */
static void explain(struct arena *a, const char *data, size_t len, const struct import_options *o)
{
	struct import_preview pv;
	struct strbuf err = STRBUF_INIT;
	if (import_preview(a, data, len, o->kind, o->preset, 0, &pv, &err)) {
		sb_release(&err);
		return;	/* the engine says what is wrong with the file */
	}
	int *field_of_col = arena_alloc(a, (pv.ncols + 1) * sizeof(int));
	enum import_preset used = o->preset;
	if (import_map_columns(o->kind, o->preset, pv.headers, pv.ncols, o->map, o->nmap, LANG_EN, field_of_col,
			       &used, &err)) {
		sb_release(&err);
		return;
	}
	sb_release(&err);
	printf("preset: %s\n", import_preset_code(used));
	if (o->preset != PRESET_AUTO)
		printf("  chosen with --preset\n");
	else {
		printf("  detected: ");
		int any = 0;
		/* the headers only this preset knows (when there are any): the
		 * generic names every preset reads prove nothing */
		int own = 0;
		for (size_t i = 0; i < pv.ncols && used != PRESET_GENERIC; i++)
			own |= import_field_for_header(o->kind, used, pv.headers[i]) &&
			       !import_field_for_header(o->kind, PRESET_GENERIC, pv.headers[i]);
		for (size_t i = 0; i < pv.ncols; i++)
			if (import_field_for_header(o->kind, used, pv.headers[i]) &&
			    !(own && import_field_for_header(o->kind, PRESET_GENERIC, pv.headers[i]))) {
				printf("%s\"%s\"", any ? ", " : "", pv.headers[i]);
				any = 1;
			}
		printf(any ? " match its column names\n" : "no column matches a preset; the generic names are used\n");
	}
	int has_status = 0;
	for (size_t i = 0; i < o->nset; i++)
		has_status |= !strncmp(o->set[i], "status=", 7) || !strncmp(o->set[i], "won=", 4) ||
			      !strncmp(o->set[i], "closed=", 7) || !strncmp(o->set[i], "stage=", 6);
	const char *w = import_closed_warning(o->kind, field_of_col, pv.ncols, has_status);
	if (w)
		printf("warning: %s (--set status=won)\n", w);
	fflush(stdout);
}

/* what the summary line does not say: stages, teams, reps without e-mail */
static void print_counts(const struct import_options *o, const struct import_summary *s)
{
	if (s->nstages) {
		printf("stages the organisation does not have:");
		for (size_t i = 0; i < s->nstages; i++)
			printf("%s \"%s\" (%zu row%s)", i ? "," : "", s->stages[i].name, s->stages[i].count,
			       s->stages[i].count == 1 ? "" : "s");
		printf("\n");
		if (s->stages_created)
			printf("stages created: %zu\n", s->stages_created);
		else
			printf("  map them with --map-stage NAME=STAGE, or create them with --create-missing\n");
	}
	if (o->kind == IMPORT_REPS)
		printf("teams created: %zu, teams given a manager: %zu\n", s->teams_created, s->managers_set);
	if (s->without_email)
		printf("without an e-mail address: %zu (reps and managers; they cannot sign in until someone gives "
		       "them one)\n", s->without_email);
}

int cmd_import(int argc, char **argv)
{
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
		return cmd_help_for("import");
	const char *dburl = NULL, *slug = NULL;
	struct import_options o = { .preset = PRESET_AUTO, .lang = LANG_EN };
	/* each list holds at most argc options */
	const char **map = xcalloc((size_t)argc * 3 + 3, sizeof(char *));
	const char **set = map + argc + 1, **map_stage = set + argc + 1;
	size_t nmap = 0, nset = 0, nmap_stage = 0;
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "preset", required_argument, 0, 'p' }, { "map", required_argument, 0, 'm' },
		{ "create-missing", no_argument, 0, 'c' }, { "dry-run", no_argument, 0, 'n' },
		{ "all-or-nothing", no_argument, 0, 'a' }, { "help", no_argument, 0, 'h' },
		{ "set", required_argument, 0, 's' }, { "map-stage", required_argument, 0, 'g' },
		{ "allow-duplicates", no_argument, 0, 'D' }, { 0, 0, 0, 0 },
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
		case 's':
		case 'g':
			if (!strchr(optarg, '=') || *optarg == '=') {
				fprintf(stderr, ch == 's' ? "error: --set takes FIELD=VALUE\n"
							  : "error: --map-stage takes NAME=STAGE\n");
				free(map);
				return cmd_usage("import");
			}
			if (ch == 's')
				set[nset++] = optarg;
			else
				map_stage[nmap_stage++] = optarg;
			break;
		case 'D': o.allow_duplicates = 1; break;
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
	o.set = set;
	o.nset = nset;
	o.map_stage = map_stage;
	o.nmap_stage = nmap_stage;
	const char *path = argv[optind + 1];
	size_t len = 0;
	void *mapped = NULL;
	char *data = read_all(path, &len, &mapped);
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
		release_all(data, len, mapped);
		free(map);
		return 1;
	}
	explain(x.a, data, len, &o);
	o.file_name = path;	/* for the audit log */
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
	printf("read %zu, created %zu, updated %zu, skipped %zu, failed %zu\n", s.read, s.created, s.updated,
	       s.skipped, s.failed);
	print_counts(&o, &s);
	size_t shown = s.nerrors < SHOW_ERRORS ? s.nerrors : SHOW_ERRORS, rows_shown = 0;
	for (size_t i = 0; i < shown; i++) {
		const struct import_error *ie = &s.errors[i];
		/* a row may have several errors, one line each, in line order */
		rows_shown += !i || ie->line != s.errors[i - 1].line;
		if (ie->column)
			printf("line %zu, column \"%s\": %s\n", ie->line, ie->column, ie->message);
		else
			printf("line %zu: %s\n", ie->line, ie->message);
	}
	/* counted in rows, of all that failed, not in kept error lines */
	if (s.failed > rows_shown) {
		char num[32];
		printf("... and %s more failed row%s\n", grouped(s.failed - rows_shown, num),
		       s.failed - rows_shown == 1 ? "" : "s");
	} else if (s.nerrors > shown)
		printf("... and %zu more errors in these rows\n", s.nerrors - shown);
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
	release_all(data, len, mapped);
	free(map);
	return rc;
}
