/*
 * period: the month, quarter or year that targets, results and tiers are
 * counted over, with the organisation's fiscal start. Quarters and years
 * follow the fiscal year; a fiscal year is named after the calendar year in
 * which it starts ("FY2026" starting 1 July 2026 runs to 30 June 2027), and
 * "2026-Q1" is its first quarter. Months are calendar months ("2026-11").
 * Days are "YYYY-MM-DD", bounds inclusive.
 */
#ifndef SG_DOMAIN_PERIOD_H
#define SG_DOMAIN_PERIOD_H
#include <stddef.h>

enum period_kind { PERIOD_MONTH, PERIOD_QUARTER, PERIOD_YEAR };

struct period {
	enum period_kind kind;
	char label[12];			/* "2026-11", "2026-Q3", "FY2026" */
	char start[11], end[11];	/* first and last day, inclusive */
};

/* "month", "quarter", "year" <-> kind; -1 for anything else */
int period_kind_parse(const char *s);
const char *period_kind_code(enum period_kind k);

/* a label as above (fiscal_start_month 1..12); 0, or -1 when it is not one */
int period_parse(const char *label, int fiscal_start_month, struct period *out);
/* the period of the kind that holds day */
void period_containing(enum period_kind kind, const char *day, int fiscal_start_month, struct period *out);
/* the period of the same kind just before / after p */
void period_prev(const struct period *p, int fiscal_start_month, struct period *out);
void period_next(const struct period *p, int fiscal_start_month, struct period *out);
/* which period exactly spans start..end: 0 and out filled, or -1 */
int period_from_bounds(const char *start, const char *end, int fiscal_start_month, struct period *out);
/* n periods of p's kind ending with p, oldest first, into out[n] */
void period_history(const struct period *p, int fiscal_start_month, size_t n, struct period *out);

/* days from a to b ("2026-11-01", "2026-11-30" -> 29); both must be valid */
long day_diff(const char *a, const char *b);
/* number of days in p */
int period_days(const struct period *p);
/* "YYYY-MM-DD" of day + n days into out[11] */
void day_add(const char *day, long n, char out[11]);

#endif
