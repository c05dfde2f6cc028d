/*
 * page-tiers: superstars, core and underperformers (GET /tiers?team=ID|
 * who=led|org &period=P). The article behind it: a manager must know who
 * the superstars, the core and the underperformers are, because each needs
 * a different kind of attention — and must see who moved since the last
 * period, not only where everyone stands today.
 *
 * The rules (domain/tiers.h) are stated in words at the top, with the
 * thresholds the organisation chose, so nobody has to guess why a rep got a
 * badge. Each rep's tier is worked out for the period asked and the seven
 * before it (the history strip); the underperformer rule looks back
 * under_periods periods, so the grid is loaded that much further back.
 * One numbers_grid_load answers all of it, whatever the number of reps.
 *
 * Whose tiers: a manager's teams (all of them by default, or one), an
 * admin's organisation or any team (web/who.c checks the rights). Tiers
 * are about a group of reps; one rep's numbers are on /numbers.
 */
#include "pages.h"
#include "ui.h"
#include "who.h"
#include "repgroup.h"
#include "numbersui.h"
#include "export.h"
#include "repnumbers.h"
#include "../domain/tiers.h"
#include "../domain/tiers-grid.h"
#include "../lib/fmt.h"
#include "../lib/table.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* periods in the history strip, the period asked being the last */
#define SHOWN 8

struct tier_row {
	const struct rep_row *rep;
	size_t i;			/* the rep's row in the grid */
	enum tier tier[SHOWN];		/* oldest first; tier[SHOWN - 1] is the period asked */
	int has_target;
	int64_t target, result;
	double att, share;		/* in the period asked; NaN when there is none */
};

static const char *tier_name(struct request *r, enum tier t)
{
	switch (t) {
	case TIER_SUPERSTAR: return T("Superstar");
	case TIER_CORE: return T("Core");
	case TIER_AT_RISK: return T("At risk");
	case TIER_UNDER: return T("Underperformer");
	default: return T("No target");
	}
}

/* the letter in a cell of the history strip; the full name is beside it
 * for screen readers and in the title */
static const char *tier_initial(struct request *r, enum tier t)
{
	switch (t) {
	/* TRANSLATORS: first letter of "Superstar" in the tier history strip */
	case TIER_SUPERSTAR: return T("S");
	/* TRANSLATORS: first letter of "Core" in the tier history strip */
	case TIER_CORE: return T("C");
	/* TRANSLATORS: first letter of "At risk" in the tier history strip */
	case TIER_AT_RISK: return T("R");
	/* TRANSLATORS: first letter of "Underperformer" in the tier history strip */
	case TIER_UNDER: return T("U");
	default: return "–";
	}
}

static void tier_badge(struct request *r, enum tier t)
{
	html_printf(&r->out, "<span class=\"badge tier-badge tier-%s\">%s</span>", tier_code(t), tier_name(r, t));
}

/* superstars first, then core, at risk, underperformers, no target; within a tier
 * the higher attainment first; names (the grid's order) break ties */
static int row_cmp(const void *pa, const void *pb)
{
	const struct tier_row *a = pa, *b = pb;
	enum tier ta = a->tier[SHOWN - 1], tb = b->tier[SHOWN - 1];
	/* TIER_NONE is 0: put it last rather than below TIER_UNDER */
	int ka = ta == TIER_NONE ? -1 : (int)ta, kb = tb == TIER_NONE ? -1 : (int)tb;
	if (ka != kb)
		return kb - ka;
	int na = isnan(a->att), nb = isnan(b->att);
	if (na != nb)
		return na - nb;
	if (!na && a->att != b->att)
		return a->att < b->att ? 1 : -1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* the tier rules in the organisation's numbers, in words */
static void render_rules(struct request *r, const struct tier_rules *rules)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card explainer\" id=\"rules\"><h2>%s</h2>", T("How the tiers are decided"));
	ui_tier_rules_words(r, rules);
	if (r->viewer.role == ROLE_ADMIN)
		html_printf(o, "<p><a href=\"/admin/numbers\">%s</a></p>", T("Change the rules"));
	else
		html_printf(o, "<p class=\"muted\">%s</p>", T("An admin sets these thresholds for the organisation."));
	html(o, "</section>");
}

/* the heading, whose tiers and the period */
static void render_head(struct request *r, const struct who *w, const struct who_options *opt,
			const struct period *p)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1>"
		    "<p class=\"muted\">%s · %s</p></div></div>",
		    T("Numbers"), T("Tiers"), w->kind == WHO_TEAM ? arena_printf(r->a, T("Team %s"), w->name) : w->name,
		    ui_period_name(r, p));
	ui_numbers_tabs(r, "tiers");
	html(o, "<section class=\"card fig-filter\">");
	if (opt->n > 1) {
		html_printf(o, "<form method=\"get\" action=\"/tiers\" class=\"form inline\" aria-label=\"%s\">",
			    T("Whose tiers"));
		ui_select(r, "who", T("Whose tiers"), opt->values, opt->labels, opt->n, w->value, NULL);
		html_printf(o, "<input type=\"hidden\" name=\"period\" value=\"%s\">"
			    "<div class=\"actions\"><button class=\"button small\" type=\"submit\">%s</button></div></form>",
			    p->label, T("Show"));
	}
	ui_period_picker(r, "/tiers", p, who_query(r, w));
	if (strcmp(ui_today(r), p->start) >= 0 && strcmp(ui_today(r), p->end) <= 0)
		ui_notice(r, "info", T("This period is still running: attainment is what has been won so far, so the "
				       "tiers may still change."));
	html(o, "</section>");
}

static void stat_card(struct request *r, const char *cls, const char *label, size_t n, const char *note)
{
	html_printf(&r->out, "<div class=\"stat fig-stat tier-stat tier-stat-%-s\"><span class=\"stat-value\">%zu</span>"
		    "<span class=\"stat-label\">%s</span><span class=\"stat-note\">%s</span></div>", cls, n, label, note);
}

static void render_counts(struct request *r, const struct tier_row *rows, size_t n)
{
	size_t count[TIER_COUNT] = { 0 };
	for (size_t i = 0; i < n; i++)
		count[rows[i].tier[SHOWN - 1]]++;
	html_printf(&r->out, "<div class=\"stats fig-stats tier-stats\" aria-label=\"%s\">", T("Reps per tier"));
	stat_card(r, "superstar", T("Superstars"), count[TIER_SUPERSTAR], T("well above target"));
	stat_card(r, "core", T("Core"), count[TIER_CORE], T("the steady middle"));
	stat_card(r, "at_risk", T("At risk"), count[TIER_AT_RISK], T("below the line this period, not yet in a row"));
	stat_card(r, "underperformer", T("Underperformers"), count[TIER_UNDER], T("below target, again"));
	stat_card(r, "none", T("No target"), count[TIER_NONE], T("no target in this period"));
	html(&r->out, "</div>");
}

/* who moved up or down since the period before */
static void render_movers(struct request *r, const struct tier_row *rows, size_t n, const struct period *prev,
			  const char *period_q)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"movers\"><h2>%s</h2>",
		    arena_printf(r->a, T("Moved since %s"), ui_period_name(r, prev)));
	size_t moved = 0;
	for (size_t i = 0; i < n; i++) {
		int m = tier_move(rows[i].tier[SHOWN - 2], rows[i].tier[SHOWN - 1]);
		if (!m)
			continue;
		if (!moved++)
			html(o, "<ul class=\"movers\">");
		html_printf(o, "<li class=\"mover mover-%-s\"><span class=\"mover-dir\" aria-hidden=\"true\">%-s</span> "
			    "<a href=\"/numbers?rep=%lld&amp;%s\">%s</a> <span class=\"sr-only\">%s</span> ",
			    m > 0 ? "up" : "down", m > 0 ? "▲" : "▼", (long long)rows[i].rep->user_id, period_q,
			    rows[i].rep->name, m > 0 ? T("moved up:") : T("moved down:"));
		tier_badge(r, rows[i].tier[SHOWN - 2]);
		html(o, " <span aria-hidden=\"true\">→</span><span class=\"sr-only\">");
		html_txt(o, T("to"));
		html(o, "</span> ");
		tier_badge(r, rows[i].tier[SHOWN - 1]);
		html(o, "</li>");
	}
	if (moved)
		html(o, "</ul>");
	else
		html_printf(o, "<p class=\"muted\">%s</p>", T("Nobody moved up or down a tier since the period before."));
	html_printf(o, "<p class=\"muted fig-basis\">%s</p></section>",
		    T("Only moves between superstar, core, at risk and underperformer count; a period without a target is not a move."));
}

/* the history in words, runs of the same tier together: "Tier history:
 * 2025-Q1 to 2026-Q2 no target; 2026-Q3 core; 2026-Q4 superstar." */
static void strip_words(struct request *r, const enum tier *tier, const struct period *shown)
{
	struct strbuf *o = &r->out;
	html_txt(o, T("Tier history:"));
	for (int k = 0; k < SHOWN;) {
		int end = k;
		while (end + 1 < SHOWN && tier[end + 1] == tier[k])
			end++;
		html_printf(o, "%-s %s", k ? ";" : "",
			    end > k ? arena_printf(r->a, T("%s to %s: %s"), shown[k].label, shown[end].label,
						   tier_name(r, tier[k]))
				    : arena_printf(r->a, "%s: %s", shown[k].label, tier_name(r, tier[k])));
		k = end + 1;
	}
	sb_addc(o, '.');
}

static void render_table(struct request *r, const struct tier_row *rows, size_t n, const struct period *shown,
			 const char *currency, const char *period_q)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"reps\"><h2>%s</h2><div class=\"table-wrap\"><table class=\"tiers\">"
		    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    T("Reps"), T("Rep"), T("Team"), T("Target"), T("Result"), T("Attainment"), T("Share of revenue"),
		    T("Tier"), arena_printf(r->a, T("Last %d periods"), SHOWN));
	/* the cells of the strip, written once for every period and tier: a
	 * thousand reps make eight thousand cells */
	const char *cells[SHOWN * TIER_COUNT];
	for (int k = 0; k < SHOWN; k++)
		for (int v = 0; v < TIER_COUNT; v++) {
			struct strbuf sb = STRBUF_INIT;
			html_printf(&sb, "<li class=\"tier-cell tier-%s\" title=\"%s: %s\">%s</li>", tier_code((enum tier)v),
				    shown[k].label, tier_name(r, (enum tier)v), tier_initial(r, (enum tier)v));
			cells[k * TIER_COUNT + v] = arena_strdup(r->a, sb.buf);
			sb_release(&sb);
		}
	for (size_t i = 0; i < n; i++) {
		const struct tier_row *t = &rows[i];
		html_printf(o, "<tr><th scope=\"row\"><a href=\"/numbers?rep=%lld&amp;%s\">%s</a>",
			    (long long)t->rep->user_id, period_q, t->rep->name);
		ui_rep_page_link(r, t->rep->user_id, r->me.org_id, t->rep->team_id, t->rep->name);
		html_printf(o, "</th><td>%s</td>"
			    "<td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td>",
			    t->rep->team_name ? t->rep->team_name : "",
			    t->has_target ? ui_money_text(r, t->target, currency) : "–", ui_money_text(r, t->result, currency),
			    ui_percent_text(r, t->att), ui_percent_text(r, t->share));
		tier_badge(r, t->tier[SHOWN - 1]);
		/* the strip is for the eye (with a title per cell for the mouse);
		 * a screen reader gets the same history as one sentence */
		html(o, "</td><td><div class=\"tier-hist\"><ol class=\"tier-strip\" aria-hidden=\"true\">");
		for (int k = 0; k < SHOWN; k++)
			sb_adds(o, cells[k * TIER_COUNT + t->tier[k]]);
		html(o, "</ol><span class=\"sr-only\">");
		strip_words(r, t->tier, shown);
		html(o, "</span></div></td></tr>");
	}
	html(o, "</tbody></table></div>");
	html_printf(o, "<p class=\"muted fig-basis\">%s</p>",
		    T("Share of revenue: the rep's result as a share of all the results of the reps shown, in the "
		      "same period. The strip shows the tier in each of the last periods, the newest on the right."));
	ui_export_links(r);
	html(o, "</section>");
}

/* the table as the download holds it */
static struct table *export_table(struct request *r, const struct tier_row *rows, size_t n, const struct period *p,
				  const char *currency)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "tiers-%s", p->label), 8);
	t->currency = currency;
	table_col(t, 0, T("Rep"), CELL_TEXT);
	table_col(t, 1, T("Team"), CELL_TEXT);
	table_col(t, 2, T("Target"), CELL_MONEY);
	table_col(t, 3, T("Result"), CELL_MONEY);
	table_col(t, 4, T("Attainment"), CELL_PCT);
	table_col(t, 5, T("Share of revenue"), CELL_PCT);
	table_col(t, 6, T("Tier"), CELL_TEXT);
	table_col(t, 7, T("Previous tier"), CELL_TEXT);
	for (size_t i = 0; i < n; i++) {
		size_t row = table_row(t);
		table_text(t, row, 0, rows[i].rep->name);
		table_text(t, row, 1, rows[i].rep->team_name ? rows[i].rep->team_name : "");
		if (rows[i].has_target)
			table_money(t, row, 2, rows[i].target);
		table_money(t, row, 3, rows[i].result);
		table_pct(t, row, 4, rows[i].att);
		table_pct(t, row, 5, rows[i].share);
		table_text(t, row, 6, tier_name(r, rows[i].tier[SHOWN - 1]));
		table_text(t, row, 7, tier_name(r, rows[i].tier[SHOWN - 2]));
	}
	return t;
}

void page_tiers(struct request *r)
{
	struct who w;
	if (repgroup_from_query(r, &w))
		return;
	struct numbers_settings s;
	struct period p;
	if (numbers_context(r, PERIOD_QUARTER, &s, &p))
		return;
	struct who_options opt;
	if (repgroup_options(r, &opt)) {
		resp_store_error(r, E_OK);
		return;
	}

	struct tier_rules rules = s.rules;
	if (rules.under_periods < 1)
		rules.under_periods = 1;
	if (rules.under_periods > 12)
		rules.under_periods = 12;
	/* the underperformer rule of the oldest period shown looks back
	 * under_periods - 1 periods more */
	size_t nhist = SHOWN + (size_t)rules.under_periods - 1, first = nhist - SHOWN;
	struct period *periods = arena_alloc(r->a, nhist * sizeof(*periods));
	period_history(&p, s.fiscal_start_month, nhist, periods);
	struct numbers_scope sc = repgroup_scope(r, &w);
	struct numbers_grid g;
	if (numbers_grid_load(r->db, r->a, r->me.org_id, &sc, periods, nhist, s.source, &g)) {
		resp_store_error(r, E_OK);
		return;
	}

	/* tier, share and attainment of every rep in every period (the same
	 * arithmetic as GET /api/v1/tiers) */
	size_t cells = g.nreps * nhist + 1;
	enum tier *tier = arena_alloc(r->a, cells * sizeof(*tier));
	double *share = arena_alloc(r->a, cells * sizeof(double)), *att = arena_alloc(r->a, cells * sizeof(double));
	struct tiers_grid_input in = { g.nreps, nhist, g.has_target, g.target_minor, g.result_minor, g.team_id };
	tiers_grid_compute(&rules, &in, tier, share, att);
	size_t with_target = 0;
	struct tier_row *rows = arena_alloc(r->a, (g.nreps + 1) * sizeof(*rows));
	for (size_t i = 0; i < g.nreps; i++) {
		struct tier_row *t = &rows[i];
		t->rep = &g.reps[i];
		t->i = i;
		for (size_t k = 0; k < SHOWN; k++) {
			size_t c = i * nhist + first + k;
			t->tier[k] = tier[c];
			with_target += g.has_target[c];
		}
		size_t c = i * nhist + nhist - 1;
		t->has_target = g.has_target[c];
		t->target = g.target_minor[c];
		t->result = g.result_minor[c];
		t->att = att[c];
		t->share = share[c];
	}
	qsort(rows, g.nreps, sizeof(*rows), row_cmp);

	if (export_wanted(r)) {
		export_send(r, export_table(r, rows, g.nreps, &p, s.currency));
		return;
	}

	ui_page_begin(r, T("Tiers"), "numbers");
	render_head(r, &w, &opt, &p);
	render_rules(r, &rules);
	if (!g.nreps) {
		html_printf(&r->out, "<section class=\"card empty\"><p>%s</p></section>",
			    T("There are no reps here yet. Reps appear once they are in a team, or have a target or a result."));
		ui_page_end(r);
		return;
	}
	if (!with_target) {
		html_printf(&r->out, "<section class=\"card empty\" id=\"no-targets\"><h2>%s</h2><p>%s</p>"
			    "<p><a class=\"button primary\" href=\"/targets\">%s</a></p></section>",
			    T("No targets yet"),
			    T("Tiers compare each rep's result with their target, so they need targets first. A manager sets "
			      "them per rep and period on the targets page (month, quarter or year); an admin can also import "
			      "them from a CSV file."),
			    T("Set targets"));
	}
	render_counts(r, rows, g.nreps);
	const char *period_q = arena_printf(r->a, "period=%s", p.label);
	render_movers(r, rows, g.nreps, &periods[nhist - 2], period_q);
	render_table(r, rows, g.nreps, periods + first, s.currency, period_q);
	ui_page_end(r);
}
