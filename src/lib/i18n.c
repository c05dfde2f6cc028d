/*
 * i18n: see i18n.h. A .mo file holds two tables of (length, offset) pairs,
 * originals sorted by msgfmt, so a lookup is a binary search.
 */
#include "i18n.h"
#include "xalloc.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

struct catalog {
	const unsigned char *data;
	size_t len;
	uint32_t n, orig, trans;
	int swap;
};

static struct catalog cats[LANG_COUNT];

static uint32_t rd(const struct catalog *c, size_t off)
{
	if (off + 4 > c->len)
		return 0;
	uint32_t v;
	memcpy(&v, c->data + off, 4);
	if (c->swap)
		v = __builtin_bswap32(v);
	return v;
}

void i18n_load(enum lang l, const unsigned char *mo, size_t len)
{
	struct catalog c = { mo, len, 0, 0, 0, 0 };
	if (len < 28)
		return;
	uint32_t magic;
	memcpy(&magic, mo, 4);
	if (magic == 0xde120495)
		c.swap = 1;
	else if (magic != 0x950412de)
		return;
	c.n = rd(&c, 8);
	c.orig = rd(&c, 12);
	c.trans = rd(&c, 16);
	if ((size_t)c.orig + (size_t)c.n * 8 > len || (size_t)c.trans + (size_t)c.n * 8 > len)
		return;
	cats[l] = c;
}

static const char *entry(const struct catalog *c, uint32_t table, uint32_t i, uint32_t *len)
{
	uint32_t l = rd(c, table + i * 8), off = rd(c, table + i * 8 + 4);
	if ((size_t)off + l >= c->len)
		return NULL;
	*len = l;
	return (const char *)c->data + off;
}

/* returns the translation (all plural forms, NUL-separated) or NULL */
static const char *lookup(enum lang l, const char *key, size_t keylen, uint32_t *tlen)
{
	if ((unsigned)l >= LANG_COUNT || !cats[l].data)
		return NULL;
	const struct catalog *c = &cats[l];
	uint32_t lo = 0, hi = c->n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2, olen;
		const char *o = entry(c, c->orig, mid, &olen);
		if (!o)
			return NULL;
		size_t cmpn = olen < keylen ? olen : keylen;
		int cmp = memcmp(key, o, cmpn);
		if (!cmp)
			cmp = keylen < olen ? -1 : keylen > olen ? 1 : 0;
		if (!cmp) {
			const char *t = entry(c, c->trans, mid, tlen);
			return t && *tlen ? t : NULL;
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *tr(enum lang l, const char *msgid)
{
	uint32_t tl;
	const char *t = lookup(l, msgid, strlen(msgid), &tl);
	return t ? t : msgid;
}

const char *trn(enum lang l, const char *singular, const char *plural, long n)
{
	/* the key of a plural entry is "singular\0plural" */
	size_t sl = strlen(singular), pl = strlen(plural);
	char stackbuf[512];
	char *key = sl + pl + 1 < sizeof(stackbuf) ? stackbuf : xmalloc(st_add(st_add(sl, pl), 1));
	memcpy(key, singular, sl + 1);
	memcpy(key + sl + 1, plural, pl);
	uint32_t tl;
	const char *t = lookup(l, key, sl + 1 + pl, &tl);
	if (key != stackbuf)
		free(key);
	if (!t)
		return n == 1 ? singular : plural;
	/* en, nl and nb share the rule nplurals=2; plural=(n != 1) */
	if (n != 1) {
		const char *second = memchr(t, '\0', tl);
		if (second && second + 1 < t + tl)
			return second + 1;
	}
	return t;
}

static const char *const codes[LANG_COUNT] = { "en", "nl", "nb" };
static const char *const names[LANG_COUNT] = { "English", "Nederlands", "Norsk bokmål" };

const char *lang_code(enum lang l)
{
	return (unsigned)l < LANG_COUNT ? codes[l] : "en";
}

const char *lang_name(enum lang l)
{
	return (unsigned)l < LANG_COUNT ? names[l] : names[0];
}

int lang_parse(const char *code)
{
	if (!code)
		return -1;
	for (int i = 0; i < LANG_COUNT; i++)
		if (!strcasecmp(code, codes[i]))
			return i;
	return -1;
}

/* maps a primary language subtag to ours; Norwegian "no" and "nn" read bokmål */
static int primary(const char *tag, size_t len)
{
	char p[4] = { 0 };
	size_t i = 0;
	while (i < len && i < 3 && isalpha((unsigned char)tag[i])) {
		p[i] = (char)tolower((unsigned char)tag[i]);
		i++;
	}
	if (i < len && tag[i] != '-' && tag[i] != '_')
		return -1;
	if (!strcmp(p, "en")) return LANG_EN;
	if (!strcmp(p, "nl")) return LANG_NL;
	if (!strcmp(p, "nb") || !strcmp(p, "no") || !strcmp(p, "nn")) return LANG_NB;
	return -1;
}

enum lang lang_negotiate(const char *h, enum lang fallback)
{
	if (!h)
		return fallback;
	int best = -1;
	double bestq = 0;
	const char *p = h;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		const char *start = p;
		while (*p && *p != ',' && *p != ';' && *p != ' ')
			p++;
		size_t tlen = (size_t)(p - start);
		double q = 1.0;
		while (*p && *p != ',') {
			if (*p == ';') {
				p++;
				while (*p == ' ')
					p++;
				if (p[0] == 'q' && p[1] == '=') {
					q = strtod(p + 2, NULL);
					if (!(q >= 0 && q <= 1))
						q = 0;
				}
			}
			if (*p && *p != ',')
				p++;
		}
		int l = tlen ? primary(start, tlen) : -1;
		if (l >= 0 && q > bestq) {
			best = l;
			bestq = q;
		}
	}
	return best >= 0 ? (enum lang)best : fallback;
}
