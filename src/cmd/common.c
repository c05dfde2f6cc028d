/* common: what the commands share — database URL, opening, usage, errors. */
#include "cmd.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cmd_db_url(const char *opt)
{
	if (opt && *opt)
		return opt;
	const char *env = getenv("SALESGARDEN_DB");
	return env && *env ? env : "sqlite:salesgarden.db";
}

struct db *cmd_open_db(const char *url, int pool, int migrate)
{
	struct db *db = NULL;
	struct strbuf err = STRBUF_INIT;
	if (db_open(url, pool, &db, &err)) {
		fprintf(stderr, "error: %s\n", err.buf);
		sb_release(&err);
		return NULL;
	}
	struct db_conn *c = db_acquire(db, &err);
	if (!c) {
		fprintf(stderr, "error: %s\n", err.buf);
		goto fail;
	}
	enum err e = E_OK;
	if (migrate) {
		int applied = 0;
		e = db_migrate(c, &err, &applied);
		if (!e && applied)
			fprintf(stderr, "applied %d migration%s; schema version %d\n", applied,
				applied == 1 ? "" : "s", db_schema_latest());
	} else {
		int v = db_schema_version(c);
		if (v < 0) {
			sb_addf(&err, "cannot read the schema version: %s", db_errmsg(c));
			e = E_UNAVAILABLE;
		} else if (v != db_schema_latest()) {
			sb_addf(&err, v > db_schema_latest()
				? "the database (schema %d) is newer than this program (schema %d)"
				: "the database has schema %d, this program needs %d: run 'salesgarden migrate'",
				v, db_schema_latest());
			e = E_CONFLICT;
		}
	}
	db_release(c);
	if (e) {
		fprintf(stderr, "error: %s\n", err.buf);
		goto fail;
	}
	sb_release(&err);
	return db;
fail:
	sb_release(&err);
	db_close(db);
	return NULL;
}

static const struct cmd *find(const char *name)
{
	for (const struct cmd *c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

int cmd_usage(const char *name)
{
	const struct cmd *c = find(name);
	fprintf(stderr, "usage: salesgarden %s\n", c ? c->usage : name);
	return EXIT_USAGE;
}

int cmd_help_for(const char *name)
{
	const struct cmd *c = find(name);
	if (!c)
		return cmd_usage("help");
	printf("usage: salesgarden %s\n\n%s\n\nThe database is --db URL, else $SALESGARDEN_DB, else "
	       "sqlite:salesgarden.db;\nURLs are sqlite:PATH or postgresql://USER@HOST:PORT/NAME.\n",
	       c->usage, c->summary);
	if (!strcmp(c->name, "import"))
		cmd_import_help();
	return 0;
}

int cmd_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("error: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return 1;
}

char *cmd_read_line(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, stdin);
	if (n < 0) {
		free(line);
		return NULL;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return line;
}

int cmd_help(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--man"))
		return cmd_man();
	if (argc > 1)
		return cmd_help_for(argv[1]);
	printf("usage: salesgarden COMMAND [OPTIONS]\n\nSalesgarden: grow sales people, not just numbers.\n\n"
	       "Commands:\n");
	for (const struct cmd *c = commands; c->name; c++)
		printf("  %-8s %s\n", c->name, c->summary);
	printf("\nThe database is --db URL, else $SALESGARDEN_DB, else sqlite:salesgarden.db.\n");
	cmd_help_env();
	printf("\n'salesgarden help COMMAND' or 'salesgarden COMMAND --help' shows a command's options;\n"
	       "'salesgarden --version' the version; 'salesgarden help --man' the manual page in roff.\n");
	return 0;
}

int cmd_org_open(struct cmd_org_ctx *x, const char *dburl, const char *slug)
{
	memset(x, 0, sizeof(*x));
	x->db = cmd_open_db(cmd_db_url(dburl), 1, 1);
	if (!x->db)
		return -1;
	struct strbuf err = STRBUF_INIT;
	x->c = db_acquire(x->db, &err);
	if (x->c)
		db_set_actor(x->c, 0, "cli");	/* audit: changes made from the command line */
	x->a = arena_new();
	enum err e = x->c ? org_by_slug(x->c, x->a, slug, &x->org) : E_UNAVAILABLE;
	if (e) {
		if (!x->c)
			cmd_error("%s", err.buf);
		else
			cmd_error(e == E_NOTFOUND ? "there is no organisation '%s'" : "cannot read organisation '%s'", slug);
		sb_release(&err);
		cmd_org_close(x);
		return -1;
	}
	sb_release(&err);
	return 0;
}

void cmd_org_close(struct cmd_org_ctx *x)
{
	if (x->c)
		db_release(x->c);
	arena_free(x->a);
	db_close(x->db);
	memset(x, 0, sizeof(*x));
}
