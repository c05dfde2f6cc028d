/* throttle: see throttle.h. */
#include "throttle.h"

int64_t throttle_wait(int64_t failures, int64_t oldest, int64_t now)
{
	if (failures < THROTTLE_MAX)
		return 0;
	int64_t until = oldest + THROTTLE_WINDOW;
	return until > now ? until - now : 0;
}
