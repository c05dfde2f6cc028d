/*
 * commitment: the rules of "step or stop" (PRODUCT.md section A, from the
 * article on real conversations). Every customer conversation ends in
 * exactly one outcome — a dated next STEP the customer committed to, a STOP
 * with a reason, or an honest "no commitment", which is a red flag. Next
 * steps have a life (kept, slipped, missed); a deal whose steps keep
 * slipping, that sees conversation after conversation without progress, or
 * that has no dated next step is "strung along".
 *
 * Plain structs in, plain structs out: no SQL, no HTML, no I/O. Dates are
 * "YYYY-MM-DD" strings; "today" is always passed in.
 */
#ifndef SG_COMMITMENT_H
#define SG_COMMITMENT_H
#include <stdint.h>
#include <stddef.h>

enum outcome { OUTCOME_INVALID = 0, OUTCOME_STEP, OUTCOME_STOP, OUTCOME_NONE };
enum conv_kind { CONV_INVALID = 0, CONV_CALL, CONV_MEETING, CONV_VIDEO, CONV_VISIT, CONV_DEMO };

/* the vocabularies, in display order; codes are what the database and API hold */
extern const char *const outcome_codes[];	/* "step", "stop", "none" */
extern const char *const conv_kind_codes[];	/* "call", "meeting", "video", "visit", "demo" */
extern const size_t outcome_count, conv_kind_count;
/* the reasons of a STOP and of a lost deal are the organisation's one list:
 * domain/reasons.h, store/reasons.h */

/* the English label (an N_ msgid) of a code, or the code itself */
const char *outcome_label(const char *code);
const char *conv_kind_label(const char *code);

enum outcome outcome_parse(const char *code);
enum conv_kind conv_kind_parse(const char *code);
/* a STOP closes the deal as lost or pauses it */
int stop_action_valid(const char *code);	/* "lost", "paused" */

/* a conversation as logged, before it is stored */
struct conversation_input {
	const char *kind;
	const char *date;		/* the day it took place */
	int minutes;
	int64_t deal_id, account_id;	/* at least one */
	int gut_feeling;		/* 1..5 */
	const char *outcome;
	const char *step_what, *step_due, *step_who;
	const char *stop_reason, *stop_note, *stop_action;
};

struct rule_error {
	const char *field;		/* the form/JSON field at fault */
	const char *message;		/* English msgid (N_) */
};

/* 0 when the combination is acceptable, else -1 with err filled. today bounds
 * the conversation date (no logging of conversations in the future). */
int conversation_validate(const struct conversation_input *in, const char *today, struct rule_error *err);
/* every fault of the conversation at once, the first of each field, in the
 * form's order: how many (0: acceptable), at most max of them in errs. The
 * form and the API show them all; conversation_validate gives the first. */
#define CONV_ERRORS_MAX 16
size_t conversation_validate_all(const struct conversation_input *in, const char *today, struct rule_error *errs,
				 size_t max);

/* --- next steps --- */

enum step_status { STEP_S_OPEN = 0, STEP_S_KEPT, STEP_S_MISSED, STEP_S_CANCELLED };
enum step_state {
	STEP_UPCOMING,		/* open, due after today */
	STEP_DUE_TODAY,
	STEP_OVERDUE,		/* open, past due, still within the grace period */
	STEP_MISSED,		/* open past due + grace, or marked missed */
	STEP_KEPT,
	STEP_CANCELLED,
};

struct step {
	enum step_status status;
	const char *due;		/* current due date */
	const char *original_due;	/* as first agreed */
	const char *done_on;		/* when kept, else NULL */
	int slips;			/* times rescheduled */
};

enum step_state step_state(const struct step *s, const char *today, int grace_days);
/* whether a rescheduling to new_due is allowed: open, a real date, not in
 * the past and not the same date */
int step_slip_check(const struct step *s, const char *new_due, const char *today, struct rule_error *err);
/* kept on time: kept no later than the date first agreed */
int step_kept_on_time(const struct step *s);

/* how an open step ends when a conversation on its deal follows on
 * held_on: kept when within the grace period after its due date, else missed */
enum step_status step_close_status(const char *due, const char *held_on, int grace_days);
/*
 * The deal's open step, answered when a conversation on the deal is logged:
 * "Was the step kept?" — kept, slipped to a new date, missed, or (when it
 * is not yet due) left open. The outcome is the user's; which steps a
 * conversation follows up is access_conversation_closes_step's rule
 * (domain/access.h). The answer applies to the earliest of those steps —
 * the deal's open step the form asks about, or (API, a conversation without
 * a deal) the author's earliest open step on the account; the other steps
 * followed up, and every step when nobody answered (an API caller that
 * sends no open_step), follow step_answer_status with STEP_ANSWER_NONE.
 */
enum step_answer { STEP_ANSWER_NONE = 0, STEP_ANSWER_KEPT, STEP_ANSWER_SLIPPED, STEP_ANSWER_MISSED,
		   STEP_ANSWER_OPEN, STEP_ANSWER_INVALID };
/* "kept", "slipped", "missed", "open"; NULL or "" is NONE */
enum step_answer step_answer_parse(const char *code);
/* whether the answer fits the step due `due` and a conversation held on
 * held_on: slipped needs a new date (step_slip_check: a real date, not
 * before today, not the same); "open" only for a step not yet due then.
 * 0, or -1 with err (field "open_step" or "open_step_due") */
int step_answer_check(enum step_answer a, const char *due, const char *new_due, const char *held_on,
		      const char *today, struct rule_error *err);
/* the status the step gets: STEP_S_OPEN when it stays open (slipped — the
 * caller moves it and counts the slip —, left open, or not answered and not
 * yet due). Not answered (NONE): a step due by held_on is kept within the
 * grace period and missed after it (step_close_status), as before the
 * question was asked; one not yet due stays open, unless the conversation
 * ends in a stop (is_stop), which ends the deal's story: then it is kept. */
enum step_status step_answer_status(enum step_answer a, const char *due, const char *held_on, int grace_days,
				    int is_stop);

/* days from a to b ("YYYY-MM-DD"), negative when b is earlier */
int days_between(const char *a, const char *b);
/* date plus n days into out[11] */
void date_add_days(const char *date, int n, char out[11]);

/* --- deal health --- */

struct health_settings {
	int grace_days;			/* an overdue step becomes missed after this; a
					 * new deal has as long to get its first step */
	int max_conversations_without_progress;
	int max_slips;			/* slips on the open step(s) */
	int stale_commitment_days;	/* the last commitment may be this old */
};
extern const struct health_settings health_defaults;

struct deal_signals {
	int has_open_step;		/* an open, dated next step exists */
	const char *next_due;		/* due date of the earliest open step */
	int next_slips;			/* slips of that step */
	int missed_steps;		/* steps missed on this deal */
	int conversations_since_progress;	/* since the last stage change (or creation) */
	const char *last_commitment;	/* date of the last STEP outcome or stage progress, NULL if none */
	const char *created;		/* date the deal was created */
};

enum health { HEALTH_GREEN = 0, HEALTH_AMBER, HEALTH_RED };

/* reasons, as bits; each has a message (health_reason_text) */
enum {
	HR_NO_NEXT_STEP = 1 << 0,
	HR_STEP_OVERDUE = 1 << 1,
	HR_STEP_MISSED = 1 << 2,
	HR_SLIPPING = 1 << 3,
	HR_NO_PROGRESS = 1 << 4,
	HR_STALE_COMMITMENT = 1 << 5,
	HR_SLIPPED_ONCE = 1 << 6,
	HR_PROGRESS_STALLING = 1 << 7,
};
#define HR_STRUNG_ALONG (HR_NO_NEXT_STEP | HR_STEP_MISSED | HR_SLIPPING | HR_NO_PROGRESS | HR_STALE_COMMITMENT)

struct health_result {
	enum health health;
	unsigned reasons;
	int strung_along;
};

struct health_result deal_health(const struct deal_signals *s, const struct health_settings *cfg,
				 const char *today);
const char *health_code(enum health h);		/* "green", "amber", "red" */
/* English msgid for one reason bit */
const char *health_reason_text(unsigned reason_bit);
/* a stable code for one reason bit, for programs (the API): "no_next_step"… */
const char *health_reason_code(unsigned reason_bit);

/* --- figures --- */

/* counts gathered by the store for a rep, team or the organisation over a period */
struct commitment_counts {
	int64_t conversations, steps, stops, nones;
	int64_t steps_due, steps_kept_on_time;		/* steps whose due date fell in the period, up to today */
	int64_t unbroken_won, unbroken_lost;		/* closed deals whose steps never broke */
	int64_t broken_won, broken_lost;
	int64_t minutes_on_lost;			/* conversation minutes on deals finally lost */
	int64_t gut_convs[5], gut_won[5], gut_closed[5];	/* by gut feeling 1..5, on closed deals */
	int64_t outcome_won[4], outcome_closed[4];	/* by outcome (index enum outcome), on closed deals */
};

struct commitment_figures {
	double commitment_rate;		/* (steps + stops) / conversations */
	double stop_rate;		/* stops / conversations */
	double none_rate;		/* no commitment / conversations */
	double follow_through;		/* kept on time / due */
	double median_days_between_steps;
	double win_unbroken, win_broken;	/* won / (won + lost) */
	double hours_on_lost;
	double gut_win[5];		/* win rate of closed deals per gut feeling */
	double outcome_win[4];		/* win rate of closed deals per outcome */
};

/* a rate that has no denominator is NaN: shown as "–", never as 0 % */
double ratio(int64_t num, int64_t den);
/* median of n values (sorted in place); NaN for n == 0 */
double median(double *v, size_t n);
void commitment_figures_compute(const struct commitment_counts *c, double *step_gaps, size_t ngaps,
				struct commitment_figures *out);

#endif
