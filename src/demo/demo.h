/*
 * demo: the demo organisation — Fjordpolder B.V., a Dutch-Norwegian company
 * that sells workplace software and office equipment to businesses, with
 * three sales teams (Randstad, Noord-Nederland, Oslo).
 *
 * The cast (people.c) is data only: who is who, which team, and the talent
 * profile behind each rep. The profile is not stored in the database; it is
 * the hidden truth that generators of history (deals, conversations, targets,
 * assessments, learning) read, so that what Salesgarden then shows — the
 * 4%/50% concentration, the weakest trait, the "lesser gods", the excuse
 * check — has something real to find. demo.c inserts the cast.
 *
 * Everything here is fixed, so every run builds the same organisation;
 * only the passwords are new each time.
 */
#ifndef SG_DEMO_H
#define SG_DEMO_H
#include <stddef.h>
#include <stdio.h>
#include "../db/db.h"
#include "../lib/arena.h"

#define DEMO_SLUG "demo"
#define DEMO_ORG_NAME "Fjordpolder B.V."
#define DEMO_DOMAIN "fjordpolder.example"
#define DEMO_LOCALE "nl"
#define DEMO_CURRENCY "EUR"

/* tier of a rep; admin and managers have none */
enum demo_tier { DEMO_NO_TIER = 0, DEMO_SUPERSTAR, DEMO_CORE, DEMO_UNDERPERFORMER };

/* the five superstar traits, in the order of the articles and of traits[] */
enum demo_trait {
	DEMO_GOAL_ORIENTED,
	DEMO_ACCOUNTABLE,
	DEMO_EAGER_TO_LEARN,
	DEMO_MOTIVATED,
	DEMO_CUSTOMER_ORIENTED,
	DEMO_TRAITS
};

struct demo_team {
	const char *name, *territory, *segment;
	const char *manager_email;	/* a person in demo_people with role "manager" */
};

struct demo_person {
	const char *name;
	const char *email;		/* firstname.lastname@DEMO_DOMAIN, ASCII-folded */
	const char *team;		/* a rep's team; the team a manager leads; NULL for the admin */
	const char *role;		/* "admin", "manager", "rep" */
	const char *locale;		/* "nl", "nb" or "en" */
	/* --- the talent profile; all 0 for the admin and the managers --- */
	int tier;			/* enum demo_tier */
	int traits[DEMO_TRAITS];	/* 1-5, indexed by enum demo_trait */
	/* expected yearly revenue as a multiple of a typical core rep's (1.0),
	 * across the organisation: a segment changes deal size and count, not
	 * this total. The two superstars together bring close to half. */
	double strength;
	int self_learner;		/* 1 develops from within; 0 only the mandatory training */
	int tenure_months;		/* time at Fjordpolder when the demo is created */
	const char *story;		/* one line for whoever writes a generator */
};

extern const struct demo_team demo_teams[];
extern const size_t demo_teams_count;
extern const struct demo_person demo_people[];
extern const size_t demo_people_count;

/* the person with this e-mail address, or NULL */
const struct demo_person *demo_person_by_email(const char *email);
/* the index (enum demo_trait) of the person's lowest trait, the first on a
 * tie: the development focus, since a profile is as strong as its weakest trait */
int demo_weakest_trait(const struct demo_person *p);

/*
 * Creates the demo organisation with its teams and people on c, inside the
 * caller's transaction, and writes the logins to logins_out (format in
 * demo.c). E_CONFLICT when an organisation with slug DEMO_SLUG exists.
 */
enum err demo_create(struct db_conn *c, struct arena *a, FILE *logins_out);

/*
 * Twelve months of sales history up to today (today_date()) for the reps of
 * the demo organisation (pipeline.c): the default stages, accounts with
 * contacts, deals, and conversations with their steps and stops, written
 * through the store so every rule applies. user_ids holds the id of each
 * person of demo_people, by index. Runs inside the caller's transaction;
 * the same "today" gives the same history.
 */
enum err demo_pipeline(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids);

/*
 * Two years of monthly targets, and the old CRM's closed deals for the year
 * before pipeline.c's (numbers.c), so that tiers, concentration and the
 * excuse check have history. Runs after demo_pipeline, in its transaction.
 */
enum err demo_numbers(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids);

/* development (issue 8): the competency framework and assessments */
/*
 * Four half-yearly assessment rounds per team from the cast's talent
 * profile (assessments.c): growth for the reps who develop from within, the
 * superstars strong on all five, the newest round open with forms to do.
 * team_ids holds the id of each team of demo_teams, by index. Runs after
 * demo_numbers, in its transaction.
 */
enum err demo_assessments(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
			  const int64_t *team_ids);

/* development (issue 8): a rep's profile and the team matrix */

/* development (issue 8): development plans and recognition */
/* open plans for some reps of each team (plans.c), after the history:
 * goals of both kinds (one plan of result goals only), actions, check-ins,
 * recognition. In the caller's transaction. */
enum err demo_plans(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids);

/* learning (issue 9): the learning log and suggested or mandatory training */
/* a year of the learning log (learning.c): the superstars learn from
 * within, the "lesser gods" only the mandatory training; two mandatory
 * trainings per team (the last one with an overdue member), suggestions,
 * a few still open. team_ids as for demo_assessments. In the caller's
 * transaction. */
enum err demo_learning(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
		       const int64_t *team_ids);

/* learning (issue 9): the achievement-orientation index and the team's learning */

/* learning (issue 9): the library */
/* the library (library.c): about thirty titles linked to the traits, a
 * year of loans returned with takeaways and ratings (learning activities
 * through learning_add), open loans (one overdue), a waiting list on a
 * popular book, articles a manager suggested. In the caller's transaction. */
enum err demo_library(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids);

/* learning (issue 9): sales meetings and the case library */
/* the case library and two sales meetings a month per team for the past
 * year and the month ahead (meetings.c): a case on each, rotating, with
 * attendance that writes the present reps' learning activities; exactly one
 * held without a case. team_ids as for demo_assessments. In the caller's
 * transaction. */
enum err demo_meetings(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
		       const int64_t *team_ids);

/* development (issue 8): field coaching and one-on-ones */
/* cadences and a year of one-on-ones for every rep in a team (coaching.c):
 * notes, points, actions carried forward, some overdue now. In the caller's
 * transaction. */
enum err demo_coaching(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids);

/* levers (issue 10): improvement plans — two underperformers of Oslo: one
 * improved under a plan, one heading for a decision (improve.c) */
enum err demo_improve(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids);
/* levers (issue 10): pulse */
/* twelve ended weeks of pulse answers and a few of this week (pulse.c):
 * Priya Ramdin at burnout risk who shares it, team Noord-Nederland whose
 * average dipped to 2.5 or lower in the last ended week. team_ids as for
 * demo_assessments. In the caller's transaction. */
enum err demo_pulse(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
		    const int64_t *team_ids);
/* levers (issue 10): kudos, spotlight, badges and streaks */
/* kudos across every team over the last eight weeks in the giver's
 * language, a spotlight of the month for every team and of the week for
 * the first (kudos.c); badges and streaks come from the steps and loans
 * already written. team_ids as for demo_assessments. In the caller's
 * transaction. */
enum err demo_kudos(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
		    const int64_t *team_ids);

/* levers (issue 10): leaderboards and contests */
/* team Oslo hides individual revenue; a running contest on this month's
 * commitment rate, a finished one on last quarter's revenue and one on the
 * most improved steps kept last month, both frozen (contests.c). team_ids
 * as for demo_assessments. In the caller's transaction. */
enum err demo_contests(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
		       const int64_t *team_ids);
/* levers (issue 10): the coach's inbox */
/* Maarten Visser snoozes the overdue library loan in his inbox for a week
 * (inbox.c); every other item comes from the data above. team_ids as for
 * demo_assessments (Randstad first). In the caller's transaction. */
enum err demo_inbox(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
		    const int64_t *team_ids);

/* levers (issue 10): the manager's own mirror */
/* Maarten Visser's three self-assessments over the last year, a closed
 * upward round with four answers and an open one with two (mirror.c). In
 * the caller's transaction. */
enum err demo_mirror(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids);
/* recruiting (issue 11): the talent pool — fifteen candidates from every
 * source kept warm by the managers, one strung along, a rep invited to
 * interview one (recruiting.c). In the caller's transaction. */
enum err demo_recruiting(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids);
/* recruiting (issue 11, part 3): the candidates of the two open vacancies
 * interviewed and scored by two interviewers each, all submitted; one
 * meets the elite rule, one shows a disagreement of 2 against 5
 * (scorecards.c). In the caller's transaction. */
enum err demo_scorecards(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids);
/* recruiting (issue 11, part 3): one hire who became a rep in Randstad,
 * with two submitted scorecards and a first assessment from interviews
 * (hiring.c). After demo_recruiting; in the caller's transaction. */
enum err demo_hiring(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids);
/* the rest of the pool (recruiting-figures.c): 25 more candidates over the
 * last year, hires, stops and a declined one for the figures, one
 * anonymised past its retention date; called by demo_recruiting */
enum err demo_recruiting_figures(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *managers,
				 size_t nmanagers, const char *today);

#endif
