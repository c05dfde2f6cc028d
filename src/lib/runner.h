/*
 * runner: the name of this process as background work records it
 * ("host:pid:start"), and whether the process another record names is gone.
 * Import jobs and import runs write it into their rows so that work a dead
 * process left "running" can be told from work still under way — and
 * undone (service/import.c) or shown as failed (jobs/import-jobs.c).
 */
#ifndef SG_LIB_RUNNER_H
#define SG_LIB_RUNNER_H
#include <stdint.h>

/* "host:pid:start" of this process */
const char *runner_self(void);

/* is the process named by runner gone? Only this process knows its own
 * work for sure: with ours, gone unless the record was written in the last
 * few seconds (a job being started); a process on this host is asked by its
 * pid (our pid with another start: an earlier life of this pid, gone); one
 * on another host (PostgreSQL shared by several servers) by its heartbeat,
 * after stale_seconds without one */
int runner_gone(const char *runner, int64_t heartbeat_at, int64_t stale_seconds);

#endif
