/*
 * pipeline: twelve months of sales history for the demo organisation —
 * accounts with contacts, deals with products and values, and the customer
 * conversations on them that end in a step, a stop or no commitment — so
 * that the "step or stop" pages have a story to tell:
 *
 *   - superstars commit in almost every conversation, stop bad fits in the
 *     first or second conversation, keep their steps on time and win most
 *     of what they keep going;
 *   - core reps commit in about two of three conversations and slip now and
 *     then;
 *   - underperformers log many pleasant conversations without commitment
 *     (with a good gut feeling), let steps slip or lapse, spend hours on
 *     deals they finally lose, and carry deals that are strung along right
 *     now — Esmée Veenstra most of all.
 *
 * Gut feeling is drawn almost independently of the deal's fate (only the
 * superstars read their deals a little better), while deals whose steps
 * were kept win far more often: the figures page then shows what the
 * article says, that commitment predicts winning and gut feeling does not.
 *
 * The year flows: deals start all through it, and those that would end
 * after today are cut there and are today's pipeline, as in a real one —
 * within a budget per rep (3 to 10 open deals; strung-along ones mostly
 * with the underperformers), the rest being written off in these days.
 * A few healthy and strung-along deals are planned as such on top, so that
 * every agenda has steps overdue, due today and this week.
 *
 * Each deal is first planned in memory (its fate, every conversation with
 * its date and outcome, slips and misses), then written through the real
 * store functions — deal_create, conversation_log, step_slip, deal_close —
 * with each event's own date passed as "today", so every rule applies
 * exactly as when a rep logs it. Plans for open deals are checked against
 * deal_health() before they are written, so a deal meant to be strung along
 * is strung along by the rules and a healthy one is not.
 *
 * A fixed-seed PRNG (splitmix64) makes the history the same on every run
 * for the same "today" (today_date(), so SALESGARDEN_TODAY pins it). The
 * won deals' values follow each rep's strength, so that later capabilities
 * (tiers, concentration of revenue) find the skew of the cast in them.
 */
#include "demo.h"
#include "../store/stages.h"
#include "../store/deals.h"
#include "../store/conversations.h"
#include "../store/settings.h"
#include "../domain/commitment.h"
#include "../lib/util.h"
#include "../lib/i18n.h"
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* --- randomness ---------------------------------------------------------- */

static uint64_t rng_state;

static uint64_t rnd64(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* uniform in [0, 1) */
static double rnd01(void)
{
	return (double)(rnd64() >> 11) * (1.0 / 9007199254740992.0);
}

/* uniform integer in [lo, hi] */
static int rnd(int lo, int hi)
{
	return hi <= lo ? lo : lo + (int)(rnd64() % (uint64_t)(hi - lo + 1));
}

static int chance(double p)
{
	return rnd01() < p;
}

/* roughly normal (sum of three uniforms), mean 0 and deviation sd */
static double rnd_normal(double sd)
{
	return (rnd01() + rnd01() + rnd01() - 1.5) * 2.0 * sd;
}

#define PICK(arr) ((arr)[rnd(0, (int)(sizeof(arr) / sizeof((arr)[0])) - 1)])
#define COUNT(arr) ((int)(sizeof(arr) / sizeof((arr)[0])))

/* --- days ---------------------------------------------------------------- */

/* days since 1970-01-01 and back (H. Hinnant's civil calendar algorithms) */
static int day_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void day_str(int z, char out[11])
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int y = yoe + era * 400;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int d = doy - (153 * mp + 2) / 5 + 1;
	int m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	/* this calendar's years have four digits */
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

static int day_parse(const char *s)
{
	int y = 0, m = 0, d = 0;
	sscanf(s, "%d-%d-%d", &y, &m, &d);
	return day_from_civil(y, m, d);
}

/* Monday to Friday; 1970-01-01 was a Thursday */
static int workday(int z)
{
	int wd = ((z % 7) + 7 + 4) % 7;		/* 0 Sunday .. 6 Saturday */
	return wd >= 1 && wd <= 5;
}

static int workday_on_or_after(int z)
{
	while (!workday(z))
		z++;
	return z;
}

static int workday_on_or_before(int z)
{
	while (!workday(z))
		z--;
	return z;
}

/* --- the organisation's products ------------------------------------------ */

static const struct product {
	const char *name;
	double share, size;		/* how often it is sold, relative deal size */
} products[] = {
	{ "Fjordpolder Cloud", 0.45, 1.5 },
	{ "Fjordpolder Connect", 0.25, 1.0 },
	{ "Onboarding & training", 0.15, 0.4 },
	{ "Support Plus", 0.15, 0.5 },
};

static int pick_product(void)
{
	double x = rnd01();
	for (int i = 0; i < COUNT(products); i++) {
		if (x < products[i].share)
			return i;
		x -= products[i].share;
	}
	return 0;
}

/* --- names ----------------------------------------------------------------- */

static const char *const nl_surnames[] = {
	"Van der Berg", "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "De Groot", "Bos", "Vos",
	"Peters", "Hendriks", "Van Dijk", "De Wit", "Dekker", "Van Vliet", "De Graaf", "Koster", "Prins",
	"Kramer", "Schouten", "Vermeulen", "Van den Heuvel", "Verhoeven", "Willems", "Hoogland", "Blom",
};
static const char *const nl_trades[] = {
	"Logistiek", "Installatietechniek", "Transport", "Bouw", "Accountants", "Advocaten", "Makelaardij",
	"Schilderwerken", "Elektrotechniek", "Groothandel", "Metaalbewerking", "Verhuur", "Kozijnen",
	"Hoveniers", "Administratiekantoor",
};
static const char *const nl_shops[] = {
	"Bakkerij", "Drukkerij", "Garage", "Tandartspraktijk", "Fysiotherapie", "Kinderopvang", "Brasserie",
	"Reisbureau", "Boekhandel", "Bloemisterij", "Dierenkliniek", "Autobedrijf",
};
static const char *const nl_shop_names[] = {
	"De Zon", "Het Anker", "De Molen", "De Linde", "De Kroon", "Het Wapen", "De Sluis", "De Hoek",
	"Het Hof", "De Vaart", "De Ster", "De Eendracht", "Het Baken", "De Kade",
};
static const char *const nl_stems[] = {
	"Polder", "Dijk", "Gracht", "Haven", "Molen", "Tulp", "Delta", "Duin", "Rijn", "Lek", "Kade", "Veen",
};
static const char *const nl_tails[] = {
	"kracht", "zicht", "werk", "stad", "licht", "poort", "land", "wijk",
};
static const char *const nl_lines[] = {
	"Vastgoed", "Techniek", "Media", "Adviesgroep", "Zorg", "Food", "Services", "Print",
};

static const char *const nn_regions[] = {
	"Groninger", "Friese", "Drentse", "Noordelijke", "Wadden", "Hanze", "Eemsdelta", "Lauwers", "Hunze",
	"Fivel",
};
static const char *const nn_groups[] = {
	"Zorggroep", "Energie", "Zuivelcoöperatie", "Bouwgroep", "Waterbedrijf", "Havenbedrijf", "Scheepswerf",
	"Onderwijsgroep", "Woonstichting", "Kabelwerken", "Agrarische Groep", "Vervoermaatschappij",
	"Netbeheer", "Ziekenhuisgroep",
};
static const char *const nn_families[] = {
	"Postma", "Terpstra", "Nijboer", "Elzinga", "Schuurman", "Tuinstra", "Feenstra", "Bouma", "Haan",
	"Smeding",
};

static const char *const no_stems[] = {
	"Fjell", "Nord", "Sol", "Fjord", "Skog", "Vik", "Elv", "Havn", "Stein", "Bre", "Dal", "Lyng", "Tind",
	"Strand", "Kyst",
};
static const char *const no_tails[] = {
	"vind", "lys", "heim", "dal", "vik", "stein", "berg", "sund", "li", "tun",
};
static const char *const no_trades[] = {
	"Eiendom", "Transport", "Regnskap", "Bygg", "Elektro", "Rørlegger", "Tannklinikk", "Advokatfirma",
	"Konsult", "Maskin", "Handel", "Logistikk", "Media", "Arkitekter", "Entreprenør",
};
static const char *const no_shops[] = {
	"Bakeriet", "Kafé", "Frisørsalongen", "Blomsterbutikken", "Tannlegene", "Bokhandelen",
};
static const char *const no_surnames[] = {
	"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
	"Karlsen", "Dahl", "Lie", "Moen", "Bakke", "Eriksen", "Aune", "Ruud", "Halvorsen",
};

static const char *const nl_first[] = {
	"Anna", "Jan", "Pieter", "Sanne", "Mark", "Linda", "Eva", "Ruud", "Karin", "Tom", "Marloes", "Erik",
	"Bram", "Joris", "Ilse", "Wouter", "Saskia", "Hans", "Merel", "Rob", "Anouk", "Dennis", "Esther",
	"Martijn", "Nienke",
};
static const char *const nl_last[] = {
	"de Vries", "Jansen", "Bakker", "van Dijk", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters",
	"Hendriks", "van Leeuwen", "Dekker", "de Jong", "Koster", "Prins", "Kramer", "Schouten", "Willems",
	"Postma", "Nijboer", "van der Linden", "Groen",
};
static const char *const no_first[] = {
	"Kari", "Ola", "Lars", "Ane", "Silje", "Martin", "Ida", "Per", "Marte", "Anders", "Camilla", "Kjetil",
	"Tone", "Espen", "Hilde", "Øyvind", "Line", "Trond", "Marit", "Jørgen",
};
static const char *const nl_titles[] = {
	"Directeur", "Eigenaar", "Inkoper", "IT-manager", "Financieel directeur", "Office manager",
	"Operationeel manager", "Directeur-eigenaar",
};
static const char *const no_titles[] = {
	"Daglig leder", "Innkjøpssjef", "IT-sjef", "Økonomisjef", "Kontorsjef", "Driftssjef", "Eier",
};

/* lowercase ASCII letters and digits of s, with the few accented letters
 * of these names folded; at most n-1 bytes */
static void slug(const char *s, char *out, size_t n)
{
	static const struct { const char *utf8, *ascii; } fold[] = {
		{ "ø", "o" }, { "Ø", "o" }, { "å", "a" }, { "Å", "a" }, { "æ", "ae" }, { "é", "e" },
		{ "ö", "o" }, { "ë", "e" },
	};
	size_t j = 0;
	while (*s && j + 2 < n) {
		unsigned char ch = (unsigned char)*s;
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			out[j++] = (char)ch;
			s++;
			continue;
		}
		if (ch >= 'A' && ch <= 'Z') {
			out[j++] = (char)(ch - 'A' + 'a');
			s++;
			continue;
		}
		int done = 0;
		for (int i = 0; i < COUNT(fold) && !done; i++) {
			size_t l = strlen(fold[i].utf8);
			if (!strncmp(s, fold[i].utf8, l)) {
				for (const char *p = fold[i].ascii; *p && j + 1 < n; p++)
					out[j++] = *p;
				s += l;
				done = 1;
			}
		}
		if (!done)
			s++;
	}
	out[j] = '\0';
}

enum market { M_RANDSTAD, M_NOORD, M_OSLO };

/* big: a company, not a shop (the superstars' customers) */
static void account_name(enum market m, int big, char *out, size_t n)
{
	int k = rnd(0, 3);
	switch (m) {
	case M_RANDSTAD:
		switch (big && k == 1 ? 3 : k) {
		case 0: snprintf(out, n, "%s %s", PICK(nl_surnames), PICK(nl_trades)); break;
		case 1: snprintf(out, n, "%s %s", PICK(nl_shops), PICK(nl_shop_names)); break;
		case 2: snprintf(out, n, "%s%s B.V.", PICK(nl_stems), PICK(nl_tails)); break;
		default: snprintf(out, n, "%s%s %s", PICK(nl_stems), PICK(nl_tails), PICK(nl_lines)); break;
		}
		break;
	case M_NOORD:
		switch (k % 3) {
		case 0: snprintf(out, n, "%s %s", PICK(nn_regions), PICK(nn_groups)); break;
		case 1: snprintf(out, n, "%s %s N.V.", PICK(nn_regions), PICK(nn_groups)); break;
		default: snprintf(out, n, "%s Groep", PICK(nn_families)); break;
		}
		break;
	case M_OSLO:
		switch (big && k == 3 ? 1 : k) {
		case 0: snprintf(out, n, "%s%s AS", PICK(no_stems), PICK(no_tails)); break;
		case 1: snprintf(out, n, "%s%s %s AS", PICK(no_stems), PICK(no_tails), PICK(no_trades)); break;
		case 2: snprintf(out, n, "%s %s AS", PICK(no_surnames), PICK(no_trades)); break;
		default: snprintf(out, n, "%s %s%s AS", PICK(no_shops), PICK(no_stems), PICK(no_tails)); break;
		}
		break;
	}
}

/* --- texts of the conversations, in the rep's language --------------------- */

struct texts {
	const char *const *steps[5];	/* next steps proposed in each open stage */
	int nsteps[5];
	const char *kickoff;
	const char *const *step_notes, *const *none_notes;
	const char *const *stop_notes;	/* not a fit, a competitor, no budget */
	int nstep_notes, nnone_notes;
	const char *fizzle_note, *title_fmt[4];
};

static const char *const nl_s0[] = { "Kennismakingsgesprek met de directie", "Behoefteanalyse op locatie",
				     "Terugbelafspraak over budget en planning" };
static const char *const nl_s1[] = { "Demo voor het managementteam", "Demo voor de IT-manager",
				     "Proefaccount samen inrichten" };
static const char *const nl_s2[] = { "Offerte doorspreken", "Voorstel toelichten aan de financieel directeur",
				     "Referentiebezoek bij een klant" };
static const char *const nl_s3[] = { "Onderhandeling over de voorwaarden", "Besluit over de offerte",
				     "Juridische check van het contract" };
static const char *const nl_s4[] = { "Contract tekenen", "Definitief akkoord van de directie",
				     "Inkooporder ontvangen" };
/* %s: the contact */
static const char *const nl_step_notes[] = {
	"Gesprek met **%s**. Behoefte en planning bevestigd; de volgende stap staat in beider agenda.",
	"%s bevestigde dat het budget er is. Afspraak gemaakt voor de volgende stap.",
	"Vragen van %s beantwoord:\n\n- aantal gebruikers\n- migratie van de oude omgeving\n\nVolgende stap vastgelegd.",
	"Goed en concreet gesprek met %s; de beslisser schuift de volgende keer aan.",
};
static const char *const nl_none_notes[] = {
	"Prettig gesprek met %s, erg enthousiast. Ze denken erover na.",
	"Leuk contact met %s. Nog geen concrete afspraak, ik bel over een paar weken terug.",
	"%s vond het interessant maar wil eerst intern overleggen.",
	"Gezellige lunch met %s; over de uitbreiding komen we later nog te spreken.",
	"%s is positief, maar *nu even druk*. Volgende maand weer contact.",
};
static const char *const nl_stop_notes[] = {
	"Eerlijk gesprek met %s: het past op dit moment niet. Gestopt.",
	"%s kiest voor een andere leverancier; afscheid genomen.",
	"Volgens %s is er dit jaar geen budget. We stoppen hier.",
};
static const struct texts nl_texts = {
	{ nl_s0, nl_s1, nl_s2, nl_s3, nl_s4 }, { 3, 3, 3, 3, 3 }, "Kick-off implementatie",
	nl_step_notes, nl_none_notes, nl_stop_notes, COUNT(nl_step_notes), COUNT(nl_none_notes),
	"Geen reactie meer na meerdere pogingen.",
	{ "Fjordpolder Cloud, %d werkplekken", "Fjordpolder Connect, %d locaties",
	  "Onboarding & training, %d medewerkers", "Support Plus, %d jaar" },
};

static const char *const no_s0[] = { "Innledende møte med ledelsen", "Behovsanalyse på stedet",
				     "Ringe tilbake om budsjett og tidsplan" };
static const char *const no_s1[] = { "Demo for ledergruppen", "Demo for IT-sjefen", "Sette opp prøvekonto sammen" };
static const char *const no_s2[] = { "Gå gjennom tilbudet", "Presentere forslaget for økonomisjefen",
				     "Referansebesøk hos en kunde" };
static const char *const no_s3[] = { "Forhandle vilkårene", "Beslutning om tilbudet",
				     "Juridisk gjennomgang av kontrakten" };
static const char *const no_s4[] = { "Signere kontrakten", "Endelig godkjenning fra ledelsen", "Motta innkjøpsordre" };
static const char *const no_step_notes[] = {
	"Møte med **%s**. Behov og tidsplan bekreftet; neste steg står i begges kalender.",
	"%s bekreftet at budsjettet er på plass. Avtalt neste steg.",
	"Svarte på spørsmålene til %s:\n\n- antall brukere\n- migrering fra gammel løsning\n\nNeste steg avtalt.",
	"Godt og konkret møte med %s; beslutningstakeren blir med neste gang.",
};
static const char *const no_none_notes[] = {
	"Hyggelig prat med %s, veldig positiv. De skal tenke på det.",
	"God kontakt med %s. Ingen konkret avtale ennå, jeg ringer om noen uker.",
	"%s syntes det var interessant, men vil diskutere internt først.",
	"Lunsj med %s; utvidelsen tar vi senere.",
	"%s er positiv, men *har mye å gjøre nå*. Tar kontakt igjen neste måned.",
};
static const char *const no_stop_notes[] = {
	"Ærlig samtale med %s: det passer ikke nå. Stoppet.",
	"%s velger en annen leverandør; vi avslutter.",
	"Ifølge %s er det ikke budsjett i år. Vi stopper her.",
};
static const struct texts no_texts = {
	{ no_s0, no_s1, no_s2, no_s3, no_s4 }, { 3, 3, 3, 3, 3 }, "Oppstartsmøte for implementering",
	no_step_notes, no_none_notes, no_stop_notes, COUNT(no_step_notes), COUNT(no_none_notes),
	"Ingen respons etter flere forsøk.",
	{ "Fjordpolder Cloud, %d arbeidsplasser", "Fjordpolder Connect, %d lokasjoner",
	  "Onboarding & training, %d ansatte", "Support Plus, %d år" },
};

/* --- how each tier works ---------------------------------------------------- */

/* probabilities per conversation, for deals going well (g) and badly (b) */
struct tier_params {
	double none_g, none_b;		/* ends without commitment */
	double slip_g, slip_b;		/* the step is moved (once, sometimes twice) */
	double miss_g, miss_b;		/* the step lapses: next talk after the grace period */
	double late_g, late_b;		/* kept, but a day or two late */
	double prog;			/* a step that also moves the deal to the next stage */
	int gap_lo, gap_hi;		/* days to an agreed step */
	int none_lo, none_hi;		/* days to the next contact without one */
	int fizzle_lo, fizzle_hi;	/* conversations on a deal that dies slowly */
	double minutes;			/* length of meetings, relative */
	double gut, gut_none, gut_read, gut_sd;	/* mean gut feeling; for "none"; how well they read fate */
};

static const struct tier_params tier_params[] = {
	/* deals that are won are worked with commitment by everyone (that is
	 * why they are won); the tiers differ in how they work the others */
	[DEMO_SUPERSTAR] = { 0.08, 0.70, 0.02, 0.12, 0.005, 0.07, 0.02, 0.08, 0.85, 3, 10, 5, 14, 2, 4, 0.8,
			     3.2, 3.2, 0.35, 0.8 },
	[DEMO_CORE] = { 0.08, 0.68, 0.04, 0.24, 0.01, 0.15, 0.04, 0.10, 0.65, 5, 14, 7, 21, 3, 7, 1.0,
			3.5, 3.6, 0.0, 0.9 },
	[DEMO_UNDERPERFORMER] = { 0.25, 0.85, 0.10, 0.38, 0.04, 0.28, 0.10, 0.10, 0.50, 7, 21, 7, 28, 5, 12, 1.3,
				  3.6, 4.2, 0.0, 0.7 },
};

/* the rep's own variant of the tier, from the talent profile */
struct rep_params {
	struct tier_params t;
	const struct demo_person *p;
	enum market market;
	const struct texts *tx;
	int win_start;			/* first day of the rep's history */
	double active;			/* share of the year the rep was here */
};

static double clamp(double x, double lo, double hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

static void rep_params_init(struct rep_params *rp, const struct demo_person *p, int today)
{
	rp->p = p;
	rp->t = tier_params[p->tier];
	/* goal-oriented reps ask for the next step; accountable ones keep it */
	double g = 0.04 * (4 - p->traits[DEMO_GOAL_ORIENTED]);
	double acc = 0.03 * (4 - p->traits[DEMO_ACCOUNTABLE]);
	rp->t.none_g = clamp(rp->t.none_g + g / 2, 0.01, 0.9);
	rp->t.none_b = clamp(rp->t.none_b + g, 0.05, 0.9);
	rp->t.slip_g = clamp(rp->t.slip_g + acc / 2, 0.01, 0.6);
	rp->t.slip_b = clamp(rp->t.slip_b + acc, 0.02, 0.6);
	rp->market = !strcmp(p->team, "Oslo") ? M_OSLO : !strcmp(p->team, "Noord-Nederland") ? M_NOORD : M_RANDSTAD;
	rp->tx = !strcmp(p->locale, "nb") ? &no_texts : &nl_texts;
	int months = p->tenure_months < 12 ? p->tenure_months : 12;
	rp->win_start = months < 12 ? today - months * 30 : today - 364;
	rp->active = months / 12.0;
}

/* --- plans ------------------------------------------------------------------ */

enum fate { F_WON, F_STOP_EARLY, F_STOP_LATE, F_PAUSED, F_FIZZLE, F_OPEN, F_STRUNG };
enum strung { S_NO_STEP, S_SLIPPING, S_NO_PROGRESS, S_MISSED, S_KINDS };

#define MAXC 24
#define NSLIP 3

struct conv_plan {
	int day, outcome, progress, stage;	/* stage: where the deal stood during it */
	int due;				/* STEP: the date agreed */
	int nslips, slip_day[NSLIP], slip_due[NSLIP];	/* moves of the step before what follows */
	const char *stop_reason;
	int paused;
};

struct deal_plan {
	int fate, strung, start_stage, n;
	struct conv_plan cv[MAXC];
	int close_day;			/* won or lost without a stop; 0 when none */
	int running;			/* cut off by today: still open */
	const char *lost_reason;
	int product, account;
	double weight;			/* relative value before scaling */
	int64_t value_minor;
};

static const char *const early_stop_reasons[] = { "not_a_fit", "no_need", "no_budget", "no_authority", "not_a_fit" };
static const char *const late_stop_reasons[] = { "competitor", "no_budget", "no_authority", "competitor", "other" };
static const char *const fizzle_reasons[] = { "no_decision", "no_decision", "competitor", "price", "timing",
					      "no_budget" };

/* the conversation that follows conversation p: when it takes place, and
 * what became of p's step (moved, kept on time or late, or lapsed) */
static int next_day(const struct rep_params *rp, struct conv_plan *p, int good, int grace)
{
	const struct tier_params *t = &rp->t;
	if (p->outcome == OUTCOME_NONE)
		return workday_on_or_after(p->day + rnd(t->none_lo, t->none_hi));
	if (p->outcome != OUTCOME_STEP)
		return workday_on_or_after(p->day + rnd(3, 10));
	double slip = good ? t->slip_g : t->slip_b, miss = good ? t->miss_g : t->miss_b;
	double late = good ? t->late_g : t->late_b;
	double x = rnd01();
	int due = p->due;
	if (x < slip) {
		/* the customer (or the rep) moves it: once, sometimes twice */
		int n = chance(good ? 0.2 : 0.45) ? 2 : 1;
		int from = p->day + 1;
		for (int k = 0; k < n; k++) {
			int sd = workday_on_or_before(due - 1);
			if (sd < from)
				sd = from;
			p->slip_day[k] = sd;
			due = workday_on_or_after(due + rnd(3, 10));
			p->slip_due[k] = due;
			from = sd;
		}
		p->nslips = n;
		return due;
	}
	x -= slip;
	if (x < miss)
		return workday_on_or_after(due + grace + rnd(1, 18));
	x -= miss;
	if (x < late)		/* a weekend may push it past the grace period: then it lapsed */
		return workday_on_or_after(due + rnd(1, grace));
	int d = workday_on_or_before(due - rnd(0, 2));
	return d > p->day ? d : due;
}

/* appends a conversation after the last one; returns it */
static struct conv_plan *add_conv(const struct rep_params *rp, struct deal_plan *dp, int *stage, int outcome,
				  int progress, int good, int grace)
{
	struct conv_plan *c = &dp->cv[dp->n];
	memset(c, 0, sizeof(*c));
	c->day = dp->n ? next_day(rp, &dp->cv[dp->n - 1], good, grace) : workday_on_or_after(rnd(0, 6));
	c->outcome = outcome;
	c->stage = *stage;
	c->progress = outcome == OUTCOME_STEP && progress && *stage < 4;
	if (c->progress)
		(*stage)++;
	if (outcome == OUTCOME_STEP)
		c->due = workday_on_or_after(c->day + rnd(rp->t.gap_lo, rp->t.gap_hi));
	dp->n++;
	return c;
}

/* a run of conversations on a deal that is moving (or not) towards a
 * stage; stops when the stage is reached or after max conversations */
static void progress_run(const struct rep_params *rp, struct deal_plan *dp, int *stage, int target, int max,
			 int good, int grace)
{
	double none = good ? rp->t.none_g : rp->t.none_b;
	while (dp->n < max && *stage < target) {
		int oc = chance(none) ? OUTCOME_NONE : OUTCOME_STEP;
		/* a deal that is going to be won moves in the end */
		int force = good && dp->n >= max - (target - *stage);
		if (force)
			oc = OUTCOME_STEP;
		add_conv(rp, dp, stage, oc, force || chance(rp->t.prog), good, grace);
	}
}

/* the base of a plan is day 0; it is shifted into place afterwards */
static void plan_shift(struct deal_plan *dp, int by)
{
	for (int i = 0; i < dp->n; i++) {
		struct conv_plan *c = &dp->cv[i];
		c->day += by;
		if (c->outcome == OUTCOME_STEP)
			c->due += by;
		for (int k = 0; k < c->nslips; k++) {
			c->slip_day[k] += by;
			c->slip_due[k] += by;
		}
	}
	if (dp->close_day)
		dp->close_day += by;
}

static int plan_end(const struct deal_plan *dp)
{
	return dp->close_day ? dp->close_day : dp->cv[dp->n - 1].day;
}

/* where a plan for a deal still open today leaves its health */
static struct health_result plan_health(const struct deal_plan *dp, const struct health_settings *cfg, int today)
{
	int changed = dp->cv[0].day, last_step = -1, since = 0, missed = 0;
	for (int i = 0; i < dp->n; i++) {
		const struct conv_plan *c = &dp->cv[i];
		if (c->progress)
			changed = c->day;
		if (c->outcome == OUTCOME_STEP)
			last_step = c->day;
	}
	for (int i = 0; i < dp->n; i++) {
		const struct conv_plan *c = &dp->cv[i];
		if (c->day >= changed && !c->progress)
			since++;
		if (i + 1 < dp->n && c->outcome == OUTCOME_STEP) {
			int due = c->nslips ? c->slip_due[c->nslips - 1] : c->due;
			if (due < dp->cv[i + 1].day - cfg->grace_days && due >= changed)
				missed++;
		}
	}
	const struct conv_plan *last = &dp->cv[dp->n - 1];
	char next_due[11], last_commit[11], created[11], t[11];
	struct deal_signals s = { 0 };
	s.has_open_step = last->outcome == OUTCOME_STEP;
	if (s.has_open_step) {
		day_str(last->nslips ? last->slip_due[last->nslips - 1] : last->due, next_due);
		s.next_due = next_due;
		s.next_slips = last->nslips;
	}
	s.missed_steps = missed;
	s.conversations_since_progress = since;
	day_str(last_step > changed ? last_step : changed, last_commit);
	s.last_commitment = last_commit;
	day_str(dp->cv[0].day, created);
	s.created = created;
	day_str(today, t);
	return deal_health(&s, cfg, t);
}

/* places the open deal's last step around today: overdue, today, this
 * week or later, as in a real agenda */
static int agenda_offset(void)
{
	static const int offs[] = { -3, -2, -1, 0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 17, 21 };
	return PICK(offs);
}

/* shifts an open deal's plan so that its last conversation lies `ago` days
 * before today (by whole weeks, so weekdays stay weekdays, then onto the
 * closest earlier workday), and sets its last step's due date around today */
static int place_open(struct deal_plan *dp, int today, int ago, int due_off)
{
	struct conv_plan *last = &dp->cv[dp->n - 1];
	int want = today - ago;
	int by = want - last->day;
	by -= ((by % 7) + 7) % 7;		/* whole weeks, never later than wanted */
	plan_shift(dp, by);
	if (last->outcome == OUTCOME_STEP && !last->nslips) {
		int due = today + due_off;
		if (due_off != 0)
			due = workday_on_or_after(due);
		last->due = due < last->day ? last->day : due;
	}
	return dp->cv[0].day;
}

/* set when a deal must start late in the pipeline to fit (plan_one) */
static int late_start;
/* how many more deals of the flow may still be running today, and of
 * those how many strung along: the demo keeps each rep's pipeline to a
 * size a manager can read, and the story's shape (plan_rep) */
static int open_left, strung_left, running_ok;

/* plans one deal with its fate; open deals are placed around today and
 * closed ones somewhere in the rep's year. 0 when it did not fit. */
static int plan_deal(const struct rep_params *rp, struct deal_plan *dp, int fate, int strung,
		     const struct health_settings *cfg, int today)
{
	const struct tier_params *t = &rp->t;
	int grace = cfg->grace_days;
	memset(dp, 0, sizeof(*dp));
	dp->fate = fate;
	dp->strung = strung;
	dp->start_stage = late_start ? 3 : chance(0.3) ? 1 : 0;
	int stage = dp->start_stage;
	/* plans start near day 0 and are shifted into place afterwards */
	switch (fate) {
	case F_WON:
		progress_run(rp, dp, &stage, 4, MAXC - 2, 1, grace);
		add_conv(rp, dp, &stage, OUTCOME_STEP, 0, 1, grace);	/* the signing; kick-off agreed */
		dp->close_day = dp->cv[dp->n - 1].day;
		break;
	case F_STOP_EARLY:
		if (chance(0.45))
			add_conv(rp, dp, &stage, OUTCOME_STEP, 0, 0, grace);
		add_conv(rp, dp, &stage, OUTCOME_STOP, 0, 0, grace)->stop_reason = PICK(early_stop_reasons);
		break;
	case F_STOP_LATE:
	case F_PAUSED: {
		int target = rnd(dp->start_stage + 1, 4);
		progress_run(rp, dp, &stage, target, rnd(2, t->fizzle_hi), 0, grace);
		/* talks that go nowhere before the end */
		for (int k = rnd(0, 2); k > 0 && dp->n < MAXC - 1; k--)
			add_conv(rp, dp, &stage, chance(t->none_b) ? OUTCOME_NONE : OUTCOME_STEP, 0, 0, grace);
		struct conv_plan *c = add_conv(rp, dp, &stage, OUTCOME_STOP, 0, 0, grace);
		c->stop_reason = fate == F_PAUSED ? "timing" : PICK(late_stop_reasons);
		c->paused = fate == F_PAUSED;
		break;
	}
	case F_FIZZLE: {
		int n = rnd(t->fizzle_lo, t->fizzle_hi);
		int target = rnd(dp->start_stage, 3);
		progress_run(rp, dp, &stage, target, n / 2 + 1, 0, grace);
		while (dp->n < n)
			add_conv(rp, dp, &stage, chance(t->none_b) ? OUTCOME_NONE : OUTCOME_STEP, 0, 0, grace);
		dp->close_day = workday_on_or_after(dp->cv[dp->n - 1].day + rnd(10, 45));
		dp->lost_reason = PICK(fizzle_reasons);
		/* Kevin and Mehmet blame the price */
		if ((rp->p->traits[DEMO_ACCOUNTABLE] <= 1 || !strcmp(rp->p->email, "mehmet.yilmaz@" DEMO_DOMAIN)) &&
		    chance(0.6))
			dp->lost_reason = "price";
		break;
	}
	case F_OPEN: {
		int target = rnd(dp->start_stage, 4);
		progress_run(rp, dp, &stage, target, 5, 1, grace);
		/* the last conversation agreed a step and, unless it is the
		 * very first, moved the deal on */
		add_conv(rp, dp, &stage, OUTCOME_STEP, dp->n > 0 && stage < 4, 1, grace);
		place_open(dp, today, rnd(0, 10), agenda_offset());
		break;
	}
	case F_STRUNG: {
		int target = rnd(dp->start_stage, 2);
		progress_run(rp, dp, &stage, target, 3, 0, grace);
		switch (strung) {
		case S_NO_STEP:		/* pleasant talks, no date for anything */
			for (int k = rnd(2, 4); k > 0; k--)
				add_conv(rp, dp, &stage, chance(0.75) ? OUTCOME_NONE : OUTCOME_STEP, 0, 0, grace);
			add_conv(rp, dp, &stage, OUTCOME_NONE, 0, 0, grace);
			place_open(dp, today, rnd(4, 30), 0);
			break;
		case S_SLIPPING: {	/* the step keeps moving */
			add_conv(rp, dp, &stage, chance(0.5) ? OUTCOME_NONE : OUTCOME_STEP, 0, 0, grace);
			struct conv_plan *c = add_conv(rp, dp, &stage, OUTCOME_STEP, 0, 0, grace);
			place_open(dp, today, rnd(16, 30), 0);
			int due = c->due = workday_on_or_after(c->day + rnd(4, 7)), from = c->day + 1;
			c->nslips = rnd(2, 3);
			for (int k = 0; k < c->nslips; k++) {
				int sd = workday_on_or_before(due - 1);
				if (sd < from)
					sd = from;
				if (sd > today)
					sd = today;
				c->slip_day[k] = sd;
				due = workday_on_or_after(due + rnd(4, 9));
				if (k == c->nslips - 1 && due < today - 2)
					due = workday_on_or_after(today + rnd(1, 10));
				c->slip_due[k] = due;
				from = sd;
			}
			break;
		}
		case S_NO_PROGRESS:	/* steps, but the deal does not move */
			for (int k = rnd(3, 4); k > 0; k--)
				add_conv(rp, dp, &stage, chance(0.4) ? OUTCOME_NONE : OUTCOME_STEP, 0, 0, grace);
			add_conv(rp, dp, &stage, OUTCOME_STEP, 0, 0, grace);
			place_open(dp, today, rnd(1, 12), agenda_offset());
			break;
		default:		/* the step lapsed weeks ago */
			add_conv(rp, dp, &stage, OUTCOME_NONE, 0, 0, grace);
			add_conv(rp, dp, &stage, OUTCOME_STEP, 0, 0, grace);
			place_open(dp, today, rnd(20, 40), -rnd(6, 20));
			break;
		}
		break;
	}
	}

	if (fate == F_OPEN || fate == F_STRUNG) {
		if (dp->cv[0].day < rp->win_start)
			return 0;
		for (int i = 0; i < dp->n; i++)
			if (dp->cv[i].day > today)
				return 0;
		struct health_result h = plan_health(dp, cfg, today);
		return fate == F_OPEN ? !h.strung_along : h.strung_along;
	}
	/* a deal of the flow starts somewhere in the rep's year, by whole
	 * weeks. One that would end after today is still running today: it is
	 * cut there and stays open, like the deals in flight of a real pipeline
	 * (those headed for a loss are then often strung along already). */
	int weeks = (today - 1 - rp->win_start) / 7;
	if (weeks < 0)
		return 0;
	int w = rnd(0, weeks);
	/* the year did not begin empty: deals that started around the first
	 * weeks of the history make up for those that started before it */
	if (chance(0.12))
		w = rnd(0, weeks < 4 ? weeks : 4);
	/* René has been tired for months: little new since then */
	if (!strcmp(rp->p->email, "rene.hofstra@" DEMO_DOMAIN) && chance(0.6))
		w = rnd(0, weeks / 2);
	int start = rp->win_start + w * 7;
	start += ((dp->cv[0].day - start) % 7 + 7) % 7;	/* same weekday as planned */
	if (start > today)
		return 0;
	plan_shift(dp, start - dp->cv[0].day);
	/* a deal that died slowly and is written off in these days */
	if (fate == F_FIZZLE && plan_end(dp) > today && dp->cv[dp->n - 1].day < today)
		dp->close_day = rnd(dp->cv[dp->n - 1].day + 1, today);
	if (plan_end(dp) > today) {
		/* an underperformer's few wins all count */
		if (fate == F_WON && rp->p->tier == DEMO_UNDERPERFORMER)
			return 0;
		int n = 0;
		while (n < dp->n && dp->cv[n].day <= today)
			n++;
		dp->n = n;
		struct conv_plan *last = &dp->cv[n - 1];
		int k = 0;
		while (k < last->nslips && last->slip_day[k] <= today)
			k++;
		last->nslips = k;
		dp->close_day = 0;
		/* the pipeline today keeps to the rep's budget (plan_rep): a
		 * deal headed for a loss that does not fit in is written off
		 * these days, after its last conversation so far */
		int strung_now = plan_health(dp, cfg, today).strung_along;
		if (open_left <= 0 || (strung_now && strung_left <= 0)) {
			if (fate == F_WON)
				return 0;
			int lday = dp->cv[dp->n - 1].day;
			dp->close_day = lday < today ? rnd(lday + 1, today) : today;
			dp->lost_reason = PICK(fizzle_reasons);
			return 1;
		}
		open_left--;
		strung_left -= strung_now;
		running_ok += !strung_now;
		dp->running = 1;
	}
	return 1;
}

/* --- gut feeling, kind, minutes ---------------------------------------------- */

static int gut_feeling(const struct rep_params *rp, const struct deal_plan *dp, const struct conv_plan *c)
{
	const struct tier_params *t = &rp->t;
	double mu = c->outcome == OUTCOME_NONE ? t->gut_none : t->gut;
	int wins = dp->fate == F_WON || dp->fate == F_OPEN;
	/* only some read where the deal is going */
	mu += wins ? t->gut_read : -t->gut_read * 0.6;
	if (c->outcome == OUTCOME_STOP)
		mu -= 0.4;
	int g = (int)lround(mu + rnd_normal(t->gut_sd));
	return g < 1 ? 1 : g > 5 ? 5 : g;
}

static const char *conv_kind(int stage, int progress)
{
	if (stage == 1 && progress && chance(0.7))
		return "demo";
	switch (stage) {
	case 0: return chance(0.5) ? "call" : chance(0.6) ? "video" : "meeting";
	case 1: return chance(0.4) ? "meeting" : chance(0.5) ? "video" : "visit";
	case 2: return chance(0.6) ? "demo" : "video";
	case 3: return chance(0.5) ? "meeting" : chance(0.6) ? "visit" : "call";
	default: return chance(0.4) ? "call" : chance(0.67) ? "meeting" : "visit";
	}
}

static int conv_minutes(const struct rep_params *rp, const char *kind, int outcome)
{
	int lo = 15, hi = 30;
	if (!strcmp(kind, "video")) lo = 20, hi = 45;
	else if (!strcmp(kind, "meeting")) lo = 30, hi = 75;
	else if (!strcmp(kind, "visit")) lo = 45, hi = 120;
	else if (!strcmp(kind, "demo")) lo = 45, hi = 90;
	double m = rnd(lo, hi) * rp->t.minutes * (outcome == OUTCOME_NONE ? 1.2 : 1.0);
	int v = (int)lround(m / 5.0) * 5;
	return v < 5 ? 5 : v;
}

/* --- accounts ------------------------------------------------------------------ */

struct demo_account {
	int64_t id;
	char name[80];
	char contacts[3][64];
	int ncontacts;
};

static int name_taken(const struct demo_account *acc, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(acc[i].name, name))
			return 1;
	return 0;
}

static enum err make_account(struct db_conn *c, int64_t org_id, int64_t owner_id, enum market m, int big,
			     struct demo_account *all, int nall, struct demo_account *out)
{
	do
		account_name(m, big, out->name, sizeof(out->name));
	while (name_taken(all, nall, out->name));
	enum err e = account_create(c, org_id, out->name, owner_id, NULL, &out->id);
	if (e)
		return e;
	char dom[64];
	slug(out->name, dom, sizeof(dom));
	out->ncontacts = rnd(1, 3);
	for (int k = 0; k < out->ncontacts; k++) {
		const char *first, *last, *title;
		char phone[32];
		if (m == M_OSLO) {
			first = PICK(no_first);
			last = PICK(no_surnames);
			title = PICK(no_titles);
			snprintf(phone, sizeof(phone), "+47 9%02d %02d %03d", rnd(0, 99), rnd(0, 99), rnd(0, 999));
		} else {
			first = PICK(nl_first);
			last = PICK(nl_last);
			title = PICK(nl_titles);
			snprintf(phone, sizeof(phone), "+31 6 %04d %04d", rnd(0, 9999), rnd(0, 9999));
		}
		snprintf(out->contacts[k], sizeof(out->contacts[k]), "%s %s", first, last);
		char f[32], l[32], email[160];
		slug(first, f, sizeof(f));
		slug(last, l, sizeof(l));
		snprintf(email, sizeof(email), "%s.%s@%s.example", f, l, dom);
		if ((e = contact_create(c, org_id, out->id, out->contacts[k], title, email, phone, NULL)))
			return e;
	}
	return E_OK;
}

/* --- writing a plan ---------------------------------------------------------------- */

struct ctx {
	struct db_conn *c;
	struct arena *a;
	int64_t org_id;
	int64_t stage_ids[5];		/* the open stages in order */
	struct health_settings cfg;
	int today;
};

static void fail_msg(const char *what, const char *day, enum err e, const struct rule_error *re, struct db_conn *c)
{
	fprintf(stderr, "error: demo: %s on %s (%s)%s%s%s%s\n", what, day, err_name(e),
		re && re->field ? ": " : "", re && re->field ? re->field : "", re && re->message ? " — " : "",
		re && re->message ? re->message : e == E_INVALID ? "" : db_errmsg(c));
}

static enum err open_step_id(struct ctx *x, int64_t deal_id, int64_t *id)
{
	struct step_list sl;
	enum err e = step_list(x->c, x->a, x->org_id, 0, deal_id, "open", 1, 0, &sl);
	if (e)
		return e;
	if (!sl.n)
		return E_NOTFOUND;
	*id = sl.items[0].id;
	return E_OK;
}

static enum err slip_step(struct ctx *x, int64_t deal_id, const struct conv_plan *cp)
{
	if (!cp->nslips)
		return E_OK;
	int64_t sid;
	enum err e = open_step_id(x, deal_id, &sid);
	for (int k = 0; !e && k < cp->nslips; k++) {
		char sd[11], nd[11];
		day_str(cp->slip_day[k], sd);
		day_str(cp->slip_due[k], nd);
		struct rule_error re = { 0 };
		if ((e = step_slip(x->c, x->a, x->org_id, sid, nd, sd, &re)))
			fail_msg("cannot move a step", sd, e, &re, x->c);
	}
	return e;
}

static const char *deal_title(const struct texts *tx, const struct deal_plan *dp, struct arena *a)
{
	double eur = (double)dp->value_minor / 100.0;
	int n;
	switch (dp->product) {
	case 0: n = (int)lround(eur / 420.0); break;		/* seats a year */
	case 1: n = (int)lround(eur / 2500.0); break;		/* sites */
	case 2: n = (int)lround(eur / 180.0); break;		/* people trained */
	default: n = (int)clamp(lround(eur / 6000.0), 1, 3); break;	/* years */
	}
	return arena_printf(a, tx->title_fmt[dp->product], n < 1 ? 1 : n);
}

static enum err write_deal(struct ctx *x, const struct rep_params *rp, int64_t rep_id, struct deal_plan *dp,
			   const struct demo_account *acc)
{
	char day[11], close[11];
	day_str(dp->cv[0].day, day);
	if (dp->close_day)
		day_str(dp->close_day, close);
	else if (dp->fate == F_OPEN || dp->fate == F_STRUNG || dp->running)
		day_str(x->today + rnd(14, 90), close);
	else
		day_str(plan_end(dp) + rnd(0, 20), close);
	struct deal_input in = {
		.title = deal_title(rp->tx, dp, x->a), .account_id = acc->id, .value_minor = dp->value_minor,
		.currency = DEMO_CURRENCY, .owner_id = rep_id, .stage_id = x->stage_ids[dp->start_stage],
		.product = products[dp->product].name, .expected_close = close,
	};
	int64_t deal_id = 0;
	enum err e = deal_create(x->c, x->org_id, &in, day, &deal_id);
	if (e) {
		fail_msg("cannot create a deal", day, e, NULL, x->c);
		return e;
	}
	const struct texts *tx = rp->tx;
	for (int i = 0; i < dp->n; i++) {
		struct conv_plan *cp = &dp->cv[i];
		if (i > 0 && (e = slip_step(x, deal_id, &dp->cv[i - 1])))
			return e;
		day_str(cp->day, day);
		const char *who = acc->contacts[rnd(0, acc->ncontacts - 1)];
		int after = cp->stage + cp->progress;	/* the stage the deal is in afterwards */
		char due[11] = "";
		const char *what = NULL, *notes;
		switch (cp->outcome) {
		case OUTCOME_STEP:
			day_str(cp->due, due);
			what = dp->fate == F_WON && i == dp->n - 1 ? tx->kickoff
				: tx->steps[after][rnd(0, tx->nsteps[after] - 1)];
			notes = tx->step_notes[rnd(0, tx->nstep_notes - 1)];
			break;
		case OUTCOME_STOP:	/* the texts: not a fit, a competitor, no budget */
			notes = tx->stop_notes[!strcmp(cp->stop_reason, "competitor") ? 1
					       : !strcmp(cp->stop_reason, "no_budget") ? 2 : 0];
			break;
		default:
			notes = tx->none_notes[rnd(0, tx->nnone_notes - 1)];
			break;
		}
		const char *kind = conv_kind(cp->stage, cp->progress);
		struct conversation_log_input li = {
			.in = {
				.kind = kind, .date = day, .minutes = conv_minutes(rp, kind, cp->outcome),
				.deal_id = deal_id, .gut_feeling = gut_feeling(rp, dp, cp),
				.outcome = outcome_codes[cp->outcome - 1],
				.step_what = what, .step_due = what ? due : NULL, .step_who = what ? who : NULL,
				.stop_reason = cp->outcome == OUTCOME_STOP ? cp->stop_reason : NULL,
				.stop_action = cp->outcome == OUTCOME_STOP ? (cp->paused ? "paused" : "lost") : NULL,
			},
			.rep_id = rep_id,
			.at = (int64_t)cp->day * 86400 + rnd(8, 16) * 3600 + rnd(0, 3) * 900,
			.notes = arena_printf(x->a, notes, who),
			.new_stage_id = cp->progress ? x->stage_ids[after] : 0,
			.close_by_dates = 1,
		};
		struct rule_error re = { 0 };
		if ((e = conversation_log(x->c, x->a, x->org_id, &li, day, x->cfg.grace_days, NULL, &re))) {
			fail_msg("cannot log a conversation", day, e, &re, x->c);
			return e;
		}
	}
	if (dp->n && (e = slip_step(x, deal_id, &dp->cv[dp->n - 1])))
		return e;
	if (dp->close_day) {
		int won = dp->fate == F_WON;
		if ((e = deal_close(x->c, x->org_id, deal_id, won ? "won" : "lost", won ? NULL : dp->lost_reason,
				    won ? "" : tx->fizzle_note, close)))
			fail_msg("cannot close a deal", close, e, NULL, x->c);
	}
	return e;
}

/* --- one rep's year ------------------------------------------------------------------- */

/* calendar quarters counted from year 0: 2026-Q4 is 2026 * 4 + 3 */
static int quarter_of(int day)
{
	char s[11];
	day_str(day, s);
	return atoi(s) * 4 + (atoi(s + 5) - 1) / 3;
}

/* 0.85 to 1.15, fixed per rep and quarter (a hash, so the PRNG's sequence,
 * and with it every other plan, stays as it was) */
static double quarter_noise(const struct demo_person *p, int q)
{
	uint64_t h = 1469598103934665603ULL;
	for (const char *c = p->email; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211ULL;
	h = (h ^ (uint64_t)q) * 1099511628211ULL;
	h ^= h >> 29;
	return 0.85 + 0.3 * (double)(h % 1000) / 999.0;
}

/* yearly revenue of a typical core rep (strength 1.0), in euros */
#define BASE_REVENUE 180000.0

struct rep_year {
	struct rep_params rp;
	struct deal_plan *deals;
	int n;
	int first_account, naccounts;
};

static int plan_one(const struct rep_params *rp, struct deal_plan *dp, int fate, int strung,
		    const struct health_settings *cfg, int today)
{
	for (int tries = 0; tries < 200; tries++) {
		if (plan_deal(rp, dp, fate, strung, cfg, today)) {
			late_start = 0;
			return 1;
		}
		/* a newcomer's first win is a short one, or none at all */
		if (tries == 100 && fate == F_WON)
			late_start = 1;
	}
	late_start = 0;
	return 0;
}

static void plan_rep(struct arena *a, struct rep_year *ry, const struct health_settings *cfg, int today)
{
	const struct rep_params *rp = &ry->rp;
	const struct demo_person *p = rp->p;
	double seg = rp->market == M_NOORD ? 0.6 : 1.0;
	/* today's pipeline: strung-along deals planned as such, those of the
	 * flow that may still be running strung along, and the least number
	 * of healthy ones (with a dated next step) */
	int wins, lost, early, paused, healthy, strung, running_strung;
	double stop_share;		/* of the late losses, how many end in a stop */
	switch (p->tier) {
	case DEMO_SUPERSTAR:
		wins = (int)lround(44 * seg * rp->active);
		lost = (int)lround(wins * 0.35);
		early = (int)lround(wins * 0.45);
		paused = (int)lround(3 * rp->active);
		healthy = rnd(5, 7);
		strung = 0;
		running_strung = rnd(0, 1);
		stop_share = 0.7;
		break;
	case DEMO_CORE:
		wins = (int)lround(12 * pow(p->strength, 0.7) * seg * rp->active);
		lost = (int)lround(wins * 1.6);
		early = (int)lround(wins * 0.18);
		paused = 1;
		healthy = rnd(3, 5);
		strung = 0;
		running_strung = rnd(0, 2);
		stop_share = 0.5;
		break;
	default:
		wins = (int)lround(6 * pow(p->strength / 0.4, 0.7) * seg * rp->active);
		if (wins < 1)
			wins = 1;
		lost = (int)lround(wins * 3.5 + 2 * rp->active);
		early = (int)lround(wins * 0.1);
		paused = rnd(0, 1);
		strung = rnd(1, 2);
		healthy = rnd(2, 3);
		running_strung = rnd(2, 3);
		stop_share = 0.2;
		if (!strcmp(p->email, "esmee.veenstra@" DEMO_DOMAIN))
			healthy = 2, strung = 6, running_strung = 2;
		if (rp->active < 0.5)	/* a newcomer: a short pipeline */
			healthy = 2, strung = 1, running_strung = 1;
		break;
	}
	int total = wins + lost + early + paused + strung + healthy;
	ry->deals = arena_alloc(a, (size_t)total * sizeof(struct deal_plan));
	ry->n = 0;
	/* the strung-along deals planned as such first, then the flow of the
	 * year in a random order (deals of it still running today fill the
	 * pipeline up to ten), then healthy open deals up to `open` */
	int *fates = arena_alloc(a, (size_t)total * sizeof(int));
	int nf = 0;
	for (int k = 0; k < strung; k++)
		fates[nf++] = F_STRUNG;
	int flow = nf;
	for (int k = 0; k < wins; k++)
		fates[nf++] = F_WON;
	for (int k = 0; k < early; k++)
		fates[nf++] = F_STOP_EARLY;
	for (int k = 0; k < paused; k++)
		fates[nf++] = F_PAUSED;
	for (int k = 0; k < lost; k++)
		fates[nf++] = chance(stop_share) ? F_STOP_LATE : F_FIZZLE;
	for (int k = nf - 1; k > flow; k--) {
		int j = flow + rnd(0, k - flow), t = fates[k];
		fates[k] = fates[j];
		fates[j] = t;
	}
	int budget = open_left = 10 - strung - rnd(0, 2);
	strung_left = running_strung;
	running_ok = 0;
	for (int k = 0; k < nf; k++) {
		int kind = fates[k] == F_STRUNG ? (k + rnd(0, 1)) % S_KINDS : 0;
		if (plan_one(rp, &ry->deals[ry->n], fates[k], kind, cfg, today))
			ry->n++;
	}
	int now_open = strung + (budget - open_left);
	for (int k = running_ok; k < healthy && now_open < 10; k++, now_open++)
		if (plan_one(rp, &ry->deals[ry->n], F_OPEN, 0, cfg, today))
			ry->n++;
	/* values: the won deals add up to the rep's strength; every deal of
	 * the rep is of the same size class */
	double won_weight = 0;
	for (int i = 0; i < ry->n; i++) {
		struct deal_plan *dp = &ry->deals[i];
		dp->product = pick_product();
		dp->weight = products[dp->product].size * (0.55 + rnd01() * 0.9);
		if (dp->fate == F_WON && !dp->running)
			won_weight += dp->weight;
	}
	double target = BASE_REVENUE * p->strength * rp->active;
	double scale = won_weight > 0 ? target / won_weight : BASE_REVENUE / 12.0;
	/* a few wins a quarter would make a core rep's quarters swing from
	 * nothing to double (a Poisson count): the tiers would then be chance.
	 * So each calendar quarter's wins are scaled to the quarter's share of
	 * the year's revenue (by days in the rep's window), give or take 15%
	 * — lumpy deals, a steady rep. A quarter without a win stays empty. */
	double qweight[5] = { 0 }, qgoal[5] = { 0 };
	int q0 = quarter_of(rp->win_start);
	for (int i = 0; i < ry->n; i++) {
		const struct deal_plan *dp = &ry->deals[i];
		if (dp->fate == F_WON && !dp->running && dp->close_day) {
			int q = quarter_of(dp->close_day) - q0;
			if (q >= 0 && q < 5)
				qweight[q] += dp->weight;
		}
	}
	for (int d = rp->win_start; d < today; d++) {
		int q = quarter_of(d) - q0;
		if (q >= 0 && q < 5)
			qgoal[q] += target / (double)(today - rp->win_start);
	}
	for (int i = 0; i < ry->n; i++) {
		struct deal_plan *dp = &ry->deals[i];
		double f = scale;
		int q = dp->close_day ? quarter_of(dp->close_day) - q0 : -1;
		if (dp->fate == F_WON && !dp->running && q >= 0 && q < 5 && qweight[q] > 0)
			f = qgoal[q] / qweight[q] * quarter_noise(p, q);
		double eur = dp->weight * f;
		int64_t rounded = (int64_t)lround(eur / 50.0) * 50;
		dp->value_minor = (rounded < 500 ? 500 : rounded) * 100;
	}
}

enum err demo_pipeline(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids)
{
	char today_s[11];
	today_date(today_s);
	struct ctx x = { .c = c, .a = a, .org_id = org_id, .today = day_parse(today_s) };
	rng_state = 0x5a1e59a4de2026ULL;

	enum err e = stages_ensure(c, org_id, (enum lang)lang_parse(DEMO_LOCALE));
	if (e)
		return e;
	struct stage_list sl;
	if ((e = stage_list(c, a, org_id, &sl)))
		return e;
	int nopen = 0;
	for (size_t i = 0; i < sl.n && nopen < 5; i++)
		if (!strcmp(sl.items[i].kind, "open"))
			x.stage_ids[nopen++] = sl.items[i].id;
	if (nopen < 5) {
		fprintf(stderr, "error: demo: expected five open stages, found %d\n", nopen);
		return E_INTERNAL;
	}
	settings_health(c, org_id, &x.cfg);

	/* plan every rep's year first: how many accounts each needs follows */
	struct rep_year *years = arena_alloc(a, demo_people_count * sizeof(struct rep_year));
	int naccounts = 0;
	for (size_t i = 0; i < demo_people_count; i++) {
		const struct demo_person *p = &demo_people[i];
		if (p->tier == DEMO_NO_TIER)
			continue;
		rep_params_init(&years[i].rp, p, x.today);
		plan_rep(a, &years[i], &x.cfg, x.today);
		int na = (int)lround(years[i].n / 5.5);
		years[i].naccounts = na < 3 ? 3 : na;
		years[i].first_account = naccounts;
		naccounts += years[i].naccounts;
	}

	struct demo_account *acc = arena_alloc(a, (size_t)naccounts * sizeof(struct demo_account));
	for (size_t i = 0; i < demo_people_count; i++) {
		struct rep_year *ry = &years[i];
		if (demo_people[i].tier == DEMO_NO_TIER)
			continue;
		for (int k = 0; k < ry->naccounts; k++) {
			int idx = ry->first_account + k;
			if ((e = make_account(c, org_id, user_ids[i], ry->rp.market,
						 demo_people[i].tier == DEMO_SUPERSTAR, acc, idx, &acc[idx]))) {
				fprintf(stderr, "error: demo: cannot add an account (%s): %s\n", err_name(e), db_errmsg(c));
				return e;
			}
		}
	}

	/* the statistics follow the deals as they grow (db_analyze): a deal
	 * read by id with its account, owner and stage otherwise scans the
	 * organisation's accounts (56 s of the demo on PostgreSQL, 8 s with) */
	int since_analyze = 0;
	for (size_t i = 0; i < demo_people_count; i++) {
		struct rep_year *ry = &years[i];
		if (demo_people[i].tier == DEMO_NO_TIER)
			continue;
		if (i == 0 || since_analyze >= 400) {
			if ((e = db_analyze(c)))
				return e;
			since_analyze = 0;
		}
		since_analyze += ry->n;
		for (int k = 0; k < ry->n; k++) {
			const struct demo_account *ac = &acc[ry->first_account + rnd(0, ry->naccounts - 1)];
			if ((e = write_deal(&x, &ry->rp, user_ids[i], &ry->deals[k], ac)))
				return e;
		}
	}
	return E_OK;
}
