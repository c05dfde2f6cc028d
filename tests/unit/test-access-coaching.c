/*
 * test-access-coaching: the one-on-one and observation rules of
 * domain/access.c as tables — every relation of a caller to rep 11 (team A)
 * for seeing a one-on-one, managing it, its private notes, and for seeing
 * and writing observations. No database.
 */
#include "check-util.h"
#include "domain/access.h"
#include <stdio.h>

#include "access-callers.h"

/* one-on-ones: see / manage (cadence, schedule, held, notes) / private notes */
static const int one_on_one[NREL][3] = {
	[SELF] = { 1, 0, 0 },        [MATE] = { 0, 0, 0 },         [OTHER_TEAM] = { 0, 0, 0 },
	[MGR_LEADS] = { 1, 1, 1 },   [MGR_OTHER] = { 0, 0, 0 },    [ADMIN] = { 0, 0, 0 },
	[ADMIN_LEADS] = { 1, 1, 1 }, [ADMIN_ORG2] = { 0, 0, 0 },   [MGR_ORG2] = { 0, 0, 0 },
	[INACTIVE] = { 0, 0, 0 },    [INACTIVE_MGR] = { 0, 0, 0 }, [NONE] = { 0, 0, 0 },
};

START_TEST(one_on_ones)
{
	for (int r = 0; r < NREL; r++) {
		struct viewer v = caller(r);
		ck_assert_msg(access_one_on_one_see(&v, &rita) == one_on_one[r][0], "see: %s", rel_names[r]);
		ck_assert_msg(access_one_on_one_manage(&v, &rita) == one_on_one[r][1], "manage: %s", rel_names[r]);
		ck_assert_msg(access_one_on_one_private(&v, &rita) == one_on_one[r][2], "private: %s", rel_names[r]);
		/* agenda points: the rep in their own section only, the leading
		 * manager in any; nobody else in any */
		ck_assert_msg(access_one_on_one_point(&v, &rita, "rep") == one_on_one[r][0], "point rep: %s",
			      rel_names[r]);
		ck_assert_msg(access_one_on_one_point(&v, &rita, "effort") == one_on_one[r][1], "point effort: %s",
			      rel_names[r]);
		ck_assert_int_eq(access_one_on_one_point(&v, &rita, NULL), 0);
	}
	struct viewer max = caller(MGR_LEADS);
	ck_assert_int_eq(access_one_on_one_see(&max, NULL), 0);
	/* a rep in no team has no one-on-one manager */
	struct person teamless = { 14, 1, 0 };
	struct viewer ann = caller(ADMIN);
	ck_assert_int_eq(access_one_on_one_see(&max, &teamless), 0);
	ck_assert_int_eq(access_one_on_one_see(&ann, &teamless), 0);
	/* a manager's own one-on-one as the rep of a team led by someone else */
	struct person max_as_rep = { 20, 1, 200 };
	ck_assert_int_eq(access_one_on_one_see(&max, &max_as_rep), 1);
	ck_assert_int_eq(access_one_on_one_manage(&max, &max_as_rep), 0);
	struct viewer mia = caller(MGR_OTHER);
	ck_assert_int_eq(access_one_on_one_manage(&mia, &max_as_rep), 1);
}
END_TEST

/* observations of rita: by the manager (20), by the team-mate (13), by the
 * other-team rep (12, an observer from before they moved teams):
 * see[caller][observer] and write[caller] */
enum { BY_MGR, BY_MATE, BY_OTHER, NOBS };
static const int64_t observers[NOBS] = { 20, 13, 12 };
static const int obs_see[NREL][NOBS] = {
	[SELF] = { 1, 1, 1 },        [MATE] = { 0, 1, 0 },         [OTHER_TEAM] = { 0, 0, 1 },
	[MGR_LEADS] = { 1, 1, 1 },   [MGR_OTHER] = { 0, 0, 0 },    [ADMIN] = { 0, 0, 0 },
	[ADMIN_LEADS] = { 1, 1, 1 }, [ADMIN_ORG2] = { 0, 0, 0 },   [MGR_ORG2] = { 0, 0, 0 },
	[INACTIVE] = { 0, 0, 0 },    [INACTIVE_MGR] = { 0, 0, 0 }, [NONE] = { 0, 0, 0 },
};
static const int obs_write[NREL] = {
	[SELF] = 0, [MATE] = 1, [OTHER_TEAM] = 0, [MGR_LEADS] = 1, [MGR_OTHER] = 0, [ADMIN] = 0,
	[ADMIN_LEADS] = 1, [ADMIN_ORG2] = 0, [MGR_ORG2] = 0, [INACTIVE] = 0, [INACTIVE_MGR] = 0, [NONE] = 0,
};

START_TEST(observations)
{
	for (int r = 0; r < NREL; r++) {
		struct viewer v = caller(r);
		for (int o = 0; o < NOBS; o++) {
			struct observation_ref ref = { rita, observers[o] };
			ck_assert_msg(access_observation_see(&v, &ref) == obs_see[r][o], "see: %s, observer %lld",
				      rel_names[r], (long long)observers[o]);
		}
		ck_assert_msg(access_observation_write(&v, &rita) == obs_write[r], "write: %s", rel_names[r]);
		/* the list: the rep and the team's leaders, as a one-on-one */
		ck_assert_msg(access_observation_list(&v, &rita) == one_on_one[r][0], "list: %s", rel_names[r]);
	}
	/* an observer in another organisation with the same id sees nothing */
	struct viewer x = { .id = 13, .org_id = 2, .role = ROLE_REP, .team_id = 100 };
	struct observation_ref ref = { rita, 13 };
	ck_assert_int_eq(access_observation_see(&x, &ref), 0);
	ck_assert_int_eq(access_observation_write(&x, &rita), 0);
	/* reps in no team are no one's colleagues */
	struct person teamless = { 14, 1, 0 };
	struct viewer loner = { .id = 15, .org_id = 1, .role = ROLE_REP, .team_id = 0 };
	ck_assert_int_eq(access_observation_write(&loner, &teamless), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-coaching");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, one_on_ones);
	tcase_add_test(tc, observations);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
