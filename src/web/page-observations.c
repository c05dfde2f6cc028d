/*
 * page-observations: field coaching (issue 8) — an observation of a rep,
 * written when a manager joined a call or a colleague rode along.
 *
 *   GET  /observations/new?rep=ID[&conversation=ID]  the form; the
 *        conversation must be one of that rep's the observer may see
 *   POST /observations?rep=ID[&conversation=ID]      store it
 *   GET  /observations/:id                           one observation (its
 *        scores download as CSV and Excel)
 *   POST /observations/:id/recognition               the manager recognises
 *        effort, improvement or progress seen in it
 *
 * and the parts other pages borrow: the observations in a one-on-one's
 * facts, and the rep page's section "Field coaching" — the trait history's
 * evidence from observations, marked "observed".
 *
 * Rights: access_observation_see/_write (domain/access.c) through
 * web/load.c's obs_load_or_reply and obs_rep_load_or_reply.
 */
#include "pages.h"
#include "ui.h"
#include "load.h"
#include "export.h"
#include "coaching.h"
#include "../domain/plans.h"
#include "../domain/validate.h"
#include "../store/observations.h"
#include "../store/plans.h"
#include "../store/traits.h"
#include "../lib/table.h"
#include "../lib/util.h"
#include <string.h>

static const char *const kind_codes[] = { "joint_call", "ride_along" };
static const char *const kind_labels[] = {
	/* TRANSLATORS: an observation made when the manager joined the rep's call or visit */
	N_("Joined a call"),
	/* TRANSLATORS: an observation made when a colleague rode along with the rep */
	N_("Rode along"),
};

static const char *kind_label(struct request *r, const char *code)
{
	return !strcmp(code, "ride_along") ? T(kind_labels[1]) : T(kind_labels[0]);
}

static const char *score_trait_name(struct request *r, const struct obs_score *s)
{
	const char *t = trait_text(r->lang, s->trait_code, s->trait_name);
	return *s->subskill_name ? arena_printf(r->a, "%s: %s", t, s->subskill_name) : t;
}

/* -------------------------------------------------------------- the form */

struct obs_form {
	struct user *rep;
	struct conversation *cv;	/* NULL: none */
	struct trait_list traits;
	const char *kind, *on, *went_well, *to_strengthen, *agreed_action;
	const char **score, **seen;	/* per trait, as typed */
	const char *e_kind, *e_on, *e_went_well, *e_to_strengthen, *e_agreed_action, *e_scores;
	const char **e_score, **e_seen;
	const char *notice;
};

static void textarea(struct request *r, const char *name, const char *label, const char *value, const char *err)
{
	html_printf(&r->out, "<div class=\"field%-s\"><label for=\"f-%s\">%s</label><textarea id=\"f-%s\" name=\"%s\" "
		    "rows=\"2\"%-s>%s</textarea>", err ? " invalid" : "", name, label, name, name,
		    err ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name) : "", value ? value : "");
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, err);
	html(&r->out, "</div>");
}

/* the rep, the conversation and the traits; 0, or -1 after answering */
static int form_load(struct request *r, const char *rep_v, const char *conv_v, struct obs_form *f)
{
	memset(f, 0, sizeof(*f));
	int64_t rep_id, conv_id = 0;
	if (!rep_v || parse_i64(rep_v, &rep_id) || rep_id <= 0) {
		resp_error(r, E_INVALID, T("rep: choose a rep."));
		return -1;
	}
	if (conv_v && *conv_v && (parse_i64(conv_v, &conv_id) || conv_id <= 0)) {
		resp_error(r, E_INVALID, T("conversation: not a conversation."));
		return -1;
	}
	if (!(f->rep = obs_rep_load_or_reply(r, rep_id)))
		return -1;
	if (conv_id) {
		if (!(f->cv = conversation_load_or_reply(r, conv_id, NEED_SEE)))
			return -1;
		if (f->cv->rep_id != f->rep->id) {
			resp_error(r, E_INVALID, T("conversation: choose a conversation this rep logged."));
			return -1;
		}
	}
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &f->traits);
	if (e) {
		resp_store_error(r, e);
		return -1;
	}
	size_t n = f->traits.n ? f->traits.n : 1;
	f->score = arena_allocarray(r->a, n, sizeof(char *));
	f->seen = arena_allocarray(r->a, n, sizeof(char *));
	f->e_score = arena_allocarray(r->a, n, sizeof(char *));
	f->e_seen = arena_allocarray(r->a, n, sizeof(char *));
	memset(f->score, 0, n * sizeof(char *));
	memset(f->seen, 0, n * sizeof(char *));
	memset(f->e_score, 0, n * sizeof(char *));
	memset(f->e_seen, 0, n * sizeof(char *));
	return 0;
}

static void render_form(struct request *r, const struct obs_form *f)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("New observation"), "one-on-ones");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div></div>", T("Field coaching"),
		    arena_printf(r->a, T("Observation of %s"), f->rep->name));
	if (f->notice)
		ui_notice(r, "error", f->notice);
	html_printf(o, "<section class=\"card\"><form method=\"post\" action=\"/observations?rep=%lld%-s\" class=\"form\">",
		    (long long)f->rep->id, f->cv ? arena_printf(r->a, "&amp;conversation=%lld", (long long)f->cv->id) : "");
	ui_csrf(r);
	if (f->cv)
		html_printf(o, "<p class=\"muted\">%s</p>",
			    arena_printf(r->a, T("About the conversation of %s with %s."), ui_date_text(r, f->cv->held_on),
					 f->cv->account_name ? f->cv->account_name : ""));
	const char *kl[2] = { T(kind_labels[0]), T(kind_labels[1]) };
	ui_select(r, "kind", T("How"), kind_codes, kl, 2, f->kind ? f->kind : "joint_call", f->e_kind);
	ui_input(r, "observed_on", T("On"), "date", f->on ? f->on : ui_today(r), f->e_on, " required");
	html_printf(o, "<fieldset class=\"obs-traits\"><legend>%s</legend><p class=\"muted\">%s</p>", T("What you observed"),
		    T("For each trait you saw at work: a score from 1 to 5 and what you saw. Leave the others empty."));
	if (f->e_scores)
		html_printf(o, "<p class=\"field-error\" id=\"e-scores\">%s</p>", f->e_scores);
	static const char *const sv[] = { "", "1", "2", "3", "4", "5" };
	const char *sl[6] = { T("Not scored"), "1", "2", "3", "4", "5" };
	for (size_t i = 0; i < f->traits.n; i++) {
		const struct trait *t = &f->traits.items[i];
		html_printf(o, "<div class=\"obs-trait\"><h3>%s</h3>", t->name);
		ui_select(r, arena_printf(r->a, "score_%lld", (long long)t->id), T("Score"), sv, sl, 6, f->score[i], f->e_score[i]);
		textarea(r, arena_printf(r->a, "seen_%lld", (long long)t->id), T("What you saw"), f->seen[i], f->e_seen[i]);
		html(o, "</div>");
	}
	html(o, "</fieldset>");
	textarea(r, "went_well", T("What went well"), f->went_well, f->e_went_well);
	textarea(r, "to_strengthen", T("What to strengthen"), f->to_strengthen, f->e_to_strengthen);
	textarea(r, "agreed_action", T("The agreed action"), f->agreed_action, f->e_agreed_action);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form></section>",
		    T("Save the observation"));
	ui_page_end(r);
}

void page_observation_new(struct request *r)
{
	struct obs_form f;
	if (form_load(r, req_query(r, "rep"), req_query(r, "conversation"), &f))
		return;
	render_form(r, &f);
}

static const char *opt_text(struct request *r, const char *s, const char **err)
{
	if (!s)
		return "";
	const char *msg = validate_notes(s, OBS_TEXT_MAX);
	if (msg)
		*err = T(msg);
	return s;
}

void page_observations_post(struct request *r)
{
	struct obs_form f;
	/* the rep and conversation are in the address, so the rights are
	 * checked before the body is read */
	if (form_load(r, req_query(r, "rep"), req_query(r, "conversation"), &f))
		return;
	int bad = 0;
	f.kind = req_form(r, "kind");
	if (!f.kind || (strcmp(f.kind, "joint_call") && strcmp(f.kind, "ride_along")))
		f.e_kind = T("Choose how you observed: joined a call or rode along."), bad = 1;
	f.on = req_form(r, "observed_on");
	if (!f.on || !date_valid(f.on))
		f.e_on = T("Enter a date, such as 2026-12-07."), bad = 1;
	else if (strcmp(f.on, ui_today(r)) > 0)
		f.e_on = T("An observation cannot be of a day in the future."), bad = 1;
	f.went_well = opt_text(r, req_form(r, "went_well"), &f.e_went_well);
	f.to_strengthen = opt_text(r, req_form(r, "to_strengthen"), &f.e_to_strengthen);
	f.agreed_action = opt_text(r, req_form(r, "agreed_action"), &f.e_agreed_action);
	bad |= f.e_went_well || f.e_to_strengthen || f.e_agreed_action;
	struct obs_score *scores = arena_allocarray(r->a, f.traits.n ? f.traits.n : 1, sizeof(*scores));
	size_t n = 0;
	for (size_t i = 0; i < f.traits.n; i++) {
		long long tid = (long long)f.traits.items[i].id;
		f.score[i] = req_form(r, arena_printf(r->a, "score_%lld", tid));
		f.seen[i] = opt_text(r, req_form(r, arena_printf(r->a, "seen_%lld", tid)), &f.e_seen[i]);
		int64_t sc = 0;
		if (f.score[i] && *f.score[i] && (parse_i64(f.score[i], &sc) || sc < 1 || sc > 5))
			f.e_score[i] = T("A score is a whole number from 1 to 5.");
		bad |= f.e_score[i] || f.e_seen[i];
		if (sc || *str_trim(arena_strdup(r->a, f.seen[i])))
			scores[n++] = (struct obs_score){ .trait_id = f.traits.items[i].id, .score = (int)sc, .seen = f.seen[i] };
	}
	if (!n && !bad)
		f.e_scores = T("Score or describe at least one trait you observed."), bad = 1;
	if (bad) {
		r->status = 400;
		f.notice = T("Nothing was saved. Check the fields marked below.");
		render_form(r, &f);
		return;
	}
	struct new_observation no = { f.rep->id, r->me.user_id, f.cv ? f.cv->id : 0, f.kind, f.on, f.went_well,
				      f.to_strengthen, f.agreed_action, scores, n };
	int64_t id = 0;
	enum err e = db_begin(r->db);
	if (!e)
		e = obs_create(r->db, r->me.org_id, &no, &id);
	if (!e)
		e = db_commit(r->db);
	if (e) {
		db_rollback(r->db);
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/observations/%lld", (long long)id));
}

/* -------------------------------------------------------------- one */

static struct table *scores_table(struct request *r, const struct observation *ob)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "observation-%lld", (long long)ob->id), 5);
	table_col(t, 0, T("Date"), CELL_DATE);
	table_col(t, 1, T("Trait"), CELL_TEXT);
	table_col(t, 2, T("Score"), CELL_INT);
	table_col(t, 3, T("What was seen"), CELL_TEXT);
	table_col(t, 4, T("Evidence"), CELL_TEXT);
	for (size_t i = 0; i < ob->nscores; i++) {
		const struct obs_score *s = &ob->scores[i];
		size_t row = table_row(t);
		table_date(t, row, 0, ob->observed_on);
		table_text(t, row, 1, score_trait_name(r, s));
		if (s->score)
			table_int(t, row, 2, s->score);
		table_text(t, row, 3, s->seen);
		/* TRANSLATORS: marks evidence in a trait history that comes from a field observation */
		table_text(t, row, 4, T("observed"));
	}
	return t;
}

void page_observation(struct request *r)
{
	struct observation *ob = obs_load_or_reply(r, r->id);
	if (!ob)
		return;
	struct table *t = scores_table(r, ob);
	if (export_wanted(r)) {
		export_send(r, t);
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Observation"), "one-on-ones");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s · %s · %s</p>"
		    "</div></div>", T("Field coaching"), arena_printf(r->a, T("Observation of %s"), ob->rep_name),
		    ui_date_text(r, ob->observed_on), kind_label(r, ob->kind),
		    arena_printf(r->a, T("by %s"), ob->observer_name));
	if (ob->conversation_id)
		html_printf(o, "<p class=\"muted\">%s</p>", T("About a logged conversation."));
	html_printf(o, "<section class=\"card\" id=\"scores\"><h2>%s</h2>", T("What was observed"));
	ui_table(r, t, NULL);
	ui_export_links(r);
	html(o, "</section><section class=\"card\"><dl class=\"obs-texts\">");
	html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("What went well"), *ob->went_well ? ob->went_well : "–");
	html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("What to strengthen"), *ob->to_strengthen ? ob->to_strengthen : "–");
	html_printf(o, "<dt>%s</dt><dd>%s</dd></dl></section>", T("The agreed action"),
		    *ob->agreed_action ? ob->agreed_action : "–");
	struct person rep = { ob->rep_id, r->me.org_id, ob->rep_team_id };
	if (access_recognise(&r->viewer, &rep)) {
		html_printf(o, "<section class=\"card\" id=\"recognition\"><h2>%s</h2><form method=\"post\" "
			    "action=\"/observations/%lld/recognition\" class=\"form\">", T("Recognise effort"), (long long)ob->id);
		ui_csrf(r);
		const char **kl = arena_allocarray(r->a, recognition_kind_count, sizeof(char *));
		for (size_t i = 0; i < recognition_kind_count; i++)
			kl[i] = T(recognition_kind_label(recognition_kind_codes[i]));
		ui_select(r, "r_kind", T("What you recognise"), recognition_kind_codes, kl, recognition_kind_count, "effort",
			  NULL);
		textarea(r, "r_note", T("What you saw"), NULL, NULL);
		html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form></section>",
			    T("Recognise"));
	}
	ui_page_end(r);
}

void page_observation_recognition_post(struct request *r)
{
	struct observation *ob = obs_load_or_reply(r, r->id);
	if (!ob)
		return;
	struct person rep = { ob->rep_id, r->me.org_id, ob->rep_team_id };
	if (!access_recognise(&r->viewer, &rep)) {
		resp_error(r, E_FORBIDDEN, T("Only the rep's manager gives recognition."));
		return;
	}
	struct recognition_input in = { req_form(r, "r_kind"), req_form(r, "r_note") };
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	size_t nerr = recognition_input_check(&in, errs);
	if (nerr) {
		resp_error(r, E_INVALID, arena_printf(r->a, "%s: %s", !strcmp(errs[0].field, "kind") ? "r_kind" : "r_note",
						      T(errs[0].message)));
		return;
	}
	enum err e = recognition_add(r->db, r->me.org_id, ob->rep_id, r->me.user_id, in.kind, in.note ? in.note : "",
				     "observation", ob->id, NULL);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/observations/%lld#recognition", (long long)ob->id));
}

/* -------------------------------------------------- parts of other pages */

/* the observations of the rep from..to the viewer may see (all of them for
 * the rep and the team's managers; an observer's own for a colleague) */
static int visible(struct request *r, const struct observation *ob)
{
	struct observation_ref ref = { { ob->rep_id, r->me.org_id, ob->rep_team_id }, ob->observer_id };
	return access_observation_see(&r->viewer, &ref);
}

void coaching_render_facts_observations(struct request *r, int64_t rep_id, const char *from, const char *to)
{
	struct obs_list l;
	enum err e = obs_list_rep(r->db, r->a, r->me.org_id, rep_id, from, to, &l);
	if (e || !l.n)
		return;
	struct strbuf *o = &r->out;
	html_printf(o, "<h3>%s</h3><ul class=\"obs-facts\">", T("Observations"));
	for (size_t i = 0; i < l.n; i++) {
		const struct observation *ob = &l.items[i];
		if (!visible(r, ob))
			continue;
		html_printf(o, "<li><a href=\"/observations/%lld\">%s</a> <span class=\"muted\">%s · %s</span>",
			    (long long)ob->id, ui_date_text(r, ob->observed_on), kind_label(r, ob->kind), ob->observer_name);
		if (*ob->to_strengthen)
			html_printf(o, "<br>%s: %s", T("What to strengthen"), ob->to_strengthen);
		html(o, "</li>");
	}
	html(o, "</ul>");
}

static struct table *evidence_table(struct request *r, const struct user *u, const struct obs_list *l)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "observations-%lld", (long long)u->id), 6);
	table_col(t, 0, T("Date"), CELL_DATE);
	table_col(t, 1, T("Trait"), CELL_TEXT);
	table_col(t, 2, T("Score"), CELL_INT);
	table_col(t, 3, T("What was seen"), CELL_TEXT);
	table_col(t, 4, T("Observer"), CELL_TEXT);
	table_col(t, 5, T("Evidence"), CELL_TEXT);
	for (size_t i = 0; i < l->n; i++) {
		const struct observation *ob = &l->items[i];
		if (!visible(r, ob))
			continue;
		for (size_t k = 0; k < ob->nscores; k++) {
			const struct obs_score *s = &ob->scores[k];
			size_t row = table_row(t);
			table_date(t, row, 0, ob->observed_on);
			table_text(t, row, 1, score_trait_name(r, s));
			if (s->score)
				table_int(t, row, 2, s->score);
			table_text(t, row, 3, s->seen);
			table_text(t, row, 4, ob->observer_name);
			table_text(t, row, 5, T("observed"));
		}
	}
	return t;
}

void page_observations(struct request *r)
{
	int64_t rep_id;
	const char *v = req_query(r, "rep");
	if (!v || parse_i64(v, &rep_id) || rep_id <= 0) {
		resp_error(r, E_INVALID, T("rep: choose a rep."));
		return;
	}
	struct user *u = obs_list_load_or_reply(r, rep_id);
	if (!u)
		return;
	struct obs_list l;
	enum err e = obs_list_rep(r->db, r->a, r->me.org_id, u->id, NULL, NULL, &l);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct table *t = evidence_table(r, u, &l);
	if (export_wanted(r)) {
		export_send(r, t);
		return;
	}
	ui_page_begin(r, T("Observations"), "one-on-ones");
	html_printf(&r->out, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div></div>",
		    T("Field coaching"), arena_printf(r->a, T("Observations of %s"), u->name));
	html(&r->out, "<section class=\"card\">");
	coaching_rep_observations(r, u, &l, t);
	html(&r->out, "</section>");
	ui_page_end(r);
}

/* the observations and the trait evidence from them */
void coaching_rep_observations(struct request *r, const struct user *u, const struct obs_list *l, const struct table *t)
{
	struct strbuf *o = &r->out;
	size_t shown = 0;
	html(o, "<ul class=\"obs-list\">");
	for (size_t i = 0; i < l->n; i++) {
		const struct observation *ob = &l->items[i];
		if (!visible(r, ob))
			continue;
		shown++;
		html_printf(o, "<li><a href=\"/observations/%lld\">%s</a> <span class=\"muted\">%s · %s</span></li>",
			    (long long)ob->id, ui_date_text(r, ob->observed_on), kind_label(r, ob->kind),
			    arena_printf(r->a, T("by %s"), ob->observer_name));
	}
	html(o, "</ul>");
	if (!shown) {
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("No observations yet."));
	} else {
		html_printf(o, "<h3>%s</h3>", T("Trait evidence from observations"));
		ui_table(r, t, NULL);
		html_printf(o, "<p class=\"export-links muted\">%s <a href=\"/observations?rep=%lld&amp;format=csv\" download>CSV</a>"
			    " · <a href=\"/observations?rep=%lld&amp;format=xlsx\" download>%s</a></p>", T("Download:"),
			    (long long)u->id, (long long)u->id, T("Excel"));
	}
	struct person p = { u->id, u->org_id, u->team_id };
	if (access_observation_write(&r->viewer, &p))
		html_printf(o, "<p><a class=\"button\" href=\"/observations/new?rep=%lld\">%s</a></p>", (long long)u->id,
			    T("New observation"));
}

void coaching_rep_section(struct request *r, const struct user *u)
{
	struct obs_list l;
	enum err e = obs_list_rep(r->db, r->a, r->me.org_id, u->id, NULL, NULL, &l);
	if (e)
		return;
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card rep-part\" id=\"coaching\"><div class=\"page-head\"><h2>%s</h2>"
		    "<a class=\"button\" href=\"/one-on-ones?rep=%lld\">%s</a></div>", T("Field coaching"), (long long)u->id,
		    T("One-on-ones"));
	coaching_rep_observations(r, u, &l, evidence_table(r, u, &l));
	html(o, "</section>");
}
