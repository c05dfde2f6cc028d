/*
 * test-access-inbox: the rules of the coach's inbox (domain/access.c,
 * "levers (issue 10): the coach's inbox") as one table — every question ×
 * every relation of the caller to rep 11 ("rita", team A of organisation
 * 1). A manager who leads a team and an admin have an inbox; an item about
 * Rita reaches whoever leads team A and the organisation's admins, never
 * another manager, never Rita herself or a team-mate.
 */
#include "check-util.h"
#include "domain/access.h"

#include "access-callers.h"

enum q { HAS, ABOUT_RITA, NQ };
static const char *const q_names[NQ] = { "have an inbox", "get an item about rita" };

static int ask(enum q q, const struct viewer *v)
{
	switch (q) {
	case HAS: return access_inbox(v, 1);
	case ABOUT_RITA: return access_inbox_rep(v, &rita);
	default: return -1;
	}
}

static const int want[NREL][NQ] = {
	/*               HAS REP */
	[SELF]        = { 0,  0 },
	[MATE]        = { 0,  0 },
	[OTHER_TEAM]  = { 0,  0 },
	[MGR_LEADS]   = { 1,  1 },
	[MGR_OTHER]   = { 1,  0 },
	[ADMIN]       = { 1,  1 },
	[ADMIN_LEADS] = { 1,  1 },
};

START_TEST(rule_table)
{
	for (int r = 0; r < NREL; r++) {
		struct viewer v = caller((enum rel)r);
		for (int q = 0; q < NQ; q++)
			ck_assert_msg(ask((enum q)q, &v) == want[r][q], "%s, %s: got %d, want %d", rel_names[r],
				      q_names[q], ask((enum q)q, &v), want[r][q]);
	}
}
END_TEST

START_TEST(edges)
{
	struct viewer mgr = caller(MGR_LEADS), adm = caller(ADMIN);
	/* a manager who leads no team has no inbox */
	struct viewer idle = { .id = 21, .org_id = 1, .role = ROLE_MANAGER };
	ck_assert_int_eq(access_inbox(&idle, 1), 0);
	/* another organisation's rep with the same ids */
	struct person far = { 11, 2, 100 };
	ck_assert_int_eq(access_inbox_rep(&mgr, &far), 0);
	ck_assert_int_eq(access_inbox_rep(&adm, &far), 0);
	ck_assert_int_eq(access_inbox_rep(&mgr, NULL), 0);
	/* never about oneself: the manager as a member of their own team */
	struct person self = { 20, 1, 100 };
	ck_assert_int_eq(access_inbox_rep(&mgr, &self), 0);
	/* a rep of no team: only the admins */
	struct person alone = { 14, 1, 0 };
	ck_assert_int_eq(access_inbox_rep(&mgr, &alone), 0);
	ck_assert_int_eq(access_inbox_rep(&adm, &alone), 1);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-inbox");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, rule_table);
	tcase_add_test(tc, edges);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
