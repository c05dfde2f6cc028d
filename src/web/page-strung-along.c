/*
 * page-strung-along: the open deals that string their rep along (GET
 * /strung-along?rep=ID|team=ID) — no dated next step, a missed step, a step
 * that keeps slipping, conversation after conversation without reaching a
 * next stage, or a last commitment long ago (domain/commitment.c decides,
 * with the organisation's thresholds). Grouped per rep, with the hours
 * already spent on each, most first: the article's point is that a clear
 * stop frees that time for prospects who really mean to buy.
 *
 * A rep sees their own deals, a manager those of the teams they lead, an
 * admin all; the list comes from deal_list with the viewer's scope, so a
 * deal the viewer may not see is never read. The health is judged here in C
 * on every open deal of the choice, so the list is read whole; what the page
 * shows is bounded: one rep's list in pages of PAGE_SIZE, a team's with each
 * rep's first PER_REP and a link to the rest.
 */
#include "pages.h"
#include "export.h"
#include "ui.h"
#include "who.h"
#include "../store/deals.h"
#include "../store/settings.h"
#include "../lib/fmt.h"
#include <stdlib.h>
#include <string.h>

/* a rep's own list, to a page; and how many of each rep a team's list shows */
#define PAGE_SIZE 50
#define PER_REP 10

struct rep_group {
	int64_t owner_id;
	const char *name;
	int64_t minutes;
	size_t first, n;		/* a run in the sorted deal array */
};

static int by_minutes(const void *a, const void *b)
{
	const struct deal *x = *(const struct deal *const *)a, *y = *(const struct deal *const *)b;
	if (x->minutes != y->minutes)
		return x->minutes > y->minutes ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int by_owner_then_minutes(const void *a, const void *b)
{
	const struct deal *x = *(const struct deal *const *)a, *y = *(const struct deal *const *)b;
	if (x->owner_id != y->owner_id)
		return x->owner_id < y->owner_id ? -1 : 1;
	return by_minutes(a, b);
}

static int group_by_minutes(const void *a, const void *b)
{
	const struct rep_group *x = a, *y = b;
	if (x->minutes != y->minutes)
		return x->minutes > y->minutes ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void hours(struct request *r, int64_t minutes)
{
	fmt_decimal(&r->out, r->lang, (double)minutes / 60.0, 1);
}

static void deal_item(struct request *r, const struct deal *d)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<li class=\"strung-deal\"><div class=\"sd-main\"><a href=\"/deals/%lld\"><strong>%s</strong></a>"
		    "<span class=\"muted\"><a href=\"/accounts/%lld\">%s</a> · %s</span></div><div class=\"sd-health\">",
		    (long long)d->id, d->title, (long long)d->account_id, d->account_name, d->stage_name);
	ui_health(r, &d->health, 1);
	html_printf(o, "</div><dl class=\"sd-facts\"><div><dt>%s</dt><dd>", T("Value"));
	ui_money(r, d->value_minor, d->currency);
	html_printf(o, "</dd></div><div><dt>%s</dt><dd>", T("Hours spent"));
	hours(r, d->minutes);
	html_printf(o, " <span class=\"muted\">(%s)</span></dd></div>",
		    arena_printf(r->a, trn(r->lang, "%lld conversation", "%lld conversations", (long)d->conversations),
				 (long long)d->conversations));
	html_printf(o, "<div><dt>%s</dt><dd>%d</dd></div><div><dt>%s</dt><dd>", T("Conversations since progress"),
		    d->sig.conversations_since_progress, T("Last commitment"));
	ui_date(r, d->sig.last_commitment && *d->sig.last_commitment ? d->sig.last_commitment : NULL);
	html(o, "</dd></div></dl></li>");
}

/* the sum of values per currency: "€ 12.000 + 3.000 kr" */
static void total_value(struct request *r, struct deal **d, size_t n)
{
	const char *cur[16];
	int64_t sum[16];
	size_t nc = 0;
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		while (k < nc && strcmp(cur[k], d[i]->currency))
			k++;
		if (k == nc) {
			if (nc == 16)
				continue;	/* more currencies than anyone has: the first 16 */
			cur[nc] = d[i]->currency;
			sum[nc++] = 0;
		}
		sum[k] += d[i]->value_minor;
	}
	if (!nc)
		ui_money(r, 0, NULL);
	for (size_t k = 0; k < nc; k++) {
		if (k)
			html(&r->out, " + ");
		ui_money(r, sum[k], cur[k]);
	}
}

void page_strung_along(struct request *r)
{
	struct who w;
	int got = who_from_query(r, &w);
	if (got < 0)
		return;
	if (!got && who_default(r, &w)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct who_options opt;
	if (who_options(r, WHO_OPT_LED, &opt)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct deal_filter f = {
		.scope = access_deal_scope(&r->viewer),
		.viewer_id = r->me.user_id,
		.status = "open",
		.owner_id = w.kind == WHO_REP ? w.id : 0,
		.team_id = w.kind == WHO_TEAM ? w.id : 0,
	};
	struct deal_list all;
	if (deal_list(r->db, r->a, r->me.org_id, &f, &all)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct health_settings cfg;
	settings_health(r->db, r->me.org_id, &cfg);
	const char *today = ui_today(r);
	deal_assess(all.items, all.n, &cfg, today);

	/* keep the strung-along ones, grouped by rep, most hours first */
	struct deal **d = arena_alloc(r->a, (all.n + 1) * sizeof(*d));
	size_t n = 0;
	int64_t minutes = 0;
	for (size_t i = 0; i < all.n; i++)
		if (all.items[i].health.strung_along) {
			d[n++] = &all.items[i];
			minutes += all.items[i].minutes;
		}
	qsort(d, n, sizeof(*d), by_owner_then_minutes);
	struct rep_group *g = arena_alloc(r->a, (n + 1) * sizeof(*g));
	size_t ng = 0;
	for (size_t i = 0; i < n; i++) {
		if (!ng || g[ng - 1].owner_id != d[i]->owner_id)
			g[ng++] = (struct rep_group){ d[i]->owner_id, d[i]->owner_name, 0, i, 0 };
		g[ng - 1].minutes += d[i]->minutes;
		g[ng - 1].n++;
	}
	qsort(g, ng, sizeof(*g), group_by_minutes);

	ui_page_begin(r, T("Strung along"), "strung-along");
	struct strbuf *o = &r->out;
	const char *wq = who_query(r, &w);
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s</p>"
		    "</div><a class=\"button\" href=\"/figures/commitment%-s%s\">%s</a></div>",
		    T("Strung along"), w.kind == WHO_TEAM ? arena_printf(r->a, T("Team %s"), w.name) : w.name,
		    T("Open deals that keep you busy without moving forward."), *wq ? "?" : "", wq,
		    T("Step-or-stop figures"));
	if (opt.n) {
		html_printf(o, "<section class=\"card fig-filter\"><form method=\"get\" action=\"/strung-along\" "
			    "class=\"form inline\" aria-label=\"%s\">", T("Whose deals"));
		ui_select(r, "who", T("Whose deals"), opt.values, opt.labels, opt.n, w.value, NULL);
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button>"
			    "</div></form></section>", T("Show"));
	}

	html(o, "<div class=\"stats\">");
	html_printf(o, "<div class=\"stat%-s\"><span class=\"stat-value\">%zu</span><span class=\"stat-label\">%s</span>"
		    "<span class=\"stat-note\">%s</span></div>", n ? " flag-bad" : "", n, T("Strung-along deals"),
		    arena_printf(r->a, trn(r->lang, "of %zu open deal", "of %zu open deals", (long)all.n), all.n));
	html(o, "<div class=\"stat\"><span class=\"stat-value\">");
	total_value(r, d, n);
	html_printf(o, "</span><span class=\"stat-label\">%s</span><span class=\"stat-note\">%s</span></div>",
		    T("Their total value"), T("the sum of the deals below"));
	html(o, "<div class=\"stat\"><span class=\"stat-value\">");
	hours(r, minutes);
	html_printf(o, "</span><span class=\"stat-label\">%s</span><span class=\"stat-note\">%s</span></div></div>",
		    T("Hours spent on them"),
		    arena_printf(r->a, trn(r->lang, "%lld minute of conversation ÷ 60", "%lld minutes of conversation ÷ 60",
					   (long)minutes), (long long)minutes));

	/* the rule in words, with the organisation's own thresholds */
	html_printf(o, "<div class=\"muted rule\"><p>%s</p><ul><li>%s</li><li>%s</li><li>%s</li><li>%s</li><li>%s</li></ul></div>",
		    T("A deal is strung along when any of these holds:"),
		    T("it has no dated next step"),
		    arena_printf(r->a, trn(r->lang, "a next step is more than %d day overdue",
					   "a next step is more than %d days overdue", cfg.grace_days), cfg.grace_days),
		    arena_printf(r->a, trn(r->lang, "the next step was moved %d time or more",
					   "the next step was moved %d times or more", cfg.max_slips), cfg.max_slips),
		    arena_printf(r->a, trn(r->lang, "%d conversation passed without reaching a next stage",
					   "%d conversations passed without reaching a next stage",
					   cfg.max_conversations_without_progress), cfg.max_conversations_without_progress),
		    arena_printf(r->a, trn(r->lang, "the last commitment is more than %d day old",
					   "the last commitment is more than %d days old", cfg.stale_commitment_days),
				 cfg.stale_commitment_days));

	if (!n) {
		html_printf(o, "<section class=\"card empty\"><h2>%s</h2><p>%s</p><p><a class=\"button\" href=\"/agenda\">%s"
			    "</a></p></section>", T("Nobody is stringing you along"),
			    T("Every open deal here has a fresh, dated next step and keeps moving. That is what "
			      "thinking in step or stop brings: time for the prospects who really mean to buy. Keep "
			      "asking for a step or a stop."), T("Open the agenda"));
		ui_page_end(r);
		return;
	}
	/* one rep's list comes in pages; a team's or the organisation's shows
	 * each rep's first PER_REP, with a link to that rep's whole list */
	int one_rep = w.kind == WHO_REP;
	int offset = one_rep ? pager_offset(r) : 0;
	for (size_t k = 0; k < ng; k++) {
		html_printf(o, "<section class=\"card strung-rep\"><div class=\"page-head\"><h2>%s</h2><span class=\"muted\">",
			    g[k].name);
		html_printf(o, "%s · ", arena_printf(r->a, trn(r->lang, "%zu deal", "%zu deals", (long)g[k].n), g[k].n));
		hours(r, g[k].minutes);
		html_printf(o, " %s</span></div><ul class=\"strung-list\">", T("hours spent"));
		size_t from = one_rep && (size_t)offset < g[k].n ? (size_t)offset : 0;
		size_t cap = one_rep ? PAGE_SIZE : PER_REP;
		size_t upto = from + cap < g[k].n ? from + cap : g[k].n;
		/* within a rep the run is already ordered by hours */
		for (size_t i = g[k].first + from; i < g[k].first + upto; i++)
			deal_item(r, d[i]);
		html(o, "</ul>");
		if (one_rep)
			ui_pager(r, (int)from, PAGE_SIZE, upto - from, (int64_t)g[k].n);
		else if (g[k].n > upto)
			html_printf(o, "<p class=\"board-more\"><a href=\"/strung-along?who=rep:%lld\">%s</a></p>",
				    (long long)g[k].owner_id,
				    arena_printf(r->a, trn(r->lang, "and %lld more", "and %lld more", (long)(g[k].n - upto)),
						 (long long)(g[k].n - upto)));
		html(o, "</section>");
	}
	ui_page_end(r);
}
