/* hire (store): see hire.h. */
#include "hire.h"
#include "webhooks.h"
#include "audit.h"
#include "people.h"
#include "../domain/hire.h"
#include "../lib/strbuf.h"
#include "../lib/i18n.h"
#include "../lib/util.h"
#include <string.h>

enum err hire_scorecard_means(struct db_conn *c, struct arena *a, int64_t org_id, int64_t candidate_id,
			      struct hire_trait_score **out, size_t *n, int64_t *scorecards)
{
	*out = arena_allocarray(a, HIRE_TRAITS_MAX, sizeof(**out));
	*n = 0;
	*scorecards = DB_I64(c, -1, "SELECT count(*) FROM scorecards WHERE org_id = $1 AND candidate_id = $2 "
			     "AND status = 'submitted'", P_I(org_id), P_I(candidate_id));
	if (*scorecards < 0)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
	struct db_stmt *st = DBQ(c, "SELECT ss.trait_id, sum(ss.score), count(*) FROM scorecard_scores ss "
				 "JOIN scorecards sc ON sc.org_id = ss.org_id AND sc.id = ss.scorecard_id "
				 "WHERE ss.org_id = $1 AND sc.candidate_id = $2 AND sc.status = 'submitted' "
				 "GROUP BY ss.trait_id ORDER BY ss.trait_id LIMIT $3",
				 P_I(org_id), P_I(candidate_id), P_I(HIRE_TRAITS_MAX));
	while (db_step(st) == DB_ROW) {
		struct hire_trait_score *x = &(*out)[(*n)++];
		x->trait_id = db_col_i64(st, 0);
		x->sum = db_col_i64(st, 1);
		x->count = db_col_i64(st, 2);
		x->score = hire_score_round((long)x->sum, (long)x->count);
		x->evidence = "";
	}
	enum err e = db_finish(st);
	if (e || !*n)
		return e;
	/* the evidence heard, per trait, by interviewer name */
	st = DBQ(c, "SELECT ss.trait_id, u.name, ss.evidence FROM scorecard_scores ss "
		 "JOIN scorecards sc ON sc.org_id = ss.org_id AND sc.id = ss.scorecard_id "
		 "JOIN users u ON u.org_id = sc.org_id AND u.id = sc.interviewer_id "
		 "WHERE ss.org_id = $1 AND sc.candidate_id = $2 AND sc.status = 'submitted' AND ss.evidence <> '' "
		 "ORDER BY ss.trait_id, u.name, sc.id LIMIT $3",
		 P_I(org_id), P_I(candidate_id), P_I(HIRE_EVIDENCE_ROWS_MAX));
	size_t k = 0;
	struct strbuf sb = STRBUF_INIT;
	int64_t cur = 0;
	while (db_step(st) == DB_ROW) {
		int64_t tid = db_col_i64(st, 0);
		if (tid != cur) {
			if (cur && k < *n && (*out)[k].trait_id == cur)
				(*out)[k].evidence = arena_strdup(a, sb.buf);
			sb_reset(&sb);
			cur = tid;
			while (k < *n && (*out)[k].trait_id < tid)
				k++;
		}
		if (sb.len)
			sb_addc(&sb, '\n');
		sb_addf(&sb, "%s: %s", db_col_text(st, 1), db_col_text(st, 2));
	}
	if (cur && k < *n && (*out)[k].trait_id == cur)
		(*out)[k].evidence = arena_strdup(a, sb.buf);
	sb_release(&sb);
	return db_finish(st);
}

/* the first assessment: a closed round "from interviews" and one submitted
 * manager form with the means, audited as one creation */
static enum err first_assessment(struct db_conn *c, int64_t org_id, const struct hire_new *in, int64_t uid,
				 const struct hire_trait_score *s, size_t n, struct hire_result *out)
{
	int64_t now = now_epoch(), rid = 0, aid = 0;
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_ASSESSMENT, org_id, 0);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "INSERT INTO assessment_rounds (org_id, name, rep_id, opened_by, opened_on, status, "
				 "closed_at, created_at, from_interviews) VALUES ($1, $2, $3, $4, $5, 'closed', $6, $6, 1) "
				 "RETURNING id",
				 P_I(org_id), P_T(in->round_name), P_I(uid), P_I(in->hired_by), P_T(in->today), P_I(now));
	if (db_step(st) == DB_ROW)
		rid = db_col_i64(st, 0);
	e = db_finish(st);
	if (!e && !rid)
		e = E_INTERNAL;
	if (!e) {
		st = DBQ(c, "INSERT INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, status, submitted_at, "
			 "created_at) VALUES ($1, $2, $3, $4, 'manager', 'submitted', $5, $5) RETURNING id",
			 P_I(org_id), P_I(rid), P_I(uid), P_I(in->hired_by), P_I(now));
		if (db_step(st) == DB_ROW)
			aid = db_col_i64(st, 0);
		e = db_finish(st);
		if (!e && !aid)
			e = E_INTERNAL;
	}
	for (size_t i = 0; !e && i < n; i++)
		e = DBX(c, "INSERT INTO assessment_scores (org_id, assessment_id, trait_id, subskill_id, score, evidence) "
			"VALUES ($1, $2, $3, 0, $4, $5)",
			P_I(org_id), P_I(aid), P_I(s[i].trait_id), P_I(s[i].score), P_T(s[i].evidence));
	e = audit_end(c, &ch, "create", aid, e);
	if (!e) {
		out->round_id = rid;
		out->assessment_id = aid;
		out->ntraits = n;
	}
	return e;
}

static enum err hire_write(struct db_conn *c, struct arena *a, int64_t org_id, const struct hire_new *in,
			   struct hire_result *out, const char **field, const char **msg)
{
	int64_t hired = DB_I64(c, -1, "SELECT coalesce(hired_user_id, 0) FROM candidates WHERE org_id = $1 AND id = $2",
			       P_I(org_id), P_I(in->candidate_id));
	if (hired < 0)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_NOTFOUND;
	if (hired > 0) {
		*field = "candidate";
		*msg = N_("This candidate was hired already.");
		return E_CONFLICT;
	}
	struct new_user nu = { .email = in->email, .name = in->name, .role = "rep", .team_id = in->team_id,
			       .password = in->password, .locale = in->lang };
	int64_t uid = 0;
	enum err e = people_add_user(c, a, org_id, &nu, &uid, field, msg);
	if (e)
		return e;
	out->user_id = uid;
	/* in a vacancy: its first 'hired' stage */
	int64_t stage = DB_I64(c, 0, "SELECT coalesce((SELECT s.id FROM recruit_stages s WHERE s.org_id = $1 AND "
			       "s.kind = 'hired' ORDER BY s.position, s.id LIMIT 1), 0) FROM candidates c "
			       "WHERE c.org_id = $1 AND c.id = $2 AND c.vacancy_id IS NOT NULL",
			       P_I(org_id), P_I(in->candidate_id));
	struct db_stmt *st = DBQ(c, "UPDATE candidates SET hired_user_id = $3, hired_on = $4, "
				 "stage_id = CASE WHEN $5 = 0 THEN stage_id ELSE $5 END, status = 'active' "
				 "WHERE org_id = $1 AND id = $2 AND hired_user_id IS NULL",
				 P_I(org_id), P_I(in->candidate_id), P_I(uid), P_T(in->start_on), P_I(stage));
	while (db_step(st) == DB_ROW)
		;
	int64_t changed = db_changes(st);
	if ((e = db_finish(st)))
		return e;
	if (!changed) {
		*field = "candidate";
		*msg = N_("This candidate was hired already.");
		return E_CONFLICT;
	}
	const char *after = arena_printf(a, "{\"candidate_id\":\"%lld\",\"start_on\":\"%s\"}",
					 (long long)in->candidate_id, in->start_on);
	if ((e = audit_record(c, org_id, AUDIT_USER, uid, "hired", NULL, after)))
		return e;
	if ((e = webhook_on_hired(c, org_id, in->candidate_id)))	/* webhooks: the outbox, in this transaction */
		return e;
	struct hire_trait_score *s;
	size_t n;
	if ((e = hire_scorecard_means(c, a, org_id, in->candidate_id, &s, &n, &out->scorecards)))
		return e;
	if (!n)
		return E_OK;
	return first_assessment(c, org_id, in, uid, s, n, out);
}

enum err hire_candidate(struct db_conn *c, struct arena *a, int64_t org_id, const struct hire_new *in,
			struct hire_result *out, const char **field, const char **msg)
{
	memset(out, 0, sizeof(*out));
	*field = NULL;
	*msg = NULL;
	enum err e = db_begin(c);
	if (e)
		return e;
	if ((e = hire_write(c, a, org_id, in, out, field, msg))) {
		db_rollback(c);
		memset(out, 0, sizeof(*out));
		return e;
	}
	return db_commit(c);
}

static enum err to_pool_write(struct db_conn *c, int64_t org_id, const struct back_to_pool *in, int64_t *step_id)
{
	int64_t hired = DB_I64(c, -1, "SELECT coalesce(hired_user_id, 0) FROM candidates WHERE org_id = $1 AND id = $2",
			       P_I(org_id), P_I(in->candidate_id));
	if (hired < 0)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_NOTFOUND;
	if (hired > 0)
		return E_CONFLICT;
	enum err e = DBX(c, "UPDATE candidate_steps SET status = 'cancelled' WHERE org_id = $1 AND candidate_id = $2 "
			    "AND status = 'open'", P_I(org_id), P_I(in->candidate_id));
	if (e)
		return e;
	int64_t now = now_epoch(), conv = 0, sid = 0;
	struct db_stmt *st = DBQ(c, "INSERT INTO candidate_conversations (org_id, candidate_id, author_id, kind, held_on, "
				 "notes, outcome, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'step', $7) RETURNING id",
				 P_I(org_id), P_I(in->candidate_id), P_I(in->author_id), P_T(in->kind), P_T(in->held_on),
				 P_T(in->notes ? in->notes : ""), P_I(now));
	if (db_step(st) == DB_ROW)
		conv = db_col_i64(st, 0);
	if ((e = db_finish(st)))
		return e;
	if (!conv)
		return E_INTERNAL;
	st = DBQ(c, "INSERT INTO candidate_steps (org_id, candidate_id, conversation_id, what, who, due_on, original_due, "
		 "created_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id",
		 P_I(org_id), P_I(in->candidate_id), P_I(conv), P_T(in->what), P_T(in->who), P_T(in->touch_on), P_I(now));
	if (db_step(st) == DB_ROW)
		sid = db_col_i64(st, 0);
	if ((e = db_finish(st)))
		return e;
	if (step_id)
		*step_id = sid;
	return DBX(c, "UPDATE candidates SET vacancy_id = NULL, stage_id = NULL, status = 'active', retain_until = $3 "
		      "WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(in->candidate_id), P_T(in->retain_until));
}

enum err candidate_back_to_pool(struct db_conn *c, int64_t org_id, const struct back_to_pool *in, int64_t *step_id)
{
	enum err e = db_begin(c);
	if (e)
		return e;
	if ((e = to_pool_write(c, org_id, in, step_id))) {
		db_rollback(c);
		return e;
	}
	return db_commit(c);
}

enum err hire_status(struct db_conn *c, struct arena *a, int64_t org_id, int64_t candidate_id, int64_t *user_id,
		     const char **on, const char **name)
{
	*user_id = 0;
	*on = *name = "";
	struct db_stmt *st = DBQ(c, "SELECT coalesce(c.hired_user_id, 0), coalesce(c.hired_on, ''), coalesce(u.name, '') "
				 "FROM candidates c LEFT JOIN users u ON u.org_id = c.org_id AND u.id = c.hired_user_id "
				 "WHERE c.org_id = $1 AND c.id = $2", P_I(org_id), P_I(candidate_id));
	int r = db_step(st);
	if (r == DB_ROW) {
		*user_id = db_col_i64(st, 0);
		*on = arena_strdup(a, db_col_text(st, 1));
		*name = arena_strdup(a, db_col_text(st, 2));
	}
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

int hire_has_draft(struct db_conn *c, int64_t org_id, int64_t candidate_id, int64_t user_id)
{
	return DB_I64(c, 1, "SELECT count(*) FROM scorecards WHERE org_id = $1 AND candidate_id = $2 AND "
			    "interviewer_id = $3 AND status <> 'submitted'", P_I(org_id), P_I(candidate_id),
		      P_I(user_id)) != 0;
}
