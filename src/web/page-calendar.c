/*
 * page-calendar: a rep's open next steps as an iCalendar feed (RFC 5545)
 * that Google Calendar, Outlook or Apple Calendar subscribe to, and the
 * "Calendar" card of the account page that makes, replaces and stops its
 * address.
 *
 * A calendar program cannot sign in, so the address itself is the key: a
 * random secret of 32 bytes in the path, shown to its owner once (only its
 * hash is stored, store/calendar.c). A new address revokes the old one, so
 * an address that leaked is stopped by making a new one. An unknown or
 * revoked secret is simply "not found", whatever the reason.
 *
 * Each open step becomes an all-day event on its due date; a slip moves the
 * event, and its SEQUENCE (the number of slips) tells the calendar it changed.
 */
#include "pages.h"
#include "meetingsui.h"
#include "candidateagenda.h"
#include "ui.h"
#include "../store/calendar.h"
#include "../store/auth.h"
#include "../store/conversations.h"
#include "../lib/fmt.h"
#include "../lib/ical.h"
#include "../lib/util.h"
#include <string.h>
#include <time.h>


/* "http(s)://host" from the Host header; a header with anything a host name
 * cannot hold is replaced, so the page never shows an address that points
 * elsewhere than where the request came */
static const char *base_url(struct request *r, const char *scheme)
{
	const char *host = req_header(r, "Host");
	int ok = host && *host && strlen(host) <= 255;
	for (const char *p = host; ok && *p; p++)
		ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		     *p == '.' || *p == '-' || *p == ':' || *p == '[' || *p == ']';
	if (!scheme)
		scheme = r->secure ? "https" : "http";
	return arena_printf(r->a, "%s://%s", scheme, ok ? host : "localhost");
}

/* --- the card on the account page --- */

void calendar_card(struct request *r)
{
	struct strbuf *o = &r->out;
	struct calendar_feed f;
	enum err e = calendar_feed_active(r->db, r->a, r->me.org_id, r->me.user_id, &f);
	html_printf(o, "<section class=\"card\" id=\"calendar\"><h2>%s</h2><p>%s</p>", T("Calendar"),
		    T("See your open next steps in Google Calendar, Outlook or Apple Calendar. Your calendar "
		      "program subscribes to a secret address and fetches the steps from it every few hours."));
	if (e && e != E_NOTFOUND) {
		ui_notice(r, "error", T("The database is not available. Try again shortly."));
		html(o, "</section>");
		return;
	}
	if (!e) {
		char day[11];
		epoch_to_date(f.created_at, day);
		html_printf(o, "<p><span class=\"badge ok\">%s</span> %s</p>", T("active"),
			    arena_printf(r->a, T("Your calendar address was made on %s."), ui_date_text(r, day)));
		html_printf(o, "<p class=\"muted\">%s</p>",
			    T("The address is shown only when it is made. If you lost it, or someone else may know it, "
			      "make a new one: the old address stops working."));
		html(o, "<div class=\"actions\"><form method=\"post\" action=\"/account/calendar\">");
		ui_csrf(r);
		html_printf(o, "<button class=\"button\" type=\"submit\">%s</button></form>",
			    T("New address (the old one stops working)"));
		html_printf(o, "<form method=\"post\" action=\"/account/calendar/revoke\" data-confirm=\"%s\">",
			    T("Stop the calendar feed? Your calendar program will no longer receive your steps."));
		ui_csrf(r);
		html_printf(o, "<button class=\"button danger\" type=\"submit\">%s</button></form></div>",
			    T("Stop the calendar feed"));
	} else {
		html_printf(o, "<p><span class=\"badge\">%s</span> %s</p>", T("off"),
			    T("You have no calendar address."));
		html(o, "<form method=\"post\" action=\"/account/calendar\" class=\"actions\">");
		ui_csrf(r);
		html_printf(o, "<button class=\"button primary\" type=\"submit\">%s</button></form>",
			    T("Create calendar address"));
	}
	html(o, "</section>");
}

/* --- making and stopping the address --- */

void page_calendar_feed_post(struct request *r)
{
	const char *secret = NULL;
	if (calendar_feed_create(r->db, r->a, r->me.org_id, r->me.user_id, &secret)) {
		resp_store_error(r, E_OK);
		return;
	}
	const char *path = arena_printf(r->a, "/calendar/%s.ics", secret);
	const char *url = arena_printf(r->a, "%s%s", base_url(r, NULL), path);
	const char *webcal = arena_printf(r->a, "%s%s", base_url(r, "webcal"), path);
	/* the page holds a secret: keep it out of caches and the back button */
	resp_header(r, "Cache-Control", "no-store");
	ui_page_begin(r, T("Your calendar address"), "account");
	struct strbuf *o = &r->out;
	ui_notice(r, "ok", T("Your calendar address was made. Any address you had before no longer works."));
	html_printf(o, "<section class=\"card calendar-secret\"><h1>%s</h1><p>%s</p>"
		    "<p class=\"secret-line\"><span class=\"secret\">%s</span></p>"
		    "<p class=\"muted\">%s</p>",
		    T("Your calendar address"),
		    T("Copy this address into your calendar program. It is shown only this once; keep it to "
		      "yourself, since anyone who has it can read your next steps."),
		    url,
		    T("Lost it later? Make a new address under your account; the old one then stops working."));
	html_printf(o, "<div class=\"actions\"><a class=\"button primary\" href=\"%s\">%s</a>"
		    "<a class=\"button\" href=\"/account#calendar\">%s</a></div></section>",
		    webcal, T("Open in my calendar app"), T("Back to your account"));

	html_printf(o, "<section class=\"card\"><h2>%s</h2><dl class=\"howto\">", T("How to add it"));
	html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("Google Calendar"),
		    T("On a computer, open Google Calendar. Next to \"Other calendars\" choose +, then "
		      "\"From URL\". Paste the address and choose \"Add calendar\". The calendar then also "
		      "appears in the Google Calendar app on your phone."));
	html_printf(o, "<dt>%s</dt><dd>%s</dd>", "Outlook",
		    T("In Outlook on the web or the new Outlook, choose \"Add calendar\", then \"Subscribe from "
		      "web\". Paste the address, give the calendar a name and choose \"Import\"."));
	html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("Apple Calendar"),
		    T("On a Mac, choose File, then \"New Calendar Subscription\", and paste the address. On an "
		      "iPhone, go to Settings, Calendar, Accounts, Add Account, Other, \"Add Subscribed "
		      "Calendar\", or tap \"Open in my calendar app\" above."));
	html_printf(o, "</dl><p class=\"muted\">%s</p></section>",
		    T("Calendar programs fetch the address every few hours, so a step you add or move can take "
		      "a while to show. Each step appears as an all-day event on its due date."));
	ui_page_end(r);
}

void page_calendar_revoke_post(struct request *r)
{
	enum err e = calendar_feed_revoke(r->db, r->me.org_id, r->me.user_id);
	if (e && e != E_NOTFOUND) {
		resp_store_error(r, e);
		return;
	}
	/* stopping a feed that was already stopped is the same outcome */
	resp_redirect(r, "/account?done=calendar-stopped#calendar");
}

/* --- the feed --- */

/* the secret from "SECRET.ics", or NULL when it cannot be one */
static const char *feed_secret(struct request *r)
{
	/* "<org_id>.<secret>.ics" */
	const char *t = r->tail;
	size_t n = t ? strlen(t) : 0;
	if (!org_of_secret(t, NULL))
		return NULL;
	const char *s = strchr(t, '.') + 1;
	size_t len = (size_t)(s - t) + CALENDAR_SECRET_LEN;
	if (n != len + 4 || strcmp(t + len, ".ics"))
		return NULL;
	for (size_t i = 0; i < CALENDAR_SECRET_LEN; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return NULL;
	}
	return arena_strndup(r->a, t, len);
}

/* "YYYY-MM-DD" as "YYYYMMDD" */
static const char *ical_date(struct request *r, const char *iso)
{
	char *s = arena_alloc(r->a, 9);
	memcpy(s, iso, 4);
	memcpy(s + 4, iso + 5, 2);
	memcpy(s + 6, iso + 8, 2);
	return s;
}

static void step_event(struct request *r, struct strbuf *o, const struct step_row *s, const char *stamp,
		       const char *base)
{
	if (!date_valid(s->due))
		return;
	char next[11];
	date_add_days(s->due, 1, next);
	const char *about = *s->deal_title ? s->deal_title : s->account_name;
	struct strbuf d = STRBUF_INIT;
	sb_adds(&d, arena_printf(r->a, T("Committed by: %s"), s->who));
	if (*s->deal_title)
		sb_adds(&d, arena_printf(r->a, "\n%s", arena_printf(r->a, T("Deal: %s (%s)"), s->deal_title,
								   s->account_name)));
	else
		sb_adds(&d, arena_printf(r->a, "\n%s", arena_printf(r->a, T("Account: %s"), s->account_name)));
	if (s->slips > 0)
		sb_adds(&d, arena_printf(r->a, "\n%s", arena_printf(r->a, trn(r->lang, "Moved %d time; first agreed for %s.",
									    "Moved %d times; first agreed for %s.", s->slips),
								   s->slips, ui_date_text(r, s->original_due))));

	ical_prop(o, "BEGIN", "VEVENT", 0);
	ical_prop(o, "UID", arena_printf(r->a, "step-%lld@salesgarden", (long long)s->id), 0);
	ical_prop(o, "DTSTAMP", stamp, 0);
	ical_prop(o, "DTSTART;VALUE=DATE", ical_date(r, s->due), 0);
	ical_prop(o, "DTEND;VALUE=DATE", ical_date(r, next), 0);
	ical_prop(o, "SEQUENCE", arena_printf(r->a, "%d", s->slips), 0);
	ical_prop(o, "SUMMARY", *about ? arena_printf(r->a, "%s — %s", s->what, about) : s->what, 1);
	ical_prop(o, "DESCRIPTION", d.buf, 1);
	if (s->deal_id)
		ical_prop(o, "URL", arena_printf(r->a, "%s/deals/%lld", base, (long long)s->deal_id), 0);
	ical_prop(o, "TRANSP", "TRANSPARENT", 0);
	ical_prop(o, "END", "VEVENT", 0);
	sb_release(&d);
}

void page_calendar_ics(struct request *r)
{
	const char *secret = feed_secret(r);
	/* the secret is the key: keep it out of the access log and out of the
	 * error page's language switch, which echo the path */
	r->path = "/calendar/(secret).ics";
	struct calendar_feed f;
	enum err e = secret ? calendar_feed_lookup(r->db, r->a, secret, &f) : E_NOTFOUND;
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no page at this address."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	/* the owner's language: a calendar program sends no useful one */
	int l = lang_parse(*f.user_locale ? f.user_locale : f.org_locale);
	r->lang = l < 0 ? LANG_EN : (enum lang)l;
	struct step_list steps;
	if (step_list(r->db, r->a, f.org_id, f.user_id, 0, "open", 0, 0, &steps)) {
		resp_store_error(r, E_OK);
		return;
	}
	char stamp[17];
	time_t now = (time_t)now_epoch();
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
	const char *base = base_url(r, NULL);

	struct strbuf *o = &r->out;
	sb_reset(o);
	ical_prop(o, "BEGIN", "VCALENDAR", 0);
	ical_prop(o, "VERSION", "2.0", 0);
	ical_prop(o, "PRODID", "-//Salesgarden//Next steps//EN", 0);
	ical_prop(o, "CALSCALE", "GREGORIAN", 0);
	ical_prop(o, "METHOD", "PUBLISH", 0);
	ical_prop(o, "X-WR-CALNAME", arena_printf(r->a, T("Next steps of %s"), f.user_name), 1);
	ical_prop(o, "X-WR-CALDESC", T("Open next steps from Salesgarden, each on its due date."), 1);
	/* a hint for how often to fetch (RFC 7986, and its older name) */
	ical_prop(o, "REFRESH-INTERVAL;VALUE=DURATION", "PT1H", 0);
	ical_prop(o, "X-PUBLISHED-TTL", "PT1H", 0);
	for (size_t i = 0; i < steps.n; i++)
		step_event(r, o, &steps.items[i], stamp, base);
	/* learning (issue 9): the sales meetings of the user's teams */
	meetings_ical_events(r, o, f.org_id, f.user_id, stamp, base);
	/* recruiting (issue 11): the user's steps with candidates */
	candidate_agenda_ical(r, o, f.org_id, f.user_id, stamp, base);
	ical_prop(o, "END", "VCALENDAR", 0);
	r->status = 200;
	r->content_type = "text/calendar; charset=utf-8";
	resp_header(r, "Content-Disposition", "inline; filename=\"salesgarden-steps.ics\"");
}
