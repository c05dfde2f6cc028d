/*
 * page-figures: the step-or-stop figures of a rep, a team or the whole
 * organisation over a period (GET /figures/commitment?rep=ID|team=ID
 * &from=YYYY-MM-DD&to=YYYY-MM-DD). The article behind it: a good feeling
 * about a conversation says nothing about the chance of success; what
 * counts is commitment — a concrete next step, or an honest stop.
 *
 * Every figure shows the counts it is made of, so a rep or a manager can
 * redo the sum by hand and trust it. The counts come from
 * store/figures.c, the rates from domain/commitment.c; this file only
 * shows them. The two charts are drawn by Chart.js from a JSON block
 * (src/static/app.js, no inline script under the CSP), and the same numbers
 * stand in a table beneath each chart, so the page works without script
 * and with a screen reader.
 *
 * Whose figures: a rep sees their own; a manager their first team by
 * default and may pick any team they lead or any of its reps; an admin the
 * organisation, any team or any rep (web/who.c checks the rights).
 */
#include "pages.h"
#include "ui.h"
#include "who.h"
#include "export.h"
#include "../store/figures.h"
#include "../lib/fmt.h"
#include "../lib/util.h"
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* a no-commitment rate from which the card is marked: about one
 * conversation in three (red) or in seven (amber) without a step or a stop
 * is where reps start to be strung along */
#define NONE_RATE_BAD 0.30
#define NONE_RATE_WARN 0.15

/* "YYYY-MM-01" of the month `back` months before the month of iso */
static const char *month_start(struct request *r, const char *iso, int back)
{
	int y = atoi(iso), m = atoi(iso + 5) - back;
	while (m < 1) {
		m += 12;
		y--;
	}
	return arena_printf(r->a, "%04d-%02d-01", y, m);
}

static void stat_card(struct request *r, const char *flag, const char *label, const char *value, const char *note)
{
	html_printf(&r->out, "<div class=\"stat fig-stat%-s\"><span class=\"stat-value\">%s</span>"
		    "<span class=\"stat-label\">%s</span><span class=\"stat-note\">%s</span></div>",
		    flag, value, label, note);
}

/* the heading, the picker and the period form with its quick links */
static void render_head(struct request *r, const struct who *w, const struct who_options *opt,
			const struct day_range *p)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1>", T("Step or stop"),
		    w->kind == WHO_TEAM ? arena_printf(r->a, T("Team %s"), w->name) : w->name);
	if (!p->e_from && !p->e_to)
		html_printf(o, "<p class=\"muted\">%s – %s</p>", ui_date_text(r, p->from), ui_date_text(r, p->to));
	const char *wq = who_query(r, w);
	/* the deals behind a team's figures are its reps' own: a rep looking at
	 * their team as a whole is sent to their own strung-along deals */
	const char *sq = w->kind == WHO_TEAM && !access_team_reps(&r->viewer, r->me.org_id, w->id) ? "" : wq;
	html_printf(o, "</div><a class=\"button\" href=\"/strung-along%-s%s\">%s</a></div>", *sq ? "?" : "", sq,
		    T("Strung-along deals"));

	html_printf(o, "<section class=\"card fig-filter\"><form method=\"get\" action=\"/figures/commitment\" "
		    "class=\"form inline\" aria-label=\"%s\">", T("Whose figures and which period"));
	if (opt->n)
		ui_select(r, "who", T("Whose figures"), opt->values, opt->labels, opt->n, w->value, NULL);
	ui_input(r, "from", T("From"), "date", p->from, p->e_from, " required");
	ui_input(r, "to", T("To"), "date", p->to, p->e_to, " required");
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>",
		    T("Show"));

	/* quick links keep whose figures they are */
	const char *today = ui_today(r);
	struct {
		const char *label, *from;
	} quick[] = {
		{ T("This month"), month_start(r, today, 0) },
		{ T("Last 3 months"), month_start(r, today, 2) },
		{ T("This year"), arena_printf(r->a, "%.4s-01-01", today) },
		{ T("Last 12 months"), month_start(r, today, 11) },
	};
	html_printf(o, "<nav class=\"quick\" aria-label=\"%s\"><span class=\"muted\">%s</span>", T("Quick periods"),
		    T("Quick:"));
	for (size_t i = 0; i < sizeof(quick) / sizeof(quick[0]); i++) {
		int cur = p->from && p->to && !strcmp(p->from, quick[i].from) && !strcmp(p->to, today);
		html_printf(o, "<a href=\"/figures/commitment?%s%-sfrom=%s&amp;to=%s\"%-s>%s</a>", wq,
			    *wq ? "&amp;" : "", quick[i].from, today, cur ? " aria-current=\"true\"" : "",
			    quick[i].label);
	}
	html(o, "</nav></section>");
}

/* the explanation in plain words, from the article */
static void render_explainer(struct request *r)
{
	html_printf(&r->out, "<section class=\"card explainer\"><h2>%s</h2><p>%s</p><ul>"
		    "<li><strong>%s</strong> %s</li><li><strong>%s</strong> %s</li><li><strong>%s</strong> %s</li></ul>"
		    "<p class=\"muted\">%s</p></section>",
		    T("What step or stop means"),
		    T("A pleasant conversation and a good feeling say nothing about the chance of success. "
		      "Sales is about commitment: not necessarily the order, but at least a logical next step "
		      "that brings you closer to it. So every customer conversation ends in one of two ways."),
		    T("Step:"), T("the customer commits to a concrete next step, with a date and a name."),
		    T("Stop:"), T("you agree that it ends here, and why. A clear no frees your time."),
		    T("No commitment:"), T("may be logged, honestly, but it is a red flag — it is how prospects "
					   "who never meant to buy keep you on the line."),
		    T("Asking for a step or a stop takes getting used to, but you will be strung along less, and "
		      "have more time for the prospects who really are interested."));
}

static json_t *jrate(double v)
{
	return isfinite(v) ? json_real(round(v * 10000.0) / 10000.0) : json_null();
}

static void render_predictors(struct request *r, const struct commitment_counts *c, const struct commitment_figures *f)
{
	struct strbuf *o = &r->out;
	static const char *const outcome_names[] = { NULL, N_("Step"), N_("Stop"), N_("No commitment") };
	html_printf(o, "<section class=\"card\" id=\"predictors\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("What predicts winning: gut feeling or commitment?"),
		    T("Conversations on deals closed in this period. Left: the share on deals that were won, by the gut "
		      "feeling the rep gave the conversation (1 to 5). Right: the same share by how the conversation "
		      "ended. If gut feeling predicted winning, the left bars would climb."));

	json_t *labels = json_array(), *gut = json_array(), *oc = json_array();
	json_t *gut_n = json_array(), *oc_n = json_array();
	for (int g = 0; g < 5; g++) {
		json_array_append_new(labels, json_string(arena_printf(r->a, T("Feeling %d"), g + 1)));
		json_array_append_new(gut, jrate(f->gut_win[g]));
		json_array_append_new(oc, json_null());
		json_array_append_new(gut_n, json_pack("[II]", (json_int_t)c->gut_won[g], (json_int_t)c->gut_closed[g]));
		json_array_append_new(oc_n, json_null());
	}
	for (int k = OUTCOME_STEP; k <= OUTCOME_NONE; k++) {
		json_array_append_new(labels, json_string(T(outcome_names[k])));
		json_array_append_new(gut, json_null());
		json_array_append_new(oc, jrate(f->outcome_win[k]));
		json_array_append_new(gut_n, json_null());
		json_array_append_new(oc_n, json_pack("[II]", (json_int_t)c->outcome_won[k],
						      (json_int_t)c->outcome_closed[k]));
	}
	json_t *spec = json_pack("{s:s, s:s, s:o, s:[{s:s, s:o, s:o, s:s, s:s}, {s:s, s:o, s:o, s:s, s:s}], s:s}",
				 "kind", "win-predictors", "locale", lang_code(r->lang), "labels", labels, "datasets",
				 "label", T("By gut feeling"), "data", gut, "counts", gut_n, "axis", "pct", "color", "#8aa39a",
				 "label", T("By outcome"), "data", oc, "counts", oc_n, "axis", "pct", "color", "#1f6f4a",
				 "wonOf", T("%1$s won of %2$s"));
	html_printf(o, "<div class=\"chart-box\"><canvas data-chart=\"chart-predictors\" role=\"img\" aria-label=\"%s\">"
		    "</canvas></div>", T("Bar chart: win rate by gut feeling and by outcome. The numbers are in the table below."));
	ui_json_script(r, "chart-predictors", spec);

	html_printf(o, "<details class=\"numbers\"><summary>%s</summary><div class=\"table-wrap\"><table>"
		    "<caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>",
		    T("Show the numbers"), T("Conversations on deals closed in the period"), T("Conversations"),
		    T("On closed deals"), T("Of which won"), T("Win rate"));
	for (int g = 0; g < 5; g++)
		html_printf(o, "<tr><th scope=\"row\">%s</th><td class=\"num\">%lld</td><td class=\"num\">%lld</td>"
			    "<td class=\"num\">%s</td></tr>", arena_printf(r->a, T("Gut feeling %d"), g + 1),
			    (long long)c->gut_closed[g], (long long)c->gut_won[g], ui_percent_text(r, f->gut_win[g]));
	for (int k = OUTCOME_STEP; k <= OUTCOME_NONE; k++)
		html_printf(o, "<tr><th scope=\"row\">%s</th><td class=\"num\">%lld</td><td class=\"num\">%lld</td>"
			    "<td class=\"num\">%s</td></tr>", arena_printf(r->a, T("Ended in: %s"), T(outcome_names[k])),
			    (long long)c->outcome_closed[k], (long long)c->outcome_won[k], ui_percent_text(r, f->outcome_win[k]));
	html(o, "</tbody></table></div></details></section>");
}

/* the months from `from` to `to`, with the counts where there are any */
static void render_trend(struct request *r, const struct day_range *p, const struct month_counts *m, size_t nm)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"trend\"><h2>%s</h2><p class=\"muted\">%s</p>", T("Trend by month"),
		    T("Bars: conversations per month. Lines: the share that ended in a step or a stop (commitment "
		      "rate) and the share without commitment."));
	int y = atoi(p->from), mo = atoi(p->from + 5);
	int ye = atoi(p->to), me = atoi(p->to + 5);
	json_t *labels = json_array(), *conv = json_array(), *cr = json_array(), *nr = json_array();
	struct strbuf rows = STRBUF_INIT;
	size_t j = 0;
	while (y < ye || (y == ye && mo <= me)) {
		char key[16];
		snprintf(key, sizeof(key), "%04d-%02d", y, mo);
		struct month_counts zero = { .conversations = 0 };
		const struct month_counts *c = &zero;
		while (j < nm && strcmp(m[j].month, key) < 0)
			j++;
		if (j < nm && !strcmp(m[j].month, key))
			c = &m[j];
		const char *label = arena_printf(r->a, "%s %d", month_name(r->lang, mo, 1), y);
		double rate = ratio(c->steps + c->stops, c->conversations), none = ratio(c->nones, c->conversations);
		json_array_append_new(labels, json_string(label));
		json_array_append_new(conv, json_integer((json_int_t)c->conversations));
		json_array_append_new(cr, jrate(rate));
		json_array_append_new(nr, jrate(none));
		html_printf(&rows, "<tr><th scope=\"row\">%s</th><td class=\"num\">%lld</td><td class=\"num\">%lld</td>"
			    "<td class=\"num\">%lld</td><td class=\"num\">%lld</td><td class=\"num\">%s</td>"
			    "<td class=\"num\">%s</td></tr>", label, (long long)c->conversations, (long long)c->steps,
			    (long long)c->stops, (long long)c->nones, ui_percent_text(r, rate), ui_percent_text(r, none));
		if (++mo > 12) {
			mo = 1;
			y++;
		}
	}
	json_t *spec = json_pack("{s:s, s:s, s:o, s:[{s:s, s:o, s:s, s:s, s:s}, {s:s, s:o, s:s, s:s, s:s}, "
				 "{s:s, s:o, s:s, s:s, s:s}]}",
				 "kind", "trend", "locale", lang_code(r->lang), "labels", labels, "datasets",
				 "label", T("Commitment rate"), "data", cr, "type", "line", "axis", "pct", "color", "#1f6f4a",
				 "label", T("No-commitment rate"), "data", nr, "type", "line", "axis", "pct", "color", "#d92d20",
				 "label", T("Conversations"), "data", conv, "type", "bar", "axis", "count", "color", "#c9dcd2");
	html_printf(o, "<div class=\"chart-box\"><canvas data-chart=\"chart-trend\" role=\"img\" aria-label=\"%s\">"
		    "</canvas></div>", T("Chart: conversations, commitment rate and no-commitment rate per month. "
					 "The numbers are in the table below."));
	ui_json_script(r, "chart-trend", spec);
	html_printf(o, "<details class=\"numbers\"><summary>%s</summary><div class=\"table-wrap\"><table>"
		    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>",
		    T("Show the numbers"), T("Month"), T("Conversations"), T("Step"), T("Stop"), T("No commitment"),
		    T("Commitment rate"), T("No-commitment rate"));
	sb_add(o, rows.buf, rows.len);
	sb_release(&rows);
	html(o, "</tbody></table></div></details></section>");
}

static void render_cards(struct request *r, const struct commitment_counts *c, const struct commitment_figures *f,
			 size_t ngaps)
{
	struct strbuf *o = &r->out;
	long n = (long)c->conversations;
	html(o, "<div class=\"stats fig-stats\">");
	stat_card(r, "", T("Commitment rate"), ui_percent_text(r, f->commitment_rate),
		  arena_printf(r->a, trn(r->lang, "%lld of %lld conversation ended in a step or a stop",
					 "%lld of %lld conversations ended in a step or a stop", n),
			       (long long)(c->steps + c->stops), (long long)c->conversations));
	stat_card(r, "", T("Stop rate"), ui_percent_text(r, f->stop_rate),
		  arena_printf(r->a, trn(r->lang, "%lld of %lld conversation ended in a stop",
					 "%lld of %lld conversations ended in a stop", n),
			       (long long)c->stops, (long long)c->conversations));
	const char *flag = !isfinite(f->none_rate) ? "" : f->none_rate >= NONE_RATE_BAD ? " flag-bad"
		: f->none_rate >= NONE_RATE_WARN ? " flag-warn" : "";
	stat_card(r, flag, T("No-commitment rate"), ui_percent_text(r, f->none_rate),
		  arena_printf(r->a, trn(r->lang, "%lld of %lld conversation ended without a step or a stop",
					 "%lld of %lld conversations ended without a step or a stop", n),
			       (long long)c->nones, (long long)c->conversations));
	stat_card(r, "", T("Step follow-through"), ui_percent_text(r, f->follow_through),
		  arena_printf(r->a, trn(r->lang, "kept by the agreed date: %lld of %lld step due in the period",
					 "kept by the agreed date: %lld of %lld steps due in the period",
					 (long)c->steps_due),
			       (long long)c->steps_kept_on_time, (long long)c->steps_due));
	double md = f->median_days_between_steps;
	stat_card(r, "", T("Median days between steps"), ui_decimal_text(r, md, isfinite(md) && md != floor(md) ? 1 : 0),
		  arena_printf(r->a, trn(r->lang, "over %zu interval between two steps agreed on the same deal",
					 "over %zu intervals between two steps agreed on the same deal", (long)ngaps),
			       ngaps));
	stat_card(r, "", T("Win rate when steps never broke"), ui_percent_text(r, f->win_unbroken),
		  arena_printf(r->a, trn(r->lang, "%lld won of %lld closed deal without a slipped or missed step or a "
					 "conversation without commitment", "%lld won of %lld closed deals without a slipped or "
					 "missed step or a conversation without commitment",
					 (long)(c->unbroken_won + c->unbroken_lost)),
			       (long long)c->unbroken_won, (long long)(c->unbroken_won + c->unbroken_lost)));
	stat_card(r, "", T("Win rate of the rest"), ui_percent_text(r, f->win_broken),
		  arena_printf(r->a, trn(r->lang, "%lld won of %lld closed deal with a slipped or missed step or a "
					 "conversation without commitment", "%lld won of %lld closed deals with a slipped or "
					 "missed step or a conversation without commitment",
					 (long)(c->broken_won + c->broken_lost)),
			       (long long)c->broken_won, (long long)(c->broken_won + c->broken_lost)));
	int64_t lost = c->unbroken_lost + c->broken_lost;
	stat_card(r, lost ? " flag-warn" : "", T("Hours spent on deals finally lost"), ui_decimal_text(r, f->hours_on_lost, 1),
		  arena_printf(r->a, trn(r->lang, "%s hours on %lld lost deal — time an earlier stop would have freed",
					 "%s hours on %lld lost deals — time an earlier stop would have freed", (long)lost),
			       ui_decimal_text(r, f->hours_on_lost, 1), (long long)lost));
	html(o, "</div>");
	html_printf(o, "<p class=\"muted fig-basis\">%s</p>",
		    T("Conversations and steps count when they fall in the period; a step is due when its first agreed "
		      "date lies in the period and has passed. Win rates and hours count the deals closed in the "
		      "period, with all their conversations. Hours are conversation minutes divided by 60. "
		      "“–” means there is nothing to count yet."));
}

/* the cards as one table for the download: a row per figure with the
 * counts it is made of (a rate, or a number of days or hours) */
static struct table *figures_table(struct request *r, const struct day_range *p, const struct commitment_counts *c,
				   const struct commitment_figures *f, size_t ngaps)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "step-or-stop-%s-%s", p->from, p->to), 5);
	table_col(t, 0, T("Figure"), CELL_TEXT);
	table_col(t, 1, T("Rate"), CELL_PCT);
	table_col(t, 2, T("Number"), CELL_NUM);
	table_col(t, 3, T("Count"), CELL_INT);
	table_col(t, 4, T("Out of"), CELL_INT);
	struct {
		const char *label;
		int is_rate;
		double v;
		int64_t n, of;
		int has_of;
	} rows[] = {
		{ T("Commitment rate"), 1, f->commitment_rate, c->steps + c->stops, c->conversations, 1 },
		{ T("Stop rate"), 1, f->stop_rate, c->stops, c->conversations, 1 },
		{ T("No-commitment rate"), 1, f->none_rate, c->nones, c->conversations, 1 },
		{ T("Step follow-through"), 1, f->follow_through, c->steps_kept_on_time, c->steps_due, 1 },
		{ T("Median days between steps"), 0, f->median_days_between_steps, (int64_t)ngaps, 0, 0 },
		{ T("Win rate when steps never broke"), 1, f->win_unbroken, c->unbroken_won,
		  c->unbroken_won + c->unbroken_lost, 1 },
		{ T("Win rate of the rest"), 1, f->win_broken, c->broken_won, c->broken_won + c->broken_lost, 1 },
		{ T("Hours spent on deals finally lost"), 0, f->hours_on_lost, c->unbroken_lost + c->broken_lost, 0, 0 },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		size_t row = table_row(t);
		table_text(t, row, 0, rows[i].label);
		if (rows[i].is_rate)
			table_pct(t, row, 1, rows[i].v);	/* NaN, nothing to count: an empty cell */
		else if (isfinite(rows[i].v))
			table_num(t, row, 2, rows[i].v);
		table_int(t, row, 3, rows[i].n);
		if (rows[i].has_of)
			table_int(t, row, 4, rows[i].of);
	}
	return t;
}

void page_figures_commitment(struct request *r)
{
	struct who w;
	/* the figures are aggregates: a rep may name their own team too */
	int got = who_from_query_for(r, &w, WHO_FOR_AGGREGATES);
	if (got < 0)
		return;
	if (!got && who_default(r, &w)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct who_options opt;
	if (who_options_aggregates(r, &opt)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct day_range p;
	ui_day_range(r, 90, &p);
	if (p.e_from || p.e_to) {
		r->status = 400;
		ui_page_begin(r, T("Step or stop"), "figures");
		render_head(r, &w, &opt, &p);
		ui_notice(r, "error", T("The figures cannot be shown for this period. Check the dates marked above."));
		ui_page_end(r);
		return;
	}

	struct figures_scope sc = { w.kind == WHO_REP ? w.id : 0, w.kind == WHO_TEAM ? w.id : 0,
				    w.kind == WHO_LED ? r->me.user_id : 0 };
	struct commitment_counts c;
	struct commitment_figures f;
	double *gaps = NULL;
	size_t ngaps = 0;
	struct month_counts *months = NULL;
	size_t nmonths = 0;
	if (figures_commitment(r->db, r->a, r->me.org_id, &sc, p.from, p.to, ui_today(r), &c, &gaps, &ngaps) ||
	    figures_monthly(r->db, r->a, r->me.org_id, &sc, p.from, p.to, &months, &nmonths)) {
		resp_store_error(r, E_OK);
		return;
	}
	commitment_figures_compute(&c, gaps, ngaps, &f);
	if (export_wanted(r)) {
		export_send(r, figures_table(r, &p, &c, &f, ngaps));
		return;
	}

	ui_page_begin(r, T("Step or stop"), "figures");
	render_head(r, &w, &opt, &p);
	render_cards(r, &c, &f, ngaps);
	ui_export_links(r);
	render_explainer(r);
	render_predictors(r, &c, &f);
	render_trend(r, &p, months, nmonths);
	/* Chart.js only here; app.js draws once it has loaded (both deferred) */
	html(&r->out, "<script src=\"/static/chart.umd.js\" defer></script>");
	ui_page_end(r);
}
