/*
 * runner: see runner.h.
 */
#include "runner.h"
#include "util.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char runner_id[160];
static char host_name[128];
static pthread_once_t runner_once = PTHREAD_ONCE_INIT;

static void runner_init(void)
{
	if (gethostname(host_name, sizeof(host_name)))
		strcpy(host_name, "localhost");
	host_name[sizeof(host_name) - 1] = '\0';
	snprintf(runner_id, sizeof(runner_id), "%s:%ld:%lld", host_name, (long)getpid(), (long long)now_epoch());
}

const char *runner_self(void)
{
	pthread_once(&runner_once, runner_init);
	return runner_id;
}

int runner_gone(const char *runner, int64_t heartbeat_at, int64_t stale_seconds)
{
	const char *self = runner_self();
	if (!strcmp(runner, self))
		/* ours and no longer under way here: gone, unless it is being
		 * started right now (the row is written before the thread) */
		return now_epoch() - heartbeat_at > 10;
	size_t hl = strlen(host_name);
	if (!strncmp(runner, host_name, hl) && runner[hl] == ':') {
		long pid = strtol(runner + hl + 1, NULL, 10);
		/* our pid but not our start: an earlier life of this process
		 * number (a restarted container is pid 1 again) */
		if (pid == (long)getpid())
			return 1;
		if (pid > 0 && kill((pid_t)pid, 0) && errno == ESRCH)
			return 1;
		return 0;
	}
	return now_epoch() - heartbeat_at > stale_seconds;
}
