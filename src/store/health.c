/* health: see health.h. */
#include "health.h"

/* the ping's own time limit: a database that takes longer than this to
 * answer "SELECT 1" is not healthy, whatever limit the requests' statements
 * have (serve --statement-timeout may be set far lower or higher) */
#define PING_TIMEOUT_MS 2000

enum err store_ping(struct db *db)
{
	struct db_conn *c = db_acquire(db, NULL);
	if (!c)
		return E_UNAVAILABLE;
	db_conn_statement_timeout(c, PING_TIMEOUT_MS);
	struct db_stmt *st = db_query(c, "SELECT 1", NULL, 0);
	int row = db_step(st) == DB_ROW;
	enum err e = db_finish(st);
	db_release(c);
	return e ? e : row ? E_OK : E_INTERNAL;
}
