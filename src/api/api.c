/*
 * api: what the JSON endpoints share — reading members of the body with
 * their type checked, the error replies that name a field, paging of lists,
 * and the JSON shape of each resource, so that a team or a user looks the
 * same wherever the API returns one. Each helper that can fail writes the
 * error reply itself (Redis' "…OrReply"), so a handler only returns.
 */
#include "api.h"
#include "../store/teams.h"
#include "../store/users.h"
#include "../lib/util.h"
#include "../lib/log.h"
#include <string.h>

/* a member of the body; NULL when absent or null (JSON null means "not given") */
static json_t *member(struct request *r, const char *field)
{
	json_t *v = r->json ? json_object_get(r->json, field) : NULL;
	return v && !json_is_null(v) ? v : NULL;
}

const char *api_str(struct request *r, const char *field, int *bad)
{
	json_t *v = *bad ? NULL : member(r, field);
	if (!v)
		return NULL;
	if (!json_is_string(v)) {
		api_invalid(r, field, arena_printf(r->a, T("The field '%s' must be a string."), field));
		*bad = 1;
		return NULL;
	}
	return json_string_value(v);
}

int64_t api_int(struct request *r, const char *field, int *bad)
{
	json_t *v = *bad ? NULL : member(r, field);
	if (!v)
		return 0;
	if (!json_is_integer(v)) {
		api_invalid(r, field, arena_printf(r->a, T("The field '%s' must be a whole number."), field));
		*bad = 1;
		return 0;
	}
	return (int64_t)json_integer_value(v);
}

static void field_error(struct request *r, enum err e, const char *field, const char *message)
{
	json_t *o = json_pack("{s:s, s:s}", "error", err_name(e), "message", message ? message : "");
	if (o && field)
		json_object_set_new(o, "field", json_string(field));
	api_reply(r, err_http_status(e), o);
}

void api_invalid(struct request *r, const char *field, const char *message)
{
	field_error(r, E_INVALID, field, message);
}

void api_conflict(struct request *r, const char *field, const char *message)
{
	field_error(r, E_CONFLICT, field, message);
}

void api_store_error(struct request *r, enum err e)
{
	if (e == E_UNAVAILABLE) {
		resp_error(r, E_UNAVAILABLE, T("The database is not available. Try again shortly."));
		resp_header(r, "Retry-After", "5");
		return;
	}
	log_error("%s %s: store error %s: %s", r->method, r->path, err_name(e),
		  r->db ? db_errmsg(r->db) : "");
	resp_error(r, E_INTERNAL, T("Something went wrong on our side."));
}

void api_reply(struct request *r, int status, json_t *v)
{
	if (!v) {
		/* json_pack fails on text that is not UTF-8, or out of memory */
		log_error("%s %s: could not build the JSON answer", r->method, r->path);
		resp_error(r, E_INTERNAL, T("Something went wrong on our side."));
		return;
	}
	resp_json(r, status, v);
}

int api_body(struct request *r)
{
	/* a form-encoded body reaches a JSON route only as r->form; rather
	 * than ignore it silently, say what is expected */
	if (!r->json && r->body.len) {
		resp_error(r, E_INVALID, T("The body must be a JSON object."));
		return -1;
	}
	return 0;
}

static int query_size(struct request *r, const char *name, int64_t min, int64_t max, int64_t def,
		      const char *message, size_t *out)
{
	const char *s = req_query(r, name);
	int64_t v = def;
	if (s && (parse_i64(s, &v) || v < min || v > max)) {
		api_invalid(r, name, message);
		return -1;
	}
	*out = (size_t)v;
	return 0;
}

int api_paging(struct request *r, struct api_page *pg)
{
	if (query_size(r, "limit", 1, API_LIMIT_MAX, API_LIMIT_DEFAULT,
		       arena_printf(r->a, T("The limit must be a whole number from 1 to %d."), API_LIMIT_MAX),
		       &pg->limit))
		return -1;
	return query_size(r, "offset", 0, INT64_MAX, 0, T("The offset must be a whole number of 0 or more."),
			  &pg->offset);
}

void api_list(struct request *r, json_t *items, size_t total, const struct api_page *pg)
{
	api_reply(r, 200, json_pack("{s:o, s:I, s:I, s:I}", "items", items, "total", (json_int_t)total,
				    "limit", (json_int_t)pg->limit, "offset", (json_int_t)pg->offset));
}

/* an id that is 0 means "none": null in JSON */
static json_t *id_or_null(int64_t id)
{
	return id ? json_integer((json_int_t)id) : json_null();
}

json_t *team_json(const struct team *t)
{
	return json_pack("{s:I, s:s, s:o, s:s?, s:s, s:s, s:I}",
			 "id", (json_int_t)t->id,
			 "name", t->name,
			 "manager_id", id_or_null(t->manager_id),
			 "manager_name", t->manager_id ? t->manager_name : NULL,
			 "territory", t->territory,
			 "segment", t->segment,
			 "members", (json_int_t)t->members);
}

json_t *user_json(const struct user *u)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:s?, s:b, s:s?}",
			 "id", (json_int_t)u->id,
			 "email", u->email,
			 "name", u->name,
			 "role", u->role,
			 "team_id", id_or_null(u->team_id),
			 "team_name", u->team_id ? u->team_name : NULL,
			 "active", u->active ? 1 : 0,
			 "locale", *u->locale ? u->locale : NULL);
}
