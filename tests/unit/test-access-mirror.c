/*
 * test-access-mirror: the rules of the manager's own mirror
 * (domain/access.c, "levers (issue 10): the manager's own mirror") as one
 * table — every question × every relation of the caller to Max (manager
 * 20 of team A) and to his open round. Max alone sees and writes his
 * self-assessment and sees his round's results; the members of team A
 * (Rita 11, rep 13) answer it; nobody else, not an admin either.
 */
#include "check-util.h"
#include "domain/access.h"

#include "access-callers.h"

enum q { SELF_SEE, OPEN, RESULTS, ANSWER, NQ };
static const char *const q_names[NQ] = {
	"see max's self-assessment", "open a round about oneself", "see the results of max's round",
	"answer max's open round",
};

static const struct person max_p = { 20, 1, 100 };
static const struct upward_round_ref max_round = { 1, 20, 1 };

/* who leads the caller's own team: team A (100) is Max's, B (200) Mia's */
static int64_t team_manager(const struct viewer *v)
{
	return v->team_id == 100 ? (v->org_id == 1 ? 20 : 41) : v->team_id == 200 ? 30 : 0;
}

static int ask(enum q q, const struct viewer *v)
{
	switch (q) {
	case SELF_SEE: return access_mirror_self(v, &max_p);
	case OPEN: return access_upward_open(v, v->org_id);
	case RESULTS: return access_upward_results(v, &max_round);
	case ANSWER: return access_upward_answer(v, &max_round, team_manager(v));
	default: return -1;
	}
}

static const int want[NREL][NQ] = {
	/*               SEE OPN RES ANS */
	[SELF]        = { 0,  0,  0,  1 },
	[MATE]        = { 0,  0,  0,  1 },
	[OTHER_TEAM]  = { 0,  0,  0,  0 },
	[MGR_LEADS]   = { 1,  1,  1,  0 },
	[MGR_OTHER]   = { 0,  1,  0,  0 },
	[ADMIN]       = { 0,  0,  0,  0 },
	[ADMIN_LEADS] = { 0,  1,  0,  0 },
	[ADMIN_ORG2]  = { 0,  1,  0,  0 },
	[MGR_ORG2]    = { 0,  1,  0,  0 },
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
	struct viewer me = caller(SELF), mgr = caller(MGR_LEADS);
	/* a closed round takes no answers */
	struct upward_round_ref closed = { 1, 20, 0 };
	ck_assert_int_eq(access_upward_answer(&me, &closed, 20), 0);
	/* the results stay Max's when closed */
	ck_assert_int_eq(access_upward_results(&mgr, &closed), 1);
	/* a round of another organisation with the same ids */
	struct upward_round_ref far = { 2, 20, 1 };
	ck_assert_int_eq(access_upward_answer(&me, &far, 20), 0);
	ck_assert_int_eq(access_upward_results(&mgr, &far), 0);
	ck_assert_int_eq(access_upward_answer(&me, NULL, 20), 0);
	/* a rep in no team answers nothing */
	struct viewer loner = { .id = 14, .org_id = 1, .role = ROLE_REP };
	ck_assert_int_eq(access_upward_answer(&loner, &max_round, 0), 0);
	/* a manager who leads no team opens no round */
	struct viewer idle = { .id = 21, .org_id = 1, .role = ROLE_MANAGER };
	ck_assert_int_eq(access_upward_open(&idle, 1), 0);
	ck_assert_int_eq(access_mirror_self(&idle, &(struct person){ 21, 1, 0 }), 1);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-mirror");
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
