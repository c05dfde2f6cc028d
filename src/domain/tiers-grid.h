/*
 * tiers-grid: the tiers of every rep in every period of a numbers grid, so
 * that the tiers page and GET /api/v1/tiers classify alike. Plain arrays in
 * (the layout of store/numbers.h's numbers_grid, which this header does not
 * include: cell [i * nperiods + j] is rep i in period j, periods oldest
 * first), plain arrays out:
 *
 *   attainment  result / target; NaN without a target or with a target of 0
 *   share       the rep's result / the sum of all results in scope in that
 *               period, negative results counting as 0; NaN when the sum is 0
 *   tier        tier_classify with the attainments of that period and the
 *               ones before it (as far back as the grid goes) and the rep's
 *               share of their team's results (the rule speaks of the team;
 *               without team ids, or for reps in no team, the scope's)
 *
 * The oldest periods of a grid have a short history, so a caller that shows
 * N periods loads N + under_periods - 1 of them and shows the last N.
 */
#ifndef SG_DOMAIN_TIERS_GRID_H
#define SG_DOMAIN_TIERS_GRID_H
#include <stddef.h>
#include <stdint.h>
#include "tiers.h"

struct tiers_grid_input {
	size_t nreps, nperiods;
	const unsigned char *has_target;	/* [nreps * nperiods] */
	const int64_t *target_minor;		/* [nreps * nperiods] */
	const int64_t *result_minor;		/* [nreps * nperiods] */
	const int64_t *team_id;			/* [nreps], or NULL; 0: in no team */
};

/* fills tier, share and attainment [nreps * nperiods], arrays the caller
 * owns; share and attainment may be NULL when not wanted */
void tiers_grid_compute(const struct tier_rules *rules, const struct tiers_grid_input *in, enum tier *tier,
			double *share, double *attainment);

/* how many of each tier in period j: counts[TIER_NONE..TIER_SUPERSTAR] */
void tiers_grid_counts(const enum tier *tier, size_t nreps, size_t nperiods, size_t j, size_t counts[TIER_COUNT]);

#endif
