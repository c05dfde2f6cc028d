/* learning-log: see learning-log.h. */
#include "learning-log.h"
#include "audit.h"
#include "../lib/util.h"
#include <string.h>

#define ROW_COLS "l.id, l.org_id, l.rep_id, coalesce(tm.team_id, 0), r.name, l.kind, l.title, l.origin, l.status, " \
	"coalesce(l.done_on, ''), coalesce(l.due_on, ''), l.minutes, coalesce(l.trait_id, 0), l.subskill_id, " \
	"coalesce(t.code, ''), coalesce(t.name, ''), coalesce(k.name, ''), l.learned, l.will_change, " \
	"coalesce(l.suggested_by, 0), coalesce(l.assignment_id, 0), coalesce(l.library_item_id, 0), " \
	"coalesce(l.loan_id, 0), coalesce(l.meeting_id, 0), l.created_by, coalesce(s.name, ''), " \
	"coalesce(li.title, ''), l.created_at "
#define ROW_FROM "FROM learning_activities l JOIN users r ON r.org_id = l.org_id AND r.id = l.rep_id " \
	"LEFT JOIN team_members tm ON tm.org_id = l.org_id AND tm.user_id = l.rep_id " \
	"LEFT JOIN traits t ON t.org_id = l.org_id AND t.id = l.trait_id " \
	"LEFT JOIN subskills k ON k.org_id = l.org_id AND k.id = l.subskill_id " \
	"LEFT JOIN users s ON s.org_id = l.org_id AND s.id = l.suggested_by " \
	"LEFT JOIN library_items li ON li.org_id = l.org_id AND li.id = l.library_item_id "

static void read_row(struct db_stmt *st, struct arena *a, struct learning_row *o)
{
	memset(o, 0, sizeof(*o));
	o->id = db_col_i64(st, 0);
	o->org_id = db_col_i64(st, 1);
	o->rep_id = db_col_i64(st, 2);
	o->rep_team_id = db_col_i64(st, 3);
	o->rep_name = arena_strdup(a, db_col_text(st, 4));
	o->kind = arena_strdup(a, db_col_text(st, 5));
	o->title = arena_strdup(a, db_col_text(st, 6));
	o->origin = arena_strdup(a, db_col_text(st, 7));
	o->status = arena_strdup(a, db_col_text(st, 8));
	o->done_on = arena_strdup(a, db_col_text(st, 9));
	o->due_on = arena_strdup(a, db_col_text(st, 10));
	o->minutes = (int)db_col_i64(st, 11);
	o->trait_id = db_col_i64(st, 12);
	o->subskill_id = db_col_i64(st, 13);
	o->trait_code = arena_strdup(a, db_col_text(st, 14));
	o->trait_name = arena_strdup(a, db_col_text(st, 15));
	o->subskill_name = arena_strdup(a, db_col_text(st, 16));
	o->learned = arena_strdup(a, db_col_text(st, 17));
	o->will_change = arena_strdup(a, db_col_text(st, 18));
	o->suggested_by = db_col_i64(st, 19);
	o->assignment_id = db_col_i64(st, 20);
	o->library_item_id = db_col_i64(st, 21);
	o->loan_id = db_col_i64(st, 22);
	o->meeting_id = db_col_i64(st, 23);
	o->created_by = db_col_i64(st, 24);
	o->suggested_by_name = arena_strdup(a, db_col_text(st, 25));
	o->library_title = arena_strdup(a, db_col_text(st, 26));
	o->created_at = db_col_i64(st, 27);
}

enum err learning_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct learning_row *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " ROW_COLS ROW_FROM "WHERE l.org_id = $1 AND l.id = $2", P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_row(st, a, out);
	enum err e = db_finish(st);
	if (!e && r != DB_ROW)
		e = E_NOTFOUND;
	return e;
}

enum err learning_list_rep(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *status,
			   size_t limit, size_t offset, struct learning_list *out)
{
	if (limit > LEARNING_LIST_MAX)
		limit = LEARNING_LIST_MAX;
	out->n = 0;
	out->total = 0;
	out->items = arena_allocarray(a, limit ? limit : 1, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT count(*) FROM learning_activities WHERE org_id = $1 AND rep_id = $2 "
				 "AND ($3 = '' OR status = $3)", P_I(org_id), P_I(rep_id), P_T(status ? status : ""));
	if (db_step(st) == DB_ROW)
		out->total = db_col_i64(st, 0);
	enum err e = db_finish(st);
	if (e)
		return e;
	st = DBQ(c, "SELECT " ROW_COLS ROW_FROM "WHERE l.org_id = $1 AND l.rep_id = $2 AND ($3 = '' OR l.status = $3) "
		 "ORDER BY coalesce(l.done_on, l.due_on, '') DESC, l.id DESC LIMIT $4 OFFSET $5",
		 P_I(org_id), P_I(rep_id), P_T(status ? status : ""), P_I(limit), P_I(offset));
	while (db_step(st) == DB_ROW && out->n < limit)
		read_row(st, a, &out->items[out->n++]);
	return db_finish(st);
}

enum err learning_list_open(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
			    struct learning_list *out)
{
	out->n = 0;
	out->total = 0;
	out->items = arena_allocarray(a, LEARNING_LIST_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT " ROW_COLS ROW_FROM "WHERE l.org_id = $1 AND l.rep_id = $2 "
				 "AND l.status IN ('suggested', 'accepted', 'assigned') "
				 "ORDER BY coalesce(l.due_on, '9999-12-31'), l.id LIMIT $3",
				 P_I(org_id), P_I(rep_id), P_I(LEARNING_LIST_MAX));
	while (db_step(st) == DB_ROW)
		read_row(st, a, &out->items[out->n++]);
	out->total = (int64_t)out->n;
	return db_finish(st);
}

/* runs a write that must change exactly one row: E_OK, or missing (when no row changed) */
static enum err one_row(struct db_stmt *st, enum err missing)
{
	db_step(st);
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	if (!e && n != 1)
		e = missing;
	return e;
}

static enum err learning_update_write(struct db_conn *c, int64_t org_id, int64_t id,
				     const struct new_learning *l)
{
	return one_row(DBQ(c, "UPDATE learning_activities SET kind = $3, title = $4, done_on = $5, minutes = $6, "
			   "trait_id = $7, subskill_id = $8, origin = $9, learned = $10, will_change = $11 "
			   "WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id), P_T(l->kind), P_T(l->title),
			   l->done_on ? P_T(l->done_on) : P_NULL, P_I(l->minutes), P_ID(l->trait_id), P_I(l->subskill_id),
			   P_T(l->origin), P_T(l->learned ? l->learned : ""), P_T(l->will_change ? l->will_change : "")),
		       E_NOTFOUND);
}

static enum err learning_delete_write(struct db_conn *c, int64_t org_id, int64_t id)
{
	return one_row(DBQ(c, "DELETE FROM learning_activities WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id)),
		       E_NOTFOUND);
}

static enum err learning_answer_write(struct db_conn *c, int64_t org_id, int64_t id, const char *status)
{
	return one_row(DBQ(c, "UPDATE learning_activities SET status = $3 WHERE org_id = $1 AND id = $2 "
			   "AND status = 'suggested'", P_I(org_id), P_I(id), P_T(status)),
		       E_CONFLICT);
}

static enum err learning_complete_write(struct db_conn *c, int64_t org_id, int64_t id, const char *done_on,
				       int minutes, const char *learned, const char *will_change)
{
	return one_row(DBQ(c, "UPDATE learning_activities SET status = 'done', done_on = $3, minutes = $4, learned = $5, "
			   "will_change = $6 WHERE org_id = $1 AND id = $2 AND status IN ('accepted', 'assigned')",
			   P_I(org_id), P_I(id), P_T(done_on), P_I(minutes), P_T(learned ? learned : ""),
			   P_T(will_change ? will_change : "")),
		       E_CONFLICT);
}

/* audited (issue 16): a learning activity's changes, its reflections and
 * title as "changed" only (domain/audit.c) */
enum err learning_update(struct db_conn *c, int64_t org_id, int64_t id, const struct new_learning *l)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_LEARNING, org_id, id);
	if (!e)
		e = learning_update_write(c, org_id, id, l);
	return audit_end(c, &ch, "update", id, e);
}

enum err learning_delete(struct db_conn *c, int64_t org_id, int64_t id)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_LEARNING, org_id, id);
	if (!e)
		e = learning_delete_write(c, org_id, id);
	return audit_end(c, &ch, "delete", id, e);
}

enum err learning_answer(struct db_conn *c, int64_t org_id, int64_t id, const char *status)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_LEARNING, org_id, id);
	if (!e)
		e = learning_answer_write(c, org_id, id, status);
	return audit_end(c, &ch, "answer", id, e);
}

enum err learning_complete(struct db_conn *c, int64_t org_id, int64_t id, const char *done_on, int minutes,
			   const char *learned, const char *will_change)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_LEARNING, org_id, id);
	if (!e)
		e = learning_complete_write(c, org_id, id, done_on, minutes, learned, will_change);
	return audit_end(c, &ch, "complete", id, e);
}

enum err learning_summary_rep(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *from,
			      struct learning_summary *out)
{
	memset(out, 0, sizeof(*out));
	struct db_stmt *st = DBQ(c, "SELECT origin, sum(minutes), count(*), "
				 "sum(CASE WHEN trim(learned) <> '' OR trim(will_change) <> '' THEN 1 ELSE 0 END) "
				 "FROM learning_activities WHERE org_id = $1 AND rep_id = $2 AND status = 'done' "
				 "AND done_on >= $3 GROUP BY origin", P_I(org_id), P_I(rep_id), P_T(from ? from : ""));
	while (db_step(st) == DB_ROW) {
		const char *o = db_col_text(st, 0);
		int i = !strcmp(o, "self") ? 0 : !strcmp(o, "suggested") ? 1 : !strcmp(o, "mandatory") ? 2 : -1;
		if (i >= 0)
			out->minutes[i] += db_col_i64(st, 1);
		out->count += db_col_i64(st, 2);
		out->reflected += db_col_i64(st, 3);
	}
	return db_finish(st);
}

enum err learning_assign(struct db_conn *c, int64_t org_id, const struct new_assignment *in, int64_t *id,
			 size_t *members)
{
	int64_t now = now_epoch();
	struct db_stmt *st = DBQ(c, "INSERT INTO learning_assignments (org_id, team_id, kind, title, trait_id, subskill_id, "
				 "minutes, due_on, assigned_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
				 "RETURNING id", P_I(org_id), P_I(in->team_id), P_T(in->kind), P_T(in->title),
				 P_ID(in->trait_id), P_I(in->subskill_id), P_I(in->minutes), P_T(in->due_on),
				 P_I(in->assigned_by), P_I(now));
	int64_t aid = 0;
	if (db_step(st) == DB_ROW)
		aid = db_col_i64(st, 0);
	enum err e = db_finish(st);
	if (e)
		return e;
	/* one batch: every active member of the team now */
	st = DBQ(c, "INSERT INTO learning_activities (org_id, rep_id, kind, title, origin, status, due_on, minutes, "
		 "trait_id, subskill_id, assignment_id, created_by, created_at) "
		 "SELECT $1, m.user_id, $3, $4, 'mandatory', 'assigned', $5, $6, $7, $8, $9, $10, $11 "
		 "FROM team_members m JOIN users u ON u.org_id = m.org_id AND u.id = m.user_id "
		 "WHERE m.org_id = $1 AND m.team_id = $2 AND u.active = 1",
		 P_I(org_id), P_I(in->team_id), P_T(in->kind), P_T(in->title), P_T(in->due_on), P_I(in->minutes),
		 P_ID(in->trait_id), P_I(in->subskill_id), P_I(aid), P_I(in->assigned_by), P_I(now));
	db_step(st);
	int64_t n = db_changes(st);
	if ((e = db_finish(st)))
		return e;
	if (id)
		*id = aid;
	if (members)
		*members = (size_t)n;
	return E_OK;
}

#define ASG_COLS "a.id, a.org_id, a.team_id, tm.name, a.kind, a.title, a.due_on, u.name, a.minutes, " \
	"coalesce(a.trait_id, 0), a.subskill_id, a.assigned_by, coalesce(t.code, ''), coalesce(t.name, ''), " \
	"(SELECT count(*) FROM learning_activities x WHERE x.org_id = a.org_id AND x.assignment_id = a.id), " \
	"(SELECT count(*) FROM learning_activities x WHERE x.org_id = a.org_id AND x.assignment_id = a.id " \
	"AND x.status = 'done'), " \
	"(SELECT count(*) FROM learning_activities x WHERE x.org_id = a.org_id AND x.assignment_id = a.id " \
	"AND x.status <> 'done' AND x.due_on < $3), a.created_at "
#define ASG_FROM "FROM learning_assignments a JOIN teams tm ON tm.org_id = a.org_id AND tm.id = a.team_id " \
	"JOIN users u ON u.org_id = a.org_id AND u.id = a.assigned_by " \
	"LEFT JOIN traits t ON t.org_id = a.org_id AND t.id = a.trait_id "

static void read_asg(struct db_stmt *st, struct arena *a, struct learning_assignment *o)
{
	memset(o, 0, sizeof(*o));
	o->id = db_col_i64(st, 0);
	o->org_id = db_col_i64(st, 1);
	o->team_id = db_col_i64(st, 2);
	o->team_name = arena_strdup(a, db_col_text(st, 3));
	o->kind = arena_strdup(a, db_col_text(st, 4));
	o->title = arena_strdup(a, db_col_text(st, 5));
	o->due_on = arena_strdup(a, db_col_text(st, 6));
	o->assigned_by_name = arena_strdup(a, db_col_text(st, 7));
	o->minutes = (int)db_col_i64(st, 8);
	o->trait_id = db_col_i64(st, 9);
	o->subskill_id = db_col_i64(st, 10);
	o->assigned_by = db_col_i64(st, 11);
	o->trait_code = arena_strdup(a, db_col_text(st, 12));
	o->trait_name = arena_strdup(a, db_col_text(st, 13));
	o->members = db_col_i64(st, 14);
	o->done = db_col_i64(st, 15);
	o->overdue = db_col_i64(st, 16);
	o->created_at = db_col_i64(st, 17);
}

enum err learning_assignment_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, const char *today,
				 struct learning_assignment *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " ASG_COLS ASG_FROM "WHERE a.org_id = $1 AND a.id = $2", P_I(org_id), P_I(id),
				 P_T(today));
	int r = db_step(st);
	if (r == DB_ROW)
		read_asg(st, a, out);
	enum err e = db_finish(st);
	if (!e && r != DB_ROW)
		e = E_NOTFOUND;
	return e;
}

enum err learning_assignment_list(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *teams,
				  size_t nteams, const char *today, struct assignment_list *out)
{
	out->n = 0;
	size_t cap = nteams * LEARNING_ASSIGNMENTS_MAX;
	out->items = arena_allocarray(a, cap ? cap : 1, sizeof(*out->items));
	for (size_t i = 0; i < nteams; i++) {
		struct db_stmt *st = DBQ(c, "SELECT " ASG_COLS ASG_FROM "WHERE a.org_id = $1 AND a.team_id = $2 "
					 "ORDER BY a.due_on DESC, a.id DESC LIMIT $4", P_I(org_id), P_I(teams[i]), P_T(today),
					 P_I(LEARNING_ASSIGNMENTS_MAX));
		while (db_step(st) == DB_ROW && out->n < cap)
			read_asg(st, a, &out->items[out->n++]);
		enum err e = db_finish(st);
		if (e)
			return e;
	}
	return E_OK;
}

enum err learning_assignment_members(struct db_conn *c, struct arena *a, int64_t org_id, int64_t assignment_id,
				     struct learning_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, LEARNING_MEMBERS_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT " ROW_COLS ROW_FROM "WHERE l.org_id = $1 AND l.assignment_id = $2 "
				 "ORDER BY r.name, l.id LIMIT $3", P_I(org_id), P_I(assignment_id), P_I(LEARNING_MEMBERS_MAX));
	while (db_step(st) == DB_ROW)
		read_row(st, a, &out->items[out->n++]);
	out->total = (int64_t)out->n;
	return db_finish(st);
}

enum err learning_team_overdue(struct db_conn *c, int64_t org_id, const int64_t *teams, size_t nteams,
			       const char *today, int64_t *count)
{
	*count = 0;
	for (size_t i = 0; i < nteams; i++) {
		struct db_stmt *st = DBQ(c, "SELECT count(*) FROM learning_activities l JOIN learning_assignments a "
					 "ON a.org_id = l.org_id AND a.id = l.assignment_id WHERE l.org_id = $1 AND a.team_id = $2 "
					 "AND l.status = 'assigned' AND l.due_on < $3", P_I(org_id), P_I(teams[i]), P_T(today));
		if (db_step(st) == DB_ROW)
			*count += db_col_i64(st, 0);
		enum err e = db_finish(st);
		if (e)
			return e;
	}
	return E_OK;
}

enum err learning_library_title(struct db_conn *c, struct arena *a, int64_t org_id, int64_t item_id, const char **title)
{
	struct db_stmt *st = DBQ(c, "SELECT title FROM library_items WHERE org_id = $1 AND id = $2", P_I(org_id),
				 P_I(item_id));
	int r = db_step(st);
	if (r == DB_ROW)
		*title = arena_strdup(a, db_col_text(st, 0));
	enum err e = db_finish(st);
	if (!e && r != DB_ROW)
		e = E_NOTFOUND;
	return e;
}

/* leaderboards and contests (issue 10): the minutes as learning_summary_rep
 * counts them (done activities, every origin), rep by rep, done within
 * from..to; team_id 0: the whole organisation */
enum err learning_minutes_by_rep(struct db_conn *c, struct arena *a, int64_t org_id, int64_t team_id,
				 const char *from, const char *to, struct rep_count **out, size_t *n)
{
	struct db_stmt *st = DBQ(c, "SELECT la.rep_id, sum(la.minutes) FROM learning_activities la "
				 "WHERE la.org_id = $1 AND la.status = 'done' AND la.done_on BETWEEN $2 AND $3 "
				 "AND ($4 = 0 OR la.rep_id IN (SELECT tm.user_id FROM team_members tm "
				 "WHERE tm.org_id = $1 AND tm.team_id = $4)) GROUP BY la.rep_id ORDER BY la.rep_id LIMIT 100000",
				 P_I(org_id), P_T(from), P_T(to), P_I(team_id));
	return figures_read_rep_counts(st, a, out, n);
}
