/*
 * test-ical: the iCalendar text rules of src/lib/ical.c — TEXT escaping
 * (RFC 5545 §3.3.11) and line folding at 75 octets (§3.1) that never splits
 * a UTF-8 character. Expected values are the exact bytes of the feed.
 */
#include "check-util.h"
#include "lib/ical.h"
#include "lib/strbuf.h"
#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- escape */

static const struct { const char *in, *want; } esc_cases[] = {
	{ "", "" },
	{ "plain text", "plain text" },
	{ "a,b;c\\d", "a\\,b\\;c\\\\d" },
	{ "line 1\nline 2", "line 1\\nline 2" },
	{ "crlf\r\nnext", "crlf\\nnext" },
	{ "lone\rcr", "lone\\ncr" },
	{ "two\n\nbreaks", "two\\n\\nbreaks" },
	{ "colon: stays", "colon: stays" },
	{ "quote \" stays", "quote \" stays" },
	{ "tab\tstays", "tab\tstays" },
	{ "bell\aand\x1f del\x7f", "bell and  del " },
	{ "Café — Ærlig, ø", "Café — Ærlig\\, ø" },
	{ "\\n is not a newline", "\\\\n is not a newline" },
	{ "end\\", "end\\\\" },
};

START_TEST(escape_table)
{
	struct strbuf sb = STRBUF_INIT;
	ical_escape(&sb, esc_cases[_i].in);
	ck_str(sb.buf, esc_cases[_i].want, esc_cases[_i].in);
	sb_release(&sb);
}
END_TEST

START_TEST(escape_null)
{
	struct strbuf sb = STRBUF_INIT;
	ical_escape(&sb, NULL);
	ck_str(sb.buf, "", "NULL appends nothing");
	sb_release(&sb);
}
END_TEST

/* ------------------------------------------------------------------ fold */

/* the octet lengths of the physical lines of folded output, and checks
 * that the output is CRLF-only, continuation lines start with a space and
 * no line starts inside a UTF-8 sequence; returns the unfolded text */
static char *check_folded(const char *out, size_t *nlines, size_t lens[], size_t max)
{
	static char unfolded[4096];
	size_t u = 0;
	*nlines = 0;
	const char *p = out;
	while (*p) {
		const char *eol = strstr(p, "\r\n");
		ck_assert_msg(eol != NULL, "every line ends with CRLF: \"%s\"", p);
		for (const char *q = p; q < eol; q++)
			ck_assert_msg(*q != '\r' && *q != '\n', "no bare CR or LF inside a line");
		size_t len = (size_t)(eol - p);
		ck_assert_msg(len <= 75, "line %zu is %zu octets", *nlines, len);
		const char *content = p;
		if (*nlines > 0) {
			ck_assert_msg(*p == ' ', "continuation line %zu starts with a space", *nlines);
			content++;
		}
		if (content < eol)
			ck_assert_msg(((unsigned char)*content & 0xC0) != 0x80,
				      "line %zu starts inside a UTF-8 character", *nlines);
		if (*nlines < max)
			lens[*nlines] = len;
		(*nlines)++;
		memcpy(unfolded + u, content, (size_t)(eol - content));
		u += (size_t)(eol - content);
		p = eol + 2;
	}
	unfolded[u] = '\0';
	return unfolded;
}

START_TEST(fold_short_line_untouched)
{
	struct strbuf sb = STRBUF_INIT;
	ical_fold(&sb, "VERSION:2.0", 11);
	ck_str(sb.buf, "VERSION:2.0\r\n", "short line");
	sb_reset(&sb);
	ical_fold(&sb, "", 0);
	ck_str(sb.buf, "\r\n", "empty line");
	sb_release(&sb);
}
END_TEST

START_TEST(fold_exact_lengths)
{
	char line[200];
	memset(line, 'x', sizeof(line));
	struct strbuf sb = STRBUF_INIT;
	size_t n, lens[8];

	/* 75 octets fit on one line */
	ical_fold(&sb, line, 75);
	check_folded(sb.buf, &n, lens, 8);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(lens[0], 75);

	/* 76: one octet moves to a continuation line " x" */
	sb_reset(&sb);
	ical_fold(&sb, line, 76);
	check_folded(sb.buf, &n, lens, 8);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(lens[0], 75);
	ck_assert_uint_eq(lens[1], 2);

	/* 75 + 74 + 51 = 200: continuation lines carry 74 octets plus the space */
	sb_reset(&sb);
	ical_fold(&sb, line, 200);
	const char *u = check_folded(sb.buf, &n, lens, 8);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(lens[0], 75);
	ck_assert_uint_eq(lens[1], 75);
	ck_assert_uint_eq(lens[2], 52);
	ck_assert_uint_eq(strlen(u), 200);
	sb_release(&sb);
}
END_TEST

START_TEST(fold_never_splits_utf8)
{
	/* every start offset against two-, three- and four-octet characters */
	static const char *const chars[] = { "é", "—", "😀" };
	for (size_t c = 0; c < N_ELEMS(chars); c++) {
		for (size_t lead = 0; lead < 5; lead++) {
			char line[600] = "SUMMARY:";
			size_t len = strlen(line);
			for (size_t i = 0; i < lead; i++)
				line[len++] = 'a';
			while (len + strlen(chars[c]) < sizeof(line) - 1) {
				memcpy(line + len, chars[c], strlen(chars[c]));
				len += strlen(chars[c]);
			}
			line[len] = '\0';
			struct strbuf sb = STRBUF_INIT;
			ical_fold(&sb, line, len);
			size_t n, lens[32];
			const char *u = check_folded(sb.buf, &n, lens, 32);
			ck_assert_msg(!strcmp(u, line), "unfolding gives the line back (%s, lead %zu)", chars[c], lead);
			ck_assert_msg(n > 1, "long line is folded");
			/* a character is moved whole, so a line is at most 3 octets short */
			for (size_t i = 0; i + 1 < n; i++)
				ck_assert_msg(lens[i] >= 72, "line %zu only %zu octets", i, lens[i]);
			sb_release(&sb);
		}
	}
}
END_TEST

START_TEST(fold_invalid_utf8_still_ends)
{
	/* a run of continuation bytes has no character boundary to cut at */
	char line[160];
	memset(line, 0x80, sizeof(line));
	struct strbuf sb = STRBUF_INIT;
	ical_fold(&sb, line, sizeof(line));
	ck_assert_uint_eq(sb.len, 160 + 2 + 2 * 3);	/* 75 + 74 + 11, two folds */
	sb_release(&sb);
}
END_TEST

START_TEST(prop_escapes_and_folds)
{
	struct strbuf sb = STRBUF_INIT;
	ical_prop(&sb, "SUMMARY", "Demo, for the CFO; Ærøskøbing\nnext", 1);
	ck_str(sb.buf, "SUMMARY:Demo\\, for the CFO\\; Ærøskøbing\\nnext\r\n", "escaped");
	sb_reset(&sb);
	ical_prop(&sb, "DTSTART;VALUE=DATE", "20261127", 0);
	ck_str(sb.buf, "DTSTART;VALUE=DATE:20261127\r\n", "raw value");
	sb_reset(&sb);
	/* an escape sequence may be split by a fold; unfolding restores it */
	char what[120];
	memset(what, 'w', sizeof(what));
	memcpy(what + 66, ",,,,", 4);
	what[119] = '\0';
	ical_prop(&sb, "DESCRIPTION", what, 1);
	size_t n, lens[4];
	const char *u = check_folded(sb.buf, &n, lens, 4);
	ck_assert_uint_eq(n, 2);
	ck_assert_msg(strstr(u, "\\,\\,\\,\\,") != NULL, "escapes survive unfolding: %s", u);
	sb_release(&sb);
}
END_TEST

static Suite *ical_suite(void)
{
	Suite *s = suite_create("ical");
	TCase *tc = tcase_create("escape");
	tcase_add_loop_test(tc, escape_table, 0, (int)N_ELEMS(esc_cases));
	tcase_add_test(tc, escape_null);
	suite_add_tcase(s, tc);

	tc = tcase_create("fold");
	tcase_add_test(tc, fold_short_line_untouched);
	tcase_add_test(tc, fold_exact_lengths);
	tcase_add_test(tc, fold_never_splits_utf8);
	tcase_add_test(tc, fold_invalid_utf8_still_ends);
	tcase_add_test(tc, prop_escapes_and_folds);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(ical_suite());
}
