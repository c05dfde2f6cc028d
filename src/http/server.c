/*
 * server: libmicrohttpd glue, following its own pattern. The URI-log
 * callback makes the per-request state (it sees the raw URI, query string
 * included, which we parse ourselves); the access handler is called once for
 * the headers, once per body chunk and once at the end, when the router
 * runs; the completed callback logs the request and frees its arena on every
 * path, a client that went away included.
 */
#include "server.h"
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
#include <unistd.h>

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
	sb_init(&r->body, 0);
	sb_init(&r->out, 0);
	pthread_mutex_lock(&srv->mu);
	srv->in_flight++;
	pthread_mutex_unlock(&srv->mu);
	return r;
}

static enum MHD_Result send_response(struct request *r)
{
	size_t len;
	char *buf = sb_detach(&r->out, &len);
	struct MHD_Response *resp = MHD_create_response_from_buffer_with_free_callback(len, buf, free);
	if (!resp) {
		free(buf);
		return MHD_NO;
	}
	MHD_add_response_header(resp, "Content-Type", r->content_type ? r->content_type : "text/html; charset=utf-8");
	/* the same security headers on every answer */
	MHD_add_response_header(resp, "Content-Security-Policy",
				"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
				"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	int cache_set = 0;
	for (size_t i = 0; i < r->headers.n; i++) {
		MHD_add_response_header(resp, r->headers.items[i].key, r->headers.items[i].val);
		cache_set |= !strcasecmp(r->headers.items[i].key, "Cache-Control");
	}
	/* pages and API answers hold someone's data: no cache keeps a copy,
	 * unless the handler said otherwise (static files) */
	if (!cache_set)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	enum MHD_Result ret = MHD_queue_response(r->mhd, (unsigned)(r->status ? r->status : 500), resp);
	MHD_destroy_response(resp);
	return ret;
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
	if (r->phase == 0) {
		r->phase = 1;
		r->method = arena_strdup(r->a, method);
		int path_known = 0;
		r->route = route_match(r, method, r->path, &path_known);
		r->body_limit = r->route && (r->route->flags & R_UPLOAD) ? r->srv->max_upload : r->srv->max_body;
		const char *cl = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > r->body_limit) {
			/* answer at once; libmicrohttpd closes the connection unread */
			r->body_too_large = 1;
			router_dispatch(r);
			return send_response(r);
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (r->body.len + *upload_data_size > r->body_limit)
			r->body_too_large = 1;
		else if (!r->body_too_large)
			sb_add(&r->body, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (r->phase == 2)
		return MHD_YES;
	r->phase = 2;
	router_dispatch(r);
	return send_response(r);
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
	if (!srv->quiet)
		log_info("%s %s %d %lldus", r->method, r->path, r->status, us);
	if (r->db)
		db_release(r->db);
	if (r->json)
		json_decref(r->json);
	sb_release(&r->body);
	sb_release(&r->upload.data);
	sb_release(&r->out);
	arena_free(r->a);
	*req_cls = NULL;
	pthread_mutex_lock(&srv->mu);
	if (--srv->in_flight == 0)
		pthread_cond_broadcast(&srv->idle);
	pthread_mutex_unlock(&srv->mu);
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

	/* block the stop signals in every thread; this one waits for them */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC;
	struct MHD_Daemon *d = MHD_start_daemon(
		flags, 0, NULL, NULL, access_cb, srv,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(srv->threads > 0 ? srv->threads : 2),
		MHD_OPTION_URI_LOG_CALLBACK, uri_cb, srv,
		MHD_OPTION_NOTIFY_COMPLETED, completed_cb, srv,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
		MHD_OPTION_END);
	if (!d) {
		log_error("cannot listen on %s: %s", srv->listen, strerror(errno));
		return 1;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	log_info("salesgarden listening on http://%.*s:%u/", (int)(strrchr(srv->listen, ':') - srv->listen),
		 srv->listen, (unsigned)(info ? info->port : 0));

	int sig = 0;
	sigwait(&set, &sig);
	log_info("received %s; finishing requests under way", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	MHD_socket lfd = MHD_quiesce_daemon(d);
	if (lfd != MHD_INVALID_SOCKET)
		close(lfd);
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 15;
	pthread_mutex_lock(&srv->mu);
	while (srv->in_flight > 0)
		if (pthread_cond_timedwait(&srv->idle, &srv->mu, &until) == ETIMEDOUT)
			break;
	pthread_mutex_unlock(&srv->mu);
	if (srv->before_stop)
		srv->before_stop();
	MHD_stop_daemon(d);
	log_info("stopped");
	return 0;
}
