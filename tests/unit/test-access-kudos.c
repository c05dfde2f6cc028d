/*
 * test-access-kudos: the rules of kudos, the spotlight, badges and streaks
 * (domain/access.c, "levers (issue 10)") as one table — every question ×
 * every relation of the caller to rep 11 ("rita", team A of organisation
 * 1). Anyone gives kudos to an active colleague of their organisation, not
 * to themself; kudos to Rita (given in team A) are seen by team A, whoever
 * manages it and the admins; the spotlight of team A is written by whoever
 * manages it; Rita's badges are seen by her team, its managers and the
 * admins, her streaks (private figures) by her and whoever leads her team.
 */
#include "check-util.h"
#include "domain/access.h"

#include "access-callers.h"

enum q { GIVE, SEE, FEED_ALL, SPOTLIGHT, BADGES, STREAKS, NQ };
static const char *const q_names[NQ] = {
	"give kudos to rita", "see kudos user 14 gave rita in team A", "see the organisation's whole feed",
	"write team A's spotlight", "see rita's badges", "see rita's streaks",
};

/* given by user 14 (none of the callers) to rita while she was in team A */
static const struct kudos_ref to_rita = { 1, 14, 11, 100 };

static int ask(enum q q, const struct viewer *v)
{
	switch (q) {
	case GIVE: return access_kudos_give(v, &rita, 1);
	case SEE: return access_kudos_see(v, &to_rita);
	case FEED_ALL: return access_kudos_feed_all(v, 1);
	case SPOTLIGHT: return access_spotlight_write(v, 1, 100);
	case BADGES: return access_badges_see(v, &rita);
	case STREAKS: return access_streaks_see(v, &rita);
	default: return -1;
	}
}

static const int want[NREL][NQ] = {
	/*               GIV SEE ALL SPO BAD STR */
	[SELF]        = { 0,  1,  0,  0,  1,  1 },
	[MATE]        = { 1,  1,  0,  0,  1,  0 },
	[OTHER_TEAM]  = { 1,  0,  0,  0,  0,  0 },
	[MGR_LEADS]   = { 1,  1,  0,  1,  1,  1 },
	[MGR_OTHER]   = { 1,  0,  0,  0,  0,  0 },
	[ADMIN]       = { 1,  1,  1,  1,  1,  0 },
	[ADMIN_LEADS] = { 1,  1,  1,  1,  1,  1 },
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

START_TEST(edges)
{
	struct viewer mate = caller(MATE), other = caller(OTHER_TEAM), mgr = caller(MGR_LEADS);
	/* a deactivated colleague gets none */
	ck_assert_int_eq(access_kudos_give(&mate, &rita, 0), 0);
	ck_assert_int_eq(access_kudos_give(&mate, NULL, 1), 0);
	/* another organisation's user with the same ids */
	struct person far = { 11, 2, 100 };
	ck_assert_int_eq(access_kudos_give(&mate, &far, 1), 0);
	struct kudos_ref far_k = { 2, 12, 11, 100 };
	ck_assert_int_eq(access_kudos_see(&mate, &far_k), 0);
	/* the giver and the recipient always see their own, whatever the team */
	struct kudos_ref by_rob = { 1, 12, 11, 100 };
	ck_assert_int_eq(access_kudos_see(&other, &to_rita), 0);
	ck_assert_int_eq(access_kudos_see(&other, &by_rob), 1);
	struct kudos_ref loner = { 1, 13, 15, 0 };	/* to a rep of no team */
	ck_assert_int_eq(access_kudos_see(&mate, &loner), 1);	/* rep 13 gave it */
	ck_assert_int_eq(access_kudos_see(&mgr, &loner), 0);
	struct viewer adm = caller(ADMIN);
	ck_assert_int_eq(access_kudos_see(&adm, &loner), 1);
	/* no team, no spotlight */
	ck_assert_int_eq(access_spotlight_write(&adm, 1, 0), 0);
	ck_assert_int_eq(access_spotlight_write(&mgr, 1, 200), 0);
	/* a rep of no team: their badges are theirs and the admins' */
	struct person alone = { 14, 1, 0 };
	ck_assert_int_eq(access_badges_see(&mate, &alone), 0);
	ck_assert_int_eq(access_badges_see(&adm, &alone), 1);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-kudos");
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
