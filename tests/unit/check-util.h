/*
 * check-util: what every C test program shares — running a suite the same
 * way (CK_NORMAL output ending in "Checks: N, Failures: F, Errors: E", which
 * tests/run-c.sh reads) and comparing strings with both values in the message.
 */
#ifndef SG_CHECK_UTIL_H
#define SG_CHECK_UTIL_H
#include <check.h>
#include <stdlib.h>
#include <string.h>

/* exact string comparison that shows both sides and the case that failed */
#define ck_str(got, want, what)                                                         \
	do {                                                                            \
		const char *g_ = (got), *w_ = (want);                                   \
		ck_assert_msg(g_ && w_ && !strcmp(g_, w_), "%s: got \"%s\", want \"%s\"", \
			      (what), g_ ? g_ : "(null)", w_ ? w_ : "(null)");          \
	} while (0)

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static inline int run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
