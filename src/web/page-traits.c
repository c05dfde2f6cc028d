/*
 * page-traits: the competency framework (issue 8).
 *
 *   GET  /traits                          every member: the traits in order, each
 *                                         with its definition, the anchors of the
 *                                         scores 1, 3 and 5 and its sub-skills —
 *                                         what a score means before one is given
 *   GET  /admin/traits                    admins: the same, retired ones too, with
 *                                         forms to change them
 *   POST /admin/traits                    add a trait
 *   POST /admin/traits/:id                rename it, change its definition and anchors
 *   POST /admin/traits/:id/move           up or down one place (dir=up|down)
 *   POST /admin/traits/:id/retire         retire (retired=1) or restore (retired=0)
 *   POST /admin/traits/:id/subskills      add a sub-skill
 *   POST /admin/subskills/:id             rename a sub-skill, change its definition
 *   POST /admin/subskills/:id/move        up or down within its trait
 *   POST /admin/subskills/:id/retire      retire or restore it
 *
 * Retiring keeps a trait and its ratings (history stays readable); a retired
 * trait is left out of new forms. The admin's forms show the texts as stored:
 * a default trait whose text nobody changed is shown to every reader in their
 * own language, and saving it unchanged keeps it so.
 */
#include "pages.h"
#include "ui.h"
#include "load.h"
#include "../store/traits.h"
#include "../domain/validate.h"
#include "../lib/util.h"
#include <string.h>

#define TEXT_MAX 1000

/* a failing form, to show again with what was typed */
struct trait_form {
	int64_t trait_id, subskill_id;	/* the form's object (0, 0: "add a trait") */
	int add_subskill;		/* the "add a sub-skill" form of trait_id */
	const char *name, *definition, *anchor1, *anchor3, *anchor5;
	const char *e_name, *e_text;
	const char *notice;
};

static char *form_text(struct request *r, const char *key)
{
	const char *v = req_form(r, key);
	char *s = arena_strdup(r->a, v ? v : "");
	for (char *p = s; *p; p++)
		if (*p == '\r' || *p == '\n' || *p == '\t')
			*p = ' ';
	return str_trim(s);
}

static void text_field(struct request *r, const char *form, const char *name, const char *label, const char *value,
		       const char *error, int area)
{
	struct strbuf *o = &r->out;
	const char *id = arena_printf(r->a, "f-%s-%s", form, name);
	html_printf(o, "<div class=\"field%-s\"><label for=\"%s\">%s</label>", error ? " invalid" : "", id, label);
	if (area)
		html_printf(o, "<textarea id=\"%s\" name=\"%s\" rows=\"2\" maxlength=\"1000\">%s</textarea>", id, name,
			    value ? value : "");
	else
		html_printf(o, "<input id=\"%s\" name=\"%s\" type=\"text\" maxlength=\"200\" value=\"%s\">", id, name,
			    value ? value : "");
	if (error)
		html_printf(o, "<p class=\"field-error\">%s</p>", error);
	html(o, "</div>");
}

static void trait_fields(struct request *r, const char *form, const char *name, const char *def, const char *a1,
			 const char *a3, const char *a5, const struct trait_form *err)
{
	text_field(r, form, "name", T("Name"), name, err ? err->e_name : NULL, 0);
	text_field(r, form, "definition", T("Definition"), def, err ? err->e_text : NULL, 1);
	text_field(r, form, "anchor1", T("What a 1 looks like"), a1, NULL, 1);
	text_field(r, form, "anchor3", T("What a 3 looks like"), a3, NULL, 1);
	text_field(r, form, "anchor5", T("What a 5 looks like"), a5, NULL, 1);
}

static void small_post(struct request *r, const char *action, const char *name, const char *value, const char *label)
{
	html_printf(&r->out, "<form method=\"post\" action=\"%s\" class=\"inline-form\">", action);
	ui_csrf(r);
	html_printf(&r->out, "<input type=\"hidden\" name=\"%s\" value=\"%s\"><button class=\"button small\" type=\"submit\">"
		    "%s</button></form>", name, value, label);
}

static void render(struct request *r, int admin, const struct trait_form *err)
{
	struct trait_list l, raw;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, admin ? TRAITS_ALL : TRAITS_ACTIVE, &l);
	if (!e && admin)
		e = trait_list(r->db, r->a, r->me.org_id, LANG_EN, TRAITS_ALL, &raw);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_page_begin(r, T("Traits"), admin ? "admin-traits" : "traits");
	struct strbuf *o = &r->out;
	static const struct { const char *code, *text; } done[] = {
		{ "trait-added", N_("The trait was added.") },
		{ "trait-saved", N_("The trait was saved.") },
		{ "subskill-saved", N_("The sub-skill was saved.") },
	};
	const char *code = req_query(r, "done");
	for (size_t i = 0; code && i < sizeof(done) / sizeof(done[0]); i++)
		if (!strcmp(code, done[i].code))
			ui_notice(r, "ok", T(done[i].text));
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div>", T("Grow"),
		    T("The traits of a superstar"));
	if (!admin && r->viewer.role == ROLE_ADMIN)
		html_printf(o, "<a class=\"button\" href=\"/admin/traits\">%s</a>", T("Edit the traits"));
	html(o, "</div>");
	html_printf(o, "<section class=\"card explainer\"><p>%s</p></section>",
		    T("Top sellers share these traits, and they need all of them, strongly: a profile is as strong as its "
		      "weakest trait. The anchors say what a score of 1, 3 and 5 looks like in practice, so that two "
		      "managers mean the same by a 4."));
	if (err && err->notice)
		ui_notice(r, "error", err->notice);
	for (size_t i = 0; i < l.n; i++) {
		const struct trait *t = &l.items[i];
		const struct trait *rt = admin ? &raw.items[i] : t;
		html_printf(o, "<section class=\"card trait-card%-s\" id=\"trait-%lld\"><h2>%s", t->retired_at ? " retired" : "",
			    (long long)t->id, t->name);
		if (t->retired_at)
			html_printf(o, " <span class=\"badge\">%s</span>", T("retired"));
		html_printf(o, "</h2><p>%s</p><dl class=\"anchors\"><dt>1</dt><dd>%s</dd><dt>3</dt><dd>%s</dd><dt>5</dt>"
			    "<dd>%s</dd></dl>", t->definition, t->anchor1, t->anchor3, t->anchor5);
		if (t->nsubskills) {
			html_printf(o, "<h3>%s</h3><ul class=\"subskill-list\">", T("Sub-skills"));
			for (size_t j = 0; j < t->nsubskills; j++) {
				const struct subskill *s = &t->subskills[j];
				html_printf(o, "<li%-s><strong>%s</strong>%-s%s", s->retired_at ? " class=\"retired\"" : "", s->name,
					    *s->definition ? " — " : "", s->definition);
				if (s->retired_at)
					html_printf(o, " <span class=\"badge\">%s</span>", T("retired"));
				if (admin) {
					const struct subskill *rs = &rt->subskills[j];
					int open = err && err->subskill_id == s->id;
					const char *act = arena_printf(r->a, "/admin/subskills/%lld", (long long)s->id);
					html_printf(o, "<details class=\"trait-edit\"%-s><summary>%s</summary><form method=\"post\" "
						    "action=\"%s\" class=\"form\">", open ? " open" : "", T("Edit"), act);
					ui_csrf(r);
					const char *form = arena_printf(r->a, "s%lld", (long long)s->id);
					text_field(r, form, "name", T("Name"), open ? err->name : rs->name, open ? err->e_name : NULL, 0);
					text_field(r, form, "definition", T("Definition"), open ? err->definition : rs->definition,
						   open ? err->e_text : NULL, 1);
					html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s"
						    "</button></div></form><div class=\"actions\">", T("Save"));
					small_post(r, arena_printf(r->a, "%s/move", act), "dir", "up", T("Up"));
					small_post(r, arena_printf(r->a, "%s/move", act), "dir", "down", T("Down"));
					small_post(r, arena_printf(r->a, "%s/retire", act), "retired", s->retired_at ? "0" : "1",
						   s->retired_at ? T("Restore") : T("Retire"));
					html(o, "</div></details>");
				}
				html(o, "</li>");
			}
			html(o, "</ul>");
		}
		if (admin) {
			int open = err && err->trait_id == t->id && !err->subskill_id && !err->add_subskill;
			const char *act = arena_printf(r->a, "/admin/traits/%lld", (long long)t->id);
			html_printf(o, "<details class=\"trait-edit\"%-s><summary>%s</summary><form method=\"post\" action=\"%s\" "
				    "class=\"form\">", open ? " open" : "", arena_printf(r->a, T("Edit %s"), t->name), act);
			ui_csrf(r);
			const char *form = arena_printf(r->a, "t%lld", (long long)t->id);
			if (open)
				trait_fields(r, form, err->name, err->definition, err->anchor1, err->anchor3, err->anchor5, err);
			else
				trait_fields(r, form, rt->name, rt->definition, rt->anchor1, rt->anchor3, rt->anchor5, NULL);
			html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
				    "</form></details>", T("Save"));
			int add = err && err->trait_id == t->id && err->add_subskill;
			html_printf(o, "<details class=\"trait-edit\"%-s><summary>%s</summary><form method=\"post\" "
				    "action=\"%s/subskills\" class=\"form\">", add ? " open" : "", T("Add a sub-skill"), act);
			ui_csrf(r);
			form = arena_printf(r->a, "n%lld", (long long)t->id);
			text_field(r, form, "name", T("Name"), add ? err->name : "", add ? err->e_name : NULL, 0);
			text_field(r, form, "definition", T("Definition"), add ? err->definition : "", add ? err->e_text : NULL, 1);
			html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
				    "</form></details><div class=\"actions\">", T("Add the sub-skill"));
			small_post(r, arena_printf(r->a, "%s/move", act), "dir", "up", T("Up"));
			small_post(r, arena_printf(r->a, "%s/move", act), "dir", "down", T("Down"));
			small_post(r, arena_printf(r->a, "%s/retire", act), "retired", t->retired_at ? "0" : "1",
				   t->retired_at ? T("Restore the trait") : T("Retire the trait"));
			html(o, "</div>");
		}
		html(o, "</section>");
	}
	if (admin) {
		int open = err && !err->trait_id;
		html_printf(o, "<section class=\"card\" id=\"add\"><h2>%s</h2><form method=\"post\" action=\"/admin/traits#add\" "
			    "class=\"form\">", T("Add a trait"));
		ui_csrf(r);
		if (open)
			trait_fields(r, "new", err->name, err->definition, err->anchor1, err->anchor3, err->anchor5, err);
		else
			trait_fields(r, "new", "", "", "", "", "", NULL);
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
			    "</form></section>", T("Add the trait"));
	}
	ui_page_end(r);
}

void page_traits(struct request *r)
{
	render(r, 0, NULL);
}

void page_admin_traits(struct request *r)
{
	render(r, 1, NULL);
}

/* reads a trait's fields; 0 when fine, else -1 with the messages in f */
static int read_form(struct request *r, struct trait_form *f)
{
	f->name = form_text(r, "name");
	f->definition = form_text(r, "definition");
	f->anchor1 = form_text(r, "anchor1");
	f->anchor3 = form_text(r, "anchor3");
	f->anchor5 = form_text(r, "anchor5");
	const char *m;
	if ((m = validate_name(f->name)))
		f->e_name = T(m);
	const char *texts[] = { f->definition, f->anchor1, f->anchor3, f->anchor5 };
	for (int i = 0; i < 4 && !f->e_text; i++)
		if (validate_text(texts[i], TEXT_MAX))
			f->e_text = T("A definition or an anchor is at most 1000 characters long, on one line.");
	return f->e_name || f->e_text ? -1 : 0;
}

static void refuse(struct request *r, struct trait_form *f)
{
	r->status = 400;
	f->notice = T("Nothing was saved. Check the fields marked below.");
	render(r, 1, f);
}

void page_admin_traits_post(struct request *r)
{
	struct trait_form f = { 0 };
	if (read_form(r, &f)) {
		refuse(r, &f);
		return;
	}
	struct trait_input in = { f.name, f.definition, f.anchor1, f.anchor3, f.anchor5,
				  traits_last_position(r->db, r->me.org_id, 0) + 10 };
	int64_t id = 0;
	enum err e = trait_create(r->db, r->me.org_id, &in, &id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, arena_printf(r->a, "/admin/traits#trait-%lld", (long long)id), "trait-added");
}

void page_admin_trait_post(struct request *r)
{
	struct trait *t = trait_load_or_reply(r, r->id, NEED_CHANGE);
	if (!t)
		return;
	struct trait_form f = { .trait_id = t->id };
	if (read_form(r, &f)) {
		refuse(r, &f);
		return;
	}
	struct trait_input in = { f.name, f.definition, f.anchor1, f.anchor3, f.anchor5, t->position };
	enum err e = trait_update(r->db, r->me.org_id, t->id, &in);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, "/admin/traits", "trait-saved");
}

/* the dir= of a move: -1 up, 1 down, 0 neither */
static int move_dir(struct request *r)
{
	const char *d = req_form(r, "dir");
	return d && !strcmp(d, "up") ? -1 : d && !strcmp(d, "down") ? 1 : 0;
}

void page_admin_trait_move_post(struct request *r)
{
	struct trait *t = trait_load_or_reply(r, r->id, NEED_CHANGE);
	if (!t)
		return;
	int dir = move_dir(r);
	if (!dir) {
		resp_error(r, E_INVALID, T("dir: say up or down."));
		return;
	}
	enum err e = trait_move(r->db, r->a, r->me.org_id, t->id, dir);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/admin/traits#trait-%lld", (long long)t->id));
}

void page_admin_trait_retire_post(struct request *r)
{
	struct trait *t = trait_load_or_reply(r, r->id, NEED_CHANGE);
	if (!t)
		return;
	const char *v = req_form(r, "retired");
	if (!v || (strcmp(v, "0") && strcmp(v, "1"))) {
		resp_error(r, E_INVALID, T("retired: say 1 to retire or 0 to restore."));
		return;
	}
	enum err e = trait_set_retired(r->db, r->me.org_id, t->id, !strcmp(v, "1"));
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/admin/traits#trait-%lld", (long long)t->id));
}

void page_admin_trait_subskills_post(struct request *r)
{
	struct trait *t = trait_load_or_reply(r, r->id, NEED_CHANGE);
	if (!t)
		return;
	struct trait_form f = { .trait_id = t->id, .add_subskill = 1 };
	f.name = form_text(r, "name");
	f.definition = form_text(r, "definition");
	const char *m;
	if ((m = validate_name(f.name)))
		f.e_name = T(m);
	if (validate_text(f.definition, TEXT_MAX))
		f.e_text = T("A definition or an anchor is at most 1000 characters long, on one line.");
	if (f.e_name || f.e_text) {
		refuse(r, &f);
		return;
	}
	enum err e = subskill_create(r->db, r->me.org_id, t->id, f.name, f.definition,
				     traits_last_position(r->db, r->me.org_id, t->id) + 10, NULL);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, "/admin/traits", "subskill-saved");
}

/* the sub-skill of the path, its trait (as stored) and its index there;
 * NULL after answering (404 when the organisation has no such sub-skill) */
static struct trait *subskill_or_reply(struct request *r, size_t *index)
{
	if (!access_traits_change(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("You do not have access to this page."));
		return NULL;
	}
	struct trait_list l;
	enum err e = trait_list(r->db, r->a, r->me.org_id, LANG_EN, TRAITS_ALL, &l);
	if (e) {
		resp_store_error(r, e);
		return NULL;
	}
	for (size_t i = 0; i < l.n; i++)
		for (size_t j = 0; j < l.items[i].nsubskills; j++)
			if (l.items[i].subskills[j].id == r->id) {
				*index = j;
				return &l.items[i];
			}
	resp_error(r, E_NOTFOUND, T("There is no such sub-skill."));
	return NULL;
}

void page_admin_subskill_post(struct request *r)
{
	size_t j;
	struct trait *t = subskill_or_reply(r, &j);
	if (!t)
		return;
	struct trait_form f = { .trait_id = t->id, .subskill_id = r->id };
	f.name = form_text(r, "name");
	f.definition = form_text(r, "definition");
	const char *m;
	if ((m = validate_name(f.name)))
		f.e_name = T(m);
	if (validate_text(f.definition, TEXT_MAX))
		f.e_text = T("A definition or an anchor is at most 1000 characters long, on one line.");
	if (f.e_name || f.e_text) {
		refuse(r, &f);
		return;
	}
	enum err e = subskill_update(r->db, r->me.org_id, r->id, f.name, f.definition, t->subskills[j].position);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, "/admin/traits", "subskill-saved");
}

void page_admin_subskill_move_post(struct request *r)
{
	size_t i;
	struct trait *t = subskill_or_reply(r, &i);
	if (!t)
		return;
	int dir = move_dir(r);
	if (!dir) {
		resp_error(r, E_INVALID, T("dir: say up or down."));
		return;
	}
	enum err e = subskill_move(r->db, r->a, r->me.org_id, t->id, t->subskills[i].id, dir);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/admin/traits#trait-%lld", (long long)t->id));
}

void page_admin_subskill_retire_post(struct request *r)
{
	size_t j;
	struct trait *t = subskill_or_reply(r, &j);
	if (!t)
		return;
	const char *v = req_form(r, "retired");
	if (!v || (strcmp(v, "0") && strcmp(v, "1"))) {
		resp_error(r, E_INVALID, T("retired: say 1 to retire or 0 to restore."));
		return;
	}
	enum err e = subskill_set_retired(r->db, r->me.org_id, r->id, !strcmp(v, "1"));
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/admin/traits#trait-%lld", (long long)t->id));
}
