/*
 * routes: every address the server answers, who may call it and how — the
 * one place where authorisation is decided (see http/route.h for the flags).
 * Every POST carries R_CSRF; tests/unit/test-routes.c checks that it does.
 */
#include "http/route.h"
#include "web/pages.h"
#include "api/api.h"

const struct route routes[] = {
	/* signing in and out */
	{ "GET", "/login", page_login, R_ANON },
	{ "POST", "/login", page_login_post, R_ANON | R_CSRF },
	{ "POST", "/logout", page_logout_post, R_REP | R_CSRF },
	{ "POST", "/lang", page_lang_post, R_ANON | R_CSRF },

	/* pages */
	{ "GET", "/", page_home, R_REP },
	{ "GET", "/teams", page_teams, R_REP },
	{ "GET", "/account", page_account, R_REP },
	{ "POST", "/account/password", page_account_password_post, R_REP | R_CSRF },

	/* administration */
	{ "GET", "/admin/teams", page_admin_teams, R_ADMIN },
	{ "POST", "/admin/teams", page_admin_teams_post, R_ADMIN | R_CSRF },
	{ "GET", "/admin/teams/:id", page_admin_team, R_ADMIN },
	{ "POST", "/admin/teams/:id", page_admin_team_post, R_ADMIN | R_CSRF },
	{ "GET", "/admin/users", page_admin_users, R_ADMIN },
	{ "POST", "/admin/users", page_admin_users_post, R_ADMIN | R_CSRF },
	{ "GET", "/admin/users/:id", page_admin_user, R_ADMIN },
	{ "POST", "/admin/users/:id", page_admin_user_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/users/:id/active", page_admin_user_active_post, R_ADMIN | R_CSRF },

	/* JSON API */
	{ "GET", "/api/v1", api_describe, R_ANON | R_JSON | R_NODB },
	{ "GET", "/api/v1/openapi.json", api_describe, R_ANON | R_JSON | R_NODB },
	{ "GET", "/api/v1/me", api_me, R_REP | R_JSON },
	{ "GET", "/api/v1/teams", api_teams_list, R_REP | R_JSON },
	{ "POST", "/api/v1/teams", api_teams_create, R_ADMIN | R_JSON | R_CSRF },
	{ "GET", "/api/v1/teams/:id", api_team_get, R_REP | R_JSON },
	{ "GET", "/api/v1/users", api_users_list, R_REP | R_JSON },
	{ "POST", "/api/v1/users", api_users_create, R_ADMIN | R_JSON | R_CSRF },
	{ "GET", "/api/v1/users/:id", api_user_get, R_REP | R_JSON },

	/* plumbing */
	{ "GET", "/healthz", page_healthz, R_ANON | R_NODB },
	{ "GET", "/static/*", page_static, R_ANON | R_NODB },
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
