/*
 * store-harness: what every tests/store/test-store*.c program shares — the
 * database it runs on and how its suite is run. SG_TEST_DB names the
 * database ("sqlite:PATH" or "postgresql://..."); unset, empty or "sqlite:"
 * gives a fresh temporary SQLite file under /tmp/sg-store-XXXXXX, removed
 * (with its -wal and -shm) at the end. The tests use the globals db and c
 * (one connection), so the suite runs in this process (CK_NOFORK), its tests
 * in order. Each program is one translation unit: the functions are static.
 */
#ifndef SG_STORE_HARNESS_H
#define SG_STORE_HARNESS_H
#include "check-util.h"
#include "db/db.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct db *db;
static struct db_conn *c;
static char harness_tmpdir[64], harness_tmpfile[128];

/* store_harness_open's flags */
enum {
	STORE_HARNESS_NO_MIGRATE = 1 << 0, /* open only: a test migrates */
	STORE_HARNESS_QUIET = 1 << 1,      /* no "PROG: on ENGINE" line */
};

/* release the connection, close the database, remove the temporary file */
static void store_harness_cleanup(void)
{
	if (c)
		db_release(c);
	c = NULL;
	db_close(db);
	db = NULL;
	if (harness_tmpfile[0]) {
		char p[160];
		unlink(harness_tmpfile);
		snprintf(p, sizeof(p), "%s-wal", harness_tmpfile);
		unlink(p);
		snprintf(p, sizeof(p), "%s-shm", harness_tmpfile);
		unlink(p);
		rmdir(harness_tmpdir);
	}
}

/* Open SG_TEST_DB (or a temporary SQLite file) into db, acquire c and
 * migrate; PROG names the program in the messages. 0, or -1 with the
 * reason on stderr and everything released. */
static int store_harness_open(const char *prog, unsigned flags)
{
	const char *url = getenv("SG_TEST_DB");
	char urlbuf[160];
	if (!url || !*url || !strcmp(url, "sqlite:")) {
		snprintf(harness_tmpdir, sizeof(harness_tmpdir), "/tmp/sg-store-XXXXXX");
		if (!mkdtemp(harness_tmpdir)) {
			perror("mkdtemp");
			return -1;
		}
		snprintf(harness_tmpfile, sizeof(harness_tmpfile), "%s/test.db", harness_tmpdir);
		snprintf(urlbuf, sizeof(urlbuf), "sqlite:%s", harness_tmpfile);
		url = urlbuf;
	}
	int migrate = !(flags & STORE_HARNESS_NO_MIGRATE);
	struct strbuf err = STRBUF_INIT;
	int applied = 0;
	if (db_open(url, 1, &db, &err) != E_OK || !(c = db_acquire(db, &err)) ||
	    (migrate && db_migrate(c, &err, &applied) != E_OK)) {
		fprintf(stderr, "%s: cannot open%s %s: %s\n", prog, migrate ? " and migrate" : "", url,
			err.buf);
		sb_release(&err);
		store_harness_cleanup();
		return -1;
	}
	sb_release(&err);
	if (!(flags & STORE_HARNESS_QUIET))
		fprintf(stderr, "%s: on %s\n", prog, db_kind(db) == DB_SQLITE ? "SQLite" : "PostgreSQL");
	return 0;
}

/* Run S in this process (one connection, tests in order), then clean up:
 * EXIT_SUCCESS when every test passed, else EXIT_FAILURE. */
static int store_harness_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	store_harness_cleanup();
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
