/* contest-sweep: see contest-sweep.h. */
#include "contest-sweep.h"
#include "../service/leaderboard.h"
#include "../store/contests.h"
#include "../lib/arena.h"
#include "../lib/log.h"
#include "../lib/util.h"
#include <errno.h>
#include <pthread.h>
#include <time.h>

static pthread_t thread;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int running, stopping, interval;
static struct db *sweep_db;

long contest_sweep_once(struct db *db)
{
	struct db_conn *c = db_acquire(db, NULL);
	if (!c)
		return -1;
	struct arena *a = arena_new();
	char today[11];
	today_date(today);
	int64_t *orgs;
	size_t n;
	long total = 0;
	enum err e = contests_orgs_with_ended(c, a, today, &orgs, &n);
	for (size_t i = 0; !e && i < n; i++) {
		size_t frozen = 0;
		e = contests_sweep(c, a, orgs[i], today, &frozen);
		total += (long)frozen;
	}
	if (e)
		log_error("contest sweep: %s", db_errmsg(c));
	arena_free(a);
	db_release(c);
	return e ? -1 : total;
}

static void *loop(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&mu);
	while (!stopping) {
		pthread_mutex_unlock(&mu);
		long n = contest_sweep_once(sweep_db);
		if (n > 0)
			log_info("contest sweep: %ld contest(s) frozen", n);
		pthread_mutex_lock(&mu);
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += interval;
		while (!stopping && pthread_cond_timedwait(&cv, &mu, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&mu);
	return NULL;
}

int contest_sweep_start(struct db *db, int interval_s)
{
	sweep_db = db;
	interval = interval_s > 0 ? interval_s : 3600;
	stopping = 0;
	if (pthread_create(&thread, NULL, loop, NULL))
		return -1;
	running = 1;
	return 0;
}

void contest_sweep_stop(void)
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
