/*
 * fuzz-cookie: libFuzzer harness for kv_parse_cookies on Cookie headers. Pairs
 * it keeps have a non-empty key without surrounding blanks; there are never
 * more than 1,000 of them.
 */
#include "lib/kv.h"
#include "lib/arena.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *h = malloc(size + 1);
	memcpy(h, data, size);
	h[size] = '\0';
	struct arena *a = arena_new();
	struct kvlist l;
	kv_parse_cookies(a, h, &l);
	if (l.n > 1000)
		abort();
	for (size_t i = 0; i < l.n; i++) {
		const char *k = l.items[i].key, *v = l.items[i].val;
		size_t kl = strlen(k);
		if (!kl || !v || strchr(k, ';') || strchr(v, ';') || strchr(k, '='))
			abort();
		if (k[0] == ' ' || k[0] == '\t' || k[kl - 1] == ' ' || k[kl - 1] == '\t')
			abort();
	}
	(void)kv_get(&l, "sg_session");
	(void)kv_get(&l, "sg_csrf");
	(void)kv_get(&l, "sg_lang");
	arena_free(a);
	free(h);
	return 0;
}
