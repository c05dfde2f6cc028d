/*
 * groupwho: whose figures the pages about a group of reps show — tiers and
 * concentration compare reps with each other, so they take a team, all the
 * teams a manager leads, or (for an admin) the organisation, never one
 * person. A thin layer over who.h, which checks the rights.
 */
#ifndef SG_WEB_GROUPWHO_H
#define SG_WEB_GROUPWHO_H
#include "who.h"
#include "../store/numbers.h"

/* what the query names (team=ID, who=led|org|team:ID), else a manager's
 * teams or an admin's organisation; rep=ID is 400. 0, or -1 when the
 * answer was sent. */
int group_who(struct request *r, struct who *w);
/* the picker's choices without single reps. 0, or -1 when the database failed. */
int group_options(struct request *r, struct who_options *opt);
/* the numbers scope of w */
struct numbers_scope group_scope(struct request *r, const struct who *w);

#endif
