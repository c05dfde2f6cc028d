/*
 * hire (store): hiring a candidate and sending one back into the pool
 * (issue 11, part 3; columns of migration 0028). Who may do it is
 * domain/access.c's (access_candidate_hire, access_candidate_to_pool),
 * asked by the caller; the checks of the form are domain/hire.c's.
 *
 * hire_candidate does everything in ONE transaction, with its audit rows:
 *   - the user, a rep in the team, through people_add_user (the same rules,
 *     hashing and audit row as an admin adding a user);
 *   - candidates.hired_user_id and hired_on (the start date), and the
 *     vacancy's first 'hired' stage when the candidate is in a vacancy; an
 *     audit row "hired" on the user naming the candidate;
 *   - when the candidate has submitted scorecards: the rep's first
 *     assessment — a closed round "From interviews" (rep_id the new user,
 *     from_interviews = 1) and one submitted manager assessment rated by
 *     the hiring manager, per trait the rounded mean of the submitted
 *     scorecards' scores (domain/hire.h hire_score_round) with the
 *     interviewers' evidence joined, one "Name: text" line each (the audit
 *     row says how much evidence, never its text).
 * Anything failing (the e-mail address taken, the candidate hired
 * meanwhile, the database) rolls all of it back: nothing is left.
 */
#ifndef SG_STORE_HIRE_H
#define SG_STORE_HIRE_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

/* the submitted scorecards' scores of a candidate, per trait */
struct hire_trait_score {
	int64_t trait_id;
	int64_t sum, count;		/* over the submitted scorecards */
	int score;			/* hire_score_round(sum, count) */
	const char *evidence;		/* "Name: text" lines, "" when none */
};
#define HIRE_TRAITS_MAX 100
#define HIRE_EVIDENCE_ROWS_MAX 2000
/* by trait id; *scorecards counts the submitted scorecards */
enum err hire_scorecard_means(struct db_conn *c, struct arena *a, int64_t org_id, int64_t candidate_id,
			      struct hire_trait_score **out, size_t *n, int64_t *scorecards);

/* the hire of a candidate: *user_id 0 when not hired; on and name "" then */
enum err hire_status(struct db_conn *c, struct arena *a, int64_t org_id, int64_t candidate_id, int64_t *user_id,
		     const char **on, const char **name);
/* whether user_id has a scorecard of the candidate not yet submitted (then
 * they may not see others' scores, not even as means) */
int hire_has_draft(struct db_conn *c, int64_t org_id, int64_t candidate_id, int64_t user_id);

struct hire_new {
	int64_t candidate_id;
	const char *name, *email, *lang;
	int64_t team_id;
	const char *start_on;		/* the start date: candidates.hired_on */
	const char *password;		/* the initial password (shown once by the caller) */
	int64_t hired_by;		/* the hiring manager: the first assessment's rater */
	const char *round_name;		/* "From interviews", in the hiring manager's words */
	const char *today;		/* the round's opening day */
};
struct hire_result {
	int64_t user_id, round_id, assessment_id;	/* round and assessment 0: no scorecards */
	size_t ntraits;
	int64_t scorecards;
};
/* E_CONFLICT with *field "email" (the address is taken) or "candidate"
 * (hired already); E_INVALID with *field and *msg (an English msgid) from
 * the user's checks; nothing stored on any error */
enum err hire_candidate(struct db_conn *c, struct arena *a, int64_t org_id, const struct hire_new *in,
			struct hire_result *out, const char **field, const char **msg);

struct back_to_pool {
	int64_t candidate_id, author_id;
	const char *kind, *held_on, *notes;	/* the conversation in which the candidate was told */
	const char *touch_on;			/* the step's date */
	const char *what, *who;			/* the step ("Get back in touch", the author's name) */
	const char *retain_until;
};
/* one transaction: the candidate's open step cancelled, a conversation
 * ending in the step "get back in touch" due touch_on, the candidate out
 * of the vacancy and stage (NULL), active again. E_CONFLICT when hired. */
enum err candidate_back_to_pool(struct db_conn *c, int64_t org_id, const struct back_to_pool *in, int64_t *step_id);

#endif
