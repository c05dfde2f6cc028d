/*
 * pulse: the rules of the wellbeing pulse (issue 10) — plain values in,
 * plain answers out; no SQL, no HTML, no I/O.
 *
 *   - weeks are ISO 8601 weeks, Monday to Sunday, written 'YYYY-Www'
 *     ('2026-W53' runs from Monday 28 December 2026 to Sunday 3 January
 *     2027); a rep answers once per week, for the week it is now, and may
 *     change that answer until the week ends (never an earlier week's);
 *   - each question is a whole number 1..5: energy (5 = full of energy),
 *     motivation (5 = very motivated), workload (5 = far too much);
 *   - the answer of a week is the mean of energy, motivation and the
 *     workload turned round (6 − workload), so that 1 is always bad and 5
 *     always good: energy 2, motivation 3, workload 4 → (2 + 3 + 2) / 3 =
 *     2.33. Kept exactly as "points" = 3 × the answer (3..15);
 *   - burnout risk (the rule the page states): the mean of the answers of
 *     the last three answered weeks is 2.5 or lower, or the latest answered
 *     week's answer is 1.0 or more below that of the week four weeks before
 *     it (both answered);
 *   - a team's weekly average (the mean of its reps' answers of that week)
 *     is shown to the manager only when at least PULSE_TEAM_MIN reps of the
 *     team answered that week AND the week has closed (today lies in a
 *     later week), so nobody can be singled out by watching it move; it is
 *     "below the threshold" at 2.5 or lower, like a rep's risk.
 */
#ifndef SG_DOMAIN_PULSE_H
#define SG_DOMAIN_PULSE_H
#include <stddef.h>

#define PULSE_WEEK_LEN 9		/* "YYYY-Www" + NUL */
#define PULSE_COMMENT_MAX 500
#define PULSE_TEAM_MIN 3		/* reps who answered before a team's average is shown */
#define PULSE_TREND_WEEKS 12		/* weeks of the trend chart */
#define PULSE_RISK_POINTS_3W 22		/* 3 weeks' points at or below this: mean <= 2.5 (22.5 rounded down) */
#define PULSE_FALL_POINTS 3		/* a fall of 1.0 in the answer is 3 points */

/* the ISO week of a 'YYYY-MM-DD' day into out ("2027-01-03" -> "2026-W53");
 * 0, or -1 for a day that is not a valid date */
int pulse_week_of(const char *day, char out[PULSE_WEEK_LEN]);
/* whether s is an existing ISO week 'YYYY-Www' (W53 only in a 53-week year) */
int pulse_week_valid(const char *s);
/* the Monday and the Sunday of a week ('YYYY-MM-DD'); 0 or -1 */
int pulse_week_monday(const char *week, char out[11]);
int pulse_week_sunday(const char *week, char out[11]);
/* the week n weeks after (n < 0: before) week; 0 or -1 */
int pulse_week_add(const char *week, int n, char out[PULSE_WEEK_LEN]);
/* has the week closed by today: today lies in a later ISO week */
int pulse_week_closed(const char *week, const char *today);

/* "1".."5" -> 1..5; -1 for anything else (empty, 0, 6, 2.5, "x") */
int pulse_parse_value(const char *s);

/* what a rep typed (texts as typed, NULL when absent) */
struct pulse_input {
	const char *energy, *motivation, *workload, *comment;
};
struct pulse_answer {
	int energy, motivation, workload;
};
struct pulse_field_error {
	const char *field;		/* "energy", "motivation", "workload", "comment" */
	const char *message;		/* English (N_) */
};
#define PULSE_ERRORS_MAX 4
/* every error at once into errs, their number; *out gets the values */
size_t pulse_check(const struct pulse_input *in, struct pulse_answer *out, struct pulse_field_error *errs);

/* 3 x the answer of a week: energy + motivation + (6 - workload), 3..15 */
int pulse_points(int energy, int motivation, int workload);
/* the answer of a week, 1.0..5.0 */
double pulse_score(int energy, int motivation, int workload);

/* one answered week of a rep, oldest first */
struct pulse_point {
	const char *week;
	int points;
};
enum pulse_risk_reason { PULSE_RISK_NONE = 0, PULSE_RISK_LOW = 1, PULSE_RISK_FALL = 2 };
/* the burnout rule on a rep's answered weeks (oldest first): a bit set of
 * PULSE_RISK_LOW and PULSE_RISK_FALL, 0 when neither holds */
int pulse_risk(const struct pulse_point *p, size_t n);

/* a team's week: may its average be shown (count >= PULSE_TEAM_MIN and the
 * week closed by today) */
int pulse_team_week_visible(long count, const char *week, const char *today);
/* a shown team average (sum of points of count answers) at or below 2.5 */
int pulse_team_low(long points_sum, long count);

#endif
