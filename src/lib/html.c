/*
 * html: see html.h. html_printf walks the format itself so that each %s can be
 * escaped; other conversions are handed to snprintf one at a time.
 */
#include "html.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void html(struct strbuf *o, const char *markup)
{
	sb_adds(o, markup);
}

/*
 * The bidirectional embeddings, overrides and isolates (U+202A..U+202E,
 * U+2066..U+2069) reorder what the reader sees: a name holding U+202E shows
 * "evil.exe" as something else, and one left open spills into the page
 * around it. User text is dropped of them wherever it is written (text and
 * attributes alike, so a value sent back by a form loses them too); the
 * marks that only give a direction (U+200E/200F, U+061C) stay, they reorder
 * nothing. Returns the length of such a character at s, 0 when there is none.
 */
static size_t bidi_control(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] != 0xE2)
		return 0;
	if (u[1] == 0x80 && u[2] >= 0xAA && u[2] <= 0xAE)
		return 3;
	if (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9)
		return 3;
	return 0;
}

static void escape(struct strbuf *o, const char *s, int attr)
{
	if (!s)
		return;
	const char *run = s;
	for (; *s; s++) {
		const char *rep = NULL;
		size_t skip = bidi_control(s);
		if (skip) {
			sb_add(o, run, (size_t)(s - run));
			s += skip - 1;
			run = s + 1;
			continue;
		}
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\n': rep = attr ? "&#10;" : NULL; break;
		default: break;
		}
		if (rep) {
			sb_add(o, run, (size_t)(s - run));
			sb_adds(o, rep);
			run = s + 1;
		}
	}
	sb_add(o, run, (size_t)(s - run));
}

void html_txt(struct strbuf *o, const char *text)
{
	escape(o, text, 0);
}

void html_attr(struct strbuf *o, const char *text)
{
	escape(o, text, 1);
}

void html_printf(struct strbuf *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *p = fmt;
	while (*p) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			sb_adds(o, p);
			break;
		}
		sb_add(o, p, (size_t)(pct - p));
		const char *q = pct + 1;
		if (*q == '%') {
			sb_addc(o, '%');
			p = q + 1;
			continue;
		}
		/* flags, width, precision */
		int raw = 0;
		while (*q && strchr("-+ #0", *q))
			raw |= *q++ == '-';
		while (*q >= '0' && *q <= '9')
			q++;
		if (*q == '.') {
			q++;
			while (*q >= '0' && *q <= '9')
				q++;
		}
		int lng = 0, sz = 0;
		while (*q == 'l') {
			lng++;
			q++;
		}
		if (*q == 'z') {
			sz = 1;
			q++;
		}
		char conv = *q;
		if (!conv)
			break;
		char spec[32];
		size_t sl = (size_t)(q - pct + 1);
		if (sl >= sizeof(spec))
			sl = sizeof(spec) - 1;
		memcpy(spec, pct, sl);
		spec[sl] = '\0';
		switch (conv) {
		case 's':
			/* %-s: the '-' flag (meaningless without a width) marks a raw,
			 * trusted string, so the compiler can still check it as %s */
			if (raw)
				sb_adds(o, va_arg(ap, const char *));
			else
				html_txt(o, va_arg(ap, const char *));
			break;
		case 'd': case 'i': case 'u': case 'x': case 'X': case 'c':
			if (sz)
				sb_addf(o, spec, va_arg(ap, size_t));
			else if (lng >= 2)
				sb_addf(o, spec, va_arg(ap, long long));
			else if (lng == 1)
				sb_addf(o, spec, va_arg(ap, long));
			else
				sb_addf(o, spec, va_arg(ap, int));
			break;
		case 'f': case 'e': case 'g':
			sb_addf(o, spec, va_arg(ap, double));
			break;
		default:
			/* an unknown conversion would shift every later argument */
			fprintf(stderr, "BUG: html_printf: unsupported conversion '%s'\n", spec);
			abort();
		}
		p = q + 1;
	}
	va_end(ap);
}

void url_encode(struct strbuf *o, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~') {
			sb_addc(o, (char)c);
		} else {
			sb_addc(o, '%');
			sb_addc(o, hex[c >> 4]);
			sb_addc(o, hex[c & 15]);
		}
	}
}
