/*
 * imports: see imports.h. Besides the queries on import_files and
 * import_jobs, this file owns the one piece of process state of the import
 * pages: the jobs running in this process, with their progress, and the
 * lock that runs them one after another.
 */
#include "imports.h"
#include "../lib/util.h"
#include "../lib/log.h"
#include "../lib/xalloc.h"
#include <jansson.h>
#include <pthread.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* a job of another host whose row has not moved for this long is taken
 * for dead (its progress is written every half second while rows flow) */
#define STALE_SECONDS 600
/* progress is written to the row at most this often */
#define PROGRESS_EVERY_NS 500000000L

/* --- the jobs running in this process --- */

struct running {
	int64_t job_id;
	size_t rows, bytes_done, bytes_total;
	/* for a shutdown: waiting for its turn, using the database, or parked */
	enum { JOB_QUEUED, JOB_IN_DB, JOB_PARKED } state;
	struct running *next;
};

static pthread_mutex_t reg_mu = PTHREAD_MUTEX_INITIALIZER;
/* signalled when a job parks or leaves the registry */
static pthread_cond_t reg_cv = PTHREAD_COND_INITIALIZER;
static struct running *reg_head;
/* set by import_jobs_shutdown: no job starts, running ones park */
static int stopping;
/* one import at a time per process: each holds one or two connections of
 * the pool for as long as it runs */
static pthread_mutex_t run_mu = PTHREAD_MUTEX_INITIALIZER;

static char runner_id[160];
static char host_name[128];
static pthread_once_t runner_once = PTHREAD_ONCE_INIT;

static void runner_init(void)
{
	if (gethostname(host_name, sizeof(host_name)))
		strcpy(host_name, "localhost");
	host_name[sizeof(host_name) - 1] = '\0';
	snprintf(runner_id, sizeof(runner_id), "%s:%ld:%lld", host_name, (long)getpid(), (long long)now_epoch());
}

/* "host:pid:start" of this process */
static const char *runner_self(void)
{
	pthread_once(&runner_once, runner_init);
	return runner_id;
}

static struct running *reg_add(int64_t job_id)
{
	struct running *e = xcalloc(1, sizeof(*e));
	e->job_id = job_id;
	pthread_mutex_lock(&reg_mu);
	e->next = reg_head;
	reg_head = e;
	pthread_mutex_unlock(&reg_mu);
	return e;
}

static void reg_remove(struct running *e)
{
	pthread_mutex_lock(&reg_mu);
	for (struct running **p = &reg_head; *p; p = &(*p)->next)
		if (*p == e) {
			*p = e->next;
			break;
		}
	pthread_cond_broadcast(&reg_cv);
	pthread_mutex_unlock(&reg_mu);
	free(e);
}

/* the job's state for a shutdown; 0, or -1 when the process is stopping
 * and the job must not start */
static int reg_set_state(struct running *e, int state)
{
	pthread_mutex_lock(&reg_mu);
	int refuse = stopping && state == JOB_IN_DB;
	if (!refuse)
		e->state = state;
	pthread_mutex_unlock(&reg_mu);
	return refuse ? -1 : 0;
}

/* called from the progress report of a job while the process stops: the
 * thread waits here for the end of the process, so its transaction is
 * never committed and it never touches the database (closed under it)
 * again. Called with reg_mu held. */
static void park_forever(struct running *e)
{
	e->state = JOB_PARKED;
	pthread_cond_broadcast(&reg_cv);
	for (;;)
		pthread_cond_wait(&reg_cv, &reg_mu);
}

int import_jobs_shutdown(int seconds)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += seconds;
	pthread_mutex_lock(&reg_mu);
	stopping = 1;
	int busy;
	for (;;) {
		busy = 0;
		for (struct running *e = reg_head; e; e = e->next)
			busy += e->state == JOB_IN_DB;
		if (!busy || pthread_cond_timedwait(&reg_cv, &reg_mu, &until) == ETIMEDOUT)
			break;
	}
	pthread_mutex_unlock(&reg_mu);
	if (busy)
		log_error("%d import job(s) still using the database at shutdown", busy);
	return busy;
}

/* the progress of a job running here; 0 when it does not run here */
static int reg_lookup(int64_t job_id, struct running *copy)
{
	int found = 0;
	pthread_mutex_lock(&reg_mu);
	for (struct running *e = reg_head; e; e = e->next)
		if (e->job_id == job_id) {
			*copy = *e;
			found = 1;
			break;
		}
	pthread_mutex_unlock(&reg_mu);
	return found;
}

/* --- files --- */

enum err import_file_save(struct db_conn *c, int64_t org_id, int64_t user_id, const char *kind,
			  const char *preset, const char *filename, const char *data, size_t len, int64_t *id)
{
	(void)len;
	struct db_stmt *st = DBQ(c, "INSERT INTO import_files (org_id, user_id, kind, preset, filename, size, content, "
				 "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
				 P_I(org_id), P_I(user_id), P_T(kind), P_T(preset), P_T(filename), P_I(len), P_T(data),
				 P_I(now_epoch()));
	int64_t new_id = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	enum err e = db_finish(st);
	if (e)
		return e;
	if (id)
		*id = new_id;
	/* keep the newest files; a file whose job is still running stays
	 * until the job has read it */
	return DBX(c, "DELETE FROM import_files WHERE org_id = $1 AND id NOT IN ("
		   "SELECT id FROM import_files WHERE org_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2) "
		   "AND NOT EXISTS (SELECT 1 FROM import_jobs j WHERE j.org_id = import_files.org_id "
		   "AND j.file_id = import_files.id AND j.status = 'running')",
		   P_I(org_id), P_I(IMPORT_FILES_KEPT));
}

enum err import_file_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct import_file *out)
{
	struct db_stmt *st = DBQ(c, "SELECT id, user_id, kind, preset, filename, size, created_at FROM import_files "
				 "WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW) {
		out->id = db_col_i64(st, 0);
		out->user_id = db_col_i64(st, 1);
		out->kind = arena_strdup(a, db_col_text(st, 2));
		out->preset = arena_strdup(a, db_col_text(st, 3));
		out->filename = arena_strdup(a, db_col_text(st, 4));
		out->size = db_col_i64(st, 5);
		out->created_at = db_col_i64(st, 6);
	}
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err import_file_head(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, size_t max_chars,
			  const char **data, size_t *len)
{
	/* substr counts characters on both engines; the stored size (bytes)
	 * tells whether the file went on */
	struct db_stmt *st = DBQ(c, "SELECT substr(content, 1, $3), size FROM import_files WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id), P_I(max_chars));
	int r = db_step(st);
	if (r == DB_ROW) {
		const char *s = db_col_text(st, 0);
		size_t n = strlen(s);
		if ((int64_t)n < db_col_i64(st, 1)) {
			/* a row cut in half would show as a broken row */
			const char *nl = memrchr(s, '\n', n);
			if (nl)
				n = (size_t)(nl - s) + 1;
		}
		*data = arena_strndup(a, s, n);
		*len = n;
	}
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

/* --- jobs --- */

enum err import_job_create(struct db_conn *c, int64_t org_id, int64_t file_id, int64_t user_id,
			   const struct import_options *o, int64_t bytes_total, int64_t *id)
{
	json_t *map = json_array();
	for (size_t i = 0; i < o->nmap; i++)
		json_array_append_new(map, json_string(o->map[i]));
	char *mapjs = json_dumps(map, JSON_COMPACT);
	json_decref(map);
	if (!mapjs)
		return E_INTERNAL;
	int64_t now = now_epoch();
	struct db_stmt *st = DBQ(c, "INSERT INTO import_jobs (org_id, file_id, user_id, kind, preset, map, create_missing, "
				 "all_or_nothing, dry_run, lang, status, bytes_total, runner, heartbeat_at, started_at) "
				 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'running', $11, $12, $13, $13) RETURNING id",
				 P_I(org_id), P_I(file_id), P_I(user_id), P_T(import_kind_code(o->kind)),
				 P_T(import_preset_code(o->preset)), P_T(mapjs), P_I(!!o->create_missing),
				 P_I(!!o->all_or_nothing), P_I(!!o->dry_run), P_T(lang_code(o->lang)), P_I(bytes_total),
				 P_T(runner_self()), P_I(now));
	int64_t new_id = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	enum err e = db_finish(st);
	free(mapjs);
	if (!e && id)
		*id = new_id;
	return e;
}

#define JOB_COLS "j.id, j.file_id, j.user_id, f.filename, u.name, j.kind, j.preset, j.used_preset, " \
	"j.create_missing, j.all_or_nothing, j.dry_run, j.status, j.rows_done, j.bytes_done, j.bytes_total, " \
	"j.n_read, j.n_created, j.n_updated, j.n_skipped, j.n_failed, j.rolled_back, j.message, j.started_at, " \
	"coalesce(j.finished_at, 0), j.runner, j.heartbeat_at, j.lang"
#define JOB_FROM "FROM import_jobs j JOIN import_files f ON f.org_id = j.org_id AND f.id = j.file_id " \
	"JOIN users u ON u.org_id = j.org_id AND u.id = j.user_id "
/* the columns after JOB_COLS */
#define JOB_NCOLS 27

struct job_extra {
	const char *runner;
	int64_t heartbeat_at;
};

static void read_job(struct db_stmt *st, struct arena *a, struct import_job *j, struct job_extra *x)
{
	memset(j, 0, sizeof(*j));
	j->id = db_col_i64(st, 0);
	j->file_id = db_col_i64(st, 1);
	j->user_id = db_col_i64(st, 2);
	j->filename = arena_strdup(a, db_col_text(st, 3));
	j->user_name = arena_strdup(a, db_col_text(st, 4));
	j->kind = arena_strdup(a, db_col_text(st, 5));
	j->preset = arena_strdup(a, db_col_text(st, 6));
	j->used_preset = arena_strdup(a, db_col_text(st, 7));
	j->create_missing = (int)db_col_i64(st, 8);
	j->all_or_nothing = (int)db_col_i64(st, 9);
	j->dry_run = (int)db_col_i64(st, 10);
	j->status = arena_strdup(a, db_col_text(st, 11));
	j->rows = db_col_i64(st, 12);
	j->bytes_done = db_col_i64(st, 13);
	j->bytes_total = db_col_i64(st, 14);
	j->read = db_col_i64(st, 15);
	j->created = db_col_i64(st, 16);
	j->updated = db_col_i64(st, 17);
	j->skipped = db_col_i64(st, 18);
	j->failed = db_col_i64(st, 19);
	j->rolled_back = (int)db_col_i64(st, 20);
	j->message = arena_strdup(a, db_col_text(st, 21));
	j->started_at = db_col_i64(st, 22);
	j->finished_at = db_col_i64(st, 23);
	x->runner = arena_strdup(a, db_col_text(st, 24));
	x->heartbeat_at = db_col_i64(st, 25);
	int l = lang_parse(db_col_text(st, 26));
	j->lang = l >= 0 ? (enum lang)l : LANG_EN;
}

/* is the process that runs a job gone? Only this process knows its own
 * jobs for sure; a process on this host is asked by its pid; one on
 * another host (PostgreSQL shared by several servers) by its heartbeat */
static int runner_gone(const char *runner, int64_t heartbeat_at)
{
	const char *self = runner_self();
	if (!strcmp(runner, self))
		/* ours and not in the registry: gone, unless it is being
		 * started right now (the row is written before the thread) */
		return now_epoch() - heartbeat_at > 10;
	size_t hl = strlen(host_name);
	if (!strncmp(runner, host_name, hl) && runner[hl] == ':') {
		long pid = strtol(runner + hl + 1, NULL, 10);
		/* our pid but not our start: an earlier life of this process
		 * number (a restarted container is pid 1 again) */
		if (pid == (long)getpid())
			return 1;
		if (pid > 0 && kill((pid_t)pid, 0) && errno == ESRCH)
			return 1;
		return 0;
	}
	return now_epoch() - heartbeat_at > STALE_SECONDS;
}

/* a running job: its progress from this process, or failed when its
 * process is gone; the row is read again, as the job may have just ended */
static enum err settle(struct db_conn *c, int64_t org_id, struct import_job *j, const struct job_extra *x,
		       int *reread)
{
	*reread = 0;
	if (strcmp(j->status, "running"))
		return E_OK;
	struct running here;
	if (reg_lookup(j->id, &here)) {
		j->rows = (int64_t)here.rows;
		j->bytes_done = (int64_t)here.bytes_done;
		if (here.bytes_total)
			j->bytes_total = (int64_t)here.bytes_total;
		return E_OK;
	}
	if (!runner_gone(x->runner, x->heartbeat_at))
		return E_OK;
	const char *msg = tr(j->lang, "The server stopped before the import finished. Nothing was saved; run it again.");
	enum err e = DBX(c, "UPDATE import_jobs SET status = 'failed', message = $3, rolled_back = 1, finished_at = $4 "
			 "WHERE org_id = $1 AND id = $2 AND status = 'running'",
			 P_I(org_id), P_I(j->id), P_T(msg), P_I(now_epoch()));
	*reread = 1;
	return e;
}

static void parse_errors(struct arena *a, const char *text, struct import_job *j)
{
	json_t *v = json_loads(text, 0, NULL);
	if (!json_is_array(v)) {
		json_decref(v);
		return;
	}
	size_t n = json_array_size(v);
	j->errors = arena_alloc(a, (n ? n : 1) * sizeof(*j->errors));
	for (size_t i = 0; i < n; i++) {
		json_t *e = json_array_get(v, i);
		struct import_error *ie = &j->errors[j->nerrors++];
		ie->line = (size_t)json_integer_value(json_object_get(e, "line"));
		const char *col = json_string_value(json_object_get(e, "column"));
		ie->column = col ? arena_strdup(a, col) : NULL;
		const char *msg = json_string_value(json_object_get(e, "message"));
		ie->message = arena_strdup(a, msg ? msg : "");
	}
	json_decref(v);
}

static void parse_map(struct arena *a, const char *text, struct import_job *j)
{
	json_t *v = json_loads(text, 0, NULL);
	if (!json_is_array(v)) {
		json_decref(v);
		return;
	}
	size_t n = json_array_size(v);
	j->map = arena_alloc(a, (n ? n : 1) * sizeof(*j->map));
	for (size_t i = 0; i < n; i++) {
		const char *s = json_string_value(json_array_get(v, i));
		if (s)
			j->map[j->nmap++] = arena_strdup(a, s);
	}
	json_decref(v);
}

enum err import_job_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct import_job *out)
{
	for (int pass = 0; pass < 2; pass++) {
		struct db_stmt *st = DBQ(c, "SELECT " JOB_COLS ", j.map, j.errors " JOB_FROM
					 "WHERE j.org_id = $1 AND j.id = $2", P_I(org_id), P_I(id));
		int r = db_step(st);
		struct job_extra x = { 0 };
		if (r == DB_ROW) {
			read_job(st, a, out, &x);
			parse_map(a, db_col_text(st, JOB_NCOLS), out);
			parse_errors(a, db_col_text(st, JOB_NCOLS + 1), out);
		}
		enum err e = db_finish(st);
		if (e)
			return e;
		if (r != DB_ROW)
			return E_NOTFOUND;
		int reread = 0;
		e = settle(c, org_id, out, &x, &reread);
		if (e || !reread)
			return e;
	}
	return E_OK;
}

enum err import_jobs_recent(struct db_conn *c, struct arena *a, int64_t org_id, size_t limit,
			    struct import_job **out, size_t *n)
{
	*n = 0;
	*out = arena_alloc(a, (limit ? limit : 1) * sizeof(**out));
	struct db_stmt *st = DBQ(c, "SELECT " JOB_COLS " " JOB_FROM "WHERE j.org_id = $1 "
				 "ORDER BY j.started_at DESC, j.id DESC LIMIT $2", P_I(org_id), P_I(limit));
	struct job_extra *xs = arena_alloc(a, (limit ? limit : 1) * sizeof(*xs));
	while (*n < limit && db_step(st) == DB_ROW) {
		read_job(st, a, &(*out)[*n], &xs[*n]);
		(*n)++;
	}
	enum err e = db_finish(st);
	if (e)
		return e;
	/* a job that died shows as failed in the list too */
	for (size_t i = 0; i < *n; i++) {
		int reread = 0;
		if (settle(c, org_id, &(*out)[i], &xs[i], &reread))
			continue;
		if (reread) {
			struct import_job j;
			if (!import_job_get(c, a, org_id, (*out)[i].id, &j)) {
				j.map = NULL, j.nmap = 0, j.errors = NULL, j.nerrors = 0;
				(*out)[i] = j;
			}
		}
	}
	return E_OK;
}

/* --- running a job --- */

struct job_run {
	struct db *db;
	int64_t org_id, job_id;
	void (*done)(void *);
	void *cls;
	struct running *reg;
	/* progress */
	struct db_conn *pc;		/* PostgreSQL: a second connection for the row */
	struct timespec last;
};

static int64_t elapsed_ns(const struct timespec *from, const struct timespec *to)
{
	return (int64_t)(to->tv_sec - from->tv_sec) * 1000000000L + (to->tv_nsec - from->tv_nsec);
}

static void on_progress(void *cls, size_t rows, size_t bytes_done, size_t bytes_total)
{
	struct job_run *jr = cls;
	pthread_mutex_lock(&reg_mu);
	if (stopping)
		park_forever(jr->reg);
	jr->reg->rows = rows;
	jr->reg->bytes_done = bytes_done;
	jr->reg->bytes_total = bytes_total;
	pthread_mutex_unlock(&reg_mu);
	if (!jr->pc)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (elapsed_ns(&jr->last, &now) < PROGRESS_EVERY_NS)
		return;
	jr->last = now;
	if (DBX(jr->pc, "UPDATE import_jobs SET rows_done = $3, bytes_done = $4, heartbeat_at = $5 "
		"WHERE org_id = $1 AND id = $2", P_I(jr->org_id), P_I(jr->job_id), P_I(rows), P_I(bytes_done),
		P_I(now_epoch())))
		log_error("import job %lld: cannot write progress: %s", (long long)jr->job_id, db_errmsg(jr->pc));
}

static char *errors_json(const struct import_summary *s)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < s->nerrors; i++) {
		const struct import_error *e = &s->errors[i];
		json_array_append_new(arr, json_pack("{s:I, s:o, s:s}", "line", (json_int_t)e->line, "column",
						     e->column ? json_string(e->column) : json_null(), "message",
						     e->message ? e->message : ""));
	}
	char *s_ = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	return s_;
}

/* the file's content, malloc'd (a large file is not copied into an arena
 * that lives as long as the job) */
static enum err load_content(struct db_conn *c, int64_t org_id, int64_t file_id, char **data, size_t *len)
{
	struct db_stmt *st = DBQ(c, "SELECT content FROM import_files WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(file_id));
	int r = db_step(st);
	*data = NULL;
	if (r == DB_ROW) {
		const char *s = db_col_text(st, 0);
		*len = strlen(s);
		*data = xmalloc(st_add(*len, 1));
		memcpy(*data, s, *len + 1);
	}
	enum err e = db_finish(st);
	if (!e && r != DB_ROW)
		e = E_NOTFOUND;
	if (!e && !*data)
		e = E_INTERNAL;
	if (e) {
		free(*data);
		*data = NULL;
	}
	return e;
}

static void finish_failed(struct db_conn *c, const struct job_run *jr, const char *msg)
{
	if (DBX(c, "UPDATE import_jobs SET status = 'failed', message = $3, rolled_back = 1, finished_at = $4, "
		"heartbeat_at = $4 WHERE org_id = $1 AND id = $2", P_I(jr->org_id), P_I(jr->job_id), P_T(msg),
		P_I(now_epoch())))
		log_error("import job %lld: cannot record its failure: %s", (long long)jr->job_id, db_errmsg(c));
}

static void run_job(struct job_run *jr)
{
	/* a job whose turn comes while the process stops is left to be
	 * marked failed when next looked at */
	if (reg_set_state(jr->reg, JOB_IN_DB))
		return;
	struct strbuf errmsg = STRBUF_INIT;
	struct db_conn *c = db_acquire(jr->db, &errmsg);
	if (!c) {
		/* nothing can be written; the job is marked failed when next
		 * looked at (its runner is this process, and it has left the
		 * registry) */
		log_error("import job %lld: no database connection: %s", (long long)jr->job_id, errmsg.buf);
		sb_release(&errmsg);
		return;
	}
	struct arena *a = arena_new();
	struct import_job job;
	char *data = NULL;
	size_t len = 0;
	enum err e = import_job_get(c, a, jr->org_id, jr->job_id, &job);
	if (!e)
		e = load_content(c, jr->org_id, job.file_id, &data, &len);
	int kind = e ? -1 : import_kind_parse(job.kind), preset = e ? -1 : import_preset_parse(job.preset);
	if (e || kind < 0 || preset < 0) {
		log_error("import job %lld: cannot read the job or its file (%s)", (long long)jr->job_id,
			  err_name(e ? e : E_INVALID));
		finish_failed(c, jr, tr(e ? LANG_EN : job.lang, "The file of this import could not be read."));
		goto out;
	}
	struct import_options o = {
		.kind = (enum import_kind)kind,
		.preset = (enum import_preset)preset,
		.map = job.map,
		.nmap = job.nmap,
		.create_missing = job.create_missing,
		.dry_run = job.dry_run,
		.all_or_nothing = job.all_or_nothing,
		.lang = job.lang,
		.progress = on_progress,
		.progress_cls = jr,
	};
	pthread_mutex_lock(&reg_mu);
	jr->reg->bytes_total = len;
	pthread_mutex_unlock(&reg_mu);
	if (db_kind(jr->db) == DB_PG)
		jr->pc = db_acquire(jr->db, NULL);
	clock_gettime(CLOCK_MONOTONIC, &jr->last);

	struct import_summary sum;
	memset(&sum, 0, sizeof(sum));
	sb_reset(&errmsg);
	e = import_run(c, a, jr->org_id, data, len, &o, &sum, &errmsg);
	if (jr->pc) {
		db_release(jr->pc);
		jr->pc = NULL;
	}
	if (e) {
		finish_failed(c, jr, errmsg.len ? errmsg.buf : tr(job.lang, "The import failed."));
		goto out;
	}
	char *errs = errors_json(&sum);
	int64_t now = now_epoch();
	if (DBX(c, "UPDATE import_jobs SET status = 'done', rows_done = $3, bytes_done = $4, bytes_total = $4, "
		"n_read = $5, n_created = $6, n_updated = $7, n_skipped = $8, n_failed = $9, rolled_back = $10, "
		"used_preset = $11, errors = $12, message = '', finished_at = $13, heartbeat_at = $13 "
		"WHERE org_id = $1 AND id = $2",
		P_I(jr->org_id), P_I(jr->job_id), P_I(sum.read), P_I(len), P_I(sum.read), P_I(sum.created),
		P_I(sum.updated), P_I(sum.skipped), P_I(sum.failed), P_I(!!sum.rolled_back),
		P_T(import_preset_code(sum.preset)), P_T(errs ? errs : "[]"), P_I(now)))
		log_error("import job %lld: cannot record its summary: %s", (long long)jr->job_id, db_errmsg(c));
	free(errs);
out:
	free(data);
	arena_free(a);
	db_release(c);
	sb_release(&errmsg);
}

static void *job_thread(void *p)
{
	struct job_run *jr = p;
	pthread_mutex_lock(&run_mu);
	run_job(jr);
	pthread_mutex_unlock(&run_mu);
	/* the row holds the outcome before the job leaves the registry, so a
	 * reader never sees a finished job as running nowhere */
	reg_remove(jr->reg);
	if (jr->done)
		jr->done(jr->cls);
	free(jr);
	return NULL;
}

enum err import_job_start(struct db *db, int64_t org_id, int64_t job_id, void (*done)(void *), void *cls)
{
	struct job_run *jr = xcalloc(1, sizeof(*jr));
	jr->db = db;
	jr->org_id = org_id;
	jr->job_id = job_id;
	jr->done = done;
	jr->cls = cls;
	/* registered before the thread starts, so the page the browser is
	 * sent to next finds the job running here */
	jr->reg = reg_add(job_id);
	if (!jr->reg) {
		free(jr);
		return E_INTERNAL;
	}
	pthread_attr_t attr;
	pthread_t t;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	int rc = pthread_create(&t, &attr, job_thread, jr);
	pthread_attr_destroy(&attr);
	if (rc) {
		log_error("import job %lld: cannot start a thread: %s", (long long)job_id, strerror(rc));
		reg_remove(jr->reg);
		free(jr);
		return E_INTERNAL;
	}
	return E_OK;
}
