/* scorecards: see scorecards.h. */
#include "scorecards.h"
#include "webhooks.h"
#include "audit.h"
#include "../lib/util.h"
#include <string.h>

/* grows an arena array of n items of size sz to hold one more */
static void *grow(struct arena *a, void *items, size_t n, size_t *cap, size_t sz)
{
	if (n < *cap)
		return items;
	size_t ncap = *cap ? *cap * 2 : 8;
	void *m = arena_alloc(a, ncap * sz);
	if (n)
		memcpy(m, items, n * sz);
	*cap = ncap;
	return m;
}

enum err scorecards_means(struct db_conn *c, struct arena *a, int64_t org_id, int64_t candidate_id,
			  struct scorecard_mean **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	/* the submitted scores of the candidate's (at most SCORECARD_LIST_MAX)
	 * latest submitted scorecards, a row each, by trait */
	struct db_stmt *st = DBQ(c, "SELECT t.id, t.code, t.name, t.position, x.score, x.evidence, s.id, "
				 "s.interviewer_id, u.name, i.held_on "
				 "FROM (SELECT s0.id FROM scorecards s0 JOIN interviews i0 ON i0.org_id = s0.org_id AND "
				 "i0.id = s0.interview_id WHERE s0.org_id = $1 AND s0.candidate_id = $2 AND "
				 "s0.status = 'submitted' ORDER BY i0.held_on DESC, s0.id DESC LIMIT $3) k "
				 "JOIN scorecards s ON s.org_id = $1 AND s.id = k.id "
				 "JOIN interviews i ON i.org_id = s.org_id AND i.id = s.interview_id "
				 "JOIN users u ON u.org_id = s.org_id AND u.id = s.interviewer_id "
				 "JOIN scorecard_scores x ON x.org_id = s.org_id AND x.scorecard_id = s.id "
				 "JOIN traits t ON t.org_id = x.org_id AND t.id = x.trait_id "
				 "WHERE s.org_id = $1 ORDER BY t.position, t.id, i.held_on, s.id",
				 P_I(org_id), P_I(candidate_id), P_I(SCORECARD_LIST_MAX));
	size_t cap = 0;
	size_t *ecap = NULL;
	size_t ecap_n = 0;
	while (db_step(st) == DB_ROW) {
		int64_t tid = db_col_i64(st, 0);
		if (!*n || (*out)[*n - 1].trait_id != tid) {
			*out = grow(a, *out, *n, &cap, sizeof(struct scorecard_mean));
			if (cap > ecap_n) {
				size_t *m = arena_alloc(a, cap * sizeof(size_t));
				if (ecap_n)
					memcpy(m, ecap, ecap_n * sizeof(size_t));
				ecap = m;
				ecap_n = cap;
			}
			struct scorecard_mean *t = &(*out)[(*n)++];
			memset(t, 0, sizeof(*t));
			t->trait_id = tid;
			t->code = arena_strdup(a, db_col_text(st, 1));
			t->name = arena_strdup(a, db_col_text(st, 2));
			t->position = (int)db_col_i64(st, 3);
			ecap[*n - 1] = 0;
		}
		struct scorecard_mean *t = &(*out)[*n - 1];
		t->evidence = grow(a, t->evidence, t->nevidence, &ecap[*n - 1], sizeof(struct scorecard_evidence));
		struct scorecard_evidence *ev = &t->evidence[t->nevidence++];
		ev->score = (int)db_col_i64(st, 4);
		ev->text = arena_strdup(a, db_col_text(st, 5));
		ev->scorecard_id = db_col_i64(st, 6);
		ev->interviewer_id = db_col_i64(st, 7);
		ev->interviewer_name = arena_strdup(a, db_col_text(st, 8));
		ev->held_on = arena_strdup(a, db_col_text(st, 9));
		t->n++;
		t->mean += ev->score;
	}
	for (size_t i = 0; i < *n; i++)
		if ((*out)[i].n)
			(*out)[i].mean /= (*out)[i].n;
	return db_finish(st);
}

/* --- interviews --- */

static enum err interview_write(struct db_conn *c, int64_t org_id, const struct interview_new *in, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO interviews (org_id, candidate_id, vacancy_id, held_on, kind, "
				 "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
				 P_I(org_id), P_I(in->candidate_id), P_ID(in->vacancy_id), P_T(in->held_on),
				 P_T(in->kind), P_I(in->created_by), P_I(now_epoch()));
	int64_t iid = 0;
	if (db_step(st) == DB_ROW)
		iid = db_col_i64(st, 0);
	enum err e = db_finish(st);
	if (e)
		return e;
	if (!iid)
		return E_INTERNAL;
	for (size_t k = 0; k < in->ninterviewers; k++) {
		int64_t who = in->interviewers[k];
		if ((e = DBX(c, "INSERT INTO candidate_invitations (org_id, candidate_id, user_id, invited_by, created_at) "
				"VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id, candidate_id, user_id) DO NOTHING",
			     P_I(org_id), P_I(in->candidate_id), P_I(who), P_I(in->created_by), P_I(now_epoch()))))
			return e;
		st = DBQ(c, "INSERT INTO scorecards (org_id, interview_id, candidate_id, interviewer_id, created_at) "
			    "VALUES ($1, $2, $3, $4, $5) RETURNING id",
			 P_I(org_id), P_I(iid), P_I(in->candidate_id), P_I(who), P_I(now_epoch()));
		int64_t sid = 0;
		if (db_step(st) == DB_ROW)
			sid = db_col_i64(st, 0);
		if ((e = db_finish(st)))
			return e;
		if ((e = audit_record(c, org_id, AUDIT_SCORECARD, sid, "create", NULL, NULL)))
			return e;
	}
	*id = iid;
	return E_OK;
}

enum err interview_add(struct db_conn *c, int64_t org_id, const struct interview_new *in, int64_t *id)
{
	if (!in->ninterviewers || in->ninterviewers > INTERVIEWERS_MAX)
		return E_INVALID;
	enum err e = db_begin(c);
	if (e)
		return e;
	if ((e = interview_write(c, org_id, in, id))) {
		db_rollback(c);
		return e;
	}
	return db_commit(c);
}

/* --- scorecards --- */

#define SC_SELECT "SELECT s.id, s.interview_id, s.candidate_id, s.interviewer_id, u.name, cand.name, " \
	"coalesce(i.vacancy_id, 0), i.held_on, i.kind, s.status, coalesce(s.recommendation, ''), " \
	"coalesce(s.submitted_at, 0), s.reopened FROM scorecards s " \
	"JOIN interviews i ON i.org_id = s.org_id AND i.id = s.interview_id " \
	"JOIN users u ON u.org_id = s.org_id AND u.id = s.interviewer_id " \
	"JOIN candidates cand ON cand.org_id = s.org_id AND cand.id = s.candidate_id "

static void read_scorecard(struct db_stmt *st, struct arena *a, struct scorecard *x)
{
	memset(x, 0, sizeof(*x));
	x->id = db_col_i64(st, 0);
	x->interview_id = db_col_i64(st, 1);
	x->candidate_id = db_col_i64(st, 2);
	x->interviewer_id = db_col_i64(st, 3);
	x->interviewer_name = arena_strdup(a, db_col_text(st, 4));
	x->candidate_name = arena_strdup(a, db_col_text(st, 5));
	x->vacancy_id = db_col_i64(st, 6);
	x->held_on = arena_strdup(a, db_col_text(st, 7));
	x->kind = arena_strdup(a, db_col_text(st, 8));
	x->status = arena_strdup(a, db_col_text(st, 9));
	x->recommendation = arena_strdup(a, db_col_text(st, 10));
	x->submitted_at = db_col_i64(st, 11);
	x->reopened = (int)db_col_i64(st, 12);
}

/* the scores of the scorecards in l (by id), in the traits' order */
static enum err read_scores(struct db_conn *c, struct arena *a, int64_t org_id, int64_t candidate_id,
			    int64_t one_id, struct scorecard *l, size_t n)
{
	struct db_stmt *st = DBQ(c, "SELECT x.scorecard_id, x.trait_id, x.score, x.evidence FROM scorecard_scores x "
				 "JOIN scorecards s ON s.org_id = x.org_id AND s.id = x.scorecard_id "
				 "JOIN traits t ON t.org_id = x.org_id AND t.id = x.trait_id "
				 "WHERE x.org_id = $1 AND ($2 = 0 OR s.candidate_id = $2) AND ($3 = 0 OR s.id = $3) "
				 "ORDER BY x.scorecard_id, t.position, t.id LIMIT $4",
				 P_I(org_id), P_I(candidate_id), P_I(one_id),
				 P_I((int64_t)SCORECARD_LIST_MAX * SCORECARD_TRAITS_MAX));
	size_t *caps = arena_allocarray(a, n ? n : 1, sizeof(size_t));
	memset(caps, 0, (n ? n : 1) * sizeof(size_t));
	while (db_step(st) == DB_ROW) {
		int64_t sid = db_col_i64(st, 0);
		for (size_t k = 0; k < n; k++) {
			if (l[k].id != sid)
				continue;
			l[k].scores = grow(a, l[k].scores, l[k].nscores, &caps[k], sizeof(struct scorecard_score));
			struct scorecard_score *s = &l[k].scores[l[k].nscores++];
			s->trait_id = db_col_i64(st, 1);
			s->score = (int)db_col_i64(st, 2);
			s->evidence = arena_strdup(a, db_col_text(st, 3));
			break;
		}
	}
	return db_finish(st);
}

enum err scorecard_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct scorecard *out)
{
	struct db_stmt *st = DBQ(c, SC_SELECT "WHERE s.org_id = $1 AND s.id = $2", P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_scorecard(st, a, out);
	enum err e = db_finish(st);
	if (e)
		return e;
	if (r != DB_ROW)
		return E_NOTFOUND;
	return read_scores(c, a, org_id, 0, id, out, 1);
}

enum err scorecard_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t candidate_id,
			struct scorecard **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, SC_SELECT "WHERE s.org_id = $1 AND s.candidate_id = $2 "
				 "ORDER BY i.held_on, s.interview_id, u.name, s.id LIMIT $3",
				 P_I(org_id), P_I(candidate_id), P_I(SCORECARD_LIST_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct scorecard));
		read_scorecard(st, a, &(*out)[(*n)++]);
	}
	enum err e = db_finish(st);
	if (e || !*n)
		return e;
	return read_scores(c, a, org_id, candidate_id, 0, *out, *n);
}

enum err scorecard_own_state(struct db_conn *c, int64_t org_id, int64_t candidate_id, int64_t user_id,
			     int *drafts, int *submitted)
{
	*drafts = *submitted = 0;
	struct db_stmt *st = DBQ(c, "SELECT status, count(*) FROM scorecards WHERE org_id = $1 AND candidate_id = $2 "
				 "AND interviewer_id = $3 GROUP BY status ORDER BY status LIMIT 2",
				 P_I(org_id), P_I(candidate_id), P_I(user_id));
	while (db_step(st) == DB_ROW) {
		if (!strcmp(db_col_text(st, 0), "draft"))
			*drafts = (int)db_col_i64(st, 1);
		else
			*submitted = (int)db_col_i64(st, 1);
	}
	return db_finish(st);
}

static enum err save_writes(struct db_conn *c, int64_t org_id, int64_t id, const struct scorecard_score *scores,
			    size_t n, const char *recommendation, int submit)
{
	const char *status = NULL;
	struct db_stmt *st = DBQ(c, "SELECT status FROM scorecards WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id));
	if (db_step(st) == DB_ROW)
		status = strcmp(db_col_text(st, 0), "draft") ? "submitted" : "draft";
	enum err e = db_finish(st);
	if (e)
		return e;
	if (!status)
		return E_NOTFOUND;
	if (strcmp(status, "draft"))
		return E_CONFLICT;
	for (size_t k = 0; k < n; k++) {
		if (scores[k].score >= 1 && scores[k].score <= 5)
			e = DBX(c, "INSERT INTO scorecard_scores (org_id, scorecard_id, trait_id, score, evidence) "
				   "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id, scorecard_id, trait_id) "
				   "DO UPDATE SET score = excluded.score, evidence = excluded.evidence",
				P_I(org_id), P_I(id), P_I(scores[k].trait_id), P_I(scores[k].score),
				P_T(scores[k].evidence ? scores[k].evidence : ""));
		else if (!scores[k].score)
			e = DBX(c, "DELETE FROM scorecard_scores WHERE org_id = $1 AND scorecard_id = $2 AND trait_id = $3",
				P_I(org_id), P_I(id), P_I(scores[k].trait_id));
		else
			e = E_INVALID;
		if (e)
			return e;
	}
	if (recommendation &&
	    (e = DBX(c, "UPDATE scorecards SET recommendation = $3 WHERE org_id = $1 AND id = $2", P_I(org_id),
		     P_I(id), *recommendation ? P_T(recommendation) : P_NULL)))
		return e;
	if (submit) {
		struct db_stmt *up = DBQ(c, "UPDATE scorecards SET status = 'submitted', submitted_at = $3 "
					 "WHERE org_id = $1 AND id = $2 AND status = 'draft'", P_I(org_id), P_I(id),
					 P_I(now_epoch()));
		while (db_step(up) == DB_ROW)
			;
		int64_t changed = db_changes(up);
		e = db_finish(up);
		if (!e && changed)
			e = webhook_on_scorecard(c, org_id, id);	/* webhooks: the outbox, in this transaction */
	}
	return e;
}

enum err scorecard_save(struct db_conn *c, int64_t org_id, int64_t id, const struct scorecard_score *scores,
			size_t n, const char *recommendation, int submit)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_SCORECARD, org_id, id);
	if (e)
		return e;
	e = save_writes(c, org_id, id, scores, n, recommendation, submit);
	return audit_end(c, &ch, submit ? "submit" : "scores", id, e);
}

enum err scorecard_reopen(struct db_conn *c, int64_t org_id, int64_t id)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_SCORECARD, org_id, id);
	if (e)
		return e;
	const char *status = NULL;
	struct db_stmt *st = DBQ(c, "SELECT status FROM scorecards WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id));
	if (db_step(st) == DB_ROW)
		status = strcmp(db_col_text(st, 0), "submitted") ? "draft" : "submitted";
	e = db_finish(st);
	if (!e && !status)
		e = E_NOTFOUND;
	if (!e && strcmp(status, "submitted"))
		e = E_CONFLICT;
	if (!e)
		e = DBX(c, "UPDATE scorecards SET status = 'draft', submitted_at = NULL, reopened = reopened + 1 "
			   "WHERE org_id = $1 AND id = $2 AND status = 'submitted'", P_I(org_id), P_I(id));
	return audit_end(c, &ch, "reopen", id, e);
}

/* --- questions --- */

enum err interview_questions_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t trait_id,
				 const char *lang, const char ***out, size_t *n)
{
	*out = arena_allocarray(a, INTERVIEW_QUESTIONS_MAX, sizeof(char *));
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT text FROM interview_questions WHERE org_id = $1 AND trait_id = $2 AND "
				 "lang = $3 ORDER BY position, id LIMIT $4",
				 P_I(org_id), P_I(trait_id), P_T(lang), P_I(INTERVIEW_QUESTIONS_MAX));
	while (db_step(st) == DB_ROW && *n < INTERVIEW_QUESTIONS_MAX)
		(*out)[(*n)++] = arena_strdup(a, db_col_text(st, 0));
	return db_finish(st);
}

static enum err questions_write(struct db_conn *c, int64_t org_id, int64_t trait_id, const char *lang,
				const char *const *texts, size_t n)
{
	enum err e = DBX(c, "DELETE FROM interview_questions WHERE org_id = $1 AND trait_id = $2 AND lang = $3",
			 P_I(org_id), P_I(trait_id), P_T(lang));
	for (size_t k = 0; !e && k < n; k++)
		e = DBX(c, "INSERT INTO interview_questions (org_id, trait_id, lang, position, text, created_at) "
			   "VALUES ($1, $2, $3, $4, $5, $6)",
			P_I(org_id), P_I(trait_id), P_T(lang), P_I((int64_t)(k + 1) * 10), P_T(texts[k]), P_I(now_epoch()));
	return e;
}

enum err interview_questions_set(struct db_conn *c, int64_t org_id, int64_t trait_id, const char *lang,
				 const char *const *texts, size_t n)
{
	if (n > INTERVIEW_QUESTIONS_MAX)
		return E_INVALID;
	if (DB_I64(c, 0, "SELECT count(*) FROM traits WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(trait_id)) < 1)
		return E_NOTFOUND;
	enum err e = db_begin(c);
	if (e)
		return e;
	if ((e = questions_write(c, org_id, trait_id, lang, texts, n))) {
		db_rollback(c);
		return e;
	}
	return db_commit(c);
}
