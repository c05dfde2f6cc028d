/*
 * assessments: the queries of assessment rounds, forms and scores (issue 8;
 * tables of migration 0011). A round ("2026 H2") is opened for a team — a
 * self form for each active rep of the team and a manager form rated by the
 * team's manager — or ad hoc for one rep. A form is one rater's ratings of
 * one rep; peers are invited into a round one by one. Who may see or rate
 * what is decided in domain/access.c, never here; these only read and write,
 * scoped to the organisation, bounded.
 */
#ifndef SG_STORE_ASSESSMENTS_H
#define SG_STORE_ASSESSMENTS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

#define ASSESSMENT_LIST_MAX 500		/* forms or rounds in one list */
#define SCORES_MAX 2000			/* scores of one form (traits and sub-skills) */

struct assessment_round {
	int64_t id, org_id;
	const char *name;
	int64_t team_id;		/* 0 for an ad-hoc round */
	int64_t rep_id;			/* the rep of an ad-hoc round, else 0 */
	int64_t rep_team_id;		/* ad hoc: the rep's current team (0: none) */
	int64_t opened_by;
	const char *opened_on, *due_on;	/* due_on "" when none */
	const char *status;		/* open, closed */
	const char *team_name, *rep_name;	/* "" when not that kind */
	int64_t forms, submitted;	/* completion counts */
};

struct assessment_round_list {
	struct assessment_round *items;
	size_t n;
};

struct assessment {
	int64_t id, org_id, round_id, rep_id, rater_id;
	const char *rater_kind;		/* self, manager, peer */
	const char *status;		/* draft, submitted */
	int64_t submitted_at;
	const char *round_name, *round_status, *opened_on, *due_on;
	const char *rep_name, *rater_name;
	int64_t rep_team_id;		/* the rep's current team (0: none) */
	int from_interviews;		/* its round is a hire's first assessment (0028) */
};

struct assessment_list {
	struct assessment *items;
	size_t n;
};

struct assessment_score {
	int64_t trait_id, subskill_id;	/* subskill_id 0: the trait as a whole */
	int score;
	const char *evidence;
	int64_t observation_id;		/* the observation the evidence was pulled from, 0: none */
};

struct assessment_score_list {
	struct assessment_score *items;
	size_t n;
};

struct new_round {
	const char *name, *opened_on, *due_on;	/* due_on NULL or "": none */
	int64_t team_id, rep_id;		/* exactly one of the two */
	int64_t opened_by;
};

/* the round and its forms (self and manager for each active rep of the
 * team, or for the one rep); run it inside a transaction */
enum err round_create(struct db_conn *c, int64_t org_id, const struct new_round *nr, int64_t *id);
enum err round_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct assessment_round *out);
/* the rounds a user may be concerned with as an opener or a team leader:
 * opened by them, of a team they lead, or ad hoc for a rep of such a team;
 * newest first (the caller filters with access_round_see) */
enum err round_list_for(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			struct assessment_round_list *out);
/* E_CONFLICT when it is closed already */
enum err round_close(struct db_conn *c, int64_t org_id, int64_t id);

enum err assessment_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct assessment *out);
/* forms with the user as rater or as rep (rep_id/rater_id 0: any); round_id
 * 0: any round; newest round first, then the rep's name */
enum err assessment_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t round_id, int64_t rep_id,
			 int64_t rater_id, struct assessment_list *out);
/* forms where the user is rater or rep (one list, newest first) */
enum err assessment_list_involving(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
				   struct assessment_list *out);
/* the same, and the forms about the reps of the teams the user leads (the
 * caller filters with access_assessment_see) */
enum err assessment_list_involving_led(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
				       struct assessment_list *out);
/* a peer form; E_CONFLICT when the peer has a form for that rep in the round */
enum err assessment_invite_peer(struct db_conn *c, int64_t org_id, int64_t round_id, int64_t rep_id,
				int64_t peer_id, int64_t invited_by, int64_t *id);
enum err assessment_scores(struct db_conn *c, struct arena *a, int64_t org_id, int64_t assessment_id,
			   struct assessment_score_list *out);
/* replaces the form's scores by these (run it inside a transaction) */
enum err assessment_scores_save(struct db_conn *c, int64_t org_id, int64_t assessment_id,
				const struct assessment_score *s, size_t n);
/* the day the rep's round before this one was opened (the latest round of
 * another form of the rep opened before it); "" when there is none */
enum err assessment_previous_round_on(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
				      int64_t round_id, const char **out);
/* draft -> submitted; E_CONFLICT when it was submitted already */
enum err assessment_submit(struct db_conn *c, int64_t org_id, int64_t id);

/* one cell of a rep's history: the submitted manager score of a trait (as a
 * whole) in a round, oldest round first */
struct trait_history_cell {
	int64_t round_id, trait_id;
	const char *round_name, *opened_on;
	int score;
	int observed;			/* its evidence was pulled from an observation */
};
struct trait_history {
	struct trait_history_cell *items;
	size_t n;
};
enum err assessment_history(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
			    struct trait_history *out);

/* the open, unsubmitted forms the user has to fill in (home page), soonest due first */
enum err assessment_due(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rater_id,
			struct assessment_list *out);

#endif
