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
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/people.h"
#include "store/auth.h"
#include "lib/util.h"
#include "lib/password.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sodium.h>

static struct db *db;
static struct db_conn *c;
static char tmpdir[64], tmpfile_[128];

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

START_TEST(migrate_twice)
{
	ck_assert_int_eq(db_schema_version(c), 0);	/* a fresh database */
	ck_assert_int_ge(db_schema_latest(), 1);
	struct strbuf err = STRBUF_INIT;
	int applied = -1;
	enum err e = db_migrate(c, &err, &applied);
	ck_assert_msg(e == E_OK, "migrate: %s", err.buf);
	ck_assert_int_eq(applied, db_schema_latest());
	ck_assert_int_eq(db_schema_version(c), db_schema_latest());
	e = db_migrate(c, &err, &applied);
	ck_assert_msg(e == E_OK, "second migrate: %s", err.buf);
	ck_assert_int_eq(applied, 0);
	ck_assert_int_eq(db_schema_version(c), db_schema_latest());
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM schema_version", P_NULL), db_schema_latest());
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

	/* the same address again, in any case and in any organisation */
	int64_t id = -1;
	struct new_user dup = { "ROB@acme.test", "Robert", "rep", 0, NULL, NULL };
	EXPECT(people_add_user(c, a, org_a, &dup, &id, &field, &msg), E_CONFLICT);
	ck_str(field, "email", "field");
	ck_str(msg, "A user with this e-mail address exists already.", "message");
	EXPECT(people_add_user(c, a, org_b, &dup, &id, &field, &msg), E_CONFLICT);
	ck_assert_int_eq(id, -1);
	/* the failed insert left the connection usable and nothing behind */
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM users", P_NULL), 6);

	/* signing in: the stored hash verifies the password */
	int64_t cid = 0, corg = 0;
	const char *hash = NULL;
	OK(user_credentials(c, a, "ada@acme.test", &cid, &corg, &hash));
	ck_assert_int_eq(cid, admin_a);
	ck_assert_int_eq(corg, org_a);
	ck_assert_int_eq(password_verify(hash, "correct horse battery"), 1);
	ck_assert_int_eq(password_verify(hash, "correct horse batterY"), 0);
	OK(user_credentials(c, a, "rob@acme.test", &cid, &corg, &hash));
	ck_assert_str_eq(hash, "");	/* no password set */
	EXPECT(user_credentials(c, a, "nobody@acme.test", &cid, &corg, &hash), E_NOTFOUND);
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
	ck_assert_uint_eq(strlen(tok), 43);
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
	OK(session_delete(c, tok));
	EXPECT(session_lookup(c, a, tok, &p), E_NOTFOUND);

	/* an expired session is not found */
	const char *old = "an-expired-session-token";
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
	ck_assert_uint_eq(strlen(tok), 46);
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

START_TEST(login_failures)
{
	int64_t count = -1, oldest = -1;
	int64_t before = now_epoch();
	OK(login_failures_count(c, "who@acme.test", 900, &count, &oldest));
	ck_assert_int_eq(count, 0);
	ck_assert_int_eq(oldest, 0);
	for (int i = 0; i < 3; i++)
		OK(login_failure_add(c, "who@acme.test"));
	OK(login_failure_add(c, "other@acme.test"));
	OK(login_failures_count(c, "who@acme.test", 900, &count, &oldest));
	ck_assert_int_eq(count, 3);
	ck_assert_int_ge(oldest, before);
	ck_assert_int_le(oldest, now_epoch());
	/* failures older than the window do not count */
	OK(DBX(c, "INSERT INTO login_failures (email, at) VALUES ($1, $2)", P_T("who@acme.test"),
	       P_I(before - 1000)));
	OK(login_failures_count(c, "who@acme.test", 900, &count, &oldest));
	ck_assert_int_eq(count, 3);
	OK(login_failures_count(c, "who@acme.test", 2000, &count, &oldest));
	ck_assert_int_eq(count, 4);
	ck_assert_int_eq(oldest, before - 1000);
	OK(login_failures_clear(c, "who@acme.test"));
	OK(login_failures_count(c, "who@acme.test", 2000, &count, &oldest));
	ck_assert_int_eq(count, 0);
	OK(login_failures_count(c, "other@acme.test", 900, &count, &oldest));
	ck_assert_int_eq(count, 1);
}
END_TEST

START_TEST(schema_still_latest)
{
	ck_assert_int_eq(db_schema_version(c), db_schema_latest());
}
END_TEST

/* ---------------------------------------------------------------- main */

static void cleanup(void)
{
	if (c)
		db_release(c);
	c = NULL;
	db_close(db);
	db = NULL;
	if (tmpfile_[0]) {
		char p[160];
		unlink(tmpfile_);
		snprintf(p, sizeof(p), "%s-wal", tmpfile_);
		unlink(p);
		snprintf(p, sizeof(p), "%s-shm", tmpfile_);
		unlink(p);
		rmdir(tmpdir);
	}
}

int main(void)
{
	if (sodium_init() < 0)
		return EXIT_FAILURE;
	const char *url = getenv("SG_TEST_DB");
	char urlbuf[160];
	if (!url || !*url || !strcmp(url, "sqlite:")) {
		snprintf(tmpdir, sizeof(tmpdir), "/tmp/sg-store-XXXXXX");
		if (!mkdtemp(tmpdir)) {
			perror("mkdtemp");
			return EXIT_FAILURE;
		}
		snprintf(tmpfile_, sizeof(tmpfile_), "%s/test.db", tmpdir);
		snprintf(urlbuf, sizeof(urlbuf), "sqlite:%s", tmpfile_);
		url = urlbuf;
	} else if (!strncmp(url, "sqlite:", 7) && access(url + 7, F_OK) == 0) {
		fprintf(stderr, "test-store: %s exists; the store tests need a fresh database\n", url + 7);
		return EXIT_FAILURE;
	}
	struct strbuf err = STRBUF_INIT;
	if (db_open(url, 1, &db, &err) != E_OK || !(c = db_acquire(db, &err))) {
		fprintf(stderr, "test-store: cannot open %s: %s\n", url, err.buf);
		sb_release(&err);
		cleanup();
		return EXIT_FAILURE;
	}
	sb_release(&err);
	fprintf(stderr, "test-store: on %s\n", db_kind(db) == DB_SQLITE ? "SQLite" : "PostgreSQL");

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
	tcase_add_test(tc, login_failures);
	tcase_add_test(tc, schema_still_latest);
	suite_add_tcase(s, tc);

	SRunner *sr = srunner_create(s);
	srunner_set_fork_status(sr, CK_NOFORK);	/* one connection, tests in order */
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	cleanup();
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
