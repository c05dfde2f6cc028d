/* webhook-tiers: see webhook-tiers.h. */
#include "webhook-tiers.h"
#include "../store/webhooks.h"
#include "../store/numbers.h"
#include "../domain/tiers-grid.h"
#include "../domain/period.h"
#include "../lib/arena.h"
#include <stdio.h>

static enum err sweep_org(struct db_conn *c, int64_t org_id, const char *today)
{
	struct arena *a = arena_new();
	struct numbers_settings s;
	settings_numbers(c, a, org_id, &s);
	struct tier_rules rules = s.rules;
	if (rules.under_periods < 1)
		rules.under_periods = 1;
	if (rules.under_periods > 12)
		rules.under_periods = 12;
	/* this quarter and the one before, each with the history its rule needs */
	size_t nhist = 1 + (size_t)rules.under_periods;
	struct period p, *periods = arena_alloc(a, nhist * sizeof(*periods));
	period_containing(PERIOD_QUARTER, today, s.fiscal_start_month, &p);
	period_history(&p, s.fiscal_start_month, nhist, periods);
	struct numbers_scope sc = { 0, 0, 0 };
	struct numbers_grid g;
	enum err e = numbers_grid_load(c, a, org_id, &sc, periods, nhist, s.source, &g);
	if (e) {
		arena_free(a);
		return e;
	}
	enum tier *tier = arena_alloc(a, (g.nreps * nhist + 1) * sizeof(*tier));
	struct tiers_grid_input in = { g.nreps, nhist, g.has_target, g.target_minor, g.result_minor, g.team_id };
	tiers_grid_compute(&rules, &in, tier, NULL, NULL);
	for (size_t i = 0; !e && i < g.nreps; i++) {
		enum tier before = tier[i * nhist + nhist - 2], now = tier[i * nhist + nhist - 1];
		if (before == now)
			continue;
		char dedupe[64];
		snprintf(dedupe, sizeof(dedupe), "tier.changed:%lld:%s:%s", (long long)g.reps[i].user_id, p.label,
			 tier_code(now));
		json_t *data = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "rep_id", (json_int_t)g.reps[i].user_id,
					 "rep_name", g.reps[i].name, "period", p.label, "previous_period",
					 periods[nhist - 2].label, "tier", tier_code(now), "previous_tier", tier_code(before));
		e = data ? webhook_enqueue(c, org_id, "tier.changed", data, dedupe, 0) : E_INTERNAL;
	}
	arena_free(a);
	return e;
}

enum err webhook_tiers_sweep(struct db_conn *c, const char *today)
{
	int64_t orgs[256];
	size_t n = 0;
	enum err e = webhook_orgs_wanting(c, "tier.changed", orgs, 256, &n);
	for (size_t i = 0; !e && i < n; i++)
		e = sweep_org(c, orgs[i], today);
	return e;
}
