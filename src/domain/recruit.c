/* recruit: see recruit.h. */
#include "recruit.h"
#include "validate.h"
#include "../lib/i18n.h"
#include "../lib/util.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const recruit_source_codes[] = { "referral", "event", "linkedin", "agency", "applied" };
const size_t recruit_source_count = 5;
static const char *const source_labels[] = {
	/* TRANSLATORS: where a job candidate comes from: someone recommended them */
	N_("Referral"),
	/* TRANSLATORS: where a job candidate comes from: met at an event (a fair, a conference) */
	N_("Event"), N_("LinkedIn"),
	/* TRANSLATORS: where a job candidate comes from: a recruitment agency */
	N_("Agency"),
	/* TRANSLATORS: where a job candidate comes from: they applied themselves */
	N_("Applied"),
};

const char *const recruit_conv_kind_codes[] = { "call", "meeting", "video", "visit" };
const size_t recruit_conv_kind_count = 4;

const char *const recruit_stop_codes[] = { "not_interested", "not_a_fit", "hired_elsewhere", "pay", "timing",
					   "no_reply" };
const size_t recruit_stop_count = 6;
static const char *const stop_labels[] = {
	/* TRANSLATORS: why talks with a job candidate stop */
	N_("Not interested"), N_("Not a fit for us"), N_("Took another job"), N_("Pay or terms"),
	N_("Not now: timing"), N_("No longer replies"),
};

static int index_of(const char *const *codes, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (!strcmp(codes[i], code))
			return (int)i;
	return -1;
}

const char *recruit_source_label(const char *code)
{
	int i = index_of(recruit_source_codes, recruit_source_count, code);
	return i < 0 ? code : source_labels[i];
}

int recruit_source_valid(const char *code)
{
	return index_of(recruit_source_codes, recruit_source_count, code) >= 0;
}

const char *recruit_stop_label(const char *code)
{
	int i = index_of(recruit_stop_codes, recruit_stop_count, code);
	return i < 0 ? code : stop_labels[i];
}

int recruit_stop_valid(const char *code)
{
	return index_of(recruit_stop_codes, recruit_stop_count, code) >= 0;
}

void recruit_retain_default(const char *last_contact, char out[11])
{
	int y = atoi(last_contact), m = atoi(last_contact + 5), d = atoi(last_contact + 8);
	if (m < 1 || m > 12)
		m = 1;
	if (d < 1)
		d = 1;
	m += RECRUIT_RETAIN_MONTHS;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int last = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	if (d > last)
		d = last;
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

static int blank(const char *s)
{
	if (!s)
		return 1;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return !*s;
}

/* one more fault; only the first of a field counts */
static void add(struct rule_error *errs, size_t max, size_t *n, const char *field, const char *message)
{
	for (size_t i = 0; i < *n && i < max; i++)
		if (!strcmp(errs[i].field, field))
			return;
	if (*n < max) {
		errs[*n].field = field;
		errs[*n].message = message;
		(*n)++;
	}
}

#define ADD(f, m) add(errs, max, &n, (f), (m))

size_t candidate_validate(const struct candidate_input *in, const char *today, struct rule_error *errs, size_t max)
{
	size_t n = 0;
	if (blank(in->name))
		ADD("name", N_("Enter the candidate's name."));
	else if (validate_text(in->name, CANDIDATE_TEXT_MAX))
		ADD("name", N_("The name is too long or holds characters that are not allowed."));
	if (!blank(in->email) && validate_email(in->email))
		ADD("email", N_("Enter a valid e-mail address, or leave it empty."));
	if (validate_text(in->phone, CANDIDATE_TEXT_MAX))
		ADD("phone", N_("The phone number is too long or holds characters that are not allowed."));
	if (!recruit_source_valid(in->source))
		ADD("source", N_("Choose where the candidate comes from: referral, event, LinkedIn, agency or applied."));
	if (validate_text(in->job_title, CANDIDATE_TEXT_MAX))
		ADD("job_title", N_("The current role is too long or holds characters that are not allowed."));
	if (validate_text(in->company, CANDIDATE_TEXT_MAX))
		ADD("company", N_("The company is too long or holds characters that are not allowed."));
	if (validate_text(in->tags, CANDIDATE_TAGS_MAX))
		ADD("tags", N_("The tags are too long or hold characters that are not allowed."));
	if (validate_notes(in->notes, CANDIDATE_NOTES_MAX))
		ADD("notes", N_("The notes are too long or hold characters that are not allowed."));
	if (!in->known_by_ok)
		ADD("known_by", N_("Choose an active colleague of your organisation, or nobody."));
	if (!blank(in->consent_on) && (!date_valid(in->consent_on) || strcmp(in->consent_on, today) > 0))
		ADD("consent_on", N_("Give the date the candidate consented, not in the future, or leave it empty."));
	if (!blank(in->retain_until)) {
		if (!date_valid(in->retain_until))
			ADD("retain_until", N_("Give the date until which the candidate's data is kept."));
		else if (strcmp(in->retain_until, today) < 0)
			ADD("retain_until", N_("The date until which the data is kept cannot be in the past."));
	}
	return n;
}

size_t candidate_conv_validate(const struct candidate_conv_input *in, const char *today, struct rule_error *errs,
			       size_t max)
{
	size_t n = 0;
	if (index_of(recruit_conv_kind_codes, recruit_conv_kind_count, in->kind) < 0)
		ADD("kind", N_("Choose the kind of conversation: call, meeting, video call or visit."));
	if (validate_notes(in->notes, CONV_NOTES_MAX))
		ADD("notes", N_("The notes are too long or hold characters that are not allowed."));
	enum outcome o = outcome_parse(in->outcome);
	if (o != OUTCOME_STEP && o != OUTCOME_STOP)
		ADD("outcome", N_("Choose how the conversation ended: a next step or a stop."));
	/* the customers' rules of a step or a stop: the candidate stands where
	 * the account would (so no deal or account is asked for), and a gut
	 * feeling is not asked */
	struct conversation_input ci = {
		.kind = "call", .date = in->date, .minutes = 0, .account_id = 1, .gut_feeling = 3,
		.outcome = o == OUTCOME_STEP || o == OUTCOME_STOP ? in->outcome : "none",
		.step_what = in->step_what, .step_due = in->step_due, .step_who = in->step_who,
		.stop_reason = in->stop_reason, .stop_note = in->stop_note,
	};
	struct rule_error ce[CONV_ERRORS_MAX];
	size_t nc = conversation_validate_all(&ci, today, ce, CONV_ERRORS_MAX);
	for (size_t i = 0; i < nc; i++) {
		if (o != OUTCOME_STEP && o != OUTCOME_STOP && strcmp(ce[i].field, "date"))
			continue;	/* no outcome: only the date is worth a word yet */
		if (!strcmp(ce[i].field, "step_who"))
			ADD("step_who", N_("Say who does the next step: the candidate, you or a colleague."));
		else
			ADD(ce[i].field, ce[i].message);
	}
	if (o == OUTCOME_STEP && date_valid(in->step_due) && strcmp(in->step_due, today) < 0)
		ADD("step_due", N_("The next step cannot be due in the past."));
	if (o == OUTCOME_STOP && !recruit_stop_valid(in->stop_reason))
		ADD("stop_reason", N_("Choose the reason for the stop."));
	const char *tfield = NULL;
	const char *tmsg = validate_conversation_text(NULL, in->step_what, in->step_who, in->stop_note, &tfield);
	if (tmsg && tfield)
		ADD(tfield, tmsg);
	if (in->has_open_step) {
		enum step_answer a = step_answer_parse(in->open_answer);
		struct rule_error e = { 0 };
		if (a == STEP_ANSWER_INVALID)
			ADD("open_step", N_("Say whether the open step was kept, slipped or missed."));
		else if (a == STEP_ANSWER_SLIPPED && o != OUTCOME_STEP)
			ADD("open_step", N_("A step that slipped moves to the new step's date: end the conversation in a step."));
		else if (a != STEP_ANSWER_NONE && date_valid(in->date) &&
			 step_answer_check(a, in->open_due, a == STEP_ANSWER_SLIPPED ? in->step_due : NULL, in->date,
					   today, &e))
			ADD(!strcmp(e.field, "open_step_due") ? "step_due" : "open_step", e.message);
	}
	return n;
}

enum step_status candidate_open_step_status(const struct candidate_conv_input *in, int grace_days)
{
	enum step_answer a = step_answer_parse(in->open_answer);
	return step_answer_status(a, in->open_due, in->date, grace_days, outcome_parse(in->outcome) == OUTCOME_STOP);
}

struct health_result candidate_health(const struct candidate_signals *s, const struct health_settings *cfg,
				      const char *today)
{
	if (s->stopped || s->conversations == 0)
		return (struct health_result){ HEALTH_GREEN, 0, 0 };
	struct health_settings c = *cfg;
	c.max_conversations_without_progress = INT_MAX;
	c.stale_commitment_days = INT_MAX;
	struct deal_signals d = {
		.has_open_step = s->has_open_step, .next_due = s->next_due, .next_slips = s->next_slips,
		.missed_steps = s->missed_steps, .conversations_since_progress = 0, .last_commitment = NULL,
		.created = s->created,
	};
	return deal_health(&d, &c, today);
}

/* --- vacancies --- */

const char *const vacancy_status_codes[] = { "open", "filled", "closed" };
const size_t vacancy_status_count = 3;
static const char *const vacancy_status_labels[] = {
	/* TRANSLATORS: a vacancy's status */
	N_("Open"), N_("Filled"), N_("Closed"),
};

const char *vacancy_status_label(const char *code)
{
	int i = index_of(vacancy_status_codes, vacancy_status_count, code);
	return i < 0 ? code : vacancy_status_labels[i];
}

size_t vacancy_validate(const struct vacancy_input *in, struct rule_error *errs, size_t max)
{
	size_t n = 0;
	if (blank(in->title))
		ADD("title", N_("Give the vacancy a title."));
	else if (validate_text(in->title, VACANCY_TEXT_MAX))
		ADD("title", N_("The title is too long or holds characters that are not allowed."));
	if (!in->team_ok)
		ADD("team_id", N_("Choose a team you manage, or no team."));
	if (validate_text(in->territory, VACANCY_TEXT_MAX))
		ADD("territory", N_("The territory is too long or holds characters that are not allowed."));
	int o = !blank(in->opens_on), t = !blank(in->target_on);
	if (o && !date_valid(in->opens_on))
		ADD("opens_on", N_("Give the opening date as a date, or leave it empty."));
	if (t && !date_valid(in->target_on))
		ADD("target_on", N_("Give the target date as a date, or leave it empty."));
	else if (o && t && date_valid(in->opens_on) && strcmp(in->target_on, in->opens_on) < 0)
		ADD("target_on", N_("The target date cannot be before the opening date."));
	if (in->status && *in->status && index_of(vacancy_status_codes, vacancy_status_count, in->status) < 0)
		ADD("status", N_("Choose the status: open, filled or closed."));
	return n;
}

const struct recruit_stage_default recruit_stage_defaults[] = {
	/* TRANSLATORS: a default stage of a vacancy's pipeline */
	{ N_("First talk"), "open" },
	/* TRANSLATORS: a default stage of a vacancy's pipeline */
	{ N_("Interview"), "open" },
	/* TRANSLATORS: a default stage of a vacancy's pipeline: the candidate spends a day with a rep */
	{ N_("A day riding along"), "open" },
	/* TRANSLATORS: a default stage of a vacancy's pipeline */
	{ N_("Offer"), "open" },
	/* TRANSLATORS: a default stage of a vacancy's pipeline */
	{ N_("Hired"), "hired" },
	/* TRANSLATORS: a default stage of a vacancy's pipeline */
	{ N_("Declined"), "declined" },
};
const size_t recruit_stage_default_count = sizeof(recruit_stage_defaults) / sizeof(recruit_stage_defaults[0]);

const char *recruit_stage_name_check(const char *name)
{
	if (blank(name))
		return N_("Give the stage a name.");
	if (validate_text(name, RECRUIT_STAGE_NAME_MAX))
		return N_("The stage's name is too long (at most 80 characters) or holds characters that are not allowed.");
	return NULL;
}
