/*
 * test-store-inbox: the store queries of the coach's inbox (store/inbox.c)
 * against a real database (SG_TEST_DB: SQLite or PostgreSQL; unset: a
 * temporary SQLite file): the reps of a manager's teams (or, for 0, of
 * every team) with the day of their last learning done, the manager left
 * out; dismissals and snoozes replacing one another per user and item; and
 * that nothing reaches into another user or organisation. Each test makes
 * its own organisation.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/inbox.h"
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

/* team North (manager Max, reps Rita and Ron), team South (manager Mia,
 * rep Rob), admin Ann */
struct world {
	int64_t org, rita, ron, rob, max, mia, ann, north, south;
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "inbox%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Inbox", "en", "EUR", &w->org));
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
	OK(user_set_team(c, w->org, w->max, w->north));		/* a manager in their own team */
}

static void learned(struct world *w, int64_t rep, const char *status, const char *done_on)
{
	OK(DBX(c, "INSERT INTO learning_activities (org_id, rep_id, kind, title, origin, status, done_on, created_by, created_at) "
		  "VALUES ($1, $2, 'book', 'A book', 'self', $3, $4, $2, 0)",
	       P_I(w->org), P_I(rep), P_T(status), done_on ? P_T(done_on) : P_NULL));
}

START_TEST(reps_of_a_manager)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	learned(&w, w.rita, "done", "2026-10-01");
	learned(&w, w.rita, "done", "2026-11-15");
	learned(&w, w.rita, "suggested", NULL);	/* not done: does not count */
	learned(&w, w.rob, "done", "2026-09-01");
	learned(&x, x.rita, "done", "2026-12-01");	/* another organisation */
	struct inbox_rep *r;
	size_t n;
	OK(inbox_reps(c, w.a, w.org, w.max, &r, &n));
	ck_assert_uint_eq(n, 2);		/* Rita and Ron; not Max himself, not Rob */
	ck_str(r[0].name, "rita", "first by name");
	ck_assert_int_eq(r[0].team_id, w.north);
	ck_assert_int_eq(r[0].manager_id, w.max);
	ck_str(r[0].last_learning, "2026-11-15", "Rita's last learning done");
	ck_str(r[1].name, "ron", "second");
	ck_str(r[1].last_learning, "", "Ron: none");
	ck_assert_int_eq(strlen(r[1].joined), 10);
	OK(inbox_reps(c, w.a, w.org, w.mia, &r, &n));
	ck_assert_uint_eq(n, 1);
	ck_str(r[0].last_learning, "2026-09-01", "Rob's");
	/* every team: Rita, Rob, Ron (Max leads North: left out) */
	OK(inbox_reps(c, w.a, w.org, 0, &r, &n));
	ck_assert_uint_eq(n, 3);
	/* a deactivated rep is not in the inbox */
	OK(DBX(c, "UPDATE users SET active = 0 WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(w.ron)));
	OK(inbox_reps(c, w.a, w.org, w.max, &r, &n));
	ck_assert_uint_eq(n, 1);
	/* another organisation's manager id with this organisation: nothing */
	OK(inbox_reps(c, w.a, w.org, x.max, &r, &n));
	ck_assert_uint_eq(n, 0);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

START_TEST(dismiss_and_snooze)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	struct inbox_dismissal *d;
	size_t n;
	OK(inbox_dismissals(c, w.a, w.org, w.max, &d, &n));
	ck_assert_uint_eq(n, 0);
	OK(inbox_dismiss(c, w.org, w.max, "one_on_one_overdue:rep:1", "since:2026-11-02", NULL));
	OK(inbox_dismiss(c, w.org, w.max, "loan_overdue:loan:5", "due:2026-11-30", "2026-12-14"));
	OK(inbox_dismissals(c, w.a, w.org, w.max, &d, &n));
	ck_assert_uint_eq(n, 2);
	ck_str(d[0].key, "loan_overdue:loan:5", "newest first");
	ck_str(d[0].until, "2026-12-14", "a snooze");
	ck_str(d[1].until, "", "a dismissal");
	/* again for the same item: replaces it (a snooze turned into a dismissal of a new state) */
	OK(inbox_dismiss(c, w.org, w.max, "loan_overdue:loan:5", "due:2026-12-01", NULL));
	OK(inbox_dismissals(c, w.a, w.org, w.max, &d, &n));
	ck_assert_uint_eq(n, 2);
	int found = 0;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(d[i].key, "loan_overdue:loan:5")) {
			found = 1;
			ck_str(d[i].fingerprint, "due:2026-12-01", "the new state");
			ck_str(d[i].until, "", "now dismissed");
		}
	ck_assert(found);
	/* the same key for another user, another organisation: their own */
	OK(inbox_dismiss(c, w.org, w.mia, "loan_overdue:loan:5", "due:2026-11-30", NULL));
	OK(inbox_dismissals(c, w.a, w.org, w.mia, &d, &n));
	ck_assert_uint_eq(n, 1);
	OK(inbox_dismissals(c, w.a, w.org, w.ann, &d, &n));
	ck_assert_uint_eq(n, 0);
	OK(inbox_dismissals(c, x.a, x.org, w.max, &d, &n));
	ck_assert_uint_eq(n, 0);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-inbox", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "inbox-sqlite" : "inbox-postgresql");
	const TTest *tests[] = { reps_of_a_manager, dismiss_and_snooze };
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
