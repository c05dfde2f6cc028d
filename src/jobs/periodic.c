/*
 * periodic: see periodic.h.
 */
#include "periodic.h"
#include "../lib/log.h"
#include <errno.h>
#include <time.h>

static void *loop(void *arg)
{
	struct periodic *p = arg;
	pthread_mutex_lock(&p->mu);
	while (!p->stopping) {
		pthread_mutex_unlock(&p->mu);
		p->run(p->db);
		pthread_mutex_lock(&p->mu);
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += p->seconds;
		while (!p->stopping && pthread_cond_timedwait(&p->cv, &p->mu, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

int periodic_start(struct periodic *p, struct db *db)
{
	pthread_mutex_lock(&p->mu);
	p->stopping = 0;
	p->db = db;
	pthread_mutex_unlock(&p->mu);
	if (pthread_create(&p->thread, NULL, loop, p)) {
		log_error("%s: cannot start its thread", p->name);
		return -1;
	}
	p->running = 1;
	return 0;
}

void periodic_stop(struct periodic *p)
{
	if (!p->running)
		return;
	pthread_mutex_lock(&p->mu);
	p->stopping = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	pthread_join(p->thread, NULL);
	p->running = 0;
}
