/*
 * api-vacancies: recruiting, part 2 (issue 11) — vacancies with their
 * pipeline, under the rules of the pages (web/page-vacancies.c;
 * domain/access.c access_vacancy).
 *
 *   GET  /api/v1/vacancies    the vacancies the caller runs (an admin: all;
 *        a manager: their teams' and those of no team), each with its
 *        candidates per stage; 404 to whoever sees nothing of recruiting
 *   POST /api/v1/vacancies    open one {title, team_id, territory, opens_on,
 *        target_on}: 201, or 400 naming the field, nothing stored
 */
#include "api.h"
#include "../web/recruitui.h"
#include "../web/ui.h"
#include "../domain/recruit.h"
#include "../store/recruit.h"
#include "../lib/util.h"
#include <string.h>

static json_t *vacancy_json(struct request *r, const struct vacancy *v, const struct recruit_stage *st, size_t nst)
{
	json_t *stages = json_array();
	for (size_t i = 0; i < nst; i++)
		json_array_append_new(stages, json_pack("{s:I, s:s, s:s, s:I}", "id", (json_int_t)st[i].id, "name",
							st[i].name, "kind", st[i].kind, "candidates",
							(json_int_t)vacancy_stage_count(r->db, r->me.org_id, v->id, st[i].id)));
	return json_pack("{s:I, s:s, s:o, s:s, s:o, s:o, s:s, s:I, s:o}", "id", (json_int_t)v->id, "title", v->title,
			 "team", v->team_id ? json_pack("{s:I, s:s}", "id", (json_int_t)v->team_id, "name", v->team_name)
					    : json_null(),
			 "territory", v->territory, "opens_on", *v->opens_on ? json_string(v->opens_on) : json_null(),
			 "target_on", *v->target_on ? json_string(v->target_on) : json_null(), "status", v->status,
			 "candidates", (json_int_t)v->candidates, "stages", stages);
}

void api_vacancies_list(struct request *r)
{
	if (!access_recruiting_pool(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	struct vacancy *v;
	size_t n, nst;
	struct recruit_stage *st;
	enum err e;
	if ((e = recruit_ensure_stages(r)) || (e = recruit_stage_list(r->db, r->a, r->me.org_id, &st, &nst)) ||
	    (e = vacancy_list(r->db, r->a, r->me.org_id, r->viewer.role == ROLE_ADMIN, r->me.user_id, &v, &n))) {
		api_store_error(r, e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, vacancy_json(r, &v[i], st, nst));
	api_reply(r, 200, json_pack("{s:o, s:I}", "items", arr, "total", (json_int_t)n));
}

void api_vacancies_create(struct request *r)
{
	if (!access_recruiting_pool(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	if (api_body(r))
		return;
	int bad = 0;
	struct vacancy_input in = { 0 };
	in.title = api_str(r, "title", &bad);
	int64_t team = api_int(r, "team_id", &bad);
	in.territory = api_str(r, "territory", &bad);
	in.opens_on = api_str(r, "opens_on", &bad);
	in.target_on = api_str(r, "target_on", &bad);
	if (bad)
		return;
	if (in.title)
		in.title = str_trim(arena_strdup(r->a, in.title));
	struct rule_error errs[RECRUIT_ERRORS_MAX];
	size_t nerr = 0;
	enum err e = recruit_vacancy_check(r, &in, team < 0 ? -1 : team, errs, &nerr);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (nerr) {
		api_invalid(r, errs[0].field, T(errs[0].message));
		return;
	}
	struct vacancy_new vn = { in.title, team, in.territory, in.opens_on, in.target_on };
	int64_t id;
	struct vacancy v;
	struct recruit_stage *st;
	size_t nst;
	if ((e = vacancy_add(r->db, r->me.org_id, &vn, &id)) || (e = vacancy_get(r->db, r->a, r->me.org_id, id, &v)) ||
	    (e = recruit_ensure_stages(r)) || (e = recruit_stage_list(r->db, r->a, r->me.org_id, &st, &nst))) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 201, vacancy_json(r, &v, st, nst));
}

/* PATCH /api/v1/vacancies/:id: the members given (title, team_id, territory,
 * opens_on, target_on, status; a date null or "" clears it) change, the
 * rest stay; the vacancy's rules (vacancy_validate; a team the caller runs).
 * Whoever does not run the vacancy (access_vacancy): 404. */
void api_vacancy_update(struct request *r)
{
	struct vacancy v;
	enum err e = access_recruiting_pool(&r->viewer, r->me.org_id) ? vacancy_get(r->db, r->a, r->me.org_id, r->id, &v)
								       : E_NOTFOUND;
	if (!e && !access_vacancy(&r->viewer, r->me.org_id, v.team_id))
		e = E_NOTFOUND;
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such vacancy."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (api_body(r))
		return;
	int bad = 0;
	struct vacancy_input in = { v.title, v.territory, v.opens_on, v.target_on, v.status, 0 };
	int64_t team = v.team_id;
	if (api_has(r, "title"))
		in.title = api_str(r, "title", &bad);
	if (api_has(r, "team_id"))
		team = api_int(r, "team_id", &bad);
	if (api_has(r, "territory"))
		in.territory = api_str(r, "territory", &bad);
	if (api_has(r, "opens_on"))
		in.opens_on = api_str(r, "opens_on", &bad);
	if (api_has(r, "target_on"))
		in.target_on = api_str(r, "target_on", &bad);
	if (api_has(r, "status"))
		in.status = api_str(r, "status", &bad);
	if (bad)
		return;
	in.title = in.title ? str_trim(arena_strdup(r->a, in.title)) : "";
	if (!in.status || !*in.status) {
		api_invalid(r, "status", T("Choose the status: open, filled or closed."));
		return;
	}
	struct rule_error errs[RECRUIT_ERRORS_MAX];
	size_t nerr = 0;
	/* the team the vacancy has already stays allowed to whoever runs it */
	e = recruit_vacancy_check(r, &in, team == v.team_id ? 0 : team < 0 ? -1 : team, errs, &nerr);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (nerr) {
		api_invalid(r, errs[0].field, T(errs[0].message));
		return;
	}
	struct vacancy_new vn = { in.title, team, in.territory, in.opens_on, in.target_on };
	struct recruit_stage *st;
	size_t nst;
	if ((e = vacancy_update(r->db, r->me.org_id, v.id, &vn, in.status)) ||
	    (e = vacancy_get(r->db, r->a, r->me.org_id, v.id, &v)) || (e = recruit_ensure_stages(r)) ||
	    (e = recruit_stage_list(r->db, r->a, r->me.org_id, &st, &nst))) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, vacancy_json(r, &v, st, nst));
}
