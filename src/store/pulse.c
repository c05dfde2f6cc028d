/* pulse: see pulse.h. */
#include "pulse.h"
#include "audit.h"
#include "../domain/pulse.h"
#include "../lib/util.h"
#include <string.h>

#define COLS "id, rep_id, coalesce(team_id, 0), week, energy, motivation, workload, comment, created_at, updated_at "

static void read_row(struct db_stmt *st, struct arena *a, struct pulse_row *o)
{
	o->id = db_col_i64(st, 0);
	o->rep_id = db_col_i64(st, 1);
	o->team_id = db_col_i64(st, 2);
	o->week = arena_strdup(a, db_col_text(st, 3));
	o->energy = (int)db_col_i64(st, 4);
	o->motivation = (int)db_col_i64(st, 5);
	o->workload = (int)db_col_i64(st, 6);
	o->comment = arena_strdup(a, db_col_text(st, 7));
	o->created_at = db_col_i64(st, 8);
	o->updated_at = db_col_i64(st, 9);
}

enum err pulse_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *week,
		   struct pulse_row *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " COLS "FROM pulse_answers WHERE org_id = $1 AND rep_id = $2 AND week = $3",
				 P_I(org_id), P_I(rep_id), P_T(week));
	int r = db_step(st);
	if (r == DB_ROW)
		read_row(st, a, out);
	enum err e = db_finish(st);
	if (!e && r != DB_ROW)
		e = E_NOTFOUND;
	return e;
}

/* audit: an answer is the rep's own. The audit log says that the rep
 * answered, with no field, no week, no value: nothing a manager (or an
 * admin) could read the answers from. */
static enum err answered(struct db_conn *c, int64_t org_id, enum err e, const char *action)
{
	if (!e)
		e = audit_record(c, org_id, AUDIT_PULSE, 0, action, NULL, NULL);
	if (e) {
		db_rollback(c);
		return e;
	}
	return db_commit(c);
}

enum err pulse_add(struct db_conn *c, int64_t org_id, int64_t rep_id, int64_t team_id, const char *week, int energy,
		   int motivation, int workload, const char *comment)
{
	enum err e = db_begin(c);
	if (e)
		return e;
	int64_t now = now_epoch();
	struct db_stmt *st = DBQ(c, "INSERT INTO pulse_answers (org_id, rep_id, team_id, week, energy, motivation, "
				 "workload, comment, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) "
				 "ON CONFLICT (org_id, rep_id, week) DO NOTHING",
				 P_I(org_id), P_I(rep_id), P_ID(team_id), P_T(week), P_I(energy), P_I(motivation),
				 P_I(workload), P_T(comment ? comment : ""), P_I(now));
	db_step(st);
	int64_t n = db_changes(st);
	e = db_finish(st);
	if (!e && n != 1)
		e = E_CONFLICT;
	return answered(c, org_id, e, "answered");
}

enum err pulse_change(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *week, int energy, int motivation,
		      int workload, const char *comment)
{
	enum err e = db_begin(c);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "UPDATE pulse_answers SET energy = $4, motivation = $5, workload = $6, comment = $7, "
				 "updated_at = $8 WHERE org_id = $1 AND rep_id = $2 AND week = $3",
				 P_I(org_id), P_I(rep_id), P_T(week), P_I(energy), P_I(motivation), P_I(workload),
				 P_T(comment ? comment : ""), P_I(now_epoch()));
	db_step(st);
	int64_t n = db_changes(st);
	e = db_finish(st);
	if (!e && n != 1)
		e = E_NOTFOUND;
	return answered(c, org_id, e, "answered");
}

enum err pulse_list_rep(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *from,
			const char *to, struct pulse_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, PULSE_LIST_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT " COLS "FROM pulse_answers WHERE org_id = $1 AND rep_id = $2 "
				 "AND week >= $3 AND week <= $4 ORDER BY week LIMIT $5",
				 P_I(org_id), P_I(rep_id), P_T(from), P_T(to), P_I(PULSE_LIST_MAX));
	while (db_step(st) == DB_ROW && out->n < PULSE_LIST_MAX)
		read_row(st, a, &out->items[out->n++]);
	return db_finish(st);
}

enum err pulse_shared_get(struct db_conn *c, int64_t org_id, int64_t rep_id, int *shared)
{
	struct db_stmt *st = DBQ(c, "SELECT 1 FROM pulse_sharing WHERE org_id = $1 AND rep_id = $2", P_I(org_id),
				 P_I(rep_id));
	*shared = db_step(st) == DB_ROW;
	return db_finish(st);
}

enum err pulse_shared_set(struct db_conn *c, int64_t org_id, int64_t rep_id, int shared)
{
	if (!shared)
		return DBX(c, "DELETE FROM pulse_sharing WHERE org_id = $1 AND rep_id = $2", P_I(org_id), P_I(rep_id));
	return DBX(c, "INSERT INTO pulse_sharing (org_id, rep_id, shared_at) VALUES ($1, $2, $3) "
		   "ON CONFLICT (org_id, rep_id) DO NOTHING", P_I(org_id), P_I(rep_id), P_I(now_epoch()));
}

enum err pulse_sharers(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *teams, size_t nteams,
		       struct pulse_sharers *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, PULSE_SHARED_MAX, sizeof(*out->items));
	for (size_t t = 0; t < nteams && out->n < PULSE_SHARED_MAX; t++) {
		struct db_stmt *st = DBQ(c, "SELECT u.id, tm.team_id, u.name, tt.name FROM pulse_sharing s "
					 "JOIN users u ON u.org_id = s.org_id AND u.id = s.rep_id "
					 "JOIN team_members tm ON tm.org_id = s.org_id AND tm.user_id = s.rep_id "
					 "JOIN teams tt ON tt.org_id = tm.org_id AND tt.id = tm.team_id "
					 "WHERE s.org_id = $1 AND tm.team_id = $2 AND u.active = 1 ORDER BY u.name, u.id LIMIT $3",
					 P_I(org_id), P_I(teams[t]), P_I(PULSE_SHARED_MAX));
		while (db_step(st) == DB_ROW && out->n < PULSE_SHARED_MAX) {
			struct pulse_sharer *p = &out->items[out->n++];
			p->rep_id = db_col_i64(st, 0);
			p->team_id = db_col_i64(st, 1);
			p->name = arena_strdup(a, db_col_text(st, 2));
			p->team_name = arena_strdup(a, db_col_text(st, 3));
		}
		enum err e = db_finish(st);
		if (e)
			return e;
	}
	return E_OK;
}

enum err pulse_team_weeks(struct db_conn *c, struct arena *a, int64_t org_id, int64_t team_id, const char *from,
			  const char *before, struct pulse_team_weeks *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, PULSE_LIST_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT week, count(*), sum(energy + motivation + 6 - workload) FROM pulse_answers "
				 "WHERE org_id = $1 AND team_id = $2 AND week >= $3 AND week < $4 GROUP BY week "
				 "HAVING count(*) >= $5 ORDER BY week LIMIT $6",
				 P_I(org_id), P_I(team_id), P_T(from), P_T(before), P_I(PULSE_TEAM_MIN), P_I(PULSE_LIST_MAX));
	while (db_step(st) == DB_ROW && out->n < PULSE_LIST_MAX) {
		struct pulse_team_week *w = &out->items[out->n++];
		w->week = arena_strdup(a, db_col_text(st, 0));
		w->count = db_col_i64(st, 1);
		w->points = db_col_i64(st, 2);
	}
	return db_finish(st);
}
