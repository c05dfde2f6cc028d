/* one-on-ones: see one-on-ones.h. */
#include "one-on-ones.h"
#include "audit.h"
#include "../lib/util.h"
#include <string.h>

#define REP_COLS "u.id, coalesce(t.id, 0), coalesce(t.manager_id, 0), u.name, coalesce(t.name, ''), " \
	"coalesce(c.every, ''), coalesce(c.anchor_on, ''), " \
	"coalesce((SELECT max(o.held_on) FROM one_on_ones o WHERE o.org_id = u.org_id AND o.rep_id = u.id " \
	"AND o.status = 'held'), ''), " \
	"coalesce((SELECT o.id FROM one_on_ones o WHERE o.org_id = u.org_id AND o.rep_id = u.id " \
	"AND o.status = 'planned' ORDER BY o.scheduled_on, o.id LIMIT 1), 0), " \
	"coalesce((SELECT min(o.scheduled_on) FROM one_on_ones o WHERE o.org_id = u.org_id AND o.rep_id = u.id " \
	"AND o.status = 'planned'), ''), " \
	"(SELECT count(*) FROM one_on_one_actions x WHERE x.org_id = u.org_id AND x.rep_id = u.id " \
	"AND x.done_on IS NULL) "
#define REP_FROM "FROM users u " \
	"LEFT JOIN team_members tm ON tm.org_id = u.org_id AND tm.user_id = u.id " \
	"LEFT JOIN teams t ON t.org_id = tm.org_id AND t.id = tm.team_id " \
	"LEFT JOIN one_on_one_cadences c ON c.org_id = u.org_id AND c.rep_id = u.id "

enum err ooo_reps(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id, int64_t rep_id,
		  struct ooo_rep_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, OOO_REPS_MAX, sizeof(*out->items));
	struct db_stmt *st = manager_id
		? DBQ(c, "SELECT " REP_COLS REP_FROM "WHERE u.org_id = $1 AND t.manager_id = $2 AND u.id <> $2 "
		      "AND u.active = 1 ORDER BY u.name, u.id LIMIT $3", P_I(org_id), P_I(manager_id), P_I(OOO_REPS_MAX))
		: DBQ(c, "SELECT " REP_COLS REP_FROM "WHERE u.org_id = $1 AND u.id = $2 LIMIT $3",
		      P_I(org_id), P_I(rep_id), P_I(1));
	while (db_step(st) == DB_ROW) {
		struct ooo_rep *r = &out->items[out->n++];
		r->rep_id = db_col_i64(st, 0);
		r->team_id = db_col_i64(st, 1);
		r->manager_id = db_col_i64(st, 2);
		r->rep_name = arena_strdup(a, db_col_text(st, 3));
		r->team_name = arena_strdup(a, db_col_text(st, 4));
		r->every = arena_strdup(a, db_col_text(st, 5));
		r->anchor_on = arena_strdup(a, db_col_text(st, 6));
		r->last_held = arena_strdup(a, db_col_text(st, 7));
		r->next_id = db_col_i64(st, 8);
		r->next_on = arena_strdup(a, db_col_text(st, 9));
		r->open_actions = db_col_i64(st, 10);
	}
	return db_finish(st);
}

enum err ooo_cadence_set(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *every, const char *anchor_on,
			 int64_t set_by)
{
	return DBX(c, "INSERT INTO one_on_one_cadences (org_id, rep_id, every, anchor_on, set_by, updated_at) "
		   "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id, rep_id) DO UPDATE SET every = excluded.every, "
		   "anchor_on = excluded.anchor_on, set_by = excluded.set_by, updated_at = excluded.updated_at",
		   P_I(org_id), P_I(rep_id), P_T(every), P_T(anchor_on), P_I(set_by), P_I(now_epoch()));
}

#define OOO_COLS "o.id, o.org_id, o.rep_id, o.manager_id, o.scheduled_on, coalesce(o.held_on, ''), o.status, " \
	"o.shared_notes, o.private_notes, r.name, m.name, coalesce(tm.team_id, 0), o.created_at "
#define OOO_FROM "FROM one_on_ones o JOIN users r ON r.org_id = o.org_id AND r.id = o.rep_id " \
	"JOIN users m ON m.org_id = o.org_id AND m.id = o.manager_id " \
	"LEFT JOIN team_members tm ON tm.org_id = o.org_id AND tm.user_id = o.rep_id "

static void read_ooo(struct db_stmt *st, struct arena *a, struct one_on_one *o)
{
	o->id = db_col_i64(st, 0);
	o->org_id = db_col_i64(st, 1);
	o->rep_id = db_col_i64(st, 2);
	o->manager_id = db_col_i64(st, 3);
	o->scheduled_on = arena_strdup(a, db_col_text(st, 4));
	o->held_on = arena_strdup(a, db_col_text(st, 5));
	o->status = arena_strdup(a, db_col_text(st, 6));
	o->shared_notes = arena_strdup(a, db_col_text(st, 7));
	o->private_notes = arena_strdup(a, db_col_text(st, 8));
	o->rep_name = arena_strdup(a, db_col_text(st, 9));
	o->manager_name = arena_strdup(a, db_col_text(st, 10));
	o->rep_team_id = db_col_i64(st, 11);
	o->created_at = db_col_i64(st, 12);
}

/* audit: the write of ooo_create below, in one transaction with its row */
static enum err ooo_create_write(struct db_conn *c, int64_t org_id, int64_t rep_id, int64_t manager_id,
				 const char *scheduled_on, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO one_on_ones (org_id, rep_id, manager_id, scheduled_on, created_at) "
				 "VALUES ($1, $2, $3, $4, $5) RETURNING id",
				 P_I(org_id), P_I(rep_id), P_I(manager_id), P_T(scheduled_on), P_I(now_epoch()));
	int64_t nid = 0;
	if (db_step(st) == DB_ROW)
		nid = db_col_i64(st, 0);
	enum err e = db_finish(st);
	if (!e && id)
		*id = nid;
	return e;
}

enum err ooo_create(struct db_conn *c, int64_t org_id, int64_t rep_id, int64_t manager_id, const char *scheduled_on,
		    int64_t *id)
{
	struct audit_change ch;
	int64_t nid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_ONE_ON_ONE, org_id, 0);
	if (!e)
		e = ooo_create_write(c, org_id, rep_id, manager_id, scheduled_on, &nid);
	e = audit_end(c, &ch, "create", nid, e);
	if (!e && id)
		*id = nid;
	return e;
}

enum err ooo_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct one_on_one *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " OOO_COLS OOO_FROM "WHERE o.org_id = $1 AND o.id = $2", P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_ooo(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err ooo_list_rep(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, struct ooo_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, OOO_LIST_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT " OOO_COLS OOO_FROM "WHERE o.org_id = $1 AND o.rep_id = $2 "
				 "ORDER BY o.scheduled_on DESC, o.id DESC LIMIT $3",
				 P_I(org_id), P_I(rep_id), P_I(OOO_LIST_MAX));
	while (db_step(st) == DB_ROW)
		read_ooo(st, a, &out->items[out->n++]);
	return db_finish(st);
}

#define VISIBLE "WHERE o.org_id = $1 AND (o.rep_id = $2 OR tm.team_id IN " \
	"(SELECT lt.id FROM teams lt WHERE lt.org_id = $1 AND lt.manager_id = $2)) "

enum err ooo_list_visible(struct db_conn *c, struct arena *a, int64_t org_id, int64_t viewer_id, int64_t limit,
			  int64_t offset, struct ooo_list *out, int64_t *total)
{
	out->n = 0;
	if (limit > OOO_LIST_MAX)
		limit = OOO_LIST_MAX;
	out->items = arena_allocarray(a, (size_t)limit + 1, sizeof(*out->items));
	*total = DB_I64(c, 0, "SELECT count(*) FROM one_on_ones o LEFT JOIN team_members tm ON tm.org_id = o.org_id "
			"AND tm.user_id = o.rep_id " VISIBLE, P_I(org_id), P_I(viewer_id));
	struct db_stmt *st = DBQ(c, "SELECT " OOO_COLS OOO_FROM VISIBLE "ORDER BY o.scheduled_on DESC, o.id DESC "
				 "LIMIT $3 OFFSET $4", P_I(org_id), P_I(viewer_id), P_I(limit), P_I(offset));
	while (db_step(st) == DB_ROW && out->n < (size_t)limit)
		read_ooo(st, a, &out->items[out->n++]);
	return db_finish(st);
}

enum err ooo_last_held_before(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *before,
			      int64_t not_id, const char **out)
{
	struct db_stmt *st = DBQ(c, "SELECT coalesce(max(held_on), '') FROM one_on_ones WHERE org_id = $1 AND rep_id = $2 "
				 "AND status = 'held' AND held_on <= $3 AND id <> $4",
				 P_I(org_id), P_I(rep_id), P_T(before), P_I(not_id));
	*out = "";
	if (db_step(st) == DB_ROW)
		*out = arena_strdup(a, db_col_text(st, 0));
	return db_finish(st);
}

/* E_NOTFOUND when no row changed */
static enum err changed(struct db_stmt *st, enum err when_none)
{
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : when_none;
}

/* audit: the write of ooo_notes_set below, in one transaction with its row */
static enum err ooo_notes_set_write(struct db_conn *c, int64_t org_id, int64_t id, const char *shared,
				    const char *private_notes)
{
	return changed(DBQ(c, "UPDATE one_on_ones SET shared_notes = coalesce($3, shared_notes), "
			   "private_notes = coalesce($4, private_notes) WHERE org_id = $1 AND id = $2",
			   P_I(org_id), P_I(id), shared ? P_T(shared) : P_NULL, private_notes ? P_T(private_notes) : P_NULL),
		       E_NOTFOUND);
}

enum err ooo_notes_set(struct db_conn *c, int64_t org_id, int64_t id, const char *shared, const char *private_notes)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_ONE_ON_ONE, org_id, id);
	if (!e)
		e = ooo_notes_set_write(c, org_id, id, shared, private_notes);
	return audit_end(c, &ch, "notes", id, e);
}

/* audit: the write of ooo_mark_held below, in one transaction with its row */
static enum err ooo_mark_held_write(struct db_conn *c, int64_t org_id, int64_t id, const char *day)
{
	return changed(DBQ(c, "UPDATE one_on_ones SET status = 'held', held_on = $3 "
			   "WHERE org_id = $1 AND id = $2 AND status = 'planned'", P_I(org_id), P_I(id), P_T(day)),
		       E_CONFLICT);
}

enum err ooo_mark_held(struct db_conn *c, int64_t org_id, int64_t id, const char *day)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_ONE_ON_ONE, org_id, id);
	if (!e)
		e = ooo_mark_held_write(c, org_id, id, day);
	return audit_end(c, &ch, "held", id, e);
}

/* audit: the write of ooo_reschedule below, in one transaction with its row */
static enum err ooo_reschedule_write(struct db_conn *c, int64_t org_id, int64_t id, const char *day)
{
	return changed(DBQ(c, "UPDATE one_on_ones SET scheduled_on = $3 "
			   "WHERE org_id = $1 AND id = $2 AND status = 'planned'", P_I(org_id), P_I(id), P_T(day)),
		       E_CONFLICT);
}

enum err ooo_reschedule(struct db_conn *c, int64_t org_id, int64_t id, const char *day)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_ONE_ON_ONE, org_id, id);
	if (!e)
		e = ooo_reschedule_write(c, org_id, id, day);
	return audit_end(c, &ch, "reschedule", id, e);
}

/* audit: the write of ooo_point_add below, in one transaction with its row */
static enum err ooo_point_add_write(struct db_conn *c, int64_t org_id, int64_t meeting_id, int64_t author_id,
				    const char *section, const char *text, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO one_on_one_points (org_id, meeting_id, author_id, section, text, position, "
				 "created_at) VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(p.position), 0) + 1 "
				 "FROM one_on_one_points p WHERE p.org_id = $1 AND p.meeting_id = $2), $6) RETURNING id",
				 P_I(org_id), P_I(meeting_id), P_I(author_id), P_T(section), P_T(text), P_I(now_epoch()));
	int64_t nid = 0;
	if (db_step(st) == DB_ROW)
		nid = db_col_i64(st, 0);
	enum err e = db_finish(st);
	if (!e && id)
		*id = nid;
	return e;
}

enum err ooo_point_add(struct db_conn *c, int64_t org_id, int64_t meeting_id, int64_t author_id, const char *section,
		       const char *text, int64_t *id)
{
	struct audit_change ch;
	int64_t nid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_ONE_ON_ONE, org_id, meeting_id);
	if (!e)
		e = ooo_point_add_write(c, org_id, meeting_id, author_id, section, text, &nid);
	e = audit_end(c, &ch, "point", meeting_id, e);
	if (!e && id)
		*id = nid;
	return e;
}

enum err ooo_points(struct db_conn *c, struct arena *a, int64_t org_id, int64_t meeting_id, struct ooo_point_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, OOO_POINTS_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT p.id, p.author_id, p.section, p.text, u.name FROM one_on_one_points p "
				 "JOIN users u ON u.org_id = p.org_id AND u.id = p.author_id "
				 "WHERE p.org_id = $1 AND p.meeting_id = $2 ORDER BY p.position, p.id LIMIT $3",
				 P_I(org_id), P_I(meeting_id), P_I(OOO_POINTS_MAX));
	while (db_step(st) == DB_ROW) {
		struct ooo_point *p = &out->items[out->n++];
		p->id = db_col_i64(st, 0);
		p->author_id = db_col_i64(st, 1);
		p->section = arena_strdup(a, db_col_text(st, 2));
		p->text = arena_strdup(a, db_col_text(st, 3));
		p->author_name = arena_strdup(a, db_col_text(st, 4));
	}
	return db_finish(st);
}

/* audit: the write of ooo_action_add below, in one transaction with its row */
static enum err ooo_action_add_write(struct db_conn *c, int64_t org_id, int64_t meeting_id, int64_t rep_id,
				     int64_t owner_id, const char *what, const char *due, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO one_on_one_actions (org_id, meeting_id, rep_id, owner_id, what, due, "
				 "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
				 P_I(org_id), P_I(meeting_id), P_I(rep_id), P_I(owner_id), P_T(what),
				 due && *due ? P_T(due) : P_NULL, P_I(now_epoch()));
	int64_t nid = 0;
	if (db_step(st) == DB_ROW)
		nid = db_col_i64(st, 0);
	enum err e = db_finish(st);
	if (!e && id)
		*id = nid;
	return e;
}

enum err ooo_action_add(struct db_conn *c, int64_t org_id, int64_t meeting_id, int64_t rep_id, int64_t owner_id,
			const char *what, const char *due, int64_t *id)
{
	struct audit_change ch;
	int64_t nid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_ONE_ON_ONE, org_id, meeting_id);
	if (!e)
		e = ooo_action_add_write(c, org_id, meeting_id, rep_id, owner_id, what, due, &nid);
	e = audit_end(c, &ch, "action", meeting_id, e);
	if (!e && id)
		*id = nid;
	return e;
}

#define ACT_COLS "x.id, x.meeting_id, x.rep_id, x.owner_id, x.what, coalesce(x.due, ''), coalesce(x.done_on, ''), " \
	"u.name, o.scheduled_on, coalesce(x.done_meeting_id, 0) "
#define ACT_FROM "FROM one_on_one_actions x JOIN users u ON u.org_id = x.org_id AND u.id = x.owner_id " \
	"JOIN one_on_ones o ON o.org_id = x.org_id AND o.id = x.meeting_id "

static void read_action(struct db_stmt *st, struct arena *a, struct ooo_action *x)
{
	x->id = db_col_i64(st, 0);
	x->meeting_id = db_col_i64(st, 1);
	x->rep_id = db_col_i64(st, 2);
	x->owner_id = db_col_i64(st, 3);
	x->what = arena_strdup(a, db_col_text(st, 4));
	x->due = arena_strdup(a, db_col_text(st, 5));
	x->done_on = arena_strdup(a, db_col_text(st, 6));
	x->owner_name = arena_strdup(a, db_col_text(st, 7));
	x->meeting_on = arena_strdup(a, db_col_text(st, 8));
	x->done_meeting_id = db_col_i64(st, 9);
}

enum err ooo_action_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct ooo_action *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " ACT_COLS ACT_FROM "WHERE x.org_id = $1 AND x.id = $2", P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_action(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err ooo_actions_at(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, int64_t meeting_id,
			const char *day, struct ooo_action_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, OOO_ACTIONS_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT " ACT_COLS ACT_FROM "WHERE x.org_id = $1 AND x.rep_id = $2 AND "
				 "(x.meeting_id = $3 OR x.done_meeting_id = $3 OR (x.done_on IS NULL AND "
				 "(o.scheduled_on < $4 OR (o.scheduled_on = $4 AND o.id < $3)))) "
				 "ORDER BY o.scheduled_on, x.id LIMIT $5",
				 P_I(org_id), P_I(rep_id), P_I(meeting_id), P_T(day), P_I(OOO_ACTIONS_MAX));
	while (db_step(st) == DB_ROW)
		read_action(st, a, &out->items[out->n++]);
	return db_finish(st);
}

/* audit: the write of ooo_action_done below, in one transaction with its row */
static enum err ooo_action_done_write(struct db_conn *c, int64_t org_id, int64_t id, int64_t meeting_id, const char *day)
{
	return changed(DBQ(c, "UPDATE one_on_one_actions SET done_on = $3, done_meeting_id = $4 "
			   "WHERE org_id = $1 AND id = $2 AND done_on IS NULL",
			   P_I(org_id), P_I(id), P_T(day), P_ID(meeting_id)),
		       E_CONFLICT);
}

enum err ooo_action_done(struct db_conn *c, int64_t org_id, int64_t id, int64_t meeting_id, const char *day)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_ONE_ON_ONE, org_id, audit_parent(c, "one_on_one_actions", org_id, id));
	if (!e)
		e = ooo_action_done_write(c, org_id, id, meeting_id, day);
	return audit_end(c, &ch, "action done", 0, e);
}

const char *const ooo_sections[OOO_NSECTIONS] = { "effort", "improvement", "progress", "works", "strengthen", "rep" };

int ooo_section_index(const char *code)
{
	for (int i = 0; i < OOO_NSECTIONS; i++)
		if (code && !strcmp(code, ooo_sections[i]))
			return i;
	return -1;
}
