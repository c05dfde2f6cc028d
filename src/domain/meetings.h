/*
 * meetings: the rules of a team's sales meetings and the case library
 * (issue 9) — plain values in, plain answers out; no SQL, no HTML, no I/O.
 *
 *   - the article's rule: every sales meeting's agenda holds a practice case
 *     or a piece of theory. A meeting is marked prepared only with one
 *     (meeting_prepare_check); a meeting held without one is flagged
 *     (meeting_held_without) and counted on the team's list;
 *   - cases rotate instead of repeating: when a case is picked for a
 *     meeting, the ones never used come first, then the least recently used
 *     (meeting_cases_rotate); a case on the agenda of one of the team's last
 *     MEETING_RECENT held meetings is "used recently" (meeting_case_recent);
 *   - attendance is learning: each member present at a held meeting gets one
 *     mandatory learning activity — a practice case when a case was on the
 *     agenda, else a workshop (meeting_learning_kind);
 *   - bad input is refused naming the field (meeting_input_check,
 *     case_input_check).
 */
#ifndef SG_DOMAIN_MEETINGS_H
#define SG_DOMAIN_MEETINGS_H
#include <stddef.h>
#include <stdint.h>

#define MEETING_TITLE_MAX 200
#define MEETING_NOTES_MAX 20000
#define MEETING_MINUTES_MAX (8 * 60)	/* a meeting's length, at most */
#define MEETING_ITEM_TITLE_MAX 300
#define MEETING_RECENT 3		/* "used recently": on one of the team's last 3 held meetings */
#define CASE_TITLE_MAX 200
#define CASE_TEXT_MAX 4000		/* situation, challenge, good handling: each */

/* statuses: "planned", "prepared", "held" */
extern const char *const meeting_status_codes[];
extern const size_t meeting_status_count;
int meeting_status_valid(const char *s);
/* the English label (an N_ msgid) of a status, or the code itself */
const char *meeting_status_label(const char *code);

/* agenda items: "topic", "case", "theory" */
extern const char *const meeting_item_kind_codes[];
extern const size_t meeting_item_kind_count;
int meeting_item_kind_valid(const char *s);
const char *meeting_item_kind_label(const char *code);

struct meeting_field_error {
	const char *field;	/* the form's and the API's name of the field */
	const char *message;	/* English (N_) */
};
#define MEETING_ERRORS_MAX 8

/* a meeting as a form or the API gives it; NULL: not given */
struct meeting_input {
	const char *held_on;	/* 'YYYY-MM-DD' */
	const char *starts_at;	/* 'HH:MM' */
	const char *minutes;	/* the length in minutes, as text */
	const char *title;
	const char *notes;
};
/* every wrong field into errs (at most MEETING_ERRORS_MAX), how many; with
 * partial, a field not given is fine (a PATCH). *minutes is the length when
 * given and valid, else 0 */
size_t meeting_input_check(const struct meeting_input *in, int partial, int *minutes,
			   struct meeting_field_error *errs);
/* "HH:MM", 00:00..23:59 */
int meeting_time_valid(const char *s);

/* the article's rule: NULL when a meeting with this many cases and pieces of
 * theory on its agenda may be marked prepared, else the message (N_) */
const char *meeting_prepare_check(size_t cases, size_t theories);
/* a meeting held without a case or a piece of theory: flagged */
int meeting_held_without(const char *status, size_t cases, size_t theories);
/* may a meeting in this status be marked held on held_on, today being
 * today: NULL, or the message (N_) */
const char *meeting_held_check(const char *status, const char *held_on, const char *today);
/* the learning kind of attendance: "practice_case" with a case on the
 * agenda, else "workshop" */
const char *meeting_learning_kind(size_t cases);

/* a case of the library as the rotation sees it */
struct case_rotation {
	int64_t id;
	const char *title;
	const char *last_used;	/* 'YYYY-MM-DD' of the last held meeting it was on, "" never */
	int recent;		/* on one of the team's last MEETING_RECENT held meetings */
};
/* sorts for picking: never used first, then the least recently used; the
 * title, then the id, on a tie */
void meeting_cases_rotate(struct case_rotation *c, size_t n);
/* is case_id among the case ids of the team's last held meetings */
int meeting_case_recent(int64_t case_id, const int64_t *recent_ids, size_t n);

/* a case of the library; NULL: not given */
struct case_input {
	const char *title, *situation, *challenge, *good_handling;
};
size_t case_input_check(const struct case_input *in, int partial, struct meeting_field_error *errs);

#endif
