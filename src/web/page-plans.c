/*
 * page-plans: development plans (issue 8) — the list (GET /plans: a rep's
 * own plans, a manager's the plans of the reps of the teams they lead, with
 * the balance flag), a new plan for a rep (GET/POST /plans/new?rep=ID: one
 * open plan per rep for any day — a second one for an overlapping period is
 * refused, naming the plan that holds it), and one plan (GET /plans/:id):
 * its goals in two lists kept apart (achievement goals: a skill, a process;
 * result goals: revenue, new deals), each with its trait and the figure it
 * tracks and how far it has come; the balance of the two kinds (the
 * articles: 84% of top sellers are achievement-oriented, so a plan of result
 * goals only is flagged); actions with owner and due date; check-ins, from
 * which the manager may recognise the rep's effort (POST
 * /reps/:id/recognition, also directly).
 *
 * Rights are access.c's through web/load.c: a plan is private to the rep
 * and the managers of the rep's team; the manager writes it; both add
 * check-ins; the rep marks their own actions done. The rules for what is
 * typed are domain/plans.c's and web/plansui.c's, the same as the API's.
 *
 * Also here: the rep's "what is due" on the home page (plan actions due or
 * overdue, recognition received) and the open plan on the rep page.
 */
#include "pages.h"
#include "ui.h"
#include "load.h"
#include "export.h"
#include "plansui.h"
#include "../store/plans.h"
#include "../store/users.h"
#include "../store/traits.h"
#include "../domain/plans.h"
#include "../domain/learning.h"
#include "../domain/period.h"
#include "../lib/fmt.h"
#include "../lib/table.h"
#include "../lib/util.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_SIZE 50
#define EXPORT_LIMIT 5000

/* " placeholder=\"…\"" with the text escaped, for ui_input's extra attributes */
static const char *placeholder(struct request *r, const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, " placeholder=\"");
	html_attr(&sb, text);
	sb_adds(&sb, "\"");
	const char *out = arena_strdup(r->a, sb.buf);
	sb_release(&sb);
	return out;
}

static const char *pct_text(struct request *r, double f)
{
	return isnan(f) ? "–" : ui_percent_text(r, f);
}

/* a goal's figure as shown: a percentage, or (learning, issue 9) a count of
 * activities or hours */
static const char *fig_text(struct request *r, const char *metric, double f)
{
	if (!goal_metric_counts(metric))
		return pct_text(r, f);
	return isnan(f) ? "–" : ui_decimal_text(r, f, f == floor(f) ? 0 : 1);
}

/* the metric's name, with the kind of learning it counts */
static const char *metric_text(struct request *r, const char *metric)
{
	const char *kind = goal_metric_kind(metric);
	const char *name = T(goal_metric_label(metric));
	return kind ? arena_printf(r->a, "%s (%s)", name, T(learning_kind_label(kind))) : name;
}

/* the balance as a sentence, flagged when result goals only */
static void render_balance(struct request *r, const struct plan_balance *b)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"plan-balance%-s\"><p><strong>%s</strong> %s</p>", b->result_only ? " flag-warn" : "",
		    T("Balance:"),
		    arena_printf(r->a, T("%zu achievement goals, %zu result goals (%s achievement)"), b->achievement,
				 b->result, pct_text(r, b->achievement_share)));
	if (b->result_only)
		html_printf(o, "<p class=\"balance-flag\" role=\"note\">%s</p>",
			    /* xgettext:no-c-format */
			    T("Only result goals. 84% of top sellers are achievement-oriented: add a goal about a skill or "
			      "a process, such as ending every conversation in a step or a stop."));
	html(o, "</div>");
}

/* ------------------------------------------------------------------ list */

static struct table *plans_table(struct request *r, const struct plan *l, size_t n)
{
	struct table *t = table_new(r->a, "plans", 9);
	table_col(t, 0, T("Rep"), CELL_TEXT);
	table_col(t, 1, T("Plan"), CELL_TEXT);
	table_col(t, 2, T("From"), CELL_DATE);
	table_col(t, 3, T("To"), CELL_DATE);
	table_col(t, 4, T("Status"), CELL_TEXT);
	table_col(t, 5, T("Achievement goals"), CELL_INT);
	table_col(t, 6, T("Result goals"), CELL_INT);
	table_col(t, 7, T("Achievement share"), CELL_PCT);
	table_col(t, 8, T("Balance"), CELL_TEXT);
	for (size_t i = 0; i < n; i++) {
		const struct plan *p = &l[i];
		size_t row = table_row(t);
		int64_t all = p->achievement_goals + p->result_goals;
		table_text(t, row, 0, p->rep_name);
		table_text(t, row, 1, p->title);
		table_date(t, row, 2, p->period_start);
		table_date(t, row, 3, p->period_end);
		table_text(t, row, 4, !strcmp(p->status, "open") ? T("Open") : T("Closed"));
		table_int(t, row, 5, p->achievement_goals);
		table_int(t, row, 6, p->result_goals);
		if (all)
			table_pct(t, row, 7, (double)p->achievement_goals / (double)all);
		table_text(t, row, 8, p->result_goals && !p->achievement_goals ? T("Result goals only") : "");
	}
	return t;
}

void page_plans(struct request *r)
{
	struct plan_scope s = { 0, 0 };
	if (r->viewer.nled)
		s.manager_id = r->me.user_id;
	else
		s.rep_id = r->me.user_id;
	const char *format = export_wanted(r);
	int offset = format ? 0 : pager_offset(r);
	struct plan *l;
	size_t n;
	int64_t total;
	enum err e = plans_list(r->db, r->a, r->me.org_id, &s, format ? EXPORT_LIMIT : PAGE_SIZE, offset, &l, &n, &total);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct table *t = plans_table(r, l, n);
	if (format) {
		export_send(r, t);
		return;
	}
	struct user_list reps = { 0 };
	if (r->viewer.nled &&
	    (e = user_list_teams(r->db, r->a, r->me.org_id, r->viewer.led_teams, r->viewer.nled, 0, &reps))) {
		resp_store_error(r, e);
		return;
	}

	ui_page_begin(r, T("Development plans"), "plans");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s</p>"
		    "</div></div>", T("Grow"), T("Development plans"),
		    s.manager_id ? T("The plans of the reps of the teams you lead.") : T("Your development plans."));
	if (reps.n) {
		html_printf(o, "<form class=\"card form inline\" method=\"get\" action=\"/plans/new\" aria-label=\"%s\">",
			    T("New plan"));
		plan_rep_select(r, &reps, T("Rep"));
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
			    "</form>", T("New plan"));
	}
	html(o, "<section class=\"card\">");
	if (!n) {
		html_printf(o, "<p class=\"empty muted\">%s</p>", offset ? T("No more plans.") : T("No plans yet."));
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table class=\"plans\"><thead><tr><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
			    T("Rep"), T("Plan"), T("Period"), T("Status"), T("Achievement share"), T("Balance"));
		for (size_t i = 0; i < n; i++) {
			const struct plan *p = &l[i];
			const struct cell *share = table_cell(t, i, 7);
			html_printf(o, "<tr><td data-label=\"%s\">%s</td><td data-label=\"%s\"><a href=\"/plans/%lld\">%s</a>"
				    "</td><td data-label=\"%s\">%s – %s</td><td data-label=\"%s\">%s</td>"
				    "<td class=\"num\" data-label=\"%s\">%s</td><td data-label=\"%s\">%-s%s%-s</td></tr>",
				    T("Rep"), p->rep_name, T("Plan"), (long long)p->id, *p->title ? p->title : T("(untitled)"),
				    T("Period"), ui_date_text(r, p->period_start), ui_date_text(r, p->period_end), T("Status"),
				    table_cell(t, i, 4)->text, T("Achievement share"),
				    share->set ? ui_percent_text(r, share->d) : "–", T("Balance"),
				    *table_cell(t, i, 8)->text ? "<span class=\"tag flag-warn\">" : "",
				    table_cell(t, i, 8)->text, *table_cell(t, i, 8)->text ? "</span>" : "");
		}
		html(o, "</tbody></table></div>");
		ui_export_links(r);
		ui_export_cut(r, total, EXPORT_LIMIT);
	}
	ui_pager(r, offset, PAGE_SIZE, n, total);
	html(o, "</section>");
	ui_page_end(r);
}

/* -------------------------------------------------------------- new plan */

struct new_plan_form {
	const char *title, *start, *end;
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	size_t nerr;
	const char *notice;
	int64_t existing;		/* the open plan that holds the period */
};

static void render_new(struct request *r, const struct user *u, const struct new_plan_form *f)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("New plan"), "plans");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div></div>",
		    T("Development plans"), arena_printf(r->a, T("New plan for %s"), u->name));
	if (f->notice)
		ui_notice(r, "error", f->notice);
	if (f->existing)
		html_printf(o, "<p><a href=\"/plans/%lld\">%s</a></p>", (long long)f->existing, T("Open the plan that holds this period"));
	html_printf(o, "<form class=\"card form\" method=\"post\" action=\"/plans/new?rep=%lld\">", (long long)u->id);
	ui_csrf(r);
	ui_input(r, "title", T("Title"), "text", f->title, plan_field_message(r, f->errs, f->nerr, "title"),
		 arena_printf(r->a, " maxlength=\"200\"%s", placeholder(r, T("e.g. Second half of 2026"))));
	ui_input(r, "period_start", T("From"), "date", f->start, plan_field_message(r, f->errs, f->nerr, "period_start"),
		 " required");
	ui_input(r, "period_end", T("To"), "date", f->end, plan_field_message(r, f->errs, f->nerr, "period_end"), " required");
	html_printf(o, "<p class=\"muted\">%s</p>", T("A rep has one open plan at a time for any day."));
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>",
		    T("Make the plan"));
	ui_page_end(r);
}

static struct user *new_plan_rep(struct request *r)
{
	int64_t rep = req_id_field(req_query(r, "rep"));
	if (rep <= 0) {
		resp_error(r, E_INVALID, T("Choose the rep the plan is for."));
		return NULL;
	}
	return plan_rep_load_or_reply(r, rep, NEED_CHANGE);
}

void page_plan_new(struct request *r)
{
	struct user *u = new_plan_rep(r);
	if (!u)
		return;
	struct new_plan_form f = { 0 };
	struct period q;
	period_containing(PERIOD_QUARTER, ui_today(r), 1, &q);
	f.start = arena_strdup(r->a, q.start);
	f.end = arena_strdup(r->a, q.end);
	f.title = "";
	render_new(r, u, &f);
}

void page_plan_new_post(struct request *r)
{
	struct user *u = new_plan_rep(r);
	if (!u)
		return;
	struct new_plan_form f = { 0 };
	f.title = req_form_trimmed(r, "title");
	f.start = req_form_trimmed(r, "period_start");
	f.end = req_form_trimmed(r, "period_end");
	struct plan_input in = { f.title ? f.title : "", f.start, f.end };
	f.nerr = plan_input_check(&in, f.errs);
	if (f.nerr) {
		r->status = 400;
		f.notice = T("The plan was not made. Check the fields marked below.");
		render_new(r, u, &f);
		return;
	}
	enum err e = plan_open_overlapping(r->db, r->me.org_id, u->id, f.start, f.end, 0, &f.existing);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	int64_t id = 0;
	if (!f.existing) {
		e = plan_create(r->db, r->me.org_id, u->id, in.title, f.start, f.end, r->me.user_id, &id);
		if (e && e != E_CONFLICT) {
			resp_store_error(r, e);
			return;
		}
	}
	if (f.existing || e == E_CONFLICT) {
		r->status = 409;
		f.notice = f.existing ? arena_printf(r->a, T("%s already has an open plan for part of this period. Close it "
							    "first, or choose days after it."), u->name)
				      : arena_printf(r->a, T("%s already has a plan starting on that day. Choose another "
							    "first day."), u->name);
		render_new(r, u, &f);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/plans/%lld?saved=plan", (long long)id));
}

/* -------------------------------------------------------------- one plan */

struct plan_view {
	struct plan *p;
	struct person rep;
	struct plan_goal *goals;
	size_t ngoals;
	double *current, *progress;
	struct plan_action *actions;
	size_t nactions;
	struct plan_checkin *checkins;
	size_t ncheckins;
	struct trait_list traits;
	int manage, checkin, recognise;
	/* what a failed POST brought back, per form */
	const char *form;		/* "goal", "action", "checkin", "recognition" */
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	size_t nerr;
	const char *notice;
};

static int plan_view_load(struct request *r, int64_t id, enum access_need need, struct plan_view *v)
{
	memset(v, 0, sizeof(*v));
	v->p = plan_load_or_reply(r, id, need, &v->rep);
	if (!v->p)
		return -1;
	enum err e;
	if ((e = plan_goals_list(r->db, r->a, r->me.org_id, id, &v->goals, &v->ngoals)) ||
	    (e = plan_actions_list(r->db, r->a, r->me.org_id, id, &v->actions, &v->nactions)) ||
	    (e = plan_checkins_list(r->db, r->a, r->me.org_id, id, &v->checkins, &v->ncheckins)) ||
	    (e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &v->traits))) {
		resp_store_error(r, e);
		return -1;
	}
	size_t n = v->ngoals ? v->ngoals : 1;
	v->current = arena_alloc(r->a, n * sizeof(double));
	v->progress = arena_alloc(r->a, n * sizeof(double));
	for (size_t i = 0; i < v->ngoals; i++)
		if ((e = plansui_goal_progress(r, v->p, &v->goals[i], &v->current[i], &v->progress[i]))) {
			resp_store_error(r, e);
			return -1;
		}
	int open = !strcmp(v->p->status, "open");
	v->manage = open && access_plan_manage(&r->viewer, &v->rep);
	v->checkin = open && access_plan_checkin(&r->viewer, &v->rep);
	v->recognise = access_recognise(&r->viewer, &v->rep);
	return 0;
}

static const char *verr(struct request *r, const struct plan_view *v, const char *form, const char *field)
{
	return v->form && !strcmp(v->form, form) ? plan_field_message(r, v->errs, v->nerr, field) : NULL;
}

static const char *typed(struct request *r, const struct plan_view *v, const char *form, const char *field,
			 const char *def)
{
	if (v->form && !strcmp(v->form, form)) {
		const char *s = req_form(r, field);
		return s ? s : "";
	}
	return def;
}

static struct table *goals_table(struct request *r, const struct plan_view *v)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "plan-%lld-goals", (long long)v->p->id), 9);
	table_col(t, 0, T("Kind"), CELL_TEXT);
	table_col(t, 1, T("Goal"), CELL_TEXT);
	table_col(t, 2, T("Trait"), CELL_TEXT);
	table_col(t, 3, T("Figure"), CELL_TEXT);
	table_col(t, 4, T("Starting point"), CELL_PCT);
	table_col(t, 5, T("Now"), CELL_PCT);
	table_col(t, 6, T("Target"), CELL_PCT);
	table_col(t, 7, T("Progress"), CELL_PCT);
	table_col(t, 8, T("Status"), CELL_TEXT);
	for (size_t i = 0; i < v->ngoals; i++) {
		const struct plan_goal *g = &v->goals[i];
		size_t row = table_row(t);
		table_text(t, row, 0, !strcmp(g->kind, "achievement") ? T("Achievement goal") : T("Result goal"));
		table_text(t, row, 1, g->title);
		table_text(t, row, 2, trait_text(r->lang, g->trait_code, g->trait_name));
		if (goal_metric_counts(g->metric)) {
			/* a count, not a percentage: written in the metric's cell */
			table_text(t, row, 3, arena_printf(r->a, T("%s: %s of %s"), metric_text(r, g->metric),
							   fig_text(r, g->metric, v->current[i]), fig_text(r, g->metric, g->target)));
		} else {
			table_text(t, row, 3, *g->metric ? T(goal_metric_label(g->metric)) : "");
			table_pct(t, row, 4, g->baseline);
			table_pct(t, row, 5, v->current[i]);
			table_pct(t, row, 6, g->target);
		}
		table_pct(t, row, 7, v->progress[i]);
		table_text(t, row, 8, !strcmp(g->status, "open") ? T("Open") : !strcmp(g->status, "done") ? T("Done")
				      : T("Dropped"));
	}
	return t;
}

static struct table *actions_table(struct request *r, const struct plan_view *v)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "plan-%lld-actions", (long long)v->p->id), 4);
	table_col(t, 0, T("Action"), CELL_TEXT);
	table_col(t, 1, T("Owner"), CELL_TEXT);
	table_col(t, 2, T("Due"), CELL_DATE);
	table_col(t, 3, T("Done on"), CELL_DATE);
	for (size_t i = 0; i < v->nactions; i++) {
		const struct plan_action *x = &v->actions[i];
		size_t row = table_row(t);
		table_text(t, row, 0, x->what);
		table_text(t, row, 1, x->owner_name);
		if (*x->due)
			table_date(t, row, 2, x->due);
		if (*x->done_on)
			table_date(t, row, 3, x->done_on);
	}
	return t;
}

static struct table *checkins_table(struct request *r, const struct plan_view *v)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "plan-%lld-checkins", (long long)v->p->id), 3);
	table_col(t, 0, T("Date"), CELL_DATE);
	table_col(t, 1, T("By"), CELL_TEXT);
	table_col(t, 2, T("Note"), CELL_TEXT);
	for (size_t i = 0; i < v->ncheckins; i++) {
		size_t row = table_row(t);
		table_date(t, row, 0, v->checkins[i].on_date);
		table_text(t, row, 1, v->checkins[i].author_name);
		table_text(t, row, 2, v->checkins[i].note);
	}
	return t;
}

static void export_links(struct request *r, const struct plan_view *v, const char *which)
{
	html_printf(&r->out, "<p class=\"export\">%s <a href=\"/plans/%lld?table=%s&amp;format=csv\" download>CSV</a> · "
		    "<a href=\"/plans/%lld?table=%s&amp;format=xlsx\" download>Excel</a></p>", T("Download:"),
		    (long long)v->p->id, which, (long long)v->p->id, which);
}

static void render_goal_list(struct request *r, const struct plan_view *v, const char *kind)
{
	struct strbuf *o = &r->out;
	int any = 0;
	html_printf(o, "<ul class=\"plan-goals\" id=\"goals-%s\">", kind);
	for (size_t i = 0; i < v->ngoals; i++) {
		const struct plan_goal *g = &v->goals[i];
		if (strcmp(g->kind, kind))
			continue;
		any = 1;
		html_printf(o, "<li class=\"goal goal-%s\"><p><strong>%s</strong> <span class=\"tag\">%s</span>", g->status,
			    g->title, T(!strcmp(g->status, "open") ? "Open" : !strcmp(g->status, "done") ? "Done" : "Dropped"));
		if (*g->trait_name)
			html_printf(o, " <span class=\"tag trait\">%s</span>", trait_text(r->lang, g->trait_code, g->trait_name));
		html(o, "</p>");
		if (*g->metric) {
			html_printf(o, "<p class=\"goal-metric\">%s: %s → <strong>%s</strong> → %s</p>",
				    metric_text(r, g->metric),
				    arena_printf(r->a, T("from %s"), fig_text(r, g->metric, g->baseline)),
				    arena_printf(r->a, T("now %s"), fig_text(r, g->metric, v->current[i])),
				    arena_printf(r->a, T("target %s"), fig_text(r, g->metric, g->target)));
			if (!isnan(v->progress[i]))
				html_printf(o, "<p class=\"goal-progress\"><progress max=\"100\" value=\"%.0f\"></progress> "
					    "<span>%s</span></p>", v->progress[i] * 100,
					    arena_printf(r->a, T("%s of the way"), pct_text(r, v->progress[i])));
			else
				html_printf(o, "<p class=\"muted\">%s</p>", T("No figure yet to measure progress by."));
		}
		if (v->manage) {
			html_printf(o, "<form method=\"post\" action=\"/plans/%lld/goals/%lld/status\" class=\"inline-actions\">",
				    (long long)v->p->id, (long long)g->id);
			ui_csrf(r);
			if (strcmp(g->status, "done"))
				html_printf(o, "<button class=\"button small\" name=\"status\" value=\"done\">%s</button>",
					    T("Mark done"));
			if (strcmp(g->status, "dropped"))
				html_printf(o, "<button class=\"button small\" name=\"status\" value=\"dropped\">%s</button>",
					    T("Drop"));
			if (strcmp(g->status, "open"))
				html_printf(o, "<button class=\"button small\" name=\"status\" value=\"open\">%s</button>",
					    T("Reopen"));
			html(o, "</form>");
		}
		html(o, "</li>");
	}
	html(o, "</ul>");
	if (!any)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No goals of this kind yet."));
}

static void render_goal_form(struct request *r, const struct plan_view *v)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/plans/%lld/goals\" id=\"goal-form\"><h3>%s</h3>",
		    (long long)v->p->id, T("Add a goal"));
	ui_csrf(r);
	const char *kinds[] = { "", "achievement", "result" };
	const char *klabels[] = { T("Choose…"), T("Achievement goal (a skill or a process)"), T("Result goal (revenue, deals)") };
	ui_select(r, "kind", T("Kind"), kinds, klabels, 3, typed(r, v, "goal", "kind", ""), verr(r, v, "goal", "kind"));
	ui_input(r, "title", T("Goal"), "text", typed(r, v, "goal", "title", ""), verr(r, v, "goal", "title"),
		 arena_printf(r->a, " maxlength=\"500\"%s",
			      placeholder(r, T("e.g. Handle the price objection without a discount"))));
	size_t nt = v->traits.n;
	const char **tv = arena_alloc(r->a, (nt + 1) * sizeof(char *));
	const char **tl = arena_alloc(r->a, (nt + 1) * sizeof(char *));
	tv[0] = "";
	tl[0] = T("None");
	for (size_t i = 0; i < nt; i++) {
		tv[i + 1] = arena_printf(r->a, "%lld", (long long)v->traits.items[i].id);
		tl[i + 1] = v->traits.items[i].name;
	}
	ui_select(r, "trait_id", T("Trait"), tv, tl, nt + 1, typed(r, v, "goal", "trait_id", ""),
		  verr(r, v, "goal", "trait_id"));
	const char *mv[8] = { "" }, *ml[8] = { T("None") };
	size_t nm = 1;
	for (size_t i = 0; i < goal_metric_count && nm < 8; i++, nm++) {
		mv[nm] = goal_metric_codes[i];
		ml[nm] = T(goal_metric_label(mv[nm]));
	}
	ui_select(r, "metric", T("Figure it tracks"), mv, ml, nm, typed(r, v, "goal", "metric", ""),
		  verr(r, v, "goal", "metric"));
	/* learning (issue 9): which kind of learning activity a learning figure counts */
	const char **kv = arena_alloc(r->a, (learning_kind_count + 1) * sizeof(char *));
	const char **kl = arena_alloc(r->a, (learning_kind_count + 1) * sizeof(char *));
	kv[0] = "";
	kl[0] = T("Any kind");
	for (size_t i = 0; i < learning_kind_count; i++) {
		kv[i + 1] = learning_kind_codes[i];
		kl[i + 1] = T(learning_kind_label(learning_kind_codes[i]));
	}
	ui_select(r, "learning_kind", T("Kind of learning (for a learning figure)"), kv, kl, learning_kind_count + 1,
		  typed(r, v, "goal", "learning_kind", ""), verr(r, v, "goal", "learning_kind"));
	/* xgettext:no-c-format */
	ui_input(r, "target", T("Target (%; for learning: activities or hours)"), "text", typed(r, v, "goal", "target", ""),
		 verr(r, v, "goal", "target"), " inputmode=\"decimal\"");
	/* xgettext:no-c-format */
	ui_input(r, "baseline", T("Starting point (%), empty: the figure now"), "text",
		 typed(r, v, "goal", "baseline", ""), verr(r, v, "goal", "baseline"), " inputmode=\"decimal\"");
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>",
		    T("Add the goal"));
}

static void render_actions(struct request *r, const struct plan_view *v)
{
	struct strbuf *o = &r->out;
	const char *today = ui_today(r);
	html_printf(o, "<section class=\"card\" id=\"actions\"><h2>%s</h2>", T("Actions"));
	if (!v->nactions) {
		html_printf(o, "<p class=\"muted\">%s</p>", T("No actions yet."));
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table class=\"plan-actions\"><thead><tr><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
			    T("Action"), T("Owner"), T("Due"), T("Done"));
		for (size_t i = 0; i < v->nactions; i++) {
			const struct plan_action *x = &v->actions[i];
			int overdue = !*x->done_on && *x->due && strcmp(x->due, today) < 0;
			html_printf(o, "<tr%-s><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s%-s%s%-s</td>"
				    "<td data-label=\"%s\">", overdue ? " class=\"overdue\"" : "", T("Action"), x->what,
				    T("Owner"), x->owner_name, T("Due"), *x->due ? ui_date_text(r, x->due) : "–",
				    overdue ? " <span class=\"tag flag-warn\">" : "", overdue ? T("overdue") : "",
				    overdue ? "</span>" : "", T("Done"));
			if (*x->done_on)
				html_txt(o, ui_date_text(r, x->done_on));
			else if (!strcmp(v->p->status, "open") && access_plan_action_done(&r->viewer, &v->rep, x->owner_id)) {
				html_printf(o, "<form method=\"post\" action=\"/plans/%lld/actions/%lld/done\">", (long long)v->p->id,
					    (long long)x->id);
				ui_csrf(r);
				html_printf(o, "<button class=\"button small\" type=\"submit\">%s</button></form>", T("Mark done"));
			}
			html(o, "</td></tr>");
		}
		html(o, "</tbody></table></div>");
		export_links(r, v, "actions");
	}
	if (v->manage) {
		html_printf(o, "<form class=\"form\" method=\"post\" action=\"/plans/%lld/actions\" id=\"action-form\"><h3>%s</h3>",
			    (long long)v->p->id, T("Add an action"));
		ui_csrf(r);
		if (v->form && !strcmp(v->form, "action") && v->notice)
			ui_notice(r, "error", v->notice);
		ui_input(r, "what", T("What"), "text", typed(r, v, "action", "what", ""), verr(r, v, "action", "what"),
			 " maxlength=\"500\" required");
		const char *ov[2] = { arena_printf(r->a, "%lld", (long long)v->p->rep_id),
				      arena_printf(r->a, "%lld", (long long)r->me.user_id) };
		const char *ol[2] = { v->p->rep_name, arena_printf(r->a, T("%s (you)"), r->me.name) };
		ui_select(r, "owner_id", T("Owner"), ov, ol, 2, typed(r, v, "action", "owner_id", ov[0]),
			  verr(r, v, "action", "owner_id"));
		ui_input(r, "due", T("Due"), "date", typed(r, v, "action", "due", ""), verr(r, v, "action", "due"), NULL);
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>",
			    T("Add the action"));
	}
	html(o, "</section>");
}

static void render_checkins(struct request *r, const struct plan_view *v)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"checkins\"><h2>%s</h2>", T("Check-ins"));
	if (!v->ncheckins)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No check-ins yet."));
	else {
		html(o, "<ul class=\"plan-checkins\">");
		for (size_t i = 0; i < v->ncheckins; i++)
			html_printf(o, "<li><p><strong>%s</strong> · %s</p><p class=\"note\">%s</p></li>",
				    ui_date_text(r, v->checkins[i].on_date), v->checkins[i].author_name, v->checkins[i].note);
		html(o, "</ul>");
		export_links(r, v, "checkins");
	}
	if (v->checkin) {
		html_printf(o, "<form class=\"form\" method=\"post\" action=\"/plans/%lld/checkins\" id=\"checkin-form\"><h3>%s</h3>",
			    (long long)v->p->id, T("Add a check-in"));
		ui_csrf(r);
		ui_input(r, "on_date", T("Date"), "date", typed(r, v, "checkin", "on_date", ui_today(r)),
			 verr(r, v, "checkin", "on_date"), " required");
		const char *e = verr(r, v, "checkin", "note");
		html_printf(o, "<div class=\"field%-s\"><label for=\"f-note\">%s</label><textarea id=\"f-note\" name=\"note\" "
			    "rows=\"3\" maxlength=\"4000\">%s</textarea>", e ? " invalid" : "", T("Note"),
			    typed(r, v, "checkin", "note", ""));
		if (e)
			html_printf(o, "<p class=\"field-error\">%s</p>", e);
		html(o, "</div>");
		if (v->recognise) {
			html_printf(o, "<fieldset class=\"recognise\"><legend>%s</legend><label class=\"check\"><input "
				    "type=\"checkbox\" name=\"recognise\" value=\"1\"> %s</label>", T("Recognition"),
				    T("Recognise this (the note goes to the rep)"));
			const char *kl[4];
			for (size_t i = 0; i < recognition_kind_count; i++)
				kl[i] = T(recognition_kind_label(recognition_kind_codes[i]));
			ui_select(r, "recognition_kind", T("What you recognise"), recognition_kind_codes, kl,
				  recognition_kind_count, typed(r, v, "checkin", "recognition_kind", "effort"),
				  verr(r, v, "checkin", "kind"));
			html(o, "</fieldset>");
		}
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>",
			    T("Add the check-in"));
	}
	html(o, "</section>");
}

/* the recognition form for rep_id, from plan v (NULL: directly, from the
 * rep page) */
static void render_recognition_form(struct request *r, int64_t rep_id, const struct plan_view *v)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"recognition\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("Recognise effort"),
		    T("Recognise effort, improvement and progress, not only wins. The rep sees it on their home page."));
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/reps/%lld/recognition\">", (long long)rep_id);
	ui_csrf(r);
	if (v)
		html_printf(o, "<input type=\"hidden\" name=\"plan_id\" value=\"%lld\">", (long long)v->p->id);
	const char *kl[4];
	for (size_t i = 0; i < recognition_kind_count; i++)
		kl[i] = T(recognition_kind_label(recognition_kind_codes[i]));
	ui_select(r, "kind", T("What you recognise"), recognition_kind_codes, kl, recognition_kind_count,
		  v ? typed(r, v, "recognition", "kind", "effort") : "effort", v ? verr(r, v, "recognition", "kind") : NULL);
	const char *e = v ? verr(r, v, "recognition", "note") : NULL;
	html_printf(o, "<div class=\"field%-s\"><label for=\"f-rnote\">%s</label><textarea id=\"f-rnote\" name=\"note\" "
		    "rows=\"2\" maxlength=\"4000\">%s</textarea>", e ? " invalid" : "", T("What you saw"),
		    v ? typed(r, v, "recognition", "note", "") : "");
	if (e)
		html_printf(o, "<p class=\"field-error\">%s</p>", e);
	html_printf(o, "</div><div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Recognise"));
}

static void render_plan(struct request *r, const struct plan_view *v)
{
	struct strbuf *o = &r->out;
	const struct plan *p = v->p;
	ui_page_begin(r, *p->title ? p->title : T("Development plan"), "plans");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s · %s – %s · %s</p>"
		    "</div></div>", T("Development plan"), *p->title ? p->title : T("Development plan"), p->rep_name,
		    ui_date_text(r, p->period_start), ui_date_text(r, p->period_end),
		    !strcmp(p->status, "open") ? T("Open") : T("Closed"));
	const char *saved = req_query(r, "saved");
	if (saved && !v->form)
		ui_notice(r, "ok", T("Saved."));
	if (v->notice && v->form && strcmp(v->form, "action"))
		ui_notice(r, "error", v->notice);
	struct plan_balance b;
	plansui_balance(v->goals, v->ngoals, &b);
	html_printf(o, "<section class=\"card\" id=\"goals\"><h2>%s</h2>", T("Goals"));
	render_balance(r, &b);
	html_printf(o, "<div class=\"plan-kinds\"><div><h3>%s</h3><p class=\"muted\">%s</p>", T("Achievement goals"),
		    T("A skill, a process, the quality of meetings."));
	render_goal_list(r, v, "achievement");
	html_printf(o, "</div><div><h3>%s</h3><p class=\"muted\">%s</p>", T("Result goals"), T("Revenue, new deals."));
	render_goal_list(r, v, "result");
	html(o, "</div></div>");
	if (v->ngoals)
		export_links(r, v, "goals");
	if (v->manage)
		render_goal_form(r, v);
	html(o, "</section>");
	render_actions(r, v);
	render_checkins(r, v);
	if (v->recognise)
		render_recognition_form(r, v->p->rep_id, v);
	if (v->manage) {
		html_printf(o, "<form class=\"card form\" method=\"post\" action=\"/plans/%lld/close\">", (long long)p->id);
		ui_csrf(r);
		html_printf(o, "<p class=\"muted\">%s</p><div class=\"actions\"><button class=\"button\" type=\"submit\">%s"
			    "</button></div></form>", T("A closed plan stays readable; the rep can have a new one."),
			    T("Close the plan"));
	}
	ui_page_end(r);
}

void page_plan(struct request *r)
{
	struct plan_view v;
	if (plan_view_load(r, r->id, NEED_SEE, &v))
		return;
	if (export_wanted(r)) {
		const char *which = req_query(r, "table");
		export_send(r, which && !strcmp(which, "actions") ? actions_table(r, &v)
			       : which && !strcmp(which, "checkins") ? checkins_table(r, &v) : goals_table(r, &v));
		return;
	}
	render_plan(r, &v);
}

/* a form came back with mistakes: the plan page with them, 400 */
static void plan_form_failed(struct request *r, struct plan_view *v, const char *form, const struct plan_field_error *errs,
			     size_t nerr)
{
	v->form = form;
	memcpy(v->errs, errs, nerr * sizeof(*errs));
	v->nerr = nerr;
	v->notice = T("Nothing was saved. Check the fields marked below.");
	r->status = 400;
	render_plan(r, v);
}

static void back_to_plan(struct request *r, int64_t id, const char *anchor)
{
	resp_redirect(r, arena_printf(r->a, "/plans/%lld?saved=1#%s", (long long)id, anchor));
}

/* the plan is open, or the answer (409) is sent */
static int plan_is_open(struct request *r, const struct plan *p)
{
	if (!strcmp(p->status, "open"))
		return 1;
	resp_error(r, E_CONFLICT, T("This plan is closed. Reopen it (or make a new one) to change it."));
	return 0;
}

void page_plan_goals_post(struct request *r)
{
	struct plan_view v;
	if (plan_view_load(r, r->id, NEED_CHANGE, &v) || !plan_is_open(r, v.p))
		return;
	struct goal_input in = { .kind = req_form_trimmed(r, "kind"), .title = req_form_trimmed(r, "title"),
				 .metric = req_form_trimmed(r, "metric") };
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	size_t nerr = 0;
	/* learning (issue 9): a kind of learning narrows a learning figure
	 * ("learning_activities:book"); with another figure it is refused */
	const char *lk = req_form_trimmed(r, "learning_kind");
	int bad_kind = 0;
	if (lk && *lk) {
		if (in.metric && goal_metric_counts(in.metric) && !goal_metric_kind(in.metric) && learning_kind_valid(lk))
			in.metric = arena_printf(r->a, "%s:%s", in.metric, lk);
		else
			bad_kind = 1;
	}
	int counts = goal_metric_counts(in.metric);
	const char *target = req_form_trimmed(r, "target"), *baseline = req_form_trimmed(r, "baseline");
	int bad_number = 0;
	if (target && *target) {
		in.has_target = 1;
		if (plansui_parse_percent(r, target, &in.target))
			in.target = NAN, bad_number = 1;
		else if (counts)
			in.target *= 100;	/* a number as typed, not a percentage */
	}
	if (baseline && *baseline) {
		in.has_baseline = 1;
		if (plansui_parse_percent(r, baseline, &in.baseline))
			in.baseline = NAN, bad_number = 1;
		else if (counts)
			in.baseline *= 100;
	}
	(void)bad_number;
	int64_t trait = req_id_field(req_form_trimmed(r, "trait_id"));
	enum err e = plansui_goal_check(r, v.p, &in, trait, errs, &nerr);
	if (!e && bad_kind && nerr < PLAN_ERRORS_MAX)
		errs[nerr++] = (struct plan_field_error){ "learning_kind",
							  N_("A kind of learning goes with a learning figure only.") };
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (nerr) {
		plan_form_failed(r, &v, "goal", errs, nerr);
		return;
	}
	int64_t id;
	e = plan_goal_add(r->db, r->me.org_id, v.p->id, in.kind, in.title, trait, in.metric ? in.metric : "",
			  in.has_baseline ? in.baseline : NAN, in.has_target ? in.target : NAN, &id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	back_to_plan(r, v.p->id, "goals");
}

void page_plan_goal_status_post(struct request *r)
{
	struct plan_goal *g = plan_goal_load_or_reply(r, r->id, r->id2, NEED_CHANGE);
	if (!g)
		return;
	const char *status = req_form(r, "status");
	if (!goal_status_valid(status)) {
		resp_error(r, E_INVALID, T("status: a goal is open, done or dropped."));
		return;
	}
	enum err e = plan_goal_update(r->db, r->me.org_id, g->id, NULL, status, NAN);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	back_to_plan(r, r->id, "goals");
}

void page_plan_actions_post(struct request *r)
{
	struct plan_view v;
	if (plan_view_load(r, r->id, NEED_CHANGE, &v) || !plan_is_open(r, v.p))
		return;
	struct action_input in = { req_form_trimmed(r, "what"), req_form_trimmed(r, "due") };
	int64_t owner = req_id_field(req_form_trimmed(r, "owner_id"));
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	size_t nerr = 0;
	plansui_action_check(r, v.p, &in, owner, errs, &nerr);
	if (nerr) {
		plan_form_failed(r, &v, "action", errs, nerr);
		return;
	}
	int64_t id;
	enum err e = plan_action_add(r->db, r->me.org_id, v.p->id, 0, in.what, owner, in.due, &id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	back_to_plan(r, v.p->id, "actions");
}

void page_plan_action_done_post(struct request *r)
{
	struct plan_action *x = plan_action_load_or_reply(r, r->id, r->id2, NEED_CLOSE);
	if (!x)
		return;
	enum err e = plan_action_done(r->db, r->me.org_id, x->id, *x->done_on ? x->done_on : ui_today(r));
	if (e) {
		resp_store_error(r, e);
		return;
	}
	back_to_plan(r, r->id, "actions");
}

void page_plan_checkins_post(struct request *r)
{
	struct plan_view v;
	if (plan_view_load(r, r->id, NEED_PRIVATE, &v) || !plan_is_open(r, v.p))
		return;
	struct checkin_input in = { req_form_trimmed(r, "on_date"), req_form_trimmed(r, "note") };
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	size_t nerr = checkin_input_check(&in, errs);
	const char *rec = req_form(r, "recognise");
	int recognise = rec && !strcmp(rec, "1");
	struct recognition_input ri = { req_form_trimmed(r, "recognition_kind"), in.note };
	if (recognise) {
		if (!v.recognise) {
			resp_error(r, E_FORBIDDEN, T("Only the rep's manager gives recognition."));
			return;
		}
		if (!recognition_kind_valid(ri.kind) && nerr < PLAN_ERRORS_MAX)
			errs[nerr++] = (struct plan_field_error){ "kind", N_("Choose what you recognise: effort, improvement, "
									     "progress or a win.") };
	}
	if (nerr) {
		plan_form_failed(r, &v, "checkin", errs, nerr);
		return;
	}
	enum err e = db_begin(r->db);
	int64_t id = 0, rid = 0;
	if (!e)
		e = plan_checkin_add(r->db, r->me.org_id, v.p->id, r->me.user_id, in.on_date, in.note, &id);
	if (!e && recognise)
		e = recognition_add(r->db, r->me.org_id, v.p->rep_id, r->me.user_id, ri.kind, in.note, "checkin", id, &rid);
	if (!e)
		e = db_commit(r->db);
	if (e) {
		db_rollback(r->db);
		resp_store_error(r, e);
		return;
	}
	back_to_plan(r, v.p->id, "checkins");
}

void page_plan_close_post(struct request *r)
{
	struct plan *p = plan_load_or_reply(r, r->id, NEED_CHANGE, NULL);
	if (!p)
		return;
	enum err e = plan_update(r->db, r->me.org_id, p->id, NULL, "closed");
	if (e) {
		resp_store_error(r, e);
		return;
	}
	back_to_plan(r, p->id, "goals");
}

/* POST /reps/:id/recognition: from a plan (plan_id) or directly */
void page_rep_recognition_post(struct request *r)
{
	struct user *u = recognise_load_or_reply(r, r->id);
	if (!u)
		return;
	struct recognition_input in = { req_form_trimmed(r, "kind"), req_form_trimmed(r, "note") };
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	size_t nerr = recognition_input_check(&in, errs);
	int64_t plan_id = req_id_field(req_form(r, "plan_id"));
	struct plan_view v;
	if (nerr && plan_id > 0) {
		if (plan_view_load(r, plan_id, NEED_SEE, &v))
			return;
		if (v.p->rep_id == u->id) {
			plan_form_failed(r, &v, "recognition", errs, nerr);
			return;
		}
	}
	if (nerr) {
		struct strbuf sb = STRBUF_INIT;
		for (size_t i = 0; i < nerr; i++)
			sb_addf(&sb, "%s%s: %s", i ? "; " : "", errs[i].field, T(errs[i].message));
		const char *msg = arena_strdup(r->a, sb.buf);
		sb_release(&sb);
		resp_error(r, E_INVALID, msg);
		return;
	}
	int64_t id;
	enum err e = recognition_add(r->db, r->me.org_id, u->id, r->me.user_id, in.kind, in.note, "other", 0, &id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (plan_id > 0)
		back_to_plan(r, plan_id, "recognition");
	else
		resp_redirect(r, arena_printf(r->a, "/reps/%lld?recognised=1", (long long)u->id));
}

/* ------------------------------------------- home page and rep page parts */

void plans_home_section(struct request *r)
{
	struct strbuf *o = &r->out;
	char until[11];
	day_add(ui_today(r), 7, until);
	struct plan_action *x;
	size_t nx;
	struct recognition *rec;
	size_t nrec;
	int64_t total;
	struct plan_scope own = { r->me.user_id, 0 };
	if (plan_actions_due(r->db, r->a, r->me.org_id, r->me.user_id, until, 10, &x, &nx) ||
	    recognitions_list(r->db, r->a, r->me.org_id, &own, 5, 0, &rec, &nrec, &total))
		return;	/* a part of the home page; the page itself still answers */
	if (!nx && !nrec)
		return;
	const char *today = ui_today(r);
	html_printf(o, "<section class=\"card\" id=\"plan-due\"><h2>%s</h2>", T("What is due: plan actions"));
	if (!nx)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No plan actions due this week."));
	else {
		html(o, "<ul class=\"due-list\">");
		for (size_t i = 0; i < nx; i++) {
			int overdue = strcmp(x[i].due, today) < 0;
			html_printf(o, "<li%-s><a href=\"/plans/%lld#actions\">%s</a> · %s%-s%s%-s</li>",
				    overdue ? " class=\"overdue\"" : "", (long long)x[i].plan_id, x[i].what,
				    ui_date_text(r, x[i].due), overdue ? " <span class=\"tag flag-warn\">" : "",
				    overdue ? T("overdue") : "", overdue ? "</span>" : "");
		}
		html(o, "</ul>");
	}
	if (nrec) {
		html_printf(o, "<h3>%s</h3><ul class=\"recognitions\">", T("Recognition you received"));
		for (size_t i = 0; i < nrec; i++) {
			char day[11];
			epoch_to_date(rec[i].created_at, day);
			html_printf(o, "<li><span class=\"tag\">%s</span> <strong>%s</strong> · %s<p class=\"note\">%s</p></li>",
				    T(recognition_kind_label(rec[i].kind)), rec[i].giver_name, ui_date_text(r, day), rec[i].note);
		}
		html(o, "</ul>");
	}
	html(o, "</section>");
}

static void rep_plan_part(struct request *r, const struct user *u);

void plans_rep_section(struct request *r, const struct user *u)
{
	rep_plan_part(r, u);
	struct person rep = { u->id, u->org_id, u->team_id };
	if (access_recognise(&r->viewer, &rep)) {
		if (req_query(r, "recognised"))
			ui_notice(r, "ok", T("Saved."));
		render_recognition_form(r, u->id, NULL);
	}
}

static void rep_plan_part(struct request *r, const struct user *u)
{
	struct strbuf *o = &r->out;
	struct plan p;
	enum err e = plan_current(r->db, r->a, r->me.org_id, u->id, ui_today(r), &p);
	html_printf(o, "<section class=\"card\" id=\"rep-plan\"><h2>%s</h2>", T("Development plan"));
	if (e) {
		html_printf(o, "<p class=\"muted\">%s</p>", e == E_NOTFOUND ? T("No open plan for today.")
							: T("The plan cannot be shown just now."));
		struct person rep = { u->id, u->org_id, u->team_id };
		if (e == E_NOTFOUND && access_plan_manage(&r->viewer, &rep))
			html_printf(o, "<p><a class=\"button\" href=\"/plans/new?rep=%lld\">%s</a></p>", (long long)u->id,
				    T("New plan"));
		html(o, "</section>");
		return;
	}
	struct plan_goal *g;
	size_t n;
	if (plan_goals_list(r->db, r->a, r->me.org_id, p.id, &g, &n)) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", T("The plan cannot be shown just now."));
		return;
	}
	struct plan_balance b;
	plansui_balance(g, n, &b);
	html_printf(o, "<p><a href=\"/plans/%lld\">%s</a> · %s – %s</p>", (long long)p.id,
		    *p.title ? p.title : T("Development plan"), ui_date_text(r, p.period_start), ui_date_text(r, p.period_end));
	render_balance(r, &b);
	html(o, "<ul class=\"plan-goals\">");
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(g[i].status, "dropped"))
			continue;
		double cur, prog;
		if (plansui_goal_progress(r, &p, &g[i], &cur, &prog))
			cur = prog = NAN;
		html_printf(o, "<li><span class=\"tag\">%s</span> %s", !strcmp(g[i].kind, "achievement")
			    ? T("Achievement goal") : T("Result goal"), g[i].title);
		if (*g[i].metric)
			html_printf(o, " · %s %s", metric_text(r, g[i].metric),
				    isnan(prog) ? "–" : arena_printf(r->a, T("%s of the way"), pct_text(r, prog)));
		html(o, "</li>");
	}
	html(o, "</ul></section>");
}
