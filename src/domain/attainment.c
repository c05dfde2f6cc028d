/*
 * attainment: a rep's standing against a target in one period (see
 * attainment.h for the rules in words). Money stays in integer minor units:
 * the projection and the amount needed per week are rounded with integer
 * arithmetic, so a figure the page shows is the one a person computes by
 * hand, not one a binary fraction nudged across a rounding edge.
 */
#include "attainment.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

/* num / den rounded half away from zero (den > 0) */
static int64_t div_round(int64_t num, int64_t den)
{
	int64_t q = num / den, r = num % den;
	if (r < 0)
		r = -r;
	/* r < den, so comparing r with den - r cannot overflow */
	if (r >= den - r)
		q += num < 0 ? -1 : 1;
	return q;
}

/* ceil(num / den) for num >= 0, den > 0 */
static int64_t div_ceil(int64_t num, int64_t den)
{
	return num / den + (num % den != 0);
}

void attainment_compute(int has_target, int64_t target_minor, int64_t result_minor, const struct period *p,
			const char *today, struct attainment *out)
{
	memset(out, 0, sizeof *out);
	/* a target of 0 (or below, which the forms refuse) has nothing to attain */
	int target = has_target && target_minor > 0;

	out->days_total = period_days(p);
	if (strcmp(today, p->start) < 0) {
		out->state = PERIOD_FUTURE;
		out->days_elapsed = 0;
	} else if (strcmp(today, p->end) > 0) {
		out->state = PERIOD_PAST;
		out->days_elapsed = out->days_total;
	} else {
		out->state = PERIOD_CURRENT;
		out->days_elapsed = (int)day_diff(p->start, today) + 1;	/* today counts */
	}
	out->days_left = out->days_total - out->days_elapsed;

	out->attainment = target ? (double)result_minor / (double)target_minor : NAN;

	if (out->state == PERIOD_FUTURE || out->days_elapsed <= 0) {
		out->projection_minor = 0;
	} else if (out->state == PERIOD_PAST) {
		out->projection_minor = result_minor;
	} else {
		int64_t num;
		if (!__builtin_mul_overflow(result_minor, (int64_t)out->days_total, &num))
			out->projection_minor = div_round(num, out->days_elapsed);
		else	/* beyond any real revenue; keep the figure rather than wrap */
			out->projection_minor = llround((double)result_minor * out->days_total / out->days_elapsed);
	}
	out->projected_attainment = target ? (double)out->projection_minor / (double)target_minor : NAN;

	out->remaining_minor = 0;
	if (has_target && target_minor > result_minor &&
	    __builtin_sub_overflow(target_minor, result_minor, &out->remaining_minor))
		out->remaining_minor = INT64_MAX;	/* only with a negative result near the limit */

	if (!has_target || out->days_left <= 0) {
		out->needed_per_week_minor = -1;
	} else {
		int64_t week;
		if (!__builtin_mul_overflow(out->remaining_minor, (int64_t)7, &week))
			out->needed_per_week_minor = div_ceil(week, out->days_left);
		else
			out->needed_per_week_minor = (int64_t)ceil((double)out->remaining_minor * 7 / out->days_left);
	}
}
