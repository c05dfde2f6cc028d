/*
 * excuses: the excuse check (see excuses.h). "My territory is hard" is
 * weighed against the median of peers who sell in it; "we lose on price" is
 * weighed against how often peers lose the same product on price. Both
 * refuse to judge on samples smaller than the organisation's minimum.
 * The reason rule is decided on whole counts (cross-multiplied), so a share
 * of exactly twice the peers' or exactly 15 points more counts as reached.
 */
#include "excuses.h"
#include <string.h>
#include "commitment.h"
#include <math.h>

void excuse_attainment_check(double rep_att, double *peer_att, size_t npeers, int min_sample,
			     struct excuse_attainment *out)
{
	/* only peers with an attainment (a target above 0) count: they go to
	 * the front, sorted, and anything else to the back */
	size_t k = 0;
	for (size_t i = 0; i < npeers; i++)
		if (isfinite(peer_att[i])) {
			double t = peer_att[k];
			peer_att[k++] = peer_att[i];
			peer_att[i] = t;
		}
	out->rep = rep_att;
	out->peers = k;
	out->peers_median = median(peer_att, k);	/* NaN for none */
	out->too_small = (long long)k < (long long)min_sample;
	int usable = !out->too_small && isfinite(rep_att) && isfinite(out->peers_median) && out->peers_median > 0;
	out->normalised = usable ? rep_att / out->peers_median : NAN;
}

/* a / b >= 2 * c / d and a / b - c / d >= 0.15, for b, d > 0 */
static int not_shared(int64_t a, int64_t b, int64_t c, int64_t d)
{
	int64_t ad, cb, bd, twice, lhs, rhs;
	if (!__builtin_mul_overflow(a, d, &ad) && !__builtin_mul_overflow(c, b, &cb) &&
	    !__builtin_mul_overflow(b, d, &bd) && !__builtin_mul_overflow(cb, (int64_t)2, &twice) &&
	    !__builtin_mul_overflow(ad - cb, (int64_t)100, &lhs) && !__builtin_mul_overflow(bd, (int64_t)15, &rhs))
		return ad >= twice && lhs >= rhs;
	/* counts beyond any real sales team: fall back on fractions */
	double rs = (double)a / (double)b, ps = (double)c / (double)d;
	return rs >= 2 * ps - 1e-12 && rs - ps >= 0.15 - 1e-12;
}

void excuse_reasons_check(struct reason_check *checks, size_t n, int64_t rep_total, int64_t peer_total,
			  int min_sample)
{
	int too_small = rep_total < min_sample || peer_total < min_sample || rep_total <= 0 || peer_total <= 0;
	for (size_t i = 0; i < n; i++) {
		struct reason_check *c = &checks[i];
		c->rep_share = rep_total > 0 ? (double)c->rep_n / (double)rep_total : NAN;
		c->peer_share = peer_total > 0 ? (double)c->peer_n / (double)peer_total : NAN;
		if (too_small)
			c->verdict = VERDICT_TOO_SMALL;
		else if (!excuse_reason_recorded(c->reason))
			c->verdict = c->rep_n > 0 ? VERDICT_NO_REASON : VERDICT_NONE;
		else if (c->rep_n <= 0)
			c->verdict = VERDICT_NONE;
		else
			c->verdict = not_shared(c->rep_n, rep_total, c->peer_n, peer_total) ? VERDICT_NOT_SHARED
											      : VERDICT_SHARED;
	}
}

const char *excuse_verdict_code(enum excuse_verdict v)
{
	switch (v) {
	case VERDICT_TOO_SMALL:
		return "too_small";
	case VERDICT_SHARED:
		return "shared";
	case VERDICT_NO_REASON:
		return "no_reason";
	case VERDICT_NOT_SHARED:
		return "not_shared";
	case VERDICT_NONE:
	default:
		return "none";
	}
}

int excuse_reason_recorded(const char *reason)
{
	return reason && *reason && strcmp(reason, "other") != 0;
}

int64_t excuse_recorded_losses(const struct reason_check *checks, size_t n)
{
	int64_t sum = 0;
	for (size_t i = 0; i < n; i++)
		if (excuse_reason_recorded(checks[i].reason) && checks[i].rep_n > 0)
			sum += checks[i].rep_n;
	return sum;
}
