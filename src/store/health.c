/* health: see health.h. */
#include "health.h"

enum err store_ping(struct db *db)
{
	struct db_conn *c = db_acquire(db, NULL);
	if (!c)
		return E_UNAVAILABLE;
	struct db_stmt *st = db_query(c, "SELECT 1", NULL, 0);
	int row = db_step(st) == DB_ROW;
	enum err e = db_finish(st);
	db_release(c);
	return e ? e : row ? E_OK : E_INTERNAL;
}
