/*
 * test-access-meetings: the rules of sales meetings and the case library
 * (domain/access.c, "sales meetings and the case library") as one table —
 * every question × every relation of the caller to team A (100), the
 * meeting's team. A meeting is seen by the team's members, its manager and
 * the admins; run by its manager and the admins; the case library is read
 * by every member of the organisation and changed by managers who lead a
 * team and by admins.
 */
#include "check-util.h"
#include "domain/access.h"

static const int64_t led_a[] = { 100 }, led_b[] = { 200 };

enum rel { MEMBER, OTHER_TEAM, NO_TEAM, MGR_LEADS, MGR_OTHER, MGR_NONE, ADMIN, ADMIN_LEADS, ADMIN_ORG2, REP_ORG2,
	   INACTIVE, NREL };
static const char *const rel_names[NREL] = {
	"member of the team", "rep of another team", "rep of no team", "manager leading the team",
	"manager of another team", "manager leading no team", "admin not leading the team", "admin leading the team",
	"admin of another organisation", "rep of another organisation", "deactivated member",
};

static struct viewer caller(enum rel rel)
{
	switch (rel) {
	case MEMBER: return (struct viewer){ .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100 };
	case OTHER_TEAM: return (struct viewer){ .id = 12, .org_id = 1, .role = ROLE_REP, .team_id = 200 };
	case NO_TEAM: return (struct viewer){ .id = 14, .org_id = 1, .role = ROLE_REP };
	case MGR_LEADS:
		return (struct viewer){ .id = 20, .org_id = 1, .role = ROLE_MANAGER, .led_teams = led_a, .nled = 1 };
	case MGR_OTHER:
		return (struct viewer){ .id = 30, .org_id = 1, .role = ROLE_MANAGER, .led_teams = led_b, .nled = 1 };
	case MGR_NONE: return (struct viewer){ .id = 31, .org_id = 1, .role = ROLE_MANAGER };
	case ADMIN: return (struct viewer){ .id = 50, .org_id = 1, .role = ROLE_ADMIN };
	case ADMIN_LEADS:
		return (struct viewer){ .id = 51, .org_id = 1, .role = ROLE_ADMIN, .led_teams = led_a, .nled = 1 };
	case ADMIN_ORG2:
		return (struct viewer){ .id = 40, .org_id = 2, .role = ROLE_ADMIN, .led_teams = led_a, .nled = 1 };
	case REP_ORG2: return (struct viewer){ .id = 41, .org_id = 2, .role = ROLE_REP, .team_id = 100 };
	default: return (struct viewer){ .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100, .inactive = 1 };
	}
}

enum q { SEE, MANAGE, CASE_SEE, CASE_CHANGE, NQ };
static const char *const q_names[NQ] = { "see the meeting", "run the meeting", "read the case library",
					 "change the case library" };

static int ask(enum q q, const struct viewer *v)
{
	switch (q) {
	case SEE: return access_meeting_see(v, 1, 100);
	case MANAGE: return access_meeting_manage(v, 1, 100);
	case CASE_SEE: return access_case_see(v, 1);
	case CASE_CHANGE: return access_case_change(v, 1);
	default: return -1;
	}
}

static const int want[NREL][NQ] = {
	/*               SEE MAN CSEE CCHG */
	[MEMBER]      = { 1,  0,  1,   0 },
	[OTHER_TEAM]  = { 0,  0,  1,   0 },
	[NO_TEAM]     = { 0,  0,  1,   0 },
	[MGR_LEADS]   = { 1,  1,  1,   1 },
	[MGR_OTHER]   = { 0,  0,  1,   1 },
	[MGR_NONE]    = { 0,  0,  1,   0 },
	[ADMIN]       = { 1,  1,  1,   1 },
	[ADMIN_LEADS] = { 1,  1,  1,   1 },
	[ADMIN_ORG2]  = { 0,  0,  0,   0 },
	[REP_ORG2]    = { 0,  0,  0,   0 },
	[INACTIVE]    = { 0,  0,  0,   0 },
};

START_TEST(rule_table)
{
	for (int r = 0; r < NREL; r++) {
		struct viewer v = caller((enum rel)r);
		for (int q = 0; q < NQ; q++)
			ck_assert_msg(ask((enum q)q, &v) == want[r][q], "%s, %s: got %d, want %d", rel_names[r],
				      q_names[q], ask((enum q)q, &v), want[r][q]);
	}
}
END_TEST

START_TEST(attendees)
{
	/* members of the meeting's team only, of the same organisation */
	struct person member = { 11, 1, 100 }, other = { 12, 1, 200 }, loner = { 14, 1, 0 }, foreign = { 41, 2, 100 };
	ck_assert_int_eq(access_meeting_attendee(&member, 1, 100), 1);
	ck_assert_int_eq(access_meeting_attendee(&other, 1, 100), 0);
	ck_assert_int_eq(access_meeting_attendee(&loner, 1, 100), 0);
	ck_assert_int_eq(access_meeting_attendee(&foreign, 1, 100), 0);
	ck_assert_int_eq(access_meeting_attendee(NULL, 1, 100), 0);
	ck_assert_int_eq(access_meeting_attendee(&loner, 1, 0), 0);
	/* a meeting of no team is nobody's */
	struct viewer admin = caller(ADMIN);
	ck_assert_int_eq(access_meeting_see(&admin, 1, 0), 0);
	ck_assert_int_eq(access_meeting_manage(&admin, 1, 0), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-meetings");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, rule_table);
	tcase_add_test(tc, attendees);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
