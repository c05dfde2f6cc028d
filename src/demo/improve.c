/*
 * demo improve: two underperformers of the Oslo team and what their
 * manager, Joost van Leeuwen, did about them (issue 10), consistent with
 * the demo's tiers (numbers.c makes the cast's underperformers
 * underperformers in every period):
 *
 *   - Nora Sæther (skill): flagged by Joost early in the quarter before
 *     last, diagnosed "skill" (she did not know how to ask for the next
 *     step), a plan on the commitment rate and steps kept with a training
 *     and ride-alongs, two reviews with outcomes, and closed "improved"
 *     late last quarter: her effort figures came up, her revenue follows
 *     later (the tiers still count her last quarters below the line);
 *   - Vegard Aasen (will): an underperformer by the tiers, flagged at the
 *     start of last quarter; a plan with expectations and support, a first
 *     review with an outcome, the second review date passed five days ago
 *     without one, and a second quarter below the line without a decision:
 *     the page and Joost's home page warn "no muddling on".
 *
 * Written through the store like everything the demo makes.
 */
#include "demo.h"
#include "../store/improve.h"
#include "../service/plan-metrics.h"
#include "../domain/period.h"
#include "../lib/util.h"
#include <math.h>
#include <string.h>

static int index_of(const char *email)
{
	for (size_t i = 0; i < demo_people_count; i++)
		if (!strcmp(demo_people[i].email, email))
			return (int)i;
	return -1;
}

static enum err expectation(struct db_conn *c, struct arena *a, int64_t org_id, int64_t plan_id, int64_t rep,
			    const char *metric, double target, const char *text, const char *start, const char *end,
			    const char *when)
{
	struct improve_item x = { 0 };
	x.plan_id = plan_id;
	x.kind = "expectation";
	x.text = text;
	x.metric = metric;
	x.target = target;
	enum err e = plan_metric_baseline(c, a, org_id, rep, metric, start, end, when, &x.baseline);
	if (e)
		return e;
	int64_t id;
	return improve_item_add(c, org_id, &x, &id);
}

static enum err support(struct db_conn *c, int64_t org_id, int64_t plan_id, const char *kind, const char *text)
{
	struct improve_item x = { 0 };
	x.plan_id = plan_id;
	x.kind = "support";
	x.support_kind = kind;
	x.text = text;
	x.baseline = x.target = NAN;
	int64_t id;
	return improve_item_add(c, org_id, &x, &id);
}

static enum err review(struct db_conn *c, int64_t org_id, int64_t plan_id, const char *on, const char *outcome)
{
	struct improve_item x = { 0 };
	x.plan_id = plan_id;
	x.kind = "review";
	x.on_date = on;
	x.outcome = outcome;
	x.baseline = x.target = NAN;
	int64_t id;
	return improve_item_add(c, org_id, &x, &id);
}

enum err demo_improve(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids)
{
	int m = index_of("joost.vanleeuwen@" DEMO_DOMAIN), nora = index_of("nora.saether@" DEMO_DOMAIN),
	    vegard = index_of("vegard.aasen@" DEMO_DOMAIN);
	if (m < 0 || nora < 0 || vegard < 0)
		return E_INTERNAL;
	char today[11];
	today_date(today);
	struct period q, p1, p2;
	period_containing(PERIOD_QUARTER, today, 1, &q);
	period_prev(&q, 1, &p1);
	period_prev(&p1, 1, &p2);
	int64_t mgr = user_ids[m], id;
	enum err e;

	/* Nora: improved under a plan */
	char flag[11], start[11], end[11], r1[11], r2[11];
	day_add(p2.start, 5, flag);
	day_add(p2.start, 12, start);
	day_add(p1.end, -20, end);
	day_add(p2.end, -10, r1);
	day_add(p1.start, 40, r2);
	if ((e = improve_create(c, org_id, user_ids[nora], "flag", "", flag, "skill",
				"Nora wil wel, maar weet niet hoe ze om de volgende stap vraagt: gesprekken eindigen in "
				"\"ik hoor van u\". Geen privé-omstandigheden genoemd.",
				start, end, mgr, &id)) ||
	    (e = expectation(c, a, org_id, id, user_ids[nora], "commitment_rate", 0.7,
			     "Elk gesprek eindigt in een stap of een stop", start, end, start)) ||
	    (e = expectation(c, a, org_id, id, user_ids[nora], "steps_kept", 0.85, "Afspraken op tijd nakomen", start, end,
			     start)) ||
	    (e = support(c, org_id, id, "training", "Training 'Om de volgende stap vragen'")) ||
	    (e = support(c, org_id, id, "ride_along", "Twee keer meerijden met Joost per maand")) ||
	    (e = support(c, org_id, id, "coaching", "Wekelijkse one-on-one met de cijfers erbij")) ||
	    (e = review(c, org_id, id, r1, "Stijgende lijn: de helft van de gesprekken eindigt nu in een stap.")) ||
	    (e = review(c, org_id, id, r2, "Verwachtingen gehaald; omzet volgt met de pijplijn.")) ||
	    (e = improve_decide_store(c, org_id, id, "closed", "improved", end, 0,
				      "Plan afgesloten: Nora vraagt nu zelf om de volgende stap.", end)))
		return e;

	/* Vegard: heading for a decision */
	char vflag[11], vstart[11], vr1[11], vr2[11];
	day_add(p1.start, 6, vflag);
	day_add(p1.start, 13, vstart);
	day_add(p1.end, -15, vr1);
	day_add(today, -5, vr2);
	if ((e = improve_create(c, org_id, user_ids[vegard], "tiers", p2.label, vflag, "will",
				"Vegard says the targets are unrealistic and the leads are poor; his colleagues in Oslo "
				"work the same leads. He skips the sales meetings. Asked what would help: \"nothing\".",
				vstart, q.end, mgr, &id)) ||
	    (e = expectation(c, a, org_id, id, user_ids[vegard], "commitment_rate", 0.75,
			     "Every conversation ends in a step or a stop", vstart, q.end, vstart)) ||
	    (e = expectation(c, a, org_id, id, user_ids[vegard], "steps_kept", 0.8, "Keep the steps he agrees", vstart,
			     q.end, vstart)) ||
	    (e = expectation(c, a, org_id, id, user_ids[vegard], "learning_activities", 2, "Two learning activities",
			     vstart, q.end, vstart)) ||
	    (e = support(c, org_id, id, "training", "Mandatory training on asking for the next step")) ||
	    (e = support(c, org_id, id, "coaching", "A one-on-one every two weeks with his figures")) ||
	    (e = review(c, org_id, id, vr1, "No change in the figures; agreed to try the call script for a month.")) ||
	    (e = review(c, org_id, id, vr2, "")))
		return e;
	return E_OK;
}
