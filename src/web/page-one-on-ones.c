/*
 * page-one-on-ones: one-on-ones on a cadence (issue 8).
 *
 *   GET  /one-on-ones            a manager: the reps of the teams they lead,
 *                                with cadence, last held, next due, OVERDUE
 *                                flagged; forms to set a cadence and to
 *                                schedule one. A rep: their own.
 *   GET  /one-on-ones?rep=ID     one rep's one-on-ones, newest first
 *   POST /one-on-ones/cadence    set a rep's cadence (their manager)
 *   POST /one-on-ones            schedule one (their manager)
 *   GET  /one-on-ones/:id        the agenda: the template's sections, facts
 *                                since the last one, the rep's own points,
 *                                shared notes, private manager notes (the
 *                                manager's only) and the actions, those of
 *                                earlier one-on-ones carried forward until done
 *   POST /one-on-ones/:id/points, /actions, /actions/:id2/done, /notes, /held
 *
 * Rights: access_one_on_one_see/_manage/_private (domain/access.c) through
 * web/load.c's loaders; the private notes are neither rendered nor exported
 * for anyone but the manager. When one is due is domain/cadence.c.
 */
#include "pages.h"
#include "ui.h"
#include "load.h"
#include "export.h"
#include "repnumbers.h"
#include "coaching.h"
#include "../domain/cadence.h"
#include "../domain/plans.h"
#include "../store/plans.h"
#include "../store/learning-index.h"
#include "learningindex.h"
#include "../domain/period.h"
#include "../domain/validate.h"
#include "../store/one-on-ones.h"
#include "../store/figures.h"
#include "../store/settings.h"
#include "../lib/table.h"
#include "../lib/util.h"
#include <string.h>

/* ---------------------------------------------------------------- words */

static const char *const every_codes[] = { "weekly", "biweekly", "monthly" };
static const char *const every_labels[] = { N_("Weekly"), N_("Every two weeks"), N_("Monthly") };

const char *ooo_every_label(struct request *r, const char *code)
{
	for (size_t i = 0; i < 3; i++)
		if (!strcmp(code, every_codes[i]))
			return T(every_labels[i]);
	return T("No cadence");
}

static const char *const section_labels[] = {
	N_("Effort"), N_("Improvement"), N_("Progress"), N_("What works"), N_("What to strengthen"),
	/* TRANSLATORS: the agenda section where the rep adds their own points before a one-on-one */
	N_("The rep's own points"),
};
static const char *const section_prompts[] = {
	N_("The work that went in: conversations held, steps agreed and kept."),
	N_("What got better since the last one-on-one."),
	N_("Where the numbers and the plan stand against the target."),
	N_("What works and should be done more."),
	N_("One thing to strengthen next, and how."),
	N_("What the rep wants to talk about."),
};


static const char *status_label(struct request *r, const char *status)
{
	if (!strcmp(status, "held"))
		return T("Held");
	if (!strcmp(status, "cancelled"))
		return T("Cancelled");
	return T("Planned");
}

/* the next due day of a rep's cadence ("" when none) and whether it is overdue */
void ooo_rep_due(struct request *r, const struct ooo_rep *x, const char **due, int *overdue)
{
	*due = "";
	*overdue = 0;
	int every = cadence_parse(x->every);
	char out[11];
	if (every < 0 || cadence_next_due((enum cadence_every)every, x->anchor_on, x->last_held, out))
		return;
	*due = arena_strdup(r->a, out);
	*overdue = cadence_overdue(out, ui_today(r));
}

/* ---------------------------------------------------------------- the list */

struct list_form {
	const char *c_rep, *c_every, *c_anchor, *s_rep, *s_on;
	const char *e_c_rep, *e_c_every, *e_c_anchor, *e_s_rep, *e_s_on;
	const char *notice;
};

static struct table *reps_table(struct request *r, const struct ooo_rep_list *l)
{
	struct table *t = table_new(r->a, "one-on-ones", 8);
	table_col(t, 0, T("Rep"), CELL_TEXT);
	table_col(t, 1, T("Team"), CELL_TEXT);
	table_col(t, 2, T("Cadence"), CELL_TEXT);
	table_col(t, 3, T("Last held"), CELL_DATE);
	table_col(t, 4, T("Next due"), CELL_DATE);
	table_col(t, 5, T("Overdue"), CELL_TEXT);
	table_col(t, 6, T("Next planned"), CELL_DATE);
	table_col(t, 7, T("Open actions"), CELL_INT);
	for (size_t i = 0; i < l->n; i++) {
		const struct ooo_rep *x = &l->items[i];
		const char *due;
		int overdue;
		ooo_rep_due(r, x, &due, &overdue);
		size_t row = table_row(t);
		table_text(t, row, 0, x->rep_name);
		table_text(t, row, 1, x->team_name);
		table_text(t, row, 2, *x->every ? ooo_every_label(r, x->every) : "");
		if (*x->last_held)
			table_date(t, row, 3, x->last_held);
		if (*due)
			table_date(t, row, 4, due);
		table_text(t, row, 5, overdue ? T("OVERDUE") : "");
		if (*x->next_on)
			table_date(t, row, 6, x->next_on);
		table_int(t, row, 7, x->open_actions);
	}
	return t;
}

static void render_reps(struct request *r, const struct ooo_rep_list *l, int manager)
{
	struct strbuf *o = &r->out;
	html(o, "<div class=\"table-wrap\"><table class=\"ooo-reps\"><thead><tr>");
	const char *cols[] = { T("Rep"), T("Cadence"), T("Last held"), T("Next due"), T("Next planned"), T("Open actions") };
	for (size_t i = 0; i < 6; i++)
		html_printf(o, "<th scope=\"col\"%-s>%s</th>", i == 5 ? " class=\"num\"" : "", cols[i]);
	html(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < l->n; i++) {
		const struct ooo_rep *x = &l->items[i];
		const char *due;
		int overdue;
		ooo_rep_due(r, x, &due, &overdue);
		html_printf(o, "<tr%-s><th scope=\"row\">", overdue ? " class=\"ooo-overdue\"" : "");
		if (manager)
			html_printf(o, "<a href=\"/one-on-ones?rep=%lld\">%s</a><br><span class=\"muted\">%s</span>",
				    (long long)x->rep_id, x->rep_name, x->team_name);
		else
			html_txt(o, x->rep_name);
		html_printf(o, "</th><td data-label=\"%s\">%s</td><td data-label=\"%s\">", T("Cadence"),
			    *x->every ? ooo_every_label(r, x->every) : T("No cadence"), T("Last held"));
		if (*x->last_held)
			ui_date(r, x->last_held);
		else
			html(o, "–");
		html_printf(o, "</td><td data-label=\"%s\">", T("Next due"));
		if (*due)
			ui_date(r, due);
		else
			html(o, "–");
		if (overdue)
			html_printf(o, " <span class=\"badge ooo-late\">%s</span>", T("OVERDUE"));
		html_printf(o, "</td><td data-label=\"%s\">", T("Next planned"));
		if (x->next_id) {
			html_printf(o, "<a href=\"/one-on-ones/%lld\">", (long long)x->next_id);
			ui_date(r, x->next_on);
			html(o, "</a>");
		} else {
			html(o, "–");
		}
		html_printf(o, "</td><td class=\"num\" data-label=\"%s\">%lld</td></tr>", T("Open actions"),
			    (long long)x->open_actions);
	}
	html(o, "</tbody></table></div>");
}

static void rep_select(struct request *r, const char *name, const struct ooo_rep_list *l, const char *sel,
		       const char *err)
{
	const char **values = arena_allocarray(r->a, l->n + 1, sizeof(char *));
	const char **labels = arena_allocarray(r->a, l->n + 1, sizeof(char *));
	values[0] = "";
	labels[0] = T("Choose a rep");
	for (size_t i = 0; i < l->n; i++) {
		values[i + 1] = arena_printf(r->a, "%lld", (long long)l->items[i].rep_id);
		labels[i + 1] = l->items[i].rep_name;
	}
	ui_select(r, name, T("Rep"), values, labels, l->n + 1, sel, err);
}

static void render_list(struct request *r, const struct ooo_rep_list *led, const struct ooo_rep_list *mine,
			const struct list_form *f)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("One-on-ones"), "one-on-ones");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s</p>"
		    "</div></div>", T("Grow"), T("One-on-ones"),
		    T("Seen by the rep and the manager who leads the rep's team only."));
	if (f && f->notice)
		ui_notice(r, "error", f->notice);
	if (led) {
		html_printf(o, "<section class=\"card\" id=\"reps\"><h2>%s</h2>", T("My reps"));
		if (!led->n)
			html_printf(o, "<p class=\"empty muted\">%s</p>", T("There are no reps in the teams you lead."));
		else {
			render_reps(r, led, 1);
			ui_export_links(r);
		}
		html(o, "</section>");
		if (led->n) {
			const char *every_l[3] = { T(every_labels[0]), T(every_labels[1]), T(every_labels[2]) };
			html_printf(o, "<div class=\"ooo-forms\"><section class=\"card\" id=\"cadence\"><h2>%s</h2>"
				    "<form method=\"post\" action=\"/one-on-ones/cadence\" class=\"form\">", T("Set a cadence"));
			ui_csrf(r);
			rep_select(r, "c_rep", led, f ? f->c_rep : NULL, f ? f->e_c_rep : NULL);
			ui_select(r, "c_every", T("How often"), every_codes, every_l, 3, f && f->c_every ? f->c_every : "biweekly",
				  f ? f->e_c_every : NULL);
			ui_input(r, "c_anchor", T("Starting on"), "date", f && f->c_anchor ? f->c_anchor : ui_today(r),
				 f ? f->e_c_anchor : NULL, " required");
			html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
				    "</form></section>", T("Save the cadence"));
			html_printf(o, "<section class=\"card\" id=\"schedule\"><h2>%s</h2>"
				    "<form method=\"post\" action=\"/one-on-ones\" class=\"form\">", T("Schedule a one-on-one"));
			ui_csrf(r);
			rep_select(r, "s_rep", led, f ? f->s_rep : NULL, f ? f->e_s_rep : NULL);
			ui_input(r, "s_on", T("On"), "date", f && f->s_on ? f->s_on : ui_today(r), f ? f->e_s_on : NULL,
				 " required");
			html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
				    "</form></section></div>", T("Schedule"));
		}
	}
	if (mine && mine->n) {
		html_printf(o, "<section class=\"card\" id=\"mine\"><h2>%s</h2>", T("My one-on-ones"));
		render_reps(r, mine, 0);
		html_printf(o, "<p><a class=\"button\" href=\"/one-on-ones?rep=%lld\">%s</a></p></section>",
			    (long long)r->me.user_id, T("All my one-on-ones"));
	}
	if (!led && (!mine || !mine->n))
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("You have no one-on-ones: you are in no team."));
	ui_page_end(r);
}

static struct table *meetings_table(struct request *r, const struct user *u, const struct ooo_list *l)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "one-on-ones-%lld", (long long)u->id), 4);
	table_col(t, 0, T("Scheduled"), CELL_DATE);
	table_col(t, 1, T("Status"), CELL_TEXT);
	table_col(t, 2, T("Held on"), CELL_DATE);
	table_col(t, 3, T("Manager"), CELL_TEXT);
	for (size_t i = 0; i < l->n; i++) {
		size_t row = table_row(t);
		table_date(t, row, 0, l->items[i].scheduled_on);
		table_text(t, row, 1, status_label(r, l->items[i].status));
		if (*l->items[i].held_on)
			table_date(t, row, 2, l->items[i].held_on);
		table_text(t, row, 3, l->items[i].manager_name);
	}
	return t;
}

/* GET /one-on-ones?rep=ID */
static void page_rep_meetings(struct request *r, int64_t rep_id)
{
	struct user *u = ooo_rep_load_or_reply(r, rep_id, NEED_SEE);
	if (!u)
		return;
	struct ooo_list l;
	enum err e = ooo_list_rep(r->db, r->a, r->me.org_id, u->id, &l);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (export_wanted(r)) {
		export_send(r, meetings_table(r, u, &l));
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("One-on-ones"), "one-on-ones");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div>"
		    "<a class=\"button\" href=\"/one-on-ones\">%s</a></div>", T("One-on-ones"),
		    arena_printf(r->a, T("One-on-ones of %s"), u->name), T("All one-on-ones"));
	html(o, "<section class=\"card\">");
	if (!l.n) {
		html_printf(o, "<p class=\"empty muted\">%s</p></section>", T("No one-on-one yet."));
		ui_page_end(r);
		return;
	}
	html_printf(o, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    T("Scheduled"), T("Status"), T("Held on"), T("Manager"));
	for (size_t i = 0; i < l.n; i++) {
		const struct one_on_one *m = &l.items[i];
		html_printf(o, "<tr><th scope=\"row\"><a href=\"/one-on-ones/%lld\">", (long long)m->id);
		ui_date(r, m->scheduled_on);
		html_printf(o, "</a></th><td data-label=\"%s\">%s</td><td data-label=\"%s\">", T("Status"),
			    status_label(r, m->status), T("Held on"));
		if (*m->held_on)
			ui_date(r, m->held_on);
		html_printf(o, "</td><td data-label=\"%s\">%s</td></tr>", T("Manager"), m->manager_name);
	}
	html(o, "</tbody></table></div>");
	ui_export_links(r);
	html(o, "</section>");
	ui_page_end(r);
}

/* the list as the viewer sees it: led (NULL unless they lead teams) and mine */
static int list_load(struct request *r, struct ooo_rep_list **led, struct ooo_rep_list *mine)
{
	*led = NULL;
	enum err e;
	if (access_leads_any_team(&r->viewer)) {
		*led = arena_alloc(r->a, sizeof(**led));
		if ((e = ooo_reps(r->db, r->a, r->me.org_id, r->me.user_id, 0, *led))) {
			resp_store_error(r, e);
			return -1;
		}
	}
	mine->n = 0;
	if (r->viewer.team_id && (e = ooo_reps(r->db, r->a, r->me.org_id, 0, r->me.user_id, mine))) {
		resp_store_error(r, e);
		return -1;
	}
	/* only when someone leads the viewer's team is it a one-on-one of theirs */
	if (mine->n && !mine->items[0].manager_id)
		mine->n = 0;
	return 0;
}

void page_one_on_ones(struct request *r)
{
	const char *rep = req_query(r, "rep");
	if (rep) {
		int64_t id;
		if (parse_i64(rep, &id) || id <= 0) {
			resp_error(r, E_INVALID, T("rep: choose a rep."));
			return;
		}
		page_rep_meetings(r, id);
		return;
	}
	struct ooo_rep_list *led, mine;
	if (list_load(r, &led, &mine))
		return;
	if (export_wanted(r)) {
		export_send(r, reps_table(r, led ? led : &mine));
		return;
	}
	render_list(r, led, &mine, NULL);
}

/* the rep a manager's form names: the user when they may manage their
 * one-on-ones; else NULL with the message in *err */
static struct user *form_rep(struct request *r, const char *v, const char **err)
{
	int64_t id;
	if (!v || !*v || parse_i64(v, &id) || id <= 0) {
		*err = T("Choose a rep.");
		return NULL;
	}
	struct user *u = arena_alloc(r->a, sizeof(*u));
	enum err e = user_get(r->db, r->a, r->me.org_id, id, u);
	struct person p = { u->id, r->me.org_id, e ? 0 : u->team_id };
	if (e || !access_one_on_one_manage(&r->viewer, &p)) {
		*err = T("Choose one of the reps of the teams you lead.");
		return NULL;
	}
	return u;
}

static void list_again(struct request *r, struct list_form *f)
{
	struct ooo_rep_list *led, mine;
	if (list_load(r, &led, &mine))
		return;
	r->status = 400;
	f->notice = T("Nothing was saved. Check the fields marked below.");
	render_list(r, led, &mine, f);
}

void page_one_on_ones_cadence_post(struct request *r)
{
	struct list_form f = { 0 };
	f.c_rep = req_form(r, "c_rep");
	f.c_every = req_form(r, "c_every");
	f.c_anchor = req_form(r, "c_anchor");
	struct user *u = form_rep(r, f.c_rep, &f.e_c_rep);
	if (cadence_parse(f.c_every) < 0)
		f.e_c_every = T("Choose weekly, every two weeks or monthly.");
	if (!f.c_anchor || !date_valid(f.c_anchor))
		f.e_c_anchor = T("Enter a date, such as 2026-12-07.");
	if (!u || f.e_c_every || f.e_c_anchor) {
		list_again(r, &f);
		return;
	}
	enum err e = ooo_cadence_set(r->db, r->me.org_id, u->id, f.c_every, f.c_anchor, r->me.user_id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, "/one-on-ones");
}

void page_one_on_ones_post(struct request *r)
{
	struct list_form f = { 0 };
	f.s_rep = req_form(r, "s_rep");
	f.s_on = req_form(r, "s_on");
	struct user *u = form_rep(r, f.s_rep, &f.e_s_rep);
	if (!f.s_on || !date_valid(f.s_on))
		f.e_s_on = T("Enter a date, such as 2026-12-07.");
	if (!u || f.e_s_on) {
		list_again(r, &f);
		return;
	}
	int64_t id;
	enum err e = ooo_create(r->db, r->me.org_id, u->id, r->me.user_id, f.s_on, &id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/one-on-ones/%lld", (long long)id));
}

/* ---------------------------------------------------------------- the agenda */

struct agenda_form {
	const char *p_section, *p_text, *a_what, *a_due, *a_owner, *h_on, *n_shared, *n_private, *r_kind, *r_note;
	const char *e_p_section, *e_p_text, *e_a_what, *e_a_due, *e_a_owner, *e_h_on, *e_n_shared, *e_n_private;
	const char *e_r_kind, *e_r_note;
	const char *notice;
};

/* what happened since the last one-on-one: from the day after it (or 30
 * days back when there was none) to the day of this one, today at most */
struct facts {
	const char *from, *to;
	struct commitment_counts c;
	struct commitment_figures f;
	int has_numbers;
	struct rep_numbers n;
	struct period p;
	struct numbers_settings s;
	/* the rep's open plan on the day (plan.id 0: none), its goals done and
	 * counted (not dropped), its actions open */
	struct plan plan;
	size_t goals, goals_done, actions_open;
	/* learning (issue 9): done learning activities in the days, by kind */
	struct li_kind_counts learning;
};

static int facts_load(struct request *r, const struct one_on_one *m, struct facts *x)
{
	memset(x, 0, sizeof(*x));
	const char *last;
	enum err e = ooo_last_held_before(r->db, r->a, r->me.org_id, m->rep_id, m->scheduled_on, m->id, &last);
	if (e)
		return resp_store_error(r, e), -1;
	const char *to = *m->held_on ? m->held_on : m->scheduled_on;
	if (strcmp(to, ui_today(r)) > 0)
		to = ui_today(r);
	char from[11];
	if (*last)
		day_add(last, 1, from);
	else
		day_add(to, -30, from);
	if (strcmp(from, to) > 0)
		memcpy(from, to, 11);
	x->from = arena_strdup(r->a, from);
	x->to = to;
	double *gaps;
	size_t ngaps;
	struct figures_scope sc = { m->rep_id, 0, 0 };
	if ((e = figures_commitment(r->db, r->a, r->me.org_id, &sc, x->from, x->to, ui_today(r), &x->c, &gaps, &ngaps)))
		return resp_store_error(r, e), -1;
	commitment_figures_compute(&x->c, gaps, ngaps, &x->f);
	settings_numbers(r->db, r->a, r->me.org_id, &x->s);
	period_containing(PERIOD_MONTH, x->to, x->s.fiscal_start_month, &x->p);
	struct user *u = arena_alloc(r->a, sizeof(*u));
	if ((e = user_get(r->db, r->a, r->me.org_id, m->rep_id, u)))
		return resp_store_error(r, e), -1;
	if (rep_numbers_load(r, u, &x->s, &x->p, &x->n))
		return resp_store_error(r, E_OK), -1;
	x->has_numbers = 1;
	char before[11];
	day_add(x->from, -1, before);
	if ((e = learning_kind_counts(r->db, r->a, r->me.org_id, m->rep_id, before, x->to, &x->learning)))
		return resp_store_error(r, e), -1;
	e = plan_current(r->db, r->a, r->me.org_id, m->rep_id, x->to, &x->plan);
	if (e == E_NOTFOUND) {
		x->plan.id = 0;
		return 0;
	}
	struct plan_goal *g;
	struct plan_action *pa;
	size_t ng, na;
	if (e || (e = plan_goals_list(r->db, r->a, r->me.org_id, x->plan.id, &g, &ng)) ||
	    (e = plan_actions_list(r->db, r->a, r->me.org_id, x->plan.id, &pa, &na)))
		return resp_store_error(r, e), -1;
	for (size_t i = 0; i < ng; i++) {
		x->goals += strcmp(g[i].status, "dropped") != 0;
		x->goals_done += !strcmp(g[i].status, "done");
	}
	for (size_t i = 0; i < na; i++)
		x->actions_open += !*pa[i].done_on;
	return 0;
}

static void render_facts(struct request *r, const struct one_on_one *m, const struct facts *x)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"facts\"><h2>%s</h2><p class=\"muted\">%s</p><dl class=\"rep-facts\">",
		    T("Since the last one-on-one"),
		    arena_printf(r->a, T("From %s to %s."), ui_date_text(r, x->from), ui_date_text(r, x->to)));
	html_printf(o, "<div><dt>%s</dt><dd>%lld</dd></div>", T("Conversations"), (long long)x->c.conversations);
	html_printf(o, "<div><dt>%s</dt><dd>%s</dd></div>", T("Commitment rate"), ui_percent_text(r, x->f.commitment_rate));
	html_printf(o, "<div><dt>%s</dt><dd>%s</dd></div>", T("No-commitment rate"), ui_percent_text(r, x->f.none_rate));
	html_printf(o, "<div><dt>%s</dt><dd>%lld</dd></div>", T("Steps kept on time"), (long long)x->c.steps_kept_on_time);
	html_printf(o, "<div><dt>%s</dt><dd>%lld</dd></div>", T("Steps slipped or missed"),
		    (long long)(x->c.steps_due - x->c.steps_kept_on_time));
	if (x->has_numbers) {
		const char *cur = x->s.currency;
		html_printf(o, "<div><dt>%s</dt><dd>%s</dd></div>", arena_printf(r->a, T("Result %s"), x->p.label),
			    ui_money_text(r, x->n.result, cur));
		html_printf(o, "<div><dt>%s</dt><dd>%s</dd></div>", T("Target"),
			    x->n.has_target ? ui_money_text(r, x->n.target, cur) : "–");
		html_printf(o, "<div><dt>%s</dt><dd>%s</dd></div>", T("Attainment"), ui_percent_text(r, x->n.a.attainment));
	}
	if (x->plan.id)
		html_printf(o, "<div><dt>%s</dt><dd>%s</dd></div>", T("Plan progress"),
			    arena_printf(r->a, T("%zu of %zu goals done, %zu actions open"), x->goals_done, x->goals,
					 x->actions_open));
	html_printf(o, "<div class=\"ooo-learning\"><dt>%s</dt><dd>%s</dd></div>", T("Learning since last time"),
		    li_kind_counts_text(r, x->learning.items, x->learning.n));
	html(o, "</dl>");
	if (x->plan.id)
		html_printf(o, "<p><a href=\"/plans/%lld\">%s</a></p>", (long long)x->plan.id, x->plan.title && *x->plan.title
			    ? x->plan.title : T("The development plan"));
	coaching_render_facts_observations(r, m->rep_id, x->from, x->to);
	html_printf(o, "<p><a href=\"/figures/commitment?rep=%lld&amp;from=%s&amp;to=%s\">%s</a></p></section>",
		    (long long)m->rep_id, x->from, x->to, T("All figures for these days"));
}

static struct table *points_table(struct request *r, const struct one_on_one *m, const struct ooo_point_list *pl)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "one-on-one-%lld-agenda", (long long)m->id), 3);
	table_col(t, 0, T("Section"), CELL_TEXT);
	table_col(t, 1, T("By"), CELL_TEXT);
	table_col(t, 2, T("Point"), CELL_TEXT);
	for (size_t i = 0; i < pl->n; i++) {
		int s = ooo_section_index(pl->items[i].section);
		size_t row = table_row(t);
		table_text(t, row, 0, s >= 0 ? T(section_labels[s]) : pl->items[i].section);
		table_text(t, row, 1, pl->items[i].author_name);
		table_text(t, row, 2, pl->items[i].text);
	}
	return t;
}

static struct table *actions_table(struct request *r, const struct one_on_one *m, const struct ooo_action_list *al)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "one-on-one-%lld-actions", (long long)m->id), 5);
	table_col(t, 0, T("Action"), CELL_TEXT);
	table_col(t, 1, T("Owner"), CELL_TEXT);
	table_col(t, 2, T("Due"), CELL_DATE);
	table_col(t, 3, T("Agreed at the one-on-one of"), CELL_DATE);
	table_col(t, 4, T("Done on"), CELL_DATE);
	for (size_t i = 0; i < al->n; i++) {
		const struct ooo_action *x = &al->items[i];
		size_t row = table_row(t);
		table_text(t, row, 0, x->what);
		table_text(t, row, 1, x->owner_name);
		if (*x->due)
			table_date(t, row, 2, x->due);
		table_date(t, row, 3, x->meeting_on);
		if (*x->done_on)
			table_date(t, row, 4, x->done_on);
	}
	return t;
}

static void textarea(struct request *r, const char *name, const char *label, const char *value, const char *err,
		     int rows)
{
	html_printf(&r->out, "<div class=\"field%-s\"><label for=\"f-%s\">%s</label><textarea id=\"f-%s\" name=\"%s\" "
		    "rows=\"%d\"%-s>%s</textarea>", err ? " invalid" : "", name, label, name, name, rows,
		    err ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name) : "", value ? value : "");
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, err);
	html(&r->out, "</div>");
}

static void export_links_for(struct request *r, const char *table)
{
	html_printf(&r->out, "<p class=\"export-links muted\">%s <a href=\"?table=%s&amp;format=csv\" download>CSV</a> · "
		    "<a href=\"?table=%s&amp;format=xlsx\" download>%s</a></p>", T("Download:"), table, table, T("Excel"));
}

/* recognition of effort, improvement or progress from the one-on-one: the
 * manager's (access_recognise, the plans' rule), stored by the plans'
 * recognition_add with the one-on-one as its source */
static void render_recognise(struct request *r, const struct one_on_one *m, const struct agenda_form *f)
{
	struct person rep = { m->rep_id, r->me.org_id, m->rep_team_id };
	if (!access_recognise(&r->viewer, &rep))
		return;
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"recognition\"><h2>%s</h2><p class=\"muted\">%s</p>"
		    "<form method=\"post\" action=\"/one-on-ones/%lld/recognition\" class=\"form\">",
		    T("Recognise effort"), T("Effort, improvement and progress count, not only wins. The rep sees it on "
					     "their home page."), (long long)m->id);
	ui_csrf(r);
	const char **kl = arena_allocarray(r->a, recognition_kind_count, sizeof(char *));
	for (size_t i = 0; i < recognition_kind_count; i++)
		kl[i] = T(recognition_kind_label(recognition_kind_codes[i]));
	ui_select(r, "r_kind", T("What you recognise"), recognition_kind_codes, kl, recognition_kind_count,
		  f && f->r_kind ? f->r_kind : "effort", f ? f->e_r_kind : NULL);
	textarea(r, "r_note", T("What you saw"), f ? f->r_note : NULL, f ? f->e_r_note : NULL, 2);
	html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form></section>",
		    T("Recognise"));
}

static void render_agenda(struct request *r, const struct one_on_one *m, const struct facts *x,
			  const struct ooo_point_list *pl, const struct ooo_action_list *al, const struct agenda_form *f)
{
	struct strbuf *o = &r->out;
	struct person rep = { m->rep_id, r->me.org_id, m->rep_team_id };
	int manage = access_one_on_one_manage(&r->viewer, &rep);
	int priv = access_one_on_one_private(&r->viewer, &rep);
	int is_rep = r->me.user_id == m->rep_id;
	long long id = (long long)m->id;
	ui_page_begin(r, T("One-on-one"), "one-on-ones");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s · %s · "
		    "<span class=\"badge\">%s</span></p></div><a class=\"button\" href=\"/one-on-ones?rep=%lld\">%s</a></div>",
		    T("One-on-one"), arena_printf(r->a, T("%s and %s"), m->rep_name, m->manager_name),
		    ui_date_text(r, m->scheduled_on),
		    *m->held_on ? arena_printf(r->a, T("held on %s"), ui_date_text(r, m->held_on)) : T("not held yet"),
		    status_label(r, m->status), (long long)m->rep_id, T("All one-on-ones"));
	if (f && f->notice)
		ui_notice(r, "error", f->notice);

	if (manage && !strcmp(m->status, "planned")) {
		html_printf(o, "<section class=\"card\" id=\"held\"><form method=\"post\" action=\"/one-on-ones/%lld/held\" "
			    "class=\"form inline\">", id);
		ui_csrf(r);
		ui_input(r, "h_on", T("Held on"), "date", f && f->h_on ? f->h_on : ui_today(r), f ? f->e_h_on : NULL, " required");
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
			    "</form></section>", T("Mark as held"));
	}
	if (x)
		render_facts(r, m, x);

	/* the agenda, section by section */
	html_printf(o, "<section class=\"card\" id=\"agenda\"><h2>%s</h2>", T("Agenda"));
	for (int s = 0; s < OOO_NSECTIONS; s++) {
		html_printf(o, "<h3>%s</h3><p class=\"muted\">%s</p><ul class=\"ooo-points\">", T(section_labels[s]),
			    T(section_prompts[s]));
		size_t shown = 0;
		for (size_t i = 0; i < pl->n; i++)
			if (!strcmp(pl->items[i].section, ooo_sections[s])) {
				html_printf(o, "<li>%s <span class=\"muted\">— %s</span></li>", pl->items[i].text,
					    pl->items[i].author_name);
				shown++;
			}
		if (!shown)
			html_printf(o, "<li class=\"muted\">%s</li>", T("Nothing yet."));
		html(o, "</ul>");
	}
	if (pl->n)
		export_links_for(r, "agenda");
	html_printf(o, "<form method=\"post\" action=\"/one-on-ones/%lld/points\" class=\"form\">", id);
	ui_csrf(r);
	if (!is_rep) {
		const char *labels[OOO_NSECTIONS];
		for (int s = 0; s < OOO_NSECTIONS; s++)
			labels[s] = T(section_labels[s]);
		ui_select(r, "p_section", T("Section"), ooo_sections, labels, OOO_NSECTIONS, f && f->p_section ? f->p_section : "effort",
			  f ? f->e_p_section : NULL);
	}
	textarea(r, "p_text", is_rep ? T("Add your own point") : T("Add a point"), f ? f->p_text : NULL,
		 f ? f->e_p_text : NULL, 2);
	html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form></section>",
		    T("Add the point"));

	/* actions, carried forward until done */
	html_printf(o, "<section class=\"card\" id=\"actions\"><h2>%s</h2><p class=\"muted\">%s</p>", T("Actions"),
		    T("Open actions of earlier one-on-ones stay here until they are done."));
	if (!al->n) {
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("No actions yet."));
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
			    T("Action"), T("Owner"), T("Due"), T("Agreed at the one-on-one of"), T("Done on"));
		for (size_t i = 0; i < al->n; i++) {
			const struct ooo_action *a = &al->items[i];
			html_printf(o, "<tr><th scope=\"row\">%s</th><td data-label=\"%s\">%s</td><td data-label=\"%s\">",
				    a->what, T("Owner"), a->owner_name, T("Due"));
			if (*a->due)
				ui_date(r, a->due);
			html_printf(o, "</td><td data-label=\"%s\">", T("Agreed at the one-on-one of"));
			ui_date(r, a->meeting_on);
			html_printf(o, "</td><td data-label=\"%s\">", T("Done on"));
			if (*a->done_on) {
				ui_date(r, a->done_on);
			} else {
				html_printf(o, "<form method=\"post\" action=\"/one-on-ones/%lld/actions/%lld/done\">", id,
					    (long long)a->id);
				ui_csrf(r);
				html_printf(o, "<button class=\"button small\" type=\"submit\">%s</button></form>", T("Done"));
			}
			html(o, "</td></tr>");
		}
		html(o, "</tbody></table></div>");
		export_links_for(r, "actions");
	}
	html_printf(o, "<form method=\"post\" action=\"/one-on-ones/%lld/actions\" class=\"form\">", id);
	ui_csrf(r);
	ui_input(r, "a_what", T("New action"), "text", f ? f->a_what : NULL, f ? f->e_a_what : NULL, NULL);
	const char *owners[2] = { arena_printf(r->a, "%lld", (long long)m->rep_id),
				  arena_printf(r->a, "%lld", (long long)m->manager_id) };
	const char *owner_l[2] = { m->rep_name, m->manager_name };
	ui_select(r, "a_owner", T("Owner"), owners, owner_l, 2, f ? f->a_owner : NULL, f ? f->e_a_owner : NULL);
	ui_input(r, "a_due", T("Due (optional)"), "date", f ? f->a_due : NULL, f ? f->e_a_due : NULL, NULL);
	html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form></section>",
		    T("Add the action"));

	/* notes: shared (both see, the manager writes), private (the manager only) */
	html_printf(o, "<section class=\"card\" id=\"notes\"><h2>%s</h2>", T("Shared notes"));
	if (manage) {
		html_printf(o, "<form method=\"post\" action=\"/one-on-ones/%lld/notes\" class=\"form\">", id);
		ui_csrf(r);
		textarea(r, "n_shared", T("Shared notes (the rep sees these)"), f && f->n_shared ? f->n_shared : m->shared_notes,
			 f ? f->e_n_shared : NULL, 4);
		if (priv)
			textarea(r, "n_private", T("Private notes (only you see these)"),
				 f && f->n_private ? f->n_private : m->private_notes, f ? f->e_n_private : NULL, 4);
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>",
			    T("Save the notes"));
	} else if (*m->shared_notes) {
		html_printf(o, "<p class=\"ooo-notes\">%s</p>", m->shared_notes);
	} else {
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("No shared notes yet."));
	}
	html(o, "</section>");
	render_recognise(r, m, f);
	ui_page_end(r);
}

static int agenda_load(struct request *r, const struct one_on_one *m, struct facts **x, struct ooo_point_list *pl,
		       struct ooo_action_list *al)
{
	enum err e = ooo_points(r->db, r->a, r->me.org_id, m->id, pl);
	if (!e)
		e = ooo_actions_at(r->db, r->a, r->me.org_id, m->rep_id, m->id, m->scheduled_on, al);
	if (e)
		return resp_store_error(r, e), -1;
	if (x) {
		*x = arena_alloc(r->a, sizeof(**x));
		if (facts_load(r, m, *x))
			return -1;
	}
	return 0;
}

void page_one_on_one(struct request *r)
{
	struct one_on_one *m = ooo_load_or_reply(r, r->id, NEED_SEE);
	if (!m)
		return;
	struct ooo_point_list pl;
	struct ooo_action_list al;
	if (export_wanted(r)) {
		if (agenda_load(r, m, NULL, &pl, &al))
			return;
		const char *which = req_query(r, "table");
		export_send(r, which && !strcmp(which, "actions") ? actions_table(r, m, &al) : points_table(r, m, &pl));
		return;
	}
	struct facts *x;
	if (agenda_load(r, m, &x, &pl, &al))
		return;
	render_agenda(r, m, x, &pl, &al, NULL);
}

static void agenda_again(struct request *r, const struct one_on_one *m, struct agenda_form *f)
{
	struct ooo_point_list pl;
	struct ooo_action_list al;
	struct facts *x;
	if (agenda_load(r, m, &x, &pl, &al))
		return;
	r->status = 400;
	f->notice = T("Nothing was saved. Check the fields marked below.");
	render_agenda(r, m, x, &pl, &al, f);
}

/* a required free text: NULL when fine, else the message */
static const char *required_text(struct request *r, const char *s, size_t max)
{
	if (!s || !*s)
		return T("Write something here.");
	const char *msg = validate_notes(s, max);
	return msg ? T(msg) : NULL;
}

static const char *back(struct request *r, const struct one_on_one *m, const char *part)
{
	return arena_printf(r->a, "/one-on-ones/%lld#%s", (long long)m->id, part);
}

void page_one_on_one_points_post(struct request *r)
{
	struct one_on_one *m = ooo_load_or_reply(r, r->id, NEED_SEE);
	if (!m)
		return;
	struct agenda_form f = { 0 };
	struct person rep = { m->rep_id, r->me.org_id, m->rep_team_id };
	/* the rep's own points are the only section a rep adds to */
	f.p_section = r->me.user_id == m->rep_id ? "rep" : req_form(r, "p_section");
	f.p_text = req_form(r, "p_text");
	if (f.p_text)
		f.p_text = str_trim(arena_strdup(r->a, f.p_text));
	if (ooo_section_index(f.p_section) < 0 || !access_one_on_one_point(&r->viewer, &rep, f.p_section))
		f.e_p_section = T("Choose a section of the agenda.");
	f.e_p_text = required_text(r, f.p_text, OOO_TEXT_MAX);
	if (f.e_p_section || f.e_p_text) {
		agenda_again(r, m, &f);
		return;
	}
	enum err e = ooo_point_add(r->db, r->me.org_id, m->id, r->me.user_id, f.p_section, f.p_text, NULL);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back(r, m, "agenda"));
}

void page_one_on_one_actions_post(struct request *r)
{
	struct one_on_one *m = ooo_load_or_reply(r, r->id, NEED_SEE);
	if (!m)
		return;
	struct agenda_form f = { 0 };
	f.a_what = req_form(r, "a_what");
	if (f.a_what)
		f.a_what = str_trim(arena_strdup(r->a, f.a_what));
	f.a_due = req_form(r, "a_due");
	f.a_owner = req_form(r, "a_owner");
	f.e_a_what = required_text(r, f.a_what, OOO_TEXT_MAX);
	if (f.a_due && *f.a_due && !date_valid(f.a_due))
		f.e_a_due = T("Enter a date, such as 2026-12-07, or leave it empty.");
	int64_t owner = 0;
	if (!f.a_owner || parse_i64(f.a_owner, &owner) || (owner != m->rep_id && owner != m->manager_id))
		f.e_a_owner = T("Choose the rep or the manager.");
	if (f.e_a_what || f.e_a_due || f.e_a_owner) {
		agenda_again(r, m, &f);
		return;
	}
	enum err e = ooo_action_add(r->db, r->me.org_id, m->id, m->rep_id, owner, f.a_what, f.a_due, NULL);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back(r, m, "actions"));
}

void page_one_on_one_action_done_post(struct request *r)
{
	struct one_on_one *m = ooo_load_or_reply(r, r->id, NEED_SEE);
	if (!m)
		return;
	struct ooo_action x;
	enum err e = ooo_action_get(r->db, r->a, r->me.org_id, r->id2, &x);
	if (!e && x.rep_id != m->rep_id)
		e = E_NOTFOUND;	/* an action of another rep's one-on-ones */
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such action."));
		return;
	}
	if (!e)
		e = ooo_action_done(r->db, r->me.org_id, x.id, m->id, ui_today(r));
	if (e && e != E_CONFLICT) {	/* done already: what was asked holds */
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back(r, m, "actions"));
}

void page_one_on_one_notes_post(struct request *r)
{
	struct one_on_one *m = ooo_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m)
		return;
	struct agenda_form f = { 0 };
	f.n_shared = req_form(r, "n_shared");
	f.n_private = req_form(r, "n_private");
	const char *msg;
	if (f.n_shared && (msg = validate_notes(f.n_shared, OOO_NOTES_MAX)))
		f.e_n_shared = T(msg);
	if (f.n_private && (msg = validate_notes(f.n_private, OOO_NOTES_MAX)))
		f.e_n_private = T(msg);
	if (f.e_n_shared || f.e_n_private) {
		agenda_again(r, m, &f);
		return;
	}
	enum err e = ooo_notes_set(r->db, r->me.org_id, m->id, f.n_shared, f.n_private);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back(r, m, "notes"));
}

void page_one_on_one_held_post(struct request *r)
{
	struct one_on_one *m = ooo_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m)
		return;
	struct agenda_form f = { 0 };
	f.h_on = req_form(r, "h_on");
	if (!f.h_on || !date_valid(f.h_on))
		f.e_h_on = T("Enter a date, such as 2026-12-07.");
	else if (strcmp(f.h_on, ui_today(r)) > 0)
		f.e_h_on = T("A one-on-one cannot be held in the future.");
	if (f.e_h_on) {
		agenda_again(r, m, &f);
		return;
	}
	enum err e = ooo_mark_held(r->db, r->me.org_id, m->id, f.h_on);
	if (e == E_CONFLICT) {
		resp_error(r, E_CONFLICT, T("This one-on-one is not planned any more."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back(r, m, "facts"));
}

void page_one_on_one_recognition_post(struct request *r)
{
	struct one_on_one *m = ooo_load_or_reply(r, r->id, NEED_SEE);
	if (!m)
		return;
	struct person rep = { m->rep_id, r->me.org_id, m->rep_team_id };
	if (!access_recognise(&r->viewer, &rep)) {
		resp_error(r, E_FORBIDDEN, T("Only the rep's manager gives recognition."));
		return;
	}
	struct agenda_form f = { 0 };
	f.r_kind = req_form(r, "r_kind");
	f.r_note = req_form(r, "r_note");
	struct recognition_input in = { f.r_kind, f.r_note };
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	size_t nerr = recognition_input_check(&in, errs);
	for (size_t i = 0; i < nerr; i++) {
		if (!strcmp(errs[i].field, "kind"))
			f.e_r_kind = T(errs[i].message);
		else
			f.e_r_note = T(errs[i].message);
	}
	if (nerr) {
		agenda_again(r, m, &f);
		return;
	}
	enum err e = recognition_add(r->db, r->me.org_id, m->rep_id, r->me.user_id, in.kind, in.note ? in.note : "",
				     "one_on_one", m->id, NULL);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back(r, m, "recognition"));
}
