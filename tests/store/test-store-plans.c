/*
 * test-store-plans: the store queries of development plans and recognition
 * (store/plans.c) against a real database (SG_TEST_DB: SQLite or
 * PostgreSQL; unset: a temporary SQLite file). Each test makes its own
 * organisation; main runs the list forwards and then backwards.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/plans.h"
#include "store/traits.h"
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

/* an organisation with team North (manager Max, reps Rita and Ron) and
 * team South (manager Mia, rep Rob) */
struct world {
	int64_t org, rita, ron, rob, max, mia, north, south;
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "pl%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Plans", "en", "EUR", &w->org));
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
}

START_TEST(plan_goals_balance_and_overlap)
{
	struct world w;
	world_new(&w);
	int64_t id = 0, found = -1;
	OK(plan_create(c, w.org, w.rita, "H1", "2026-01-01", "2026-06-30", w.max, &id));
	ck_assert_int_gt(id, 0);
	/* an open plan overlapping: found; one after it: not */
	OK(plan_open_overlapping(c, w.org, w.rita, "2026-06-30", "2026-09-30", 0, &found));
	ck_assert_int_eq(found, id);
	OK(plan_open_overlapping(c, w.org, w.rita, "2026-07-01", "2026-12-31", 0, &found));
	ck_assert_int_eq(found, 0);
	OK(plan_open_overlapping(c, w.org, w.rita, "2026-03-01", "2026-03-31", id, &found));
	ck_assert_int_eq(found, 0);
	OK(plan_open_overlapping(c, w.org, w.ron, "2026-03-01", "2026-03-31", 0, &found));
	ck_assert_int_eq(found, 0);
	/* the same start twice is refused by the database */
	int64_t dup = 0;
	EXPECT(plan_create(c, w.org, w.rita, "again", "2026-01-01", "2026-02-01", w.max, &dup), E_CONFLICT);

	int64_t g1, g2, g3;
	OK(plan_goal_add(c, w.org, id, "achievement", "Every conversation ends in a step or a stop", 0,
			 "commitment_rate", 0.5, 0.8, &g1));
	OK(plan_goal_add(c, w.org, id, "result", "Revenue", 0, "attainment", 0.4, 1.0, &g2));
	OK(plan_goal_add(c, w.org, id, "result", "New deals", 0, "", NAN, NAN, &g3));
	struct plan p;
	OK(plan_get(c, w.a, w.org, id, &p));
	ck_assert_int_eq(p.achievement_goals, 1);
	ck_assert_int_eq(p.result_goals, 2);
	ck_assert_int_eq(p.rep_team_id, w.north);
	ck_str(p.status, "open", "status");
	ck_str(p.period_end, "2026-06-30", "end");
	/* a dropped goal does not count */
	OK(plan_goal_update(c, w.org, g1, NULL, "dropped", NAN));
	OK(plan_get(c, w.a, w.org, id, &p));
	ck_assert_int_eq(p.achievement_goals, 0);
	struct plan_goal *g;
	size_t n;
	OK(plan_goals_list(c, w.a, w.org, id, &g, &n));
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(g[0].id, g1);
	ck_str(g[0].status, "dropped", "dropped");
	ck_assert_double_eq_tol(g[0].baseline, 0.5, 1e-9);
	ck_assert_double_eq_tol(g[1].target, 1.0, 1e-9);
	ck_assert(isnan(g[2].baseline) && isnan(g[2].target));
	OK(plan_goal_update(c, w.org, g2, "More revenue", NULL, 1.2));
	struct plan_goal one;
	OK(plan_goal_get(c, w.a, w.org, g2, &one));
	ck_str(one.title, "More revenue", "title");
	ck_assert_double_eq_tol(one.target, 1.2, 1e-9);
	ck_assert_double_eq_tol(one.baseline, 0.4, 1e-9);

	/* closed: no longer overlapping as an open plan, current none */
	OK(plan_current(c, w.a, w.org, w.rita, "2026-03-01", &p));
	ck_assert_int_eq(p.id, id);
	OK(plan_update(c, w.org, id, NULL, "closed"));
	OK(plan_get(c, w.a, w.org, id, &p));
	ck_str(p.status, "closed", "closed");
	ck_assert_int_gt(p.closed_at, 0);
	OK(plan_open_overlapping(c, w.org, w.rita, "2026-03-01", "2026-03-31", 0, &found));
	ck_assert_int_eq(found, 0);
	EXPECT(plan_current(c, w.a, w.org, w.rita, "2026-03-01", &p), E_NOTFOUND);
	EXPECT(plan_get(c, w.a, w.org + 100000, id, &p), E_NOTFOUND);
	arena_free(w.a);
}
END_TEST

START_TEST(plans_scoped)
{
	struct world w, other;
	world_new(&w);
	world_new(&other);
	int64_t pr, pn, pb, px;
	OK(plan_create(c, w.org, w.rita, "Rita", "2026-01-01", "2026-06-30", w.max, &pr));
	OK(plan_create(c, w.org, w.ron, "Ron", "2026-01-01", "2026-06-30", w.max, &pn));
	OK(plan_create(c, w.org, w.rob, "Rob", "2026-01-01", "2026-06-30", w.mia, &pb));
	OK(plan_create(c, other.org, other.rita, "X", "2026-01-01", "2026-06-30", other.max, &px));
	struct plan *l;
	size_t n;
	int64_t total;
	struct plan_scope rep = { w.rita, 0 }, max = { 0, w.max }, mia = { 0, w.mia }, nobody = { 0, w.rob };
	OK(plans_list(c, w.a, w.org, &rep, 50, 0, &l, &n, &total));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(l[0].id, pr);
	OK(plans_list(c, w.a, w.org, &max, 50, 0, &l, &n, &total));
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(total, 2);
	ck_assert(l[0].id != pb && l[1].id != pb);
	/* paged */
	OK(plans_list(c, w.a, w.org, &max, 1, 1, &l, &n, &total));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(total, 2);
	OK(plans_list(c, w.a, w.org, &mia, 50, 0, &l, &n, &total));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(l[0].id, pb);
	OK(plans_list(c, w.a, w.org, &nobody, 50, 0, &l, &n, &total));	/* leads nothing: none */
	ck_assert_uint_eq(n, 0);
	/* the other organisation's plan under this organisation: none */
	struct plan_scope xrep = { other.rita, 0 };
	OK(plans_list(c, w.a, w.org, &xrep, 50, 0, &l, &n, &total));
	ck_assert_uint_eq(n, 0);
	(void)pn;
	(void)px;
	arena_free(w.a);
	arena_free(other.a);
}
END_TEST

START_TEST(actions_checkins_recognitions)
{
	struct world w;
	world_new(&w);
	int64_t id, a1, a2, a3, k1, k2, r1, r2;
	OK(plan_create(c, w.org, w.rita, "H1", "2026-01-01", "2026-06-30", w.max, &id));
	OK(plan_action_add(c, w.org, id, 0, "Prepare three price arguments", w.rita, "2026-02-01", &a1));
	OK(plan_action_add(c, w.org, id, 0, "Ride along twice", w.max, "2026-03-01", &a2));
	OK(plan_action_add(c, w.org, id, 0, "Read the objection guide", w.rita, "", &a3));
	struct plan_action *x;
	size_t n;
	OK(plan_actions_list(c, w.a, w.org, id, &x, &n));
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(x[0].id, a1);
	ck_assert_int_eq(x[2].id, a3);	/* no due date: last */
	ck_str(x[2].due, "", "no due date");
	ck_str(x[1].owner_name, "max", "owner");
	/* due for Rita up to 2026-02-15: a1 only (a3 has no date, a2 is Max's) */
	OK(plan_actions_due(c, w.a, w.org, w.rita, "2026-02-15", 10, &x, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(x[0].id, a1);
	ck_assert_int_eq(x[0].rep_id, w.rita);
	OK(plan_action_done(c, w.org, a1, "2026-01-30"));
	OK(plan_actions_due(c, w.a, w.org, w.rita, "2026-02-15", 10, &x, &n));
	ck_assert_uint_eq(n, 0);
	struct plan_action one;
	OK(plan_action_get(c, w.a, w.org, a1, &one));
	ck_str(one.done_on, "2026-01-30", "done");
	EXPECT(plan_action_get(c, w.a, w.org + 100000, a1, &one), E_NOTFOUND);
	EXPECT(plan_action_done(c, w.org + 100000, a2, "2026-01-30"), E_NOTFOUND);

	OK(plan_checkin_add(c, w.org, id, w.rita, "2026-02-01", "first", &k1));
	OK(plan_checkin_add(c, w.org, id, w.max, "2026-03-01", "second", &k2));
	struct plan_checkin *k;
	OK(plan_checkins_list(c, w.a, w.org, id, &k, &n));
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(k[0].id, k2);	/* newest first */
	ck_str(k[1].note, "first", "note");

	OK(recognition_add(c, w.org, w.rita, w.max, "effort", "kept at it", "checkin", k2, &r1));
	OK(recognition_add(c, w.org, w.rob, w.mia, "win", "closed Acme", "other", 0, &r2));
	struct recognition *r;
	int64_t total;
	struct plan_scope rita = { w.rita, 0 }, max = { 0, w.max };
	OK(recognitions_list(c, w.a, w.org, &rita, 10, 0, &r, &n, &total));
	ck_assert_uint_eq(n, 1);
	ck_str(r[0].note, "kept at it", "note");
	ck_str(r[0].source, "checkin", "source");
	ck_assert_int_eq(r[0].source_id, k2);
	ck_str(r[0].giver_name, "max", "giver");
	OK(recognitions_list(c, w.a, w.org, &max, 10, 0, &r, &n, &total));
	ck_assert_uint_eq(n, 1);	/* not Rob's */
	ck_assert_int_eq(r[0].id, r1);
	/* an unknown kind is refused by the database too */
	int64_t bad = 0;
	ck_assert(recognition_add(c, w.org, w.rita, w.max, "luck", "", "other", 0, &bad) != E_OK);
	arena_free(w.a);
}
END_TEST

START_TEST(goal_traits)
{
	struct world w, other;
	world_new(&w);
	world_new(&other);
	struct trait_list tl, xl;
	OK(trait_list(c, w.a, w.org, LANG_EN, TRAITS_ACTIVE, &tl));
	OK(trait_list(c, w.a, other.org, LANG_EN, TRAITS_ACTIVE, &xl));
	ck_assert_uint_ge(tl.n, 5);
	const char *name;
	OK(plan_trait_name(c, w.a, w.org, tl.items[0].id, &name));
	ck_str(name, tl.items[0].name, "trait name");
	/* another organisation's trait, and a retired one, are not for goals */
	EXPECT(plan_trait_name(c, w.a, w.org, xl.items[0].id, &name), E_NOTFOUND);
	OK(DBX(c, "UPDATE traits SET retired_at = 1 WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(tl.items[1].id)));
	EXPECT(plan_trait_name(c, w.a, w.org, tl.items[1].id, &name), E_NOTFOUND);
	/* a goal names its trait and the default it was seeded from */
	int64_t id, g;
	OK(plan_create(c, w.org, w.rita, "T", "2026-01-01", "2026-03-31", w.max, &id));
	OK(plan_goal_add(c, w.org, id, "achievement", "Ask", tl.items[0].id, "", NAN, NAN, &g));
	struct plan_goal one;
	OK(plan_goal_get(c, w.a, w.org, g, &one));
	ck_assert_int_eq(one.trait_id, tl.items[0].id);
	ck_str(one.trait_code, tl.items[0].code, "trait code");
	arena_free(w.a);
	arena_free(other.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-plans", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "plans-sqlite" : "plans-postgresql");
	const TTest *tests[] = { plan_goals_balance_and_overlap, plans_scoped, actions_checkins_recognitions, goal_traits };
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
