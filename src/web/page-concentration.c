/*
 * page-concentration: how few reps bring half of the revenue (GET
 * /concentration?team=ID|who=led|org &period=P). The articles say that
 * about 4% of the reps bring over half of the revenue; this page puts the
 * team's or the organisation's own numbers beside that sentence, so the
 * manager sees whether it holds here — and how much depends on a few.
 *
 * The figures (domain/concentration.h): the smallest number of reps that
 * together bring half of the revenue, the share of the top 4%, the Gini
 * coefficient and the Lorenz curve. Every rep in scope counts, those
 * without revenue too, because an idle rep is part of the picture. The
 * curve is drawn by Chart.js (src/static/charts-numbers.js, no inline
 * script under the CSP) and the same numbers stand in the table beneath,
 * which downloads as CSV or Excel.
 *
 * Whose revenue: as on the tiers page (web/repgroup.h) — a manager's teams
 * or one of them, an admin's organisation or any team.
 */
#include "pages.h"
#include "ui.h"
#include "who.h"
#include "repgroup.h"
#include "numbersui.h"
#include "export.h"
#include "../domain/concentration.h"
#include "../lib/fmt.h"
#include "../lib/table.h"
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* the articles' "about 4% of the reps" */
#define TOP_PCT 4.0

struct conc_row {
	const struct rep_row *rep;
	size_t i;
	int64_t revenue;
	double share, cumulative;
};

/* largest revenue first; the grid's order (names) breaks ties */
static int row_cmp(const void *pa, const void *pb)
{
	const struct conc_row *a = pa, *b = pb;
	if (a->revenue != b->revenue)
		return a->revenue < b->revenue ? 1 : -1;
	return a->i < b->i ? -1 : a->i > b->i;
}

static json_t *jfrac(double v)
{
	return isfinite(v) ? json_real(round(v * 10000.0) / 10000.0) : json_null();
}

static void render_head(struct request *r, const struct who *w, const struct who_options *opt,
			const struct period *p)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1>"
		    "<p class=\"muted\">%s · %s</p></div></div>",
		    T("Numbers"), T("Concentration of revenue"),
		    w->kind == WHO_TEAM ? arena_printf(r->a, T("Team %s"), w->name) : w->name, ui_period_name(r, p));
	ui_numbers_tabs(r, "concentration");
	html(o, "<section class=\"card fig-filter\">");
	if (opt->n > 1) {
		html_printf(o, "<form method=\"get\" action=\"/concentration\" class=\"form inline\" aria-label=\"%s\">",
			    T("Whose revenue"));
		ui_select(r, "who", T("Whose revenue"), opt->values, opt->labels, opt->n, w->value, NULL);
		html_printf(o, "<input type=\"hidden\" name=\"period\" value=\"%s\">"
			    "<div class=\"actions\"><button class=\"button small\" type=\"submit\">%s</button></div></form>",
			    p->label, T("Show"));
	}
	ui_period_picker(r, "/concentration", p, who_query(r, w));
	html(o, "</section>");
}

static void stat_card(struct request *r, const char *label, const char *value, const char *note)
{
	html_printf(&r->out, "<div class=\"stat fig-stat\"><span class=\"stat-value\">%s</span>"
		    "<span class=\"stat-label\">%s</span><span class=\"stat-note\">%s</span></div>", value, label, note);
}

/* who "the top 4%" are here, with their real share of the reps: "the top
 * rep (9.1% of 11)", "the top 2 reps (5.7% of 35)" — never a rounded 4% */
static const char *top_reps_text(struct request *r, const struct concentration *c)
{
	const char *share = ui_share_text(r, c->top_count, c->n);
	if (c->top_count == 1)
		return arena_printf(r->a, T("the top rep (%s of %zu)"), share, c->n);
	return arena_printf(r->a, trn(r->lang, "the top %zu reps (%s of %zu)", "the top %zu reps (%s of %zu)",
				      (long)c->top_count),
			    c->top_count, share, c->n);
}

static void render_cards(struct request *r, const struct concentration *c, size_t zero, const char *currency)
{
	struct strbuf *o = &r->out;
	html(o, "<div class=\"stats fig-stats\" id=\"concentration-figures\">");
	stat_card(r, arena_printf(r->a, trn(r->lang, "%zu of %zu reps brings half of the revenue",
					    "%zu of %zu reps bring half of the revenue", (long)c->half_count),
				  c->half_count, c->n),
		  ui_share_text(r, c->half_count, c->n),
		  T("the fewest reps whose revenue together makes at least half, counting from the largest"));
	stat_card(r, arena_printf(r->a, T("of the revenue comes from %s"), top_reps_text(r, c)),
		  /* xgettext:no-c-format */
		  ui_percent_text(r, c->top_share), T("the articles' 4% of the reps, rounded up to at least one rep"));
	stat_card(r, T("Gini coefficient"), ui_decimal_text(r, c->gini, 2),
		  T("0 means every rep brings the same; the closer to 1, the more a few reps bring it all"));
	stat_card(r, T("Revenue in the period"), ui_money_text(r, c->total_minor, currency),
		  zero ? arena_printf(r->a, trn(r->lang, "%zu of the %zu reps brought no revenue; they count too",
						"%zu of the %zu reps brought no revenue; they count too", (long)zero),
				      zero, c->n)
		       : arena_printf(r->a, trn(r->lang, "from %zu rep", "from %zu reps", (long)c->n), c->n));
	html(o, "</div>");
}

/* the articles' sentence beside the numbers here */
static void render_verdict(struct request *r, const struct concentration *c)
{
	html_printf(&r->out, "<section class=\"card verdict-line %-s\" id=\"holds\"><p>%s</p><p><strong>%s</strong></p></section>",
		    c->holds > 0 ? "holds-yes" : "holds-no",
		    /* xgettext:no-c-format */
		    T("In the articles, about 4% of the reps bring over half of the revenue."),
		    arena_printf(r->a, c->holds > 0 ? T("Here %s: %s of the revenue — the pattern holds.")
						    : T("Here %s: %s of the revenue — the pattern does not hold."),
				 top_reps_text(r, c), ui_percent_text(r, c->top_share)));
}

static void render_chart(struct request *r, const struct concentration *c)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"lorenz\"><h2>%s</h2><p class=\"muted\">%s</p>", T("Lorenz curve"),
		    /* xgettext:no-c-format */
		    T("The reps from the smallest revenue to the largest, left to right: how much of the revenue the "
		      "smallest part of the reps brings together. The dashed diagonal is where every rep brings the same; "
		      "the further the curve sags below it, the more the revenue rests on a few. The dotted line marks "
		      "where the top reps begin: 4% of the reps, rounded up to at least one."));
	json_t *x = json_array(), *y = json_array();
	for (size_t i = 0; i <= c->n; i++) {
		json_array_append_new(x, jfrac(c->lorenz_x[i]));
		json_array_append_new(y, jfrac(c->lorenz_y[i]));
	}
	double marker = c->n ? (double)(c->n - c->top_count) / (double)c->n : 1.0;
	json_t *spec = json_pack("{s:s, s:o, s:o, s:o, s:{s:s, s:s, s:s, s:s, s:s, s:s}}",
				 "locale", lang_code(r->lang), "x", x, "y", y, "marker", jfrac(marker), "labels",
				 "curve", T("Lorenz curve"), "equality", T("Every rep the same"),
				 "marker", T("Where the top reps begin"), "x", T("Share of the reps, smallest first"),
				 "y", T("Share of the revenue"),
				 "point", T("The smallest %1$s of the reps bring %2$s of the revenue"));
	html_printf(o, "<div class=\"chart-box lorenz\"><canvas data-lorenz=\"chart-lorenz\" role=\"img\" aria-label=\"%s\">"
		    "</canvas></div>",
		    T("Chart: the Lorenz curve of the revenue over the reps. The numbers are in the table below."));
	ui_json_script(r, "chart-lorenz", spec);
	html(o, "</section>");
}

static void render_table(struct request *r, const struct conc_row *rows, size_t n, const char *currency,
			 const char *period_q)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"reps\"><h2>%s</h2><div class=\"table-wrap\"><table class=\"tiers\">"
		    "<thead><tr><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>",
		    T("Revenue per rep"), T("Rank"), T("Rep"), T("Team"), T("Revenue"), T("Share"), T("Cumulative share"));
	for (size_t i = 0; i < n; i++)
		html_printf(o, "<tr><td class=\"num\">%zu</td><th scope=\"row\"><a href=\"/numbers?rep=%lld&amp;%s\">%s</a></th>"
			    "<td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>",
			    i + 1, (long long)rows[i].rep->user_id, period_q, rows[i].rep->name,
			    rows[i].rep->team_name ? rows[i].rep->team_name : "", ui_money_text(r, rows[i].revenue, currency),
			    ui_percent_text(r, rows[i].share), ui_percent_text(r, rows[i].cumulative));
	html(o, "</tbody></table></div>");
	html_printf(o, "<p class=\"muted fig-basis\">%s</p>",
		    T("Largest first. Cumulative share: the share of the revenue of this rep and everyone above. "
		      "A negative result counts as no revenue."));
	ui_export_links(r);
	html(o, "</section>");
}

static struct table *export_table(struct request *r, const struct conc_row *rows, size_t n, const struct period *p,
				  const char *currency)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "concentration-%s", p->label), 6);
	t->currency = currency;
	table_col(t, 0, T("Rank"), CELL_INT);
	table_col(t, 1, T("Rep"), CELL_TEXT);
	table_col(t, 2, T("Team"), CELL_TEXT);
	table_col(t, 3, T("Revenue"), CELL_MONEY);
	table_col(t, 4, T("Share"), CELL_PCT);
	table_col(t, 5, T("Cumulative share"), CELL_PCT);
	for (size_t i = 0; i < n; i++) {
		size_t row = table_row(t);
		table_int(t, row, 0, (int64_t)(i + 1));
		table_text(t, row, 1, rows[i].rep->name);
		table_text(t, row, 2, rows[i].rep->team_name ? rows[i].rep->team_name : "");
		table_money(t, row, 3, rows[i].revenue);
		table_pct(t, row, 4, rows[i].share);
		table_pct(t, row, 5, rows[i].cumulative);
	}
	return t;
}

void page_concentration(struct request *r)
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
	struct numbers_scope sc = repgroup_scope(r, &w);
	struct numbers_grid g;
	if (numbers_grid_load(r->db, r->a, r->me.org_id, &sc, &p, 1, s.source, &g)) {
		resp_store_error(r, E_OK);
		return;
	}

	int64_t *rev = arena_alloc(r->a, (g.nreps + 1) * sizeof(int64_t));
	struct conc_row *rows = arena_alloc(r->a, (g.nreps + 1) * sizeof(*rows));
	for (size_t i = 0; i < g.nreps; i++) {
		rev[i] = g.result_minor[i];
		rows[i].rep = &g.reps[i];
		rows[i].i = i;
		rows[i].revenue = g.result_minor[i];
	}
	struct concentration c;
	concentration_compute(r->a, rev, g.nreps, TOP_PCT, &c);
	qsort(rows, g.nreps, sizeof(*rows), row_cmp);
	/* shares as the figures count them: a negative result is no revenue */
	size_t zero = 0;
	int64_t running = 0;
	for (size_t i = 0; i < g.nreps; i++) {
		int64_t v = rows[i].revenue > 0 ? rows[i].revenue : 0;
		zero += v == 0;
		running += v;
		rows[i].share = c.total_minor > 0 ? (double)v / (double)c.total_minor : NAN;
		rows[i].cumulative = c.total_minor > 0 ? (double)running / (double)c.total_minor : NAN;
	}

	if (export_wanted(r)) {
		export_send(r, export_table(r, rows, g.nreps, &p, s.currency));
		return;
	}

	ui_page_begin(r, T("Concentration of revenue"), "numbers");
	render_head(r, &w, &opt, &p);
	if (!g.nreps) {
		html_printf(&r->out, "<section class=\"card empty\"><p>%s</p></section>",
			    T("There are no reps here yet. Reps appear once they are in a team, or have a target or a result."));
		ui_page_end(r);
		return;
	}
	if (c.total_minor <= 0) {
		html_printf(&r->out, "<section class=\"card empty\" id=\"no-revenue\"><h2>%s</h2><p>%s</p></section>",
			    T("No revenue in this period"),
			    s.source == RESULTS_IMPORTED
				    ? T("Results come from imported totals, and none of these reps has one above zero for this "
					"period. Choose another period, or import the results.")
				    : T("Results come from won deals by their closing day, and none of these reps won a deal in "
					"this period. Choose another period."));
		render_table(r, rows, g.nreps, s.currency, arena_printf(r->a, "period=%s", p.label));
		ui_page_end(r);
		return;
	}
	render_cards(r, &c, zero, s.currency);
	render_verdict(r, &c);
	render_chart(r, &c);
	render_table(r, rows, g.nreps, s.currency, arena_printf(r->a, "period=%s", p.label));
	/* Chart.js, then the curve drawn with it (both deferred, in this order) */
	html(&r->out, "<script src=\"/static/chart.umd.js\" defer></script>"
		      "<script src=\"/static/charts-numbers.js\" defer></script>");
	ui_page_end(r);
}
