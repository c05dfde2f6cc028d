/*
 * profile: a rep's competency profile from the submitted ratings of the
 * assessment rounds (issue 8), and the articles' rule that elite needs all
 * five traits, strongly. Plain arrays in, plain structs out; no SQL.
 *
 * What is counted: only SUBMITTED assessments (the caller loads no draft),
 * only scores of a trait as a whole (not of a sub-skill), only the traits
 * given (the organisation's active traits, in their order; a score of a
 * retired trait is ignored).
 *
 *   latest round  the newest round (in the rounds' order: opened on, then
 *                 id) in which the rep has a submitted manager score — the
 *                 judgement is the manager's, so a newer round where only
 *                 the self-assessment is in does not blank it out; when the
 *                 rep has no manager score at all, the newest round with any
 *                 submitted score. Self, manager and peer scores all come
 *                 from that one round, so the radar compares like with like.
 *                 Two managers in one round: their mean; peers: their mean.
 *   previous      the newest round before the latest one in which the rep
 *                 has a manager score.
 *   growth        per trait, the latest manager score minus the previous
 *                 round's, only where both exist (else none).
 *   weakest trait the lowest manager score of the latest round, ties broken
 *                 by the traits' order (the first one); it is the proposed
 *                 development focus.
 *   verdict       the profile is judged by its weakest trait, not by its
 *                 average:
 *                   ELITE       every active trait has a manager score >= 4;
 *                   WEAK        some trait has a manager score below 4 (the
 *                               weakest trait says which);
 *                   INCOMPLETE  every scored trait is >= 4 but some active
 *                               trait has no manager score: not elite (all
 *                               five are needed), not judged weak either;
 *                   UNJUDGED    no manager score at all: nothing is
 *                               proposed; the page says a manager's
 *                               assessment is needed.
 *
 * The superstar profile: the mean manager score per trait (each rep's latest
 * round as above) of the reps who were superstars in the last four
 * quarters — in the caller's words (web/page-profile.c): superstar by the
 * organisation's tier rules (domain/tiers.c) in at least one of the four
 * completed quarters before the current one, anywhere in the organisation.
 * It is shown only when at least SUPERSTAR_MIN_REPS such reps have a manager
 * score; a trait that fewer than SUPERSTAR_MIN_REPS of them were scored on
 * has no mean (a mean of one or two reps would tell their scores).
 */
#ifndef SG_DOMAIN_PROFILE_H
#define SG_DOMAIN_PROFILE_H
#include <stddef.h>
#include <stdint.h>
#include "tiers.h"
#include "access.h"	/* enum rater_kind: self, manager, peer (0, 1, 2) */

#define RATER_COUNT 3

/* "self", "manager", "peer" -> kind; -1 otherwise */
int rater_kind_parse(const char *s);

/* one submitted score of a trait as a whole; round is the index of its round
 * in the caller's list of rounds, oldest first */
struct pf_score {
	int64_t rep_id, trait_id;
	size_t round;
	enum rater_kind kind;
	int score;			/* 1..5; anything else is ignored */
};

#define ELITE_MIN 4.0
#define SUPERSTAR_MIN_REPS 3

enum profile_verdict { VERDICT_UNJUDGED = 0, VERDICT_INCOMPLETE, VERDICT_WEAK, VERDICT_ELITE };
/* "unjudged", "incomplete", "weak", "elite" */
const char *profile_verdict_code(enum profile_verdict v);

struct profile_row {
	double self, manager, peer;	/* NaN: none */
	int npeers;			/* peer scores behind the mean */
	double prev_manager, growth;	/* NaN: none */
};

struct profile {
	size_t ntraits;
	struct profile_row *rows;	/* [ntraits], the caller's array */
	long latest, previous;		/* round indexes; -1 none */
	size_t nscored;			/* traits with a manager score */
	int weakest;			/* trait index; -1 none */
	enum profile_verdict verdict;
};

/* the profile of rep_id from scores (of any reps, any order); rows must hold
 * ntraits entries */
void profile_compute(const int64_t *trait_ids, size_t ntraits, const struct pf_score *s, size_t ns,
		     int64_t rep_id, size_t nrounds, struct profile_row *rows, struct profile *out);

/* the manager score (mean of the round's managers) of rep_id per round and
 * trait: mgr[round * ntraits + trait], NaN where none; has[round] is 1 when
 * the rep has a manager score in that round. Arrays the caller owns. */
void profile_history(const int64_t *trait_ids, size_t ntraits, const struct pf_score *s, size_t ns, int64_t rep_id,
		     size_t nrounds, double *mgr, unsigned char *has);

struct superstar_profile {
	size_t nstars;			/* superstars given */
	size_t nscored;			/* of them, with a manager score */
	int shown;			/* nscored >= SUPERSTAR_MIN_REPS */
	double *mean;			/* [ntraits]; NaN when hidden or < MIN reps scored on the trait */
	size_t *n;			/* [ntraits]: the reps behind each mean */
};

/* mean and n must hold ntraits entries; stars are rep ids (duplicates
 * counted once); the scores must come grouped by rep (all of one rep's
 * together, as store/profile.c orders them): a rep whose scores are split
 * would be counted twice */
void profile_superstars(const int64_t *trait_ids, size_t ntraits, const struct pf_score *s, size_t ns,
			const int64_t *stars, size_t nstars, size_t nrounds, double *mean, size_t *n,
			struct superstar_profile *out);

/* was a rep a superstar in the last quarters? tier[k] is the rep's tier in
 * each of the nq quarters asked (the caller asks the four completed ones):
 * yes when superstar in at least one of them */
int profile_was_superstar(const enum tier *tier, size_t nq);

#endif
