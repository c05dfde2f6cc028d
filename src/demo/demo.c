/*
 * demo: inserts the demo organisation from the cast in people.c — the
 * organisation, the admin and the managers, the teams they lead, then the
 * reps in their teams — through the same store functions the admin pages
 * use, so the demo obeys the same rules as real data.
 *
 * Then the history follows: a year of deals and conversations (pipeline.c).
 * Later capabilities add theirs (targets, assessments) here as further
 * steps, reading each rep's profile from demo_people rather than from the
 * database.
 */
#include "demo.h"
#include "../store/orgs.h"
#include "../store/people.h"
#include "../lib/password.h"
#include <string.h>

/*
 * The logins, for people and for scripts (scripts/run.sh keeps them):
 *
 *	Demo organisation "Fjordpolder B.V." (slug demo) created.
 *	role     e-mail                                  password          name
 *	admin    admin@fjordpolder.example               Xk7mPq...         Ingrid Solberg
 *
 * one line per user after the header line, in the order of demo_people.
 * Columns are separated by two or more spaces; the name comes last because
 * it may hold single spaces. Keep this format stable.
 */
#define LOGIN_FMT "%-7s  %-38s  %-16s  %s\n"

static int person_index(const char *email)
{
	const struct demo_person *p = demo_person_by_email(email);
	return p ? (int)(p - demo_people) : -1;
}

static const char *team_of(const struct demo_person *p, const int64_t *team_ids, int64_t *id)
{
	for (size_t t = 0; p->team && t < demo_teams_count; t++)
		if (!strcmp(demo_teams[t].name, p->team)) {
			*id = team_ids[t];
			return demo_teams[t].name;
		}
	*id = 0;
	return NULL;
}

static enum err add_person(struct db_conn *c, struct arena *a, int64_t org_id, const struct demo_person *p,
			   int64_t team_id, char password[17], int64_t *id)
{
	password_generate(password);
	struct new_user nu = {
		.email = p->email, .name = p->name, .role = p->role,
		.team_id = team_id, .password = password, .locale = p->locale,
	};
	const char *field, *msg;
	enum err e = people_add_user(c, a, org_id, &nu, id, &field, &msg);
	if (e)
		fprintf(stderr, "error: demo: cannot add %s (%s)%s%s\n", p->email, err_name(e),
			msg ? ": " : "", msg ? msg : "");
	return e;
}

enum err demo_create(struct db_conn *c, struct arena *a, FILE *logins_out)
{
	struct org existing;
	enum err e = org_by_slug(c, a, DEMO_SLUG, &existing);
	if (e != E_NOTFOUND)
		return e ? e : E_CONFLICT;
	int64_t org_id = 0;
	if ((e = org_create(c, DEMO_SLUG, DEMO_ORG_NAME, DEMO_LOCALE, DEMO_CURRENCY, &org_id)))
		return e;

	int64_t *user_ids = arena_alloc(a, demo_people_count * sizeof(int64_t));
	int64_t *team_ids = arena_alloc(a, demo_teams_count * sizeof(int64_t));
	char (*passwords)[17] = arena_alloc(a, demo_people_count * sizeof(*passwords));

	/* the admin and the managers first: a team needs its manager to exist,
	 * and managers lead their team without being members of it */
	for (size_t i = 0; i < demo_people_count; i++)
		if (strcmp(demo_people[i].role, "rep") &&
		    (e = add_person(c, a, org_id, &demo_people[i], 0, passwords[i], &user_ids[i])))
			return e;

	for (size_t t = 0; t < demo_teams_count; t++) {
		int m = person_index(demo_teams[t].manager_email);
		if (m < 0) {
			fprintf(stderr, "error: demo: team %s has no manager %s in the cast\n", demo_teams[t].name,
				demo_teams[t].manager_email);
			return E_INTERNAL;
		}
		struct new_team nt = {
			.name = demo_teams[t].name, .territory = demo_teams[t].territory,
			.segment = demo_teams[t].segment, .manager_id = user_ids[m],
		};
		const char *field, *msg;
		if ((e = people_add_team(c, a, org_id, &nt, &team_ids[t], &field, &msg))) {
			fprintf(stderr, "error: demo: cannot add team %s (%s)%s%s\n", nt.name, err_name(e),
				msg ? ": " : "", msg ? msg : "");
			return e;
		}
	}

	for (size_t i = 0; i < demo_people_count; i++) {
		const struct demo_person *p = &demo_people[i];
		if (strcmp(p->role, "rep"))
			continue;
		int64_t team_id;
		if (!team_of(p, team_ids, &team_id)) {
			fprintf(stderr, "error: demo: %s is in no team of the cast\n", p->email);
			return E_INTERNAL;
		}
		if ((e = add_person(c, a, org_id, p, team_id, passwords[i], &user_ids[i])))
			return e;
	}

	/* a year of deals and conversations for the reps (pipeline.c); the
	 * planner's statistics are refreshed as the tables grow in this one
	 * transaction (db_analyze), here and before the phases that read much */
	if ((e = demo_pipeline(c, a, org_id, user_ids)))
		return e;
	/* two years of targets, and the year before from the old CRM (numbers.c) */
	if ((e = demo_numbers(c, a, org_id, user_ids)))
		return e;

	/* development (issue 8): the competency framework and assessments */
	if ((e = demo_assessments(c, a, org_id, user_ids, team_ids)))
		return e;

	/* development (issue 8): a rep's profile and the team matrix */

	/* development (issue 8): development plans and recognition */
	if ((e = demo_plans(c, a, org_id, user_ids)))
		return e;

	if ((e = db_analyze(c)))
		return e;
	/* development (issue 8): field coaching and one-on-ones */
	if ((e = demo_coaching(c, a, org_id, user_ids)))
		return e;

	/* learning (issue 9): the learning log and suggested or mandatory training */
	if ((e = demo_learning(c, a, org_id, user_ids, team_ids)))
		return e;

	/* learning (issue 9): the achievement-orientation index and the team's learning */

	/* learning (issue 9): the library */
	if ((e = demo_library(c, a, org_id, user_ids)))
		return e;

	/* learning (issue 9): sales meetings and the case library */
	if ((e = demo_meetings(c, a, org_id, user_ids, team_ids)))
		return e;

	/* levers (issue 10): improvement plans */
	if ((e = demo_improve(c, a, org_id, user_ids)))
		return e;
	/* levers (issue 10): pulse */
	if ((e = demo_pulse(c, a, org_id, user_ids, team_ids)))
		return e;
	/* levers (issue 10): kudos, spotlight, badges and streaks */
	if ((e = demo_kudos(c, a, org_id, user_ids, team_ids)))
		return e;
	/* levers (issue 10): leaderboards and contests */
	if ((e = demo_contests(c, a, org_id, user_ids, team_ids)))
		return e;
	/* recruiting (issue 11): the talent pool */
	if ((e = demo_recruiting(c, a, org_id, user_ids)))
		return e;
	/* recruiting (issue 11, part 3): interviews and their scorecards */
	if ((e = demo_scorecards(c, a, org_id, user_ids)))
		return e;
	/* recruiting (issue 11, part 3): a hire with a first assessment from interviews */
	if ((e = demo_hiring(c, a, org_id, user_ids)))
		return e;
	if ((e = db_analyze(c)))
		return e;
	/* levers (issue 10): the coach's inbox — last, as it reads everything above */
	if ((e = demo_inbox(c, a, org_id, user_ids, team_ids)))
		return e;
	/* levers (issue 10): the manager's own mirror */
	if ((e = demo_mirror(c, a, org_id, user_ids)))
		return e;

	fprintf(logins_out, "Demo organisation \"%s\" (slug %s) created.\n", DEMO_ORG_NAME, DEMO_SLUG);
	fprintf(logins_out, LOGIN_FMT, "role", "e-mail", "password", "name");
	for (size_t i = 0; i < demo_people_count; i++)
		fprintf(logins_out, LOGIN_FMT, demo_people[i].role, demo_people[i].email, passwords[i],
			demo_people[i].name);
	return E_OK;
}
