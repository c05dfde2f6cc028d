/*
 * api-me: GET /api/v1/me — who the caller is, their organisation and the
 * teams they belong to or lead, so that a client can start from one call.
 */
#include "api.h"
#include "../store/teams.h"

void api_me(struct request *r)
{
	struct team_list tl;
	enum err e = team_list_for_user(r->db, r->a, r->me.org_id, r->me.user_id, &tl);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *teams = json_array();
	for (size_t i = 0; i < tl.n; i++) {
		json_t *t = team_json(&tl.items[i]);
		/* leading a team outranks belonging to it */
		json_object_set_new(t, "role_in_team",
				    json_string(tl.items[i].manager_id == r->me.user_id ? "manager" : "member"));
		json_array_append_new(teams, t);
	}
	json_t *org = json_pack("{s:I, s:s, s:s, s:s, s:s}",
				"id", (json_int_t)r->me.org_id,
				"slug", r->me.org_slug,
				"name", r->me.org_name,
				"locale", r->me.org_locale,
				"currency", r->me.currency);
	api_reply(r, 200, json_pack("{s:I, s:s, s:s, s:s, s:s?, s:o, s:o}",
				    "id", (json_int_t)r->me.user_id,
				    "email", r->me.email,
				    "name", r->me.name,
				    "role", r->me.role,
				    "locale", *r->me.user_locale ? r->me.user_locale : NULL,
				    "org", org,
				    "teams", teams));
}
