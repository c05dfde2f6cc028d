/*
 * page-assessments: assessment rounds and forms (issue 8).
 *
 *   GET  /assessments                    the forms the viewer may see, and for
 *                                        managers and admins the rounds they
 *                                        opened or lead, and "open a round"
 *   POST /assessments/rounds             open a round for a team, or ad hoc
 *                                        for one rep
 *   GET  /assessments/rounds/:id         a round: per rep the state of the
 *                                        forms; invite peers; close it
 *   POST /assessments/rounds/:id/close   no more ratings
 *   POST /assessments/rounds/:id/peers   invite a peer to rate a rep
 *   GET  /assessments/:id                one form: one rater's ratings of one
 *                                        rep — editable for its rater while a
 *                                        draft in an open round, else read only
 *   POST /assessments/:id                save the draft, or submit it
 *   GET  /reps/:id/assessments           a rep's history per trait: the
 *                                        manager's score per round and the
 *                                        growth since the previous round
 *
 * Who sees what is domain/access.c (through web/load.c); the page never
 * decides it. Scores are 1-5 per trait, optionally per sub-skill; 1, 2 and 5
 * need evidence (domain/assessments.c). A refused form shows every problem
 * next to its trait and keeps everything typed.
 *
 * Field coaching as evidence: on the manager's form (and the rep's own self
 * form) each trait lists the rep's observations of it since the rep's
 * previous round, or the last 12 months (web/load.c obs_for_assessment,
 * access_assessment_observations; never on a peer's form). "Use as
 * evidence" (static/app.js) appends one to the evidence and names it in the
 * hidden field observation-<trait>; the server stores it with the trait's
 * score only after obs_evidence_check (same organisation, same rep, seen by
 * the rater, of that trait), else 400 naming the field. A score whose
 * evidence came from an observation is marked "observed" on the form and in
 * the history.
 */
#include "pages.h"
#include "ui.h"
#include "traitui.h"
#include "load.h"
#include "export.h"
#include "../store/traits.h"
#include "../store/assessments.h"
#include "../store/users.h"
#include "../store/teams.h"
#include "../domain/assessments.h"
#include "../domain/validate.h"
#include "../lib/table.h"
#include "../lib/util.h"
#include <string.h>

#define EVIDENCE_MAX 2000

static const char *kind_label(struct request *r, const char *kind)
{
	if (!strcmp(kind, "self"))
		/* TRANSLATORS: the kind of an assessment form: the rep rates themself */
		return T("Self");
	if (!strcmp(kind, "manager"))
		/* TRANSLATORS: the kind of an assessment form: rated by the rep's manager */
		return T("Manager");
	/* TRANSLATORS: the kind of an assessment form: rated by an invited colleague */
	return T("Peer");
}

static const char *status_label(struct request *r, const char *status)
{
	if (!strcmp(status, "submitted"))
		return T("submitted");
	if (!strcmp(status, "closed"))
		/* TRANSLATORS: an assessment round that takes no more ratings */
		return T("closed");
	if (!strcmp(status, "open"))
		/* TRANSLATORS: an assessment round that still takes ratings */
		return T("open");
	/* TRANSLATORS: an assessment form saved but not yet submitted */
	return T("draft");
}

static void done_notice(struct request *r)
{
	static const struct { const char *code, *text; } done[] = {
		{ "round-opened", N_("The round was opened.") },
		{ "round-closed", N_("The round was closed. It takes no more ratings.") },
		{ "peer-invited", N_("The peer was invited.") },
		{ "saved", N_("Your draft was saved.") },
		{ "submitted", N_("The assessment was submitted.") },
	};
	const char *code = req_query(r, "done");
	for (size_t i = 0; code && i < sizeof(done) / sizeof(done[0]); i++)
		if (!strcmp(code, done[i].code))
			ui_notice(r, "ok", T(done[i].text));
}

static char *form_text(struct request *r, const char *key)
{
	const char *v = req_form(r, key);
	return str_trim(arena_strdup(r->a, v ? v : ""));
}

/* ---------------------------------------------------------------- lists */

/* the forms of the list the viewer may see (access_assessment_see) */
static void visible_forms(struct request *r, const struct assessment_list *in, struct assessment_list *out)
{
	out->items = arena_allocarray(r->a, in->n ? in->n : 1, sizeof(*out->items));
	out->n = 0;
	for (size_t i = 0; i < in->n; i++) {
		struct assessment_form f = load_assessment_form(&in->items[i]);
		if (access_assessment_see(&r->viewer, &f))
			out->items[out->n++] = in->items[i];
	}
}

static struct table *forms_table(struct request *r, const struct assessment_list *l)
{
	struct table *t = table_new(r->a, "assessments", 6);
	table_col(t, 0, T("Round"), CELL_TEXT);
	table_col(t, 1, T("Rep"), CELL_TEXT);
	table_col(t, 2, T("Kind"), CELL_TEXT);
	table_col(t, 3, T("Rater"), CELL_TEXT);
	table_col(t, 4, T("Status"), CELL_TEXT);
	table_col(t, 5, T("Due"), CELL_DATE);
	for (size_t i = 0; i < l->n; i++) {
		const struct assessment *a = &l->items[i];
		size_t row = table_row(t);
		table_text(t, row, 0, a->round_name);
		table_text(t, row, 1, a->rep_name);
		table_text(t, row, 2, kind_label(r, a->rater_kind));
		table_text(t, row, 3, a->rater_name);
		table_text(t, row, 4, status_label(r, a->status));
		if (*a->due_on)
			table_date(t, row, 5, a->due_on);
	}
	return t;
}

static void forms_html(struct request *r, const struct assessment_list *l)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "</tr></thead><tbody>", T("Round"), T("Rep"), T("Kind"), T("Rater"), T("Status"), T("Due"));
	for (size_t i = 0; i < l->n; i++) {
		const struct assessment *a = &l->items[i];
		int todo = a->rater_id == r->me.user_id && !strcmp(a->status, "draft") && !strcmp(a->round_status, "open");
		html_printf(o, "<tr><td><a href=\"/assessments/%lld\">%s</a>", (long long)a->id, a->round_name);
		if (a->from_interviews)
			html_printf(o, " <span class=\"tag\" data-from-interviews>%s</span>", T("from interviews"));
		html_printf(o, "</td><td>%s</td><td>%s</td><td>%s</td>"
			    "<td><span class=\"badge%-s\">%s</span></td><td>", a->rep_name,
			    kind_label(r, a->rater_kind), a->rater_name,
			    !strcmp(a->status, "submitted") ? " ok" : todo ? " warn" : "",
			    todo ? T("to fill in") : status_label(r, a->status));
		if (*a->due_on)
			ui_date(r, a->due_on);
		html(o, "</td></tr>");
	}
	html(o, "</tbody></table></div>");
}

/* the rounds the viewer opened or leads (access_round_see) */
static enum err visible_rounds(struct request *r, struct assessment_round_list *out)
{
	struct assessment_round_list all;
	enum err e = round_list_for(r->db, r->a, r->me.org_id, r->me.user_id, &all);
	if (e)
		return e;
	out->items = arena_allocarray(r->a, all.n ? all.n : 1, sizeof(*out->items));
	out->n = 0;
	for (size_t i = 0; i < all.n; i++) {
		const struct assessment_round *a = &all.items[i];
		struct assessment_round_ref ref = { .org_id = a->org_id, .team_id = a->team_id, .opened_by = a->opened_by,
						    .rep = { a->rep_id, a->rep_id ? a->org_id : 0, a->rep_team_id } };
		if (access_round_see(&r->viewer, &ref))
			out->items[out->n++] = *a;
	}
	return E_OK;
}

static void rounds_html(struct request *r, const struct assessment_round_list *l)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th></tr></thead>"
		    "<tbody>", T("Round"), T("For"), T("Due"), T("Status"), T("Submitted"));
	for (size_t i = 0; i < l->n; i++) {
		const struct assessment_round *a = &l->items[i];
		html_printf(o, "<tr><td><a href=\"/assessments/rounds/%lld\">%s</a></td><td>%s</td><td>", (long long)a->id,
			    a->name, a->team_id ? arena_printf(r->a, T("Team %s"), a->team_name) : a->rep_name);
		if (*a->due_on)
			ui_date(r, a->due_on);
		html_printf(o, "</td><td>%s</td><td class=\"num\">%lld / %lld</td></tr>", status_label(r, a->status),
			    (long long)a->submitted, (long long)a->forms);
	}
	html(o, "</tbody></table></div>");
}

/* "open a round": values as typed and a message per field */
struct round_form {
	const char *name, *due, *team, *rep;
	const char *e_name, *e_due, *e_team, *e_rep;
	const char *notice;
};

static void round_form_html(struct request *r, const struct round_form *f)
{
	struct strbuf *o = &r->out;
	struct team_list teams;
	struct user_list users;
	if (team_list_org(r->db, r->a, r->me.org_id, &teams) || user_list_org(r->db, r->a, r->me.org_id, &users))
		return;
	html_printf(o, "<section class=\"card\" id=\"open-round\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("Open a round"),
		    T("A round for a team gives each of its reps a self-assessment and you a manager's form for each "
		      "of them. A round for one rep is an ad-hoc assessment."));
	if (f->notice)
		ui_notice(r, "error", f->notice);
	html(o, "<form method=\"post\" action=\"/assessments/rounds#open-round\" class=\"form\">");
	ui_csrf(r);
	ui_input(r, "name", T("Name"), "text", f->name, f->e_name,
		 arena_printf(r->a, " required maxlength=\"200\" placeholder=\"%s\"", "2026 H2"));
	ui_input(r, "due", T("Due date"), "date", f->due, f->e_due, " required");
	/* the teams and reps the viewer may open a round for */
	size_t nt = 0, nr = 0;
	const char **tv = arena_allocarray(r->a, teams.n + 1, sizeof(char *));
	const char **tl = arena_allocarray(r->a, teams.n + 1, sizeof(char *));
	tv[nt] = "";
	tl[nt++] = T("— none —");
	for (size_t i = 0; i < teams.n; i++)
		if (access_round_open(&r->viewer, r->me.org_id, teams.items[i].id)) {
			tv[nt] = arena_printf(r->a, "%lld", (long long)teams.items[i].id);
			tl[nt++] = teams.items[i].name;
		}
	const char **rv = arena_allocarray(r->a, users.n + 1, sizeof(char *));
	const char **rl = arena_allocarray(r->a, users.n + 1, sizeof(char *));
	rv[nr] = "";
	rl[nr++] = T("— none —");
	for (size_t i = 0; i < users.n; i++) {
		const struct user *u = &users.items[i];
		struct person p = { u->id, u->org_id, u->team_id };
		if (u->active && !strcmp(u->role, "rep") && access_round_open_rep(&r->viewer, &p)) {
			rv[nr] = arena_printf(r->a, "%lld", (long long)u->id);
			rl[nr++] = u->name;
		}
	}
	ui_select(r, "team", T("For a team"), tv, tl, nt, f->team, f->e_team);
	ui_select(r, "rep", T("Or for one rep (ad hoc)"), rv, rl, nr, f->rep, f->e_rep);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Open the round"));
}

static void render_list(struct request *r, const struct round_form *rf)
{
	struct assessment_list mine, forms;
	struct assessment_round_list rounds = { 0 };
	int leads = r->viewer.role == ROLE_MANAGER || r->viewer.role == ROLE_ADMIN;
	enum err e = assessment_list_involving(r->db, r->a, r->me.org_id, r->me.user_id, &mine);
	if (!e && leads)
		e = visible_rounds(r, &rounds);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	visible_forms(r, &mine, &forms);
	ui_page_begin(r, T("Assessments"), "assessments");
	struct strbuf *o = &r->out;
	done_notice(r);
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div>", T("Grow"),
		    T("Assessments"));
	if (leads)
		html_printf(o, "<a class=\"button\" href=\"#open-round\">%s</a>", T("Open a round"));
	html(o, "</div>");
	html_printf(o, "<section class=\"card explainer\"><p>%s</p>",
		    T("Each trait is scored from 1 to 5 against the anchors beside the buttons, so two managers mean the "
		      "same by a 4. A score of 1, 2 or 5 needs evidence. Your self-assessment stays hidden from your "
		      "manager until you submit it, and your manager's until they submit theirs."));
	if (r->viewer.role == ROLE_ADMIN)
		html_printf(o, "<p><a href=\"/admin/traits\">%s</a></p>", T("Edit the traits and their anchors"));
	else
		html_printf(o, "<p><a href=\"/traits\">%s</a></p>", T("The traits and what their scores mean"));
	html(o, "</section>");
	html_printf(o, "<section class=\"card\" id=\"forms\"><h2>%s</h2>", T("Your assessments"));
	if (forms.n) {
		forms_html(r, &forms);
		ui_export_links(r);
	} else {
		html_printf(o, "<p class=\"muted\">%s</p>", T("No assessments yet."));
	}
	html(o, "</section>");
	if (leads) {
		html_printf(o, "<section class=\"card\" id=\"rounds\"><h2>%s</h2>", T("Rounds"));
		if (rounds.n)
			rounds_html(r, &rounds);
		else
			html_printf(o, "<p class=\"muted\">%s</p>", T("No rounds yet."));
		html(o, "</section>");
		round_form_html(r, rf);
	}
	ui_page_end(r);
}

void page_assessments(struct request *r)
{
	if (export_wanted(r)) {
		struct assessment_list mine, forms;
		enum err e = assessment_list_involving(r->db, r->a, r->me.org_id, r->me.user_id, &mine);
		if (e) {
			resp_store_error(r, e);
			return;
		}
		visible_forms(r, &mine, &forms);
		export_send(r, forms_table(r, &forms));
		return;
	}
	struct round_form f = { .name = "", .due = "", .team = "", .rep = "" };
	render_list(r, &f);
}

static int64_t form_id(const char *v)
{
	int64_t id = 0;
	if (!v || !*v)
		return 0;
	return parse_i64(v, &id) || id <= 0 ? -1 : id;
}

void page_assessment_rounds_post(struct request *r)
{
	struct round_form f = {
		.name = form_text(r, "name"), .due = form_text(r, "due"), .team = form_text(r, "team"),
		.rep = form_text(r, "rep"),
	};
	const char *m;
	if ((m = validate_name(f.name)))
		f.e_name = T(m);
	if (!date_valid(f.due))
		f.e_due = T("Enter the due date as a date (YYYY-MM-DD).");
	int64_t team = form_id(f.team), rep = form_id(f.rep);
	int status = 400;
	if (team < 0)
		f.e_team = T("Choose a team from the list.");
	if (rep < 0)
		f.e_rep = T("Choose a rep from the list.");
	if (team >= 0 && rep >= 0 && !team == !rep)
		f.e_team = T("Choose either a team or one rep.");
	if (team > 0 && !f.e_team) {
		struct team t;
		enum err e = team_get(r->db, r->a, r->me.org_id, team, &t);
		if (e && e != E_NOTFOUND) {
			resp_store_error(r, e);
			return;
		}
		if (e)
			f.e_team = T("There is no such team.");
		else if (!access_round_open(&r->viewer, r->me.org_id, team)) {
			f.e_team = T("You may open a round only for a team you lead.");
			status = 403;
		}
	}
	if (rep > 0 && !f.e_team && !f.e_rep) {
		struct user u;
		enum err e = user_get(r->db, r->a, r->me.org_id, rep, &u);
		if (e && e != E_NOTFOUND) {
			resp_store_error(r, e);
			return;
		}
		struct person p = { u.id, u.org_id, u.team_id };
		if (e || strcmp(u.role, "rep") || !u.active)
			f.e_rep = T("There is no such rep.");
		else if (!access_round_open_rep(&r->viewer, &p)) {
			f.e_rep = T("You may open a round only for a rep of a team you lead.");
			status = 403;
		}
	}
	if (f.e_name || f.e_due || f.e_team || f.e_rep) {
		r->status = status;
		f.notice = T("The round was not opened. Check the fields marked below.");
		render_list(r, &f);
		return;
	}
	struct new_round nr = { .name = f.name, .opened_on = ui_today(r), .due_on = f.due, .team_id = team,
				.rep_id = rep, .opened_by = r->me.user_id };
	int64_t id = 0;
	enum err e = db_begin(r->db);
	if (!e) {
		e = round_create(r->db, r->me.org_id, &nr, &id);
		if (e)
			db_rollback(r->db);
		else
			e = db_commit(r->db);
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, arena_printf(r->a, "/assessments/rounds/%lld", (long long)id), "round-opened");
}

/* ---------------------------------------------------------------- a round */

struct peer_form {
	const char *rep, *peer;
	const char *e_rep, *e_peer;
	const char *notice;
};

/* the forms of a round the viewer may know of: a form's state when they
 * lead the rep's team (or see the form); an admin who does not lead it sees
 * the counts only */
static enum err round_forms(struct request *r, const struct assessment_round *rd, struct assessment_list *forms)
{
	struct assessment_list all;
	enum err e = assessment_list(r->db, r->a, r->me.org_id, rd->id, 0, 0, &all);
	if (e)
		return e;
	forms->items = arena_allocarray(r->a, all.n ? all.n : 1, sizeof(*forms->items));
	forms->n = 0;
	for (size_t i = 0; i < all.n; i++) {
		const struct assessment *a = &all.items[i];
		struct person rep = { a->rep_id, a->org_id, a->rep_team_id };
		struct assessment_form f = load_assessment_form(a);
		if (access_private(&r->viewer, &rep) || access_assessment_see(&r->viewer, &f))
			forms->items[forms->n++] = *a;
	}
	return E_OK;
}

static struct table *round_table(struct request *r, const struct assessment_round *rd, const struct assessment_list *l)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "assessment-round-%lld", (long long)rd->id), 4);
	table_col(t, 0, T("Rep"), CELL_TEXT);
	table_col(t, 1, T("Kind"), CELL_TEXT);
	table_col(t, 2, T("Rater"), CELL_TEXT);
	table_col(t, 3, T("Status"), CELL_TEXT);
	for (size_t i = 0; i < l->n; i++) {
		size_t row = table_row(t);
		table_text(t, row, 0, l->items[i].rep_name);
		table_text(t, row, 1, kind_label(r, l->items[i].rater_kind));
		table_text(t, row, 2, l->items[i].rater_name);
		table_text(t, row, 3, status_label(r, l->items[i].status));
	}
	return t;
}

static void render_round(struct request *r, const struct assessment_round *rd, const struct peer_form *pf)
{
	struct assessment_list forms;
	struct user_list users;
	enum err e = round_forms(r, rd, &forms);
	if (!e)
		e = user_list_org(r->db, r->a, r->me.org_id, &users);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	int open = !strcmp(rd->status, "open");
	ui_page_begin(r, rd->name, "assessments");
	struct strbuf *o = &r->out;
	done_notice(r);
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\"><a href=\"/assessments\">%s</a></p><h1>%s</h1>"
		    "<p class=\"muted\">%s · ", T("Assessments"), rd->name,
		    rd->team_id ? arena_printf(r->a, T("Team %s"), rd->team_name) : rd->rep_name);
	if (*rd->due_on) {
		html_printf(o, "%s ", T("due"));
		ui_date(r, rd->due_on);
		html(o, " · ");
	}
	html_printf(o, "<span class=\"badge%-s\">%s</span> · %s</p></div></div>", open ? " ok" : "",
		    status_label(r, rd->status),
		    arena_printf(r->a, T("%lld of %lld forms submitted"), (long long)rd->submitted, (long long)rd->forms));
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", T("Forms"));
	if (forms.n) {
		html_printf(o, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>", T("Rep"), T("Kind"),
			    T("Rater"), T("Status"));
		for (size_t i = 0; i < forms.n; i++) {
			const struct assessment *a = &forms.items[i];
			struct assessment_form f = load_assessment_form(a);
			html_printf(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>", a->rep_name, kind_label(r, a->rater_kind),
				    a->rater_name);
			if (access_assessment_see(&r->viewer, &f))
				html_printf(o, "<a href=\"/assessments/%lld\">%s</a>", (long long)a->id,
					    status_label(r, a->status));
			else
				html_txt(o, status_label(r, a->status));
			html(o, "</td></tr>");
		}
		html(o, "</tbody></table></div>");
		ui_export_links(r);
	} else {
		html_printf(o, "<p class=\"muted\">%s</p>", T("The scores of this round are for the managers who lead "
								"its reps; you see how many forms are submitted."));
	}
	html(o, "</section>");
	if (open && forms.n) {
		html_printf(o, "<section class=\"card\" id=\"peers\"><h2>%s</h2><p class=\"muted\">%s</p>",
			    T("Invite a peer"),
			    T("A colleague rates the rep on the same traits. A peer sees only their own form, never "
			      "the other scores."));
		if (pf->notice)
			ui_notice(r, "error", pf->notice);
		html_printf(o, "<form method=\"post\" action=\"/assessments/rounds/%lld/peers#peers\" class=\"form\">",
			    (long long)rd->id);
		ui_csrf(r);
		size_t nr = 0, np = 0;
		const char **rv = arena_allocarray(r->a, forms.n + 1, sizeof(char *));
		const char **rl = arena_allocarray(r->a, forms.n + 1, sizeof(char *));
		for (size_t i = 0; i < forms.n; i++)
			if (!strcmp(forms.items[i].rater_kind, "self")) {
				rv[nr] = arena_printf(r->a, "%lld", (long long)forms.items[i].rep_id);
				rl[nr++] = forms.items[i].rep_name;
			}
		const char **pv = arena_allocarray(r->a, users.n + 1, sizeof(char *));
		const char **pl = arena_allocarray(r->a, users.n + 1, sizeof(char *));
		for (size_t i = 0; i < users.n; i++)
			if (users.items[i].active) {
				pv[np] = arena_printf(r->a, "%lld", (long long)users.items[i].id);
				pl[np++] = users.items[i].name;
			}
		ui_select(r, "rep", T("Rep"), rv, rl, nr, pf->rep, pf->e_rep);
		ui_select(r, "peer", T("Peer"), pv, pl, np, pf->peer, pf->e_peer);
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
			    "</form></section>", T("Invite"));
	}
	if (open) {
		html_printf(o, "<section class=\"card\"><form method=\"post\" action=\"/assessments/rounds/%lld/close\" "
			    "data-confirm=\"%s\">", (long long)rd->id, T("Close the round? It takes no more ratings."));
		ui_csrf(r);
		html_printf(o, "<button class=\"button danger\" type=\"submit\">%s</button></form></section>",
			    T("Close the round"));
	}
	ui_page_end(r);
}

void page_assessment_round(struct request *r)
{
	struct assessment_round *rd = round_load_or_reply(r, r->id, NEED_SEE);
	if (!rd)
		return;
	if (export_wanted(r)) {
		struct assessment_list forms;
		enum err e = round_forms(r, rd, &forms);
		if (e) {
			resp_store_error(r, e);
			return;
		}
		export_send(r, round_table(r, rd, &forms));
		return;
	}
	struct peer_form pf = { .rep = "", .peer = "" };
	render_round(r, rd, &pf);
}

void page_assessment_round_close_post(struct request *r)
{
	struct assessment_round *rd = round_load_or_reply(r, r->id, NEED_CHANGE);
	if (!rd)
		return;
	enum err e = round_close(r->db, r->me.org_id, rd->id);
	if (e == E_CONFLICT) {
		resp_error(r, E_CONFLICT, T("This round is closed already."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, arena_printf(r->a, "/assessments/rounds/%lld", (long long)rd->id), "round-closed");
}

void page_assessment_round_peers_post(struct request *r)
{
	struct assessment_round *rd = round_load_or_reply(r, r->id, NEED_CHANGE);
	if (!rd)
		return;
	struct peer_form pf = { .rep = form_text(r, "rep"), .peer = form_text(r, "peer") };
	if (strcmp(rd->status, "open")) {
		pf.notice = T("This round is closed: no more ratings are taken.");
		r->status = 400;
		render_round(r, rd, &pf);
		return;
	}
	int64_t rep = form_id(pf.rep), peer = form_id(pf.peer);
	struct assessment_list of_rep;
	struct user ru, pu;
	enum err e = E_OK;
	if (rep <= 0) {
		pf.e_rep = T("Choose a rep from the list.");
	} else if ((e = assessment_list(r->db, r->a, r->me.org_id, rd->id, rep, rep, &of_rep))) {
		resp_store_error(r, e);
		return;
	} else if (!of_rep.n || (e = user_get(r->db, r->a, r->me.org_id, rep, &ru))) {
		if (e && e != E_NOTFOUND) {
			resp_store_error(r, e);
			return;
		}
		pf.e_rep = T("This rep is not assessed in this round.");
	}
	if (peer <= 0) {
		pf.e_peer = T("Choose a peer from the list.");
	} else if ((e = user_get(r->db, r->a, r->me.org_id, peer, &pu))) {
		if (e != E_NOTFOUND) {
			resp_store_error(r, e);
			return;
		}
		pf.e_peer = T("There is no such user in your organisation.");
	} else if (!pf.e_rep) {
		struct person rp = { ru.id, ru.org_id, ru.team_id }, pp = { pu.id, pu.org_id, pu.team_id };
		if (!access_peer_invite(&r->viewer, &rp, &pp, pu.active))
			pf.e_peer = pu.id == ru.id ? T("A rep is not their own peer: choose a colleague.")
						   : T("Choose an active colleague.");
	}
	if (pf.e_rep || pf.e_peer) {
		pf.notice = T("The peer was not invited. Check the fields marked below.");
		r->status = 400;
		render_round(r, rd, &pf);
		return;
	}
	int64_t id = 0;
	e = assessment_invite_peer(r->db, r->me.org_id, rd->id, rep, peer, r->me.user_id, &id);
	if (e == E_CONFLICT) {
		pf.e_peer = T("This colleague already rates this rep in this round.");
		pf.notice = T("The peer was not invited. Check the fields marked below.");
		r->status = 409;
		render_round(r, rd, &pf);
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, arena_printf(r->a, "/assessments/rounds/%lld", (long long)rd->id), "peer-invited");
}

/* ---------------------------------------------------------------- a form */

/* what the rater typed (or what is stored), per trait and sub-skill, and a
 * message per trait */
struct rate_form {
	const char **score, **evidence, **error;	/* by trait index */
	const char **obs;				/* by trait: the observation pulled in ("" none) */
	const char ***sscore, ***sevidence, ***serror;	/* by trait, then sub-skill index */
	const char *notice;
};

static void rate_form_alloc(struct request *r, const struct trait_list *l, struct rate_form *f)
{
	memset(f, 0, sizeof(*f));
	size_t n = l->n ? l->n : 1;
	f->score = arena_allocarray(r->a, n, sizeof(char *));
	f->evidence = arena_allocarray(r->a, n, sizeof(char *));
	f->error = arena_allocarray(r->a, n, sizeof(char *));
	f->obs = arena_allocarray(r->a, n, sizeof(char *));
	f->sscore = arena_allocarray(r->a, n, sizeof(char **));
	f->sevidence = arena_allocarray(r->a, n, sizeof(char **));
	f->serror = arena_allocarray(r->a, n, sizeof(char **));
	for (size_t i = 0; i < l->n; i++) {
		size_t m = l->items[i].nsubskills ? l->items[i].nsubskills : 1;
		f->score[i] = f->evidence[i] = f->obs[i] = "";
		f->sscore[i] = arena_allocarray(r->a, m, sizeof(char *));
		f->sevidence[i] = arena_allocarray(r->a, m, sizeof(char *));
		f->serror[i] = arena_allocarray(r->a, m, sizeof(char *));
		for (size_t j = 0; j < l->items[i].nsubskills; j++)
			f->sscore[i][j] = f->sevidence[i][j] = "";
	}
}

/* the stored scores into the form */
static void rate_form_fill(struct request *r, const struct trait_list *l, const struct assessment_score_list *s,
			   struct rate_form *f)
{
	for (size_t k = 0; k < s->n; k++)
		for (size_t i = 0; i < l->n; i++) {
			const struct trait *t = &l->items[i];
			if (t->id != s->items[k].trait_id)
				continue;
			const char *sc = arena_printf(r->a, "%d", s->items[k].score);
			if (!s->items[k].subskill_id) {
				f->score[i] = sc;
				f->evidence[i] = s->items[k].evidence;
				if (s->items[k].observation_id)
					f->obs[i] = arena_printf(r->a, "%lld", (long long)s->items[k].observation_id);
			}
			for (size_t j = 0; j < t->nsubskills; j++)
				if (t->subskills[j].id == s->items[k].subskill_id) {
					f->sscore[i][j] = sc;
					f->sevidence[i][j] = s->items[k].evidence;
				}
		}
}

/* the rep's observations that scored or described trait t, each with a
 * button (shown by app.js) that pulls it into the trait's evidence */
static void obs_evidence_html(struct request *r, const struct trait *t, const struct obs_list *obs)
{
	struct strbuf *o = &r->out;
	size_t shown = 0;
	for (size_t k = 0; obs && k < obs->n; k++) {
		const struct observation *ob = &obs->items[k];
		int score = 0, hit = 0;
		const char *text = "";
		for (size_t j = 0; j < ob->nscores; j++) {
			const struct obs_score *sc = &ob->scores[j];
			if (sc->trait_id != t->id)
				continue;
			hit = 1;
			if (!sc->subskill_id && sc->score)
				score = sc->score;
			if (!*sc->seen)
				continue;
			text = arena_printf(r->a, "%s%s%s%s%s", text, *text ? " " : "", sc->subskill_name,
					    *sc->subskill_name ? ": " : "", sc->seen);
		}
		if (!hit)
			continue;
		if (!shown++)
			html_printf(o, "<div class=\"obs-evidence\" id=\"obs-list-%lld\"><p><strong>%s</strong></p><ul>",
				    (long long)t->id, T("Observed in field coaching"));
		html_printf(o, "<li data-obs=\"%lld\"><span class=\"muted\">%s · %s · %s</span> %s "
			    "<button type=\"button\" class=\"button small\" hidden data-obs-use=\"%lld\" data-trait=\"%lld\" "
			    "data-date=\"%s\" data-score=\"%d\" data-text=\"%s\" data-label=\"%s\">%s</button></li>",
			    (long long)ob->id, ui_date_text(r, ob->observed_on), ob->observer_name,
			    score ? arena_printf(r->a, T("score %d"), score) : T("not scored"), text, (long long)ob->id,
			    (long long)t->id, ob->observed_on, score, text, T("observed"), T("Use as evidence"));
	}
	if (shown)
		html(o, "</ul></div>");
}

static void render_form(struct request *r, const struct assessment *a, const struct trait_list *l,
			const struct rate_form *f, int editable, const struct obs_list *obs)
{
	ui_page_begin(r, arena_printf(r->a, T("Assessment of %s"), a->rep_name), "assessments");
	struct strbuf *o = &r->out;
	done_notice(r);
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\"><a href=\"/assessments\">%s</a> · %s</p>"
		    "<h1>%s</h1><p class=\"muted\">%s · %s · <span class=\"badge%-s\">%s</span>", T("Assessments"),
		    a->round_name, arena_printf(r->a, T("Assessment of %s"), a->rep_name), kind_label(r, a->rater_kind),
		    arena_printf(r->a, T("rated by %s"), a->rater_name), !strcmp(a->status, "submitted") ? " ok" : "",
		    status_label(r, a->status));
	if (a->from_interviews)
		html_printf(o, " · <span class=\"tag\" data-from-interviews>%s</span>", T("from interviews"));
	if (*a->due_on) {
		html_printf(o, " · %s ", T("due"));
		ui_date(r, a->due_on);
	}
	html(o, "</p></div></div>");
	if (f->notice)
		ui_notice(r, "error", f->notice);
	if (!editable && !strcmp(a->round_status, "closed") && !strcmp(a->status, "draft") &&
	    a->rater_id == r->me.user_id)
		ui_notice(r, "info", T("This round is closed: no more ratings are taken."));
	if (editable)
		html_printf(o, "<form method=\"post\" action=\"/assessments/%lld\" class=\"form rate-form\" novalidate>",
			    (long long)a->id);
	if (editable)
		ui_csrf(r);
	for (size_t i = 0; i < l->n; i++) {
		const struct trait *t = &l->items[i];
		/* a retired trait appears only where it was scored */
		if (t->retired_at && !*f->score[i])
			continue;
		html_printf(o, "<fieldset class=\"trait-rate card%-s\" id=\"trait-%lld\"><legend id=\"tl-%lld\">%s</legend>",
			    f->error[i] ? " invalid" : "", (long long)t->id, (long long)t->id, t->name);
		/* TRANSLATORS: marks a score whose evidence was pulled from a field-coaching observation */
		if (*f->obs[i] && *f->score[i])
			html_printf(o, "<p><span class=\"badge observed\" id=\"observed-%lld\">%s</span></p>", (long long)t->id,
				    T("observed"));
		if (*t->definition)
			html_printf(o, "<p class=\"muted\">%s</p>", t->definition);
		trait_score_buttons(r, arena_printf(r->a, "score-%lld", (long long)t->id), f->score[i],
			      arena_printf(r->a, "tl-%lld", (long long)t->id), editable);
		trait_anchors(r, t);
		if (f->error[i])
			html_printf(o, "<p class=\"field-error\" id=\"e-trait-%lld\">%s</p>", (long long)t->id, f->error[i]);
		if (editable)
			html_printf(o, "<div class=\"field\"><label for=\"ev-%lld\">%s</label><textarea id=\"ev-%lld\" "
				    "name=\"evidence-%lld\" rows=\"3\" maxlength=\"2000\"%-s>%s</textarea></div>",
				    (long long)t->id, T("Evidence (needed for 1, 2 and 5)"), (long long)t->id, (long long)t->id,
				    f->error[i] ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-trait-%lld\"",
							       (long long)t->id) : "",
				    f->evidence[i]);
		if (editable) {
			html_printf(o, "<input type=\"hidden\" id=\"obs-%lld\" name=\"observation-%lld\" value=\"%s\">",
				    (long long)t->id, (long long)t->id, f->obs[i]);
			obs_evidence_html(r, t, obs);
		} else if (*f->evidence[i])
			html_printf(o, "<p class=\"evidence\"><strong>%s</strong> %s</p>", T("Evidence:"), f->evidence[i]);
		if (t->nsubskills) {
			int any_sub = 0, sub_error = 0;
			for (size_t j = 0; j < t->nsubskills; j++) {
				any_sub |= *f->sscore[i][j] != 0;
				sub_error |= f->serror[i][j] != NULL;
			}
			if (editable || any_sub) {
				html_printf(o, "<details class=\"subskills\"%-s><summary>%s</summary>",
					    any_sub || sub_error ? " open" : "", editable ? T("Sub-skills (optional)") : T("Sub-skills"));
				for (size_t j = 0; j < t->nsubskills; j++) {
					const struct subskill *s = &t->subskills[j];
					if (!editable && !*f->sscore[i][j])
						continue;
					if (s->retired_at && !*f->sscore[i][j])
						continue;
					html_printf(o, "<div class=\"subskill-rate\" id=\"sub-%lld\"><p id=\"sl-%lld\"><strong>%s</strong>"
						    "%-s%s</p>", (long long)s->id, (long long)s->id, s->name, *s->definition ? " — " : "",
						    s->definition);
					trait_score_buttons(r, arena_printf(r->a, "sub-%lld", (long long)s->id), f->sscore[i][j],
						      arena_printf(r->a, "sl-%lld", (long long)s->id), editable);
					if (f->serror[i][j])
						html_printf(o, "<p class=\"field-error\">%s</p>", f->serror[i][j]);
					if (editable)
						html_printf(o, "<div class=\"field\"><label for=\"sev-%lld\">%s</label><textarea "
							    "id=\"sev-%lld\" name=\"subevidence-%lld\" rows=\"2\" maxlength=\"2000\">%s"
							    "</textarea></div>", (long long)s->id, T("Evidence"), (long long)s->id,
							    (long long)s->id, f->sevidence[i][j]);
					else if (*f->sevidence[i][j])
						html_printf(o, "<p class=\"evidence\"><strong>%s</strong> %s</p>", T("Evidence:"),
							    f->sevidence[i][j]);
					html(o, "</div>");
				}
				html(o, "</details>");
			}
		}
		html(o, "</fieldset>");
	}
	if (editable)
		html_printf(o, "<div class=\"actions rate-actions\"><button class=\"button\" type=\"submit\" name=\"action\" "
			    "value=\"save\">%s</button><button class=\"button primary\" type=\"submit\" name=\"action\" "
			    "value=\"submit\">%s</button></div><p class=\"muted\">%s</p></form>", T("Save the draft"),
			    T("Submit"), T("Once submitted, the assessment no longer changes."));
	ui_page_end(r);
}

void page_assessment(struct request *r)
{
	struct assessment *a = assessment_load_or_reply(r, r->id, NEED_SEE);
	if (!a)
		return;
	struct trait_list l;
	struct assessment_score_list s;
	struct assessment_form af = load_assessment_form(a);
	int editable = access_assessment_rate(&r->viewer, &af);
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, editable ? TRAITS_ACTIVE : TRAITS_ALL, &l);
	if (!e)
		e = assessment_scores(r->db, r->a, r->me.org_id, a->id, &s);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct obs_list obs = { 0 };
	if (editable && (e = obs_for_assessment(r, a, &obs))) {
		resp_store_error(r, e);
		return;
	}
	struct rate_form f;
	rate_form_alloc(r, &l, &f);
	rate_form_fill(r, &l, &s, &f);
	render_form(r, a, &l, &f, editable, &obs);
}

/* a score field's value: 0 when empty, -1 when not 1..5 */
static int score_value(const char *v)
{
	int64_t n;
	if (!v || !*v)
		return 0;
	if (parse_i64(v, &n) || n < 1 || n > 5)
		return -1;
	return (int)n;
}

/* one score of the form checked: its message, or NULL */
static const char *score_error(struct request *r, const char *score, const char *evidence, int *value)
{
	*value = score_value(score);
	if (*value < 0)
		return T("A score is a whole number from 1 to 5.");
	if (!*value)
		return *evidence ? T("Choose a score for this evidence, or clear the evidence.") : NULL;
	if (validate_notes(evidence, EVIDENCE_MAX))
		return T("The evidence is at most 2000 characters long, without control characters.");
	if (assessment_score_check(*value, evidence) == SCORE_NEEDS_EVIDENCE)
		return arena_printf(r->a, T("A score of %d needs evidence: say what you saw that earns it."), *value);
	return NULL;
}

/* is key "PREFIX-ID" with an id that is not among ids? */
static int unknown_id(const char *key, const char *prefix, const struct trait_list *l, int sub)
{
	size_t pl = strlen(prefix);
	if (strncmp(key, prefix, pl))
		return 0;
	int64_t id;
	if (parse_i64(key + pl, &id))
		return 1;
	for (size_t i = 0; i < l->n; i++) {
		if (!sub && l->items[i].id == id)
			return 0;
		for (size_t j = 0; sub && j < l->items[i].nsubskills; j++)
			if (l->items[i].subskills[j].id == id)
				return 0;
	}
	return 1;
}

void page_assessment_post(struct request *r)
{
	struct assessment *a = assessment_load_or_reply(r, r->id, NEED_CHANGE);
	if (!a)
		return;
	struct trait_list l;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &l);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	/* a score of a trait (or sub-skill) that is not an active one of the
	 * organisation: refused whole, naming it */
	for (size_t k = 0; k < r->form.n; k++) {
		const char *key = r->form.items[k].key;
		if (unknown_id(key, "score-", &l, 0) || unknown_id(key, "sub-", &l, 1) ||
		    unknown_id(key, "observation-", &l, 0)) {
			resp_error(r, E_INVALID, arena_printf(r->a, T("%s: there is no such trait or sub-skill."), key));
			return;
		}
	}
	const char *action = req_form(r, "action");
	int submit = action && !strcmp(action, "submit");
	struct rate_form f;
	rate_form_alloc(r, &l, &f);
	size_t cap = 1;
	for (size_t i = 0; i < l.n; i++)
		cap += 1 + l.items[i].nsubskills;
	struct assessment_score *sc = arena_allocarray(r->a, cap, sizeof(*sc));
	size_t n = 0, bad = 0;
	for (size_t i = 0; i < l.n; i++) {
		const struct trait *t = &l.items[i];
		f.score[i] = form_text(r, arena_printf(r->a, "score-%lld", (long long)t->id));
		f.evidence[i] = form_text(r, arena_printf(r->a, "evidence-%lld", (long long)t->id));
		int v;
		f.error[i] = score_error(r, f.score[i], f.evidence[i], &v);
		if (!f.error[i] && !v && submit)
			f.error[i] = T("Choose a score from 1 to 5 before you submit.");
		/* the observation pulled in: checked, never trusted */
		const char *okey = arena_printf(r->a, "observation-%lld", (long long)t->id);
		f.obs[i] = form_text(r, okey);
		int64_t oid = 0;
		if (*f.obs[i]) {
			e = parse_i64(f.obs[i], &oid) || oid <= 0 ? E_FORBIDDEN : obs_evidence_check(r, a, oid, t->id);
			if (e && e != E_FORBIDDEN) {
				resp_store_error(r, e);
				return;
			}
			if (e) {
				f.error[i] = arena_printf(r->a, T("%s: this is not an observation of this rep and trait that "
								  "you may use as evidence."), okey);
				f.obs[i] = "";
			}
		}
		if (f.error[i])
			bad++;
		else if (v)
			sc[n++] = (struct assessment_score){ t->id, 0, v, f.evidence[i], oid };
		for (size_t j = 0; j < t->nsubskills; j++) {
			const struct subskill *s = &t->subskills[j];
			f.sscore[i][j] = form_text(r, arena_printf(r->a, "sub-%lld", (long long)s->id));
			f.sevidence[i][j] = form_text(r, arena_printf(r->a, "subevidence-%lld", (long long)s->id));
			f.serror[i][j] = score_error(r, f.sscore[i][j], f.sevidence[i][j], &v);
			if (f.serror[i][j]) {
				bad++;
				if (!f.error[i])
					f.error[i] = T("A sub-skill below needs attention.");
			} else if (v) {
				sc[n++] = (struct assessment_score){ t->id, s->id, v, f.sevidence[i][j], 0 };
			}
		}
	}
	if (bad) {
		r->status = 400;
		f.notice = submit ? T("The assessment was not submitted. Check the traits marked below.")
				  : T("The draft was not saved. Check the traits marked below.");
		struct obs_list obs = { 0 };
		if ((e = obs_for_assessment(r, a, &obs))) {
			resp_store_error(r, e);
			return;
		}
		render_form(r, a, &l, &f, 1, &obs);
		return;
	}
	e = db_begin(r->db);
	if (!e) {
		e = assessment_scores_save(r->db, r->me.org_id, a->id, sc, n);
		if (!e && submit)
			e = assessment_submit(r->db, r->me.org_id, a->id);
		if (e)
			db_rollback(r->db);
		else
			e = db_commit(r->db);
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, arena_printf(r->a, "/assessments/%lld", (long long)a->id), submit ? "submitted" : "saved");
}

/* ---------------------------------------------------------------- history */

/* the rep's history as a table: a row per trait and round, with the growth
 * since the previous round where both have a manager score */
static struct table *history_table(struct request *r, const struct user *u, const struct trait_list *l,
				   const struct trait_history *h)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "assessment-history-%lld", (long long)u->id), 5);
	table_col(t, 0, T("Trait"), CELL_TEXT);
	table_col(t, 1, T("Round"), CELL_TEXT);
	table_col(t, 2, T("Manager's score"), CELL_INT);
	table_col(t, 3, T("Growth since the previous round"), CELL_INT);
	/* TRANSLATORS: a column header; its cells say "observed" when the evidence came from field coaching */
	table_col(t, 4, T("Evidence from"), CELL_TEXT);
	for (size_t i = 0; i < l->n; i++) {
		const struct trait *tr_ = &l->items[i];
		int prev = 0;
		for (size_t k = 0; k < h->n; k++) {
			if (h->items[k].trait_id != tr_->id)
				continue;
			size_t row = table_row(t);
			table_text(t, row, 0, tr_->name);
			table_text(t, row, 1, h->items[k].round_name);
			table_int(t, row, 2, h->items[k].score);
			int g;
			if (assessment_growth(h->items[k].score, prev, &g))
				table_int(t, row, 3, g);
			if (h->items[k].observed)
				table_text(t, row, 4, T("observed"));
			prev = h->items[k].score;
		}
	}
	return t;
}

/* the manager's score per trait over the rounds, as a line per trait
 * (static/charts-assessments.js); the table below holds the same numbers */
static void growth_chart(struct request *r, const struct trait_list *l, const struct trait_history *h)
{
	int64_t *rounds = arena_allocarray(r->a, h->n + 1, sizeof(int64_t));
	size_t nr = 0;
	json_t *labels = json_array(), *sets = json_array();
	for (size_t k = 0; k < h->n; k++)
		if (!nr || rounds[nr - 1] != h->items[k].round_id) {
			rounds[nr++] = h->items[k].round_id;
			json_array_append_new(labels, json_string(h->items[k].round_name));
		}
	for (size_t i = 0; i < l->n; i++) {
		json_t *data = json_array();
		int any = 0;
		for (size_t j = 0; j < nr; j++) {
			json_t *v = json_null();
			for (size_t k = 0; k < h->n; k++)
				if (h->items[k].round_id == rounds[j] && h->items[k].trait_id == l->items[i].id) {
					json_decref(v);
					v = json_integer(h->items[k].score);
					any = 1;
				}
			json_array_append_new(data, v);
		}
		if (any)
			json_array_append_new(sets, json_pack("{s:s, s:o}", "label", l->items[i].name, "data", data));
		else
			json_decref(data);
	}
	html_printf(&r->out, "<div class=\"chart-box\"><canvas data-scores=\"chart-growth\" role=\"img\" aria-label=\"%s\">"
		    "</canvas></div>", T("The manager's score per trait over the rounds"));
	ui_json_script(r, "chart-growth", json_pack("{s:o, s:o, s:s}", "rounds", labels, "datasets", sets, "yTitle",
						    T("Manager's score")));
	html(&r->out, "<script src=\"/static/chart.umd.js\" defer></script>"
		      "<script src=\"/static/charts-assessments.js\" defer></script>");
}

void page_rep_assessments(struct request *r)
{
	struct user *u = user_load_or_reply(r, r->id, NEED_PRIVATE);
	if (!u)
		return;
	struct trait_list l;
	struct trait_history h;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ALL, &l);
	if (!e)
		e = assessment_history(r->db, r->a, r->me.org_id, u->id, &h);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct table *t = history_table(r, u, &l, &h);
	if (export_wanted(r)) {
		export_send(r, t);
		return;
	}
	ui_page_begin(r, arena_printf(r->a, T("Assessment history of %s"), u->name), "assessments");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\"><a href=\"/reps/%lld\">%s</a></p><h1>%s</h1>"
		    "</div></div>", (long long)u->id, u->name, T("Assessment history"));
	html_printf(o, "<section class=\"card\"><p class=\"muted\">%s</p>",
		    T("The manager's submitted score per trait and round, and the growth since the previous round "
		      "where both rounds have one."));
	if (t->nrows) {
		growth_chart(r, &l, &h);
		ui_table(r, t, NULL);
		ui_export_links(r);
	} else {
		html_printf(o, "<p class=\"muted\">%s</p>", T("No submitted manager assessments yet."));
	}
	html(o, "</section>");
	ui_page_end(r);
}

/* ---------------------------------------------------------------- elsewhere */

void assessments_home_due(struct request *r)
{
	struct assessment_list due;
	if (assessment_due(r->db, r->a, r->me.org_id, r->me.user_id, &due) || !due.n)
		return;	/* a failure here must not take the home page down; the list page says more */
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card due-assessments\" id=\"due-assessments\"><h2>%s</h2><ul class=\"due-list\">",
		    T("Assessments to fill in"));
	for (size_t i = 0; i < due.n; i++) {
		const struct assessment *a = &due.items[i];
		const char *what = !strcmp(a->rater_kind, "self")
			? arena_printf(r->a, T("Self-assessment due: %s"), a->round_name)
			: arena_printf(r->a, T("%s of %s: %s"), kind_label(r, a->rater_kind), a->rep_name, a->round_name);
		html_printf(o, "<li><a href=\"/assessments/%lld\">%s</a>", (long long)a->id, what);
		if (*a->due_on) {
			html_printf(o, " <span class=\"muted\">%s ", T("due"));
			ui_date(r, a->due_on);
			html(o, "</span>");
		}
		html(o, "</li>");
	}
	html(o, "</ul></section>");
}

void assessments_rep_section(struct request *r, int64_t rep_id)
{
	html_printf(&r->out, "<section class=\"card\" id=\"assessments\"><h2>%s</h2><p><a href=\"/reps/%lld/assessments\">"
		    "%s</a></p></section>", T("Assessments"), (long long)rep_id,
		    T("Scores per trait over the rounds, and the growth since the previous round"));
}
