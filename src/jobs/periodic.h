/*
 * periodic: a job the server runs on a thread of its own, once at start and
 * then every so many seconds, until it is stopped (the audit purge, the
 * candidates' retention). The thread sleeps on a condition variable, so a
 * stop wakes it at once instead of waiting out the interval.
 */
#ifndef SG_JOBS_PERIODIC_H
#define SG_JOBS_PERIODIC_H
#include "../db/db.h"
#include <pthread.h>

struct periodic {
	const char *name;		/* for the log: "audit purge" */
	unsigned seconds;		/* between the end of one run and the next */
	void (*run)(struct db *db);	/* acquires and releases its own connection */
	/* the thread's state: PERIODIC_INIT sets it */
	struct db *db;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_t thread;
	int running, stopping;
};
#define PERIODIC_INIT(name_, seconds_, run_) \
	{ .name = (name_), .seconds = (seconds_), .run = (run_), \
	  .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER }

/* starts the thread; 0, or -1 when it cannot be started (logged) */
int periodic_start(struct periodic *p, struct db *db);
/* wakes and joins it (nothing when it did not start): before the database
 * is closed */
void periodic_stop(struct periodic *p);

#endif
