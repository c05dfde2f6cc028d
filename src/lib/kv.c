/*
 * kv: see kv.h. Limits: at most 1,000 fields per form, so a hostile body
 * cannot make us build an enormous list.
 */
#include "kv.h"
#include <string.h>

#define KV_MAX 1000

int utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		if (c < 0x80) {
			if (c == 0)
				return 0;
			i++;
			continue;
		}
		size_t n;
		unsigned min;
		if ((c & 0xE0) == 0xC0) { n = 1; min = 0x80; c &= 0x1F; }
		else if ((c & 0xF0) == 0xE0) { n = 2; min = 0x800; c &= 0x0F; }
		else if ((c & 0xF8) == 0xF0) { n = 3; min = 0x10000; c &= 0x07; }
		else return 0;
		if (len - i <= n)
			return 0;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			c = (c << 6) | (s[i + k] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return 0;
		i += n + 1;
	}
	return 1;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

/* decodes %XX and '+'; returns NULL on a broken escape or bad UTF-8 */
static char *decode(struct arena *a, const char *s, size_t len)
{
	char *out = arena_alloc(a, len + 1);
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '+') {
			out[o++] = ' ';
		} else if (c == '%') {
			if (i + 2 >= len)
				return NULL;
			int h = hexval(s[i + 1]), l = hexval(s[i + 2]);
			if (h < 0 || l < 0)
				return NULL;
			out[o++] = (char)(h * 16 + l);
			i += 2;
		} else {
			out[o++] = c;
		}
	}
	out[o] = '\0';
	if (!utf8_valid(out, o))
		return NULL;
	return out;
}

int kv_parse_urlencoded(struct arena *a, const char *s, size_t len, struct kvlist *out,
			const char **bad_field)
{
	out->items = NULL;
	out->n = 0;
	if (bad_field)
		*bad_field = NULL;
	if (!s || !len)
		return 0;
	size_t count = 1;
	for (size_t i = 0; i < len; i++)
		if (s[i] == '&')
			count++;
	if (count > KV_MAX) {
		if (bad_field)
			*bad_field = "";
		return -1;
	}
	out->items = arena_alloc(a, count * sizeof(struct kv));
	size_t start = 0;
	while (start <= len) {
		size_t end = start;
		while (end < len && s[end] != '&')
			end++;
		if (end > start) {
			const char *pair = s + start;
			size_t plen = end - start;
			const char *eq = memchr(pair, '=', plen);
			size_t klen = eq ? (size_t)(eq - pair) : plen;
			char *k = decode(a, pair, klen);
			char *v = eq ? decode(a, eq + 1, plen - klen - 1) : arena_strdup(a, "");
			if (!k || !v) {
				if (bad_field && k) {
					*bad_field = k;
				} else if (bad_field) {
					/* the name itself is broken: show its valid start */
					size_t n = klen > 64 ? 64 : klen;
					while (n && !utf8_valid(pair, n))
						n--;
					*bad_field = arena_strndup(a, pair, n);
				}
				return -1;
			}
			out->items[out->n].key = k;
			out->items[out->n].val = v;
			out->n++;
		}
		start = end + 1;
	}
	return 0;
}

void kv_parse_cookies(struct arena *a, const char *s, struct kvlist *out)
{
	out->items = NULL;
	out->n = 0;
	if (!s)
		return;
	size_t count = 1;
	for (const char *p = s; *p; p++)
		if (*p == ';')
			count++;
	if (count > KV_MAX)
		count = KV_MAX;
	out->items = arena_alloc(a, count * sizeof(struct kv));
	const char *p = s;
	while (*p && out->n < count) {
		while (*p == ' ' || *p == '\t')
			p++;
		const char *end = strchr(p, ';');
		if (!end)
			end = p + strlen(p);
		const char *eq = memchr(p, '=', (size_t)(end - p));
		if (eq && eq > p) {
			const char *ke = eq;
			while (ke > p && (ke[-1] == ' ' || ke[-1] == '\t'))
				ke--;
			const char *v = eq + 1, *ve = end;
			while (v < ve && (*v == ' ' || *v == '\t'))
				v++;
			while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
				ve--;
			if (ve - v >= 2 && *v == '"' && ve[-1] == '"') {
				v++;
				ve--;
			}
			if (ke > p) {
				out->items[out->n].key = arena_strndup(a, p, (size_t)(ke - p));
				out->items[out->n].val = arena_strndup(a, v, (size_t)(ve - v));
				out->n++;
			}
		}
		p = *end ? end + 1 : end;
	}
}

const char *kv_get_nth(const struct kvlist *l, const char *key, size_t nth)
{
	for (size_t i = 0; l && i < l->n; i++)
		if (!strcmp(l->items[i].key, key) && nth-- == 0)
			return l->items[i].val;
	return NULL;
}

const char *kv_get(const struct kvlist *l, const char *key)
{
	return kv_get_nth(l, key, 0);
}
