/*
 * router: takes a request whose route is known and whose body has arrived,
 * and runs the checks every route shares before calling its handler:
 * body size, parsing, database, authentication, role, CSRF, language.
 */
#ifndef SG_ROUTER_H
#define SG_ROUTER_H
#include "request.h"

void router_dispatch(struct request *r);

#endif
