/*
 * concentration: how revenue is spread over the reps of a team or the
 * organisation in a period — beside the articles' "about 4% of the reps
 * bring over half of the revenue".
 *
 *   half_count   the smallest number of reps whose revenue together is at
 *                least 50% of the total (largest first); half_share = /n
 *   top_count    ceil(top_pct% of n), at least 1; top_share = their revenue
 *                share
 *   gini         (2 * sum(i * x_i) / (n * sum(x))) - (n + 1) / n, with x
 *                ascending and i from 1; 0 is perfectly even
 *   lorenz       n + 1 points (i/n, share of revenue of the i smallest)
 *   holds        1 when top_share > 0.5 (the pattern holds here), 0 when
 *                not, -1 when there is no revenue to tell
 *
 * Negative revenue counts as 0. Reps without revenue count in n. With a
 * total of 0 the shares and gini are NaN and holds is -1 (unknown).
 */
#ifndef SG_DOMAIN_CONCENTRATION_H
#define SG_DOMAIN_CONCENTRATION_H
#include <stddef.h>
#include <stdint.h>
#include "../lib/arena.h"

struct concentration {
	size_t n;
	int64_t total_minor;
	size_t half_count;
	double half_share;
	size_t top_count;
	double top_share;
	double gini;
	double *lorenz_x, *lorenz_y;	/* n + 1 points, in the arena */
	int holds;			/* 1, 0, or -1: unknown (no revenue) */
};

void concentration_compute(struct arena *a, const int64_t *revenue_minor, size_t n, double top_pct,
			   struct concentration *out);

#endif
