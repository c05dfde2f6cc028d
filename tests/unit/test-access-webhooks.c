/*
 * test-access-webhooks: the rule of webhooks (domain/access.c, "running it
 * for real (issue 16)") as one table — every relation of the caller to
 * organisation 1: only an active admin of organisation 1 manages its
 * webhooks (list, create, change, test, delete, read the log and secret).
 */
#include "check-util.h"
#include "domain/access.h"

#include "access-callers.h"

static const int want[NREL] = {
	[SELF] = 0, [MATE] = 0, [OTHER_TEAM] = 0, [MGR_LEADS] = 0, [MGR_OTHER] = 0, [ADMIN] = 1, [ADMIN_LEADS] = 1,
	[ADMIN_ORG2] = 0, [MGR_ORG2] = 0, [INACTIVE] = 0, [INACTIVE_MGR] = 0, [NONE] = 0,
};

START_TEST(rule_table)
{
	for (int r = 0; r < NREL; r++) {
		struct viewer v = caller((enum rel)r);
		ck_assert_msg(access_webhook_manage(&v, 1) == want[r], "%s: got %d, want %d", rel_names[r],
			      access_webhook_manage(&v, 1), want[r]);
	}
}
END_TEST

START_TEST(edges)
{
	struct viewer adm = caller(ADMIN);
	/* an admin of organisation 1 manages nothing of organisation 2 */
	ck_assert_int_eq(access_webhook_manage(&adm, 2), 0);
	ck_assert_int_eq(access_webhook_manage(NULL, 1), 0);
	adm.inactive = 1;
	ck_assert_int_eq(access_webhook_manage(&adm, 1), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-webhooks");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, rule_table);
	tcase_add_test(tc, edges);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
