/* page-static: the stylesheet, script, icons and Chart.js, built into the binary. */
#include "pages.h"
#include "ui.h"
#include "../lib/assets.h"
#include <string.h>

static const char *mime(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot)
		return "application/octet-stream";
	if (!strcmp(dot, ".css")) return "text/css; charset=utf-8";
	if (!strcmp(dot, ".js")) return "text/javascript; charset=utf-8";
	if (!strcmp(dot, ".svg")) return "image/svg+xml";
	if (!strcmp(dot, ".png")) return "image/png";
	return "application/octet-stream";
}

void page_static(struct request *r)
{
	const struct asset *a = NULL;
	if (r->tail && !strstr(r->tail, ".."))
		a = asset_find(arena_printf(r->a, "static/%s", r->tail));
	if (!a) {
		resp_error(r, E_NOTFOUND, T("There is no page at this address."));
		return;
	}
	r->status = 200;
	r->content_type = mime(a->name);
	resp_header(r, "Cache-Control", "public, max-age=3600");
	sb_add(&r->out, a->data, a->len);
}
