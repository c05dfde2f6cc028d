/*
 * test-store-learning: the learning log's queries (store/learning.c's
 * learning_add and store/learning-log.c) against a real database (SG_TEST_DB
 * as for test-store: SQLite or PostgreSQL, fresh; unset: a temporary SQLite
 * file): adding and listing by rep and days, the hours by origin,
 * suggestions answered and completed, mandatory trainings with one row per
 * active member and their counts, and scoping by organisation. Each test
 * makes its own organisation; main runs the list forwards and then
 * backwards on the same database.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/learning.h"
#include "store/learning-log.h"
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

/* an organisation with team North (manager Max, reps Rita and Rob and a
 * deactivated rep) and team South (manager Mia, rep Sam) */
struct world {
	struct arena *a;
	int64_t org, north, south, max, rita, rob, gone, mia, sam;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "le%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Learning Org", "en", "EUR", &w->org));
	const char *names[] = { "max", "rita", "rob", "gone", "mia", "sam" };
	int64_t *ids[] = { &w->max, &w->rita, &w->rob, &w->gone, &w->mia, &w->sam };
	for (int i = 0; i < 6; i++) {
		snprintf(email, sizeof(email), "%s-%lld@learn.test", names[i], (long long)w->org);
		OK(user_create(c, w->org, email, names[i], i == 0 || i == 4 ? "manager" : "rep", "x", ids[i]));
	}
	OK(team_create(c, w->org, "North", w->max, "", "", &w->north));
	OK(team_create(c, w->org, "South", w->mia, "", "", &w->south));
	OK(user_set_team(c, w->org, w->rita, w->north));
	OK(user_set_team(c, w->org, w->rob, w->north));
	OK(user_set_team(c, w->org, w->gone, w->north));
	OK(user_set_active(c, w->org, w->gone, 0));
	OK(user_set_team(c, w->org, w->sam, w->south));
}

static int64_t add(struct world *w, int64_t rep, const char *origin, const char *done_on, int minutes,
		   const char *learned)
{
	struct new_learning l = { .rep_id = rep, .kind = "book", .title = "A book", .origin = origin, .done_on = done_on,
				  .minutes = minutes, .learned = learned, .created_by = rep };
	int64_t id = 0;
	OK(learning_add(c, w->org, &l, &id));
	ck_assert_int_gt(id, 0);
	return id;
}

START_TEST(add_list_and_hours)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	add(&w, w.rita, "self", "2026-11-20", 90, "Listen more");
	add(&w, w.rita, "self", "2026-06-01", 60, "");
	add(&w, w.rita, "mandatory", "2026-03-01", 240, "");
	add(&w, w.rita, "suggested", "2025-10-01", 120, "Too old");	/* before the 12 months */
	add(&w, w.rob, "self", "2026-11-01", 30, "");
	add(&x, x.rita, "self", "2026-11-20", 600, "Other org");
	struct learning_list l;
	OK(learning_list_rep(c, w.a, w.org, w.rita, NULL, LEARNING_LIST_MAX, 0, &l));
	ck_assert_uint_eq(l.n, 4);
	ck_assert_int_eq(l.total, 4);
	ck_str(l.items[0].done_on, "2026-11-20", "newest first");
	ck_str(l.items[0].learned, "Listen more", "the reflection");
	ck_str(l.items[3].done_on, "2025-10-01", "oldest last");
	ck_assert_int_eq(l.items[0].rep_team_id, w.north);
	/* paging */
	OK(learning_list_rep(c, w.a, w.org, w.rita, "done", 2, 2, &l));
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.total, 4);
	ck_str(l.items[0].done_on, "2026-03-01", "third");
	/* the other organisation's rep with the same role sees none of these */
	OK(learning_list_rep(c, x.a, x.org, w.rita, NULL, LEARNING_LIST_MAX, 0, &l));
	ck_assert_uint_eq(l.n, 0);
	/* hours by origin from a day on */
	struct learning_summary s;
	OK(learning_summary_rep(c, w.org, w.rita, "2025-11-23", &s));
	ck_assert_int_eq(s.minutes[0], 150);
	ck_assert_int_eq(s.minutes[1], 0);
	ck_assert_int_eq(s.minutes[2], 240);
	ck_assert_int_eq(s.count, 3);
	ck_assert_int_eq(s.reflected, 1);
	add(&w, w.rita, "self", "2026-11-02", 30, "");
	/* get, update, delete — by organisation */
	int64_t id = add(&w, w.rita, "self", "2026-11-21", 45, "");
	struct learning_row row;
	OK(learning_get(c, w.a, w.org, id, &row));
	EXPECT(learning_get(c, x.a, x.org, id, &row), E_NOTFOUND);
	struct new_learning up = { .kind = "webinar", .title = "Renamed", .origin = "self", .done_on = "2026-11-19",
				   .minutes = 30, .learned = "Now reflected" };
	OK(learning_update(c, w.org, id, &up));
	EXPECT(learning_update(c, x.org, id, &up), E_NOTFOUND);
	OK(learning_get(c, w.a, w.org, id, &row));
	ck_str(row.title, "Renamed", "updated");
	ck_assert_int_eq(row.minutes, 30);
	EXPECT(learning_delete(c, x.org, id), E_NOTFOUND);
	OK(learning_delete(c, w.org, id));
	EXPECT(learning_get(c, w.a, w.org, id, &row), E_NOTFOUND);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

START_TEST(suggestions)
{
	struct world w;
	world_new(&w);
	struct new_learning s = { .rep_id = w.rita, .kind = "article", .title = "Read this", .origin = "suggested",
				  .status = "suggested", .due_on = "2026-12-01", .minutes = 60, .suggested_by = w.max,
				  .created_by = w.max };
	int64_t a = 0, b = 0;
	OK(learning_add(c, w.org, &s, &a));
	OK(learning_add(c, w.org, &s, &b));
	struct learning_list open;
	OK(learning_list_open(c, w.a, w.org, w.rita, &open));
	ck_assert_uint_eq(open.n, 2);
	ck_str(open.items[0].suggested_by_name, "max", "who suggested it");
	ck_str(open.items[0].status, "suggested", "status");
	/* not done yet: cannot be completed before it is accepted */
	EXPECT(learning_complete(c, w.org, a, "2026-11-23", 60, "", ""), E_CONFLICT);
	OK(learning_answer(c, w.org, a, "accepted"));
	EXPECT(learning_answer(c, w.org, a, "declined"), E_CONFLICT);	/* answered already */
	OK(learning_answer(c, w.org, b, "declined"));
	OK(learning_complete(c, w.org, a, "2026-11-23", 75, "Learned", "Change"));
	EXPECT(learning_complete(c, w.org, a, "2026-11-23", 75, "", ""), E_CONFLICT);	/* done already */
	EXPECT(learning_complete(c, w.org, b, "2026-11-23", 75, "", ""), E_CONFLICT);	/* declined */
	struct learning_row row;
	OK(learning_get(c, w.a, w.org, a, &row));
	ck_str(row.status, "done", "completed");
	ck_str(row.origin, "suggested", "origin kept");
	ck_str(row.done_on, "2026-11-23", "done on");
	ck_assert_int_eq(row.minutes, 75);
	OK(learning_list_open(c, w.a, w.org, w.rita, &open));
	ck_assert_uint_eq(open.n, 0);
	/* a library item's title for the display, by organisation */
	const char *title = NULL;
	EXPECT(learning_library_title(c, w.a, w.org, 999999, &title), E_NOTFOUND);
	arena_free(w.a);
}
END_TEST

START_TEST(assignments)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	struct new_assignment na = { .team_id = w.north, .kind = "training_day", .title = "Compliance", .due_on = "2026-11-30",
				     .minutes = 240, .assigned_by = w.max };
	int64_t id = 0;
	size_t members = 0;
	OK(db_begin(c));
	OK(learning_assign(c, w.org, &na, &id, &members));
	OK(db_commit(c));
	ck_assert_uint_eq(members, 2);	/* Rita and Rob; not the deactivated rep, not South */
	struct learning_list l;
	OK(learning_assignment_members(c, w.a, w.org, id, &l));
	ck_assert_uint_eq(l.n, 2);
	ck_str(l.items[0].rep_name, "rita", "by name");
	ck_str(l.items[0].status, "assigned", "assigned");
	ck_str(l.items[0].origin, "mandatory", "mandatory");
	ck_str(l.items[0].due_on, "2026-11-30", "due");
	OK(learning_complete(c, w.org, l.items[0].id, "2026-11-25", 240, "", ""));
	struct learning_assignment a;
	OK(learning_assignment_get(c, w.a, w.org, id, "2026-11-23", &a));
	ck_assert_int_eq(a.members, 2);
	ck_assert_int_eq(a.done, 1);
	ck_assert_int_eq(a.overdue, 0);
	ck_str(a.team_name, "North", "team");
	/* the day after the due day: Rob's is overdue (the month's end passed) */
	OK(learning_assignment_get(c, w.a, w.org, id, "2026-12-01", &a));
	ck_assert_int_eq(a.overdue, 1);
	int64_t n = 0;
	OK(learning_team_overdue(c, w.org, &w.north, 1, "2026-12-01", &n));
	ck_assert_int_eq(n, 1);
	OK(learning_team_overdue(c, w.org, &w.south, 1, "2026-12-01", &n));
	ck_assert_int_eq(n, 0);
	struct assignment_list al;
	int64_t teams[2] = { w.north, w.south };
	OK(learning_assignment_list(c, w.a, w.org, teams, 2, "2026-12-01", &al));
	ck_assert_uint_eq(al.n, 1);
	/* scoped by organisation */
	EXPECT(learning_assignment_get(c, x.a, x.org, id, "2026-12-01", &a), E_NOTFOUND);
	OK(learning_assignment_list(c, x.a, x.org, teams, 2, "2026-12-01", &al));
	ck_assert_uint_eq(al.n, 0);
	OK(learning_assignment_members(c, x.a, x.org, id, &l));
	ck_assert_uint_eq(l.n, 0);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-learning", 0))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "learning-sqlite" : "learning-postgresql");
	const TTest *tests[] = { add_list_and_hours, suggestions, assignments };
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
