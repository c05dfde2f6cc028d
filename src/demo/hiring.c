/*
 * demo hiring: one hire who became a rep (issue 11, part 3). Floor Kuipers,
 * a candidate of the Randstad vacancy at the offer stage, was interviewed
 * by Maarten Visser (the team's manager) and Sophie van den Berg (its
 * superstar), who each submitted a scorecard on the five traits — they
 * disagree on her motivation and her customer focus. She was hired into
 * Randstad two weeks ago through the store's hire (store/hire.h): her
 * account, the candidate marked hired at the vacancy's hired stage, and her
 * first assessment "from interviews" with the rounded means and the
 * interviewers' evidence. The scorecards are written here with plain
 * INSERTs, independent of the scorecards' own demo; the rep's password is
 * made up and not printed (an admin sets one to sign in as her).
 * In the caller's transaction.
 */
#include "demo.h"
#include "../store/hire.h"
#include "../store/recruit.h"
#include "../domain/period.h"
#include "../lib/password.h"
#include "../lib/util.h"
#include <string.h>

#define NTRAITS 5

/* goal-oriented, accountable, eager to learn, motivated, customer-oriented */
static const int maarten_scores[NTRAITS] = { 4, 5, 4, 4, 3 };
static const int sophie_scores[NTRAITS] = { 5, 4, 4, 3, 4 };
static const char *const maarten_ev[NTRAITS] = {
	"Noemde haar cijfers van vorig jaar zonder te zoeken en legde uit hoe ze haar target verdeelt.",
	"Vertelde uit zichzelf over een deal die ze verloor en wat ze daarna anders deed.",
	"Leest elke maand een boek over verkoop; noemde twee dingen die ze heeft uitgeprobeerd.",
	"Wil meer verdienen en groeien; ging na een afwijzing meteen door.",
	"Begon snel over het product toen ik een klantsituatie schetste.",
};
static const char *const sophie_ev[NTRAITS] = {
	"Stelde zichzelf een doel boven het target en houdt het wekelijks bij.",
	"Geeft de schuld niet aan anderen, maar ik hoorde weinig concreets over nakomen van afspraken.",
	"Vroeg mij na het gesprek om tips voor haar opening.",
	"Motivatie lijkt vooral van het salaris te komen; weinig eigen drive gehoord.",
	"Vatte de behoefte van de klant in het rollenspel eerst samen voordat ze iets voorstelde.",
};

static enum err scorecard(struct db_conn *c, int64_t org_id, int64_t cand, int64_t vac, int64_t by,
			  const int64_t *traits, const int *scores, const char *const *ev, const char *held,
			  const char *rec)
{
	int64_t now = now_epoch();
	int64_t iv = DB_I64(c, 0, "INSERT INTO interviews (org_id, candidate_id, vacancy_id, held_on, created_by, "
			    "created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
			    P_I(org_id), P_I(cand), P_I(vac), P_T(held), P_I(by), P_I(now));
	int64_t sc = iv ? DB_I64(c, 0, "INSERT INTO scorecards (org_id, interview_id, candidate_id, interviewer_id, status, "
				 "recommendation, submitted_at, created_at) VALUES ($1, $2, $3, $4, 'submitted', $5, $6, $6) "
				 "RETURNING id", P_I(org_id), P_I(iv), P_I(cand), P_I(by), P_T(rec), P_I(now))
			: 0;
	if (!sc)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
	for (int t = 0; t < NTRAITS; t++) {
		enum err e = DBX(c, "INSERT INTO scorecard_scores (org_id, scorecard_id, trait_id, score, evidence) "
				    "VALUES ($1, $2, $3, $4, $5)",
				 P_I(org_id), P_I(sc), P_I(traits[t]), P_I(scores[t]), P_T(ev[t]));
		if (e)
			return e;
	}
	return E_OK;
}

static int64_t person(const int64_t *user_ids, const char *email)
{
	const struct demo_person *p = demo_person_by_email(email);
	return p ? user_ids[p - demo_people] : 0;
}

enum err demo_hiring(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids)
{
	int64_t maarten = person(user_ids, "maarten.visser@" DEMO_DOMAIN),
		sophie = person(user_ids, "sophie.vandenberg@" DEMO_DOMAIN);
	int64_t team = DB_I64(c, 0, "SELECT id FROM teams WHERE org_id = $1 AND name = 'Randstad'", P_I(org_id));
	int64_t vac = DB_I64(c, 0, "SELECT coalesce((SELECT v.id FROM vacancies v WHERE v.org_id = $1 AND v.team_id = $2 "
			     "ORDER BY v.id LIMIT 1), 0)", P_I(org_id), P_I(team));
	int64_t offer = DB_I64(c, 0, "SELECT coalesce((SELECT id FROM recruit_stages WHERE org_id = $1 AND kind = 'open' "
			       "ORDER BY position DESC, id DESC LIMIT 1), 0)", P_I(org_id));
	if (!maarten || !sophie || !team)
		return E_INTERNAL;
	int64_t traits[NTRAITS];
	size_t nt = 0;
	struct db_stmt *st = DBQ(c, "SELECT id FROM traits WHERE org_id = $1 AND retired_at IS NULL ORDER BY position, id "
				 "LIMIT 5", P_I(org_id));
	while (nt < NTRAITS && db_step(st) == DB_ROW)
		traits[nt++] = db_col_i64(st, 0);
	enum err e = db_finish(st);
	if (e)
		return e;
	if (nt < NTRAITS)
		return E_INTERNAL;
	char today[11], created[11], held1[11], held2[11], start[11], retain[11];
	today_date(today);
	day_add(today, -75, created);
	day_add(today, -40, held1);
	day_add(today, -33, held2);
	day_add(today, -14, start);
	recruit_retain_default(today, retain);
	struct candidate_new cn = { "Floor Kuipers", "floor.kuipers@" DEMO_DOMAIN, "", "referral", "Accountmanager",
				    "Kantoorgemak B.V.", "mkb, randstad", "Aangeraden door Sophie.", sophie, created,
				    retain, maarten, created };
	int64_t cand = 0;
	if ((e = candidate_add(c, org_id, &cn, &cand)))
		return e;
	if (vac && (e = candidate_move(c, org_id, cand, vac, offer)))
		return e;
	if ((e = scorecard(c, org_id, cand, vac, maarten, traits, maarten_scores, maarten_ev, held1, "yes")) ||
	    (e = scorecard(c, org_id, cand, vac, sophie, traits, sophie_scores, sophie_ev, held2, "strong_yes")))
		return e;
	char password[17];
	password_generate(password);
	struct hire_new hn = { .candidate_id = cand, .name = "Floor Kuipers", .email = "floor.kuipers@" DEMO_DOMAIN,
			       .lang = "nl", .team_id = team, .start_on = start, .password = password,
			       .hired_by = maarten, .round_name = "Uit de sollicitatiegesprekken", .today = start };
	struct hire_result res;
	const char *field, *msg;
	return hire_candidate(c, a, org_id, &hn, &res, &field, &msg);
}
