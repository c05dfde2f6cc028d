/*
 * route: the route table's shape. Who may call a route, whether it needs a
 * CSRF token, whether it answers JSON and how large a body it takes are
 * flags here, checked by the router before the handler runs — a handler
 * never sees a request it did not ask for.
 */
#ifndef SG_ROUTE_H
#define SG_ROUTE_H
#include "request.h"

enum route_flags {
	/* who: exactly one of these */
	R_ANON = 1 << 0,	/* anyone, signed in or not */
	R_REP = 1 << 1,		/* any signed-in user */
	R_MANAGER = 1 << 2,	/* managers and admins */
	R_ADMIN = 1 << 3,	/* admins */
	/* what */
	R_CSRF = 1 << 4,	/* needs the CSRF token (unless called with an API token) */
	R_JSON = 1 << 5,	/* answers JSON; errors as {"error","message"} */
	R_NODB = 1 << 6,	/* needs no database connection */
	R_UPLOAD = 1 << 7,	/* takes large bodies (imports) */
};

typedef void (*handler_fn)(struct request *r);

struct route {
	const char *method;
	const char *pattern;	/* "/api/v1/teams/:id" */
	handler_fn fn;
	unsigned flags;
};

extern const struct route routes[];
extern const size_t routes_count;

/* finds the route for method and path, filling r->id; NULL when none.
 * *path_known is set when some route matches the path with another method. */
const struct route *route_match(struct request *r, const char *method, const char *path, int *path_known);

#endif
