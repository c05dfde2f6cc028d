/*
 * server: the HTTP server on libmicrohttpd — two polling threads on epoll,
 * a pool of `threads` workers for the handlers that use the database, one
 * arena per request, graceful shutdown on SIGTERM/SIGINT.
 */
#ifndef SG_SERVER_H
#define SG_SERVER_H
#include <stddef.h>
#include <pthread.h>
#include "../db/db.h"

struct request;

struct server {
	struct db *db;
	const char *listen;	/* "ADDR:PORT" */
	int threads;
	size_t max_body;	/* forms and JSON */
	size_t max_upload;	/* routes flagged R_UPLOAD */
	int max_uploads;	/* uploads received at once (0: 4) */
	size_t max_inflight;	/* form and JSON body bytes held at once (0: 64 MiB) */
	const char *tmpdir;	/* where uploads are spooled (NULL: /tmp) */
	int quiet;		/* no access log */
	const char *metrics_token; /* /metrics with this bearer token; NULL: this machine only */
	/* called on a graceful stop once requests are done, before the
	 * daemon stops: background work (imports) stops using the database */
	void (*before_stop)(void);
	/* requests under way, for a graceful stop */
	pthread_mutex_t mu;
	pthread_cond_t idle;
	int in_flight;
	/* under mu: the limits' counters, and the workers' queue */
	int uploads;
	size_t inflight;
	struct request *q_head, *q_tail;
	pthread_cond_t q_cv;
	int stopping;		/* the workers leave once the queue is empty */
	int enqueuing;		/* requests on their way into the queue */
	int draining;		/* stopping: each answer closes its connection */
	int listen_fd;		/* ours: accepted by our own thread */
	int wake[2];		/* tells that thread to stop */
};

/* serves until SIGTERM/SIGINT; returns 0, or 1 if it could not start */
int server_run(struct server *srv);

#endif
