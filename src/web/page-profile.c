/*
 * page-profile: a rep's competency profile (GET /reps/:id/profile; GET
 * /profile is one's own) and the team traits matrix (GET /team/traits?
 * team=ID&sort=&dir=), issue 8.
 *
 * The profile puts the rep's latest self, manager and peer scores beside
 * the superstar profile on a radar, says the verdict of the weakest-trait
 * rule (elite needs every trait at 4 or above; the weakest trait is the
 * proposed development focus), and shows the manager's scores round by
 * round (a line chart and the same numbers in a table). The figures and
 * their rules are domain/profile.c's, loaded by web/profileload.c, which
 * the API shares. Every chart's numbers also stand in a table, so nothing
 * is lost without script (src/static/charts-profile.js draws them).
 *
 * Rights: the profile is the rep's private data (access_private through
 * user_load_or_reply NEED_PRIVATE): the rep, and the manager leading the
 * rep's team. The matrix shows the reps of the teams the viewer leads
 * (access_team_traits; an admin who leads no team sees none of it).
 */
#include "pages.h"
#include "ui.h"
#include "load.h"
#include "export.h"
#include "numbersui.h"
#include "repnumbers.h"
#include "profileload.h"
#include "../store/teams.h"
#include "../store/learning-index.h"
#include "learningindex.h"
#include "../lib/table.h"
#include <jansson.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

/* Okabe–Ito: told apart with every common colour-vision deficiency */
static const char *const palette[] = { "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000" };
#define NPALETTE (sizeof(palette) / sizeof(palette[0]))

static json_t *score_json(double v)
{
	return isnan(v) ? json_null() : json_real(round(v * 100.0) / 100.0);
}

/* the score cell's colour class: score-1 .. score-5 (rounded), score-none */
static const char *score_class(double v)
{
	static const char *const cls[] = { "score-none", "score-1", "score-2", "score-3", "score-4", "score-5" };
	if (isnan(v))
		return cls[0];
	long k = lround(v);
	return cls[k < 1 ? 1 : k > 5 ? 5 : k];
}

/* the two download links of one of the page's tables */
static void table_links(struct request *r, const char *base, const char *table)
{
	html_printf(&r->out, "<p class=\"export-links muted\">%s <a href=\"%s?table=%s&amp;format=csv\" download>CSV</a> · "
		    "<a href=\"%s?table=%s&amp;format=xlsx\" download>%s</a></p>", T("Download:"), base, table, base, table,
		    T("Excel"));
}

/* ---------------------------------------------------------------- tables */

static void num_or_empty(struct table *t, size_t row, size_t col, double v)
{
	if (!isnan(v))
		table_num(t, row, col, v);
}

static struct table *latest_table(struct request *r, const struct rep_profile *rp)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "profile-%lld", (long long)rp->u->id), 7);
	table_col(t, 0, T("Trait"), CELL_TEXT);
	table_col(t, 1, T("Self"), CELL_NUM);
	table_col(t, 2, T("Manager"), CELL_NUM);
	table_col(t, 3, T("Peers"), CELL_NUM);
	table_col(t, 4, T("Superstars"), CELL_NUM);
	table_col(t, 5, T("Previous round"), CELL_NUM);
	table_col(t, 6, T("Growth"), CELL_NUM);
	for (size_t i = 0; i < rp->traits.n; i++) {
		const struct profile_row *x = &rp->rows[i];
		size_t row = table_row(t);
		table_text(t, row, 0, rp->traits.items[i].name);
		num_or_empty(t, row, 1, x->self);
		num_or_empty(t, row, 2, x->manager);
		num_or_empty(t, row, 3, x->peer);
		num_or_empty(t, row, 4, rp->sp.mean[i]);
		num_or_empty(t, row, 5, x->prev_manager);
		num_or_empty(t, row, 6, x->growth);
	}
	return t;
}

static struct table *growth_table(struct request *r, const struct rep_profile *rp)
{
	size_t nt = rp->traits.n;
	struct table *t = table_new(r->a, arena_printf(r->a, "profile-growth-%lld", (long long)rp->u->id), 2 + nt);
	table_col(t, 0, T("Round"), CELL_TEXT);
	table_col(t, 1, T("Opened on"), CELL_DATE);
	for (size_t i = 0; i < nt; i++)
		table_col(t, 2 + i, rp->traits.items[i].name, CELL_NUM);
	for (size_t k = 0; k < rp->d.nrounds; k++) {
		if (!rp->has[k])
			continue;
		size_t row = table_row(t);
		table_text(t, row, 0, rp->d.rounds[k].name);
		table_date(t, row, 1, rp->d.rounds[k].opened_on);
		for (size_t i = 0; i < nt; i++)
			num_or_empty(t, row, 2 + i, rp->hist[k * nt + i]);
	}
	return t;
}

/* ---------------------------------------------------------------- profile */

static void render_verdict(struct request *r, const struct rep_profile *rp)
{
	struct strbuf *o = &r->out;
	const struct profile *p = &rp->p;
	html_printf(o, "<section class=\"card profile-verdict verdict-%s\" id=\"verdict\"><h2>%s</h2><p class=\"verdict\">%s</p>",
		    profile_verdict_code(p->verdict), T("The weakest-trait rule"), profile_verdict_text(r, rp));
	if (p->weakest >= 0)
		html_printf(o, "<p class=\"focus\"><strong>%s</strong> %s</p>", T("Development focus:"),
			    arena_printf(r->a, "%s (%s)", rp->traits.items[p->weakest].name,
					 profile_score_text(r, rp->rows[p->weakest].manager)));
	html_printf(o, "<p class=\"muted fig-basis\">%s</p>",
		    T("A profile is judged by its weakest trait, not by its average: elite needs every trait at 4 or above "
		      "in the manager's latest assessment. The weakest trait (the lowest manager score; on a tie, the first "
		      "in the framework's order) is the proposed development focus. Only submitted assessments count."));
	if (p->latest >= 0)
		html_printf(o, "<p class=\"muted\">%s</p>",
			    arena_printf(r->a, T("Latest round: %s (opened on %s)."), rp->d.rounds[p->latest].name,
					 ui_date_text(r, rp->d.rounds[p->latest].opened_on)));
	html(o, "</section>");
}

static void render_radar(struct request *r, const struct rep_profile *rp, const char *base)
{
	struct strbuf *o = &r->out;
	size_t nt = rp->traits.n;
	int any_peer = 0;
	for (size_t i = 0; i < nt; i++)
		any_peer |= rp->rows[i].npeers > 0;
	html_printf(o, "<section class=\"card\" id=\"radar\"><h2>%s</h2>", T("Self, manager, peers and the superstars"));
	const char *reason = profile_superstar_reason(r, rp);
	html_printf(o, "<p class=\"muted\" id=\"superstar-note\">%s %s</p>",
		    arena_printf(r->a, T("The superstar profile is the mean manager score of the reps who were superstars in "
					 "at least one of the quarters %s to %s, across the organisation."),
				 rp->quarters[0].label, rp->quarters[STAR_QUARTERS - 1].label),
		    reason ? reason : arena_printf(r->a, trn(r->lang, "%zu superstar with manager scores.",
							    "%zu superstars with manager scores.", (long)rp->sp.nscored),
						   rp->sp.nscored));
	json_t *labels = json_array(), *sets = json_array();
	for (size_t i = 0; i < nt; i++)
		json_array_append_new(labels, json_string(rp->traits.items[i].name));
	struct {
		const char *label;
		int shown;
		size_t off;		/* which number of a row */
		int dashed;
	} kinds[4] = {
		{ T("Self"), 1, offsetof(struct profile_row, self), 0 },
		{ T("Manager"), 1, offsetof(struct profile_row, manager), 0 },
		{ T("Peers"), any_peer, offsetof(struct profile_row, peer), 0 },
		{ T("Superstars"), rp->sp.shown, 0, 1 },
	};
	for (int k = 0; k < 4; k++) {
		if (!kinds[k].shown)
			continue;
		json_t *data = json_array();
		for (size_t i = 0; i < nt; i++) {
			double v = k == 3 ? rp->sp.mean[i] : *(const double *)((const char *)&rp->rows[i] + kinds[k].off);
			json_array_append_new(data, score_json(v));
		}
		json_array_append_new(sets, json_pack("{s:s, s:o, s:s, s:b}", "label", kinds[k].label, "data", data,
						      "color", palette[k], "dashed", kinds[k].dashed));
	}
	json_t *spec = json_pack("{s:s, s:s, s:o, s:o}", "kind", "radar", "locale", lang_code(r->lang), "labels", labels,
				 "datasets", sets);
	html_printf(o, "<div class=\"chart-box radar\"><canvas data-profile-chart=\"chart-radar\" role=\"img\" "
		    "aria-label=\"%s\"></canvas></div>",
		    T("Radar chart: the scores of each trait by the rep, the manager, the peers and the superstars. The "
		      "numbers are in the table below."));
	ui_json_script(r, "chart-radar", spec);

	/* the same numbers */
	html_printf(o, "<div class=\"table-wrap\"><table class=\"profile-latest\"><thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>",
		    T("Trait"), T("Self"), T("Manager"), T("Peers"), T("Superstars"), T("Previous round"), T("Growth"));
	for (size_t i = 0; i < nt; i++) {
		const struct profile_row *x = &rp->rows[i];
		const char *growth = isnan(x->growth) ? "–"
				     : arena_printf(r->a, "%s%s", x->growth > 0 ? "+" : "", profile_score_text(r, x->growth));
		html_printf(o, "<tr%-s data-trait=\"%lld\"><th scope=\"row\">%s</th><td class=\"num\">%s</td>"
			    "<td class=\"num score %s\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td>"
			    "<td class=\"num\">%s</td><td class=\"num\">%s</td></tr>",
			    (int)i == rp->p.weakest ? " class=\"weakest\"" : "", (long long)rp->ids[i], rp->traits.items[i].name,
			    profile_score_text(r, x->self), score_class(x->manager), profile_score_text(r, x->manager),
			    x->npeers ? arena_printf(r->a, "%s (%d)", profile_score_text(r, x->peer), x->npeers) : "–",
			    profile_score_text(r, rp->sp.mean[i]), profile_score_text(r, x->prev_manager), growth);
	}
	html(o, "</tbody></table></div>");
	table_links(r, base, "latest");
	html_printf(o, "<p class=\"muted fig-basis\">%s</p></section>",
		    T("Scores of the latest round in which the manager assessed the rep; peers: their mean, with how many "
		      "peers in brackets; growth: the manager's score minus the one of the round before, where both exist. "
		      "“–” means there is no score."));
}

static void render_growth(struct request *r, const struct rep_profile *rp, const char *base)
{
	struct strbuf *o = &r->out;
	size_t nt = rp->traits.n;
	html_printf(o, "<section class=\"card\" id=\"growth\"><h2>%s</h2>", T("Growth over the rounds"));
	if (!rp->nhist) {
		html_printf(o, "<p class=\"empty muted\">%s</p></section>", T("No manager has submitted an assessment of this rep yet."));
		return;
	}
	json_t *labels = json_array(), *sets = json_array();
	for (size_t k = 0; k < rp->d.nrounds; k++)
		if (rp->has[k])
			json_array_append_new(labels, json_string(rp->d.rounds[k].name));
	for (size_t i = 0; i < nt; i++) {
		json_t *data = json_array();
		for (size_t k = 0; k < rp->d.nrounds; k++)
			if (rp->has[k])
				json_array_append_new(data, score_json(rp->hist[k * nt + i]));
		json_array_append_new(sets, json_pack("{s:s, s:o, s:s}", "label", rp->traits.items[i].name, "data", data,
						      "color", palette[i % NPALETTE]));
	}
	json_t *spec = json_pack("{s:s, s:s, s:o, s:o}", "kind", "growth", "locale", lang_code(r->lang), "labels", labels,
				 "datasets", sets);
	html_printf(o, "<div class=\"chart-box\"><canvas data-profile-chart=\"chart-growth\" role=\"img\" aria-label=\"%s\">"
		    "</canvas></div>", T("Line chart: the manager's score of each trait in each round. The numbers are in "
					 "the table below."));
	ui_json_script(r, "chart-growth", spec);
	html_printf(o, "<div class=\"table-wrap\"><table class=\"profile-growth\"><thead><tr><th scope=\"col\">%s</th>",
		    T("Round"));
	for (size_t i = 0; i < nt; i++)
		html_printf(o, "<th scope=\"col\" class=\"num\">%s</th>", rp->traits.items[i].name);
	html(o, "</tr></thead><tbody>");
	for (size_t k = 0; k < rp->d.nrounds; k++) {
		if (!rp->has[k])
			continue;
		html_printf(o, "<tr><th scope=\"row\">%s <span class=\"muted\">%s</span>", rp->d.rounds[k].name,
			    ui_date_text(r, rp->d.rounds[k].opened_on));
		if (rp->d.rounds[k].from_interviews)
			html_printf(o, " <span class=\"tag\" data-from-interviews>%s</span>", T("from interviews"));
		html(o, "</th>");
		for (size_t i = 0; i < nt; i++)
			html_printf(o, "<td class=\"num score %s\">%s</td>", score_class(rp->hist[k * nt + i]),
				    profile_score_text(r, rp->hist[k * nt + i]));
		html(o, "</tr>");
	}
	html(o, "</tbody></table></div>");
	table_links(r, base, "growth");
	html(o, "</section>");
}

/* learning (issue 9): per trait, the learning activities on it in the 12
 * months beside the trait's growth in the assessments (the rep's private
 * data, as the whole page: access_learning_index_see) */
static void render_learning(struct request *r, const struct rep_profile *rp)
{
	struct strbuf *o = &r->out;
	const struct user *u = rp->u;
	if (!access_learning_index_see(&r->viewer, &(struct person){ u->id, u->org_id, u->team_id }))
		return;
	char from[11], to[11];
	li_window(r, from, to);
	struct li_trait_sums ls;
	if (learning_trait_sums(r->db, r->a, r->me.org_id, u->id, from, to, &ls))
		return;
	html_printf(o, "<section class=\"card\" id=\"learning\"><h2>%s</h2><div class=\"table-wrap\"><table "
		    "class=\"profile-learning\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th>"
		    "</tr></thead><tbody>", T("Learning and growth per trait"), T("Trait"), T("Growth"),
		    T("Learning activities"), T("Learning hours"), T("The last one"));
	for (size_t i = 0; i < rp->traits.n; i++) {
		const struct profile_row *x = &rp->rows[i];
		const struct li_trait_sum *l = NULL;
		for (size_t k = 0; k < ls.n; k++)
			if (ls.items[k].trait_id == rp->ids[i])
				l = &ls.items[k];
		const char *growth = isnan(x->growth) ? "–"
				     : arena_printf(r->a, "%s%s", x->growth > 0 ? "+" : "", profile_score_text(r, x->growth));
		html_printf(o, "<tr data-trait=\"%lld\"><th scope=\"row\">%s</th><td class=\"num\">%s</td>"
			    "<td class=\"num\">%ld</td><td class=\"num\">%s</td><td>%s</td></tr>",
			    (long long)rp->ids[i], rp->traits.items[i].name, growth, l ? l->count : 0L,
			    li_hours_text(r, l ? l->minutes : 0),
			    l ? arena_printf(r->a, "%s (%s)", l->last_title, ui_date_text(r, l->last_on)) : "–");
	}
	html(o, "</tbody></table></div>");
	html_printf(o, "<p class=\"muted fig-basis\">%s</p></section>",
		    arena_printf(r->a, T("Learning activities that took place from %s to %s on each trait, beside the "
					 "growth of the manager's score since the round before. Activities without a "
					 "trait are not counted here."), ui_date_text(r, from), ui_date_text(r, to)));
}

void page_profile(struct request *r)
{
	struct user *u = user_load_or_reply(r, r->id, NEED_PRIVATE);
	if (!u)
		return;
	struct rep_profile rp;
	enum err e = rep_profile_load(r, u, 1, &rp);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (export_wanted(r)) {
		const char *which = req_query(r, "table");
		export_send(r, which && !strcmp(which, "growth") ? growth_table(r, &rp) : latest_table(r, &rp));
		return;
	}
	const char *base = arena_printf(r->a, "/reps/%lld/profile", (long long)u->id);
	int own = u->id == r->me.user_id;
	struct strbuf *o = &r->out;
	ui_page_begin(r, arena_printf(r->a, T("Profile of %s"), u->name), "profile");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s</p></div>"
		    "<a class=\"button\" href=\"/reps/%lld\">%s</a></div>",
		    own ? T("My profile") : T("Profile"), u->name,
		    u->team_name ? arena_printf(r->a, T("Team %s"), u->team_name) : T("In no team"), (long long)u->id,
		    own ? T("My overview") : T("Overview"));
	if (rp.d.cut)
		ui_notice(r, "info", T("Only the newest ratings are shown: this rep has more than can be read at once."));
	if (!rp.traits.n) {
		html_printf(o, "<section class=\"card empty\"><p>%s</p></section>",
			    T("The organisation has no active traits. An admin sets up the competency framework."));
		ui_page_end(r);
		return;
	}
	render_verdict(r, &rp);
	render_radar(r, &rp, base);
	render_growth(r, &rp, base);
	render_learning(r, &rp);
	html(o, "<script src=\"/static/chart.umd.js\" defer></script><script src=\"/static/charts-profile.js\" defer></script>");
	ui_page_end(r);
}

void page_profile_me(struct request *r)
{
	resp_redirect(r, arena_printf(r->a, "/reps/%lld/profile", (long long)r->me.user_id));
}

void ui_rep_profile_summary(struct request *r, const struct user *u)
{
	struct strbuf *o = &r->out;
	struct rep_profile rp;
	if (rep_profile_load(r, u, 0, &rp))
		return;
	html_printf(o, "<section class=\"card rep-part\" id=\"profile\"><div class=\"page-head\"><h2>%s</h2>"
		    "<a class=\"button\" href=\"/reps/%lld/profile\">%s</a></div>", T("Traits"), (long long)u->id,
		    T("The whole profile"));
	html_printf(o, "<p class=\"verdict verdict-%s\">%s</p>", profile_verdict_code(rp.p.verdict),
		    profile_verdict_text(r, &rp));
	if (rp.p.weakest >= 0)
		html_printf(o, "<p><strong>%s</strong> %s</p>", T("Development focus:"),
			    arena_printf(r->a, "%s (%s)", rp.traits.items[rp.p.weakest].name,
					 profile_score_text(r, rp.rows[rp.p.weakest].manager)));
	html(o, "</section>");
}

/* ---------------------------------------------------------------- matrix */

static const char *tier_text(struct request *r, enum tier t)
{
	return ui_tier_name(r, t);
}

static struct table *matrix_table(struct request *r, const struct team_matrix *m)
{
	size_t nt = m->traits.n;
	struct table *t = table_new(r->a, arena_printf(r->a, "team-traits-%s", m->quarter.label), 5 + nt);
	table_col(t, 0, T("Rep"), CELL_TEXT);
	table_col(t, 1, T("Team"), CELL_TEXT);
	table_col(t, 2, T("Tier"), CELL_TEXT);
	table_col(t, 3, T("Weakest trait"), CELL_TEXT);
	table_col(t, 4, T("Verdict"), CELL_TEXT);
	for (size_t i = 0; i < nt; i++)
		table_col(t, 5 + i, m->traits.items[i].name, CELL_NUM);
	for (size_t k = 0; k < m->n; k++) {
		const struct matrix_row *x = &m->rows[k];
		size_t row = table_row(t);
		table_text(t, row, 0, x->u->name);
		table_text(t, row, 1, x->u->team_name ? x->u->team_name : "");
		table_text(t, row, 2, tier_text(r, x->tier));
		table_text(t, row, 3, x->p.weakest >= 0 ? m->traits.items[x->p.weakest].name : "");
		table_text(t, row, 4, profile_verdict_name(r, x->p.verdict));
		for (size_t i = 0; i < nt; i++)
			num_or_empty(t, row, 5 + i, x->rows[i].manager);
	}
	return t;
}

void page_team_traits(struct request *r)
{
	int64_t team_id = 0;
	const char *tq = req_query(r, "team");
	struct team *team = NULL;
	if (tq && *tq) {
		char *end;
		long long v = strtoll(tq, &end, 10);
		if (*end || v <= 0) {
			resp_error(r, E_INVALID, T("The team must be a number."));
			return;
		}
		if (!(team = team_traits_load_or_reply(r, (int64_t)v)))
			return;
		team_id = team->id;
	}
	struct team_matrix m;
	enum err e = team_matrix_load(r, team_id, &m);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	const char *sort = req_query(r, "sort"), *dir = req_query(r, "dir");
	int key;
	if (team_matrix_sort_key(&m, sort, &key)) {
		resp_error(r, E_INVALID, T("The table cannot be sorted by that column."));
		return;
	}
	/* scores read best from the weakest up; the tier from superstars down */
	int desc = dir && *dir ? !strcmp(dir, "desc") : key == MATRIX_BY_TIER;
	team_matrix_sort(&m, key, desc);
	if (export_wanted(r)) {
		export_send(r, matrix_table(r, &m));
		return;
	}

	struct strbuf *o = &r->out;
	size_t nt = m.traits.n;
	ui_page_begin(r, T("Team traits"), "team-traits");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s</p></div></div>",
		    T("Team traits"), team ? arena_printf(r->a, T("Team %s"), team->name) : T("The teams I lead"),
		    arena_printf(r->a, T("Tier: %s"), ui_period_name(r, &m.quarter)));
	if (r->viewer.nled > 1) {
		const char **values = arena_alloc(r->a, (r->viewer.nled + 1) * sizeof(char *));
		const char **labels = arena_alloc(r->a, (r->viewer.nled + 1) * sizeof(char *));
		values[0] = "";
		labels[0] = T("All the teams I lead");
		size_t n = 1;
		for (size_t i = 0; i < r->viewer.nled; i++) {
			struct team t;
			if (team_get(r->db, r->a, r->me.org_id, r->viewer.led_teams[i], &t))
				continue;
			values[n] = arena_printf(r->a, "%lld", (long long)t.id);
			labels[n++] = t.name;
		}
		html_printf(o, "<section class=\"card fig-filter\"><form method=\"get\" action=\"/team/traits\" "
			    "class=\"form inline\" aria-label=\"%s\">", T("Which team"));
		ui_select(r, "team", T("Team"), values, labels, n, team ? arena_printf(r->a, "%lld", (long long)team_id) : "",
			  NULL);
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
			    "</form></section>", T("Show"));
	}
	html_printf(o, "<section class=\"card\" id=\"matrix\"><h2>%s</h2>", T("Reps and traits"));
	if (!m.n) {
		html_printf(o, "<p class=\"empty muted\">%s</p></section>",
			    r->viewer.nled || team ? T("There are no reps in the teams shown yet.")
						   : T("You lead no team, so there are no reps to show here."));
		ui_page_end(r);
		return;
	}
	if (m.cut)
		ui_notice(r, "info", T("Only the newest ratings are counted: there are more than can be read at once."));
	const char *base = team ? arena_printf(r->a, "/team/traits?team=%lld&amp;", (long long)team_id) : "/team/traits?";
	html_printf(o, "<p class=\"muted\">%s</p><div class=\"table-wrap\"><table class=\"trait-matrix\"><thead><tr>",
		    T("The manager's latest score of each trait, 1 to 5; the weakest trait of each rep is marked. Click a "
		      "column's name to sort by it."));
	/* headers: rep, tier, weakest, each trait */
	int keys[3] = { MATRIX_BY_NAME, MATRIX_BY_TIER, MATRIX_BY_WEAKEST };
	const char *codes[3] = { "name", "tier", "weakest" };
	const char *titles[3] = { T("Rep"), T("Tier"), T("Weakest trait") };
	for (int h = 0; h < 3 + (int)nt; h++) {
		int k = h < 3 ? keys[h] : h - 3;
		const char *code = h < 3 ? codes[h] : arena_printf(r->a, "t%lld", (long long)m.ids[h - 3]);
		int cur = key == k;
		int next_desc = cur ? !desc : k == MATRIX_BY_TIER;
		html_printf(o, "<th scope=\"col\"%-s%-s><a href=\"%-ssort=%s&amp;dir=%s\">%s</a></th>",
			    h >= 3 ? " class=\"num\"" : "",
			    cur ? (desc ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"") : "", base, code,
			    next_desc ? "desc" : "asc", h < 3 ? titles[h] : m.traits.items[h - 3].name);
	}
	html(o, "</tr></thead><tbody>");
	for (size_t k = 0; k < m.n; k++) {
		const struct matrix_row *x = &m.rows[k];
		html_printf(o, "<tr data-rep=\"%lld\"><th scope=\"row\"><a href=\"/reps/%lld/profile\">%s</a></th>"
			    "<td><span class=\"badge tier-badge tier-%s\">%s</span></td><td>%s</td>",
			    (long long)x->u->id, (long long)x->u->id, x->u->name, tier_code(x->tier), tier_text(r, x->tier),
			    x->p.weakest >= 0 ? arena_printf(r->a, "%s (%s)", m.traits.items[x->p.weakest].name,
							     profile_score_text(r, x->rows[x->p.weakest].manager))
					      : "–");
		for (size_t i = 0; i < nt; i++)
			html_printf(o, "<td class=\"num score %s%-s\">%s</td>", score_class(x->rows[i].manager),
				    (int)i == x->p.weakest ? " weakest" : "", profile_score_text(r, x->rows[i].manager));
		html(o, "</tr>");
	}
	html(o, "</tbody></table></div>");
	ui_export_links(r);
	html_printf(o, "<p class=\"muted fig-basis\">%s</p></section>",
		    T("Colours: orange for low scores, purple for high ones; the number is always written. The tier is the "
		      "rep's tier in the current quarter, by the organisation's tier rules. Only submitted assessments "
		      "count; “–” means no manager score yet."));
	ui_page_end(r);
}
