/*
 * page-contests: leaderboards, contests and the TV view (issue 10,
 * "competition and the spotlight").
 *
 *   GET  /leaderboards            a team's or the organisation's standings on
 *        a figure over a period (?team=&figure=&base=&mode=&period= or
 *        ?from=&to=): a bar chart and the table, CSV and Excel, the rule in
 *        words; for whoever manages the team, its revenue setting
 *   POST /leaderboards/setting    whoever manages a team shows or hides its
 *        reps' individual revenue (and attainment) on the leaderboards
 *   GET  /contests                the contests the caller takes part in or
 *        manages: running, upcoming, finished (ended ones are frozen here)
 *   GET  /contests/new, POST      a new contest; a fault names its field and
 *        stores nothing
 *   GET  /contests/:id            standings (live, or final and frozen), the
 *        rule, the prize; edit and delete for whoever manages it
 *   GET  /contests/:id/edit, POST, POST /contests/:id/delete
 *   GET  /tv/leaderboard, /tv/contests/:id   full screen for the sales
 *        floor: dark, big type, no navigation, redrawn from the API every
 *        ?refresh= seconds (60 by default, at least 2), with a <meta refresh>
 *        when script is off
 *
 * Rights: access_leaderboard_*, access_contest_* (domain/access.c); what a
 * line shows: service/leaderboard.h.
 */
#include "pages.h"
#include "ui.h"
#include "export.h"
#include "contestsui.h"
#include "../store/contests.h"
#include "../lib/util.h"
#include <math.h>
#include <string.h>
#include <time.h>

#define TV_REFRESH_DEFAULT 60
#define TV_REFRESH_MIN 2

/* a failed load or question as a page: a store error, or the page of
 * the error with its message */
static void page_fail(struct request *r, enum err e, const char *msg)
{
	if (!msg) {
		resp_store_error(r, e);
		return;
	}
	r->status = e == E_NOTFOUND ? 404 : e == E_FORBIDDEN ? 403 : 400;
	ui_error_page(r, e, msg);
}

/* loads the contest of the path, or answers */
static int load(struct request *r, enum access_need need, struct contest *k)
{
	const char *msg;
	enum err e = contest_load(r, r->id, need, k, &msg);
	if (e)
		page_fail(r, e, msg);
	return e != E_OK;
}

/* reads the leaderboard's question, or answers */
static int view(struct request *r, struct lb_view *v)
{
	enum err e = lb_view_read(r, v);
	if (e)
		page_fail(r, e, v->e_msg);
	return e != E_OK;
}

/* the labels of the figures, in code order */
static const char *const *figure_labels(struct request *r, size_t from, size_t n)
{
	const char **l = arena_alloc(r->a, n * sizeof(char *));
	for (size_t i = 0; i < n; i++)
		l[i] = T(lb_figure_label((enum lb_figure)(from + i)));
	return l;
}

static const char *chart_format(enum lb_figure figure, enum lb_figure base)
{
	enum lb_figure f = figure == FIG_MOST_IMPROVED ? base : figure;
	if (f == FIG_REVENUE)
		return "money";
	if (f == FIG_ATTAINMENT || f == FIG_COMMITMENT_RATE)
		return figure == FIG_MOST_IMPROVED ? "pp" : "pct";
	return "num";
}

/* the bar chart of the ranked lines (the table beside it holds them all) */
static void standings_chart(struct request *r, const char *id, enum lb_figure figure, enum lb_figure base,
			    const struct leaderboard *lb)
{
	json_t *labels = json_array(), *data = json_array();
	for (size_t i = 0; i < lb->n && i < 30; i++) {
		if (!lb->lines[i].ranked)
			continue;
		json_array_append_new(labels, json_string(lb->lines[i].name));
		double v = lb->lines[i].value;
		if (!strcmp(chart_format(figure, base), "pp"))
			v *= 100.0;
		json_array_append_new(data, isnan(v) ? json_null() : json_real(v));
	}
	if (!json_array_size(labels)) {
		json_decref(labels);
		json_decref(data);
		return;
	}
	html_printf(&r->out, "<div class=\"chart-box lb-chart\"><canvas data-lb-chart=\"%s\" role=\"img\" aria-label=\"%s\">"
		    "</canvas></div>", id, T("Bar chart of the standings; the table below holds the same numbers."));
	ui_json_script(r, id, json_pack("{s:s, s:s, s:s, s:s, s:o, s:o}", "locale", lang_code(r->lang), "format",
					chart_format(figure, base), "currency", lb->currency ? lb->currency : "EUR",
					"label", T(lb_figure_label(figure)), "labels", labels, "data", data));
	html(&r->out, "<script src=\"/static/chart.umd.js\" defer></script><script src=\"/static/contests.js\" defer>"
		      "</script>");
}

/* ------------------------------------------------------------ leaderboards */

static void leaderboard_filters(struct request *r, const struct lb_view *v)
{
	struct strbuf *o = &r->out;
	html(o, "<form class=\"filters lb-filters\" method=\"get\" action=\"/leaderboards\">");
	/* the teams the caller may see, and the organisation */
	const char **vals = arena_alloc(r->a, (v->nteams + 1) * sizeof(char *));
	const char **labs = arena_alloc(r->a, (v->nteams + 1) * sizeof(char *));
	size_t n = 0;
	vals[n] = "";
	labs[n++] = T("The whole organisation");
	for (size_t i = 0; i < v->nteams; i++)
		if (access_leaderboard_see(&r->viewer, r->me.org_id, v->teams[i].id)) {
			vals[n] = arena_printf(r->a, "%lld", (long long)v->teams[i].id);
			labs[n++] = v->teams[i].name;
		}
	ui_select(r, "team", T("Team"), vals, labs, n,
		  v->team_id ? arena_printf(r->a, "%lld", (long long)v->team_id) : "", NULL);
	ui_select(r, "figure", T("Figure"), lb_figure_codes, figure_labels(r, 0, FIG_COUNT), FIG_COUNT, v->figure, NULL);
	ui_select(r, "base", T("Most improved in"), lb_figure_codes, figure_labels(r, 0, FIG_MOST_IMPROVED),
		  FIG_MOST_IMPROVED, v->base, NULL);
	static const char *const modes[] = { "individual", "team" };
	const char *mode_labels[] = { T("Individuals"), T("Teams") };
	ui_select(r, "mode", T("Who competes"), modes, mode_labels, 2, v->q.team_mode ? "team" : "individual", NULL);
	const char *plabels[LB_PERIODS];
	for (int i = 0; i < LB_PERIODS; i++)
		plabels[i] = T(lb_period_label(i));
	ui_select(r, "period", T("Period"), lb_period_codes, plabels, LB_PERIODS, v->period, NULL);
	ui_input(r, "minimum", T("Minimum conversations in the period to be ranked (optional)"), "number",
		 v->q.min_conversations > 0 ? arena_printf(r->a, "%lld", (long long)v->q.min_conversations) : "", NULL,
		 " min=\"0\" step=\"1\"");
	html_printf(o, "<button class=\"button primary\" type=\"submit\">%s</button></form>", T("Show"));
	/* a range of days instead of a period */
	html(o, "<details class=\"lb-range\"><summary>");
	html_printf(o, "%s</summary><form class=\"filters\" method=\"get\" action=\"/leaderboards\">",
		    T("Or choose the days"));
	html_printf(o, "<input type=\"hidden\" name=\"team\" value=\"%s\"><input type=\"hidden\" name=\"figure\" "
		       "value=\"%s\"><input type=\"hidden\" name=\"base\" value=\"%s\"><input type=\"hidden\" "
		       "name=\"mode\" value=\"%s\">",
		    v->team_id ? arena_printf(r->a, "%lld", (long long)v->team_id) : "", v->figure, v->base,
		    v->q.team_mode ? "team" : "individual");
	if (v->q.min_conversations > 0)
		html_printf(o, "<input type=\"hidden\" name=\"minimum\" value=\"%lld\">",
			    (long long)v->q.min_conversations);
	ui_input(r, "from", T("From"), "date", v->from, NULL, NULL);
	ui_input(r, "to", T("To"), "date", v->to, NULL, NULL);
	html_printf(o, "<button class=\"button primary\" type=\"submit\">%s</button></form></details>", T("Show"));
}

static void revenue_setting(struct request *r, const struct lb_view *v)
{
	struct strbuf *o = &r->out;
	if (!v->team_id)
		return;
	const char *state = v->team_shows_revenue
				    ? T("This team's individual revenue and attainment are shown on the leaderboards.")
				    : T("This team's individual revenue and attainment are hidden: leaderboards show only the team's total. Effort figures are shown either way.");
	html_printf(o, "<section class=\"card lb-setting\"><h2>%s</h2><p>%s</p>", T("Individual revenue"), state);
	if (access_leaderboard_setting(&r->viewer, r->me.org_id, v->team_id)) {
		html(o, "<form method=\"post\" action=\"/leaderboards/setting\">");
		ui_csrf(r);
		html_printf(o, "<input type=\"hidden\" name=\"team\" value=\"%lld\"><input type=\"hidden\" name=\"back\" "
			       "value=\"%s\"><input type=\"hidden\" name=\"show\" value=\"%s\">"
			       "<button class=\"button\" type=\"submit\">%s</button></form>",
			    (long long)v->team_id, lb_view_query(r, v), v->team_shows_revenue ? "0" : "1",
			    v->team_shows_revenue ? T("Hide individual revenue") : T("Show individual revenue"));
	}
	html(o, "</section>");
}

void page_leaderboards(struct request *r)
{
	struct lb_view v;
	if (view(r, &v))
		return;
	struct leaderboard lb;
	enum err e = leaderboard_compute(r->db, r->a, r->me.org_id, &v.q, &lb);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (export_wanted(r)) {
		export_send(r, lb_table(r, arena_printf(r->a, "leaderboard-%s-%s", v.figure, v.from), v.q.figure, v.q.base,
					&lb));
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Leaderboards"), "leaderboards");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div></div>", T("Team"),
		    T("Leaderboards"));
	const char *done = req_query(r, "ok");
	if (done && !strcmp(done, "setting"))
		ui_notice(r, "ok", T("The team's leaderboard setting is saved."));
	leaderboard_filters(r, &v);
	html_printf(o, "<h2 class=\"lb-title\">%s — %s</h2>", *v.team_name ? v.team_name : T("The whole organisation"),
		    v.q.figure == FIG_MOST_IMPROVED
			    ? arena_printf(r->a, T("Most improved in %s"), T(lb_figure_label(v.q.base)))
			    : T(lb_figure_label(v.q.figure)));
	html_printf(o, "<p class=\"muted lb-rule\">%s</p>",
		    lb_rule_text(r, v.q.figure, v.q.base, v.from, v.to, v.q.min_conversations, v.q.team_mode));
	if (v.q.figure == FIG_MOST_IMPROVED && *lb.prev_from)
		html_printf(o, "<p class=\"muted\">%s</p>",
			    arena_printf(r->a, T("Compared with %s to %s."), ui_date_text(r, lb.prev_from),
					 ui_date_text(r, lb.prev_to)));
	if (lb.ntotals)
		ui_notice(r, "info", T("Some teams keep individual revenue off their leaderboards: their reps are not listed, their team total is."));
	standings_chart(r, "lb-chart", v.q.figure, v.q.base, &lb);
	struct table *t = lb_table(r, "leaderboard", v.q.figure, v.q.base, &lb);
	if (!lb.n && !lb.ntotals)
		html_printf(o, "<p class=\"empty\">%s</p>", T("No one to rank in this period."));
	else
		ui_table(r, t, T("Standings"));
	ui_export_links(r);
	html_printf(o, "<p><a class=\"button\" href=\"/tv/leaderboard?%s\">%s</a></p>", lb_view_query(r, &v),
		    T("Open on a TV screen"));
	revenue_setting(r, &v);
	ui_page_end(r);
}

void page_leaderboards_setting_post(struct request *r)
{
	int64_t team = 0;
	const char *ts = req_form(r, "team"), *show = req_form(r, "show"), *back = req_form(r, "back");
	if (!ts || parse_i64(ts, &team) || team <= 0) {
		r->status = 400;
		ui_error_page(r, E_INVALID, T("Choose a team from the list."));
		return;
	}
	if (!access_leaderboard_setting(&r->viewer, r->me.org_id, team)) {
		r->status = 403;
		ui_error_page(r, E_FORBIDDEN, T("A team's leaderboard setting is changed by its manager or an admin."));
		return;
	}
	enum err e = contests_team_revenue_set(r->db, r->me.org_id, team, show && !strcmp(show, "1"));
	if (e == E_NOTFOUND) {
		r->status = 404;
		ui_error_page(r, e, T("There is no such team."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	/* back is a query string of our own form; only its characters pass */
	const char *q = back && strspn(back, "abcdefghijklmnopqrstuvwxyz_0123456789=&-") == strlen(back) ? back : "";
	resp_redirect(r, arena_printf(r->a, "/leaderboards?%s%sok=setting", q, *q ? "&" : ""));
}

/* --------------------------------------------------------------- contests */

static enum contest_state state_of(struct request *r, const struct contest *k)
{
	return contest_state_of(k->starts_on, k->ends_on, ui_today(r), k->frozen_at != 0);
}

static const char *state_text(struct request *r, const struct contest *k)
{
	switch (state_of(r, k)) {
	case CONTEST_UPCOMING: return T("upcoming");
	case CONTEST_RUNNING: return T("running");
	case CONTEST_ENDED: return T("ended");
	default: return arena_printf(r->a, T("final — frozen on %s"), ui_date_text(r, k->frozen_on));
	}
}

static const char *figure_text(struct request *r, const struct contest *k)
{
	int f = lb_figure_parse(k->figure), b = lb_figure_parse(k->base);
	if (f == FIG_MOST_IMPROVED && b >= 0)
		return arena_printf(r->a, T("Most improved in %s"), T(lb_figure_label((enum lb_figure)b)));
	return f >= 0 ? T(lb_figure_label((enum lb_figure)f)) : k->figure;
}

static void contest_list_section(struct request *r, const char *title, const struct contest *ks, size_t n,
				 enum contest_state want)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", title);
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		enum contest_state s = state_of(r, &ks[i]);
		if (s == CONTEST_ENDED)
			s = CONTEST_FINAL;
		if (s != want)
			continue;
		struct contest_ref ref = { r->me.org_id, ks[i].team_ids, ks[i].nteams };
		if (!access_contest_see(&r->viewer, &ref))
			continue;
		if (!shown++)
			html(o, "<ul class=\"contest-list\">");
		html_printf(o, "<li><a href=\"/contests/%lld\"><strong>%s</strong></a> <span class=\"muted\">%s · %s – %s · %s</span></li>",
			    (long long)ks[i].id, ks[i].name, figure_text(r, &ks[i]), ui_date_text(r, ks[i].starts_on),
			    ui_date_text(r, ks[i].ends_on), state_text(r, &ks[i]));
	}
	if (shown)
		html(o, "</ul>");
	else
		html_printf(o, "<p class=\"empty\">%s</p>", T("None."));
	html(o, "</section>");
}

void page_contests(struct request *r)
{
	size_t frozen;
	enum err e = contests_sweep(r->db, r->a, r->me.org_id, ui_today(r), &frozen);
	struct contest *ks;
	size_t n;
	if (e || (e = contests_list(r->db, r->a, r->me.org_id, &ks, &n))) {
		resp_store_error(r, e);
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Contests"), "contests");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div>", T("Team"),
		    T("Contests"));
	if (access_contest_create(&r->viewer, r->me.org_id))
		html_printf(o, "<a class=\"button primary\" href=\"/contests/new\">%s</a>", T("New contest"));
	html(o, "</div>");
	const char *done = req_query(r, "ok");
	if (done && !strcmp(done, "deleted"))
		ui_notice(r, "ok", T("The contest is deleted."));
	contest_list_section(r, T("Running"), ks, n, CONTEST_RUNNING);
	contest_list_section(r, T("Upcoming"), ks, n, CONTEST_UPCOMING);
	contest_list_section(r, T("Finished"), ks, n, CONTEST_FINAL);
	ui_page_end(r);
}

/* the form of a new or changed contest */
struct contest_form {
	struct contest_fields f;
	struct contest_field_error errs[CONTEST_ERRORS_MAX];
	size_t nerr;
};

static const char *ferr(struct request *r, const struct contest_form *cf, const char *field)
{
	for (size_t i = 0; cf && i < cf->nerr; i++)
		if (!strcmp(cf->errs[i].field, field))
			return T(cf->errs[i].message);
	return NULL;
}

static int chosen(const struct contest_fields *f, int64_t team)
{
	for (size_t i = 0; i < f->nteams; i++)
		if (f->team_ids[i] == team)
			return 1;
	return 0;
}

static void contest_form_page(struct request *r, const struct contest_form *cf, int64_t id)
{
	struct lb_team *teams;
	size_t nteams;
	enum err e = contests_teams(r->db, r->a, r->me.org_id, &teams, &nteams);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct strbuf *o = &r->out;
	const char *title = id ? T("Change the contest") : T("New contest");
	ui_page_begin(r, title, "contests");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div></div>", T("Contests"),
		    title);
	if (cf->nerr)
		ui_notice(r, "error", T("Nothing was saved. Check the fields marked below."));
	const struct contest_fields *f = &cf->f;
	html_printf(o, "<form class=\"card form contest-form\" method=\"post\" action=\"%s\">",
		    id ? arena_printf(r->a, "/contests/%lld/edit", (long long)id) : "/contests/new");
	ui_csrf(r);
	ui_input(r, "name", T("Name"), "text", f->name, ferr(r, cf, "name"), " maxlength=\"120\" required");
	ui_select(r, "figure", T("Figure"), lb_figure_codes, figure_labels(r, 0, FIG_COUNT), FIG_COUNT,
		  f->figure ? f->figure : "commitment_rate", ferr(r, cf, "figure"));
	ui_select(r, "base", T("Most improved in (for “Most improved”)"), lb_figure_codes,
		  figure_labels(r, 0, FIG_MOST_IMPROVED), FIG_MOST_IMPROVED, f->base ? f->base : "commitment_rate",
		  ferr(r, cf, "base"));
	static const char *const modes[] = { "individual", "team" };
	const char *mode_labels[] = { T("Individuals"), T("Teams") };
	ui_select(r, "mode", T("Who competes"), modes, mode_labels, 2, f->mode ? f->mode : "individual",
		  ferr(r, cf, "mode"));
	ui_input(r, "starts_on", T("First day"), "date", f->starts_on, ferr(r, cf, "starts_on"), NULL);
	ui_input(r, "ends_on", T("Last day"), "date", f->ends_on, ferr(r, cf, "ends_on"), NULL);
	ui_input(r, "minimum", T("Minimum conversations in the period to be ranked (optional)"), "number", f->minimum,
		 ferr(r, cf, "minimum"), " min=\"0\" step=\"1\"");
	ui_input(r, "prize", T("Prize"), "text", f->prize, ferr(r, cf, "prize"), " maxlength=\"500\"");
	const char *te = ferr(r, cf, "teams");
	html_printf(o, "<fieldset class=\"field%-s\" id=\"f-teams\"><legend>%s</legend>", te ? " invalid" : "",
		    T("Teams taking part"));
	for (size_t i = 0; i < nteams; i++) {
		if (!access_manages_team(&r->viewer, r->me.org_id, teams[i].id))
			continue;
		html_printf(o, "<label class=\"check\"><input type=\"checkbox\" name=\"teams\" value=\"%lld\"%-s> %s%s</label>",
			    (long long)teams[i].id, chosen(f, teams[i].id) ? " checked" : "", teams[i].name,
			    teams[i].show_revenue ? "" : arena_printf(r->a, " (%s)", T("individual revenue hidden")));
	}
	if (te)
		html_printf(o, "<p class=\"field-error\" id=\"e-teams\">%s</p>", te);
	html_printf(o, "</fieldset><button class=\"button primary\" type=\"submit\">%s</button></form>",
		    id ? T("Save") : T("Create the contest"));
	ui_page_end(r);
}

static void read_form(struct request *r, struct contest_fields *f)
{
	memset(f, 0, sizeof(*f));
	f->name = req_form_trimmed(r, "name");
	f->figure = req_form(r, "figure");
	f->base = req_form(r, "base");
	f->mode = req_form(r, "mode");
	f->starts_on = req_form(r, "starts_on");
	f->ends_on = req_form(r, "ends_on");
	f->minimum = req_form_trimmed(r, "minimum");
	f->prize = req_form_trimmed(r, "prize");
	size_t cap = 0;
	while (kv_get_nth(&r->form, "teams", cap))
		cap++;
	f->team_ids = arena_alloc(r->a, (cap ? cap : 1) * sizeof(int64_t));
	for (size_t i = 0; i < cap && f->nteams < CONTEST_TEAMS_MAX; i++) {
		int64_t id;
		if (!parse_i64(kv_get_nth(&r->form, "teams", i), &id))
			f->team_ids[f->nteams++] = id;
		else
			f->team_ids[f->nteams++] = 0;	/* not a team: refused as one */
	}
}

void page_contest_new(struct request *r)
{
	if (!access_contest_create(&r->viewer, r->me.org_id)) {
		r->status = 403;
		ui_error_page(r, E_FORBIDDEN, T("Contests are created by admins and by managers of a team."));
		return;
	}
	struct contest_form cf = { 0 };
	char from[11], to[11];
	lb_period_resolve("this_month", ui_today(r), 1, from, to);
	cf.f.starts_on = arena_strdup(r->a, from);
	cf.f.ends_on = arena_strdup(r->a, to);
	contest_form_page(r, &cf, 0);
}

void page_contest_new_post(struct request *r)
{
	if (!access_contest_create(&r->viewer, r->me.org_id)) {
		r->status = 403;
		ui_error_page(r, E_FORBIDDEN, T("Contests are created by admins and by managers of a team."));
		return;
	}
	struct contest_form cf;
	read_form(r, &cf.f);
	struct contest k;
	enum err e = contest_fields_check(r, &cf.f, cf.errs, &cf.nerr, &k);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (cf.nerr) {
		r->status = 400;
		contest_form_page(r, &cf, 0);
		return;
	}
	int64_t id = 0;
	if ((e = db_begin(r->db)) || (e = contest_create(r->db, r->me.org_id, &k, &id)) || (e = db_commit(r->db))) {
		db_rollback(r->db);
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/contests/%lld?ok=created", (long long)id));
}

void page_contest(struct request *r)
{
	struct contest k;
	if (load(r, NEED_SEE, &k))
		return;
	struct leaderboard lb;
	enum err e = contest_standings_read(r->db, r->a, r->me.org_id, &k, ui_today(r), &lb);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct lb_query q;
	contest_query(&k, ui_today(r), &q);
	if (export_wanted(r)) {
		export_send(r, lb_table(r, arena_printf(r->a, "contest-%lld", (long long)k.id), q.figure, q.base, &lb));
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, k.name, "contests");
	html_printf(o, "<div class=\"page-head contest-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div>", T("Contest"),
		    k.name);
	struct contest_ref ref = { r->me.org_id, k.team_ids, k.nteams };
	int manage = access_contest_manage(&r->viewer, &ref);
	if (manage && !k.frozen_at)
		html_printf(o, "<a class=\"button\" href=\"/contests/%lld/edit\">%s</a>", (long long)k.id, T("Change"));
	html(o, "</div>");
	const char *done = req_query(r, "ok");
	if (done && !strcmp(done, "created"))
		ui_notice(r, "ok", T("The contest is created."));
	else if (done && !strcmp(done, "saved"))
		ui_notice(r, "ok", T("The contest is saved."));
	html_printf(o, "<p class=\"contest-state\"><span class=\"tag\">%s</span> %s</p>", state_text(r, &k),
		    figure_text(r, &k));
	html_printf(o, "<p class=\"lb-rule\">%s</p>",
		    lb_rule_text(r, q.figure, q.base, k.starts_on, k.ends_on, k.min_conversations, q.team_mode));
	if (*k.prize)
		html_printf(o, "<p class=\"contest-prize\"><strong>%s</strong> %s</p>", T("Prize:"), k.prize);
	const char *teams = "";
	for (size_t i = 0; i < k.nteams; i++)
		teams = arena_printf(r->a, "%s%s%s", teams, i ? ", " : "", k.team_names[i]);
	html_printf(o, "<p class=\"muted\">%s %s</p>", T("Teams taking part:"), teams);
	if (lb.ntotals)
		ui_notice(r, "info", T("Some teams keep individual revenue off their leaderboards: their reps are not listed, their team total is."));
	standings_chart(r, "contest-chart", q.figure, q.base, &lb);
	if (!lb.n && !lb.ntotals)
		html_printf(o, "<p class=\"empty\">%s</p>", T("No one to rank yet."));
	else
		ui_table(r, lb_table(r, "contest", q.figure, q.base, &lb), k.frozen_at ? T("Final standings") : T("Standings"));
	ui_export_links(r);
	html_printf(o, "<p><a class=\"button\" href=\"/tv/contests/%lld\">%s</a></p>", (long long)k.id,
		    T("Open on a TV screen"));
	if (manage) {
		html_printf(o, "<form method=\"post\" action=\"/contests/%lld/delete\" data-confirm=\"%s\">", (long long)k.id,
			    T("Delete this contest and its standings?"));
		ui_csrf(r);
		html_printf(o, "<button class=\"button danger\" type=\"submit\">%s</button></form>", T("Delete the contest"));
	}
	ui_page_end(r);
}

void page_contest_edit(struct request *r)
{
	struct contest k;
	if (load(r, NEED_CHANGE, &k))
		return;
	struct contest_form cf = { 0 };
	cf.f = (struct contest_fields){ k.name, k.figure, k.base, k.mode, k.starts_on, k.ends_on,
					k.min_conversations ? arena_printf(r->a, "%lld", (long long)k.min_conversations) : "",
					k.prize, k.team_ids, k.nteams };
	contest_form_page(r, &cf, k.id);
}

void page_contest_edit_post(struct request *r)
{
	struct contest k;
	if (load(r, NEED_CHANGE, &k))
		return;
	struct contest_form cf;
	read_form(r, &cf.f);
	struct contest upd;
	enum err e = contest_fields_check(r, &cf.f, cf.errs, &cf.nerr, &upd);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (cf.nerr) {
		r->status = 400;
		contest_form_page(r, &cf, k.id);
		return;
	}
	upd.id = k.id;
	if ((e = db_begin(r->db)) || (e = contest_update(r->db, r->me.org_id, &upd)) || (e = db_commit(r->db))) {
		db_rollback(r->db);
		if (e == E_CONFLICT) {
			r->status = 409;
			ui_error_page(r, e, T("The contest has ended and its standings are final: it cannot be changed."));
			return;
		}
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/contests/%lld?ok=saved", (long long)k.id));
}

void page_contest_delete_post(struct request *r)
{
	struct contest k;
	if (load(r, NEED_CHANGE, &k))
		return;
	enum err e;
	if ((e = db_begin(r->db)) || (e = contest_delete(r->db, r->me.org_id, k.id)) || (e = db_commit(r->db))) {
		db_rollback(r->db);
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, "/contests?ok=deleted");
}

/* -------------------------------------------------------------------- TV */

static int tv_refresh(struct request *r)
{
	const char *s = req_query(r, "refresh");
	int64_t v;
	if (!s || parse_i64(s, &v))
		return TV_REFRESH_DEFAULT;
	return v < TV_REFRESH_MIN ? TV_REFRESH_MIN : v > 3600 ? 3600 : (int)v;
}

/* the whole TV document: no chrome, the standings drawn by the server and
 * redrawn by contests.js from src every refresh seconds */
static void tv_page(struct request *r, const char *title, const char *subtitle, const char *src,
		    enum lb_figure figure, enum lb_figure base, const struct leaderboard *lb)
{
	struct strbuf *o = &r->out;
	int refresh = tv_refresh(r);
	char now[6];
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	snprintf(now, sizeof(now), "%02d:%02d", tm.tm_hour, tm.tm_min);
	r->status = 200;
	r->content_type = "text/html; charset=utf-8";
	html_printf(o, "<!doctype html>\n<html lang=\"%s\" class=\"tv\"><head><meta charset=\"utf-8\">"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>%s</title>"
		       "<link rel=\"stylesheet\" href=\"/static/app.css\">"
		       "<noscript><meta http-equiv=\"refresh\" content=\"%d\"></noscript>"
		       "<script src=\"/static/contests.js\" defer></script></head>",
		    lang_code(r->lang), title, refresh);
	html_printf(o, "<body class=\"tv\" data-tv-src=\"%s\" data-tv-refresh=\"%d\" data-tv-updated=\"%s\">", src, refresh,
		    T("updated %s"));
	html_printf(o, "<header class=\"tv-head\"><h1>%s</h1><p class=\"tv-sub\">%s</p>"
		       "<p class=\"tv-updated\" id=\"tv-updated\">%s</p></header>",
		    title, subtitle, arena_printf(r->a, T("updated %s"), now));
	html_printf(o, "<table class=\"tv-table\"><thead><tr><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody id=\"tv-rows\">",
		    T("Place"), T("Name"),
		    figure == FIG_MOST_IMPROVED ? arena_printf(r->a, T("Change in %s"), T(lb_figure_label(base)))
						: T(lb_figure_label(figure)));
	for (size_t i = 0; i < lb->n; i++)
		html_printf(o, "<tr><td class=\"tv-place\">%s</td><td>%s</td><td class=\"tv-value\">%s</td></tr>",
			    lb->lines[i].ranked ? arena_printf(r->a, "%d", lb->lines[i].place) : "–", lb->lines[i].name,
			    lb_value_text(r, figure, base, lb->lines[i].value, lb->currency));
	for (size_t i = 0; i < lb->ntotals; i++)
		html_printf(o, "<tr class=\"tv-total\"><td class=\"tv-place\">%s</td><td>%s</td><td class=\"tv-value\">%s</td></tr>",
			    T("team total"), lb->totals[i].name,
			    lb_value_text(r, figure, base, lb->totals[i].value, lb->currency));
	html(o, "</tbody></table></body></html>\n");
}

void page_tv_leaderboard(struct request *r)
{
	struct lb_view v;
	if (view(r, &v))
		return;
	struct leaderboard lb;
	enum err e = leaderboard_compute(r->db, r->a, r->me.org_id, &v.q, &lb);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	const char *title = v.q.figure == FIG_MOST_IMPROVED
				    ? arena_printf(r->a, T("Most improved in %s"), T(lb_figure_label(v.q.base)))
				    : T(lb_figure_label(v.q.figure));
	const char *sub = arena_printf(r->a, "%s · %s – %s", *v.team_name ? v.team_name : T("The whole organisation"),
				       ui_date_text(r, v.from), ui_date_text(r, v.to));
	tv_page(r, title, sub, arena_printf(r->a, "/api/v1/leaderboards?%s", lb_view_query(r, &v)), v.q.figure, v.q.base,
		&lb);
}

void page_tv_contest(struct request *r)
{
	struct contest k;
	if (load(r, NEED_SEE, &k))
		return;
	struct leaderboard lb;
	enum err e = contest_standings_read(r->db, r->a, r->me.org_id, &k, ui_today(r), &lb);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct lb_query q;
	contest_query(&k, ui_today(r), &q);
	const char *sub = arena_printf(r->a, "%s · %s – %s · %s", figure_text(r, &k), ui_date_text(r, k.starts_on),
				       ui_date_text(r, k.ends_on), state_text(r, &k));
	if (*k.prize)
		sub = arena_printf(r->a, "%s · %s %s", sub, T("Prize:"), k.prize);
	tv_page(r, k.name, sub, arena_printf(r->a, "/api/v1/contests/%lld", (long long)k.id), q.figure, q.base, &lb);
}
