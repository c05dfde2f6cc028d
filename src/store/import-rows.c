/*
 * import-rows: see import-rows.h. Every query names the organisation.
 */
#include "import-rows.h"
#include "../lib/strbuf.h"
#include "../lib/util.h"
#include "deals.h"
#include "import-runs.h"
#include <stdio.h>
#include <string.h>

enum err import_rows_org(struct db_conn *c, struct arena *a, int64_t org_id, struct import_org *out)
{
	struct db_stmt *st = DBQ(c, "SELECT slug, currency, locale, fiscal_start_month FROM orgs WHERE id = $1",
				 P_I(org_id));
	int got = db_step(st);
	if (got == DB_ROW) {
		out->slug = arena_strdup(a, db_col_text(st, 0));
		out->currency = arena_strdup(a, db_col_text(st, 1));
		out->locale = arena_strdup(a, db_col_text(st, 2));
		out->fiscal_start_month = (int)db_col_i64(st, 3);
	}
	enum err e = db_finish(st);
	return e ? e : got == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err import_rows_users(struct db_conn *c, int64_t org_id,
			   void (*fn)(void *cls, int64_t id, const char *email, const char *name, const char *role,
				      int active, int64_t team_id), void *cls)
{
	struct db_stmt *st = DBQ(c, "SELECT u.id, u.email, u.name, u.role, u.active, coalesce(m.team_id, 0) "
				 "FROM users u LEFT JOIN team_members m ON m.org_id = u.org_id AND m.user_id = u.id "
				 "WHERE u.org_id = $1 ORDER BY u.id", P_I(org_id));
	while (db_step(st) == DB_ROW)
		fn(cls, db_col_i64(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3),
		   (int)db_col_i64(st, 4), db_col_i64(st, 5));
	return db_finish(st);
}

enum err import_rows_teams(struct db_conn *c, int64_t org_id,
			   void (*fn)(void *cls, int64_t id, const char *name, int64_t manager_id,
				      const char *territory, const char *segment), void *cls)
{
	struct db_stmt *st = DBQ(c, "SELECT id, name, coalesce(manager_id, 0), territory, segment FROM teams "
				 "WHERE org_id = $1 ORDER BY id", P_I(org_id));
	while (db_step(st) == DB_ROW)
		fn(cls, db_col_i64(st, 0), db_col_text(st, 1), db_col_i64(st, 2), db_col_text(st, 3),
		   db_col_text(st, 4));
	return db_finish(st);
}

enum err import_rows_accounts(struct db_conn *c, int64_t org_id,
			      void (*fn)(void *cls, int64_t id, const char *name), void *cls)
{
	struct db_stmt *st = DBQ(c, "SELECT id, name FROM accounts WHERE org_id = $1 ORDER BY id", P_I(org_id));
	while (db_step(st) == DB_ROW)
		fn(cls, db_col_i64(st, 0), db_col_text(st, 1));
	return db_finish(st);
}

enum err import_rows_stages(struct db_conn *c, int64_t org_id,
			    void (*fn)(void *cls, int64_t id, const char *name, const char *kind), void *cls)
{
	struct db_stmt *st = DBQ(c, "SELECT id, name, kind FROM stages WHERE org_id = $1 ORDER BY position, id",
				 P_I(org_id));
	while (db_step(st) == DB_ROW)
		fn(cls, db_col_i64(st, 0), db_col_text(st, 1), db_col_text(st, 2));
	return db_finish(st);
}

enum err import_rows_deals(struct db_conn *c, int64_t org_id,
			   void (*fn)(void *cls, const char *external_id, int64_t id, const struct import_deal *d,
				      const char *created_on), void *cls)
{
	struct db_stmt *st = DBQ(c, "SELECT external_id, id, title, account_id, value_minor, currency, owner_id, "
				 "product, stage_id, status, closed_on, expected_close, lost_reason, lost_note, "
				 "created_on FROM deals WHERE org_id = $1 AND external_id IS NOT NULL", P_I(org_id));
	while (db_step(st) == DB_ROW) {
		struct import_deal d = {
			.title = db_col_text(st, 2), .account_id = db_col_i64(st, 3),
			.value_minor = db_col_i64(st, 4), .currency = db_col_text(st, 5),
			.owner_id = db_col_i64(st, 6), .product = db_col_text(st, 7), .stage_id = db_col_i64(st, 8),
			.status = db_col_text(st, 9), .closed_on = db_col_text(st, 10),
			.expected_close = db_col_text(st, 11), .lost_reason = db_col_text(st, 12),
			.lost_note = db_col_text(st, 13),
		};
		fn(cls, db_col_text(st, 0), db_col_i64(st, 1), &d, db_col_text(st, 14));
	}
	return db_finish(st);
}

#define DEAL_INSERT "INSERT INTO deals (org_id, title, account_id, value_minor, currency, owner_id, stage_id, " \
	"product, expected_close, status, lost_reason, lost_note, closed_on, created_on, stage_changed_on, " \
	"external_id, created_at, updated_at, import_run) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, " \
	"$12, $13, $14, $15, $16, $17, $17, $18)"

enum err import_rows_account_add(struct db_conn *c, int64_t org_id, const char *name, int64_t run_id, int64_t *id)
{
	*id = 0;
	if (db_conn_kind(c) != DB_PG || !run_id) {
		enum err e = account_create(c, org_id, name, 0, NULL, id);
		if (!e && run_id)
			e = import_run_note_row(c, org_id, run_id, "accounts", *id, 1, 0, NULL);
		return e;
	}
	/* the account and the journal's note of it in one statement: one
	 * round trip instead of two (the note as import_run_note_row's) */
	struct db_stmt *st = DBQ(c,
				 "WITH a AS (INSERT INTO accounts (org_id, name, owner_id, external_id, created_at) "
				 "VALUES ($1, $2, NULL, NULL, $3) RETURNING id), "
				 "n AS (INSERT INTO import_undo (org_id, run_id, tbl, row_id, created, amount_minor, currency) "
				 "SELECT $1, $4, 'accounts', id, 1, NULL, NULL FROM a ON CONFLICT DO NOTHING) "
				 "SELECT id FROM a",
				 P_I(org_id), P_T(name), P_I(now_epoch()), P_I(run_id));
	if (db_step(st) == DB_ROW)
		*id = db_col_i64(st, 0);
	enum err e = db_finish(st);
	return e ? e : *id ? E_OK : E_INTERNAL;
}

size_t import_rows_deal_count(struct db_conn *c, int64_t org_id)
{
	int64_t n = DB_I64(c, 0, "SELECT count(*) FROM deals WHERE org_id = $1 AND external_id IS NOT NULL", P_I(org_id));
	return n > 0 ? (size_t)n : 0;
}

enum err import_rows_deal_insert(struct db_conn *c, int64_t org_id, const struct import_deal *v,
				 const char *created_on, const char *external_id, int64_t now, int64_t run_id)
{
	struct db_stmt *st = DBQ(c, DEAL_INSERT, P_I(org_id), P_T(v->title), P_I(v->account_id),
				 P_I(v->value_minor), P_T(v->currency), P_I(v->owner_id), P_I(v->stage_id),
				 P_T(v->product), P_T(*v->expected_close ? v->expected_close : NULL),
				 P_T(v->status), P_T(*v->lost_reason ? v->lost_reason : NULL), P_T(v->lost_note),
				 P_T(*v->closed_on ? v->closed_on : NULL), P_T(created_on),
				 P_T(*v->closed_on ? v->closed_on : created_on), P_T(external_id), P_I(now),
				 P_ID(run_id));
	while (db_step(st) == DB_ROW)
		;
	return db_finish(st);
}

/* COPY's text format: a backslash, tab, newline or carriage return in a
 * value escaped; NULL as \N */
static void copy_text(struct strbuf *b, const char *s)
{
	if (!s) {
		sb_add(b, "\\N", 2);
		return;
	}
	const char *run = s;
	for (; *s; s++) {
		const char *esc = *s == '\\' ? "\\\\" : *s == '\t' ? "\\t" : *s == '\n' ? "\\n" : *s == '\r' ? "\\r" : NULL;
		if (!esc)
			continue;
		sb_add(b, run, (size_t)(s - run));
		sb_add(b, esc, 2);
		run = s + 1;
	}
	sb_add(b, run, (size_t)(s - run));
}

static void copy_i64(struct strbuf *b, int64_t v)
{
	char num[24];
	int n = snprintf(num, sizeof(num), "%lld", (long long)v);
	sb_add(b, num, (size_t)n);
}

void import_rows_deal_copy_row(struct strbuf *b, int64_t org_id, const struct import_deal *v, const char *created_on,
			       const char *external_id, int64_t now, int64_t run_id)
{
	/* the values and their order of DEAL_INSERT's */
	copy_i64(b, org_id);
	sb_addc(b, '\t');
	copy_text(b, v->title);
	sb_addc(b, '\t');
	copy_i64(b, v->account_id);
	sb_addc(b, '\t');
	copy_i64(b, v->value_minor);
	sb_addc(b, '\t');
	copy_text(b, v->currency);
	sb_addc(b, '\t');
	copy_i64(b, v->owner_id);
	sb_addc(b, '\t');
	copy_i64(b, v->stage_id);
	sb_addc(b, '\t');
	copy_text(b, v->product);
	sb_addc(b, '\t');
	copy_text(b, *v->expected_close ? v->expected_close : NULL);
	sb_addc(b, '\t');
	copy_text(b, v->status);
	sb_addc(b, '\t');
	copy_text(b, *v->lost_reason ? v->lost_reason : NULL);
	sb_addc(b, '\t');
	copy_text(b, v->lost_note);
	sb_addc(b, '\t');
	copy_text(b, *v->closed_on ? v->closed_on : NULL);
	sb_addc(b, '\t');
	copy_text(b, created_on);
	sb_addc(b, '\t');
	copy_text(b, *v->closed_on ? v->closed_on : created_on);
	sb_addc(b, '\t');
	copy_text(b, external_id);
	sb_addc(b, '\t');
	copy_i64(b, now);
	sb_addc(b, '\t');
	copy_i64(b, now);
	sb_addc(b, '\t');
	if (run_id)
		copy_i64(b, run_id);
	else
		copy_text(b, NULL);
	sb_addc(b, '\n');
}

enum err import_rows_deal_copy(struct db_conn *c, const struct strbuf *rows, size_t *bad_row)
{
	*bad_row = 0;
	if (!rows->len)
		return E_OK;
	return db_copy_in(c,
			  "COPY deals (org_id, title, account_id, value_minor, currency, owner_id, stage_id, product, "
			  "expected_close, status, lost_reason, lost_note, closed_on, created_on, stage_changed_on, "
			  "external_id, created_at, updated_at, import_run) FROM STDIN",
			  rows->buf, rows->len, bad_row);
}

int64_t import_rows_deal_id(struct db_conn *c, int64_t org_id, const char *external_id)
{
	return DB_I64(c, 0, "SELECT id FROM deals WHERE org_id = $1 AND external_id = $2", P_I(org_id),
		      P_T(external_id));
}

/* its parameters are numbered in the order import_rows_deal_update binds them */
const char *import_rows_deal_update_sql(struct arena *a, unsigned g)
{
	struct strbuf sb = STRBUF_INIT;
	int n = 5;
	sb_adds(&sb, "UPDATE deals SET value_minor = $3, owner_id = $4, updated_at = $5");
	if (g & IMPORT_G_TITLE)
		sb_addf(&sb, ", title = $%d", ++n);
	if (g & IMPORT_G_ACCOUNT)
		sb_addf(&sb, ", account_id = $%d", ++n);
	if (g & IMPORT_G_CURRENCY)
		sb_addf(&sb, ", currency = $%d", ++n);
	if (g & IMPORT_G_PRODUCT)
		sb_addf(&sb, ", product = $%d", ++n);
	if (g & IMPORT_G_STATE) {
		/* SET reads the row as it was, so the old stage decides */
		sb_addf(&sb, ", stage_changed_on = CASE WHEN stage_id <> $%d THEN $%d ELSE stage_changed_on END",
			n + 1, n + 7);
		sb_addf(&sb, ", stage_id = $%d, status = $%d, closed_on = $%d, expected_close = $%d, "
			"lost_reason = $%d, lost_note = $%d", n + 1, n + 2, n + 3, n + 4, n + 5, n + 6);
		n += 7;
	}
	if (g & IMPORT_G_CREATED)
		sb_addf(&sb, ", created_on = COALESCE($%d, created_on)", ++n);	/* NULL: the row has none */
	sb_adds(&sb, " WHERE org_id = $1 AND id = $2");
	char *s = arena_strdup(a, sb.buf);
	sb_release(&sb);
	return s;
}

enum err import_rows_deal_update(struct db_conn *c, const char *sql, unsigned groups, int64_t org_id, int64_t id,
				 const struct import_deal *v, const char *created_on, const char *today, int64_t now)
{
	struct db_param p[20];
	int n = 0;
	p[n++] = P_I(org_id);
	p[n++] = P_I(id);
	p[n++] = P_I(v->value_minor);
	p[n++] = P_I(v->owner_id);
	p[n++] = P_I(now);
	if (groups & IMPORT_G_TITLE)
		p[n++] = P_T(v->title);
	if (groups & IMPORT_G_ACCOUNT)
		p[n++] = P_I(v->account_id);
	if (groups & IMPORT_G_CURRENCY)
		p[n++] = P_T(v->currency);
	if (groups & IMPORT_G_PRODUCT)
		p[n++] = P_T(v->product);
	if (groups & IMPORT_G_STATE) {
		p[n++] = P_I(v->stage_id);
		p[n++] = P_T(v->status);
		p[n++] = P_T(*v->closed_on ? v->closed_on : NULL);
		p[n++] = P_T(*v->expected_close ? v->expected_close : NULL);
		p[n++] = P_T(*v->lost_reason ? v->lost_reason : NULL);
		p[n++] = P_T(v->lost_note);
		p[n++] = P_T(*v->closed_on ? v->closed_on : today);
	}
	if (groups & IMPORT_G_CREATED)
		p[n++] = P_T(created_on && *created_on ? created_on : NULL);
	return db_exec_params(c, sql, p, n);
}

int import_rows_number(struct db_conn *c, int64_t org_id, int targets, int64_t user_id, const char *start,
		       const char *end, int64_t *amount, char currency[8], enum err *e)
{
	struct db_stmt *st = targets
		? DBQ(c, "SELECT amount_minor, currency FROM targets WHERE org_id = $1 AND user_id = $2 AND "
		      "period_start = $3 AND period_end = $4", P_I(org_id), P_I(user_id), P_T(start), P_T(end))
		: DBQ(c, "SELECT amount_minor, currency FROM result_totals WHERE org_id = $1 AND user_id = $2 AND "
		      "period_start = $3 AND period_end = $4", P_I(org_id), P_I(user_id), P_T(start), P_T(end));
	int found = 0;
	if (db_step(st) == DB_ROW) {
		*amount = db_col_i64(st, 0);
		snprintf(currency, 8, "%s", db_col_text(st, 1));
		found = 1;
	}
	*e = db_finish(st);
	return *e ? -1 : found;
}

enum err import_rows_user_rename(struct db_conn *c, int64_t org_id, int64_t user_id, const char *name)
{
	return DBX(c, "UPDATE users SET name = $3 WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(user_id),
		   P_T(name));
}

void import_rows_bulk_begin(struct db_conn *c, struct import_bulk *b)
{
	memset(b, 0, sizeof(*b));
	if (db_conn_kind(c) != DB_SQLITE)
		return;
	/* the default few MiB of page cache spill dirty pages to the WAL over
	 * and over (a million deals took minutes instead of seconds); each
	 * insert into a table with foreign keys keeps a statement journal,
	 * which otherwise goes to a temporary file; and the import commits a
	 * batch every second, each of which would copy the WAL into the
	 * database and sync it (the default checkpoint comes after 1,000
	 * pages): it comes after 256 MiB of WAL instead */
	b->cache_was = DB_I64(c, 0, "PRAGMA cache_size", P_NULL);
	b->temp_was = DB_I64(c, 0, "PRAGMA temp_store", P_NULL);
	b->autocheckpoint_was = DB_I64(c, 1000, "PRAGMA wal_autocheckpoint", P_NULL);
	b->tuned = 1;
	db_exec_script(c, "PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 65536");
}

void import_rows_bulk_end(struct db_conn *c, struct import_bulk *b)
{
	if (!b->tuned)
		return;
	/* PRAGMA takes no parameters; these are numbers SQLite gave us */
	char sql[160];
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %lld; PRAGMA temp_store = %d; PRAGMA wal_autocheckpoint = %lld",
		 (long long)b->cache_was, (int)b->temp_was, (long long)b->autocheckpoint_was);
	db_exec_script(c, sql);
	b->tuned = 0;
}
