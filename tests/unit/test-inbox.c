/*
 * test-inbox: the rules of the coach's inbox (domain/inbox.c) on cases
 * computed by hand: each source's rule at its edges, the order, the key and
 * fingerprint of a dismissal (back when the situation changes), and when a
 * snooze ends.
 */
#include "check-util.h"
#include "domain/inbox.h"
#include <string.h>

static struct inbox_item blank(void)
{
	struct inbox_item it;
	memset(&it, 0, sizeof(it));
	it.since = "";
	it.name = "";
	return it;
}

START_TEST(rule_ooo)
{
	struct inbox_item it = blank();
	/* due today is not overdue; the day after is 1 day */
	ck_assert_int_eq(inbox_rule_ooo("2026-12-07", "2026-12-07", &it), 0);
	ck_assert_int_eq(inbox_rule_ooo("", "2026-12-07", &it), 0);
	ck_assert_int_eq(inbox_rule_ooo("2026-12-06", "2026-12-07", &it), 1);
	ck_assert_int_eq(it.days, 1);
	ck_assert_int_eq(it.level, 2);
	/* across a month end: 3 Nov to 7 Dec is 27 + 7 = 34 days */
	ck_assert_int_eq(inbox_rule_ooo("2026-11-03", "2026-12-07", &it), 1);
	ck_assert_int_eq(it.days, 34);
	ck_str(it.since, "2026-11-03", "since");
}
END_TEST

START_TEST(rule_strung)
{
	struct inbox_item it = blank();
	ck_assert_int_eq(inbox_rule_strung(0, &it), 0);
	ck_assert_int_eq(inbox_rule_strung(2, &it), 1);
	ck_assert_int_eq(it.level, 1);
	ck_assert_int_eq(it.n, 2);
	ck_assert_int_eq(inbox_rule_strung(3, &it), 1);
	ck_assert_int_eq(it.level, 2);
}
END_TEST

START_TEST(rule_rate)
{
	struct inbox_item it = blank();
	/* 6/10 = 60% before, 5/10 = 50% now: down exactly 10 points */
	ck_assert_int_eq(inbox_rule_rate(10, 5, 10, 6, &it), 1);
	ck_assert(it.before > 0.599 && it.before < 0.601);
	ck_assert(it.now > 0.499 && it.now < 0.501);
	ck_assert_int_eq(it.now_conv, 10);
	/* 60% to 51%: 9 points is not enough */
	ck_assert_int_eq(inbox_rule_rate(100, 51, 10, 6, &it), 0);
	/* 5 of 8 = 62.5% to 3 of 6 = 50%: 12.5 points */
	ck_assert_int_eq(inbox_rule_rate(6, 3, 8, 5, &it), 1);
	/* too few conversations in either window: 4 is below 5 */
	ck_assert_int_eq(inbox_rule_rate(4, 0, 10, 10, &it), 0);
	ck_assert_int_eq(inbox_rule_rate(10, 0, 4, 4, &it), 0);
	/* five each is enough: 5/5 to 4/5 is 20 points */
	ck_assert_int_eq(inbox_rule_rate(5, 4, 5, 5, &it), 1);
	/* rising is never an item */
	ck_assert_int_eq(inbox_rule_rate(10, 9, 10, 5, &it), 0);
	/* the windows: 28 days up to today, and the 28 before */
	char nf[11], bf[11], bt[11];
	inbox_rate_windows("2026-12-07", nf, bf, bt);
	ck_str(nf, "2026-11-10", "now from");
	ck_str(bt, "2026-11-09", "before to");
	ck_str(bf, "2026-10-13", "before from");
}
END_TEST

START_TEST(rule_learning)
{
	struct inbox_item it = blank();
	/* 59 days is not yet; 60 is */
	ck_assert_int_eq(inbox_rule_learning("2026-10-09", "2025-01-01", "2026-12-07", &it), 0);
	ck_assert_int_eq(inbox_rule_learning("2026-10-08", "2025-01-01", "2026-12-07", &it), 1);
	ck_assert_int_eq(it.days, 60);
	ck_str(it.since, "2026-10-08", "since");
	/* nothing ever: counted from joining */
	ck_assert_int_eq(inbox_rule_learning("", "2026-11-01", "2026-12-07", &it), 0);
	ck_assert_int_eq(inbox_rule_learning("", "2026-09-01", "2026-12-07", &it), 1);
	ck_assert_int_eq(it.days, 97);
	ck_str(it.since, "", "since none");
}
END_TEST

START_TEST(rule_loan)
{
	struct inbox_item it = blank();
	ck_assert_int_eq(inbox_rule_loan("2026-12-07", "2026-12-07", &it), 0);
	ck_assert_int_eq(inbox_rule_loan("2026-12-01", "2026-12-07", &it), 1);
	ck_assert_int_eq(it.days, 6);
	ck_assert_int_eq(it.level, 1);
	ck_assert_int_eq(inbox_rule_loan("2026-11-23", "2026-12-07", &it), 1);
	ck_assert_int_eq(it.days, 14);
	ck_assert_int_eq(it.level, 2);
}
END_TEST

/* a contest ending: from three days before its last day up to that day */
START_TEST(rule_contest)
{
	struct inbox_item it = blank();
	ck_assert_int_eq(inbox_rule_contest("2026-12-11", "2026-12-07", &it), 0);	/* 4 days left */
	ck_assert_int_eq(inbox_rule_contest("2026-12-10", "2026-12-07", &it), 1);
	ck_assert_int_eq(it.kind, INBOX_CONTEST);
	ck_assert_int_eq(it.days, 3);
	ck_str(it.since, "2026-12-10", "since: its last day");
	ck_assert_int_eq(inbox_rule_contest("2026-12-07", "2026-12-07", &it), 1);
	ck_assert_int_eq(it.days, 0);
	ck_assert_int_eq(inbox_rule_contest("2026-12-06", "2026-12-07", &it), 0);	/* over */
	ck_assert_int_eq(inbox_rule_contest("", "2026-12-07", &it), 0);
}
END_TEST

START_TEST(rule_targets)
{
	struct inbox_item it = blank();
	/* the next quarter starts 1 Jan: 25 days ahead, within 30 */
	ck_assert_int_eq(inbox_rule_targets("2027-01-01", 3, "2026-12-07", &it), 1);
	ck_assert_int_eq(it.days, 25);
	ck_assert_int_eq(it.level, 1);
	ck_assert_int_eq(it.n, 3);
	/* 31 days ahead is too early; none missing is nothing */
	ck_assert_int_eq(inbox_rule_targets("2027-01-01", 3, "2026-12-01", &it), 0);
	ck_assert_int_eq(inbox_rule_targets("2027-01-01", 3, "2026-12-02", &it), 1);
	ck_assert_int_eq(inbox_rule_targets("2027-01-01", 0, "2026-12-07", &it), 0);
	/* a week before: urgent enough for level 2 */
	ck_assert_int_eq(inbox_rule_targets("2027-01-01", 1, "2026-12-25", &it), 1);
	ck_assert_int_eq(it.level, 2);
}
END_TEST

START_TEST(order)
{
	struct inbox_item a[4];
	for (int i = 0; i < 4; i++)
		a[i] = blank();
	a[0].level = 1, a[0].days = 90, strcpy(a[0].key, "a");
	a[1].level = 3, a[1].days = 1, strcpy(a[1].key, "b");
	a[2].level = 2, a[2].days = 5, strcpy(a[2].key, "c");
	a[3].level = 2, a[3].days = 30, strcpy(a[3].key, "d");
	inbox_sort(a, 4);
	ck_str(a[0].key, "b", "first: level 3");
	ck_str(a[1].key, "d", "then level 2, more days first");
	ck_str(a[2].key, "c", "third");
	ck_str(a[3].key, "a", "level 1 last, whatever its days");
}
END_TEST

START_TEST(fingerprint)
{
	struct inbox_item it = blank();
	ck_assert_int_eq(inbox_rule_ooo("2026-11-03", "2026-12-07", &it), 1);
	it.rep_id = 12;
	inbox_item_identify(&it);
	ck_str(it.key, "one_on_one_overdue:rep:12", "key");
	ck_str(it.fingerprint, "since:2026-11-03", "fingerprint");
	struct inbox_dismissal d[] = { { "one_on_one_overdue:rep:12", "since:2026-11-03", "" } };
	ck_assert_int_eq(inbox_hidden(&it, d, 1, "2026-12-07"), 1);
	/* a day later, same situation: still hidden */
	ck_assert_int_eq(inbox_rule_ooo("2026-11-03", "2026-12-08", &it), 1);
	inbox_item_identify(&it);
	ck_assert_int_eq(inbox_hidden(&it, d, 1, "2026-12-08"), 1);
	/* the one-on-one was held, the next one is overdue again: a new situation */
	ck_assert_int_eq(inbox_rule_ooo("2026-12-01", "2026-12-08", &it), 1);
	inbox_item_identify(&it);
	ck_assert_int_eq(inbox_hidden(&it, d, 1, "2026-12-08"), 0);
	/* another rep's dismissal hides nothing */
	it.rep_id = 13;
	ck_assert_int_eq(inbox_rule_ooo("2026-11-03", "2026-12-08", &it), 1);
	inbox_item_identify(&it);
	ck_assert_int_eq(inbox_hidden(&it, d, 1, "2026-12-08"), 0);
	/* strung along: another number of deals is another situation */
	struct inbox_item s = blank();
	inbox_rule_strung(2, &s);
	s.rep_id = 12;
	inbox_item_identify(&s);
	ck_str(s.key, "strung_along:rep:12", "strung key");
	ck_str(s.fingerprint, "deals:2", "strung fingerprint");
}
END_TEST

START_TEST(snooze)
{
	char out[11];
	ck_assert_int_eq(inbox_snooze_until("day", "2026-12-31", out), 0);
	ck_str(out, "2027-01-01", "1 day");
	ck_assert_int_eq(inbox_snooze_until("week", "2026-12-28", out), 0);
	ck_str(out, "2027-01-04", "1 week");
	ck_assert_int_eq(inbox_snooze_until("2026-12-20", "2026-12-07", out), 0);
	ck_str(out, "2026-12-20", "a date");
	/* today, the past, over a year, nonsense: refused */
	ck_assert_int_eq(inbox_snooze_until("2026-12-07", "2026-12-07", out), -1);
	ck_assert_int_eq(inbox_snooze_until("2026-12-01", "2026-12-07", out), -1);
	ck_assert_int_eq(inbox_snooze_until("2027-12-09", "2026-12-07", out), -1);
	ck_assert_int_eq(inbox_snooze_until("soon", "2026-12-07", out), -1);
	ck_assert_int_eq(inbox_snooze_until("", "2026-12-07", out), -1);
	ck_assert_int_eq(inbox_snooze_until(NULL, "2026-12-07", out), -1);
	/* a snooze hides until its day and not on it */
	struct inbox_item it = blank();
	inbox_rule_loan("2026-12-01", "2026-12-07", &it);
	it.ref_id = 5;
	inbox_item_identify(&it);
	struct inbox_dismissal d[] = { { "loan_overdue:loan:5", "due:2026-12-01", "2026-12-14" } };
	ck_assert_int_eq(inbox_hidden(&it, d, 1, "2026-12-13"), 1);
	ck_assert_int_eq(inbox_hidden(&it, d, 1, "2026-12-14"), 0);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("inbox");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, rule_ooo);
	tcase_add_test(tc, rule_strung);
	tcase_add_test(tc, rule_rate);
	tcase_add_test(tc, rule_learning);
	tcase_add_test(tc, rule_loan);
	tcase_add_test(tc, rule_contest);
	tcase_add_test(tc, rule_targets);
	tcase_add_test(tc, order);
	tcase_add_test(tc, fingerprint);
	tcase_add_test(tc, snooze);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
