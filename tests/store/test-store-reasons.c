/*
 * test-store-reasons: the organisation's one list of reasons (issue 14)
 * against a real database (SG_TEST_DB as for test-store: SQLite or
 * PostgreSQL, fresh; unset: a temporary SQLite file) — seeded when an
 * organisation is created, codes unique per organisation, rename, retire,
 * move, and nothing of one organisation usable in another. Each test makes
 * its own organisation; main runs the list forwards and backwards.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/reasons.h"
#include "domain/reasons.h"
#include "lib/arena.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store-harness.h"

#define EXPECT(expr, want)                                                                     \
	do {                                                                                   \
		enum err e_ = (expr);                                                          \
		ck_assert_msg(e_ == (want), "%s: got %s, want %s (%s)", #expr, err_name(e_),   \
			      err_name(want), db_errmsg(c));                                   \
	} while (0)
#define OK(expr) EXPECT(expr, E_OK)

static int64_t new_org(const char *what)
{
	static int n;
	char slug[48];
	int64_t id = 0;
	snprintf(slug, sizeof(slug), "r%d-%d-%s", (int)getpid() % 100000, ++n, what);
	OK(org_create(c, slug, what, "en", "EUR", &id));
	return id;
}

static const struct reason *find(const struct reason_list *l, const char *code)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->items[i].code, code))
			return &l->items[i];
	return NULL;
}

START_TEST(seeded_on_create)
{
	struct arena *a = arena_new();
	int64_t org = new_org("seed");
	struct reason_list l;
	OK(reason_list(c, a, org, 1, &l));
	ck_assert_uint_eq(l.n, reason_seed_count);
	for (size_t i = 0; i < l.n; i++) {
		ck_assert_str_eq(l.items[i].code, reason_seed_codes[i]);
		ck_assert_str_eq(l.items[i].label, "");
		ck_assert(!l.items[i].retired);
	}
	ck_assert_int_eq(reason_usable(c, org, "price"), 1);
	ck_assert_int_eq(reason_usable(c, org, "no_authority"), 1);
	ck_assert_int_eq(reason_usable(c, org, "nope"), 0);
	/* ensuring again adds nothing */
	OK(reasons_ensure(c, org));
	OK(reason_list(c, a, org, 1, &l));
	ck_assert_uint_eq(l.n, reason_seed_count);
	arena_free(a);
}
END_TEST

START_TEST(create_rename_retire_move)
{
	struct arena *a = arena_new();
	int64_t org = new_org("crud");
	int64_t id = 0, id2 = 0;
	OK(reason_create(c, a, org, "Went dark", &id));
	struct reason x;
	OK(reason_get(c, a, org, id, &x));
	ck_assert_str_eq(x.code, "went_dark");
	ck_assert_str_eq(x.label, "Went dark");
	/* the same name twice, or a seeded reason's English name: a conflict */
	EXPECT(reason_create(c, a, org, "WENT DARK", &id2), E_CONFLICT);
	EXPECT(reason_create(c, a, org, "price", &id2), E_CONFLICT);
	/* another label that makes the same code gets a code of its own */
	OK(reason_create(c, a, org, "Went: dark!", &id2));
	OK(reason_get(c, a, org, id2, &x));
	ck_assert_str_eq(x.code, "went_dark_2");
	/* rename keeps the code; retire hides it from the offer but not the list */
	OK(reason_update(c, a, org, id, "Gone silent", -1, -1));
	OK(reason_get(c, a, org, id, &x));
	ck_assert_str_eq(x.label, "Gone silent");
	ck_assert_str_eq(x.code, "went_dark");
	EXPECT(reason_update(c, a, org, id2, "Gone silent", -1, -1), E_CONFLICT);
	OK(reason_update(c, a, org, id, NULL, -1, 1));
	ck_assert_int_eq(reason_usable(c, org, "went_dark"), 0);
	struct reason_list l;
	OK(reason_list(c, a, org, 0, &l));
	ck_assert_ptr_null(find(&l, "went_dark"));
	OK(reason_list(c, a, org, 1, &l));
	ck_assert_ptr_nonnull(find(&l, "went_dark"));
	ck_assert(find(&l, "went_dark")->retired);
	OK(reason_update(c, a, org, id, NULL, -1, 0));
	ck_assert_int_eq(reason_usable(c, org, "went_dark"), 1);
	/* move the last one up: it swaps with the one before, positions 10, 20, ... */
	OK(reason_list(c, a, org, 1, &l));
	size_t n = l.n;
	int64_t last = l.items[n - 1].id, before = l.items[n - 2].id;
	OK(reason_move(c, a, org, last, -1));
	OK(reason_list(c, a, org, 1, &l));
	ck_assert_int_eq(l.items[n - 2].id, last);
	ck_assert_int_eq(l.items[n - 1].id, before);
	for (size_t i = 0; i < l.n; i++)
		ck_assert_int_eq(l.items[i].position, (int)(i + 1) * 10);
	/* the first cannot go higher */
	OK(reason_move(c, a, org, l.items[0].id, -1));
	OK(reason_list(c, a, org, 1, &l));
	ck_assert_str_eq(l.items[0].code, "price");
	arena_free(a);
}
END_TEST

START_TEST(scoped_to_org)
{
	struct arena *a = arena_new();
	int64_t one = new_org("one"), two = new_org("two");
	int64_t id = 0;
	OK(reason_create(c, a, one, "Only here", &id));
	ck_assert_int_eq(reason_usable(c, one, "only_here"), 1);
	ck_assert_int_eq(reason_usable(c, two, "only_here"), 0);
	struct reason x;
	EXPECT(reason_get(c, a, two, id, &x), E_NOTFOUND);
	EXPECT(reason_update(c, a, two, id, "Taken", -1, 1), E_NOTFOUND);
	EXPECT(reason_move(c, a, two, id, 1), E_NOTFOUND);
	OK(reason_get(c, a, one, id, &x));
	ck_assert_str_eq(x.label, "Only here");
	ck_assert(!x.retired);
	/* the same label is free in the other organisation */
	OK(reason_create(c, a, two, "Only here", &id));
	arena_free(a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-reasons", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "reasons-sqlite" : "reasons-postgresql");
	const TTest *tests[] = { seeded_on_create, create_rename_retire_move, scoped_to_org };
	TCase *fw = tcase_create("forwards"), *bw = tcase_create("backwards");
	size_t n = N_ELEMS(tests);
	for (size_t i = 0; i < n; i++) {
		tcase_add_test(fw, tests[i]);
		tcase_add_test(bw, tests[n - 1 - i]);
	}
	suite_add_tcase(s, fw);
	suite_add_tcase(s, bw);
	return store_harness_run(s);
}
