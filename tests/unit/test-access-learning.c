/*
 * test-access-learning: the learning log's rules of domain/access.c as
 * tables — every relation of a caller to rep 11 (team A) for seeing the
 * log, logging for the rep, changing an activity (by status and by who
 * logged it), suggesting, answering, and assigning a training to team A.
 * No database.
 */
#include "check-util.h"
#include "domain/access.h"
#include <stdio.h>

#include "access-callers.h"

/* see the log / log for the rep / suggest to the rep / assign to team A */
static const int who[NREL][4] = {
	[SELF] = { 1, 1, 0, 0 },        [MATE] = { 0, 0, 0, 0 },         [OTHER_TEAM] = { 0, 0, 0, 0 },
	[MGR_LEADS] = { 1, 1, 1, 1 },   [MGR_OTHER] = { 0, 0, 0, 0 },    [ADMIN] = { 0, 0, 0, 0 },
	[ADMIN_LEADS] = { 1, 1, 1, 1 }, [ADMIN_ORG2] = { 0, 0, 0, 0 },   [MGR_ORG2] = { 0, 0, 0, 0 },
	[INACTIVE] = { 0, 0, 0, 0 },    [INACTIVE_MGR] = { 0, 0, 0, 0 }, [NONE] = { 0, 0, 0, 0 },
};

START_TEST(see_log_suggest_assign)
{
	for (int r = 0; r < NREL; r++) {
		struct viewer v = caller((enum rel)r);
		ck_assert_msg(access_learning_see(&v, &rita) == who[r][0], "see: %s", rel_names[r]);
		ck_assert_msg(access_learning_log(&v, &rita) == who[r][1], "log: %s", rel_names[r]);
		ck_assert_msg(access_learning_suggest(&v, &rita) == who[r][2], "suggest: %s", rel_names[r]);
		ck_assert_msg(access_learning_assign(&v, 1, 100) == who[r][3], "assign: %s", rel_names[r]);
	}
	/* a rep in no team: only themself */
	struct person loner = { 14, 1, 0 };
	struct viewer mgr = caller(MGR_LEADS), me = { .id = 14, .org_id = 1, .role = ROLE_REP };
	ck_assert_int_eq(access_learning_see(&mgr, &loner), 0);
	ck_assert_int_eq(access_learning_see(&me, &loner), 1);
	ck_assert_int_eq(access_learning_see(&mgr, NULL), 0);
	/* a rep cannot assign, even to their own team */
	struct viewer rep = caller(SELF);
	ck_assert_int_eq(access_learning_assign(&rep, 1, 100), 0);
}
END_TEST

/* change (edit, delete) and answer (accept, decline, done), by status, of
 * an activity Rita logged herself (created_by 11) and of one the leading
 * manager logged or suggested (created_by 20) */
static const char *const statuses[] = { "done", "suggested", "accepted", "declined", "assigned" };

START_TEST(change_and_answer)
{
	for (int r = 0; r < NREL; r++) {
		struct viewer v = caller((enum rel)r);
		for (size_t s = 0; s < N_ELEMS(statuses); s++) {
			int open_plan = !strcmp(statuses[s], "suggested") || !strcmp(statuses[s], "assigned");
			struct learning_ref own = { rita, 11, statuses[s], 0 }, by_mgr = { rita, 20, statuses[s], 0 };
			/* the rep: their own log, but not an open suggestion or training (answered instead) */
			int want_own = r == SELF && !open_plan;
			int want_mgr = (r == SELF && !open_plan) || r == MGR_LEADS;
			ck_assert_msg(access_learning_change(&v, &own) == want_own, "change own %s: %s", statuses[s], rel_names[r]);
			ck_assert_msg(access_learning_change(&v, &by_mgr) == want_mgr, "change manager's %s: %s", statuses[s],
				      rel_names[r]);
			ck_assert_msg(access_learning_answer(&v, &by_mgr) == (r == SELF), "answer %s: %s", statuses[s],
				      rel_names[r]);
			/* deleted as changed, but never a mandatory training's row */
			ck_assert_msg(access_learning_delete(&v, &own) == want_own, "delete own %s: %s", statuses[s],
				      rel_names[r]);
			struct learning_ref training = { rita, 20, statuses[s], 77 };
			ck_assert_msg(access_learning_delete(&v, &training) == 0, "delete a training's %s: %s", statuses[s],
				      rel_names[r]);
			ck_assert_msg(access_learning_change(&v, &training) == want_mgr, "change a training's %s: %s",
				      statuses[s], rel_names[r]);
		}
	}
	/* another organisation's caller with the rep's own id sees nothing */
	struct viewer x = { .id = 11, .org_id = 2, .role = ROLE_REP, .team_id = 100 };
	struct learning_ref ref = { rita, 11, "done", 0 };
	ck_assert_int_eq(access_learning_see(&x, &rita), 0);
	ck_assert_int_eq(access_learning_change(&x, &ref), 0);
	ck_assert_int_eq(access_learning_answer(&x, &ref), 0);
	/* a manager who logged it but no longer leads the team */
	struct viewer former = caller(MGR_OTHER);
	struct learning_ref by_former = { rita, 30, "done", 0 };
	ck_assert_int_eq(access_learning_change(&former, &by_former), 0);
	struct learning_ref nostatus = { rita, 11, NULL, 0 };
	struct viewer self = caller(SELF);
	ck_assert_int_eq(access_learning_change(&self, &nostatus), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-learning");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, see_log_suggest_assign);
	tcase_add_test(tc, change_and_answer);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
