/* auth: see auth.h. */
#include "auth.h"
#include "audit.h"
#include "../lib/util.h"
#include <string.h>

#define PRINCIPAL_COLS "u.id, u.org_id, u.email, u.name, u.role, coalesce(u.locale, ''), " \
	"o.slug, o.name, o.locale, o.currency"

static void read_principal(struct db_stmt *st, struct arena *a, struct principal *p)
{
	p->user_id = db_col_i64(st, 0);
	p->org_id = db_col_i64(st, 1);
	p->email = arena_strdup(a, db_col_text(st, 2));
	p->name = arena_strdup(a, db_col_text(st, 3));
	p->role = arena_strdup(a, db_col_text(st, 4));
	p->user_locale = arena_strdup(a, db_col_text(st, 5));
	p->org_slug = arena_strdup(a, db_col_text(st, 6));
	p->org_name = arena_strdup(a, db_col_text(st, 7));
	p->org_locale = arena_strdup(a, db_col_text(st, 8));
	p->currency = arena_strdup(a, db_col_text(st, 9));
	p->token_id = 0;
}

int64_t org_of_secret(const char *value, const char *prefix)
{
	if (!value)
		return 0;
	size_t pl = prefix ? strlen(prefix) : 0;
	if (pl && strncmp(value, prefix, pl))
		return 0;
	const char *s = value + pl;
	int64_t org = 0;
	size_t i = 0;
	/* one spelling per organisation: no sign, no leading zero */
	if (s[0] < '1' || s[0] > '9')
		return 0;
	for (; s[i] >= '0' && s[i] <= '9'; i++) {
		if (i >= 15)
			return 0;
		org = org * 10 + (s[i] - '0');
	}
	return s[i] == '.' && s[i + 1] ? org : 0;
}

enum err session_create(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			const char **token, const char **csrf)
{
	char hash[65];
	*token = arena_printf(a, "%lld.%s", (long long)org_id, rand_token(a, 32));
	*csrf = rand_token(a, 24);
	sha256_hex(*token, hash);
	int64_t now = now_epoch();
	/* expired sessions of the organisation are swept as new ones are made */
	DBX(c, "DELETE FROM sessions WHERE org_id = $1 AND expires_at < $2", P_I(org_id), P_I(now));
	return DBX(c, "INSERT INTO sessions (id_hash, org_id, user_id, csrf, created_at, expires_at) "
		   "VALUES ($1, $2, $3, $4, $5, $6)",
		   P_T(hash), P_I(org_id), P_I(user_id), P_T(*csrf), P_I(now), P_I(now + SESSION_SECONDS));
}

enum err session_lookup(struct db_conn *c, struct arena *a, const char *token, struct principal *out)
{
	int64_t org = org_of_secret(token, NULL);
	if (!org)
		return E_NOTFOUND;
	char hash[65];
	sha256_hex(token, hash);
	struct db_stmt *st = DBQ(c, "SELECT " PRINCIPAL_COLS ", s.csrf FROM sessions s "
				 "JOIN users u ON u.id = s.user_id AND u.org_id = s.org_id "
				 "JOIN orgs o ON o.id = s.org_id "
				 "WHERE s.org_id = $1 AND s.id_hash = $2 AND s.expires_at > $3 AND u.active = 1",
				 P_I(org), P_T(hash), P_I(now_epoch()));
	int r = db_step(st);
	if (r == DB_ROW) {
		read_principal(st, a, out);
		out->csrf = arena_strdup(a, db_col_text(st, 10));
	}
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err session_delete(struct db_conn *c, const char *token)
{
	int64_t org = org_of_secret(token, NULL);
	if (!org)
		return E_OK;
	char hash[65];
	sha256_hex(token, hash);
	return DBX(c, "DELETE FROM sessions WHERE org_id = $1 AND id_hash = $2", P_I(org), P_T(hash));
}

enum err session_delete_others(struct db_conn *c, int64_t org_id, int64_t user_id, const char *keep_token)
{
	char hash[65] = "";
	if (keep_token)
		sha256_hex(keep_token, hash);
	return DBX(c, "DELETE FROM sessions WHERE org_id = $1 AND user_id = $2 AND id_hash <> $3",
		   P_I(org_id), P_I(user_id), P_T(hash));
}

/* audited (issue 16): the token's owner and label, never the token nor its hash */
enum err token_create(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
		      const char *label, const char **token)
{
	char hash[65];
	*token = arena_printf(a, "sg_%lld.%s", (long long)org_id, rand_token(a, 32));
	sha256_hex(*token, hash);
	struct audit_change ch;
	int64_t tid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_TOKEN, org_id, 0);
	if (!e) {
		struct db_stmt *st = DBQ(c, "INSERT INTO api_tokens (org_id, user_id, token_hash, label, created_at) "
					 "VALUES ($1, $2, $3, $4, $5) RETURNING id",
					 P_I(org_id), P_I(user_id), P_T(hash), P_T(label ? label : ""), P_I(now_epoch()));
		if (db_step(st) == DB_ROW)
			tid = db_col_i64(st, 0);
		e = db_finish(st);
	}
	return audit_end(c, &ch, "create", tid, e);
}

enum err token_lookup(struct db_conn *c, struct arena *a, const char *token, struct principal *out)
{
	int64_t org = org_of_secret(token, "sg_");
	if (!org)
		return E_NOTFOUND;
	char hash[65];
	sha256_hex(token, hash);
	struct db_stmt *st = DBQ(c, "SELECT " PRINCIPAL_COLS ", k.id FROM api_tokens k "
				 "JOIN users u ON u.id = k.user_id AND u.org_id = k.org_id "
				 "JOIN orgs o ON o.id = k.org_id "
				 "WHERE k.org_id = $1 AND k.token_hash = $2 AND k.revoked_at IS NULL AND u.active = 1",
				 P_I(org), P_T(hash));
	int r = db_step(st);
	int64_t tid = 0;
	if (r == DB_ROW) {
		read_principal(st, a, out);
		out->csrf = "";
		tid = db_col_i64(st, 10);
		out->token_id = tid;
	}
	enum err e = db_finish(st);
	if (e)
		return e;
	if (r != DB_ROW)
		return E_NOTFOUND;
	/* at most one write a minute per token, so reading the API stays a read */
	int64_t now = now_epoch();
	DBX(c, "UPDATE api_tokens SET last_used_at = $3 WHERE org_id = $1 AND id = $2 AND "
	    "(last_used_at IS NULL OR last_used_at < $4)", P_I(org), P_I(tid), P_I(now), P_I(now - 60));
	return E_OK;
}

enum err token_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
		    struct api_token_list *out)
{
	struct db_stmt *st = DBQ(c, "SELECT k.id, k.user_id, k.created_at, coalesce(k.last_used_at, 0), k.label, "
				 "u.name, u.email FROM api_tokens k "
				 "JOIN users u ON u.org_id = k.org_id AND u.id = k.user_id "
				 "WHERE k.org_id = $1 AND (CAST($2 AS BIGINT) = 0 OR k.user_id = $2) AND k.revoked_at IS NULL "
				 "ORDER BY k.created_at DESC, k.id DESC LIMIT $3",
				 P_I(org_id), P_I(user_id), P_I(TOKEN_LIST_MAX));
	size_t cap = 0;
	out->items = NULL;
	out->n = 0;
	while (db_step(st) == DB_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 8;
			struct api_token *n = arena_alloc(a, cap * sizeof(*n));
			if (out->n)
				memcpy(n, out->items, out->n * sizeof(*n));
			out->items = n;
		}
		struct api_token *t = &out->items[out->n++];
		t->id = db_col_i64(st, 0);
		t->user_id = db_col_i64(st, 1);
		t->created_at = db_col_i64(st, 2);
		t->last_used_at = db_col_i64(st, 3);
		t->label = arena_strdup(a, db_col_text(st, 4));
		t->user_name = arena_strdup(a, db_col_text(st, 5));
		t->user_email = arena_strdup(a, db_col_text(st, 6));
	}
	return db_finish(st);
}

static enum err token_revoke_write(struct db_conn *c, int64_t org_id, int64_t user_id, int64_t id)
{
	struct db_stmt *st = DBQ(c, "UPDATE api_tokens SET revoked_at = $4 WHERE org_id = $1 AND id = $2 "
				 "AND (CAST($3 AS BIGINT) = 0 OR user_id = $3) AND revoked_at IS NULL",
				 P_I(org_id), P_I(id), P_I(user_id), P_I(now_epoch()));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : E_NOTFOUND;
}

enum err token_revoke(struct db_conn *c, int64_t org_id, int64_t user_id, int64_t id)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_TOKEN, org_id, id);
	if (!e)
		e = token_revoke_write(c, org_id, user_id, id);
	return audit_end(c, &ch, "revoke", id, e);
}

enum err token_revoke_all(struct db_conn *c, int64_t org_id, int64_t user_id)
{
	return DBX(c, "UPDATE api_tokens SET revoked_at = $3 WHERE org_id = $1 AND user_id = $2 "
		   "AND revoked_at IS NULL", P_I(org_id), P_I(user_id), P_I(now_epoch()));
}

enum err user_team_id(struct db_conn *c, int64_t org_id, int64_t user_id, int64_t *team_id)
{
	struct db_stmt *st = DBQ(c, "SELECT team_id FROM team_members WHERE org_id = $1 AND user_id = $2",
				 P_I(org_id), P_I(user_id));
	*team_id = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	return db_finish(st);
}

enum err throttle_hit(struct db_conn *c, const char *key, int64_t now, int64_t window,
		      int64_t *attempts, int64_t *window_end)
{
	/* one statement: concurrent attempts each see their own count (the
	 * row is locked by the upsert on PostgreSQL; SQLite writes one at a
	 * time). SET reads the row as it was, on both engines. */
	struct db_stmt *st = DBQ(c, "INSERT INTO login_throttle (key, window_start, attempts) VALUES ($1, $2, 1) "
				 "ON CONFLICT (key) DO UPDATE SET "
				 "attempts = CASE WHEN login_throttle.window_start <= $3 THEN 1 "
				 "ELSE login_throttle.attempts + 1 END, "
				 "next_at = CASE WHEN login_throttle.window_start <= $3 THEN 0 "
				 "ELSE login_throttle.next_at END, "
				 "window_start = CASE WHEN login_throttle.window_start <= $3 THEN $2 "
				 "ELSE login_throttle.window_start END "
				 "RETURNING attempts, window_start",
				 P_T(key), P_I(now), P_I(now - window));
	int r = db_step(st);
	*attempts = r == DB_ROW ? db_col_i64(st, 0) : 0;
	*window_end = r == DB_ROW ? db_col_i64(st, 1) + window : now + window;
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_INTERNAL;
}

enum err throttle_take_slot(struct db_conn *c, const char *key, int64_t now, int64_t spacing,
			    int64_t *next_at)
{
	struct db_stmt *st = DBQ(c, "UPDATE login_throttle SET next_at = $3 WHERE key = $1 AND next_at <= $2 "
				 "RETURNING next_at", P_T(key), P_I(now), P_I(now + spacing));
	int r = db_step(st);
	enum err e = db_finish(st);
	if (e)
		return e;
	if (r == DB_ROW) {
		*next_at = now + spacing;
		return E_OK;
	}
	st = DBQ(c, "SELECT next_at FROM login_throttle WHERE key = $1", P_T(key));
	*next_at = db_step(st) == DB_ROW ? db_col_i64(st, 0) : now + spacing;
	e = db_finish(st);
	return e ? e : E_THROTTLED;
}

enum err throttle_forgive(struct db_conn *c, const char *key)
{
	return DBX(c, "UPDATE login_throttle SET attempts = attempts - 1 WHERE key = $1 AND attempts > 0",
		   P_T(key));
}

enum err throttle_sweep(struct db_conn *c, int64_t before)
{
	return DBX(c, "DELETE FROM login_throttle WHERE window_start < $1", P_I(before));
}

enum err server_secret(struct db_conn *c, struct arena *a, const char *name, const char **value)
{
	char fresh[65];
	rand_token_buf(fresh, sizeof(fresh), 32);
	/* the first server to ask makes it; the others read what it made */
	enum err e = DBX(c, "INSERT INTO server_secrets (name, value) VALUES ($1, $2) "
			 "ON CONFLICT (name) DO NOTHING", P_T(name), P_T(fresh));
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "SELECT value FROM server_secrets WHERE name = $1", P_T(name));
	int r = db_step(st);
	if (r == DB_ROW)
		*value = arena_strdup(a, db_col_text(st, 0));
	e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_INTERNAL;
}
