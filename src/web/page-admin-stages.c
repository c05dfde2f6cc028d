/*
 * page-admin-stages: the organisation's shared vocabulary of pipeline
 * stages and the thresholds of deal health, for admins (GET /admin/stages;
 * POST /admin/stages, /admin/stages/:id, /admin/stages/:id/delete,
 * /admin/stages/:id/move (up or down, without typing numbers), /admin/health).
 *
 * Why it matters: a team can only read one another's pipeline, forecast and
 * coach when everyone means the same thing by "qualified" or "proposal".
 * So each stage carries its definition and the customer's commitment that
 * moves a deal into it — something the customer agreed to, not a feeling.
 *
 * Rules kept here: a stage holding deals cannot be deleted (the store
 * answers E_CONFLICT; the button is disabled beforehand); the organisation
 * keeps at least one open, one won and one lost stage, because new deals
 * start in the first open stage and closing a deal moves it to the won or
 * lost one; names are unique (409).
 */
#include "pages.h"
#include "ui.h"
#include "../store/stages.h"
#include "../store/settings.h"
#include "../domain/validate.h"
#include "../lib/util.h"
#include <string.h>

#define TEXT_MAX STAGE_TEXT_MAX	/* validate.h: the same as the API */
#define POSITION_MAX 100000

static const char *const kinds[] = { "open", "won", "lost" };

static const char *kind_label(struct request *r, const char *k)
{
	if (!strcmp(k, "won"))
		return T("Won");
	if (!strcmp(k, "lost"))
		return T("Lost");
	return T("Open");
}

/* what a stage form shows: values as typed and a message per field */
struct stage_form {
	int64_t id;			/* 0: the "add a stage" form */
	const char *name, *definition, *commitment, *kind, *position;
	const char *e_name, *e_definition, *e_commitment, *e_kind, *e_position;
	const char *notice;
};

struct health_form {
	const char *v[4];
	const char *e[4];
	const char *notice;
};

/* the four thresholds: settings key order, form names, labels, ranges */
static const struct {
	const char *name, *label, *help;
	int min, max;
} thresholds[4] = {
	{ "grace_days", N_("Grace days"),
	  N_("An overdue next step counts as missed after this many days."), 0, 30 },
	{ "max_conversations", N_("Conversations without progress"),
	  N_("This many conversations without reaching a next stage make a deal strung along."), 1, 20 },
	{ "max_slips", N_("Slips"), N_("A next step moved this many times makes a deal strung along."), 1, 10 },
	{ "stale_days", N_("Days a commitment stays fresh"),
	  N_("A deal whose last commitment is older than this is strung along."), 1, 365 },
};

/* the organisation's language, for the default stage texts */
static enum lang org_lang(struct request *r)
{
	int l = lang_parse(r->me.org_locale);
	return l >= 0 ? (enum lang)l : r->lang;
}

/* a labelled input or textarea whose id is unique on the page (several
 * stage forms share the field names) */
static void field(struct request *r, const char *form, const char *name, const char *label, const char *type,
		  const char *value, const char *error, const char *help, const char *extra)
{
	struct strbuf *o = &r->out;
	const char *id = arena_printf(r->a, "f-%s-%s", form, name);
	const char *desc = error ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-%s-%s\"", form, name)
		: help ? arena_printf(r->a, " aria-describedby=\"h-%s-%s\"", form, name) : "";
	html_printf(o, "<div class=\"field%-s\"><label for=\"%s\">%s</label>", error ? " invalid" : "", id, label);
	if (!strcmp(type, "textarea"))
		html_printf(o, "<textarea id=\"%s\" name=\"%s\" rows=\"2\"%-s%-s>%s</textarea>", id, name, desc,
			    extra ? extra : "", value ? value : "");
	else
		html_printf(o, "<input id=\"%s\" name=\"%s\" type=\"%s\" value=\"%s\"%-s%-s>", id, name, type,
			    value ? value : "", desc, extra ? extra : "");
	if (error)
		html_printf(o, "<p class=\"field-error\" id=\"e-%s-%s\">%s</p>", form, name, error);
	else if (help)
		html_printf(o, "<p class=\"field-help muted\" id=\"h-%s-%s\">%s</p>", form, name, help);
	html(o, "</div>");
}

static void kind_field(struct request *r, const char *form, const char *selected, const char *error)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"field%-s\"><label for=\"f-%s-kind\">%s</label><select id=\"f-%s-kind\" name=\"kind\"%-s>",
		    error ? " invalid" : "", form, T("Kind"), form,
		    error ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-%s-kind\"", form) : "");
	for (size_t i = 0; i < 3; i++)
		html_printf(o, "<option value=\"%s\"%-s>%s</option>", kinds[i],
			    selected && !strcmp(selected, kinds[i]) ? " selected" : "", kind_label(r, kinds[i]));
	html(o, "</select>");
	if (error)
		html_printf(o, "<p class=\"field-error\" id=\"e-%s-kind\">%s</p>", form, error);
	html(o, "</div>");
}

static void stage_fields(struct request *r, const char *form, const struct stage_form *f)
{
	field(r, form, "name", T("Name"), "text", f->name, f->e_name, NULL, " required maxlength=\"200\"");
	field(r, form, "definition", T("Definition"), "textarea", f->definition, f->e_definition,
	      T("What is true of every deal in this stage."), " maxlength=\"1000\"");
	field(r, form, "commitment", T("Commitment that moves a deal here"), "textarea", f->commitment, f->e_commitment,
	      T("What the customer agreed to — not how the conversation felt."), " maxlength=\"1000\"");
	kind_field(r, form, f->kind, f->e_kind);
	field(r, form, "position", T("Position"), "number", f->position, f->e_position,
	      T("Stages are shown in this order, lowest first."), " min=\"0\" max=\"100000\" step=\"1\" inputmode=\"numeric\"");
}

/* how many stages of each kind there are: the last one of a kind must stay */
static int count_kind(const struct stage_list *l, const char *kind)
{
	int n = 0;
	for (size_t i = 0; i < l->n; i++)
		n += !strcmp(l->items[i].kind, kind);
	return n;
}

/* an up or down button: one POST, so reordering needs no typing of numbers */
static void move_button(struct request *r, const struct stage *s, const char *dir, const char *text,
			const char *aria, int disabled)
{
	html_printf(&r->out, "<form method=\"post\" action=\"/admin/stages/%lld/move\" class=\"inline-form\">",
		    (long long)s->id);
	ui_csrf(r);
	html_printf(&r->out, "<input type=\"hidden\" name=\"dir\" value=\"%s\"><button class=\"button small\" "
		    "type=\"submit\" aria-label=\"%s\"%-s>%s</button></form>", dir, aria, disabled ? " disabled" : "", text);
}

static void stage_item(struct request *r, const struct stage_list *l, const struct stage *s,
		       const struct stage_form *edit)
{
	struct strbuf *o = &r->out;
	int editing = edit && edit->id == s->id;
	html_printf(o, "<li class=\"stage-item\" id=\"stage-%lld\"><div class=\"stage-head\"><span class=\"stage-pos\" "
		    "title=\"%s\">%d</span><h3>%s</h3><span class=\"badge%-s\">%s</span><span class=\"muted\">%s</span>",
		    (long long)s->id, T("Position"), s->position, s->name,
		    !strcmp(s->kind, "won") ? " ok" : !strcmp(s->kind, "lost") ? " bad" : "", kind_label(r, s->kind),
		    arena_printf(r->a, trn(r->lang, "%lld open deal", "%lld open deals", (long)s->deals),
				 (long long)s->deals));
	size_t i = (size_t)(s - l->items);
	html(o, "<span class=\"reason-moves\">");
	move_button(r, s, "up", "↑", arena_printf(r->a, T("Move %s up"), s->name), i == 0);
	move_button(r, s, "down", "↓", arena_printf(r->a, T("Move %s down"), s->name), i + 1 == l->n);
	html(o, "</span></div>");
	html_printf(o, "<dl class=\"details stage-text\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>",
		    T("Definition"), *s->definition ? s->definition : "—",
		    T("Commitment that moves a deal here"), *s->commitment ? s->commitment : "—");

	html_printf(o, "<details class=\"stage-edit\"%-s><summary>%s</summary>", editing ? " open" : "",
		    arena_printf(r->a, T("Edit %s"), s->name));
	const char *form = arena_printf(r->a, "s%lld", (long long)s->id);
	if (editing && edit->notice)
		ui_notice(r, "error", edit->notice);
	struct stage_form cur = {
		.id = s->id, .name = s->name, .definition = s->definition, .commitment = s->commitment,
		.kind = s->kind, .position = arena_printf(r->a, "%d", s->position),
	};
	html_printf(o, "<form method=\"post\" action=\"/admin/stages/%lld\" class=\"form\">", (long long)s->id);
	ui_csrf(r);
	stage_fields(r, form, editing ? edit : &cur);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form>", T("Save"));

	/* deleting: only an empty stage, and never the last of its kind */
	const char *why = NULL;
	if (s->all_deals)
		why = arena_printf(r->a, trn(r->lang, "It holds %lld deal. Move it to another stage first.",
					     "It holds %lld deals. Move them to another stage first.", (long)s->all_deals),
				   (long long)s->all_deals);
	else if (count_kind(l, s->kind) <= 1)
		why = T("It is the only stage of its kind. Every organisation keeps an open, a won and a lost stage.");
	html_printf(o, "<form method=\"post\" action=\"/admin/stages/%lld/delete\" class=\"stage-delete\" data-confirm=\"%s\">",
		    (long long)s->id, arena_printf(r->a, T("Delete the stage %s?"), s->name));
	ui_csrf(r);
	html_printf(o, "<button class=\"button danger small\" type=\"submit\"%-s>%s</button>",
		    why ? arena_printf(r->a, " disabled aria-describedby=\"why-%lld\"", (long long)s->id) : "",
		    T("Delete the stage"));
	if (why)
		html_printf(o, "<span class=\"muted\" id=\"why-%lld\">%s</span>", (long long)s->id, why);
	html(o, "</form></details></li>");
}

static void health_card(struct request *r, const struct health_form *hf)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"health\"><h2>%s</h2><p class=\"muted\">%s</p>", T("Deal health"),
		    T("When a deal counts as strung along: these thresholds apply to every deal of the organisation, "
		      "on the pipeline, the deal pages, the strung-along list and the figures."));
	if (hf->notice)
		ui_notice(r, "error", hf->notice);
	html(o, "<form method=\"post\" action=\"/admin/health#health\" class=\"form inline health-form\">");
	ui_csrf(r);
	for (int i = 0; i < 4; i++)
		field(r, "h", thresholds[i].name, T(thresholds[i].label), "number", hf->v[i], hf->e[i],
		      T(thresholds[i].help), arena_printf(r->a, " required min=\"%d\" max=\"%d\" step=\"1\" inputmode=\"numeric\"",
							   thresholds[i].min, thresholds[i].max));
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>"
		    "</section>", T("Save the thresholds"));
}

/* the whole page; sf (the failing stage form, id 0 = "add") and hf may be
 * NULL; the status is already set for a re-render */
static void render(struct request *r, const struct stage_form *sf, const struct health_form *hf)
{
	struct stage_list l;
	if (stages_ensure(r->db, r->me.org_id, org_lang(r)) || stage_list(r->db, r->a, r->me.org_id, &l) ||
	    stage_count_all_deals(r->db, r->me.org_id, &l)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct health_form cur_h = { 0 };
	if (!hf) {
		struct health_settings h;
		settings_health(r->db, r->me.org_id, &h);
		int v[4] = { h.grace_days, h.max_conversations_without_progress, h.max_slips, h.stale_commitment_days };
		for (int i = 0; i < 4; i++)
			cur_h.v[i] = arena_printf(r->a, "%d", v[i]);
		hf = &cur_h;
	}

	ui_page_begin(r, T("Stages"), "admin-stages");
	struct strbuf *o = &r->out;
	static const struct { const char *code, *text; } done[] = {
		{ "stage-added", N_("The stage was added.") },
		{ "stage-saved", N_("The stage was saved.") },
		{ "stage-deleted", N_("The stage was deleted.") },
		{ "health-saved", N_("The thresholds were saved.") },
		{ "stage-moved", N_("The stage was moved.") },
	};
	const char *code = req_query(r, "done");
	for (size_t i = 0; code && i < sizeof(done) / sizeof(done[0]); i++)
		if (!strcmp(code, done[i].code))
			ui_notice(r, "ok", T(done[i].text));

	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div>"
		    "<a class=\"button\" href=\"#add\">%s</a></div>", T("Admin"), T("Stages of the pipeline"),
		    T("Add a stage"));
	html_printf(o, "<section class=\"card explainer\"><h2>%s</h2><p>%s</p><p>%s</p></section>",
		    T("Why a shared vocabulary"),
		    T("A team can only read one another's pipeline, forecast together and coach when everyone means "
		      "the same thing by “qualified” or “proposal”. Without common definitions every rep fills a stage "
		      "with their own feeling, and the pipeline says more about optimism than about customers."),
		    T("So each stage says what is true of a deal in it, and which commitment of the customer moves a "
		      "deal there — something the customer agreed to, such as a meeting with the decision maker on a "
		      "set date. Agree on them with your team, then write them down here."));

	html_printf(o, "<section class=\"card\"><h2>%s</h2><ol class=\"stage-list\">", T("Stages in order"));
	for (size_t i = 0; i < l.n; i++)
		stage_item(r, &l, &l.items[i], sf && sf->id ? sf : NULL);
	html(o, "</ol></section>");

	html_printf(o, "<section class=\"card\" id=\"add\"><h2>%s</h2>", T("Add a stage"));
	struct stage_form blank = { .kind = "open", .name = "", .definition = "", .commitment = "", .position = "" };
	const struct stage_form *af = sf && !sf->id ? sf : &blank;
	if (af->notice)
		ui_notice(r, "error", af->notice);
	html(o, "<form method=\"post\" action=\"/admin/stages#add\" class=\"form\">");
	ui_csrf(r);
	stage_fields(r, "new", af);
	html_printf(o, "<p class=\"muted\">%s</p><div class=\"actions\"><button class=\"button primary\" type=\"submit\">"
		    "%s</button></div></form></section>", T("Leave the position empty to add the stage after the last one."),
		    T("Add the stage"));

	health_card(r, hf);
	ui_page_end(r);
}

void page_admin_stages(struct request *r)
{
	render(r, NULL, NULL);
}

static const char *form_text(struct request *r, const char *key)
{
	const char *v = req_form(r, key);
	char *s = arena_strdup(r->a, v ? v : "");
	/* a textarea may send line breaks; a definition is one paragraph */
	for (char *p = s; *p; p++)
		if (*p == '\r' || *p == '\n' || *p == '\t')
			*p = ' ';
	return str_trim(s);
}

/* reads and checks a stage form; fills st when it is fine (0), else the
 * messages (-1). An empty position means "after the last". */
static int read_stage_form(struct request *r, struct stage_form *f, struct stage *st, int64_t last_position)
{
	f->name = form_text(r, "name");
	f->definition = form_text(r, "definition");
	f->commitment = form_text(r, "commitment");
	f->kind = form_text(r, "kind");
	f->position = form_text(r, "position");
	const char *m;
	if ((m = validate_name(f->name)))
		f->e_name = T(m);
	/* "too long" says how long it may be here */
	if ((m = validate_text(f->definition, TEXT_MAX)))
		f->e_definition = strcmp(m, "The text is too long.") ? T(m)
			: T("A definition is at most 1000 characters long.");
	if ((m = validate_text(f->commitment, TEXT_MAX)))
		f->e_commitment = strcmp(m, "The text is too long.") ? T(m)
			: T("The commitment is at most 1000 characters long.");
	if (strcmp(f->kind, "open") && strcmp(f->kind, "won") && strcmp(f->kind, "lost"))
		f->e_kind = T("Choose open, won or lost.");
	int64_t pos = last_position + 10;
	if (*f->position && (parse_i64(f->position, &pos) || pos < 0 || pos > POSITION_MAX))
		f->e_position = T("Enter a whole number from 0 to 100000.");
	if (f->e_name || f->e_definition || f->e_commitment || f->e_kind || f->e_position)
		return -1;
	memset(st, 0, sizeof(*st));
	st->name = f->name;
	st->definition = f->definition;
	st->commitment = f->commitment;
	st->kind = f->kind;
	st->position = (int)pos;
	return 0;
}

static void refuse(struct request *r, struct stage_form *f, int status, const char *notice)
{
	r->status = status;
	f->notice = notice;
	render(r, f, NULL);
}

void page_admin_stages_post(struct request *r)
{
	struct stage_list l;
	if (stages_ensure(r->db, r->me.org_id, org_lang(r)) || stage_list(r->db, r->a, r->me.org_id, &l)) {
		resp_store_error(r, E_OK);
		return;
	}
	int64_t last = 0;
	for (size_t i = 0; i < l.n; i++)
		if (l.items[i].position > last)
			last = l.items[i].position;
	struct stage_form f = { 0 };
	struct stage st;
	if (read_stage_form(r, &f, &st, last)) {
		refuse(r, &f, 400, T("The stage was not added. Check the fields marked below."));
		return;
	}
	int64_t id = 0;
	enum err e = stage_create(r->db, r->me.org_id, &st, &id);
	if (e == E_CONFLICT) {
		f.e_name = T("There is already a stage with this name.");
		refuse(r, &f, 409, T("The stage was not added. Check the fields marked below."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, "/admin/stages", "stage-added");
}

/* the stage of the path with its siblings; 0 when found, else answered */
static int load(struct request *r, struct stage_list *l, struct stage **s)
{
	if (!access_stage_change(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("You do not have access to this page."));
		return -1;
	}
	if (stages_ensure(r->db, r->me.org_id, org_lang(r)) || stage_list(r->db, r->a, r->me.org_id, l)) {
		resp_store_error(r, E_OK);
		return -1;
	}
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id == r->id) {
			*s = &l->items[i];
			return 0;
		}
	resp_error(r, E_NOTFOUND, T("There is no such stage."));
	return -1;
}

void page_admin_stage_post(struct request *r)
{
	struct stage_list l;
	struct stage *old;
	if (load(r, &l, &old))
		return;
	struct stage_form f = { .id = old->id };
	struct stage st;
	if (read_stage_form(r, &f, &st, old->position - 10)) {
		/* an empty position keeps the stage where it is */
		refuse(r, &f, 400, T("The stage was not saved. Check the fields marked below."));
		return;
	}
	st.id = old->id;
	if (strcmp(st.kind, old->kind) && count_kind(&l, old->kind) <= 1) {
		f.e_kind = T("This is the only stage of its kind. Every organisation keeps an open, a won and a lost stage.");
		refuse(r, &f, 409, T("The stage was not saved. Check the fields marked below."));
		return;
	}
	if (strcmp(st.kind, old->kind) && old->deals) {
		/* open deals in a won or lost stage would contradict their status */
		f.e_kind = T("Open deals are in this stage. Move them first, then change its kind.");
		refuse(r, &f, 409, T("The stage was not saved. Check the fields marked below."));
		return;
	}
	enum err e = stage_update(r->db, r->me.org_id, &st);
	if (e == E_CONFLICT) {
		f.e_name = T("There is already a stage with this name.");
		refuse(r, &f, 409, T("The stage was not saved. Check the fields marked below."));
		return;
	}
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such stage."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	/* back to the stage just saved: the notice code before the fragment */
	resp_redirect(r, arena_printf(r->a, "/admin/stages?done=stage-saved#stage-%lld", (long long)st.id));
}

void page_admin_stage_delete_post(struct request *r)
{
	struct stage_list l;
	struct stage *s;
	if (load(r, &l, &s))
		return;
	struct stage_form f = { .id = s->id };
	f.name = s->name;
	f.definition = s->definition;
	f.commitment = s->commitment;
	f.kind = s->kind;
	f.position = arena_printf(r->a, "%d", s->position);
	if (count_kind(&l, s->kind) <= 1) {
		refuse(r, &f, 409, T("The stage was not deleted: it is the only stage of its kind. Every organisation "
				     "keeps an open, a won and a lost stage."));
		return;
	}
	enum err e = stage_delete(r->db, r->me.org_id, s->id);
	if (e == E_CONFLICT) {
		refuse(r, &f, 409, T("The stage was not deleted: deals are still in it. Move them to another stage first."));
		return;
	}
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such stage."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, "/admin/stages", "stage-deleted");
}

void page_admin_health_post(struct request *r)
{
	struct health_form f = { 0 };
	int v[4] = { 0 };
	int bad = 0;
	for (int i = 0; i < 4; i++) {
		f.v[i] = form_text(r, thresholds[i].name);
		int64_t x;
		if (parse_i64(f.v[i], &x) || x < thresholds[i].min || x > thresholds[i].max) {
			f.e[i] = arena_printf(r->a, T("Enter a whole number from %d to %d."), thresholds[i].min,
					      thresholds[i].max);
			bad = 1;
		} else {
			v[i] = (int)x;
		}
	}
	if (bad) {
		r->status = 400;
		f.notice = T("The thresholds were not saved. Check the fields marked below.");
		render(r, NULL, &f);
		return;
	}
	struct health_settings h = { .grace_days = v[0], .max_conversations_without_progress = v[1],
				     .max_slips = v[2], .stale_commitment_days = v[3] };
	if (settings_health_save(r->db, r->me.org_id, &h)) {
		resp_store_error(r, E_OK);
		return;
	}
	resp_redirect(r, "/admin/stages?done=health-saved#health");
}

void page_admin_stage_move_post(struct request *r)
{
	struct stage_list l;
	struct stage *s;
	if (load(r, &l, &s))
		return;
	const char *dir = req_form(r, "dir");
	if (!dir || (strcmp(dir, "up") && strcmp(dir, "down"))) {
		resp_error(r, E_INVALID, T("Move a stage up or down."));
		return;
	}
	enum err e = stage_move(r->db, r->a, r->me.org_id, s->id, !strcmp(dir, "up") ? -1 : 1);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such stage."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/admin/stages?done=stage-moved#stage-%lld", (long long)s->id));
}
