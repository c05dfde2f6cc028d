/*
 * signin: the sign-in throttle at work for a request — the three gates of
 * domain/throttle.h passed in turn against the counters in the store, for
 * the login form and for the "current password" on /account alike (both
 * guess the same secret).
 */
#ifndef SG_WEB_SIGNIN_H
#define SG_WEB_SIGNIN_H
#include "../http/request.h"

struct signin_gate {
	const char *address_key, *pair_key, *account_key;
	int64_t retry_after;		/* seconds, when E_THROTTLED */
};

/* counts this attempt for the client's address and the account `email`:
 * E_OK to go on and check the password, E_THROTTLED (g->retry_after set),
 * or a database error */
enum err signin_gate_enter(struct request *r, const char *email, struct signin_gate *g);
/* the password was right: the attempt does not count at all */
void signin_gate_passed(struct request *r, const struct signin_gate *g);
/* "Too many failed attempts. Try again in N minutes." and Retry-After */
const char *signin_throttled(struct request *r, const struct signin_gate *g);

#endif
