/*
 * learning-log: the queries of the learning log's pages and API (issue 9;
 * tables of migration 0015) — one activity, a rep's log, changing,
 * answering and completing an activity, a rep's hours by origin, what is
 * due, and mandatory trainings assigned to a team with one row per member.
 * The one insert into learning_activities is store/learning.c's
 * learning_add. Who may see or write is domain/access.c's
 * (access_learning_*); the rules of input domain/learning.c's.
 */
#ifndef SG_STORE_LEARNING_LOG_H
#define SG_STORE_LEARNING_LOG_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "learning.h"
#include "figures.h"

#define LEARNING_LIST_MAX 500		/* activities of one rep in one list (one page of the API, the page, a download) */
#define LEARNING_ASSIGNMENTS_MAX 200	/* assignments of one team in one list */
#define LEARNING_MEMBERS_MAX 500	/* members of one assignment */

struct learning_row {
	int64_t id, org_id, rep_id, rep_team_id;
	const char *rep_name;
	const char *kind, *title, *origin, *status;
	const char *done_on, *due_on;	/* "" when none */
	int minutes;
	int64_t trait_id, subskill_id;	/* 0: none */
	const char *trait_code, *trait_name, *subskill_name;	/* "" when none */
	const char *learned, *will_change;
	int64_t suggested_by, assignment_id, library_item_id, loan_id, meeting_id, created_by;
	const char *suggested_by_name, *library_title;	/* "" when none */
	int64_t created_at;
};

struct learning_list {
	struct learning_row *items;
	size_t n;
	int64_t total;			/* rows of the whole list (beyond limit) */
};

enum err learning_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct learning_row *out);
/* a rep's activities, newest first (open ones by due day, done ones by the
 * day done); status NULL for all; at most limit (<= LEARNING_LIST_MAX)
 * from offset */
enum err learning_list_rep(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *status,
			   size_t limit, size_t offset, struct learning_list *out);
/* the rep's open ones (suggested, accepted, assigned), due first */
enum err learning_list_open(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
			    struct learning_list *out);

/* what changes on an edit: kind, title, done_on, minutes, trait, subskill,
 * origin, the reflection. E_NOTFOUND when absent */
enum err learning_update(struct db_conn *c, int64_t org_id, int64_t id, const struct new_learning *l);
enum err learning_delete(struct db_conn *c, int64_t org_id, int64_t id);
/* a suggestion answered: 'suggested' -> 'accepted' or 'declined';
 * E_CONFLICT when it is not an open suggestion (answered already) */
enum err learning_answer(struct db_conn *c, int64_t org_id, int64_t id, const char *status);
/* an accepted suggestion or an assigned training done: status 'done' with
 * done_on, minutes and the reflection; E_CONFLICT when it is neither */
enum err learning_complete(struct db_conn *c, int64_t org_id, int64_t id, const char *done_on, int minutes,
			   const char *learned, const char *will_change);

/* a rep's done activities from `from` on: minutes by origin (self,
 * suggested, mandatory), count and how many have a reflection */
struct learning_summary {
	int64_t minutes[3];
	int64_t count, reflected;
};
enum err learning_summary_rep(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *from,
			      struct learning_summary *out);

/* the title of a library item of the organisation (a suggestion of it);
 * E_NOTFOUND when there is none */
enum err learning_library_title(struct db_conn *c, struct arena *a, int64_t org_id, int64_t item_id, const char **title);

/* mandatory trainings */
struct new_assignment {
	int64_t team_id;
	const char *kind, *title, *due_on;
	int minutes;
	int64_t trait_id, subskill_id;
	int64_t assigned_by;
};
struct learning_assignment {
	int64_t id, org_id, team_id;
	const char *team_name, *kind, *title, *due_on, *assigned_by_name;
	int minutes;
	int64_t trait_id, subskill_id, assigned_by;
	const char *trait_code, *trait_name;
	int64_t members, done, overdue;	/* rows, done ones, open ones past due (as of today) */
	int64_t created_at;
};
struct assignment_list {
	struct learning_assignment *items;
	size_t n;
};
/* the assignment and one 'assigned' row per active member of the team now;
 * *members their number. Run it in a transaction. */
enum err learning_assign(struct db_conn *c, int64_t org_id, const struct new_assignment *in, int64_t *id,
			 size_t *members);
enum err learning_assignment_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, const char *today,
				 struct learning_assignment *out);
/* the assignments of the teams (latest due first), counts as of today */
enum err learning_assignment_list(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *teams,
				  size_t nteams, const char *today, struct assignment_list *out);
/* an assignment's rows, by member name */
enum err learning_assignment_members(struct db_conn *c, struct arena *a, int64_t org_id, int64_t assignment_id,
				     struct learning_list *out);
/* the open mandatory rows of the teams' members past their due day */
enum err learning_team_overdue(struct db_conn *c, int64_t org_id, const int64_t *teams, size_t nteams,
			       const char *today, int64_t *count);

/* leaderboards and contests (issue 10): minutes of done learning, rep by
 * rep, done within from..to (inclusive); team_id 0: the organisation */
enum err learning_minutes_by_rep(struct db_conn *c, struct arena *a, int64_t org_id, int64_t team_id,
				 const char *from, const char *to, struct rep_count **out, size_t *n);

#endif
