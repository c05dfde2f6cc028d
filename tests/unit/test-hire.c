/*
 * test-hire: the rules of hiring (domain/hire.c) on hand-computed cases —
 * the form's checks, the first assessment's rounded means (halves up) and
 * the date to get back in touch.
 */
#include "check-util.h"
#include "domain/hire.h"

static const char *field_of(const struct rule_error *e, size_t n, const char *field)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(e[i].field, field))
			return e[i].message;
	return NULL;
}

START_TEST(hire_checks)
{
	struct rule_error e[HIRE_ERRORS_MAX];
	struct hire_input ok = { .name = "Sanne de Vries", .email = "sanne@example.test", .start_on = "2027-01-04",
				 .lang = "nl", .team_ok = 1, .team_allowed = 1 };
	ck_assert_uint_eq(hire_validate(&ok, e, HIRE_ERRORS_MAX), 0);
	struct hire_input bad = { .name = "", .email = "not-an-email", .start_on = "2027-13-01", .lang = "de" };
	size_t n = hire_validate(&bad, e, HIRE_ERRORS_MAX);
	ck_assert_uint_eq(n, 5);
	ck_assert_ptr_nonnull(field_of(e, n, "name"));
	ck_assert_ptr_nonnull(field_of(e, n, "email"));
	ck_str(field_of(e, n, "team_id"), "Choose a team of your organisation.", "team");
	ck_str(field_of(e, n, "start_on"), "Enter the start date (YYYY-MM-DD).", "start");
	ck_str(field_of(e, n, "lang"), "Choose English, Dutch or Norwegian.", "lang");
	/* a team of the organisation that the caller does not lead */
	struct hire_input other = ok;
	other.team_allowed = 0;
	n = hire_validate(&other, e, HIRE_ERRORS_MAX);
	ck_assert_uint_eq(n, 1);
	ck_str(field_of(e, n, "team_id"), "Choose one of the teams you lead.", "another manager's team");
	struct hire_input taken = ok;
	taken.email_taken = 1;
	n = hire_validate(&taken, e, HIRE_ERRORS_MAX);
	ck_assert_uint_eq(n, 1);
	ck_str(e[0].field, "email", "taken");
	ck_str(e[0].message, "A user of your organisation has this e-mail address already. Hire with another address.",
	       "taken");
}
END_TEST

START_TEST(rounded_means)
{
	ck_assert_int_eq(hire_score_round(7, 2), 4);	/* 3.5 -> 4 */
	ck_assert_int_eq(hire_score_round(5, 2), 3);	/* 2.5 -> 3 */
	ck_assert_int_eq(hire_score_round(9, 3), 3);	/* 3 */
	ck_assert_int_eq(hire_score_round(10, 3), 3);	/* 3.33 -> 3 */
	ck_assert_int_eq(hire_score_round(11, 3), 4);	/* 3.67 -> 4 */
	ck_assert_int_eq(hire_score_round(1, 1), 1);
	ck_assert_int_eq(hire_score_round(0, 0), 0);	/* no scorecard */
}
END_TEST

START_TEST(back_in_touch)
{
	struct rule_error e[HIRE_ERRORS_MAX];
	ck_assert_uint_eq(back_to_pool_validate("2027-03-01", "call", "2026-11-25", e, HIRE_ERRORS_MAX), 0);
	ck_assert_uint_eq(back_to_pool_validate("2026-11-25", "video", "2026-11-25", e, HIRE_ERRORS_MAX), 0);
	size_t n = back_to_pool_validate("2026-11-24", "call", "2026-11-25", e, HIRE_ERRORS_MAX);
	ck_assert_uint_eq(n, 1);
	ck_str(e[0].message, "The date to get back in touch cannot be in the past.", "past");
	n = back_to_pool_validate("", "letter", "2026-11-25", e, HIRE_ERRORS_MAX);
	ck_assert_uint_eq(n, 2);
	ck_str(e[0].field, "touch_on", "no date");
	ck_str(e[1].field, "kind", "kind");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("hire");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, hire_checks);
	tcase_add_test(tc, rounded_means);
	tcase_add_test(tc, back_in_touch);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
