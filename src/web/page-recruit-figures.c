/*
 * page-recruit-figures: the recruiting figures (issue 11, "Figures").
 *
 *   GET /recruiting/figures[?vacancy=ID]   over the last 12 months, for
 *       every vacancy the caller sees or the one chosen: candidates per
 *       stage (a funnel, inline SVG) with the conversion between
 *       consecutive stages, per vacancy the candidates and hires, time to
 *       hire (median and mean days, n), stop reasons, the sources that
 *       produce hires, and the warm pool (pool candidates with a
 *       conversation in the last 90 days). Each table downloads as CSV or
 *       Excel: ?table=funnel|vacancies|sources|stops|hires&format=csv|xlsx.
 *
 * Rights: access_recruiting_pool (managers: the pool and their teams'
 * vacancies; admins: all); anyone else 404. A vacancy the caller does not
 * run: 404.
 */
#include "pages.h"
#include "ui.h"
#include "export.h"
#include "recruitfigs.h"
#include "../domain/recruit.h"
#include "../store/recruit.h"
#include "../lib/table.h"
#include <math.h>
#include <string.h>

static struct table *funnel_table(struct request *r, const struct recruit_figs *f)
{
	struct table *t = table_new(r->a, "recruiting-funnel", 4);
	table_col(t, 0, T("Stage"), CELL_TEXT);
	table_col(t, 1, T("Candidates at this stage now"), CELL_INT);
	table_col(t, 2, T("Reached this stage"), CELL_INT);
	table_col(t, 3, T("Of them, reached the next stage"), CELL_PCT);
	for (size_t i = 0; i < f->nfunnel; i++) {
		size_t row = table_row(t);
		table_text(t, row, 0, f->funnel[i].name);
		table_int(t, row, 1, f->funnel[i].at);
		table_int(t, row, 2, f->reached[i]);
		if (i + 1 < f->nfunnel)
			table_pct(t, row, 3, f->conversion[i]);
	}
	size_t row = table_row(t);
	table_text(t, row, 0, T("Declined (at a declined stage)"));
	table_int(t, row, 1, f->declined);
	return t;
}

static struct table *vacancies_table(struct request *r, const struct recruit_figs *f)
{
	struct table *t = table_new(r->a, "recruiting-vacancies", 5);
	table_col(t, 0, T("Vacancy"), CELL_TEXT);
	table_col(t, 1, T("Status"), CELL_TEXT);
	table_col(t, 2, T("Candidates added"), CELL_INT);
	table_col(t, 3, T("Hired"), CELL_INT);
	table_col(t, 4, T("Hired of added"), CELL_PCT);
	for (size_t i = 0; i < f->nvacancies; i++) {
		size_t row = table_row(t);
		table_text(t, row, 0, f->vacancies[i].title);
		table_text(t, row, 1, T(vacancy_status_label(f->vacancies[i].status)));
		table_int(t, row, 2, f->vacancies[i].candidates);
		table_int(t, row, 3, f->vacancies[i].hired);
		table_pct(t, row, 4, recruit_rate(f->vacancies[i].hired, f->vacancies[i].candidates));
	}
	return t;
}

static struct table *sources_table(struct request *r, const struct recruit_figs *f)
{
	struct table *t = table_new(r->a, "recruiting-sources", 4);
	table_col(t, 0, T("Source"), CELL_TEXT);
	table_col(t, 1, T("Candidates added"), CELL_INT);
	table_col(t, 2, T("Hired"), CELL_INT);
	table_col(t, 3, T("Hired of added"), CELL_PCT);
	for (size_t i = 0; i < f->nsources; i++) {
		size_t row = table_row(t);
		table_text(t, row, 0, T(recruit_source_label(f->sources[i].code)));
		table_int(t, row, 1, f->sources[i].count);
		table_int(t, row, 2, f->sources[i].hired);
		table_pct(t, row, 3, recruit_rate(f->sources[i].hired, f->sources[i].count));
	}
	return t;
}

static struct table *stops_table(struct request *r, const struct recruit_figs *f)
{
	struct table *t = table_new(r->a, "recruiting-stop-reasons", 2);
	table_col(t, 0, T("Stop reason"), CELL_TEXT);
	table_col(t, 1, T("Conversations that ended in it"), CELL_INT);
	for (size_t i = 0; i < f->nstops; i++) {
		size_t row = table_row(t);
		table_text(t, row, 0, T(recruit_stop_label(f->stops[i].code)));
		table_int(t, row, 1, f->stops[i].count);
	}
	return t;
}

static struct table *hires_table(struct request *r, const struct recruit_figs *f)
{
	struct table *t = table_new(r->a, "recruiting-hires", 3);
	table_col(t, 0, T("Candidate added on"), CELL_DATE);
	table_col(t, 1, T("Hired on"), CELL_DATE);
	table_col(t, 2, T("Days to hire"), CELL_INT);
	for (size_t i = 0; i < f->nhires; i++) {
		size_t row = table_row(t);
		table_date(t, row, 0, f->hires[i].created_on);
		table_date(t, row, 1, f->hires[i].hired_on);
		table_int(t, row, 2, f->hire_days[i]);
	}
	return t;
}

/* the links to one table's download, the vacancy kept */
static void downloads(struct request *r, const struct recruit_figs *f, const char *table)
{
	const char *v = f->vacancy_id ? arena_printf(r->a, "&vacancy=%lld", (long long)f->vacancy_id) : "";
	html_printf(&r->out, "<p class=\"muted small export-links\">%s <a href=\"/recruiting/figures?table=%s&amp;format=csv%s\">CSV</a>"
		    " · <a href=\"/recruiting/figures?table=%s&amp;format=xlsx%s\">Excel</a></p>",
		    T("Download:"), table, v, table, v);
}

/* the funnel as horizontal bars, each as long as its "reached" against the first */
static void funnel_svg(struct request *r, const struct recruit_figs *f)
{
	struct strbuf *o = &r->out;
	if (!f->nfunnel)
		return;
	int w = 360, row = 34, h = (int)f->nfunnel * row + 4;
	int64_t top = f->reached[0] ? f->reached[0] : 1;
	html_printf(o, "<figure class=\"rec-funnel\" id=\"funnel-chart\"><svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
		    "aria-label=\"%s\">", w, h, T("Candidates who reached each stage"));
	for (size_t i = 0; i < f->nfunnel; i++) {
		double len = (double)(w - 8) * (double)f->reached[i] / (double)top;
		double x = (w - len) / 2;
		int y = (int)i * row + 2;
		html_printf(o, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"#4c8c5a\" opacity=\"%.2f\"/>",
			    x, y, len < 1 ? 1 : len, row - 6, 1.0 - 0.1 * (double)(i % 5));
		const char *label = arena_printf(r->a, "%s: %lld", f->funnel[i].name, (long long)f->reached[i]);
		if (i > 0 && !isnan(f->conversion[i - 1]))
			label = arena_printf(r->a, "%s (%s)", label, ui_percent_text(r, f->conversion[i - 1]));
		html_printf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"#111\">%s</text>",
			    w / 2, y + row / 2 + 1, label);
	}
	html_printf(o, "</svg><figcaption class=\"muted small\">%s</figcaption></figure>",
		    T("Bar length: candidates who reached the stage; in brackets, the share of the stage before that reached it."));
}

void page_recruit_figures(struct request *r)
{
	if (!access_recruiting_pool(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	int64_t vid = req_id_field(req_query(r, "vacancy"));
	if (vid < 0)
		vid = 0;
	struct recruit_figs f;
	enum err e = recruit_figs_load(r, vid, &f);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such vacancy."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (export_wanted(r)) {
		const char *which = req_query(r, "table");
		struct table *t = NULL;
		if (which && !strcmp(which, "funnel"))
			t = funnel_table(r, &f);
		else if (which && !strcmp(which, "vacancies"))
			t = vacancies_table(r, &f);
		else if (which && !strcmp(which, "sources"))
			t = sources_table(r, &f);
		else if (which && !strcmp(which, "stops"))
			t = stops_table(r, &f);
		else if (which && !strcmp(which, "hires"))
			t = hires_table(r, &f);
		if (!t) {
			resp_error(r, E_INVALID, T("Choose a table: funnel, vacancies, sources, stops or hires."));
			return;
		}
		export_send(r, t);
		return;
	}
	struct vacancy *vs;
	size_t nv;
	if ((e = vacancy_list(r->db, r->a, r->me.org_id, r->viewer.role == ROLE_ADMIN, r->me.user_id, &vs, &nv))) {
		resp_store_error(r, e);
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Recruiting figures"), "recruiting");
	html_printf(o, "<div class=\"page-head rec-head\"><div><p class=\"eyebrow\"><a href=\"/recruiting\">%s</a></p><h1>%s</h1>"
		    "</div></div>", T("Recruiting"), T("Recruiting figures"));
	html(o, "<form method=\"get\" action=\"/recruiting/figures\" class=\"filters\">");
	html_printf(o, "<label>%s <select name=\"vacancy\"><option value=\"\">%s</option>", T("Vacancy"),
		    T("Every vacancy you see"));
	for (size_t i = 0; i < nv; i++)
		html_printf(o, "<option value=\"%lld\"%-s>%s</option>", (long long)vs[i].id,
			    vs[i].id == vid ? " selected" : "", vs[i].title);
	html_printf(o, "</select></label> <button class=\"button\" type=\"submit\">%s</button></form>", T("Show"));
	html_printf(o, "<p class=\"muted\" id=\"figures-period\">%s</p>",
		    arena_printf(r->a, T("Candidates added, hires made and stops logged from %s to %s (the last 12 months)."),
				 ui_date_text(r, f.since), ui_date_text(r, f.today)));

	html_printf(o, "<section class=\"card\" id=\"funnel\"><h2>%s</h2>", T("Candidates per stage"));
	funnel_svg(r, &f);
	ui_table(r, funnel_table(r, &f), NULL);
	html_printf(o, "<p class=\"muted small\">%s</p>",
		    T("Only each candidate's current stage is stored, not the stages they passed: a candidate counts as "
		      "having reached every stage up to their current one; a declined candidate counts at the first "
		      "stage only. The conversion is those who reached the next stage out of those who reached this one."));
	downloads(r, &f, "funnel");
	html(o, "</section>");

	html_printf(o, "<section class=\"card\" id=\"time-to-hire\"><h2>%s</h2>", T("Time to hire"));
	if (f.tth.n)
		html_printf(o, "<p><strong>%s</strong></p>",
			    arena_printf(r->a, T("Median %s days, mean %s days, over %zu hires."),
					 ui_decimal_text(r, f.tth.median, 1), ui_decimal_text(r, f.tth.mean, 1), f.tth.n));
	else
		html_printf(o, "<p>%s</p>", T("No hires in this period."));
	html_printf(o, "<p class=\"muted small\">%s</p>",
		    T("Days from the day the candidate was added to the day they were hired."));
	downloads(r, &f, "hires");
	html(o, "</section>");

	html_printf(o, "<section class=\"card\" id=\"vacancies\"><h2>%s</h2>", T("Per vacancy"));
	ui_table(r, vacancies_table(r, &f), NULL);
	downloads(r, &f, "vacancies");
	html(o, "</section>");

	html_printf(o, "<section class=\"card\" id=\"sources\"><h2>%s</h2>", T("Sources that produce hires"));
	ui_table(r, sources_table(r, &f), NULL);
	html_printf(o, "<p class=\"muted small\">%s</p>",
		    T("Every candidate added in the period, the pool included; hired: a hire recorded, or at a hired stage."));
	downloads(r, &f, "sources");
	html(o, "</section>");

	html_printf(o, "<section class=\"card\" id=\"stops\"><h2>%s</h2>", T("Stop reasons"));
	ui_table(r, stops_table(r, &f), NULL);
	downloads(r, &f, "stops");
	html(o, "</section>");

	html_printf(o, "<section class=\"card\" id=\"warm-pool\"><h2>%s</h2><p><strong>%s</strong></p></section>",
		    T("Warm pool"),
		    arena_printf(r->a, T("%lld candidates in the pool (no vacancy) had a conversation since %s (the last %d days)."),
				 (long long)f.warm, ui_date_text(r, f.warm_since), RECRUIT_FIG_WARM_DAYS));
	ui_page_end(r);
}
