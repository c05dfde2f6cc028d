/*
 * db-pg: the PostgreSQL driver on libpq. Cached statements are prepared on
 * the server once per connection (PQprepare) and run with PQexecPrepared;
 * one-off statements go through PQexecParams. Values travel as text, which
 * keeps the two drivers' column accessors alike.
 *
 * A connection that broke (server restarted, network) is reset on the next
 * acquire; the request that saw it break answers 503.
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
};

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
		PGresult *r = st->name[0]
			? PQexecPrepared(pc->c, st->name, st->nparams, st->vals, NULL, NULL, 0)
			: PQexecParams(pc->c, st->sql, st->nparams, NULL, st->vals, NULL, NULL, 0);
		ExecStatusType s = PQresultStatus(r);
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
	PGresult *r = PQexec(pc->c, sql);
	ExecStatusType s = PQresultStatus(r);
	enum err e = (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK) ? E_OK : map_state(pc->c, r);
	PQclear(r);
	return e;
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
	.begin_sql = "BEGIN",
};
