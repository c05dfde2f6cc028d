/*
 * scorecardsui: what the scorecard pages (web/page-scorecards.c) share with
 * the API (api/api-scorecards.c): loading a scorecard and its candidate
 * under the rules of domain/access.c (access_scorecard*), checking and
 * saving what an interviewer typed, scheduling an interview, and the
 * suggested questions of a trait in the reader's language.
 */
#ifndef SG_WEB_SCORECARDSUI_H
#define SG_WEB_SCORECARDSUI_H
#include "../http/request.h"
#include "../domain/scorecards.h"
#include "../store/recruit.h"
#include "../store/scorecards.h"
#include "../store/traits.h"

/* the caller and a candidate: how much of the candidate they see, and their
 * own scorecards on it by status */
struct sc_ctx {
	struct candidate cand;
	enum candidate_view cv;
	int own_drafts, own_submitted;
};
/* E_NOTFOUND when there is no such candidate or the caller sees nothing of it */
enum err sc_ctx_load(struct request *r, int64_t candidate_id, struct sc_ctx *x);
struct scorecard_ref sc_ref(struct request *r, const struct scorecard *s);
enum scorecard_view sc_view(struct request *r, const struct sc_ctx *x, const struct scorecard *s);

/* the scorecard and its candidate; E_NOTFOUND when either is absent or the
 * caller may see nothing of the scorecard (one answer for all) */
enum err sc_load(struct request *r, int64_t id, struct scorecard *s, struct sc_ctx *x, enum scorecard_view *view);

/* checks (domain/scorecards.h scorecard_validate) and, when fine, saves the
 * scores of the traits given (l->items[i] with scores[i]: 0 clears it) and
 * the recommendation (NULL: unchanged), submitting when submit. *nerr
 * faults (errs, at most max), nothing stored. E_CONFLICT when it is no
 * longer a draft */
enum err sc_save(struct request *r, const struct scorecard *s, const struct trait *const *traits, size_t n,
		 const int *scores, const char *const *evidence, const char *recommendation, int submit,
		 struct scorecard_error *errs, size_t max, size_t *nerr);

/* the check of an interview (date, kind, 1..INTERVIEWERS_MAX active users
 * of the organisation, distinct): NULL when fine, else the message and in
 * *field the field ("held_on", "kind", "interviewers") */
const char *sc_interview_check(struct request *r, const char *held_on, const char *kind, const int64_t *who,
			       size_t n, const char **field);

/* the suggested questions of trait t in the reader's language: the
 * organisation's own, else the defaults (translated); none for an added
 * trait without questions of its own */
void sc_questions(struct request *r, const struct trait *t, const char *const **q, size_t *n);

#endif
