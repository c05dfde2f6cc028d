/*
 * assessments (demo): four half-yearly assessment rounds for every demo team
 * (issue 8), read from the cast's hidden talent profile (people.c), so the
 * profile, the weakest-trait rule and growth between rounds have something
 * real to show:
 *   - the manager's scores are the profile; reps who develop from within
 *     (self_learner) scored lower on some traits in the older rounds, so
 *     their growth shows; the superstars are strong (4 or 5) on all five;
 *   - Magnus Haugen has strong numbers and one weak trait: "sometimes
 *     oversells" is a 2 on customer orientation;
 *   - self scores: underperformers rate themselves a point higher, the
 *     superstars one point lower on one trait, the others sometimes higher;
 *   - the three older rounds are closed with every form submitted; the
 *     newest is open, half the self-assessments and two thirds of the
 *     manager's forms still to do (the first rep of the cast, whose login
 *     the demo prints first, has hers due); a few peers were invited;
 *   - evidence is short and in the team's language (Dutch or Norwegian),
 *     like the other demo texts.
 * Everything goes through the store, inside demo_create's transaction.
 */
#include "demo.h"
#include "../store/assessments.h"
#include "../store/traits.h"
#include "../lib/util.h"
#include <stdio.h>
#include <string.h>

#define ROUNDS 4

/* evidence per trait (enum demo_trait) and level: weak (1-2), middling (3), strong (4-5) */
static const char *const evidence_nl[DEMO_TRAITS][3] = {
	{ "Wist in het gesprek niet hoe ver de pipeline van het target af zat.",
	  "Kent het target, maar plant van week tot week.",
	  "Kent de eigen cijfers op elk moment en stelde zelf een doel boven het target." },
	{ "Legde de schuld van twee verloren deals bij de prijs en bij de binnendienst.",
	  "Komt de meeste afspraken na; fouten worden pas op vraag besproken.",
	  "Kwam elke afspraak na; benoemde bij een verloren deal eerst het eigen aandeel." },
	{ "Sloeg de training over en blijft dezelfde aanpak herhalen.",
	  "Volgde de verplichte training en probeerde er één ding uit.",
	  "Vroeg na drie gesprekken om feedback en paste een nieuwe opening toe." },
	{ "Wacht op leads van de manager; weinig eigen initiatief dit halfjaar.",
	  "Houdt het tempo vast, maar zakt weg na een verloren deal.",
	  "Pakte na een reeks afwijzingen meteen de telefoon weer op en zocht nieuwe prospects." },
	{ "Drong twee keer aan op de close voordat de behoefte helder was; de klant haakte af.",
	  "Luistert goed, maar begint soms te vroeg over het product.",
	  "Klanten bellen zelf terug; vatte de behoefte samen voordat er een voorstel kwam." },
};

static const char *const evidence_nb[DEMO_TRAITS][3] = {
	{ "Visste ikke hvor langt pipelinen var fra målet da vi snakket om det.",
	  "Kjenner målet, men planlegger fra uke til uke.",
	  "Kjenner tallene sine til enhver tid og satte selv et mål over budsjettet." },
	{ "La skylden for to tapte avtaler på prisen og på innesalg.",
	  "Holder de fleste avtaler; feil tas opp bare når noen spør.",
	  "Holdt hver avtale; sa først hva som var egen del da en avtale gikk tapt." },
	{ "Hoppet over opplæringen og gjentar samme tilnærming.",
	  "Tok den obligatoriske opplæringen og prøvde ut én ting.",
	  "Ba om tilbakemelding etter tre møter og prøvde en ny åpning." },
	{ "Venter på leads fra lederen; lite eget initiativ dette halvåret.",
	  "Holder tempoet, men faller litt etter en tapt avtale.",
	  "Tok telefonen igjen rett etter en rekke avslag og fant nye prospekter." },
	{ "Presset på for å lukke to ganger før behovet var klart; kunden trakk seg.",
	  "Lytter godt, men snakker noen ganger for tidlig om produktet.",
	  "Kundene ringer selv tilbake; oppsummerte behovet før tilbudet kom." },
};

static const char *evidence(const struct demo_person *p, int trait, int score)
{
	int level = score <= 2 ? 0 : score == 3 ? 1 : 2;
	return !strcmp(p->locale, "nb") ? evidence_nb[trait][level] : evidence_nl[trait][level];
}

/* the manager's score of trait in round k (0 oldest .. ROUNDS-1 newest) */
static int manager_score(const struct demo_person *p, size_t idx, int trait, int k)
{
	int t = p->traits[trait];
	if (!strcmp(p->email, "magnus.haugen@" DEMO_DOMAIN) && trait == DEMO_CUSTOMER_ORIENTED)
		t = 2;	/* strong numbers, one weak trait */
	if (p->tier == DEMO_SUPERSTAR || !p->self_learner || (trait + (int)idx) % 2)
		return t;
	/* growth: two points lower two rounds ago... none now */
	int drop = (ROUNDS - k) / 2;
	return t - drop < 1 ? 1 : t - drop;
}

static int self_score(const struct demo_person *p, size_t idx, int trait, int k, int mgr)
{
	int s = mgr;
	if (p->tier == DEMO_UNDERPERFORMER)
		s = mgr + 1;
	else if (p->tier == DEMO_SUPERSTAR && trait == (int)(idx % DEMO_TRAITS))
		s = mgr - 1;
	else if (p->tier == DEMO_CORE && trait == (int)((idx + (size_t)k) % DEMO_TRAITS))
		s = mgr + 1;
	return s < 1 ? 1 : s > 5 ? 5 : s;
}

/* "YYYY-MM-DD" months before today (the day capped at 28) */
#define DATE_BUF 32

static void months_before(const char *today, int months, char out[DATE_BUF])
{
	unsigned y = 0, m = 1, d = 1;
	sscanf(today, "%u-%u-%u", &y, &m, &d);
	unsigned total = y * 12 + (m - 1) - (unsigned)months;
	snprintf(out, DATE_BUF, "%04u-%02u-%02u", (total / 12) % 10000, total % 12 + 1, d > 28 ? 28 : d % 32);
}

static int person_of(const int64_t *user_ids, int64_t id)
{
	for (size_t i = 0; i < demo_people_count; i++)
		if (user_ids[i] == id)
			return (int)i;
	return -1;
}

/* scores of a form: every active trait as a whole */
static enum err rate(struct db_conn *c, int64_t org_id, const struct trait_list *tl, const struct assessment *f,
		     const struct demo_person *p, size_t idx, int k, int submit)
{
	struct assessment_score sc[DEMO_TRAITS];
	size_t n = 0;
	for (size_t i = 0; i < tl->n && n < DEMO_TRAITS; i++) {
		/* the seeded traits, in the order of enum demo_trait */
		static const char *const codes[DEMO_TRAITS] = { "goal", "accountable", "learning", "motivated", "customer" };
		int trait = -1;
		for (int t = 0; t < DEMO_TRAITS; t++)
			if (!strcmp(tl->items[i].code, codes[t]))
				trait = t;
		if (trait < 0)
			continue;
		int m = manager_score(p, idx, trait, k);
		int s = !strcmp(f->rater_kind, "self") ? self_score(p, idx, trait, k, m)
			: !strcmp(f->rater_kind, "peer") ? (m < 5 && trait % 2 ? m + 1 : m) : m;
		sc[n++] = (struct assessment_score){ tl->items[i].id, 0, s, evidence(p, trait, s), 0 };
	}
	enum err e = assessment_scores_save(c, org_id, f->id, sc, n);
	return e || !submit ? e : assessment_submit(c, org_id, f->id);
}

enum err demo_assessments(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
			  const int64_t *team_ids)
{
	char today[11];
	today_date(today);
	struct trait_list tl;
	enum err e = trait_list(c, a, org_id, LANG_EN, TRAITS_ACTIVE, &tl);
	if (e)
		return e;
	for (size_t t = 0; t < demo_teams_count; t++) {
		const struct demo_person *mgr = demo_person_by_email(demo_teams[t].manager_email);
		int64_t mgr_id = mgr ? user_ids[mgr - demo_people] : 0;
		for (int k = 0; k < ROUNDS; k++) {
			char opened[DATE_BUF], due[DATE_BUF], name[DATE_BUF];
			/* every six months, the newest opened this month and due in the next */
			months_before(today, 6 * (ROUNDS - 1 - k), opened);
			if (k == ROUNDS - 1) {
				unsigned y = 0, m = 1;
				sscanf(today, "%u-%u", &y, &m);
				snprintf(opened, sizeof(opened), "%04u-%02u-01", y % 10000, m % 13);
			}
			months_before(opened, -1, due);
			unsigned y = 0, mo = 1;
			sscanf(opened, "%u-%u", &y, &mo);
			snprintf(name, sizeof(name), "%04u H%d", y % 10000, mo <= 6 ? 1 : 2);
			struct new_round nr = { .name = name, .opened_on = opened, .due_on = due, .team_id = team_ids[t],
						.opened_by = mgr_id };
			int64_t rid = 0;
			if ((e = round_create(c, org_id, &nr, &rid)))
				return e;
			int newest = k == ROUNDS - 1;
			/* a peer or two in the round before the newest */
			if (k == ROUNDS - 2) {
				int first = -1, second = -1;
				for (size_t i = 0; i < demo_people_count && second < 0; i++)
					if (demo_people[i].team && !strcmp(demo_people[i].team, demo_teams[t].name) &&
					    !strcmp(demo_people[i].role, "rep")) {
						if (first < 0)
							first = (int)i;
						else
							second = (int)i;
					}
				if (first >= 0 && second >= 0 &&
				    (e = assessment_invite_peer(c, org_id, rid, user_ids[second], user_ids[first], mgr_id, NULL)))
					return e;
			}
			struct assessment_list forms;
			if ((e = assessment_list(c, a, org_id, rid, 0, 0, &forms)))
				return e;
			for (size_t f = 0; f < forms.n; f++) {
				int idx = person_of(user_ids, forms.items[f].rep_id);
				if (idx < 0)
					continue;
				const struct demo_person *p = &demo_people[idx];
				int self = !strcmp(forms.items[f].rater_kind, "self");
				int submit = !newest || (self ? idx % 2 == 1 : idx % 3 != 0);
				/* the newest round's forms still to do stay empty drafts */
				if (newest && !submit)
					continue;
				if ((e = rate(c, org_id, &tl, &forms.items[f], p, (size_t)idx, k, submit)))
					return e;
			}
			if (!newest && (e = round_close(c, org_id, rid)))
				return e;
		}
	}
	return E_OK;
}
