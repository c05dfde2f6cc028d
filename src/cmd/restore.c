/* restore: a backup back into a new, empty database, brought up to date. */
#include "cmd.h"
#include <getopt.h>
#include <stdio.h>

int cmd_restore(int argc, char **argv)
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
		case 'h': return cmd_help_for("restore");
		default: return cmd_usage("restore");
		}
	}
	if (optind != argc - 1)
		return cmd_usage("restore");
	const char *file = argv[optind];
	const char *url = cmd_db_url(dburl);
	struct db *db = NULL;
	struct strbuf err = STRBUF_INIT;
	/* opened without the schema check: the target is empty on purpose */
	if (db_open(url, 1, &db, &err)) {
		cmd_error("%s", err.buf);
		sb_release(&err);
		return 1;
	}
	enum err e = db_restore(db, file, &err);
	if (!e) {
		struct db_conn *c = db_acquire(db, &err);
		int applied = 0;
		e = c ? db_migrate(c, &err, &applied) : E_UNAVAILABLE;
		if (c)
			db_release(c);
		if (!e)
			printf("restored %s into %s; schema version %d%s\n", file, url, db_schema_latest(),
			       applied ? " (brought up to date)" : "");
	}
	db_close(db);
	if (e)
		cmd_error("%s", err.buf);
	sb_release(&err);
	return e ? 1 : 0;
}
