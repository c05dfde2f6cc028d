/*
 * db: the one interface the store layer talks to, with two drivers behind it:
 * SQLite (db-sqlite.c) and PostgreSQL through libpq (db-pg.c).
 *
 * SQL is written once, PostgreSQL-style, with $1..$n parameters; the SQLite
 * driver binds them by name. Parameters are always bound, never formatted in.
 * A connection is used by one thread at a time, handed out by a small pool.
 * Statements are prepared once per connection and cached.
 *
 * Usage:
 *	struct db_stmt *st = DBQ(c, "SELECT name FROM users WHERE org_id = $1",
 *				 P_I(org_id));
 *	while (db_step(st) == DB_ROW)
 *		... db_col_text(st, 0) ...
 *	enum err e = db_finish(st);
 */
#ifndef SG_DB_H
#define SG_DB_H
#include <stdint.h>
#include <stdio.h>
#include "../lib/err.h"
#include "../lib/strbuf.h"

struct db;
struct db_conn;
struct db_stmt;

enum db_kind { DB_SQLITE, DB_PG };

struct db_param {
	char type;		/* 'i' int64, 'd' double, 't' text (NULL is SQL NULL), 'n' null */
	int64_t i;
	double d;
	const char *t;
};
#define P_I(x) ((struct db_param){ 'i', (int64_t)(x), 0, NULL })
#define P_D(x) ((struct db_param){ 'd', 0, (double)(x), NULL })
#define P_T(x) ((struct db_param){ 't', 0, 0, (x) })
#define P_NULL ((struct db_param){ 'n', 0, 0, NULL })
/* an id that is 0 means "none" and is stored as NULL */
#define P_ID(x) ((x) ? P_I(x) : P_NULL)

#define DB_NPARAMS(...) ((int)(sizeof((const struct db_param[]){ __VA_ARGS__ }) / sizeof(struct db_param)))
#define DBQ(c, sql, ...) db_query((c), (sql), (const struct db_param[]){ __VA_ARGS__ }, DB_NPARAMS(__VA_ARGS__))
#define DBX(c, sql, ...) db_exec_params((c), (sql), (const struct db_param[]){ __VA_ARGS__ }, DB_NPARAMS(__VA_ARGS__))

enum { DB_DONE = 0, DB_ROW = 1 };

/* Opens "sqlite:PATH" or "postgresql://…" (also "postgres://"). */
enum err db_open(const char *url, int pool_size, struct db **out, struct strbuf *errmsg);
void db_close(struct db *db);
enum db_kind db_kind(const struct db *db);
const char *db_url(const struct db *db);

/* Waits up to a few seconds for a free, working connection; NULL means the
 * database is unavailable (reason in errmsg when given). */
struct db_conn *db_acquire(struct db *db, struct strbuf *errmsg);
/* a free connection of the pool now, or NULL: never waits (for a thread
 * that must not block, e.g. libmicrohttpd's own) */
struct db_conn *db_try_acquire(struct db *db);
void db_release(struct db_conn *c);
/* the pool's size and the connections handed out now (for /metrics) */
void db_pool_use(struct db *db, int *size, int *in_use);
enum db_kind db_conn_kind(const struct db_conn *c);
/* after committing one batch of a long job, before the next: give writers
 * waiting for SQLite's single write lock a moment to take it (a few ms; a
 * no-op on PostgreSQL, whose writers wait on rows, not on the database) */
void db_yield_writers(struct db_conn *c);

/* Prepares (or takes from the cache) and binds. Never NULL: a statement that
 * failed to prepare reports its error from db_step/db_finish. */
struct db_stmt *db_query(struct db_conn *c, const char *sql, const struct db_param *p, int n);
/* DB_ROW, DB_DONE, or -(enum err) */
int db_step(struct db_stmt *st);
int64_t db_col_i64(struct db_stmt *st, int col);
double db_col_double(struct db_stmt *st, int col);
/* valid until the next db_step/db_finish; "" for NULL */
const char *db_col_text(struct db_stmt *st, int col);
int db_col_null(struct db_stmt *st, int col);
/* rows changed by the last step of an INSERT/UPDATE/DELETE */
int64_t db_changes(struct db_stmt *st);
/* releases the statement; returns its outcome */
enum err db_finish(struct db_stmt *st);

/* runs one statement to completion */
enum err db_exec_params(struct db_conn *c, const char *sql, const struct db_param *p, int n);
/* runs a script of statements without parameters (migrations) */
enum err db_exec_script(struct db_conn *c, const char *sql);
/* refreshes the planner's statistics, counting this transaction's own rows:
 * PostgreSQL plans from them, and tables filled in one long transaction (the
 * demo) look empty without them, so that a read by key scans instead. A
 * no-op on SQLite, whose planner does without */
enum err db_analyze(struct db_conn *c);
/* PostgreSQL's COPY ... FROM STDIN of data (rows in COPY's text format);
 * E_INTERNAL on an engine without COPY (SQLite: ask db_has_copy first).
 * When it fails, *bad_row is the row of data the server names (1 the
 * first), 0 when it names none */
enum err db_copy_in(struct db_conn *c, const char *sql, const char *data, size_t len, size_t *bad_row);
int db_has_copy(const struct db_conn *c);
enum err db_begin(struct db_conn *c);
enum err db_commit(struct db_conn *c);
enum err db_rollback(struct db_conn *c);
/* speed (issue 15): a run of reads as one read transaction on SQLite, where
 * each statement alone takes and drops the database's and the WAL's read
 * locks (system calls each); nothing on PostgreSQL, where BEGIN and COMMIT
 * would be two more round trips. Only around reads, outside a transaction
 * (else both do nothing); db_read_end ends it, and so does db_release. */
void db_read_begin(struct db_conn *c);
void db_read_end(struct db_conn *c);
/* text of the last error on this connection */
const char *db_errmsg(struct db_conn *c);
/* the code and detail of the last failure on this connection since it was
 * acquired, as they were when it happened (E_OK and "" when none): what a
 * caller logs after a store function failed */
enum err db_last_error(struct db_conn *c, const char **detail);

/* Statement time limits, in milliseconds (0: none). The pool's limit holds
 * for every connection it hands out from then on (a statement that runs over
 * fails with E_UNAVAILABLE and a log line); db_conn_statement_timeout changes
 * it for one connection until it is released (a long import). */
void db_set_statement_timeout(struct db *db, int ms);
void db_conn_statement_timeout(struct db_conn *c, int ms);

/* Serialisation failures and deadlocks (PostgreSQL 40001, 40P01). A
 * statement outside a transaction is run again by the driver. A transaction
 * is run again by db_transact: fn (which may be called up to DB_REPLAYS + 1
 * times, so it keeps no state between calls) in BEGIN..COMMIT. For work that
 * is not written as one function (a request's handler), db_mark starts
 * counting, and db_replayable tells, after a failure, whether the failure was
 * such a conflict and nothing since db_mark was committed: then the whole
 * work can be done again. */
#define DB_REPLAYS 3
enum err db_transact(struct db_conn *c, enum err (*fn)(struct db_conn *c, void *arg), void *arg);
void db_mark(struct db_conn *c);
int db_replayable(struct db_conn *c);

/* migrations (migrate.c) */
int db_schema_latest(void);
/* current schema version of the database, 0 for an empty one, <0 on error */
int db_schema_version(struct db_conn *c);
enum err db_migrate(struct db_conn *c, struct strbuf *errmsg, int *applied);

/* consistent copy into FILE while the database is in use */
enum err db_backup(struct db *db, const char *file, struct strbuf *errmsg);
/* the way back: FILE (a backup of db_backup) into db, which must hold no
 * table yet (E_CONFLICT otherwise); E_INVALID when FILE is not a backup. The
 * caller migrates afterwards. */
enum err db_restore(struct db *db, const char *file, struct strbuf *errmsg);
/* copy.c: the whole SQLite database at sqlite_path into dst (PostgreSQL, no
 * table yet; E_CONFLICT otherwise), in one transaction, with the counts per
 * table compared; a line per table and a total go to report (may be NULL) */
enum err db_copy_sqlite_to_pg(const char *sqlite_path, struct db *dst, FILE *report, struct strbuf *errmsg);

/* one-row helpers: first column of the first row, or def */
int64_t db_scalar_i64(struct db_conn *c, const char *sql, const struct db_param *p, int n,
		      int64_t def);
#define DB_I64(c, def, sql, ...) db_scalar_i64((c), (sql), (const struct db_param[]){ __VA_ARGS__ }, DB_NPARAMS(__VA_ARGS__), (def))

/* audit (issue 16): who is changing things on this connection, recorded
 * with every audit row (store/audit.c). db_acquire resets it to no user,
 * via "system"; the router sets the signed-in user ("web") or the token's
 * ("api"), the command line sets "cli". via must be a string literal. */
void db_set_actor(struct db_conn *c, int64_t user_id, const char *via);
int64_t db_actor_id(const struct db_conn *c);
const char *db_actor_via(const struct db_conn *c);

/* speed (issue 15): a number that changes whenever anyone (this process or
 * another) commits to the database, read on a connection of its own: two
 * equal answers mean no commit in between. -1 when the engine cannot tell
 * cheaply (PostgreSQL) or it failed; then nothing may be cached on it. */
int64_t db_data_version(struct db *db);

#endif
