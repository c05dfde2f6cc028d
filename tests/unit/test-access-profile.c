/*
 * test-access-profile: the rule of the team traits matrix (issue 8,
 * access_team_traits) beside the ones it must not be confused with: the
 * matrix of team A is seen by the manager who leads A and by an admin who
 * leads A — not by A's reps, not by the manager of B, not by an admin who
 * leads no team (who does see A's numbers, access_team_reps), not across
 * organisations, not when deactivated. A rep's profile is access_private.
 */
#include "check-util.h"
#include "domain/access.h"

static const int64_t led_a[] = { 100 }, led_b[] = { 200 };

START_TEST(team_traits)
{
	struct viewer rep = { 11, 1, ROLE_REP, 100, NULL, 0, 0 };
	struct viewer mgr_a = { 20, 1, ROLE_MANAGER, 0, led_a, 1, 0 };
	struct viewer mgr_b = { 30, 1, ROLE_MANAGER, 0, led_b, 1, 0 };
	struct viewer admin = { 50, 1, ROLE_ADMIN, 0, NULL, 0, 0 };
	struct viewer admin_leads = { 51, 1, ROLE_ADMIN, 0, led_a, 1, 0 };
	struct viewer admin_org2 = { 40, 2, ROLE_ADMIN, 0, led_a, 1, 0 };
	struct viewer mgr_gone = { 20, 1, ROLE_MANAGER, 0, led_a, 1, 1 };
	struct viewer rep_leads = { 11, 1, ROLE_REP, 100, led_a, 1, 0 };
	ck_assert_int_eq(access_team_traits(&mgr_a, 1, 100), 1);
	ck_assert_int_eq(access_team_traits(&admin_leads, 1, 100), 1);
	ck_assert_int_eq(access_team_traits(&rep, 1, 100), 0);
	ck_assert_int_eq(access_team_traits(&rep_leads, 1, 100), 0);
	ck_assert_int_eq(access_team_traits(&mgr_b, 1, 100), 0);
	ck_assert_int_eq(access_team_traits(&mgr_a, 1, 200), 0);
	ck_assert_int_eq(access_team_traits(&admin, 1, 100), 0);
	ck_assert_int_eq(access_team_reps(&admin, 1, 100), 1);	/* the numbers, yes; the traits, no */
	ck_assert_int_eq(access_team_traits(&admin_org2, 1, 100), 0);
	ck_assert_int_eq(access_team_traits(&mgr_gone, 1, 100), 0);
	ck_assert_int_eq(access_team_traits(&mgr_a, 1, 0), 0);
	ck_assert_int_eq(access_team_traits(NULL, 1, 100), 0);

	/* the profile: the rep and the leader of the rep's team */
	struct person rita = { 11, 1, 100 };
	ck_assert_int_eq(access_private(&rep, &rita), 1);
	ck_assert_int_eq(access_private(&mgr_a, &rita), 1);
	ck_assert_int_eq(access_private(&mgr_b, &rita), 0);
	ck_assert_int_eq(access_private(&admin, &rita), 0);
	ck_assert_int_eq(access_private(&admin_org2, &rita), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("access-profile");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, team_traits);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
