/*
 * page-team-learning: the team's learning (GET /team/learning?team=ID&
 * table=reps|months&format=csv|xlsx), issue 9 — the article's question
 * answered for this team: who develops from within, and who only attends
 * the mandatory training?
 *
 * For the managers who lead the team (access_learning_team_reps; an admin
 * only when they lead it too, as on /team/traits): every rep's
 * achievement-orientation index with its parts, hours by origin in the 12
 * months and the last self-initiated activity; the three lists of names;
 * a scatter chart of the index against attainment in the current quarter
 * (superstars marked, the tiers page's arithmetic); and the article's 84%
 * beside this team's superstars, "too few to tell" below LI_STARS_MIN.
 * For the team's reps and any admin (access_learning_team_aggregate): the
 * team's learning hours per month by origin, no one rep's figures.
 *
 * Without ?team=: a manager sees all the teams they lead together, a rep
 * their own team.
 */
#include "pages.h"
#include "ui.h"
#include "load.h"
#include "export.h"
#include "learningindex.h"
#include "numbersui.h"
#include "../store/teams.h"
#include "../lib/table.h"
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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

static struct table *reps_table(struct request *r, const struct li_team *t)
{
	struct table *x = table_new(r->a, arena_printf(r->a, "team-learning-%s", t->to), 14);
	table_col(x, 0, T("Rep"), CELL_TEXT);
	table_col(x, 1, T("Index"), CELL_INT);
	table_col(x, 2, T("Self-initiated share of hours"), CELL_PCT);
	table_col(x, 3, T("Months with self-initiated learning"), CELL_INT);
	table_col(x, 4, T("Activities with a reflection"), CELL_INT);
	table_col(x, 5, T("Activities"), CELL_INT);
	table_col(x, 6, T("Self-initiated (hours)"), CELL_NUM);
	table_col(x, 7, T("Suggested (hours)"), CELL_NUM);
	table_col(x, 8, T("Mandatory (hours)"), CELL_NUM);
	table_col(x, 9, T("All learning (hours)"), CELL_NUM);
	table_col(x, 10, T("Last self-initiated activity"), CELL_DATE);
	table_col(x, 11, T("Attainment"), CELL_PCT);
	table_col(x, 12, T("Tier"), CELL_TEXT);
	table_col(x, 13, T("High index"), CELL_TEXT);
	for (size_t i = 0; i < t->n; i++) {
		const struct li_rep *p = &t->reps[i];
		size_t row = table_row(x);
		table_text(x, row, 0, p->name);
		table_int(x, row, 1, p->x.index);
		table_pct(x, row, 2, p->x.s);
		table_int(x, row, 3, p->x.self_months);
		table_int(x, row, 4, p->x.reflected);
		table_int(x, row, 5, p->x.activities);
		for (int o = 0; o < LI_ORIGINS; o++)
			table_num(x, row, 6 + o, (double)p->x.minutes[o] / 60.0);
		table_num(x, row, 9, (double)p->x.total_minutes / 60.0);
		if (p->last_self[0])
			table_date(x, row, 10, p->last_self);
		table_pct(x, row, 11, p->att);
		table_text(x, row, 12, tier_name(r, p->tier));
		table_text(x, row, 13, p->x.high ? T("yes") : T("no"));
	}
	return x;
}

/* the three lists of names */
static void render_answer(struct request *r, const struct li_team *t)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"answer\"><h2>%s</h2>",
		    T("Who develops from within, and who only attends the mandatory training?"));
	static const char *const ids[3] = { "from-within", "mandatory-only", "rest" };
	const char *titles[3] = {
		arena_printf(r->a, T("Develops from within (index %d or more)"), LI_HIGH),
		T("Only attends mandatory training (all their learning hours mandatory)"),
		T("The rest"),
	};
	html(o, "<div class=\"li-lists\">");
	for (int c = 0; c < 3; c++) {
		size_t k = 0;
		html_printf(o, "<div class=\"li-list\" id=\"%s\"><h3>%s</h3>", ids[c], titles[c]);
		for (size_t i = 0; i < t->n; i++) {
			if ((int)li_classify(&t->reps[i].x) != c)
				continue;
			html_printf(o, "%-s<a href=\"/reps/%lld\">%s</a> <span class=\"muted\">(%d)</span>", k++ ? ", " : "<p>",
				    (long long)t->reps[i].id, t->reps[i].name, t->reps[i].x.index);
		}
		html_printf(o, "%-s</div>", k ? "</p>" : arena_printf(r->a, "<p class=\"muted\">%s</p>", T("Nobody.")));
	}
	html(o, "</div></section>");
}

/* the article's claim beside this team */
static void render_claim(struct request *r, const struct li_team *t)
{
	struct strbuf *o = &r->out;
	const struct li_stars *s = &t->stars;
	html_printf(o, "<section class=\"card\" id=\"claim\"><h2>%s</h2><div class=\"stats fig-stats li-claim\">",
		    T("The article's claim beside this team"));
	html_printf(o, "<div class=\"stat fig-stat\"><span class=\"stat-value\">%d%%</span><span class=\"stat-label\">%s"
		    "</span></div>", LI_CLAIM_PCT,
		    T("of top sellers are strongly achievement-oriented (Steve W. Martin)"));
	const char *value = s->enough ? ui_share_text(r, s->k, s->n) : T("too few to tell");
	html_printf(o, "<div class=\"stat fig-stat\" id=\"team-share\"><span class=\"stat-value\">%s</span>"
		    "<span class=\"stat-label\">%s</span></div></div>", value,
		    arena_printf(r->a, trn(r->lang, "%zu of %zu superstar here has a high index",
					   "%zu of %zu superstars here have a high index", (long)s->n), s->k, s->n));
	html_printf(o, "<p class=\"muted fig-basis\">%s</p></section>",
		    arena_printf(r->a, T("Superstars: the reps whose tier is superstar in %s, by the organisation's "
					 "tier rules (as on the tiers page). A high index is %d or more. With fewer "
					 "than %d superstars a share says too little, so none is given."),
				 ui_period_name(r, &t->quarter), LI_HIGH, LI_STARS_MIN));
}

static void render_scatter(struct request *r, const struct li_team *t)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"scatter\"><h2>%s</h2>", T("Index against attainment"));
	json_t *sets = json_array();
	for (int star = 1; star >= 0; star--) {
		json_t *data = json_array();
		for (size_t i = 0; i < t->n; i++) {
			const struct li_rep *p = &t->reps[i];
			if ((p->tier == TIER_SUPERSTAR) != star || isnan(p->att))
				continue;
			json_array_append_new(data, json_pack("{s:i, s:f, s:s}", "x", p->x.index, "y",
							      round(p->att * 1000.0) / 10.0, "name", p->name));
		}
		json_array_append_new(sets, json_pack("{s:s, s:s, s:b, s:o}", "label",
						      star ? T("Superstars") : T("Other reps"), "color",
						      star ? "#D55E00" : "#0072B2", "star", star, "data", data));
	}
	json_t *spec = json_pack("{s:s, s:s, s:s, s:s, s:o}", "kind", "scatter", "locale", lang_code(r->lang), "x",
				 T("Achievement-orientation index"), "y",
				 arena_printf(r->a, T("Attainment in %s"), ui_period_name(r, &t->quarter)), "datasets", sets);
	html_printf(o, "<div class=\"chart-box li-scatter\"><canvas data-learning-chart=\"chart-learning-scatter\" "
		    "role=\"img\" aria-label=\"%s\"></canvas></div>",
		    T("Scatter chart: each rep a point, the achievement-orientation index across and attainment up; "
		      "superstars are triangles. The numbers are in the table below."));
	ui_json_script(r, "chart-learning-scatter", spec);
	html_printf(o, "<p class=\"muted fig-basis\">%s</p>",
		    arena_printf(r->a, T("Attainment: result as a share of target in %s, so far; reps without a "
					 "target are not drawn."), ui_period_name(r, &t->quarter)));

	/* the table of every rep */
	html_printf(o, "<div class=\"table-wrap\"><table class=\"team-learning\"><thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead><tbody>",
		    T("Rep"), T("Index"), T("Self-initiated hours (40%)"), T("Regularity (40%)"), T("Reflection (20%)"),
		    T("Self-initiated (hours)"), T("Suggested (hours)"), T("Mandatory (hours)"),
		    T("Last self-initiated activity"), T("Attainment"), T("Tier"));
	for (size_t i = 0; i < t->n; i++) {
		const struct li_rep *p = &t->reps[i];
		const struct li_index *x = &p->x;
		html_printf(o, "<tr data-rep=\"%lld\"><th scope=\"row\"><a href=\"/reps/%lld\">%s</a></th>"
			    "<td class=\"num li-idx%-s\">%d</td><td>%s <span class=\"muted\">(%s)</span></td>"
			    "<td>%s <span class=\"muted\">(%s)</span></td><td>%s <span class=\"muted\">(%s)</span></td>"
			    "<td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td>%s</td>"
			    "<td class=\"num\">%s</td><td><span class=\"badge tier-badge tier-%s\">%s</span></td></tr>",
			    (long long)p->id, (long long)p->id, p->name, x->high ? " high" : "", x->index,
			    ui_percent_text(r, x->s), li_part_s_text(r, x), ui_percent_text(r, x->m), li_part_m_text(r, x),
			    ui_percent_text(r, x->r), li_part_r_text(r, x), li_hours_text(r, x->minutes[LI_SELF]),
			    li_hours_text(r, x->minutes[LI_SUGGESTED]), li_hours_text(r, x->minutes[LI_MANDATORY]),
			    p->last_self[0] ? ui_date_text(r, p->last_self) : "–", ui_percent_text(r, p->att),
			    tier_code(p->tier), tier_name(r, p->tier));
	}
	html(o, "</tbody></table></div>");
	ui_export_links(r);
	html_printf(o, "<p class=\"muted fig-basis\">%s</p></section>", li_formula_text(r));
}

void page_team_learning(struct request *r)
{
	const char *tq = req_query(r, "team");
	struct team *team = NULL;
	int64_t *teams = NULL;
	size_t nteams = 0;
	if (tq && *tq) {
		char *end;
		long long v = strtoll(tq, &end, 10);
		if (*end || v <= 0) {
			resp_error(r, E_INVALID, T("team: the team must be a number."));
			return;
		}
		if (!(team = learning_index_team_load_or_reply(r, (int64_t)v)))
			return;
		teams = &team->id;
		nteams = 1;
	} else if (access_leads_any_team(&r->viewer)) {
		teams = (int64_t *)r->viewer.led_teams;
		nteams = r->viewer.nled;
	} else if (r->viewer.team_id) {
		teams = arena_alloc(r->a, sizeof(*teams));
		teams[0] = r->viewer.team_id;
		nteams = 1;
	}
	int reps_shown = nteams > 0;
	for (size_t k = 0; k < nteams; k++)
		reps_shown &= access_learning_team_reps(&r->viewer, r->me.org_id, teams[k]);
	struct li_team t;
	enum err e = li_team_load(r, teams, nteams, reps_shown, &t);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	const char *which = req_query(r, "table");
	if (export_wanted(r)) {
		if ((which && !strcmp(which, "months")) || !reps_shown)
			export_send(r, li_hours_table(r, arena_printf(r->a, "team-learning-hours-%s", t.to), t.from,
						      (const long(*)[LI_ORIGINS])t.minutes));
		else
			export_send(r, reps_table(r, &t));
		return;
	}

	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Team learning"), "team-learning");
	const char *who = team ? arena_printf(r->a, T("Team %s"), team->name)
		      : nteams > 1 || (nteams && r->viewer.nled) ? T("The teams I lead")
		      : nteams ? T("My team") : T("In no team");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s · %s</p>"
		    "</div></div>", T("Learn"), T("Team learning"), who,
		    arena_printf(r->a, T("%s to %s"), ui_date_text(r, t.from), ui_date_text(r, t.to)));
	/* which team: the teams led, or (an admin) any team of the organisation */
	struct team_list tl = { NULL, 0 };
	if (r->viewer.role == ROLE_ADMIN)
		team_list_org(r->db, r->a, r->me.org_id, &tl);
	size_t nopt = r->viewer.role == ROLE_ADMIN ? tl.n : r->viewer.nled > 1 ? r->viewer.nled : 0;
	if (nopt > 1 || (r->viewer.role == ROLE_ADMIN && nopt)) {
		const char **values = arena_alloc(r->a, (nopt + 1) * sizeof(char *));
		const char **labels = arena_alloc(r->a, (nopt + 1) * sizeof(char *));
		size_t n = 0;
		values[n] = "";
		labels[n++] = r->viewer.nled ? T("All the teams I lead") : T("Choose a team");
		for (size_t i = 0; i < nopt; i++) {
			struct team x;
			if (r->viewer.role == ROLE_ADMIN)
				x = tl.items[i];
			else if (team_get(r->db, r->a, r->me.org_id, r->viewer.led_teams[i], &x))
				continue;
			values[n] = arena_printf(r->a, "%lld", (long long)x.id);
			labels[n++] = x.name;
		}
		html_printf(o, "<section class=\"card fig-filter\"><form method=\"get\" action=\"/team/learning\" "
			    "class=\"form inline\" aria-label=\"%s\">", T("Which team"));
		ui_select(r, "team", T("Team"), values, labels, n, team ? arena_printf(r->a, "%lld", (long long)team->id) : "",
			  NULL);
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
			    "</form></section>", T("Show"));
	}
	if (!nteams) {
		html_printf(o, "<section class=\"card empty\"><p>%s</p></section>",
			    T("You are in no team and lead none, so there is no team's learning to show. Choose a team "
			      "above."));
		ui_page_end(r);
		return;
	}
	html_printf(o, "<section class=\"card explainer\"><p>%s</p><p class=\"muted\">%s</p></section>",
		    T("Top sellers develop themselves from within: they start their own learning and keep at it; the "
		      "others only sit through the mandatory yearly training. This page shows which is which."),
		    li_formula_text(r));
	if (t.cut)
		ui_notice(r, "info", T("Only part of the learning log is counted: there is more than can be read at once."));
	if (reps_shown) {
		if (!t.n)
			html_printf(o, "<section class=\"card empty\"><p>%s</p></section>",
				    T("There are no reps in the teams shown yet."));
		else {
			render_answer(r, &t);
			render_claim(r, &t);
			render_scatter(r, &t);
		}
	} else {
		html_printf(o, "<section class=\"card\"><p class=\"muted\">%s</p></section>",
			    T("You see the team's learning as a whole. Each rep's index is for the rep and the managers "
			      "who lead the team."));
	}
	html_printf(o, "<section class=\"card\" id=\"team-hours\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("The team's learning hours per month by origin"),
		    arena_printf(r->a, trn(r->lang, "All the learning of the team's %zu rep, added up.",
					   "All the learning of the team's %zu reps, added up.", (long)t.members), t.members));
	const char *base = team ? arena_printf(r->a, "/team/learning?team=%lld&amp;table=months", (long long)team->id)
				: "/team/learning?table=months";
	li_hours_chart(r, "chart-learning-team", t.from, (const long(*)[LI_ORIGINS])t.minutes, base);
	html(o, "</section><script src=\"/static/chart.umd.js\" defer></script>"
	     "<script src=\"/static/charts-learning.js\" defer></script>");
	ui_page_end(r);
}
