/*
 * test-recruit-retention: the rule of candidates' data past its retention
 * date (domain/recruit-retention.c) on hand-computed cases: due when
 * retain_until is before today and not anonymised yet (the day itself is
 * still kept; an anonymised candidate never again; a malformed date never),
 * the fields anonymising empties (contact details, role, company, tags,
 * notes — not the source, vacancy, stage, dates or status, which the
 * funnel counts) and the name an anonymised candidate keeps.
 */
#include "check-util.h"
#include "domain/recruit-retention.h"
#include <string.h>

#define TODAY "2026-11-25"

START_TEST(due_rule)
{
	/* the day before today: due */
	ck_assert_int_eq(candidate_retention_due("2026-11-24", NULL, TODAY), 1);
	ck_assert_int_eq(candidate_retention_due("2026-11-24", "", TODAY), 1);
	/* a year back: due */
	ck_assert_int_eq(candidate_retention_due("2025-11-25", NULL, TODAY), 1);
	/* kept until today: today is still kept */
	ck_assert_int_eq(candidate_retention_due("2026-11-25", NULL, TODAY), 0);
	/* tomorrow: not due */
	ck_assert_int_eq(candidate_retention_due("2026-11-26", NULL, TODAY), 0);
	/* anonymised already: never again */
	ck_assert_int_eq(candidate_retention_due("2026-01-01", "2026-01-02", TODAY), 0);
	/* a malformed date is not a date in the past */
	ck_assert_int_eq(candidate_retention_due("2026-13-01", NULL, TODAY), 0);
	ck_assert_int_eq(candidate_retention_due("", NULL, TODAY), 0);
	ck_assert_int_eq(candidate_retention_due(NULL, NULL, TODAY), 0);
	/* across a year's end */
	ck_assert_int_eq(candidate_retention_due("2026-12-31", NULL, "2027-01-01"), 1);
}
END_TEST

static int listed(const char *field)
{
	for (size_t i = 0; i < candidate_anonymised_field_count; i++)
		if (!strcmp(candidate_anonymised_fields[i], field))
			return 1;
	return 0;
}

START_TEST(anonymised_fields)
{
	ck_assert_uint_eq(candidate_anonymised_field_count, 6);
	const char *emptied[] = { "email", "phone", "job_title", "company", "tags", "notes" };
	for (size_t i = 0; i < N_ELEMS(emptied); i++)
		ck_assert_msg(listed(emptied[i]), "%s is emptied", emptied[i]);
	/* what the funnel counts stays */
	const char *kept[] = { "source", "vacancy_id", "stage_id", "status", "created_on", "hired_on",
			       "retain_until", "consent_on", "name" };
	for (size_t i = 0; i < N_ELEMS(kept); i++)
		ck_assert_msg(!listed(kept[i]), "%s is kept", kept[i]);
	char name[64];
	candidate_anonymised_name(42, name, sizeof(name));
	ck_str(name, "Anonymised candidate #42", "the name");
	candidate_anonymised_name(1234567, name, sizeof(name));
	ck_str(name, "Anonymised candidate #1234567", "a long id");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("recruit-retention");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, due_rule);
	tcase_add_test(tc, anonymised_fields);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
