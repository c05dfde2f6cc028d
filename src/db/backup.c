/*
 * backup: a consistent copy of a database that may be in use. SQLite uses its
 * online backup API (the copy is one snapshot even while the server writes).
 * PostgreSQL is copied by pg_dump in its custom format, restorable with
 * pg_restore; pg_dump takes a snapshot too.
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

static enum err pg_backup(const char *url, const char *file, struct strbuf *errmsg)
{
	pid_t pid = fork();
	if (pid < 0) {
		sb_adds(errmsg, "cannot start pg_dump");
		return E_INTERNAL;
	}
	if (pid == 0) {
		char *const argv[] = { "pg_dump", "--format=custom", "--file", (char *)file,
				       "--dbname", (char *)url, NULL };
		execvp("pg_dump", argv);
		_exit(127);
	}
	int status;
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
		sb_addf(errmsg, code == 127 ? "pg_dump is not installed (apt-get install postgresql-client)"
			: "pg_dump failed (exit %d)", code);
		return E_INTERNAL;
	}
	return E_OK;
}

enum err db_backup(struct db *db, const char *file, struct strbuf *errmsg)
{
	if (db_kind(db) == DB_SQLITE)
		return sqlite_backup(db_driver_target(db), file, errmsg);
	return pg_backup(db_url(db), file, errmsg);
}
