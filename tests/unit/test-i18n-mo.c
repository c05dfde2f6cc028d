/*
 * test-i18n-mo: the .mo reader in src/lib/i18n.c on catalogs built here, in
 * both byte orders — lookups, plural forms, empty translations and broken
 * files fall back to the msgid — and the catalogs built into the binary.
 */
#include "check-util.h"
#include "lib/i18n.h"
#include "lib/assets.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	const char *id;
	size_t idlen;		/* includes the "\0plural" part of plural entries */
	const char *str;
	size_t strlen_;
};

#define E(id, str) { id, sizeof(id) - 1, str, sizeof(str) - 1 }
/* sorted by msgid bytes, as msgfmt writes them */
static const struct entry entries[] = {
	E("", "Content-Type: text/plain; charset=UTF-8\n"),
	E("%d deal\0%d deals", "%d avtale\0%d avtaler"),
	E("%d file\0%d files", "%d fil"),	/* only one form translated */
	E("Hello", "Hallo"),
	E("Sign in", "Logg inn"),
	E("Untranslated", ""),
	E("\xC3\x98re", "\xC3\x98re!"),
};
#define NENT (sizeof(entries) / sizeof(entries[0]))

static void put32(unsigned char *p, uint32_t v, int big)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(big ? v >> (24 - 8 * i) : v >> (8 * i));
}

/* builds a .mo image in the given byte order; the caller frees it */
static unsigned char *build_mo(int big, size_t *len)
{
	size_t n = NENT, data = 28 + 16 * n, size = data;
	for (size_t i = 0; i < n; i++)
		size += entries[i].idlen + 1 + entries[i].strlen_ + 1;
	unsigned char *mo = calloc(1, size);
	put32(mo, 0x950412de, big);
	put32(mo + 4, 0, big);
	put32(mo + 8, (uint32_t)n, big);
	put32(mo + 12, 28, big);
	put32(mo + 16, (uint32_t)(28 + 8 * n), big);
	put32(mo + 20, 0, big);
	put32(mo + 24, 0, big);
	size_t off = data;
	for (size_t i = 0; i < n; i++) {
		put32(mo + 28 + 8 * i, (uint32_t)entries[i].idlen, big);
		put32(mo + 32 + 8 * i, (uint32_t)off, big);
		memcpy(mo + off, entries[i].id, entries[i].idlen);
		off += entries[i].idlen + 1;
	}
	for (size_t i = 0; i < n; i++) {
		put32(mo + 28 + 8 * n + 8 * i, (uint32_t)entries[i].strlen_, big);
		put32(mo + 32 + 8 * n + 8 * i, (uint32_t)off, big);
		memcpy(mo + off, entries[i].str, entries[i].strlen_);
		off += entries[i].strlen_ + 1;
	}
	*len = size;
	return mo;
}

/* the catalogs must outlive the lookups: kept until exit, freed by atexit */
static unsigned char *keep[16];
static size_t nkeep;
static void free_kept(void)
{
	for (size_t i = 0; i < nkeep; i++)
		free(keep[i]);
}

static void load(enum lang l, int big)
{
	size_t len;
	unsigned char *mo = build_mo(big, &len);
	keep[nkeep++] = mo;
	i18n_load(l, mo, len);
}

START_TEST(lookups_both_byte_orders)
{
	/* _i 0: little-endian into nb; 1: big-endian into nl */
	enum lang l = _i ? LANG_NL : LANG_NB;
	load(l, _i);
	ck_assert_str_eq(tr(l, "Hello"), "Hallo");
	ck_assert_str_eq(tr(l, "Sign in"), "Logg inn");
	ck_assert_str_eq(tr(l, "\xC3\x98re"), "\xC3\x98re!");
	/* not in the catalog, a prefix of an entry, an entry's prefix */
	ck_assert_str_eq(tr(l, "Goodbye"), "Goodbye");
	ck_assert_str_eq(tr(l, "Sign"), "Sign");
	ck_assert_str_eq(tr(l, "Sign in now"), "Sign in now");
	ck_assert_str_eq(tr(l, "Hell"), "Hell");
	/* an empty translation means "not translated yet" */
	ck_assert_str_eq(tr(l, "Untranslated"), "Untranslated");
	/* plurals: n == 1 the first form, otherwise the second */
	ck_assert_str_eq(trn(l, "%d deal", "%d deals", 1), "%d avtale");
	ck_assert_str_eq(trn(l, "%d deal", "%d deals", 0), "%d avtaler");
	ck_assert_str_eq(trn(l, "%d deal", "%d deals", 2), "%d avtaler");
	ck_assert_str_eq(trn(l, "%d deal", "%d deals", -1), "%d avtaler");
	/* a plural entry is not found by its singular alone, nor with another plural */
	ck_assert_str_eq(tr(l, "%d deal"), "%d deal");
	ck_assert_str_eq(trn(l, "%d deal", "%d dealz", 2), "%d dealz");
	/* a missing second form: the first one rather than nothing */
	ck_assert_str_eq(trn(l, "%d file", "%d files", 3), "%d fil");
	ck_assert_str_eq(trn(l, "%d month", "%d months", 1), "%d month");
	ck_assert_str_eq(trn(l, "%d month", "%d months", 5), "%d months");
	/* English has no catalog loaded */
	ck_assert_str_eq(tr(LANG_EN, "Hello"), "Hello");
}
END_TEST

START_TEST(long_plural_key)
{
	/* a key longer than trn's stack buffer takes the heap path */
	char *one = malloc(600), *many = malloc(600);
	memset(one, 'x', 599);
	one[599] = '\0';
	memset(many, 'y', 599);
	many[599] = '\0';
	load(LANG_NB, 0);
	ck_assert_ptr_eq(trn(LANG_NB, one, many, 1), one);
	ck_assert_ptr_eq(trn(LANG_NB, one, many, 7), many);
	free(one);
	free(many);
}
END_TEST

START_TEST(broken_catalogs_ignored)
{
	/* loaded into English, which has no catalog: any mistake would show */
	static const unsigned char short_file[10] = { 0xde, 0x12, 0x04, 0x95 };
	i18n_load(LANG_EN, short_file, sizeof(short_file));
	ck_assert_str_eq(tr(LANG_EN, "Hello"), "Hello");

	size_t len;
	unsigned char *mo = build_mo(0, &len);
	keep[nkeep++] = mo;
	unsigned char *bad = malloc(len);
	keep[nkeep++] = bad;
	memcpy(bad, mo, len);
	bad[0] ^= 0xff;	/* wrong magic */
	i18n_load(LANG_EN, bad, len);
	ck_assert_str_eq(tr(LANG_EN, "Hello"), "Hello");

	/* tables that claim more entries than the file holds */
	unsigned char *lying = malloc(len);
	keep[nkeep++] = lying;
	memcpy(lying, mo, len);
	put32(lying + 8, 100000, 0);
	i18n_load(LANG_EN, lying, len);
	ck_assert_str_eq(tr(LANG_EN, "Hello"), "Hello");

	/* a string offset past the end: that entry is skipped, nothing is read outside */
	unsigned char *trunc = malloc(len);
	keep[nkeep++] = trunc;
	memcpy(trunc, mo, len);
	put32(trunc + 28 + 8 * NENT + 8 * 3 + 4, (uint32_t)len + 100, 0);	/* "Hello"'s translation */
	i18n_load(LANG_EN, trunc, len);
	ck_assert_str_eq(tr(LANG_EN, "Hello"), "Hello");
	ck_assert_str_eq(tr(LANG_EN, "Sign in"), "Logg inn");
}
END_TEST

START_TEST(embedded_catalogs)
{
	/* whatever po/nl.mo and po/nb.mo hold, they load and leave unknown text alone */
	const char *names[] = { "po/nl.mo", "po/nb.mo" };
	enum lang langs[] = { LANG_NL, LANG_NB };
	for (int i = 0; i < 2; i++) {
		const struct asset *a = asset_find(names[i]);
		ck_assert_msg(a != NULL, "%s is not built in", names[i]);
		ck_assert_uint_ge(a->len, 28);
		ck_assert_int_eq(a->data[0] == 0xde || a->data[0] == 0x95, 1);
		i18n_load(langs[i], a->data, a->len);
		ck_assert_str_eq(tr(langs[i], "No such text xyzzy"), "No such text xyzzy");
		ck_assert_str_eq(trn(langs[i], "xyzzy", "xyzzies", 2), "xyzzies");
	}
	ck_assert_ptr_null(asset_find("po/de.mo"));
	ck_assert_ptr_nonnull(asset_find("migrations/0001_foundation.sql"));
}
END_TEST

int main(void)
{
	atexit(free_kept);
	Suite *s = suite_create("i18n-mo");
	TCase *tc = tcase_create("mo");
	tcase_add_loop_test(tc, lookups_both_byte_orders, 0, 2);
	tcase_add_test(tc, long_plural_key);
	tcase_add_test(tc, broken_catalogs_ignored);
	tcase_add_test(tc, embedded_catalogs);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
