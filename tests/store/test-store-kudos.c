/*
 * test-store-kudos: the store queries of kudos and spotlights
 * (store/kudos.c) against a real database (SG_TEST_DB: SQLite or
 * PostgreSQL; unset: a temporary SQLite file): the feed's scope (the
 * viewer's team, what they gave or got, the organisation for an admin),
 * the recipient's team kept as it was, a spotlight written again replacing
 * the first, the "needs the manager now" item, the facts of badges from
 * real steps and loans (the tenth kept step by the day it was kept, open
 * and cancelled steps, the first return with a takeaway) and that nothing
 * reaches into another organisation. Each test makes its own organisation.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/kudos.h"
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

/* team North (manager Max, reps Rita and Ron), team South (manager Mia,
 * rep Rob), admin Ann */
struct world {
	int64_t org, rita, ron, rob, max, mia, ann, north, south;
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "kudos%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Kudos", "en", "EUR", &w->org));
	struct { const char *who, *role; int64_t *id; } people[] = {
		{ "rita", "rep", &w->rita }, { "ron", "rep", &w->ron }, { "rob", "rep", &w->rob },
		{ "max", "manager", &w->max }, { "mia", "manager", &w->mia }, { "ann", "admin", &w->ann },
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
}

static int has(const struct kudos *k, size_t n, const char *text)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(k[i].text, text))
			return 1;
	return 0;
}

START_TEST(feed_scope)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	OK(kudos_add(c, w.org, w.rita, w.ron, w.north, "effort", "north one", "2026-11-02", NULL));
	OK(kudos_add(c, w.org, w.mia, w.rob, w.south, "win", "south one", "2026-11-03", NULL));
	OK(kudos_add(c, w.org, w.rob, w.rita, w.north, "progress", "cross one", "2026-11-04", NULL));
	OK(kudos_add(c, x.org, x.rita, x.ron, x.north, "win", "other org", "2026-11-04", NULL));
	/* the same giver and recipient: the database refuses it too */
	ck_assert_int_ne(kudos_add(c, w.org, w.rita, w.rita, w.north, "win", "self", "2026-11-04", NULL), E_OK);
	struct kudos *k;
	size_t n;
	int64_t total;
	struct kudos_scope rita = { 0, w.rita, 0 };
	OK(kudos_list(c, w.a, w.org, &rita, 50, 0, &k, &n, &total));
	ck_assert_int_eq(total, 2);
	ck_assert_uint_eq(n, 2);
	ck_str(k[0].text, "cross one", "newest first");
	ck_str(k[0].giver_name, "rob", "giver");
	ck_str(k[0].team_name, "North", "the recipient's team");
	ck_str(k[0].given_on, "2026-11-04", "day");
	ck_assert(has(k, n, "north one"));
	struct kudos_scope rob = { 0, w.rob, 0 };
	OK(kudos_list(c, w.a, w.org, &rob, 50, 0, &k, &n, &total));
	ck_assert_uint_eq(n, 2);
	ck_assert(has(k, n, "south one") && has(k, n, "cross one"));
	struct kudos_scope mia = { 0, w.mia, 0 };	/* leads South, gave "south one" */
	OK(kudos_list(c, w.a, w.org, &mia, 50, 0, &k, &n, &total));
	ck_assert_uint_eq(n, 1);
	ck_str(k[0].text, "south one", "Mia's team only");
	struct kudos_scope max = { 0, w.max, 0 };
	OK(kudos_list(c, w.a, w.org, &max, 50, 0, &k, &n, &total));
	ck_assert_uint_eq(n, 2);
	struct kudos_scope all = { 1, w.ann, 0 };
	OK(kudos_list(c, w.a, w.org, &all, 50, 0, &k, &n, &total));
	ck_assert_int_eq(total, 3);
	ck_assert(!has(k, n, "other org"));
	/* paging, and one rep's received */
	OK(kudos_list(c, w.a, w.org, &all, 1, 1, &k, &n, &total));
	ck_assert_uint_eq(n, 1);
	ck_str(k[0].text, "south one", "second page");
	struct kudos_scope ritas = { 1, 0, w.rita };
	OK(kudos_list(c, w.a, w.org, &ritas, 50, 0, &k, &n, &total));
	ck_assert_uint_eq(n, 1);
	ck_str(k[0].text, "cross one", "received by Rita");
	/* Ron moves to South: the kudos he got stay North's */
	OK(user_set_team(c, w.org, w.ron, w.south));
	OK(kudos_list(c, w.a, w.org, &mia, 50, 0, &k, &n, &total));
	ck_assert(!has(k, n, "north one"));
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

START_TEST(spotlight_replaces_and_needs)
{
	struct world w;
	world_new(&w);
	struct kudos_need *need;
	size_t nn;
	OK(kudos_manager_needs(c, w.a, w.org, w.max, "2026-11-25", &need, &nn));
	ck_assert_uint_eq(nn, 1);
	ck_str(need[0].kind, "spotlight_due", "kind");
	ck_assert_int_eq(need[0].team_id, w.north);
	ck_str(need[0].date, "2026-11-01", "since the month began");
	OK(spotlight_set(c, w.org, w.north, "week", "2026-11-23", w.rita, "first", w.max));
	OK(spotlight_set(c, w.org, w.north, "week", "2026-11-23", w.ron, "second", w.max));
	OK(spotlight_set(c, w.org, w.north, "month", "2026-11-01", w.rita, "month", w.max));
	OK(spotlight_set(c, w.org, w.north, "week", "2026-11-16", w.rita, "last week", w.max));
	OK(spotlight_set(c, w.org, w.south, "week", "2026-11-23", w.rob, "south week", w.mia));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM spotlights WHERE org_id = $1", P_I(w.org)), 4);
	struct spotlight *s;
	size_t n;
	OK(spotlights_team(c, w.a, w.org, w.north, "2026-11-23", "2026-11-01", &s, &n));
	ck_assert_uint_eq(n, 2);
	ck_str(s[0].period, "month", "month first");
	ck_str(s[1].citation, "second", "replaced");
	ck_str(s[1].rep_name, "ron", "replaced: the person too");
	struct kudos_scope rita = { 0, w.rita, 0 };
	OK(spotlights_current(c, w.a, w.org, &rita, "2026-11-23", "2026-11-01", &s, &n));
	ck_assert_uint_eq(n, 2);	/* North's only, this week's and month's */
	struct kudos_scope all = { 1, w.ann, 0 };
	OK(spotlights_current(c, w.a, w.org, &all, "2026-11-23", "2026-11-01", &s, &n));
	ck_assert_uint_eq(n, 3);
	OK(kudos_manager_needs(c, w.a, w.org, w.max, "2026-11-25", &need, &nn));
	ck_assert_uint_eq(nn, 0);
	OK(kudos_manager_needs(c, w.a, w.org, w.mia, "2026-11-25", &need, &nn));
	ck_assert_uint_eq(nn, 1);	/* a week's spotlight is not the month's */
	OK(kudos_manager_needs(c, w.a, w.org, w.max, "2026-12-01", &need, &nn));
	ck_assert_uint_eq(nn, 1);	/* a new month */
	arena_free(w.a);
}
END_TEST

static void step(struct world *w, int64_t conv, int64_t rep, const char *due, const char *status, const char *done_on)
{
	OK(DBX(c, "INSERT INTO steps (org_id, conversation_id, rep_id, what, who, due, original_due, status, done_on, "
		  "created_on) VALUES ($1, $2, $3, 'Send the quote', 'buyer', $4, $4, $5, $6, '2025-01-01')",
	       P_I(w->org), P_I(conv), P_I(rep), P_T(due), P_T(status), done_on ? P_T(done_on) : P_NULL));
}

START_TEST(badge_facts_from_steps_and_loans)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	int64_t acct = DB_I64(c, -1, "INSERT INTO accounts (org_id, name, created_at) VALUES ($1, 'Acme', 0) RETURNING id",
			      P_I(w.org));
	int64_t conv = DB_I64(c, -1, "INSERT INTO conversations (org_id, rep_id, account_id, kind, at, held_on, "
				     "gut_feeling, outcome, created_at) VALUES ($1, $2, $3, 'call', 0, '2025-11-01', 3, "
				     "'step', 0) RETURNING id", P_I(w.org), P_I(w.rita), P_I(acct));
	ck_assert_int_gt(conv, 0);
	/* eleven kept, kept on days out of order: the tenth by day is 2025-12-10 */
	const char *kept[] = { "2025-12-20", "2025-12-01", "2025-12-02", "2025-12-03", "2025-12-04", "2025-12-05",
			       "2025-12-06", "2025-12-07", "2025-12-08", "2025-12-10", "2025-12-09" };
	for (size_t i = 0; i < N_ELEMS(kept); i++)
		step(&w, conv, w.rita, kept[i], "kept", kept[i]);
	step(&w, conv, w.rita, "2025-12-05", "missed", NULL);
	step(&w, conv, w.rita, "2025-12-05", "cancelled", NULL);
	step(&w, conv, w.rita, "2026-01-05", "open", NULL);
	struct badge_facts f;
	OK(kudos_badge_facts(c, w.a, w.org, w.rita, &f));
	ck_str(f.tenth_kept_on, "2025-12-10", "the tenth by the day it was kept");
	ck_assert_ptr_null(f.first_book_on);
	ck_assert_uint_eq(f.ndays, 12);	/* eleven kept days + 2026-01-05; 2025-12-05 once */
	ck_str(f.days[0].due, "2026-01-05", "newest first");
	ck_assert_int_eq(f.days[0].open, 1);
	int found = 0;
	for (size_t i = 0; i < f.ndays; i++)
		if (!strcmp(f.days[i].due, "2025-12-05")) {
			found = 1;
			ck_assert_int_eq(f.days[i].kept, 1);
			ck_assert_int_eq(f.days[i].missed, 1);	/* the cancelled one not counted */
		}
	ck_assert(found);
	/* December has a missed step: no clean month, on 2026-01-10 */
	f.today = "2026-01-10";
	f.grace_days = 3;
	struct badge b[BADGE_COUNT];
	badges_compute(&f, b);
	ck_assert_int_eq(b[BADGE_TEN_KEPT].earned, 1);
	ck_assert_int_eq(b[BADGE_CLEAN_MONTH].earned, 0);
	/* a loan returned without a takeaway does not count; one with does */
	int64_t item = DB_I64(c, -1, "INSERT INTO library_items (org_id, kind, title, copies, added_by, created_at) "
				     "VALUES ($1, 'book', 'Questions', 2, $2, 0) RETURNING id", P_I(w.org), P_I(w.max));
	OK(DBX(c, "INSERT INTO library_loans (org_id, item_id, borrower_id, lent_on, due_on, returned_on, takeaway, "
		  "created_at) VALUES ($1, $2, $3, '2025-10-01', '2025-10-22', '2025-10-20', '', 0)",
	       P_I(w.org), P_I(item), P_I(w.rita)));
	OK(DBX(c, "INSERT INTO library_loans (org_id, item_id, borrower_id, lent_on, due_on, returned_on, takeaway, "
		  "created_at) VALUES ($1, $2, $3, '2025-11-01', '2025-11-22', '2025-11-21', 'Ask why twice', 0)",
	       P_I(w.org), P_I(item), P_I(w.rita)));
	OK(DBX(c, "INSERT INTO library_loans (org_id, item_id, borrower_id, lent_on, due_on, takeaway, created_at) "
		  "VALUES ($1, $2, $3, '2025-12-01', '2025-12-22', '', 0)", P_I(w.org), P_I(item), P_I(w.rita)));
	OK(kudos_badge_facts(c, w.a, w.org, w.rita, &f));
	ck_str(f.first_book_on, "2025-11-21", "the return with a takeaway");
	/* another rep, another organisation: nothing of Rita's */
	OK(kudos_badge_facts(c, w.a, w.org, w.ron, &f));
	ck_assert_uint_eq(f.ndays, 0);
	ck_assert_ptr_null(f.tenth_kept_on);
	OK(kudos_badge_facts(c, x.a, x.org, w.rita, &f));
	ck_assert_uint_eq(f.ndays, 0);
	ck_assert_ptr_null(f.first_book_on);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-kudos", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "kudos-sqlite" : "kudos-postgresql");
	const TTest *tests[] = { feed_scope, spotlight_replaces_and_needs, badge_facts_from_steps_and_loans };
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
