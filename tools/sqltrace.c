/*
 * sqltrace: an LD_PRELOAD shim for benchmarks (scripts/bench.sh). It wraps
 * sqlite3_open_v2 and registers a statement trace on every connection the
 * server opens, writing each statement it runs — with its bound parameters
 * expanded into the text by SQLite itself — to the file named by
 * SG_SQLTRACE, one statement per line, ending in ";".
 *
 * The bench then replays exactly the SQL that a page ran in the sqlite3
 * shell, so "how long the database needs for this page" is measured with
 * the same statements and parameters, not with a hand-written copy that
 * could drift from src/store/. With SG_SQLPROFILE set as well, each
 * statement is followed by a comment line with the time the server took to
 * run it. Never used by Salesgarden itself.
 *
 *	cc -O2 -shared -fPIC -o build/bench/sqltrace.so tools/sqltrace.c -ldl
 *	SG_SQLTRACE=trace.sql LD_PRELOAD=build/bench/sqltrace.so ./salesgarden serve ...
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *out;
/* when the statement now running on this thread began (SG_SQLPROFILE):
 * SQLite's own profile clock counts in whole milliseconds here */
static __thread struct timespec began;

static long long us_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long long)(now.tv_sec - t->tv_sec) * 1000000 + (now.tv_nsec - t->tv_nsec) / 1000;
}

static int on_trace(unsigned type, void *ctx, void *p, void *x)
{
	(void)ctx;
	(void)x;
	if (type == SQLITE_TRACE_PROFILE) {
		/* "-- N us" after the statement's line: how long the server's
		 * own run of it took (SG_SQLPROFILE set) */
		pthread_mutex_lock(&lock);
		if (out)
			fprintf(out, "-- %lld us: %.100s\n", us_since(&began), sqlite3_sql((sqlite3_stmt *)p));
		pthread_mutex_unlock(&lock);
		return 0;
	}
	if (type != SQLITE_TRACE_STMT)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &began);
	char *sql = sqlite3_expanded_sql((sqlite3_stmt *)p);
	if (!sql)
		return 0;
	pthread_mutex_lock(&lock);
	if (out) {
		/* one statement per line: the SQL of Salesgarden has no newlines
		 * of its own except inside migration scripts, which are not traced
		 * here (they run before the server serves) */
		for (char *s = sql; *s; s++)
			if (*s == '\n')
				*s = ' ';
		size_t n = strlen(sql);
		while (n && (sql[n - 1] == ' ' || sql[n - 1] == ';'))
			sql[--n] = '\0';
		fprintf(out, "%s;\n", sql);
		fflush(out);
	}
	pthread_mutex_unlock(&lock);
	sqlite3_free(sql);
	clock_gettime(CLOCK_MONOTONIC, &began);	/* not counting the trace itself */
	return 0;
}

int sqlite3_open_v2(const char *filename, sqlite3 **db, int flags, const char *vfs)
{
	static int (*real)(const char *, sqlite3 **, int, const char *);
	if (!real)
		real = (int (*)(const char *, sqlite3 **, int, const char *))dlsym(RTLD_NEXT, "sqlite3_open_v2");
	int rc = real(filename, db, flags, vfs);
	const char *path = getenv("SG_SQLTRACE");
	if (rc == SQLITE_OK && path && *path) {
		pthread_mutex_lock(&lock);
		if (!out)
			out = fopen(path, "a");
		pthread_mutex_unlock(&lock);
		sqlite3_trace_v2(*db, SQLITE_TRACE_STMT | (getenv("SG_SQLPROFILE") ? SQLITE_TRACE_PROFILE : 0),
				 on_trace, NULL);
	}
	return rc;
}
