/*
 * test-secrets: reading the organisation out of a session cookie, an API
 * token or a calendar address ("<org_id>.<secret>", store/auth.c), as a
 * table — the one spelling per organisation that is accepted, and every
 * other form refused before any lookup.
 */
#include "check-util.h"
#include "store/auth.h"

struct case_ {
	const char *value, *prefix;
	int64_t want;
};

static const struct case_ cases[] = {
	{ "1.abc", NULL, 1 },
	{ "42.AbC-_x", NULL, 42 },
	{ "123456789012345.x", NULL, 123456789012345 },
	{ "sg_7.secret", "sg_", 7 },
	{ NULL, NULL, 0 },
	{ "", NULL, 0 },
	{ "abc", NULL, 0 },			/* the old form, without organisation */
	{ "sg_abcdef", "sg_", 0 },
	{ "7.secret", "sg_", 0 },		/* a session is not a token */
	{ "sg_7.secret", NULL, 0 },
	{ "0.x", NULL, 0 },
	{ "07.x", NULL, 0 },			/* no leading zero */
	{ "-7.x", NULL, 0 },
	{ "+7.x", NULL, 0 },
	{ " 7.x", NULL, 0 },
	{ "7", NULL, 0 },
	{ "7.", NULL, 0 },			/* no secret */
	{ "7x.y", NULL, 0 },
	{ "1234567890123456.x", NULL, 0 },	/* too long to be ours */
	{ "99999999999999999999999.x", NULL, 0 },
};

START_TEST(org_of_secret_table)
{
	const struct case_ *c = &cases[_i];
	int64_t got = org_of_secret(c->value, c->prefix);
	ck_assert_msg(got == c->want, "\"%s\" (prefix %s): %lld, want %lld", c->value ? c->value : "(null)",
		      c->prefix ? c->prefix : "none", (long long)got, (long long)c->want);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("secrets");
	TCase *tc = tcase_create("org_of_secret");
	tcase_add_loop_test(tc, org_of_secret_table, 0, (int)N_ELEMS(cases));
	suite_add_tcase(s, tc);
	return run_suite(s);
}
