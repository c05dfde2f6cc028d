/*
 * test-store-hire: the store of hiring (store/hire.c, store/hiring-profile.c)
 * against a real database (SG_TEST_DB: SQLite or PostgreSQL; unset: a
 * temporary SQLite file):
 *   - a hire creates the user (a rep in the team), marks the candidate hired
 *     at the vacancy's hired stage, and makes the first assessment — a
 *     closed round "from interviews" and a submitted manager form with the
 *     rounded means of the SUBMITTED scorecards (a draft does not count)
 *     and the interviewers' evidence — all with audit rows;
 *   - a failure leaves nothing: an e-mail address taken, a second hire of
 *     the same candidate (after the user's insert: rolled back), a team of
 *     another organisation;
 *   - no scorecards: the rep, no assessment;
 *   - back into the pool: out of the vacancy, the open step cancelled, a
 *     step "get back in touch" due the date;
 *   - the hiring profile's query: each current rep's latest submitted
 *     manager assessment since the date, per trait the sum and count of its
 *     rows; a round from interviews, an older form, a deactivated rep and
 *     another organisation left out.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/recruit.h"
#include "store/hire.h"
#include "store/hiring-profile.h"
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
#define COUNT(w, sql) DB_I64(c, -1, sql, P_I((w)->org))

/* team North (manager Max, rep Rita), team South (manager Mia, rep Rob), admin Ann */
struct world {
	int64_t org, rita, rob, max, mia, ann, north, south;
	int64_t trait[2];
	char slug[48];
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char email[96];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(w->slug, sizeof(w->slug), "hire%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, w->slug, "Hire", "en", "EUR", &w->org));
	struct { const char *who, *role; int64_t *id; } people[] = {
		{ "rita", "rep", &w->rita }, { "rob", "rep", &w->rob }, { "max", "manager", &w->max },
		{ "mia", "manager", &w->mia }, { "ann", "admin", &w->ann },
	};
	for (size_t i = 0; i < N_ELEMS(people); i++) {
		snprintf(email, sizeof(email), "%s@%s.test", people[i].who, w->slug);
		OK(user_create(c, w->org, email, people[i].who, people[i].role, "x", people[i].id));
	}
	OK(team_create(c, w->org, "North", w->max, "", "", &w->north));
	OK(team_create(c, w->org, "South", w->mia, "", "", &w->south));
	OK(user_set_team(c, w->org, w->rita, w->north));
	OK(user_set_team(c, w->org, w->rob, w->south));
	struct db_stmt *st = DBQ(c, "SELECT id FROM traits WHERE org_id = $1 ORDER BY position, id LIMIT 2", P_I(w->org));
	for (int i = 0; i < 2 && db_step(st) == DB_ROW; i++)
		w->trait[i] = db_col_i64(st, 0);
	OK(db_finish(st));
	ck_assert_int_gt(w->trait[1], 0);
}

static int64_t candidate(struct world *w, const char *name, const char *email)
{
	struct candidate_new cn = { name, email, "", "referral", "Seller", "Acme", "", "", 0, NULL, "2027-11-01", w->max,
				    "2026-11-01" };
	int64_t id = 0;
	OK(candidate_add(c, w->org, &cn, &id));
	return id;
}

/* a scorecard of the candidate by the interviewer with scores for the two traits */
static void scorecard(struct world *w, int64_t cand, int64_t by, const char *status, int s0, int s1, const char *ev0)
{
	int64_t iv = DB_I64(c, 0, "INSERT INTO interviews (org_id, candidate_id, held_on, created_by, created_at) "
			    "VALUES ($1, $2, '2026-11-20', $3, 1) RETURNING id", P_I(w->org), P_I(cand), P_I(by));
	ck_assert_int_gt(iv, 0);
	int64_t sc = DB_I64(c, 0, "INSERT INTO scorecards (org_id, interview_id, candidate_id, interviewer_id, status, "
			    "submitted_at, created_at) VALUES ($1, $2, $3, $4, $5, 1, 1) RETURNING id",
			    P_I(w->org), P_I(iv), P_I(cand), P_I(by), P_T(status));
	ck_assert_int_gt(sc, 0);
	OK(DBX(c, "INSERT INTO scorecard_scores (org_id, scorecard_id, trait_id, score, evidence) VALUES ($1, $2, $3, $4, $5)",
	       P_I(w->org), P_I(sc), P_I(w->trait[0]), P_I(s0), P_T(ev0)));
	OK(DBX(c, "INSERT INTO scorecard_scores (org_id, scorecard_id, trait_id, score, evidence) VALUES ($1, $2, $3, $4, '')",
	       P_I(w->org), P_I(sc), P_I(w->trait[1]), P_I(s1)));
}

static struct hire_new hire_of(struct world *w, int64_t cand, const char *email, int64_t team)
{
	return (struct hire_new){ .candidate_id = cand, .name = "Sanne de Vries", .email = email, .lang = "nl",
				  .team_id = team, .start_on = "2027-01-04", .password = "correct horse battery",
				  .hired_by = w->max, .round_name = "From interviews", .today = "2026-11-25" };
}

START_TEST(hire_makes_rep_and_first_assessment)
{
	struct world w;
	world_new(&w);
	db_set_actor(c, w.max, "web");
	OK(recruit_stages_ensure(c, w.org, 0));
	int64_t vac = 0, first_stage = DB_I64(c, 0, "SELECT id FROM recruit_stages WHERE org_id = $1 ORDER BY position "
					      "LIMIT 1", P_I(w.org));
	struct vacancy_new vn = { "Seller North", w.north, "", NULL, NULL };
	OK(vacancy_add(c, w.org, &vn, &vac));
	int64_t cand = candidate(&w, "Sanne de Vries", "sanne@example.test");
	OK(candidate_move(c, w.org, cand, vac, first_stage));
	scorecard(&w, cand, w.max, "submitted", 4, 3, "Knew her numbers");
	scorecard(&w, cand, w.rita, "submitted", 5, 4, "Set her own goal");
	scorecard(&w, cand, w.rob, "draft", 1, 1, "Draft text");	/* does not count */
	int64_t audit0 = COUNT(&w, "SELECT count(*) FROM audit_log WHERE org_id = $1");
	struct hire_new hn = hire_of(&w, cand, "Sanne@Example.test", w.north);
	struct hire_result res;
	const char *field, *msg;
	OK(hire_candidate(c, w.a, w.org, &hn, &res, &field, &msg));
	ck_assert_int_gt(res.user_id, 0);
	ck_assert_int_eq(res.scorecards, 2);
	ck_assert_uint_eq(res.ntraits, 2);
	struct user u;
	OK(user_get(c, w.a, w.org, res.user_id, &u));
	ck_str(u.role, "rep", "role");
	ck_str(u.email, "sanne@example.test", "e-mail normalised");
	ck_str(u.locale, "nl", "language");
	ck_assert_int_eq(u.team_id, w.north);
	/* the candidate: hired, on the start date, at the hired stage */
	ck_assert_int_eq(DB_I64(c, 0, "SELECT hired_user_id FROM candidates WHERE org_id = $1 AND id = $2", P_I(w.org),
				P_I(cand)), res.user_id);
	ck_assert_int_eq(DB_I64(c, 0, "SELECT count(*) FROM candidates c JOIN recruit_stages s ON s.org_id = c.org_id "
				"AND s.id = c.stage_id WHERE c.org_id = $1 AND c.id = $2 AND s.kind = 'hired' AND "
				"c.hired_on = '2027-01-04'", P_I(w.org), P_I(cand)), 1);
	/* the round and the form */
	ck_assert_int_eq(DB_I64(c, 0, "SELECT count(*) FROM assessment_rounds WHERE org_id = $1 AND id = $2 AND rep_id = $3 "
				"AND from_interviews = 1 AND status = 'closed' AND name = 'From interviews'",
				P_I(w.org), P_I(res.round_id), P_I(res.user_id)), 1);
	ck_assert_int_eq(DB_I64(c, 0, "SELECT count(*) FROM assessments WHERE org_id = $1 AND id = $2 AND rep_id = $3 "
				"AND rater_id = $4 AND rater_kind = 'manager' AND status = 'submitted' AND round_id = $5",
				P_I(w.org), P_I(res.assessment_id), P_I(res.user_id), P_I(w.max), P_I(res.round_id)), 1);
	/* (4 + 5) / 2 = 4.5 -> 5; (3 + 4) / 2 = 3.5 -> 4; the draft's 1s left out */
	ck_assert_int_eq(DB_I64(c, 0, "SELECT score FROM assessment_scores WHERE org_id = $1 AND assessment_id = $2 AND "
				"trait_id = $3", P_I(w.org), P_I(res.assessment_id), P_I(w.trait[0])), 5);
	ck_assert_int_eq(DB_I64(c, 0, "SELECT score FROM assessment_scores WHERE org_id = $1 AND assessment_id = $2 AND "
				"trait_id = $3", P_I(w.org), P_I(res.assessment_id), P_I(w.trait[1])), 4);
	struct db_stmt *st = DBQ(c, "SELECT evidence FROM assessment_scores WHERE org_id = $1 AND assessment_id = $2 AND "
				 "trait_id = $3", P_I(w.org), P_I(res.assessment_id), P_I(w.trait[0]));
	ck_assert_int_eq(db_step(st), DB_ROW);
	ck_str(db_col_text(st, 0), "max: Knew her numbers\nrita: Set her own goal", "evidence joined, by name");
	OK(db_finish(st));
	/* audit: the user's creation, the hire, the assessment's creation — no evidence text */
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM audit_log WHERE org_id = $1") - audit0, 3);
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM audit_log WHERE org_id = $1 AND action = 'hired'"), 1);
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM audit_log WHERE org_id = $1 AND (after_json LIKE '%Knew her%' "
			       "OR before_json LIKE '%Knew her%')"), 0);
	db_set_actor(c, 0, NULL);
	arena_free(w.a);
}
END_TEST

START_TEST(failure_leaves_nothing)
{
	struct world w;
	world_new(&w);
	int64_t cand = candidate(&w, "Sanne de Vries", "sanne@example.test");
	scorecard(&w, cand, w.max, "submitted", 4, 3, "Heard");
	int64_t users0 = COUNT(&w, "SELECT count(*) FROM users WHERE org_id = $1");
	int64_t audit0 = COUNT(&w, "SELECT count(*) FROM audit_log WHERE org_id = $1");
	struct hire_result res;
	const char *field, *msg;
	/* Rita's address: taken */
	char taken[96];
	snprintf(taken, sizeof(taken), "rita@%s.test", w.slug);
	struct hire_new hn = hire_of(&w, cand, taken, w.north);
	EXPECT(hire_candidate(c, w.a, w.org, &hn, &res, &field, &msg), E_CONFLICT);
	ck_str(field, "email", "field");
	ck_assert_int_eq(res.user_id, 0);
	/* a team of another organisation */
	struct world other;
	world_new(&other);
	hn = hire_of(&w, cand, "sanne@example.test", other.north);
	EXPECT(hire_candidate(c, w.a, w.org, &hn, &res, &field, &msg), E_INVALID);
	ck_str(field, "team", "field");
	ck_assert_int_eq(COUNT(&other, "SELECT count(*) FROM users WHERE org_id = $1"), 5);
	/* nothing of either */
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM users WHERE org_id = $1"), users0);
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM assessment_rounds WHERE org_id = $1"), 0);
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM assessments WHERE org_id = $1"), 0);
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM candidates WHERE org_id = $1 AND hired_user_id IS NOT NULL"), 0);
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM audit_log WHERE org_id = $1"), audit0);
	/* hired once; a second hire fails after its user's insert and leaves no user behind */
	hn = hire_of(&w, cand, "sanne@example.test", w.north);
	OK(hire_candidate(c, w.a, w.org, &hn, &res, &field, &msg));
	int64_t users1 = COUNT(&w, "SELECT count(*) FROM users WHERE org_id = $1");
	ck_assert_int_eq(users1, users0 + 1);
	int64_t audit1 = COUNT(&w, "SELECT count(*) FROM audit_log WHERE org_id = $1");
	OK(DBX(c, "UPDATE candidates SET hired_user_id = NULL WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(cand)));
	/* hired meanwhile, by another request: the guard in the UPDATE */
	OK(DBX(c, "UPDATE candidates SET hired_user_id = $3 WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(cand),
	       P_I(w.rita)));
	hn = hire_of(&w, cand, "sanne.two@example.test", w.north);
	EXPECT(hire_candidate(c, w.a, w.org, &hn, &res, &field, &msg), E_CONFLICT);
	ck_str(field, "candidate", "field");
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM users WHERE org_id = $1"), users1);
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM audit_log WHERE org_id = $1"), audit1);
	arena_free(w.a);
	arena_free(other.a);
}
END_TEST

START_TEST(no_scorecards_no_assessment)
{
	struct world w;
	world_new(&w);
	int64_t cand = candidate(&w, "Piet", "piet@example.test");
	scorecard(&w, cand, w.max, "draft", 4, 3, "Unfinished");
	struct hire_new hn = hire_of(&w, cand, "piet@example.test", w.south);
	struct hire_result res;
	const char *field, *msg;
	OK(hire_candidate(c, w.a, w.org, &hn, &res, &field, &msg));
	ck_assert_int_gt(res.user_id, 0);
	ck_assert_int_eq(res.assessment_id, 0);
	ck_assert_int_eq(res.scorecards, 0);
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM assessment_rounds WHERE org_id = $1"), 0);
	arena_free(w.a);
}
END_TEST

START_TEST(back_into_the_pool)
{
	struct world w;
	world_new(&w);
	OK(recruit_stages_ensure(c, w.org, 0));
	int64_t vac = 0, declined = DB_I64(c, 0, "SELECT id FROM recruit_stages WHERE org_id = $1 AND kind = 'declined' "
					   "LIMIT 1", P_I(w.org));
	struct vacancy_new vn = { "Seller South", w.south, "", NULL, NULL };
	OK(vacancy_add(c, w.org, &vn, &vac));
	int64_t cand = candidate(&w, "Kees", "");
	OK(candidate_move(c, w.org, cand, vac, declined));
	struct candidate_conv_new cv = { .candidate_id = cand, .author_id = w.mia, .kind = "call", .held_on = "2026-11-20",
					 .outcome = "step", .step_what = "Decide", .step_who = "Kees",
					 .step_due = "2026-11-30", .retain_until = "2027-11-20" };
	int64_t conv;
	OK(candidate_conv_add(c, w.org, &cv, &conv));
	struct back_to_pool bp = { .candidate_id = cand, .author_id = w.mia, .kind = "call", .held_on = "2026-11-25",
				   .notes = "", .touch_on = "2027-03-01", .what = "Get back in touch", .who = "mia",
				   .retain_until = "2027-11-25" };
	int64_t step = 0;
	OK(candidate_back_to_pool(c, w.org, &bp, &step));
	ck_assert_int_gt(step, 0);
	struct candidate cd;
	OK(candidate_get(c, w.a, w.org, cand, w.mia, &cd));
	ck_assert_int_eq(cd.vacancy_id, 0);
	ck_assert_int_eq(cd.stage_id, 0);
	ck_assert_int_eq(cd.step_id, step);
	ck_str(cd.step_what, "Get back in touch", "step");
	ck_str(cd.step_due, "2027-03-01", "due");
	ck_str(cd.retain_until, "2027-11-25", "kept until");
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM candidate_steps WHERE org_id = $1 AND status = 'open'"), 1);
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM candidate_steps WHERE org_id = $1 AND status = 'cancelled' "
			       "AND what = 'Decide'"), 1);
	/* a hired candidate is not sent back */
	OK(DBX(c, "UPDATE candidates SET hired_user_id = $3 WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(cand),
	       P_I(w.rob)));
	EXPECT(candidate_back_to_pool(c, w.org, &bp, &step), E_CONFLICT);
	ck_assert_int_eq(COUNT(&w, "SELECT count(*) FROM candidate_steps WHERE org_id = $1 AND status = 'open'"), 1);
	arena_free(w.a);
}
END_TEST

/* a manager form of the rep in a new round, submitted at `at`, with the rows given */
static int64_t manager_form(struct world *w, int64_t rep, int64_t at, int interviews, const int *scores, size_t n)
{
	int64_t round = DB_I64(c, 0, "INSERT INTO assessment_rounds (org_id, name, rep_id, opened_by, opened_on, status, "
			       "created_at, from_interviews) VALUES ($1, 'R', $2, $3, '2026-06-01', 'closed', 1, $4) "
			       "RETURNING id", P_I(w->org), P_I(rep), P_I(w->max), P_I(interviews));
	int64_t a = DB_I64(c, 0, "INSERT INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, status, "
			   "submitted_at, created_at) VALUES ($1, $2, $3, $4, 'manager', 'submitted', $5, 1) RETURNING id",
			   P_I(w->org), P_I(round), P_I(rep), P_I(w->max), P_I(at));
	/* rows: trait 0 as a whole, then trait 1 per sub-skill (ids 1, 2, ...) */
	OK(DBX(c, "INSERT INTO assessment_scores (org_id, assessment_id, trait_id, subskill_id, score) VALUES ($1, $2, $3, 0, $4)",
	       P_I(w->org), P_I(a), P_I(w->trait[0]), P_I(scores[0])));
	for (size_t i = 1; i < n; i++)
		OK(DBX(c, "INSERT INTO assessment_scores (org_id, assessment_id, trait_id, subskill_id, score) "
			  "VALUES ($1, $2, $3, $4, $5)", P_I(w->org), P_I(a), P_I(w->trait[1]), P_I((int64_t)i), P_I(scores[i])));
	return a;
}

START_TEST(profile_scores)
{
	struct world w, other;
	world_new(&w);
	world_new(&other);
	const int64_t since = 1000000;
	/* Rita: an older form, the latest, and a later one from interviews (left out) */
	manager_form(&w, w.rita, since + 10, 0, (const int[]){ 1, 1, 1 }, 3);
	/* two in the same second: the later one (the higher id) is the latest */
	manager_form(&w, w.rita, since + 20, 0, (const int[]){ 2, 2, 2 }, 3);
	manager_form(&w, w.rita, since + 20, 0, (const int[]){ 4, 3, 4 }, 3);
	manager_form(&w, w.rita, since + 30, 1, (const int[]){ 5, 5 }, 2);
	/* Rob: only before the window */
	manager_form(&w, w.rob, since - 1, 0, (const int[]){ 2, 2 }, 2);
	/* a deactivated rep */
	int64_t gone = 0;
	char email[96];
	snprintf(email, sizeof(email), "gone@%s.test", w.slug);
	OK(user_create(c, w.org, email, "gone", "rep", "x", &gone));
	manager_form(&w, gone, since + 5, 0, (const int[]){ 3, 3 }, 2);
	OK(user_set_active(c, w.org, gone, 0));
	/* the other organisation's rep */
	manager_form(&other, other.rita, since + 5, 0, (const int[]){ 5, 5 }, 2);
	struct hp_score_row *rows;
	size_t n;
	int cut;
	OK(hiring_profile_scores(c, w.a, w.org, since, 1, &rows, &n, &cut));
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(cut, 0);
	ck_assert_int_eq(rows[0].rep_id, w.rita);
	ck_assert_int_eq(rows[0].trait_id < rows[1].trait_id, 1);
	int t0 = rows[0].trait_id == w.trait[0] ? 0 : 1;
	/* trait 0 as a whole: 4 / 1; trait 1 per sub-skill: (3 + 4) / 2 */
	ck_assert_int_eq(rows[t0].sum, 4);
	ck_assert_int_eq(rows[t0].count, 1);
	ck_assert_int_eq(rows[1 - t0].sum, 7);
	ck_assert_int_eq(rows[1 - t0].count, 2);
	arena_free(w.a);
	arena_free(other.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-hire", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "hire-sqlite" : "hire-postgresql");
	TCase *tc = tcase_create("hire");
	tcase_add_test(tc, hire_makes_rep_and_first_assessment);
	tcase_add_test(tc, failure_leaves_nothing);
	tcase_add_test(tc, no_scorecards_no_assessment);
	tcase_add_test(tc, back_into_the_pool);
	tcase_add_test(tc, profile_scores);
	suite_add_tcase(s, tc);
	return store_harness_run(s);
}
