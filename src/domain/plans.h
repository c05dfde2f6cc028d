/*
 * plans: the rules of a development plan (issue 8), from the articles —
 * plain structs in, plain numbers out; no SQL, no HTML, no I/O.
 *
 *   - goals are of two kinds the plan keeps apart: an ACHIEVEMENT goal is
 *     about a skill or a process (the quality of meetings, "every
 *     conversation ends in a step or a stop"); a RESULT goal is about an
 *     outcome (revenue, new deals);
 *   - the balance: how many of each and the achievement share. 84% of top
 *     sellers are achievement-oriented, so a plan with result goals only is
 *     flagged (plan_balance.result_only);
 *   - a goal may track a figure Salesgarden already computes, over the
 *     plan's period: 'commitment_rate' (steps and stops per conversation,
 *     domain/commitment.c), 'steps_kept' (steps kept on time per step due,
 *     the follow-through of domain/commitment.c) and 'attainment' (result
 *     per target, domain/attainment.c). Its baseline is the figure when the
 *     goal is made; progress = (current − baseline) / (target − baseline),
 *     clamped to 0..1 — NaN when there is no figure yet, no target, or the
 *     target equals the baseline (nothing to travel).
 *   - learning (issue 9): 'learning_activities' (done learning activities
 *     in the plan's period) and 'learning_hours' (their hours) are counts,
 *     not fractions: "learning_activities:book" counts books only, and a
 *     goal with a trait counts the activities on that trait only — "read
 *     one book on questioning this quarter" is learning_activities:book, the
 *     trait, target 1, and fills itself in. Their baseline is 0 (the count
 *     of the plan's period starts at nothing), their target 1 to 10000.
 *   - two plans of a rep overlap when their periods share a day; a rep has
 *     one open plan at a time for any day.
 */
#ifndef SG_DOMAIN_PLANS_H
#define SG_DOMAIN_PLANS_H
#include <stddef.h>

enum goal_kind { GOAL_INVALID = 0, GOAL_ACHIEVEMENT, GOAL_RESULT };

/* "achievement", "result" -> kind; GOAL_INVALID for anything else */
enum goal_kind goal_kind_parse(const char *s);
const char *goal_kind_code(enum goal_kind k);

/* the figures a goal may track, in display order; "" (none) is not listed */
extern const char *const goal_metric_codes[];	/* "commitment_rate", "steps_kept", "attainment", "learning_activities", "learning_hours" */
extern const size_t goal_metric_count;
/* 1 for "" (none) and every code above, 0 otherwise */
int goal_metric_valid(const char *s);
/* the English label (an N_ msgid) of a metric, or the code itself */
const char *goal_metric_label(const char *code);
/* learning (issue 9): is code the metric base ("learning_activities" for
 * "learning_activities:book" too)? */
int goal_metric_is(const char *code, const char *base);
/* a count (learning activities or hours), not a fraction */
int goal_metric_counts(const char *code);
/* the kind after "learning_activities:", NULL for any */
const char *goal_metric_kind(const char *code);
/* NULL when v is a sensible target for the metric, else the message (N_) */
const char *goal_target_check(const char *metric, double v);

/* goal status: "open", "done", "dropped" */
int goal_status_valid(const char *s);
/* recognition kinds, the form's order (effort first): "effort",
 * "improvement", "progress", "win" */
extern const char *const recognition_kind_codes[];
extern const size_t recognition_kind_count;
int recognition_kind_valid(const char *s);
const char *recognition_kind_label(const char *code);

struct plan_balance {
	size_t achievement, result;	/* goals of each kind (dropped ones not counted) */
	double achievement_share;	/* achievement / (achievement + result); NaN without goals */
	int result_only;		/* result goals and no achievement goal: flagged */
};
/* kinds[n]: the kinds of the plan's goals that count */
void plan_balance_compute(const enum goal_kind *kinds, size_t n, struct plan_balance *out);

/* (current − baseline) / (target − baseline) clamped to 0..1; NaN when any
 * is NaN or target == baseline */
double goal_progress(double baseline, double target, double current);

/* do the inclusive day ranges a..b and c..d ("YYYY-MM-DD") share a day? */
int plan_periods_overlap(const char *a_start, const char *a_end, const char *c_start, const char *c_end);

/* --- input: one set of rules for the forms and the API --- */

#define PLAN_TITLE_MAX 200
#define PLAN_TEXT_MAX 500	/* a goal's title, an action's what */
#define PLAN_NOTE_MAX 4000	/* a check-in's or recognition's note */

/* a field at fault and its message (an English msgid, N_) */
struct plan_field_error {
	const char *field, *message;
};
#define PLAN_ERRORS_MAX 8

struct plan_input {
	const char *title, *period_start, *period_end;
};
struct goal_input {
	const char *kind, *title, *metric;	/* metric "" or NULL: none */
	int has_target, has_baseline;		/* a metric needs a target */
	double target, baseline;		/* fractions (0.8 = 80%) */
};
struct action_input {
	const char *what, *due;			/* due "" or NULL: none */
};
struct checkin_input {
	const char *on_date, *note;
};
struct recognition_input {
	const char *kind, *note;
};
/* each fills errs (at most PLAN_ERRORS_MAX) and returns how many: every
 * mistake at once, so a form shows them all */
size_t plan_input_check(const struct plan_input *in, struct plan_field_error *errs);
size_t goal_input_check(const struct goal_input *in, struct plan_field_error *errs);
size_t action_input_check(const struct action_input *in, struct plan_field_error *errs);
size_t checkin_input_check(const struct checkin_input *in, struct plan_field_error *errs);
size_t recognition_input_check(const struct recognition_input *in, struct plan_field_error *errs);

#endif
