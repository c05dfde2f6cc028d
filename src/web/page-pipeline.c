/*
 * page-pipeline: the board of open deals, one column per open stage of the
 * organisation's own vocabulary, in pipeline order. Each card carries what a
 * rep and their manager look at first: the value, the next step the customer
 * committed to and its date, and the deal's health, so a deal that strings
 * its rep along stands out on the board rather than only in a report. The
 * column head says what the stage means and which commitment moves a deal
 * into it — the shared vocabulary the article on "step or stop" asks for.
 *
 * A viewer sees the deals access_deal_scope allows (a rep their own, a
 * manager those of the teams they lead, an admin all), filtered further by
 * rep, team and a search. Each column is its own bounded query (the first
 * COLUMN_CAP deals of the stage, with the stage's count and sum), so a board
 * of thousands of deals stays quick and short on a phone; the rest is one
 * click away in the deals table, filtered to the stage and the board's
 * filters.
 */
#include "pages.h"
#include "dealui.h"
#include "../store/settings.h"
#include "../lib/util.h"
#include <string.h>

#define COLUMN_CAP 20

/* the query string of the current filters, for links that keep them */
static const char *filter_qs(struct request *r, int64_t rep, int64_t team, const char *q)
{
	struct strbuf s = STRBUF_INIT;
	if (rep)
		sb_addf(&s, "&rep=%lld", (long long)rep);
	if (team)
		sb_addf(&s, "&team=%lld", (long long)team);
	if (q && *q) {
		sb_adds(&s, "&q=");
		url_encode(&s, q);
	}
	const char *out = arena_strdup(r->a, s.buf);
	sb_release(&s);
	return out;
}

static void filter_form(struct request *r, const struct user_list *people, const struct team_list *teams,
			int64_t rep, int64_t team, const char *q)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<form class=\"card form inline filters\" method=\"get\" action=\"/pipeline\" role=\"search\" "
		    "aria-label=\"%s\">", T("Filter the pipeline"));
	struct dealui_opts opt;
	/* a rep sees only their own deals: a choice of one is no choice */
	if (people->n > 1) {
		dealui_people_options(r, people, T("Everyone"), &opt);
		ui_select(r, "rep", T("Sales rep"), opt.values, opt.labels, opt.n,
			  rep ? arena_printf(r->a, "%lld", (long long)rep) : "", NULL);
	}
	if (teams->n) {
		dealui_team_options(r, teams, T("All teams"), &opt);
		ui_select(r, "team", T("Team"), opt.values, opt.labels, opt.n,
			  team ? arena_printf(r->a, "%lld", (long long)team) : "", NULL);
	}
	ui_input(r, "q", T("Search"), "search", q, NULL,
		 arena_printf(r->a, " placeholder=\"%s\"", T("Deal or account")));
	html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button>", T("Filter"));
	if (rep || team || (q && *q))
		html_printf(o, "<a class=\"button small\" href=\"/pipeline\">%s</a>", T("Clear"));
	html(o, "</div></form>");
}

/* the reasons as one line, for the title of a card's health */
static const char *reasons_line(struct request *r, unsigned reasons)
{
	struct strbuf s = STRBUF_INIT;
	for (unsigned bit = 1; bit && bit <= reasons; bit <<= 1)
		if (reasons & bit) {
			if (s.len)
				sb_addc(&s, ' ');
			sb_adds(&s, T(health_reason_text(bit)));
		}
	const char *out = arena_strdup(r->a, s.buf);
	sb_release(&s);
	return out;
}

static void deal_card(struct request *r, const struct deal *d, const char *today, int show_owner)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<li class=\"deal-card health-edge-%-s\"><a class=\"deal-title\" href=\"/deals/%lld\">%s</a>"
		    "<div class=\"deal-meta\"><span>%s</span><span class=\"deal-value\">",
		    health_code(d->health.health), (long long)d->id, d->title, d->account_name);
	ui_money(r, d->value_minor, d->currency);
	html(o, "</span></div>");
	if (show_owner)
		html_printf(o, "<div class=\"deal-owner muted\">%s</div>", d->owner_name);
	if (d->sig.has_open_step) {
		int late = strcmp(d->sig.next_due, today) < 0;
		html_printf(o, "<div class=\"deal-next%-s\"><span class=\"muted\">%s:</span> %s · <time datetime=\"%s\">",
			    late ? " late" : "", T("Next step"), d->next_what, d->sig.next_due);
		ui_date(r, d->sig.next_due);
		html(o, "</time></div>");
	} else {
		/* a new deal has its grace period: not red beside "healthy" */
		html_printf(o, "<div class=\"deal-next %-s\"%-s>%s</div>", dealui_new_without_step(d) ? "new" : "none",
			    dealui_new_without_step(d)
			    ? arena_printf(r->a, " title=\"%s\"", T("A new deal has a few days to get its first next step "
								     "before it counts as missing one.")) : "",
			    dealui_no_step_text(r, d));
	}
	html_printf(o, "<div class=\"deal-foot\"><span title=\"%s\">", reasons_line(r, d->health.reasons));
	ui_health(r, &d->health, 0);
	/* ui_health names a red deal "strung along"; the badge is for when the
	 * two ever part (a strung-along deal that is not red) */
	if (d->health.strung_along && d->health.health != HEALTH_RED)
		html_printf(o, " <span class=\"badge bad\">%s</span>", T("strung along"));
	html_printf(o, "</span><a class=\"button small\" href=\"/conversations/new?deal=%lld\">%s</a></div></li>",
		    (long long)d->id, T("Log a conversation"));
}

/* deals: the first COLUMN_CAP of the stage, with the stage's count and sum */
static void column(struct request *r, const struct stage *s, const struct deal_list *deals, const char *today,
		   int show_owner, const char *qs)
{
	struct strbuf *o = &r->out;
	int64_t count = deals->total, total = deals->total_value;
	html_printf(o, "<section class=\"board-col\" aria-labelledby=\"stage-%lld\"><header class=\"board-head\">"
		    "<h2 id=\"stage-%lld\">%s</h2><p class=\"board-sum\">",
		    (long long)s->id, (long long)s->id, s->name);
	html_printf(o, "%s · ", arena_printf(r->a, trn(r->lang, "%lld deal", "%lld deals", (long)count), (long long)count));
	ui_money(r, total, r->me.currency);
	html(o, "</p>");
	if (*s->definition || *s->commitment) {
		html_printf(o, "<details class=\"stage-info\"><summary>%s</summary>", T("What this stage means"));
		if (*s->definition)
			html_printf(o, "<p><strong>%s</strong> %s</p>", T("Definition:"), s->definition);
		if (*s->commitment)
			html_printf(o, "<p><strong>%s</strong> %s</p>", T("Commitment that moves a deal here:"),
				    s->commitment);
		html(o, "</details>");
	}
	html(o, "</header>");
	if (!count) {
		html_printf(o, "<p class=\"board-empty muted\">%s</p></section>", T("No deals in this stage."));
		return;
	}
	html(o, "<ul class=\"board-cards\">");
	int64_t shown = 0;
	for (size_t i = 0; i < deals->n; i++, shown++)
		deal_card(r, &deals->items[i], today, show_owner);
	html(o, "</ul>");
	if (count > shown)
		html_printf(o, "<p class=\"board-more\"><a href=\"%s\">%s</a></p>",
			    arena_printf(r->a, "/deals?status=open&stage=%lld%s", (long long)s->id, qs),
			    arena_printf(r->a, trn(r->lang, "and %lld more", "and %lld more", (long)(count - shown)),
					 (long long)(count - shown)));
	html(o, "</section>");
}

void page_pipeline(struct request *r)
{
	int64_t rep = dealui_query_id(r, "rep"), team = dealui_query_id(r, "team");
	const char *q = req_query(r, "q");
	q = q ? str_trim(arena_strdup(r->a, q)) : "";
	struct stage_list stages;
	struct user_list people;
	struct team_list teams;
	if (dealui_stages(r, &stages) || dealui_people(r, 0, &people) || dealui_teams(r, &teams)) {
		resp_store_error(r, E_OK);
		return;
	}
	const char *today = ui_today(r);
	struct health_settings hs;
	settings_health(r->db, r->me.org_id, &hs);
	/* one bounded query per open stage */
	struct deal_list *cols = arena_alloc(r->a, (stages.n + 1) * sizeof(struct deal_list));
	int64_t ndeals = 0, total = 0, strung = 0;
	int cut = 0;
	for (size_t i = 0; i < stages.n; i++) {
		cols[i] = (struct deal_list){ 0 };
		if (strcmp(stages.items[i].kind, "open"))
			continue;
		struct deal_filter f = { .owner_id = rep, .team_id = team, .scope = access_deal_scope(&r->viewer),
					 .viewer_id = r->me.user_id, .status = "open", .q = q,
					 .stage_id = stages.items[i].id, .limit = COLUMN_CAP };
		enum err e = deal_list(r->db, r->a, r->me.org_id, &f, &cols[i]);
		if (e) {
			resp_store_error(r, e);
			return;
		}
		deal_assess(cols[i].items, cols[i].n, &hs, today);
		ndeals += cols[i].total;
		total += cols[i].total_value;
		cut |= cols[i].total > (int64_t)cols[i].n;
		for (size_t k = 0; k < cols[i].n; k++)
			strung += cols[i].items[k].health.strung_along;
	}

	ui_page_begin(r, T("Pipeline"), "pipeline");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><h1>%s</h1><p class=\"muted\">%s · ", T("Pipeline"),
		    arena_printf(r->a, trn(r->lang, "%lld open deal", "%lld open deals", (long)ndeals),
				 (long long)ndeals));
	ui_money(r, total, r->me.currency);
	/* health is judged per deal in C; with columns cut, the cards on the
	 * board do not hold every strung-along deal, so the link goes without
	 * a number rather than with a wrong one */
	if (cut)
		html_printf(o, " · <a href=\"/strung-along\">%s</a>", T("Strung-along deals"));
	else if (strung)
		html_printf(o, " · <a href=\"/strung-along\">%s</a>",
			    arena_printf(r->a, trn(r->lang, "%lld strung along", "%lld strung along", (long)strung),
					 (long long)strung));
	html_printf(o, "</p></div><div class=\"actions\"><a class=\"button primary\" href=\"/deals/new\">%s</a>"
		    "<a class=\"button\" href=\"/deals\">%s</a></div></div>", T("New deal"), T("All deals"));
	filter_form(r, &people, &teams, rep, team, q);

	const char *qs = filter_qs(r, rep, team, q);
	int show_owner = r->viewer.role != ROLE_REP;
	size_t open_stages = 0;
	html_printf(o, "<div class=\"board\" aria-label=\"%s\">", T("Open deals by stage"));
	for (size_t i = 0; i < stages.n; i++)
		if (!strcmp(stages.items[i].kind, "open")) {
			column(r, &stages.items[i], &cols[i], today, show_owner, qs);
			open_stages++;
		}
	html(o, "</div>");
	if (!open_stages)
		ui_notice(r, "info", T("The organisation has no open stages. An admin can add them under Stages."));
	else if (!ndeals)
		html_printf(o, "<p class=\"muted\">%s <a href=\"/deals/new\">%s</a></p>",
			    rep || team || *q ? T("No open deals match the filter.") : T("No open deals yet."),
			    T("Add a deal"));
	ui_log_button(r, 0, "%2Fpipeline");
	ui_page_end(r);
}
