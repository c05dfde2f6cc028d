/*
 * html: the HTML writer (after cgit's html.c). Escaping is the normal case:
 * html_txt() and html_attr() escape, html_printf() escapes every %s argument.
 * Literal markup goes through html() or the %-s conversion, the visible
 * exceptions.
 */
#ifndef SG_HTML_H
#define SG_HTML_H
#include "strbuf.h"

void html(struct strbuf *o, const char *markup);
void html_txt(struct strbuf *o, const char *text);
void html_attr(struct strbuf *o, const char *text);
/* printf where %s is escaped text and %-s a raw (trusted) string; numeric
 * conversions (d i u ld lld zu f e g x c, with flags/width/precision) as
 * printf. The format attribute lets the compiler check every call. */
void html_printf(struct strbuf *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* percent-encodes s for use inside a URL query value */
void url_encode(struct strbuf *o, const char *s);

#endif
