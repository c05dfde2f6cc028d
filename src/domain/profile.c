/* profile: see profile.h for the rules in words; this is them in C. */
#include "profile.h"
#include <math.h>
#include <string.h>

int rater_kind_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "self"))
		return RATER_SELF;
	if (!strcmp(s, "manager"))
		return RATER_MANAGER;
	if (!strcmp(s, "peer"))
		return RATER_PEER;
	return -1;
}

const char *profile_verdict_code(enum profile_verdict v)
{
	switch (v) {
	case VERDICT_ELITE: return "elite";
	case VERDICT_WEAK: return "weak";
	case VERDICT_INCOMPLETE: return "incomplete";
	default: return "unjudged";
	}
}

static long trait_index(const int64_t *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return (long)i;
	return -1;
}

static int counts(const struct pf_score *x, int64_t rep_id, size_t nrounds)
{
	return x->rep_id == rep_id && x->round < nrounds && x->score >= 1 && x->score <= 5;
}

/* the mean score of one kind of rater for rep, round and trait; NaN when
 * none; *n the scores behind it */
static double mean_of(const struct pf_score *s, size_t ns, int64_t rep_id, size_t nrounds, size_t round,
		      int64_t trait_id, enum rater_kind kind, int *n)
{
	double sum = 0;
	int k = 0;
	for (size_t i = 0; i < ns; i++)
		if (counts(&s[i], rep_id, nrounds) && s[i].round == round && s[i].trait_id == trait_id &&
		    s[i].kind == kind) {
			sum += s[i].score;
			k++;
		}
	if (n)
		*n = k;
	return k ? sum / k : NAN;
}

/* the newest round before `before` (nrounds: any) in which rep has a
 * manager score of one of the traits (or, any_kind, any score); -1 none */
static long newest_round(const int64_t *trait_ids, size_t ntraits, const struct pf_score *s, size_t ns,
			 int64_t rep_id, size_t nrounds, size_t before, int any_kind)
{
	long best = -1;
	for (size_t i = 0; i < ns; i++) {
		if (!counts(&s[i], rep_id, nrounds) || s[i].round >= before)
			continue;
		if (!any_kind && s[i].kind != RATER_MANAGER)
			continue;
		if (trait_index(trait_ids, ntraits, s[i].trait_id) < 0)
			continue;
		if ((long)s[i].round > best)
			best = (long)s[i].round;
	}
	return best;
}

void profile_compute(const int64_t *trait_ids, size_t ntraits, const struct pf_score *s, size_t ns,
		     int64_t rep_id, size_t nrounds, struct profile_row *rows, struct profile *out)
{
	memset(out, 0, sizeof(*out));
	out->ntraits = ntraits;
	out->rows = rows;
	out->weakest = -1;
	out->previous = -1;
	for (size_t t = 0; t < ntraits; t++)
		rows[t] = (struct profile_row){ NAN, NAN, NAN, 0, NAN, NAN };
	out->latest = newest_round(trait_ids, ntraits, s, ns, rep_id, nrounds, nrounds, 0);
	if (out->latest < 0)
		out->latest = newest_round(trait_ids, ntraits, s, ns, rep_id, nrounds, nrounds, 1);
	if (out->latest < 0) {
		out->verdict = VERDICT_UNJUDGED;
		return;
	}
	size_t latest = (size_t)out->latest;
	out->previous = newest_round(trait_ids, ntraits, s, ns, rep_id, nrounds, latest, 0);
	int below = 0;
	for (size_t t = 0; t < ntraits; t++) {
		struct profile_row *x = &rows[t];
		x->self = mean_of(s, ns, rep_id, nrounds, latest, trait_ids[t], RATER_SELF, NULL);
		x->manager = mean_of(s, ns, rep_id, nrounds, latest, trait_ids[t], RATER_MANAGER, NULL);
		x->peer = mean_of(s, ns, rep_id, nrounds, latest, trait_ids[t], RATER_PEER, &x->npeers);
		if (out->previous >= 0)
			x->prev_manager = mean_of(s, ns, rep_id, nrounds, (size_t)out->previous, trait_ids[t],
						  RATER_MANAGER, NULL);
		if (!isnan(x->manager) && !isnan(x->prev_manager))
			x->growth = x->manager - x->prev_manager;
		if (isnan(x->manager))
			continue;
		out->nscored++;
		/* strictly lower: a tie keeps the earlier trait */
		if (out->weakest < 0 || x->manager < rows[out->weakest].manager)
			out->weakest = (int)t;
		below |= x->manager < ELITE_MIN;
	}
	if (!out->nscored)
		out->verdict = VERDICT_UNJUDGED;
	else if (below)
		out->verdict = VERDICT_WEAK;
	else if (out->nscored < ntraits)
		out->verdict = VERDICT_INCOMPLETE;
	else
		out->verdict = VERDICT_ELITE;
}

void profile_history(const int64_t *trait_ids, size_t ntraits, const struct pf_score *s, size_t ns, int64_t rep_id,
		     size_t nrounds, double *mgr, unsigned char *has)
{
	for (size_t k = 0; k < nrounds; k++) {
		has[k] = 0;
		for (size_t t = 0; t < ntraits; t++) {
			mgr[k * ntraits + t] = mean_of(s, ns, rep_id, nrounds, k, trait_ids[t], RATER_MANAGER, NULL);
			has[k] |= !isnan(mgr[k * ntraits + t]);
		}
	}
}

void profile_superstars(const int64_t *trait_ids, size_t ntraits, const struct pf_score *s, size_t ns,
			const int64_t *stars, size_t nstars, size_t nrounds, double *mean, size_t *n,
			struct superstar_profile *out)
{
	memset(out, 0, sizeof(*out));
	out->mean = mean;
	out->n = n;
	double *sum = mean;
	for (size_t t = 0; t < ntraits; t++) {
		sum[t] = 0;
		n[t] = 0;
	}
	struct profile_row rows[64];
	/* traits beyond 64 are not averaged: an organisation has a handful */
	size_t nt = ntraits < 64 ? ntraits : 64;
	for (size_t i = 0; i < nstars; i++) {
		int dup = 0;
		for (size_t k = 0; k < i; k++)
			dup |= stars[k] == stars[i];
		if (!dup)
			out->nstars++;
	}
	/* one rep's scores at a time (they come grouped by rep), so a thousand
	 * reps' ratings are read once, not once per superstar */
	for (size_t i = 0; i < ns;) {
		size_t end = i;
		while (end < ns && s[end].rep_id == s[i].rep_id)
			end++;
		int star = 0;
		for (size_t k = 0; k < nstars && !star; k++)
			star = stars[k] == s[i].rep_id;
		struct profile p;
		if (star) {
			profile_compute(trait_ids, nt, s + i, end - i, s[i].rep_id, nrounds, rows, &p);
			if (p.nscored) {
				out->nscored++;
				for (size_t t = 0; t < nt; t++)
					if (!isnan(rows[t].manager)) {
						sum[t] += rows[t].manager;
						n[t]++;
					}
			}
		}
		i = end;
	}
	out->shown = out->nscored >= SUPERSTAR_MIN_REPS;
	for (size_t t = 0; t < ntraits; t++)
		mean[t] = out->shown && n[t] >= SUPERSTAR_MIN_REPS ? sum[t] / (double)n[t] : NAN;
}

int profile_was_superstar(const enum tier *tier, size_t nq)
{
	for (size_t k = 0; k < nq; k++)
		if (tier[k] == TIER_SUPERSTAR)
			return 1;
	return 0;
}
