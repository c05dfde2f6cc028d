/*
 * test-plans: the rules of a development plan (domain/plans.c) on cases
 * computed by hand — the balance of achievement and result goals with the
 * result-only flag, metric progress from a baseline towards a target
 * (clamped, and NaN where there is nothing to measure), the vocabularies,
 * and when two plan periods overlap.
 */
#include "check-util.h"
#include "domain/plans.h"
#include <math.h>

START_TEST(balance)
{
	struct plan_balance b;
	/* 3 achievement, 1 result: share 3/4 = 0.75, not flagged */
	enum goal_kind k1[] = { GOAL_ACHIEVEMENT, GOAL_RESULT, GOAL_ACHIEVEMENT, GOAL_ACHIEVEMENT };
	plan_balance_compute(k1, 4, &b);
	ck_assert_uint_eq(b.achievement, 3);
	ck_assert_uint_eq(b.result, 1);
	ck_assert_double_eq_tol(b.achievement_share, 0.75, 1e-9);
	ck_assert_int_eq(b.result_only, 0);
	/* result goals only: share 0, flagged */
	enum goal_kind k2[] = { GOAL_RESULT, GOAL_RESULT };
	plan_balance_compute(k2, 2, &b);
	ck_assert_uint_eq(b.achievement, 0);
	ck_assert_uint_eq(b.result, 2);
	ck_assert_double_eq_tol(b.achievement_share, 0.0, 1e-9);
	ck_assert_int_eq(b.result_only, 1);
	/* achievement only: share 1, not flagged */
	enum goal_kind k3[] = { GOAL_ACHIEVEMENT };
	plan_balance_compute(k3, 1, &b);
	ck_assert_double_eq_tol(b.achievement_share, 1.0, 1e-9);
	ck_assert_int_eq(b.result_only, 0);
	/* no goals: no share, not flagged (nothing to balance yet) */
	plan_balance_compute(NULL, 0, &b);
	ck_assert(isnan(b.achievement_share));
	ck_assert_int_eq(b.result_only, 0);
	/* 1 of 3 achievement: 0.333… */
	enum goal_kind k4[] = { GOAL_RESULT, GOAL_ACHIEVEMENT, GOAL_RESULT };
	plan_balance_compute(k4, 3, &b);
	ck_assert_double_eq_tol(b.achievement_share, 1.0 / 3.0, 1e-9);
	ck_assert_int_eq(b.result_only, 0);
}
END_TEST

START_TEST(progress)
{
	/* commitment rate from 0.50 to a target of 0.80, now 0.65: half way */
	ck_assert_double_eq_tol(goal_progress(0.50, 0.80, 0.65), 0.5, 1e-9);
	/* attainment from 0.40 towards 1.00, now 0.55: 0.15/0.60 = 0.25 */
	ck_assert_double_eq_tol(goal_progress(0.40, 1.00, 0.55), 0.25, 1e-9);
	/* went backwards: clamped to 0 */
	ck_assert_double_eq_tol(goal_progress(0.50, 0.80, 0.40), 0.0, 1e-9);
	/* beyond the target: clamped to 1 */
	ck_assert_double_eq_tol(goal_progress(0.50, 0.80, 0.95), 1.0, 1e-9);
	/* a target below the baseline (fewer of something): 10 -> 4, now 7 = half */
	ck_assert_double_eq_tol(goal_progress(10, 4, 7), 0.5, 1e-9);
	/* nothing to travel, or no figure yet */
	ck_assert(isnan(goal_progress(0.5, 0.5, 0.7)));
	ck_assert(isnan(goal_progress(NAN, 0.8, 0.7)));
	ck_assert(isnan(goal_progress(0.5, 0.8, NAN)));
	ck_assert(isnan(goal_progress(0.5, NAN, 0.7)));
}
END_TEST

START_TEST(vocabularies)
{
	ck_assert_int_eq(goal_kind_parse("achievement"), GOAL_ACHIEVEMENT);
	ck_assert_int_eq(goal_kind_parse("result"), GOAL_RESULT);
	ck_assert_int_eq(goal_kind_parse("Result"), GOAL_INVALID);
	ck_assert_int_eq(goal_kind_parse(""), GOAL_INVALID);
	ck_assert_int_eq(goal_kind_parse(NULL), GOAL_INVALID);
	ck_str(goal_kind_code(GOAL_RESULT), "result", "kind code");
	ck_assert_int_eq(goal_metric_valid(""), 1);
	ck_assert_int_eq(goal_metric_valid("commitment_rate"), 1);
	ck_assert_int_eq(goal_metric_valid("steps_kept"), 1);
	ck_assert_int_eq(goal_metric_valid("attainment"), 1);
	ck_assert_int_eq(goal_metric_valid("revenue"), 0);
	ck_assert_int_eq(goal_metric_valid(NULL), 0);
	ck_assert_int_eq(goal_status_valid("dropped"), 1);
	ck_assert_int_eq(goal_status_valid("closed"), 0);
	ck_str(recognition_kind_codes[0], "effort", "the form leads with effort");
	ck_assert_int_eq(recognition_kind_valid("win"), 1);
	ck_assert_int_eq(recognition_kind_valid("luck"), 0);
}
END_TEST

START_TEST(overlap)
{
	ck_assert_int_eq(plan_periods_overlap("2026-01-01", "2026-03-31", "2026-03-31", "2026-06-30"), 1);
	ck_assert_int_eq(plan_periods_overlap("2026-01-01", "2026-03-31", "2026-04-01", "2026-06-30"), 0);
	ck_assert_int_eq(plan_periods_overlap("2026-04-01", "2026-06-30", "2026-01-01", "2026-03-31"), 0);
	ck_assert_int_eq(plan_periods_overlap("2026-01-01", "2026-12-31", "2026-05-01", "2026-05-31"), 1);
	ck_assert_int_eq(plan_periods_overlap("2026-05-01", "2026-05-31", "2026-01-01", "2026-12-31"), 1);
}
END_TEST

/* the field named first for each mistake, every mistake at once */
START_TEST(input)
{
	struct plan_field_error e[PLAN_ERRORS_MAX];
	struct goal_input g = { .kind = NULL, .title = "Handle the price objection", .metric = "" };
	ck_assert_uint_eq(goal_input_check(&g, e), 1);
	ck_str(e[0].field, "kind", "goal without kind");
	g.kind = "wish";
	ck_assert_uint_eq(goal_input_check(&g, e), 1);
	ck_str(e[0].field, "kind", "unknown kind");
	g = (struct goal_input){ .kind = "achievement", .title = "", .metric = "revenue" };
	ck_assert_uint_eq(goal_input_check(&g, e), 2);
	ck_str(e[0].field, "title", "no title");
	ck_str(e[1].field, "metric", "unknown metric");
	g = (struct goal_input){ .kind = "result", .title = "Attainment", .metric = "attainment" };
	ck_assert_uint_eq(goal_input_check(&g, e), 1);
	ck_str(e[0].field, "target", "a metric without a target");
	g.has_target = 1;
	g.target = 1.0;
	ck_assert_uint_eq(goal_input_check(&g, e), 0);
	struct plan_input p = { "H1", "2026-07-01", "2026-06-30" };
	ck_assert_uint_eq(plan_input_check(&p, e), 1);
	ck_str(e[0].field, "period_end", "ends before it begins");
	p = (struct plan_input){ "H1", "2026-02-30", "" };
	ck_assert_uint_eq(plan_input_check(&p, e), 2);
	struct recognition_input ri = { "effort", "" };
	ck_assert_uint_eq(recognition_input_check(&ri, e), 1);
	ck_str(e[0].field, "note", "recognition without note");
	struct checkin_input ci = { "2026-05-01", "went well" };
	ck_assert_uint_eq(checkin_input_check(&ci, e), 0);
	struct action_input ai = { "Prepare", "tomorrow" };
	ck_assert_uint_eq(action_input_check(&ai, e), 1);
	ck_str(e[0].field, "due", "bad due date");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("plans");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, balance);
	tcase_add_test(tc, progress);
	tcase_add_test(tc, vocabularies);
	tcase_add_test(tc, overlap);
	tcase_add_test(tc, input);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
