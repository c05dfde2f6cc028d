/*
 * test-access-pulse: the wellbeing pulse's rules of domain/access.c as
 * tables — every relation of a caller to rep 11 (team A) for answering the
 * rep's pulse, reading the rep's answers while the rep does not share and
 * while they share, and reading team A's weekly averages. Admins follow the
 * managers' rules: only one who leads the team. No database.
 */
#include "check-util.h"
#include "domain/access.h"
#include <stdio.h>

#include "access-callers.h"

/* answer / see unshared / see shared / team A's averages */
static const int who[NREL][4] = {
	[SELF] = { 1, 1, 1, 0 },        [MATE] = { 0, 0, 0, 0 },         [OTHER_TEAM] = { 0, 0, 0, 0 },
	[MGR_LEADS] = { 0, 0, 1, 1 },   [MGR_OTHER] = { 0, 0, 0, 0 },    [ADMIN] = { 0, 0, 0, 0 },
	[ADMIN_LEADS] = { 0, 0, 1, 1 }, [ADMIN_ORG2] = { 0, 0, 0, 0 },   [MGR_ORG2] = { 0, 0, 0, 0 },
	[INACTIVE] = { 0, 0, 0, 0 },    [INACTIVE_MGR] = { 0, 0, 0, 0 }, [NONE] = { 0, 0, 0, 0 },
};

START_TEST(pulse_table)
{
	for (int r = 0; r < NREL; r++) {
		struct viewer v = caller((enum rel)r);
		ck_assert_msg(access_pulse_answer(&v, &rita) == who[r][0], "answer: %s", rel_names[r]);
		ck_assert_msg(access_pulse_individual(&v, &rita, 0) == who[r][1], "see unshared: %s", rel_names[r]);
		ck_assert_msg(access_pulse_individual(&v, &rita, 1) == who[r][2], "see shared: %s", rel_names[r]);
		ck_assert_msg(access_pulse_team(&v, 1, 100) == who[r][3], "team averages: %s", rel_names[r]);
	}
}
END_TEST

START_TEST(pulse_edges)
{
	struct viewer mgr = caller(MGR_LEADS), other = caller(MGR_OTHER);
	/* team B's averages are its own manager's */
	ck_assert_int_eq(access_pulse_team(&other, 1, 200), 1);
	ck_assert_int_eq(access_pulse_team(&mgr, 1, 200), 0);
	/* no team: nobody's averages */
	ck_assert_int_eq(access_pulse_team(&mgr, 1, 0), 0);
	/* a rep in no team who shares: only themself */
	struct person loner = { 14, 1, 0 };
	ck_assert_int_eq(access_pulse_individual(&mgr, &loner, 1), 0);
	ck_assert_int_eq(access_pulse_individual(&mgr, NULL, 1), 0);
	/* a rep who leads nothing cannot see team averages of their own team */
	struct viewer rep = caller(SELF);
	ck_assert_int_eq(access_pulse_team(&rep, 1, 100), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-pulse");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, pulse_table);
	tcase_add_test(tc, pulse_edges);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
