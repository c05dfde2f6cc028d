/*
 * demo recruiting: the talent pool of Fjordpolder (issue 11, part 1) —
 * fifteen candidates from every source, Dutch and Norwegian, each with the
 * colleague who knows them, kept warm by the managers over the last months:
 * conversations that ended in a step (some kept, some still open) or a stop,
 * one candidate whose step slipped twice (strung along), a few nobody has
 * talked to yet, and a rep invited to interview one candidate; two open
 * vacancies (Randstad and Oslo) with candidates at different stages of the
 * organisation's pipeline (its default stages, in Dutch). Written through
 * the store like everything the demo makes, in the caller's transaction.
 * The interviews and scorecards of part 3 are demo/scorecards.c's.
 */
#include "demo.h"
#include "../store/recruit.h"
#include "../domain/recruit.h"
#include "../domain/period.h"
#include "../lib/util.h"
#include <string.h>

struct demo_candidate {
	const char *name, *email, *source, *job_title, *company, *tags, *notes;
	int manager;		/* 0 Randstad's, 1 Noord-Nederland's, 2 Oslo's: who keeps in touch */
	/* the story: conversations so far (0..3), how the last ended */
	int talks;
	const char *last;	/* "step", "stop" or NULL (none) */
	const char *stop_reason;
	int slips;		/* slips of the open step */
};

static const struct demo_candidate cands[] = {
	{ "Lotte Janssen", "lotte.janssen@example.nl", "referral", "Accountmanager", "Kantoorplein B.V.",
	  "mkb, randstad", "Bevlogen, vraagt door. Wil over een half jaar iets nieuws.", 0, 2, "step", NULL, 0 },
	{ "Daan Mulder", "daan.mulder@example.nl", "linkedin", "Sales development rep", "Cloudwerk",
	  "saas, starter", "Jong, leergierig; net een jaar in sales.", 0, 1, "step", NULL, 0 },
	{ "Sanne de Vries", "sanne.devries@example.nl", "event", "Key accountmanager", "Globex Nederland",
	  "enterprise, randstad", "Ontmoet op de Vakbeurs Facilitair. Zegt elke keer 'volgende maand'.", 0, 3, "step",
	  NULL, 2 },
	{ "Bram Visser", "bram.visser@example.nl", "agency", "Verkoopadviseur", "Printpartners",
	  "kantoorapparatuur", "Via bureau TopTalent; salarisverwachting hoog.", 0, 1, "stop", "pay", 0 },
	{ "Emma Bakker", "emma.bakker@example.nl", "applied", "Binnendienst verkoop", "Bakker & Zn",
	  "binnendienst", "Open sollicitatie.", 0, 0, NULL, NULL, 0 },
	{ "Jeroen Smit", "jeroen.smit@example.nl", "referral", "Regiomanager", "OfficeNoord",
	  "noord, mkb", "Aangeraden door Femke; kent de regio Groningen op zijn duimpje.", 1, 2, "step", NULL, 0 },
	{ "Iris Meijer", "iris.meijer@example.nl", "linkedin", "Accountmanager", "Werkplekwinkel",
	  "noord, saas", "", 1, 1, "stop", "hired_elsewhere", 0 },
	{ "Thijs de Boer", "thijs.deboer@example.nl", "event", "Vertegenwoordiger", "Drenthe Office",
	  "noord, buitendienst", "Sprak hem op de netwerkborrel in Assen.", 1, 1, "step", NULL, 0 },
	{ "Fleur Hendriks", "fleur.hendriks@example.nl", "applied", "Customer success manager", "Zorgsoft",
	  "saas", "", 1, 0, NULL, NULL, 0 },
	{ "Kari Nordmann", "kari.nordmann@example.no", "referral", "Key account manager", "Kontorpartner AS",
	  "oslo, enterprise", "Anbefalt av Henrik. Sterk på store kunder.", 2, 2, "step", NULL, 0 },
	{ "Ola Hansen", "ola.hansen@example.no", "linkedin", "Selger", "Nordic Print",
	  "oslo, kontorutstyr", "", 2, 1, "step", NULL, 1 },
	{ "Ingrid Berg", "ingrid.berg@example.no", "agency", "Salgssjef", "Fjellheim Eiendom",
	  "oslo, ledelse", "Vil lede et team; for tidlig for oss nå.", 2, 1, "stop", "timing", 0 },
	{ "Lars Johansen", "lars.johansen@example.no", "event", "Account executive", "SkyKontor",
	  "saas, oslo", "", 2, 0, NULL, NULL, 0 },
	{ "Nora Lie", "nora.lie@example.no", "applied", "Innesalg", "Bergen Kontor", "innesalg",
	  "Svarer ikke på e-post.", 2, 2, "stop", "no_reply", 0 },
	{ "Sophie van Dam", "sophie.vandam@example.nl", "referral", "Partner manager", "Werkplek365",
	  "partners, randstad", "Kent Maarten van vroeger.", 0, 1, "step", NULL, 0 },
};
#define NCANDS (sizeof(cands) / sizeof(cands[0]))

static const char *const steps_nl[] = { "Koffie bij ons op kantoor", "Stuurt haar cv", "Belt terug na de vakantie",
					"Meelopen met een verkoper" };
static const char *const steps_nb[] = { "Kaffe på kontoret vårt", "Sender CV", "Ringer tilbake etter ferien",
					"Blir med en selger en dag" };

/* the people of the cast with the role, in cast order, into ids[max] */
static size_t by_role(const int64_t *user_ids, const char *role, int64_t *ids, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < demo_people_count && n < max; i++)
		if (!strcmp(demo_people[i].role, role))
			ids[n++] = user_ids[i];
	return n;
}

/* two open vacancies with candidates of the pool at their stages: by name,
 * the stage's position in the default list (0 first talk .. 3 offer) */
static const struct {
	int vacancy;
	const char *name;
	int stage;
} moves[] = {
	{ 0, "Lotte Janssen", 2 }, { 0, "Daan Mulder", 1 }, { 0, "Sophie van Dam", 0 },
	{ 1, "Kari Nordmann", 3 }, { 1, "Ola Hansen", 0 },
};

static enum err demo_vacancies(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
			       const char *today)
{
	enum err e = recruit_stages_ensure(c, org_id, -1);
	if (e)
		return e;
	struct recruit_stage *st;
	size_t nst;
	if ((e = recruit_stage_list(c, a, org_id, &st, &nst)))
		return e;
	if (nst < 4)
		return E_INTERNAL;
	int64_t vac[2];
	char opens[2][11], target[2][11];
	day_add(today, -40, opens[0]);
	day_add(today, 50, target[0]);
	day_add(today, -10, opens[1]);
	day_add(today, 80, target[1]);
	const char *titles[2] = { "Accountmanager MKB Randstad", "Key account manager Oslo" };
	const char *teams[2] = { "Randstad", "Oslo" };
	const char *territory[2] = { "Utrecht en Amersfoort", "Oslo vest" };
	for (int i = 0; i < 2; i++) {
		int64_t team = DB_I64(c, 0, "SELECT id FROM teams WHERE org_id = $1 AND name = $2", P_I(org_id),
				      P_T(teams[i]));
		struct vacancy_new vn = { titles[i], team, territory[i], opens[i], target[i] };
		if ((e = vacancy_add(c, org_id, &vn, &vac[i])))
			return e;
	}
	for (size_t i = 0; i < sizeof(moves) / sizeof(moves[0]); i++) {
		int64_t id = DB_I64(c, 0, "SELECT id FROM candidates WHERE org_id = $1 AND name = $2", P_I(org_id),
				    P_T(moves[i].name));
		if (!id)
			return E_INTERNAL;
		if ((e = candidate_move(c, org_id, id, vac[moves[i].vacancy], st[moves[i].stage].id)))
			return e;
	}
	(void)user_ids;
	return E_OK;
}

enum err demo_recruiting(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids)
{
	int64_t managers[3] = { 0 }, reps[16] = { 0 };
	size_t nm = by_role(user_ids, "manager", managers, 3), nr = by_role(user_ids, "rep", reps, 16);
	if (nm < 3 || nr < 3)
		return E_INTERNAL;
	char today[11];
	today_date(today);
	enum err e;
	for (size_t i = 0; i < NCANDS; i++) {
		const struct demo_candidate *d = &cands[i];
		int nb = strstr(d->email, ".no") != NULL;
		char created[11], retain[11];
		day_add(today, -(long)(150 - 7 * (long)i), created);
		recruit_retain_default(created, retain);
		struct candidate_new cn = { d->name, d->email, "", d->source, d->job_title, d->company, d->tags, d->notes,
					    reps[i % nr], created, retain, managers[d->manager], created };
		int64_t id;
		if ((e = candidate_add(c, org_id, &cn, &id)))
			return e;
		/* the conversations, a month apart, the last one a week or two ago */
		int64_t open_step = 0;
		for (int k = 0; k < d->talks; k++) {
			int last = k == d->talks - 1;
			char held[11], due[11], keep[11];
			day_add(today, -(long)(30 * (d->talks - 1 - k) + 8 + (long)(i % 5)), held);
			const char *outcome = last && d->last ? d->last : "step";
			int slipped = last && d->slips > 0 && open_step;
			/* a step agreed for a few weeks on; the strung-along one keeps
			 * moving to dates that pass */
			day_add(held, d->slips ? 10 : 21 + 7 * (long)(i % 4), due);
			recruit_retain_default(held, keep);
			const char *what = (nb ? steps_nb : steps_nl)[(i + (size_t)k) % 4];
			struct candidate_conv_new cv = {
				.candidate_id = id, .author_id = managers[d->manager], .kind = k % 2 ? "call" : "meeting",
				.held_on = held, .notes = "", .outcome = outcome,
				.step_what = what, .step_who = d->name, .step_due = due,
				.stop_reason = d->stop_reason, .stop_note = NULL,
				.open_step_id = open_step, .open_status = slipped ? STEP_S_OPEN : STEP_S_KEPT,
				.open_slipped = slipped, .retain_until = strcmp(keep, retain) > 0 ? keep : retain,
			};
			int64_t conv;
			if ((e = candidate_conv_add(c, org_id, &cv, &conv)))
				return e;
			if (!strcmp(outcome, "step") && !slipped)
				open_step = DB_I64(c, 0, "SELECT id FROM candidate_steps WHERE org_id = $1 AND "
						   "candidate_id = $2 AND status = 'open'", P_I(org_id), P_I(id));
		}
		/* the strung-along one: its open step moved twice */
		if (d->slips > 1 &&
		    (e = DBX(c, "UPDATE candidate_steps SET slips = $3 WHERE org_id = $1 AND candidate_id = $2 AND "
				"status = 'open'", P_I(org_id), P_I(id), P_I(d->slips))))
			return e;
		/* a rep of Randstad invited to interview the first candidate */
		if (i == 0 && (e = candidate_invite(c, org_id, id, reps[0], managers[0])))
			return e;
	}
	if ((e = demo_vacancies(c, a, org_id, user_ids, today)))
		return e;
	/* the rest of the pool, the figures' hires and stops, one anonymised */
	return demo_recruiting_figures(c, a, org_id, managers, nm, today);
}
