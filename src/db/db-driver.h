/*
 * db-driver: what each database driver provides to db.c. The pool, the
 * statement cache bookkeeping and the public interface live in db.c; a driver
 * only speaks its engine's protocol.
 */
#ifndef SG_DB_DRIVER_H
#define SG_DB_DRIVER_H
#include "db.h"
#include <pthread.h>

#define STMT_CACHE 128

struct db_driver {
	enum db_kind kind;
	/* opens one connection; returns the driver's handle or NULL */
	void *(*connect)(const char *target, struct strbuf *errmsg);
	void (*disconnect)(void *h);
	/* 1 when the connection works, trying to re-establish it if not */
	int (*ensure)(void *h);
	/* prepare sql (with $n params) into a driver statement */
	void *(*prepare)(void *h, const char *sql, int cache_slot, enum err *e);
	void (*unprepare)(void *h, void *ds);
	void (*bind)(void *ds, const struct db_param *p, int n);
	int (*step)(void *h, void *ds);
	int64_t (*col_i64)(void *ds, int col);
	double (*col_double)(void *ds, int col);
	const char *(*col_text)(void *ds, int col);
	int (*col_null)(void *ds, int col);
	int64_t (*changes)(void *h, void *ds);
	/* ends one execution, leaving the prepared statement reusable */
	enum err (*reset)(void *h, void *ds);
	enum err (*exec_script)(void *h, const char *sql);
	const char *(*errmsg)(void *h);
	/* every later statement on the connection ends with an error once it
	 * has run ms milliseconds (0: no limit) */
	void (*set_timeout)(void *h, int ms);
	/* 1 when the last error was a statement running over its time limit */
	int (*timed_out)(void *h);
	/* 1 when a statement failed with a serialisation failure or a deadlock
	 * since the last call (which it clears): its transaction was rolled
	 * back and may be run again (NULL: never happens) */
	int (*conflicted)(void *h);
	/* COPY ... FROM STDIN: sql the COPY statement, data its rows in
	 * COPY's text format, sent whole (NULL: the engine has no COPY) */
	enum err (*copy_in)(void *h, const char *sql, const char *data, size_t len, size_t *bad_row);
	const char *begin_sql;
	/* speed (issue 15): a number that differs whenever any connection, of
	 * this process or another, has committed since the last call on the
	 * same handle (NULL: the engine cannot tell cheaply) */
	int64_t (*data_version)(void *h);
};

extern const struct db_driver db_sqlite_driver;
extern const struct db_driver db_pg_driver;

#endif
