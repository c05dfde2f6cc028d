/*
 * page-pulse: the wellbeing pulse (issue 10) — a rep's weekly check-in of
 * three taps on a phone, their own trend and burnout risk, their choice to
 * share it; and the manager's view within the rules.
 *
 *   GET  /pulse            my check-in of this week, my trend (12 weeks),
 *                          my burnout risk with the rule, sharing
 *   POST /pulse            answer this week (energy, motivation, workload
 *                          1..5, comment); a second answer of the same week
 *                          is refused naming the field "week" unless the
 *                          form says change=1 ("Change this week's answer")
 *   POST /pulse/sharing    share=1 / share=0
 *   GET  /team/pulse       (managers and admins) the weekly averages of the
 *                          teams the caller leads — closed weeks with at
 *                          least three answers only —, the reps who share,
 *                          and what needs the manager now; ?format=csv|xlsx
 *                          downloads the averages (?table=shared: the
 *                          shared reps' answers)
 *
 * and the parts other pages borrow: home's "needs you now" (pulse_home_needs)
 * and the rep page's section (pulse_rep_section, shared answers only).
 *
 * Rights: domain/access.c access_pulse_*; rules: domain/pulse.c; figures:
 * service/pulse.c.
 */
#include "pages.h"
#include "ui.h"
#include "export.h"
#include "../domain/pulse.h"
#include "../service/pulse.h"
#include "../store/pulse.h"
#include "../store/teams.h"
#include "../store/users.h"
#include "../lib/table.h"
#include "../lib/util.h"
#include <stdio.h>
#include <string.h>

static const char *const questions[3] = { "energy", "motivation", "workload" };

static const char *question_label(struct request *r, int i)
{
	switch (i) {
	case 0: return T("Energy");
	case 1: return T("Motivation");
	default: return T("Workload");
	}
}

/* what 1 and 5 mean for each question */
static const char *question_scale(struct request *r, int i)
{
	switch (i) {
	case 0: return T("1 = drained, 5 = full of energy");
	case 1: return T("1 = none, 5 = very motivated");
	default: return T("1 = far too little, 5 = far too much");
	}
}

static const char *score_text(struct request *r, int points)
{
	return ui_decimal_text(r, points / 3.0, 2);
}

/* "Week 50 · 7 Dec – 13 Dec 2026" */
static const char *week_text(struct request *r, const char *week)
{
	char mon[11], sun[11];
	if (pulse_week_monday(week, mon) || pulse_week_sunday(week, sun))
		return week;
	return arena_printf(r->a, T("Week %s · %s – %s"), week + 6, ui_date_text(r, mon), ui_date_text(r, sun));
}

static const char *rule_text(struct request *r)
{
	return T("The answer of a week is the mean of energy, motivation and the workload turned round (6 − workload), "
		 "so 1 is always bad and 5 always good: energy 2, motivation 3, workload 4 gives (2 + 3 + 2) / 3 = 2.33. "
		 "Burnout risk: the mean of the answers of your last three answered weeks is 2.5 or lower, or your latest "
		 "answer is 1.0 or more below your answer of four weeks before it. Weeks are ISO weeks, Monday to Sunday.");
}

static const char *risk_text(struct request *r, int risk)
{
	if ((risk & PULSE_RISK_LOW) && (risk & PULSE_RISK_FALL))
		return T("At risk: the last three weeks average 2.5 or lower, and a fall of 1.0 or more over four weeks.");
	if (risk & PULSE_RISK_LOW)
		return T("At risk: the last three answered weeks average 2.5 or lower.");
	if (risk & PULSE_RISK_FALL)
		return T("At risk: a fall of 1.0 or more over four weeks.");
	return T("No burnout risk by the rule.");
}

/* ------------------------------------------------------------ the trend chart */

/* an SVG line of the answers of the weeks from..now (missing weeks are gaps) */
static void trend_chart(struct request *r, const struct pulse_trend *t, int weeks, const char *label)
{
	struct strbuf *o = &r->out;
	const int w = 360, h = 160, left = 26, right = 8, top = 8, bottom = 24;
	double step = (double)(w - left - right) / (weeks > 1 ? weeks - 1 : 1);
	html_printf(o, "<figure class=\"pulse-chart\"><svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", w, h,
		    label);
	for (int v = 1; v <= 5; v++) {
		double y = top + (5 - v) * (double)(h - top - bottom) / 4;
		html_printf(o, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
			    "<text x=\"4\" y=\"%.1f\" class=\"axis\">%d</text>", left, w - right, y, y, y + 4, v);
	}
	/* the 2.5 line of the rule */
	double y25 = top + (5 - 2.5) * (double)(h - top - bottom) / 4;
	html_printf(o, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"limit\"/>", left, w - right, y25, y25);
	char wk[PULSE_WEEK_LEN];
	strcpy(wk, t->from);
	for (int i = 0; i < weeks; i++) {
		if (i % 3 == 0 || i == weeks - 1)
			html_printf(o, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"%-s\">%s</text>",
				    left + i * step, h - 6, i == weeks - 1 ? "end" : "middle", wk + 5);
		char next[PULSE_WEEK_LEN];
		if (pulse_week_add(wk, 1, next))
			break;
		strcpy(wk, next);
	}
	strcpy(wk, t->from);
	size_t k = 0;
	int open = 0;
	for (int i = 0; i < weeks; i++) {
		double x = left + i * step;
		while (k < t->answers.n && strcmp(t->answers.items[k].week, wk) < 0)
			k++;
		if (k < t->answers.n && !strcmp(t->answers.items[k].week, wk)) {
			const struct pulse_row *a = &t->answers.items[k];
			double s = pulse_score(a->energy, a->motivation, a->workload);
			double y = top + (5 - s) * (double)(h - top - bottom) / 4;
			if (!open)
				html(o, "<polyline class=\"line\" points=\"");
			html_printf(o, "%.1f,%.1f ", x, y);
			open = 1;
		} else if (open) {
			html(o, "\"/>");
			open = 0;
		}
		char next[PULSE_WEEK_LEN];
		if (pulse_week_add(wk, 1, next))
			break;
		strcpy(wk, next);
	}
	if (open)
		html(o, "\"/>");
	/* the dots, with the value as a tooltip */
	strcpy(wk, t->from);
	k = 0;
	for (int i = 0; i < weeks; i++) {
		while (k < t->answers.n && strcmp(t->answers.items[k].week, wk) < 0)
			k++;
		if (k < t->answers.n && !strcmp(t->answers.items[k].week, wk)) {
			const struct pulse_row *a = &t->answers.items[k];
			int p = pulse_points(a->energy, a->motivation, a->workload);
			double y = top + (5 - p / 3.0) * (double)(h - top - bottom) / 4;
			html_printf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" class=\"dot\"><title>%s: %s</title></circle>",
				    left + i * step, y, a->week, score_text(r, p));
		}
		char next[PULSE_WEEK_LEN];
		if (pulse_week_add(wk, 1, next))
			break;
		strcpy(wk, next);
	}
	html_printf(o, "</svg><figcaption class=\"muted\">%s</figcaption></figure>",
		    T("The answer of each week (1 bad – 5 good); the dashed line is 2.5. A gap: no answer that week."));
}

static struct table *answers_table(struct request *r, const char *name, const struct pulse_list *l)
{
	struct table *t = table_new(r->a, name, 6);
	table_col(t, 0, T("Week"), CELL_TEXT);
	table_col(t, 1, T("Monday"), CELL_DATE);
	table_col(t, 2, T("Energy"), CELL_INT);
	table_col(t, 3, T("Motivation"), CELL_INT);
	table_col(t, 4, T("Workload"), CELL_INT);
	table_col(t, 5, T("Answer of the week"), CELL_NUM);
	for (size_t i = l->n; i-- > 0;) {
		const struct pulse_row *a = &l->items[i];
		size_t row = table_row(t);
		char mon[11];
		table_text(t, row, 0, a->week);
		if (!pulse_week_monday(a->week, mon))
			table_date(t, row, 1, mon);
		table_int(t, row, 2, a->energy);
		table_int(t, row, 3, a->motivation);
		table_int(t, row, 4, a->workload);
		table_num(t, row, 5, pulse_score(a->energy, a->motivation, a->workload));
	}
	return t;
}

/* ------------------------------------------------------------ my pulse */

struct pform {
	const char *value[3], *comment;
	const char *err[5];		/* energy, motivation, workload, comment, week */
	const char *notice;
	int change;			/* the form changes this week's answer */
};

static int field_index(const char *field)
{
	static const char *const f[] = { "energy", "motivation", "workload", "comment", "week" };
	for (int i = 0; i < 5; i++)
		if (!strcmp(f[i], field))
			return i;
	return 4;
}

static void scale_field(struct request *r, int q, const struct pform *f)
{
	struct strbuf *o = &r->out;
	const char *err = f->err[q];
	html_printf(o, "<fieldset class=\"field pulse-q%-s\" id=\"q-%s\"><legend>%s <span class=\"muted\">%s</span></legend>"
		    "<div class=\"chips pulse-scale\">", err ? " invalid" : "", questions[q], question_label(r, q),
		    question_scale(r, q));
	for (int v = 1; v <= 5; v++) {
		char s[2] = { (char)('0' + v), 0 };
		html_printf(o, "<label class=\"chip\"><input type=\"radio\" name=\"%s\" value=\"%d\"%-s%-s><span>%d</span></label>",
			    questions[q], v, f->value[q] && !strcmp(f->value[q], s) ? " checked" : "", v == 1 ? " required" : "",
			    v);
	}
	html(o, "</div>");
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"e-%s\">%s</p>", questions[q], err);
	html(o, "</fieldset>");
}

static void saved_notice(struct request *r)
{
	const char *s = req_query(r, "saved");
	if (!s)
		return;
	if (!strcmp(s, "answered"))
		ui_notice(r, "ok", T("Thank you: your answer of this week is saved."));
	else if (!strcmp(s, "changed"))
		ui_notice(r, "ok", T("Your answer of this week is changed."));
	else if (!strcmp(s, "shared"))
		ui_notice(r, "ok", T("You share your pulse with the manager who leads your team."));
	else if (!strcmp(s, "unshared"))
		ui_notice(r, "ok", T("You no longer share your pulse; your manager sees nothing of it."));
}

static void render_mine(struct request *r, struct pform *f)
{
	const char *today = ui_today(r);
	struct pulse_trend t;
	enum err e = pulse_trend_of(r->db, r->a, r->me.org_id, r->me.user_id, today, PULSE_TREND_WEEKS, &t);
	int shared = 0;
	if (e || (e = pulse_shared_get(r->db, r->me.org_id, r->me.user_id, &shared))) {
		resp_store_error(r, e);
		return;
	}
	if (export_wanted(r)) {
		export_send(r, answers_table(r, "my-pulse", &t.answers));
		return;
	}
	const struct pulse_row *mine = t.answers.n && !strcmp(t.answers.items[t.answers.n - 1].week, t.now)
				       ? &t.answers.items[t.answers.n - 1] : NULL;
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("My pulse"), "pulse");
	html_printf(o, "<div class=\"page-head\"><div><h1>%s</h1><p class=\"muted\">%s</p></div></div>", T("My pulse"),
		    week_text(r, t.now));
	saved_notice(r);
	if (access_leads_any_team(&r->viewer))
		html_printf(o, "<p><a href=\"/team/pulse\">%s</a></p>", T("Team pulse"));
	if (f->notice)
		ui_notice(r, "error", f->notice);
	if (mine && !f->change && !f->err[4] && !f->notice) {
		html_printf(o, "<section class=\"card\" id=\"this-week\"><h2>%s</h2><p>%s</p>", T("This week"),
			    arena_printf(r->a, T("Energy %d · motivation %d · workload %d: the answer of the week is %s."),
					 mine->energy, mine->motivation, mine->workload,
					 score_text(r, pulse_points(mine->energy, mine->motivation, mine->workload))));
		html_printf(o, "<details class=\"pulse-change\"><summary class=\"button\">%s</summary>",
			    T("Change this week's answer"));
		f->change = 1;
		for (int q = 0; q < 3; q++)
			f->value[q] = arena_printf(r->a, "%d", q == 0 ? mine->energy : q == 1 ? mine->motivation : mine->workload);
		f->comment = mine->comment;
	} else {
		html_printf(o, "<section class=\"card\" id=\"this-week\"><h2>%s</h2>", T("How was your week?"));
	}
	html(o, "<form method=\"post\" action=\"/pulse\" class=\"form pulse-form\">");
	ui_csrf(r);
	if (f->change)
		html(o, "<input type=\"hidden\" name=\"change\" value=\"1\">");
	if (f->err[4])
		html_printf(o, "<p class=\"field-error\" id=\"e-week\">%s</p>", f->err[4]);
	for (int q = 0; q < 3; q++)
		scale_field(r, q, f);
	html_printf(o, "<details class=\"pulse-comment\"%-s><summary>%s</summary><div class=\"field%-s\">"
		    "<label for=\"f-comment\">%s</label><textarea id=\"f-comment\" name=\"comment\" rows=\"2\" maxlength=\"%d\">%s"
		    "</textarea>", f->comment && *f->comment ? " open" : f->err[3] ? " open" : "", T("Add a comment (optional)"),
		    f->err[3] ? " invalid" : "", T("Comment (only you see it)"), PULSE_COMMENT_MAX, f->comment ? f->comment : "");
	if (f->err[3])
		html_printf(o, "<p class=\"field-error\" id=\"e-comment\">%s</p>", f->err[3]);
	html_printf(o, "</div></details><div class=\"actions\"><button class=\"button primary big\" type=\"submit\">%s</button>"
		    "</div></form>", f->change ? T("Save the change") : T("Send"));
	if (mine && f->change && !f->err[4])
		html(o, "</details>");
	html(o, "</section>");

	html_printf(o, "<section class=\"card\" id=\"trend\"><h2>%s</h2>", T("My trend (12 weeks)"));
	trend_chart(r, &t, PULSE_TREND_WEEKS, T("My trend (12 weeks)"));
	html_printf(o, "<p class=\"pulse-risk%-s\" id=\"risk\"><strong>%s</strong></p><p class=\"muted\" id=\"rule\">%s</p>",
		    t.risk ? " at-risk" : "", risk_text(r, t.risk), rule_text(r));
	if (t.answers.n)
		ui_table(r, answers_table(r, "my-pulse", &t.answers), T("My answers"));
	ui_export_links(r);
	html(o, "</section>");

	html_printf(o, "<section class=\"card\" id=\"sharing\"><h2>%s</h2><p>%s</p><p><strong>%s</strong></p>",
		    T("Sharing"),
		    T("Your answers are yours. Your manager sees your team's weekly average only when at least three of you "
		      "answered that week and the week has ended. If you share, the manager who leads your team also sees "
		      "your answers of each week (not your comments) and your burnout risk. You can stop sharing at any time."),
		    shared ? T("You share your pulse with your manager.") : T("You do not share your pulse."));
	html(o, "<form method=\"post\" action=\"/pulse/sharing\">");
	ui_csrf(r);
	html_printf(o, "<input type=\"hidden\" name=\"share\" value=\"%d\"><button class=\"button\" type=\"submit\">%s</button>"
		    "</form></section>", shared ? 0 : 1, shared ? T("Stop sharing") : T("Share my pulse with my manager"));
	ui_page_end(r);
}

void page_pulse(struct request *r)
{
	struct pform f;
	memset(&f, 0, sizeof(f));
	render_mine(r, &f);
}

void page_pulse_post(struct request *r)
{
	struct person me = { r->me.user_id, r->me.org_id, r->viewer.team_id };
	if (!access_pulse_answer(&r->viewer, &me)) {
		resp_error(r, E_FORBIDDEN, T("Only you answer your pulse."));
		return;
	}
	struct pform f;
	memset(&f, 0, sizeof(f));
	for (int q = 0; q < 3; q++)
		f.value[q] = req_form(r, questions[q]);
	f.comment = req_form(r, "comment");
	const char *ch = req_form(r, "change");
	f.change = ch && !strcmp(ch, "1");
	struct pulse_input in = { f.value[0], f.value[1], f.value[2], f.comment };
	struct pulse_answer a;
	struct pulse_field_error errs[PULSE_ERRORS_MAX];
	size_t n = pulse_check(&in, &a, errs);
	if (n) {
		for (size_t i = 0; i < n; i++)
			f.err[field_index(errs[i].field)] = T(errs[i].message);
		r->status = 400;
		f.notice = T("Nothing was saved. Check the fields marked below.");
		render_mine(r, &f);
		return;
	}
	char week[PULSE_WEEK_LEN];
	if (pulse_week_of(ui_today(r), week)) {
		resp_error(r, E_INTERNAL, T("Today is not a date."));
		return;
	}
	const char *comment = f.comment ? str_trim(arena_strdup(r->a, f.comment)) : "";
	enum err e;
	if (f.change) {
		e = pulse_change(r->db, r->me.org_id, r->me.user_id, week, a.energy, a.motivation, a.workload, comment);
		if (e == E_NOTFOUND)
			e = pulse_add(r->db, r->me.org_id, r->me.user_id, r->viewer.team_id, week, a.energy, a.motivation,
				      a.workload, comment);
	} else {
		e = pulse_add(r->db, r->me.org_id, r->me.user_id, r->viewer.team_id, week, a.energy, a.motivation,
			      a.workload, comment);
	}
	if (e == E_CONFLICT) {
		r->status = 409;
		f.err[4] = T("Week: you answered this week already. Nothing was saved; use \"Change this week's answer\" "
			     "to change it.");
		f.notice = T("Nothing was saved. Check the fields marked below.");
		f.change = 0;
		render_mine(r, &f);
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, f.change ? "/pulse?saved=changed#this-week" : "/pulse?saved=answered#trend");
}

void page_pulse_sharing_post(struct request *r)
{
	struct person me = { r->me.user_id, r->me.org_id, r->viewer.team_id };
	if (!access_pulse_answer(&r->viewer, &me)) {
		resp_error(r, E_FORBIDDEN, T("Only you decide whether you share your pulse."));
		return;
	}
	const char *s = req_form(r, "share");
	if (!s || (strcmp(s, "0") && strcmp(s, "1"))) {
		resp_error(r, E_INVALID, T("share: choose 1 (share) or 0 (stop sharing)."));
		return;
	}
	int on = !strcmp(s, "1");
	enum err e = pulse_shared_set(r->db, r->me.org_id, r->me.user_id, on);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, on ? "/pulse?saved=shared#sharing" : "/pulse?saved=unshared#sharing");
}

/* ------------------------------------------------------------ the team's pulse */

struct team_view {
	struct team team;
	struct pulse_team_weeks weeks;	/* shown weeks only */
};

static enum err load_teams(struct request *r, const char *today, struct team_view **out, size_t *n)
{
	char now[PULSE_WEEK_LEN], from[PULSE_WEEK_LEN];
	*n = 0;
	*out = arena_allocarray(r->a, r->viewer.nled ? r->viewer.nled : 1, sizeof(**out));
	if (pulse_week_of(today, now) || pulse_week_add(now, -PULSE_TREND_WEEKS, from))
		return E_INVALID;
	for (size_t i = 0; i < r->viewer.nled; i++) {
		int64_t id = r->viewer.led_teams[i];
		if (!access_pulse_team(&r->viewer, r->me.org_id, id))
			continue;
		struct team_view *tv = &(*out)[*n];
		enum err e = team_get(r->db, r->a, r->me.org_id, id, &tv->team);
		if (!e)
			e = pulse_team_weeks(r->db, r->a, r->me.org_id, id, from, now, &tv->weeks);
		if (e)
			return e;
		/* the rule again, in the domain's words: the store returns no other week */
		size_t k = 0;
		for (size_t w = 0; w < tv->weeks.n; w++)
			if (pulse_team_week_visible(tv->weeks.items[w].count, tv->weeks.items[w].week, today))
				tv->weeks.items[k++] = tv->weeks.items[w];
		tv->weeks.n = k;
		(*n)++;
	}
	return E_OK;
}

static struct table *team_table(struct request *r, const struct team_view *tv, size_t n)
{
	struct table *t = table_new(r->a, "team-pulse", 6);
	table_col(t, 0, T("Team"), CELL_TEXT);
	table_col(t, 1, T("Week"), CELL_TEXT);
	table_col(t, 2, T("Monday"), CELL_DATE);
	table_col(t, 3, T("Answers"), CELL_INT);
	table_col(t, 4, T("Team average"), CELL_NUM);
	table_col(t, 5, T("2.5 or lower"), CELL_TEXT);
	for (size_t i = 0; i < n; i++)
		for (size_t w = tv[i].weeks.n; w-- > 0;) {
			const struct pulse_team_week *x = &tv[i].weeks.items[w];
			size_t row = table_row(t);
			char mon[11];
			table_text(t, row, 0, tv[i].team.name);
			table_text(t, row, 1, x->week);
			if (!pulse_week_monday(x->week, mon))
				table_date(t, row, 2, mon);
			table_int(t, row, 3, x->count);
			table_num(t, row, 4, (double)x->points / (3.0 * (double)x->count));
			table_text(t, row, 5, pulse_team_low(x->points, x->count) ? T("yes") : T("no"));
		}
	return t;
}

struct shared_view {
	struct pulse_sharer who;
	struct pulse_trend trend;
};

static enum err load_shared(struct request *r, const char *today, struct shared_view **out, size_t *n)
{
	struct pulse_sharers sh;
	*n = 0;
	enum err e = pulse_sharers(r->db, r->a, r->me.org_id, r->viewer.led_teams, r->viewer.nled, &sh);
	if (e)
		return e;
	*out = arena_allocarray(r->a, sh.n ? sh.n : 1, sizeof(**out));
	for (size_t i = 0; i < sh.n; i++) {
		struct person p = { sh.items[i].rep_id, r->me.org_id, sh.items[i].team_id };
		if (!access_pulse_individual(&r->viewer, &p, 1))
			continue;
		struct shared_view *s = &(*out)[*n];
		s->who = sh.items[i];
		if ((e = pulse_trend_of(r->db, r->a, r->me.org_id, p.id, today, PULSE_TREND_WEEKS, &s->trend)))
			return e;
		(*n)++;
	}
	return E_OK;
}

static struct table *shared_table(struct request *r, const struct shared_view *s, size_t n)
{
	struct table *t = table_new(r->a, "team-pulse-shared", 8);
	table_col(t, 0, T("Rep"), CELL_TEXT);
	table_col(t, 1, T("Team"), CELL_TEXT);
	table_col(t, 2, T("Week"), CELL_TEXT);
	table_col(t, 3, T("Energy"), CELL_INT);
	table_col(t, 4, T("Motivation"), CELL_INT);
	table_col(t, 5, T("Workload"), CELL_INT);
	table_col(t, 6, T("Answer of the week"), CELL_NUM);
	table_col(t, 7, T("Burnout risk now"), CELL_TEXT);
	for (size_t i = 0; i < n; i++)
		for (size_t k = s[i].trend.answers.n; k-- > 0;) {
			const struct pulse_row *a = &s[i].trend.answers.items[k];
			size_t row = table_row(t);
			table_text(t, row, 0, s[i].who.name);
			table_text(t, row, 1, s[i].who.team_name);
			table_text(t, row, 2, a->week);
			table_int(t, row, 3, a->energy);
			table_int(t, row, 4, a->motivation);
			table_int(t, row, 5, a->workload);
			table_num(t, row, 6, pulse_score(a->energy, a->motivation, a->workload));
			table_text(t, row, 7, s[i].trend.risk ? T("yes") : T("no"));
		}
	return t;
}

static const char *need_text(struct request *r, const struct pulse_need *n)
{
	if (!strcmp(n->kind, "pulse_risk"))
		return arena_printf(r->a, T("%s shares their pulse and is at burnout risk (%s)."), n->name,
				    week_text(r, n->week));
	return arena_printf(r->a, T("The average of team %s was %s in %s (%lld answers): 2.5 or lower."), n->name,
			    ui_decimal_text(r, (double)n->points / (3.0 * (double)n->count), 2), week_text(r, n->week),
			    (long long)n->count);
}

static void needs_list(struct request *r, const struct pulse_needs *n)
{
	struct strbuf *o = &r->out;
	html(o, "<ul class=\"pulse-needs\">");
	for (size_t i = 0; i < n->n; i++)
		html_printf(o, "<li class=\"%-s\"><a href=\"%s\">%s</a></li>", n->items[i].urgency > 1 ? "urgent" : "",
			    n->items[i].link, need_text(r, &n->items[i]));
	html(o, "</ul>");
}

void page_team_pulse(struct request *r)
{
	const char *today = ui_today(r);
	struct team_view *tv;
	struct shared_view *sv;
	size_t nt = 0, ns = 0;
	struct pulse_needs needs;
	enum err e = load_teams(r, today, &tv, &nt);
	if (!e)
		e = load_shared(r, today, &sv, &ns);
	if (!e)
		e = pulse_needs_now(r->db, r->a, &r->viewer, today, &needs);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (export_wanted(r)) {
		const char *which = req_query(r, "table");
		export_send(r, which && !strcmp(which, "shared") ? shared_table(r, sv, ns) : team_table(r, tv, nt));
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Team pulse"), "team-pulse");
	html_printf(o, "<div class=\"page-head\"><div><h1>%s</h1><p class=\"muted\">%s</p></div></div>", T("Team pulse"),
		    T("A team's weekly average is shown only for a week that has ended (ISO weeks, Monday to Sunday) in "
		      "which at least three of its reps answered, so no one can be singled out. A rep's own answers "
		      "appear only when the rep shares them."));
	if (!access_leads_any_team(&r->viewer)) {
		html_printf(o, "<section class=\"card\"><p class=\"empty muted\">%s</p></section>",
			    T("You lead no team: there is no team pulse to show."));
		ui_page_end(r);
		return;
	}
	html_printf(o, "<section class=\"card\" id=\"needs\"><h2>%s</h2>", T("Needs you now"));
	if (!needs.n)
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("Nothing in the pulse needs you now."));
	else
		needs_list(r, &needs);
	html(o, "</section>");
	html_printf(o, "<section class=\"card\" id=\"averages\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("Weekly averages (12 weeks)"),
		    T("The answer of a week is the mean of energy, motivation and 6 − workload (1 bad – 5 good); the team "
		      "average is the mean of its reps' answers. 2.5 or lower needs you."));
	for (size_t i = 0; i < nt; i++) {
		html_printf(o, "<h3 id=\"team-%lld\">%s</h3>", (long long)tv[i].team.id, tv[i].team.name);
		if (!tv[i].weeks.n) {
			html_printf(o, "<p class=\"empty muted\">%s</p>",
				    T("No week to show yet: no ended week had at least three answers."));
			continue;
		}
		html_printf(o, "<div class=\"table-wrap\"><table class=\"table pulse-team\"><thead><tr><th>%s</th><th class=\"num\">%s</th>"
			    "<th class=\"num\">%s</th></tr></thead><tbody>", T("Week"), T("Answers"), T("Team average"));
		for (size_t w = tv[i].weeks.n; w-- > 0;) {
			const struct pulse_team_week *x = &tv[i].weeks.items[w];
			int low = pulse_team_low(x->points, x->count);
			html_printf(o, "<tr%-s><td>%s</td><td class=\"num\">%lld</td><td class=\"num\">%s%s</td></tr>",
				    low ? " class=\"low\"" : "", week_text(r, x->week), (long long)x->count,
				    ui_decimal_text(r, (double)x->points / (3.0 * (double)x->count), 2),
				    low ? arena_printf(r->a, " · %s", T("2.5 or lower")) : "");
		}
		html(o, "</tbody></table></div>");
	}
	ui_export_links(r);
	html(o, "</section>");
	html_printf(o, "<section class=\"card\" id=\"shared\"><h2>%s</h2>", T("Reps who share their pulse"));
	if (!ns) {
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("No rep of your teams shares their pulse."));
	} else {
		html_printf(o, "<p class=\"muted\">%s</p>", rule_text(r));
		for (size_t i = 0; i < ns; i++) {
			html_printf(o, "<article class=\"pulse-rep\" id=\"rep-%lld\"><h3>%s <span class=\"muted\">%s</span></h3>"
				    "<p class=\"pulse-risk%-s\"><strong>%s</strong></p>", (long long)sv[i].who.rep_id,
				    sv[i].who.name, sv[i].who.team_name, sv[i].trend.risk ? " at-risk" : "",
				    risk_text(r, sv[i].trend.risk));
			trend_chart(r, &sv[i].trend, PULSE_TREND_WEEKS,
				    arena_printf(r->a, T("Pulse of %s (12 weeks)"), sv[i].who.name));
			html(o, "</article>");
		}
		html_printf(o, "<p><a href=\"/team/pulse?table=shared&amp;format=csv\">%s</a> · "
			    "<a href=\"/team/pulse?table=shared&amp;format=xlsx\">%s</a></p>",
			    T("Shared answers as CSV"), T("Shared answers as Excel"));
	}
	html(o, "</section>");
	ui_page_end(r);
}

/* ------------------------------------------------------------ other pages */

void pulse_home_needs(struct request *r)
{
	if (!access_leads_any_team(&r->viewer))
		return;
	struct pulse_needs needs;
	if (pulse_needs_now(r->db, r->a, &r->viewer, ui_today(r), &needs) || !needs.n)
		return;
	html_printf(&r->out, "<section class=\"card\" id=\"pulse-needs\"><h2>%s</h2>", T("Pulse: needs you now"));
	needs_list(r, &needs);
	html(&r->out, "</section>");
}

void pulse_rep_section(struct request *r, const struct user *u)
{
	struct person p = { u->id, u->org_id, u->team_id };
	/* the rep sees their own on /pulse; others only what the rep shares */
	if (u->id == r->me.user_id || !access_pulse_individual(&r->viewer, &p, 1))
		return;
	int shared = 0;
	if (pulse_shared_get(r->db, r->me.org_id, u->id, &shared) || !shared)
		return;
	struct pulse_trend t;
	if (pulse_trend_of(r->db, r->a, r->me.org_id, u->id, ui_today(r), PULSE_TREND_WEEKS, &t))
		return;
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"pulse\"><h2>%s</h2><p class=\"pulse-risk%-s\"><strong>%s</strong></p>",
		    T("Pulse (shared by the rep)"), t.risk ? " at-risk" : "", risk_text(r, t.risk));
	trend_chart(r, &t, PULSE_TREND_WEEKS, arena_printf(r->a, T("Pulse of %s (12 weeks)"), u->name));
	html_printf(o, "<p><a href=\"/team/pulse#rep-%lld\">%s</a></p></section>", (long long)u->id, T("Team pulse"));
}
