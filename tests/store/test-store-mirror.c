/*
 * test-store-mirror: the store queries of the manager's own mirror
 * (store/mirror.c) against a real database (SG_TEST_DB: SQLite or
 * PostgreSQL; unset: a temporary SQLite file): self-assessments oldest
 * first and only the manager's own; a round's count and sums; a second
 * answer of the same user refused with nothing stored; the rounds a member
 * may answer (the managers of their teams, open ones, not their own); and
 * nothing across organisations. Each test makes its own organisation.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/mirror.h"
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

struct world {
	int64_t org, rita, ron, rob, max, mia;
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	int64_t north, south;
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "mirror%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Mirror", "en", "EUR", &w->org));
	struct { const char *who, *role; int64_t *id; } people[] = {
		{ "rita", "rep", &w->rita }, { "ron", "rep", &w->ron }, { "rob", "rep", &w->rob },
		{ "max", "manager", &w->max }, { "mia", "manager", &w->mia },
	};
	for (size_t i = 0; i < N_ELEMS(people); i++) {
		snprintf(email, sizeof(email), "%s@%s.test", people[i].who, slug);
		OK(user_create(c, w->org, email, people[i].who, people[i].role, "x", people[i].id));
	}
	OK(team_create(c, w->org, "North", w->max, "", "", &north));
	OK(team_create(c, w->org, "South", w->mia, "", "", &south));
	OK(user_set_team(c, w->org, w->rita, north));
	OK(user_set_team(c, w->org, w->ron, north));
	OK(user_set_team(c, w->org, w->rob, south));
}

START_TEST(self_assessments)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	const int s1[MIRROR_SKILLS] = { 2, 3, 2, 3, 3 }, s2[MIRROR_SKILLS] = { 3, 4, 3, 3, 4 };
	const char *const ev[MIRROR_SKILLS] = { "", "Ride-alongs", "", "", "" };
	OK(mirror_assessment_add(c, w.org, w.max, "2026-12-01", s2, ev, NULL));
	OK(mirror_assessment_add(c, w.org, w.max, "2026-06-01", s1, ev, NULL));
	struct manager_assessment *m;
	size_t n;
	OK(mirror_assessments(c, w.a, w.org, w.max, &m, &n));
	ck_assert_uint_eq(n, 2);
	ck_str(m[0].assessed_on, "2026-06-01", "oldest first");
	ck_assert_int_eq(m[1].score[1], 4);
	ck_str(m[1].evidence[1], "Ride-alongs", "evidence");
	OK(mirror_assessments(c, w.a, w.org, w.mia, &m, &n));
	ck_assert_uint_eq(n, 0);
	OK(mirror_assessments(c, x.a, x.org, w.max, &m, &n));
	ck_assert_uint_eq(n, 0);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

START_TEST(rounds_and_answers)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	int64_t round;
	OK(mirror_round_open(c, w.org, w.max, "2026-12-01", &round));
	struct upward_todo *t;
	size_t n;
	OK(mirror_rounds_for(c, w.a, w.org, w.rita, &t, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(t[0].answered, 0);
	OK(mirror_rounds_for(c, w.a, w.org, w.rob, &t, &n));
	ck_assert_uint_eq(n, 0);		/* South's rep: not Max's round */
	OK(mirror_rounds_for(c, w.a, w.org, w.max, &t, &n));
	ck_assert_uint_eq(n, 0);		/* never one's own */
	const int a1[MIRROR_SKILLS] = { 4, 4, 3, 5, 2 }, a2[MIRROR_SKILLS] = { 3, 5, 3, 4, 4 };
	OK(mirror_answer(c, w.org, round, w.rita, a1, "More ride-alongs"));
	EXPECT(mirror_answer(c, w.org, round, w.rita, a2, "again"), E_CONFLICT);
	OK(mirror_answer(c, w.org, round, w.ron, a2, ""));
	struct upward_round u;
	OK(mirror_round_get(c, w.a, w.org, round, &u));
	ck_assert_int_eq(u.answers, 2);
	ck_assert_int_eq(u.sum[0], 7);
	ck_assert_int_eq(u.sum[1], 9);
	ck_str(u.closed_on, "", "open");
	OK(mirror_rounds_for(c, w.a, w.org, w.rita, &t, &n));
	ck_assert_int_eq(t[0].answered, 1);
	const char **comments;
	size_t nc;
	OK(mirror_round_comments(c, w.a, w.org, round, &comments, &nc));
	ck_assert_uint_eq(nc, 1);		/* an empty comment is none; the refused one was not stored */
	ck_str(comments[0], "More ride-alongs", "comment");
	/* closed by its manager only; then nobody's to answer */
	EXPECT(mirror_round_close(c, w.org, w.mia, round, "2026-12-07"), E_NOTFOUND);
	OK(mirror_round_close(c, w.org, w.max, round, "2026-12-07"));
	EXPECT(mirror_round_close(c, w.org, w.max, round, "2026-12-07"), E_NOTFOUND);
	OK(mirror_rounds_for(c, w.a, w.org, w.rita, &t, &n));
	ck_assert_uint_eq(n, 0);
	struct upward_round *ul;
	OK(mirror_rounds(c, w.a, w.org, w.max, &ul, &n));
	ck_assert_uint_eq(n, 1);
	ck_str(ul[0].closed_on, "2026-12-07", "closed");
	/* another organisation: nothing */
	EXPECT(mirror_round_get(c, x.a, x.org, round, &u), E_NOTFOUND);
	OK(mirror_rounds(c, x.a, x.org, w.max, &ul, &n));
	ck_assert_uint_eq(n, 0);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-mirror", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "mirror-sqlite" : "mirror-postgresql");
	const TTest *tests[] = { self_assessments, rounds_and_answers };
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
