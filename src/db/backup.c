/*
 * backup: a consistent copy of a database that may be in use. SQLite uses its
 * online backup API (the copy is one snapshot even while the server writes).
 * PostgreSQL is copied by pg_dump in its custom format, restorable with
 * pg_restore; pg_dump takes a snapshot too.
 *
 * restore is the way back, into a database that holds nothing yet (never
 * over data: an IT person restoring at night must not be one typo away from
 * losing the day's work). A SQLite backup is checked to be a Salesgarden
 * database first and copied in with the same backup API; a PostgreSQL one
 * is handed to pg_restore, in one transaction that stops at the first error.
 * The caller brings the schema up to date afterwards (migrate).
 */
#include "db.h"
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

const char *db_driver_target(const struct db *db);

static enum err sqlite_backup(const char *src_path, const char *file, struct strbuf *errmsg)
{
	sqlite3 *src = NULL, *dst = NULL;
	enum err e = E_OK;
	if (sqlite3_open_v2(src_path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sb_addf(errmsg, "cannot open %s: %s", src_path, sqlite3_errmsg(src));
		e = E_UNAVAILABLE;
		goto out;
	}
	sqlite3_busy_timeout(src, 5000);
	if (sqlite3_open(file, &dst) != SQLITE_OK) {
		sb_addf(errmsg, "cannot create %s: %s", file, sqlite3_errmsg(dst));
		e = E_INVALID;
		goto out;
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		sb_addf(errmsg, "cannot back up: %s", sqlite3_errmsg(dst));
		e = E_INTERNAL;
		goto out;
	}
	int rc;
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		sb_addf(errmsg, "backup failed: %s", sqlite3_errstr(rc));
		e = E_INTERNAL;
	}
out:
	sqlite3_close(src);
	sqlite3_close(dst);
	return e;
}

static enum err pg_backup(const char *url, const char *file, struct strbuf *errmsg);

/* runs argv (a client program of PostgreSQL); what failed goes to errmsg */
static enum err run_client(char *const argv[], struct strbuf *errmsg)
{
	pid_t pid = fork();
	if (pid < 0) {
		sb_addf(errmsg, "cannot start %s", argv[0]);
		return E_INTERNAL;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
		if (code == 127)
			sb_addf(errmsg, "%s is not installed (apt-get install postgresql-client)", argv[0]);
		else
			sb_addf(errmsg, "%s failed (exit %d)", argv[0], code);
		return E_INTERNAL;
	}
	return E_OK;
}

static enum err sqlite_restore(const char *file, const char *dst_path, struct strbuf *errmsg)
{
	sqlite3 *src = NULL, *dst = NULL;
	sqlite3_stmt *st = NULL;
	enum err e = E_OK;
	if (sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sb_addf(errmsg, "cannot open %s: %s", file, sqlite3_errmsg(src));
		e = E_INVALID;
		goto out;
	}
	/* a Salesgarden database: it has a schema version (a file that is not
	 * SQLite at all fails here too, "file is not a database") */
	if (sqlite3_prepare_v2(src, "SELECT max(version) FROM schema_version", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL) {
		sb_addf(errmsg, "%s is not a Salesgarden backup (%s)", file, sqlite3_errmsg(src));
		e = E_INVALID;
		goto out;
	}
	int version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (version > db_schema_latest()) {
		sb_addf(errmsg, "the backup (schema %d) is newer than this program (schema %d)", version,
			db_schema_latest());
		e = E_INVALID;
		goto out;
	}
	if (sqlite3_open(dst_path, &dst) != SQLITE_OK) {
		sb_addf(errmsg, "cannot open %s: %s", dst_path, sqlite3_errmsg(dst));
		e = E_INVALID;
		goto out;
	}
	sqlite3_busy_timeout(dst, 5000);
	if (sqlite3_prepare_v2(dst, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		sb_addf(errmsg, "cannot read %s: %s", dst_path, sqlite3_errmsg(dst));
		e = E_INVALID;
		goto out;
	}
	if (sqlite3_column_int(st, 0) > 0) {
		sb_addf(errmsg, "%s already holds a database; restore into a new file (or move that one away first)",
			dst_path);
		e = E_CONFLICT;
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		sb_addf(errmsg, "cannot restore: %s", sqlite3_errmsg(dst));
		e = E_INTERNAL;
		goto out;
	}
	int rc;
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		sb_addf(errmsg, "restore failed: %s", sqlite3_errstr(rc));
		e = E_INTERNAL;
	}
out:
	sqlite3_finalize(st);
	sqlite3_close(src);
	sqlite3_close(dst);
	return e;
}

static enum err pg_restore(struct db *db, const char *file, struct strbuf *errmsg)
{
	if (access(file, R_OK)) {
		sb_addf(errmsg, "cannot read %s", file);
		return E_INVALID;
	}
	struct db_conn *c = db_acquire(db, errmsg);
	if (!c)
		return E_UNAVAILABLE;
	int64_t tables = db_scalar_i64(c, "SELECT count(*) FROM information_schema.tables "
				       "WHERE table_schema = current_schema()", NULL, 0, -1);
	db_release(c);
	if (tables != 0) {
		sb_adds(errmsg, tables < 0 ? "cannot read the target database"
			: "the target database already holds tables; restore into a new, empty database "
			  "(createdb NAME)");
		return tables < 0 ? E_UNAVAILABLE : E_CONFLICT;
	}
	char *const argv[] = { "pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
			       "--single-transaction", "--dbname", (char *)db_url(db), (char *)file, NULL };
	return run_client(argv, errmsg);
}

enum err db_restore(struct db *db, const char *file, struct strbuf *errmsg)
{
	if (db_kind(db) == DB_SQLITE)
		return sqlite_restore(file, db_driver_target(db), errmsg);
	return pg_restore(db, file, errmsg);
}

static enum err pg_backup(const char *url, const char *file, struct strbuf *errmsg)
{
	char *const argv[] = { "pg_dump", "--format=custom", "--file", (char *)file, "--dbname", (char *)url, NULL };
	return run_client(argv, errmsg);
}

enum err db_backup(struct db *db, const char *file, struct strbuf *errmsg)
{
	if (db_kind(db) == DB_SQLITE)
		return sqlite_backup(db_driver_target(db), file, errmsg);
	return pg_backup(db_url(db), file, errmsg);
}
