/*
 * test-access-recruiting: the rules of recruiting (domain/access.c,
 * "recruiting (issue 11)") as one table — every question × every relation
 * of the caller (access-callers.h). Candidates: one in the pool, one in a
 * vacancy of team A (100), one in a vacancy of team B (200), each asked
 * with and without an invitation of the caller. The pool is the managers'
 * and admins'; a vacancy's candidates are its team's managers' and the
 * admins'; anyone else sees a candidate only when invited, and then only
 * the interviewer's view (1: CANDIDATE_INTERVIEW; 2: CANDIDATE_WHOLE).
 */
#include "check-util.h"
#include "domain/access.h"

#include "access-callers.h"

enum q { POOL, VAC_A, VAC_B, POOL_INV, VAC_B_INV, WORK_POOL, WORK_INV, LIST, SEE_INV, RUN_A, RUN_NONE, STAGES, NQ };
static const char *const q_names[NQ] = {
	"see a pool candidate", "see a candidate of team A's vacancy", "see a candidate of team B's vacancy",
	"see a pool candidate, invited", "see a candidate of team B's vacancy, invited",
	"log a conversation with a pool candidate", "log a conversation with a candidate, invited only to B's",
	"the pool page and adding candidates", "recruiting at all, invited to one", "run team A's vacancy",
	"run a vacancy of no team", "change the stages",
};

static const struct candidate_ref pool = { 1, 0, 0, 0 }, vac_a = { 1, 7, 100, 0 }, vac_b = { 1, 8, 200, 0 },
				  pool_inv = { 1, 0, 0, 1 }, vac_b_inv = { 1, 8, 200, 1 };

static int ask(enum q q, const struct viewer *v)
{
	switch (q) {
	case POOL: return (int)access_candidate(v, &pool);
	case VAC_A: return (int)access_candidate(v, &vac_a);
	case VAC_B: return (int)access_candidate(v, &vac_b);
	case POOL_INV: return (int)access_candidate(v, &pool_inv);
	case VAC_B_INV: return (int)access_candidate(v, &vac_b_inv);
	case WORK_POOL: return access_candidate_work(v, &pool);
	case WORK_INV: return access_candidate_work(v, &vac_b_inv);
	case LIST: return access_recruiting_pool(v, 1);
	case SEE_INV: return access_recruiting_see(v, 1, 1);
	case RUN_A: return access_vacancy(v, 1, 100);
	case RUN_NONE: return access_vacancy(v, 1, 0);
	case STAGES: return access_recruit_stages_edit(v, 1);
	default: return -1;
	}
}

static const int want[NREL][NQ] = {
	/*               POO VA  VB  PI  VBI WP  WI  LST SEE RA  RN  STG */
	[SELF]        = { 0,  0,  0,  1,  1,  0,  0,  0,  1,  0,  0,  0 },
	[MATE]        = { 0,  0,  0,  1,  1,  0,  0,  0,  1,  0,  0,  0 },
	[OTHER_TEAM]  = { 0,  0,  0,  1,  1,  0,  0,  0,  1,  0,  0,  0 },
	[MGR_LEADS]   = { 2,  2,  0,  2,  1,  1,  0,  1,  1,  1,  1,  0 },
	[MGR_OTHER]   = { 2,  0,  2,  2,  2,  1,  1,  1,  1,  0,  1,  0 },
	[ADMIN]       = { 2,  2,  2,  2,  2,  1,  1,  1,  1,  1,  1,  1 },
	[ADMIN_LEADS] = { 2,  2,  2,  2,  2,  1,  1,  1,  1,  1,  1,  1 },
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
	struct viewer rep = caller(SELF), mgr = caller(MGR_LEADS), other = caller(MGR_OTHER), adm = caller(ADMIN);
	/* a rep invited to nothing sees nothing of recruiting */
	ck_assert_int_eq(access_recruiting_see(&rep, 1, 0), 0);
	ck_assert_int_eq(access_recruiting_see(&mgr, 1, 0), 1);
	/* editing: whoever works on the candidate, never once anonymised */
	ck_assert_int_eq(access_candidate_edit(&mgr, &pool, 0), 1);
	ck_assert_int_eq(access_candidate_edit(&mgr, &pool, 1), 0);
	ck_assert_int_eq(access_candidate_edit(&adm, &vac_b, 0), 1);
	ck_assert_int_eq(access_candidate_edit(&adm, &vac_b, 1), 0);
	ck_assert_int_eq(access_candidate_edit(&mgr, &vac_b, 0), 0);
	ck_assert_int_eq(access_candidate_edit(&rep, &pool_inv, 0), 0);
	/* a vacancy of no team is the pool's */
	struct candidate_ref loose = { 1, 9, 0, 0 };
	ck_assert_int_eq(access_candidate(&other, &loose), CANDIDATE_WHOLE);
	/* another organisation's candidate with the same ids, invited or not */
	struct candidate_ref far = { 2, 0, 0, 1 };
	ck_assert_int_eq(access_candidate(&adm, &far), CANDIDATE_NONE);
	ck_assert_int_eq(access_candidate(&rep, &far), CANDIDATE_NONE);
	ck_assert_int_eq(access_candidate(&mgr, NULL), CANDIDATE_NONE);
	/* who may be invited: an active user of the organisation */
	struct person rob = { 12, 1, 200 }, ben = { 12, 2, 100 };
	ck_assert_int_eq(access_candidate_invitee(&mgr, &rob, 1), 1);
	ck_assert_int_eq(access_candidate_invitee(&mgr, &rob, 0), 0);
	ck_assert_int_eq(access_candidate_invitee(&mgr, &ben, 1), 0);
	ck_assert_int_eq(access_candidate_invitee(&mgr, NULL, 1), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-recruiting");
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
