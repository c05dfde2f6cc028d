/*
 * page-meetings: a team's sales meetings with a practice case or a piece of
 * theory on every agenda, and the case library they draw on (issue 9).
 *
 *   GET  /meetings[?team=ID]     the team's upcoming and past meetings: day,
 *                                title, status, the case or theory on the
 *                                agenda, attendance "7 of 9"; a meeting held
 *                                without a case or theory is flagged, and
 *                                counted at the top ("1 of 24 ...")
 *   GET  /meetings/new           the form (team, day, start, length, title)
 *   POST /meetings               creates one
 *   GET  /meetings/:id           the agenda (topics, a case picked from the
 *                                library, theory; who presents each; add,
 *                                remove, move), notes, attendance, "Mark as
 *                                prepared" (refused without a case or theory)
 *                                and "Mark as held"
 *   POST /meetings/:id/items, /items/:item_id/delete, /items/:item_id/move,
 *        /notes, /prepared, /held, /attendance
 *   GET  /cases, /cases/:id      the case library, in rotation order
 *   POST /cases, /cases/:id, /cases/:id/retire
 *
 * Rights: access_meeting_* and access_case_* (domain/access.c) through
 * web/load.c; the rules (prepared, flagged, rotation) are domain/meetings.c's.
 * Marking held saves attendance, and each member present gets one mandatory
 * learning activity in the same transaction (store/meetings.c).
 * Also the meetings' parts of the home page, the rep page and the calendar feed.
 */
#include "pages.h"
#include "ui.h"
#include "load.h"
#include "export.h"
#include "meetingsui.h"
#include "../domain/meetings.h"
#include "../domain/period.h"
#include "../domain/validate.h"
#include "../store/meetings.h"
#include "../store/teams.h"
#include "../store/traits.h"
#include "../lib/ical.h"
#include "../lib/log.h"
#include "../lib/table.h"
#include "../lib/util.h"
#include <string.h>

/* ---------------------------------------------------------------- helpers */

static const char *status_text(struct request *r, const char *status)
{
	return T(meeting_status_label(status));
}

static const char *status_badge(const char *status)
{
	return !strcmp(status, "held") ? "badge ok" : !strcmp(status, "prepared") ? "badge" : "badge warn";
}

static int flagged(const struct meeting *m)
{
	return meeting_held_without(m->status, (size_t)m->cases, (size_t)m->theories);
}

static const char *attendance_text(struct request *r, const struct meeting *m)
{
	if (!strcmp(m->status, "held") || m->recorded)
		return arena_printf(r->a, T("%lld of %lld"), (long long)m->present, (long long)m->recorded);
	return "–";
}

static void textarea(struct request *r, const char *name, const char *label, const char *value, const char *err,
		     int rows)
{
	html_printf(&r->out, "<div class=\"field%-s\"><label for=\"f-%s\">%s</label><textarea id=\"f-%s\" name=\"%s\" "
		    "rows=\"%d\"%-s>%s</textarea>", err ? " invalid" : "", name, label, name, name, rows,
		    err ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name) : "", value ? value : "");
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, err);
	html(&r->out, "</div>");
}

/* the teams whose meetings the viewer may see, by name */
static int visible_teams(struct request *r, struct team_list *out)
{
	struct team_list all;
	enum err e = team_list_org(r->db, r->a, r->me.org_id, &all);
	if (e)
		return resp_store_error(r, e), -1;
	out->items = arena_allocarray(r->a, all.n + 1, sizeof(*out->items));
	out->n = 0;
	for (size_t i = 0; i < all.n; i++)
		if (access_meeting_see(&r->viewer, r->me.org_id, all.items[i].id))
			out->items[out->n++] = all.items[i];
	return 0;
}

/* the teams whose meetings the viewer runs */
static size_t managed_teams(struct request *r, const struct team_list *vis, const char **values, const char **labels)
{
	size_t n = 0;
	for (size_t i = 0; i < vis->n; i++)
		if (access_meeting_manage(&r->viewer, r->me.org_id, vis->items[i].id)) {
			values[n] = arena_printf(r->a, "%lld", (long long)vis->items[i].id);
			labels[n++] = vis->items[i].name;
		}
	return n;
}

/* the team the list shows: ?team=, else the viewer's own, else the first
 * they lead, else the first they see; NULL after answering */
static const struct team *chosen_team(struct request *r, const struct team_list *vis)
{
	const char *q = req_query(r, "team");
	if (q && *q) {
		int64_t id;
		if (parse_i64(q, &id) || id <= 0) {
			resp_error(r, E_INVALID, T("team: choose a team."));
			return NULL;
		}
		struct team *t = team_load_or_reply(r, id, NEED_SEE);
		if (!t)
			return NULL;
		if (!access_meeting_see(&r->viewer, r->me.org_id, t->id)) {
			resp_error(r, E_FORBIDDEN, T("A team's sales meetings are seen by its members and its manager."));
			return NULL;
		}
		return t;
	}
	for (size_t i = 0; i < vis->n; i++)
		if (vis->items[i].id == r->viewer.team_id)
			return &vis->items[i];
	for (size_t i = 0; i < vis->n; i++)
		if (access_leads_team(&r->viewer, vis->items[i].id))
			return &vis->items[i];
	return vis->n ? &vis->items[0] : NULL;
}

/* ---------------------------------------------------------------- the list */

static struct table *meetings_table(struct request *r, const struct team *t, const struct meeting_list *l)
{
	struct table *tb = table_new(r->a, arena_printf(r->a, "sales-meetings-%lld", (long long)t->id), 10);
	table_col(tb, 0, T("Date"), CELL_DATE);
	table_col(tb, 1, T("Start"), CELL_TEXT);
	table_col(tb, 2, T("Length (minutes)"), CELL_INT);
	table_col(tb, 3, T("Title"), CELL_TEXT);
	table_col(tb, 4, T("Status"), CELL_TEXT);
	table_col(tb, 5, T("Case or theory on the agenda"), CELL_TEXT);
	table_col(tb, 6, T("Present"), CELL_INT);
	table_col(tb, 7, T("On the attendance list"), CELL_INT);
	table_col(tb, 8, T("Held without a case or theory"), CELL_TEXT);
	table_col(tb, 9, T("Team"), CELL_TEXT);
	for (size_t i = 0; i < l->n; i++) {
		const struct meeting *m = &l->items[i];
		size_t row = table_row(tb);
		table_date(tb, row, 0, m->held_on);
		table_text(tb, row, 1, m->starts_at);
		table_int(tb, row, 2, m->minutes);
		table_text(tb, row, 3, m->title);
		table_text(tb, row, 4, status_text(r, m->status));
		table_text(tb, row, 5, m->agenda_title);
		table_int(tb, row, 6, m->present);
		table_int(tb, row, 7, m->recorded);
		table_text(tb, row, 8, flagged(m) ? T("yes") : "");
		table_text(tb, row, 9, m->team_name);
	}
	return tb;
}

static void meeting_rows(struct request *r, const struct meeting_list *l, int past)
{
	struct strbuf *o = &r->out;
	const char *today = ui_today(r);
	size_t shown = 0;
	/* upcoming: the next first; past: the latest first */
	for (size_t k = 0; k < l->n; k++) {
		const struct meeting *m = &l->items[past ? l->n - 1 - k : k];
		int is_past = !strcmp(m->status, "held") || strcmp(m->held_on, today) < 0;
		if (is_past != past)
			continue;
		if (!shown++)
			html_printf(o, "<div class=\"table-wrap\"><table class=\"mt-list\"><thead><tr><th scope=\"col\">%s</th>"
				    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
				    "<th scope=\"col\">%s</th></tr></thead><tbody>", T("Date"), T("Meeting"), T("Status"),
				    T("Case or theory on the agenda"), T("Attendance"));
		int flag = flagged(m);
		html_printf(o, "<tr%-s><td data-label=\"%s\">", flag ? " class=\"mt-flagged\"" : "", T("Date"));
		ui_date(r, m->held_on);
		html_printf(o, " <span class=\"muted\">%s</span></td><td data-label=\"%s\"><a href=\"/meetings/%lld\">%s</a></td>"
			    "<td data-label=\"%s\"><span class=\"%-s\">%s</span></td><td data-label=\"%s\">", m->starts_at,
			    T("Meeting"), (long long)m->id, *m->title ? m->title : T("Sales meeting"), T("Status"),
			    status_badge(m->status), status_text(r, m->status), T("Case or theory on the agenda"));
		if (*m->agenda_title)
			html_txt(o, m->agenda_title);
		else if (flag)
			html_printf(o, "<span class=\"badge bad mt-flag\">%s</span>", T("Held without a case or theory"));
		else
			html_printf(o, "<span class=\"muted\">%s</span>", T("None yet"));
		html_printf(o, "</td><td data-label=\"%s\">%s</td></tr>", T("Attendance"), attendance_text(r, m));
	}
	if (shown)
		html(o, "</tbody></table></div>");
	else
		html_printf(o, "<p class=\"empty muted\">%s</p>", past ? T("No meetings held yet.") : T("No meetings planned."));
}

void page_meetings(struct request *r)
{
	struct team_list vis;
	if (visible_teams(r, &vis))
		return;
	const struct team *t = chosen_team(r, &vis);
	if (!t && r->status >= 400)
		return;
	struct meeting_list l = { 0 };
	char from[11];
	day_add(ui_today(r), -366, from);
	if (t) {
		enum err e = meeting_list(r->db, r->a, r->me.org_id, t->id, from, MEETINGS_LIST_MAX, 0, &l, NULL);
		if (e) {
			resp_store_error(r, e);
			return;
		}
		if (export_wanted(r)) {
			export_send(r, meetings_table(r, t, &l));
			return;
		}
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Sales meetings"), "meetings");
	html_printf(o, "<div class=\"page-head mt-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s</p></div>",
		    T("Learn"), t ? arena_printf(r->a, T("Sales meetings of %s"), t->name) : T("Sales meetings"),
		    T("Every sales meeting has a practice case or a piece of theory on its agenda."));
	if (t && access_meeting_manage(&r->viewer, r->me.org_id, t->id))
		html_printf(o, "<a class=\"button primary\" href=\"/meetings/new?team=%lld\">%s</a>", (long long)t->id,
			    T("New meeting"));
	html(o, "</div>");
	if (!t) {
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("You are in no team, so there are no sales meetings for you."));
		ui_page_end(r);
		return;
	}
	if (vis.n > 1) {
		const char **values = arena_allocarray(r->a, vis.n, sizeof(char *));
		const char **labels = arena_allocarray(r->a, vis.n, sizeof(char *));
		for (size_t i = 0; i < vis.n; i++) {
			values[i] = arena_printf(r->a, "%lld", (long long)vis.items[i].id);
			labels[i] = vis.items[i].name;
		}
		html(o, "<section class=\"card\"><form method=\"get\" action=\"/meetings\" class=\"form inline\">");
		ui_select(r, "team", T("Team"), values, labels, vis.n, arena_printf(r->a, "%lld", (long long)t->id), NULL);
		html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form></section>",
			    T("Show"));
	}
	/* the article's rule, counted: held this calendar year, and how many without */
	const char *year = ui_today(r);
	long long held = 0, without = 0;
	for (size_t i = 0; i < l.n; i++)
		if (!strcmp(l.items[i].status, "held") && !strncmp(l.items[i].held_on, year, 4)) {
			held++;
			without += flagged(&l.items[i]);
		}
	html_printf(o, "<p class=\"mt-count%-s\" id=\"held-without\">%s</p>", without ? " mt-count-bad" : "",
		    arena_printf(r->a, T("%lld of %lld meetings held this year were held without a practice case or theory."),
				 without, held));
	html_printf(o, "<section class=\"card\" id=\"upcoming\"><h2>%s</h2>", T("Upcoming"));
	meeting_rows(r, &l, 0);
	html_printf(o, "</section><section class=\"card\" id=\"past\"><h2>%s</h2>", T("Past 12 months"));
	meeting_rows(r, &l, 1);
	if (l.n)
		ui_export_links(r);
	html_printf(o, "</section><p><a href=\"/cases\">%s</a></p>", T("The case library"));
	ui_page_end(r);
}

/* ---------------------------------------------------------------- new */

struct new_form {
	const char *team, *held_on, *starts_at, *minutes, *title;
	const char *e_team, *e_held_on, *e_starts_at, *e_minutes, *e_title;
	const char *notice;
};

static void render_new(struct request *r, const struct new_form *f)
{
	struct team_list vis;
	if (visible_teams(r, &vis))
		return;
	const char **values = arena_allocarray(r->a, vis.n + 1, sizeof(char *));
	const char **labels = arena_allocarray(r->a, vis.n + 1, sizeof(char *));
	size_t n = managed_teams(r, &vis, values, labels);
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("New sales meeting"), "meetings");
	html_printf(o, "<div class=\"page-head mt-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div>"
		    "<a class=\"button\" href=\"/meetings\">%s</a></div>", T("Sales meetings"), T("New sales meeting"),
		    T("All meetings"));
	if (f && f->notice)
		ui_notice(r, "error", f->notice);
	html(o, "<section class=\"card\">");
	if (!n) {
		html_printf(o, "<p class=\"empty muted\">%s</p></section>", T("You lead no team, so you run no sales meetings."));
		ui_page_end(r);
		return;
	}
	html(o, "<form method=\"post\" action=\"/meetings\" class=\"form\">");
	ui_csrf(r);
	const char *team = f && f->team ? f->team : req_query(r, "team");
	ui_select(r, "team", T("Team"), values, labels, n, team, f ? f->e_team : NULL);
	ui_input(r, "held_on", T("Date"), "date", f && f->held_on ? f->held_on : ui_today(r), f ? f->e_held_on : NULL,
		 " required");
	ui_input(r, "starts_at", T("Start time"), "time", f && f->starts_at ? f->starts_at : "09:00",
		 f ? f->e_starts_at : NULL, " required");
	ui_input(r, "minutes", T("Length (minutes)"), "number", f && f->minutes ? f->minutes : "60",
		 f ? f->e_minutes : NULL, " min=\"1\" max=\"480\" required");
	ui_input(r, "title", T("Title"), "text", f && f->title ? f->title : T("Sales meeting"), f ? f->e_title : NULL,
		 " required");
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Create the meeting"));
	ui_page_end(r);
}

void page_meeting_new(struct request *r)
{
	render_new(r, NULL);
}

/* the team a form or the API names, when the caller runs its meetings:
 * its id, else 0 with the message in *err */
int64_t meetings_team_for_create(struct request *r, const char *v, const char **err)
{
	int64_t id;
	struct team t;
	if (!v || !*v || parse_i64(v, &id) || id <= 0 || team_get(r->db, r->a, r->me.org_id, id, &t) ||
	    !access_meeting_manage(&r->viewer, r->me.org_id, id)) {
		*err = T("Choose one of the teams you lead.");
		return 0;
	}
	return id;
}

void page_meetings_post(struct request *r)
{
	struct new_form f = { 0 };
	f.team = req_form(r, "team");
	f.held_on = req_form(r, "held_on");
	f.starts_at = req_form(r, "starts_at");
	f.minutes = req_form(r, "minutes");
	f.title = req_form(r, "title");
	if (f.title)
		f.title = str_trim(arena_strdup(r->a, f.title));
	int64_t team = meetings_team_for_create(r, f.team, &f.e_team);
	struct meeting_input in = { f.held_on, f.starts_at, f.minutes, f.title, NULL };
	struct meeting_field_error errs[MEETING_ERRORS_MAX];
	int minutes;
	size_t ne = meeting_input_check(&in, 0, &minutes, errs);
	for (size_t i = 0; i < ne; i++) {
		const char *m = T(errs[i].message);
		if (!strcmp(errs[i].field, "held_on"))
			f.e_held_on = m;
		else if (!strcmp(errs[i].field, "starts_at"))
			f.e_starts_at = m;
		else if (!strcmp(errs[i].field, "minutes"))
			f.e_minutes = m;
		else
			f.e_title = m;
	}
	if (!team || ne) {
		r->status = 400;
		f.notice = T("Nothing was saved. Check the fields marked below.");
		render_new(r, &f);
		return;
	}
	int64_t id;
	enum err e = meeting_create(r->db, r->me.org_id, team, f.title, f.held_on, f.starts_at, minutes, r->me.user_id, &id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/meetings/%lld", (long long)id));
}

/* ---------------------------------------------------------------- one meeting */

struct meeting_form {
	const char *i_kind, *i_title, *i_case, *i_library, *i_presenter, *n_notes;
	const char *e_i_kind, *e_i_title, *e_i_case, *e_i_library, *e_i_presenter, *e_n_notes, *e_present;
	const char *notice;
};

struct meeting_view {
	struct meeting_item *items;
	size_t nitems;
	struct meeting_member *members;
	size_t nmembers;
	struct team team;
	struct case_list cases;
	struct case_rotation *rot;
	struct trait_list traits;
};

static int view_load(struct request *r, const struct meeting *m, struct meeting_view *v, int with_cases)
{
	memset(v, 0, sizeof(*v));
	enum err e = meeting_items(r->db, r->a, r->me.org_id, m->id, &v->items, &v->nitems);
	if (!e)
		e = meeting_members(r->db, r->a, r->me.org_id, m->id, m->team_id, &v->members, &v->nmembers);
	if (!e)
		e = team_get(r->db, r->a, r->me.org_id, m->team_id, &v->team);
	if (!e && with_cases) {
		e = case_list(r->db, r->a, r->me.org_id, 0, &v->cases);
		int64_t *recent = NULL;
		size_t nrecent = 0;
		if (!e)
			e = case_recent_ids(r->db, r->a, r->me.org_id, m->team_id, &recent, &nrecent);
		if (!e) {
			v->rot = arena_allocarray(r->a, v->cases.n + 1, sizeof(*v->rot));
			for (size_t i = 0; i < v->cases.n; i++)
				v->rot[i] = (struct case_rotation){ v->cases.items[i].id, v->cases.items[i].title,
								    v->cases.items[i].last_used,
								    meeting_case_recent(v->cases.items[i].id, recent, nrecent) };
			meeting_cases_rotate(v->rot, v->cases.n);
		}
	}
	if (!e)
		e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ALL, &v->traits);
	if (e)
		return resp_store_error(r, e), -1;
	return 0;
}

static const struct practice_case *find_case(const struct case_list *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id == id)
			return &l->items[i];
	return NULL;
}

static const char *trait_name(const struct trait_list *tl, int64_t id)
{
	const struct trait *t = id ? trait_find(tl, id) : NULL;
	return t ? t->name : "";
}

static void item_button(struct request *r, const struct meeting *m, const struct meeting_item *x, const char *what,
			const char *dir, const char *label)
{
	html_printf(&r->out, "<form method=\"post\" action=\"/meetings/%lld/items/%lld/%s\">", (long long)m->id,
		    (long long)x->id, what);
	ui_csrf(r);
	if (dir)
		html_printf(&r->out, "<input type=\"hidden\" name=\"dir\" value=\"%s\">", dir);
	html_printf(&r->out, "<button class=\"button small\" type=\"submit\">%s</button></form>", label);
}

static void render_agenda(struct request *r, const struct meeting *m, const struct meeting_view *v, int manage,
			  const struct meeting_form *f)
{
	struct strbuf *o = &r->out;
	long long id = (long long)m->id;
	html_printf(o, "<section class=\"card\" id=\"agenda\"><h2>%s</h2>", T("Agenda"));
	if (!v->nitems)
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("Nothing on the agenda yet."));
	else
		html(o, "<ol class=\"mt-agenda\">");
	for (size_t i = 0; i < v->nitems; i++) {
		const struct meeting_item *x = &v->items[i];
		html_printf(o, "<li class=\"mt-item mt-item-%s\"><span class=\"badge\">%s</span> ", x->kind,
			    T(meeting_item_kind_label(x->kind)));
		if (x->case_id)
			html_printf(o, "<a href=\"/cases/%lld\">%s</a>", (long long)x->case_id, x->title);
		else
			html_txt(o, x->title);
		if (x->library_item_id)
			html_printf(o, " <a href=\"/library/%lld\">%s</a>", (long long)x->library_item_id, T("in the library"));
		if (*x->presenter_name)
			html_printf(o, " <span class=\"muted\">— %s</span>",
				    arena_printf(r->a, T("presented by %s"), x->presenter_name));
		if (manage) {
			html(o, "<div class=\"inline-actions\">");
			if (i > 0)
				item_button(r, m, x, "move", "up", T("Up"));
			if (i + 1 < v->nitems)
				item_button(r, m, x, "move", "down", T("Down"));
			item_button(r, m, x, "delete", NULL, T("Remove"));
			html(o, "</div>");
		}
		html(o, "</li>");
	}
	if (v->nitems)
		html(o, "</ol>");
	if (!manage) {
		html(o, "</section>");
		return;
	}
	/* who may present: the team's members and its manager */
	size_t np = v->nmembers + 2;
	const char **pv = arena_allocarray(r->a, np, sizeof(char *));
	const char **pl = arena_allocarray(r->a, np, sizeof(char *));
	size_t n = 0;
	pv[n] = "";
	pl[n++] = T("Nobody named");
	if (v->team.manager_id) {
		pv[n] = arena_printf(r->a, "%lld", (long long)v->team.manager_id);
		pl[n++] = v->team.manager_name;
	}
	for (size_t i = 0; i < v->nmembers; i++)
		if (v->members[i].user_id != v->team.manager_id) {
			pv[n] = arena_printf(r->a, "%lld", (long long)v->members[i].user_id);
			pl[n++] = v->members[i].name;
		}
	html_printf(o, "<h3>%s</h3><form method=\"post\" action=\"/meetings/%lld/items\" class=\"form\">",
		    T("Add a topic or a piece of theory"), id);
	ui_csrf(r);
	const char *kv[2] = { "theory", "topic" };
	const char *kl[2] = { T("Theory"), T("Topic") };
	ui_select(r, "kind", T("What"), kv, kl, 2, f && f->i_kind ? f->i_kind : "theory", f ? f->e_i_kind : NULL);
	ui_input(r, "title", T("Title"), "text", f ? f->i_title : NULL, f ? f->e_i_title : NULL, NULL);
	ui_input(r, "library_item_id", T("Library item number (optional)"), "number", f ? f->i_library : NULL,
		 f ? f->e_i_library : NULL, " min=\"1\"");
	ui_select(r, "presenter_id", T("Presented by"), pv, pl, n, f ? f->i_presenter : NULL, f ? f->e_i_presenter : NULL);
	html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form>",
		    T("Add to the agenda"));
	if (f && f->e_i_case)
		html_printf(o, "<p class=\"field-error\" id=\"e-case_id\">%s</p>", f->e_i_case);
	/* the case library in rotation order: never used first, then the least recently used */
	html_printf(o, "<h3 id=\"pick-case\">%s</h3><p class=\"muted\">%s</p>", T("Pick a practice case"),
		    T("Cases never used come first, then the least recently used, so cases rotate instead of repeating."));
	if (!v->cases.n)
		html_printf(o, "<p class=\"empty muted\">%s <a href=\"/cases\">%s</a></p>", T("The case library is empty."),
			    T("Add a case"));
	if (v->cases.n) {
		/* one form: the presenter chosen once, the case by the button tapped */
		html_printf(o, "<form method=\"post\" action=\"/meetings/%lld/items\" class=\"form\">", id);
		ui_csrf(r);
		html(o, "<input type=\"hidden\" name=\"kind\" value=\"case\">");
		html_printf(o, "<div class=\"field\"><label for=\"f-case-presenter\">%s</label><select id=\"f-case-presenter\" "
			    "name=\"presenter_id\">", T("Presented by"));
		for (size_t i = 0; i < n; i++)
			html_printf(o, "<option value=\"%s\">%s</option>", pv[i], pl[i]);
		html(o, "</select></div>");
		html(o, "<ul class=\"mt-cases\">");
	}
	for (size_t i = 0; i < v->cases.n; i++) {
		const struct practice_case *c = find_case(&v->cases, v->rot[i].id);
		html_printf(o, "<li class=\"mt-case\"><div><a href=\"/cases/%lld\">%s</a>", (long long)c->id, c->title);
		if (v->rot[i].recent)
			html_printf(o, " <span class=\"badge warn\">%s</span>", T("used recently"));
		html_printf(o, "<br><span class=\"muted\">%s · %s</span></div>", trait_name(&v->traits, c->trait_id),
			    *c->last_used ? arena_printf(r->a, T("last used %s"), ui_date_text(r, c->last_used)) : T("never used"));
		html_printf(o, "<button class=\"button small\" type=\"submit\" name=\"case_id\" value=\"%lld\" "
			    "data-case=\"%lld\">%s</button></li>", (long long)c->id, (long long)c->id, T("Add to the agenda"));
	}
	if (v->cases.n)
		html(o, "</ul></form>");
	html(o, "</section>");
}

static void render_attendance(struct request *r, const struct meeting *m, const struct meeting_view *v, int manage,
			      const struct meeting_form *f)
{
	struct strbuf *o = &r->out;
	int held = !strcmp(m->status, "held");
	html_printf(o, "<section class=\"card\" id=\"attendance\"><h2>%s</h2>", T("Attendance"));
	if (held || m->recorded)
		html_printf(o, "<p>%s</p>", arena_printf(r->a, T("%lld of %lld present."), (long long)m->present,
							     (long long)m->recorded));
	if (f && f->e_present)
		html_printf(o, "<p class=\"field-error\" id=\"e-present\">%s</p>", f->e_present);
	if (!manage) {
		html(o, "<ul class=\"mt-present\">");
		for (size_t i = 0; i < v->nmembers; i++)
			if (v->members[i].present >= 0)
				html_printf(o, "<li>%s — %s</li>", v->members[i].name,
					    v->members[i].present ? T("present") : T("absent"));
		html(o, "</ul></section>");
		return;
	}
	if (!v->nmembers) {
		html_printf(o, "<p class=\"empty muted\">%s</p></section>", T("The team has no members."));
		return;
	}
	html_printf(o, "<form method=\"post\" action=\"/meetings/%lld/%s\" class=\"form\"><fieldset class=\"mt-attend\">"
		    "<legend>%s</legend>", (long long)m->id, held ? "attendance" : "held", T("Who was there"));
	ui_csrf(r);
	for (size_t i = 0; i < v->nmembers; i++)
		html_printf(o, "<label class=\"mt-check\"><input type=\"checkbox\" name=\"present\" value=\"%lld\"%-s> %s</label>",
			    (long long)v->members[i].user_id, v->members[i].present == 1 ? " checked" : "", v->members[i].name);
	html_printf(o, "</fieldset><p class=\"muted\">%s</p><div class=\"actions\"><button class=\"button primary\" "
		    "type=\"submit\">%s</button></div></form></section>",
		    T("Each member present gets the meeting in their learning log, as mandatory learning."),
		    held ? T("Save attendance") : T("Mark as held"));
}

static void render_meeting(struct request *r, const struct meeting *m, const struct meeting_view *v,
			   const struct meeting_form *f)
{
	struct strbuf *o = &r->out;
	int manage = access_meeting_manage(&r->viewer, r->me.org_id, m->team_id);
	ui_page_begin(r, *m->title ? m->title : T("Sales meeting"), "meetings");
	html_printf(o, "<div class=\"page-head mt-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s · %s · %s · "
		    "<span class=\"%-s\">%s</span></p></div><a class=\"button\" href=\"/meetings?team=%lld\">%s</a></div>",
		    arena_printf(r->a, T("Sales meeting of %s"), m->team_name), *m->title ? m->title : T("Sales meeting"),
		    ui_date_text(r, m->held_on), m->starts_at, arena_printf(r->a, T("%d minutes"), m->minutes),
		    status_badge(m->status), status_text(r, m->status), (long long)m->team_id, T("All meetings"));
	if (f && f->notice)
		ui_notice(r, "error", f->notice);
	if (flagged(m))
		ui_notice(r, "error", T("This meeting was held without a practice case or a piece of theory."));
	if (manage && !strcmp(m->status, "planned")) {
		html_printf(o, "<section class=\"card\" id=\"prepare\"><form method=\"post\" action=\"/meetings/%lld/prepared\">",
			    (long long)m->id);
		ui_csrf(r);
		html_printf(o, "<p class=\"muted\">%s</p><button class=\"button\" type=\"submit\">%s</button></form></section>",
			    T("A meeting is prepared when its agenda holds a practice case or a piece of theory."),
			    T("Mark as prepared"));
	}
	render_agenda(r, m, v, manage, f);
	render_attendance(r, m, v, manage, f);
	html_printf(o, "<section class=\"card\" id=\"notes\"><h2>%s</h2>", T("Notes"));
	if (manage) {
		html_printf(o, "<form method=\"post\" action=\"/meetings/%lld/notes\" class=\"form\">", (long long)m->id);
		ui_csrf(r);
		textarea(r, "notes", T("Notes"), f && f->n_notes ? f->n_notes : m->notes, f ? f->e_n_notes : NULL, 4);
		html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form>",
			    T("Save the notes"));
	} else if (*m->notes) {
		html_printf(o, "<p class=\"mt-notes\">%s</p>", m->notes);
	} else {
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("No notes yet."));
	}
	html(o, "</section>");
	ui_page_end(r);
}

static struct table *agenda_table(struct request *r, const struct meeting *m, const struct meeting_view *v)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "sales-meeting-%lld-agenda", (long long)m->id), 4);
	table_col(t, 0, T("Position"), CELL_INT);
	table_col(t, 1, T("What"), CELL_TEXT);
	table_col(t, 2, T("Title"), CELL_TEXT);
	table_col(t, 3, T("Presented by"), CELL_TEXT);
	for (size_t i = 0; i < v->nitems; i++) {
		size_t row = table_row(t);
		table_int(t, row, 0, (int64_t)i + 1);
		table_text(t, row, 1, T(meeting_item_kind_label(v->items[i].kind)));
		table_text(t, row, 2, v->items[i].title);
		table_text(t, row, 3, v->items[i].presenter_name);
	}
	return t;
}

void page_meeting(struct request *r)
{
	struct meeting *m = meeting_load_or_reply(r, r->id, NEED_SEE);
	if (!m)
		return;
	struct meeting_view v;
	int manage = access_meeting_manage(&r->viewer, r->me.org_id, m->team_id);
	if (view_load(r, m, &v, manage))
		return;
	if (export_wanted(r)) {
		export_send(r, agenda_table(r, m, &v));
		return;
	}
	render_meeting(r, m, &v, NULL);
}

static void meeting_again(struct request *r, const struct meeting *m, struct meeting_form *f, int status,
			  const char *notice)
{
	struct meeting_view v;
	if (view_load(r, m, &v, 1))
		return;
	r->status = status;
	f->notice = notice ? notice : T("Nothing was saved. Check the fields marked below.");
	render_meeting(r, m, &v, f);
}

static const char *back(struct request *r, const struct meeting *m, const char *part)
{
	return arena_printf(r->a, "/meetings/%lld#%s", (long long)m->id, part);
}

/* an agenda item as the form or the API gives it, checked: NULL when fine,
 * else the field and message; *out_case etc. the ids (0: none) */
const char *meetings_item_check(struct request *r, const struct meeting *m, const char *kind, const char **title,
				int64_t case_id, int64_t library_item_id, int64_t presenter_id, const char **field)
{
	if (!meeting_item_kind_valid(kind))
		return *field = "kind", T("Choose a topic, a practice case or a piece of theory.");
	if (!strcmp(kind, "case")) {
		struct practice_case pc;
		if (case_id <= 0 || case_get(r->db, r->a, r->me.org_id, case_id, &pc) || pc.retired_at)
			return *field = "case_id", T("Choose a case of the library.");
		*title = "";
	} else {
		const char *t = *title ? *title : "";
		const char *msg = validate_text(t, MEETING_ITEM_TITLE_MAX);
		if (!*t)
			return *field = "title", T("Write the topic or the theory's title.");
		if (msg)
			return *field = "title", T(msg);
		if (case_id)
			return *field = "case_id", T("Only a practice case names a case.");
	}
	if (library_item_id < 0)
		return *field = "library_item_id", T("Enter the number of an item of the library, or leave it empty.");
	if (library_item_id && meeting_library_item_check(r->db, r->me.org_id, library_item_id))
		return *field = "library_item_id", T("There is no such item in the library.");
	if (presenter_id) {
		struct user u;
		int ok = !user_get(r->db, r->a, r->me.org_id, presenter_id, &u);
		struct team t;
		int mgr = ok && !team_get(r->db, r->a, r->me.org_id, m->team_id, &t) && t.manager_id == presenter_id;
		if (!ok || (!mgr && u.team_id != m->team_id))
			return *field = "presenter_id", T("Choose a member of the team or its manager.");
	}
	return NULL;
}

static int64_t form_id(const char *s, int *bad)
{
	int64_t v = 0;
	if (s && *s && (parse_i64(s, &v) || v <= 0)) {
		*bad = 1;
		return -1;
	}
	return v;
}

void page_meeting_items_post(struct request *r)
{
	struct meeting *m = meeting_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m)
		return;
	struct meeting_form f = { 0 };
	f.i_kind = req_form(r, "kind");
	f.i_title = req_form(r, "title");
	if (f.i_title)
		f.i_title = str_trim(arena_strdup(r->a, f.i_title));
	f.i_case = req_form(r, "case_id");
	f.i_library = req_form(r, "library_item_id");
	f.i_presenter = req_form(r, "presenter_id");
	int bad_case = 0, bad_lib = 0, bad_pres = 0;
	int64_t case_id = form_id(f.i_case, &bad_case), lib = form_id(f.i_library, &bad_lib),
		pres = form_id(f.i_presenter, &bad_pres);
	const char *field = NULL, *msg;
	const char *title = f.i_title;
	if (bad_case)
		field = "case_id", msg = T("Choose a case of the library.");
	else if (bad_lib)
		field = "library_item_id", msg = T("Enter the number of an item of the library, or leave it empty.");
	else if (bad_pres)
		field = "presenter_id", msg = T("Choose a member of the team or its manager.");
	else
		msg = meetings_item_check(r, m, f.i_kind ? f.i_kind : "", &title, case_id, lib, pres, &field);
	if (msg) {
		if (!strcmp(field, "kind"))
			f.e_i_kind = msg;
		else if (!strcmp(field, "title"))
			f.e_i_title = msg;
		else if (!strcmp(field, "case_id"))
			f.e_i_case = msg;
		else if (!strcmp(field, "library_item_id"))
			f.e_i_library = msg;
		else
			f.e_i_presenter = msg;
		meeting_again(r, m, &f, 400, NULL);
		return;
	}
	enum err e = meeting_item_add(r->db, r->me.org_id, m->id, f.i_kind, title, case_id, lib, pres, NULL);
	if (!e)
		e = meetings_resync(r, m->id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back(r, m, "agenda"));
}

void page_meeting_item_delete_post(struct request *r)
{
	struct meeting *m = meeting_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m)
		return;
	enum err e = meeting_item_delete(r->db, r->me.org_id, m->id, r->id2);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such item on this agenda."));
		return;
	}
	if (!e)
		e = meetings_resync(r, m->id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back(r, m, "agenda"));
}

void page_meeting_item_move_post(struct request *r)
{
	struct meeting *m = meeting_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m)
		return;
	const char *dir = req_form(r, "dir");
	enum err e = meeting_item_move(r->db, r->me.org_id, m->id, r->id2, !dir || strcmp(dir, "down"));
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such item on this agenda."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back(r, m, "agenda"));
}

void page_meeting_notes_post(struct request *r)
{
	struct meeting *m = meeting_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m)
		return;
	struct meeting_form f = { 0 };
	f.n_notes = req_form(r, "notes");
	const char *msg = validate_notes(f.n_notes ? f.n_notes : "", MEETING_NOTES_MAX);
	if (msg) {
		f.e_n_notes = T(msg);
		meeting_again(r, m, &f, 400, NULL);
		return;
	}
	enum err e = meeting_update(r->db, r->me.org_id, m->id, NULL, NULL, NULL, 0, f.n_notes ? f.n_notes : "");
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, back(r, m, "notes"));
}

/* marks the meeting prepared: E_OK; else the message and the status */
const char *meetings_prepare(struct request *r, const struct meeting *m, int *status)
{
	const char *msg = meeting_prepare_check((size_t)m->cases, (size_t)m->theories);
	if (msg)
		return *status = 400, T(msg);
	enum err e = meeting_mark_prepared(r->db, r->me.org_id, m->id);
	if (e == E_CONFLICT)
		return *status = 409, T("Only a planned meeting is marked prepared.");
	if (e)
		return *status = 500, "";
	return NULL;
}

void page_meeting_prepared_post(struct request *r)
{
	struct meeting *m = meeting_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m)
		return;
	int status = 0;
	const char *msg = meetings_prepare(r, m, &status);
	if (msg && status == 500) {
		resp_store_error(r, E_INTERNAL);
		return;
	}
	if (msg) {
		struct meeting_form f = { 0 };
		meeting_again(r, m, &f, status, msg);
		return;
	}
	resp_redirect(r, back(r, m, "agenda"));
}

/* saves attendance (and marks held when mark): present[] are the ids given;
 * NULL when saved, else the message (naming the field "present") and *status */
const char *meetings_attendance(struct request *r, const struct meeting *m, const int64_t *present, size_t npresent,
				int mark, int *status)
{
	if (!mark && strcmp(m->status, "held"))
		return *status = 409, T("Attendance is taken when the meeting is marked held.");
	const char *msg = meeting_held_check(m->status, m->held_on, ui_today(r));
	if (mark && msg)
		return *status = 400, T(msg);
	struct meeting_member *mem;
	size_t nmem;
	enum err e = meeting_members(r->db, r->a, r->me.org_id, m->id, m->team_id, &mem, &nmem);
	if (e)
		return *status = 500, "";
	/* every id given must be a member of the meeting's team */
	for (size_t i = 0; i < npresent; i++) {
		int found = 0;
		for (size_t j = 0; j < nmem && !found; j++)
			found = mem[j].user_id == present[i];
		if (found)
			continue;
		struct user u = { 0 };
		struct person p = { present[i], r->me.org_id, 0 };
		if (!user_get(r->db, r->a, r->me.org_id, present[i], &u))
			p.team_id = u.team_id;
		if (!access_meeting_attendee(&p, m->org_id, m->team_id) || !u.active)
			return *status = 400, T("present: only members of the meeting's team are on its attendance list.");
	}
	int64_t *ids = arena_allocarray(r->a, nmem + 1, sizeof(*ids));
	int *flags = arena_allocarray(r->a, nmem + 1, sizeof(*flags));
	for (size_t j = 0; j < nmem; j++) {
		ids[j] = mem[j].user_id;
		flags[j] = 0;
		for (size_t i = 0; i < npresent; i++)
			flags[j] |= present[i] == mem[j].user_id;
	}
	struct meeting_item *items;
	size_t nitems;
	if ((e = meeting_items(r->db, r->a, r->me.org_id, m->id, &items, &nitems)))
		return *status = 500, "";
	int64_t trait = 0;
	size_t cases = 0;
	for (size_t i = 0; i < nitems; i++)
		if (!strcmp(items[i].kind, "case")) {
			if (!cases++)
				trait = items[i].case_trait_id;
		}
	struct meeting_attendance_in in = {
		.meeting_id = m->id, .mark_held = mark, .members = ids, .present = flags, .n = nmem,
		.kind = meeting_learning_kind(cases),
		.title = arena_printf(r->a, "%s: %s", T("Sales meeting"), *m->title ? m->title : T("Sales meeting")),
		.done_on = m->held_on, .minutes = m->minutes, .trait_id = trait, .created_by = r->me.user_id,
	};
	e = meeting_attendance_save(r->db, r->me.org_id, &in);
	if (e)
		return *status = e == E_UNAVAILABLE ? 503 : 500, "";
	return NULL;
}

enum err meetings_resync(struct request *r, int64_t meeting_id)
{
	struct meeting m;
	enum err e = meeting_get(r->db, r->a, r->me.org_id, meeting_id, &m);
	if (e || strcmp(m.status, "held"))
		return e;
	struct meeting_member *mem;
	size_t n;
	if ((e = meeting_members(r->db, r->a, r->me.org_id, m.id, m.team_id, &mem, &n)))
		return e;
	int64_t *ids = arena_allocarray(r->a, n + 1, sizeof(*ids));
	size_t np = 0;
	for (size_t i = 0; i < n; i++)
		if (mem[i].present == 1)
			ids[np++] = mem[i].user_id;
	int status = 0;
	return meetings_attendance(r, &m, ids, np, 0, &status) ? E_INTERNAL : E_OK;
}

static void attendance_post(struct request *r, int mark)
{
	struct meeting *m = meeting_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m)
		return;
	size_t n = 0;
	while (kv_get_nth(&r->form, "present", n))
		n++;
	int64_t *ids = arena_allocarray(r->a, n + 1, sizeof(*ids));
	struct meeting_form f = { 0 };
	for (size_t i = 0; i < n; i++)
		if (parse_i64(kv_get_nth(&r->form, "present", i), &ids[i]) || ids[i] <= 0)
			f.e_present = T("present: only members of the meeting's team are on its attendance list.");
	int status = 0;
	const char *msg = f.e_present ? f.e_present : meetings_attendance(r, m, ids, n, mark, &status);
	if (msg && status >= 500) {
		resp_store_error(r, status == 503 ? E_UNAVAILABLE : E_INTERNAL);
		return;
	}
	if (msg) {
		f.e_present = msg;
		meeting_again(r, m, &f, status ? status : 400, NULL);
		return;
	}
	resp_redirect(r, back(r, m, "attendance"));
}

void page_meeting_held_post(struct request *r)
{
	attendance_post(r, 1);
}

void page_meeting_attendance_post(struct request *r)
{
	attendance_post(r, 0);
}

/* ---------------------------------------------------------------- cases */

struct case_form {
	const char *title, *situation, *challenge, *good_handling, *trait;
	const char *e_title, *e_situation, *e_challenge, *e_good_handling, *e_trait;
	const char *notice;
};

static void case_fields(struct request *r, const struct trait_list *tl, const struct case_form *f,
			const struct practice_case *cur)
{
	ui_input(r, "title", T("Title"), "text", f && f->title ? f->title : cur ? cur->title : NULL, f ? f->e_title : NULL,
		 " required");
	textarea(r, "situation", T("Situation"), f && f->situation ? f->situation : cur ? cur->situation : NULL,
		 f ? f->e_situation : NULL, 3);
	textarea(r, "challenge", T("The customer's objection or challenge"),
		 f && f->challenge ? f->challenge : cur ? cur->challenge : NULL, f ? f->e_challenge : NULL, 3);
	textarea(r, "good_handling", T("What good handling looks like"),
		 f && f->good_handling ? f->good_handling : cur ? cur->good_handling : NULL, f ? f->e_good_handling : NULL, 3);
	const char **tv = arena_allocarray(r->a, tl->n + 1, sizeof(char *));
	const char **tlb = arena_allocarray(r->a, tl->n + 1, sizeof(char *));
	size_t n = 0;
	tv[n] = "";
	tlb[n++] = T("No trait");
	for (size_t i = 0; i < tl->n; i++) {
		if (tl->items[i].retired_at && !(cur && cur->trait_id == tl->items[i].id))
			continue;
		tv[n] = arena_printf(r->a, "%lld", (long long)tl->items[i].id);
		tlb[n++] = tl->items[i].name;
	}
	const char *sel = f && f->trait ? f->trait : cur && cur->trait_id ? arena_printf(r->a, "%lld", (long long)cur->trait_id) : "";
	ui_select(r, "trait_id", T("Trait it trains"), tv, tlb, n, sel, f ? f->e_trait : NULL);
}

static struct table *cases_table(struct request *r, const struct case_list *l, const struct case_rotation *rot,
				 const struct trait_list *tl)
{
	struct table *t = table_new(r->a, "case-library", 10);
	table_col(t, 0, T("Case"), CELL_TEXT);
	table_col(t, 1, T("Trait"), CELL_TEXT);
	table_col(t, 2, T("Situation"), CELL_TEXT);
	table_col(t, 3, T("The customer's objection or challenge"), CELL_TEXT);
	table_col(t, 4, T("What good handling looks like"), CELL_TEXT);
	table_col(t, 5, T("Added by"), CELL_TEXT);
	table_col(t, 6, T("Times used"), CELL_INT);
	table_col(t, 7, T("Last used"), CELL_DATE);
	table_col(t, 8, T("Last presented by"), CELL_TEXT);
	table_col(t, 9, T("Retired"), CELL_TEXT);
	for (size_t i = 0; i < l->n; i++) {
		const struct practice_case *c = find_case(l, rot[i].id);
		size_t row = table_row(t);
		table_text(t, row, 0, c->title);
		table_text(t, row, 1, trait_name(tl, c->trait_id));
		table_text(t, row, 2, c->situation);
		table_text(t, row, 3, c->challenge);
		table_text(t, row, 4, c->good_handling);
		table_text(t, row, 5, c->added_by_name);
		table_int(t, row, 6, c->times_used);
		if (*c->last_used)
			table_date(t, row, 7, c->last_used);
		table_text(t, row, 8, c->last_presenter);
		table_text(t, row, 9, c->retired_at ? T("yes") : "");
	}
	return t;
}

static void render_cases(struct request *r, const struct case_form *f)
{
	int with_retired = req_query(r, "retired") != NULL;
	struct case_list l;
	struct trait_list tl;
	enum err e = case_list(r->db, r->a, r->me.org_id, with_retired, &l);
	if (!e)
		e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ALL, &tl);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	/* the rotation as the viewer's team sees it */
	int64_t *recent = NULL;
	size_t nrecent = 0;
	if (r->viewer.team_id && (e = case_recent_ids(r->db, r->a, r->me.org_id, r->viewer.team_id, &recent, &nrecent))) {
		resp_store_error(r, e);
		return;
	}
	struct case_rotation *rot = arena_allocarray(r->a, l.n + 1, sizeof(*rot));
	for (size_t i = 0; i < l.n; i++)
		rot[i] = (struct case_rotation){ l.items[i].id, l.items[i].title, l.items[i].last_used,
						 meeting_case_recent(l.items[i].id, recent, nrecent) };
	meeting_cases_rotate(rot, l.n);
	if (!f && export_wanted(r)) {
		export_send(r, cases_table(r, &l, rot, &tl));
		return;
	}
	struct strbuf *o = &r->out;
	int change = access_case_change(&r->viewer, r->me.org_id);
	ui_page_begin(r, T("Case library"), "cases");
	html_printf(o, "<div class=\"page-head mt-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s</p></div>"
		    "<a class=\"button\" href=\"/meetings\">%s</a></div>", T("Learn"), T("Case library"),
		    T("Situations to practise at the sales meetings. Never used and least recently used cases come first, "
		      "so cases rotate instead of repeating."), T("Sales meetings"));
	if (f && f->notice)
		ui_notice(r, "error", f->notice);
	html_printf(o, "<section class=\"card\" id=\"cases\"><h2>%s</h2>", T("Cases"));
	if (!l.n)
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("The case library is empty."));
	html(o, "<ul class=\"mt-library\">");
	for (size_t i = 0; i < l.n; i++) {
		const struct practice_case *c = find_case(&l, rot[i].id);
		html_printf(o, "<li class=\"mt-libcase\"><h3><a href=\"/cases/%lld\">%s</a>", (long long)c->id, c->title);
		if (rot[i].recent)
			html_printf(o, " <span class=\"badge warn\">%s</span>", T("used recently"));
		if (c->retired_at)
			html_printf(o, " <span class=\"badge\">%s</span>", T("retired"));
		html_printf(o, "</h3><p class=\"muted\">%s</p>", trait_name(&tl, c->trait_id));
		html_printf(o, "<dl class=\"mt-facts\"><div><dt>%s</dt><dd>%s</dd></div><div><dt>%s</dt><dd>%s</dd></div>"
			    "<div><dt>%s</dt><dd>%s</dd></div></dl>", T("Situation"), c->situation,
			    T("The customer's objection or challenge"), c->challenge, T("What good handling looks like"),
			    c->good_handling);
		html_printf(o, "<p class=\"muted\">%s · %s · %s</p></li>",
			    arena_printf(r->a, T("added by %s"), c->added_by_name),
			    *c->last_used ? arena_printf(r->a, T("last used %s"), ui_date_text(r, c->last_used)) : T("never used"),
			    *c->last_presenter ? arena_printf(r->a, T("presented by %s"), c->last_presenter)
					       : arena_printf(r->a, T("used %lld times"), (long long)c->times_used));
	}
	html(o, "</ul>");
	if (l.n)
		ui_export_links(r);
	html_printf(o, "<p><a href=\"%-s\">%s</a></p></section>", with_retired ? "/cases" : "/cases?retired=1",
		    with_retired ? T("Hide retired cases") : T("Show retired cases"));
	if (change) {
		html_printf(o, "<section class=\"card\" id=\"add\"><h2>%s</h2><form method=\"post\" action=\"/cases\" class=\"form\">",
			    T("Add a case"));
		ui_csrf(r);
		case_fields(r, &tl, f, NULL);
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
			    "</form></section>", T("Add the case"));
	}
	ui_page_end(r);
}

void page_cases(struct request *r)
{
	render_cases(r, NULL);
}

/* the trait a form or the API names: its id (0: none), or -1 when it is not
 * one of the organisation's traits */
int64_t meetings_case_trait(struct request *r, const char *v)
{
	int64_t id;
	if (!v || !*v)
		return 0;
	struct trait t;
	if (parse_i64(v, &id) || id <= 0 || trait_get(r->db, r->a, r->me.org_id, r->lang, id, &t))
		return -1;
	return id;
}

static size_t case_form_read(struct request *r, struct case_form *f, int64_t *trait)
{
	f->title = req_form(r, "title");
	if (f->title)
		f->title = str_trim(arena_strdup(r->a, f->title));
	f->situation = req_form(r, "situation");
	f->challenge = req_form(r, "challenge");
	f->good_handling = req_form(r, "good_handling");
	f->trait = req_form(r, "trait_id");
	struct case_input in = { f->title, f->situation, f->challenge, f->good_handling };
	struct meeting_field_error errs[MEETING_ERRORS_MAX];
	size_t ne = case_input_check(&in, 0, errs);
	for (size_t i = 0; i < ne; i++) {
		const char *m = T(errs[i].message);
		if (!strcmp(errs[i].field, "title"))
			f->e_title = m;
		else if (!strcmp(errs[i].field, "situation"))
			f->e_situation = m;
		else if (!strcmp(errs[i].field, "challenge"))
			f->e_challenge = m;
		else
			f->e_good_handling = m;
	}
	*trait = meetings_case_trait(r, f->trait);
	if (*trait < 0) {
		f->e_trait = T("Choose one of the traits.");
		ne++;
	}
	return ne;
}

void page_cases_post(struct request *r)
{
	if (!access_case_change(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("Managers and admins change the case library."));
		return;
	}
	struct case_form f = { 0 };
	int64_t trait;
	if (case_form_read(r, &f, &trait)) {
		r->status = 400;
		f.notice = T("Nothing was saved. Check the fields marked below.");
		render_cases(r, &f);
		return;
	}
	int64_t id;
	enum err e = case_create(r->db, r->me.org_id, f.title, f.situation, f.challenge, f.good_handling, trait,
				 r->me.user_id, &id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/cases/%lld", (long long)id));
}

static void render_case(struct request *r, const struct practice_case *c, const struct case_form *f)
{
	struct trait_list tl;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ALL, &tl);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, c->title, "cases");
	html_printf(o, "<div class=\"page-head mt-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s</p></div>"
		    "<a class=\"button\" href=\"/cases\">%s</a></div>", T("Case library"), c->title,
		    trait_name(&tl, c->trait_id), T("All cases"));
	if (f && f->notice)
		ui_notice(r, "error", f->notice);
	html_printf(o, "<section class=\"card\"><dl class=\"mt-facts\"><div><dt>%s</dt><dd>%s</dd></div>"
		    "<div><dt>%s</dt><dd>%s</dd></div><div><dt>%s</dt><dd>%s</dd></div>", T("Situation"), c->situation,
		    T("The customer's objection or challenge"), c->challenge, T("What good handling looks like"),
		    c->good_handling);
	html_printf(o, "<div><dt>%s</dt><dd>%s</dd></div><div><dt>%s</dt><dd>%lld</dd></div><div><dt>%s</dt><dd>%s</dd></div>"
		    "<div><dt>%s</dt><dd>%s</dd></div></dl>", T("Added by"), c->added_by_name, T("Times used"),
		    (long long)c->times_used, T("Last used"), *c->last_used ? ui_date_text(r, c->last_used) : T("never used"),
		    T("Last presented by"), *c->last_presenter ? c->last_presenter : "–");
	if (c->retired_at)
		html_printf(o, "<p><span class=\"badge\">%s</span></p>", T("retired"));
	html(o, "</section>");
	if (access_case_change(&r->viewer, r->me.org_id)) {
		html_printf(o, "<section class=\"card\" id=\"edit\"><h2>%s</h2><form method=\"post\" action=\"/cases/%lld\" "
			    "class=\"form\">", T("Edit the case"), (long long)c->id);
		ui_csrf(r);
		case_fields(r, &tl, f, c);
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>"
			    "<form method=\"post\" action=\"/cases/%lld/retire\">", T("Save the case"), (long long)c->id);
		ui_csrf(r);
		html_printf(o, "<input type=\"hidden\" name=\"retired\" value=\"%d\"><p><button class=\"button\" type=\"submit\">"
			    "%s</button></p></form></section>", c->retired_at ? 0 : 1,
			    c->retired_at ? T("Put the case back in use") : T("Retire the case"));
	}
	ui_page_end(r);
}

void page_case(struct request *r)
{
	struct practice_case *c = case_load_or_reply(r, r->id, NEED_SEE);
	if (c)
		render_case(r, c, NULL);
}

void page_case_post(struct request *r)
{
	struct practice_case *c = case_load_or_reply(r, r->id, NEED_CHANGE);
	if (!c)
		return;
	struct case_form f = { 0 };
	int64_t trait;
	if (case_form_read(r, &f, &trait)) {
		r->status = 400;
		f.notice = T("Nothing was saved. Check the fields marked below.");
		render_case(r, c, &f);
		return;
	}
	enum err e = case_update(r->db, r->me.org_id, c->id, f.title, f.situation, f.challenge, f.good_handling, trait);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/cases/%lld", (long long)c->id));
}

void page_case_retire_post(struct request *r)
{
	struct practice_case *c = case_load_or_reply(r, r->id, NEED_CHANGE);
	if (!c)
		return;
	const char *v = req_form(r, "retired");
	enum err e = case_retire(r->db, r->me.org_id, c->id, !v || strcmp(v, "0"));
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/cases/%lld", (long long)c->id));
}

/* ---------------------------------------------------------------- elsewhere */

void meetings_home_due(struct request *r)
{
	struct strbuf *o = &r->out;
	const char *today = ui_today(r);
	char to[11];
	day_add(today, 7, to);
	struct meeting_list l = { 0 };
	enum err e;
	if (access_leads_any_team(&r->viewer) &&
	    (e = meeting_list_unprepared(r->db, r->a, r->me.org_id, r->me.user_id, today, to, &l))) {
		log_error("home: meetings: %s", err_name(e));
		return;
	}
	struct meeting_presenting *p;
	size_t np;
	if ((e = meeting_list_presenting(r->db, r->a, r->me.org_id, r->me.user_id, today, to, &p, &np))) {
		log_error("home: meetings: %s", err_name(e));
		return;
	}
	if (!l.n && !np)
		return;
	html_printf(o, "<section class=\"card\" id=\"due-meetings\"><h2>%s</h2><ul class=\"due-list\">",
		    T("Sales meetings this week"));
	for (size_t i = 0; i < l.n; i++)
		html_printf(o, "<li class=\"overdue\"><a href=\"/meetings/%lld#pick-case\">%s</a> <span class=\"badge warn\">%s</span> "
			    "<span class=\"muted\">%s · %s</span></li>", (long long)l.items[i].id,
			    *l.items[i].title ? l.items[i].title : T("Sales meeting"), T("prepare a case"),
			    l.items[i].team_name, ui_date_text(r, l.items[i].held_on));
	for (size_t i = 0; i < np; i++)
		html_printf(o, "<li><a href=\"/meetings/%lld#agenda\">%s</a> <span class=\"muted\">%s · %s</span></li>",
			    (long long)p[i].meeting_id, arena_printf(r->a, T("You present: %s"), p[i].title),
			    *p[i].meeting_title ? p[i].meeting_title : T("Sales meeting"), ui_date_text(r, p[i].held_on));
	html(o, "</ul></section>");
}

void meetings_rep_section(struct request *r, const struct user *u)
{
	if (!u->team_id)
		return;
	const char *today = ui_today(r);
	char from[11];
	day_add(today, -365, from);
	int64_t attended = 0, of = 0;
	enum err e = meeting_attendance_count(r->db, r->me.org_id, u->id, from, today, &attended, &of);
	if (e) {
		log_error("rep page: meetings: %s", err_name(e));
		return;
	}
	html_printf(&r->out, "<section class=\"card\" id=\"rep-meetings\"><h2>%s</h2><p>%s</p><p><a href=\"/meetings?team=%lld\">%s</a>"
		    "</p></section>", T("Sales meetings"),
		    arena_printf(r->a, T("Attended %lld of %lld sales meetings in the last 12 months."), (long long)attended,
				 (long long)of), (long long)u->team_id, T("The team's sales meetings"));
}

void meetings_ical_events(struct request *r, struct strbuf *o, int64_t org_id, int64_t user_id, const char *stamp,
			  const char *base)
{
	char from[11];
	day_add(ui_today(r), -60, from);
	struct meeting_list l;
	enum err e = meeting_list_feed(r->db, r->a, org_id, user_id, from, &l);
	if (e) {
		log_error("calendar: meetings: %s", err_name(e));
		return;
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct meeting *m = &l.items[i];
		char day[9];
		memcpy(day, m->held_on, 4);
		memcpy(day + 4, m->held_on + 5, 2);
		memcpy(day + 6, m->held_on + 8, 2);
		day[8] = '\0';
		const char *start = arena_printf(r->a, "%sT%c%c%c%c00", day, m->starts_at[0], m->starts_at[1],
						 m->starts_at[3], m->starts_at[4]);
		const char *d = arena_printf(r->a, "%s\n%s", *m->agenda_title
					     ? arena_printf(r->a, T("On the agenda: %s"), m->agenda_title)
					     : T("No practice case or theory on the agenda yet."),
					     arena_printf(r->a, T("%d minutes"), m->minutes));
		ical_prop(o, "BEGIN", "VEVENT", 0);
		ical_prop(o, "UID", arena_printf(r->a, "meeting-%lld@salesgarden", (long long)m->id), 0);
		ical_prop(o, "DTSTAMP", stamp, 0);
		ical_prop(o, "DTSTART", start, 0);
		ical_prop(o, "DURATION", arena_printf(r->a, "PT%dM", m->minutes), 0);
		ical_prop(o, "SUMMARY", arena_printf(r->a, "%s — %s", *m->title ? m->title : T("Sales meeting"), m->team_name), 1);
		ical_prop(o, "DESCRIPTION", d, 1);
		if (base)
			ical_prop(o, "URL", arena_printf(r->a, "%s/meetings/%lld", base, (long long)m->id), 0);
		ical_prop(o, "END", "VEVENT", 0);
	}
}
