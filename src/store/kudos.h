/*
 * kudos: the queries of kudos and spotlights (issue 10, tables of migration
 * 0019) and the facts badges and streaks are computed from (steps, library
 * loans). Every function takes the organisation and names it in its SQL;
 * every list is bounded. Who may see or do what is domain/access.c's, asked
 * by the caller before these run.
 */
#ifndef SG_STORE_KUDOS_H
#define SG_STORE_KUDOS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../domain/kudos.h"

#define KUDOS_LIST_MAX 500

struct kudos {
	int64_t id, org_id, giver_id, rep_id, team_id;	/* team_id 0: none */
	const char *giver_name, *rep_name, *team_name;	/* team_name "" when none */
	const char *kind, *text;
	const char *given_on;		/* the day (the server's today) */
	int64_t created_at;
};

/* whose kudos a list holds: every one of the organisation (all), else
 * those of the teams viewer_id belongs to or leads and those viewer_id gave
 * or received; rep_id (non-zero) narrows to the kudos that rep received */
struct kudos_scope {
	int all;
	int64_t viewer_id;
	int64_t rep_id;
};

/* team_id: the recipient's team now (0: none); given_on: today */
enum err kudos_add(struct db_conn *c, int64_t org_id, int64_t giver_id, int64_t rep_id, int64_t team_id,
		   const char *kind, const char *text, const char *given_on, int64_t *id);
/* newest first; limit 1..KUDOS_LIST_MAX */
enum err kudos_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct kudos_scope *s, int64_t limit,
		    int64_t offset, struct kudos **out, size_t *n, int64_t *total);

struct spotlight {
	int64_t id, team_id, rep_id, author_id;
	const char *team_name, *rep_name, *author_name;
	const char *period, *period_start, *citation;
	int64_t created_at;
};
/* writes the team's spotlight of the period starting period_start,
 * replacing the one written earlier for it */
enum err spotlight_set(struct db_conn *c, int64_t org_id, int64_t team_id, const char *period,
		       const char *period_start, int64_t rep_id, const char *citation, int64_t author_id);
/* the spotlights of the week starting week_start and of the month starting
 * month_start, of the teams in the scope as for kudos (rep_id: of that
 * rep's team only), by team name, month first; at most 100 */
enum err spotlights_current(struct db_conn *c, struct arena *a, int64_t org_id, const struct kudos_scope *s,
			    const char *week_start, const char *month_start, struct spotlight **out, size_t *n);
/* of one team (for the team's page and home page) */
enum err spotlights_team(struct db_conn *c, struct arena *a, int64_t org_id, int64_t team_id,
			 const char *week_start, const char *month_start, struct spotlight **out, size_t *n);

/* the facts of a rep's badges and streaks (today and grace_days are the
 * caller's): their steps per due day (the latest 4000 days with steps),
 * the day the tenth kept step was kept, the first return with a takeaway */
enum err kudos_badge_facts(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
			   struct badge_facts *out);

/* "needs the manager now" (for the coach's inbox to come): one item per
 * thing of this part that waits for the manager */
struct kudos_need {
	const char *kind;		/* "spotlight_due": a team they lead has no spotlight this month */
	int64_t rep_id;			/* 0: the team's, no one rep's */
	int64_t team_id;
	const char *team_name;
	const char *date;		/* since when: the first day of the month */
	const char *link;
	int urgency;			/* 1 low .. 3 high */
};
enum err kudos_manager_needs(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
			     const char *today, struct kudos_need **out, size_t *n);

#endif
