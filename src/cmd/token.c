/*
 * token: API tokens from the command line — create one for a user (printed
 * once, only its hash is kept), list the tokens not revoked of an
 * organisation or one user (id, user, name, made, last used), and revoke
 * one by its id.
 */
#include "cmd.h"
#include "../store/orgs.h"
#include "../store/users.h"
#include "../store/auth.h"
#include "../domain/validate.h"
#include "../lib/util.h"
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* "2026-12-06 03:04" in UTC, or "never" */
static const char *when(char buf[32], int64_t epoch)
{
	if (!epoch)
		return "never";
	time_t t = (time_t)epoch;
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(buf, 32, "%Y-%m-%d %H:%M", &tm))
		return "?";
	return buf;
}

int cmd_token(int argc, char **argv)
{
	if (argc < 2)
		return cmd_usage("token");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help_for("token");
	const char *verb = argv[1];
	if (strcmp(verb, "create") && strcmp(verb, "list") && strcmp(verb, "revoke"))
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
	/* revoke takes the id as its one operand; the others none */
	int64_t id = 0;
	int operands = argc - 1 - optind;
	if (!slug)
		return cmd_usage("token");
	if (!strcmp(verb, "revoke")) {
		if (operands != 1 || email || parse_i64(argv[1 + optind], &id) || id < 1)
			return cmd_usage("token");
	} else if (operands != 0 || (!strcmp(verb, "create") && !email)) {
		return cmd_usage("token");
	}
	struct cmd_org_ctx x;
	if (cmd_org_open(&x, dburl, slug))
		return 1;
	struct db_conn *c = x.c;
	struct arena *a = x.a;
	const struct org o = x.org;
	int rc = 0;
	enum err e;
	struct user u = { .id = 0 };
	if (email) {
		char *em = arena_strdup(a, email);
		email_normalise(em);
		if (user_by_email(c, a, o.id, em, &u) || (!u.active && !strcmp(verb, "create"))) {
			rc = cmd_error("there is no active user %s in %s", email, slug);
			goto out;
		}
	}
	if (!strcmp(verb, "create")) {
		const char *tok;
		if ((e = token_create(c, a, o.id, u.id, label, &tok))) {
			rc = cmd_error("cannot create the token (%s)", err_name(e));
			goto out;
		}
		printf("%s\n", tok);
		fprintf(stderr, "this token is shown once; keep it safe\n");
	} else if (!strcmp(verb, "list")) {
		struct api_token_list l;
		if ((e = token_list(c, a, o.id, u.id, &l))) {
			rc = cmd_error("cannot list the tokens (%s)", err_name(e));
			goto out;
		}
		printf("id\tuser\tname\tmade\tlast used\n");
		for (size_t i = 0; i < l.n; i++) {
			char b1[32], b2[32];
			printf("%lld\t%s\t%s\t%s\t%s\n", (long long)l.items[i].id, l.items[i].user_email,
			       l.items[i].label, when(b1, l.items[i].created_at), when(b2, l.items[i].last_used_at));
		}
	} else {
		e = token_revoke(c, o.id, 0, id);
		if (e == E_NOTFOUND)
			rc = cmd_error("there is no token %lld in %s that is not revoked", (long long)id, slug);
		else if (e)
			rc = cmd_error("cannot revoke the token (%s)", err_name(e));
		else
			fprintf(stderr, "token %lld revoked\n", (long long)id);
	}
out:
	cmd_org_close(&x);
	return rc;
}
