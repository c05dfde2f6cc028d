/*
 * spreadsheet: see spreadsheet.h. The CSV is what a spreadsheet in the reader's
 * language opens without a wizard: a byte order mark so Excel reads UTF-8,
 * CRLF line ends, ';' and a decimal comma for Dutch and Norwegian, ',' and a
 * decimal point for English. Numbers carry no thousands separators (a
 * spreadsheet would read them as text). Money is a plain number with two
 * decimals and the currency goes into the column title ("Value (EUR)");
 * percentages are written as a percentage with one decimal (84.5, not
 * 0.845) and their column title gets " (%)", so a person reading the file
 * sees the number the page showed. Text that a spreadsheet would run as a
 * formula (starting with '=', '+', '-', '@', tab or CR) gets a leading
 * apostrophe, the usual guard against CSV injection: the data are the
 * users', the spreadsheet is someone else's.
 *
 * The .xlsx has real cells — numbers with "#,##0" / "#,##0.00" formats,
 * percentages as fractions under "0.0%", dates as date cells under
 * "yyyy-mm-dd" — so sums and filters work; Excel shows the separators of the
 * reader's own locale. libxlsxwriter 1.1.4 can only write to a file, so the
 * workbook goes to a private temporary file that is read back and removed.
 */
#include "spreadsheet.h"
#include "csv.h"
#include "xalloc.h"
#include <xlsxwriter.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* the column title as written: money with its currency, CSV percentages with (%) */
static void title(struct strbuf *o, const struct table *t, size_t col, int csv)
{
	const struct table_col *c = &t->cols[col];
	sb_adds(o, c->title ? c->title : "");
	if (c->type == CELL_MONEY)
		sb_addf(o, " (%s)", t->currency && *t->currency ? t->currency : "EUR");
	else if (c->type == CELL_PCT && csv)
		sb_adds(o, " (%)");
}

/* v with `decimals` decimals and the given mark, no grouping, no "-0" */
static void plain_number(struct strbuf *o, double v, int decimals, char mark)
{
	double scale = decimals == 1 ? 10.0 : 100.0;
	double r = round(v * scale) / scale;
	if (r == 0)
		r = 0;	/* -0.0 prints as "-0.00" */
	char buf[64];
	snprintf(buf, sizeof(buf), "%.*f", decimals, r);
	for (char *p = buf; *p; p++)
		if (*p == '.')
			*p = mark;
	sb_adds(o, buf);
}

static void money_number(struct strbuf *o, int64_t minor, char mark)
{
	uint64_t m = minor < 0 ? (uint64_t)(-(minor + 1)) + 1 : (uint64_t)minor;
	sb_addf(o, "%s%llu%c%02llu", minor < 0 ? "-" : "", (unsigned long long)(m / 100), mark,
		(unsigned long long)(m % 100));
}

enum err spreadsheet_csv(const struct table *t, enum lang l, struct strbuf *out)
{
	char sep = l == LANG_EN ? ',' : ';', mark = l == LANG_EN ? '.' : ',';
	struct strbuf tmp = STRBUF_INIT;
	sb_adds(out, "\xEF\xBB\xBF");
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			sb_addc(out, sep);
		sb_reset(&tmp);
		title(&tmp, t, c, 1);
		csv_write_field(out, tmp.buf, sep);
	}
	sb_adds(out, "\r\n");
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				sb_addc(out, sep);
			const struct cell *x = table_cell(t, r, c);
			if (!x || !x->set)
				continue;
			switch (t->cols[c].type) {
			case CELL_TEXT:
				if (x->text && x->text[0] && strchr("=+-@\t\r", x->text[0])) {
					sb_reset(&tmp);
					sb_addc(&tmp, '\'');
					sb_adds(&tmp, x->text);
					csv_write_field(out, tmp.buf, sep);
				} else {
					csv_write_field(out, x->text, sep);
				}
				break;
			case CELL_DATE:
				csv_write_field(out, x->text, sep);
				break;
			case CELL_INT:
				sb_addf(out, "%lld", (long long)x->i);
				break;
			case CELL_MONEY:
				money_number(out, x->i, mark);
				break;
			case CELL_NUM:
				if (isfinite(x->d))
					plain_number(out, x->d, 2, mark);
				break;
			case CELL_PCT:
				if (isfinite(x->d))
					plain_number(out, x->d * 100.0, 1, mark);
				break;
			}
		}
		sb_adds(out, "\r\n");
	}
	sb_release(&tmp);
	return E_OK;
}

/* ---------------------------------------------------------------- xlsx */

/* Excel's limit on a cell's text */
#define XLSX_MAX_STRING 32767

/* characters (not bytes) of UTF-8 text, for column widths */
static size_t text_width(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static size_t digits_width(int64_t v)
{
	char buf[32];
	int n = snprintf(buf, sizeof(buf), "%lld", (long long)v);
	size_t d = (size_t)n - (v < 0);
	return (size_t)n + (d - 1) / 3;	/* plus thousands separators */
}

static size_t cell_width(const struct table *t, size_t col, const struct cell *x)
{
	switch (t->cols[col].type) {
	case CELL_TEXT: return text_width(x->text);
	case CELL_DATE: return 10;
	case CELL_INT: return digits_width(x->i);
	case CELL_MONEY: return digits_width(x->i / 100) + 3;
	case CELL_NUM: return isfinite(x->d) && fabs(x->d) < 1e15 ? digits_width((int64_t)x->d) + 3 : 0;
	case CELL_PCT: return 6;
	}
	return 0;
}

/* a sheet name Excel accepts: at most 31 characters, none of []:*?/\,
 * not starting or ending with an apostrophe, not empty */
static void sheet_name(const char *name, char *out, size_t outsz)
{
	size_t o = 0, chars = 0;
	for (const char *p = name ? name : ""; *p && chars < 31; ) {
		size_t n = 1;
		unsigned char c = (unsigned char)*p;
		if (c >= 0xC0)
			while (((unsigned char)p[n] & 0xC0) == 0x80 && n < 4)
				n++;
		if (o + n + 1 > outsz)
			break;
		if (n == 1 && (strchr("[]:*?/\\", (char)c) || c < 0x20))
			out[o++] = '-';
		else {
			memcpy(out + o, p, n);
			o += n;
		}
		p += n;
		chars++;
	}
	out[o] = '\0';
	while (o && out[0] == '\'')
		memmove(out, out + 1, o--);
	while (o && out[o - 1] == '\'')
		out[--o] = '\0';
	if (!o)
		snprintf(out, outsz, "Sheet1");
}

/* a string cell, cut at Excel's limit on a character boundary; control
 * characters other than tab and line breaks are not allowed in the XML of a
 * sheet (Excel calls such a file damaged), so they become spaces */
static lxw_error write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *f)
{
	size_t len = strlen(s);
	int clean = 1;
	for (const char *p = s; *p && clean; p++)
		clean = (unsigned char)*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r';
	if (len <= XLSX_MAX_STRING && clean)
		return worksheet_write_string(ws, row, col, s, f);
	size_t cut = len;
	if (cut > XLSX_MAX_STRING) {
		cut = XLSX_MAX_STRING;
		while (cut && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	char *copy = xstrndup(s, cut);
	for (char *p = copy; *p; p++)
		if ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			*p = ' ';
	lxw_error e = worksheet_write_string(ws, row, col, copy, f);
	free(copy);
	return e;
}

static int read_file(const char *path, struct strbuf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_add(out, buf, n);
	int bad = ferror(f);
	fclose(f);
	return bad ? -1 : 0;
}

enum err spreadsheet_xlsx(const struct table *t, enum lang l, struct strbuf *out, struct strbuf *errmsg)
{
	(void)l;	/* titles come translated; Excel formats numbers in its own locale */
	if (t->nrows + 1 > LXW_ROW_MAX || t->ncols > LXW_COL_MAX) {
		if (errmsg)
			sb_adds(errmsg, "the table is larger than an Excel sheet");
		return E_TOOLARGE;
	}
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	struct strbuf path = STRBUF_INIT;
	sb_addf(&path, "%s/salesgarden-export-XXXXXX.xlsx", dir);
	int fd = mkstemps(path.buf, 5);
	if (fd < 0) {
		if (errmsg)
			sb_addf(errmsg, "cannot create a temporary file in %s", dir);
		sb_release(&path);
		return E_INTERNAL;
	}
	close(fd);

	enum err result = E_INTERNAL;
	lxw_workbook_options opt = { .constant_memory = 1, .tmpdir = (char *)dir };
	lxw_workbook *wb = workbook_new_opt(path.buf, &opt);
	if (!wb) {
		if (errmsg)
			sb_adds(errmsg, "libxlsxwriter could not start a workbook");
		goto out;
	}
	char name[32 * 4 + 1];
	sheet_name(t->name, name, sizeof(name));
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	if (!ws)
		ws = workbook_add_worksheet(wb, NULL);
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_format *fmt[CELL_DATE + 1] = { NULL };
	static const char *const codes[CELL_DATE + 1] = {
		[CELL_INT] = "#,##0", [CELL_NUM] = "#,##0.00", [CELL_MONEY] = "#,##0.00",
		[CELL_PCT] = "0.0%", [CELL_DATE] = "yyyy-mm-dd",
	};
	for (int i = CELL_INT; i <= CELL_DATE; i++) {
		fmt[i] = workbook_add_format(wb);
		format_set_num_format(fmt[i], codes[i]);
	}

	/* widths first: in constant-memory mode rows go straight to disk */
	struct strbuf tmp = STRBUF_INIT;
	for (size_t c = 0; c < t->ncols; c++) {
		sb_reset(&tmp);
		title(&tmp, t, c, 0);
		size_t w = text_width(tmp.buf) + 2;	/* bold is wider */
		for (size_t r = 0; r < t->nrows; r++) {
			const struct cell *x = table_cell(t, r, c);
			if (x->set) {
				size_t cw = cell_width(t, c, x);
				if (cw > w)
					w = cw;
			}
		}
		if (w < 8)
			w = 8;
		if (w > 60)
			w = 60;
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, (double)w + 1, NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);

	lxw_error e = LXW_NO_ERROR;
	for (size_t c = 0; c < t->ncols && !e; c++) {
		sb_reset(&tmp);
		title(&tmp, t, c, 0);
		e = write_text(ws, 0, (lxw_col_t)c, tmp.buf, bold);
	}
	for (size_t r = 0; r < t->nrows && !e; r++) {
		lxw_row_t row = (lxw_row_t)(r + 1);
		for (size_t c = 0; c < t->ncols && !e; c++) {
			const struct cell *x = table_cell(t, r, c);
			lxw_col_t col = (lxw_col_t)c;
			enum cell_type ty = t->cols[c].type;
			if (!x->set)
				continue;
			switch (ty) {
			case CELL_TEXT:
				if (x->text && *x->text)
					e = write_text(ws, row, col, x->text, NULL);
				break;
			case CELL_INT:
				e = worksheet_write_number(ws, row, col, (double)x->i, fmt[ty]);
				break;
			case CELL_MONEY:
				e = worksheet_write_number(ws, row, col, (double)x->i / 100.0, fmt[ty]);
				break;
			case CELL_NUM:
			case CELL_PCT:
				if (isfinite(x->d))
					e = worksheet_write_number(ws, row, col, x->d, fmt[ty]);
				break;
			case CELL_DATE: {
				char day[11];
				if (x->text && !csv_parse_day(x->text, day)) {
					lxw_datetime dt = { atoi(day), atoi(day + 5), atoi(day + 8), 0, 0, 0 };
					e = worksheet_write_datetime(ws, row, col, &dt, fmt[ty]);
				} else if (x->text) {
					e = write_text(ws, row, col, x->text, NULL);
				}
				break;
			}
			}
		}
	}
	sb_release(&tmp);
	if (e) {
		if (errmsg)
			sb_addf(errmsg, "libxlsxwriter: %s", lxw_strerror(e));
		workbook_close(wb);
		goto out;
	}
	e = workbook_close(wb);
	if (e) {
		if (errmsg)
			sb_addf(errmsg, "libxlsxwriter: %s", lxw_strerror(e));
		goto out;
	}
	size_t before = out->len;
	if (read_file(path.buf, out)) {
		sb_setlen(out, before);
		if (errmsg)
			sb_adds(errmsg, "cannot read back the workbook");
		goto out;
	}
	result = E_OK;
out:
	unlink(path.buf);
	sb_release(&path);
	return result;
}
