/*
 * test-store-library: the store queries of the library (store/library.c)
 * against a real database (SG_TEST_DB: SQLite or PostgreSQL; unset: a
 * temporary SQLite file): lending a copy, refusing one when none is free or
 * a free one is held for the first in line, returning once (the second
 * return changes nothing), the return's learning activity (self-initiated,
 * or the suggested one completed), the waiting list's order, and that no
 * query reaches into another organisation. Each test makes its own
 * organisation; main runs the list forwards and then backwards.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/traits.h"
#include "store/library.h"
#include "lib/arena.h"
#include <math.h>
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

/* an organisation with team North (manager Max, reps Rita and Ron), rep
 * Rob in team South (manager Mia), and the default traits */
struct world {
	int64_t org, rita, ron, rob, max, mia, north, south, trait;
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "lib%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Library", "en", "EUR", &w->org));
	struct { const char *who, *role; int64_t *id; } people[] = {
		{ "rita", "rep", &w->rita }, { "ron", "rep", &w->ron }, { "rob", "rep", &w->rob },
		{ "max", "manager", &w->max }, { "mia", "manager", &w->mia },
	};
	for (size_t i = 0; i < N_ELEMS(people); i++) {
		snprintf(email, sizeof(email), "%s@%s.test", people[i].who, slug);
		OK(user_create(c, w->org, email, people[i].who, people[i].role, "x", people[i].id));
	}
	OK(team_create(c, w->org, "North", w->max, "", "", &w->north));
	OK(team_create(c, w->org, "South", w->mia, "", "", &w->south));
	OK(user_set_team(c, w->org, w->rita, w->north));
	OK(user_set_team(c, w->org, w->ron, w->north));
	OK(user_set_team(c, w->org, w->rob, w->south));
	struct trait_list tl;
	OK(trait_list(c, w->a, w->org, LANG_EN, TRAITS_ACTIVE, &tl));
	if (!tl.n) {
		OK(traits_seed(c, w->org));
		OK(trait_list(c, w->a, w->org, LANG_EN, TRAITS_ACTIVE, &tl));
	}
	ck_assert_uint_gt(tl.n, 0);
	w->trait = tl.items[0].id;
}

static int64_t book(struct world *w, const char *title, int copies)
{
	int64_t traits[] = { w->trait };
	struct library_item_new in = { "book", title, "An Author", "", "", copies, 240, traits, 1 };
	int64_t id = 0;
	OK(library_item_create(c, w->org, &in, w->max, &id));
	return id;
}

static int64_t lend(struct world *w, int64_t item, int64_t who, enum library_lend want)
{
	enum library_lend why = LEND_OK;
	int64_t loan = 0;
	EXPECT(library_lend(c, w->org, item, who, "2026-11-01", "2026-11-22", &why, &loan),
	       want == LEND_OK ? E_OK : E_CONFLICT);
	ck_assert_int_eq(why, want);
	return loan;
}

static int64_t count(struct world *w, const char *sql, int64_t id)
{
	return DB_I64(c, -1, sql, P_I(w->org), P_I(id));
}

START_TEST(lend_and_no_free_copy)
{
	struct world w;
	world_new(&w);
	int64_t b = book(&w, "Questions That Open Doors", 1);
	struct library_item it;
	OK(library_item_get(c, w.a, LANG_EN, w.org, b, &it));
	ck_assert_str_eq(it.title, "Questions That Open Doors");
	ck_assert_int_eq(it.copies, 1);
	ck_assert_uint_eq(it.ntraits, 1);
	ck_assert_int_eq(it.open_loans, 0);
	int64_t loan = lend(&w, b, w.rita, LEND_OK);
	ck_assert_int_gt(loan, 0);
	/* the only copy is out: refused, nothing stored */
	lend(&w, b, w.ron, LEND_NONE_FREE);
	ck_assert_int_eq(count(&w, "SELECT count(*) FROM library_loans WHERE org_id = $1 AND item_id = $2", b), 1);
	/* one copy per person */
	int64_t b2 = book(&w, "Closing Without Pressure", 2);
	lend(&w, b2, w.rita, LEND_OK);
	lend(&w, b2, w.rita, LEND_HAS_COPY);
	/* a link (0 copies) is not lent */
	int64_t traits[] = { w.trait };
	struct library_item_new link = { "article", "Listening Twice", "", "https://example.com/a", "", 0, 15, traits, 1 };
	int64_t l = 0;
	OK(library_item_create(c, w.org, &link, w.max, &l));
	lend(&w, l, w.rita, LEND_LINK);
	/* a retired item neither */
	OK(library_item_retire(c, w.org, b2, 1));
	lend(&w, b2, w.ron, LEND_RETIRED);
	struct library_loan ln;
	OK(library_loan_get(c, w.a, w.org, loan, &ln));
	ck_assert_str_eq(ln.borrower_name, "rita");
	ck_assert_str_eq(ln.due_on, "2026-11-22");
	ck_assert_str_eq(ln.returned_on, "");
	arena_free(w.a);
}
END_TEST

START_TEST(return_once_writes_activity)
{
	struct world w;
	world_new(&w);
	int64_t b = book(&w, "The Resilient Seller", 1);
	int64_t loan = lend(&w, b, w.rita, LEND_OK);
	struct library_return in = { "2026-11-10", "Take a walk after a lost deal.", 4, w.rita };
	int64_t act = 0;
	OK(library_return_loan(c, w.org, loan, &in, &act));
	ck_assert_int_gt(act, 0);
	/* the activity: a book, self-initiated, done, the takeaway, the item's minutes and trait */
	struct db_stmt *st = DBQ(c, "SELECT kind, origin, status, done_on, learned, minutes, trait_id, library_item_id, "
				 "loan_id, rep_id FROM learning_activities WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(act));
	ck_assert_int_eq(db_step(st), DB_ROW);
	ck_assert_str_eq(db_col_text(st, 0), "book");
	ck_assert_str_eq(db_col_text(st, 1), "self");
	ck_assert_str_eq(db_col_text(st, 2), "done");
	ck_assert_str_eq(db_col_text(st, 3), "2026-11-10");
	ck_assert_str_eq(db_col_text(st, 4), "Take a walk after a lost deal.");
	ck_assert_int_eq(db_col_i64(st, 5), 240);
	ck_assert_int_eq(db_col_i64(st, 6), w.trait);
	ck_assert_int_eq(db_col_i64(st, 7), b);
	ck_assert_int_eq(db_col_i64(st, 8), loan);
	ck_assert_int_eq(db_col_i64(st, 9), w.rita);
	OK(db_finish(st));
	/* twice: refused, nothing changed */
	struct library_return again = { "2026-11-12", "Something else", 1, w.rita };
	EXPECT(library_return_loan(c, w.org, loan, &again, &act), E_CONFLICT);
	struct library_loan ln;
	OK(library_loan_get(c, w.a, w.org, loan, &ln));
	ck_assert_str_eq(ln.returned_on, "2026-11-10");
	ck_assert_str_eq(ln.takeaway, "Take a walk after a lost deal.");
	ck_assert_int_eq(ln.rating, 4);
	ck_assert_int_eq(count(&w, "SELECT count(*) FROM learning_activities WHERE org_id = $1 AND library_item_id = $2", b),
			 1);
	/* the copy is free again, the rating counts */
	struct library_item it;
	OK(library_item_get(c, w.a, LANG_EN, w.org, b, &it));
	ck_assert_int_eq(it.open_loans, 0);
	ck_assert_int_eq(it.nrated, 1);
	ck_assert_double_eq_tol(it.avg_rating, 4.0, 1e-9);
	/* a suggested item: the suggestion is completed, not a second row */
	OK(library_suggest(c, w.org, &it, w.ron, w.max, &act));
	int64_t loan2 = lend(&w, b, w.ron, LEND_OK);
	struct library_return r2 = { "2026-11-15", "Breathe.", 0, w.ron };
	int64_t act2 = 0;
	OK(library_return_loan(c, w.org, loan2, &r2, &act2));
	ck_assert_int_eq(act2, act);
	st = DBQ(c, "SELECT origin, status, done_on, learned, loan_id, suggested_by FROM learning_activities "
		 "WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(act));
	ck_assert_int_eq(db_step(st), DB_ROW);
	ck_assert_str_eq(db_col_text(st, 0), "suggested");
	ck_assert_str_eq(db_col_text(st, 1), "done");
	ck_assert_str_eq(db_col_text(st, 2), "2026-11-15");
	ck_assert_str_eq(db_col_text(st, 3), "Breathe.");
	ck_assert_int_eq(db_col_i64(st, 4), loan2);
	ck_assert_int_eq(db_col_i64(st, 5), w.max);
	OK(db_finish(st));
	ck_assert_int_eq(count(&w, "SELECT count(*) FROM learning_activities WHERE org_id = $1 AND library_item_id = $2", b),
			 2);
	arena_free(w.a);
}
END_TEST

START_TEST(waiting_list_order_and_held_copy)
{
	struct world w;
	world_new(&w);
	int64_t b = book(&w, "Plan the Week, Win the Month", 1);
	int64_t loan = lend(&w, b, w.rita, LEND_OK);
	OK(library_wait_join(c, w.org, b, w.rob));
	OK(library_wait_join(c, w.org, b, w.ron));
	EXPECT(library_wait_join(c, w.org, b, w.rob), E_CONFLICT);
	/* Rita has the copy: she waits for nothing */
	EXPECT(library_wait_join(c, w.org, b, w.rita), E_INVALID);
	struct library_waiter *wl;
	size_t n;
	OK(library_waitlist(c, w.a, w.org, b, &wl, &n));
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(wl[0].name, "rob");
	ck_assert_str_eq(wl[1].name, "ron");
	struct library_item *held;
	OK(library_held_for(c, w.a, w.org, w.rob, &held, &n));
	ck_assert_uint_eq(n, 0);
	struct library_return in = { "2026-11-05", "Plan Monday on Friday.", 5, w.rita };
	OK(library_return_loan(c, w.org, loan, &in, NULL));
	/* the copy is held for Rob, first in line: not for Ron, not for Max */
	OK(library_held_for(c, w.a, w.org, w.rob, &held, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(held[0].id, b);
	OK(library_held_for(c, w.a, w.org, w.ron, &held, &n));
	ck_assert_uint_eq(n, 0);
	lend(&w, b, w.ron, LEND_HELD);
	lend(&w, b, w.max, LEND_HELD);
	lend(&w, b, w.rob, LEND_OK);
	/* Rob is served: Ron is first now */
	OK(library_waitlist(c, w.a, w.org, b, &wl, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(wl[0].name, "ron");
	OK(library_wait_leave(c, w.org, b, w.ron));
	EXPECT(library_wait_leave(c, w.org, b, w.ron), E_NOTFOUND);
	OK(library_waitlist(c, w.a, w.org, b, &wl, &n));
	ck_assert_uint_eq(n, 0);
	arena_free(w.a);
}
END_TEST

START_TEST(lists_and_org_scoping)
{
	struct world w, other;
	world_new(&w);
	world_new(&other);
	int64_t b1 = book(&w, "Alpha Questions", 2);
	int64_t b2 = book(&w, "Beta Closing", 1);
	int64_t far = book(&other, "Gamma Listening", 1);
	int64_t loan = lend(&w, b1, w.rita, LEND_OK);
	lend(&w, b2, w.ron, LEND_OK);
	struct library_item *items;
	size_t n;
	int64_t total;
	struct library_filter f = { NULL, 0, NULL, 0 };
	OK(library_items_list(c, w.a, LANG_EN, w.org, &f, 50, 0, &items, &n, &total));
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(total, 2);
	ck_assert_str_eq(items[0].title, "Alpha Questions");
	ck_assert_int_eq(items[0].open_loans, 1);
	f.q = "BETA";
	OK(library_items_list(c, w.a, LANG_EN, w.org, &f, 50, 0, &items, &n, &total));
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(items[0].title, "Beta Closing");
	f.q = "%";
	OK(library_items_list(c, w.a, LANG_EN, w.org, &f, 50, 0, &items, &n, &total));
	ck_assert_uint_eq(n, 0);
	f = (struct library_filter){ "article", 0, NULL, 0 };
	OK(library_items_list(c, w.a, LANG_EN, w.org, &f, 50, 0, &items, &n, &total));
	ck_assert_uint_eq(n, 0);
	f = (struct library_filter){ NULL, w.trait, NULL, 0 };
	OK(library_items_list(c, w.a, LANG_EN, w.org, &f, 1, 1, &items, &n, &total));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(total, 2);
	ck_assert_str_eq(items[0].title, "Beta Closing");
	/* another organisation's item, loan and list: not found, not lent, not listed */
	struct library_item it;
	EXPECT(library_item_get(c, w.a, LANG_EN, w.org, far, &it), E_NOTFOUND);
	enum library_lend why;
	EXPECT(library_lend(c, w.org, far, w.rita, "2026-11-01", "2026-11-22", &why, NULL), E_NOTFOUND);
	struct library_loan ln;
	EXPECT(library_loan_get(c, other.a, other.org, loan, &ln), E_NOTFOUND);
	struct library_return in = { "2026-11-05", "x", 0, other.rita };
	EXPECT(library_return_loan(c, other.org, loan, &in, NULL), E_NOTFOUND);
	EXPECT(library_wait_join(c, other.org, b1, other.rita), E_NOTFOUND);
	struct library_loan *loans;
	struct library_loan_scope s = { 0, 0, 1 };
	OK(library_loans_list(c, other.a, other.org, &s, 50, 0, &loans, &n, &total));
	ck_assert_uint_eq(n, 0);
	OK(library_loans_list(c, w.a, w.org, &s, 50, 0, &loans, &n, &total));
	ck_assert_uint_eq(n, 2);
	s.borrower_id = w.rita;
	OK(library_loans_list(c, w.a, w.org, &s, 50, 0, &loans, &n, &total));
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(loans[0].item_title, "Alpha Questions");
	EXPECT(library_item_retire(c, other.org, b1, 1), E_NOTFOUND);
	arena_free(w.a);
	arena_free(other.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-library", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "library-sqlite" : "library-postgresql");
	const TTest *tests[] = { lend_and_no_free_copy, return_once_writes_activity, waiting_list_order_and_held_copy,
				 lists_and_org_scoping };
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
