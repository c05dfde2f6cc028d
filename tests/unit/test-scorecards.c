/*
 * test-scorecards: the rules of domain/scorecards.c on hand-computed cases —
 * the elite rule (all five strong: a mean of 4.0 or more on every trait)
 * and the weakest trait, the disagreement of interviewers (2 or more apart),
 * what a scorecard needs to be saved and submitted, and the default
 * questions of the five traits.
 */
#include "check-util.h"
#include "domain/scorecards.h"

START_TEST(elite_all_strong)
{
	/* interviewer scores: goal 4,5 -> 4.5; accountable 4,4 -> 4.0 (exactly
	 * strong); learning 5 -> 5.0; motivated 4,5 -> 4.5; customer 5,4 -> 4.5 */
	struct trait_mean t[] = { { "goal", 2, 4.5 }, { "accountable", 2, 4.0 }, { "learning", 1, 5.0 },
				  { "motivated", 2, 4.5 }, { "customer", 2, 4.5 } };
	struct elite_result r = scorecard_elite(t, 5);
	ck_assert_int_eq(r.meets, 1);
	ck_assert_int_eq(r.scored, 5);
	ck_assert_int_eq(r.strong, 5);
	ck_assert_int_eq(r.weakest, 1);		/* accountable, 4.0 */
}
END_TEST

START_TEST(elite_not_yet)
{
	/* customer 2 and 5 -> 3.5: not strong, the weakest; goal 3,5 -> 4.0 */
	struct trait_mean t[] = { { "goal", 2, 4.0 }, { "accountable", 2, 4.5 }, { "learning", 2, 4.0 },
				  { "motivated", 2, 5.0 }, { "customer", 2, 3.5 } };
	struct elite_result r = scorecard_elite(t, 5);
	ck_assert_int_eq(r.meets, 0);
	ck_assert_int_eq(r.strong, 4);
	ck_assert_int_eq(r.weakest, 4);
	/* 3.99 is not strong */
	t[4].mean = 3.99;
	ck_assert_int_eq(scorecard_elite(t, 5).meets, 0);
	t[4].mean = 4.0;
	ck_assert_int_eq(scorecard_elite(t, 5).meets, 1);
}
END_TEST

START_TEST(elite_unscored_and_ties)
{
	/* a trait nobody scored: not yet, and it is the weakest (nothing known) */
	struct trait_mean t[] = { { "goal", 1, 5.0 }, { "accountable", 0, 0 }, { "learning", 1, 5.0 },
				  { "motivated", 1, 5.0 }, { "customer", 1, 5.0 } };
	struct elite_result r = scorecard_elite(t, 5);
	ck_assert_int_eq(r.meets, 0);
	ck_assert_int_eq(r.scored, 4);
	ck_assert_int_eq(r.weakest, 1);
	/* equal lowest means: the first in the traits' order */
	struct trait_mean u[] = { { "goal", 1, 3.0 }, { "accountable", 1, 2.5 }, { "learning", 1, 2.5 } };
	ck_assert_int_eq(scorecard_elite(u, 3).weakest, 1);
	/* nothing at all */
	r = scorecard_elite(NULL, 0);
	ck_assert_int_eq(r.meets, 0);
	ck_assert_int_eq(r.weakest, -1);
}
END_TEST

START_TEST(disagreement)
{
	int a[] = { 2, 5 }, b[] = { 3, 4 }, c[] = { 3, 5, 4 }, d[] = { 4 }, e[] = { 4, 4, 4, 3 };
	ck_assert_int_eq(scorecard_spread(a, 2), 3);
	ck_assert_int_eq(scorecard_disagree(a, 2), 1);
	ck_assert_int_eq(scorecard_disagree(b, 2), 0);	/* one apart: fine */
	ck_assert_int_eq(scorecard_spread(c, 3), 2);	/* 3 and 5 apart by 2: marked */
	ck_assert_int_eq(scorecard_disagree(c, 3), 1);
	ck_assert_int_eq(scorecard_disagree(d, 1), 0);	/* one interviewer cannot disagree */
	ck_assert_int_eq(scorecard_disagree(e, 4), 0);
	ck_assert_int_eq(scorecard_spread(NULL, 0), 0);
}
END_TEST

START_TEST(score_parse)
{
	ck_assert_int_eq(scorecard_score_parse(""), 0);
	ck_assert_int_eq(scorecard_score_parse(NULL), 0);
	ck_assert_int_eq(scorecard_score_parse("1"), 1);
	ck_assert_int_eq(scorecard_score_parse("5"), 5);
	ck_assert_int_eq(scorecard_score_parse("0"), -1);
	ck_assert_int_eq(scorecard_score_parse("6"), -1);
	ck_assert_int_eq(scorecard_score_parse("7"), -1);
	ck_assert_int_eq(scorecard_score_parse("-1"), -1);
	ck_assert_int_eq(scorecard_score_parse("3.5"), -1);
	ck_assert_int_eq(scorecard_score_parse("x"), -1);
}
END_TEST

START_TEST(validate)
{
	int scores[] = { 4, 0, 7 };
	const char *ev[] = { "asked for feedback", "", "" };
	struct scorecard_input in = { 3, scores, ev, "", 0 };
	struct scorecard_error errs[8];
	/* a draft: only the 7 is refused */
	ck_assert_uint_eq(scorecard_validate(&in, errs, 8), 1);
	ck_str(errs[0].field, "score", "field");
	ck_assert_uint_eq(errs[0].trait, 2);
	/* submitting: the unscored trait and the recommendation as well */
	in.submit = 1;
	ck_assert_uint_eq(scorecard_validate(&in, errs, 8), 3);
	ck_assert_uint_eq(errs[0].trait, 1);
	ck_assert_uint_eq(errs[1].trait, 2);
	ck_str(errs[2].field, "recommendation", "field");
	/* all scored, a known recommendation: accepted */
	scores[1] = 3;
	scores[2] = 5;
	in.recommendation = "strong_yes";
	ck_assert_uint_eq(scorecard_validate(&in, errs, 8), 0);
	in.recommendation = "maybe";
	ck_assert_uint_eq(scorecard_validate(&in, errs, 8), 1);
	ck_str(errs[0].field, "recommendation", "field");
	/* evidence without a score in a draft: say so rather than lose it */
	in.submit = 0;
	in.recommendation = NULL;
	scores[0] = 0;
	ck_assert_uint_eq(scorecard_validate(&in, errs, 8), 1);
	ck_assert_uint_eq(errs[0].trait, 0);
}
END_TEST

START_TEST(defaults)
{
	const char *codes[] = { "goal", "accountable", "learning", "motivated", "customer" };
	for (size_t i = 0; i < 5; i++) {
		const char *const *q = interview_questions_default(codes[i]);
		ck_assert_ptr_nonnull(q);
		size_t n = 0;
		while (q[n])
			n++;
		ck_assert_msg(n >= 2 && n <= 3, "%s: %zu questions", codes[i], n);
	}
	ck_assert_ptr_null(interview_questions_default(""));
	ck_assert_ptr_null(interview_questions_default("other"));
	ck_assert_int_eq(recommendation_valid("strong_no"), 1);
	ck_assert_int_eq(recommendation_valid("maybe"), 0);
	ck_assert_int_eq(interview_kind_valid("ride_along"), 1);
	ck_assert_int_eq(interview_kind_valid("lunch"), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("scorecards");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, elite_all_strong);
	tcase_add_test(tc, elite_not_yet);
	tcase_add_test(tc, elite_unscored_and_ties);
	tcase_add_test(tc, disagreement);
	tcase_add_test(tc, score_parse);
	tcase_add_test(tc, validate);
	tcase_add_test(tc, defaults);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
