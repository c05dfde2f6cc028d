/* copy: a SQLite database into a new PostgreSQL one, for the organisation
 * that outgrows one machine (db/copy.c does the work). */
#include "cmd.h"
#include <getopt.h>
#include <stdio.h>
#include <string.h>

int cmd_copy(int argc, char **argv)
{
	const char *from = NULL, *to = NULL;
	static const struct option opts[] = {
		{ "from", required_argument, 0, 'f' }, { "to", required_argument, 0, 't' },
		{ "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
	};
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'h': return cmd_help_for("copy");
		default: return cmd_usage("copy");
		}
	}
	if (!from || !to || optind != argc)
		return cmd_usage("copy");
	if (strncmp(from, "sqlite:", 7))
		return cmd_error("--from must be a SQLite database (sqlite:PATH)");
	if (strncmp(to, "postgresql://", 13) && strncmp(to, "postgres://", 11))
		return cmd_error("--to must be a PostgreSQL database (postgresql://USER@HOST:PORT/NAME)");
	struct db *db = NULL;
	struct strbuf err = STRBUF_INIT;
	if (db_open(to, 1, &db, &err)) {
		cmd_error("%s", err.buf);
		sb_release(&err);
		return 1;
	}
	enum err e = db_copy_sqlite_to_pg(from + 7, db, stdout, &err);
	db_close(db);
	if (e)
		cmd_error("%s; no row was copied (drop the target database and create it again before the next try)", err.buf);
	sb_release(&err);
	return e ? 1 : 0;
}
