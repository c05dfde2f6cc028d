/*
 * contests: the figures a leaderboard or a contest ranks on, and the rules
 * of a contest (issue 10, "competition and the spotlight"). Plain structs
 * in, plain structs out: no SQL, no I/O. Dates are "YYYY-MM-DD", bounds
 * inclusive; "today" is always passed in.
 *
 * The figures, each the same number the rep's own pages show:
 *   revenue          won deals' amount by closing day (or the imported
 *                    totals, as the organisation counts results) — numbers
 *   attainment       revenue / target of the period — numbers
 *   new_deals        deals the rep owns that were created in the period
 *   commitment_rate  (steps + stops) / conversations held in the period — figures
 *   steps_kept       steps kept by their agreed date, of those due in the
 *                    period up to today — figures ("kept by the agreed date")
 *   learning_hours   hours of learning activities done in the period — learning
 *   most_improved    of one of the above (the base): this period's value
 *                    minus the previous period of the same length
 * Revenue and attainment are counted over whole months (a month, quarter or
 * year); they reveal a rep's revenue, which a team may keep off its
 * leaderboards (teams.show_revenue): then only the team's total shows.
 * None of these figures is lower-is-better; the flag exists for one that is.
 *
 * A contest: a name, a figure, a period, individuals or teams, an optional
 * minimum of conversations in the period, a prize text, the teams taking
 * part. Upcoming before its first day, running up to and including its
 * last, then ended: the first read after the end (or the periodic sweep)
 * freezes the final standings, which never change afterwards.
 */
#ifndef SG_DOMAIN_CONTESTS_H
#define SG_DOMAIN_CONTESTS_H
#include <stdint.h>
#include <stddef.h>

enum lb_figure {
	FIG_REVENUE = 0, FIG_ATTAINMENT, FIG_NEW_DEALS, FIG_COMMITMENT_RATE, FIG_STEPS_KEPT, FIG_LEARNING_HOURS,
	FIG_MOST_IMPROVED, FIG_COUNT
};
extern const char *const lb_figure_codes[FIG_COUNT];
/* code -> figure; -1 when unknown */
int lb_figure_parse(const char *code);
const char *lb_figure_label(enum lb_figure f);	/* N_ msgid */
const char *lb_figure_rule(enum lb_figure f);	/* N_ msgid: what it counts, in words */
/* the figure reveals a rep's revenue (revenue, attainment, and most
 * improved of those) */
int lb_figure_reveals_revenue(enum lb_figure f, enum lb_figure base);
/* lower is better (none of ours; kept for a figure that will be) */
int lb_figure_lower_better(enum lb_figure f);
/* a rate (shown as a percentage): attainment, commitment rate */
int lb_figure_is_rate(enum lb_figure f);
/* counted over whole months only (revenue, attainment) */
int lb_figure_needs_months(enum lb_figure f);

#define CONTEST_NAME_MAX 120
#define CONTEST_PRIZE_MAX 500
#define CONTEST_MIN_MAX 100000
/* a minimum of conversations as typed (contests and leaderboards): NULL
 * and *min set (left as it is when s is empty or NULL), or the fault
 * (an N_ msgid: not a whole number, negative, above CONTEST_MIN_MAX) */
const char *contest_minimum_parse(const char *s, int64_t *min);

struct contest_input {
	const char *name, *figure, *base, *mode;	/* base: for most_improved */
	const char *starts_on, *ends_on;
	const char *minimum;				/* text as given; "" none */
	const char *prize;
	size_t nteams;					/* teams chosen */
	int teams_known;				/* every one is a team of the organisation */
	int team_hides_revenue;				/* one of them hides individual revenue */
	int months_ok;					/* starts_on..ends_on are whole months */
};
struct contest_field_error {
	const char *field, *message;			/* message: English msgid (N_) */
};
#define CONTEST_ERRORS_MAX 10
/* every fault at once, the first of each field (fields "name", "figure",
 * "base", "mode", "starts_on", "ends_on", "minimum", "prize", "teams"):
 * how many; *min is the minimum when it is valid */
size_t contest_validate(const struct contest_input *in, struct contest_field_error *errs, size_t max,
			int64_t *min);

enum contest_state { CONTEST_UPCOMING = 0, CONTEST_RUNNING, CONTEST_ENDED, CONTEST_FINAL };
extern const char *const contest_state_codes[4];	/* "upcoming", "running", "ended", "final" */
/* ENDED: over and not yet frozen (the reader freezes it); FINAL: frozen */
enum contest_state contest_state_of(const char *starts_on, const char *ends_on, const char *today, int frozen);
/* a contest still to freeze */
int contest_needs_freeze(const char *ends_on, const char *today, int frozen);
/* what "most improved" compares with: the period before when from..to is
 * a month, quarter or year (last month for this month), else the days of
 * the same number just before from */
void lb_previous_span(const char *from, const char *to, int fiscal_start_month, char pfrom[11], char pto[11]);

/* a leaderboard's period: "this_month", "last_month", "this_quarter",
 * "last_quarter", "this_year", "last_year" (fiscal quarters and years, as
 * domain/period.h) around today, into from/to; -1 for another code */
#define LB_PERIODS 6
extern const char *const lb_period_codes[LB_PERIODS];
const char *lb_period_label(int i);		/* N_ msgid */
int lb_period_resolve(const char *code, const char *today, int fiscal_start_month, char from[11], char to[11]);

#endif
