/*
 * one-on-ones: the queries of one-on-one cadences, meetings, their agenda
 * points and the actions that carry forward (issue 8; tables of migration
 * 0011). Who may see or change what is decided in domain/access.c
 * (access_one_on_one_*), never here; when a one-on-one is due is
 * domain/cadence.c. These only read and write, scoped to the organisation,
 * bounded.
 */
#ifndef SG_STORE_ONE_ON_ONES_H
#define SG_STORE_ONE_ON_ONES_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

#define OOO_REPS_MAX 1000	/* reps in one manager's list */
#define OOO_LIST_MAX 200	/* one-on-ones of a rep in one list (newest first) */
#define OOO_POINTS_MAX 300	/* points on one agenda */
#define OOO_ACTIONS_MAX 300	/* actions shown at one one-on-one */
#define OOO_TEXT_MAX 2000	/* a point or an action */
#define OOO_NOTES_MAX 20000	/* shared or private notes */

/* one rep as the one-on-ones list shows them */
struct ooo_rep {
	int64_t rep_id, team_id, manager_id;	/* manager_id: who leads the rep's team (0: none) */
	const char *rep_name, *team_name;
	const char *every, *anchor_on;		/* "" when no cadence is set */
	const char *last_held;			/* "" when none held */
	int64_t next_id;			/* the next planned one-on-one, 0 if none */
	const char *next_on;			/* its day, "" if none */
	int64_t open_actions;
};
struct ooo_rep_list {
	struct ooo_rep *items;
	size_t n;
};

/* the reps of the teams manager_id leads (manager_id != 0), or the one rep
 * rep_id (rep_id != 0), by name; active reps only */
enum err ooo_reps(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id, int64_t rep_id,
		  struct ooo_rep_list *out);

/* sets (inserts or replaces) a rep's cadence */
enum err ooo_cadence_set(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *every, const char *anchor_on,
			 int64_t set_by);

struct one_on_one {
	int64_t id, org_id, rep_id, manager_id;
	const char *scheduled_on, *held_on;	/* held_on "" until held */
	const char *status;			/* planned, held, cancelled */
	const char *shared_notes, *private_notes;
	const char *rep_name, *manager_name;
	int64_t rep_team_id;			/* the rep's current team (0: none) */
	int64_t created_at;
};
struct ooo_list {
	struct one_on_one *items;
	size_t n;
};

enum err ooo_create(struct db_conn *c, int64_t org_id, int64_t rep_id, int64_t manager_id, const char *scheduled_on,
		    int64_t *id);
enum err ooo_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct one_on_one *out);
/* a rep's one-on-ones, newest first */
enum err ooo_list_rep(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, struct ooo_list *out);
/* the one-on-ones of the reps now in the teams manager_id leads, and the
 * viewer's own (rep_id = viewer_id), newest first; *total counts them all */
enum err ooo_list_visible(struct db_conn *c, struct arena *a, int64_t org_id, int64_t viewer_id, int64_t limit,
			  int64_t offset, struct ooo_list *out, int64_t *total);
/* the day of the rep's last one-on-one held before `before` ("" when none) */
enum err ooo_last_held_before(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *before,
			      int64_t not_id, const char **out);
/* shared and private notes (NULL: leave as is) */
enum err ooo_notes_set(struct db_conn *c, int64_t org_id, int64_t id, const char *shared, const char *private_notes);
/* marks it held on day; E_CONFLICT when it is not planned */
enum err ooo_mark_held(struct db_conn *c, int64_t org_id, int64_t id, const char *day);
/* moves a planned one to another day; E_CONFLICT when it is not planned */
enum err ooo_reschedule(struct db_conn *c, int64_t org_id, int64_t id, const char *day);

/* agenda points: the template's sections, then the rep's own points (the
 * CHECK of one_on_one_points.section, migration 0011) */
#define OOO_NSECTIONS 6
extern const char *const ooo_sections[OOO_NSECTIONS];
/* the index of a section code in ooo_sections, -1 when it is none */
int ooo_section_index(const char *code);
struct ooo_point {
	int64_t id, author_id;
	const char *section;		/* effort, improvement, progress, works, strengthen, rep */
	const char *text, *author_name;
};
struct ooo_point_list {
	struct ooo_point *items;
	size_t n;
};
enum err ooo_point_add(struct db_conn *c, int64_t org_id, int64_t meeting_id, int64_t author_id, const char *section,
		       const char *text, int64_t *id);
enum err ooo_points(struct db_conn *c, struct arena *a, int64_t org_id, int64_t meeting_id, struct ooo_point_list *out);

/* actions: agreed at a meeting, shown at every later one-on-one of the rep
 * until done */
struct ooo_action {
	int64_t id, meeting_id, rep_id, owner_id;
	const char *what, *due, *done_on;	/* due, done_on "" when none */
	const char *owner_name, *meeting_on;	/* the scheduled day of the meeting it was agreed at */
	int64_t done_meeting_id;
};
struct ooo_action_list {
	struct ooo_action *items;
	size_t n;
};
enum err ooo_action_add(struct db_conn *c, int64_t org_id, int64_t meeting_id, int64_t rep_id, int64_t owner_id,
			const char *what, const char *due, int64_t *id);
enum err ooo_action_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct ooo_action *out);
/* the actions to show at meeting m of rep (scheduled on day): those agreed
 * at it, the open ones agreed at the rep's earlier one-on-ones (carried
 * forward), and those ticked done at it; oldest first */
enum err ooo_actions_at(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, int64_t meeting_id,
			const char *day, struct ooo_action_list *out);
/* ticks an action done on day (at meeting_id, 0: none); E_CONFLICT when it
 * is done already */
enum err ooo_action_done(struct db_conn *c, int64_t org_id, int64_t id, int64_t meeting_id, const char *day);

#endif
