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

/* rep by rep (the leaderboards): the conversations by outcome and the steps
 * due and kept by their agreed date, as figures_commitment counts them for
 * the scope; only those counts of commitment_counts are filled. Reps with
 * neither are left out. One query for each, whatever the number of reps. */
struct rep_figures {
	int64_t rep_id;
	struct commitment_counts c;
};
enum err figures_by_rep(struct db_conn *c, struct arena *a, int64_t org_id, const struct figures_scope *s,
			const char *from, const char *to, const char *today, struct rep_figures **out, size_t *n);
/* levers (issue 10): figures_by_rep's conversations by outcome alone (steps
 * due left zero): one read of rollup_conversations, for the commitment
 * rate's leaderboard, the leaderboards' minimum and the inbox's rate rule */
enum err figures_conversations_by_rep(struct db_conn *c, struct arena *a, int64_t org_id, const struct figures_scope *s,
				      const char *from, const char *to, struct rep_figures **out, size_t *n);

/* a count rep by rep, for the leaderboards' other figures (new deals,
 * learning minutes); figures_read_rep_counts reads rows (rep_id, count)
 * of a statement and finishes it */
struct rep_count {
	int64_t rep_id, n;
};
enum err figures_read_rep_counts(struct db_stmt *st, struct arena *a, struct rep_count **out, size_t *n);
/* deals the reps own that were created within from..to ("new deals");
 * team_id 0: the organisation */
enum err figures_new_deals_by_rep(struct db_conn *c, struct arena *a, int64_t org_id, int64_t team_id,
				  const char *from, const char *to, struct rep_count **out, size_t *n);

#endif
