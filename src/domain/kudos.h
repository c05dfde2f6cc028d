/*
 * kudos: the rules of kudos, the spotlight, badges and streaks (issue 10,
 * "competition and the spotlight"). Plain structs in, plain structs out:
 * no SQL, no I/O. Dates are "YYYY-MM-DD"; "today" is always passed in.
 *
 * Kudos stand BESIDE the manager's recognitions of issue 8
 * (domain/plans.h): a recognition is private to the rep and the manager
 * who leads them and comes from a one-on-one, an observation or a plan;
 * kudos are given by anyone to a colleague and the team's feed shows them.
 * They share one vocabulary — recognition_kind_codes (effort, improvement,
 * progress, win) and its labels — and nothing else.
 *
 * Badges are earned by rules computed from the data, never handed out:
 *   - "First ten kept steps": the rep's tenth kept step; earned on the day
 *     it was kept;
 *   - "A month without a missed step": a whole calendar month, over, in
 *     which at least one of the rep's steps fell due and every step due in
 *     it was kept (none missed, none still open); earned on the first day
 *     after the first such month; the badge counts such months;
 *   - "First book returned with a takeaway" (the library of issue 9): the
 *     day the rep first returned a loan with a takeaway written;
 *   - "Most-improved win": first place in a finished (frozen) individual
 *     contest on "most improved"; earned on the day its standings were
 *     frozen; the badge counts such wins.
 *
 * Streaks, over whole periods that are over (this week and this month
 * count once they end):
 *   - weekly: consecutive weeks (Monday to Sunday) in which every step due
 *     was kept — at least one step due, none missed, none still open;
 *   - monthly: consecutive calendar months without a missed step (at least
 *     one step due, all kept);
 * a week or month in which no step fell due (or one is still open within
 * the grace period, not yet judged) neither extends nor breaks a streak; a
 * missed step ends it. Cancelled steps do not count. An open step counts
 * as missed once it is more than the grace period past due (step_state).
 * The current streak runs back from the last period that is over; the best
 * is the longest run ever. Periods run across month and year ends as the
 * calendar does (the week of Monday 29 December 2025 ends on Sunday
 * 4 January 2026).
 */
#ifndef SG_DOMAIN_KUDOS_H
#define SG_DOMAIN_KUDOS_H
#include <stdint.h>
#include <stddef.h>

/* --- input: one set of rules for the forms and the API --- */

#define KUDOS_TEXT_MAX 280	/* a kudos' text (bytes of UTF-8) */
#define SPOTLIGHT_TEXT_MAX 1000	/* a spotlight's citation */

struct kudos_field_error {
	const char *field, *message;	/* message: English msgid (N_) */
};
#define KUDOS_ERRORS_MAX 4

struct kudos_input {
	int64_t giver_id, rep_id;	/* rep_id 0: none chosen */
	int rep_known;			/* the recipient is an active member of the giver's organisation */
	const char *kind, *text;
};
/* every fault at once (fields "rep_id", "kind", "text"): how many */
size_t kudos_input_check(const struct kudos_input *in, struct kudos_field_error *errs);

/* spotlight periods: "week" (from Monday) and "month" */
extern const char *const spotlight_period_codes[];
extern const size_t spotlight_period_count;
int spotlight_period_valid(const char *s);
const char *spotlight_period_label(const char *code);	/* N_ msgid */
/* the first day of the period of that kind holding day into out[11]; 0, or
 * -1 when kind or day is not valid */
int spotlight_period_start(const char *kind, const char *day, char out[11]);

struct spotlight_input {
	const char *period;
	int64_t rep_id;
	int rep_in_team;		/* the rep is an active member of the team */
	const char *citation;
};
/* fields "period", "rep_id", "citation" */
size_t spotlight_input_check(const struct spotlight_input *in, struct kudos_field_error *errs);

/* --- badges and streaks --- */

/* the rep's steps that fell due on one day (cancelled ones left out) */
struct step_day {
	const char *due;
	int kept, missed, open;
};

enum badge_kind { BADGE_TEN_KEPT = 0, BADGE_CLEAN_MONTH, BADGE_FIRST_BOOK, BADGE_MOST_IMPROVED, BADGE_COUNT };
extern const char *const badge_codes[BADGE_COUNT];	/* "ten_kept", "clean_month", "first_book", "most_improved" */
const char *badge_label(enum badge_kind k);	/* N_ msgid */
const char *badge_rule(enum badge_kind k);	/* N_ msgid: the rule in words */

struct badge {
	enum badge_kind kind;
	int earned;
	int pending;			/* defined, but its part (contests) has not landed */
	char on[11];			/* the day it was earned, "" when not */
	int count;			/* clean months: how many; else 1 when earned */
};

struct badge_facts {
	const struct step_day *days;	/* any order */
	size_t ndays;
	const char *tenth_kept_on;	/* the day the tenth kept step was kept, NULL when fewer */
	const char *first_book_on;	/* the first return with a takeaway, NULL when none */
	const char *today;
	int grace_days;
	/* contests (issue 10): the day the first most-improved contest the rep
	 * won was frozen (NULL when none), and how many they won */
	const char *most_improved_on;
	int most_improved_wins;
};
/* out[BADGE_COUNT], in badge_kind order */
void badges_compute(const struct badge_facts *f, struct badge *out);

struct streaks {
	int week_current, week_best;
	int month_current, month_best;
};
void streaks_compute(const struct badge_facts *f, struct streaks *out);

/* the period of a day: weeks are numbered from Monday 5 January 1970, months
 * as year*12 + month-1; LONG_MIN when the day is not a date */
long kudos_week_index(const char *day);
long kudos_month_index(const char *day);

#endif
