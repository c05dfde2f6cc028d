/* page-health: GET /healthz answers 200 "ok" when the database answers, else 503. */
#include "pages.h"
#include "../http/server.h"
#include "../store/health.h"

void page_healthz(struct request *r)
{
	r->content_type = "text/plain; charset=utf-8";
	int ok = store_ping(r->srv->db) == E_OK;
	r->status = ok ? 200 : 503;
	sb_adds(&r->out, ok ? "ok\n" : "unavailable\n");
}
