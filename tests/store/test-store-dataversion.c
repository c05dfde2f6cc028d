/*
 * test-store-dataversion (speed, issue 15): db_data_version, what the page
 * cache (src/http/pagecache.h) trusts to tell that nothing was committed.
 * On SQLite it must change with every commit — on a connection of the pool,
 * outside a transaction or at the COMMIT of one, and from another handle
 * altogether (as another process would) — and stay the same when nothing
 * was written, reads included. On PostgreSQL it is -1: nothing is cached.
 */
#include "store-harness.h"

static void other_handle_writes(const char *slug)
{
	struct db *other = NULL;
	struct strbuf err = STRBUF_INIT;
	ck_assert_int_eq(db_open(db_url(db), 1, &other, &err), E_OK);
	struct db_conn *oc = db_acquire(other, &err);
	ck_assert_ptr_nonnull(oc);
	ck_assert_int_eq(db_exec_script(oc, "UPDATE orgs SET name = name || '!' WHERE id = -1"), E_OK);
	ck_assert_int_eq(DBX(oc, "INSERT INTO orgs (slug, name, locale, created_at) VALUES ($1, 'Other', 'en', 0)",
			     P_T(slug)), E_OK);
	db_release(oc);
	db_close(other);
	sb_release(&err);
}

START_TEST(changes_with_every_commit)
{
	int64_t v0 = db_data_version(db);
	if (db_kind(db) != DB_SQLITE) {
		ck_assert_int_eq(v0, -1);
		return;
	}
	ck_assert_int_ge(v0, 0);
	/* reads: the same */
	ck_assert_int_ge(DB_I64(c, -1, "SELECT count(*) FROM orgs WHERE id > $1", P_I(0)), 0);
	ck_assert_int_eq(db_data_version(db), v0);
	ck_assert_int_eq(db_data_version(db), v0);
	/* a write on the pool's connection, outside a transaction */
	ck_assert_int_eq(db_exec_script(c, "INSERT INTO orgs (slug, name, locale, created_at) VALUES ('dv-one', 'One', 'en', 0)"), E_OK);
	int64_t v1 = db_data_version(db);
	ck_assert_int_ne(v1, v0);
	/* in a transaction: at its COMMIT, not before */
	ck_assert_int_eq(db_begin(c), E_OK);
	ck_assert_int_eq(db_exec_script(c, "UPDATE orgs SET name = 'One again' WHERE slug = 'dv-one'"), E_OK);
	ck_assert_int_eq(db_data_version(db), v1);
	ck_assert_int_eq(db_commit(c), E_OK);
	int64_t v2 = db_data_version(db);
	ck_assert_int_ne(v2, v1);
	/* a rolled-back transaction commits nothing */
	ck_assert_int_eq(db_begin(c), E_OK);
	ck_assert_int_eq(db_exec_script(c, "UPDATE orgs SET name = 'Never' WHERE slug = 'dv-one'"), E_OK);
	ck_assert_int_eq(db_rollback(c), E_OK);
	ck_assert_int_eq(db_data_version(db), v2);
	/* another handle on the same file (another process would be the same) */
	other_handle_writes("dv-other");
	ck_assert_int_ne(db_data_version(db), v2);
}
END_TEST

static int64_t orgs_named(const char *slug)
{
	return DB_I64(c, -1, "SELECT count(*) FROM orgs WHERE slug = $1", P_T(slug));
}

/* db_read_begin/db_read_end (the session's reads of every request): on
 * SQLite one snapshot — a commit by another handle in between is not seen
 * until the end; a db_begin inside ends it first and works; on PostgreSQL
 * nothing changes (every read sees what was committed) */
START_TEST(reads_as_one_snapshot)
{
	int sqlite = db_kind(db) == DB_SQLITE;
	db_read_begin(c);
	ck_assert_int_eq(orgs_named("dv-snap"), 0);
	other_handle_writes("dv-snap");
	ck_assert_int_eq(orgs_named("dv-snap"), sqlite ? 0 : 1);
	db_read_end(c);
	ck_assert_int_eq(orgs_named("dv-snap"), 1);
	/* a write transaction started inside ends the read one first */
	db_read_begin(c);
	ck_assert_int_eq(orgs_named("dv-two"), 0);
	ck_assert_int_eq(db_begin(c), E_OK);
	ck_assert_int_eq(db_exec_script(c, "INSERT INTO orgs (slug, name, locale, created_at) VALUES ('dv-two', 'Two', 'en', 0)"), E_OK);
	ck_assert_int_eq(db_commit(c), E_OK);
	db_read_end(c);
	ck_assert_int_eq(orgs_named("dv-two"), 1);
	/* inside a transaction it does nothing (the transaction is the snapshot) */
	ck_assert_int_eq(db_begin(c), E_OK);
	db_read_begin(c);
	db_read_end(c);
	ck_assert_int_eq(db_exec_script(c, "UPDATE orgs SET name = 'Two again' WHERE slug = 'dv-two'"), E_OK);
	ck_assert_int_eq(db_commit(c), E_OK);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-dataversion", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "dataversion-sqlite" : "dataversion-postgresql");
	TCase *tc = tcase_create("commits");
	tcase_add_test(tc, changes_with_every_commit);
	tcase_add_test(tc, reads_as_one_snapshot);
	suite_add_tcase(s, tc);
	return store_harness_run(s);
}
