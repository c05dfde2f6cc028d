/*
 * test-store-pipeline: the store queries of the pipeline — stages, accounts
 * and deals, conversations and their next steps — against a real database
 * — and the counts of the home page and the health check's ping —
 * (SG_TEST_DB as for test-store: SQLite or PostgreSQL, fresh; unset: a
 * temporary SQLite file). Unlike test-store, no test depends on another:
 * each makes its own organisation and people, and main runs the whole list
 * forwards and then backwards on the same database to show it.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/stages.h"
#include "store/deals.h"
#include "store/conversations.h"
#include "store/health.h"
#include "lib/arena.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store-harness.h"

#define TODAY "2026-11-20"

#define EXPECT(expr, want)                                                                     \
	do {                                                                                   \
		enum err e_ = (expr);                                                          \
		ck_assert_msg(e_ == (want), "%s: got %s, want %s (%s)", #expr, err_name(e_),   \
			      err_name(want), db_errmsg(c));                                   \
	} while (0)
#define OK(expr) EXPECT(expr, E_OK)

/* an organisation of its own, with a rep and a manager, and its stages */
struct world {
	int64_t org, rep, manager, first_open, won, lost;
	struct arena *a;
};

static void world_new(struct world *w, const char *what)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "p%d-%ld-%d", (int)getpid() % 100000, (long)++n, (int)(strlen(what) % 10));
	OK(org_create(c, slug, what, "en", "EUR", &w->org));
	snprintf(email, sizeof(email), "rep@%s.test", slug);
	OK(user_create(c, w->org, email, "Rita Rep", "rep", "x", &w->rep));
	snprintf(email, sizeof(email), "max@%s.test", slug);
	OK(user_create(c, w->org, email, "Max Manager", "manager", "x", &w->manager));
	OK(stages_ensure(c, w->org, LANG_EN));
	OK(stage_special(c, w->org, &w->first_open, &w->won, &w->lost));
	ck_assert_int_gt(w->first_open, 0);
}

static void world_free(struct world *w)
{
	arena_free(w->a);
}

static int64_t new_deal(struct world *w, const char *title, int64_t *account)
{
	int64_t acc = 0, id = 0;
	OK(account_create(c, w->org, title, w->rep, NULL, &acc));
	struct deal_input in = { .title = title, .account_id = acc, .value_minor = 500000, .currency = "EUR",
				 .owner_id = w->rep, .stage_id = w->first_open, .product = "Widgets" };
	OK(deal_create(c, w->org, &in, TODAY, &id));
	ck_assert_int_gt(id, 0);
	if (account)
		*account = acc;
	return id;
}

/* logs a call on the deal ending in a next step; returns the step's id */
static int64_t log_step(struct world *w, int64_t deal, const char *what, const char *due)
{
	struct conversation_log_input li = { 0 };
	li.in.kind = "call";
	li.in.date = "2026-11-19";
	li.in.minutes = 30;
	li.in.deal_id = deal;
	li.in.gut_feeling = 4;
	li.in.outcome = "step";
	li.in.step_what = what;
	li.in.step_due = due;
	li.in.step_who = "Anna";
	li.rep_id = w->rep;
	li.at = 1795600000;
	li.notes = "notes";
	int64_t conv = 0;
	struct rule_error re = { 0 };
	enum err e = conversation_log(c, w->a, w->org, &li, TODAY, 3, &conv, &re);
	ck_assert_msg(e == E_OK, "conversation_log: %s (%s: %s)", err_name(e), re.field ? re.field : "-",
		      re.message ? re.message : db_errmsg(c));
	struct step_list l;
	OK(step_list(c, w->a, w->org, 0, deal, "open", 0, 0, &l));
	for (size_t i = 0; i < l.n; i++)
		if (!strcmp(l.items[i].what, what))
			return l.items[i].id;
	ck_abort_msg("no open step \"%s\" after logging it", what);
	return 0;
}

/* ------------------------------------------------------------- stages */

START_TEST(stages_defaults_once)
{
	struct world w;
	world_new(&w, "Stages Defaults");
	struct stage_list l;
	OK(stage_list(c, w.a, w.org, &l));
	ck_assert_uint_ge(l.n, 3);
	int open = 0, won = 0, lost = 0;
	for (size_t i = 0; i < l.n; i++) {
		open += !strcmp(l.items[i].kind, "open");
		won += !strcmp(l.items[i].kind, "won");
		lost += !strcmp(l.items[i].kind, "lost");
		if (i)	/* in pipeline order */
			ck_assert_int_gt(l.items[i].position, l.items[i - 1].position);
	}
	ck_assert_int_ge(open, 1);
	ck_assert_int_eq(won, 1);
	ck_assert_int_eq(lost, 1);
	/* a second ensure adds nothing */
	size_t n = l.n;
	OK(stages_ensure(c, w.org, LANG_NL));
	OK(stage_list(c, w.a, w.org, &l));
	ck_assert_uint_eq(l.n, n);
	world_free(&w);
}
END_TEST

START_TEST(stages_create_update_delete)
{
	struct world w;
	world_new(&w, "Stages Crud");
	struct stage s = { .name = "Pilot", .definition = "A pilot runs.", .commitment = "They agree to a pilot.",
			   .kind = "open" };
	int64_t id = 0;
	OK(stage_create(c, w.org, &s, &id));
	ck_assert_int_gt(id, 0);
	struct stage got;
	OK(stage_get(c, w.a, w.org, id, &got));
	ck_str(got.name, "Pilot", "name");
	ck_str(got.commitment, "They agree to a pilot.", "commitment");
	got.name = "Paid pilot";
	OK(stage_update(c, w.org, &got));
	OK(stage_get(c, w.a, w.org, id, &got));
	ck_str(got.name, "Paid pilot", "renamed");
	/* a stage holding a deal stays */
	int64_t deal = new_deal(&w, "Stage Holder", NULL);
	struct deal d;
	OK(deal_get(c, w.a, w.org, deal, &d));
	struct deal_input in = { .title = d.title, .account_id = d.account_id, .value_minor = d.value_minor,
				 .currency = d.currency, .owner_id = d.owner_id, .stage_id = id, .product = d.product };
	OK(deal_update(c, w.org, deal, &in, TODAY));
	EXPECT(stage_delete(c, w.org, id), E_CONFLICT);
	in.stage_id = w.first_open;
	OK(deal_update(c, w.org, deal, &in, TODAY));
	OK(stage_delete(c, w.org, id));
	EXPECT(stage_get(c, w.a, w.org, id, &got), E_NOTFOUND);
	world_free(&w);
}
END_TEST

START_TEST(stages_scoped_to_org)
{
	struct world w, other;
	world_new(&w, "Stages Mine");
	world_new(&other, "Stages Theirs");
	struct stage got;
	EXPECT(stage_get(c, w.a, other.org, w.first_open, &got), E_NOTFOUND);
	EXPECT(stage_delete(c, other.org, w.first_open), E_NOTFOUND);
	got = (struct stage){ .id = w.first_open, .name = "Taken over", .definition = "", .commitment = "",
			      .kind = "open" };
	enum err e = stage_update(c, other.org, &got);
	ck_assert_int_ne(e, E_OK);
	OK(stage_get(c, w.a, w.org, w.first_open, &got));
	ck_assert_str_ne(got.name, "Taken over");
	world_free(&w);
	world_free(&other);
}
END_TEST

/* -------------------------------------------------------------- deals */

START_TEST(deals_create_get_list)
{
	struct world w;
	world_new(&w, "Deals Basic");
	int64_t acc = 0;
	int64_t id = new_deal(&w, "Big Order", &acc);
	struct deal d;
	OK(deal_get(c, w.a, w.org, id, &d));
	ck_str(d.title, "Big Order", "title");
	ck_assert_int_eq(d.account_id, acc);
	ck_assert_int_eq(d.owner_id, w.rep);
	ck_assert_int_eq(d.value_minor, 500000);
	ck_str(d.status, "open", "status");
	ck_str(d.created_on, TODAY, "created_on");
	new_deal(&w, "Small Order", NULL);
	struct deal_list l;
	struct deal_filter f = { .scope = SCOPE_ALL, .status = "open" };
	OK(deal_list(c, w.a, w.org, &f, &l));
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.total, 2);
	f.q = "big";
	OK(deal_list(c, w.a, w.org, &f, &l));
	ck_assert_uint_eq(l.n, 1);
	ck_str(l.items[0].title, "Big Order", "search");
	f = (struct deal_filter){ .scope = SCOPE_ALL, .limit = 1, .offset = 1 };
	OK(deal_list(c, w.a, w.org, &f, &l));
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.total, 2);
	int64_t found = 0;
	OK(account_by_name(c, w.org, "BIG ORDER", &found));
	ck_assert_int_eq(found, acc);
	world_free(&w);
}
END_TEST

START_TEST(deals_scoped_to_org)
{
	struct world w, other;
	world_new(&w, "Deals Mine");
	world_new(&other, "Deals Theirs");
	int64_t acc = 0;
	int64_t id = new_deal(&w, "Secret Deal", &acc);
	struct deal d;
	EXPECT(deal_get(c, other.a, other.org, id, &d), E_NOTFOUND);
	struct account a;
	EXPECT(account_get(c, other.a, other.org, acc, &a), E_NOTFOUND);
	EXPECT(account_update(c, other.org, acc, "Renamed"), E_NOTFOUND);
	EXPECT(deal_close(c, other.org, id, "won", NULL, NULL, TODAY), E_NOTFOUND);
	struct deal_list l;
	struct deal_filter f = { .scope = SCOPE_ALL };
	OK(deal_list(c, other.a, other.org, &f, &l));
	ck_assert_uint_eq(l.n, 0);
	int64_t found = 0;
	EXPECT(account_by_name(c, other.org, "Secret Deal", &found), E_NOTFOUND);
	OK(deal_get(c, w.a, w.org, id, &d));
	ck_str(d.status, "open", "untouched");
	world_free(&w);
	world_free(&other);
}
END_TEST

START_TEST(deals_close_and_reopen)
{
	struct world w;
	world_new(&w, "Deals Close");
	int64_t id = new_deal(&w, "Closing Deal", NULL);
	int64_t step = log_step(&w, id, "send the contract", "2026-11-25");
	OK(deal_close(c, w.org, id, "lost", "price", "too dear", TODAY));
	struct deal d;
	OK(deal_get(c, w.a, w.org, id, &d));
	ck_str(d.status, "lost", "status");
	ck_str(d.lost_reason, "price", "reason");
	ck_str(d.lost_note, "too dear", "note");
	ck_str(d.closed_on, TODAY, "closed_on");
	struct step_row s;
	OK(step_get(c, w.a, w.org, step, &s));
	ck_str(s.status, "cancelled", "closing cancels the open steps");
	OK(deal_reopen(c, w.org, id, TODAY));
	OK(deal_get(c, w.a, w.org, id, &d));
	ck_str(d.status, "open", "reopened");
	ck_str(d.lost_reason, "", "reason gone");
	EXPECT(deal_reopen(c, w.org, id, TODAY), E_NOTFOUND);	/* it is open already */
	struct deal_list l;
	struct deal_filter f = { .scope = SCOPE_ALL, .status = "lost" };
	OK(deal_list(c, w.a, w.org, &f, &l));
	ck_assert_uint_eq(l.n, 0);
	world_free(&w);
}
END_TEST

/* -------------------------------------------------------------- steps */

START_TEST(steps_keep_slip_cancel)
{
	struct world w;
	world_new(&w, "Steps Life");
	int64_t deal = new_deal(&w, "Stepping Deal", NULL);
	int64_t s1 = log_step(&w, deal, "demo for the CFO", "2026-11-25");
	struct step_row s;
	OK(step_get(c, w.a, w.org, s1, &s));
	ck_str(s.status, "open", "new step");
	ck_str(s.due, "2026-11-25", "due");
	ck_str(s.who, "Anna", "who");
	ck_assert_int_eq(s.rep_id, w.rep);
	ck_assert_int_eq(s.slips, 0);
	struct rule_error re = { 0 };
	OK(step_slip(c, w.a, w.org, s1, "2026-11-28", TODAY, &re));
	OK(step_get(c, w.a, w.org, s1, &s));
	ck_str(s.due, "2026-11-28", "moved");
	ck_str(s.original_due, "2026-11-25", "original kept");
	ck_assert_int_eq(s.slips, 1);
	OK(step_keep(c, w.org, s1, TODAY));
	OK(step_get(c, w.a, w.org, s1, &s));
	ck_str(s.status, "kept", "kept");
	ck_str(s.done_on, TODAY, "done_on");
	/* only an open step changes */
	EXPECT(step_keep(c, w.org, s1, TODAY), E_NOTFOUND);
	EXPECT(step_cancel(c, w.org, s1), E_NOTFOUND);
	int64_t s2 = log_step(&w, deal, "send the offer", "2026-11-30");
	OK(step_cancel(c, w.org, s2));
	OK(step_get(c, w.a, w.org, s2, &s));
	ck_str(s.status, "cancelled", "cancelled");
	struct step_list l;
	OK(step_list(c, w.a, w.org, w.rep, 0, NULL, 0, 0, &l));
	ck_assert_uint_eq(l.n, 2);
	OK(step_list(c, w.a, w.org, 0, deal, "open", 0, 0, &l));
	ck_assert_uint_eq(l.n, 0);
	world_free(&w);
}
END_TEST

START_TEST(steps_agenda_and_scope)
{
	struct world w, other;
	world_new(&w, "Steps Agenda");
	world_new(&other, "Steps Other");
	int64_t deal = new_deal(&w, "Agenda Deal", NULL);
	int64_t soon = log_step(&w, deal, "call back", "2026-11-21");
	struct step_list l;
	OK(step_agenda(c, w.a, w.org, w.rep, "2026-11-22", &l));
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.items[0].id, soon);
	OK(step_agenda(c, w.a, w.org, w.rep, "2026-11-20", &l));
	ck_assert_uint_eq(l.n, 0);
	/* another organisation sees nothing of it, and cannot change it */
	struct step_row s;
	EXPECT(step_get(c, other.a, other.org, soon, &s), E_NOTFOUND);
	EXPECT(step_keep(c, other.org, soon, TODAY), E_NOTFOUND);
	EXPECT(step_cancel(c, other.org, soon), E_NOTFOUND);
	struct rule_error re = { 0 };
	enum err e = step_slip(c, other.a, other.org, soon, "2026-12-01", TODAY, &re);
	ck_assert_int_ne(e, E_OK);
	OK(step_list(c, other.a, other.org, 0, deal, NULL, 0, 0, &l));
	ck_assert_uint_eq(l.n, 0);
	OK(step_get(c, w.a, w.org, soon, &s));
	ck_str(s.status, "open", "untouched");
	ck_str(s.due, "2026-11-21", "not moved");
	world_free(&w);
	world_free(&other);
}
END_TEST

/* ------------------------------------- the home page's and health's queries */

START_TEST(users_count_active_and_ping)
{
	struct world w, other;
	world_new(&w, "Counting");
	world_new(&other, "Counting Other");
	int64_t users = -1, reps = -1;
	OK(user_count_active(c, w.org, &users, &reps));
	ck_assert_int_eq(users, 2);	/* the rep and the manager */
	ck_assert_int_eq(reps, 1);
	OK(user_set_active(c, w.org, w.rep, 0));
	OK(user_count_active(c, w.org, &users, &reps));
	ck_assert_int_eq(users, 1);
	ck_assert_int_eq(reps, 0);
	OK(user_count_active(c, other.org, &users, &reps));
	ck_assert_int_eq(users, 2);	/* the other organisation's own */
	/* the pool has one connection, which this test holds: ping waits for
	 * it, gives up, and says so rather than blocking for ever */
	EXPECT(store_ping(db), E_UNAVAILABLE);
	db_release(c);
	OK(store_ping(db));
	c = db_acquire(db, NULL);
	ck_assert_ptr_nonnull(c);
	world_free(&w);
	world_free(&other);
}
END_TEST

/* ---------------------------------------------------------------- main */

int main(void)
{
	if (store_harness_open("test-store-pipeline", 0))
		return EXIT_FAILURE;

	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "pipeline-sqlite" : "pipeline-postgresql");
	/* forwards, then backwards: a test that leaned on an earlier one fails
	 * in one of the two orders */
	const TTest *tests[] = {
		stages_defaults_once, stages_create_update_delete, stages_scoped_to_org,
		deals_create_get_list, deals_scoped_to_org, deals_close_and_reopen,
		steps_keep_slip_cancel, steps_agenda_and_scope, users_count_active_and_ping,
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
