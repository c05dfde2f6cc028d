/*
 * fuzz-json: libFuzzer harness for JSON request bodies, parsed as the router
 * does (json_loadb with JSON_REJECT_DUPLICATES) and then read as the API
 * handlers read them: an object, its "name", "email", "team_id", "role" and
 * "password" members checked with json_is_* before use, strings copied into
 * the request's arena.
 */
#include "lib/arena.h"
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *text_of(struct arena *a, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (!v || !json_is_string(v))
		return NULL;
	/* strings may hold NUL ("\u0000"); the API must see where they end */
	size_t n = json_string_length(v);
	const char *s = json_string_value(v);
	if (strlen(s) > n)
		abort();
	return arena_strndup(a, s, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	json_error_t je;
	json_t *root = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		/* the message the router puts in its reply is a terminated string */
		if (!memchr(je.text, '\0', sizeof(je.text)))
			abort();
		arena_free(a);
		return 0;
	}
	if (json_is_object(root)) {
		(void)text_of(a, root, "name");
		(void)text_of(a, root, "email");
		(void)text_of(a, root, "role");
		(void)text_of(a, root, "password");
		json_t *team = json_object_get(root, "team_id");
		if (team) {
			if (json_is_integer(team)) {
				json_int_t id = json_integer_value(team);
				(void)arena_printf(a, "%lld", (long long)id);
			} else if (!json_is_null(team) && !json_is_string(team) && !json_is_real(team) &&
				   !json_is_boolean(team) && !json_is_object(team) && !json_is_array(team)) {
				abort();	/* every value has one of the types */
			}
		}
		/* walking all members, as a handler that rejects unknown fields does */
		const char *key;
		json_t *value;
		size_t n = 0;
		json_object_foreach(root, key, value) {
			if (!key || !value)
				abort();
			n++;
		}
		if (n != json_object_size(root))
			abort();
		char *again = json_dumps(root, JSON_COMPACT);
		free(again);
	}
	json_decref(root);
	arena_free(a);
	return 0;
}
