/*
 * test-commitment: the rules of step or stop (src/domain/commitment.c) on
 * small cases computed by hand — which outcome combinations a conversation
 * may have, the life of a next step, deal health and strung-along deals, and
 * every figure.
 */
#include <check.h>
#include <math.h>
#include <string.h>
#include "domain/commitment.h"
#include "domain/reasons.h"

#define TODAY "2026-11-23"

static struct conversation_input base(void)
{
	struct conversation_input in = { .kind = "call", .date = "2026-11-20", .minutes = 20, .deal_id = 7,
					 .gut_feeling = 4, .outcome = "step", .step_what = "demo for the CFO",
					 .step_due = "2026-11-27", .step_who = "Anna de Vries" };
	return in;
}

START_TEST(outcome_combinations)
{
	static const struct {
		const char *outcome, *what, *due, *who, *reason, *action;
		const char *field;	/* NULL: accepted */
	} cases[] = {
		{ "step", "demo", "2026-11-27", "Anna", NULL, NULL, NULL },
		{ "step", "", "2026-11-27", "Anna", NULL, NULL, "step_what" },
		{ "step", "demo", "", "Anna", NULL, NULL, "step_due" },
		{ "step", "demo", "2026-02-30", "Anna", NULL, NULL, "step_due" },
		{ "step", "demo", "2026-11-19", "Anna", NULL, NULL, "step_due" },	/* before the conversation */
		{ "step", "demo", "2026-11-20", "Anna", NULL, NULL, NULL },		/* same day is fine */
		{ "step", "demo", "2026-11-27", "  ", NULL, NULL, "step_who" },
		{ "step", "demo", "2026-11-27", "Anna", "timing", NULL, "stop_reason" },
		{ "stop", NULL, NULL, NULL, "no_budget", "lost", NULL },
		{ "stop", NULL, NULL, NULL, "no_budget", "paused", NULL },
		{ "stop", NULL, NULL, NULL, "no_budget", "", "stop_action" },
		{ "stop", NULL, NULL, NULL, "price", "lost", NULL },	/* one list of reasons: price is one */
		{ "stop", NULL, NULL, NULL, "", "lost", "stop_reason" },
		{ "stop", NULL, NULL, NULL, "Price!", "lost", "stop_reason" },	/* not a code */
		{ "stop", "demo", NULL, NULL, "timing", "lost", "step_what" },
		{ "none", NULL, NULL, NULL, NULL, NULL, NULL },
		{ "none", "demo", NULL, NULL, NULL, NULL, "step_what" },
		{ "none", NULL, NULL, NULL, "timing", NULL, "stop_reason" },
		{ "maybe", NULL, NULL, NULL, NULL, NULL, "outcome" },
		{ NULL, NULL, NULL, NULL, NULL, NULL, "outcome" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct conversation_input in = base();
		in.outcome = cases[i].outcome;
		in.step_what = cases[i].what;
		in.step_due = cases[i].due;
		in.step_who = cases[i].who;
		in.stop_reason = cases[i].reason;
		in.stop_action = cases[i].action;
		struct rule_error err;
		int r = conversation_validate(&in, TODAY, &err);
		if (!cases[i].field) {
			ck_assert_msg(r == 0, "case %zu refused: %s", i, err.message ? err.message : "");
		} else {
			ck_assert_msg(r == -1, "case %zu accepted", i);
			ck_assert_str_eq(err.field, cases[i].field);
			ck_assert_ptr_nonnull(err.message);
		}
	}
}
END_TEST

START_TEST(conversation_fields)
{
	struct rule_error err;
	struct conversation_input in = base();
	in.kind = "email";
	ck_assert_int_eq(conversation_validate(&in, TODAY, &err), -1);
	ck_assert_str_eq(err.field, "kind");
	in = base();
	in.gut_feeling = 0;
	ck_assert_int_eq(conversation_validate(&in, TODAY, &err), -1);
	ck_assert_str_eq(err.field, "gut_feeling");
	in = base();
	in.gut_feeling = 6;
	ck_assert_int_eq(conversation_validate(&in, TODAY, &err), -1);
	in = base();
	in.date = "2026-11-24";	/* tomorrow */
	ck_assert_int_eq(conversation_validate(&in, TODAY, &err), -1);
	ck_assert_str_eq(err.field, "date");
	in = base();
	in.deal_id = 0;
	ck_assert_int_eq(conversation_validate(&in, TODAY, &err), -1);
	ck_assert_str_eq(err.field, "deal_id");
	in.account_id = 3;	/* an account alone is enough */
	ck_assert_int_eq(conversation_validate(&in, TODAY, &err), 0);
	in = base();
	in.minutes = 1441;
	ck_assert_int_eq(conversation_validate(&in, TODAY, &err), -1);
	ck_assert_str_eq(err.field, "minutes");
	/* a STOP on an account (no deal) needs no lost/paused choice */
	in = base();
	in.deal_id = 0;
	in.account_id = 3;
	in.outcome = "stop";
	in.step_what = in.step_due = in.step_who = NULL;
	in.stop_reason = "no_need";
	ck_assert_int_eq(conversation_validate(&in, TODAY, &err), 0);
}
END_TEST

START_TEST(step_life)
{
	struct step s = { STEP_S_OPEN, "2026-11-25", "2026-11-25", NULL, 0 };
	ck_assert_int_eq(step_state(&s, "2026-11-24", 3), STEP_UPCOMING);
	ck_assert_int_eq(step_state(&s, "2026-11-25", 3), STEP_DUE_TODAY);
	ck_assert_int_eq(step_state(&s, "2026-11-26", 3), STEP_OVERDUE);
	ck_assert_int_eq(step_state(&s, "2026-11-28", 3), STEP_OVERDUE);	/* 3 days late: still grace */
	ck_assert_int_eq(step_state(&s, "2026-11-29", 3), STEP_MISSED);	/* 4 days late */
	s.status = STEP_S_KEPT;
	ck_assert_int_eq(step_state(&s, "2026-12-29", 3), STEP_KEPT);
	/* kept on time compares with the date first agreed */
	s.done_on = "2026-11-25";
	ck_assert(step_kept_on_time(&s));
	s.done_on = "2026-11-26";
	ck_assert(!step_kept_on_time(&s));
	s.original_due = "2026-11-20";	/* slipped from the 20th */
	s.done_on = "2026-11-25";
	ck_assert(!step_kept_on_time(&s));
	/* closing by a later conversation */
	ck_assert_int_eq(step_close_status("2026-11-25", "2026-11-28", 3), STEP_S_KEPT);
	ck_assert_int_eq(step_close_status("2026-11-25", "2026-11-29", 3), STEP_S_MISSED);
	ck_assert_int_eq(step_close_status("2026-11-25", "2026-11-20", 3), STEP_S_KEPT);
}
END_TEST

START_TEST(step_slips)
{
	struct rule_error err;
	struct step s = { STEP_S_OPEN, "2026-11-25", "2026-11-25", NULL, 0 };
	ck_assert_int_eq(step_slip_check(&s, "2026-12-01", TODAY, &err), 0);
	ck_assert_int_eq(step_slip_check(&s, "2026-11-25", TODAY, &err), -1);	/* same date */
	ck_assert_int_eq(step_slip_check(&s, "2026-11-22", TODAY, &err), -1);	/* past */
	ck_assert_int_eq(step_slip_check(&s, "2026-13-01", TODAY, &err), -1);
	ck_assert_int_eq(step_slip_check(&s, TODAY, TODAY, &err), 0);		/* today is fine */
	s.status = STEP_S_KEPT;
	ck_assert_int_eq(step_slip_check(&s, "2026-12-01", TODAY, &err), -1);
}
END_TEST

START_TEST(dates)
{
	ck_assert_int_eq(days_between("2026-11-20", "2026-11-27"), 7);
	ck_assert_int_eq(days_between("2026-11-27", "2026-11-20"), -7);
	ck_assert_int_eq(days_between("2026-02-27", "2026-03-01"), 2);
	ck_assert_int_eq(days_between("2024-02-27", "2024-03-01"), 3);	/* leap year */
	ck_assert_int_eq(days_between("2026-12-31", "2027-01-01"), 1);
	char out[11];
	date_add_days("2026-11-29", 3, out);
	ck_assert_str_eq(out, "2026-12-02");
	date_add_days("2026-03-01", -1, out);
	ck_assert_str_eq(out, "2026-02-28");
}
END_TEST

/* one case of deal health: signals in, colour and reasons out */
static struct health_result health(int has_step, const char *due, int slips, int missed, int convs,
				   const char *last, const char *created)
{
	struct deal_signals s = { has_step, due, slips, missed, convs, last, created };
	return deal_health(&s, &health_defaults, TODAY);
}

START_TEST(deal_health_rules)
{
	/* healthy: a step next week, recent commitment */
	struct health_result r = health(1, "2026-11-30", 0, 0, 1, "2026-11-20", "2026-10-01");
	ck_assert_int_eq(r.health, HEALTH_GREEN);
	ck_assert_uint_eq(r.reasons, 0);
	ck_assert(!r.strung_along);
	/* no dated next step: strung along */
	r = health(0, NULL, 0, 0, 0, "2026-11-20", "2026-11-01");
	ck_assert_int_eq(r.health, HEALTH_RED);
	ck_assert(r.reasons & HR_NO_NEXT_STEP);
	ck_assert(r.strung_along);
	/* a deal created within the grace period is not yet strung along for
	 * lacking a step (3 days old: fine; 4 days: strung along) */
	r = health(0, NULL, 0, 0, 0, NULL, "2026-11-20");
	ck_assert_uint_eq(r.reasons, 0);
	r = health(0, NULL, 0, 0, 0, NULL, "2026-11-19");
	ck_assert_uint_eq(r.reasons, HR_NO_NEXT_STEP);
	/* overdue within grace: amber */
	r = health(1, "2026-11-21", 0, 0, 0, "2026-11-15", "2026-11-01");
	ck_assert_int_eq(r.health, HEALTH_AMBER);
	ck_assert_uint_eq(r.reasons, HR_STEP_OVERDUE);
	/* overdue past grace (4 days): missed, red */
	r = health(1, "2026-11-19", 0, 0, 0, "2026-11-15", "2026-11-01");
	ck_assert_int_eq(r.health, HEALTH_RED);
	ck_assert(r.reasons & HR_STEP_MISSED);
	/* slipped once: amber; twice: strung along */
	r = health(1, "2026-11-30", 1, 0, 0, "2026-11-15", "2026-11-01");
	ck_assert_int_eq(r.health, HEALTH_AMBER);
	ck_assert_uint_eq(r.reasons, HR_SLIPPED_ONCE);
	r = health(1, "2026-11-30", 2, 0, 0, "2026-11-15", "2026-11-01");
	ck_assert_int_eq(r.health, HEALTH_RED);
	ck_assert_uint_eq(r.reasons, HR_SLIPPING);
	/* conversations without progress: 2 stalling, 3 strung along */
	r = health(1, "2026-11-30", 0, 0, 2, "2026-11-15", "2026-11-01");
	ck_assert_uint_eq(r.reasons, HR_PROGRESS_STALLING);
	ck_assert_int_eq(r.health, HEALTH_AMBER);
	r = health(1, "2026-11-30", 0, 0, 3, "2026-11-15", "2026-11-01");
	ck_assert_uint_eq(r.reasons, HR_NO_PROGRESS);
	ck_assert(r.strung_along);
	/* last commitment 30 days ago is fine, 31 days is old */
	r = health(1, "2026-11-30", 0, 0, 0, "2026-10-24", "2026-10-01");
	ck_assert_uint_eq(r.reasons, 0);
	r = health(1, "2026-11-30", 0, 0, 0, "2026-10-23", "2026-10-01");
	ck_assert_uint_eq(r.reasons, HR_STALE_COMMITMENT);
	/* without any commitment the deal's creation date counts */
	r = health(1, "2026-11-30", 0, 0, 0, NULL, "2026-10-01");
	ck_assert_uint_eq(r.reasons, HR_STALE_COMMITMENT);
	/* a missed step earlier on the deal */
	r = health(1, "2026-11-30", 0, 1, 0, "2026-11-20", "2026-11-01");
	ck_assert(r.reasons & HR_STEP_MISSED);
	/* several reasons at once */
	r = health(0, NULL, 0, 0, 4, "2026-09-01", "2026-08-01");
	ck_assert_uint_eq(r.reasons, HR_NO_NEXT_STEP | HR_NO_PROGRESS | HR_STALE_COMMITMENT);
	ck_assert_str_eq(health_code(HEALTH_RED), "red");
	ck_assert_str_ne(health_reason_text(HR_SLIPPING), "");
}
END_TEST

START_TEST(figures)
{
	/* 10 conversations: 5 steps, 2 stops, 3 without commitment */
	struct commitment_counts c = { 0 };
	c.conversations = 10;
	c.steps = 5;
	c.stops = 2;
	c.nones = 3;
	c.steps_due = 4;
	c.steps_kept_on_time = 3;
	c.unbroken_won = 3;
	c.unbroken_lost = 1;
	c.broken_won = 1;
	c.broken_lost = 3;
	c.minutes_on_lost = 150;
	c.gut_closed[4] = 4;	/* gut 5 */
	c.gut_won[4] = 1;
	c.gut_closed[1] = 2;	/* gut 2 */
	c.gut_won[1] = 2;
	c.outcome_closed[OUTCOME_STEP] = 6;
	c.outcome_won[OUTCOME_STEP] = 5;
	c.outcome_closed[OUTCOME_NONE] = 4;
	c.outcome_won[OUTCOME_NONE] = 0;
	double gaps[] = { 7, 3, 14, 5 };	/* sorted 3 5 7 14: median 6 */
	struct commitment_figures f;
	commitment_figures_compute(&c, gaps, 4, &f);
	ck_assert_double_eq_tol(f.commitment_rate, 0.7, 1e-9);
	ck_assert_double_eq_tol(f.stop_rate, 0.2, 1e-9);
	ck_assert_double_eq_tol(f.none_rate, 0.3, 1e-9);
	ck_assert_double_eq_tol(f.follow_through, 0.75, 1e-9);
	ck_assert_double_eq_tol(f.median_days_between_steps, 6, 1e-9);
	ck_assert_double_eq_tol(f.win_unbroken, 0.75, 1e-9);
	ck_assert_double_eq_tol(f.win_broken, 0.25, 1e-9);
	ck_assert_double_eq_tol(f.hours_on_lost, 2.5, 1e-9);
	ck_assert_double_eq_tol(f.gut_win[4], 0.25, 1e-9);
	ck_assert_double_eq_tol(f.gut_win[1], 1.0, 1e-9);
	ck_assert(isnan(f.gut_win[0]));		/* no data is not 0 % */
	ck_assert_double_eq_tol(f.outcome_win[OUTCOME_STEP], 5.0 / 6.0, 1e-9);
	ck_assert_double_eq_tol(f.outcome_win[OUTCOME_NONE], 0.0, 1e-9);
	/* nothing logged: every rate is "no data" */
	struct commitment_counts z = { 0 };
	commitment_figures_compute(&z, NULL, 0, &f);
	ck_assert(isnan(f.commitment_rate));
	ck_assert(isnan(f.follow_through));
	ck_assert(isnan(f.median_days_between_steps));
	/* odd count median */
	double odd[] = { 9, 1, 4 };
	ck_assert_double_eq_tol(median(odd, 3), 4, 1e-9);
	/* in order already (the organisation's gaps from the roll-up): the
	 * same median; out of order only at the end: still sorted first */
	double sorted[] = { 1, 2, 2, 7, 30, 31 };
	ck_assert_double_eq_tol(median(sorted, 6), 4.5, 1e-9);
	double late[] = { 1, 2, 3, 4, 0 };
	ck_assert_double_eq_tol(median(late, 5), 2, 1e-9);
}
END_TEST

START_TEST(vocabulary)
{
	ck_assert_int_eq(outcome_parse("step"), OUTCOME_STEP);
	ck_assert_int_eq(outcome_parse("none"), OUTCOME_NONE);
	ck_assert_int_eq(outcome_parse("STEP"), OUTCOME_INVALID);
	ck_assert_int_eq(conv_kind_parse("visit"), CONV_VISIT);
	ck_assert(reason_code_valid("no_authority"));
	ck_assert(!reason_code_valid("No authority"));
	ck_assert(!reason_code_valid(""));
	ck_assert_str_eq(reason_seed_label("no_budget"), "No budget");
	ck_assert_str_eq(reason_seed_label("price"), "Price");
	ck_assert_ptr_null(reason_seed_label("went_dark"));
	char code[48];
	reason_code_from_label("  Went dark — no reply! ", code, sizeof(code));
	ck_assert_str_eq(code, "went_dark_no_reply");
	reason_code_from_label("Пропал", code, sizeof(code));
	ck_assert_str_eq(code, "reason");
	ck_assert_ptr_null(reason_label_check("Went dark"));
	ck_assert_ptr_nonnull(reason_label_check("   "));
	ck_assert_str_eq(conv_kind_label("video"), "Video call");
	ck_assert_str_eq(outcome_label("bogus"), "bogus");
	ck_assert_str_eq(health_reason_code(HR_NO_NEXT_STEP), "no_next_step");
	ck_assert_str_eq(health_reason_code(HR_PROGRESS_STALLING), "progress_stalling");
	ck_assert_str_eq(health_reason_code(HR_NO_NEXT_STEP | HR_SLIPPING), "");
}
END_TEST

/* every fault at once, the first of each field, in the form's order */
START_TEST(all_errors_at_once)
{
	struct conversation_input in = base();
	in.kind = "fax";
	in.minutes = 2000;
	in.gut_feeling = 0;
	in.step_what = "";
	in.step_due = "2026-11-19";	/* before the conversation */
	in.step_who = " ";
	struct rule_error errs[CONV_ERRORS_MAX];
	size_t n = conversation_validate_all(&in, TODAY, errs, CONV_ERRORS_MAX);
	static const char *const want[] = { "kind", "minutes", "gut_feeling", "step_what", "step_due", "step_who" };
	ck_assert_uint_eq(n, 6);
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(errs[i].field, want[i]);
	ck_assert_str_eq(errs[4].message, "The next step cannot be due before the conversation.");
	/* at most max of them */
	ck_assert_uint_eq(conversation_validate_all(&in, TODAY, errs, 2), 2);
	/* conversation_validate gives the first */
	struct rule_error first;
	ck_assert_int_eq(conversation_validate(&in, TODAY, &first), -1);
	ck_assert_str_eq(first.field, "kind");
	in = base();
	ck_assert_uint_eq(conversation_validate_all(&in, TODAY, errs, CONV_ERRORS_MAX), 0);
}
END_TEST

/* "was the step kept?": the answers, their checks, and the rule without one */
START_TEST(step_answers)
{
	ck_assert_int_eq(step_answer_parse(NULL), STEP_ANSWER_NONE);
	ck_assert_int_eq(step_answer_parse(""), STEP_ANSWER_NONE);
	ck_assert_int_eq(step_answer_parse("kept"), STEP_ANSWER_KEPT);
	ck_assert_int_eq(step_answer_parse("slipped"), STEP_ANSWER_SLIPPED);
	ck_assert_int_eq(step_answer_parse("missed"), STEP_ANSWER_MISSED);
	ck_assert_int_eq(step_answer_parse("open"), STEP_ANSWER_OPEN);
	ck_assert_int_eq(step_answer_parse("later"), STEP_ANSWER_INVALID);
	struct rule_error err;
	/* slipped: a real, new date, not in the past */
	ck_assert_int_eq(step_answer_check(STEP_ANSWER_SLIPPED, "2026-11-20", "2026-12-01", "2026-11-22", TODAY, &err), 0);
	ck_assert_int_eq(step_answer_check(STEP_ANSWER_SLIPPED, "2026-11-20", "", "2026-11-22", TODAY, &err), -1);
	ck_assert_str_eq(err.field, "open_step_due");
	ck_assert_int_eq(step_answer_check(STEP_ANSWER_SLIPPED, "2026-11-20", "2026-11-20", "2026-11-22", TODAY, &err), -1);
	ck_assert_int_eq(step_answer_check(STEP_ANSWER_SLIPPED, "2026-11-20", "2026-11-22", "2026-11-22", TODAY, &err), -1);
	/* open: only while not yet due on the day of the conversation */
	ck_assert_int_eq(step_answer_check(STEP_ANSWER_OPEN, "2026-11-25", NULL, "2026-11-22", TODAY, &err), 0);
	ck_assert_int_eq(step_answer_check(STEP_ANSWER_OPEN, "2026-11-22", NULL, "2026-11-22", TODAY, &err), -1);
	ck_assert_str_eq(err.field, "open_step");
	ck_assert_int_eq(step_answer_check(STEP_ANSWER_INVALID, "2026-11-22", NULL, "2026-11-22", TODAY, &err), -1);
	ck_assert_int_eq(step_answer_check(STEP_ANSWER_KEPT, "2026-11-25", NULL, "2026-11-22", TODAY, &err), 0);
	/* the user's answer wins over the dates */
	ck_assert_int_eq(step_answer_status(STEP_ANSWER_KEPT, "2026-11-01", "2026-11-22", 3, 0), STEP_S_KEPT);
	ck_assert_int_eq(step_answer_status(STEP_ANSWER_MISSED, "2026-11-25", "2026-11-22", 3, 0), STEP_S_MISSED);
	ck_assert_int_eq(step_answer_status(STEP_ANSWER_SLIPPED, "2026-11-20", "2026-11-22", 3, 0), STEP_S_OPEN);
	ck_assert_int_eq(step_answer_status(STEP_ANSWER_OPEN, "2026-11-25", "2026-11-22", 3, 0), STEP_S_OPEN);
	/* no answer: not yet due stays open (but a stop ends it as kept);
	 * due: kept within the grace period, missed after it */
	ck_assert_int_eq(step_answer_status(STEP_ANSWER_NONE, "2026-11-25", "2026-11-22", 3, 0), STEP_S_OPEN);
	ck_assert_int_eq(step_answer_status(STEP_ANSWER_NONE, "2026-11-25", "2026-11-22", 3, 1), STEP_S_KEPT);
	ck_assert_int_eq(step_answer_status(STEP_ANSWER_NONE, "2026-11-22", "2026-11-22", 3, 0), STEP_S_KEPT);
	ck_assert_int_eq(step_answer_status(STEP_ANSWER_NONE, "2026-11-19", "2026-11-22", 3, 0), STEP_S_KEPT);
	ck_assert_int_eq(step_answer_status(STEP_ANSWER_NONE, "2026-11-18", "2026-11-22", 3, 0), STEP_S_MISSED);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("commitment");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, outcome_combinations);
	tcase_add_test(tc, conversation_fields);
	tcase_add_test(tc, step_life);
	tcase_add_test(tc, step_slips);
	tcase_add_test(tc, all_errors_at_once);
	tcase_add_test(tc, step_answers);
	tcase_add_test(tc, dates);
	tcase_add_test(tc, deal_health_rules);
	tcase_add_test(tc, figures);
	tcase_add_test(tc, vocabulary);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
