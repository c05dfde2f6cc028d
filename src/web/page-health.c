/* page-health: GET /healthz answers 200 "ok" when the database answers, else 503. */
#include "pages.h"
#include "../http/server.h"

void page_healthz(struct request *r)
{
	r->content_type = "text/plain; charset=utf-8";
	struct db_conn *c = db_acquire(r->srv->db, NULL);
	int ok = 0;
	if (c) {
		struct db_stmt *st = db_query(c, "SELECT 1", NULL, 0);
		ok = db_step(st) == DB_ROW;
		ok = !db_finish(st) && ok;
		db_release(c);
	}
	r->status = ok ? 200 : 503;
	sb_adds(&r->out, ok ? "ok\n" : "unavailable\n");
}
