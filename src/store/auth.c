/* auth: see auth.h. */
#include "auth.h"
#include "../lib/util.h"

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
}

enum err session_create(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			const char **token, const char **csrf)
{
	char hash[65];
	*token = rand_token(a, 32);
	*csrf = rand_token(a, 24);
	sha256_hex(*token, hash);
	int64_t now = now_epoch();
	/* expired sessions are swept as new ones are made */
	DBX(c, "DELETE FROM sessions WHERE expires_at < $1", P_I(now));
	return DBX(c, "INSERT INTO sessions (id_hash, org_id, user_id, csrf, created_at, expires_at) "
		   "VALUES ($1, $2, $3, $4, $5, $6)",
		   P_T(hash), P_I(org_id), P_I(user_id), P_T(*csrf), P_I(now), P_I(now + SESSION_SECONDS));
}

enum err session_lookup(struct db_conn *c, struct arena *a, const char *token, struct principal *out)
{
	char hash[65];
	sha256_hex(token, hash);
	struct db_stmt *st = DBQ(c, "SELECT " PRINCIPAL_COLS ", s.csrf FROM sessions s "
				 "JOIN users u ON u.id = s.user_id AND u.org_id = s.org_id "
				 "JOIN orgs o ON o.id = s.org_id "
				 "WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.active = 1",
				 P_T(hash), P_I(now_epoch()));
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
	char hash[65];
	sha256_hex(token, hash);
	return DBX(c, "DELETE FROM sessions WHERE id_hash = $1", P_T(hash));
}

enum err session_delete_others(struct db_conn *c, int64_t org_id, int64_t user_id, const char *keep_token)
{
	char hash[65] = "";
	if (keep_token)
		sha256_hex(keep_token, hash);
	return DBX(c, "DELETE FROM sessions WHERE org_id = $1 AND user_id = $2 AND id_hash <> $3",
		   P_I(org_id), P_I(user_id), P_T(hash));
}

enum err token_create(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
		      const char *label, const char **token)
{
	char hash[65];
	*token = arena_printf(a, "sg_%s", rand_token(a, 32));
	sha256_hex(*token, hash);
	return DBX(c, "INSERT INTO api_tokens (org_id, user_id, token_hash, label, created_at) "
		   "VALUES ($1, $2, $3, $4, $5)",
		   P_I(org_id), P_I(user_id), P_T(hash), P_T(label ? label : ""), P_I(now_epoch()));
}

enum err token_lookup(struct db_conn *c, struct arena *a, const char *token, struct principal *out)
{
	char hash[65];
	sha256_hex(token, hash);
	struct db_stmt *st = DBQ(c, "SELECT " PRINCIPAL_COLS ", k.id FROM api_tokens k "
				 "JOIN users u ON u.id = k.user_id AND u.org_id = k.org_id "
				 "JOIN orgs o ON o.id = k.org_id "
				 "WHERE k.token_hash = $1 AND k.revoked_at IS NULL AND u.active = 1",
				 P_T(hash));
	int r = db_step(st);
	int64_t tid = 0;
	if (r == DB_ROW) {
		read_principal(st, a, out);
		out->csrf = "";
		tid = db_col_i64(st, 10);
	}
	enum err e = db_finish(st);
	if (e)
		return e;
	if (r != DB_ROW)
		return E_NOTFOUND;
	/* at most one write a minute per token, so reading the API stays a read */
	int64_t now = now_epoch();
	DBX(c, "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND "
	    "(last_used_at IS NULL OR last_used_at < $3)", P_I(tid), P_I(now), P_I(now - 60));
	return E_OK;
}

enum err login_failures_count(struct db_conn *c, const char *email, int64_t window,
			      int64_t *count, int64_t *oldest)
{
	struct db_stmt *st = DBQ(c, "SELECT count(*), coalesce(min(at), 0) FROM login_failures "
				 "WHERE email = $1 AND at > $2", P_T(email), P_I(now_epoch() - window));
	*count = 0;
	*oldest = 0;
	if (db_step(st) == DB_ROW) {
		*count = db_col_i64(st, 0);
		*oldest = db_col_i64(st, 1);
	}
	return db_finish(st);
}

enum err login_failure_add(struct db_conn *c, const char *email)
{
	int64_t now = now_epoch();
	DBX(c, "DELETE FROM login_failures WHERE at < $1", P_I(now - 24 * 3600));
	return DBX(c, "INSERT INTO login_failures (email, at) VALUES ($1, $2)", P_T(email), P_I(now));
}

enum err login_failures_clear(struct db_conn *c, const char *email)
{
	return DBX(c, "DELETE FROM login_failures WHERE email = $1", P_T(email));
}
