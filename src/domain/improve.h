/*
 * improve: the rules of an improvement plan for an underperformer (issue
 * 10, "no muddling on") — plain structs in, plain answers out; no SQL, no
 * HTML, no I/O.
 *
 *   - a plan starts FLAGGED (the tiers say the rep is an underperformer in
 *     a period, or the manager flags them), becomes OPEN once it has its
 *     days, and CLOSED with a final decision;
 *   - the diagnosis: why — skill, will, circumstances, onboarding, fit or
 *     other — with the notes of the conversation that asked; the
 *     manager's alone (access_improve_diagnosis);
 *   - a decision: improved (closes), extended (once only: a new last day
 *     after the current one; the plan stays open), another role or parting
 *     ways (both close). A decision on a closed plan is refused, and so is
 *     a second extension and extending a plan that has no days yet
 *     (improve_decide);
 *   - the warnings, stated on the pages in these words:
 *       no plan      flagged, and no plan 14 days after the flag (on the
 *                    14th day after it, the warning shows);
 *       review       a review date has passed without an outcome noted, or
 *                    the plan's last day has passed without a decision;
 *       no decision  the underperformance has lasted two periods without a
 *                    decision: the tiers put the rep below the line in two
 *                    periods in a row, or the period after the one holding
 *                    the flag has ended (flag 31 January, months: from
 *                    1 March on).
 */
#ifndef SG_DOMAIN_IMPROVE_H
#define SG_DOMAIN_IMPROVE_H
#include <stddef.h>
#include "plans.h"
#include "period.h"

#define IMPROVE_NO_PLAN_DAYS 14
#define IMPROVE_NOTES_MAX 8000
#define IMPROVE_TEXT_MAX 500

/* "skill", "will", "circumstances", "onboarding", "fit", "other" */
extern const char *const improve_diagnosis_codes[];
extern const size_t improve_diagnosis_count;
/* 1 for a code above; "" (not yet diagnosed) only when empty_ok */
int improve_diagnosis_valid(const char *s, int empty_ok);
/* the English label (an N_ msgid), or the code itself */
const char *improve_diagnosis_label(const char *code);

/* "improved", "extended", "another_role", "parting" */
extern const char *const improve_decision_codes[];
extern const size_t improve_decision_count;
int improve_decision_valid(const char *s);
/* the label of the choice ("Improved: close the plan") and of the outcome
 * of a decided plan ("Improved") */
const char *improve_decision_label(const char *code);
const char *improve_outcome_label(const char *code);

/* support: "training", "ride_along", "coaching" */
extern const char *const improve_support_codes[];
extern const size_t improve_support_count;
int improve_support_valid(const char *s);
const char *improve_support_label(const char *code);

/* "flagged", "open", "closed" -> label */
const char *improve_status_label(const char *status);

/* the flag (or the start from the tiers) */
struct improve_flag_input {
	const char *flagged_on;		/* YYYY-MM-DD, not after today */
	const char *today;
	const char *diagnosis;		/* "" or a code */
	const char *diagnosis_notes;	/* may be NULL */
	const char *plan_start, *plan_end;	/* both empty/NULL, or both dates */
};
size_t improve_flag_check(const struct improve_flag_input *in, struct plan_field_error *errs);

/* an update of an open or flagged plan: NULL members are unchanged */
struct improve_update_input {
	const char *status;		/* the plan's now */
	const char *diagnosis, *diagnosis_notes;
	const char *plan_start, *plan_end;
};
/* refuses a closed plan (field "status") */
size_t improve_update_check(const struct improve_update_input *in, struct plan_field_error *errs);

/* items: kind "expectation" (metric + target), "support" (support_kind +
 * text), "review" (on_date) */
struct improve_item_input {
	const char *kind;
	const char *text;
	const char *metric;
	int has_target;
	double target;			/* a fraction for rates, a count for learning */
	const char *support_kind;
	const char *on_date;
};
size_t improve_item_check(const struct improve_item_input *in, struct plan_field_error *errs);
/* a review's outcome: required text */
size_t improve_outcome_check(const char *outcome, struct plan_field_error *errs);

/* a decision on a plan as it stands */
struct improve_decide_in {
	const char *status;		/* "flagged", "open", "closed" */
	const char *plan_end;		/* NULL or "" when the plan has no days */
	int extended;			/* extended before */
	const char *decision;
	const char *until;		/* the new last day, for "extended" */
	const char *note;		/* may be NULL */
};
struct improve_decide_out {
	const char *status;		/* the status after: "open" (extended) or "closed" */
	const char *decision;		/* the final decision stored, "" when extended */
	const char *plan_end;		/* the last day after */
	int extended;
};
/* 0 errors and out filled, or the errors (nothing to store) */
size_t improve_decide(const struct improve_decide_in *in, struct improve_decide_out *out,
		      struct plan_field_error *errs);

/* the warnings */
enum { IW_NO_PLAN = 1, IW_REVIEW = 2, IW_NO_DECISION = 4 };
struct improve_facts {
	const char *status;		/* NULL or "": an underperformer by the tiers without a plan */
	const char *flagged_on;		/* NULL when none */
	const char *plan_end;		/* NULL or "" when none */
	const char *first_open_review;	/* the earliest review date without an outcome, NULL when none */
	int periods_under;		/* the tiers' run of periods below the line up to now; 0 unknown */
};
struct improve_warning_days {
	char no_plan[11], review[11], no_decision[11];	/* the day each became due, "" when not */
};
/* IW_* bits; days (may be NULL) the day each warning is due since */
unsigned improve_warnings(const struct improve_facts *f, const char *today, enum period_kind kind,
			  int fiscal_start_month, struct improve_warning_days *days);

/* outcomes of decided plans */
struct improve_history {
	size_t decided, improved, another_role, parting;
	size_t extended;		/* decided plans that had been extended first */
};
void improve_history_add(struct improve_history *h, const char *decision, int extended);

#endif
