/*
 * page-admin-audit: the audit log, for admins (issue 16): GET /admin/audit
 * (filters, newest first, paged; ?format=csv|xlsx the filtered rows) and
 * POST /admin/audit/retention (how long rows are kept).
 *
 * Why it matters: before an organisation runs its sales people's targets,
 * deals and development on a server of its own, someone must be able to
 * answer "who changed this, and when, and from what". Each row says who,
 * what, which object, and the fields before and after; private text (a
 * one-on-one's notes, evidence, diagnosis notes) appears as "changed" and
 * never with its words, and a rep's pulse answers only as "answered". Rows
 * are never changed or deleted, except by the retention purge.
 */
#include "pages.h"
#include "ui.h"
#include "export.h"
#include "auditui.h"
#include "../store/audit.h"
#include "../store/users.h"
#include "../domain/audit.h"
#include "../lib/fmt.h"
#include "../lib/util.h"
#include <stdlib.h>
#include <string.h>

#define PAGE_SIZE 50

/* the retention form as typed, when it was refused */
struct retention_form {
	const char *days, *e_days;
};

static void filter_form(struct request *r, const struct user_list *people, const char *bad_field, const char *bad)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<form class=\"card form inline filters\" method=\"get\" action=\"/admin/audit\" role=\"search\" "
		    "aria-label=\"%s\">", T("Filter the audit log"));
	size_t n = people->n + 4;
	const char **values = arena_allocarray(r->a, n, sizeof(char *));
	const char **labels = arena_allocarray(r->a, n, sizeof(char *));
	size_t k = 0;
	values[k] = "";
	labels[k++] = T("Anyone");
	for (size_t i = 0; i < people->n; i++) {
		values[k] = arena_printf(r->a, "%lld", (long long)people->items[i].id);
		labels[k++] = people->items[i].name;
	}
	values[k] = "cli";
	labels[k++] = T("Command line");
	values[k] = "system";
	labels[k++] = T("System");
	values[k] = "demo";
	labels[k++] = T("Demo data");
	const char *who = req_query(r, "who");
	ui_select(r, "who", T("Who"), values, labels, k, who ? who : "",
		  bad_field && !strcmp(bad_field, "who") ? bad : NULL);

	const char *kv[AUDIT_KIND_COUNT + 1], *kl[AUDIT_KIND_COUNT + 1];
	kv[0] = "";
	kl[0] = T("Everything");
	for (int i = 0; i < AUDIT_KIND_COUNT; i++) {
		kv[i + 1] = audit_kind_name((enum audit_kind)i);
		kl[i + 1] = T(audit_kind_label((enum audit_kind)i));
	}
	const char *kind = req_query(r, "kind");
	ui_select(r, "kind", T("What"), kv, kl, AUDIT_KIND_COUNT + 1, kind ? kind : "",
		  bad_field && !strcmp(bad_field, "kind") ? bad : NULL);
	const char *object = req_query(r, "object"), *from = req_query(r, "from"), *to = req_query(r, "to");
	ui_input(r, "object", T("Object number"), "text", object ? object : "",
		 bad_field && !strcmp(bad_field, "object") ? bad : NULL, " inputmode=\"numeric\" size=\"8\"");
	ui_input(r, "from", T("From"), "date", from ? from : "", bad_field && !strcmp(bad_field, "from") ? bad : NULL,
		 NULL);
	ui_input(r, "to", T("To"), "date", to ? to : "", bad_field && !strcmp(bad_field, "to") ? bad : NULL, NULL);
	html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button>"
		    "<a class=\"button small\" href=\"/admin/audit\">%s</a></div></form>", T("Filter"), T("Clear"));
}

/* one row's changes, a line per field: old → new */
static void changes_cell(struct request *r, const struct audit_row *x)
{
	struct strbuf *o = &r->out;
	struct audit_line *l;
	size_t n;
	if (audit_lines(r->a, x->before_json, x->after_json, &l, &n) || !n)
		return;
	int created = !strcmp(x->before_json, "{}");
	html(o, "<ul class=\"audit-changes\">");
	for (size_t i = 0; i < n; i++) {
		const char *label = audit_field_label(l[i].field);
		html_printf(o, "<li><span class=\"audit-field\">%s</span> ", label ? T(label) : l[i].field);
		if (l[i].private) {
			html_printf(o, "<em>%s</em></li>", T("changed"));
			continue;
		}
		if (l[i].before || !created)
			html_printf(o, "<del>%s</del> → ", l[i].before ? (*l[i].before ? l[i].before : "“”") : T("(none)"));
		html_printf(o, "<ins>%s</ins></li>", l[i].after ? (*l[i].after ? l[i].after : "“”") : T("(none)"));
	}
	html(o, "</ul>");
}

static void retention_card(struct request *r, int64_t days, const struct retention_form *f)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"retention\"><h2>%s</h2><p>%s</p>", T("How long rows are kept"),
		    arena_printf(r->a, T("Rows older than this many days are deleted once a day, and by "
					 "'salesgarden audit purge'. Between %d and %d days; %d when not set. The "
					 "database refuses to delete a younger row."),
				 AUDIT_RETENTION_MIN, AUDIT_RETENTION_MAX, AUDIT_RETENTION_DEFAULT));
	if (f && f->e_days)
		ui_notice(r, "error", T("The retention was not saved. Check the field marked below."));
	html(o, "<form method=\"post\" action=\"/admin/audit/retention#retention\" class=\"form inline\">");
	ui_csrf(r);
	ui_input(r, "days", T("Days to keep"), "text", f ? f->days : arena_printf(r->a, "%lld", (long long)days),
		 f ? f->e_days : NULL, " inputmode=\"numeric\" size=\"6\" required");
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Save"));
}

static void render(struct request *r, const struct retention_form *rf)
{
	struct audit_filter f;
	const char *bad_field = NULL, *bad = NULL;
	int invalid = auditui_filter(r, &f, &bad_field, &bad) != 0;
	const char *fmt = export_wanted(r);
	if (invalid && fmt) {
		resp_error(r, E_INVALID, bad);
		return;
	}
	struct audit_row *rows = NULL;
	size_t n = 0;
	int more = 0;
	int64_t total = 0;
	int offset = pager_offset(r);
	if (!invalid) {
		enum err e = fmt ? audit_list(r->db, r->a, r->me.org_id, &f, AUDIT_EXPORT_MAX, 0, &rows, &n, &more)
				 : audit_list(r->db, r->a, r->me.org_id, &f, PAGE_SIZE, offset, &rows, &n, &more);
		if (!e && !fmt)
			e = audit_count(r->db, r->me.org_id, &f, &total);
		if (e) {
			resp_store_error(r, e);
			return;
		}
	}
	if (fmt) {
		export_send(r, auditui_table(r, rows, n));
		return;
	}
	struct user_list people;
	if (user_list_org(r->db, r->a, r->me.org_id, &people)) {
		resp_store_error(r, E_OK);
		return;
	}
	if (invalid)
		r->status = 400;
	ui_page_begin(r, T("Audit log"), "admin-audit");
	struct strbuf *o = &r->out;
	const char *done = req_query(r, "done");
	if (done && !strcmp(done, "retention-saved"))
		ui_notice(r, "ok", T("The retention was saved."));
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div></div>", T("Admin"),
		    T("Audit log"));
	html_printf(o, "<section class=\"card explainer\"><h2>%s</h2><p>%s</p></section>", T("Who changed what, and when"),
		    T("Every change to people, teams, targets, deals, settings, stages, reasons, imports, assessments, "
		      "development and improvement plans and one-on-ones is written here in the same step as the "
		      "change, with the values before and after. Private notes and evidence show as “changed”, never "
		      "their words; a rep's pulse answers only as “answered”. Nobody can change or delete a row."));
	if (invalid)
		ui_notice(r, "error", T("The filter was not applied. Check the field marked below."));
	filter_form(r, &people, bad_field, bad);

	html_printf(o, "<section class=\"card\"><h2>%s</h2>", T("Changes, newest first"));
	if (!n) {
		html_printf(o, "<p class=\"empty\">%s</p></section>", T("No change matches these filters."));
	} else {
		html(o, "<p>");
		html_printf(o, "%s", arena_printf(r->a, T("Matching changes: %lld."), (long long)total));
		html(o, "</p>");
		ui_export_links(r);
		ui_export_cut(r, total, AUDIT_EXPORT_MAX);
		html_printf(o, "<div class=\"table-wrap\"><table class=\"audit\"><thead><tr><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th></tr></thead><tbody>",
			    T("When"), T("Who"), T("What"), T("Change made"), T("Before → after"));
		for (size_t i = 0; i < n; i++) {
			const struct audit_row *x = &rows[i];
			html(o, "<tr><td>");
			fmt_datetime(o, r->lang, x->at);
			html_printf(o, "</td><td>%s</td><td>%s", auditui_who(r, x), auditui_kind(r, x->kind));
			if (x->object_id)
				html_printf(o, " <a href=\"/admin/audit?kind=%s&amp;object=%lld\">#%lld</a>", x->kind,
					    (long long)x->object_id, (long long)x->object_id);
			html_printf(o, "</td><td>%s</td><td>", auditui_action(r, x->action));
			changes_cell(r, x);
			html(o, "</td></tr>");
		}
		html(o, "</tbody></table></div>");
		ui_pager(r, offset, PAGE_SIZE, n, total);
		html(o, "</section>");
	}
	retention_card(r, audit_retention_days(r->db, r->me.org_id), rf);
	ui_page_end(r);
}

void page_admin_audit(struct request *r)
{
	if (!access_audit_see(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("You do not have access to this page."));
		return;
	}
	render(r, NULL);
}

void page_admin_audit_retention_post(struct request *r)
{
	if (!access_audit_retention_set(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("You do not have access to this page."));
		return;
	}
	const char *v = req_form_trimmed(r, "days");
	struct retention_form f = { v ? v : "", NULL };
	char *end;
	long long days = strtoll(f.days, &end, 10);
	if (!*f.days || *end || days < AUDIT_RETENTION_MIN || days > AUDIT_RETENTION_MAX) {
		f.e_days = arena_printf(r->a, T("Days to keep: a whole number from %d to %d."), AUDIT_RETENTION_MIN,
					AUDIT_RETENTION_MAX);
		r->status = 400;
		render(r, &f);
		return;
	}
	enum err e = audit_set_retention(r->db, r->me.org_id, days);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, "/admin/audit?done=retention-saved#retention");
}
