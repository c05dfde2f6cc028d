/*
 * db-sqlite: the SQLite driver. Each pooled connection is its own sqlite3
 * handle in WAL mode (readers never wait for the writer), with foreign keys on
 * and a busy timeout so concurrent writers queue instead of failing.
 * Parameters are written $1..$n in our SQL; SQLite treats "$1" as a named
 * parameter, so we bind by name and the numbering means what it says.
 *
 * A statement may be given a time limit: a progress handler, called every
 * few thousand virtual-machine steps, interrupts it once its deadline (set
 * when it starts) has passed.
 */
#include "db-driver.h"
#include "../lib/xalloc.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* how often (in virtual-machine steps) the deadline is looked at: a clock
 * read every few microseconds of work, cheap beside it */
#define PROGRESS_STEPS 4000

struct sq_conn {
	sqlite3 *db;
	int timeout_ms;			/* 0: no limit */
	struct timespec deadline;
	int timed_out;			/* the last statement ran over */
	sqlite3_stmt *dv;		/* PRAGMA data_version, prepared once */
};

static void set_deadline(struct sq_conn *sc)
{
	sc->timed_out = 0;
	if (!sc->timeout_ms)
		return;
	clock_gettime(CLOCK_MONOTONIC, &sc->deadline);
	sc->deadline.tv_sec += sc->timeout_ms / 1000;
	sc->deadline.tv_nsec += (long)(sc->timeout_ms % 1000) * 1000000L;
	if (sc->deadline.tv_nsec >= 1000000000L) {
		sc->deadline.tv_sec++;
		sc->deadline.tv_nsec -= 1000000000L;
	}
}

static int progress(void *arg)
{
	struct sq_conn *sc = arg;
	if (!sc->timeout_ms)
		return 0;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec > sc->deadline.tv_sec ||
	    (now.tv_sec == sc->deadline.tv_sec && now.tv_nsec > sc->deadline.tv_nsec)) {
		sc->timed_out = 1;
		return 1;	/* SQLITE_INTERRUPT */
	}
	return 0;
}

struct sq_stmt {
	sqlite3_stmt *s;
	int idx[32];		/* sqlite index of $1..$32, 0 when absent */
};

static enum err map_rc(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: case SQLITE_ROW: case SQLITE_DONE: return E_OK;
	case SQLITE_CONSTRAINT:
		return rc == SQLITE_CONSTRAINT_FOREIGNKEY || rc == SQLITE_CONSTRAINT_CHECK ||
			rc == SQLITE_CONSTRAINT_NOTNULL ? E_INVALID : E_CONFLICT;
	case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_CANTOPEN: case SQLITE_IOERR:
	case SQLITE_FULL: case SQLITE_READONLY: case SQLITE_INTERRUPT:
		return E_UNAVAILABLE;
	case SQLITE_NOMEM: case SQLITE_TOOBIG: return E_TOOLARGE;
	default: return E_INTERNAL;
	}
}

/*
 * Waiting for the write lock: retry every millisecond for up to five
 * seconds. SQLite's own busy timeout sleeps ever longer between tries (up
 * to 100 ms), so a writer waiting beside an import that commits a batch and
 * begins the next within a millisecond never saw the lock free, and gave
 * up after 5 s with 503. With short sleeps the gap the import leaves
 * between its batches (db_yield_writers) is enough.
 */
#define BUSY_WAIT_MS 5000
static int sq_busy(void *arg, int n)
{
	(void)arg;
	struct timespec ts = { 0, 1000000 };	/* 1 ms */
	if (n >= BUSY_WAIT_MS)
		return 0;
	nanosleep(&ts, NULL);
	return 1;
}

static void *sq_connect(const char *path, struct strbuf *errmsg)
{
	sqlite3 *h = NULL;
	int rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				 SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		if (errmsg)
			sb_addf(errmsg, "cannot open %s: %s", path, h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
		sqlite3_close(h);
		return NULL;
	}
	sqlite3_busy_handler(h, sq_busy, NULL);
	char *em = NULL;
	rc = sqlite3_exec(h, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
			  "PRAGMA synchronous=NORMAL;", NULL, NULL, &em);
	if (rc != SQLITE_OK) {
		if (errmsg)
			sb_addf(errmsg, "cannot use %s: %s", path, em ? em : sqlite3_errstr(rc));
		sqlite3_free(em);
		sqlite3_close(h);
		return NULL;
	}
	struct sq_conn *sc = calloc(1, sizeof(*sc));
	if (!sc) {
		sqlite3_close(h);
		return NULL;
	}
	sc->db = h;
	sqlite3_progress_handler(h, PROGRESS_STEPS, progress, sc);
	return sc;
}

static void sq_disconnect(void *h)
{
	struct sq_conn *sc = h;
	sqlite3_finalize(sc->dv);
	sqlite3_close_v2(sc->db);
	free(sc);
}

static void sq_set_timeout(void *h, int ms)
{
	((struct sq_conn *)h)->timeout_ms = ms > 0 ? ms : 0;
}

static int sq_timed_out(void *h)
{
	return h && ((struct sq_conn *)h)->timed_out;
}

static int sq_ensure(void *h)
{
	(void)h;
	return 1;
}

static void *sq_prepare(void *h, const char *sql, int slot, enum err *e)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v3(((struct sq_conn *)h)->db, sql, -1, slot >= 0 ? SQLITE_PREPARE_PERSISTENT : 0, &s, NULL);
	if (rc != SQLITE_OK) {
		*e = map_rc(rc);
		if (*e == E_OK)
			*e = E_INTERNAL;
		return NULL;
	}
	struct sq_stmt *st = xcalloc(1, sizeof(*st));
	st->s = s;
	for (int i = 0; i < 32; i++) {
		char name[16];
		snprintf(name, sizeof(name), "$%d", i + 1);
		st->idx[i] = sqlite3_bind_parameter_index(s, name);
	}
	return st;
}

static void sq_unprepare(void *h, void *ds)
{
	(void)h;
	struct sq_stmt *st = ds;
	sqlite3_finalize(st->s);
	free(st);
}

static void sq_bind(void *ds, const struct db_param *p, int n)
{
	struct sq_stmt *st = ds;
	for (int i = 0; i < n && i < 32; i++) {
		int ix = st->idx[i];
		if (!ix)
			continue;
		switch (p[i].type) {
		case 'i': sqlite3_bind_int64(st->s, ix, p[i].i); break;
		case 'd': sqlite3_bind_double(st->s, ix, p[i].d); break;
		case 't':
			if (p[i].t)
				sqlite3_bind_text(st->s, ix, p[i].t, -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(st->s, ix);
			break;
		default: sqlite3_bind_null(st->s, ix); break;
		}
	}
}

static int sq_step(void *h, void *ds)
{
	struct sq_conn *sc = h;
	sqlite3_stmt *s = ((struct sq_stmt *)ds)->s;
	/* the deadline runs from the statement's first step, across its rows */
	if (!sqlite3_stmt_busy(s))
		set_deadline(sc);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	enum err e = map_rc(sqlite3_extended_errcode(sc->db));
	return -(int)(e ? e : E_INTERNAL);
}

static int64_t sq_col_i64(void *ds, int col)
{
	return sqlite3_column_int64(((struct sq_stmt *)ds)->s, col);
}

static double sq_col_double(void *ds, int col)
{
	return sqlite3_column_double(((struct sq_stmt *)ds)->s, col);
}

static const char *sq_col_text(void *ds, int col)
{
	return (const char *)sqlite3_column_text(((struct sq_stmt *)ds)->s, col);
}

static int sq_col_null(void *ds, int col)
{
	return sqlite3_column_type(((struct sq_stmt *)ds)->s, col) == SQLITE_NULL;
}

static int64_t sq_changes(void *h, void *ds)
{
	(void)ds;
	return sqlite3_changes64(((struct sq_conn *)h)->db);
}

static enum err sq_reset(void *h, void *ds)
{
	(void)h;
	struct sq_stmt *st = ds;
	sqlite3_reset(st->s);
	sqlite3_clear_bindings(st->s);
	return E_OK;
}

/* BEGIN, COMMIT, ROLLBACK and savepoints are never stopped: a commit cut
 * short would lose work that is done, and a rollback must always happen */
static int txn_control(const char *sql)
{
	static const char *const kw[] = { "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE" };
	for (size_t i = 0; i < sizeof(kw) / sizeof(kw[0]); i++)
		if (!strncasecmp(sql, kw[i], strlen(kw[i])))
			return 1;
	return 0;
}

static enum err sq_exec_script(void *h, const char *sql)
{
	struct sq_conn *sc = h;
	int limit = sc->timeout_ms;
	if (txn_control(sql))
		sc->timeout_ms = 0;
	set_deadline(sc);
	int rc = sqlite3_exec(sc->db, sql, NULL, NULL, NULL);
	sc->timeout_ms = limit;
	return rc == SQLITE_OK ? E_OK : (map_rc(rc) ? map_rc(rc) : E_INTERNAL);
}

static const char *sq_errmsg(void *h)
{
	return h ? sqlite3_errmsg(((struct sq_conn *)h)->db) : "no connection";
}

/* speed (issue 15): PRAGMA data_version changes whenever another
 * connection (any process) commits; on a connection that never writes, that
 * is every commit. The statement is reset at once: no read transaction is
 * left open (it would hold back checkpoints). -1 on an error. */
static int64_t sq_data_version(void *h)
{
	struct sq_conn *sc = h;
	if (!sc->dv && sqlite3_prepare_v2(sc->db, "PRAGMA data_version", -1, &sc->dv, NULL) != SQLITE_OK)
		return -1;
	int64_t v = -1;
	if (sqlite3_step(sc->dv) == SQLITE_ROW)
		v = sqlite3_column_int64(sc->dv, 0);
	sqlite3_reset(sc->dv);
	return v;
}

const struct db_driver db_sqlite_driver = {
	.data_version = sq_data_version,
	.kind = DB_SQLITE,
	.connect = sq_connect,
	.disconnect = sq_disconnect,
	.ensure = sq_ensure,
	.prepare = sq_prepare,
	.unprepare = sq_unprepare,
	.bind = sq_bind,
	.step = sq_step,
	.col_i64 = sq_col_i64,
	.col_double = sq_col_double,
	.col_text = sq_col_text,
	.col_null = sq_col_null,
	.changes = sq_changes,
	.reset = sq_reset,
	.exec_script = sq_exec_script,
	.errmsg = sq_errmsg,
	.set_timeout = sq_set_timeout,
	.timed_out = sq_timed_out,
	/* IMMEDIATE takes the write lock up front, so two writers never deadlock
	 * on a read lock each wants to upgrade */
	.begin_sql = "BEGIN IMMEDIATE",
};
