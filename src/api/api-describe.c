/*
 * api-describe: GET /api/v1 and /api/v1/openapi.json — the OpenAPI 3.0
 * description of the API. It is built with jansson from the same vocabulary
 * the endpoints use (API_LIMIT_*, the error codes of lib/err.h), so it cannot
 * be invalid JSON and stays close to the code it describes. When an endpoint
 * changes, change its entry here in the same commit.
 */
#include "api.h"
#include "../domain/validate.h"
#include <stdio.h>
#include <string.h>

/* {"$ref": "#/components/<kind>/<name>"} */
static json_t *ref(const char *kind, const char *name)
{
	char buf[128];
	snprintf(buf, sizeof(buf), "#/components/%s/%s", kind, name);
	return json_pack("{s:s}", "$ref", buf);
}

static json_t *schema_ref(const char *name)
{
	return ref("schemas", name);
}

/* a response with a JSON body */
static json_t *json_response(const char *description, json_t *schema)
{
	return json_pack("{s:s, s:{s:{s:o}}}", "description", description,
			 "content", "application/json", "schema", schema);
}

static json_t *str_schema(const char *description)
{
	return json_pack("{s:s, s:s}", "type", "string", "description", description);
}

static json_t *int_schema(const char *description)
{
	return json_pack("{s:s, s:s, s:s}", "type", "integer", "format", "int64", "description", description);
}

/* an id that is null when there is none */
static json_t *nullable_id(const char *description)
{
	return json_pack("{s:s, s:s, s:b, s:s}", "type", "integer", "format", "int64", "nullable", 1,
			 "description", description);
}

static json_t *enum_schema(const char *description, json_t *values)
{
	return json_pack("{s:s, s:o, s:s}", "type", "string", "enum", values, "description", description);
}

static json_t *roles(void)
{
	return json_pack("[s, s, s]", "admin", "manager", "rep");
}

static json_t *locales(void)
{
	return json_pack("[s, s, s]", "en", "nl", "nb");
}

/* OpenAPI 3.0: a nullable enum must list null among its values */
static json_t *locales_or_null(void)
{
	return json_pack("[s, s, s, n]", "en", "nl", "nb");
}

/* {"type":"object", "required":[...], "properties":{...}}; required may be NULL */
static json_t *object(json_t *required, json_t *properties)
{
	json_t *o = json_pack("{s:s, s:o}", "type", "object", "properties", properties);
	if (o && required)
		json_object_set_new(o, "required", required);
	else
		json_decref(required);
	return o;
}

static json_t *schemas(void)
{
	char limit_desc[160];
	snprintf(limit_desc, sizeof(limit_desc), "The page size asked for (1 to %d).", API_LIMIT_MAX);
	json_t *error = object(
		json_pack("[s, s]", "error", "message"),
		json_pack("{s:o, s:o, s:o}",
			  "error", enum_schema("A stable code for programs.",
					       json_pack("[s, s, s, s, s, s, s, s, s]",
							 err_name(E_INVALID), err_name(E_UNAUTHORIZED),
							 err_name(E_FORBIDDEN), err_name(E_NOTFOUND),
							 err_name(E_CONFLICT), err_name(E_TOOLARGE),
							 err_name(E_UNAVAILABLE), err_name(E_INTERNAL),
							 err_name(E_THROTTLED))),
			  "message", str_schema("What went wrong, for people, in the caller's language "
						"(Accept-Language, or the user's and organisation's setting)."),
			  "field", str_schema("With INVALID and CONFLICT: the body member or query "
					      "parameter at fault.")));
	json_t *org = object(
		json_pack("[s, s, s, s, s]", "id", "slug", "name", "locale", "currency"),
		json_pack("{s:o, s:o, s:o, s:o, s:o}",
			  "id", int_schema("The organisation's id."),
			  "slug", str_schema("The organisation's short name."),
			  "name", str_schema("The organisation's name."),
			  "locale", enum_schema("The organisation's language.", locales()),
			  "currency", str_schema("ISO 4217 code, such as EUR or NOK.")));
	json_t *team = object(
		json_pack("[s, s, s, s, s, s, s]", "id", "name", "manager_id", "manager_name", "territory",
			  "segment", "members"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			  "id", int_schema("The team's id."),
			  "name", str_schema("The team's name, unique in the organisation."),
			  "manager_id", nullable_id("The user who leads the team; null when none."),
			  "manager_name", json_pack("{s:s, s:b, s:s}", "type", "string", "nullable", 1,
						    "description", "The manager's name; null when none."),
			  "territory", str_schema("The team's territory; empty when not set."),
			  "segment", str_schema("The team's market segment; empty when not set."),
			  "members", int_schema("How many users belong to the team.")));
	json_t *my_team = json_pack("{s:[o, o]}", "allOf", schema_ref("Team"),
				    object(json_pack("[s]", "role_in_team"),
					   json_pack("{s:o}", "role_in_team",
						     enum_schema("'manager' when the caller leads the team, "
								 "otherwise 'member'.",
								 json_pack("[s, s]", "member", "manager")))));
	json_t *me = object(
		json_pack("[s, s, s, s, s, s, s]", "id", "email", "name", "role", "locale", "org", "teams"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:{s:s, s:o, s:s}}",
			  "id", int_schema("The caller's user id."),
			  "email", str_schema("The caller's e-mail address."),
			  "name", str_schema("The caller's name."),
			  "role", enum_schema("The caller's role.", roles()),
			  "locale", json_pack("{s:s, s:b, s:o, s:s}", "type", "string", "nullable", 1,
					      "enum", locales_or_null(), "description",
					      "The caller's own language; null when the organisation's applies."),
			  "org", schema_ref("Org"),
			  "teams", "type", "array", "items", schema_ref("MyTeam"), "description",
			  "The teams the caller belongs to or leads, by name."));
	json_t *user = object(
		json_pack("[s, s, s, s, s, s, s, s]", "id", "email", "name", "role", "team_id", "team_name",
			  "active", "locale"),
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			  "id", int_schema("The user's id."),
			  "email", str_schema("The user's e-mail address (lowercase), unique across organisations."),
			  "name", str_schema("The user's name."),
			  "role", enum_schema("The user's role.", roles()),
			  "team_id", nullable_id("The team the user belongs to; null when none."),
			  "team_name", json_pack("{s:s, s:b, s:s}", "type", "string", "nullable", 1,
						 "description", "The team's name; null when none."),
			  "active", json_pack("{s:s, s:s}", "type", "boolean", "description",
					      "False when the user has been deactivated and cannot sign in."),
			  "locale", json_pack("{s:s, s:b, s:o, s:s}", "type", "string", "nullable", 1,
					      "enum", locales_or_null(), "description",
					      "The user's own language; null when the organisation's applies.")));
	json_t *created_user = json_pack("{s:[o, o]}", "allOf", schema_ref("User"),
					 object(NULL, json_pack("{s:o}", "password",
								str_schema("Only when the request gave no password: "
									   "the generated one, shown this once."))));
	json_t *new_team = object(
		json_pack("[s]", "name"),
		json_pack("{s:{s:s, s:i, s:s}, s:o, s:{s:s, s:i, s:s}, s:{s:s, s:i, s:s}}",
			  "name", "type", "string", "maxLength", NAME_MAX_LEN, "description",
			  "Unique in the organisation.",
			  "manager_id", nullable_id("An active manager or admin of the organisation; "
						    "absent, null or 0 for none."),
			  "territory", "type", "string", "maxLength", NAME_MAX_LEN, "description", "Optional.",
			  "segment", "type", "string", "maxLength", NAME_MAX_LEN, "description", "Optional."));
	json_t *new_user = object(
		json_pack("[s, s, s]", "email", "name", "role"),
		json_pack("{s:{s:s, s:s, s:s}, s:{s:s, s:i, s:s}, s:o, s:o, s:{s:s, s:i, s:i, s:s}, s:o}",
			  "email", "type", "string", "format", "email", "description",
			  "Unique across organisations; stored in lowercase.",
			  "name", "type", "string", "maxLength", NAME_MAX_LEN, "description", "The user's name.",
			  "role", enum_schema("The user's role.", roles()),
			  "team_id", nullable_id("A team of the organisation; absent, null or 0 for none."),
			  "password", "type", "string", "minLength", PASSWORD_MIN, "maxLength", PASSWORD_MAX,
			  "description", "When absent, a password is generated and returned once.",
			  "locale", json_pack("{s:s, s:b, s:o, s:s}", "type", "string", "nullable", 1,
					      "enum", locales_or_null(), "description",
					      "The user's own language; absent or null for the organisation's.")));
	json_t *page_props = json_pack("{s:o, s:o, s:o}",
				       "total", int_schema("How many entries the whole list has."),
				       "limit", int_schema(limit_desc),
				       "offset", int_schema("How many entries were skipped."));
	json_t *team_page = object(json_pack("[s, s, s, s]", "items", "total", "limit", "offset"),
				   json_deep_copy(page_props));
	json_object_set_new(json_object_get(team_page, "properties"), "items",
			    json_pack("{s:s, s:o}", "type", "array", "items", schema_ref("Team")));
	json_t *user_page = object(json_pack("[s, s, s, s]", "items", "total", "limit", "offset"), page_props);
	json_object_set_new(json_object_get(user_page, "properties"), "items",
			    json_pack("{s:s, s:o}", "type", "array", "items", schema_ref("User")));
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			 "Error", error, "Org", org, "Team", team, "MyTeam", my_team, "Me", me,
			 "User", user, "CreatedUser", created_user, "NewTeam", new_team,
			 "NewUser", new_user, "TeamPage", team_page, "UserPage", user_page);
}

static json_t *error_response(const char *description)
{
	return json_response(description, schema_ref("Error"));
}

static json_t *responses(void)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			 "Invalid", error_response("A parameter or body member is missing or wrong (INVALID; "
						   "\"field\" names it), or the body is not a JSON object."),
			 "Unauthorized", error_response("No valid API token or session (UNAUTHORIZED)."),
			 "Forbidden", error_response("The caller may not do this (FORBIDDEN). With a session "
						     "cookie, a POST without a valid X-CSRF-Token is refused too."),
			 "NotFound", error_response("There is no such resource in the caller's organisation "
						    "(NOTFOUND)."),
			 "Conflict", error_response("The name or e-mail address is taken (CONFLICT; \"field\" "
						    "names it)."),
			 "TooLarge", error_response("The body is too large (TOOLARGE)."),
			 "Unavailable", error_response("The database is not available; try again "
						       "(UNAVAILABLE)."));
}

static json_t *parameters(void)
{
	return json_pack("{s:{s:s, s:s, s:b, s:s, s:{s:s, s:s, s:i}},"
			 " s:{s:s, s:s, s:b, s:s, s:{s:s, s:i, s:i, s:i}},"
			 " s:{s:s, s:s, s:b, s:s, s:{s:s, s:i, s:i}}}",
			 "Id", "name", "id", "in", "path", "required", 1, "description", "The resource's id.",
			 "schema", "type", "integer", "format", "int64", "minimum", 1,
			 "Limit", "name", "limit", "in", "query", "required", 0, "description",
			 "How many entries to return at most.",
			 "schema", "type", "integer", "minimum", 1, "maximum", API_LIMIT_MAX, "default",
			 API_LIMIT_DEFAULT,
			 "Offset", "name", "offset", "in", "query", "required", 0, "description",
			 "How many entries to skip.",
			 "schema", "type", "integer", "minimum", 0, "default", 0);
}

/* {"400": {"$ref": ...}, ...} for the codes listed, e.g. "401 403 503" */
static json_t *error_refs(json_t *resp, const char *codes)
{
	static const struct {
		const char *code, *name;
	} map[] = {
		{ "400", "Invalid" }, { "401", "Unauthorized" }, { "403", "Forbidden" }, { "404", "NotFound" },
		{ "409", "Conflict" }, { "413", "TooLarge" }, { "503", "Unavailable" },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strstr(codes, map[i].code))
			json_object_set_new(resp, map[i].code, ref("responses", map[i].name));
	return resp;
}

static json_t *list_op(const char *id, const char *summary, const char *description, const char *tag,
		       const char *page)
{
	return json_pack("{s:s, s:s, s:s, s:[s], s:[o, o], s:o}",
			 "operationId", id, "summary", summary, "description", description, "tags", tag,
			 "parameters", ref("parameters", "Limit"), ref("parameters", "Offset"),
			 "responses", error_refs(json_pack("{s:o}", "200", json_response("One page of the list.",
											  schema_ref(page))),
						 "400 401 503"));
}

static json_t *get_op(const char *id, const char *summary, const char *description, const char *tag,
		      const char *schema)
{
	return json_pack("{s:s, s:s, s:s, s:[s], s:[o], s:o}",
			 "operationId", id, "summary", summary, "description", description, "tags", tag,
			 "parameters", ref("parameters", "Id"),
			 "responses", error_refs(json_pack("{s:o}", "200", json_response("Found.", schema_ref(schema))),
						 "401 403 404 503"));
}

static json_t *create_op(const char *id, const char *summary, const char *description, const char *tag,
			 const char *body, const char *schema)
{
	json_t *created = json_response("Created.", schema_ref(schema));
	json_object_set_new(created, "headers",
			    json_pack("{s:{s:s, s:{s:s}}}", "Location", "description",
				      "The address of the new resource.", "schema", "type", "string"));
	return json_pack("{s:s, s:s, s:s, s:[s], s:{s:b, s:{s:{s:o}}}, s:o}",
			 "operationId", id, "summary", summary, "description", description, "tags", tag,
			 "requestBody", "required", 1, "content", "application/json", "schema", schema_ref(body),
			 "responses", error_refs(json_pack("{s:o}", "201", created), "400 401 403 409 413 503"));
}

static json_t *describe_op(const char *id)
{
	return json_pack("{s:s, s:s, s:[s], s:[], s:{s:o}}",
			 "operationId", id, "summary", "This description of the API (OpenAPI 3.0).",
			 "tags", "meta", "security",
			 "responses", "200", json_response("The OpenAPI document.",
							   json_pack("{s:s}", "type", "object")));
}

static json_t *paths(void)
{
	json_t *me = json_pack("{s:s, s:s, s:s, s:[s], s:o}",
			       "operationId", "getMe", "summary", "Who the caller is",
			       "description", "The caller, their organisation and the teams they belong to or lead.",
			       "tags", "me",
			       "responses", error_refs(json_pack("{s:o}", "200", json_response("The caller.",
												 schema_ref("Me"))),
						       "401 503"));
	return json_pack("{s:{s:o}, s:{s:o}, s:{s:o}, s:{s:o, s:o}, s:{s:o}, s:{s:o, s:o}, s:{s:o}}",
			 "/api/v1", "get", describe_op("describe"),
			 "/api/v1/openapi.json", "get", describe_op("describeOpenapiJson"),
			 "/api/v1/me", "get", me,
			 "/api/v1/teams",
			 "get", list_op("listTeams", "List teams",
					"Admins see every team of the organisation, managers the teams they "
					"lead and their own, reps their own team. Sorted by name.", "teams", "TeamPage"),
			 "post", create_op("createTeam", "Create a team", "Admins only.", "teams", "NewTeam", "Team"),
			 "/api/v1/teams/{id}",
			 "get", get_op("getTeam", "One team",
				       "403 when the team is in the organisation but not visible to the caller.",
				       "teams", "Team"),
			 "/api/v1/users",
			 "get", list_op("listUsers", "List users",
					"Admins see every user of the organisation (inactive ones included), "
					"managers the members of the teams they lead and themselves, reps only "
					"themselves. Sorted by name.", "users", "UserPage"),
			 "post", create_op("createUser", "Add a user",
					   "Admins only. Without a password, one is generated and returned once "
					   "in the answer.", "users", "NewUser", "CreatedUser"),
			 "/api/v1/users/{id}",
			 "get", get_op("getUser", "One user",
				       "403 when the user is in the organisation but not visible to the caller.",
				       "users", "User"));
}

static json_t *document(void)
{
	return json_pack("{s:s, s:{s:s, s:s, s:s}, s:[{s:[]}, {s:[]}], s:[{s:s}, {s:s}, {s:s}, {s:s}],"
			 " s:o, s:{s:o, s:o, s:o, s:{s:{s:s, s:s, s:s}, s:{s:s, s:s, s:s, s:s}}}}",
			 "openapi", "3.0.3",
			 "info", "title", "Salesgarden API", "version", "1",
			 "description", "The JSON API of Salesgarden. Authenticate with an API token "
			 "(Authorization: Bearer TOKEN; create one with `salesgarden token create`) or, from "
			 "the browser, with the session cookie plus an X-CSRF-Token header on POST. Rights are "
			 "the same as on the pages, and no caller ever sees another organisation's data. "
			 "Errors are {\"error\": CODE, \"message\": text} with the HTTP status of the code.",
			 "security", "bearerAuth", "sessionCookie",
			 "tags", "name", "me", "name", "teams", "name", "users", "name", "meta",
			 "paths", paths(),
			 "components", "schemas", schemas(), "parameters", parameters(), "responses", responses(),
			 "securitySchemes",
			 "bearerAuth", "type", "http", "scheme", "bearer", "description",
			 "An API token, sent as Authorization: Bearer TOKEN.",
			 "sessionCookie", "type", "apiKey", "in", "cookie", "name", "sg_session", "description",
			 "The web session. POST requests also need the X-CSRF-Token header with the "
			 "session's CSRF token.");
}

void api_describe(struct request *r)
{
	api_reply(r, 200, document());
}
