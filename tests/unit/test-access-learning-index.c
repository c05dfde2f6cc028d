/*
 * test-access-learning-index: the rules of the achievement-orientation
 * index and the team's learning (domain/access.c) as one table — every
 * question × every relation of the caller to rep 11 of team A (100), with
 * the expected answer. The index is private (the rep, whoever leads the
 * team); the team's aggregate is the team's (its members, its managers,
 * the organisation's admins); the rep-by-rep table is its leader's only.
 */
#include "check-util.h"
#include "domain/access.h"

#include "access-callers.h"

enum q { INDEX, AGGREGATE, REPS, NQ };
static const char *const q_names[NQ] = { "see the rep's index", "see team A's aggregate", "see team A's reps one by one" };

static int ask(enum q q, const struct viewer *v)
{
	switch (q) {
	case INDEX: return access_learning_index_see(v, &rita);
	case AGGREGATE: return access_learning_team_aggregate(v, 1, 100);
	case REPS: return access_learning_team_reps(v, 1, 100);
	default: return -1;
	}
}

static const int want[NREL][NQ] = {
	/*               IDX AGG REPS */
	[SELF]        = { 1,  1,  0 },
	[MATE]   = { 0,  1,  0 },
	[OTHER_TEAM]  = { 0,  0,  0 },
	[MGR_LEADS]   = { 1,  1,  1 },
	[MGR_OTHER]   = { 0,  0,  0 },
	[ADMIN]       = { 0,  1,  0 },
	[ADMIN_LEADS] = { 1,  1,  1 },
	[ADMIN_ORG2]  = { 0,  0,  0 },
	[INACTIVE]    = { 0,  0,  0 },
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
	ck_assert_int_eq(access_learning_index_see(&v, NULL), 0);
	/* team 0 (no team) has no aggregate, for anyone */
	struct viewer a = caller(ADMIN);
	ck_assert_int_eq(access_learning_team_aggregate(&a, 1, 0), 0);
	struct viewer loner = { .id = 14, .org_id = 1, .role = ROLE_REP };
	ck_assert_int_eq(access_learning_team_aggregate(&loner, 1, 0), 0);
	/* a rep of no team: only the rep sees the index */
	struct person p = { 14, 1, 0 };
	ck_assert_int_eq(access_learning_index_see(&loner, &p), 1);
	ck_assert_int_eq(access_learning_index_see(&v, &p), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-learning-index");
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
