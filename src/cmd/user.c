/* user: add a user to an organisation, optionally in a team. Without
 * --password-stdin a password is generated and printed once. */
#include "cmd.h"
#include "../store/orgs.h"
#include "../store/teams.h"
#include "../store/people.h"
#include "../domain/validate.h"
#include "../lib/password.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_user(int argc, char **argv)
{
	if (argc < 2)
		return cmd_usage("user");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help_for("user");
	if (strcmp(argv[1], "add"))
		return cmd_usage("user");
	const char *dburl = NULL, *slug = NULL, *team = NULL;
	int pw_stdin = 0;
	struct new_user nu = { 0 };
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "email", required_argument, 0, 'e' }, { "name", required_argument, 0, 'n' },
		{ "role", required_argument, 0, 'r' }, { "team", required_argument, 0, 't' },
		{ "password-stdin", no_argument, 0, 'p' }, { "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
	};
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': dburl = optarg; break;
		case 'o': slug = optarg; break;
		case 'e': nu.email = optarg; break;
		case 'n': nu.name = optarg; break;
		case 'r': nu.role = optarg; break;
		case 't': team = optarg; break;
		case 'p': pw_stdin = 1; break;
		case 'h': return cmd_help_for("user");
		default: return cmd_usage("user");
		}
	}
	if (!slug || !nu.email || !nu.name || !nu.role || optind < argc - 1)
		return cmd_usage("user");
	char generated[17];
	char *typed = NULL;
	if (pw_stdin) {
		typed = cmd_read_line();
		if (!typed)
			return cmd_error("--password-stdin: no password on standard input");
		nu.password = typed;
	} else {
		password_generate(generated);
		nu.password = generated;
	}
	int rc = 0;
	struct cmd_org_ctx x;
	if (cmd_org_open(&x, dburl, slug)) {
		free(typed);
		return 1;
	}
	struct db_conn *c = x.c;
	struct arena *a = x.a;
	const struct org o = x.org;
	enum err e;
	if (team) {
		struct team t;
		if (team_by_name(c, a, o.id, team, &t)) {
			rc = cmd_error("--team: there is no team '%s' in %s", team, slug);
			goto out;
		}
		nu.team_id = t.id;
	}
	int64_t id = 0;
	const char *field, *msg;
	e = people_add_user(c, a, o.id, &nu, &id, &field, &msg);
	if (e) {
		rc = msg ? cmd_error("--%s: %s", field, msg) : cmd_error("cannot add the user (%s)", err_name(e));
		goto out;
	}
	char *shown = arena_strdup(a, nu.email);
	email_normalise(shown);
	printf("user %s added to %s as %s (id %lld)\n", shown, slug, nu.role, (long long)id);
	if (!pw_stdin)
		printf("password: %s\n", generated);
out:
	cmd_org_close(&x);
	free(typed);
	return rc;
}
