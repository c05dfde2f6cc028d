/* webhooks: see webhooks.h. */
#include "webhooks.h"
#include "settings.h"
#include "audit.h"
#include "../domain/webhook.h"
#include "../domain/commitment.h"
#include "../lib/util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *grow(struct arena *a, void *items, size_t n, size_t *cap, size_t sz)
{
	if (n < *cap)
		return items;
	size_t ncap = *cap ? *cap * 2 : 8;
	void *m = arena_alloc(a, ncap * sz);
	if (n)
		memcpy(m, items, n * sz);
	*cap = ncap;
	return m;
}

static enum err last_error(struct db_conn *c)
{
	enum err e = db_last_error(c, NULL);
	return e ? e : E_INTERNAL;
}

static enum err webhook_create_write(struct db_conn *c, int64_t org_id, const char *url, const char *events,
				    const char *secret, int64_t created_by, int64_t *id)
{
	int64_t now = now_epoch();
	struct db_stmt *st = DBQ(c, "INSERT INTO webhooks (org_id, url, events, secret, enabled, failures, created_by, "
				 "created_at, updated_at) VALUES ($1, $2, $3, $4, 1, 0, $5, $6, $6) RETURNING id",
				 P_I(org_id), P_T(url), P_T(events), P_T(secret), P_ID(created_by), P_I(now));
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

/* a subscription's held deliveries due now: sent oldest first (the claim
 * takes a subscription's due rows in id order, one at a time) */
static enum err due_now(struct db_conn *c, int64_t org_id, int64_t id)
{
	return DBX(c, "UPDATE webhook_outbox SET next_at = $3 WHERE org_id = $1 AND webhook_id = $2 "
		   "AND status = 'pending' AND next_at > $3", P_I(org_id), P_I(id), P_I(now_epoch()));
}

static enum err webhook_update_write(struct db_conn *c, int64_t org_id, int64_t id, const char *url,
				    const char *events, int enabled, const char *secret)
{
	struct db_stmt *st = DBQ(c, "UPDATE webhooks SET url = coalesce($3, url), events = coalesce($4, events), "
				 "secret = coalesce($5, secret), "
				 "failures = CASE WHEN $6 = 1 AND enabled = 0 THEN 0 ELSE failures END, "
				 "failing_since = CASE WHEN $6 = 1 AND enabled = 0 THEN NULL ELSE failing_since END, "
				 "disabled_at = CASE WHEN $6 >= 0 THEN NULL ELSE disabled_at END, "
				 "enabled = CASE WHEN $6 < 0 THEN enabled ELSE $6 END, updated_at = $7 "
				 "WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id), P_T(url), P_T(events), P_T(secret), P_I(enabled), P_I(now_epoch()));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	if (!e && n && enabled == 1)
		e = due_now(c, org_id, id);
	return e ? e : n ? E_OK : E_NOTFOUND;
}

/* the subscription's row first: on PostgreSQL that waits for a delivery
 * being recorded (webhook_record holds the row FOR SHARE), and the log and
 * outbox deleted after it then include what that delivery wrote */
static enum err webhook_delete_write(struct db_conn *c, int64_t org_id, int64_t id)
{
	struct db_stmt *st = DBQ(c, "DELETE FROM webhooks WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	if (!e && n)
		e = DBX(c, "DELETE FROM webhook_deliveries WHERE org_id = $1 AND webhook_id = $2", P_I(org_id), P_I(id));
	if (!e && n)
		e = DBX(c, "DELETE FROM webhook_outbox WHERE org_id = $1 AND webhook_id = $2", P_I(org_id), P_I(id));
	return e ? e : n ? E_OK : E_NOTFOUND;
}

/* audited (issue 16): a subscription's creation, changes and deletion, each
 * in one transaction with its row; the secret as "changed" only */
enum err webhook_create(struct db_conn *c, int64_t org_id, const char *url, const char *events, const char *secret,
			int64_t created_by, int64_t *id)
{
	struct audit_change ch;
	int64_t wid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_WEBHOOK, org_id, 0);
	if (!e)
		e = webhook_create_write(c, org_id, url, events, secret, created_by, &wid);
	e = audit_end(c, &ch, "create", wid, e);
	if (!e && id)
		*id = wid;
	return e;
}

enum err webhook_update(struct db_conn *c, int64_t org_id, int64_t id, const char *url, const char *events,
			int enabled, const char *secret)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_WEBHOOK, org_id, id);
	if (!e)
		e = webhook_update_write(c, org_id, id, url, events, enabled, secret);
	return audit_end(c, &ch, "update", id, e);
}

/* the subscription with its deliveries and outbox, in one transaction
 * (audit_begin's) with its row */
enum err webhook_delete(struct db_conn *c, int64_t org_id, int64_t id)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_WEBHOOK, org_id, id);
	if (!e)
		e = webhook_delete_write(c, org_id, id);
	return audit_end(c, &ch, "delete", id, e);
}

/* a subscription's outbox rows in one status */
#define HOOK_COUNT(status) \
	"(SELECT count(*) FROM webhook_outbox o WHERE o.org_id = w.org_id AND o.webhook_id = w.id AND o.status = '" \
	status "')"
#define HOOK_COLS "w.id, w.url, w.events, w.secret, w.enabled, w.failures, coalesce(w.disabled_at, 0), " \
	"w.created_at, w.updated_at, " \
	HOOK_COUNT("pending") ", " HOOK_COUNT("delivered") ", " HOOK_COUNT("failed") " "

static void read_hook(struct db_stmt *st, struct arena *a, int64_t org_id, struct webhook *w)
{
	w->org_id = org_id;
	w->id = db_col_i64(st, 0);
	w->url = arena_strdup(a, db_col_text(st, 1));
	w->events = arena_strdup(a, db_col_text(st, 2));
	w->secret = arena_strdup(a, db_col_text(st, 3));
	w->enabled = (int)db_col_i64(st, 4);
	w->failures = (int)db_col_i64(st, 5);
	w->disabled_at = db_col_i64(st, 6);
	w->created_at = db_col_i64(st, 7);
	w->updated_at = db_col_i64(st, 8);
	w->pending = db_col_i64(st, 9);
	w->delivered = db_col_i64(st, 10);
	w->failed = db_col_i64(st, 11);
}

enum err webhook_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct webhook *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " HOOK_COLS "FROM webhooks w WHERE w.org_id = $1 AND w.id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_hook(st, a, org_id, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err webhook_list(struct db_conn *c, struct arena *a, int64_t org_id, struct webhook **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT " HOOK_COLS "FROM webhooks w WHERE w.org_id = $1 ORDER BY w.id LIMIT $2",
				 P_I(org_id), P_I(WEBHOOK_LIST_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct webhook));
		read_hook(st, a, org_id, &(*out)[(*n)++]);
	}
	return db_finish(st);
}

int64_t webhook_disabled_count(struct db_conn *c, int64_t org_id)
{
	return DB_I64(c, -1, "SELECT count(*) FROM webhooks WHERE org_id = $1 AND enabled = 0 AND disabled_at IS NOT NULL",
		      P_I(org_id));
}

enum err webhook_deliveries(struct db_conn *c, struct arena *a, int64_t org_id, int64_t webhook_id, int64_t limit,
			    int64_t offset, struct webhook_delivery **out, size_t *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	if (limit < 1 || limit > WEBHOOK_DELIVERIES_MAX)
		limit = WEBHOOK_DELIVERIES_MAX;
	*total = DB_I64(c, -1, "SELECT count(*) FROM webhook_deliveries WHERE org_id = $1 AND webhook_id = $2",
			P_I(org_id), P_I(webhook_id));
	if (*total < 0)
		return last_error(c);
	struct db_stmt *st = DBQ(c, "SELECT id, outbox_id, at, event_id, type, error, attempt, status_code, duration_ms, ok "
				 "FROM webhook_deliveries WHERE org_id = $1 AND webhook_id = $2 ORDER BY id DESC "
				 "LIMIT $3 OFFSET $4", P_I(org_id), P_I(webhook_id), P_I(limit), P_I(offset));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct webhook_delivery));
		struct webhook_delivery *d = &(*out)[(*n)++];
		d->id = db_col_i64(st, 0);
		d->outbox_id = db_col_i64(st, 1);
		d->at = db_col_i64(st, 2);
		d->event_id = arena_strdup(a, db_col_text(st, 3));
		d->type = arena_strdup(a, db_col_text(st, 4));
		d->error = arena_strdup(a, db_col_text(st, 5));
		d->attempt = (int)db_col_i64(st, 6);
		d->status_code = (int)db_col_i64(st, 7);
		d->duration_ms = (int)db_col_i64(st, 8);
		d->ok = (int)db_col_i64(st, 9);
	}
	return db_finish(st);
}

/* the subscriptions events are queued for: the enabled ones, and the ones
 * disabled by failures (disabled_at set), whose events are held until an
 * admin enables them again; not the ones an admin disabled */
#define HOOK_QUEUES "(enabled = 1 OR disabled_at IS NOT NULL)"
#define HOOK_QUEUES_W "(w.enabled = 1 OR w.disabled_at IS NOT NULL)"

int webhook_wanted(struct db_conn *c, int64_t org_id, const char *type)
{
	char like[64];
	snprintf(like, sizeof(like), "%%,%s,%%", type);
	int64_t n = DB_I64(c, -1, "SELECT count(*) FROM webhooks WHERE org_id = $1 AND " HOOK_QUEUES " AND events LIKE $2",
			   P_I(org_id), P_T(like));
	return n < 0 ? -1 : n > 0;
}

enum err webhook_enqueue(struct db_conn *c, int64_t org_id, const char *type, json_t *data, const char *dedupe,
			 int64_t only_webhook)
{
	char event_id[40] = "evt_", like[64], slug[128] = "";
	rand_token_buf(event_id + 4, sizeof(event_id) - 4, 16);
	snprintf(like, sizeof(like), "%%,%s,%%", type);
	struct db_stmt *st = DBQ(c, "SELECT slug FROM orgs WHERE id = $1", P_I(org_id));
	if (db_step(st) == DB_ROW)
		snprintf(slug, sizeof(slug), "%s", db_col_text(st, 0));
	enum err e = db_finish(st);
	if (e) {
		json_decref(data);
		return e;
	}
	int64_t now = now_epoch();
	char *body = webhook_body(event_id, type, now, org_id, slug, data);
	if (!body)
		return E_INTERNAL;
	e = DBX(c, "INSERT INTO webhook_outbox (org_id, webhook_id, event_id, type, body, status, attempts, next_at, "
		"dedupe, created_at) SELECT $1, w.id, $2, $3, $4, 'pending', 0, $5, $6, $5 FROM webhooks w "
		"WHERE w.org_id = $1 AND " HOOK_QUEUES_W " AND (w.id = $8 OR ($8 = 0 AND w.events LIKE $7)) "
		"ON CONFLICT (org_id, webhook_id, dedupe) DO NOTHING",
		P_I(org_id), P_T(event_id), P_T(type), P_T(body), P_I(now), P_T(dedupe), P_T(like), P_I(only_webhook));
	free(body);
	return e;
}

/* an id as JSON: null for none */
static json_t *jid(int64_t id)
{
	return id ? json_integer((json_int_t)id) : json_null();
}

enum err webhook_on_conversation(struct db_conn *c, int64_t org_id, int64_t conversation_id)
{
	int w = webhook_wanted(c, org_id, "conversation.logged");
	if (w <= 0)
		return w < 0 ? last_error(c) : E_OK;
	struct db_stmt *st = DBQ(c, "SELECT k.id, k.rep_id, u.name, coalesce(k.deal_id, 0), coalesce(d.title, ''), "
				 "coalesce(k.account_id, 0), coalesce(a.name, ''), k.kind, k.held_on, k.minutes, k.outcome, "
				 "coalesce(k.stop_reason, '') FROM conversations k "
				 "JOIN users u ON u.org_id = k.org_id AND u.id = k.rep_id "
				 "LEFT JOIN deals d ON d.org_id = k.org_id AND d.id = k.deal_id "
				 "LEFT JOIN accounts a ON a.org_id = k.org_id AND a.id = k.account_id "
				 "WHERE k.org_id = $1 AND k.id = $2", P_I(org_id), P_I(conversation_id));
	json_t *data = NULL;
	if (db_step(st) == DB_ROW)
		data = json_pack("{s:I, s:I, s:s, s:o, s:s, s:o, s:s, s:s, s:s, s:I, s:s, s:s}",
				 "conversation_id", (json_int_t)db_col_i64(st, 0), "rep_id", (json_int_t)db_col_i64(st, 1),
				 "rep_name", db_col_text(st, 2), "deal_id", jid(db_col_i64(st, 3)),
				 "deal_title", db_col_text(st, 4), "account_id", jid(db_col_i64(st, 5)),
				 "account_name", db_col_text(st, 6), "kind", db_col_text(st, 7),
				 "held_on", db_col_text(st, 8), "minutes", (json_int_t)db_col_i64(st, 9),
				 "outcome", db_col_text(st, 10), "stop_reason", db_col_text(st, 11));
	enum err e = db_finish(st);
	if (e || !data) {
		json_decref(data);
		return e ? e : E_NOTFOUND;
	}
	return webhook_enqueue(c, org_id, "conversation.logged", data, NULL, 0);
}

enum err webhook_on_deal_closed(struct db_conn *c, int64_t org_id, int64_t deal_id, const char *status)
{
	const char *type = !strcmp(status, "won") ? "deal.won" : !strcmp(status, "lost") ? "deal.lost" : NULL;
	if (!type)
		return E_OK;
	int w = webhook_wanted(c, org_id, type);
	if (w <= 0)
		return w < 0 ? last_error(c) : E_OK;
	struct db_stmt *st = DBQ(c, "SELECT d.id, d.title, coalesce(d.account_id, 0), coalesce(a.name, ''), d.owner_id, "
				 "u.name, d.value_minor, d.currency, coalesce(d.closed_on, ''), coalesce(d.lost_reason, ''), "
				 "d.lost_note FROM deals d JOIN users u ON u.org_id = d.org_id AND u.id = d.owner_id "
				 "LEFT JOIN accounts a ON a.org_id = d.org_id AND a.id = d.account_id "
				 "WHERE d.org_id = $1 AND d.id = $2", P_I(org_id), P_I(deal_id));
	json_t *data = NULL;
	if (db_step(st) == DB_ROW) {
		int lost = !strcmp(status, "lost");
		data = json_pack("{s:I, s:s, s:o, s:s, s:I, s:s, s:I, s:s, s:s, s:s}",
				 "deal_id", (json_int_t)db_col_i64(st, 0), "title", db_col_text(st, 1),
				 "account_id", jid(db_col_i64(st, 2)), "account_name", db_col_text(st, 3),
				 "owner_id", (json_int_t)db_col_i64(st, 4), "owner_name", db_col_text(st, 5),
				 "value_minor", (json_int_t)db_col_i64(st, 6), "currency", db_col_text(st, 7),
				 "closed_on", db_col_text(st, 8), "status", status);
		if (data && lost) {
			json_object_set_new(data, "lost_reason", json_string(db_col_text(st, 9)));
			json_object_set_new(data, "lost_note", json_string(db_col_text(st, 10)));
		}
	}
	enum err e = db_finish(st);
	if (e || !data) {
		json_decref(data);
		return e ? e : E_NOTFOUND;
	}
	return webhook_enqueue(c, org_id, type, data, NULL, 0);
}

/* runs a one-row query into data (built by pack from the row) and enqueues
 * type; nothing when no subscription asked for it */
static enum err enqueue_row(struct db_conn *c, int64_t org_id, const char *type, struct db_stmt *st,
			    json_t *(*pack)(struct db_stmt *st))
{
	json_t *data = NULL;
	if (db_step(st) == DB_ROW)
		data = pack(st);
	enum err e = db_finish(st);
	if (e || !data) {
		json_decref(data);
		return e ? e : E_NOTFOUND;
	}
	return webhook_enqueue(c, org_id, type, data, NULL, 0);
}

/* the payloads of the people capabilities carry ids, names, dates and the
 * outcome; never the private text (evidence, notes, the diagnosis) and no
 * trait scores: a receiving system learns that something was decided and
 * by whom, and reads the rest in Salesgarden if it may */
static json_t *pack_assessment(struct db_stmt *st)
{
	return json_pack("{s:I, s:I, s:s, s:I, s:s, s:I, s:s, s:s, s:I}",
			 "assessment_id", (json_int_t)db_col_i64(st, 0), "round_id", (json_int_t)db_col_i64(st, 1),
			 "round_name", db_col_text(st, 2), "rep_id", (json_int_t)db_col_i64(st, 3),
			 "rep_name", db_col_text(st, 4), "rater_id", (json_int_t)db_col_i64(st, 5),
			 "rater_name", db_col_text(st, 6), "rater_kind", db_col_text(st, 7),
			 "submitted_at", (json_int_t)db_col_i64(st, 8));
}

enum err webhook_on_assessment(struct db_conn *c, int64_t org_id, int64_t assessment_id)
{
	int w = webhook_wanted(c, org_id, "assessment.submitted");
	if (w <= 0)
		return w < 0 ? last_error(c) : E_OK;
	/* a peer's assessment is not told: peers rate in confidence */
	if (DB_I64(c, 0, "SELECT count(*) FROM assessments WHERE org_id = $1 AND id = $2 AND rater_kind = 'peer'",
		   P_I(org_id), P_I(assessment_id)))
		return E_OK;
	return enqueue_row(c, org_id, "assessment.submitted",
			   DBQ(c, "SELECT a.id, a.round_id, r.name, a.rep_id, u.name, a.rater_id, v.name, a.rater_kind, "
			       "coalesce(a.submitted_at, 0) FROM assessments a "
			       "JOIN assessment_rounds r ON r.org_id = a.org_id AND r.id = a.round_id "
			       "JOIN users u ON u.org_id = a.org_id AND u.id = a.rep_id "
			       "JOIN users v ON v.org_id = a.org_id AND v.id = a.rater_id "
			       "WHERE a.org_id = $1 AND a.id = $2 AND a.status = 'submitted'",
			       P_I(org_id), P_I(assessment_id)), pack_assessment);
}

static json_t *pack_plan(struct db_stmt *st)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s}",
			 "plan_id", (json_int_t)db_col_i64(st, 0), "rep_id", (json_int_t)db_col_i64(st, 1),
			 "rep_name", db_col_text(st, 2), "decision", db_col_text(st, 3),
			 "decided_on", db_col_text(st, 4), "plan_start", db_col_text(st, 5),
			 "plan_end", db_col_text(st, 6));
}

enum err webhook_on_plan_decided(struct db_conn *c, int64_t org_id, int64_t plan_id)
{
	int w = webhook_wanted(c, org_id, "improvement_plan.decided");
	if (w <= 0)
		return w < 0 ? last_error(c) : E_OK;
	return enqueue_row(c, org_id, "improvement_plan.decided",
			   DBQ(c, "SELECT p.id, p.rep_id, u.name, p.decision, coalesce(p.decided_on, ''), "
			       "coalesce(p.plan_start, ''), coalesce(p.plan_end, '') FROM improvement_plans p "
			       "JOIN users u ON u.org_id = p.org_id AND u.id = p.rep_id "
			       "WHERE p.org_id = $1 AND p.id = $2 AND p.status = 'closed'",
			       P_I(org_id), P_I(plan_id)), pack_plan);
}

static json_t *pack_scorecard(struct db_stmt *st)
{
	return json_pack("{s:I, s:I, s:I, s:s, s:I, s:s, s:s, s:s, s:o, s:I}",
			 "scorecard_id", (json_int_t)db_col_i64(st, 0), "interview_id", (json_int_t)db_col_i64(st, 1),
			 "candidate_id", (json_int_t)db_col_i64(st, 2), "candidate_name", db_col_text(st, 3),
			 "interviewer_id", (json_int_t)db_col_i64(st, 4), "interviewer_name", db_col_text(st, 5),
			 "interview_kind", db_col_text(st, 6), "held_on", db_col_text(st, 7),
			 "recommendation", db_col_null(st, 8) ? json_null() : json_string(db_col_text(st, 8)),
			 "submitted_at", (json_int_t)db_col_i64(st, 9));
}

enum err webhook_on_scorecard(struct db_conn *c, int64_t org_id, int64_t scorecard_id)
{
	int w = webhook_wanted(c, org_id, "scorecard.submitted");
	if (w <= 0)
		return w < 0 ? last_error(c) : E_OK;
	return enqueue_row(c, org_id, "scorecard.submitted",
			   DBQ(c, "SELECT s.id, s.interview_id, s.candidate_id, k.name, s.interviewer_id, u.name, i.kind, "
			       "i.held_on, s.recommendation, coalesce(s.submitted_at, 0) FROM scorecards s "
			       "JOIN candidates k ON k.org_id = s.org_id AND k.id = s.candidate_id "
			       "JOIN users u ON u.org_id = s.org_id AND u.id = s.interviewer_id "
			       "JOIN interviews i ON i.org_id = s.org_id AND i.id = s.interview_id "
			       "WHERE s.org_id = $1 AND s.id = $2 AND s.status = 'submitted'",
			       P_I(org_id), P_I(scorecard_id)), pack_scorecard);
}

static json_t *pack_hire(struct db_stmt *st)
{
	return json_pack("{s:I, s:s, s:I, s:s, s:o, s:s, s:o, s:s, s:s}",
			 "candidate_id", (json_int_t)db_col_i64(st, 0), "candidate_name", db_col_text(st, 1),
			 "user_id", (json_int_t)db_col_i64(st, 2), "user_name", db_col_text(st, 3),
			 "team_id", jid(db_col_i64(st, 4)), "team_name", db_col_text(st, 5),
			 "vacancy_id", jid(db_col_i64(st, 6)), "vacancy_title", db_col_text(st, 7),
			 "start_on", db_col_text(st, 8));
}

enum err webhook_on_hired(struct db_conn *c, int64_t org_id, int64_t candidate_id)
{
	int w = webhook_wanted(c, org_id, "candidate.hired");
	if (w <= 0)
		return w < 0 ? last_error(c) : E_OK;
	return enqueue_row(c, org_id, "candidate.hired",
			   DBQ(c, "SELECT k.id, k.name, u.id, u.name, coalesce(tm.team_id, 0), coalesce(t.name, ''), "
			       "coalesce(k.vacancy_id, 0), coalesce(v.title, ''), coalesce(k.hired_on, '') FROM candidates k "
			       "JOIN users u ON u.org_id = k.org_id AND u.id = k.hired_user_id "
			       "LEFT JOIN team_members tm ON tm.org_id = u.org_id AND tm.user_id = u.id "
			       "LEFT JOIN teams t ON t.org_id = tm.org_id AND t.id = tm.team_id "
			       "LEFT JOIN vacancies v ON v.org_id = k.org_id AND v.id = k.vacancy_id "
			       "WHERE k.org_id = $1 AND k.id = $2", P_I(org_id), P_I(candidate_id)), pack_hire);
}

enum err webhook_on_import(struct db_conn *c, int64_t org_id, const char *kind, int64_t read, int64_t created,
			   int64_t updated, int64_t skipped, int64_t failed)
{
	int w = webhook_wanted(c, org_id, "import.finished");
	if (w <= 0)
		return w < 0 ? last_error(c) : E_OK;
	json_t *data = json_pack("{s:s, s:I, s:I, s:I, s:I, s:I}", "kind", kind, "rows_read", (json_int_t)read,
				 "created", (json_int_t)created, "updated", (json_int_t)updated,
				 "skipped", (json_int_t)skipped, "failed", (json_int_t)failed);
	return data ? webhook_enqueue(c, org_id, "import.finished", data, NULL, 0) : E_INTERNAL;
}

/* a row is claimed only as the oldest due row of its subscription, and only
 * while none of the subscription's rows is in flight (leased): one delivery
 * at a time per subscription, in the order of the events, while other
 * subscriptions' deliveries go on in parallel (jobs/webhook-worker.c) */
#define CLAIM_HEAD \
	"AND NOT EXISTS (SELECT 1 FROM webhook_outbox x WHERE x.org_id = o.org_id AND x.webhook_id = o.webhook_id " \
	"AND x.status = 'pending' AND x.id <> o.id AND (x.lease_until >= $1 OR (x.next_at <= $1 AND x.id < o.id))) "

enum err webhook_claim(struct db_conn *c, struct arena *a, int64_t now, int lease_seconds, int limit,
		       struct webhook_job **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	/* a read first: with nothing due (most of the time) the claim's UPDATE
	 * is not run, so an idle worker never waits for the write lock (holding
	 * a connection of the pool the requests need) nor takes it from a
	 * request that writes */
	struct db_stmt *due = DBQ(c, "SELECT 1 FROM webhook_outbox WHERE status = 'pending' AND next_at <= $1 "
				  "AND (lease_until IS NULL OR lease_until < $1) LIMIT 1", P_I(now));
	int any = db_step(due) == DB_ROW;
	enum err de = db_finish(due);
	if (de || !any)
		return de;
	char lease[40];
	rand_token_buf(lease, sizeof(lease), 16);
	/* the outer conditions are checked again on the row as another server
	 * left it (PostgreSQL, read committed), so a row is claimed once;
	 * SKIP LOCKED lets servers pass each other's claims by. On PostgreSQL
	 * the rows are chosen in a WITH (run once: a CTE with FOR UPDATE is
	 * never folded into the UPDATE); as "id IN (subquery)" the subquery
	 * could be run again for the UPDATE's rows and, skipping the rows it
	 * had locked itself, claim more than limit (seen: two rows claimed by
	 * one thread with limit 1, a second subscription's delivery waiting
	 * behind the first's hanging receiver) */
	const char *sql = db_conn_kind(c) == DB_PG
		? "WITH c AS (SELECT o.id FROM webhook_outbox o "
		  "JOIN webhooks w ON w.org_id = o.org_id AND w.id = o.webhook_id AND w.enabled = 1 "
		  "WHERE o.status = 'pending' AND o.next_at <= $1 AND (o.lease_until IS NULL OR o.lease_until < $1) "
		  CLAIM_HEAD
		  "ORDER BY o.next_at, o.id LIMIT $4 FOR UPDATE OF o SKIP LOCKED) "
		  "UPDATE webhook_outbox SET lease_until = $2, lease = $3 FROM c WHERE webhook_outbox.id = c.id "
		  "AND webhook_outbox.status = 'pending' "
		  "AND (webhook_outbox.lease_until IS NULL OR webhook_outbox.lease_until < $1)"
		: "UPDATE webhook_outbox SET lease_until = $2, lease = $3 WHERE id IN (SELECT o.id FROM webhook_outbox o "
		  "JOIN webhooks w ON w.org_id = o.org_id AND w.id = o.webhook_id AND w.enabled = 1 "
		  "WHERE o.status = 'pending' AND o.next_at <= $1 AND (o.lease_until IS NULL OR o.lease_until < $1) "
		  CLAIM_HEAD
		  "ORDER BY o.next_at, o.id LIMIT $4) "
		  "AND status = 'pending' AND (lease_until IS NULL OR lease_until < $1)";
	enum err e = db_exec_params(c, sql, (const struct db_param[]){ P_I(now), P_I(now + lease_seconds), P_T(lease),
							P_I(limit) }, 4);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "SELECT o.id, o.org_id, o.webhook_id, o.created_at, o.attempts, o.event_id, o.type, "
				 "o.body, coalesce(w.url, ''), coalesce(w.secret, ''), coalesce(w.enabled, 0) "
				 "FROM webhook_outbox o LEFT JOIN webhooks w ON w.org_id = o.org_id AND w.id = o.webhook_id "
				 "WHERE o.lease = $1 AND o.status = 'pending' ORDER BY o.next_at, o.id", P_T(lease));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct webhook_job));
		struct webhook_job *j = &(*out)[(*n)++];
		j->id = db_col_i64(st, 0);
		j->org_id = db_col_i64(st, 1);
		j->webhook_id = db_col_i64(st, 2);
		j->created_at = db_col_i64(st, 3);
		j->attempts = (int)db_col_i64(st, 4);
		j->event_id = arena_strdup(a, db_col_text(st, 5));
		j->type = arena_strdup(a, db_col_text(st, 6));
		j->body = arena_strdup(a, db_col_text(st, 7));
		j->url = arena_strdup(a, db_col_text(st, 8));
		j->secret = arena_strdup(a, db_col_text(st, 9));
		j->enabled = (int)db_col_i64(st, 10);
	}
	return db_finish(st);
}

enum err webhook_record(struct db_conn *c, const struct webhook_job *j, const struct webhook_attempt *at,
			int64_t now, int max_failures, int64_t disable_after)
{
	enum err e = db_begin(c);
	if (e)
		return e;
	/* a subscription deleted while its delivery was under way: its log
	 * and outbox went with it, and this attempt leaves nothing behind */
	int gone = db_conn_kind(c) == DB_PG
		? !DB_I64(c, 0, "SELECT 1 FROM webhooks WHERE org_id = $1 AND id = $2 FOR SHARE", P_I(j->org_id),
			  P_I(j->webhook_id))
		: !DB_I64(c, 0, "SELECT count(*) FROM webhooks WHERE org_id = $1 AND id = $2", P_I(j->org_id),
			  P_I(j->webhook_id));
	if (gone) {
		db_rollback(c);
		return E_OK;
	}
	e = DBX(c, "INSERT INTO webhook_deliveries (org_id, webhook_id, outbox_id, event_id, type, attempt, at, "
		"status_code, duration_ms, ok, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
		P_I(j->org_id), P_I(j->webhook_id), P_I(j->id), P_T(j->event_id), P_T(j->type), P_I(j->attempts + 1),
		P_I(now), P_I(at->status_code), P_I(at->duration_ms), P_I(at->ok ? 1 : 0),
		P_T(at->error ? at->error : ""));
	if (!e && at->ok)
		e = DBX(c, "UPDATE webhook_outbox SET status = 'delivered', attempts = attempts + 1, done_at = $3, "
			"lease_until = NULL, lease = NULL WHERE org_id = $1 AND id = $2", P_I(j->org_id), P_I(j->id), P_I(now));
	else if (!e)
		e = DBX(c, "UPDATE webhook_outbox SET status = $4, attempts = attempts + 1, next_at = $3, "
			"done_at = CASE WHEN $4 = 'failed' THEN CAST($5 AS BIGINT) ELSE NULL END, lease_until = NULL, lease = NULL "
			"WHERE org_id = $1 AND id = $2", P_I(j->org_id), P_I(j->id), P_I(at->next_at),
			P_T(at->give_up ? "failed" : "pending"), P_I(now));
	if (!e && at->ok)
		e = DBX(c, "UPDATE webhooks SET failures = 0, failing_since = NULL WHERE org_id = $1 AND id = $2",
			P_I(j->org_id), P_I(j->webhook_id));
	else if (!e)
		/* disabled when max_failures attempts in a row failed AND the run
		 * of failures has lasted disable_after seconds (webhook.h). The
		 * count alone is reached in seconds when many events are queued
		 * and the receiver is down for a minute (every queued event is an
		 * attempt); the time alone would disable on one slow retry. Both
		 * together mean a receiver that has been failing for hours: then
		 * the admin is told, and the deliveries are held (not given up)
		 * until the subscription is enabled again. */
		e = DBX(c, "UPDATE webhooks SET failures = failures + 1, failing_since = coalesce(failing_since, $4), "
			"enabled = CASE WHEN failures + 1 >= $3 AND $4 - coalesce(failing_since, $4) >= $5 THEN 0 "
			"ELSE enabled END, "
			"disabled_at = CASE WHEN failures + 1 >= $3 AND $4 - coalesce(failing_since, $4) >= $5 "
			"AND enabled = 1 THEN $4 ELSE disabled_at END "
			"WHERE org_id = $1 AND id = $2", P_I(j->org_id), P_I(j->webhook_id), P_I(max_failures), P_I(now),
			P_I(disable_after));
	if (!e)
		return db_commit(c);
	db_rollback(c);
	return e;
}

enum err webhook_release(struct db_conn *c, const struct webhook_job *j)
{
	return DBX(c, "UPDATE webhook_outbox SET lease_until = NULL, lease = NULL WHERE org_id = $1 AND id = $2 "
		   "AND status = 'pending'", P_I(j->org_id), P_I(j->id));
}

/* enqueues type for the open steps of org_id due on (missed: before) date */
static enum err sweep_org(struct db_conn *c, int64_t org_id, const char *type, const char *date, int limit)
{
	int missed = !strcmp(type, "step.missed");
	char prefix[32];
	snprintf(prefix, sizeof(prefix), "%s:", type);
	struct arena *a = arena_new();
	struct row { int64_t id, deal_id, account_id, rep_id; const char *what, *due, *rep_name, *deal_title; } *rows = NULL;
	size_t n = 0, cap = 0;
	struct db_stmt *st = DBQ(c, "SELECT s.id, coalesce(s.deal_id, 0), coalesce(s.account_id, 0), s.rep_id, s.what, "
				 "s.due, u.name, coalesce(d.title, '') FROM steps s "
				 "JOIN users u ON u.org_id = s.org_id AND u.id = s.rep_id "
				 "LEFT JOIN deals d ON d.org_id = s.org_id AND d.id = s.deal_id "
				 "WHERE s.org_id = $1 AND s.status = 'open' AND ((($4 = 1) AND s.due < $2) OR ($4 = 0 AND s.due = $2)) "
				 "AND NOT EXISTS (SELECT 1 FROM webhook_outbox o WHERE o.org_id = s.org_id "
				 "AND o.dedupe = $3 || CAST(s.id AS TEXT)) ORDER BY s.due, s.id LIMIT $5",
				 P_I(org_id), P_T(date), P_T(prefix), P_I(missed), P_I(limit));
	while (db_step(st) == DB_ROW) {
		rows = grow(a, rows, n, &cap, sizeof(*rows));
		struct row *x = &rows[n++];
		x->id = db_col_i64(st, 0);
		x->deal_id = db_col_i64(st, 1);
		x->account_id = db_col_i64(st, 2);
		x->rep_id = db_col_i64(st, 3);
		x->what = arena_strdup(a, db_col_text(st, 4));
		x->due = arena_strdup(a, db_col_text(st, 5));
		x->rep_name = arena_strdup(a, db_col_text(st, 6));
		x->deal_title = arena_strdup(a, db_col_text(st, 7));
	}
	enum err e = db_finish(st);
	for (size_t i = 0; !e && i < n; i++) {
		struct row *x = &rows[i];
		char dedupe[64];
		snprintf(dedupe, sizeof(dedupe), "%s%lld", prefix, (long long)x->id);
		json_t *data = json_pack("{s:I, s:o, s:s, s:o, s:I, s:s, s:s, s:s}", "step_id", (json_int_t)x->id,
					 "deal_id", jid(x->deal_id), "deal_title", x->deal_title,
					 "account_id", jid(x->account_id), "rep_id", (json_int_t)x->rep_id,
					 "rep_name", x->rep_name, "what", x->what, "due", x->due);
		e = data ? webhook_enqueue(c, org_id, type, data, dedupe, 0) : E_INTERNAL;
	}
	arena_free(a);
	return e;
}

enum err webhook_orgs_wanting(struct db_conn *c, const char *type, int64_t *orgs, size_t max, size_t *n)
{
	char like[64];
	snprintf(like, sizeof(like), "%%,%s,%%", type);
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT DISTINCT org_id FROM webhooks WHERE " HOOK_QUEUES " AND events LIKE $1 "
				 "ORDER BY org_id LIMIT $2", P_T(like), P_I(max));
	while (db_step(st) == DB_ROW && *n < max)
		orgs[(*n)++] = db_col_i64(st, 0);
	return db_finish(st);
}

enum err webhook_sweep_steps(struct db_conn *c, const char *today, int limit)
{
	static const char *const types[] = { "step.due", "step.missed" };
	enum err e = E_OK;
	for (size_t t = 0; !e && t < 2; t++) {
		int64_t orgs[256];
		size_t norgs = 0;
		e = webhook_orgs_wanting(c, types[t], orgs, 256, &norgs);
		for (size_t i = 0; !e && i < norgs; i++) {
			char date[11];
			if (t == 1) {
				struct health_settings hs;
				settings_health(c, orgs[i], &hs);
				date_add_days(today, -hs.grace_days, date);
			} else {
				snprintf(date, sizeof(date), "%s", today);
			}
			e = db_begin(c);
			if (!e)
				e = sweep_org(c, orgs[i], types[t], date, limit);
			if (!e)
				e = db_commit(c);
			else
				db_rollback(c);
		}
	}
	return e;
}

enum err webhook_backlog(struct db_conn *c, int64_t now, int64_t *pending, int64_t *oldest_age)
{
	struct db_stmt *st = db_query(c, "SELECT count(*), coalesce(min(created_at), 0) FROM webhook_outbox "
				      "WHERE status = 'pending'", NULL, 0);
	*pending = 0;
	*oldest_age = 0;
	if (db_step(st) == DB_ROW) {
		*pending = db_col_i64(st, 0);
		int64_t oldest = db_col_i64(st, 1);
		*oldest_age = *pending && oldest ? now - oldest : 0;
	}
	return db_finish(st);
}

enum err webhook_retry_now(struct db_conn *c, int64_t org_id, int64_t webhook_id)
{
	int64_t now = now_epoch();
	enum err e = db_begin(c);
	if (e)
		return e;
	/* disabled by failures: retrying is enabling it again (an admin's
	 * own "disable" is left alone) */
	e = DBX(c, "UPDATE webhooks SET enabled = 1, failures = 0, failing_since = NULL, disabled_at = NULL, "
		"updated_at = $3 WHERE org_id = $1 AND id = $2 AND enabled = 0 AND disabled_at IS NOT NULL",
		P_I(org_id), P_I(webhook_id), P_I(now));
	if (!e)
		e = DBX(c, "UPDATE webhook_outbox SET status = 'pending', next_at = $3, done_at = NULL "
			"WHERE org_id = $1 AND webhook_id = $2 AND status IN ('pending', 'failed', 'cancelled')",
			P_I(org_id), P_I(webhook_id), P_I(now));
	if (!e)
		return db_commit(c);
	db_rollback(c);
	return e;
}
