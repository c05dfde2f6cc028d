/*
 * throttle: the rules that slow down password guessing without letting a
 * stranger lock the owner out.
 *
 * Every sign-in attempt (and every "current password" on /account) passes
 * three gates in turn, each a counter of attempts in a fixed window of
 * THROTTLE_WINDOW seconds, counted atomically before the password is
 * checked, so parallel guesses cannot slip between a read and a write:
 *
 *   address   all attempts from one source address, whatever the account:
 *             beyond THROTTLE_ADDRESS_MAX the address is refused until its
 *             window ends (one machine guessing many accounts);
 *   pair      attempts from one address on one account: beyond
 *             THROTTLE_PAIR_MAX refused (one stranger guessing one account).
 *             The owner, from another address, has a pair of their own;
 *   account   attempts on one account from every address: the first
 *             THROTTLE_ACCOUNT_FREE go straight on; beyond them, attempts are
 *             spaced — one every THROTTLE_ACCOUNT_SPACING seconds for the
 *             whole account, the others told when to come back. A guesser
 *             with many addresses gains one guess per spacing; the owner's
 *             right password goes through at the next free slot.
 *
 * A right password gives its attempt back to all three, so the owner
 * signing in never counts towards a lock, nor do the many people who sign
 * in from one office behind one address. (Someone with an account of their
 * own can thus buy one more guess from their address per sign-in of their
 * own; the pair and account gates still bound what those guesses reach.)
 */
#ifndef SG_THROTTLE_H
#define SG_THROTTLE_H
#include <stdint.h>

#define THROTTLE_WINDOW (15 * 60)
#define THROTTLE_ADDRESS_MAX 30
#define THROTTLE_PAIR_MAX 5
#define THROTTLE_ACCOUNT_FREE 10
#define THROTTLE_ACCOUNT_SPACING 30

enum throttle_gate { THROTTLE_ADDRESS, THROTTLE_PAIR, THROTTLE_ACCOUNT };

enum throttle_verdict {
	THROTTLE_PASS,		/* go on to the next gate */
	THROTTLE_REFUSE,	/* refuse until the gate's window ends */
	THROTTLE_SPACED,	/* go on only with the account's next free slot */
};

/* attempts: this gate's count in its window, this attempt included */
enum throttle_verdict throttle_decide(enum throttle_gate g, int64_t attempts);

/* seconds from now until `until`, at least 1 when refusing (Retry-After) */
int64_t throttle_wait(int64_t until, int64_t now);

#endif
