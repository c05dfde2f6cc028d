/*
 * demo recruiting-figures: the rest of Fjordpolder's talent pool (issue 11,
 * "Candidates' data" and "Figures") — twenty-five more candidates added
 * over the last year from every source, so that the pool holds forty: some
 * kept warm with a recent conversation, some stopped (pay, timing, another
 * job, no reply), some moved into the two open vacancies at their stages,
 * two of them hired (a month and two months after they were added) and one
 * declined, so that /recruiting/figures shows a real funnel, time to hire,
 * stop reasons and sources; and one candidate past their retention date,
 * already anonymised as the daily sweep does it. In the caller's
 * transaction, through the store.
 */
#include "demo.h"
#include "../store/recruit.h"
#include "../store/candidate-data.h"
#include "../domain/recruit.h"
#include "../domain/period.h"
#include "../lib/util.h"
#include <stdio.h>
#include <string.h>

static const char *const first_nl[] = { "Anouk", "Ruben", "Julia", "Stijn", "Eva", "Niels", "Maud", "Koen",
					"Lieke", "Bas", "Roos", "Tim", "Femke" };
static const char *const last_nl[] = { "de Jong", "Peters", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
				       "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "Vos" };
static const char *const first_nb[] = { "Sigrid", "Magnus", "Hedda", "Eirik", "Marte", "Sindre", "Tuva", "Jonas",
					"Ida", "Henrik", "Silje", "Petter" };
static const char *const last_nb[] = { "Larsen", "Olsen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen",
				       "Haugen", "Bakke", "Solberg", "Strand", "Moen" };
static const char *const roles[] = { "Accountmanager", "Sales development rep", "Verkoopadviseur", "Key account manager",
				     "Binnendienst verkoop" };
static const char *const stops[] = { "pay", "timing", "hired_elsewhere", "no_reply", "not_a_fit" };

#define MORE 25

/* the stage of the kind (the first one), or the open stage at position pos */
static int64_t stage_of(const struct recruit_stage *st, size_t n, const char *kind, int pos)
{
	int open = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(st[i].kind, kind))
			continue;
		if (strcmp(kind, "open") || open++ == pos)
			return st[i].id;
	}
	return 0;
}

enum err demo_recruiting_figures(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *managers,
				 size_t nmanagers, const char *today)
{
	struct recruit_stage *st;
	size_t nst;
	enum err e = recruit_stage_list(c, a, org_id, &st, &nst);
	if (e)
		return e;
	int64_t vac[2];
	vac[0] = DB_I64(c, 0, "SELECT min(id) FROM vacancies WHERE org_id = $1", P_I(org_id));
	vac[1] = DB_I64(c, 0, "SELECT max(id) FROM vacancies WHERE org_id = $1", P_I(org_id));
	for (int i = 0; i < MORE; i++) {
		int nb = i % 3 == 2;
		char name[80], email[120], created[11], retain[11];
		const char *first = nb ? first_nb[i % 12] : first_nl[i % 13];
		const char *last = nb ? last_nb[(i * 5) % 12] : last_nl[(i * 7) % 13];
		snprintf(name, sizeof(name), "%s %s", first, last);
		snprintf(email, sizeof(email), "%s.%d@example.%s", first, i, nb ? "no" : "nl");
		for (char *p = email; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		/* added 20 to 356 days ago */
		day_add(today, -(long)(20 + 14 * i), created);
		recruit_retain_default(created, retain);
		struct candidate_new cn = { name, email, "", recruit_source_codes[(size_t)(i * 3) % recruit_source_count],
					    roles[i % 5], nb ? "Kontorpartner AS" : "Kantoorgemak B.V.",
					    nb ? "oslo" : "randstad", "", 0, created, retain,
					    managers[(size_t)i % nmanagers], created };
		int64_t id;
		if ((e = candidate_add(c, org_id, &cn, &id)))
			return e;
		int64_t by = managers[(size_t)i % nmanagers];
		/* every other one talked to: a step (warm when recent) or a stop */
		if (i % 2 == 0) {
			char held[11], due[11], keep[11];
			day_add(today, -(long)(5 + 9 * (i % 14)), held);
			if (strcmp(held, created) < 0)
				memcpy(held, created, 11);
			day_add(held, 21, due);
			recruit_retain_default(held, keep);
			int stop = i % 4 == 2;
			struct candidate_conv_new cv = {
				.candidate_id = id, .author_id = by, .kind = i % 3 ? "call" : "meeting", .held_on = held,
				.notes = "", .outcome = stop ? "stop" : "step", .step_what = nb ? "Kaffe" : "Koffie",
				.step_who = name, .step_due = due, .stop_reason = stop ? stops[(i / 4) % 5] : NULL,
				.retain_until = strcmp(keep, retain) > 0 ? keep : retain,
			};
			int64_t conv;
			if ((e = candidate_conv_add(c, org_id, &cv, &conv)))
				return e;
		}
		/* into the vacancies: a funnel, two hires, one declined */
		int64_t stage = 0, v = vac[i % 2];
		char hired[11] = "";
		switch (i) {
		case 1: case 3: case 5: case 7: stage = stage_of(st, nst, "open", 0); break;
		case 9: case 11: case 13: stage = stage_of(st, nst, "open", 1); break;
		case 15: stage = stage_of(st, nst, "open", 2); break;
		case 17: stage = stage_of(st, nst, "open", 3); break;
		case 19: stage = stage_of(st, nst, "hired", 0); day_add(created, 34, hired); break;
		case 21: stage = stage_of(st, nst, "hired", 0); day_add(created, 61, hired); break;
		case 23: stage = stage_of(st, nst, "declined", 0); break;
		default: break;
		}
		if (stage && (e = candidate_move(c, org_id, id, v, stage)))
			return e;
		if (*hired && (e = DBX(c, "UPDATE candidates SET hired_on = $3 WHERE org_id = $1 AND id = $2", P_I(org_id),
				       P_I(id), P_T(hired))))
			return e;
	}
	/* one past the retention date, anonymised as the daily sweep does it */
	char created[11], retain[11];
	day_add(today, -420, created);
	day_add(today, -30, retain);
	struct candidate_new old = { "Pieter Oudhof", "pieter.oudhof@example.nl", "", "agency", "Accountmanager",
				     "Oud & Co", "", "Gesproken in 2025; geen toestemming om langer te bewaren.", 0,
				     created, retain, managers[0], created };
	int64_t id;
	if ((e = candidate_add(c, org_id, &old, &id)))
		return e;
	return candidate_anonymise(c, org_id, id, today);
}
