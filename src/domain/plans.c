/* plans: see plans.h for the rules in words. */
#include "plans.h"
#include "learning.h"
#include "../lib/i18n.h"
#include "../lib/util.h"
#include "validate.h"
#include <math.h>
#include <string.h>

enum goal_kind goal_kind_parse(const char *s)
{
	if (!s)
		return GOAL_INVALID;
	if (!strcmp(s, "achievement"))
		return GOAL_ACHIEVEMENT;
	if (!strcmp(s, "result"))
		return GOAL_RESULT;
	return GOAL_INVALID;
}

const char *goal_kind_code(enum goal_kind k)
{
	return k == GOAL_ACHIEVEMENT ? "achievement" : k == GOAL_RESULT ? "result" : "";
}

const char *const goal_metric_codes[] = { "commitment_rate", "steps_kept", "attainment", "learning_activities",
					  "learning_hours" };
const size_t goal_metric_count = sizeof(goal_metric_codes) / sizeof(goal_metric_codes[0]);
static const char *const goal_metric_labels[] = {
	N_("Commitment rate"), N_("Steps kept on time"), N_("Attainment"), N_("Learning activities done"),
	N_("Learning hours"),
};

/* the length of the metric's code before a ":kind" */
static size_t base_len(const char *s)
{
	const char *colon = strchr(s, ':');
	return colon ? (size_t)(colon - s) : strlen(s);
}

int goal_metric_is(const char *code, const char *base)
{
	return code && base && base_len(code) == strlen(base) && !strncmp(code, base, strlen(base));
}

int goal_metric_counts(const char *code)
{
	return goal_metric_is(code, "learning_activities") || goal_metric_is(code, "learning_hours");
}

const char *goal_metric_kind(const char *code)
{
	const char *colon = code ? strchr(code, ':') : NULL;
	return colon ? colon + 1 : NULL;
}

int goal_metric_valid(const char *s)
{
	if (!s || !*s)
		return s != NULL;
	const char *kind = goal_metric_kind(s);
	if (kind && (!goal_metric_counts(s) || !learning_kind_valid(kind)))
		return 0;
	for (size_t i = 0; i < goal_metric_count; i++)
		if (goal_metric_is(s, goal_metric_codes[i]))
			return 1;
	return 0;
}

const char *goal_metric_label(const char *code)
{
	for (size_t i = 0; code && i < goal_metric_count; i++)
		if (goal_metric_is(code, goal_metric_codes[i]))
			return goal_metric_labels[i];
	return code;
}

const char *goal_target_check(const char *metric, double v)
{
	if (goal_metric_counts(metric))
		return isnan(v) || v <= 0 || v > 10000 ? N_("Enter the target as a number from 1 to 10000: activities, or hours.")
						       : NULL;
	return isnan(v) || v < 0 || v > 10 ? N_("Enter the target as a percentage between 0 and 1000.") : NULL;
}

int goal_status_valid(const char *s)
{
	return s && (!strcmp(s, "open") || !strcmp(s, "done") || !strcmp(s, "dropped"));
}

const char *const recognition_kind_codes[] = { "effort", "improvement", "progress", "win" };
const size_t recognition_kind_count = sizeof(recognition_kind_codes) / sizeof(recognition_kind_codes[0]);
static const char *const recognition_kind_labels[] = {
	N_("Effort"), N_("Improvement"), N_("Progress"), N_("Win"),
};

int recognition_kind_valid(const char *s)
{
	for (size_t i = 0; s && i < recognition_kind_count; i++)
		if (!strcmp(s, recognition_kind_codes[i]))
			return 1;
	return 0;
}

const char *recognition_kind_label(const char *code)
{
	for (size_t i = 0; code && i < recognition_kind_count; i++)
		if (!strcmp(code, recognition_kind_codes[i]))
			return recognition_kind_labels[i];
	return code;
}

void plan_balance_compute(const enum goal_kind *kinds, size_t n, struct plan_balance *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < n; i++) {
		if (kinds[i] == GOAL_ACHIEVEMENT)
			out->achievement++;
		else if (kinds[i] == GOAL_RESULT)
			out->result++;
	}
	size_t all = out->achievement + out->result;
	out->achievement_share = all ? (double)out->achievement / (double)all : NAN;
	out->result_only = out->result > 0 && out->achievement == 0;
}

double goal_progress(double baseline, double target, double current)
{
	if (isnan(baseline) || isnan(target) || isnan(current) || target == baseline)
		return NAN;
	double p = (current - baseline) / (target - baseline);
	return p < 0 ? 0 : p > 1 ? 1 : p;
}

int plan_periods_overlap(const char *a_start, const char *a_end, const char *c_start, const char *c_end)
{
	/* ISO days compare as text */
	return strcmp(a_start, c_end) <= 0 && strcmp(c_start, a_end) <= 0;
}

static size_t add(struct plan_field_error *errs, size_t n, const char *field, const char *message)
{
	if (n < PLAN_ERRORS_MAX)
		errs[n++] = (struct plan_field_error){ field, message };
	return n;
}

/* a required one-line text of at most max bytes: NULL when fine */
static const char *required_text(const char *s, size_t max)
{
	if (!s || !*s)
		return N_("This field is required.");
	return validate_text(s, max);
}

size_t plan_input_check(const struct plan_input *in, struct plan_field_error *errs)
{
	size_t n = 0;
	const char *m;
	if (in->title && (m = validate_text(in->title, PLAN_TITLE_MAX)))
		n = add(errs, n, "title", m);
	int s_ok = in->period_start && date_valid(in->period_start);
	int e_ok = in->period_end && date_valid(in->period_end);
	if (!s_ok)
		n = add(errs, n, "period_start", N_("Enter the first day of the plan as a date."));
	if (!e_ok)
		n = add(errs, n, "period_end", N_("Enter the last day of the plan as a date."));
	if (s_ok && e_ok && strcmp(in->period_start, in->period_end) > 0)
		n = add(errs, n, "period_end", N_("The plan cannot end before it begins."));
	return n;
}

size_t goal_input_check(const struct goal_input *in, struct plan_field_error *errs)
{
	size_t n = 0;
	const char *m;
	if (!in->kind || !*in->kind)
		n = add(errs, n, "kind", N_("Choose the kind of goal: achievement (a skill or a process) or result."));
	else if (goal_kind_parse(in->kind) == GOAL_INVALID)
		n = add(errs, n, "kind", N_("A goal is an achievement goal or a result goal."));
	if ((m = required_text(in->title, PLAN_TEXT_MAX)))
		n = add(errs, n, "title", m);
	if (!goal_metric_valid(in->metric ? in->metric : ""))
		n = add(errs, n, "metric", N_("Choose a figure from the list, or none."));
	else if (in->metric && *in->metric && !in->has_target)
		n = add(errs, n, "target", N_("A goal that tracks a figure needs a target for it."));
	const char *tm;
	if (in->has_target && (tm = goal_target_check(in->metric, in->target)))
		n = add(errs, n, "target", tm);
	if (in->has_baseline && goal_metric_counts(in->metric)) {
		if (isnan(in->baseline) || in->baseline < 0 || in->baseline > 10000)
			n = add(errs, n, "baseline", N_("Enter the starting point as a number from 0 to 10000."));
	} else if (in->has_baseline && (isnan(in->baseline) || in->baseline < 0 || in->baseline > 10))
		n = add(errs, n, "baseline", N_("Enter the starting point as a percentage between 0 and 1000."));
	if ((in->has_target || in->has_baseline) && !(in->metric && *in->metric))
		n = add(errs, n, "metric", N_("A target needs a figure to track."));
	return n;
}

size_t action_input_check(const struct action_input *in, struct plan_field_error *errs)
{
	size_t n = 0;
	const char *m;
	if ((m = required_text(in->what, PLAN_TEXT_MAX)))
		n = add(errs, n, "what", m);
	if (in->due && *in->due && !date_valid(in->due))
		n = add(errs, n, "due", N_("Enter the due date as a date, or leave it empty."));
	return n;
}

size_t checkin_input_check(const struct checkin_input *in, struct plan_field_error *errs)
{
	size_t n = 0;
	const char *m;
	if (!in->on_date || !date_valid(in->on_date))
		n = add(errs, n, "on_date", N_("Enter the day of the check-in as a date."));
	if (!in->note || !*in->note)
		n = add(errs, n, "note", N_("Write what was discussed."));
	else if ((m = validate_notes(in->note, PLAN_NOTE_MAX)))
		n = add(errs, n, "note", m);
	return n;
}

size_t recognition_input_check(const struct recognition_input *in, struct plan_field_error *errs)
{
	size_t n = 0;
	const char *m;
	if (!recognition_kind_valid(in->kind))
		n = add(errs, n, "kind", N_("Choose what you recognise: effort, improvement, progress or a win."));
	if (!in->note || !*in->note)
		n = add(errs, n, "note", N_("Say what you saw: a recognition names the behaviour."));
	else if ((m = validate_notes(in->note, PLAN_NOTE_MAX)))
		n = add(errs, n, "note", m);
	return n;
}
