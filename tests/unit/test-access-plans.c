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

#include "access-callers.h"

enum q { SEE, MANAGE, CHECKIN, DONE_OWN, DONE_MGRS, RECOGNISE, NOTE, NQ };
static const char *const q_names[NQ] = {
	"see the plan", "write the plan", "add a check-in", "mark the rep's action done",
	"mark the manager's action done", "recognise", "read a recognition note",
};

static int ask(enum q q, const struct viewer *v)
{
	switch (q) {
	case SEE: return access_plan_see(v, &rita);
	case MANAGE: return access_plan_manage(v, &rita);
	case CHECKIN: return access_plan_checkin(v, &rita);
	case DONE_OWN: return access_plan_action_done(v, &rita, 11);
	case DONE_MGRS: return access_plan_action_done(v, &rita, 20);
	case RECOGNISE: return access_recognise(v, &rita);
	case NOTE: return access_recognition_see(v, &rita);
	default: return -1;
	}
}

/* rows: relation; columns: the questions above */
static const int want[NREL][NQ] = {
	/*               SEE MAN CHK DOWN DMGR REC NOTE */
	[SELF]        = { 1,  0,  1,  1,   0,   0,  1 },
	[MATE]   = { 0,  0,  0,  0,   0,   0,  0 },
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
