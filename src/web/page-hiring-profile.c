/*
 * page-hiring-profile: "what predicts top performance here" (issue 11).
 *
 *   GET /recruiting/hiring-profile   managers and admins
 *        (access_hiring_profile): per trait of the organisation, n (current
 *        reps with both a manager score and an attainment), Pearson's r of
 *        score with attainment, the mean score of the superstars and of the
 *        rest, a plain warning when n < 10 and no r at all when n < 3 or a
 *        variance is 0; ordered by |r|, a bar chart of r (inline SVG, n in
 *        each label); ?format=csv|xlsx downloads the table. Aggregate only:
 *        no rep's own score or attainment is on the page.
 *
 * The sentence under the title says exactly what was computed
 * (service/hiring-profile.h). To anyone else every route is a 404.
 *
 * Also here: the hook the candidate page calls (one line in its header,
 * hiring_candidate_links) with the links to this page and to the hire page.
 */
#include "pages.h"
#include "ui.h"
#include "export.h"
#include "hireui.h"
#include "../domain/hiring-profile.h"
#include "../service/hiring-profile.h"
#include "../store/recruit.h"
#include "../lib/table.h"
#include <math.h>
#include <string.h>

/* "0.42", or "–" with the reason */
static const char *r_text(struct request *r, const struct hp_trait *t)
{
	return isnan(t->r) ? "–" : ui_decimal_text(r, t->r, 2);
}

static const char *mean_text(struct request *r, double v, size_t n)
{
	if (isnan(v))
		return "–";
	return arena_printf(r->a, "%s (n = %zu)", ui_decimal_text(r, v, 1), n);
}

/* why a trait has no r, or the warning for a small n; NULL when none */
const char *hiring_profile_warning(struct request *r, const struct hp_trait *t)
{
	if (t->n < HP_MIN_N)
		return arena_printf(r->a, T("Too few reps for a correlation: n = %zu (at least %d needed)."), t->n,
				    HP_MIN_N);
	if (isnan(t->r))
		return T("No correlation: the scores or the attainments of these reps are all the same.");
	if (t->too_few)
		return arena_printf(r->a, T("Too few reps to trust: n = %zu."), t->n);
	return NULL;
}

const char *hiring_profile_sentence(struct request *r, const struct hiring_profile *p)
{
	return arena_printf(r->a,
			    T("Computed from your organisation's own data: for each trait, the score of each current rep "
			      "in their latest manager assessment submitted since %s (the mean of the sub-skills where "
			      "scored per sub-skill; first assessments from interviews left out), paired with the rep's "
			      "attainment from %s to %s (the results of the months with a target over the sum of those "
			      "targets). n counts the reps with both; r is Pearson's correlation of score with "
			      "attainment over those n reps (none below %d or when all scores or all attainments are "
			      "equal); superstars are those at or above the superstar threshold of the tiers over the "
			      "same months."),
			    ui_date_text(r, p->since), ui_date_text(r, p->first.start), ui_date_text(r, p->last.end),
			    HP_MIN_N);
}

static void bar_chart(struct request *r, const struct hiring_profile *p)
{
	struct strbuf *o = &r->out;
	size_t nt = p->traits.n;
	const int w = 360, row = 34, left = 8, right = 8, top = 18;
	int h = top + (int)nt * row + 8;
	double mid = left + (w - left - right) / 2.0, half = (w - left - right) / 2.0;
	html_printf(o, "<figure class=\"hp-chart\"><svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" "
		    "style=\"width:100%%;max-width:36rem;height:auto\">", w, h,
		    T("Bar chart: the correlation r of each trait's score with attainment, from -1 to 1, with the "
		      "number of reps n. The same numbers are in the table below."));
	html_printf(o, "<text x=\"%d\" y=\"12\" font-size=\"10\">-1</text><text x=\"%.1f\" y=\"12\" font-size=\"10\" "
		    "text-anchor=\"middle\">0</text><text x=\"%d\" y=\"12\" font-size=\"10\" text-anchor=\"end\">1</text>",
		    left, mid, w - right);
	html_printf(o, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"currentColor\" stroke-width=\"1\"/>", mid,
		    mid, top - 2, h - 4);
	for (size_t k = 0; k < nt; k++) {
		const struct hp_trait *t = &p->res[p->order[k]];
		const char *name = p->traits.items[p->order[k]].name;
		int y = top + (int)k * row;
		const char *label = isnan(t->r) ? arena_printf(r->a, T("%s (n = %zu): no r"), name, t->n)
						: arena_printf(r->a, T("%s (n = %zu): r = %s"), name, t->n, r_text(r, t));
		html_printf(o, "<g data-trait=\"%lld\"><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
			    (long long)p->traits.items[p->order[k]].id, left, y + 11, label);
		if (!isnan(t->r)) {
			double len = fabs(t->r) * half, x = t->r < 0 ? mid - len : mid;
			html_printf(o, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%-s\"%-s/>", x, y + 15,
				    len < 1 ? 1 : len, t->r < 0 ? "#c0392b" : "#2e7d32",
				    t->too_few ? " fill-opacity=\"0.45\"" : "");
		}
		html(o, "</g>");
	}
	html_printf(o, "</svg><figcaption class=\"muted small\">%s</figcaption></figure>",
		    T("Green: a higher score goes with higher attainment here; red: with lower. Pale bars rest on fewer "
		      "than 10 reps."));
}

static struct table *export_table(struct request *r, const struct hiring_profile *p)
{
	struct table *t = table_new(r->a, "hiring-profile", 8);
	table_col(t, 0, T("Trait"), CELL_TEXT);
	table_col(t, 1, T("n"), CELL_INT);
	table_col(t, 2, T("r"), CELL_NUM);
	table_col(t, 3, T("Superstars' mean score"), CELL_NUM);
	table_col(t, 4, T("Superstars"), CELL_INT);
	table_col(t, 5, T("The rest's mean score"), CELL_NUM);
	table_col(t, 6, T("The rest"), CELL_INT);
	table_col(t, 7, T("Warning"), CELL_TEXT);
	for (size_t k = 0; k < p->traits.n; k++) {
		const struct hp_trait *x = &p->res[p->order[k]];
		size_t row = table_row(t);
		const char *w = hiring_profile_warning(r, x);
		table_text(t, row, 0, p->traits.items[p->order[k]].name);
		table_int(t, row, 1, (int64_t)x->n);
		table_num(t, row, 2, x->r);
		table_num(t, row, 3, x->mean_star);
		table_int(t, row, 4, (int64_t)x->n_star);
		table_num(t, row, 5, x->mean_rest);
		table_int(t, row, 6, (int64_t)x->n_rest);
		table_text(t, row, 7, w ? w : "");
	}
	return t;
}

static void trait_table(struct request *r, const struct hiring_profile *p)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"table-wrap\"><table class=\"hp-traits\"><thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"num\">n</th><th scope=\"col\" class=\"num\">r</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th>"
		    "</tr></thead><tbody>", T("Trait"), T("Superstars' mean score"), T("The rest's mean score"), T("Warning"));
	for (size_t k = 0; k < p->traits.n; k++) {
		const struct hp_trait *t = &p->res[p->order[k]];
		const char *w = hiring_profile_warning(r, t);
		html_printf(o, "<tr data-trait=\"%lld\"><th scope=\"row\">%s</th><td class=\"num\" data-n>%zu</td>"
			    "<td class=\"num\" data-r>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td>",
			    (long long)p->traits.items[p->order[k]].id, p->traits.items[p->order[k]].name, t->n, r_text(r, t),
			    mean_text(r, t->mean_star, t->n_star), mean_text(r, t->mean_rest, t->n_rest));
		if (w)
			html_printf(o, "<span class=\"tag flag-warn\" data-warning>%s</span>", w);
		html(o, "</td></tr>");
	}
	html(o, "</tbody></table></div>");
}

void page_hiring_profile(struct request *r)
{
	if (!access_hiring_profile(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	struct hiring_profile p;
	enum err e = hiring_profile_load(r->db, r->a, r->me.org_id, ui_today(r), r->lang, &p);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (export_wanted(r)) {
		export_send(r, export_table(r, &p));
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("What predicts top performance here"), "recruiting");
	html_printf(o, "<div class=\"page-head rec-head\"><div><p class=\"eyebrow\"><a href=\"/recruiting\">%s</a></p>"
		    "<h1>%s</h1></div></div>", T("Recruiting"), T("What predicts top performance here"));
	html_printf(o, "<section class=\"card\" id=\"what\"><p id=\"hp-rule\">%s</p>", hiring_profile_sentence(r, &p));
	html_printf(o, "<p class=\"muted\" id=\"hp-counts\">%s</p>",
		    arena_printf(r->a, T("Reps with a manager assessment in the window: %zu. Reps with a target in the 12 "
					 "months: %zu, of whom superstars: %zu."),
				 p.reps_scored, p.reps_with_target, p.superstars));
	html_printf(o, "<p class=\"muted small\">%s</p></section>",
		    T("A correlation is not a cause, and a small team gives unsteady numbers: read this as a hint of "
		      "what to probe for in interviews, beside the five traits every top seller needs."));
	if (!p.traits.n) {
		html_printf(o, "<section class=\"card empty\"><p>%s</p></section>", T("The organisation has no traits yet."));
		ui_page_end(r);
		return;
	}
	size_t trusted = 0;
	for (size_t i = 0; i < p.traits.n; i++)
		trusted += !p.res[i].too_few && !isnan(p.res[i].r);
	if (!trusted)
		ui_notice(r, "info", T("No trait rests on 10 reps or more with a correlation: none of these numbers is "
				       "steady enough to trust yet."));
	html_printf(o, "<section class=\"card\" id=\"chart\"><h2>%s</h2>", T("Correlation with attainment"));
	bar_chart(r, &p);
	html(o, "</section>");
	html_printf(o, "<section class=\"card\" id=\"traits\"><h2>%s</h2>", T("Per trait"));
	trait_table(r, &p);
	ui_export_links(r);
	html_printf(o, "<p class=\"muted small\">%s</p></section>",
		    T("A candidate's page reads their interview scores against this: the traits with a positive r are "
		      "the ones that matter here, weighted by r."));
	ui_page_end(r);
}

void hiring_candidate_links(struct request *r, const struct candidate *c, int whole)
{
	struct strbuf *o = &r->out;
	if (!access_hiring_profile(&r->viewer, r->me.org_id))
		return;
	html_printf(o, "<p class=\"hp-links\"><a href=\"/recruiting/hiring-profile\">%s</a>",
		    T("What predicts top performance here"));
	if (whole)
		html_printf(o, " · <a href=\"/recruiting/candidates/%lld/hire\" data-hire>%s</a>", (long long)c->id,
			    c->vacancy_id ? T("Hire, or back into the pool") : T("Hire"));
	html(o, "</p>");
}
