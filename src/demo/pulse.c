/*
 * pulse (demo): twelve weeks of the wellbeing pulse (issue 10) for the demo
 * reps, the twelve ISO weeks before the one it is now, plus a few answers
 * of this week (which no manager sees until it ends).
 *
 *   - every rep answers most weeks (about one week in seven skipped),
 *     around a level from their profile: motivation follows the trait
 *     "motivated", energy sits near it, workload near 3;
 *   - Priya Ramdin (Randstad) had a good quarter, then lost two deals: her
 *     last three weeks are low (2.5 or lower) and fell by more than 1.0
 *     over four weeks. She shares her pulse, so Maarten Visser sees her
 *     burnout risk under "needs you now";
 *   - team Noord-Nederland's average dipped in the last ended week (a large
 *     tender lost, end-of-year pressure): every rep answered, the average
 *     is 2.5 or lower, so Femke Hoekstra sees the team item;
 *   - Sophie van den Berg and Kristin Bjørnstad share too (no risk).
 *
 * Deterministic for the same "today" and cast. Written through the store
 * (pulse_add, pulse_shared_set) in the caller's transaction.
 */
#include "demo.h"
#include "../domain/pulse.h"
#include "../store/pulse.h"
#include "../lib/util.h"
#include <string.h>

static int clamp(int v)
{
	return v < 1 ? 1 : v > 5 ? 5 : v;
}

/* a small deterministic wobble in -1..1 */
static int wobble(size_t person, int week, int salt)
{
	unsigned h = (unsigned)(person * 2654435761u) ^ (unsigned)(week * 40503u) ^ (unsigned)(salt * 97u);
	h ^= h >> 13;
	h *= 0x5bd1e995u;
	h ^= h >> 15;
	return (int)(h % 3) - 1;
}

static int64_t team_id_of(const struct demo_person *p, const int64_t *team_ids)
{
	for (size_t t = 0; t < demo_teams_count; t++)
		if (p->team && !strcmp(p->team, demo_teams[t].name))
			return team_ids[t];
	return 0;
}

enum err demo_pulse(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
		    const int64_t *team_ids)
{
	char today[11], now[PULSE_WEEK_LEN];
	today_date(today);
	if (pulse_week_of(today, now))
		return E_INTERNAL;
	enum err e;
	for (size_t i = 0; i < demo_people_count; i++) {
		const struct demo_person *p = &demo_people[i];
		if (strcmp(p->role, "rep"))
			continue;
		int64_t team = team_id_of(p, team_ids);
		int priya = !strcmp(p->email, "priya.ramdin@" DEMO_DOMAIN);
		int noord = p->team && !strcmp(p->team, "Noord-Nederland");
		int motivated = p->traits[DEMO_MOTIVATED] ? p->traits[DEMO_MOTIVATED] : 3;
		/* back = 12 .. 1: the ended weeks; 0: this week (a third of the reps) */
		for (int back = 12; back >= 0; back--) {
			char week[PULSE_WEEK_LEN];
			if (pulse_week_add(now, -back, week))
				return E_INTERNAL;
			int skip = wobble(i, back, 7) == 1 && wobble(i, back, 11) == 1;	/* about one in nine */
			if (back == 0 && i % 3)
				skip = 1;
			if (priya || (noord && back == 1))
				skip = back == 0;	/* these always answered */
			if (skip)
				continue;
			int energy = clamp(motivated + wobble(i, back, 1));
			int motivation = clamp(motivated + wobble(i, back, 2));
			int workload = clamp(3 + wobble(i, back, 3));
			const char *comment = "";
			if (priya && back <= 3) {
				/* 2 + 2 + (6 - 5) = 5, 2 + 3 + 2 = 7, 2 + 2 + 2 = 6: a mean of 2.0 */
				energy = 2;
				motivation = back == 2 ? 3 : 2;
				workload = back == 3 ? 5 : 4;
				comment = back == 1 ? "Two lost deals in a row; I sleep badly." : "";
			} else if (priya) {
				energy = 4, motivation = 4, workload = 3;	/* 11 points: 3.67 */
			} else if (noord && back == 1) {
				/* the dip: 2, 2, 4 -> 6 points (2.0), a few at 3, 2, 4 -> 7 (2.33) */
				energy = 2 + (i % 2);
				motivation = 2;
				workload = 4;
				comment = i % 3 ? "" : "The tender loss hit the whole team.";
			}
			if ((e = pulse_add(c, org_id, user_ids[i], team, week, energy, motivation, workload, comment)))
				return e;
		}
		if (priya || !strcmp(p->email, "sophie.vandenberg@" DEMO_DOMAIN) ||
		    !strcmp(p->email, "kristin.bjornstad@" DEMO_DOMAIN))
			if ((e = pulse_shared_set(c, org_id, user_ids[i], 1)))
				return e;
	}
	(void)a;
	return E_OK;
}
