/*
 * page-home: the overview after signing in. For now it shows who you are and
 * where you stand in the organisation: a rep sees their team and manager, a
 * manager the teams they lead, an admin the organisation's size. Later
 * capabilities add their own cards here.
 *
 * Step or stop: everyone sees their next steps (overdue, today, the rest of
 * the week up to Sunday, as the agenda counts them) and how many of the deals they may see are strung along; a
 * manager each led team's commitment rate over the last 30 days, an admin
 * the organisation's — each a link to the page with the details.
 */
#include "pages.h"
#include "ui.h"
#include "../store/teams.h"
#include "../store/users.h"
#include "../store/conversations.h"
#include "../store/deals.h"
#include "../store/figures.h"
#include "../store/settings.h"
#include "../service/inbox.h"
#include "../lib/fmt.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void card_stat(struct request *r, const char *label, long long value, const char *href)
{
	html_printf(&r->out, "<a class=\"stat\" href=\"%s\"><span class=\"stat-value\">%lld</span>"
		    "<span class=\"stat-label\">%s</span></a>", href, value, label);
}

/* the numbers of the step-or-stop cards, gathered before the page starts */
struct home_steps {
	long long overdue, today, week, strung;
	size_t nrates;
	struct {
		const char *label, *href;
		int64_t conversations, committed;
	} rates[16];
};

static int home_rate(struct request *r, struct home_steps *h, const char *label, int64_t team_id, const char *from,
		     const char *today)
{
	struct figures_scope sc = { 0, team_id, 0 };
	struct commitment_counts c;
	double *gaps;
	size_t ngaps;
	if (h->nrates == sizeof(h->rates) / sizeof(h->rates[0]))
		return 0;
	if (figures_commitment(r->db, r->a, r->me.org_id, &sc, from, today, today, &c, &gaps, &ngaps))
		return -1;
	h->rates[h->nrates].label = label;
	h->rates[h->nrates].href = arena_printf(r->a, "/figures/commitment?%sfrom=%s&to=%s",
						team_id ? arena_printf(r->a, "team=%lld&", (long long)team_id) : "",
						from, today);
	h->rates[h->nrates].conversations = c.conversations;
	h->rates[h->nrates].committed = c.steps + c.stops;
	h->nrates++;
	return 0;
}

static int home_steps_load(struct request *r, const struct team_list *teams, struct home_steps *h)
{
	memset(h, 0, sizeof(*h));
	const char *today = ui_today(r);
	char week_end[11], from[11];
	/* "this week" ends on Sunday, as on the agenda (ISO weeks) */
	struct tm tm = { 0 };
	tm.tm_year = atoi(today) - 1900;
	tm.tm_mon = atoi(today + 5) - 1;
	tm.tm_mday = atoi(today + 8);
	tm.tm_hour = 12;
	time_t t = timegm(&tm);
	gmtime_r(&t, &tm);
	date_add_days(today, (7 - tm.tm_wday) % 7, week_end);
	struct step_list steps;
	if (step_agenda(r->db, r->a, r->me.org_id, r->me.user_id, week_end, &steps))
		return -1;
	for (size_t i = 0; i < steps.n; i++) {
		int c = strcmp(steps.items[i].due, today);
		if (c < 0)
			h->overdue++;
		else if (!c)
			h->today++;
		else
			h->week++;
	}
	/* counted from the open deals' maintained signals, not from every open
	 * deal in the scope with its signals recomputed (an admin's home read
	 * all the organisation's open deals); a manager's or an admin's inbox,
	 * on this page too, has counted them already */
	const struct inbox *x = inbox_of(r);
	if (x) {
		h->strung = x->strung_deals;
	} else {
		struct health_settings cfg;
		settings_health(r->db, r->me.org_id, &cfg);
		struct owner_count *oc;
		size_t noc;
		if (deal_strung_counts(r->db, r->a, r->me.org_id, access_deal_scope(&r->viewer), r->me.user_id, &cfg,
				       today, &oc, &noc))
			return -1;
		for (size_t i = 0; i < noc; i++)
			h->strung += oc[i].n;
	}

	/* the last 30 days, today included */
	date_add_days(today, -29, from);
	if (r->viewer.role == ROLE_ADMIN)
		return home_rate(r, h, r->me.org_name, 0, from, today);
	for (size_t i = 0; r->viewer.role == ROLE_MANAGER && i < teams->n; i++)
		if (access_leads_team(&r->viewer, teams->items[i].id) &&
		    home_rate(r, h, teams->items[i].name, teams->items[i].id, from, today))
			return -1;
	return 0;
}

static void home_steps_render(struct request *r, const struct home_steps *h)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"grid two home-steps\"><section class=\"card\"><div class=\"page-head\"><h2>%s</h2>"
		    "<a href=\"/agenda\">%s</a></div><div class=\"stats\">", T("My next steps"), T("Open the agenda"));
	html_printf(o, "<a class=\"stat%-s\" href=\"/agenda\"><span class=\"stat-value\">%lld</span>"
		    "<span class=\"stat-label\">%s</span></a>", h->overdue ? " flag-bad" : "", h->overdue, T("Overdue"));
	card_stat(r, T("Due today"), h->today, "/agenda");
	card_stat(r, T("Later this week"), h->week, "/agenda");	/* up to Sunday */
	html_printf(o, "</div></section><section class=\"card\"><div class=\"page-head\"><h2>%s</h2>"
		    "<a href=\"/figures/commitment\">%s</a></div><div class=\"stats\">", T("Step or stop"),
		    T("All figures"));
	html_printf(o, "<a class=\"stat%-s\" href=\"/strung-along\"><span class=\"stat-value\">%lld</span>"
		    "<span class=\"stat-label\">%s</span><span class=\"stat-note\">%s</span></a>",
		    h->strung ? " flag-warn" : "", h->strung, T("Strung along"),
		    T("open deals without a fresh, dated next step or progress"));
	for (size_t i = 0; i < h->nrates; i++) {
		struct strbuf v = STRBUF_INIT;
		fmt_percent(&v, r->lang, ratio(h->rates[i].committed, h->rates[i].conversations), 0);
		html_printf(o, "<a class=\"stat\" href=\"%s\"><span class=\"stat-value\">%s</span>"
			    "<span class=\"stat-label\">%s</span><span class=\"stat-note\">%s</span></a>",
			    h->rates[i].href, v.buf, arena_printf(r->a, T("Commitment rate, last 30 days: %s"),
								    h->rates[i].label),
			    arena_printf(r->a, trn(r->lang, "%lld of %lld conversation ended in a step or a stop",
						   "%lld of %lld conversations ended in a step or a stop",
						   (long)h->rates[i].conversations),
					 (long long)h->rates[i].committed, (long long)h->rates[i].conversations));
		sb_release(&v);
	}
	html(o, "</div></section></div>");
}

void page_home(struct request *r)
{
	struct team_list teams;
	if (team_list_org(r->db, r->a, r->me.org_id, &teams)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct home_steps steps;
	if (home_steps_load(r, &teams, &steps)) {
		resp_store_error(r, E_OK);
		return;
	}
	int64_t users = 0, reps = 0;
	if (r->viewer.role == ROLE_ADMIN) {
		enum err e = user_count_active(r->db, r->me.org_id, &users, &reps);
		if (e) {
			resp_store_error(r, e);
			return;
		}
	}
	ui_page_begin(r, T("Overview"), "home");
	struct strbuf *o = &r->out;
	html_printf(o, "<h1>%s</h1>", arena_printf(r->a, T("Welcome, %s"), r->me.name));
	html_printf(o, "<p class=\"muted\">%s · %s</p>", r->me.org_name, ui_role_label(r, r->me.role));
	/* levers (issue 10): the coach's inbox — a manager's home starts with it */
	inbox_home_section(r);
	home_steps_render(r, &steps);
	/* development (issue 8): what is due — assessments to fill in */
	assessments_home_due(r);

	/* development (issue 8): what is due — plan actions, and recognition received */
	plans_home_section(r);

	/* learning (issue 9): the learning log and suggested or mandatory training — what is due */
	learning_home_due(r);

	/* learning (issue 9): the library — what is due */
	library_home_section(r);

	/* learning (issue 9): sales meetings and the case library — what is due */
	meetings_home_due(r);

	/* development (issue 8): what is due — one-on-ones */
	coaching_home_due(r);

	/* levers (issue 10): improvement plans — what needs the manager now */
	improve_home_due(r);
	/* levers (issue 10): pulse — what needs the manager now */
	pulse_home_needs(r);
	/* levers (issue 10): kudos, spotlight, badges and streaks — the spotlight to write, and what is new */
	kudos_home_needs(r);
	kudos_home_section(r);
	/* running it for real (issue 16): a webhook disabled after failures, told to the admin */
	webhooks_disabled_banner(r);

	if (r->viewer.role == ROLE_ADMIN) {
		html(o, "<div class=\"stats\">");
		card_stat(r, T("Active users"), (long long)users, "/admin/users");
		card_stat(r, T("Sales reps"), (long long)reps, "/admin/users");
		card_stat(r, T("Teams"), (long long)teams.n, "/admin/teams");
		html(o, "</div>");
	}

	html_printf(o, "<section class=\"card\"><h2>%s</h2>",
		    r->viewer.nled ? T("Teams you lead") : T("Your team"));
	int shown = 0;
	html(o, "<ul class=\"teamlist\">");
	for (size_t i = 0; i < teams.n; i++) {
		struct team *t = &teams.items[i];
		if (!access_leads_team(&r->viewer, t->id) && t->id != r->viewer.team_id)
			continue;
		shown++;
		html_printf(o, "<li><a href=\"/teams#team-%lld\"><strong>%s</strong></a>"
			    "<span class=\"muted\">%s</span>", (long long)t->id, t->name,
			    arena_printf(r->a, trn(r->lang, "%lld member", "%lld members", (long)t->members),
					 (long long)t->members));
		if (*t->territory || *t->segment)
			html_printf(o, "<span class=\"tags\"><span class=\"tag\">%s</span><span class=\"tag\">%s</span></span>",
				    t->territory, t->segment);
		if (*t->manager_name)
			html_printf(o, "<span class=\"muted\">%s: %s</span>", T("Manager"), t->manager_name);
		html(o, "</li>");
	}
	html(o, "</ul>");
	if (!shown && r->viewer.role == ROLE_ADMIN)
		/* the admin is the one who adds people to teams (issue 14) */
		html_printf(o, "<p class=\"muted\">%s <a href=\"/admin/teams\">%s</a></p>",
			    T("You lead no team and are in none. As an admin you set up the teams and their managers."),
			    T("Manage the teams"));
	else if (!shown)
		html_printf(o, "<p class=\"muted\">%s</p>", T("You are not in a team yet. An admin can add you to one."));
	html(o, "</section>");
	ui_log_button(r, 0, "%2F");
	ui_page_end(r);
}
