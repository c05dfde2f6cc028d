/*
 * page-scorecards: recruiting, part 3 (issue 11) — interviews and their
 * scorecards on the organisation's traits, scored independently.
 *
 *   on a candidate's page (/recruiting/candidates/:id, scorecards_section):
 *        the interviews and their scorecards as far as the caller may see
 *        them; the candidate's profile (mean submitted score per trait, the
 *        elite rule, a radar beside the superstars' profile) and each
 *        interviewer's score per trait side by side, disagreements marked;
 *        the form to schedule an interview
 *   POST /recruiting/candidates/:id/interviews   schedule one: date, kind,
 *        interviewers (each invited to the candidate, each given a draft)
 *   GET  /recruiting/scorecards/:id    a scorecard: per trait the score 1-5
 *        with the anchors, the suggested questions and the evidence; the
 *        recommendation. The interviewer's own draft is a form
 *   POST /recruiting/scorecards/:id    save the draft or submit it: a fault
 *        names its trait or field, nothing stored, the form re-shown
 *   POST /recruiting/scorecards/:id/reopen       a submitted one back to draft
 *   GET  /admin/interview-questions    the organisation's own questions per
 *        trait and language (?lang=); POST saves them for one language
 *
 * Rights: access_scorecard*, access_interview_add,
 * access_interview_questions_edit (domain/access.c). A scorecard the caller
 * may see nothing of is a 404, as if it did not exist.
 */
#include "pages.h"
#include "ui.h"
#include "traitui.h"
#include "recruitui.h"
#include "scorecardsui.h"
#include "profileload.h"
#include "export.h"
#include "../lib/table.h"
#include "../domain/scorecards.h"
#include "../domain/validate.h"
#include "../store/users.h"
#include "../lib/util.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ shared */

enum err sc_ctx_load(struct request *r, int64_t candidate_id, struct sc_ctx *x)
{
	memset(x, 0, sizeof(*x));
	enum err e = recruit_load(r, candidate_id, &x->cand, &x->cv);
	if (e)
		return e;
	return scorecard_own_state(r->db, r->me.org_id, candidate_id, r->me.user_id, &x->own_drafts,
				   &x->own_submitted);
}

struct scorecard_ref sc_ref(struct request *r, const struct scorecard *s)
{
	return (struct scorecard_ref){ r->me.org_id, s->interviewer_id, !strcmp(s->status, "submitted") };
}

enum scorecard_view sc_view(struct request *r, const struct sc_ctx *x, const struct scorecard *s)
{
	struct scorecard_ref ref = sc_ref(r, s);
	return access_scorecard(&r->viewer, x->cv, x->own_drafts, x->own_submitted, &ref);
}

enum err sc_load(struct request *r, int64_t id, struct scorecard *s, struct sc_ctx *x, enum scorecard_view *view)
{
	*view = SCORECARD_NONE;
	enum err e = scorecard_get(r->db, r->a, r->me.org_id, id, s);
	if (!e)
		e = sc_ctx_load(r, s->candidate_id, x);
	if (e)
		return e;
	*view = sc_view(r, x, s);
	return *view == SCORECARD_NONE ? E_NOTFOUND : E_OK;
}

enum err sc_save(struct request *r, const struct scorecard *s, const struct trait *const *traits, size_t n,
		 const int *scores, const char *const *evidence, const char *recommendation, int submit,
		 struct scorecard_error *errs, size_t max, size_t *nerr)
{
	struct scorecard_input in = { n, scores, evidence, recommendation, 0 };
	*nerr = scorecard_validate(&in, errs, max);
	if (*nerr)
		return E_OK;
	struct scorecard_score *sc = arena_allocarray(r->a, n ? n : 1, sizeof(*sc));
	for (size_t i = 0; i < n; i++)
		sc[i] = (struct scorecard_score){ traits[i]->id, scores[i], evidence[i] ? evidence[i] : "" };
	if (submit) {
		/* submitting checks the scorecard as it will be: the stored
		 * scores of the traits not given, with the ones given */
		struct trait_list l;
		enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &l);
		if (e)
			return e;
		int *all = arena_allocarray(r->a, l.n ? l.n : 1, sizeof(int));
		for (size_t i = 0; i < l.n; i++) {
			all[i] = 0;
			for (size_t k = 0; k < s->nscores; k++)
				if (s->scores[k].trait_id == l.items[i].id)
					all[i] = s->scores[k].score;
			for (size_t k = 0; k < n; k++)
				if (traits[k]->id == l.items[i].id)
					all[i] = scores[k];
		}
		struct scorecard_input whole = { l.n, all, NULL,
						 recommendation ? recommendation : s->recommendation, 1 };
		*nerr = scorecard_validate(&whole, errs, max);
		/* the trait index of a fault is the given trait's, when given */
		for (size_t k = 0; k < *nerr && k < max; k++) {
			if (strcmp(errs[k].field, "score"))
				continue;
			size_t ti = errs[k].trait;
			errs[k].trait = (size_t)-1 - ti;	/* not among those given */
			for (size_t j = 0; j < n; j++)
				if (traits[j]->id == l.items[ti].id)
					errs[k].trait = j;
		}
		if (*nerr)
			return E_OK;
	}
	return scorecard_save(r->db, r->me.org_id, s->id, sc, n, recommendation, submit);
}

const char *sc_interview_check(struct request *r, const char *held_on, const char *kind, const int64_t *who,
			       size_t n, const char **field)
{
	if (!held_on || !date_valid(held_on)) {
		*field = "held_on";
		return T("Give the interview's date as YYYY-MM-DD.");
	}
	if (!kind || !interview_kind_valid(kind)) {
		*field = "kind";
		return T("Choose the kind of interview.");
	}
	*field = "interviewers";
	if (!n)
		return T("Choose at least one interviewer.");
	if (n > INTERVIEWERS_MAX)
		return arena_printf(r->a, T("At most %d interviewers per interview."), INTERVIEWERS_MAX);
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < i; j++)
			if (who[j] == who[i])
				return T("An interviewer is named twice.");
		int ok = 0;
		enum err e = recruit_invitee_check(r, who[i], &ok);
		if (e || !ok)
			return T("Choose active colleagues of your organisation as interviewers.");
	}
	*field = NULL;
	return NULL;
}

void sc_questions(struct request *r, const struct trait *t, const char *const **q, size_t *n)
{
	const char **own;
	size_t k = 0;
	*q = NULL;
	*n = 0;
	if (!interview_questions_get(r->db, r->a, r->me.org_id, t->id, lang_code(r->lang), &own, &k) && k) {
		*q = own;
		*n = k;
		return;
	}
	const char *const *d = interview_questions_default(t->code);
	if (!d)
		return;
	size_t m = 0;
	while (d[m])
		m++;
	const char **out = arena_allocarray(r->a, m ? m : 1, sizeof(char *));
	for (size_t i = 0; i < m; i++)
		out[i] = T(d[i]);
	*q = out;
	*n = m;
}

static const char *status_text(struct request *r, const char *status)
{
	/* TRANSLATORS: the status of an interview scorecard */
	return !strcmp(status, "submitted") ? T("submitted") : T("draft");
}

static const char *score_text(struct request *r, double v)
{
	return profile_score_text(r, v);
}

/* ------------------------------------------------------------ the candidate's page */

/* per active trait: the mean of the submitted scores (n 0: none) */
static void active_means(const struct trait_list *l, const struct scorecard_mean *m, size_t nm, struct trait_mean *out)
{
	for (size_t i = 0; i < l->n; i++) {
		out[i] = (struct trait_mean){ l->items[i].code, 0, 0 };
		for (size_t k = 0; k < nm; k++)
			if (m[k].trait_id == l->items[i].id)
				out[i] = (struct trait_mean){ l->items[i].code, m[k].n, m[k].mean };
	}
}

/* the radar: the candidate's means beside the superstars' profile, inline
 * SVG; the same figures are in the table beside it */
static void radar_svg(struct request *r, const struct trait_list *l, const struct trait_mean *tm,
		      const struct rep_profile *sp)
{
	struct strbuf *o = &r->out;
	const double cx = 170, cy = 150, rad = 105;
	size_t n = l->n;
	if (n < 3)
		return;
	html_printf(o, "<figure class=\"sc-radar\"><svg viewBox=\"0 0 340 300\" role=\"img\" id=\"sc-radar\" "
		    "aria-label=\"%s\">", T("Radar of the candidate's mean scores beside the superstars' profile"));
	for (int ring = 1; ring <= 5; ring++) {
		html(o, "<polygon class=\"grid\" fill=\"none\" stroke=\"#d5dcd8\" points=\"");
		for (size_t i = 0; i < n; i++) {
			double a = -M_PI / 2 + 2 * M_PI * (double)i / (double)n;
			html_printf(o, "%.1f,%.1f ", cx + cos(a) * rad * ring / 5, cy + sin(a) * rad * ring / 5);
		}
		html(o, "\"/>");
	}
	for (size_t i = 0; i < n; i++) {
		double a = -M_PI / 2 + 2 * M_PI * (double)i / (double)n;
		double lx = cx + cos(a) * (rad + 14), ly = cy + sin(a) * (rad + 14);
		html_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d5dcd8\"/>"
			    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%-s\">%s</text>", cx, cy,
			    cx + cos(a) * rad, cy + sin(a) * rad, lx, ly + 4,
			    fabs(cos(a)) < 0.2 ? "middle" : cos(a) > 0 ? "start" : "end", l->items[i].name);
	}
	if (sp && sp->sp.shown) {
		html(o, "<polygon class=\"sc-stars\" fill=\"rgba(180,120,20,.15)\" stroke=\"#b47814\" stroke-dasharray=\"4 3\" "
			"points=\"");
		for (size_t i = 0; i < n; i++) {
			double a = -M_PI / 2 + 2 * M_PI * (double)i / (double)n, v = sp->sp.mean[i];
			if (isnan(v))
				v = 0;
			html_printf(o, "%.1f,%.1f ", cx + cos(a) * rad * v / 5, cy + sin(a) * rad * v / 5);
		}
		html(o, "\"/>");
	}
	html(o, "<polygon class=\"sc-cand\" fill=\"rgba(30,120,80,.25)\" stroke=\"#1e7850\" stroke-width=\"2\" points=\"");
	for (size_t i = 0; i < n; i++) {
		double a = -M_PI / 2 + 2 * M_PI * (double)i / (double)n, v = tm[i].n ? tm[i].mean : 0;
		html_printf(o, "%.1f,%.1f ", cx + cos(a) * rad * v / 5, cy + sin(a) * rad * v / 5);
	}
	html(o, "\"/></svg>");
	html_printf(o, "<figcaption><span class=\"sc-key cand\"></span> %s", T("this candidate: mean submitted score"));
	if (sp && sp->sp.shown)
		html_printf(o, " · <span class=\"sc-key stars\"></span> %s", T("the superstars' profile"));
	html(o, "</figcaption></figure>");
}

static void profile_html(struct request *r, const struct sc_ctx *x, const struct trait_list *l)
{
	struct strbuf *o = &r->out;
	struct scorecard_mean *m;
	size_t nm;
	if (scorecards_means(r->db, r->a, r->me.org_id, x->cand.id, &m, &nm)) {
		ui_notice(r, "error", T("The scorecards could not be loaded."));
		return;
	}
	struct trait_mean *tm = arena_allocarray(r->a, l->n ? l->n : 1, sizeof(*tm));
	active_means(l, m, nm, tm);
	struct elite_result er = scorecard_elite(tm, l->n);
	html_printf(o, "<section class=\"card\" id=\"sc-profile\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("The candidate's profile from the interviews"),
		    arena_printf(r->a, T("Each trait's mean is the mean of the submitted scorecards' scores (drafts do not "
					 "count). Strong means a mean of %s or more. The articles' elite rule: all %zu "
					 "traits strong."), ui_decimal_text(r, SCORECARD_STRONG, 1), l->n));
	if (!er.scored) {
		html_printf(o, "<p id=\"elite\">%s</p></section>", T("No submitted scorecard yet."));
		return;
	}
	if (er.meets)
		html_printf(o, "<p id=\"elite\" class=\"elite ok\"><span class=\"badge ok\">%s</span></p>",
			    T("Meets the elite rule: all traits strong"));
	else if (tm[er.weakest].n)
		html_printf(o, "<p id=\"elite\" class=\"elite\"><span class=\"badge warn\">%s</span></p>",
			    arena_printf(r->a, T("Not yet: weakest trait %s (mean %s)"), l->items[er.weakest].name,
					 score_text(r, tm[er.weakest].mean)));
	else
		html_printf(o, "<p id=\"elite\" class=\"elite\"><span class=\"badge warn\">%s</span></p>",
			    arena_printf(r->a, T("Not yet: %s has no submitted score"), l->items[er.weakest].name));
	struct rep_profile sp;
	int stars = superstar_profile_load(r, &sp) == E_OK && sp.traits.n == l->n;
	html(o, "<div class=\"sc-profile-grid\">");
	radar_svg(r, l, tm, stars ? &sp : NULL);
	html_printf(o, "<div class=\"table-wrap\"><table id=\"sc-means\"><thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    T("Trait"), T("Candidate's mean"), T("Scores"), T("Superstars' mean"));
	for (size_t i = 0; i < l->n; i++)
		html_printf(o, "<tr data-trait=\"%s\"><th scope=\"row\">%s</th><td class=\"num\">%s%-s</td><td class=\"num\">%d</td>"
			    "<td class=\"num\">%s</td></tr>", l->items[i].code, l->items[i].name,
			    tm[i].n ? score_text(r, tm[i].mean) : "–",
			    tm[i].n && tm[i].mean >= SCORECARD_STRONG ? arena_printf(r->a, " <span class=\"badge ok\">%s</span>", T("strong")) : "",
			    tm[i].n, stars && sp.sp.shown ? score_text(r, sp.sp.mean[i]) : "–");
	html(o, "</tbody></table></div></div>");
	if (stars && !sp.sp.shown)
		html_printf(o, "<p class=\"muted\">%s</p>", profile_superstar_reason(r, &sp));
	html(o, "</section>");
}

/* each interviewer's submitted score per trait, side by side */
static void disagreement_html(struct request *r, const struct trait_list *l, const struct scorecard *sc, size_t n,
			      const enum scorecard_view *views)
{
	struct strbuf *o = &r->out;
	size_t cols = 0;
	for (size_t k = 0; k < n; k++)
		cols += views[k] == SCORECARD_SCORES && !strcmp(sc[k].status, "submitted");
	if (cols < 2)
		return;
	html_printf(o, "<section class=\"card\" id=\"sc-side\"><h2>%s</h2><p class=\"muted\">%s</p>"
		    "<div class=\"table-wrap\"><table id=\"sc-side-table\"><thead><tr><th scope=\"col\">%s</th>",
		    T("Each interviewer's scores side by side"),
		    arena_printf(r->a, T("Submitted scorecards only. A trait is marked when two scores differ by %d or "
					 "more: talk it through before you decide."), SCORECARD_DISAGREE), T("Trait"));
	for (size_t k = 0; k < n; k++)
		if (views[k] == SCORECARD_SCORES && !strcmp(sc[k].status, "submitted"))
			html_printf(o, "<th scope=\"col\">%s<br><span class=\"muted small\">%s</span></th>",
				    sc[k].interviewer_name, ui_date_text(r, sc[k].held_on));
	html_printf(o, "<th scope=\"col\">%s</th></tr></thead><tbody>", T("Difference"));
	int *vals = arena_allocarray(r->a, cols, sizeof(int));
	for (size_t i = 0; i < l->n; i++) {
		size_t nv = 0;
		for (size_t k = 0; k < n; k++)
			if (views[k] == SCORECARD_SCORES && !strcmp(sc[k].status, "submitted"))
				for (size_t j = 0; j < sc[k].nscores; j++)
					if (sc[k].scores[j].trait_id == l->items[i].id)
						vals[nv++] = sc[k].scores[j].score;
		int dis = scorecard_disagree(vals, nv);
		html_printf(o, "<tr data-trait=\"%s\"%-s><th scope=\"row\">%s</th>", l->items[i].code,
			    dis ? " class=\"disagree\"" : "", l->items[i].name);
		for (size_t k = 0; k < n; k++) {
			if (views[k] != SCORECARD_SCORES || strcmp(sc[k].status, "submitted"))
				continue;
			const char *v = "–";
			for (size_t j = 0; j < sc[k].nscores; j++)
				if (sc[k].scores[j].trait_id == l->items[i].id)
					v = arena_printf(r->a, "%d", sc[k].scores[j].score);
			html_printf(o, "<td class=\"num\">%s</td>", v);
		}
		html_printf(o, "<td class=\"num\">%d%-s</td></tr>", scorecard_spread(vals, nv),
			    dis ? arena_printf(r->a, " <span class=\"badge bad\">%s</span>", T("disagreement")) : "");
	}
	html(o, "</tbody></table></div></section>");
}

struct iv_form {
	const char *held_on, *kind;
	const int64_t *who;
	size_t nwho;
	const char *error, *field;
};

static void interview_form(struct request *r, const struct candidate *c, const struct iv_form *f)
{
	struct strbuf *o = &r->out;
	struct user_list ul;
	if (user_list_org(r->db, r->a, r->me.org_id, &ul))
		return;
	html_printf(o, "<section class=\"card\" id=\"schedule\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("Schedule an interview"),
		    T("Each interviewer gets a scorecard of their own and is invited to the candidate. They see the "
		      "others' scores only once they have submitted theirs."));
	if (f && f->error)
		ui_notice(r, "error", T("The interview was not scheduled. Check the field marked below."));
	html_printf(o, "<form method=\"post\" action=\"/recruiting/candidates/%lld/interviews\" class=\"form\">",
		    (long long)c->id);
	ui_csrf(r);
	ui_input(r, "held_on", T("Date"), "date", f && f->held_on ? f->held_on : ui_today(r),
		 f && f->field && !strcmp(f->field, "held_on") ? f->error : NULL, NULL);
	const char *labels[8];
	for (size_t i = 0; i < interview_kind_count; i++)
		labels[i] = T(interview_kind_label(interview_kind_codes[i]));
	ui_select(r, "kind", T("Kind"), interview_kind_codes, labels, interview_kind_count,
		  f && f->kind ? f->kind : "interview", f && f->field && !strcmp(f->field, "kind") ? f->error : NULL);
	int bad = f && f->field && !strcmp(f->field, "interviewers");
	html_printf(o, "<fieldset class=\"field%-s\" id=\"f-interviewers\"><legend>%s</legend><div class=\"sc-people\">",
		    bad ? " invalid" : "", T("Interviewers"));
	for (size_t i = 0; i < ul.n; i++) {
		const struct user *u = &ul.items[i];
		if (!u->active)
			continue;
		int on = 0;
		for (size_t k = 0; f && k < f->nwho; k++)
			on |= f->who[k] == u->id;
		html_printf(o, "<label class=\"check\"><input type=\"checkbox\" name=\"interviewer\" value=\"%lld\"%-s> %s</label>",
			    (long long)u->id, on ? " checked" : "",
			    u->team_name && *u->team_name ? arena_printf(r->a, "%s (%s)", u->name, u->team_name) : u->name);
	}
	html(o, "</div>");
	if (bad)
		html_printf(o, "<p class=\"field-error\" id=\"e-interviewers\">%s</p>", f->error);
	html_printf(o, "</fieldset><div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button>"
		    "</div></form></section>", T("Schedule"));
}

static void section(struct request *r, const struct sc_ctx *x, const struct iv_form *f)
{
	struct strbuf *o = &r->out;
	struct trait_list l;
	struct scorecard *sc;
	size_t n;
	if (trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &l) ||
	    scorecard_list(r->db, r->a, r->me.org_id, x->cand.id, &sc, &n)) {
		ui_notice(r, "error", T("The scorecards could not be loaded."));
		return;
	}
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "scheduled"))
		ui_notice(r, "ok", T("The interview is scheduled; each interviewer has a scorecard."));
	enum scorecard_view *views = arena_allocarray(r->a, n ? n : 1, sizeof(*views));
	size_t shown = 0;
	for (size_t k = 0; k < n; k++) {
		views[k] = sc_view(r, x, &sc[k]);
		shown += views[k] != SCORECARD_NONE;
	}
	html_printf(o, "<section class=\"card\" id=\"scorecards\"><h2>%s</h2>", T("Interviews and scorecards"));
	if (x->own_drafts)
		ui_notice(r, "info", T("Your scorecard is a draft. You see the other interviewers' scores once you have "
				       "submitted yours: score independently."));
	if (!shown)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No scorecard yet."));
	else {
		html_printf(o, "<div class=\"table-wrap\"><table id=\"sc-list\"><thead><tr><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s"
			    "</th></tr></thead><tbody>", T("Date"), T("Kind"), T("Interviewer"), T("Status"),
			    T("Recommendation"));
		for (size_t k = 0; k < n; k++) {
			if (views[k] == SCORECARD_NONE)
				continue;
			int own = sc[k].interviewer_id == r->me.user_id;
			html_printf(o, "<tr data-scorecard=\"%lld\"><td>%s</td><td>%s</td><td>", (long long)sc[k].id,
				    ui_date_text(r, sc[k].held_on), T(interview_kind_label(sc[k].kind)));
			if (views[k] == SCORECARD_SCORES)
				html_printf(o, "<a href=\"/recruiting/scorecards/%lld\">%s</a>", (long long)sc[k].id,
					    sc[k].interviewer_name);
			else
				html_printf(o, "%s", sc[k].interviewer_name);
			if (own)
				html_printf(o, " <span class=\"muted\">(%s)</span>", T("you"));
			html_printf(o, "</td><td><span class=\"badge%-s\">%s</span></td><td>%s</td></tr>",
				    !strcmp(sc[k].status, "submitted") ? " ok" : "", status_text(r, sc[k].status),
				    views[k] == SCORECARD_SCORES && *sc[k].recommendation
					    ? T(recommendation_label(sc[k].recommendation)) : "–");
		}
		html(o, "</tbody></table></div>");
		html_printf(o, "<p class=\"export-links muted\">%s <a href=\"/recruiting/candidates/%lld?scorecards=1&amp;format=csv\" "
			    "download>CSV</a> · <a href=\"/recruiting/candidates/%lld?scorecards=1&amp;format=xlsx\" download>%s</a></p>",
			    T("Download:"), (long long)x->cand.id, (long long)x->cand.id, T("Excel"));
	}
	html(o, "</section>");
	/* the profile and the comparison: only to whoever sees every
	 * submitted scorecard (no draft of their own left) */
	if (!x->own_drafts && (x->cv == CANDIDATE_WHOLE || x->own_submitted)) {
		profile_html(r, x, &l);
		disagreement_html(r, &l, sc, n, views);
	}
	struct candidate_ref ref = recruit_ref(&x->cand);
	if (access_interview_add(&r->viewer, &ref))
		interview_form(r, &x->cand, f);
}

/* the scorecards the caller sees as a table: a row per scorecard, a column
 * per active trait (the score only where the caller may see it) */
static struct table *scorecards_table(struct request *r, const struct sc_ctx *x, const struct trait_list *l,
				      const struct scorecard *sc, size_t n)
{
	struct table *t = table_new(r->a, "scorecards", 5 + l->n);
	table_col(t, 0, T("Date"), CELL_DATE);
	table_col(t, 1, T("Kind"), CELL_TEXT);
	table_col(t, 2, T("Interviewer"), CELL_TEXT);
	table_col(t, 3, T("Status"), CELL_TEXT);
	table_col(t, 4, T("Recommendation"), CELL_TEXT);
	for (size_t i = 0; i < l->n; i++)
		table_col(t, 5 + i, l->items[i].name, CELL_INT);
	for (size_t k = 0; k < n; k++) {
		enum scorecard_view v = sc_view(r, x, &sc[k]);
		if (v == SCORECARD_NONE)
			continue;
		size_t row = table_row(t);
		table_date(t, row, 0, sc[k].held_on);
		table_text(t, row, 1, T(interview_kind_label(sc[k].kind)));
		table_text(t, row, 2, sc[k].interviewer_name);
		table_text(t, row, 3, status_text(r, sc[k].status));
		if (v != SCORECARD_SCORES)
			continue;
		if (*sc[k].recommendation)
			table_text(t, row, 4, T(recommendation_label(sc[k].recommendation)));
		for (size_t i = 0; i < l->n; i++)
			for (size_t j = 0; j < sc[k].nscores; j++)
				if (sc[k].scores[j].trait_id == l->items[i].id)
					table_int(t, row, 5 + i, sc[k].scores[j].score);
	}
	return t;
}

int scorecards_export(struct request *r, const struct candidate *c, enum candidate_view view)
{
	const char *want = req_query(r, "scorecards");
	if (!want || !export_wanted(r))
		return 0;
	struct sc_ctx x;
	memset(&x, 0, sizeof(x));
	x.cand = *c;
	x.cv = view;
	struct trait_list l;
	struct scorecard *sc;
	size_t n;
	enum err e = scorecard_own_state(r->db, r->me.org_id, c->id, r->me.user_id, &x.own_drafts, &x.own_submitted);
	if (!e)
		e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &l);
	if (!e)
		e = scorecard_list(r->db, r->a, r->me.org_id, c->id, &sc, &n);
	if (e) {
		resp_store_error(r, e);
		return 1;
	}
	export_send(r, scorecards_table(r, &x, &l, sc, n));
	return 1;
}

void scorecards_section(struct request *r, const struct candidate *c, enum candidate_view view)
{
	struct sc_ctx x;
	memset(&x, 0, sizeof(x));
	x.cand = *c;
	x.cv = view;
	if (scorecard_own_state(r->db, r->me.org_id, c->id, r->me.user_id, &x.own_drafts, &x.own_submitted)) {
		ui_notice(r, "error", T("The scorecards could not be loaded."));
		return;
	}
	section(r, &x, NULL);
}

void page_interview_post(struct request *r)
{
	struct sc_ctx x;
	enum err e = sc_ctx_load(r, r->id, &x);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such candidate."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct candidate_ref ref = recruit_ref(&x.cand);
	if (!access_interview_add(&r->viewer, &ref)) {
		resp_error(r, E_FORBIDDEN, T("Interviews are scheduled by whoever manages recruiting for this candidate."));
		return;
	}
	struct iv_form f = { 0 };
	f.held_on = req_form_trimmed(r, "held_on");
	f.kind = req_form_trimmed(r, "kind");
	int64_t *who = arena_allocarray(r->a, r->form.n + 1, sizeof(int64_t));
	size_t nwho = 0;
	int bad_id = 0;
	for (size_t k = 0; k < r->form.n; k++)
		if (!strcmp(r->form.items[k].key, "interviewer")) {
			int64_t id = req_id_field(r->form.items[k].val);
			if (id <= 0)
				bad_id = 1;
			else
				who[nwho++] = id;
		}
	f.who = who;
	f.nwho = nwho;
	f.error = sc_interview_check(r, f.held_on, f.kind, who, nwho, &f.field);
	if (!f.error && bad_id) {
		f.field = "interviewers";
		f.error = T("Choose active colleagues of your organisation as interviewers.");
	}
	if (f.error) {
		r->status = 400;
		ui_page_begin(r, T("Schedule an interview"), "recruiting");
		html_printf(&r->out, "<div class=\"page-head\"><div><p class=\"eyebrow\"><a href=\"/recruiting/candidates/%lld\">"
			    "%s</a></p><h1>%s</h1></div></div>", (long long)x.cand.id, x.cand.name, T("Schedule an interview"));
		interview_form(r, &x.cand, &f);
		ui_page_end(r);
		return;
	}
	struct interview_new in = { x.cand.id, x.cand.vacancy_id, f.held_on, f.kind, r->me.user_id, who, nwho };
	int64_t id = 0;
	if ((e = interview_add(r->db, r->me.org_id, &in, &id))) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/recruiting/candidates/%lld?ok=scheduled#scorecards", (long long)x.cand.id));
}

/* ------------------------------------------------------------ a scorecard */

struct sc_form {
	const char **score, **evidence, **error;	/* by active trait */
	const char *recommendation, *e_rec, *notice;
};

static void head(struct request *r, const struct scorecard *s)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\"><a href=\"/recruiting/candidates/%lld#scorecards\">%s</a>"
		    "</p><h1>%s</h1><p class=\"muted\">%s · %s · %s · <span class=\"badge%-s\" id=\"sc-status\">%s</span>",
		    (long long)s->candidate_id, s->candidate_name, arena_printf(r->a, T("Scorecard: %s"), s->candidate_name),
		    ui_date_text(r, s->held_on), T(interview_kind_label(s->kind)),
		    arena_printf(r->a, T("by %s"), s->interviewer_name), !strcmp(s->status, "submitted") ? " ok" : "",
		    status_text(r, s->status));
	if (s->reopened)
		html_printf(o, " · %s", arena_printf(r->a, T("reopened %d times"), s->reopened));
	html(o, "</p></div></div>");
}

static void questions_html(struct request *r, const struct trait *t)
{
	const char *const *q;
	size_t n;
	sc_questions(r, t, &q, &n);
	if (!n)
		return;
	html_printf(&r->out, "<details class=\"sc-questions\"><summary>%s</summary><ul>", T("Suggested questions"));
	for (size_t i = 0; i < n; i++)
		html_printf(&r->out, "<li>%s</li>", q[i]);
	html(&r->out, "</ul>");
	if (access_interview_questions_edit(&r->viewer, r->me.org_id))
		html_printf(&r->out, "<p class=\"small\"><a href=\"/admin/interview-questions?lang=%s\">%s</a></p>",
			    lang_code(r->lang), T("Interview questions"));
	html(&r->out, "</details>");
}

static void render_scorecard(struct request *r, const struct scorecard *s, const struct sc_ctx *x,
			     enum scorecard_view view, const struct trait_list *l, const struct sc_form *f)
{
	struct strbuf *o = &r->out;
	struct scorecard_ref ref = sc_ref(r, s);
	int editable = access_scorecard_edit(&r->viewer, x->cv, &ref);
	ui_page_begin(r, arena_printf(r->a, T("Scorecard: %s"), s->candidate_name), "recruiting");
	head(r, s);
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "saved"))
		ui_notice(r, "ok", T("Your draft is saved."));
	else if (ok && !strcmp(ok, "submitted"))
		ui_notice(r, "ok", T("Your scorecard is submitted. You now see the others' submitted scores on the "
				     "candidate's page."));
	else if (ok && !strcmp(ok, "reopened"))
		ui_notice(r, "ok", T("The scorecard is open again as a draft."));
	if (f && f->notice)
		ui_notice(r, "error", f->notice);
	if (view == SCORECARD_STATUS) {
		html_printf(o, "<p class=\"muted\" id=\"sc-hidden\">%s</p>",
			    !strcmp(s->status, "submitted")
				    ? T("Submit your own scorecard first: until then you do not see the others' scores.")
				    : T("Not submitted yet: a draft's scores are seen by its interviewer only."));
		ui_page_end(r);
		return;
	}
	if (editable) {
		html_printf(o, "<form method=\"post\" action=\"/recruiting/scorecards/%lld\" class=\"form rate-form\" "
			    "novalidate>", (long long)s->id);
		ui_csrf(r);
	}
	for (size_t i = 0; i < l->n; i++) {
		const struct trait *t = &l->items[i];
		if (t->retired_at && !*f->score[i])
			continue;
		html_printf(o, "<fieldset class=\"trait-rate card%-s\" id=\"trait-%lld\"><legend id=\"tl-%lld\">%s</legend>",
			    f->error[i] ? " invalid" : "", (long long)t->id, (long long)t->id, t->name);
		if (*t->definition)
			html_printf(o, "<p class=\"muted\">%s</p>", t->definition);
		if (editable)
			questions_html(r, t);
		trait_score_buttons(r, arena_printf(r->a, "score-%lld", (long long)t->id), f->score[i],
				    arena_printf(r->a, "tl-%lld", (long long)t->id), editable);
		trait_anchors(r, t);
		if (f->error[i])
			html_printf(o, "<p class=\"field-error\" id=\"e-trait-%lld\">%s</p>", (long long)t->id, f->error[i]);
		if (editable)
			html_printf(o, "<div class=\"field\"><label for=\"ev-%lld\">%s</label><textarea id=\"ev-%lld\" "
				    "name=\"evidence-%lld\" rows=\"3\" maxlength=\"%d\">%s</textarea></div>", (long long)t->id,
				    T("Evidence: what you heard"), (long long)t->id, (long long)t->id, SCORECARD_EVIDENCE_MAX,
				    f->evidence[i]);
		else if (*f->evidence[i])
			html_printf(o, "<p class=\"evidence\"><strong>%s</strong> %s</p>", T("Evidence:"), f->evidence[i]);
		html(o, "</fieldset>");
	}
	html_printf(o, "<fieldset class=\"card%-s\" id=\"recommendation\"><legend>%s</legend>", f->e_rec ? " invalid" : "",
		    T("Overall recommendation"));
	if (editable) {
		html(o, "<div class=\"sc-rec\">");
		for (size_t i = 0; i < recommendation_count; i++)
			html_printf(o, "<label class=\"check\"><input type=\"radio\" name=\"recommendation\" value=\"%s\"%-s> %s"
				    "</label>", recommendation_codes[i],
				    f->recommendation && !strcmp(f->recommendation, recommendation_codes[i]) ? " checked" : "",
				    T(recommendation_label(recommendation_codes[i])));
		html(o, "</div>");
	} else
		html_printf(o, "<p id=\"sc-rec\">%s</p>", f->recommendation && *f->recommendation
							 ? T(recommendation_label(f->recommendation)) : "–");
	if (f->e_rec)
		html_printf(o, "<p class=\"field-error\" id=\"e-recommendation\">%s</p>", f->e_rec);
	html(o, "</fieldset>");
	if (editable)
		html_printf(o, "<div class=\"actions rate-actions\"><button class=\"button\" type=\"submit\" name=\"action\" "
			    "value=\"save\">%s</button><button class=\"button primary\" type=\"submit\" name=\"action\" "
			    "value=\"submit\">%s</button></div><p class=\"muted\">%s</p></form>", T("Save the draft"),
			    T("Submit"), T("Once submitted, the scorecard no longer changes unless a manager reopens it."));
	if (access_scorecard_reopen(&r->viewer, x->cv, &ref)) {
		html_printf(o, "<form method=\"post\" action=\"/recruiting/scorecards/%lld/reopen\" class=\"form\" id=\"reopen\">",
			    (long long)s->id);
		ui_csrf(r);
		html_printf(o, "<p class=\"muted\">%s</p><div class=\"actions\"><button class=\"button\" type=\"submit\">%s"
			    "</button></div></form>", T("Reopening lets the interviewer change it again; it is logged."),
			    T("Reopen"));
	}
	ui_page_end(r);
}

static void form_alloc(struct request *r, const struct trait_list *l, struct sc_form *f)
{
	memset(f, 0, sizeof(*f));
	size_t n = l->n ? l->n : 1;
	f->score = arena_allocarray(r->a, n, sizeof(char *));
	f->evidence = arena_allocarray(r->a, n, sizeof(char *));
	f->error = arena_allocarray(r->a, n, sizeof(char *));
	for (size_t i = 0; i < l->n; i++) {
		f->score[i] = f->evidence[i] = "";
		f->error[i] = NULL;
	}
}

static void form_fill(struct request *r, const struct trait_list *l, const struct scorecard *s, struct sc_form *f)
{
	for (size_t i = 0; i < l->n; i++)
		for (size_t k = 0; k < s->nscores; k++)
			if (s->scores[k].trait_id == l->items[i].id) {
				f->score[i] = arena_printf(r->a, "%d", s->scores[k].score);
				f->evidence[i] = s->scores[k].evidence;
			}
	f->recommendation = s->recommendation;
}

/* the scorecard the caller may see, or an answer; 0 when loaded */
static int load_or_reply(struct request *r, struct scorecard *s, struct sc_ctx *x, enum scorecard_view *view)
{
	enum err e = sc_load(r, r->id, s, x, view);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such scorecard."));
		return -1;
	}
	if (e) {
		resp_store_error(r, e);
		return -1;
	}
	return 0;
}

void page_scorecard(struct request *r)
{
	struct scorecard s;
	struct sc_ctx x;
	enum scorecard_view view;
	if (load_or_reply(r, &s, &x, &view))
		return;
	struct trait_list l;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, !strcmp(s.status, "draft") ? TRAITS_ACTIVE : TRAITS_ALL,
				&l);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct sc_form f;
	form_alloc(r, &l, &f);
	form_fill(r, &l, &s, &f);
	render_scorecard(r, &s, &x, view, &l, &f);
}

static const char *form_text(struct request *r, const char *key)
{
	const char *v = req_form(r, key);
	return v ? v : "";
}

void page_scorecard_post(struct request *r)
{
	struct scorecard s;
	struct sc_ctx x;
	enum scorecard_view view;
	if (load_or_reply(r, &s, &x, &view))
		return;
	struct scorecard_ref ref = sc_ref(r, &s);
	if (!access_scorecard_edit(&r->viewer, x.cv, &ref)) {
		if (s.interviewer_id == r->me.user_id)
			resp_error(r, E_CONFLICT, T("This scorecard is submitted: it no longer changes unless it is reopened."));
		else
			resp_error(r, E_FORBIDDEN, T("Only its interviewer fills in a scorecard."));
		return;
	}
	struct trait_list l;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &l);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	const char *action = req_form(r, "action");
	int submit = action && !strcmp(action, "submit");
	struct sc_form f;
	form_alloc(r, &l, &f);
	size_t n = l.n;
	int *scores = arena_allocarray(r->a, n ? n : 1, sizeof(int));
	const struct trait **tp = arena_allocarray(r->a, n ? n : 1, sizeof(*tp));
	for (size_t i = 0; i < n; i++) {
		const struct trait *t = &l.items[i];
		tp[i] = t;
		f.score[i] = form_text(r, arena_printf(r->a, "score-%lld", (long long)t->id));
		f.evidence[i] = str_trim(arena_strdup(r->a, form_text(r, arena_printf(r->a, "evidence-%lld", (long long)t->id))));
		scores[i] = scorecard_score_parse(f.score[i]);
	}
	f.recommendation = form_text(r, "recommendation");
	struct scorecard_error errs[2 * TRAITS_MAX + 2];
	size_t nerr = 0;
	e = sc_save(r, &s, tp, n, scores, f.evidence, f.recommendation, submit, errs, (sizeof(errs) / sizeof(errs[0])), &nerr);
	if (e == E_CONFLICT) {
		resp_error(r, E_CONFLICT, T("This scorecard is submitted: it no longer changes unless it is reopened."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (nerr) {
		for (size_t k = 0; k < nerr && k < (sizeof(errs) / sizeof(errs[0])); k++) {
			if (!strcmp(errs[k].field, "recommendation"))
				f.e_rec = T(errs[k].message);
			else if (errs[k].trait < n && !f.error[errs[k].trait])
				f.error[errs[k].trait] = arena_printf(r->a, "%s: %s", l.items[errs[k].trait].name,
								      T(errs[k].message));
		}
		r->status = 400;
		f.notice = submit ? T("The scorecard was not submitted. Check the fields marked below; nothing you typed is lost.")
				  : T("The draft was not saved. Check the fields marked below; nothing you typed is lost.");
		render_scorecard(r, &s, &x, view, &l, &f);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/recruiting/scorecards/%lld?ok=%s", (long long)s.id,
				      submit ? "submitted" : "saved"));
}

void page_scorecard_reopen_post(struct request *r)
{
	struct scorecard s;
	struct sc_ctx x;
	enum scorecard_view view;
	if (load_or_reply(r, &s, &x, &view))
		return;
	struct scorecard_ref ref = sc_ref(r, &s);
	if (!access_scorecard_reopen(&r->viewer, x.cv, &ref)) {
		if (x.cv == CANDIDATE_WHOLE && strcmp(s.status, "submitted"))
			resp_error(r, E_CONFLICT, T("This scorecard is a draft: there is nothing to reopen."));
		else
			resp_error(r, E_FORBIDDEN, T("A scorecard is reopened by whoever manages recruiting for the candidate."));
		return;
	}
	enum err e = scorecard_reopen(r->db, r->me.org_id, s.id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/recruiting/scorecards/%lld?ok=reopened", (long long)s.id));
}

/* ------------------------------------------------------------ the questions */

#define QUESTION_MAX 500

static int lang_of(struct request *r, const char *v)
{
	int l = v ? lang_parse(v) : -1;
	return l >= 0 ? l : (int)r->lang;
}

static void render_questions(struct request *r, const struct trait_list *l, enum lang ql, const char *const *typed,
			     const char *const *errors, int bad)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Interview questions"), "admin-interview-questions");
	html_printf(o, "<div class=\"page-head\"><div><h1>%s</h1><p class=\"muted\">%s</p></div></div>",
		    T("Interview questions"),
		    T("The questions a scorecard suggests per trait. Your own questions for a trait and language replace "
		      "the defaults; leave the box empty to use the defaults. One question per line."));
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "saved"))
		ui_notice(r, "ok", T("The questions are saved."));
	if (bad)
		ui_notice(r, "error", T("The questions were not saved. Check the traits marked below."));
	html(o, "<p class=\"sc-langs\">");
	for (int k = 0; k < LANG_COUNT; k++)
		html_printf(o, "<a class=\"button small%-s\" href=\"/admin/interview-questions?lang=%s\">%s</a> ",
			    k == (int)ql ? " primary" : "", lang_code((enum lang)k), lang_name((enum lang)k));
	html(o, "</p>");
	html(o, "<form method=\"post\" action=\"/admin/interview-questions\" class=\"form\">");
	ui_csrf(r);
	html_printf(o, "<input type=\"hidden\" name=\"lang\" value=\"%s\">", lang_code(ql));
	for (size_t i = 0; i < l->n; i++) {
		const struct trait *t = &l->items[i];
		html_printf(o, "<fieldset class=\"card%-s\" id=\"q-%lld\"><legend>%s</legend>", errors[i] ? " invalid" : "",
			    (long long)t->id, t->name);
		html_printf(o, "<div class=\"field\"><label for=\"f-q-%lld\">%s</label><textarea id=\"f-q-%lld\" "
			    "name=\"q-%lld\" rows=\"4\">%s</textarea></div>", (long long)t->id,
			    arena_printf(r->a, T("Your questions (%s)"), lang_name(ql)), (long long)t->id, (long long)t->id,
			    typed[i]);
		if (errors[i])
			html_printf(o, "<p class=\"field-error\">%s</p>", errors[i]);
		const char *const *d = interview_questions_default(t->code);
		if (d) {
			html_printf(o, "<details><summary>%s</summary><ul>", T("The defaults"));
			for (size_t k = 0; d[k]; k++)
				html_printf(o, "<li>%s</li>", tr(ql, d[k]));
			html(o, "</ul></details>");
		}
		html(o, "</fieldset>");
	}
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>",
		    T("Save"));
	ui_page_end(r);
}

void page_interview_questions(struct request *r)
{
	if (!access_interview_questions_edit(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	enum lang ql = (enum lang)lang_of(r, req_query(r, "lang"));
	struct trait_list l;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &l);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	const char **typed = arena_allocarray(r->a, l.n + 1, sizeof(char *));
	const char **errors = arena_allocarray(r->a, l.n + 1, sizeof(char *));
	for (size_t i = 0; i < l.n; i++) {
		const char **q;
		size_t n;
		errors[i] = NULL;
		if ((e = interview_questions_get(r->db, r->a, r->me.org_id, l.items[i].id, lang_code(ql), &q, &n))) {
			resp_store_error(r, e);
			return;
		}
		struct strbuf sb = STRBUF_INIT;
		for (size_t k = 0; k < n; k++)
			sb_addf(&sb, "%s%s", k ? "\n" : "", q[k]);
		typed[i] = arena_strdup(r->a, sb.buf ? sb.buf : "");
		sb_release(&sb);
	}
	render_questions(r, &l, ql, typed, errors, 0);
}

void page_interview_questions_post(struct request *r)
{
	if (!access_interview_questions_edit(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	const char *lv = req_form(r, "lang");
	if (!lv || lang_parse(lv) < 0) {
		resp_error(r, E_INVALID, T("lang: choose en, nl or nb."));
		return;
	}
	enum lang ql = (enum lang)lang_parse(lv);
	struct trait_list l;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &l);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	const char **typed = arena_allocarray(r->a, l.n + 1, sizeof(char *));
	const char **errors = arena_allocarray(r->a, l.n + 1, sizeof(char *));
	const char ***lines = arena_allocarray(r->a, l.n + 1, sizeof(char **));
	size_t *nlines = arena_allocarray(r->a, l.n + 1, sizeof(size_t));
	int bad = 0;
	for (size_t i = 0; i < l.n; i++) {
		const char *v = req_form(r, arena_printf(r->a, "q-%lld", (long long)l.items[i].id));
		typed[i] = v ? v : "";
		errors[i] = NULL;
		lines[i] = arena_allocarray(r->a, INTERVIEW_QUESTIONS_MAX + 1, sizeof(char *));
		nlines[i] = 0;
		char *copy = arena_strdup(r->a, typed[i]), *save = NULL;
		for (char *line = strtok_r(copy, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
			line = str_trim(line);
			if (!*line)
				continue;
			if (nlines[i] >= INTERVIEW_QUESTIONS_MAX) {
				errors[i] = arena_printf(r->a, T("At most %d questions per trait."), INTERVIEW_QUESTIONS_MAX);
				break;
			}
			if (validate_text(line, QUESTION_MAX)) {
				errors[i] = arena_printf(r->a, T("A question is at most %d characters long, without control "
								 "characters."), QUESTION_MAX);
				break;
			}
			lines[i][nlines[i]++] = line;
		}
		bad |= errors[i] != NULL;
	}
	if (bad) {
		r->status = 400;
		render_questions(r, &l, ql, typed, errors, 1);
		return;
	}
	for (size_t i = 0; i < l.n; i++)
		if ((e = interview_questions_set(r->db, r->me.org_id, l.items[i].id, lang_code(ql), lines[i], nlines[i]))) {
			resp_store_error(r, e);
			return;
		}
	resp_redirect(r, arena_printf(r->a, "/admin/interview-questions?lang=%s&ok=saved", lang_code(ql)));
}
