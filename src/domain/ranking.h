/*
 * ranking: who stands where on a leaderboard or in a contest (issue 10,
 * "competition and the spotlight"). Plain numbers in, places out; no SQL,
 * no I/O. The rules, stated on the pages beside the standings:
 *
 *   - higher is better, unless the figure says lower is better;
 *   - ties share a place and the next place skips as many ("standard
 *     competition ranking": 1, 1, 3);
 *   - an entry below the minimum (fewer than min conversations in the
 *     period) or without a value (a rate with no denominator, attainment
 *     without a target) is listed after the ranked ones, "not ranked", with
 *     place 0;
 *   - most improved: the change of a figure against the previous period of
 *     the same length (this period's value minus that one's), ranked as
 *     above; without a value in either period there is no change.
 *
 * Entries keep their input order among equals, so a caller that lists reps
 * by name shows equal places by name.
 */
#ifndef SG_DOMAIN_RANKING_H
#define SG_DOMAIN_RANKING_H
#include <stdint.h>
#include <stddef.h>

struct rank_entry {
	size_t idx;			/* the caller's index, carried along */
	double value;			/* NaN: no value */
	int64_t conversations;		/* in the period, for the minimum */
	int ranked;			/* out: 1 ranked, 0 not */
	int place;			/* out: 1.. when ranked, else 0 */
};

/* sorts e[n] into standing order and fills ranked and place */
void ranking_compute(struct rank_entry *e, size_t n, int lower_better, int64_t min_conversations);

/* this period's value minus the previous one's; NaN when either is NaN */
double ranking_improvement(double current, double previous);

#endif
