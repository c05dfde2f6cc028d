/*
 * test-mirror: the rules of the manager's own mirror (domain/mirror.c):
 * the five skills in their order, a score as typed, the three-answer
 * threshold of upward feedback and a skill's average, computed by hand.
 */
#include "check-util.h"
#include "domain/mirror.h"

START_TEST(skills)
{
	ck_str(mirror_skill_codes[0], "recruiting", "first");
	ck_str(mirror_skill_codes[2], "underperformance", "third");
	ck_str(mirror_skill_codes[4], "competition", "last");
	ck_str(mirror_skill_labels[3], "A no-excuses culture", "label");
}
END_TEST

START_TEST(score)
{
	ck_assert_int_eq(mirror_score_parse("1"), 1);
	ck_assert_int_eq(mirror_score_parse("5"), 5);
	ck_assert_int_eq(mirror_score_parse("0"), 0);
	ck_assert_int_eq(mirror_score_parse("6"), 0);
	ck_assert_int_eq(mirror_score_parse("3.5"), 0);
	ck_assert_int_eq(mirror_score_parse(""), 0);
	ck_assert_int_eq(mirror_score_parse(NULL), 0);
}
END_TEST

START_TEST(threshold)
{
	/* two answers show nothing; three do */
	ck_assert_int_eq(mirror_upward_visible(0), 0);
	ck_assert_int_eq(mirror_upward_visible(2), 0);
	ck_assert_int_eq(mirror_upward_visible(3), 1);
	ck_assert_int_eq(mirror_upward_visible(4), 1);
	/* 4 + 3 + 5 + 4 = 16 over 4 answers = 4.0; 3 + 4 + 4 = 11 / 3 = 3.67 */
	ck_assert(mirror_average(16, 4) > 3.999 && mirror_average(16, 4) < 4.001);
	ck_assert(mirror_average(11, 3) > 3.666 && mirror_average(11, 3) < 3.667);
	ck_assert(mirror_average(0, 0) == 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("mirror");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, skills);
	tcase_add_test(tc, score);
	tcase_add_test(tc, threshold);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
