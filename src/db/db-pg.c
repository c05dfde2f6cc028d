/*
 * db-pg: the PostgreSQL driver on libpq. Cached statements are prepared on
 * the server once per connection (PQprepare) and run with PQexecPrepared;
 * one-off statements go through PQexecParams. Values travel as text, which
 * keeps the two drivers' column accessors alike.
 *
 * A connection that broke (server restarted, network) is reset on the next
 * acquire; the request that saw it break answers 503.
 *
 * Time limits are PostgreSQL's statement_timeout, set per connection. A
 * statement run outside a transaction that fails with a serialisation
 * failure (40001) or a deadlock (40P01) is run again, a few times: it was
 * rolled back whole. Inside a transaction only the caller can replay it
 * (db_transact).
 */
#include "db-driver.h"
#include "../lib/xalloc.h"
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>

#define MAXP 32

struct pg_conn {
	PGconn *c;
	unsigned long seq;
	int timeout_ms;		/* statement_timeout, 0: none */
	char sqlstate[6];	/* of the last error, "" when none */
	int conflict;		/* a 40001/40P01 since last asked */
};

/* how often a statement that is its own transaction is run again after a
 * serialisation failure or a deadlock, before the error is given up */
#define AUTOCOMMIT_RETRIES 3

static void apply_timeout(struct pg_conn *pc)
{
	char q[64];
	snprintf(q, sizeof(q), "SET statement_timeout = %d", pc->timeout_ms);
	PQclear(PQexec(pc->c, q));
}

static int is_retryable_state(const char *st)
{
	return !strcmp(st, "40001") || !strcmp(st, "40P01");
}

/* remembers the SQLSTATE of a failed result, for timed_out; a serialisation
 * failure or deadlock is remembered until asked (later statements of the
 * aborted transaction fail with another state, 25P02) */
static void note_state(struct pg_conn *pc, const PGresult *r)
{
	const char *st = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	snprintf(pc->sqlstate, sizeof(pc->sqlstate), "%s", st ? st : "");
	if (is_retryable_state(pc->sqlstate))
		pc->conflict = 1;
}

struct pg_stmt {
	char name[32];		/* "" for a one-off statement */
	char *sql;
	int nparams;
	const char *vals[MAXP];
	char bufs[MAXP][32];
	char *owned[MAXP];
	PGresult *res;
	int row, nrows;
	int64_t changes;
	int executed;
};

static void quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

static void *pg_connect(const char *url, struct strbuf *errmsg)
{
	PGconn *c = PQconnectdb(url);
	if (!c || PQstatus(c) != CONNECTION_OK) {
		if (errmsg)
			sb_addf(errmsg, "cannot connect to PostgreSQL: %s", c ? PQerrorMessage(c) : "out of memory");
		if (c)
			PQfinish(c);
		return NULL;
	}
	PQsetNoticeProcessor(c, quiet, NULL);
	struct pg_conn *pc = xcalloc(1, sizeof(*pc));
	pc->c = c;
	PGresult *r = PQexec(c, "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
	PQclear(r);
	return pc;
}

static void pg_disconnect(void *h)
{
	struct pg_conn *pc = h;
	PQfinish(pc->c);
	free(pc);
}

static int pg_ensure(void *h)
{
	struct pg_conn *pc = h;
	if (PQstatus(pc->c) == CONNECTION_OK && PQtransactionStatus(pc->c) != PQTRANS_UNKNOWN)
		return 1;
	PQreset(pc->c);
	if (PQstatus(pc->c) != CONNECTION_OK)
		return 0;
	PQsetNoticeProcessor(pc->c, quiet, NULL);
	PGresult *r = PQexec(pc->c, "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
	PQclear(r);
	if (pc->timeout_ms)
		apply_timeout(pc);
	return 2;
}

static enum err map_state(PGconn *c, const PGresult *r)
{
	if (PQstatus(c) != CONNECTION_OK)
		return E_UNAVAILABLE;
	const char *st = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	if (!st)
		return E_INTERNAL;
	if (!strcmp(st, "23505"))
		return E_CONFLICT;
	if (!strncmp(st, "23", 2) || !strncmp(st, "22", 2))
		return E_INVALID;
	if (!strncmp(st, "08", 2) || !strcmp(st, "40001") || !strcmp(st, "40P01") ||
	    !strncmp(st, "57", 2) || !strncmp(st, "53", 2))
		return E_UNAVAILABLE;
	return E_INTERNAL;
}

static int count_params(const char *sql)
{
	int max = 0;
	for (const char *p = sql; *p; p++) {
		if (*p == '\'') {	/* skip string literals */
			for (p++; *p && *p != '\''; p++)
				;
			if (!*p)
				break;
		} else if (*p == '$' && p[1] >= '0' && p[1] <= '9') {
			int n = atoi(p + 1);
			if (n > max)
				max = n;
		}
	}
	return max > MAXP ? MAXP : max;
}

static void *pg_prepare(void *h, const char *sql, int slot, enum err *e)
{
	struct pg_conn *pc = h;
	struct pg_stmt *st = xcalloc(1, sizeof(*st));
	st->nparams = count_params(sql);
	if (slot >= 0) {
		snprintf(st->name, sizeof(st->name), "sg%lu", ++pc->seq);
		PGresult *r = PQprepare(pc->c, st->name, sql, st->nparams, NULL);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			note_state(pc, r);
			*e = map_state(pc->c, r);
			PQclear(r);
			free(st);
			return NULL;
		}
		PQclear(r);
	} else {
		st->sql = xstrdup(sql);
	}
	return st;
}

static void clear_vals(struct pg_stmt *st)
{
	for (int i = 0; i < MAXP; i++) {
		free(st->owned[i]);
		st->owned[i] = NULL;
		st->vals[i] = NULL;
	}
}

static void pg_unprepare(void *h, void *ds)
{
	struct pg_conn *pc = h;
	struct pg_stmt *st = ds;
	if (st->name[0] && pc && PQstatus(pc->c) == CONNECTION_OK &&
	    PQtransactionStatus(pc->c) == PQTRANS_IDLE) {
		char q[64];
		snprintf(q, sizeof(q), "DEALLOCATE %s", st->name);
		PQclear(PQexec(pc->c, q));
	}
	PQclear(st->res);
	clear_vals(st);
	free(st->sql);
	free(st);
}

static void pg_bind(void *ds, const struct db_param *p, int n)
{
	struct pg_stmt *st = ds;
	for (int i = 0; i < n && i < MAXP; i++) {
		switch (p[i].type) {
		case 'i':
			snprintf(st->bufs[i], sizeof(st->bufs[i]), "%" PRId64, p[i].i);
			st->vals[i] = st->bufs[i];
			break;
		case 'd':
			snprintf(st->bufs[i], sizeof(st->bufs[i]), "%.17g", p[i].d);
			st->vals[i] = st->bufs[i];
			break;
		case 't':
			/* copied: callers may bind a temporary */
			st->owned[i] = p[i].t ? xstrdup(p[i].t) : NULL;
			st->vals[i] = st->owned[i];
			break;
		default:
			st->vals[i] = NULL;
			break;
		}
	}
}

static int pg_step(void *h, void *ds)
{
	struct pg_conn *pc = h;
	struct pg_stmt *st = ds;
	if (!st->executed) {
		st->executed = 1;
		pc->sqlstate[0] = '\0';
		/* outside a transaction the statement is one of its own: when it
		 * loses a serialisation conflict or a deadlock, it was rolled back
		 * whole and can simply run again */
		int own_txn = PQtransactionStatus(pc->c) == PQTRANS_IDLE;
		PGresult *r;
		ExecStatusType s;
		for (int attempt = 0;; attempt++) {
			r = st->name[0]
				? PQexecPrepared(pc->c, st->name, st->nparams, st->vals, NULL, NULL, 0)
				: PQexecParams(pc->c, st->sql, st->nparams, NULL, st->vals, NULL, NULL, 0);
			s = PQresultStatus(r);
			if (s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK)
				break;
			note_state(pc, r);
			if (!own_txn || attempt >= AUTOCOMMIT_RETRIES || !is_retryable_state(pc->sqlstate))
				break;
			PQclear(r);
		}
		if (s == PGRES_TUPLES_OK) {
			st->res = r;
			st->nrows = PQntuples(r);
			st->row = -1;
			const char *ct = PQcmdTuples(r);
			st->changes = ct && *ct ? atoll(ct) : 0;
		} else if (s == PGRES_COMMAND_OK) {
			const char *ct = PQcmdTuples(r);
			st->changes = ct && *ct ? atoll(ct) : 0;
			PQclear(r);
			st->nrows = 0;
			st->row = -1;
		} else {
			enum err e = map_state(pc->c, r);
			PQclear(r);
			return -(int)e;
		}
	}
	st->row++;
	return st->row < st->nrows ? DB_ROW : DB_DONE;
}

static const char *pg_col_text(void *ds, int col)
{
	struct pg_stmt *st = ds;
	if (!st->res || st->row < 0 || st->row >= st->nrows || col >= PQnfields(st->res))
		return NULL;
	return PQgetvalue(st->res, st->row, col);
}

static int pg_col_null(void *ds, int col)
{
	struct pg_stmt *st = ds;
	if (!st->res || st->row < 0 || st->row >= st->nrows || col >= PQnfields(st->res))
		return 1;
	return PQgetisnull(st->res, st->row, col);
}

static int64_t pg_col_i64(void *ds, int col)
{
	const char *s = pg_col_text(ds, col);
	if (!s)
		return 0;
	/* booleans come back as t/f */
	if (*s == 't')
		return 1;
	return strtoll(s, NULL, 10);
}

static double pg_col_double(void *ds, int col)
{
	const char *s = pg_col_text(ds, col);
	return s ? strtod(s, NULL) : 0;
}

static int64_t pg_changes(void *h, void *ds)
{
	(void)h;
	return ((struct pg_stmt *)ds)->changes;
}

static enum err pg_reset(void *h, void *ds)
{
	(void)h;
	struct pg_stmt *st = ds;
	PQclear(st->res);
	st->res = NULL;
	st->executed = 0;
	st->row = -1;
	st->nrows = 0;
	clear_vals(st);
	return E_OK;
}

static enum err pg_exec_script(void *h, const char *sql)
{
	struct pg_conn *pc = h;
	pc->sqlstate[0] = '\0';
	PGresult *r = PQexec(pc->c, sql);
	ExecStatusType s = PQresultStatus(r);
	/* a script of comments only (a migration for the other engine) is empty */
	int ok = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY;
	enum err e = ok ? E_OK : map_state(pc->c, r);
	if (e)
		note_state(pc, r);
	PQclear(r);
	return e;
}

/* the import's bulk write: a round trip per chunk of rows instead of per
 * row. The rows are sent in pieces of 256 KiB (PQputCopyData queues what
 * it is given); an error in the data comes back with the COPY's result */
/* the row of the data a failed COPY names in its context ("COPY deals,
 * line 3, column ...": the third row sent), 0 when it names none */
static size_t copy_failed_row(const PGresult *r)
{
	const char *ctx = PQresultErrorField(r, PG_DIAG_CONTEXT);
	const char *at = ctx && !strncmp(ctx, "COPY ", 5) ? strstr(ctx, ", line ") : NULL;
	return at ? (size_t)strtoull(at + 7, NULL, 10) : 0;
}

static enum err pg_copy_in(void *h, const char *sql, const char *data, size_t len, size_t *bad_row)
{
	struct pg_conn *pc = h;
	pc->sqlstate[0] = '\0';
	PGresult *r = PQexec(pc->c, sql);
	if (PQresultStatus(r) != PGRES_COPY_IN) {
		enum err e = map_state(pc->c, r);
		note_state(pc, r);
		PQclear(r);
		return e ? e : E_INTERNAL;
	}
	PQclear(r);
	int ok = 1;
	for (size_t off = 0; ok && off < len;) {
		size_t n = len - off < 262144 ? len - off : 262144;
		ok = PQputCopyData(pc->c, data + off, (int)n) == 1;
		off += n;
	}
	if (PQputCopyEnd(pc->c, ok ? NULL : "the import stopped sending") != 1)
		ok = 0;
	enum err e = E_OK;
	while ((r = PQgetResult(pc->c)) != NULL) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK && !e) {
			note_state(pc, r);
			*bad_row = copy_failed_row(r);
			e = map_state(pc->c, r);
			if (!e)
				e = E_INTERNAL;
		}
		PQclear(r);
	}
	return e ? e : ok ? E_OK : E_UNAVAILABLE;
}

static void pg_set_timeout(void *h, int ms)
{
	struct pg_conn *pc = h;
	pc->timeout_ms = ms > 0 ? ms : 0;
	apply_timeout(pc);
}

/* 57014: query_canceled, which statement_timeout gives */
static int pg_timed_out(void *h)
{
	struct pg_conn *pc = h;
	return pc && !strcmp(pc->sqlstate, "57014");
}

static int pg_conflicted(void *h)
{
	struct pg_conn *pc = h;
	if (!pc)
		return 0;
	int c = pc->conflict;
	pc->conflict = 0;
	return c;
}

static const char *pg_errmsg(void *h)
{
	struct pg_conn *pc = h;
	return pc ? PQerrorMessage(pc->c) : "no connection";
}

const struct db_driver db_pg_driver = {
	.kind = DB_PG,
	.connect = pg_connect,
	.disconnect = pg_disconnect,
	.ensure = pg_ensure,
	.prepare = pg_prepare,
	.unprepare = pg_unprepare,
	.bind = pg_bind,
	.step = pg_step,
	.col_i64 = pg_col_i64,
	.col_double = pg_col_double,
	.col_text = pg_col_text,
	.col_null = pg_col_null,
	.changes = pg_changes,
	.reset = pg_reset,
	.exec_script = pg_exec_script,
	.errmsg = pg_errmsg,
	.set_timeout = pg_set_timeout,
	.timed_out = pg_timed_out,
	.conflicted = pg_conflicted,
	.copy_in = pg_copy_in,
	.begin_sql = "BEGIN",
};
