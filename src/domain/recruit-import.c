/* recruit-import: see recruit-import.h. */
#include "recruit-import.h"
#include "recruit.h"
#include <ctype.h>
#include <string.h>

static const char *const fields[RI_COLS] = { "name", "email", "phone", "source", "job_title", "company", "tags",
					     "notes", "retain_until" };

/* lowercased, spaces, hyphens and underscores dropped, trimmed, into out */
static void fold(const char *s, char *out, size_t size)
{
	size_t n = 0;
	for (; s && *s && n + 1 < size; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == ' ' || ch == '_' || ch == '-' || ch == '\t' || ch == '\r' || ch == '\n')
			continue;
		out[n++] = (char)tolower(ch);
	}
	out[n] = '\0';
}

int recruit_import_column(const char *header)
{
	char h[64], f[64];
	fold(header, h, sizeof(h));
	for (int c = 0; c < RI_COLS; c++) {
		fold(fields[c], f, sizeof(f));
		if (!strcmp(h, f))
			return c;
	}
	return -1;
}

const char *recruit_import_field(enum recruit_import_col c)
{
	return (unsigned)c < RI_COLS ? fields[c] : "";
}

const char *recruit_import_source(const char *typed)
{
	char t[32];
	fold(typed, t, sizeof(t));
	for (size_t i = 0; i < recruit_source_count; i++)
		if (!strcmp(t, recruit_source_codes[i]))
			return recruit_source_codes[i];
	return NULL;
}

long recruit_import_earlier(const char *const *kept, size_t n, const char *email)
{
	if (!email || !*email)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (kept[i] && !strcmp(kept[i], email))
			return (long)i;
	return -1;
}
