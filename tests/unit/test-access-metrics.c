/*
 * test-access-metrics: who may read /metrics (issue 16), as a table: with a
 * token configured exactly that bearer token from anywhere; without one, a
 * caller on this machine that did not come through a proxy.
 */
#include "check-util.h"
#include "domain/access.h"
#include <stdio.h>

START_TEST(metrics_rule_table)
{
	static const struct {
		const char *who;
		int loopback, forwarded;
		const char *token_set, *bearer;
		int allowed;
	} cases[] = {
		{ "this machine, no proxy, no token set", 1, 0, NULL, NULL, 1 },
		{ "this machine, token set to empty (= unset)", 1, 0, "", NULL, 1 },
		{ "the network, no token set", 0, 0, NULL, NULL, 0 },
		{ "through a proxy on this machine, no token set", 1, 1, NULL, NULL, 0 },
		{ "the network with a bearer, no token set", 0, 0, NULL, "s3cret", 0 },
		{ "the network, the right token", 0, 0, "s3cret-metrics", "s3cret-metrics", 1 },
		{ "through a proxy, the right token", 1, 1, "s3cret-metrics", "s3cret-metrics", 1 },
		{ "this machine without the token once one is set", 1, 0, "s3cret-metrics", NULL, 0 },
		{ "a wrong token of the same length", 0, 0, "s3cret-metrics", "s3cret-metricz", 0 },
		{ "a prefix of the token", 0, 0, "s3cret-metrics", "s3cret", 0 },
		{ "the token and more", 0, 0, "s3cret-metrics", "s3cret-metrics2", 0 },
		{ "an empty bearer", 0, 0, "s3cret-metrics", "", 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(access_metrics(cases[i].loopback, cases[i].forwarded, cases[i].token_set,
					     cases[i].bearer) == cases[i].allowed, "%s", cases[i].who);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-metrics");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, metrics_rule_table);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
