/*
 * access-callers: the callers of the access tables (tests/unit/test-access-*.c),
 * one list for every feature's rules, so each table answers the same twelve
 * relations of a caller to rep 11 of team A ("rita").
 *
 * Organisation 1: team A (100) led by manager 20 and also by admin 51;
 * team B (200) led by manager 30; reps 11 and 13 in team A, rep 12 in B;
 * admin 50 leads no team. Organisation 2: admin 40 and manager 41 who
 * "lead" a team with the same id 100, to catch a check that forgets the
 * organisation.
 *
 * A table is indexed by enum rel with designated initialisers ([SELF] = ...);
 * a relation it leaves out is a row of zeros: refused everything.
 */
#ifndef SG_TEST_ACCESS_CALLERS_H
#define SG_TEST_ACCESS_CALLERS_H
#include "domain/access.h"

static const int64_t led_a[] = { 100 }, led_b[] = { 200 };

enum rel { SELF, MATE, OTHER_TEAM, MGR_LEADS, MGR_OTHER, ADMIN, ADMIN_LEADS, ADMIN_ORG2, MGR_ORG2, INACTIVE,
	   INACTIVE_MGR, NONE, NREL };
static const char *const rel_names[NREL] = {
	"the rep", "a team-mate (rep 13)", "other-team rep", "manager leading the team", "manager not leading it",
	"admin not leading it", "admin leading it", "admin of another organisation",
	"manager of another organisation", "the rep, deactivated", "the manager, deactivated", "no role",
};

static struct viewer caller(enum rel rel)
{
	switch (rel) {
	case SELF: return (struct viewer){ .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100 };
	case MATE: return (struct viewer){ .id = 13, .org_id = 1, .role = ROLE_REP, .team_id = 100 };
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
	case MGR_ORG2:
		return (struct viewer){ .id = 41, .org_id = 2, .role = ROLE_MANAGER, .led_teams = led_a, .nled = 1 };
	case INACTIVE:
		return (struct viewer){ .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100, .inactive = 1 };
	case INACTIVE_MGR:
		return (struct viewer){ .id = 20, .org_id = 1, .role = ROLE_MANAGER, .led_teams = led_a, .nled = 1,
					.inactive = 1 };
	default: return (struct viewer){ .id = 60, .org_id = 1, .role = ROLE_NONE, .team_id = 100 };
	}
}

static const struct person rita = { 11, 1, 100 };

#endif
