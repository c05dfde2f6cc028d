/* mirror (store): see mirror.h. */
#include "mirror.h"
#include "../lib/util.h"
#include <string.h>

#define SCORE_COLS "s_recruiting, s_coaching, s_underperformance, s_no_excuses, s_competition"
#define EVIDENCE_COLS "e_recruiting, e_coaching, e_underperformance, e_no_excuses, e_competition"

enum err mirror_assessment_add(struct db_conn *c, int64_t org_id, int64_t manager_id, const char *assessed_on,
			       const int score[MIRROR_SKILLS], const char *const evidence[MIRROR_SKILLS], int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO manager_assessments (org_id, manager_id, assessed_on, " SCORE_COLS ", "
				 EVIDENCE_COLS ", created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
				 "$12, $13, $14) RETURNING id",
				 P_I(org_id), P_I(manager_id), P_T(assessed_on), P_I(score[0]), P_I(score[1]),
				 P_I(score[2]), P_I(score[3]), P_I(score[4]), P_T(evidence[0]), P_T(evidence[1]),
				 P_T(evidence[2]), P_T(evidence[3]), P_T(evidence[4]), P_I(now_epoch()));
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

enum err mirror_assessments(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
			    struct manager_assessment **out, size_t *n)
{
	*n = 0;
	*out = arena_allocarray(a, MIRROR_HISTORY_MAX, sizeof(**out));
	struct db_stmt *st = DBQ(c, "SELECT id, manager_id, assessed_on, " SCORE_COLS ", " EVIDENCE_COLS " FROM "
				 "manager_assessments WHERE org_id = $1 AND manager_id = $2 "
				 "ORDER BY assessed_on DESC, id DESC LIMIT $3",
				 P_I(org_id), P_I(manager_id), P_I(MIRROR_HISTORY_MAX));
	while (db_step(st) == DB_ROW) {
		struct manager_assessment *m = &(*out)[(*n)++];
		m->id = db_col_i64(st, 0);
		m->manager_id = db_col_i64(st, 1);
		m->assessed_on = arena_strdup(a, db_col_text(st, 2));
		for (int k = 0; k < MIRROR_SKILLS; k++) {
			m->score[k] = (int)db_col_i64(st, 3 + k);
			m->evidence[k] = arena_strdup(a, db_col_text(st, 3 + MIRROR_SKILLS + k));
		}
	}
	enum err e = db_finish(st);
	/* oldest first, for the history and the chart */
	for (size_t i = 0; i < *n / 2; i++) {
		struct manager_assessment t = (*out)[i];
		(*out)[i] = (*out)[*n - 1 - i];
		(*out)[*n - 1 - i] = t;
	}
	return e;
}

enum err mirror_round_open(struct db_conn *c, int64_t org_id, int64_t manager_id, const char *opened_on,
			   int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO upward_rounds (org_id, manager_id, opened_on, created_at) "
				 "VALUES ($1, $2, $3, $4) RETURNING id",
				 P_I(org_id), P_I(manager_id), P_T(opened_on), P_I(now_epoch()));
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

enum err mirror_round_close(struct db_conn *c, int64_t org_id, int64_t manager_id, int64_t id, const char *closed_on)
{
	struct db_stmt *st = DBQ(c, "UPDATE upward_rounds SET closed_on = $4 WHERE org_id = $1 AND manager_id = $2 "
				 "AND id = $3 AND closed_on IS NULL", P_I(org_id), P_I(manager_id), P_I(id),
				 P_T(closed_on));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : E_NOTFOUND;
}

#define ROUND_COLS "r.id, r.manager_id, u.name, r.opened_on, coalesce(r.closed_on, ''), " \
	"(SELECT count(*) FROM upward_answers x WHERE x.org_id = r.org_id AND x.round_id = r.id), " \
	"(SELECT coalesce(sum(x.s_recruiting), 0) FROM upward_answers x WHERE x.org_id = r.org_id AND x.round_id = r.id), " \
	"(SELECT coalesce(sum(x.s_coaching), 0) FROM upward_answers x WHERE x.org_id = r.org_id AND x.round_id = r.id), " \
	"(SELECT coalesce(sum(x.s_underperformance), 0) FROM upward_answers x WHERE x.org_id = r.org_id AND x.round_id = r.id), " \
	"(SELECT coalesce(sum(x.s_no_excuses), 0) FROM upward_answers x WHERE x.org_id = r.org_id AND x.round_id = r.id), " \
	"(SELECT coalesce(sum(x.s_competition), 0) FROM upward_answers x WHERE x.org_id = r.org_id AND x.round_id = r.id) "
#define ROUND_FROM "FROM upward_rounds r JOIN users u ON u.org_id = r.org_id AND u.id = r.manager_id "

static void round_row(struct db_stmt *st, struct arena *a, struct upward_round *r)
{
	r->id = db_col_i64(st, 0);
	r->manager_id = db_col_i64(st, 1);
	r->manager_name = arena_strdup(a, db_col_text(st, 2));
	r->opened_on = arena_strdup(a, db_col_text(st, 3));
	r->closed_on = arena_strdup(a, db_col_text(st, 4));
	r->answers = db_col_i64(st, 5);
	for (int k = 0; k < MIRROR_SKILLS; k++)
		r->sum[k] = db_col_i64(st, 6 + k);
}

enum err mirror_round_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct upward_round *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " ROUND_COLS ROUND_FROM "WHERE r.org_id = $1 AND r.id = $2",
				 P_I(org_id), P_I(id));
	int found = db_step(st) == DB_ROW;
	if (found)
		round_row(st, a, out);
	enum err e = db_finish(st);
	return e ? e : found ? E_OK : E_NOTFOUND;
}

enum err mirror_rounds(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
		       struct upward_round **out, size_t *n)
{
	*n = 0;
	*out = arena_allocarray(a, MIRROR_ROUNDS_MAX, sizeof(**out));
	struct db_stmt *st = DBQ(c, "SELECT " ROUND_COLS ROUND_FROM "WHERE r.org_id = $1 AND r.manager_id = $2 "
				 "ORDER BY r.opened_on DESC, r.id DESC LIMIT $3", P_I(org_id), P_I(manager_id),
				 P_I(MIRROR_ROUNDS_MAX));
	while (db_step(st) == DB_ROW)
		round_row(st, a, &(*out)[(*n)++]);
	return db_finish(st);
}

enum err mirror_rounds_for(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			   struct upward_todo **out, size_t *n)
{
	*n = 0;
	*out = arena_allocarray(a, MIRROR_ROUNDS_MAX, sizeof(**out));
	struct db_stmt *st = DBQ(c, "SELECT " ROUND_COLS ", (SELECT count(*) FROM upward_respondents p WHERE "
				 "p.org_id = r.org_id AND p.round_id = r.id AND p.user_id = $2) " ROUND_FROM
				 "WHERE r.org_id = $1 AND r.closed_on IS NULL AND r.manager_id <> $2 AND r.manager_id IN "
				 "(SELECT t.manager_id FROM teams t JOIN team_members tm ON tm.org_id = t.org_id AND "
				 "tm.team_id = t.id WHERE t.org_id = $1 AND tm.user_id = $2) "
				 "ORDER BY r.opened_on DESC, r.id DESC LIMIT $3", P_I(org_id), P_I(user_id),
				 P_I(MIRROR_ROUNDS_MAX));
	while (db_step(st) == DB_ROW) {
		struct upward_todo *t = &(*out)[(*n)++];
		round_row(st, a, &t->round);
		t->answered = db_col_i64(st, 6 + MIRROR_SKILLS) > 0;
	}
	return db_finish(st);
}

enum err mirror_round_comments(struct db_conn *c, struct arena *a, int64_t org_id, int64_t round_id,
			       const char ***out, size_t *n)
{
	*n = 0;
	*out = arena_allocarray(a, MIRROR_COMMENTS_MAX, sizeof(**out));
	/* answer_key is random: its order says nothing of who or when */
	struct db_stmt *st = DBQ(c, "SELECT comment FROM upward_answers WHERE org_id = $1 AND round_id = $2 AND "
				 "comment <> '' ORDER BY answer_key LIMIT $3", P_I(org_id), P_I(round_id),
				 P_I(MIRROR_COMMENTS_MAX));
	while (db_step(st) == DB_ROW)
		(*out)[(*n)++] = arena_strdup(a, db_col_text(st, 0));
	return db_finish(st);
}

enum err mirror_answer(struct db_conn *c, int64_t org_id, int64_t round_id, int64_t user_id,
		       const int score[MIRROR_SKILLS], const char *comment)
{
	char key[64];
	rand_token_buf(key, sizeof(key), 16);
	enum err e = db_begin(c);
	if (e)
		return e;
	e = DBX(c, "INSERT INTO upward_respondents (org_id, round_id, user_id) VALUES ($1, $2, $3)", P_I(org_id),
		P_I(round_id), P_I(user_id));
	if (!e)
		e = DBX(c, "INSERT INTO upward_answers (org_id, round_id, answer_key, " SCORE_COLS ", comment) "
			   "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", P_I(org_id), P_I(round_id), P_T(key),
			P_I(score[0]), P_I(score[1]), P_I(score[2]), P_I(score[3]), P_I(score[4]),
			P_T(comment ? comment : ""));
	if (!e)
		e = db_commit(c);
	if (e)
		db_rollback(c);
	return e;
}
