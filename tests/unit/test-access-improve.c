/*
 * test-access-improve: the rules of improvement plans (domain/access.c,
 * "levers (issue 10): improvement plans") as one table — every question ×
 * every relation of the caller to rep 11, the plan's rep. A plan is the
 * rep's private data: the rep and whoever leads the rep's team; the rep
 * does not see a flag without a plan; only the leading manager writes it
 * and reads the diagnosis and its notes.
 */
#include "check-util.h"
#include "domain/access.h"

#include "access-callers.h"

enum q { SEE_OPEN, SEE_CLOSED, SEE_FLAG, MANAGE, DIAGNOSIS, NQ };
static const char *const q_names[NQ] = {
	"see a running plan", "see a decided plan", "see a flag without a plan", "write the plan and decide",
	"read the diagnosis and its notes",
};

static int ask(enum q q, const struct viewer *v)
{
	struct improve_ref open = { rita, "open" }, closed = { rita, "closed" }, flag = { rita, "flagged" };
	switch (q) {
	case SEE_OPEN: return access_improve_see(v, &open);
	case SEE_CLOSED: return access_improve_see(v, &closed);
	case SEE_FLAG: return access_improve_see(v, &flag);
	case MANAGE: return access_improve_manage(v, &rita);
	case DIAGNOSIS: return access_improve_diagnosis(v, &rita);
	default: return -1;
	}
}

static const int want[NREL][NQ] = {
	/*               OPEN CLOSED FLAG MAN DIAG */
	[SELF]        = { 1,   1,     0,   0,  0 },
	[MATE]        = { 0,   0,     0,   0,  0 },
	[OTHER_TEAM]  = { 0,   0,     0,   0,  0 },
	[MGR_LEADS]   = { 1,   1,     1,   1,  1 },
	[MGR_OTHER]   = { 0,   0,     0,   0,  0 },
	[ADMIN]       = { 0,   0,     0,   0,  0 },
	[ADMIN_LEADS] = { 1,   1,     1,   1,  1 },
	[ADMIN_ORG2]  = { 0,   0,     0,   0,  0 },
	[MGR_ORG2]    = { 0,   0,     0,   0,  0 },
	[INACTIVE]    = { 0,   0,     0,   0,  0 },
	[INACTIVE_MGR]= { 0,   0,     0,   0,  0 },
	[NONE]        = { 0,   0,     0,   0,  0 },
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
	struct viewer v = caller(MGR_LEADS);
	ck_assert_int_eq(access_improve_see(&v, NULL), 0);
	ck_assert_int_eq(access_improve_manage(&v, NULL), 0);
	/* a manager who is a member of a team they lead: sees, never writes their own */
	struct person self_mgr = { 20, 1, 100 };
	struct improve_ref own = { self_mgr, "flagged" };
	ck_assert_int_eq(access_improve_see(&v, &own), 0);
	ck_assert_int_eq(access_improve_manage(&v, &self_mgr), 0);
	ck_assert_int_eq(access_improve_diagnosis(&v, &self_mgr), 0);
	/* a rep of no team: nobody but the rep */
	struct person loner = { 14, 1, 0 };
	struct improve_ref lone = { loner, "open" };
	ck_assert_int_eq(access_improve_see(&v, &lone), 0);
	/* a NULL status is not a plan yet for the rep */
	struct viewer me = caller(SELF);
	struct improve_ref nostatus = { rita, NULL };
	ck_assert_int_eq(access_improve_see(&me, &nostatus), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-improve");
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
