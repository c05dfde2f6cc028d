/*
 * demo coaching: one-on-ones for the demo reps (issue 8), written through
 * the store like everything the demo makes. Every rep in a team gets a
 * cadence from their team's manager (weekly, every two weeks or monthly in
 * turn) anchored a year back, and a year of one-on-ones on it
 * (domain/cadence.c decides the days): held ones with shared notes, some
 * private notes, agenda points in the template's sections and the rep's own,
 * and actions — most done at the next one, the latest still open and so
 * carried forward. For most reps the next one is planned; for every third
 * rep the manager let it slip, so it is overdue today and the manager's
 * home page and list flag it. The first two reps of each team also have
 * observations: two by their manager from joined calls, scored from the
 * cast's talent profile on the rep's weakest and strongest traits, and one
 * by a team-mate who rode along.
 */
#include "demo.h"
#include "../store/one-on-ones.h"
#include "../store/observations.h"
#include "../store/traits.h"
#include "../domain/cadence.h"
#include "../domain/period.h"
#include "../lib/util.h"
#include <string.h>

#define MEETINGS_MAX 60

static int index_of(const char *email)
{
	for (size_t i = 0; i < demo_people_count; i++)
		if (!strcmp(demo_people[i].email, email))
			return (int)i;
	return -1;
}

static const char *const shared[] = {
	"Pijplijn doorgelopen: twee deals zonder datum voor de volgende stap, die krijgen deze week een afspraak.",
	"Goede week: elk gesprek eindigde in een stap of een stop. De prijsvraag blijft lastig.",
	"Terugblik op het meerijden: sterke opening, de afsluiting mag steviger.",
	"Cijfers besproken: op koers voor het target, de nieuwe klanten blijven achter.",
};
static const char *const private_notes[] = {
	"Lijkt moe; vragen hoe het thuis gaat.",
	"Klaar voor een grotere regio? Volgend kwartaal bespreken.",
};
static const char *const points[][2] = {
	{ "effort", "Twaalf gesprekken gevoerd, tien met een afgesproken stap." },
	{ "improvement", "De stops worden nu met reden vastgelegd." },
	{ "progress", "Eerste helft van het plan is gehaald." },
	{ "works", "Het gesprek openen met de vraag naar het doel van de klant." },
	{ "strengthen", "Bij een prijsbezwaar eerst doorvragen in plaats van korting geven." },
};
static const char *const rep_points[] = {
	"Hulp bij de offerte voor de grootste deal.",
	"Mag ik een keer meekijken bij een demo van een collega?",
	"De leadverdeling in mijn regio.",
};
static const char *const actions[] = {
	"Alle open deals een datum voor de volgende stap geven",
	"Drie prijsargumenten voorbereiden",
	"Een demo van een collega bijwonen",
	"Het gesprek met de inkoper voorbereiden",
};

static const char *const trait_codes[DEMO_TRAITS] = { "goal", "accountable", "learning", "motivated", "customer" };

static enum err observe(struct db_conn *c, int64_t org_id, const struct demo_person *rp, int64_t rep, int64_t observer,
			const char *kind, const char *day, const int64_t *trait_ids)
{
	int weak = demo_weakest_trait(rp), strong = 0;
	for (int k = 1; k < DEMO_TRAITS; k++)
		if (rp->traits[k] > rp->traits[strong])
			strong = k;
	struct obs_score sc[2] = {
		{ .trait_id = trait_ids[weak], .score = rp->traits[weak] ? rp->traits[weak] : 3,
		  .seen = "Gaf bij het prijsbezwaar meteen korting in plaats van door te vragen." },
		{ .trait_id = trait_ids[strong], .score = rp->traits[strong] ? rp->traits[strong] : 4,
		  .seen = "Opende met de vraag naar het doel van de klant en vatte het goed samen." },
	};
	if (!trait_ids[weak] || !trait_ids[strong])
		return E_OK;
	struct new_observation o = { rep, observer, 0, kind, day, "Rustig en goed voorbereid; de klant voelde zich gehoord.",
				     "Bij een bezwaar eerst twee vragen stellen.", "Volgende week elk prijsbezwaar met een vraag beantwoorden.",
				     sc, weak == strong ? 1 : 2 };
	return obs_create(c, org_id, &o, NULL);
}

enum err demo_coaching(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids)
{
	char today[11], anchor[11];
	today_date(today);
	day_add(today, -365, anchor);
	int nrep = 0;
	enum err e;
	struct trait_list traits;
	int64_t trait_ids[DEMO_TRAITS] = { 0 };
	if ((e = trait_list(c, a, org_id, LANG_EN, TRAITS_ACTIVE, &traits)))
		return e;
	for (size_t t = 0; t < traits.n; t++)
		for (int k = 0; k < DEMO_TRAITS; k++)
			if (!strcmp(traits.items[t].code, trait_codes[k]))
				trait_ids[k] = traits.items[t].id;
	for (size_t t = 0; t < demo_teams_count; t++) {
		int m = index_of(demo_teams[t].manager_email);
		if (m < 0)
			return E_INTERNAL;
		int64_t mgr = user_ids[m];
		for (size_t i = 0; i < demo_people_count; i++) {
			const struct demo_person *rp = &demo_people[i];
			if (strcmp(rp->role, "rep") || !rp->team || strcmp(rp->team, demo_teams[t].name))
				continue;
			int64_t rep = user_ids[i];
			int in_team = 0;
			for (size_t j = 0; j < i; j++)
				in_team += !strcmp(demo_people[j].role, "rep") && demo_people[j].team &&
					   !strcmp(demo_people[j].team, demo_teams[t].name);
			if (in_team < 2) {
				char d1[11], d2[11], d3[11];
				day_add(today, -40 - 7 * in_team, d1);
				day_add(today, -9 - in_team, d2);
				day_add(today, -20, d3);
				/* the team-mate who rides along: the next rep of the team */
				int64_t mate = 0;
				for (size_t j = i + 1; j < demo_people_count && !mate; j++)
					if (!strcmp(demo_people[j].role, "rep") && demo_people[j].team &&
					    !strcmp(demo_people[j].team, demo_teams[t].name))
						mate = user_ids[j];
				if ((e = observe(c, org_id, rp, rep, mgr, "joint_call", d1, trait_ids)) ||
				    (e = observe(c, org_id, rp, rep, mgr, "joint_call", d2, trait_ids)) ||
				    (mate && (e = observe(c, org_id, rp, rep, mate, "ride_along", d3, trait_ids))))
					return e;
			}
			enum cadence_every every = (enum cadence_every)(nrep % 3);
			int overdue = nrep % 3 == 1;	/* every third rep: the manager let it slip */
			nrep++;
			if ((e = ooo_cadence_set(c, org_id, rep, cadence_code(every), anchor, mgr)))
				return e;
			/* the held ones: on the cadence's days up to today; an
			 * overdue rep's last one is left out, so the next is late */
			char days[MEETINGS_MAX][11], due[11];
			int n = 0;
			const char *last = NULL;
			while (n < MEETINGS_MAX && !cadence_next_due(every, anchor, last, due) && strcmp(due, today) < 0) {
				memcpy(days[n], due, 11);
				last = days[n++];
			}
			if (overdue && n > 1)
				n--;
			int64_t prev = 0, open_action = 0, late_action = 0;
			int late_at = -1;
			for (int k = 0; k < n; k++) {
				int64_t id, x;
				if ((e = ooo_create(c, org_id, rep, mgr, days[k], &id)) ||
				    (e = ooo_mark_held(c, org_id, id, days[k])) ||
				    (e = ooo_notes_set(c, org_id, id, shared[(k + nrep) % 4], k % 5 == 2 ? private_notes[k % 2] : "")))
					return e;
				if (open_action && (e = ooo_action_done(c, org_id, open_action, id, days[k])))
					return e;
				open_action = 0;
				if (late_action && k >= late_at) {
					if ((e = ooo_action_done(c, org_id, late_action, id, days[k])))
						return e;
					late_action = 0;
				}
				if (k >= n - 3) {	/* the agendas of the latest ones */
					for (int s = 0; s < 5; s++)
						if ((s + k) % 2 == 0 &&
						    (e = ooo_point_add(c, org_id, id, mgr, points[s][0], points[s][1], NULL)))
							return e;
					if ((e = ooo_point_add(c, org_id, id, rep, "rep", rep_points[(k + nrep) % 3], NULL)))
						return e;
				}
				char adue[11];
				day_add(days[k], 7, adue);
				if ((e = ooo_action_add(c, org_id, id, rep, k % 3 ? rep : mgr, actions[(k + nrep) % 4], adue, &x)))
					return e;
				/* most actions are done at the next one; every fourth stays open
				 * two more (carried forward), the latest ones are open now */
				if (k % 4 != 3 || late_action)
					open_action = x;
				else {
					late_action = x;
					late_at = k + 3;
				}
				prev = id;
			}
			(void)prev;
			if (overdue)
				continue;
			/* the next one, planned, with the rep's own point already on it */
			if (cadence_next_due(every, anchor, n ? days[n - 1] : NULL, due))
				return E_INTERNAL;
			if (strcmp(due, today) < 0)
				memcpy(due, today, 11);
			int64_t id;
			if ((e = ooo_create(c, org_id, rep, mgr, due, &id)) ||
			    (e = ooo_point_add(c, org_id, id, rep, "rep", rep_points[nrep % 3], NULL)))
				return e;
		}
	}
	return E_OK;
}
