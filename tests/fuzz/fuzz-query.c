/*
 * fuzz-query: libFuzzer harness for query strings — kv_parse_urlencoded on a
 * NUL-terminated string as the router parses r->raw_query, then the lookups
 * pages make (kv_get, kv_get_nth for repeated keys).
 */
#include "lib/kv.h"
#include "lib/arena.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *q = malloc(size + 1);
	memcpy(q, data, size);
	q[size] = '\0';
	struct arena *a = arena_new();
	struct kvlist l;
	const char *bad = NULL;
	if (kv_parse_urlencoded(a, q, strlen(q), &l, &bad) == 0) {
		static const char *const keys[] = { "next", "q", "page", "team", "sort", "lang", "" };
		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
			size_t n = 0;
			while (kv_get_nth(&l, keys[k], n))
				n++;
			if (n > l.n || (n > 0) != (kv_get(&l, keys[k]) != NULL))
				abort();
		}
		/* the i-th item is the nth value of its key, n counting the same key before it */
		for (size_t i = 0; i < l.n && i < 64; i++) {
			size_t nth = 0;
			for (size_t j = 0; j < i; j++)
				nth += !strcmp(l.items[j].key, l.items[i].key);
			if (kv_get_nth(&l, l.items[i].key, nth) != l.items[i].val)
				abort();
		}
	} else if (!bad) {
		abort();
	}
	arena_free(a);
	free(q);
	return 0;
}
