/*
 * test-routes: the route table's promises, checked on every route there is —
 * state-changing methods need CSRF, each route names exactly one audience,
 * the API answers JSON, no route is shadowed by an earlier one — and
 * route_match on ids, tails and wrong methods.
 */
#include "check-util.h"
#include "http/route.h"
#include <stdio.h>
#include <string.h>

#define WHO (R_ANON | R_REP | R_MANAGER | R_ADMIN)

static int state_changing(const char *m)
{
	return !strcmp(m, "POST") || !strcmp(m, "PUT") || !strcmp(m, "PATCH") || !strcmp(m, "DELETE");
}

START_TEST(table_not_empty)
{
	ck_assert_uint_gt(routes_count, 0);
}
END_TEST

START_TEST(route_flags)
{
	const struct route *rt = &routes[_i];
	const char *what = rt->pattern;
	ck_assert_msg(rt->fn != NULL, "%s %s: no handler", rt->method, what);
	ck_assert_msg(rt->pattern[0] == '/', "%s %s: pattern must start with /", rt->method, what);
	ck_assert_msg(!strcmp(rt->method, "GET") || state_changing(rt->method), "%s %s: unknown method",
		      rt->method, what);
	unsigned who = rt->flags & WHO;
	ck_assert_msg(who && !(who & (who - 1)), "%s %s: needs exactly one of R_ANON/R_REP/R_MANAGER/R_ADMIN "
		      "(flags 0x%x)", rt->method, what, rt->flags);
	if (state_changing(rt->method))
		ck_assert_msg(rt->flags & R_CSRF, "%s %s: changes state without R_CSRF", rt->method, what);
	int api = !strncmp(rt->pattern, "/api/", 5) || !strcmp(rt->pattern, "/api");
	if (api)
		ck_assert_msg(rt->flags & R_JSON, "%s %s: API route without R_JSON", rt->method, what);
	else
		ck_assert_msg(!(rt->flags & R_JSON), "%s %s: R_JSON outside /api/", rt->method, what);
	/* without a database nobody can be authenticated, so such a route must be open */
	if (rt->flags & R_NODB)
		ck_assert_msg(rt->flags & R_ANON, "%s %s: R_NODB needs R_ANON", rt->method, what);
	/* route_match keeps two ids and a '*' only at the end */
	int nid = 0;
	for (const char *p = rt->pattern; (p = strstr(p, "/:")); p++)
		nid++;
	ck_assert_msg(nid <= 2, "%s %s: more than two :id segments", rt->method, what);
	const char *star = strchr(rt->pattern, '*');
	ck_assert_msg(!star || (star[1] == '\0' && star[-1] == '/'), "%s %s: '*' must be a last segment",
		      rt->method, what);
}
END_TEST

/* each route answers its own pattern: nothing earlier in the table shadows it */
START_TEST(route_reachable)
{
	const struct route *rt = &routes[_i];
	char path[256];
	size_t o = 0;
	int64_t want[2] = { 0, 0 };
	int nid = 0;
	for (const char *p = rt->pattern; *p && o < sizeof(path) - 32;) {
		if (*p == ':') {
			want[nid] = 41 + nid;
			o += (size_t)snprintf(path + o, sizeof(path) - o, "%lld", (long long)want[nid]);
			nid++;
			while (*p && *p != '/')
				p++;
		} else if (*p == '*') {
			o += (size_t)snprintf(path + o, sizeof(path) - o, "x/y.css");
			p++;
		} else {
			path[o++] = *p++;
		}
	}
	path[o] = '\0';
	struct request r;
	memset(&r, 0, sizeof(r));
	int known = -1;
	const struct route *got = route_match(&r, rt->method, path, &known);
	ck_assert_msg(got == rt, "%s %s: matched %s %s", rt->method, path, got ? got->method : "nothing",
		      got ? got->pattern : "");
	ck_assert_int_eq(r.id, want[0]);
	ck_assert_int_eq(r.id2, want[1]);
	if (strchr(rt->pattern, '*'))
		ck_assert_str_eq(r.tail, "x/y.css");
	else
		ck_assert_ptr_null(r.tail);
}
END_TEST

START_TEST(no_duplicates)
{
	for (size_t i = 0; i < routes_count; i++)
		for (size_t j = i + 1; j < routes_count; j++)
			ck_assert_msg(strcmp(routes[i].method, routes[j].method) ||
				      strcmp(routes[i].pattern, routes[j].pattern),
				      "%s %s listed twice", routes[i].method, routes[i].pattern);
}
END_TEST

struct match_case {
	const char *method, *path;
	const char *pattern;	/* expected route, NULL for none */
	int64_t id;
	int path_known;
	const char *tail;
};

static const struct match_case match_cases[] = {
	{ "GET", "/admin/teams/12", "/admin/teams/:id", 12, 0, NULL },
	{ "POST", "/admin/teams/12", "/admin/teams/:id", 12, 0, NULL },
	{ "GET", "/admin/teams/9223372036854775807", "/admin/teams/:id", INT64_MAX, 0, NULL },
	{ "GET", "/admin/teams/abc", NULL, 0, 0, NULL },
	{ "GET", "/admin/teams/0", NULL, 0, 0, NULL },
	{ "GET", "/admin/teams/-1", NULL, 0, 0, NULL },
	{ "GET", "/admin/teams/1x", NULL, 0, 0, NULL },
	{ "GET", "/admin/teams/1.5", NULL, 0, 0, NULL },
	{ "GET", "/admin/teams/ 1", NULL, 0, 0, NULL },
	{ "GET", "/admin/teams/9223372036854775808", NULL, 0, 0, NULL },
	{ "GET", "/admin/teams/123456789012345678901234567890", NULL, 0, 0, NULL },
	{ "GET", "/admin/teams/", NULL, 0, 0, NULL },
	{ "GET", "/admin/teams/12/", NULL, 0, 0, NULL },
	{ "GET", "/admin/teams/12/x", NULL, 0, 0, NULL },
	{ "GET", "/admin/teams", "/admin/teams", 0, 0, NULL },
	{ "GET", "/admin/teams/", NULL, 0, 0, NULL },
	{ "POST", "/admin/users/7/active", "/admin/users/:id/active", 7, 0, NULL },
	{ "GET", "/admin/users/7/active", NULL, 0, 1, NULL },	/* POST only */
	{ "DELETE", "/admin/teams/12", NULL, 0, 1, NULL },	/* known path, wrong method */
	{ "get", "/login", NULL, 0, 1, NULL },			/* methods are case-sensitive */
	{ "PUT", "/login", NULL, 0, 1, NULL },
	{ "GET", "/login", "/login", 0, 0, NULL },
	{ "GET", "/", "/", 0, 0, NULL },
	{ "GET", "", NULL, 0, 0, NULL },
	{ "GET", "/nowhere", NULL, 0, 0, NULL },
	{ "GET", "/LOGIN", NULL, 0, 0, NULL },
	{ "GET", "/static/app.css", "/static/*", 0, 0, "app.css" },
	{ "GET", "/static/", "/static/*", 0, 0, "" },
	{ "GET", "/static", NULL, 0, 0, NULL },
	{ "POST", "/static/app.css", NULL, 0, 1, NULL },
	{ "GET", "/api/v1/teams/5", "/api/v1/teams/:id", 5, 0, NULL },
	{ "GET", "/api/v1/users/3", "/api/v1/users/:id", 3, 0, NULL },
	{ "GET", "/api/v1/", NULL, 0, 0, NULL },
};

START_TEST(match_table)
{
	const struct match_case *c = &match_cases[_i];
	struct request r;
	memset(&r, 0, sizeof(r));
	r.id = r.id2 = -99;
	int known = -1;
	const struct route *got = route_match(&r, c->method, c->path, &known);
	char what[160];
	snprintf(what, sizeof(what), "%s \"%s\"", c->method, c->path);
	if (!c->pattern) {
		ck_assert_msg(got == NULL, "%s: matched %s", what, got ? got->pattern : "");
		ck_assert_msg(known == c->path_known, "%s: path_known %d, want %d", what, known, c->path_known);
		return;
	}
	ck_assert_msg(got != NULL, "%s: no match", what);
	ck_str(got->pattern, c->pattern, what);
	ck_str(got->method, c->method, what);
	ck_assert_msg(r.id == c->id, "%s: id %lld, want %lld", what, (long long)r.id, (long long)c->id);
	ck_assert_int_eq(r.id2, 0);
	if (c->tail)
		ck_str(r.tail, c->tail, what);
	else
		ck_assert_ptr_null(r.tail);
}
END_TEST

START_TEST(match_without_request)
{
	/* the router asks with no request to tell 404 from 405 */
	int known = -1;
	ck_assert_ptr_nonnull(route_match(NULL, "GET", "/admin/teams/3", &known));
	ck_assert_int_eq(known, 0);
	ck_assert_ptr_null(route_match(NULL, "PATCH", "/admin/teams/3", &known));
	ck_assert_int_eq(known, 1);
	ck_assert_ptr_null(route_match(NULL, "GET", "/missing", &known));
	ck_assert_int_eq(known, 0);
}
END_TEST

static Suite *routes_suite(void)
{
	Suite *s = suite_create("routes");
	TCase *tc = tcase_create("table");
	tcase_add_test(tc, table_not_empty);
	tcase_add_loop_test(tc, route_flags, 0, (int)routes_count);
	tcase_add_loop_test(tc, route_reachable, 0, (int)routes_count);
	tcase_add_test(tc, no_duplicates);
	suite_add_tcase(s, tc);

	tc = tcase_create("match");
	tcase_add_loop_test(tc, match_table, 0, (int)N_ELEMS(match_cases));
	tcase_add_test(tc, match_without_request);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(routes_suite());
}
