/* token: create an API token for a user; it is printed once, only its hash is kept. */
#include "cmd.h"
#include "../store/orgs.h"
#include "../store/users.h"
#include "../store/auth.h"
#include "../domain/validate.h"
#include <getopt.h>
#include <stdio.h>
#include <string.h>

int cmd_token(int argc, char **argv)
{
	if (argc < 2)
		return cmd_usage("token");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help_for("token");
	if (strcmp(argv[1], "create"))
		return cmd_usage("token");
	const char *dburl = NULL, *slug = NULL, *email = NULL, *label = "";
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "email", required_argument, 0, 'e' }, { "label", required_argument, 0, 'l' },
		{ "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
	};
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': dburl = optarg; break;
		case 'o': slug = optarg; break;
		case 'e': email = optarg; break;
		case 'l': label = optarg; break;
		case 'h': return cmd_help_for("token");
		default: return cmd_usage("token");
		}
	}
	if (!slug || !email || optind < argc - 1)
		return cmd_usage("token");
	struct cmd_org_ctx x;
	if (cmd_org_open(&x, dburl, slug))
		return 1;
	struct db_conn *c = x.c;
	struct arena *a = x.a;
	const struct org o = x.org;
	int rc = 0;
	struct user u;
	char *em = arena_strdup(a, email);
	email_normalise(em);
	enum err e;
	if (user_by_email(c, a, o.id, em, &u) || !u.active) {
		rc = cmd_error("there is no active user %s in %s", email, slug);
		goto out;
	}
	const char *tok;
	if ((e = token_create(c, a, o.id, u.id, label, &tok))) {
		rc = cmd_error("cannot create the token (%s)", err_name(e));
		goto out;
	}
	printf("%s\n", tok);
	fprintf(stderr, "this token is shown once; keep it safe\n");
out:
	cmd_org_close(&x);
	return rc;
}
