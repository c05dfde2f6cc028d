/*
 * test-store-coaching: one-on-ones (store/one-on-ones.c) and observations
 * (store/observations.c) against a real database (SG_TEST_DB as for
 * test-store: SQLite or PostgreSQL, fresh; unset: a temporary SQLite file).
 * Each test makes its own organisation; main runs the list forwards and
 * then backwards on the same database.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/one-on-ones.h"
#include "store/observations.h"
#include "store/traits.h"
#include "lib/arena.h"
#include "lib/assets.h"
#include "lib/i18n.h"
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
	int64_t org;
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "co%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Coach Org", "en", "EUR", &w->org));
}

static void world_free(struct world *w)
{
	arena_free(w->a);
}

/* a team North (manager Max, reps Rita and Rob, a deactivated rep) and a
 * rep Sam of another team */
struct team_world {
	struct world w;
	int64_t team, max, rita, rob, gone, sam, team2, mia;
};

static void team_world_new(struct team_world *t)
{
	char email[80];
	world_new(&t->w);
	const char *names[] = { "max", "rita", "rob", "gone", "sam", "mia" };
	int64_t *ids[] = { &t->max, &t->rita, &t->rob, &t->gone, &t->sam, &t->mia };
	for (int i = 0; i < 6; i++) {
		snprintf(email, sizeof(email), "%s-%lld@coach.test", names[i], (long long)t->w.org);
		OK(user_create(c, t->w.org, email, names[i], i == 0 || i == 5 ? "manager" : "rep", "x", ids[i]));
	}
	OK(team_create(c, t->w.org, "North", t->max, "", "", &t->team));
	OK(team_create(c, t->w.org, "South", t->mia, "", "", &t->team2));
	OK(user_set_team(c, t->w.org, t->rita, t->team));
	OK(user_set_team(c, t->w.org, t->rob, t->team));
	OK(user_set_team(c, t->w.org, t->gone, t->team));
	OK(user_set_active(c, t->w.org, t->gone, 0));
	OK(user_set_team(c, t->w.org, t->sam, t->team2));
}


/* cadences, the manager's list, meetings held and planned, points, notes */
START_TEST(one_on_ones_list_and_meetings)
{
	struct team_world t;
	team_world_new(&t);
	struct arena *a = t.w.a;
	struct ooo_rep_list reps;
	OK(ooo_reps(c, a, t.w.org, t.max, 0, &reps));
	ck_assert_int_eq(reps.n, 2);	/* rita and rob; not the deactivated one, not sam */
	ck_assert_str_eq(reps.items[0].rep_name, "rita");
	ck_assert_str_eq(reps.items[1].rep_name, "rob");
	ck_assert_str_eq(reps.items[0].every, "");
	ck_assert_str_eq(reps.items[0].last_held, "");
	ck_assert_int_eq(reps.items[0].manager_id, t.max);
	OK(ooo_reps(c, a, t.w.org, t.mia, 0, &reps));
	ck_assert_int_eq(reps.n, 1);
	ck_assert_int_eq(reps.items[0].rep_id, t.sam);

	OK(ooo_cadence_set(c, t.w.org, t.rita, "weekly", "2027-01-04", t.max));
	OK(ooo_cadence_set(c, t.w.org, t.rita, "monthly", "2027-01-31", t.max));	/* replaced */
	int64_t m1, m2, m3;
	OK(ooo_create(c, t.w.org, t.rita, t.max, "2027-01-31", &m1));
	OK(ooo_create(c, t.w.org, t.rita, t.max, "2027-02-28", &m2));
	OK(ooo_create(c, t.w.org, t.rita, t.max, "2027-03-31", &m3));
	OK(ooo_mark_held(c, t.w.org, m1, "2027-01-31"));
	EXPECT(ooo_mark_held(c, t.w.org, m1, "2027-02-01"), E_CONFLICT);	/* held already */
	OK(ooo_reps(c, a, t.w.org, 0, t.rita, &reps));
	ck_assert_int_eq(reps.n, 1);
	ck_assert_str_eq(reps.items[0].every, "monthly");
	ck_assert_str_eq(reps.items[0].anchor_on, "2027-01-31");
	ck_assert_str_eq(reps.items[0].last_held, "2027-01-31");
	ck_assert_int_eq(reps.items[0].next_id, m2);
	ck_assert_str_eq(reps.items[0].next_on, "2027-02-28");
	OK(ooo_reschedule(c, t.w.org, m2, "2027-03-01"));
	OK(ooo_mark_held(c, t.w.org, m2, "2027-03-01"));
	EXPECT(ooo_reschedule(c, t.w.org, m2, "2027-03-02"), E_CONFLICT);
	const char *last;
	OK(ooo_last_held_before(c, a, t.w.org, t.rita, "2027-03-31", m3, &last));
	ck_assert_str_eq(last, "2027-03-01");
	OK(ooo_last_held_before(c, a, t.w.org, t.rita, "2027-02-28", m2, &last));
	ck_assert_str_eq(last, "2027-01-31");
	OK(ooo_last_held_before(c, a, t.w.org, t.rob, "2027-03-31", 0, &last));
	ck_assert_str_eq(last, "");

	struct one_on_one o;
	OK(ooo_notes_set(c, t.w.org, m3, "Shared words", "Private words"));
	OK(ooo_notes_set(c, t.w.org, m3, NULL, "Private again"));
	OK(ooo_get(c, a, t.w.org, m3, &o));
	ck_assert_str_eq(o.shared_notes, "Shared words");
	ck_assert_str_eq(o.private_notes, "Private again");
	ck_assert_str_eq(o.status, "planned");
	ck_assert_str_eq(o.held_on, "");
	ck_assert_str_eq(o.rep_name, "rita");
	ck_assert_str_eq(o.manager_name, "max");
	ck_assert_int_eq(o.rep_team_id, t.team);
	struct ooo_list l;
	OK(ooo_list_rep(c, a, t.w.org, t.rita, &l));
	ck_assert_int_eq(l.n, 3);
	ck_assert_int_eq(l.items[0].id, m3);	/* newest first */
	ck_assert_int_eq(l.items[2].id, m1);

	/* points in the order added */
	OK(ooo_point_add(c, t.w.org, m3, t.rita, "rep", "My own point", NULL));
	OK(ooo_point_add(c, t.w.org, m3, t.max, "effort", "Forty calls a week", NULL));
	struct ooo_point_list pl;
	OK(ooo_points(c, a, t.w.org, m3, &pl));
	ck_assert_int_eq(pl.n, 2);
	ck_assert_str_eq(pl.items[0].text, "My own point");
	ck_assert_str_eq(pl.items[0].author_name, "rita");
	ck_assert_str_eq(pl.items[1].section, "effort");
	ck_assert_int_ne(ooo_point_add(c, t.w.org, m3, t.rita, "gossip", "x", NULL), E_OK);	/* no such section */

	/* nothing of it is another organisation's */
	struct team_world u;
	team_world_new(&u);
	EXPECT(ooo_get(c, a, u.w.org, m3, &o), E_NOTFOUND);
	EXPECT(ooo_notes_set(c, u.w.org, m3, "x", "y"), E_NOTFOUND);
	EXPECT(ooo_mark_held(c, u.w.org, m3, "2027-03-31"), E_CONFLICT);
	OK(ooo_points(c, a, u.w.org, m3, &pl));
	ck_assert_int_eq(pl.n, 0);
	OK(ooo_list_rep(c, a, u.w.org, t.rita, &l));
	ck_assert_int_eq(l.n, 0);
	OK(ooo_get(c, a, t.w.org, m3, &o));
	ck_assert_str_eq(o.private_notes, "Private again");
	world_free(&u.w);
	world_free(&t.w);
}
END_TEST

/* actions carry forward to later one-on-ones until done */
START_TEST(one_on_one_actions_carry_forward)
{
	struct team_world t;
	team_world_new(&t);
	struct arena *a = t.w.a;
	int64_t m1, m2, m3, x1, x2, x3;
	OK(ooo_create(c, t.w.org, t.rita, t.max, "2026-12-17", &m1));
	OK(ooo_create(c, t.w.org, t.rita, t.max, "2026-12-31", &m2));
	OK(ooo_create(c, t.w.org, t.rita, t.max, "2027-01-14", &m3));
	OK(ooo_action_add(c, t.w.org, m1, t.rita, t.rita, "Call Acme back", "2026-12-20", &x1));
	OK(ooo_action_add(c, t.w.org, m1, t.rita, t.max, "Book the demo room", NULL, &x2));
	OK(ooo_action_add(c, t.w.org, m2, t.rita, t.rita, "Send the quote", NULL, &x3));
	struct ooo_action_list l;
	OK(ooo_actions_at(c, a, t.w.org, t.rita, m1, "2026-12-17", &l));
	ck_assert_int_eq(l.n, 2);
	OK(ooo_actions_at(c, a, t.w.org, t.rita, m2, "2026-12-31", &l));
	ck_assert_int_eq(l.n, 3);	/* two carried forward, one of its own */
	ck_assert_int_eq(l.items[0].id, x1);
	ck_assert_str_eq(l.items[0].meeting_on, "2026-12-17");
	ck_assert_str_eq(l.items[0].due, "2026-12-20");
	ck_assert_str_eq(l.items[1].owner_name, "max");
	ck_assert_str_eq(l.items[1].due, "");
	/* x1 done at m2: shown at m2 (done there), not at m3 */
	OK(ooo_action_done(c, t.w.org, x1, m2, "2026-12-31"));
	EXPECT(ooo_action_done(c, t.w.org, x1, m2, "2026-12-31"), E_CONFLICT);
	OK(ooo_actions_at(c, a, t.w.org, t.rita, m2, "2026-12-31", &l));
	ck_assert_int_eq(l.n, 3);
	ck_assert_str_eq(l.items[0].done_on, "2026-12-31");
	OK(ooo_actions_at(c, a, t.w.org, t.rita, m3, "2027-01-14", &l));
	ck_assert_int_eq(l.n, 2);
	ck_assert_int_eq(l.items[0].id, x2);
	ck_assert_int_eq(l.items[1].id, x3);
	/* m1 never sees m2's action (it came later) */
	OK(ooo_actions_at(c, a, t.w.org, t.rita, m1, "2026-12-17", &l));
	ck_assert_int_eq(l.n, 2);
	struct ooo_action x;
	OK(ooo_action_get(c, a, t.w.org, x3, &x));
	ck_assert_str_eq(x.what, "Send the quote");
	ck_assert_int_eq(x.rep_id, t.rita);
	/* the open-actions count on the list */
	struct ooo_rep_list reps;
	OK(ooo_reps(c, a, t.w.org, 0, t.rita, &reps));
	ck_assert_int_eq(reps.items[0].open_actions, 2);
	/* rob's one-on-ones show none of rita's actions */
	int64_t r1;
	OK(ooo_create(c, t.w.org, t.rob, t.max, "2027-01-14", &r1));
	OK(ooo_actions_at(c, a, t.w.org, t.rob, r1, "2027-01-14", &l));
	ck_assert_int_eq(l.n, 0);
	/* another organisation reaches none of it */
	struct team_world u;
	team_world_new(&u);
	EXPECT(ooo_action_get(c, a, u.w.org, x3, &x), E_NOTFOUND);
	EXPECT(ooo_action_done(c, u.w.org, x3, 0, "2027-01-14"), E_CONFLICT);
	OK(ooo_actions_at(c, a, u.w.org, t.rita, m3, "2027-01-14", &l));
	ck_assert_int_eq(l.n, 0);
	world_free(&u.w);
	world_free(&t.w);
}
END_TEST


/* observations with their scores, by rep and days, scoped to the organisation */
START_TEST(observations_scores_and_scope)
{
	struct team_world t;
	team_world_new(&t);
	struct arena *a = t.w.a;
	struct trait_list tl;
	OK(trait_list(c, a, t.w.org, LANG_EN, TRAITS_ACTIVE, &tl));
	ck_assert_int_ge(tl.n, 2);
	int64_t sub = tl.items[1].nsubskills ? tl.items[1].subskills[0].id : 0;
	struct obs_score sc[] = {
		{ .trait_id = tl.items[1].id, .subskill_id = sub, .score = 2, .seen = "Skipped the question" },
		{ .trait_id = tl.items[0].id, .score = 4, .seen = "Knew the numbers" },
		{ .trait_id = tl.items[1].id, .score = 0, .seen = "Only seen" },
	};
	struct new_observation no = { t.rita, t.max, 0, "joint_call", "2026-11-20", "Calm", "Closing", "Ask for a date",
				      sc, 3 };
	int64_t o1, o2, o3;
	OK(obs_create(c, t.w.org, &no, &o1));
	struct new_observation no2 = { t.rita, t.rob, 0, "ride_along", "2026-10-01", "", "", "", sc + 1, 1 };
	OK(obs_create(c, t.w.org, &no2, &o2));
	struct new_observation no3 = { t.rob, t.max, 0, "joint_call", "2026-11-21", "", "", "", sc + 1, 1 };
	OK(obs_create(c, t.w.org, &no3, &o3));
	struct observation ob;
	OK(obs_get(c, a, t.w.org, o1, &ob));
	ck_assert_str_eq(ob.kind, "joint_call");
	ck_assert_str_eq(ob.rep_name, "rita");
	ck_assert_str_eq(ob.observer_name, "max");
	ck_assert_int_eq(ob.rep_team_id, t.team);
	ck_assert_str_eq(ob.agreed_action, "Ask for a date");
	ck_assert_int_eq(ob.nscores, 3);
	ck_assert_int_eq(ob.scores[0].trait_id, tl.items[0].id);	/* in the traits' order */
	ck_assert_int_eq(ob.scores[0].score, 4);
	ck_assert_str_eq(ob.scores[0].trait_code, "goal");
	int found_only_seen = 0;
	for (size_t i = 0; i < ob.nscores; i++)
		if (!strcmp(ob.scores[i].seen, "Only seen")) {
			found_only_seen = 1;
			ck_assert_int_eq(ob.scores[i].score, 0);	/* stored as NULL */
		}
	ck_assert(found_only_seen);
	struct obs_list l;
	OK(obs_list_rep(c, a, t.w.org, t.rita, NULL, NULL, &l));
	ck_assert_int_eq(l.n, 2);
	ck_assert_int_eq(l.items[0].id, o1);	/* newest first */
	ck_assert_int_eq(l.items[0].nscores, 3);
	ck_assert_int_eq(l.items[1].nscores, 1);
	OK(obs_list_rep(c, a, t.w.org, t.rita, "2026-11-01", "2026-11-30", &l));
	ck_assert_int_eq(l.n, 1);
	ck_assert_int_eq(l.items[0].nscores, 3);
	OK(obs_list_rep(c, a, t.w.org, t.rita, "2026-11-21", NULL, &l));
	ck_assert_int_eq(l.n, 0);
	/* a trait twice (the same sub-skill) is refused, and nothing of it stays */
	struct obs_score twice[] = { sc[1], sc[1] };
	struct new_observation bad = { t.rita, t.max, 0, "joint_call", "2026-11-22", "", "", "", twice, 2 };
	OK(db_begin(c));
	ck_assert_int_ne(obs_create(c, t.w.org, &bad, NULL), E_OK);
	OK(db_rollback(c));
	OK(obs_list_rep(c, a, t.w.org, t.rita, NULL, NULL, &l));
	ck_assert_int_eq(l.n, 2);
	/* another organisation reaches none of it */
	struct team_world u;
	team_world_new(&u);
	EXPECT(obs_get(c, a, u.w.org, o1, &ob), E_NOTFOUND);
	OK(obs_list_rep(c, a, u.w.org, t.rita, NULL, NULL, &l));
	ck_assert_int_eq(l.n, 0);
	/* nor may its rows point into this one: a trait of the other organisation */
	struct trait_list ul;
	OK(trait_list(c, a, u.w.org, LANG_EN, TRAITS_ACTIVE, &ul));
	struct obs_score foreign = { .trait_id = tl.items[0].id, .score = 3, .seen = "" };
	struct new_observation x = { u.rita, u.max, 0, "joint_call", "2026-11-22", "", "", "", &foreign, 1 };
	OK(db_begin(c));
	ck_assert_int_ne(obs_create(c, u.w.org, &x, NULL), E_OK);
	OK(db_rollback(c));
	world_free(&u.w);
	world_free(&t.w);
}
END_TEST

int main(void)
{
	const struct asset *mo;
	if ((mo = asset_find("po/nl.mo")))
		i18n_load(LANG_NL, mo->data, mo->len);
	if ((mo = asset_find("po/nb.mo")))
		i18n_load(LANG_NB, mo->data, mo->len);
	if (store_harness_open("test-store-coaching", 0))
		return EXIT_FAILURE;

	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "coaching-sqlite" : "coaching-postgresql");
	const TTest *tests[] = {
		one_on_ones_list_and_meetings, one_on_one_actions_carry_forward, observations_scores_and_scope,
	};
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
