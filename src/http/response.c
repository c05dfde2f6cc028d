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
#include <sodium.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

const char *req_header(struct request *r, const char *name)
{
	return MHD_lookup_connection_value(r->mhd, MHD_HEADER_KIND, name);
}

/*
 * The address the request comes from, for the sign-in throttle: the peer,
 * or — when the peer is this machine, as a reverse proxy on the same host
 * is — the last address of X-Forwarded-For, which that proxy appended. A
 * client on the network cannot choose its address this way.
 */
static uint32_t id_prefix;
static void id_prefix_init(void)
{
	id_prefix = randombytes_random();
}

/* the peer's address into buf; whether it is this machine */
static int peer(struct request *r, char *buf, size_t len)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(r->mhd, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	int loopback = 0;
	snprintf(buf, len, "unknown");
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET) {
			const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)sa;
			inet_ntop(AF_INET, &in->sin_addr, buf, (socklen_t)len);
			loopback = (ntohl(in->sin_addr.s_addr) >> 24) == 127;
		} else if (sa->sa_family == AF_INET6) {
			const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)sa;
			inet_ntop(AF_INET6, &in6->sin6_addr, buf, (socklen_t)len);
			loopback = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
		}
	}
	return loopback;
}

int req_peer_is_loopback(struct request *r)
{
	char buf[INET6_ADDRSTRLEN];
	return peer(r, buf, sizeof(buf));
}

const char *req_client_address(struct request *r)
{
	char buf[INET6_ADDRSTRLEN];
	int loopback = peer(r, buf, sizeof(buf));
	const char *xff = loopback ? req_header(r, "X-Forwarded-For") : NULL;
	if (xff && *xff) {
		const char *last = strrchr(xff, ',');
		char *a = str_trim(arena_strdup(r->a, last ? last + 1 : xff));
		if (*a && strlen(a) < 64)
			return a;
	}
	return arena_strdup(r->a, buf);
}

const char *req_id(struct request *r)
{
	if (r->request_id[0])
		return r->request_id;
	const char *in = req_header(r, "X-Request-Id");
	size_t n = in ? strlen(in) : 0;
	int plain = n > 0 && n < sizeof(r->request_id);
	for (size_t i = 0; plain && i < n; i++)
		plain = (in[i] >= 'a' && in[i] <= 'z') || (in[i] >= 'A' && in[i] <= 'Z') ||
			(in[i] >= '0' && in[i] <= '9') || in[i] == '-' || in[i] == '_' || in[i] == '.';
	if (plain) {
		memcpy(r->request_id, in, n + 1);
	} else {
		/* this process's random prefix and a counter: unique, and in order */
		static unsigned long long counter;
		static pthread_once_t once = PTHREAD_ONCE_INIT;
		pthread_once(&once, id_prefix_init);
		unsigned long long k = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
		snprintf(r->request_id, sizeof(r->request_id), "%08x-%llx", (unsigned)id_prefix, k);
	}
	return r->request_id;
}

int64_t req_id_field(const char *s)
{
	int64_t id;
	if (!s || !*s)
		return 0;
	return parse_i64(s, &id) || id <= 0 ? -1 : id;
}

const char *req_form_trimmed(struct request *r, const char *key)
{
	const char *v = req_form(r, key);
	return v ? str_trim(arena_strdup(r->a, v)) : NULL;
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

/*
 * The CSRF cookie before sign-in is "<nonce>.<mac>", the MAC (libsodium's
 * crypto_auth, HMAC-SHA-512-256) made with a key derived from the
 * installation's secret in the database, so every server of the
 * installation accepts what another made and a value planted by someone
 * else (a sibling subdomain, a man in the middle on plain HTTP) does not
 * validate. Without the key (serve did not load it) nothing validates.
 */
static unsigned char csrf_key[crypto_auth_KEYBYTES];
static int csrf_key_ready;

enum err csrf_key_load(struct db *db)
{
	struct db_conn *c = db_acquire(db, NULL);
	if (!c)
		return E_UNAVAILABLE;
	struct arena *a = arena_new();
	const char *secret = NULL;
	enum err e = server_secret(c, a, "csrf-cookie", &secret);
	db_release(c);
	if (!e) {
		crypto_generichash(csrf_key, sizeof(csrf_key), (const unsigned char *)secret, strlen(secret),
				   (const unsigned char *)"salesgarden csrf", 16);
		csrf_key_ready = 1;
	}
	arena_free(a);
	return e;
}

/* "<nonce>.<mac>" for a nonce */
static const char *csrf_signed(struct arena *a, const char *nonce)
{
	unsigned char mac[crypto_auth_BYTES];
	crypto_auth(mac, (const unsigned char *)nonce, strlen(nonce), csrf_key);
	char enc[sodium_base64_ENCODED_LEN(crypto_auth_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
	sodium_bin2base64(enc, sizeof(enc), mac, sizeof(mac), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return arena_printf(a, "%s.%s", nonce, enc);
}

int csrf_cookie_valid(struct request *r, const char *value)
{
	if (!csrf_key_ready || !value)
		return 0;
	const char *dot = strchr(value, '.');
	if (!dot || dot - value < 20 || dot - value > 64)
		return 0;
	return str_eq_ct(value, csrf_signed(r->a, arena_strndup(r->a, value, (size_t)(dot - value))));
}

const char *csrf_token(struct request *r)
{
	if (r->signed_in && r->me.csrf && *r->me.csrf)
		return r->me.csrf;
	/* before sign-in: a signed random value in a cookie, repeated in the form */
	const char *c = kv_get(&r->cookies, "sg_csrf");
	if (csrf_cookie_valid(r, c))
		return c;
	const char *t = csrf_signed(r->a, rand_token(r->a, 24));
	resp_cookie(r, "sg_csrf", t, 0);
	/* later calls on this request return the same value */
	struct kv *items = arena_alloc(r->a, (r->cookies.n + 1) * sizeof(struct kv));
	size_t n = 0;
	for (size_t i = 0; i < r->cookies.n; i++)
		if (strcmp(r->cookies.items[i].key, "sg_csrf"))
			items[n++] = r->cookies.items[i];
	items[n].key = "sg_csrf";
	items[n].val = t;
	r->cookies.items = items;
	r->cookies.n = n + 1;
	return t;
}
