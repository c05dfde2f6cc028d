/*
 * test-access-audit: who may read the audit log and set its retention
 * (issue 16), as a table over every kind of caller.
 */
#include "check-util.h"
#include "domain/access.h"
#include <stdio.h>

static const int64_t led_a[] = { 100 };

START_TEST(audit_rule_table)
{
	static const struct {
		const char *who;
		struct viewer v;
		int see, retention;
	} cases[] = {
		{ "rep", { .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100 }, 0, 0 },
		{ "manager", { .id = 20, .org_id = 1, .role = ROLE_MANAGER, .led_teams = led_a, .nled = 1 }, 0, 0 },
		{ "admin", { .id = 50, .org_id = 1, .role = ROLE_ADMIN }, 1, 1 },
		{ "admin who leads a team", { .id = 52, .org_id = 1, .role = ROLE_ADMIN, .led_teams = led_a, .nled = 1 },
		  1, 1 },
		{ "admin of another organisation", { .id = 40, .org_id = 2, .role = ROLE_ADMIN }, 0, 0 },
		{ "deactivated admin", { .id = 51, .org_id = 1, .role = ROLE_ADMIN, .inactive = 1 }, 0, 0 },
		{ "no role", { .id = 60, .org_id = 1, .role = ROLE_NONE }, 0, 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_msg(access_audit_see(&cases[i].v, 1) == cases[i].see, "see by %s", cases[i].who);
		ck_assert_msg(access_audit_retention_set(&cases[i].v, 1) == cases[i].retention, "retention by %s",
			      cases[i].who);
	}
	ck_assert(!access_audit_see(NULL, 1));
	ck_assert(!access_audit_retention_set(NULL, 1));
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-audit");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, audit_rule_table);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
