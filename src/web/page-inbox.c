/*
 * page-inbox: the coach's inbox (issue 10) — what needs the manager now,
 * most urgent first (service/inbox.c gathers it; domain/inbox.c holds the
 * rules).
 *
 *   GET  /inbox          the list: each item's sentence links to where it
 *        is acted on, with a form to dismiss it (gone until its situation
 *        changes) and one to snooze it (1 day, 1 week, or until a date);
 *        ?format=csv|xlsx the same items as a table (urgency, the
 *        sentence, since, the link): exactly what the page lists, so the
 *        pulse reaches a file only as it reaches the page
 *   POST /inbox/dismiss  key: the item; the state stored is the one the
 *        server finds now, never one the form sends
 *   POST /inbox/snooze   key, for: day | week | date, until: the date
 *
 * and its parts elsewhere: the count beside "Inbox" in the navigation
 * (inbox_nav_count) and the top of a manager's home page
 * (inbox_home_section). The inbox is gathered at most once per request
 * (r->inbox). A page cached by http/pagecache.c keeps the count it was
 * rendered with only while its key (the session, so one person; today's
 * date) and the database's data version are the same — a dismissal, a
 * snooze or any other write makes the next request render afresh.
 *
 * Rights: access_inbox, access_inbox_rep (domain/access.c).
 */
#include "pages.h"
#include "ui.h"
#include "export.h"
#include "../service/inbox.h"
#include "../store/inbox.h"
#include "../http/server.h"
#include "../lib/log.h"
#include "../lib/util.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define HOME_TOP 5

/* the caller's inbox, gathered once per request; NULL when they have none
 * or it could not be read (logged) */
const struct inbox *inbox_of(struct request *r)
{
	if (r->inbox)
		return r->inbox;
	/* a page answered without a database connection (503 when every
	 * worker waits on the database) draws its menu without the count */
	if (!r->db || !access_inbox(&r->viewer, r->me.org_id))
		return NULL;
	struct inbox *x = arena_alloc(r->a, sizeof(*x));
	enum err e = inbox_gather(r->db, r->a, &r->viewer, r->lang, ui_today(r), x);
	if (e) {
		log_error("inbox: %s", err_name(e));
		return NULL;
	}
	r->inbox = x;
	return x;
}

/* the menu's count on the other pages, kept per user while nothing was
 * committed since (db_data_version: any commit, anyone's) and the day is
 * the same — the inbox is a function of the database, the user and the
 * day alone, so a kept count is the one a new gathering would give. It
 * spares an admin's every page the whole inbox of the organisation (make
 * bench) until the next write. Not kept on PostgreSQL (no cheap version). */
#define NAV_SLOTS 256
static struct nav_slot {
	int64_t user_id, org_id, version;
	char today[11];
	long n;
} nav_slots[NAV_SLOTS];
static pthread_mutex_t nav_mu = PTHREAD_MUTEX_INITIALIZER;

long inbox_nav_count(struct request *r)
{
	if (r->inbox || !r->db || !access_inbox(&r->viewer, r->me.org_id)) {
		const struct inbox *x = inbox_of(r);
		return x ? (long)x->n : -1;
	}
	/* the version read before the gathering: a commit while it runs
	 * makes the count kept under the older version, never the newer */
	int64_t version = r->srv ? db_data_version(r->srv->db) : -1;
	const char *today = ui_today(r);
	struct nav_slot *slot = &nav_slots[(uint64_t)r->viewer.id % NAV_SLOTS];
	if (version >= 0) {
		long n = -1;
		pthread_mutex_lock(&nav_mu);
		if (slot->user_id == r->viewer.id && slot->org_id == r->me.org_id && slot->version == version &&
		    !strcmp(slot->today, today))
			n = slot->n;
		pthread_mutex_unlock(&nav_mu);
		if (n >= 0)
			return n;
	}
	const struct inbox *x = inbox_of(r);
	if (!x)
		return -1;
	if (version >= 0) {
		pthread_mutex_lock(&nav_mu);
		*slot = (struct nav_slot){ r->viewer.id, r->me.org_id, version, "", (long)x->n };
		snprintf(slot->today, sizeof(slot->today), "%s", today);
		pthread_mutex_unlock(&nav_mu);
	}
	return (long)x->n;
}

static const char *level_class(int level)
{
	return level >= 3 ? "bad" : level == 2 ? "warn" : "info";
}

static const char *level_text(struct request *r, int level)
{
	/* TRANSLATORS: how urgent an item of the coach's inbox is */
	return level >= 3 ? T("urgent") : level == 2 ? T("soon") : T("when you can");
}

static void item_forms(struct request *r, const struct inbox_item *it, const char *e_until, const char *until)
{
	struct strbuf *o = &r->out;
	html(o, "<div class=\"inbox-actions\"><form method=\"post\" action=\"/inbox/dismiss\" class=\"inline\">");
	ui_csrf(r);
	html_printf(o, "<input type=\"hidden\" name=\"key\" value=\"%s\"><button class=\"button\" type=\"submit\" "
		    "title=\"%s\">%s</button></form>", it->key, T("Gone until the situation changes"), T("Dismiss"));
	html(o, "<form method=\"post\" action=\"/inbox/snooze\" class=\"inline inbox-snooze\">");
	ui_csrf(r);
	html_printf(o, "<input type=\"hidden\" name=\"key\" value=\"%s\">", it->key);
	const char *const vals[] = { "day", "week", "date" };
	const char *labels[] = { T("for 1 day"), T("for 1 week"), T("until the date") };
	ui_select(r, "for", T("Snooze"), vals, labels, 3, e_until ? "date" : "day", NULL);
	ui_input(r, "until", T("Snooze until"), "date", until ? until : "", e_until, NULL);
	html_printf(o, "<button class=\"button\" type=\"submit\">%s</button></form></div>", T("Snooze"));
}

static void item_render(struct request *r, const struct inbox_item *it, int forms, const char *e_key,
			const char *e_until, const char *until)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<li class=\"inbox-item\" data-kind=\"%s\" data-key=\"%s\"><span class=\"badge %s\">%s</span> "
		    "<a href=\"%s\">%s</a>", inbox_kind_code(it->kind), it->key, level_class(it->level),
		    level_text(r, it->level), it->link, it->text);
	if (forms) {
		int mine = e_key && !strcmp(e_key, it->key);
		item_forms(r, it, mine ? e_until : NULL, mine ? until : NULL);
	}
	html(o, "</li>");
}

void inbox_home_section(struct request *r)
{
	const struct inbox *x = inbox_of(r);
	if (!x)
		return;
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"inbox\"><div class=\"page-head\"><h2>%s</h2>"
		    "<a href=\"/inbox\">%s</a></div>", T("Inbox: what needs you now"),
		    arena_printf(r->a, trn(r->lang, "All %ld item", "All %ld items", (long)x->n), (long)x->n));
	if (!x->n)
		html_printf(o, "<p class=\"muted\">%s</p>", T("Nothing needs you right now."));
	else {
		html(o, "<ol class=\"inbox-list\">");
		for (size_t i = 0; i < x->n && i < HOME_TOP; i++)
			item_render(r, &x->items[i], 0, NULL, NULL, NULL);
		html(o, "</ol>");
	}
	html(o, "</section>");
}

/* the items the page lists, as a table for CSV and Excel */
static struct table *inbox_table(struct request *r, const struct inbox *x)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "inbox-%s", ui_today(r)), 4);
	table_col(t, 0, T("Urgency"), CELL_TEXT);
	table_col(t, 1, T("What needs you"), CELL_TEXT);
	table_col(t, 2, T("Since"), CELL_DATE);
	table_col(t, 3, T("Where to act"), CELL_TEXT);
	for (size_t i = 0; i < x->n; i++) {
		const struct inbox_item *it = &x->items[i];
		size_t row = table_row(t);
		table_text(t, row, 0, level_text(r, it->level));
		table_text(t, row, 1, it->text);
		if (it->since && *it->since)
			table_date(t, row, 2, it->since);
		table_text(t, row, 3, it->link ? it->link : "");
	}
	return t;
}

static void render(struct request *r, const struct inbox *x, const char *e_key, const char *e_until,
		   const char *until)
{
	ui_page_begin(r, T("Inbox"), "inbox");
	struct strbuf *o = &r->out;
	html_printf(o, "<h1>%s</h1><p class=\"muted\">%s</p>", T("Inbox"),
		    r->viewer.role == ROLE_ADMIN
			    ? T("What needs you now in every team, most urgent first. Dismiss an item and it stays gone "
				"until its situation changes; snooze it and it comes back on the day you choose.")
			    : T("What needs you now in the teams you lead, most urgent first. Dismiss an item and it "
				"stays gone until its situation changes; snooze it and it comes back on the day you "
				"choose."));
	if (e_until)
		ui_notice(r, "error", T("Nothing was saved. Check the fields marked below."));
	const char *done = req_query(r, "done");
	if (done && !strcmp(done, "inbox-dismissed"))
		ui_notice(r, "ok", T("The item was dismissed."));
	else if (done && !strcmp(done, "inbox-snoozed"))
		ui_notice(r, "ok", T("The item was snoozed."));
	if (!x->n)
		html_printf(o, "<p class=\"inbox-empty\">%s</p>", T("Nothing needs you right now."));
	else {
		html(o, "<ol class=\"inbox-list inbox-full\">");
		for (size_t i = 0; i < x->n; i++)
			item_render(r, &x->items[i], 1, e_key, e_until, until);
		html(o, "</ol>");
		/* to /inbox itself: this page also answers a snooze's POST */
		html_printf(o, "<p class=\"export-links muted\">%s <a href=\"/inbox?format=csv\" download>CSV</a> · "
			    "<a href=\"/inbox?format=xlsx\" download>%s</a></p>", T("Download:"), T("Excel"));
	}
	if (x->hidden)
		html_printf(o, "<p class=\"muted\">%s</p>",
			    arena_printf(r->a, trn(r->lang, "%ld item is dismissed or snoozed.",
						   "%ld items are dismissed or snoozed.", (long)x->hidden),
					 (long)x->hidden));
	ui_page_end(r);
}

void page_inbox(struct request *r)
{
	if (!access_inbox(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("Only managers and admins have an inbox."));
		return;
	}
	const struct inbox *x = inbox_of(r);
	if (!x) {
		resp_store_error(r, E_OK);
		return;
	}
	if (export_wanted(r)) {
		export_send(r, inbox_table(r, x));
		return;
	}
	render(r, x, NULL, NULL, NULL);
}

/* the item of the form's key in the caller's inbox; NULL when the answer
 * was sent (it is gone: the situation is over) */
static struct inbox_item *posted_item(struct request *r)
{
	if (!access_inbox(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("Only managers and admins have an inbox."));
		return NULL;
	}
	const char *key = req_form_trimmed(r, "key");
	if (!key || !*key) {
		resp_error(r, E_INVALID, T("Give the key of an item of your inbox."));
		return NULL;
	}
	struct inbox_item *it = NULL;
	enum err e = inbox_find(r->db, r->a, &r->viewer, r->lang, ui_today(r), key, &it);
	if (e) {
		resp_store_error(r, e);
		return NULL;
	}
	if (!it)
		resp_error(r, E_NOTFOUND, T("This item is no longer in your inbox."));
	return it;
}

void page_inbox_dismiss_post(struct request *r)
{
	struct inbox_item *it = posted_item(r);
	if (!it)
		return;
	enum err e = inbox_dismiss(r->db, r->me.org_id, r->me.user_id, it->key, it->fingerprint, NULL);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, "/inbox", "inbox-dismissed");
}

void page_inbox_snooze_post(struct request *r)
{
	struct inbox_item *it = posted_item(r);
	if (!it)
		return;
	const char *how = req_form_trimmed(r, "for"), *until = req_form_trimmed(r, "until");
	char day[11];
	if (!how || inbox_snooze_until(!strcmp(how, "date") ? (until ? until : "") : how, ui_today(r), day)) {
		r->status = 400;
		const struct inbox *x = inbox_of(r);
		if (!x) {
			resp_store_error(r, E_OK);
			return;
		}
		render(r, x, it->key, T("Snooze until: give a day after today, at most a year ahead."), until);
		return;
	}
	enum err e = inbox_dismiss(r->db, r->me.org_id, r->me.user_id, it->key, it->fingerprint, day);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, "/inbox", "inbox-snoozed");
}
