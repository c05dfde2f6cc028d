/*
 * observations: the queries of field-coaching observations and their scores
 * (issue 8; tables of migration 0011). An observation is written when a
 * manager joined a call or a colleague rode along: which traits (and
 * optionally sub-skills) were observed, a score and what was seen for each,
 * what went well, what to strengthen, the agreed action; optionally about a
 * logged conversation. Who may see or write one is domain/access.c's
 * (access_observation_*), never decided here.
 */
#ifndef SG_STORE_OBSERVATIONS_H
#define SG_STORE_OBSERVATIONS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

#define OBS_LIST_MAX 200	/* observations of a rep in one list (newest first) */
#define OBS_SCORES_MAX 200	/* scores of one observation */
#define OBS_TEXT_MAX 5000	/* each free text */

struct obs_score {
	int64_t trait_id, subskill_id;	/* subskill_id 0: the trait as a whole */
	int score;			/* 1..5, 0 when only seen, not scored */
	const char *seen;
	const char *trait_code, *trait_name, *subskill_name;	/* names as stored ("" for none) */
};

struct observation {
	int64_t id, org_id, rep_id, observer_id, conversation_id;	/* conversation_id 0: none */
	const char *kind;		/* joint_call, ride_along */
	const char *observed_on;
	const char *went_well, *to_strengthen, *agreed_action;
	const char *rep_name, *observer_name;
	int64_t rep_team_id;		/* the rep's current team (0: none) */
	int64_t created_at;
	struct obs_score *scores;	/* filled by obs_get and obs_list_rep */
	size_t nscores;
};

struct obs_list {
	struct observation *items;
	size_t n;
};

struct new_observation {
	int64_t rep_id, observer_id, conversation_id;
	const char *kind, *observed_on, *went_well, *to_strengthen, *agreed_action;
	const struct obs_score *scores;	/* trait_id, subskill_id, score, seen */
	size_t nscores;
};

/* the observation and its scores; run it in a transaction */
enum err obs_create(struct db_conn *c, int64_t org_id, const struct new_observation *o, int64_t *id);
enum err obs_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct observation *out);
/* a rep's observations from..to (inclusive days, NULL for open), newest
 * first, each with its scores */
enum err obs_list_rep(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *from,
		      const char *to, struct obs_list *out);

#endif
