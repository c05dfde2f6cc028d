/*
 * improve: the queries of improvement plans for underperformers (issue 10,
 * migration 0018): the plans (flag, diagnosis, days, decision) and their
 * items (expectations, support, review dates). Every function takes the
 * organisation and names it in its SQL; every list is bounded. Who may see
 * or change what is domain/access.c's, asked by the caller (web/load.c)
 * before these run; which fields the caller may read (the diagnosis notes)
 * is the caller's to leave out.
 */
#ifndef SG_STORE_IMPROVE_H
#define SG_STORE_IMPROVE_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

struct improve_plan {
	int64_t id, org_id, rep_id;
	const char *rep_name;
	int64_t rep_team_id;		/* 0 when the rep is in no team */
	const char *team_name;		/* "" when none */
	const char *source, *period_label, *flagged_on, *status;
	const char *diagnosis, *diagnosis_notes;
	/* "" when not set */
	const char *plan_start, *plan_end, *extended_on, *decision, *decided_on;
	const char *decision_note;
	int64_t created_by, created_at;
	const char *first_open_review;	/* the earliest review without an outcome, "" when none */
};

/* lists: one rep's plans (rep_id; hide_flagged leaves out flags without a
 * plan, for the rep), else those of the reps of the teams manager_id leads;
 * status "closed" (decided), "undecided" (flagged or open), or NULL (all) */
struct improve_scope {
	int64_t rep_id, manager_id;
	int hide_flagged;
	const char *status;
};

/* status "open" when the plan has its days, else "flagged" */
enum err improve_create(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *source, const char *period_label,
			const char *flagged_on, const char *diagnosis, const char *diagnosis_notes,
			const char *plan_start, const char *plan_end, int64_t created_by, int64_t *id);
enum err improve_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct improve_plan *out);
/* the rep's undecided plan (flagged or open): its id, 0 when none */
enum err improve_undecided_of(struct db_conn *c, int64_t org_id, int64_t rep_id, int64_t *id);
/* undecided first, then the newest flag; limit > 0 */
enum err improve_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct improve_scope *s, int64_t limit,
		      int64_t offset, struct improve_plan **out, size_t *n, int64_t *total);
/* NULL: unchanged. A flagged plan given its days becomes open. E_CONFLICT
 * when the plan is closed (nothing changed) */
enum err improve_update(struct db_conn *c, int64_t org_id, int64_t id, const char *diagnosis,
			const char *diagnosis_notes, const char *plan_start, const char *plan_end);
/* stores a decision worked out by domain/improve.c's improve_decide on day
 * today: E_CONFLICT when the plan was closed meanwhile (nothing stored) */
enum err improve_decide_store(struct db_conn *c, int64_t org_id, int64_t id, const char *status, const char *decision,
			      const char *plan_end, int extended, const char *note, const char *today);

struct improve_item {
	int64_t id, plan_id;
	const char *kind, *text, *metric;
	double baseline, target;	/* NaN when not set */
	const char *support_kind, *link_kind;
	int64_t link_id;		/* 0: none */
	const char *on_date, *outcome;	/* "" when none */
};
#define IMPROVE_ITEMS_MAX 200
enum err improve_item_add(struct db_conn *c, int64_t org_id, const struct improve_item *in, int64_t *id);
enum err improve_item_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct improve_item *out);
/* by kind, then as added; at most IMPROVE_ITEMS_MAX */
enum err improve_items_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t plan_id,
			    struct improve_item **out, size_t *n);
enum err improve_item_outcome(struct db_conn *c, int64_t org_id, int64_t id, const char *outcome);

#endif
