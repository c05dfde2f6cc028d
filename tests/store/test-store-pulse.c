/*
 * test-store-pulse: the wellbeing pulse's queries (store/pulse.c) and the
 * manager's "needs you now" items (service/pulse.c) against a real database
 * (SG_TEST_DB as for test-store: SQLite or PostgreSQL): one answer per rep
 * per week (a second one is E_CONFLICT and changes nothing), changing it,
 * the answers over the year end (2026 has a week 53), a team's weeks only
 * from three answers and only closed ones, the team of an answer kept when
 * the rep moves, sharing and revoking, and scoping by organisation. Each
 * test makes its own organisation.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/pulse.h"
#include "service/pulse.h"
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

/* team North (manager Max; reps Rita, Rob, Ria), team South (manager Mia, rep Sam) */
struct world {
	struct arena *a;
	int64_t org, north, south, max, rita, rob, ria, mia, sam;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "pu%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Pulse Org", "en", "EUR", &w->org));
	const char *names[] = { "max", "rita", "rob", "ria", "mia", "sam" };
	int64_t *ids[] = { &w->max, &w->rita, &w->rob, &w->ria, &w->mia, &w->sam };
	for (int i = 0; i < 6; i++) {
		snprintf(email, sizeof(email), "%s-%lld@pulse.test", names[i], (long long)w->org);
		OK(user_create(c, w->org, email, names[i], i == 0 || i == 4 ? "manager" : "rep", "x", ids[i]));
	}
	OK(team_create(c, w->org, "North", w->max, "", "", &w->north));
	OK(team_create(c, w->org, "South", w->mia, "", "", &w->south));
	OK(user_set_team(c, w->org, w->rita, w->north));
	OK(user_set_team(c, w->org, w->rob, w->north));
	OK(user_set_team(c, w->org, w->ria, w->north));
	OK(user_set_team(c, w->org, w->sam, w->south));
}

START_TEST(one_answer_a_week)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	OK(pulse_add(c, w.org, w.rita, w.north, "2027-W01", 4, 3, 2, "fine"));
	EXPECT(pulse_add(c, w.org, w.rita, w.north, "2027-W01", 1, 1, 5, "again"), E_CONFLICT);
	struct pulse_row r;
	OK(pulse_get(c, w.a, w.org, w.rita, "2027-W01", &r));
	ck_assert_int_eq(r.energy, 4);
	ck_str(r.comment, "fine", "the first answer stays");
	OK(pulse_change(c, w.org, w.rita, "2027-W01", 2, 3, 4, "tired"));
	OK(pulse_get(c, w.a, w.org, w.rita, "2027-W01", &r));
	ck_assert_int_eq(r.energy, 2);
	ck_assert_int_eq(r.workload, 4);
	ck_str(r.comment, "tired", "changed");
	EXPECT(pulse_change(c, w.org, w.rita, "2026-W50", 2, 3, 4, ""), E_NOTFOUND);
	/* the same week of another rep is another answer */
	OK(pulse_add(c, w.org, w.rob, w.north, "2027-W01", 3, 3, 3, ""));
	/* the year end: W52, W53, W01 in order */
	OK(pulse_add(c, w.org, w.rita, w.north, "2026-W53", 3, 3, 3, ""));
	OK(pulse_add(c, w.org, w.rita, w.north, "2026-W52", 3, 3, 3, ""));
	OK(pulse_add(c, w.org, w.rita, w.north, "2026-W40", 3, 3, 3, ""));
	struct pulse_list l;
	OK(pulse_list_rep(c, w.a, w.org, w.rita, "2026-W51", "2027-W01", &l));
	ck_assert_uint_eq(l.n, 3);
	ck_str(l.items[0].week, "2026-W52", "oldest first");
	ck_str(l.items[1].week, "2026-W53", "week 53");
	ck_str(l.items[2].week, "2027-W01", "newest last");
	/* another organisation sees none of it */
	EXPECT(pulse_get(c, x.a, x.org, w.rita, "2027-W01", &r), E_NOTFOUND);
	OK(pulse_list_rep(c, x.a, x.org, w.rita, "2000-W01", "2100-W01", &l));
	ck_assert_uint_eq(l.n, 0);
	EXPECT(pulse_change(c, x.org, w.rita, "2027-W01", 5, 5, 1, ""), E_NOTFOUND);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

START_TEST(team_weeks_three_and_closed)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	/* W52: three answers, 5 + 7 + 8 = 20 points; W53: two; W01 (now): three */
	OK(pulse_add(c, w.org, w.rita, w.north, "2026-W52", 2, 2, 5, ""));
	OK(pulse_add(c, w.org, w.rob, w.north, "2026-W52", 2, 3, 4, ""));
	OK(pulse_add(c, w.org, w.ria, w.north, "2026-W52", 3, 3, 4, ""));
	OK(pulse_add(c, w.org, w.rita, w.north, "2026-W53", 3, 3, 3, ""));
	OK(pulse_add(c, w.org, w.rob, w.north, "2026-W53", 3, 3, 3, ""));
	OK(pulse_add(c, w.org, w.rita, w.north, "2027-W01", 3, 3, 3, ""));
	OK(pulse_add(c, w.org, w.rob, w.north, "2027-W01", 3, 3, 3, ""));
	OK(pulse_add(c, w.org, w.ria, w.north, "2027-W01", 3, 3, 3, ""));
	/* Ria moves to South afterwards: her answers stay North's */
	OK(user_set_team(c, w.org, w.ria, w.south));
	struct pulse_team_weeks t;
	OK(pulse_team_weeks(c, w.a, w.org, w.north, "2026-W40", "2027-W01", &t));
	ck_assert_uint_eq(t.n, 1);
	ck_str(t.items[0].week, "2026-W52", "the one closed week with three answers");
	ck_assert_int_eq(t.items[0].count, 3);
	ck_assert_int_eq(t.items[0].points, 20);
	OK(pulse_team_weeks(c, w.a, w.org, w.south, "2026-W40", "2027-W01", &t));
	ck_assert_uint_eq(t.n, 0);
	/* a week later W01 has closed */
	OK(pulse_team_weeks(c, w.a, w.org, w.north, "2026-W40", "2027-W02", &t));
	ck_assert_uint_eq(t.n, 2);
	ck_str(t.items[1].week, "2027-W01", "closed now");
	OK(pulse_team_weeks(c, x.a, x.org, w.north, "2026-W40", "2027-W02", &t));
	ck_assert_uint_eq(t.n, 0);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

START_TEST(sharing_and_needs)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	int shared = 1;
	OK(pulse_shared_get(c, w.org, w.rita, &shared));
	ck_assert_int_eq(shared, 0);
	OK(pulse_shared_set(c, w.org, w.rita, 1));
	OK(pulse_shared_set(c, w.org, w.rita, 1));	/* twice: still one choice */
	OK(pulse_shared_get(c, w.org, w.rita, &shared));
	ck_assert_int_eq(shared, 1);
	struct pulse_sharers sh;
	OK(pulse_sharers(c, w.a, w.org, &w.north, 1, &sh));
	ck_assert_uint_eq(sh.n, 1);
	ck_assert_int_eq(sh.items[0].rep_id, w.rita);
	OK(pulse_sharers(c, w.a, w.org, &w.south, 1, &sh));
	ck_assert_uint_eq(sh.n, 0);
	OK(pulse_sharers(c, x.a, x.org, &w.north, 1, &sh));
	ck_assert_uint_eq(sh.n, 0);

	/* Rita: 2026-W49 12 points, 2026-W53 6 points: a fall of 2.0 over four
	 * weeks; North's W52: 5 + 7 + 8 = 20 points, 2.22: low */
	OK(pulse_add(c, w.org, w.rita, w.north, "2026-W49", 4, 4, 2, ""));
	OK(pulse_add(c, w.org, w.rita, w.north, "2026-W52", 2, 2, 5, ""));
	OK(pulse_add(c, w.org, w.rob, w.north, "2026-W52", 2, 3, 4, ""));
	OK(pulse_add(c, w.org, w.ria, w.north, "2026-W52", 3, 3, 4, ""));
	OK(pulse_add(c, w.org, w.rita, w.north, "2026-W53", 2, 2, 4, ""));
	/* Rob is at risk too (three weeks low) but does not share */
	OK(pulse_add(c, w.org, w.rob, w.north, "2026-W50", 1, 1, 5, ""));
	OK(pulse_add(c, w.org, w.rob, w.north, "2026-W51", 1, 1, 5, ""));
	struct viewer max = { .id = w.max, .org_id = w.org, .role = ROLE_MANAGER, .led_teams = &w.north, .nled = 1 };
	struct pulse_needs n;
	OK(pulse_needs_now(c, w.a, &max, "2027-01-06", &n));
	ck_assert_uint_eq(n.n, 2);
	ck_str(n.items[0].kind, "pulse_risk", "the shared risk first");
	ck_assert_int_eq(n.items[0].rep_id, w.rita);
	ck_assert_int_eq(n.items[0].risk, PULSE_RISK_FALL);
	ck_str(n.items[0].week, "2026-W53", "the latest answered week");
	ck_str(n.items[0].date, "2026-12-28", "its Monday");
	ck_str(n.items[1].kind, "pulse_team_low", "then the team");
	ck_assert_int_eq(n.items[1].count, 3);
	ck_assert_int_eq(n.items[1].points, 20);
	/* Mia leads South: nothing; an admin who leads no team: nothing */
	struct viewer mia = { .id = w.mia, .org_id = w.org, .role = ROLE_MANAGER, .led_teams = &w.south, .nled = 1 };
	OK(pulse_needs_now(c, w.a, &mia, "2027-01-06", &n));
	ck_assert_uint_eq(n.n, 0);
	struct viewer admin = { .id = w.mia, .org_id = w.org, .role = ROLE_ADMIN };
	OK(pulse_needs_now(c, w.a, &admin, "2027-01-06", &n));
	ck_assert_uint_eq(n.n, 0);
	/* revoked: Rita's risk is gone; the team's average stays */
	OK(pulse_shared_set(c, w.org, w.rita, 0));
	OK(pulse_needs_now(c, w.a, &max, "2027-01-06", &n));
	ck_assert_uint_eq(n.n, 1);
	ck_str(n.items[0].kind, "pulse_team_low", "only the team");
	/* on the Sunday of W52 the week had not closed: nothing */
	OK(pulse_needs_now(c, w.a, &max, "2026-12-27", &n));
	ck_assert_uint_eq(n.n, 0);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-pulse", 0))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "pulse-sqlite" : "pulse-postgresql");
	const TTest *tests[] = { one_answer_a_week, team_weeks_three_and_closed, sharing_and_needs };
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
