/*
 * plan-metrics: the figures a plan goal may track (domain/plans.h), read
 * for one rep from the stores behind the figures pages and computed by the
 * domain rules those pages use — one floor above the store, as it joins
 * two of them:
 *
 *   commitment_rate  (steps + stops) / conversations held in the window
 *                    (store/figures.c, domain/commitment.c)
 *   steps_kept       steps kept on time / steps due in the window (the
 *                    follow-through of the figures page)
 *   attainment       result / target of the period (store/numbers.c,
 *                    domain/attainment.c): the plan's period when it is a
 *                    month, quarter or fiscal year, else the quarter holding
 *                    the window's last day
 *
 *   learning_activities[:kind], learning_hours[:kind]  (learning, issue 9)
 *                    done learning activities of the rep in the window (of
 *                    the kind, and on the goal's trait when it has one), or
 *                    their hours (store/learning-index.c); baseline 0
 *
 * The CURRENT figure of a goal is over the plan's period up to today (its
 * last day at most). Its BASELINE, taken when the goal is made (unless one
 * is typed), is the same figure over the 90 days up to that day; for
 * attainment, the period just before the one above.
 */
#ifndef SG_SERVICE_PLAN_METRICS_H
#define SG_SERVICE_PLAN_METRICS_H
#include <stdint.h>
#include "../db/db.h"
#include "../lib/arena.h"

/* *out NaN when there is no figure (no conversations, no step due, no
 * target); E_INVALID for an unknown metric */
enum err plan_metric_current(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *metric,
			     const char *period_start, const char *period_end, const char *today, double *out);
/* the same, for a goal on trait_id (0: none): the learning metrics count the
 * activities on that trait only */
enum err plan_metric_current_on(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *metric,
				int64_t trait_id, const char *period_start, const char *period_end, const char *today,
				double *out);
enum err plan_metric_baseline(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *metric,
			      const char *period_start, const char *period_end, const char *today, double *out);

#endif
