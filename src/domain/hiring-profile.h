/*
 * hiring-profile: "what predicts top performance here" (issue 11) — which
 * traits go with top performance in this organisation, from its own data.
 * Plain numbers in, plain numbers out; the page states the rule in words:
 *
 *   the pairs     for each trait, every current rep with both a score (the
 *                 latest submitted manager assessment within the last 365
 *                 days; the mean of its rows when scored per sub-skill) and
 *                 an attainment over the last 12 months (store/hiring-
 *                 profile.h gathers them); n counts them
 *   r             Pearson's correlation of score with attainment over the
 *                 n pairs: sum((x - mx)(y - my)) / sqrt(sum((x - mx)^2) *
 *                 sum((y - my)^2)); none (NaN) when n < HP_MIN_N or either
 *                 variance is 0
 *   means         the mean score of the superstars among the n (by the
 *                 existing tier rule, domain/tiers.h) and of the rest;
 *                 NaN when a group is empty
 *   too few       n < HP_TRUST_N: the page warns "too few reps to trust"
 *
 * Traits are shown ordered by |r|, those without r last.
 *
 * A candidate is read against it: per trait the weight is r (when there is
 * one and it is positive: a trait that goes with top performance here);
 * the candidate is "strongest where it matters here" on the weighted trait
 * with the highest score (ties: the larger r).
 */
#ifndef SG_DOMAIN_HIRING_PROFILE_H
#define SG_DOMAIN_HIRING_PROFILE_H
#include <stddef.h>

#define HP_MIN_N 3		/* fewer pairs: no r at all */
#define HP_TRUST_N 10		/* fewer pairs: "too few reps to trust" */

struct hp_trait {
	size_t n;			/* reps with both a score and an attainment */
	double r;			/* NaN: none (n < HP_MIN_N or a variance of 0) */
	size_t n_star, n_rest;
	double mean_star, mean_rest;	/* NaN when the group is empty */
	double mean_att;		/* the mean attainment of the n (NaN when n = 0) */
	int too_few;			/* n < HP_TRUST_N */
	/* the sums behind them (the API gives them, so r and the means can be
	 * recomputed without any rep's own score): of x (score), y
	 * (attainment), x², y², xy over the n pairs, and of x per group */
	double sx, sy, sxx, syy, sxy, sx_star, sx_rest;
};

/* Pearson's r of n pairs; NaN when n < HP_MIN_N or a variance is 0 */
double hp_pearson(const double *x, const double *y, size_t n);

/* scores[i * nreps + j]: rep j's score of trait i (NaN: none); att[j]: rep
 * j's attainment as a fraction (NaN: none); star[j]: 1 for a superstar.
 * Fills out[ntraits]. */
void hiring_profile_compute(size_t ntraits, size_t nreps, const double *scores, const double *att,
			    const unsigned char *star, struct hp_trait *out);

/* order[ntraits]: the traits' indexes by |r| descending, those without r
 * last, ties in the given order */
void hiring_profile_order(const struct hp_trait *t, size_t ntraits, size_t *order);

/* the weight of each trait for reading a candidate: r when r > 0, else 0 */
double hiring_profile_weight(const struct hp_trait *t);

/* the candidate's scores (cand[i]: trait i, NaN: not scored): the index of
 * the trait with weight > 0 on which the candidate scores highest (ties:
 * the larger weight, then the first); -1 when no weighted trait is scored.
 * weights[ntraits] (may be NULL) receives hiring_profile_weight of each. */
int hiring_profile_strongest(const struct hp_trait *t, size_t ntraits, const double *cand, double *weights);

#endif
