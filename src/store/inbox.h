/*
 * inbox (store): the queries of the coach's inbox (issue 10; the table of
 * migration 0025) — a user's dismissals and snoozes, and the facts of the
 * inbox's own sources that no other store gives: the reps of a manager's
 * teams with the day of their last learning. Which items there are is
 * domain/inbox.c; gathering them is service/inbox.c. Scoped to the
 * organisation, bounded.
 */
#ifndef SG_STORE_INBOX_H
#define SG_STORE_INBOX_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../domain/inbox.h"

#define INBOX_REPS_MAX 1000
#define INBOX_DISMISSALS_MAX 2000

struct inbox_rep {
	int64_t rep_id, team_id, manager_id;	/* manager_id: who leads the team (0: none) */
	const char *name, *team_name;
	char joined[11];			/* the day the user was created */
	const char *last_learning;		/* the last learning done ("" when none) */
};
/* the active members of the teams manager_id leads (manager_id 0: of every
 * team of the organisation), the manager themself left out; by name. A rep
 * in two teams is listed once per team. */
enum err inbox_reps(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
		    struct inbox_rep **out, size_t *n);

/* the user's dismissals and snoozes (at most INBOX_DISMISSALS_MAX, newest first) */
enum err inbox_dismissals(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			  struct inbox_dismissal **out, size_t *n);
/* dismisses (until NULL or "") or snoozes (until a day) one item, replacing
 * what was stored for its key */
enum err inbox_dismiss(struct db_conn *c, int64_t org_id, int64_t user_id, const char *key, const char *fingerprint,
		       const char *until);

#endif
