/*
 * test-plans-learning: the learning figures of plan goals (issue 9,
 * domain/plans.c): "learning_activities" and "learning_hours", optionally
 * narrowed to one kind ("learning_activities:book"), are counts with a
 * target of 1 to 10000; the other figures stay fractions.
 */
#include "check-util.h"
#include "domain/plans.h"
#include <math.h>

START_TEST(codes)
{
	ck_assert_int_eq(goal_metric_valid("learning_activities"), 1);
	ck_assert_int_eq(goal_metric_valid("learning_hours"), 1);
	ck_assert_int_eq(goal_metric_valid("learning_activities:book"), 1);
	ck_assert_int_eq(goal_metric_valid("learning_hours:ride_along"), 1);
	ck_assert_int_eq(goal_metric_valid("learning_activities:novel"), 0);
	ck_assert_int_eq(goal_metric_valid("learning_activities:"), 0);
	ck_assert_int_eq(goal_metric_valid("attainment:book"), 0);
	ck_assert_int_eq(goal_metric_valid("learning_activitiesx"), 0);
	ck_assert_int_eq(goal_metric_valid("attainment"), 1);
	ck_assert_int_eq(goal_metric_counts("learning_activities:book"), 1);
	ck_assert_int_eq(goal_metric_counts("attainment"), 0);
	ck_assert_int_eq(goal_metric_counts(""), 0);
	ck_str(goal_metric_kind("learning_activities:book"), "book", "the kind");
	ck_assert_ptr_null(goal_metric_kind("learning_activities"));
	ck_str(goal_metric_label("learning_activities:book"), "Learning activities done", "label of a narrowed figure");
	ck_str(goal_metric_label("learning_hours"), "Learning hours", "label");
}
END_TEST

START_TEST(targets)
{
	/* "read one book on questioning this quarter": target 1 */
	struct goal_input in = { "achievement", "Read one book on questioning", "learning_activities:book", 1, 0, 1.0, 0 };
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	ck_assert_int_eq(goal_input_check(&in, errs), 0);
	in.target = 0;
	ck_assert_int_eq(goal_input_check(&in, errs), 1);
	ck_str(errs[0].field, "target", "a count of 0 is no target");
	in.target = 12;	/* 12 books: fine for a count, too much as a fraction */
	ck_assert_int_eq(goal_input_check(&in, errs), 0);
	in.metric = "commitment_rate";
	ck_assert_int_eq(goal_input_check(&in, errs), 1);
	ck_str(errs[0].field, "target", "a fraction over 10");
	ck_assert_ptr_null(goal_target_check("learning_hours", 10000));
	ck_assert_ptr_nonnull(goal_target_check("learning_hours", 10001));
	ck_assert_ptr_nonnull(goal_target_check("learning_hours", NAN));
	ck_assert_ptr_null(goal_target_check("attainment", 0.8));
	/* a baseline for a count is a count too */
	struct goal_input b = { "achievement", "Hours", "learning_hours", 1, 1, 20, 5 };
	ck_assert_int_eq(goal_input_check(&b, errs), 0);
	b.baseline = -1;
	ck_assert_int_eq(goal_input_check(&b, errs), 1);
	ck_str(errs[0].field, "baseline", "negative baseline");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("plans-learning");
	TCase *tc = tcase_create("figures");
	tcase_add_test(tc, codes);
	tcase_add_test(tc, targets);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
