/*
 * router: runs the checks every route shares before calling its handler, in
 * two steps: on the headers (size, database, authentication, role, language)
 * before any body is read, so a stranger cannot make the server read or
 * keep what they send; then on the body (parsing, CSRF) before the handler.
 */
#ifndef SG_ROUTER_H
#define SG_ROUTER_H
#include "request.h"

/* Before a byte of the body is read, on the headers alone: the route, the
 * size the client announces, the query, who is asking, the role, and for
 * upload routes the CSRF header when one is sent. 0 when the body may be
 * read; 1 when the answer is ready (a refusal: the body is never read).
 * Leaves no database connection held, except when the request has no body
 * (with_body 0), where the handler runs next on the same connection. */
int router_check(struct request *r, int with_body);
/* speed (issue 15): a GET that may be a kept page (pagecache.h), tried on
 * libmicrohttpd's own thread instead of handing it to a worker and back
 * (two thread switches, most of a kept page's cost): the headers' checks
 * and the session's reads, with a free database connection only (it never
 * waits for one), then the page cache. 1 when r's answer is ready (the kept
 * page, or a refusal); 2 when checked but not kept (router_run next, on a
 * worker: it renders); 0 when not tried (router_check first, on a worker).
 * Holds no database connection when it returns. SQLite only: there a
 * session's reads take microseconds and never wait for a writer (WAL). */
int router_fast(struct request *r);
/* one chunk of the body (on libmicrohttpd's thread: no database). Forms and
 * JSON go to memory up to body_limit; an upload's multipart form is parsed
 * as it comes, its file going to a temporary file in tmpdir. */
void router_body(struct request *r, const char *data, size_t size, const char *tmpdir);
/* after the whole body: its parsing, the CSRF check, the handler */
void router_run(struct request *r);
/* frees what the body holds (parser, temporary file, mapping) */
void router_cleanup(struct request *r);

#endif
