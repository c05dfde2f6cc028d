/* team: add a team, with its manager, territory and segment. */
#include "cmd.h"
#include "../store/orgs.h"
#include "../store/users.h"
#include "../store/people.h"
#include "../domain/validate.h"
#include <getopt.h>
#include <stdio.h>
#include <string.h>

int cmd_team(int argc, char **argv)
{
	if (argc < 2)
		return cmd_usage("team");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help_for("team");
	if (strcmp(argv[1], "add"))
		return cmd_usage("team");
	const char *dburl = NULL, *slug = NULL, *manager = NULL;
	struct new_team nt = { .territory = "", .segment = "" };
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "name", required_argument, 0, 'n' }, { "manager", required_argument, 0, 'm' },
		{ "territory", required_argument, 0, 't' }, { "segment", required_argument, 0, 's' },
		{ "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
	};
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': dburl = optarg; break;
		case 'o': slug = optarg; break;
		case 'n': nt.name = optarg; break;
		case 'm': manager = optarg; break;
		case 't': nt.territory = optarg; break;
		case 's': nt.segment = optarg; break;
		case 'h': return cmd_help_for("team");
		default: return cmd_usage("team");
		}
	}
	if (!slug || !nt.name || optind < argc - 1)
		return cmd_usage("team");
	struct cmd_org_ctx x;
	if (cmd_org_open(&x, dburl, slug))
		return 1;
	struct db_conn *c = x.c;
	struct arena *a = x.a;
	const struct org o = x.org;
	int rc = 0;
	enum err e;
	if (manager) {
		struct user u;
		char *em = arena_strdup(a, manager);
		email_normalise(em);
		if (user_by_email(c, a, o.id, em, &u)) {
			rc = cmd_error("--manager: there is no user %s in %s", manager, slug);
			goto out;
		}
		nt.manager_id = u.id;
	}
	int64_t id = 0;
	const char *field, *msg;
	e = people_add_team(c, a, o.id, &nt, &id, &field, &msg);
	if (e) {
		rc = msg ? cmd_error("--%s: %s", !strcmp(field, "manager_id") ? "manager" : field, msg)
			 : cmd_error("cannot add the team (%s)", err_name(e));
		goto out;
	}
	printf("team %s added to %s (id %lld)\n", nt.name, slug, (long long)id);
out:
	cmd_org_close(&x);
	return rc;
}
