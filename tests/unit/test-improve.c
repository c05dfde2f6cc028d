/*
 * test-improve: the rules of improvement plans (domain/improve.c) on
 * hand-computed cases — the three warnings on dates across month ends and
 * leap years, the decision transitions (improved closes, extended once
 * only, a decision on a closed plan refused naming the field), the checks
 * of what is typed, and the history counts.
 */
#include "check-util.h"
#include "domain/improve.h"
#include <math.h>

static unsigned warn(const char *status, const char *flagged, const char *plan_end, const char *review, int run,
		     const char *today, enum period_kind kind, struct improve_warning_days *d)
{
	struct improve_facts f = { status, flagged, plan_end, review, run };
	return improve_warnings(&f, today, kind, 1, d);
}

START_TEST(no_plan_after_two_weeks)
{
	struct improve_warning_days d;
	/* flagged 20 January: due on 3 February (14 days on), not the day before */
	ck_assert_uint_eq(warn("flagged", "2026-01-20", NULL, NULL, 0, "2026-02-02", PERIOD_QUARTER, &d) & IW_NO_PLAN, 0);
	ck_assert_uint_eq(warn("flagged", "2026-01-20", NULL, NULL, 0, "2026-02-03", PERIOD_QUARTER, &d) & IW_NO_PLAN,
			  IW_NO_PLAN);
	ck_str(d.no_plan, "2026-02-03", "the day the no-plan warning is due");
	/* across the end of February: 2026 is no leap year (20 Feb + 14 = 6 Mar), 2028 is (5 Mar) */
	warn("flagged", "2026-02-20", NULL, NULL, 0, "2026-03-10", PERIOD_QUARTER, &d);
	ck_str(d.no_plan, "2026-03-06", "20 Feb 2026 + 14 days");
	ck_assert_uint_eq(warn("flagged", "2028-02-20", NULL, NULL, 0, "2028-03-05", PERIOD_QUARTER, &d) & IW_NO_PLAN,
			  IW_NO_PLAN);
	ck_str(d.no_plan, "2028-03-05", "20 Feb 2028 (leap year) + 14 days");
	ck_assert_uint_eq(warn("flagged", "2028-02-20", NULL, NULL, 0, "2028-03-04", PERIOD_QUARTER, &d) & IW_NO_PLAN, 0);
	/* across the year end */
	warn("flagged", "2026-12-25", NULL, NULL, 0, "2027-01-08", PERIOD_QUARTER, &d);
	ck_str(d.no_plan, "2027-01-08", "25 Dec 2026 + 14 days");
	/* once the plan has its days, no such warning */
	ck_assert_uint_eq(warn("open", "2026-01-20", "2026-06-30", NULL, 0, "2026-03-01", PERIOD_QUARTER, &d) & IW_NO_PLAN, 0);
	ck_str(d.no_plan, "", "no date when no warning");
}
END_TEST

START_TEST(review_passed)
{
	struct improve_warning_days d;
	/* a review on 31 March without an outcome: not on the day, from 1 April */
	ck_assert_uint_eq(warn("open", "2026-01-10", "2026-06-30", "2026-03-31", 0, "2026-03-31", PERIOD_QUARTER, &d)
			  & IW_REVIEW, 0);
	ck_assert_uint_eq(warn("open", "2026-01-10", "2026-06-30", "2026-03-31", 0, "2026-04-01", PERIOD_QUARTER, &d)
			  & IW_REVIEW, IW_REVIEW);
	ck_str(d.review, "2026-03-31", "the review date that passed");
	/* the plan's last day passed without a decision counts too; the earlier date is given */
	ck_assert_uint_eq(warn("open", "2026-01-10", "2026-02-28", NULL, 0, "2026-03-01", PERIOD_QUARTER, &d) & IW_REVIEW,
			  IW_REVIEW);
	ck_str(d.review, "2026-02-28", "the plan's last day");
	warn("open", "2026-01-10", "2026-02-28", "2026-02-15", 0, "2026-03-01", PERIOD_QUARTER, &d);
	ck_str(d.review, "2026-02-15", "the earlier of review and last day");
	/* a decided plan never warns */
	ck_assert_uint_eq(warn("closed", "2026-01-10", "2026-02-28", "2026-02-15", 3, "2027-01-01", PERIOD_QUARTER, &d), 0);
}
END_TEST

START_TEST(two_periods_without_decision)
{
	struct improve_warning_days d;
	/* months: flagged 31 January; January and February must have ended: from 1 March */
	ck_assert_uint_eq(warn("open", "2026-01-31", "2026-12-31", NULL, 0, "2026-02-28", PERIOD_MONTH, &d) & IW_NO_DECISION, 0);
	ck_assert_uint_eq(warn("open", "2026-01-31", "2026-12-31", NULL, 0, "2026-03-01", PERIOD_MONTH, &d) & IW_NO_DECISION,
			  IW_NO_DECISION);
	ck_str(d.no_decision, "2026-03-01", "two months from 31 January");
	/* leap year: flagged 1 January 2028 -> January and February (29 days) -> 1 March */
	ck_assert_uint_eq(warn("flagged", "2028-01-01", NULL, NULL, 0, "2028-02-29", PERIOD_MONTH, &d) & IW_NO_DECISION, 0);
	warn("flagged", "2028-01-01", NULL, NULL, 0, "2028-03-01", PERIOD_MONTH, &d);
	ck_str(d.no_decision, "2028-03-01", "two months from 1 January 2028");
	/* quarters: flagged 15 November 2026 -> Q4 and Q1 2027 -> from 1 April 2027 */
	ck_assert_uint_eq(warn("open", "2026-11-15", "2027-06-30", NULL, 0, "2027-03-31", PERIOD_QUARTER, &d)
			  & IW_NO_DECISION, 0);
	ck_assert_uint_eq(warn("open", "2026-11-15", "2027-06-30", NULL, 0, "2027-04-01", PERIOD_QUARTER, &d)
			  & IW_NO_DECISION, IW_NO_DECISION);
	/* the tiers: two completed quarters in a row below the line, whatever the flag */
	ck_assert_uint_eq(warn("open", "2026-11-15", "2027-06-30", NULL, 2, "2026-11-20", PERIOD_QUARTER, &d), IW_NO_DECISION);
	ck_assert_uint_eq(warn("open", "2026-11-15", "2027-06-30", NULL, 1, "2026-11-20", PERIOD_QUARTER, &d), 0);
	/* an underperformer by the tiers without any plan */
	ck_assert_uint_eq(warn(NULL, NULL, NULL, NULL, 3, "2026-11-20", PERIOD_QUARTER, &d), IW_NO_DECISION);
	ck_assert_uint_eq(warn("", NULL, NULL, NULL, 1, "2026-11-20", PERIOD_QUARTER, &d), 0);
	/* all three at once */
	ck_assert_uint_eq(warn("flagged", "2026-01-31", NULL, "2026-02-10", 0, "2026-04-01", PERIOD_MONTH, &d),
			  IW_NO_PLAN | IW_REVIEW | IW_NO_DECISION);
}
END_TEST

static size_t decide(const char *status, const char *end, int extended, const char *decision, const char *until,
		     struct improve_decide_out *out, struct plan_field_error *errs)
{
	struct improve_decide_in in = { status, end, extended, decision, until, NULL };
	return improve_decide(&in, out, errs);
}

START_TEST(decisions)
{
	struct improve_decide_out out;
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	/* improved, another role, parting ways close the plan */
	ck_assert_uint_eq(decide("open", "2026-06-30", 0, "improved", NULL, &out, errs), 0);
	ck_str(out.status, "closed", "improved closes");
	ck_str(out.decision, "improved", "the decision stored");
	ck_str(out.plan_end, "2026-06-30", "the last day stays");
	ck_assert_uint_eq(decide("open", "2026-06-30", 1, "parting", NULL, &out, errs), 0);
	ck_str(out.status, "closed", "parting ways closes");
	ck_assert_int_eq(out.extended, 1);
	/* a flag without a plan may end in another role */
	ck_assert_uint_eq(decide("flagged", NULL, 0, "another_role", NULL, &out, errs), 0);
	ck_str(out.status, "closed", "another role closes a flag");
	/* extended: stays open, new last day, once */
	ck_assert_uint_eq(decide("open", "2026-06-30", 0, "extended", "2026-09-30", &out, errs), 0);
	ck_str(out.status, "open", "extending keeps it open");
	ck_str(out.decision, "", "extending is no final decision");
	ck_str(out.plan_end, "2026-09-30", "the new last day");
	ck_assert_int_eq(out.extended, 1);
	ck_assert_uint_eq(decide("open", "2026-09-30", 1, "extended", "2026-12-31", &out, errs), 1);
	ck_str(errs[0].field, "decision", "a second extension");
	/* extending: a day after the current last day, and a plan with days */
	ck_assert_uint_eq(decide("open", "2026-06-30", 0, "extended", "2026-06-30", &out, errs), 1);
	ck_str(errs[0].field, "until", "not after the last day");
	ck_assert_uint_eq(decide("open", "2026-06-30", 0, "extended", "30-09-2026", &out, errs), 1);
	ck_str(errs[0].field, "until", "not a date");
	ck_assert_uint_eq(decide("flagged", NULL, 0, "extended", "2026-09-30", &out, errs), 1);
	ck_str(errs[0].field, "decision", "a flag has no days to extend");
	/* a closed plan takes no decision, whatever it is */
	for (size_t i = 0; i < improve_decision_count; i++) {
		ck_assert_uint_eq(decide("closed", "2026-06-30", 0, improve_decision_codes[i], "2026-09-30", &out, errs), 1);
		ck_str(errs[0].field, "decision", improve_decision_codes[i]);
	}
	/* unknown or missing */
	ck_assert_uint_eq(decide("open", "2026-06-30", 0, "promoted", NULL, &out, errs), 1);
	ck_str(errs[0].field, "decision", "unknown decision");
	ck_assert_uint_eq(decide("open", "2026-06-30", 0, NULL, NULL, &out, errs), 1);
	ck_str(errs[0].field, "decision", "no decision");
}
END_TEST

START_TEST(inputs)
{
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	struct improve_flag_input f = { "2026-11-20", "2026-11-23", "will", "Asked why.", NULL, NULL };
	ck_assert_uint_eq(improve_flag_check(&f, errs), 0);
	f.flagged_on = "2026-11-24";
	ck_assert_uint_eq(improve_flag_check(&f, errs), 1);
	ck_str(errs[0].field, "flagged_on", "a flag in the future");
	f.flagged_on = "2026-11-20";
	f.diagnosis = "lazy";
	ck_assert_uint_eq(improve_flag_check(&f, errs), 1);
	ck_str(errs[0].field, "diagnosis", "an unknown diagnosis");
	f.diagnosis = "";
	f.plan_start = "2026-12-01";
	ck_assert_uint_eq(improve_flag_check(&f, errs), 1);
	ck_str(errs[0].field, "plan_end", "a first day without a last");
	f.plan_end = "2026-11-30";
	ck_assert_uint_eq(improve_flag_check(&f, errs), 1);
	ck_str(errs[0].field, "plan_end", "ends before it begins");

	struct improve_update_input u = { "closed", "skill", NULL, NULL, NULL };
	ck_assert_uint_eq(improve_update_check(&u, errs), 1);
	ck_str(errs[0].field, "status", "a closed plan is not changed");

	struct improve_item_input x = { "expectation", "", "commitment_rate", 1, 0.8, NULL, NULL };
	ck_assert_uint_eq(improve_item_check(&x, errs), 0);
	x.target = 12;	/* 1200 % */
	ck_assert_uint_eq(improve_item_check(&x, errs), 1);
	ck_str(errs[0].field, "target", "a target beyond 1000 %");
	x.metric = "revenue";
	ck_assert_uint_eq(improve_item_check(&x, errs), 1);
	ck_str(errs[0].field, "metric", "a figure Salesgarden does not have");
	x.metric = "learning_activities";
	x.target = 2;
	ck_assert_uint_eq(improve_item_check(&x, errs), 0);
	x.has_target = 0;
	ck_assert_uint_eq(improve_item_check(&x, errs), 1);
	ck_str(errs[0].field, "target", "no target");
	struct improve_item_input s = { "support", "", NULL, 0, NAN, "ride_along", NULL };
	ck_assert_uint_eq(improve_item_check(&s, errs), 1);
	ck_str(errs[0].field, "text", "support without a description");
	s.text = "Ride along twice";
	s.support_kind = "holiday";
	ck_assert_uint_eq(improve_item_check(&s, errs), 1);
	ck_str(errs[0].field, "support_kind", "unknown support");
	struct improve_item_input rv = { "review", NULL, NULL, 0, NAN, NULL, "2026-02-30" };
	ck_assert_uint_eq(improve_item_check(&rv, errs), 1);
	ck_str(errs[0].field, "on_date", "30 February");
	rv.on_date = "2028-02-29";
	ck_assert_uint_eq(improve_item_check(&rv, errs), 0);
	struct improve_item_input k = { "party", NULL, NULL, 0, NAN, NULL, NULL };
	ck_assert_uint_eq(improve_item_check(&k, errs), 1);
	ck_str(errs[0].field, "kind", "unknown kind");
	ck_assert_uint_eq(improve_outcome_check("", errs), 1);
	ck_str(errs[0].field, "outcome", "an empty outcome");
}
END_TEST

START_TEST(history)
{
	struct improve_history h = { 0 };
	improve_history_add(&h, "improved", 0);
	improve_history_add(&h, "improved", 1);
	improve_history_add(&h, "parting", 1);
	improve_history_add(&h, "another_role", 0);
	improve_history_add(&h, "", 0);	/* not decided: not counted */
	ck_assert_uint_eq(h.decided, 4);
	ck_assert_uint_eq(h.improved, 2);
	ck_assert_uint_eq(h.parting, 1);
	ck_assert_uint_eq(h.another_role, 1);
	ck_assert_uint_eq(h.extended, 2);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("improve");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, no_plan_after_two_weeks);
	tcase_add_test(tc, review_passed);
	tcase_add_test(tc, two_periods_without_decision);
	tcase_add_test(tc, decisions);
	tcase_add_test(tc, inputs);
	tcase_add_test(tc, history);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
