/*
 * test-recruit: the rules of domain/recruit.c on hand-computed cases — a
 * new candidate's checks, a candidate conversation's step or stop (the
 * customers' rules, with no "no commitment"), the open step's answer, the
 * retention date (12 months on, clamped to the month's end) and the
 * strung-along rule (the deals' rule without "no progress" and "stale").
 */
#include "check-util.h"
#include "domain/recruit.h"
#include <string.h>

#define TODAY "2026-11-25"

static struct candidate_conv_input conv(const char *kind, const char *date, const char *outcome, const char *what,
					const char *due, const char *who, const char *reason)
{
	return (struct candidate_conv_input){ .kind = kind, .date = date, .notes = "", .outcome = outcome,
					      .step_what = what, .step_due = due, .step_who = who,
					      .stop_reason = reason };
}

static const char *field_of(const struct rule_error *e, size_t n, const char *field)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(e[i].field, field))
			return e[i].message;
	return NULL;
}

START_TEST(candidate_checks)
{
	struct rule_error e[RECRUIT_ERRORS_MAX];
	struct candidate_input ok = { "Sanne de Vries", "sanne@example.test", "+31 6 1", "referral", "AM", "Globex",
				      "a, b", "", 1, "2026-11-20", "" };
	ck_assert_uint_eq(candidate_validate(&ok, TODAY, e, RECRUIT_ERRORS_MAX), 0);
	struct candidate_input bad = { "  ", "not-an-email", "", "newspaper", "", "", "", "", 0, "2026-12-01",
				       "2026-11-24" };
	size_t n = candidate_validate(&bad, TODAY, e, RECRUIT_ERRORS_MAX);
	ck_assert_uint_eq(n, 6);
	ck_str(field_of(e, n, "name"), "Enter the candidate's name.", "name");
	ck_assert_ptr_nonnull(field_of(e, n, "email"));
	ck_assert_ptr_nonnull(field_of(e, n, "source"));
	ck_assert_ptr_nonnull(field_of(e, n, "known_by"));
	ck_assert_ptr_nonnull(field_of(e, n, "consent_on"));
	ck_str(field_of(e, n, "retain_until"), "The date until which the data is kept cannot be in the past.", "retain");
	/* today itself is fine for both dates */
	struct candidate_input edge = { "A", "", "", "event", "", "", "", "", 1, TODAY, TODAY };
	ck_assert_uint_eq(candidate_validate(&edge, TODAY, e, RECRUIT_ERRORS_MAX), 0);
}
END_TEST

START_TEST(conversation_step_or_stop)
{
	struct rule_error e[RECRUIT_ERRORS_MAX];
	struct candidate_conv_input step = conv("call", "2026-11-24", "step", "Sends CV", "2026-12-01", "Sanne", NULL);
	ck_assert_uint_eq(candidate_conv_validate(&step, TODAY, e, RECRUIT_ERRORS_MAX), 0);
	/* a step without a date, without who */
	struct candidate_conv_input nodate = conv("call", "2026-11-24", "step", "Sends CV", "", "", NULL);
	size_t n = candidate_conv_validate(&nodate, TODAY, e, RECRUIT_ERRORS_MAX);
	ck_assert_uint_eq(n, 2);
	ck_str(field_of(e, n, "step_due"), "Give the date of the next step.", "no date");
	ck_str(field_of(e, n, "step_who"), "Say who does the next step: the candidate, you or a colleague.", "who");
	/* due after the conversation but before today: in the past */
	struct candidate_conv_input past = conv("call", "2026-11-20", "step", "x", "2026-11-22", "y", NULL);
	n = candidate_conv_validate(&past, TODAY, e, RECRUIT_ERRORS_MAX);
	ck_assert_uint_eq(n, 1);
	ck_str(e[0].message, "The next step cannot be due in the past.", "past");
	/* a stop needs one of the candidates' reasons; a customer reason is not one */
	struct candidate_conv_input stop = conv("video", "2026-11-25", "stop", NULL, NULL, NULL, "lost_to_competitor");
	n = candidate_conv_validate(&stop, TODAY, e, RECRUIT_ERRORS_MAX);
	ck_assert_uint_eq(n, 1);
	ck_str(e[0].field, "stop_reason", "stop");
	stop.stop_reason = "hired_elsewhere";
	ck_assert_uint_eq(candidate_conv_validate(&stop, TODAY, e, RECRUIT_ERRORS_MAX), 0);
	/* no "no commitment"; a demo is not a conversation with a candidate; no future date */
	struct candidate_conv_input none = conv("demo", "2026-11-26", "none", NULL, NULL, NULL, NULL);
	n = candidate_conv_validate(&none, TODAY, e, RECRUIT_ERRORS_MAX);
	ck_assert_uint_eq(n, 3);
	ck_assert_ptr_nonnull(field_of(e, n, "kind"));
	ck_assert_ptr_nonnull(field_of(e, n, "outcome"));
	ck_str(field_of(e, n, "date"), "The date of the conversation cannot be in the future.", "future");
}
END_TEST

START_TEST(open_step)
{
	struct rule_error e[RECRUIT_ERRORS_MAX];
	struct candidate_conv_input in = conv("call", "2026-11-25", "step", "CV", "2026-12-04", "Sanne", NULL);
	in.has_open_step = 1;
	in.open_due = "2026-11-27";
	in.open_answer = "invalid";
	size_t n = candidate_conv_validate(&in, TODAY, e, RECRUIT_ERRORS_MAX);
	ck_assert_uint_eq(n, 1);
	ck_str(e[0].field, "open_step", "unanswered form");
	in.open_answer = "slipped";
	ck_assert_uint_eq(candidate_conv_validate(&in, TODAY, e, RECRUIT_ERRORS_MAX), 0);
	ck_assert_int_eq(candidate_open_step_status(&in, 3), STEP_S_OPEN);
	/* a slip to the same date is no slip */
	in.step_due = "2026-11-27";
	n = candidate_conv_validate(&in, TODAY, e, RECRUIT_ERRORS_MAX);
	ck_assert_uint_eq(n, 1);
	ck_str(e[0].field, "step_due", "same date");
	/* a slip with a stop */
	struct candidate_conv_input st = conv("call", "2026-11-25", "stop", NULL, NULL, NULL, "timing");
	st.has_open_step = 1;
	st.open_due = "2026-11-27";
	st.open_answer = "slipped";
	n = candidate_conv_validate(&st, TODAY, e, RECRUIT_ERRORS_MAX);
	ck_assert_uint_eq(n, 1);
	ck_str(e[0].field, "open_step", "slip and stop");
	/* not answered (API): due 11-20, held 11-25, grace 3 → missed; grace 5 → kept */
	struct candidate_conv_input api = conv("call", "2026-11-25", "step", "x", "2026-12-01", "y", NULL);
	api.has_open_step = 1;
	api.open_due = "2026-11-20";
	ck_assert_uint_eq(candidate_conv_validate(&api, TODAY, e, RECRUIT_ERRORS_MAX), 0);
	ck_assert_int_eq(candidate_open_step_status(&api, 3), STEP_S_MISSED);
	ck_assert_int_eq(candidate_open_step_status(&api, 5), STEP_S_KEPT);
	api.open_answer = "kept";
	ck_assert_int_eq(candidate_open_step_status(&api, 3), STEP_S_KEPT);
}
END_TEST

START_TEST(retention)
{
	char out[11];
	recruit_retain_default("2026-11-25", out);
	ck_str(out, "2027-11-25", "a year on");
	recruit_retain_default("2027-02-28", out);
	ck_str(out, "2028-02-28", "into a leap year");
	recruit_retain_default("2028-02-29", out);
	ck_str(out, "2029-02-28", "29 February clamped");
	recruit_retain_default("2026-12-31", out);
	ck_str(out, "2027-12-31", "year end");
}
END_TEST

START_TEST(strung_along)
{
	const struct health_settings cfg = { .grace_days = 3, .max_conversations_without_progress = 3, .max_slips = 2,
					     .stale_commitment_days = 30 };
	/* nobody talked to them yet; stopped: never */
	struct candidate_signals fresh = { .created = "2025-01-01" };
	ck_assert_int_eq(candidate_health(&fresh, &cfg, TODAY).strung_along, 0);
	struct candidate_signals stopped = { .stopped = 1, .conversations = 4, .missed_steps = 2, .created = "2026-01-01" };
	ck_assert_int_eq(candidate_health(&stopped, &cfg, TODAY).strung_along, 0);
	/* a step agreed long ago for months ahead, slipped once: warm, not strung along */
	struct candidate_signals warm = { .conversations = 2, .has_open_step = 1, .next_due = "2027-03-01",
					  .next_slips = 1, .created = "2025-06-01" };
	struct health_result h = candidate_health(&warm, &cfg, TODAY);
	ck_assert_int_eq(h.strung_along, 0);
	ck_assert_uint_eq(h.reasons, HR_SLIPPED_ONCE);
	/* slipped twice: strung along (HR_SLIPPING) */
	warm.next_slips = 2;
	h = candidate_health(&warm, &cfg, TODAY);
	ck_assert_int_eq(h.strung_along, 1);
	ck_assert_uint_eq(h.reasons, HR_SLIPPING);
	/* open 4 days past its date (grace 3): missed; 3 days: overdue only */
	struct candidate_signals late = { .conversations = 1, .has_open_step = 1, .next_due = "2026-11-21",
					  .created = "2026-11-01" };
	ck_assert_int_eq(candidate_health(&late, &cfg, TODAY).strung_along, 1);
	late.next_due = "2026-11-22";
	h = candidate_health(&late, &cfg, TODAY);
	ck_assert_int_eq(h.strung_along, 0);
	ck_assert_uint_eq(h.reasons, HR_STEP_OVERDUE);
	/* talked to, no next step and not stopped */
	struct candidate_signals nostep = { .conversations = 1, .created = "2026-11-01" };
	h = candidate_health(&nostep, &cfg, TODAY);
	ck_assert_int_eq(h.strung_along, 1);
	ck_assert_uint_eq(h.reasons, HR_NO_NEXT_STEP);
}
END_TEST

START_TEST(vacancy_checks)
{
	struct rule_error e[RECRUIT_ERRORS_MAX];
	struct vacancy_input ok = { "AM North", "Groningen", "2026-11-01", "2027-02-01", NULL, 1 };
	ck_assert_uint_eq(vacancy_validate(&ok, e, RECRUIT_ERRORS_MAX), 0);
	struct vacancy_input same = { "AM", "", "2026-11-01", "2026-11-01", "filled", 1 };
	ck_assert_uint_eq(vacancy_validate(&same, e, RECRUIT_ERRORS_MAX), 0);
	struct vacancy_input bad = { " ", "", "2026-12-01", "2026-11-30", "paused", 0 };
	size_t n = vacancy_validate(&bad, e, RECRUIT_ERRORS_MAX);
	ck_assert_uint_eq(n, 4);
	ck_str(field_of(e, n, "title"), "Give the vacancy a title.", "title");
	ck_str(field_of(e, n, "team_id"), "Choose a team you manage, or no team.", "team");
	ck_str(field_of(e, n, "target_on"), "The target date cannot be before the opening date.", "dates");
	ck_assert_ptr_nonnull(field_of(e, n, "status"));
	struct vacancy_input nodate = { "AM", "", "1 Dec", "", NULL, 1 };
	n = vacancy_validate(&nodate, e, RECRUIT_ERRORS_MAX);
	ck_assert_uint_eq(n, 1);
	ck_str(e[0].field, "opens_on", "not a date");
	/* the default stages: six, hired and declined last */
	ck_assert_uint_eq(recruit_stage_default_count, 6);
	ck_str(recruit_stage_defaults[4].kind, "hired", "hired");
	ck_str(recruit_stage_defaults[5].kind, "declined", "declined");
	ck_assert_ptr_nonnull(recruit_stage_name_check("  "));
	ck_assert_ptr_null(recruit_stage_name_check("Assessment centre"));
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("recruit");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, candidate_checks);
	tcase_add_test(tc, conversation_step_or_stop);
	tcase_add_test(tc, open_step);
	tcase_add_test(tc, retention);
	tcase_add_test(tc, strung_along);
	tcase_add_test(tc, vacancy_checks);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
