/*
 * page-learning: the learning log (issue 9) — what a rep learned, logged
 * in seconds on a phone, what their manager suggested, and the mandatory
 * trainings assigned to a team.
 *
 *   GET  /learning                  the caller's own log (open items first)
 *   GET  /reps/:id/learning         a rep's log, for the rep's manager
 *   GET  /learning/new[?rep=ID]     the form (one column, big taps)
 *   POST /learning[?rep=ID]         log one
 *   GET  /learning/:id              one activity: edit it, answer a
 *        suggestion, or complete a suggestion or a training ("Done")
 *   POST /learning/:id              save the edit
 *   POST /learning/:id/delete, /accept, /decline, /done
 *   GET  /learning/suggest?rep=ID   a manager suggests an activity
 *   POST /learning/suggest?rep=ID
 *   GET  /learning/assignments      mandatory trainings of the teams the
 *        manager leads, "n of m done", overdue flagged; the form to assign
 *   POST /learning/assignments
 *   GET  /learning/assignments/:id  each member: done on, open or overdue
 *
 * and the parts other pages borrow: the rep page's section (hours in the
 * last 12 months by origin, the last 5 activities) and home's "what is due".
 * Every list downloads as CSV and Excel (?format=csv / xlsx).
 *
 * Rights: access_learning_* (domain/access.c) through web/load.c's
 * learning_load_or_reply, learning_rep_load_or_reply,
 * learning_team_load_or_reply and learning_assignment_load_or_reply; input
 * rules: domain/learning.c.
 */
#include "pages.h"
#include "ui.h"
#include "load.h"
#include "export.h"
#include "../domain/learning.h"
#include "../domain/period.h"
#include "../store/learning-log.h"
#include "../store/traits.h"
#include "../store/teams.h"
#include "learningindex.h"
#include "../lib/table.h"
#include "../lib/log.h"
#include "../lib/util.h"
#include <stdio.h>
#include <string.h>

#define PAGE_SIZE 100

static const char *kind_text(struct request *r, const char *code)
{
	return T(learning_kind_label(code));
}

static const char *origin_text(struct request *r, const char *code)
{
	return T(learning_origin_label(code));
}

static const char *hours_text(struct request *r, int minutes)
{
	return li_hours_text(r, minutes);
}

static const char *status_text(struct request *r, const struct learning_row *l, const char *today)
{
	if (!strcmp(l->status, "done"))
		return arena_printf(r->a, T("done on %s"), ui_date_text(r, l->done_on));
	if (*l->due_on && learning_overdue(l->due_on, today))
		return arena_printf(r->a, T("overdue since %s"), ui_date_text(r, l->due_on));
	if (!strcmp(l->status, "suggested"))
		return T("suggested, to answer");
	if (!strcmp(l->status, "accepted"))
		return T("accepted, to do");
	if (!strcmp(l->status, "declined"))
		return T("declined");
	return *l->due_on ? arena_printf(r->a, T("open, due on %s"), ui_date_text(r, l->due_on)) : T("open");
}

static const char *trait_label(struct request *r, const char *code, const char *name, const char *sub)
{
	if (!name || !*name)
		return "";
	const char *t = trait_text(r->lang, code, name);
	return sub && *sub ? arena_printf(r->a, "%s: %s", t, sub) : t;
}

/* ------------------------------------------------------------ form parts */

struct lform {
	const struct user *rep;		/* whose activity */
	int own;			/* the caller's own log */
	struct trait_list traits;
	const char *kind, *title, *day, *done_on, *hours, *hours_pick, *trait, *origin, *learned, *will_change;
	const char *due_on, *library;
	const char *err[12];		/* by field, see ferr */
	const char *notice;
};

static const char *const fields[] = { "kind", "title", "done_on", "hours", "origin", "learned", "will_change",
				      "due_on", "trait", "library_item_id", "team", NULL };

static const char **ferr_slot(struct lform *f, const char *field)
{
	for (size_t i = 0; fields[i]; i++)
		if (!strcmp(fields[i], field))
			return &f->err[i];
	return &f->err[11];
}

static const char *ferr(const struct lform *f, const char *field)
{
	for (size_t i = 0; fields[i]; i++)
		if (!strcmp(fields[i], field))
			return f->err[i];
	return NULL;
}

static void textarea(struct request *r, const char *name, const char *label, const char *hint, const char *value,
		     const char *err)
{
	html_printf(&r->out, "<div class=\"field%-s\"><label for=\"f-%s\">%s</label>", err ? " invalid" : "", name, label);
	if (hint)
		html_printf(&r->out, "<p class=\"hint muted\">%s</p>", hint);
	html_printf(&r->out, "<textarea id=\"f-%s\" name=\"%s\" rows=\"2\" maxlength=\"%d\"%-s>%s</textarea>", name, name,
		    LEARNING_REFLECTION_MAX,
		    err ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name) : "", value ? value : "");
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, err);
	html(&r->out, "</div>");
}

static void kind_select(struct request *r, const struct lform *f)
{
	const char **labels = arena_allocarray(r->a, learning_kind_count, sizeof(char *));
	for (size_t i = 0; i < learning_kind_count; i++)
		labels[i] = kind_text(r, learning_kind_codes[i]);
	ui_select(r, "kind", T("Kind"), learning_kind_codes, labels, learning_kind_count, f->kind ? f->kind : "book",
		  ferr(f, "kind"));
}

static void trait_select(struct request *r, const struct lform *f)
{
	size_t n = 1;
	for (size_t i = 0; i < f->traits.n; i++)
		n += 1 + f->traits.items[i].nsubskills;
	const char **v = arena_allocarray(r->a, n, sizeof(char *)), **l = arena_allocarray(r->a, n, sizeof(char *));
	size_t k = 0;
	v[k] = "";
	l[k++] = T("No particular trait");
	for (size_t i = 0; i < f->traits.n; i++) {
		const struct trait *t = &f->traits.items[i];
		const char *tn = trait_text(r->lang, t->code, t->name);
		v[k] = arena_printf(r->a, "%lld", (long long)t->id);
		l[k++] = tn;
		for (size_t s = 0; s < t->nsubskills; s++) {
			v[k] = arena_printf(r->a, "%lld-%lld", (long long)t->id, (long long)t->subskills[s].id);
			l[k++] = arena_printf(r->a, "%s: %s", tn, t->subskills[s].name);
		}
	}
	ui_select(r, "trait", T("The trait or sub-skill it serves"), v, l, k, f->trait ? f->trait : "", ferr(f, "trait"));
}

/* the hours: quick picks (radio chips, sent as hours_pick) and free input */
static void hours_field(struct request *r, const struct lform *f, int optional)
{
	struct strbuf *o = &r->out;
	static const char *const picks[] = { "0.5", "1", "2", "4", "8" };
	const char *err = ferr(f, "hours");
	html_printf(o, "<fieldset class=\"field learn-hours%-s\"><legend>%s</legend><div class=\"chips\">",
		    err ? " invalid" : "", optional ? T("Hours (optional)") : T("Hours"));
	for (size_t i = 0; i < 5; i++)
		html_printf(o, "<label class=\"chip\"><input type=\"radio\" name=\"hours_pick\" value=\"%s\"%-s><span>%s</span>"
			    "</label>", picks[i], f->hours_pick && !strcmp(f->hours_pick, picks[i]) ? " checked" : "",
			    arena_printf(r->a, T("%s h"), ui_decimal_text(r, i ? (double)(1 << (i - 1)) : 0.5, i ? 0 : 1)));
	html(o, "</div>");
	html_printf(o, "<label for=\"f-hours\" class=\"muted\">%s</label><input id=\"f-hours\" name=\"hours\" type=\"text\" "
		    "inputmode=\"decimal\" placeholder=\"1.5 · 1,5 · 1:30\" value=\"%s\"%-s>",
		    T("or type the hours"), f->hours ? f->hours : "",
		    err ? " aria-invalid=\"true\" aria-describedby=\"e-hours\"" : "");
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"e-hours\">%s</p>", err);
	html(o, "</fieldset>");
}

/* the day: today (default) or yesterday as chips, or another date */
static void day_field(struct request *r, const struct lform *f)
{
	struct strbuf *o = &r->out;
	const char *err = ferr(f, "done_on");
	const char *day = f->day ? f->day : (f->done_on && *f->done_on ? "" : "today");
	html_printf(o, "<fieldset class=\"field learn-day%-s\"><legend>%s</legend><div class=\"chips\">",
		    err ? " invalid" : "", T("When"));
	html_printf(o, "<label class=\"chip\"><input type=\"radio\" name=\"day\" value=\"today\"%-s><span>%s</span></label>",
		    !strcmp(day, "today") ? " checked" : "", T("Today"));
	html_printf(o, "<label class=\"chip\"><input type=\"radio\" name=\"day\" value=\"yesterday\"%-s><span>%s</span>"
		    "</label></div>", !strcmp(day, "yesterday") ? " checked" : "", T("Yesterday"));
	html_printf(o, "<label for=\"f-done_on\" class=\"muted\">%s</label><input id=\"f-done_on\" name=\"done_on\" "
		    "type=\"date\" value=\"%s\"%-s>", T("or another day"), f->done_on ? f->done_on : "",
		    err ? " aria-invalid=\"true\" aria-describedby=\"e-done_on\"" : "");
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"e-done_on\">%s</p>", err);
	html(o, "</fieldset>");
}

static void reflection_fields(struct request *r, const struct lform *f)
{
	html_printf(&r->out, "<p class=\"muted learn-ask\">%s</p>",
		    T("A short reflection helps it stick (not required)."));
	textarea(r, "learned", T("What I learned"), NULL, f->learned, ferr(f, "learned"));
	textarea(r, "will_change", T("What I will do differently"), NULL, f->will_change, ferr(f, "will_change"));
}

/* reads the common fields of the form into f */
static void read_form(struct request *r, struct lform *f)
{
	f->kind = req_form(r, "kind");
	f->title = req_form(r, "title");
	f->day = req_form(r, "day");
	f->done_on = req_form(r, "done_on");
	f->hours = req_form(r, "hours");
	f->hours_pick = req_form(r, "hours_pick");
	f->trait = req_form(r, "trait");
	f->origin = req_form(r, "origin");
	f->learned = req_form(r, "learned");
	f->will_change = req_form(r, "will_change");
	f->due_on = req_form(r, "due_on");
	f->library = req_form(r, "library_item_id");
}

/* the day typed, else the chip chosen (today when neither) */
static const char *chosen_day(struct request *r, const struct lform *f)
{
	if (f->done_on && *f->done_on)
		return f->done_on;
	const char *today = ui_today(r);
	if (f->day && !strcmp(f->day, "yesterday")) {
		char *d = arena_alloc(r->a, 11);
		day_add(today, -1, d);
		return d;
	}
	return today;
}

static const char *chosen_hours(const struct lform *f)
{
	return f->hours && *f->hours ? f->hours : f->hours_pick;
}

/* the trait field ("", "ID" or "ID-SUB") against the organisation's active
 * framework; keep_trait/keep_sub: what the activity had (kept even when
 * retired since). 0, or -1 after setting the field's error */
static int parse_trait(struct request *r, struct lform *f, int64_t keep_trait, int64_t keep_sub, int64_t *trait_id,
		       int64_t *sub_id)
{
	*trait_id = *sub_id = 0;
	if (!f->trait || !*f->trait)
		return 0;
	long long t = 0, s = 0;
	char extra;
	int n = sscanf(f->trait, "%lld-%lld%c", &t, &s, &extra);
	if (n < 1 || n > 2 || t <= 0 || s < 0)
		goto bad;
	if (keep_trait && t == keep_trait && s == keep_sub) {
		*trait_id = t, *sub_id = s;
		return 0;
	}
	const struct trait *ft = trait_find(&f->traits, t);
	if (!ft)
		goto bad;
	if (s) {
		int found = 0;
		for (size_t i = 0; i < ft->nsubskills && !found; i++)
			found = ft->subskills[i].id == s;
		if (!found)
			goto bad;
	}
	*trait_id = t, *sub_id = s;
	return 0;
bad:
	*ferr_slot(f, "trait") = T("Choose one of the organisation's current traits or sub-skills.");
	return -1;
}

static int load_traits(struct request *r, struct lform *f)
{
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &f->traits);
	if (e) {
		resp_store_error(r, e);
		return -1;
	}
	return 0;
}

static const char *trait_value(struct request *r, int64_t trait_id, int64_t sub_id)
{
	if (!trait_id)
		return "";
	return sub_id ? arena_printf(r->a, "%lld-%lld", (long long)trait_id, (long long)sub_id)
		      : arena_printf(r->a, "%lld", (long long)trait_id);
}

static const char *rep_query(struct request *r, const struct lform *f)
{
	return f->own ? "" : arena_printf(r->a, "?rep=%lld", (long long)f->rep->id);
}

/* ------------------------------------------------------------ log one */

static void render_new(struct request *r, const struct lform *f)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Log learning"), "learning");
	html_printf(o, "<div class=\"page-head\"><div><h1>%s</h1>", T("Log learning"));
	if (!f->own)
		html_printf(o, "<p class=\"muted\">%s</p>", arena_printf(r->a, T("For %s"), f->rep->name));
	html(o, "</div></div>");
	if (f->notice)
		ui_notice(r, "error", f->notice);
	html_printf(o, "<section class=\"card learn-form\"><form method=\"post\" action=\"/learning%s\" class=\"form\">",
		    rep_query(r, f));
	ui_csrf(r);
	kind_select(r, f);
	ui_input(r, "title", T("Title"), "text", f->title, ferr(f, "title"),
		 arena_printf(r->a, " required maxlength=\"%d\" autocomplete=\"off\"", LEARNING_TITLE_MAX));
	day_field(r, f);
	hours_field(r, f, 0);
	reflection_fields(r, f);
	trait_select(r, f);
	if (!f->own) {
		const char *ol[3] = { origin_text(r, "self"), origin_text(r, "suggested"), origin_text(r, "mandatory") };
		ui_select(r, "origin", T("Who started it"), learning_origin_codes, ol, 3, f->origin ? f->origin : "suggested",
			  ferr(f, "origin"));
	}
	html_printf(o, "<div class=\"actions\"><button class=\"button primary big\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Save"));
	ui_page_end(r);
}

/* the rep of ?rep= (a manager logging for them), or the caller; NULL after answering */
static const struct user *form_rep(struct request *r, enum access_need need, int *own)
{
	const char *v = req_query(r, "rep");
	int64_t id = r->me.user_id;
	if (v && *v && (parse_i64(v, &id) || id <= 0)) {
		resp_error(r, E_INVALID, T("rep: choose a rep."));
		return NULL;
	}
	*own = id == r->me.user_id;
	return learning_rep_load_or_reply(r, id, need);
}

void page_learning_new(struct request *r)
{
	struct lform f;
	memset(&f, 0, sizeof(f));
	if (!(f.rep = form_rep(r, NEED_CHANGE, &f.own)) || load_traits(r, &f))
		return;
	render_new(r, &f);
}

/* checks a done activity's fields into f's errors and nl; 0 when all fine */
static int check_done(struct request *r, struct lform *f, int64_t keep_trait, int64_t keep_sub, struct new_learning *nl)
{
	struct learning_input in = { f->kind, f->title, chosen_day(r, f), chosen_hours(f), f->own ? NULL : f->origin,
				     f->learned, f->will_change, NULL };
	struct learning_field_error errs[LEARNING_ERRORS_MAX];
	int minutes = 0;
	size_t n = learning_check_done(&in, ui_today(r), &minutes, errs);
	if (!chosen_hours(f) || !*chosen_hours(f)) {
		/* no pick, nothing typed: say so rather than "not a number" */
		for (size_t i = 0; i < n; i++)
			if (!strcmp(errs[i].field, "hours"))
				errs[i].message = N_("Choose or type the hours.");
	}
	for (size_t i = 0; i < n; i++)
		*ferr_slot(f, errs[i].field) = T(errs[i].message);
	int bad = n > 0;
	if (parse_trait(r, f, keep_trait, keep_sub, &nl->trait_id, &nl->subskill_id))
		bad = 1;
	nl->kind = f->kind;
	nl->title = f->title ? str_trim(arena_strdup(r->a, f->title)) : "";
	nl->done_on = in.done_on;
	nl->minutes = minutes;
	nl->learned = f->learned;
	nl->will_change = f->will_change;
	return bad;
}

void page_learning_post(struct request *r)
{
	struct lform f;
	memset(&f, 0, sizeof(f));
	if (!(f.rep = form_rep(r, NEED_CHANGE, &f.own)) || load_traits(r, &f))
		return;
	read_form(r, &f);
	struct new_learning nl = { 0 };
	if (check_done(r, &f, 0, 0, &nl)) {
		r->status = 400;
		f.notice = T("Nothing was saved. Check the fields marked below.");
		render_new(r, &f);
		return;
	}
	nl.rep_id = f.rep->id;
	nl.origin = f.own ? "self" : f.origin ? f.origin : "suggested";
	nl.status = "done";
	nl.created_by = r->me.user_id;
	if (!f.own && !strcmp(nl.origin, "suggested"))
		nl.suggested_by = r->me.user_id;
	int64_t id = 0;
	enum err e = learning_add(r->db, r->me.org_id, &nl, &id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, f.own ? "/learning?saved=logged" : arena_printf(r->a, "/reps/%lld/learning?saved=logged",
									(long long)f.rep->id));
}

/* ------------------------------------------------------------ the log */

static struct table *log_table(struct request *r, const struct user *u, const struct learning_list *l)
{
	const char *today = ui_today(r);
	struct table *t = table_new(r->a, arena_printf(r->a, "learning-%lld", (long long)u->id), 11);
	table_col(t, 0, T("Date"), CELL_DATE);
	table_col(t, 1, T("Kind"), CELL_TEXT);
	table_col(t, 2, T("Title"), CELL_TEXT);
	table_col(t, 3, T("Trait"), CELL_TEXT);
	table_col(t, 4, T("Origin"), CELL_TEXT);
	table_col(t, 5, T("Status"), CELL_TEXT);
	table_col(t, 6, T("Hours"), CELL_NUM);
	table_col(t, 7, T("Due"), CELL_DATE);
	table_col(t, 8, T("Reflection"), CELL_TEXT);
	table_col(t, 9, T("What I learned"), CELL_TEXT);
	table_col(t, 10, T("What I will do differently"), CELL_TEXT);
	for (size_t i = 0; i < l->n; i++) {
		const struct learning_row *a = &l->items[i];
		size_t row = table_row(t);
		if (*a->done_on)
			table_date(t, row, 0, a->done_on);
		table_text(t, row, 1, kind_text(r, a->kind));
		table_text(t, row, 2, a->title);
		table_text(t, row, 3, trait_label(r, a->trait_code, a->trait_name, a->subskill_name));
		table_text(t, row, 4, origin_text(r, a->origin));
		table_text(t, row, 5, status_text(r, a, today));
		table_num(t, row, 6, a->minutes / 60.0);
		if (*a->due_on)
			table_date(t, row, 7, a->due_on);
		table_text(t, row, 8, learning_has_reflection(a->learned, a->will_change) ? T("yes") : T("no"));
		table_text(t, row, 9, a->learned);
		table_text(t, row, 10, a->will_change);
	}
	return t;
}

static void answer_buttons(struct request *r, const struct learning_row *a)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"learn-answer\"><form method=\"post\" action=\"/learning/%lld/accept\">", (long long)a->id);
	ui_csrf(r);
	html_printf(o, "<button class=\"button primary\" type=\"submit\">%s</button></form>", T("Accept"));
	html_printf(o, "<form method=\"post\" action=\"/learning/%lld/decline\">", (long long)a->id);
	ui_csrf(r);
	html_printf(o, "<button class=\"button\" type=\"submit\">%s</button></form></div>", T("Decline"));
}

/* one activity as a line of the list */
static void item(struct request *r, const struct learning_row *a, int own, const char *today)
{
	struct strbuf *o = &r->out;
	int overdue = strcmp(a->status, "done") && strcmp(a->status, "declined") && *a->due_on &&
		      learning_overdue(a->due_on, today);
	html_printf(o, "<li class=\"learn-item%-s\"><div class=\"learn-line\"><a href=\"/learning/%lld\"><strong>%s</strong></a>",
		    overdue ? " overdue" : "", (long long)a->id, a->title);
	html_printf(o, " <span class=\"badge learn-origin-%s\">%s</span>", a->origin, origin_text(r, a->origin));
	if (overdue)
		html_printf(o, " <span class=\"badge bad\">%s</span>", T("OVERDUE"));
	html(o, "</div>");
	html_printf(o, "<div class=\"muted\">%s · %s", kind_text(r, a->kind), status_text(r, a, today));
	if (a->minutes)
		html_printf(o, " · %s", arena_printf(r->a, T("%s h"), hours_text(r, a->minutes)));
	if (*a->trait_name)
		html_printf(o, " · %s", trait_label(r, a->trait_code, a->trait_name, a->subskill_name));
	if (!strcmp(a->status, "done"))
		html_printf(o, " · %s", learning_has_reflection(a->learned, a->will_change) ? T("with a reflection")
												  : T("no reflection yet"));
	html(o, "</div>");
	if (*a->suggested_by_name && strcmp(a->status, "done"))
		html_printf(o, "<div class=\"muted\">%s</div>", arena_printf(r->a, T("suggested by %s"), a->suggested_by_name));
	if (a->library_item_id)
		html_printf(o, "<div><a href=\"/library/%lld\">%s</a></div>", (long long)a->library_item_id,
			    *a->library_title ? a->library_title : T("The library item"));
	if (own && !strcmp(a->status, "suggested"))
		answer_buttons(r, a);
	else if (own && (!strcmp(a->status, "accepted") || !strcmp(a->status, "assigned")))
		html_printf(o, "<p><a class=\"button primary\" href=\"/learning/%lld#done\">%s</a></p>", (long long)a->id,
			    T("Done"));
	html(o, "</li>");
}

static void summary_stats(struct request *r, const struct learning_summary *s)
{
	struct strbuf *o = &r->out;
	html(o, "<div class=\"stats learn-stats\">");
	static const char *const codes[3] = { "self", "suggested", "mandatory" };
	for (int i = 0; i < 3; i++)
		html_printf(o, "<div class=\"stat\"><span class=\"stat-value\">%s</span><span class=\"stat-label\">%s</span>"
			    "<span class=\"stat-note\">%s</span></div>", hours_text(r, (int)s->minutes[i]),
			    arena_printf(r->a, T("Hours: %s"), origin_text(r, codes[i])),
			    T("done in the last 12 months"));
	html_printf(o, "<div class=\"stat\"><span class=\"stat-value\">%lld / %lld</span><span class=\"stat-label\">%s</span>"
		    "<span class=\"stat-note\">%s</span></div></div>", (long long)s->reflected, (long long)s->count,
		    T("With a reflection"), T("activities done in the last 12 months that have one"));
}

/* the first day of the 12 months the index counts (learningindex.c
 * li_window: the 12 calendar months up to and including this one), so the
 * hours here and the index's parts count the same activities */
static const char *year_ago(struct request *r)
{
	char *from = arena_alloc(r->a, 11), to[11];
	li_window(r, from, to);
	return from;
}

static void saved_notice(struct request *r)
{
	const char *s = req_query(r, "saved");
	if (!s)
		return;
	static const struct { const char *code, *text; } notices[] = {
		{ "logged", N_("The activity was logged.") },
		{ "saved", N_("The activity was saved.") },
		{ "deleted", N_("The activity was deleted.") },
		{ "accepted", N_("You accepted the suggestion. Mark it done when you have done it.") },
		{ "declined", N_("You declined the suggestion.") },
		{ "done", N_("Marked done. Well done!") },
		{ "suggested", N_("The suggestion was sent.") },
	};
	for (size_t i = 0; i < sizeof(notices) / sizeof(notices[0]); i++)
		if (!strcmp(s, notices[i].code))
			ui_notice(r, "ok", T(notices[i].text));
}

static void render_log(struct request *r, const struct user *u)
{
	int own = u->id == r->me.user_id;
	const char *today = ui_today(r);
	int offset = pager_offset(r);
	struct learning_list l, open;
	struct learning_summary s;
	enum err e;
	const char *which = req_query(r, "table");
	if (export_wanted(r) && which && !strcmp(which, "months")) {
		learning_index_months_export(r, u);
		return;
	}
	if (export_wanted(r)) {
		if ((e = learning_list_rep(r->db, r->a, r->me.org_id, u->id, NULL, LEARNING_LIST_MAX, 0, &l))) {
			resp_store_error(r, e);
			return;
		}
		export_send(r, log_table(r, u, &l));
		return;
	}
	if ((e = learning_list_open(r->db, r->a, r->me.org_id, u->id, &open)) ||
	    (e = learning_list_rep(r->db, r->a, r->me.org_id, u->id, "done", PAGE_SIZE, (size_t)offset, &l)) ||
	    (e = learning_summary_rep(r->db, r->me.org_id, u->id, year_ago(r), &s))) {
		resp_store_error(r, e);
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, own ? T("My learning") : arena_printf(r->a, T("Learning of %s"), u->name), "learning");
	html_printf(o, "<div class=\"page-head\"><div><h1>%s</h1></div>",
		    own ? T("My learning") : arena_printf(r->a, T("Learning of %s"), u->name));
	html_printf(o, "<a class=\"button primary big\" href=\"/learning/new%s\">%s</a></div>",
		    own ? "" : arena_printf(r->a, "?rep=%lld", (long long)u->id), T("Log learning"));
	saved_notice(r);
	struct person p = { u->id, u->org_id, u->team_id };
	if (!own && access_learning_suggest(&r->viewer, &p))
		html_printf(o, "<p><a class=\"button\" href=\"/learning/suggest?rep=%lld\">%s</a></p>", (long long)u->id,
			    T("Suggest an activity"));
	if (own && access_leads_any_team(&r->viewer))
		html_printf(o, "<p><a href=\"/learning/assignments\">%s</a></p>", T("Mandatory trainings of your teams"));
	if (open.n) {
		html_printf(o, "<section class=\"card\" id=\"open\"><h2>%s</h2><ul class=\"learn-list\">",
			    T("Suggested and mandatory, still open"));
		for (size_t i = 0; i < open.n; i++)
			item(r, &open.items[i], own, today);
		html(o, "</ul></section>");
	}
	html_printf(o, "<section class=\"card\" id=\"hours\"><h2>%s</h2>", T("The last 12 months"));
	summary_stats(r, &s);
	html(o, "</section>");
	learning_index_section(r, u->id);
	html_printf(o, "<section class=\"card\" id=\"log\"><h2>%s</h2>", T("Done"));
	if (!l.n) {
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("Nothing logged yet."));
	} else {
		html(o, "<ul class=\"learn-list\">");
		for (size_t i = 0; i < l.n; i++)
			item(r, &l.items[i], own, today);
		html(o, "</ul>");
		ui_pager(r, offset, PAGE_SIZE, l.n, l.total);
	}
	ui_export_links(r);
	ui_export_cut(r, l.total + (int64_t)open.n, LEARNING_LIST_MAX);
	html(o, "</section>");
	ui_page_end(r);
}

void page_learning(struct request *r)
{
	struct user *u = learning_rep_load_or_reply(r, r->me.user_id, NEED_SEE);
	if (u)
		render_log(r, u);
}

void page_rep_learning(struct request *r)
{
	struct user *u = learning_rep_load_or_reply(r, r->id, NEED_SEE);
	if (u)
		render_log(r, u);
}

/* ------------------------------------------------------------ one */

static void render_one(struct request *r, const struct learning_row *a, const struct person *rep, struct lform *f)
{
	struct strbuf *o = &r->out;
	const char *today = ui_today(r);
	struct learning_ref ref = { *rep, a->created_by, a->status, a->assignment_id };
	int may_change = access_learning_change(&r->viewer, &ref), may_answer = access_learning_answer(&r->viewer, &ref);
	int may_delete = access_learning_delete(&r->viewer, &ref);
	ui_page_begin(r, a->title, "learning");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s · %s · %s</p>"
		    "</div></div>", r->me.user_id == a->rep_id ? T("My learning") : arena_printf(r->a, T("Learning of %s"),
												      a->rep_name),
		    a->title, kind_text(r, a->kind), origin_text(r, a->origin), status_text(r, a, today));
	if (f->notice)
		ui_notice(r, "error", f->notice);
	html(o, "<section class=\"card\"><dl class=\"learn-facts\">");
	if (a->minutes)
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("Hours"), hours_text(r, a->minutes));
	if (*a->trait_name)
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("Trait"), trait_label(r, a->trait_code, a->trait_name,
										  a->subskill_name));
	if (*a->due_on)
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("Due"), ui_date_text(r, a->due_on));
	if (*a->suggested_by_name)
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("Suggested by"), a->suggested_by_name);
	if (a->library_item_id)
		html_printf(o, "<dt>%s</dt><dd><a href=\"/library/%lld\">%s</a></dd>", T("From the library"),
			    (long long)a->library_item_id, *a->library_title ? a->library_title : T("The library item"));
	html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("What I learned"), *a->learned ? a->learned : "–");
	html_printf(o, "<dt>%s</dt><dd>%s</dd></dl></section>", T("What I will do differently"),
		    *a->will_change ? a->will_change : "–");
	if (may_answer && !strcmp(a->status, "suggested")) {
		html_printf(o, "<section class=\"card\"><h2>%s</h2>", T("Will you do it?"));
		answer_buttons(r, a);
		html(o, "</section>");
	}
	if (may_answer && (!strcmp(a->status, "accepted") || !strcmp(a->status, "assigned"))) {
		html_printf(o, "<section class=\"card learn-form\" id=\"done\"><h2>%s</h2><form method=\"post\" "
			    "action=\"/learning/%lld/done\" class=\"form\">", T("Done"), (long long)a->id);
		ui_csrf(r);
		day_field(r, f);
		hours_field(r, f, 0);
		reflection_fields(r, f);
		html_printf(o, "<div class=\"actions\"><button class=\"button primary big\" type=\"submit\">%s</button></div>"
			    "</form></section>", T("Mark done"));
	}
	if (may_change && (!strcmp(a->status, "done") || !strcmp(a->status, "accepted"))) {
		html_printf(o, "<section class=\"card learn-form\" id=\"edit\"><h2>%s</h2><form method=\"post\" "
			    "action=\"/learning/%lld\" class=\"form\">", T("Change"), (long long)a->id);
		ui_csrf(r);
		kind_select(r, f);
		ui_input(r, "title", T("Title"), "text", f->title, ferr(f, "title"),
			 arena_printf(r->a, " required maxlength=\"%d\"", LEARNING_TITLE_MAX));
		if (!strcmp(a->status, "done")) {
			day_field(r, f);
			hours_field(r, f, 0);
			reflection_fields(r, f);
		}
		trait_select(r, f);
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
			    "</form></section>", T("Save"));
	}
	if (may_delete) {
		html_printf(o, "<section class=\"card\"><form method=\"post\" action=\"/learning/%lld/delete\" "
			    "data-confirm=\"%s\">", (long long)a->id, T("Delete this activity?"));
		ui_csrf(r);
		html_printf(o, "<button class=\"button danger\" type=\"submit\">%s</button></form></section>", T("Delete"));
	}
	html_printf(o, "<p><a href=\"%s\">%s</a></p>", r->me.user_id == a->rep_id ? "/learning"
		    : arena_printf(r->a, "/reps/%lld/learning", (long long)a->rep_id), T("Back to the log"));
	ui_page_end(r);
}

static void form_from(struct request *r, struct lform *f, const struct learning_row *a)
{
	f->kind = a->kind;
	f->title = a->title;
	f->done_on = *a->done_on ? a->done_on : NULL;
	f->day = *a->done_on ? "" : "today";
	f->hours = a->minutes ? hours_text(r, a->minutes) : NULL;
	f->trait = trait_value(r, a->trait_id, a->subskill_id);
	f->learned = a->learned;
	f->will_change = a->will_change;
}

void page_learning_one(struct request *r)
{
	struct person rep;
	struct learning_row *a = learning_load_or_reply(r, r->id, NEED_SEE, &rep);
	struct lform f;
	memset(&f, 0, sizeof(f));
	if (!a || load_traits(r, &f))
		return;
	form_from(r, &f, a);
	render_one(r, a, &rep, &f);
}

static const char *back_to(struct request *r, const struct learning_row *a, const char *code)
{
	return a->rep_id == r->me.user_id ? arena_printf(r->a, "/learning?saved=%s", code)
	       : arena_printf(r->a, "/reps/%lld/learning?saved=%s", (long long)a->rep_id, code);
}

void page_learning_one_post(struct request *r)
{
	struct person rep;
	struct learning_row *a = learning_load_or_reply(r, r->id, NEED_CHANGE, &rep);
	struct lform f;
	memset(&f, 0, sizeof(f));
	if (!a || load_traits(r, &f))
		return;
	f.own = a->rep_id == r->me.user_id;
	read_form(r, &f);
	struct new_learning nl = { 0 };
	int bad;
	if (!strcmp(a->status, "done")) {
		f.origin = NULL;
		bad = check_done(r, &f, a->trait_id, a->subskill_id, &nl);
	} else {
		/* a plan not done yet: what and which trait, no day or hours */
		struct learning_input in = { f.kind, f.title, NULL, NULL, NULL, NULL, NULL, NULL };
		struct learning_field_error errs[LEARNING_ERRORS_MAX];
		int minutes;
		size_t n = learning_check_planned(&in, ui_today(r), 0, &minutes, errs);
		for (size_t i = 0; i < n; i++)
			*ferr_slot(&f, errs[i].field) = T(errs[i].message);
		bad = n > 0;
		if (parse_trait(r, &f, a->trait_id, a->subskill_id, &nl.trait_id, &nl.subskill_id))
			bad = 1;
		nl.kind = f.kind;
		nl.title = f.title ? str_trim(arena_strdup(r->a, f.title)) : "";
		nl.done_on = NULL;
		nl.minutes = a->minutes;
		nl.learned = a->learned;
		nl.will_change = a->will_change;
	}
	if (bad) {
		r->status = 400;
		f.notice = T("Nothing was saved. Check the fields marked below.");
		render_one(r, a, &rep, &f);
		return;
	}
	nl.origin = a->origin;
	enum err e = learning_update(r->db, r->me.org_id, a->id, &nl);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back_to(r, a, "saved"));
}

void page_learning_delete_post(struct request *r)
{
	struct learning_row *a = learning_load_or_reply(r, r->id, NEED_ADMINISTER, NULL);
	if (!a)
		return;
	enum err e = learning_delete(r->db, r->me.org_id, a->id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back_to(r, a, "deleted"));
}

static void answer(struct request *r, const char *status)
{
	struct learning_row *a = learning_load_or_reply(r, r->id, NEED_CLOSE, NULL);
	if (!a)
		return;
	enum err e = learning_answer(r->db, r->me.org_id, a->id, status);
	if (e == E_CONFLICT) {
		resp_error(r, E_CONFLICT, T("This suggestion was answered already."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back_to(r, a, status));
}

void page_learning_accept_post(struct request *r)
{
	answer(r, "accepted");
}

void page_learning_decline_post(struct request *r)
{
	answer(r, "declined");
}

void page_learning_done_post(struct request *r)
{
	struct person rep;
	struct learning_row *a = learning_load_or_reply(r, r->id, NEED_CLOSE, &rep);
	struct lform f;
	memset(&f, 0, sizeof(f));
	if (!a || load_traits(r, &f))
		return;
	if (strcmp(a->status, "accepted") && strcmp(a->status, "assigned")) {
		resp_error(r, E_CONFLICT, T("Only an accepted suggestion or an open mandatory training is marked done."));
		return;
	}
	f.own = 1;
	read_form(r, &f);
	/* kind and title are the activity's own */
	f.kind = a->kind;
	f.title = a->title;
	f.trait = trait_value(r, a->trait_id, a->subskill_id);
	struct new_learning nl = { 0 };
	if (check_done(r, &f, a->trait_id, a->subskill_id, &nl)) {
		r->status = 400;
		f.notice = T("Nothing was saved. Check the fields marked below.");
		render_one(r, a, &rep, &f);
		return;
	}
	enum err e = learning_complete(r->db, r->me.org_id, a->id, nl.done_on, nl.minutes, nl.learned, nl.will_change);
	if (e == E_CONFLICT) {
		resp_error(r, E_CONFLICT, T("Only an accepted suggestion or an open mandatory training is marked done."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back_to(r, a, "done"));
}

/* ------------------------------------------------------------ suggest */

static void render_suggest(struct request *r, const struct lform *f)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Suggest an activity"), "learning");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div></div>",
		    arena_printf(r->a, T("Learning of %s"), f->rep->name), T("Suggest an activity"));
	if (f->notice)
		ui_notice(r, "error", f->notice);
	html_printf(o, "<section class=\"card learn-form\"><form method=\"post\" action=\"/learning/suggest?rep=%lld\" "
		    "class=\"form\">", (long long)f->rep->id);
	ui_csrf(r);
	kind_select(r, f);
	ui_input(r, "title", T("Title"), "text", f->title, ferr(f, "title"),
		 arena_printf(r->a, " required maxlength=\"%d\"", LEARNING_TITLE_MAX));
	trait_select(r, f);
	ui_input(r, "due_on", T("Due (optional)"), "date", f->due_on, ferr(f, "due_on"), NULL);
	hours_field(r, f, 1);
	ui_input(r, "library_item_id", T("Library item number (optional)"), "text", f->library, ferr(f, "library_item_id"),
		 " inputmode=\"numeric\"");
	html_printf(o, "<div class=\"actions\"><button class=\"button primary big\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Suggest"));
	ui_page_end(r);
}

static const struct user *suggest_rep(struct request *r)
{
	const char *v = req_query(r, "rep");
	int64_t id;
	if (!v || parse_i64(v, &id) || id <= 0) {
		resp_error(r, E_INVALID, T("rep: choose a rep."));
		return NULL;
	}
	return learning_rep_load_or_reply(r, id, NEED_REASSIGN);
}

void page_learning_suggest(struct request *r)
{
	struct lform f;
	memset(&f, 0, sizeof(f));
	if (!(f.rep = suggest_rep(r)) || load_traits(r, &f))
		return;
	render_suggest(r, &f);
}

void page_learning_suggest_post(struct request *r)
{
	struct lform f;
	memset(&f, 0, sizeof(f));
	if (!(f.rep = suggest_rep(r)) || load_traits(r, &f))
		return;
	read_form(r, &f);
	struct learning_input in = { f.kind, f.title, NULL, chosen_hours(&f), NULL, NULL, NULL, f.due_on };
	struct learning_field_error errs[LEARNING_ERRORS_MAX];
	int minutes = 0;
	size_t n = learning_check_planned(&in, ui_today(r), 0, &minutes, errs);
	for (size_t i = 0; i < n; i++)
		*ferr_slot(&f, errs[i].field) = T(errs[i].message);
	int bad = n > 0;
	struct new_learning nl = { 0 };
	if (parse_trait(r, &f, 0, 0, &nl.trait_id, &nl.subskill_id))
		bad = 1;
	int64_t item = 0;
	if (f.library && *f.library) {
		const char *title = NULL;
		enum err e = E_NOTFOUND;
		if (!parse_i64(f.library, &item) && item > 0)
			e = learning_library_title(r->db, r->a, r->me.org_id, item, &title);
		if (e == E_NOTFOUND)
			*ferr_slot(&f, "library_item_id") = T("There is no such item in the library."), bad = 1;
		else if (e) {
			resp_store_error(r, e);
			return;
		}
	}
	if (bad) {
		r->status = 400;
		f.notice = T("Nothing was saved. Check the fields marked below.");
		render_suggest(r, &f);
		return;
	}
	nl.rep_id = f.rep->id;
	nl.kind = f.kind;
	nl.title = str_trim(arena_strdup(r->a, f.title));
	nl.origin = "suggested";
	nl.status = "suggested";
	nl.due_on = f.due_on && *f.due_on ? f.due_on : NULL;
	nl.minutes = minutes;
	nl.suggested_by = r->me.user_id;
	nl.library_item_id = item;
	nl.created_by = r->me.user_id;
	enum err e = learning_add(r->db, r->me.org_id, &nl, NULL);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/reps/%lld/learning?saved=suggested", (long long)f.rep->id));
}

/* ------------------------------------------------------------ assignments */

static struct table *assignments_table(struct request *r, const struct assignment_list *l)
{
	struct table *t = table_new(r->a, "mandatory-trainings", 8);
	table_col(t, 0, T("Due"), CELL_DATE);
	table_col(t, 1, T("Team"), CELL_TEXT);
	table_col(t, 2, T("Title"), CELL_TEXT);
	table_col(t, 3, T("Kind"), CELL_TEXT);
	table_col(t, 4, T("Hours"), CELL_NUM);
	table_col(t, 5, T("Members"), CELL_INT);
	table_col(t, 6, T("Done"), CELL_INT);
	table_col(t, 7, T("Overdue"), CELL_INT);
	for (size_t i = 0; i < l->n; i++) {
		const struct learning_assignment *a = &l->items[i];
		size_t row = table_row(t);
		table_date(t, row, 0, a->due_on);
		table_text(t, row, 1, a->team_name);
		table_text(t, row, 2, a->title);
		table_text(t, row, 3, kind_text(r, a->kind));
		table_num(t, row, 4, a->minutes / 60.0);
		table_int(t, row, 5, a->members);
		table_int(t, row, 6, a->done);
		table_int(t, row, 7, a->overdue);
	}
	return t;
}

struct aform {
	struct lform f;
	const char *team;
};

static void render_assignments(struct request *r, const struct assignment_list *l, const struct team_list *teams,
			       struct aform *af)
{
	struct strbuf *o = &r->out;
	struct lform *f = &af->f;
	ui_page_begin(r, T("Mandatory trainings"), "learning");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div></div>", T("Learning"),
		    T("Mandatory trainings"));
	if (f->notice)
		ui_notice(r, "error", f->notice);
	const char *s = req_query(r, "saved");
	if (s && !strcmp(s, "assigned"))
		ui_notice(r, "ok", T("The training was assigned to every member of the team."));
	int64_t overdue = 0;
	for (size_t i = 0; i < l->n; i++)
		overdue += l->items[i].overdue;
	html_printf(o, "<section class=\"card\" id=\"assignments\"><h2>%s</h2>", T("Assigned to your teams"));
	if (overdue)
		html_printf(o, "<p class=\"learn-overdue\">%s</p>",
			    arena_printf(r->a, trn(r->lang, "%lld member is overdue.", "%lld members are overdue.", (long)overdue),
					 (long long)overdue));
	if (!l->n) {
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("No mandatory trainings yet."));
	} else {
		html_printf(o, "<ul class=\"learn-list\">");
		for (size_t i = 0; i < l->n; i++) {
			const struct learning_assignment *a = &l->items[i];
			html_printf(o, "<li class=\"learn-item%-s\"><div class=\"learn-line\"><a href=\"/learning/assignments/%lld\">"
				    "<strong>%s</strong></a> <span class=\"muted\">%s</span></div>", a->overdue ? " overdue" : "",
				    (long long)a->id, a->title, a->team_name);
			html_printf(o, "<div>%s · %s", arena_printf(r->a, T("due on %s"), ui_date_text(r, a->due_on)),
				    arena_printf(r->a, T("%lld of %lld done"), (long long)a->done, (long long)a->members));
			if (a->overdue)
				html_printf(o, " · <span class=\"badge bad\">%s</span>",
					    arena_printf(r->a, T("%lld overdue"), (long long)a->overdue));
			html(o, "</div></li>");
		}
		html(o, "</ul>");
	}
	ui_export_links(r);
	html(o, "</section>");
	if (teams->n) {
		html_printf(o, "<section class=\"card learn-form\" id=\"assign\"><h2>%s</h2><p class=\"muted\">%s</p>"
			    "<form method=\"post\" action=\"/learning/assignments\" class=\"form\">", T("Assign a training"),
			    T("Every current member of the team gets it, with the due date."));
		ui_csrf(r);
		const char **tv = arena_allocarray(r->a, teams->n, sizeof(char *)), **tl = arena_allocarray(r->a, teams->n,
													       sizeof(char *));
		for (size_t i = 0; i < teams->n; i++) {
			tv[i] = arena_printf(r->a, "%lld", (long long)teams->items[i].id);
			tl[i] = teams->items[i].name;
		}
		ui_select(r, "team", T("Team"), tv, tl, teams->n, af->team, ferr(f, "team"));
		kind_select(r, f);
		ui_input(r, "title", T("Title"), "text", f->title, ferr(f, "title"),
			 arena_printf(r->a, " required maxlength=\"%d\"", LEARNING_TITLE_MAX));
		trait_select(r, f);
		hours_field(r, f, 1);
		ui_input(r, "due_on", T("Due"), "date", f->due_on, ferr(f, "due_on"), " required");
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
			    "</form></section>", T("Assign"));
	}
	ui_page_end(r);
}

/* the teams the caller leads */
static int led_teams(struct request *r, struct team_list *out)
{
	struct team_list all;
	enum err e = team_list_org(r->db, r->a, r->me.org_id, &all);
	if (e) {
		resp_store_error(r, e);
		return -1;
	}
	out->n = 0;
	out->items = arena_allocarray(r->a, all.n ? all.n : 1, sizeof(*out->items));
	for (size_t i = 0; i < all.n; i++)
		if (access_learning_assign(&r->viewer, r->me.org_id, all.items[i].id))
			out->items[out->n++] = all.items[i];
	return 0;
}

static int load_assignments(struct request *r, struct team_list *teams, struct assignment_list *l)
{
	if (led_teams(r, teams))
		return -1;
	int64_t *ids = arena_allocarray(r->a, teams->n ? teams->n : 1, sizeof(int64_t));
	for (size_t i = 0; i < teams->n; i++)
		ids[i] = teams->items[i].id;
	enum err e = learning_assignment_list(r->db, r->a, r->me.org_id, ids, teams->n, ui_today(r), l);
	if (e) {
		resp_store_error(r, e);
		return -1;
	}
	return 0;
}

void page_learning_assignments(struct request *r)
{
	struct team_list teams;
	struct assignment_list l;
	if (load_assignments(r, &teams, &l))
		return;
	if (export_wanted(r)) {
		export_send(r, assignments_table(r, &l));
		return;
	}
	struct aform af;
	memset(&af, 0, sizeof(af));
	if (load_traits(r, &af.f))
		return;
	af.f.kind = "training_day";
	render_assignments(r, &l, &teams, &af);
}

void page_learning_assignments_post(struct request *r)
{
	struct aform af;
	memset(&af, 0, sizeof(af));
	/* the team is the right to check: before anything else is read */
	af.team = req_form(r, "team");
	int64_t team_id;
	if (!af.team || parse_i64(af.team, &team_id) || team_id <= 0) {
		resp_error(r, E_INVALID, T("team: choose one of the teams you lead."));
		return;
	}
	if (!learning_team_load_or_reply(r, team_id) || load_traits(r, &af.f))
		return;
	struct lform *f = &af.f;
	read_form(r, f);
	struct learning_input in = { f->kind, f->title, NULL, chosen_hours(f), NULL, NULL, NULL, f->due_on };
	struct learning_field_error errs[LEARNING_ERRORS_MAX];
	int minutes = 0;
	size_t n = learning_check_planned(&in, ui_today(r), 1, &minutes, errs);
	for (size_t i = 0; i < n; i++)
		*ferr_slot(f, errs[i].field) = T(errs[i].message);
	int bad = n > 0;
	struct new_assignment na = { .team_id = team_id, .kind = f->kind, .due_on = f->due_on, .minutes = minutes,
				     .assigned_by = r->me.user_id };
	if (parse_trait(r, f, 0, 0, &na.trait_id, &na.subskill_id))
		bad = 1;
	if (bad) {
		struct team_list teams;
		struct assignment_list l;
		if (load_assignments(r, &teams, &l))
			return;
		r->status = 400;
		f->notice = T("Nothing was saved. Check the fields marked below.");
		render_assignments(r, &l, &teams, &af);
		return;
	}
	na.title = str_trim(arena_strdup(r->a, f->title));
	int64_t id = 0;
	enum err e = db_begin(r->db);
	if (!e)
		e = learning_assign(r->db, r->me.org_id, &na, &id, NULL);
	if (!e)
		e = db_commit(r->db);
	if (e) {
		db_rollback(r->db);
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/learning/assignments/%lld", (long long)id));
}

static struct table *members_table(struct request *r, const struct learning_assignment *a, const struct learning_list *l)
{
	const char *today = ui_today(r);
	struct table *t = table_new(r->a, arena_printf(r->a, "mandatory-training-%lld", (long long)a->id), 4);
	table_col(t, 0, T("Member"), CELL_TEXT);
	table_col(t, 1, T("Status"), CELL_TEXT);
	table_col(t, 2, T("Done on"), CELL_DATE);
	table_col(t, 3, T("Hours"), CELL_NUM);
	for (size_t i = 0; i < l->n; i++) {
		const struct learning_row *m = &l->items[i];
		size_t row = table_row(t);
		int done = !strcmp(m->status, "done");
		table_text(t, row, 0, m->rep_name);
		table_text(t, row, 1, done ? T("done") : learning_overdue(m->due_on, today) ? T("overdue") : T("open"));
		if (done) {
			table_date(t, row, 2, m->done_on);
			table_num(t, row, 3, m->minutes / 60.0);
		}
	}
	return t;
}

void page_learning_assignment(struct request *r)
{
	struct learning_assignment *a = learning_assignment_load_or_reply(r, r->id);
	if (!a)
		return;
	struct learning_list l;
	enum err e = learning_assignment_members(r->db, r->a, r->me.org_id, a->id, &l);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct table *t = members_table(r, a, &l);
	if (export_wanted(r)) {
		export_send(r, t);
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, a->title, "learning");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s · %s · %s</p>"
		    "</div></div>", T("Mandatory training"), a->title, a->team_name, kind_text(r, a->kind),
		    arena_printf(r->a, T("due on %s"), ui_date_text(r, a->due_on)));
	html_printf(o, "<section class=\"card\"><p><strong>%s</strong>",
		    arena_printf(r->a, T("%lld of %lld done"), (long long)a->done, (long long)a->members));
	if (a->overdue)
		html_printf(o, " · <span class=\"badge bad\">%s</span>",
			    arena_printf(r->a, T("%lld overdue"), (long long)a->overdue));
	html(o, "</p>");
	ui_table(r, t, NULL);
	ui_export_links(r);
	html_printf(o, "</section><p><a href=\"/learning/assignments\">%s</a></p>", T("All mandatory trainings"));
	ui_page_end(r);
}

/* ------------------------------------------------------------ other pages */

void learning_rep_section(struct request *r, const struct user *u)
{
	struct person p = { u->id, u->org_id, u->team_id };
	if (!access_learning_see(&r->viewer, &p))
		return;
	struct learning_summary s;
	struct learning_list l;
	enum err e;
	if ((e = learning_summary_rep(r->db, r->me.org_id, u->id, year_ago(r), &s)) ||
	    (e = learning_list_rep(r->db, r->a, r->me.org_id, u->id, "done", 5, 0, &l))) {
		log_error("rep page: learning: %s", err_name(e));
		return;
	}
	struct strbuf *o = &r->out;
	const char *href = u->id == r->me.user_id ? "/learning" : arena_printf(r->a, "/reps/%lld/learning", (long long)u->id);
	html_printf(o, "<section class=\"card rep-part\" id=\"learning\"><div class=\"page-head\"><h2>%s</h2>"
		    "<a class=\"button\" href=\"%s\">%s</a></div>", T("Learning"), href, T("The learning log"));
	summary_stats(r, &s);
	if (!l.n) {
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("Nothing logged yet."));
	} else {
		html_printf(o, "<h3>%s</h3><ul class=\"learn-list\">", T("The last 5 activities"));
		const char *today = ui_today(r);
		for (size_t i = 0; i < l.n; i++)
			item(r, &l.items[i], 0, today);
		html(o, "</ul>");
	}
	html(o, "</section>");
}

void learning_home_due(struct request *r)
{
	struct strbuf *o = &r->out;
	const char *today = ui_today(r);
	struct learning_list open;
	enum err e = learning_list_open(r->db, r->a, r->me.org_id, r->me.user_id, &open);
	if (e) {
		log_error("home: learning: %s", err_name(e));
		return;
	}
	int64_t team_overdue = 0;
	int leads = access_leads_any_team(&r->viewer);
	if (leads && (e = learning_team_overdue(r->db, r->me.org_id, r->viewer.led_teams, r->viewer.nled, today,
						 &team_overdue))) {
		log_error("home: learning: %s", err_name(e));
		return;
	}
	html_printf(o, "<section class=\"card\" id=\"due-learning\"><div class=\"page-head\"><h2>%s</h2>"
		    "<a class=\"button primary big\" href=\"/learning/new\">%s</a></div>", T("Learning"), T("Log learning"));
	if (open.n) {
		html(o, "<ul class=\"learn-list\">");
		for (size_t i = 0; i < open.n && i < 10; i++)
			item(r, &open.items[i], 1, today);
		html(o, "</ul>");
	}
	if (team_overdue)
		html_printf(o, "<p><a class=\"learn-overdue\" href=\"/learning/assignments\">%s</a></p>",
			    arena_printf(r->a, trn(r->lang, "Your teams: %lld mandatory training is overdue.",
						   "Your teams: %lld mandatory trainings are overdue.", (long)team_overdue),
					 (long long)team_overdue));
	html(o, "</section>");
}
