/*
 * audit-purge: see audit-purge.h.
 */
#include "audit-purge.h"
#include "../store/audit.h"
#include "periodic.h"
#include "../lib/log.h"

#define PURGE_EVERY_SECONDS (24 * 60 * 60)

static void purge_once(struct db *db)
{
	struct db_conn *c = db_acquire(db, NULL);
	if (!c) {
		log_error("audit purge: no database connection; trying again in a day");
		return;
	}
	/* a purge of a large log may take longer than a page's limit */
	db_conn_statement_timeout(c, 0);
	int64_t deleted = 0;
	enum err e = audit_purge(c, 0, &deleted);
	if (e)
		log_error("audit purge: %s", db_errmsg(c));
	else if (deleted)
		log_info("audit purge: %lld rows older than the retention deleted", (long long)deleted);
	db_release(c);
}

static struct periodic job = PERIODIC_INIT("audit purge", PURGE_EVERY_SECONDS, purge_once);

int audit_purge_start(struct db *db)
{
	return periodic_start(&job, db);
}

void audit_purge_stop(void)
{
	periodic_stop(&job);
}
