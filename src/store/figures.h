/*
 * figures: the counts behind the step-or-stop figures for a rep, a team or
 * the whole organisation over a period (domain/commitment.c turns them into
 * rates). What each count means is written beside its query, and on the
 * figures page, so every number can be recomputed by hand.
 */
#ifndef SG_STORE_FIGURES_H
#define SG_STORE_FIGURES_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../domain/commitment.h"

/* whose figures: rep_id, else team_id, else the teams manager_id leads,
 * else the organisation */
struct figures_scope {
	int64_t rep_id, team_id, manager_id;
};

struct month_counts {
	char month[8];			/* "YYYY-MM" */
	int64_t conversations, steps, stops, nones;
};

/* from and to are inclusive days; steps count as due when their agreed date
 * lies in the period and before today */
enum err figures_commitment(struct db_conn *c, struct arena *a, int64_t org_id, const struct figures_scope *s,
			    const char *from, const char *to, const char *today,
			    struct commitment_counts *out, double **gaps, size_t *ngaps);
enum err figures_monthly(struct db_conn *c, struct arena *a, int64_t org_id, const struct figures_scope *s,
			 const char *from, const char *to, struct month_counts **out, size_t *n);

#endif
