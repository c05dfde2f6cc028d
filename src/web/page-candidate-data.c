/*
 * page-candidate-data: candidates' data (issue 11) — what an admin does
 * with everything held about one candidate.
 *
 *   GET  /recruiting/candidates/:id/export.json   everything held about the
 *        candidate (store/candidate-data.h candidate_export) as a JSON file
 *   GET  /recruiting/candidates/:id/erase         the confirmation form
 *   POST /recruiting/candidates/:id/erase         erase the candidate and
 *        every row about them, in one transaction (confirm=yes needed; else
 *        the form again, 400, nothing erased); then the pool
 *
 * Rights: access_candidate_data (domain/access.c): admins only. A caller
 * who sees the candidate otherwise (a manager) gets 403; anyone else 404,
 * as if the candidate did not exist.
 */
#include "pages.h"
#include "ui.h"
#include "recruitui.h"
#include "../store/candidate-data.h"
#include <string.h>

int candidate_data_load(struct request *r, struct candidate *c)
{
	enum candidate_view view;
	enum err e = recruit_load(r, r->id, c, &view);
	if (e == E_NOTFOUND || (!e && view == CANDIDATE_NONE)) {
		resp_error(r, E_NOTFOUND, T("There is no such candidate."));
		return -1;
	}
	if (e) {
		resp_store_error(r, e);
		return -1;
	}
	if (!access_candidate_data(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("Only an admin exports or erases a candidate's data."));
		return -1;
	}
	return 0;
}

void page_candidate_export(struct request *r)
{
	struct candidate c;
	if (candidate_data_load(r, &c))
		return;
	json_t *j = NULL;
	enum err e = candidate_export(r->db, r->me.org_id, c.id, &j);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_header(r, "Content-Disposition",
		    arena_printf(r->a, "attachment; filename=\"candidate-%lld.json\"", (long long)c.id));
	resp_json(r, 200, j);
}

static void erase_form(struct request *r, const struct candidate *c, int missing)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Erase the candidate's data"), "recruiting");
	html_printf(o, "<div class=\"page-head rec-head\"><div><p class=\"eyebrow\"><a href=\"/recruiting/candidates/%lld\">%s</a>"
		    "</p><h1>%s</h1></div></div>", (long long)c->id, c->name, T("Erase the candidate's data"));
	html(o, "<section class=\"card rec-form\" id=\"erase\">");
	if (missing)
		ui_notice(r, "error", T("Nothing was erased. Tick the box to confirm."));
	html_printf(o, "<p>%s</p>",
		    T("Erasing deletes the candidate and everything held about them: conversations, steps, "
		      "invitations, interviews and scorecards. It cannot be undone; the audit log keeps only that "
		      "a candidate was erased, and by whom."));
	html_printf(o, "<p><a href=\"/recruiting/candidates/%lld/export.json\">%s</a></p>", (long long)c->id,
		    T("Download everything held about them first (JSON)"));
	html_printf(o, "<form method=\"post\" action=\"/recruiting/candidates/%lld/erase\" class=\"form\">", (long long)c->id);
	ui_csrf(r);
	html_printf(o, "<label class=\"check\"><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> %s</label>",
		    arena_printf(r->a, T("Yes, erase %s and every row about them."), c->name));
	html_printf(o, "<div class=\"actions\"><button class=\"button danger\" type=\"submit\">%s</button> "
		    "<a class=\"button\" href=\"/recruiting/candidates/%lld\">%s</a></div></form></section>",
		    T("Erase for good"), (long long)c->id, T("Cancel"));
	ui_page_end(r);
}

void page_candidate_erase_form(struct request *r)
{
	struct candidate c;
	if (candidate_data_load(r, &c))
		return;
	erase_form(r, &c, 0);
}

void page_candidate_erase_post(struct request *r)
{
	struct candidate c;
	if (candidate_data_load(r, &c))
		return;
	const char *confirm = req_form(r, "confirm");
	if (!confirm || strcmp(confirm, "yes")) {
		r->status = 400;
		erase_form(r, &c, 1);
		return;
	}
	enum err e = candidate_erase(r->db, r->me.org_id, c.id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, "/recruiting?ok=erased");
}
