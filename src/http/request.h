/*
 * request: everything one HTTP request carries through the layers — the
 * parsed input, who is asking, the database connection lent to it, and the
 * response being built. It lives in the request's arena and dies with it.
 */
#ifndef SG_REQUEST_H
#define SG_REQUEST_H
#include <stdint.h>
#include <time.h>
#include <jansson.h>
#include "../lib/arena.h"
#include "../lib/strbuf.h"
#include "../lib/kv.h"
#include "../lib/err.h"
#include "../lib/i18n.h"
#include "../db/db.h"
#include "../domain/access.h"
#include "../store/auth.h"

struct route;
struct server;

struct request {
	struct arena *a;
	struct server *srv;
	void *mhd;			/* struct MHD_Connection */
	const char *method;
	const char *path;
	const char *raw_query;		/* after '?', "" if none */
	struct kvlist query, form, cookies;
	json_t *json;			/* parsed JSON body, or NULL */
	/* the file of a multipart/form-data body (routes with R_UPLOAD only; its
	 * text fields go into form). Its bytes are never held in memory while
	 * they arrive: they go to an unnamed temporary file (fd, size bytes),
	 * closed when the request completes; req_upload_data maps it. */
	struct {
		const char *field, *filename, *content_type;
		int fd;			/* -1 until the first byte */
		size_t size;
		int present;
		void *map;		/* req_upload_data's mapping */
	} upload;
	/* forms and JSON (not uploads): at most max_body bytes, in memory */
	struct strbuf body;
	size_t body_limit;
	size_t body_got;		/* bytes of body received so far */
	int body_too_large;
	int body_bad;			/* the body could not be stored or parsed: an error reply */
	enum err body_err;
	const char *body_msg;
	void *mp;			/* multipart parse under way (router.c) */
	const struct route *route;
	int64_t id;			/* the :id of the path, when the route has one */
	int64_t id2;			/* a second :id */
	const char *tail;		/* what a trailing * of the pattern matched */
	struct db_conn *db;
	void *reasons;			/* web/reasonui.c: the organisation's reasons, loaded once */
	void *inbox;			/* web/page-inbox.c: the caller's inbox, gathered once (issue 10) */

	/* who is asking */
	int signed_in;
	int via_token;			/* Authorization: Bearer */
	struct principal me;
	struct viewer viewer;
	const char *session_token;	/* the cookie's secret, when signed in */
	enum lang lang;
	int secure;			/* reached over TLS (X-Forwarded-Proto: https) */

	/* the response */
	int status;
	const char *content_type;
	struct strbuf out;
	struct kvlist headers;
	size_t headers_cap;
	int phase;
	struct timespec t0;
	char request_id[40];		/* req_id(): echoed in X-Request-Id, in the access log */
	size_t resp_bytes;		/* the body's length, for the access log */
	/* server.c's bookkeeping: the handler pool's queue, the server-wide
	 * limits this request holds a share of */
	struct request *q_next;
	int job;
	int has_body;			/* a Content-Length above 0, or chunked */
	int spooled;			/* a multipart upload (R_UPLOAD): its file goes to disk */
	size_t announced;		/* its Content-Length, 0 when none */
	int drain;			/* refused: the rest of a small body is read into nothing */
	size_t inflight;		/* body bytes counted against max_inflight */
	int upload_slot;		/* counts against max_uploads */
};

/* T("text") translates into the request's language; r must be in scope */
#define T(s) tr(r->lang, (s))

const char *req_header(struct request *r, const char *name);
/* the client's address as text (see response.c for proxies) */
const char *req_client_address(struct request *r);
/* the peer is this machine (127.0.0.0/8, ::1) */
int req_peer_is_loopback(struct request *r);
/* the request's id: the caller's X-Request-Id when it is a plain token (a
 * proxy's), else one made here; the same for the whole request */
const char *req_id(struct request *r);
/* a query or form value, NULL when absent */
const char *req_query(struct request *r, const char *key);
const char *req_form(struct request *r, const char *key);
/* the form field without surrounding white space; NULL when it was not sent */
const char *req_form_trimmed(struct request *r, const char *key);
/* an id typed in a form or query field: 0 when empty, -1 when it is not an id */
int64_t req_id_field(const char *s);

void resp_header(struct request *r, const char *name, const char *value);
/* max_age < 0 deletes the cookie */
void resp_cookie(struct request *r, const char *name, const char *value, long max_age);
void resp_redirect(struct request *r, const char *location);
/* an error in the route's form: JSON {"error","message"} or a page in the chrome */
void resp_error(struct request *r, enum err e, const char *message);
/* the one answer to a failed store call, pages and API alike: logs it with
 * the route and the database's detail and maps the code (503 + Retry-After,
 * 404, 409, else 500); e may be E_OK when only "one of them failed" is known */
void resp_store_error(struct request *r, enum err e);
/* sends a JSON value (stolen reference) with the given status */
void resp_json(struct request *r, int status, json_t *v);

/* the uploaded file's bytes, mapped read-only for the rest of the request
 * ("" and *len 0 when there is none); NULL when it cannot be mapped */
const char *req_upload_data(struct request *r, size_t *len);
/* speed (issue 15): upload — the uploaded file's temporary file (read it
 * with pread: in pieces, or linked elsewhere), its size in *len; -1 when
 * no byte of a file came */
int req_upload_fd(struct request *r, size_t *len);

/* the CSRF token for forms on this page; creates the pre-sign-in cookie if needed */
const char *csrf_token(struct request *r);
/* whether a pre-sign-in CSRF cookie is one this installation signed */
int csrf_cookie_valid(struct request *r, const char *value);
/* loads the key that signs the pre-sign-in CSRF cookie (serve, at start) */
enum err csrf_key_load(struct db *db);

#endif
