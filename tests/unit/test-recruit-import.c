/*
 * test-recruit-import: the columns of a CSV file of candidates
 * (domain/recruit-import.c): headers in any case, with spaces, hyphens or
 * underscores; unknown columns ignored; sources in any case; a row's
 * e-mail kept earlier in the file.
 */
#include "check-util.h"
#include "domain/recruit-import.h"

START_TEST(columns)
{
	ck_assert_int_eq(recruit_import_column("Name"), RI_NAME);
	ck_assert_int_eq(recruit_import_column("E-mail"), RI_EMAIL);
	ck_assert_int_eq(recruit_import_column("email"), RI_EMAIL);
	ck_assert_int_eq(recruit_import_column("Job title"), RI_JOB_TITLE);
	ck_assert_int_eq(recruit_import_column("job_title"), RI_JOB_TITLE);
	ck_assert_int_eq(recruit_import_column(" Retain until "), RI_RETAIN_UNTIL);
	ck_assert_int_eq(recruit_import_column("Salary"), -1);
	ck_assert_int_eq(recruit_import_column(""), -1);
	ck_str(recruit_import_field(RI_RETAIN_UNTIL), "retain_until", "field");
}
END_TEST

START_TEST(sources)
{
	ck_str(recruit_import_source("LinkedIn"), "linkedin", "LinkedIn");
	ck_str(recruit_import_source(" Referral "), "referral", "spaces");
	ck_assert_ptr_null(recruit_import_source("newspaper"));
	ck_assert_ptr_null(recruit_import_source(""));
}
END_TEST

/* an earlier kept row with the same (normalised) e-mail; an empty e-mail never */
START_TEST(earlier)
{
	const char *kept[] = { "ivo@example.test", "", "jet@example.test", "ivo@example.test" };
	ck_assert_int_eq(recruit_import_earlier(kept, 4, "jet@example.test"), 2);
	ck_assert_int_eq(recruit_import_earlier(kept, 4, "ivo@example.test"), 0);
	ck_assert_int_eq(recruit_import_earlier(kept, 2, "jet@example.test"), -1);
	ck_assert_int_eq(recruit_import_earlier(kept, 4, "kim@example.test"), -1);
	ck_assert_int_eq(recruit_import_earlier(kept, 4, ""), -1);
	ck_assert_int_eq(recruit_import_earlier(kept, 0, "ivo@example.test"), -1);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("recruit-import");
	TCase *tc = tcase_create("columns");
	tcase_add_test(tc, columns);
	tcase_add_test(tc, sources);
	tcase_add_test(tc, earlier);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
