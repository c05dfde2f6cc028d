/*
 * test-assessments: the rules of a rating (domain/assessments.c) on
 * hand-worked cases — the range 1..5, evidence required on 1, 2 and 5, and
 * growth between two rounds only where both scores exist.
 */
#include "check-util.h"
#include "domain/assessments.h"
#include <stdio.h>

START_TEST(evidence_rule)
{
	static const struct { int score; const char *evidence; enum score_problem want; } cases[] = {
		{ 0, "x", SCORE_RANGE }, { 6, "x", SCORE_RANGE }, { -1, "", SCORE_RANGE },
		{ 1, "", SCORE_NEEDS_EVIDENCE }, { 1, NULL, SCORE_NEEDS_EVIDENCE }, { 2, " \n\t", SCORE_NEEDS_EVIDENCE },
		{ 5, "", SCORE_NEEDS_EVIDENCE }, { 3, "", SCORE_OK }, { 4, NULL, SCORE_OK },
		{ 1, "Lost three deals on price without asking why.", SCORE_OK }, { 2, "x", SCORE_OK },
		{ 5, "Closed Acme after five objections.", SCORE_OK },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++)
		ck_assert_msg(assessment_score_check(cases[i].score, cases[i].evidence) == cases[i].want,
			      "score %d evidence '%s'", cases[i].score, cases[i].evidence ? cases[i].evidence : "(null)");
	ck_assert_int_eq(assessment_needs_evidence(3), 0);
	ck_assert_int_eq(assessment_needs_evidence(5), 1);
}
END_TEST

START_TEST(growth)
{
	int g = 99;
	ck_assert_int_eq(assessment_growth(4, 2, &g), 1);
	ck_assert_int_eq(g, 2);
	ck_assert_int_eq(assessment_growth(2, 5, &g), 1);
	ck_assert_int_eq(g, -3);
	ck_assert_int_eq(assessment_growth(3, 3, &g), 1);
	ck_assert_int_eq(g, 0);
	g = 99;
	ck_assert_int_eq(assessment_growth(4, 0, &g), 0);	/* no previous score */
	ck_assert_int_eq(assessment_growth(0, 4, &g), 0);	/* none this round */
	ck_assert_int_eq(g, 99);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("assessments");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, evidence_rule);
	tcase_add_test(tc, growth);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
