/*
 * idindex: where an id stands in an array of ids — sorted once, then found
 * by binary search (a leaderboard matches 1,000 reps' rows to its list of
 * reps: a linear look-up per row was O(n²)).
 */
#ifndef SG_IDINDEX_H
#define SG_IDINDEX_H
#include "arena.h"
#include <stddef.h>
#include <stdint.h>

struct id_index {
	int64_t id;
	size_t i;	/* its position in the array given */
};

/* ids[0..n) indexed by id, in a (a repeated id: one of its positions) */
struct id_index *id_index_build(struct arena *a, const int64_t *ids, size_t n);
/* the position of id in the array the index was built from, -1 when absent */
long id_index_find(const struct id_index *x, size_t n, int64_t id);

#endif
