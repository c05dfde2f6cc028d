/*
 * inbox (service): the coach's inbox (issue 10) gathered for one caller —
 * one floor above the stores, as it joins every part's "what needs the
 * manager now": one-on-ones (store/one-on-ones.c + domain/cadence.c),
 * strung-along deals (store/deals.c + the strung-along rule), commitment
 * rates (store/figures.c), improve_needs (service/improve-needs.c),
 * pulse_needs_now (service/pulse.c), learning and the library
 * (store/inbox.c, store/library.c), targets (store/numbers.c),
 * kudos_manager_needs (store/kudos.c) — and applies domain/inbox.c's rules,
 * the caller's dismissals and snoozes, and the order.
 *
 * A manager's inbox covers the teams they lead; an admin's every team
 * (access_inbox_rep), each source under its own part's rule (see
 * service/inbox.c). The pulse comes only through pulse_needs_now: risks
 * the rep SHARED with the caller and team averages that may be shown —
 * nothing about an unshared rep, not even in a count.
 *
 * Each item's sentence is made here in the caller's language, so the pages
 * and the API say the same thing.
 */
#ifndef SG_SERVICE_INBOX_H
#define SG_SERVICE_INBOX_H
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../domain/access.h"
#include "../domain/inbox.h"

struct inbox {
	struct inbox_item *items;	/* shown: most urgent first */
	size_t n;
	size_t hidden;			/* dismissed or snoozed today */
	/* the strung-along open deals of every owner in the caller's deal
	 * scope (not only the reps with an item): what the home page shows
	 * beside the inbox, counted once for both */
	long strung_deals;
};

/* the caller's inbox today; an empty one for a caller without an inbox */
enum err inbox_gather(struct db_conn *c, struct arena *a, const struct viewer *v, enum lang lang,
		      const char *today, struct inbox *out);

/* the item with this key in the caller's inbox today, dismissed or not
 * (NULL when there is none: the situation is over or never was theirs) */
enum err inbox_find(struct db_conn *c, struct arena *a, const struct viewer *v, enum lang lang, const char *today,
		    const char *key, struct inbox_item **out);

#endif
