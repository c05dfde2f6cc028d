/*
 * test-store-learning-index: the sums of the learning log that the
 * achievement-orientation index and the learning ties read
 * (store/learning-index.c), against a real database (SG_TEST_DB: SQLite or
 * PostgreSQL; unset: a temporary SQLite file). Each test makes its own
 * organisation; main runs the list forwards and then backwards. Only done
 * activities count, inside the window, of the organisation, of the rep or
 * of the team's members.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/traits.h"
#include "store/learning.h"
#include "store/learning-index.h"
#include "lib/arena.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store-harness.h"

#define OK(expr)                                                                                       \
	do {                                                                                           \
		enum err e_ = (expr);                                                                  \
		ck_assert_msg(e_ == E_OK, "%s: got %s (%s)", #expr, err_name(e_), db_errmsg(c));      \
	} while (0)

/* team North (manager Max, reps Rita and Ron), team South (manager Mia, rep Rob) */
struct world {
	int64_t org, rita, ron, rob, max, mia, north, south, trait1, trait2;
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "li%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Learning", "en", "EUR", &w->org));
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
	ck_assert_int_ge(tl.n, 2);
	w->trait1 = tl.items[0].id;
	w->trait2 = tl.items[1].id;
}

static void add(struct world *w, int64_t rep, const char *kind, const char *origin, const char *status,
		const char *on, int minutes, int64_t trait, const char *learned)
{
	struct new_learning l = { .rep_id = rep, .kind = kind, .title = on, .origin = origin, .status = status,
				  .done_on = status && strcmp(status, "done") ? NULL : on,
				  .due_on = status && strcmp(status, "done") ? on : NULL, .minutes = minutes,
				  .trait_id = trait, .learned = learned, .created_by = rep };
	OK(learning_add(c, w->org, &l, NULL));
}

/* the world's activities: Rita's in and out of the window, Ron's, Rob's (South) */
static void seed(struct world *w)
{
	add(w, w->rita, "book", "self", NULL, "2026-01-10", 120, w->trait1, "Learned a thing");
	add(w, w->rita, "book", "self", NULL, "2026-01-25", 60, w->trait1, "");
	add(w, w->rita, "article", "self", NULL, "2026-03-05", 30, 0, "");
	add(w, w->rita, "training_day", "mandatory", NULL, "2026-03-06", 480, w->trait2, "");
	add(w, w->rita, "coaching", "suggested", NULL, "2026-11-20", 90, w->trait1, "");
	add(w, w->rita, "book", "self", NULL, "2025-11-30", 600, w->trait1, "Before the window");
	add(w, w->rita, "course", "mandatory", "assigned", "2026-12-15", 480, 0, "");
	add(w, w->rita, "course", "suggested", "suggested", "2026-12-15", 60, 0, "");
	add(w, w->ron, "ride_along", "self", NULL, "2026-02-02", 240, 0, "");
	add(w, w->rob, "book", "self", NULL, "2026-02-02", 300, 0, "");
}

START_TEST(sums_per_rep_and_team)
{
	struct world w;
	world_new(&w);
	seed(&w);
	struct li_sums s;
	OK(learning_index_sums(c, w.a, w.org, w.rita, 0, "2025-12-01", "2026-11-23", &s));
	/* 2026-01 self (2: 180 min, 1 reflected), 2026-03 mandatory, 2026-03 self, 2026-11 suggested */
	ck_assert_int_eq(s.n, 4);
	ck_assert_int_eq(s.cut, 0);
	ck_str(s.items[0].month, "2026-01", "first month");
	ck_str(s.items[0].origin, "self", "first origin");
	ck_assert_int_eq(s.items[0].count, 2);
	ck_assert_int_eq(s.items[0].minutes, 180);
	ck_assert_int_eq(s.items[0].reflected, 1);
	ck_str(s.items[0].last_on, "2026-01-25", "the newest of January");
	ck_str(s.items[1].month, "2026-03", "second month");
	ck_str(s.items[1].origin, "mandatory", "mandatory sorts before self");
	ck_assert_int_eq(s.items[1].minutes, 480);
	ck_str(s.items[2].origin, "self", "March self");
	ck_str(s.items[3].origin, "suggested", "November suggested");
	ck_assert_int_eq(s.items[3].minutes, 90);
	/* the team: Rita's rows and Ron's, never Rob's */
	OK(learning_index_sums(c, w.a, w.org, 0, w.north, "2025-12-01", "2026-11-23", &s));
	ck_assert_int_eq(s.n, 5);
	long total = 0;
	for (size_t i = 0; i < s.n; i++) {
		ck_assert(s.items[i].rep_id == w.rita || s.items[i].rep_id == w.ron);
		total += s.items[i].minutes;
	}
	ck_assert_int_eq(total, 180 + 30 + 480 + 90 + 240);
	OK(learning_index_sums(c, w.a, w.org, 0, w.south, "2025-12-01", "2026-11-23", &s));
	ck_assert_int_eq(s.n, 1);
	ck_assert_int_eq(s.items[0].rep_id, w.rob);
	/* another organisation's query sees none of it */
	struct world other;
	world_new(&other);
	OK(learning_index_sums(c, other.a, other.org, w.rita, 0, "2025-12-01", "2026-11-23", &s));
	ck_assert_int_eq(s.n, 0);
	OK(learning_index_sums(c, other.a, other.org, 0, w.north, "2025-12-01", "2026-11-23", &s));
	ck_assert_int_eq(s.n, 0);
	arena_free(w.a);
	arena_free(other.a);
}
END_TEST

START_TEST(traits_kinds_goals)
{
	struct world w;
	world_new(&w);
	seed(&w);
	struct li_trait_sums ts;
	OK(learning_trait_sums(c, w.a, w.org, w.rita, "2025-12-01", "2026-11-23", &ts));
	ck_assert_int_eq(ts.n, 2);
	for (size_t i = 0; i < ts.n; i++) {
		if (ts.items[i].trait_id == w.trait1) {
			ck_assert_int_eq(ts.items[i].count, 3);
			ck_assert_int_eq(ts.items[i].minutes, 270);
			ck_str(ts.items[i].last_on, "2026-11-20", "trait 1's last");
		} else {
			ck_assert_int_eq(ts.items[i].trait_id, w.trait2);
			ck_assert_int_eq(ts.items[i].count, 1);
			ck_assert_int_eq(ts.items[i].minutes, 480);
		}
	}
	struct li_kind_counts kc;
	/* after 2026-01-10 (exclusive) up to 2026-03-05: the book of 01-25 and the article */
	OK(learning_kind_counts(c, w.a, w.org, w.rita, "2026-01-10", "2026-03-05", &kc));
	ck_assert_int_eq(kc.n, 2);
	ck_str(kc.items[0].kind, "article", "kinds by code");
	ck_assert_int_eq(kc.items[0].count, 1);
	ck_str(kc.items[1].kind, "book", "book");
	ck_assert_int_eq(kc.items[1].count, 1);
	OK(learning_kind_counts(c, w.a, w.org, w.rita, NULL, "2026-12-31", &kc));
	ck_assert_int_eq(kc.n, 4);	/* article, book (the one before the window too), coaching, training_day */
	long n, m;
	OK(learning_goal_sums(c, w.org, w.rita, "2026-01-01", "2026-03-31", "book", w.trait1, &n, &m));
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(m, 180);
	OK(learning_goal_sums(c, w.org, w.rita, "2026-01-01", "2026-03-31", "", 0, &n, &m));
	ck_assert_int_eq(n, 4);
	ck_assert_int_eq(m, 690);
	OK(learning_goal_sums(c, w.org, w.rita, "2026-01-01", "2026-03-31", NULL, w.trait2, &n, &m));
	ck_assert_int_eq(n, 1);
	OK(learning_goal_sums(c, w.org, w.ron, "2026-01-01", "2026-03-31", "book", 0, &n, &m));
	ck_assert_int_eq(n, 0);
	arena_free(w.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-learning-index", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "learning-index-sqlite" : "learning-index-postgresql");
	const TTest *tests[] = { sums_per_rep_and_team, traits_kinds_goals };
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
