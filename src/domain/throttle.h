/*
 * throttle: the rule for slowing down password guessing. After
 * THROTTLE_MAX failed sign-ins for one address within THROTTLE_WINDOW
 * seconds, further attempts are refused until the oldest of those failures
 * leaves the window.
 */
#ifndef SG_THROTTLE_H
#define SG_THROTTLE_H
#include <stdint.h>

#define THROTTLE_MAX 5
#define THROTTLE_WINDOW (15 * 60)

/* failures: number of failures in [now - WINDOW, now]; oldest: time of the
 * oldest of them. Returns seconds to wait, 0 when an attempt is allowed. */
int64_t throttle_wait(int64_t failures, int64_t oldest, int64_t now);

#endif
