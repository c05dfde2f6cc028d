/*
 * ical: the two text rules of iCalendar (RFC 5545) that are easy to get
 * wrong — escaping of TEXT values (§3.3.11) and folding of content lines at
 * 75 octets (§3.1) — as pure functions, so they can be tested on their own.
 * The calendar feed (web/page-calendar.c) writes every line through them.
 */
#ifndef SG_ICAL_H
#define SG_ICAL_H
#include <stddef.h>
#include "strbuf.h"

/* the longest content line, in octets, without its CRLF */
#define ICAL_LINE_MAX 75

/* appends text as a TEXT value: backslash, semicolon and comma get a
 * backslash; a line break (CRLF, LF or CR) becomes "\n"; other control
 * characters, which TEXT may not hold, become a space. NULL appends nothing. */
void ical_escape(struct strbuf *o, const char *text);

/* appends one content line of len octets, folded: a CRLF and a space are
 * put in before the line would exceed ICAL_LINE_MAX octets, never inside a
 * UTF-8 sequence; the line ends with CRLF. */
void ical_fold(struct strbuf *o, const char *line, size_t len);

/* appends "NAME:value" (name may carry parameters, "DTSTART;VALUE=DATE")
 * folded; with escape the value is escaped as TEXT first */
void ical_prop(struct strbuf *o, const char *name, const char *value, int escape);

#endif
