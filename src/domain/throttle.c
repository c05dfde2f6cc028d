/* throttle: see throttle.h. */
#include "throttle.h"

enum throttle_verdict throttle_decide(enum throttle_gate g, int64_t attempts)
{
	switch (g) {
	case THROTTLE_ADDRESS:
		return attempts > THROTTLE_ADDRESS_MAX ? THROTTLE_REFUSE : THROTTLE_PASS;
	case THROTTLE_PAIR:
		return attempts > THROTTLE_PAIR_MAX ? THROTTLE_REFUSE : THROTTLE_PASS;
	case THROTTLE_ACCOUNT:
		return attempts > THROTTLE_ACCOUNT_FREE ? THROTTLE_SPACED : THROTTLE_PASS;
	}
	return THROTTLE_REFUSE;
}

int64_t throttle_wait(int64_t until, int64_t now)
{
	return until > now ? until - now : 1;
}
