/*
 * csv: see csv.h. Reading feeds libcsv one line of the buffer at a time, so
 * that the line a record starts on is known without libcsv reporting
 * positions: a record starts on the line that is fed while the parser has no
 * row under way (libcsv's ROW_NOT_BEGUN, pstate 0 in its public struct), and
 * since '\n' is the only terminator, at most one record ends per line. CR
 * before LF is treated as a space, which libcsv trims from unquoted fields,
 * so CRLF and LF files read alike; a file with no LF at all (old Mac) uses CR
 * as its line end instead. Strict mode turns stray quotes and a quoted field
 * left open at the end into errors that name the line.
 *
 * libcsv trims leading and trailing spaces of unquoted fields; the writer
 * therefore also quotes a field that starts or ends with a space, so what it
 * writes reads back the same.
 *
 * The fields of a record are copied into one buffer that is reused from
 * record to record (offsets first, pointers once the record is complete, as
 * the buffer may move while it grows), so a file of a million rows costs a
 * few allocations, not a million.
 *
 * Amounts and days are parsed by hand, strictly: a value is understood
 * whole or not at all ("12abc" and "31-02-2026" are errors, not 12 and a day
 * in March). Amounts take a currency symbol or code before or after the
 * number ("€ 1.234,50", "NOK 1 234", "1 234 kr", "1.234,50 EUR"), a sign
 * before or after a leading currency, spaces, no-break spaces or apostrophes
 * as well as '.' or ',' to group thousands, and the Dutch ",-" for "no
 * cents" ("€ 1.234,-"). More than two decimals are rounded half away from
 * zero. In a guessed value "0,500" is a half: a leading 0 never starts a
 * group of thousands. Day-first dates, like ISO ones, may carry a time.
 */
#include "csv.h"
#include "xalloc.h"
#include <csv.h>
#include <stdlib.h>
#include <string.h>

struct csv_reader {
	struct csv_parser p;
	int parser_live;		/* csv_init done, csv_free not yet */
	const char *data;
	size_t len, pos;
	char sep, eol;
	int bom;
	size_t line;			/* line of the next chunk fed */
	size_t rec_start;		/* line the record under way started on */
	struct strbuf fbuf;		/* the record's fields, each NUL-terminated */
	size_t *offs, noffs, capoffs;
	const char **fields;
	size_t capfields;
	int have;			/* a record is complete */
	size_t have_line;
	int done, failed;
};

/* ------------------------------------------------------------- reading */

static int term_lf(unsigned char c) { return c == '\n'; }
static int term_cr(unsigned char c) { return c == '\r'; }
/* CR is white space when LF ends lines: "a\r\n" reads as "a" */
static int space_lf(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }
static int space_cr(unsigned char c) { return c == ' ' || c == '\t'; }

static void on_field(void *s, size_t len, void *data)
{
	struct csv_reader *r = data;
	if (r->noffs == r->capoffs) {
		size_t cap = r->capoffs ? r->capoffs * 2 : 16;
		size_t *n = xreallocarray(r->offs, cap, sizeof(*n));
		r->offs = n;
		r->capoffs = cap;
	}
	r->offs[r->noffs++] = r->fbuf.len;
	if (len)
		sb_add(&r->fbuf, s, len);
	sb_addc(&r->fbuf, '\0');
}

static void on_record(int c, void *data)
{
	(void)c;
	struct csv_reader *r = data;
	r->have = 1;
	r->have_line = r->rec_start;
}

/* the separator of the first line: most frequent of ',', ';' and tab
 * outside quotes; ',' on a tie or when none occurs */
static char guess_separator(const char *s, size_t len, char eol)
{
	size_t comma = 0, semi = 0, tab = 0;
	int quoted = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (c == eol)
			break;
		else if (c == ',')
			comma++;
		else if (c == ';')
			semi++;
		else if (c == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

static void reader_cleanup(void *arg)
{
	csv_close(arg);
}

struct csv_reader *csv_open(struct arena *a, const char *data, size_t len)
{
	struct csv_reader *r = arena_alloc(a, sizeof(*r));
	if (!data)
		len = 0;
	r->data = data ? data : "";
	r->len = len;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		r->bom = 1;
		r->pos = 3;
	}
	r->eol = memchr(r->data, '\n', len) || !memchr(r->data, '\r', len) ? '\n' : '\r';
	r->sep = guess_separator(r->data + r->pos, len - r->pos, r->eol);
	r->line = r->rec_start = 1;
	sb_init(&r->fbuf, 256);
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI)) {
		r->failed = 1;
	} else {
		r->parser_live = 1;
		csv_set_delim(&r->p, (unsigned char)r->sep);
		csv_set_term_func(&r->p, r->eol == '\n' ? term_lf : term_cr);
		csv_set_space_func(&r->p, r->eol == '\n' ? space_lf : space_cr);
		csv_set_blk_size(&r->p, 1024);
	}
	/* a caller that forgets csv_close leaks nothing */
	arena_defer(a, reader_cleanup, r);
	return r;
}

char csv_separator(const struct csv_reader *r)
{
	return r->sep;
}

int csv_had_bom(const struct csv_reader *r)
{
	return r->bom;
}

size_t csv_offset(const struct csv_reader *r)
{
	return r->pos;
}

static int fail(struct csv_reader *r, struct strbuf *err, size_t line, const char *why)
{
	r->failed = 1;
	if (err) {
		sb_reset(err);
		sb_addf(err, "line %zu: %s", line, why);
	}
	return -1;
}

int csv_next(struct csv_reader *r, struct csv_record *rec, struct strbuf *err)
{
	if (r->failed)
		return fail(r, err, r->line, "the file could not be read further");
	sb_reset(&r->fbuf);
	r->noffs = 0;
	while (!r->have) {
		if (r->done)
			return 0;
		if (r->pos >= r->len) {
			r->done = 1;
			if (csv_fini(&r->p, on_field, on_record, r))
				return fail(r, err, r->rec_start, "a quoted field is not closed: its closing quote is missing");
			break;
		}
		const char *start = r->data + r->pos;
		const char *nl = memchr(start, r->eol, r->len - r->pos);
		size_t n = nl ? (size_t)(nl - start) + 1 : r->len - r->pos;
		if (r->p.pstate == 0)
			r->rec_start = r->line;
		size_t used = csv_parse(&r->p, start, n, on_field, on_record, r);
		if (used < n) {
			if (csv_error(&r->p) == CSV_EPARSE)
				return fail(r, err, r->line, "a quote is out of place; a field holding quotes must be "
					    "quoted as a whole, with each quote inside it doubled");
			return fail(r, err, r->line, csv_strerror(csv_error(&r->p)));
		}
		r->pos += n;
		if (nl)
			r->line++;
	}
	if (!r->have)
		return 0;
	r->have = 0;
	if (r->noffs > r->capfields) {
		size_t cap = r->noffs * 2;
		const char **f = xreallocarray(r->fields, cap, sizeof(*f));
		r->fields = f;
		r->capfields = cap;
	}
	for (size_t i = 0; i < r->noffs; i++)
		r->fields[i] = r->fbuf.buf + r->offs[i];
	rec->line = r->have_line;
	rec->n = r->noffs;
	rec->fields = r->fields;
	return 1;
}

void csv_close(struct csv_reader *r)
{
	if (!r)
		return;
	if (r->parser_live) {
		csv_free(&r->p);
		r->parser_live = 0;
	}
	sb_release(&r->fbuf);
	free(r->offs);
	free(r->fields);
	r->offs = NULL;
	r->fields = NULL;
	r->noffs = r->capoffs = r->capfields = 0;
	r->failed = 1;
}

/* ------------------------------------------------------------- writing */

void csv_write_field(struct strbuf *out, const char *s, char sep)
{
	if (!s)
		s = "";
	size_t len = strlen(s);
	int quote = len && (s[0] == ' ' || s[len - 1] == ' ');
	for (const char *p = s; *p && !quote; p++)
		quote = *p == sep || *p == '"' || *p == '\r' || *p == '\n';
	if (!quote) {
		sb_add(out, s, len);
		return;
	}
	sb_addc(out, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			sb_addc(out, '"');
		sb_addc(out, *p);
	}
	sb_addc(out, '"');
}

/* ------------------------------------------------------------- amounts */

/* bytes of white space at p (ASCII space or tab, U+00A0, U+202F), 0 if none */
static size_t space_at(const char *p, const char *e)
{
	if (p >= e)
		return 0;
	if (*p == ' ' || *p == '\t')
		return 1;
	if (e - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
		return 2;
	if (e - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0xAF)
		return 3;
	return 0;
}

/* bytes of white space ending at e */
static size_t space_before(const char *s, const char *e)
{
	if (e <= s)
		return 0;
	if (e[-1] == ' ' || e[-1] == '\t')
		return 1;
	if (e - s >= 2 && (unsigned char)e[-2] == 0xC2 && (unsigned char)e[-1] == 0xA0)
		return 2;
	if (e - s >= 3 && (unsigned char)e[-3] == 0xE2 && (unsigned char)e[-2] == 0x80 && (unsigned char)e[-1] == 0xAF)
		return 3;
	return 0;
}

static const char *const currencies[] = {
	"\xE2\x82\xAC", "$", "\xC2\xA3", "kr.", "kr", "EUR", "NOK", "SEK", "DKK", "ISK", "USD", "GBP", "CHF",
};

static int ieq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return 0;
	}
	return 1;
}

static int is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* a currency at p, followed by no letter: its length, or 0 */
static size_t currency_at(const char *p, const char *e)
{
	for (size_t i = 0; i < sizeof(currencies) / sizeof(currencies[0]); i++) {
		size_t n = strlen(currencies[i]);
		if ((size_t)(e - p) >= n && ieq(p, currencies[i], n) && (p + n == e || !is_letter(p[n])))
			return n;
	}
	return 0;
}

/* a currency ending at e, preceded by no letter: its length, or 0 */
static size_t currency_before(const char *s, const char *e)
{
	for (size_t i = 0; i < sizeof(currencies) / sizeof(currencies[0]); i++) {
		size_t n = strlen(currencies[i]);
		if ((size_t)(e - s) >= n && ieq(e - n, currencies[i], n) && (e - n == s || !is_letter(e[-(long)n - 1])))
			return n;
	}
	return 0;
}

/* a sign at p ('-', '+' or U+2212): its length, with *neg set */
static size_t sign_at(const char *p, const char *e, int *neg)
{
	if (p < e && (*p == '-' || *p == '+')) {
		*neg = *p == '-';
		return 1;
	}
	if (e - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x88 && (unsigned char)p[2] == 0x92) {
		*neg = 1;
		return 3;
	}
	return 0;
}

#define MAX_GROUPS 16

int csv_parse_amount(const char *s, char decimal, int64_t *minor)
{
	if (!s || (decimal && decimal != '.' && decimal != ','))
		return -1;
	const char *p = s, *e = s + strlen(s);
	size_t n;
	while ((n = space_at(p, e)))
		p += n;
	while ((n = space_before(p, e)))
		e -= n;

	/* a sign, a currency and a sign, in that order, each optional; or a
	 * currency after the number */
	int neg = 0, signed_ = 0;
	if ((n = sign_at(p, e, &neg))) {
		signed_ = 1;
		p += n;
		while ((n = space_at(p, e)))
			p += n;
	}
	if ((n = currency_at(p, e))) {
		p += n;
		while ((n = space_at(p, e)))
			p += n;
		if (!signed_ && (n = sign_at(p, e, &neg))) {
			p += n;
			while ((n = space_at(p, e)))
				p += n;
		}
	} else if ((n = currency_before(p, e))) {
		e -= n;
		while ((n = space_before(p, e)))
			e -= n;
	}

	/* "1.234,-": whole units, with the mark before the dash as decimal */
	char dash_mark = 0;
	if (e - p >= 2 && e[-1] == '-' && (e[-2] == ',' || e[-2] == '.')) {
		dash_mark = e[-2];
		if (decimal && decimal != dash_mark)
			return -1;
		e -= 2;
	}

	/* digit groups and the single separators between them */
	struct { const char *d; size_t n; } g[MAX_GROUPS];
	char sepv[MAX_GROUPS];
	size_t ng = 0;
	while (p < e) {
		if (ng == MAX_GROUPS)
			return -1;
		const char *d = p;
		while (p < e && *p >= '0' && *p <= '9')
			p++;
		if (p == d)
			return -1;	/* no digit where one must be: "12abc", "1..2", "€" */
		g[ng].d = d;
		g[ng].n = (size_t)(p - d);
		ng++;
		if (p == e)
			break;
		if (*p == '.' || *p == ',' || *p == '\'') {
			sepv[ng - 1] = *p;
			p++;
		} else if ((n = space_at(p, e))) {
			sepv[ng - 1] = ' ';
			p += n;
		} else {
			return -1;
		}
		if (p == e)
			return -1;	/* a trailing separator */
	}
	if (!ng)
		return -1;
	size_t nsep = ng - 1;

	/* which mark, if any, is the decimal one */
	char dm = dash_mark ? dash_mark : decimal;
	if (!dm) {
		size_t dots = 0, commas = 0;
		char last = 0;
		for (size_t i = 0; i < nsep; i++) {
			if (sepv[i] == '.')
				dots++;
			else if (sepv[i] == ',')
				commas++;
			if (sepv[i] == '.' || sepv[i] == ',')
				last = sepv[i];
		}
		if (dots && commas)
			dm = last;
		else if (dots + commas == 1 && sepv[nsep - 1] == last &&
			 (g[ng - 1].n != 3 || (g[0].n == 1 && g[0].d[0] == '0' && ng == 2)))
			dm = last;
	}
	size_t nint = ng;		/* groups of the whole part */
	if (dm && nsep && sepv[nsep - 1] == dm)
		nint = ng - 1;
	if (dash_mark && nint != ng)
		return -1;
	/* the grouping: one kind of separator, groups of three after the first */
	char grp = 0;
	for (size_t i = 0; i + 1 < nint; i++) {
		if (sepv[i] == dm || (grp && sepv[i] != grp))
			return -1;
		grp = sepv[i];
	}
	if (nint > 1) {
		if (g[0].n > 3 || g[0].d[0] == '0')
			return -1;
		for (size_t i = 1; i < nint; i++)
			if (g[i].n != 3)
				return -1;
	}
	int64_t v = 0;
	size_t digits = 0;
	for (size_t i = 0; i < nint; i++)
		for (size_t k = 0; k < g[i].n; k++) {
			if (v || g[i].d[k] != '0')
				digits++;
			if (digits > 15)
				return -1;
			v = v * 10 + (g[i].d[k] - '0');
		}
	v *= 100;
	if (nint < ng) {
		const char *d = g[ng - 1].d;
		size_t dn = g[ng - 1].n;
		int64_t cents = (d[0] - '0') * 10 + (dn > 1 ? d[1] - '0' : 0);
		if (dn > 2 && d[2] >= '5')
			cents++;
		v += cents;
	}
	*minor = neg ? -v : v;
	return 0;
}

/* ---------------------------------------------------------------- days */

static int digits_at(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	return 1;
}

static int day_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

/* what may follow a day: nothing, or 'T' or ' ' and a time "HH:MM" with
 * optional seconds, fraction and zone ("Z", "+01:00") */
static int time_ok(const char *p, const char *e)
{
	if (p == e)
		return 1;
	if (*p != 'T' && *p != ' ')
		return 0;
	p++;
	if (e - p < 5 || !digits_at(p, 2) || p[2] != ':' || !digits_at(p + 3, 2))
		return 0;
	for (p += 5; p < e; p++)
		if (!((*p >= '0' && *p <= '9') || *p == ':' || *p == '.' || *p == '+' || *p == '-' || *p == 'Z' ||
		      *p == ' '))
			return 0;
	return 1;
}

static int num(const char *p, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

int csv_parse_day(const char *s, char out[11])
{
	out[0] = '\0';
	if (!s)
		return -1;
	const char *p = s, *e = s + strlen(s);
	size_t n;
	while ((n = space_at(p, e)))
		p += n;
	while ((n = space_before(p, e)))
		e -= n;
	int y, m, d;
	if (e - p >= 10 && digits_at(p, 4) && p[4] == '-' && digits_at(p + 5, 2) && p[7] == '-' && digits_at(p + 8, 2)) {
		if (!time_ok(p + 10, e))
			return -1;
		y = num(p, 4);
		m = num(p + 5, 2);
		d = num(p + 8, 2);
	} else {
		/* day first: D[D] sep M[M] sep YYYY, one separator throughout */
		const char *q = p;
		size_t dn = 0, mn = 0;
		while (q < e && dn < 3 && *q >= '0' && *q <= '9')
			q++, dn++;
		if (dn < 1 || dn > 2 || q == e || (*q != '-' && *q != '.' && *q != '/'))
			return -1;
		char sep = *q++;
		const char *mp = q;
		while (q < e && mn < 3 && *q >= '0' && *q <= '9')
			q++, mn++;
		if (mn < 1 || mn > 2 || q == e || *q != sep)
			return -1;
		q++;
		if (e - q < 4 || !digits_at(q, 4) || (q + 4 < e && *(q + 4) >= '0' && *(q + 4) <= '9'))
			return -1;
		if (!time_ok(q + 4, e))
			return -1;
		d = num(p, dn);
		m = num(mp, mn);
		y = num(q, 4);
	}
	if (!day_valid(y, m, d))
		return -1;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return 0;
}
