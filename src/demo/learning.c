/*
 * learning (demo): a year of the learning log for the demo reps (issue 9),
 * from the cast's talent profile (people.c). The superstars learn from
 * within — two or three self-initiated activities a month, books, ride-alongs
 * with colleagues, webinars, most with a reflection; the other reps who
 * develop themselves (self_learner 1) about one a month, half with a
 * reflection; the "lesser gods" (self_learner 0) only the mandatory training.
 * Each team got two mandatory trainings this year (the last one just past
 * its due day with one member still open: overdue), every manager suggested
 * a few things, some done, a few still waiting for an answer.
 *
 * Deterministic: the same "today" and cast give the same log. Everything is
 * written through the store (learning_add, learning_assign, learning_answer,
 * learning_complete) in the caller's one transaction, so `make run` stays fast.
 */
#include "demo.h"
#include "../domain/period.h"
#include "../store/learning.h"
#include "../store/learning-log.h"
#include "../store/traits.h"
#include "../lib/util.h"
#include <string.h>

struct title {
	const char *kind, *title;
	int minutes;
	int trait;		/* enum demo_trait it serves */
	const char *learned, *will_change;
};

/* what self-initiated learners pick; realistic, invented titles */
static const struct title self_titles[] = {
	{ "book", "The Questioning Seller: Discovery That Finds the Real Pain", 360, DEMO_CUSTOMER_ORIENTED,
	  "Ask about the cost of doing nothing before talking about the product.",
	  "Open every first meeting with three questions about their numbers." },
	{ "book", "Pipeline Discipline: Forecasting Without Hope", 300, DEMO_GOAL_ORIENTED,
	  "A deal without a dated next step is not a deal.", "Review my open deals every Friday and drop the dead ones." },
	{ "book", "Negotiating With Procurement", 420, DEMO_ACCOUNTABLE,
	  "Procurement has targets too; give them something to report.", "Prepare two concessions I can trade, never give." },
	{ "article", "Why buyers go quiet after the demo", 30, DEMO_CUSTOMER_ORIENTED,
	  "Silence usually means no champion, not no interest.", "Ask who else needs to see it before I do the demo." },
	{ "article", "Ten questions for a better discovery call", 20, DEMO_CUSTOMER_ORIENTED,
	  "The best questions are about the buyer's own goals.", "" },
	{ "webinar", "Selling to the CFO in an uncertain economy", 60, DEMO_GOAL_ORIENTED,
	  "Lead with payback period, not features.", "Build a one-page business case for my top three deals." },
	{ "webinar", "Multi-threading enterprise deals", 75, DEMO_ACCOUNTABLE,
	  "One contact is a single point of failure.", "Map at least three contacts in every deal above 20k." },
	{ "ride_along", "Ride-along with a senior colleague: office equipment renewals", 240, DEMO_EAGER_TO_LEARN,
	  "She lets the customer talk about last year's problems first.", "Start renewals with a review, not a quote." },
	{ "ride_along", "Ride-along: first visit at a new SMB account", 180, DEMO_CUSTOMER_ORIENTED,
	  "Walking the floor tells you more than the meeting room.", "Ask for a tour at every first visit." },
	{ "joint_call", "Joint call with the manager on a stalled deal", 60, DEMO_ACCOUNTABLE,
	  "Asking 'what would have to be true' unblocked it.", "Use that question when a deal stalls." },
	{ "seminar", "Regional sales leadership seminar", 240, DEMO_MOTIVATED,
	  "Top performers plan their week on Sunday evening.", "Block Monday morning for prospecting." },
	{ "course", "Online course: Value-based selling (module 1-4)", 480, DEMO_GOAL_ORIENTED,
	  "Value is what the customer gets minus what it costs them to change.", "Quantify the switching cost in proposals." },
	{ "coaching", "Coaching session on handling price objections", 60, DEMO_ACCOUNTABLE,
	  "I defend the price too early.", "Ask what they compare it with before I answer." },
	{ "mentoring", "Mentoring lunch with a top seller from another team", 90, DEMO_EAGER_TO_LEARN,
	  "She keeps a list of lost deals and why.", "Write down the reason for every lost deal this quarter." },
	{ "practice_case", "Practice case: the buyer who wants a 20% discount", 45, DEMO_ACCOUNTABLE,
	  "Trading beats conceding.", "" },
	{ "workshop", "Workshop: writing proposals that get read", 180, DEMO_CUSTOMER_ORIENTED,
	  "The summary page is all most decision makers read.", "Rewrite my proposal template's first page." },
	{ "article", "How top sellers use the first five minutes", 15, DEMO_MOTIVATED, "", "" },
	{ "book", "Resilient Selling: Staying Motivated Through Slumps", 300, DEMO_MOTIVATED,
	  "Control the activity, not the outcome.", "Track calls made, not only deals won, in a bad month." },
};
#define SELF_N (sizeof(self_titles) / sizeof(self_titles[0]))

/* what managers suggest */
static const struct title suggest_titles[] = {
	{ "book", "Read: Spin-free Discovery for Busy Sellers", 300, DEMO_CUSTOMER_ORIENTED, "", "" },
	{ "ride_along", "Ride along with Sophie on two SMB visits", 240, DEMO_EAGER_TO_LEARN, "", "" },
	{ "webinar", "Webinar: Closing without pressure", 60, DEMO_GOAL_ORIENTED, "", "" },
	{ "article", "Article: The follow-up email buyers answer", 20, DEMO_ACCOUNTABLE, "", "" },
	{ "course", "Course: Account planning for enterprise customers", 480, DEMO_GOAL_ORIENTED, "", "" },
	{ "coaching", "Coaching session on your weakest trait", 60, DEMO_MOTIVATED, "", "" },
};
#define SUGGEST_N (sizeof(suggest_titles) / sizeof(suggest_titles[0]))

/* the two mandatory trainings of the year */
static const struct title mandatory_titles[] = {
	{ "training_day", "Annual compliance and GDPR refresher", 240, DEMO_ACCOUNTABLE, "", "" },
	{ "course", "Product launch training: Fjordpolder Workplace 5", 360, DEMO_CUSTOMER_ORIENTED, "", "" },
};

/* a small deterministic generator */
static unsigned next_rand(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

static const char *trait_codes[DEMO_TRAITS] = { "goal", "accountable", "learning", "motivated", "customer" };

static int64_t trait_id_of(const struct trait_list *tl, int trait)
{
	for (size_t i = 0; i < tl->n; i++)
		if (tl->items[i].code && !strcmp(tl->items[i].code, trait_codes[trait]))
			return tl->items[i].id;
	return 0;
}

static const char *days_ago(struct arena *a, const char *today, long n)
{
	char *d = arena_alloc(a, 11);
	day_add(today, -n, d);
	return d;
}

static int64_t manager_of(const struct demo_person *p, const int64_t *user_ids)
{
	for (size_t t = 0; t < demo_teams_count; t++) {
		if (strcmp(demo_teams[t].name, p->team))
			continue;
		for (size_t i = 0; i < demo_people_count; i++)
			if (!strcmp(demo_people[i].email, demo_teams[t].manager_email))
				return user_ids[i];
	}
	return 0;
}

/* the self-initiated year of one rep */
static enum err self_year(struct db_conn *c, struct arena *a, int64_t org_id, const struct trait_list *tl,
			  const char *today, size_t idx, int64_t rep_id)
{
	const struct demo_person *p = &demo_people[idx];
	unsigned seed = 7919u * (unsigned)(idx + 1);
	int per_year = p->tier == DEMO_SUPERSTAR ? 30 : 11;
	int reflect_pct = p->tier == DEMO_SUPERSTAR ? 85 : 50;
	for (int k = 0; k < per_year; k++) {
		/* spread over the year, a few days of jitter, never in the future */
		long ago = (long)(k * 360 / per_year) + (long)(next_rand(&seed) % 9) + 1;
		const struct title *t = &self_titles[next_rand(&seed) % SELF_N];
		int reflect = (int)(next_rand(&seed) % 100) < reflect_pct;
		struct new_learning l = {
			.rep_id = rep_id, .kind = t->kind, .title = t->title, .origin = "self", .status = "done",
			.done_on = days_ago(a, today, ago), .minutes = t->minutes, .trait_id = trait_id_of(tl, t->trait),
			.learned = reflect ? t->learned : "", .will_change = reflect ? t->will_change : "",
			.created_by = rep_id,
		};
		enum err e = learning_add(c, org_id, &l, NULL);
		if (e)
			return e;
	}
	return E_OK;
}

/* a manager's suggestions to one rep: one done in the past, and for some
 * reps one still open (suggested, or accepted and not done yet) */
static enum err suggestions(struct db_conn *c, struct arena *a, int64_t org_id, const struct trait_list *tl,
			    const char *today, size_t idx, int64_t rep_id, int64_t manager_id, int open_kind)
{
	const struct demo_person *p = &demo_people[idx];
	const struct title *t = &suggest_titles[idx % SUGGEST_N];
	int weakest = demo_weakest_trait(p);
	struct new_learning l = {
		.rep_id = rep_id, .kind = t->kind, .title = t->title, .origin = "suggested", .status = "suggested",
		.minutes = t->minutes, .trait_id = trait_id_of(tl, weakest), .suggested_by = manager_id,
		.created_by = manager_id,
	};
	int64_t id = 0;
	enum err e;
	if (p->self_learner) {
		/* taken up and done a few months ago */
		if ((e = learning_add(c, org_id, &l, &id)) || (e = learning_answer(c, org_id, id, "accepted")) ||
		    (e = learning_complete(c, org_id, id, days_ago(a, today, 100 + (long)idx), t->minutes,
					   "Useful; it gave me a checklist I now use.", "")))
			return e;
	}
	if (!open_kind)
		return E_OK;
	const struct title *o = &suggest_titles[(idx + 3) % SUGGEST_N];
	l.kind = o->kind;
	l.title = o->title;
	l.minutes = o->minutes;
	l.due_on = days_ago(a, today, -21);
	if ((e = learning_add(c, org_id, &l, &id)))
		return e;
	return open_kind == 2 ? learning_answer(c, org_id, id, "accepted") : E_OK;
}

/* the two trainings of a team: the first long done by everyone, the second
 * just past due with one member still open */
static enum err trainings(struct db_conn *c, struct arena *a, int64_t org_id, const struct trait_list *tl,
			  const char *today, int64_t team_id, int64_t manager_id)
{
	static const long due_ago[2] = { 200, 4 };
	for (int k = 0; k < 2; k++) {
		const struct title *t = &mandatory_titles[k];
		struct new_assignment na = { .team_id = team_id, .kind = t->kind, .title = t->title,
					     .due_on = days_ago(a, today, due_ago[k]), .minutes = t->minutes,
					     .trait_id = trait_id_of(tl, t->trait), .assigned_by = manager_id };
		int64_t id = 0;
		enum err e = learning_assign(c, org_id, &na, &id, NULL);
		if (e)
			return e;
		struct learning_list m;
		if ((e = learning_assignment_members(c, a, org_id, id, &m)))
			return e;
		for (size_t i = 0; i < m.n; i++) {
			if (k == 1 && i == m.n / 2)
				continue;	/* still open: overdue */
			long ago = due_ago[k] + 3 + (long)(i % 12);
			if ((e = learning_complete(c, org_id, m.items[i].id, days_ago(a, today, ago), t->minutes,
						   i % 3 ? "" : "Good refresher on what we may keep about customers.", "")))
				return e;
		}
	}
	return E_OK;
}

enum err demo_learning(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *user_ids,
		       const int64_t *team_ids)
{
	char today[11];
	today_date(today);
	struct trait_list tl;
	enum err e = trait_list(c, a, org_id, LANG_EN, TRAITS_ACTIVE, &tl);
	if (e)
		return e;
	for (size_t t = 0; t < demo_teams_count; t++) {
		int64_t manager_id = 0;
		for (size_t i = 0; i < demo_people_count; i++)
			if (!strcmp(demo_people[i].email, demo_teams[t].manager_email))
				manager_id = user_ids[i];
		if ((e = trainings(c, a, org_id, &tl, today, team_ids[t], manager_id)))
			return e;
	}
	int open_given = 0;
	for (size_t i = 0; i < demo_people_count; i++) {
		const struct demo_person *p = &demo_people[i];
		if (strcmp(p->role, "rep"))
			continue;
		if (p->self_learner && (e = self_year(c, a, org_id, &tl, today, i, user_ids[i])))
			return e;
		/* every fourth rep has a suggestion still open: most waiting for an answer, one accepted */
		int open_kind = i % 4 == 1 ? (open_given++ % 3 == 2 ? 2 : 1) : 0;
		if ((e = suggestions(c, a, org_id, &tl, today, i, user_ids[i], manager_of(p, user_ids), open_kind)))
			return e;
	}
	return E_OK;
}
