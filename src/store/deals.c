/*
 * deals: see deals.h. The health signals of each deal are gathered by
 * correlated subqueries on indexed columns (steps by deal and status,
 * conversations by deal and day), so a board of a team's open deals is one
 * statement.
 */
#include "deals.h"
#include "audit.h"
#include "webhooks.h"
#include "../lib/util.h"
#include "../lib/strbuf.h"
#include <stdio.h>
#include <string.h>

enum err account_create(struct db_conn *c, int64_t org_id, const char *name, int64_t owner_id,
			const char *external_id, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO accounts (org_id, name, owner_id, external_id, created_at) "
				 "VALUES ($1, $2, $3, $4, $5) RETURNING id",
				 P_I(org_id), P_T(name), P_ID(owner_id), P_T(external_id), P_I(now_epoch()));
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

#define ACCOUNT_COLS "a.id, a.name, coalesce(a.owner_id, 0), coalesce(u.name, ''), " \
	"(SELECT count(*) FROM deals d WHERE d.org_id = a.org_id AND d.account_id = a.id AND d.status = 'open')"
#define ACCOUNT_FROM "FROM accounts a LEFT JOIN users u ON u.org_id = a.org_id AND u.id = a.owner_id "

static void read_account(struct db_stmt *st, struct arena *a, struct account *o)
{
	o->id = db_col_i64(st, 0);
	o->name = arena_strdup(a, db_col_text(st, 1));
	o->owner_id = db_col_i64(st, 2);
	o->owner_name = arena_strdup(a, db_col_text(st, 3));
	o->open_deals = db_col_i64(st, 4);
}

/* "%text%" for LIKE, lowercased, with the wildcards the user typed taken
 * literally (the queries say ESCAPE '\\'); "" when there is no text */
static const char *like_pattern(struct arena *a, const char *q)
{
	if (!q || !*q)
		return "";
	size_t n = strlen(q);
	char *p = arena_alloc(a, 2 * n + 3), *o = p;
	*o++ = '%';
	for (const char *s = q; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*o++ = '\\';
		*o++ = (*s >= 'A' && *s <= 'Z') ? (char)(*s - 'A' + 'a') : *s;
	}
	*o++ = '%';
	*o = '\0';
	return p;
}

enum err account_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct account *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " ACCOUNT_COLS " " ACCOUNT_FROM "WHERE a.org_id = $1 AND a.id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_account(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err account_update(struct db_conn *c, int64_t org_id, int64_t id, const char *name)
{
	struct db_stmt *st = DBQ(c, "UPDATE accounts SET name = $3 WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id), P_T(name));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : E_NOTFOUND;
}

enum err account_by_name(struct db_conn *c, int64_t org_id, const char *name, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "SELECT id FROM accounts WHERE org_id = $1 AND lower(name) = lower($2) "
				 "ORDER BY id LIMIT 1", P_I(org_id), P_T(name));
	int r = db_step(st);
	if (r == DB_ROW)
		*id = db_col_i64(st, 0);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err account_list(struct db_conn *c, struct arena *a, int64_t org_id, const char *q, int limit, int offset,
		      struct account **out, size_t *n, int64_t *total)
{
	return account_list_after(c, a, org_id, q, limit, offset, NULL, 0, out, n, total);
}

enum err account_list_after(struct db_conn *c, struct arena *a, int64_t org_id, const char *q, int limit,
			    int offset, const char *after_name, int64_t after_id, struct account **out, size_t *n,
			    int64_t *total)
{
	const char *pat = q && *q ? like_pattern(a, q) : "%";
	/* the count's error is the list's: a count stopped by the time limit
	 * must not show as "0 accounts" */
	struct db_stmt *st = DBQ(c, "SELECT count(*) FROM accounts a WHERE a.org_id = $1 AND lower(a.name) LIKE lower($2) "
				 "ESCAPE '\\'", P_I(org_id), P_T(pat));
	*total = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	enum err e = db_finish(st);
	if (e)
		return e;
	st = DBQ(c, "SELECT " ACCOUNT_COLS " " ACCOUNT_FROM
				 "WHERE a.org_id = $1 AND lower(a.name) LIKE lower($2) ESCAPE '\\' "
				 "AND ($5 = 0 OR (a.name, a.id) > ($6, $5)) ORDER BY a.name, a.id "
				 "LIMIT $3 OFFSET $4", P_I(org_id), P_T(pat), P_I(limit > 0 ? limit : 1000000),
				 P_I(offset), P_I(after_id), P_T(after_name ? after_name : ""));
	size_t cap = 16;
	*n = 0;
	*out = arena_alloc(a, cap * sizeof(struct account));
	while (db_step(st) == DB_ROW) {
		if (*n == cap) {
			struct account *nn = arena_alloc(a, cap * 2 * sizeof(struct account));
			memcpy(nn, *out, cap * sizeof(struct account));
			*out = nn;
			cap *= 2;
		}
		read_account(st, a, &(*out)[(*n)++]);
	}
	return db_finish(st);
}

enum err contact_create(struct db_conn *c, int64_t org_id, int64_t account_id, const char *name,
			const char *title, const char *email, const char *phone, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO contacts (org_id, account_id, name, title, email, phone, created_at) "
				 "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
				 P_I(org_id), P_I(account_id), P_T(name), P_T(title ? title : ""),
				 P_T(email ? email : ""), P_T(phone ? phone : ""), P_I(now_epoch()));
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

enum err contact_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t account_id,
		      struct contact **out, size_t *n)
{
	struct db_stmt *st = DBQ(c, "SELECT id, account_id, name, title, email, phone FROM contacts "
				 "WHERE org_id = $1 AND account_id = $2 ORDER BY name, id", P_I(org_id), P_I(account_id));
	size_t cap = 8;
	*n = 0;
	*out = arena_alloc(a, cap * sizeof(struct contact));
	while (db_step(st) == DB_ROW) {
		if (*n == cap) {
			struct contact *nn = arena_alloc(a, cap * 2 * sizeof(struct contact));
			memcpy(nn, *out, cap * sizeof(struct contact));
			*out = nn;
			cap *= 2;
		}
		struct contact *k = &(*out)[(*n)++];
		k->id = db_col_i64(st, 0);
		k->account_id = db_col_i64(st, 1);
		k->name = arena_strdup(a, db_col_text(st, 2));
		k->title = arena_strdup(a, db_col_text(st, 3));
		k->email = arena_strdup(a, db_col_text(st, 4));
		k->phone = arena_strdup(a, db_col_text(st, 5));
	}
	return db_finish(st);
}

enum err deal_create(struct db_conn *c, int64_t org_id, const struct deal_input *in, const char *today,
		     int64_t *id)
{
	int64_t now = now_epoch();
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_DEAL, org_id, 0);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "INSERT INTO deals (org_id, title, account_id, value_minor, currency, owner_id, "
				 "stage_id, product, expected_close, status, created_on, stage_changed_on, external_id, "
				 "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $10, "
				 "$11, $12, $12) RETURNING id",
				 P_I(org_id), P_T(in->title), P_I(in->account_id), P_I(in->value_minor),
				 P_T(in->currency), P_I(in->owner_id), P_I(in->stage_id),
				 P_T(in->product ? in->product : ""), P_T(in->expected_close && *in->expected_close
									 ? in->expected_close : NULL),
				 P_T(today), P_T(in->external_id), P_I(now));
	int64_t did = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	e = audit_end(c, &ch, "create", did, db_finish(st));
	if (!e && id)
		*id = did;
	return e;
}

enum err deal_update(struct db_conn *c, int64_t org_id, int64_t id, const struct deal_input *in,
		     const char *today)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_DEAL, org_id, id);
	if (e)
		return e;
	/* moving to a stage later in the pipeline is progress */
	struct db_stmt *st = DBQ(c, "UPDATE deals SET title = $3, account_id = $4, value_minor = $5, currency = $6, "
				 "owner_id = $7, product = $9, expected_close = $10, updated_at = $12, "
				 "stage_changed_on = CASE WHEN (SELECT position FROM stages WHERE org_id = $1 AND id = $8) > "
				 "(SELECT position FROM stages WHERE org_id = $1 AND id = deals.stage_id) THEN $11 "
				 "ELSE stage_changed_on END, stage_id = $8 WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id), P_T(in->title), P_I(in->account_id), P_I(in->value_minor),
				 P_T(in->currency), P_I(in->owner_id), P_I(in->stage_id),
				 P_T(in->product ? in->product : ""),
				 P_T(in->expected_close && *in->expected_close ? in->expected_close : NULL),
				 P_T(today), P_I(now_epoch()));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	e = db_finish(st);
	return audit_end(c, &ch, "update", id, e ? e : n ? E_OK : E_NOTFOUND);
}

enum err deal_close(struct db_conn *c, int64_t org_id, int64_t id, const char *status,
		    const char *lost_reason, const char *note, const char *today)
{
	int closed = !strcmp(status, "won") || !strcmp(status, "lost");
	/* one transaction (audit_begin: a savepoint inside the caller's): the
	 * change, its audit row and its webhook event commit together or not
	 * at all */
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_DEAL, org_id, id);
	if (e)
		return e;
	char was[16] = "";
	struct db_stmt *st = DBQ(c, "SELECT status FROM deals WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id));
	if (db_step(st) == DB_ROW)
		snprintf(was, sizeof(was), "%s", db_col_text(st, 0));
	e = db_finish(st);
	/* won and lost deals move to the organisation's won/lost stage */
	if (!e) {
		st = DBQ(c, "UPDATE deals SET status = $3, lost_reason = $4, lost_note = $5, closed_on = $6, "
			 "updated_at = $7, stage_id = coalesce((SELECT id FROM stages WHERE org_id = $1 AND kind = $3 "
			 "ORDER BY position LIMIT 1), stage_id) WHERE org_id = $1 AND id = $2",
			 P_I(org_id), P_I(id), P_T(status),
			 P_T(!strcmp(status, "lost") ? lost_reason : NULL), P_T(note ? note : ""),
			 P_T(closed ? today : NULL), P_I(now_epoch()));
		while (db_step(st) == DB_ROW)
			;
		int64_t n = db_changes(st);
		e = db_finish(st);
		if (!e && !n)
			e = E_NOTFOUND;
	}
	if (!e)
		e = DBX(c, "UPDATE steps SET status = 'cancelled' WHERE org_id = $1 AND deal_id = $2 AND status = 'open'",
			P_I(org_id), P_I(id));
	if (!e && strcmp(was, status))
		e = webhook_on_deal_closed(c, org_id, id, status);	/* webhooks: deal.won / deal.lost */
	return audit_end(c, &ch, status, id, e);
}

enum err deal_reopen(struct db_conn *c, int64_t org_id, int64_t id, const char *today)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_DEAL, org_id, id);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "UPDATE deals SET status = 'open', lost_reason = NULL, lost_note = '', closed_on = NULL, "
				 "updated_at = $3, stage_changed_on = $4, stage_id = CASE WHEN (SELECT kind FROM stages "
				 "WHERE org_id = $1 AND id = deals.stage_id) = 'open' THEN stage_id ELSE "
				 "coalesce((SELECT id FROM stages WHERE org_id = $1 AND kind = 'open' ORDER BY position DESC "
				 "LIMIT 1), stage_id) END WHERE org_id = $1 AND id = $2 AND status <> 'open'",
				 P_I(org_id), P_I(id), P_I(now_epoch()), P_T(today));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	e = db_finish(st);
	return audit_end(c, &ch, "reopen", id, e ? e : n ? E_OK : E_NOTFOUND);
}

/* the columns of a deal with its health signals; $2 is today minus the grace period.
 * The earliest open step is found by the deal's steps index and sorted
 * there: "st.due || ''" (the same order) keeps SQLite from walking the
 * organisation's steps by due date instead, which it would to spare that
 * sort of one or two rows (make bench). */
#define DEAL_COLS \
	"d.id, d.title, d.account_id, a.name, d.value_minor, d.currency, d.owner_id, coalesce(tm.team_id, 0), " \
	"u.name, d.stage_id, s.name, d.product, coalesce(d.expected_close, ''), d.status, " \
	"coalesce(d.lost_reason, ''), d.lost_note, coalesce(d.closed_on, ''), d.created_on, d.stage_changed_on, " \
	"(SELECT st.due FROM steps st WHERE st.org_id = d.org_id AND st.deal_id = d.id AND st.status = 'open' " \
	" ORDER BY st.due || '', st.id LIMIT 1), " \
	"(SELECT st.what FROM steps st WHERE st.org_id = d.org_id AND st.deal_id = d.id AND st.status = 'open' " \
	" ORDER BY st.due || '', st.id LIMIT 1), " \
	"(SELECT st.slips FROM steps st WHERE st.org_id = d.org_id AND st.deal_id = d.id AND st.status = 'open' " \
	" ORDER BY st.due || '', st.id LIMIT 1), " \
	"(SELECT count(*) FROM steps st WHERE st.org_id = d.org_id AND st.deal_id = d.id AND st.status = 'missed' " \
	" AND st.due >= d.stage_changed_on), " \
	"(SELECT count(*) FROM conversations cv WHERE cv.org_id = d.org_id AND cv.deal_id = d.id " \
	" AND cv.held_on >= d.stage_changed_on AND cv.progressed = 0), " \
	"(SELECT max(cv.held_on) FROM conversations cv WHERE cv.org_id = d.org_id AND cv.deal_id = d.id " \
	" AND cv.outcome = 'step'), " \
	"(SELECT coalesce(sum(cv.minutes), 0) FROM conversations cv WHERE cv.org_id = d.org_id AND cv.deal_id = d.id), " \
	"(SELECT count(*) FROM conversations cv WHERE cv.org_id = d.org_id AND cv.deal_id = d.id), s.position "
#define DEAL_FROM \
	"FROM deals d JOIN accounts a ON a.org_id = d.org_id AND a.id = d.account_id " \
	"JOIN users u ON u.org_id = d.org_id AND u.id = d.owner_id " \
	"JOIN stages s ON s.org_id = d.org_id AND s.id = d.stage_id " \
	"LEFT JOIN team_members tm ON tm.org_id = d.org_id AND tm.user_id = d.owner_id "

static void read_deal(struct db_stmt *st, struct arena *a, struct deal *d)
{
	memset(d, 0, sizeof(*d));
	d->id = db_col_i64(st, 0);
	d->title = arena_strdup(a, db_col_text(st, 1));
	d->account_id = db_col_i64(st, 2);
	d->account_name = arena_strdup(a, db_col_text(st, 3));
	d->value_minor = db_col_i64(st, 4);
	d->currency = arena_strdup(a, db_col_text(st, 5));
	d->owner_id = db_col_i64(st, 6);
	d->owner_team_id = db_col_i64(st, 7);
	d->owner_name = arena_strdup(a, db_col_text(st, 8));
	d->stage_id = db_col_i64(st, 9);
	d->stage_name = arena_strdup(a, db_col_text(st, 10));
	d->product = arena_strdup(a, db_col_text(st, 11));
	d->expected_close = arena_strdup(a, db_col_text(st, 12));
	d->status = arena_strdup(a, db_col_text(st, 13));
	d->lost_reason = arena_strdup(a, db_col_text(st, 14));
	d->lost_note = arena_strdup(a, db_col_text(st, 15));
	d->closed_on = arena_strdup(a, db_col_text(st, 16));
	d->created_on = arena_strdup(a, db_col_text(st, 17));
	d->stage_changed_on = arena_strdup(a, db_col_text(st, 18));
	d->sig.has_open_step = !db_col_null(st, 19);
	d->sig.next_due = d->sig.has_open_step ? arena_strdup(a, db_col_text(st, 19)) : NULL;
	d->next_what = arena_strdup(a, db_col_text(st, 20));
	d->sig.next_slips = (int)db_col_i64(st, 21);
	d->sig.missed_steps = (int)db_col_i64(st, 22);
	d->sig.conversations_since_progress = (int)db_col_i64(st, 23);
	const char *last_step = db_col_null(st, 24) ? "" : db_col_text(st, 24);
	/* the last commitment is the later of the last STEP and the last progress */
	d->sig.last_commitment = arena_strdup(a, strcmp(last_step, d->stage_changed_on) > 0 ? last_step
					      : d->stage_changed_on);
	d->sig.created = d->created_on;
	d->minutes = db_col_i64(st, 25);
	d->conversations = db_col_i64(st, 26);
	d->stage_position = db_col_i64(st, 27);
}

enum err deal_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct deal *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " DEAL_COLS DEAL_FROM "WHERE d.org_id = $1 AND d.id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_deal(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

/* the filters of deal_list as one WHERE clause with fixed parameters:
 * a zero or NULL parameter means "no filter", so the SQL text never varies.
 * Whose deals (scope, owner, team) is one list of users that the owner
 * index is searched by: with bound parameters SQLite cannot simplify
 * "$5 = 0 OR ..." when it plans, and would read every deal of the
 * organisation for one team's board (make bench). Every owner is a user of
 * the organisation with at most one team (foreign keys, a unique member),
 * so the list keeps exactly the deals a filter on tm would. */
#define DEAL_SCOPE_USERS \
	"SELECT u.id FROM users u " \
	"  LEFT JOIN team_members um ON um.org_id = u.org_id AND um.user_id = u.id WHERE u.org_id = $1 " \
	"  AND ($2 = 0 OR u.id = $3 OR ($2 = 2 AND um.team_id IN " \
	"    (SELECT t.id FROM teams t WHERE t.org_id = $1 AND t.manager_id = $3))) "
#define DEAL_WHERE \
	"WHERE d.org_id = $1 AND d.owner_id IN (" DEAL_SCOPE_USERS \
	"  AND ($4 = 0 OR u.id = $4) AND ($5 = 0 OR um.team_id = $5)) " \
	"AND ($6 = '' OR d.status = $6) AND ($7 = 0 OR d.stage_id = $7) AND ($8 = 0 OR d.account_id = $8) " \
	"AND ($9 = '' OR lower(d.title) LIKE lower($9) ESCAPE '\\' OR lower(a.name) LIKE lower($9) ESCAPE '\\') "

enum err deal_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct deal_filter *f,
		   struct deal_list *out)
{
	const char *pat = like_pattern(a, f->q);
#define DEAL_PARAMS P_I(org_id), P_I(f->scope), P_I(f->viewer_id), P_I(f->owner_id), P_I(f->team_id), \
	P_T(f->status ? f->status : ""), P_I(f->stage_id), P_I(f->account_id), P_T(pat)
	struct db_stmt *sum = DBQ(c, "SELECT count(*), coalesce(sum(d.value_minor), 0) " DEAL_FROM DEAL_WHERE,
				  DEAL_PARAMS);
	out->total = out->total_value = 0;
	if (db_step(sum) == DB_ROW) {
		out->total = db_col_i64(sum, 0);
		out->total_value = db_col_i64(sum, 1);
	}
	enum err e = db_finish(sum);
	if (e)
		return e;
	/* the row-value comparison is the keyset: SQLite (3.15+) and
	 * PostgreSQL compare (a, b, c) < (x, y, z) in the order of the list */
	struct db_stmt *st = DBQ(c, "SELECT " DEAL_COLS DEAL_FROM DEAL_WHERE
				 "AND ($12 = 0 OR (s.position, coalesce(d.expected_close, '9999'), d.id) > ($13, $14, $12)) "
				 "ORDER BY s.position, coalesce(d.expected_close, '9999'), d.id LIMIT $10 OFFSET $11",
				 DEAL_PARAMS, P_I(f->limit > 0 ? f->limit : 1000000000), P_I(f->offset),
				 P_I(f->after_id), P_I(f->after_position), P_T(f->after_close ? f->after_close : ""));
#undef DEAL_PARAMS
	size_t cap = 32;
	out->n = 0;
	out->items = arena_alloc(a, cap * sizeof(struct deal));
	while (db_step(st) == DB_ROW) {
		if (out->n == cap) {
			struct deal *n = arena_alloc(a, cap * 2 * sizeof(struct deal));
			memcpy(n, out->items, cap * sizeof(struct deal));
			out->items = n;
			cap *= 2;
		}
		read_deal(st, a, &out->items[out->n++]);
	}
	return db_finish(st);
}

enum err deal_strung_counts(struct db_conn *c, struct arena *a, int64_t org_id, enum scope scope, int64_t viewer_id,
			    const struct health_settings *cfg, const char *today, struct owner_count **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	/* every owner of the organisation at most once (ORDER BY owner_id) */
	int64_t users = 0;
	struct db_stmt *cnt = DBQ(c, "SELECT count(*) FROM users WHERE org_id = $1", P_I(org_id));
	if (db_step(cnt) == DB_ROW)
		users = db_col_i64(cnt, 0);
	enum err e = db_finish(cnt);
	if (e)
		return e;
	*out = arena_allocarray(a, users ? (size_t)users : 1, sizeof(**out));
	struct db_stmt *st = DBQ(c, "SELECT s.owner_id, s.created_on, s.next_due, s.next_slips, s.missed_steps, "
				 "s.convs_since_progress, coalesce(s.last_step_on, ''), s.stage_changed_on "
				 "FROM rollup_deal_signals s WHERE s.org_id = $1 AND s.owner_id IN (" DEAL_SCOPE_USERS ") "
				 "ORDER BY s.owner_id",
				 P_I(org_id), P_I(scope), P_I(viewer_id));
	while (db_step(st) == DB_ROW) {
		int64_t owner = db_col_i64(st, 0);
		const char *last_step = db_col_text(st, 6), *changed = db_col_text(st, 7);
		/* as read_deal: the last commitment is the later of the last
		 * STEP and the last progress */
		struct deal_signals sig = {
			.has_open_step = !db_col_null(st, 2),
			.next_due = db_col_null(st, 2) ? NULL : db_col_text(st, 2),
			.next_slips = (int)db_col_i64(st, 3),
			.missed_steps = (int)db_col_i64(st, 4),
			.conversations_since_progress = (int)db_col_i64(st, 5),
			.last_commitment = strcmp(last_step, changed) > 0 ? last_step : changed,
			.created = db_col_text(st, 1),
		};
		if (!deal_health(&sig, cfg, today).strung_along)
			continue;
		if (*n && (*out)[*n - 1].owner_id == owner)
			(*out)[*n - 1].n++;
		else if (*n < (size_t)users)
			(*out)[(*n)++] = (struct owner_count){ owner, 1 };
	}
	return db_finish(st);
}

void deal_assess(struct deal *d, size_t n, const struct health_settings *cfg, const char *today)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(d[i].status, "open")) {
			d[i].health = (struct health_result){ HEALTH_GREEN, 0, 0 };
			continue;
		}
		d[i].health = deal_health(&d[i].sig, cfg, today);
	}
}
