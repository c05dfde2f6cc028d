/* demo: create the demo organisation (demo/demo.h) in one transaction and
 * print its logins. It refuses when the demo organisation exists already,
 * so it never mixes into or duplicates one. */
#include "cmd.h"
#include "../store/import-rows.h"
#include "../demo/demo.h"
#include "../store/orgs.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

int cmd_demo(int argc, char **argv)
{
	const char *dburl = NULL;
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
	};
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': dburl = optarg; break;
		case 'h': return cmd_help_for("demo");
		default: return cmd_usage("demo");
		}
	}
	if (optind < argc)
		return cmd_usage("demo");
	struct db *db = cmd_open_db(cmd_db_url(dburl), 1, 1);
	if (!db)
		return 1;
	struct strbuf err = STRBUF_INIT;
	struct db_conn *c = db_acquire(db, &err);
	if (c)
		db_set_actor(c, 0, "demo");	/* audit: the demo's changes are the demo's */
	if (!c) {
		fprintf(stderr, "error: %s\n", err.buf);
		sb_release(&err);
		db_close(db);
		return 1;
	}
	sb_release(&err);
	struct arena *a = arena_new();
	/* the logins go to memory first: they are printed only once the
	 * transaction has committed, never for users that do not exist */
	char *logins = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&logins, &len);
	int rc = 0;
	struct org o;
	enum err e = out ? org_by_slug(c, a, DEMO_SLUG, &o) : E_INTERNAL;
	if (!e) {
		fputs("the demo organisation exists already\n", stderr);
		rc = 1;
		goto out;
	}
	if (e != E_NOTFOUND || (e = db_begin(c))) {
		rc = cmd_error("cannot create the demo organisation (%s): %s", err_name(e), db_errmsg(c));
		goto out;
	}
	/* one big transaction: the import's page cache and checkpoint
	 * settings keep it from spilling pages to the WAL over and over */
	struct import_bulk bulk;
	import_rows_bulk_begin(c, &bulk);
	e = demo_create(c, a, out);
	if (!e)
		e = db_commit(c);
	import_rows_bulk_end(c, &bulk);
	if (e) {
		db_rollback(c);
		rc = cmd_error("the demo organisation was not created (%s)", err_name(e));
		goto out;
	}
	fclose(out);
	out = NULL;
	fwrite(logins, 1, len, stdout);
out:
	if (out)
		fclose(out);
	free(logins);
	db_release(c);
	arena_free(a);
	db_close(db);
	return rc;
}
