/*
 * api-hiring: hiring (issue 11, part 3), under the rules of the pages
 * (web/page-hiring-profile.c, web/page-hire.c; domain/access.c).
 *
 *   GET  /api/v1/hiring-profile   "what predicts top performance here"
 *        (managers, admins; 404 to anyone else): per trait n, r (null when
 *        none), the superstars' and the rest's mean score, the warning, and
 *        the sums behind them (inputs) so every figure can be recomputed —
 *        aggregates only, no rep's own score
 *   POST /api/v1/candidates/:id/hire   {name, email, team_id, start_on,
 *        lang}: 201 {user:{id, email, name, team_id}, password (the one
 *        time it is shown), first_assessment: {id, round_id, traits,
 *        scorecards} | null}; 400 naming the field (the e-mail address of a
 *        user of the organisation, a team of another organisation), 409 when
 *        hired already; nothing stored on any error
 *   POST /api/v1/candidates/:id/pool   {touch_on, kind, notes}: 200 with the
 *        step "Get back in touch"; 400 naming the field
 */
#include "api.h"
#include "../web/pages.h"
#include "../web/recruitui.h"
#include "../web/hireui.h"
#include "../web/ui.h"
#include "../store/users.h"
#include "../lib/util.h"
#include <math.h>
#include <string.h>

static json_t *num_or_null(double v, int decimals)
{
	if (isnan(v))
		return json_null();
	double m = pow(10, decimals);
	return json_real(round(v * m) / m);
}

void api_hiring_profile(struct request *r)
{
	if (!access_hiring_profile(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	struct hiring_profile p;
	enum err e = hiring_profile_load(r->db, r->a, r->me.org_id, ui_today(r), r->lang, &p);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *traits = json_array();
	for (size_t k = 0; k < p.traits.n; k++) {
		const struct hp_trait *t = &p.res[p.order[k]];
		const char *w = hiring_profile_warning(r, t);
		json_array_append_new(traits, json_pack(
			"{s:I, s:s, s:I, s:o, s:b, s:o, s:{s:I, s:o}, s:{s:I, s:o}, s:o, s:{s:f, s:f, s:f, s:f, s:f, s:f, s:f}}",
			"id", (json_int_t)p.traits.items[p.order[k]].id, "name", p.traits.items[p.order[k]].name,
			"n", (json_int_t)t->n, "r", num_or_null(t->r, 6), "too_few", t->too_few,
			"weight", json_real(hiring_profile_weight(t)),
			"superstars", "n", (json_int_t)t->n_star, "mean", num_or_null(t->mean_star, 6),
			"rest", "n", (json_int_t)t->n_rest, "mean", num_or_null(t->mean_rest, 6),
			"warning", w ? json_string(w) : json_null(),
			"inputs", "sum_score", t->sx, "sum_attainment", t->sy, "sum_score_sq", t->sxx,
			"sum_attainment_sq", t->syy, "sum_product", t->sxy, "superstars_sum_score", t->sx_star,
			"rest_sum_score", t->sx_rest));
	}
	api_reply(r, 200, json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:i, s:i, s:b, s:o}",
				    "explanation", hiring_profile_sentence(r, &p), "assessed_since", p.since,
				    "attainment_from", p.first.start, "attainment_to", p.last.end,
				    "reps_assessed", (json_int_t)p.reps_scored, "reps_with_target",
				    (json_int_t)p.reps_with_target, "superstars", (json_int_t)p.superstars,
				    "min_n", HP_MIN_N, "trust_n", HP_TRUST_N, "cut", p.cut, "traits", traits));
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
		api_store_error(r, e);
		return -1;
	}
	struct candidate_ref ref = recruit_ref(c);
	if (!access_candidate_hire(&r->viewer, &ref)) {
		resp_error(r, E_FORBIDDEN, T("An interviewer sees the candidate; hiring is for whoever manages recruiting."));
		return -1;
	}
	return 0;
}

void api_candidate_hire(struct request *r)
{
	struct candidate c;
	if (load(r, &c) || api_body(r))
		return;
	int bad = 0;
	struct hire_fields f = { 0 };
	f.name = api_str(r, "name", &bad);
	f.email = api_str(r, "email", &bad);
	int64_t team = api_int(r, "team_id", &bad);
	f.start_on = api_str(r, "start_on", &bad);
	f.lang = api_str(r, "lang", &bad);
	if (bad)
		return;
	if (!f.name)
		f.name = c.name;
	if (!f.email)
		f.email = c.email;
	if (!f.start_on)
		f.start_on = ui_today(r);
	if (!f.lang)
		f.lang = r->me.org_locale && *r->me.org_locale ? r->me.org_locale : "en";
	f.team_id = team > 0 ? arena_printf(r->a, "%lld", (long long)team) : "";
	struct rule_error errs[HIRE_ERRORS_MAX];
	size_t nerr = 0;
	char password[17];
	struct hire_result res;
	enum err e = hireui_hire(r, &c, &f, errs, &nerr, password, &res);
	if (e == E_CONFLICT) {
		api_conflict(r, errs[0].field, T(errs[0].message));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (nerr) {
		api_invalid(r, errs[0].field, T(errs[0].message));
		return;
	}
	struct user u;
	if ((e = user_get(r->db, r->a, r->me.org_id, res.user_id, &u))) {
		api_store_error(r, e);
		return;
	}
	resp_header(r, "Cache-Control", "no-store");
	api_reply(r, 201, json_pack("{s:{s:I, s:s, s:s, s:s, s:I, s:s}, s:s, s:s, s:o}", "user", "id", (json_int_t)u.id,
				    "email", u.email, "name", u.name, "role", u.role, "team_id", (json_int_t)u.team_id,
				    "locale", u.locale, "password", password, "start_on", f.start_on, "first_assessment",
				    res.assessment_id ? json_pack("{s:I, s:I, s:I, s:I}", "id", (json_int_t)res.assessment_id,
								  "round_id", (json_int_t)res.round_id, "traits",
								  (json_int_t)res.ntraits, "scorecards",
								  (json_int_t)res.scorecards)
						      : json_null()));
}

void api_candidate_pool(struct request *r)
{
	struct candidate c;
	if (load(r, &c) || api_body(r))
		return;
	int bad = 0;
	const char *touch_on = api_str(r, "touch_on", &bad), *kind = api_str(r, "kind", &bad),
		   *notes = api_str(r, "notes", &bad);
	if (bad)
		return;
	if (!kind)
		kind = "call";
	struct rule_error errs[HIRE_ERRORS_MAX];
	size_t nerr = 0;
	int64_t step = 0;
	enum err e = hireui_to_pool(r, &c, touch_on, kind, notes ? str_trim(arena_strdup(r->a, notes)) : "", errs, &nerr,
				    &step);
	if (e == E_CONFLICT) {
		api_conflict(r, errs[0].field, T(errs[0].message));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (nerr) {
		api_invalid(r, errs[0].field, T(errs[0].message));
		return;
	}
	api_reply(r, 200, json_pack("{s:I, s:o, s:{s:I, s:s, s:s, s:s}}", "id", (json_int_t)c.id, "vacancy", json_null(),
				    "next_step", "id", (json_int_t)step, "what", T("Get back in touch"), "who", r->me.name,
				    "due", touch_on));
}
