/* meetings: see meetings.h. */
#include "meetings.h"
#include "learning.h"
#include "../domain/meetings.h"
#include "../lib/util.h"
#include <string.h>

#define M_COLS "m.id, m.org_id, m.team_id, t.name, m.title, m.held_on, m.starts_at, m.minutes, m.status, m.notes, " \
	"m.created_by, " \
	"(SELECT count(*) FROM meeting_items i WHERE i.org_id = m.org_id AND i.meeting_id = m.id AND i.kind = 'case'), " \
	"(SELECT count(*) FROM meeting_items i WHERE i.org_id = m.org_id AND i.meeting_id = m.id AND i.kind = 'theory'), " \
	"(SELECT count(*) FROM meeting_attendance x WHERE x.org_id = m.org_id AND x.meeting_id = m.id AND x.present = 1), " \
	"(SELECT count(*) FROM meeting_attendance x WHERE x.org_id = m.org_id AND x.meeting_id = m.id), " \
	"coalesce((SELECT CASE WHEN i.kind = 'case' THEN pc.title ELSE i.title END FROM meeting_items i " \
	"LEFT JOIN practice_cases pc ON pc.org_id = i.org_id AND pc.id = i.case_id " \
	"WHERE i.org_id = m.org_id AND i.meeting_id = m.id AND i.kind IN ('case', 'theory') " \
	"ORDER BY CASE WHEN i.kind = 'case' THEN 0 ELSE 1 END, i.position, i.id LIMIT 1), '') "
#define M_FROM "FROM sales_meetings m JOIN teams t ON t.org_id = m.org_id AND t.id = m.team_id "

static void read_meeting(struct db_stmt *st, struct arena *a, struct meeting *m)
{
	m->id = db_col_i64(st, 0);
	m->org_id = db_col_i64(st, 1);
	m->team_id = db_col_i64(st, 2);
	m->team_name = arena_strdup(a, db_col_text(st, 3));
	m->title = arena_strdup(a, db_col_text(st, 4));
	m->held_on = arena_strdup(a, db_col_text(st, 5));
	m->starts_at = arena_strdup(a, db_col_text(st, 6));
	m->minutes = (int)db_col_i64(st, 7);
	m->status = arena_strdup(a, db_col_text(st, 8));
	m->notes = arena_strdup(a, db_col_text(st, 9));
	m->created_by = db_col_i64(st, 10);
	m->cases = db_col_i64(st, 11);
	m->theories = db_col_i64(st, 12);
	m->present = db_col_i64(st, 13);
	m->recorded = db_col_i64(st, 14);
	m->agenda_title = arena_strdup(a, db_col_text(st, 15));
}

static enum err insert_id(struct db_stmt *st, int64_t *id)
{
	int64_t nid = 0;
	if (db_step(st) == DB_ROW)
		nid = db_col_i64(st, 0);
	enum err e = db_finish(st);
	if (!e && id)
		*id = nid;
	return e;
}

/* E_OK when a row changed, else when_none */
static enum err changed(struct db_stmt *st, enum err when_none)
{
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : when_none;
}

enum err meeting_create(struct db_conn *c, int64_t org_id, int64_t team_id, const char *title, const char *held_on,
			const char *starts_at, int minutes, int64_t created_by, int64_t *id)
{
	return insert_id(DBQ(c, "INSERT INTO sales_meetings (org_id, team_id, title, held_on, starts_at, minutes, "
			     "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
			     P_I(org_id), P_I(team_id), P_T(title), P_T(held_on), P_T(starts_at), P_I(minutes),
			     P_I(created_by), P_I(now_epoch())), id);
}

enum err meeting_update(struct db_conn *c, int64_t org_id, int64_t id, const char *title, const char *held_on,
			const char *starts_at, int minutes, const char *notes)
{
	return changed(DBQ(c, "UPDATE sales_meetings SET title = coalesce($3, title), held_on = coalesce($4, held_on), "
			   "starts_at = coalesce($5, starts_at), minutes = coalesce($6, minutes), "
			   "notes = coalesce($7, notes) WHERE org_id = $1 AND id = $2",
			   P_I(org_id), P_I(id), title ? P_T(title) : P_NULL, held_on ? P_T(held_on) : P_NULL,
			   starts_at ? P_T(starts_at) : P_NULL, minutes > 0 ? P_I(minutes) : P_NULL,
			   notes ? P_T(notes) : P_NULL), E_NOTFOUND);
}

enum err meeting_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct meeting *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " M_COLS M_FROM "WHERE m.org_id = $1 AND m.id = $2", P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_meeting(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err meeting_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t team_id, const char *from,
		      size_t limit, size_t offset, struct meeting_list *out, int64_t *total)
{
	out->n = 0;
	if (limit > MEETINGS_LIST_MAX)
		limit = MEETINGS_LIST_MAX;
	out->items = arena_allocarray(a, limit + 1, sizeof(*out->items));
	const char *f = from ? from : "";
	if (total)
		*total = DB_I64(c, 0, "SELECT count(*) FROM sales_meetings m WHERE m.org_id = $1 "
				"AND ($2 = 0 OR m.team_id = $2) AND m.held_on >= $3", P_I(org_id), P_I(team_id), P_T(f));
	struct db_stmt *st = DBQ(c, "SELECT " M_COLS M_FROM "WHERE m.org_id = $1 AND ($2 = 0 OR m.team_id = $2) "
				 "AND m.held_on >= $3 ORDER BY m.held_on, m.starts_at, m.id LIMIT $4 OFFSET $5",
				 P_I(org_id), P_I(team_id), P_T(f), P_I(limit), P_I(offset));
	while (db_step(st) == DB_ROW && out->n < limit)
		read_meeting(st, a, &out->items[out->n++]);
	return db_finish(st);
}

enum err meeting_mark_prepared(struct db_conn *c, int64_t org_id, int64_t id)
{
	return changed(DBQ(c, "UPDATE sales_meetings SET status = 'prepared' WHERE org_id = $1 AND id = $2 "
			   "AND status = 'planned'", P_I(org_id), P_I(id)), E_CONFLICT);
}

enum err meeting_items(struct db_conn *c, struct arena *a, int64_t org_id, int64_t meeting_id,
		       struct meeting_item **items, size_t *n)
{
	*n = 0;
	*items = arena_allocarray(a, MEETING_ITEMS_MAX, sizeof(**items));
	struct db_stmt *st = DBQ(c, "SELECT i.id, i.meeting_id, i.kind, CASE WHEN i.kind = 'case' THEN "
				 "coalesce(pc.title, i.title) ELSE i.title END, coalesce(i.case_id, 0), "
				 "coalesce(i.library_item_id, 0), coalesce(i.presenter_id, 0), coalesce(u.name, ''), "
				 "coalesce(pc.trait_id, 0), i.position FROM meeting_items i "
				 "LEFT JOIN practice_cases pc ON pc.org_id = i.org_id AND pc.id = i.case_id "
				 "LEFT JOIN users u ON u.org_id = i.org_id AND u.id = i.presenter_id "
				 "WHERE i.org_id = $1 AND i.meeting_id = $2 ORDER BY i.position, i.id LIMIT $3",
				 P_I(org_id), P_I(meeting_id), P_I(MEETING_ITEMS_MAX));
	while (db_step(st) == DB_ROW) {
		struct meeting_item *x = &(*items)[(*n)++];
		x->id = db_col_i64(st, 0);
		x->meeting_id = db_col_i64(st, 1);
		x->kind = arena_strdup(a, db_col_text(st, 2));
		x->title = arena_strdup(a, db_col_text(st, 3));
		x->case_id = db_col_i64(st, 4);
		x->library_item_id = db_col_i64(st, 5);
		x->presenter_id = db_col_i64(st, 6);
		x->presenter_name = arena_strdup(a, db_col_text(st, 7));
		x->case_trait_id = db_col_i64(st, 8);
		x->position = (int)db_col_i64(st, 9);
	}
	return db_finish(st);
}

enum err meeting_item_add(struct db_conn *c, int64_t org_id, int64_t meeting_id, const char *kind, const char *title,
			  int64_t case_id, int64_t library_item_id, int64_t presenter_id, int64_t *id)
{
	return insert_id(DBQ(c, "INSERT INTO meeting_items (org_id, meeting_id, kind, title, case_id, library_item_id, "
			     "presenter_id, position) VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT coalesce(max(p.position), 0) + 1 "
			     "FROM meeting_items p WHERE p.org_id = $1 AND p.meeting_id = $2)) RETURNING id",
			     P_I(org_id), P_I(meeting_id), P_T(kind), P_T(title ? title : ""), P_ID(case_id),
			     P_ID(library_item_id), P_ID(presenter_id)), id);
}

enum err meeting_library_item_check(struct db_conn *c, int64_t org_id, int64_t id)
{
	struct db_stmt *st = DBQ(c, "SELECT 1 FROM library_items WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id));
	int r = db_step(st);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err meeting_item_delete(struct db_conn *c, int64_t org_id, int64_t meeting_id, int64_t item_id)
{
	return changed(DBQ(c, "DELETE FROM meeting_items WHERE org_id = $1 AND meeting_id = $2 AND id = $3",
			   P_I(org_id), P_I(meeting_id), P_I(item_id)), E_NOTFOUND);
}

struct move_arg {
	int64_t org_id, meeting_id, item_id;
	int up;
};

static enum err move_tx(struct db_conn *c, void *arg)
{
	const struct move_arg *m = arg;
	struct db_stmt *st = DBQ(c, "SELECT position FROM meeting_items WHERE org_id = $1 AND meeting_id = $2 AND id = $3",
				 P_I(m->org_id), P_I(m->meeting_id), P_I(m->item_id));
	int r = db_step(st);
	int64_t pos = r == DB_ROW ? db_col_i64(st, 0) : 0;
	enum err e = db_finish(st);
	if (e)
		return e;
	if (r != DB_ROW)
		return E_NOTFOUND;
	st = m->up ? DBQ(c, "SELECT id, position FROM meeting_items WHERE org_id = $1 AND meeting_id = $2 "
			 "AND (position < $3 OR (position = $3 AND id < $4)) ORDER BY position DESC, id DESC LIMIT 1",
			 P_I(m->org_id), P_I(m->meeting_id), P_I(pos), P_I(m->item_id))
		   : DBQ(c, "SELECT id, position FROM meeting_items WHERE org_id = $1 AND meeting_id = $2 "
			 "AND (position > $3 OR (position = $3 AND id > $4)) ORDER BY position, id LIMIT 1",
			 P_I(m->org_id), P_I(m->meeting_id), P_I(pos), P_I(m->item_id));
	r = db_step(st);
	int64_t other = r == DB_ROW ? db_col_i64(st, 0) : 0, opos = r == DB_ROW ? db_col_i64(st, 1) : 0;
	if ((e = db_finish(st)) || !other)
		return e;
	if (opos == pos)	/* equal positions: make them distinct first */
		opos = m->up ? pos - 1 : pos + 1;
	e = DBX(c, "UPDATE meeting_items SET position = $4 WHERE org_id = $1 AND meeting_id = $2 AND id = $3",
		P_I(m->org_id), P_I(m->meeting_id), P_I(m->item_id), P_I(opos));
	if (!e)
		e = DBX(c, "UPDATE meeting_items SET position = $4 WHERE org_id = $1 AND meeting_id = $2 AND id = $3",
			P_I(m->org_id), P_I(m->meeting_id), P_I(other), P_I(pos));
	return e;
}

enum err meeting_item_move(struct db_conn *c, int64_t org_id, int64_t meeting_id, int64_t item_id, int up)
{
	struct move_arg m = { org_id, meeting_id, item_id, up };
	return db_transact(c, move_tx, &m);
}

enum err meeting_members(struct db_conn *c, struct arena *a, int64_t org_id, int64_t meeting_id, int64_t team_id,
			 struct meeting_member **out, size_t *n)
{
	*n = 0;
	*out = arena_allocarray(a, MEETING_MEMBERS_MAX, sizeof(**out));
	struct db_stmt *st = DBQ(c, "SELECT u.id, u.name, coalesce(x.present, -1) FROM team_members tm "
				 "JOIN users u ON u.org_id = tm.org_id AND u.id = tm.user_id "
				 "LEFT JOIN meeting_attendance x ON x.org_id = tm.org_id AND x.meeting_id = $3 AND x.user_id = u.id "
				 "WHERE tm.org_id = $1 AND tm.team_id = $2 AND u.active = 1 ORDER BY u.name, u.id LIMIT $4",
				 P_I(org_id), P_I(team_id), P_I(meeting_id), P_I(MEETING_MEMBERS_MAX));
	while (db_step(st) == DB_ROW) {
		struct meeting_member *x = &(*out)[(*n)++];
		x->user_id = db_col_i64(st, 0);
		x->name = arena_strdup(a, db_col_text(st, 1));
		x->present = (int)db_col_i64(st, 2);
	}
	return db_finish(st);
}

struct attendance_arg {
	int64_t org_id;
	const struct meeting_attendance_in *in;
};

static enum err attendance_tx(struct db_conn *c, void *arg)
{
	const struct attendance_arg *x = arg;
	const struct meeting_attendance_in *in = x->in;
	int64_t org = x->org_id;
	/* the meeting's row first: it locks out a second save of the same
	 * meeting until this one is done, so the rows below are never doubled */
	enum err e = changed(DBQ(c, "UPDATE sales_meetings SET status = CASE WHEN $3 = 1 THEN 'held' ELSE status END "
				 "WHERE org_id = $1 AND id = $2", P_I(org), P_I(in->meeting_id), P_I(in->mark_held ? 1 : 0)),
			     E_NOTFOUND);
	/* the rows of the people this save lists are replaced; those of
	 * someone who was there and has left the team since (or was
	 * deactivated) stay: their attendance is history, not this form's */
	for (size_t i = 0; !e && i < in->n; i++) {
		e = DBX(c, "DELETE FROM meeting_attendance WHERE org_id = $1 AND meeting_id = $2 AND user_id = $3",
			P_I(org), P_I(in->meeting_id), P_I(in->members[i]));
		if (!e)
			e = DBX(c, "DELETE FROM learning_activities WHERE org_id = $1 AND meeting_id = $2 AND rep_id = $3",
				P_I(org), P_I(in->meeting_id), P_I(in->members[i]));
		if (e)
			break;
		e = DBX(c, "INSERT INTO meeting_attendance (org_id, meeting_id, user_id, present) VALUES ($1, $2, $3, $4)",
			P_I(org), P_I(in->meeting_id), P_I(in->members[i]), P_I(in->present[i] ? 1 : 0));
		if (e || !in->present[i])
			continue;
		struct new_learning l = {
			.rep_id = in->members[i], .kind = in->kind, .title = in->title, .origin = "mandatory",
			.status = "done", .done_on = in->done_on, .minutes = in->minutes, .trait_id = in->trait_id,
			.meeting_id = in->meeting_id, .created_by = in->created_by,
		};
		e = learning_add(c, org, &l, NULL);
	}
	return e;
}

enum err meeting_attendance_save(struct db_conn *c, int64_t org_id, const struct meeting_attendance_in *in)
{
	struct attendance_arg x = { org_id, in };
	return db_transact(c, attendance_tx, &x);
}

enum err meeting_list_unprepared(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
				 const char *from, const char *to, struct meeting_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, MEETINGS_DUE_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT " M_COLS M_FROM "WHERE m.org_id = $1 AND t.manager_id = $2 "
				 "AND m.status <> 'held' AND m.held_on >= $3 AND m.held_on <= $4 AND NOT EXISTS "
				 "(SELECT 1 FROM meeting_items i WHERE i.org_id = m.org_id AND i.meeting_id = m.id "
				 "AND i.kind IN ('case', 'theory')) ORDER BY m.held_on, m.starts_at, m.id LIMIT $5",
				 P_I(org_id), P_I(manager_id), P_T(from), P_T(to), P_I(MEETINGS_DUE_MAX));
	while (db_step(st) == DB_ROW)
		read_meeting(st, a, &out->items[out->n++]);
	return db_finish(st);
}

enum err meeting_list_presenting(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
				 const char *from, const char *to, struct meeting_presenting **out, size_t *n)
{
	*n = 0;
	*out = arena_allocarray(a, MEETINGS_DUE_MAX, sizeof(**out));
	struct db_stmt *st = DBQ(c, "SELECT m.id, i.id, m.held_on, m.title, i.kind, CASE WHEN i.kind = 'case' THEN "
				 "coalesce(pc.title, i.title) ELSE i.title END FROM meeting_items i "
				 "JOIN sales_meetings m ON m.org_id = i.org_id AND m.id = i.meeting_id "
				 "LEFT JOIN practice_cases pc ON pc.org_id = i.org_id AND pc.id = i.case_id "
				 "WHERE i.org_id = $1 AND i.presenter_id = $2 AND m.status <> 'held' AND m.held_on >= $3 "
				 "AND m.held_on <= $4 ORDER BY m.held_on, i.position, i.id LIMIT $5",
				 P_I(org_id), P_I(user_id), P_T(from), P_T(to), P_I(MEETINGS_DUE_MAX));
	while (db_step(st) == DB_ROW) {
		struct meeting_presenting *x = &(*out)[(*n)++];
		x->meeting_id = db_col_i64(st, 0);
		x->item_id = db_col_i64(st, 1);
		x->held_on = arena_strdup(a, db_col_text(st, 2));
		x->meeting_title = arena_strdup(a, db_col_text(st, 3));
		x->kind = arena_strdup(a, db_col_text(st, 4));
		x->title = arena_strdup(a, db_col_text(st, 5));
	}
	return db_finish(st);
}

enum err meeting_attendance_count(struct db_conn *c, int64_t org_id, int64_t user_id, const char *from,
				  const char *to, int64_t *attended, int64_t *of)
{
	struct db_stmt *st = DBQ(c, "SELECT coalesce(sum(x.present), 0), count(*) FROM meeting_attendance x "
				 "JOIN sales_meetings m ON m.org_id = x.org_id AND m.id = x.meeting_id "
				 "WHERE x.org_id = $1 AND x.user_id = $2 AND m.status = 'held' AND m.held_on >= $3 "
				 "AND m.held_on <= $4", P_I(org_id), P_I(user_id), P_T(from), P_T(to));
	*attended = *of = 0;
	if (db_step(st) == DB_ROW) {
		*attended = db_col_i64(st, 0);
		*of = db_col_i64(st, 1);
	}
	return db_finish(st);
}

enum err meeting_list_feed(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id, const char *from,
			   struct meeting_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, MEETINGS_FEED_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT " M_COLS M_FROM "WHERE m.org_id = $1 AND m.held_on >= $3 AND "
				 "(t.manager_id = $2 OR m.team_id IN (SELECT tm.team_id FROM team_members tm "
				 "WHERE tm.org_id = $1 AND tm.user_id = $2)) ORDER BY m.held_on, m.starts_at, m.id LIMIT $4",
				 P_I(org_id), P_I(user_id), P_T(from), P_I(MEETINGS_FEED_MAX));
	while (db_step(st) == DB_ROW)
		read_meeting(st, a, &out->items[out->n++]);
	return db_finish(st);
}

/* ---------------------------------------------------------------- cases */

#define USED "FROM meeting_items i JOIN sales_meetings m ON m.org_id = i.org_id AND m.id = i.meeting_id " \
	"WHERE i.org_id = pc.org_id AND i.case_id = pc.id AND i.kind = 'case' AND m.status = 'held'"
#define C_COLS "pc.id, pc.org_id, pc.title, pc.situation, pc.challenge, pc.good_handling, coalesce(pc.trait_id, 0), " \
	"pc.added_by, coalesce(u.name, ''), coalesce(pc.retired_at, 0), (SELECT count(*) " USED "), " \
	"coalesce((SELECT max(m.held_on) " USED "), ''), " \
	"coalesce((SELECT p.name FROM meeting_items i JOIN sales_meetings m ON m.org_id = i.org_id AND m.id = i.meeting_id " \
	"JOIN users p ON p.org_id = i.org_id AND p.id = i.presenter_id WHERE i.org_id = pc.org_id AND i.case_id = pc.id " \
	"AND i.kind = 'case' AND m.status = 'held' ORDER BY m.held_on DESC, m.id DESC LIMIT 1), '') "
#define C_FROM "FROM practice_cases pc LEFT JOIN users u ON u.org_id = pc.org_id AND u.id = pc.added_by "

static void read_case(struct db_stmt *st, struct arena *a, struct practice_case *x)
{
	x->id = db_col_i64(st, 0);
	x->org_id = db_col_i64(st, 1);
	x->title = arena_strdup(a, db_col_text(st, 2));
	x->situation = arena_strdup(a, db_col_text(st, 3));
	x->challenge = arena_strdup(a, db_col_text(st, 4));
	x->good_handling = arena_strdup(a, db_col_text(st, 5));
	x->trait_id = db_col_i64(st, 6);
	x->added_by = db_col_i64(st, 7);
	x->added_by_name = arena_strdup(a, db_col_text(st, 8));
	x->retired_at = db_col_i64(st, 9);
	x->times_used = db_col_i64(st, 10);
	x->last_used = arena_strdup(a, db_col_text(st, 11));
	x->last_presenter = arena_strdup(a, db_col_text(st, 12));
}

enum err case_create(struct db_conn *c, int64_t org_id, const char *title, const char *situation,
		     const char *challenge, const char *good_handling, int64_t trait_id, int64_t added_by, int64_t *id)
{
	return insert_id(DBQ(c, "INSERT INTO practice_cases (org_id, title, situation, challenge, good_handling, trait_id, "
			     "added_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
			     P_I(org_id), P_T(title), P_T(situation ? situation : ""), P_T(challenge ? challenge : ""),
			     P_T(good_handling ? good_handling : ""), P_ID(trait_id), P_I(added_by), P_I(now_epoch())), id);
}

enum err case_update(struct db_conn *c, int64_t org_id, int64_t id, const char *title, const char *situation,
		     const char *challenge, const char *good_handling, int64_t trait_id)
{
	return changed(DBQ(c, "UPDATE practice_cases SET title = coalesce($3, title), situation = coalesce($4, situation), "
			   "challenge = coalesce($5, challenge), good_handling = coalesce($6, good_handling), "
			   "trait_id = CASE WHEN CAST($7 AS BIGINT) < 0 THEN trait_id WHEN CAST($7 AS BIGINT) = 0 THEN NULL "
			   "ELSE CAST($7 AS BIGINT) END "
			   "WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id), title ? P_T(title) : P_NULL,
			   situation ? P_T(situation) : P_NULL, challenge ? P_T(challenge) : P_NULL,
			   good_handling ? P_T(good_handling) : P_NULL, P_I(trait_id)), E_NOTFOUND);
}

enum err case_retire(struct db_conn *c, int64_t org_id, int64_t id, int retired)
{
	return changed(DBQ(c, "UPDATE practice_cases SET retired_at = CASE WHEN $3 = 1 THEN CAST($4 AS BIGINT) ELSE NULL END "
			   "WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id), P_I(retired ? 1 : 0), P_I(now_epoch())),
		       E_NOTFOUND);
}

enum err case_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct practice_case *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " C_COLS C_FROM "WHERE pc.org_id = $1 AND pc.id = $2", P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_case(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err case_list(struct db_conn *c, struct arena *a, int64_t org_id, int with_retired, struct case_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, CASES_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT " C_COLS C_FROM "WHERE pc.org_id = $1 AND ($2 = 1 OR pc.retired_at IS NULL) "
				 "ORDER BY pc.title, pc.id LIMIT $3", P_I(org_id), P_I(with_retired ? 1 : 0), P_I(CASES_MAX));
	while (db_step(st) == DB_ROW)
		read_case(st, a, &out->items[out->n++]);
	return db_finish(st);
}

enum err case_recent_ids(struct db_conn *c, struct arena *a, int64_t org_id, int64_t team_id, int64_t **ids,
			 size_t *n)
{
	*n = 0;
	*ids = arena_allocarray(a, MEETING_RECENT * MEETING_ITEMS_MAX, sizeof(**ids));
	struct db_stmt *st = DBQ(c, "SELECT DISTINCT i.case_id FROM meeting_items i WHERE i.org_id = $1 AND i.kind = 'case' "
				 "AND i.case_id IS NOT NULL AND i.meeting_id IN (SELECT m.id FROM sales_meetings m "
				 "WHERE m.org_id = $1 AND m.team_id = $2 AND m.status = 'held' "
				 "ORDER BY m.held_on DESC, m.id DESC LIMIT $3) LIMIT $4",
				 P_I(org_id), P_I(team_id), P_I(MEETING_RECENT), P_I(MEETING_RECENT * MEETING_ITEMS_MAX));
	while (db_step(st) == DB_ROW)
		(*ids)[(*n)++] = db_col_i64(st, 0);
	return db_finish(st);
}
