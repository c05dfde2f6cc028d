/*
 * demo meetings: the case library and a year of sales meetings for the demo
 * teams (issue 9), written through the store like everything the demo
 * makes. Fifteen cases a Dutch-Norwegian office-supplies seller meets —
 * the price objection, "send me something in writing", the buyer who goes
 * silent, a competitor's cheaper quote — spread over the five traits. Every
 * team meets every two weeks, for the past year and the month ahead: each
 * meeting has a case from the library, picked in rotation (the least
 * recently used first), sometimes a piece of theory too, a rep who presents
 * it, and attendance — most reps present, now and then one absent — that
 * writes each present rep's mandatory learning activity. Exactly one held
 * meeting (Randstad's, in the spring) had neither case nor theory: the list
 * flags it. The next meeting of the second team has no case yet, so its
 * manager's home page says to prepare one.
 */
#include "demo.h"
#include "../store/meetings.h"
#include "../store/traits.h"
#include "../domain/meetings.h"
#include "../domain/period.h"
#include "../lib/util.h"
#include <string.h>

static const struct {
	int trait;		/* enum demo_trait */
	const char *title, *situation, *challenge, *good;
} cases[] = {
	{ DEMO_CUSTOMER_ORIENTED, "Prijsbezwaar na een goede demo",
	  "De inkoper van een accountantskantoor was enthousiast over de demo van de nieuwe werkplekken.",
	  "\"Mooi, maar jullie zijn twintig procent duurder dan wat we nu hebben.\"",
	  "Niet meteen korting geven. Vragen waarmee de prijs wordt vergeleken, de kosten van de huidige situatie samen "
	  "uitrekenen en de waarde per werkplek per maand laten zien." },
	{ DEMO_GOAL_ORIENTED, "\"Stuur me maar wat op papier\"",
	  "Aan het eind van een eerste telefoongesprek wil de facilitair manager ophangen.",
	  "\"Stuur me maar wat informatie, dan kijk ik ernaar.\"",
	  "Vragen wat de informatie moet beantwoorden, en een vervolgafspraak in de agenda zetten om het samen door te "
	  "nemen: geen brochure zonder volgende stap." },
	{ DEMO_ACCOUNTABLE, "De inkoper die stil valt",
	  "Na een offerte en twee gesprekken reageert de inkoper al drie weken niet meer op mails.",
	  "Geen antwoord, geen nee: de deal staat stil in de pijplijn.",
	  "Eén keer bellen met een concrete vraag, daarna een eerlijke afsluitende mail (\"zal ik het dossier sluiten?\"). "
	  "De deal op een stop zetten als er niets komt, in plaats van hem maanden mee te slepen." },
	{ DEMO_CUSTOMER_ORIENTED, "Een goedkopere offerte van de concurrent",
	  "Een vaste klant laat een offerte van een webwinkel zien die 15% lager ligt.",
	  "\"Zij leveren hetzelfde bureau voor minder. Waarom zou ik bij jullie blijven?\"",
	  "Uitzoeken of het echt hetzelfde is (levering, montage, garantie, service) en wat de klant belangrijk vindt; "
	  "alleen op prijs inleveren als er iets tegenover staat." },
	{ DEMO_GOAL_ORIENTED, "Het budget is bevroren",
	  "Midden in het traject meldt de contactpersoon dat alle investeringen tot het nieuwe jaar zijn stopgezet.",
	  "\"We moeten wachten tot januari, er is nu geen budget.\"",
	  "Vragen wie het budget bevroren heeft en wat er in januari anders is; een datum afspreken en de deal niet als "
	  "gewonnen blijven tellen." },
	{ DEMO_MOTIVATED, "De derde afwijzing op een dag",
	  "Een vertegenwoordiger heeft 's ochtends twee klanten verloren en moet 's middags nog een lastig gesprek voeren.",
	  "De moed zakt in de schoenen; het gesprek wordt uitgesteld.",
	  "Het gesprek toch voeren, goed voorbereid. Na afloop samen kijken wat er te leren viel van de twee nee's, "
	  "in plaats van ze weg te stoppen." },
	{ DEMO_EAGER_TO_LEARN, "Een nieuwe productlijn die je nog niet kent",
	  "Een klant vraagt naar de nieuwe akoestische panelen die pas deze maand in het assortiment zitten.",
	  "\"Wat is het verschil met de panelen die we vorig jaar kochten?\"",
	  "Eerlijk zeggen wat je nog niet weet, het uitzoeken en binnen een dag terugkomen met het antwoord — en de week "
	  "erna de productdag bijwonen." },
	{ DEMO_ACCOUNTABLE, "De levering is te laat",
	  "De bureaustoelen voor een nieuw kantoor komen twee weken later dan beloofd.",
	  "\"Jullie hadden het beloofd. Wij zitten maandag met veertig mensen op klapstoelen.\"",
	  "Niet de schuld bij de leverancier leggen. De fout erkennen, een tijdelijke oplossing regelen en elke dag laten "
	  "weten hoe het staat." },
	{ DEMO_CUSTOMER_ORIENTED, "Een nieuwe beslisser",
	  "De vaste contactpersoon bij een gemeente is vertrokken; haar opvolger kent Fjordpolder niet.",
	  "\"Ik ga alles opnieuw aanbesteden, ik wil eerst zelf de markt zien.\"",
	  "Een kennismaking vragen om te horen wat de nieuwe beslisser wil bereiken, en niet alleen de geschiedenis van "
	  "de samenwerking vertellen." },
	{ DEMO_GOAL_ORIENTED, "\"Bel me over een half jaar\"",
	  "Een middelgroot bedrijf heeft interesse in een nieuwe inrichting maar wil nu niets beslissen.",
	  "\"Het is nu niet het goede moment. Bel me over een half jaar maar.\"",
	  "Vragen wat er over een half jaar anders is en wat het kost om te wachten; een concrete stap afspreken, of "
	  "een stop met reden vastleggen." },
	{ DEMO_EAGER_TO_LEARN, "Een klant die meer weet dan jij",
	  "De facilitair manager van een ingenieursbureau heeft zich grondig verdiept in ergonomie.",
	  "Ze stelt vragen over normen en onderzoek waar de vertegenwoordiger het antwoord niet op weet.",
	  "Nieuwsgierig doorvragen en van de klant leren, de vragen opschrijven en met een specialist terugkomen." },
	{ DEMO_MOTIVATED, "Het kwartaal loopt achter",
	  "Drie weken voor het einde van het kwartaal staat een vertegenwoordiger op 60% van het target.",
	  "De verleiding is groot om korting te geven om deals naar voren te halen.",
	  "De pijplijn eerlijk doorlopen: welke deals hebben een echte volgende stap? Daar de tijd in steken, en geen "
	  "korting weggeven die het volgende kwartaal kost." },
	{ DEMO_ACCOUNTABLE, "Een afspraak die je niet nakwam",
	  "Een vertegenwoordiger beloofde een klant vóór vrijdag een aangepaste offerte, en vergat het.",
	  "Maandag belt de klant: \"Waar blijft de offerte?\"",
	  "Geen smoes. Sorry zeggen, dezelfde dag leveren en in het vervolg elke toezegging als stap met datum vastleggen." },
	{ DEMO_CUSTOMER_ORIENTED, "\"We doen alles al via de webwinkel\"",
	  "Een start-up bestelt al het kantoormateriaal zelf online.",
	  "\"We hebben geen vertegenwoordiger nodig, we klikken het zelf wel bij elkaar.\"",
	  "Vragen wat goed gaat en wat niet (tijd, fouten, montage); laten zien wat een vaste partner oplost, zonder de "
	  "webwinkel af te kraken." },
	{ DEMO_EAGER_TO_LEARN, "Feedback na een verloren deal",
	  "Een grote aanbesteding is verloren aan een concurrent.",
	  "De klant wil wel vertellen waarom, maar de vertegenwoordiger durft het niet te vragen.",
	  "Toch bellen en om eerlijke feedback vragen: wat gaf de doorslag? Het antwoord in het team delen." },
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

static const char *const theory[] = {
	"Vraagtechniek: de SPIN-vragen (hoofdstuk 3)",
	"Artikel: waarom topverkopers zichzelf ontwikkelen",
	"Webinar: onderhandelen zonder korting",
	"Hoofdstuk: omgaan met bezwaren",
};

static const char *const trait_codes[DEMO_TRAITS] = { "goal", "accountable", "learning", "motivated", "customer" };

enum err demo_meetings(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
		       const int64_t *team_ids)
{
	char today[11], start[11], until[11];
	today_date(today);
	day_add(today, -364, start);
	day_add(today, 31, until);
	enum err e;
	struct trait_list traits;
	int64_t trait_ids[DEMO_TRAITS] = { 0 };
	if ((e = trait_list(c, a, org_id, LANG_EN, TRAITS_ACTIVE, &traits)))
		return e;
	for (size_t t = 0; t < traits.n; t++)
		for (int k = 0; k < DEMO_TRAITS; k++)
			if (!strcmp(traits.items[t].code, trait_codes[k]))
				trait_ids[k] = traits.items[t].id;
	/* the library, added by the first team's manager */
	int64_t author = 0;
	for (size_t i = 0; i < demo_people_count && !author; i++)
		if (!strcmp(demo_people[i].email, demo_teams[0].manager_email))
			author = user_ids[i];
	int64_t case_ids[NCASES];
	/* when each case was last picked (0: never), across the teams */
	int last_used[NCASES], picks = 0;
	for (size_t k = 0; k < NCASES; k++) {
		if ((e = case_create(c, org_id, cases[k].title, cases[k].situation, cases[k].challenge, cases[k].good,
				     trait_ids[cases[k].trait], author, &case_ids[k])))
			return e;
		last_used[k] = 0;
	}
	int flagged = 0;
	for (size_t t = 0; t < demo_teams_count; t++) {
		int64_t mgr = 0;
		int64_t reps[32];
		size_t nreps = 0;
		for (size_t i = 0; i < demo_people_count; i++) {
			const struct demo_person *p = &demo_people[i];
			if (!strcmp(p->email, demo_teams[t].manager_email))
				mgr = user_ids[i];
			else if (!strcmp(p->role, "rep") && p->team && !strcmp(p->team, demo_teams[t].name) && nreps < 32)
				reps[nreps++] = user_ids[i];
		}
		int upcoming = 0;
		for (int i = 0;; i++) {
			char day[11];
			day_add(start, 14 * i + 2 * (long)t, day);
			if (strcmp(day, until) > 0)
				break;
			int held = strcmp(day, today) < 0;
			int64_t m;
			if ((e = meeting_create(c, org_id, team_ids[t], "Salesoverleg", day, t == 2 ? "08:30" : "09:00",
						t == 1 ? 45 : 60, mgr, &m)))
				return e;
			/* Randstad's meeting of the spring had no case and no theory: flagged */
			int without = held && t == 0 && i == 8 && !flagged;
			/* the second team's next meeting has no case yet: its manager prepares one */
			int unprepared = !held && t == 1 && !upcoming;
			upcoming += !held;
			size_t pick = 0;
			int64_t trait = 0;
			if (!without && !unprepared) {
				/* rotation: never used first, then the least recently used */
				for (size_t k = 1; k < NCASES; k++)
					if (last_used[k] < last_used[pick])
						pick = k;
				int64_t presenter = nreps ? reps[(size_t)i % nreps] : 0;
				if ((e = meeting_item_add(c, org_id, m, "topic", "Pijplijn en cijfers van de week", 0, 0, 0, NULL)) ||
				    (e = meeting_item_add(c, org_id, m, "case", "", case_ids[pick], 0, presenter, NULL)))
					return e;
				if (i % 4 == 1 && (e = meeting_item_add(c, org_id, m, "theory", theory[(size_t)i / 4 % 4], 0, 0,
									 mgr, NULL)))
					return e;
				last_used[pick] = ++picks;
				trait = trait_ids[cases[pick].trait];
				if (!held && (e = meeting_mark_prepared(c, org_id, m)))
					return e;
			} else if ((e = meeting_item_add(c, org_id, m, "topic", "Pijplijn en cijfers van de week", 0, 0, 0,
							 NULL))) {
				return e;
			}
			flagged += without;
			if (!held)
				continue;
			int present[32];
			for (size_t r = 0; r < nreps; r++)
				present[r] = ((size_t)i + r + t) % 7 != 0;
			struct meeting_attendance_in in = {
				.meeting_id = m, .mark_held = 1, .members = reps, .present = present, .n = nreps,
				.kind = meeting_learning_kind(without ? 0 : 1), .title = "Salesmeeting: Salesoverleg",
				.done_on = day, .minutes = t == 1 ? 45 : 60, .trait_id = trait, .created_by = mgr,
			};
			if ((e = meeting_attendance_save(c, org_id, &in)))
				return e;
		}
	}
	return E_OK;
}
