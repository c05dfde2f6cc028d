/*
 * test-hiring-profile: "what predicts top performance here"
 * (domain/hiring-profile.c) on cases computed by hand.
 *
 * Five reps with scores 1..5 and attainments 50%, 70%, 60%, 100%, 120%:
 * mean score 3, mean attainment 0.8; deviations -2..2 and -0.3, -0.1,
 * -0.2, 0.2, 0.4; sum of products 1.7, of squares 10 and 0.34; so
 * r = 1.7 / sqrt(10 * 0.34) = 1.7 / sqrt(3.4) = sqrt(0.85) = 0.92195.
 */
#include "check-util.h"
#include "domain/hiring-profile.h"
#include <math.h>

#define EPS 1e-9

START_TEST(pearson_by_hand)
{
	double x[] = { 1, 2, 3, 4, 5 }, y[] = { 0.5, 0.7, 0.6, 1.0, 1.2 };
	double r = hp_pearson(x, y, 5);
	ck_assert_double_eq_tol(r, sqrt(0.85), EPS);
	ck_assert_double_eq_tol(r, 0.9219544, 1e-7);
	/* three pairs, exactly falling: -1 */
	double a[] = { 1, 2, 3 }, b[] = { 3, 2, 1 };
	ck_assert_double_eq_tol(hp_pearson(a, b, 3), -1.0, EPS);
}
END_TEST

START_TEST(too_few_and_no_variance)
{
	double a[] = { 1, 2 }, b[] = { 0.5, 0.9 };
	ck_assert(isnan(hp_pearson(a, b, 2)));	/* n < 3: no r */
	ck_assert(isnan(hp_pearson(a, b, 0)));
	double same[] = { 3, 3, 3, 3 }, att[] = { 0.5, 0.8, 1.1, 1.4 };
	ck_assert(isnan(hp_pearson(same, att, 4)));	/* every score alike */
	double sc[] = { 1, 2, 3, 4 }, flat[] = { 1.0, 1.0, 1.0, 1.0 };
	ck_assert(isnan(hp_pearson(sc, flat, 4)));	/* every attainment alike */
}
END_TEST

/* three traits over six reps; rep 5 has no attainment, rep 5's first
 * trait no score; reps 3, 4 and 5 are superstars */
#define NR 6
static const double att[NR] = { 0.5, 0.7, 0.6, 1.0, 1.2, NAN };
static const unsigned char star[NR] = { 0, 0, 0, 1, 1, 1 };
static const double scores[3 * NR] = {
	1, 2, 3, 4, 5, NAN,	/* trait 0: r = sqrt(0.85) */
	3, 3, 3, 3, 3, 4,	/* trait 1: all alike among the pairs: no r */
	5, 4, 3, 2, 1, 1,	/* trait 2: r = -sqrt(0.85) */
};

START_TEST(per_trait)
{
	struct hp_trait t[3];
	hiring_profile_compute(3, NR, scores, att, star, t);
	ck_assert_uint_eq(t[0].n, 5);
	ck_assert_double_eq_tol(t[0].r, sqrt(0.85), EPS);
	/* superstars: reps 3 and 4 (rep 5 has no attainment) = (4 + 5) / 2 */
	ck_assert_uint_eq(t[0].n_star, 2);
	ck_assert_double_eq_tol(t[0].mean_star, 4.5, EPS);
	/* the rest: (1 + 2 + 3) / 3 */
	ck_assert_uint_eq(t[0].n_rest, 3);
	ck_assert_double_eq_tol(t[0].mean_rest, 2.0, EPS);
	ck_assert_double_eq_tol(t[0].mean_att, 0.8, EPS);
	ck_assert_int_eq(t[0].too_few, 1);	/* 5 < 10 */
	ck_assert_uint_eq(t[1].n, 5);
	ck_assert(isnan(t[1].r));
	ck_assert_double_eq_tol(t[1].mean_star, 3.0, EPS);
	ck_assert_double_eq_tol(t[1].mean_rest, 3.0, EPS);
	ck_assert_double_eq_tol(t[2].r, -sqrt(0.85), EPS);
	ck_assert_double_eq_tol(t[2].mean_star, 1.5, EPS);
	ck_assert_double_eq_tol(t[2].mean_rest, 4.0, EPS);
	/* by |r|: 0 and 2 tie (kept in order), 1 without r last */
	size_t order[3];
	hiring_profile_order(t, 3, order);
	ck_assert_uint_eq(order[0], 0);
	ck_assert_uint_eq(order[1], 2);
	ck_assert_uint_eq(order[2], 1);
}
END_TEST

START_TEST(trust_threshold)
{
	/* ten pairs: no warning; nine: the warning */
	double s[10], a[10];
	unsigned char st[10] = { 0 };
	for (int i = 0; i < 10; i++) {
		s[i] = 1 + i % 5;
		a[i] = 0.5 + 0.1 * i;
	}
	struct hp_trait t;
	hiring_profile_compute(1, 10, s, a, st, &t);
	ck_assert_uint_eq(t.n, 10);
	ck_assert_int_eq(t.too_few, 0);
	ck_assert(isnan(t.mean_star));	/* no superstar */
	hiring_profile_compute(1, 9, s, a, st, &t);
	ck_assert_int_eq(t.too_few, 1);
	/* no pairs at all */
	hiring_profile_compute(1, 0, s, a, st, &t);
	ck_assert_uint_eq(t.n, 0);
	ck_assert(isnan(t.r) && isnan(t.mean_rest) && isnan(t.mean_att));
}
END_TEST

START_TEST(candidate_reading)
{
	struct hp_trait t[3];
	hiring_profile_compute(3, NR, scores, att, star, t);
	double w[3], cand[3] = { 3, 5, 5 };
	/* only trait 0 goes with top performance (trait 2 against it, 1 none) */
	ck_assert_int_eq(hiring_profile_strongest(t, 3, cand, w), 0);
	ck_assert_double_eq_tol(w[0], sqrt(0.85), EPS);
	ck_assert_double_eq_tol(w[1], 0, EPS);
	ck_assert_double_eq_tol(w[2], 0, EPS);
	double none[3] = { NAN, 5, 5 };
	ck_assert_int_eq(hiring_profile_strongest(t, 3, none, NULL), -1);
	/* two weighted traits: the higher score; a tie goes to the larger r */
	struct hp_trait u[3] = { { .r = 0.3 }, { .r = 0.6 }, { .r = -0.5 } };
	double tie[3] = { 4, 4, 5 }, hi[3] = { 5, 4, 5 };
	ck_assert_int_eq(hiring_profile_strongest(u, 3, tie, NULL), 1);
	ck_assert_int_eq(hiring_profile_strongest(u, 3, hi, NULL), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("hiring-profile");
	TCase *tc = tcase_create("statistics");
	tcase_add_test(tc, pearson_by_hand);
	tcase_add_test(tc, too_few_and_no_variance);
	tcase_add_test(tc, per_trait);
	tcase_add_test(tc, trust_threshold);
	tcase_add_test(tc, candidate_reading);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
