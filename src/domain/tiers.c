/*
 * tiers: superstar, core, underperformer or none for one rep in one period,
 * by the admin's rules (see tiers.h for them in words). Thresholds are whole
 * percentages while attainments are quotients of money, so every comparison
 * allows EPS: a rep at exactly 120 % (1.2, which a double holds a hair
 * below) is a superstar, and one at exactly 80 % is not below 80 %.
 */
#include "tiers.h"
#include <math.h>
#include <string.h>

#define EPS 1e-9

void tier_rules_default(struct tier_rules *r)
{
	r->superstar_pct = 120;
	r->superstar_share_pct = 0;
	r->under_pct = 80;
	r->under_periods = 2;
}

int tier_rules_check(const struct tier_rules *r, const char **field)
{
	const char *bad = NULL;
	if (r->under_pct <= 0 || r->under_pct >= 1000)
		bad = "under_pct";
	else if (r->superstar_pct <= r->under_pct || r->superstar_pct > 1000)
		bad = "superstar_pct";
	else if (r->superstar_share_pct < 0 || r->superstar_share_pct > 100)
		bad = "superstar_share_pct";
	else if (r->under_periods < 1 || r->under_periods > 12)
		bad = "under_periods";
	if (field)
		*field = bad;
	return bad ? -1 : 0;
}

/* x at or above pct % */
static int at_least(double x, int pct)
{
	return isfinite(x) && x >= pct / 100.0 - EPS;
}

enum tier tier_classify(const struct tier_rules *r, const double *att, size_t nhist, double share)
{
	struct tier_rules def;
	if (!r) {
		tier_rules_default(&def);
		r = &def;
	}
	double now = nhist ? att[0] : NAN;
	if (at_least(now, r->superstar_pct) || (r->superstar_share_pct > 0 && at_least(share, r->superstar_share_pct)))
		return TIER_SUPERSTAR;
	if (!isfinite(now))
		return TIER_NONE;
	/* a run of under_periods periods, this one first, each with a target and
	 * below the line; too short a history cannot make the run */
	if (now >= r->under_pct / 100.0 - EPS)
		return TIER_CORE;
	/* below the line now: underperformer once the run is complete, at risk
	 * until then */
	size_t run = r->under_periods < 1 ? 1 : (size_t)r->under_periods;
	if (nhist < run)
		return TIER_AT_RISK;
	for (size_t i = 1; i < run; i++)
		if (!isfinite(att[i]) || att[i] >= r->under_pct / 100.0 - EPS)
			return TIER_AT_RISK;
	return TIER_UNDER;
}

const char *tier_code(enum tier t)
{
	switch (t) {
	case TIER_SUPERSTAR:
		return "superstar";
	case TIER_CORE:
		return "core";
	case TIER_AT_RISK:
		return "at_risk";
	case TIER_UNDER:
		return "underperformer";
	case TIER_NONE:
	default:
		return "none";
	}
}

int tier_parse(const char *s)
{
	static const enum tier all[] = { TIER_NONE, TIER_UNDER, TIER_AT_RISK, TIER_CORE, TIER_SUPERSTAR };
	for (size_t i = 0; s && i < sizeof all / sizeof all[0]; i++)
		if (!strcmp(s, tier_code(all[i])))
			return (int)all[i];
	return -1;
}

int tier_move(enum tier before, enum tier now)
{
	if (before == TIER_NONE || now == TIER_NONE || before == now)
		return 0;
	return now > before ? 1 : -1;	/* the enum runs from under to superstar */
}
