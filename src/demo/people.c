/*
 * people: the cast of the demo organisation, as data (see demo.h).
 *
 * Fjordpolder B.V. has 30 reps in three teams. The spread of talent is
 * skewed the way the articles describe it:
 *   - 2 superstars (about 7%), strong (4-5) on all five traits, who together
 *     bring close to half of the revenue;
 *   - 22 core reps with one or two traits at 3, among them "lesser gods"
 *     who only attend the mandatory training (self_learner 0);
 *   - 6 underperformers whose weakest trait is at 1-2, each for a different
 *     reason a manager has to find out: onboarding (Lotte), excuses (Kevin),
 *     burnout (René), being strung along (Esmée), skill (Nora), will (Vegard).
 * Randstad and Oslo sell to the same segment (SMB), so the excuse check has
 * peers to compare with; Noord-Nederland sells to enterprises.
 *
 * E-mail addresses are firstname.lastname with the surname's spaces dropped,
 * lowercase and ASCII-folded (é->e, ø->o, å->a, æ->ae, ı->i). Later history
 * generators find people by e-mail address, so keep them stable.
 */
#include "demo.h"
#include <string.h>

const struct demo_team demo_teams[] = {
	{ "Randstad", "Randstad", "SMB", "maarten.visser@" DEMO_DOMAIN },
	{ "Noord-Nederland", "Noord-Nederland", "Enterprise", "femke.hoekstra@" DEMO_DOMAIN },
	{ "Oslo", "Østlandet", "SMB", "joost.vanleeuwen@" DEMO_DOMAIN },
};
const size_t demo_teams_count = sizeof(demo_teams) / sizeof(demo_teams[0]);

/* admin and managers: no talent profile */
#define STAFF(name, user, team, role, locale, tenure, story) \
	{ name, user "@" DEMO_DOMAIN, team, role, locale, DEMO_NO_TIER, { 0 }, 0, 0, tenure, story }
/* traits in the order goal-oriented, accountable, eager to learn, motivated,
 * customer-oriented */
#define REP(name, user, team, locale, tier, g, a, l, m, c, strength, self, tenure, story) \
	{ name, user "@" DEMO_DOMAIN, team, "rep", locale, tier, { g, a, l, m, c }, strength, self, tenure, story }
#define SUPER DEMO_SUPERSTAR
#define CORE DEMO_CORE
#define UNDER DEMO_UNDERPERFORMER

const struct demo_person demo_people[] = {
	STAFF("Ingrid Solberg", "admin", NULL, "admin", "en", 120,
	      "Co-founder; runs operations, the CRM imports and the stage vocabulary."),
	STAFF("Maarten Visser", "maarten.visser", "Randstad", "manager", "nl", 96,
	      "Top seller three years running, then promoted to manager; still grabs deals himself when the quarter is tight."),
	STAFF("Femke Hoekstra", "femke.hoekstra", "Noord-Nederland", "manager", "nl", 70,
	      "Came from a competitor; strong in the field, her one-on-ones slip at quarter end."),
	STAFF("Joost van Leeuwen", "joost.vanleeuwen", "Oslo", "manager", "en", 60,
	      "Moved from Utrecht to open the Oslo office and works in English; a practice case at every sales meeting."),

	/* Randstad, SMB */
	REP("Sophie van den Berg", "sophie.vandenberg", "Randstad", "nl", SUPER, 5, 5, 5, 5, 4, 14.0, 1, 74,
	    "Superstar: knows her numbers, reads a sales book a month, asks to ride along with anyone good."),
	REP("Daniël Janssen", "daniel.janssen", "Randstad", "nl", CORE, 4, 4, 4, 3, 4, 1.15, 1, 38,
	    "Steady; his motivation follows the pipeline, good month, bad month."),
	REP("Yasmina El Amrani", "yasmina.elamrani", "Randstad", "nl", CORE, 5, 4, 4, 4, 3, 1.45, 1, 30,
	    "Strong closer who pushes hard; knowing when to brake is her development focus."),
	REP("Thijs de Boer", "thijs.deboer", "Randstad", "nl", CORE, 4, 3, 3, 4, 4, 0.95, 0, 112,
	    "A 'lesser god': nine years in, just above target, only the mandatory training; hopes to become manager."),
	REP("Priya Ramdin", "priya.ramdin", "Randstad", "nl", CORE, 4, 4, 4, 3, 5, 1.10, 1, 26,
	    "Customers love her; her energy dips for a week after every lost deal."),
	REP("Bas Mulder", "bas.mulder", "Randstad", "nl", CORE, 3, 4, 3, 4, 4, 0.90, 0, 64,
	    "Reliable follow-up, vague about his own numbers; only the mandatory training."),
	REP("Chloë Verbeek", "chloe.verbeek", "Randstad", "nl", CORE, 4, 5, 4, 4, 3, 1.30, 1, 44,
	    "Never misses a next step; talks more than she asks."),
	REP("Mehmet Yılmaz", "mehmet.yilmaz", "Randstad", "nl", CORE, 4, 3, 4, 4, 4, 1.05, 1, 20,
	    "Quick learner; tends to blame the price when a deal is lost."),
	REP("Niels Kok", "niels.kok", "Randstad", "nl", CORE, 4, 4, 3, 3, 4, 0.95, 0, 85,
	    "A 'lesser god': comfortable at his level, reads nothing unless it is handed to him."),
	REP("Lotte Smit", "lotte.smit", "Randstad", "nl", UNDER, 2, 3, 5, 5, 4, 0.25, 1, 2,
	    "Newly onboarded: two months in, does not know her numbers or the product yet; eager and self-driven."),
	REP("Kevin Brouwer", "kevin.brouwer", "Randstad", "nl", UNDER, 3, 1, 3, 2, 3, 0.45, 0, 51,
	    "Excuses: 'my territory is different', 'our prices are too high'; peers in the same segment win where he loses."),

	/* Noord-Nederland, Enterprise */
	REP("Jelle Dijkstra", "jelle.dijkstra", "Noord-Nederland", "nl", CORE, 5, 4, 4, 3, 4, 1.50, 1, 58,
	    "Best of the northern team; long enterprise cycles, big deals, motivation dips between wins."),
	REP("Wieke Bosma", "wieke.bosma", "Noord-Nederland", "nl", CORE, 4, 4, 4, 4, 3, 1.20, 1, 33,
	    "Methodical, writes excellent proposals, less at ease in the room."),
	REP("Sjoerd van der Meer", "sjoerd.vandermeer", "Noord-Nederland", "nl", CORE, 4, 5, 3, 3, 4, 1.05, 0, 130,
	    "A 'lesser god': eleven years in, knows every buyer in Groningen, stopped learning long ago."),
	REP("Marieke Wiersma", "marieke.wiersma", "Noord-Nederland", "nl", CORE, 3, 4, 4, 4, 4, 1.00, 1, 27,
	    "Does everything right except set herself goals; content at 100%."),
	REP("Rik Huizinga", "rik.huizinga", "Noord-Nederland", "nl", CORE, 4, 3, 3, 4, 4, 0.90, 0, 46,
	    "Good with customers, drifts between meetings; attends what is mandatory."),
	REP("Anneke Kuipers", "anneke.kuipers", "Noord-Nederland", "nl", CORE, 4, 4, 5, 4, 3, 1.15, 1, 15,
	    "Joined from consulting; learns fast, still finding her commercial edge."),
	REP("Gerrit Zijlstra", "gerrit.zijlstra", "Noord-Nederland", "nl", CORE, 4, 4, 3, 4, 4, 1.00, 0, 98,
	    "Steady account manager for the large provincial customers; trains only when he must."),
	REP("René Hofstra", "rene.hofstra", "Noord-Nederland", "nl", UNDER, 3, 3, 2, 1, 4, 0.50, 0, 140,
	    "Twelve years in and tired: low energy for months; a burnout risk, not a lack of skill."),
	REP("Esmée Veenstra", "esmee.veenstra", "Noord-Nederland", "nl", UNDER, 2, 3, 4, 3, 3, 0.35, 1, 16,
	    "Many 'good conversations', few commitments: prospects string her along; step or stop is her lesson."),

	/* Oslo, SMB in Østlandet */
	REP("Kristin Bjørnstad", "kristin.bjornstad", "Oslo", "nb", SUPER, 5, 5, 4, 5, 5, 12.0, 1, 52,
	    "Superstar of Østlandet: knows her numbers to the krone, mentors newcomers, reads far beyond sales."),
	REP("Magnus Haugen", "magnus.haugen", "Oslo", "nb", CORE, 5, 4, 4, 4, 3, 1.35, 1, 41,
	    "Competitive, wins every contest, sometimes oversells."),
	REP("Sigrid Lunde", "sigrid.lunde", "Oslo", "nb", CORE, 4, 4, 4, 3, 4, 1.10, 1, 29,
	    "Sound and well liked; needs goals that are her own, not only the budget."),
	REP("Håkon Strand", "hakon.strand", "Oslo", "nb", CORE, 4, 3, 3, 4, 4, 0.95, 0, 88,
	    "A 'lesser god': knows the product inside out, no wish left to grow; mandatory training only."),
	REP("Thea Østby", "thea.ostby", "Oslo", "nb", CORE, 4, 4, 4, 4, 3, 1.20, 1, 23,
	    "Rising: a self-chosen course every quarter; a superstar in the making if her customer focus grows."),
	REP("Jonas Berg", "jonas.berg", "Oslo", "nb", CORE, 3, 4, 3, 4, 4, 0.85, 0, 57,
	    "Does his calls, keeps his head down, never asks for feedback."),
	REP("Eirik Solheim", "eirik.solheim", "Oslo", "nb", CORE, 3, 4, 4, 4, 5, 1.05, 1, 35,
	    "Trusted by his customers, slow to ask for the next step."),
	REP("Henrik Fjeld", "henrik.fjeld", "Oslo", "nb", CORE, 4, 4, 4, 3, 3, 0.95, 1, 19,
	    "Second year; learning well, not yet sure this is his career."),
	REP("Nora Sæther", "nora.saether", "Oslo", "nb", UNDER, 4, 3, 4, 4, 2, 0.40, 1, 11,
	    "Pushes for the close too early and loses the customer's trust; a skill gap, and coachable."),
	REP("Vegard Aasen", "vegard.aasen", "Oslo", "nb", UNDER, 3, 3, 1, 2, 3, 0.30, 0, 70,
	    "Skipped even the mandatory training this year; will, not skill: a decision is due."),
};
const size_t demo_people_count = sizeof(demo_people) / sizeof(demo_people[0]);

const struct demo_person *demo_person_by_email(const char *email)
{
	for (size_t i = 0; email && i < demo_people_count; i++)
		if (!strcmp(demo_people[i].email, email))
			return &demo_people[i];
	return NULL;
}

int demo_weakest_trait(const struct demo_person *p)
{
	int w = 0;
	for (int t = 1; t < DEMO_TRAITS; t++)
		if (p->traits[t] < p->traits[w])
			w = t;
	return w;
}
