/*
 * demo contests: the leaderboards' and contests' part of the demo (issue
 * 10). Team Oslo keeps individual revenue off its leaderboards (a Norwegian
 * works council asked for it), so the demo shows the setting: Oslo's reps
 * appear on effort leaderboards, and on revenue only as the team's total.
 * Three contests, made by the admin:
 *   - running: "Stap of stop in december" on the commitment rate of this
 *     month, every team, at least 5 conversations to be ranked;
 *   - finished: "Omzetsprint" on revenue last quarter for the reps of
 *     Randstad and Noord-Nederland, its standings frozen now;
 *   - finished: "Grootste vooruitgang" in steps kept last month for
 *     Randstad, frozen, whose winner holds the most-improved badge.
 * Written through the store (and the freeze through service/leaderboard),
 * in the caller's transaction.
 */
#include "demo.h"
#include "../store/contests.h"
#include "../store/numbers.h"
#include "../service/leaderboard.h"
#include "../domain/contests.h"
#include "../lib/util.h"
#include <string.h>

enum err demo_contests(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
		       const int64_t *team_ids)
{
	int64_t admin = 0;
	for (size_t i = 0; i < demo_people_count; i++)
		if (!strcmp(demo_people[i].role, "admin"))
			admin = user_ids[i];
	enum err e;
	/* Oslo (the third team) hides individual revenue */
	if (demo_teams_count < 3 || (e = contests_team_revenue_set(c, org_id, team_ids[2], 0)))
		return demo_teams_count < 3 ? E_INTERNAL : e;
	struct numbers_settings ns;
	settings_numbers(c, a, org_id, &ns);
	char today[11], from[11], to[11], qfrom[11], qto[11], mfrom[11], mto[11];
	today_date(today);
	lb_period_resolve("this_month", today, ns.fiscal_start_month, from, to);
	lb_period_resolve("last_quarter", today, ns.fiscal_start_month, qfrom, qto);
	lb_period_resolve("last_month", today, ns.fiscal_start_month, mfrom, mto);

	int64_t all[3] = { team_ids[0], team_ids[1], team_ids[2] }, two[2] = { team_ids[0], team_ids[1] };
	struct contest running = { .name = "Stap of stop in december", .figure = "commitment_rate", .base = "",
				   .mode = "individual", .starts_on = from, .ends_on = to, .min_conversations = 5,
				   .prize = "Etentje voor twee bij De Librije", .created_by = admin, .team_ids = all,
				   .nteams = 3 };
	struct contest sprint = { .name = "Omzetsprint", .figure = "revenue", .base = "", .mode = "individual",
				  .starts_on = qfrom, .ends_on = qto, .prize = "Een extra vrije dag", .created_by = admin,
				  .team_ids = two, .nteams = 2 };
	struct contest improved = { .name = "Grootste vooruitgang", .figure = "most_improved", .base = "steps_kept",
				    .mode = "individual", .starts_on = mfrom, .ends_on = mto,
				    .prize = "Een boek naar keuze uit de bibliotheek", .created_by = admin,
				    .team_ids = two, .nteams = 1 };
	int64_t id;
	if ((e = contest_create(c, org_id, &running, &id)) || (e = contest_create(c, org_id, &sprint, &id)) ||
	    (e = contest_create(c, org_id, &improved, &id)))
		return e;
	size_t frozen;
	return contests_sweep(c, a, org_id, today, &frozen);
}
