/* audit: 'salesgarden audit purge' deletes the audit rows older than the
 * retention of each organisation (or of --org SLUG only), as the server does
 * once a day. The database's trigger refuses any younger row. */
#include "cmd.h"
#include "../store/audit.h"
#include <getopt.h>
#include <stdio.h>
#include <string.h>

int cmd_audit(int argc, char **argv)
{
	const char *dburl = NULL, *slug = NULL;
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
	};
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': dburl = optarg; break;
		case 'o': slug = optarg; break;
		case 'h': return cmd_help_for("audit");
		default: return cmd_usage("audit");
		}
	}
	if (optind != argc - 1 || strcmp(argv[optind], "purge"))
		return cmd_usage("audit");
	int64_t deleted = 0;
	enum err e;
	if (slug) {
		struct cmd_org_ctx x;
		if (cmd_org_open(&x, dburl, slug))
			return 1;
		e = audit_purge(x.c, x.org.id, &deleted);
		if (e)
			cmd_error("cannot purge the audit log: %s", db_errmsg(x.c));
		cmd_org_close(&x);
	} else {
		struct db *db = cmd_open_db(cmd_db_url(dburl), 1, 1);
		if (!db)
			return 1;
		struct db_conn *c = db_acquire(db, NULL);
		if (!c) {
			db_close(db);
			return cmd_error("the database is not available");
		}
		db_set_actor(c, 0, "cli");
		e = audit_purge(c, 0, &deleted);
		if (e)
			cmd_error("cannot purge the audit log: %s", db_errmsg(c));
		db_release(c);
		db_close(db);
	}
	if (e)
		return 1;
	printf("%lld audit row%s older than the retention deleted\n", (long long)deleted, deleted == 1 ? "" : "s");
	return 0;
}
