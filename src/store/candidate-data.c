/* candidate-data: see candidate-data.h. */
#include "candidate-data.h"
#include "audit.h"
#include "../domain/recruit-retention.h"
#include "../lib/util.h"
#include <string.h>

enum err candidate_due_list(struct db_conn *c, struct arena *a, int64_t org_id, const char *today,
			    struct candidate_due *out, size_t max, size_t *n)
{
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT id, retain_until, coalesce(anonymised_at, '') FROM candidates "
				 "WHERE org_id = $1 AND anonymised_at IS NULL AND retain_until < $2 "
				 "ORDER BY retain_until, id LIMIT $3",
				 P_I(org_id), P_T(today), P_I((int64_t)max));
	while (db_step(st) == DB_ROW && *n < max) {
		out[*n].id = db_col_i64(st, 0);
		out[*n].retain_until = arena_strdup(a, db_col_text(st, 1));
		out[*n].anonymised_at = arena_strdup(a, db_col_text(st, 2));
		(*n)++;
	}
	return db_finish(st);
}

static enum err anonymise_rows(struct db_conn *c, int64_t org_id, int64_t id, const char *today)
{
	char name[64];
	candidate_anonymised_name(id, name, sizeof(name));
	enum err e = DBX(c, "UPDATE candidates SET name = $3, email = '', phone = '', job_title = '', company = '', "
			 "tags = '', notes = '', anonymised_at = $4 WHERE org_id = $1 AND id = $2",
			 P_I(org_id), P_I(id), P_T(name), P_T(today));
	if (!e)
		e = DBX(c, "UPDATE candidate_conversations SET notes = '', "
			"stop_note = CASE WHEN stop_note IS NULL THEN NULL ELSE '' END "
			"WHERE org_id = $1 AND candidate_id = $2", P_I(org_id), P_I(id));
	if (!e)
		e = DBX(c, "UPDATE scorecard_scores SET evidence = '' WHERE org_id = $1 AND scorecard_id IN "
			"(SELECT s.id FROM scorecards s WHERE s.org_id = $1 AND s.candidate_id = $2)",
			P_I(org_id), P_I(id));
	return e;
}

enum err candidate_anonymise(struct db_conn *c, int64_t org_id, int64_t id, const char *today)
{
	enum err e = db_begin(c);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "SELECT coalesce(anonymised_at, '') FROM candidates WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	int done = r == DB_ROW && *db_col_text(st, 0);
	e = db_finish(st);
	if (!e && r != DB_ROW)
		e = E_NOTFOUND;
	if (!e && done)
		e = E_CONFLICT;
	if (!e)
		e = anonymise_rows(c, org_id, id, today);
	if (!e)
		e = audit_record(c, org_id, AUDIT_CANDIDATE, id, "anonymise", NULL, NULL);
	if (e) {
		db_rollback(c);
		return e;
	}
	return db_commit(c);
}

enum err candidate_data_orgs(struct db_conn *c, int64_t after, int64_t *out, size_t max, size_t *n)
{
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT id FROM orgs WHERE id > $1 ORDER BY id LIMIT $2", P_I(after),
				 P_I((int64_t)max));
	while (db_step(st) == DB_ROW && *n < max)
		out[(*n)++] = db_col_i64(st, 0);
	return db_finish(st);
}

/* ------------------------------------------------------------ the export */

/* a column of an export: its name, and 'i' for a number, 't' for text
 * (NULL stays null either way) */
struct xcol {
	const char *name;
	char type;
};

static json_t *row_json(struct db_stmt *st, const struct xcol *cols, size_t n)
{
	json_t *o = json_object();
	for (size_t i = 0; i < n; i++) {
		json_t *v;
		if (db_col_null(st, (int)i))
			v = json_null();
		else if (cols[i].type == 'i')
			v = json_integer((json_int_t)db_col_i64(st, (int)i));
		else
			v = json_string(db_col_text(st, (int)i));
		json_object_set_new(o, cols[i].name, v ? v : json_null());
	}
	return o;
}

/* every row of the query ($1 org, $2 candidate) as an array of objects */
static enum err rows_json(struct db_conn *c, const char *sql, const struct xcol *cols, size_t n, int64_t org_id,
			  int64_t id, json_t **out)
{
	*out = json_array();
	struct db_stmt *st = DBQ(c, sql, P_I(org_id), P_I(id));
	while (db_step(st) == DB_ROW)
		json_array_append_new(*out, row_json(st, cols, n));
	enum err e = db_finish(st);
	if (e) {
		json_decref(*out);
		*out = NULL;
	}
	return e;
}

#define NCOLS(x) (sizeof(x) / sizeof((x)[0]))

static const struct xcol cand_cols[] = {
	{ "id", 'i' }, { "name", 't' }, { "email", 't' }, { "phone", 't' }, { "source", 't' },
	{ "job_title", 't' }, { "company", 't' }, { "tags", 't' }, { "notes", 't' }, { "known_by", 'i' },
	{ "known_by_name", 't' }, { "consent_on", 't' }, { "retain_until", 't' }, { "vacancy_id", 'i' },
	{ "vacancy_title", 't' }, { "stage", 't' }, { "status", 't' }, { "created_on", 't' },
	{ "hired_user_id", 'i' }, { "hired_on", 't' }, { "anonymised_at", 't' },
};
static const struct xcol conv_cols[] = {
	{ "id", 'i' }, { "author_id", 'i' }, { "author", 't' }, { "kind", 't' }, { "held_on", 't' },
	{ "notes", 't' }, { "outcome", 't' }, { "stop_reason", 't' }, { "stop_note", 't' },
};
static const struct xcol step_cols[] = {
	{ "id", 'i' }, { "conversation_id", 'i' }, { "what", 't' }, { "who", 't' }, { "due_on", 't' },
	{ "original_due", 't' }, { "slips", 'i' }, { "status", 't' }, { "done_on", 't' },
};
static const struct xcol inv_cols[] = {
	{ "user_id", 'i' }, { "user", 't' }, { "invited_by", 'i' }, { "invited_by_name", 't' },
};
static const struct xcol interview_cols[] = {
	{ "id", 'i' }, { "vacancy_id", 'i' }, { "held_on", 't' }, { "kind", 't' }, { "created_by", 'i' },
};
static const struct xcol card_cols[] = {
	{ "id", 'i' }, { "interview_id", 'i' }, { "interviewer_id", 'i' }, { "interviewer", 't' },
	{ "status", 't' }, { "recommendation", 't' }, { "submitted_at", 'i' }, { "reopened", 'i' },
};
static const struct xcol score_cols[] = {
	{ "scorecard_id", 'i' }, { "trait_id", 'i' }, { "trait", 't' }, { "score", 'i' }, { "evidence", 't' },
};

enum err candidate_export(struct db_conn *c, int64_t org_id, int64_t id, json_t **out)
{
	*out = NULL;
	json_t *cand = NULL, *convs = NULL, *steps = NULL, *invs = NULL, *ivs = NULL, *cards = NULL, *scores = NULL;
	enum err e = rows_json(c, "SELECT c.id, c.name, c.email, c.phone, c.source, c.job_title, c.company, c.tags, "
			       "c.notes, c.known_by, k.name, c.consent_on, c.retain_until, c.vacancy_id, v.title, rs.name, "
			       "c.status, c.created_on, c.hired_user_id, c.hired_on, c.anonymised_at FROM candidates c "
			       "LEFT JOIN users k ON k.org_id = c.org_id AND k.id = c.known_by "
			       "LEFT JOIN vacancies v ON v.org_id = c.org_id AND v.id = c.vacancy_id "
			       "LEFT JOIN recruit_stages rs ON rs.org_id = c.org_id AND rs.id = c.stage_id "
			       "WHERE c.org_id = $1 AND c.id = $2 LIMIT 1",
			       cand_cols, NCOLS(cand_cols), org_id, id, &cand);
	if (!e && json_array_size(cand) == 0)
		e = E_NOTFOUND;
	if (!e)
		e = rows_json(c, "SELECT x.id, x.author_id, u.name, x.kind, x.held_on, x.notes, x.outcome, x.stop_reason, "
			      "x.stop_note FROM candidate_conversations x JOIN users u ON u.org_id = x.org_id AND "
			      "u.id = x.author_id WHERE x.org_id = $1 AND x.candidate_id = $2 ORDER BY x.held_on, x.id "
			      "LIMIT 10000", conv_cols, NCOLS(conv_cols), org_id, id, &convs);
	if (!e)
		e = rows_json(c, "SELECT id, conversation_id, what, who, due_on, original_due, slips, status, done_on "
			      "FROM candidate_steps WHERE org_id = $1 AND candidate_id = $2 ORDER BY id LIMIT 10000",
			      step_cols, NCOLS(step_cols), org_id, id, &steps);
	if (!e)
		e = rows_json(c, "SELECT i.user_id, u.name, i.invited_by, b.name FROM candidate_invitations i "
			      "JOIN users u ON u.org_id = i.org_id AND u.id = i.user_id "
			      "JOIN users b ON b.org_id = i.org_id AND b.id = i.invited_by "
			      "WHERE i.org_id = $1 AND i.candidate_id = $2 ORDER BY i.id LIMIT 10000",
			      inv_cols, NCOLS(inv_cols), org_id, id, &invs);
	if (!e)
		e = rows_json(c, "SELECT id, vacancy_id, held_on, kind, created_by FROM interviews "
			      "WHERE org_id = $1 AND candidate_id = $2 ORDER BY held_on, id LIMIT 10000",
			      interview_cols, NCOLS(interview_cols), org_id, id, &ivs);
	if (!e)
		e = rows_json(c, "SELECT s.id, s.interview_id, s.interviewer_id, u.name, s.status, s.recommendation, "
			      "s.submitted_at, s.reopened FROM scorecards s JOIN users u ON u.org_id = s.org_id AND "
			      "u.id = s.interviewer_id WHERE s.org_id = $1 AND s.candidate_id = $2 ORDER BY s.id "
			      "LIMIT 10000", card_cols, NCOLS(card_cols), org_id, id, &cards);
	if (!e)
		e = rows_json(c, "SELECT x.scorecard_id, x.trait_id, t.name, x.score, x.evidence FROM scorecard_scores x "
			      "JOIN scorecards s ON s.org_id = x.org_id AND s.id = x.scorecard_id "
			      "JOIN traits t ON t.org_id = x.org_id AND t.id = x.trait_id "
			      "WHERE x.org_id = $1 AND s.candidate_id = $2 ORDER BY x.scorecard_id, t.position, t.id "
			      "LIMIT 100000", score_cols, NCOLS(score_cols), org_id, id, &scores);
	if (!e) {
		/* each scorecard with its scores */
		size_t i, j;
		json_t *card, *sc;
		json_array_foreach(cards, i, card) {
			json_t *mine = json_array();
			json_int_t cid = json_integer_value(json_object_get(card, "id"));
			json_array_foreach(scores, j, sc) {
				if (json_integer_value(json_object_get(sc, "scorecard_id")) == cid) {
					json_t *copy = json_deep_copy(sc);
					json_object_del(copy, "scorecard_id");
					json_array_append_new(mine, copy);
				}
			}
			json_object_set_new(card, "scores", mine);
		}
		*out = json_pack("{s:O, s:O, s:O, s:O, s:O, s:O}", "candidate", json_array_get(cand, 0),
				 "conversations", convs, "steps", steps, "invitations", invs, "interviews", ivs,
				 "scorecards", cards);
		if (!*out)
			e = E_INTERNAL;
	}
	json_decref(cand);
	json_decref(convs);
	json_decref(steps);
	json_decref(invs);
	json_decref(ivs);
	json_decref(cards);
	json_decref(scores);
	return e;
}

/* ------------------------------------------------------------ erasing */

enum err candidate_erase(struct db_conn *c, int64_t org_id, int64_t id)
{
	enum err e = db_begin(c);
	if (e)
		return e;
	int64_t found = DB_I64(c, -1, "SELECT count(*) FROM candidates WHERE org_id = $1 AND id = $2", P_I(org_id),
			       P_I(id));
	if (found < 0)
		e = E_INTERNAL;
	else if (found == 0)
		e = E_NOTFOUND;
	/* children first: every table that holds a candidate_id (0026, 0028) */
	static const char *const sqls[] = {
		"DELETE FROM scorecard_scores WHERE org_id = $1 AND scorecard_id IN "
		"(SELECT s.id FROM scorecards s WHERE s.org_id = $1 AND s.candidate_id = $2)",
		"DELETE FROM scorecards WHERE org_id = $1 AND candidate_id = $2",
		"DELETE FROM interviews WHERE org_id = $1 AND candidate_id = $2",
		"DELETE FROM candidate_invitations WHERE org_id = $1 AND candidate_id = $2",
		"DELETE FROM candidate_steps WHERE org_id = $1 AND candidate_id = $2",
		"DELETE FROM candidate_conversations WHERE org_id = $1 AND candidate_id = $2",
		"DELETE FROM candidates WHERE org_id = $1 AND id = $2",
	};
	for (size_t i = 0; !e && i < sizeof(sqls) / sizeof(sqls[0]); i++)
		e = DBX(c, sqls[i], P_I(org_id), P_I(id));
	if (!e)
		e = audit_record(c, org_id, AUDIT_CANDIDATE, id, "erase", NULL, NULL);
	if (e) {
		db_rollback(c);
		return e;
	}
	return db_commit(c);
}

enum err candidate_by_email(struct db_conn *c, struct arena *a, int64_t org_id, const char *email,
			    struct candidate_dup *out)
{
	*out = (struct candidate_dup){ 0, "" };
	if (!email || !*email)
		return E_OK;
	struct db_stmt *st = DBQ(c, "SELECT id, name FROM candidates WHERE org_id = $1 AND email <> '' AND "
				 "lower(email) = lower($2) ORDER BY id LIMIT 1", P_I(org_id), P_T(email));
	if (db_step(st) == DB_ROW) {
		out->id = db_col_i64(st, 0);
		out->name = arena_strdup(a, db_col_text(st, 1));
	}
	return db_finish(st);
}
