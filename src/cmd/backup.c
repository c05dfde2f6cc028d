/* backup: a consistent copy of the database while the server may be running. */
#include "cmd.h"
#include <getopt.h>
#include <stdio.h>

int cmd_backup(int argc, char **argv)
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
		case 'h': return cmd_help_for("backup");
		default: return cmd_usage("backup");
		}
	}
	if (optind != argc - 1)
		return cmd_usage("backup");
	const char *file = argv[optind];
	struct db *db = cmd_open_db(cmd_db_url(dburl), 1, 0);
	if (!db)
		return 1;
	struct strbuf err = STRBUF_INIT;
	enum db_kind kind = db_kind(db);
	enum err e = db_backup(db, file, &err);
	db_close(db);
	if (e) {
		cmd_error("%s", err.buf);
		sb_release(&err);
		return 1;
	}
	sb_release(&err);
	printf("backup written to %s%s\n", file,
	       kind == DB_PG ? " (pg_dump custom format; restore with pg_restore)" : "");
	return 0;
}
