/*
 * demo kudos: kudos across every demo team over the last eight weeks, in
 * the giver's language (reps to team-mates and the manager to their reps,
 * for effort and progress more often than for wins, as the article on
 * achievement orientation asks), a spotlight of the month for every team
 * and of the week for Randstad. Badges and streaks need no demo data of
 * their own: they are computed from the steps and library loans the demo
 * has already written. Written through the store like everything the demo
 * makes, in the caller's transaction.
 */
#include "demo.h"
#include "../store/kudos.h"
#include "../domain/kudos.h"
#include "../domain/period.h"
#include "../lib/util.h"
#include <string.h>

#define KUDOS_PER_TEAM 12
#define TEXTS 8

static const char *const kinds[] = { "effort", "progress", "effort", "improvement", "win", "progress" };

static const char *const texts_nl[TEXTS] = {
	"Drie keer teruggebeld tot de inkoper eindelijk een datum gaf. Dat is doorzetten.",
	"Je discovery-vragen bij Van Dijk Logistiek waren scherp: de klant vertelde zelf waar het pijn doet.",
	"Elke volgende stap deze week nagekomen, ook toen het druk was.",
	"Je hebt je pitch na de training helemaal omgebouwd en het werkt: korter en duidelijker.",
	"Deal bij Brouwer Installatietechniek binnen, na een half jaar geduld. Gefeliciteerd!",
	"Bedankt dat je je script met het hele team deelde.",
	"Je CRM is eindelijk bij: geen enkele deal meer zonder volgende stap.",
	"Goed gedaan om 'nee' te accepteren bij Hoogeveen en je tijd aan betere deals te geven.",
};
static const char *const texts_nb[TEXTS] = {
	"Du ringte tilbake tre ganger til innkjøperen ga oss en dato. Det er utholdenhet.",
	"Gode spørsmål i møtet med Nordvik Bygg: kunden fortalte selv hvor skoen trykker.",
	"Alle neste steg holdt denne uka, selv med full kalender.",
	"Du har bygget om presentasjonen etter kurset, og den virker: kortere og klarere.",
	"Avtalen med Fjellheim Eiendom er i boks etter et halvt år. Gratulerer!",
	"Takk for at du delte manuset ditt med hele teamet.",
	"CRM-en er oppdatert: ingen avtaler uten neste steg lenger.",
	"Godt gjort å ta et nei fra Solberg Transport og bruke tiden på bedre avtaler.",
};
static const char *const texts_en[TEXTS] = {
	"Called the buyer back three times until we got a date. That is persistence.",
	"Sharp discovery questions at Nordvik Bygg: the customer named the pain point themself.",
	"Every next step kept this week, even with a full calendar.",
	"You rebuilt your pitch after the training and it works: shorter and clearer.",
	"The Fjellheim Eiendom deal is signed after six months of patience. Congratulations!",
	"Thanks for sharing your call script with the whole team.",
	"Your pipeline is up to date: not one deal without a next step.",
	"Well done taking a no from Solberg Transport and spending the time on better deals.",
};

static const char *text_for(const char *locale, size_t i)
{
	const char *const *pool = !strcmp(locale, "nb") ? texts_nb : !strcmp(locale, "nl") ? texts_nl : texts_en;
	return pool[i % TEXTS];
}

static const char *const citations[] = {
	"Sophie hield deze maand elke afgesproken stap en deelde haar aanpak op de salesmeeting: zo ziet "
	"volharding eruit.",
	"Voor de grootste verbetering van het kwartaal: van een commitment rate onder de helft naar bijna "
	"driekwart, door in elk gesprek om een datum te vragen.",
	"For turning a stalled pipeline around: every open deal has a dated next step again, and two of them "
	"closed this month.",
};

enum err demo_kudos(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
		    const int64_t *team_ids)
{
	(void)a;
	char today[11], week[11], month[11];
	today_date(today);
	spotlight_period_start("week", today, week);
	spotlight_period_start("month", today, month);
	size_t n_text = 0;
	for (size_t t = 0; t < demo_teams_count; t++) {
		size_t reps[32], nreps = 0, mgr = 0;
		for (size_t i = 0; i < demo_people_count; i++) {
			const struct demo_person *p = &demo_people[i];
			if (!p->team || strcmp(p->team, demo_teams[t].name))
				continue;
			if (!strcmp(p->role, "rep") && nreps < 32)
				reps[nreps++] = i;
			else if (!strcmp(p->email, demo_teams[t].manager_email))
				mgr = i;
		}
		if (nreps < 2)
			continue;
		for (size_t k = 0; k < KUDOS_PER_TEAM; k++) {
			/* every third from the manager, the others rep to team-mate */
			size_t to = reps[(k * 3 + 1) % nreps];
			size_t from = k % 3 == 2 ? mgr : reps[(k * 5) % nreps];
			if (from == to)
				from = reps[(k * 5 + 1) % nreps];
			char on[11];
			day_add(today, -(long)(k * 5 + t), on);
			enum err e = kudos_add(c, org_id, user_ids[from], user_ids[to], team_ids[t], kinds[k % 6],
					       text_for(demo_people[from].locale, n_text++), on, NULL);
			if (e)
				return e;
		}
		enum err e = spotlight_set(c, org_id, team_ids[t], "month", month, user_ids[reps[0]],
					   citations[t % (sizeof(citations) / sizeof(citations[0]))], user_ids[mgr]);
		if (e)
			return e;
		if (t == 0 && (e = spotlight_set(c, org_id, team_ids[t], "week", week, user_ids[reps[1 % nreps]],
						 "Deze week: de meeste gesprekken met een gedateerde volgende stap van het hele "
						 "team, en geen enkele gemist.", user_ids[mgr])))
			return e;
	}
	return E_OK;
}
