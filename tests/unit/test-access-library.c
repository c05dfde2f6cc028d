/*
 * test-access-library: the rules of the library (domain/access.c, "the
 * library") as one table — every question × every relation of the caller
 * to rep 11, a borrower of team A in organisation 1, with the expected
 * answer. The catalogue, loans (the borrower's name) and waiting lists are
 * the organisation's; managers and admins keep the catalogue and see the
 * loans overview; a loan is returned by its borrower, the manager who leads
 * the borrower's team or an admin; an item is suggested by whoever leads
 * the rep's team, never to oneself.
 */
#include "check-util.h"
#include "domain/access.h"

#include "access-callers.h"

enum q { SEE, BORROW, MANAGE, LOANS, RETURN, SUGGEST, LEND_FOR, NQ };
static const char *const q_names[NQ] = {
	"see the catalogue and loans", "borrow or wait", "add, edit, retire items", "see the loans overview",
	"return rep 11's loan", "suggest an item to rep 11", "lend a copy to rep 11",
};

static int ask(enum q q, const struct viewer *v)
{
	switch (q) {
	case SEE: return access_library_see(v, 1);
	case BORROW: return access_library_borrow(v, 1);
	case MANAGE: return access_library_manage(v, 1);
	case LOANS: return access_library_loans(v, 1);
	case RETURN: return access_library_return(v, &rita);
	case SUGGEST: return access_library_suggest(v, &rita);
	case LEND_FOR: return access_library_lend_for(v, &rita);
	default: return -1;
	}
}

static const int want[NREL][NQ] = {
	/*               SEE BOR MAN LOA RET SUG LND */
	[SELF]        = { 1,  1,  0,  0,  1,  0,  0 },
	[MATE]   = { 1,  1,  0,  0,  0,  0,  0 },
	[OTHER_TEAM]  = { 1,  1,  0,  0,  0,  0,  0 },
	[MGR_LEADS]   = { 1,  1,  1,  1,  1,  1,  1 },
	[MGR_OTHER]   = { 1,  1,  1,  1,  0,  0,  0 },
	[ADMIN]       = { 1,  1,  1,  1,  1,  0,  0 },
	[ADMIN_LEADS] = { 1,  1,  1,  1,  1,  1,  1 },
	[ADMIN_ORG2]  = { 0,  0,  0,  0,  0,  0,  0 },
	[INACTIVE]    = { 0,  0,  0,  0,  0,  0,  0 },
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
	ck_assert_int_eq(access_library_return(&v, NULL), 0);
	ck_assert_int_eq(access_library_suggest(&v, NULL), 0);
	/* never to oneself, even as a member of a team one leads */
	struct person self_mgr = { 20, 1, 100 };
	ck_assert_int_eq(access_library_suggest(&v, &self_mgr), 0);
	ck_assert_int_eq(access_library_return(&v, &self_mgr), 1);
	/* a rep of no team: only they (or an admin) return, nobody suggests */
	struct person loner = { 14, 1, 0 };
	ck_assert_int_eq(access_library_return(&v, &loner), 0);
	ck_assert_int_eq(access_library_suggest(&v, &loner), 0);
	struct viewer adm = caller(ADMIN);
	ck_assert_int_eq(access_library_return(&adm, &loner), 1);
	/* another organisation's borrower with the same team id */
	struct person far = { 11, 2, 100 };
	ck_assert_int_eq(access_library_return(&v, &far), 0);
	ck_assert_int_eq(access_library_suggest(&v, &far), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("access-library");
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
