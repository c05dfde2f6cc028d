/* webhook-worker: see webhook-worker.h. */
#include "webhook-worker.h"
#include "../store/webhooks.h"
#include "../service/webhook-tiers.h"
#include "../domain/webhook.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/log.h"
#include "../lib/util.h"
#include <curl/curl.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* deliveries in flight at once, each on its own thread: a receiver that
 * hangs holds one thread until the timeout, the others go on sending to
 * other subscriptions. One subscription has at most one delivery in flight
 * (the claim, store/webhooks.c), so its events arrive in order. */
#define WORKERS 4
#define SWEEP_LIMIT 500

enum result { R_DELIVERED, R_FAILED, R_REFUSED, R_GAVE_UP, R_NRESULTS };
static const char *const result_names[R_NRESULTS] = { "delivered", "failed", "refused", "gave_up" };

static struct {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_t th[WORKERS];
	int nth, running, stop;
	/* one claim at a time in this process: a claim sees the leases of the
	 * one before it (two at once on PostgreSQL could both find a
	 * subscription idle and each take one of its rows) */
	pthread_mutex_t claim_mu;
	struct db *db;
	/* the server's own address; settings read once from the environment */
	struct webhook_ip self;
	int self_port, has_self, allow_loopback;
	long timeout, sweep_every;
	int64_t backoff;
	/* under mu: for /metrics */
	unsigned long long results[R_NRESULTS];
	int64_t pending, oldest_age;
	int backlog_known;
} W = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER, .claim_mu = PTHREAD_MUTEX_INITIALIZER };

static long env_long(const char *name, long def, long min)
{
	const char *v = getenv(name);
	if (!v || !*v)
		return def;
	char *end;
	long n = strtol(v, &end, 10);
	return *end || n < min ? def : n;
}

static void read_settings(void)
{
	const char *lb = getenv("SALESGARDEN_WEBHOOK_ALLOW_LOOPBACK");
	W.allow_loopback = lb && !strcmp(lb, "1");
	W.timeout = env_long("SALESGARDEN_WEBHOOK_TIMEOUT_SECONDS", 10, 1);
	W.sweep_every = env_long("SALESGARDEN_WEBHOOK_SWEEP_SECONDS", 300, 1);
	W.backoff = env_long("SALESGARDEN_WEBHOOK_BACKOFF_SECONDS", WEBHOOK_BACKOFF_BASE, 0);
}

static int to_ip(const struct sockaddr *sa, struct webhook_ip *ip, int *port)
{
	memset(ip, 0, sizeof(*ip));
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *a = (const struct sockaddr_in *)sa;
		ip->family = 4;
		memcpy(ip->a, &a->sin_addr, 4);
		if (port)
			*port = ntohs(a->sin_port);
		return 0;
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)sa;
		ip->family = 6;
		memcpy(ip->a, &a->sin6_addr, 16);
		if (port)
			*port = ntohs(a->sin6_port);
		return 0;
	}
	return -1;
}

static enum webhook_ip_verdict check_addr(const struct sockaddr *sa, int port_if_none)
{
	struct webhook_ip ip;
	int port = port_if_none;
	if (to_ip(sa, &ip, &port))
		return WIP_UNSPECIFIED;
	pthread_mutex_lock(&W.mu);
	struct webhook_ip self = W.self;
	int has_self = W.has_self, self_port = W.self_port, lb = W.allow_loopback;
	pthread_mutex_unlock(&W.mu);
	return webhook_ip_check(&ip, port, lb, has_self ? &self : NULL, self_port);
}

const char *webhook_worker_check_url(const char *url)
{
	struct webhook_url u;
	const char *m = webhook_url_parse(url, &u);
	if (m)
		return m;
	if (!W.running)
		read_settings();
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM }, *res = NULL;
	char port[8];
	snprintf(port, sizeof(port), "%d", u.port);
	if (getaddrinfo(u.host, port, &hints, &res) || !res)
		return N_("The URL's host name could not be found.");
	const char *why = NULL;
	for (struct addrinfo *ai = res; ai && !why; ai = ai->ai_next)
		why = webhook_ip_message(check_addr(ai->ai_addr, u.port));
	freeaddrinfo(res);
	return why;
}

/* --- one delivery --- */

struct attempt_ctx {
	int refused;
};

/* every address curl connects to passes the same rules as at save time:
 * a name that resolves elsewhere now is refused here */
static curl_socket_t open_socket(void *clientp, curlsocktype purpose, struct curl_sockaddr *addr)
{
	struct attempt_ctx *x = clientp;
	if (purpose != CURLSOCKTYPE_IPCXN || check_addr(&addr->addr, 0) != WIP_OK) {
		x->refused = 1;
		return CURL_SOCKET_BAD;
	}
	return socket(addr->family, addr->socktype, addr->protocol);
}

static size_t discard(char *p, size_t size, size_t n, void *cls)
{
	(void)p;
	(void)cls;
	return size * n;
}

static void deliver(const struct webhook_job *j, struct webhook_attempt *at, const char **code)
{
	struct attempt_ctx x = { 0 };
	struct webhook_url u;
	*code = "";
	if (webhook_url_parse(j->url, &u)) {
		*code = "refused";
		return;
	}
	CURL *h = curl_easy_init();
	if (!h) {
		*code = "network";
		return;
	}
	int64_t t = now_epoch();
	char sig[65], hdr[200];
	size_t len = strlen(j->body);
	webhook_sign(j->secret, t, j->body, len, sig);
	struct curl_slist *hs = NULL;
	hs = curl_slist_append(hs, "Content-Type: application/json");
	hs = curl_slist_append(hs, "User-Agent: Salesgarden-Webhooks/1");
	hs = curl_slist_append(hs, "Expect:");
	snprintf(hdr, sizeof(hdr), "Salesgarden-Event: %s", j->type);
	hs = curl_slist_append(hs, hdr);
	snprintf(hdr, sizeof(hdr), "Salesgarden-Delivery: %s-%lld", j->event_id, (long long)j->webhook_id);
	hs = curl_slist_append(hs, hdr);
	snprintf(hdr, sizeof(hdr), "Salesgarden-Signature: t=%lld,v1=%s", (long long)t, sig);
	hs = curl_slist_append(hs, hdr);
	curl_easy_setopt(h, CURLOPT_URL, j->url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_PROXY, "");	/* a proxy would connect where we cannot check */
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, W.timeout < 5 ? W.timeout : 5L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, W.timeout);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hs);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, j->body);
	curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)len);
	curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, open_socket);
	curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, &x);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CURLcode rc = curl_easy_perform(h);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	at->duration_ms = (int)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000);
	long status = 0;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	at->status_code = (int)status;
	if (x.refused)
		*code = "refused";
	else if (rc == CURLE_OPERATION_TIMEDOUT)
		*code = "timeout";
	else if (rc == CURLE_COULDNT_RESOLVE_HOST)
		*code = "dns";
	else if (rc == CURLE_COULDNT_CONNECT)
		*code = "connect";
	else if (rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_PEER_FAILED_VERIFICATION)
		*code = "tls";
	else if (rc != CURLE_OK)
		*code = "network";
	else if (status >= 300 && status < 400)
		*code = "redirect";
	else if (!webhook_status_ok(status))
		*code = "status";
	at->ok = rc == CURLE_OK && webhook_status_ok(status);
	curl_slist_free_all(hs);
	curl_easy_cleanup(h);
}

static void count(enum result r)
{
	pthread_mutex_lock(&W.mu);
	W.results[r]++;
	pthread_mutex_unlock(&W.mu);
}

/* claims and sends one due delivery; whether one was claimed and
 * delivered (then more may be due at once; after a failure the thread
 * pauses, so a receiver that fails fast is not called in a tight loop even
 * without back-off). Only the first thread (metrics) reads the backlog. */
static int deliver_due(int first)
{
	struct arena *a = arena_new();
	/* one claiming thread at a time holds a connection of the pool (the
	 * requests' pool): the others wait here, not with a connection each */
	pthread_mutex_lock(&W.claim_mu);
	struct db_conn *c = db_acquire(W.db, NULL);
	if (!c) {
		pthread_mutex_unlock(&W.claim_mu);
		arena_free(a);
		return 0;
	}
	int64_t now = now_epoch();
	struct webhook_job *jobs = NULL;
	size_t n = 0;
	int lease = (int)(W.timeout + 5 + 30);
	enum err e = webhook_claim(c, a, now, lease, 1, &jobs, &n);
	int64_t pending = 0, oldest = 0;
	enum err be = first ? webhook_backlog(c, now, &pending, &oldest) : E_INTERNAL;
	db_release(c);
	pthread_mutex_unlock(&W.claim_mu);
	if (!be) {
		pthread_mutex_lock(&W.mu);
		W.pending = pending;
		W.oldest_age = oldest;
		W.backlog_known = 1;
		pthread_mutex_unlock(&W.mu);
	}
	if (e)
		log_error("webhooks: cannot claim deliveries: %s", err_name(e));
	if (n) {
		/* more may be due: another thread looks */
		pthread_mutex_lock(&W.mu);
		pthread_cond_signal(&W.cv);
		pthread_mutex_unlock(&W.mu);
	}
	/* the time a failing subscription is disabled after (with its failure
	 * count, webhook.h): scaled with the back-off, so a test that retries
	 * at once (SALESGARDEN_WEBHOOK_BACKOFF_SECONDS=0) disables at once */
	int64_t disable_after = W.backoff * WEBHOOK_DISABLE_AFTER_SECONDS / WEBHOOK_BACKOFF_BASE;
	int delivered = 0;
	for (size_t i = 0; i < n; i++) {
		const struct webhook_job *j = &jobs[i];
		struct webhook_attempt at = { 0 };
		const char *code = "";
		if (j->enabled)
			deliver(j, &at, &code);
		int64_t done = now_epoch();
		at.error = code;
		if (!at.ok) {
			at.next_at = done + webhook_backoff(j->attempts + 1, W.backoff);
			at.give_up = webhook_gives_up(j->created_at, at.next_at);
		}
		if (!(c = db_acquire(W.db, NULL)))
			break;	/* the lease runs out and the row is tried again */
		e = j->enabled ? webhook_record(c, j, &at, done, WEBHOOK_MAX_FAILURES, disable_after) : webhook_release(c, j);
		if (e) {
			const char *detail = "";
			db_last_error(c, &detail);
			log_error("webhooks: cannot record delivery %lld: %s: %s", (long long)j->id, err_name(e), detail);
		}
		db_release(c);
		if (!e && j->enabled)
			count(at.ok ? R_DELIVERED : !strcmp(code, "refused") ? R_REFUSED : at.give_up ? R_GAVE_UP : R_FAILED);
		delivered |= !e && j->enabled && at.ok;
	}
	arena_free(a);
	return delivered;
}

static void sweep(void)
{
	struct db_conn *c = db_acquire(W.db, NULL);
	if (!c)
		return;
	char today[11];
	today_date(today);
	enum err e = webhook_sweep_steps(c, today, SWEEP_LIMIT);
	if (e)
		log_error("webhooks: the sweep for steps due and missed failed: %s", err_name(e));
	if ((e = webhook_tiers_sweep(c, today)))
		log_error("webhooks: the sweep for tiers changed failed: %s", err_name(e));
	db_release(c);
}

static void *run(void *arg)
{
	int first = arg != NULL;	/* the first thread also sweeps */
	int64_t next_sweep = 0;
	for (;;) {
		pthread_mutex_lock(&W.mu);
		int stop = W.stop;
		pthread_mutex_unlock(&W.mu);
		if (stop)
			break;
		int64_t now = now_epoch();
		if (first && now >= next_sweep) {
			sweep();
			next_sweep = now + W.sweep_every;
		}
		if (deliver_due(first))
			continue;	/* delivered: more may be due */
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 500 * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_mutex_lock(&W.mu);
		if (!W.stop)
			pthread_cond_timedwait(&W.cv, &W.mu, &until);
		pthread_mutex_unlock(&W.mu);
	}
	return NULL;
}

int webhook_worker_start(struct db *db, const char *listen, unsigned port)
{
	if (W.running)
		return 0;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	read_settings();
	W.db = db;
	W.stop = 0;
	/* the listening address: "ADDR:PORT", "[v6]:PORT" */
	char host[64] = "";
	const char *colon = listen ? strrchr(listen, ':') : NULL;
	if (colon && (size_t)(colon - listen) < sizeof(host)) {
		memcpy(host, listen, (size_t)(colon - listen));
		host[colon - listen] = 0;
	}
	char *h = host;
	if (*h == '[') {
		h++;
		char *close = strchr(h, ']');
		if (close)
			*close = 0;
	}
	struct webhook_ip self = { 0 };
	int ok = 0;
	if (inet_pton(AF_INET, h, self.a) == 1) {
		self.family = 4;
		ok = 1;
	} else if (inet_pton(AF_INET6, h, self.a) == 1) {
		self.family = 6;
		ok = 1;
	}
	pthread_mutex_lock(&W.mu);
	W.self = self;
	W.has_self = ok;
	W.self_port = (int)port;
	pthread_mutex_unlock(&W.mu);
	static int first = 1;
	for (W.nth = 0; W.nth < WORKERS; W.nth++)
		if (pthread_create(&W.th[W.nth], NULL, run, W.nth ? NULL : &first))
			break;
	if (!W.nth) {
		log_error("webhooks: cannot start the delivery worker");
		return -1;
	}
	W.running = 1;
	return 0;
}

void webhook_worker_stop(void)
{
	if (!W.running)
		return;
	pthread_mutex_lock(&W.mu);
	W.stop = 1;
	pthread_cond_broadcast(&W.cv);
	pthread_mutex_unlock(&W.mu);
	for (int i = 0; i < W.nth; i++)
		pthread_join(W.th[i], NULL);
	W.nth = 0;
	W.running = 0;
	curl_global_cleanup();
}

void webhook_worker_metrics(struct strbuf *out)
{
	pthread_mutex_lock(&W.mu);
	unsigned long long r[R_NRESULTS];
	memcpy(r, W.results, sizeof(r));
	int64_t pending = W.pending, oldest = W.oldest_age;
	int known = W.backlog_known;
	pthread_mutex_unlock(&W.mu);
	sb_addf(out, "# HELP salesgarden_webhook_outbox_pending Webhook deliveries waiting in the outbox (all servers of "
		"the database; read by the delivery worker, at most a second ago).\n"
		"# TYPE salesgarden_webhook_outbox_pending gauge\nsalesgarden_webhook_outbox_pending %lld\n",
		(long long)(known ? pending : 0));
	sb_addf(out, "# HELP salesgarden_webhook_outbox_oldest_pending_seconds Age of the oldest pending webhook "
		"delivery (0 when none).\n# TYPE salesgarden_webhook_outbox_oldest_pending_seconds gauge\n"
		"salesgarden_webhook_outbox_oldest_pending_seconds %lld\n", (long long)(known ? oldest : 0));
	sb_adds(out, "# HELP salesgarden_webhook_deliveries_total Webhook delivery attempts of this server by result.\n"
		"# TYPE salesgarden_webhook_deliveries_total counter\n");
	for (int i = 0; i < R_NRESULTS; i++)
		sb_addf(out, "salesgarden_webhook_deliveries_total{result=\"%s\"} %llu\n", result_names[i], r[i]);
}
