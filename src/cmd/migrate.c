/* migrate: bring the schema up to date; running it again changes nothing. */
#include "cmd.h"
#include <getopt.h>
#include <stdio.h>

int cmd_migrate(int argc, char **argv)
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
		case 'h': return cmd_help_for("migrate");
		default: return cmd_usage("migrate");
		}
	}
	if (optind < argc)
		return cmd_usage("migrate");
	struct db *db = cmd_open_db(cmd_db_url(dburl), 1, 1);
	if (!db)
		return 1;
	printf("schema version %d\n", db_schema_latest());
	db_close(db);
	return 0;
}
