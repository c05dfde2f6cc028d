/*
 * recruit-figures: the computations of the recruiting figures (issue 11,
 * "Figures"): the funnel of a vacancy's stages and the conversion between
 * consecutive stages, time to hire, and rates. Plain numbers in and out.
 *
 * Reached: the stage history is not stored, only each candidate's current
 * stage, so a candidate counts as having reached every stage of the funnel
 * up to and including their current one (the funnel's stages are the open
 * ones and "hired", in their order; a declined candidate reached the first
 * stage only, since where they stopped is not known).
 */
#ifndef SG_RECRUIT_FIGURES_H
#define SG_RECRUIT_FIGURES_H
#include <stddef.h>
#include <stdint.h>

/* at[k]: candidates whose current stage is funnel stage k (k < n);
 * reached[k] = at[k] + at[k+1] + ... + at[n-1] (+ declined for k == 0);
 * conversion[k] (k < n-1) = reached[k+1] / reached[k], NaN when reached[k]
 * is 0. reached holds n, conversion n-1 (nothing when n < 2). */
void recruit_funnel(const int64_t *at, size_t n, int64_t declined, int64_t *reached, double *conversion);

struct recruit_time_to_hire {
	size_t n;		/* hires counted */
	double median, mean;	/* days; NaN when n is 0 */
};
/* days[i]: from a hire's candidate created_on to hired_on (negative ones,
 * a date typed wrong, are left out). The median of an even n is the mean
 * of the two middle values. */
struct recruit_time_to_hire recruit_time_to_hire(const int *days, size_t n);

/* num / den, NaN when den is 0 */
double recruit_rate(int64_t num, int64_t den);

#endif
