/*
 * strbuf: a growable, always NUL-terminated byte buffer (after git's strbuf).
 * A strbuf is never NULL-buffered once initialised: buf points at a static ""
 * until the first append. Ownership leaves only through sb_detach().
 * Allocation failure aborts the process: there is no sane recovery from it
 * halfway through building a page.
 */
#ifndef SG_STRBUF_H
#define SG_STRBUF_H
#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};

extern char sb_empty[];
#define STRBUF_INIT { sb_empty, 0, 0 }

void sb_init(struct strbuf *sb, size_t hint);
void sb_release(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_grow(struct strbuf *sb, size_t extra);
void sb_add(struct strbuf *sb, const void *data, size_t len);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Hands the buffer to the caller, who frees it with free(); sb is reset. */
char *sb_detach(struct strbuf *sb, size_t *len);
/* sets the length to len, at most what the buffer holds (shortening, or
 * taking up room made by sb_grow); beyond it is a bug and aborts */
void sb_setlen(struct strbuf *sb, size_t len);

#endif
