/*
 * leaderboard (service): the standings of a leaderboard or a contest (issue
 * 10, "competition and the spotlight"), joining the existing per-rep
 * figures of the store (numbers for revenue and attainment, figures for the
 * commitment rate, steps kept and conversations, learning, new deals) with
 * the rules of domain/contests.h and domain/ranking.h. One query per figure
 * for the whole team or organisation, never one per rep; the figure of a
 * rep is the number the rep's own numbers or figures page shows for the
 * same period.
 *
 * Individual revenue: a team whose setting (teams.show_revenue) is off
 * never has a rep's revenue or attainment (or the most improved of those)
 * listed: its reps are left out of such standings, and the team's total
 * stands in `totals` instead. Effort figures are listed either way.
 *
 * Contests: contest_standings_read gives live standings while a contest
 * runs and, once it has ended, freezes them at the first read (the store
 * makes sure only once) and reads the frozen ones ever after;
 * contests_sweep freezes every ended contest of an organisation.
 */
#ifndef SG_SERVICE_LEADERBOARD_H
#define SG_SERVICE_LEADERBOARD_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../domain/contests.h"
#include "../store/contests.h"

struct lb_query {
	enum lb_figure figure, base;	/* base: of most_improved */
	int team_mode;			/* lines are teams, not reps */
	const int64_t *teams;		/* the teams taking part; none: the organisation */
	size_t nteams;
	const char *from, *to, *today;
	int64_t min_conversations;
};

struct leaderboard {
	struct contest_standing *lines;	/* in standing order */
	size_t n;
	double *current, *previous;	/* [n], most improved: the base figure in each period */
	struct contest_standing *totals;	/* team totals standing in for hidden reps */
	size_t ntotals;
	char prev_from[11], prev_to[11];	/* most improved: the period compared with */
	const char *currency;
	int64_t min_conversations;	/* the minimum to be ranked (0: none) */
};

/* E_INVALID when revenue or attainment are asked over days that are not
 * a month, quarter or year */
enum err leaderboard_compute(struct db_conn *c, struct arena *a, int64_t org_id, const struct lb_query *q,
			     struct leaderboard *out);

/* a contest's query (k's figure, mode, period, minimum, teams) */
void contest_query(const struct contest *k, const char *today, struct lb_query *q);
/* the standings of k: live (upcoming or running), or frozen — freezing them
 * first when k has ended and is not frozen (k->frozen_at is then set) */
enum err contest_standings_read(struct db_conn *c, struct arena *a, int64_t org_id, struct contest *k,
				const char *today, struct leaderboard *out);
/* freezes every contest of the organisation that has ended; *frozen how many */
enum err contests_sweep(struct db_conn *c, struct arena *a, int64_t org_id, const char *today, size_t *frozen);

#endif
