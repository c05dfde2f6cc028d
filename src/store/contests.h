/*
 * contests: the queries of contests and of the per-team leaderboard setting
 * (issue 10, tables of migration 0024). Every function takes the
 * organisation and names it in its SQL; every list is bounded. Who may see
 * or do what is domain/access.c's, asked by the caller before these run;
 * the rules of a contest are domain/contests.h's, the standings
 * service/leaderboard.c's.
 */
#ifndef SG_STORE_CONTESTS_H
#define SG_STORE_CONTESTS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

#define CONTESTS_LIST_MAX 200
#define CONTEST_TEAMS_MAX 100

/* a team as the leaderboards see it */
struct lb_team {
	int64_t id, manager_id;
	const char *name;
	int show_revenue;		/* individual revenue on the leaderboards */
};
/* every team of the organisation, by name (at most 1000) */
enum err contests_teams(struct db_conn *c, struct arena *a, int64_t org_id, struct lb_team **out, size_t *n);
/* E_NOTFOUND when the team is not the organisation's; audited as the
 * team's change "leaderboard" (show_revenue in its snapshot) */
enum err contests_team_revenue_set(struct db_conn *c, int64_t org_id, int64_t team_id, int show);

struct contest {
	int64_t id, org_id;
	const char *name, *figure, *base, *mode;	/* base "" unless figure is most_improved */
	const char *starts_on, *ends_on;
	int64_t min_conversations;
	const char *prize;
	int64_t created_by;
	const char *created_by_name;
	int64_t created_at, frozen_at;			/* frozen_at 0: not frozen */
	const char *frozen_on;				/* the day it was frozen, "" when not */
	int64_t *team_ids;
	const char **team_names;
	size_t nteams;
};

/* creates it with its teams (in the caller's transaction) */
enum err contest_create(struct db_conn *c, int64_t org_id, const struct contest *in, int64_t *id);
/* changes everything but its author; E_NOTFOUND; E_CONFLICT once frozen */
enum err contest_update(struct db_conn *c, int64_t org_id, const struct contest *in);
enum err contest_delete(struct db_conn *c, int64_t org_id, int64_t id);	/* E_NOTFOUND */
enum err contest_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct contest *out);
/* the organisation's contests, the latest ending first; with their teams */
enum err contests_list(struct db_conn *c, struct arena *a, int64_t org_id, struct contest **out, size_t *n);

/* one line of standings: a rep (individual contests) or a team */
struct contest_standing {
	int64_t rep_id, team_id;	/* rep_id 0 in a team line */
	const char *name, *team_name;
	int place;			/* 0: not ranked */
	int ranked;
	double value;			/* NaN: none */
	int64_t conversations;
	int hidden;			/* a team total standing for reps whose revenue is hidden */
};
/* sets frozen_at and writes the final standings, in one transaction, only
 * when not frozen yet: E_CONFLICT when it was (by another reader), and
 * nothing is written */
enum err contest_freeze(struct db_conn *c, int64_t org_id, int64_t id, const char *today,
			const struct contest_standing *rows, size_t n);
/* the frozen standings in order */
enum err contest_standings_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id,
			       struct contest_standing **out, size_t *n);
/* ids of the contests that ended before today and are not frozen (the sweep) */
enum err contests_unfrozen_ended(struct db_conn *c, struct arena *a, int64_t org_id, const char *today,
				 int64_t **ids, size_t *n);

/* the sweep's one question across organisations (jobs/contest-sweep.c):
 * which have contests that ended before today and are not frozen (at most
 * 1000); each is then swept on its own, by organisation */
enum err contests_orgs_with_ended(struct db_conn *c, struct arena *a, const char *today, int64_t **ids, size_t *n);

/* for the coach's inbox: the contests of teams manager_id leads (0: any
 * team) that are running and end within within_days days of today,
 * soonest first, at most 50 */
enum err contests_ending(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id, const char *today,
			 int within_days, struct contest **out, size_t *n);

/* most-improved contests the rep won (place 1, frozen): how many and the
 * day the first was frozen ("" none), for the badge */
enum err contests_most_improved_wins(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
				     int *count, const char **first_on);

#endif
