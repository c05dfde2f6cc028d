/*
 * metrics: what the server has done, for /metrics in Prometheus' text format
 * (https://prometheus.io/docs/instrumenting/exposition_formats/): requests
 * by route and status, their durations as a histogram per route, the
 * database pool's use, requests and uploads under way, and the import jobs
 * running. Counted in memory since the server started; one mutex, held for
 * a few additions per request.
 */
#ifndef SG_METRICS_H
#define SG_METRICS_H
#include "route.h"
#include "server.h"
#include "../lib/strbuf.h"

/* the server starts: the counts begin, and the start time is now */
void metrics_start(void);
/* one answered request; rt NULL when no route matched */
void metrics_request(const struct route *rt, int status, long long us);
void metrics_write(struct strbuf *out, struct server *srv);

#endif
