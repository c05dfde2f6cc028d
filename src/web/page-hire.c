/*
 * page-hire: hiring a candidate, and sending one back into the pool
 * (issue 11, part 3).
 *
 *   GET  /recruiting/candidates/:id/hire   the hire form (name and e-mail
 *        prefilled, a team of the organisation, start date, language), what
 *        the rep's first assessment will hold (the rounded means of the
 *        submitted scorecards, or that there are none), the trait where the
 *        candidate is strongest where it matters here (the hiring profile),
 *        and — for a candidate in a vacancy — the form to send them back
 *        into the pool with a date to get back in touch
 *   POST /recruiting/candidates/:id/hire   hire: the rep is created (the
 *        initial password shown once, like the admin's user page), the
 *        candidate marked hired, moved to the vacancy's hired stage, and the
 *        interview evidence made their first assessment "from interviews" —
 *        one transaction (store/hire.h); a fault names its field, nothing
 *        stored
 *   POST /recruiting/candidates/:id/pool   back into the pool: out of the
 *        vacancy, an open step "Get back in touch" due the date given
 *
 * Rights: access_candidate_hire / access_candidate_to_pool (whoever sees
 * the candidate whole); an invited interviewer gets 403, anyone else 404.
 */
#include "pages.h"
#include "ui.h"
#include "hireui.h"
#include "recruitui.h"
#include "../domain/validate.h"
#include "../store/teams.h"
#include "../store/users.h"
#include "../lib/password.h"
#include "../lib/util.h"
#include <math.h>
#include <string.h>

/* ------------------------------------------------------------ shared with the API */

static void put_error(struct rule_error *errs, size_t *nerr, const char *field, const char *msg)
{
	errs[0].field = field ? field : "email";
	errs[0].message = msg ? msg : N_("The rep could not be created.");
	*nerr = 1;
}

enum err hireui_hire(struct request *r, const struct candidate *c, const struct hire_fields *f,
		     struct rule_error *errs, size_t *nerr, char password[17], struct hire_result *res)
{
	*nerr = 0;
	password[0] = '\0';
	int64_t team = req_id_field(f->team_id);
	int team_ok = 0;
	struct team t;
	if (team > 0) {
		enum err e = team_get(r->db, r->a, r->me.org_id, team, &t);
		if (e && e != E_NOTFOUND)
			return e;
		team_ok = !e;
	}
	char *email = arena_strdup(r->a, f->email ? f->email : "");
	email_normalise(email);
	int taken = 0;
	if (*email) {
		struct user u;
		enum err e = user_by_email(r->db, r->a, r->me.org_id, email, &u);
		if (e && e != E_NOTFOUND)
			return e;
		taken = !e;
	}
	const char *name = f->name ? str_trim(arena_strdup(r->a, f->name)) : "";
	struct hire_input in = { name, email, f->start_on, f->lang, team_ok,
				 team_ok && access_hire_team(&r->viewer, r->me.org_id, team), taken };
	*nerr = hire_validate(&in, errs, HIRE_ERRORS_MAX);
	if (*nerr)
		return E_OK;
	password_generate(password);
	struct hire_new hn = { .candidate_id = c->id, .name = name, .email = email, .lang = f->lang, .team_id = team,
			       .start_on = f->start_on, .password = password, .hired_by = r->me.user_id,
			       .round_name = T("From interviews"), .today = ui_today(r) };
	const char *field = NULL, *msg = NULL;
	enum err e = hire_candidate(r->db, r->a, r->me.org_id, &hn, res, &field, &msg);
	if (e == E_INVALID || e == E_CONFLICT) {
		password[0] = '\0';
		put_error(errs, nerr, field, msg);
		return e == E_CONFLICT ? E_CONFLICT : E_OK;
	}
	if (e)
		password[0] = '\0';
	return e;
}

enum err hireui_to_pool(struct request *r, const struct candidate *c, const char *touch_on, const char *kind,
			const char *notes, struct rule_error *errs, size_t *nerr, int64_t *step_id)
{
	*nerr = back_to_pool_validate(touch_on, kind, ui_today(r), errs, HIRE_ERRORS_MAX);
	if (!*nerr && notes && strlen(notes) > CANDIDATE_NOTES_MAX) {
		errs[0].field = "notes";
		errs[0].message = N_("The notes are too long.");
		*nerr = 1;
	}
	if (*nerr)
		return E_OK;
	char keep[11];
	recruit_retain_default(ui_today(r), keep);
	struct back_to_pool bp = {
		.candidate_id = c->id, .author_id = r->me.user_id, .kind = kind, .held_on = ui_today(r),
		.notes = notes ? notes : "", .touch_on = touch_on, .what = T("Get back in touch"), .who = r->me.name,
		.retain_until = strcmp(keep, c->retain_until) > 0 ? keep : c->retain_until,
	};
	enum err e = candidate_back_to_pool(r->db, r->me.org_id, &bp, step_id);
	if (e == E_CONFLICT)
		put_error(errs, nerr, "candidate", N_("This candidate was hired: they are a rep now, not in the pool."));
	return e;
}

/* ------------------------------------------------------------ the page */

struct hire_page {
	struct hire_fields f;
	const char *touch_on, *kind, *notes;
	struct rule_error errs[HIRE_ERRORS_MAX];
	size_t nerr;
	int pool_form;			/* the faults are the pool form's */
};

static const char *err_of(struct request *r, const struct hire_page *p, int pool, const char *field)
{
	if (p->pool_form != pool)
		return NULL;
	for (size_t i = 0; i < p->nerr; i++)
		if (!strcmp(p->errs[i].field, field))
			return T(p->errs[i].message);
	return NULL;
}

/* what the first assessment will hold, and the reading against the hiring profile */
static void first_assessment(struct request *r, const struct candidate *c)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"first-assessment\"><h2>%s</h2>", T("The rep's first assessment"));
	if (hire_has_draft(r->db, r->me.org_id, c->id, r->me.user_id)) {
		html_printf(o, "<p class=\"muted\">%s</p></section>",
			    T("Submit your own scorecard of this candidate first: until then you do not see the others' "
			      "scores, not even as means."));
		return;
	}
	struct hire_trait_score *s;
	size_t n;
	int64_t cards;
	struct hiring_profile hp;
	if (hire_scorecard_means(r->db, r->a, r->me.org_id, c->id, &s, &n, &cards) ||
	    hiring_profile_load(r->db, r->a, r->me.org_id, ui_today(r), r->lang, &hp)) {
		html_printf(o, "<p class=\"notice error\">%s</p></section>", T("The scorecards could not be loaded."));
		return;
	}
	if (!n) {
		html_printf(o, "<p id=\"no-scorecards\">%s</p></section>",
			    T("No scorecard of this candidate was submitted: the rep will be created without a first "
			      "assessment."));
		return;
	}
	html_printf(o, "<p class=\"muted\">%s</p>",
		    arena_printf(r->a, trn(r->lang, "Per trait, the mean of %lld submitted scorecard, rounded (halves up); "
					   "the interviewers' evidence becomes the evidence, marked \"from interviews\".",
					   "Per trait, the mean of %lld submitted scorecards, rounded (halves up); the "
					   "interviewers' evidence becomes the evidence, marked \"from interviews\".", (long)cards),
				 (long long)cards));
	double *cand = arena_alloc(r->a, (hp.traits.n + 1) * sizeof(double));
	for (size_t i = 0; i < hp.traits.n; i++)
		cand[i] = NAN;
	html_printf(o, "<div class=\"table-wrap\"><table class=\"hire-means\"><thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>",
		    T("Trait"), T("Score"), T("Scores"));
	for (size_t k = 0; k < n; k++) {
		const char *name = "?";
		for (size_t i = 0; i < hp.traits.n; i++)
			if (hp.traits.items[i].id == s[k].trait_id) {
				name = hp.traits.items[i].name;
				cand[i] = s[k].score;
			}
		html_printf(o, "<tr data-trait=\"%lld\"><th scope=\"row\">%s</th><td class=\"num\" data-score>%d</td>"
			    "<td class=\"num\">%s</td></tr>", (long long)s[k].trait_id, name, s[k].score,
			    arena_printf(r->a, "%lld / %lld", (long long)s[k].sum, (long long)s[k].count));
	}
	html(o, "</tbody></table></div>");
	int best = hiring_profile_strongest(hp.res, hp.traits.n, cand, NULL);
	if (best >= 0)
		html_printf(o, "<p id=\"strongest\">%s</p>",
			    arena_printf(r->a, T("Strongest where it matters here: %s (score %d; r = %s with attainment, n = %zu)."),
					 hp.traits.items[best].name, (int)cand[best], ui_decimal_text(r, hp.res[best].r, 2),
					 hp.res[best].n));
	else
		html_printf(o, "<p id=\"strongest\" class=\"muted\">%s</p>",
			    T("None of the traits that go with top performance here has a score for this candidate yet."));
	html_printf(o, "<p class=\"muted small\"><a href=\"/recruiting/hiring-profile\">%s</a></p></section>",
		    T("What predicts top performance here"));
}

static void render(struct request *r, const struct candidate *c, const struct hire_page *p)
{
	struct strbuf *o = &r->out;
	int64_t hired_id;
	const char *hired_on, *hired_name;
	enum err e = hire_status(r->db, r->a, r->me.org_id, c->id, &hired_id, &hired_on, &hired_name);
	struct team_list tl;
	if (e || (e = team_list_org(r->db, r->a, r->me.org_id, &tl))) {
		resp_store_error(r, e);
		return;
	}
	ui_page_begin(r, arena_printf(r->a, T("Hire %s"), c->name), "recruiting");
	html_printf(o, "<div class=\"page-head rec-head\"><div><p class=\"eyebrow\"><a href=\"/recruiting/candidates/%lld\">"
		    "%s</a></p><h1>%s</h1></div></div>", (long long)c->id, c->name, T("Hire, or back into the pool"));
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "pool"))
		ui_notice(r, "ok", T("The candidate is back in the pool, with a step to get back in touch."));
	if (p->nerr && !p->pool_form)
		ui_notice(r, "error", err_of(r, p, 0, "candidate") ? err_of(r, p, 0, "candidate")
				       : T("Nobody was hired. Check the fields marked below."));
	if (hired_id) {
		html_printf(o, "<section class=\"card\" id=\"hired\"><p>%s</p><p><a href=\"/reps/%lld\">%s</a></p></section>",
			    arena_printf(r->a, T("Hired: %s starts on %s."), hired_name, ui_date_text(r, hired_on)),
			    (long long)hired_id, T("Open the rep's page"));
		ui_page_end(r);
		return;
	}
	html_printf(o, "<section class=\"card\" id=\"hire\"><h2>%s</h2><p class=\"muted\">%s</p>", T("Hire"),
		    T("Creates the rep's account in the team, with a password shown once, and makes the interview "
		      "evidence their first assessment."));
	html_printf(o, "<form method=\"post\" action=\"/recruiting/candidates/%lld/hire#hire\" class=\"form\">",
		    (long long)c->id);
	ui_csrf(r);
	ui_input(r, "name", T("Name"), "text", p->f.name ? p->f.name : c->name, err_of(r, p, 0, "name"), NULL);
	ui_input(r, "email", T("E-mail"), "email", p->f.email ? p->f.email : c->email, err_of(r, p, 0, "email"), NULL);
	const char **tv = arena_allocarray(r->a, tl.n + 1, sizeof(char *)), **tlb = arena_allocarray(r->a, tl.n + 1, sizeof(char *));
	tv[0] = "";
	tlb[0] = T("Choose…");
	const char *chosen = p->f.team_id;
	size_t nt = 1;
	/* the teams the caller may hire into (access_hire_team) */
	for (size_t i = 0; i < tl.n; i++) {
		if (!access_hire_team(&r->viewer, r->me.org_id, tl.items[i].id))
			continue;
		tv[nt] = arena_printf(r->a, "%lld", (long long)tl.items[i].id);
		tlb[nt] = tl.items[i].name;
		if (!chosen && c->vacancy_team_id == tl.items[i].id)
			chosen = tv[nt];
		nt++;
	}
	ui_select(r, "team_id", T("Team"), tv, tlb, nt, chosen, err_of(r, p, 0, "team_id"));
	ui_input(r, "start_on", T("Start date"), "date", p->f.start_on ? p->f.start_on : ui_today(r),
		 err_of(r, p, 0, "start_on"), NULL);
	const char *lv[LANG_COUNT], *ll[LANG_COUNT];
	for (int i = 0; i < LANG_COUNT; i++) {
		lv[i] = lang_code((enum lang)i);
		ll[i] = lang_name((enum lang)i);
	}
	ui_select(r, "lang", T("Language"), lv, ll, LANG_COUNT,
		  p->f.lang ? p->f.lang : (r->me.org_locale && *r->me.org_locale ? r->me.org_locale : "en"),
		  err_of(r, p, 0, "lang"));
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Hire and create the rep's account"));
	first_assessment(r, c);
	if (c->vacancy_id) {
		html_printf(o, "<section class=\"card\" id=\"pool\"><h2>%s</h2><p class=\"muted\">%s</p>",
			    T("Back into the pool"),
			    arena_printf(r->a, T("Takes %s out of “%s” and back into the talent pool, with an open step "
						 "to get back in touch on the date you choose."), c->name, c->vacancy_title));
		if (p->nerr && p->pool_form)
			ui_notice(r, "error", err_of(r, p, 1, "candidate") ? err_of(r, p, 1, "candidate")
					       : T("Nothing was changed. Check the fields marked below."));
		html_printf(o, "<form method=\"post\" action=\"/recruiting/candidates/%lld/pool#pool\" class=\"form\">",
			    (long long)c->id);
		ui_csrf(r);
		ui_input(r, "touch_on", T("Get back in touch on"), "date", p->touch_on, err_of(r, p, 1, "touch_on"), NULL);
		const char *kl[4];
		for (size_t i = 0; i < recruit_conv_kind_count && i < 4; i++)
			kl[i] = T(conv_kind_label(recruit_conv_kind_codes[i]));
		ui_select(r, "kind", T("How you told them"), recruit_conv_kind_codes, kl, recruit_conv_kind_count,
			  p->kind ? p->kind : "call", err_of(r, p, 1, "kind"));
		ui_input(r, "notes", T("Notes"), "text", p->notes, err_of(r, p, 1, "notes"), NULL);
		html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div>"
			    "</form></section>", T("Back into the pool"));
	}
	ui_page_end(r);
}

/* the candidate the caller may hire, or an answer (404 / 403) */
static int load(struct request *r, struct candidate *c)
{
	enum candidate_view view;
	enum err e = recruit_load(r, r->id, c, &view);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such candidate."));
		return -1;
	}
	if (e) {
		resp_store_error(r, e);
		return -1;
	}
	struct candidate_ref ref = recruit_ref(c);
	if (!access_candidate_hire(&r->viewer, &ref)) {
		resp_error(r, E_FORBIDDEN, T("An interviewer sees the candidate; hiring is for whoever manages recruiting."));
		return -1;
	}
	return 0;
}

void page_candidate_hire(struct request *r)
{
	struct candidate c;
	if (load(r, &c))
		return;
	struct hire_page p = { 0 };
	render(r, &c, &p);
}

static void render_hired(struct request *r, const struct hire_fields *f, const char *password,
			 const struct hire_result *res)
{
	resp_header(r, "Cache-Control", "no-store");
	ui_page_begin(r, T("Hired"), "recruiting");
	struct strbuf *o = &r->out;
	ui_notice(r, "ok", T("The candidate is hired: the rep's account is made."));
	html_printf(o, "<section class=\"card\" id=\"hired\"><h1>%s</h1><p>%s</p>", f->name,
		    arena_printf(r->a, T("%s signs in with this e-mail address and password:"), f->name));
	html_printf(o, "<p>%s<br><span class=\"secret\">%s</span></p>", f->email, password);
	html_printf(o, "<p>%s</p>", T("Pass the password on to them yourself, for instance by phone. "
				     "It is shown only this once; they can change it under their account."));
	if (res->assessment_id)
		html_printf(o, "<p id=\"first\">%s</p>",
			    arena_printf(r->a, trn(r->lang, "Their first assessment, from interviews, holds the means of %lld "
						   "submitted scorecard on %zu traits.",
						   "Their first assessment, from interviews, holds the means of %lld "
						   "submitted scorecards on %zu traits.", (long)res->scorecards),
					 (long long)res->scorecards, res->ntraits));
	else
		html_printf(o, "<p id=\"first\">%s</p>",
			    T("No scorecard was submitted, so they have no first assessment from interviews."));
	html_printf(o, "<div class=\"actions\"><a class=\"button primary\" href=\"/reps/%lld\">%s</a></div></section>",
		    (long long)res->user_id, T("Open the rep's page"));
	ui_page_end(r);
}

void page_candidate_hire_post(struct request *r)
{
	struct candidate c;
	if (load(r, &c))
		return;
	struct hire_page p = { 0 };
	p.f.name = req_form_trimmed(r, "name");
	p.f.email = req_form_trimmed(r, "email");
	p.f.team_id = req_form_trimmed(r, "team_id");
	p.f.start_on = req_form_trimmed(r, "start_on");
	p.f.lang = req_form_trimmed(r, "lang");
	char password[17];
	struct hire_result res;
	enum err e = hireui_hire(r, &c, &p.f, p.errs, &p.nerr, password, &res);
	if (e && e != E_CONFLICT) {
		resp_store_error(r, e);
		return;
	}
	if (p.nerr) {
		r->status = e == E_CONFLICT ? 409 : 400;
		render(r, &c, &p);
		return;
	}
	struct hire_fields shown = p.f;
	char *email = arena_strdup(r->a, p.f.email);
	email_normalise(email);
	shown.email = email;
	render_hired(r, &shown, password, &res);
}

void page_candidate_pool_post(struct request *r)
{
	struct candidate c;
	if (load(r, &c))
		return;
	struct hire_page p = { 0 };
	p.pool_form = 1;
	p.touch_on = req_form_trimmed(r, "touch_on");
	p.kind = req_form_trimmed(r, "kind");
	p.notes = req_form_trimmed(r, "notes");
	int64_t step = 0;
	enum err e = hireui_to_pool(r, &c, p.touch_on, p.kind, p.notes, p.errs, &p.nerr, &step);
	if (e && e != E_CONFLICT) {
		resp_store_error(r, e);
		return;
	}
	if (p.nerr) {
		r->status = e == E_CONFLICT ? 409 : 400;
		render(r, &c, &p);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/recruiting/candidates/%lld/hire?ok=pool", (long long)c.id));
}
