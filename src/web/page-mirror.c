/*
 * page-mirror: the manager's own mirror (issue 10).
 *
 *   GET  /mirror                  the manager's self-assessment on the five
 *        skills of sales leadership (domain/mirror.h): the form, the history
 *        (a chart of each skill over time and the table, CSV and Excel) and
 *        the upward-feedback rounds with their results from three answers up
 *   POST /mirror                  a self-assessment: a day, 1-5 per skill,
 *        evidence in the manager's own words; a fault names its field
 *   POST /mirror/rounds           opens an upward-feedback round (one open
 *        round at a time)
 *   POST /mirror/rounds/:id/close closes the manager's open round
 *   GET  /feedback                a member's open rounds of the managers of
 *        their teams, each answered once
 *   POST /feedback/:id            an answer: 1-5 per skill, an optional
 *        comment; stored without the author (store/mirror.c)
 *
 * Rights: access_mirror_self, access_upward_open, access_upward_results,
 * access_upward_answer (domain/access.c). The self-assessment is the
 * manager's alone: admins see nothing of another's.
 */
#include "pages.h"
#include "ui.h"
#include "export.h"
#include "../domain/mirror.h"
#include "../store/mirror.h"
#include "../store/teams.h"
#include "../lib/table.h"
#include "../lib/util.h"
#include <string.h>

static const char *const score_values[] = { "", "1", "2", "3", "4", "5" };
static const char *const palette[MIRROR_SKILLS] = { "#1f7a4d", "#1d4f91", "#b54708", "#7a2e8e", "#b42318" };

/* what a form of five scores (and texts) holds, as typed, and its faults */
struct scores_form {
	const char *day;
	const char *score[MIRROR_SKILLS], *text[MIRROR_SKILLS], *comment;
	const char *e_day, *e_score[MIRROR_SKILLS], *e_text[MIRROR_SKILLS], *e_comment;
	int value[MIRROR_SKILLS];
	int nerr;
};

static void score_select(struct request *r, const char *prefix, int k, const struct scores_form *f)
{
	const char *labels[6] = { T("choose"), "1", "2", "3", "4", "5" };
	ui_select(r, arena_printf(r->a, "%s%s", prefix, mirror_skill_codes[k]), T(mirror_skill_labels[k]), score_values,
		  labels, 6, f->score[k] ? f->score[k] : "", f->e_score[k]);
}

static void textarea(struct request *r, const char *name, const char *label, const char *value, const char *err,
		     int max)
{
	html_printf(&r->out, "<div class=\"field%-s\"><label for=\"f-%s\">%s</label><textarea id=\"f-%s\" name=\"%s\" "
		    "rows=\"2\" maxlength=\"%d\"%-s>%s</textarea>", err ? " invalid" : "", name, label, name, name, max,
		    err ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name) : "",
		    value ? value : "");
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, err);
	html(&r->out, "</div>");
}

/* reads and checks the five scores (and, with texts, the evidence) */
static void scores_read(struct request *r, struct scores_form *f, int texts)
{
	for (int k = 0; k < MIRROR_SKILLS; k++) {
		f->score[k] = req_form_trimmed(r, arena_printf(r->a, "score_%s", mirror_skill_codes[k]));
		f->value[k] = mirror_score_parse(f->score[k]);
		if (!f->value[k]) {
			f->e_score[k] = arena_printf(r->a, T("%s: choose a score from 1 to 5."), T(mirror_skill_labels[k]));
			f->nerr++;
		}
		if (!texts)
			continue;
		f->text[k] = req_form_trimmed(r, arena_printf(r->a, "evidence_%s", mirror_skill_codes[k]));
		if (!f->text[k])
			f->text[k] = "";
		if (strlen(f->text[k]) > MIRROR_EVIDENCE_MAX) {
			f->e_text[k] = arena_printf(r->a, T("Evidence: %s: at most %d characters."),
						    T(mirror_skill_labels[k]), MIRROR_EVIDENCE_MAX);
			f->nerr++;
		}
	}
}

/* ------------------------------------------------------------ /mirror */

static struct table *history_table(struct request *r, const struct manager_assessment *m, size_t n)
{
	struct table *t = table_new(r->a, "mirror", 1 + 2 * MIRROR_SKILLS);
	table_col(t, 0, T("Day"), CELL_DATE);
	for (int k = 0; k < MIRROR_SKILLS; k++) {
		table_col(t, 1 + k, T(mirror_skill_labels[k]), CELL_INT);
		table_col(t, 1 + MIRROR_SKILLS + k,
			  arena_printf(r->a, T("Evidence: %s"), T(mirror_skill_labels[k])), CELL_TEXT);
	}
	for (size_t i = n; i-- > 0;) {	/* newest first */
		size_t row = table_row(t);
		table_date(t, row, 0, m[i].assessed_on);
		for (int k = 0; k < MIRROR_SKILLS; k++) {
			table_int(t, row, 1 + k, m[i].score[k]);
			table_text(t, row, 1 + MIRROR_SKILLS + k, m[i].evidence[k]);
		}
	}
	return t;
}

static void render_chart(struct request *r, const struct manager_assessment *m, size_t n)
{
	json_t *labels = json_array(), *sets = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(labels, json_string(ui_date_text(r, m[i].assessed_on)));
	for (int k = 0; k < MIRROR_SKILLS; k++) {
		json_t *data = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(data, json_integer(m[i].score[k]));
		json_array_append_new(sets, json_pack("{s:s, s:o, s:s}", "label", T(mirror_skill_labels[k]), "data", data,
						      "color", palette[k]));
	}
	json_t *spec = json_pack("{s:s, s:s, s:o, s:o}", "kind", "growth", "locale", lang_code(r->lang), "labels", labels,
				 "datasets", sets);
	html_printf(&r->out, "<div class=\"chart-box\"><canvas data-profile-chart=\"chart-mirror\" role=\"img\" "
		    "aria-label=\"%s\"></canvas></div>",
		    T("Line chart: your score of each skill in each self-assessment. The numbers are in the table below."));
	ui_json_script(r, "chart-mirror", spec);
}

static void render_round(struct request *r, const struct upward_round *u)
{
	struct strbuf *o = &r->out;
	int open = !*u->closed_on;
	html_printf(o, "<li class=\"mirror-round\" id=\"round-%lld\"><h3>%s</h3>", (long long)u->id,
		    open ? arena_printf(r->a, T("Round opened on %s (open)"), ui_date_text(r, u->opened_on))
			 : arena_printf(r->a, T("Round of %s to %s"), ui_date_text(r, u->opened_on),
					ui_date_text(r, u->closed_on)));
	if (!mirror_upward_visible(u->answers))
		html_printf(o, "<p class=\"mirror-needed\">%s</p>",
			    arena_printf(r->a, T("%lld of %d answers needed: results show from three answers up, so no "
						 "one can be singled out."), (long long)u->answers, MIRROR_MIN_ANSWERS));
	else {
		html_printf(o, "<p>%s</p>", arena_printf(r->a, T("%lld answers. The average of each skill, 1 to 5:"),
							 (long long)u->answers));
		html_printf(o, "<div class=\"table-wrap\"><table class=\"mirror-results\"><thead><tr><th scope=\"col\">%s</th>"
			    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>",
			    T("Skill"), T("Average"), T("Answers"));
		for (int k = 0; k < MIRROR_SKILLS; k++)
			html_printf(o, "<tr><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%lld</td></tr>",
				    T(mirror_skill_labels[k]), ui_decimal_text(r, mirror_average(u->sum[k], u->answers), 1),
				    (long long)u->answers);
		html(o, "</tbody></table></div>");
		const char **comments;
		size_t nc;
		if (!mirror_round_comments(r->db, r->a, r->me.org_id, u->id, &comments, &nc) && nc) {
			html_printf(o, "<h4>%s</h4><ul class=\"mirror-comments\">", T("Comments"));
			for (size_t i = 0; i < nc; i++)
				html_printf(o, "<li>%s</li>", comments[i]);
			html(o, "</ul>");
		}
	}
	if (open) {
		html_printf(o, "<form method=\"post\" action=\"/mirror/rounds/%lld/close\">", (long long)u->id);
		ui_csrf(r);
		html_printf(o, "<button class=\"button\" type=\"submit\">%s</button></form>", T("Close the round"));
	}
	html(o, "</li>");
}

static void render_mirror(struct request *r, const struct scores_form *f, const char *round_error)
{
	struct manager_assessment *m;
	size_t n;
	struct upward_round *rounds;
	size_t nr = 0;
	enum err e = mirror_assessments(r->db, r->a, r->me.org_id, r->me.user_id, &m, &n);
	if (!e && access_upward_open(&r->viewer, r->me.org_id))
		e = mirror_rounds(r->db, r->a, r->me.org_id, r->me.user_id, &rounds, &nr);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (export_wanted(r)) {
		export_send(r, history_table(r, m, n));
		return;
	}
	ui_page_begin(r, T("My mirror"), "mirror");
	struct strbuf *o = &r->out;
	html_printf(o, "<h1>%s</h1><p class=\"muted\">%s</p>", T("My mirror"),
		    T("The best seller is often promoted to manager, yet leading sellers takes other skills. Score yourself "
		      "on the five the article names, with evidence, and again later to see how you grow. Only you see "
		      "this page; admins do not."));
	const char *done = req_query(r, "done");
	if (done && !strcmp(done, "mirror-saved"))
		ui_notice(r, "ok", T("Your self-assessment was saved."));
	else if (done && !strcmp(done, "round-opened"))
		ui_notice(r, "ok", T("The round is open. The reps of your teams see it under Upward feedback."));
	else if (done && !strcmp(done, "round-closed"))
		ui_notice(r, "ok", T("The round is closed."));

	/* the form */
	html_printf(o, "<section class=\"card\" id=\"self\"><h2>%s</h2>", T("Score yourself"));
	if (f->nerr)
		ui_notice(r, "error", T("Nothing was saved. Check the fields marked below."));
	html(o, "<form method=\"post\" action=\"/mirror\" class=\"form mirror-form\">");
	ui_csrf(r);
	ui_input(r, "assessed_on", T("Day"), "date", f->day ? f->day : ui_today(r), f->e_day, NULL);
	for (int k = 0; k < MIRROR_SKILLS; k++) {
		html_printf(o, "<fieldset class=\"mirror-skill\"><legend>%s</legend><p class=\"muted\">%s</p>",
			    T(mirror_skill_labels[k]), T(mirror_skill_hints[k]));
		score_select(r, "score_", k, f);
		textarea(r, arena_printf(r->a, "evidence_%s", mirror_skill_codes[k]), T("Evidence"), f->text[k],
			 f->e_text[k], MIRROR_EVIDENCE_MAX);
		html(o, "</fieldset>");
	}
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Save the self-assessment"));

	/* the history */
	html_printf(o, "<section class=\"card\" id=\"history\"><h2>%s</h2>", T("Your self-assessments over time"));
	if (!n)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No self-assessment yet."));
	else {
		render_chart(r, m, n);
		ui_table(r, history_table(r, m, n), T("Your self-assessments, newest first: the score of each skill "
						      "(1 to 5) and your evidence"));
		ui_export_links(r);
	}
	html(o, "</section>");

	/* upward feedback */
	if (access_upward_open(&r->viewer, r->me.org_id)) {
		html_printf(o, "<section class=\"card\" id=\"upward\"><h2>%s</h2><p class=\"muted\">%s</p>",
			    T("Upward feedback from your teams"),
			    T("Open a round and the reps of the teams you lead score you on the same five skills, once "
			      "each, anonymously: answers are stored without their names, and results show only from "
			      "three answers up."));
		if (round_error)
			ui_notice(r, "error", round_error);
		int open = 0;
		for (size_t i = 0; i < nr; i++)
			open |= !*rounds[i].closed_on;
		if (!open) {
			html(o, "<form method=\"post\" action=\"/mirror/rounds\">");
			ui_csrf(r);
			html_printf(o, "<button class=\"button\" type=\"submit\">%s</button></form>", T("Open a round"));
		}
		if (nr) {
			html(o, "<ul class=\"mirror-rounds\">");
			for (size_t i = 0; i < nr; i++)
				render_round(r, &rounds[i]);
			html(o, "</ul>");
		}
		html(o, "</section>");
	}
	html(o, "<script src=\"/static/chart.umd.js\" defer></script><script src=\"/static/charts-profile.js\" defer>"
		"</script>");
	ui_page_end(r);
}

static int mirror_allowed(struct request *r)
{
	struct person me = { r->me.user_id, r->me.org_id, r->viewer.team_id };
	if (access_mirror_self(&r->viewer, &me))
		return 1;
	resp_error(r, E_FORBIDDEN, T("The mirror is for managers."));
	return 0;
}

void page_mirror(struct request *r)
{
	if (!mirror_allowed(r))
		return;
	struct scores_form f;
	memset(&f, 0, sizeof(f));
	render_mirror(r, &f, NULL);
}

void page_mirror_post(struct request *r)
{
	if (!mirror_allowed(r))
		return;
	struct scores_form f;
	memset(&f, 0, sizeof(f));
	f.day = req_form_trimmed(r, "assessed_on");
	if (!f.day || !date_valid(f.day) || strcmp(f.day, ui_today(r)) > 0) {
		f.e_day = T("Day: give a date, today or earlier.");
		f.nerr++;
	}
	scores_read(r, &f, 1);
	if (f.nerr) {
		r->status = 400;
		render_mirror(r, &f, NULL);
		return;
	}
	enum err e = mirror_assessment_add(r->db, r->me.org_id, r->me.user_id, f.day, f.value, f.text, NULL);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, "/mirror#history", "mirror-saved");
}

void page_mirror_round_post(struct request *r)
{
	if (!access_upward_open(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("Only a manager who leads a team opens a round."));
		return;
	}
	struct upward_round *rounds;
	size_t nr;
	enum err e = mirror_rounds(r->db, r->a, r->me.org_id, r->me.user_id, &rounds, &nr);
	for (size_t i = 0; !e && i < nr; i++)
		if (!*rounds[i].closed_on) {
			struct scores_form f;
			memset(&f, 0, sizeof(f));
			r->status = 409;
			render_mirror(r, &f, T("A round is open already: close it before you open another."));
			return;
		}
	if (!e)
		e = mirror_round_open(r->db, r->me.org_id, r->me.user_id, ui_today(r), NULL);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, "/mirror#upward", "round-opened");
}

void page_mirror_round_close_post(struct request *r)
{
	struct upward_round u;
	enum err e = mirror_round_get(r->db, r->a, r->me.org_id, r->id, &u);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such round."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct upward_round_ref ref = { r->me.org_id, u.manager_id, !*u.closed_on };
	if (!access_upward_results(&r->viewer, &ref)) {
		resp_error(r, E_FORBIDDEN, T("Only the manager of a round closes it."));
		return;
	}
	e = mirror_round_close(r->db, r->me.org_id, r->me.user_id, u.id, ui_today(r));
	if (e && e != E_NOTFOUND) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, "/mirror#upward", "round-closed");
}

/* ------------------------------------------------------------ /feedback */

/* who leads the caller's own team (0: none) */
static int64_t my_team_manager(struct request *r)
{
	struct team t;
	if (!r->viewer.team_id || team_get(r->db, r->a, r->me.org_id, r->viewer.team_id, &t))
		return 0;
	return t.manager_id;
}

static void render_feedback(struct request *r, int64_t bad_id, const struct scores_form *f)
{
	struct upward_todo *todo;
	size_t n;
	enum err e = mirror_rounds_for(r->db, r->a, r->me.org_id, r->me.user_id, &todo, &n);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	int64_t mgr = my_team_manager(r);
	ui_page_begin(r, T("Upward feedback"), "feedback");
	struct strbuf *o = &r->out;
	html_printf(o, "<h1>%s</h1><p class=\"muted\">%s</p>", T("Upward feedback"),
		    T("Your manager asks how they lead, on five skills of sales leadership. Your answer is anonymous: "
		      "it is stored without your name, your manager sees results only from three answers up, and no "
		      "one sees your answer on its own — you neither."));
	const char *done = req_query(r, "done");
	if (done && !strcmp(done, "feedback-given"))
		ui_notice(r, "ok", T("Thank you. Your answer was stored without your name."));
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		struct upward_round_ref ref = { r->me.org_id, todo[i].round.manager_id, 1 };
		if (!access_upward_answer(&r->viewer, &ref, mgr))
			continue;
		shown++;
		const struct upward_round *u = &todo[i].round;
		html_printf(o, "<section class=\"card\" id=\"round-%lld\"><h2>%s</h2>", (long long)u->id,
			    arena_printf(r->a, T("%s asks for your feedback (since %s)"), u->manager_name,
					 ui_date_text(r, u->opened_on)));
		if (todo[i].answered) {
			html_printf(o, "<p class=\"muted\">%s</p></section>",
				    T("You answered this round. Your answer is stored without your name."));
			continue;
		}
		struct scores_form empty;
		memset(&empty, 0, sizeof(empty));
		const struct scores_form *g = bad_id == u->id ? f : &empty;
		if (g->nerr)
			ui_notice(r, "error", T("Nothing was saved. Check the fields marked below."));
		html_printf(o, "<form method=\"post\" action=\"/feedback/%lld\" class=\"form mirror-form\">", (long long)u->id);
		ui_csrf(r);
		for (int k = 0; k < MIRROR_SKILLS; k++) {
			html_printf(o, "<p class=\"muted mirror-hint\">%s</p>", T(mirror_skill_hints[k]));
			score_select(r, "score_", k, g);
		}
		textarea(r, "comment", T("A comment (optional; shown to your manager only from three answers up)"),
			 g->comment, g->e_comment, MIRROR_COMMENT_MAX);
		html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
			    "</form></section>", T("Send anonymously"));
	}
	if (!shown)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No manager of your teams asks for feedback right now."));
	ui_page_end(r);
}

void page_feedback(struct request *r)
{
	render_feedback(r, 0, NULL);
}

void page_feedback_post(struct request *r)
{
	/* the round and the right first, then the form */
	struct upward_round u;
	enum err e = mirror_round_get(r->db, r->a, r->me.org_id, r->id, &u);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such round."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct upward_round_ref ref = { r->me.org_id, u.manager_id, !*u.closed_on };
	if (!access_upward_answer(&r->viewer, &ref, my_team_manager(r))) {
		resp_error(r, E_FORBIDDEN, T("Only the reps of the manager's teams answer an open round."));
		return;
	}
	struct scores_form f;
	memset(&f, 0, sizeof(f));
	scores_read(r, &f, 0);
	f.comment = req_form_trimmed(r, "comment");
	if (f.comment && strlen(f.comment) > MIRROR_COMMENT_MAX) {
		f.e_comment = arena_printf(r->a, T("Comment: at most %d characters."), MIRROR_COMMENT_MAX);
		f.nerr++;
	}
	if (f.nerr) {
		r->status = 400;
		render_feedback(r, u.id, &f);
		return;
	}
	e = mirror_answer(r->db, r->me.org_id, u.id, r->me.user_id, f.value, f.comment);
	if (e == E_CONFLICT) {
		resp_error(r, E_CONFLICT, T("You answered this round already."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, "/feedback", "feedback-given");
}
