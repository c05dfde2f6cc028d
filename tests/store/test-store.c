/*
 * test-store: the db layer and the store queries against a real database —
 * the one named by SG_TEST_DB ("sqlite:PATH" or "postgresql://..."), which
 * must be fresh; with SG_TEST_DB unset (or "sqlite:") a temporary SQLite file
 * is made and removed. The same tests run on both engines (tests/run-c.sh).
 *
 * The tests build on each other (the organisations and people made early are
 * used later), so they run in order, in this process (no fork).
 */
#include "check-util.h"
#include "lib/assets.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/people.h"
#include "store/auth.h"
#include "store/deals.h"
#include "store/numbers.h"
#include "store/stages.h"
#include "store/import-runs.h"
#include "store/import-rows.h"
#include "service/import.h"
#include "domain/period.h"
#include "lib/runner.h"
#include "lib/assets.h"
#include "lib/util.h"
#include "lib/password.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>
#include <sodium.h>

#include "store-harness.h"

/* what earlier tests made and later ones use */
static int64_t org_a, org_b;
static int64_t admin_a, manager_a, rep_a1, rep_a2, user_b, manager_b;
static int64_t team_a, team_a2, team_b;

#define EXPECT(expr, want)                                                                     \
	do {                                                                                   \
		enum err e_ = (expr);                                                          \
		ck_assert_msg(e_ == (want), "%s: got %s, want %s (%s)", #expr, err_name(e_),   \
			      err_name(want), db_errmsg(c));                                   \
	} while (0)
#define OK(expr) EXPECT(expr, E_OK)

/* ------------------------------------------------------------ migrations */

/* the migrations built in; their numbers may have gaps while branches
 * that each add one are merged */
static int migrations_count(void)
{
	int n = 0;
	for (size_t i = 0; i < assets_count; i++)
		n += !strncmp(assets[i].name, "migrations/", 11);
	return n;
}

START_TEST(migrate_twice)
{
	ck_assert_int_eq(db_schema_version(c), 0);	/* a fresh database */
	ck_assert_int_ge(db_schema_latest(), 1);
	struct strbuf err = STRBUF_INIT;
	int applied = -1;
	enum err e = db_migrate(c, &err, &applied);
	ck_assert_msg(e == E_OK, "migrate: %s", err.buf);
	ck_assert_int_eq(applied, migrations_count());
	ck_assert_int_eq(db_schema_version(c), db_schema_latest());
	e = db_migrate(c, &err, &applied);
	ck_assert_msg(e == E_OK, "second migrate: %s", err.buf);
	ck_assert_int_eq(applied, 0);
	ck_assert_int_eq(db_schema_version(c), db_schema_latest());
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM schema_version", P_NULL), migrations_count());
	sb_release(&err);
}
END_TEST

/* -------------------------------------------------------------- db layer */

START_TEST(db_scratch_table)
{
	OK(db_exec_script(c, "CREATE TABLE scratch (id BIGINT PRIMARY KEY, s TEXT, n BIGINT)"));
	for (int i = 1; i <= 5; i++)
		OK(DBX(c, "INSERT INTO scratch (id, s, n) VALUES ($1, $2, $3)", P_I(i), P_T("row"), P_I(i * 10)));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM scratch", P_NULL), 5);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT sum(n) FROM scratch WHERE id > $1", P_I(3)), 90);
	/* no row, or a NULL: the default */
	ck_assert_int_eq(DB_I64(c, -7, "SELECT n FROM scratch WHERE id = $1", P_I(99)), -7);
	ck_assert_int_eq(DB_I64(c, -8, "SELECT max(n) FROM scratch WHERE id > $1", P_I(99)), -8);
}
END_TEST

START_TEST(db_params_out_of_order)
{
	struct db_stmt *st = DBQ(c, "SELECT CAST($2 AS TEXT) || '-' || CAST($1 AS TEXT)", P_T("10"), P_T("3"));
	ck_assert_int_eq(db_step(st), DB_ROW);
	ck_assert_str_eq(db_col_text(st, 0), "3-10");
	ck_assert_int_eq(db_step(st), DB_DONE);
	OK(db_finish(st));
	st = DBQ(c, "SELECT CAST($2 AS BIGINT) - CAST($1 AS BIGINT)", P_I(10), P_I(3));
	ck_assert_int_eq(db_step(st), DB_ROW);
	ck_assert_int_eq(db_col_i64(st, 0), -7);
	OK(db_finish(st));
	/* a parameter used twice, and one that is only used late in the text */
	st = DBQ(c, "SELECT id FROM scratch WHERE n = $3 OR (id = $1 AND id = $1) OR s = $2 ORDER BY id",
		 P_I(2), P_T("nothing"), P_I(40));
	ck_assert_int_eq(db_step(st), DB_ROW);
	ck_assert_int_eq(db_col_i64(st, 0), 2);
	ck_assert_int_eq(db_step(st), DB_ROW);
	ck_assert_int_eq(db_col_i64(st, 0), 4);
	ck_assert_int_eq(db_step(st), DB_DONE);
	OK(db_finish(st));
	/* "$5" inside a string literal is text, not a parameter */
	st = DBQ(c, "SELECT '$5 a''b', CAST($1 AS TEXT)", P_T("x"));
	ck_assert_int_eq(db_step(st), DB_ROW);
	ck_assert_str_eq(db_col_text(st, 0), "$5 a'b");
	ck_assert_str_eq(db_col_text(st, 1), "x");
	OK(db_finish(st));
}
END_TEST

START_TEST(db_values_round_trip)
{
	struct db_stmt *st = DBQ(c, "SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS TEXT), "
				 "CAST($4 AS DOUBLE PRECISION), CAST($5 AS TEXT)",
				 P_I(INT64_MAX), P_I(INT64_MIN), P_T("\xC3\x86r\xC3\xB8 \xF0\x9F\x98\x80 O'Brien"),
				 P_D(2.5), P_T("; DROP TABLE scratch; --"));
	ck_assert_int_eq(db_step(st), DB_ROW);
	ck_assert(db_col_i64(st, 0) == INT64_MAX);
	ck_assert(db_col_i64(st, 1) == INT64_MIN);
	ck_assert_str_eq(db_col_text(st, 2), "\xC3\x86r\xC3\xB8 \xF0\x9F\x98\x80 O'Brien");
	ck_assert(db_col_double(st, 3) == 2.5);
	ck_assert_str_eq(db_col_text(st, 4), "; DROP TABLE scratch; --");
	OK(db_finish(st));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM scratch", P_NULL), 5);
}
END_TEST

START_TEST(db_null_binds)
{
	OK(DBX(c, "INSERT INTO scratch (id, s, n) VALUES ($1, $2, $3)", P_I(6), P_T(NULL), P_NULL));
	OK(DBX(c, "INSERT INTO scratch (id, s, n) VALUES ($1, $2, $3)", P_I(7), P_NULL, P_ID(0)));
	struct db_stmt *st = DBQ(c, "SELECT s, n FROM scratch WHERE id >= $1 ORDER BY id", P_I(6));
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(db_step(st), DB_ROW);
		ck_assert_int_eq(db_col_null(st, 0), 1);
		ck_assert_int_eq(db_col_null(st, 1), 1);
		ck_assert_str_eq(db_col_text(st, 0), "");	/* "" for NULL, never a NULL pointer */
		ck_assert_int_eq(db_col_i64(st, 1), 0);
	}
	ck_assert_int_eq(db_step(st), DB_DONE);
	OK(db_finish(st));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM scratch WHERE s IS NULL AND n IS NULL", P_NULL), 2);
	/* a NULL bound where a value is compared matches nothing */
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM scratch WHERE s = $1", P_T(NULL)), 0);
	OK(DBX(c, "DELETE FROM scratch WHERE id >= $1", P_I(6)));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM scratch", P_NULL), 5);
}
END_TEST

START_TEST(db_nested_same_statement)
{
	static const char *sql = "SELECT id FROM scratch WHERE id > $1 ORDER BY id";
	/* twice, so the second round starts from a statement in the cache */
	for (int round = 0; round < 2; round++) {
		struct db_stmt *outer = db_query(c, sql, (const struct db_param[]){ P_I(0) }, 1);
		int64_t expect_id = 1;
		int r;
		while ((r = db_step(outer)) == DB_ROW) {
			int64_t id = db_col_i64(outer, 0);
			ck_assert_int_eq(id, expect_id);
			/* the same SQL while the outer one is running */
			struct db_stmt *inner = db_query(c, sql, (const struct db_param[]){ P_I(id) }, 1);
			int64_t n = 0, prev = id;
			while (db_step(inner) == DB_ROW) {
				ck_assert_int_gt(db_col_i64(inner, 0), prev);
				prev = db_col_i64(inner, 0);
				n++;
			}
			OK(db_finish(inner));
			ck_assert_int_eq(n, 5 - id);
			/* and a third level, different parameters */
			ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM scratch WHERE id > $1", P_I(id)), 5 - id);
			/* the outer row is still readable */
			ck_assert_int_eq(db_col_i64(outer, 0), id);
			expect_id++;
		}
		ck_assert_int_eq(r, DB_DONE);
		ck_assert_int_eq(expect_id, 6);
		OK(db_finish(outer));
	}
}
END_TEST

START_TEST(db_changes_counts)
{
	struct db_stmt *st = DBQ(c, "UPDATE scratch SET n = n + 1 WHERE id <= $1", P_I(3));
	ck_assert_int_eq(db_step(st), DB_DONE);
	ck_assert_int_eq(db_changes(st), 3);
	OK(db_finish(st));
	st = DBQ(c, "DELETE FROM scratch WHERE id = $1", P_I(999));
	ck_assert_int_eq(db_step(st), DB_DONE);
	ck_assert_int_eq(db_changes(st), 0);
	OK(db_finish(st));
	st = DBQ(c, "UPDATE scratch SET n = $1", P_I(0));
	ck_assert_int_eq(db_step(st), DB_DONE);
	ck_assert_int_eq(db_changes(st), 5);
	OK(db_finish(st));
}
END_TEST

START_TEST(db_transactions)
{
	OK(db_begin(c));
	OK(DBX(c, "INSERT INTO scratch (id, s, n) VALUES ($1, $2, $3)", P_I(100), P_T("tx"), P_I(1)));
	OK(DBX(c, "UPDATE scratch SET s = $1", P_T("changed")));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM scratch", P_NULL), 6);
	OK(db_rollback(c));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM scratch", P_NULL), 5);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM scratch WHERE s = $1", P_T("changed")), 0);

	OK(db_begin(c));
	OK(DBX(c, "INSERT INTO scratch (id, s, n) VALUES ($1, $2, $3)", P_I(101), P_T("tx"), P_I(1)));
	OK(db_commit(c));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM scratch WHERE id = $1", P_I(101)), 1);

	/* a failed statement inside a transaction, then rollback: the connection works on */
	OK(db_begin(c));
	OK(DBX(c, "INSERT INTO scratch (id, s, n) VALUES ($1, $2, $3)", P_I(102), P_T("tx"), P_I(1)));
	EXPECT(DBX(c, "INSERT INTO scratch (id, s, n) VALUES ($1, $2, $3)", P_I(101), P_T("dup"), P_I(1)),
	       E_CONFLICT);
	OK(db_rollback(c));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM scratch WHERE id = $1", P_I(102)), 0);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM scratch", P_NULL), 6);
}
END_TEST

START_TEST(db_errors)
{
	struct db_stmt *st = DBQ(c, "SELEKT nonsense FROM nowhere WHERE x = $1", P_I(1));
	ck_assert_int_lt(db_step(st), 0);
	ck_assert_int_ne(db_finish(st), E_OK);
	st = DBQ(c, "SELECT no_such_column FROM scratch", P_NULL);
	ck_assert_int_lt(db_step(st), 0);
	ck_assert_int_ne(db_finish(st), E_OK);
	EXPECT(DBX(c, "INSERT INTO scratch (id) VALUES ($1)", P_I(1)), E_CONFLICT);
	/* the connection is still usable afterwards */
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM scratch", P_NULL), 6);
	ck_assert_int_eq(db_conn_kind(c), db_kind(db));
}
END_TEST

/* A statement that never ends on its own (an endless recursive count) is
 * stopped by the time limit, with E_UNAVAILABLE, and the connection stays
 * usable; without a limit this test would never finish. */
START_TEST(db_statement_timeout)
{
	struct db *d2 = NULL;
	struct strbuf err = STRBUF_INIT;
	ck_assert_int_eq(db_open(db_url(db), 2, &d2, &err), E_OK);
	db_set_statement_timeout(d2, 100);
	struct db_conn *c2 = db_acquire(d2, &err);
	ck_assert_msg(c2 != NULL, "acquire: %s", err.buf);
	const char *endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
			      "SELECT count(*) FROM n";
	struct db_stmt *st = db_query(c2, endless, NULL, 0);
	ck_assert_int_eq(db_step(st), -(int)E_UNAVAILABLE);
	ck_assert_int_eq(db_finish(st), E_UNAVAILABLE);
	/* the next statement runs, with a deadline of its own */
	ck_assert_int_eq(DB_I64(c2, -1, "SELECT count(*) FROM scratch", P_NULL), 6);
	/* a transaction's statements are limited too */
	ck_assert_int_eq(db_begin(c2), E_OK);
	st = db_query(c2, endless, NULL, 0);
	ck_assert_int_lt(db_step(st), 0);
	db_finish(st);
	db_rollback(c2);
	db_release(c2);
	/* the limit follows the pool: lifted, a long statement finishes */
	db_set_statement_timeout(d2, 0);
	c2 = db_acquire(d2, &err);
	ck_assert_int_eq(DB_I64(c2, -1, "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300000) "
				"SELECT count(*) FROM n", P_NULL), 300000);
	/* and one connection can be given its own */
	db_conn_statement_timeout(c2, 100);
	st = db_query(c2, endless, NULL, 0);
	ck_assert_int_eq(db_step(st), -(int)E_UNAVAILABLE);
	db_finish(st);
	db_release(c2);
	db_close(d2);
	sb_release(&err);
}
END_TEST

/* Two transactions that take the same two rows in opposite orders deadlock
 * on PostgreSQL; it aborts one of them (40P01). db_transact runs the loser
 * again once the winner is done, so both end committed, each once. The
 * second thread does it the way the router replays a request (db_mark,
 * db_replayable), so whichever loses, one of the two ways is shown. */
struct deadlock_arg {
	struct db *d;
	pthread_barrier_t *barrier;
	int first, second;	/* the ids in the order this side takes them */
	int attempts;
	enum err result;
};

static enum err deadlock_body(struct db_conn *cc, void *arg)
{
	struct deadlock_arg *a = arg;
	enum err e = DBX(cc, "UPDATE deadlock SET v = v + 1 WHERE id = $1", P_I(a->first));
	/* the first time, both sides hold their first row before either asks
	 * for its second */
	if (a->attempts++ == 0)
		pthread_barrier_wait(a->barrier);
	if (!e)
		e = DBX(cc, "UPDATE deadlock SET v = v + 1 WHERE id = $1", P_I(a->second));
	return e;
}

static void *deadlock_transact(void *arg)
{
	struct deadlock_arg *a = arg;
	struct db_conn *cc = db_acquire(a->d, NULL);
	a->result = cc ? db_transact(cc, deadlock_body, a) : E_UNAVAILABLE;
	if (cc)
		db_release(cc);
	return NULL;
}

static void *deadlock_replay(void *arg)
{
	struct deadlock_arg *a = arg;
	struct db_conn *cc = db_acquire(a->d, NULL);
	enum err e = E_UNAVAILABLE;
	for (int i = 0; cc && i <= DB_REPLAYS; i++) {
		db_mark(cc);
		e = db_begin(cc);
		if (!e)
			e = deadlock_body(cc, a);
		if (!e)
			e = db_commit(cc);
		if (e)
			db_rollback(cc);
		if (!e || !db_replayable(cc))
			break;
	}
	a->result = e;
	if (cc)
		db_release(cc);
	return NULL;
}

START_TEST(db_deadlock_retried)
{
	if (db_kind(db) != DB_PG)
		return;	/* SQLite's writers queue on one lock and never deadlock (BEGIN IMMEDIATE) */
	OK(db_exec_script(c, "CREATE TABLE deadlock (id BIGINT PRIMARY KEY, v BIGINT NOT NULL)"));
	OK(db_exec_script(c, "INSERT INTO deadlock (id, v) VALUES (1, 0), (2, 0)"));
	struct db *d2 = NULL;
	ck_assert_int_eq(db_open(db_url(db), 2, &d2, NULL), E_OK);
	pthread_barrier_t barrier;
	pthread_barrier_init(&barrier, NULL, 2);
	struct deadlock_arg a = { .d = d2, .barrier = &barrier, .first = 1, .second = 2 };
	struct deadlock_arg b = { .d = d2, .barrier = &barrier, .first = 2, .second = 1 };
	pthread_t ta, tb;
	pthread_create(&ta, NULL, deadlock_transact, &a);
	pthread_create(&tb, NULL, deadlock_replay, &b);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	pthread_barrier_destroy(&barrier);
	db_close(d2);
	ck_assert_msg(a.result == E_OK, "db_transact: %s", err_name(a.result));
	ck_assert_msg(b.result == E_OK, "replay: %s", err_name(b.result));
	/* one of them was run again: the deadlock happened (the loser, starting
	 * over at once, may even win its row back and deadlock once more) */
	ck_assert_msg(a.attempts + b.attempts >= 3, "attempts %d + %d", a.attempts, b.attempts);
	/* and each committed once */
	ck_assert_int_eq(DB_I64(c, -1, "SELECT v FROM deadlock WHERE id = 1", P_NULL), 2);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT v FROM deadlock WHERE id = 2", P_NULL), 2);
	OK(db_exec_script(c, "DROP TABLE deadlock"));
}
END_TEST

/* what was committed is not done twice: after a commit, a conflict is no
 * longer replayable; nor is an error that was no conflict */
START_TEST(db_replay_only_uncommitted)
{
	db_mark(c);
	ck_assert_int_eq(db_replayable(c), 0);		/* no conflict */
	OK(DBX(c, "INSERT INTO scratch (id, s, n) VALUES ($1, $2, $3)", P_I(100), P_T("x"), P_I(1)));
	EXPECT(DBX(c, "INSERT INTO scratch (id) VALUES ($1)", P_I(100)), E_CONFLICT);
	ck_assert_int_eq(db_replayable(c), 0);		/* a unique violation is no conflict */
	OK(DBX(c, "DELETE FROM scratch WHERE id = $1", P_I(100)));
}
END_TEST

/* --------------------------------------------------------------- orgs */

START_TEST(orgs)
{
	struct arena *a = arena_new();
	OK(org_create(c, "acme", "Acme B.V.", "nl", "EUR", &org_a));
	OK(org_create(c, "beta", "Beta AS", "nb", "NOK", &org_b));
	ck_assert_int_gt(org_a, 0);
	ck_assert_int_gt(org_b, 0);
	ck_assert_int_ne(org_a, org_b);
	struct org o;
	OK(org_by_slug(c, a, "acme", &o));
	ck_assert_int_eq(o.id, org_a);
	ck_assert_str_eq(o.slug, "acme");
	ck_assert_str_eq(o.name, "Acme B.V.");
	ck_assert_str_eq(o.locale, "nl");
	ck_assert_str_eq(o.currency, "EUR");
	ck_assert_int_eq(o.fiscal_start_month, 1);
	OK(org_by_id(c, a, org_b, &o));
	ck_assert_str_eq(o.slug, "beta");
	ck_assert_str_eq(o.currency, "NOK");
	int64_t dup = -1;
	EXPECT(org_create(c, "acme", "Another Acme", "en", "EUR", &dup), E_CONFLICT);
	ck_assert_int_eq(dup, -1);
	EXPECT(org_create(c, "gamma", "Gamma", "de", "EUR", NULL), E_INVALID);	/* CHECK (locale) */
	EXPECT(org_by_slug(c, a, "nope", &o), E_NOTFOUND);
	EXPECT(org_by_slug(c, a, "ACME", &o), E_NOTFOUND);
	EXPECT(org_by_id(c, a, org_b + 1000, &o), E_NOTFOUND);
	arena_free(a);
}
END_TEST

/* -------------------------------------------------------------- people */

struct bad_user_case {
	struct new_user nu;
	const char *field, *msg;
};

START_TEST(people_validation)
{
	struct arena *a = arena_new();
	const struct bad_user_case cases[] = {
		{ { "not-an-address", "Ann", "rep", 0, NULL, NULL }, "email", "This is not a valid e-mail address." },
		{ { NULL, "Ann", "rep", 0, NULL, NULL }, "email", "Enter an e-mail address." },
		{ { "ann@acme.test", "  ", "rep", 0, NULL, NULL }, "name", "Enter a name." },
		{ { "ann@acme.test", "Ann\x01", "rep", 0, NULL, NULL }, "name", "A name cannot contain control characters." },
		{ { "ann@acme.test", "Ann", "boss", 0, NULL, NULL }, "role", "The role is admin, manager or rep." },
		{ { "ann@acme.test", "Ann", NULL, 0, NULL, NULL }, "role", "The role is admin, manager or rep." },
		{ { "ann@acme.test", "Ann", "rep", 0, NULL, "de" }, "locale", "The language is en, nl or nb." },
		{ { "ann@acme.test", "Ann", "rep", 0, "short", NULL }, "password", "A password must have at least 10 characters." },
		{ { "ann@acme.test", "Ann", "rep", 999999, NULL, NULL }, "team", "There is no such team." },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		const char *field = "unset", *msg = "unset";
		int64_t id = -1;
		enum err e = people_add_user(c, a, org_a, &cases[i].nu, &id, &field, &msg);
		ck_assert_msg(e == E_INVALID, "case %zu: %s", i, err_name(e));
		ck_str(field, cases[i].field, "field");
		ck_str(msg, cases[i].msg, "message");
		ck_assert_int_eq(id, -1);
	}
	/* nothing was written */
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM users", P_NULL), 0);
	arena_free(a);
}
END_TEST

START_TEST(people_add)
{
	struct arena *a = arena_new();
	const char *field, *msg;
	struct new_user admin = { "Ada@Acme.TEST", "Ada Admin", "admin", 0, "correct horse battery", NULL };
	OK(people_add_user(c, a, org_a, &admin, &admin_a, &field, &msg));
	ck_assert_ptr_null(field);
	ck_assert_ptr_null(msg);
	struct new_user mgr = { "mia@acme.test", "Mia Manager", "manager", 0, NULL, "en" };
	OK(people_add_user(c, a, org_a, &mgr, &manager_a, &field, &msg));
	struct new_user r1 = { "rob@acme.test", "Rob Rep", "rep", 0, NULL, NULL };
	OK(people_add_user(c, a, org_a, &r1, &rep_a1, &field, &msg));
	struct new_user r2 = { "ria@acme.test", "Ria Rep", "rep", 0, NULL, NULL };
	OK(people_add_user(c, a, org_a, &r2, &rep_a2, &field, &msg));
	struct new_user ub = { "bo@beta.test", "Bo Beta", "rep", 0, NULL, NULL };
	OK(people_add_user(c, a, org_b, &ub, &user_b, &field, &msg));
	struct new_user mb = { "siri@beta.test", "Siri Sjef", "manager", 0, NULL, "nb" };
	OK(people_add_user(c, a, org_b, &mb, &manager_b, &field, &msg));

	struct user u;
	OK(user_get(c, a, org_a, admin_a, &u));
	ck_assert_str_eq(u.email, "ada@acme.test");	/* normalised */
	ck_assert_str_eq(u.name, "Ada Admin");
	ck_assert_str_eq(u.role, "admin");
	ck_assert_str_eq(u.locale, "");
	ck_assert_int_eq(u.active, 1);
	ck_assert_int_eq(u.team_id, 0);
	ck_assert_str_eq(u.team_name, "");
	ck_assert_int_eq(u.org_id, org_a);
	ck_assert_int_gt(u.created_at, 1600000000);
	OK(user_get(c, a, org_a, manager_a, &u));
	ck_assert_str_eq(u.locale, "en");
	OK(user_by_email(c, a, org_a, "rob@acme.test", &u));
	ck_assert_int_eq(u.id, rep_a1);

	/* the same address again, in any case, in the same organisation */
	int64_t id = -1;
	struct new_user dup = { "ROB@acme.test", "Robert", "rep", 0, NULL, NULL };
	EXPECT(people_add_user(c, a, org_a, &dup, &id, &field, &msg), E_CONFLICT);
	ck_str(field, "email", "field");
	ck_str(msg, "A user with this e-mail address exists already.", "message");
	ck_assert_int_eq(id, -1);
	/* the failed insert left the connection usable and nothing behind */
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM users", P_NULL), 6);

	/* signing in: the stored hash verifies the password */
	struct credential cr[CREDENTIALS_MAX];
	size_t ncr = 0;
	OK(user_credentials(c, a, "ada@acme.test", cr, &ncr));
	ck_assert_uint_eq(ncr, 1);
	ck_assert_int_eq(cr[0].id, admin_a);
	ck_assert_int_eq(cr[0].org_id, org_a);
	ck_assert_str_eq(cr[0].org_slug, "acme");
	ck_assert_int_eq(password_verify(cr[0].hash, "correct horse battery"), 1);
	ck_assert_int_eq(password_verify(cr[0].hash, "correct horse batterY"), 0);
	OK(user_credentials(c, a, "rob@acme.test", cr, &ncr));
	ck_assert_str_eq(cr[0].hash, "");	/* no password set */
	EXPECT(user_credentials(c, a, "nobody@acme.test", cr, &ncr), E_NOTFOUND);
	ck_assert_uint_eq(ncr, 0);
	arena_free(a);
}
END_TEST

START_TEST(teams_and_members)
{
	struct arena *a = arena_new();
	const char *field, *msg;
	struct new_team t1 = { "North", "Noord-Holland", "SMB", manager_a };
	OK(people_add_team(c, a, org_a, &t1, &team_a, &field, &msg));
	struct new_team t2 = { "South", NULL, NULL, 0 };
	OK(people_add_team(c, a, org_a, &t2, &team_a2, &field, &msg));
	struct new_team tb = { "North", "Oslo", "", manager_b };	/* same name, other org: fine */
	OK(people_add_team(c, a, org_b, &tb, &team_b, &field, &msg));

	int64_t id = -1;
	EXPECT(people_add_team(c, a, org_a, &t1, &id, &field, &msg), E_CONFLICT);
	ck_str(field, "name", "field");
	ck_str(msg, "A team with this name exists already.", "message");
	struct new_team by_rep = { "West", NULL, NULL, rep_a1 };
	EXPECT(people_add_team(c, a, org_a, &by_rep, &id, &field, &msg), E_INVALID);
	ck_str(field, "manager_id", "field");
	ck_str(msg, "The manager must be an active manager or admin of the organisation.", "message");
	struct new_team by_stranger = { "West", NULL, NULL, manager_b };
	EXPECT(people_add_team(c, a, org_a, &by_stranger, &id, &field, &msg), E_INVALID);
	ck_str(field, "manager_id", "field");
	struct new_team unnamed = { " ", NULL, NULL, 0 };
	EXPECT(people_add_team(c, a, org_a, &unnamed, &id, &field, &msg), E_INVALID);
	ck_str(field, "name", "field");
	ck_assert_int_eq(id, -1);

	struct team t;
	OK(team_get(c, a, org_a, team_a, &t));
	ck_assert_str_eq(t.name, "North");
	ck_assert_int_eq(t.org_id, org_a);
	ck_assert_int_eq(t.manager_id, manager_a);
	ck_assert_str_eq(t.manager_name, "Mia Manager");
	ck_assert_str_eq(t.territory, "Noord-Holland");
	ck_assert_str_eq(t.segment, "SMB");
	ck_assert_int_eq(t.members, 0);
	OK(team_get(c, a, org_a, team_a2, &t));
	ck_assert_int_eq(t.manager_id, 0);
	ck_assert_str_eq(t.manager_name, "");
	ck_assert_str_eq(t.territory, "");
	OK(team_by_name(c, a, org_b, "North", &t));
	ck_assert_int_eq(t.id, team_b);

	/* members */
	OK(user_set_team(c, org_a, rep_a1, team_a));
	OK(user_set_team(c, org_a, rep_a2, team_a2));
	struct user u;
	OK(user_get(c, a, org_a, rep_a1, &u));
	ck_assert_int_eq(u.team_id, team_a);
	ck_assert_str_eq(u.team_name, "North");
	OK(team_get(c, a, org_a, team_a, &t));
	ck_assert_int_eq(t.members, 1);
	/* moving: a user is in one team at most */
	OK(user_set_team(c, org_a, rep_a2, team_a));
	OK(user_set_team(c, org_a, rep_a2, team_a));
	OK(team_get(c, a, org_a, team_a, &t));
	ck_assert_int_eq(t.members, 2);
	OK(team_get(c, a, org_a, team_a2, &t));
	ck_assert_int_eq(t.members, 0);
	OK(user_set_team(c, org_a, rep_a2, 0));
	OK(user_get(c, a, org_a, rep_a2, &u));
	ck_assert_int_eq(u.team_id, 0);
	OK(user_set_team(c, org_a, rep_a2, team_a2));
	OK(user_set_team(c, org_b, user_b, team_b));

	/* a user added straight into a team */
	int64_t rep3 = 0;
	struct new_user r3 = { "roos@acme.test", "Roos Rep", "rep", team_a, NULL, "nl" };
	OK(people_add_user(c, a, org_a, &r3, &rep3, &field, &msg));
	OK(user_get(c, a, org_a, rep3, &u));
	ck_assert_int_eq(u.team_id, team_a);
	ck_assert_str_eq(u.locale, "nl");

	/* who a manager leads and sees */
	int64_t *ids = NULL;
	size_t n = 99;
	OK(team_ids_led_by(c, a, org_a, manager_a, &ids, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(ids[0], team_a);
	OK(team_ids_led_by(c, a, org_a, rep_a1, &ids, &n));
	ck_assert_uint_eq(n, 0);
	OK(team_ids_led_by(c, a, org_a, manager_b, &ids, &n));	/* a manager of org B, asked in org A */
	ck_assert_uint_eq(n, 0);
	OK(team_update(c, org_a, team_a2, "South", manager_a, "Zeeland", ""));
	OK(team_ids_led_by(c, a, org_a, manager_a, &ids, &n));
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(ids[0] < ids[1], 1);

	struct user_list ul;
	OK(user_list_teams(c, a, org_a, &team_a, 1, manager_a, &ul));
	ck_assert_uint_eq(ul.n, 3);	/* by name: Mia Manager, Rob Rep, Roos Rep */
	ck_assert_int_eq(ul.items[0].id, manager_a);
	ck_assert_int_eq(ul.items[1].id, rep_a1);
	ck_assert_int_eq(ul.items[2].id, rep3);
	int64_t both[2] = { team_a, team_a2 };
	OK(user_list_teams(c, a, org_a, both, 2, 0, &ul));
	ck_assert_uint_eq(ul.n, 3);	/* Ria Rep, Rob Rep, Roos Rep */
	ck_assert_int_eq(ul.items[0].id, rep_a2);
	OK(user_list_teams(c, a, org_a, NULL, 0, admin_a, &ul));
	ck_assert_uint_eq(ul.n, 1);
	ck_assert_int_eq(ul.items[0].id, admin_a);
	/* team ids that share digits must not match each other ("1" in "11") */
	int64_t other = team_a * 10 + team_a;
	OK(user_list_teams(c, a, org_a, &other, 1, 0, &ul));
	ck_assert_uint_eq(ul.n, 0);
	arena_free(a);
}
END_TEST

START_TEST(lists_grow)
{
	/* more rows than the first allocation of each list */
	struct arena *a = arena_new();
	for (int i = 0; i < 20; i++) {
		char name[32];
		snprintf(name, sizeof(name), "Team %02d", i);
		OK(team_create(c, org_b, name, 0, NULL, NULL, NULL));
		char email[48];
		snprintf(email, sizeof(email), "user%02d@beta.test", i);
		OK(user_create(c, org_b, email, name, "rep", NULL, NULL));
	}
	struct team_list tl;
	OK(team_list_org(c, a, org_b, &tl));
	ck_assert_uint_eq(tl.n, 21);
	ck_assert_str_eq(tl.items[0].name, "North");
	ck_assert_str_eq(tl.items[1].name, "Team 00");
	ck_assert_str_eq(tl.items[20].name, "Team 19");
	for (size_t i = 0; i < tl.n; i++)
		ck_assert_int_eq(tl.items[i].org_id, org_b);
	struct user_list ul;
	OK(user_list_org(c, a, org_b, &ul));
	ck_assert_uint_eq(ul.n, 22);
	for (size_t i = 0; i < ul.n; i++)
		ck_assert_int_eq(ul.items[i].org_id, org_b);
	ck_assert_str_eq(ul.items[0].name, "Bo Beta");
	ck_assert_str_eq(ul.items[21].name, "Team 19");
	arena_free(a);
}
END_TEST

/* ------------------------------------------------------------ scoping */

START_TEST(org_scoping)
{
	struct arena *a = arena_new();
	struct user u;
	struct team t;
	EXPECT(user_get(c, a, org_a, user_b, &u), E_NOTFOUND);
	OK(user_get(c, a, org_b, user_b, &u));
	EXPECT(user_by_email(c, a, org_a, "bo@beta.test", &u), E_NOTFOUND);
	EXPECT(team_get(c, a, org_a, team_b, &t), E_NOTFOUND);
	OK(team_get(c, a, org_b, team_b, &t));
	EXPECT(team_by_name(c, a, org_a, "Team 00", &t), E_NOTFOUND);
	struct user_list ul;
	OK(user_list_org(c, a, org_a, &ul));
	ck_assert_uint_eq(ul.n, 5);
	for (size_t i = 0; i < ul.n; i++)
		ck_assert_int_eq(ul.items[i].org_id, org_a);
	/* a list of org B's team asked for in org A is empty */
	OK(user_list_teams(c, a, org_a, &team_b, 1, user_b, &ul));
	ck_assert_uint_eq(ul.n, 0);

	/* changes through the wrong organisation touch nothing */
	EXPECT(user_set_active(c, org_a, user_b, 0), E_NOTFOUND);
	EXPECT(user_set_role(c, org_a, user_b, "admin"), E_NOTFOUND);
	EXPECT(user_set_locale(c, org_a, user_b, "en"), E_NOTFOUND);
	EXPECT(user_set_password(c, org_a, user_b, "x"), E_NOTFOUND);
	EXPECT(team_update(c, org_a, team_b, "Stolen", 0, "", ""), E_NOTFOUND);
	OK(user_get(c, a, org_b, user_b, &u));
	ck_assert_int_eq(u.active, 1);
	ck_assert_str_eq(u.role, "rep");
	OK(team_get(c, a, org_b, team_b, &t));
	ck_assert_str_eq(t.name, "North");

	/* the composite foreign keys refuse rows that point into another organisation */
	EXPECT(user_set_team(c, org_a, manager_b, team_a), E_INVALID);	/* user of B, in A's name */
	/* user_b has a membership in B already: refused too (as a conflict or as invalid) */
	ck_assert_int_ne(user_set_team(c, org_a, user_b, team_a), E_OK);
	/* nor may org A move org B's user to another of org B's teams */
	OK(team_by_name(c, a, org_b, "Team 00", &t));
	ck_assert_int_ne(user_set_team(c, org_a, user_b, t.id), E_OK);
	EXPECT(team_create(c, org_a, "Borrowed manager", manager_b, NULL, NULL, NULL), E_INVALID);
	EXPECT(team_update(c, org_a, team_a2, "South", manager_b, "", ""), E_INVALID);
	const char *tok, *csrf;
	EXPECT(session_create(c, a, org_a, user_b, &tok, &csrf), E_INVALID);
	EXPECT(token_create(c, a, org_a, user_b, "x", &tok), E_INVALID);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT team_id FROM team_members WHERE user_id = $1", P_I(user_b)), team_b);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM team_members WHERE user_id = $1", P_I(manager_b)), 0);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM teams WHERE name = $1", P_T("Borrowed manager")), 0);
	OK(team_get(c, a, org_a, team_a2, &t));
	ck_assert_int_eq(t.manager_id, manager_a);
	arena_free(a);
}
END_TEST

START_TEST(failed_move_keeps_team)
{
	/* a move into another organisation's team fails, and the user keeps the team they had */
	struct arena *a = arena_new();
	enum err e = user_set_team(c, org_b, user_b, team_a);	/* team of A, in B's name */
	ck_assert_msg(e != E_OK, "user_set_team into another organisation's team succeeded");
	struct user u;
	OK(user_get(c, a, org_b, user_b, &u));
	ck_assert_msg(u.team_id == team_b, "after a failed move the user is in team %lld, want %lld",
		      (long long)u.team_id, (long long)team_b);
	arena_free(a);
}
END_TEST

/* ----------------------------------------------------------- sign-in */

START_TEST(sessions)
{
	struct arena *a = arena_new();
	const char *tok = NULL, *csrf = NULL;
	OK(session_create(c, a, org_a, admin_a, &tok, &csrf));
	/* "<org_id>.<43 characters>" */
	ck_assert_int_eq(org_of_secret(tok, NULL), org_a);
	ck_assert_uint_eq(strlen(strchr(tok, '.') + 1), 43);
	ck_assert_uint_eq(strlen(csrf), 32);
	struct principal p;
	memset(&p, 0, sizeof(p));
	OK(session_lookup(c, a, tok, &p));
	ck_assert_int_eq(p.user_id, admin_a);
	ck_assert_int_eq(p.org_id, org_a);
	ck_assert_str_eq(p.email, "ada@acme.test");
	ck_assert_str_eq(p.name, "Ada Admin");
	ck_assert_str_eq(p.role, "admin");
	ck_assert_str_eq(p.user_locale, "");
	ck_assert_str_eq(p.org_slug, "acme");
	ck_assert_str_eq(p.org_name, "Acme B.V.");
	ck_assert_str_eq(p.org_locale, "nl");
	ck_assert_str_eq(p.currency, "EUR");
	ck_assert_str_eq(p.csrf, csrf);
	/* only the hash is stored */
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM sessions WHERE id_hash = $1", P_T(tok)), 0);
	char h[65];
	sha256_hex(tok, h);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM sessions WHERE id_hash = $1", P_T(h)), 1);

	EXPECT(session_lookup(c, a, "not-a-token", &p), E_NOTFOUND);
	EXPECT(session_lookup(c, a, "", &p), E_NOTFOUND);
	/* the organisation is part of the secret: named wrongly, nothing is found */
	char other_org[128];
	snprintf(other_org, sizeof(other_org), "%lld%s", (long long)org_b, strchr(tok, '.'));
	EXPECT(session_lookup(c, a, other_org, &p), E_NOTFOUND);
	OK(session_delete(c, tok));
	EXPECT(session_lookup(c, a, tok, &p), E_NOTFOUND);

	/* an expired session is not found */
	const char *old = arena_printf(a, "%lld.an-expired-session-token", (long long)org_a);
	sha256_hex(old, h);
	int64_t now = now_epoch();
	OK(DBX(c, "INSERT INTO sessions (id_hash, org_id, user_id, csrf, created_at, expires_at) "
	       "VALUES ($1, $2, $3, $4, $5, $6)", P_T(h), P_I(org_a), P_I(admin_a), P_T("c"),
	       P_I(now - 100), P_I(now - 1)));
	EXPECT(session_lookup(c, a, old, &p), E_NOTFOUND);

	/* an inactive user's session is not found, whatever is left in the table */
	OK(session_create(c, a, org_a, rep_a1, &tok, &csrf));
	OK(session_lookup(c, a, tok, &p));
	ck_assert_int_eq(p.user_id, rep_a1);
	OK(DBX(c, "UPDATE users SET active = 0 WHERE id = $1", P_I(rep_a1)));
	EXPECT(session_lookup(c, a, tok, &p), E_NOTFOUND);
	OK(DBX(c, "UPDATE users SET active = 1 WHERE id = $1", P_I(rep_a1)));
	OK(session_lookup(c, a, tok, &p));
	/* deactivating signs the user out everywhere, for good */
	OK(user_set_active(c, org_a, rep_a1, 0));
	EXPECT(session_lookup(c, a, tok, &p), E_NOTFOUND);
	OK(user_set_active(c, org_a, rep_a1, 1));
	EXPECT(session_lookup(c, a, tok, &p), E_NOTFOUND);

	/* signing out elsewhere keeps this session only */
	const char *t1, *t2, *t3, *c1, *c2, *c3;
	OK(session_create(c, a, org_a, manager_a, &t1, &c1));
	OK(session_create(c, a, org_a, manager_a, &t2, &c2));
	OK(session_create(c, a, org_a, admin_a, &t3, &c3));
	ck_assert_str_ne(t1, t2);
	ck_assert_str_ne(c1, c2);
	OK(session_delete_others(c, org_a, manager_a, t1));
	OK(session_lookup(c, a, t1, &p));
	ck_assert_str_eq(p.user_locale, "en");
	EXPECT(session_lookup(c, a, t2, &p), E_NOTFOUND);
	OK(session_lookup(c, a, t3, &p));	/* someone else's session stays */
	OK(session_delete_others(c, org_a, manager_a, NULL));
	EXPECT(session_lookup(c, a, t1, &p), E_NOTFOUND);
	arena_free(a);
}
END_TEST

START_TEST(api_tokens)
{
	struct arena *a = arena_new();
	const char *tok = NULL;
	OK(token_create(c, a, org_b, manager_b, "CI", &tok));
	ck_assert_int_eq(strncmp(tok, "sg_", 3), 0);
	ck_assert_int_eq(org_of_secret(tok, "sg_"), org_b);
	ck_assert_uint_eq(strlen(strchr(tok, '.') + 1), 43);
	struct principal p;
	memset(&p, 0, sizeof(p));
	OK(token_lookup(c, a, tok, &p));
	ck_assert_int_eq(p.user_id, manager_b);
	ck_assert_int_eq(p.org_id, org_b);
	ck_assert_str_eq(p.role, "manager");
	ck_assert_str_eq(p.user_locale, "nb");
	ck_assert_str_eq(p.org_slug, "beta");
	ck_assert_str_eq(p.currency, "NOK");
	ck_assert_str_eq(p.csrf, "");
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM api_tokens WHERE last_used_at IS NOT NULL", P_NULL), 1);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM api_tokens WHERE token_hash = $1", P_T(tok)), 0);

	EXPECT(token_lookup(c, a, "sg_wrong", &p), E_NOTFOUND);
	char wrong[64];
	snprintf(wrong, sizeof(wrong), "%s", tok);
	wrong[10] = wrong[10] == 'A' ? 'B' : 'A';
	EXPECT(token_lookup(c, a, wrong, &p), E_NOTFOUND);
	/* the same secret under another organisation's number opens nothing */
	snprintf(wrong, sizeof(wrong), "sg_%lld%s", (long long)org_a, strchr(tok, '.'));
	EXPECT(token_lookup(c, a, wrong, &p), E_NOTFOUND);

	/* listed for the user and for the organisation, revoked one by one */
	struct api_token_list tl;
	const char *tok2 = NULL;
	OK(token_create(c, a, org_b, manager_b, "laptop", &tok2));
	OK(token_list(c, a, org_b, manager_b, &tl));
	ck_assert_uint_eq(tl.n, 2);
	ck_assert_str_eq(tl.items[0].label, "laptop");	/* newest first */
	ck_assert_int_eq(tl.items[0].last_used_at, 0);
	ck_assert_int_gt(tl.items[1].last_used_at, 0);
	OK(token_list(c, a, org_a, manager_b, &tl));
	ck_assert_uint_eq(tl.n, 0);			/* not through another organisation */
	int64_t tid2 = DB_I64(c, -1, "SELECT max(id) FROM api_tokens", P_NULL);
	EXPECT(token_revoke(c, org_a, 0, tid2), E_NOTFOUND);
	EXPECT(token_revoke(c, org_b, user_b, tid2), E_NOTFOUND);	/* not someone else's */
	OK(token_revoke(c, org_b, manager_b, tid2));
	EXPECT(token_revoke(c, org_b, manager_b, tid2), E_NOTFOUND);
	EXPECT(token_lookup(c, a, tok2, &p), E_NOTFOUND);
	OK(token_lookup(c, a, tok, &p));			/* the other one still works */
	OK(token_list(c, a, org_b, 0, &tl));
	ck_assert_uint_eq(tl.n, 1);
	OK(token_revoke_all(c, org_b, manager_b));
	EXPECT(token_lookup(c, a, tok, &p), E_NOTFOUND);
	OK(token_create(c, a, org_b, manager_b, "CI", &tok));
	/* a session token is not an API token, nor the other way round */
	const char *st, *csrf;
	OK(session_create(c, a, org_b, manager_b, &st, &csrf));
	EXPECT(token_lookup(c, a, st, &p), E_NOTFOUND);
	EXPECT(session_lookup(c, a, tok, &p), E_NOTFOUND);
	/* deactivation revokes tokens; reactivation does not bring them back */
	OK(user_set_active(c, org_b, manager_b, 0));
	EXPECT(token_lookup(c, a, tok, &p), E_NOTFOUND);
	OK(user_set_active(c, org_b, manager_b, 1));
	EXPECT(token_lookup(c, a, tok, &p), E_NOTFOUND);
	arena_free(a);
}
END_TEST

START_TEST(login_throttle)
{
	/* the counters behind domain/throttle.h, with time given, not waited for */
	const int64_t t0 = 1800000000;
	int64_t n = -1, end = -1, next = -1;
	for (int i = 1; i <= 3; i++) {
		OK(throttle_hit(c, "u:who@acme.test", t0 + i, 900, &n, &end));
		ck_assert_int_eq(n, i);
		ck_assert_int_eq(end, t0 + 1 + 900);	/* the window starts with the first */
	}
	OK(throttle_hit(c, "u:other@acme.test", t0, 900, &n, &end));
	ck_assert_int_eq(n, 1);
	/* a right password gives its attempt back */
	OK(throttle_forgive(c, "u:who@acme.test"));
	OK(throttle_hit(c, "u:who@acme.test", t0 + 10, 900, &n, &end));
	ck_assert_int_eq(n, 3);
	/* after the window the count starts over */
	OK(throttle_hit(c, "u:who@acme.test", t0 + 901, 900, &n, &end));
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(end, t0 + 901 + 900);

	/* one slot at a time: taken, refused until it frees, then taken again */
	OK(throttle_take_slot(c, "u:who@acme.test", t0 + 1000, 30, &next));
	ck_assert_int_eq(next, t0 + 1030);
	EXPECT(throttle_take_slot(c, "u:who@acme.test", t0 + 1001, 30, &next), E_THROTTLED);
	ck_assert_int_eq(next, t0 + 1030);
	EXPECT(throttle_take_slot(c, "u:who@acme.test", t0 + 1029, 30, &next), E_THROTTLED);
	OK(throttle_take_slot(c, "u:who@acme.test", t0 + 1030, 30, &next));
	ck_assert_int_eq(next, t0 + 1060);

	/* old windows are swept */
	OK(throttle_sweep(c, t0 + 500));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM login_throttle WHERE key = $1",
				P_T("u:other@acme.test")), 0);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM login_throttle WHERE key = $1",
				P_T("u:who@acme.test")), 1);
}
END_TEST

START_TEST(server_secrets)
{
	struct arena *a = arena_new();
	const char *s1 = NULL, *s2 = NULL, *s3 = NULL;
	OK(server_secret(c, a, "test-one", &s1));
	OK(server_secret(c, a, "test-one", &s2));
	OK(server_secret(c, a, "test-two", &s3));
	ck_assert_uint_ge(strlen(s1), 40);
	ck_assert_str_eq(s1, s2);		/* made once, then read */
	ck_assert_str_ne(s1, s3);
	arena_free(a);
}
END_TEST

START_TEST(schema_still_latest)
{
	ck_assert_int_eq(db_schema_version(c), db_schema_latest());
}
END_TEST

/* ------------------------------------------------------------- numbers */

/* Organisation "numbers" (calendar fiscal year), made by numbers_people:
 *
 *   team North (territory North, segment SMB, led by Max Manager): Anna North, Bert North
 *   team South (territory South, segment SMB, no manager):          Carl South
 *   Max Manager (manager, in no team, has a target in November)
 *   Zed Admin (admin, no target), Ines Inactive (an inactive rep)
 *
 * Targets (numbers_targets), in minor units:
 *            Oct     Nov     Dec     2026-Q4
 *   Anna   10000   20000   30000     50000 (explicit; the months add up to 60000)
 *   Bert   10000   10000   10000         -
 *   Carl       -    5000       -         -
 *   Max        -    4000       -         -
 *
 * Won deals (numbers_grid): Anna 8000 on 5 Oct, 2000 on 31 Oct, 25000 on
 * 15 Nov, 1000 on 1 Dec; Bert 7000 on 30 Nov, 3000 on 31 Dec; Carl 99999 on
 * 30 Sep and 88888 on 1 Jan 2027 (outside); Max 1500 on 2 Nov; a lost deal of
 * Anna's worth 50000 in November and a won deal of another organisation. */
static int64_t org_n, n_anna, n_bert, n_carl, n_max, n_zed, n_ines, n_north, n_south, n_stage, n_account;
static int64_t n_target_anna_q4;

static struct period per(const char *label)
{
	struct period p;
	ck_assert_msg(period_parse(label, 1, &p) == 0, "period %s", label);
	return p;
}

static void add_deal(int64_t org, int64_t stage, int64_t account, int64_t owner, const char *product,
		     const char *status, const char *reason, const char *closed_on, int64_t value)
{
	OK(DBX(c, "INSERT INTO deals (org_id, title, account_id, value_minor, currency, owner_id, stage_id, product, "
	       "status, lost_reason, closed_on, created_on, stage_changed_on, created_at, updated_at) "
	       "VALUES ($1, 'Deal', $2, $3, 'EUR', $4, $5, $6, $7, $8, $9, '2026-01-01', '2026-01-01', 0, 0)",
	       P_I(org), P_I(account), P_I(value), P_I(owner), P_I(stage), P_T(product), P_T(status), P_T(reason),
	       P_T(closed_on)));
}

START_TEST(numbers_people)
{
	struct arena *a = arena_new();
	const char *field, *msg;
	OK(org_create(c, "numbers", "Numbers AS", "en", "EUR", &org_n));
	struct new_user mx = { "max@numbers.test", "Max Manager", "manager", 0, NULL, NULL };
	OK(people_add_user(c, a, org_n, &mx, &n_max, &field, &msg));
	struct new_team north = { "North", "North", "SMB", n_max }, south = { "South", "South", "SMB", 0 };
	OK(people_add_team(c, a, org_n, &north, &n_north, &field, &msg));
	OK(people_add_team(c, a, org_n, &south, &n_south, &field, &msg));
	struct new_user an = { "anna@numbers.test", "Anna North", "rep", n_north, NULL, NULL };
	struct new_user be = { "bert@numbers.test", "Bert North", "rep", n_north, NULL, NULL };
	struct new_user ca = { "carl@numbers.test", "Carl South", "rep", n_south, NULL, NULL };
	struct new_user ze = { "zed@numbers.test", "Zed Admin", "admin", 0, NULL, NULL };
	struct new_user in = { "ines@numbers.test", "Ines Inactive", "rep", n_south, NULL, NULL };
	OK(people_add_user(c, a, org_n, &an, &n_anna, &field, &msg));
	OK(people_add_user(c, a, org_n, &be, &n_bert, &field, &msg));
	OK(people_add_user(c, a, org_n, &ca, &n_carl, &field, &msg));
	OK(people_add_user(c, a, org_n, &ze, &n_zed, &field, &msg));
	OK(people_add_user(c, a, org_n, &in, &n_ines, &field, &msg));
	OK(user_set_active(c, org_n, n_ines, 0));
	struct db_stmt *st = DBQ(c, "INSERT INTO stages (org_id, name, position, kind) VALUES ($1, 'Talking', 1, 'open') "
				 "RETURNING id", P_I(org_n));
	ck_assert_int_eq(db_step(st), DB_ROW);
	n_stage = db_col_i64(st, 0);
	OK(db_finish(st));
	OK(account_create(c, org_n, "Fjord AS", 0, NULL, &n_account));
	arena_free(a);
}
END_TEST

START_TEST(numbers_settings_round_trip)
{
	struct arena *a = arena_new();
	struct numbers_settings s;
	settings_numbers(c, a, org_n, &s);
	ck_assert_int_eq(s.source, RESULTS_DEALS);
	ck_assert_int_eq(s.rules.superstar_pct, 120);
	ck_assert_int_eq(s.rules.superstar_share_pct, 0);
	ck_assert_int_eq(s.rules.under_pct, 80);
	ck_assert_int_eq(s.rules.under_periods, 2);
	ck_assert_int_eq(s.min_sample, 5);
	ck_assert_int_eq(s.fiscal_start_month, 1);
	ck_str(s.currency, "EUR", "currency");
	s.source = RESULTS_IMPORTED;
	s.rules.superstar_pct = 150;
	s.rules.superstar_share_pct = 20;
	s.rules.under_pct = 70;
	s.rules.under_periods = 3;
	s.min_sample = 8;
	OK(settings_numbers_save(c, org_n, &s));
	OK(DBX(c, "UPDATE orgs SET fiscal_start_month = 7 WHERE id = $1", P_I(org_n)));
	struct numbers_settings t;
	settings_numbers(c, a, org_n, &t);
	ck_assert_int_eq(t.source, RESULTS_IMPORTED);
	ck_assert_int_eq(t.rules.superstar_pct, 150);
	ck_assert_int_eq(t.rules.superstar_share_pct, 20);
	ck_assert_int_eq(t.rules.under_pct, 70);
	ck_assert_int_eq(t.rules.under_periods, 3);
	ck_assert_int_eq(t.min_sample, 8);
	ck_assert_int_eq(t.fiscal_start_month, 7);
	/* another organisation keeps its defaults */
	settings_numbers(c, a, org_b, &t);
	ck_assert_int_eq(t.source, RESULTS_DEALS);
	ck_assert_int_eq(t.rules.superstar_pct, 120);
	ck_str(t.currency, "NOK", "currency of org B");
	/* back to what the later tests expect */
	OK(DBX(c, "UPDATE orgs SET fiscal_start_month = 1 WHERE id = $1", P_I(org_n)));
	s.source = RESULTS_DEALS;
	OK(settings_numbers_save(c, org_n, &s));
	arena_free(a);
}
END_TEST

START_TEST(numbers_targets)
{
	struct arena *a = arena_new();
	struct period oct = per("2026-10"), nov = per("2026-11"), dec = per("2026-12"), q4 = per("2026-Q4");
	int64_t id = 0, id2 = 0;
	int created = -1;
	/* set, then set again: the same row, updated */
	OK(target_set(c, org_n, n_anna, &oct, 12345, NULL, &id, &created));
	ck_assert_int_eq(created, 1);
	ck_assert_int_gt(id, 0);
	OK(target_set(c, org_n, n_anna, &oct, 10000, "EUR", &id2, &created));
	ck_assert_int_eq(created, 0);
	ck_assert_int_eq(id2, id);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM targets WHERE org_id = $1", P_I(org_n)), 1);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT amount_minor FROM targets WHERE id = $1", P_I(id)), 10000);

	struct target t;
	OK(target_get(c, a, org_n, id, 1, &t));
	ck_assert_int_eq(t.user_id, n_anna);
	ck_str(t.user_name, "Anna North", "name");
	ck_str(t.user_email, "anna@numbers.test", "email");
	ck_str(t.period.label, "2026-10", "label");
	ck_assert_int_eq(t.period.kind, PERIOD_MONTH);
	ck_str(t.period.start, "2026-10-01", "start");
	ck_str(t.period.end, "2026-10-31", "end");
	ck_assert_int_eq(t.amount_minor, 10000);
	ck_str(t.currency, "EUR", "currency");	/* the organisation's when none is given */
	ck_assert_int_gt(t.updated_at, 1600000000);
	EXPECT(target_get(c, a, org_b, id, 1, &t), E_NOTFOUND);

	/* a user of another organisation, a negative target, a period that is none */
	created = -1;
	EXPECT(target_set(c, org_n, user_b, &oct, 100, NULL, &id2, &created), E_NOTFOUND);
	EXPECT(target_set(c, org_b, n_anna, &oct, 100, NULL, &id2, &created), E_NOTFOUND);
	EXPECT(result_total_set(c, org_n, user_b, &oct, 100, NULL, &id2, &created), E_NOTFOUND);
	EXPECT(target_set(c, org_n, n_anna, &nov, -1, NULL, &id2, &created), E_INVALID);
	struct period bad = oct;
	strcpy(bad.end, "2026-09-30");
	EXPECT(target_set(c, org_n, n_anna, &bad, 100, NULL, &id2, &created), E_INVALID);
	ck_assert_int_eq(created, 0);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM targets", P_NULL), 1);

	/* deleting */
	int64_t tmp;
	OK(target_set(c, org_n, n_zed, &nov, 1, NULL, &tmp, &created));
	EXPECT(target_delete(c, org_b, tmp), E_NOTFOUND);
	OK(target_delete(c, org_n, tmp));
	EXPECT(target_delete(c, org_n, tmp), E_NOTFOUND);
	EXPECT(target_get(c, a, org_n, tmp, 1, &t), E_NOTFOUND);

	/* the rest of the table in the comment above */
	OK(target_set(c, org_n, n_anna, &nov, 20000, NULL, NULL, &created));
	OK(target_set(c, org_n, n_anna, &dec, 30000, NULL, NULL, &created));
	OK(target_set(c, org_n, n_anna, &q4, 50000, NULL, &n_target_anna_q4, &created));
	ck_assert_int_eq(created, 1);
	OK(target_set(c, org_n, n_bert, &oct, 10000, NULL, NULL, &created));
	OK(target_set(c, org_n, n_bert, &nov, 10000, NULL, NULL, &created));
	OK(target_set(c, org_n, n_bert, &dec, 10000, NULL, NULL, &created));
	OK(target_set(c, org_n, n_carl, &nov, 5000, NULL, NULL, &created));
	OK(target_set(c, org_n, n_max, &nov, 4000, NULL, NULL, &created));
	OK(target_set(c, org_b, user_b, &nov, 777, NULL, NULL, &created));	/* another organisation's */
	OK(target_get(c, a, org_n, n_target_anna_q4, 1, &t));
	ck_str(t.period.label, "2026-Q4", "label");
	ck_assert_int_eq(t.period.kind, PERIOD_QUARTER);
	/* with another fiscal start the bounds are no quarter: kind and days stay */
	OK(target_get(c, a, org_n, n_target_anna_q4, 2, &t));
	ck_assert_int_eq(t.period.kind, PERIOD_QUARTER);
	ck_str(t.period.start, "2026-10-01", "start");
	ck_str(t.period.end, "2026-12-31", "end");
	arena_free(a);
}
END_TEST

/* user ids of a target list, in order, against the expected ones */
static void expect_targets(const struct target *t, size_t n, const int64_t *users, const char *const *labels,
			   size_t want)
{
	ck_assert_uint_eq(n, want);
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(t[i].user_id == users[i], "row %zu: user %lld, want %lld", i, (long long)t[i].user_id,
			      (long long)users[i]);
		ck_str(t[i].period.label, labels[i], "label");
	}
}

START_TEST(numbers_targets_list)
{
	struct arena *a = arena_new();
	struct target *t;
	size_t n;
	int64_t total;
	/* newest period first (a quarter before the month it starts with), then by name */
	struct numbers_scope org = { 0, 0, 0 };
	OK(targets_list(c, a, org_n, &org, "2026-10-01", "2026-12-31", 1, 0, 0, &t, &n, &total));
	ck_assert_int_eq(total, 9);
	{
		int64_t u[] = { n_anna, n_bert, n_anna, n_bert, n_carl, n_max, n_anna, n_anna, n_bert };
		const char *l[] = { "2026-12", "2026-12", "2026-11", "2026-11", "2026-11", "2026-11", "2026-Q4",
				    "2026-10", "2026-10" };
		expect_targets(t, n, u, l, 9);
	}
	ck_str(t[2].user_name, "Anna North", "name");
	/* a page */
	OK(targets_list(c, a, org_n, &org, NULL, NULL, 1, 2, 2, &t, &n, &total));
	ck_assert_int_eq(total, 9);
	{
		int64_t u[] = { n_anna, n_bert };
		const char *l[] = { "2026-11", "2026-11" };
		expect_targets(t, n, u, l, 2);
	}
	/* within bounds: the quarter does not lie within October */
	OK(targets_list(c, a, org_n, NULL, NULL, "2026-10-31", 1, 0, 0, &t, &n, &total));
	ck_assert_int_eq(total, 2);
	OK(targets_list(c, a, org_n, NULL, "2026-11-01", "2026-11-30", 1, 0, 0, &t, &n, &total));
	ck_assert_int_eq(total, 4);
	ck_assert_uint_eq(n, 4);
	/* a team, the teams a manager leads, a rep */
	struct numbers_scope team = { 0, n_north, 0 }, mgr = { 0, 0, n_max }, rep = { n_carl, 0, 0 };
	OK(targets_list(c, a, org_n, &team, NULL, NULL, 1, 0, 0, &t, &n, &total));
	ck_assert_int_eq(total, 7);
	for (size_t i = 0; i < n; i++)
		ck_assert(t[i].user_id == n_anna || t[i].user_id == n_bert);
	OK(targets_list(c, a, org_n, &mgr, NULL, NULL, 1, 0, 0, &t, &n, &total));
	ck_assert_int_eq(total, 7);
	ck_assert_uint_eq(n, 7);
	OK(targets_list(c, a, org_n, &rep, NULL, NULL, 1, 0, 0, &t, &n, &total));
	ck_assert_int_eq(total, 1);
	ck_assert_int_eq(t[0].amount_minor, 5000);
	/* Zed leads no team; org B sees only its own */
	struct numbers_scope nobody = { 0, 0, n_zed };
	OK(targets_list(c, a, org_n, &nobody, NULL, NULL, 1, 0, 0, &t, &n, &total));
	ck_assert_int_eq(total, 0);
	OK(targets_list(c, a, org_b, NULL, NULL, NULL, 1, 0, 0, &t, &n, &total));
	ck_assert_int_eq(total, 1);
	ck_assert_int_eq(t[0].user_id, user_b);
	arena_free(a);
}
END_TEST

/* the cell of rep i in period j, as "has target/target/result" */
#define CELL(g, i, j, has, target, result)                                                                    \
	do {                                                                                                  \
		size_t x_ = (i) * (g).nperiods + (j);                                                         \
		ck_assert_msg((g).has_target[x_] == (has) && (g).target_minor[x_] == (target) &&              \
			      (g).result_minor[x_] == (result),                                               \
			      "rep %s, period %zu: %d/%lld/%lld, want %d/%lld/%lld", (g).reps[i].name, (size_t)(j), \
			      (g).has_target[x_], (long long)(g).target_minor[x_], (long long)(g).result_minor[x_], \
			      (has), (long long)(target), (long long)(result));                               \
	} while (0)

START_TEST(numbers_grid)
{
	struct arena *a = arena_new();
	add_deal(org_n, n_stage, n_account, n_anna, "Pro", "won", NULL, "2026-10-05", 8000);
	add_deal(org_n, n_stage, n_account, n_anna, "Pro", "won", NULL, "2026-10-31", 2000);
	add_deal(org_n, n_stage, n_account, n_anna, "Pro", "won", NULL, "2026-11-15", 25000);
	add_deal(org_n, n_stage, n_account, n_anna, "Pro", "won", NULL, "2026-12-01", 1000);
	add_deal(org_n, n_stage, n_account, n_anna, "Pro", "lost", "price", "2026-11-20", 50000);
	add_deal(org_n, n_stage, n_account, n_bert, "Pro", "won", NULL, "2026-11-30", 7000);
	add_deal(org_n, n_stage, n_account, n_bert, "Pro", "won", NULL, "2026-12-31", 3000);
	add_deal(org_n, n_stage, n_account, n_carl, "Pro", "won", NULL, "2026-09-30", 99999);
	add_deal(org_n, n_stage, n_account, n_carl, "Pro", "won", NULL, "2027-01-01", 88888);
	add_deal(org_n, n_stage, n_account, n_max, "Lite", "won", NULL, "2026-11-02", 1500);
	/* another organisation's won deal in November */
	int64_t acc_b, stage_b;
	OK(account_create(c, org_b, "Other", 0, NULL, &acc_b));
	struct db_stmt *st = DBQ(c, "INSERT INTO stages (org_id, name, position, kind) VALUES ($1, 'Talking', 1, 'open') "
				 "RETURNING id", P_I(org_b));
	ck_assert_int_eq(db_step(st), DB_ROW);
	stage_b = db_col_i64(st, 0);
	OK(db_finish(st));
	add_deal(org_b, stage_b, acc_b, user_b, "Pro", "won", NULL, "2026-11-10", 1000000);

	/* periods in any order */
	struct period ps[] = { per("2026-Q4"), per("2026-10"), per("2026-12"), per("2026-11"), per("FY2026") };
	struct numbers_grid g;
	struct numbers_scope org = { 0, 0, 0 };
	OK(numbers_grid_load(c, a, org_n, &org, ps, 5, RESULTS_DEALS, &g));
	/* the active reps and Max (a target in November); not Zed, not Ines */
	ck_assert_uint_eq(g.nreps, 4);
	ck_assert_uint_eq(g.nperiods, 5);
	ck_str(g.reps[0].name, "Anna North", "rep 0");
	ck_str(g.reps[1].name, "Bert North", "rep 1");
	ck_str(g.reps[2].name, "Carl South", "rep 2");
	ck_str(g.reps[3].name, "Max Manager", "rep 3");
	ck_assert_int_eq(g.reps[0].user_id, n_anna);
	ck_assert_int_eq(g.reps[0].team_id, n_north);
	ck_str(g.reps[0].team_name, "North", "team");
	ck_str(g.reps[0].territory, "North", "territory");
	ck_str(g.reps[2].segment, "SMB", "segment");
	ck_str(g.reps[3].team_name, "", "Max's team");
	ck_assert_int_eq(g.reps[3].team_id, 0);
	/*             Q4                   Oct                  Dec                  Nov                  FY2026 */
	CELL(g, 0, 0, 1, 50000, 36000);	/* the explicit quarter, not 60000 */
	CELL(g, 0, 1, 1, 10000, 10000);
	CELL(g, 0, 2, 1, 30000, 1000);
	CELL(g, 0, 3, 1, 20000, 25000);
	CELL(g, 0, 4, 1, 60000, 36000);	/* a year: the months before the quarter */
	CELL(g, 1, 0, 1, 30000, 10000);	/* the sum of the months */
	CELL(g, 1, 1, 1, 10000, 0);
	CELL(g, 1, 2, 1, 10000, 3000);
	CELL(g, 1, 3, 1, 10000, 7000);
	CELL(g, 2, 0, 1, 5000, 0);
	CELL(g, 2, 1, 0, 0, 0);
	CELL(g, 2, 3, 1, 5000, 0);
	CELL(g, 2, 4, 1, 5000, 99999);	/* September counts in the year */
	CELL(g, 3, 3, 1, 4000, 1500);
	CELL(g, 3, 1, 0, 0, 0);

	/* Max has a target in November only: not in a grid of October and December */
	struct period od[] = { per("2026-10"), per("2026-12") };
	OK(numbers_grid_load(c, a, org_n, &org, od, 2, RESULTS_DEALS, &g));
	ck_assert_uint_eq(g.nreps, 3);
	ck_str(g.reps[2].name, "Carl South", "last rep");
	/* a team; the teams a manager leads; a rep */
	struct numbers_scope team = { 0, n_south, 0 }, mgr = { 0, 0, n_max }, rep = { n_bert, 0, 0 };
	OK(numbers_grid_load(c, a, org_n, &team, ps, 5, RESULTS_DEALS, &g));
	ck_assert_uint_eq(g.nreps, 1);	/* Carl; Ines is inactive */
	ck_assert_int_eq(g.reps[0].user_id, n_carl);
	CELL(g, 0, 4, 1, 5000, 99999);
	OK(numbers_grid_load(c, a, org_n, &mgr, ps, 5, RESULTS_DEALS, &g));
	ck_assert_uint_eq(g.nreps, 2);
	ck_assert_int_eq(g.reps[0].user_id, n_anna);
	ck_assert_int_eq(g.reps[1].user_id, n_bert);
	CELL(g, 0, 0, 1, 50000, 36000);
	CELL(g, 1, 0, 1, 30000, 10000);
	OK(numbers_grid_load(c, a, org_n, &rep, ps, 5, RESULTS_DEALS, &g));
	ck_assert_uint_eq(g.nreps, 1);
	CELL(g, 0, 3, 1, 10000, 7000);
	/* the other organisation: its deal, not ours */
	OK(numbers_grid_load(c, a, org_b, NULL, &ps[3], 1, RESULTS_DEALS, &g));
	for (size_t i = 0; i < g.nreps; i++)
		if (g.reps[i].user_id == user_b)
			CELL(g, i, 0, 1, 777, 1000000);
		else
			ck_assert_int_eq(g.result_minor[i], 0);
	/* no periods: the reps alone */
	OK(numbers_grid_load(c, a, org_n, NULL, NULL, 0, RESULTS_DEALS, &g));
	ck_assert_uint_eq(g.nreps, 3);
	arena_free(a);
}
END_TEST

START_TEST(numbers_imported)
{
	struct arena *a = arena_new();
	struct period oct = per("2026-10"), nov = per("2026-11"), q4 = per("2026-Q4");
	int64_t id, id2;
	int created = -1;
	OK(result_total_set(c, org_n, n_anna, &oct, 1, NULL, &id, &created));
	ck_assert_int_eq(created, 1);
	OK(result_total_set(c, org_n, n_anna, &oct, 9000, NULL, &id2, &created));
	ck_assert_int_eq(created, 0);
	ck_assert_int_eq(id2, id);
	OK(result_total_set(c, org_n, n_anna, &nov, 1000, NULL, NULL, &created));
	OK(result_total_set(c, org_n, n_anna, &q4, 20000, NULL, NULL, &created));
	OK(result_total_set(c, org_n, n_bert, &q4, 7000, NULL, NULL, &created));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM result_totals WHERE org_id = $1", P_I(org_n)), 4);

	struct period ps[] = { per("2026-10"), per("2026-11"), per("2026-12"), per("2026-Q4"), per("FY2026") };
	struct numbers_grid g;
	OK(numbers_grid_load(c, a, org_n, NULL, ps, 5, RESULTS_IMPORTED, &g));
	ck_assert_uint_eq(g.nreps, 4);
	CELL(g, 0, 0, 1, 10000, 9000);
	CELL(g, 0, 1, 1, 20000, 1000);
	CELL(g, 0, 2, 1, 30000, 0);
	CELL(g, 0, 3, 1, 50000, 20000);	/* the exact quarter */
	CELL(g, 0, 4, 1, 60000, 10000);	/* a year: the months, before the quarter */
	CELL(g, 1, 1, 1, 10000, 0);
	CELL(g, 1, 3, 1, 30000, 7000);
	CELL(g, 1, 4, 1, 30000, 7000);	/* a year without months: the quarters */
	CELL(g, 2, 4, 1, 5000, 0);
	CELL(g, 3, 1, 1, 4000, 0);
	/* the months alone (targets from the roll-up of migration 0040), the
	 * results still the imported totals */
	OK(numbers_grid_load(c, a, org_n, NULL, ps, 3, RESULTS_IMPORTED, &g));
	ck_assert_str_eq(g.reps[0].name, "Anna North");
	CELL(g, 0, 0, 1, 10000, 9000);
	CELL(g, 0, 1, 1, 20000, 1000);
	CELL(g, 0, 2, 1, 30000, 0);
	arena_free(a);
}
END_TEST

START_TEST(numbers_daily_values)
{
	struct arena *a = arena_new();
	int64_t *v;
	size_t n;
	struct period oct = per("2026-10"), nov = per("2026-11"), q4 = per("2026-Q4"), fy = per("FY2026");
	OK(numbers_daily(c, a, org_n, n_anna, &oct, RESULTS_DEALS, &v, &n));
	ck_assert_uint_eq(n, 31);
	ck_assert_int_eq(v[3], 0);	/* 4 October */
	ck_assert_int_eq(v[4], 8000);	/* 5 October */
	ck_assert_int_eq(v[29], 8000);
	ck_assert_int_eq(v[30], 10000);
	OK(numbers_daily(c, a, org_n, n_anna, &nov, RESULTS_DEALS, &v, &n));
	ck_assert_uint_eq(n, 30);
	ck_assert_int_eq(v[13], 0);
	ck_assert_int_eq(v[14], 25000);	/* the lost deal of the 20th does not count */
	ck_assert_int_eq(v[29], 25000);
	OK(numbers_daily(c, a, org_n, n_anna, &q4, RESULTS_DEALS, &v, &n));
	ck_assert_uint_eq(n, 92);
	ck_assert_int_eq(v[91], 36000);
	/* imported: a total counts on its period's last day, by the rule */
	OK(numbers_daily(c, a, org_n, n_anna, &q4, RESULTS_IMPORTED, &v, &n));
	ck_assert_uint_eq(n, 92);
	ck_assert_int_eq(v[30], 0);	/* not the October total: the quarter's is exact */
	ck_assert_int_eq(v[90], 0);
	ck_assert_int_eq(v[91], 20000);
	OK(numbers_daily(c, a, org_n, n_anna, &fy, RESULTS_IMPORTED, &v, &n));
	ck_assert_uint_eq(n, 365);
	ck_assert_int_eq(v[302], 0);
	ck_assert_int_eq(v[303], 9000);	/* 31 October */
	ck_assert_int_eq(v[332], 9000);
	ck_assert_int_eq(v[333], 10000);	/* 30 November */
	ck_assert_int_eq(v[364], 10000);
	OK(numbers_daily(c, a, org_n, n_bert, &fy, RESULTS_IMPORTED, &v, &n));
	ck_assert_int_eq(v[363], 0);
	ck_assert_int_eq(v[364], 7000);
	/* someone else's organisation: nothing */
	OK(numbers_daily(c, a, org_b, n_anna, &oct, RESULTS_DEALS, &v, &n));
	ck_assert_uint_eq(n, 31);
	ck_assert_int_eq(v[30], 0);
	arena_free(a);
}
END_TEST

/* the reason's rep and peer counts in a product of the excuse data */
static void expect_reason(const struct excuse_product *p, size_t i, const char *reason, int64_t rep_n, int64_t peer_n)
{
	ck_assert_uint_gt(p->nreasons, i);
	ck_str(p->reasons[i], reason, "reason");
	ck_assert_msg(p->rep_n[i] == rep_n && p->peer_n[i] == peer_n, "%s/%s: rep %lld, peers %lld; want %lld, %lld",
		      p->product, reason, (long long)p->rep_n[i], (long long)p->peer_n[i], (long long)rep_n,
		      (long long)peer_n);
}

START_TEST(numbers_excuses)
{
	struct arena *a = arena_new();
	/* November, product Pro: Anna 2 price (one from numbers_grid) and 2
	 * timing; Bert 1 price and 4 competitor; Carl (South) and Max (no
	 * team) 1 price each. Anna also lost a Lite deal without a reason,
	 * and a Pro deal in September (outside the quarter). */
	add_deal(org_n, n_stage, n_account, n_anna, "Pro", "lost", "price", "2026-11-21", 100);
	add_deal(org_n, n_stage, n_account, n_anna, "Pro", "lost", "timing", "2026-10-02", 100);
	add_deal(org_n, n_stage, n_account, n_anna, "Pro", "lost", "timing", "2026-12-02", 100);
	add_deal(org_n, n_stage, n_account, n_anna, "Lite", "lost", NULL, "2026-11-03", 100);
	add_deal(org_n, n_stage, n_account, n_anna, "Pro", "lost", "price", "2026-09-03", 100);
	add_deal(org_n, n_stage, n_account, n_bert, "Pro", "lost", "price", "2026-11-04", 100);
	for (int i = 0; i < 4; i++)
		add_deal(org_n, n_stage, n_account, n_bert, "Pro", "lost", "competitor", "2026-11-05", 100);
	add_deal(org_n, n_stage, n_account, n_carl, "Pro", "lost", "price", "2026-11-06", 100);
	add_deal(org_n, n_stage, n_account, n_max, "Pro", "lost", "price", "2026-11-07", 100);

	struct period q4 = per("2026-Q4");
	struct excuse_data x;
	OK(excuse_data_load(c, a, org_n, n_anna, &q4, RESULTS_DEALS, &x));
	ck_assert_int_eq(x.rep.user_id, n_anna);
	ck_str(x.rep.territory, "North", "territory");
	ck_str(x.rep.segment, "SMB", "segment");
	ck_assert_int_eq(x.has_target, 1);
	ck_assert_double_eq_tol(x.rep_attainment, 36000.0 / 50000.0, 1e-9);
	/* territory North: Bert; segment SMB: Bert and Carl (Max has no team) */
	ck_assert_uint_eq(x.nterritory, 1);
	ck_assert_double_eq_tol(x.territory_peers[0], 10000.0 / 30000.0, 1e-9);
	ck_assert_uint_eq(x.nsegment, 2);
	double s0 = x.segment_peers[0], s1 = x.segment_peers[1];
	ck_assert_double_eq_tol(s0 < s1 ? s0 : s1, 0.0, 1e-9);
	ck_assert_double_eq_tol(s0 < s1 ? s1 : s0, 10000.0 / 30000.0, 1e-9);
	/* products: Pro (4 losses), then Lite (1) */
	ck_assert_uint_eq(x.nproducts, 2);
	const struct excuse_product *pro = &x.products[0], *lite = &x.products[1];
	ck_str(pro->product, "Pro", "product");
	ck_assert_int_eq(pro->rep_total, 4);
	ck_assert_int_eq(pro->peer_total, 5);	/* Bert only: Carl is in the South, Max in no territory */
	ck_assert_uint_eq(pro->nreasons, 3);
	expect_reason(pro, 0, "price", 2, 1);
	expect_reason(pro, 1, "timing", 2, 0);
	expect_reason(pro, 2, "competitor", 0, 4);
	ck_str(lite->product, "Lite", "product");
	ck_assert_int_eq(lite->rep_total, 1);
	ck_assert_int_eq(lite->peer_total, 0);
	ck_assert_uint_eq(lite->nreasons, 1);
	expect_reason(lite, 0, "other", 1, 0);

	/* Max: no territory, so every other rep is a peer; no team, so no
	 * attainment peers */
	OK(excuse_data_load(c, a, org_n, n_max, &q4, RESULTS_DEALS, &x));
	ck_assert_uint_eq(x.nterritory, 0);
	ck_assert_uint_eq(x.nsegment, 0);
	ck_assert_double_eq_tol(x.rep_attainment, 1500.0 / 4000.0, 1e-9);
	ck_assert_uint_eq(x.nproducts, 1);
	ck_assert_int_eq(x.products[0].rep_total, 1);
	ck_assert_int_eq(x.products[0].peer_total, 10);	/* Anna 4, Bert 5, Carl 1 */
	expect_reason(&x.products[0], 0, "price", 1, 4);
	expect_reason(&x.products[0], 1, "competitor", 0, 4);
	expect_reason(&x.products[0], 2, "timing", 0, 2);

	/* Carl, alone in the South: no peers for his losses */
	OK(excuse_data_load(c, a, org_n, n_carl, &q4, RESULTS_DEALS, &x));
	ck_assert_uint_eq(x.nterritory, 0);
	ck_assert_uint_eq(x.nsegment, 2);	/* Anna and Bert */
	ck_assert_uint_eq(x.nproducts, 1);
	ck_assert_int_eq(x.products[0].peer_total, 0);
	/* Zed has no target and lost nothing */
	OK(excuse_data_load(c, a, org_n, n_zed, &q4, RESULTS_DEALS, &x));
	ck_assert_int_eq(x.has_target, 0);
	ck_assert(isnan(x.rep_attainment));
	ck_assert_uint_eq(x.nproducts, 0);
	/* not a user of the organisation */
	EXPECT(excuse_data_load(c, a, org_n, user_b, &q4, RESULTS_DEALS, &x), E_NOTFOUND);
	arena_free(a);
}
END_TEST

START_TEST(numbers_cascade)
{
	/* a rep's targets and totals go with the rep */
	int64_t gone = 0;
	OK(user_create(c, org_n, "gone@numbers.test", "Gone Rep", "rep", NULL, &gone));
	struct period nov = per("2026-11");
	OK(target_set(c, org_n, gone, &nov, 1, NULL, NULL, NULL));
	OK(result_total_set(c, org_n, gone, &nov, 1, NULL, NULL, NULL));
	OK(DBX(c, "DELETE FROM users WHERE org_id = $1 AND id = $2", P_I(org_n), P_I(gone)));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM targets WHERE user_id = $1", P_I(gone)), 0);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM result_totals WHERE user_id = $1", P_I(gone)), 0);
	/* and a row cannot point into another organisation */
	EXPECT(DBX(c, "INSERT INTO targets (org_id, user_id, kind, period_start, period_end, amount_minor, currency, "
		   "created_at, updated_at) VALUES ($1, $2, 'month', '2026-11-01', '2026-11-30', 1, 'EUR', 0, 0)",
		   P_I(org_n), P_I(user_b)), E_INVALID);
}
END_TEST

/* --------------------------------------------------------------- imports */

/* Each import test makes its own organisation (with a rep, rita@<slug>.test)
 * on a migrated schema, so they pass in any order and alone. */
static int64_t import_org(const char *slug, int64_t *rep)
{
	struct strbuf err = STRBUF_INIT;
	int applied = 0;
	ck_assert_msg(db_migrate(c, &err, &applied) == E_OK, "migrate: %s", err.buf);
	sb_release(&err);
	int64_t org = 0;
	OK(org_create(c, slug, slug, "en", "EUR", &org));
	struct arena *a = arena_new();
	char email[64];
	snprintf(email, sizeof(email), "rita@%s.test", slug);
	struct new_user nu = { .email = email, .name = "Rita Rep", .role = "rep" };
	const char *f = NULL, *m = NULL;
	OK(people_add_user(c, a, org, &nu, rep, &f, &m));
	arena_free(a);
	return org;
}

static int64_t org_count(const char *sql, int64_t org)
{
	return DB_I64(c, -1, sql, P_I(org));
}

/* runs a file; the summary's counts as "read/created/updated/skipped/failed" */
static enum err import_text(int64_t org, enum import_kind kind, const char *csv, int all_or_nothing, int dry_run,
			    int create_missing, size_t batch_rows, struct import_summary *s)
{
	struct arena *a = arena_new();
	struct strbuf err = STRBUF_INIT;
	struct import_options o = { .kind = kind, .preset = PRESET_AUTO, .all_or_nothing = all_or_nothing,
				    .dry_run = dry_run, .create_missing = create_missing, .lang = LANG_EN,
				    .batch_rows = batch_rows };
	enum err e = import_run(c, a, org, csv, strlen(csv), &o, s, &err);
	ck_assert_msg(e == E_OK, "import: %s", err.buf);
	/* the errors live in the arena: only the counts are looked at */
	s->errors = NULL;
	sb_release(&err);
	arena_free(a);
	return e;
}

#define COUNTS(s, r, cr, u, sk, f)                                                                      \
	do {                                                                                            \
		ck_assert_msg((s).read == (r) && (s).created == (cr) && (s).updated == (u) &&              \
			      (s).skipped == (sk) && (s).failed == (f),                                    \
			      "counts %zu/%zu/%zu/%zu/%zu, want %d/%d/%d/%d/%d", (s).read, (s).created,    \
			      (s).updated, (s).skipped, (s).failed, r, cr, u, sk, f);                      \
	} while (0)

static char *deals_csv(const char *prefix, int n, int amount, const char *owner, int bad_last)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "id,owner,amount,title,account\n");
	for (int i = 1; i <= n; i++) {
		if (bad_last && i == n)
			sb_addf(&sb, "%s-%d,%s,lots,Deal %d,%s account %d\n", prefix, i, owner, i, prefix, i % 4);
		else
			sb_addf(&sb, "%s-%d,%s,%d,Deal %d,%s account %d\n", prefix, i, owner, amount, i, prefix, i % 4);
	}
	return sb_detach(&sb, NULL);
}

START_TEST(imports_batches_kept)
{
	int64_t rep = 0;
	int64_t org = import_org("imp-kept", &rep);
	char *csv = deals_csv("k", 25, 100, "rita@imp-kept.test", 0);
	struct import_summary s;
	/* batches of 4 rows: seven commits, then the run is kept */
	import_text(org, IMPORT_DEALS, csv, 0, 0, 0, 4, &s);
	COUNTS(s, 25, 25, 0, 0, 0);
	ck_assert(!s.rolled_back);
	ck_assert_int_eq(org_count("SELECT count(*) FROM deals WHERE org_id = $1 AND import_run IS NOT NULL", org), 25);
	ck_assert_int_eq(org_count("SELECT count(*) FROM accounts WHERE org_id = $1", org), 4);
	ck_assert_int_eq(org_count("SELECT count(*) FROM import_runs WHERE org_id = $1 AND status = 'kept'", org), 1);
	ck_assert_int_eq(org_count("SELECT count(*) FROM import_runs WHERE org_id = $1 AND status <> 'kept'", org), 0);
	ck_assert_int_eq(org_count("SELECT count(*) FROM import_undo WHERE org_id = $1", org), 0);
	/* again: nothing changes */
	import_text(org, IMPORT_DEALS, csv, 0, 0, 0, 4, &s);
	COUNTS(s, 25, 0, 0, 25, 0);
	ck_assert_int_eq(org_count("SELECT count(*) FROM deals WHERE org_id = $1", org), 25);
	free(csv);
}
END_TEST

START_TEST(imports_all_or_nothing_undone)
{
	int64_t rep = 0;
	int64_t org = import_org("imp-aon", &rep);
	char *first = deals_csv("a", 5, 100, "rita@imp-aon.test", 0);
	struct import_summary s;
	import_text(org, IMPORT_DEALS, first, 0, 0, 0, 0, &s);
	COUNTS(s, 5, 5, 0, 0, 0);
	int64_t users = org_count("SELECT count(*) FROM users WHERE org_id = $1", org);
	int64_t accounts = org_count("SELECT count(*) FROM accounts WHERE org_id = $1", org);
	/* the same five deals at 200 (updates), twenty new ones on new
	 * accounts with an owner the organisation lacks (a new user), and a
	 * bad last row; batches of 3, so most of it was committed when the
	 * bad row comes */
	struct strbuf sb = STRBUF_INIT;
	char *changed = deals_csv("a", 5, 200, "rita@imp-aon.test", 0);
	char *more = deals_csv("n", 21, 50, "newbie@imp-aon.test", 1);
	sb_adds(&sb, changed);
	sb_adds(&sb, strchr(more, '\n') + 1);
	import_text(org, IMPORT_DEALS, sb.buf, 1, 0, 1, 3, &s);
	COUNTS(s, 26, 20, 5, 0, 1);
	ck_assert(s.rolled_back);
	ck_assert_int_eq(org_count("SELECT count(*) FROM deals WHERE org_id = $1", org), 5);
	ck_assert_int_eq(org_count("SELECT count(*) FROM deals WHERE org_id = $1 AND value_minor = 10000", org), 5);
	ck_assert_int_eq(org_count("SELECT count(*) FROM users WHERE org_id = $1", org), users);
	ck_assert_int_eq(org_count("SELECT count(*) FROM accounts WHERE org_id = $1", org), accounts);
	ck_assert_int_eq(org_count("SELECT count(*) FROM import_runs WHERE org_id = $1 AND status = 'undone'", org), 1);
	ck_assert_int_eq(org_count("SELECT count(*) FROM import_undo WHERE org_id = $1", org), 0);
	ck_assert_int_eq(org_count("SELECT count(*) FROM import_undo_deals WHERE org_id = $1", org), 0);
	/* without all-or-nothing the good rows stay */
	import_text(org, IMPORT_DEALS, sb.buf, 0, 0, 1, 3, &s);
	COUNTS(s, 26, 20, 5, 0, 1);
	ck_assert(!s.rolled_back);
	ck_assert_int_eq(org_count("SELECT count(*) FROM deals WHERE org_id = $1", org), 25);
	ck_assert_int_eq(org_count("SELECT count(*) FROM deals WHERE org_id = $1 AND value_minor = 20000", org), 5);
	sb_release(&sb);
	free(first);
	free(changed);
	free(more);
}
END_TEST

START_TEST(imports_targets_undone)
{
	int64_t rep = 0;
	int64_t org = import_org("imp-tgt", &rep);
	struct period p;
	ck_assert_int_eq(period_parse("2026-01", 1, &p), 0);
	int64_t tid = 0;
	int created = 0;
	OK(target_set(c, org, rep, &p, 100000, "EUR", &tid, &created));
	const char *csv = "owner,period,amount\n"
			  "rita@imp-tgt.test,2026-01,2000\n"
			  "rita@imp-tgt.test,2026-02,3000\n"
			  "rita@imp-tgt.test,2026-03,lots\n";
	struct import_summary s;
	import_text(org, IMPORT_TARGETS, csv, 1, 0, 0, 1, &s);
	COUNTS(s, 3, 1, 1, 0, 1);
	ck_assert(s.rolled_back);
	ck_assert_int_eq(org_count("SELECT count(*) FROM targets WHERE org_id = $1", org), 1);
	ck_assert_int_eq(org_count("SELECT amount_minor FROM targets WHERE org_id = $1", org), 100000);
	/* a dry run counts the same and writes nothing */
	import_text(org, IMPORT_TARGETS, csv, 0, 1, 0, 1, &s);
	COUNTS(s, 3, 1, 1, 0, 1);
	ck_assert_int_eq(org_count("SELECT amount_minor FROM targets WHERE org_id = $1", org), 100000);
	ck_assert_int_eq(org_count("SELECT count(*) FROM import_runs WHERE org_id = $1", org), 1);
}
END_TEST

START_TEST(imports_dry_run_writes_nothing)
{
	int64_t rep = 0;
	int64_t org = import_org("imp-dry", &rep);
	char *csv = deals_csv("d", 12, 100, "someone.new@imp-dry.test", 0);
	int64_t users = org_count("SELECT count(*) FROM users WHERE org_id = $1", org);
	struct import_summary s;
	import_text(org, IMPORT_DEALS, csv, 0, 1, 1, 0, &s);
	COUNTS(s, 12, 12, 0, 0, 0);
	ck_assert(s.rolled_back);
	ck_assert_int_eq(org_count("SELECT count(*) FROM deals WHERE org_id = $1", org), 0);
	ck_assert_int_eq(org_count("SELECT count(*) FROM accounts WHERE org_id = $1", org), 0);
	ck_assert_int_eq(org_count("SELECT count(*) FROM users WHERE org_id = $1", org), users);
	ck_assert_int_eq(org_count("SELECT count(*) FROM import_runs WHERE org_id = $1", org), 0);
	/* and for real, the same counts */
	import_text(org, IMPORT_DEALS, csv, 0, 0, 1, 0, &s);
	COUNTS(s, 12, 12, 0, 0, 0);
	ck_assert_int_eq(org_count("SELECT count(*) FROM users WHERE org_id = $1", org), users + 1);
	free(csv);
}
END_TEST

static void first_stage(void *cls, int64_t id, const char *name, const char *kind)
{
	int64_t *out = cls;
	if (!*out && !strcmp(kind, "open"))
		*out = id;
}

/* a deal written by a run, as the engine writes it, on an account the run
 * adds; the account's id */
static int64_t run_deal(int64_t org, int64_t run, int64_t owner, int64_t stage, const char *ext)
{
	int64_t acc = 0;
	OK(account_create(c, org, ext, 0, NULL, &acc));
	OK(import_run_note_row(c, org, run, "accounts", acc, 1, 0, NULL));
	struct import_deal d = { .title = ext, .account_id = acc, .value_minor = 1, .owner_id = owner,
				 .stage_id = stage, .currency = "EUR", .product = "", .status = "open",
				 .closed_on = "", .expected_close = "", .lost_reason = "", .lost_note = "" };
	OK(import_rows_deal_insert(c, org, &d, "2026-01-01", ext, 1, run));
	return acc;
}

START_TEST(imports_dead_runs_undone)
{
	int64_t rep = 0, rep2 = 0;
	int64_t org = import_org("imp-dead", &rep);
	int64_t other = import_org("imp-dead-2", &rep2);
	int64_t stage = 0, stage2 = 0;
	OK(stages_ensure(c, org, LANG_EN));
	OK(stages_ensure(c, other, LANG_EN));
	OK(import_rows_stages(c, org, first_stage, &stage));
	OK(import_rows_stages(c, other, first_stage, &stage2));
	/* a run of a process on another host, silent for long: dead; one of
	 * this process, under way: alive; a dead one of another organisation */
	int64_t dead = 0, alive = 0, elsewhere = 0, first = 0;
	OK(import_run_create(c, org, 0, "host.invalid:1:0", &dead, &first));
	OK(DBX(c, "UPDATE import_runs SET heartbeat_at = 0 WHERE org_id = $1 AND id = $2", P_I(org), P_I(dead)));
	OK(import_run_create(c, org, 0, runner_self(), &alive, &first));
	OK(import_run_create(c, other, 0, "host.invalid:1:0", &elsewhere, &first));
	OK(DBX(c, "UPDATE import_runs SET heartbeat_at = 0 WHERE org_id = $1 AND id = $2", P_I(other),
	       P_I(elsewhere)));
	run_deal(org, dead, rep, stage, "dead-1");
	run_deal(org, dead, rep, stage, "dead-2");
	/* an account the dead run added, on which someone made a deal of
	 * their own while the batches were visible: it stays */
	int64_t used = run_deal(org, dead, rep, stage, "dead-used");
	struct import_deal mine = { .title = "mine", .account_id = used, .value_minor = 1, .owner_id = rep,
				    .stage_id = stage, .currency = "EUR", .product = "", .status = "open",
				    .closed_on = "", .expected_close = "", .lost_reason = "", .lost_note = "" };
	OK(import_rows_deal_insert(c, org, &mine, "2026-01-02", "mine-1", 1, 0));
	run_deal(org, alive, rep, stage, "alive-1");
	run_deal(other, elsewhere, rep2, stage2, "elsewhere-1");

	OK(import_recover(c, org));
	ck_assert_int_eq(org_count("SELECT count(*) FROM deals WHERE org_id = $1 AND external_id LIKE 'dead-%'", org), 0);
	ck_assert_int_eq(org_count("SELECT count(*) FROM accounts WHERE org_id = $1 AND name LIKE 'dead-%'", org), 1);
	ck_assert_int_eq(org_count("SELECT count(*) FROM accounts WHERE org_id = $1 AND name = 'dead-used'", org), 1);
	ck_assert_int_eq(org_count("SELECT count(*) FROM deals WHERE org_id = $1 AND external_id = 'mine-1'", org), 1);
	ck_assert_int_eq(org_count("SELECT count(*) FROM deals WHERE org_id = $1 AND external_id = 'alive-1'", org), 1);
	ck_assert_int_eq(org_count("SELECT count(*) FROM import_runs WHERE org_id = $1 AND status = 'undone'", org), 1);
	ck_assert_int_eq(org_count("SELECT count(*) FROM import_runs WHERE org_id = $1 AND status = 'running'", org), 1);
	/* another organisation's run is its own recovery's business */
	ck_assert_int_eq(org_count("SELECT count(*) FROM deals WHERE org_id = $1", other), 1);
	OK(import_recover(c, other));
	ck_assert_int_eq(org_count("SELECT count(*) FROM deals WHERE org_id = $1", other), 0);
	ck_assert_int_eq(org_count("SELECT count(*) FROM accounts WHERE org_id = $1", other), 0);
	/* undoing twice changes nothing */
	OK(import_recover(c, org));
	ck_assert_int_eq(org_count("SELECT count(*) FROM deals WHERE org_id = $1 AND external_id = 'alive-1'", org), 1);
}
END_TEST

/* ---------------------------------------------------------------- main */

int main(void)
{
	if (sodium_init() < 0)
		return EXIT_FAILURE;
	/* a named SQLite file must not exist yet: the tests start from nothing */
	const char *url = getenv("SG_TEST_DB");
	if (url && strcmp(url, "sqlite:") && !strncmp(url, "sqlite:", 7) && access(url + 7, F_OK) == 0) {
		fprintf(stderr, "test-store: %s exists; the store tests need a fresh database\n", url + 7);
		return EXIT_FAILURE;
	}
	/* migrate_twice migrates */
	if (store_harness_open("test-store", STORE_HARNESS_NO_MIGRATE))
		return EXIT_FAILURE;

	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "store-sqlite" : "store-postgresql");
	TCase *tc = tcase_create("db");
	tcase_add_test(tc, migrate_twice);
	tcase_add_test(tc, db_scratch_table);
	tcase_add_test(tc, db_params_out_of_order);
	tcase_add_test(tc, db_values_round_trip);
	tcase_add_test(tc, db_null_binds);
	tcase_add_test(tc, db_nested_same_statement);
	tcase_add_test(tc, db_changes_counts);
	tcase_add_test(tc, db_transactions);
	tcase_add_test(tc, db_errors);
	tcase_add_test(tc, db_statement_timeout);
	tcase_add_test(tc, db_deadlock_retried);
	tcase_add_test(tc, db_replay_only_uncommitted);
	suite_add_tcase(s, tc);

	tc = tcase_create("store");
	tcase_add_test(tc, orgs);
	tcase_add_test(tc, people_validation);
	tcase_add_test(tc, people_add);
	tcase_add_test(tc, teams_and_members);
	tcase_add_test(tc, lists_grow);
	tcase_add_test(tc, org_scoping);
	tcase_add_test(tc, failed_move_keeps_team);
	tcase_add_test(tc, sessions);
	tcase_add_test(tc, api_tokens);
	tcase_add_test(tc, login_throttle);
	tcase_add_test(tc, server_secrets);
	tcase_add_test(tc, schema_still_latest);
	suite_add_tcase(s, tc);

	tc = tcase_create("numbers");
	tcase_add_test(tc, numbers_people);
	tcase_add_test(tc, numbers_settings_round_trip);
	tcase_add_test(tc, numbers_targets);
	tcase_add_test(tc, numbers_targets_list);
	tcase_add_test(tc, numbers_grid);
	tcase_add_test(tc, numbers_imported);
	tcase_add_test(tc, numbers_daily_values);
	tcase_add_test(tc, numbers_excuses);
	tcase_add_test(tc, numbers_cascade);
	suite_add_tcase(s, tc);

	/* each makes its own organisation: any order, or alone */
	tc = tcase_create("imports");
	tcase_add_test(tc, imports_batches_kept);
	tcase_add_test(tc, imports_all_or_nothing_undone);
	tcase_add_test(tc, imports_targets_undone);
	tcase_add_test(tc, imports_dry_run_writes_nothing);
	tcase_add_test(tc, imports_dead_runs_undone);
	suite_add_tcase(s, tc);

	return store_harness_run(s);
}
