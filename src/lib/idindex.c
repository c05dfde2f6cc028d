/* idindex: see idindex.h. */
#include "idindex.h"
#include <stdlib.h>

struct id_pos {
	int64_t id;
	size_t i;	/* its position in the array given */
};

struct id_index {
	size_t n;
	int64_t lo;		/* a table: the smallest id */
	uint64_t span;		/* a table: how many ids from lo it covers; 0 when searched */
	long *at;		/* a table: the position of id lo + k, -1 when absent */
	struct id_pos *sorted;	/* searched: by id */
};

static int by_id(const void *pa, const void *pb)
{
	const struct id_pos *x = pa, *y = pb;
	return x->id < y->id ? -1 : x->id > y->id;
}

const struct id_index *id_index_build(struct arena *a, const int64_t *ids, size_t n)
{
	struct id_index *x = arena_alloc(a, sizeof(*x));
	x->n = n;
	if (!n)
		return x;
	int64_t lo = ids[0], hi = ids[0];
	for (size_t i = 1; i < n; i++) {
		if (ids[i] < lo)
			lo = ids[i];
		if (ids[i] > hi)
			hi = ids[i];
	}
	/* hi - lo in unsigned arithmetic: no overflow for any two int64_t */
	uint64_t width = (uint64_t)hi - (uint64_t)lo;
	if (width < (uint64_t)n * 4 + 64) {
		x->lo = lo;
		x->span = width + 1;
		x->at = arena_alloc(a, x->span * sizeof(long));
		for (uint64_t k = 0; k < x->span; k++)
			x->at[k] = -1;
		/* backwards, so that a repeated id keeps its first position */
		for (size_t i = n; i-- > 0;)
			x->at[(uint64_t)ids[i] - (uint64_t)lo] = (long)i;
		return x;
	}
	x->sorted = arena_alloc(a, n * sizeof(*x->sorted));
	for (size_t i = 0; i < n; i++)
		x->sorted[i] = (struct id_pos){ ids[i], i };
	qsort(x->sorted, n, sizeof(*x->sorted), by_id);
	return x;
}

long id_index_find(const struct id_index *x, int64_t id)
{
	if (x->span) {
		uint64_t k = (uint64_t)id - (uint64_t)x->lo;
		return k < x->span ? x->at[k] : -1;
	}
	size_t lo = 0, hi = x->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->sorted[mid].id < id)
			lo = mid + 1;
		else if (x->sorted[mid].id > id)
			hi = mid;
		else
			return (long)x->sorted[mid].i;
	}
	return -1;
}
