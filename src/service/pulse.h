/*
 * pulse (service): the wellbeing pulse's figures that join the store and
 * the rules — a rep's trend and burnout risk, and the "needs the manager
 * now" items of the pulse for the coach's inbox (issue 10), shown for now
 * on the manager's home page:
 *
 *   pulse_risk     a rep who SHARES their pulse (access_pulse_individual)
 *                  and whose answers meet the burnout rule (domain/pulse.h);
 *                  urgency 2; link /team/pulse#rep-ID
 *   pulse_team_low a team the caller leads whose latest shown weekly
 *                  average (a closed week with at least three answers) is
 *                  2.5 or lower; urgency 1; link /team/pulse#team-ID
 *
 * Nothing else about anyone's pulse leaves through here: no counts of
 * answers, no unshared rep.
 */
#ifndef SG_SERVICE_PULSE_H
#define SG_SERVICE_PULSE_H
#include <stdint.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../domain/access.h"
#include "../domain/pulse.h"
#include "../store/pulse.h"

/* a rep's answers of the last weeks up to the week of today, and the risk */
struct pulse_trend {
	char now[PULSE_WEEK_LEN];	/* the week of today */
	char from[PULSE_WEEK_LEN];	/* the first week of the trend */
	struct pulse_list answers;	/* oldest first */
	int risk;			/* PULSE_RISK_* bits */
};
/* weeks: how many weeks the trend covers (the current one included) */
enum err pulse_trend_of(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *today,
			int weeks, struct pulse_trend *out);
/* the burnout rule on a list of answers (oldest first) */
int pulse_risk_of(struct arena *a, const struct pulse_list *l);

struct pulse_need {
	const char *kind;		/* "pulse_risk", "pulse_team_low" */
	int64_t rep_id, team_id;	/* rep_id 0 for a team's item */
	const char *name;		/* the rep's or the team's */
	const char *week;		/* the week it is about */
	const char *date;		/* that week's Monday */
	const char *link;
	int urgency;			/* 2: a rep at risk, 1: a team low */
	int risk;			/* PULSE_RISK_* of a rep */
	int64_t count, points;		/* of a team's week: answers and their points */
};
struct pulse_needs {
	struct pulse_need *items;
	size_t n;
};
/* the items for the viewer (the teams they lead), most urgent first */
enum err pulse_needs_now(struct db_conn *c, struct arena *a, const struct viewer *v, const char *today,
			 struct pulse_needs *out);

#endif
