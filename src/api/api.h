/*
 * api: the JSON API under /api/v1, one file per resource (api-<name>.c).
 * Authentication is an API token (Authorization: Bearer) or the session
 * cookie with an X-CSRF-Token header; rights are the same as on the pages.
 * Errors are {"error":"CODE","message":"..."} (resp_error).
 */
#ifndef SG_API_H
#define SG_API_H
#include "../http/request.h"

/* api-me.c */
void api_me(struct request *r);
/* api-teams.c */
void api_teams_list(struct request *r);
void api_teams_create(struct request *r);
void api_team_get(struct request *r);
/* api-users.c */
void api_users_list(struct request *r);
void api_users_create(struct request *r);
void api_user_get(struct request *r);
/* api-describe.c: the OpenAPI description of all of the above */
void api_describe(struct request *r);

/* --- helpers shared by the endpoints (api.c) --- */

/* a string member of the body, or NULL when absent or null; a member of
 * another type answers 400 naming the field and sets *bad. Once *bad is set
 * they read nothing more, so a handler reads all its fields and checks once
 * (the first wrong field is the one reported). */
const char *api_str(struct request *r, const char *field, int *bad);
/* an integer member of the body (0 when absent or null); same error rule */
int64_t api_int(struct request *r, const char *field, int *bad);
/* 400 INVALID with {"error","message","field"} */
void api_invalid(struct request *r, const char *field, const char *message);
/* resp_json, but a value that could not be built (NULL) answers 500 */
void api_reply(struct request *r, int status, json_t *v);
/* 0, or -1 after answering 400 when a body was sent that is not JSON */
int api_body(struct request *r);
/* 409 CONFLICT with {"error","message","field"} */
void api_conflict(struct request *r, const char *field, const char *message);
/* answers a store error other than the ones the handler expects (503/500) */
void api_store_error(struct request *r, enum err e);

/* ?limit= (1..API_LIMIT_MAX, default API_LIMIT_DEFAULT) and ?offset= (>= 0);
 * 0, or -1 after answering 400 naming the parameter */
#define API_LIMIT_DEFAULT 100
#define API_LIMIT_MAX 500
struct api_page {
	size_t limit, offset;
};
int api_paging(struct request *r, struct api_page *pg);
/* answers 200 {"items","total","limit","offset"}; items (stolen) is the page
 * already cut from a list of total entries */
void api_list(struct request *r, json_t *items, size_t total, const struct api_page *pg);

/* the JSON shapes of the resources (new references) */
struct team;
struct user;
json_t *team_json(const struct team *t);
json_t *user_json(const struct user *u);

#endif
