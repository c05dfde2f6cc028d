/*
 * tiers: superstar, core or underperformer in a period, by rules an admin
 * tunes and the tiers page states in words (ui_tier_rules_words in
 * web/numbersui.c):
 *
 *   superstar       attainment at or above superstar_pct % of target, or
 *                   (when superstar_share_pct > 0) a share of the team's
 *                   revenue at or above superstar_share_pct %;
 *   underperformer  attainment below under_pct % in under_periods
 *                   consecutive periods, this one included (a period
 *                   without a target breaks the run);
 *   at risk         below under_pct % in this period, but not (yet) in
 *                   under_periods in a row: €0 of a €61,500 target is not
 *                   "core", even the first time;
 *   core            everyone else with a target;
 *   none            no target this period (and not a superstar by share).
 */
#ifndef SG_DOMAIN_TIERS_H
#define SG_DOMAIN_TIERS_H
#include <stddef.h>

/* in order from under to superstar (tier_move compares them), none first */
enum tier { TIER_NONE = 0, TIER_UNDER = 1, TIER_AT_RISK = 2, TIER_CORE = 3, TIER_SUPERSTAR = 4 };
#define TIER_COUNT 5

struct tier_rules {
	int superstar_pct;		/* default 120 */
	int superstar_share_pct;	/* default 0: not used */
	int under_pct;			/* default 80 */
	int under_periods;		/* default 2 */
};

void tier_rules_default(struct tier_rules *r);
/* 0 when sensible (0 < under_pct < superstar_pct <= 1000, 0 <= share <= 100,
 * 1 <= under_periods <= 12); else -1 and *field names the offending one */
int tier_rules_check(const struct tier_rules *r, const char **field);

/* att[0] is this period's attainment, att[1] the one before, ... (NaN: no
 * target); share is this period's share of the scope's revenue (NaN if none) */
enum tier tier_classify(const struct tier_rules *r, const double *att, size_t nhist, double share);

/* "superstar", "core", "at_risk", "underperformer", "none" and back (-1 when unknown) */
const char *tier_code(enum tier t);
int tier_parse(const char *s);
/* +1 moved up, -1 moved down, 0 same or either is TIER_NONE */
int tier_move(enum tier before, enum tier now);

#endif
