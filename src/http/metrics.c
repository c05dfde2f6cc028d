/* metrics: see metrics.h */
#include "metrics.h"
#include "../jobs/import-jobs.h"
#include "../jobs/webhook-worker.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* the statuses the routes answer; anything else counts as "other" */
static const int statuses[] = { 200, 201, 204, 301, 302, 303, 304, 400, 401, 403, 404, 405,
				409, 413, 415, 422, 429, 500, 503 };
#define NSTATUS (sizeof(statuses) / sizeof(statuses[0]) + 1)
/* upper bounds of the duration buckets, in seconds (+Inf is implied) */
static const double bounds[] = { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5 };
#define NBUCKET (sizeof(bounds) / sizeof(bounds[0]) + 1)

struct route_stats {
	unsigned long long by_status[NSTATUS];
	unsigned long long buckets[NBUCKET];	/* not cumulative here */
	unsigned long long count;
	double sum;				/* seconds */
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct route_stats *stats;	/* routes_count + 1: the last for "no route" */
static time_t started;

static int status_index(int status)
{
	for (size_t i = 0; i < NSTATUS - 1; i++)
		if (statuses[i] == status)
			return (int)i;
	return NSTATUS - 1;
}

void metrics_start(void)
{
	pthread_mutex_lock(&mu);
	if (!stats)
		stats = calloc(routes_count + 1, sizeof(*stats));
	started = time(NULL);
	pthread_mutex_unlock(&mu);
}

void metrics_request(const struct route *rt, int status, long long us)
{
	size_t i = rt ? (size_t)(rt - routes) : routes_count;
	if (i > routes_count)
		i = routes_count;
	double s = (double)us / 1e6;
	size_t b = 0;
	while (b < NBUCKET - 1 && s > bounds[b])
		b++;
	pthread_mutex_lock(&mu);
	if (stats) {
		struct route_stats *st = &stats[i];
		st->by_status[status_index(status)]++;
		st->buckets[b]++;
		st->count++;
		st->sum += s;
	}
	pthread_mutex_unlock(&mu);
}

static void labels(struct strbuf *out, size_t i)
{
	if (i < routes_count)
		sb_addf(out, "method=\"%s\",route=\"%s\"", routes[i].method, routes[i].pattern);
	else
		sb_adds(out, "method=\"\",route=\"(none)\"");
}

void metrics_write(struct strbuf *out, struct server *srv)
{
	pthread_mutex_lock(&mu);
	sb_adds(out, "# HELP salesgarden_http_requests_total Requests answered since the server started, by route and status.\n"
		"# TYPE salesgarden_http_requests_total counter\n");
	for (size_t i = 0; stats && i <= routes_count; i++)
		for (size_t k = 0; k < NSTATUS; k++) {
			if (!stats[i].by_status[k])
				continue;
			sb_adds(out, "salesgarden_http_requests_total{");
			labels(out, i);
			if (k < NSTATUS - 1)
				sb_addf(out, ",status=\"%d\"} %llu\n", statuses[k], stats[i].by_status[k]);
			else
				sb_addf(out, ",status=\"other\"} %llu\n", stats[i].by_status[k]);
		}
	sb_adds(out, "# HELP salesgarden_http_request_duration_seconds Time from the request's first line to its answer, by route.\n"
		"# TYPE salesgarden_http_request_duration_seconds histogram\n");
	for (size_t i = 0; stats && i <= routes_count; i++) {
		if (!stats[i].count)
			continue;
		unsigned long long cum = 0;
		for (size_t b = 0; b < NBUCKET; b++) {
			cum += stats[i].buckets[b];
			sb_adds(out, "salesgarden_http_request_duration_seconds_bucket{");
			labels(out, i);
			if (b < NBUCKET - 1)
				sb_addf(out, ",le=\"%g\"} %llu\n", bounds[b], cum);
			else
				sb_addf(out, ",le=\"+Inf\"} %llu\n", cum);
		}
		sb_adds(out, "salesgarden_http_request_duration_seconds_sum{");
		labels(out, i);
		sb_addf(out, "} %.6f\n", stats[i].sum);
		sb_adds(out, "salesgarden_http_request_duration_seconds_count{");
		labels(out, i);
		sb_addf(out, "} %llu\n", stats[i].count);
	}
	time_t since = started;
	pthread_mutex_unlock(&mu);

	int size = 0, in_use = 0;
	if (srv->db)
		db_pool_use(srv->db, &size, &in_use);
	pthread_mutex_lock(&srv->mu);
	int in_flight = srv->in_flight, uploads = srv->uploads, queued = 0;
	for (struct request *q = srv->q_head; q; q = q->q_next)
		queued++;
	pthread_mutex_unlock(&srv->mu);
	sb_addf(out, "# HELP salesgarden_db_pool_connections The database connections of the pool.\n"
		"# TYPE salesgarden_db_pool_connections gauge\n"
		"salesgarden_db_pool_connections{state=\"in_use\"} %d\n"
		"salesgarden_db_pool_connections{state=\"idle\"} %d\n", in_use, size - in_use);
	sb_addf(out, "# HELP salesgarden_http_requests_in_flight Requests received and not yet answered.\n"
		"# TYPE salesgarden_http_requests_in_flight gauge\nsalesgarden_http_requests_in_flight %d\n", in_flight);
	sb_addf(out, "# HELP salesgarden_http_requests_queued Requests waiting for a worker.\n"
		"# TYPE salesgarden_http_requests_queued gauge\nsalesgarden_http_requests_queued %d\n", queued);
	sb_addf(out, "# HELP salesgarden_uploads_in_progress Uploads being received.\n"
		"# TYPE salesgarden_uploads_in_progress gauge\nsalesgarden_uploads_in_progress %d\n", uploads);
	sb_addf(out, "# HELP salesgarden_import_jobs_running Import jobs running in this process.\n"
		"# TYPE salesgarden_import_jobs_running gauge\nsalesgarden_import_jobs_running %d\n",
		import_jobs_running());
	webhook_worker_metrics(out);	/* webhooks (issue 16): the backlog and the attempts */
	sb_addf(out, "# HELP salesgarden_start_time_seconds When the server started (Unix time).\n"
		"# TYPE salesgarden_start_time_seconds gauge\nsalesgarden_start_time_seconds %lld\n", (long long)since);
}
