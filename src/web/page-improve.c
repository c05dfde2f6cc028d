/*
 * page-improve: underperformers — a plan and a decision (issue 10, "no
 * muddling on"). The article: how a manager handles underperformers
 * defines them — find out WHY, with empathy, but never muddle on with a
 * mediocre seller.
 *
 *   GET /improvement-plans           a manager's: what needs them now (the
 *                                    warnings), the underperformers by the
 *                                    tiers, the plans running, and the
 *                                    history per team (n improved of m
 *                                    decided, by decision, a small chart,
 *                                    CSV/Excel); a rep's: their own plans
 *   GET/POST /improvement-plans/new?rep=ID   flag a rep, or start a plan
 *   GET /improvement-plans/:id       one plan: diagnosis (the manager's),
 *                                    expectations with progress, support,
 *                                    reviews, the decision
 *   POST /improvement-plans/:id      diagnosis and days
 *   POST /improvement-plans/:id/items            an expectation, support, a review date
 *   POST /improvement-plans/:id/items/:id        a review's outcome
 *   POST /improvement-plans/:id/decide           the decision
 *
 * Rights are access.c's through web/load.c: the rep and whoever leads the
 * rep's team see a plan (the rep not while it is only a flag); the manager
 * writes it; the diagnosis, its notes and the decision note are never
 * written into anything the rep receives. The rules for what is typed are
 * domain/improve.c's, the same as the API's.
 *
 * Also here: the manager's "needs you now" items on the home page and the
 * plan on the rep page.
 */
#include "pages.h"
#include "ui.h"
#include "load.h"
#include "export.h"
#include "improveui.h"
#include "plansui.h"
#include "../service/improve-needs.h"
#include "../store/improve.h"
#include "../store/users.h"
#include "../store/numbers.h"
#include "../domain/improve.h"
#include "../domain/plans.h"
#include "../domain/learning.h"
#include "../lib/fmt.h"
#include "../lib/table.h"
#include "../lib/util.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_SIZE 50
#define EXPORT_LIMIT 5000
#define NEEDS_MAX 50

static const char *date_or_dash(struct request *r, const char *d)
{
	return d && *d ? ui_date_text(r, d) : "–";
}

/* a figure of an expectation: a percentage, or a count for learning */
static const char *fig_text(struct request *r, const char *metric, double f)
{
	if (isnan(f))
		return "–";
	if (!goal_metric_counts(metric))
		return ui_percent_text(r, f);
	return ui_decimal_text(r, f, f == floor(f) ? 0 : 1);
}

static const char *need_text(struct request *r, const char *kind)
{
	if (!strcmp(kind, "no_plan"))
		return T("Flagged two weeks ago or more, and still no plan");
	if (!strcmp(kind, "review"))
		return T("A review date has passed without an outcome noted");
	return T("Underperforming for two periods without a decision");
}

/* the rules of the warnings, as domain/improve.h states them */
static void warning_rules(struct request *r)
{
	html_printf(&r->out, "<details class=\"muted fig-basis\"><summary>%s</summary><ul><li>%s</li><li>%s</li><li>%s</li>"
		    "</ul></details>", T("When Salesgarden warns"),
		    T("No plan: a rep was flagged 14 days ago or more and has no plan yet."),
		    T("Review: a review date has passed without an outcome, or the plan's last day has passed without a decision."),
		    T("No decision: the tiers put the rep below the underperformer line in two completed quarters in a row, "
		      "or the quarter after the one of the flag has ended, and nothing is decided."));
}

static void render_needs(struct request *r, const struct improve_need *items, size_t n, const char *id)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<ul class=\"improve-needs\" id=\"%s\">", id);
	for (size_t i = 0; i < n; i++)
		html_printf(o, "<li class=\"need need-%s\"><span class=\"tag flag-%s\">%s</span> <a href=\"%s\">%s</a> "
			    "<span class=\"muted\">%s</span></li>", items[i].kind, items[i].urgency >= 3 ? "bad" : "warn",
			    need_text(r, items[i].kind), items[i].link, items[i].rep_name,
			    arena_printf(r->a, T("since %s"), ui_date_text(r, items[i].since)));
	html(o, "</ul>");
}

/* ------------------------------------------------------------------ list */

static const char *status_text(struct request *r, const struct improve_plan *p)
{
	if (!strcmp(p->status, "closed"))
		return arena_printf(r->a, T("Decided: %s"), T(improve_outcome_label(p->decision)));
	if (*p->extended_on)
		return T("Plan running, extended once");
	return T(improve_status_label(p->status));
}

static struct table *plans_table(struct request *r, const struct improve_plan *l, size_t n, int with_diagnosis)
{
	struct table *t = table_new(r->a, "improvement-plans", with_diagnosis ? 11 : 9);
	table_col(t, 0, T("Rep"), CELL_TEXT);
	table_col(t, 1, T("Team"), CELL_TEXT);
	table_col(t, 2, T("Flagged on"), CELL_DATE);
	table_col(t, 3, T("How"), CELL_TEXT);
	table_col(t, 4, T("Status"), CELL_TEXT);
	table_col(t, 5, T("From"), CELL_DATE);
	table_col(t, 6, T("To"), CELL_DATE);
	table_col(t, 7, T("Extended on"), CELL_DATE);
	table_col(t, 8, T("Decided on"), CELL_DATE);
	if (with_diagnosis) {
		table_col(t, 9, T("Diagnosis"), CELL_TEXT);
		table_col(t, 10, T("Diagnosis notes"), CELL_TEXT);
	}
	for (size_t i = 0; i < n; i++) {
		const struct improve_plan *p = &l[i];
		size_t row = table_row(t);
		table_text(t, row, 0, p->rep_name);
		table_text(t, row, 1, p->team_name);
		table_date(t, row, 2, p->flagged_on);
		table_text(t, row, 3, !strcmp(p->source, "tiers") ? arena_printf(r->a, T("Tiers, %s"), p->period_label)
								  : T("Flagged by the manager"));
		table_text(t, row, 4, status_text(r, p));
		if (*p->plan_start)
			table_date(t, row, 5, p->plan_start);
		if (*p->plan_end)
			table_date(t, row, 6, p->plan_end);
		if (*p->extended_on)
			table_date(t, row, 7, p->extended_on);
		if (*p->decided_on)
			table_date(t, row, 8, p->decided_on);
		if (with_diagnosis) {
			table_text(t, row, 9, *p->diagnosis ? T(improve_diagnosis_label(p->diagnosis)) : "");
			table_text(t, row, 10, p->diagnosis_notes);
		}
	}
	return t;
}

/* the history per team: one row per team and one for all */
struct team_history {
	const char *team;
	struct improve_history h;
};

static size_t history_of(struct request *r, const struct improve_plan *l, size_t n, struct team_history **out)
{
	struct team_history *t = arena_alloc(r->a, (n + 2) * sizeof(*t));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(l[i].status, "closed"))
			continue;
		size_t j = 0;
		while (j < k && strcmp(t[j].team, l[i].team_name))
			j++;
		if (j == k) {
			memset(&t[k], 0, sizeof(t[k]));
			t[k++].team = l[i].team_name;
		}
		improve_history_add(&t[j].h, l[i].decision, *l[i].extended_on != 0);
	}
	*out = t;
	return k;
}

static struct table *history_table(struct request *r, const struct team_history *t, size_t n)
{
	struct table *x = table_new(r->a, "improvement-history", 7);
	table_col(x, 0, T("Team"), CELL_TEXT);
	table_col(x, 1, T("Decided"), CELL_INT);
	table_col(x, 2, T("Improved"), CELL_INT);
	table_col(x, 3, T("Another role"), CELL_INT);
	table_col(x, 4, T("Parting ways"), CELL_INT);
	table_col(x, 5, T("Share improved"), CELL_PCT);
	table_col(x, 6, T("Extended once first"), CELL_INT);
	for (size_t i = 0; i < n; i++) {
		size_t row = table_row(x);
		table_text(x, row, 0, *t[i].team ? t[i].team : T("In no team"));
		table_int(x, row, 1, (int64_t)t[i].h.decided);
		table_int(x, row, 2, (int64_t)t[i].h.improved);
		table_int(x, row, 3, (int64_t)t[i].h.another_role);
		table_int(x, row, 4, (int64_t)t[i].h.parting);
		if (t[i].h.decided)
			table_pct(x, row, 5, (double)t[i].h.improved / (double)t[i].h.decided);
		table_int(x, row, 6, (int64_t)t[i].h.extended);
	}
	return x;
}

/* bars of the decisions per team, widths in % of the team's decided plans */
static void history_chart(struct request *r, const struct team_history *t, size_t n)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"improve-chart\" role=\"img\" aria-label=\"%s\">", T("Outcomes of decided plans per team"));
	for (size_t i = 0; i < n; i++) {
		const struct improve_history *h = &t[i].h;
		if (!h->decided)
			continue;
		/* an SVG, not inline styles: the page's CSP allows no style attributes */
		html_printf(o, "<div class=\"improve-bar-row\"><span class=\"improve-bar-label\">%s</span>"
			    "<svg class=\"improve-bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\">",
			    *t[i].team ? t[i].team : T("In no team"));
		size_t parts[3] = { h->improved, h->another_role, h->parting };
		const char *cls[3] = { "improved", "another_role", "parting" };
		double x = 0;
		for (int k = 0; k < 3; k++)
			if (parts[k]) {
				double w = 100.0 * (double)parts[k] / (double)h->decided;
				html_printf(o, "<rect class=\"seg-%s\" x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"10\"><title>%s: %zu</title></rect>",
					    cls[k], x, w, T(improve_outcome_label(cls[k])), parts[k]);
				x += w;
			}
		html_printf(o, "</svg><span class=\"improve-bar-text\">%s</span></div>",
			    arena_printf(r->a, T("%zu improved of %zu decided"), h->improved, h->decided));
	}
	html_printf(o, "<p class=\"improve-legend muted\"><span class=\"improve-seg seg-improved\"></span> %s "
		    "<span class=\"improve-seg seg-another_role\"></span> %s <span class=\"improve-seg seg-parting\"></span> %s</p>",
		    T("Improved"), T("Another role"), T("Parting ways"));
	html(o, "</div>");
}

static void render_plans_rows(struct request *r, const struct improve_plan *l, size_t n, const char *today,
			      int fiscal, const struct improve_under *under, size_t nunder)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"table-wrap\"><table class=\"improve-plans\"><thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "</tr></thead><tbody>", T("Rep"), T("Status"), T("Flagged on"), T("Plan"), T("Warnings"));
	for (size_t i = 0; i < n; i++) {
		const struct improve_plan *p = &l[i];
		int run = 0;
		for (size_t j = 0; j < nunder; j++)
			if (under[j].rep_id == p->rep_id)
				run = under[j].run;
		unsigned w = improve_plan_warnings(p, run, today, fiscal, NULL);
		html_printf(o, "<tr><td data-label=\"%s\"><a href=\"/improvement-plans/%lld\">%s</a></td>"
			    "<td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s – %s</td>"
			    "<td data-label=\"%s\">", T("Rep"), (long long)p->id, p->rep_name, T("Status"), status_text(r, p),
			    T("Flagged on"), ui_date_text(r, p->flagged_on), T("Plan"), date_or_dash(r, p->plan_start),
			    date_or_dash(r, p->plan_end), T("Warnings"));
		if (w & IW_NO_DECISION)
			html_printf(o, "<span class=\"tag flag-bad\">%s</span> ", T("No decision"));
		if (w & IW_REVIEW)
			html_printf(o, "<span class=\"tag flag-warn\">%s</span> ", T("Review passed"));
		if (w & IW_NO_PLAN)
			html_printf(o, "<span class=\"tag flag-warn\">%s</span> ", T("No plan"));
		html(o, "</td></tr>");
	}
	html(o, "</tbody></table></div>");
}

static void page_list_rep(struct request *r)
{
	struct improve_scope s = { r->me.user_id, 0, 1, NULL };
	struct improve_plan *l;
	size_t n;
	int64_t total;
	const char *format = export_wanted(r);
	enum err e = improve_list(r->db, r->a, r->me.org_id, &s, format ? EXPORT_LIMIT : PAGE_SIZE, 0, &l, &n, &total);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (format) {
		export_send(r, plans_table(r, l, n, 0));
		return;
	}
	ui_page_begin(r, T("Improvement plans"), "improve");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s</p>"
		    "</div></div>", T("Grow"), T("Improvement plans"),
		    T("Your improvement plans: what is expected of you, how far you are, and the support you get."));
	html(o, "<section class=\"card\">");
	if (!n)
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("You have no improvement plan."));
	else {
		html(o, "<ul class=\"improve-own\">");
		for (size_t i = 0; i < n; i++)
			html_printf(o, "<li><a href=\"/improvement-plans/%lld\">%s – %s</a> <span class=\"tag\">%s</span></li>",
				    (long long)l[i].id, date_or_dash(r, l[i].plan_start), date_or_dash(r, l[i].plan_end),
				    status_text(r, &l[i]));
		html(o, "</ul>");
		ui_export_links(r);
	}
	html(o, "</section>");
	ui_page_end(r);
}

void page_improve_list(struct request *r)
{
	if (!r->viewer.nled) {
		page_list_rep(r);
		return;
	}
	const char *today = ui_today(r);
	struct improve_scope s = { 0, r->me.user_id, 0, NULL };
	struct improve_plan *l;
	size_t n;
	int64_t total;
	enum err e = improve_list(r->db, r->a, r->me.org_id, &s, EXPORT_LIMIT, 0, &l, &n, &total);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct team_history *hist;
	size_t nhist = history_of(r, l, n, &hist);
	const char *format = export_wanted(r);
	const char *which = req_query(r, "table");
	if (format) {
		export_send(r, which && !strcmp(which, "history") ? history_table(r, hist, nhist) : plans_table(r, l, n, 1));
		return;
	}
	struct improve_under *under;
	size_t nunder;
	struct period last;
	struct improve_need *needs;
	size_t nneeds;
	struct user_list reps = { 0 };
	if ((e = improve_underperformers(r->db, r->a, r->me.org_id, r->me.user_id, today, &under, &nunder, &last)) ||
	    (e = improve_needs(r->db, r->a, r->me.org_id, r->me.user_id, today, NEEDS_MAX, &needs, &nneeds)) ||
	    (e = user_list_teams(r->db, r->a, r->me.org_id, r->viewer.led_teams, r->viewer.nled, 0, &reps))) {
		resp_store_error(r, e);
		return;
	}
	struct numbers_settings nset;
	settings_numbers(r->db, r->a, r->me.org_id, &nset);
	struct { int fiscal; } ns = { nset.fiscal_start_month };

	ui_page_begin(r, T("Improvement plans"), "improve");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s</p>"
		    "</div></div>", T("Grow"), T("Improvement plans"),
		    T("Underperformers in the teams you lead: find out why, agree a plan, and decide — no muddling on."));

	html_printf(o, "<section class=\"card\" id=\"needs\"><h2>%s</h2>", T("Needs you now"));
	if (!nneeds)
		html_printf(o, "<p class=\"muted\">%s</p>", T("Nothing is overdue: every underperformer has a plan on track."));
	else
		render_needs(r, needs, nneeds, "needs-list");
	warning_rules(r);
	html(o, "</section>");

	html_printf(o, "<section class=\"card\" id=\"underperformers\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("Underperformers by the tiers"),
		    arena_printf(r->a, T("Underperformers in %s, the last completed quarter, by the organisation's tier rules."),
				 last.label));
	if (!nunder)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No rep of yours is an underperformer by the tiers."));
	else {
		html(o, "<ul class=\"improve-under\">");
		for (size_t i = 0; i < nunder; i++) {
			int64_t plan = 0, decided = 0;
			for (size_t j = 0; j < n && !plan; j++)
				if (l[j].rep_id == under[i].rep_id && strcmp(l[j].status, "closed"))
					plan = l[j].id;
				else if (l[j].rep_id == under[i].rep_id && !decided)
					decided = l[j].id;
			html_printf(o, "<li><strong>%s</strong> <span class=\"muted\">%s · %s</span> ", under[i].rep_name,
				    arena_printf(r->a, T("attainment %s"), ui_percent_text(r, under[i].attainment)),
				    arena_printf(r->a, trn(r->lang, "%d quarter in a row below the line",
							   "%d quarters in a row below the line", under[i].run), under[i].run));
			if (decided && !plan)
				html_printf(o, "<a href=\"/improvement-plans/%lld\">%s</a> ", (long long)decided,
					    T("The last plan"));
			if (plan)
				html_printf(o, "<a href=\"/improvement-plans/%lld\">%s</a>", (long long)plan, T("Open the plan"));
			else
				html_printf(o, "<a class=\"button small\" href=\"/improvement-plans/new?rep=%lld&amp;source=tiers&amp;"
					    "period=%s\">%s</a>", (long long)under[i].rep_id, under[i].period_label,
					    T("Start a plan"));
			html(o, "</li>");
		}
		html(o, "</ul>");
	}
	if (reps.n) {
		html_printf(o, "<form class=\"form inline\" method=\"get\" action=\"/improvement-plans/new\" aria-label=\"%s\">",
			    T("Flag a rep"));
		plan_rep_select(r, &reps, T("Flag a rep"));
		html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form>",
			    T("Flag"));
	}
	html(o, "</section>");

	size_t nopen = 0;
	for (size_t i = 0; i < n; i++)
		nopen += strcmp(l[i].status, "closed") != 0;
	html_printf(o, "<section class=\"card\" id=\"running\"><h2>%s</h2>", T("Flags and plans running"));
	if (!nopen)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No flag or plan is running."));
	else
		render_plans_rows(r, l, nopen, today, ns.fiscal, under, nunder);
	ui_export_links(r);
	html(o, "</section>");

	html_printf(o, "<section class=\"card\" id=\"history\"><h2>%s</h2>", T("History: how the plans ended"));
	if (!nhist) {
		html_printf(o, "<p class=\"muted\">%s</p>", T("No plan has been decided yet."));
	} else {
		history_chart(r, hist, nhist);
		ui_table(r, history_table(r, hist, nhist), T("Decided plans per team"));
		html_printf(o, "<p class=\"muted fig-basis\">%s</p>",
			    T("Decided: plans closed with a decision (improved, another role or parting ways). Share improved: "
			      "improved / decided. Extending a plan is not a decision; a plan extended once is counted when it "
			      "is decided."));
		html_printf(o, "<p class=\"export-links muted\">%s <a href=\"/improvement-plans?table=history&amp;format=csv\" "
			    "download>CSV</a> · <a href=\"/improvement-plans?table=history&amp;format=xlsx\" download>%s</a></p>",
			    T("Download:"), T("Excel"));
		if (nopen < n)
			render_plans_rows(r, l + nopen, n - nopen, today, ns.fiscal, under, nunder);
	}
	html(o, "</section>");
	ui_page_end(r);
}

/* -------------------------------------------------------------- new plan */

struct new_form {
	const char *flagged_on, *diagnosis, *notes, *start, *end, *source, *period;
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	size_t nerr;
	const char *notice;
	int64_t existing;
};

static void diagnosis_select(struct request *r, const char *selected, const char *error)
{
	const char *v[8] = { "" }, *l[8] = { T("Not yet known") };
	size_t k = 1;
	for (size_t i = 0; i < improve_diagnosis_count; i++, k++) {
		v[k] = improve_diagnosis_codes[i];
		l[k] = T(improve_diagnosis_label(v[k]));
	}
	ui_select(r, "diagnosis", T("Diagnosis: why"), v, l, k, selected, error);
}

static void notes_area(struct request *r, const char *value, const char *error)
{
	html_printf(&r->out, "<div class=\"field%-s\"><label for=\"f-diagnosis_notes\">%s</label>"
		    "<textarea id=\"f-diagnosis_notes\" name=\"diagnosis_notes\" rows=\"4\" maxlength=\"8000\">%s</textarea>"
		    "<p class=\"hint muted\">%s</p>%-s%s%-s</div>", error ? " invalid" : "",
		    T("Notes from the conversation asking why"), value ? value : "",
		    T("Yours only: the rep never sees the diagnosis or these notes."),
		    error ? "<p class=\"error\">" : "", error ? error : "", error ? "</p>" : "");
}

static void render_new(struct request *r, const struct user *u, const struct new_form *f)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Flag a rep"), "improve");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div></div>",
		    T("Improvement plans"), arena_printf(r->a, T("Underperformance of %s"), u->name));
	if (f->notice)
		ui_notice(r, "error", f->notice);
	if (f->existing)
		html_printf(o, "<p><a href=\"/improvement-plans/%lld\">%s</a></p>", (long long)f->existing,
			    T("Open the plan that is running"));
	html_printf(o, "<form class=\"card form\" method=\"post\" action=\"/improvement-plans/new?rep=%lld\">",
		    (long long)u->id);
	ui_csrf(r);
	html_printf(o, "<input type=\"hidden\" name=\"source\" value=\"%s\"><input type=\"hidden\" name=\"period\" value=\"%s\">",
		    f->source, f->period);
	if (!strcmp(f->source, "tiers"))
		html_printf(o, "<p class=\"muted\">%s</p>",
			    arena_printf(r->a, T("An underperformer by the tiers in %s."), f->period));
	ui_input(r, "flagged_on", T("Flagged on"), "date", f->flagged_on, plan_field_message(r, f->errs, f->nerr, "flagged_on"),
		 " required");
	diagnosis_select(r, f->diagnosis, plan_field_message(r, f->errs, f->nerr, "diagnosis"));
	notes_area(r, f->notes, plan_field_message(r, f->errs, f->nerr, "diagnosis_notes"));
	html_printf(o, "<p class=\"muted\">%s</p>",
		    T("The plan's days may wait: a flag without a plan warns after two weeks."));
	ui_input(r, "plan_start", T("Plan from"), "date", f->start, plan_field_message(r, f->errs, f->nerr, "plan_start"), NULL);
	ui_input(r, "plan_end", T("Plan to"), "date", f->end, plan_field_message(r, f->errs, f->nerr, "plan_end"), NULL);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>",
		    T("Save"));
	ui_page_end(r);
}

static struct user *new_rep(struct request *r)
{
	int64_t rep = req_id_field(req_query(r, "rep"));
	if (rep <= 0) {
		resp_error(r, E_INVALID, T("Choose the rep."));
		return NULL;
	}
	return improve_rep_load_or_reply(r, rep, NEED_CHANGE);
}

static const char *source_of(const char *s)
{
	return s && !strcmp(s, "tiers") ? "tiers" : "flag";
}

/* a period label as typed: letters, digits and '-' only, at most 11 */
static const char *period_of(struct request *r, const char *s)
{
	if (!s || strlen(s) > 11)
		return "";
	for (const char *p = s; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') || *p == '-'))
			return "";
	return arena_strdup(r->a, s);
}

void page_improve_new(struct request *r)
{
	struct user *u = new_rep(r);
	if (!u)
		return;
	struct new_form f = { 0 };
	f.flagged_on = ui_today(r);
	f.diagnosis = f.notes = f.start = f.end = "";
	f.source = source_of(req_query(r, "source"));
	f.period = f.source[0] == 't' ? period_of(r, req_query(r, "period")) : "";
	render_new(r, u, &f);
}

void page_improve_new_post(struct request *r)
{
	struct user *u = new_rep(r);
	if (!u)
		return;
	struct new_form f = { 0 };
	f.flagged_on = req_form_trimmed(r, "flagged_on");
	f.diagnosis = req_form_trimmed(r, "diagnosis");
	f.notes = req_form_trimmed(r, "diagnosis_notes");
	f.start = req_form_trimmed(r, "plan_start");
	f.end = req_form_trimmed(r, "plan_end");
	f.source = source_of(req_form(r, "source"));
	f.period = f.source[0] == 't' ? period_of(r, req_form(r, "period")) : "";
	struct improve_flag_input in = { f.flagged_on, ui_today(r), f.diagnosis ? f.diagnosis : "", f.notes, f.start, f.end };
	f.nerr = improve_flag_check(&in, f.errs);
	if (!f.flagged_on)
		f.flagged_on = "";
	if (!f.diagnosis)
		f.diagnosis = "";
	if (f.nerr) {
		r->status = 400;
		f.notice = T("Nothing was saved. Check the fields marked below.");
		render_new(r, u, &f);
		return;
	}
	enum err e = improve_undecided_of(r->db, r->me.org_id, u->id, &f.existing);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (f.existing) {
		r->status = 409;
		f.notice = arena_printf(r->a, T("%s already has a flag or plan running: decide on it first."), u->name);
		render_new(r, u, &f);
		return;
	}
	int64_t id;
	if ((e = improve_create(r->db, r->me.org_id, u->id, f.source, f.period, f.flagged_on, f.diagnosis, f.notes,
				f.start, f.end, r->me.user_id, &id))) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/improvement-plans/%lld", (long long)id));
}

/* -------------------------------------------------------------- one plan */

struct view {
	struct improve_plan *p;
	struct person rep;
	struct improve_item *items;
	size_t nitems;
	double *current, *progress;
	int manage, diagnosis, open;
	const char *form;
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	size_t nerr;
	const char *notice;
};

static int view_load(struct request *r, int64_t id, enum access_need need, struct view *v)
{
	memset(v, 0, sizeof(*v));
	v->p = improve_load_or_reply(r, id, need, &v->rep);
	if (!v->p)
		return -1;
	enum err e = improve_items_list(r->db, r->a, r->me.org_id, id, &v->items, &v->nitems);
	if (e) {
		resp_store_error(r, e);
		return -1;
	}
	size_t n = v->nitems ? v->nitems : 1;
	v->current = arena_alloc(r->a, n * sizeof(double));
	v->progress = arena_alloc(r->a, n * sizeof(double));
	for (size_t i = 0; i < v->nitems; i++)
		if ((e = improveui_progress(r, v->p, &v->items[i], &v->current[i], &v->progress[i]))) {
			resp_store_error(r, e);
			return -1;
		}
	v->open = strcmp(v->p->status, "closed") != 0;
	v->diagnosis = access_improve_diagnosis(&r->viewer, &v->rep);
	v->manage = v->open && access_improve_manage(&r->viewer, &v->rep);
	return 0;
}

static const char *verr(struct request *r, const struct view *v, const char *form, const char *field)
{
	return v->form && !strcmp(v->form, form) ? plan_field_message(r, v->errs, v->nerr, field) : NULL;
}

static const char *typed(struct request *r, const struct view *v, const char *form, const char *field, const char *def)
{
	if (v->form && !strcmp(v->form, form)) {
		const char *s = req_form(r, field);
		return s ? s : "";
	}
	return def;
}

static void render_diagnosis(struct request *r, const struct view *v)
{
	struct strbuf *o = &r->out;
	const struct improve_plan *p = v->p;
	html_printf(o, "<section class=\"card\" id=\"diagnosis\"><h2>%s</h2><p class=\"muted\">%s</p>", T("Diagnosis"),
		    T("Yours only: the rep never sees the diagnosis or these notes."));
	if (v->form && !strcmp(v->form, "update") && v->notice)
		ui_notice(r, "error", v->notice);
	if (!v->manage) {
		html_printf(o, "<p><strong>%s</strong></p>", *p->diagnosis ? T(improve_diagnosis_label(p->diagnosis))
									    : T("Not yet known"));
		if (*p->diagnosis_notes)
			html_printf(o, "<p class=\"notes\">%s</p>", p->diagnosis_notes);
		html(o, "</section>");
		return;
	}
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/improvement-plans/%lld\">", (long long)p->id);
	ui_csrf(r);
	diagnosis_select(r, typed(r, v, "update", "diagnosis", p->diagnosis), verr(r, v, "update", "diagnosis"));
	notes_area(r, typed(r, v, "update", "diagnosis_notes", p->diagnosis_notes), verr(r, v, "update", "diagnosis_notes"));
	ui_input(r, "plan_start", T("Plan from"), "date", typed(r, v, "update", "plan_start", p->plan_start),
		 verr(r, v, "update", "plan_start"), NULL);
	ui_input(r, "plan_end", T("Plan to"), "date", typed(r, v, "update", "plan_end", p->plan_end),
		 verr(r, v, "update", "plan_end"), *p->extended_on ? " readonly" : NULL);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>",
		    T("Save"));
	html(o, "</section>");
}

static void render_expectations(struct request *r, const struct view *v)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"expectations\"><h2>%s</h2>", T("Expectations"));
	int any = 0;
	html(o, "<ul class=\"plan-goals\">");
	for (size_t i = 0; i < v->nitems; i++) {
		const struct improve_item *x = &v->items[i];
		if (strcmp(x->kind, "expectation"))
			continue;
		any = 1;
		html_printf(o, "<li class=\"goal\"><p><strong>%s</strong>%-s%s</p><p class=\"goal-metric\">%s → <strong>%s</strong> → %s</p>",
			    T(goal_metric_label(x->metric)), *x->text ? " – " : "", x->text,
			    arena_printf(r->a, T("from %s"), fig_text(r, x->metric, x->baseline)),
			    arena_printf(r->a, T("now %s"), fig_text(r, x->metric, v->current[i])),
			    arena_printf(r->a, T("target %s"), fig_text(r, x->metric, x->target)));
		if (!isnan(v->progress[i]))
			html_printf(o, "<p class=\"goal-progress\"><progress max=\"100\" value=\"%.0f\"></progress> <span>%s</span></p>",
				    v->progress[i] * 100, arena_printf(r->a, T("%s of the way"), ui_percent_text(r, v->progress[i])));
		else
			html_printf(o, "<p class=\"muted\">%s</p>", T("No figure yet to measure progress by."));
		html(o, "</li>");
	}
	html(o, "</ul>");
	if (!any)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No expectations yet."));
	html_printf(o, "<p class=\"muted fig-basis\">%s</p>",
		    T("Each figure is counted over the plan's days up to today; the starting point is the same figure "
		      "over the 90 days before the expectation was set (attainment: the quarter before). Progress = "
		      "(now − start) / (target − start)."));
	html(o, "</section>");
}

static void render_support(struct request *r, const struct view *v)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"support\"><h2>%s</h2>", T("Support"));
	int any = 0;
	html(o, "<ul class=\"improve-support\">");
	for (size_t i = 0; i < v->nitems; i++) {
		const struct improve_item *x = &v->items[i];
		if (strcmp(x->kind, "support"))
			continue;
		any = 1;
		html_printf(o, "<li><span class=\"tag\">%s</span> %s", T(improve_support_label(x->support_kind)), x->text);
		const char *href = improveui_link_href(r, x);
		if (href)
			html_printf(o, " <a href=\"%s\">%s</a>", href, T("Open"));
		html(o, "</li>");
	}
	html(o, "</ul>");
	if (!any)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No support agreed yet."));
	html(o, "</section>");
}

static void render_reviews(struct request *r, const struct view *v)
{
	struct strbuf *o = &r->out;
	const char *today = ui_today(r);
	html_printf(o, "<section class=\"card\" id=\"reviews\"><h2>%s</h2>", T("Reviews"));
	int any = 0;
	html(o, "<ul class=\"improve-reviews\">");
	for (size_t i = 0; i < v->nitems; i++) {
		const struct improve_item *x = &v->items[i];
		if (strcmp(x->kind, "review"))
			continue;
		any = 1;
		int passed = !*x->outcome && strcmp(x->on_date, today) < 0;
		html_printf(o, "<li><strong>%s</strong>%-s%s%-s", ui_date_text(r, x->on_date),
			    passed ? " <span class=\"tag flag-warn\">" : "", passed ? T("passed, no outcome yet") : "",
			    passed ? "</span>" : "");
		if (*x->outcome)
			html_printf(o, "<p class=\"notes\">%s</p>", x->outcome);
		else if (v->manage) {
			html_printf(o, "<form class=\"form\" method=\"post\" action=\"/improvement-plans/%lld/items/%lld\">",
				    (long long)v->p->id, (long long)x->id);
			ui_csrf(r);
			ui_input(r, "outcome", T("Outcome"), "text", "", NULL, " maxlength=\"8000\"");
			html_printf(o, "<div class=\"actions\"><button class=\"button small\" type=\"submit\">%s</button></div></form>",
				    T("Note the outcome"));
		}
		html(o, "</li>");
	}
	html(o, "</ul>");
	if (!any)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No review dates yet."));
	html(o, "</section>");
}

static void render_item_form(struct request *r, const struct view *v)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"add\"><h2>%s</h2>", T("Add to the plan"));
	if (v->form && !strcmp(v->form, "item") && v->notice)
		ui_notice(r, "error", v->notice);
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/improvement-plans/%lld/items\">", (long long)v->p->id);
	ui_csrf(r);
	const char *kv[] = { "expectation", "support", "review" };
	const char *kl[] = { T("An expectation (a figure and its target)"), T("Support (training, ride-along, coaching)"),
			     T("A review date") };
	ui_select(r, "kind", T("What"), kv, kl, 3, typed(r, v, "item", "kind", "expectation"), verr(r, v, "item", "kind"));
	const char *mv[8] = { "" }, *ml[8] = { T("Choose…") };
	size_t nm = 1;
	for (size_t i = 0; i < goal_metric_count && nm < 8; i++, nm++) {
		mv[nm] = goal_metric_codes[i];
		ml[nm] = T(goal_metric_label(mv[nm]));
	}
	ui_select(r, "metric", T("Figure (an expectation)"), mv, ml, nm, typed(r, v, "item", "metric", ""),
		  verr(r, v, "item", "metric"));
	/* xgettext:no-c-format */
	ui_input(r, "target", T("Target (%; for learning: activities or hours)"), "text", typed(r, v, "item", "target", ""),
		 verr(r, v, "item", "target"), " inputmode=\"decimal\"");
	const char *sv[4] = { "" }, *sl[4] = { T("Choose…") };
	for (size_t i = 0; i < improve_support_count; i++) {
		sv[i + 1] = improve_support_codes[i];
		sl[i + 1] = T(improve_support_label(sv[i + 1]));
	}
	ui_select(r, "support_kind", T("Kind of support"), sv, sl, improve_support_count + 1,
		  typed(r, v, "item", "support_kind", ""), verr(r, v, "item", "support_kind"));
	ui_input(r, "text", T("Description"), "text", typed(r, v, "item", "text", ""), verr(r, v, "item", "text"),
		 " maxlength=\"500\"");
	const char **lv, **ll;
	size_t nl;
	if (improveui_link_options(r, v->p->rep_id, &lv, &ll, &nl)) {
		lv = (const char *[]){ "" };
		ll = (const char *[]){ T("No link") };
		nl = 1;
	}
	ui_select(r, "link", T("Link to one of the rep's own"), lv, ll, nl, typed(r, v, "item", "link", ""),
		  verr(r, v, "item", "link"));
	ui_input(r, "on_date", T("Review date"), "date", typed(r, v, "item", "on_date", ""), verr(r, v, "item", "on_date"),
		 NULL);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>",
		    T("Add"));
	html(o, "</section>");
}

static void render_decision(struct request *r, const struct view *v)
{
	struct strbuf *o = &r->out;
	const struct improve_plan *p = v->p;
	html_printf(o, "<section class=\"card\" id=\"decision\"><h2>%s</h2>", T("Decision"));
	if (v->form && !strcmp(v->form, "decide") && v->notice)
		ui_notice(r, "error", v->notice);
	if (*p->extended_on)
		html_printf(o, "<p>%s</p>", arena_printf(r->a, T("Extended once on %s, to %s."), ui_date_text(r, p->extended_on),
							ui_date_text(r, p->plan_end)));
	if (!strcmp(p->status, "closed")) {
		html_printf(o, "<p><strong>%s</strong> <span class=\"muted\">%s</span></p>", T(improve_outcome_label(p->decision)),
			    ui_date_text(r, p->decided_on));
		if (v->diagnosis && *p->decision_note)
			html_printf(o, "<p class=\"notes\">%s</p>", p->decision_note);
	} else if (v->manage) {
		html_printf(o, "<form class=\"form\" method=\"post\" action=\"/improvement-plans/%lld/decide\">", (long long)p->id);
		ui_csrf(r);
		const char *dv[5] = { "" }, *dl[5] = { T("Choose…") };
		for (size_t i = 0; i < improve_decision_count; i++) {
			dv[i + 1] = improve_decision_codes[i];
			dl[i + 1] = T(improve_decision_label(dv[i + 1]));
		}
		ui_select(r, "decision", T("Decision"), dv, dl, improve_decision_count + 1, typed(r, v, "decide", "decision", ""),
			  verr(r, v, "decide", "decision"));
		ui_input(r, "until", T("New last day (when extending)"), "date", typed(r, v, "decide", "until", ""),
			 verr(r, v, "decide", "until"), NULL);
		ui_input(r, "note", T("Note (yours only)"), "text", typed(r, v, "decide", "note", ""), verr(r, v, "decide", "note"),
			 " maxlength=\"8000\"");
		html_printf(o, "<p class=\"muted\">%s</p><div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s"
			    "</button></div></form>", T("A plan is extended once only; every other decision closes it."),
			    T("Decide"));
	} else {
		html_printf(o, "<p class=\"muted\">%s</p>", T("Not decided yet."));
	}
	html(o, "</section>");
}

static void render_plan(struct request *r, struct view *v)
{
	struct strbuf *o = &r->out;
	const struct improve_plan *p = v->p;
	ui_page_begin(r, T("Improvement plan"), "improve");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s · %s</p>"
		    "</div></div>", T("Improvement plan"), p->rep_name, status_text(r, p),
		    *p->plan_start ? arena_printf(r->a, "%s – %s", ui_date_text(r, p->plan_start), ui_date_text(r, p->plan_end))
				   : T("no plan days yet"));
	if (v->diagnosis) {
		struct improve_under *under;
		size_t nunder;
		enum err e = improve_underperformers(r->db, r->a, r->me.org_id, r->me.user_id, ui_today(r), &under, &nunder, NULL);
		int run = 0;
		for (size_t j = 0; !e && j < nunder; j++)
			if (under[j].rep_id == p->rep_id)
				run = under[j].run;
		struct improve_warning_days d;
		struct numbers_settings ns;
		settings_numbers(r->db, r->a, r->me.org_id, &ns);
		unsigned w = improve_plan_warnings(p, run, ui_today(r), ns.fiscal_start_month, &d);
		if (w) {
			html_printf(o, "<section class=\"card flag-warn\" id=\"warnings\"><h2>%s</h2><ul>", T("No muddling on"));
			if (w & IW_NO_DECISION)
				html_printf(o, "<li>%s</li>", need_text(r, "no_decision"));
			if (w & IW_REVIEW)
				html_printf(o, "<li>%s</li>", need_text(r, "review"));
			if (w & IW_NO_PLAN)
				html_printf(o, "<li>%s</li>", need_text(r, "no_plan"));
			html(o, "</ul>");
			warning_rules(r);
			html(o, "</section>");
		}
		html_printf(o, "<p class=\"muted\">%s</p>",
			    arena_printf(r->a, T("Flagged on %s (%s)."), ui_date_text(r, p->flagged_on),
					 !strcmp(p->source, "tiers") ? arena_printf(r->a, T("Tiers, %s"), p->period_label)
								     : T("Flagged by the manager")));
		render_diagnosis(r, v);
	}
	render_expectations(r, v);
	render_support(r, v);
	render_reviews(r, v);
	if (v->manage)
		render_item_form(r, v);
	render_decision(r, v);
	ui_page_end(r);
}

static int64_t plan_id(struct request *r)
{
	return r->id;
}

void page_improve(struct request *r)
{
	int64_t id = plan_id(r);
	struct view v;
	if (!id || view_load(r, id, NEED_SEE, &v))
		return;
	render_plan(r, &v);
}

static void again(struct request *r, struct view *v, const char *form, int status, const char *notice)
{
	v->form = form;
	v->notice = notice;
	r->status = status;
	render_plan(r, v);
}

void page_improve_post(struct request *r)
{
	int64_t id = plan_id(r);
	struct view v;
	if (!id || view_load(r, id, NEED_CHANGE, &v))
		return;
	struct improve_update_input in = { v.p->status, req_form_trimmed(r, "diagnosis"), req_form_trimmed(r, "diagnosis_notes"),
					   req_form_trimmed(r, "plan_start"), req_form_trimmed(r, "plan_end") };
	if (*v.p->extended_on)
		in.plan_end = v.p->plan_end;	/* an extended plan's last day is the extension's */
	if ((v.nerr = improve_update_check(&in, v.errs))) {
		again(r, &v, "update", 400, T("Nothing was saved. Check the fields marked below."));
		return;
	}
	enum err e = improve_update(r->db, r->me.org_id, id, in.diagnosis, in.diagnosis_notes,
				    in.plan_start && *in.plan_start ? in.plan_start : NULL,
				    in.plan_end && *in.plan_end ? in.plan_end : NULL);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/improvement-plans/%lld#diagnosis", (long long)id));
}

void page_improve_items_post(struct request *r)
{
	int64_t id = plan_id(r);
	struct view v;
	if (!id || view_load(r, id, NEED_CHANGE, &v))
		return;
	if (!v.open) {
		v.errs[0] = (struct plan_field_error){ "kind", N_("This plan is closed with a decision; it is not changed any more.") };
		v.nerr = 1;
		again(r, &v, "item", 409, T("This plan is closed with a decision; it is not changed any more."));
		return;
	}
	struct improve_item_input in = { req_form_trimmed(r, "kind"), req_form_trimmed(r, "text"), req_form_trimmed(r, "metric"), 0, NAN,
					 req_form_trimmed(r, "support_kind"), req_form_trimmed(r, "on_date") };
	const char *target = req_form_trimmed(r, "target");
	if (target && *target) {
		if (goal_metric_counts(in.metric)) {
			int64_t h;
			if (!parse_money(r->lang, target, &h)) {
				in.has_target = 1;
				in.target = (double)h / 100.0;
			}
		} else if (!plansui_parse_percent(r, target, &in.target))
			in.has_target = 1;
		if (!in.has_target) {
			in.has_target = 1;
			in.target = NAN;	/* typed, but not a number: goal_target_check names it */
		}
	}
	/* "" for no link; something that is not "kind:id" is refused by the check */
	const char *link = req_form_trimmed(r, "link"), *link_kind = NULL;
	int64_t link_id = 0;
	if (link && *link && !improveui_link_parse(r, link, &link_kind, &link_id))
		link_kind = link;
	struct improve_item item;
	enum err e = improveui_item_check(r, v.p, &in, link_kind, link_id, &item, v.errs, &v.nerr);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (v.nerr) {
		again(r, &v, "item", 400, T("Nothing was added. Check the fields marked below."));
		return;
	}
	int64_t item_id;
	if ((e = improve_item_add(r->db, r->me.org_id, &item, &item_id))) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/improvement-plans/%lld#%s", (long long)id,
				      !strcmp(item.kind, "expectation") ? "expectations" : !strcmp(item.kind, "support")
				      ? "support" : "reviews"));
}

void page_improve_item_post(struct request *r)
{
	int64_t id = plan_id(r), item_id = 0;
	struct view v;
	if (!id || view_load(r, id, NEED_CHANGE, &v))
		return;
	struct improve_item x;
	item_id = r->id2;
	enum err e = improve_item_get(r->db, r->a, r->me.org_id, item_id, &x);
	if (!e && (x.plan_id != id || strcmp(x.kind, "review")))
		e = E_NOTFOUND;
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such review in this plan."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	const char *outcome = req_form_trimmed(r, "outcome");
	if ((v.nerr = improve_outcome_check(outcome, v.errs)) || !v.open) {
		again(r, &v, "item", v.open ? 400 : 409,
		      v.open ? T(v.errs[0].message) : T("This plan is closed with a decision; it is not changed any more."));
		return;
	}
	if ((e = improve_item_outcome(r->db, r->me.org_id, item_id, outcome))) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/improvement-plans/%lld#reviews", (long long)id));
}

void page_improve_decide_post(struct request *r)
{
	int64_t id = plan_id(r);
	struct view v;
	/* a closed plan is loaded to say why nothing happens (NEED_SEE), and
	 * the rights are then the manager's */
	if (!id || view_load(r, id, NEED_CHANGE, &v))
		return;
	struct improve_decide_in in = { v.p->status, v.p->plan_end, *v.p->extended_on != 0, req_form_trimmed(r, "decision"),
					req_form_trimmed(r, "until"), req_form_trimmed(r, "note") };
	struct improve_decide_out out;
	if ((v.nerr = improve_decide(&in, &out, v.errs))) {
		int closed = !strcmp(v.p->status, "closed");
		again(r, &v, "decide", closed ? 409 : 400, T(v.errs[0].message));
		return;
	}
	enum err e = improve_decide_store(r->db, r->me.org_id, id, out.status, out.decision, out.plan_end, out.extended,
					  in.note, ui_today(r));
	if (e == E_CONFLICT) {
		v.errs[0] = (struct plan_field_error){ "decision", N_("This plan is already closed with a decision; a closed "
								      "plan takes no further decision.") };
		v.nerr = 1;
		again(r, &v, "decide", 409, T(v.errs[0].message));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/improvement-plans/%lld#decision", (long long)id));
}

/* ------------------------------------------------------ home and rep page */

void improve_home_due(struct request *r)
{
	if (!access_leads_any_team(&r->viewer))
		return;
	struct improve_need *needs;
	size_t n;
	if (improve_needs(r->db, r->a, r->me.org_id, r->me.user_id, ui_today(r), 10, &needs, &n) || !n)
		return;
	html_printf(&r->out, "<section class=\"card\" id=\"improve-due\"><h2>%s</h2>", T("Underperformers: needs you now"));
	render_needs(r, needs, n, "improve-due-list");
	html_printf(&r->out, "<p><a href=\"/improvement-plans\">%s</a></p></section>", T("All improvement plans"));
}

void improve_rep_section(struct request *r, const struct user *u)
{
	struct person rep = { u->id, u->org_id, u->team_id };
	if (!access_private(&r->viewer, &rep))
		return;
	int own = u->id == r->me.user_id;
	struct improve_scope s = { u->id, 0, own, NULL };
	struct improve_plan *l;
	size_t n;
	int64_t total;
	if (improve_list(r->db, r->a, r->me.org_id, &s, 5, 0, &l, &n, &total))
		return;
	if (!n && own)
		return;
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card rep-part\" id=\"improvement\"><h2>%s</h2>", T("Improvement plan"));
	if (!n)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No flag or improvement plan."));
	html(o, "<ul class=\"improve-own\">");
	for (size_t i = 0; i < n; i++)
		html_printf(o, "<li><a href=\"/improvement-plans/%lld\">%s</a> <span class=\"muted\">%s – %s</span></li>",
			    (long long)l[i].id, status_text(r, &l[i]), date_or_dash(r, l[i].plan_start),
			    date_or_dash(r, l[i].plan_end));
	html(o, "</ul>");
	if (!own && access_improve_manage(&r->viewer, &rep) && (!n || !strcmp(l[0].status, "closed")))
		html_printf(o, "<p><a class=\"button small\" href=\"/improvement-plans/new?rep=%lld\">%s</a></p>",
			    (long long)u->id, T("Flag for an improvement plan"));
	html(o, "</section>");
}
