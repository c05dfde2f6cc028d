/*
 * attainment: where a rep stands against a target in a period — the
 * attainment, the run-rate projection to the period's end, and what is
 * needed per remaining week. Plain numbers in, plain numbers out; the
 * numbers page states each rule beside its figure:
 *
 *   attainment       = result / target (NaN without a target, or a target of 0)
 *   days elapsed     = days from the period's first day up to and including
 *                      today (0 before the period, all of them after it)
 *   projection       = result / days elapsed * days in the period, rounded;
 *                      the result itself once the period is over; 0 before
 *   remaining        = max(0, target - result)
 *   needed per week  = remaining / (days left / 7), rounded up to the unit;
 *                      -1 when no days are left or there is no target
 */
#ifndef SG_DOMAIN_ATTAINMENT_H
#define SG_DOMAIN_ATTAINMENT_H
#include <stdint.h>
#include "period.h"

enum period_state { PERIOD_PAST, PERIOD_CURRENT, PERIOD_FUTURE };

struct attainment {
	double attainment;
	int64_t projection_minor;
	double projected_attainment;	/* projection / target, NaN without target */
	int64_t remaining_minor;
	int64_t needed_per_week_minor;
	int days_total, days_elapsed, days_left;
	enum period_state state;
};

void attainment_compute(int has_target, int64_t target_minor, int64_t result_minor, const struct period *p,
			const char *today, struct attainment *out);

#endif
