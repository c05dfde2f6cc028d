/*
 * test-access-scorecards: the rules of interview scorecards (domain/access.c,
 * "scorecards (issue 11, part 3)") as one table — every question × every
 * relation of the caller (access-callers.h). The candidate is in a vacancy
 * of team A (100) and the caller is invited to interview them, so a rep or
 * a manager of team B sees them as an interviewer (CANDIDATE_INTERVIEW), the
 * manager of team A and the admins whole. Someone else's scorecard is
 * interviewer 99's. Answers: 0 SCORECARD_NONE, 1 SCORECARD_STATUS (who and
 * whether submitted, no scores), 2 SCORECARD_SCORES; 0/1 for yes-no rules.
 */
#include "check-util.h"
#include "domain/access.h"

#include "access-callers.h"

enum q { O_SUB_NONE, O_SUB_MYDRAFT, O_SUB_MYSUB, O_DRAFT_MYSUB, OWN_DRAFT, OWN_SUB, EDIT_OWN_DRAFT, EDIT_OWN_SUB,
	 EDIT_OTHER, REOPEN_SUB, REOPEN_DRAFT, ADD, QUESTIONS, NQ };
static const char *const q_names[NQ] = {
	"another's submitted scorecard, caller without one", "another's submitted one, caller's own a draft",
	"another's submitted one, caller's own submitted", "another's draft, caller's own submitted",
	"own draft", "own submitted", "change own draft", "change own submitted", "change another's draft",
	"reopen another's submitted", "reopen a draft", "schedule an interview", "edit the interview questions",
};

static const struct candidate_ref cand = { 1, 7, 100, 1 };

static int ask(enum q q, const struct viewer *v)
{
	enum candidate_view cv = access_candidate(v, &cand);
	struct scorecard_ref o_sub = { 1, 99, 1 }, o_draft = { 1, 99, 0 }, own_draft = { 1, v->id, 0 },
			     own_sub = { 1, v->id, 1 };
	switch (q) {
	case O_SUB_NONE: return (int)access_scorecard(v, cv, 0, 0, &o_sub);
	case O_SUB_MYDRAFT: return (int)access_scorecard(v, cv, 1, 0, &o_sub);
	case O_SUB_MYSUB: return (int)access_scorecard(v, cv, 0, 1, &o_sub);
	case O_DRAFT_MYSUB: return (int)access_scorecard(v, cv, 0, 1, &o_draft);
	case OWN_DRAFT: return (int)access_scorecard(v, cv, 1, 0, &own_draft);
	case OWN_SUB: return (int)access_scorecard(v, cv, 0, 1, &own_sub);
	case EDIT_OWN_DRAFT: return access_scorecard_edit(v, cv, &own_draft);
	case EDIT_OWN_SUB: return access_scorecard_edit(v, cv, &own_sub);
	case EDIT_OTHER: return access_scorecard_edit(v, cv, &o_draft);
	case REOPEN_SUB: return access_scorecard_reopen(v, cv, &o_sub);
	case REOPEN_DRAFT: return access_scorecard_reopen(v, cv, &o_draft);
	case ADD: return access_interview_add(v, &cand);
	case QUESTIONS: return access_interview_questions_edit(v, 1);
	default: return -1;
	}
}

static const int want[NREL][NQ] = {
	/*               OSN OSD OSS ODS OWD OWS EOD EOS EO  RS  RD  ADD Q */
	[SELF]        = { 0,  0,  2,  0,  2,  2,  1,  0,  0,  0,  0,  0,  0 },
	[MATE]        = { 0,  0,  2,  0,  2,  2,  1,  0,  0,  0,  0,  0,  0 },
	[OTHER_TEAM]  = { 0,  0,  2,  0,  2,  2,  1,  0,  0,  0,  0,  0,  0 },
	/* the manager of the vacancy's team: all submitted scores — but not
	 * while an interviewer with a draft of their own */
	[MGR_LEADS]   = { 2,  1,  2,  1,  2,  2,  1,  0,  0,  1,  0,  1,  0 },
	[MGR_OTHER]   = { 0,  0,  2,  0,  2,  2,  1,  0,  0,  0,  0,  0,  0 },
	[ADMIN]       = { 2,  1,  2,  1,  2,  2,  1,  0,  0,  1,  0,  1,  1 },
	[ADMIN_LEADS] = { 2,  1,  2,  1,  2,  2,  1,  0,  0,  1,  0,  1,  1 },
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
	struct viewer rep = caller(SELF), mgr = caller(MGR_LEADS), adm = caller(ADMIN);
	/* a rep not invited sees no scorecard, not even a submitted one */
	struct candidate_ref not_inv = { 1, 7, 100, 0 };
	enum candidate_view cv = access_candidate(&rep, &not_inv);
	struct scorecard_ref o_sub = { 1, 99, 1 };
	ck_assert_int_eq(access_scorecard(&rep, cv, 0, 1, &o_sub), SCORECARD_NONE);
	/* another organisation's scorecard with the same ids */
	struct scorecard_ref far = { 2, 99, 1 };
	ck_assert_int_eq(access_scorecard(&adm, CANDIDATE_WHOLE, 0, 0, &far), SCORECARD_NONE);
	ck_assert_int_eq(access_scorecard_reopen(&adm, CANDIDATE_WHOLE, &far), 0);
	/* a manager who is also an interviewer: once theirs is in, all submitted */
	ck_assert_int_eq(access_scorecard(&mgr, CANDIDATE_WHOLE, 0, 1, &o_sub), SCORECARD_SCORES);
	/* two interviews: one of theirs submitted, one still a draft: still blind */
	ck_assert_int_eq(access_scorecard(&rep, CANDIDATE_INTERVIEW, 1, 1, &o_sub), SCORECARD_NONE);
	ck_assert_int_eq(access_scorecard(&mgr, CANDIDATE_WHOLE, 1, 1, &o_sub), SCORECARD_STATUS);
	ck_assert_int_eq(access_scorecard(&mgr, CANDIDATE_WHOLE, 0, 0, NULL), SCORECARD_NONE);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-scorecards");
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
