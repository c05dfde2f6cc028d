/*
 * kv: parsers for the name=value lists a request carries: URL-encoded forms
 * and query strings (application/x-www-form-urlencoded) and Cookie headers.
 * They are the server's first contact with untrusted bytes, so each has a
 * libFuzzer harness (tests/fuzz/). All memory comes from the caller's arena.
 */
#ifndef SG_KV_H
#define SG_KV_H
#include <stddef.h>
#include "arena.h"

struct kv {
	const char *key;
	const char *val;
};

struct kvlist {
	struct kv *items;
	size_t n;
};

/* Parses "a=1&b=x%20y". Returns 0, or -1 with *bad_field set to the name of
 * the first field whose encoding is broken (bad %-escape, invalid UTF-8, NUL). */
int kv_parse_urlencoded(struct arena *a, const char *s, size_t len, struct kvlist *out,
			const char **bad_field);
/* Parses "a=1; b=2". Malformed pairs are skipped, as browsers do. */
void kv_parse_cookies(struct arena *a, const char *s, struct kvlist *out);

const char *kv_get(const struct kvlist *l, const char *key);
/* nth value of a repeated key (checkboxes), NULL past the end */
const char *kv_get_nth(const struct kvlist *l, const char *key, size_t nth);

int utf8_valid(const char *s, size_t len);

#endif
