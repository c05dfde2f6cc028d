/*
 * import-runs: see import-runs.h. Every query names the organisation; the
 * deals of a run are found by their import_run mark within an id range, so
 * undoing a million of them is a walk along the primary key in steps, not
 * one statement that holds the write lock for as long.
 */
#include "import-runs.h"
#include "../lib/util.h"
#include <string.h>

enum err import_run_create(struct db_conn *c, int64_t org_id, int64_t job_id, const char *runner, int64_t *id,
			   int64_t *first_deal)
{
	int64_t now = now_epoch();
	/* deal ids only grow (AUTOINCREMENT, identity), so the run's deals all
	 * come after the organisation's largest one now (read from the
	 * (org_id, id) key; another organisation's deals are none of its business) */
	int64_t first = DB_I64(c, 0, "SELECT coalesce(max(id), 0) FROM deals WHERE org_id = $1", P_I(org_id));
	struct db_stmt *st = DBQ(c, "INSERT INTO import_runs (org_id, job_id, runner, heartbeat_at, first_deal, status, "
				 "started_at) VALUES ($1, $2, $3, $4, $5, 'running', $4) RETURNING id",
				 P_I(org_id), P_ID(job_id), P_T(runner), P_I(now), P_I(first));
	int64_t new_id = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	enum err e = db_finish(st);
	if (!e && !new_id)
		e = E_INTERNAL;
	if (!e) {
		*id = new_id;
		*first_deal = first;
	}
	return e;
}

enum err import_run_heartbeat(struct db_conn *c, int64_t org_id, int64_t run_id)
{
	return DBX(c, "UPDATE import_runs SET heartbeat_at = $3 WHERE org_id = $1 AND id = $2",
		   P_I(org_id), P_I(run_id), P_I(now_epoch()));
}

#define UNDO_DEAL_COLS "title, account_id, value_minor, currency, owner_id, stage_id, product, expected_close, " \
	"status, lost_reason, lost_note, closed_on, created_on, stage_changed_on, updated_at"

enum err import_run_note_deal(struct db_conn *c, int64_t org_id, int64_t run_id, int64_t deal_id)
{
	/* the first change of the run is the one to undo; a later one of the
	 * same deal in the same file finds the row there already */
	return DBX(c, "INSERT INTO import_undo_deals (org_id, run_id, deal_id, " UNDO_DEAL_COLS ") "
		   "SELECT org_id, $2, id, " UNDO_DEAL_COLS " FROM deals WHERE org_id = $1 AND id = $3 "
		   "ON CONFLICT DO NOTHING", P_I(org_id), P_I(run_id), P_I(deal_id));
}

enum err import_run_note_row(struct db_conn *c, int64_t org_id, int64_t run_id, const char *tbl, int64_t row_id,
			     int created, int64_t amount_minor, const char *currency)
{
	return DBX(c, "INSERT INTO import_undo (org_id, run_id, tbl, row_id, created, amount_minor, currency) "
		   "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
		   P_I(org_id), P_I(run_id), P_T(tbl), P_I(row_id), P_I(!!created),
		   created ? P_NULL : P_I(amount_minor), P_T(created ? NULL : currency));
}

enum err import_runs_running(struct db_conn *c, struct arena *a, int64_t org_id, int64_t job_id,
			     struct import_run_ref **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT org_id, id, coalesce(job_id, 0), first_deal, heartbeat_at, runner "
				 "FROM import_runs WHERE status = 'running' AND ($1 = 0 OR org_id = $1) "
				 "AND ($2 = 0 OR job_id = $2) ORDER BY id", P_I(org_id), P_I(job_id));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			struct import_run_ref *m = arena_alloc(a, cap * sizeof(*m));
			if (*n)
				memcpy(m, *out, *n * sizeof(*m));
			*out = m;
		}
		struct import_run_ref *r = &(*out)[(*n)++];
		r->org_id = db_col_i64(st, 0);
		r->id = db_col_i64(st, 1);
		r->job_id = db_col_i64(st, 2);
		r->first_deal = db_col_i64(st, 3);
		r->heartbeat_at = db_col_i64(st, 4);
		r->runner = arena_strdup(a, db_col_text(st, 5));
	}
	return db_finish(st);
}

enum err import_run_undo_deals(struct db_conn *c, int64_t org_id, int64_t run_id, int64_t from, int64_t to,
			       int *more)
{
	/* the deal's conversations and steps go with it (ON DELETE CASCADE):
	 * a deal the import should never have kept has none of its own */
	enum err e = DBX(c, "DELETE FROM deals WHERE org_id = $1 AND import_run = $2 AND id > $3 AND id <= $4",
			 P_I(org_id), P_I(run_id), P_I(from), P_I(to));
	if (e)
		return e;
	*more = DB_I64(c, 0, "SELECT coalesce(max(id), 0) FROM deals WHERE org_id = $1", P_I(org_id)) > to;
	return E_OK;
}

static const char *const undo_rest_sql[] = {
	/* deals as they were */
	"UPDATE deals SET title = u.title, account_id = u.account_id, value_minor = u.value_minor, "
	"currency = u.currency, owner_id = u.owner_id, stage_id = u.stage_id, product = u.product, "
	"expected_close = u.expected_close, status = u.status, lost_reason = u.lost_reason, lost_note = u.lost_note, "
	"closed_on = u.closed_on, created_on = u.created_on, stage_changed_on = u.stage_changed_on, "
	"updated_at = u.updated_at FROM import_undo_deals u "
	"WHERE u.org_id = $1 AND u.run_id = $2 AND deals.org_id = u.org_id AND deals.id = u.deal_id",
	/* targets and result totals as they were, or gone */
	"UPDATE targets SET amount_minor = u.amount_minor, currency = u.currency FROM import_undo u "
	"WHERE u.org_id = $1 AND u.run_id = $2 AND u.tbl = 'targets' AND u.created = 0 "
	"AND targets.org_id = u.org_id AND targets.id = u.row_id",
	"UPDATE result_totals SET amount_minor = u.amount_minor, currency = u.currency FROM import_undo u "
	"WHERE u.org_id = $1 AND u.run_id = $2 AND u.tbl = 'result_totals' AND u.created = 0 "
	"AND result_totals.org_id = u.org_id AND result_totals.id = u.row_id",
	"DELETE FROM targets WHERE org_id = $1 AND id IN (SELECT row_id FROM import_undo "
	"WHERE org_id = $1 AND run_id = $2 AND tbl = 'targets' AND created = 1)",
	"DELETE FROM result_totals WHERE org_id = $1 AND id IN (SELECT row_id FROM import_undo "
	"WHERE org_id = $1 AND run_id = $2 AND tbl = 'result_totals' AND created = 1)",
	/* accounts and users it added, unless someone has used them since
	 * (the batches were visible): those stay rather than take others'
	 * work with them. NOT IN reads each referring table once, not once per
	 * row deleted (deals has no index on its account). */
	"DELETE FROM accounts WHERE org_id = $1 AND id IN (SELECT row_id FROM import_undo "
	"WHERE org_id = $1 AND run_id = $2 AND tbl = 'accounts' AND created = 1) "
	"AND id NOT IN (SELECT account_id FROM deals WHERE org_id = $1) "
	"AND id NOT IN (SELECT account_id FROM conversations WHERE org_id = $1 AND account_id IS NOT NULL) "
	"AND id NOT IN (SELECT account_id FROM steps WHERE org_id = $1 AND account_id IS NOT NULL)",
	"DELETE FROM users WHERE org_id = $1 AND id IN (SELECT row_id FROM import_undo "
	"WHERE org_id = $1 AND run_id = $2 AND tbl = 'users' AND created = 1) "
	"AND id NOT IN (SELECT owner_id FROM deals WHERE org_id = $1) "
	"AND id NOT IN (SELECT owner_id FROM accounts WHERE org_id = $1 AND owner_id IS NOT NULL) "
	"AND id NOT IN (SELECT rep_id FROM conversations WHERE org_id = $1) "
	"AND id NOT IN (SELECT rep_id FROM steps WHERE org_id = $1) "
	"AND id NOT IN (SELECT manager_id FROM teams WHERE org_id = $1 AND manager_id IS NOT NULL) "
	"AND id NOT IN (SELECT user_id FROM import_files WHERE org_id = $1) "
	"AND id NOT IN (SELECT user_id FROM import_jobs WHERE org_id = $1)",
	"UPDATE import_runs SET status = 'undone', heartbeat_at = $3 WHERE org_id = $1 AND id = $2",
	"DELETE FROM import_undo_deals WHERE org_id = $1 AND run_id = $2",
	"DELETE FROM import_undo WHERE org_id = $1 AND run_id = $2",
};

enum err import_run_undo_rest(struct db_conn *c, int64_t org_id, int64_t run_id)
{
	int64_t now = now_epoch();
	for (size_t i = 0; i < sizeof(undo_rest_sql) / sizeof(undo_rest_sql[0]); i++) {
		const char *sql = undo_rest_sql[i];
		enum err e = strstr(sql, "$3") ? DBX(c, sql, P_I(org_id), P_I(run_id), P_I(now))
					       : DBX(c, sql, P_I(org_id), P_I(run_id));
		if (e)
			return e;
	}
	return E_OK;
}

enum err import_run_keep(struct db_conn *c, int64_t org_id, int64_t run_id)
{
	enum err e = DBX(c, "UPDATE import_runs SET status = 'kept', heartbeat_at = $3 WHERE org_id = $1 AND id = $2",
			 P_I(org_id), P_I(run_id), P_I(now_epoch()));
	if (!e)
		e = DBX(c, "DELETE FROM import_undo_deals WHERE org_id = $1 AND run_id = $2", P_I(org_id), P_I(run_id));
	if (!e)
		e = DBX(c, "DELETE FROM import_undo WHERE org_id = $1 AND run_id = $2", P_I(org_id), P_I(run_id));
	return e;
}
