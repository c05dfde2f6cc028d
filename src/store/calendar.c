/* calendar: see calendar.h. */
#include "calendar.h"
#include "auth.h"
#include "../lib/util.h"

enum err calendar_feed_create(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			      const char **secret)
{
	char hash[65];
	/* the organisation travels with the secret, so the lookup names it */
	const char *s = arena_printf(a, "%lld.%s", (long long)org_id, rand_token(a, 32));
	sha256_hex(s, hash);
	int64_t now = now_epoch();
	enum err e = db_begin(c);
	if (e)
		return e;
	e = DBX(c, "UPDATE calendar_feeds SET revoked_at = $3 WHERE org_id = $1 AND user_id = $2 "
		"AND revoked_at IS NULL", P_I(org_id), P_I(user_id), P_I(now));
	if (!e)
		e = DBX(c, "INSERT INTO calendar_feeds (org_id, user_id, token_hash, created_at) "
			"VALUES ($1, $2, $3, $4)", P_I(org_id), P_I(user_id), P_T(hash), P_I(now));
	if (e) {
		db_rollback(c);
		return e;
	}
	if ((e = db_commit(c)))
		return e;
	*secret = s;
	return E_OK;
}

enum err calendar_feed_revoke(struct db_conn *c, int64_t org_id, int64_t user_id)
{
	struct db_stmt *st = DBQ(c, "UPDATE calendar_feeds SET revoked_at = $3 WHERE org_id = $1 AND user_id = $2 "
				 "AND revoked_at IS NULL", P_I(org_id), P_I(user_id), P_I(now_epoch()));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : E_NOTFOUND;
}

#define FEED_COLS "f.id, f.org_id, f.user_id, f.created_at, u.name, coalesce(u.locale, ''), o.locale "
#define FEED_FROM "FROM calendar_feeds f JOIN users u ON u.org_id = f.org_id AND u.id = f.user_id " \
	"JOIN orgs o ON o.id = f.org_id "

static enum err one(struct db_stmt *st, struct arena *a, struct calendar_feed *out)
{
	int r = db_step(st);
	if (r == DB_ROW) {
		out->id = db_col_i64(st, 0);
		out->org_id = db_col_i64(st, 1);
		out->user_id = db_col_i64(st, 2);
		out->created_at = db_col_i64(st, 3);
		out->user_name = arena_strdup(a, db_col_text(st, 4));
		out->user_locale = arena_strdup(a, db_col_text(st, 5));
		out->org_locale = arena_strdup(a, db_col_text(st, 6));
	}
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err calendar_feed_active(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			      struct calendar_feed *out)
{
	return one(DBQ(c, "SELECT " FEED_COLS FEED_FROM "WHERE f.org_id = $1 AND f.user_id = $2 "
		       "AND f.revoked_at IS NULL ORDER BY f.id DESC LIMIT 1", P_I(org_id), P_I(user_id)), a, out);
}

enum err calendar_feed_lookup(struct db_conn *c, struct arena *a, const char *secret,
			      struct calendar_feed *out)
{
	int64_t org = org_of_secret(secret, NULL);
	if (!org)
		return E_NOTFOUND;
	char hash[65];
	sha256_hex(secret, hash);
	return one(DBQ(c, "SELECT " FEED_COLS FEED_FROM "WHERE f.org_id = $1 AND f.token_hash = $2 "
		       "AND f.revoked_at IS NULL AND u.active = 1", P_I(org), P_T(hash)), a, out);
}
