/*
 * test-library: the rules of the library (domain/library.c) on cases worked
 * out by hand — due dates and overdue loans around month ends and leap
 * days, the held copy (free copies go to the first in line), the return's
 * learning kind, the item form's errors, and the recommendations per trait:
 * who grew (last manager score before the loan vs the first after the
 * return), the ordering and its ties.
 */
#include "check-util.h"
#include "domain/library.h"
#include <math.h>

START_TEST(due_and_overdue_around_month_ends)
{
	char d[11];
	library_due_on("2026-01-31", LIBRARY_LOAN_DAYS, d);
	ck_str(d, "2026-02-21", "31 Jan + 21");
	library_due_on("2024-02-08", LIBRARY_LOAN_DAYS, d);
	ck_str(d, "2024-02-29", "leap day");
	library_due_on("2025-02-08", LIBRARY_LOAN_DAYS, d);
	ck_str(d, "2025-03-01", "no leap day");
	library_due_on("2026-12-20", LIBRARY_LOAN_DAYS, d);
	ck_str(d, "2027-01-10", "over the new year");
	/* due on the 31st: not overdue that day, overdue on the 1st */
	ck_assert_int_eq(library_overdue("2026-01-31", "2026-01-31"), 0);
	ck_assert_int_eq(library_overdue("2026-01-31", "2026-02-01"), 1);
	ck_assert_int_eq(library_days_overdue("2026-01-31", "2026-02-01"), 1);
	ck_assert_int_eq(library_days_overdue("2026-02-28", "2026-03-02"), 2);
	ck_assert_int_eq(library_days_overdue("2024-02-28", "2024-03-02"), 3);
	ck_assert_int_eq(library_days_overdue("2026-03-02", "2026-02-28"), 0);
	/* due soon: within 3 days, across the month's end */
	ck_assert_int_eq(library_due_soon("2026-03-02", "2026-02-27"), 1);	/* 3 days */
	ck_assert_int_eq(library_due_soon("2026-03-03", "2026-02-27"), 0);	/* 4 days */
	ck_assert_int_eq(library_due_soon("2026-02-01", "2026-02-27"), 1);	/* overdue */
	ck_assert_int_eq(library_overdue("", "2026-02-27"), 0);
}
END_TEST

START_TEST(held_copy_rule)
{
	/* 2 copies, 1 out, nobody waits: anyone borrows */
	struct library_state s = { .copies = 2, .open_loans = 1 };
	ck_assert_int_eq(library_may_lend(&s), LEND_OK);
	/* all out */
	s.open_loans = 2;
	ck_assert_int_eq(library_may_lend(&s), LEND_NONE_FREE);
	/* one comes back, two wait: held for the first in line only */
	s = (struct library_state){ .copies = 2, .open_loans = 1, .waiting = 2 };
	ck_assert_int_eq(library_may_lend(&s), LEND_HELD);	/* not on the list */
	s.position = 2;
	ck_assert_int_eq(library_may_lend(&s), LEND_HELD);
	ck_assert_int_eq(library_copy_held_for(&s), 0);
	s.position = 1;
	ck_assert_int_eq(library_may_lend(&s), LEND_OK);
	ck_assert_int_eq(library_copy_held_for(&s), 1);
	/* two free, two waiting: both of them, nobody else */
	s = (struct library_state){ .copies = 3, .open_loans = 1, .waiting = 2, .position = 2 };
	ck_assert_int_eq(library_may_lend(&s), LEND_OK);
	ck_assert_int_eq(library_copy_held_for(&s), 1);
	s.position = 0;
	ck_assert_int_eq(library_may_lend(&s), LEND_HELD);
	/* three free, two waiting: one copy is nobody's */
	s = (struct library_state){ .copies = 3, .open_loans = 0, .waiting = 2 };
	ck_assert_int_eq(library_may_lend(&s), LEND_OK);
	/* a link, a retired item, a second copy */
	s = (struct library_state){ .copies = 0 };
	ck_assert_int_eq(library_may_lend(&s), LEND_LINK);
	s = (struct library_state){ .copies = 2, .retired = 1 };
	ck_assert_int_eq(library_may_lend(&s), LEND_RETIRED);
	s = (struct library_state){ .copies = 2, .open_loans = 1, .has_copy = 1 };
	ck_assert_int_eq(library_may_lend(&s), LEND_HAS_COPY);
	ck_assert_int_eq(library_free_copies(1, 3), 0);
}
END_TEST

START_TEST(kinds_and_input)
{
	ck_str(library_learning_kind("book"), "book", "book");
	ck_str(library_learning_kind("article"), "article", "article");
	ck_str(library_learning_kind("video"), "webinar", "video");
	ck_str(library_learning_kind("course"), "course", "course");
	ck_assert_ptr_null(library_learning_kind("podcast"));
	struct library_field_error errs[LIBRARY_ERRORS_MAX];
	int copies, minutes;
	struct library_item_input ok = { "book", "The Quiet Question", "A. Author", "", "", "2", "4.5" };
	ck_assert_uint_eq(library_item_check(&ok, &copies, &minutes, errs), 0);
	ck_assert_int_eq(copies, 2);
	ck_assert_int_eq(minutes, 270);
	struct library_item_input bad = { "podcast", " ", "", "ftp://x", "", "-1", "30" };
	size_t n = library_item_check(&bad, &copies, &minutes, errs);
	ck_assert_uint_eq(n, 5);
	ck_str(errs[0].field, "kind", "kind");
	ck_str(errs[1].field, "title", "title");
	ck_str(errs[2].field, "url", "url");
	ck_str(errs[3].field, "copies", "copies");
	ck_str(errs[4].field, "hours", "hours");
	/* no copies and no address: a link needs one */
	struct library_item_input link = { "article", "Listening", "", "", "", "0", "" };
	n = library_item_check(&link, &copies, &minutes, errs);
	ck_assert_uint_eq(n, 1);
	ck_str(errs[0].field, "url", "link");
	int rating;
	ck_assert_ptr_null(library_rating_check("", &rating));
	ck_assert_int_eq(rating, 0);
	ck_assert_ptr_null(library_rating_check("5", &rating));
	ck_assert_int_eq(rating, 5);
	ck_assert_ptr_nonnull(library_rating_check("6", &rating));
	ck_assert_ptr_nonnull(library_rating_check("0", &rating));
	ck_assert_ptr_nonnull(library_takeaway_check(""));
	ck_assert_ptr_nonnull(library_takeaway_check("two\nlines"));
	ck_assert_ptr_null(library_takeaway_check("Ask one more question."));
}
END_TEST

/* trait 1; readers 10, 11, 12, 13 */
static struct library_score scores[] = {
	{ 10, 1, "2026-01-10", 2 }, { 10, 1, "2026-06-10", 3 },	/* 10 grew 2 -> 3 */
	{ 11, 1, "2026-01-10", 3 }, { 11, 1, "2026-06-10", 3 },	/* 11 stayed */
	{ 12, 1, "2026-01-10", 2 }, { 12, 1, "2026-06-10", 4 },	/* 12 grew 2 -> 4 */
	{ 13, 1, "2026-06-10", 4 },				/* 13: nothing before */
	{ 10, 2, "2026-01-10", 4 }, { 10, 2, "2026-06-10", 2 },	/* trait 2: 10 fell */
};

START_TEST(grew)
{
	struct library_score s[N_ELEMS(scores)];
	memcpy(s, scores, sizeof(s));
	library_scores_sort(s, N_ELEMS(s));
	struct library_reading rd = { 1, 100, 10, "2026-02-01", "2026-02-20", 4 };
	ck_assert_int_eq(library_grew(s, N_ELEMS(s), &rd), 1);
	rd.reader_id = 11;
	ck_assert_int_eq(library_grew(s, N_ELEMS(s), &rd), 0);
	rd.reader_id = 13;
	ck_assert_int_eq(library_grew(s, N_ELEMS(s), &rd), 0);
	rd.reader_id = 10;
	rd.trait_id = 2;
	ck_assert_int_eq(library_grew(s, N_ELEMS(s), &rd), 0);
	/* a loan after the last assessment: no score after it, no growth */
	rd = (struct library_reading){ 1, 100, 10, "2026-07-01", "2026-07-20", 5 };
	ck_assert_int_eq(library_grew(s, N_ELEMS(s), &rd), 0);
	/* the score taken on the day of the loan is not "before" it */
	rd = (struct library_reading){ 1, 100, 12, "2026-01-10", "2026-02-01", 0 };
	ck_assert_int_eq(library_grew(s, N_ELEMS(s), &rd), 0);
}
END_TEST

START_TEST(ordering_and_ties)
{
	struct library_score s[N_ELEMS(scores)];
	memcpy(s, scores, sizeof(s));
	library_scores_sort(s, N_ELEMS(s));
	struct library_reading rd[] = {
		/* item 100: readers 10 and 12 grew (2), ratings 4 and 2 -> 3.0 */
		{ 1, 100, 10, "2026-02-01", "2026-02-20", 4 },
		{ 1, 100, 12, "2026-02-01", "2026-02-20", 2 },
		/* item 200: reader 10 grew twice (counts once), 11 did not; ratings 5, 5, 5 */
		{ 1, 200, 10, "2026-03-01", "2026-03-20", 5 },
		{ 1, 200, 10, "2026-04-01", "2026-04-20", 5 },
		{ 1, 200, 11, "2026-03-01", "2026-03-20", 5 },
		/* item 300: reader 12 grew, rating 5 -> ties 200 on grew, wins on nothing: 200 has more ratings */
		{ 1, 300, 12, "2026-03-01", "2026-03-20", 5 },
		/* item 400: reader 12 grew, no rating -> after the rated ones */
		{ 1, 400, 12, "2026-03-01", "2026-03-20", 0 },
		/* item 50: reader 12 grew, rating 5, 1 rating: the same as 300 -> the older (lower id) first */
		{ 1, 50, 12, "2026-03-01", "2026-03-20", 5 },
		/* item 500: nobody grew -> not recommended */
		{ 1, 500, 11, "2026-03-01", "2026-03-20", 5 },
		/* trait 2: 10 fell -> nothing */
		{ 2, 100, 10, "2026-02-01", "2026-02-20", 4 },
	};
	struct library_reco out[10];
	size_t n = library_recommend(rd, N_ELEMS(rd), s, N_ELEMS(s), out, 10);
	ck_assert_uint_eq(n, 5);
	int64_t order[] = { 100, 200, 50, 300, 400 };
	for (size_t i = 0; i < 5; i++)
		ck_assert_msg(out[i].item_id == order[i], "place %zu: got item %lld, want %lld", i,
			      (long long)out[i].item_id, (long long)order[i]);
	ck_assert_int_eq(out[0].grew, 2);
	ck_assert_int_eq(out[0].nrated, 2);
	ck_assert_double_eq_tol(out[0].avg_rating, 3.0, 1e-9);
	ck_assert_int_eq(out[1].grew, 1);
	ck_assert_int_eq(out[1].nrated, 3);
	ck_assert_double_eq_tol(out[1].avg_rating, 5.0, 1e-9);
	ck_assert(isnan(out[4].avg_rating));
	/* the bound: only max written, the count still told */
	struct library_reading rd2[N_ELEMS(rd)];
	memcpy(rd2, rd, sizeof(rd));
	ck_assert_uint_eq(library_recommend(rd2, N_ELEMS(rd2), s, N_ELEMS(s), out, 2), 5);
	ck_assert_uint_eq(library_recommend(rd2, 0, s, N_ELEMS(s), out, 2), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("library");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, due_and_overdue_around_month_ends);
	tcase_add_test(tc, held_copy_rule);
	tcase_add_test(tc, kinds_and_input);
	tcase_add_test(tc, grew);
	tcase_add_test(tc, ordering_and_ties);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
