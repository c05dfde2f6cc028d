/*
 * test-profile: the weakest-trait rule, growth between rounds and the
 * superstar profile (src/domain/profile.c) on ratings worked out by hand.
 *
 * Five traits (ids 10..50 in this order), three rounds (0 oldest):
 *
 *   rep 1  round 0  manager 3 3 3 3 3
 *          round 1  self 4 4 4 4 4, manager 4 5 2 4 2, peers 3 and 4 on trait 10
 *          round 2  self only (5 on trait 10): not the latest, the manager's
 *                   round 1 stays the judgement
 *   rep 2  round 0  manager 4 4 5 4 4 (and a 1 on retired trait 99)  -> elite
 *   rep 3  round 1  manager 4 5 on traits 10, 20 only                 -> incomplete
 *   rep 4  round 2  self 2 on trait 10 only                           -> unjudged
 *   rep 6  round 0  two managers, 3 and 4, on trait 10; a 0 (not a score)
 */
#include <check.h>
#include <math.h>
#include "check-util.h"
#include "domain/profile.h"

#define near(got, want, what) \
	ck_assert_msg(fabs((got) - (want)) < 1e-9, "%s: got %.10f, want %.10f", (what), (double)(got), (double)(want))
#define none(got, what) ck_assert_msg(isnan(got), "%s: got %.10f, want none", (what), (double)(got))

static const int64_t traits[5] = { 10, 20, 30, 40, 50 };
#define NROUNDS 3
#define M RATER_MANAGER
#define S RATER_SELF
#define P RATER_PEER

/* grouped by rep, as the store gives them */
static const struct pf_score scores[] = {
	{ 1, 10, 0, M, 3 }, { 1, 20, 0, M, 3 }, { 1, 30, 0, M, 3 }, { 1, 40, 0, M, 3 }, { 1, 50, 0, M, 3 },
	{ 1, 10, 1, S, 4 }, { 1, 20, 1, S, 4 }, { 1, 30, 1, S, 4 }, { 1, 40, 1, S, 4 }, { 1, 50, 1, S, 4 },
	{ 1, 10, 1, M, 4 }, { 1, 20, 1, M, 5 }, { 1, 30, 1, M, 2 }, { 1, 40, 1, M, 4 }, { 1, 50, 1, M, 2 },
	{ 1, 10, 1, P, 3 }, { 1, 10, 1, P, 4 },
	{ 1, 10, 2, S, 5 },
	{ 2, 10, 0, M, 4 }, { 2, 20, 0, M, 4 }, { 2, 30, 0, M, 5 }, { 2, 40, 0, M, 4 }, { 2, 50, 0, M, 4 },
	{ 2, 99, 0, M, 1 },
	{ 3, 10, 1, M, 4 }, { 3, 20, 1, M, 5 },
	{ 4, 10, 2, S, 2 },
	{ 6, 10, 0, M, 3 }, { 6, 10, 0, M, 4 }, { 6, 20, 0, M, 0 },
};
#define NS N_ELEMS(scores)

static struct profile of(int64_t rep, struct profile_row *rows)
{
	struct profile p;
	profile_compute(traits, 5, scores, NS, rep, NROUNDS, rows, &p);
	return p;
}

START_TEST(weakest_trait_and_growth)
{
	struct profile_row rows[5];
	struct profile p = of(1, rows);
	ck_assert_int_eq(p.latest, 1);
	ck_assert_int_eq(p.previous, 0);
	ck_assert_int_eq(p.nscored, 5);
	/* 2 on trait 30 and on trait 50: the tie goes to the earlier trait */
	ck_assert_int_eq(p.weakest, 2);
	ck_assert_int_eq(p.verdict, VERDICT_WEAK);
	ck_str(profile_verdict_code(p.verdict), "weak", "code");
	near(rows[0].self, 4, "self of the manager's round, not the newer self-only round");
	near(rows[0].manager, 4, "manager");
	near(rows[0].peer, 3.5, "peers' mean");
	ck_assert_int_eq(rows[0].npeers, 2);
	none(rows[1].peer, "no peer on trait 20");
	ck_assert_int_eq(rows[1].npeers, 0);
	const double growth[5] = { 1, 2, -1, 1, -1 };
	for (int t = 0; t < 5; t++) {
		near(rows[t].prev_manager, 3, "previous round");
		near(rows[t].growth, growth[t], "growth");
	}
}
END_TEST

START_TEST(verdicts)
{
	struct profile_row rows[5];
	struct profile p = of(2, rows);
	ck_assert_int_eq(p.verdict, VERDICT_ELITE);	/* the 1 of a retired trait does not count */
	ck_assert_int_eq(p.weakest, 0);			/* 4 4 5 4 4: the first of the 4s */
	ck_assert_int_eq(p.previous, -1);
	for (int t = 0; t < 5; t++)
		none(rows[t].growth, "one round: no growth");

	p = of(3, rows);
	ck_assert_int_eq(p.verdict, VERDICT_INCOMPLETE);
	ck_assert_int_eq(p.nscored, 2);
	ck_assert_int_eq(p.weakest, 0);
	none(rows[2].manager, "trait 30 not scored");

	p = of(4, rows);
	ck_assert_int_eq(p.verdict, VERDICT_UNJUDGED);
	ck_assert_int_eq(p.latest, 2);			/* the self-assessment is still shown */
	near(rows[0].self, 2, "self");
	ck_assert_int_eq(p.weakest, -1);

	p = of(5, rows);
	ck_assert_int_eq(p.verdict, VERDICT_UNJUDGED);
	ck_assert_int_eq(p.latest, -1);

	p = of(6, rows);
	near(rows[0].manager, 3.5, "two managers: their mean");
	none(rows[1].manager, "a 0 is not a score");
	ck_assert_int_eq(p.verdict, VERDICT_WEAK);

	/* a weak trait makes a profile weak whatever the average: 5 5 5 5 1 */
	const struct pf_score strong[] = { { 7, 10, 0, M, 5 }, { 7, 20, 0, M, 5 }, { 7, 30, 0, M, 5 },
					   { 7, 40, 0, M, 5 }, { 7, 50, 0, M, 1 } };
	profile_compute(traits, 5, strong, 5, 7, 1, rows, &p);
	ck_assert_int_eq(p.verdict, VERDICT_WEAK);
	ck_assert_int_eq(p.weakest, 4);
}
END_TEST

START_TEST(history)
{
	double mgr[NROUNDS * 5];
	unsigned char has[NROUNDS];
	profile_history(traits, 5, scores, NS, 1, NROUNDS, mgr, has);
	ck_assert_int_eq(has[0], 1);
	ck_assert_int_eq(has[1], 1);
	ck_assert_int_eq(has[2], 0);
	near(mgr[0 * 5 + 4], 3, "round 0 trait 50");
	near(mgr[1 * 5 + 2], 2, "round 1 trait 30");
	none(mgr[2 * 5 + 0], "round 2: self only");
}
END_TEST

START_TEST(superstar_profile_needs_three)
{
	double mean[5];
	size_t n[5];
	struct superstar_profile sp;
	/* reps 2 and 3 have manager scores, rep 4 only a self-assessment: 2 of 3 */
	const int64_t two[] = { 2, 3, 4, 4 };
	profile_superstars(traits, 5, scores, NS, two, 4, NROUNDS, mean, n, &sp);
	ck_assert_int_eq(sp.nstars, 3);			/* rep 4 named twice counts once */
	ck_assert_int_eq(sp.nscored, 2);
	ck_assert_int_eq(sp.shown, 0);
	for (int t = 0; t < 5; t++)
		none(mean[t], "hidden");

	/* with rep 1: three scored superstars */
	const int64_t three[] = { 1, 2, 3, 4 };
	profile_superstars(traits, 5, scores, NS, three, 4, NROUNDS, mean, n, &sp);
	ck_assert_int_eq(sp.nscored, 3);
	ck_assert_int_eq(sp.shown, 1);
	near(mean[0], (4 + 4 + 4) / 3.0, "trait 10: reps 1, 2, 3");
	near(mean[1], (5 + 4 + 5) / 3.0, "trait 20: reps 1, 2, 3");
	ck_assert_int_eq(n[2], 2);
	none(mean[2], "trait 30: only reps 1 and 2 were scored on it");
	none(mean[4], "trait 50: two reps");
}
END_TEST

START_TEST(superstar_in_the_last_quarters)
{
	const enum tier once[4] = { TIER_CORE, TIER_SUPERSTAR, TIER_CORE, TIER_AT_RISK };
	const enum tier never[4] = { TIER_CORE, TIER_NONE, TIER_CORE, TIER_UNDER };
	ck_assert_int_eq(profile_was_superstar(once, 4), 1);
	ck_assert_int_eq(profile_was_superstar(never, 4), 0);
	ck_assert_int_eq(profile_was_superstar(once, 1), 0);
	ck_assert_int_eq(rater_kind_parse("peer"), RATER_PEER);
	ck_assert_int_eq(rater_kind_parse("boss"), -1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("profile");
	TCase *tc = tcase_create("profile");
	tcase_add_test(tc, weakest_trait_and_growth);
	tcase_add_test(tc, verdicts);
	tcase_add_test(tc, history);
	tcase_add_test(tc, superstar_profile_needs_three);
	tcase_add_test(tc, superstar_in_the_last_quarters);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
