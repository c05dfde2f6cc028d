/*
 * meetings: the queries of a team's sales meetings, their agenda items and
 * attendance, and the case library (issue 9; tables sales_meetings,
 * meeting_items, meeting_attendance and practice_cases of migration 0015).
 * Who may see or change what is domain/access.c's (access_meeting_*,
 * access_case_*); the rules (prepared needs a case or theory, the case
 * rotation) are domain/meetings.c's. These only read and write, scoped to the
 * organisation, bounded. Attendance writes each present member's learning
 * activity through store/learning.h's learning_add in its own transaction.
 */
#ifndef SG_STORE_MEETINGS_H
#define SG_STORE_MEETINGS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

#define MEETINGS_LIST_MAX 500	/* meetings in one list */
#define MEETING_ITEMS_MAX 50	/* items on one agenda */
#define MEETING_MEMBERS_MAX 500	/* members on one attendance list */
#define CASES_MAX 1000		/* cases in the library's list */
#define MEETINGS_DUE_MAX 50	/* entries of the home page's "what is due" */
#define MEETINGS_FEED_MAX 400	/* meetings in one calendar feed */

struct meeting {
	int64_t id, org_id, team_id;
	const char *team_name, *title, *held_on, *starts_at, *status, *notes;
	int minutes;
	int64_t created_by;
	int64_t cases, theories;	/* agenda items of each kind */
	int64_t present, recorded;	/* attendance: present, on the list */
	const char *agenda_title;	/* the first case's title, else the first theory's; "" when none */
};
struct meeting_list {
	struct meeting *items;
	size_t n;
};

enum err meeting_create(struct db_conn *c, int64_t org_id, int64_t team_id, const char *title, const char *held_on,
			const char *starts_at, int minutes, int64_t created_by, int64_t *id);
/* changes the fields given (NULL, or minutes 0: unchanged) */
enum err meeting_update(struct db_conn *c, int64_t org_id, int64_t id, const char *title, const char *held_on,
			const char *starts_at, int minutes, const char *notes);
enum err meeting_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct meeting *out);
/* a team's meetings (team_id 0: every team of the organisation) on or after
 * from (NULL: all), by day; at most limit (<= MEETINGS_LIST_MAX) from offset;
 * *total how many there are */
enum err meeting_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t team_id, const char *from,
		      size_t limit, size_t offset, struct meeting_list *out, int64_t *total);
/* planned (not held) to prepared; E_CONFLICT when it is not planned */
enum err meeting_mark_prepared(struct db_conn *c, int64_t org_id, int64_t id);

struct meeting_item {
	int64_t id, meeting_id;
	const char *kind;		/* topic, case, theory */
	const char *title;		/* a case's: the case's title */
	int64_t case_id, library_item_id, presenter_id;
	const char *presenter_name;	/* "" when nobody */
	int64_t case_trait_id;		/* the case's trait, 0 when none */
	int position;
};
enum err meeting_items(struct db_conn *c, struct arena *a, int64_t org_id, int64_t meeting_id,
		       struct meeting_item **items, size_t *n);
/* a new item at the end of the agenda; case_id, library_item_id and
 * presenter_id 0 for none */
enum err meeting_item_add(struct db_conn *c, int64_t org_id, int64_t meeting_id, const char *kind, const char *title,
			  int64_t case_id, int64_t library_item_id, int64_t presenter_id, int64_t *id);
/* E_OK when the organisation's library has item id (a piece of theory may
 * name one), else E_NOTFOUND */
enum err meeting_library_item_check(struct db_conn *c, int64_t org_id, int64_t id);
/* E_NOTFOUND when the meeting has no such item */
enum err meeting_item_delete(struct db_conn *c, int64_t org_id, int64_t meeting_id, int64_t item_id);
/* swaps the item with the one above (up) or below; E_NOTFOUND when the
 * meeting has no such item, E_OK (nothing moves) at the end of the list */
enum err meeting_item_move(struct db_conn *c, int64_t org_id, int64_t meeting_id, int64_t item_id, int up);

/* a member of the meeting's team with their attendance */
struct meeting_member {
	int64_t user_id;
	const char *name;
	int present;	/* 1 present, 0 absent, -1 not on the list yet */
};
/* the active members of team_id, by name, with their attendance at meeting_id */
enum err meeting_members(struct db_conn *c, struct arena *a, int64_t org_id, int64_t meeting_id, int64_t team_id,
			 struct meeting_member **out, size_t *n);

/* attendance saved, and the learning it counts as: in one transaction the
 * meeting is marked held (mark_held), its attendance list replaced by
 * members[] (present[i] 1 or 0), and its learning activities replaced by one
 * per present member (never two per member per meeting) */
struct meeting_attendance_in {
	int64_t meeting_id;
	int mark_held;
	const int64_t *members;
	const int *present;
	size_t n;
	/* the learning activity of each present member */
	const char *kind, *title, *done_on;
	int minutes;
	int64_t trait_id, created_by;
};
enum err meeting_attendance_save(struct db_conn *c, int64_t org_id, const struct meeting_attendance_in *in);

/* the home page: meetings of the teams manager_id leads between from and to
 * (days, inclusive), not held, without a case or a piece of theory */
enum err meeting_list_unprepared(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
				 const char *from, const char *to, struct meeting_list *out);
/* agenda items user_id presents at meetings between from and to, not held */
struct meeting_presenting {
	int64_t meeting_id, item_id;
	const char *held_on, *meeting_title, *kind, *title;
};
enum err meeting_list_presenting(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
				 const char *from, const char *to, struct meeting_presenting **out, size_t *n);
/* held meetings between from and to with user_id on the list: *attended
 * present, *of on the list */
enum err meeting_attendance_count(struct db_conn *c, int64_t org_id, int64_t user_id, const char *from,
				  const char *to, int64_t *attended, int64_t *of);
/* the calendar feed: meetings of the teams user_id is a member of or leads,
 * on or after from, by day */
enum err meeting_list_feed(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id, const char *from,
			   struct meeting_list *out);

/* the case library */
struct practice_case {
	int64_t id, org_id;
	const char *title, *situation, *challenge, *good_handling;
	int64_t trait_id;		/* 0: none */
	int64_t added_by;
	const char *added_by_name;
	int64_t retired_at;		/* 0: in use */
	int64_t times_used;		/* on the agenda of held meetings */
	const char *last_used;		/* the last such meeting's day, "" never */
	const char *last_presenter;	/* who presented it there, "" nobody named */
};
struct case_list {
	struct practice_case *items;
	size_t n;
};
enum err case_create(struct db_conn *c, int64_t org_id, const char *title, const char *situation,
		     const char *challenge, const char *good_handling, int64_t trait_id, int64_t added_by, int64_t *id);
/* changes the fields given (NULL: unchanged; trait_id -1: unchanged, 0: none) */
enum err case_update(struct db_conn *c, int64_t org_id, int64_t id, const char *title, const char *situation,
		     const char *challenge, const char *good_handling, int64_t trait_id);
/* retired (1) or back in use (0) */
enum err case_retire(struct db_conn *c, int64_t org_id, int64_t id, int retired);
enum err case_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct practice_case *out);
/* the library by title; with_retired keeps retired ones */
enum err case_list(struct db_conn *c, struct arena *a, int64_t org_id, int with_retired, struct case_list *out);
/* the cases on the agenda of the team's last MEETING_RECENT held meetings */
enum err case_recent_ids(struct db_conn *c, struct arena *a, int64_t org_id, int64_t team_id, int64_t **ids,
			 size_t *n);

#endif
