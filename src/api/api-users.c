/*
 * api-users: /api/v1/users — the directory as the caller may see it (an
 * admin everyone in the organisation, a manager the members of the teams
 * they lead and themself, a rep only themself; access_profile decides), one
 * user, and adding a user (admins; the route says so). A user added without
 * a password gets a generated one, returned once in the answer.
 */
#include "api.h"
#include "../web/load.h"
#include "../store/users.h"
#include "../store/people.h"
#include "../lib/password.h"
#include "../lib/util.h"
#include <string.h>

static struct person person_of(const struct user *u)
{
	return (struct person){ .id = u->id, .org_id = u->org_id, .team_id = u->team_id };
}

/* the users the viewer's role lets them list, before access_profile checks each */
static enum err candidates(struct request *r, struct user_list *out)
{
	switch (r->viewer.role) {
	case ROLE_ADMIN:
		return user_list_org(r->db, r->a, r->me.org_id, out);
	case ROLE_MANAGER:
		return user_list_teams(r->db, r->a, r->me.org_id, r->viewer.led_teams, r->viewer.nled,
				       r->me.user_id, out);
	default:
		out->n = 0;
		out->items = arena_alloc(r->a, sizeof(struct user));
		enum err e = user_get(r->db, r->a, r->me.org_id, r->me.user_id, &out->items[0]);
		if (!e)
			out->n = 1;
		return e;
	}
}

void api_users_list(struct request *r)
{
	struct api_page pg;
	if (api_paging(r, &pg))
		return;
	struct user_list ul;
	enum err e = candidates(r, &ul);
	if (e) {
		api_store_error(r, e);
		return;
	}
	/* the people of an organisation are few and come whole from the store
	 * (the rights are decided per person by domain/access.c, not in SQL),
	 * so the cursor is the id of the last user given: the page after
	 * starts behind that user in the same (name, id) order */
	int64_t after = 0;
	size_t start = 0;
	if (pg.cursor) {
		if (parse_i64(pg.cursor, &after) || after <= 0) {
			api_bad_cursor(r);
			return;
		}
		while (start < ul.n && ul.items[start].id != after)
			start++;
		if (start == ul.n) {
			api_bad_cursor(r);
			return;
		}
		start++;
	}
	json_t *items = json_array();
	size_t total = 0, seen = 0;
	const char *next = NULL;
	int64_t last = 0;
	for (size_t i = 0; i < ul.n; i++) {
		const struct user *u = &ul.items[i];
		struct person p = person_of(u);
		if (!access_profile(&r->viewer, &p))
			continue;
		total++;
		if (i < start || seen++ < pg.offset)
			continue;
		if (json_array_size(items) >= pg.limit) {
			if (!next)
				next = api_cursor(r, arena_printf(r->a, "%lld", (long long)last));
			continue;
		}
		if (json_array_append_new(items, user_json(u))) {
			json_decref(items);
			api_reply(r, 500, NULL);
			return;
		}
		last = u->id;
	}
	api_list_next(r, items, total, &pg, next);
}

void api_user_get(struct request *r)
{
	struct user *u = user_load_or_reply(r, r->id, NEED_ENTRY);
	if (u)
		api_reply(r, 200, user_json(u));
}

void api_users_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	struct new_user nu = { 0 };
	nu.email = api_str(r, "email", &bad);
	nu.name = api_str(r, "name", &bad);
	nu.role = api_str(r, "role", &bad);
	nu.team_id = api_int(r, "team_id", &bad);
	nu.password = api_str(r, "password", &bad);
	nu.locale = api_str(r, "locale", &bad);
	if (bad)
		return;
	char generated[17] = "";
	if (!nu.password) {
		password_generate(generated);
		nu.password = generated;
	}
	int64_t id = 0;
	const char *field, *msg;
	enum err e = people_add_user(r->db, r->a, r->me.org_id, &nu, &id, &field, &msg);
	/* the store names the team "team" (the command line's --team); here it is team_id */
	if (field && !strcmp(field, "team"))
		field = "team_id";
	if (e == E_INVALID && msg) {
		api_invalid(r, field, T(msg));
		return;
	}
	if (e == E_CONFLICT && msg) {
		api_conflict(r, field, T(msg));
		return;
	}
	struct user u;
	if (!e)
		e = user_get(r->db, r->a, r->me.org_id, id, &u);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *o = user_json(&u);
	if (*generated) {
		json_object_set_new(o, "password", json_string(generated));
		/* the password is shown this once; no cache may keep it */
		resp_header(r, "Cache-Control", "no-store");
	}
	resp_header(r, "Location", arena_printf(r->a, "/api/v1/users/%lld", (long long)id));
	api_reply(r, 201, o);
}
