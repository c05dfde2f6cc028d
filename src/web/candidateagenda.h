/*
 * candidateagenda: a user's open steps with candidates (issue 11) where
 * their customers' steps are: a section of their own agenda
 * (web/page-agenda.c) and events of their calendar feed
 * (web/page-calendar.c). A step is the user's when they logged the
 * conversation that set it (store/candidate-agenda.h).
 */
#ifndef SG_WEB_CANDIDATEAGENDA_H
#define SG_WEB_CANDIDATEAGENDA_H
#include "../http/request.h"

/* the section (nothing when the user has no open candidate step due by until) */
void candidate_agenda_section(struct request *r, int64_t user_id, const char *until);
/* the VEVENTs, one per open candidate step, on its due date */
void candidate_agenda_ical(struct request *r, struct strbuf *o, int64_t org_id, int64_t user_id, const char *stamp,
			   const char *base);

#endif
