/* commitment: see commitment.h. */
#include "commitment.h"
#include "reasons.h"
#include "../lib/i18n.h"
#include "../lib/util.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *const outcome_codes[] = { "step", "stop", "none" };
const char *const conv_kind_codes[] = { "call", "meeting", "video", "visit", "demo" };
const size_t outcome_count = 3, conv_kind_count = 5;

static const char *const outcome_labels[] = { N_("Step"), N_("Stop"), N_("No commitment") };
static const char *const conv_kind_labels[] = { N_("Call"), N_("Meeting"), N_("Video call"), N_("Visit"), N_("Demo") };

static int index_of(const char *const *codes, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (!strcmp(codes[i], code))
			return (int)i;
	return -1;
}

#define LABEL_FN(fn, codes, labels, n) \
	const char *fn(const char *code) \
	{ \
		int i = index_of(codes, n, code); \
		return i < 0 ? code : labels[i]; \
	}
LABEL_FN(outcome_label, outcome_codes, outcome_labels, outcome_count)
LABEL_FN(conv_kind_label, conv_kind_codes, conv_kind_labels, conv_kind_count)

enum outcome outcome_parse(const char *code)
{
	int i = index_of(outcome_codes, outcome_count, code);
	return i < 0 ? OUTCOME_INVALID : (enum outcome)(i + 1);
}

enum conv_kind conv_kind_parse(const char *code)
{
	int i = index_of(conv_kind_codes, conv_kind_count, code);
	return i < 0 ? CONV_INVALID : (enum conv_kind)(i + 1);
}

int stop_action_valid(const char *code)
{
	return code && (!strcmp(code, "lost") || !strcmp(code, "paused"));
}

static int blank(const char *s)
{
	if (!s)
		return 1;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return !*s;
}

#define FAIL(f, m) do { err->field = (f); err->message = (m); return -1; } while (0)
/* one more fault; only the first of a field counts (its message is the one
 * shown under it) */
#define ADD(f, m) add_error(errs, max, &n, (f), (m))

static void add_error(struct rule_error *errs, size_t max, size_t *n, const char *field, const char *message)
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

size_t conversation_validate_all(const struct conversation_input *in, const char *today, struct rule_error *errs,
				 size_t max)
{
	size_t n = 0;
	if (conv_kind_parse(in->kind) == CONV_INVALID)
		ADD("kind", N_("Choose the kind of conversation: call, meeting, video call, visit or demo."));
	int date_ok = date_valid(in->date);
	if (!date_ok)
		ADD("date", N_("Enter the date of the conversation."));
	else if (today && strcmp(in->date, today) > 0)
		ADD("date", N_("The date of the conversation cannot be in the future."));
	if (in->minutes < 0 || in->minutes > 24 * 60)
		ADD("minutes", N_("The duration must be between 0 and 1440 minutes."));
	if (!in->deal_id && !in->account_id)
		ADD("deal_id", N_("Choose the deal or the account the conversation was about."));
	if (in->gut_feeling < 1 || in->gut_feeling > 5)
		ADD("gut_feeling", N_("Give your gut feeling from 1 to 5."));
	int has_step = !blank(in->step_what) || !blank(in->step_due) || !blank(in->step_who);
	int has_stop = !blank(in->stop_reason) || !blank(in->stop_action);
	switch (outcome_parse(in->outcome)) {
	case OUTCOME_STEP:
		if (has_stop)
			ADD("stop_reason", N_("A conversation that ends in a step has no stop reason."));
		if (blank(in->step_what))
			ADD("step_what", N_("Say what the next step is."));
		if (!date_valid(in->step_due))
			ADD("step_due", N_("Give the date of the next step."));
		else if (date_ok && strcmp(in->step_due, in->date) < 0)
			ADD("step_due", N_("The next step cannot be due before the conversation."));
		if (blank(in->step_who))
			ADD("step_who", N_("Say who on the customer's side committed to the step."));
		break;
	case OUTCOME_STOP:
		if (has_step)
			ADD("step_what", N_("A conversation that ends in a stop has no next step."));
		/* which codes the organisation offers is its list's to say
		 * (store/conversations.c asks store/reasons.c) */
		if (blank(in->stop_reason) || !reason_code_valid(in->stop_reason))
			ADD("stop_reason", N_("Choose the reason for the stop."));
		if (in->deal_id && !stop_action_valid(in->stop_action))
			ADD("stop_action", N_("Choose whether the deal is lost or paused."));
		break;
	case OUTCOME_NONE:
		if (has_step)
			ADD("step_what", N_("Without commitment there is no next step. Choose Step if the customer committed to one."));
		if (has_stop)
			ADD("stop_reason", N_("Without commitment there is no stop reason. Choose Stop if the deal ends here."));
		break;
	default:
		ADD("outcome", N_("Choose how the conversation ended: step, stop or no commitment."));
	}
	return n;
}

int conversation_validate(const struct conversation_input *in, const char *today, struct rule_error *err)
{
	struct rule_error errs[CONV_ERRORS_MAX];
	err->field = err->message = NULL;
	if (!conversation_validate_all(in, today, errs, CONV_ERRORS_MAX))
		return 0;
	*err = errs[0];
	return -1;
}

/* --- the open step, answered when logging --- */

enum step_answer step_answer_parse(const char *code)
{
	static const char *const codes[] = { "kept", "slipped", "missed", "open" };
	if (!code || !*code)
		return STEP_ANSWER_NONE;
	int i = index_of(codes, 4, code);
	return i < 0 ? STEP_ANSWER_INVALID : (enum step_answer)(i + 1);
}

int step_answer_check(enum step_answer a, const char *due, const char *new_due, const char *held_on,
		      const char *today, struct rule_error *err)
{
	err->field = err->message = NULL;
	switch (a) {
	case STEP_ANSWER_INVALID:
		FAIL("open_step", N_("Say whether the open step was kept, slipped to a new date or missed."));
	case STEP_ANSWER_SLIPPED: {
		struct step s = { STEP_S_OPEN, due, due, NULL, 0 };
		if (step_slip_check(&s, new_due, today, err)) {
			err->field = "open_step_due";
			return -1;
		}
		return 0;
	}
	case STEP_ANSWER_OPEN:
		if (date_valid(held_on) && days_between(due, held_on) >= 0)
			FAIL("open_step", N_("The step was due by the day of the conversation: say whether it was kept, "
					     "slipped or missed."));
		return 0;
	default:
		return 0;
	}
}

enum step_status step_answer_status(enum step_answer a, const char *due, const char *held_on, int grace_days,
				    int is_stop)
{
	switch (a) {
	case STEP_ANSWER_KEPT: return STEP_S_KEPT;
	case STEP_ANSWER_MISSED: return STEP_S_MISSED;
	case STEP_ANSWER_SLIPPED:
	case STEP_ANSWER_OPEN: return STEP_S_OPEN;
	default:
		/* no answer: a step due by the day of the conversation closes
		 * as kept within the grace period, else missed; one not yet due
		 * stays open (a call before its date is not the step itself),
		 * unless the conversation is a stop, which ends the deal's story */
		if (days_between(due, held_on) >= 0 || is_stop)
			return step_close_status(due, held_on, grace_days);
		return STEP_S_OPEN;
	}
}

/* --- dates --- */

static time_t day_epoch(const char *d)
{
	struct tm tm = { 0 };
	tm.tm_year = atoi(d) - 1900;
	tm.tm_mon = atoi(d + 5) - 1;
	tm.tm_mday = atoi(d + 8);
	tm.tm_hour = 12;
	return timegm(&tm);
}

int days_between(const char *a, const char *b)
{
	if (!date_valid(a) || !date_valid(b))
		return 0;
	return (int)((day_epoch(b) - day_epoch(a)) / 86400);
}

void date_add_days(const char *date, int n, char out[11])
{
	time_t t = day_epoch(date) + (time_t)n * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* --- steps --- */

enum step_state step_state(const struct step *s, const char *today, int grace_days)
{
	switch (s->status) {
	case STEP_S_KEPT: return STEP_KEPT;
	case STEP_S_MISSED: return STEP_MISSED;
	case STEP_S_CANCELLED: return STEP_CANCELLED;
	default: break;
	}
	int late = days_between(s->due, today);	/* > 0: past due */
	if (late < 0)
		return STEP_UPCOMING;
	if (late == 0)
		return STEP_DUE_TODAY;
	return late > grace_days ? STEP_MISSED : STEP_OVERDUE;
}

int step_slip_check(const struct step *s, const char *new_due, const char *today, struct rule_error *err)
{
	err->field = err->message = NULL;
	if (s->status != STEP_S_OPEN)
		FAIL("due", N_("Only an open step can be moved."));
	if (!date_valid(new_due))
		FAIL("due", N_("Give the new date of the step."));
	if (strcmp(new_due, today) < 0)
		FAIL("due", N_("The new date cannot be in the past."));
	if (!strcmp(new_due, s->due))
		FAIL("due", N_("The new date is the same as the old one."));
	return 0;
}

int step_kept_on_time(const struct step *s)
{
	const char *agreed = s->original_due && *s->original_due ? s->original_due : s->due;
	return s->status == STEP_S_KEPT && s->done_on && strcmp(s->done_on, agreed) <= 0;
}

enum step_status step_close_status(const char *due, const char *held_on, int grace_days)
{
	return days_between(due, held_on) > grace_days ? STEP_S_MISSED : STEP_S_KEPT;
}

/* --- health --- */

const struct health_settings health_defaults = {
	.grace_days = 3,
	.max_conversations_without_progress = 3,
	.max_slips = 2,
	.stale_commitment_days = 30,
};

struct health_result deal_health(const struct deal_signals *s, const struct health_settings *cfg,
				 const char *today)
{
	struct health_result r = { HEALTH_GREEN, 0, 0 };
	if (!s->has_open_step) {
		/* a deal created in the last few days has not had its first
		 * conversation yet; it is not strung along for that */
		if (!s->created || !*s->created || days_between(s->created, today) > cfg->grace_days)
			r.reasons |= HR_NO_NEXT_STEP;
	} else {
		int late = days_between(s->next_due, today);
		if (late > cfg->grace_days)
			r.reasons |= HR_STEP_MISSED;
		else if (late > 0)
			r.reasons |= HR_STEP_OVERDUE;
		if (s->next_slips >= cfg->max_slips)
			r.reasons |= HR_SLIPPING;
		else if (s->next_slips > 0)
			r.reasons |= HR_SLIPPED_ONCE;
	}
	if (s->missed_steps > 0)
		r.reasons |= HR_STEP_MISSED;
	if (s->conversations_since_progress >= cfg->max_conversations_without_progress)
		r.reasons |= HR_NO_PROGRESS;
	else if (cfg->max_conversations_without_progress > 1 &&
		 s->conversations_since_progress == cfg->max_conversations_without_progress - 1)
		r.reasons |= HR_PROGRESS_STALLING;
	const char *since = s->last_commitment && *s->last_commitment ? s->last_commitment : s->created;
	if (since && *since && days_between(since, today) > cfg->stale_commitment_days)
		r.reasons |= HR_STALE_COMMITMENT;
	r.strung_along = (r.reasons & HR_STRUNG_ALONG) != 0;
	if (r.strung_along)
		r.health = HEALTH_RED;
	else if (r.reasons)
		r.health = HEALTH_AMBER;
	return r;
}

const char *health_code(enum health h)
{
	return h == HEALTH_RED ? "red" : h == HEALTH_AMBER ? "amber" : "green";
}

const char *health_reason_text(unsigned bit)
{
	switch (bit) {
	case HR_NO_NEXT_STEP: return N_("No dated next step.");
	case HR_STEP_OVERDUE: return N_("The next step is overdue.");
	case HR_STEP_MISSED: return N_("A next step was missed.");
	case HR_SLIPPING: return N_("The next step keeps slipping.");
	case HR_NO_PROGRESS: return N_("Several conversations without progress to a next stage.");
	case HR_STALE_COMMITMENT: return N_("The last commitment is old.");
	case HR_SLIPPED_ONCE: return N_("The next step was moved once.");
	case HR_PROGRESS_STALLING: return N_("Progress is stalling: after one more conversation without reaching a next stage, the deal counts as strung along.");
	default: return "";
	}
}

const char *health_reason_code(unsigned bit)
{
	switch (bit) {
	case HR_NO_NEXT_STEP: return "no_next_step";
	case HR_STEP_OVERDUE: return "step_overdue";
	case HR_STEP_MISSED: return "step_missed";
	case HR_SLIPPING: return "slipping";
	case HR_NO_PROGRESS: return "no_progress";
	case HR_STALE_COMMITMENT: return "stale_commitment";
	case HR_SLIPPED_ONCE: return "slipped_once";
	case HR_PROGRESS_STALLING: return "progress_stalling";
	default: return "";
	}
}

/* --- figures --- */

double ratio(int64_t num, int64_t den)
{
	return den > 0 ? (double)num / (double)den : NAN;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

double median(double *v, size_t n)
{
	if (!n)
		return NAN;
	/* the organisation's gaps come in order (store/figures.c): a pass
	 * spares sorting hundreds of thousands again */
	size_t i = 1;
	while (i < n && v[i - 1] <= v[i])
		i++;
	if (i < n)
		qsort(v, n, sizeof(double), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

void commitment_figures_compute(const struct commitment_counts *c, double *gaps, size_t ngaps,
				struct commitment_figures *out)
{
	out->commitment_rate = ratio(c->steps + c->stops, c->conversations);
	out->stop_rate = ratio(c->stops, c->conversations);
	out->none_rate = ratio(c->nones, c->conversations);
	out->follow_through = ratio(c->steps_kept_on_time, c->steps_due);
	out->median_days_between_steps = median(gaps, ngaps);
	out->win_unbroken = ratio(c->unbroken_won, c->unbroken_won + c->unbroken_lost);
	out->win_broken = ratio(c->broken_won, c->broken_won + c->broken_lost);
	out->hours_on_lost = (double)c->minutes_on_lost / 60.0;
	for (int i = 0; i < 5; i++)
		out->gut_win[i] = ratio(c->gut_won[i], c->gut_closed[i]);
	for (int i = 0; i < 4; i++)
		out->outcome_win[i] = ratio(c->outcome_won[i], c->outcome_closed[i]);
}
