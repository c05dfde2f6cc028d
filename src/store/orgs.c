/* orgs: see orgs.h. */
#include "orgs.h"
#include "traits.h"
#include "../lib/util.h"

#define ORG_COLS "id, slug, name, locale, currency, fiscal_start_month"

static void read_org(struct db_stmt *st, struct arena *a, struct org *o)
{
	o->id = db_col_i64(st, 0);
	o->slug = arena_strdup(a, db_col_text(st, 1));
	o->name = arena_strdup(a, db_col_text(st, 2));
	o->locale = arena_strdup(a, db_col_text(st, 3));
	o->currency = arena_strdup(a, db_col_text(st, 4));
	o->fiscal_start_month = (int)db_col_i64(st, 5);
}

enum err org_create(struct db_conn *c, const char *slug, const char *name, const char *locale,
		    const char *currency, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO orgs (slug, name, locale, currency, created_at) "
				 "VALUES ($1, $2, $3, $4, $5) RETURNING id",
				 P_T(slug), P_T(name), P_T(locale), P_T(currency), P_I(now_epoch()));
	int64_t new_id = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	enum err e = db_finish(st);
	if (e)
		return e;
	if (id)
		*id = new_id;
	/* every organisation starts with the five traits of the articles */
	return traits_seed(c, new_id);
}

static enum err one(struct db_stmt *st, struct arena *a, struct org *out)
{
	int r = db_step(st);
	if (r == DB_ROW)
		read_org(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err org_by_slug(struct db_conn *c, struct arena *a, const char *slug, struct org *out)
{
	return one(DBQ(c, "SELECT " ORG_COLS " FROM orgs WHERE slug = $1", P_T(slug)), a, out);
}

enum err org_by_id(struct db_conn *c, struct arena *a, int64_t id, struct org *out)
{
	return one(DBQ(c, "SELECT " ORG_COLS " FROM orgs WHERE id = $1", P_I(id)), a, out);
}
