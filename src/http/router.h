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
/* one chunk of the body (on libmicrohttpd's thread: no database). Forms and
 * JSON go to memory up to body_limit; an upload's multipart form is parsed
 * as it comes, its file going to a temporary file in tmpdir. */
void router_body(struct request *r, const char *data, size_t size, const char *tmpdir);
/* after the whole body: its parsing, the CSRF check, the handler */
void router_run(struct request *r);
/* frees what the body holds (parser, temporary file, mapping) */
void router_cleanup(struct request *r);

#endif
