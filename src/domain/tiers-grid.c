/*
 * tiers-grid: classifies every cell of a numbers grid (reps by periods) into
 * tiers with tier_classify, from the attainments of the period and the ones
 * before it and the rep's share of their team's revenue. One place for the
 * arithmetic that the tiers page and the tiers API both show.
 */
#include "tiers-grid.h"
#include "../lib/xalloc.h"
#include <math.h>
#include <stdlib.h>

/* more history than tier_rules_check allows (under_periods <= 12); the rules
 * never look further back than under_periods */
#define HISTORY_MAX 24

static double cell_attainment(const struct tiers_grid_input *in, size_t cell)
{
	if (!in->has_target[cell] || in->target_minor[cell] == 0)
		return NAN;
	return (double)in->result_minor[cell] / (double)in->target_minor[cell];
}

/* negative results (credit notes) would make shares above 100% */
static int64_t positive(int64_t v)
{
	return v > 0 ? v : 0;
}

void tiers_grid_compute(const struct tier_rules *rules, const struct tiers_grid_input *in, enum tier *tier,
			double *share, double *attainment)
{
	size_t np = in->nperiods, n = in->nreps;
	/* each rep's team as an index into the teams present (-1: the scope) */
	long *team = xcalloc(n ? n : 1, sizeof(long));
	int64_t *team_total = xcalloc(n ? n : 1, sizeof(int64_t));
	size_t nteams = 0;
	for (size_t i = 0; i < n; i++) {
		team[i] = -1;
		if (!in->team_id || !in->team_id[i])
			continue;
		for (size_t k = 0; k < i && team[i] < 0; k++)
			if (in->team_id && in->team_id[k] == in->team_id[i])
				team[i] = team[k];
		if (team[i] < 0)
			team[i] = (long)nteams++;
	}
	for (size_t j = 0; j < np; j++) {
		int64_t total = 0;
		for (size_t t = 0; t < nteams; t++)
			team_total[t] = 0;
		for (size_t i = 0; i < n; i++) {
			int64_t v = positive(in->result_minor[i * np + j]);
			total += v;
			if (team[i] >= 0)
				team_total[team[i]] += v;
		}
		for (size_t i = 0; i < n; i++) {
			size_t cell = i * np + j;
			int64_t v = positive(in->result_minor[cell]);
			double sh = total > 0 ? (double)v / (double)total : NAN;
			int64_t of = team[i] >= 0 ? team_total[team[i]] : total;
			double team_sh = of > 0 ? (double)v / (double)of : NAN;
			double hist[HISTORY_MAX];
			size_t nhist = j + 1 < HISTORY_MAX ? j + 1 : HISTORY_MAX;
			for (size_t k = 0; k < nhist; k++)
				hist[k] = cell_attainment(in, cell - k);
			tier[cell] = tier_classify(rules, hist, nhist, team_sh);
			if (share)
				share[cell] = sh;
			if (attainment)
				attainment[cell] = hist[0];
		}
	}
	free(team);
	free(team_total);
}

void tiers_grid_counts(const enum tier *tier, size_t nreps, size_t nperiods, size_t j, size_t counts[TIER_COUNT])
{
	for (int t = 0; t < TIER_COUNT; t++)
		counts[t] = 0;
	for (size_t i = 0; i < nreps; i++) {
		enum tier t = tier[i * nperiods + j];
		if ((int)t >= 0 && (int)t < TIER_COUNT)
			counts[t]++;
	}
}
