/*
 * candidate-retention: anonymising the candidates whose data is past its
 * retention date (issue 11, "Candidates' data"; the rule is
 * domain/recruit-retention.h, the writes store/candidate-data.h). The
 * server runs it once at start and then every 24 hours, on a thread of its
 * own that holds a database connection only while it works; the command
 * line does the same with 'salesgarden candidates anonymise [--org SLUG]'.
 */
#ifndef SG_JOBS_CANDIDATE_RETENTION_H
#define SG_JOBS_CANDIDATE_RETENTION_H
#include <stdint.h>
#include "../db/db.h"

/* anonymises every due candidate of the organisation (0: of every
 * organisation) as of today, each in its own transaction with its audit
 * row; *anonymised counts them (also when an error stops the run) */
enum err candidate_retention_run(struct db_conn *c, int64_t org_id, const char *today, int64_t *anonymised);

/* starts the thread; 0, or -1 when it cannot be started (logged) */
int candidate_retention_start(struct db *db);
/* wakes and joins it: before the database is closed */
void candidate_retention_stop(void);

#endif
