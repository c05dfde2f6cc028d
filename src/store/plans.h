/*
 * plans: the queries of development plans — plans, their goals, actions and
 * check-ins — and of recognitions (issue 8, tables of migration 0011).
 * Every function takes the organisation and names it in its SQL; every list
 * is bounded. Who may see or change what is domain/access.c's, asked by the
 * caller (web/load.c) before these run.
 */
#ifndef SG_STORE_PLANS_H
#define SG_STORE_PLANS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

struct plan {
	int64_t id, org_id, rep_id;
	const char *rep_name;
	int64_t rep_team_id;		/* 0 when the rep is in no team */
	const char *title, *period_start, *period_end;
	const char *status;		/* "open", "closed" */
	int64_t created_by, created_at, closed_at;
	/* goals that count for the balance (not dropped), by kind */
	int64_t achievement_goals, result_goals;
};

/* lists: the plans of one rep (rep_id), else of the reps of the teams
 * manager_id leads */
struct plan_scope {
	int64_t rep_id, manager_id;
};

/* E_CONFLICT when the rep already has a plan starting that day */
enum err plan_create(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *title, const char *start,
		     const char *end, int64_t created_by, int64_t *id);
enum err plan_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct plan *out);
/* an OPEN plan of the rep whose period shares a day with start..end
 * (other than except_id): its id in *found, 0 when none */
enum err plan_open_overlapping(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *start,
			       const char *end, int64_t except_id, int64_t *found);
/* the rep's open plan holding day (the latest starting), or E_NOTFOUND */
enum err plan_current(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *day,
		      struct plan *out);
/* newest period first; limit > 0 */
enum err plans_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct plan_scope *s, int64_t limit,
		    int64_t offset, struct plan **out, size_t *n, int64_t *total);
/* title (NULL: unchanged); status "open"/"closed" (NULL: unchanged) */
enum err plan_update(struct db_conn *c, int64_t org_id, int64_t id, const char *title, const char *status);

/* goals; baseline and target are NaN when not set */
struct plan_goal {
	int64_t id, plan_id;
	const char *kind, *title;
	int64_t trait_id;		/* 0: none */
	const char *trait_name;		/* "" when none, as stored (see trait_text) */
	const char *trait_code;		/* the default trait it was seeded from, "" if none */
	const char *metric;		/* "" when none */
	double baseline, target;
	const char *status;
	int64_t position;
};
#define PLAN_ITEMS_MAX 200
enum err plan_goal_add(struct db_conn *c, int64_t org_id, int64_t plan_id, const char *kind, const char *title,
		       int64_t trait_id, const char *metric, double baseline, double target, int64_t *id);
enum err plan_goal_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct plan_goal *out);
/* status and target (NaN: unchanged; title NULL: unchanged) */
enum err plan_goal_update(struct db_conn *c, int64_t org_id, int64_t id, const char *title, const char *status,
			  double target);
/* at most PLAN_ITEMS_MAX, by position */
enum err plan_goals_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t plan_id,
			 struct plan_goal **out, size_t *n);

struct plan_action {
	int64_t id, plan_id, goal_id;
	const char *what;
	int64_t owner_id;
	const char *owner_name;
	const char *due;		/* "" when none */
	const char *done_on;		/* "" while open */
	/* for the home page: the plan's rep */
	int64_t rep_id;
};
enum err plan_action_add(struct db_conn *c, int64_t org_id, int64_t plan_id, int64_t goal_id, const char *what,
			 int64_t owner_id, const char *due, int64_t *id);
enum err plan_action_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct plan_action *out);
/* done_on "YYYY-MM-DD" marks it done, NULL open again */
enum err plan_action_done(struct db_conn *c, int64_t org_id, int64_t id, const char *done_on);
enum err plan_actions_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t plan_id,
			   struct plan_action **out, size_t *n);
/* the open actions owned by owner_id on open plans, due on or before
 * until, earliest first, at most limit */
enum err plan_actions_due(struct db_conn *c, struct arena *a, int64_t org_id, int64_t owner_id, const char *until,
			  int64_t limit, struct plan_action **out, size_t *n);

struct plan_checkin {
	int64_t id, plan_id, author_id;
	const char *author_name, *on_date, *note;
	int64_t created_at;
};
enum err plan_checkin_add(struct db_conn *c, int64_t org_id, int64_t plan_id, int64_t author_id, const char *on_date,
			  const char *note, int64_t *id);
enum err plan_checkin_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct plan_checkin *out);
/* newest first, at most PLAN_ITEMS_MAX */
enum err plan_checkins_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t plan_id,
			    struct plan_checkin **out, size_t *n);

struct recognition {
	int64_t id, rep_id, giver_id;
	const char *rep_name, *giver_name, *kind, *note, *source;
	int64_t source_id, created_at;
};
enum err recognition_add(struct db_conn *c, int64_t org_id, int64_t rep_id, int64_t giver_id, const char *kind,
			 const char *note, const char *source, int64_t source_id, int64_t *id);
/* the rep's (rep_id), else those of the reps of the teams manager_id
 * leads; newest first */
enum err recognitions_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct plan_scope *s,
			   int64_t limit, int64_t offset, struct recognition **out, size_t *n, int64_t *total);

/* the trait's name when the organisation has it in use (E_NOTFOUND for
 * none, or a retired one) */
enum err plan_trait_name(struct db_conn *c, struct arena *a, int64_t org_id, int64_t trait_id, const char **name);

#endif
