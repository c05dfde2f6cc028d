/*
 * test-store-scorecards: the store queries of interviews and scorecards
 * (store/scorecards.c) against a real database (SG_TEST_DB: SQLite or
 * PostgreSQL; unset: a temporary SQLite file): an interview invites its
 * interviewers once and gives each a draft; scores are saved, replaced and
 * cleared; a submitted scorecard refuses changes (E_CONFLICT) until
 * reopened (counted and audited); the means per trait count only submitted
 * scores; the organisation's own questions replace the defaults; nothing
 * reaches into another organisation. Each test makes its own organisation.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/traits.h"
#include "store/recruit.h"
#include "store/scorecards.h"
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

struct world {
	int64_t org, rita, rob, max, ann, cand;
	int64_t trait[5];
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "scorec%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Scorecards", "en", "EUR", &w->org));
	struct { const char *who, *role; int64_t *id; } people[] = {
		{ "rita", "rep", &w->rita }, { "rob", "rep", &w->rob }, { "max", "manager", &w->max },
		{ "ann", "admin", &w->ann },
	};
	for (size_t i = 0; i < N_ELEMS(people); i++) {
		snprintf(email, sizeof(email), "%s@%s.test", people[i].who, slug);
		OK(user_create(c, w->org, email, people[i].who, people[i].role, "x", people[i].id));
	}
	struct trait_list l;
	OK(trait_list(c, w->a, w->org, LANG_EN, TRAITS_ACTIVE, &l));
	ck_assert_uint_eq(l.n, 5);
	for (size_t i = 0; i < 5; i++)
		w->trait[i] = l.items[i].id;
	struct candidate_new cn = { "Cora Candidate", "", "", "referral", "Seller", "Acme", "", "", 0, NULL,
				    "2027-11-01", w->max, "2026-11-01" };
	OK(candidate_add(c, w->org, &cn, &w->cand));
}

static int64_t interview(struct world *w, const char *on, const int64_t *who, size_t n)
{
	struct interview_new in = { w->cand, 0, on, "interview", w->max, who, n };
	int64_t id = 0;
	OK(interview_add(c, w->org, &in, &id));
	ck_assert_int_gt(id, 0);
	return id;
}

/* the scorecard of the interviewer on the interview */
static int64_t card_of(struct world *w, int64_t interview_id, int64_t who)
{
	return DB_I64(c, 0, "SELECT id FROM scorecards WHERE org_id = $1 AND interview_id = $2 AND interviewer_id = $3",
		      P_I(w->org), P_I(interview_id), P_I(who));
}

static void score_all(struct world *w, int64_t card, const int *s, const char *rec, int submit)
{
	struct scorecard_score sc[5];
	for (int i = 0; i < 5; i++)
		sc[i] = (struct scorecard_score){ w->trait[i], s[i], i == 0 ? "Told of a target beyond plan" : "" };
	OK(scorecard_save(c, w->org, card, sc, 5, rec, submit));
}

START_TEST(interviews_invite_and_draft)
{
	struct world w;
	world_new(&w);
	/* rob already invited: not twice */
	OK(candidate_invite(c, w.org, w.cand, w.rob, w.max));
	int64_t who[] = { w.rita, w.rob };
	int64_t iv = interview(&w, "2026-12-01", who, 2);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM candidate_invitations WHERE org_id = $1 AND "
				"candidate_id = $2", P_I(w.org), P_I(w.cand)), 2);
	struct scorecard *l;
	size_t n;
	OK(scorecard_list(c, w.a, w.org, w.cand, &l, &n));
	ck_assert_uint_eq(n, 2);
	ck_str(l[0].interviewer_name, "rita", "by name");
	ck_str(l[0].status, "draft", "a draft each");
	ck_str(l[1].interviewer_name, "rob", "by name");
	ck_assert_int_eq(l[0].interview_id, iv);
	ck_str(l[0].held_on, "2026-12-01", "date");
	/* no interviewer, or too many: refused, nothing written */
	struct interview_new none = { w.cand, 0, "2026-12-02", "phone", w.max, who, 0 };
	int64_t id = 0;
	EXPECT(interview_add(c, w.org, &none, &id), E_INVALID);
	/* one of another organisation: refused whole (the foreign key) */
	struct world o;
	world_new(&o);
	int64_t mixed[] = { w.rita, o.rob };
	struct interview_new bad = { w.cand, 0, "2026-12-03", "interview", w.max, mixed, 2 };
	ck_assert_int_ne(interview_add(c, w.org, &bad, &id), E_OK);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM interviews WHERE org_id = $1", P_I(w.org)), 1);
	/* the other organisation sees none of it */
	OK(scorecard_list(c, w.a, o.org, w.cand, &l, &n));
	ck_assert_uint_eq(n, 0);
	struct scorecard one;
	EXPECT(scorecard_get(c, w.a, o.org, card_of(&w, iv, w.rita), &one), E_NOTFOUND);
	arena_free(o.a);
	arena_free(w.a);
}
END_TEST

START_TEST(save_submit_reopen)
{
	struct world w;
	world_new(&w);
	int64_t who[] = { w.rita };
	int64_t iv = interview(&w, "2026-12-01", who, 1);
	int64_t card = card_of(&w, iv, w.rita);
	/* a draft with two scores, then one replaced and one cleared */
	struct scorecard_score sc[] = { { w.trait[0], 4, "ok" }, { w.trait[1], 2, "" } };
	OK(scorecard_save(c, w.org, card, sc, 2, NULL, 0));
	sc[0].score = 5;
	sc[1].score = 0;
	OK(scorecard_save(c, w.org, card, sc, 2, "yes", 0));
	struct scorecard s;
	OK(scorecard_get(c, w.a, w.org, card, &s));
	ck_assert_uint_eq(s.nscores, 1);
	ck_assert_int_eq(s.scores[0].score, 5);
	ck_str(s.scores[0].evidence, "ok", "evidence kept");
	ck_str(s.recommendation, "yes", "recommendation");
	ck_str(s.status, "draft", "still a draft");
	/* a score the database refuses (7): an error, nothing changed */
	struct scorecard_score seven[] = { { w.trait[2], 7, "" } };
	ck_assert_int_ne(scorecard_save(c, w.org, card, seven, 1, NULL, 0), E_OK);
	/* submitted: no change any more */
	int all[] = { 5, 4, 4, 5, 3 };
	score_all(&w, card, all, "strong_yes", 1);
	OK(scorecard_get(c, w.a, w.org, card, &s));
	ck_str(s.status, "submitted", "submitted");
	ck_assert_int_gt(s.submitted_at, 0);
	ck_assert_uint_eq(s.nscores, 5);
	EXPECT(scorecard_save(c, w.org, card, sc, 1, NULL, 0), E_CONFLICT);
	EXPECT(scorecard_reopen(c, w.org, 999999), E_NOTFOUND);
	/* reopened: a draft again, counted, logged */
	OK(scorecard_reopen(c, w.org, card));
	EXPECT(scorecard_reopen(c, w.org, card), E_CONFLICT);
	OK(scorecard_get(c, w.a, w.org, card, &s));
	ck_str(s.status, "draft", "reopened");
	ck_assert_int_eq(s.reopened, 1);
	ck_assert_int_eq(s.submitted_at, 0);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM audit_log WHERE org_id = $1 AND kind = 'scorecard' AND "
				"object_id = $2 AND action = 'reopen'", P_I(w.org), P_I(card)), 1);
	/* the evidence is never in the log, only that it changed */
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM audit_log WHERE org_id = $1 AND kind = 'scorecard' AND "
				"(after_json LIKE '%target beyond%' OR before_json LIKE '%target beyond%')", P_I(w.org)), 0);
	int own_d, own_s;
	OK(scorecard_own_state(c, w.org, w.cand, w.rita, &own_d, &own_s));
	ck_assert_int_eq(own_d, 1);
	ck_assert_int_eq(own_s, 0);
	arena_free(w.a);
}
END_TEST

START_TEST(means_of_submitted)
{
	struct world w;
	world_new(&w);
	int64_t who[] = { w.rita, w.rob, w.max };
	int64_t iv = interview(&w, "2026-12-01", who, 3);
	int a[] = { 2, 4, 4, 5, 3 }, b[] = { 5, 4, 5, 4, 4 }, d[] = { 1, 1, 1, 1, 1 };
	score_all(&w, card_of(&w, iv, w.rita), a, "yes", 1);
	score_all(&w, card_of(&w, iv, w.rob), b, "strong_yes", 1);
	score_all(&w, card_of(&w, iv, w.max), d, "no", 0);	/* a draft: never counted */
	struct scorecard_mean *m;
	size_t n;
	OK(scorecards_means(c, w.a, w.org, w.cand, &m, &n));
	ck_assert_uint_eq(n, 5);
	/* goal (2 + 5) / 2 = 3.5; accountable 4; learning 4.5; motivated 4.5; customer 3.5 */
	double want[] = { 3.5, 4.0, 4.5, 4.5, 3.5 };
	for (size_t i = 0; i < 5; i++) {
		ck_assert_int_eq(m[i].trait_id, w.trait[i]);
		ck_assert_int_eq(m[i].n, 2);
		ck_assert_msg(fabs(m[i].mean - want[i]) < 1e-9, "trait %zu: %g", i, m[i].mean);
		ck_assert_uint_eq(m[i].nevidence, 2);
	}
	ck_str(m[0].code, "goal", "code");
	ck_str(m[0].evidence[0].text, "Told of a target beyond plan", "evidence");
	ck_assert_int_eq(m[0].evidence[0].score + m[0].evidence[1].score, 7);
	/* nothing for another organisation's caller */
	struct world o;
	world_new(&o);
	OK(scorecards_means(c, o.a, o.org, w.cand, &m, &n));
	ck_assert_uint_eq(n, 0);
	arena_free(o.a);
	arena_free(w.a);
}
END_TEST

START_TEST(questions)
{
	struct world w;
	world_new(&w);
	const char **q;
	size_t n;
	OK(interview_questions_get(c, w.a, w.org, w.trait[0], "nl", &q, &n));
	ck_assert_uint_eq(n, 0);
	const char *mine[] = { "Wat was je laatste doel?", "Hoe wist je waar je stond?" };
	OK(interview_questions_set(c, w.org, w.trait[0], "nl", mine, 2));
	OK(interview_questions_get(c, w.a, w.org, w.trait[0], "nl", &q, &n));
	ck_assert_uint_eq(n, 2);
	ck_str(q[0], mine[0], "first");
	ck_str(q[1], mine[1], "second");
	/* only for that language */
	OK(interview_questions_get(c, w.a, w.org, w.trait[0], "en", &q, &n));
	ck_assert_uint_eq(n, 0);
	/* replaced, then back to the defaults */
	OK(interview_questions_set(c, w.org, w.trait[0], "nl", mine + 1, 1));
	OK(interview_questions_get(c, w.a, w.org, w.trait[0], "nl", &q, &n));
	ck_assert_uint_eq(n, 1);
	OK(interview_questions_set(c, w.org, w.trait[0], "nl", NULL, 0));
	OK(interview_questions_get(c, w.a, w.org, w.trait[0], "nl", &q, &n));
	ck_assert_uint_eq(n, 0);
	/* another organisation's trait */
	struct world o;
	world_new(&o);
	EXPECT(interview_questions_set(c, o.org, w.trait[0], "nl", mine, 2), E_NOTFOUND);
	arena_free(o.a);
	arena_free(w.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-scorecards", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "scorecards-sqlite" : "scorecards-postgresql");
	const TTest *tests[] = { interviews_invite_and_draft, save_submit_reopen, means_of_submitted, questions };
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
