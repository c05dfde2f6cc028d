/*
 * csv: reading and writing RFC 4180 files as Excel and CRMs write them —
 * with or without a UTF-8 byte order mark, comma or semicolon separated
 * (Dutch and Norwegian Excel write semicolons), CRLF or LF, quoted fields
 * that hold separators, quotes and line breaks. Reading is done with libcsv
 * over a buffer in memory; records come one at a time with the line they
 * start on, so errors can name it.
 */
#ifndef SG_LIB_CSV_H
#define SG_LIB_CSV_H
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "strbuf.h"

struct csv_reader;

struct csv_record {
	size_t line;			/* line of the file the record starts on, from 1 */
	size_t n;			/* fields */
	const char **fields;		/* NUL-terminated, valid until the next csv_next */
};

/* skips a BOM and picks the separator from the first line (the one of ',',
 * ';' and tab that occurs most often outside quotes; ',' when none) */
struct csv_reader *csv_open(struct arena *a, const char *data, size_t len);
char csv_separator(const struct csv_reader *r);
int csv_had_bom(const struct csv_reader *r);
/* 1 and rec filled, 0 at the end, -1 on a malformed file (why in err, with the line) */
int csv_next(struct csv_reader *r, struct csv_record *rec, struct strbuf *err);
/* bytes of the buffer read so far (for progress) */
size_t csv_offset(const struct csv_reader *r);
void csv_close(struct csv_reader *r);

/* one field, quoted when it holds sep, a quote, CR or LF */
void csv_write_field(struct strbuf *out, const char *s, char sep);

/* an amount as a CRM exports it into minor units (2 decimals): "12500",
 * "12500.5", "12,500.50", "12.500,50", "1 234,5", "€ 1.234,50", "-300".
 * decimal is the file's decimal mark ('.' or ','), or 0 to guess per value
 * (the last of '.' and ',' when both occur; a lone ',' or '.' followed by
 * other than exactly three digits is decimal). 0, or -1 when not an amount. */
int csv_parse_amount(const char *s, char decimal, int64_t *minor);
/* a day as "YYYY-MM-DD" (optionally followed by a time, "T..." or " ..."),
 * or day first: "23-11-2026", "23.11.2026", "23/11/2026", "3-1-2026"; into
 * out as "YYYY-MM-DD". 0, or -1 when not a valid day. */
int csv_parse_day(const char *s, char out[11]);

#endif
