/*
 * improve-needs: who is an underperformer and what about them needs the
 * manager now (issue 10, "no muddling on") — one floor above the store, as
 * it joins the tiers (store/numbers.c, domain/tiers-grid.c) with the
 * improvement plans (store/improve.c) and applies domain/improve.c's
 * warning rules. Ready for the coach's inbox: improve_needs is the one
 * function that lists this part's items for a manager.
 *
 * The tiers are those of the last COMPLETED quarter (a running quarter
 * puts everyone below the line in its first weeks), by the organisation's
 * tier rules; a rep's run is the number of completed quarters in a row,
 * the last one included, with attainment below the underperformer line.
 */
#ifndef SG_SERVICE_IMPROVE_NEEDS_H
#define SG_SERVICE_IMPROVE_NEEDS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../domain/improve.h"

/* a rep who is an underperformer (TIER_UNDER) by the tiers */
struct improve_under {
	int64_t rep_id, team_id;
	const char *rep_name, *team_name;
	int run;			/* completed quarters in a row below the line */
	char period_label[12];		/* the last completed quarter */
	double attainment;		/* in that quarter */
};
/* the reps of the teams manager_id leads who are underperformers in the
 * last completed quarter before today; *period that quarter */
enum err improve_underperformers(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
				 const char *today, struct improve_under **out, size_t *n, struct period *period);

struct improve_need {
	const char *kind;		/* "no_plan", "review", "no_decision" */
	int64_t rep_id, plan_id;	/* plan_id 0: an underperformer without a plan */
	const char *rep_name;
	char since[11];			/* the day it became due */
	const char *link;		/* where it is acted on */
	int urgency;			/* 3 no decision, 2 review passed, 1 no plan */
};
/* the items for the manager, most urgent first (then the oldest), at most
 * limit (> 0) */
enum err improve_needs(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id, const char *today,
		       size_t limit, struct improve_need **out, size_t *n);

/* the warnings of one plan as the pages show them: IW_* bits of
 * domain/improve.h, with the tiers' run of its rep (0 when not an
 * underperformer by the tiers) */
struct improve_plan;
unsigned improve_plan_warnings(const struct improve_plan *p, int run, const char *today, int fiscal_start_month,
			       struct improve_warning_days *days);

#endif
