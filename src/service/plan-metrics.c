/* plan-metrics: see plan-metrics.h. */
#include "plan-metrics.h"
#include "../store/figures.h"
#include "../store/numbers.h"
#include "../store/learning-index.h"
#include "../domain/plans.h"
#include "../domain/commitment.h"
#include "../domain/period.h"
#include <math.h>
#include <string.h>

/* commitment_rate or steps_kept of the rep over from..to */
static enum err commitment_metric(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
				  const char *metric, const char *from, const char *to, const char *today, double *out)
{
	struct figures_scope s = { rep_id, 0, 0 };
	struct commitment_counts cc;
	double *gaps;
	size_t ngaps;
	enum err e = figures_commitment(c, a, org_id, &s, from, to, today, &cc, &gaps, &ngaps);
	if (e)
		return e;
	struct commitment_figures f;
	commitment_figures_compute(&cc, gaps, ngaps, &f);
	*out = !strcmp(metric, "commitment_rate") ? f.commitment_rate : f.follow_through;
	return E_OK;
}

/* the rep's attainment in p */
static enum err attainment_metric(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
				  const struct period *p, double *out)
{
	struct numbers_settings ns;
	settings_numbers(c, a, org_id, &ns);
	struct numbers_scope s = { rep_id, 0, 0 };
	struct numbers_grid g;
	enum err e = numbers_grid_load(c, a, org_id, &s, p, 1, ns.source, &g);
	if (e)
		return e;
	*out = NAN;
	for (size_t i = 0; i < g.nreps; i++)
		if (g.reps[i].user_id == rep_id && g.has_target[i] && g.target_minor[i] > 0)
			*out = (double)g.result_minor[i] / (double)g.target_minor[i];
	return E_OK;
}

/* the period attainment is counted over: see plan-metrics.h */
static void attainment_period(int fiscal_start_month, const char *start, const char *end, const char *last,
			      struct period *p)
{
	if (period_from_bounds(start, end, fiscal_start_month, p))
		period_containing(PERIOD_QUARTER, last, fiscal_start_month, p);
}

static int known(const char *metric)
{
	return metric && (!strcmp(metric, "commitment_rate") || !strcmp(metric, "steps_kept") ||
			  !strcmp(metric, "attainment") || (goal_metric_counts(metric) && goal_metric_valid(metric)));
}

enum err plan_metric_current(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *metric,
			     const char *period_start, const char *period_end, const char *today, double *out)
{
	return plan_metric_current_on(c, a, org_id, rep_id, metric, 0, period_start, period_end, today, out);
}

enum err plan_metric_current_on(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *metric,
				int64_t trait_id, const char *period_start, const char *period_end, const char *today,
				double *out)
{
	*out = NAN;
	if (!known(metric))
		return E_INVALID;
	if (goal_metric_counts(metric)) {
		if (strcmp(today, period_start) < 0)
			return E_OK;	/* the plan has not begun: no figure yet */
		long n, minutes;
		enum err e = learning_goal_sums(c, org_id, rep_id, period_start, strcmp(today, period_end) < 0 ? today : period_end,
						goal_metric_kind(metric), trait_id, &n, &minutes);
		if (!e)
			*out = goal_metric_is(metric, "learning_hours") ? (double)minutes / 60.0 : (double)n;
		return e;
	}
	if (!strcmp(metric, "attainment")) {
		struct numbers_settings ns;
		settings_numbers(c, a, org_id, &ns);
		struct period p;
		attainment_period(ns.fiscal_start_month, period_start, period_end,
				  strcmp(today, period_end) < 0 ? today : period_end, &p);
		return attainment_metric(c, a, org_id, rep_id, &p, out);
	}
	if (strcmp(today, period_start) < 0)
		return E_OK;	/* the plan has not begun: no figure yet */
	const char *to = strcmp(today, period_end) < 0 ? today : period_end;
	return commitment_metric(c, a, org_id, rep_id, metric, period_start, to, today, out);
}

enum err plan_metric_baseline(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *metric,
			      const char *period_start, const char *period_end, const char *today, double *out)
{
	*out = NAN;
	if (!known(metric))
		return E_INVALID;
	if (goal_metric_counts(metric)) {
		*out = 0;	/* a count of the plan's period starts at nothing */
		return E_OK;
	}
	if (!strcmp(metric, "attainment")) {
		struct numbers_settings ns;
		settings_numbers(c, a, org_id, &ns);
		struct period p, before;
		attainment_period(ns.fiscal_start_month, period_start, period_end, today, &p);
		period_prev(&p, ns.fiscal_start_month, &before);
		return attainment_metric(c, a, org_id, rep_id, &before, out);
	}
	char from[11];
	day_add(today, -89, from);
	return commitment_metric(c, a, org_id, rep_id, metric, from, today, today, out);
}
