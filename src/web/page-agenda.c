/*
 * page-agenda: "my agenda" — a rep's open next steps, the ones that are
 * overdue first, then today's, the rest of this week (up to Sunday, the end
 * of the ISO week) and the next 30 days — and what can happen to a step
 * from here: done (kept), moved to a new date (a slip, counted), cancelled,
 * or followed up by logging the conversation, which closes it as kept.
 *
 * A step that is past due by more than the organisation's grace period is
 * marked "missed": it is what a manager will see on the deal's health, so
 * the rep sees it first. A manager or admin may open the agenda of a rep
 * whose deals they may see (?rep=ID) and act on those steps; a rep only
 * ever sees and changes their own.
 */
#include "pages.h"
#include "export.h"
#include "../lib/localpath.h"
#include "ui.h"
#include "dealui.h"
#include "load.h"
#include "candidateagenda.h"
#include "../store/conversations.h"
#include "../store/settings.h"
#include "../store/users.h"
#include "../lib/fmt.h"
#include "../lib/util.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>


/* how far ahead "later" looks */
#define AGENDA_DAYS 30
/* the later section shows this many steps to a page */
#define LATER_SHOWN 25

/* what a re-rendered agenda says: about the page, or about one step's move form */
struct agenda_msg {
	const char *notice;		/* an error about the page */
	int64_t step_id;		/* the step whose move was refused */
	const char *due_error, *due;	/* its message and the date typed */
};

/* the Sunday that ends the ISO week of day (day itself when a Sunday) */
static void week_end(const char *day, char out[11])
{
	struct tm tm = { 0 };
	tm.tm_year = atoi(day) - 1900;
	tm.tm_mon = atoi(day + 5) - 1;
	tm.tm_mday = atoi(day + 8);
	tm.tm_hour = 12;
	time_t t = timegm(&tm);
	gmtime_r(&t, &tm);
	date_add_days(day, (7 - tm.tm_wday) % 7, out);
}

/* a local path (lib/localpath.h) without its fragment, so a notice can be
 * added to the query; fallback otherwise */
static const char *return_path(struct request *r, const char *p, const char *fallback)
{
	if (!local_path(p))
		return fallback;
	const char *hash = strchr(p, '#');
	return hash ? arena_strndup(r->a, p, (size_t)(hash - p)) : p;
}

/* the address of the agenda shown: the viewer's own, or a rep's */
static const char *agenda_path(struct request *r, int64_t rep_id)
{
	return rep_id == r->me.user_id ? "/agenda" : arena_printf(r->a, "/agenda?rep=%lld", (long long)rep_id);
}

static void hidden_return(struct request *r, const char *back)
{
	html_printf(&r->out, "<input type=\"hidden\" name=\"return\" value=\"%s\">", back);
}

static void step_item(struct request *r, const struct step_row *s, const char *today, const char *back,
		      const struct agenda_msg *m)
{
	struct strbuf *o = &r->out;
	int missed = s->state == STEP_MISSED, overdue = s->state == STEP_OVERDUE;
	html_printf(o, "<li class=\"step-item%-s\" id=\"step-%lld\"><div class=\"step-main\"><p class=\"step-what\">%s",
		    missed ? " missed" : overdue ? " overdue" : "", (long long)s->id, s->what);
	if (missed)
		html_printf(o, " <span class=\"badge bad\">%s</span>", T("missed"));
	else if (overdue)
		html_printf(o, " <span class=\"badge warn\">%s</span>", T("overdue"));
	html(o, "</p><p class=\"step-meta\">");
	if (*s->who)
		html_printf(o, "<span>%s</span>", arena_printf(r->a, T("promised by %s"), s->who));
	if (s->deal_id)
		html_printf(o, "<span><a href=\"/deals/%lld\">%s</a> · %s</span>", (long long)s->deal_id, s->deal_title,
			    s->account_name);
	else if (s->account_id)
		html_printf(o, "<span><a href=\"/accounts/%lld\">%s</a></span>", (long long)s->account_id,
			    s->account_name);
	html(o, "</p><p class=\"step-meta\">");
	int late = days_between(s->due, today);
	if (late > 0)
		html_printf(o, "<span>%s</span>",
			    arena_printf(r->a, trn(r->lang, "due %s, %d day ago", "due %s, %d days ago", late),
					 ui_date_text(r, s->due), late));
	else if (late == 0)
		html_printf(o, "<span>%s</span>", T("due today"));
	else
		html_printf(o, "<span>%s</span>", arena_printf(r->a, T("due %s"), ui_date_text(r, s->due)));
	if (s->slips > 0)
		html_printf(o, " <span class=\"badge%-s\" title=\"%s\">%s</span>", s->slips >= 2 ? " warn" : "",
			    arena_printf(r->a, T("first agreed for %s"), ui_date_text(r, s->original_due)),
			    arena_printf(r->a, trn(r->lang, "moved %d×", "moved %d×", s->slips), s->slips));
	html(o, "</p></div><div class=\"step-actions\">");

	html_printf(o, "<form method=\"post\" action=\"/steps/%lld/keep\">", (long long)s->id);
	ui_csrf(r);
	hidden_return(r, back);
	html_printf(o, "<button class=\"button primary\" type=\"submit\">%s</button></form>", T("Done"));

	struct strbuf ret = STRBUF_INIT;
	url_encode(&ret, back);
	if (s->deal_id)
		html_printf(o, "<a class=\"button\" href=\"/conversations/new?deal=%lld&amp;return=%s\">%s</a>",
			    (long long)s->deal_id, ret.buf, T("Log the conversation"));
	else if (s->account_id)
		html_printf(o, "<a class=\"button\" href=\"/conversations/new?account=%lld&amp;return=%s\">%s</a>",
			    (long long)s->account_id, ret.buf, T("Log the conversation"));
	sb_release(&ret);

	int err = m && m->step_id == s->id && m->due_error;
	html_printf(o, "<form method=\"post\" action=\"/steps/%lld/slip\" class=\"move-form%-s\">", (long long)s->id,
		    err ? " invalid" : "");
	ui_csrf(r);
	hidden_return(r, back);
	html_printf(o, "<label class=\"sr-only\" for=\"due-%lld\">%s</label>"
		    "<input type=\"date\" id=\"due-%lld\" name=\"due\" min=\"%s\" value=\"%s\" required%-s>"
		    "<button class=\"button\" type=\"submit\">%s</button>",
		    (long long)s->id, T("New date"), (long long)s->id, today, err && m->due ? m->due : "",
		    err ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-due-%lld\"", (long long)s->id) : "",
		    T("Move"));
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"e-due-%lld\">%s</p>", (long long)s->id, m->due_error);
	html(o, "</form>");

	html_printf(o, "<form method=\"post\" action=\"/steps/%lld/cancel\" class=\"cancel-form\" data-confirm=\"%s\">",
		    (long long)s->id,
		    T("Cancel this step? It no longer counts as a next step on the deal."));
	ui_csrf(r);
	hidden_return(r, back);
	html_printf(o, "<button class=\"button danger\" type=\"submit\">%s</button></form>", T("Cancel the step"));

	html(o, "</div></li>");
}

/* one section: the steps with from < due <= to (from NULL: no lower bound);
 * cap 0 shows them all, else cap of them from offset with the shared pager
 * (the "later" section, which is where a long list piles up) */
static size_t section(struct request *r, const struct step_list *l, const char *id, const char *title,
		      const char *from, const char *to, const char *empty, const char *today, const char *back,
		      const struct agenda_msg *m, int offset, int cap)
{
	struct strbuf *o = &r->out;
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		if ((!from || strcmp(l->items[i].due, from) > 0) && strcmp(l->items[i].due, to) <= 0)
			n++;
	html_printf(o, "<section class=\"card agenda-section\" id=\"%s\"><h2>%s <span class=\"count\">%zu</span></h2>",
		    id, title, n);
	if (!n) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", empty);
		return 0;
	}
	if (!cap || (size_t)offset >= n)
		offset = 0;
	html(o, "<ul class=\"step-list\">");
	size_t seen = 0, shown = 0;
	for (size_t i = 0; i < l->n; i++)
		if ((!from || strcmp(l->items[i].due, from) > 0) && strcmp(l->items[i].due, to) <= 0) {
			if (seen++ < (size_t)offset || (cap && shown >= (size_t)cap))
				continue;
			step_item(r, &l->items[i], today, back, m);
			shown++;
		}
	html(o, "</ul>");
	if (cap)
		ui_pager(r, offset, cap, shown, (int64_t)n);
	html(o, "</section>");
	return n;
}

/* the picker of whose agenda, for a manager or admin */
static void rep_picker(struct request *r, int64_t rep_id)
{
	if (r->viewer.role < ROLE_MANAGER)
		return;
	struct user_list people;
	if (dealui_people(r, 1, &people) || people.n < 2)
		return;
	struct dealui_opts opts;
	dealui_people_options(r, &people, NULL, &opts);
	html(&r->out, "<form method=\"get\" action=\"/agenda\" class=\"form inline picker\">");
	ui_select(r, "rep", T("Agenda of"), opts.values, opts.labels, opts.n,
		  arena_printf(r->a, "%lld", (long long)rep_id), NULL);
	html_printf(&r->out, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form>",
		    T("Show"));
}

/* the whole page for rep_id (already checked); status is already set for a re-render */
static void render_agenda(struct request *r, int64_t rep_id, const char *rep_name, const struct agenda_msg *m)
{
	const char *today = ui_today(r);
	char yesterday[11], sunday[11], until[11];
	date_add_days(today, -1, yesterday);
	week_end(today, sunday);
	date_add_days(today, AGENDA_DAYS, until);
	struct health_settings hs;
	settings_health(r->db, r->me.org_id, &hs);
	struct step_list l;
	if (step_agenda(r->db, r->a, r->me.org_id, rep_id, until, &l)) {
		resp_store_error(r, E_OK);
		return;
	}
	step_assess(l.items, l.n, today, hs.grace_days);
	size_t n_over = 0, n_missed = 0, n_today = 0, n_week = 0;
	for (size_t i = 0; i < l.n; i++) {
		int c = strcmp(l.items[i].due, today);
		if (c < 0) {
			n_over++;
			n_missed += l.items[i].state == STEP_MISSED;
		} else if (c == 0) {
			n_today++;
		} else if (strcmp(l.items[i].due, sunday) <= 0) {
			n_week++;
		}
	}
	int own = rep_id == r->me.user_id;
	const char *back = agenda_path(r, rep_id);
	const char *title = own ? T("My agenda") : arena_printf(r->a, T("Agenda of %s"), rep_name);

	ui_page_begin(r, title, "agenda");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><h1>%s</h1><p class=\"muted\">%s</p></div>"
		    "<div class=\"actions\"><a class=\"button primary\" href=\"/conversations/new?return=%s\">%s</a>",
		    title, T("Open next steps that customers committed to, by due date."),
		    own ? "%2Fagenda" : arena_printf(r->a, "%%2Fagenda%%3Frep%%3D%lld", (long long)rep_id),
		    T("Log a conversation"));
	if (own)
		html_printf(o, "<a class=\"button\" href=\"/account#calendar\">%s</a>", T("Subscribe in your calendar"));
	html(o, "</div></div>");
	if (m && m->notice)
		ui_notice(r, "error", m->notice);
	rep_picker(r, rep_id);

	html_printf(o, "<div class=\"stats agenda-stats\"><a class=\"stat%-s\" href=\"#overdue\"><span class=\"stat-value\">%zu</span>"
		    "<span class=\"stat-label\">%s</span></a>",
		    n_over ? " stat-bad" : "", n_over,
		    n_missed ? arena_printf(r->a, trn(r->lang, "overdue, %zu missed", "overdue, %zu missed", (long)n_missed),
					    n_missed) : T("overdue"));
	html_printf(o, "<a class=\"stat\" href=\"#today\"><span class=\"stat-value\">%zu</span><span class=\"stat-label\">%s</span></a>"
		    "<a class=\"stat\" href=\"#week\"><span class=\"stat-value\">%zu</span><span class=\"stat-label\">%s</span></a></div>",
		    n_today, T("today"), n_week, T("rest of this week"));
	if (n_missed)
		html_printf(o, "<p class=\"muted\">%s</p>",
			    arena_printf(r->a, trn(r->lang, "A step is missed when it is more than %d day past due "
						  "without a conversation or an update.",
						  "A step is missed when it is more than %d days past due "
						  "without a conversation or an update.", hs.grace_days), hs.grace_days));

	section(r, &l, "overdue", T("Overdue"), NULL, yesterday, T("Nothing overdue."), today, back, m, 0, 0);
	section(r, &l, "today", T("Today"), yesterday, today, T("No steps due today."), today, back, m, 0, 0);
	section(r, &l, "week", T("This week"), today, sunday, T("No more steps this week."), today, back, m, 0, 0);
	section(r, &l, "later", arena_printf(r->a, T("Next %d days"), AGENDA_DAYS), sunday, until,
		T("Nothing planned further ahead."), today, back, m, pager_offset(r), LATER_SHOWN);
	/* recruiting (issue 11): the steps with candidates the user agreed, on their own agenda */
	if (own)
		candidate_agenda_section(r, rep_id, until);
	ui_log_button(r, 0, own ? "%2Fagenda" : arena_printf(r->a, "%%2Fagenda%%3Frep%%3D%lld", (long long)rep_id));
	ui_page_end(r);
}

/* whose agenda ?rep= asks for: 0 with the answer sent when not allowed */
static int64_t agenda_rep(struct request *r, const char **name)
{
	const char *v = req_query(r, "rep");
	*name = r->me.name;
	if (!v || !*v)
		return r->me.user_id;
	int64_t id = dealui_query_id(r, "rep");
	if (!id) {
		resp_error(r, E_NOTFOUND, T("There is no such person."));
		return 0;
	}
	if (id == r->me.user_id)
		return id;
	struct user *u = user_load_or_reply(r, id, NEED_SEE);
	if (!u)
		return 0;
	*name = u->name;
	return id;
}

void page_agenda(struct request *r)
{
	const char *name;
	int64_t rep = agenda_rep(r, &name);
	if (rep)
		render_agenda(r, rep, name, NULL);
}

/* --- acting on a step --- */

/* the step of the path, and whose agenda to show around it; 0, or -1 with
 * the answer sent (404 for another organisation's step, 403 for one the
 * viewer may not change). Who may change a step is web/load.c's and
 * domain/access.c's to say, the same as for PATCH /api/v1/steps/:id. A
 * deal's owner may act on a step their manager logged on the deal, but the
 * page around it stays the viewer's own agenda: the manager's is not theirs
 * to see. */
static int load_step(struct request *r, struct step_row *s, const char **rep_name)
{
	struct step_row *got = step_load_or_reply(r, r->id, NEED_CLOSE);
	if (!got)
		return -1;
	*s = *got;
	*rep_name = s->rep_name;
	struct user u;
	enum err e = s->rep_id == r->me.user_id ? E_OK : user_get(r->db, r->a, r->me.org_id, s->rep_id, &u);
	if (e) {
		load_store_error(r, e);
		return -1;
	}
	if (s->rep_id != r->me.user_id && !ui_may_see_owner(r, u.id, u.team_id)) {
		/* s is this handler's copy: from here on its rep_id says whose
		 * agenda the answer shows and returns to */
		s->rep_id = r->me.user_id;
		*rep_name = r->me.name;
	}
	return 0;
}

/* a step that is no longer open: already kept, missed or cancelled */
static void not_open(struct request *r, const struct step_row *s, const char *rep_name)
{
	struct agenda_msg m = { .notice = T("This step is no longer open: it was kept, missed or cancelled already.") };
	r->status = 409;
	render_agenda(r, s->rep_id, rep_name, &m);
}

static void done(struct request *r, const struct step_row *s, const char *code)
{
	const char *back = return_path(r, req_form(r, "return"), agenda_path(r, s->rep_id));
	ui_redirect_done(r, back, code);
}

/* the step of the path, open and visible; 0 when so, else answered */
static int load_open_step(struct request *r, struct step_row *s, const char **rep_name)
{
	if (load_step(r, s, rep_name))
		return -1;
	if (strcmp(s->status, "open")) {
		not_open(r, s, *rep_name);
		return -1;
	}
	return 0;
}

/* answers the outcome of a change to an open step; a step that stopped
 * being open in the meantime reads as E_NOTFOUND */
static void finish(struct request *r, const struct step_row *s, const char *rep_name, enum err e,
		   const char *code)
{
	if (e == E_NOTFOUND)
		not_open(r, s, rep_name);
	else if (e)
		resp_store_error(r, E_OK);
	else
		done(r, s, code);
}

void page_step_keep_post(struct request *r)
{
	struct step_row s;
	const char *rep_name;
	if (load_open_step(r, &s, &rep_name))
		return;
	finish(r, &s, rep_name, step_keep(r->db, r->me.org_id, s.id, ui_today(r)), "step-kept");
}

void page_step_slip_post(struct request *r)
{
	struct step_row s;
	const char *rep_name;
	if (load_open_step(r, &s, &rep_name))
		return;
	const char *due = req_form(r, "due");
	struct rule_error err = { 0 };
	enum err e = step_slip(r->db, r->a, r->me.org_id, s.id, due ? due : "", ui_today(r), &err);
	if (e == E_INVALID) {
		const char *msg = T(err.message ? err.message : N_("Give the new date of the step."));
		struct agenda_msg m = { .notice = arena_printf(r->a, T("The step \"%s\" was not moved: %s"), s.what, msg),
					.step_id = s.id, .due_error = msg, .due = due };
		r->status = 400;
		render_agenda(r, s.rep_id, rep_name, &m);
		return;
	}
	finish(r, &s, rep_name, e, "step-moved");
}

void page_step_cancel_post(struct request *r)
{
	struct step_row s;
	const char *rep_name;
	if (load_open_step(r, &s, &rep_name))
		return;
	finish(r, &s, rep_name, step_cancel(r->db, r->me.org_id, s.id), "step-cancelled");
}
