/*
 * repgroup: the group of reps a page compares with each other — a team,
 * all the teams a manager leads, or (for an admin) the organisation, never
 * one person. Tiers, concentration, targets and the team numbers show reps
 * one by one, so the group is one whose reps the viewer may see one by one
 * (access_team_reps). A thin layer over who.h, which checks the rights.
 * (It was groupwho.c: "who" for a group.)
 */
#ifndef SG_WEB_REPGROUP_H
#define SG_WEB_REPGROUP_H
#include "who.h"
#include "../store/numbers.h"

/* what the query names (team=ID, who=led|org|team:ID), else who_default's
 * choice, the same as every page's; a rep, or rep=ID, is 400: there is no
 * group. 0, or -1 when the answer was sent. */
int repgroup_from_query(struct request *r, struct who *w);
/* who_default's choice, except that a manager who leads no team (the only
 * caller of these manager pages whose default is themself) gets the empty
 * group of their teams rather than an error. 0, or -1 when the database failed. */
int repgroup_default(struct request *r, struct who *w);
/* the picker's choices without single reps. 0, or -1 when the database failed. */
int repgroup_options(struct request *r, struct who_options *opt);
/* the numbers scope of w */
struct numbers_scope repgroup_scope(struct request *r, const struct who *w);

#endif
