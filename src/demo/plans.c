/*
 * demo plans: development plans for the demo reps (issue 8), written
 * through the store like everything the demo makes. Each of the first
 * reps of each team gets an open plan for the current quarter from their
 * team's manager, with an achievement goal on their weakest trait (the
 * articles: a profile is as strong as its weakest trait, so that is the
 * focus), an achievement goal on the commitment rate and a result goal on
 * attainment, whose baselines are the figures of the history the demo has
 * just written (service/plan-metrics.c); actions (one overdue, one due this
 * week, one the manager's), a check-in, and recognition of effort from it
 * for some. One rep's plan has result goals only, so the balance flag has
 * something to show.
 */
#include "demo.h"
#include "../store/plans.h"
#include "../store/traits.h"
#include "../service/plan-metrics.h"
#include "../domain/period.h"
#include "../lib/util.h"
#include <math.h>
#include <string.h>

#define PLANS_PER_TEAM 3

static const char *const trait_codes[DEMO_TRAITS] = { "goal", "accountable", "learning", "motivated", "customer" };
/* a goal on each trait, for the rep for whom it is the weakest */
static const char *const trait_goals[DEMO_TRAITS] = {
	"Elke week de eigen cijfers kennen en bespreken",
	"Elke afspraak met de klant op tijd nakomen",
	"Elke maand één nieuwe verkooptechniek oefenen",
	"Zelf een doel per kwartaal kiezen en volgen",
	"In elk gesprek eerst de juiste vragen stellen",
};

static int index_of(const char *email)
{
	for (size_t i = 0; i < demo_people_count; i++)
		if (!strcmp(demo_people[i].email, email))
			return (int)i;
	return -1;
}

static enum err goal(struct db_conn *c, struct arena *a, int64_t org_id, const struct plan *p, const char *kind,
		     const char *title, int64_t trait_id, const char *metric, double target, const char *today)
{
	double baseline = NAN;
	enum err e;
	if (*metric && (e = plan_metric_baseline(c, a, org_id, p->rep_id, metric, p->period_start, p->period_end, today,
						 &baseline)))
		return e;
	int64_t id;
	return plan_goal_add(c, org_id, p->id, kind, title, trait_id, metric, baseline, *metric ? target : NAN, &id);
}

enum err demo_plans(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids)
{
	char today[11], overdue[11], soon[11], later[11], checkin[11];
	today_date(today);
	day_add(today, -6, overdue);
	day_add(today, 4, soon);
	day_add(today, 20, later);
	day_add(today, -14, checkin);
	struct period q;
	period_containing(PERIOD_QUARTER, today, 1, &q);
	struct trait_list traits;
	enum err e = trait_list(c, a, org_id, LANG_EN, TRAITS_ACTIVE, &traits);
	if (e)
		return e;
	int64_t trait_ids[DEMO_TRAITS] = { 0 };
	for (size_t t = 0; t < traits.n; t++)
		for (int k = 0; k < DEMO_TRAITS; k++)
			if (!strcmp(traits.items[t].code, trait_codes[k]))
				trait_ids[k] = traits.items[t].id;

	int made = 0;
	for (size_t t = 0; t < demo_teams_count; t++) {
		int m = index_of(demo_teams[t].manager_email);
		if (m < 0)
			return E_INTERNAL;
		int in_team = 0;
		for (size_t i = 0; i < demo_people_count && in_team < PLANS_PER_TEAM; i++) {
			const struct demo_person *rp = &demo_people[i];
			if (strcmp(rp->role, "rep") || !rp->team || strcmp(rp->team, demo_teams[t].name))
				continue;
			in_team++;
			made++;
			int64_t rep = user_ids[i], mgr = user_ids[m], plan_id;
			if ((e = plan_create(c, org_id, rep, "Ontwikkelplan dit kwartaal", q.start, q.end, mgr, &plan_id)))
				return e;
			struct plan p;
			if ((e = plan_get(c, a, org_id, plan_id, &p)))
				return e;
			int weakest = demo_weakest_trait(rp);
			int result_only = made == 2;	/* one plan of result goals only: flagged */
			if (!result_only &&
			    ((e = goal(c, a, org_id, &p, "achievement", trait_goals[weakest], trait_ids[weakest], "", NAN, today)) ||
			     (e = goal(c, a, org_id, &p, "achievement", "Elk gesprek eindigt in een stap of een stop", 0,
				       "commitment_rate", 0.8, today))))
				return e;
			if ((e = goal(c, a, org_id, &p, "result", "Het kwartaaltarget halen", 0, "attainment", 1.0, today)))
				return e;
			if (result_only &&
			    (e = goal(c, a, org_id, &p, "result", "Vijf nieuwe klanten binnenhalen", 0, "", NAN, today)))
				return e;
			int64_t id;
			if ((e = plan_action_add(c, org_id, plan_id, 0, "Drie prijsargumenten voorbereiden", rep, overdue, &id)) ||
			    (e = plan_action_add(c, org_id, plan_id, 0, "Twee klantbezoeken samen voorbereiden", rep, soon, &id)) ||
			    (e = plan_action_add(c, org_id, plan_id, 0, "Meerijden bij een klantbezoek", mgr, later, &id)) ||
			    (e = plan_checkin_add(c, org_id, plan_id, mgr, checkin,
						  "Goed gesprek: de eerste afspraken zijn nagekomen, de prijsvraag blijft lastig.",
						  &id)))
				return e;
			if (in_team != 2) {
				int64_t rid;
				if ((e = recognition_add(c, org_id, rep, mgr, "effort",
							 "Je bleef doorvragen toen de klant over de prijs begon. Precies zo.",
							 "checkin", id, &rid)))
					return e;
			}
		}
	}
	return E_OK;
}
