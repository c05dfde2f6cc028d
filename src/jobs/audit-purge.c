/*
 * audit-purge: see audit-purge.h.
 */
#include "audit-purge.h"
#include "../store/audit.h"
#include "../lib/log.h"
#include <errno.h>
#include <pthread.h>
#include <time.h>

#define PURGE_EVERY_SECONDS (24 * 60 * 60)

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static pthread_t thread;
static int running, stopping;

static void purge_once(struct db *db)
{
	struct db_conn *c = db_acquire(db, NULL);
	if (!c) {
		log_error("audit purge: no database connection; trying again in a day");
		return;
	}
	/* a purge of a large log may take longer than a page's limit */
	db_conn_statement_timeout(c, 0);
	int64_t deleted = 0;
	enum err e = audit_purge(c, 0, &deleted);
	if (e)
		log_error("audit purge: %s", db_errmsg(c));
	else if (deleted)
		log_info("audit purge: %lld rows older than the retention deleted", (long long)deleted);
	db_release(c);
}

static void *loop(void *arg)
{
	struct db *db = arg;
	pthread_mutex_lock(&mu);
	while (!stopping) {
		pthread_mutex_unlock(&mu);
		purge_once(db);
		pthread_mutex_lock(&mu);
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += PURGE_EVERY_SECONDS;
		while (!stopping && pthread_cond_timedwait(&cv, &mu, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&mu);
	return NULL;
}

int audit_purge_start(struct db *db)
{
	pthread_mutex_lock(&mu);
	stopping = 0;
	pthread_mutex_unlock(&mu);
	if (pthread_create(&thread, NULL, loop, db)) {
		log_error("audit purge: cannot start its thread");
		return -1;
	}
	running = 1;
	return 0;
}

void audit_purge_stop(void)
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
