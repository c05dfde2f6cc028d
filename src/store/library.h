/*
 * library: the queries of the library (issue 9, part 3; tables of migration
 * 0015): items with their traits, copies and ratings, loans, the waiting
 * list, and what the recommendations per trait read. Lending and returning
 * are each one transaction here: library_lend locks the item's row first
 * (PostgreSQL: SELECT … FOR UPDATE; SQLite: db_begin's BEGIN IMMEDIATE
 * takes the write lock before the count), so two people racing for the last
 * copy cannot both get it; library_return sets returned_on and writes the
 * learning activity (store/learning.h learning_add, or completes the
 * suggested, accepted or assigned one) in one go. Every query names the
 * organisation; every list is bounded. Who may do what is domain/access.c's
 * (access_library_*), the rules domain/library.c's.
 */
#ifndef SG_STORE_LIBRARY_H
#define SG_STORE_LIBRARY_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../domain/library.h"

#define LIBRARY_LIST_MAX 200		/* items on one page of the catalogue */
#define LIBRARY_LOANS_MAX 1000		/* loans in one list (and its download) */
#define LIBRARY_WAITLIST_MAX 200
#define LIBRARY_READINGS_MAX 20000	/* returned loans × traits read for recommendations */
#define LIBRARY_SCORES_MAX 50000	/* manager scores read for recommendations */

struct library_trait {
	int64_t trait_id, subskill_id;
	const char *name;		/* the trait's name (translated when a default), ": sub-skill" added */
};

struct library_item {
	int64_t id, org_id;
	const char *kind, *title, *author, *url, *summary;
	int copies, minutes;
	int64_t added_by, retired_at, created_at;
	int open_loans, waiting;
	int nrated;
	double avg_rating;		/* NaN when none */
	struct library_trait *traits;
	size_t ntraits;
};

/* what an item is given: the checked input */
struct library_item_new {
	const char *kind, *title, *author, *url, *summary;
	int copies, minutes;
	const int64_t *traits;		/* trait ids (whole traits) */
	size_t ntraits;
};

struct library_filter {
	const char *kind;		/* NULL: all */
	int64_t trait_id;		/* 0: all */
	const char *q;			/* title or author contains; NULL: all */
	int retired;			/* 1: the retired ones instead */
};

enum err library_item_create(struct db_conn *c, int64_t org_id, const struct library_item_new *in, int64_t added_by,
			     int64_t *id);
enum err library_item_update(struct db_conn *c, int64_t org_id, int64_t id, const struct library_item_new *in);
/* retire (1) or bring back (0) */
enum err library_item_retire(struct db_conn *c, int64_t org_id, int64_t id, int retire);
enum err library_item_get(struct db_conn *c, struct arena *a, enum lang l, int64_t org_id, int64_t id,
			  struct library_item *out);
/* by title; limit <= LIBRARY_LIST_MAX */
enum err library_items_list(struct db_conn *c, struct arena *a, enum lang l, int64_t org_id,
			    const struct library_filter *f, int64_t limit, int64_t offset, struct library_item **out,
			    size_t *n, int64_t *total);

struct library_loan {
	int64_t id, item_id;
	const char *item_title, *item_kind;
	int64_t borrower_id;
	const char *borrower_name;
	int64_t borrower_team_id;
	const char *lent_on, *due_on, *returned_on;	/* returned_on "" while open */
	const char *takeaway;		/* the reader's: only for access_private callers */
	int rating;			/* 0: none */
};
struct library_loan_scope {
	int64_t item_id;		/* 0: every item */
	int64_t borrower_id;		/* 0: everyone */
	int open_only;
};
/* open loans first, by due date (overdue first), then returned ones newest
 * first; at most limit (<= LIBRARY_LOANS_MAX) */
enum err library_loans_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct library_loan_scope *s,
			    int64_t limit, int64_t offset, struct library_loan **out, size_t *n, int64_t *total);
enum err library_loan_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct library_loan *out);

/* lend a copy of item_id to borrower_id on lent_on, due on due_on, in one
 * transaction; *outcome says why not (domain/library.h enum library_lend):
 * E_OK with LEND_OK and *loan_id, else E_CONFLICT with the reason;
 * E_NOTFOUND when the organisation has no such item */
enum err library_lend(struct db_conn *c, int64_t org_id, int64_t item_id, int64_t borrower_id, const char *lent_on,
		      const char *due_on, enum library_lend *outcome, int64_t *loan_id);

/* return loan_id on day: the takeaway, the rating (0: none) and the learning
 * activity, in one transaction. E_CONFLICT when it was returned already
 * (nothing changed); *activity_id the activity written or completed */
struct library_return {
	const char *day, *takeaway;
	int rating;
	int64_t by;			/* who records it */
};
enum err library_return_loan(struct db_conn *c, int64_t org_id, int64_t loan_id, const struct library_return *in,
			     int64_t *activity_id);

/* the waiting list: join (E_CONFLICT when on it already, E_INVALID when
 * the person has a copy of the item on loan, E_NOTFOUND when the
 * organisation has no such item), leave
 * (E_NOTFOUND when not on it) */
enum err library_wait_join(struct db_conn *c, int64_t org_id, int64_t item_id, int64_t user_id);
enum err library_wait_leave(struct db_conn *c, int64_t org_id, int64_t item_id, int64_t user_id);
struct library_waiter {
	int64_t user_id;
	const char *name;
	int64_t since;
};
/* in order, first in line first */
enum err library_waitlist(struct db_conn *c, struct arena *a, int64_t org_id, int64_t item_id,
			  struct library_waiter **out, size_t *n);

/* the items with a copy held for user_id (they are first in line and a
 * copy is free), by title; at most LIBRARY_WAITLIST_MAX */
enum err library_held_for(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			  struct library_item **out, size_t *n);

/* suggest an item to a rep: a learning activity with status 'suggested' */
enum err library_suggest(struct db_conn *c, int64_t org_id, const struct library_item *it, int64_t rep_id,
			 int64_t by, int64_t *activity_id);

/* what the recommendations read: every returned loan × trait of an item
 * (trait_id 0: every trait), and the submitted manager scores of whole
 * traits of the readers, each on the day its round opened (the order the
 * profile shows them in) */
enum err library_readings(struct db_conn *c, struct arena *a, int64_t org_id, int64_t trait_id,
			  struct library_reading **out, size_t *n);
enum err library_reader_scores(struct db_conn *c, struct arena *a, int64_t org_id, int64_t trait_id,
			       struct library_score **out, size_t *n);

#endif
