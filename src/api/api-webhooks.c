/*
 * api-webhooks: /api/v1/webhooks — the organisation's webhook subscriptions
 * (issue 16), for its admins only (access_webhook_manage; the route says
 * R_ADMIN too): list, create ({url, events: [...]}, answered with the
 * secret), read one (with its secret), change (url, events, enabled),
 * delete, send the test event, and read the delivery log
 * (/api/v1/webhooks/:id/deliveries, newest first). A URL is checked as on
 * the page: http(s), no user:password, no address of this machine, no
 * link-local, metadata, multicast or unspecified address.
 */
#include "api.h"
#include "../web/load.h"
#include "../store/webhooks.h"
#include "../domain/webhook.h"
#include "../jobs/webhook-worker.h"
#include "../lib/util.h"
#include <stdio.h>
#include <string.h>

static json_t *events_json(const char *events)
{
	json_t *a = json_array();
	for (int e = 0; a && e < WH_NEVENTS; e++) {
		char needle[40];
		snprintf(needle, sizeof(needle), ",%s,", webhook_event_name((enum webhook_event)e));
		if (events && strstr(events, needle))
			json_array_append_new(a, json_string(webhook_event_name((enum webhook_event)e)));
	}
	return a;
}

static json_t *hook_json(const struct webhook *w, int with_secret)
{
	json_t *o = json_pack("{s:I, s:s, s:o, s:b, s:i, s:o, s:I, s:I, s:{s:I, s:I, s:I}}",
			      "id", (json_int_t)w->id, "url", w->url, "events", events_json(w->events),
			      "enabled", w->enabled, "failures", w->failures,
			      "disabled_at", w->disabled_at ? json_integer((json_int_t)w->disabled_at) : json_null(),
			      "created_at", (json_int_t)w->created_at, "updated_at", (json_int_t)w->updated_at,
			      "outbox", "pending", (json_int_t)w->pending, "delivered", (json_int_t)w->delivered,
			      "given_up", (json_int_t)w->failed);
	if (o && with_secret)
		json_object_set_new(o, "secret", json_string(w->secret));
	return o;
}

static int allowed(struct request *r)
{
	if (access_webhook_manage(&r->viewer, r->me.org_id))
		return 1;
	resp_error(r, E_FORBIDDEN, T("You do not have access to this page."));
	return 0;
}

void api_webhooks_list(struct request *r)
{
	if (!allowed(r))
		return;
	struct webhook *hooks;
	size_t n;
	enum err e = webhook_list(r->db, r->a, r->me.org_id, &hooks, &n);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, hook_json(&hooks[i], 0));
	api_reply(r, 200, json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)n));
}

static void reply_hook(struct request *r, int status, int64_t id)
{
	struct webhook w;
	enum err e = webhook_get(r->db, r->a, r->me.org_id, id, &w);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (status == 201)
		resp_header(r, "Location", arena_printf(r->a, "/api/v1/webhooks/%lld", (long long)id));
	api_reply(r, status, hook_json(&w, 1));
}

/* the url member checked; NULL after answering 400 */
static const char *checked_url(struct request *r, const char *url)
{
	const char *m = webhook_worker_check_url(url ? str_trim(arena_strdup(r->a, url)) : NULL);
	if (m) {
		api_invalid(r, "url", T(m));
		return NULL;
	}
	return str_trim(arena_strdup(r->a, url));
}

/* the events member as stored (",a,b,"); NULL after answering 400 */
static const char *checked_events(struct request *r)
{
	json_t *v = json_object_get(r->json, "events");
	if (!json_is_array(v) || !json_array_size(v)) {
		api_invalid(r, "events", T("Choose at least one event."));
		return NULL;
	}
	int on[WH_NEVENTS] = { 0 };
	size_t i;
	json_t *x;
	json_array_foreach(v, i, x) {
		int e = webhook_event_parse(json_string_value(x));
		if (e < 0 || e == WH_TEST) {
			api_invalid(r, "events", T("events lists event types of this server, e.g. \"deal.won\"."));
			return NULL;
		}
		on[e] = 1;
	}
	struct strbuf sb;
	sb_init(&sb, 128);
	for (int e = 0; e < WH_NEVENTS; e++)
		if (on[e])
			sb_addf(&sb, "%s%s,", sb.len ? "" : ",", webhook_event_name((enum webhook_event)e));
	const char *out = arena_strdup(r->a, sb.buf);
	sb_release(&sb);
	return out;
}

void api_webhooks_create(struct request *r)
{
	if (!allowed(r) || api_body(r))
		return;
	int bad = 0;
	const char *url = api_str(r, "url", &bad);
	if (bad || !(url = checked_url(r, url)))
		return;
	const char *events = checked_events(r);
	if (!events)
		return;
	char secret[64] = "whsec_";
	rand_token_buf(secret + 6, sizeof(secret) - 6, 24);
	int64_t id = 0;
	enum err e = webhook_create(r->db, r->me.org_id, url, events, secret, r->me.user_id, &id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_hook(r, 201, id);
}

void api_webhook_get(struct request *r)
{
	struct webhook *w = webhook_load_or_reply(r, r->id);
	if (w)
		api_reply(r, 200, hook_json(w, 1));
}

void api_webhook_update(struct request *r)
{
	/* the caller's right to this webhook first, then the body */
	struct webhook *w = webhook_load_or_reply(r, r->id);
	if (!w || api_body(r))
		return;
	int bad = 0, enabled = -1;
	const char *url = NULL, *events = NULL;
	if (api_has(r, "url")) {
		url = api_str(r, "url", &bad);
		if (bad || !(url = checked_url(r, url)))
			return;
	}
	if (api_has(r, "events") && !(events = checked_events(r)))
		return;
	if (api_has(r, "enabled")) {
		json_t *v = json_object_get(r->json, "enabled");
		if (!json_is_boolean(v)) {
			api_invalid(r, "enabled", T("enabled is true or false."));
			return;
		}
		enabled = json_is_true(v);
	}
	enum err e = webhook_update(r->db, r->me.org_id, w->id, url, events, enabled, NULL);
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_hook(r, 200, w->id);
}

void api_webhook_delete(struct request *r)
{
	struct webhook *w = webhook_load_or_reply(r, r->id);
	if (!w)
		return;
	enum err e = webhook_delete(r->db, r->me.org_id, w->id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	r->status = 204;
	r->content_type = "application/json";
	sb_reset(&r->out);
}

void api_webhook_deliveries(struct request *r)
{
	struct api_page pg;
	struct webhook *w = webhook_load_or_reply(r, r->id);
	if (!w || api_paging(r, &pg))
		return;
	struct webhook_delivery *d;
	size_t n;
	int64_t total;
	enum err e = webhook_deliveries(r->db, r->a, r->me.org_id, w->id, (int64_t)pg.limit, (int64_t)pg.offset, &d,
					&n, &total);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:s, s:s, s:i, s:I, s:b, s:o, s:i, s:s}",
						       "id", (json_int_t)d[i].id, "event_id", d[i].event_id,
						       "type", d[i].type, "attempt", d[i].attempt, "at", (json_int_t)d[i].at,
						       "ok", d[i].ok, "status_code",
						       d[i].status_code ? json_integer(d[i].status_code) : json_null(),
						       "duration_ms", d[i].duration_ms, "error", d[i].error));
	api_list(r, items, (size_t)total, &pg);
}

void api_webhook_test(struct request *r)
{
	struct webhook *w = webhook_load_or_reply(r, r->id);
	if (!w)
		return;
	if (!w->enabled) {
		api_conflict(r, "enabled", T("The webhook is disabled. Enable it before sending a test event."));
		return;
	}
	json_t *data = json_pack("{s:s}", "message", "This is a test event from Salesgarden.");
	enum err e = webhook_enqueue(r->db, r->me.org_id, "test", data, NULL, w->id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 202, json_pack("{s:b}", "queued", 1));
}
