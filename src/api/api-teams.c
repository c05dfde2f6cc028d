/*
 * api-teams: /api/v1/teams — the teams a caller may see (access_team decides:
 * an admin all of the organisation's, a manager the ones they lead and their
 * own, a rep their own), one team, and creating a team (admins; the route
 * says so).
 *
 * Levers (issue 10): PATCH /api/v1/teams/{id} {"show_revenue": bool} —
 * whether the team's individual revenue and attainment are on the
 * leaderboards, set by whoever manages the team (its manager or an admin,
 * access_leaderboard_setting), audited as the team's change. It is the one
 * member this PATCH takes (name, manager, territory and segment are the
 * admin's, on /admin/teams); the answer is the team with "show_revenue".
 */
#include "api.h"
#include "../web/load.h"
#include "../store/teams.h"
#include "../store/people.h"
#include "../store/contests.h"
#include <string.h>

void api_teams_list(struct request *r)
{
	struct api_page pg;
	if (api_paging(r, &pg))
		return;
	struct team_list tl;
	enum err e = team_list_org(r->db, r->a, r->me.org_id, &tl);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	size_t total = 0;
	for (size_t i = 0; i < tl.n; i++) {
		const struct team *t = &tl.items[i];
		if (!access_team(&r->viewer, t->org_id, t->id))
			continue;
		if (total++ < pg.offset || json_array_size(items) >= pg.limit)
			continue;
		if (json_array_append_new(items, team_json(t))) {
			json_decref(items);
			api_reply(r, 500, NULL);
			return;
		}
	}
	api_list(r, items, total, &pg);
}

void api_team_get(struct request *r)
{
	struct team *t = team_load_or_reply(r, r->id, NEED_ENTRY);
	if (t)
		api_reply(r, 200, team_json(t));
}

void api_teams_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	struct new_team nt = { 0 };
	nt.name = api_str(r, "name", &bad);
	nt.manager_id = api_int(r, "manager_id", &bad);
	nt.territory = api_str(r, "territory", &bad);
	nt.segment = api_str(r, "segment", &bad);
	if (bad)
		return;
	int64_t id = 0;
	const char *field, *msg;
	enum err e = people_add_team(r->db, r->a, r->me.org_id, &nt, &id, &field, &msg);
	if (e == E_INVALID && msg) {
		api_invalid(r, field, T(msg));
		return;
	}
	if (e == E_CONFLICT && msg) {
		api_conflict(r, field, T(msg));
		return;
	}
	struct team t;
	if (!e)
		e = team_get(r->db, r->a, r->me.org_id, id, &t);
	if (e) {
		api_store_error(r, e);
		return;
	}
	resp_header(r, "Location", arena_printf(r->a, "/api/v1/teams/%lld", (long long)id));
	api_reply(r, 201, team_json(&t));
}

void api_team_patch(struct request *r)
{
	/* the team of the caller's organisation and the rule, before the body */
	struct team t;
	enum err e = team_get(r->db, r->a, r->me.org_id, r->id, &t);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such team."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (!access_leaderboard_setting(&r->viewer, r->me.org_id, t.id)) {
		resp_error(r, E_FORBIDDEN, T("A team's leaderboard setting is changed by its manager or an admin."));
		return;
	}
	if (api_body(r))
		return;
	static const char *const others[] = { "name", "manager_id", "territory", "segment" };
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++)
		if (api_has(r, others[i])) {
			api_invalid(r, others[i], T("Only show_revenue is changed here; a team's name, manager, territory and segment are changed by an admin."));
			return;
		}
	json_t *v = r->json ? json_object_get(r->json, "show_revenue") : NULL;
	if (!v || !json_is_boolean(v)) {
		api_invalid(r, "show_revenue", T("Give show_revenue as true or false."));
		return;
	}
	e = contests_team_revenue_set(r->db, r->me.org_id, t.id, json_is_true(v));
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *o = team_json(&t);
	if (o)
		json_object_set_new(o, "show_revenue", json_boolean(json_is_true(v)));
	api_reply(r, 200, o);
}
