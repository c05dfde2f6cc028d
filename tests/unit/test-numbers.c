/*
 * test-numbers: the domain rules behind the numbers pages — periods with a
 * fiscal start, attainment and what is needed per week, tiers, revenue
 * concentration and the excuse check (src/domain/period.c, attainment.c,
 * tiers.c, concentration.c, excuses.c) — on small cases computed by hand,
 * the arithmetic beside each expectation. Thresholds are tested exactly at
 * their edges, where a binary fraction would tip a careless comparison.
 */
#include <check.h>
#include <math.h>
#include <string.h>
#include "check-util.h"
#include "domain/attainment.h"
#include "domain/commitment.h"
#include "domain/concentration.h"
#include "domain/excuses.h"
#include "domain/period.h"
#include "domain/tiers.h"
#include "lib/util.h"
#include "lib/arena.h"

#define TOL 1e-12

/* a period as label, start and end, with the case in the message */
static void ck_period(const struct period *p, enum period_kind kind, const char *label, const char *start,
		      const char *end, const char *what)
{
	ck_assert_msg(p->kind == kind, "%s: kind %d, want %d", what, (int)p->kind, (int)kind);
	ck_str(p->label, label, what);
	ck_str(p->start, start, what);
	ck_str(p->end, end, what);
}

static struct period parsed(const char *label, int fsm)
{
	struct period p;
	ck_assert_msg(period_parse(label, fsm, &p) == 0, "%s (start %d) refused", label, fsm);
	return p;
}

/* ---------------------------------------------------------------- periods */

START_TEST(period_labels)
{
	/* calendar fiscal year (start 1): quarters are the calendar quarters */
	ck_period((struct period[]){ parsed("2026-11", 1) }, PERIOD_MONTH, "2026-11", "2026-11-01", "2026-11-30",
		  "month");
	ck_period((struct period[]){ parsed("2026-Q1", 1) }, PERIOD_QUARTER, "2026-Q1", "2026-01-01", "2026-03-31",
		  "Q1 start 1");
	ck_period((struct period[]){ parsed("2026-Q4", 1) }, PERIOD_QUARTER, "2026-Q4", "2026-10-01", "2026-12-31",
		  "Q4 start 1");
	ck_period((struct period[]){ parsed("FY2026", 1) }, PERIOD_YEAR, "FY2026", "2026-01-01", "2026-12-31",
		  "FY start 1");

	/* start 7: FY2026 runs July 2026 to June 2027; Q1 = Jul-Sep, Q2 = Oct-Dec,
	 * Q3 = Jan-Mar 2027, Q4 = Apr-Jun 2027 */
	ck_period((struct period[]){ parsed("FY2026", 7) }, PERIOD_YEAR, "FY2026", "2026-07-01", "2027-06-30",
		  "FY start 7");
	ck_period((struct period[]){ parsed("2026-Q1", 7) }, PERIOD_QUARTER, "2026-Q1", "2026-07-01", "2026-09-30",
		  "Q1 start 7");
	ck_period((struct period[]){ parsed("2026-Q2", 7) }, PERIOD_QUARTER, "2026-Q2", "2026-10-01", "2026-12-31",
		  "Q2 start 7");
	ck_period((struct period[]){ parsed("2026-Q3", 7) }, PERIOD_QUARTER, "2026-Q3", "2027-01-01", "2027-03-31",
		  "Q3 start 7");
	ck_period((struct period[]){ parsed("2026-Q4", 7) }, PERIOD_QUARTER, "2026-Q4", "2027-04-01", "2027-06-30",
		  "Q4 start 7");
	/* months do not follow the fiscal year */
	ck_period((struct period[]){ parsed("2027-01", 7) }, PERIOD_MONTH, "2027-01", "2027-01-01", "2027-01-31",
		  "month start 7");
	/* start 11: Q2 of FY2026 is Feb-Apr 2027 (11-1 + 3 = 13 months after Jan 2026) */
	ck_period((struct period[]){ parsed("2026-Q2", 11) }, PERIOD_QUARTER, "2026-Q2", "2027-02-01", "2027-04-30",
		  "Q2 start 11");

	/* an impossible fiscal start counts as January */
	ck_period((struct period[]){ parsed("FY2026", 0) }, PERIOD_YEAR, "FY2026", "2026-01-01", "2026-12-31",
		  "start 0");
	ck_period((struct period[]){ parsed("2026-Q2", 13) }, PERIOD_QUARTER, "2026-Q2", "2026-04-01", "2026-06-30",
		  "start 13");

	/* the edges of the valid years (1900..2200, the range of every date in
	 * the program): FY2200 from July would end in 2201 */
	ck_period((struct period[]){ parsed("1900-01", 1) }, PERIOD_MONTH, "1900-01", "1900-01-01", "1900-01-31",
		  "first month");
	ck_period((struct period[]){ parsed("FY2200", 1) }, PERIOD_YEAR, "FY2200", "2200-01-01", "2200-12-31",
		  "last year");
	struct period p;
	ck_assert_int_eq(period_parse("FY2200", 7, &p), -1);
	ck_assert_int_eq(period_parse("2200-Q3", 7, &p), -1);	/* Jan-Mar 2201 */
	ck_assert_int_eq(period_parse("2200-Q2", 7, &p), 0);	/* Oct-Dec 2200 */
	/* beyond the range: refused at parsing, not a period whose days no
	 * query accepts (that was a 500 on /api/v1/results?period=2201-01) */
	ck_assert_int_eq(period_parse("2201-01", 1, &p), -1);
	ck_assert_int_eq(period_parse("2201-Q1", 1, &p), -1);
	ck_assert_int_eq(period_parse("FY2201", 1, &p), -1);
	ck_assert_int_eq(period_parse("9999-12", 1, &p), -1);
	ck_assert_int_eq(period_parse("2200-12", 1, &p), 0);
	/* every day a valid period holds is a valid date */
	ck_assert(date_valid(parsed("2200-12", 1).end));
	ck_assert(date_valid(parsed("1900-01", 1).start));
}
END_TEST

START_TEST(period_leap_years)
{
	/* 2024 is a leap year, 2026 is not, 1900 is not (divisible by 100),
	 * 2000 is (divisible by 400) */
	ck_str(parsed("2024-02", 1).end, "2024-02-29", "2024-02");
	ck_str(parsed("2026-02", 1).end, "2026-02-28", "2026-02");
	ck_str(parsed("1900-02", 1).end, "1900-02-28", "1900-02");
	ck_str(parsed("2000-02", 1).end, "2000-02-29", "2000-02");
	/* a fiscal year from March ends on the last day of February */
	ck_str(parsed("FY2023", 3).end, "2024-02-29", "FY2023 start 3");
	ck_str(parsed("FY2024", 3).end, "2025-02-28", "FY2024 start 3");
	/* a fiscal year from December: Q1 is Dec-Feb */
	ck_str(parsed("2023-Q1", 12).end, "2024-02-29", "Q1 start 12");

	struct period p = parsed("2026-11", 1);
	ck_assert_int_eq(period_days(&p), 30);
	p = parsed("2024-02", 1);
	ck_assert_int_eq(period_days(&p), 29);
	p = parsed("2026-Q2", 7);	/* Oct 31 + Nov 30 + Dec 31 */
	ck_assert_int_eq(period_days(&p), 92);
	p = parsed("FY2024", 1);
	ck_assert_int_eq(period_days(&p), 366);
	p = parsed("FY2023", 3);	/* March 2023 to February 2024, which has the 29th */
	ck_assert_int_eq(period_days(&p), 366);
	p = parsed("FY2026", 7);
	ck_assert_int_eq(period_days(&p), 365);
}
END_TEST

START_TEST(period_bad_labels)
{
	static const char *const bad[] = {
		"", "2026", "2026-13", "2026-00", "2026-1", "2026-011", "2026-11 ", " 2026-11", "2026/11",
		"26-11", "+026-11", "2026-Q0", "2026-Q5", "2026-q1", "2026-Q", "2026-Q12", "2026-Q1x", "FY26",
		"FY2026x", "fy2026", "FY 2026", "FY-2026", "1899-12", "FY1899", "1899-Q4", "10000-01", "2026-1a",
		"2026-11-01",
	};
	for (size_t i = 0; i < N_ELEMS(bad); i++) {
		struct period p = { .kind = PERIOD_YEAR, .label = "untouched" };
		ck_assert_msg(period_parse(bad[i], 1, &p) == -1, "\"%s\" accepted", bad[i]);
		ck_str(p.label, "untouched", bad[i]);	/* out is left alone */
	}
	struct period p;
	ck_assert_int_eq(period_parse(NULL, 1, &p), -1);
}
END_TEST

START_TEST(period_kinds)
{
	ck_assert_int_eq(period_kind_parse("month"), PERIOD_MONTH);
	ck_assert_int_eq(period_kind_parse("quarter"), PERIOD_QUARTER);
	ck_assert_int_eq(period_kind_parse("year"), PERIOD_YEAR);
	ck_assert_int_eq(period_kind_parse("Month"), -1);
	ck_assert_int_eq(period_kind_parse("week"), -1);
	ck_assert_int_eq(period_kind_parse(""), -1);
	ck_assert_int_eq(period_kind_parse(NULL), -1);
	ck_assert_str_eq(period_kind_code(PERIOD_MONTH), "month");
	ck_assert_str_eq(period_kind_code(PERIOD_QUARTER), "quarter");
	ck_assert_str_eq(period_kind_code(PERIOD_YEAR), "year");
}
END_TEST

START_TEST(period_containing_day)
{
	struct period p;
	/* 2026-11-23 with the fiscal year from July: November is the 5th month
	 * of FY2026 (Jul=1 .. Nov=5), so the 2nd quarter (Oct-Dec) */
	period_containing(PERIOD_MONTH, "2026-11-23", 7, &p);
	ck_period(&p, PERIOD_MONTH, "2026-11", "2026-11-01", "2026-11-30", "month of 2026-11-23");
	period_containing(PERIOD_QUARTER, "2026-11-23", 7, &p);
	ck_period(&p, PERIOD_QUARTER, "2026-Q2", "2026-10-01", "2026-12-31", "quarter start 7");
	period_containing(PERIOD_YEAR, "2026-11-23", 7, &p);
	ck_period(&p, PERIOD_YEAR, "FY2026", "2026-07-01", "2027-06-30", "year start 7");

	/* January with the fiscal year from July: the 7th month of the fiscal
	 * year that began the July before, so its 3rd quarter */
	period_containing(PERIOD_QUARTER, "2026-01-15", 7, &p);
	ck_period(&p, PERIOD_QUARTER, "2025-Q3", "2026-01-01", "2026-03-31", "January start 7");
	period_containing(PERIOD_YEAR, "2026-01-15", 7, &p);
	ck_period(&p, PERIOD_YEAR, "FY2025", "2025-07-01", "2026-06-30", "January's year start 7");
	/* the last and first day of a fiscal year */
	period_containing(PERIOD_YEAR, "2026-06-30", 7, &p);
	ck_str(p.label, "FY2025", "30 June start 7");
	period_containing(PERIOD_YEAR, "2026-07-01", 7, &p);
	ck_str(p.label, "FY2026", "1 July start 7");
	period_containing(PERIOD_QUARTER, "2027-06-30", 7, &p);
	ck_period(&p, PERIOD_QUARTER, "2026-Q4", "2027-04-01", "2027-06-30", "June start 7");

	/* calendar year */
	period_containing(PERIOD_QUARTER, "2026-11-23", 1, &p);
	ck_period(&p, PERIOD_QUARTER, "2026-Q4", "2026-10-01", "2026-12-31", "quarter start 1");
	period_containing(PERIOD_YEAR, "2026-01-01", 1, &p);
	ck_period(&p, PERIOD_YEAR, "FY2026", "2026-01-01", "2026-12-31", "year start 1");
	period_containing(PERIOD_MONTH, "2024-02-29", 1, &p);
	ck_period(&p, PERIOD_MONTH, "2024-02", "2024-02-01", "2024-02-29", "leap day");

	/* no day to go by: an empty period */
	period_containing(PERIOD_MONTH, "2026-02-29", 1, &p);
	ck_str(p.label, "", "not a day");
	ck_str(p.start, "", "not a day");
	period_containing(PERIOD_MONTH, NULL, 1, &p);
	ck_str(p.label, "", "NULL day");
}
END_TEST

START_TEST(period_prev_next_history)
{
	struct period p, q;
	p = parsed("2026-01", 1);
	period_prev(&p, 1, &q);
	ck_period(&q, PERIOD_MONTH, "2025-12", "2025-12-01", "2025-12-31", "month before January");
	p = parsed("2026-12", 1);
	period_next(&p, 1, &q);
	ck_period(&q, PERIOD_MONTH, "2027-01", "2027-01-01", "2027-01-31", "month after December");
	p = parsed("2024-03", 1);
	period_prev(&p, 1, &q);
	ck_period(&q, PERIOD_MONTH, "2024-02", "2024-02-01", "2024-02-29", "leap February");

	/* quarters from July: before 2026-Q1 (Jul-Sep 2026) is 2025-Q4 (Apr-Jun
	 * 2026); after 2026-Q4 (Apr-Jun 2027) is 2027-Q1 (Jul-Sep 2027) */
	p = parsed("2026-Q1", 7);
	period_prev(&p, 7, &q);
	ck_period(&q, PERIOD_QUARTER, "2025-Q4", "2026-04-01", "2026-06-30", "quarter before Q1");
	p = parsed("2026-Q4", 7);
	period_next(&p, 7, &q);
	ck_period(&q, PERIOD_QUARTER, "2027-Q1", "2027-07-01", "2027-09-30", "quarter after Q4");
	p = parsed("2026-Q2", 7);
	period_next(&p, 7, &q);
	ck_period(&q, PERIOD_QUARTER, "2026-Q3", "2027-01-01", "2027-03-31", "quarter across new year");
	p = parsed("2026-Q1", 1);
	period_prev(&p, 1, &q);
	ck_period(&q, PERIOD_QUARTER, "2025-Q4", "2025-10-01", "2025-12-31", "calendar quarter before");

	p = parsed("FY2026", 7);
	period_prev(&p, 7, &q);
	ck_period(&q, PERIOD_YEAR, "FY2025", "2025-07-01", "2026-06-30", "year before");
	period_next(&p, 7, &q);
	ck_period(&q, PERIOD_YEAR, "FY2027", "2027-07-01", "2028-06-30", "year after");

	/* at the edges of the valid years the period stays put */
	p = parsed("1900-01", 1);
	period_prev(&p, 1, &q);
	ck_str(q.label, "1900-01", "before the first month");
	p = parsed("2200-12", 1);
	period_next(&p, 1, &q);
	ck_str(q.label, "2200-12", "after the last month");
	p = parsed("FY2199", 7);	/* FY2200 would end in June 2201 */
	period_next(&p, 7, &q);
	ck_str(q.label, "FY2199", "after the last whole fiscal year");
	p = parsed("FY1900", 7);	/* FY1899 would start in July 1899 */
	period_prev(&p, 7, &q);
	ck_str(q.label, "FY1900", "before the first whole fiscal year");

	/* history: oldest first, ending with p */
	struct period h[4];
	p = parsed("2026-02", 1);
	period_history(&p, 1, 4, h);
	ck_str(h[0].label, "2025-11", "history 0");
	ck_str(h[1].label, "2025-12", "history 1");
	ck_str(h[2].label, "2026-01", "history 2");
	ck_str(h[3].label, "2026-02", "history 3");
	ck_str(h[1].end, "2025-12-31", "history 1 end");
	p = parsed("2026-Q2", 7);
	period_history(&p, 7, 3, h);
	ck_period(&h[0], PERIOD_QUARTER, "2025-Q4", "2026-04-01", "2026-06-30", "quarter history 0");
	ck_period(&h[1], PERIOD_QUARTER, "2026-Q1", "2026-07-01", "2026-09-30", "quarter history 1");
	ck_period(&h[2], PERIOD_QUARTER, "2026-Q2", "2026-10-01", "2026-12-31", "quarter history 2");
	p = parsed("FY2026", 1);
	period_history(&p, 1, 1, h);
	ck_str(h[0].label, "FY2026", "history of one");
	period_history(&p, 1, 0, NULL);	/* nothing asked, nothing written */
}
END_TEST

START_TEST(period_bounds)
{
	struct period p;
	ck_assert_int_eq(period_from_bounds("2026-11-01", "2026-11-30", 7, &p), 0);
	ck_period(&p, PERIOD_MONTH, "2026-11", "2026-11-01", "2026-11-30", "month bounds");
	ck_assert_int_eq(period_from_bounds("2026-10-01", "2026-12-31", 7, &p), 0);
	ck_period(&p, PERIOD_QUARTER, "2026-Q2", "2026-10-01", "2026-12-31", "quarter bounds start 7");
	ck_assert_int_eq(period_from_bounds("2026-10-01", "2026-12-31", 1, &p), 0);
	ck_period(&p, PERIOD_QUARTER, "2026-Q4", "2026-10-01", "2026-12-31", "quarter bounds start 1");
	ck_assert_int_eq(period_from_bounds("2026-07-01", "2027-06-30", 7, &p), 0);
	ck_period(&p, PERIOD_YEAR, "FY2026", "2026-07-01", "2027-06-30", "year bounds start 7");
	ck_assert_int_eq(period_from_bounds("2024-02-01", "2024-02-29", 1, &p), 0);
	ck_str(p.label, "2024-02", "leap February bounds");

	/* spans that are no period of this organisation */
	struct period keep = { .label = "untouched" };
	static const char *const bad[][2] = {
		{ "2026-01-01", "2026-12-31" },	/* a calendar year, but the fiscal year starts in July */
		{ "2026-11-02", "2026-11-30" }, { "2026-11-01", "2026-11-29" }, { "2026-11-01", "2026-12-31" },
		{ "2026-09-01", "2026-11-30" },	/* three months, not a fiscal quarter from July */
		{ "2026-11-30", "2026-11-01" }, { "2026-02-01", "2026-02-29" }, { "2026-11-01", "" },
		{ "nonsense", "2026-11-30" },
	};
	for (size_t i = 0; i < N_ELEMS(bad); i++) {
		p = keep;
		ck_assert_msg(period_from_bounds(bad[i][0], bad[i][1], 7, &p) == -1, "%s..%s accepted", bad[i][0],
			      bad[i][1]);
		ck_str(p.label, "untouched", bad[i][0]);
	}
	ck_assert_int_eq(period_from_bounds(NULL, "2026-11-30", 7, &p), -1);
	/* the calendar year is a period when the fiscal year starts in January */
	ck_assert_int_eq(period_from_bounds("2026-01-01", "2026-12-31", 1, &p), 0);
	ck_str(p.label, "FY2026", "calendar year start 1");
}
END_TEST

START_TEST(days)
{
	ck_assert_int_eq(day_diff("2026-11-01", "2026-11-30"), 29);
	ck_assert_int_eq(day_diff("2026-11-30", "2026-11-01"), -29);
	ck_assert_int_eq(day_diff("2026-11-23", "2026-11-23"), 0);
	ck_assert_int_eq(day_diff("2025-12-31", "2026-01-01"), 1);
	ck_assert_int_eq(day_diff("2024-01-01", "2025-01-01"), 366);	/* 2024 has a 29 February */
	ck_assert_int_eq(day_diff("2026-01-01", "2025-01-01"), -365);
	ck_assert_int_eq(day_diff("2000-02-28", "2000-03-01"), 2);	/* 2000 is a leap year */
	ck_assert_int_eq(day_diff("1900-02-28", "1900-03-01"), 1);	/* 1900 is not */
	/* 1970-01-01 to 2000-01-01: 30 years of 365 days + 7 leap days (72 .. 96) */
	ck_assert_int_eq(day_diff("1970-01-01", "2000-01-01"), 30 * 365 + 7);
	/* 1900-01-01 to 2000-01-01: 100 * 365 + 24 leap days (1904 .. 1996; not 1900) */
	ck_assert_int_eq(day_diff("1900-01-01", "2000-01-01"), 36524);
	ck_assert_int_eq(day_diff("2026-11-31", "2026-12-01"), 0);	/* not a day */

	char out[11];
	day_add("2026-12-31", 1, out);
	ck_assert_str_eq(out, "2027-01-01");
	day_add("2024-02-28", 1, out);
	ck_assert_str_eq(out, "2024-02-29");
	day_add("2026-03-01", -1, out);
	ck_assert_str_eq(out, "2026-02-28");
	day_add("2026-11-23", 0, out);
	ck_assert_str_eq(out, "2026-11-23");
	day_add("2026-01-01", 365, out);
	ck_assert_str_eq(out, "2027-01-01");
	day_add("2026-11-23", -366, out);	/* a year back is 365 days (no 29 Feb), one more */
	ck_assert_str_eq(out, "2025-11-22");
	day_add("2200-12-31", 1, out);		/* held to the valid years */
	ck_assert_str_eq(out, "2200-12-31");
	day_add("1900-01-01", -1, out);
	ck_assert_str_eq(out, "1900-01-01");
	day_add("2026-02-30", 1, out);		/* not a day */
	ck_assert_str_eq(out, "");
}
END_TEST

/* ------------------------------------------------------------- attainment */

START_TEST(attainment_current)
{
	struct period nov = parsed("2026-11", 1);	/* 30 days */
	struct attainment a;
	/* today the 10th: 10 days elapsed (1..10), 20 left (11..30);
	 * 12000 of 30000 = 0.4; projection 12000 / 10 * 30 = 36000 = 1.2 of the
	 * target; remaining 30000 - 12000 = 18000; per week ceil(18000 * 7 / 20)
	 * = ceil(6300) = 6300 */
	attainment_compute(1, 30000, 12000, &nov, "2026-11-10", &a);
	ck_assert_int_eq(a.state, PERIOD_CURRENT);
	ck_assert_double_eq_tol(a.attainment, 0.4, TOL);
	ck_assert_int_eq(a.days_total, 30);
	ck_assert_int_eq(a.days_elapsed, 10);
	ck_assert_int_eq(a.days_left, 20);
	ck_assert_int_eq(a.projection_minor, 36000);
	ck_assert_double_eq_tol(a.projected_attainment, 1.2, TOL);
	ck_assert_int_eq(a.remaining_minor, 18000);
	ck_assert_int_eq(a.needed_per_week_minor, 6300);

	/* today the 27th: 3 days left; 20000 of 30000: remaining 10000, per
	 * week ceil(10000 * 7 / 3) = ceil(23333.33) = 23334; projection
	 * 20000 * 30 / 27 = 22222.2 -> 22222 */
	attainment_compute(1, 30000, 20000, &nov, "2026-11-27", &a);
	ck_assert_int_eq(a.days_left, 3);
	ck_assert_int_eq(a.remaining_minor, 10000);
	ck_assert_int_eq(a.needed_per_week_minor, 23334);
	ck_assert_int_eq(a.projection_minor, 22222);

	/* projection rounds half away from zero: 1 * 30 / 20 = 1.5 -> 2, and
	 * -1 * 30 / 20 = -1.5 -> -2; 1 * 30 / 7 = 4.29 -> 4 */
	attainment_compute(1, 30000, 1, &nov, "2026-11-20", &a);
	ck_assert_int_eq(a.projection_minor, 2);
	attainment_compute(1, 30000, -1, &nov, "2026-11-20", &a);
	ck_assert_int_eq(a.projection_minor, -2);
	ck_assert_int_eq(a.remaining_minor, 30001);	/* max(0, 30000 - -1) */
	attainment_compute(1, 30000, 1, &nov, "2026-11-07", &a);
	ck_assert_int_eq(a.projection_minor, 4);

	/* the first day counts: 1 elapsed, 29 left; projection 100 * 30 = 3000 */
	attainment_compute(1, 30000, 100, &nov, "2026-11-01", &a);
	ck_assert_int_eq(a.days_elapsed, 1);
	ck_assert_int_eq(a.days_left, 29);
	ck_assert_int_eq(a.projection_minor, 3000);

	/* the last day: no days left, so nothing per week; projection = result */
	attainment_compute(1, 30000, 12000, &nov, "2026-11-30", &a);
	ck_assert_int_eq(a.state, PERIOD_CURRENT);
	ck_assert_int_eq(a.days_elapsed, 30);
	ck_assert_int_eq(a.days_left, 0);
	ck_assert_int_eq(a.projection_minor, 12000);
	ck_assert_int_eq(a.needed_per_week_minor, -1);

	/* over target: nothing remains, nothing needed */
	attainment_compute(1, 10000, 12000, &nov, "2026-11-10", &a);
	ck_assert_double_eq_tol(a.attainment, 1.2, TOL);
	ck_assert_int_eq(a.remaining_minor, 0);
	ck_assert_int_eq(a.needed_per_week_minor, 0);
}
END_TEST

START_TEST(attainment_outside)
{
	struct period nov = parsed("2026-11", 1);
	struct attainment a;
	/* before the period: nothing elapsed, all 30 days left, projection 0;
	 * per week ceil(30000 * 7 / 30) = 7000 */
	attainment_compute(1, 30000, 0, &nov, "2026-10-31", &a);
	ck_assert_int_eq(a.state, PERIOD_FUTURE);
	ck_assert_int_eq(a.days_elapsed, 0);
	ck_assert_int_eq(a.days_left, 30);
	ck_assert_int_eq(a.projection_minor, 0);
	ck_assert_double_eq_tol(a.projected_attainment, 0, TOL);
	ck_assert_double_eq_tol(a.attainment, 0, TOL);
	ck_assert_int_eq(a.remaining_minor, 30000);
	ck_assert_int_eq(a.needed_per_week_minor, 7000);

	/* after it: all elapsed, none left, projection = the result */
	attainment_compute(1, 30000, 12000, &nov, "2026-12-01", &a);
	ck_assert_int_eq(a.state, PERIOD_PAST);
	ck_assert_int_eq(a.days_elapsed, 30);
	ck_assert_int_eq(a.days_left, 0);
	ck_assert_int_eq(a.projection_minor, 12000);
	ck_assert_double_eq_tol(a.projected_attainment, 0.4, TOL);
	ck_assert_int_eq(a.remaining_minor, 18000);
	ck_assert_int_eq(a.needed_per_week_minor, -1);
	attainment_compute(1, 30000, 12000, &nov, "2027-05-01", &a);
	ck_assert_int_eq(a.state, PERIOD_PAST);

	/* no target: no attainment, nothing remaining or needed, still a projection */
	attainment_compute(0, 0, 12000, &nov, "2026-11-10", &a);
	ck_assert(isnan(a.attainment));
	ck_assert(isnan(a.projected_attainment));
	ck_assert_int_eq(a.projection_minor, 36000);
	ck_assert_int_eq(a.remaining_minor, 0);
	ck_assert_int_eq(a.needed_per_week_minor, -1);
	/* a target amount without has_target is no target */
	attainment_compute(0, 30000, 12000, &nov, "2026-11-10", &a);
	ck_assert(isnan(a.attainment));
	ck_assert_int_eq(a.needed_per_week_minor, -1);

	/* a target of 0: no attainment (no division by 0); nothing remains
	 * (max(0, 0 - 12000)), so 0 needed per week */
	attainment_compute(1, 0, 12000, &nov, "2026-11-10", &a);
	ck_assert(isnan(a.attainment));
	ck_assert(isnan(a.projected_attainment));
	ck_assert_int_eq(a.remaining_minor, 0);
	ck_assert_int_eq(a.needed_per_week_minor, 0);

	/* a quarter from July: 2026-Q2 has 92 days; 23 November is day
	 * 31 + 23 = 54 of it, 38 left; 46000 / 54 * 92 = 78370.37 -> 78370;
	 * remaining 100000 - 46000 = 54000; ceil(54000 * 7 / 38) = ceil(9947.4) = 9948 */
	struct period q2 = parsed("2026-Q2", 7);
	attainment_compute(1, 100000, 46000, &q2, "2026-11-23", &a);
	ck_assert_int_eq(a.days_total, 92);
	ck_assert_int_eq(a.days_elapsed, 54);
	ck_assert_int_eq(a.days_left, 38);
	ck_assert_int_eq(a.projection_minor, 78370);
	ck_assert_int_eq(a.needed_per_week_minor, 9948);
}
END_TEST

/* ------------------------------------------------------------------ tiers */

static enum tier classify(const struct tier_rules *r, double a0, double a1, size_t n, double share)
{
	double att[2] = { a0, a1 };
	return tier_classify(r, att, n, share);
}

START_TEST(tiers_thresholds)
{
	struct tier_rules r;
	tier_rules_default(&r);	/* 120 %, share off, below 80 % twice */
	ck_assert_int_eq(r.superstar_pct, 120);
	ck_assert_int_eq(r.superstar_share_pct, 0);
	ck_assert_int_eq(r.under_pct, 80);
	ck_assert_int_eq(r.under_periods, 2);

	/* exactly 120 %, however it is computed: 1.2, 12000 / 10000, 0.4 * 3
	 * (which a double holds as 1.2000000000000002) and (0.6 + 1.2) - 0.6
	 * (1.1999999999999997, a hair below) */
	ck_assert_int_eq(classify(&r, 1.2, 1.0, 2, NAN), TIER_SUPERSTAR);
	ck_assert_int_eq(classify(&r, 12000.0 / 10000.0, 1.0, 2, NAN), TIER_SUPERSTAR);
	ck_assert_int_eq(classify(&r, 0.4 * 3, 1.0, 2, NAN), TIER_SUPERSTAR);
	ck_assert_int_eq(classify(&r, (0.6 + 1.2) - 0.6, 1.0, 1, NAN), TIER_SUPERSTAR);
	ck_assert_int_eq(classify(&r, 1.1999, 1.0, 2, NAN), TIER_CORE);
	/* superstar needs no history, and last period does not matter */
	ck_assert_int_eq(classify(&r, 1.5, 0.1, 1, NAN), TIER_SUPERSTAR);
	ck_assert_int_eq(classify(&r, 1.5, 0.1, 2, NAN), TIER_SUPERSTAR);

	/* below 80 % twice running; below it once is at risk, not core */
	ck_assert_int_eq(classify(&r, 0.79, 0.79, 2, NAN), TIER_UNDER);
	ck_assert_int_eq(classify(&r, 0.79, 0.85, 2, NAN), TIER_AT_RISK);
	/* €0 of a €61,500 target, the first time */
	ck_assert_int_eq(classify(&r, 0.0 / 61500.0, 1.0, 2, NAN), TIER_AT_RISK);
	ck_assert_int_eq(classify(&r, 0.85, 0.79, 2, NAN), TIER_CORE);
	/* exactly 80 % is not below it: 0.8, 8000 / 10000, 0.1 * 8, and 2.4 / 3 and
	 * 0.7 + 0.1 (both 0.7999999999999999 as doubles) */
	ck_assert_int_eq(classify(&r, 0.8, 0.79, 2, NAN), TIER_CORE);
	ck_assert_int_eq(classify(&r, 8000.0 / 10000.0, 0.5, 2, NAN), TIER_CORE);
	ck_assert_int_eq(classify(&r, 0.1 * 8, 0.5, 2, NAN), TIER_CORE);
	ck_assert_int_eq(classify(&r, 2.4 / 3, 0.5, 2, NAN), TIER_CORE);
	ck_assert_int_eq(classify(&r, 0.7 + 0.1, 0.7 + 0.1, 2, NAN), TIER_CORE);
	/* one period of history cannot make a run of two: at risk */
	ck_assert_int_eq(classify(&r, 0.5, 0.5, 1, NAN), TIER_AT_RISK);
	/* a period without a target breaks the run */
	ck_assert_int_eq(classify(&r, 0.5, NAN, 2, NAN), TIER_AT_RISK);
	/* no target now: none, whatever came before */
	ck_assert_int_eq(classify(&r, NAN, 0.5, 2, NAN), TIER_NONE);
	ck_assert_int_eq(tier_classify(&r, NULL, 0, NAN), TIER_NONE);
	/* 0 attainment is an attainment */
	ck_assert_int_eq(classify(&r, 0, 0, 2, NAN), TIER_UNDER);

	/* a run of three */
	r.under_periods = 3;
	double three[] = { 0.5, 0.6, 0.7 };
	ck_assert_int_eq(tier_classify(&r, three, 3, NAN), TIER_UNDER);
	ck_assert_int_eq(tier_classify(&r, three, 2, NAN), TIER_AT_RISK);
	three[2] = 0.9;
	ck_assert_int_eq(tier_classify(&r, three, 3, NAN), TIER_AT_RISK);
	three[0] = 0.9;
	ck_assert_int_eq(tier_classify(&r, three, 3, NAN), TIER_CORE);
	/* a run of one: this period alone */
	r.under_periods = 1;
	ck_assert_int_eq(classify(&r, 0.79, NAN, 1, NAN), TIER_UNDER);
}
END_TEST

START_TEST(tiers_share)
{
	struct tier_rules r;
	tier_rules_default(&r);
	/* share rule off (0): a big share alone makes nobody a superstar */
	ck_assert_int_eq(classify(&r, 1.0, 1.0, 2, 0.9), TIER_CORE);
	ck_assert_int_eq(classify(&r, NAN, 1.0, 2, 0.9), TIER_NONE);

	r.superstar_share_pct = 40;
	/* 40 % of the team's revenue: superstar even below target, even
	 * without one, even in an underperforming run; 0.4 = 4000 / 10000 */
	ck_assert_int_eq(classify(&r, 1.0, 1.0, 2, 0.4), TIER_SUPERSTAR);
	ck_assert_int_eq(classify(&r, 1.0, 1.0, 2, 4000.0 / 10000.0), TIER_SUPERSTAR);
	ck_assert_int_eq(classify(&r, NAN, NAN, 2, 0.45), TIER_SUPERSTAR);
	ck_assert_int_eq(classify(&r, 0.5, 0.5, 2, 0.4), TIER_SUPERSTAR);
	ck_assert_int_eq(classify(&r, 0.5, 0.5, 2, 0.39), TIER_UNDER);
	ck_assert_int_eq(classify(&r, 1.0, 1.0, 2, 0.39), TIER_CORE);
	ck_assert_int_eq(classify(&r, 1.0, 1.0, 2, NAN), TIER_CORE);
	ck_assert_int_eq(classify(&r, NAN, 1.0, 2, NAN), TIER_NONE);
	/* attainment still makes a superstar with the share rule on */
	ck_assert_int_eq(classify(&r, 1.3, 1.0, 2, 0.1), TIER_SUPERSTAR);
}
END_TEST

START_TEST(tiers_rules_and_codes)
{
	struct tier_rules r;
	const char *field = "x";
	tier_rules_default(&r);
	ck_assert_int_eq(tier_rules_check(&r, &field), 0);
	ck_assert_ptr_null(field);

	static const struct {
		int superstar, share, under, periods;
		const char *field;	/* NULL: sensible */
	} cases[] = {
		{ 120, 0, 80, 2, NULL },
		{ 1000, 100, 999, 12, NULL },
		{ 2, 0, 1, 1, NULL },
		{ 120, 0, 0, 2, "under_pct" },
		{ 120, 0, -5, 2, "under_pct" },
		{ 80, 0, 80, 2, "superstar_pct" },	/* must be above the under line */
		{ 70, 0, 80, 2, "superstar_pct" },
		{ 1001, 0, 80, 2, "superstar_pct" },
		{ 120, -1, 80, 2, "superstar_share_pct" },
		{ 120, 101, 80, 2, "superstar_share_pct" },
		{ 120, 0, 80, 0, "under_periods" },
		{ 120, 0, 80, 13, "under_periods" },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		r = (struct tier_rules){ cases[i].superstar, cases[i].share, cases[i].under, cases[i].periods };
		int rc = tier_rules_check(&r, &field);
		if (!cases[i].field) {
			ck_assert_msg(rc == 0, "case %zu refused (%s)", i, field ? field : "");
		} else {
			ck_assert_msg(rc == -1, "case %zu accepted", i);
			ck_str(field, cases[i].field, "field");
		}
	}

	ck_assert_str_eq(tier_code(TIER_SUPERSTAR), "superstar");
	ck_assert_str_eq(tier_code(TIER_CORE), "core");
	ck_assert_str_eq(tier_code(TIER_UNDER), "underperformer");
	ck_assert_str_eq(tier_code(TIER_AT_RISK), "at_risk");
	ck_assert_int_eq(tier_parse("at_risk"), TIER_AT_RISK);
	ck_assert_int_eq(tier_move(TIER_CORE, TIER_AT_RISK), -1);
	ck_assert_int_eq(tier_move(TIER_AT_RISK, TIER_UNDER), -1);
	ck_assert_int_eq(tier_move(TIER_AT_RISK, TIER_CORE), 1);
	ck_assert_str_eq(tier_code(TIER_NONE), "none");
	ck_assert_int_eq(tier_parse("superstar"), TIER_SUPERSTAR);
	ck_assert_int_eq(tier_parse("core"), TIER_CORE);
	ck_assert_int_eq(tier_parse("underperformer"), TIER_UNDER);
	ck_assert_int_eq(tier_parse("none"), TIER_NONE);
	ck_assert_int_eq(tier_parse("under"), -1);
	ck_assert_int_eq(tier_parse("Superstar"), -1);
	ck_assert_int_eq(tier_parse(NULL), -1);

	ck_assert_int_eq(tier_move(TIER_UNDER, TIER_CORE), 1);
	ck_assert_int_eq(tier_move(TIER_CORE, TIER_SUPERSTAR), 1);
	ck_assert_int_eq(tier_move(TIER_UNDER, TIER_SUPERSTAR), 1);
	ck_assert_int_eq(tier_move(TIER_SUPERSTAR, TIER_CORE), -1);
	ck_assert_int_eq(tier_move(TIER_CORE, TIER_UNDER), -1);
	ck_assert_int_eq(tier_move(TIER_CORE, TIER_CORE), 0);
	ck_assert_int_eq(tier_move(TIER_NONE, TIER_SUPERSTAR), 0);
	ck_assert_int_eq(tier_move(TIER_CORE, TIER_NONE), 0);
}
END_TEST

/* ---------------------------------------------------------- concentration */

START_TEST(concentration_articles)
{
	struct arena *a = arena_new();
	struct concentration c;
	/* 10 reps, total 100. Largest first 50, 30, ...: 50 alone is 50 of 100,
	 * exactly half, so 1 rep makes half: half_share 1 / 10 = 0.1. Top 4 % of
	 * 10 = 0.4 -> 1 rep holding 50 / 100 = 0.5 — not over half, so the
	 * pattern does not hold. Gini, ascending 0,0,0,0,0,5,5,10,30,50:
	 * sum(i * x) = 6*5 + 7*5 + 8*10 + 9*30 + 10*50 = 30+35+80+270+500 = 915;
	 * 2 * 915 / (10 * 100) - 11 / 10 = 1.83 - 1.1 = 0.73 */
	const int64_t rev[] = { 50, 30, 10, 5, 5, 0, 0, 0, 0, 0 };
	concentration_compute(a, rev, 10, 4, &c);
	ck_assert_uint_eq(c.n, 10);
	ck_assert_int_eq(c.total_minor, 100);
	ck_assert_uint_eq(c.half_count, 1);
	ck_assert_double_eq_tol(c.half_share, 0.1, TOL);
	ck_assert_uint_eq(c.top_count, 1);
	ck_assert_double_eq_tol(c.top_share, 0.5, TOL);
	ck_assert_int_eq(c.holds, 0);
	ck_assert_double_eq_tol(c.gini, 0.73, TOL);
	/* Lorenz: (i / 10, cumulative share of the i smallest):
	 * 0,0,0,0,0,0 then 5/100, 10/100, 20/100, 50/100, 100/100 */
	static const double ly[] = { 0, 0, 0, 0, 0, 0, 0.05, 0.10, 0.20, 0.50, 1.0 };
	for (size_t i = 0; i <= 10; i++) {
		ck_assert_double_eq_tol(c.lorenz_x[i], (double)i / 10, TOL);
		ck_assert_double_eq_tol(c.lorenz_y[i], ly[i], TOL);
	}
	/* the input is left as it was */
	ck_assert_int_eq(rev[0], 50);
	ck_assert_int_eq(rev[9], 0);

	/* holds: 4 reps, total 100; top 4 % of 4 = 0.16 -> 1 rep with 60 = 0.6 > 0.5.
	 * Half: 60 >= 50 -> 1 rep, 1 / 4 = 0.25. Gini, ascending 10,10,20,60:
	 * sum(i * x) = 10 + 20 + 60 + 240 = 330; 2 * 330 / 400 - 5 / 4 = 1.65 - 1.25 = 0.4 */
	const int64_t rev2[] = { 10, 60, 20, 10 };
	concentration_compute(a, rev2, 4, 4, &c);
	ck_assert_uint_eq(c.half_count, 1);
	ck_assert_double_eq_tol(c.half_share, 0.25, TOL);
	ck_assert_uint_eq(c.top_count, 1);
	ck_assert_double_eq_tol(c.top_share, 0.6, TOL);
	ck_assert_int_eq(c.holds, 1);
	ck_assert_double_eq_tol(c.gini, 0.4, TOL);
	arena_free(a);
}
END_TEST

START_TEST(concentration_gini)
{
	struct arena *a = arena_new();
	struct concentration c;
	/* one rep has it all: 2 * (4 * 10) / (4 * 10) - 5 / 4 = 2 - 1.25 = 0.75 */
	const int64_t one[] = { 0, 0, 0, 10 };
	concentration_compute(a, one, 4, 4, &c);
	ck_assert_double_eq_tol(c.gini, 0.75, TOL);
	ck_assert_uint_eq(c.half_count, 1);
	ck_assert_double_eq_tol(c.top_share, 1.0, TOL);
	ck_assert_int_eq(c.holds, 1);
	ck_assert_double_eq_tol(c.lorenz_y[3], 0, TOL);
	ck_assert_double_eq_tol(c.lorenz_y[4], 1, TOL);

	/* perfectly even: 2 * 5 * (1+2+3+4) / (4 * 20) - 5 / 4 = 1.25 - 1.25 = 0;
	 * half takes 2 reps (5 + 5 = 10 of 20); top 1 holds 5 / 20 = 0.25 */
	const int64_t even[] = { 5, 5, 5, 5 };
	concentration_compute(a, even, 4, 4, &c);
	ck_assert_double_eq_tol(c.gini, 0, TOL);
	ck_assert_uint_eq(c.half_count, 2);
	ck_assert_double_eq_tol(c.half_share, 0.5, TOL);
	ck_assert_double_eq_tol(c.top_share, 0.25, TOL);
	ck_assert_int_eq(c.holds, 0);
	ck_assert_double_eq_tol(c.lorenz_y[2], 0.5, TOL);

	/* negative revenue counts as 0: {0, 10, 10}, total 20; half: 10 >= 10 -> 1;
	 * gini 2 * (2*10 + 3*10) / (3 * 20) - 4 / 3 = 100 / 60 - 4 / 3 = 1 / 3 */
	const int64_t neg[] = { -20, 10, 10 };
	concentration_compute(a, neg, 3, 4, &c);
	ck_assert_int_eq(c.total_minor, 20);
	ck_assert_uint_eq(c.half_count, 1);
	ck_assert_double_eq_tol(c.gini, 1.0 / 3, TOL);

	/* top count: 4 % of 25 is exactly 1; of 26 it is 1.04 -> 2; 50 % of 3 is 1.5 -> 2 */
	int64_t ones[26];
	for (size_t i = 0; i < 26; i++)
		ones[i] = 1;
	concentration_compute(a, ones, 25, 4, &c);
	ck_assert_uint_eq(c.top_count, 1);
	ck_assert_double_eq_tol(c.top_share, 0.04, TOL);	/* 1 / 25 */
	ck_assert_uint_eq(c.half_count, 13);			/* 13 of 25 is the first >= 12.5 */
	ck_assert_double_eq_tol(c.half_share, 0.52, TOL);
	ck_assert_double_eq_tol(c.gini, 0, TOL);
	concentration_compute(a, ones, 26, 4, &c);
	ck_assert_uint_eq(c.top_count, 2);
	ck_assert_uint_eq(c.half_count, 13);			/* 13 of 26 is exactly half */
	concentration_compute(a, ones, 3, 50, &c);
	ck_assert_uint_eq(c.top_count, 2);
	concentration_compute(a, ones, 3, 200, &c);		/* never more than everyone */
	ck_assert_uint_eq(c.top_count, 3);
	concentration_compute(a, ones, 3, 0, &c);		/* at least one */
	ck_assert_uint_eq(c.top_count, 1);
	arena_free(a);
}
END_TEST

START_TEST(concentration_empty)
{
	struct arena *a = arena_new();
	struct concentration c;
	/* reps without revenue: they count, but there are no shares */
	const int64_t zero[] = { 0, 0, 0 };
	concentration_compute(a, zero, 3, 4, &c);
	ck_assert_uint_eq(c.n, 3);
	ck_assert_int_eq(c.total_minor, 0);
	ck_assert_uint_eq(c.half_count, 0);
	ck_assert(isnan(c.half_share));
	ck_assert_uint_eq(c.top_count, 1);
	ck_assert(isnan(c.top_share));
	ck_assert(isnan(c.gini));
	ck_assert_int_eq(c.holds, -1);	/* no revenue: unknown */
	ck_assert_double_eq_tol(c.lorenz_x[0], 0, TOL);
	ck_assert_double_eq_tol(c.lorenz_y[0], 0, TOL);
	ck_assert_double_eq_tol(c.lorenz_x[3], 1, TOL);
	ck_assert(isnan(c.lorenz_y[3]));

	/* nobody: one Lorenz point (0, 0) */
	concentration_compute(a, NULL, 0, 4, &c);
	ck_assert_uint_eq(c.n, 0);
	ck_assert_int_eq(c.total_minor, 0);
	ck_assert_uint_eq(c.half_count, 0);
	ck_assert_uint_eq(c.top_count, 0);
	ck_assert(isnan(c.half_share));
	ck_assert(isnan(c.top_share));
	ck_assert(isnan(c.gini));
	ck_assert_int_eq(c.holds, -1);	/* no revenue: unknown */
	ck_assert_ptr_nonnull(c.lorenz_x);
	ck_assert_double_eq_tol(c.lorenz_x[0], 0, TOL);
	ck_assert_double_eq_tol(c.lorenz_y[0], 0, TOL);
	arena_free(a);
}
END_TEST

/* ---------------------------------------------------------------- excuses */

START_TEST(median_values)
{
	double odd[] = { 3, 1, 2 };
	ck_assert_double_eq_tol(median(odd, 3), 2, TOL);
	double even[] = { 4, 1, 3, 2 };	/* (2 + 3) / 2 */
	ck_assert_double_eq_tol(median(even, 4), 2.5, TOL);
	double one[] = { 0.7 };
	ck_assert_double_eq_tol(median(one, 1), 0.7, TOL);
	ck_assert(isnan(median(NULL, 0)));
}
END_TEST

START_TEST(excuse_attainment)
{
	struct excuse_attainment e;
	/* 4 peers, minimum 5: too small; the median is still told,
	 * (0.9 + 1.0) / 2 = 0.95, but nothing is normalised */
	double four[] = { 0.9, 1.1, 0.8, 1.0 };
	excuse_attainment_check(0.6, four, 4, 5, &e);
	ck_assert_int_eq(e.too_small, 1);
	ck_assert_uint_eq(e.peers, 4);
	ck_assert_double_eq_tol(e.rep, 0.6, TOL);
	ck_assert_double_eq_tol(e.peers_median, 0.95, TOL);
	ck_assert(isnan(e.normalised));

	/* 5 peers, at the minimum: median 1.0, normalised 0.6 / 1.0 = 0.6;
	 * the peers come back sorted */
	double five[] = { 0.9, 1.1, 0.8, 1.0, 1.2 };
	excuse_attainment_check(0.6, five, 5, 5, &e);
	ck_assert_int_eq(e.too_small, 0);
	ck_assert_uint_eq(e.peers, 5);
	ck_assert_double_eq_tol(e.peers_median, 1.0, TOL);
	ck_assert_double_eq_tol(e.normalised, 0.6, TOL);
	ck_assert_double_eq_tol(five[0], 0.8, TOL);
	ck_assert_double_eq_tol(five[4], 1.2, TOL);

	/* median 0.8 (of 0.6, 0.7, 0.8, 0.9, 1.0): 0.6 / 0.8 = 0.75 */
	double lower[] = { 1.0, 0.6, 0.9, 0.7, 0.8 };
	excuse_attainment_check(0.6, lower, 5, 5, &e);
	ck_assert_double_eq_tol(e.normalised, 0.75, TOL);

	/* a peer without an attainment does not count: 5 of 6 */
	double gap[] = { 0.9, NAN, 1.1, 0.8, 1.0, 1.2 };
	excuse_attainment_check(1.5, gap, 6, 5, &e);
	ck_assert_uint_eq(e.peers, 5);
	ck_assert_int_eq(e.too_small, 0);
	ck_assert_double_eq_tol(e.peers_median, 1.0, TOL);
	ck_assert_double_eq_tol(e.normalised, 1.5, TOL);
	double gap2[] = { 0.9, NAN, 1.1, 0.8, 1.0 };
	excuse_attainment_check(1.5, gap2, 5, 5, &e);	/* 4 of 5 have one: too small */
	ck_assert_uint_eq(e.peers, 4);
	ck_assert_int_eq(e.too_small, 1);

	/* the rep without a target */
	double five2[] = { 0.9, 1.1, 0.8, 1.0, 1.2 };
	excuse_attainment_check(NAN, five2, 5, 5, &e);
	ck_assert(isnan(e.rep));
	ck_assert(isnan(e.normalised));

	/* no peers */
	excuse_attainment_check(0.6, NULL, 0, 5, &e);
	ck_assert_uint_eq(e.peers, 0);
	ck_assert_int_eq(e.too_small, 1);
	ck_assert(isnan(e.peers_median));
	ck_assert(isnan(e.normalised));
}
END_TEST

START_TEST(excuse_reasons)
{
	/* rep lost 8 deals of the product, peers 20; minimum 5 */
	struct reason_check c[] = {
		{ .reason = "price", .rep_n = 4, .peer_n = 2 },		/* 4/8 = 0.5 vs 2/20 = 0.1: 5x, +40 points */
		{ .reason = "timing", .rep_n = 0, .peer_n = 6 },	/* the rep has none */
		{ .reason = "competitor", .rep_n = 2, .peer_n = 6 },	/* 0.25 vs 0.3 */
		{ .reason = "no_budget", .rep_n = 2, .peer_n = 0 },	/* 0.25 vs 0: +25 points */
	};
	excuse_reasons_check(c, N_ELEMS(c), 8, 20, 5);
	ck_assert_double_eq_tol(c[0].rep_share, 0.5, TOL);
	ck_assert_double_eq_tol(c[0].peer_share, 0.1, TOL);
	ck_assert_int_eq(c[0].verdict, VERDICT_NOT_SHARED);
	ck_assert_int_eq(c[1].verdict, VERDICT_NONE);
	ck_assert_double_eq_tol(c[1].rep_share, 0, TOL);
	ck_assert_double_eq_tol(c[1].peer_share, 0.3, TOL);
	ck_assert_int_eq(c[2].verdict, VERDICT_SHARED);
	ck_assert_int_eq(c[3].verdict, VERDICT_NOT_SHARED);

	/* rep 3 of 10 = 0.3 vs peers 5 of 20 = 0.25: not twice -> shared */
	struct reason_check s = { .reason = "price", .rep_n = 3, .peer_n = 5 };
	excuse_reasons_check(&s, 1, 10, 20, 5);
	ck_assert_int_eq(s.verdict, VERDICT_SHARED);

	/* exactly at both edges: 3/10 = 0.3 vs 3/20 = 0.15 is exactly twice and
	 * exactly 15 points more; 0.29 vs 0.14 likewise 15 points, though
	 * 0.29 - 0.14 in doubles is 0.14999999999999997: counted on whole
	 * numbers, both reach the line */
	s = (struct reason_check){ .reason = "price", .rep_n = 3, .peer_n = 3 };
	excuse_reasons_check(&s, 1, 10, 20, 5);
	ck_assert_int_eq(s.verdict, VERDICT_NOT_SHARED);
	s = (struct reason_check){ .reason = "price", .rep_n = 29, .peer_n = 14 };	/* 0.29 vs 0.14 */
	excuse_reasons_check(&s, 1, 100, 100, 5);
	ck_assert_int_eq(s.verdict, VERDICT_NOT_SHARED);
	/* twice but only 14 points: 0.28 vs 0.14 */
	s = (struct reason_check){ .reason = "price", .rep_n = 28, .peer_n = 14 };
	excuse_reasons_check(&s, 1, 100, 100, 5);
	ck_assert_int_eq(s.verdict, VERDICT_SHARED);
	/* twice but only 10 points: 2/10 = 0.2 vs 2/20 = 0.1 */
	s = (struct reason_check){ .reason = "price", .rep_n = 2, .peer_n = 2 };
	excuse_reasons_check(&s, 1, 10, 20, 5);
	ck_assert_int_eq(s.verdict, VERDICT_SHARED);
	/* 15 points but not twice: 5/10 = 0.5 vs 7/20 = 0.35 (twice would be 0.7) */
	s = (struct reason_check){ .reason = "price", .rep_n = 5, .peer_n = 7 };
	excuse_reasons_check(&s, 1, 10, 20, 5);
	ck_assert_int_eq(s.verdict, VERDICT_SHARED);
	/* just short of twice: 29/100 = 0.29 vs 15/100 = 0.15 (twice is 0.30), +14 */
	s = (struct reason_check){ .reason = "price", .rep_n = 29, .peer_n = 15 };
	excuse_reasons_check(&s, 1, 100, 100, 5);
	ck_assert_int_eq(s.verdict, VERDICT_SHARED);

	/* samples: the rep lost 4 (< 5) -> too small, shares still given
	 * (2/4 = 0.5); peers lost 4 -> too small; both exactly 5 -> judged */
	s = (struct reason_check){ .reason = "price", .rep_n = 2, .peer_n = 1 };
	excuse_reasons_check(&s, 1, 4, 20, 5);
	ck_assert_int_eq(s.verdict, VERDICT_TOO_SMALL);
	ck_assert_double_eq_tol(s.rep_share, 0.5, TOL);
	ck_assert_double_eq_tol(s.peer_share, 0.05, TOL);
	s = (struct reason_check){ .reason = "price", .rep_n = 4, .peer_n = 1 };
	excuse_reasons_check(&s, 1, 8, 4, 5);
	ck_assert_int_eq(s.verdict, VERDICT_TOO_SMALL);
	s = (struct reason_check){ .reason = "price", .rep_n = 3, .peer_n = 1 };	/* 0.6 vs 0.2 */
	excuse_reasons_check(&s, 1, 5, 5, 5);
	ck_assert_int_eq(s.verdict, VERDICT_NOT_SHARED);
	/* peers with no losses at all: no peer share to compare with */
	s = (struct reason_check){ .reason = "price", .rep_n = 3, .peer_n = 0 };
	excuse_reasons_check(&s, 1, 5, 0, 0);
	ck_assert_int_eq(s.verdict, VERDICT_TOO_SMALL);
	ck_assert(isnan(s.peer_share));

	ck_assert_str_eq(excuse_verdict_code(VERDICT_NONE), "none");
	ck_assert_str_eq(excuse_verdict_code(VERDICT_TOO_SMALL), "too_small");
	ck_assert_str_eq(excuse_verdict_code(VERDICT_SHARED), "shared");
	ck_assert_str_eq(excuse_verdict_code(VERDICT_NOT_SHARED), "not_shared");
}
END_TEST

START_TEST(excuse_unrecorded_reasons)
{
	/* 8 losses of the rep and 20 of peers, none with a reason: each counts
	 * as "other" — 100% against 100%. That is no excuse shared by peers,
	 * it is nothing to judge */
	struct reason_check all_other = { .reason = "other", .rep_n = 8, .peer_n = 20 };
	excuse_reasons_check(&all_other, 1, 8, 20, 5);
	ck_assert_int_eq(all_other.verdict, VERDICT_NO_REASON);
	ck_assert_str_eq(excuse_verdict_code(all_other.verdict), "no_reason");
	ck_assert_int_eq(excuse_recorded_losses(&all_other, 1), 0);

	/* price 3 (peers 2 of 20 = 10%) and 5 without a reason: price 3/8 =
	 * 37.5% is at least twice 10% and 27.5 points higher -> not shared; the
	 * unrecorded five still judge nothing; 3 losses have a reason */
	struct reason_check mix[] = {
		{ .reason = "price", .rep_n = 3, .peer_n = 2 },
		{ .reason = "other", .rep_n = 5, .peer_n = 18 },
	};
	excuse_reasons_check(mix, 2, 8, 20, 5);
	ck_assert_int_eq(mix[0].verdict, VERDICT_NOT_SHARED);
	ck_assert_int_eq(mix[1].verdict, VERDICT_NO_REASON);
	ck_assert_int_eq(excuse_recorded_losses(mix, 2), 3);

	/* too few losses stays too few, reason or not */
	struct reason_check few = { .reason = "other", .rep_n = 2, .peer_n = 20 };
	excuse_reasons_check(&few, 1, 2, 20, 5);
	ck_assert_int_eq(few.verdict, VERDICT_TOO_SMALL);
	ck_assert(!excuse_reason_recorded(""));
	ck_assert(!excuse_reason_recorded(NULL));
	ck_assert(excuse_reason_recorded("price"));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("numbers");
	TCase *tp = tcase_create("periods");
	tcase_add_test(tp, period_labels);
	tcase_add_test(tp, period_leap_years);
	tcase_add_test(tp, period_bad_labels);
	tcase_add_test(tp, period_kinds);
	tcase_add_test(tp, period_containing_day);
	tcase_add_test(tp, period_prev_next_history);
	tcase_add_test(tp, period_bounds);
	tcase_add_test(tp, days);
	suite_add_tcase(s, tp);
	TCase *ta = tcase_create("attainment");
	tcase_add_test(ta, attainment_current);
	tcase_add_test(ta, attainment_outside);
	suite_add_tcase(s, ta);
	TCase *tt = tcase_create("tiers");
	tcase_add_test(tt, tiers_thresholds);
	tcase_add_test(tt, tiers_share);
	tcase_add_test(tt, tiers_rules_and_codes);
	suite_add_tcase(s, tt);
	TCase *tc = tcase_create("concentration");
	tcase_add_test(tc, concentration_articles);
	tcase_add_test(tc, concentration_gini);
	tcase_add_test(tc, concentration_empty);
	suite_add_tcase(s, tc);
	TCase *te = tcase_create("excuses");
	tcase_add_test(te, median_values);
	tcase_add_test(te, excuse_attainment);
	tcase_add_test(te, excuse_reasons);
	tcase_add_test(te, excuse_unrecorded_reasons);
	suite_add_tcase(s, te);
	return run_suite(s);
}
