/*
 * test-access: the object rules of domain/access.c as one table — every
 * kind of object (person, team, team aggregates, deal, account, contact,
 * conversation, step, target, stage, import) × every relation of the caller to it
 * (self, same-team rep, other-team rep, manager leading the team, manager
 * not leading it, admin, admin of another organisation, deactivated, none)
 * with the expected answer. Changing any rule (access_deal returning 1,
 * say) fails a row here. No database, no server.
 */
#include "check-util.h"
#include "domain/access.h"
#include <stdio.h>

/*
 * The world: organisation 1 has team A (id 100, led by manager 20) and team
 * B (id 200, led by manager 30); rep 11 is in team A, rep 12 in team B.
 * Organisation 2 has an admin 40 and, to catch a check that forgets the
 * organisation, the same team ids. Every object below is owned by (or is)
 * rep 11 of team A.
 */
static const int64_t led_a[] = { 100 }, led_b[] = { 200 };

enum rel {
	SELF,		/* rep 11 themself */
	SAME_TEAM,	/* rep 13, also in team A */
	OTHER_TEAM,	/* rep 12, in team B */
	MGR_LEADS,	/* manager 20, leads team A */
	MGR_OTHER,	/* manager 30, leads team B only */
	ADMIN,		/* admin 50 of organisation 1, leads no team */
	ADMIN_ORG2,	/* admin 40 of organisation 2 */
	INACTIVE,	/* rep 11 again, deactivated */
	NONE,		/* no role */
	NREL
};
static const char *const rel_names[NREL] = {
	"self", "same-team rep", "other-team rep", "manager leading the team", "manager not leading it",
	"admin", "admin of another organisation", "deactivated", "none",
};

static struct viewer caller(enum rel rel)
{
	switch (rel) {
	case SELF: return (struct viewer){ .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100 };
	case SAME_TEAM: return (struct viewer){ .id = 13, .org_id = 1, .role = ROLE_REP, .team_id = 100 };
	case OTHER_TEAM: return (struct viewer){ .id = 12, .org_id = 1, .role = ROLE_REP, .team_id = 200 };
	case MGR_LEADS:
		return (struct viewer){ .id = 20, .org_id = 1, .role = ROLE_MANAGER, .led_teams = led_a, .nled = 1 };
	case MGR_OTHER:
		return (struct viewer){ .id = 30, .org_id = 1, .role = ROLE_MANAGER, .led_teams = led_b, .nled = 1 };
	case ADMIN: return (struct viewer){ .id = 50, .org_id = 1, .role = ROLE_ADMIN };
	case ADMIN_ORG2:
		return (struct viewer){ .id = 40, .org_id = 2, .role = ROLE_ADMIN, .led_teams = led_a, .nled = 1 };
	case INACTIVE:
		return (struct viewer){ .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100, .inactive = 1 };
	default: return (struct viewer){ .id = 60, .org_id = 1, .role = ROLE_NONE, .team_id = 100 };
	}
}

static const struct person rep11 = { 11, 1, 100 };	/* the owner of everything */
static const struct person mgr20 = { 20, 1, 0 };	/* manager of team A, in no team */

/* a conversation or step rep 11 logged on their own deal 7 (account 3) */
static const struct activity own_work = { { 11, 1, 100 }, 7, { 11, 1, 100 }, 3 };
/* one manager 20 logged on rep 11's deal 7: the finding of issue 13 */
static const struct activity mgr_on_rep_deal = { { 20, 1, 0 }, 7, { 11, 1, 100 }, 3 };
/* one rep 11 logged on account 3 without a deal */
static const struct activity own_no_deal = { { 11, 1, 100 }, 0, { 0, 0, 0 }, 3 };

enum kind {
	K_PRIVATE,		/* rep 11's private data */
	K_PROFILE,		/* rep 11's directory entry */
	K_TEAM,			/* team A's member list */
	K_TEAM_AGG,		/* team A's aggregate figures */
	K_TEAM_REPS,		/* team A's figures rep by rep */
	K_MANAGES,		/* access_manages_team(team A) */
	K_DEAL,			/* rep 11's deal: see, change, close */
	K_DEAL_ASSIGN,		/* give a deal to rep 11 (active) */
	K_DEAL_ASSIGN_OFF,	/* give a deal to rep 11 when deactivated */
	K_ACCOUNT_SEE,		/* an account of organisation 1 */
	K_ACCOUNT_CHANGE,	/* rename an account rep 11 owns */
	K_ACCOUNT_NO_OWNER,	/* rename an account nobody owns */
	K_CONTACT_ADD,
	K_CONV_SEE,		/* rep 11's conversation on their deal */
	K_CONV_CHANGE,
	K_MGR_CONV_SEE,		/* manager 20's conversation on rep 11's deal */
	K_MGR_CONV_CHANGE,
	K_STEP_CHANGE,		/* rep 11's step */
	K_MGR_STEP_CHANGE,	/* manager 20's step on rep 11's deal */
	K_NODEAL_SEE,		/* rep 11's conversation without a deal */
	K_TARGET_SEE,		/* rep 11's target */
	K_TARGET_SET,
	K_STAGE_SEE,		/* organisation 1's pipeline */
	K_STAGE_CHANGE,
	K_ADMIN,		/* organisation 1's administration */
	K_IMPORT,
	K_TOKENS,		/* rep 11's API tokens: list, revoke */
	NKIND
};
static const char *const kind_names[NKIND] = {
	"private", "profile", "team members", "team aggregates", "team reps", "manages team", "deal",
	"assign deal", "assign deal to deactivated", "see account", "rename owned account",
	"rename unowned account", "add contact", "see conversation", "change conversation",
	"see manager's conversation", "change manager's conversation", "change step",
	"change manager's step on own deal", "see conversation without deal", "see target", "set target",
	"see stage", "change stage", "administer", "import", "API tokens",
};

static int ask(enum kind k, const struct viewer *v)
{
	switch (k) {
	case K_PRIVATE: return access_private(v, &rep11);
	case K_PROFILE: return access_profile(v, &rep11);
	case K_TEAM: return access_team(v, 1, 100);
	case K_TEAM_AGG: return access_team_aggregates(v, 1, 100);
	case K_TEAM_REPS: return access_team_reps(v, 1, 100);
	case K_MANAGES: return access_manages_team(v, 1, 100);
	case K_DEAL: return access_deal(v, &rep11);
	case K_DEAL_ASSIGN: return access_deal_assign(v, &rep11, 1);
	case K_DEAL_ASSIGN_OFF: return access_deal_assign(v, &rep11, 0);
	case K_ACCOUNT_SEE: return access_account_see(v, 1);
	case K_ACCOUNT_CHANGE: return access_account_change(v, 1, &rep11);
	case K_ACCOUNT_NO_OWNER: return access_account_change(v, 1, NULL);
	case K_CONTACT_ADD: return access_contact_add(v, 1);
	case K_CONV_SEE: return access_activity_see(v, &own_work);
	case K_CONV_CHANGE: return access_conversation_change(v, &own_work);
	case K_MGR_CONV_SEE: return access_activity_see(v, &mgr_on_rep_deal);
	case K_MGR_CONV_CHANGE: return access_conversation_change(v, &mgr_on_rep_deal);
	case K_STEP_CHANGE: return access_step_change(v, &own_work);
	case K_MGR_STEP_CHANGE: return access_step_change(v, &mgr_on_rep_deal);
	case K_NODEAL_SEE: return access_activity_see(v, &own_no_deal);
	case K_TARGET_SEE: return access_target_see(v, &rep11);
	case K_TARGET_SET: return access_target_set(v, &rep11);
	case K_STAGE_SEE: return access_stage_see(v, 1);
	case K_STAGE_CHANGE: return access_stage_change(v, 1);
	case K_ADMIN: return access_admin(v, 1);
	case K_IMPORT: return access_import(v, 1);
	case K_TOKENS: return access_tokens(v, &rep11);
	default: return -1;
	}
}

/*
 * want[kind][relation]. Columns: self, same-team rep, other-team rep,
 * manager leading, manager not leading, admin, admin of org 2, deactivated,
 * none.
 */
static const int want[NKIND][NREL] = {
	/*                      self same oth  mL   mO   adm  adm2 off  none */
	[K_PRIVATE]         = { 1,   0,   0,   1,   0,   0,   0,   0,   0 },
	[K_PROFILE]         = { 1,   0,   0,   1,   0,   1,   0,   0,   0 },
	[K_TEAM]            = { 1,   1,   0,   1,   0,   1,   0,   0,   0 },
	/* a rep sees their own team's aggregates, not another team's */
	[K_TEAM_AGG]        = { 1,   1,   0,   1,   0,   1,   0,   0,   0 },
	[K_TEAM_REPS]       = { 0,   0,   0,   1,   0,   1,   0,   0,   0 },
	[K_MANAGES]         = { 0,   0,   0,   1,   0,   1,   0,   0,   0 },
	[K_DEAL]            = { 1,   0,   0,   1,   0,   1,   0,   0,   0 },
	[K_DEAL_ASSIGN]     = { 1,   0,   0,   1,   0,   1,   0,   0,   0 },
	[K_DEAL_ASSIGN_OFF] = { 0,   0,   0,   0,   0,   0,   0,   0,   0 },
	/* accounts are the organisation's shared address book */
	[K_ACCOUNT_SEE]     = { 1,   1,   1,   1,   1,   1,   0,   0,   0 },
	[K_ACCOUNT_CHANGE]  = { 1,   0,   0,   1,   0,   1,   0,   0,   0 },
	[K_ACCOUNT_NO_OWNER]= { 1,   1,   1,   1,   1,   1,   0,   0,   0 },
	[K_CONTACT_ADD]     = { 1,   1,   1,   1,   1,   1,   0,   0,   0 },
	[K_CONV_SEE]        = { 1,   0,   0,   1,   0,   1,   0,   0,   0 },
	/* only the author changes a conversation: not the manager, not the admin */
	[K_CONV_CHANGE]     = { 1,   0,   0,   0,   0,   0,   0,   0,   0 },
	[K_MGR_CONV_SEE]    = { 1,   0,   0,   1,   0,   1,   0,   0,   0 },
	/* the deal's owner may not rewrite the manager's notes */
	[K_MGR_CONV_CHANGE] = { 0,   0,   0,   1,   0,   0,   0,   0,   0 },
	[K_STEP_CHANGE]     = { 1,   0,   0,   1,   0,   1,   0,   0,   0 },
	/* the deal's owner acts on a step their manager logged on the deal,
	 * on the agenda page and in the API alike */
	[K_MGR_STEP_CHANGE] = { 1,   0,   0,   1,   0,   1,   0,   0,   0 },
	[K_NODEAL_SEE]      = { 1,   0,   0,   1,   0,   1,   0,   0,   0 },
	[K_TARGET_SEE]      = { 1,   0,   0,   1,   0,   1,   0,   0,   0 },
	[K_TARGET_SET]      = { 0,   0,   0,   1,   0,   1,   0,   0,   0 },
	[K_STAGE_SEE]       = { 1,   1,   1,   1,   1,   1,   0,   0,   0 },
	[K_STAGE_CHANGE]    = { 0,   0,   0,   0,   0,   1,   0,   0,   0 },
	[K_ADMIN]           = { 0,   0,   0,   0,   0,   1,   0,   0,   0 },
	[K_IMPORT]          = { 0,   0,   0,   0,   0,   1,   0,   0,   0 },
	/* a leaked token is shut out by its owner or an admin, not by a manager */
	[K_TOKENS]          = { 1,   0,   0,   0,   0,   1,   0,   0,   0 },
};

START_TEST(rule_table)
{
	int failures = 0;
	for (int k = 0; k < NKIND; k++)
		for (int rel = 0; rel < NREL; rel++) {
			struct viewer v = caller((enum rel)rel);
			int got = ask((enum kind)k, &v);
			if (got != want[k][rel]) {
				fprintf(stderr, "%s by %s: got %d, want %d\n", kind_names[k], rel_names[rel], got,
					want[k][rel]);
				failures++;
			}
		}
	ck_assert_msg(!failures, "%d cells of the rule table differ (listed above)", failures);
}
END_TEST

/* the manager's own conversation is theirs to change; a rep's is not the
 * manager's, even on a team the manager leads */
START_TEST(conversation_author_only)
{
	struct viewer m = caller(MGR_LEADS);
	ck_assert_int_eq(access_conversation_change(&m, &mgr_on_rep_deal), 1);
	ck_assert_int_eq(access_conversation_change(&m, &own_work), 0);
	struct viewer self = caller(SELF);
	ck_assert_int_eq(access_conversation_change(&self, &mgr_on_rep_deal), 0);
	/* the same id in another organisation is another person */
	struct viewer twin = { .id = 11, .org_id = 2, .role = ROLE_REP };
	ck_assert_int_eq(access_conversation_change(&twin, &own_work), 0);
	(void)mgr20;
}
END_TEST

/* whose open steps logging a conversation closes */
START_TEST(conversation_closes)
{
	/* on a deal: every open step of that deal, whoever logged it */
	struct activity conv = { { 11, 1, 100 }, 7, { 11, 1, 100 }, 3 };
	ck_assert_int_eq(access_conversation_closes_step(&conv, &own_work), 1);
	ck_assert_int_eq(access_conversation_closes_step(&conv, &mgr_on_rep_deal), 1);
	struct activity other_deal = { { 11, 1, 100 }, 8, { 11, 1, 100 }, 3 };
	ck_assert_int_eq(access_conversation_closes_step(&conv, &other_deal), 0);
	ck_assert_int_eq(access_conversation_closes_step(&conv, &own_no_deal), 0);
	/* without a deal: only the author's own steps without a deal on that account */
	struct activity no_deal = { { 11, 1, 100 }, 0, { 0, 0, 0 }, 3 };
	ck_assert_int_eq(access_conversation_closes_step(&no_deal, &own_no_deal), 1);
	struct activity colleague = { { 12, 1, 200 }, 0, { 0, 0, 0 }, 3 };
	ck_assert_int_eq(access_conversation_closes_step(&no_deal, &colleague), 0);
	ck_assert_int_eq(access_conversation_closes_step(&colleague, &own_no_deal), 0);
	struct activity other_account = { { 11, 1, 100 }, 0, { 0, 0, 0 }, 4 };
	ck_assert_int_eq(access_conversation_closes_step(&no_deal, &other_account), 0);
	ck_assert_int_eq(access_conversation_closes_step(&no_deal, &own_work), 0);
	struct activity org2 = { { 11, 2, 100 }, 0, { 0, 0, 0 }, 3 };
	ck_assert_int_eq(access_conversation_closes_step(&no_deal, &org2), 0);
}
END_TEST

/* revoking a token by id: an admin any of the organisation, others their own */
START_TEST(tokens_owner)
{
	struct viewer a = caller(ADMIN), m = caller(MGR_LEADS), self = caller(SELF);
	ck_assert_int_eq(access_tokens_owner(&a), 0);
	ck_assert_int_eq(access_tokens_owner(&m), 20);
	ck_assert_int_eq(access_tokens_owner(&self), 11);
}
END_TEST

/* with no filter every page and endpoint shows the same default */
START_TEST(default_scope)
{
	struct viewer v = caller(ADMIN);
	ck_assert_int_eq(access_default_scope(&v), DEFAULT_ORG);
	v = caller(MGR_LEADS);
	ck_assert_int_eq(access_default_scope(&v), DEFAULT_LED);
	struct viewer lone = { .id = 21, .org_id = 1, .role = ROLE_MANAGER };
	ck_assert_int_eq(access_default_scope(&lone), DEFAULT_SELF);
	v = caller(SELF);
	ck_assert_int_eq(access_default_scope(&v), DEFAULT_SELF);
	ck_assert_int_eq(access_default_scope(NULL), DEFAULT_SELF);
}
END_TEST

/* who is shown a leader's parts of a page: a manager or an admin who leads
 * a team; not one who leads none, not a rep, not a deactivated manager */
START_TEST(leads_any_team)
{
	struct viewer v = caller(MGR_LEADS);
	ck_assert_int_eq(access_leads_any_team(&v), 1);
	v.inactive = 1;
	ck_assert_int_eq(access_leads_any_team(&v), 0);
	struct viewer lone = { .id = 21, .org_id = 1, .role = ROLE_MANAGER };
	ck_assert_int_eq(access_leads_any_team(&lone), 0);
	v = caller(ADMIN);
	ck_assert_int_eq(access_leads_any_team(&v), v.nled > 0);
	static const int64_t led[] = { 100 };
	struct viewer admin_leads = { .id = 51, .org_id = 1, .role = ROLE_ADMIN, .led_teams = led, .nled = 1 };
	ck_assert_int_eq(access_leads_any_team(&admin_leads), 1);
	struct viewer rep = { .id = 11, .org_id = 1, .role = ROLE_REP, .team_id = 100, .led_teams = led, .nled = 1 };
	ck_assert_int_eq(access_leads_any_team(&rep), 0);
	ck_assert_int_eq(access_leads_any_team(NULL), 0);
}
END_TEST

START_TEST(edges)
{
	struct viewer admin = caller(ADMIN);
	ck_assert_int_eq(access_deal(NULL, &rep11), 0);
	ck_assert_int_eq(access_deal(&admin, NULL), 0);
	ck_assert_int_eq(access_activity_see(&admin, NULL), 0);
	ck_assert_int_eq(access_manages_team(NULL, 1, 100), 0);
	/* team 0 is "no team": nobody leads it */
	struct viewer m = caller(MGR_LEADS);
	ck_assert_int_eq(access_manages_team(&m, 1, 0), 0);
	struct person teamless = { 14, 1, 0 };
	ck_assert_int_eq(access_target_set(&m, &teamless), 0);
	ck_assert_int_eq(access_target_set(&admin, &teamless), 1);
	/* a deal of another organisation's user, even for its admin's twin id */
	struct person org2 = { 11, 2, 100 };
	ck_assert_int_eq(access_deal(&admin, &org2), 0);
	ck_assert_int_eq(access_deal_assign(&admin, &org2, 1), 0);
	ck_assert_int_eq(access_account_change(&admin, 1, &org2), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, rule_table);
	tcase_add_test(tc, tokens_owner);
	tcase_add_test(tc, conversation_author_only);
	tcase_add_test(tc, conversation_closes);
	tcase_add_test(tc, default_scope);
	tcase_add_test(tc, leads_any_team);
	tcase_add_test(tc, edges);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
