/*
 * audit-purge: the server's daily purge of audit rows older than each
 * organisation's retention (issue 16): once at start, then every 24 hours,
 * on a thread of its own that holds a database connection only while it
 * purges. The command line does the same with 'salesgarden audit purge'.
 */
#ifndef SG_JOBS_AUDIT_PURGE_H
#define SG_JOBS_AUDIT_PURGE_H
#include "../db/db.h"

/* starts the thread; 0, or -1 when it cannot be started (logged) */
int audit_purge_start(struct db *db);
/* wakes and joins it: before the database is closed */
void audit_purge_stop(void);

#endif
