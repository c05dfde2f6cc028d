/* rollups: rebuild the figures' roll-ups (migrations 0027, 0033, 0040) from
 * the data, or check that they equal a full recomputation (exit 1 and the
 * first differences when they do not), for one organisation or all. */
#include "cmd.h"
#include "../store/rollups.h"
#include <getopt.h>
#include <stdio.h>
#include <string.h>

int cmd_rollups(int argc, char **argv)
{
	if (argc < 2)
		return cmd_usage("rollups");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help_for("rollups");
	int check = !strcmp(argv[1], "check");
	if (!check && strcmp(argv[1], "rebuild"))
		return cmd_usage("rollups");
	const char *dburl = NULL, *slug = NULL;
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
	};
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': dburl = optarg; break;
		case 'o': slug = optarg; break;
		case 'h': return cmd_help_for("rollups");
		default: return cmd_usage("rollups");
		}
	}
	if (optind < argc - 1)
		return cmd_usage("rollups");
	struct db *db = cmd_open_db(cmd_db_url(dburl), 1, 1);
	if (!db)
		return 1;
	struct strbuf err = STRBUF_INIT;
	struct db_conn *c = db_acquire(db, &err);
	if (!c) {
		cmd_error("%s", err.buf);
		sb_release(&err);
		db_close(db);
		return 1;
	}
	struct arena *a = arena_new();
	int64_t *ids;
	const char **slugs;
	size_t n = 0;
	int rc = 0;
	if (rollups_orgs(c, a, &ids, &slugs, &n, 100000)) {
		rc = cmd_error("cannot read the organisations (%s)", db_errmsg(c));
		goto out;
	}
	int found = 0;
	for (size_t i = 0; i < n; i++) {
		if (slug && strcmp(slug, slugs[i]))
			continue;
		found = 1;
		if (!check) {
			enum err e = rollups_rebuild(c, ids[i]);
			if (e) {
				rc = cmd_error("%s: cannot rebuild the roll-ups (%s: %s)", slugs[i], err_name(e), db_errmsg(c));
				goto out;
			}
			printf("%s: roll-ups rebuilt\n", slugs[i]);
			continue;
		}
		struct strbuf diff = STRBUF_INIT;
		int64_t nd = 0;
		enum err e = rollups_check(c, ids[i], &diff, &nd);
		if (e)
			rc = cmd_error("%s: cannot check the roll-ups (%s: %s)", slugs[i], err_name(e), db_errmsg(c));
		else if (nd) {
			printf("%s: the roll-ups differ from a full recomputation (first differences):\n%s", slugs[i],
			       diff.buf);
			rc = 1;
		} else
			printf("%s: roll-ups equal a full recomputation\n", slugs[i]);
		sb_release(&diff);
		if (e)
			goto out;
	}
	if (slug && !found)
		rc = cmd_error("there is no organisation '%s'", slug);
out:
	arena_free(a);
	sb_release(&err);
	db_release(c);
	db_close(db);
	return rc;
}
