/*
 * test-tiers-grid: tiers_grid_compute (src/domain/tiers-grid.c) on a grid of
 * three reps over three periods worked out by hand — attainment, share of
 * the scope's revenue with a credit note, the run of low periods an
 * underperformer needs (broken by a period without a target), superstars by
 * attainment and by share, and the counts per tier.
 */
#include <check.h>
#include <math.h>
#include "check-util.h"
#include "domain/tiers-grid.h"

#define NR 3
#define NP 3

/*            p0            p1            p2
 * Ada    100 -> 130    100 ->  90    100 ->  70
 * Ben    100 ->  70    100 ->  75    100 -> 120
 * Cas     -  -> -10    100 ->  50    100 ->  60
 *
 * totals (negative as 0): 200, 215, 250 */
static const unsigned char has_target[NR * NP] = { 1, 1, 1, 1, 1, 1, 0, 1, 1 };
static const int64_t target[NR * NP] = { 100, 100, 100, 100, 100, 100, 0, 100, 100 };
static const int64_t result[NR * NP] = { 130, 90, 70, 70, 75, 120, -10, 50, 60 };

static const struct tiers_grid_input grid = { NR, NP, has_target, target, result, NULL };

#define near(got, want, what) \
	ck_assert_msg(fabs((got) - (want)) < 1e-9, "%s: got %.10f, want %.10f", (what), (got), (want))

START_TEST(attainment_and_share)
{
	struct tier_rules rules;
	tier_rules_default(&rules);
	enum tier tier[NR * NP];
	double share[NR * NP], att[NR * NP];
	tiers_grid_compute(&rules, &grid, tier, share, att);

	near(att[0], 1.3, "Ada p0");
	near(att[2], 0.7, "Ada p2");
	near(att[5], 1.2, "Ben p2");
	ck_assert_msg(isnan(att[6]), "Cas p0 has no target: NaN");
	near(att[7], 0.5, "Cas p1");

	near(share[0], 130.0 / 200, "Ada p0");
	near(share[3], 70.0 / 200, "Ben p0");
	near(share[6], 0.0, "Cas p0: a credit note counts as 0");
	near(share[1], 90.0 / 215, "Ada p1");
	near(share[5], 120.0 / 250, "Ben p2");
	near(share[8], 60.0 / 250, "Cas p2");

	/* share and attainment are optional */
	enum tier again[NR * NP];
	tiers_grid_compute(&rules, &grid, again, NULL, NULL);
	for (size_t c = 0; c < NR * NP; c++)
		ck_assert_int_eq(again[c], tier[c]);
}
END_TEST

START_TEST(default_rules)
{
	/* superstar at 120% or more; underperformer below 80% two periods running */
	struct tier_rules rules;
	tier_rules_default(&rules);
	enum tier tier[NR * NP];
	tiers_grid_compute(&rules, &grid, tier, NULL, NULL);
	static const enum tier want[NR * NP] = {
		TIER_SUPERSTAR, TIER_CORE, TIER_AT_RISK,	/* 0.9 once before 0.7: below, no run of two yet */
		TIER_AT_RISK, TIER_UNDER, TIER_SUPERSTAR,	/* 0.7 alone is no run yet; then 0.7, 0.75; then 1.2 */
		TIER_NONE, TIER_AT_RISK, TIER_UNDER,	/* no target; 0.5 after a period without one; 0.5, 0.6 */
	};
	for (size_t c = 0; c < NR * NP; c++)
		ck_assert_msg(tier[c] == want[c], "rep %zu period %zu: got %s, want %s", c / NP, c % NP,
			      tier_code(tier[c]), tier_code(want[c]));

	size_t counts[TIER_COUNT];
	tiers_grid_counts(tier, NR, NP, 2, counts);
	ck_assert_uint_eq(counts[TIER_NONE], 0);
	ck_assert_uint_eq(counts[TIER_UNDER], 1);
	ck_assert_uint_eq(counts[TIER_AT_RISK], 1);
	ck_assert_uint_eq(counts[TIER_CORE], 0);
	ck_assert_uint_eq(counts[TIER_SUPERSTAR], 1);
	tiers_grid_counts(tier, NR, NP, 0, counts);
	ck_assert_uint_eq(counts[TIER_NONE], 1);
	ck_assert_uint_eq(counts[TIER_UNDER], 0);
	ck_assert_uint_eq(counts[TIER_AT_RISK], 1);
	ck_assert_uint_eq(counts[TIER_CORE], 0);
	ck_assert_uint_eq(counts[TIER_SUPERSTAR], 1);
}
END_TEST

START_TEST(superstar_by_share)
{
	/* with 40% of the revenue enough, Ada's 90 of 215 (41.9%) in p1 makes her one */
	struct tier_rules rules;
	tier_rules_default(&rules);
	rules.superstar_share_pct = 40;
	enum tier tier[NR * NP];
	tiers_grid_compute(&rules, &grid, tier, NULL, NULL);
	ck_assert_int_eq(tier[1], TIER_SUPERSTAR);
	ck_assert_int_eq(tier[4], TIER_UNDER);		/* Ben's 75 of 215: 34.9% */
	ck_assert_int_eq(tier[5], TIER_SUPERSTAR);
	ck_assert_int_eq(tier[8], TIER_UNDER);		/* Cas's 60 of 250: 24% */
}
END_TEST

START_TEST(superstar_by_share_of_the_team)
{
	/* Ada and Ben in team 7, Cas in team 9: with 40% enough, the rule counts
	 * within the team. p1: Ada 90 of 165 (54.5%), Ben 75 of 165 (45.5%), Cas
	 * 50 of 50 (100%), where the scope's shares would be 41.9%, 34.9% and
	 * 23.3%. The share given back stays the scope's. */
	static const int64_t teams[NR] = { 7, 7, 9 };
	struct tiers_grid_input in = grid;
	in.team_id = teams;
	struct tier_rules rules;
	tier_rules_default(&rules);
	rules.superstar_share_pct = 40;
	enum tier tier[NR * NP];
	double share[NR * NP];
	tiers_grid_compute(&rules, &in, tier, share, NULL);
	ck_assert_int_eq(tier[1], TIER_SUPERSTAR);
	ck_assert_int_eq(tier[4], TIER_SUPERSTAR);	/* Ben: 45.5% of his team, 34.9% of all */
	ck_assert_int_eq(tier[7], TIER_SUPERSTAR);	/* Cas: all of his team's 50 */
	near(share[4], 75.0 / 215.0, "Ben's share of the scope");
	/* p2: Ada's 70 of 190 (36.8%) is not; her 70% is below the line, but
	 * 90% in p1 makes it no run: at risk. Cas's 60 of 60 is */
	ck_assert_int_eq(tier[2], TIER_AT_RISK);
	ck_assert_int_eq(tier[8], TIER_SUPERSTAR);
}
END_TEST

START_TEST(one_period_and_no_revenue)
{
	/* one rep, one period, nothing sold against a target of 100 */
	const unsigned char ht[1] = { 1 };
	const int64_t t[1] = { 100 }, res[1] = { 0 };
	const struct tiers_grid_input one = { 1, 1, ht, t, res, NULL };
	struct tier_rules rules;
	tier_rules_default(&rules);
	enum tier tier[1];
	double share[1], att[1];
	tiers_grid_compute(&rules, &one, tier, share, att);
	near(att[0], 0.0, "attainment");
	ck_assert_msg(isnan(share[0]), "no revenue in scope: share NaN");
	ck_assert_int_eq(tier[0], TIER_AT_RISK);	/* one low period of the two needed */
	rules.under_periods = 1;
	tiers_grid_compute(&rules, &one, tier, share, att);
	ck_assert_int_eq(tier[0], TIER_UNDER);

	/* an empty grid touches nothing */
	const struct tiers_grid_input none = { 0, 0, NULL, NULL, NULL, NULL };
	tiers_grid_compute(&rules, &none, tier, NULL, NULL);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tiers-grid");
	TCase *tc = tcase_create("grid");
	tcase_add_test(tc, attainment_and_share);
	tcase_add_test(tc, default_rules);
	tcase_add_test(tc, superstar_by_share);
	tcase_add_test(tc, superstar_by_share_of_the_team);
	tcase_add_test(tc, one_period_and_no_revenue);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
