/*
 * test-store-improve: the store queries of improvement plans (store/improve.c,
 * migration 0018) against a real database (SG_TEST_DB: SQLite or
 * PostgreSQL; unset: a temporary SQLite file): a flag becomes a plan when
 * it has its days, the lists by rep (the rep's without flags) and by the
 * manager's teams, undecided and decided, the first open review, items of
 * the three kinds, a decision stored once (a second is a conflict and
 * changes nothing), and nothing across organisations.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/improve.h"
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
	snprintf(slug, sizeof(slug), "ip%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Improve", "en", "EUR", &w->org));
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

START_TEST(flag_plan_items_decision)
{
	struct world w;
	world_new(&w);
	int64_t id, other;
	/* a flag without days */
	OK(improve_create(c, w.org, w.rita, "flag", "", "2026-10-05", "", "", NULL, NULL, w.max, &id));
	struct improve_plan p;
	OK(improve_get(c, w.a, w.org, id, &p));
	ck_str(p.status, "flagged", "a flag without days");
	ck_str(p.team_name, "North", "the rep's team");
	ck_str(p.plan_start, "", "no first day");
	OK(improve_undecided_of(c, w.org, w.rita, &other));
	ck_assert_int_eq(other, id);
	/* the diagnosis and the days: now a plan */
	OK(improve_update(c, w.org, id, "will", "He said the leads are poor.", "2026-10-12", "2026-12-31"));
	OK(improve_get(c, w.a, w.org, id, &p));
	ck_str(p.status, "open", "days make it a plan");
	ck_str(p.diagnosis, "will", "diagnosis");
	ck_str(p.diagnosis_notes, "He said the leads are poor.", "notes");
	/* NULL leaves a field as it is */
	OK(improve_update(c, w.org, id, NULL, NULL, NULL, NULL));
	OK(improve_get(c, w.a, w.org, id, &p));
	ck_str(p.diagnosis, "will", "unchanged");
	/* items */
	struct improve_item x = { 0 };
	x.plan_id = id;
	x.kind = "expectation";
	x.metric = "commitment_rate";
	x.baseline = 0.3;
	x.target = 0.75;
	int64_t e1, s1, r1, r2;
	OK(improve_item_add(c, w.org, &x, &e1));
	memset(&x, 0, sizeof(x));
	x.plan_id = id;
	x.kind = "support";
	x.support_kind = "ride_along";
	x.text = "Twice a month";
	x.baseline = x.target = NAN;
	OK(improve_item_add(c, w.org, &x, &s1));
	memset(&x, 0, sizeof(x));
	x.plan_id = id;
	x.kind = "review";
	x.on_date = "2026-11-30";
	x.baseline = x.target = NAN;
	OK(improve_item_add(c, w.org, &x, &r2));
	x.on_date = "2026-11-02";
	OK(improve_item_add(c, w.org, &x, &r1));
	OK(improve_get(c, w.a, w.org, id, &p));
	ck_str(p.first_open_review, "2026-11-02", "the earliest review without an outcome");
	OK(improve_item_outcome(c, w.org, r1, "Better."));
	OK(improve_get(c, w.a, w.org, id, &p));
	ck_str(p.first_open_review, "2026-11-30", "the next one once noted");
	EXPECT(improve_item_outcome(c, w.org, s1, "Not a review"), E_NOTFOUND);
	struct improve_item *items;
	size_t n;
	OK(improve_items_list(c, w.a, w.org, id, &items, &n));
	ck_assert_uint_eq(n, 4);
	ck_str(items[0].kind, "expectation", "expectations first");
	ck_assert(fabs(items[0].target - 0.75) < 1e-9 && fabs(items[0].baseline - 0.3) < 1e-9);
	ck_str(items[1].kind, "support", "then support");
	ck_assert(isnan(items[1].target));
	ck_str(items[2].on_date, "2026-11-02", "reviews by date");
	ck_str(items[2].outcome, "Better.", "outcome");
	/* extended once: open, new last day */
	OK(improve_decide_store(c, w.org, id, "open", "", "2027-03-31", 1, "", "2026-12-20"));
	OK(improve_get(c, w.a, w.org, id, &p));
	ck_str(p.status, "open", "extended stays open");
	ck_str(p.extended_on, "2026-12-20", "extended on");
	ck_str(p.plan_end, "2027-03-31", "new last day");
	ck_str(p.decided_on, "", "no decision yet");
	/* decided */
	OK(improve_decide_store(c, w.org, id, "closed", "parting", "2027-03-31", 1, "Agreed with HR.", "2027-02-01"));
	OK(improve_get(c, w.a, w.org, id, &p));
	ck_str(p.status, "closed", "decided");
	ck_str(p.decision, "parting", "decision");
	ck_str(p.decided_on, "2027-02-01", "decided on");
	ck_str(p.extended_on, "2026-12-20", "the extension stays");
	/* a second decision: a conflict, nothing changes */
	EXPECT(improve_decide_store(c, w.org, id, "closed", "improved", "2027-03-31", 1, "", "2027-02-02"), E_CONFLICT);
	EXPECT(improve_update(c, w.org, id, "skill", NULL, NULL, NULL), E_CONFLICT);
	OK(improve_get(c, w.a, w.org, id, &p));
	ck_str(p.decision, "parting", "unchanged decision");
	ck_str(p.diagnosis, "will", "unchanged diagnosis");
	OK(improve_undecided_of(c, w.org, w.rita, &other));
	ck_assert_int_eq(other, 0);
	/* the database refuses a closed plan without a decision */
	ck_assert_int_ne(DBX(c, "UPDATE improvement_plans SET decision = '' WHERE org_id = $1 AND id = $2", P_I(w.org),
			     P_I(id)), E_OK);
	arena_free(w.a);
}
END_TEST

START_TEST(lists_scoped)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	int64_t flag, plan, rob, closed, theirs;
	OK(improve_create(c, w.org, w.rita, "flag", "", "2026-10-05", "", "", NULL, NULL, w.max, &flag));
	OK(improve_create(c, w.org, w.ron, "tiers", "2026-Q3", "2026-10-01", "skill", "n", "2026-10-01", "2026-12-31",
			  w.max, &plan));
	OK(improve_create(c, w.org, w.rob, "flag", "", "2026-10-02", "", "", "2026-10-02", "2026-12-31", w.mia, &rob));
	OK(improve_create(c, w.org, w.rita, "flag", "", "2025-10-05", "", "", "2025-10-05", "2025-12-31", w.max, &closed));
	OK(improve_decide_store(c, w.org, closed, "closed", "improved", "2025-12-31", 0, "", "2026-01-05"));
	OK(improve_create(c, x.org, x.rita, "flag", "", "2026-10-05", "", "", NULL, NULL, x.max, &theirs));
	struct improve_plan *l;
	size_t n;
	int64_t total;
	/* Max: North's four (undecided first), not Rob's, not the other organisation's */
	struct improve_scope s = { 0, w.max, 0, NULL };
	OK(improve_list(c, w.a, w.org, &s, 50, 0, &l, &n, &total));
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(total, 3);
	ck_str(l[2].status, "closed", "the decided one last");
	s.status = "closed";
	OK(improve_list(c, w.a, w.org, &s, 50, 0, &l, &n, &total));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(l[0].id, closed);
	s.status = "undecided";
	OK(improve_list(c, w.a, w.org, &s, 50, 0, &l, &n, &total));
	ck_assert_uint_eq(n, 2);
	/* Rita's own: the flag is hidden from her */
	struct improve_scope mine = { w.rita, 0, 1, NULL };
	OK(improve_list(c, w.a, w.org, &mine, 50, 0, &l, &n, &total));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(l[0].id, closed);
	mine.hide_flagged = 0;
	OK(improve_list(c, w.a, w.org, &mine, 50, 0, &l, &n, &total));
	ck_assert_uint_eq(n, 2);
	/* bounded */
	OK(improve_list(c, w.a, w.org, &s, 1, 0, &l, &n, &total));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(total, 2);
	/* nobody named: nothing */
	struct improve_scope none = { 0, 0, 0, NULL };
	OK(improve_list(c, w.a, w.org, &none, 50, 0, &l, &n, &total));
	ck_assert_uint_eq(n, 0);
	/* another organisation's plan is not found by id */
	struct improve_plan p;
	EXPECT(improve_get(c, w.a, w.org, theirs, &p), E_NOTFOUND);
	EXPECT(improve_update(c, w.org, theirs, "skill", NULL, NULL, NULL), E_NOTFOUND);
	EXPECT(improve_decide_store(c, w.org, theirs, "closed", "improved", NULL, 0, "", "2026-11-01"), E_CONFLICT);
	OK(improve_get(c, x.a, x.org, theirs, &p));
	ck_str(p.status, "flagged", "untouched by the other organisation");
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-improve", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "improve-sqlite" : "improve-postgresql");
	const TTest *tests[] = { flag_plan_items_decision, lists_scoped };
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
