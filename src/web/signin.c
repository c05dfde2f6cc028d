/* signin: see signin.h. */
#include "signin.h"
#include "../store/auth.h"
#include "../domain/throttle.h"
#include "../lib/util.h"
#include <sodium.h>

enum err signin_gate_enter(struct request *r, const char *email, struct signin_gate *g)
{
	const char *addr = req_client_address(r);
	const char *addr_key = g->address_key = arena_printf(r->a, "a:%s", addr);
	g->pair_key = arena_printf(r->a, "p:%s %s", addr, email);
	g->account_key = arena_printf(r->a, "u:%s", email);
	g->retry_after = 0;
	int64_t now = now_epoch(), n = 0, end = 0;
	const char *keys[] = { addr_key, g->pair_key, g->account_key };
	const enum throttle_gate gates[] = { THROTTLE_ADDRESS, THROTTLE_PAIR, THROTTLE_ACCOUNT };
	for (int i = 0; i < 3; i++) {
		enum err e = throttle_hit(r->db, keys[i], now, THROTTLE_WINDOW, &n, &end);
		if (e)
			return e;
		enum throttle_verdict v = throttle_decide(gates[i], n);
		if (v == THROTTLE_REFUSE) {
			g->retry_after = throttle_wait(end, now);
			return E_THROTTLED;
		}
		if (v == THROTTLE_SPACED) {
			int64_t next = 0;
			e = throttle_take_slot(r->db, keys[i], now, THROTTLE_ACCOUNT_SPACING, &next);
			if (e == E_THROTTLED)
				g->retry_after = throttle_wait(next, now);
			return e;
		}
	}
	/* now and then, counters of windows long gone are forgotten */
	if (randombytes_uniform(64) == 0)
		throttle_sweep(r->db, now - 2 * THROTTLE_WINDOW);
	return E_OK;
}

void signin_gate_passed(struct request *r, const struct signin_gate *g)
{
	throttle_forgive(r->db, g->address_key);
	throttle_forgive(r->db, g->pair_key);
	throttle_forgive(r->db, g->account_key);
}

const char *signin_throttled(struct request *r, const struct signin_gate *g)
{
	resp_header(r, "Retry-After", arena_printf(r->a, "%lld", (long long)g->retry_after));
	long minutes = (long)((g->retry_after + 59) / 60);
	return arena_printf(r->a, trn(r->lang, "Too many failed attempts. Try again in %ld minute.",
				      "Too many failed attempts. Try again in %ld minutes.", minutes), minutes);
}
