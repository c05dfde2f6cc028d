/*
 * page-numbers: a rep's own numbers (GET /numbers?rep=ID&period=P) and the
 * numbers of a team side by side (GET /numbers/team?team=ID|who=led|org
 * &period=P). The article behind it: salespeople who reach their targets
 * know their numbers — where they stand, where they must get, and what
 * that asks of every remaining week — and a manager knows the same of
 * each rep.
 *
 * Every figure stands beside the rule that makes it, with the numbers put
 * in ("€ 12.000 won in 40 of 92 days, so about € 27.600 by 31 Dec"), so a
 * rep can redo the sum by hand. The rules live in domain/attainment.h and
 * domain/tiers.h, the targets and results in store/numbers.c; this file
 * only shows them. The progress chart is drawn by app.js ("progress" and
 * "pct-bars" kinds) from a JSON block, with the same numbers in a table.
 *
 * Whose numbers: a rep sees their own; a manager those of the reps in the
 * teams they lead; an admin everyone's (web/who.c checks the rights).
 */
#include "pages.h"
#include "ui.h"
#include "who.h"
#include "repgroup.h"
#include "numbersui.h"
#include "export.h"
#include "repnumbers.h"
#include "../domain/attainment.h"
#include "../domain/tiers-grid.h"
#include "../store/users.h"
#include "../lib/fmt.h"
#include "../lib/table.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define C_RESULT "#1f6f4a"
#define C_TARGET "#5d6f65"
#define C_PROJECTION "#b54708"

const char *ui_tier_name(struct request *r, enum tier t)
{
	switch (t) {
	case TIER_SUPERSTAR: return T("Superstar");
	case TIER_CORE: return T("Core");
	case TIER_AT_RISK: return T("At risk");
	case TIER_UNDER: return T("Underperformer");
	default: return T("No target");
	}
}

static void stat_card(struct request *r, const char *cls, const char *label, const char *value, const char *note)
{
	html_printf(&r->out, "<div class=\"stat fig-stat%-s\"><span class=\"stat-label\">%s</span>"
		    "<span class=\"stat-value\">%s</span><span class=\"stat-note\">%s</span></div>",
		    cls, label, value, note);
}

/* "&period=2026-Q4" (or the kind and day asked) for links that leave the page */
static const char *period_query(struct request *r)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const keys[] = { "period", "kind", "day" };
	for (size_t i = 0; i < 3; i++) {
		const char *v = req_query(r, keys[i]);
		if (!v || !*v)
			continue;
		sb_addf(&sb, "&%s=", keys[i]);
		url_encode(&sb, v);
	}
	char *s = arena_strdup(r->a, sb.len ? sb.buf : "");
	sb_release(&sb);
	return s;
}

/* a download line for a table other than the page's main one: the
 * current query with table=NAME */
static void export_links_for(struct request *r, const char *path, const char *table)
{
	const char *q = r->raw_query && *r->raw_query ? arena_printf(r->a, "%s&", r->raw_query) : "";
	html_printf(&r->out, "<p class=\"export-links muted\">%s <a href=\"%s?%stable=%s&amp;format=csv\">CSV</a> · "
		    "<a href=\"%s?%stable=%s&amp;format=xlsx\">Excel</a></p>",
		    T("Download:"), path, q, table, path, q, table);
}

/* ---------------------------------------------------------------- my numbers */

int rep_numbers_load(struct request *r, const struct user *u, const struct numbers_settings *s,
		     const struct period *p, struct rep_numbers *n)
{
	memset(n, 0, sizeof(*n));
	n->u = u;
	n->s = s;
	n->p = p;
	/* the underperformer rule looks back under_periods periods, so the
	 * oldest period shown needs that many before it */
	size_t back = s->rules.under_periods > 1 ? (size_t)s->rules.under_periods - 1 : 0;
	size_t total = HISTORY + back;
	struct period *periods = arena_alloc(r->a, total * sizeof(*periods));
	period_history(p, s->fiscal_start_month, total, periods);

	/* a share of revenue needs everyone the share is of: the rep's team
	 * (the organisation for a rep in no team); without that rule the rep
	 * alone is enough */
	struct numbers_scope sc = { u->id, 0, 0 };
	if (s->rules.superstar_share_pct > 0) {
		sc.rep_id = 0;
		sc.team_id = u->team_id;
	}
	struct numbers_grid g;
	if (numbers_grid_load(r->db, r->a, r->me.org_id, &sc, periods, total, s->source, &g))
		return -1;
	size_t cells = g.nreps * total;
	enum tier *tier = arena_alloc(r->a, (cells ? cells : 1) * sizeof(*tier));
	double *att = arena_alloc(r->a, (cells ? cells : 1) * sizeof(*att));
	struct tiers_grid_input in = { g.nreps, total, g.has_target, g.target_minor, g.result_minor, g.team_id };
	if (cells)
		tiers_grid_compute(&s->rules, &in, tier, NULL, att);

	n->nhist = HISTORY;
	n->hist = periods + back;
	n->h_has = arena_alloc(r->a, HISTORY);
	n->h_target = arena_alloc(r->a, HISTORY * sizeof(int64_t));
	n->h_result = arena_alloc(r->a, HISTORY * sizeof(int64_t));
	n->h_att = arena_alloc(r->a, HISTORY * sizeof(double));
	n->h_tier = arena_alloc(r->a, HISTORY * sizeof(enum tier));
	size_t ri = SIZE_MAX;
	for (size_t i = 0; i < g.nreps; i++)
		if (g.reps[i].user_id == u->id)
			ri = i;
	for (size_t j = 0; j < HISTORY; j++) {
		size_t c = ri * total + back + j;
		/* someone who is not a rep and has neither target nor result is
		 * not in the grid: nothing to count */
		n->h_has[j] = ri != SIZE_MAX && g.has_target[c];
		n->h_target[j] = ri != SIZE_MAX ? g.target_minor[c] : 0;
		n->h_result[j] = ri != SIZE_MAX ? g.result_minor[c] : 0;
		n->h_att[j] = ri != SIZE_MAX ? att[c] : NAN;
		n->h_tier[j] = ri != SIZE_MAX ? tier[c] : TIER_NONE;
	}
	n->has_target = n->h_has[HISTORY - 1];
	n->target = n->h_target[HISTORY - 1];
	n->result = n->h_result[HISTORY - 1];
	attainment_compute(n->has_target, n->target, n->result, p, ui_today(r), &n->a);
	if (numbers_daily(r->db, r->a, r->me.org_id, u->id, p, s->source, &n->cum, &n->ncum))
		return -1;
	return 0;
}

/* the day index of today within p: -1 before it, ncum - 1 after it */
static long today_index(const struct rep_numbers *n)
{
	if (n->a.state == PERIOD_FUTURE)
		return -1;
	return n->a.days_elapsed - 1;
}

/* the straight target line at the end of day i: 0 at the start, the
 * target at the end */
static int64_t target_line(const struct rep_numbers *n, size_t i)
{
	int64_t days = n->a.days_total > 0 ? n->a.days_total : 1;
	return (int64_t)llround((double)n->target * (double)(i + 1) / (double)days);
}

/* the run-rate line from today on: today's result grows at the same pace */
static int64_t projection_line(const struct rep_numbers *n, size_t i)
{
	long ti = today_index(n);
	if (ti < 0 || (size_t)ti >= n->ncum)
		return 0;
	return (int64_t)llround((double)n->cum[ti] * (double)(i + 1) / (double)(ti + 1));
}

static int64_t cum_at(const struct rep_numbers *n, size_t i)
{
	return i < n->ncum ? n->cum[i] : n->result;
}

static void render_cards(struct request *r, const struct rep_numbers *n)
{
	const char *cur = n->s->currency;
	const struct attainment *a = &n->a;
	const char *end = ui_date_text(r, n->p->end);
	const char *none = "–";
	html(&r->out, "<div class=\"stats fig-stats num-stats\">");

	stat_card(r, "", T("Target"), n->has_target ? ui_money_text(r, n->target, cur) : none,
		  n->has_target ? arena_printf(r->a, T("to reach by %s"), end) : T("No target is set for this period."));

	const char *basis;
	if (n->s->source == RESULTS_IMPORTED)
		basis = T("the result imported for this period");
	else if (a->state == PERIOD_FUTURE)
		basis = T("won deals count once the period starts");
	else
		basis = arena_printf(r->a, T("won deals closed from %s to %s"), ui_date_text(r, n->p->start),
				     ui_date_text(r, a->state == PERIOD_CURRENT ? ui_today(r) : n->p->end));
	stat_card(r, "", T("Result"), ui_money_text(r, n->result, cur), basis);

	const char *att_flag = !isfinite(a->attainment) ? "" : a->attainment >= 1 ? " flag-good" : "";
	stat_card(r, att_flag, T("Attainment"), ui_percent_text(r, a->attainment),
		  isfinite(a->attainment)
		  ? arena_printf(r->a, T("%s result of %s target"), ui_money_text(r, n->result, cur), ui_money_text(r, n->target, cur))
		  : T("result ÷ target: there is no target to divide by"));

	const char *proj_note;
	if (a->state == PERIOD_CURRENT)
		proj_note = arena_printf(r->a, trn(r->lang, "%s won in %d of %d day, so about %s by %s",
						   "%s won in %d of %d days, so about %s by %s", a->days_total),
					 ui_money_text(r, n->result, cur), a->days_elapsed, a->days_total,
					 ui_money_text(r, a->projection_minor, cur), end);
	else if (a->state == PERIOD_PAST)
		proj_note = T("the period is over, so the projection is the result");
	else
		proj_note = arena_printf(r->a, T("nothing to project before the period starts on %s"),
					 ui_date_text(r, n->p->start));
	if (isfinite(a->projected_attainment))
		proj_note = arena_printf(r->a, T("%s: %s of target"), proj_note, ui_percent_text(r, a->projected_attainment));
	const char *proj_flag = !isfinite(a->projected_attainment) || a->state == PERIOD_FUTURE ? ""
		: a->projected_attainment >= 1 ? " flag-good" : " flag-warn";
	stat_card(r, proj_flag, T("Projection"), ui_money_text(r, a->projection_minor, cur), proj_note);

	if (n->has_target)
		stat_card(r, "", T("Still needed"), ui_money_text(r, a->remaining_minor, cur),
			  a->remaining_minor > 0
			  ? arena_printf(r->a, T("%s target − %s result"), ui_money_text(r, n->target, cur), ui_money_text(r, n->result, cur))
			  : T("the target is reached"));
	else
		stat_card(r, "", T("Still needed"), none, T("target − result: there is no target"));

	const char *week_note;
	if (!n->has_target)
		week_note = T("there is no target to work towards");
	else if (a->days_left <= 0)
		week_note = T("no days are left in the period");
	else
		week_note = arena_printf(r->a, trn(r->lang, "%s still needed in %d day left (%s weeks)",
						   "%s still needed in %d days left (%s weeks)", a->days_left),
					 ui_money_text(r, a->remaining_minor, cur), a->days_left, ui_decimal_text(r, a->days_left / 7.0, 1));
	stat_card(r, "", T("Needed per week"),
		  a->needed_per_week_minor >= 0 ? ui_money_text(r, a->needed_per_week_minor, cur) : none, week_note);

	stat_card(r, "", T("Days left"), arena_printf(r->a, "%d", a->days_left),
		  a->state == PERIOD_FUTURE
		  ? arena_printf(r->a, trn(r->lang, "the period of %d day starts on %s",
					   "the period of %d days starts on %s", a->days_total), a->days_total,
				 ui_date_text(r, n->p->start))
		  : arena_printf(r->a, trn(r->lang, "%d of %d day left, up to and including %s",
					   "%d of %d days left, up to and including %s", a->days_total),
				 a->days_left, a->days_total, end));
	html(&r->out, "</div>");
	html_printf(&r->out, "<p class=\"muted fig-basis\">%s</p>",
		    T("Today counts as a day gone by. The projection keeps the pace so far up to the end of the period; "
		      "the amount per week spreads what is still needed over the days that are left."));
}

/* the weekly points of the progress table: every seventh day, today and the last day */
static struct table *progress_table(struct request *r, const struct rep_numbers *n)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "progress-%s-%s", n->u->name, n->p->label), 4);
	t->currency = n->s->currency;
	table_col(t, 0, T("Day"), CELL_DATE);
	table_col(t, 1, T("Result so far"), CELL_MONEY);
	table_col(t, 2, T("Target line"), CELL_MONEY);
	table_col(t, 3, T("Projection"), CELL_MONEY);
	long ti = today_index(n);
	size_t days = (size_t)n->a.days_total;
	for (size_t i = 0; i < days; i++) {
		if (!((i + 1) % 7 == 0 || i + 1 == days || (long)i == ti))
			continue;
		char d[11];
		day_add(n->p->start, (long)i, d);
		size_t row = table_row(t);
		table_date(t, row, 0, d);
		if (ti >= 0 && (long)i <= ti)
			table_money(t, row, 1, cum_at(n, i));
		if (n->has_target)
			table_money(t, row, 2, target_line(n, i));
		if (n->a.state == PERIOD_CURRENT && (long)i >= ti)
			table_money(t, row, 3, projection_line(n, i));
	}
	return t;
}

static void render_progress(struct request *r, const struct rep_numbers *n, const struct table *weekly)
{
	struct strbuf *o = &r->out;
	long ti = today_index(n);
	size_t days = (size_t)n->a.days_total;
	html_printf(o, "<section class=\"card\" id=\"progress\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("Progress against the target line"),
		    n->has_target
		    ? T("The solid line is the result so far, added up day by day. The dashed line runs straight from "
			"nothing on the first day to the target on the last: above it is ahead of schedule. The dotted "
			"line carries today's pace on to the end of the period.")
		    : T("The solid line is the result so far, added up day by day. Without a target there is no "
			"target line."));

	json_t *labels = json_array(), *res = json_array(), *tl = json_array(), *pl = json_array();
	for (size_t i = 0; i < days; i++) {
		char d[11];
		day_add(n->p->start, (long)i, d);
		json_array_append_new(labels, json_string(d));
		json_array_append_new(res, ti >= 0 && (long)i <= ti ? json_integer(cum_at(n, i)) : json_null());
		json_array_append_new(tl, json_integer(target_line(n, i)));
		json_array_append_new(pl, n->a.state == PERIOD_CURRENT && (long)i >= ti
				      ? json_integer(projection_line(n, i)) : json_null());
	}
	json_t *sets = json_array();
	json_array_append_new(sets, json_pack("{s:s, s:o, s:s, s:s, s:b}", "label", T("Result"), "data", res,
					      "color", C_RESULT, "style", "solid", "fill", 1));
	if (n->has_target)
		json_array_append_new(sets, json_pack("{s:s, s:o, s:s, s:s}", "label", T("Target line"), "data", tl,
						      "color", C_TARGET, "style", "dashed"));
	else
		json_decref(tl);
	if (n->a.state == PERIOD_CURRENT)
		json_array_append_new(sets, json_pack("{s:s, s:o, s:s, s:s}", "label", T("Projection"), "data", pl,
						      "color", C_PROJECTION, "style", "dotted"));
	else
		json_decref(pl);
	json_t *spec = json_pack("{s:s, s:s, s:s, s:o, s:o}", "kind", "progress", "locale", lang_code(r->lang),
				 "currency", n->s->currency, "labels", labels, "datasets", sets);
	if (n->a.state == PERIOD_CURRENT) {
		json_object_set_new(spec, "today", json_string(ui_today(r)));
		json_object_set_new(spec, "todayLabel", json_string(T("Today")));
	}
	ui_chart(r, "chart-progress", T("Line chart: the result so far against the target line and the projection. "
					  "The numbers are in the table below."), spec);
	html_printf(o, "<details class=\"numbers\"><summary>%s</summary>", T("Show the numbers"));
	ui_table(r, weekly, T("The result so far at the end of every week, today and the last day"));
	export_links_for(r, "/numbers", "progress");
	html(o, "</details></section>");
}

/* a period's label in short for a table of one kind: "Nov 2026", "Q4 2026", "FY2026" */
static const char *period_short(struct request *r, const struct period *p)
{
	switch (p->kind) {
	case PERIOD_MONTH:
		return arena_printf(r->a, "%s %d", month_name(r->lang, atoi(p->start + 5), 1), atoi(p->start));
	case PERIOD_QUARTER:
		return arena_printf(r->a, T("Q%d %d"), atoi(p->label + 6), atoi(p->label));
	default:
		return arena_printf(r->a, T("FY%d"), atoi(p->start));
	}
}

struct table *rep_numbers_history_table(struct request *r, const struct rep_numbers *n)
{
	/* named after the rep, for whoever downloads several */
	struct table *t = table_new(r->a, arena_printf(r->a, "numbers-%s-%s", n->u->name, n->p->label), 5);
	t->currency = n->s->currency;
	table_col(t, 0, T("Period"), CELL_TEXT);
	table_col(t, 1, T("Target"), CELL_MONEY);
	table_col(t, 2, T("Result"), CELL_MONEY);
	table_col(t, 3, T("Attainment"), CELL_PCT);
	table_col(t, 4, T("Tier"), CELL_TEXT);
	for (size_t k = n->nhist; k-- > 0;) {
		size_t row = table_row(t);
		table_text(t, row, 0, period_short(r, &n->hist[k]));
		if (n->h_has[k])
			table_money(t, row, 1, n->h_target[k]);
		table_money(t, row, 2, n->h_result[k]);
		table_pct(t, row, 3, n->h_att[k]);
		table_text(t, row, 4, ui_tier_name(r, n->h_tier[k]));
	}
	return t;
}

static void render_history(struct request *r, const struct rep_numbers *n, const struct table *t)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"history\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("The last eight periods"),
		    T("Target, result, attainment and tier in this period and the seven before it. How the tiers are "
		      "decided:"));
	ui_tier_rules_words(r, &n->s->rules);
	ui_table(r, t, n->u->name);
	ui_export_links(r);
	html(o, "</section>");
}

/* /numbers?team=ID (or who=led|org) belongs on the team page */
static void to_team_page(struct request *r, const struct who *w)
{
	const char *wq = w->kind == WHO_ORG ? "who=org" : who_query(r, w);
	resp_redirect(r, arena_printf(r->a, "/numbers/team?%s%s", wq, period_query(r)));
}

/* the heading, whose numbers (for managers) and the period */
static void render_head(struct request *r, const struct user *u, const struct period *p)
{
	struct strbuf *o = &r->out;
	int own = u->id == r->me.user_id;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1>"
		    "<p class=\"muted\">%s</p></div></div>", own ? T("Numbers") : T("Numbers of"),
		    own ? T("My numbers") : u->name, ui_period_name(r, p));
	ui_numbers_tabs(r, "numbers");
	html(o, "<section class=\"card num-filter\">");
	struct who_options opt;
	if (!who_options(r, WHO_OPT_REPS_ONLY, &opt)) {
		size_t k = 0;
		for (size_t i = 0; i < opt.n; i++)
			if (!strncmp(opt.values[i], "rep:", 4)) {
				opt.values[k] = opt.values[i];
				opt.labels[k++] = opt.labels[i];
			}
		if (k > 1) {
			html_printf(o, "<form method=\"get\" action=\"/numbers\" class=\"form inline num-who\" aria-label=\"%s\">",
				    T("Whose numbers"));
			html_printf(o, "<input type=\"hidden\" name=\"period\" value=\"%s\">", p->label);
			ui_select(r, "who", T("Whose numbers"), opt.values, opt.labels, k,
				  arena_printf(r->a, "rep:%lld", (long long)u->id), NULL);
			html_printf(o, "<div class=\"actions\"><button class=\"button small\" type=\"submit\">%s</button></div>"
				    "</form>", T("Show"));
		}
	}
	ui_period_picker(r, "/numbers", p, own ? "" : arena_printf(r->a, "rep=%lld", (long long)u->id));
	html(o, "</section>");
}

void page_numbers(struct request *r)
{
	struct who w;
	int got = who_from_query(r, &w);
	if (got < 0)
		return;
	if (got && w.kind != WHO_REP) {
		to_team_page(r, &w);
		return;
	}
	struct numbers_settings s;
	struct period p;
	if (numbers_context(r, PERIOD_QUARTER, &s, &p))
		return;
	/* whoever sees a group by default (access_default_scope: an admin, a
	 * manager who leads teams) and never had a target or a result of their
	 * own would open on an empty page of their own: the group's instead */
	if (!got && access_default_scope(&r->viewer) != DEFAULT_SELF) {
		struct numbers_scope self = { r->me.user_id, 0, 0 };
		const char *latest;
		if (numbers_latest_data_day(r->db, r->a, r->me.org_id, &self, s.source, "9999-12-31", &latest)) {
			resp_store_error(r, E_OK);
			return;
		}
		if (!*latest) {
			const char *q = period_query(r);
			resp_redirect(r, arena_printf(r->a, "/numbers/team%s%s", *q ? "?" : "", *q ? q + 1 : ""));
			return;
		}
	}
	struct user u;
	if (user_get(r->db, r->a, r->me.org_id, got ? w.id : r->me.user_id, &u)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct rep_numbers n;
	if (rep_numbers_load(r, &u, &s, &p, &n)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct table *weekly = progress_table(r, &n), *hist = rep_numbers_history_table(r, &n);
	if (export_wanted(r)) {
		const char *which = req_query(r, "table");
		export_send(r, which && !strcmp(which, "progress") ? weekly : hist);
		return;
	}

	int own = u.id == r->me.user_id;
	ui_page_begin(r, own ? T("My numbers") : u.name, "numbers");
	render_head(r, &u, &p);
	if (!n.has_target) {
		const char *msg = !own
			? arena_printf(r->a, T("%s has no target for %s, so there is nothing to measure the result "
					       "against."), u.name, ui_period_name(r, &p))
			: r->viewer.role == ROLE_REP
			? arena_printf(r->a, T("You have no target for %s, so there is nothing to measure the result "
					       "against. Your manager sets the targets."), ui_period_name(r, &p))
			: arena_printf(r->a, T("You have no target for %s, so there is nothing to measure the result "
					       "against."), ui_period_name(r, &p));
		html_printf(&r->out, "<div class=\"notice notice-info\" role=\"status\">%s", msg);
		if (access_target_set(&r->viewer, &(struct person){ u.id, u.org_id, u.team_id }))
			html_printf(&r->out, " <a href=\"/targets?period=%s%-s%s\">%s</a>", p.label,
				    u.team_id ? "&amp;team=" : "", u.team_id ? arena_printf(r->a, "%lld", (long long)u.team_id) : "",
				    T("Set the target"));
		if (own && r->viewer.role >= ROLE_MANAGER)
			html_printf(&r->out, " <a href=\"/numbers/team?period=%s\">%s</a>", p.label,
				    T("See the numbers of your team"));
		html(&r->out, "</div>");
	}
	render_cards(r, &n);
	render_progress(r, &n, weekly);
	render_history(r, &n, hist);
	html(&r->out, "<script src=\"/static/chart.umd.js\" defer></script>");
	ui_page_end(r);
}

/* ---------------------------------------------------------------- team */

struct team_row {
	const struct rep_row *rep;
	size_t i;			/* the rep's row in the grid, which is by name */
	int has_target;
	int64_t target, result;
	struct attainment a;
	enum tier tier;
};

/* the highest attainment first; no target last; then by name */
static int team_row_cmp(const void *pa, const void *pb)
{
	const struct team_row *a = pa, *b = pb;
	double x = a->a.attainment, y = b->a.attainment;
	int nx = !isfinite(x), ny = !isfinite(y);
	if (nx != ny)
		return nx - ny;
	if (!nx && x != y)
		return x < y ? 1 : -1;
	return a->i < b->i ? -1 : a->i > b->i;
}

struct team_totals {
	int64_t target, result, result_with_target;
	size_t with_target, reps;
	struct attainment a;		/* over the reps with a target */
	int64_t projection;		/* of every rep */
};

static const char *tier_color(enum tier t)
{
	switch (t) {
	case TIER_SUPERSTAR: return "#15523a";
	case TIER_CORE: return "#2f9e5b";
	case TIER_AT_RISK: return "#dc6803";
	case TIER_UNDER: return "#d92d20";
	default: return "#98a2b3";
	}
}

/* the columns of the team table, on the page and in the file alike:
 * attainment right after the name, where a phone shows it without scrolling */
static struct table *team_table(struct request *r, const struct team_row *rows, size_t n,
				const struct team_totals *tt, const struct period *p, const char *currency)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "team-numbers-%s", p->label), 9);
	t->currency = currency;
	table_col(t, 0, T("Rep"), CELL_TEXT);
	table_col(t, 1, T("Team"), CELL_TEXT);
	table_col(t, 2, T("Attainment"), CELL_PCT);
	table_col(t, 3, T("Result"), CELL_MONEY);
	table_col(t, 4, T("Target"), CELL_MONEY);
	table_col(t, 5, T("Projection"), CELL_MONEY);
	table_col(t, 6, T("Projected attainment"), CELL_PCT);
	table_col(t, 7, T("Needed per week"), CELL_MONEY);
	table_col(t, 8, T("Tier"), CELL_TEXT);
	for (size_t k = 0; k < n; k++) {
		const struct team_row *x = &rows[k];
		size_t row = table_row(t);
		table_text(t, row, 0, x->rep->name);
		table_text(t, row, 1, x->rep->team_name ? x->rep->team_name : "");
		table_pct(t, row, 2, x->a.attainment);
		table_money(t, row, 3, x->result);
		if (x->has_target)
			table_money(t, row, 4, x->target);
		table_money(t, row, 5, x->a.projection_minor);
		table_pct(t, row, 6, x->a.projected_attainment);
		if (x->a.needed_per_week_minor >= 0)
			table_money(t, row, 7, x->a.needed_per_week_minor);
		table_text(t, row, 8, ui_tier_name(r, x->tier));
	}
	size_t row = table_row(t);
	table_text(t, row, 0, T("Total"));
	table_pct(t, row, 2, tt->a.attainment);
	table_money(t, row, 3, tt->result);
	table_money(t, row, 4, tt->target);
	table_money(t, row, 5, tt->projection);
	table_pct(t, row, 6, tt->a.projected_attainment);
	if (tt->a.needed_per_week_minor >= 0)
		table_money(t, row, 7, tt->a.needed_per_week_minor);
	return t;
}

/* a small bar of attainment: <meter> needs no style attribute (the CSP
 * allows none); its colours follow the tier thresholds */
static void att_meter(struct request *r, double att, const struct tier_rules *rules)
{
	if (!isfinite(att))
		return;
	double top = rules->superstar_pct / 100.0 * 1.25;
	if (top < 1.25)
		top = 1.25;
	html_printf(&r->out, "<meter class=\"att-meter\" min=\"0\" max=\"%.2f\" low=\"%.2f\" high=\"%.2f\" optimum=\"%.2f\" "
		    "value=\"%.4f\" aria-hidden=\"true\"></meter>", top, rules->under_pct / 100.0, 1.0, top,
		    att < 0 ? 0 : att > top ? top : att);
}

/* "€37,481 (187%)": a projection with its attainment, when there is a target */
static const char *projection_text(struct request *r, const struct attainment *a, const char *cur)
{
	if (!isfinite(a->projected_attainment))
		return ui_money_text(r, a->projection_minor, cur);
	return arena_printf(r->a, "%s (%s)", ui_money_text(r, a->projection_minor, cur), ui_percent_text(r, a->projected_attainment));
}

static void render_team_table(struct request *r, const struct team_row *rows, size_t n, const struct team_totals *tt,
			      const struct numbers_settings *s)
{
	struct strbuf *o = &r->out;
	const char *cur = s->currency;
	html_printf(o, "<div class=\"table-wrap\"><table class=\"num-team\"><caption>%s</caption><thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    T("Reps by attainment, highest first"), T("Rep"), T("Attainment"), T("Result"), T("Target"),
		    T("Projection"), T("Needed per week"), T("Tier"));
	for (size_t k = 0; k < n; k++) {
		const struct team_row *x = &rows[k];
		html_printf(o, "<tr><th scope=\"row\"><a href=\"/numbers?rep=%lld%s\">%s</a>",
			    (long long)x->rep->user_id, period_query(r), x->rep->name);
		ui_rep_page_link(r, x->rep->user_id, r->me.org_id, x->rep->team_id, x->rep->name);
		html_printf(o, "<span class=\"rep-team muted\">%s</span></th><td class=\"num att-cell\">%s",
			    x->rep->team_name ? x->rep->team_name : "", ui_percent_text(r, x->a.attainment));
		att_meter(r, x->a.attainment, &s->rules);
		html_printf(o, "</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td>"
			    "<td class=\"num\">%s</td><td><span class=\"badge tier-badge tier-%s\">%s</span></td></tr>",
			    ui_money_text(r, x->result, cur), x->has_target ? ui_money_text(r, x->target, cur) : "–",
			    projection_text(r, &x->a, cur),
			    x->a.needed_per_week_minor >= 0 ? ui_money_text(r, x->a.needed_per_week_minor, cur) : "–",
			    tier_code(x->tier), ui_tier_name(r, x->tier));
	}
	html_printf(o, "</tbody><tfoot><tr><th scope=\"row\">%s</th><td class=\"num att-cell\">%s", T("Total"),
		    ui_percent_text(r, tt->a.attainment));
	att_meter(r, tt->a.attainment, &s->rules);
	html_printf(o, "</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td>"
		    "<td class=\"num\">%s</td><td></td></tr></tfoot></table></div>",
		    ui_money_text(r, tt->result, cur), ui_money_text(r, tt->target, cur),
		    isfinite(tt->a.projected_attainment)
		    ? arena_printf(r->a, "%s (%s)", ui_money_text(r, tt->projection, cur), ui_percent_text(r, tt->a.projected_attainment))
		    : ui_money_text(r, tt->projection, cur),
		    tt->a.needed_per_week_minor >= 0 ? ui_money_text(r, tt->a.needed_per_week_minor, cur) : "–");

	const char *basis = arena_printf(r->a, trn(r->lang,
		"The team's attainment and what it needs per week count the %zu rep with a target: %s result of %s target.",
		"The team's attainment and what it needs per week count the %zu reps with a target: %s result of %s target.",
		(long)tt->with_target),
		tt->with_target, ui_money_text(r, tt->result_with_target, cur), ui_money_text(r, tt->target, cur));
	if (tt->reps > tt->with_target)
		basis = arena_printf(r->a, T("%s The total result and projection count everyone."), basis);
	html_printf(o, "<p class=\"muted fig-basis\">%s %s</p>", basis,
		    T("The projection keeps the pace so far up to the end of the period; the amount per week spreads "
		      "what is still needed over the days that are left."));
}

/* a bar's colour from its attainment against the organisation's tier
 * thresholds (issue 14: a rep at 42 % is never green, whatever tier the
 * periods before gave): from the superstar line dark green, from the
 * underperformer line green, below it red */
static const char *attainment_color(const struct tier_rules *rules, double att)
{
	if (att * 100.0 >= rules->superstar_pct)
		return tier_color(TIER_SUPERSTAR);
	if (att * 100.0 >= rules->under_pct)
		return tier_color(TIER_CORE);
	return tier_color(TIER_UNDER);
}

static void render_team_chart(struct request *r, const struct team_row *rows, size_t n, const char *currency,
			      const struct tier_rules *rules)
{
	json_t *labels = json_array(), *data = json_array(), *colors = json_array(), *notes = json_array();
	size_t shown = 0;
	for (size_t k = 0; k < n; k++) {
		const struct team_row *x = &rows[k];
		if (!isfinite(x->a.attainment))
			continue;
		shown++;
		json_array_append_new(labels, json_string(x->rep->name));
		json_array_append_new(data, json_real(round(x->a.attainment * 10000.0) / 10000.0));
		json_array_append_new(colors, json_string(attainment_color(rules, x->a.attainment)));
		json_array_append_new(notes, json_string(arena_printf(r->a, T("%s result of %s target"),
								      ui_money_text(r, x->result, currency),
								      ui_money_text(r, x->target, currency))));
	}
	if (!shown) {
		json_decref(labels);
		json_decref(data);
		json_decref(colors);
		json_decref(notes);
		return;
	}
	json_t *spec = json_pack("{s:s, s:s, s:o, s:b, s:[{s:s, s:o, s:s, s:o, s:o}], s:[{s:f, s:s, s:s}]}",
				 "kind", "pct-bars", "locale", lang_code(r->lang), "labels", labels, "horizontal", 1,
				 "datasets", "label", T("Attainment"), "data", data, "color", "#2f9e5b", "colors", colors,
				 "notes", notes, "refs", "value", 1.0, "label", T("Target"), "color", "#b42318");
	html_printf(&r->out, "<section class=\"card\" id=\"attainment-chart\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("Attainment per rep"), T("Each bar is a rep's result as a share of their target; the dashed line "
					       "is 100 %. Reps without a target are left out. The numbers are in the table above."));
	ui_chart(r, "chart-attainment", T("Bar chart: attainment per rep, with a line at 100 %. The numbers are in the "
					  "table above."), spec);
	html(&r->out, "</section>");
}

void page_numbers_team(struct request *r)
{
	struct who w;
	int got = who_from_query(r, &w);
	if (got < 0)
		return;
	if (got && w.kind == WHO_REP) {
		resp_redirect(r, arena_printf(r->a, "/numbers?rep=%lld%s", (long long)w.id, period_query(r)));
		return;
	}
	if (!got && repgroup_default(r, &w)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct numbers_settings s;
	struct period p;
	if (numbers_context(r, PERIOD_QUARTER, &s, &p))
		return;
	struct who_options opt;
	if (repgroup_options(r, &opt)) {
		resp_store_error(r, E_OK);
		return;
	}
	/* the tier of this period needs the periods before it */
	size_t np = s.rules.under_periods > 1 ? (size_t)s.rules.under_periods : 1;
	struct period *periods = arena_alloc(r->a, np * sizeof(*periods));
	period_history(&p, s.fiscal_start_month, np, periods);
	struct numbers_scope sc = repgroup_scope(r, &w);
	struct numbers_grid g;
	if (numbers_grid_load(r->db, r->a, r->me.org_id, &sc, periods, np, s.source, &g)) {
		resp_store_error(r, E_OK);
		return;
	}
	size_t cells = g.nreps * np;
	enum tier *tier = arena_alloc(r->a, (cells ? cells : 1) * sizeof(*tier));
	struct tiers_grid_input in = { g.nreps, np, g.has_target, g.target_minor, g.result_minor, g.team_id };
	if (cells)
		tiers_grid_compute(&s.rules, &in, tier, NULL, NULL);

	const char *today = ui_today(r);
	struct team_row *rows = arena_alloc(r->a, (g.nreps ? g.nreps : 1) * sizeof(*rows));
	struct team_totals tt;
	memset(&tt, 0, sizeof(tt));
	tt.reps = g.nreps;
	for (size_t i = 0; i < g.nreps; i++) {
		size_t c = i * np + np - 1;
		struct team_row *x = &rows[i];
		x->rep = &g.reps[i];
		x->i = i;
		x->has_target = g.has_target[c];
		x->target = g.target_minor[c];
		x->result = g.result_minor[c];
		x->tier = tier[c];
		attainment_compute(x->has_target, x->target, x->result, &p, today, &x->a);
		tt.result += x->result;
		tt.projection += x->a.projection_minor;
		if (x->has_target) {
			tt.with_target++;
			tt.target += x->target;
			tt.result_with_target += x->result;
		}
	}
	attainment_compute(tt.with_target > 0, tt.target, tt.result_with_target, &p, today, &tt.a);
	qsort(rows, g.nreps, sizeof(*rows), team_row_cmp);

	struct table *t = team_table(r, rows, g.nreps, &tt, &p, s.currency);
	if (export_wanted(r)) {
		export_send(r, t);
		return;
	}

	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Team numbers"), "numbers");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1>"
		    "<p class=\"muted\">%s</p></div></div>", T("Team numbers"),
		    w.kind == WHO_TEAM ? arena_printf(r->a, T("Team %s"), w.name) : w.name, ui_period_name(r, &p));
	ui_numbers_tabs(r, "team");
	html(o, "<section class=\"card num-filter\">");
	if (opt.n > 1) {
		html_printf(o, "<form method=\"get\" action=\"/numbers/team\" class=\"form inline num-who\" aria-label=\"%s\">",
			    T("Whose numbers"));
		html_printf(o, "<input type=\"hidden\" name=\"period\" value=\"%s\">", p.label);
		ui_select(r, "who", T("Whose numbers"), opt.values, opt.labels, opt.n, w.value, NULL);
		html_printf(o, "<div class=\"actions\"><button class=\"button small\" type=\"submit\">%s</button></div></form>",
			    T("Show"));
	}
	ui_period_picker(r, "/numbers/team", &p, w.kind == WHO_ORG ? "who=org" : who_query(r, &w));
	html(o, "</section>");

	html_printf(o, "<section class=\"card\" id=\"reps\"><h2>%s</h2>", T("Where each rep stands"));
	if (!g.nreps) {
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("There are no reps here yet."));
	} else {
		if (!tt.with_target)
			html_printf(o, "<p class=\"notice notice-info\">%s <a href=\"/targets?period=%s&amp;%s\">%s</a></p>",
				    T("Nobody here has a target for this period yet."), p.label,
				    w.kind == WHO_ORG ? "who=org" : who_query(r, &w), T("Set targets"));
		render_team_table(r, rows, g.nreps, &tt, &s);
		ui_export_links(r);
	}
	html(o, "</section>");
	render_team_chart(r, rows, g.nreps, s.currency, &s.rules);
	html(o, "<script src=\"/static/chart.umd.js\" defer></script>");
	ui_page_end(r);
}
