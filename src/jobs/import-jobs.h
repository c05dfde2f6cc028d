/*
 * import-jobs: the job runner of the import pages. A job is one run of the
 * import engine (service/import.c) over an uploaded file, in a thread of its
 * own with its own database connection, writing its progress and summary
 * into its row (store/import-files.c). The row is the truth about a job, so
 * any server shows it; this file adds what only the running process knows:
 * the progress of its jobs, and that a job whose process is gone has failed
 * (what it wrote is then undone, see service/import.h).
 *
 * The import commits in batches, so SQLite's write lock is free between
 * them, but the job's progress is still kept in this process's memory and
 * written to the row only on PostgreSQL (through a second connection): on
 * SQLite a second connection of the same thread would wait for the lock
 * its own batch holds.
 */
#ifndef SG_JOBS_IMPORT_JOBS_H
#define SG_JOBS_IMPORT_JOBS_H
#include <stddef.h>
#include <stdint.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../store/import-files.h"
#include "../service/import.h"

/* a new job row for a file, run by this process */
enum err import_job_new(struct db_conn *c, int64_t org_id, int64_t file_id, int64_t user_id,
			const struct import_options *o, int64_t bytes_total, int64_t *id);
/* E_NOTFOUND for no such job in the organisation. A running job shows the
 * progress this process knows of; one whose process is gone is undone and
 * marked failed here, so no job says "running" for ever. */
enum err import_job_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct import_job *out);
/* the organisation's newest jobs, newest first (without map and errors) */
enum err import_jobs_recent(struct db_conn *c, struct arena *a, int64_t org_id, size_t limit,
			    struct import_job **out, size_t *n);

/* runs the job in a detached thread that takes its own connections from
 * db; jobs of one process run one after another, so imports never take
 * all the connections the requests need. E_INTERNAL when no thread could
 * be started (the job is then shown as failed). */
enum err import_job_start(struct db *db, int64_t org_id, int64_t job_id);

/* for a server that stops: waits up to seconds for the jobs under way here
 * to finish (as it waits for requests); returns how many still run */
int import_jobs_wait(int seconds);
/* the import jobs running in this process now (for /metrics) */
int import_jobs_running(void);

/* for a server that stops while imports run here (after its grace period,
 * before it closes db): no job starts any more, and each running one stops
 * at its next progress report and waits there for the end of the process
 * (what it committed is undone at the next start, see import_recover).
 * Waits up to seconds for that; returns how many jobs are still using the
 * database (0: db may be closed). */
int import_jobs_shutdown(int seconds);

#endif
