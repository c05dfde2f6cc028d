/*
 * page-kudos: kudos, the spotlight, badges and streaks (issue 10,
 * "competition and the spotlight").
 *
 *   GET  /kudos             the spotlight of the week and month of the
 *        viewer's teams, the form to give kudos (phone first), the viewer's
 *        badges and streaks with their rules, and the feed of the viewer's
 *        team(s) (an admin: the organisation's), paged, CSV and Excel
 *   POST /kudos             give kudos: a colleague of the organisation,
 *        not oneself; a fault names its field and stores nothing
 *   POST /kudos/spotlight   whoever manages a team writes its spotlight of
 *        this week or this month (again: replaces it)
 *
 * and the parts of other pages: the home page (the team's spotlight, new
 * badges and kudos received; for a manager, the spotlights to write), the
 * rep page (badges, streaks, kudos received) and the teams page (each
 * team's spotlight).
 *
 * Rights: access_kudos_*, access_spotlight_write, access_badges_see,
 * access_streaks_see (domain/access.c). The rules: domain/kudos.h.
 */
#include "pages.h"
#include "ui.h"
#include "load.h"
#include "export.h"
#include "kudosui.h"
#include "../domain/kudos.h"
#include "../domain/plans.h"
#include "../store/kudos.h"
#include "../store/users.h"
#include "../store/teams.h"
#include "../store/settings.h"
#include "../lib/table.h"
#include "../lib/util.h"
#include <string.h>

#define FEED_PAGE 50
#define NEW_DAYS 14		/* a badge or kudos is "new" on the home page this many days */

static const char *kind_text(struct request *r, const char *kind)
{
	return T(recognition_kind_label(kind));
}

struct kudos_scope kudos_viewer_scope(struct request *r)
{
	return (struct kudos_scope){ access_kudos_feed_all(&r->viewer, r->me.org_id), r->me.user_id, 0 };
}

/* ------------------------------------------------------------ the forms */

struct give_form {
	const char *rep, *kind, *text;
	struct kudos_field_error errs[KUDOS_ERRORS_MAX];
	size_t nerr;
};

struct spot_form {
	const char *team, *period, *rep, *citation;
	struct kudos_field_error errs[KUDOS_ERRORS_MAX];
	size_t nerr;
	const char *e_team;
};

static const char *err_of(struct request *r, const struct kudos_field_error *errs, size_t n, const char *field)
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

/* a <select> of people (value: id), "" first */
static void people_select(struct request *r, const char *name, const char *label, const struct user_list *ul,
			  int64_t skip_id, const char *chosen, const char *err, int with_team)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"field%-s\"><label for=\"f-%s\">%s</label><select id=\"f-%s\" name=\"%s\"%-s>"
		    "<option value=\"\">%s</option>", err ? " invalid" : "", name, label, name, name,
		    err ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name) : "",
		    T("Choose…"));
	for (size_t i = 0; i < ul->n; i++) {
		const struct user *u = &ul->items[i];
		if (u->id == skip_id || !u->active)
			continue;
		const char *v = arena_printf(r->a, "%lld", (long long)u->id);
		html_printf(o, "<option value=\"%s\"%-s>%s</option>", v, chosen && !strcmp(chosen, v) ? " selected" : "",
			    with_team && u->team_name && *u->team_name ? arena_printf(r->a, "%s (%s)", u->name, u->team_name)
								       : u->name);
	}
	html(o, "</select>");
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, err);
	html(o, "</div>");
}

/* the colleagues the form offers: the viewer's team(s) (an admin: everyone) */
static enum err colleagues(struct request *r, struct user_list *out)
{
	if (access_kudos_feed_all(&r->viewer, r->me.org_id))
		return user_list_org(r->db, r->a, r->me.org_id, out);
	size_t n = 0;
	int64_t *teams = arena_allocarray(r->a, r->viewer.nled + 1, sizeof(int64_t));
	if (r->viewer.team_id)
		teams[n++] = r->viewer.team_id;
	for (size_t i = 0; i < r->viewer.nled; i++)
		teams[n++] = r->viewer.led_teams[i];
	if (!n) {
		out->items = NULL;
		out->n = 0;
		return E_OK;
	}
	return user_list_teams(r->db, r->a, r->me.org_id, teams, n, 0, out);
}

/* the teams whose spotlight the viewer writes */
static enum err spot_teams(struct request *r, struct team_list *out)
{
	struct team_list all;
	enum err e = team_list_org(r->db, r->a, r->me.org_id, &all);
	if (e)
		return e;
	out->items = arena_allocarray(r->a, all.n ? all.n : 1, sizeof(struct team));
	out->n = 0;
	for (size_t i = 0; i < all.n; i++)
		if (access_spotlight_write(&r->viewer, r->me.org_id, all.items[i].id))
			out->items[out->n++] = all.items[i];
	return E_OK;
}

static void give_form_render(struct request *r, const struct user_list *ul, const struct give_form *f)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card kudos-give\" id=\"give\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("Give kudos"), T("Recognise a colleague for effort, improvement, progress or a win. The team sees it in the feed."));
	if (f->nerr)
		ui_notice(r, "error", T("Nothing was saved. Check the fields marked below."));
	html(o, "<form method=\"post\" action=\"/kudos\" class=\"form\">");
	ui_csrf(r);
	people_select(r, "rep_id", T("Colleague"), ul, r->me.user_id, f->rep, err_of(r, f->errs, f->nerr, "rep_id"),
		      access_kudos_feed_all(&r->viewer, r->me.org_id) || r->viewer.nled > 0);
	const char *kl[8];
	for (size_t i = 0; i < recognition_kind_count && i < 8; i++)
		kl[i] = T(recognition_kind_label(recognition_kind_codes[i]));
	ui_select(r, "kind", T("For"), recognition_kind_codes, kl, recognition_kind_count, f->kind ? f->kind : "effort",
		  err_of(r, f->errs, f->nerr, "kind"));
	textarea(r, "text", T("What they did"), f->text, err_of(r, f->errs, f->nerr, "text"), KUDOS_TEXT_MAX);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Give kudos"));
}

static void spot_form_render(struct request *r, const struct team_list *tl, const struct user_list *members,
			     const struct spot_form *f)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<details class=\"card\" id=\"spotlight-form\"%-s><summary>%s</summary><p class=\"muted\">%s</p>",
		    f->nerr || f->e_team ? " open" : "", T("Write the spotlight"),
		    T("One spotlight per team for the week and one for the month. Writing it again for the same period replaces it."));
	if (f->nerr || f->e_team)
		ui_notice(r, "error", T("Nothing was saved. Check the fields marked below."));
	html(o, "<form method=\"post\" action=\"/kudos/spotlight\" class=\"form\">");
	ui_csrf(r);
	const char **tv = arena_allocarray(r->a, tl->n ? tl->n : 1, sizeof(char *));
	const char **tn = arena_allocarray(r->a, tl->n ? tl->n : 1, sizeof(char *));
	for (size_t i = 0; i < tl->n; i++) {
		tv[i] = arena_printf(r->a, "%lld", (long long)tl->items[i].id);
		tn[i] = tl->items[i].name;
	}
	ui_select(r, "team_id", T("Team"), tv, tn, tl->n, f->team, f->e_team);
	const char *pl[] = { T(spotlight_period_label("week")), T(spotlight_period_label("month")) };
	ui_select(r, "period", T("Period"), spotlight_period_codes, pl, spotlight_period_count,
		  f->period ? f->period : "week", err_of(r, f->errs, f->nerr, "period"));
	people_select(r, "rep_id", T("In the spotlight"), members, 0, f->rep, err_of(r, f->errs, f->nerr, "rep_id"), 1);
	textarea(r, "citation", T("Citation"), f->citation, err_of(r, f->errs, f->nerr, "citation"), SPOTLIGHT_TEXT_MAX);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></details>", T("Save the spotlight"));
}

/* ------------------------------------------------------------ parts */

static void spotlight_cards(struct request *r, const struct spotlight *s, size_t n)
{
	struct strbuf *o = &r->out;
	for (size_t i = 0; i < n; i++)
		html_printf(o, "<article class=\"spotlight\"><p class=\"eyebrow\">%s · %s</p><h3>%s</h3>"
			    "<blockquote>%s</blockquote><p class=\"muted\">%s</p></article>",
			    !strcmp(s[i].period, "week") ? T("Spotlight of the week") : T("Spotlight of the month"),
			    s[i].team_name, s[i].rep_name, s[i].citation,
			    arena_printf(r->a, T("Written by %s"), s[i].author_name));
}

static void kudos_items(struct request *r, const struct kudos *k, size_t n, int show_team)
{
	struct strbuf *o = &r->out;
	html(o, "<ul class=\"kudos-feed\">");
	for (size_t i = 0; i < n; i++) {
		html_printf(o, "<li class=\"kudos\" data-kudos=\"%lld\"><p><strong>%s</strong> → <strong>%s</strong> "
			    "<span class=\"tag\">%s</span></p><p class=\"kudos-text\">%s</p><p class=\"muted\">%s",
			    (long long)k[i].id, k[i].giver_name, k[i].rep_name, kind_text(r, k[i].kind), k[i].text,
			    ui_date_text(r, k[i].given_on));
		if (show_team && *k[i].team_name)
			html_printf(o, " · %s", k[i].team_name);
		html(o, "</p></li>");
	}
	html(o, "</ul>");
}

enum err kudos_badges_load(struct request *r, int64_t rep_id, struct badge_facts *f, struct badge *b,
			   int *grace_days)
{
	enum err e = kudos_badge_facts(r->db, r->a, r->me.org_id, rep_id, f);
	if (e)
		return e;
	struct health_settings hs;
	settings_health(r->db, r->me.org_id, &hs);
	f->today = ui_today(r);
	f->grace_days = *grace_days = hs.grace_days;
	badges_compute(f, b);
	return E_OK;
}

/* the rep's badges and streaks; streaks only when the viewer may see them */
static void badges_render(struct request *r, int64_t rep_id, int streaks_too, int own)
{
	struct strbuf *o = &r->out;
	struct badge_facts f;
	struct badge b[BADGE_COUNT];
	int grace;
	if (kudos_badges_load(r, rep_id, &f, b, &grace))
		return;
	html_printf(o, "<section class=\"card\" id=\"badges\"><h2>%s</h2><p class=\"muted\">%s</p><ul class=\"kbadges\">",
		    own ? T("Your badges") : T("Badges"), T("Badges are earned by rules from the data, never handed out."));
	for (int i = 0; i < BADGE_COUNT; i++) {
		html_printf(o, "<li class=\"kbadge%-s\" data-badge=\"%s\"><strong>%s</strong> ",
			    b[i].earned ? " earned" : "", badge_codes[i], T(badge_label(b[i].kind)));
		if (b[i].earned && b[i].kind == BADGE_CLEAN_MONTH)
			html_printf(o, "<span class=\"tag\">%s</span> ",
				    arena_printf(r->a, trn(r->lang, "first on %s; %d month so far", "first on %s; %d months so far",
							   b[i].count), ui_date_text(r, b[i].on), b[i].count));
		else if (b[i].earned)
			html_printf(o, "<span class=\"tag\">%s</span> ", arena_printf(r->a, T("earned on %s"), ui_date_text(r, b[i].on)));
		else
			html_printf(o, "<span class=\"tag muted\">%s</span> ", T("not yet"));
		html_printf(o, "<span class=\"muted\">%s</span></li>", T(badge_rule(b[i].kind)));
	}
	html(o, "</ul>");
	if (streaks_too) {
		struct streaks s;
		streaks_compute(&f, &s);
		html_printf(o, "<h3>%s</h3><dl class=\"streaks\"><dt>%s</dt><dd data-streak=\"week\">%s</dd><dt>%s</dt>"
			    "<dd data-streak=\"month\">%s</dd></dl><p class=\"muted small\">%s</p>",
			    T("Streaks"), T("Weeks in a row with every due step kept"),
			    arena_printf(r->a, trn(r->lang, "%d week (best: %d)", "%d weeks (best: %d)", s.week_current),
					 s.week_current, s.week_best),
			    T("Months in a row without a missed step"),
			    arena_printf(r->a, trn(r->lang, "%d month (best: %d)", "%d months (best: %d)", s.month_current),
					 s.month_current, s.month_best),
			    arena_printf(r->a, T("The rule: a week (Monday to Sunday) or a calendar month counts once it is "
						 "over, when at least one step fell due in it and every one was kept. A missed "
						 "step ends the streak; a step still open more than %d days after its due date "
						 "counts as missed. A period in which no step fell due neither extends nor "
						 "breaks it. Cancelled steps do not count."), grace));
	}
	html(o, "</section>");
}

static struct table *feed_table(struct request *r, const struct kudos *k, size_t n)
{
	struct table *t = table_new(r->a, "kudos", 6);
	table_col(t, 0, T("Date"), CELL_DATE);
	table_col(t, 1, T("Given by"), CELL_TEXT);
	table_col(t, 2, T("Given to"), CELL_TEXT);
	table_col(t, 3, T("Team"), CELL_TEXT);
	table_col(t, 4, T("For"), CELL_TEXT);
	table_col(t, 5, T("What they did"), CELL_TEXT);
	for (size_t i = 0; i < n; i++) {
		size_t row = table_row(t);
		table_date(t, row, 0, k[i].given_on);
		table_text(t, row, 1, k[i].giver_name);
		table_text(t, row, 2, k[i].rep_name);
		table_text(t, row, 3, k[i].team_name);
		table_text(t, row, 4, kind_text(r, k[i].kind));
		table_text(t, row, 5, k[i].text);
	}
	return t;
}

static void render_page(struct request *r, struct give_form *gf, struct spot_form *sf)
{
	struct kudos_scope s = kudos_viewer_scope(r);
	int exporting = export_wanted(r) != NULL;
	int offset = exporting ? 0 : pager_offset(r);
	struct kudos *k;
	size_t n;
	int64_t total;
	enum err e = kudos_list(r->db, r->a, r->me.org_id, &s, exporting ? KUDOS_LIST_MAX : FEED_PAGE, offset, &k, &n,
				&total);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (exporting) {
		export_send(r, feed_table(r, k, n));
		return;
	}
	char week[11], month[11];
	spotlight_period_start("week", ui_today(r), week);
	spotlight_period_start("month", ui_today(r), month);
	struct spotlight *sp;
	size_t nsp;
	struct user_list ul;
	struct team_list tl;
	if ((e = spotlights_current(r->db, r->a, r->me.org_id, &s, week, month, &sp, &nsp)) ||
	    (e = colleagues(r, &ul)) || (e = spot_teams(r, &tl))) {
		resp_store_error(r, e);
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Kudos"), "kudos");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div></div>", T("Team"),
		    T("Kudos"));
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "given"))
		ui_notice(r, "ok", T("Kudos given. The team sees them in the feed."));
	else if (ok && !strcmp(ok, "spotlight"))
		ui_notice(r, "ok", T("The spotlight is saved."));
	struct give_form gempty = { 0 };
	if (!gf) {
		gempty.rep = req_query(r, "to");
		gf = &gempty;
	}
	give_form_render(r, &ul, gf);
	html_printf(o, "<section class=\"card\" id=\"spotlight\"><h2>%s</h2>", T("Spotlight"));
	if (nsp)
		spotlight_cards(r, sp, nsp);
	else
		html_printf(o, "<p class=\"muted\">%s</p>", T("No spotlight for this week or month yet."));
	html(o, "</section>");
	if (tl.n) {
		struct user_list members = { NULL, 0 };
		int64_t *ids = arena_allocarray(r->a, tl.n, sizeof(int64_t));
		for (size_t i = 0; i < tl.n; i++)
			ids[i] = tl.items[i].id;
		if ((e = user_list_teams(r->db, r->a, r->me.org_id, ids, tl.n, 0, &members))) {
			resp_store_error(r, e);
			return;
		}
		struct spot_form empty = { 0 };
		if (!sf) {
			empty.team = req_query(r, "team");
			sf = &empty;
		}
		spot_form_render(r, &tl, &members, sf);
	}
	html_printf(o, "<section class=\"card\" id=\"feed\"><h2>%s</h2>", T("The team's feed"));
	if (!n) {
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("No kudos yet. Be the first to recognise a colleague."));
	} else {
		kudos_items(r, k, n, 1);
		ui_export_links(r);
		ui_export_cut(r, total, KUDOS_LIST_MAX);
	}
	ui_pager(r, offset, FEED_PAGE, n, total);
	html(o, "</section>");
	badges_render(r, r->me.user_id, 1, 1);
	ui_page_end(r);
}

void page_kudos(struct request *r)
{
	render_page(r, NULL, NULL);
}

/* the recipient as the rules see them: *known when an active member of the
 * organisation; *team their team */
static enum err recipient(struct request *r, int64_t id, int *known, int64_t *team)
{
	*known = 0;
	*team = 0;
	if (id <= 0)
		return E_OK;
	struct user u;
	enum err e = user_get(r->db, r->a, r->me.org_id, id, &u);
	if (e == E_NOTFOUND)
		return E_OK;
	if (e)
		return e;
	struct person p = { u.id, u.org_id, u.team_id };
	*known = access_kudos_give(&r->viewer, &p, u.active);
	*team = u.team_id;
	return E_OK;
}

/* the check of a kudos for the page and the API: fills errs; *team the recipient's */
enum err kudos_give_check(struct request *r, int64_t rep_id, const char *kind, const char *text,
			  struct kudos_field_error *errs, size_t *nerr, int64_t *team)
{
	int known;
	enum err e = recipient(r, rep_id, &known, team);
	if (e)
		return e;
	struct kudos_input in = { r->me.user_id, rep_id, known, kind, text };
	*nerr = kudos_input_check(&in, errs);
	return E_OK;
}

static int64_t form_id(const char *s)
{
	if (!s || !*s)
		return 0;
	char *end;
	long long v = strtoll(s, &end, 10);
	return *end || v <= 0 ? -1 : (int64_t)v;
}

void page_kudos_post(struct request *r)
{
	struct give_form f = { 0 };
	f.rep = req_form_trimmed(r, "rep_id");
	f.kind = req_form_trimmed(r, "kind");
	f.text = req_form_trimmed(r, "text");
	int64_t team;
	enum err e = kudos_give_check(r, form_id(f.rep), f.kind, f.text, f.errs, &f.nerr, &team);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (f.nerr) {
		r->status = 400;
		render_page(r, &f, NULL);
		return;
	}
	if ((e = kudos_add(r->db, r->me.org_id, r->me.user_id, form_id(f.rep), team, f.kind, f.text, ui_today(r), NULL))) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, "/kudos?ok=given#feed");
}

/* the check of a spotlight: is rep_id an active member of team_id */
enum err kudos_spotlight_check(struct request *r, int64_t team_id, const char *period, int64_t rep_id,
			       const char *citation, struct kudos_field_error *errs, size_t *nerr)
{
	int in_team = 0;
	if (rep_id > 0) {
		struct user u;
		enum err e = user_get(r->db, r->a, r->me.org_id, rep_id, &u);
		if (e && e != E_NOTFOUND)
			return e;
		in_team = !e && u.active && team_id && u.team_id == team_id;
	}
	struct spotlight_input in = { period, rep_id, in_team, citation };
	*nerr = spotlight_input_check(&in, errs);
	return E_OK;
}

void page_kudos_spotlight_post(struct request *r)
{
	struct spot_form f = { 0 };
	f.team = req_form_trimmed(r, "team_id");
	f.period = req_form_trimmed(r, "period");
	f.rep = req_form_trimmed(r, "rep_id");
	f.citation = req_form_trimmed(r, "citation");
	int64_t team_id = form_id(f.team);
	struct team t;
	enum err e = team_id > 0 ? team_get(r->db, r->a, r->me.org_id, team_id, &t) : E_NOTFOUND;
	if (e && e != E_NOTFOUND) {
		resp_store_error(r, e);
		return;
	}
	if (e == E_NOTFOUND) {
		f.e_team = T("Choose a team you manage.");
	} else if (!access_spotlight_write(&r->viewer, r->me.org_id, team_id)) {
		resp_error(r, E_FORBIDDEN, T("Only whoever manages the team writes its spotlight."));
		return;
	}
	if ((e = kudos_spotlight_check(r, f.e_team ? 0 : team_id, f.period, form_id(f.rep), f.citation, f.errs,
				       &f.nerr))) {
		resp_store_error(r, e);
		return;
	}
	if (f.nerr || f.e_team) {
		r->status = 400;
		render_page(r, NULL, &f);
		return;
	}
	char start[11];
	spotlight_period_start(f.period, ui_today(r), start);
	if ((e = spotlight_set(r->db, r->me.org_id, team_id, f.period, start, form_id(f.rep), f.citation,
			       r->me.user_id))) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, "/kudos?ok=spotlight#spotlight");
}

/* ------------------------------------------------------------ other pages */

/* the home page: the spotlight of the viewer's teams, badges earned and
 * kudos received in the last NEW_DAYS days */
void kudos_home_section(struct request *r)
{
	struct strbuf *o = &r->out;
	struct kudos_scope s = { 0, r->me.user_id, 0 };
	char week[11], month[11], since[11];
	spotlight_period_start("week", ui_today(r), week);
	spotlight_period_start("month", ui_today(r), month);
	day_add(ui_today(r), -NEW_DAYS, since);
	struct spotlight *sp;
	size_t nsp;
	if (spotlights_current(r->db, r->a, r->me.org_id, &s, week, month, &sp, &nsp))
		return;
	struct kudos_scope mine = { 0, r->me.user_id, r->me.user_id };
	struct kudos *k;
	size_t n;
	int64_t total;
	if (kudos_list(r->db, r->a, r->me.org_id, &mine, 3, 0, &k, &n, &total))
		return;
	size_t fresh = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(k[i].given_on, since) >= 0)
			k[fresh++] = k[i];
	struct badge_facts f;
	struct badge b[BADGE_COUNT];
	int grace;
	if (kudos_badges_load(r, r->me.user_id, &f, b, &grace))
		return;
	int newb = 0;
	for (int i = 0; i < BADGE_COUNT; i++)
		newb += b[i].earned && strcmp(b[i].on, since) >= 0;
	if (!nsp && !fresh && !newb)
		return;
	html_printf(o, "<section class=\"card\" id=\"kudos-home\"><h2>%s</h2>", T("Kudos and the spotlight"));
	spotlight_cards(r, sp, nsp);
	if (newb) {
		html_printf(o, "<p>%s</p><ul class=\"kbadges\">", T("New badges:"));
		for (int i = 0; i < BADGE_COUNT; i++)
			if (b[i].earned && strcmp(b[i].on, since) >= 0)
				html_printf(o, "<li class=\"kbadge earned\" data-badge=\"%s\"><strong>%s</strong> "
					    "<span class=\"tag\">%s</span></li>", badge_codes[i], T(badge_label(b[i].kind)),
					    ui_date_text(r, b[i].on));
		html(o, "</ul>");
	}
	if (fresh) {
		html_printf(o, "<p>%s</p>", T("Kudos you received:"));
		kudos_items(r, k, fresh, 0);
	}
	html_printf(o, "<p><a href=\"/kudos\">%s</a></p></section>", T("All kudos and your badges"));
}

/* a manager's "needs you now" of this part (kudos_manager_needs) */
void kudos_home_needs(struct request *r)
{
	if (!access_leads_any_team(&r->viewer))
		return;
	struct kudos_need *x;
	size_t n;
	if (kudos_manager_needs(r->db, r->a, r->me.org_id, r->me.user_id, ui_today(r), &x, &n) || !n)
		return;
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"kudos-needs\"><h2>%s</h2><ul>", T("What is due: the spotlight"));
	for (size_t i = 0; i < n; i++)
		html_printf(o, "<li><a href=\"%s\">%s</a></li>", x[i].link,
			    arena_printf(r->a, T("%s has no spotlight for this month yet."), x[i].team_name));
	html(o, "</ul></section>");
}

/* the rep page: badges (and streaks, private), kudos received */
void kudos_rep_section(struct request *r, const struct user *u)
{
	struct person p = { u->id, u->org_id, u->team_id };
	if (!access_badges_see(&r->viewer, &p))
		return;
	badges_render(r, u->id, access_streaks_see(&r->viewer, &p), u->id == r->me.user_id);
	struct kudos_scope s = { 1, 0, u->id };	/* every one the rep received, then each checked */
	struct kudos *k;
	size_t n;
	int64_t total;
	if (kudos_list(r->db, r->a, r->me.org_id, &s, 10, 0, &k, &n, &total))
		return;
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		struct kudos_ref ref = { k[i].org_id, k[i].giver_id, k[i].rep_id, k[i].team_id };
		if (access_kudos_see(&r->viewer, &ref))
			k[shown++] = k[i];
	}
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"kudos-received\"><h2>%s</h2>", T("Kudos received"));
	if (!shown)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No kudos yet."));
	else
		kudos_items(r, k, shown, 0);
	if (u->id != r->me.user_id)
		html_printf(o, "<p><a class=\"button small\" href=\"/kudos?to=%lld#give\">%s</a></p>", (long long)u->id,
			    T("Give kudos"));
	html(o, "</section>");
}

/* the teams page: a team's spotlight of this week and month */
void kudos_team_spotlight(struct request *r, int64_t team_id)
{
	char week[11], month[11];
	spotlight_period_start("week", ui_today(r), week);
	spotlight_period_start("month", ui_today(r), month);
	struct spotlight *sp;
	size_t n;
	if (spotlights_team(r->db, r->a, r->me.org_id, team_id, week, month, &sp, &n) || !n)
		return;
	spotlight_cards(r, sp, n);
}
