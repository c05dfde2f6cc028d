/*
 * hiring-profile (service): "what predicts top performance here" (issue
 * 11) gathered for the page and the API alike — the organisation's traits,
 * each current rep's latest manager assessment within the last 365 days
 * (store/hiring-profile.h), and each rep's attainment and tier over the
 * last 12 months from the numbers grid (store/numbers.h, the tiers page's
 * source), computed by domain/hiring-profile.h.
 *
 * The 12 months are the twelve calendar months before today's (today's,
 * still running, is left out). A rep's attainment over them is the existing
 * rule (domain/tiers-grid.h: result / target) on the months that carry a
 * target: the sum of those months' results over the sum of their targets;
 * the tier is the existing tier rule (tiers_grid_compute with the
 * organisation's thresholds) on that same one-year figure, so a superstar
 * here is a rep at or above the superstar threshold over the year.
 */
#ifndef SG_SERVICE_HIRING_PROFILE_H
#define SG_SERVICE_HIRING_PROFILE_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../domain/hiring-profile.h"
#include "../domain/period.h"
#include "../store/traits.h"

#define HP_MONTHS 12

struct hiring_profile {
	char since[11];			/* assessments submitted on or after this day (today - 365) */
	struct period first, last;	/* the first and last of the 12 months */
	struct trait_list traits;	/* active, in order */
	struct hp_trait *res;		/* [traits.n] */
	size_t *order;			/* [traits.n]: by |r| */
	size_t reps_scored;		/* current reps with a manager assessment in the window */
	size_t reps_with_target;	/* reps with a target in the 12 months */
	size_t superstars;		/* of those, superstars over the year */
	int cut;			/* a bound was reached */
};

/* lang: the traits' default texts in the reader's language */
enum err hiring_profile_load(struct db_conn *c, struct arena *a, int64_t org_id, const char *today, enum lang l,
			     struct hiring_profile *out);

#endif
