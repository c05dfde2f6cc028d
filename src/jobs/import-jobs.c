/*
 * import-jobs: see import-jobs.h. This file owns the one piece of process
 * state of the import pages: the jobs running in this process, with their
 * progress, and the lock that runs them one after another.
 */
#include "import-jobs.h"
#include "../lib/xalloc.h"
#include "../service/import.h"
#include "../lib/runner.h"
#include "../lib/util.h"
#include "../lib/log.h"
#include <pthread.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
int import_jobs_running(void)
{
	int n = 0;
	pthread_mutex_lock(&reg_mu);
	for (struct running *e = reg_head; e; e = e->next)
		n++;
	pthread_mutex_unlock(&reg_mu);
	return n;
}

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

int import_jobs_wait(int seconds)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += seconds;
	pthread_mutex_lock(&reg_mu);
	int n;
	for (;;) {
		n = 0;
		for (struct running *e = reg_head; e; e = e->next)
			n++;
		if (!n || pthread_cond_timedwait(&reg_cv, &reg_mu, &until) == ETIMEDOUT)
			break;
	}
	pthread_mutex_unlock(&reg_mu);
	return n;
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

/* --- the rows, with what this process knows --- */

enum err import_job_new(struct db_conn *c, int64_t org_id, int64_t file_id, int64_t user_id,
			const struct import_options *o, int64_t bytes_total, int64_t *id)
{
	struct import_job_spec spec = {
		.kind = o->kind, .preset = o->preset, .map = o->map, .nmap = o->nmap, .set = o->set, .nset = o->nset,
		.create_missing = o->create_missing, .all_or_nothing = o->all_or_nothing, .dry_run = o->dry_run,
		.lang = o->lang,
	};
	return import_job_create(c, org_id, file_id, user_id, &spec, bytes_total, runner_self(), id);
}

/* a running job: its progress from this process, or, when its process is
 * gone, what it committed undone and the row marked failed (*reread: the
 * row changed) */
static enum err settle(struct db_conn *c, int64_t org_id, struct import_job *j, int *reread)
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
	if (!runner_gone(j->runner, j->heartbeat_at, STALE_SECONDS))
		return E_OK;
	enum err e = import_undo_job(c, org_id, j->id);
	if (e)
		return e;
	const char *msg = tr(j->lang, "The server stopped before the import finished. Nothing was saved; run it again.");
	e = import_job_set_failed(c, org_id, j->id, msg, 1);
	*reread = 1;
	return e;
}

enum err import_job_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct import_job *out)
{
	for (int pass = 0; pass < 2; pass++) {
		enum err e = import_job_read(c, a, org_id, id, out);
		if (e)
			return e;
		int reread = 0;
		e = settle(c, org_id, out, &reread);
		if (e || !reread)
			return e;
	}
	return E_OK;
}

enum err import_jobs_recent(struct db_conn *c, struct arena *a, int64_t org_id, size_t limit,
			    struct import_job **out, size_t *n)
{
	enum err e = import_jobs_read_recent(c, a, org_id, limit, out, n);
	if (e)
		return e;
	/* a job that died shows as failed in the list too */
	for (size_t i = 0; i < *n; i++) {
		int reread = 0;
		if (settle(c, org_id, &(*out)[i], &reread))
			continue;
		if (reread) {
			struct import_job j;
			if (!import_job_read(c, a, org_id, (*out)[i].id, &j)) {
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
	struct running *reg;
	size_t bytes;
	struct import_data data;	/* the file, mapped: pages read are let go */
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
	import_data_done_before(&jr->data, bytes_done);
	if (!jr->pc)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (elapsed_ns(&jr->last, &now) < PROGRESS_EVERY_NS)
		return;
	jr->last = now;
	if (import_job_set_progress(jr->pc, jr->org_id, jr->job_id, (int64_t)rows, (int64_t)bytes_done))
		log_error("import job %lld: cannot write progress: %s", (long long)jr->job_id, db_errmsg(jr->pc));
}

/* the summary goes into the row in the import's last transaction, so the
 * row says done exactly when the import's writes are kept (or undone) */
static enum err on_finish(void *cls, struct db_conn *c, const struct import_summary *s)
{
	struct job_run *jr = cls;
	return import_job_set_done(c, jr->org_id, jr->job_id, s, (int64_t)jr->bytes);
}

static void finish_failed(struct db_conn *c, const struct job_run *jr, const char *msg)
{
	if (import_job_set_failed(c, jr->org_id, jr->job_id, msg, 0))
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
	/* a background import is no request: its batches and, after a failure,
	 * its undo may take longer than a page's statement limit */
	db_conn_statement_timeout(c, 0);
	struct arena *a = arena_new();
	struct import_job job;
	enum err e = import_job_read(c, a, jr->org_id, jr->job_id, &job);
	if (!e)
		e = import_file_open_data(c, jr->org_id, job.file_id, &jr->data);
	size_t len = jr->data.len;
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
		.set = job.set,
		.nset = job.nset,
		.create_missing = job.create_missing,
		.dry_run = job.dry_run,
		.all_or_nothing = job.all_or_nothing,
		.lang = job.lang,
		.job_id = jr->job_id,
		.progress = on_progress,
		.progress_cls = jr,
		.finish = on_finish,
		.finish_cls = jr,
		/* read once, front to back: checked as UTF-8 on upload */
		.lines = jr->data.lines,
		.utf8_checked = 1,
	};
	jr->bytes = len;
	pthread_mutex_lock(&reg_mu);
	jr->reg->bytes_total = len;
	pthread_mutex_unlock(&reg_mu);
	if (db_kind(jr->db) == DB_PG)
		jr->pc = db_acquire(jr->db, NULL);
	clock_gettime(CLOCK_MONOTONIC, &jr->last);

	struct import_summary sum;
	memset(&sum, 0, sizeof(sum));
	sb_reset(&errmsg);
	db_set_actor(c, job.user_id, "web");	/* audit: the import is who started it's */
	o.file_name = job.filename;
	e = import_run(c, a, jr->org_id, jr->data.data, len, &o, &sum, &errmsg);
	if (jr->pc) {
		db_release(jr->pc);
		jr->pc = NULL;
	}
	if (e)
		finish_failed(c, jr, errmsg.len ? errmsg.buf : tr(job.lang, "The import failed."));
out:
	import_data_close(&jr->data);
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
	free(jr);
	return NULL;
}

enum err import_job_start(struct db *db, int64_t org_id, int64_t job_id)
{
	struct job_run *jr = xcalloc(1, sizeof(*jr));
	jr->db = db;
	jr->org_id = org_id;
	jr->job_id = job_id;
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
