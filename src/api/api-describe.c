/*
 * api-describe: GET /api/v1 and /api/v1/openapi.json — the OpenAPI 3.0
 * description of the API. It lives in src/api/openapi.json, built into the
 * binary by the Makefile's embed step and served as it is: a JSON file is
 * easier to read and to keep than the C that used to build it.
 * tests/unit/test-openapi.c holds it to the code: every /api route is
 * described with its method, every described path is a route, and the
 * vocabulary (error codes, limits, reason codes…) is the code's. When an
 * endpoint changes, change its entry there in the same commit.
 */
#include "api.h"
#include "../lib/assets.h"
#include "../lib/log.h"

void api_describe(struct request *r)
{
	const struct asset *a = asset_find("api/openapi.json");
	if (!a) {
		log_error("GET %s: the OpenAPI description is not built in", r->path);
		resp_error(r, E_INTERNAL, T("Something went wrong on our side."));
		return;
	}
	sb_reset(&r->out);
	sb_add(&r->out, a->data, a->len);
	r->status = 200;
	r->content_type = "application/json";
}
