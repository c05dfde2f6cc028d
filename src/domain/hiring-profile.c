/* hiring-profile: see hiring-profile.h. */
#include "hiring-profile.h"
#include "../lib/xalloc.h"
#include <math.h>
#include <stdlib.h>

double hp_pearson(const double *x, const double *y, size_t n)
{
	if (n < HP_MIN_N)
		return NAN;
	double mx = 0, my = 0;
	for (size_t i = 0; i < n; i++) {
		mx += x[i];
		my += y[i];
	}
	mx /= (double)n;
	my /= (double)n;
	double sxy = 0, sxx = 0, syy = 0;
	for (size_t i = 0; i < n; i++) {
		double dx = x[i] - mx, dy = y[i] - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	/* a variance of 0 (all scores alike, or all attainments): no r */
	if (sxx <= 1e-12 || syy <= 1e-12)
		return NAN;
	double r = sxy / sqrt(sxx * syy);
	return r > 1 ? 1 : r < -1 ? -1 : r;
}

void hiring_profile_compute(size_t ntraits, size_t nreps, const double *scores, const double *att,
			    const unsigned char *star, struct hp_trait *out)
{
	double *xs = xcalloc(nreps + 1, sizeof(double)), *ys = xcalloc(nreps + 1, sizeof(double));
	for (size_t i = 0; i < ntraits; i++) {
		struct hp_trait *t = &out[i];
		size_t n = 0, ns = 0, nr = 0;
		double ss = 0, sr = 0, sa = 0, sx = 0, sxx = 0, syy = 0, sxy = 0;
		for (size_t j = 0; j < nreps; j++) {
			double x = scores[i * nreps + j], y = att[j];
			if (isnan(x) || isnan(y))
				continue;
			xs[n] = x;
			ys[n] = y;
			n++;
			sa += y;
			sx += x;
			sxx += x * x;
			syy += y * y;
			sxy += x * y;
			if (star[j]) {
				ss += x;
				ns++;
			} else {
				sr += x;
				nr++;
			}
		}
		t->n = n;
		t->r = hp_pearson(xs, ys, n);
		t->n_star = ns;
		t->n_rest = nr;
		t->mean_star = ns ? ss / (double)ns : NAN;
		t->mean_rest = nr ? sr / (double)nr : NAN;
		t->mean_att = n ? sa / (double)n : NAN;
		t->too_few = n < HP_TRUST_N;
		t->sx = sx;
		t->sy = sa;
		t->sxx = sxx;
		t->syy = syy;
		t->sxy = sxy;
		t->sx_star = ss;
		t->sx_rest = sr;
	}
	free(xs);
	free(ys);
}

void hiring_profile_order(const struct hp_trait *t, size_t ntraits, size_t *order)
{
	for (size_t i = 0; i < ntraits; i++)
		order[i] = i;
	/* insertion sort: a handful of traits, and stable */
	for (size_t i = 1; i < ntraits; i++) {
		size_t k = order[i], j = i;
		double rk = t[k].r;
		while (j > 0) {
			double rp = t[order[j - 1]].r;
			int before = !isnan(rk) && (isnan(rp) || fabs(rk) > fabs(rp));
			if (!before)
				break;
			order[j] = order[j - 1];
			j--;
		}
		order[j] = k;
	}
}

double hiring_profile_weight(const struct hp_trait *t)
{
	return !isnan(t->r) && t->r > 0 ? t->r : 0;
}

int hiring_profile_strongest(const struct hp_trait *t, size_t ntraits, const double *cand, double *weights)
{
	int best = -1;
	for (size_t i = 0; i < ntraits; i++) {
		double w = hiring_profile_weight(&t[i]);
		if (weights)
			weights[i] = w;
		if (w <= 0 || isnan(cand[i]))
			continue;
		if (best < 0 || cand[i] > cand[best] ||
		    (cand[i] == cand[best] && w > hiring_profile_weight(&t[best])))
			best = (int)i;
	}
	return best;
}
