/*
 * test-store-profile: the queries of a rep's profile and the team matrix
 * (src/store/profile.c) against a real database (SG_TEST_DB: SQLite or
 * PostgreSQL; unset: a temporary SQLite file). Ratings are inserted with
 * plain SQL, as the assessment forms would leave them: only submitted ones
 * are read, only whole-trait scores, only the organisation's own, the
 * rounds in order, and each scope (one rep, a team, a manager's teams, a
 * list of reps) gives exactly its reps.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/profile.h"
#include "lib/arena.h"
#include "lib/util.h"
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
	int64_t org, rita, rob, max, mia, north, south;
	int64_t trait[3];		/* goal, customer, and a retired one */
	struct arena *a;
};

static int64_t insert_id(const char *sql, const struct db_param *p, int n)
{
	int64_t id = 0;
	struct db_stmt *st = db_query(c, sql, p, n);
	if (db_step(st) == DB_ROW)
		id = db_col_i64(st, 0);
	OK(db_finish(st));
	ck_assert_int_gt(id, 0);
	return id;
}
#define INSERT_ID(sql, ...) insert_id((sql), (const struct db_param[]){ __VA_ARGS__ }, DB_NPARAMS(__VA_ARGS__))

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "pf%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Profile", "en", "EUR", &w->org));
	const char *names[4] = { "Rita", "Rob", "Max", "Mia" };
	const char *roles[4] = { "rep", "rep", "manager", "manager" };
	int64_t *ids[4] = { &w->rita, &w->rob, &w->max, &w->mia };
	for (int i = 0; i < 4; i++) {
		snprintf(email, sizeof(email), "%s@%s.test", names[i], slug);
		OK(user_create(c, w->org, email, names[i], roles[i], "x", ids[i]));
	}
	OK(team_create(c, w->org, "North", w->max, "", "", &w->north));
	OK(team_create(c, w->org, "South", w->mia, "", "", &w->south));
	OK(user_set_team(c, w->org, w->rita, w->north));
	OK(user_set_team(c, w->org, w->rob, w->south));
	/* besides the five the organisation starts with */
	const char *codes[3] = { "Goal", "Customer", "Old" };
	for (int i = 0; i < 3; i++)
		w->trait[i] = INSERT_ID("INSERT INTO traits (org_id, code, name, position, retired_at, created_at) "
					"VALUES ($1, $2, $3, $4, $5, 1) RETURNING id",
					P_I(w->org), P_T(""), P_T(codes[i]), P_I(103 - i), i == 2 ? P_I(5) : P_NULL);
}

static int64_t round_new(struct world *w, const char *name, const char *opened, int64_t team)
{
	return INSERT_ID("INSERT INTO assessment_rounds (org_id, name, team_id, opened_by, opened_on, created_at) "
			 "VALUES ($1, $2, $3, $4, $5, 1) RETURNING id",
			 P_I(w->org), P_T(name), P_I(team), P_I(w->max), P_T(opened));
}

/* a form with a score of each trait of w->trait (0: none) */
static void rate(struct world *w, int64_t round, int64_t rep, int64_t rater, const char *kind, const char *status,
		 const int *score)
{
	int64_t id = INSERT_ID("INSERT INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, status, "
			       "created_at) VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id",
			       P_I(w->org), P_I(round), P_I(rep), P_I(rater), P_T(kind), P_T(status));
	for (int t = 0; t < 3; t++)
		if (score[t])
			OK(DBX(c, "INSERT INTO assessment_scores (org_id, assessment_id, trait_id, score) "
			       "VALUES ($1, $2, $3, $4)", P_I(w->org), P_I(id), P_I(w->trait[t]), P_I(score[t])));
}

static void world_free(struct world *w)
{
	arena_free(w->a);
}

START_TEST(scores_submitted_only_and_rounds_in_order)
{
	struct world w, other;
	world_new(&w);
	world_new(&other);
	/* opened out of id order: H2 was entered first but opened later */
	int64_t h2 = round_new(&w, "2026 H2", "2026-07-01", w.north);
	int64_t h1 = round_new(&w, "2026 H1", "2026-01-01", w.north);
	rate(&w, h1, w.rita, w.max, "manager", "submitted", (int[]){ 3, 2, 1 });
	rate(&w, h2, w.rita, w.max, "manager", "submitted", (int[]){ 4, 3, 0 });
	rate(&w, h2, w.rita, w.rita, "self", "draft", (int[]){ 5, 5, 0 });
	rate(&w, h2, w.rita, w.rob, "peer", "submitted", (int[]){ 2, 0, 0 });
	int64_t s1 = round_new(&w, "South H1", "2026-02-01", w.south);
	rate(&w, s1, w.rob, w.mia, "manager", "submitted", (int[]){ 1, 1, 0 });
	/* the other organisation's round for its own Rita */
	int64_t oh = round_new(&other, "Other", "2026-03-01", other.north);
	rate(&other, oh, other.rita, other.max, "manager", "submitted", (int[]){ 5, 5, 5 });

	struct pf_data d;
	OK(profile_scores(c, w.a, w.org, &(struct pf_scope){ .rep_id = w.rita }, &d));
	ck_assert_int_eq(d.nrounds, 2);
	ck_str(d.rounds[0].name, "2026 H1", "oldest first");
	ck_str(d.rounds[1].opened_on, "2026-07-01", "then H2");
	/* 3 + 2 manager scores and the peer's; not the draft self-assessment */
	ck_assert_int_eq(d.nscores, 6);
	int peers = 0, selfs = 0;
	for (size_t i = 0; i < d.nscores; i++) {
		ck_assert_int_eq(d.scores[i].rep_id, w.rita);
		peers += d.scores[i].kind == RATER_PEER;
		selfs += d.scores[i].kind == RATER_SELF;
		if (d.scores[i].kind == RATER_PEER)
			ck_assert_int_eq(d.scores[i].round, 1);
	}
	ck_assert_int_eq(peers, 1);
	ck_assert_int_eq(selfs, 0);

	/* the profile of it (customer first, goal second, the retired trait
	 * left out as the page leaves it out) */
	int64_t ids[2] = { w.trait[1], w.trait[0] };
	struct profile_row rows[2];
	struct profile p;
	profile_compute(ids, 2, d.scores, d.nscores, w.rita, d.nrounds, rows, &p);
	ck_assert_int_eq(p.latest, 1);
	ck_assert_int_eq(p.weakest, 0);		/* customer 3 < goal 4 */
	ck_assert_int_eq(p.verdict, VERDICT_WEAK);
	ck_assert_msg(rows[0].growth == 1 && rows[1].growth == 1, "growth 3-2 and 4-3");

	/* the draft counts once submitted */
	OK(DBX(c, "UPDATE assessments SET status = 'submitted' WHERE org_id = $1 AND rater_kind = 'self'", P_I(w.org)));
	OK(profile_scores(c, w.a, w.org, &(struct pf_scope){ .rep_id = w.rita }, &d));
	ck_assert_int_eq(d.nscores, 8);
	/* managers only */
	OK(profile_scores(c, w.a, w.org, &(struct pf_scope){ .rep_id = w.rita, .manager_only = 1 }, &d));
	ck_assert_int_eq(d.nscores, 5);

	/* scopes: a team, a manager's teams, a list of reps; nothing of the other organisation */
	OK(profile_scores(c, w.a, w.org, &(struct pf_scope){ .team_id = w.south }, &d));
	ck_assert_int_eq(d.nscores, 2);
	ck_assert_int_eq(d.scores[0].rep_id, w.rob);
	ck_assert_int_eq(d.nrounds, 1);
	OK(profile_scores(c, w.a, w.org, &(struct pf_scope){ .manager_id = w.max }, &d));
	ck_assert_int_eq(d.nscores, 8);
	OK(profile_scores(c, w.a, w.org, &(struct pf_scope){ .manager_id = w.rita }, &d));
	ck_assert_int_eq(d.nscores, 0);
	int64_t both[3] = { w.rob, w.rita, other.rita };
	OK(profile_scores(c, w.a, w.org, &(struct pf_scope){ .reps = both, .nreps = 3, .manager_only = 1 }, &d));
	ck_assert_int_eq(d.nscores, 7);
	ck_assert_int_eq(d.nrounds, 3);
	/* grouped by rep */
	size_t changes = 0;
	for (size_t i = 1; i < d.nscores; i++)
		changes += d.scores[i].rep_id != d.scores[i - 1].rep_id;
	ck_assert_int_eq(changes, 1);
	OK(profile_scores(c, w.a, w.org, &(struct pf_scope){ .reps = both + 2, .nreps = 1 }, &d));
	ck_assert_int_eq(d.nscores, 0);
	OK(profile_scores(c, w.a, other.org, &(struct pf_scope){ .rep_id = w.rita }, &d));
	ck_assert_int_eq(d.nscores, 0);

	/* the version of the submitted forms: the newest second, how many in it, their highest id */
	struct pf_version v0, v1, v2;
	OK(profile_forms_version(c, w.org, &v0));
	ck_assert_int_eq(v0.at, 0);
	OK(DBX(c, "UPDATE assessments SET submitted_at = 100 WHERE org_id = $1 AND status = 'submitted'", P_I(w.org)));
	OK(profile_forms_version(c, w.org, &v1));
	ck_assert_int_eq(v1.at, 100);
	ck_assert_int_eq(v1.n, 5);		/* Rita: 2 manager, self, peer; Rob: manager */
	int64_t draft = 0;
	{
		int64_t r2 = round_new(&w, "Late", "2026-10-01", w.north);
		rate(&w, r2, w.rob, w.mia, "manager", "draft", (int[]){ 2, 2, 0 });
		draft = DB_I64(c, 0, "SELECT max(id) FROM assessments WHERE org_id = $1", P_I(w.org));
	}
	OK(DBX(c, "UPDATE assessments SET status = 'submitted', submitted_at = 100 WHERE org_id = $1 AND id = $2",
	       P_I(w.org), P_I(draft)));
	OK(profile_forms_version(c, w.org, &v2));
	ck_assert_int_eq(v2.at, 100);
	ck_assert_int_eq(v2.n, 6);		/* submitted in the same second: the count tells */
	ck_assert_int_eq(v2.id, draft);
	OK(profile_forms_version(c, other.org, &v0));
	ck_assert_int_eq(v0.at, 0);		/* the other organisation's form has no submitted_at */
	world_free(&w);
	world_free(&other);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-profile", 0))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "profile-sqlite" : "profile-postgresql");
	TCase *tc = tcase_create("profile");
	tcase_add_test(tc, scores_submitted_only_and_rounds_in_order);
	suite_add_tcase(s, tc);
	return store_harness_run(s);
}
