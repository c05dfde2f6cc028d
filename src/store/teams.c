/* teams: see teams.h. */
#include "teams.h"
#include "audit.h"
#include "../lib/util.h"
#include <string.h>

#define TEAM_COLS "t.id, t.org_id, t.name, coalesce(t.manager_id, 0), coalesce(m.name, ''), " \
	"t.territory, t.segment, " \
	"(SELECT count(*) FROM team_members tm WHERE tm.org_id = t.org_id AND tm.team_id = t.id)"
#define TEAM_FROM "FROM teams t LEFT JOIN users m ON m.id = t.manager_id AND m.org_id = t.org_id "

static void read_team(struct db_stmt *st, struct arena *a, struct team *t)
{
	t->id = db_col_i64(st, 0);
	t->org_id = db_col_i64(st, 1);
	t->name = arena_strdup(a, db_col_text(st, 2));
	t->manager_id = db_col_i64(st, 3);
	t->manager_name = arena_strdup(a, db_col_text(st, 4));
	t->territory = arena_strdup(a, db_col_text(st, 5));
	t->segment = arena_strdup(a, db_col_text(st, 6));
	t->members = db_col_i64(st, 7);
}

enum err team_create(struct db_conn *c, int64_t org_id, const char *name, int64_t manager_id,
		     const char *territory, const char *segment, int64_t *id)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_TEAM, org_id, 0);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "INSERT INTO teams (org_id, name, manager_id, territory, segment, created_at) "
				 "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
				 P_I(org_id), P_T(name), P_ID(manager_id), P_T(territory ? territory : ""),
				 P_T(segment ? segment : ""), P_I(now_epoch()));
	int64_t tid = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	e = audit_end(c, &ch, "create", tid, db_finish(st));
	if (!e && id)
		*id = tid;
	return e;
}

enum err team_update(struct db_conn *c, int64_t org_id, int64_t id, const char *name,
		     int64_t manager_id, const char *territory, const char *segment)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_TEAM, org_id, id);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "UPDATE teams SET name = $3, manager_id = $4, territory = $5, segment = $6 "
				 "WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id), P_T(name), P_ID(manager_id),
				 P_T(territory ? territory : ""), P_T(segment ? segment : ""));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	e = db_finish(st);
	return audit_end(c, &ch, "update", id, e ? e : n ? E_OK : E_NOTFOUND);
}

static enum err one(struct db_stmt *st, struct arena *a, struct team *out)
{
	int r = db_step(st);
	if (r == DB_ROW)
		read_team(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err team_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct team *out)
{
	return one(DBQ(c, "SELECT " TEAM_COLS " " TEAM_FROM "WHERE t.org_id = $1 AND t.id = $2",
		       P_I(org_id), P_I(id)), a, out);
}

enum err team_by_name(struct db_conn *c, struct arena *a, int64_t org_id, const char *name,
		      struct team *out)
{
	return one(DBQ(c, "SELECT " TEAM_COLS " " TEAM_FROM "WHERE t.org_id = $1 AND t.name = $2",
		       P_I(org_id), P_T(name)), a, out);
}

static enum err many(struct db_stmt *st, struct arena *a, struct team_list *out)
{
	size_t cap = 8;
	out->n = 0;
	out->items = arena_alloc(a, cap * sizeof(struct team));
	while (db_step(st) == DB_ROW) {
		if (out->n == cap) {
			struct team *n = arena_alloc(a, cap * 2 * sizeof(struct team));
			memcpy(n, out->items, cap * sizeof(struct team));
			out->items = n;
			cap *= 2;
		}
		read_team(st, a, &out->items[out->n++]);
	}
	return db_finish(st);
}

enum err team_list_org(struct db_conn *c, struct arena *a, int64_t org_id, struct team_list *out)
{
	return many(DBQ(c, "SELECT " TEAM_COLS " " TEAM_FROM "WHERE t.org_id = $1 ORDER BY t.name",
			P_I(org_id)), a, out);
}

enum err team_list_for_user(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			    struct team_list *out)
{
	return many(DBQ(c, "SELECT " TEAM_COLS " " TEAM_FROM "WHERE t.org_id = $1 AND (t.manager_id = $2 OR "
			"t.id IN (SELECT tm.team_id FROM team_members tm WHERE tm.org_id = $1 AND tm.user_id = $2)) "
			"ORDER BY t.name, t.id", P_I(org_id), P_I(user_id)), a, out);
}

enum err team_ids_led_by(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			 int64_t **ids, size_t *n)
{
	struct db_stmt *st = DBQ(c, "SELECT id FROM teams WHERE org_id = $1 AND manager_id = $2 ORDER BY id",
				 P_I(org_id), P_I(user_id));
	size_t cap = 4;
	*n = 0;
	*ids = arena_alloc(a, cap * sizeof(int64_t));
	while (db_step(st) == DB_ROW) {
		if (*n == cap) {
			int64_t *nn = arena_alloc(a, cap * 2 * sizeof(int64_t));
			memcpy(nn, *ids, cap * sizeof(int64_t));
			*ids = nn;
			cap *= 2;
		}
		(*ids)[(*n)++] = db_col_i64(st, 0);
	}
	return db_finish(st);
}
