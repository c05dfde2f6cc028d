/*
 * test-localpath: the one check for redirect targets (lib/localpath.c), as
 * a table — what passes, and every way found to leave the site or break the
 * Location header: tabs, CR/LF, backslashes, "//", "/\", the encoded forms
 * of each, and absolute addresses.
 */
#include "check-util.h"
#include "lib/localpath.h"

struct case_ {
	const char *in;
	int ok;
};

static const struct case_ cases[] = {
	{ "/", 1 },
	{ "/deals", 1 },
	{ "/deals/12?tab=steps", 1 },
	{ "/agenda?rep=3&done=x", 1 },
	{ "/account#language", 1 },
	{ "/accounts?q=caf%C3%A9%20bar", 1 },
	{ "/http://evil.example", 1 },		/* a path on this site */
	{ "/a/b//c", 1 },			/* "//" later is still a path */
	{ NULL, 0 },
	{ "", 0 },
	{ "deals", 0 },				/* relative */
	{ "http://evil.example/", 0 },
	{ "https://evil.example", 0 },
	{ "javascript:alert(1)", 0 },
	{ "//evil.example", 0 },
	{ "/\\evil.example", 0 },
	{ "\\\\evil.example", 0 },
	{ "/\t/evil.example", 0 },		/* what /%09/evil.example decodes to */
	{ "/\n/evil.example", 0 },
	{ "/deals\r\nSet-Cookie: x=1", 0 },	/* header splitting */
	{ "/deals\n", 0 },
	{ "/deals\x7f", 0 },
	{ "/a\\b", 0 },
	{ "/%2F/evil.example", 0 },		/* decoded again: "//evil.example" */
	{ "/%2f/evil.example", 0 },
	{ "/%5Cevil.example", 0 },
	{ "/%5cevil.example", 0 },
	{ "/%09/evil.example", 0 },
	{ "/%0A", 0 },
	{ "/%0d%0aSet-Cookie:x", 0 },
	{ "%2F%2Fevil.example", 0 },
	{ " /deals", 0 },
	{ "\t//evil.example", 0 },
};

START_TEST(local_path_table)
{
	const struct case_ *c = &cases[_i];
	const char *got = local_path(c->in);
	if (c->ok)
		ck_assert_msg(got == c->in, "\"%s\" should pass", c->in);
	else
		ck_assert_msg(got == NULL, "case %d should be refused", _i);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("localpath");
	TCase *tc = tcase_create("local_path");
	tcase_add_loop_test(tc, local_path_table, 0, (int)N_ELEMS(cases));
	suite_add_tcase(s, tc);
	return run_suite(s);
}
