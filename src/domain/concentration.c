/*
 * concentration: how unevenly revenue falls over a set of reps (see
 * concentration.h). The counts and the "holds" verdict are decided on the
 * integer amounts, so exactly half of the revenue is exactly half; only the
 * shares, Gini and the Lorenz curve are fractions.
 */
#include "concentration.h"
#include "../lib/xalloc.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_asc(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

static int cmp_desc(const void *a, const void *b)
{
	return cmp_asc(b, a);
}

/* sums saturate rather than wrap: no real revenue comes near */
static int64_t add_sat(int64_t a, int64_t b)
{
	int64_t s;
	return __builtin_add_overflow(a, b, &s) ? INT64_MAX : s;
}

void concentration_compute(struct arena *a, const int64_t *revenue_minor, size_t n, double top_pct,
			   struct concentration *out)
{
	memset(out, 0, sizeof *out);
	out->n = n;
	out->lorenz_x = a ? arena_alloc(a, (n + 1) * sizeof(double)) : NULL;
	out->lorenz_y = a ? arena_alloc(a, (n + 1) * sizeof(double)) : NULL;
	if (out->lorenz_x) {
		out->lorenz_x[0] = 0;
		out->lorenz_y[0] = 0;
	}
	out->half_share = out->top_share = out->gini = NAN;
	out->holds = -1;	/* unknown until there is revenue to share */
	if (!n)
		return;

	int64_t *x = a ? arena_allocarray(a, n, sizeof *x) : xcalloc(n, sizeof *x);
	int64_t total = 0;
	for (size_t i = 0; i < n; i++) {
		x[i] = revenue_minor[i] > 0 ? revenue_minor[i] : 0;	/* negative counts as 0 */
		total = add_sat(total, x[i]);
	}
	out->total_minor = total;

	/* top_pct % of n, rounded up, at least one and at most everyone; the
	 * EPS keeps 4 % of 25 (exactly 1) from becoming 2 through a binary fraction */
	double want = ceil(top_pct * (double)n / 100.0 - 1e-9);
	out->top_count = !(want >= 1) ? 1 : want > (double)n ? n : (size_t)want;

	if (total > 0) {
		/* largest first: how many reps make half, and what the top few hold */
		qsort(x, n, sizeof *x, cmp_desc);
		int64_t cum = 0, top = 0;
		for (size_t i = 0; i < n; i++) {
			if (i < out->top_count)
				top = add_sat(top, x[i]);
			if (!out->half_count) {
				cum = add_sat(cum, x[i]);
				if (cum >= total - cum)	/* cum >= total / 2, without halving */
					out->half_count = i + 1;
			}
		}
		out->half_share = (double)out->half_count / (double)n;
		out->top_share = (double)top / (double)total;
		out->holds = top > total - top;	/* more than half */

		/* smallest first for Gini and the Lorenz curve */
		qsort(x, n, sizeof *x, cmp_asc);
		double weighted = 0, cumd = 0;
		for (size_t i = 0; i < n; i++) {
			weighted += (double)(i + 1) * (double)x[i];
			cumd += (double)x[i];
			if (out->lorenz_x) {
				out->lorenz_x[i + 1] = (double)(i + 1) / (double)n;
				out->lorenz_y[i + 1] = cumd / (double)total;
			}
		}
		out->gini = 2.0 * weighted / ((double)n * (double)total) - (double)(n + 1) / (double)n;
		if (out->lorenz_x)
			out->lorenz_y[n] = 1.0;	/* all of it, whatever the rounding */
	} else if (out->lorenz_x) {
		/* no revenue: the points are there, their shares are not */
		for (size_t i = 1; i <= n; i++) {
			out->lorenz_x[i] = (double)i / (double)n;
			out->lorenz_y[i] = NAN;
		}
	}
	if (!a)
		free(x);
}
