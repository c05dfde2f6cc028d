/*
 * import-files: the queries on the files uploaded on the import page and on
 * the rows of the import jobs run from them (what jobs/import-jobs.c runs
 * and the import pages show). A file is kept (the 20 newest per
 * organisation) so that its preview, a dry run and the real run read the
 * same bytes; a job's row holds its options, progress and summary, so any
 * server shows it. Queries only: which process runs a job, and what a job
 * whose process died becomes, is jobs/import-jobs.c's business.
 */
#ifndef SG_STORE_IMPORT_FILES_H
#define SG_STORE_IMPORT_FILES_H
#include <stddef.h>
#include <stdint.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../domain/import.h"

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
/* the whole content, malloc'd (a large file is not copied into an arena
 * that lives as long as a job); E_NOTFOUND for no such file */
enum err import_file_content(struct db_conn *c, int64_t org_id, int64_t file_id, char **data, size_t *len);

struct import_job {
	int64_t id, file_id, user_id;
	const char *filename;		/* of the file */
	const char *user_name;		/* who started it */
	const char *kind, *preset;	/* preset as asked for */
	const char *used_preset;	/* the one used (auto resolved), "" until done */
	const char **map;		/* "HEADER=FIELD" */
	size_t nmap;
	const char **set;		/* "FIELD=VALUE": values the whole file shares */
	size_t nset;
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
	const char *runner;		/* the process running it (lib/runner.h) */
	int64_t heartbeat_at;
};

/* what a job is asked to do, kept so that the job can be repeated */
struct import_job_spec {
	enum import_kind kind;
	enum import_preset preset;
	const char *const *map;		/* "HEADER=FIELD" */
	size_t nmap;
	const char *const *set;		/* "FIELD=VALUE" */
	size_t nset;
	int create_missing, all_or_nothing, dry_run;
	enum lang lang;
};
/* a new job row, status running, run by runner */
enum err import_job_create(struct db_conn *c, int64_t org_id, int64_t file_id, int64_t user_id,
			   const struct import_job_spec *o, int64_t bytes_total, const char *runner, int64_t *id);
/* the row as stored; E_NOTFOUND for no such job in the organisation */
enum err import_job_read(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct import_job *out);
/* the organisation's newest rows, newest first (without map and errors) */
enum err import_jobs_read_recent(struct db_conn *c, struct arena *a, int64_t org_id, size_t limit,
				 struct import_job **out, size_t *n);
/* progress of a running job, and its heartbeat */
enum err import_job_set_progress(struct db_conn *c, int64_t org_id, int64_t id, int64_t rows, int64_t bytes_done);
/* a job ends: failed with a message (nothing kept), or only if it is still
 * "running" (for a job whose process is gone) */
enum err import_job_set_failed(struct db_conn *c, int64_t org_id, int64_t id, const char *message,
			       int only_running);
/* a job ends done, with its summary */
enum err import_job_set_done(struct db_conn *c, int64_t org_id, int64_t id, const struct import_summary *s,
			     int64_t bytes);

/* speed (issue 15): upload — the bytes of an uploaded file live in a file of
 * their own in a private directory (0700, the server's; files 0600), never
 * whole in memory: the upload is spooled there as it arrives and linked in
 * (or copied) under "ORG-ID.csv" when its row is made, read in pieces for
 * the preview and mapped by the job, which lets go of what it has read.
 * The row keeps the name, size and kind; its content column stays '' (rows
 * stored before hold the bytes there, and are still read from it). */

/* the directory, made 0700 if missing; -1 (errno set) when it is not a
 * directory of this user's that only this user may enter (EPERM), or cannot
 * be made. Called once at start, before any request. */
int import_files_set_dir(const char *dir);
const char *import_files_dir(void);
/* import_file_save with the len bytes of the open file fd (an upload's
 * spool file: UTF-8 text without NUL, checked by the caller) */
enum err import_file_save_fd(struct db_conn *c, int64_t org_id, int64_t user_id, const char *kind,
			     const char *preset, const char *filename, int fd, size_t len, int64_t *id);
/* a stored file's bytes for a job: data/len mapped read-only (or, for a row
 * stored before, malloc'd); lines: its count of lines (newlines + 1) */
struct import_data {
	const char *data;
	size_t len;
	size_t lines;
	void *map;		/* the mapping, or NULL */
	char *heap;		/* the row's own content, or NULL */
	size_t dropped;		/* bytes before this let go of */
};
/* E_NOTFOUND for no such file (or its bytes gone from the directory) */
enum err import_file_open_data(struct db_conn *c, int64_t org_id, int64_t file_id, struct import_data *out);
/* the pages before byte upto are read and not needed again soon: they leave
 * memory (read again from the file if they are) */
void import_data_done_before(struct import_data *d, size_t upto);
void import_data_close(struct import_data *d);

#endif
