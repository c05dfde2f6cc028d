/* ical: see ical.h. */
#include "ical.h"
#include <string.h>

void ical_escape(struct strbuf *o, const char *text)
{
	for (const char *p = text; p && *p; p++) {
		unsigned char c = (unsigned char)*p;
		switch (c) {
		case '\\': sb_adds(o, "\\\\"); break;
		case ';': sb_adds(o, "\\;"); break;
		case ',': sb_adds(o, "\\,"); break;
		case '\r':
			/* CRLF and a lone CR are one line break, like LF */
			if (p[1] == '\n')
				p++;
			sb_adds(o, "\\n");
			break;
		case '\n': sb_adds(o, "\\n"); break;
		default:
			/* TEXT allows HTAB but no other control character (RFC 5545 §3.3.11) */
			sb_addc(o, (c < 0x20 && c != '\t') || c == 0x7f ? ' ' : (char)c);
		}
	}
}

/* a UTF-8 continuation byte (10xxxxxx) cannot start a fold */
static int continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

void ical_fold(struct strbuf *o, const char *line, size_t len)
{
	size_t room = ICAL_LINE_MAX;	/* the first line; later ones start with a space */
	while (len > room) {
		size_t cut = room;
		while (cut > 0 && continuation((unsigned char)line[cut]))
			cut--;
		/* not UTF-8 at all (a run of continuation bytes): cut by octets */
		if (cut == 0)
			cut = room;
		sb_add(o, line, cut);
		sb_adds(o, "\r\n ");
		line += cut;
		len -= cut;
		room = ICAL_LINE_MAX - 1;
	}
	sb_add(o, line, len);
	sb_adds(o, "\r\n");
}

void ical_prop(struct strbuf *o, const char *name, const char *value, int escape)
{
	struct strbuf line = STRBUF_INIT;
	sb_adds(&line, name);
	sb_addc(&line, ':');
	if (escape)
		ical_escape(&line, value);
	else if (value)
		sb_adds(&line, value);
	ical_fold(o, line.buf, line.len);
	sb_release(&line);
}
