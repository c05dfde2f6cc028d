/* plans: see plans.h for the rules in words. */
#include "plans.h"
#include "../lib/i18n.h"
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

const char *const goal_metric_codes[] = { "commitment_rate", "steps_kept", "attainment" };
const size_t goal_metric_count = sizeof(goal_metric_codes) / sizeof(goal_metric_codes[0]);
static const char *const goal_metric_labels[] = {
	N_("Commitment rate"), N_("Steps kept on time"), N_("Attainment"),
};

int goal_metric_valid(const char *s)
{
	if (!s || !*s)
		return s != NULL;
	for (size_t i = 0; i < goal_metric_count; i++)
		if (!strcmp(s, goal_metric_codes[i]))
			return 1;
	return 0;
}

const char *goal_metric_label(const char *code)
{
	for (size_t i = 0; code && i < goal_metric_count; i++)
		if (!strcmp(code, goal_metric_codes[i]))
			return goal_metric_labels[i];
	return code;
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
