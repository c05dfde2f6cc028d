/*
 * test-access-contests: the rules of leaderboards and contests
 * (domain/access.c, "levers (issue 10)") as one table — every question ×
 * every relation of the caller to rep 11 ("rita", team A of organisation
 * 1). The organisation's leaderboard is every member's, team A's its
 * members' and whoever manages it; team A's revenue setting is its
 * manager's or an admin's; a contest of team A is seen by team A and whoever
 * manages it, one of teams A and B by both teams; it is managed by an admin
 * or a manager who leads every team taking part.
 */
#include "check-util.h"
#include "domain/access.h"

#include "access-callers.h"

enum q { ORG_LB, TEAM_LB, SETTING, SEE_A, SEE_AB, MANAGE_A, MANAGE_AB, CREATE, NQ };
static const char *const q_names[NQ] = {
	"see the organisation's leaderboard", "see team A's leaderboard", "set team A's revenue setting",
	"see a contest of team A", "see a contest of teams A and B", "manage a contest of team A",
	"manage a contest of teams A and B", "open the new contest form",
};

static const int64_t only_a[] = { 100 }, a_and_b[] = { 100, 200 };
static const struct contest_ref contest_a = { 1, only_a, 1 }, contest_ab = { 1, a_and_b, 2 };

static int ask(enum q q, const struct viewer *v)
{
	switch (q) {
	case ORG_LB: return access_leaderboard_see(v, 1, 0);
	case TEAM_LB: return access_leaderboard_see(v, 1, 100);
	case SETTING: return access_leaderboard_setting(v, 1, 100);
	case SEE_A: return access_contest_see(v, &contest_a);
	case SEE_AB: return access_contest_see(v, &contest_ab);
	case MANAGE_A: return access_contest_manage(v, &contest_a);
	case MANAGE_AB: return access_contest_manage(v, &contest_ab);
	case CREATE: return access_contest_create(v, 1);
	default: return -1;
	}
}

static const int want[NREL][NQ] = {
	/*               ORG TEA SET SEA SAB MA  MAB CRE */
	[SELF]        = { 1,  1,  0,  1,  1,  0,  0,  0 },
	[MATE]        = { 1,  1,  0,  1,  1,  0,  0,  0 },
	[OTHER_TEAM]  = { 1,  0,  0,  0,  1,  0,  0,  0 },
	[MGR_LEADS]   = { 1,  1,  1,  1,  1,  1,  0,  1 },
	[MGR_OTHER]   = { 1,  0,  0,  0,  1,  0,  0,  1 },
	[ADMIN]       = { 1,  1,  1,  1,  1,  1,  1,  1 },
	[ADMIN_LEADS] = { 1,  1,  1,  1,  1,  1,  1,  1 },
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
	struct viewer mgr = caller(MGR_LEADS), adm = caller(ADMIN), mate = caller(MATE);
	/* a contest of no team is nobody's to manage; an admin still sees it */
	struct contest_ref none = { 1, NULL, 0 };
	ck_assert_int_eq(access_contest_manage(&adm, &none), 0);
	ck_assert_int_eq(access_contest_see(&adm, &none), 1);
	ck_assert_int_eq(access_contest_see(&mate, &none), 0);
	ck_assert_int_eq(access_contest_see(&mate, NULL), 0);
	/* the same team ids in another organisation */
	struct contest_ref far = { 2, only_a, 1 };
	ck_assert_int_eq(access_contest_see(&mgr, &far), 0);
	ck_assert_int_eq(access_contest_manage(&mgr, &far), 0);
	ck_assert_int_eq(access_leaderboard_see(&mgr, 2, 0), 0);
	/* no team, no setting */
	ck_assert_int_eq(access_leaderboard_setting(&adm, 1, 0), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-contests");
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
