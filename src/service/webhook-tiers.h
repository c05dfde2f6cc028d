/*
 * webhook-tiers: the tier.changed webhook event (issue 16). Tiers are not
 * stored: they are computed from targets and results (domain/tiers-grid.c,
 * as the tiers page does). So the delivery worker's sweep computes, for each
 * organisation with a subscription to tier.changed, every rep's tier in
 * this quarter and the quarter before, and enqueues tier.changed when this
 * quarter's tier differs from the last one's: once per rep, quarter and
 * tier reached (the outbox's dedupe key "tier.changed:REP:2026-Q4:core"),
 * so a rep who climbs from underperformer to core to superstar within a
 * quarter is told at each step, and never twice for one. It coordinates several
 * stores and a domain rule, hence a service.
 */
#ifndef SG_SERVICE_WEBHOOK_TIERS_H
#define SG_SERVICE_WEBHOOK_TIERS_H
#include "../db/db.h"

/* today: "YYYY-MM-DD" */
enum err webhook_tiers_sweep(struct db_conn *c, const char *today);

#endif
