/*
 * ordering: the lists an admin puts in order one place at a time — the
 * stages of the pipeline, the reasons, the traits and the sub-skills of a
 * trait. A move swaps an item with its neighbour and renumbers the list
 * 10, 20, 30, … (room for an insert between two), in one transaction.
 */
#ifndef SG_STORE_ORDERING_H
#define SG_STORE_ORDERING_H
#include "../db/db.h"
#include "../lib/err.h"
#include <stddef.h>
#include <stdint.h>

enum ordered_list { ORDERED_STAGES, ORDERED_REASONS, ORDERED_TRAITS, ORDERED_SUBSKILLS };

/* ids and positions: the n items of the list in their order now. Moves id
 * one place up (dir < 0) or down (dir > 0) and writes the positions that
 * change. E_NOTFOUND when id is not in the list; E_OK without writing when
 * it is first (up) or last (down) already. */
enum err order_move(struct db_conn *c, enum ordered_list list, int64_t org_id, const int64_t *ids,
		    const int *positions, size_t n, int64_t id, int dir);

#endif
