/*
 * ui: see ui.h. The chrome is plain server-rendered HTML with one stylesheet
 * and one small script, all served by the binary; pages work without the
 * script, which only adds conveniences (charts, confirmations).
 */
#include "ui.h"
#include "pages.h"
#include <math.h>
#include "../http/route.h"
#include "../lib/assets.h"
#include "../lib/fmt.h"
#include "../lib/util.h"
#include "pages.h"
#include <stdlib.h>
#include <string.h>

/*
 * The main menu in groups, so that it fits one line on a desktop and one row
 * of buttons on a phone: each group is a <details> drop-down (no script
 * needed; app.js only closes the others and closes on a tap elsewhere), a
 * group of one page is a plain link, and the current group shows the
 * current page's name, so the page is never hidden in a closed menu.
 */
enum nav_group { G_SELL, G_NUMBERS, G_GROW, G_LEARN, G_TEAM, G_ADMIN, G_COUNT };

static const char *const group_labels[G_COUNT] = {
	/* TRANSLATORS: a group of the main menu: the daily selling pages; keep it short (phone) */
	N_("Sell"),
	/* TRANSLATORS: a group of the main menu; keep it short (phone) */
	N_("Numbers"),
	/* TRANSLATORS: a group of the main menu: developing people (assessments, plans, one-on-ones); keep it short (phone) */
	N_("Grow"),
	/* TRANSLATORS: a group of the main menu: learning (the learning log, the library, sales meetings and their cases); keep it short (phone) */
	N_("Learn"),
	/* TRANSLATORS: a group of the main menu; keep it short (phone) */
	N_("Team"),
	/* TRANSLATORS: a group of the main menu: the admin's settings (users, teams, stages); keep it short (phone) */
	N_("Manage"),
};

struct nav_item {
	enum nav_group group;
	const char *key, *href, *label;
	enum role min, max;
	const char *also; /* a second active key that counts as this item */
};

static const struct nav_item nav[] = {
	/* levers (issue 10): the coach's inbox — first of Sell for managers and
	 * admins, with the count of its items (nav_count) */
	/* TRANSLATORS: a menu item: the coach's inbox of what needs the manager now; keep it short */
	{ G_SELL, "inbox", "/inbox", N_("Inbox"), ROLE_MANAGER, ROLE_ADMIN, NULL },
	{ G_SELL, "home", "/", N_("Overview"), ROLE_REP, ROLE_ADMIN, NULL },
	{ G_SELL, "agenda", "/agenda", N_("Agenda"), ROLE_REP, ROLE_ADMIN, NULL },
	{ G_SELL, "pipeline", "/pipeline", N_("Pipeline"), ROLE_REP, ROLE_ADMIN, NULL },
	{ G_SELL, "accounts", "/accounts", N_("Accounts"), ROLE_REP, ROLE_ADMIN, NULL },
	{ G_SELL, "conversations", "/conversations", N_("Conversations"), ROLE_REP, ROLE_ADMIN, NULL },
	/* every tab of the numbers pages (web/numbersui.c) is under this key */
	{ G_NUMBERS, "numbers", "/numbers", N_("Numbers"), ROLE_REP, ROLE_ADMIN, NULL },
	{ G_NUMBERS, "figures", "/figures/commitment", N_("Step or stop"), ROLE_REP, ROLE_ADMIN, NULL },
	{ G_NUMBERS, "strung-along", "/strung-along", N_("Strung along"), ROLE_REP, ROLE_ADMIN, NULL },
	/* development (issue 8): the competency framework and assessments */
	{ G_GROW, "assessments", "/assessments", N_("Assessments"), ROLE_REP, ROLE_ADMIN, NULL },
	/* the framework; an admin's editing page counts as this item */
	{ G_GROW, "traits", "/traits", N_("Traits"), ROLE_REP, ROLE_ADMIN, "admin-traits" },

	/* development (issue 8): a rep's profile and the team matrix */
	{ G_GROW, "profile", "/profile", N_("My profile"), ROLE_REP, ROLE_ADMIN, NULL },
	/* TRANSLATORS: a menu item: the reps × traits matrix of the manager's teams; keep it short */
	{ G_GROW, "team-traits", "/team/traits", N_("Team traits"), ROLE_MANAGER, ROLE_ADMIN, NULL },

	/* development (issue 8): development plans and recognition */
	{ G_GROW, "plans", "/plans", N_("Plans"), ROLE_REP, ROLE_ADMIN, NULL },

	/* development (issue 8): field coaching and one-on-ones */
	{ G_GROW, "one-on-ones", "/one-on-ones", N_("One-on-ones"), ROLE_REP, ROLE_ADMIN, NULL },

	/* learning (issue 9): the learning log and suggested or mandatory training */
	{ G_LEARN, "learning", "/learning", N_("My learning"), ROLE_REP, ROLE_ADMIN, NULL },

	/* learning (issue 9): the achievement-orientation index and the team's learning */
	/* TRANSLATORS: a menu item: the team's learning and each rep's achievement-orientation index; keep it short */
	{ G_LEARN, "team-learning", "/team/learning", N_("Team learning"), ROLE_REP, ROLE_ADMIN, NULL },

	/* learning (issue 9): the library */
	{ G_LEARN, "library", "/library", N_("Library"), ROLE_REP, ROLE_ADMIN, NULL },

	/* learning (issue 9): sales meetings and the case library */
	/* TRANSLATORS: a menu item: the team's sales meetings; keep it short */
	{ G_LEARN, "meetings", "/meetings", N_("Meetings"), ROLE_REP, ROLE_ADMIN, NULL },
	/* TRANSLATORS: a menu item: the library of practice cases for sales meetings; keep it short */
	{ G_LEARN, "cases", "/cases", N_("Cases"), ROLE_REP, ROLE_ADMIN, NULL },

	/* levers (issue 10): improvement plans */
	/* TRANSLATORS: a menu item: underperformers' improvement plans and decisions; keep it short */
	{ G_GROW, "improve", "/improvement-plans", N_("Improvement plans"), ROLE_MANAGER, ROLE_ADMIN, NULL },

	/* an admin manages the teams instead: one "Teams" item, not two */
	{ G_TEAM, "teams", "/teams", N_("Teams"), ROLE_REP, ROLE_MANAGER, NULL },
	{ G_ADMIN, "admin-users", "/admin/users", N_("Users"), ROLE_ADMIN, ROLE_ADMIN, NULL },
	{ G_ADMIN, "admin-teams", "/admin/teams", N_("Teams"), ROLE_ADMIN, ROLE_ADMIN, "teams" },
	{ G_ADMIN, "admin-stages", "/admin/stages", N_("Stages"), ROLE_ADMIN, ROLE_ADMIN, NULL },
	/* TRANSLATORS: menu item: the one list of reasons for a stop or a lost deal */
	{ G_ADMIN, "admin-reasons", "/admin/reasons", N_("Reasons"), ROLE_ADMIN, ROLE_ADMIN, NULL },
	{ G_ADMIN, "admin-numbers", "/admin/numbers", N_("Numbers settings"), ROLE_ADMIN, ROLE_ADMIN, NULL },
	{ G_ADMIN, "import", "/import", N_("Import"), ROLE_ADMIN, ROLE_ADMIN, NULL },

	/* levers (issue 10): pulse */
	/* TRANSLATORS: a menu item: the weekly wellbeing check-in (energy, motivation, workload); keep it short */
	{ G_GROW, "pulse", "/pulse", N_("Pulse"), ROLE_REP, ROLE_ADMIN, "team-pulse" },
	/* levers (issue 10): kudos, spotlight, badges and streaks */
	/* TRANSLATORS: a menu item: kudos, the spotlight, badges and streaks; keep it short */
	{ G_TEAM, "kudos", "/kudos", N_("Kudos"), ROLE_REP, ROLE_ADMIN, NULL },
	/* running it for real (issue 16): webhooks */
	/* TRANSLATORS: a menu item under Manage: events sent to other systems' URLs */
	{ G_ADMIN, "admin-webhooks", "/admin/webhooks", N_("Webhooks"), ROLE_ADMIN, ROLE_ADMIN, NULL },
	/* levers (issue 10): leaderboards and contests */
	/* TRANSLATORS: a menu item: standings of reps or teams on a figure; keep it short */
	{ G_TEAM, "leaderboards", "/leaderboards", N_("Leaderboards"), ROLE_REP, ROLE_ADMIN, NULL },
	/* TRANSLATORS: a menu item: sales contests with a prize; keep it short */
	{ G_TEAM, "contests", "/contests", N_("Contests"), ROLE_REP, ROLE_ADMIN, NULL },
	/* levers (issue 10): the manager's own mirror */
	/* TRANSLATORS: a menu item: the manager's self-assessment and the team's anonymous feedback on them; keep it short */
	{ G_GROW, "mirror", "/mirror", N_("My mirror"), ROLE_MANAGER, ROLE_ADMIN, NULL },
	/* TRANSLATORS: a menu item: a rep's anonymous feedback on their manager; keep it short */
	{ G_GROW, "feedback", "/feedback", N_("Upward feedback"), ROLE_REP, ROLE_ADMIN, NULL },
	/* recruiting (issue 11): managers and admins, and a rep invited to interview */
	/* TRANSLATORS: a menu item: the talent pool, candidates and vacancies; keep it short */
	{ G_TEAM, "recruiting", "/recruiting", N_("Recruiting"), ROLE_REP, ROLE_ADMIN, NULL },
	/* running it for real (issue 16): the audit log */
	/* TRANSLATORS: a menu item: who changed what and when; keep it short */
	{ G_ADMIN, "admin-audit", "/admin/audit", N_("Audit log"), ROLE_ADMIN, ROLE_ADMIN, NULL },
	/* recruiting (issue 11): the suggested interview questions per trait, the organisation's own */
	/* TRANSLATORS: a menu item under Manage: the questions suggested to interviewers; keep it short */
	{ G_ADMIN, "admin-interview-questions", "/admin/interview-questions", N_("Interview questions"), ROLE_ADMIN,
	  ROLE_ADMIN, NULL },
};

#define NAV_N (sizeof(nav) / sizeof(nav[0]))

static int nav_shown(struct request *r, const struct nav_item *it)
{
	/* levers (issue 10): the inbox only for whoever has one (a manager who
	 * leads no team has none) */
	if (!strcmp(it->key, "inbox") && !access_inbox(&r->viewer, r->me.org_id))
		return 0;
	/* recruiting (issue 11): per invitation, not per role */
	if (!strcmp(it->key, "recruiting"))
		return recruiting_nav_shown(r);
	return r->viewer.role >= it->min && r->viewer.role <= it->max;
}

/* levers (issue 10): the coach's inbox — the count beside "Inbox" and on
 * its group, for whoever has an inbox ("" for anyone else) */
static const char *nav_count(struct request *r, const struct nav_item *it, int group)
{
	if (strcmp(it->key, "inbox"))
		return "";
	long n = inbox_nav_count(r);
	if (n <= 0)
		return "";
	struct strbuf sb = STRBUF_INIT;
	html_printf(&sb, "<span class=\"nav-count%-s\" aria-label=\"%s\">%ld</span>", group ? " g-count" : "",
		    arena_printf(r->a, trn(r->lang, "%ld item in the inbox", "%ld items in the inbox", n), n), n);
	const char *s = arena_strdup(r->a, sb.buf);
	sb_release(&sb);
	return s;
}

static int nav_current(const char *active, const struct nav_item *it)
{
	return active && (!strcmp(active, it->key) || (it->also && !strcmp(active, it->also)));
}

static void nav_menu(struct request *r, const char *active)
{
	struct strbuf *o = &r->out;
	/* TRANSLATORS: the label of the main navigation, for screen readers */
	html_printf(o, "<nav class=\"nav\" aria-label=\"%s\"><ul class=\"nav-groups\">", T("Main menu"));
	for (int g = 0; g < G_COUNT; g++) {
		size_t n = 0;
		const struct nav_item *only = NULL, *cur = NULL;
		for (size_t i = 0; i < NAV_N; i++)
			if (nav[i].group == (enum nav_group)g && nav_shown(r, &nav[i])) {
				n++;
				only = &nav[i];
				if (nav_current(active, &nav[i]))
					cur = &nav[i];
			}
		if (!n)
			continue;
		if (n == 1) {
			html_printf(o, "<li class=\"nav-group%-s\"><a class=\"nav-solo\" href=\"%s\"%-s>%s%-s</a></li>",
				    cur ? " current" : "", only->href, cur ? " aria-current=\"page\"" : "",
				    T(only->label), nav_count(r, only, 0));
			continue;
		}
		/* levers (issue 10): the inbox's count shows on its closed group too */
		const char *gcount = "";
		for (size_t i = 0; i < NAV_N && !*gcount; i++)
			if (nav[i].group == (enum nav_group)g && nav_shown(r, &nav[i]))
				gcount = nav_count(r, &nav[i], 1);
		html_printf(o, "<li class=\"nav-group%-s\"><details class=\"nav-dd\"><summary>"
			    "<span class=\"g-name\">%s</span>", cur ? " current" : "", T(group_labels[g]));
		if (cur && strcmp(T(cur->label), T(group_labels[g])))
			html_printf(o, "<span class=\"g-cur\">%s</span>", T(cur->label));
		html_printf(o, "%-s</summary><ul class=\"nav-items\">", gcount);
		for (size_t i = 0; i < NAV_N; i++)
			if (nav[i].group == (enum nav_group)g && nav_shown(r, &nav[i]))
				html_printf(o, "<li><a href=\"%s\"%-s>%s%-s</a></li>", nav[i].href,
					    &nav[i] == cur ? " aria-current=\"page\"" : "", T(nav[i].label),
					    nav_count(r, &nav[i], 0));
		html(o, "</ul></details></li>");
	}
	html(o, "</ul></nav>");
}

/* notices that a redirect asks for with ?done=CODE */
static const struct { const char *code, *text; } done_notices[] = {
	{ "team-added", N_("The team was added.") },
	{ "team-saved", N_("The team was saved.") },
	{ "user-added", N_("The user was added.") },
	{ "user-saved", N_("The user was saved.") },
	{ "user-deactivated", N_("The user was deactivated and signed out everywhere.") },
	{ "user-activated", N_("The user was activated again.") },
	{ "password-changed", N_("Your password was changed. Other sessions were signed out and your API tokens revoked.") },
	{ "token-revoked", N_("The API token was revoked.") },
	{ "signed-out", N_("You are signed out.") },
	{ "conversation-step", N_("The conversation was logged with its next step.") },
	{ "conversation-lost", N_("The conversation was logged. The deal is closed as lost.") },
	{ "conversation-paused", N_("The conversation was logged. The deal is paused.") },
	{ "conversation-stop", N_("The conversation was logged as a stop.") },
	{ "conversation-none", N_("The conversation was logged without commitment. That is a red flag on the deal.") },
	{ "step-kept", N_("The step is marked as done.") },
	{ "step-moved", N_("The step was moved to its new date.") },
	{ "step-cancelled", N_("The step was cancelled.") },
	{ "calendar-stopped", N_("The calendar feed is stopped. Its address no longer works.") },
	{ "deal-added", N_("The deal was added.") },
	{ "deal-saved", N_("The deal was saved.") },
	{ "deal-won", N_("The deal was closed as won. Congratulations!") },
	{ "deal-lost", N_("The deal was closed as lost. Its open steps were cancelled.") },
	{ "deal-paused", N_("The deal was paused. Its open steps were cancelled.") },
	{ "deal-reopened", N_("The deal was reopened.") },
	{ "account-added", N_("The account was added.") },
	{ "contact-added", N_("The contact was added.") },
	{ "targets-saved", N_("The targets were saved.") },
	{ "numbers-settings-saved", N_("The numbers settings were saved.") },
	/* levers (issue 10): a team's leaderboard setting, from the teams page */
	{ "team-leaderboard-saved", N_("The team's leaderboard setting is saved.") },
};

const char *ui_role_label(struct request *r, const char *role)
{
	switch (role_parse(role)) {
	case ROLE_ADMIN: return T("Admin");
	case ROLE_MANAGER: return T("Manager");
	case ROLE_REP: return T("Sales rep");
	default: return role;
	}
}

void ui_csrf(struct request *r)
{
	html_printf(&r->out, "<input type=\"hidden\" name=\"csrf_token\" value=\"%s\">", csrf_token(r));
}

void ui_notice(struct request *r, const char *kind, const char *text)
{
	html_printf(&r->out, "<div class=\"notice notice-%s\" role=\"%s\">%s</div>", kind,
		    strcmp(kind, "error") ? "status" : "alert", text);
}

static void lang_switch(struct request *r)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<form class=\"lang\" method=\"post\" action=\"/lang\" aria-label=\"%s\">", T("Language"));
	ui_csrf(r);
	html_printf(o, "<input type=\"hidden\" name=\"next\" value=\"%s\">", r->path);
	for (int l = 0; l < LANG_COUNT; l++)
		html_printf(o, "<button name=\"lang\" value=\"%s\" title=\"%s\"%-s>%s</button>",
			    lang_code((enum lang)l), lang_name((enum lang)l),
			    (int)r->lang == l ? " aria-current=\"true\" class=\"current\"" : "",
			    l == LANG_NB ? "NB" : l == LANG_NL ? "NL" : "EN");
	html(o, "</form>");
}

void ui_page_begin(struct request *r, const char *title, const char *active)
{
	struct strbuf *o = &r->out;
	r->content_type = "text/html; charset=utf-8";
	if (!r->status)
		r->status = 200;
	html_printf(o, "<!doctype html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		    "<title>%s · Salesgarden</title>"
		    "<link rel=\"stylesheet\" href=\"/static/app.css\">"
		    "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">"
		    "<script src=\"/static/app.js\" defer></script></head><body>",
		    lang_code(r->lang), title);
	html(o, "<header class=\"top\"><div class=\"bar\">"
		"<a class=\"brand\" href=\"/\"><img src=\"/static/favicon.svg\" alt=\"\" width=\"24\" height=\"24\">"
		"<span>Salesgarden</span></a>");
	if (r->signed_in) {
		nav_menu(r, active);
		html(o, "<div class=\"who\">");
		html_printf(o, "<a class=\"me\" href=\"/account\"%-s><span class=\"avatar\" aria-hidden=\"true\">%s</span>"
			    "<span class=\"me-text\"><span class=\"me-name\">%s</span>"
			    "<span class=\"me-org\">%s · %s</span></span></a>",
			    active && !strcmp(active, "account") ? " aria-current=\"page\"" : "",
			    arena_strndup(r->a, r->me.name, r->me.name[0] & 0x80 ? 2 : 1), r->me.name,
			    ui_role_label(r, r->me.role), r->me.org_name);
		html(o, "<form method=\"post\" action=\"/logout\">");
		ui_csrf(r);
		html_printf(o, "<button class=\"link\">%s</button></form>", T("Sign out"));
		lang_switch(r);
		html(o, "</div>");
	} else {
		html(o, "<div class=\"who\">");
		lang_switch(r);
		html(o, "</div>");
	}
	html(o, "</div></header><main class=\"main\">");
	const char *done = req_query(r, "done");
	for (size_t i = 0; done && i < sizeof(done_notices) / sizeof(done_notices[0]); i++)
		if (!strcmp(done, done_notices[i].code))
			ui_notice(r, "ok", T(done_notices[i].text));
}

void ui_page_end(struct request *r)
{
	html_printf(&r->out, "</main><footer class=\"foot\"><span>Salesgarden</span> · <span>%s</span>"
		    " · <a href=\"/api/v1\">API</a></footer></body></html>\n",
		    T("Grow sales people, not just numbers."));
}

void ui_error_page(struct request *r, enum err e, const char *message)
{
	const char *title;
	switch (e) {
	case E_NOTFOUND: title = T("Page not found"); break;
	case E_FORBIDDEN: title = T("No access"); break;
	case E_UNAUTHORIZED: title = T("Please sign in"); break;
	case E_INVALID: title = T("Something is wrong with the input"); break;
	case E_TOOLARGE: title = T("The request is too large"); break;
	case E_UNAVAILABLE: title = T("Temporarily unavailable"); break;
	case E_THROTTLED: title = T("Too many attempts"); break;
	case E_CONFLICT: title = T("Conflict"); break;
	default: title = T("Something went wrong"); break;
	}
	int status = r->status;
	ui_page_begin(r, title, NULL);
	r->status = status;
	html_printf(&r->out, "<section class=\"card error-page\"><p class=\"eyebrow\">%d</p><h1>%s</h1><p>%s</p>"
		    "<p><a class=\"button\" href=\"/\">%s</a></p></section>",
		    status, title, message, T("Back to the overview"));
	ui_page_end(r);
}

void ui_input(struct request *r, const char *name, const char *label, const char *type,
	      const char *value, const char *error, const char *extra_attrs)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"field%-s\"><label for=\"f-%s\">%s</label>"
		    "<input id=\"f-%s\" name=\"%s\" type=\"%s\" value=\"%s\"%-s%-s%-s>",
		    error ? " invalid" : "", name, label, name, name, type, value ? value : "",
		    error ? " aria-invalid=\"true\"" : "",
		    error ? arena_printf(r->a, " aria-describedby=\"e-%s\"", name) : "",
		    extra_attrs ? extra_attrs : "");
	if (error)
		html_printf(o, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, error);
	html(o, "</div>");
}

void ui_select(struct request *r, const char *name, const char *label, const char *const *values,
	       const char *const *labels, size_t n, const char *selected, const char *error)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"field%-s\"><label for=\"f-%s\">%s</label><select id=\"f-%s\" name=\"%s\"%-s>",
		    error ? " invalid" : "", name, label, name, name,
		    error ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name) : "");
	for (size_t i = 0; i < n; i++)
		html_printf(o, "<option value=\"%s\"%-s>%s</option>", values[i],
			    selected && !strcmp(selected, values[i]) ? " selected" : "", labels[i]);
	html(o, "</select>");
	if (error)
		html_printf(o, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, error);
	html(o, "</div>");
}

void ui_redirect_done(struct request *r, const char *path, const char *code)
{
	resp_redirect(r, arena_printf(r->a, "%s%sdone=%s", path, strchr(path, '?') ? "&" : "?", code));
}

void ui_money(struct request *r, int64_t minor, const char *currency)
{
	fmt_money(&r->out, r->lang, minor, currency && *currency ? currency : r->me.currency, 0);
}

void ui_date(struct request *r, const char *iso)
{
	fmt_date(&r->out, r->lang, iso);
}

void ui_percent(struct request *r, double fraction)
{
	fmt_percent(&r->out, r->lang, fraction, 0);
}

void ui_health(struct request *r, const struct health_result *h, int with_reasons)
{
	static const char *const labels[] = { N_("Healthy"), N_("Needs attention"), N_("Strung along") };
	html_printf(&r->out, "<span class=\"health health-%s\"><span class=\"dot\" aria-hidden=\"true\"></span>%s</span>",
		    health_code(h->health), T(labels[h->health]));
	if (!with_reasons || !h->reasons)
		return;
	html(&r->out, "<ul class=\"reasons\">");
	for (unsigned bit = 1; bit && bit <= h->reasons; bit <<= 1)
		if (h->reasons & bit)
			html_printf(&r->out, "<li>%s</li>", T(health_reason_text(bit)));
	html(&r->out, "</ul>");
}

const char *ui_today(struct request *r)
{
	char *d = arena_alloc(r->a, 11);
	today_date(d);
	return d;
}

int ui_may_see_owner(struct request *r, int64_t owner_id, int64_t owner_team_id)
{
	struct person p = { owner_id, r->me.org_id, owner_team_id };
	return access_deal(&r->viewer, &p);
}

void ui_json_script(struct request *r, const char *id, json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_REAL_PRECISION(6));
	json_decref(v);
	html_printf(&r->out, "<script type=\"application/json\" id=\"%s\">", id);
	for (const char *p = s ? s : "null"; *p; p++) {
		switch (*p) {
		case '<': sb_adds(&r->out, "\\u003c"); break;
		case '>': sb_adds(&r->out, "\\u003e"); break;
		case '&': sb_adds(&r->out, "\\u0026"); break;
		default: sb_addc(&r->out, *p);
		}
	}
	free(s);
	html(&r->out, "</script>");
}

/* formats into a scratch buffer and keeps the text in the request's arena */
#define FORMATTED(call)                                 \
	do {                                            \
		struct strbuf sb = STRBUF_INIT;         \
		call;                                   \
		char *s = arena_strdup(r->a, sb.buf);   \
		sb_release(&sb);                        \
		return s;                               \
	} while (0)

const char *ui_money_text(struct request *r, int64_t minor, const char *currency)
{
	FORMATTED(fmt_money(&sb, r->lang, minor, currency, 0));
}

const char *ui_percent_text(struct request *r, double fraction)
{
	FORMATTED(fmt_percent(&sb, r->lang, fraction, 0));
}

const char *ui_decimal_text(struct request *r, double v, int decimals)
{
	FORMATTED(fmt_decimal(&sb, r->lang, v, decimals));
}

const char *ui_share_text(struct request *r, size_t count, size_t n)
{
	double f = n ? (double)count / (double)n : NAN;
	double tenths = round(f * 1000.0);
	FORMATTED(fmt_percent(&sb, r->lang, f, isfinite(f) && fmod(tenths, 10.0) != 0.0 ? 1 : 0));
}

const char *ui_date_text(struct request *r, const char *iso)
{
	FORMATTED(fmt_date(&sb, r->lang, iso));
}

void ui_day_range(struct request *r, int default_days, struct day_range *p)
{
	memset(p, 0, sizeof(*p));
	const char *from = req_query(r, "from"), *to = req_query(r, "to");
	p->to = to && *to ? to : ui_today(r);
	if (!date_valid(p->to))
		p->e_to = T("Enter the last day as a date (YYYY-MM-DD).");
	if (from && *from) {
		p->from = from;
		if (!date_valid(from))
			p->e_from = T("Enter the first day as a date (YYYY-MM-DD).");
	} else if (!p->e_to) {
		char buf[11];
		date_add_days(p->to, -(default_days - 1), buf);
		p->from = arena_strdup(r->a, buf);
	} else {
		p->from = "";
	}
	if (!p->e_from && !p->e_to) {
		int span = days_between(p->from, p->to);
		if (span < 0)
			p->e_to = T("The last day cannot lie before the first day.");
		else if (span > 3660)
			p->e_to = T("Choose a period of at most ten years.");
	}
}

void ui_log_button(struct request *r, int64_t deal_id, const char *ret)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "/conversations/new");
	char sep = '?';
	if (deal_id) {
		sb_addf(&sb, "?deal=%lld", (long long)deal_id);
		sep = '&';
	}
	if (ret && *ret)
		sb_addf(&sb, "%creturn=%s", sep, ret);
	html_printf(&r->out, "<a class=\"button primary log-fab\" href=\"%s\" data-log-fab>%s</a>", sb.buf,
		    T("Log a conversation"));
	sb_release(&sb);
}
