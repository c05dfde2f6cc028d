/*
 * test-csv: unit tests for src/lib/csv.c, table.c and spreadsheet.c — reading
 * CSV files as Excel and CRMs write them (byte order mark, ';' or tab, CRLF,
 * quoted fields over several lines) with the line each record starts on;
 * amounts and days as people and programs write them, and what is refused;
 * and tables written back out as CSV (byte-exact, per language) and .xlsx.
 */
#include "check-util.h"
#include "lib/csv.h"
#include "lib/table.h"
#include "lib/spreadsheet.h"
#include "lib/arena.h"
#include "lib/strbuf.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* reads all of s; records joined as "line:f1|f2\n"; the error as "ERR msg" */
static void read_all(const char *s, size_t len, struct strbuf *out, char *sep)
{
	struct arena *a = arena_new();
	struct csv_reader *r = csv_open(a, s, len);
	struct csv_record rec;
	struct strbuf err = STRBUF_INIT;
	int rc;
	if (sep)
		*sep = csv_separator(r);
	while ((rc = csv_next(r, &rec, &err)) == 1) {
		sb_addf(out, "%zu:", rec.line);
		for (size_t i = 0; i < rec.n; i++)
			sb_addf(out, "%s%s", i ? "|" : "", rec.fields[i]);
		sb_addc(out, '\n');
	}
	if (rc < 0)
		sb_addf(out, "ERR %s", err.buf);
	sb_release(&err);
	csv_close(r);
	arena_free(a);
}

static void check_read(const char *in, const char *want, char want_sep)
{
	struct strbuf got = STRBUF_INIT;
	char sep = 0;
	read_all(in, strlen(in), &got, &sep);
	ck_str(got.buf, want, in);
	if (want_sep)
		ck_assert_msg(sep == want_sep, "%s: separator '%c', want '%c'", in, sep, want_sep);
	sb_release(&got);
}

START_TEST(read_bom_semicolons)
{
	const char *in = "\xEF\xBB\xBFRep;Amount;Date\r\nAnna;12.500,50;23-11-2026\r\nBjørn;300;2026-11-24\r\n";
	struct arena *a = arena_new();
	struct csv_reader *r = csv_open(a, in, strlen(in));
	ck_assert_int_eq(csv_had_bom(r), 1);
	ck_assert_int_eq(csv_separator(r), ';');
	csv_close(r);
	arena_free(a);
	check_read(in, "1:Rep|Amount|Date\n2:Anna|12.500,50|23-11-2026\n3:Bjørn|300|2026-11-24\n", ';');
}
END_TEST

START_TEST(read_separators)
{
	check_read("a\tb\tc\n1\t2,5\t3\n", "1:a|b|c\n2:1|2,5|3\n", '\t');
	check_read("a,b\n1,2\n", "1:a|b\n2:1|2\n", ',');
	/* no separator at all: one column, ',' */
	check_read("name\nAnna\n", "1:name\n2:Anna\n", ',');
	/* separators inside quotes do not count */
	check_read("\"a;b;c\",d\n1,2\n", "1:a;b;c|d\n2:1|2\n", ',');
	/* no BOM */
	struct arena *a = arena_new();
	struct csv_reader *r = csv_open(a, "x;y\n", 4);
	ck_assert_int_eq(csv_had_bom(r), 0);
	arena_free(a);	/* without csv_close: the arena cleans up */
}
END_TEST

START_TEST(read_quotes)
{
	check_read("name,note\n\"Smith, Anna\",\"said \"\"yes\"\"\"\n", "1:name|note\n2:Smith, Anna|said \"yes\"\n", ',');
	check_read("a;b\n\"x;y\";\"\"\n", "1:a|b\n2:x;y|\n", ';');
	/* a line break inside quotes stays in the field, CRLF too */
	check_read("a,b\r\n\"two\r\nlines\",x\r\n", "1:a|b\n2:two\r\nlines|x\n", ',');
	/* spaces around unquoted fields are trimmed, quoted ones kept */
	check_read("a, b ,\" c \"\n", "1:a|b| c \n", ',');
}
END_TEST

START_TEST(read_line_numbers)
{
	/* a record after a field over three lines starts on line 5; blank lines are skipped but counted */
	const char *in = "id,note\n1,\"first\nsecond\nthird\"\n2,plain\n\n\n3,\"x\"\n";
	check_read(in, "1:id|note\n2:1|first\nsecond\nthird\n5:2|plain\n8:3|x\n", ',');
	/* empty trailing line, no final newline */
	check_read("a,b\n1,2\n\n", "1:a|b\n2:1|2\n", ',');
	check_read("a,b\n1,2", "1:a|b\n2:1|2\n", ',');
	check_read("", "", ',');
	check_read("\xEF\xBB\xBF", "", ',');
	/* empty fields are kept */
	check_read("a;b;c\n;;\n", "1:a|b|c\n2:||\n", ';');
	/* CR-only line ends (old Mac) */
	check_read("a,b\r1,2\r", "1:a|b\n2:1|2\n", ',');
}
END_TEST

START_TEST(read_errors)
{
	/* a quote in the middle of an unquoted field */
	check_read("a,b\n1,2\n3,x\"y\n4,5\n", "1:a|b\n2:1|2\nERR line 3: a quote is out of place; a field holding "
		   "quotes must be quoted as a whole, with each quote inside it doubled", ',');
	/* text after a closing quote */
	check_read("a,b\n\"x\"y,2\n", "1:a|b\nERR line 2: a quote is out of place; a field holding "
		   "quotes must be quoted as a whole, with each quote inside it doubled", ',');
	/* a quoted field never closed: the line it starts on */
	check_read("a,b\n1,2\n3,\"open\nand on\nand on\n", "1:a|b\n2:1|2\nERR line 3: a quoted field is not closed: "
		   "its closing quote is missing", ',');
	/* after an error, the reader stays failed */
	struct arena *a = arena_new();
	struct csv_reader *r = csv_open(a, "x\"y\n1\n", 6);
	struct csv_record rec;
	struct strbuf err = STRBUF_INIT;
	ck_assert_int_eq(csv_next(r, &rec, &err), -1);
	ck_assert_int_eq(csv_next(r, &rec, &err), -1);
	sb_release(&err);
	csv_close(r);
	csv_close(r);	/* twice is harmless */
	arena_free(a);
}
END_TEST

START_TEST(read_many_rows)
{
	struct strbuf in = STRBUF_INIT;
	sb_adds(&in, "rep;amount;day\r\n");
	for (int i = 0; i < 100000; i++)
		sb_addf(&in, "Rep %d;%d,50;2026-01-%02d\r\n", i % 50, i, i % 28 + 1);
	struct arena *a = arena_new();
	struct csv_reader *r = csv_open(a, in.buf, in.len);
	struct csv_record rec;
	size_t n = 0;
	int64_t sum = 0;
	int rc;
	while ((rc = csv_next(r, &rec, NULL)) == 1) {
		ck_assert_uint_eq(rec.n, 3);
		ck_assert_uint_eq(rec.line, n + 1);
		if (n) {
			int64_t v;
			ck_assert_int_eq(csv_parse_amount(rec.fields[1], ',', &v), 0);
			sum += v;
		}
		n++;
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(n, 100001);
	ck_assert_uint_eq(csv_offset(r), in.len);
	/* sum of i*100+50 for i < 100000 */
	ck_assert_int_eq(sum, (int64_t)99999 * 100000 / 2 * 100 + 50 * 100000);
	csv_close(r);
	arena_free(a);
	sb_release(&in);
}
END_TEST

START_TEST(write_field)
{
	struct { const char *in, *want; char sep; } cases[] = {
		{ "plain", "plain", ',' },
		{ "a,b", "\"a,b\"", ',' },
		{ "a,b", "a,b", ';' },
		{ "a;b", "\"a;b\"", ';' },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"", ',' },
		{ "two\nlines", "\"two\nlines\"", ',' },
		{ "cr\r", "\"cr\r\"", ',' },
		{ " padded", "\" padded\"", ',' },
		{ "", "", ',' },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		struct strbuf sb = STRBUF_INIT;
		csv_write_field(&sb, cases[i].in, cases[i].sep);
		ck_str(sb.buf, cases[i].want, cases[i].in);
		sb_release(&sb);
	}
}
END_TEST

START_TEST(amounts)
{
	struct { const char *in; char dec; int64_t want; } ok[] = {
		/* the documented forms, guessed */
		{ "12500", 0, 1250000 },
		{ "12500.5", 0, 1250050 },
		{ "12,500.50", 0, 1250050 },
		{ "12.500,50", 0, 1250050 },
		{ "1 234,5", 0, 123450 },
		{ "\xE2\x82\xAC 1.234,50", 0, 123450 },
		{ "-300", 0, -30000 },
		/* a lone mark before exactly three digits groups, otherwise it is decimal */
		{ "12,500", 0, 1250000 },
		{ "1.234", 0, 123400 },
		{ "12,5", 0, 1250 },
		{ "12.50", 0, 1250 },
		{ "0,500", 0, 50 },
		{ "1.234.567", 0, 123456700 },
		{ "1,234,567.891", 0, 123456789 },
		/* the file's decimal mark decides */
		{ "12.500", ',', 1250000 },
		{ "12.500", '.', 1250 },
		{ "12,500", ',', 1250 },
		{ "12,500", '.', 1250000 },
		{ "1.234,5", ',', 123450 },
		{ "1,234.5", '.', 123450 },
		{ "12500", ',', 1250000 },
		/* currencies before and after, signs, spaces */
		{ "EUR 12.500", ',', 1250000 },
		{ "NOK 1 234", 0, 123400 },
		{ "kr 1 234,50", 0, 123450 },
		{ "1 234 kr", 0, 123400 },
		{ "1\xC2\xA0" "234,50\xC2\xA0kr", 0, 123450 },
		{ "1\xE2\x80\xAF" "234", 0, 123400 },
		{ "1.234,50 \xE2\x82\xAC", 0, 123450 },
		{ "$1,234.50", 0, 123450 },
		{ "-\xE2\x82\xAC 300", 0, -30000 },
		{ "\xE2\x82\xAC -300", 0, -30000 },
		{ "\xE2\x88\x92" "300", 0, -30000 },
		{ "+42", 0, 4200 },
		{ "  42  ", 0, 4200 },
		{ "\xE2\x82\xAC 1.234,-", 0, 123400 },
		{ "1'234.50", 0, 123450 },
		{ "0", 0, 0 },
		{ "0.005", 0, 1 },
		{ "0.004", 0, 0 },
		{ "-0.005", 0, -1 },
		{ "999999999999999", 0, 99999999999999900 },
	};
	for (size_t i = 0; i < N_ELEMS(ok); i++) {
		int64_t v = -7;
		int rc = csv_parse_amount(ok[i].in, ok[i].dec, &v);
		ck_assert_msg(rc == 0 && v == ok[i].want, "\"%s\" (decimal '%c'): rc %d, got %lld, want %lld", ok[i].in,
			      ok[i].dec ? ok[i].dec : '0', rc, (long long)v, (long long)ok[i].want);
	}
	struct { const char *in; char dec; } bad[] = {
		{ "", 0 }, { " ", 0 }, { "abc", 0 }, { "12abc", 0 }, { "12 abc", 0 }, { "\xE2\x82\xAC", 0 },
		{ "EUR", 0 }, { "1..2", 0 }, { "1,,2", 0 }, { "12.", 0 }, { ".5", 0 }, { "1.2.3", 0 },
		{ "1,23,456", 0 }, { "1 2", 0 }, { "12.5", ',' }, { "12,5", '.' }, { "1,234.50", ',' },
		{ "1.234,50", '.' }, { "1.234.5", ',' }, { "--5", 0 }, { "5-", 0 }, { "EURO 5", 0 },
		{ "1234.567,5", 0 }, { "1.234 567", 0 }, { "1e5", 0 }, { "0x10", 0 }, { "12,50 USDX", 0 },
		{ "9999999999999999", 0 }, { "0.500", ',' }, { "1.234,-", '.' }, { "1,5,-", 0 },
	};
	for (size_t i = 0; i < N_ELEMS(bad); i++) {
		int64_t v = 0;
		int rc = csv_parse_amount(bad[i].in, bad[i].dec, &v);
		ck_assert_msg(rc == -1, "\"%s\" (decimal '%c') should be refused, got %lld", bad[i].in,
			      bad[i].dec ? bad[i].dec : '0', (long long)v);
	}
}
END_TEST

START_TEST(days)
{
	struct { const char *in, *want; } ok[] = {
		{ "2026-11-23", "2026-11-23" },
		{ "2026-11-23T10:15:00Z", "2026-11-23" },
		{ "2026-11-23T10:15:00.123+01:00", "2026-11-23" },
		{ "2026-11-23 10:15", "2026-11-23" },
		{ "23-11-2026", "2026-11-23" },
		{ "23.11.2026", "2026-11-23" },
		{ "23/11/2026", "2026-11-23" },
		{ "3-1-2026", "2026-01-03" },
		{ "03-01-2026", "2026-01-03" },
		{ "29-02-2028", "2028-02-29" },
		{ "23-11-2026 09:30", "2026-11-23" },
		{ " 2026-11-23 ", "2026-11-23" },
	};
	for (size_t i = 0; i < N_ELEMS(ok); i++) {
		char out[11] = "x";
		int rc = csv_parse_day(ok[i].in, out);
		ck_assert_msg(rc == 0, "\"%s\" should be a day", ok[i].in);
		ck_str(out, ok[i].want, ok[i].in);
	}
	const char *bad[] = {
		"", "2026", "2026-11", "2026-13-01", "2026-11-31", "2026-02-29", "31-02-2026", "29-02-2027",
		"23-11-26", "11/23/2026", "23-11/2026", "23.11-2026", "2026/11/23", "2026-1-5", "123-11-2026",
		"23-11-20261", "2026-11-23x", "2026-11-23T", "2026-11-23 garbage", "0-1-2026", "1-0-2026",
		"tomorrow", "23 nov 2026", "1899-12-31", "2026-11-23T1:00",
	};
	for (size_t i = 0; i < N_ELEMS(bad); i++) {
		char out[11] = "x";
		ck_assert_msg(csv_parse_day(bad[i], out) == -1, "\"%s\" should be refused, got %s", bad[i], out);
	}
}
END_TEST

static struct table *sample(struct arena *a)
{
	struct table *t = table_new(a, "targets 2026/Q4", 6);
	table_col(t, 0, "Rep", CELL_TEXT);
	table_col(t, 1, "Target", CELL_MONEY);
	table_col(t, 2, "Attainment", CELL_PCT);
	table_col(t, 3, "Deals", CELL_INT);
	table_col(t, 4, "Hours", CELL_NUM);
	table_col(t, 5, "Since", CELL_DATE);
	size_t r = table_row(t);
	table_text(t, r, 0, "Anna, \"the closer\"");
	table_money(t, r, 1, 1250000);
	table_pct(t, r, 2, 0.845);
	table_int(t, r, 3, 12);
	table_num(t, r, 4, 1234.5);
	table_date(t, r, 5, "2026-11-23");
	r = table_row(t);
	table_text(t, r, 0, "=SUM(A1)");
	table_money(t, r, 1, -5);
	table_pct(t, r, 2, NAN);
	table_num(t, r, 4, -0.001);
	/* an empty row stays in: cells unset */
	table_row(t);
	return t;
}

START_TEST(table_cells)
{
	struct arena *a = arena_new();
	struct table *t = table_new(a, "t", 2);
	table_col(t, 0, "A", CELL_TEXT);
	table_col(t, 1, "B", CELL_INT);
	char buf[16];
	for (int i = 0; i < 1000; i++) {
		size_t r = table_row(t);
		ck_assert_uint_eq(r, (size_t)i);
		snprintf(buf, sizeof(buf), "row %d", i);
		table_text(t, r, 0, buf);	/* copied: buf is reused */
		table_int(t, r, 1, i * 10);
	}
	ck_assert_uint_eq(t->nrows, 1000);
	ck_str(table_cell(t, 0, 0)->text, "row 0", "first row after growth");
	ck_str(table_cell(t, 999, 0)->text, "row 999", "last row");
	ck_assert_int_eq(table_cell(t, 500, 1)->i, 5000);
	ck_assert_ptr_null(table_cell(t, 1000, 0));
	ck_assert_ptr_null(table_cell(t, 0, 2));
	ck_str(t->currency, "EUR", "default currency");
	/* out of range writes are ignored, not crashes */
	table_int(t, 5000, 0, 1);
	table_text(t, 0, 9, "x");
	arena_free(a);
}
END_TEST

START_TEST(export_csv_en)
{
	struct arena *a = arena_new();
	struct table *t = sample(a);
	struct strbuf out = STRBUF_INIT;
	ck_assert_int_eq(spreadsheet_csv(t, LANG_EN, &out), E_OK);
	ck_str(out.buf, "\xEF\xBB\xBF" "Rep,Target (EUR),Attainment (%),Deals,Hours,Since\r\n"
	       "\"Anna, \"\"the closer\"\"\",12500.00,84.5,12,1234.50,2026-11-23\r\n"
	       "'=SUM(A1),-0.05,,,0.00,\r\n"
	       ",,,,,\r\n", "English CSV");
	sb_release(&out);
	arena_free(a);
}
END_TEST

START_TEST(export_csv_nl)
{
	struct arena *a = arena_new();
	struct table *t = sample(a);
	t->currency = "NOK";
	struct strbuf out = STRBUF_INIT;
	ck_assert_int_eq(spreadsheet_csv(t, LANG_NL, &out), E_OK);
	ck_str(out.buf, "\xEF\xBB\xBF" "Rep;Target (NOK);Attainment (%);Deals;Hours;Since\r\n"
	       "\"Anna, \"\"the closer\"\"\";12500,00;84,5;12;1234,50;2026-11-23\r\n"
	       "'=SUM(A1);-0,05;;;0,00;\r\n"
	       ";;;;;\r\n", "Dutch CSV");
	sb_reset(&out);
	ck_assert_int_eq(spreadsheet_csv(t, LANG_NB, &out), E_OK);
	ck_assert_msg(strstr(out.buf, ";12500,00;84,5;12;1234,50;") != NULL, "Norwegian like Dutch: %s", out.buf);
	sb_release(&out);
	arena_free(a);
}
END_TEST

START_TEST(export_csv_reads_back)
{
	struct arena *a = arena_new();
	struct table *t = sample(a);
	struct strbuf out = STRBUF_INIT;
	spreadsheet_csv(t, LANG_NL, &out);
	struct csv_reader *r = csv_open(a, out.buf, out.len);
	ck_assert_int_eq(csv_had_bom(r), 1);
	ck_assert_int_eq(csv_separator(r), ';');
	struct csv_record rec;
	ck_assert_int_eq(csv_next(r, &rec, NULL), 1);
	ck_assert_int_eq(csv_next(r, &rec, NULL), 1);
	ck_assert_uint_eq(rec.n, 6);
	ck_str(rec.fields[0], "Anna, \"the closer\"", "quoted text");
	int64_t v;
	ck_assert_int_eq(csv_parse_amount(rec.fields[1], ',', &v), 0);
	ck_assert_int_eq(v, 1250000);
	char day[11];
	ck_assert_int_eq(csv_parse_day(rec.fields[5], day), 0);
	ck_str(day, "2026-11-23", "date");
	csv_close(r);
	sb_release(&out);
	arena_free(a);
}
END_TEST

START_TEST(export_xlsx_zip)
{
	struct arena *a = arena_new();
	struct table *t = sample(a);
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	ck_assert_int_eq(spreadsheet_xlsx(t, LANG_EN, &out, &err), E_OK);
	ck_assert_uint_gt(out.len, 1000);
	ck_assert_msg(out.buf[0] == 'P' && out.buf[1] == 'K' && out.buf[2] == 3 && out.buf[3] == 4,
		      "an .xlsx is a zip file");
	/* the zip directory names the sheet */
	ck_assert_ptr_nonnull(memmem(out.buf, out.len, "xl/worksheets/sheet1.xml", 24));
	sb_release(&out);
	sb_release(&err);
	/* a name Excel refuses is made acceptable, an empty table still makes a file */
	struct table *e = table_new(a, "[a]:b*c?d/e\\f-and-a-very-long-name-beyond-31", 1);
	table_col(e, 0, "Only", CELL_TEXT);
	/* text longer than Excel allows in a cell, and a control character */
	struct strbuf big = STRBUF_INIT;
	for (int i = 0; i < 20000; i++)
		sb_adds(&big, "\xC3\xA9");	/* 40000 bytes of "é" */
	table_text(e, table_row(e), 0, big.buf);
	table_text(e, table_row(e), 0, "bell\x07here");
	sb_release(&big);
	ck_assert_int_eq(spreadsheet_xlsx(e, LANG_NL, &out, &err), E_OK);
	ck_assert_msg(out.len > 4 && out.buf[0] == 'P' && out.buf[1] == 'K', "zip: %s", err.buf);
	sb_release(&out);
	sb_release(&err);
	arena_free(a);
}
END_TEST

static Suite *csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("read");
	tcase_add_test(tc, read_bom_semicolons);
	tcase_add_test(tc, read_separators);
	tcase_add_test(tc, read_quotes);
	tcase_add_test(tc, read_line_numbers);
	tcase_add_test(tc, read_errors);
	tcase_add_test(tc, read_many_rows);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	tc = tcase_create("values");
	tcase_add_test(tc, write_field);
	tcase_add_test(tc, amounts);
	tcase_add_test(tc, days);
	suite_add_tcase(s, tc);
	tc = tcase_create("export");
	tcase_add_test(tc, table_cells);
	tcase_add_test(tc, export_csv_en);
	tcase_add_test(tc, export_csv_nl);
	tcase_add_test(tc, export_csv_reads_back);
	tcase_add_test(tc, export_xlsx_zip);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(csv_suite());
}
