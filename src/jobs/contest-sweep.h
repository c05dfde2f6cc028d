/*
 * contest-sweep: the periodic sweep that freezes the final standings of
 * every contest that has ended (issue 10), so that they are frozen on time
 * even when nobody opens them. A reader freezes an ended contest too
 * (service/leaderboard.c); the store makes sure only once.
 */
#ifndef SG_JOBS_CONTEST_SWEEP_H
#define SG_JOBS_CONTEST_SWEEP_H
#include "../db/db.h"

/* starts the sweep thread: one pass now, then every interval_s seconds */
int contest_sweep_start(struct db *db, int interval_s);
/* stops it and waits for a pass under way; nothing when not started */
void contest_sweep_stop(void);
/* one pass over every organisation with ended contests not yet frozen:
 * how many were frozen, or -1 on an error (logged) */
long contest_sweep_once(struct db *db);

#endif
