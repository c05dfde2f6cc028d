/*
 * test-pulse: the rules of the wellbeing pulse (domain/pulse.c) on cases
 * computed by hand — ISO weeks around the year end (2026 has a week 53:
 * Monday 28 December 2026 to Sunday 3 January 2027), the closed-week rule,
 * the answer of a week (workload turned round), the burnout rule (a 3-week
 * mean at or below 2.5, a fall of 1.0 or more over four weeks), the
 * three-answer threshold of a team's average and its 2.5 threshold, and the
 * check of an answer naming each field. No database.
 */
#include "check-util.h"
#include "domain/pulse.h"
#include <stdio.h>

START_TEST(iso_weeks)
{
	static const struct { const char *day, *week; } cases[] = {
		{ "2027-01-03", "2026-W53" },	/* a Sunday: still week 53 of 2026 */
		{ "2026-12-28", "2026-W53" },	/* its Monday */
		{ "2027-01-04", "2027-W01" },	/* the next Monday */
		{ "2026-01-01", "2026-W01" },	/* a Thursday: week 1 of its own year */
		{ "2025-12-29", "2026-W01" },	/* a Monday of December in next year's week 1 */
		{ "2024-12-30", "2025-W01" },
		{ "2021-01-03", "2020-W53" },
		{ "2026-12-07", "2026-W50" },
		{ "2028-01-01", "2027-W52" },	/* 2027 has 52 weeks */
		{ "2026-06-15", "2026-W25" },
	};
	char w[PULSE_WEEK_LEN];
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		ck_assert_int_eq(pulse_week_of(cases[i].day, w), 0);
		ck_str(w, cases[i].week, cases[i].day);
	}
	ck_assert_int_eq(pulse_week_of("2026-02-30", w), -1);
	ck_assert_int_eq(pulse_week_of(NULL, w), -1);
	ck_assert(pulse_week_valid("2026-W53"));
	ck_assert(!pulse_week_valid("2027-W53"));	/* no week 53 in 2027 */
	ck_assert(pulse_week_valid("2020-W53"));
	ck_assert(!pulse_week_valid("2026-W00"));
	ck_assert(!pulse_week_valid("2026-w01"));
	ck_assert(!pulse_week_valid("2026-W1"));
	ck_assert(!pulse_week_valid(NULL));
}
END_TEST

START_TEST(week_days_and_steps)
{
	char d[11], w[PULSE_WEEK_LEN];
	ck_assert_int_eq(pulse_week_monday("2026-W53", d), 0);
	ck_str(d, "2026-12-28", "monday of 2026-W53");
	ck_assert_int_eq(pulse_week_sunday("2026-W53", d), 0);
	ck_str(d, "2027-01-03", "sunday of 2026-W53");
	ck_assert_int_eq(pulse_week_monday("2026-W01", d), 0);
	ck_str(d, "2025-12-29", "monday of 2026-W01");
	ck_assert_int_eq(pulse_week_add("2026-W52", 1, w), 0);
	ck_str(w, "2026-W53", "W52 + 1");
	ck_assert_int_eq(pulse_week_add("2026-W53", 1, w), 0);
	ck_str(w, "2027-W01", "W53 + 1");
	ck_assert_int_eq(pulse_week_add("2027-W02", -4, w), 0);
	ck_str(w, "2026-W51", "2027-W02 - 4 (over week 53)");
	ck_assert_int_eq(pulse_week_add("2026-W10", -11, w), 0);
	ck_str(w, "2025-W51", "2026-W10 - 11 (2025 has 52 weeks)");
	ck_assert_int_eq(pulse_week_add("2027-W53", 1, w), -1);
}
END_TEST

START_TEST(closed_week)
{
	static const struct { const char *week, *today; int want; } cases[] = {
		{ "2026-W53", "2027-01-03", 0 },	/* its Sunday: still open */
		{ "2026-W53", "2027-01-04", 1 },	/* the Monday after: closed */
		{ "2026-W53", "2026-12-31", 0 },
		{ "2026-W52", "2026-12-28", 1 },
		{ "2026-W52", "2026-12-27", 0 },	/* W52's Sunday */
		{ "2026-W50", "2026-12-07", 0 },	/* the week it is now */
		{ "2026-W49", "2026-12-07", 1 },
		{ "2027-W01", "2026-12-07", 0 },	/* a future week */
		{ "2027-W53", "2028-06-01", 0 },	/* no such week */
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++)
		ck_assert_msg(pulse_week_closed(cases[i].week, cases[i].today) == cases[i].want, "%s on %s",
			      cases[i].week, cases[i].today);
}
END_TEST

START_TEST(answer_of_a_week)
{
	/* energy 2, motivation 3, workload 4 -> (2 + 3 + (6 - 4)) / 3 = 7 / 3 */
	ck_assert_int_eq(pulse_points(2, 3, 4), 7);
	ck_assert_double_eq_tol(pulse_score(2, 3, 4), 2.3333, 0.0001);
	ck_assert_int_eq(pulse_points(5, 5, 1), 15);	/* the best: workload light */
	ck_assert_int_eq(pulse_points(1, 1, 5), 3);	/* the worst: workload far too much */
	ck_assert_double_eq(pulse_score(3, 3, 3), 3.0);
}
END_TEST

static int risk_of(const char *const *weeks, const int *points, size_t n)
{
	struct pulse_point p[16];
	for (size_t i = 0; i < n; i++)
		p[i] = (struct pulse_point){ weeks[i], points[i] };
	return pulse_risk(p, n);
}

START_TEST(burnout_rule)
{
	const char *w5[] = { "2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44" };
	/* last three 8 + 7 + 7 = 22 points: (22 / 3) / 3 = 2.44 <= 2.5 */
	ck_assert_int_eq(risk_of(w5, (int[]){ 9, 9, 8, 7, 7 }, 5), PULSE_RISK_LOW);
	/* 8 + 7 + 8 = 23: 2.56, above; W40 9 -> W44 8 is a fall of 0.33 */
	ck_assert_int_eq(risk_of(w5, (int[]){ 9, 9, 8, 7, 8 }, 5), PULSE_RISK_NONE);
	/* two answered weeks only, however low: not three weeks yet */
	ck_assert_int_eq(risk_of(w5, (int[]){ 3, 3 }, 2), PULSE_RISK_NONE);
	/* a fall of exactly 1.0: W40 12 points (4.0) -> W44 9 (3.0) */
	ck_assert_int_eq(risk_of(w5, (int[]){ 12, 12, 12, 11, 9 }, 5), PULSE_RISK_FALL);
	/* 11 -> 9 is 0.67: no fall */
	ck_assert_int_eq(risk_of(w5, (int[]){ 11, 12, 12, 11, 9 }, 5), PULSE_RISK_NONE);
	/* both: 12 -> 7 and the last three 7 + 7 + 7 = 21 (2.33) */
	ck_assert_int_eq(risk_of(w5, (int[]){ 12, 10, 7, 7, 7 }, 5), PULSE_RISK_LOW | PULSE_RISK_FALL);
	/* the week four weeks before the latest was not answered: no fall, even
	 * from a higher week five weeks before */
	const char *gap[] = { "2026-W39", "2026-W41", "2026-W42", "2026-W43", "2026-W44" };
	ck_assert_int_eq(risk_of(gap, (int[]){ 15, 12, 12, 12, 9 }, 5), PULSE_RISK_NONE);
	/* over the year end: 2027-W02's four weeks before is 2026-W51 (2026 has W53) */
	const char *ye[] = { "2026-W51", "2026-W52", "2026-W53", "2027-W01", "2027-W02" };
	ck_assert_int_eq(risk_of(ye, (int[]){ 13, 12, 12, 11, 10 }, 5), PULSE_RISK_FALL);
	/* the last three answered weeks need not be consecutive weeks */
	const char *sparse[] = { "2026-W30", "2026-W35", "2026-W44" };
	ck_assert_int_eq(risk_of(sparse, (int[]){ 7, 7, 7 }, 3), PULSE_RISK_LOW);
	ck_assert_int_eq(pulse_risk(NULL, 0), PULSE_RISK_NONE);
}
END_TEST

START_TEST(team_threshold_and_closed_week)
{
	ck_assert(pulse_team_week_visible(3, "2026-W49", "2026-12-07"));
	ck_assert(!pulse_team_week_visible(2, "2026-W49", "2026-12-07"));	/* two answers: never shown */
	ck_assert(!pulse_team_week_visible(3, "2026-W50", "2026-12-07"));	/* the week is still open */
	ck_assert(!pulse_team_week_visible(9, "2026-W53", "2027-01-03"));
	ck_assert(pulse_team_week_visible(3, "2026-W53", "2027-01-04"));
	/* 3 answers of 22 points: 22 / 9 = 2.44, at or below 2.5 */
	ck_assert(pulse_team_low(22, 3));
	ck_assert(!pulse_team_low(23, 3));	/* 2.56 */
	ck_assert(pulse_team_low(30, 4));	/* exactly 2.5 */
	ck_assert(!pulse_team_low(31, 4));	/* 2.58 */
	ck_assert(!pulse_team_low(0, 0));
}
END_TEST

START_TEST(check_answer)
{
	struct pulse_answer a;
	struct pulse_field_error e[PULSE_ERRORS_MAX];
	ck_assert_uint_eq(pulse_check(&(struct pulse_input){ "4", "3", "2", "" }, &a, e), 0);
	ck_assert_int_eq(a.energy, 4);
	ck_assert_int_eq(a.motivation, 3);
	ck_assert_int_eq(a.workload, 2);
	size_t n = pulse_check(&(struct pulse_input){ "6", "3", "2", NULL }, &a, e);
	ck_assert_uint_eq(n, 1);
	ck_str(e[0].field, "energy", "6 for energy");
	n = pulse_check(&(struct pulse_input){ "3", "0", "2.5", NULL }, &a, e);
	ck_assert_uint_eq(n, 2);
	ck_str(e[0].field, "motivation", "0");
	ck_str(e[1].field, "workload", "2.5");
	n = pulse_check(&(struct pulse_input){ NULL, "", "x", NULL }, &a, e);
	ck_assert_uint_eq(n, 3);
	char longc[PULSE_COMMENT_MAX + 2];
	memset(longc, 'a', sizeof(longc) - 1);
	longc[sizeof(longc) - 1] = 0;
	n = pulse_check(&(struct pulse_input){ "1", "5", "3", longc }, &a, e);
	ck_assert_uint_eq(n, 1);
	ck_str(e[0].field, "comment", "501 characters");
	ck_assert_int_eq(pulse_parse_value("5"), 5);
	ck_assert_int_eq(pulse_parse_value("05"), -1);
	ck_assert_int_eq(pulse_parse_value("-1"), -1);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("pulse");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, iso_weeks);
	tcase_add_test(tc, week_days_and_steps);
	tcase_add_test(tc, closed_week);
	tcase_add_test(tc, answer_of_a_week);
	tcase_add_test(tc, burnout_rule);
	tcase_add_test(tc, team_threshold_and_closed_week);
	tcase_add_test(tc, check_answer);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
