/*
 * period: months, fiscal quarters and fiscal years as labels and day bounds
 * (see period.h). Days are counted with the days-from-civil arithmetic of
 * the proleptic Gregorian calendar rather than timegm/mktime, so the result
 * depends neither on the time zone nor on the C library; a period's last
 * day is the day before the first of the month after it, so month lengths
 * and leap years take care of themselves.
 *
 * Valid days and labels lie in the years DATE_YEAR_MIN..DATE_YEAR_MAX
 * (1900..2200, lib/util.h), the range every date in the program is checked
 * against; a period whose bounds would leave it is refused by period_parse
 * (so "2201-01" is a 400, never a period whose days no query accepts), and period_prev /
 * period_next stay on the period at the edge instead of running off it.
 */
#include "period.h"
#include "../lib/util.h"
#include <string.h>

#define YEAR_MIN DATE_YEAR_MIN
#define YEAR_MAX DATE_YEAR_MAX

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return mdays[m - 1] + (m == 2 && is_leap(y));
}

/* n decimal digits at s, nothing else; -1 when not */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "YYYY-MM-DD" exactly, a real day in the valid years */
static int parse_day(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	*y = digits(s, 4);
	*m = digits(s + 5, 2);
	*d = digits(s + 8, 2);
	if (*y < YEAR_MIN || *y > YEAR_MAX || *m < 1 || *m > 12 || *d < 1 || *d > month_days(*y, *m))
		return -1;
	return 0;
}

/* days since 1970-01-01 (H. Hinnant's days_from_civil; eras of 400 years
 * make the arithmetic exact without a loop) */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* the text is written digit by digit with the year held to 0..YEAR_MAX, so no
 * value can overflow the 11 bytes */
static void put_digits(char *s, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		s[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

static void fmt_day(int y, int m, int d, char out[11])
{
	if (y < 0)
		y = 0;
	if (y > YEAR_MAX)
		y = YEAR_MAX;
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}

static int fsm_clamp(int fsm)
{
	return fsm >= 1 && fsm <= 12 ? fsm : 1;
}

/* the first day of the month plus_months after (y, m), as a day number */
static long first_of_month(int y, int m, int plus_months)
{
	long idx = (long)y * 12 + (m - 1) + plus_months;
	return days_from_civil((int)(idx / 12), (int)(idx % 12) + 1, 1);
}

/* fills start/end from the first day of a period and its length in months;
 * -1 when they leave the valid years (the text is then held to them) */
static int set_bounds(struct period *p, int y, int m, int months)
{
	int ey, em, ed;
	fmt_day(y, m, 1, p->start);
	civil_from_days(first_of_month(y, m, months) - 1, &ey, &em, &ed);
	if (ey > YEAR_MAX) {
		ey = YEAR_MAX;
		em = 12;
		ed = 31;
	}
	fmt_day(ey, em, ed, p->end);
	return y < YEAR_MIN || first_of_month(y, m, months) - 1 > days_from_civil(YEAR_MAX, 12, 31) ? -1 : 0;
}

static int make_month(int y, int m, struct period *out)
{
	memset(out, 0, sizeof *out);
	out->kind = PERIOD_MONTH;
	put_digits(out->label, y < 0 ? 0 : y > YEAR_MAX ? YEAR_MAX : y, 4);
	out->label[4] = '-';
	put_digits(out->label + 5, m, 2);
	return set_bounds(out, y, m, 1);
}

/* quarter q (1..4) of the fiscal year that starts in calendar year fy */
static int make_quarter(int fy, int q, int fsm, struct period *out)
{
	int m0 = fsm - 1 + 3 * (q - 1);	/* months after January of fy */
	memset(out, 0, sizeof *out);
	out->kind = PERIOD_QUARTER;
	put_digits(out->label, fy < 0 ? 0 : fy > YEAR_MAX ? YEAR_MAX : fy, 4);
	memcpy(out->label + 4, "-Q", 2);
	out->label[6] = (char)('0' + q);
	return set_bounds(out, fy + m0 / 12, m0 % 12 + 1, 3);
}

static int make_year(int fy, int fsm, struct period *out)
{
	memset(out, 0, sizeof *out);
	out->kind = PERIOD_YEAR;
	memcpy(out->label, "FY", 2);
	put_digits(out->label + 2, fy < 0 ? 0 : fy > YEAR_MAX ? YEAR_MAX : fy, 4);
	return set_bounds(out, fy, fsm, 12);
}

int period_kind_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "month"))
		return PERIOD_MONTH;
	if (!strcmp(s, "quarter"))
		return PERIOD_QUARTER;
	if (!strcmp(s, "year"))
		return PERIOD_YEAR;
	return -1;
}

const char *period_kind_code(enum period_kind k)
{
	switch (k) {
	case PERIOD_QUARTER:
		return "quarter";
	case PERIOD_YEAR:
		return "year";
	case PERIOD_MONTH:
	default:
		return "month";
	}
}

int period_parse(const char *label, int fiscal_start_month, struct period *out)
{
	int fsm = fsm_clamp(fiscal_start_month);
	struct period p;
	int r;
	if (!label)
		return -1;
	size_t len = strlen(label);
	if (len == 6 && label[0] == 'F' && label[1] == 'Y') {
		int y = digits(label + 2, 4);
		if (y < YEAR_MIN)
			return -1;
		r = make_year(y, fsm, &p);
	} else if (len == 7 && label[4] == '-' && label[5] == 'Q') {
		int y = digits(label, 4), q = label[6] - '0';
		if (y < YEAR_MIN || q < 1 || q > 4)
			return -1;
		r = make_quarter(y, q, fsm, &p);
	} else if (len == 7 && label[4] == '-') {
		int y = digits(label, 4), m = digits(label + 5, 2);
		if (y < YEAR_MIN || m < 1 || m > 12)
			return -1;
		r = make_month(y, m, &p);
	} else {
		return -1;
	}
	if (r != 0)
		return -1;
	*out = p;
	return 0;
}

/* the period of the kind holding y-m-d; -1 when it leaves the valid years */
static int containing(enum period_kind kind, int y, int m, int fsm, struct period *out)
{
	if (kind == PERIOD_MONTH)
		return make_month(y, m, out);
	/* the year the fiscal year started in, and the months since its start */
	int fy = m >= fsm ? y : y - 1;
	int into = (m - fsm + 12) % 12;
	if (kind == PERIOD_QUARTER)
		return make_quarter(fy, into / 3 + 1, fsm, out);
	return make_year(fy, fsm, out);
}

void period_containing(enum period_kind kind, const char *day, int fiscal_start_month, struct period *out)
{
	int y, m, d;
	if (parse_day(day, &y, &m, &d) != 0) {
		/* no day to go by: an empty period the caller's checks will refuse */
		memset(out, 0, sizeof *out);
		out->kind = kind;
		return;
	}
	/* at the edges of the valid years the period is cut to them */
	containing(kind, y, m, fsm_clamp(fiscal_start_month), out);
}

/* the period of p's kind holding the day n days from day; stays on p when
 * there is no such day or the period would leave the valid years */
static void neighbour(const struct period *p, const char *day, long n, int fsm, struct period *out)
{
	int y, m, d;
	long z;
	if (parse_day(day, &y, &m, &d) != 0) {
		*out = *p;
		return;
	}
	z = days_from_civil(y, m, d) + n;
	if (z < days_from_civil(YEAR_MIN, 1, 1) || z > days_from_civil(YEAR_MAX, 12, 31)) {
		*out = *p;
		return;
	}
	civil_from_days(z, &y, &m, &d);
	struct period q;
	if (containing(p->kind, y, m, fsm_clamp(fsm), &q) != 0) {
		*out = *p;
		return;
	}
	*out = q;
}

void period_prev(const struct period *p, int fiscal_start_month, struct period *out)
{
	neighbour(p, p->start, -1, fiscal_start_month, out);
}

void period_next(const struct period *p, int fiscal_start_month, struct period *out)
{
	neighbour(p, p->end, 1, fiscal_start_month, out);
}

int period_from_bounds(const char *start, const char *end, int fiscal_start_month, struct period *out)
{
	int y, m, d, ey, em, ed;
	if (parse_day(start, &y, &m, &d) != 0 || parse_day(end, &ey, &em, &ed) != 0 || d != 1)
		return -1;
	/* a month, then a quarter, then a year: spans of 1, 3 and 12 months
	 * never coincide, so the order only fixes which is tried first */
	static const enum period_kind order[] = { PERIOD_MONTH, PERIOD_QUARTER, PERIOD_YEAR };
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		struct period p;
		if (containing(order[i], y, m, fsm_clamp(fiscal_start_month), &p) == 0 && !strcmp(p.start, start) &&
		    !strcmp(p.end, end)) {
			*out = p;
			return 0;
		}
	}
	return -1;
}

void period_history(const struct period *p, int fiscal_start_month, size_t n, struct period *out)
{
	if (!n)
		return;
	out[n - 1] = *p;
	for (size_t i = n - 1; i > 0; i--)
		period_prev(&out[i], fiscal_start_month, &out[i - 1]);
}

long day_diff(const char *a, const char *b)
{
	int ay, am, ad, by, bm, bd;
	if (parse_day(a, &ay, &am, &ad) != 0 || parse_day(b, &by, &bm, &bd) != 0)
		return 0;
	return days_from_civil(by, bm, bd) - days_from_civil(ay, am, ad);
}

int period_days(const struct period *p)
{
	int y, m, d;
	if (parse_day(p->start, &y, &m, &d) != 0 || parse_day(p->end, &y, &m, &d) != 0)
		return 0;
	return (int)day_diff(p->start, p->end) + 1;
}

void day_add(const char *day, long n, char out[11])
{
	int y, m, d;
	if (parse_day(day, &y, &m, &d) != 0) {
		/* not a day: out is an empty string rather than a made-up date */
		out[0] = '\0';
		return;
	}
	/* held within the valid years so the text stays a day */
	long lo = days_from_civil(YEAR_MIN, 1, 1), hi = days_from_civil(YEAR_MAX, 12, 31);
	long z = days_from_civil(y, m, d);
	z = n > hi - z ? hi : n < lo - z ? lo : z + n;
	civil_from_days(z, &y, &m, &d);
	fmt_day(y, m, d, out);
}
