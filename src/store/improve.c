/* improve: see improve.h. */
#include "improve.h"
#include "webhooks.h"
#include "audit.h"
#include "../lib/util.h"
#include <math.h>
#include <string.h>

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

static struct db_param p_text(const char *s)
{
	return s ? P_T(s) : P_NULL;
}

static struct db_param p_day(const char *s)
{
	return s && *s ? P_T(s) : P_NULL;
}

static struct db_param p_real(double d)
{
	return isnan(d) ? P_NULL : P_D(d);
}

static const char *col_text(struct db_stmt *st, struct arena *a, int col)
{
	return db_col_null(st, col) ? "" : arena_strdup(a, db_col_text(st, col));
}

/* --- plans --- */

#define IP_COLS "p.id, p.org_id, p.rep_id, u.name, coalesce(tm.team_id, 0), coalesce(t.name, ''), p.source, " \
	"p.period_label, p.flagged_on, p.status, p.diagnosis, p.diagnosis_notes, p.plan_start, p.plan_end, " \
	"p.extended_on, p.decision, p.decided_on, p.decision_note, p.created_by, p.created_at, " \
	"(SELECT min(i.on_date) FROM improvement_items i WHERE i.org_id = p.org_id AND i.plan_id = p.id " \
	"AND i.kind = 'review' AND i.outcome = '')"
#define IP_FROM "FROM improvement_plans p JOIN users u ON u.org_id = p.org_id AND u.id = p.rep_id " \
	"LEFT JOIN team_members tm ON tm.org_id = p.org_id AND tm.user_id = p.rep_id " \
	"LEFT JOIN teams t ON t.org_id = tm.org_id AND t.id = tm.team_id "

static void read_plan(struct db_stmt *st, struct arena *a, struct improve_plan *p)
{
	p->id = db_col_i64(st, 0);
	p->org_id = db_col_i64(st, 1);
	p->rep_id = db_col_i64(st, 2);
	p->rep_name = col_text(st, a, 3);
	p->rep_team_id = db_col_i64(st, 4);
	p->team_name = col_text(st, a, 5);
	p->source = col_text(st, a, 6);
	p->period_label = col_text(st, a, 7);
	p->flagged_on = col_text(st, a, 8);
	p->status = col_text(st, a, 9);
	p->diagnosis = col_text(st, a, 10);
	p->diagnosis_notes = col_text(st, a, 11);
	p->plan_start = col_text(st, a, 12);
	p->plan_end = col_text(st, a, 13);
	p->extended_on = col_text(st, a, 14);
	p->decision = col_text(st, a, 15);
	p->decided_on = col_text(st, a, 16);
	p->decision_note = col_text(st, a, 17);
	p->created_by = db_col_i64(st, 18);
	p->created_at = db_col_i64(st, 19);
	p->first_open_review = col_text(st, a, 20);
}

/* audit: the write of improve_create below, in one transaction with its row */
static enum err improve_create_write(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *source,
				     const char *period_label, const char *flagged_on, const char *diagnosis,
				     const char *diagnosis_notes, const char *plan_start, const char *plan_end,
				     int64_t created_by, int64_t *id)
{
	int has_days = plan_start && *plan_start && plan_end && *plan_end;
	return inserted(DBQ(c, "INSERT INTO improvement_plans (org_id, rep_id, source, period_label, flagged_on, status, "
			    "diagnosis, diagnosis_notes, plan_start, plan_end, created_by, created_at) "
			    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
			    P_I(org_id), P_I(rep_id), P_T(source), P_T(period_label ? period_label : ""), P_T(flagged_on),
			    P_T(has_days ? "open" : "flagged"), P_T(diagnosis ? diagnosis : ""),
			    P_T(diagnosis_notes ? diagnosis_notes : ""), has_days ? P_T(plan_start) : P_NULL,
			    has_days ? P_T(plan_end) : P_NULL, P_I(created_by), P_I(now_epoch())), id);
}

enum err improve_create(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *source, const char *period_label,
			const char *flagged_on, const char *diagnosis, const char *diagnosis_notes,
			const char *plan_start, const char *plan_end, int64_t created_by, int64_t *id)
{
	struct audit_change ch;
	int64_t nid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_IMPROVEMENT, org_id, 0);
	if (!e)
		e = improve_create_write(c, org_id, rep_id, source, period_label, flagged_on, diagnosis,
					 diagnosis_notes, plan_start, plan_end, created_by, &nid);
	e = audit_end(c, &ch, "create", nid, e);
	if (!e && id)
		*id = nid;
	return e;
}

enum err improve_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct improve_plan *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " IP_COLS " " IP_FROM "WHERE p.org_id = $1 AND p.id = $2", P_I(org_id),
				 P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_plan(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err improve_undecided_of(struct db_conn *c, int64_t org_id, int64_t rep_id, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "SELECT id FROM improvement_plans WHERE org_id = $1 AND rep_id = $2 AND "
				 "status <> 'closed' ORDER BY id LIMIT 1", P_I(org_id), P_I(rep_id));
	*id = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	return db_finish(st);
}

#define SCOPE_WHERE "p.org_id = $1 AND (p.rep_id = $2 OR ($2 = 0 AND p.rep_id IN (SELECT mt.user_id " \
	"FROM team_members mt JOIN teams lt ON lt.org_id = mt.org_id AND lt.id = mt.team_id " \
	"WHERE mt.org_id = $1 AND lt.manager_id = $3))) AND ($4 = 0 OR p.status <> 'flagged') " \
	"AND ($5 = '' OR ($5 = 'closed' AND p.status = 'closed') OR ($5 = 'undecided' AND p.status <> 'closed'))"

enum err improve_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct improve_scope *s, int64_t limit,
		      int64_t offset, struct improve_plan **out, size_t *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	const char *status = s->status ? s->status : "";
	/* nobody named: nothing (a rep_id 0 and manager_id 0 would match no team) */
	int64_t manager = s->rep_id ? 0 : s->manager_id ? s->manager_id : -1;
	*total = DB_I64(c, -1, "SELECT count(*) FROM improvement_plans p WHERE " SCOPE_WHERE, P_I(org_id),
			P_I(s->rep_id), P_I(manager), P_I(s->hide_flagged), P_T(status));
	if (*total < 0)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
	struct db_stmt *st = DBQ(c, "SELECT " IP_COLS " " IP_FROM "WHERE " SCOPE_WHERE " "
				 "ORDER BY CASE WHEN p.status = 'closed' THEN 1 ELSE 0 END, "
				 "coalesce(p.decided_on, p.flagged_on) DESC, u.name, p.id DESC LIMIT $6 OFFSET $7",
				 P_I(org_id), P_I(s->rep_id), P_I(manager), P_I(s->hide_flagged), P_T(status), P_I(limit),
				 P_I(offset));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct improve_plan));
		read_plan(st, a, &(*out)[(*n)++]);
	}
	return db_finish(st);
}

/* audit: the write of improve_update below, in one transaction with its row */
static enum err improve_update_write(struct db_conn *c, int64_t org_id, int64_t id, const char *diagnosis,
				     const char *diagnosis_notes, const char *plan_start, const char *plan_end)
{
	int has_days = plan_start && *plan_start && plan_end && *plan_end;
	enum err e = changed(DBQ(c, "UPDATE improvement_plans SET diagnosis = coalesce($3, diagnosis), "
				 "diagnosis_notes = coalesce($4, diagnosis_notes), "
				 "plan_start = coalesce($5, plan_start), plan_end = coalesce($6, plan_end), "
				 "status = CASE WHEN $7 = 1 THEN 'open' ELSE status END "
				 "WHERE org_id = $1 AND id = $2 AND status <> 'closed'",
				 P_I(org_id), P_I(id), p_text(diagnosis), p_text(diagnosis_notes),
				 has_days ? P_T(plan_start) : P_NULL, has_days ? P_T(plan_end) : P_NULL, P_I(has_days)));
	if (e == E_NOTFOUND && DB_I64(c, 0, "SELECT count(*) FROM improvement_plans WHERE org_id = $1 AND id = $2",
				      P_I(org_id), P_I(id)) > 0)
		return E_CONFLICT;
	return e;
}

enum err improve_update(struct db_conn *c, int64_t org_id, int64_t id, const char *diagnosis,
			const char *diagnosis_notes, const char *plan_start, const char *plan_end)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_IMPROVEMENT, org_id, id);
	if (!e)
		e = improve_update_write(c, org_id, id, diagnosis, diagnosis_notes, plan_start, plan_end);
	return audit_end(c, &ch, "update", id, e);
}

/* audit: the write of improve_decide_store below, in one transaction with its row */
static enum err improve_decide_store_write(struct db_conn *c, int64_t org_id, int64_t id, const char *status,
					   const char *decision, const char *plan_end, int extended, const char *note,
					   const char *today)
{
	int closing = !strcmp(status, "closed");
	enum err e = changed(DBQ(c, "UPDATE improvement_plans SET status = $3, decision = $4, plan_end = $5, "
				 "extended_on = CASE WHEN $6 = 1 AND extended_on IS NULL THEN $7 ELSE extended_on END, "
				 "decided_on = CASE WHEN $8 = 1 THEN $7 ELSE decided_on END, "
				 "decision_note = CASE WHEN $8 = 1 THEN $9 ELSE decision_note END "
				 "WHERE org_id = $1 AND id = $2 AND status <> 'closed'",
				 P_I(org_id), P_I(id), P_T(status), P_T(decision), p_day(plan_end), P_I(extended),
				 P_T(today), P_I(closing), P_T(note ? note : "")));
	if (!e && closing)
		e = webhook_on_plan_decided(c, org_id, id);	/* webhooks: the outbox, in this transaction */
	return e == E_NOTFOUND ? E_CONFLICT : e;
}

enum err improve_decide_store(struct db_conn *c, int64_t org_id, int64_t id, const char *status, const char *decision,
			      const char *plan_end, int extended, const char *note, const char *today)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_IMPROVEMENT, org_id, id);
	if (!e)
		e = improve_decide_store_write(c, org_id, id, status, decision, plan_end, extended, note, today);
	return audit_end(c, &ch, "decision", id, e);
}

/* --- items --- */

#define IT_COLS "id, plan_id, kind, text, metric, baseline, target, support_kind, link_kind, coalesce(link_id, 0), " \
	"on_date, outcome"

static void read_item(struct db_stmt *st, struct arena *a, struct improve_item *x)
{
	x->id = db_col_i64(st, 0);
	x->plan_id = db_col_i64(st, 1);
	x->kind = col_text(st, a, 2);
	x->text = col_text(st, a, 3);
	x->metric = col_text(st, a, 4);
	x->baseline = db_col_null(st, 5) ? NAN : db_col_double(st, 5);
	x->target = db_col_null(st, 6) ? NAN : db_col_double(st, 6);
	x->support_kind = col_text(st, a, 7);
	x->link_kind = col_text(st, a, 8);
	x->link_id = db_col_i64(st, 9);
	x->on_date = col_text(st, a, 10);
	x->outcome = col_text(st, a, 11);
}

/* audit: the write of improve_item_add below, in one transaction with its row */
static enum err improve_item_add_write(struct db_conn *c, int64_t org_id, const struct improve_item *in, int64_t *id)
{
	return inserted(DBQ(c, "INSERT INTO improvement_items (org_id, plan_id, kind, text, metric, baseline, target, "
			    "support_kind, link_kind, link_id, on_date, outcome, created_at) "
			    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
			    P_I(org_id), P_I(in->plan_id), P_T(in->kind), P_T(in->text ? in->text : ""),
			    P_T(in->metric ? in->metric : ""), p_real(in->baseline), p_real(in->target),
			    P_T(in->support_kind ? in->support_kind : ""), P_T(in->link_kind ? in->link_kind : ""),
			    P_ID(in->link_id), p_day(in->on_date), P_T(in->outcome ? in->outcome : ""),
			    P_I(now_epoch())), id);
}

enum err improve_item_add(struct db_conn *c, int64_t org_id, const struct improve_item *in, int64_t *id)
{
	struct audit_change ch;
	int64_t nid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_IMPROVEMENT, org_id, in->plan_id);
	if (!e)
		e = improve_item_add_write(c, org_id, in, &nid);
	e = audit_end(c, &ch, "item", in->plan_id, e);
	if (!e && id)
		*id = nid;
	return e;
}

enum err improve_item_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct improve_item *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " IT_COLS " FROM improvement_items WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_item(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err improve_items_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t plan_id,
			    struct improve_item **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT " IT_COLS " FROM improvement_items WHERE org_id = $1 AND plan_id = $2 "
				 "ORDER BY CASE kind WHEN 'expectation' THEN 0 WHEN 'support' THEN 1 ELSE 2 END, "
				 "coalesce(on_date, ''), id LIMIT $3",
				 P_I(org_id), P_I(plan_id), P_I(IMPROVE_ITEMS_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct improve_item));
		read_item(st, a, &(*out)[(*n)++]);
	}
	return db_finish(st);
}

/* audit: the write of improve_item_outcome below, in one transaction with its row */
static enum err improve_item_outcome_write(struct db_conn *c, int64_t org_id, int64_t id, const char *outcome)
{
	return changed(DBQ(c, "UPDATE improvement_items SET outcome = $3 WHERE org_id = $1 AND id = $2 AND kind = 'review'",
			   P_I(org_id), P_I(id), P_T(outcome)));
}

enum err improve_item_outcome(struct db_conn *c, int64_t org_id, int64_t id, const char *outcome)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_IMPROVEMENT, org_id, audit_parent(c, "improvement_items", org_id, id));
	if (!e)
		e = improve_item_outcome_write(c, org_id, id, outcome);
	return audit_end(c, &ch, "outcome", 0, e);
}
