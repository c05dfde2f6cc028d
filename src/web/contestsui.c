/* contestsui: see contestsui.h. */
#include "contestsui.h"
#include "ui.h"
#include "../domain/period.h"
#include "../store/numbers.h"
#include "../lib/util.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* a fault of the question: E_INVALID naming the field, or another error */
static enum err fail(struct lb_view *v, enum err e, const char *field, const char *msg)
{
	v->e_field = field;
	v->e_msg = msg;
	return e;
}

enum err lb_view_read(struct request *r, struct lb_view *v)
{
	memset(v, 0, sizeof(*v));
	v->team_name = "";
	v->team_shows_revenue = 1;
	enum err e = contests_teams(r->db, r->a, r->me.org_id, &v->teams, &v->nteams);
	if (e)
		return e;
	const char *team = req_query(r, "team");
	if (team && *team) {
		int64_t id;
		if (parse_i64(team, &id) || id <= 0)
			return fail(v, E_INVALID, "team", T("Choose a team from the list."));
		for (size_t i = 0; i < v->nteams; i++)
			if (v->teams[i].id == id) {
				v->team_id = id;
				v->team_name = v->teams[i].name;
				v->team_shows_revenue = v->teams[i].show_revenue;
			}
	}
	if ((team && *team && !v->team_id) || !access_leaderboard_see(&r->viewer, r->me.org_id, v->team_id))
		return fail(v, E_NOTFOUND, NULL, T("There is no such team."));
	const char *fig = req_query(r, "figure");
	v->figure = fig && *fig ? fig : "commitment_rate";
	int f = lb_figure_parse(v->figure);
	if (f < 0)
		return fail(v, E_INVALID, "figure", T("Choose a figure from the list."));
	const char *base = req_query(r, "base");
	v->base = f == FIG_MOST_IMPROVED ? (base && *base ? base : "commitment_rate") : v->figure;
	int b = lb_figure_parse(v->base);
	if (b < 0 || b == FIG_MOST_IMPROVED)
		return fail(v, E_INVALID, "base", T("Choose the figure whose improvement counts."));
	struct numbers_settings ns;
	settings_numbers(r->db, r->a, r->me.org_id, &ns);
	const char *from = req_query(r, "from"), *to = req_query(r, "to"), *period = req_query(r, "period");
	if (from && *from && to && *to && !(period && *period)) {
		if (!date_valid(from))
			return fail(v, E_INVALID, "from", T("Give the first day as a date."));
		if (!date_valid(to) || strcmp(to, from) < 0 || day_diff(from, to) > 366)
			return fail(v, E_INVALID, "to", T("Give a last day on or after the first, at most a year later."));
		snprintf(v->from, sizeof(v->from), "%s", from);
		snprintf(v->to, sizeof(v->to), "%s", to);
		v->period = "";
	} else {
		v->period = period && *period ? period : "this_month";
		if (lb_period_resolve(v->period, ui_today(r), ns.fiscal_start_month, v->from, v->to))
			return fail(v, E_INVALID, "period", T("Choose a period from the list."));
	}
	struct period p;
	if (lb_figure_needs_months((enum lb_figure)b) &&
	    period_from_bounds(v->from, v->to, ns.fiscal_start_month, &p))
		return fail(v, E_INVALID, "period",
			    T("Revenue and attainment are counted over whole months: start on a first and end on a last day of a month."));
	/* levers (issue 10): an optional minimum, as contests have */
	const char *minimum = req_query(r, "minimum");
	v->minimum = minimum ? minimum : "";
	const char *merr = contest_minimum_parse(v->minimum, &v->q.min_conversations);
	if (merr)
		return fail(v, E_INVALID, "minimum", T(merr));
	const char *mode = req_query(r, "mode");
	v->q.figure = (enum lb_figure)f;
	v->q.base = (enum lb_figure)b;
	v->q.team_mode = mode && !strcmp(mode, "team");
	v->q.teams = v->team_id ? &v->team_id : NULL;
	v->q.nteams = v->team_id ? 1 : 0;
	v->q.from = v->from;
	v->q.to = v->to;
	v->q.today = ui_today(r);
	return E_OK;
}

const char *lb_view_query(struct request *r, const struct lb_view *v)
{
	const char *team = v->team_id ? arena_printf(r->a, "%lld", (long long)v->team_id) : "";
	const char *q = arena_printf(r->a, "team=%s&figure=%s", team, v->figure);
	if (v->q.figure == FIG_MOST_IMPROVED)
		q = arena_printf(r->a, "%s&base=%s", q, v->base);
	if (v->q.team_mode)
		q = arena_printf(r->a, "%s&mode=team", q);
	if (v->q.min_conversations > 0)
		q = arena_printf(r->a, "%s&minimum=%lld", q, (long long)v->q.min_conversations);
	if (*v->period)
		return arena_printf(r->a, "%s&period=%s", q, v->period);
	return arena_printf(r->a, "%s&from=%s&to=%s", q, v->from, v->to);
}

enum err contest_load(struct request *r, int64_t id, enum access_need need, struct contest *out, const char **msg)
{
	*msg = NULL;
	enum err e = contest_get(r->db, r->a, r->me.org_id, id, out);
	if (e && e != E_NOTFOUND)
		return e;
	struct contest_ref ref = { r->me.org_id, out->team_ids, out->nteams };
	if (e == E_NOTFOUND || !access_contest_see(&r->viewer, &ref)) {
		*msg = T("There is no such contest.");
		return E_NOTFOUND;
	}
	if (need != NEED_SEE && !access_contest_manage(&r->viewer, &ref)) {
		*msg = T("A contest is changed by an admin or by the manager of every team taking part.");
		return E_FORBIDDEN;
	}
	return E_OK;
}

/* a first and a last day of a month */
static int whole_months(const char *from, const char *to)
{
	if (!date_valid(from) || !date_valid(to) || strcmp(from + 8, "01"))
		return 0;
	char next[11];
	day_add(to, 1, next);
	return !strcmp(next + 8, "01");
}

enum err contest_fields_check(struct request *r, const struct contest_fields *f, struct contest_field_error *errs,
			      size_t *nerr, struct contest *out)
{
	struct lb_team *teams;
	size_t nteams;
	enum err e = contests_teams(r->db, r->a, r->me.org_id, &teams, &nteams);
	if (e)
		return e;
	int known = 1, hides = 0;
	for (size_t i = 0; i < f->nteams; i++) {
		int found = 0;
		for (size_t t = 0; t < nteams; t++)
			if (teams[t].id == f->team_ids[i]) {
				found = 1;
				hides |= !teams[t].show_revenue;
			}
		if (!found || !access_manages_team(&r->viewer, r->me.org_id, f->team_ids[i]))
			known = 0;
	}
	struct contest_input in = { f->name, f->figure, f->base, f->mode, f->starts_on, f->ends_on, f->minimum,
				    f->prize, f->nteams, known, hides,
				    f->starts_on && f->ends_on && whole_months(f->starts_on, f->ends_on) };
	int64_t min = 0;
	*nerr = contest_validate(&in, errs, CONTEST_ERRORS_MAX, &min);
	if (*nerr)
		return E_OK;
	memset(out, 0, sizeof(*out));
	out->org_id = r->me.org_id;
	out->name = f->name;
	out->figure = f->figure;
	out->base = !strcmp(f->figure, "most_improved") ? f->base : "";
	out->mode = f->mode;
	out->starts_on = f->starts_on;
	out->ends_on = f->ends_on;
	out->min_conversations = min;
	out->prize = f->prize ? f->prize : "";
	out->created_by = r->me.user_id;
	out->team_ids = f->team_ids;
	out->nteams = f->nteams;
	return E_OK;
}

const char *lb_value_text(struct request *r, enum lb_figure figure, enum lb_figure base, double v,
			  const char *currency)
{
	if (isnan(v))
		return "–";
	int improved = figure == FIG_MOST_IMPROVED;
	enum lb_figure f = improved ? base : figure;
	const char *sign = improved && v > 0 ? "+" : "";
	switch (f) {
	case FIG_REVENUE: return arena_printf(r->a, "%s%s", sign, ui_money_text(r, (int64_t)llround(v), currency));
	case FIG_ATTAINMENT:
	case FIG_COMMITMENT_RATE:
		if (improved)	/* a change of a rate: percentage points */
			return arena_printf(r->a, "%s%s %s", sign, ui_decimal_text(r, v * 100.0, 0), T("pp"));
		return ui_percent_text(r, v);
	case FIG_LEARNING_HOURS: return arena_printf(r->a, "%s%s", sign, ui_decimal_text(r, v, 1));
	default: return arena_printf(r->a, "%s%s", sign, ui_decimal_text(r, v, 0));
	}
}

static enum cell_type cell_of(enum lb_figure figure, enum lb_figure base)
{
	enum lb_figure f = figure == FIG_MOST_IMPROVED ? base : figure;
	switch (f) {
	case FIG_REVENUE: return CELL_MONEY;
	case FIG_ATTAINMENT:
	case FIG_COMMITMENT_RATE: return figure == FIG_MOST_IMPROVED ? CELL_NUM : CELL_PCT;
	case FIG_LEARNING_HOURS: return CELL_NUM;
	default: return CELL_INT;
	}
}

static void put_value(struct table *t, size_t row, size_t col, enum cell_type ct, double v)
{
	if (isnan(v))
		return;
	switch (ct) {
	case CELL_MONEY: table_money(t, row, col, (int64_t)llround(v)); break;
	case CELL_PCT: table_pct(t, row, col, v); break;
	case CELL_INT: table_int(t, row, col, (int64_t)llround(v)); break;
	default: table_num(t, row, col, v); break;
	}
}

struct table *lb_table(struct request *r, const char *name, enum lb_figure figure, enum lb_figure base,
		       const struct leaderboard *lb)
{
	struct table *t = table_new(r->a, name, 5);
	t->currency = lb->currency;
	enum cell_type ct = cell_of(figure, base);
	const char *title = figure == FIG_MOST_IMPROVED
				    ? arena_printf(r->a, T("Change in %s"), T(lb_figure_label(base)))
				    : T(lb_figure_label(figure));
	if (figure == FIG_MOST_IMPROVED && (base == FIG_ATTAINMENT || base == FIG_COMMITMENT_RATE))
		title = arena_printf(r->a, "%s (%s)", title, T("percentage points"));
	table_col(t, 0, T("Place"), CELL_TEXT);
	table_col(t, 1, T("Name"), CELL_TEXT);
	table_col(t, 2, T("Team"), CELL_TEXT);
	table_col(t, 3, title, ct);
	table_col(t, 4, T("Conversations"), CELL_INT);
	for (size_t i = 0; i < lb->n; i++) {
		const struct contest_standing *l = &lb->lines[i];
		size_t row = table_row(t);
		const char *place = l->ranked ? arena_printf(r->a, "%d", l->place) : T("not ranked");
		if (!l->ranked && lb->min_conversations > 0 && l->conversations < lb->min_conversations)
			place = arena_printf(r->a, trn(r->lang, "not ranked: fewer than %lld conversation",
						       "not ranked: fewer than %lld conversations", lb->min_conversations),
					     (long long)lb->min_conversations);
		table_text(t, row, 0, place);
		table_text(t, row, 1, l->name);
		table_text(t, row, 2, l->team_name ? l->team_name : "");
		double v = l->value;
		if (figure == FIG_MOST_IMPROVED && ct == CELL_NUM && (base == FIG_ATTAINMENT || base == FIG_COMMITMENT_RATE))
			v *= 100.0;
		put_value(t, row, 3, ct, v);
		table_int(t, row, 4, l->conversations);
	}
	for (size_t i = 0; i < lb->ntotals; i++) {
		const struct contest_standing *l = &lb->totals[i];
		size_t row = table_row(t);
		table_text(t, row, 0, T("team total"));
		table_text(t, row, 1, arena_printf(r->a, T("%s (individual revenue not shown)"), l->name));
		table_text(t, row, 2, l->name);
		double v = l->value;
		if (figure == FIG_MOST_IMPROVED && ct == CELL_NUM && (base == FIG_ATTAINMENT || base == FIG_COMMITMENT_RATE))
			v *= 100.0;
		put_value(t, row, 3, ct, v);
		table_int(t, row, 4, l->conversations);
	}
	return t;
}

const char *lb_rule_text(struct request *r, enum lb_figure figure, enum lb_figure base, const char *from,
			 const char *to, int64_t min, int team_mode)
{
	const char *what = figure == FIG_MOST_IMPROVED
				   ? arena_printf(r->a, T("%s: %s, compared with the period before of the same length"),
						  T(lb_figure_label(base)), T(lb_figure_rule(base)))
				   : arena_printf(r->a, "%s: %s", T(lb_figure_label(figure)), T(lb_figure_rule(figure)));
	const char *s = arena_printf(r->a, T("%s; from %s to %s. Ties share a place (1, 1, 3); higher is better."), what,
				     ui_date_text(r, from), ui_date_text(r, to));
	if (team_mode)
		s = arena_printf(r->a, "%s %s", s, T("Teams are ranked on their reps' figures added up."));
	if (min > 0)
		s = arena_printf(r->a, "%s %s", s,
				 arena_printf(r->a, trn(r->lang, "Only who held at least %lld conversation in the period is ranked.",
							"Only who held at least %lld conversations in the period is ranked.", min),
					      (long long)min));
	return s;
}

static json_t *line_json(struct request *r, enum lb_figure figure, enum lb_figure base, const struct contest_standing *l,
			 const char *currency)
{
	json_t *o = json_pack("{s:o, s:s, s:o, s:o, s:s, s:I, s:b}", "place", l->ranked ? json_integer(l->place) : json_null(),
			      "name", l->name, "rep_id", l->rep_id ? json_integer(l->rep_id) : json_null(),
			      "team_id", l->team_id ? json_integer(l->team_id) : json_null(), "team",
			      l->team_name ? l->team_name : "", "conversations", (json_int_t)l->conversations, "ranked",
			      l->ranked);
	json_object_set_new(o, "value", isnan(l->value) ? json_null() : json_real(l->value));
	json_object_set_new(o, "value_text", json_string(lb_value_text(r, figure, base, l->value, currency)));
	return o;
}

json_t *lb_json(struct request *r, enum lb_figure figure, enum lb_figure base, const struct leaderboard *lb)
{
	json_t *lines = json_array(), *totals = json_array();
	for (size_t i = 0; i < lb->n; i++)
		json_array_append_new(lines, line_json(r, figure, base, &lb->lines[i], lb->currency));
	for (size_t i = 0; i < lb->ntotals; i++)
		json_array_append_new(totals, line_json(r, figure, base, &lb->totals[i], lb->currency));
	json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:I}", "figure", lb_figure_codes[figure], "currency",
			      lb->currency ? lb->currency : "", "standings", lines, "team_totals", totals, "minimum",
			      (json_int_t)lb->min_conversations);
	if (figure == FIG_MOST_IMPROVED) {
		json_object_set_new(o, "base", json_string(lb_figure_codes[base]));
		if (*lb->prev_from)
			json_object_set_new(o, "compared_with", json_pack("{s:s, s:s}", "from", lb->prev_from, "to",
									  lb->prev_to));
	}
	return o;
}
