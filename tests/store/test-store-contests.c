/*
 * test-store-contests: contests and leaderboards against a real database
 * (SG_TEST_DB: SQLite or PostgreSQL; unset: a temporary SQLite file): a
 * contest's standings from won deals (ties share a place), frozen at the
 * first read after its end and never again — a won deal dated inside the
 * period added after the freeze leaves them unchanged, a second freeze is
 * refused —, the sweep freezing what has ended once, a team's revenue
 * setting keeping its reps off a revenue leaderboard (its total instead),
 * the leaderboard's revenue equal to the numbers grid's, contests ending
 * soon for a manager, and nothing reaching into another organisation.
 * Levers (issue 10), more: the revenue setting is audited as the team's
 * change (one row, show_revenue before and after; none for a team not
 * found), and a leaderboard's minimum leaves the reps below it unranked.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/stages.h"
#include "store/deals.h"
#include "store/numbers.h"
#include "store/contests.h"
#include "store/audit.h"
#include "service/leaderboard.h"
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

/* team North (manager Max, reps Rita and Ron), team South (manager Mia,
 * rep Rob), admin Ann */
struct world {
	int64_t org, rita, ron, rob, max, mia, ann, north, south, first_open;
	int64_t teams[2];
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "contests%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Contests", "en", "EUR", &w->org));
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
	w->teams[0] = w->north;
	w->teams[1] = w->south;
	int64_t won, lost;
	OK(stages_ensure(c, w->org, LANG_EN));
	OK(stage_special(c, w->org, &w->first_open, &won, &lost));
}

/* a deal of owner worth minor, won on day */
static void won_deal(struct world *w, int64_t owner, int64_t minor, const char *day)
{
	static int n;
	char title[32];
	snprintf(title, sizeof(title), "Deal %d", ++n);
	int64_t acc = 0, id = 0;
	OK(account_create(c, w->org, title, owner, NULL, &acc));
	struct deal_input in = { .title = title, .account_id = acc, .value_minor = minor, .currency = "EUR",
				 .owner_id = owner, .stage_id = w->first_open, .product = "" };
	OK(deal_create(c, w->org, &in, day, &id));
	OK(deal_close(c, w->org, id, "won", NULL, "", day));
}

static const struct contest_standing *line_of(const struct leaderboard *lb, int64_t rep)
{
	for (size_t i = 0; i < lb->n; i++)
		if (lb->lines[i].rep_id == rep)
			return &lb->lines[i];
	return NULL;
}

static int64_t november_revenue(struct world *w, int64_t id, const char *today, struct leaderboard *lb)
{
	struct contest k = { .name = "November revenue", .figure = "revenue", .base = "", .mode = "individual",
			     .starts_on = "2026-11-01", .ends_on = "2026-11-30", .prize = "Dinner",
			     .created_by = w->max, .team_ids = w->teams, .nteams = 2 };
	if (!id)
		OK(contest_create(c, w->org, &k, &id));
	struct contest got;
	OK(contest_get(c, w->a, w->org, id, &got));
	OK(contest_standings_read(c, w->a, w->org, &got, today, lb));
	return id;
}

START_TEST(freeze_once_late_data_ignored)
{
	struct world w;
	world_new(&w);
	won_deal(&w, w.rita, 500000, "2026-11-05");
	won_deal(&w, w.ron, 300000, "2026-11-10");
	won_deal(&w, w.rob, 300000, "2026-11-12");
	won_deal(&w, w.rob, 900000, "2026-10-31");	/* before: does not count */
	struct leaderboard lb;
	/* running: live, not frozen */
	int64_t id = november_revenue(&w, 0, "2026-11-20", &lb);
	ck_assert_uint_eq(lb.n, 3);
	ck_assert_int_eq(lb.lines[0].rep_id, w.rita);
	ck_assert_int_eq(lb.lines[0].place, 1);
	ck_assert_int_eq(lb.lines[1].place, 2);	/* Ron and Rob tie on 3,000 */
	ck_assert_int_eq(lb.lines[2].place, 2);
	ck_assert(fabs(lb.lines[1].value - 300000) < 0.5);
	struct contest k;
	OK(contest_get(c, w.a, w.org, id, &k));
	ck_assert_int_eq(k.frozen_at, 0);
	ck_assert_uint_eq(k.nteams, 2);
	/* the first read after the end freezes */
	november_revenue(&w, id, "2026-12-02", &lb);
	OK(contest_get(c, w.a, w.org, id, &k));
	ck_assert_int_gt(k.frozen_at, 0);
	ck_str(k.frozen_on, "2026-12-02", "frozen on the day of the first read");
	ck_assert_uint_eq(lb.n, 3);
	/* a late won deal inside the period: the final standings stand */
	won_deal(&w, w.rob, 400000, "2026-11-20");
	november_revenue(&w, id, "2026-12-03", &lb);
	ck_assert_uint_eq(lb.n, 3);
	ck_assert_int_eq(lb.lines[0].rep_id, w.rita);
	const struct contest_standing *rob = line_of(&lb, w.rob);
	ck_assert_ptr_nonnull(rob);
	ck_assert(fabs(rob->value - 300000) < 0.5);
	ck_assert_int_eq(rob->place, 2);
	/* frozen once: a second freeze is refused and writes nothing */
	struct contest_standing fake = { w.rob, w.south, "rob", "South", 1, 1, 1e9, 0, 0 };
	EXPECT(contest_freeze(c, w.org, id, "2026-12-03", &fake, 1), E_CONFLICT);
	struct contest_standing *rows;
	size_t n;
	OK(contest_standings_get(c, w.a, w.org, id, &rows, &n));
	ck_assert_uint_eq(n, 3);
	/* a frozen contest is not changed */
	k.name = "Renamed";
	EXPECT(contest_update(c, w.org, &k), E_CONFLICT);
	/* live, the same rep's figure now counts the late deal */
	struct lb_query q = { FIG_REVENUE, FIG_REVENUE, 0, w.teams, 2, "2026-11-01", "2026-11-30", "2026-12-03", 0 };
	OK(leaderboard_compute(c, w.a, w.org, &q, &lb));
	rob = line_of(&lb, w.rob);
	ck_assert(fabs(rob->value - 700000) < 0.5);
	/* equal to the numbers grid of the same period */
	struct period p;
	ck_assert_int_eq(period_parse("2026-11", 1, &p), 0);
	struct numbers_scope s = { 0, 0, 0 };
	struct numbers_grid g;
	OK(numbers_grid_load(c, w.a, w.org, &s, &p, 1, RESULTS_DEALS, &g));
	for (size_t i = 0; i < g.nreps; i++)
		if (g.reps[i].user_id == w.rob)
			ck_assert_int_eq(g.result_minor[i], 700000);
	arena_free(w.a);
}
END_TEST

START_TEST(sweep_and_ending)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	struct contest k = { .name = "Steps", .figure = "steps_kept", .base = "", .mode = "team",
			     .starts_on = "2026-11-01", .ends_on = "2026-11-30", .prize = "",
			     .created_by = w.max, .team_ids = w.teams, .nteams = 1 };
	int64_t ended, running, other;
	OK(contest_create(c, w.org, &k, &ended));
	k.starts_on = "2026-12-01";
	k.ends_on = "2026-12-10";
	OK(contest_create(c, w.org, &k, &running));
	k.team_ids = &w.south;
	k.created_by = w.mia;
	OK(contest_create(c, w.org, &k, &other));
	size_t frozen;
	OK(contests_sweep(c, w.a, w.org, "2026-12-05", &frozen));
	ck_assert_uint_eq(frozen, 1);
	OK(contests_sweep(c, w.a, w.org, "2026-12-05", &frozen));
	ck_assert_uint_eq(frozen, 0);
	struct contest got;
	OK(contest_get(c, w.a, w.org, ended, &got));
	ck_assert_int_gt(got.frozen_at, 0);
	OK(contest_get(c, w.a, w.org, running, &got));
	ck_assert_int_eq(got.frozen_at, 0);
	/* ending within 7 days: Max's team's running one; Mia's her own */
	struct contest *list;
	size_t n;
	OK(contests_ending(c, w.a, w.org, w.max, "2026-12-05", 7, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(list[0].id, running);
	OK(contests_ending(c, w.a, w.org, w.mia, "2026-12-05", 7, &list, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(list[0].id, other);
	OK(contests_ending(c, w.a, w.org, w.max, "2026-12-05", 3, &list, &n));
	ck_assert_uint_eq(n, 0);
	/* another organisation sees none of them */
	EXPECT(contest_get(c, x.a, x.org, running, &got), E_NOTFOUND);
	OK(contests_list(c, x.a, x.org, &list, &n));
	ck_assert_uint_eq(n, 0);
	EXPECT(contest_delete(c, x.org, running), E_NOTFOUND);
	OK(contest_delete(c, w.org, running));
	EXPECT(contest_get(c, w.a, w.org, running, &got), E_NOTFOUND);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

START_TEST(hidden_revenue)
{
	struct world w;
	world_new(&w);
	won_deal(&w, w.rita, 500000, "2026-11-05");
	won_deal(&w, w.rob, 200000, "2026-11-12");
	won_deal(&w, w.rob, 100000, "2026-11-13");
	OK(contests_team_revenue_set(c, w.org, w.south, 0));
	struct leaderboard lb;
	struct lb_query q = { FIG_REVENUE, FIG_REVENUE, 0, NULL, 0, "2026-11-01", "2026-11-30", "2026-12-03", 0 };
	OK(leaderboard_compute(c, w.a, w.org, &q, &lb));
	ck_assert_ptr_null(line_of(&lb, w.rob));
	ck_assert_ptr_nonnull(line_of(&lb, w.rita));
	ck_assert_uint_eq(lb.ntotals, 1);
	ck_assert_int_eq(lb.totals[0].team_id, w.south);
	ck_assert(fabs(lb.totals[0].value - 300000) < 0.5);
	/* an effort figure lists Rob all the same */
	q.figure = q.base = FIG_NEW_DEALS;
	OK(leaderboard_compute(c, w.a, w.org, &q, &lb));
	ck_assert_ptr_nonnull(line_of(&lb, w.rob));
	ck_assert(fabs(line_of(&lb, w.rob)->value - 2) < 1e-9);
	ck_assert_uint_eq(lb.ntotals, 0);
	/* teams: the totals, ranked */
	q.figure = q.base = FIG_REVENUE;
	q.team_mode = 1;
	OK(leaderboard_compute(c, w.a, w.org, &q, &lb));
	ck_assert_uint_eq(lb.n, 2);
	ck_assert_int_eq(lb.lines[0].team_id, w.north);
	ck_assert_int_eq(lb.lines[1].team_id, w.south);
	ck_assert_int_eq(lb.lines[1].place, 2);
	/* not a month: revenue cannot be counted */
	q.to = "2026-11-15";
	EXPECT(leaderboard_compute(c, w.a, w.org, &q, &lb), E_INVALID);
	EXPECT(contests_team_revenue_set(c, w.org, 999999, 0), E_NOTFOUND);
	arena_free(w.a);
}
END_TEST

START_TEST(revenue_setting_audited)
{
	struct world w;
	world_new(&w);
	static const struct audit_filter teams = { .kind = AUDIT_TEAM };
	int64_t before = -1, after = -1;
	OK(audit_count(c, w.org, &teams, &before));
	db_set_actor(c, w.mia, "web");
	OK(contests_team_revenue_set(c, w.org, w.south, 0));
	OK(audit_count(c, w.org, &teams, &after));
	ck_assert_int_eq(after, before + 1);
	struct audit_row *r;
	size_t n;
	int more;
	OK(audit_list(c, w.a, w.org, &teams, 1, 0, &r, &n, &more));
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(r[0].action, "leaderboard");
	ck_assert_int_eq(r[0].object_id, w.south);
	ck_assert_int_eq(r[0].actor_id, w.mia);
	ck_assert_str_eq(r[0].before_json, "{\"show_revenue\":\"1\"}");
	ck_assert_str_eq(r[0].after_json, "{\"show_revenue\":\"0\"}");
	/* a team that is not the organisation's: nothing changed, no row */
	struct world x;
	world_new(&x);
	EXPECT(contests_team_revenue_set(c, w.org, x.north, 0), E_NOTFOUND);
	OK(audit_count(c, w.org, &teams, &before));
	ck_assert_int_eq(before, after);
	struct lb_team *lt;
	size_t nt;
	OK(contests_teams(c, x.a, x.org, &lt, &nt));
	for (size_t i = 0; i < nt; i++)
		ck_assert_int_eq(lt[i].show_revenue, 1);
	db_set_actor(c, 0, "cli");
	arena_free(x.a);
	arena_free(w.a);
}
END_TEST

START_TEST(leaderboard_minimum)
{
	struct world w;
	world_new(&w);
	/* November: Rita 2 conversations, Rob 1 (new deals: 1 each) */
	won_deal(&w, w.rita, 100000, "2026-11-05");
	won_deal(&w, w.rob, 100000, "2026-11-06");
	struct leaderboard lb;
	struct lb_query q = { FIG_NEW_DEALS, FIG_NEW_DEALS, 0, NULL, 0, "2026-11-01", "2026-11-30", "2026-12-03", 1 };
	OK(leaderboard_compute(c, w.a, w.org, &q, &lb));
	ck_assert_int_eq(lb.min_conversations, 1);
	/* no one held a conversation: with a minimum of 1 no one is ranked */
	for (size_t i = 0; i < lb.n; i++)
		ck_assert_msg(!lb.lines[i].ranked, "line %zu ranked under the minimum", i);
	q.min_conversations = 0;
	OK(leaderboard_compute(c, w.a, w.org, &q, &lb));
	ck_assert(line_of(&lb, w.rita)->ranked);
	ck_assert_int_eq(line_of(&lb, w.rita)->place, 1);
	ck_assert_int_eq(line_of(&lb, w.rob)->place, 1);	/* a tie: 1 new deal each */
	arena_free(w.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-contests", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "contests-sqlite" : "contests-postgresql");
	const TTest *tests[] = { freeze_once_late_data_ignored, sweep_and_ending, hidden_revenue,
				 revenue_setting_audited, leaderboard_minimum };
	TCase *fw = tcase_create("forwards");
	for (size_t i = 0; i < N_ELEMS(tests); i++)
		tcase_add_test(fw, tests[i]);
	suite_add_tcase(s, fw);
	return store_harness_run(s);
}
