/*
 * numbers: see numbers.h. Targets and imported result totals are rows of one
 * exact period each (a calendar month, a fiscal quarter or year); the
 * target rule of numbers.h — the exact period, else the sum of its months,
 * else (a year) the sum of its quarters — is applied here, in C, to the
 * rows of the whole span asked, so that a grid of 1,000 reps over 24
 * periods costs three queries: the reps, the targets, the results.
 *
 * Every period is made of whole calendar months (quarters and years start
 * at the organisation's fiscal start month), so rows and periods are
 * compared as month numbers (year * 12 + month - 1), and won deals are
 * summed by rep and month once, then by period from those sums.
 *
 * Assumption: one currency per organisation. Results add up value_minor of
 * won deals whatever their currency column says, and targets keep the
 * currency they were set in without conversion.
 *
 * Whose numbers (numbers_scope): the rep; else the members of the team; else
 * the members of the teams the manager leads; else the organisation. Each
 * query comes in four texts, one per kind of scope, so that the planner of
 * either engine sees a plain condition it can search an index by (with
 * bound parameters SQLite cannot simplify "$2 = 0 OR ..." when it plans).
 */
#include "numbers.h"
#include "audit.h"
#include "settings.h"
#include "../lib/util.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- scopes */

/* $1 is the organisation and $2 the id the scope names (0 for the whole
 * organisation) in every scoped query */
#define SC_ORG(col) "$2 = 0"
#define SC_REP(col) col " = $2"
#define SC_TEAM(col) col " IN (SELECT sc_tm.user_id FROM team_members sc_tm " \
	"WHERE sc_tm.org_id = $1 AND sc_tm.team_id = $2)"
#define SC_MANAGER(col) col " IN (SELECT sc_tm.user_id FROM team_members sc_tm " \
	"JOIN teams sc_t ON sc_t.org_id = sc_tm.org_id AND sc_t.id = sc_tm.team_id " \
	"WHERE sc_tm.org_id = $1 AND sc_t.manager_id = $2)"
/* the four texts of a query Q(SC), in the order of scope_kind() */
#define SCOPED(Q) { Q(SC_ORG), Q(SC_REP), Q(SC_TEAM), Q(SC_MANAGER) }

static int scope_kind(const struct numbers_scope *s, int64_t *id)
{
	*id = 0;
	if (!s)
		return 0;
	if (s->rep_id)
		return *id = s->rep_id, 1;
	if (s->team_id)
		return *id = s->team_id, 2;
	if (s->manager_id)
		return *id = s->manager_id, 3;
	return 0;
}

/* ------------------------------------------------------------- helpers */

/* the month number of "YYYY-MM..." (year * 12 + month - 1), -1 if it is not one */
static long month_no(const char *d)
{
	if (!d || strlen(d) < 7)
		return -1;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (d[i] < '0' || d[i] > '9'))
			return -1;
	long y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
	long m = (d[5] - '0') * 10 + (d[6] - '0');
	if (m < 1 || m > 12)
		return -1;
	return y * 12 + m - 1;
}

/* a period as stored: both days valid and in order */
static int period_ok(const struct period *p)
{
	return p && date_valid(p->start) && date_valid(p->end) && strcmp(p->start, p->end) <= 0;
}

static void *grow(struct arena *a, void *old, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return old;
	size_t ncap = *cap ? *cap * 2 : 16;
	void *p = arena_alloc(a, ncap * size);
	if (old && n)
		memcpy(p, old, n * size);
	*cap = ncap;
	return p;
}

const struct id_index *rep_rows_index(struct arena *a, const struct rep_row *reps, size_t n)
{
	int64_t *ids = arena_alloc(a, (n ? n : 1) * sizeof(*ids));
	for (size_t i = 0; i < n; i++)
		ids[i] = reps[i].user_id;
	return id_index_build(a, ids, n);
}

/* ---------------------------------------------------------- settings */

void settings_numbers(struct db_conn *c, struct arena *a, int64_t org_id, struct numbers_settings *out)
{
	memset(out, 0, sizeof(*out));
	out->fiscal_start_month = 1;
	out->currency = "EUR";
	struct db_stmt *st = DBQ(c, "SELECT fiscal_start_month, currency FROM orgs WHERE id = $1", P_I(org_id));
	if (db_step(st) == DB_ROW) {
		int m = (int)db_col_i64(st, 0);
		if (m >= 1 && m <= 12)
			out->fiscal_start_month = m;
		out->currency = arena_strdup(a, db_col_text(st, 1));
	}
	db_finish(st);

	int64_t src = setting_int(c, org_id, "results_source", RESULTS_DEALS);
	out->source = src == RESULTS_IMPORTED ? RESULTS_IMPORTED : RESULTS_DEALS;
	tier_rules_default(&out->rules);
	out->rules.superstar_pct = (int)setting_int(c, org_id, "tier_superstar_pct", out->rules.superstar_pct);
	out->rules.superstar_share_pct = (int)setting_int(c, org_id, "tier_superstar_share_pct",
							  out->rules.superstar_share_pct);
	out->rules.under_pct = (int)setting_int(c, org_id, "tier_under_pct", out->rules.under_pct);
	out->rules.under_periods = (int)setting_int(c, org_id, "tier_under_periods", out->rules.under_periods);
	/* rules stored by hand or by an older version that no longer make
	 * sense fall back to the defaults as a whole */
	const char *field;
	if (tier_rules_check(&out->rules, &field))
		tier_rules_default(&out->rules);
	out->min_sample = (int)setting_int(c, org_id, "excuse_min_sample", 5);
	if (out->min_sample < 1)
		out->min_sample = 5;
}

enum err settings_numbers_save(struct db_conn *c, int64_t org_id, const struct numbers_settings *s)
{
	enum err e = db_begin(c);
	if (e)
		return e;
	e = setting_set_int(c, org_id, "results_source", s->source == RESULTS_IMPORTED ? 1 : 0);
	if (!e)
		e = setting_set_int(c, org_id, "tier_superstar_pct", s->rules.superstar_pct);
	if (!e)
		e = setting_set_int(c, org_id, "tier_superstar_share_pct", s->rules.superstar_share_pct);
	if (!e)
		e = setting_set_int(c, org_id, "tier_under_pct", s->rules.under_pct);
	if (!e)
		e = setting_set_int(c, org_id, "tier_under_periods", s->rules.under_periods);
	if (!e)
		e = setting_set_int(c, org_id, "excuse_min_sample", s->min_sample);
	if (e) {
		db_rollback(c);
		return e;
	}
	return db_commit(c);
}

/* ------------------------------------------------- targets and totals */

/* The upsert of a target or a result total. The user is looked up first (in
 * the organisation, with its currency), so that a stranger is E_NOTFOUND
 * without a failed statement, which in PostgreSQL would spoil a caller's
 * transaction (an import sets thousands in one). The UPDATE tells an
 * existing row; the INSERT's ON CONFLICT covers a row another connection
 * made in between (reported as created, the one inexactness). */
static enum err upsert(struct db_conn *c, const char *upd_sql, const char *ins_sql, int64_t org_id,
		       int64_t user_id, const struct period *p, int64_t amount_minor, const char *currency,
		       int64_t *id, int *created)
{
	if (created)
		*created = 0;
	if (!period_ok(p) || (p->kind != PERIOD_MONTH && p->kind != PERIOD_QUARTER && p->kind != PERIOD_YEAR))
		return E_INVALID;
	char cur[16] = "";
	struct db_stmt *st = DBQ(c, "SELECT o.currency FROM users u JOIN orgs o ON o.id = u.org_id "
				 "WHERE u.org_id = $1 AND u.id = $2", P_I(org_id), P_I(user_id));
	int r = db_step(st);
	if (r == DB_ROW) {
		strncpy(cur, db_col_text(st, 0), sizeof(cur) - 1);
	}
	enum err e = db_finish(st);
	if (e)
		return e;
	if (r != DB_ROW)
		return E_NOTFOUND;
	if (currency && *currency)
		snprintf(cur, sizeof(cur), "%s", currency);
	const char *kind = p->kind == PERIOD_MONTH ? "month" : p->kind == PERIOD_QUARTER ? "quarter" : "year";
	int64_t now = now_epoch(), rid = 0;

	st = db_query(c, upd_sql, (const struct db_param[]){ P_I(org_id), P_I(user_id), P_T(p->start), P_T(p->end),
							      P_T(kind), P_I(amount_minor), P_T(cur), P_I(now) }, 8);
	r = db_step(st);
	if (r == DB_ROW)
		rid = db_col_i64(st, 0);
	if ((e = db_finish(st)))
		return e;
	if (r == DB_ROW) {
		if (id)
			*id = rid;
		return E_OK;
	}
	st = db_query(c, ins_sql, (const struct db_param[]){ P_I(org_id), P_I(user_id), P_T(p->start), P_T(p->end),
							      P_T(kind), P_I(amount_minor), P_T(cur), P_I(now) }, 8);
	r = db_step(st);
	if (r == DB_ROW)
		rid = db_col_i64(st, 0);
	e = db_finish(st);
	/* the foreign key, should the user have gone in between */
	if (e == E_INVALID)
		return E_NOTFOUND;
	if (e)
		return e;
	if (id)
		*id = rid;
	if (created)
		*created = 1;
	return E_OK;
}

#define UPSERT_UPDATE(table) "UPDATE " table " SET kind = $5, amount_minor = $6, currency = $7, updated_at = $8 " \
	"WHERE org_id = $1 AND user_id = $2 AND period_start = $3 AND period_end = $4 RETURNING id"
#define UPSERT_INSERT(table) "INSERT INTO " table " (org_id, user_id, period_start, period_end, kind, " \
	"amount_minor, currency, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) " \
	"ON CONFLICT (org_id, user_id, period_start, period_end) DO UPDATE SET kind = excluded.kind, " \
	"amount_minor = excluded.amount_minor, currency = excluded.currency, updated_at = excluded.updated_at " \
	"RETURNING id"

enum err target_set(struct db_conn *c, int64_t org_id, int64_t user_id, const struct period *p,
		    int64_t amount_minor, const char *currency, int64_t *id, int *created)
{
	if (amount_minor < 0)
		return E_INVALID;
	/* audit: the target as it was (none: a creation); an import's targets
	 * are its one row's, and cost no look-up */
	int64_t was = 0, tid = 0;
	if (audit_wanted(c) && period_ok(p))
		was = DB_I64(c, 0, "SELECT id FROM targets WHERE org_id = $1 AND user_id = $2 AND period_start = $3 "
			     "AND period_end = $4", P_I(org_id), P_I(user_id), P_T(p->start), P_T(p->end));
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_TARGET, org_id, was);
	if (e)
		return e;
	e = upsert(c, UPSERT_UPDATE("targets"), UPSERT_INSERT("targets"), org_id, user_id, p, amount_minor,
		   currency, &tid, created);
	e = audit_end(c, &ch, was ? "update" : "create", tid, e);
	if (!e && id)
		*id = tid;
	return e;
}

enum err result_total_set(struct db_conn *c, int64_t org_id, int64_t user_id, const struct period *p,
			  int64_t amount_minor, const char *currency, int64_t *id, int *created)
{
	/* a negative total is possible: credit notes in a quiet month */
	return upsert(c, UPSERT_UPDATE("result_totals"), UPSERT_INSERT("result_totals"), org_id, user_id, p,
		      amount_minor, currency, id, created);
}

#define TARGET_COLS "t.id, t.user_id, u.name, u.email, t.period_start, t.period_end, t.amount_minor, " \
	"t.currency, t.updated_at, t.kind"
#define TARGET_FROM "FROM targets t JOIN users u ON u.org_id = t.org_id AND u.id = t.user_id "

/* The period of a row. Should the fiscal start have moved since the row was
 * set, its bounds are no longer a quarter or year of the organisation: the
 * row keeps its kind and days, with an empty label. */
static void read_target(struct db_stmt *st, struct arena *a, int fiscal_start_month, struct target *t)
{
	memset(t, 0, sizeof(*t));
	t->id = db_col_i64(st, 0);
	t->user_id = db_col_i64(st, 1);
	t->user_name = arena_strdup(a, db_col_text(st, 2));
	t->user_email = arena_strdup(a, db_col_text(st, 3));
	const char *start = db_col_text(st, 4), *end = db_col_text(st, 5);
	if (period_from_bounds(start, end, fiscal_start_month, &t->period)) {
		memset(&t->period, 0, sizeof(t->period));
		int k = period_kind_parse(db_col_text(st, 9));
		t->period.kind = k < 0 ? PERIOD_MONTH : (enum period_kind)k;
		snprintf(t->period.start, sizeof(t->period.start), "%s", start);
		snprintf(t->period.end, sizeof(t->period.end), "%s", end);
	}
	t->amount_minor = db_col_i64(st, 6);
	t->currency = arena_strdup(a, db_col_text(st, 7));
	t->updated_at = db_col_i64(st, 8);
}

enum err target_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, int fiscal_start_month,
		    struct target *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " TARGET_COLS " " TARGET_FROM "WHERE t.org_id = $1 AND t.id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_target(st, a, fiscal_start_month, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err target_delete(struct db_conn *c, int64_t org_id, int64_t id)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_TARGET, org_id, id);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "DELETE FROM targets WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	e = db_finish(st);
	return audit_end(c, &ch, "delete", id, e ? e : n ? E_OK : E_NOTFOUND);
}

#define TARGETS_WHERE(SC) "WHERE t.org_id = $1 AND " SC("t.user_id") " AND t.period_start >= $3 AND t.period_end <= $4 "
#define TARGETS_LIST(SC) "SELECT " TARGET_COLS " " TARGET_FROM TARGETS_WHERE(SC) \
	"ORDER BY t.period_start DESC, t.period_end DESC, u.name, t.id LIMIT $5 OFFSET $6"
#define TARGETS_COUNT(SC) "SELECT count(*) FROM targets t " TARGETS_WHERE(SC)
static const char *const targets_list_sql[4] = SCOPED(TARGETS_LIST);

/* the latest day with a target or a result on or before $3, in one pass per
 * table; each max() reads the end of an index range */
#define LATEST_DEALS(SC) "SELECT max(x) FROM (" \
	"SELECT max(t.period_start) AS x FROM targets t WHERE t.org_id = $1 AND t.period_start <= $3 AND " \
	SC("t.user_id") " UNION ALL SELECT max(d.closed_on) FROM deals d WHERE d.org_id = $1 AND " \
	"d.status = 'won' AND d.closed_on <= $3 AND " SC("d.owner_id") ") latest"
#define LATEST_IMPORTED(SC) "SELECT max(x) FROM (" \
	"SELECT max(t.period_start) AS x FROM targets t WHERE t.org_id = $1 AND t.period_start <= $3 AND " \
	SC("t.user_id") " UNION ALL SELECT max(rt.period_start) FROM result_totals rt WHERE rt.org_id = $1 AND " \
	"rt.period_start <= $3 AND " SC("rt.user_id") ") latest"
static const char *const latest_deals_sql[4] = SCOPED(LATEST_DEALS);
static const char *const latest_imported_sql[4] = SCOPED(LATEST_IMPORTED);

enum err numbers_latest_data_day(struct db_conn *c, struct arena *a, int64_t org_id, const struct numbers_scope *s,
				 enum results_source source, const char *day, const char **out)
{
	*out = "";
	int64_t sid;
	int k = scope_kind(s, &sid);
	const char *sql = source == RESULTS_IMPORTED ? latest_imported_sql[k] : latest_deals_sql[k];
	struct db_stmt *st = db_query(c, sql, (const struct db_param[]){ P_I(org_id), P_I(sid), P_T(day) }, 3);
	if (db_step(st) == DB_ROW && date_valid(db_col_text(st, 0)))
		*out = arena_strdup(a, db_col_text(st, 0));
	return db_finish(st);
}
static const char *const targets_count_sql[4] = SCOPED(TARGETS_COUNT);

enum err targets_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct numbers_scope *s,
		      const char *from, const char *to, int fiscal_start_month, int64_t limit, int64_t offset,
		      struct target **out, size_t *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	if (total)
		*total = 0;
	int64_t sid;
	int k = scope_kind(s, &sid);
	/* open bounds as days before and after any there is */
	const char *lo = from && *from ? from : "0000-01-01", *hi = to && *to ? to : "9999-12-31";
	if (total) {
		struct db_stmt *st = db_query(c, targets_count_sql[k], (const struct db_param[]){
			P_I(org_id), P_I(sid), P_T(lo), P_T(hi) }, 4);
		if (db_step(st) == DB_ROW)
			*total = db_col_i64(st, 0);
		enum err e = db_finish(st);
		if (e)
			return e;
	}
	struct db_stmt *st = db_query(c, targets_list_sql[k], (const struct db_param[]){
		P_I(org_id), P_I(sid), P_T(lo), P_T(hi), P_I(limit > 0 ? limit : INT64_MAX),
		P_I(offset > 0 ? offset : 0) }, 6);
	size_t cap = 0;
	struct target *v = NULL;
	while (db_step(st) == DB_ROW) {
		v = grow(a, v, &cap, *n, sizeof(*v));
		read_target(st, a, fiscal_start_month, &v[(*n)++]);
	}
	*out = v;
	return db_finish(st);
}

/* -------------------------------------------------------------- grid */

/* The rule of numbers.h, gathered row by row: per cell the exact row, the
 * sum of the monthly rows inside and (for a year) of the quarterly ones. */
struct acc {
	int64_t exact, months, quarters;
	unsigned char has_exact, has_months, has_quarters;
};

/* a period as month numbers */
struct span {
	long first, last;
};

static void acc_add(struct acc *row, const struct period *periods, const struct span *ps, size_t np,
		    const char *start, const char *end, int64_t amount)
{
	long f = month_no(start), l = month_no(end);
	if (f < 0 || l < f)
		return;
	long len = l - f + 1;
	for (size_t j = 0; j < np; j++) {
		if (f < ps[j].first || l > ps[j].last)
			continue;
		struct acc *x = &row[j];
		if (f == ps[j].first && l == ps[j].last && !strcmp(start, periods[j].start) &&
		    !strcmp(end, periods[j].end)) {
			x->exact = amount;
			x->has_exact = 1;
		} else if (len == 1) {
			x->months += amount;
			x->has_months = 1;
		} else if (len == 3 && periods[j].kind == PERIOD_YEAR) {
			x->quarters += amount;
			x->has_quarters = 1;
		}
	}
}

/* the value of a cell by the rule; 0 when nothing applies */
static int acc_value(const struct acc *x, int64_t *v)
{
	if (x->has_exact)
		return *v = x->exact, 1;
	if (x->has_months)
		return *v = x->months, 1;
	if (x->has_quarters)
		return *v = x->quarters, 1;
	return *v = 0, 0;
}

#define REP_COLS "u.id, coalesce(tm.team_id, 0), u.name, u.email, coalesce(t.name, ''), " \
	"coalesce(t.territory, ''), coalesce(t.segment, ''), " \
	"CASE WHEN u.active = 1 AND u.role = 'rep' THEN 1 ELSE 0 END"
#define REP_FROM "FROM users u LEFT JOIN team_members tm ON tm.org_id = u.org_id AND tm.user_id = u.id " \
	"LEFT JOIN teams t ON t.org_id = tm.org_id AND t.id = tm.team_id "

static void read_rep(struct db_stmt *st, struct arena *a, struct rep_row *r)
{
	r->user_id = db_col_i64(st, 0);
	r->team_id = db_col_i64(st, 1);
	r->name = arena_strdup(a, db_col_text(st, 2));
	r->email = arena_strdup(a, db_col_text(st, 3));
	r->team_name = arena_strdup(a, db_col_text(st, 4));
	r->territory = arena_strdup(a, db_col_text(st, 5));
	r->segment = arena_strdup(a, db_col_text(st, 6));
}

/* The reps of the scope: the active reps, and whoever has a target or a
 * result total within the span ($3..$4). The span is wider than the
 * periods when they are not consecutive; numbers_grid_load keeps those
 * others only when a row counts in one of the periods. */
#define REPS_SQL(SC) "SELECT " REP_COLS " " REP_FROM "WHERE u.org_id = $1 AND " SC("u.id") \
	" AND ((u.active = 1 AND u.role = 'rep') " \
	"OR EXISTS (SELECT 1 FROM targets x WHERE x.org_id = u.org_id AND x.user_id = u.id " \
	"  AND x.period_start >= $3 AND x.period_end <= $4) " \
	"OR EXISTS (SELECT 1 FROM result_totals x WHERE x.org_id = u.org_id AND x.user_id = u.id " \
	"  AND x.period_start >= $3 AND x.period_end <= $4)) ORDER BY u.name, u.id"
/* period_start <= $4 follows from the other two; it bounds the range of
 * the index (org_id, period_start, ...) read, which would otherwise run on
 * to the organisation's last target (next year's, when they are set) */
#define ROWS_SQL(table, SC) "SELECT r.user_id, r.period_start, r.period_end, r.amount_minor FROM " table " r " \
	"WHERE r.org_id = $1 AND " SC("r.user_id") " AND r.period_start >= $3 AND r.period_start <= $4 " \
	"AND r.period_end <= $4"
#define TARGET_ROWS(SC) ROWS_SQL("targets", SC)
#define TOTAL_ROWS(SC) ROWS_SQL("result_totals", SC)
/* won deals one by one rather than grouped: SQLite reads them from the
 * index deals_closed_owner in closing order, and summing by rep and month
 * here spares it sorting the organisation's two years of deals */
#define WON_SQL(SC) "SELECT d.owner_id, d.closed_on, d.value_minor FROM deals d WHERE d.org_id = $1 " \
	"AND d.status = 'won' AND d.closed_on >= $3 AND d.closed_on <= $4 AND " SC("d.owner_id")
static const char *const reps_sql[4] = SCOPED(REPS_SQL);
static const char *const target_rows_sql[4] = SCOPED(TARGET_ROWS);
static const char *const total_rows_sql[4] = SCOPED(TOTAL_ROWS);
static const char *const won_sql[4] = SCOPED(WON_SQL);
/* speed (issue 15): the same sums from the roll-up of won deals by owner and
 * closing month (migration 0027), when the span is whole months: a row per
 * rep and month instead of one per deal, however long the history */
#define WON_MONTHS_SQL(SC) "SELECT r.rep_id, r.month, r.value_minor FROM rollup_won_months r WHERE r.org_id = $1 " \
	"AND r.month >= substr($3, 1, 7) AND r.month <= substr($4, 1, 7) AND r.n <> 0 AND " SC("r.rep_id")
static const char *const won_months_sql[4] = SCOPED(WON_MONTHS_SQL);
/* speed (issues 11 and 15): a grid of single months reads its targets and
 * its won deals from the one roll-up (migration 0040): per rep and month the
 * targets within the month (how many, their sum) and the one set for
 * exactly the month, beside the won deals — a row per rep and month instead
 * of a target row with its dates and a won month's row */
#define MONTHS_SQL(SC) "SELECT r.rep_id, r.month, r.value_minor, r.target_n, r.target_minor, r.exact_n, " \
	"r.exact_minor FROM rollup_won_months r WHERE r.org_id = $1 AND r.month >= substr($3, 1, 7) " \
	"AND r.month <= substr($4, 1, 7) AND (r.n <> 0 OR r.target_n <> 0) AND " SC("r.rep_id")
static const char *const months_sql[4] = SCOPED(MONTHS_SQL);

/* lo is the first day of its month and hi the last of its */
static int whole_months(const char *lo, const char *hi)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (strcmp(lo + 8, "01"))
		return 0;
	int y = atoi(hi), m = atoi(hi + 5), d = atoi(hi + 8);
	int last = mdays[m - 1] + (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
	return d == last;
}

/* the period of each month of the span (m0 + 0 .. nmonths - 1) when every
 * period is one whole calendar month, none twice (month_of[m] = -1 for a
 * month no period is); NULL otherwise */
static long *single_months(struct arena *a, const struct period *periods, const struct span *ps, size_t np,
			   long m0, long nmonths)
{
	long *month_of = arena_alloc(a, (size_t)nmonths * sizeof(long));
	for (long m = 0; m < nmonths; m++)
		month_of[m] = -1;
	for (size_t j = 0; j < np; j++) {
		long m = ps[j].first - m0;
		if (ps[j].first != ps[j].last || !whole_months(periods[j].start, periods[j].end) || month_of[m] >= 0)
			return NULL;
		month_of[m] = (long)j;
	}
	return month_of;
}

/* reads rows of targets or result totals into the accumulators of the
 * grid's reps (a row of anyone else is passed over) */
static enum err read_rows(struct db_conn *c, const char *sql, int64_t org_id, int64_t sid, const char *lo,
			  const char *hi, const struct id_index *keys, const struct period *periods,
			  const struct span *ps, size_t np, struct acc *acc)
{
	struct db_stmt *st = db_query(c, sql, (const struct db_param[]){ P_I(org_id), P_I(sid), P_T(lo), P_T(hi) }, 4);
	while (db_step(st) == DB_ROW) {
		long i = id_index_find(keys, db_col_i64(st, 0));
		if (i < 0)
			continue;
		acc_add(&acc[(size_t)i * np], periods, ps, np, db_col_text(st, 1), db_col_text(st, 2),
			db_col_i64(st, 3));
	}
	return db_finish(st);
}

/* the longest span of months a grid covers (a hundred years) */
#define MAX_SPAN_MONTHS 1200

enum err numbers_grid_load(struct db_conn *c, struct arena *a, int64_t org_id, const struct numbers_scope *s,
			   const struct period *periods, size_t nperiods, enum results_source src,
			   struct numbers_grid *out)
{
	memset(out, 0, sizeof(*out));
	out->nperiods = nperiods;
	size_t np = nperiods;
	struct span *ps = arena_alloc(a, (np ? np : 1) * sizeof(*ps));
	const char *lo = "9999-12-31", *hi = "0000-01-01";
	for (size_t j = 0; j < np; j++) {
		if (!period_ok(&periods[j]))
			return E_INVALID;
		ps[j].first = month_no(periods[j].start);
		ps[j].last = month_no(periods[j].end);
		if (strcmp(periods[j].start, lo) < 0)
			lo = periods[j].start;
		if (strcmp(periods[j].end, hi) > 0)
			hi = periods[j].end;
	}
	long m0 = np ? month_no(lo) : 0, nmonths = np ? month_no(hi) - m0 + 1 : 0;
	if (nmonths > MAX_SPAN_MONTHS)
		return E_INVALID;
	int64_t sid;
	int k = scope_kind(s, &sid);

	/* the reps */
	size_t cap = 0, n = 0;
	struct rep_row *reps = NULL;
	unsigned char *is_rep = NULL;
	size_t rcap = 0;
	struct db_stmt *st = db_query(c, reps_sql[k], (const struct db_param[]){ P_I(org_id), P_I(sid), P_T(lo),
										   P_T(hi) }, 4);
	while (db_step(st) == DB_ROW) {
		reps = grow(a, reps, &cap, n, sizeof(*reps));
		is_rep = grow(a, is_rep, &rcap, n, 1);
		read_rep(st, a, &reps[n]);
		is_rep[n] = (unsigned char)db_col_i64(st, 7);
		n++;
	}
	enum err e = db_finish(st);
	if (e)
		return e;
	out->reps = reps;
	out->nreps = n;
	size_t ncells = n * np;
	out->has_target = arena_alloc(a, ncells ? ncells : 1);
	out->target_minor = arena_alloc(a, (ncells ? ncells : 1) * sizeof(int64_t));
	out->result_minor = arena_alloc(a, (ncells ? ncells : 1) * sizeof(int64_t));
	out->team_id = arena_alloc(a, (n ? n : 1) * sizeof(int64_t));
	for (size_t i = 0; i < n; i++)
		out->team_id[i] = reps[i].team_id;
	if (!n || !np)
		return E_OK;

	const struct id_index *keys = rep_rows_index(a, reps, n);

	unsigned char *counts = arena_alloc(a, n);	/* has a row in one of the periods */
	struct acc *acc = NULL;	/* the rows read one by one, when they are */
	const long *month_of = single_months(a, periods, ps, np, m0, nmonths);
	if (month_of) {
		/* targets (the rule of numbers.h for a month: the target set
		 * for exactly it, failing that the sum of those inside it) and
		 * won deals, from the roll-up */
		st = db_query(c, months_sql[k], (const struct db_param[]){ P_I(org_id), P_I(sid), P_T(lo), P_T(hi) }, 4);
		while (db_step(st) == DB_ROW) {
			long i = id_index_find(keys, db_col_i64(st, 0));
			long m = month_no(db_col_text(st, 1)) - m0;
			if (i < 0 || m < 0 || m >= nmonths || month_of[m] < 0)
				continue;
			size_t x = (size_t)i * np + (size_t)month_of[m];
			if (db_col_i64(st, 3) > 0) {
				out->has_target[x] = 1;
				out->target_minor[x] = db_col_i64(st, 5) > 0 ? db_col_i64(st, 6) : db_col_i64(st, 4);
				counts[i] = 1;
			}
			if (src != RESULTS_IMPORTED)
				out->result_minor[x] = db_col_i64(st, 2);
		}
		if ((e = db_finish(st)))
			return e;
	} else {
		/* targets */
		acc = arena_alloc(a, ncells * sizeof(*acc));
		if ((e = read_rows(c, target_rows_sql[k], org_id, sid, lo, hi, keys, periods, ps, np, acc)))
			return e;
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < np; j++) {
				size_t x = i * np + j;
				out->has_target[x] = (unsigned char)acc_value(&acc[x], &out->target_minor[x]);
				if (out->has_target[x])
					counts[i] = 1;
			}
	}

	/* results */
	if (src == RESULTS_IMPORTED) {
		if (acc)
			memset(acc, 0, ncells * sizeof(*acc));
		else
			acc = arena_alloc(a, ncells * sizeof(*acc));
		if ((e = read_rows(c, total_rows_sql[k], org_id, sid, lo, hi, keys, periods, ps, np, acc)))
			return e;
		for (size_t x = 0; x < ncells; x++)
			if (acc_value(&acc[x], &out->result_minor[x]))
				counts[x / np] = 1;
	} else if (!month_of) {
		/* by rep and month, then each period from running sums */
		size_t nm = (size_t)nmonths;
		int64_t *cum = arena_alloc(a, n * (nm + 1) * sizeof(int64_t));
		st = db_query(c, whole_months(lo, hi) ? won_months_sql[k] : won_sql[k],
			      (const struct db_param[]){ P_I(org_id), P_I(sid), P_T(lo), P_T(hi) }, 4);
		while (db_step(st) == DB_ROW) {
			long i = id_index_find(keys, db_col_i64(st, 0));
			long m = month_no(db_col_text(st, 1)) - m0;
			if (i >= 0 && m >= 0 && m < nmonths)
				cum[(size_t)i * (nm + 1) + (size_t)m + 1] += db_col_i64(st, 2);
		}
		if ((e = db_finish(st)))
			return e;
		for (size_t i = 0; i < n; i++) {
			int64_t *r = &cum[i * (nm + 1)];
			for (size_t m = 1; m <= nm; m++)
				r[m] += r[m - 1];
			for (size_t j = 0; j < np; j++)
				out->result_minor[i * np + j] = r[ps[j].last - m0 + 1] - r[ps[j].first - m0];
		}
	}

	/* drop those who are not reps and have nothing in these periods */
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		if (!is_rep[i] && !counts[i])
			continue;
		if (w != i) {
			reps[w] = reps[i];
			memmove(&out->has_target[w * np], &out->has_target[i * np], np);
			memmove(&out->target_minor[w * np], &out->target_minor[i * np], np * sizeof(int64_t));
			memmove(&out->result_minor[w * np], &out->result_minor[i * np], np * sizeof(int64_t));
		}
		w++;
	}
	out->nreps = w;
	out->team_id = arena_alloc(a, (w ? w : 1) * sizeof(int64_t));
	for (size_t i = 0; i < w; i++)
		out->team_id[i] = reps[i].team_id;
	return E_OK;
}

/* ------------------------------------------------------------- daily */

/* An imported total counts on the last day of its period: a monthly total
 * shows as a step at each month's end. The totals that count follow the
 * rule of numbers.h, so the last day's value is the grid's result. */
enum err numbers_daily(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const struct period *p,
		       enum results_source src, int64_t **cumulative, size_t *n)
{
	*cumulative = NULL;
	*n = 0;
	if (!period_ok(p))
		return E_INVALID;
	int days = period_days(p);
	if (days <= 0)
		return E_INVALID;
	int64_t *v = arena_alloc(a, (size_t)days * sizeof(int64_t));
	enum err e;
	if (src == RESULTS_IMPORTED) {
		struct db_stmt *st = DBQ(c, "SELECT period_start, period_end, amount_minor FROM result_totals "
					 "WHERE org_id = $1 AND user_id = $2 AND period_start >= $3 AND period_end <= $4",
					 P_I(org_id), P_I(rep_id), P_T(p->start), P_T(p->end));
		/* by kind of row: 0 exact, 1 months, 2 quarters (in a year); the
		 * first kind present wins */
		int64_t day_amount[3][12] = { { 0 } };
		long day_of[3][12];
		size_t cnt[3] = { 0, 0, 0 };
		long f0 = month_no(p->start), l0 = month_no(p->end);
		while (db_step(st) == DB_ROW) {
			const char *rs = db_col_text(st, 0), *re = db_col_text(st, 1);
			long f = month_no(rs), l = month_no(re);
			int kind = !strcmp(rs, p->start) && !strcmp(re, p->end) ? 0
				: f >= 0 && f == l ? 1
				: f >= 0 && l - f == 2 && p->kind == PERIOD_YEAR ? 2 : -1;
			if (kind < 0 || f < f0 || l > l0 || cnt[kind] == 12)
				continue;
			day_of[kind][cnt[kind]] = day_diff(p->start, re);
			day_amount[kind][cnt[kind]++] = db_col_i64(st, 2);
		}
		if ((e = db_finish(st)))
			return e;
		for (int kind = 0; kind < 3; kind++)
			if (cnt[kind]) {
				for (size_t i = 0; i < cnt[kind]; i++)
					if (day_of[kind][i] >= 0 && day_of[kind][i] < days)
						v[day_of[kind][i]] += day_amount[kind][i];
				break;
			}
	} else {
		struct db_stmt *st = DBQ(c, "SELECT closed_on, value_minor FROM deals WHERE org_id = $1 AND owner_id = $2 "
					 "AND status = 'won' AND closed_on >= $3 AND closed_on <= $4",
					 P_I(org_id), P_I(rep_id), P_T(p->start), P_T(p->end));
		while (db_step(st) == DB_ROW) {
			const char *d = db_col_text(st, 0);
			if (!date_valid(d))
				continue;
			long i = day_diff(p->start, d);
			if (i >= 0 && i < days)
				v[i] += db_col_i64(st, 1);
		}
		if ((e = db_finish(st)))
			return e;
	}
	for (int i = 1; i < days; i++)
		v[i] += v[i - 1];
	*cumulative = v;
	*n = (size_t)days;
	return E_OK;
}

/* ------------------------------------------------------ excuse check */

/* a group of lost deals: owner, product, reason, how many */
struct loss {
	int64_t owner;
	const char *product, *reason;
	int64_t n;
};

/* by owner, product, reason (bytewise, as SQLite's BINARY collation) */
static int loss_cmp(const void *x, const void *y)
{
	const struct loss *l = x, *r = y;
	if (l->owner != r->owner)
		return l->owner < r->owner ? -1 : 1;
	int c = strcmp(l->product, r->product);
	return c ? c : strcmp(l->reason, r->reason);
}

static int str_cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* reasons of a product: most of the rep's losses first, then most of the
 * peers', then by name */
struct reason_sort {
	const char *reason;
	int64_t rep_n, peer_n;
};

static int reason_cmp(const void *x, const void *y)
{
	const struct reason_sort *a = x, *b = y;
	if (a->rep_n != b->rep_n)
		return a->rep_n > b->rep_n ? -1 : 1;
	if (a->peer_n != b->peer_n)
		return a->peer_n > b->peer_n ? -1 : 1;
	return strcmp(a->reason, b->reason);
}

/* products: most of the rep's losses first, then by name */
static int product_cmp(const void *x, const void *y)
{
	const struct excuse_product *a = x, *b = y;
	if (a->rep_total != b->rep_total)
		return a->rep_total > b->rep_total ? -1 : 1;
	return strcmp(a->product, b->product);
}

enum err excuse_data_load(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
			  const struct period *p, enum results_source src, struct excuse_data *out)
{
	memset(out, 0, sizeof(*out));
	out->rep_attainment = NAN;
	if (!period_ok(p))
		return E_INVALID;

	/* the rep, whether or not they count as a rep in the grid */
	struct db_stmt *st = DBQ(c, "SELECT " REP_COLS " " REP_FROM "WHERE u.org_id = $1 AND u.id = $2",
				 P_I(org_id), P_I(rep_id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_rep(st, a, &out->rep);
	enum err e = db_finish(st);
	if (e)
		return e;
	if (r != DB_ROW)
		return E_NOTFOUND;
	const char *terr = out->rep.territory, *seg = out->rep.segment;

	/* everyone's attainment in the period */
	struct numbers_grid g;
	struct numbers_scope org = { 0, 0, 0 };
	if ((e = numbers_grid_load(c, a, org_id, &org, p, 1, src, &g)))
		return e;
	out->territory_peers = arena_alloc(a, (g.nreps ? g.nreps : 1) * sizeof(double));
	out->segment_peers = arena_alloc(a, (g.nreps ? g.nreps : 1) * sizeof(double));
	/* peers[i]: rep i is a peer for the lost reasons */
	unsigned char *peer = arena_alloc(a, g.nreps ? g.nreps : 1);
	for (size_t i = 0; i < g.nreps; i++) {
		const struct rep_row *x = &g.reps[i];
		int with_target = g.has_target[i] && g.target_minor[i] > 0;
		double att = with_target ? (double)g.result_minor[i] / (double)g.target_minor[i] : NAN;
		if (x->user_id == rep_id) {
			out->has_target = g.has_target[i];
			out->rep_attainment = att;
			continue;
		}
		if (with_target && *terr && !strcmp(x->territory, terr))
			out->territory_peers[out->nterritory++] = att;
		if (with_target && *seg && !strcmp(x->segment, seg))
			out->segment_peers[out->nsegment++] = att;
		peer[i] = !*terr || !strcmp(x->territory, terr);
	}
	const struct id_index *keys = rep_rows_index(a, g.reps, g.nreps);

	/* the period's lost deals by owner, product and reason; a deal lost
	 * without a reason counts as "other". Counted here, not by a GROUP BY:
	 * SQLite sorted the rows in a temporary b-tree for it, 22 of the rep
	 * page's 47 ms at 1,000 reps (19,000 lost deals in the quarter), where
	 * reading the index range takes 1.5 ms. Only the rep's and their
	 * peers' rows are kept; sorted and merged, they are what the GROUP BY
	 * gave, in its order. */
	st = DBQ(c, "SELECT d.owner_id, d.product, d.lost_reason FROM deals d "
		 "WHERE d.org_id = $1 AND d.status = 'lost' AND d.closed_on >= $2 AND d.closed_on <= $3",
		 P_I(org_id), P_T(p->start), P_T(p->end));
	size_t cap = 0, nl = 0;
	struct loss *ls = NULL;
	while (db_step(st) == DB_ROW) {
		int64_t owner = db_col_i64(st, 0);
		if (owner != rep_id) {
			long i = id_index_find(keys, owner);
			if (i < 0 || !peer[i])
				continue;
		}
		const char *why = db_col_null(st, 2) ? "" : db_col_text(st, 2);
		ls = grow(a, ls, &cap, nl, sizeof(*ls));
		ls[nl++] = (struct loss){ owner, arena_strdup(a, db_col_text(st, 1)),
					  *why ? arena_strdup(a, why) : "other", 1 };
	}
	if ((e = db_finish(st)))
		return e;
	if (nl)	/* ls is NULL without a row */
		qsort(ls, nl, sizeof(*ls), loss_cmp);
	size_t merged = 0;
	for (size_t i = 0; i < nl; i++) {
		if (merged && !loss_cmp(&ls[merged - 1], &ls[i]))
			ls[merged - 1].n += ls[i].n;
		else
			ls[merged++] = ls[i];
	}
	nl = merged;

	/* the rep's products */
	const char **prods = arena_alloc(a, (nl ? nl : 1) * sizeof(char *));
	size_t nprod = 0;
	for (size_t i = 0; i < nl; i++)
		if (ls[i].owner == rep_id)
			prods[nprod++] = ls[i].product;
	qsort(prods, nprod, sizeof(char *), str_cmp);
	size_t u = 0;
	for (size_t i = 0; i < nprod; i++)
		if (!u || strcmp(prods[u - 1], prods[i]))
			prods[u++] = prods[i];
	nprod = u;

	out->products = arena_alloc(a, (nprod ? nprod : 1) * sizeof(*out->products));
	out->nproducts = nprod;
	struct reason_sort *rs = arena_alloc(a, (nl ? nl : 1) * sizeof(*rs));
	for (size_t pi = 0; pi < nprod; pi++) {
		struct excuse_product *xp = &out->products[pi];
		xp->product = prods[pi];
		size_t nr = 0;
		for (size_t i = 0; i < nl; i++) {
			if (strcmp(ls[i].product, xp->product))
				continue;
			size_t j = 0;
			while (j < nr && strcmp(rs[j].reason, ls[i].reason))
				j++;
			if (j == nr)
				rs[nr++] = (struct reason_sort){ ls[i].reason, 0, 0 };
			if (ls[i].owner == rep_id) {
				rs[j].rep_n += ls[i].n;
				xp->rep_total += ls[i].n;
			} else {
				rs[j].peer_n += ls[i].n;
				xp->peer_total += ls[i].n;
			}
		}
		qsort(rs, nr, sizeof(*rs), reason_cmp);
		xp->nreasons = nr;
		xp->reasons = arena_alloc(a, (nr ? nr : 1) * sizeof(char *));
		xp->rep_n = arena_alloc(a, (nr ? nr : 1) * sizeof(int64_t));
		xp->peer_n = arena_alloc(a, (nr ? nr : 1) * sizeof(int64_t));
		for (size_t j = 0; j < nr; j++) {
			xp->reasons[j] = rs[j].reason;
			xp->rep_n[j] = rs[j].rep_n;
			xp->peer_n[j] = rs[j].peer_n;
		}
	}
	qsort(out->products, nprod, sizeof(*out->products), product_cmp);
	return E_OK;
}
