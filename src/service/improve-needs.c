/* improve-needs: see improve-needs.h. */
#include "improve-needs.h"
#include "../store/improve.h"
#include "../store/numbers.h"
#include "../domain/tiers.h"
#include "../domain/tiers-grid.h"
#include "../lib/util.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* quarters looked back for a run */
#define RUN_MAX 8
#define PLANS_MAX 500

enum err improve_underperformers(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
				 const char *today, struct improve_under **out, size_t *n, struct period *period)
{
	*out = NULL;
	*n = 0;
	struct numbers_settings s;
	settings_numbers(c, a, org_id, &s);
	struct tier_rules rules = s.rules;
	if (rules.under_periods < 1 || rules.under_periods > 12)
		rules.under_periods = rules.under_periods < 1 ? 1 : 12;
	struct period now, last;
	period_containing(PERIOD_QUARTER, today, s.fiscal_start_month, &now);
	period_prev(&now, s.fiscal_start_month, &last);
	if (period)
		*period = last;
	size_t nhist = RUN_MAX + (size_t)rules.under_periods;
	struct period *periods = arena_alloc(a, nhist * sizeof(*periods));
	period_history(&last, s.fiscal_start_month, nhist, periods);
	struct numbers_scope sc = { 0, 0, manager_id };
	struct numbers_grid g;
	enum err e = numbers_grid_load(c, a, org_id, &sc, periods, nhist, s.source, &g);
	if (e)
		return e;
	size_t cells = g.nreps * nhist + 1;
	enum tier *tier = arena_alloc(a, cells * sizeof(*tier));
	double *att = arena_alloc(a, cells * sizeof(double));
	struct tiers_grid_input in = { g.nreps, nhist, g.has_target, g.target_minor, g.result_minor, g.team_id };
	tiers_grid_compute(&rules, &in, tier, NULL, att);
	*out = arena_alloc(a, (g.nreps + 1) * sizeof(**out));
	for (size_t i = 0; i < g.nreps; i++) {
		size_t lastc = i * nhist + nhist - 1;
		if (tier[lastc] != TIER_UNDER)
			continue;
		int run = 0;
		for (size_t k = nhist; k-- > 0 && run < RUN_MAX;) {
			double x = att[i * nhist + k];
			if (!isfinite(x) || x >= rules.under_pct / 100.0 - 1e-9)
				break;
			run++;
		}
		struct improve_under *u = &(*out)[(*n)++];
		u->rep_id = g.reps[i].user_id;
		u->team_id = g.reps[i].team_id;
		u->rep_name = g.reps[i].name;
		u->team_name = g.reps[i].team_name ? g.reps[i].team_name : "";
		u->run = run;
		snprintf(u->period_label, sizeof(u->period_label), "%s", last.label);
		u->attainment = att[lastc];
	}
	return E_OK;
}

unsigned improve_plan_warnings(const struct improve_plan *p, int run, const char *today, int fiscal_start_month,
			       struct improve_warning_days *days)
{
	struct improve_facts f = { p->status, p->flagged_on, p->plan_end,
				   *p->first_open_review ? p->first_open_review : NULL, run };
	return improve_warnings(&f, today, PERIOD_QUARTER, fiscal_start_month, days);
}

static int need_cmp(const void *pa, const void *pb)
{
	const struct improve_need *a = pa, *b = pb;
	if (a->urgency != b->urgency)
		return b->urgency - a->urgency;
	int c = strcmp(a->since, b->since);
	return c ? c : strcmp(a->rep_name, b->rep_name);
}

static void need(struct improve_need *x, const char *kind, const struct improve_plan *p, int64_t rep_id,
		 const char *rep_name, const char *since, struct arena *a)
{
	x->kind = kind;
	x->rep_id = rep_id;
	x->plan_id = p ? p->id : 0;
	x->rep_name = rep_name;
	snprintf(x->since, sizeof(x->since), "%s", since);
	x->link = p ? arena_printf(a, "/improvement-plans/%lld", (long long)p->id)
		    : arena_printf(a, "/improvement-plans/new?rep=%lld", (long long)rep_id);
	x->urgency = !strcmp(kind, "no_decision") ? 3 : !strcmp(kind, "review") ? 2 : 1;
}

enum err improve_needs(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id, const char *today,
		       size_t limit, struct improve_need **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct improve_under *under;
	size_t nunder;
	struct period last;
	enum err e = improve_underperformers(c, a, org_id, manager_id, today, &under, &nunder, &last);
	if (e)
		return e;
	struct improve_scope s = { 0, manager_id, 0, NULL };
	struct improve_plan *plans;
	size_t nplans;
	int64_t total;
	if ((e = improve_list(c, a, org_id, &s, PLANS_MAX, 0, &plans, &nplans, &total)))
		return e;
	struct numbers_settings ns;
	settings_numbers(c, a, org_id, &ns);
	struct improve_need *items = arena_alloc(a, (3 * nplans + nunder + 1) * sizeof(*items));
	size_t k = 0;
	for (size_t i = 0; i < nplans; i++) {
		const struct improve_plan *p = &plans[i];
		if (!strcmp(p->status, "closed"))
			continue;
		int run = 0;
		for (size_t j = 0; j < nunder; j++)
			if (under[j].rep_id == p->rep_id)
				run = under[j].run;
		struct improve_warning_days d;
		unsigned w = improve_plan_warnings(p, run, today, ns.fiscal_start_month, &d);
		if (w & IW_NO_DECISION)
			need(&items[k++], "no_decision", p, p->rep_id, p->rep_name, d.no_decision, a);
		if (w & IW_REVIEW)
			need(&items[k++], "review", p, p->rep_id, p->rep_name, d.review, a);
		if (w & IW_NO_PLAN)
			need(&items[k++], "no_plan", p, p->rep_id, p->rep_name, d.no_plan, a);
	}
	/* underperformers by the tiers for two quarters or more, with no plan
	 * running and none decided since the run began */
	for (size_t j = 0; j < nunder; j++) {
		if (under[j].run < 2)
			continue;
		struct period first = last;
		for (int r = 1; r < under[j].run; r++) {
			struct period prev;
			period_prev(&first, ns.fiscal_start_month, &prev);
			first = prev;
		}
		int covered = 0;
		for (size_t i = 0; i < nplans && !covered; i++)
			covered = plans[i].rep_id == under[j].rep_id &&
				  (strcmp(plans[i].status, "closed") || strcmp(plans[i].decided_on, first.start) >= 0);
		if (covered)
			continue;
		char since[11];
		day_add(last.end, 1, since);
		need(&items[k++], "no_decision", NULL, under[j].rep_id, under[j].rep_name, since, a);
	}
	qsort(items, k, sizeof(*items), need_cmp);
	*out = items;
	*n = k < limit ? k : limit;
	return E_OK;
}
