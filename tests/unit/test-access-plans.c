/*
 * test-access-plans: the rules of development plans and recognition
 * (domain/access.c, "development plans and recognition") as one table —
 * every question × every relation of the caller to rep 11, the plan's rep,
 * with the expected answer. A plan is private: the rep and the manager who
 * leads the rep's team; only that manager writes it and recognises; both
 * add check-ins; the rep marks done the actions they own.
 */
#include "check-util.h"
#include "domain/access.h"

/* organisation 1: team A (100) led by manager 20, team B (200) by manager
 * 30; admin 50 leads no team, admin 51 leads team A; organisation 2's
 * admin 40 "leads" the same team id to catch a check that forgets the
 * organisation */
static const int64_t led_a[] = { 100 }, led_b[] = { 200 };

enum rel { SELF, SAME_TEAM, OTHER_TEAM, MGR_LEADS, MGR_OTHER, ADMIN, ADMIN_LEADS, ADMIN_ORG2, INACTIVE, NREL };
static const char *const rel_names[NREL] = {
	"the rep", "same-team rep", "other-team rep", "manager leading the team", "manager of another team",
	"admin not leading the team", "admin leading the team", "admin of another organisation", "deactivated rep",
};

static struct viewer caller(enum rel rel)
{
	switch (rel) {
	case SELF: return (struct viewer){ .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100 };
	case SAME_TEAM: return (struct viewer){ .id = 13, .org_id = 1, .role = ROLE_REP, .team_id = 100 };
	case OTHER_TEAM: return (struct viewer){ .id = 12, .org_id = 1, .role = ROLE_REP, .team_id = 200 };
	case MGR_LEADS:
		return (struct viewer){ .id = 20, .org_id = 1, .role = ROLE_MANAGER, .led_teams = led_a, .nled = 1 };
	case MGR_OTHER:
		return (struct viewer){ .id = 30, .org_id = 1, .role = ROLE_MANAGER, .led_teams = led_b, .nled = 1 };
	case ADMIN: return (struct viewer){ .id = 50, .org_id = 1, .role = ROLE_ADMIN };
	case ADMIN_LEADS:
		return (struct viewer){ .id = 51, .org_id = 1, .role = ROLE_ADMIN, .led_teams = led_a, .nled = 1 };
	case ADMIN_ORG2:
		return (struct viewer){ .id = 40, .org_id = 2, .role = ROLE_ADMIN, .led_teams = led_a, .nled = 1 };
	default: return (struct viewer){ .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100, .inactive = 1 };
	}
}

static const struct person rep11 = { 11, 1, 100 };

enum q { SEE, MANAGE, CHECKIN, DONE_OWN, DONE_MGRS, RECOGNISE, NOTE, NQ };
static const char *const q_names[NQ] = {
	"see the plan", "write the plan", "add a check-in", "mark the rep's action done",
	"mark the manager's action done", "recognise", "read a recognition note",
};

static int ask(enum q q, const struct viewer *v)
{
	switch (q) {
	case SEE: return access_plan_see(v, &rep11);
	case MANAGE: return access_plan_manage(v, &rep11);
	case CHECKIN: return access_plan_checkin(v, &rep11);
	case DONE_OWN: return access_plan_action_done(v, &rep11, 11);
	case DONE_MGRS: return access_plan_action_done(v, &rep11, 20);
	case RECOGNISE: return access_recognise(v, &rep11);
	case NOTE: return access_recognition_see(v, &rep11);
	default: return -1;
	}
}

/* rows: relation; columns: the questions above */
static const int want[NREL][NQ] = {
	/*               SEE MAN CHK DOWN DMGR REC NOTE */
	[SELF]        = { 1,  0,  1,  1,   0,   0,  1 },
	[SAME_TEAM]   = { 0,  0,  0,  0,   0,   0,  0 },
	[OTHER_TEAM]  = { 0,  0,  0,  0,   0,   0,  0 },
	[MGR_LEADS]   = { 1,  1,  1,  1,   1,   1,  1 },
	[MGR_OTHER]   = { 0,  0,  0,  0,   0,   0,  0 },
	[ADMIN]       = { 0,  0,  0,  0,   0,   0,  0 },
	[ADMIN_LEADS] = { 1,  1,  1,  1,   1,   1,  1 },
	[ADMIN_ORG2]  = { 0,  0,  0,  0,   0,   0,  0 },
	[INACTIVE]    = { 0,  0,  0,  0,   0,   0,  0 },
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
	struct viewer v = caller(MGR_LEADS);
	ck_assert_int_eq(access_plan_see(&v, NULL), 0);
	ck_assert_int_eq(access_plan_manage(&v, NULL), 0);
	/* a manager's own plan (as a member of a team they lead) is not theirs to write */
	struct person self_mgr = { 20, 1, 100 };
	ck_assert_int_eq(access_plan_see(&v, &self_mgr), 1);
	ck_assert_int_eq(access_plan_manage(&v, &self_mgr), 0);
	ck_assert_int_eq(access_recognise(&v, &self_mgr), 0);
	/* a rep of no team: only the rep */
	struct person loner = { 14, 1, 0 };
	ck_assert_int_eq(access_plan_see(&v, &loner), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-plans");
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
