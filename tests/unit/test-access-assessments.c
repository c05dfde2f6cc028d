/*
 * test-access-assessments: the assessment rules of domain/access.c as a
 * table — every kind of form (self, manager, peer; draft or submitted) of
 * rep 11 × every relation of the caller to it, for seeing and for rating;
 * then the rounds, peer invitations and the framework. No database.
 */
#include "check-util.h"
#include "domain/access.h"
#include <stdio.h>

/* Organisation 1: team A (100) led by manager 20 and also by admin 51;
 * team B (200) led by manager 30; reps 11 and 13 in team A, rep 12 in B;
 * admin 50 leads no team. Organisation 2: admin 40 (twin team ids). */
static const int64_t led_a[] = { 100 }, led_b[] = { 200 };

enum rel { SELF, PEER, OTHER_TEAM, MGR_LEADS, MGR_OTHER, ADMIN, ADMIN_LEADS, ADMIN_ORG2, INACTIVE, NONE, NREL };
static const char *const rel_names[NREL] = {
	"the rep", "the invited peer (rep 13)", "other-team rep", "manager leading the team",
	"manager not leading it", "admin not leading it", "admin leading it", "admin of another organisation",
	"the rep, deactivated", "no role",
};

static struct viewer caller(enum rel rel)
{
	switch (rel) {
	case SELF: return (struct viewer){ .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100 };
	case PEER: return (struct viewer){ .id = 13, .org_id = 1, .role = ROLE_REP, .team_id = 100 };
	case OTHER_TEAM: return (struct viewer){ .id = 12, .org_id = 1, .role = ROLE_REP, .team_id = 200 };
	case MGR_LEADS:
		return (struct viewer){ .id = 20, .org_id = 1, .role = ROLE_MANAGER, .led_teams = led_a, .nled = 1 };
	case MGR_OTHER:
		return (struct viewer){ .id = 30, .org_id = 1, .role = ROLE_MANAGER, .led_teams = led_b, .nled = 1 };
	case ADMIN: return (struct viewer){ .id = 50, .org_id = 1, .role = ROLE_ADMIN };
	case ADMIN_LEADS:
		return (struct viewer){ .id = 51, .org_id = 1, .role = ROLE_ADMIN, .led_teams = led_a, .nled = 1 };
	case ADMIN_ORG2:
		return (struct viewer){ .id = 40, .org_id = 2, .role = ROLE_ADMIN, .led_teams = led_a, .nled = 1 };
	case INACTIVE:
		return (struct viewer){ .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100, .inactive = 1 };
	default: return (struct viewer){ .id = 60, .org_id = 1, .role = ROLE_NONE, .team_id = 100 };
	}
}

enum form { SELF_DRAFT, SELF_SUB, MGR_DRAFT, MGR_SUB, PEER_DRAFT, PEER_SUB, NFORM };
static const char *const form_names[NFORM] = {
	"self draft", "self submitted", "manager draft", "manager submitted", "peer draft", "peer submitted",
};

static struct assessment_form form(enum form f, int round_open)
{
	struct assessment_form a = { .org_id = 1, .rep = { 11, 1, 100 }, .round_open = round_open };
	a.kind = f <= SELF_SUB ? RATER_SELF : f <= MGR_SUB ? RATER_MANAGER : RATER_PEER;
	a.rater_id = a.kind == RATER_SELF ? 11 : a.kind == RATER_MANAGER ? 20 : 13;
	a.submitted = f == SELF_SUB || f == MGR_SUB || f == PEER_SUB;
	return a;
}

/* who sees which form: the rep the manager's only once submitted, the
 * manager the rep's and the peers' only once submitted, a peer only theirs,
 * an admin who does not lead the team nothing */
static const int see[NREL][NFORM] = {
	/*               SD SS MD MS PD PS */
	[SELF]        = { 1, 1, 0, 1, 0, 0 },
	[PEER]        = { 0, 0, 0, 0, 1, 1 },
	[OTHER_TEAM]  = { 0, 0, 0, 0, 0, 0 },
	[MGR_LEADS]   = { 0, 1, 1, 1, 0, 1 },
	[MGR_OTHER]   = { 0, 0, 0, 0, 0, 0 },
	[ADMIN]       = { 0, 0, 0, 0, 0, 0 },
	[ADMIN_LEADS] = { 0, 1, 1, 1, 0, 1 },
	[ADMIN_ORG2]  = { 0, 0, 0, 0, 0, 0 },
	[INACTIVE]    = { 0, 0, 0, 0, 0, 0 },
	[NONE]        = { 0, 0, 0, 0, 0, 0 },
};

/* who rates: the rater, on a draft */
static const int rate[NREL][NFORM] = {
	[SELF]      = { 1, 0, 0, 0, 0, 0 },
	[PEER]      = { 0, 0, 0, 0, 1, 0 },
	[MGR_LEADS] = { 0, 0, 1, 0, 0, 0 },
};

START_TEST(form_table)
{
	int bad = 0;
	for (int r = 0; r < NREL; r++)
		for (int f = 0; f < NFORM; f++) {
			struct viewer v = caller((enum rel)r);
			struct assessment_form open = form((enum form)f, 1), closed = form((enum form)f, 0);
			int s = access_assessment_see(&v, &open), w = access_assessment_rate(&v, &open);
			int wc = access_assessment_rate(&v, &closed);
			if (s != see[r][f] || w != rate[r][f] || wc) {
				fprintf(stderr, "%s, %s: see %d (want %d), rate %d (want %d), rate closed %d (want 0)\n",
					rel_names[r], form_names[f], s, see[r][f], w, rate[r][f], wc);
				bad++;
			}
			/* the same form in another organisation is nobody's here */
			open.org_id = open.rep.org_id = 2;
			if (r != ADMIN_ORG2 && access_assessment_see(&v, &open) && v.id != open.rater_id) {
				fprintf(stderr, "%s sees %s of organisation 2\n", rel_names[r], form_names[f]);
				bad++;
			}
		}
	ck_assert_int_eq(bad, 0);
}
END_TEST

START_TEST(rounds)
{
	struct viewer rep = caller(SELF), mgr = caller(MGR_LEADS), other = caller(MGR_OTHER), admin = caller(ADMIN),
		      x = caller(ADMIN_ORG2), peer = caller(PEER);
	/* opening: the team's leader or an admin of the organisation */
	ck_assert_int_eq(access_round_open(&mgr, 1, 100), 1);
	ck_assert_int_eq(access_round_open(&other, 1, 100), 0);
	ck_assert_int_eq(access_round_open(&admin, 1, 100), 1);
	ck_assert_int_eq(access_round_open(&rep, 1, 100), 0);
	ck_assert_int_eq(access_round_open(&x, 1, 100), 0);
	struct person r11 = { 11, 1, 100 };
	ck_assert_int_eq(access_round_open_rep(&mgr, &r11), 1);
	ck_assert_int_eq(access_round_open_rep(&other, &r11), 0);
	ck_assert_int_eq(access_round_open_rep(&rep, &r11), 0);
	ck_assert_int_eq(access_round_open_rep(&x, &r11), 0);
	/* a team round opened by the admin: the admin and the team's leader */
	struct assessment_round_ref tr = { .org_id = 1, .team_id = 100, .opened_by = 50 };
	ck_assert_int_eq(access_round_see(&admin, &tr), 1);
	ck_assert_int_eq(access_round_see(&mgr, &tr), 1);
	ck_assert_int_eq(access_round_see(&other, &tr), 0);
	ck_assert_int_eq(access_round_see(&rep, &tr), 0);
	ck_assert_int_eq(access_round_see(&x, &tr), 0);
	ck_assert_int_eq(access_round_manage(&mgr, &tr), 1);
	ck_assert_int_eq(access_round_manage(&other, &tr), 0);
	/* opened by the manager: an admin who does not lead the team is out */
	tr.opened_by = 20;
	ck_assert_int_eq(access_round_see(&admin, &tr), 0);
	/* ad hoc, for rep 11 */
	struct assessment_round_ref ar = { .org_id = 1, .opened_by = 20, .rep = r11 };
	ck_assert_int_eq(access_round_see(&mgr, &ar), 1);
	ck_assert_int_eq(access_round_see(&other, &ar), 0);
	ck_assert_int_eq(access_round_see(&rep, &ar), 0);
	ck_assert_int_eq(access_round_see(&peer, &ar), 0);
	/* peers: an active member of the same organisation, not the rep */
	struct person p13 = { 13, 1, 100 }, p12 = { 12, 1, 200 }, xp = { 41, 2, 0 };
	ck_assert_int_eq(access_peer_invite(&mgr, &r11, &p13, 1), 1);
	ck_assert_int_eq(access_peer_invite(&mgr, &r11, &p12, 1), 1);
	ck_assert_int_eq(access_peer_invite(&mgr, &r11, &p12, 0), 0);
	ck_assert_int_eq(access_peer_invite(&mgr, &r11, &r11, 1), 0);
	ck_assert_int_eq(access_peer_invite(&mgr, &r11, &xp, 1), 0);
	/* the framework */
	ck_assert_int_eq(access_traits_see(&rep, 1), 1);
	ck_assert_int_eq(access_traits_see(&x, 1), 0);
	ck_assert_int_eq(access_traits_change(&admin, 1), 1);
	ck_assert_int_eq(access_traits_change(&mgr, 1), 0);
	ck_assert_int_eq(access_traits_change(&x, 1), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-assessments");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, form_table);
	tcase_add_test(tc, rounds);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
