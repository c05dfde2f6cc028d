/*
 * candidate-retention: see candidate-retention.h.
 */
#include "candidate-retention.h"
#include "../domain/recruit-retention.h"
#include "../store/candidate-data.h"
#include "../lib/arena.h"
#include "../lib/log.h"
#include "../lib/util.h"
#include <errno.h>
#include <pthread.h>
#include <time.h>

#define RETENTION_EVERY_SECONDS (24 * 60 * 60)

static enum err run_org(struct db_conn *c, int64_t org_id, const char *today, int64_t *anonymised)
{
	struct candidate_due due[CANDIDATE_DUE_BATCH];
	for (;;) {
		struct arena *a = arena_new();
		size_t n = 0, done = 0;
		enum err e = candidate_due_list(c, a, org_id, today, due, CANDIDATE_DUE_BATCH, &n);
		for (size_t i = 0; !e && i < n; i++) {
			if (!candidate_retention_due(due[i].retain_until, due[i].anonymised_at, today))
				continue;
			e = candidate_anonymise(c, org_id, due[i].id, today);
			if (e == E_CONFLICT)	/* anonymised meanwhile */
				e = E_OK;
			else if (!e) {
				(*anonymised)++;
				done++;
			}
		}
		arena_free(a);
		/* a full batch may have more behind it; one that anonymised
		 * nothing would only list the same rows again */
		if (e || n < CANDIDATE_DUE_BATCH || !done)
			return e;
	}
}

enum err candidate_retention_run(struct db_conn *c, int64_t org_id, const char *today, int64_t *anonymised)
{
	*anonymised = 0;
	if (org_id)
		return run_org(c, org_id, today, anonymised);
	int64_t after = 0, ids[100];
	for (;;) {
		size_t n = 0;
		enum err e = candidate_data_orgs(c, after, ids, 100, &n);
		for (size_t i = 0; !e && i < n; i++)
			e = run_org(c, ids[i], today, anonymised);
		if (e || n < 100)
			return e;
		after = ids[n - 1];
	}
}

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static pthread_t thread;
static int running, stopping;

static void run_once(struct db *db)
{
	struct db_conn *c = db_acquire(db, NULL);
	if (!c) {
		log_error("candidate retention: no database connection; trying again in a day");
		return;
	}
	db_conn_statement_timeout(c, 0);
	db_set_actor(c, 0, "system");
	char today[11];
	today_date(today);
	int64_t n = 0;
	enum err e = candidate_retention_run(c, 0, today, &n);
	if (e)
		log_error("candidate retention: %s", db_errmsg(c));
	if (n)
		log_info("candidate retention: %lld candidate%s past the retention date anonymised", (long long)n,
			 n == 1 ? "" : "s");
	db_release(c);
}

static void *loop(void *arg)
{
	struct db *db = arg;
	pthread_mutex_lock(&mu);
	while (!stopping) {
		pthread_mutex_unlock(&mu);
		run_once(db);
		pthread_mutex_lock(&mu);
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += RETENTION_EVERY_SECONDS;
		while (!stopping && pthread_cond_timedwait(&cv, &mu, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&mu);
	return NULL;
}

int candidate_retention_start(struct db *db)
{
	pthread_mutex_lock(&mu);
	stopping = 0;
	pthread_mutex_unlock(&mu);
	if (pthread_create(&thread, NULL, loop, db)) {
		log_error("candidate retention: cannot start its thread");
		return -1;
	}
	running = 1;
	return 0;
}

void candidate_retention_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&mu);
	stopping = 1;
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
	pthread_join(thread, NULL);
	running = 0;
}
