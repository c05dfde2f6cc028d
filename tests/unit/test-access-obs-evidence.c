/*
 * test-access-obs-evidence: which observations may be pulled into an
 * assessment form as evidence (access_assessment_observations and
 * access_assessment_observation_use of domain/access.c) — every caller
 * against Rita's (rep 11, team A) manager, self and peer forms, and
 * observations of Rita, of another rep and of another organisation. No
 * database.
 */
#include "check-util.h"
#include "domain/access.h"

/* Organisation 1: team A (100) led by manager 20; team B (200) led by
 * manager 30; reps 11 (Rita) and 13 in team A, rep 12 in B; admin 50 leads
 * no team. Organisation 2: manager 41 with the twin team id 100. */
static const int64_t led_a[] = { 100 }, led_b[] = { 200 };
static const struct person rita = { 11, 1, 100 }, rob = { 12, 1, 200 };

static struct assessment_form form(enum rater_kind kind, int64_t rater)
{
	return (struct assessment_form){ .org_id = 1, .rep = rita, .rater_id = rater, .kind = kind, .round_open = 1 };
}

START_TEST(listing)
{
	struct viewer max = { .id = 20, .org_id = 1, .role = ROLE_MANAGER, .led_teams = led_a, .nled = 1 };
	struct viewer mia = { .id = 30, .org_id = 1, .role = ROLE_MANAGER, .led_teams = led_b, .nled = 1 };
	struct viewer ritav = { .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100 };
	struct viewer mate = { .id = 13, .org_id = 1, .role = ROLE_REP, .team_id = 100 };
	struct viewer ann = { .id = 50, .org_id = 1, .role = ROLE_ADMIN };
	struct viewer x = { .id = 20, .org_id = 2, .role = ROLE_MANAGER, .led_teams = led_a, .nled = 1 };
	struct viewer gone = max;
	gone.inactive = 1;
	struct assessment_form mgr = form(RATER_MANAGER, 20), self = form(RATER_SELF, 11), peer = form(RATER_PEER, 13);
	/* the manager's own form, the rep's own self form: yes */
	ck_assert_int_eq(access_assessment_observations(&max, &mgr), 1);
	ck_assert_int_eq(access_assessment_observations(&ritav, &self), 1);
	/* a peer's form never, even for a team-mate who may see their own */
	ck_assert_int_eq(access_assessment_observations(&mate, &peer), 0);
	/* not the rater: the rep reading the manager's form, the manager reading
	 * the self form, another manager, an admin who does not lead the team */
	ck_assert_int_eq(access_assessment_observations(&ritav, &mgr), 0);
	ck_assert_int_eq(access_assessment_observations(&max, &self), 0);
	struct assessment_form mia_mgr = form(RATER_MANAGER, 30), ann_mgr = form(RATER_MANAGER, 50);
	/* a rater who does not (or no longer) lead the rep's team: no */
	ck_assert_int_eq(access_assessment_observations(&mia, &mia_mgr), 0);
	ck_assert_int_eq(access_assessment_observations(&ann, &ann_mgr), 0);
	/* another organisation, a deactivated manager: no */
	ck_assert_int_eq(access_assessment_observations(&x, &mgr), 0);
	ck_assert_int_eq(access_assessment_observations(&gone, &mgr), 0);
	ck_assert_int_eq(access_assessment_observations(&max, NULL), 0);
}
END_TEST

START_TEST(using)
{
	struct viewer max = { .id = 20, .org_id = 1, .role = ROLE_MANAGER, .led_teams = led_a, .nled = 1 };
	struct viewer ritav = { .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100 };
	struct viewer mate = { .id = 13, .org_id = 1, .role = ROLE_REP, .team_id = 100 };
	struct assessment_form mgr = form(RATER_MANAGER, 20), self = form(RATER_SELF, 11), peer = form(RATER_PEER, 13);
	struct observation_ref by_max = { rita, 20 }, by_mate = { rita, 13 }, of_rob = { rob, 30 };
	struct observation_ref other_org = { { 11, 2, 100 }, 20 };
	ck_assert_int_eq(access_assessment_observation_use(&max, &mgr, &by_max), 1);
	ck_assert_int_eq(access_assessment_observation_use(&max, &mgr, &by_mate), 1);
	ck_assert_int_eq(access_assessment_observation_use(&ritav, &self, &by_max), 1);
	ck_assert_int_eq(access_assessment_observation_use(&ritav, &self, &by_mate), 1);
	/* another rep's, another organisation's (the same ids): never */
	ck_assert_int_eq(access_assessment_observation_use(&max, &mgr, &of_rob), 0);
	ck_assert_int_eq(access_assessment_observation_use(&ritav, &self, &of_rob), 0);
	ck_assert_int_eq(access_assessment_observation_use(&max, &mgr, &other_org), 0);
	/* a peer, even the observer of their own ride-along: never */
	ck_assert_int_eq(access_assessment_observation_use(&mate, &peer, &by_mate), 0);
	/* someone else's form */
	ck_assert_int_eq(access_assessment_observation_use(&max, &self, &by_max), 0);
	ck_assert_int_eq(access_assessment_observation_use(&max, &mgr, NULL), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-obs-evidence");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, listing);
	tcase_add_test(tc, using);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
