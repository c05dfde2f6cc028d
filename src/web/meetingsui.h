/*
 * meetingsui: what the sales meetings' pages (page-meetings.c) and their API
 * (api/api-meetings.c) share, so that a form and a JSON body are checked by
 * the same code and answer with the same messages, and the calendar feed's
 * hook for the meetings (page-calendar.c).
 */
#ifndef SG_WEB_MEETINGSUI_H
#define SG_WEB_MEETINGSUI_H
#include "../http/request.h"
#include "../lib/strbuf.h"
#include "../store/meetings.h"

/* the team a new meeting is for, when the caller runs its meetings
 * (access_meeting_manage): its id, else 0 with the message in *err */
int64_t meetings_team_for_create(struct request *r, const char *v, const char **err);
/* an agenda item checked: NULL when fine, else the message and *field (kind,
 * title, case_id, library_item_id, presenter_id); a case's *title becomes "" */
const char *meetings_item_check(struct request *r, const struct meeting *m, const char *kind, const char **title,
				int64_t case_id, int64_t library_item_id, int64_t presenter_id, const char **field);
/* marks the meeting prepared: NULL, else the message and *status (400: the
 * article's rule, no case or theory; 409: not planned; 500: the store) */
const char *meetings_prepare(struct request *r, const struct meeting *m, int *status);
/* saves the attendance (present: the ids of those present) and the learning
 * it counts as, marking the meeting held when mark: NULL, else the message
 * and *status (400: someone not of the team, or held before its day; 409:
 * attendance of a meeting not held; 500/503: the store) */
const char *meetings_attendance(struct request *r, const struct meeting *m, const int64_t *present, size_t npresent,
				int mark, int *status);
/* after a held meeting changed (its day, length, title or agenda): its
 * learning activities written again from its attendance, so they say what
 * the meeting was; E_OK when it is not held */
enum err meetings_resync(struct request *r, int64_t meeting_id);
/* the trait a case names: its id, 0 for none, -1 when not the organisation's */
int64_t meetings_case_trait(struct request *r, const char *v);
/* the VEVENTs of the meetings of the user's teams (page-calendar.c) */
void meetings_ical_events(struct request *r, struct strbuf *o, int64_t org_id, int64_t user_id, const char *stamp,
			  const char *base);

#endif
