/* users: see users.h. */
#include "users.h"
#include "audit.h"
#include "../lib/util.h"
#include "../lib/strbuf.h"
#include <string.h>

#define USER_COLS "u.id, u.org_id, u.email, u.name, u.role, coalesce(u.locale, ''), u.active, " \
	"coalesce(tm.team_id, 0), coalesce(t.name, ''), u.created_at"
#define USER_FROM "FROM users u LEFT JOIN team_members tm ON tm.user_id = u.id AND tm.org_id = u.org_id " \
	"LEFT JOIN teams t ON t.id = tm.team_id AND t.org_id = u.org_id "

static void read_user(struct db_stmt *st, struct arena *a, struct user *u)
{
	u->id = db_col_i64(st, 0);
	u->org_id = db_col_i64(st, 1);
	u->email = arena_strdup(a, db_col_text(st, 2));
	u->name = arena_strdup(a, db_col_text(st, 3));
	u->role = arena_strdup(a, db_col_text(st, 4));
	u->locale = arena_strdup(a, db_col_text(st, 5));
	u->active = (int)db_col_i64(st, 6);
	u->team_id = db_col_i64(st, 7);
	u->team_name = arena_strdup(a, db_col_text(st, 8));
	u->created_at = db_col_i64(st, 9);
}

enum err user_create(struct db_conn *c, int64_t org_id, const char *email, const char *name,
		     const char *role, const char *password_hash, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO users (org_id, email, name, role, password_hash, created_at) "
				 "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
				 P_I(org_id), P_T(email), P_T(name), P_T(role), P_T(password_hash),
				 P_I(now_epoch()));
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

static enum err one(struct db_stmt *st, struct arena *a, struct user *out)
{
	int r = db_step(st);
	if (r == DB_ROW)
		read_user(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err user_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct user *out)
{
	return one(DBQ(c, "SELECT " USER_COLS " " USER_FROM "WHERE u.org_id = $1 AND u.id = $2",
		       P_I(org_id), P_I(id)), a, out);
}

enum err user_by_email(struct db_conn *c, struct arena *a, int64_t org_id, const char *email,
		       struct user *out)
{
	return one(DBQ(c, "SELECT " USER_COLS " " USER_FROM "WHERE u.org_id = $1 AND u.email = $2",
		       P_I(org_id), P_T(email)), a, out);
}

static enum err many(struct db_stmt *st, struct arena *a, struct user_list *out)
{
	size_t cap = 16;
	out->n = 0;
	out->items = arena_alloc(a, cap * sizeof(struct user));
	while (db_step(st) == DB_ROW) {
		if (out->n == cap) {
			struct user *n = arena_alloc(a, cap * 2 * sizeof(struct user));
			memcpy(n, out->items, cap * sizeof(struct user));
			out->items = n;
			cap *= 2;
		}
		read_user(st, a, &out->items[out->n++]);
	}
	return db_finish(st);
}

enum err user_count_active(struct db_conn *c, int64_t org_id, int64_t *users, int64_t *reps)
{
	struct db_stmt *st = DBQ(c, "SELECT count(*), coalesce(sum(CASE WHEN role = 'rep' THEN 1 ELSE 0 END), 0) "
				 "FROM users WHERE org_id = $1 AND active = 1", P_I(org_id));
	*users = *reps = 0;
	if (db_step(st) == DB_ROW) {
		*users = db_col_i64(st, 0);
		*reps = db_col_i64(st, 1);
	}
	return db_finish(st);
}

enum err user_list_org(struct db_conn *c, struct arena *a, int64_t org_id, struct user_list *out)
{
	return many(DBQ(c, "SELECT " USER_COLS " " USER_FROM "WHERE u.org_id = $1 ORDER BY u.name, u.id",
			P_I(org_id)), a, out);
}

enum err user_list_teams(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *teams,
			 size_t nteams, int64_t extra_id, struct user_list *out)
{
	/* team ids travel as one bound text list, so the SQL stays fixed */
	struct strbuf ids = STRBUF_INIT;
	sb_addc(&ids, ',');
	for (size_t i = 0; i < nteams; i++)
		sb_addf(&ids, "%lld,", (long long)teams[i]);
	enum err e = many(DBQ(c, "SELECT " USER_COLS " " USER_FROM
			      "WHERE u.org_id = $1 AND (u.id = $2 OR "
			      "$3 LIKE '%,' || CAST(tm.team_id AS TEXT) || ',%') ORDER BY u.name, u.id",
			      P_I(org_id), P_I(extra_id), P_T(ids.buf)), a, out);
	sb_release(&ids);
	return e;
}

static enum err changed(struct db_stmt *st)
{
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : E_NOTFOUND;
}

enum err user_set_active(struct db_conn *c, int64_t org_id, int64_t id, int active)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_USER, org_id, id);
	if (!e)
		e = changed(DBQ(c, "UPDATE users SET active = $3 WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id), P_I(active)));
	if (!e && !active) {
		/* a deactivated user is signed out everywhere and loses API access */
		e = DBX(c, "DELETE FROM sessions WHERE org_id = $1 AND user_id = $2", P_I(org_id), P_I(id));
		if (!e)
			e = DBX(c, "UPDATE api_tokens SET revoked_at = $3 WHERE org_id = $1 AND user_id = $2 "
				"AND revoked_at IS NULL", P_I(org_id), P_I(id), P_I(now_epoch()));
		/* and the calendar address, so reactivating does not revive it */
		if (!e)
			e = DBX(c, "UPDATE calendar_feeds SET revoked_at = $3 WHERE org_id = $1 AND user_id = $2 "
				"AND revoked_at IS NULL", P_I(org_id), P_I(id), P_I(now_epoch()));
	}
	return audit_end(c, &ch, active ? "activate" : "deactivate", id, e);
}

enum err user_set_locale(struct db_conn *c, int64_t org_id, int64_t id, const char *locale)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_USER, org_id, id);
	if (!e)
		e = changed(DBQ(c, "UPDATE users SET locale = $3 WHERE org_id = $1 AND id = $2",
				P_I(org_id), P_I(id), P_T(locale)));
	return audit_end(c, &ch, "locale", id, e);
}

enum err user_set_password(struct db_conn *c, int64_t org_id, int64_t id, const char *hash)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_USER, org_id, id);
	if (!e)
		e = changed(DBQ(c, "UPDATE users SET password_hash = $3 WHERE org_id = $1 AND id = $2",
				P_I(org_id), P_I(id), P_T(hash)));
	return audit_end(c, &ch, "password", id, e);
}

enum err user_set_role(struct db_conn *c, int64_t org_id, int64_t id, const char *role)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_USER, org_id, id);
	if (!e)
		e = changed(DBQ(c, "UPDATE users SET role = $3 WHERE org_id = $1 AND id = $2",
				P_I(org_id), P_I(id), P_T(role)));
	return audit_end(c, &ch, "role", id, e);
}

static enum err set_team(struct db_conn *c, int64_t org_id, int64_t id, int64_t team_id);

enum err user_set_team(struct db_conn *c, int64_t org_id, int64_t id, int64_t team_id)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_USER, org_id, id);
	return audit_end(c, &ch, "team", id, e ? e : set_team(c, org_id, id, team_id));
}

static enum err set_team(struct db_conn *c, int64_t org_id, int64_t id, int64_t team_id)
{
	if (!team_id)
		return DBX(c, "DELETE FROM team_members WHERE org_id = $1 AND user_id = $2",
			   P_I(org_id), P_I(id));
	/* one statement, so a refused move leaves the membership as it was; the
	 * WHERE keeps another organisation's member out of reach */
	return changed(DBQ(c, "INSERT INTO team_members (org_id, team_id, user_id) VALUES ($1, $2, $3) "
			   "ON CONFLICT (org_id, user_id) DO UPDATE SET team_id = excluded.team_id "
			   "WHERE team_members.org_id = excluded.org_id",
			   P_I(org_id), P_I(team_id), P_I(id)));
}

enum err user_credentials(struct db_conn *c, struct arena *a, const char *email,
			  struct credential out[CREDENTIALS_MAX], size_t *n)
{
	/* the one query that does not name an organisation: the address is
	 * all a person signing in gives (users_email serves it) */
	struct db_stmt *st = DBQ(c, "SELECT u.id, u.org_id, coalesce(u.password_hash, ''), o.slug, o.name "
				 "FROM users u JOIN orgs o ON o.id = u.org_id "
				 "WHERE u.email = $1 AND u.active = 1 ORDER BY o.name, o.id LIMIT $2",
				 P_T(email), P_I(CREDENTIALS_MAX));
	*n = 0;
	while (*n < CREDENTIALS_MAX && db_step(st) == DB_ROW) {
		struct credential *k = &out[(*n)++];
		k->id = db_col_i64(st, 0);
		k->org_id = db_col_i64(st, 1);
		k->hash = arena_strdup(a, db_col_text(st, 2));
		k->org_slug = arena_strdup(a, db_col_text(st, 3));
		k->org_name = arena_strdup(a, db_col_text(st, 4));
	}
	enum err e = db_finish(st);
	return e ? e : *n ? E_OK : E_NOTFOUND;
}

enum err user_password_hash(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id,
			    const char **hash)
{
	struct db_stmt *st = DBQ(c, "SELECT coalesce(password_hash, '') FROM users WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		*hash = arena_strdup(a, db_col_text(st, 0));
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}
