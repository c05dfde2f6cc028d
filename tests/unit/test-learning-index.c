/*
 * test-learning-index: the achievement-orientation index (domain/
 * learning-index.c) on hand-computed cases — no learning, only mandatory
 * training, regular self-initiated learning, one burst — the window's
 * months around a year's end, and the 84% comparison at its minimum sample
 * (4 superstars: too few to tell; 5: told).
 */
#include "check-util.h"
#include "domain/learning-index.h"
#include <math.h>

static void add(struct li_input *in, int month, enum li_origin o, long minutes, long n)
{
	in->minutes[month][o] += minutes;
	in->count[month][o] += n;
}

START_TEST(no_learning)
{
	struct li_input in = { 0 };
	struct li_index x;
	li_compute(&in, &x);
	ck_assert_int_eq(x.index, 0);
	ck_assert(x.s == 0.0 && x.m == 0.0 && x.r == 0.0);
	ck_assert_int_eq(x.high, 0);
	ck_assert_int_eq(x.only_mandatory, 0);
	ck_assert_int_eq(li_classify(&x), LI_CLASS_REST);
}
END_TEST

START_TEST(only_mandatory)
{
	/* four 8-hour trainings, two with a reflection:
	 * S = 0, M = 0, R = 2/4 -> 100 × 0.2 × 0.5 = 10 */
	struct li_input in = { 0 };
	for (int k = 0; k < 12; k += 3)
		add(&in, k, LI_MANDATORY, 480, 1);
	in.reflected = 2;
	struct li_index x;
	li_compute(&in, &x);
	ck_assert_int_eq(x.total_minutes, 1920);
	ck_assert_int_eq(x.minutes[LI_MANDATORY], 1920);
	ck_assert_int_eq(x.self_months, 0);
	ck_assert_int_eq(x.index, 10);
	ck_assert_int_eq(x.only_mandatory, 1);
	ck_assert_int_eq(li_classify(&x), LI_CLASS_MANDATORY_ONLY);
}
END_TEST

START_TEST(regular_self)
{
	/* a 2-hour self-initiated activity every month, one 8-hour mandatory
	 * day, 10 of the 13 with a reflection:
	 * S = 24/32 = 0.75, M = 12/12, R = 10/13
	 * 100 × (0.3 + 0.4 + 0.2 × 0.769…) = 85.38 -> 85 */
	struct li_input in = { 0 };
	for (int k = 0; k < 12; k++)
		add(&in, k, LI_SELF, 120, 1);
	add(&in, 5, LI_MANDATORY, 480, 1);
	in.reflected = 10;
	struct li_index x;
	li_compute(&in, &x);
	ck_assert_int_eq(x.minutes[LI_SELF], 1440);
	ck_assert_int_eq(x.total_minutes, 1920);
	ck_assert_int_eq(x.self_months, 12);
	ck_assert_int_eq(x.activities, 13);
	ck_assert_int_eq(x.index, 85);
	ck_assert_int_eq(x.high, 1);
	ck_assert_int_eq(li_classify(&x), LI_CLASS_WITHIN);
}
END_TEST

START_TEST(one_burst)
{
	/* five self-initiated activities (10 hours) in one month:
	 * S = 1, M = 1/12, R = 0 -> 100 × (0.4 + 0.0333) = 43.3 -> 43, not high;
	 * with all five reflected on: + 20 -> 63.3 -> 63 */
	struct li_input in = { 0 };
	add(&in, 11, LI_SELF, 600, 5);
	struct li_index x;
	li_compute(&in, &x);
	ck_assert_int_eq(x.self_months, 1);
	ck_assert_int_eq(x.index, 43);
	ck_assert_int_eq(x.high, 0);
	ck_assert_int_eq(li_classify(&x), LI_CLASS_REST);
	in.reflected = 5;
	li_compute(&in, &x);
	ck_assert_int_eq(x.index, 63);
	ck_assert_int_eq(x.high, 1);
	/* a suggested activity counts as hours, not as self-initiated */
	struct li_input sg = { 0 };
	add(&sg, 3, LI_SUGGESTED, 60, 1);
	add(&sg, 3, LI_SELF, 60, 1);
	li_compute(&sg, &x);
	/* S = 0.5, M = 1/12, R = 0 -> 20 + 3.33 = 23 */
	ck_assert_int_eq(x.index, 23);
	ck_assert_int_eq(x.only_mandatory, 0);
}
END_TEST

START_TEST(threshold_edges)
{
	/* S = 1 (6 months), R = 0: 40 + 20 = 60: high exactly at the threshold */
	struct li_input in = { 0 };
	for (int k = 0; k < 6; k++)
		add(&in, k, LI_SELF, 30, 1);
	struct li_index x;
	li_compute(&in, &x);
	ck_assert_int_eq(x.index, 60);
	ck_assert_int_eq(x.high, 1);
	/* 5 months: 40 + 16.67 = 56.7 -> 57, not high */
	in.count[0][LI_SELF] = 0;
	in.minutes[0][LI_SELF] = 0;
	li_compute(&in, &x);
	ck_assert_int_eq(x.index, 57);
	ck_assert_int_eq(x.high, 0);
	/* a self-initiated activity of 0 minutes still makes its month count */
	struct li_input z = { 0 };
	add(&z, 2, LI_SELF, 0, 1);
	li_compute(&z, &x);
	ck_assert_int_eq(x.self_months, 1);
	ck_assert(x.s == 0.0);
	ck_assert_int_eq(x.index, 3);
}
END_TEST

START_TEST(window)
{
	char from[11], label[8];
	li_window_start("2026-12-06", from);
	ck_str(from, "2026-01-01", "window of December");
	li_window_start("2027-01-31", from);
	ck_str(from, "2026-02-01", "window of January");
	ck_assert_int_eq(li_month_index(from, "2026-02-01"), 0);
	ck_assert_int_eq(li_month_index(from, "2026-12-31"), 10);
	ck_assert_int_eq(li_month_index(from, "2027-01-31"), 11);
	ck_assert_int_eq(li_month_index(from, "2026-01-31"), -1);
	ck_assert_int_eq(li_month_index(from, "2027-02-01"), -1);
	ck_assert_int_eq(li_month_index(from, "junk"), -1);
	li_month_label(from, 11, label);
	ck_str(label, "2027-01", "label of the last month");
	li_month_label(from, 0, label);
	ck_str(label, "2026-02", "label of the first month");
}
END_TEST

START_TEST(stars_84)
{
	/* 4 superstars, 3 high: 75%, but too few to tell */
	int index[] = { 80, 70, 65, 20, 90, 10 };
	unsigned char star4[] = { 1, 1, 1, 1, 0, 0 };
	struct li_stars s;
	li_stars_compare(index, star4, 6, &s);
	ck_assert_int_eq(s.n, 4);
	ck_assert_int_eq(s.k, 3);
	ck_assert_int_eq(s.enough, 0);
	ck_assert(fabs(s.share - 0.75) < 1e-12);
	/* 5 superstars, 3 high (the fifth at 59 is not): 60%, told */
	int index5[] = { 80, 70, 65, 20, 59, 10 };
	unsigned char star5[] = { 1, 1, 1, 1, 1, 0 };
	li_stars_compare(index5, star5, 6, &s);
	ck_assert_int_eq(s.n, 5);
	ck_assert_int_eq(s.k, 3);
	ck_assert_int_eq(s.enough, 1);
	ck_assert(fabs(s.share - 0.6) < 1e-12);
	/* no superstar: no share */
	unsigned char none[6] = { 0 };
	li_stars_compare(index, none, 6, &s);
	ck_assert_int_eq(s.n, 0);
	ck_assert(isnan(s.share));
	ck_assert_int_eq(s.enough, 0);
}
END_TEST

START_TEST(origins)
{
	ck_assert_int_eq(li_origin_parse("self"), LI_SELF);
	ck_assert_int_eq(li_origin_parse("suggested"), LI_SUGGESTED);
	ck_assert_int_eq(li_origin_parse("mandatory"), LI_MANDATORY);
	ck_assert_int_eq(li_origin_parse("Self"), -1);
	ck_assert_int_eq(li_origin_parse(NULL), -1);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("learning-index");
	TCase *tc = tcase_create("index");
	tcase_add_test(tc, no_learning);
	tcase_add_test(tc, only_mandatory);
	tcase_add_test(tc, regular_self);
	tcase_add_test(tc, one_burst);
	tcase_add_test(tc, threshold_edges);
	tcase_add_test(tc, window);
	tcase_add_test(tc, stars_84);
	tcase_add_test(tc, origins);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
