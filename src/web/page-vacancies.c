/*
 * page-vacancies: recruiting, part 2 (issue 11) — vacancies with their own
 * pipeline of stages in the organisation's vocabulary.
 *
 *   GET  /recruiting/vacancies             the vacancies the caller runs (an
 *        admin: all; a manager: their teams' and those of no team), the form
 *        to open one and, for an admin, the list of stages to rename or add to
 *   POST /recruiting/vacancies             open a vacancy: a fault names its
 *        field, nothing stored, the form re-shown with the values
 *   POST /recruiting/stages                an admin adds a stage
 *   POST /recruiting/stages/:id            an admin renames a stage
 *   GET  /recruiting/vacancies/:id         the vacancy's board: a column per
 *        stage with its count and candidates, each movable to another stage;
 *        a candidate of the pool moved into it
 *   POST /recruiting/vacancies/:id             its status: open, filled, closed
 *   POST /recruiting/vacancies/:id/candidates   move a candidate (of the pool,
 *        or already in it) to a stage of this vacancy
 *
 * Rights: access_vacancy, access_recruit_stages_edit, access_candidate_work
 * (domain/access.c). To whoever may see nothing of recruiting every route is
 * a 404.
 */
#include "pages.h"
#include "ui.h"
#include "recruitui.h"
#include "../domain/recruit.h"
#include "../store/recruit.h"
#include "../store/teams.h"
#include "../lib/util.h"
#include <stdlib.h>
#include <string.h>

/* the teams the caller may open a vacancy for */
static enum err my_teams(struct request *r, struct team_list *out)
{
	struct team_list all;
	enum err e = team_list_org(r->db, r->a, r->me.org_id, &all);
	if (e)
		return e;
	out->items = arena_allocarray(r->a, all.n ? all.n : 1, sizeof(struct team));
	out->n = 0;
	for (size_t i = 0; i < all.n; i++)
		if (access_vacancy(&r->viewer, r->me.org_id, all.items[i].id))
			out->items[out->n++] = all.items[i];
	return E_OK;
}

enum err recruit_vacancy_check(struct request *r, const struct vacancy_input *in0, int64_t team_id,
			       struct rule_error *errs, size_t *nerr)
{
	struct vacancy_input in = *in0;
	in.team_ok = team_id == 0;
	if (team_id > 0) {
		struct team t;
		enum err e = team_get(r->db, r->a, r->me.org_id, team_id, &t);
		if (e && e != E_NOTFOUND)
			return e;
		in.team_ok = !e && access_vacancy(&r->viewer, r->me.org_id, team_id);
	}
	*nerr = vacancy_validate(&in, errs, RECRUIT_ERRORS_MAX);
	return E_OK;
}

struct vac_form {
	const char *title, *team, *territory, *opens_on, *target_on;
	struct rule_error errs[RECRUIT_ERRORS_MAX];
	size_t nerr;
	const char *e_stage;		/* the stages form's fault */
};

static const char *date_or_dash(struct request *r, const char *d)
{
	return d && *d ? ui_date_text(r, d) : "–";
}

static void render_list(struct request *r, struct vac_form *f)
{
	struct vac_form empty = { 0 };
	if (!f)
		f = &empty;
	struct vacancy *v;
	size_t n;
	struct team_list tl;
	struct recruit_stage *st;
	size_t nst;
	enum err e;
	if ((e = recruit_ensure_stages(r)) ||
	    (e = vacancy_list(r->db, r->a, r->me.org_id, r->viewer.role == ROLE_ADMIN, r->me.user_id, &v, &n)) ||
	    (e = my_teams(r, &tl)) || (e = recruit_stage_list(r->db, r->a, r->me.org_id, &st, &nst))) {
		resp_store_error(r, e);
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Vacancies"), "recruiting");
	html_printf(o, "<div class=\"page-head rec-head\"><div><p class=\"eyebrow\"><a href=\"/recruiting\">%s</a></p>"
		    "<h1>%s</h1></div></div>", T("The talent pool"), T("Vacancies"));
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "stage"))
		ui_notice(r, "ok", T("The stages are saved."));
	html(o, "<section class=\"card\" id=\"vacancies\">");
	if (!n) {
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("No vacancies yet."));
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table class=\"rec-pool rec-vacancies\"><thead><tr>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
			    T("Vacancy"), T("Team"), T("Territory"), T("Target date"), T("Status"), T("Candidates"));
		for (size_t i = 0; i < n; i++)
			html_printf(o, "<tr data-vacancy=\"%lld\"><td data-label=\"%s\"><a href=\"/recruiting/vacancies/%lld\">"
				    "%s</a></td><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td>"
				    "<td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">%lld</td></tr>",
				    (long long)v[i].id, T("Vacancy"), (long long)v[i].id, v[i].title, T("Team"),
				    *v[i].team_name ? v[i].team_name : "–", T("Territory"),
				    *v[i].territory ? v[i].territory : "–", T("Target date"), date_or_dash(r, v[i].target_on),
				    T("Status"), T(vacancy_status_label(v[i].status)), T("Candidates"),
				    (long long)v[i].candidates);
		html(o, "</tbody></table></div>");
	}
	html(o, "</section>");
	/* open a vacancy */
	html_printf(o, "<section class=\"card rec-form\" id=\"new-vacancy\"><h2>%s</h2>", T("Open a vacancy"));
	if (f->nerr)
		ui_notice(r, "error", T("Nothing was saved. Check the fields marked below."));
	html(o, "<form method=\"post\" action=\"/recruiting/vacancies#new-vacancy\" class=\"form\">");
	ui_csrf(r);
	ui_input(r, "title", T("Title"), "text", f->title, recruit_field_error(r, f->errs, f->nerr, "title"), NULL);
	const char **tv = arena_allocarray(r->a, tl.n + 1, sizeof(char *)), **tn = arena_allocarray(r->a, tl.n + 1, sizeof(char *));
	tv[0] = "";
	tn[0] = T("No team");
	for (size_t i = 0; i < tl.n; i++) {
		tv[i + 1] = arena_printf(r->a, "%lld", (long long)tl.items[i].id);
		tn[i + 1] = tl.items[i].name;
	}
	ui_select(r, "team_id", T("Team"), tv, tn, tl.n + 1, f->team, recruit_field_error(r, f->errs, f->nerr, "team_id"));
	ui_input(r, "territory", T("Territory"), "text", f->territory, recruit_field_error(r, f->errs, f->nerr, "territory"), NULL);
	ui_input(r, "opens_on", T("Opens on"), "date", f->opens_on, recruit_field_error(r, f->errs, f->nerr, "opens_on"), NULL);
	ui_input(r, "target_on", T("Target date"), "date", f->target_on, recruit_field_error(r, f->errs, f->nerr, "target_on"), NULL);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Open the vacancy"));
	/* the stages */
	html_printf(o, "<section class=\"card\" id=\"stages\"><h2>%s</h2><p class=\"muted\">%s</p>", T("Stages"),
		    T("Every vacancy has these stages, in this order, in your organisation's words."));
	if (f->e_stage)
		ui_notice(r, "error", f->e_stage);
	int edit = access_recruit_stages_edit(&r->viewer, r->me.org_id);
	html(o, "<ol class=\"rec-stages\">");
	for (size_t i = 0; i < nst; i++) {
		if (!edit) {
			html_printf(o, "<li data-stage=\"%lld\">%s</li>", (long long)st[i].id, st[i].name);
			continue;
		}
		html_printf(o, "<li data-stage=\"%lld\"><form method=\"post\" action=\"/recruiting/stages/%lld#stages\" "
			    "class=\"form inline\">", (long long)st[i].id, (long long)st[i].id);
		ui_csrf(r);
		html_printf(o, "<label class=\"sr-only\" for=\"stage-%lld\">%s</label><input id=\"stage-%lld\" name=\"name\" "
			    "value=\"%s\" maxlength=\"%d\"> <button class=\"button small\" type=\"submit\">%s</button></form></li>",
			    (long long)st[i].id, T("Name"), (long long)st[i].id, st[i].name, RECRUIT_STAGE_NAME_MAX,
			    T("Rename"));
	}
	html(o, "</ol>");
	if (edit) {
		html(o, "<form method=\"post\" action=\"/recruiting/stages#stages\" class=\"form\">");
		ui_csrf(r);
		ui_input(r, "name", T("A new stage"), "text", NULL, NULL, NULL);
		html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form>",
			    T("Add the stage"));
	}
	html(o, "</section>");
	ui_page_end(r);
}

void page_vacancies(struct request *r)
{
	if (!access_recruiting_pool(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	render_list(r, NULL);
}

void page_vacancies_post(struct request *r)
{
	if (!access_recruiting_pool(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	struct vac_form f = { 0 };
	f.title = req_form_trimmed(r, "title");
	f.team = req_form_trimmed(r, "team_id");
	f.territory = req_form_trimmed(r, "territory");
	f.opens_on = req_form_trimmed(r, "opens_on");
	f.target_on = req_form_trimmed(r, "target_on");
	struct vacancy_input in = { f.title, f.territory, f.opens_on, f.target_on, NULL, 0 };
	int64_t team = req_id_field(f.team);
	enum err e = recruit_vacancy_check(r, &in, team, f.errs, &f.nerr);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (f.nerr) {
		r->status = 400;
		render_list(r, &f);
		return;
	}
	struct vacancy_new vn = { f.title, team, f.territory, f.opens_on, f.target_on };
	int64_t id;
	if ((e = vacancy_add(r->db, r->me.org_id, &vn, &id))) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/recruiting/vacancies/%lld?ok=opened", (long long)id));
}

/* an admin's change to the stages: adds (id 0) or renames */
static void stage_save(struct request *r, int64_t id)
{
	if (!access_recruiting_pool(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	if (!access_recruit_stages_edit(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("The stages are changed by the organisation's admins."));
		return;
	}
	enum err e = E_OK;
	if (id) {
		/* the stage in the path first: another organisation's is not found */
		struct recruit_stage *st;
		size_t nst, found = 0;
		if ((e = recruit_stage_list(r->db, r->a, r->me.org_id, &st, &nst))) {
			resp_store_error(r, e);
			return;
		}
		for (size_t i = 0; i < nst; i++)
			found |= st[i].id == id;
		if (!found) {
			resp_error(r, E_NOTFOUND, T("There is no such stage."));
			return;
		}
	}
	const char *name = req_form_trimmed(r, "name");
	const char *m = recruit_stage_name_check(name);
	if (!m) {
		e = id ? recruit_stage_rename(r->db, r->me.org_id, id, name) : recruit_stage_add(r->db, r->me.org_id, name, NULL);
		if (e == E_NOTFOUND) {
			resp_error(r, E_NOTFOUND, T("There is no such stage."));
			return;
		}
		if (e == E_CONFLICT)
			m = N_("There is already a stage with this name.");
		else if (e) {
			resp_store_error(r, e);
			return;
		}
	}
	if (m) {
		struct vac_form f = { 0 };
		f.e_stage = T(m);
		r->status = 400;
		render_list(r, &f);
		return;
	}
	resp_redirect(r, "/recruiting/vacancies?ok=stage#stages");
}

void page_recruit_stage_add(struct request *r)
{
	stage_save(r, 0);
}

void page_recruit_stage_rename(struct request *r)
{
	stage_save(r, r->id);
}

/* ------------------------------------------------------------ a vacancy */

/* the vacancy the caller runs, or answers 404 */
static int load_vacancy(struct request *r, struct vacancy *v)
{
	enum err e = access_recruiting_pool(&r->viewer, r->me.org_id) ? vacancy_get(r->db, r->a, r->me.org_id, r->id, v)
								       : E_NOTFOUND;
	if (!e && !access_vacancy(&r->viewer, r->me.org_id, v->team_id))
		e = E_NOTFOUND;
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such vacancy."));
		return -1;
	}
	if (e) {
		resp_store_error(r, e);
		return -1;
	}
	return 0;
}

static void stage_select(struct request *r, const char *name, const struct recruit_stage *st, size_t nst,
			 int64_t chosen, const char *err)
{
	const char **sv = arena_allocarray(r->a, nst ? nst : 1, sizeof(char *)), **sl = arena_allocarray(r->a, nst ? nst : 1, sizeof(char *));
	for (size_t i = 0; i < nst; i++) {
		sv[i] = arena_printf(r->a, "%lld", (long long)st[i].id);
		sl[i] = st[i].name;
	}
	ui_select(r, name, T("Stage"), sv, sl, nst, chosen ? arena_printf(r->a, "%lld", (long long)chosen) : NULL, err);
}

static void render_vacancy(struct request *r, const struct vacancy *v, const char *e_cand, const char *e_stage,
			   const char *e_status)
{
	struct recruit_stage *st;
	size_t nst;
	struct candidate *in, *pool;
	size_t nin, npool;
	int64_t total;
	struct candidate_scope scope = { r->viewer.role == ROLE_ADMIN, 1, r->me.user_id };
	struct candidate_filter fin = { .vacancy_id = v->id }, fpool = { .vacancy_id = -1, .status = "active" };
	enum err e;
	if ((e = recruit_ensure_stages(r)) || (e = recruit_stage_list(r->db, r->a, r->me.org_id, &st, &nst)) ||
	    (e = candidate_list(r->db, r->a, r->me.org_id, &scope, &fin, CANDIDATE_LIST_MAX, 0, &in, &nin, &total)) ||
	    (e = candidate_list(r->db, r->a, r->me.org_id, &scope, &fpool, CANDIDATE_LIST_MAX, 0, &pool, &npool, &total))) {
		resp_store_error(r, e);
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, v->title, "recruiting");
	html_printf(o, "<div class=\"page-head rec-head\"><div><p class=\"eyebrow\"><a href=\"/recruiting/vacancies\">%s</a>"
		    "</p><h1>%s</h1></div></div>", T("Vacancies"), v->title);
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "edited"))
		ui_notice(r, "ok", T("The vacancy is saved."));
	html_printf(o, "<p class=\"page-actions\"><a class=\"button\" href=\"/recruiting/vacancies/%lld/edit\">%s</a> "
		    "<a class=\"button\" href=\"/recruiting/figures?vacancy=%lld\">%s</a></p>", (long long)v->id,
		    T("Edit the vacancy"), (long long)v->id, T("Recruiting figures"));
	if (ok && !strcmp(ok, "opened"))
		ui_notice(r, "ok", T("The vacancy is open."));
	else if (ok && !strcmp(ok, "moved"))
		ui_notice(r, "ok", T("The candidate is moved."));
	else if (ok && !strcmp(ok, "status"))
		ui_notice(r, "ok", T("The status is saved."));
	html_printf(o, "<section class=\"card\"><dl class=\"rec-facts\"><div><dt>%s</dt><dd>%s</dd></div>"
		    "<div><dt>%s</dt><dd>%s</dd></div><div><dt>%s</dt><dd>%s</dd></div><div><dt>%s</dt><dd>%s</dd></div>"
		    "<div><dt>%s</dt><dd>%s</dd></div><div><dt>%s</dt><dd>%lld</dd></div></dl></section>",
		    T("Team"), *v->team_name ? v->team_name : "–", T("Territory"), *v->territory ? v->territory : "–",
		    T("Opens on"), date_or_dash(r, v->opens_on), T("Target date"), date_or_dash(r, v->target_on),
		    T("Status"), T(vacancy_status_label(v->status)), T("Candidates"), (long long)nin);
	/* the status: open, filled, closed */
	html_printf(o, "<section class=\"card rec-form\" id=\"status\"><form method=\"post\" action=\"/recruiting/vacancies/%lld#status\" "
		    "class=\"form rec-move\">", (long long)v->id);
	ui_csrf(r);
	const char *vl[3];
	for (size_t i = 0; i < vacancy_status_count && i < 3; i++)
		vl[i] = T(vacancy_status_label(vacancy_status_codes[i]));
	ui_select(r, "status", T("Status"), vacancy_status_codes, vl, vacancy_status_count, v->status, e_status);
	html_printf(o, "<button class=\"button small\" type=\"submit\">%s</button></form></section>", T("Save the status"));
	/* the board: a column per stage */
	html_printf(o, "<section class=\"card\" id=\"board\"><h2>%s</h2><div class=\"rec-board\">", T("Pipeline"));
	for (size_t s = 0; s <= nst; s++) {
		int64_t sid = s < nst ? st[s].id : 0;
		size_t count = 0;
		for (size_t i = 0; i < nin; i++)
			count += in[i].stage_id == sid;
		if (s == nst && !count)
			break;	/* "no stage" only when someone is there */
		html_printf(o, "<div class=\"rec-col\" data-stage=\"%lld\"><h3>%s <span class=\"count\">%zu</span></h3><ul>",
			    (long long)sid, s < nst ? st[s].name : T("No stage"), count);
		for (size_t i = 0; i < nin; i++) {
			if (in[i].stage_id != sid)
				continue;
			html_printf(o, "<li data-candidate=\"%lld\"><a href=\"/recruiting/candidates/%lld\">%s</a>"
				    "<span class=\"muted\"> %s</span><form method=\"post\" action=\"/recruiting/vacancies/%lld/"
				    "candidates#board\" class=\"form rec-move\">", (long long)in[i].id, (long long)in[i].id,
				    in[i].name, in[i].job_title, (long long)v->id);
			ui_csrf(r);
			html_printf(o, "<input type=\"hidden\" name=\"candidate_id\" value=\"%lld\">", (long long)in[i].id);
			stage_select(r, arena_printf(r->a, "stage_id"), st, nst, sid, NULL);
			html_printf(o, "<button class=\"button small\" type=\"submit\">%s</button></form></li>", T("Move"));
		}
		html(o, "</ul></div>");
	}
	html(o, "</div></section>");
	/* from the pool */
	html_printf(o, "<section class=\"card rec-form\" id=\"add\"><h2>%s</h2>", T("Move a candidate from the pool"));
	if (e_cand || e_stage)
		ui_notice(r, "error", T("Nothing was saved. Check the fields marked below."));
	if (!npool) {
		if (e_cand || e_stage)
			ui_notice(r, "error", e_cand ? e_cand : e_stage);
		html_printf(o, "<p class=\"muted\">%s</p>", T("No active candidates in the pool."));
	} else {
		html_printf(o, "<form method=\"post\" action=\"/recruiting/vacancies/%lld/candidates#board\" class=\"form\">",
			    (long long)v->id);
		ui_csrf(r);
		const char **cv = arena_allocarray(r->a, npool + 1, sizeof(char *)), **cl = arena_allocarray(r->a, npool + 1, sizeof(char *));
		cv[0] = "";
		cl[0] = T("Choose…");
		for (size_t i = 0; i < npool; i++) {
			cv[i + 1] = arena_printf(r->a, "%lld", (long long)pool[i].id);
			cl[i + 1] = *pool[i].job_title ? arena_printf(r->a, "%s (%s)", pool[i].name, pool[i].job_title)
						       : pool[i].name;
		}
		ui_select(r, "candidate_id", T("Candidate"), cv, cl, npool + 1, NULL, e_cand);
		stage_select(r, "stage_id", st, nst, nst ? st[0].id : 0, e_stage);
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>",
			    T("Move into the vacancy"));
	}
	html(o, "</section>");
	ui_page_end(r);
}

void page_vacancy(struct request *r)
{
	struct vacancy v;
	if (load_vacancy(r, &v))
		return;
	render_vacancy(r, &v, NULL, NULL, NULL);
}

enum err recruit_move_check(struct request *r, const struct vacancy *v, int64_t cand_id, int64_t stage_id,
			    const char **e_cand, const char **e_stage)
{
	*e_cand = *e_stage = NULL;
	struct candidate c;
	enum candidate_view view = CANDIDATE_NONE;
	enum err e = cand_id > 0 ? recruit_load(r, cand_id, &c, &view) : E_NOTFOUND;
	if (e && e != E_NOTFOUND)
		return e;
	struct candidate_ref ref = { 0 };
	if (!e)
		ref = recruit_ref(&c);
	if (e || !access_candidate_work(&r->viewer, &ref) || (c.vacancy_id && c.vacancy_id != v->id))
		*e_cand = N_("Choose a candidate of the pool or of this vacancy.");
	struct recruit_stage *st;
	size_t nst;
	if ((e = recruit_stage_list(r->db, r->a, r->me.org_id, &st, &nst)))
		return e;
	int found = 0;
	for (size_t i = 0; i < nst; i++)
		found |= st[i].id == stage_id;
	if (!found)
		*e_stage = N_("Choose one of the stages.");
	return E_OK;
}

void page_vacancy_move_post(struct request *r)
{
	struct vacancy v;
	if (load_vacancy(r, &v))
		return;
	int64_t cand = req_id_field(req_form_trimmed(r, "candidate_id")), stage = req_id_field(req_form_trimmed(r, "stage_id"));
	const char *e_cand, *e_stage;
	enum err e = recruit_move_check(r, &v, cand, stage, &e_cand, &e_stage);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (e_cand || e_stage) {
		r->status = 400;
		render_vacancy(r, &v, e_cand ? T(e_cand) : NULL, e_stage ? T(e_stage) : NULL, NULL);
		return;
	}
	if ((e = candidate_move(r->db, r->me.org_id, cand, v.id, stage))) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/recruiting/vacancies/%lld?ok=moved#board", (long long)v.id));
}

void page_vacancy_post(struct request *r)
{
	struct vacancy v;
	if (load_vacancy(r, &v))
		return;
	struct vacancy_input in = { v.title, NULL, NULL, NULL, req_form_trimmed(r, "status"), 1 };
	struct rule_error errs[RECRUIT_ERRORS_MAX];
	if (!in.status || !*in.status || vacancy_validate(&in, errs, RECRUIT_ERRORS_MAX)) {
		r->status = 400;
		render_vacancy(r, &v, NULL, NULL, T("Choose the status: open, filled or closed."));
		return;
	}
	enum err e = vacancy_set_status(r->db, r->me.org_id, v.id, in.status);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/recruiting/vacancies/%lld?ok=status#status", (long long)v.id));
}

/* ------------------------------------------------------------ editing a vacancy */

struct vac_edit {
	const char *title, *team, *territory, *opens_on, *target_on, *status;
	struct rule_error errs[RECRUIT_ERRORS_MAX];
	size_t nerr;
};

static void edit_form(struct request *r, const struct vacancy *v, const struct vac_edit *f)
{
	struct team_list tl;
	enum err e = my_teams(r, &tl);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Edit the vacancy"), "recruiting");
	html_printf(o, "<div class=\"page-head rec-head\"><div><p class=\"eyebrow\"><a href=\"/recruiting/vacancies/%lld\">%s</a>"
		    "</p><h1>%s</h1></div></div>", (long long)v->id, v->title, T("Edit the vacancy"));
	html(o, "<section class=\"card rec-form\" id=\"edit-vacancy\">");
	if (f->nerr)
		ui_notice(r, "error", T("Nothing was saved. Check the fields marked below."));
	html_printf(o, "<form method=\"post\" action=\"/recruiting/vacancies/%lld/edit\" class=\"form\">", (long long)v->id);
	ui_csrf(r);
	ui_input(r, "title", T("Title"), "text", f->title, recruit_field_error(r, f->errs, f->nerr, "title"), "required");
	/* the vacancy's own team stays choosable by whoever runs it */
	int has_own = v->team_id == 0;
	for (size_t i = 0; i < tl.n; i++)
		has_own |= tl.items[i].id == v->team_id;
	size_t nt = tl.n + 1 + !has_own;
	const char **tv = arena_allocarray(r->a, nt, sizeof(char *)), **tn = arena_allocarray(r->a, nt, sizeof(char *));
	tv[0] = "";
	tn[0] = T("No team");
	size_t k = 1;
	if (!has_own) {
		tv[k] = arena_printf(r->a, "%lld", (long long)v->team_id);
		tn[k++] = v->team_name;
	}
	for (size_t i = 0; i < tl.n; i++, k++) {
		tv[k] = arena_printf(r->a, "%lld", (long long)tl.items[i].id);
		tn[k] = tl.items[i].name;
	}
	ui_select(r, "team_id", T("Team"), tv, tn, nt, f->team, recruit_field_error(r, f->errs, f->nerr, "team_id"));
	ui_input(r, "territory", T("Territory"), "text", f->territory, recruit_field_error(r, f->errs, f->nerr, "territory"), NULL);
	ui_input(r, "opens_on", T("Opens on"), "date", f->opens_on, recruit_field_error(r, f->errs, f->nerr, "opens_on"), NULL);
	ui_input(r, "target_on", T("Target date"), "date", f->target_on, recruit_field_error(r, f->errs, f->nerr, "target_on"), NULL);
	const char *sl[3];
	for (size_t i = 0; i < vacancy_status_count && i < 3; i++)
		sl[i] = T(vacancy_status_label(vacancy_status_codes[i]));
	ui_select(r, "status", T("Status"), vacancy_status_codes, sl, vacancy_status_count, f->status,
		  recruit_field_error(r, f->errs, f->nerr, "status"));
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button> "
		    "<a class=\"button\" href=\"/recruiting/vacancies/%lld\">%s</a></div></form></section>",
		    T("Save the vacancy"), (long long)v->id, T("Cancel"));
	ui_page_end(r);
}

void page_vacancy_edit(struct request *r)
{
	struct vacancy v;
	if (load_vacancy(r, &v))
		return;
	struct vac_edit f = { v.title, v.team_id ? arena_printf(r->a, "%lld", (long long)v.team_id) : "", v.territory,
			      v.opens_on, v.target_on, v.status, { { 0 } }, 0 };
	edit_form(r, &v, &f);
}

void page_vacancy_edit_post(struct request *r)
{
	struct vacancy v;
	if (load_vacancy(r, &v))
		return;
	struct vac_edit f = { 0 };
	f.title = req_form_trimmed(r, "title");
	f.team = req_form_trimmed(r, "team_id");
	f.territory = req_form_trimmed(r, "territory");
	f.opens_on = req_form_trimmed(r, "opens_on");
	f.target_on = req_form_trimmed(r, "target_on");
	f.status = req_form_trimmed(r, "status");
	int64_t team = f.team && *f.team ? req_id_field(f.team) : 0;
	struct vacancy_input in = { f.title, f.territory, f.opens_on, f.target_on, f.status, 0 };
	enum err e = recruit_vacancy_check(r, &in, team == v.team_id ? 0 : team, f.errs, &f.nerr);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (!f.nerr && (!f.status || !*f.status)) {
		f.errs[0] = (struct rule_error){ "status", N_("Choose the status: open, filled or closed.") };
		f.nerr = 1;
	}
	if (f.nerr) {
		r->status = 400;
		edit_form(r, &v, &f);
		return;
	}
	struct vacancy_new vn = { f.title, team, f.territory, f.opens_on, f.target_on };
	if ((e = vacancy_update(r->db, r->me.org_id, v.id, &vn, f.status))) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/recruiting/vacancies/%lld?ok=edited", (long long)v.id));
}
