/*
 * scorecards: the rules of interview scorecards on the five traits (issue
 * 11): the kinds of interview and the recommendations, what a scorecard
 * needs to be submitted, the articles' elite rule on a candidate's mean
 * scores (all five strong: a mean of at least SCORECARD_STRONG on every
 * trait; the weakest one named), where interviewers disagree (submitted
 * scores of one trait that differ by SCORECARD_DISAGREE or more), and the
 * suggested interview questions per default trait (English msgids, N_).
 *
 * Plain structs in, plain structs out: no SQL, no HTML, no I/O.
 */
#ifndef SG_DOMAIN_SCORECARDS_H
#define SG_DOMAIN_SCORECARDS_H
#include <stddef.h>
#include <stdint.h>
#include "commitment.h"

#define SCORE_MIN 1
#define SCORE_MAX 5
#define SCORECARD_STRONG 4.0		/* a trait is strong at a mean of at least this */
#define SCORECARD_DISAGREE 2		/* scores this far apart are a disagreement */
#define SCORECARD_EVIDENCE_MAX 5000

/* interview, ride_along, case, phone (the kinds of migration 0028) */
extern const char *const interview_kind_codes[];
extern const size_t interview_kind_count;
const char *interview_kind_label(const char *code);	/* an N_ msgid, or the code */
int interview_kind_valid(const char *code);

/* strong_no, no, yes, strong_yes */
extern const char *const recommendation_codes[];
extern const size_t recommendation_count;
const char *recommendation_label(const char *code);	/* an N_ msgid, or the code */
int recommendation_valid(const char *code);

/* a score as typed: "" or NULL is 0 (not scored); "1".."5" its value; anything
 * else -1 (refused: out of 1-5 or not a number) */
int scorecard_score_parse(const char *s);

/* a scorecard as it is saved or submitted: the score per active trait (0: not
 * scored, else as parsed, -1 for a refused one), the evidence per trait and
 * the recommendation (NULL or "": none) */
struct scorecard_input {
	size_t ntraits;
	const int *scores;
	const char *const *evidence;
	const char *recommendation;
	int submit;
};
/* every fault at once, in the form's order: per trait a score out of 1-5
 * (always refused), a missing score when submitting or when evidence was
 * written, evidence too long; then an unknown recommendation, or none when
 * submitting. How many (0: acceptable), at most max of them in errs. */
struct scorecard_error {
	const char *field;		/* "score", "evidence", "recommendation" */
	size_t trait;			/* the trait's index for score and evidence */
	const char *message;		/* an N_ msgid */
};
size_t scorecard_validate(const struct scorecard_input *in, struct scorecard_error *errs, size_t max);

/* --- a candidate's profile --- */

struct trait_mean {
	const char *code;		/* or the trait's name: what identifies it to the caller */
	int n;				/* submitted scores */
	double mean;
};
struct elite_result {
	int scored;			/* traits with at least one score */
	int strong;			/* of them, mean >= SCORECARD_STRONG */
	int meets;			/* all the traits given scored and strong */
	int weakest;			/* index of the lowest mean (the first of equals), -1 when none scored;
					 * an unscored trait is weaker than any scored one */
};
/* the elite rule over ntraits traits (the organisation's active ones) */
struct elite_result scorecard_elite(const struct trait_mean *t, size_t ntraits);

/* the disagreement of one trait's submitted scores: max - min (0 for fewer
 * than two); disagree when it is SCORECARD_DISAGREE or more */
int scorecard_spread(const int *scores, size_t n);
int scorecard_disagree(const int *scores, size_t n);

/* the default suggested questions of a default trait (its code): NULL-ended
 * N_ msgids; NULL for a code without defaults */
const char *const *interview_questions_default(const char *trait_code);

#endif
