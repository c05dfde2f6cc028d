/* candidates: 'salesgarden candidates anonymise' anonymises the candidates
 * whose data is past its retention date (of every organisation, or of
 * --org SLUG only), as the server does once a day (jobs/candidate-retention.c).
 * Today is today_date()'s: SALESGARDEN_TODAY pins it. */
#include "cmd.h"
#include "../jobs/candidate-retention.h"
#include "../lib/util.h"
#include <getopt.h>
#include <stdio.h>
#include <string.h>

int cmd_candidates(int argc, char **argv)
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
		case 'h': return cmd_help_for("candidates");
		default: return cmd_usage("candidates");
		}
	}
	if (optind != argc - 1 || strcmp(argv[optind], "anonymise"))
		return cmd_usage("candidates");
	char today[11];
	today_date(today);
	int64_t n = 0;
	enum err e;
	if (slug) {
		struct cmd_org_ctx x;
		if (cmd_org_open(&x, dburl, slug))
			return 1;
		e = candidate_retention_run(x.c, x.org.id, today, &n);
		if (e)
			cmd_error("cannot anonymise the candidates: %s", db_errmsg(x.c));
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
		e = candidate_retention_run(c, 0, today, &n);
		if (e)
			cmd_error("cannot anonymise the candidates: %s", db_errmsg(c));
		db_release(c);
		db_close(db);
	}
	printf("%lld candidate%s past the retention date anonymised\n", (long long)n, n == 1 ? "" : "s");
	return e ? 1 : 0;
}
