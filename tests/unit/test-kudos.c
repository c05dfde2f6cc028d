/*
 * test-kudos: the rules of domain/kudos.c on hand-computed cases — the
 * input checks of kudos and the spotlight, the periods (weeks from Monday
 * across a year end, months), the badges (ten kept steps, the first clean
 * month across a year end, the first book, most-improved pending) and the
 * weekly and monthly streaks across month and year ends, with neutral
 * periods, the grace period and the current (unfinished) period.
 */
#include "check-util.h"
#include "domain/kudos.h"
#include <string.h>

/* a step day: kept k, missed m, open o */
#define D(due, k, m, o) { due, k, m, o }

static struct badge_facts facts(const struct step_day *d, size_t n, const char *today, int grace)
{
	return (struct badge_facts){ d, n, NULL, NULL, today, grace, NULL, 0 };
}

START_TEST(kudos_input)
{
	struct kudos_field_error e[KUDOS_ERRORS_MAX];
	struct kudos_input ok = { 11, 13, 1, "effort", "Stayed late to fix the Acme quote" };
	ck_assert_uint_eq(kudos_input_check(&ok, e), 0);
	/* to oneself: the field is rep_id, even when "known" */
	struct kudos_input self = { 11, 11, 1, "win", "Me" };
	ck_assert_uint_eq(kudos_input_check(&self, e), 1);
	ck_str(e[0].field, "rep_id", "self");
	ck_str(e[0].message, "Kudos are for a colleague, not for yourself.", "self message");
	/* another organisation's user (not found in the giver's): rep_id */
	struct kudos_input far = { 11, 99, 0, "win", "Hello" };
	ck_assert_uint_eq(kudos_input_check(&far, e), 1);
	ck_str(e[0].field, "rep_id", "other organisation");
	/* nobody chosen, a kind that is not one, no text: all three at once */
	struct kudos_input none = { 11, 0, 0, "bravery", "" };
	ck_assert_uint_eq(kudos_input_check(&none, e), 3);
	ck_str(e[0].field, "rep_id", "none");
	ck_str(e[1].field, "kind", "kind");
	ck_str(e[2].field, "text", "text");
	/* 280 bytes fit, 281 do not */
	char t[300];
	memset(t, 'a', 280);
	t[280] = 0;
	struct kudos_input longest = { 11, 13, 1, "progress", t };
	ck_assert_uint_eq(kudos_input_check(&longest, e), 0);
	t[280] = 'a';
	t[281] = 0;
	ck_assert_uint_eq(kudos_input_check(&longest, e), 1);
	ck_str(e[0].field, "text", "too long");
	/* the kinds are recognitions' (domain/plans.h): improvement is one */
	struct kudos_input imp = { 11, 13, 1, "improvement", "Better discovery questions" };
	ck_assert_uint_eq(kudos_input_check(&imp, e), 0);
}
END_TEST

START_TEST(spotlight_input_and_periods)
{
	struct kudos_field_error e[KUDOS_ERRORS_MAX];
	struct spotlight_input ok = { "month", 11, 1, "Closed three deals with a next step every time" };
	ck_assert_uint_eq(spotlight_input_check(&ok, e), 0);
	struct spotlight_input bad = { "year", 12, 0, "" };
	ck_assert_uint_eq(spotlight_input_check(&bad, e), 3);
	ck_str(e[0].field, "period", "period");
	ck_str(e[1].field, "rep_id", "not in the team");
	ck_str(e[2].field, "citation", "citation");
	char d[11];
	/* Thursday 1 January 2026: its week began on Monday 29 December 2025 */
	ck_assert_int_eq(spotlight_period_start("week", "2026-01-01", d), 0);
	ck_str(d, "2025-12-29", "week over the new year");
	ck_assert_int_eq(spotlight_period_start("week", "2026-11-23", d), 0);
	ck_str(d, "2026-11-23", "a Monday is its own week's start");
	ck_assert_int_eq(spotlight_period_start("week", "2026-11-29", d), 0);
	ck_str(d, "2026-11-23", "Sunday");
	ck_assert_int_eq(spotlight_period_start("month", "2026-02-28", d), 0);
	ck_str(d, "2026-02-01", "month");
	ck_assert_int_eq(spotlight_period_start("year", "2026-02-28", d), -1);
	ck_assert_int_eq(spotlight_period_start("week", "2026-02-30", d), -1);
	/* weeks: 29 Dec 2025 .. 4 Jan 2026 is one week */
	ck_assert_int_eq(kudos_week_index("2025-12-29"), kudos_week_index("2026-01-04"));
	ck_assert_int_eq(kudos_week_index("2026-01-05"), kudos_week_index("2026-01-04") + 1);
	ck_assert_int_eq(kudos_week_index("2025-12-28"), kudos_week_index("2025-12-29") - 1);
	ck_assert_int_eq(kudos_week_index("1970-01-05"), 0);
	ck_assert_int_eq(kudos_week_index("1970-01-04"), -1);
	ck_assert_int_eq(kudos_month_index("2026-01-15"), kudos_month_index("2025-12-31") + 1);
}
END_TEST

/* today Wednesday 14 January 2026. Weeks (Monday): 8 Dec (a missed step),
 * 15 Dec, 22 Dec, 29 Dec–4 Jan (steps on both sides of the year end), 5 Jan
 * all kept; this week (12 Jan) has an open step and does not count yet */
static const struct step_day year_end[] = {
	D("2026-01-13", 0, 0, 1), D("2026-01-06", 1, 0, 0), D("2026-01-02", 1, 0, 0), D("2025-12-31", 2, 0, 0),
	D("2025-12-23", 1, 0, 0), D("2025-12-16", 1, 0, 0), D("2025-12-10", 3, 1, 0), D("2025-11-20", 4, 0, 0),
	D("2025-11-03", 1, 0, 0),
};

START_TEST(streaks_across_the_year_end)
{
	struct badge_facts f = facts(year_end, N_ELEMS(year_end), "2026-01-14", 3);
	struct streaks s;
	streaks_compute(&f, &s);
	ck_assert_int_eq(s.week_current, 4);	/* 15 Dec, 22 Dec, 29 Dec, 5 Jan */
	/* before the missed step only the weeks of 3 and 17 November (10
	 * November had nothing due): a run of 2, so the best is the 4 */
	ck_assert_int_eq(s.week_best, 4);
	/* months: December 2025 had the missed step; January is not over */
	ck_assert_int_eq(s.month_current, 0);
	ck_assert_int_eq(s.month_best, 1);	/* November 2025 */
	/* a week later (Wednesday 21 January) the week of 12 January is judged:
	 * its open step of the 13th is 8 days late, over the grace of 3: missed */
	f.today = "2026-01-21";
	streaks_compute(&f, &s);
	ck_assert_int_eq(s.week_current, 0);
	ck_assert_int_eq(s.week_best, 4);
	/* with a grace of 10 days it is still open, not judged: neutral */
	f.grace_days = 10;
	streaks_compute(&f, &s);
	ck_assert_int_eq(s.week_current, 4);
}
END_TEST

START_TEST(neutral_periods_and_the_order_of_the_days)
{
	/* weeks of 2 Feb, (9 Feb: nothing due), 16 Feb, 23 Feb all kept; the
	 * days given in any order; today Monday 2 March: the week of 23 Feb is
	 * over */
	static const struct step_day d[] = {
		D("2026-02-24", 1, 0, 0), D("2026-02-03", 2, 0, 0), D("2026-02-17", 1, 0, 0), D("2026-03-02", 0, 0, 1),
	};
	struct badge_facts f = facts(d, N_ELEMS(d), "2026-03-02", 3);
	struct streaks s;
	streaks_compute(&f, &s);
	ck_assert_int_eq(s.week_current, 3);
	ck_assert_int_eq(s.week_best, 3);
	ck_assert_int_eq(s.month_current, 1);	/* February 2026 */
	/* a cancelled-only week is not given at all (the store leaves them out);
	 * a week with only a missed step breaks it */
	static const struct step_day d2[] = {
		D("2026-02-24", 1, 0, 0), D("2026-02-10", 0, 1, 0), D("2026-02-03", 2, 0, 0),
	};
	f = facts(d2, N_ELEMS(d2), "2026-03-02", 3);
	streaks_compute(&f, &s);
	ck_assert_int_eq(s.week_current, 1);
	ck_assert_int_eq(s.week_best, 1);
	ck_assert_int_eq(s.month_current, 0);
	ck_assert_int_eq(s.month_best, 0);
	/* nothing at all */
	f = facts(NULL, 0, "2026-03-02", 3);
	streaks_compute(&f, &s);
	ck_assert_int_eq(s.week_current + s.week_best + s.month_current + s.month_best, 0);
}
END_TEST

START_TEST(monthly_streak_over_the_year_end)
{
	/* November, December 2025 and January 2026 clean; today 1 February */
	static const struct step_day d[] = {
		D("2026-01-31", 1, 0, 0), D("2025-12-31", 1, 0, 0), D("2025-11-01", 2, 0, 0), D("2025-10-15", 0, 1, 0),
	};
	struct badge_facts f = facts(d, N_ELEMS(d), "2026-02-01", 3);
	struct streaks s;
	streaks_compute(&f, &s);
	ck_assert_int_eq(s.month_current, 3);
	ck_assert_int_eq(s.month_best, 3);
	/* on 31 January, January is not over */
	f.today = "2026-01-31";
	streaks_compute(&f, &s);
	ck_assert_int_eq(s.month_current, 2);
	struct badge b[BADGE_COUNT];
	f.today = "2026-02-01";
	badges_compute(&f, b);
	ck_assert_int_eq(b[BADGE_CLEAN_MONTH].earned, 1);
	ck_assert_int_eq(b[BADGE_CLEAN_MONTH].count, 3);
	ck_str(b[BADGE_CLEAN_MONTH].on, "2025-12-01", "the day after the first clean month (November)");
}
END_TEST

START_TEST(badges)
{
	/* only December 2025 is clean: earned on 1 January 2026 */
	static const struct step_day d[] = { D("2025-12-15", 3, 0, 0), D("2025-11-15", 2, 1, 0) };
	struct badge_facts f = facts(d, N_ELEMS(d), "2026-01-10", 3);
	f.tenth_kept_on = "2025-12-15";
	f.first_book_on = "2026-01-09";
	struct badge b[BADGE_COUNT];
	badges_compute(&f, b);
	ck_assert_int_eq(b[BADGE_TEN_KEPT].earned, 1);
	ck_str(b[BADGE_TEN_KEPT].on, "2025-12-15", "tenth kept");
	ck_assert_int_eq(b[BADGE_CLEAN_MONTH].earned, 1);
	ck_assert_int_eq(b[BADGE_CLEAN_MONTH].count, 1);
	ck_str(b[BADGE_CLEAN_MONTH].on, "2026-01-01", "over the year end");
	ck_assert_int_eq(b[BADGE_FIRST_BOOK].earned, 1);
	ck_str(b[BADGE_FIRST_BOOK].on, "2026-01-09", "first book");
	/* most improved: no contest won, not earned; two wins, the first
	 * frozen on 2 December 2025 */
	ck_assert_int_eq(b[BADGE_MOST_IMPROVED].earned, 0);
	ck_assert_int_eq(b[BADGE_MOST_IMPROVED].pending, 0);
	ck_str(badge_codes[BADGE_MOST_IMPROVED], "most_improved", "code");
	struct badge_facts won = f;
	won.most_improved_on = "2025-12-02";
	won.most_improved_wins = 2;
	struct badge bw[BADGE_COUNT];
	badges_compute(&won, bw);
	ck_assert_int_eq(bw[BADGE_MOST_IMPROVED].earned, 1);
	ck_assert_int_eq(bw[BADGE_MOST_IMPROVED].count, 2);
	ck_str(bw[BADGE_MOST_IMPROVED].on, "2025-12-02", "most improved won");
	/* December still running (today in December): not earned yet; nine
	 * kept steps: no tenth; no book */
	f.today = "2025-12-31";
	f.tenth_kept_on = NULL;
	f.first_book_on = NULL;
	badges_compute(&f, b);
	ck_assert_int_eq(b[BADGE_CLEAN_MONTH].earned, 0);
	ck_str(b[BADGE_CLEAN_MONTH].on, "", "not earned: no day");
	ck_assert_int_eq(b[BADGE_TEN_KEPT].earned, 0);
	ck_assert_int_eq(b[BADGE_FIRST_BOOK].earned, 0);
	/* a month whose only step is still open within the grace period is not
	 * clean yet: due 31 Dec, today 2 Jan, grace 3 */
	static const struct step_day d2[] = { D("2025-12-31", 0, 0, 1), D("2025-12-02", 1, 0, 0) };
	f = facts(d2, N_ELEMS(d2), "2026-01-02", 3);
	badges_compute(&f, b);
	ck_assert_int_eq(b[BADGE_CLEAN_MONTH].earned, 0);
	/* ... and once more than 3 days late it is missed: never clean */
	f.today = "2026-01-04";
	badges_compute(&f, b);
	ck_assert_int_eq(b[BADGE_CLEAN_MONTH].earned, 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("kudos");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, kudos_input);
	tcase_add_test(tc, spotlight_input_and_periods);
	tcase_add_test(tc, streaks_across_the_year_end);
	tcase_add_test(tc, neutral_periods_and_the_order_of_the_days);
	tcase_add_test(tc, monthly_streak_over_the_year_end);
	tcase_add_test(tc, badges);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
