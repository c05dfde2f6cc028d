/*
 * learning-index: the achievement-orientation index of a rep (issue 9) and
 * the article's 84% comparison — plain numbers in, plain numbers out; no
 * SQL, no HTML, no I/O.
 *
 * The window: the 12 calendar months up to and including the current one
 * (from the first day of the month eleven months back to today), so that
 * "months with self-initiated learning" is a count out of 12 and the chart
 * has one bar per month. Only done activities count.
 *
 * The parts:
 *   S  self-initiated hours / all learning hours (0 when there are no hours)
 *   M  months (of the 12) with at least one self-initiated activity / 12
 *   R  activities with a reflection (what I learned or what I will do
 *      differently written) / all activities (0 when there are none)
 * index = round(100 × (0.4·S + 0.4·M + 0.2·R)), 0 to 100: who starts their
 * own learning (S) and keeps at it (M) weighs most, thinking it over (R)
 * less. "High" is an index of LI_HIGH (60) or more: not reached by
 * self-initiated learning alone in one burst without reflecting on it.
 *
 * The team's answer to the article's question: "develops from within" (a
 * high index), "only attends mandatory training" (hours, all of them
 * mandatory), the rest. The comparison: of the team's superstars, how many
 * have a high index — "too few to tell" under LI_STARS_MIN superstars.
 */
#ifndef SG_DOMAIN_LEARNING_INDEX_H
#define SG_DOMAIN_LEARNING_INDEX_H
#include <stddef.h>

#define LI_MONTHS 12
#define LI_HIGH 60		/* an index at or above it is high */
#define LI_STARS_MIN 5		/* superstars needed for the comparison */
#define LI_CLAIM_PCT 84		/* Steve W. Martin: 84% of top sellers are achievement-oriented */

enum li_origin { LI_SELF = 0, LI_SUGGESTED = 1, LI_MANDATORY = 2, LI_ORIGINS = 3 };
/* "self", "suggested", "mandatory" -> the origin; -1 otherwise */
int li_origin_parse(const char *s);

/* what a rep did in the window: month 0 is the oldest, 11 the current */
struct li_input {
	long minutes[LI_MONTHS][LI_ORIGINS];
	long count[LI_MONTHS][LI_ORIGINS];
	long reflected;			/* done activities with a reflection */
};

struct li_index {
	long minutes[LI_ORIGINS];	/* in the 12 months, by origin */
	long total_minutes;
	long self_months;		/* months with a self-initiated activity */
	long activities, reflected;
	double s, m, r;			/* the parts, 0..1 */
	int index;			/* 0..100 */
	int high;			/* index >= LI_HIGH */
	int only_mandatory;		/* hours, and all of them mandatory */
};

void li_compute(const struct li_input *in, struct li_index *out);

enum li_class { LI_CLASS_WITHIN = 0, LI_CLASS_MANDATORY_ONLY = 1, LI_CLASS_REST = 2 };
enum li_class li_classify(const struct li_index *x);

/* the first day of the window ending on today ('YYYY-MM-DD'): the first of
 * the month eleven months before today's; from must hold 11 bytes */
void li_window_start(const char *today, char *from);
/* the month ('YYYY-MM', in the window starting at from) of a day: 0..11,
 * or -1 outside the window's months */
int li_month_index(const char *from, const char *day);
/* the label 'YYYY-MM' of month k of the window starting at from; 8 bytes */
void li_month_label(const char *from, int k, char *out);

struct li_stars {
	size_t n;		/* superstars */
	size_t k;		/* of them with a high index */
	double share;		/* k / n, NaN without superstars */
	int enough;		/* n >= LI_STARS_MIN: the comparison may be made */
};
/* index[i] and star[i] (1: a superstar) of nreps reps */
void li_stars_compare(const int *index, const unsigned char *star, size_t nreps, struct li_stars *out);

#endif
