/*
 * page-admin-webhooks: the organisation's webhook subscriptions, for admins
 * (GET/POST /admin/webhooks; GET/POST /admin/webhooks/:id), issue 16.
 *
 * An admin subscribes a URL of another system (a chat channel's bot, the
 * company's CRM, a data warehouse loader) to events; the page says how a
 * delivery is signed and retried, which addresses are refused and why,
 * keeps the secret at hand (revealable, renewable), shows each
 * subscription's delivery log, sends a test event and retries now. A
 * subscription disabled after repeated failures is told here and on the
 * admin's home page (webhooks_disabled_banner).
 */
#include "pages.h"
#include "ui.h"
#include "load.h"
#include "export.h"
#include "../store/webhooks.h"
#include "../domain/webhook.h"
#include "../jobs/webhook-worker.h"
#include "../lib/util.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

#define LOG_ROWS 50

/* what a form sent, and what was wrong with it */
struct hook_form {
	const char *url, *e_url, *e_events, *notice;
	int events[WH_NEVENTS];
};

static const char *when_text(struct request *r, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char d[11];
	strftime(d, sizeof(d), "%Y-%m-%d", &tm);
	return arena_printf(r->a, "%s %02d:%02d:%02d UTC", ui_date_text(r, d), tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* the delivery log's error codes (jobs/webhook-worker.c) in words */
static const char *error_text(struct request *r, const char *code)
{
	static const struct { const char *code, *text; } texts[] = {
		{ "refused", N_("Refused: the address is not allowed for webhooks") },
		{ "timeout", N_("No answer in time") },
		{ "connect", N_("Could not connect") },
		{ "dns", N_("The host name was not found") },
		{ "tls", N_("The secure connection (https) failed") },
		{ "network", N_("Network error") },
		{ "redirect", N_("Answered with a redirect, which is not followed") },
		{ "status", N_("Answered with an error status") },
	};
	for (size_t i = 0; code && i < sizeof(texts) / sizeof(texts[0]); i++)
		if (!strcmp(code, texts[i].code))
			return T(texts[i].text);
	return code ? code : "";
}

static int has_event(const char *events, enum webhook_event e)
{
	char needle[40];
	snprintf(needle, sizeof(needle), ",%s,", webhook_event_name(e));
	return events && strstr(events, needle) != NULL;
}

static void form_from_hook(struct hook_form *f, const struct webhook *w)
{
	memset(f, 0, sizeof(*f));
	f->url = w->url;
	for (int e = 0; e < WH_NEVENTS; e++)
		f->events[e] = has_event(w->events, (enum webhook_event)e);
}

static void hook_fields(struct request *r, const struct hook_form *f)
{
	struct strbuf *o = &r->out;
	ui_input(r, "url", T("URL the events are sent to"), "url", f ? f->url : "", f ? f->e_url : NULL,
		 arena_printf(r->a, "required maxlength=\"%d\" placeholder=\"https://\"", WEBHOOK_URL_MAX));
	const char *ee = f ? f->e_events : NULL;
	html_printf(o, "<fieldset class=\"field webhook-events%-s\" id=\"f-events\"><legend>%s</legend>",
		    ee ? " invalid" : "", T("Events"));
	for (int e = 0; e < WH_NEVENTS; e++) {
		if (e == WH_TEST)
			continue;
		html_printf(o, "<label class=\"webhook-event\"><input type=\"checkbox\" name=\"ev_%s\" value=\"1\"%-s> "
			    "<code>%s</code> <span class=\"muted\">%s</span></label>", webhook_event_name((enum webhook_event)e),
			    f && f->events[e] ? " checked" : "", webhook_event_name((enum webhook_event)e),
			    T(webhook_event_about((enum webhook_event)e)));
	}
	if (ee)
		html_printf(o, "<p class=\"field-error\" id=\"e-events\">%s</p>", ee);
	html(o, "</fieldset>");
}

void webhooks_disabled_banner(struct request *r)
{
	if (!access_webhook_manage(&r->viewer, r->me.org_id))
		return;
	int64_t n = webhook_disabled_count(r->db, r->me.org_id);
	if (n <= 0)
		return;
	html_printf(&r->out, "<div class=\"notice error webhook-banner\" role=\"alert\">%s "
		    "<a href=\"/admin/webhooks\">%s</a></div>",
		    arena_printf(r->a, trn(r->lang, "%lld webhook was disabled after %d failed deliveries in a row.",
					   "%lld webhooks were disabled after %d failed deliveries in a row.", (long)n),
				 (long long)n, WEBHOOK_MAX_FAILURES),
		    T("See the webhooks"));
}

static void explainer(struct request *r)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card explainer\"><h2>%s</h2><p>%s</p><p>%s</p>"
		    "<pre class=\"webhook-scheme\">Salesgarden-Event: deal.won\nSalesgarden-Delivery: evt_…-1\n"
		    "Salesgarden-Signature: t=1796601600,v1=5f2c…</pre><p>%s</p><p>%s</p><p>%s</p></section>",
		    T("How webhooks work"),
		    T("Each event is sent as an HTTP POST with a JSON body: {id, type, created_at, org, data}. It is "
		      "written down in the same transaction as what it tells, so a restart loses nothing."),
		    T("To check that a delivery comes from this server, compute HMAC-SHA256 with the webhook's secret over "
		      "the timestamp t, a dot and the raw body (“t.body”), and compare it with v1 in constant time. "
		      "Refuse a t older than five minutes. Salesgarden-Delivery is the same on every attempt of one "
		      "delivery: use it to ignore a delivery you already have."),
		    arena_printf(r->a, T("A delivery counts as delivered on an answer 200 to 299 within 10 seconds. "
					 "Redirects are not followed. A failed delivery is tried again after 30 seconds, "
					 "then after twice as long each time (at most an hour), for a day. When %d attempts "
					 "in a row have failed over at least four hours, the webhook is disabled and this "
					 "page says so; its undelivered events are kept, and sent oldest first when you "
					 "enable it again."),
				 WEBHOOK_MAX_FAILURES),
		    T("URLs must be http or https without a user name or password. Addresses of this machine (loopback), "
		      "link-local and cloud metadata addresses, multicast and 0.0.0.0 are refused, when the webhook is "
		      "saved and again at every delivery. Private network addresses (10.x, 172.16–31.x, 192.168.x) are "
		      "allowed, for your internal tools."),
		    T("Use https for anything outside your own network: the body holds names and amounts."));
}

static void render_list(struct request *r, const struct hook_form *f)
{
	struct webhook *hooks;
	size_t n;
	if (webhook_list(r->db, r->a, r->me.org_id, &hooks, &n)) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_page_begin(r, T("Webhooks"), "admin-webhooks");
	struct strbuf *o = &r->out;
	const char *done = req_query(r, "done");
	if (done && !strcmp(done, "webhook-deleted"))
		ui_notice(r, "ok", T("The webhook was deleted, with its deliveries."));
	webhooks_disabled_banner(r);
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div>"
		    "<a class=\"button\" href=\"#add\">%s</a></div>", T("Admin"), T("Webhooks"), T("Add a webhook"));
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", T("Subscriptions"));
	if (!n) {
		html_printf(o, "<p class=\"empty\">%s</p></section>",
			    T("No webhooks yet. To send events to another system, add its URL below and choose the events; "
			      "then press “Send test event” on the webhook's page and check that your system received it."));
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table class=\"webhooks\"><thead><tr><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
			    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>",
			    T("URL"), T("Events"), T("Status"), T("Waiting"), T("Delivered"), T("Given up"));
		for (size_t i = 0; i < n; i++) {
			struct webhook *w = &hooks[i];
			html_printf(o, "<tr><td><a href=\"/admin/webhooks/%lld\">%s</a></td><td>", (long long)w->id, w->url);
			for (int e = 0; e < WH_NEVENTS; e++)
				if (has_event(w->events, (enum webhook_event)e))
					html_printf(o, "<code>%s</code> ", webhook_event_name((enum webhook_event)e));
			html_printf(o, "</td><td><span class=\"badge %s\">%s</span></td><td class=\"num\">%lld</td>"
				    "<td class=\"num\">%lld</td><td class=\"num\">%lld</td></tr>",
				    w->enabled ? "ok" : "bad", w->enabled ? T("enabled") : T("disabled"),
				    (long long)w->pending, (long long)w->delivered, (long long)w->failed);
		}
		html(o, "</tbody></table></div></section>");
	}
	explainer(r);
	html_printf(o, "<section class=\"card\" id=\"add\"><h2>%s</h2>", T("Add a webhook"));
	if (f && f->notice)
		ui_notice(r, "error", f->notice);
	html(o, "<form method=\"post\" action=\"/admin/webhooks#add\" class=\"form\">");
	ui_csrf(r);
	hook_fields(r, f);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Add the webhook"));
	ui_page_end(r);
}

void page_admin_webhooks(struct request *r)
{
	render_list(r, NULL);
}

/* reads and checks the form; 0 when it may be saved (events into buf) */
static int read_form(struct request *r, struct hook_form *f, char *events, size_t cap)
{
	memset(f, 0, sizeof(*f));
	f->url = req_form_trimmed(r, "url");
	if (!f->url)
		f->url = "";
	size_t len = 0;
	events[0] = 0;
	for (int e = 0; e < WH_NEVENTS; e++) {
		if (e == WH_TEST)
			continue;
		const char *v = req_form(r, arena_printf(r->a, "ev_%s", webhook_event_name((enum webhook_event)e)));
		if (v && !strcmp(v, "1")) {
			f->events[e] = 1;
			len += (size_t)snprintf(events + len, cap - len, "%s%s,", len ? "" : ",",
						webhook_event_name((enum webhook_event)e));
		}
	}
	const char *m = webhook_worker_check_url(f->url);
	if (m)
		f->e_url = T(m);
	if (!len)
		f->e_events = T("Choose at least one event.");
	if (f->e_url || f->e_events) {
		f->notice = T("The webhook was not saved. Check the fields marked below.");
		return -1;
	}
	return 0;
}

void page_admin_webhooks_post(struct request *r)
{
	if (!access_webhook_manage(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("You do not have access to this page."));
		return;
	}
	struct hook_form f;
	char events[256];
	if (read_form(r, &f, events, sizeof(events))) {
		r->status = 400;
		render_list(r, &f);
		return;
	}
	char secret[64] = "whsec_";
	rand_token_buf(secret + 6, sizeof(secret) - 6, 24);
	int64_t id = 0;
	enum err e = webhook_create(r->db, r->me.org_id, f.url, events, secret, r->me.user_id, &id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/admin/webhooks/%lld?done=webhook-created", (long long)id));
}

static void action_button(struct request *r, const struct webhook *w, const char *action, const char *text,
			  const char *cls)
{
	html_printf(&r->out, "<form method=\"post\" action=\"/admin/webhooks/%lld\" class=\"inline-form\">",
		    (long long)w->id);
	ui_csrf(r);
	html_printf(&r->out, "<input type=\"hidden\" name=\"action\" value=\"%s\"><button class=\"button%-s\" "
		    "type=\"submit\">%s</button></form>", action, cls, text);
}

static void render_hook(struct request *r, const struct webhook *w, const struct hook_form *f)
{
	struct webhook_delivery *log;
	size_t n;
	int64_t total;
	if (webhook_deliveries(r->db, r->a, r->me.org_id, w->id, LOG_ROWS, 0, &log, &n, &total)) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_page_begin(r, T("Webhook"), "admin-webhooks");
	struct strbuf *o = &r->out;
	static const struct { const char *code, *text; } done[] = {
		{ "webhook-created", N_("The webhook was added. Copy its secret below into the receiving system.") },
		{ "webhook-saved", N_("The webhook was saved.") },
		{ "webhook-enabled", N_("The webhook is enabled again; deliveries waiting are sent now.") },
		{ "webhook-disabled", N_("The webhook is disabled. Events are no longer queued for it.") },
		{ "webhook-tested", N_("A test event was queued; it is sent within a few seconds.") },
		{ "webhook-retried", N_("Deliveries waiting or given up are tried again now.") },
		{ "webhook-secret", N_("The webhook has a new secret. Put it into the receiving system.") },
	};
	const char *code = req_query(r, "done");
	for (size_t i = 0; code && i < sizeof(done) / sizeof(done[0]); i++)
		if (!strcmp(code, done[i].code))
			ui_notice(r, "ok", T(done[i].text));
	if (!w->enabled && w->disabled_at)
		ui_notice(r, "error", arena_printf(r->a, T("This webhook was disabled on %s after %d failed deliveries "
							   "in a row. Fix the receiving system, then enable it again."),
						   when_text(r, w->disabled_at), WEBHOOK_MAX_FAILURES));
	if (!w->enabled && w->disabled_at)
		ui_notice(r, "info", arena_printf(r->a, T("Events waiting: %lld. They are kept, and sent oldest first "
							  "when the webhook is enabled again."),
						  (long long)w->pending));
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\"><a href=\"/admin/webhooks\">%s</a></p>"
		    "<h1 class=\"webhook-url\">%s</h1></div><span class=\"badge %s\">%s</span></div>",
		    T("Webhooks"), w->url, w->enabled ? "ok" : "bad", w->enabled ? T("enabled") : T("disabled"));

	html_printf(o, "<section class=\"card\"><h2>%s</h2><p class=\"muted\">%s</p><div class=\"actions\">",
		    T("Actions"), arena_printf(r->a, T("Waiting: %lld · delivered: %lld · given up: %lld · failed "
						       "attempts in a row: %d"), (long long)w->pending,
					       (long long)w->delivered, (long long)w->failed, w->failures));
	action_button(r, w, "test", T("Send test event"), " primary");
	action_button(r, w, "retry", T("Retry now"), "");
	action_button(r, w, w->enabled ? "disable" : "enable", w->enabled ? T("Disable") : T("Enable"), "");
	action_button(r, w, "delete", T("Delete the webhook"), " danger");
	html(o, "</div></section>");

	html_printf(o, "<section class=\"card\"><h2>%s</h2><details class=\"webhook-secret\"%-s><summary>%s</summary>"
		    "<p><code id=\"webhook-secret\">%s</code></p></details><p class=\"hint\">%s</p>",
		    T("Secret"), code && !strcmp(code, "webhook-created") ? " open" : "", T("Show the secret"), w->secret,
		    T("The receiving system uses the secret to check the signature. Only admins can see it."));
	action_button(r, w, "secret", T("Make a new secret"), "");
	html(o, "</section>");

	html_printf(o, "<section class=\"card\"><h2>%s</h2>", T("Delivery log"));
	if (!n) {
		html_printf(o, "<p class=\"empty\">%s</p>", T("Nothing was sent yet. Press “Send test event” to try it."));
	} else {
		html_printf(o, "<p class=\"muted\">%s</p>", arena_printf(r->a, T("The last %zu of %lld attempts, newest "
										 "first."), n, (long long)total));
		ui_export_links(r);
		ui_export_cut(r, total, WEBHOOK_DELIVERIES_MAX);
		html_printf(o, "<div class=\"table-wrap\"><table class=\"webhook-log\"><thead><tr><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
			    "<th scope=\"col\">%s</th></tr></thead><tbody>",
			    T("When"), T("Event"), T("Attempt"), T("Result"), T("HTTP status"), T("Duration (ms)"),
			    T("Error"));
		for (size_t i = 0; i < n; i++) {
			struct webhook_delivery *d = &log[i];
			html_printf(o, "<tr><td>%s</td><td><code>%s</code></td><td class=\"num\">%d</td>"
				    "<td><span class=\"badge %s\">%s</span></td><td class=\"num\">%s</td><td class=\"num\">%d</td>"
				    "<td>%s</td></tr>", when_text(r, d->at), d->type, d->attempt, d->ok ? "ok" : "bad",
				    d->ok ? T("delivered") : T("failed"),
				    d->status_code ? arena_printf(r->a, "%d", d->status_code) : "—", d->duration_ms,
				    d->ok ? "" : error_text(r, d->error));
		}
		html(o, "</tbody></table></div>");
	}
	html(o, "</section>");

	struct hook_form cur;
	if (!f) {
		form_from_hook(&cur, w);
		f = &cur;
	}
	html_printf(o, "<section class=\"card\" id=\"edit\"><h2>%s</h2>", T("Change the webhook"));
	if (f->notice)
		ui_notice(r, "error", f->notice);
	html_printf(o, "<form method=\"post\" action=\"/admin/webhooks/%lld#edit\" class=\"form\">", (long long)w->id);
	ui_csrf(r);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"save\">");
	hook_fields(r, f);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Save"));
	explainer(r);
	ui_page_end(r);
}

/* the delivery log as a download (?format=csv|xlsx): the newest
 * WEBHOOK_DELIVERIES_MAX attempts, the columns the page shows */
static void send_log(struct request *r, const struct webhook *w)
{
	struct webhook_delivery *log;
	size_t n;
	int64_t total;
	if (webhook_deliveries(r->db, r->a, r->me.org_id, w->id, WEBHOOK_DELIVERIES_MAX, 0, &log, &n, &total)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct table *t = table_new(r->a, "webhook-deliveries", 7);
	table_col(t, 0, T("When (UTC)"), CELL_TEXT);
	table_col(t, 1, T("Event"), CELL_TEXT);
	table_col(t, 2, T("Attempt"), CELL_INT);
	table_col(t, 3, T("Result"), CELL_TEXT);
	table_col(t, 4, T("HTTP status"), CELL_INT);
	table_col(t, 5, T("Duration (ms)"), CELL_INT);
	table_col(t, 6, T("Error"), CELL_TEXT);
	for (size_t i = 0; i < n; i++) {
		const struct webhook_delivery *d = &log[i];
		size_t row = table_row(t);
		time_t tt = (time_t)d->at;
		struct tm tm;
		char when[24];
		gmtime_r(&tt, &tm);
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
		table_text(t, row, 0, when);
		table_text(t, row, 1, d->type);
		table_int(t, row, 2, d->attempt);
		table_text(t, row, 3, d->ok ? T("delivered") : T("failed"));
		table_int(t, row, 4, d->status_code);
		table_int(t, row, 5, d->duration_ms);
		table_text(t, row, 6, d->ok ? "" : error_text(r, d->error));
	}
	export_send(r, t);
}

void page_admin_webhook(struct request *r)
{
	struct webhook *w = webhook_load_or_reply(r, r->id);
	if (w && export_wanted(r))
		send_log(r, w);
	else if (w)
		render_hook(r, w, NULL);
}

void page_admin_webhook_post(struct request *r)
{
	struct webhook *w = webhook_load_or_reply(r, r->id);
	if (!w)
		return;
	const char *action = req_form(r, "action");
	const char *done = NULL;
	enum err e = E_OK;
	if (!action) {
		resp_error(r, E_INVALID, T("Choose what to do with the webhook."));
		return;
	} else if (!strcmp(action, "save")) {
		struct hook_form f;
		char events[256];
		if (read_form(r, &f, events, sizeof(events))) {
			r->status = 400;
			render_hook(r, w, &f);
			return;
		}
		e = webhook_update(r->db, r->me.org_id, w->id, f.url, events, -1, NULL);
		done = "webhook-saved";
	} else if (!strcmp(action, "enable") || !strcmp(action, "disable")) {
		int on = !strcmp(action, "enable");
		e = webhook_update(r->db, r->me.org_id, w->id, NULL, NULL, on, NULL);
		done = on ? "webhook-enabled" : "webhook-disabled";
	} else if (!strcmp(action, "secret")) {
		char secret[64] = "whsec_";
		rand_token_buf(secret + 6, sizeof(secret) - 6, 24);
		e = webhook_update(r->db, r->me.org_id, w->id, NULL, NULL, -1, secret);
		done = "webhook-secret";
	} else if (!strcmp(action, "test")) {
		if (!w->enabled) {
			r->status = 409;
			struct hook_form f;
			form_from_hook(&f, w);
			f.notice = T("The webhook is disabled. Enable it before sending a test event.");
			render_hook(r, w, &f);
			return;
		}
		json_t *data = json_pack("{s:s}", "message", "This is a test event from Salesgarden.");
		e = webhook_enqueue(r->db, r->me.org_id, "test", data, NULL, w->id);
		done = "webhook-tested";
	} else if (!strcmp(action, "retry")) {
		e = webhook_retry_now(r->db, r->me.org_id, w->id);
		done = "webhook-retried";
	} else if (!strcmp(action, "delete")) {
		e = webhook_delete(r->db, r->me.org_id, w->id);
		if (!e) {
			ui_redirect_done(r, "/admin/webhooks", "webhook-deleted");
			return;
		}
	} else {
		resp_error(r, E_INVALID, T("Choose what to do with the webhook."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/admin/webhooks/%lld?done=%s", (long long)w->id, done));
}
