/*
 * response: helpers that handlers use to shape the answer — headers,
 * cookies, redirects, JSON and errors — plus the request's input accessors.
 */
#include "request.h"
#include "route.h"
#include "server.h"
#include "../web/ui.h"
#include "../lib/util.h"
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
