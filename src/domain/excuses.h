/*
 * excuses: the excuse check. A rep's attainment beside the median of peers
 * in the same territory or segment, and a rep's lost reasons beside those of
 * peers selling the same product in the same territory. Small samples are
 * marked as too small rather than shown as truths:
 *
 *   attainment  too small when fewer than min_sample peers have a target;
 *               normalised = rep's attainment / peers' median
 *   reasons     too small when the rep or the peers lost fewer than
 *               min_sample deals of the product; otherwise a reason is
 *               "not shared by peers" when the rep's share of losses for it
 *               is at least twice the peers' share and at least 15
 *               percentage points higher — the excuse does not hold — and
 *               "shared by peers" otherwise; "none" when the rep has no
 *               losses for it; "no_reason" for "other", which is what a
 *               loss without a recorded reason counts as: it names no
 *               excuse, so there is nothing to judge (with every loss
 *               "other", the whole product has nothing to judge)
 */
#ifndef SG_DOMAIN_EXCUSES_H
#define SG_DOMAIN_EXCUSES_H
#include <stddef.h>
#include <stdint.h>

struct excuse_attainment {
	double rep;			/* NaN without target */
	double peers_median;		/* NaN when there are no peers */
	size_t peers;
	int too_small;
	double normalised;		/* NaN when too small or no median */
};

/* peer_att is sorted in place */
void excuse_attainment_check(double rep_att, double *peer_att, size_t npeers, int min_sample,
			     struct excuse_attainment *out);

enum excuse_verdict { VERDICT_NONE, VERDICT_TOO_SMALL, VERDICT_SHARED, VERDICT_NOT_SHARED, VERDICT_NO_REASON };

struct reason_check {
	const char *reason;		/* lost reason code */
	int64_t rep_n, peer_n;		/* losses for this reason */
	double rep_share, peer_share;	/* of all the rep's / peers' losses of the product */
	enum excuse_verdict verdict;
};

/* fills the shares and verdicts of checks[0..n) whose reason, rep_n and
 * peer_n are set; rep_total and peer_total are all losses of the product */
void excuse_reasons_check(struct reason_check *checks, size_t n, int64_t rep_total, int64_t peer_total,
			  int min_sample);

/* "none", "too_small", "shared", "not_shared", "no_reason" */
const char *excuse_verdict_code(enum excuse_verdict v);
/* does the reason code name a reason? "other" and "" (unrecorded) do not */
int excuse_reason_recorded(const char *reason);
/* the rep's losses among checks[0..n) that have a recorded reason; 0 means
 * there is nothing to judge for the product, whatever the sample */
int64_t excuse_recorded_losses(const struct reason_check *checks, size_t n);

#endif
