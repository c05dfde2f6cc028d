/*
 * who: whose figures or deals a page shows — the whole organisation, the
 * teams a manager leads, one team, or one rep — read from the query string
 * (rep=ID or team=ID, or who=rep:ID / team:ID / org / led from the picker
 * form) and checked against the viewer's rights in one place, so the
 * figures page and the strung-along list decide alike:
 *
 *   - rep=ID: a person the viewer may see the deals of (ui_may_see_owner);
 *   - team=ID: a team the viewer leads, or any team for an admin (and, for
 *     a team's aggregates, the viewer's own team);
 *   - org: admins only; led: managers and admins (all the teams they lead).
 *
 * A colleague the viewer may not see is 403; an id that is not in the
 * organisation is 404.
 */
#ifndef SG_WHO_H
#define SG_WHO_H
#include "../http/request.h"

enum who_kind { WHO_NONE = 0, WHO_ORG, WHO_LED, WHO_TEAM, WHO_REP };

struct who {
	enum who_kind kind;
	int64_t id;			/* team or rep */
	const char *name;		/* for the heading */
	const char *value;		/* as the picker writes it: "org", "led", "team:3", "rep:5" */
};

/* 1 when the query names someone (w filled and allowed), 0 when it names
 * nobody (w->kind is WHO_NONE), -1 when the answer (400/403/404/503) was
 * sent. A page that names nobody shows who_default's choice. */
int who_from_query(struct request *r, struct who *w);
/* the same for a page of aggregates only (the commitment figures of a team
 * as a whole), where a rep may also name their own team */
enum who_use { WHO_FOR_REPS = 0, WHO_FOR_AGGREGATES };
int who_from_query_for(struct request *r, struct who *w, enum who_use use);
/* whose figures when nobody is named, the same for every page and the API
 * (access_default_scope): an admin the organisation, a manager who leads
 * teams all of them, anyone else themself. 0, or -1 when the database failed. */
int who_default(struct request *r, struct who *w);
/* fills w as the given kind; for WHO_TEAM and WHO_REP the id must already be allowed */
int who_set(struct request *r, struct who *w, enum who_kind kind, int64_t id);

/* the choices of the picker for this viewer: WHO_OPT_LED adds "all my
 * teams" for a manager; WHO_OPT_REPS_ONLY leaves out the people who are no
 * reps (managers and admins have no targets, tiers or excuse check of their
 * own; the conversations list keeps them: they log conversations too).
 * 0 or -1 when the database failed. */
struct who_options {
	const char **values, **labels;
	size_t n;
};
enum { WHO_OPT_LED = 1, WHO_OPT_REPS_ONLY = 2 };
int who_options(struct request *r, int flags, struct who_options *o);
/* the same for a page of aggregates (who_from_query_for WHO_FOR_AGGREGATES):
 * all the viewer's teams, and their own team even when they do not manage it */
int who_options_aggregates(struct request *r, struct who_options *o);
/* the query string part naming w ("rep=5", "team=3", "" for org/led) */
const char *who_query(struct request *r, const struct who *w);

#endif
