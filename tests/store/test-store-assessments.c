/*
 * test-store-assessments: the competency framework (store/traits.c) and the
 * assessments (store/assessments.c) against a real database (SG_TEST_DB as
 * for test-store: SQLite or PostgreSQL, fresh; unset: a temporary SQLite
 * file). Each test makes its own organisation; main runs the list forwards
 * and then backwards on the same database.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/traits.h"
#include "store/teams.h"
#include "store/assessments.h"
#include "store/observations.h"
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
	snprintf(slug, sizeof(slug), "as%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Assess Org", "en", "EUR", &w->org));
}

static void world_free(struct world *w)
{
	arena_free(w->a);
}

/* a new organisation has the five traits of the articles, in order, with
 * their anchors and sub-skills */
START_TEST(traits_seeded_on_create)
{
	struct world w;
	world_new(&w);
	struct trait_list l;
	OK(trait_list(c, w.a, w.org, LANG_EN, TRAITS_ACTIVE, &l));
	ck_assert_int_eq(l.n, 5);
	const char *codes[] = { "goal", "accountable", "learning", "motivated", "customer" };
	for (size_t i = 0; i < 5; i++) {
		ck_assert_str_eq(l.items[i].code, codes[i]);
		ck_assert(*l.items[i].definition && *l.items[i].anchor1 && *l.items[i].anchor3 && *l.items[i].anchor5);
		ck_assert_int_ge(l.items[i].nsubskills, 3);
		ck_assert_int_eq(l.items[i].retired_at, 0);
	}
	ck_assert_str_eq(l.items[0].name, "Goal-oriented");
	ck_assert_str_eq(l.items[0].subskills[0].name, "Winning the customer's trust");
	ck_assert_str_eq(l.items[4].name, "Customer-oriented");
	ck_assert_str_eq(l.items[4].subskills[2].name, "Closing the deal");
	/* seeding again adds nothing */
	OK(traits_seed(c, w.org));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM traits WHERE org_id = $1", P_I(w.org)), 5);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM subskills WHERE org_id = $1", P_I(w.org)), 20);
	world_free(&w);
}
END_TEST

/* an unchanged default is shown in the reader's language; a renamed one
 * as typed */
START_TEST(traits_default_texts_translated)
{
	struct world w;
	world_new(&w);
	struct trait_list l;
	OK(trait_list(c, w.a, w.org, LANG_NL, TRAITS_ACTIVE, &l));
	ck_assert_str_eq(l.items[0].name, "Doelgericht");
	ck_assert_str_eq(l.items[4].subskills[0].name, "De juiste vragen stellen");
	OK(trait_list(c, w.a, w.org, LANG_NB, TRAITS_ACTIVE, &l));
	ck_assert_str_eq(l.items[2].name, "Lærevillig");
	OK(DBX(c, "UPDATE traits SET name = 'Hungry' WHERE org_id = $1 AND code = 'motivated'", P_I(w.org)));
	OK(trait_list(c, w.a, w.org, LANG_NL, TRAITS_ACTIVE, &l));
	ck_assert_str_eq(l.items[3].name, "Hungry");
	ck_assert_str_eq(l.items[3].definition,
			 "Gedreven om de targets te overstijgen; zet door als het moeilijk is en ziet problemen "
			 "als kansen om te groeien.");
	world_free(&w);
}
END_TEST

/* retired traits and sub-skills are left out of the active list and kept
 * in the full one; nothing crosses organisations */
START_TEST(traits_retired_and_scoped)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	OK(DBX(c, "UPDATE traits SET retired_at = 1 WHERE org_id = $1 AND code = 'learning'", P_I(w.org)));
	int64_t sub = DB_I64(c, 0, "SELECT s.id FROM subskills s JOIN traits t ON t.org_id = s.org_id AND "
			     "t.id = s.trait_id WHERE s.org_id = $1 AND t.code = 'goal' ORDER BY s.position LIMIT 1",
			     P_I(w.org));
	OK(DBX(c, "UPDATE subskills SET retired_at = 1 WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(sub)));
	struct trait_list l;
	OK(trait_list(c, w.a, w.org, LANG_EN, TRAITS_ACTIVE, &l));
	ck_assert_int_eq(l.n, 4);
	ck_assert_str_eq(l.items[2].code, "motivated");
	ck_assert_int_eq(l.items[0].nsubskills, 4);
	OK(trait_list(c, w.a, w.org, LANG_EN, TRAITS_ALL, &l));
	ck_assert_int_eq(l.n, 5);
	ck_assert_int_ne(l.items[2].retired_at, 0);
	ck_assert_int_eq(l.items[0].nsubskills, 5);
	ck_assert_int_ne(l.items[0].subskills[0].retired_at, 0);
	struct trait t;
	OK(trait_get(c, w.a, w.org, LANG_EN, l.items[2].id, &t));
	ck_assert_str_eq(t.code, "learning");
	ck_assert_int_eq(t.nsubskills, 4);
	EXPECT(trait_get(c, w.a, x.org, LANG_EN, l.items[2].id, &t), E_NOTFOUND);
	/* the other organisation's framework is untouched */
	OK(trait_list(c, x.a, x.org, LANG_EN, TRAITS_ACTIVE, &l));
	ck_assert_int_eq(l.n, 5);
	world_free(&w);
	world_free(&x);
}
END_TEST

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
		snprintf(email, sizeof(email), "%s-%lld@assess.test", names[i], (long long)t->w.org);
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

static const struct assessment *form_of(const struct assessment_list *l, int64_t rep, const char *kind)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].rep_id == rep && !strcmp(l->items[i].rater_kind, kind))
			return &l->items[i];
	return NULL;
}

/* a team round: a self and a manager form for each active rep, none for
 * the deactivated one; scores saved, replaced, submitted once; closing */
START_TEST(rounds_forms_scores)
{
	struct team_world t;
	team_world_new(&t);
	struct arena *a = t.w.a;
	int64_t rid = 0;
	struct new_round nr = { .name = "2026 H2", .opened_on = "2026-07-01", .due_on = "2026-07-15",
				.team_id = t.team, .opened_by = t.max };
	OK(round_create(c, t.w.org, &nr, &rid));
	struct assessment_round r;
	OK(round_get(c, a, t.w.org, rid, &r));
	ck_assert_str_eq(r.name, "2026 H2");
	ck_assert_str_eq(r.team_name, "North");
	ck_assert_str_eq(r.due_on, "2026-07-15");
	ck_assert_int_eq(r.forms, 4);
	ck_assert_int_eq(r.submitted, 0);
	struct assessment_list l;
	OK(assessment_list(c, a, t.w.org, rid, 0, 0, &l));
	ck_assert_int_eq(l.n, 4);
	const struct assessment *self = form_of(&l, t.rita, "self"), *mgr = form_of(&l, t.rita, "manager");
	ck_assert_ptr_nonnull(self);
	ck_assert_ptr_nonnull(mgr);
	ck_assert_int_eq(self->rater_id, t.rita);
	ck_assert_int_eq(mgr->rater_id, t.max);
	ck_assert_int_eq(mgr->rep_team_id, t.team);
	ck_assert_ptr_null(form_of(&l, t.gone, "self"));
	/* scores */
	struct trait_list tl;
	OK(trait_list(c, a, t.w.org, LANG_EN, TRAITS_ACTIVE, &tl));
	struct assessment_score sc[2] = {
		{ tl.items[0].id, 0, 4, "", 0 }, { tl.items[1].id, tl.items[1].subskills[0].id, 5, "Kept every promise", 0 },
	};
	OK(db_begin(c));
	OK(assessment_scores_save(c, t.w.org, mgr->id, sc, 2));
	OK(db_commit(c));
	sc[0].score = 3;
	OK(assessment_scores_save(c, t.w.org, mgr->id, sc, 1));
	struct assessment_score_list sl;
	OK(assessment_scores(c, a, t.w.org, mgr->id, &sl));
	ck_assert_int_eq(sl.n, 1);
	ck_assert_int_eq(sl.items[0].score, 3);
	OK(assessment_submit(c, t.w.org, mgr->id));
	EXPECT(assessment_submit(c, t.w.org, mgr->id), E_CONFLICT);
	struct assessment f;
	OK(assessment_get(c, a, t.w.org, mgr->id, &f));
	ck_assert_str_eq(f.status, "submitted");
	ck_assert_int_gt(f.submitted_at, 0);
	/* due: Rita's self form, not Max's submitted one */
	OK(assessment_due(c, a, t.w.org, t.rita, &l));
	ck_assert_int_eq(l.n, 1);
	OK(assessment_due(c, a, t.w.org, t.max, &l));
	ck_assert_int_eq(l.n, 1);	/* Rob's manager form */
	/* rounds Max may be concerned with; not Mia */
	struct assessment_round_list rl;
	OK(round_list_for(c, a, t.w.org, t.max, &rl));
	ck_assert_int_eq(rl.n, 1);
	OK(round_list_for(c, a, t.w.org, t.mia, &rl));
	ck_assert_int_eq(rl.n, 0);
	/* peers: once per rep and round */
	int64_t pid = 0;
	OK(assessment_invite_peer(c, t.w.org, rid, t.rita, t.sam, t.max, &pid));
	ck_assert_int_gt(pid, 0);
	EXPECT(assessment_invite_peer(c, t.w.org, rid, t.rita, t.sam, t.max, &pid), E_CONFLICT);
	OK(assessment_list_involving(c, a, t.w.org, t.sam, &l));
	ck_assert_int_eq(l.n, 1);
	ck_assert_str_eq(l.items[0].rater_kind, "peer");
	/* Max leads North: every form of its reps; Mia leads South: Sam's none */
	OK(assessment_list_involving_led(c, a, t.w.org, t.max, &l));
	ck_assert_int_eq(l.n, 5);
	OK(assessment_list_involving_led(c, a, t.w.org, t.mia, &l));
	ck_assert_int_eq(l.n, 0);
	/* closing, once */
	OK(round_close(c, t.w.org, rid));
	EXPECT(round_close(c, t.w.org, rid), E_CONFLICT);
	OK(assessment_due(c, a, t.w.org, t.rita, &l));
	ck_assert_int_eq(l.n, 0);
	/* another organisation sees none of it */
	struct world x;
	world_new(&x);
	EXPECT(round_get(c, x.a, x.org, rid, &r), E_NOTFOUND);
	EXPECT(assessment_get(c, x.a, x.org, mgr->id, &f), E_NOTFOUND);
	OK(assessment_scores(c, x.a, x.org, mgr->id, &sl));
	ck_assert_int_eq(sl.n, 0);
	world_free(&x);
	world_free(&t.w);
}
END_TEST

/* an ad-hoc round for one rep; the history holds submitted manager scores
 * of the trait as a whole, oldest round first */
START_TEST(adhoc_and_history)
{
	struct team_world t;
	team_world_new(&t);
	struct arena *a = t.w.a;
	struct trait_list tl;
	OK(trait_list(c, a, t.w.org, LANG_EN, TRAITS_ACTIVE, &tl));
	int64_t r1 = 0, r2 = 0, r3 = 0;
	struct new_round nr = { .name = "2026 H1", .opened_on = "2026-01-05", .rep_id = t.rita, .opened_by = t.max };
	OK(round_create(c, t.w.org, &nr, &r1));
	nr.name = "2026 H2";
	nr.opened_on = "2026-07-01";
	OK(round_create(c, t.w.org, &nr, &r2));
	/* the rep's previous round: none before the first, the first before
	 * the second; another rep's round in between does not count */
	nr = (struct new_round){ .name = "Rob ad hoc", .opened_on = "2026-03-01", .rep_id = t.rob, .opened_by = t.max };
	OK(round_create(c, t.w.org, &nr, &r3));
	const char *prev = NULL;
	OK(assessment_previous_round_on(c, a, t.w.org, t.rita, r1, &prev));
	ck_assert_str_eq(prev, "");
	OK(assessment_previous_round_on(c, a, t.w.org, t.rita, r2, &prev));
	ck_assert_str_eq(prev, "2026-01-05");
	OK(assessment_previous_round_on(c, a, t.w.org, t.rob, r3, &prev));
	ck_assert_str_eq(prev, "");
	/* an observation the first round's evidence is pulled from */
	struct obs_score os = { tl.items[0].id, 0, 2, "Talked over the buyer", "", "", "" };
	struct new_observation no = { .rep_id = t.rita, .observer_id = t.max, .kind = "joint_call",
				      .observed_on = "2025-12-10", .went_well = "", .to_strengthen = "",
				      .agreed_action = "", .scores = &os, .nscores = 1 };
	int64_t oid = 0;
	OK(obs_create(c, t.w.org, &no, &oid));
	struct assessment_list l;
	OK(assessment_list(c, a, t.w.org, r1, 0, 0, &l));
	ck_assert_int_eq(l.n, 2);
	ck_assert_int_eq(form_of(&l, t.rita, "manager")->rater_id, t.max);
	int scores[2] = { 2, 4 };
	int64_t rounds[2] = { r1, r2 };
	for (int i = 0; i < 2; i++) {
		OK(assessment_list(c, a, t.w.org, rounds[i], t.rita, t.max, &l));
		ck_assert_int_eq(l.n, 1);
		struct assessment_score sc[2] = { { tl.items[0].id, 0, scores[i], "why", i ? 0 : oid },
						  { tl.items[0].id, tl.items[0].subskills[0].id, 1, "sub", 0 } };
		OK(assessment_scores_save(c, t.w.org, l.items[0].id, sc, 2));
		OK(assessment_submit(c, t.w.org, l.items[0].id));
	}
	/* a self score is not history */
	OK(assessment_list(c, a, t.w.org, r2, t.rita, t.rita, &l));
	struct assessment_score self = { tl.items[0].id, 0, 5, "me", 0 };
	OK(assessment_scores_save(c, t.w.org, l.items[0].id, &self, 1));
	OK(assessment_submit(c, t.w.org, l.items[0].id));
	struct trait_history h;
	OK(assessment_history(c, a, t.w.org, t.rita, &h));
	ck_assert_int_eq(h.n, 2);
	ck_assert_str_eq(h.items[0].round_name, "2026 H1");
	ck_assert_int_eq(h.items[0].score, 2);
	ck_assert_int_eq(h.items[1].score, 4);
	ck_assert_int_eq(h.items[0].observed, 1);
	ck_assert_int_eq(h.items[1].observed, 0);
	struct assessment_score_list sl;
	OK(assessment_list(c, a, t.w.org, r1, t.rita, t.max, &l));
	OK(assessment_scores(c, a, t.w.org, l.items[0].id, &sl));
	ck_assert_int_eq(sl.n, 2);
	ck_assert_int_eq(sl.items[0].observation_id, oid);
	ck_assert_int_eq(sl.items[1].observation_id, 0);
	OK(assessment_history(c, a, t.w.org, t.rob, &h));
	ck_assert_int_eq(h.n, 0);
	world_free(&t.w);
}
END_TEST

/* an admin's framework: add, rename, reorder, retire and restore */
START_TEST(traits_edit)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	ck_assert_int_eq(traits_last_position(c, w.org, 0), 50);
	struct trait_input in = { "Resilient", "Bounces back.", "Gives up.", "Recovers.", "Grows from it.", 60 };
	int64_t id = 0, sid = 0;
	OK(trait_create(c, w.org, &in, &id));
	OK(subskill_create(c, w.org, id, "Handling a no", "", 10, &sid));
	struct trait_list l;
	OK(trait_list(c, w.a, w.org, LANG_NL, TRAITS_ACTIVE, &l));
	ck_assert_int_eq(l.n, 6);
	ck_assert_str_eq(l.items[5].name, "Resilient");	/* added: shown as typed */
	ck_assert_str_eq(l.items[5].code, "");
	ck_assert_int_eq(l.items[5].nsubskills, 1);
	in.position = 5;
	in.name = "Veerkrachtig";
	OK(trait_update(c, w.org, id, &in));
	OK(subskill_update(c, w.org, sid, "Een nee verwerken", "x", 20));
	OK(trait_list(c, w.a, w.org, LANG_EN, TRAITS_ACTIVE, &l));
	ck_assert_str_eq(l.items[0].name, "Veerkrachtig");
	ck_assert_str_eq(l.items[0].subskills[0].name, "Een nee verwerken");
	OK(trait_set_retired(c, w.org, id, 1));
	OK(subskill_set_retired(c, w.org, sid, 1));
	OK(trait_list(c, w.a, w.org, LANG_EN, TRAITS_ACTIVE, &l));
	ck_assert_int_eq(l.n, 5);
	OK(trait_set_retired(c, w.org, id, 0));
	OK(trait_list(c, w.a, w.org, LANG_EN, TRAITS_ACTIVE, &l));
	ck_assert_int_eq(l.n, 6);
	ck_assert_int_eq(l.items[0].nsubskills, 0);
	/* another organisation's trait is not found */
	EXPECT(trait_update(c, x.org, id, &in), E_NOTFOUND);
	EXPECT(trait_set_retired(c, x.org, id, 1), E_NOTFOUND);
	EXPECT(subskill_set_retired(c, x.org, sid, 0), E_NOTFOUND);
	world_free(&w);
	world_free(&x);
}
END_TEST

/* a trait or sub-skill moves one place and the list is renumbered 10, 20,
 * ...; first stays first, last stays last; another organisation's is not
 * found (store/ordering.c, which stages and reasons move with too) */
START_TEST(traits_move)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	struct trait_list l;
	OK(trait_list(c, w.a, w.org, LANG_EN, TRAITS_ALL, &l));
	ck_assert_int_eq(l.n, 5);
	int64_t first = l.items[0].id, second = l.items[1].id, last = l.items[4].id;
	OK(trait_move(c, w.a, w.org, second, -1));
	OK(trait_list(c, w.a, w.org, LANG_EN, TRAITS_ALL, &l));
	ck_assert(l.items[0].id == second && l.items[1].id == first);
	for (size_t i = 0; i < l.n; i++)
		ck_assert_int_eq(l.items[i].position, (int)(i + 1) * 10);
	OK(trait_move(c, w.a, w.org, second, -1));	/* first already */
	OK(trait_move(c, w.a, w.org, last, 1));		/* last already */
	OK(trait_list(c, w.a, w.org, LANG_EN, TRAITS_ALL, &l));
	ck_assert(l.items[0].id == second && l.items[4].id == last);
	EXPECT(trait_move(c, x.a, x.org, second, 1), E_NOTFOUND);

	const struct trait *t = &l.items[1];
	ck_assert_uint_ge(t->nsubskills, 2);
	int64_t s0 = t->subskills[0].id, s1 = t->subskills[1].id;
	OK(subskill_move(c, w.a, w.org, t->id, s0, 1));
	struct trait g;
	OK(trait_get(c, w.a, w.org, LANG_EN, t->id, &g));
	ck_assert(g.subskills[0].id == s1 && g.subskills[1].id == s0);
	ck_assert_int_eq(g.subskills[1].position, 20);
	/* a sub-skill of another trait is not in this trait's list */
	EXPECT(subskill_move(c, w.a, w.org, l.items[0].id, s0, 1), E_NOTFOUND);
	EXPECT(subskill_move(c, x.a, x.org, t->id, s0, 1), E_NOTFOUND);
	world_free(&w);
	world_free(&x);
}
END_TEST

int main(void)
{
	const struct asset *mo;
	if ((mo = asset_find("po/nl.mo")))
		i18n_load(LANG_NL, mo->data, mo->len);
	if ((mo = asset_find("po/nb.mo")))
		i18n_load(LANG_NB, mo->data, mo->len);
	if (store_harness_open("test-store-assessments", 0))
		return EXIT_FAILURE;

	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "assessments-sqlite" : "assessments-postgresql");
	const TTest *tests[] = {
		traits_seeded_on_create, traits_default_texts_translated, traits_retired_and_scoped,
		rounds_forms_scores, adhoc_and_history, traits_edit, traits_move,
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
