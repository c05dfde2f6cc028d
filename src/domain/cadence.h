/*
 * cadence: when a rep's next one-on-one is due, and whether it is overdue.
 * Pure date arithmetic on "YYYY-MM-DD" days; no SQL, no I/O.
 *
 * A cadence is weekly, every two weeks (biweekly) or monthly, from an anchor
 * day (the day the manager set it to start). The rules:
 *
 *   - before any one-on-one was held, the next is due on the anchor day;
 *   - weekly: 7 days after the last one held; biweekly: 14 days after it
 *     (plain day counting, so it runs across month and year ends:
 *     2026-12-24 -> 2027-01-07);
 *   - monthly: in the calendar month after the month of the last one held,
 *     on the ANCHOR's day of the month — or on the last day of that month
 *     when it is shorter. The anchor's day, not the last held day, so a
 *     cadence from the 31st does not drift to the 28th for good after
 *     February: anchor 2027-01-31, held 2027-01-31 -> 2027-02-28; held
 *     2027-02-28 -> 2027-03-31; in a leap year held 2028-01-31 ->
 *     2028-02-29. A one-on-one held late in its month (anchor the 31st, held
 *     on 2 March for the February one) makes the next due in April: one per
 *     calendar month;
 *   - a last held day before the anchor (the cadence was set again later)
 *     counts as none: the next is due on the anchor;
 *   - overdue: today is after the day it was due (due today is not overdue);
 *     days_overdue counts the days after it.
 */
#ifndef SG_DOMAIN_CADENCE_H
#define SG_DOMAIN_CADENCE_H

enum cadence_every { CADENCE_WEEKLY = 0, CADENCE_BIWEEKLY, CADENCE_MONTHLY };

/* "weekly", "biweekly", "monthly" -> every; -1 for anything else */
int cadence_parse(const char *s);
const char *cadence_code(enum cadence_every e);

/* the day the next one-on-one is due into out[11]: from the anchor and the
 * day of the last one held (NULL or "" when none). 0, or -1 when anchor (or
 * a given last_held) is not a valid day */
int cadence_next_due(enum cadence_every every, const char *anchor, const char *last_held, char out[11]);

/* 1 when today is after due (both valid days), else 0 */
int cadence_overdue(const char *due, const char *today);
/* days today is after due, 0 when not overdue */
long cadence_days_overdue(const char *due, const char *today);

#endif
