/* idindex: see idindex.h. */
#include "idindex.h"
#include <stdlib.h>

static int by_id(const void *pa, const void *pb)
{
	const struct id_index *x = pa, *y = pb;
	return x->id < y->id ? -1 : x->id > y->id;
}

struct id_index *id_index_build(struct arena *a, const int64_t *ids, size_t n)
{
	struct id_index *x = arena_alloc(a, (n + 1) * sizeof(*x));
	for (size_t i = 0; i < n; i++)
		x[i] = (struct id_index){ ids[i], i };
	qsort(x, n, sizeof(*x), by_id);
	return x;
}

long id_index_find(const struct id_index *x, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x[mid].id < id)
			lo = mid + 1;
		else if (x[mid].id > id)
			hi = mid;
		else
			return (long)x[mid].i;
	}
	return -1;
}
