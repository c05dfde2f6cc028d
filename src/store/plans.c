/* plans: see plans.h. */
#include "plans.h"
#include "audit.h"
#include "../lib/util.h"
#include <math.h>
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

static enum err changed(struct db_stmt *st)
{
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : E_NOTFOUND;
}

static enum err inserted(struct db_stmt *st, int64_t *id)
{
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

static double col_real(struct db_stmt *st, int col)
{
	return db_col_null(st, col) ? NAN : db_col_double(st, col);
}

static struct db_param p_real(double d)
{
	return isnan(d) ? P_NULL : P_D(d);
}

/* --- plans --- */

#define PLAN_COLS "p.id, p.org_id, p.rep_id, u.name, coalesce(tm.team_id, 0), p.title, p.period_start, " \
	"p.period_end, p.status, p.created_by, p.created_at, coalesce(p.closed_at, 0), " \
	"(SELECT count(*) FROM plan_goals g WHERE g.org_id = p.org_id AND g.plan_id = p.id " \
	"AND g.status <> 'dropped' AND g.kind = 'achievement'), " \
	"(SELECT count(*) FROM plan_goals g WHERE g.org_id = p.org_id AND g.plan_id = p.id " \
	"AND g.status <> 'dropped' AND g.kind = 'result')"
#define PLAN_FROM "FROM dev_plans p JOIN users u ON u.org_id = p.org_id AND u.id = p.rep_id " \
	"LEFT JOIN team_members tm ON tm.org_id = p.org_id AND tm.user_id = p.rep_id "

static void read_plan(struct db_stmt *st, struct arena *a, struct plan *p)
{
	p->id = db_col_i64(st, 0);
	p->org_id = db_col_i64(st, 1);
	p->rep_id = db_col_i64(st, 2);
	p->rep_name = arena_strdup(a, db_col_text(st, 3));
	p->rep_team_id = db_col_i64(st, 4);
	p->title = arena_strdup(a, db_col_text(st, 5));
	p->period_start = arena_strdup(a, db_col_text(st, 6));
	p->period_end = arena_strdup(a, db_col_text(st, 7));
	p->status = arena_strdup(a, db_col_text(st, 8));
	p->created_by = db_col_i64(st, 9);
	p->created_at = db_col_i64(st, 10);
	p->closed_at = db_col_i64(st, 11);
	p->achievement_goals = db_col_i64(st, 12);
	p->result_goals = db_col_i64(st, 13);
}

static enum err one_plan(struct db_stmt *st, struct arena *a, struct plan *out)
{
	int r = db_step(st);
	if (r == DB_ROW)
		read_plan(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

/* audit: the write of plan_create below, in one transaction with its row */
static enum err plan_create_write(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *title,
				  const char *start, const char *end, int64_t created_by, int64_t *id)
{
	return inserted(DBQ(c, "INSERT INTO dev_plans (org_id, rep_id, title, period_start, period_end, created_by, "
			    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
			    P_I(org_id), P_I(rep_id), P_T(title ? title : ""), P_T(start), P_T(end), P_I(created_by),
			    P_I(now_epoch())), id);
}

enum err plan_create(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *title, const char *start,
		     const char *end, int64_t created_by, int64_t *id)
{
	struct audit_change ch;
	int64_t nid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_PLAN, org_id, 0);
	if (!e)
		e = plan_create_write(c, org_id, rep_id, title, start, end, created_by, &nid);
	e = audit_end(c, &ch, "create", nid, e);
	if (!e && id)
		*id = nid;
	return e;
}

enum err plan_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct plan *out)
{
	return one_plan(DBQ(c, "SELECT " PLAN_COLS " " PLAN_FROM "WHERE p.org_id = $1 AND p.id = $2",
			    P_I(org_id), P_I(id)), a, out);
}

enum err plan_open_overlapping(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *start,
			       const char *end, int64_t except_id, int64_t *found)
{
	struct db_stmt *st = DBQ(c, "SELECT id FROM dev_plans WHERE org_id = $1 AND rep_id = $2 AND status = 'open' "
				 "AND period_start <= $4 AND period_end >= $3 AND id <> $5 ORDER BY period_start LIMIT 1",
				 P_I(org_id), P_I(rep_id), P_T(start), P_T(end), P_I(except_id));
	*found = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	return db_finish(st);
}

enum err plan_current(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *day,
		      struct plan *out)
{
	return one_plan(DBQ(c, "SELECT " PLAN_COLS " " PLAN_FROM "WHERE p.org_id = $1 AND p.rep_id = $2 AND "
			    "p.status = 'open' AND p.period_start <= $3 AND p.period_end >= $3 "
			    "ORDER BY p.period_start DESC, p.id DESC LIMIT 1",
			    P_I(org_id), P_I(rep_id), P_T(day)), a, out);
}

#define SCOPE_WHERE "p.org_id = $1 AND (p.rep_id = $2 OR ($2 = 0 AND p.rep_id IN (SELECT mt.user_id " \
	"FROM team_members mt JOIN teams t ON t.org_id = mt.org_id AND t.id = mt.team_id " \
	"WHERE mt.org_id = $1 AND t.manager_id = $3)))"

enum err plans_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct plan_scope *s, int64_t limit,
		    int64_t offset, struct plan **out, size_t *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = DB_I64(c, -1, "SELECT count(*) FROM dev_plans p WHERE " SCOPE_WHERE,
			P_I(org_id), P_I(s->rep_id), P_I(s->manager_id));
	if (*total < 0)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
	struct db_stmt *st = DBQ(c, "SELECT " PLAN_COLS " " PLAN_FROM "WHERE " SCOPE_WHERE " "
				 "ORDER BY p.period_start DESC, u.name, p.id DESC LIMIT $4 OFFSET $5",
				 P_I(org_id), P_I(s->rep_id), P_I(s->manager_id), P_I(limit), P_I(offset));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct plan));
		read_plan(st, a, &(*out)[(*n)++]);
	}
	return db_finish(st);
}

/* audit: the write of plan_update below, in one transaction with its row */
static enum err plan_update_write(struct db_conn *c, int64_t org_id, int64_t id, const char *title, const char *status)
{
	return changed(DBQ(c, "UPDATE dev_plans SET title = coalesce($3, title), status = coalesce($4, status), "
			   "closed_at = CASE WHEN $4 = 'closed' THEN coalesce(closed_at, $5) "
			   "WHEN $4 = 'open' THEN NULL ELSE closed_at END WHERE org_id = $1 AND id = $2",
			   P_I(org_id), P_I(id), P_T(title), P_T(status), P_I(now_epoch())));
}

enum err plan_update(struct db_conn *c, int64_t org_id, int64_t id, const char *title, const char *status)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_PLAN, org_id, id);
	if (!e)
		e = plan_update_write(c, org_id, id, title, status);
	return audit_end(c, &ch, "update", id, e);
}

/* --- goals --- */

#define GOAL_COLS "g.id, g.plan_id, g.kind, g.title, coalesce(g.trait_id, 0), coalesce(tr.name, ''), g.metric, " \
	"g.baseline, g.target, g.status, g.position, coalesce(tr.code, '')"
#define GOAL_FROM "FROM plan_goals g LEFT JOIN traits tr ON tr.org_id = g.org_id AND tr.id = g.trait_id "

static void read_goal(struct db_stmt *st, struct arena *a, struct plan_goal *g)
{
	g->id = db_col_i64(st, 0);
	g->plan_id = db_col_i64(st, 1);
	g->kind = arena_strdup(a, db_col_text(st, 2));
	g->title = arena_strdup(a, db_col_text(st, 3));
	g->trait_id = db_col_i64(st, 4);
	g->trait_name = arena_strdup(a, db_col_text(st, 5));
	g->metric = arena_strdup(a, db_col_text(st, 6));
	g->baseline = col_real(st, 7);
	g->target = col_real(st, 8);
	g->status = arena_strdup(a, db_col_text(st, 9));
	g->position = db_col_i64(st, 10);
	g->trait_code = arena_strdup(a, db_col_text(st, 11));
}

/* audit: the write of plan_goal_add below, in one transaction with its row */
static enum err plan_goal_add_write(struct db_conn *c, int64_t org_id, int64_t plan_id, const char *kind,
				    const char *title, int64_t trait_id, const char *metric, double baseline,
				    double target, int64_t *id)
{
	return inserted(DBQ(c, "INSERT INTO plan_goals (org_id, plan_id, kind, title, trait_id, metric, baseline, "
			    "target, position, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
			    "(SELECT coalesce(max(position), 0) + 1 FROM plan_goals WHERE org_id = $1 AND plan_id = $2), "
			    "$9) RETURNING id",
			    P_I(org_id), P_I(plan_id), P_T(kind), P_T(title), P_ID(trait_id), P_T(metric ? metric : ""),
			    p_real(baseline), p_real(target), P_I(now_epoch())), id);
}

enum err plan_goal_add(struct db_conn *c, int64_t org_id, int64_t plan_id, const char *kind, const char *title,
		       int64_t trait_id, const char *metric, double baseline, double target, int64_t *id)
{
	struct audit_change ch;
	int64_t nid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_PLAN, org_id, plan_id);
	if (!e)
		e = plan_goal_add_write(c, org_id, plan_id, kind, title, trait_id, metric, baseline, target, &nid);
	e = audit_end(c, &ch, "goal", plan_id, e);
	if (!e && id)
		*id = nid;
	return e;
}

enum err plan_goal_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct plan_goal *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " GOAL_COLS " " GOAL_FROM "WHERE g.org_id = $1 AND g.id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_goal(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

/* audit: the write of plan_goal_update below, in one transaction with its row */
static enum err plan_goal_update_write(struct db_conn *c, int64_t org_id, int64_t id, const char *title,
				       const char *status, double target)
{
	return changed(DBQ(c, "UPDATE plan_goals SET title = coalesce($3, title), status = coalesce($4, status), "
			   "target = CASE WHEN $5 = 1 THEN $6 ELSE target END WHERE org_id = $1 AND id = $2",
			   P_I(org_id), P_I(id), P_T(title), P_T(status), P_I(isnan(target) ? 0 : 1),
			   P_D(isnan(target) ? 0 : target)));
}

enum err plan_goal_update(struct db_conn *c, int64_t org_id, int64_t id, const char *title, const char *status,
			  double target)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_PLAN, org_id, audit_parent(c, "plan_goals", org_id, id));
	if (!e)
		e = plan_goal_update_write(c, org_id, id, title, status, target);
	return audit_end(c, &ch, "goal", 0, e);
}

enum err plan_goals_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t plan_id,
			 struct plan_goal **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT " GOAL_COLS " " GOAL_FROM "WHERE g.org_id = $1 AND g.plan_id = $2 "
				 "ORDER BY g.position, g.id LIMIT $3", P_I(org_id), P_I(plan_id), P_I(PLAN_ITEMS_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct plan_goal));
		read_goal(st, a, &(*out)[(*n)++]);
	}
	return db_finish(st);
}

/* --- actions --- */

#define ACTION_COLS "x.id, x.plan_id, coalesce(x.goal_id, 0), x.what, x.owner_id, o.name, coalesce(x.due, ''), " \
	"coalesce(x.done_on, ''), p.rep_id"
#define ACTION_FROM "FROM plan_actions x JOIN users o ON o.org_id = x.org_id AND o.id = x.owner_id " \
	"JOIN dev_plans p ON p.org_id = x.org_id AND p.id = x.plan_id "

static void read_action(struct db_stmt *st, struct arena *a, struct plan_action *x)
{
	x->id = db_col_i64(st, 0);
	x->plan_id = db_col_i64(st, 1);
	x->goal_id = db_col_i64(st, 2);
	x->what = arena_strdup(a, db_col_text(st, 3));
	x->owner_id = db_col_i64(st, 4);
	x->owner_name = arena_strdup(a, db_col_text(st, 5));
	x->due = arena_strdup(a, db_col_text(st, 6));
	x->done_on = arena_strdup(a, db_col_text(st, 7));
	x->rep_id = db_col_i64(st, 8);
}

static enum err many_actions(struct db_stmt *st, struct arena *a, struct plan_action **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct plan_action));
		read_action(st, a, &(*out)[(*n)++]);
	}
	return db_finish(st);
}

/* audit: the write of plan_action_add below, in one transaction with its row */
static enum err plan_action_add_write(struct db_conn *c, int64_t org_id, int64_t plan_id, int64_t goal_id,
				      const char *what, int64_t owner_id, const char *due, int64_t *id)
{
	return inserted(DBQ(c, "INSERT INTO plan_actions (org_id, plan_id, goal_id, what, owner_id, due, created_at) "
			    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
			    P_I(org_id), P_I(plan_id), P_ID(goal_id), P_T(what), P_I(owner_id),
			    P_T(due && *due ? due : NULL), P_I(now_epoch())), id);
}

enum err plan_action_add(struct db_conn *c, int64_t org_id, int64_t plan_id, int64_t goal_id, const char *what,
			 int64_t owner_id, const char *due, int64_t *id)
{
	struct audit_change ch;
	int64_t nid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_PLAN, org_id, plan_id);
	if (!e)
		e = plan_action_add_write(c, org_id, plan_id, goal_id, what, owner_id, due, &nid);
	e = audit_end(c, &ch, "action", plan_id, e);
	if (!e && id)
		*id = nid;
	return e;
}

enum err plan_action_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct plan_action *out)
{
	struct plan_action *l;
	size_t n;
	enum err e = many_actions(DBQ(c, "SELECT " ACTION_COLS " " ACTION_FROM "WHERE x.org_id = $1 AND x.id = $2",
				      P_I(org_id), P_I(id)), a, &l, &n);
	if (e)
		return e;
	if (!n)
		return E_NOTFOUND;
	*out = l[0];
	return E_OK;
}

/* audit: the write of plan_action_done below, in one transaction with its row */
static enum err plan_action_done_write(struct db_conn *c, int64_t org_id, int64_t id, const char *done_on)
{
	return changed(DBQ(c, "UPDATE plan_actions SET done_on = $3 WHERE org_id = $1 AND id = $2",
			   P_I(org_id), P_I(id), P_T(done_on)));
}

enum err plan_action_done(struct db_conn *c, int64_t org_id, int64_t id, const char *done_on)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_PLAN, org_id, audit_parent(c, "plan_actions", org_id, id));
	if (!e)
		e = plan_action_done_write(c, org_id, id, done_on);
	return audit_end(c, &ch, "action done", 0, e);
}

enum err plan_actions_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t plan_id,
			   struct plan_action **out, size_t *n)
{
	return many_actions(DBQ(c, "SELECT " ACTION_COLS " " ACTION_FROM "WHERE x.org_id = $1 AND x.plan_id = $2 "
				"ORDER BY x.done_on IS NOT NULL, coalesce(x.due, '9999-12-31'), x.id LIMIT $3",
				P_I(org_id), P_I(plan_id), P_I(PLAN_ITEMS_MAX)), a, out, n);
}

enum err plan_actions_due(struct db_conn *c, struct arena *a, int64_t org_id, int64_t owner_id, const char *until,
			  int64_t limit, struct plan_action **out, size_t *n)
{
	return many_actions(DBQ(c, "SELECT " ACTION_COLS " " ACTION_FROM "WHERE x.org_id = $1 AND x.owner_id = $2 "
				"AND x.done_on IS NULL AND x.due IS NOT NULL AND x.due <= $3 AND p.status = 'open' "
				"ORDER BY x.due, x.id LIMIT $4",
				P_I(org_id), P_I(owner_id), P_T(until), P_I(limit)), a, out, n);
}

/* --- check-ins --- */

#define CHECKIN_COLS "k.id, k.plan_id, k.author_id, a.name, k.on_date, k.note, k.created_at"
#define CHECKIN_FROM "FROM plan_checkins k JOIN users a ON a.org_id = k.org_id AND a.id = k.author_id "

static enum err many_checkins(struct db_stmt *st, struct arena *a, struct plan_checkin **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct plan_checkin));
		struct plan_checkin *k = &(*out)[(*n)++];
		k->id = db_col_i64(st, 0);
		k->plan_id = db_col_i64(st, 1);
		k->author_id = db_col_i64(st, 2);
		k->author_name = arena_strdup(a, db_col_text(st, 3));
		k->on_date = arena_strdup(a, db_col_text(st, 4));
		k->note = arena_strdup(a, db_col_text(st, 5));
		k->created_at = db_col_i64(st, 6);
	}
	return db_finish(st);
}

/* audit: the write of plan_checkin_add below, in one transaction with its row */
static enum err plan_checkin_add_write(struct db_conn *c, int64_t org_id, int64_t plan_id, int64_t author_id,
				       const char *on_date, const char *note, int64_t *id)
{
	return inserted(DBQ(c, "INSERT INTO plan_checkins (org_id, plan_id, author_id, on_date, note, created_at) "
			    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
			    P_I(org_id), P_I(plan_id), P_I(author_id), P_T(on_date), P_T(note ? note : ""),
			    P_I(now_epoch())), id);
}

enum err plan_checkin_add(struct db_conn *c, int64_t org_id, int64_t plan_id, int64_t author_id, const char *on_date,
			  const char *note, int64_t *id)
{
	struct audit_change ch;
	int64_t nid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_PLAN, org_id, plan_id);
	if (!e)
		e = plan_checkin_add_write(c, org_id, plan_id, author_id, on_date, note, &nid);
	e = audit_end(c, &ch, "check-in", plan_id, e);
	if (!e && id)
		*id = nid;
	return e;
}

enum err plan_checkin_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct plan_checkin *out)
{
	struct plan_checkin *l;
	size_t n;
	enum err e = many_checkins(DBQ(c, "SELECT " CHECKIN_COLS " " CHECKIN_FROM "WHERE k.org_id = $1 AND k.id = $2",
				       P_I(org_id), P_I(id)), a, &l, &n);
	if (e)
		return e;
	if (!n)
		return E_NOTFOUND;
	*out = l[0];
	return E_OK;
}

enum err plan_checkins_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t plan_id,
			    struct plan_checkin **out, size_t *n)
{
	return many_checkins(DBQ(c, "SELECT " CHECKIN_COLS " " CHECKIN_FROM "WHERE k.org_id = $1 AND k.plan_id = $2 "
				 "ORDER BY k.on_date DESC, k.id DESC LIMIT $3",
				 P_I(org_id), P_I(plan_id), P_I(PLAN_ITEMS_MAX)), a, out, n);
}

/* --- recognitions --- */

enum err recognition_add(struct db_conn *c, int64_t org_id, int64_t rep_id, int64_t giver_id, const char *kind,
			 const char *note, const char *source, int64_t source_id, int64_t *id)
{
	return inserted(DBQ(c, "INSERT INTO recognitions (org_id, rep_id, giver_id, kind, note, source, source_id, "
			    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
			    P_I(org_id), P_I(rep_id), P_I(giver_id), P_T(kind), P_T(note ? note : ""),
			    P_T(source ? source : "other"), P_ID(source_id), P_I(now_epoch())), id);
}

#define RSCOPE_WHERE "r.org_id = $1 AND (r.rep_id = $2 OR ($2 = 0 AND r.rep_id IN (SELECT mt.user_id " \
	"FROM team_members mt JOIN teams t ON t.org_id = mt.org_id AND t.id = mt.team_id " \
	"WHERE mt.org_id = $1 AND t.manager_id = $3)))"

enum err recognitions_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct plan_scope *s,
			   int64_t limit, int64_t offset, struct recognition **out, size_t *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = DB_I64(c, -1, "SELECT count(*) FROM recognitions r WHERE " RSCOPE_WHERE,
			P_I(org_id), P_I(s->rep_id), P_I(s->manager_id));
	if (*total < 0)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
	struct db_stmt *st = DBQ(c, "SELECT r.id, r.rep_id, r.giver_id, u.name, g.name, r.kind, r.note, r.source, "
				 "coalesce(r.source_id, 0), r.created_at FROM recognitions r "
				 "JOIN users u ON u.org_id = r.org_id AND u.id = r.rep_id "
				 "JOIN users g ON g.org_id = r.org_id AND g.id = r.giver_id WHERE " RSCOPE_WHERE " "
				 "ORDER BY r.created_at DESC, r.id DESC LIMIT $4 OFFSET $5",
				 P_I(org_id), P_I(s->rep_id), P_I(s->manager_id), P_I(limit), P_I(offset));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct recognition));
		struct recognition *x = &(*out)[(*n)++];
		x->id = db_col_i64(st, 0);
		x->rep_id = db_col_i64(st, 1);
		x->giver_id = db_col_i64(st, 2);
		x->rep_name = arena_strdup(a, db_col_text(st, 3));
		x->giver_name = arena_strdup(a, db_col_text(st, 4));
		x->kind = arena_strdup(a, db_col_text(st, 5));
		x->note = arena_strdup(a, db_col_text(st, 6));
		x->source = arena_strdup(a, db_col_text(st, 7));
		x->source_id = db_col_i64(st, 8);
		x->created_at = db_col_i64(st, 9);
	}
	return db_finish(st);
}

enum err plan_trait_name(struct db_conn *c, struct arena *a, int64_t org_id, int64_t trait_id, const char **name)
{
	struct db_stmt *st = DBQ(c, "SELECT name FROM traits WHERE org_id = $1 AND id = $2 AND retired_at IS NULL", P_I(org_id), P_I(trait_id));
	int r = db_step(st);
	if (r == DB_ROW)
		*name = arena_strdup(a, db_col_text(st, 0));
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

