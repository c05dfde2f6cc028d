/*
 * fuzz-csv: libFuzzer harness for the CSV reader and the amount and day
 * parsers (src/lib/csv.c) — the bytes of an uploaded import file. The input
 * is read as a whole file (exact-size copy, no NUL, as an upload arrives);
 * every record must name a line within the file, in order, with
 * NUL-terminated fields; a failure must say why. Each field then goes
 * through csv_parse_amount (all three decimal modes) and csv_parse_day,
 * whose answers must be in range, and through csv_write_field, whose output
 * must read back as the same field.
 */
#include "lib/csv.h"
#include "lib/arena.h"
#include "lib/strbuf.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t count_lines(const char *s, size_t n)
{
	size_t lines = 1;
	int lf = memchr(s, '\n', n) != NULL;
	for (size_t i = 0; i < n; i++)
		lines += s[i] == (lf ? '\n' : '\r');
	return lines;
}

static void check_value(const char *f)
{
	int64_t v;
	static const char modes[] = { 0, '.', ',' };
	for (size_t m = 0; m < sizeof(modes); m++)
		if (csv_parse_amount(f, modes[m], &v) == 0 && (v > 100000000000000000LL || v < -100000000000000000LL))
			abort();
	char day[11];
	if (csv_parse_day(f, day) == 0) {
		if (strlen(day) != 10 || day[4] != '-' || day[7] != '-')
			abort();
	} else if (day[0]) {
		abort();
	}
}

/* a field written by csv_write_field reads back the same, unless the reader
 * may not keep it: a tab at either end (trimmed like spaces) or a leading
 * byte order mark; and when the reader picks another separator */
static void check_roundtrip(struct arena *a, const char *f, char sep)
{
	size_t n = strlen(f);
	if (n > 200 || (n && (f[0] == '\t' || f[n - 1] == '\t')) || !strncmp(f, "\xEF\xBB\xBF", 3))
		return;
	struct strbuf sb = STRBUF_INIT;
	csv_write_field(&sb, f, sep);
	sb_addc(&sb, sep);
	sb_adds(&sb, "x\n");
	struct csv_reader *r = csv_open(a, sb.buf, sb.len);
	struct csv_record rec;
	if (csv_separator(r) == sep &&
	    (csv_next(r, &rec, NULL) != 1 || rec.n != 2 || strcmp(rec.fields[0], f) || strcmp(rec.fields[1], "x")))
		abort();
	csv_close(r);
	sb_release(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size ? size : 1);
	if (size)
		memcpy(buf, data, size);
	struct arena *a = arena_new();
	struct csv_reader *r = csv_open(a, buf, size);
	char sep = csv_separator(r);
	if (sep != ',' && sep != ';' && sep != '\t')
		abort();
	size_t lines = count_lines(buf, size), last = 0, records = 0;
	struct csv_record rec;
	struct strbuf err = STRBUF_INIT;
	int rc;
	while ((rc = csv_next(r, &rec, &err)) == 1) {
		if (rec.line < 1 || rec.line > lines || rec.line <= last || !rec.n || !rec.fields)
			abort();
		last = rec.line;
		if (csv_offset(r) > size)
			abort();
		for (size_t i = 0; i < rec.n; i++) {
			if (!rec.fields[i])
				abort();
			if (records < 50) {
				check_value(rec.fields[i]);
				check_roundtrip(a, rec.fields[i], sep);
			}
		}
		records++;
	}
	if (rc == -1 ? strncmp(err.buf, "line ", 5) != 0 : rc != 0)
		abort();
	if (rc == 0 && csv_offset(r) != size)
		abort();
	sb_release(&err);
	csv_close(r);
	arena_free(a);
	free(buf);
	return 0;
}
