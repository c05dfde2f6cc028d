/*
 * test-store-webhooks: the store queries of webhooks (store/webhooks.c)
 * against a real database (SG_TEST_DB: SQLite or PostgreSQL; unset: a
 * temporary SQLite file): an event is enqueued in the transaction of its
 * change — a conversation or a deal closed inside a transaction that is
 * rolled back leaves no outbox row, committed it leaves one per enabled
 * subscription that asked for it; the claim with a lease (claimed once,
 * again after the lease ran out, never once delivered); failures counted
 * and the subscription disabled at the limit; the sweep enqueues a step
 * once. Each test makes its own organisation.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/stages.h"
#include "store/deals.h"
#include "store/conversations.h"
#include "store/webhooks.h"
#include "lib/arena.h"
#include "lib/util.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>

#include "store-harness.h"

#define TODAY "2026-11-20"
#define EXPECT(expr, want)                                                                     \
	do {                                                                                   \
		enum err e_ = (expr);                                                          \
		ck_assert_msg(e_ == (want), "%s: got %s, want %s (%s)", #expr, err_name(e_),   \
			      err_name(want), db_errmsg(c));                                   \
	} while (0)
#define OK(expr) EXPECT(expr, E_OK)

struct world {
	int64_t org, rep, first_open, won, lost, deal, hook_all, hook_won, acc;
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "hooks%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Hooks", "en", "EUR", &w->org));
	snprintf(email, sizeof(email), "rep@%s.test", slug);
	OK(user_create(c, w->org, email, "Rita Rep", "rep", "x", &w->rep));
	OK(stages_ensure(c, w->org, LANG_EN));
	OK(stage_special(c, w->org, &w->first_open, &w->won, &w->lost));
	int64_t acc = 0;
	OK(account_create(c, w->org, "Acme", w->rep, NULL, &acc));
	w->acc = acc;
	struct deal_input in = { .title = "Big one", .account_id = acc, .value_minor = 500000, .currency = "EUR",
				 .owner_id = w->rep, .stage_id = w->first_open, .product = "Widgets" };
	OK(deal_create(c, w->org, &in, TODAY, &w->deal));
	/* one subscription to everything, one to deal.won only, one disabled */
	OK(webhook_create(c, w->org, "https://a.example/hook", ",conversation.logged,step.due,step.missed,deal.won,"
			  "deal.lost,import.finished,", "s1", w->rep, &w->hook_all));
	OK(webhook_create(c, w->org, "https://b.example/hook", ",deal.won,", "s2", w->rep, &w->hook_won));
	int64_t off = 0;
	OK(webhook_create(c, w->org, "https://c.example/hook", ",deal.won,conversation.logged,", "s3", w->rep, &off));
	OK(webhook_update(c, w->org, off, NULL, NULL, 0, NULL));
}

static int64_t outbox(struct world *w, const char *type)
{
	return DB_I64(c, -1, "SELECT count(*) FROM webhook_outbox WHERE org_id = $1 AND type = $2", P_I(w->org),
		      P_T(type));
}

static void log_call(struct world *w, const char *step_due)
{
	struct conversation_log_input li = { 0 };
	li.in.kind = "call";
	li.in.date = "2026-11-19";
	li.in.minutes = 30;
	li.in.deal_id = w->deal;
	li.in.gut_feeling = 4;
	li.in.outcome = "step";
	li.in.step_what = "Send the offer";
	li.in.step_due = step_due;
	li.in.step_who = "Anna";
	li.rep_id = w->rep;
	li.at = 1795600000;
	int64_t conv = 0;
	struct rule_error re = { 0 };
	enum err e = conversation_log(c, w->a, w->org, &li, TODAY, 3, &conv, &re);
	ck_assert_msg(e == E_OK, "conversation_log: %s (%s)", err_name(e), re.field ? re.field : db_errmsg(c));
}

START_TEST(enqueued_in_the_changes_transaction)
{
	struct world w;
	world_new(&w);
	/* rolled back with the change: no conversation, no outbox row */
	OK(db_begin(c));
	log_call(&w, "2026-12-01");
	OK(deal_close(c, w.org, w.deal, "won", NULL, "", TODAY));
	ck_assert_int_eq(outbox(&w, "conversation.logged"), 1);
	OK(db_rollback(c));
	ck_assert_int_eq(outbox(&w, "conversation.logged"), 0);
	ck_assert_int_eq(outbox(&w, "deal.won"), 0);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM conversations WHERE org_id = $1", P_I(w.org)), 0);
	/* committed: one row per enabled subscription that asked for the type */
	log_call(&w, "2026-12-01");
	ck_assert_int_eq(outbox(&w, "conversation.logged"), 1);
	OK(deal_close(c, w.org, w.deal, "won", NULL, "", TODAY));
	ck_assert_int_eq(outbox(&w, "deal.won"), 2);
	/* the same status again (a corrected note) is no new event */
	OK(deal_close(c, w.org, w.deal, "won", NULL, "a note", TODAY));
	ck_assert_int_eq(outbox(&w, "deal.won"), 2);
	ck_assert_int_eq(outbox(&w, "deal.lost"), 0);
	/* the body names the event and the deal */
	struct db_stmt *st = DBQ(c, "SELECT body, event_id FROM webhook_outbox WHERE org_id = $1 AND webhook_id = $2 "
				 "AND type = 'deal.won'", P_I(w.org), P_I(w.hook_won));
	ck_assert_int_eq(db_step(st), DB_ROW);
	char want[80];
	snprintf(want, sizeof(want), "\"data\":{\"deal_id\":%lld,", (long long)w.deal);
	ck_assert_msg(strstr(db_col_text(st, 0), want), "%s in %s", want, db_col_text(st, 0));
	ck_assert_msg(strstr(db_col_text(st, 0), db_col_text(st, 1)), "the event id in the body");
	OK(db_finish(st));
	arena_free(w.a);
}
END_TEST

/* the world's claimed rows among jobs */
static size_t mine(struct world *w, const struct webhook_job *j, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += j[i].org_id == w->org;
	return k;
}

START_TEST(claim_lease_and_record)
{
	struct world w;
	world_new(&w);
	OK(deal_close(c, w.org, w.deal, "won", NULL, "", TODAY));
	int64_t now = now_epoch();
	struct webhook_job *j;
	size_t n;
	OK(webhook_claim(c, w.a, now + 1, 60, 1000, &j, &n));
	ck_assert_int_eq(mine(&w, j, n), 2);
	/* leased: nobody claims them again until the lease runs out */
	struct webhook_job *j2;
	size_t n2;
	OK(webhook_claim(c, w.a, now + 2, 60, 1000, &j2, &n2));
	ck_assert_int_eq(mine(&w, j2, n2), 0);
	OK(webhook_claim(c, w.a, now + 62, 60, 1000, &j2, &n2));
	ck_assert_int_eq(mine(&w, j2, n2), 2);
	/* delivered: never claimed again */
	const struct webhook_job *won = NULL;
	for (size_t i = 0; i < n2; i++)
		if (j2[i].org_id == w.org && j2[i].webhook_id == w.hook_won)
			won = &j2[i];
	ck_assert_ptr_nonnull(won);
	ck_str(won->url, "https://b.example/hook", "url");
	ck_str(won->secret, "s2", "secret");
	struct webhook_attempt ok = { .status_code = 204, .duration_ms = 12, .ok = 1, .error = "" };
	OK(webhook_record(c, won, &ok, now + 63, 10, 0));
	OK(webhook_claim(c, w.a, now + 200, 60, 1000, &j, &n));
	ck_assert_int_eq(mine(&w, j, n), 1);
	ck_assert_int_ne(j[0].webhook_id, w.hook_won);
	struct webhook h;
	OK(webhook_get(c, w.a, w.org, w.hook_won, &h));
	ck_assert_int_eq(h.delivered, 1);
	ck_assert_int_eq(h.pending, 0);
	/* failures: counted, retried at next_at, the subscription disabled at the limit */
	const struct webhook_job *all = NULL;
	for (size_t i = 0; i < n; i++)
		if (j[i].org_id == w.org)
			all = &j[i];
	struct webhook_job cur = *all;
	int64_t t = now + 300;
	for (int k = 1; k <= 3; k++) {
		struct webhook_attempt bad = { .status_code = 500, .duration_ms = 5, .error = "status", .next_at = t + 10 };
		OK(webhook_record(c, &cur, &bad, t, 3, 0));
		OK(webhook_get(c, w.a, w.org, w.hook_all, &h));
		ck_assert_int_eq(h.failures, k);
		ck_assert_int_eq(h.enabled, k < 3);
		cur.attempts++;
		t += 10;
	}
	ck_assert_int_gt(h.disabled_at, 0);
	ck_assert_int_eq(webhook_disabled_count(c, w.org), 1);
	/* a disabled subscription's rows wait; enabled again, they are due */
	OK(webhook_claim(c, w.a, t + 1000, 60, 1000, &j, &n));
	ck_assert_int_eq(mine(&w, j, n), 0);
	OK(webhook_update(c, w.org, w.hook_all, NULL, NULL, 1, NULL));
	OK(webhook_get(c, w.a, w.org, w.hook_all, &h));
	ck_assert_int_eq(h.failures, 0);
	ck_assert_int_eq(webhook_disabled_count(c, w.org), 0);
	OK(webhook_claim(c, w.a, t + 1000, 60, 1000, &j, &n));
	ck_assert_int_eq(mine(&w, j, n), 1);
	/* the log: every attempt, newest first */
	struct webhook_delivery *d;
	int64_t total;
	OK(webhook_deliveries(c, w.a, w.org, w.hook_all, 10, 0, &d, &n, &total));
	ck_assert_int_eq(total, 3);
	ck_assert_int_eq(d[0].attempt, 3);
	ck_assert_int_eq(d[0].status_code, 500);
	ck_str(d[0].error, "status", "error");
	/* another organisation sees none of it */
	struct world o;
	world_new(&o);
	EXPECT(webhook_get(c, o.a, o.org, w.hook_all, &h), E_NOTFOUND);
	EXPECT(webhook_delete(c, o.org, w.hook_all), E_NOTFOUND);
	OK(webhook_deliveries(c, o.a, o.org, w.hook_all, 10, 0, &d, &n, &total));
	ck_assert_int_eq(total, 0);
	/* deleted with its outbox and log */
	OK(webhook_delete(c, w.org, w.hook_all));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM webhook_deliveries WHERE org_id = $1 AND webhook_id = $2",
				P_I(w.org), P_I(w.hook_all)), 0);
	arena_free(w.a);
	arena_free(o.a);
}
END_TEST

/* claims every due row of the world once (lease 60 s at t), returning the
 * claimed ones of w's subscription hook */
static size_t claim_hook(struct world *w, int64_t hook, int64_t t, struct webhook_job **out)
{
	struct webhook_job *j;
	size_t n, k = 0;
	OK(webhook_claim(c, w->a, t, 60, 1000, &j, &n));
	*out = arena_alloc(w->a, (n ? n : 1) * sizeof(**out));
	for (size_t i = 0; i < n; i++)
		if (j[i].org_id == w->org && j[i].webhook_id == hook)
			(*out)[k++] = j[i];
	return k;
}

START_TEST(failing_subscription_is_disabled_late_and_holds_its_events)
{
	struct world w;
	world_new(&w);
	/* three events for hook_won (deal.won): three deals won */
	int64_t deals[3] = { w.deal, 0, 0 };
	for (int i = 1; i < 3; i++) {
		struct deal_input in = { .title = i == 1 ? "Second" : "Third", .account_id = w.acc, .value_minor = 100,
					 .currency = "EUR",
					 .owner_id = w.rep, .stage_id = w.first_open, .product = "Widgets" };
		OK(deal_create(c, w.org, &in, TODAY, &deals[i]));
	}
	for (int i = 0; i < 3; i++)
		OK(deal_close(c, w.org, deals[i], "won", NULL, "", TODAY));
	int64_t t = now_epoch() + 10;
	/* a claim takes at most its limit, though rows of several subscriptions
	 * are due (the lease of 1 s runs out before t) */
	struct webhook_job *one;
	size_t none = 0;
	OK(webhook_claim(c, w.a, t - 5, 1, 1, &one, &none));
	ck_assert_int_eq(none, 1);
	/* one at a time per subscription: the oldest, and nothing more of it
	 * while that one is in flight */
	struct webhook_job *j;
	ck_assert_int_eq(claim_hook(&w, w.hook_won, t, &j), 1);
	int64_t first_id = j[0].id;
	ck_assert_int_eq(claim_hook(&w, w.hook_won, t + 1, &j), 0);
	/* failing fast (the lease of the first claim ran out): ten failures in
	 * 20 s, the rule says "for an hour" as well: still enabled */
	struct webhook_job cur = { 0 };
	for (int k = 1; k <= 10; k++) {
		struct webhook_job *jj;
		ck_assert_int_eq(claim_hook(&w, w.hook_won, t + 200 + 2 * k, &jj), 1);
		cur = jj[0];
		ck_assert_int_eq(cur.id, first_id);	/* the oldest first, again */
		struct webhook_attempt bad = { .status_code = 500, .error = "status", .next_at = t + 200 + 2 * k + 1 };
		OK(webhook_record(c, &cur, &bad, t + 200 + 2 * k, 10, 3600));
	}
	struct webhook h;
	OK(webhook_get(c, w.a, w.org, w.hook_won, &h));
	ck_assert_int_eq(h.failures, 10);
	ck_assert_int_eq(h.enabled, 1);
	/* an hour later still failing: disabled; its rows held, not cancelled */
	struct webhook_job *jj;
	ck_assert_int_eq(claim_hook(&w, w.hook_won, t + 3900, &jj), 1);
	struct webhook_attempt bad = { .status_code = 500, .error = "status", .next_at = t + 3901 };
	OK(webhook_record(c, &jj[0], &bad, t + 3900, 10, 3600));
	OK(webhook_get(c, w.a, w.org, w.hook_won, &h));
	ck_assert_int_eq(h.enabled, 0);
	ck_assert_int_gt(h.disabled_at, 0);
	ck_assert_int_eq(h.pending, 3);
	ck_assert_int_eq(claim_hook(&w, w.hook_won, t + 4100, &jj), 0);
	/* events go on being queued for it while disabled by failures */
	int64_t d4 = 0;
	struct deal_input in4 = { .title = "Fourth", .account_id = w.acc, .value_minor = 100, .currency = "EUR", .owner_id = w.rep,
				  .stage_id = w.first_open, .product = "Widgets" };
	OK(deal_create(c, w.org, &in4, TODAY, &d4));
	OK(deal_close(c, w.org, d4, "won", NULL, "", TODAY));
	OK(webhook_get(c, w.a, w.org, w.hook_won, &h));
	ck_assert_int_eq(h.pending, 4);
	/* enabled again: due now, sent oldest first, one at a time, each once */
	OK(webhook_update(c, w.org, w.hook_won, NULL, NULL, 1, NULL));
	int64_t now = now_epoch() + 4200;
	int64_t last = 0;
	for (int k = 0; k < 4; k++) {
		ck_assert_int_eq(claim_hook(&w, w.hook_won, now + k, &jj), 1);
		ck_assert_int_gt(jj[0].id, last);
		last = jj[0].id;
		struct webhook_attempt ok = { .status_code = 200, .ok = 1, .error = "" };
		OK(webhook_record(c, &jj[0], &ok, now + k, 10, 3600));
	}
	ck_assert_int_eq(claim_hook(&w, w.hook_won, now + 10, &jj), 0);
	OK(webhook_get(c, w.a, w.org, w.hook_won, &h));
	ck_assert_int_eq(h.delivered, 4);
	ck_assert_int_eq(h.pending, 0);
	/* an admin's own disable queues nothing */
	OK(webhook_update(c, w.org, w.hook_won, NULL, NULL, 0, NULL));
	int64_t d5 = 0;
	in4.title = "Fifth";
	OK(deal_create(c, w.org, &in4, TODAY, &d5));
	OK(deal_close(c, w.org, d5, "won", NULL, "", TODAY));
	OK(webhook_get(c, w.a, w.org, w.hook_won, &h));
	ck_assert_int_eq(h.pending, 0);
	arena_free(w.a);
}
END_TEST

START_TEST(sweep_enqueues_a_step_once)
{
	struct world w;
	world_new(&w);
	log_call(&w, "2026-11-25");	/* a step due on the 25th */
	OK(webhook_sweep_steps(c, "2026-11-25", 500));
	ck_assert_int_eq(outbox(&w, "step.due"), 1);
	ck_assert_int_eq(outbox(&w, "step.missed"), 0);
	OK(webhook_sweep_steps(c, "2026-11-25", 500));
	ck_assert_int_eq(outbox(&w, "step.due"), 1);
	/* past the grace period (3 days by default): missed, once */
	OK(webhook_sweep_steps(c, "2026-12-10", 500));
	OK(webhook_sweep_steps(c, "2026-12-11", 500));
	ck_assert_int_eq(outbox(&w, "step.missed"), 1);
	arena_free(w.a);
}
END_TEST

struct deleter {
	struct db_conn *c;
	int64_t org, hook;
	enum err e;
};

static void *delete_hook(void *arg)
{
	struct deleter *d = arg;
	d->e = webhook_delete(d->c, d->org, d->hook);
	return NULL;
}

/* a delivery recorded while its subscription is deleted: the delete waits
 * for it (on PostgreSQL the recording holds the subscription's row FOR
 * SHARE, on SQLite one writer at a time) and its log row goes with the rest;
 * before, the delete removed the log first and the late row stayed */
START_TEST(delete_waits_for_a_delivery_being_recorded)
{
	struct world w;
	world_new(&w);
	OK(deal_close(c, w.org, w.deal, "won", NULL, "", TODAY));
	struct webhook_job *j;
	size_t n = claim_hook(&w, w.hook_won, now_epoch() + 1, &j);
	ck_assert_int_eq(n, 1);
	/* webhook_record's first steps, held open */
	OK(db_begin(c));
	if (db_kind(db) == DB_PG)
		ck_assert_int_eq(DB_I64(c, 0, "SELECT 1 FROM webhooks WHERE org_id = $1 AND id = $2 FOR SHARE",
					P_I(w.org), P_I(w.hook_won)), 1);
	else
		OK(DBX(c, "UPDATE webhooks SET failures = failures WHERE org_id = $1 AND id = $2", P_I(w.org),
		       P_I(w.hook_won)));
	/* a second handle on the same database (the harness's pool is one) */
	char url[200];
	const char *env = getenv("SG_TEST_DB");
	if (env && *env && strcmp(env, "sqlite:"))
		snprintf(url, sizeof(url), "%s", env);
	else
		snprintf(url, sizeof(url), "sqlite:%s", harness_tmpfile);
	struct db *db2 = NULL;
	ck_assert_int_eq(db_open(url, 1, &db2, NULL), E_OK);
	struct deleter d = { db_acquire(db2, NULL), w.org, w.hook_won, E_INTERNAL };
	ck_assert_ptr_nonnull(d.c);
	pthread_t t;
	ck_assert_int_eq(pthread_create(&t, NULL, delete_hook, &d), 0);
	/* the delete is under way and waiting */
	if (db_kind(db) == DB_PG) {
		int waiting = 0;
		for (int i = 0; i < 500 && !waiting; i++) {
			waiting = DB_I64(c, 0, "SELECT count(*) FROM pg_locks WHERE NOT granted") > 0;
			if (!waiting)
				usleep(10000);
		}
		ck_assert_msg(waiting, "the delete waits for the row");
	} else {
		usleep(200000);
	}
	OK(DBX(c, "INSERT INTO webhook_deliveries (org_id, webhook_id, outbox_id, event_id, type, attempt, at, "
		  "status_code, duration_ms, ok, error) VALUES ($1, $2, $3, $4, $5, 1, $6, 204, 3, 1, '')",
	       P_I(w.org), P_I(w.hook_won), P_I(j[0].id), P_T(j[0].event_id), P_T(j[0].type), P_I(now_epoch())));
	OK(db_commit(c));
	pthread_join(t, NULL);
	db_release(d.c);
	db_close(db2);
	ck_assert_msg(d.e == E_OK, "delete: %s", err_name(d.e));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM webhooks WHERE org_id = $1 AND id = $2", P_I(w.org),
				P_I(w.hook_won)), 0);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM webhook_deliveries WHERE org_id = $1 AND webhook_id = $2",
				P_I(w.org), P_I(w.hook_won)), 0);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM webhook_outbox WHERE org_id = $1 AND webhook_id = $2",
				P_I(w.org), P_I(w.hook_won)), 0);
	arena_free(w.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-webhooks", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "webhooks-sqlite" : "webhooks-postgresql");
	const TTest *tests[] = { enqueued_in_the_changes_transaction, claim_lease_and_record,
				 failing_subscription_is_disabled_late_and_holds_its_events, sweep_enqueues_a_step_once,
				 delete_waits_for_a_delivery_being_recorded };
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
