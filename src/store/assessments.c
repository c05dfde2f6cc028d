/* assessments: see assessments.h. */
#include "assessments.h"
#include "webhooks.h"
#include "audit.h"
#include "../lib/util.h"
#include <string.h>

#define ROUND_COLS "r.id, r.org_id, r.name, coalesce(r.team_id, 0), coalesce(r.rep_id, 0), " \
	"coalesce((SELECT tm.team_id FROM team_members tm WHERE tm.org_id = r.org_id AND tm.user_id = r.rep_id), 0), " \
	"r.opened_by, r.opened_on, coalesce(r.due_on, ''), r.status, coalesce(t.name, ''), coalesce(u.name, ''), " \
	"(SELECT count(*) FROM assessments a WHERE a.org_id = r.org_id AND a.round_id = r.id), " \
	"(SELECT count(*) FROM assessments a WHERE a.org_id = r.org_id AND a.round_id = r.id AND a.status = 'submitted')"
#define ROUND_FROM "FROM assessment_rounds r " \
	"LEFT JOIN teams t ON t.org_id = r.org_id AND t.id = r.team_id " \
	"LEFT JOIN users u ON u.org_id = r.org_id AND u.id = r.rep_id "

static void read_round(struct db_stmt *st, struct arena *a, struct assessment_round *r)
{
	r->id = db_col_i64(st, 0);
	r->org_id = db_col_i64(st, 1);
	r->name = arena_strdup(a, db_col_text(st, 2));
	r->team_id = db_col_i64(st, 3);
	r->rep_id = db_col_i64(st, 4);
	r->rep_team_id = db_col_i64(st, 5);
	r->opened_by = db_col_i64(st, 6);
	r->opened_on = arena_strdup(a, db_col_text(st, 7));
	r->due_on = arena_strdup(a, db_col_text(st, 8));
	r->status = arena_strdup(a, db_col_text(st, 9));
	r->team_name = arena_strdup(a, db_col_text(st, 10));
	r->rep_name = arena_strdup(a, db_col_text(st, 11));
	r->forms = db_col_i64(st, 12);
	r->submitted = db_col_i64(st, 13);
}

/* audit: the write of round_create below, in one transaction with its row */
static enum err round_create_write(struct db_conn *c, int64_t org_id, const struct new_round *nr, int64_t *id)
{
	int64_t now = now_epoch(), rid = 0;
	const char *due = nr->due_on && *nr->due_on ? nr->due_on : NULL;
	struct db_stmt *st = DBQ(c, "INSERT INTO assessment_rounds (org_id, name, team_id, rep_id, opened_by, "
				 "opened_on, due_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
				 P_I(org_id), P_T(nr->name), P_ID(nr->team_id), P_ID(nr->rep_id), P_I(nr->opened_by),
				 P_T(nr->opened_on), due ? P_T(due) : P_NULL, P_I(now));
	if (db_step(st) == DB_ROW)
		rid = db_col_i64(st, 0);
	enum err e = db_finish(st);
	if (e)
		return e;
	if (id)
		*id = rid;
	if (nr->team_id) {
		/* a self form for every active rep of the team ... */
		e = DBX(c, "INSERT INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, created_at) "
			"SELECT tm.org_id, $2, u.id, u.id, 'self', $4 FROM team_members tm "
			"JOIN users u ON u.org_id = tm.org_id AND u.id = tm.user_id "
			"WHERE tm.org_id = $1 AND tm.team_id = $3 AND u.role = 'rep' AND u.active = 1",
			P_I(org_id), P_I(rid), P_I(nr->team_id), P_I(now));
		/* ... and a manager form by the team's manager */
		if (!e)
			e = DBX(c, "INSERT INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, created_at) "
				"SELECT tm.org_id, $2, u.id, t.manager_id, 'manager', $4 FROM team_members tm "
				"JOIN users u ON u.org_id = tm.org_id AND u.id = tm.user_id "
				"JOIN teams t ON t.org_id = tm.org_id AND t.id = tm.team_id "
				"WHERE tm.org_id = $1 AND tm.team_id = $3 AND u.role = 'rep' AND u.active = 1 "
				"AND t.manager_id IS NOT NULL AND t.manager_id <> u.id",
				P_I(org_id), P_I(rid), P_I(nr->team_id), P_I(now));
		return e;
	}
	e = DBX(c, "INSERT INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, created_at) "
		"VALUES ($1, $2, $3, $3, 'self', $4)", P_I(org_id), P_I(rid), P_I(nr->rep_id), P_I(now));
	/* the manager form: the rep's team's manager, else whoever opened it */
	int64_t mgr = DB_I64(c, 0, "SELECT coalesce(t.manager_id, 0) FROM team_members tm "
			     "JOIN teams t ON t.org_id = tm.org_id AND t.id = tm.team_id "
			     "WHERE tm.org_id = $1 AND tm.user_id = $2", P_I(org_id), P_I(nr->rep_id));
	if (!mgr)
		mgr = nr->opened_by;
	if (!e && mgr != nr->rep_id)
		e = DBX(c, "INSERT INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, created_at) "
			"VALUES ($1, $2, $3, $4, 'manager', $5)",
			P_I(org_id), P_I(rid), P_I(nr->rep_id), P_I(mgr), P_I(now));
	return e;
}

enum err round_create(struct db_conn *c, int64_t org_id, const struct new_round *nr, int64_t *id)
{
	struct audit_change ch;
	int64_t rid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_ROUND, org_id, 0);
	if (!e)
		e = round_create_write(c, org_id, nr, &rid);
	e = audit_end(c, &ch, "create", rid, e);
	if (!e && id)
		*id = rid;
	return e;
}

enum err round_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct assessment_round *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " ROUND_COLS " " ROUND_FROM "WHERE r.org_id = $1 AND r.id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_round(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err round_list_for(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			struct assessment_round_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, ASSESSMENT_LIST_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT " ROUND_COLS " " ROUND_FROM
				 "WHERE r.org_id = $1 AND (r.opened_by = $2 "
				 "OR r.team_id IN (SELECT lt.id FROM teams lt WHERE lt.org_id = $1 AND lt.manager_id = $2) "
				 "OR r.rep_id IN (SELECT tm.user_id FROM team_members tm JOIN teams lt ON lt.org_id = tm.org_id "
				 "AND lt.id = tm.team_id WHERE tm.org_id = $1 AND lt.manager_id = $2)) "
				 "ORDER BY r.opened_on DESC, r.id DESC LIMIT $3",
				 P_I(org_id), P_I(user_id), P_I(ASSESSMENT_LIST_MAX));
	while (db_step(st) == DB_ROW)
		read_round(st, a, &out->items[out->n++]);
	return db_finish(st);
}

/* audit: the write of round_close below, in one transaction with its row */
static enum err round_close_write(struct db_conn *c, int64_t org_id, int64_t id)
{
	struct db_stmt *st = DBQ(c, "UPDATE assessment_rounds SET status = 'closed', closed_at = $3 "
				 "WHERE org_id = $1 AND id = $2 AND status = 'open'",
				 P_I(org_id), P_I(id), P_I(now_epoch()));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : E_CONFLICT;
}

enum err round_close(struct db_conn *c, int64_t org_id, int64_t id)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_ROUND, org_id, id);
	if (!e)
		e = round_close_write(c, org_id, id);
	return audit_end(c, &ch, "close", id, e);
}

#define FORM_COLS "a.id, a.org_id, a.round_id, a.rep_id, a.rater_id, a.rater_kind, a.status, " \
	"coalesce(a.submitted_at, 0), r.name, r.status, r.opened_on, coalesce(r.due_on, ''), ru.name, wu.name, " \
	"coalesce((SELECT tm.team_id FROM team_members tm WHERE tm.org_id = a.org_id AND tm.user_id = a.rep_id), 0), " \
	"r.from_interviews"
#define FORM_FROM "FROM assessments a " \
	"JOIN assessment_rounds r ON r.org_id = a.org_id AND r.id = a.round_id " \
	"JOIN users ru ON ru.org_id = a.org_id AND ru.id = a.rep_id " \
	"JOIN users wu ON wu.org_id = a.org_id AND wu.id = a.rater_id "

static void read_form(struct db_stmt *st, struct arena *a, struct assessment *f)
{
	f->id = db_col_i64(st, 0);
	f->org_id = db_col_i64(st, 1);
	f->round_id = db_col_i64(st, 2);
	f->rep_id = db_col_i64(st, 3);
	f->rater_id = db_col_i64(st, 4);
	f->rater_kind = arena_strdup(a, db_col_text(st, 5));
	f->status = arena_strdup(a, db_col_text(st, 6));
	f->submitted_at = db_col_i64(st, 7);
	f->round_name = arena_strdup(a, db_col_text(st, 8));
	f->round_status = arena_strdup(a, db_col_text(st, 9));
	f->opened_on = arena_strdup(a, db_col_text(st, 10));
	f->due_on = arena_strdup(a, db_col_text(st, 11));
	f->rep_name = arena_strdup(a, db_col_text(st, 12));
	f->rater_name = arena_strdup(a, db_col_text(st, 13));
	f->rep_team_id = db_col_i64(st, 14);
	f->from_interviews = (int)db_col_i64(st, 15);
}

static enum err read_forms(struct db_stmt *st, struct arena *a, struct assessment_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, ASSESSMENT_LIST_MAX, sizeof(*out->items));
	while (db_step(st) == DB_ROW)
		read_form(st, a, &out->items[out->n++]);
	return db_finish(st);
}

enum err assessment_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct assessment *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " FORM_COLS " " FORM_FROM "WHERE a.org_id = $1 AND a.id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_form(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err assessment_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t round_id, int64_t rep_id,
			 int64_t rater_id, struct assessment_list *out)
{
	return read_forms(DBQ(c, "SELECT " FORM_COLS " " FORM_FROM "WHERE a.org_id = $1 "
			      "AND ($2 = 0 OR a.round_id = $2) AND ($3 = 0 OR a.rep_id = $3) "
			      "AND ($4 = 0 OR a.rater_id = $4) "
			      "ORDER BY r.opened_on DESC, r.id DESC, ru.name, a.rep_id, a.rater_kind DESC, a.id LIMIT $5",
			      P_I(org_id), P_I(round_id), P_I(rep_id), P_I(rater_id), P_I(ASSESSMENT_LIST_MAX)),
			  a, out);
}

enum err assessment_list_involving(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
				   struct assessment_list *out)
{
	return read_forms(DBQ(c, "SELECT " FORM_COLS " " FORM_FROM "WHERE a.org_id = $1 "
			      "AND (a.rep_id = $2 OR a.rater_id = $2) "
			      "ORDER BY r.opened_on DESC, r.id DESC, ru.name, a.rater_kind DESC, a.id LIMIT $3",
			      P_I(org_id), P_I(user_id), P_I(ASSESSMENT_LIST_MAX)),
			  a, out);
}

enum err assessment_list_involving_led(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
				       struct assessment_list *out)
{
	return read_forms(DBQ(c, "SELECT " FORM_COLS " " FORM_FROM "WHERE a.org_id = $1 "
			      "AND (a.rep_id = $2 OR a.rater_id = $2 OR a.rep_id IN (SELECT tm.user_id FROM team_members tm "
			      "JOIN teams lt ON lt.org_id = tm.org_id AND lt.id = tm.team_id "
			      "WHERE tm.org_id = $1 AND lt.manager_id = $2)) "
			      "ORDER BY r.opened_on DESC, r.id DESC, ru.name, a.rater_kind DESC, a.id LIMIT $3",
			      P_I(org_id), P_I(user_id), P_I(ASSESSMENT_LIST_MAX)),
			  a, out);
}

enum err assessment_due(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rater_id,
			struct assessment_list *out)
{
	return read_forms(DBQ(c, "SELECT " FORM_COLS " " FORM_FROM "WHERE a.org_id = $1 AND a.rater_id = $2 "
			      "AND a.status = 'draft' AND r.status = 'open' "
			      "ORDER BY coalesce(r.due_on, '9999'), r.id, ru.name LIMIT 20",
			      P_I(org_id), P_I(rater_id)),
			  a, out);
}

/* audit: the write of assessment_invite_peer below, in one transaction with its row */
static enum err assessment_invite_peer_write(struct db_conn *c, int64_t org_id, int64_t round_id, int64_t rep_id,
					     int64_t peer_id, int64_t invited_by, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, "
				 "invited_by, created_at) VALUES ($1, $2, $3, $4, 'peer', $5, $6) RETURNING id",
				 P_I(org_id), P_I(round_id), P_I(rep_id), P_I(peer_id), P_I(invited_by),
				 P_I(now_epoch()));
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

enum err assessment_invite_peer(struct db_conn *c, int64_t org_id, int64_t round_id, int64_t rep_id,
				int64_t peer_id, int64_t invited_by, int64_t *id)
{
	struct audit_change ch;
	int64_t nid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_ASSESSMENT, org_id, 0);
	if (!e)
		e = assessment_invite_peer_write(c, org_id, round_id, rep_id, peer_id, invited_by, &nid);
	e = audit_end(c, &ch, "invite", nid, e);
	if (!e && id)
		*id = nid;
	return e;
}

enum err assessment_scores(struct db_conn *c, struct arena *a, int64_t org_id, int64_t assessment_id,
			   struct assessment_score_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, SCORES_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT trait_id, subskill_id, score, evidence, coalesce(observation_id, 0) "
				 "FROM assessment_scores "
				 "WHERE org_id = $1 AND assessment_id = $2 ORDER BY trait_id, subskill_id LIMIT $3",
				 P_I(org_id), P_I(assessment_id), P_I(SCORES_MAX));
	while (db_step(st) == DB_ROW) {
		struct assessment_score *s = &out->items[out->n++];
		s->trait_id = db_col_i64(st, 0);
		s->subskill_id = db_col_i64(st, 1);
		s->score = (int)db_col_i64(st, 2);
		s->evidence = arena_strdup(a, db_col_text(st, 3));
		s->observation_id = db_col_i64(st, 4);
	}
	return db_finish(st);
}

/* audit: the write of assessment_scores_save below, in one transaction with its row */
static enum err assessment_scores_save_write(struct db_conn *c, int64_t org_id, int64_t assessment_id,
					     const struct assessment_score *s, size_t n)
{
	enum err e = DBX(c, "DELETE FROM assessment_scores WHERE org_id = $1 AND assessment_id = $2",
			 P_I(org_id), P_I(assessment_id));
	for (size_t i = 0; !e && i < n; i++)
		e = DBX(c, "INSERT INTO assessment_scores (org_id, assessment_id, trait_id, subskill_id, score, evidence, "
			"observation_id) VALUES ($1, $2, $3, $4, $5, $6, $7)",
			P_I(org_id), P_I(assessment_id), P_I(s[i].trait_id), P_I(s[i].subskill_id), P_I(s[i].score),
			P_T(s[i].evidence ? s[i].evidence : ""), P_ID(s[i].observation_id));
	return e;
}

enum err assessment_scores_save(struct db_conn *c, int64_t org_id, int64_t assessment_id,
				const struct assessment_score *s, size_t n)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_ASSESSMENT, org_id, assessment_id);
	if (!e)
		e = assessment_scores_save_write(c, org_id, assessment_id, s, n);
	return audit_end(c, &ch, "scores", assessment_id, e);
}

enum err assessment_previous_round_on(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
				      int64_t round_id, const char **out)
{
	struct db_stmt *st = DBQ(c, "SELECT r.opened_on FROM assessment_rounds r "
				 "JOIN assessment_rounds cur ON cur.org_id = r.org_id AND cur.id = $3 "
				 "WHERE r.org_id = $1 AND r.id <> cur.id "
				 "AND (r.opened_on < cur.opened_on OR (r.opened_on = cur.opened_on AND r.id < cur.id)) "
				 "AND EXISTS (SELECT 1 FROM assessments a WHERE a.org_id = r.org_id AND a.round_id = r.id "
				 "AND a.rep_id = $2) ORDER BY r.opened_on DESC, r.id DESC LIMIT 1",
				 P_I(org_id), P_I(rep_id), P_I(round_id));
	*out = "";
	if (db_step(st) == DB_ROW)
		*out = arena_strdup(a, db_col_text(st, 0));
	return db_finish(st);
}

/* audit: the write of assessment_submit below, in one transaction with its row */
static enum err assessment_submit_write(struct db_conn *c, int64_t org_id, int64_t id)
{
	struct db_stmt *st = DBQ(c, "UPDATE assessments SET status = 'submitted', submitted_at = $3 "
				 "WHERE org_id = $1 AND id = $2 AND status = 'draft'",
				 P_I(org_id), P_I(id), P_I(now_epoch()));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	if (!e && n)
		e = webhook_on_assessment(c, org_id, id);	/* webhooks: the outbox, in this transaction */
	return e ? e : n ? E_OK : E_CONFLICT;
}

enum err assessment_submit(struct db_conn *c, int64_t org_id, int64_t id)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_ASSESSMENT, org_id, id);
	if (!e)
		e = assessment_submit_write(c, org_id, id);
	return audit_end(c, &ch, "submit", id, e);
}

enum err assessment_history(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
			    struct trait_history *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, ASSESSMENT_LIST_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT r.id, s.trait_id, r.name, r.opened_on, s.score, "
				 "CASE WHEN s.observation_id IS NULL THEN 0 ELSE 1 END FROM assessment_scores s "
				 "JOIN assessments a ON a.org_id = s.org_id AND a.id = s.assessment_id "
				 "JOIN assessment_rounds r ON r.org_id = a.org_id AND r.id = a.round_id "
				 "WHERE s.org_id = $1 AND a.rep_id = $2 AND a.rater_kind = 'manager' "
				 "AND a.status = 'submitted' AND s.subskill_id = 0 "
				 "ORDER BY r.opened_on, r.id, s.trait_id LIMIT $3",
				 P_I(org_id), P_I(rep_id), P_I(ASSESSMENT_LIST_MAX));
	while (db_step(st) == DB_ROW) {
		struct trait_history_cell *h = &out->items[out->n++];
		h->round_id = db_col_i64(st, 0);
		h->trait_id = db_col_i64(st, 1);
		h->round_name = arena_strdup(a, db_col_text(st, 2));
		h->opened_on = arena_strdup(a, db_col_text(st, 3));
		h->score = (int)db_col_i64(st, 4);
		h->observed = (int)db_col_i64(st, 5);
	}
	return db_finish(st);
}
