/*
 * db: the connection pool, the per-connection statement cache and the public
 * interface of db.h, on top of a driver (db-driver.h).
 *
 * Connections are opened lazily and checked on every acquire, so a database
 * that went away and came back is picked up again without a restart; while it
 * is away, db_acquire returns NULL and the router answers 503.
 *
 * Each connection carries the pool's statement time limit (set again on
 * acquire when it changed) and counts what it made permanent since db_mark,
 * so that work lost to a serialisation failure or a deadlock is replayed only
 * when nothing of it was kept (db_replayable, db_transact).
 */
#include "db.h"
#include "db-driver.h"
#include "../lib/xalloc.h"
#include "../lib/log.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <errno.h>

struct cache_entry {
	uint64_t hash;
	char *sql;
	void *ds;
	int in_use;
	unsigned long last;
};

struct db_conn {
	struct db *db;
	void *h;
	int in_use;
	int depth;		/* open transactions: 1 = BEGIN, more = savepoints */
	int reading;		/* a read transaction of db_read_begin is open */
	int timeout_ms;		/* the statement time limit set on h */
	int effects;		/* commits and changes made outside a transaction since db_mark */
	unsigned long tick;
	struct cache_entry cache[STMT_CACHE];
	/* the last failure on this connection, kept at the time it happened:
	 * a rollback after it would replace the driver's own message */
	enum err last_err;
	char last_msg[512];
	/* audit: who is changing things (db_set_actor) */
	int64_t actor_id;
	const char *actor_via;
};

struct db_stmt {
	struct db_conn *c;
	const char *sql;	/* for the log line of a statement that ran over */
	void *ds;
	int slot;		/* cache slot, -1 for a one-off statement */
	enum err err;		/* sticky error of this execution */
	int counted;		/* its changes counted in c->effects */
	int reads;		/* a plain SELECT (is_select), decided once, not on every row */
};

struct db {
	const struct db_driver *drv;
	char *url;
	char *target;		/* what the driver connects to */
	int n;
	int timeout_ms;		/* every statement's time limit, 0: none */
	struct db_conn *conns;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	/* speed (issue 15): db_data_version's own connection, never lent out
	 * and never writing, so that every commit changes what it reads */
	pthread_mutex_t dv_mu;
	void *dv_h;
	int dv_failed;
};

/* records a failure's code and the driver's detail; passes e through */
static enum err note(struct db_conn *c, enum err e)
{
	if (e && c) {
		c->last_err = e;
		const char *m = c->h ? c->db->drv->errmsg(c->h) : NULL;
		snprintf(c->last_msg, sizeof(c->last_msg), "%s", m && *m ? m : err_name(e));
	}
	return e;
}

enum err db_last_error(struct db_conn *c, const char **detail)
{
	if (detail)
		*detail = c && c->last_err ? c->last_msg : "";
	return c ? c->last_err : E_OK;
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

enum err db_open(const char *url, int pool_size, struct db **out, struct strbuf *errmsg)
{
	const struct db_driver *drv;
	const char *target;
	if (!strncmp(url, "sqlite:", 7)) {
		drv = &db_sqlite_driver;
		target = url + 7;
	} else if (!strncmp(url, "postgresql://", 13) || !strncmp(url, "postgres://", 11)) {
		drv = &db_pg_driver;
		target = url;
	} else {
		if (errmsg)
			sb_addf(errmsg, "unknown database URL '%s' (use sqlite:PATH or postgresql://...)", url);
		return E_INVALID;
	}
	if (!*target) {
		if (errmsg)
			sb_adds(errmsg, "the database URL names no file");
		return E_INVALID;
	}
	if (pool_size < 1)
		pool_size = 1;
	struct db *db = xcalloc(1, sizeof(*db));
	db->drv = drv;
	db->url = xstrdup(url);
	db->target = xstrdup(target);
	db->n = pool_size;
	db->conns = xcalloc((size_t)pool_size, sizeof(struct db_conn));
	pthread_mutex_init(&db->mu, NULL);
	pthread_cond_init(&db->cv, NULL);
	pthread_mutex_init(&db->dv_mu, NULL);
	for (int i = 0; i < pool_size; i++)
		db->conns[i].db = db;
	/* open the first connection now so a bad URL is reported at once */
	db->conns[0].h = drv->connect(db->target, errmsg);
	if (!db->conns[0].h) {
		db_close(db);
		return E_UNAVAILABLE;
	}
	*out = db;
	return E_OK;
}

static void cache_clear(struct db_conn *c)
{
	for (int i = 0; i < STMT_CACHE; i++) {
		if (c->cache[i].sql) {
			if (c->h)
				c->db->drv->unprepare(c->h, c->cache[i].ds);
			free(c->cache[i].sql);
		}
		memset(&c->cache[i], 0, sizeof(c->cache[i]));
	}
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (int i = 0; i < db->n; i++) {
		cache_clear(&db->conns[i]);
		if (db->conns[i].h)
			db->drv->disconnect(db->conns[i].h);
	}
	if (db->dv_h)
		db->drv->disconnect(db->dv_h);
	pthread_mutex_destroy(&db->dv_mu);
	free(db->conns);
	free(db->url);
	free(db->target);
	pthread_mutex_destroy(&db->mu);
	pthread_cond_destroy(&db->cv);
	free(db);
}

enum db_kind db_kind(const struct db *db)
{
	return db->drv->kind;
}

const char *db_url(const struct db *db)
{
	return db->url;
}

enum db_kind db_conn_kind(const struct db_conn *c)
{
	return c->db->drv->kind;
}

void db_yield_writers(struct db_conn *c)
{
	if (!c || db_conn_kind(c) != DB_SQLITE)
		return;
	/* writers retry every millisecond (db-sqlite.c's busy handler) */
	struct timespec ts = { 0, 10 * 1000000 };
	nanosleep(&ts, NULL);
}

void db_pool_use(struct db *db, int *size, int *in_use)
{
	pthread_mutex_lock(&db->mu);
	*size = db->n;
	*in_use = 0;
	for (int i = 0; i < db->n; i++)
		*in_use += db->conns[i].in_use != 0;
	pthread_mutex_unlock(&db->mu);
}

static struct db_conn *acquire(struct db *db, struct strbuf *errmsg, int wait)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 5;
	struct db_conn *c = NULL;
	pthread_mutex_lock(&db->mu);
	for (;;) {
		for (int i = 0; i < db->n; i++) {
			if (!db->conns[i].in_use) {
				c = &db->conns[i];
				break;
			}
		}
		if (c)
			break;
		if (!wait || pthread_cond_timedwait(&db->cv, &db->mu, &until) == ETIMEDOUT) {
			pthread_mutex_unlock(&db->mu);
			if (errmsg)
				sb_adds(errmsg, "all database connections are busy");
			return NULL;
		}
	}
	c->in_use = 1;
	c->last_err = E_OK;
	c->last_msg[0] = '\0';
	pthread_mutex_unlock(&db->mu);

	if (!c->h) {
		c->h = db->drv->connect(db->target, errmsg);
		c->timeout_ms = 0;
	} else {
		int st = db->drv->ensure(c->h);
		if (st == 2) {
			/* re-established: the server forgot our prepared statements */
			cache_clear(c);
		} else if (!st) {
			if (errmsg)
				sb_adds(errmsg, db->drv->errmsg(c->h));
			db_release(c);
			return NULL;
		}
	}
	if (!c->h) {
		db_release(c);
		return NULL;
	}
	if (c->timeout_ms != db->timeout_ms && db->drv->set_timeout) {
		db->drv->set_timeout(c->h, db->timeout_ms);
		c->timeout_ms = db->timeout_ms;
	}
	c->effects = 0;
	c->actor_id = 0;
	c->actor_via = "system";
	return c;
}

struct db_conn *db_acquire(struct db *db, struct strbuf *errmsg)
{
	return acquire(db, errmsg, 1);
}

struct db_conn *db_try_acquire(struct db *db)
{
	return acquire(db, NULL, 0);
}

void db_set_actor(struct db_conn *c, int64_t user_id, const char *via)
{
	c->actor_id = user_id;
	c->actor_via = via ? via : "system";
}

int64_t db_actor_id(const struct db_conn *c)
{
	return c->actor_id;
}

const char *db_actor_via(const struct db_conn *c)
{
	return c->actor_via ? c->actor_via : "system";
}

void db_set_statement_timeout(struct db *db, int ms)
{
	pthread_mutex_lock(&db->mu);
	db->timeout_ms = ms > 0 ? ms : 0;
	pthread_mutex_unlock(&db->mu);
}

void db_conn_statement_timeout(struct db_conn *c, int ms)
{
	ms = ms > 0 ? ms : 0;
	if (c->h && c->db->drv->set_timeout && c->timeout_ms != ms) {
		c->db->drv->set_timeout(c->h, ms);
		c->timeout_ms = ms;
	}
}

void db_release(struct db_conn *c)
{
	struct db *db = c->db;
	/* a transaction left open by mistake must not leak into the next user */
	if ((c->depth || c->reading) && c->h) {
		db->drv->exec_script(c->h, "ROLLBACK");
		c->depth = 0;
		c->reading = 0;
	}
	pthread_mutex_lock(&db->mu);
	c->in_use = 0;
	pthread_cond_signal(&db->cv);
	pthread_mutex_unlock(&db->mu);
}

/* a plain read, whose "rows" are no change (PostgreSQL counts a SELECT's
 * rows as its command tuples) */
static int is_select(const char *sql)
{
	while (*sql == ' ' || *sql == '\t' || *sql == '\n' || *sql == '(')
		sql++;
	return !strncasecmp(sql, "SELECT", 6);
}

struct db_stmt *db_query(struct db_conn *c, const char *sql, const struct db_param *p, int n)
{
	const struct db_driver *drv = c->db->drv;
	struct db_stmt *st = xcalloc(1, sizeof(*st));
	st->c = c;
	st->sql = sql;
	st->slot = -1;
	st->reads = is_select(sql);
	uint64_t h = fnv1a(sql);
	int free_slot = -1, oldest = -1;
	for (int i = 0; i < STMT_CACHE; i++) {
		struct cache_entry *ce = &c->cache[i];
		if (!ce->sql) {
			if (free_slot < 0)
				free_slot = i;
			continue;
		}
		if (ce->hash == h && !strcmp(ce->sql, sql)) {
			if (!ce->in_use) {
				st->slot = i;
				st->ds = ce->ds;
			}
			break;
		}
		if (!ce->in_use && (oldest < 0 || ce->last < c->cache[oldest].last))
			oldest = i;
	}
	if (!st->ds) {
		int slot = st->slot >= 0 ? -1 : free_slot >= 0 ? free_slot : oldest;
		/* a statement already running (nested use) gets a one-off copy */
		for (int i = 0; i < STMT_CACHE && slot >= 0; i++)
			if (c->cache[i].sql && c->cache[i].hash == h && !strcmp(c->cache[i].sql, sql))
				slot = -1;
		if (slot >= 0 && c->cache[slot].sql) {
			drv->unprepare(c->h, c->cache[slot].ds);
			free(c->cache[slot].sql);
			memset(&c->cache[slot], 0, sizeof(c->cache[slot]));
		}
		enum err e = E_OK;
		st->ds = drv->prepare(c->h, sql, slot >= 0 ? slot : -1, &e);
		if (!st->ds) {
			st->err = note(c, e ? e : E_INTERNAL);
			return st;
		}
		if (slot >= 0) {
			c->cache[slot].hash = h;
			c->cache[slot].sql = xstrdup(sql);
			c->cache[slot].ds = st->ds;
			st->slot = slot;
		}
	}
	if (st->slot >= 0) {
		c->cache[st->slot].in_use = 1;
		c->cache[st->slot].last = ++c->tick;
	}
	drv->bind(st->ds, p, n);
	return st;
}

int db_step(struct db_stmt *st)
{
	if (st->err)
		return -(int)st->err;
	struct db_conn *c = st->c;
	int r = c->db->drv->step(c->h, st->ds);
	if (r < 0) {
		st->err = note(c, (enum err)(-r));
		if (c->db->drv->timed_out && c->db->drv->timed_out(c->h))
			log_error("a statement ran over its time limit of %d ms and was stopped: %.200s",
				  c->timeout_ms, st->sql);
	} else if (!c->depth && !st->counted && !st->reads && c->db->drv->changes(c->h, st->ds) > 0) {
		/* a change committed on its own: a replay would make it twice */
		st->counted = 1;
		c->effects++;
	}
	return r;
}

int64_t db_col_i64(struct db_stmt *st, int col)
{
	return st->c->db->drv->col_i64(st->ds, col);
}

double db_col_double(struct db_stmt *st, int col)
{
	return st->c->db->drv->col_double(st->ds, col);
}

const char *db_col_text(struct db_stmt *st, int col)
{
	const char *s = st->c->db->drv->col_text(st->ds, col);
	return s ? s : "";
}

int db_col_null(struct db_stmt *st, int col)
{
	return st->c->db->drv->col_null(st->ds, col);
}

int64_t db_changes(struct db_stmt *st)
{
	return st->c->db->drv->changes(st->c->h, st->ds);
}

enum err db_finish(struct db_stmt *st)
{
	if (!st)
		return E_INTERNAL;
	struct db_conn *c = st->c;
	enum err e = st->err;
	if (st->ds) {
		enum err re = c->db->drv->reset(c->h, st->ds);
		if (!e)
			e = note(c, re);
		if (st->slot >= 0)
			c->cache[st->slot].in_use = 0;
		else
			c->db->drv->unprepare(c->h, st->ds);
	}
	free(st);
	return e;
}

enum err db_exec_params(struct db_conn *c, const char *sql, const struct db_param *p, int n)
{
	struct db_stmt *st = db_query(c, sql, p, n);
	while (db_step(st) == DB_ROW)
		;
	return db_finish(st);
}

int64_t db_scalar_i64(struct db_conn *c, const char *sql, const struct db_param *p, int n,
		      int64_t def)
{
	struct db_stmt *st = db_query(c, sql, p, n);
	int64_t v = def;
	if (db_step(st) == DB_ROW && !db_col_null(st, 0))
		v = db_col_i64(st, 0);
	db_finish(st);
	return v;
}

enum err db_exec_script(struct db_conn *c, const char *sql)
{
	return note(c, c->db->drv->exec_script(c->h, sql));
}

enum err db_analyze(struct db_conn *c)
{
	return db_conn_kind(c) == DB_PG ? db_exec_script(c, "ANALYZE") : E_OK;
}

int db_has_copy(const struct db_conn *c)
{
	return c->db->drv->copy_in != NULL;
}

enum err db_copy_in(struct db_conn *c, const char *sql, const char *data, size_t len, size_t *bad_row)
{
	*bad_row = 0;
	if (!c->db->drv->copy_in)
		return note(c, E_INTERNAL);
	return note(c, c->db->drv->copy_in(c->h, sql, data, len, bad_row));
}

/* Transactions nest: an inner db_begin is a savepoint, so a step that needs
 * a transaction (adding a user) can run alone or inside a larger one (the
 * demo, an import) without knowing which. */
enum err db_begin(struct db_conn *c)
{
	char sql[32];
	enum err e;
	db_read_end(c);
	if (c->depth == 0) {
		e = c->db->drv->exec_script(c->h, c->db->drv->begin_sql);
	} else {
		snprintf(sql, sizeof(sql), "SAVEPOINT sp%d", c->depth);
		e = c->db->drv->exec_script(c->h, sql);
	}
	if (!e)
		c->depth++;
	return note(c, e);
}

enum err db_commit(struct db_conn *c)
{
	char sql[32];
	if (c->depth <= 1) {
		c->depth = 0;
		enum err e = note(c, c->db->drv->exec_script(c->h, "COMMIT"));
		if (!e)
			c->effects++;
		return e;
	}
	c->depth--;
	snprintf(sql, sizeof(sql), "RELEASE SAVEPOINT sp%d", c->depth);
	return note(c, c->db->drv->exec_script(c->h, sql));
}

enum err db_rollback(struct db_conn *c)
{
	char sql[80];
	if (c->depth <= 1) {
		c->depth = 0;
		return c->db->drv->exec_script(c->h, "ROLLBACK");
	}
	c->depth--;
	snprintf(sql, sizeof(sql), "ROLLBACK TO SAVEPOINT sp%d; RELEASE SAVEPOINT sp%d", c->depth, c->depth);
	return c->db->drv->exec_script(c->h, sql);
}

void db_read_begin(struct db_conn *c)
{
	if (c->depth || c->reading || c->db->drv->kind != DB_SQLITE)
		return;
	/* deferred: the read lock is taken by the first read, for all of them */
	c->reading = !c->db->drv->exec_script(c->h, "BEGIN");
}

void db_read_end(struct db_conn *c)
{
	if (!c->reading)
		return;
	c->reading = 0;
	if (c->db->drv->exec_script(c->h, "COMMIT"))
		c->db->drv->exec_script(c->h, "ROLLBACK");
}

void db_mark(struct db_conn *c)
{
	c->effects = 0;
	if (c->db->drv->conflicted)
		c->db->drv->conflicted(c->h);
}

int db_replayable(struct db_conn *c)
{
	int conflict = c->db->drv->conflicted && c->db->drv->conflicted(c->h);
	return conflict && !c->effects && !c->depth;
}

enum err db_transact(struct db_conn *c, enum err (*fn)(struct db_conn *c, void *arg), void *arg)
{
	int outer = c->depth == 0;
	for (int attempt = 0;; attempt++) {
		if (outer)
			db_mark(c);
		enum err e = db_begin(c);
		if (e)
			return e;
		e = fn(c, arg);
		if (e)
			db_rollback(c);
		else if ((e = db_commit(c)) && c->depth)
			db_rollback(c);
		if (!e)
			return E_OK;
		/* only a whole transaction can be run again: a savepoint's
		 * conflict aborts the transaction around it, its caller's */
		if (!outer || attempt >= DB_REPLAYS || !db_replayable(c))
			return e;
	}
}

const char *db_errmsg(struct db_conn *c)
{
	return c->db->drv->errmsg(c->h);
}

const char *db_driver_target(const struct db *db);
const char *db_driver_target(const struct db *db)
{
	return db->target;
}

/* speed (issue 15): the database's data version (see db.h) */
int64_t db_data_version(struct db *db)
{
	if (!db->drv->data_version)
		return -1;
	int64_t v = -1;
	pthread_mutex_lock(&db->dv_mu);
	if (!db->dv_h && !db->dv_failed) {
		db->dv_h = db->drv->connect(db->target, NULL);
		db->dv_failed = !db->dv_h;
	}
	/* a failure is for good: a new handle would count from the start again,
	 * and a number seen before could come back meaning other data */
	if (db->dv_h && !db->dv_failed) {
		v = db->drv->data_version(db->dv_h);
		if (v < 0)
			db->dv_failed = 1;
	}
	pthread_mutex_unlock(&db->dv_mu);
	return v;
}
