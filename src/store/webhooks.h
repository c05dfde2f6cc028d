/*
 * webhooks: the queries of webhooks (migration 0023) — subscriptions, the
 * outbox and the delivery log. An event is enqueued in the caller's
 * transaction (webhook_enqueue and the webhook_on_* helpers, one line in
 * the store function that makes the change), one outbox row per enabled
 * subscription that asked for its type; the delivery worker
 * (jobs/webhook-worker.c) claims rows with a lease and writes back each
 * attempt. The worker's queries span organisations (one worker serves
 * them all); every other query names the organisation.
 */
#ifndef SG_STORE_WEBHOOKS_H
#define SG_STORE_WEBHOOKS_H
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "../db/db.h"
#include "../lib/arena.h"

#define WEBHOOK_LIST_MAX 100
#define WEBHOOK_DELIVERIES_MAX 200

struct webhook {
	int64_t id, org_id, created_at, updated_at, disabled_at;
	const char *url, *events, *secret;	/* events as stored: ",a,b," */
	int enabled, failures;
	int64_t pending, delivered, failed;	/* outbox rows by status */
};

struct webhook_delivery {
	int64_t id, outbox_id, at;
	const char *event_id, *type, *error;
	int attempt, status_code, duration_ms, ok;
};

enum err webhook_create(struct db_conn *c, int64_t org_id, const char *url, const char *events, const char *secret,
			int64_t created_by, int64_t *id);
/* url, events NULL: unchanged; enabled -1: unchanged (enabling clears the
 * failure count and makes the held deliveries due now, sent oldest first;
 * enabling or disabling clears "disabled by failures"); secret NULL:
 * unchanged. E_NOTFOUND when there is none */
enum err webhook_update(struct db_conn *c, int64_t org_id, int64_t id, const char *url, const char *events,
			int enabled, const char *secret);
/* the subscription with its outbox and its delivery log */
enum err webhook_delete(struct db_conn *c, int64_t org_id, int64_t id);
enum err webhook_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct webhook *out);
enum err webhook_list(struct db_conn *c, struct arena *a, int64_t org_id, struct webhook **out, size_t *n);
/* subscriptions disabled by failures (for the admin's banner); -1 on error */
int64_t webhook_disabled_count(struct db_conn *c, int64_t org_id);
/* the last deliveries of a subscription, newest first */
enum err webhook_deliveries(struct db_conn *c, struct arena *a, int64_t org_id, int64_t webhook_id, int64_t limit,
			    int64_t offset, struct webhook_delivery **out, size_t *n, int64_t *total);

/* enqueues an event of type for every enabled subscription of the
 * organisation that asked for it (only_webhook > 0: that one, whatever it
 * asked for: the test event); dedupe (may be NULL) makes it once per
 * subscription. data is taken. Runs in the caller's transaction. */
enum err webhook_enqueue(struct db_conn *c, int64_t org_id, const char *type, json_t *data, const char *dedupe,
			 int64_t only_webhook);
/* whether any enabled subscription of the organisation asked for type
 * (1, 0, or -1 on error): lets the helpers below skip their work */
int webhook_wanted(struct db_conn *c, int64_t org_id, const char *type);

/* the events of the store's changes, each one line in the change's
 * transaction */
enum err webhook_on_conversation(struct db_conn *c, int64_t org_id, int64_t conversation_id);
/* status "won" or "lost" (anything else enqueues nothing) */
enum err webhook_on_deal_closed(struct db_conn *c, int64_t org_id, int64_t deal_id, const char *status);
/* assessment.submitted (a manager's or the rep's own; a peer's is not
 * told), improvement_plan.decided (a plan closed with its decision),
 * scorecard.submitted, candidate.hired: ids, names, dates and the outcome,
 * no evidence, notes or scores */
enum err webhook_on_assessment(struct db_conn *c, int64_t org_id, int64_t assessment_id);
enum err webhook_on_plan_decided(struct db_conn *c, int64_t org_id, int64_t plan_id);
enum err webhook_on_scorecard(struct db_conn *c, int64_t org_id, int64_t scorecard_id);
enum err webhook_on_hired(struct db_conn *c, int64_t org_id, int64_t candidate_id);
enum err webhook_on_import(struct db_conn *c, int64_t org_id, const char *kind, int64_t read, int64_t created,
			   int64_t updated, int64_t skipped, int64_t failed);

/* --- the delivery worker's (across organisations) --- */

struct webhook_job {
	int64_t id, org_id, webhook_id, created_at;
	int attempts;
	const char *event_id, *type, *body, *url, *secret;
	int enabled;
};
/* claims up to limit due rows (pending, next_at <= now, no lease or an
 * expired one) until now + lease_seconds. Safe with several servers on one
 * PostgreSQL database: the claim is one UPDATE that rechecks the lease */
enum err webhook_claim(struct db_conn *c, struct arena *a, int64_t now, int lease_seconds, int limit,
		       struct webhook_job **out, size_t *n);
/* the outcome of one attempt: logged; the row delivered, or put back for
 * next_at, or given up (give_up); the subscription's failure count reset or
 * raised, and the subscription disabled once max_failures attempts in a row
 * failed over at least disable_after seconds (its pending rows are held:
 * not claimed, still pending, sent when it is enabled again) */
struct webhook_attempt {
	int status_code, duration_ms, ok, give_up;
	const char *error;
	int64_t next_at;
};
enum err webhook_record(struct db_conn *c, const struct webhook_job *j, const struct webhook_attempt *at,
			int64_t now, int max_failures, int64_t disable_after);
/* a claimed row not sent (its subscription was disabled meanwhile): its
 * lease let go, the row kept pending */
enum err webhook_release(struct db_conn *c, const struct webhook_job *j);
/* the time-based events: steps of organisations with a subscription to
 * step.due or step.missed, enqueued once per step and event (at most limit
 * of each per call) */
enum err webhook_sweep_steps(struct db_conn *c, const char *today, int limit);
/* the organisations with an enabled subscription to type (at most max) */
enum err webhook_orgs_wanting(struct db_conn *c, const char *type, int64_t *orgs, size_t max, size_t *n);
/* the backlog for /metrics: pending rows and the age of the oldest (s) */
enum err webhook_backlog(struct db_conn *c, int64_t now, int64_t *pending, int64_t *oldest_age);
/* retry now: the subscription's pending rows are due now, its given-up (and
 * cancelled) ones pending again; a subscription disabled by failures is
 * enabled again */
enum err webhook_retry_now(struct db_conn *c, int64_t org_id, int64_t webhook_id);

#endif
