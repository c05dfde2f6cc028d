/*
 * response: helpers that handlers use to shape the answer — headers,
 * cookies, redirects, JSON and errors — plus the request's input accessors.
 */
#include "request.h"
#include "route.h"
#include "server.h"
#include "../web/ui.h"
#include "../lib/util.h"
#include "../lib/log.h"
#include <microhttpd.h>
#include <string.h>

const char *req_header(struct request *r, const char *name)
{
	return MHD_lookup_connection_value(r->mhd, MHD_HEADER_KIND, name);
}

const char *req_query(struct request *r, const char *key)
{
	return kv_get(&r->query, key);
}

const char *req_form(struct request *r, const char *key)
{
	return kv_get(&r->form, key);
}

void resp_header(struct request *r, const char *name, const char *value)
{
	if (r->headers.n == r->headers_cap) {
		size_t cap = r->headers_cap ? r->headers_cap * 2 : 8;
		struct kv *n = arena_alloc(r->a, cap * sizeof(struct kv));
		if (r->headers.n)
			memcpy(n, r->headers.items, r->headers.n * sizeof(struct kv));
		r->headers.items = n;
		r->headers_cap = cap;
	}
	r->headers.items[r->headers.n].key = arena_strdup(r->a, name);
	r->headers.items[r->headers.n].val = arena_strdup(r->a, value);
	r->headers.n++;
}

void resp_cookie(struct request *r, const char *name, const char *value, long max_age)
{
	const char *v = arena_printf(r->a, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
				     name, max_age < 0 ? "" : value, r->secure ? "; Secure" : "",
				     max_age < 0 ? "; Max-Age=0"
				     : max_age > 0 ? arena_printf(r->a, "; Max-Age=%ld", max_age) : "");
	resp_header(r, "Set-Cookie", v);
}

void resp_redirect(struct request *r, const char *location)
{
	r->status = 303;
	resp_header(r, "Location", location);
	sb_reset(&r->out);
}

void resp_json(struct request *r, int status, json_t *v)
{
	sb_reset(&r->out);
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENSURE_ASCII);
	if (s) {
		sb_adds(&r->out, s);
		free(s);
	}
	json_decref(v);
	r->status = status;
	r->content_type = "application/json";
}

void resp_error(struct request *r, enum err e, const char *message)
{
	if (!message)
		message = "";
	if ((r->route && (r->route->flags & R_JSON)) || str_has_prefix(r->path, "/api/")) {
		resp_json(r, err_http_status(e), json_pack("{s:s, s:s}", "error", err_name(e), "message", message));
		return;
	}
	sb_reset(&r->out);
	r->status = err_http_status(e);
	r->content_type = "text/html; charset=utf-8";
	ui_error_page(r, e, message);
}

/*
 * The one answer to a failed store call, for pages and API alike (git's
 * error(): say what happened where it is known, then let the caller return).
 * Every failure is logged with the route and the database's own detail, kept
 * at the moment it failed; the code decides the status: an unreachable
 * database is 503 with Retry-After (it comes back by itself), a row that
 * vanished 404, a uniqueness conflict 409, and everything else — a SQL
 * error, a constraint the handler should have checked — is our bug: 500.
 * e may be E_OK when the caller only knows that one of several store calls
 * failed; the connection's last failure then tells which.
 */
void resp_store_error(struct request *r, enum err e)
{
	const char *detail = "";
	enum err last = r->db ? db_last_error(r->db, &detail) : E_OK;
	if (e == E_OK)
		e = last ? last : E_INTERNAL;
	const char *route = r->route ? r->route->pattern : r->path;
	switch (e) {
	case E_UNAVAILABLE:
		log_error("%s %s: database unavailable: %s", r->method, route, *detail ? detail : "no connection");
		resp_error(r, E_UNAVAILABLE, T("The database is not available. Try again shortly."));
		resp_header(r, "Retry-After", "5");
		return;
	case E_NOTFOUND:
		log_info("%s %s: store: not found%s%s", r->method, route, *detail ? ": " : "", detail);
		resp_error(r, E_NOTFOUND, T("It is not there (any more)."));
		return;
	case E_CONFLICT:
		log_info("%s %s: store conflict: %s", r->method, route, *detail ? detail : "-");
		resp_error(r, E_CONFLICT, T("It was changed at the same time; try again."));
		return;
	default:
		log_error("%s %s: store error %s: %s", r->method, route, err_name(e), *detail ? detail : "-");
		resp_error(r, E_INTERNAL, T("Something went wrong on our side."));
		return;
	}
}

const char *csrf_token(struct request *r)
{
	if (r->signed_in && r->me.csrf && *r->me.csrf)
		return r->me.csrf;
	/* before sign-in: a random value in a cookie, repeated in the form */
	const char *c = kv_get(&r->cookies, "sg_csrf");
	if (c && strlen(c) >= 20)
		return c;
	const char *t = rand_token(r->a, 24);
	resp_cookie(r, "sg_csrf", t, 0);
	/* later calls on this request return the same value */
	struct kv *items = arena_alloc(r->a, (r->cookies.n + 1) * sizeof(struct kv));
	if (r->cookies.n)
		memcpy(items, r->cookies.items, r->cookies.n * sizeof(struct kv));
	items[r->cookies.n].key = "sg_csrf";
	items[r->cookies.n].val = t;
	r->cookies.items = items;
	r->cookies.n++;
	return t;
}
