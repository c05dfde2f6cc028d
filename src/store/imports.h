/*
 * imports: the files uploaded on the import page and the import jobs run
 * from them. A file is kept (the 20 newest per organisation) so that its
 * preview, a dry run and the real run read the same bytes; a job is one
 * run of store/import.c's import_run over a file, in a thread of its own
 * with its own database connection, writing its progress and summary into
 * its row. The row is the truth about a job, so any server shows it.
 *
 * SQLite allows one writer at a time and the import holds the write lock
 * for its whole transaction, so progress cannot be written to the row
 * while it runs there; it is kept in this process's memory as well and
 * import_job_get() reads it from there when the job runs here. On
 * PostgreSQL the row gets it too, through a second connection.
 */
#ifndef SG_STORE_IMPORTS_H
#define SG_STORE_IMPORTS_H
#include <stddef.h>
#include <stdint.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "import.h"

/* files kept per organisation; older ones go (with their jobs) on upload */
#define IMPORT_FILES_KEPT 20

struct import_file {
	int64_t id, user_id;
	const char *kind;		/* "deals", ... */
	const char *preset;		/* as asked for: "auto", "hubspot", ... */
	const char *filename;
	int64_t size;			/* bytes */
	int64_t created_at;
};

/* stores an upload (data: UTF-8 text without NUL, checked by the caller)
 * and drops the organisation's files beyond the newest IMPORT_FILES_KEPT
 * (not those with a job under way) */
enum err import_file_save(struct db_conn *c, int64_t org_id, int64_t user_id, const char *kind,
			  const char *preset, const char *filename, const char *data, size_t len, int64_t *id);
/* E_NOTFOUND for no such file in the organisation */
enum err import_file_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct import_file *out);
/* the start of the content — at most max_chars characters, cut after the
 * last whole line when the file is longer — for the preview, without
 * reading a large file whole */
enum err import_file_head(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, size_t max_chars,
			  const char **data, size_t *len);

struct import_job {
	int64_t id, file_id, user_id;
	const char *filename;		/* of the file */
	const char *user_name;		/* who started it */
	const char *kind, *preset;	/* preset as asked for */
	const char *used_preset;	/* the one used (auto resolved), "" until done */
	const char **map;		/* "HEADER=FIELD" */
	size_t nmap;
	int create_missing, all_or_nothing, dry_run;
	const char *status;		/* "running", "done", "failed" */
	int64_t rows, bytes_done, bytes_total;
	int64_t read, created, updated, skipped, failed;
	int rolled_back;
	struct import_error *errors;
	size_t nerrors;
	const char *message;		/* why it failed, in the language it was started in */
	enum lang lang;			/* of the messages: the language it was started in */
	int64_t started_at, finished_at;
};

/* a new job row, status running; the options' kind, preset, map and flags
 * are kept so that the job can be repeated */
enum err import_job_create(struct db_conn *c, int64_t org_id, int64_t file_id, int64_t user_id,
			   const struct import_options *o, int64_t bytes_total, int64_t *id);
/* E_NOTFOUND for no such job in the organisation. A running job shows the
 * progress this process knows of; one whose process is gone is marked
 * failed here, so no job says "running" for ever. */
enum err import_job_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct import_job *out);
/* the organisation's newest jobs, newest first (without map and errors) */
enum err import_jobs_recent(struct db_conn *c, struct arena *a, int64_t org_id, size_t limit,
			    struct import_job **out, size_t *n);

/* runs the job in a detached thread that takes its own connections from
 * db; jobs of one process run one after another, so imports never take
 * all the connections the requests need. done(cls), when given, is called
 * when the thread is finished with db. E_INTERNAL when no thread could be
 * started (the job is then marked failed). */
enum err import_job_start(struct db *db, int64_t org_id, int64_t job_id, void (*done)(void *), void *cls);

/* for a server that stops while imports run here (after its grace period,
 * before it closes db): no job starts any more, and each running one stops
 * at its next progress report and waits there for the end of the process,
 * its transaction never committed (the row is marked failed when next
 * looked at). Waits up to seconds for that; returns how many jobs are
 * still using the database (0: db may be closed). */
int import_jobs_shutdown(int seconds);

#endif
