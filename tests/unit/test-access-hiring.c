/*
 * test-access-hiring: the rules of hiring (domain/access.c, "hiring (issue
 * 11, part 3)") as one table — every question × every relation of the
 * caller (access-callers.h). Candidates: one in the pool, one in a vacancy
 * of team A (100), one in a vacancy of team B (200) with the caller
 * invited to interview them. The hiring profile is aggregate: the managers'
 * and admins' of the organisation. Hiring and sending back to the pool:
 * whoever sees the candidate whole; an invited interviewer never. Into
 * which team: an admin any, a manager the teams they lead.
 */
#include "check-util.h"
#include "domain/access.h"

#include "access-callers.h"

enum q { PROFILE, HIRE_POOL, HIRE_A, HIRE_B_INV, POOL_A, POOL_B_INV, INTO_A, INTO_B, NQ };
static const char *const q_names[NQ] = {
	"see what predicts top performance here", "hire a pool candidate", "hire a candidate of team A's vacancy",
	"hire a candidate of team B's vacancy, invited to interview", "send team A's candidate back to the pool",
	"send team B's candidate back to the pool, invited to interview", "hire into team A", "hire into team B",
};

static const struct candidate_ref pool = { 1, 0, 0, 0 }, vac_a = { 1, 7, 100, 0 }, vac_b_inv = { 1, 8, 200, 1 };

static int ask(enum q q, const struct viewer *v)
{
	switch (q) {
	case PROFILE: return access_hiring_profile(v, 1);
	case HIRE_POOL: return access_candidate_hire(v, &pool);
	case HIRE_A: return access_candidate_hire(v, &vac_a);
	case HIRE_B_INV: return access_candidate_hire(v, &vac_b_inv);
	case POOL_A: return access_candidate_to_pool(v, &vac_a);
	case POOL_B_INV: return access_candidate_to_pool(v, &vac_b_inv);
	case INTO_A: return access_hire_team(v, 1, 100);
	case INTO_B: return access_hire_team(v, 1, 200);
	default: return -1;
	}
}

static const int want[NREL][NQ] = {
	/*               PRO HP  HA  HBI PA  PBI IA  IB */
	[SELF]        = { 0,  0,  0,  0,  0,  0,  0,  0 },
	[MATE]        = { 0,  0,  0,  0,  0,  0,  0,  0 },
	[OTHER_TEAM]  = { 0,  0,  0,  0,  0,  0,  0,  0 },
	[MGR_LEADS]   = { 1,  1,  1,  0,  1,  0,  1,  0 },
	[MGR_OTHER]   = { 1,  1,  0,  1,  0,  1,  0,  1 },
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

START_TEST(other_organisation)
{
	/* the same ids in organisation 2: nothing, invited or not */
	struct viewer adm = caller(ADMIN);
	struct candidate_ref far = { 2, 0, 0, 1 };
	ck_assert_int_eq(access_candidate_hire(&adm, &far), 0);
	ck_assert_int_eq(access_candidate_to_pool(&adm, &far), 0);
	ck_assert_int_eq(access_hiring_profile(&adm, 2), 0);
	struct viewer far_adm = caller(ADMIN_ORG2);
	ck_assert_int_eq(access_hiring_profile(&far_adm, 1), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("access-hiring");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, rule_table);
	tcase_add_test(tc, other_organisation);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
