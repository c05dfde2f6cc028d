/*
 * demo library: the demo organisation's library (issue 9, part 3), written
 * through the store like everything the demo makes. About thirty invented
 * titles — books on questioning, closing, resilience, planning and
 * listening with one to three copies, articles and videos that are links on
 * example.com, a few courses — each linked to one or two of the five
 * traits. A year of loans: the reps who develop from within borrow every
 * month or two, the others once; each loan is returned with a one-line
 * takeaway and a rating, which store/library.c turns into a learning
 * activity through learning_add. Then today's state: a few open loans (one
 * overdue), a popular book out with two colleagues waiting for it, and a
 * couple of articles a manager suggested.
 */
#include "demo.h"
#include "../store/library.h"
#include "../store/traits.h"
#include "../domain/period.h"
#include "../lib/util.h"
#include <string.h>

struct demo_title {
	const char *kind, *title, *author, *url;
	int copies, minutes;
	int t1, t2;		/* enum demo_trait; -1: none */
	const char *summary;
};

#define G DEMO_GOAL_ORIENTED
#define A DEMO_ACCOUNTABLE
#define L DEMO_EAGER_TO_LEARN
#define M DEMO_MOTIVATED
#define C DEMO_CUSTOMER_ORIENTED

static const struct demo_title titles[] = {
	{ "book", "The Second Question", "Marieke van Dijk", "", 1, 300, C, L,
	  "Why the question after the first answer is where the sale starts." },
	{ "book", "Closing Without Pressure", "Tom Aarsen", "", 2, 270, G, C,
	  "Asking for the next step as a service to the buyer, not a trick." },
	{ "book", "The Resilient Seller", "Ingrid Haugen", "", 2, 240, M, -1,
	  "Lost deals, long droughts and how top sellers keep their nerve." },
	{ "book", "Plan the Week, Win the Month", "Joost Verbeek", "", 3, 210, A, G,
	  "A Friday hour that decides the month: the weekly plan in practice." },
	{ "book", "Listening Between the Lines", "Sara Lind", "", 2, 260, C, -1,
	  "What customers say when they do not say it, and how to hear it." },
	{ "book", "Numbers You Own", "Pieter de Graaf", "", 1, 220, A, -1,
	  "Knowing your own pipeline figures before your manager asks." },
	{ "book", "Why Buyers Stall", "Eline Brouwer", "", 2, 280, C, G,
	  "The seven reasons a deal goes quiet, and the conversation for each." },
	{ "book", "The Follow-up Habit", "Kari Nordby", "", 1, 180, A, M,
	  "Every promise to a customer written down and kept." },
	{ "book", "Curious by Default", "Femke Jansen", "", 2, 230, L, -1,
	  "Treating every call as something to learn from." },
	{ "book", "Goals That Pull", "Lars Eide", "", 1, 200, G, M,
	  "Setting your own targets above the company's, and why it works." },
	{ "book", "Het tweede gesprek", "Ruud Hendriks", "", 2, 250, C, L,
	  "Over het gesprek na de eerste afspraak: waar klanten echt beslissen." },
	{ "book", "Salg med ryggrad", "Nina Solberg", "", 1, 240, M, A,
	  "Om å stå for prisen sin og tåle et nei." },
	{ "book", "The Objection Map", "Daan Kuipers", "", 2, 260, C, G,
	  "Price, timing, authority, need: a map of objections and answers." },
	{ "book", "Small Wins Every Friday", "Hanne Berg", "", 1, 190, M, -1,
	  "Keeping yourself going with a weekly look at what went well." },
	{ "book", "Learning on the Road", "Willem Smit", "", 1, 210, L, A,
	  "Turning the hours in the car into a sales education." },
	{ "book", "The Honest Forecast", "Anouk Visser", "", 1, 200, A, G,
	  "Forecasting what will close, not what you hope will." },
	{ "article", "Five questions before every demo", "Marieke van Dijk", "https://example.com/library/five-questions", 0,
	  15, C, L, "" },
	{ "article", "How to ask for the next step", "Tom Aarsen", "https://example.com/library/next-step", 0, 10, G, C,
	  "" },
	{ "article", "Bouncing back after a lost deal", "Ingrid Haugen", "https://example.com/library/bounce-back", 0, 12, M,
	  -1, "" },
	{ "article", "The one-page account plan", "Joost Verbeek", "https://example.com/library/account-plan", 0, 15, A, G,
	  "" },
	{ "article", "Silence is a sales tool", "Sara Lind", "https://example.com/library/silence", 0, 8, C, -1, "" },
	{ "article", "Write your own targets", "Lars Eide", "https://example.com/library/own-targets", 0, 10, G, M, "" },
	{ "article", "Hvordan lytte bedre i kundemøter", "Nina Solberg", "https://example.com/library/lytte", 0, 12, C, -1,
	  "" },
	{ "video", "Role play: the price objection", "Daan Kuipers", "https://example.com/library/video-price", 0, 25, C,
	  G, "" },
	{ "video", "The ten-minute weekly review", "Joost Verbeek", "https://example.com/library/video-review", 0, 10, A,
	  -1, "" },
	{ "video", "Discovery calls, annotated", "Femke Jansen", "https://example.com/library/video-discovery", 0, 40, L,
	  C, "" },
	{ "video", "From no to not yet", "Hanne Berg", "https://example.com/library/video-not-yet", 0, 20, M, -1, "" },
	{ "course", "Consultative Selling in Six Weeks", "Fjordpolder Academy", "https://example.com/library/course-consult",
	  0, 720, C, L, "Six evening sessions with homework on real accounts." },
	{ "course", "Negotiation Fundamentals", "Fjordpolder Academy", "https://example.com/library/course-negotiation", 0,
	  480, G, C, "" },
	{ "course", "Time Management for Field Sales", "Fjordpolder Academy", "https://example.com/library/course-time",
	  0, 360, A, -1, "" },
};
#define NTITLES (sizeof(titles) / sizeof(titles[0]))
/* the popular book with a waiting list */
#define POPULAR 0

static const char *const takeaways_nl[] = {
	"Na het eerste antwoord altijd nog één vraag stellen.",
	"Aan het eind van elk gesprek om een concrete volgende stap vragen.",
	"Vrijdag een uur plannen voor de week erna.",
	"Een verloren deal eerst een dag laten rusten, dan evalueren.",
	"Stiltes laten vallen in plaats van ze op te vullen.",
	"Elke belofte aan de klant meteen in mijn agenda zetten.",
	"Bij een prijsbezwaar eerst vragen waarmee ze vergelijken.",
	"Mijn eigen doel per kwartaal hoger zetten dan het target.",
};
static const char *const takeaways_nb[] = {
	"Still alltid ett spørsmål til etter det første svaret.",
	"Be om et konkret neste steg før møtet slutter.",
	"Planlegg neste uke på fredag.",
	"La et tapt salg hvile en dag før jeg evaluerer.",
	"Tål stillheten i stedet for å fylle den.",
	"Skriv ned hvert løfte til kunden med en gang.",
};
static const char *const takeaways_en[] = {
	"Ask one more question after the first answer.",
	"End every call with a concrete next step.",
	"Plan next week every Friday afternoon.",
	"Let a lost deal rest a day before reviewing it.",
};

static const char *takeaway(const struct demo_person *p, unsigned k)
{
	if (p->locale && !strcmp(p->locale, "nb"))
		return takeaways_nb[k % (sizeof(takeaways_nb) / sizeof(takeaways_nb[0]))];
	if (p->locale && !strcmp(p->locale, "en"))
		return takeaways_en[k % (sizeof(takeaways_en) / sizeof(takeaways_en[0]))];
	return takeaways_nl[k % (sizeof(takeaways_nl) / sizeof(takeaways_nl[0]))];
}

static const char *const trait_codes[DEMO_TRAITS] = { "goal", "accountable", "learning", "motivated", "customer" };

/* lend and return in one go, back in time */
static enum err past_loan(struct db_conn *c, int64_t org_id, int64_t item, int64_t who, const char *lent_on, int days,
			  const char *text, int rating)
{
	char due[11], back[11];
	day_add(lent_on, LIBRARY_LOAN_DAYS, due);
	day_add(lent_on, days, back);
	enum library_lend why;
	int64_t loan = 0;
	enum err e = library_lend(c, org_id, item, who, lent_on, due, &why, &loan);
	if (e == E_CONFLICT)
		return E_OK;	/* the reader has it already: no second copy */
	if (e)
		return e;
	struct library_return in = { back, text, rating, who };
	return library_return_loan(c, org_id, loan, &in, NULL);
}

enum err demo_library(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids)
{
	struct trait_list tl;
	enum err e = trait_list(c, a, org_id, LANG_EN, TRAITS_ACTIVE, &tl);
	if (e)
		return e;
	int64_t trait_ids[DEMO_TRAITS] = { 0 };
	for (size_t i = 0; i < tl.n; i++)
		for (int t = 0; t < DEMO_TRAITS; t++)
			if (!strcmp(tl.items[i].code, trait_codes[t]))
				trait_ids[t] = tl.items[i].id;
	int64_t keeper = 0, manager = 0;
	size_t manager_i = 0;
	for (size_t i = 0; i < demo_people_count; i++) {
		if (!keeper && !strcmp(demo_people[i].role, "admin"))
			keeper = user_ids[i];
		if (!manager && !strcmp(demo_people[i].role, "manager")) {
			manager = user_ids[i];
			manager_i = i;
		}
	}
	if (!keeper)
		keeper = manager;

	int64_t items[NTITLES];
	for (size_t i = 0; i < NTITLES; i++) {
		const struct demo_title *t = &titles[i];
		int64_t tr[2];
		size_t ntr = 0;
		if (t->t1 >= 0 && trait_ids[t->t1])
			tr[ntr++] = trait_ids[t->t1];
		if (t->t2 >= 0 && trait_ids[t->t2])
			tr[ntr++] = trait_ids[t->t2];
		struct library_item_new in = { t->kind, t->title, t->author, t->url, t->summary, t->copies, t->minutes,
					       tr, ntr };
		if ((e = library_item_create(c, org_id, &in, keeper, &items[i])))
			return e;
	}
	/* the books, to lend */
	size_t books[NTITLES], nbooks = 0;
	for (size_t i = 0; i < NTITLES; i++)
		if (titles[i].copies)
			books[nbooks++] = i;

	char today[11];
	today_date(today);
	/* a year of loans, returned with a takeaway and a rating */
	unsigned k = 0;
	size_t reps[64], nreps = 0;
	for (size_t i = 0; i < demo_people_count && nreps < 64; i++)
		if (!strcmp(demo_people[i].role, "rep"))
			reps[nreps++] = i;
	for (size_t r = 0; r < nreps; r++) {
		const struct demo_person *p = &demo_people[reps[r]];
		/* the lesser gods (self_learner 0): every other one borrowed one
		 * book in the year, the others none — they only attend the
		 * mandatory training (the learning log's demo, issue 9) */
		int n = p->self_learner ? 6 : r % 2 ? 0 : 1;
		for (int j = 0; j < n; j++, k++) {
			size_t b = books[(r * 5 + (size_t)j * 3 + 1) % nbooks];
			char lent[11];
			long back_days = 350 - (long)j * (320 / n) - (long)(r % 7) * 3;
			day_add(today, -back_days, lent);
			int days = 9 + (int)((r + (size_t)j) % 12);
			int rating = p->self_learner ? 4 + (int)((r + (size_t)j) % 2) : 3;
			if ((e = past_loan(c, org_id, items[b], user_ids[reps[r]], lent, days, takeaway(p, k), rating)))
				return e;
		}
	}

	/* today: a few open loans, one overdue */
	char lent[11], due[11];
	enum library_lend why;
	size_t open_books[] = { 2, 3, 4, 6 };
	for (size_t j = 0; j < sizeof(open_books) / sizeof(open_books[0]) && j + 1 < nreps; j++) {
		day_add(today, j == 0 ? -30 : -4 - (long)j * 3, lent);
		day_add(lent, LIBRARY_LOAN_DAYS, due);
		e = library_lend(c, org_id, items[open_books[j]], user_ids[reps[j + 1]], lent, due, &why, NULL);
		if (e && e != E_CONFLICT)
			return e;
	}
	/* the popular book: out, and two colleagues waiting */
	if (nreps >= 4) {
		day_add(today, -8, lent);
		day_add(lent, LIBRARY_LOAN_DAYS, due);
		e = library_lend(c, org_id, items[POPULAR], user_ids[reps[nreps - 1]], lent, due, &why, NULL);
		if (e && e != E_CONFLICT)
			return e;
		for (size_t j = 0; j < 2; j++)
			if ((e = library_wait_join(c, org_id, items[POPULAR], user_ids[reps[j + 2]])) && e != E_CONFLICT)
				return e;
	}
	/* a manager hands out an article by suggesting it to the reps of their team */
	if (manager) {
		const char *team = demo_people[manager_i].team;
		struct library_item it;
		for (size_t r = 0, done = 0; r < nreps && done < 2; r++) {
			if (!team || !demo_people[reps[r]].team || strcmp(demo_people[reps[r]].team, team))
				continue;
			if ((e = library_item_get(c, a, LANG_EN, org_id, items[17 + done], &it)) ||
			    (e = library_suggest(c, org_id, &it, user_ids[reps[r]], manager, NULL)))
				return e;
			done++;
		}
	}
	return E_OK;
}
