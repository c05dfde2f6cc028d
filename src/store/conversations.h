/*
 * conversations: logging a customer conversation and what follows from its
 * outcome, in one transaction: the conversation itself; the deal's open
 * step as the user answered (kept, slipped to a new date, missed, left
 * open), the unanswered ones by the rule of domain/commitment.h
 * step_answer_status; a new step for STEP; the deal lost or paused for STOP; and
 * progress when the deal moved to a later stage. Plus the next steps'
 * own life: kept, moved (a slip) or cancelled from the agenda.
 */
#ifndef SG_STORE_CONVERSATIONS_H
#define SG_STORE_CONVERSATIONS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../domain/commitment.h"
#include "../domain/access.h"

struct conversation {
	int64_t id, rep_id, deal_id, account_id;
	const char *rep_name, *deal_title, *account_name;
	const char *kind, *held_on, *notes, *outcome, *stop_reason, *stop_note;
	int64_t at;
	int minutes, gut_feeling, progressed;
	/* the step it ended in, when outcome is "step" */
	int64_t step_id;
	const char *step_what, *step_who, *step_due, *step_status;
	int step_slips;
};

struct conversation_list {
	struct conversation *items;
	size_t n;
	int64_t total;
};

struct conversation_log_input {
	struct conversation_input in;	/* validated by conversation_validate */
	int64_t rep_id;
	int64_t at;			/* epoch; held_on is in.date */
	const char *notes;
	int64_t new_stage_id;		/* 0: the deal stays in its stage */
	/* the answer for the deal's open step (domain/commitment.h
	 * step_answer): "kept", "slipped" (to open_step_due), "missed",
	 * "open"; NULL when nobody answered */
	const char *open_step, *open_step_due;
	/* every step it follows up closes by its dates — kept within the grace
	 * period, else missed — even one not yet due (the demo's generated
	 * history, in which each conversation is the step before it) */
	int close_by_dates;
};

/* validates and stores; E_INVALID fills err (field + msgid) */
enum err conversation_log(struct db_conn *c, struct arena *a, int64_t org_id,
			  const struct conversation_log_input *li, const char *today, int grace_days,
			  int64_t *id, struct rule_error *err);
enum err conversation_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id,
			  struct conversation *out);
/* the kind and minutes of the rep's latest conversation (the form
 * pre-chooses them); *kind NULL and *minutes -1 when there is none */
enum err conversation_last_kind(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
				const char **kind, int *minutes);
/* by deal (deal_id), or by rep (rep_id) in [from, to]; newest first */
enum err conversation_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t deal_id,
			   int64_t rep_id, const char *from, const char *to, int limit, int offset,
			   struct conversation_list *out);
/* what may change after logging: the kind, the duration and the notes. The
 * outcome is what happened and stays; a new conversation records a change. */
enum err conversation_update(struct db_conn *c, int64_t org_id, int64_t id, const char *kind, int minutes,
			     const char *notes);

/* conversations or steps as a viewer may list them: a row is visible when the
 * viewer may see its rep or its deal's owner (scope and viewer_id as in
 * deal_filter, from access_deal_scope); zero or NULL fields do not filter */
struct activity_filter {
	enum scope scope;
	int64_t viewer_id;
	int64_t rep_id, deal_id;
	const char *from, *to;		/* conversations held in [from, to] */
	const char *status;		/* steps: "open", "kept", "missed", "cancelled" */
	int limit, offset;		/* limit 0: all */
	/* keyset paging of conversations (the API cursor): only those after
	 * the one with this sort key (held_on, at, id) in the newest-first
	 * order; after_id 0 does not filter. The database starts where the
	 * last page ended instead of skipping rows. */
	const char *after_held_on;
	int64_t after_at, after_id;
	/* the same for steps, in their earliest-due-first order: (due, id) */
	const char *after_due;
};
/* newest first */
enum err conversation_find(struct db_conn *c, struct arena *a, int64_t org_id, const struct activity_filter *f,
			   struct conversation_list *out);
/* conversation_find narrowed to the reps in team team_id (0: no team filter),
 * for the conversations list page; newest first */
enum err conversations_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct activity_filter *f,
			    int64_t team_id, struct conversation_list *out);

struct step_row {
	int64_t id, deal_id, account_id, rep_id, conversation_id;
	const char *what, *who, *due, *original_due, *status, *done_on, *created_on;
	const char *deal_title, *account_name, *rep_name;
	int slips;
	enum step_state state;		/* computed with today and the grace period */
};

struct step_list {
	struct step_row *items;
	size_t n;
	int64_t total;
};

enum err step_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct step_row *out);
/* open steps of a rep due up to `until` (overdue ones included), earliest first */
enum err step_agenda(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *until,
		     struct step_list *out);
/* steps filtered by rep, deal and status ("open"...; NULL for all); limit 0 = all */
enum err step_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, int64_t deal_id,
		   const char *status, int limit, int offset, struct step_list *out);
enum err step_keep(struct db_conn *c, int64_t org_id, int64_t id, const char *today);
/* moves an open step to new_due and counts the slip (domain rules apply) */
enum err step_slip(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, const char *new_due,
		   const char *today, struct rule_error *err);
enum err step_cancel(struct db_conn *c, int64_t org_id, int64_t id);
/* earliest due first */
enum err step_find(struct db_conn *c, struct arena *a, int64_t org_id, const struct activity_filter *f,
		   struct step_list *out);
/* computes each row's state */
void step_assess(struct step_row *s, size_t n, const char *today, int grace_days);

#endif
