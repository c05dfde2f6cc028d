/*
 * test-contests: the rules of domain/ranking.c and domain/contests.c on
 * hand-computed tables — standard competition ranking (1, 1, 3), lower is
 * better, the minimum of conversations and entries without a value listed
 * "not ranked", most improved (the change against the previous period),
 * the previous period of a month, a quarter and a range of days, a
 * contest's checks (every faulty field named at once) and its states
 * (upcoming, running, ended and to freeze, final).
 */
#include "check-util.h"
#include "domain/ranking.h"
#include "domain/contests.h"
#include <math.h>

struct row {
	double value;
	int64_t convs;
	size_t want_idx;	/* who stands here */
	int want_place;		/* 0: not ranked */
};

static void check_table(const double *values, const int64_t *convs, size_t n, int lower, int64_t min,
			const struct row *want, const char *what)
{
	struct rank_entry e[16];
	for (size_t i = 0; i < n; i++)
		e[i] = (struct rank_entry){ i, values[i], convs ? convs[i] : 0, -1, -1 };
	ranking_compute(e, n, lower, min);
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(e[i].idx == want[i].want_idx, "%s: position %zu holds %zu, want %zu", what, i, e[i].idx,
			      want[i].want_idx);
		ck_assert_msg(e[i].place == want[i].want_place, "%s: position %zu place %d, want %d", what, i,
			      e[i].place, want[i].want_place);
		ck_assert_int_eq(e[i].ranked, want[i].want_place > 0);
	}
}

START_TEST(ranking_ties_share_a_place)
{
	/* Ann 5, Bob 7, Cas 7, Dee 3, Eve 5: Bob 1, Cas 1, Ann 3, Eve 3, Dee 5 */
	double v[] = { 5, 7, 7, 3, 5 };
	struct row want[] = { { 0, 0, 1, 1 }, { 0, 0, 2, 1 }, { 0, 0, 0, 3 }, { 0, 0, 4, 3 }, { 0, 0, 3, 5 } };
	check_table(v, NULL, 5, 0, 0, want, "higher is better");
}
END_TEST

START_TEST(ranking_lower_is_better)
{
	/* missed steps: Ann 2, Bob 0, Cas 2, Dee 5 -> Bob 1, Ann 2, Cas 2, Dee 4 */
	double v[] = { 2, 0, 2, 5 };
	struct row want[] = { { 0, 0, 1, 1 }, { 0, 0, 0, 2 }, { 0, 0, 2, 2 }, { 0, 0, 3, 4 } };
	check_table(v, NULL, 4, 1, 0, want, "lower is better");
}
END_TEST

START_TEST(ranking_minimum_and_no_value)
{
	/* minimum 10 conversations: Ann 0.9 with 9 (not ranked), Bob 0.5 with
	 * 10, Cas no value (a rate of no conversations), Dee 0.7 with 12 ->
	 * Dee 1, Bob 2, then Ann and Cas unranked in input order */
	double v[] = { 0.9, 0.5, NAN, 0.7 };
	int64_t c[] = { 9, 10, 0, 12 };
	struct row want[] = { { 0, 0, 3, 1 }, { 0, 0, 1, 2 }, { 0, 0, 0, 0 }, { 0, 0, 2, 0 } };
	check_table(v, c, 4, 0, 10, want, "minimum");
	/* everyone below: nobody ranked */
	int64_t few[] = { 1, 1, 1, 1 };
	struct row none[] = { { 0, 0, 0, 0 }, { 0, 0, 1, 0 }, { 0, 0, 2, 0 }, { 0, 0, 3, 0 } };
	check_table(v, few, 4, 0, 10, none, "all below the minimum");
	/* an empty table does nothing */
	ranking_compute(NULL, 0, 0, 0);
}
END_TEST

START_TEST(ranking_most_improved)
{
	/* commitment rate last month -> this month: Ann 0.50 -> 0.75 (+0.25),
	 * Bob 0.80 -> 0.70 (-0.10), Cas none -> 0.60 (no change to rank), Dee
	 * 0.40 -> 0.65 (+0.25): Ann 1, Dee 1, Bob 3, Cas unranked */
	double cur[] = { 0.75, 0.70, 0.60, 0.65 }, prev[] = { 0.50, 0.80, NAN, 0.40 };
	double v[4];
	for (int i = 0; i < 4; i++)
		v[i] = ranking_improvement(cur[i], prev[i]);
	ck_assert(fabs(v[0] - 0.25) < 1e-12);
	ck_assert(isnan(v[2]));
	ck_assert(isnan(ranking_improvement(NAN, 1)));
	/* 0.75 - 0.50 and 0.65 - 0.40 are both 0.25 in binary too */
	struct row want[] = { { 0, 0, 0, 1 }, { 0, 0, 3, 1 }, { 0, 0, 1, 3 }, { 0, 0, 2, 0 } };
	check_table(v, NULL, 4, 0, 0, want, "most improved");
}
END_TEST

START_TEST(previous_spans)
{
	char f[11], t[11];
	lb_previous_span("2026-12-01", "2026-12-31", 1, f, t);	/* a month: November */
	ck_str(f, "2026-11-01", "month from");
	ck_str(t, "2026-11-30", "month to");
	lb_previous_span("2026-01-01", "2026-03-31", 1, f, t);	/* Q1: Q4 of last year */
	ck_str(f, "2025-10-01", "quarter from");
	ck_str(t, "2025-12-31", "quarter to");
	ck_assert_int_eq(lb_period_resolve("last_month", "2026-01-15", 1, f, t), 0);
	ck_str(f, "2025-12-01", "last month from");
	ck_str(t, "2025-12-31", "last month to");
	ck_assert_int_eq(lb_period_resolve("this_quarter", "2026-12-07", 7, f, t), 0);	/* fiscal from July */
	ck_str(f, "2026-10-01", "quarter from");
	ck_str(t, "2026-12-31", "quarter to");
	ck_assert_int_eq(lb_period_resolve("last_year", "2026-12-07", 7, f, t), 0);
	ck_str(f, "2025-07-01", "last fiscal year from");
	ck_str(t, "2026-06-30", "last fiscal year to");
	ck_assert_int_eq(lb_period_resolve("yesterday", "2026-12-07", 1, f, t), -1);
	lb_previous_span("2026-12-03", "2026-12-09", 1, f, t);	/* seven days: the seven before */
	ck_str(f, "2026-11-26", "days from");
	ck_str(t, "2026-12-02", "days to");
}
END_TEST

START_TEST(contest_checks)
{
	struct contest_field_error e[CONTEST_ERRORS_MAX];
	int64_t min;
	struct contest_input ok = { "December dash", "commitment_rate", "", "individual", "2026-12-01", "2026-12-31",
				    "10", "Dinner for two", 2, 1, 0, 1 };
	ck_assert_uint_eq(contest_validate(&ok, e, CONTEST_ERRORS_MAX, &min), 0);
	ck_assert_int_eq(min, 10);
	/* end before start, unknown figure, negative minimum, no teams: all at once */
	struct contest_input bad = { "", "charisma", "", "solo", "2026-12-10", "2026-12-01", "-1", "", 0, 1, 0, 1 };
	size_t n = contest_validate(&bad, e, CONTEST_ERRORS_MAX, &min);
	ck_assert_uint_eq(n, 6);
	ck_str(e[0].field, "name", "name");
	ck_str(e[1].field, "figure", "figure");
	ck_str(e[1].message, "Choose a figure from the list.", "figure message");
	ck_str(e[2].field, "mode", "mode");
	ck_str(e[3].field, "ends_on", "end before start");
	ck_str(e[3].message, "The last day is before the first day.", "end message");
	ck_str(e[4].field, "minimum", "minimum");
	ck_str(e[4].message, "The minimum cannot be negative.", "minimum message");
	ck_str(e[5].field, "teams", "no teams");
	/* revenue for individuals where a team hides individual revenue */
	struct contest_input hid = ok;
	hid.figure = "revenue";
	hid.team_hides_revenue = 1;
	ck_assert_uint_eq(contest_validate(&hid, e, CONTEST_ERRORS_MAX, &min), 1);
	ck_str(e[0].field, "teams", "hidden revenue");
	/* the same as a team contest is fine; so is most improved of steps kept */
	hid.mode = "team";
	ck_assert_uint_eq(contest_validate(&hid, e, CONTEST_ERRORS_MAX, &min), 0);
	hid.mode = "individual";
	hid.figure = "most_improved";
	hid.base = "steps_kept";
	ck_assert_uint_eq(contest_validate(&hid, e, CONTEST_ERRORS_MAX, &min), 0);
	/* most improved of attainment reveals revenue; without a base: base */
	hid.base = "attainment";
	ck_assert_uint_eq(contest_validate(&hid, e, CONTEST_ERRORS_MAX, &min), 1);
	hid.base = "";
	ck_assert_uint_eq(contest_validate(&hid, e, CONTEST_ERRORS_MAX, &min), 1);
	ck_str(e[0].field, "base", "base");
	/* revenue over days that are not whole months */
	struct contest_input days = ok;
	days.figure = "revenue";
	days.months_ok = 0;
	ck_assert_uint_eq(contest_validate(&days, e, CONTEST_ERRORS_MAX, &min), 1);
	ck_str(e[0].field, "ends_on", "whole months");
	ck_assert(lb_figure_reveals_revenue(FIG_ATTAINMENT, FIG_ATTAINMENT));
	ck_assert(!lb_figure_reveals_revenue(FIG_NEW_DEALS, FIG_NEW_DEALS));
	ck_assert_int_eq(lb_figure_parse("learning_hours"), FIG_LEARNING_HOURS);
	ck_assert_int_eq(lb_figure_parse("x"), -1);
}
END_TEST

START_TEST(contest_states)
{
	ck_assert_int_eq(contest_state_of("2026-12-01", "2026-12-31", "2026-11-30", 0), CONTEST_UPCOMING);
	ck_assert_int_eq(contest_state_of("2026-12-01", "2026-12-31", "2026-12-01", 0), CONTEST_RUNNING);
	ck_assert_int_eq(contest_state_of("2026-12-01", "2026-12-31", "2026-12-31", 0), CONTEST_RUNNING);
	ck_assert_int_eq(contest_state_of("2026-12-01", "2026-12-31", "2027-01-01", 0), CONTEST_ENDED);
	ck_assert_int_eq(contest_state_of("2026-12-01", "2026-12-31", "2027-01-01", 1), CONTEST_FINAL);
	/* frozen once: the last day still counts, the day after freezes, a
	 * frozen contest never again */
	ck_assert(!contest_needs_freeze("2026-12-31", "2026-12-31", 0));
	ck_assert(contest_needs_freeze("2026-12-31", "2027-01-01", 0));
	ck_assert(!contest_needs_freeze("2026-12-31", "2027-03-01", 1));
}
END_TEST

/* levers (issue 10): the minimum as typed, shared by contests and the
 * leaderboard page's "minimum conversations" */
START_TEST(minimum_parse)
{
	int64_t min = 7;
	ck_assert_ptr_null(contest_minimum_parse(NULL, &min));
	ck_assert_int_eq(min, 7);		/* none given: left as it was */
	ck_assert_ptr_null(contest_minimum_parse("", &min));
	ck_assert_int_eq(min, 7);
	ck_assert_ptr_null(contest_minimum_parse("10", &min));
	ck_assert_int_eq(min, 10);
	ck_assert_ptr_null(contest_minimum_parse("0", &min));
	ck_assert_int_eq(min, 0);
	ck_assert_ptr_null(contest_minimum_parse("100000", &min));
	ck_assert_int_eq(min, 100000);
	min = 3;
	ck_assert_str_eq(contest_minimum_parse("ten", &min), "The minimum is a whole number of conversations.");
	ck_assert_str_eq(contest_minimum_parse("10x", &min), "The minimum is a whole number of conversations.");
	ck_assert_str_eq(contest_minimum_parse("2.5", &min), "The minimum is a whole number of conversations.");
	ck_assert_str_eq(contest_minimum_parse("-1", &min), "The minimum cannot be negative.");
	ck_assert_str_eq(contest_minimum_parse("100001", &min), "The minimum is too large.");
	ck_assert_int_eq(min, 3);		/* a fault sets nothing */
}
END_TEST

int main(void)
{
	Suite *s = suite_create("contests");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, ranking_ties_share_a_place);
	tcase_add_test(tc, ranking_lower_is_better);
	tcase_add_test(tc, ranking_minimum_and_no_value);
	tcase_add_test(tc, ranking_most_improved);
	tcase_add_test(tc, previous_spans);
	tcase_add_test(tc, contest_checks);
	tcase_add_test(tc, contest_states);
	tcase_add_test(tc, minimum_parse);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
