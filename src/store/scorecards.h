/*
 * scorecards: the queries of interviews and their scorecards on the
 * organisation's traits (issue 11, migration 0028): an interview of a
 * candidate with its interviewers (each invited to the candidate and given
 * a draft scorecard), a scorecard's scores (1-5 per trait, with the evidence
 * heard) and recommendation, submitting and reopening one (both audited),
 * the mean submitted score per trait of a candidate, and an organisation's
 * own suggested interview questions. Every function takes the organisation
 * and names it in its SQL; every list is bounded. Who may see or do what is
 * domain/access.c's (access_scorecard*), asked by the caller.
 */
#ifndef SG_STORE_SCORECARDS_H
#define SG_STORE_SCORECARDS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

#define INTERVIEWERS_MAX 10		/* interviewers named for one interview */
#define SCORECARD_LIST_MAX 200		/* scorecards of one candidate */
#define SCORECARD_TRAITS_MAX 100	/* scores on one scorecard (TRAITS_MAX) */
#define INTERVIEW_QUESTIONS_MAX 10	/* an organisation's questions per trait and language */

/* --- the mean submitted score per trait (for the hire and the "what
 * predicts top performance" view: keep this signature) --- */

struct scorecard_evidence {
	int64_t scorecard_id, interviewer_id;
	const char *interviewer_name;
	const char *held_on;		/* the interview's date */
	int score;
	const char *text;		/* "" when none was written */
};
struct scorecard_mean {
	int64_t trait_id;
	const char *code;		/* the trait's code, "" for one an admin added */
	const char *name;		/* as stored (trait_text translates a default) */
	int position;
	int n;				/* submitted scores of the trait */
	double mean;			/* their mean; 0 when n is 0 */
	struct scorecard_evidence *evidence;	/* each submitted score, by interview date then scorecard */
	size_t nevidence;
};
/*
 * Per trait with at least one submitted score for the candidate (retired
 * traits included: old scores stay readable), in the traits' order
 * (position, id): how many submitted scores, their mean and each score with
 * its evidence and interviewer. Drafts never count. Bounded by
 * SCORECARD_LIST_MAX scorecards.
 */
enum err scorecards_means(struct db_conn *c, struct arena *a, int64_t org_id, int64_t candidate_id,
			  struct scorecard_mean **out, size_t *n);

/* --- interviews --- */

struct interview_new {
	int64_t candidate_id;
	int64_t vacancy_id;		/* 0: none (in the pool) */
	const char *held_on;		/* YYYY-MM-DD */
	const char *kind;		/* interview_kind_codes */
	int64_t created_by;
	const int64_t *interviewers;	/* users of the organisation, 1..INTERVIEWERS_MAX, distinct */
	size_t ninterviewers;
};
/* in one transaction: the interview; each interviewer not yet invited to
 * the candidate invited (by created_by); a draft scorecard each (audited as
 * created). E_INVALID when no interviewer or too many */
enum err interview_add(struct db_conn *c, int64_t org_id, const struct interview_new *in, int64_t *id);

/* --- scorecards --- */

struct scorecard_score {
	int64_t trait_id;
	int score;			/* 1..5; 0: not scored */
	const char *evidence;		/* "" none */
};
struct scorecard {
	int64_t id, interview_id, candidate_id, interviewer_id;
	const char *interviewer_name;
	const char *candidate_name;
	int64_t vacancy_id;		/* the interview's, 0 none */
	const char *held_on, *kind;	/* the interview's */
	const char *status;		/* "draft", "submitted" */
	const char *recommendation;	/* "" none */
	int64_t submitted_at;		/* 0: not submitted */
	int reopened;
	struct scorecard_score *scores;	/* the traits scored, by the traits' order */
	size_t nscores;
};
/* with its scores; E_NOTFOUND when no such scorecard in the organisation */
enum err scorecard_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct scorecard *out);
/* the candidate's scorecards, by interview date, interview and interviewer's
 * name, with their scores (the caller shows only what access_scorecard
 * allows); at most SCORECARD_LIST_MAX */
enum err scorecard_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t candidate_id,
			struct scorecard **out, size_t *n);
/* the user's own scorecards on the candidate: how many drafts, how many submitted */
enum err scorecard_own_state(struct db_conn *c, int64_t org_id, int64_t candidate_id, int64_t user_id,
			     int *drafts, int *submitted);

/* a draft's scores (each given trait: score 1..5 stored with its evidence,
 * score 0 removed) and recommendation (NULL: unchanged, "": none); submit 1
 * also submits it. E_CONFLICT when it is no longer a draft (submitted
 * meanwhile); E_NOTFOUND when no such scorecard. Audited ("scores" or
 * "submit"; the evidence as changed, never its text) */
enum err scorecard_save(struct db_conn *c, int64_t org_id, int64_t id, const struct scorecard_score *scores,
			size_t n, const char *recommendation, int submit);
/* a submitted scorecard back to draft, reopened + 1 (audited "reopen");
 * E_CONFLICT when it is a draft; E_NOTFOUND when absent */
enum err scorecard_reopen(struct db_conn *c, int64_t org_id, int64_t id);

/* --- the organisation's own interview questions --- */

/* the organisation's questions for the trait in the language (en, nl, nb),
 * in order; none: the defaults in the code apply; at most INTERVIEW_QUESTIONS_MAX */
enum err interview_questions_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t trait_id,
				 const char *lang, const char ***out, size_t *n);
/* replaces them (n 0: back to the defaults); at most INTERVIEW_QUESTIONS_MAX */
enum err interview_questions_set(struct db_conn *c, int64_t org_id, int64_t trait_id, const char *lang,
				 const char *const *texts, size_t n);

#endif
