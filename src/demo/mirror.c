/*
 * demo mirror: the manager's own mirror (issue 10) for Maarten Visser
 * (Randstad): three self-assessments over the last year in his own words,
 * growing in coaching and in handling underperformance; a closed upward
 * round of about five months ago with four answers (results shown) and an
 * open one of ten days ago with two ("2 of 3 answers needed"). Answers go
 * through the store like a rep's, so they are stored without their authors.
 * In the caller's transaction.
 */
#include "demo.h"
#include "../store/mirror.h"
#include "../domain/period.h"
#include "../lib/util.h"
#include <string.h>

struct self {
	int days_ago;
	int score[MIRROR_SKILLS];
	const char *evidence[MIRROR_SKILLS];
};

static const struct self selfs[] = {
	{ 340, { 2, 2, 1, 3, 3 },
	  { "Ik werf pas als er iemand vertrekt; de vacature voor Utrecht staat al drie maanden open.",
	    "Eén-op-ééns schieten er vaak bij in als het druk is.",
	    "Kevin loopt al twee kwartalen achter en ik heb het gesprek nog niet gevoerd.",
	    "Ik merk dat ik 'de markt is lastig' te snel accepteer.",
	    "We delen de cijfers maandelijks in het salesoverleg." } },
	{ 170, { 3, 3, 3, 3, 4 },
	  { "Twee kandidaten via LinkedIn gesproken zonder openstaande vacature.",
	    "Elke twee weken een één-op-één met iedereen, bijna altijd gehaald.",
	    "Met Kevin een verbeterplan gemaakt na een eerlijk gesprek over het waarom.",
	    "In het overleg vraag ik nu door: wat had jij anders kunnen doen?",
	    "Wekelijkse ranglijst op commitment rate, niet alleen omzet." } },
	{ 12, { 3, 4, 4, 4, 4 },
	  { "Een talentpool van vijf mensen die ik elk kwartaal spreek.",
	    "Meerijden met Daniël en Priya, met een observatie na elk bezoek.",
	    "Kevin: besluit genomen op de afgesproken datum, geen verlenging zonder reden.",
	    "Excuses over prijs bespreek ik met cijfers van collega's in hetzelfde gebied.",
	    "Spotlight elke maand, en een wedstrijd op meest verbeterd." } },
};

/* four answers to the closed round, two to the open one */
static const int closed_answers[4][MIRROR_SKILLS] = {
	{ 3, 4, 3, 4, 4 }, { 2, 4, 3, 3, 5 }, { 3, 3, 2, 4, 4 }, { 3, 5, 3, 3, 4 },
};
static const char *const closed_comments[4] = {
	"De één-op-ééns helpen me echt, vooral de voorbereiding.", "",
	"Soms mag je sneller ingrijpen als iemand achterloopt.", "",
};
static const int open_answers[2][MIRROR_SKILLS] = { { 4, 4, 4, 4, 5 }, { 3, 5, 4, 4, 4 } };

enum err demo_mirror(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids)
{
	(void)a;
	int m = -1;
	int64_t reps[8];
	size_t nreps = 0;
	for (size_t i = 0; i < demo_people_count; i++) {
		if (!strcmp(demo_people[i].email, "maarten.visser@" DEMO_DOMAIN))
			m = (int)i;
		else if (!strcmp(demo_people[i].role, "rep") && demo_people[i].team &&
			 !strcmp(demo_people[i].team, "Randstad") && nreps < 8)
			reps[nreps++] = user_ids[i];
	}
	if (m < 0 || nreps < 6)
		return E_OK;
	int64_t mgr = user_ids[m];
	char today[11], day[11], day2[11];
	today_date(today);
	enum err e;
	for (size_t i = 0; i < sizeof(selfs) / sizeof(selfs[0]); i++) {
		day_add(today, -selfs[i].days_ago, day);
		if ((e = mirror_assessment_add(c, org_id, mgr, day, selfs[i].score, selfs[i].evidence, NULL)))
			return e;
	}
	int64_t closed, open;
	day_add(today, -160, day);
	day_add(today, -146, day2);
	if ((e = mirror_round_open(c, org_id, mgr, day, &closed)))
		return e;
	for (int i = 0; i < 4; i++)
		if ((e = mirror_answer(c, org_id, closed, reps[i], closed_answers[i], closed_comments[i])))
			return e;
	if ((e = mirror_round_close(c, org_id, mgr, closed, day2)))
		return e;
	day_add(today, -10, day);
	if ((e = mirror_round_open(c, org_id, mgr, day, &open)))
		return e;
	for (int i = 0; i < 2; i++)
		if ((e = mirror_answer(c, org_id, open, reps[4 + i], open_answers[i], "")))
			return e;
	return E_OK;
}
