/*
 * routes: the hidden command `salesgarden routes`, which prints the route
 * table as JSON — [{"method","pattern","flags":["rep","csrf",...]}] — for
 * tests/e2e/route-matrix.test.mjs, which fails when a route has no row in
 * its table of who may call it. Not listed by help: it is for the tests.
 */
#include "cmd.h"
#include "../http/route.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

static const struct {
	unsigned flag;
	const char *name;
} flag_names[] = {
	{ R_ANON, "anon" }, { R_REP, "rep" }, { R_MANAGER, "manager" }, { R_ADMIN, "admin" },
	{ R_CSRF, "csrf" }, { R_JSON, "json" }, { R_NODB, "nodb" }, { R_UPLOAD, "upload" },
};

int cmd_routes(int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return cmd_usage("routes");
	json_t *list = json_array();
	for (size_t i = 0; list && i < routes_count; i++) {
		json_t *flags = json_array();
		for (size_t k = 0; flags && k < sizeof(flag_names) / sizeof(flag_names[0]); k++)
			if (routes[i].flags & flag_names[k].flag)
				json_array_append_new(flags, json_string(flag_names[k].name));
		if (json_array_append_new(list, json_pack("{s:s, s:s, s:o*}", "method", routes[i].method, "pattern",
							  routes[i].pattern, "flags", flags))) {
			json_decref(list);
			list = NULL;
		}
	}
	char *text = list ? json_dumps(list, JSON_INDENT(1)) : NULL;
	json_decref(list);
	if (!text)
		return cmd_error("the route table could not be written as JSON");
	puts(text);
	free(text);
	return 0;
}
