/*
 * fmt: numbers, amounts and dates in the reader's language. Dutch writes
 * 1.234,5 and "€ 1.234"; Norwegian 1 234,5 and "1 234 kr"; English 1,234.5.
 * Amounts are kept in minor units (cents/øre) everywhere in the program.
 */
#ifndef SG_FMT_H
#define SG_FMT_H
#include <stdint.h>
#include "i18n.h"
#include "strbuf.h"

void fmt_int(struct strbuf *o, enum lang l, long long v);
void fmt_decimal(struct strbuf *o, enum lang l, double v, int decimals);
void fmt_percent(struct strbuf *o, enum lang l, double fraction, int decimals);
/* minor units; decimals 0 rounds to whole units */
void fmt_money(struct strbuf *o, enum lang l, int64_t minor, const char *currency, int decimals);
/* "YYYY-MM-DD" to "23 Nov 2026" / "23 nov. 2026" / "23. nov. 2026" */
void fmt_date(struct strbuf *o, enum lang l, const char *iso);
/* epoch to date and time (UTC+offset of the server's zone) */
void fmt_datetime(struct strbuf *o, enum lang l, int64_t epoch);
const char *month_name(enum lang l, int month, int abbreviated);
/* an amount as typed ("12.500", "12 500", "12,5", "€ 1.234,50") into minor
 * units: in Dutch and Norwegian "." and spaces group thousands and "," is the
 * decimal mark, in English "," groups and "." is the mark; at most two
 * decimals. 0 when understood, -1 when not (*minor is then unchanged). */
int parse_money(enum lang l, const char *s, int64_t *minor);

#endif
