/*
 * test-recruit-figures: the recruiting figures (domain/recruit-figures.c)
 * on hand-computed cases: the funnel's "reached" (a candidate reached every
 * stage up to their current one; the declined the first only) and the
 * conversion between consecutive stages, the median and mean time to hire
 * (odd and even counts, a negative span left out, none at all), and rates.
 */
#include "check-util.h"
#include "domain/recruit-figures.h"
#include <math.h>

START_TEST(funnel)
{
	/* first talk 5, interview 3, ride along 1, offer 0, hired 2; 4 declined */
	int64_t at[] = { 5, 3, 1, 0, 2 }, reached[5];
	double conv[4];
	recruit_funnel(at, 5, 4, reached, conv);
	/* reached: 5+3+1+0+2 + 4 declined = 15; 3+1+0+2 = 6; 1+0+2 = 3; 0+2 = 2; 2 */
	ck_assert_int_eq(reached[0], 15);
	ck_assert_int_eq(reached[1], 6);
	ck_assert_int_eq(reached[2], 3);
	ck_assert_int_eq(reached[3], 2);
	ck_assert_int_eq(reached[4], 2);
	ck_assert_double_eq_tol(conv[0], 6.0 / 15.0, 1e-9);	/* 40% */
	ck_assert_double_eq_tol(conv[1], 0.5, 1e-9);		/* 3 of 6 */
	ck_assert_double_eq_tol(conv[2], 2.0 / 3.0, 1e-9);
	ck_assert_double_eq_tol(conv[3], 1.0, 1e-9);		/* every offer reached hired */
	/* nobody past the second stage: 0 of 0 is no rate */
	int64_t at2[] = { 2, 0, 0 }, r2[3];
	double c2[2];
	recruit_funnel(at2, 3, 0, r2, c2);
	ck_assert_int_eq(r2[0], 2);
	ck_assert_double_eq_tol(c2[0], 0.0, 1e-9);
	ck_assert(isnan(c2[1]));
	/* one stage: no conversion, no crash */
	int64_t at3[] = { 7 }, r3[1];
	recruit_funnel(at3, 1, 1, r3, NULL);
	ck_assert_int_eq(r3[0], 8);
}
END_TEST

START_TEST(time_to_hire)
{
	/* 10, 30, 20 days: sorted 10 20 30, median 20, mean 20 */
	int odd[] = { 10, 30, 20 };
	struct recruit_time_to_hire t = recruit_time_to_hire(odd, 3);
	ck_assert_uint_eq(t.n, 3);
	ck_assert_double_eq_tol(t.median, 20, 1e-9);
	ck_assert_double_eq_tol(t.mean, 20, 1e-9);
	/* 14, 40, 21, 90: sorted 14 21 40 90, median (21+40)/2 = 30.5, mean 165/4 = 41.25 */
	int even[] = { 14, 40, 21, 90 };
	t = recruit_time_to_hire(even, 4);
	ck_assert_uint_eq(t.n, 4);
	ck_assert_double_eq_tol(t.median, 30.5, 1e-9);
	ck_assert_double_eq_tol(t.mean, 41.25, 1e-9);
	/* a hire dated before the candidate was added is left out */
	int bad[] = { -3, 12 };
	t = recruit_time_to_hire(bad, 2);
	ck_assert_uint_eq(t.n, 1);
	ck_assert_double_eq_tol(t.median, 12, 1e-9);
	/* none */
	t = recruit_time_to_hire(NULL, 0);
	ck_assert_uint_eq(t.n, 0);
	ck_assert(isnan(t.median) && isnan(t.mean));
}
END_TEST

START_TEST(rates)
{
	ck_assert_double_eq_tol(recruit_rate(1, 4), 0.25, 1e-12);
	ck_assert(isnan(recruit_rate(0, 0)));
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("recruit-figures");
	TCase *tc = tcase_create("figures");
	tcase_add_test(tc, funnel);
	tcase_add_test(tc, time_to_hire);
	tcase_add_test(tc, rates);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
