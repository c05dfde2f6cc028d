/*
 * page-admin-reasons: the organisation's one list of reasons, for admins
 * (GET /admin/reasons; POST /admin/reasons, /admin/reasons/:id,
 * /admin/reasons/:id/move).
 *
 * Why it matters: "we lose on price" can only be weighed (the excuse check)
 * and coached when every rep means the same by "price", whether they end a
 * conversation with a STOP or close a deal as lost. So there is one list,
 * kept here like the stages: add a reason, rename it, move it up or down,
 * retire it. A retired reason is no longer offered, but the conversations and
 * deals that named it still do (history stays readable), and it can be
 * offered again.
 */
#include "pages.h"
#include "ui.h"
#include "load.h"
#include "reasonui.h"
#include "../store/reasons.h"
#include "../domain/reasons.h"
#include "../lib/util.h"
#include <string.h>

/* a failed form: which reason (0: the "add" form), what was typed, why */
struct reason_form {
	int64_t id;
	const char *label, *e_label, *notice;
};

static void label_field(struct request *r, const char *form, const char *value, const char *error)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"field%-s\"><label for=\"f-%s-label\">%s</label>"
		    "<input id=\"f-%s-label\" name=\"label\" type=\"text\" value=\"%s\" required maxlength=\"%d\"%-s>",
		    error ? " invalid" : "", form, T("Reason"), form, value ? value : "", REASON_LABEL_MAX,
		    error ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-%s-label\"", form) : "");
	if (error)
		html_printf(o, "<p class=\"field-error\" id=\"e-%s-label\">%s</p>", form, error);
	html(o, "</div>");
}

static void move_button(struct request *r, const struct reason *x, const char *dir, const char *text,
			const char *aria, int disabled)
{
	html_printf(&r->out, "<form method=\"post\" action=\"/admin/reasons/%lld/move\" class=\"inline-form\">",
		    (long long)x->id);
	ui_csrf(r);
	html_printf(&r->out, "<input type=\"hidden\" name=\"dir\" value=\"%s\"><button class=\"button small\" "
		    "type=\"submit\" aria-label=\"%s\"%-s>%s</button></form>", dir, aria, disabled ? " disabled" : "", text);
}

static void reason_item(struct request *r, const struct reason *x, size_t i, size_t n, const struct reason_form *f)
{
	struct strbuf *o = &r->out;
	const char *name = reasonui_reason_label(r, x);
	int editing = f && f->id == x->id;
	html_printf(o, "<li class=\"stage-item reason-item%-s\" id=\"reason-%lld\"><div class=\"stage-head\">"
		    "<span class=\"stage-pos\">%zu</span><h3>%s</h3><code class=\"muted\">%s</code>",
		    x->retired ? " retired" : "", (long long)x->id, i + 1, name, x->code);
	if (x->retired)
		html_printf(o, "<span class=\"badge\">%s</span>", T("retired"));
	html(o, "<span class=\"reason-moves\">");
	move_button(r, x, "up", "↑", arena_printf(r->a, T("Move %s up"), name), i == 0);
	move_button(r, x, "down", "↓", arena_printf(r->a, T("Move %s down"), name), i + 1 == n);
	html(o, "</span></div>");

	html_printf(o, "<details class=\"stage-edit\"%-s><summary>%s</summary>", editing ? " open" : "",
		    arena_printf(r->a, T("Rename %s"), name));
	if (editing && f->notice)
		ui_notice(r, "error", f->notice);
	html_printf(o, "<form method=\"post\" action=\"/admin/reasons/%lld\" class=\"form\">", (long long)x->id);
	ui_csrf(r);
	label_field(r, arena_printf(r->a, "r%lld", (long long)x->id), editing ? f->label : name,
		    editing ? f->e_label : NULL);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>"
		    "</details>", T("Save"));

	html_printf(o, "<form method=\"post\" action=\"/admin/reasons/%lld\" class=\"inline-form\">", (long long)x->id);
	ui_csrf(r);
	html_printf(o, "<input type=\"hidden\" name=\"action\" value=\"%s\"><button class=\"button small%-s\" "
		    "type=\"submit\">%s</button></form></li>", x->retired ? "restore" : "retire",
		    x->retired ? "" : " danger", x->retired ? T("Offer it again") : T("Retire"));
}

static void render(struct request *r, const struct reason_form *f)
{
	struct reason_list l;
	if (reason_list(r->db, r->a, r->me.org_id, 1, &l)) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_page_begin(r, T("Reasons"), "admin-reasons");
	struct strbuf *o = &r->out;
	static const struct { const char *code, *text; } done[] = {
		{ "reason-added", N_("The reason was added.") },
		{ "reason-saved", N_("The reason was saved.") },
		{ "reason-retired", N_("The reason was retired. It is no longer offered; history still names it.") },
		{ "reason-restored", N_("The reason is offered again.") },
		{ "reason-moved", N_("The reason was moved.") },
	};
	const char *code = req_query(r, "done");
	for (size_t i = 0; code && i < sizeof(done) / sizeof(done[0]); i++)
		if (!strcmp(code, done[i].code))
			ui_notice(r, "ok", T(done[i].text));

	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div>"
		    "<a class=\"button\" href=\"#add\">%s</a></div>", T("Admin"), T("Reasons for a stop or a loss"),
		    T("Add a reason"));
	html_printf(o, "<section class=\"card explainer\"><h2>%s</h2><p>%s</p></section>", T("One list of reasons"),
		    T("Why a conversation ends in a stop and why a deal is lost are the same question, so they share "
		      "one list. When everyone means the same by “price” or “no budget”, the excuse check can weigh a "
		      "rep's reasons against the peers', and a coach can talk about them. A retired reason is no longer "
		      "offered, but the conversations and deals that named it keep it."));

	html_printf(o, "<section class=\"card\"><h2>%s</h2><ol class=\"stage-list reason-list\">", T("Reasons in order"));
	for (size_t i = 0; i < l.n; i++)
		reason_item(r, &l.items[i], i, l.n, f && f->id ? f : NULL);
	html(o, "</ol></section>");

	html_printf(o, "<section class=\"card\" id=\"add\"><h2>%s</h2>", T("Add a reason"));
	const struct reason_form *af = f && !f->id ? f : NULL;
	if (af && af->notice)
		ui_notice(r, "error", af->notice);
	html(o, "<form method=\"post\" action=\"/admin/reasons#add\" class=\"form\">");
	ui_csrf(r);
	label_field(r, "new", af ? af->label : "", af ? af->e_label : NULL);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Add the reason"));
	ui_page_end(r);
}

void page_admin_reasons(struct request *r)
{
	render(r, NULL);
}

static const char *label_of(struct request *r)
{
	const char *v = req_form(r, "label");
	return str_trim(arena_strdup(r->a, v ? v : ""));
}

static void refuse(struct request *r, struct reason_form *f, int status, const char *notice)
{
	r->status = status;
	f->notice = notice;
	render(r, f);
}

void page_admin_reasons_post(struct request *r)
{
	if (!access_reason_change(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("You do not have access to this page."));
		return;
	}
	struct reason_form f = { .label = label_of(r) };
	const char *m = reason_label_check(f.label);
	if (m) {
		f.e_label = T(m);
		refuse(r, &f, 400, T("The reason was not added. Check the field marked below."));
		return;
	}
	enum err e = reason_create(r->db, r->a, r->me.org_id, f.label, NULL);
	if (e == E_CONFLICT) {
		f.e_label = T("There is already a reason with this name.");
		refuse(r, &f, 409, T("The reason was not added. Check the field marked below."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, "/admin/reasons", "reason-added");
}

void page_admin_reason_post(struct request *r)
{
	struct reason *x = reason_load_or_reply(r, r->id, NEED_CHANGE);
	if (!x)
		return;
	const char *action = req_form(r, "action");
	enum err e;
	if (action && (!strcmp(action, "retire") || !strcmp(action, "restore"))) {
		int retire = !strcmp(action, "retire");
		e = reason_update(r->db, r->a, r->me.org_id, x->id, NULL, -1, retire);
		if (e) {
			resp_store_error(r, e);
			return;
		}
		resp_redirect(r, arena_printf(r->a, "/admin/reasons?done=%s#reason-%lld",
					      retire ? "reason-retired" : "reason-restored", (long long)x->id));
		return;
	}
	struct reason_form f = { .id = x->id, .label = label_of(r) };
	const char *m = reason_label_check(f.label);
	if (m) {
		f.e_label = T(m);
		refuse(r, &f, 400, T("The reason was not saved. Check the field marked below."));
		return;
	}
	/* the seeded label unchanged stays translated for every reader */
	const char *seed = reason_seed_label(x->code);
	const char *store = !*x->label && seed && !strcmp(f.label, T(seed)) ? "" : f.label;
	e = reason_update(r->db, r->a, r->me.org_id, x->id, store, -1, -1);
	if (e == E_CONFLICT) {
		f.e_label = T("There is already a reason with this name.");
		refuse(r, &f, 409, T("The reason was not saved. Check the field marked below."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/admin/reasons?done=reason-saved#reason-%lld", (long long)x->id));
}

void page_admin_reason_move_post(struct request *r)
{
	struct reason *x = reason_load_or_reply(r, r->id, NEED_CHANGE);
	if (!x)
		return;
	const char *dir = req_form(r, "dir");
	if (!dir || (strcmp(dir, "up") && strcmp(dir, "down"))) {
		resp_error(r, E_INVALID, T("Move a reason up or down."));
		return;
	}
	enum err e = reason_move(r->db, r->a, r->me.org_id, x->id, !strcmp(dir, "up") ? -1 : 1);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/admin/reasons?done=reason-moved#reason-%lld", (long long)x->id));
}
