/*
 * strbuf: see strbuf.h. Growth is geometric so that building a page of many
 * small appends stays linear.
 */
#include "strbuf.h"
#include "xalloc.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char sb_empty[1];

void sb_init(struct strbuf *sb, size_t hint)
{
	sb->buf = sb_empty;
	sb->len = sb->alloc = 0;
	if (hint)
		sb_grow(sb, hint);
}

void sb_release(struct strbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	sb_init(sb, 0);
}

void sb_reset(struct strbuf *sb)
{
	sb_setlen(sb, 0);
}

void sb_grow(struct strbuf *sb, size_t extra)
{
	size_t need = st_add(st_add(sb->len, extra), 1);
	if (need <= sb->alloc)
		return;
	size_t n = sb->alloc ? sb->alloc : 64;
	while (n < need)
		n = n < (SIZE_MAX - 16) / 3 * 2 ? n * 3 / 2 + 16 : need;
	char *p = sb->alloc ? xrealloc(sb->buf, n) : xmalloc(n);
	if (!sb->alloc)
		p[0] = '\0';
	sb->buf = p;
	sb->alloc = n;
}

void sb_setlen(struct strbuf *sb, size_t len)
{
	/* only shortening, or taking up what sb_grow made room for: a length
	 * past the buffer would write the NUL (and later appends) out of it */
	if (len > (sb->alloc ? sb->alloc - 1 : 0)) {
		fprintf(stderr, "BUG: sb_setlen(%zu) beyond the buffer (%zu bytes)\n", len, sb->alloc);
		abort();
	}
	if (!sb->alloc)
		return;		/* the static "" stays as it is */
	sb->len = len;
	sb->buf[len] = '\0';
}

void sb_add(struct strbuf *sb, const void *data, size_t len)
{
	if (!len)
		return;
	sb_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_addc(struct strbuf *sb, char c)
{
	sb_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	sb_grow(sb, 64);
	int n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n >= sb->alloc - sb->len) {
		sb_grow(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
	}
	sb->len += (size_t)n;
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

char *sb_detach(struct strbuf *sb, size_t *len)
{
	if (!sb->alloc)
		sb_grow(sb, 0);
	char *p = sb->buf;
	if (len)
		*len = sb->len;
	sb_init(sb, 0);
	return p;
}
