/*
 * webhook-worker: the delivery thread of `serve` (issue 16). It claims due
 * rows of the webhook outbox (store/webhooks.c) with a lease, sends each
 * with libcurl — signed, with short timeouts, no redirect followed, only
 * http and https, every address checked again when connecting so that a
 * name that resolves elsewhere since the subscription was saved (DNS
 * rebinding) is still refused — and records the attempt. Periodically it
 * sweeps for the time-based events (steps due or missed). It holds a
 * database connection only while it queries, never while it waits on a
 * receiver, so requests never wait on a delivery.
 */
#ifndef SG_JOBS_WEBHOOK_WORKER_H
#define SG_JOBS_WEBHOOK_WORKER_H
#include "../db/db.h"
#include "../lib/strbuf.h"

/* starts the thread; listen is serve's "ADDR:PORT" and port the port it
 * bound (the server's own address is refused). 0 or -1 */
int webhook_worker_start(struct db *db, const char *listen, unsigned port);
/* stops it (waits for the attempt under way, at most the timeout) */
void webhook_worker_stop(void);
/* the save-time check of a subscription's URL: its form, then every
 * address its host resolves to. NULL when it may be used, else why not
 * (an N_() message) */
const char *webhook_worker_check_url(const char *url);
/* the /metrics lines: the backlog (pending rows, the oldest one's age) and
 * the attempts by result since the server started */
void webhook_worker_metrics(struct strbuf *out);

#endif
