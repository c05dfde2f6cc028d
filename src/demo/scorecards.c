/*
 * demo scorecards: interviews of the candidates of Fjordpolder's two open
 * vacancies (issue 11, part 3), each scored by two interviewers — the
 * manager of the vacancy's team and a rep of that team — on the five
 * traits, all submitted. Kari Nordmann (at the offer stage in Oslo) meets
 * the elite rule (every trait's mean 4.0 or more); Lotte Janssen shows the
 * one clear disagreement (customer-oriented: 2 from one interviewer, 5 from
 * the other); the others are not elite yet. Written through the store, in
 * the caller's transaction.
 */
#include "demo.h"
#include "../store/scorecards.h"
#include "../domain/period.h"
#include "../lib/util.h"
#include <string.h>

static const char *const codes[5] = { "goal", "accountable", "learning", "motivated", "customer" };

static const struct {
	const char *name, *team;
	int days_ago;
	const char *kind;
	int scores[2][5];		/* manager, rep: goal, accountable, learning, motivated, customer */
	const char *rec[2];
	const char *evidence[2];	/* on the goal trait */
} cards[] = {
	{ "Lotte Janssen", "Randstad", 12, "interview", { { 4, 4, 4, 5, 2 }, { 4, 5, 4, 4, 5 } }, { "no", "strong_yes" },
	  { "Kende haar cijfers van vorig kwartaal uit het hoofd.", "Stelde zichzelf een doel boven het target." } },
	{ "Daan Mulder", "Randstad", 9, "phone", { { 3, 3, 5, 4, 3 }, { 3, 4, 5, 4, 4 } }, { "yes", "yes" },
	  { "Nog geen eigen doelen; volgt het target.", "Weet ongeveer waar hij staat." } },
	{ "Sophie van Dam", "Randstad", 5, "interview", { { 4, 3, 3, 4, 4 }, { 4, 3, 4, 3, 4 } }, { "yes", "no" },
	  { "Plant per week, niet verder.", "Doelen per kwartaal, met de partners afgestemd." } },
	{ "Kari Nordmann", "Oslo", 20, "ride_along", { { 5, 4, 4, 5, 5 }, { 4, 5, 4, 4, 5 } }, { "strong_yes", "strong_yes" },
	  { "Satte egne mål over budsjettet og nådde dem.", "Kjenner tallene sine til enhver tid." } },
	{ "Ola Hansen", "Oslo", 6, "interview", { { 3, 4, 3, 3, 4 }, { 4, 3, 3, 4, 3 } }, { "no", "yes" },
	  { "Vet ikke helt hvor han står mot målet.", "Planlegger uke for uke." } },
};

enum err demo_scorecards(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids)
{
	(void)a;
	(void)user_ids;
	char today[11];
	today_date(today);
	int64_t trait[5];
	for (int i = 0; i < 5; i++)
		if (!(trait[i] = DB_I64(c, 0, "SELECT id FROM traits WHERE org_id = $1 AND code = $2", P_I(org_id),
					P_T(codes[i]))))
			return E_INTERNAL;
	for (size_t k = 0; k < sizeof(cards) / sizeof(cards[0]); k++) {
		int64_t cand = DB_I64(c, 0, "SELECT id FROM candidates WHERE org_id = $1 AND name = $2", P_I(org_id),
				      P_T(cards[k].name));
		int64_t vac = DB_I64(c, 0, "SELECT coalesce(vacancy_id, 0) FROM candidates WHERE org_id = $1 AND id = $2",
				     P_I(org_id), P_I(cand));
		int64_t mgr = DB_I64(c, 0, "SELECT manager_id FROM teams WHERE org_id = $1 AND name = $2", P_I(org_id),
				     P_T(cards[k].team));
		int64_t rep = DB_I64(c, 0, "SELECT m.user_id FROM team_members m JOIN teams t ON t.org_id = m.org_id AND "
				     "t.id = m.team_id JOIN users u ON u.org_id = m.org_id AND u.id = m.user_id "
				     "WHERE m.org_id = $1 AND t.name = $2 AND u.role = 'rep' AND u.active = 1 "
				     "ORDER BY u.id LIMIT 1", P_I(org_id), P_T(cards[k].team));
		if (!cand || !mgr || !rep)
			return E_INTERNAL;
		char held[11];
		day_add(today, -(long)cards[k].days_ago, held);
		int64_t who[2] = { mgr, rep }, iv = 0;
		struct interview_new in = { cand, vac, held, cards[k].kind, mgr, who, 2 };
		enum err e = interview_add(c, org_id, &in, &iv);
		if (e)
			return e;
		for (int w = 0; w < 2; w++) {
			int64_t card = DB_I64(c, 0, "SELECT id FROM scorecards WHERE org_id = $1 AND interview_id = $2 AND "
					      "interviewer_id = $3", P_I(org_id), P_I(iv), P_I(who[w]));
			struct scorecard_score sc[5];
			for (int i = 0; i < 5; i++)
				sc[i] = (struct scorecard_score){ trait[i], cards[k].scores[w][i],
								  i == 0 ? cards[k].evidence[w] : "" };
			if ((e = scorecard_save(c, org_id, card, sc, 5, cards[k].rec[w], 1)))
				return e;
		}
	}
	return E_OK;
}
