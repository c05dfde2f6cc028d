/* page-health: GET /healthz answers 200 "ok" when the database answers, else
 * 503; GET /metrics what the server has done, for Prometheus (http/metrics.c). */
#include "pages.h"
#include "../http/server.h"
#include "../store/health.h"
#include "../http/metrics.h"
#include "../domain/access.h"
#include <strings.h>

void page_healthz(struct request *r)
{
	r->content_type = "text/plain; charset=utf-8";
	int ok = store_ping(r->srv->db) == E_OK;
	r->status = ok ? 200 : 503;
	sb_adds(&r->out, ok ? "ok\n" : "unavailable\n");
}

void page_metrics(struct request *r)
{
	r->content_type = "text/plain; charset=utf-8";
	const char *authz = req_header(r, "Authorization");
	const char *bearer = authz && !strncasecmp(authz, "Bearer ", 7) ? authz + 7 : NULL;
	int forwarded = req_header(r, "X-Forwarded-For") || req_header(r, "X-Forwarded-Proto") ||
			req_header(r, "Forwarded");
	if (!access_metrics(req_peer_is_loopback(r), forwarded, r->srv->metrics_token, bearer)) {
		r->status = 403;
		sb_adds(&r->out, "The metrics are for this machine, or for callers with the token "
			"(SALESGARDEN_METRICS_TOKEN; Authorization: Bearer TOKEN).\n");
		return;
	}
	/* Prometheus' text format, version 0.0.4 */
	r->content_type = "text/plain; version=0.0.4; charset=utf-8";
	r->status = 200;
	metrics_write(&r->out, r->srv);
}
