/*
 * test-cadence: when the next one-on-one is due (domain/cadence.c), on
 * hand-computed cases around month ends, leap years and a year end, and when
 * it is overdue.
 */
#include "check-util.h"
#include "domain/cadence.h"
#include <stdio.h>

START_TEST(parse)
{
	ck_assert_int_eq(cadence_parse("weekly"), CADENCE_WEEKLY);
	ck_assert_int_eq(cadence_parse("biweekly"), CADENCE_BIWEEKLY);
	ck_assert_int_eq(cadence_parse("monthly"), CADENCE_MONTHLY);
	ck_assert_int_eq(cadence_parse("daily"), -1);
	ck_assert_int_eq(cadence_parse(""), -1);
	ck_assert_int_eq(cadence_parse(NULL), -1);
	ck_str(cadence_code(CADENCE_BIWEEKLY), "biweekly", "code");
}
END_TEST

START_TEST(next_due)
{
	static const struct { enum cadence_every every; const char *anchor, *held, *want; } cases[] = {
		/* none held yet: the anchor */
		{ CADENCE_MONTHLY, "2027-01-31", NULL, "2027-01-31" },
		{ CADENCE_WEEKLY, "2026-12-07", "", "2026-12-07" },
		/* held before the anchor (cadence set again later): the anchor */
		{ CADENCE_WEEKLY, "2026-12-07", "2026-11-30", "2026-12-07" },
		/* monthly from the 31st: Feb 28, Feb 29 in a leap year, back to Mar 31 */
		{ CADENCE_MONTHLY, "2027-01-31", "2027-01-31", "2027-02-28" },
		{ CADENCE_MONTHLY, "2028-01-31", "2028-01-31", "2028-02-29" },
		{ CADENCE_MONTHLY, "2027-01-31", "2027-02-28", "2027-03-31" },
		{ CADENCE_MONTHLY, "2028-01-31", "2028-02-29", "2028-03-31" },
		{ CADENCE_MONTHLY, "2027-01-31", "2027-03-31", "2027-04-30" },
		{ CADENCE_MONTHLY, "2027-01-31", "2027-04-30", "2027-05-31" },
		/* 2100 is not a leap year, 2000 was */
		{ CADENCE_MONTHLY, "2100-01-30", "2100-01-30", "2100-02-28" },
		{ CADENCE_MONTHLY, "2000-01-30", "2000-01-30", "2000-02-29" },
		/* the 30th: February clamps, March is the 30th again */
		{ CADENCE_MONTHLY, "2027-01-30", "2027-02-28", "2027-03-30" },
		/* held late, in the next month: due in the month after that */
		{ CADENCE_MONTHLY, "2027-01-31", "2027-03-02", "2027-04-30" },
		/* held early in the month: still the anchor's day */
		{ CADENCE_MONTHLY, "2027-01-15", "2027-02-03", "2027-03-15" },
		/* across the year end */
		{ CADENCE_MONTHLY, "2026-01-31", "2026-12-31", "2027-01-31" },
		{ CADENCE_MONTHLY, "2026-10-31", "2026-11-30", "2026-12-31" },
		{ CADENCE_BIWEEKLY, "2026-01-01", "2026-12-24", "2027-01-07" },
		{ CADENCE_BIWEEKLY, "2026-01-01", "2026-12-18", "2027-01-01" },
		{ CADENCE_BIWEEKLY, "2027-01-01", "2028-02-20", "2028-03-05" },	/* leap Feb 29 counted */
		{ CADENCE_BIWEEKLY, "2027-01-01", "2027-02-20", "2027-03-06" },
		{ CADENCE_WEEKLY, "2026-01-01", "2026-12-29", "2027-01-05" },
		{ CADENCE_WEEKLY, "2026-01-01", "2026-02-25", "2026-03-04" },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		char out[11] = "";
		ck_assert_int_eq(cadence_next_due(cases[i].every, cases[i].anchor, cases[i].held, out), 0);
		char what[80];
		snprintf(what, sizeof what, "case %zu (%s, %s)", i, cases[i].anchor, cases[i].held ? cases[i].held : "-");
		ck_str(out, cases[i].want, what);
	}
}
END_TEST

START_TEST(bad_days)
{
	char out[11];
	ck_assert_int_eq(cadence_next_due(CADENCE_WEEKLY, "2027-02-30", NULL, out), -1);
	ck_assert_int_eq(cadence_next_due(CADENCE_WEEKLY, "", NULL, out), -1);
	ck_assert_int_eq(cadence_next_due(CADENCE_WEEKLY, NULL, NULL, out), -1);
	ck_assert_int_eq(cadence_next_due(CADENCE_MONTHLY, "2027-01-31", "2027-13-01", out), -1);
	ck_assert_int_eq(cadence_next_due(CADENCE_MONTHLY, "2027-01-31", "junk", out), -1);
}
END_TEST

START_TEST(overdue)
{
	ck_assert_int_eq(cadence_overdue("2027-02-28", "2027-02-28"), 0);	/* due today */
	ck_assert_int_eq(cadence_overdue("2027-02-28", "2027-02-27"), 0);
	ck_assert_int_eq(cadence_overdue("2027-02-28", "2027-03-01"), 1);
	ck_assert_int_eq(cadence_days_overdue("2027-02-28", "2027-03-01"), 1);
	ck_assert_int_eq(cadence_days_overdue("2028-02-28", "2028-03-01"), 2);	/* leap day between */
	ck_assert_int_eq(cadence_days_overdue("2026-12-24", "2027-01-07"), 14);
	ck_assert_int_eq(cadence_days_overdue("2027-01-07", "2026-12-24"), 0);
	ck_assert_int_eq(cadence_overdue("", "2027-01-07"), 0);
	ck_assert_int_eq(cadence_overdue(NULL, "2027-01-07"), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("cadence");
	TCase *tc = tcase_create("dates");
	tcase_add_test(tc, parse);
	tcase_add_test(tc, next_due);
	tcase_add_test(tc, bad_days);
	tcase_add_test(tc, overdue);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
