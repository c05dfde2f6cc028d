/*
 * test-learning: the rules of the learning log (domain/learning.c) —
 * overdue around month ends, year ends and the leap day; hours as typed on
 * a phone ("1.5", "1,5", "1:30") and what is refused; the date check (a
 * year ahead at most); the checks of a logged, suggested or assigned
 * activity naming each field. No database.
 */
#include "check-util.h"
#include "domain/learning.h"
#include <stdio.h>

START_TEST(overdue_month_ends)
{
	static const struct { const char *due, *today; int want; } cases[] = {
		{ "2026-01-31", "2026-02-01", 1 },	/* the day after a month's last day */
		{ "2026-01-31", "2026-01-31", 0 },	/* due today is not overdue yet */
		{ "2026-01-31", "2026-01-30", 0 },
		{ "2026-02-28", "2026-03-01", 1 },	/* no leap day in 2026 */
		{ "2028-02-28", "2028-02-29", 1 },	/* the leap day */
		{ "2028-02-29", "2028-02-29", 0 },
		{ "2028-02-29", "2028-03-01", 1 },
		{ "2026-12-31", "2027-01-01", 1 },	/* over the year end */
		{ "2027-01-01", "2026-12-31", 0 },
		{ "2026-04-30", "2026-05-01", 1 },
		{ "2026-02-30", "2026-03-05", 0 },	/* not a date: never overdue */
		{ "", "2026-03-05", 0 },
		{ NULL, "2026-03-05", 0 },
		{ "2026-03-01", NULL, 0 },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++)
		ck_assert_msg(learning_overdue(cases[i].due, cases[i].today) == cases[i].want, "due %s, today %s",
			      cases[i].due ? cases[i].due : "(null)", cases[i].today ? cases[i].today : "(null)");
}
END_TEST

START_TEST(parse_hours)
{
	static const struct { const char *in; int want; } cases[] = {
		{ "1.5", 90 }, { "1,5", 90 }, { "1:30", 90 }, { "2", 120 }, { "0.5", 30 }, { "0,25", 15 },
		{ "8", 480 }, { "24", 1440 }, { "0", 0 }, { " 1.5 ", 90 }, { "0:05", 5 }, { "1:00", 60 },
		{ "0.33", 20 }, { ".5", 30 }, { "1.", 60 },
		{ "24.5", -1 }, { "25", -1 }, { "24:01", -1 }, { "-1", -1 }, { "-0.5", -1 }, { "1:60", -1 },
		{ "1:-5", -1 }, { "abc", -1 }, { "", -1 }, { "  ", -1 }, { "1.5.5", -1 }, { "1,5h", -1 },
		{ "1e3", -1 }, { "1:", -1 }, { NULL, -1 },
		{ ":30", 30 },	/* no hours before the colon: minutes only */
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++)
		ck_assert_msg(learning_parse_hours(cases[i].in) == cases[i].want, "\"%s\": got %d, want %d",
			      cases[i].in ? cases[i].in : "(null)", learning_parse_hours(cases[i].in), cases[i].want);
	char buf[16];
	learning_hours_text(90, buf, sizeof(buf));
	ck_str(buf, "1.5", "90 min");
	learning_hours_text(60, buf, sizeof(buf));
	ck_str(buf, "1", "60 min");
	learning_hours_text(20, buf, sizeof(buf));
	ck_str(buf, "0.33", "20 min");
}
END_TEST

START_TEST(date_check)
{
	ck_assert_ptr_null(learning_date_check("2026-11-23", "2026-11-23"));
	ck_assert_ptr_null(learning_date_check("2025-01-01", "2026-11-23"));	/* the past is fine */
	ck_assert_ptr_null(learning_date_check("2027-11-23", "2026-11-23"));	/* a year ahead */
	ck_assert_ptr_null(learning_date_check("2028-02-29", "2027-02-28"));	/* a year over the leap day: 366 days */
	ck_assert_ptr_nonnull(learning_date_check("2028-03-01", "2027-02-28"));
	ck_assert_ptr_nonnull(learning_date_check("2027-11-25", "2026-11-23"));	/* more than a year */
	ck_assert_ptr_nonnull(learning_date_check("2026-02-30", "2026-11-23"));	/* not a date */
	ck_assert_ptr_nonnull(learning_date_check("23-11-2026", "2026-11-23"));
	ck_assert_ptr_nonnull(learning_date_check(NULL, "2026-11-23"));
	ck_assert_ptr_null(learning_minutes_check(0));
	ck_assert_ptr_null(learning_minutes_check(1440));
	ck_assert_ptr_nonnull(learning_minutes_check(1441));
	ck_assert_ptr_nonnull(learning_minutes_check(-1));
}
END_TEST

/* the fields named by a check, as "kind,title,..." */
static const char *fields_of(const struct learning_field_error *errs, size_t n, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", i ? "," : "", errs[i].field);
	}
	return buf;
}

START_TEST(check_done)
{
	struct learning_field_error errs[LEARNING_ERRORS_MAX];
	char buf[200];
	int minutes = -1;
	struct learning_input ok = { "book", "The Challenger Sale", "2026-11-22", "1,5", "self", "Listen", "", NULL };
	ck_assert_uint_eq(learning_check_done(&ok, "2026-11-23", &minutes, errs), 0);
	ck_assert_int_eq(minutes, 90);
	/* every wrong field at once */
	struct learning_input bad = { "nap", "  ", "2028-01-01", "25", "boss", NULL, NULL, NULL };
	size_t n = learning_check_done(&bad, "2026-11-23", &minutes, errs);
	ck_str(fields_of(errs, n, buf, sizeof(buf)), "kind,title,done_on,hours,origin", "all wrong");
	/* a negative hour, a missing one */
	struct learning_input neg = { "course", "x", "2026-11-01", "-2", NULL, NULL, NULL, NULL };
	n = learning_check_done(&neg, "2026-11-23", &minutes, errs);
	ck_str(fields_of(errs, n, buf, sizeof(buf)), "hours", "negative");
	neg.hours = NULL;
	n = learning_check_done(&neg, "2026-11-23", &minutes, errs);
	ck_str(fields_of(errs, n, buf, sizeof(buf)), "hours", "none");
	/* a title and reflections too long */
	char long_text[LEARNING_REFLECTION_MAX + 2];
	memset(long_text, 'a', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	struct learning_input lng = { "course", long_text, "2026-11-01", "1", NULL, long_text, long_text, NULL };
	n = learning_check_done(&lng, "2026-11-23", &minutes, errs);
	ck_str(fields_of(errs, n, buf, sizeof(buf)), "title,learned,will_change", "too long");
	ck_assert_int_eq(learning_has_reflection("", " \n"), 0);
	ck_assert_int_eq(learning_has_reflection(NULL, "Ask more"), 1);
}
END_TEST

START_TEST(check_planned)
{
	struct learning_field_error errs[LEARNING_ERRORS_MAX];
	char buf[200];
	int minutes = -1;
	/* a suggestion: due date and hours optional */
	struct learning_input s = { "webinar", "Pricing", NULL, NULL, NULL, NULL, NULL, NULL };
	ck_assert_uint_eq(learning_check_planned(&s, "2026-11-23", 0, &minutes, errs), 0);
	ck_assert_int_eq(minutes, 0);
	/* an assignment must have a due date */
	size_t n = learning_check_planned(&s, "2026-11-23", 1, &minutes, errs);
	ck_str(fields_of(errs, n, buf, sizeof(buf)), "due_on", "assignment without a due date");
	/* due today is fine, yesterday has passed, two years ahead is too far */
	s.due_on = "2026-11-23";
	s.hours = "4";
	ck_assert_uint_eq(learning_check_planned(&s, "2026-11-23", 1, &minutes, errs), 0);
	ck_assert_int_eq(minutes, 240);
	s.due_on = "2026-11-22";
	n = learning_check_planned(&s, "2026-11-23", 1, &minutes, errs);
	ck_str(fields_of(errs, n, buf, sizeof(buf)), "due_on", "passed");
	s.due_on = "2028-12-01";
	n = learning_check_planned(&s, "2026-11-23", 0, &minutes, errs);
	ck_str(fields_of(errs, n, buf, sizeof(buf)), "due_on", "too far");
	s.due_on = "soon";
	s.hours = "99";
	s.kind = "";
	n = learning_check_planned(&s, "2026-11-23", 0, &minutes, errs);
	ck_str(fields_of(errs, n, buf, sizeof(buf)), "kind,due_on,hours", "bad");
}
END_TEST

START_TEST(kinds_and_origins)
{
	ck_assert_uint_eq(learning_kind_count, 13);
	for (size_t i = 0; i < learning_kind_count; i++) {
		ck_assert(learning_kind_valid(learning_kind_codes[i]));
		ck_assert_str_ne(learning_kind_label(learning_kind_codes[i]), learning_kind_codes[i]);
	}
	ck_assert(!learning_kind_valid("nap"));
	ck_assert(!learning_kind_valid(NULL));
	ck_assert(learning_origin_valid("mandatory"));
	ck_assert(!learning_origin_valid("boss"));
	ck_assert(learning_status_valid("assigned"));
	ck_assert(!learning_status_valid("lost"));
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("learning");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, overdue_month_ends);
	tcase_add_test(tc, parse_hours);
	tcase_add_test(tc, date_check);
	tcase_add_test(tc, check_done);
	tcase_add_test(tc, check_planned);
	tcase_add_test(tc, kinds_and_origins);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
