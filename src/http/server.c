/*
 * server: libmicrohttpd glue, following its own pattern. The URI-log
 * callback makes the per-request state (it sees the raw URI, query string
 * included, which we parse ourselves); the access handler is called once for
 * the headers, once per body chunk and once at the end; the completed
 * callback logs the request and frees its arena on every path, a client that
 * went away included.
 *
 * On the headers, the router decides who is asking and whether they may
 * (router_check) before a byte of the body is read: a refusal is answered at
 * once and libmicrohttpd closes the connection unread. Bodies are read only
 * for callers allowed to send them, within server-wide limits (concurrent
 * uploads, body bytes held in memory); uploads go to a temporary file.
 */
#include "server.h"
#include "accesslog.h"
#include "metrics.h"
#include "../jobs/webhook-worker.h"
#include "request.h"
#include "route.h"
#include "router.h"
#include "../lib/log.h"
#include <microhttpd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include "../lib/i18n.h"

/* what libmicrohttpd would otherwise refuse itself, with a bare page and
 * none of our headers (414, 431): its per-connection memory is made large
 * enough to hold such requests, and they are answered here instead. Only
 * what is larger than the whole of that memory still gets its bare page.
 * Speed (issue 15): libmicrohttpd zeroes all of a connection's memory
 * before each request on it (MHD_pool_reset), so it is kept at its own
 * default of 32 KiB: at 128 KiB the zeroing was 10 % of the server's time
 * serving a cached page under load, and 64 connections held 8 MiB */
#define MAX_URI (8 * 1024)
#define MAX_HEADER_BYTES (16 * 1024)
#define CONNECTION_MEMORY (32 * 1024)
/* the largest announced body a refused request may still send, unread */
#define DRAIN_MAX (64 * 1024)

/* PH_RESUMED: checked on a worker and resumed; libmicrohttpd then calls the
 * access handler once more for the headers, with no data, before the body */
enum { PH_NEW, PH_QUEUED, PH_RESUMED, PH_BODY, PH_DONE, PH_HEADERS };
enum { JOB_CHECK, JOB_RUN };

static void *uri_cb(void *cls, const char *uri, struct MHD_Connection *con)
{
	struct server *srv = cls;
	struct arena *a = arena_new();
	struct request *r = arena_alloc(a, sizeof(*r));
	r->a = a;
	r->srv = srv;
	r->mhd = con;
	clock_gettime(CLOCK_MONOTONIC, &r->t0);
	const char *q = strchr(uri, '?');
	r->raw_query = q ? arena_strdup(a, q + 1) : "";
	r->path = q ? arena_strndup(a, uri, (size_t)(q - uri)) : arena_strdup(a, uri);
	r->method = "";
	r->upload.fd = -1;
	sb_init(&r->body, 0);
	sb_init(&r->out, 0);
	pthread_mutex_lock(&srv->mu);
	srv->in_flight++;
	pthread_mutex_unlock(&srv->mu);
	return r;
}

static struct MHD_Response *make_response(struct request *r)
{
	size_t len;
	char *buf = sb_detach(&r->out, &len);
	r->resp_bytes = len;
	struct MHD_Response *resp = MHD_create_response_from_buffer_with_free_callback(len, buf, free);
	if (!resp) {
		free(buf);
		return NULL;
	}
	MHD_add_response_header(resp, "Content-Type", r->content_type ? r->content_type : "text/html; charset=utf-8");
	/* the same security headers on every answer */
	MHD_add_response_header(resp, "Content-Security-Policy",
				"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
				"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "X-Request-Id", req_id(r));
	/* behind a proxy that speaks TLS, browsers are told to keep to it; read
	 * here, not from the router, so answers made before routing have it too */
	const char *proto = MHD_lookup_connection_value(r->mhd, MHD_HEADER_KIND, "X-Forwarded-Proto");
	if (proto && !strcasecmp(proto, "https"))
		MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000; includeSubDomains");
	/* stopping: every answer is the connection's last */
	if (__atomic_load_n(&r->srv->draining, __ATOMIC_RELAXED))
		MHD_add_response_header(resp, "Connection", "close");
	int cache_set = 0;
	for (size_t i = 0; i < r->headers.n; i++) {
		MHD_add_response_header(resp, r->headers.items[i].key, r->headers.items[i].val);
		cache_set |= !strcasecmp(r->headers.items[i].key, "Cache-Control");
	}
	/* pages and API answers hold someone's data: no cache keeps a copy,
	 * unless the handler said otherwise (static files) */
	if (!cache_set)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	return resp;
}

static enum MHD_Result send_response(struct request *r)
{
	r->phase = PH_DONE;
	struct MHD_Response *resp = make_response(r);
	if (!resp)
		return MHD_NO;
	enum MHD_Result ret = MHD_queue_response(r->mhd, (unsigned)(r->status ? r->status : 500), resp);
	MHD_destroy_response(resp);
	if (ret != MHD_YES)
		log_error("%s %s: the answer could not be queued", r->method, r->path);
	return ret;
}

/* --- the handler pool ---
 * Handlers that use the database run on the server's own workers, never on
 * libmicrohttpd's polling threads: the connection is suspended while its job
 * waits and runs, and resumed with the answer queued. Slow statements then
 * hold workers only, and the polling threads go on answering what needs no
 * database (/healthz, static files) and receiving bodies. */

/* 0 once the server is stopping: the workers may be gone, and a connection
 * suspended for none would stay so (libmicrohttpd aborts on stopping with
 * one); the caller answers 503 on libmicrohttpd's thread. While a request is
 * on its way into the queue it is counted, and the workers wait for it. */
static int enqueue(struct server *srv, struct request *r, int job)
{
	pthread_mutex_lock(&srv->mu);
	if (srv->stopping) {
		pthread_mutex_unlock(&srv->mu);
		return 0;
	}
	srv->enqueuing++;
	pthread_mutex_unlock(&srv->mu);
	r->job = job;
	r->phase = PH_QUEUED;
	r->q_next = NULL;
	MHD_suspend_connection(r->mhd);
	pthread_mutex_lock(&srv->mu);
	srv->enqueuing--;
	if (srv->q_tail)
		srv->q_tail->q_next = r;
	else
		srv->q_head = r;
	srv->q_tail = r;
	pthread_cond_signal(&srv->q_cv);
	pthread_mutex_unlock(&srv->mu);
	return 1;
}

/* 503 with Retry-After: no room (uploads, body bytes), or stopping */
static void busy(struct request *r, const char *msg)
{
	resp_error(r, E_UNAVAILABLE, msg);
	resp_header(r, "Retry-After", "10");
}

/* the answer to a request that arrives while the server stops */
static enum MHD_Result stopping_answer(struct request *r)
{
	busy(r, T("The server is restarting. Try again shortly."));
	return send_response(r);
}

/* an upload's slot is free once its handler is done with the file, before
 * the answer goes out: a client that sends the next upload on seeing the
 * answer finds the slot free (the completed callback comes later) */
static void release_upload_slot(struct server *srv, struct request *r)
{
	if (!r->upload_slot)
		return;
	pthread_mutex_lock(&srv->mu);
	srv->uploads--;
	r->upload_slot = 0;
	pthread_mutex_unlock(&srv->mu);
}

/* a share of the server-wide limits for a body about to be read: an upload
 * slot, or the announced length of a form or JSON body; 0 when there is no
 * room (the caller answers 503) */
static int reserve_body(struct server *srv, struct request *r)
{
	int ok = 1;
	pthread_mutex_lock(&srv->mu);
	if (r->spooled) {
		if (srv->uploads >= srv->max_uploads) {
			ok = 0;
		} else {
			srv->uploads++;
			r->upload_slot = 1;
		}
	} else {
		const char *cl = MHD_lookup_connection_value(r->mhd, MHD_HEADER_KIND, "Content-Length");
		size_t n = cl ? (size_t)strtoull(cl, NULL, 10) : 0;
		if (n > srv->max_inflight - srv->inflight) {
			ok = 0;
		} else {
			srv->inflight += n;
			r->inflight = n;
		}
	}
	pthread_mutex_unlock(&srv->mu);
	return ok;
}

/* more body bytes than were announced (a chunked body): 0 when over */
static int reserve_more(struct server *srv, struct request *r, size_t n)
{
	if (r->spooled)
		return 1;	/* to a file, counted by the upload slot */
	if (r->body_got + n <= r->inflight)
		return 1;
	size_t more = r->body_got + n - r->inflight;
	int ok = 0;
	pthread_mutex_lock(&srv->mu);
	if (more <= srv->max_inflight - srv->inflight) {
		srv->inflight += more;
		r->inflight += more;
		ok = 1;
	}
	pthread_mutex_unlock(&srv->mu);
	return ok;
}

static void *worker(void *arg)
{
	struct server *srv = arg;
	for (;;) {
		pthread_mutex_lock(&srv->mu);
		while (!srv->q_head && (!srv->stopping || srv->enqueuing))
			pthread_cond_wait(&srv->q_cv, &srv->mu);
		struct request *r = srv->q_head;
		if (!r) {
			pthread_mutex_unlock(&srv->mu);
			break;
		}
		srv->q_head = r->q_next;
		if (!srv->q_head)
			srv->q_tail = NULL;
		pthread_mutex_unlock(&srv->mu);

		if (r->job == JOB_CHECK) {
			if (router_check(r, r->has_body)) {
				/* refused on the headers: the body is never read, except
				 * a small announced one, read into nothing: closing on
				 * unread bytes resets the connection, and a client still
				 * sending (a browser, fetch) may then never see the
				 * answer. Nothing of it is kept, and a stranger's large
				 * or open-ended (chunked) body is not read at all. */
				if (r->has_body && r->announced <= DRAIN_MAX &&
				    MHD_lookup_connection_value(r->mhd, MHD_HEADER_KIND, "Content-Length")) {
					r->drain = 1;
					r->phase = PH_RESUMED;
					MHD_resume_connection(r->mhd);
					continue;
				}
			} else if (!r->has_body) {
				router_run(r);
			} else if (!reserve_body(srv, r)) {
				const char *msg = r->spooled
					? T("The server is busy with other uploads. Try again shortly.")
					: T("The server is busy. Try again shortly.");
				busy(r, msg);
			} else {
				r->phase = PH_RESUMED;
				MHD_resume_connection(r->mhd);
				continue;
			}
		} else {
			router_run(r);
			release_upload_slot(srv, r);
		}
		/* queued while suspended, sent once resumed; r is not ours after */
		send_response(r);
		MHD_resume_connection(r->mhd);
	}
	return NULL;
}

static enum MHD_Result access_cb(void *cls, struct MHD_Connection *con, const char *url,
				 const char *method, const char *version, const char *upload_data,
				 size_t *upload_data_size, void **req_cls)
{
	(void)cls;
	(void)url;
	(void)version;
	struct request *r = *req_cls;
	if (!r)
		return MHD_NO;
	struct server *srv = r->srv;
	if (r->phase == PH_NEW) {
		r->method = arena_strdup(r->a, method);
		int path_known = 0;
		r->route = route_match(r, method, r->path, &path_known);
		/* only a multipart upload may be large: it goes to a file; any
		 * other body, on any route, is held in memory and kept small */
		const char *ct = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Content-Type");
		r->spooled = r->route && (r->route->flags & R_UPLOAD) && ct &&
			!strncasecmp(ct, "multipart/form-data", 19);
		r->body_limit = r->spooled ? srv->max_upload : srv->max_body;
		const union MHD_ConnectionInfo *hs =
			MHD_get_connection_info(con, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE);
		if (strlen(r->path) + strlen(r->raw_query) > MAX_URI) {
			resp_error(r, E_TOOLARGE, T("The address is too long."));
			r->status = 414;
			return send_response(r);
		}
		if (hs && hs->header_size > MAX_HEADER_BYTES) {
			resp_error(r, E_TOOLARGE, T("The request headers are too large."));
			r->status = 431;
			return send_response(r);
		}
		const char *cl = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Content-Length");
		const char *te = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Transfer-Encoding");
		r->announced = cl ? (size_t)strtoull(cl, NULL, 10) : 0;
		r->has_body = r->announced > 0 || te;
		if (cl && strtoull(cl, NULL, 10) > r->body_limit)
			r->body_too_large = 1;	/* answered at once; the body is never read */
		/* speed (issue 15): a request without a body is answered on
		 * libmicrohttpd's next call, once it holds the whole request: an
		 * answer queued on the headers' call is an early one to it, and
		 * it then closes the connection (no keep-alive, a new TCP
		 * connection and a fresh connection memory for every request) */
		r->phase = PH_HEADERS;
		if (!r->has_body)
			return MHD_YES;
	}
	if (r->phase == PH_HEADERS) {
		if (*upload_data_size) {	/* not announced: not read */
			*upload_data_size = 0;
			return MHD_YES;
		}
		if (r->route && !(r->route->flags & R_NODB) && !r->body_too_large) {
			/* a kept page: here and now (router_fast) */
			int fast = r->has_body ? 0 : router_fast(r);
			if (fast == 1)
				return send_response(r);
			/* identity and role need the database: on a worker */
			if (!enqueue(srv, r, fast == 2 ? JOB_RUN : JOB_CHECK))
				return stopping_answer(r);
			return MHD_YES;
		}
		/* no route, too large, or no database needed: here and now */
		if (router_check(r, r->has_body))
			return send_response(r);
		if (!r->has_body) {
			router_run(r);
			return send_response(r);
		}
		r->phase = PH_BODY;
		return MHD_YES;
	}
	if (r->phase == PH_RESUMED) {
		r->phase = PH_BODY;
		if (!*upload_data_size)
			return MHD_YES;	/* the headers' call again, not the end */
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		if (r->phase != PH_BODY || r->drain)
			return MHD_YES;
		if (!r->body_bad && !r->body_too_large && !reserve_more(srv, r, n)) {
			r->body_bad = 1;
			r->body_err = E_UNAVAILABLE;
			r->body_msg = T("The server is busy. Try again shortly.");
		}
		router_body(r, upload_data, n, srv->tmpdir);
		return MHD_YES;
	}
	if (r->phase != PH_BODY)
		return MHD_YES;
	/* the whole body has arrived */
	if (r->drain)
		return send_response(r);	/* the refusal made on the headers */
	if (r->route->flags & R_NODB) {
		router_run(r);
		return send_response(r);
	}
	if (!enqueue(srv, r, JOB_RUN))
		return stopping_answer(r);
	return MHD_YES;
}

static void completed_cb(void *cls, struct MHD_Connection *con, void **req_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)con;
	(void)toe;
	struct server *srv = cls;
	struct request *r = *req_cls;
	if (!r)
		return;
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long long us = (long long)(t1.tv_sec - r->t0.tv_sec) * 1000000 + (t1.tv_nsec - r->t0.tv_nsec) / 1000;
	metrics_request(r->route, r->status, us);
	if (!srv->quiet)
		access_log(r, us);
	if (r->db)
		db_release(r->db);
	if (r->json)
		json_decref(r->json);
	router_cleanup(r);
	sb_release(&r->body);
	sb_release(&r->out);
	release_upload_slot(srv, r);
	pthread_mutex_lock(&srv->mu);
	srv->inflight -= r->inflight;
	if (--srv->in_flight == 0)
		pthread_cond_broadcast(&srv->idle);
	pthread_mutex_unlock(&srv->mu);
	arena_free(r->a);
	*req_cls = NULL;
}

static int parse_listen(const char *s, struct sockaddr_storage *ss, socklen_t *len)
{
	memset(ss, 0, sizeof(*ss));
	const char *colon = strrchr(s, ':');
	if (!colon)
		return -1;
	char host[128];
	size_t hl = (size_t)(colon - s);
	if (hl >= sizeof(host))
		return -1;
	memcpy(host, s, hl);
	host[hl] = '\0';
	char *end;
	long port = strtol(colon + 1, &end, 10);
	if (*end || port < 0 || port > 65535)
		return -1;
	if (host[0] == '[' && hl > 2 && host[hl - 1] == ']') {
		host[hl - 1] = '\0';
		struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host + 1, &a6->sin6_addr) != 1)
			return -1;
		*len = sizeof(*a6);
		return 0;
	}
	struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
	a4->sin_family = AF_INET;
	a4->sin_port = htons((uint16_t)port);
	if (!*host || !strcmp(host, "*"))
		a4->sin_addr.s_addr = htonl(INADDR_ANY);
	else if (!strcmp(host, "localhost"))
		a4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	else if (inet_pton(AF_INET, host, &a4->sin_addr) != 1)
		return -1;
	*len = sizeof(*a4);
	return 0;
}

/* our own listening socket, so that stopping is ours too: libmicrohttpd's
 * MHD_quiesce_daemon races with its own polling threads on epoll (0.9.75:
 * "Failed to remove listen FD from epoll set", an abort) */
static int open_listener(const struct sockaddr_storage *ss, socklen_t sl)
{
	int fd = socket(ss->ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	int one = 1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (ss->ss_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(fd, (const struct sockaddr *)ss, sl) || listen(fd, 1024)) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

struct acceptor {
	struct server *srv;
	struct MHD_Daemon *d;
};

/* accepts until told to stop, and hands each connection to libmicrohttpd
 * (its polling threads take turns) */
static void *acceptor(void *arg)
{
	struct acceptor *ac = arg;
	struct server *srv = ac->srv;
	struct pollfd p[2] = { { .fd = srv->listen_fd, .events = POLLIN }, { .fd = srv->wake[0], .events = POLLIN } };
	for (;;) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			log_error("accepting connections: %s", strerror(errno));
			break;
		}
		if (p[1].revents)
			break;
		for (;;) {
			struct sockaddr_storage peer;
			socklen_t pl = sizeof(peer);
			int fd = accept4(srv->listen_fd, (struct sockaddr *)&peer, &pl, SOCK_NONBLOCK | SOCK_CLOEXEC);
			if (fd < 0) {
				if (errno == EINTR || errno == ECONNABORTED)
					continue;
				if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
					log_error("accepting connections: %s", strerror(errno));
					poll(NULL, 0, 100);	/* until some close */
				}
				break;	/* EAGAIN: all taken */
			}
			/* it closes the socket itself when it cannot take it */
			MHD_add_connection(ac->d, fd, (struct sockaddr *)&peer, pl);
		}
	}
	return NULL;
}

int server_run(struct server *srv)
{
	struct sockaddr_storage ss;
	socklen_t sl;
	if (parse_listen(srv->listen, &ss, &sl)) {
		log_error("cannot listen on '%s': use ADDR:PORT, e.g. 127.0.0.1:8080", srv->listen);
		return 1;
	}
	pthread_mutex_init(&srv->mu, NULL);
	pthread_cond_init(&srv->idle, NULL);
	pthread_cond_init(&srv->q_cv, NULL);
	if (!srv->max_uploads)
		srv->max_uploads = 4;
	if (!srv->max_inflight)
		srv->max_inflight = 64u << 20;
	if (!srv->tmpdir || !*srv->tmpdir)
		srv->tmpdir = "/tmp";
	srv->listen_fd = open_listener(&ss, sl);
	if (srv->listen_fd < 0) {
		log_error("cannot listen on %s: %s", srv->listen, strerror(errno));
		return 1;
	}
	if (pipe2(srv->wake, O_CLOEXEC)) {
		log_error("cannot start: %s", strerror(errno));
		close(srv->listen_fd);
		return 1;
	}

	/* block the stop signals (and SIGHUP) in every thread; this one waits
	 * for them */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* the workers start before the daemon: the first request may need one */
	int nworkers = srv->threads > 0 ? srv->threads : 2;
	pthread_t *workers = calloc((size_t)nworkers, sizeof(*workers));
	if (!workers)
		return 1;
	for (int i = 0; i < nworkers; i++)
		if (pthread_create(&workers[i], NULL, worker, srv)) {
			log_error("cannot start the request workers");
			return 1;
		}

	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_ALLOW_SUSPEND_RESUME |
			 MHD_USE_NO_LISTEN_SOCKET;
	metrics_start();
	struct MHD_Daemon *d = MHD_start_daemon(
		flags, 0, NULL, NULL, access_cb, srv,
		/* polling threads only receive, parse and send; handlers that
		 * use the database run on the workers */
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)2,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY,
		MHD_OPTION_URI_LOG_CALLBACK, uri_cb, srv,
		MHD_OPTION_NOTIFY_COMPLETED, completed_cb, srv,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
		MHD_OPTION_END);
	if (!d) {
		log_error("cannot start the HTTP server: %s", strerror(errno));
		return 1;
	}
	struct acceptor ac = { srv, d };
	pthread_t accept_thread;
	if (pthread_create(&accept_thread, NULL, acceptor, &ac)) {
		log_error("cannot start accepting connections");
		return 1;
	}
	struct sockaddr_storage bound;
	socklen_t bl = sizeof(bound);
	unsigned port = 0;
	if (!getsockname(srv->listen_fd, (struct sockaddr *)&bound, &bl))
		port = ntohs(bound.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&bound)->sin6_port
							 : ((struct sockaddr_in *)&bound)->sin_port);
	log_info("salesgarden listening on http://%.*s:%u/", (int)(strrchr(srv->listen, ':') - srv->listen),
		 srv->listen, port);
	/* webhooks (issue 16): the delivery worker, told the address it must never call */
	if (srv->db)
		webhook_worker_start(srv->db, srv->listen, port);

	/* SIGHUP (a reload) keeps serving: every setting comes from the
	 * environment, which a running process cannot be given anew, and the
	 * log is standard error (nothing to open again) */
	int sig = 0;
	while (!sigwait(&set, &sig) && sig == SIGHUP)
		log_info("received SIGHUP; nothing to reload: settings are read at start, restart the server to "
			 "change them");
	log_info("received %s; finishing requests under way", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	/* no new connections; each answer from now on closes its connection,
	 * so keep-alive clients leave once their request is answered */
	__atomic_store_n(&srv->draining, 1, __ATOMIC_RELAXED);
	if (write(srv->wake[1], "x", 1) != 1)
		log_error("cannot stop accepting: %s", strerror(errno));
	pthread_join(accept_thread, NULL);
	close(srv->listen_fd);
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 15;
	pthread_mutex_lock(&srv->mu);
	while (srv->in_flight > 0)
		if (pthread_cond_timedwait(&srv->idle, &srv->mu, &until) == ETIMEDOUT) {
			log_info("stopping: %d requests still under way after 15 s; their connections are closed",
				 srv->in_flight);
			break;
		}
	/* the workers finish what is queued (every suspended connection is
	 * resumed: libmicrohttpd must not stop with one suspended); from now
	 * on a request is answered 503 without being queued */
	srv->stopping = 1;
	pthread_cond_broadcast(&srv->q_cv);
	pthread_mutex_unlock(&srv->mu);
	for (int i = 0; i < nworkers; i++)
		pthread_join(workers[i], NULL);
	free(workers);
	webhook_worker_stop();
	if (srv->before_stop)
		srv->before_stop();
	MHD_stop_daemon(d);
	close(srv->wake[0]);
	close(srv->wake[1]);
	log_info("stopped");
	return 0;
}
