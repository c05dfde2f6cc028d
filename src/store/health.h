/*
 * health: whether the database answers, for /healthz. The one query that
 * is about the database itself rather than an organisation's data, so it
 * takes the pool, not a connection: the health check must not wait behind
 * the request's own connection (it has none: R_NODB).
 */
#ifndef SG_STORE_HEALTH_H
#define SG_STORE_HEALTH_H
#include "../db/db.h"

/* E_OK when a connection can be had and answers a trivial query within
 * two seconds (its own limit, not the requests' statement limit);
 * E_UNAVAILABLE when none can be had, else the query's error */
enum err store_ping(struct db *db);

#endif
