/*
 * page-recruiting: recruiting, part 1 (issue 11) — the talent pool and step
 * or stop with candidates.
 *
 *   GET  /recruiting                          the pool (managers, admins): search,
 *        filter by tag, source and status, CSV and Excel; a rep invited to
 *        interview sees only their candidates here (no export)
 *   GET  /recruiting/candidates/new           the form to add a candidate
 *   POST /recruiting/candidates               add one: a fault names its field,
 *        nothing stored, the form re-shown with the values
 *   GET  /recruiting/candidates/:id           the profile, the conversation
 *        history with its steps and stops, the form to log a conversation,
 *        who is invited to interview; an invited interviewer sees only the
 *        name, the current role and the vacancy
 *   POST /recruiting/candidates/:id/conversations   log a conversation that
 *        ends in a step or a stop (the customers' rules, domain/recruit.h)
 *   POST /recruiting/candidates/:id/invitations     invite a colleague to
 *        interview the candidate
 *   GET  /recruiting/candidates/:id/edit      the form with the candidate's
 *        details (whoever works on them, as PATCH /api/v1/candidates/:id)
 *   POST /recruiting/candidates/:id/edit      saved by recruit_candidate_update,
 *        the PATCH's own: a fault names its field, a duplicate e-mail the
 *        merge prompt, nothing stored, the form re-shown with the values
 *
 * Rights: access_candidate, access_candidate_work, access_recruiting_pool,
 * access_recruiting_see (domain/access.c). To a caller who may see nothing
 * of recruiting every route is a 404, as if it did not exist.
 */
#include "pages.h"
#include "ui.h"
#include "export.h"
#include "recruitui.h"
#include "../domain/recruit.h"
#include "../domain/validate.h"
#include "../store/recruit.h"
#include "../store/candidate-data.h"
#include "../domain/recruit-retention.h"
#include "../store/users.h"
#include "../store/settings.h"
#include "../lib/table.h"
#include "../lib/util.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define POOL_PAGE 50

int recruiting_nav_shown(struct request *r)
{
	if (access_recruiting_pool(&r->viewer, r->me.org_id))
		return 1;
	return r->db && access_recruiting_see(&r->viewer, r->me.org_id,
					      candidate_invited_any(r->db, r->me.org_id, r->me.user_id));
}

enum err recruit_ensure_stages(struct request *r)
{
	return recruit_stages_ensure(r->db, r->me.org_id, lang_parse(r->me.org_locale));
}

struct candidate_ref recruit_ref(const struct candidate *c)
{
	return (struct candidate_ref){ c->org_id, c->vacancy_id, c->vacancy_team_id, c->invited };
}

void recruit_display_name(struct request *r, struct candidate *c)
{
	char stored[64];
	candidate_anonymised_name(c->id, stored, sizeof(stored));
	c->anonymised = !strcmp(c->name, stored);
	if (c->anonymised)
		c->name = arena_printf(r->a, T("Anonymised candidate #%lld"), (long long)c->id);
}

int recruit_refuse_anonymised(struct request *r, const struct candidate *c)
{
	struct candidate_ref ref = recruit_ref(c);
	if (access_candidate_edit(&r->viewer, &ref, c->anonymised))
		return 0;
	resp_error(r, E_CONFLICT, T("This candidate was anonymised: what was held about them is gone, and their "
				    "details can no longer be changed."));
	return 1;
}

enum err recruit_load(struct request *r, int64_t id, struct candidate *c, enum candidate_view *view)
{
	*view = CANDIDATE_NONE;
	enum err e = candidate_get(r->db, r->a, r->me.org_id, id, r->me.user_id, c);
	if (e)
		return e;
	recruit_display_name(r, c);
	struct candidate_ref ref = recruit_ref(c);
	*view = access_candidate(&r->viewer, &ref);
	return *view == CANDIDATE_NONE ? E_NOTFOUND : E_OK;
}

struct health_result recruit_health(struct request *r, const struct health_settings *cfg, const struct candidate *c)
{
	struct health_settings hs;
	if (cfg)
		hs = *cfg;
	else
		settings_health(r->db, r->me.org_id, &hs);
	struct candidate_signals s = {
		.stopped = !strcmp(c->status, "stopped"), .conversations = c->conversations,
		.has_open_step = c->step_id != 0, .next_due = c->step_due, .next_slips = c->step_slips,
		.missed_steps = c->missed_steps, .created = c->created_on,
	};
	return candidate_health(&s, &hs, ui_today(r));
}

const char *recruit_rule_text(struct request *r)
{
	struct health_settings hs;
	settings_health(r->db, r->me.org_id, &hs);
	return arena_printf(r->a, T("Strung along is the deals' rule: the open step slipped %d times or more, a step "
				    "was missed (or is open more than %d days after its date), or there is no next "
				    "step after a conversation. Conversations without progress and old commitments "
				    "do not count for candidates: a pool is kept warm over months. Stopped candidates "
				    "and those nobody has talked to yet are never strung along."),
			    hs.max_slips, hs.grace_days);
}

const char *recruit_field_error(struct request *r, const struct rule_error *errs, size_t n, const char *field)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(errs[i].field, field))
			return T(errs[i].message);
	return NULL;
}

static void textarea(struct request *r, const char *name, const char *label, const char *value, const char *err,
		     int max)
{
	html_printf(&r->out, "<div class=\"field%-s\"><label for=\"f-%s\">%s</label><textarea id=\"f-%s\" name=\"%s\" "
		    "rows=\"3\" maxlength=\"%d\"%-s>%s</textarea>", err ? " invalid" : "", name, label, name, name, max,
		    err ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name) : "",
		    value ? value : "");
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, err);
	html(&r->out, "</div>");
}

/* a <select> of the organisation's active users (value: id), "" first */
static void people_select(struct request *r, const char *name, const char *label, const struct user_list *ul,
			  const char *chosen, const char *err, const char *empty)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"field%-s\"><label for=\"f-%s\">%s</label><select id=\"f-%s\" name=\"%s\"%-s>"
		    "<option value=\"\">%s</option>", err ? " invalid" : "", name, label, name, name,
		    err ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name) : "", empty);
	for (size_t i = 0; i < ul->n; i++) {
		const struct user *u = &ul->items[i];
		if (!u->active)
			continue;
		const char *v = arena_printf(r->a, "%lld", (long long)u->id);
		html_printf(o, "<option value=\"%s\"%-s>%s</option>", v, chosen && !strcmp(chosen, v) ? " selected" : "",
			    u->team_name && *u->team_name ? arena_printf(r->a, "%s (%s)", u->name, u->team_name) : u->name);
	}
	html(o, "</select>");
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, err);
	html(o, "</div>");
}

static const char *source_text(struct request *r, const char *code)
{
	return T(recruit_source_label(code));
}

/* "Active", "Stopped" or "Strung along", as a tag */
static void status_tag(struct request *r, const struct health_settings *hs, const struct candidate *c)
{
	struct health_result h = recruit_health(r, hs, c);
	if (!strcmp(c->status, "stopped"))
		html_printf(&r->out, "<span class=\"tag\" data-status=\"stopped\">%s</span>", T("Stopped"));
	else if (h.strung_along)
		html_printf(&r->out, "<span class=\"tag flag-bad\" data-status=\"strung-along\">%s</span>",
			    T("Strung along"));
	else if (!c->conversations)
		html_printf(&r->out, "<span class=\"tag muted\" data-status=\"new\">%s</span>", T("Not contacted yet"));
	else
		html_printf(&r->out, "<span class=\"tag\" data-status=\"active\">%s</span>", T("Active"));
}

static const char *status_plain(struct request *r, const struct health_settings *hs, const struct candidate *c)
{
	if (!strcmp(c->status, "stopped"))
		return T("Stopped");
	if (recruit_health(r, hs, c).strung_along)
		return T("Strung along");
	return c->conversations ? T("Active") : T("Not contacted yet");
}

/* ------------------------------------------------------------ the pool */

static struct table *pool_table(struct request *r, const struct candidate *c, size_t n)
{
	struct health_settings hs;	/* once for the whole list */
	settings_health(r->db, r->me.org_id, &hs);
	struct table *t = table_new(r->a, "candidates", 12);
	table_col(t, 0, T("Name"), CELL_TEXT);
	table_col(t, 1, T("E-mail"), CELL_TEXT);
	table_col(t, 2, T("Phone"), CELL_TEXT);
	table_col(t, 3, T("Current role"), CELL_TEXT);
	table_col(t, 4, T("Company"), CELL_TEXT);
	table_col(t, 5, T("Source"), CELL_TEXT);
	table_col(t, 6, T("Tags"), CELL_TEXT);
	table_col(t, 7, T("Known by"), CELL_TEXT);
	table_col(t, 8, T("Status"), CELL_TEXT);
	table_col(t, 9, T("Next step"), CELL_TEXT);
	table_col(t, 10, T("Next step due"), CELL_DATE);
	table_col(t, 11, T("Kept until"), CELL_DATE);
	for (size_t i = 0; i < n; i++) {
		size_t row = table_row(t);
		table_text(t, row, 0, c[i].name);
		table_text(t, row, 1, c[i].email);
		table_text(t, row, 2, c[i].phone);
		table_text(t, row, 3, c[i].job_title);
		table_text(t, row, 4, c[i].company);
		table_text(t, row, 5, source_text(r, c[i].source));
		table_text(t, row, 6, c[i].tags);
		table_text(t, row, 7, c[i].known_by_name);
		table_text(t, row, 8, status_plain(r, &hs, &c[i]));
		table_text(t, row, 9, c[i].step_what);
		if (*c[i].step_due)
			table_date(t, row, 10, c[i].step_due);
		table_date(t, row, 11, c[i].retain_until);
	}
	return t;
}

static void filters_form(struct request *r, const struct candidate_filter *f, const struct recruit_stage *st,
			 size_t nst)
{
	struct strbuf *o = &r->out;
	html(o, "<form method=\"get\" action=\"/recruiting\" class=\"filters rec-filters\">");
	ui_input(r, "q", T("Search"), "search", f->q, NULL, NULL);
	ui_input(r, "tag", T("Tag"), "text", f->tag, NULL, NULL);
	const char *sv[8], *sl[8];
	sv[0] = "";
	sl[0] = T("Any source");
	for (size_t i = 0; i < recruit_source_count; i++) {
		sv[i + 1] = recruit_source_codes[i];
		sl[i + 1] = source_text(r, recruit_source_codes[i]);
	}
	ui_select(r, "source", T("Source"), sv, sl, recruit_source_count + 1, f->source, NULL);
	const char *stv[] = { "", "active", "stopped" };
	const char *stl[] = { T("Any status"), T("Active"), T("Stopped") };
	ui_select(r, "status", T("Status"), stv, stl, 3, f->status, NULL);
	const char **gv = arena_allocarray(r->a, nst + 1, sizeof(char *)), **gl = arena_allocarray(r->a, nst + 1, sizeof(char *));
	gv[0] = "";
	gl[0] = T("Any stage");
	for (size_t i = 0; i < nst; i++) {
		gv[i + 1] = arena_printf(r->a, "%lld", (long long)st[i].id);
		gl[i + 1] = st[i].name;
	}
	ui_select(r, "stage", T("Stage in a vacancy"), gv, gl, nst + 1,
		  f->stage_id ? arena_printf(r->a, "%lld", (long long)f->stage_id) : "", NULL);
	html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form>",
		    T("Filter"));
}

static void pool_rows(struct request *r, const struct candidate *c, size_t n, int whole)
{
	struct health_settings hs;	/* once for the whole list */
	settings_health(r->db, r->me.org_id, &hs);
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"table-wrap\"><table class=\"rec-pool\"><thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead><tbody>",
		    T("Name"), T("Current role"), T("Source"), T("Tags"), T("Status"), T("Next step"));
	for (size_t i = 0; i < n; i++) {
		const struct candidate *x = &c[i];
		const char *role = *x->company ? arena_printf(r->a, T("%s at %s"), x->job_title, x->company) : x->job_title;
		html_printf(o, "<tr data-candidate=\"%lld\"><td data-label=\"%s\"><a href=\"/recruiting/candidates/%lld\">%s</a>"
			    "</td><td data-label=\"%s\">%s</td>", (long long)x->id, T("Name"), (long long)x->id, x->name,
			    T("Current role"), role);
		if (whole) {
			html_printf(o, "<td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">",
				    T("Source"), source_text(r, x->source), T("Tags"), x->tags, T("Status"));
			status_tag(r, &hs, x);
			if (x->vacancy_id)
				html_printf(o, " <span class=\"tag\" data-stage=\"%lld\">%s · %s</span>", (long long)x->stage_id,
					    x->vacancy_title, *x->stage_name ? x->stage_name : "–");
			html_printf(o, "</td><td data-label=\"%s\">", T("Next step"));
			if (x->step_id)
				html_printf(o, "%s · %s", x->step_what, ui_date_text(r, x->step_due));
			else
				html(o, "–");
			html(o, "</td></tr>");
		} else {
			html_printf(o, "<td data-label=\"%s\">–</td><td data-label=\"%s\">–</td><td data-label=\"%s\">%s</td>"
				    "<td data-label=\"%s\">–</td></tr>", T("Source"), T("Tags"), T("Status"),
				    T("Invited to interview"), T("Next step"));
		}
	}
	html(o, "</tbody></table></div>");
}

void page_recruiting(struct request *r)
{
	int pool = access_recruiting_pool(&r->viewer, r->me.org_id);
	if (!recruiting_nav_shown(r)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	int exporting = export_wanted(r) != NULL;
	if (exporting && !pool) {
		resp_error(r, E_FORBIDDEN, T("The pool is downloaded by managers and admins."));
		return;
	}
	struct candidate_filter f = { req_query(r, "q"), req_query(r, "tag"), req_query(r, "source"),
				      req_query(r, "status"), 0, req_id_field(req_query(r, "stage")) };
	if (f.stage_id < 0)
		f.stage_id = 0;
	struct recruit_stage *stages = NULL;
	size_t nstages = 0;
	if (pool && !exporting) {
		enum err se = recruit_ensure_stages(r);
		if (se || (se = recruit_stage_list(r->db, r->a, r->me.org_id, &stages, &nstages))) {
			resp_store_error(r, se);
			return;
		}
	}
	if (f.source && *f.source && !recruit_source_valid(f.source))
		f.source = "";
	if (f.status && *f.status && strcmp(f.status, "active") && strcmp(f.status, "stopped"))
		f.status = "";
	struct candidate_scope s = { r->viewer.role == ROLE_ADMIN, pool, r->me.user_id };
	int offset = exporting ? 0 : pager_offset(r);
	struct candidate *c;
	size_t n;
	int64_t total;
	enum err e = candidate_list(r->db, r->a, r->me.org_id, &s, &f, exporting ? CANDIDATE_LIST_MAX : POOL_PAGE, offset,
				    &c, &n, &total);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	for (size_t i = 0; i < n; i++)
		recruit_display_name(r, &c[i]);
	if (exporting) {
		export_send(r, pool_table(r, c, n));
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Recruiting"), "recruiting");
	html_printf(o, "<div class=\"page-head rec-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div>", T("Team"),
		    pool ? T("The talent pool") : T("Candidates you interview"));
	if (pool)
		html_printf(o, "<div class=\"page-actions\"><a class=\"button primary\" href=\"/recruiting/candidates/new\">"
			    "%s</a> <a class=\"button\" href=\"/recruiting/import\">%s</a> <a class=\"button\" "
			    "href=\"/recruiting/figures\">%s</a></div>", T("Add a candidate"), T("Import candidates"),
			    T("Recruiting figures"));
	html(o, "</div>");
	const char *okq = req_query(r, "ok");
	if (okq && !strcmp(okq, "erased"))
		ui_notice(r, "ok", T("The candidate and everything held about them are erased."));
	if (pool) {
		html_printf(o, "<p class=\"muted\">%s</p>",
			    T("Always be looking for top sellers: keep in touch with good people before you need them. "
			      "Every contact ends in a step or a stop, as with customers."));
		filters_form(r, &f, stages, nstages);
	}
	html(o, "<section class=\"card\" id=\"pool\">");
	if (!n) {
		html_printf(o, "<p class=\"empty muted\">%s</p>",
			    pool ? T("No candidates match. Add the good people you meet.") : T("No candidates."));
	} else {
		pool_rows(r, c, n, pool);
		if (pool) {
			ui_export_links(r);
			ui_export_cut(r, total, CANDIDATE_LIST_MAX);
		}
	}
	ui_pager(r, offset, POOL_PAGE, n, total);
	if (pool)
		html_printf(o, "<p class=\"muted small\" id=\"strung-rule\">%s</p>", recruit_rule_text(r));
	html(o, "</section>");
	ui_page_end(r);
}

/* ------------------------------------------------------------ a new candidate */

struct cand_form {
	const char *name, *email, *phone, *source, *job_title, *company, *tags, *notes, *known_by, *consent_on,
		*retain_until;
	struct rule_error errs[RECRUIT_ERRORS_MAX];
	size_t nerr;
	int64_t dup_id;			/* a candidate with the same e-mail exists: the merge prompt */
	const char *dup_name;
};

/* the fields of the add and edit forms as typed, and as the rules take them */
static void cand_form_read(struct request *r, struct cand_form *f, struct candidate_input *in)
{
	f->name = req_form_trimmed(r, "name");
	f->email = req_form_trimmed(r, "email");
	f->phone = req_form_trimmed(r, "phone");
	f->source = req_form_trimmed(r, "source");
	f->job_title = req_form_trimmed(r, "job_title");
	f->company = req_form_trimmed(r, "company");
	f->tags = req_form_trimmed(r, "tags");
	f->notes = req_form_trimmed(r, "notes");
	f->known_by = req_form_trimmed(r, "known_by");
	f->consent_on = req_form_trimmed(r, "consent_on");
	f->retain_until = req_form_trimmed(r, "retain_until");
	*in = (struct candidate_input){ f->name, f->email, f->phone, f->source, f->job_title, f->company, f->tags,
					f->notes, 0, f->consent_on, f->retain_until };
}

/* the form of a new candidate (c NULL) or of one edited (c): the same
 * fields, what was typed (or what is stored) in them, each fault under its
 * field, and the merge prompt when the e-mail is another candidate's */
static void cand_form(struct request *r, const struct cand_form *f, const struct candidate *c)
{
	struct user_list ul;
	enum err e = user_list_org(r->db, r->a, r->me.org_id, &ul);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct strbuf *o = &r->out;
	const char *title = c ? T("Edit the candidate") : T("Add a candidate");
	ui_page_begin(r, title, "recruiting");
	if (c)
		html_printf(o, "<div class=\"page-head rec-head\"><div><p class=\"eyebrow\"><a href=\"/recruiting/candidates/%lld\">"
			    "%s</a></p><h1>%s</h1></div></div>", (long long)c->id, c->name, title);
	else
		html_printf(o, "<div class=\"page-head rec-head\"><div><p class=\"eyebrow\"><a href=\"/recruiting\">%s</a></p>"
			    "<h1>%s</h1></div></div>", T("The talent pool"), title);
	html(o, "<section class=\"card rec-form\">");
	if (f->nerr)
		ui_notice(r, "error", T("Nothing was saved. Check the fields marked below."));
	if (f->dup_id)
		html_printf(o, "<div class=\"notice notice-info\" role=\"status\" id=\"duplicate\">%s "
			    "<a href=\"/recruiting/candidates/%lld\">%s</a>. %s</div>",
			    c ? T("Another candidate has this e-mail:") : T("A candidate with this e-mail exists:"),
			    (long long)f->dup_id, f->dup_name, c ? T("Open it, or save anyway?") : T("Open it, or add anyway?"));
	if (c)
		html_printf(o, "<form method=\"post\" action=\"/recruiting/candidates/%lld/edit\" class=\"form\">",
			    (long long)c->id);
	else
		html(o, "<form method=\"post\" action=\"/recruiting/candidates\" class=\"form\">");
	ui_csrf(r);
	if (f->dup_id)
		html_printf(o, "<input type=\"hidden\" name=\"%s\" value=\"yes\">", c ? "save_anyway" : "add_anyway");
	ui_input(r, "name", T("Name"), "text", f->name, recruit_field_error(r, f->errs, f->nerr, "name"), "required");
	ui_input(r, "email", T("E-mail"), "email", f->email, recruit_field_error(r, f->errs, f->nerr, "email"), NULL);
	ui_input(r, "phone", T("Phone"), "tel", f->phone, recruit_field_error(r, f->errs, f->nerr, "phone"), NULL);
	const char *sl[8];
	for (size_t i = 0; i < recruit_source_count; i++)
		sl[i] = source_text(r, recruit_source_codes[i]);
	ui_select(r, "source", T("Source"), recruit_source_codes, sl, recruit_source_count,
		  f->source ? f->source : "referral", recruit_field_error(r, f->errs, f->nerr, "source"));
	ui_input(r, "job_title", T("Current role"), "text", f->job_title, recruit_field_error(r, f->errs, f->nerr, "job_title"), NULL);
	ui_input(r, "company", T("Company"), "text", f->company, recruit_field_error(r, f->errs, f->nerr, "company"), NULL);
	ui_input(r, "tags", T("Tags (separated by commas)"), "text", f->tags, recruit_field_error(r, f->errs, f->nerr, "tags"), NULL);
	people_select(r, "known_by", T("Who in the team knows them"), &ul, f->known_by,
		      recruit_field_error(r, f->errs, f->nerr, "known_by"), T("Nobody"));
	ui_input(r, "consent_on", T("Consent given on"), "date", f->consent_on, recruit_field_error(r, f->errs, f->nerr, "consent_on"),
		 NULL);
	ui_input(r, "retain_until", T("Keep the data until"), "date", f->retain_until,
		 recruit_field_error(r, f->errs, f->nerr, "retain_until"), NULL);
	if (c) {
		html_printf(o, "<p class=\"muted small\">%s</p>",
			    T("Empty: kept until the date it has now; every conversation moves it."));
	} else {
		char def[11];
		recruit_retain_default(ui_today(r), def);
		html_printf(o, "<p class=\"muted small\">%s</p>",
			    arena_printf(r->a, T("Empty: %d months after the last contact (now %s); every conversation moves it."),
					 RECRUIT_RETAIN_MONTHS, ui_date_text(r, def)));
	}
	textarea(r, "notes", T("Notes"), f->notes, recruit_field_error(r, f->errs, f->nerr, "notes"), CANDIDATE_NOTES_MAX);
	const char *submit = c ? (f->dup_id ? T("Save anyway") : T("Save the candidate"))
			       : (f->dup_id ? T("Add anyway") : T("Add the candidate"));
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button>", submit);
	if (c)
		html_printf(o, " <a class=\"button\" href=\"/recruiting/candidates/%lld\">%s</a>", (long long)c->id, T("Cancel"));
	html(o, "</div></form></section>");
	ui_page_end(r);
}

void page_candidate_new(struct request *r)
{
	if (!access_recruiting_pool(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	struct cand_form f = { 0 };
	cand_form(r, &f, NULL);
}

enum err recruit_candidate_check(struct request *r, const struct candidate_input *in0, int64_t known_by,
				 struct rule_error *errs, size_t *nerr)
{
	struct candidate_input in = *in0;
	in.known_by_ok = known_by == 0;
	if (known_by > 0) {
		struct user u;
		enum err e = user_get(r->db, r->a, r->me.org_id, known_by, &u);
		if (e && e != E_NOTFOUND)
			return e;
		in.known_by_ok = !e && u.active;
	}
	*nerr = candidate_validate(&in, ui_today(r), errs, RECRUIT_ERRORS_MAX);
	return E_OK;
}

enum err recruit_candidate_update(struct request *r, const struct candidate *c, const struct candidate_input *in0,
				  int64_t known_by, int anyway, struct rule_error *errs, size_t *nerr,
				  struct candidate_dup *dup)
{
	*dup = (struct candidate_dup){ 0 };
	struct candidate_input in = *in0;
	/* the retention date they have already is not refused for being past
	 * (nor is an empty one, which keeps it): only another date typed now is */
	const char *retain = in.retain_until && *in.retain_until ? in.retain_until : c->retain_until;
	if (!strcmp(retain, c->retain_until))
		in.retain_until = NULL;
	/* the colleague they are known by already is kept, even one who left */
	enum err e = recruit_candidate_check(r, &in, known_by == c->known_by ? 0 : known_by, errs, nerr);
	if (e || *nerr)
		return e;
	char *email = arena_strdup(r->a, in.email ? in.email : "");
	email_normalise(email);
	/* another candidate of the organisation with the e-mail it gets: the
	 * caller's merge prompt; an e-mail kept as it was is never asked about */
	if (!anyway && *email && strcasecmp(email, c->email)) {
		if ((e = candidate_by_email(r->db, r->a, r->me.org_id, email, dup)) || dup->id)
			return e;
	}
	struct candidate_new cn = { in.name, email, in.phone, in.source, in.job_title, in.company, in.tags, in.notes,
				    known_by, in.consent_on, retain, 0, NULL };
	return candidate_update(r->db, r->me.org_id, c->id, &cn);
}

void page_candidate_create(struct request *r)
{
	if (!access_recruiting_pool(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	struct cand_form f = { 0 };
	struct candidate_input in;
	cand_form_read(r, &f, &in);
	int64_t known = req_id_field(f.known_by);
	enum err e = recruit_candidate_check(r, &in, known, f.errs, &f.nerr);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (f.nerr) {
		r->status = 400;
		cand_form(r, &f, NULL);
		return;
	}
	char def[11];
	recruit_retain_default(ui_today(r), def);
	char *email = arena_strdup(r->a, f.email ? f.email : "");
	email_normalise(email);
	const char *anyway = req_form(r, "add_anyway");
	if (!anyway || strcmp(anyway, "yes")) {
		/* the same e-mail in the organisation: the merge prompt, what
		 * was typed kept */
		struct candidate_dup dup;
		if ((e = candidate_by_email(r->db, r->a, r->me.org_id, email, &dup))) {
			resp_store_error(r, e);
			return;
		}
		if (dup.id) {
			f.dup_id = dup.id;
			f.dup_name = dup.name;
			r->status = 409;
			cand_form(r, &f, NULL);
			return;
		}
	}
	struct candidate_new cn = { f.name, email, f.phone, f.source, f.job_title, f.company, f.tags, f.notes, known,
				    f.consent_on, f.retain_until && *f.retain_until ? f.retain_until : def,
				    r->me.user_id, ui_today(r) };
	int64_t id = 0;
	if ((e = candidate_add(r->db, r->me.org_id, &cn, &id))) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/recruiting/candidates/%lld?ok=added", (long long)id));
}

/* ------------------------------------------------------------ a candidate edited */

static int load_work(struct request *r, struct candidate *c);

/* GET /recruiting/candidates/:id/edit: whoever works on the candidate
 * (access_candidate_work, as PATCH /api/v1/candidates/:id); an invited
 * interviewer 403, anyone else 404 */
void page_candidate_edit(struct request *r)
{
	struct candidate c;
	if (load_work(r, &c) || recruit_refuse_anonymised(r, &c))
		return;
	struct cand_form f = { c.name, c.email, c.phone, c.source, c.job_title, c.company, c.tags, c.notes,
			       c.known_by ? arena_printf(r->a, "%lld", (long long)c.known_by) : "", c.consent_on,
			       c.retain_until, { { 0 } }, 0, 0, NULL };
	cand_form(r, &f, &c);
}

/* POST /recruiting/candidates/:id/edit: recruit_candidate_update, the
 * PATCH's rules and store; a fault 400 and a duplicate e-mail 409 re-show
 * the form with what was typed */
void page_candidate_edit_post(struct request *r)
{
	struct candidate c;
	if (load_work(r, &c) || recruit_refuse_anonymised(r, &c))
		return;
	struct cand_form f = { 0 };
	struct candidate_input in;
	cand_form_read(r, &f, &in);
	const char *anyway = req_form(r, "save_anyway");
	struct candidate_dup dup;
	enum err e = recruit_candidate_update(r, &c, &in, req_id_field(f.known_by), anyway && !strcmp(anyway, "yes"),
					      f.errs, &f.nerr, &dup);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (f.nerr || dup.id) {
		f.dup_id = dup.id;
		f.dup_name = dup.name;
		r->status = f.nerr ? 400 : 409;
		cand_form(r, &f, &c);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/recruiting/candidates/%lld?ok=edited", (long long)c.id));
}

/* ------------------------------------------------------------ a candidate */

struct conv_form {
	const char *kind, *date, *notes, *outcome, *step_what, *step_due, *step_who, *stop_reason, *stop_note,
		*open_step;
	struct rule_error errs[RECRUIT_ERRORS_MAX];
	size_t nerr;
};

static void conv_form_render(struct request *r, const struct candidate *c, const struct conv_form *f)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card rec-form\" id=\"log\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("Log a conversation"), T("Every contact ends in a step (what, by when, who) or a stop with its reason."));
	if (f->nerr)
		ui_notice(r, "error", T("Nothing was saved. Check the fields marked below."));
	html_printf(o, "<form method=\"post\" action=\"/recruiting/candidates/%lld/conversations#log\" class=\"form\">",
		    (long long)c->id);
	ui_csrf(r);
	const char *kl[4];
	for (size_t i = 0; i < recruit_conv_kind_count; i++)
		kl[i] = T(conv_kind_label(recruit_conv_kind_codes[i]));
	ui_select(r, "kind", T("Kind"), recruit_conv_kind_codes, kl, recruit_conv_kind_count, f->kind ? f->kind : "call",
		  recruit_field_error(r, f->errs, f->nerr, "kind"));
	ui_input(r, "date", T("Date"), "date", f->date ? f->date : ui_today(r), recruit_field_error(r, f->errs, f->nerr, "date"), NULL);
	if (c->step_id) {
		const char *av[] = { "kept", "slipped", "missed", "open" };
		const char *al[] = { T("Kept"), T("Slipped to the new step's date"), T("Missed"), T("Not due yet: replaced by the new step") };
		html_printf(o, "<p class=\"muted\">%s</p>",
			    arena_printf(r->a, T("The open step: %s, due %s."), c->step_what, ui_date_text(r, c->step_due)));
		ui_select(r, "open_step", T("Was the open step kept?"), av, al, 4, f->open_step,
			  recruit_field_error(r, f->errs, f->nerr, "open_step"));
	}
	const char *ov[] = { "step", "stop" };
	const char *ol[] = { T("Step"), T("Stop") };
	ui_select(r, "outcome", T("How it ended"), ov, ol, 2, f->outcome ? f->outcome : "step",
		  recruit_field_error(r, f->errs, f->nerr, "outcome"));
	html_printf(o, "<fieldset class=\"rec-step\"><legend>%s</legend>", T("Step"));
	ui_input(r, "step_what", T("What"), "text", f->step_what, recruit_field_error(r, f->errs, f->nerr, "step_what"), NULL);
	ui_input(r, "step_due", T("By when"), "date", f->step_due, recruit_field_error(r, f->errs, f->nerr, "step_due"), NULL);
	ui_input(r, "step_who", T("Who"), "text", f->step_who, recruit_field_error(r, f->errs, f->nerr, "step_who"), NULL);
	html_printf(o, "</fieldset><fieldset class=\"rec-stop\"><legend>%s</legend>", T("Stop"));
	const char *rv[8], *rl[8];
	rv[0] = "";
	rl[0] = T("Choose…");
	for (size_t i = 0; i < recruit_stop_count; i++) {
		rv[i + 1] = recruit_stop_codes[i];
		rl[i + 1] = T(recruit_stop_label(recruit_stop_codes[i]));
	}
	ui_select(r, "stop_reason", T("Reason"), rv, rl, recruit_stop_count + 1, f->stop_reason,
		  recruit_field_error(r, f->errs, f->nerr, "stop_reason"));
	ui_input(r, "stop_note", T("In their words"), "text", f->stop_note, recruit_field_error(r, f->errs, f->nerr, "stop_note"), NULL);
	html(o, "</fieldset>");
	textarea(r, "notes", T("Notes"), f->notes, recruit_field_error(r, f->errs, f->nerr, "notes"), CONV_NOTES_MAX);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Log the conversation"));
}

static const char *step_status_text(struct request *r, const char *s)
{
	if (!strcmp(s, "kept"))
		return T("kept");
	if (!strcmp(s, "missed"))
		return T("missed");
	if (!strcmp(s, "cancelled"))
		return T("replaced");
	return T("open");
}

static void history(struct request *r, const struct candidate_conv *x, size_t n)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"history\"><h2>%s</h2>", T("Conversations"));
	if (!n) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", T("No conversations yet."));
		return;
	}
	html(o, "<ul class=\"rec-history\">");
	for (size_t i = 0; i < n; i++) {
		html_printf(o, "<li data-conversation=\"%lld\"><p><strong>%s</strong> · %s · %s</p>", (long long)x[i].id,
			    ui_date_text(r, x[i].held_on), T(conv_kind_label(x[i].kind)), x[i].author_name);
		if (!strcmp(x[i].outcome, "stop")) {
			html_printf(o, "<p><span class=\"tag flag-bad\">%s</span> %s", T("Stop"),
				    T(recruit_stop_label(x[i].stop_reason)));
			if (*x[i].stop_note)
				html_printf(o, ": “%s”", x[i].stop_note);
			html(o, "</p>");
		} else if (x[i].step_id) {
			html_printf(o, "<p><span class=\"tag\">%s</span> %s · %s · %s (%s)", T("Step"), x[i].step_what,
				    x[i].step_who, ui_date_text(r, x[i].step_due), step_status_text(r, x[i].step_status));
			if (x[i].step_slips)
				html_printf(o, " <span class=\"tag flag-warn\">%s</span>",
					    arena_printf(r->a, trn(r->lang, "slipped %d time, first agreed for %s",
								   "slipped %d times, first agreed for %s", x[i].step_slips),
							 x[i].step_slips, ui_date_text(r, x[i].step_original_due)));
			html(o, "</p>");
		}
		if (*x[i].notes)
			html_printf(o, "<p class=\"rec-notes\">%s</p>", x[i].notes);
		html(o, "</li>");
	}
	html(o, "</ul></section>");
}

static void invitations(struct request *r, const struct candidate *c, const char *e_user)
{
	struct candidate_invitee *iv;
	size_t n;
	struct user_list ul;
	if (candidate_invitees(r->db, r->a, r->me.org_id, c->id, &iv, &n) ||
	    user_list_org(r->db, r->a, r->me.org_id, &ul))
		return;
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"invitations\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("Invited to interview"),
		    T("An invited colleague sees this candidate's name, current role and vacancy, and nothing else."));
	if (n) {
		html(o, "<ul>");
		for (size_t i = 0; i < n; i++)
			html_printf(o, "<li data-invitee=\"%lld\">%s <span class=\"muted\">%s</span></li>",
				    (long long)iv[i].user_id, iv[i].name,
				    arena_printf(r->a, T("invited by %s"), iv[i].invited_by_name));
		html(o, "</ul>");
	}
	html_printf(o, "<form method=\"post\" action=\"/recruiting/candidates/%lld/invitations#invitations\" class=\"form\">",
		    (long long)c->id);
	ui_csrf(r);
	people_select(r, "user_id", T("Colleague"), &ul, NULL, e_user, T("Choose…"));
	html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form></section>",
		    T("Invite"));
}

static void render_candidate(struct request *r, const struct candidate *c, enum candidate_view view,
			     const struct conv_form *cf, const char *e_invite)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, c->name, "recruiting");
	html_printf(o, "<div class=\"page-head rec-head\"><div><p class=\"eyebrow\"><a href=\"/recruiting\">%s</a></p><h1>%s</h1>"
		    "</div></div>", view == CANDIDATE_WHOLE ? T("The talent pool") : T("Candidates you interview"), c->name);
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "added"))
		ui_notice(r, "ok", T("The candidate is in the pool."));
	else if (ok && !strcmp(ok, "logged"))
		ui_notice(r, "ok", T("The conversation is logged."));
	else if (ok && !strcmp(ok, "invited"))
		ui_notice(r, "ok", T("The colleague is invited to interview."));
	else if (ok && !strcmp(ok, "edited"))
		ui_notice(r, "ok", T("The candidate is saved."));
	struct candidate_ref ref = recruit_ref(c);
	if (access_candidate_edit(&r->viewer, &ref, c->anonymised))
		html_printf(o, "<p class=\"page-actions\"><a class=\"button\" href=\"/recruiting/candidates/%lld/edit\" "
			    "data-edit>%s</a></p>", (long long)c->id, T("Edit"));
	hiring_candidate_links(r, c, view == CANDIDATE_WHOLE);
	html_printf(o, "<section class=\"card\" id=\"profile\"><dl class=\"rec-facts\"><div><dt>%s</dt><dd>%s</dd></div>",
		    T("Current role"), *c->job_title ? c->job_title : "–");
	html_printf(o, "<div><dt>%s</dt><dd>%s</dd></div><div><dt>%s</dt><dd>%s</dd></div>", T("Company"),
		    *c->company ? c->company : "–", T("Vacancy"), *c->vacancy_title ? (*c->stage_name ? arena_printf(r->a, "%s · %s", c->vacancy_title, c->stage_name)
							: c->vacancy_title)
				     : T("The pool (no vacancy)"));
	if (view != CANDIDATE_WHOLE) {
		html_printf(o, "</dl><p class=\"muted\">%s</p></section>",
			    T("You are invited to interview this candidate: you see what an interviewer needs."));
		scorecards_section(r, c, view);
		ui_page_end(r);
		return;
	}
	html_printf(o, "<div><dt>%s</dt><dd>%s</dd></div><div><dt>%s</dt><dd>%s</dd></div>"
		    "<div><dt>%s</dt><dd>%s</dd></div><div><dt>%s</dt><dd>%s</dd></div>"
		    "<div><dt>%s</dt><dd>%s</dd></div><div><dt>%s</dt><dd>%s</dd></div>"
		    "<div><dt>%s</dt><dd data-retain=\"%s\">%s</dd></div><div><dt>%s</dt><dd>",
		    T("E-mail"), *c->email ? c->email : "–", T("Phone"), *c->phone ? c->phone : "–", T("Source"),
		    source_text(r, c->source), T("Tags"), *c->tags ? c->tags : "–", T("Known by"),
		    *c->known_by_name ? c->known_by_name : "–", T("Consent given on"),
		    *c->consent_on ? ui_date_text(r, c->consent_on) : T("not given"), T("Kept until"), c->retain_until,
		    ui_date_text(r, c->retain_until), T("Status"));
	status_tag(r, NULL, c);
	html(o, "</dd></div></dl>");
	struct health_result h = recruit_health(r, NULL, c);
	if (h.strung_along)
		ui_health(r, &h, 1);
	if (c->step_id)
		html_printf(o, "<p id=\"next-step\"><strong>%s</strong> %s</p>", T("Next step:"),
			    arena_printf(r->a, T("%s, by %s, %s"), c->step_what, ui_date_text(r, c->step_due), c->step_who));
	if (*c->notes)
		html_printf(o, "<p class=\"rec-notes\">%s</p>", c->notes);
	html_printf(o, "<p class=\"muted small\">%s</p>", recruit_rule_text(r));
	if (access_candidate_data(&r->viewer, r->me.org_id))
		html_printf(o, "<p class=\"rec-data\" id=\"candidate-data\"><a href=\"/recruiting/candidates/%lld/export.json\">%s</a>"
			    " · <a href=\"/recruiting/candidates/%lld/erase\">%s</a></p>",
			    (long long)c->id, T("Export everything held (JSON)"), (long long)c->id, T("Erase on request"));
	html(o, "</section>");
	struct candidate_conv *x;
	size_t n;
	enum err e = candidate_conversations(r->db, r->a, r->me.org_id, c->id, &x, &n);
	if (e) {
		html_printf(o, "<p class=\"notice error\">%s</p>", T("The conversations could not be loaded."));
		n = 0;
	}
	struct conv_form empty = { 0 };
	conv_form_render(r, c, cf ? cf : &empty);
	history(r, x, n);
	invitations(r, c, e_invite);
	scorecards_section(r, c, view);
	ui_page_end(r);
}

void page_candidate(struct request *r)
{
	struct candidate c;
	enum candidate_view view;
	enum err e = recruit_load(r, r->id, &c, &view);
	if (e) {
		if (e == E_NOTFOUND)
			resp_error(r, E_NOTFOUND, T("There is no such candidate."));
		else
			resp_store_error(r, e);
		return;
	}
	if (scorecards_export(r, &c, view))
		return;
	render_candidate(r, &c, view, NULL, NULL);
}

/* loads the candidate the caller works on (access_candidate_work), or answers */
static int load_work(struct request *r, struct candidate *c)
{
	enum candidate_view view;
	enum err e = recruit_load(r, r->id, c, &view);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such candidate."));
		return -1;
	}
	if (e) {
		resp_store_error(r, e);
		return -1;
	}
	struct candidate_ref ref = recruit_ref(c);
	if (!access_candidate_work(&r->viewer, &ref)) {
		resp_error(r, E_FORBIDDEN, T("An interviewer sees the candidate; conversations are logged by whoever "
					     "manages recruiting."));
		return -1;
	}
	return 0;
}

enum err recruit_conv_log(struct request *r, const struct candidate *c, const struct candidate_conv_input *in,
			  struct rule_error *errs, size_t *nerr, int64_t *id)
{
	*nerr = candidate_conv_validate(in, ui_today(r), errs, RECRUIT_ERRORS_MAX);
	if (*nerr)
		return E_OK;
	struct health_settings hs;
	settings_health(r->db, r->me.org_id, &hs);
	int stop = !strcmp(in->outcome, "stop");
	char keep[11];
	recruit_retain_default(in->date, keep);
	const char *retain = strcmp(keep, c->retain_until) > 0 ? keep : c->retain_until;
	struct candidate_conv_new cn = {
		.candidate_id = c->id, .author_id = r->me.user_id, .kind = in->kind, .held_on = in->date,
		.notes = in->notes, .outcome = in->outcome, .step_what = stop ? NULL : in->step_what,
		.step_who = stop ? NULL : in->step_who, .step_due = stop ? NULL : in->step_due,
		.stop_reason = stop ? in->stop_reason : NULL, .stop_note = stop ? in->stop_note : NULL,
		.open_step_id = c->step_id,
		.open_status = c->step_id ? candidate_open_step_status(in, hs.grace_days) : STEP_S_OPEN,
		.open_slipped = c->step_id && step_answer_parse(in->open_answer) == STEP_ANSWER_SLIPPED,
		.retain_until = retain,
	};
	return candidate_conv_add(r->db, r->me.org_id, &cn, id);
}

void page_candidate_conv_post(struct request *r)
{
	struct candidate c;
	if (load_work(r, &c))
		return;
	struct conv_form f = { 0 };
	f.kind = req_form_trimmed(r, "kind");
	f.date = req_form_trimmed(r, "date");
	f.notes = req_form_trimmed(r, "notes");
	f.outcome = req_form_trimmed(r, "outcome");
	f.step_what = req_form_trimmed(r, "step_what");
	f.step_due = req_form_trimmed(r, "step_due");
	f.step_who = req_form_trimmed(r, "step_who");
	f.stop_reason = req_form_trimmed(r, "stop_reason");
	f.stop_note = req_form_trimmed(r, "stop_note");
	f.open_step = req_form_trimmed(r, "open_step");
	int stop = f.outcome && !strcmp(f.outcome, "stop");
	/* the form shows both fieldsets; only the chosen outcome's count */
	struct candidate_conv_input in = {
		f.kind, f.date, f.notes, f.outcome, stop ? NULL : f.step_what, stop ? NULL : f.step_due,
		stop ? NULL : f.step_who, stop ? f.stop_reason : NULL, stop ? f.stop_note : NULL,
		c.step_id != 0, c.step_due, f.open_step && *f.open_step ? f.open_step : "invalid",
	};
	int64_t id;
	enum err e = recruit_conv_log(r, &c, &in, f.errs, &f.nerr, &id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (f.nerr) {
		r->status = 400;
		render_candidate(r, &c, CANDIDATE_WHOLE, &f, NULL);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/recruiting/candidates/%lld?ok=logged#history", (long long)c.id));
}

/* the check of an invitation: an active user of the organisation */
enum err recruit_invitee_check(struct request *r, int64_t user_id, int *ok)
{
	*ok = 0;
	if (user_id <= 0)
		return E_OK;
	struct user u;
	enum err e = user_get(r->db, r->a, r->me.org_id, user_id, &u);
	if (e == E_NOTFOUND)
		return E_OK;
	if (e)
		return e;
	struct person p = { u.id, u.org_id, u.team_id };
	*ok = access_candidate_invitee(&r->viewer, &p, u.active);
	return E_OK;
}

void page_candidate_invite_post(struct request *r)
{
	struct candidate c;
	if (load_work(r, &c))
		return;
	int64_t uid = req_id_field(req_form_trimmed(r, "user_id"));
	int ok;
	enum err e = recruit_invitee_check(r, uid, &ok);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (!ok) {
		r->status = 400;
		render_candidate(r, &c, CANDIDATE_WHOLE, NULL, T("Choose an active colleague of your organisation."));
		return;
	}
	e = candidate_invite(r->db, r->me.org_id, c.id, uid, r->me.user_id);
	if (e && e != E_CONFLICT) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/recruiting/candidates/%lld?ok=invited#invitations", (long long)c.id));
}
