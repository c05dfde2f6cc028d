/*
 * import-runs: the queries of the import journal (migration 0009). An
 * import commits in batches; what a run added or changed is written down
 * here as it goes, so that the run can be undone — when it fails, when it
 * was all-or-nothing with a bad row, or when its process died — and the
 * promise that such an import keeps nothing still holds. When and why a
 * run is kept or undone is service/import.c's business; these are queries.
 */
#ifndef SG_STORE_IMPORT_RUNS_H
#define SG_STORE_IMPORT_RUNS_H
#include <stddef.h>
#include <stdint.h>
#include "../db/db.h"
#include "../lib/arena.h"

/* a new run, 'running', committed on its own: job_id 0 for the command
 * line; *first_deal is the largest deal id before it (its deals come after) */
enum err import_run_create(struct db_conn *c, int64_t org_id, int64_t job_id, const char *runner, int64_t *id,
			   int64_t *first_deal);
enum err import_run_heartbeat(struct db_conn *c, int64_t org_id, int64_t run_id);

/* the deal as it is, before the run changes it (the first time only) */
enum err import_run_note_deal(struct db_conn *c, int64_t org_id, int64_t run_id, int64_t deal_id);
/* a row of tbl ("accounts", "users", "targets", "result_totals") the run
 * added (created), or changed from amount_minor/currency (the first time
 * only) */
enum err import_run_note_row(struct db_conn *c, int64_t org_id, int64_t run_id, const char *tbl, int64_t row_id,
			     int created, int64_t amount_minor, const char *currency);

struct import_run_ref {
	int64_t org_id, id, job_id, first_deal, heartbeat_at;
	const char *runner;
};
/* the runs still 'running' — of one organisation, or of all with org_id 0;
 * of one job with job_id > 0 */
enum err import_runs_running(struct db_conn *c, struct arena *a, int64_t org_id, int64_t job_id,
			     struct import_run_ref **out, size_t *n);

/* undoing, in steps the caller commits one by one: the run's deals with
 * ids in (from, to], deleted (*more: there are deals beyond to) */
enum err import_run_undo_deals(struct db_conn *c, int64_t org_id, int64_t run_id, int64_t from, int64_t to,
			       int *more);
/* the rest, in one go: changed deals, targets and result totals put back,
 * added ones and the accounts and users it added deleted (unless the app
 * has since made something of theirs: a deal on the account, say), the run
 * marked 'undone' and its journal deleted */
enum err import_run_undo_rest(struct db_conn *c, int64_t org_id, int64_t run_id);
/* the run kept: marked 'kept' and its journal deleted */
enum err import_run_keep(struct db_conn *c, int64_t org_id, int64_t run_id);

#endif
