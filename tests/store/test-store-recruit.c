/*
 * test-store-recruit: the store queries of recruiting, part 1
 * (store/recruit.c) against a real database (SG_TEST_DB: SQLite or
 * PostgreSQL; unset: a temporary SQLite file): the list's scope (an
 * admin's all; a manager's pool, with a vacancy of another team's left
 * out; an invited rep's one candidate), the filters (search, a whole tag,
 * source, status), a conversation's step and what the next one does to it
 * (kept, slipped with its count and first date, replaced, closed by a
 * stop), the retention date moved, invitations (twice is a conflict), and
 * that nothing reaches into another organisation. Each test makes its own
 * organisation.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/recruit.h"
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

/* team North (manager Max, rep Rita), team South (manager Mia, rep Rob), admin Ann */
struct world {
	int64_t org, rita, rob, max, mia, ann, north, south;
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "recruit%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Recruit", "en", "EUR", &w->org));
	struct { const char *who, *role; int64_t *id; } people[] = {
		{ "rita", "rep", &w->rita }, { "rob", "rep", &w->rob }, { "max", "manager", &w->max },
		{ "mia", "manager", &w->mia }, { "ann", "admin", &w->ann },
	};
	for (size_t i = 0; i < N_ELEMS(people); i++) {
		snprintf(email, sizeof(email), "%s@%s.test", people[i].who, slug);
		OK(user_create(c, w->org, email, people[i].who, people[i].role, "x", people[i].id));
	}
	OK(team_create(c, w->org, "North", w->max, "", "", &w->north));
	OK(team_create(c, w->org, "South", w->mia, "", "", &w->south));
	OK(user_set_team(c, w->org, w->rita, w->north));
	OK(user_set_team(c, w->org, w->rob, w->south));
}

static int64_t add(struct world *w, const char *name, const char *source, const char *tags, int64_t by)
{
	struct candidate_new cn = { name, "", "", source, "Seller", "Acme", tags, "", 0, NULL, "2027-11-01", by,
				    "2026-11-01" };
	int64_t id = 0;
	OK(candidate_add(c, w->org, &cn, &id));
	ck_assert_int_gt(id, 0);
	return id;
}

static size_t list(struct world *w, const struct candidate_scope *s, const struct candidate_filter *f,
		   struct candidate **out)
{
	size_t n;
	int64_t total;
	static const struct candidate_filter none = { 0 };
	OK(candidate_list(c, w->a, w->org, s, f ? f : &none, 100, 0, out, &n, &total));
	ck_assert_int_eq(total, (int64_t)n);
	return n;
}

static int has(const struct candidate *x, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(x[i].name, name))
			return 1;
	return 0;
}

START_TEST(scope_and_filters)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	int64_t sanne = add(&w, "Sanne", "referral", "Enterprise, fintech", w.max);
	add(&w, "Daan", "linkedin", "saas", w.max);
	int64_t south = add(&w, "Sofie South", "agency", "", w.mia);
	add(&x, "Stranger", "referral", "fintech", x.ann);
	/* Sofie is in a vacancy of team South */
	int64_t vac = DB_I64(c, 0, "INSERT INTO vacancies (org_id, title, team_id, created_at) VALUES ($1, 'AM South', "
			     "$2, 1) RETURNING id", P_I(w.org), P_I(w.south));
	ck_assert_int_gt(vac, 0);
	OK(DBX(c, "UPDATE candidates SET vacancy_id = $3 WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(south),
	       P_I(vac)));
	struct candidate *l;
	struct candidate_scope admin = { 1, 1, w.ann }, max = { 0, 1, w.max }, mia = { 0, 1, w.mia },
			       rita = { 0, 0, w.rita };
	ck_assert_uint_eq(list(&w, &admin, NULL, &l), 3);
	ck_str(l[0].name, "Daan", "by name");
	size_t n = list(&w, &max, NULL, &l);
	ck_assert_uint_eq(n, 2);
	ck_assert(!has(l, n, "Sofie South"));
	n = list(&w, &mia, NULL, &l);
	ck_assert_uint_eq(n, 3);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(l[i].name, "Sofie South")) {
			ck_assert_int_eq(l[i].vacancy_team_id, w.south);
			ck_str(l[i].vacancy_title, "AM South", "vacancy");
		}
	ck_assert_uint_eq(list(&w, &rita, NULL, &l), 0);
	/* invited: Rita sees Sanne, once; twice is a conflict */
	OK(candidate_invite(c, w.org, sanne, w.rita, w.max));
	EXPECT(candidate_invite(c, w.org, sanne, w.rita, w.max), E_CONFLICT);
	ck_assert_int_eq(candidate_invited_any(c, w.org, w.rita), 1);
	ck_assert_int_eq(candidate_invited_any(c, w.org, w.rob), 0);
	ck_assert_int_eq(candidate_invited_any(c, x.org, w.rita), 0);
	ck_assert_uint_eq(list(&w, &rita, NULL, &l), 1);
	ck_str(l[0].name, "Sanne", "invited");
	ck_assert_int_eq(l[0].invited, 1);
	struct candidate one;
	OK(candidate_get(c, w.a, w.org, sanne, w.rob, &one));
	ck_assert_int_eq(one.invited, 0);
	struct candidate_invitee *iv;
	OK(candidate_invitees(c, w.a, w.org, sanne, &iv, &n));
	ck_assert_uint_eq(n, 1);
	ck_str(iv[0].invited_by_name, "max", "invited by");
	/* filters: a whole tag (case and spaces ignored), a search, a source */
	struct candidate_filter f = { .tag = "FinTech" };
	n = list(&w, &admin, &f, &l);
	ck_assert_uint_eq(n, 1);
	ck_str(l[0].name, "Sanne", "tag");
	f = (struct candidate_filter){ .tag = "fin" };
	ck_assert_uint_eq(list(&w, &admin, &f, &l), 0);
	f = (struct candidate_filter){ .q = "SOF" };
	n = list(&w, &admin, &f, &l);
	ck_assert_uint_eq(n, 1);
	f = (struct candidate_filter){ .q = "100%" };
	ck_assert_uint_eq(list(&w, &admin, &f, &l), 0);
	f = (struct candidate_filter){ .source = "linkedin" };
	n = list(&w, &admin, &f, &l);
	ck_assert_uint_eq(n, 1);
	ck_str(l[0].name, "Daan", "source");
	/* another organisation: not found, not listed */
	EXPECT(candidate_get(c, x.a, x.org, sanne, x.ann, &one), E_NOTFOUND);
	struct candidate_scope xadmin = { 1, 1, x.ann };
	n = list(&x, &xadmin, NULL, &l);
	ck_assert_uint_eq(n, 1);
	ck_str(l[0].name, "Stranger", "their own");
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

START_TEST(steps_and_stops)
{
	struct world w;
	world_new(&w);
	int64_t id = add(&w, "Sanne", "event", "", w.max);
	struct candidate_conv_new cv = { .candidate_id = id, .author_id = w.max, .kind = "meeting",
					 .held_on = "2026-11-02", .notes = "Met at the fair", .outcome = "step",
					 .step_what = "Sends CV", .step_who = "Sanne", .step_due = "2026-11-09",
					 .retain_until = "2027-11-02" };
	int64_t conv;
	OK(candidate_conv_add(c, w.org, &cv, &conv));
	struct candidate s;
	OK(candidate_get(c, w.a, w.org, id, w.max, &s));
	ck_assert_int_eq(s.conversations, 1);
	ck_str(s.last_contact, "2026-11-02", "last contact");
	ck_str(s.step_what, "Sends CV", "the open step");
	ck_str(s.retain_until, "2027-11-02", "moved");
	/* kept, and a new step */
	cv.held_on = "2026-11-09";
	cv.open_step_id = s.step_id;
	cv.open_status = STEP_S_KEPT;
	cv.step_what = "Coffee";
	cv.step_due = "2026-11-20";
	OK(candidate_conv_add(c, w.org, &cv, &conv));
	OK(candidate_get(c, w.a, w.org, id, w.max, &s));
	ck_str(s.step_what, "Coffee", "the new step");
	ck_assert_int_eq(s.step_slips, 0);
	/* slipped twice: the same step, moved, its first date kept */
	for (int k = 0; k < 2; k++) {
		cv.open_step_id = s.step_id;
		cv.open_status = STEP_S_OPEN;
		cv.open_slipped = 1;
		cv.step_due = k ? "2026-12-04" : "2026-11-27";
		OK(candidate_conv_add(c, w.org, &cv, &conv));
		OK(candidate_get(c, w.a, w.org, id, w.max, &s));
	}
	ck_assert_int_eq(s.step_slips, 2);
	ck_str(s.step_due, "2026-12-04", "moved");
	ck_str(s.step_original_due, "2026-11-20", "first agreed");
	/* still open and a new step: the old one is replaced */
	int64_t old = s.step_id;
	cv.open_step_id = old;
	cv.open_slipped = 0;
	cv.step_what = "Ride along";
	cv.step_due = "2026-12-10";
	OK(candidate_conv_add(c, w.org, &cv, &conv));
	OK(candidate_get(c, w.a, w.org, id, w.max, &s));
	ck_assert_int_ne(s.step_id, old);
	ck_assert_int_eq(s.step_slips, 0);
	/* a stop: no open step, status stopped */
	cv.open_step_id = s.step_id;
	cv.open_status = STEP_S_KEPT;
	cv.outcome = "stop";
	cv.stop_reason = "timing";
	cv.stop_note = "After the summer";
	OK(candidate_conv_add(c, w.org, &cv, &conv));
	OK(candidate_get(c, w.a, w.org, id, w.max, &s));
	ck_str(s.status, "stopped", "stopped");
	ck_assert_int_eq(s.step_id, 0);
	ck_assert_int_eq(s.conversations, 6);
	struct candidate_conv *x;
	size_t n;
	OK(candidate_conversations(c, w.a, w.org, id, &x, &n));
	ck_assert_uint_eq(n, 6);
	ck_str(x[0].outcome, "stop", "newest first");
	ck_str(x[0].stop_note, "After the summer", "note");
	ck_assert_int_eq(x[0].step_id, 0);
	/* the statuses of the steps: kept, replaced (cancelled), kept by the stop */
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM candidate_steps WHERE org_id = $1 AND candidate_id = $2 "
				"AND status = 'kept'", P_I(w.org), P_I(id)), 2);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM candidate_steps WHERE org_id = $1 AND candidate_id = $2 "
				"AND status = 'cancelled'", P_I(w.org), P_I(id)), 1);
	arena_free(w.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-recruit", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "recruit-sqlite" : "recruit-postgresql");
	const TTest *tests[] = { scope_and_filters, steps_and_stops };
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
