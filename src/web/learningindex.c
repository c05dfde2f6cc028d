/*
 * learningindex: the achievement-orientation index of a rep (issue 9) —
 * the loaders shared by the pages and the API (learningindex.h), the rep's
 * index section on their learning page (learning_index_section, pages.h)
 * and its short version on the rep page (learning_index_rep_summary).
 * Every figure says what it is: the index beside its three parts with
 * their counts, and the formula in words.
 */
#include "pages.h"
#include "ui.h"
#include "learningindex.h"
#include "export.h"
#include "../domain/access.h"
#include "../domain/learning.h"
#include "../domain/tiers-grid.h"
#include "../store/learning-index.h"
#include "../store/numbers.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Okabe–Ito: self-initiated, suggested, mandatory */
static const char *const origin_colour[LI_ORIGINS] = { "#009E73", "#0072B2", "#E69F00" };

void li_window(struct request *r, char *from, char *to)
{
	const char *today = ui_today(r);
	li_window_start(today, from);
	snprintf(to, 11, "%s", today);
}

/* adds one sums row to a rep's input */
static void add_sum(const char *from, const struct li_sum *s, struct li_input *in, char *last_self)
{
	char day[11];
	snprintf(day, sizeof(day), "%s-01", s->month);
	int k = li_month_index(from, day), o = li_origin_parse(s->origin);
	if (k < 0 || o < 0)
		return;
	in->minutes[k][o] += s->minutes;
	in->count[k][o] += s->count;
	in->reflected += s->reflected;
	if (o == LI_SELF && last_self && strcmp(s->last_on, last_self) > 0)
		snprintf(last_self, 11, "%s", s->last_on);
}

enum err li_rep_load(struct request *r, const struct user *u, struct li_rep *out)
{
	memset(out, 0, sizeof(*out));
	out->id = u->id;
	out->team_id = u->team_id;
	out->name = u->name;
	out->att = NAN;
	char from[11], to[11];
	li_window(r, from, to);
	struct li_sums s;
	enum err e = learning_index_sums(r->db, r->a, r->me.org_id, u->id, 0, from, to, &s);
	if (e)
		return e;
	for (size_t i = 0; i < s.n; i++)
		add_sum(from, &s.items[i], &out->in, out->last_self);
	li_compute(&out->in, &out->x);
	return E_OK;
}

/* attainment and tier in the current quarter, as the tiers page works them out */
static enum err attainment(struct request *r, const int64_t *teams, size_t nteams, struct li_team *t)
{
	struct numbers_settings s;
	settings_numbers(r->db, r->a, r->me.org_id, &s);
	period_containing(PERIOD_QUARTER, ui_today(r), s.fiscal_start_month, &t->quarter);
	size_t nh = s.rules.under_periods < 1 ? 1 : s.rules.under_periods > 12 ? 12 : (size_t)s.rules.under_periods;
	struct period *ps = arena_alloc(r->a, nh * sizeof(*ps));
	period_history(&t->quarter, s.fiscal_start_month, nh, ps);
	for (size_t k = 0; k < nteams; k++) {
		struct numbers_scope ns = { 0, teams[k], 0 };
		struct numbers_grid g;
		enum err e = numbers_grid_load(r->db, r->a, r->me.org_id, &ns, ps, nh, s.source, &g);
		if (e)
			return e;
		size_t cells = g.nreps * nh + 1;
		enum tier *tier = arena_alloc(r->a, cells * sizeof(*tier));
		double *att = arena_alloc(r->a, cells * sizeof(double));
		struct tiers_grid_input in = { g.nreps, nh, g.has_target, g.target_minor, g.result_minor, g.team_id };
		tiers_grid_compute(&s.rules, &in, tier, NULL, att);
		/* both lists are by name: walk them side by side where they agree */
		for (size_t i = 0, j = 0; i < g.nreps; i++) {
			size_t c = i * nh + nh - 1;
			for (size_t m = 0; m < t->n; m++) {
				size_t q = (j + m) % t->n;
				if (t->reps[q].id == g.reps[i].user_id) {
					t->reps[q].att = att[c];
					t->reps[q].tier = tier[c];
					j = q + 1;
					break;
				}
			}
		}
	}
	return E_OK;
}

enum err li_team_load(struct request *r, const int64_t *teams, size_t nteams, int reps_shown, struct li_team *out)
{
	memset(out, 0, sizeof(*out));
	out->reps_shown = reps_shown;
	li_window(r, out->from, out->to);
	struct user_list ul = { NULL, 0 };
	enum err e;
	if (nteams && (e = user_list_teams(r->db, r->a, r->me.org_id, teams, nteams, 0, &ul)))
		return e;
	out->reps = arena_alloc(r->a, (ul.n + 1) * sizeof(*out->reps));
	for (size_t i = 0; i < ul.n; i++) {
		const struct user *u = &ul.items[i];
		int dup = 0;
		for (size_t k = 0; k < out->n; k++)
			dup |= out->reps[k].id == u->id;
		if (dup || strcmp(u->role, "rep"))
			continue;
		out->members++;
		if (!reps_shown || !access_private(&r->viewer, &(struct person){ u->id, u->org_id, u->team_id }))
			continue;
		struct li_rep *x = &out->reps[out->n++];
		memset(x, 0, sizeof(*x));
		x->id = u->id;
		x->team_id = u->team_id;
		x->name = u->name;
		x->att = NAN;
	}
	for (size_t k = 0; k < nteams; k++) {
		struct li_sums s;
		if ((e = learning_index_sums(r->db, r->a, r->me.org_id, 0, teams[k], out->from, out->to, &s)))
			return e;
		out->cut |= s.cut;
		size_t j = 0;
		for (size_t i = 0; i < s.n; i++) {
			const struct li_sum *x = &s.items[i];
			/* the aggregate: every member's hours */
			char day[11];
			snprintf(day, sizeof(day), "%s-01", x->month);
			int m = li_month_index(out->from, day), o = li_origin_parse(x->origin);
			if (m >= 0 && o >= 0)
				out->minutes[m][o] += x->minutes;
			if (!reps_shown)
				continue;
			/* sums are by rep id: find the rep once per run of rows */
			if (j >= out->n || out->reps[j].id != x->rep_id)
				for (j = 0; j < out->n && out->reps[j].id != x->rep_id; j++)
					;
			if (j < out->n)
				add_sum(out->from, x, &out->reps[j].in, out->reps[j].last_self);
		}
	}
	if (!reps_shown)
		return E_OK;
	for (size_t i = 0; i < out->n; i++)
		li_compute(&out->reps[i].in, &out->reps[i].x);
	if (out->n && (e = attainment(r, teams, nteams, out)))
		return e;
	int *index = arena_alloc(r->a, (out->n + 1) * sizeof(int));
	unsigned char *star = arena_alloc(r->a, out->n + 1);
	for (size_t i = 0; i < out->n; i++) {
		index[i] = out->reps[i].x.index;
		star[i] = out->reps[i].tier == TIER_SUPERSTAR;
	}
	li_stars_compare(index, star, out->n, &out->stars);
	return E_OK;
}

/* ------------------------------------------------------------ words */

const char *li_hours_text(struct request *r, long minutes)
{
	/* exact where it can be: whole hours, tenths (multiples of 6 minutes),
	 * else two decimals — the same hours on the log and the index */
	int dec = minutes % 60 == 0 ? 0 : minutes % 6 == 0 ? 1 : 2;
	return ui_decimal_text(r, (double)minutes / 60.0, dec);
}

const char *li_formula_text(struct request *r)
{
	return arena_printf(r->a, T("How the index is made: 40%% the share of learning hours the rep started "
				    "themself, plus 40%% the share of the last 12 months (this one included) with at "
				    "least one self-initiated activity, plus 20%% the share of activities with a "
				    "reflection — times 100 and rounded, so 0 to 100. An index of %d or more counts as "
				    "high. Only activities that took place count; suggested and mandatory ones count as "
				    "hours, not as self-initiated."), LI_HIGH);
}

const char *li_part_s_text(struct request *r, const struct li_index *x)
{
	/* TRANSLATORS: "7 of 10 hours self-initiated" */
	return arena_printf(r->a, T("%s of %s hours self-initiated"), li_hours_text(r, x->minutes[LI_SELF]),
			    li_hours_text(r, x->total_minutes));
}

const char *li_part_m_text(struct request *r, const struct li_index *x)
{
	return arena_printf(r->a, trn(r->lang, "%ld of 12 months with self-initiated learning",
				      "%ld of 12 months with self-initiated learning", x->self_months), x->self_months);
}

const char *li_part_r_text(struct request *r, const struct li_index *x)
{
	return arena_printf(r->a, trn(r->lang, "%ld of %ld activity with a reflection",
				      "%ld of %ld activities with a reflection", x->activities), x->reflected,
			    x->activities);
}

/* ------------------------------------------------------------ chart */

static const char *origin_name(struct request *r, int o)
{
	return T(learning_origin_label(learning_origin_codes[o]));
}

struct table *li_hours_table(struct request *r, const char *name, const char *from,
			     const long minutes[LI_MONTHS][LI_ORIGINS])
{
	struct table *t = table_new(r->a, name, 5);
	table_col(t, 0, T("Month"), CELL_TEXT);
	for (int o = 0; o < LI_ORIGINS; o++)
		table_col(t, 1 + o, arena_printf(r->a, T("%s (hours)"), origin_name(r, o)), CELL_NUM);
	table_col(t, 4, T("All learning (hours)"), CELL_NUM);
	for (int k = 0; k < LI_MONTHS; k++) {
		char label[8];
		li_month_label(from, k, label);
		size_t row = table_row(t);
		table_text(t, row, 0, label);
		long sum = 0;
		for (int o = 0; o < LI_ORIGINS; o++) {
			table_num(t, row, 1 + o, (double)minutes[k][o] / 60.0);
			sum += minutes[k][o];
		}
		table_num(t, row, 4, (double)sum / 60.0);
	}
	return t;
}

void li_hours_chart(struct request *r, const char *id, const char *from, const long minutes[LI_MONTHS][LI_ORIGINS],
		    const char *export_base)
{
	struct strbuf *o = &r->out;
	json_t *labels = json_array(), *sets = json_array();
	char label[8];
	for (int k = 0; k < LI_MONTHS; k++) {
		li_month_label(from, k, label);
		json_array_append_new(labels, json_string(label));
	}
	for (int g = 0; g < LI_ORIGINS; g++) {
		json_t *data = json_array();
		for (int k = 0; k < LI_MONTHS; k++)
			json_array_append_new(data, json_real(round((double)minutes[k][g] / 6.0) / 10.0));
		json_array_append_new(sets, json_pack("{s:s, s:o, s:s}", "label", origin_name(r, g), "data", data, "color",
						      origin_colour[g]));
	}
	json_t *spec = json_pack("{s:s, s:s, s:s, s:o, s:o}", "kind", "hours", "locale", lang_code(r->lang), "unit",
				 T("Learning hours"), "labels", labels, "datasets", sets);
	html_printf(o, "<div class=\"chart-box learning-hours\"><canvas data-learning-chart=\"%s\" role=\"img\" "
		    "aria-label=\"%s\"></canvas></div>", id,
		    T("Bar chart: learning hours per month, stacked by origin (self-initiated, suggested, mandatory). "
		      "The numbers are in the table below."));
	ui_json_script(r, id, spec);
	html_printf(o, "<div class=\"table-wrap\"><table class=\"learning-months\" id=\"%s-table\"><thead><tr>"
		    "<th scope=\"col\">%s</th>", id, T("Month"));
	for (int g = 0; g < LI_ORIGINS; g++)
		html_printf(o, "<th scope=\"col\" class=\"num\">%s</th>", origin_name(r, g));
	html_printf(o, "<th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>", T("All"));
	long tot[LI_ORIGINS + 1] = { 0 };
	for (int k = 0; k < LI_MONTHS; k++) {
		li_month_label(from, k, label);
		html_printf(o, "<tr><th scope=\"row\">%s</th>", label);
		long sum = 0;
		for (int g = 0; g < LI_ORIGINS; g++) {
			html_printf(o, "<td class=\"num\">%s</td>", li_hours_text(r, minutes[k][g]));
			sum += minutes[k][g];
			tot[g] += minutes[k][g];
		}
		tot[LI_ORIGINS] += sum;
		html_printf(o, "<td class=\"num\">%s</td></tr>", li_hours_text(r, sum));
	}
	html_printf(o, "</tbody><tfoot><tr><th scope=\"row\">%s</th>", T("12 months"));
	for (int g = 0; g <= LI_ORIGINS; g++)
		html_printf(o, "<td class=\"num\">%s</td>", li_hours_text(r, tot[g]));
	html(o, "</tr></tfoot></table></div>");
	html_printf(o, "<p class=\"muted fig-basis\">%s</p>",
		    T("Hours of learning activities that took place, by the month of their date and by who started "
		      "them: the rep (self-initiated), the manager (suggested) or the organisation (mandatory)."));
	if (export_base)
		html_printf(o, "<p class=\"export-links muted\">%s <a href=\"%s&amp;format=csv\" download>CSV</a> · "
			    "<a href=\"%s&amp;format=xlsx\" download>%s</a></p>", T("Download:"), export_base, export_base,
			    T("Excel"));
}

/* ------------------------------------------------------------ JSON */

json_t *li_months_json(const char *from, const long minutes[LI_MONTHS][LI_ORIGINS])
{
	json_t *a = json_array();
	for (int k = 0; k < LI_MONTHS; k++) {
		char label[8];
		li_month_label(from, k, label);
		json_array_append_new(a, json_pack("{s:s, s:I, s:I, s:I}", "month", label, "self_minutes",
						   (json_int_t)minutes[k][LI_SELF], "suggested_minutes",
						   (json_int_t)minutes[k][LI_SUGGESTED], "mandatory_minutes",
						   (json_int_t)minutes[k][LI_MANDATORY]));
	}
	return a;
}

json_t *li_rep_json(const struct li_rep *x, int with_attainment)
{
	const struct li_index *i = &x->x;
	static const char *const cls[] = { "from_within", "mandatory_only", "rest" };
	json_t *o = json_pack("{s:I, s:s, s:i, s:b, s:s, s:{s:f, s:I, s:I}, s:{s:f, s:I, s:i}, s:{s:f, s:I, s:I}, "
			      "s:{s:I, s:I, s:I}, s:I}",
			      "rep_id", (json_int_t)x->id, "name", x->name, "index", i->index, "high", i->high, "class",
			      cls[li_classify(i)],
			      "self_share", "value", i->s, "self_minutes", (json_int_t)i->minutes[LI_SELF], "all_minutes",
			      (json_int_t)i->total_minutes,
			      "regularity", "value", i->m, "self_months", (json_int_t)i->self_months, "months", LI_MONTHS,
			      "reflection", "value", i->r, "reflected", (json_int_t)i->reflected, "activities",
			      (json_int_t)i->activities,
			      "minutes_by_origin", "self", (json_int_t)i->minutes[LI_SELF], "suggested",
			      (json_int_t)i->minutes[LI_SUGGESTED], "mandatory", (json_int_t)i->minutes[LI_MANDATORY],
			      "all_minutes", (json_int_t)i->total_minutes);
	json_object_set_new(o, "last_self_initiated_on", x->last_self[0] ? json_string(x->last_self) : json_null());
	if (with_attainment) {
		json_object_set_new(o, "attainment", isnan(x->att) ? json_null() : json_real(round(x->att * 10000) / 10000));
		json_object_set_new(o, "tier", json_string(tier_code(x->tier)));
		json_object_set_new(o, "superstar", json_boolean(x->tier == TIER_SUPERSTAR));
	}
	return o;
}

/* ------------------------------------------------------------ sections */

static void parts_list(struct request *r, const struct li_index *x)
{
	html_printf(&r->out, "<dl class=\"li-parts\"><dt>%s</dt><dd><strong>%s</strong> · %s</dd>"
		    "<dt>%s</dt><dd><strong>%s</strong> · %s</dd><dt>%s</dt><dd><strong>%s</strong> · %s</dd></dl>",
		    T("Self-initiated hours (40%)"), ui_percent_text(r, x->s), li_part_s_text(r, x),
		    T("Regularity (40%)"), ui_percent_text(r, x->m), li_part_m_text(r, x),
		    T("Reflection (20%)"), ui_percent_text(r, x->r), li_part_r_text(r, x));
}

static void index_head(struct request *r, const struct li_index *x)
{
	html_printf(&r->out, "<p class=\"li-index%-s\"><span class=\"stat-value\" data-index=\"%d\">%d</span> "
		    "<span class=\"stat-label\">%s</span> <span class=\"badge\">%s</span></p>",
		    x->high ? " high" : "", x->index, x->index, T("achievement-orientation index, of 100"),
		    x->high ? arena_printf(r->a, T("High (%d or more)"), LI_HIGH)
			    : arena_printf(r->a, T("Not high (below %d)"), LI_HIGH));
}

void learning_index_section(struct request *r, int64_t rep_id)
{
	struct user u;
	if (user_get(r->db, r->a, r->me.org_id, rep_id, &u))
		return;
	if (!access_learning_index_see(&r->viewer, &(struct person){ u.id, u.org_id, u.team_id }))
		return;
	struct li_rep x;
	if (li_rep_load(r, &u, &x))
		return;
	char from[11], to[11];
	li_window(r, from, to);
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card learning-index\" id=\"learning-index\"><h2>%s</h2>",
		    T("Achievement orientation"));
	index_head(r, &x.x);
	parts_list(r, &x.x);
	html_printf(o, "<p class=\"muted fig-basis\">%s %s</p>", li_formula_text(r),
		    arena_printf(r->a, T("The 12 months: %s to %s."), ui_date_text(r, from), ui_date_text(r, to)));
	html_printf(o, "<h3>%s</h3>", T("Learning hours per month by origin"));
	li_hours_chart(r, "chart-learning-rep", from, (const long(*)[LI_ORIGINS])x.in.minutes,
		       rep_id == r->me.user_id ? "/learning?table=months"
					       : arena_printf(r->a, "/reps/%lld/learning?table=months", (long long)rep_id));
	html(o, "<script src=\"/static/chart.umd.js\" defer></script><script src=\"/static/charts-learning.js\" defer>"
	     "</script></section>");
}

void learning_index_months_export(struct request *r, const struct user *u)
{
	struct li_rep x;
	enum err e = li_rep_load(r, u, &x);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	char from[11], to[11];
	li_window(r, from, to);
	export_send(r, li_hours_table(r, arena_printf(r->a, "learning-hours-%lld", (long long)u->id), from,
				      (const long(*)[LI_ORIGINS])x.in.minutes));
}

void learning_index_rep_summary(struct request *r, const struct user *u)
{
	if (!access_learning_index_see(&r->viewer, &(struct person){ u->id, u->org_id, u->team_id }))
		return;
	struct li_rep x;
	if (li_rep_load(r, u, &x))
		return;
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card rep-part learning-index\" id=\"learning-index\"><h2>%s</h2>",
		    T("Achievement orientation"));
	index_head(r, &x.x);
	parts_list(r, &x.x);
	html_printf(o, "<p class=\"muted fig-basis\">%s</p></section>", li_formula_text(r));
}

/* ------------------------------------------------------------ ties */

const char *li_kind_counts_text(struct request *r, const struct li_kind_count *k, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		long c = k[i].count;
		const char *s;
		const char *kd = k[i].kind;
		if (!strcmp(kd, "course")) s = trn(r->lang, "%ld course", "%ld courses", c);
		else if (!strcmp(kd, "training_day")) s = trn(r->lang, "%ld training day", "%ld training days", c);
		else if (!strcmp(kd, "book")) s = trn(r->lang, "%ld book", "%ld books", c);
		else if (!strcmp(kd, "article")) s = trn(r->lang, "%ld article", "%ld articles", c);
		else if (!strcmp(kd, "seminar")) s = trn(r->lang, "%ld seminar", "%ld seminars", c);
		else if (!strcmp(kd, "webinar")) s = trn(r->lang, "%ld webinar", "%ld webinars", c);
		else if (!strcmp(kd, "coaching")) s = trn(r->lang, "%ld coaching session", "%ld coaching sessions", c);
		else if (!strcmp(kd, "ride_along")) s = trn(r->lang, "%ld ride-along", "%ld ride-alongs", c);
		else if (!strcmp(kd, "joint_call")) s = trn(r->lang, "%ld joint call", "%ld joint calls", c);
		else if (!strcmp(kd, "practice_case")) s = trn(r->lang, "%ld practice case", "%ld practice cases", c);
		else if (!strcmp(kd, "mentoring")) s = trn(r->lang, "%ld mentoring session", "%ld mentoring sessions", c);
		else if (!strcmp(kd, "workshop")) s = trn(r->lang, "%ld workshop", "%ld workshops", c);
		else s = trn(r->lang, "%ld other activity", "%ld other activities", c);
		if (i)
			sb_adds(&sb, ", ");
		sb_adds(&sb, arena_printf(r->a, s, c));
	}
	const char *out = arena_strdup(r->a, n ? sb.buf : T("no learning activity"));
	sb_release(&sb);
	return out;
}
