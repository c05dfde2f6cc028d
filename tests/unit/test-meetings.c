/*
 * test-meetings: the rules of the sales meetings (domain/meetings.c) — the
 * article's rule (prepared only with a practice case or a piece of theory,
 * held without one flagged), the case rotation (never used first, then the
 * least recently used; "used recently" from the team's last meetings), the
 * learning kind of attendance, and the input checks naming their field.
 */
#include "check-util.h"
#include "domain/meetings.h"
#include <string.h>

START_TEST(prepared_needs_a_case_or_theory)
{
	ck_assert_ptr_nonnull(meeting_prepare_check(0, 0));
	ck_assert_ptr_null(meeting_prepare_check(1, 0));
	ck_assert_ptr_null(meeting_prepare_check(0, 1));
	ck_assert_ptr_null(meeting_prepare_check(2, 3));
}
END_TEST

START_TEST(held_without_is_flagged)
{
	ck_assert_int_eq(meeting_held_without("held", 0, 0), 1);
	ck_assert_int_eq(meeting_held_without("held", 1, 0), 0);
	ck_assert_int_eq(meeting_held_without("held", 0, 1), 0);
	/* not held yet: nothing to flag */
	ck_assert_int_eq(meeting_held_without("planned", 0, 0), 0);
	ck_assert_int_eq(meeting_held_without("prepared", 0, 0), 0);
	ck_assert_int_eq(meeting_held_without(NULL, 0, 0), 0);
}
END_TEST

START_TEST(held_not_before_its_day)
{
	ck_assert_ptr_nonnull(meeting_held_check("planned", "2026-12-08", "2026-12-07"));
	ck_assert_ptr_null(meeting_held_check("planned", "2026-12-07", "2026-12-07"));
	ck_assert_ptr_null(meeting_held_check("prepared", "2026-11-30", "2026-12-07"));
	/* attendance of a held meeting saved again */
	ck_assert_ptr_null(meeting_held_check("held", "2026-12-08", "2026-12-07"));
}
END_TEST

START_TEST(learning_kind)
{
	ck_assert_str_eq(meeting_learning_kind(1), "practice_case");
	ck_assert_str_eq(meeting_learning_kind(3), "practice_case");
	ck_assert_str_eq(meeting_learning_kind(0), "workshop");
}
END_TEST

START_TEST(rotation_never_used_first_then_least_recent)
{
	struct case_rotation c[] = {
		{ 1, "Price objection", "2026-11-20", 0 },
		{ 2, "Send me something in writing", "", 0 },
		{ 3, "Buyer goes silent", "2026-03-02", 0 },
		{ 4, "Cheaper competitor", "", 0 },
		{ 5, "Budget frozen", "2026-03-02", 0 },
	};
	meeting_cases_rotate(c, 5);
	/* never used, by title; then oldest first, title on a tie; the newest last */
	const int64_t want[] = { 4, 2, 5, 3, 1 };
	for (int i = 0; i < 5; i++)
		ck_assert_msg(c[i].id == want[i], "position %d: case %lld, want %lld", i, (long long)c[i].id,
			      (long long)want[i]);
	meeting_cases_rotate(c, 0);
	meeting_cases_rotate(NULL, 3);
}
END_TEST

START_TEST(used_recently)
{
	const int64_t recent[] = { 7, 9 };
	ck_assert_int_eq(meeting_case_recent(7, recent, 2), 1);
	ck_assert_int_eq(meeting_case_recent(9, recent, 2), 1);
	ck_assert_int_eq(meeting_case_recent(8, recent, 2), 0);
	ck_assert_int_eq(meeting_case_recent(7, recent, 0), 0);
}
END_TEST

static int has_field(const struct meeting_field_error *e, size_t n, const char *field)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(e[i].field, field))
			return 1;
	return 0;
}

START_TEST(meeting_input)
{
	struct meeting_field_error e[MEETING_ERRORS_MAX];
	int minutes;
	struct meeting_input ok = { "2026-12-07", "09:30", "45", "Monday meeting", NULL };
	ck_assert_uint_eq(meeting_input_check(&ok, 0, &minutes, e), 0);
	ck_assert_int_eq(minutes, 45);
	/* every wrong field at once, each named */
	struct meeting_input bad = { "2026-13-40", "25:00", "0", "", NULL };
	size_t n = meeting_input_check(&bad, 0, &minutes, e);
	ck_assert_uint_eq(n, 4);
	ck_assert(has_field(e, n, "held_on") && has_field(e, n, "starts_at") && has_field(e, n, "minutes") &&
		  has_field(e, n, "title"));
	struct meeting_input too_long = { "2026-12-07", "9:30", "481", "x", NULL };
	n = meeting_input_check(&too_long, 0, &minutes, e);
	ck_assert(n == 2 && has_field(e, n, "starts_at") && has_field(e, n, "minutes"));
	/* a PATCH: fields not given are fine */
	struct meeting_input patch = { NULL, NULL, NULL, NULL, "Notes" };
	ck_assert_uint_eq(meeting_input_check(&patch, 1, &minutes, e), 0);
	ck_assert_int_eq(minutes, 0);
	/* but not when creating */
	ck_assert_uint_eq(meeting_input_check(&patch, 0, &minutes, e), 4);
	ck_assert(meeting_time_valid("00:00") && meeting_time_valid("23:59"));
	ck_assert(!meeting_time_valid("24:00") && !meeting_time_valid("12:60") && !meeting_time_valid("1200") &&
		  !meeting_time_valid(NULL));
}
END_TEST

START_TEST(case_input)
{
	struct meeting_field_error e[MEETING_ERRORS_MAX];
	struct case_input ok = { "Price objection", "A buyer likes the demo", "\"Too expensive\"", "Ask what it is compared with" };
	ck_assert_uint_eq(case_input_check(&ok, 0, e), 0);
	struct case_input none = { NULL, NULL, NULL, NULL };
	size_t n = case_input_check(&none, 0, e);
	ck_assert(n == 4 && has_field(e, n, "title") && has_field(e, n, "situation") && has_field(e, n, "challenge") &&
		  has_field(e, n, "good_handling"));
	ck_assert_uint_eq(case_input_check(&none, 1, e), 0);
	struct case_input empty_title = { "", NULL, NULL, NULL };
	n = case_input_check(&empty_title, 1, e);
	ck_assert(n == 1 && has_field(e, n, "title"));
}
END_TEST

START_TEST(codes_and_labels)
{
	ck_assert(meeting_status_valid("planned") && meeting_status_valid("prepared") && meeting_status_valid("held"));
	ck_assert(!meeting_status_valid("cancelled") && !meeting_status_valid(NULL));
	ck_assert(meeting_item_kind_valid("topic") && meeting_item_kind_valid("case") && meeting_item_kind_valid("theory"));
	ck_assert(!meeting_item_kind_valid("book"));
	ck_assert_str_eq(meeting_status_label("held"), "Held");
	ck_assert_str_eq(meeting_item_kind_label("case"), "Practice case");
	ck_assert_str_eq(meeting_item_kind_label("odd"), "odd");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("meetings");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, prepared_needs_a_case_or_theory);
	tcase_add_test(tc, held_without_is_flagged);
	tcase_add_test(tc, held_not_before_its_day);
	tcase_add_test(tc, learning_kind);
	tcase_add_test(tc, rotation_never_used_first_then_least_recent);
	tcase_add_test(tc, used_recently);
	tcase_add_test(tc, meeting_input);
	tcase_add_test(tc, case_input);
	tcase_add_test(tc, codes_and_labels);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
