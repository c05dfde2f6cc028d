/*
 * learning: the rules of the learning log (issue 9) — plain values in,
 * plain answers out; no SQL, no HTML, no I/O.
 *
 *   - an activity has a kind (course … other), a date, hours (kept as whole
 *     minutes), the trait or sub-skill it serves, and an origin: 'self'
 *     (the rep started it), 'suggested' (a manager suggested it and the rep
 *     accepted) or 'mandatory' (assigned to the team, or a sales meeting);
 *   - bad input is refused naming the field: hours negative or over 24 a
 *     day, a date more than a year in the future, an unknown kind or origin.
 *
 * The achievement-orientation index and the 84% comparison live in
 * domain/learning-index.c (learning-index.h).
 */
#ifndef SG_DOMAIN_LEARNING_H
#define SG_DOMAIN_LEARNING_H
#include <stddef.h>

/* the kinds, in the form's order: "course", "training_day", "book",
 * "article", "seminar", "webinar", "coaching", "ride_along", "joint_call",
 * "practice_case", "mentoring", "workshop", "other" */
extern const char *const learning_kind_codes[];
extern const size_t learning_kind_count;
int learning_kind_valid(const char *s);
/* the English label (an N_ msgid) of a kind, or the code itself */
const char *learning_kind_label(const char *code);

/* origins: "self", "suggested", "mandatory" */
extern const char *const learning_origin_codes[];
extern const size_t learning_origin_count;
int learning_origin_valid(const char *s);
const char *learning_origin_label(const char *code);

/* statuses: "done", "suggested", "accepted", "declined", "assigned" */
int learning_status_valid(const char *s);

#define LEARNING_DAY_MINUTES_MAX (24 * 60)	/* hours a day, at most */
#define LEARNING_TITLE_MAX 300
#define LEARNING_REFLECTION_MAX 2000	/* each of 'what I learned', 'what I will do differently' */

/* "1.5", "1,5", "2", "0.25", "1:30" -> minutes (rounded to the minute);
 * -1 for anything else, negative values or more than 24 hours */
int learning_parse_hours(const char *s);
/* minutes as hours for display: 90 -> "1.5", 60 -> "1", 20 -> "0.33" */
void learning_hours_text(int minutes, char *buf, size_t size);

/* a done activity's date: NULL when fine, else an English message (N_):
 * not a date, or more than a year after today ('YYYY-MM-DD' both) */
const char *learning_date_check(const char *day, const char *today);
/* minutes for one activity on one day: NULL when 0..24 h, else a message */
const char *learning_minutes_check(int minutes);

/* is an open activity due on due_on overdue today: the due day has passed
 * (due today is not overdue yet); 0 for no or an invalid date */
int learning_overdue(const char *due_on, const char *today);

/* what a person typed for one activity (texts as typed, NULL when absent) */
struct learning_input {
	const char *kind, *title, *done_on, *hours, *origin;
	const char *learned, *will_change;
	const char *due_on;		/* a suggestion's or an assignment's due day (optional) */
};
struct learning_field_error {
	const char *field;		/* "kind", "title", "done_on", "hours", "origin", "learned", "will_change", "due_on" */
	const char *message;		/* English (N_) */
};
#define LEARNING_ERRORS_MAX 8
/* the checks of a logged (done) activity: kind one of the 13, a title
 * (1..LEARNING_TITLE_MAX), done_on a date at most a year after today,
 * hours parsed by learning_parse_hours, origin (when given) one of the
 * three, each reflection at most LEARNING_REFLECTION_MAX; every error at
 * once into errs; their number. *minutes gets the parsed hours. */
size_t learning_check_done(const struct learning_input *in, const char *today, int *minutes,
			   struct learning_field_error *errs);
/* a suggestion or a mandatory training: kind, title, due_on (optional for a
 * suggestion, required when need_due; not before today, at most a year
 * ahead), hours optional (an assignment's expected hours) */
size_t learning_check_planned(const struct learning_input *in, const char *today, int need_due, int *minutes,
			      struct learning_field_error *errs);
/* whether an activity has a reflection (either text, not only spaces) */
int learning_has_reflection(const char *learned, const char *will_change);

#endif
