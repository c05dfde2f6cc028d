/*
 * fuzz-form: libFuzzer harness for kv_parse_urlencoded on form bodies — the
 * bytes a browser (or anyone) posts. The input is used as is, without a
 * terminating NUL, as the router passes a body; every field it returns must
 * be valid UTF-8 and NUL-free, and a failure must name a field.
 */
#include "lib/kv.h"
#include "lib/arena.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, so ASan catches a read one past the end */
	char *body = malloc(size ? size : 1);
	if (size)
		memcpy(body, data, size);
	struct arena *a = arena_new();
	struct kvlist l;
	const char *bad = NULL;
	int rc = kv_parse_urlencoded(a, body, size, &l, &bad);
	if (rc == 0) {
		if (bad || l.n > 1000)
			abort();
		for (size_t i = 0; i < l.n; i++) {
			if (!l.items[i].key || !l.items[i].val)
				abort();
			if (!utf8_valid(l.items[i].key, strlen(l.items[i].key)) ||
			    !utf8_valid(l.items[i].val, strlen(l.items[i].val)))
				abort();
			/* the first value of a key is the one kv_get returns */
			const char *v = kv_get(&l, l.items[i].key);
			if (!v)
				abort();
		}
	} else if (rc != -1 || !bad) {
		abort();
	}
	arena_free(a);
	free(body);
	return 0;
}
