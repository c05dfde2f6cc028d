/*
 * pulse: the queries of the wellbeing pulse (issue 10; tables of migration
 * 0020) — a rep's answer of a week, their answers, their sharing choice,
 * the reps of some teams who share, and a team's weekly counts and sums.
 * Who may read what is domain/access.c's (access_pulse_*); which team weeks
 * may be shown is domain/pulse.c's (pulse_team_week_visible) — and
 * pulse_team_weeks never returns a week with fewer than PULSE_TEAM_MIN
 * answers or one that has not closed, so a caller that forgets the rule
 * still cannot show it.
 */
#ifndef SG_STORE_PULSE_H
#define SG_STORE_PULSE_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

#define PULSE_LIST_MAX 260		/* weeks of one rep's answers in one list (five years) */
#define PULSE_SHARED_MAX 500		/* reps who share, in one list */

struct pulse_row {
	int64_t id, rep_id, team_id;
	const char *week;
	int energy, motivation, workload;
	const char *comment;
	int64_t created_at, updated_at;
};
struct pulse_list {
	struct pulse_row *items;
	size_t n;
};

/* the rep's answer of week; E_NOTFOUND when none */
enum err pulse_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *week,
		   struct pulse_row *out);
/* the rep's first answer of week (team_id: their team now, 0 for none);
 * E_CONFLICT when the week has an answer already, nothing stored */
enum err pulse_add(struct db_conn *c, int64_t org_id, int64_t rep_id, int64_t team_id, const char *week, int energy,
		   int motivation, int workload, const char *comment);
/* changes the rep's answer of week; E_NOTFOUND when there is none */
enum err pulse_change(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *week, int energy, int motivation,
		      int workload, const char *comment);
/* the rep's answers of weeks from..to (inclusive), oldest first, at most PULSE_LIST_MAX */
enum err pulse_list_rep(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *from,
			const char *to, struct pulse_list *out);

/* the sharing choice: 1 while the rep shares */
enum err pulse_shared_get(struct db_conn *c, int64_t org_id, int64_t rep_id, int *shared);
enum err pulse_shared_set(struct db_conn *c, int64_t org_id, int64_t rep_id, int shared);

/* the reps now in the teams who share their pulse, by name */
struct pulse_sharer {
	int64_t rep_id, team_id;
	const char *name, *team_name;
};
struct pulse_sharers {
	struct pulse_sharer *items;
	size_t n;
};
enum err pulse_sharers(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *teams, size_t nteams,
		       struct pulse_sharers *out);

/* a team's weeks from..before (before excluded: pass the week it is now,
 * so only closed weeks come back) that have at least PULSE_TEAM_MIN
 * answers: the count and the sum of their points (domain/pulse.h), oldest
 * first */
struct pulse_team_week {
	const char *week;
	int64_t count, points;
};
struct pulse_team_weeks {
	struct pulse_team_week *items;
	size_t n;
};
enum err pulse_team_weeks(struct db_conn *c, struct arena *a, int64_t org_id, int64_t team_id, const char *from,
			  const char *before, struct pulse_team_weeks *out);

#endif
