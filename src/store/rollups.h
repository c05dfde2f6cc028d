/*
 * rollups: the per-rep, per-day sums that the figures read (migration 0027,
 * kept by triggers on every write) and the health signals of every open
 * deal that the coach's inbox reads (migration 0033), rebuilt and checked
 * against a full recomputation from the conversations, steps and deals.
 */
#ifndef SG_STORE_ROLLUPS_H
#define SG_STORE_ROLLUPS_H
#include "../db/db.h"
#include "../lib/strbuf.h"
#include "../lib/arena.h"
#include <stddef.h>
#include <stdint.h>

/* replaces the organisation's roll-up rows by the recomputation, in one
 * transaction */
enum err rollups_rebuild(struct db_conn *c, int64_t org_id);
/* compares the organisation's roll-ups with the recomputation: *ndiff is the
 * number of differing rows found (up to 5 of each kind per table), and out
 * gets one line for each ("<table> stored|recomputed: key..., values...") */
enum err rollups_check(struct db_conn *c, int64_t org_id, struct strbuf *out, int64_t *ndiff);

/* the organisations (id and slug, at most max, in id order): *n of them */
enum err rollups_orgs(struct db_conn *c, struct arena *a, int64_t **ids, const char ***slugs, size_t *n, size_t max);

#endif
