/* hiring-profile (service): see hiring-profile.h. */
#include "hiring-profile.h"
#include "../domain/tiers-grid.h"
#include "../store/hiring-profile.h"
#include "../store/numbers.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum err hiring_profile_load(struct db_conn *c, struct arena *a, int64_t org_id, const char *today, enum lang l,
			     struct hiring_profile *out)
{
	memset(out, 0, sizeof(*out));
	struct numbers_settings s;
	settings_numbers(c, a, org_id, &s);
	enum err e = trait_list(c, a, org_id, l, TRAITS_ACTIVE, &out->traits);
	if (e)
		return e;
	size_t nt = out->traits.n;

	/* the twelve months before today's */
	struct period now, last, months[HP_MONTHS];
	period_containing(PERIOD_MONTH, today, s.fiscal_start_month, &now);
	period_prev(&now, s.fiscal_start_month, &last);
	period_history(&last, s.fiscal_start_month, HP_MONTHS, months);
	out->first = months[0];
	out->last = months[HP_MONTHS - 1];
	struct numbers_scope sc = { 0, 0, 0 };
	struct numbers_grid g;
	if ((e = numbers_grid_load(c, a, org_id, &sc, months, HP_MONTHS, s.source, &g)))
		return e;

	/* one figure per rep over the year: the months with a target */
	size_t nr = g.nreps;
	unsigned char *has = arena_alloc(a, nr + 1);
	int64_t *target = arena_alloc(a, (nr + 1) * sizeof(int64_t)), *result = arena_alloc(a, (nr + 1) * sizeof(int64_t));
	for (size_t i = 0; i < nr; i++) {
		has[i] = 0;
		target[i] = result[i] = 0;
		for (size_t j = 0; j < HP_MONTHS; j++) {
			size_t k = i * HP_MONTHS + j;
			if (!g.has_target[k])
				continue;
			has[i] = 1;
			target[i] += g.target_minor[k];
			result[i] += g.result_minor[k];
		}
	}
	struct tier_rules rules = s.rules;
	enum tier *tier = arena_alloc(a, (nr + 1) * sizeof(*tier));
	double *att = arena_alloc(a, (nr + 1) * sizeof(double));
	struct tiers_grid_input in = { nr, 1, has, target, result, g.team_id };
	tiers_grid_compute(&rules, &in, tier, NULL, att);
	unsigned char *star = arena_alloc(a, nr + 1);
	for (size_t i = 0; i < nr; i++) {
		star[i] = tier[i] == TIER_SUPERSTAR;
		out->reps_with_target += has[i];
		out->superstars += star[i] && has[i];
	}

	/* the scores, matched to the grid's reps by id */
	day_add(today, -365, out->since);
	int64_t since_epoch = (int64_t)day_diff("1970-01-01", out->since) * 86400;
	struct hp_score_row *rows;
	size_t nrows;
	if ((e = hiring_profile_scores(c, a, org_id, since_epoch, nr * nt, &rows, &nrows, &out->cut)))
		return e;
	const struct id_index *idx = rep_rows_index(a, g.reps, nr);
	double *scores = arena_alloc(a, (nt * nr + 1) * sizeof(double));
	for (size_t k = 0; k < nt * nr; k++)
		scores[k] = NAN;
	int64_t prev = 0;
	for (size_t k = 0; k < nrows; k++) {
		if (rows[k].rep_id != prev) {
			out->reps_scored++;
			prev = rows[k].rep_id;
		}
		long hit = id_index_find(idx, rows[k].rep_id);
		if (hit < 0 || rows[k].count <= 0)
			continue;
		for (size_t t = 0; t < nt; t++)
			if (out->traits.items[t].id == rows[k].trait_id) {
				scores[t * nr + (size_t)hit] = (double)rows[k].sum / (double)rows[k].count;
				break;
			}
	}
	out->res = arena_alloc(a, (nt + 1) * sizeof(*out->res));
	out->order = arena_alloc(a, (nt + 1) * sizeof(size_t));
	hiring_profile_compute(nt, nr, scores, att, star, out->res);
	hiring_profile_order(out->res, nt, out->order);
	return E_OK;
}
