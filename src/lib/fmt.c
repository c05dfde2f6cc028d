/* fmt: see fmt.h. Conventions per language are tables, not branches in callers. */
#include "fmt.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

struct conv {
	const char *group;	/* thousands separator */
	char dec;		/* decimal mark */
};

/* Norwegian groups with a no-break space so numbers never wrap */
static const struct conv convs[LANG_COUNT] = {
	[LANG_EN] = { ",", '.' },
	[LANG_NL] = { ".", ',' },
	[LANG_NB] = { "\xC2\xA0", ',' },
};

static void group_digits(struct strbuf *o, enum lang l, unsigned long long v)
{
	char digits[32];
	int n = snprintf(digits, sizeof(digits), "%llu", v);
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			sb_adds(o, convs[l].group);
		sb_addc(o, digits[i]);
	}
}

void fmt_int(struct strbuf *o, enum lang l, long long v)
{
	if (v < 0) {
		sb_addc(o, '-');
		group_digits(o, l, (unsigned long long)(-(v + 1)) + 1);
	} else {
		group_digits(o, l, (unsigned long long)v);
	}
}

void fmt_decimal(struct strbuf *o, enum lang l, double v, int decimals)
{
	if (!isfinite(v)) {
		sb_adds(o, "–");
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	double scale = pow(10, decimals);
	double r = round(fabs(v) * scale);
	unsigned long long whole = (unsigned long long)(r / scale);
	unsigned long long frac = (unsigned long long)(r - (double)whole * scale + 0.5);
	if (v < 0 && r > 0)
		sb_addc(o, '-');
	group_digits(o, l, whole);
	if (decimals) {
		sb_addc(o, convs[l].dec);
		sb_addf(o, "%0*llu", decimals, frac);
	}
}

void fmt_percent(struct strbuf *o, enum lang l, double fraction, int decimals)
{
	/* no data is a bare "–", not "–%" */
	if (!isfinite(fraction)) {
		sb_adds(o, "–");
		return;
	}
	fmt_decimal(o, l, fraction * 100.0, decimals);
	/* Norwegian puts a (no-break) space before the percent sign; English and
	 * Dutch do not (CLDR, and the browser's Intl.NumberFormat, agree) */
	sb_adds(o, l == LANG_NB ? "\xC2\xA0%" : "%");
}

static const char *symbol(const char *cur)
{
	if (!cur || !strcmp(cur, "EUR")) return "€";
	if (!strcmp(cur, "USD")) return "$";
	if (!strcmp(cur, "GBP")) return "£";
	if (!strcmp(cur, "NOK") || !strcmp(cur, "SEK") || !strcmp(cur, "DKK")) return "kr";
	return cur;
}

void fmt_money(struct strbuf *o, enum lang l, int64_t minor, const char *currency, int decimals)
{
	const char *sym = symbol(currency);
	int suffix = (l == LANG_NB) || !strcmp(sym, "kr");
	/* round first, so that -0.40 shown without decimals is "€0", not "-€0" */
	double scale = pow(10, decimals < 0 ? 0 : decimals > 2 ? 2 : decimals);
	double v = round((double)minor / 100.0 * scale) / scale;
	if (v == 0)
		v = 0;	/* no negative zero */
	if (suffix) {
		fmt_decimal(o, l, v, decimals);
		sb_adds(o, "\xC2\xA0");
		sb_adds(o, sym);
	} else if (l == LANG_NL) {
		/* Dutch: € -1.234,56 */
		sb_adds(o, sym);
		sb_adds(o, "\xC2\xA0");
		fmt_decimal(o, l, v, decimals);
	} else {
		/* English: -€1,234.56; a currency code gets a space: CHF 1,234.56 */
		if (v < 0) {
			sb_addc(o, '-');
			v = -v;
		}
		sb_adds(o, sym);
		if (strlen(sym) > 1 && (unsigned char)sym[0] < 0x80)
			sb_addc(o, ' ');
		fmt_decimal(o, l, v, decimals);
	}
}

static const char *const months[LANG_COUNT][12][2] = {
	[LANG_EN] = { { "January", "Jan" }, { "February", "Feb" }, { "March", "Mar" },
		      { "April", "Apr" }, { "May", "May" }, { "June", "Jun" },
		      { "July", "Jul" }, { "August", "Aug" }, { "September", "Sep" },
		      { "October", "Oct" }, { "November", "Nov" }, { "December", "Dec" } },
	[LANG_NL] = { { "januari", "jan." }, { "februari", "feb." }, { "maart", "mrt." },
		      { "april", "apr." }, { "mei", "mei" }, { "juni", "jun." },
		      { "juli", "jul." }, { "augustus", "aug." }, { "september", "sep." },
		      { "oktober", "okt." }, { "november", "nov." }, { "december", "dec." } },
	[LANG_NB] = { { "januar", "jan." }, { "februar", "feb." }, { "mars", "mar." },
		      { "april", "apr." }, { "mai", "mai" }, { "juni", "jun." },
		      { "juli", "jul." }, { "august", "aug." }, { "september", "sep." },
		      { "oktober", "okt." }, { "november", "nov." }, { "desember", "des." } },
};

const char *month_name(enum lang l, int month, int abbreviated)
{
	if ((unsigned)l >= LANG_COUNT || month < 1 || month > 12)
		return "";
	return months[l][month - 1][abbreviated ? 1 : 0];
}

void fmt_date(struct strbuf *o, enum lang l, const char *iso)
{
	if (!iso || strlen(iso) < 10) {
		sb_adds(o, "–");
		return;
	}
	int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
	if (m < 1 || m > 12) {
		sb_adds(o, iso);
		return;
	}
	if (l == LANG_NB)
		sb_addf(o, "%d.\xC2\xA0%s %d", d, month_name(l, m, 1), y);
	else
		sb_addf(o, "%d\xC2\xA0%s %d", d, month_name(l, m, 1), y);
}

void fmt_datetime(struct strbuf *o, enum lang l, int64_t epoch)
{
	time_t t = (time_t)epoch;
	struct tm tm;
	localtime_r(&t, &tm);
	char iso[11];
	strftime(iso, sizeof(iso), "%Y-%m-%d", &tm);
	fmt_date(o, l, iso);
	sb_addf(o, " %02d:%02d", tm.tm_hour, tm.tm_min);
}

/*
 * parse_money: what people type into an amount field. The reader's language
 * decides which mark is the decimal one; spaces (also the no-break ones our
 * own output uses) group thousands everywhere. A separator is only taken as
 * grouping when exactly three digits follow it, and at most two decimals are
 * accepted, so an ambiguous "12.500" typed on an English page is refused
 * rather than read as twelve and a half — a factor of a thousand is worse
 * than a second try. Dutch "12.500,-" means whole euros. A currency sign
 * before or after (€, $, £, kr) is ignored, so a copied amount pastes back.
 */

/* bytes of a space-like character at s (before end), 0 if none */
static size_t space_at(const char *s, const char *end)
{
	const unsigned char *u = (const unsigned char *)s;
	if (s < end && (*s == ' ' || *s == '\t'))
		return 1;
	if (end - s >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;	/* no-break space */
	if (end - s >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
		return 3;	/* narrow no-break space */
	return 0;
}

static void trim_spaces(const char **b, const char **e)
{
	size_t n;
	while (*b < *e && (n = space_at(*b, *e)))
		*b += n;
	for (;;) {
		if (*e > *b && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
			(*e)--;
		else if (*e - *b >= 2 && space_at(*e - 2, *e) == 2)
			*e -= 2;
		else if (*e - *b >= 3 && space_at(*e - 3, *e) == 3)
			*e -= 3;
		else
			break;
	}
}

static const char *const money_signs[] = { "€", "$", "£", "kr" };

/* strips one currency sign at the start or the end */
static void strip_sign(const char **b, const char **e)
{
	for (size_t i = 0; i < sizeof(money_signs) / sizeof(money_signs[0]); i++) {
		size_t n = strlen(money_signs[i]);
		if ((size_t)(*e - *b) >= n && !strncasecmp(*b, money_signs[i], n)) {
			*b += n;
			break;
		}
		if ((size_t)(*e - *b) >= n && !strncasecmp(*e - n, money_signs[i], n)) {
			*e -= n;
			break;
		}
	}
	trim_spaces(b, e);
}

#define MONEY_MAX_WHOLE 10000000000000LL	/* 10^13 units: far beyond any deal, far from overflow */

int parse_money(enum lang l, const char *s, int64_t *minor)
{
	if (!s || (unsigned)l >= LANG_COUNT)
		return -1;
	const char *b = s, *e = s + strlen(s);
	trim_spaces(&b, &e);
	int neg = 0;
	if (b < e && *b == '-') {
		neg = 1;
		b++;
		trim_spaces(&b, &e);
	}
	strip_sign(&b, &e);
	if (!neg && b < e && *b == '-') {	/* "€ -12" */
		neg = 1;
		b++;
		trim_spaces(&b, &e);
	}
	char dec = convs[l].dec, group = dec == ',' ? '.' : ',';
	long long whole = 0;
	int digits = 0, grouped = 0, since_sep = 0;
	const char *p = b;
	while (p < e) {
		size_t sp = space_at(p, e);
		if (*p >= '0' && *p <= '9') {
			whole = whole * 10 + (*p - '0');
			if (whole > MONEY_MAX_WHOLE)
				return -1;
			digits++;
			since_sep++;
			p++;
		} else if (sp || *p == group) {
			/* the group before a separator: 1-3 digits first, exactly 3 after */
			if (!since_sep || since_sep > 3 || (grouped && since_sep != 3))
				return -1;
			grouped = 1;
			since_sep = 0;
			p += sp ? sp : 1;
		} else if (*p == dec) {
			break;
		} else {
			return -1;
		}
	}
	if (!digits || (grouped && since_sep != 3))
		return -1;
	int64_t frac = 0;
	if (p < e) {
		p++;	/* the decimal mark */
		size_t left = (size_t)(e - p);
		if (dec == ',' && ((left == 1 && p[0] == '-') || (left == 2 && p[0] == '-' && p[1] == '-'))) {
			frac = 0;	/* "12,-" */
		} else if (left == 1 && p[0] >= '0' && p[0] <= '9') {
			frac = (p[0] - '0') * 10;
		} else if (left == 2 && p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9') {
			frac = (p[0] - '0') * 10 + (p[1] - '0');
		} else {
			return -1;
		}
	}
	int64_t v = (int64_t)whole * 100 + frac;
	*minor = neg ? -v : v;
	return 0;
}
