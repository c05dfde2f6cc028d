/*
 * learning: the queries of the learning log (issue 9; tables of migration
 * 0015). One row per activity a rep did, was suggested or was assigned;
 * the library's returns and the sales meetings' attendance write theirs
 * through learning_add too. Who may see or write one is domain/access.c's
 * (access_learning_*), never decided here; the rules of input are
 * domain/learning.c's.
 */
#ifndef SG_STORE_LEARNING_H
#define SG_STORE_LEARNING_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

struct new_learning {
	int64_t rep_id;
	const char *kind;		/* domain/learning.h learning_kind_codes */
	const char *title;
	const char *origin;		/* "self", "suggested", "mandatory" */
	const char *status;		/* "done" (default when NULL), "suggested", "accepted", "declined", "assigned" */
	const char *done_on;		/* 'YYYY-MM-DD'; required for "done", NULL otherwise */
	const char *due_on;		/* NULL: none */
	int minutes;
	int64_t trait_id, subskill_id;	/* 0: none / the trait as a whole */
	const char *learned, *will_change;	/* the reflection; NULL or "" for none */
	int64_t suggested_by, assignment_id, library_item_id, loan_id, meeting_id;	/* 0: none */
	int64_t created_by;
};

/* one activity; *id its id (may be NULL). Run it in the caller's
 * transaction when it goes with another write (a return, attendance). */
enum err learning_add(struct db_conn *c, int64_t org_id, const struct new_learning *l, int64_t *id);

#endif
