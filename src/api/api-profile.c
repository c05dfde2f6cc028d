/*
 * api-profile: a rep's competency profile (GET /api/v1/reps/:id/profile)
 * and the team traits matrix (GET /api/v1/assessments/matrix?team=&sort=
 * &dir=), issue 8 — the same figures as the pages (web/profileload.c), under
 * the same rules: the profile is the rep's private data (access_private via
 * user_load_or_reply NEED_PRIVATE), the matrix holds the reps of the teams
 * the caller leads (access_team_traits via team_traits_load_or_reply). A
 * score that does not exist is null, never 0.
 */
#include "api.h"
#include "../web/load.h"
#include "../web/profileload.h"
#include <math.h>
#include <string.h>

static json_t *score(double v)
{
	return isnan(v) ? json_null() : json_real(round(v * 100.0) / 100.0);
}

static json_t *round_json(const struct pf_data *d, long k)
{
	if (k < 0)
		return json_null();
	const struct pf_round *x = &d->rounds[k];
	return json_pack("{s:I, s:s, s:s}", "id", (json_int_t)x->id, "name", x->name, "opened_on", x->opened_on);
}

static json_t *weakest_json(const struct trait_list *t, const struct profile_row *rows, const struct profile *p)
{
	if (p->weakest < 0)
		return json_null();
	const struct trait *x = &t->items[p->weakest];
	return json_pack("{s:I, s:s, s:o}", "id", (json_int_t)x->id, "name", x->name, "score",
			 score(rows[p->weakest].manager));
}

void api_rep_profile(struct request *r)
{
	struct user *u = user_load_or_reply(r, r->id, NEED_PRIVATE);
	if (!u)
		return;
	struct rep_profile rp;
	enum err e = rep_profile_load(r, u, 1, &rp);
	if (e) {
		api_store_error(r, e);
		return;
	}
	size_t nt = rp.traits.n;
	json_t *traits = json_array();
	for (size_t i = 0; i < nt; i++) {
		const struct profile_row *x = &rp.rows[i];
		json_array_append_new(traits, json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:i, s:o, s:o, s:o}",
			"id", (json_int_t)rp.ids[i], "code", rp.traits.items[i].code, "name", rp.traits.items[i].name,
			"self", score(x->self), "manager", score(x->manager), "peers", score(x->peer), "peer_count", x->npeers,
			"previous_manager", score(x->prev_manager), "growth", score(x->growth),
			"superstars", score(rp.sp.mean[i])));
	}
	json_t *rounds = json_array();
	for (size_t k = 0; k < rp.d.nrounds; k++) {
		if (!rp.has[k])
			continue;
		json_t *m = json_array();
		for (size_t i = 0; i < nt; i++)
			json_array_append_new(m, json_pack("{s:I, s:o}", "trait_id", (json_int_t)rp.ids[i], "manager",
							   score(rp.hist[k * nt + i])));
		json_t *one = round_json(&rp.d, (long)k);
		json_object_set_new(one, "scores", m);
		json_array_append_new(rounds, one);
	}
	const char *reason = profile_superstar_reason(r, &rp);
	json_t *quarters = json_array();
	for (int q = 0; q < STAR_QUARTERS; q++)
		json_array_append_new(quarters, json_string(rp.quarters[q].label));
	json_t *v = json_pack("{s:{s:I, s:s, s:o}, s:s, s:s, s:o, s:o, s:o, s:o, s:{s:b, s:I, s:I, s:i, s:o, s:o}, s:o}",
		"rep", "id", (json_int_t)u->id, "name", u->name, "team_id", api_id_or_null(u->team_id),
		"verdict", profile_verdict_code(rp.p.verdict), "verdict_text", profile_verdict_text(r, &rp),
		"weakest_trait", weakest_json(&rp.traits, rp.rows, &rp.p),
		"latest_round", round_json(&rp.d, rp.p.latest), "previous_round", round_json(&rp.d, rp.p.previous),
		"traits", traits,
		"superstar_profile", "shown", rp.sp.shown, "superstars", (json_int_t)rp.sp.nstars,
		"superstars_scored", (json_int_t)rp.sp.nscored, "minimum", SUPERSTAR_MIN_REPS,
		"hidden_reason", api_text_or_null(reason), "quarters", quarters,
		"rounds", rounds);
	api_reply(r, 200, v);
}

void api_assessments_matrix(struct request *r)
{
	int64_t team_id;
	const char *dirs[] = { "asc", "desc" }, *dir;
	if (api_query_id(r, "team", &team_id) || api_query_enum(r, "dir", dirs, 2, &dir))
		return;
	if (team_id && !team_traits_load_or_reply(r, team_id))
		return;
	struct team_matrix m;
	enum err e = team_matrix_load(r, team_id, &m);
	if (e) {
		api_store_error(r, e);
		return;
	}
	int key;
	if (team_matrix_sort_key(&m, req_query(r, "sort"), &key)) {
		api_invalid(r, "sort", T("Sort by weakest, name, tier or t followed by a trait's id."));
		return;
	}
	team_matrix_sort(&m, key, dir ? !strcmp(dir, "desc") : key == MATRIX_BY_TIER);
	size_t nt = m.traits.n;
	json_t *traits = json_array(), *reps = json_array();
	for (size_t i = 0; i < nt; i++)
		json_array_append_new(traits, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)m.ids[i], "code",
							m.traits.items[i].code, "name", m.traits.items[i].name));
	for (size_t k = 0; k < m.n; k++) {
		const struct matrix_row *x = &m.rows[k];
		json_t *scores = json_array();
		for (size_t i = 0; i < nt; i++)
			json_array_append_new(scores, json_pack("{s:I, s:o}", "trait_id", (json_int_t)m.ids[i], "manager",
								score(x->rows[i].manager)));
		json_array_append_new(reps, json_pack("{s:I, s:s, s:o, s:s, s:s, s:o, s:o}", "id", (json_int_t)x->u->id,
			"name", x->u->name, "team_id", api_id_or_null(x->u->team_id), "tier", tier_code(x->tier),
			"verdict", profile_verdict_code(x->p.verdict), "weakest_trait", weakest_json(&m.traits, x->rows, &x->p),
			"scores", scores));
	}
	api_reply(r, 200, json_pack("{s:o, s:s, s:o, s:o}", "team_id", api_id_or_null(team_id), "tier_period",
				    m.quarter.label, "traits", traits, "reps", reps));
}
