/*
 * accesslog: one line per answered request on stderr, in logfmt
 * (key=value, values with spaces or quotes quoted), after the timestamp:
 *
 *   2026-12-07T10:00:00Z request_id=5f1c09a2-1c method=GET path=/deals/7
 *     route=/deals/:id status=200 duration_ms=1.84 bytes=5120 org=1 user=12
 *
 * The query string is left out (it may hold a search someone typed); the
 * request id is the one echoed in the X-Request-Id header.
 */
#ifndef SG_ACCESSLOG_H
#define SG_ACCESSLOG_H
#include "request.h"

void access_log(struct request *r, long long us);

#endif
