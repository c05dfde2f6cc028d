/*
 * inbox: the rules of the coach's inbox (issue 10) — one list per manager
 * of what needs them now, most urgent first. Plain structs in, plain
 * structs out: no SQL, no I/O; "today" is always passed in, days are
 * "YYYY-MM-DD". The data is gathered by service/inbox.c.
 *
 * The sources and their rules (each a function below, unit-tested):
 *   - a one-on-one overdue: by the cadence (domain/cadence.h), today after
 *     the day it was due; level 2; the days after that day;
 *   - strung-along deals: a rep of the manager's teams with one or more
 *     open deals the strung-along rule flags (domain/commitment.h); level
 *     2 from three deals, else 1;
 *   - a falling commitment rate: the last 28 days (today included) against
 *     the 28 days before, each with at least INBOX_RATE_MIN_CONV
 *     conversations, and the rate down by INBOX_RATE_DROP_POINTS
 *     percentage points or more; level 2;
 *   - underperformers (service/improve-needs.h improve_needs): level 3 no
 *     decision, 2 review passed, 1 no plan, as that part says;
 *   - the pulse (service/pulse.h pulse_needs_now): only risks the rep
 *     SHARED and team averages that may be shown; nothing else;
 *   - no learning: a rep with no learning activity done in the last
 *     INBOX_LEARNING_DAYS days (none ever counts from the day they joined);
 *     level 1;
 *   - a library loan overdue: today after its due day; level 1, 2 from two
 *     weeks late;
 *   - contests ending: a running contest of the caller's teams that ends within
 *     INBOX_CONTEST_DAYS days;
 *   - targets missing: reps of the manager's teams without a target for the
 *     next quarter, when that quarter starts within INBOX_TARGET_LEAD_DAYS
 *     days; level 2 from 7 days before, else 1;
 *   - the spotlight to write (kudos_manager_needs); level 1.
 *
 * Urgency: the level (3 high .. 1 low) first, then the days (more first),
 * then the key, so the order is stable.
 *
 * Dismiss and snooze: an item's KEY names what it is about ("ooo:rep:12")
 * and its FINGERPRINT the state it is in ("due:2026-11-03"). A dismissal
 * stores both and hides the item only while the fingerprint is the same:
 * when the situation changes (a new due day, another count) it comes back.
 * A snooze hides it with the same fingerprint until a day (shown again ON
 * that day): 1 day, 1 week, or a date after today.
 */
#ifndef SG_DOMAIN_INBOX_H
#define SG_DOMAIN_INBOX_H
#include <stddef.h>
#include <stdint.h>

#define INBOX_RATE_DAYS 28
#define INBOX_RATE_MIN_CONV 5
#define INBOX_RATE_DROP_POINTS 10
#define INBOX_LEARNING_DAYS 60
#define INBOX_CONTEST_DAYS 3	/* a contest ending within this many days */
#define INBOX_TARGET_LEAD_DAYS 30
#define INBOX_MAX 500		/* items in one inbox */
#define INBOX_KEY_MAX 80
#define INBOX_FP_MAX 80

enum inbox_kind {
	INBOX_OOO = 0,		/* a one-on-one overdue */
	INBOX_STRUNG,		/* strung-along deals of a rep */
	INBOX_RATE,		/* a falling commitment rate */
	INBOX_UNDER_NO_PLAN,	/* an underperformer without a plan */
	INBOX_UNDER_REVIEW,	/* a plan's review date passed */
	INBOX_UNDER_DECISION,	/* underperformance without a decision */
	INBOX_PULSE_RISK,	/* a burnout risk the rep shared */
	INBOX_PULSE_TEAM,	/* a team's weekly average below the threshold */
	INBOX_LEARNING,		/* no learning in 60 days */
	INBOX_LOAN,		/* a library loan overdue */
	INBOX_CONTEST,		/* a contest ending within INBOX_CONTEST_DAYS days */
	INBOX_TARGETS,		/* targets missing for the coming period */
	INBOX_SPOTLIGHT,	/* the spotlight to write */
	INBOX_KIND_COUNT
};
/* a stable code for programs (the API): "one_on_one_overdue", ... */
const char *inbox_kind_code(enum inbox_kind k);

struct inbox_item {
	enum inbox_kind kind;
	int level;			/* 3 high .. 1 low */
	long days;			/* overdue days, days without, ... (0: none) */
	int64_t rep_id, team_id, ref_id;	/* what it is about (0: none); ref: deal, loan, plan */
	const char *name;		/* the rep's, the team's or the item's */
	const char *since;		/* the day it became due ("" when none) */
	long n;				/* a count: deals, reps without a target */
	double now, before;		/* a rate's two figures (0..1) */
	int64_t now_conv, before_conv;	/* and their conversations */
	const char *period;		/* a period label (targets) */
	const char *link;		/* where it is acted on */
	char key[INBOX_KEY_MAX];
	char fingerprint[INBOX_FP_MAX];
	const char *text;		/* the sentence, in the reader's language */
};

/* fills key and fingerprint from the kind and the facts (call once the
 * item is complete) */
void inbox_item_identify(struct inbox_item *it);

/* the rules: 1 and *it's level and days filled when the situation is an
 * item, else 0 */
int inbox_rule_ooo(const char *due, const char *today, struct inbox_item *it);
int inbox_rule_strung(long deals, struct inbox_item *it);
/* counts of the two windows: conversations and those that ended in a step
 * or a stop */
int inbox_rule_rate(int64_t now_conv, int64_t now_committed, int64_t before_conv, int64_t before_committed,
		    struct inbox_item *it);
/* the windows of the rate rule: now from..today, before from..to */
void inbox_rate_windows(const char *today, char now_from[11], char before_from[11], char before_to[11]);
/* last_done: the last learning done ("" when none); joined: the day the rep
 * joined (counts as the start when nothing was ever done) */
int inbox_rule_learning(const char *last_done, const char *joined, const char *today, struct inbox_item *it);
int inbox_rule_loan(const char *due, const char *today, struct inbox_item *it);
/* next_start: the first day of the coming period; missing: reps without a target */
/* a running contest of the caller's teams that ends within
 * INBOX_CONTEST_DAYS days (today included): days = the days left */
int inbox_rule_contest(const char *ends_on, const char *today, struct inbox_item *it);
int inbox_rule_targets(const char *next_start, long missing, const char *today, struct inbox_item *it);

/* most urgent first */
void inbox_sort(struct inbox_item *items, size_t n);

/* a stored dismissal or snooze of one item */
struct inbox_dismissal {
	const char *key, *fingerprint;
	const char *until;		/* "" dismissed; a day: snoozed until then */
};
/* 1 when the item is hidden today by one of the dismissals */
int inbox_hidden(const struct inbox_item *it, const struct inbox_dismissal *d, size_t n, const char *today);
/* the day a snooze ends: "day" (tomorrow), "week" (in 7 days) or a day
 * after today (at most a year ahead); 0 and out filled, else -1 */
int inbox_snooze_until(const char *how, const char *today, char out[11]);

#endif
