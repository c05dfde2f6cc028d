/*
 * learningindex: the achievement-orientation index as the pages (the rep's
 * section on their learning page, the short version on the rep page, the
 * team's learning page) and the API (api-learning-index.c) load it, so all
 * of them show the same figures. The rights are checked by the caller
 * first (access_learning_index_see, access_learning_team_aggregate,
 * access_learning_team_reps); the rules of the figures are
 * domain/learning-index.h's, the sums store/learning-index.h's.
 *
 * Attainment and the superstars: the rep's attainment and tier in the
 * current quarter, by the organisation's tier rules, worked out as the
 * tiers page does (numbers_grid_load, tiers_grid_compute).
 */
#ifndef SG_WEB_LEARNINGINDEX_H
#define SG_WEB_LEARNINGINDEX_H
#include "../http/request.h"
#include "../domain/learning-index.h"
#include "../domain/period.h"
#include "../domain/tiers.h"
#include "../lib/table.h"
#include "../store/users.h"
#include <jansson.h>

struct li_rep {
	int64_t id, team_id;
	const char *name;
	struct li_input in;
	struct li_index x;
	char last_self[11];		/* the newest self-initiated activity in the window, "" if none */
	double att;			/* attainment in the current quarter, NaN without a target */
	enum tier tier;
};

struct li_team {
	char from[11], to[11];		/* the window */
	struct li_rep *reps;		/* by name; only when reps_shown */
	size_t n;
	int reps_shown;
	long minutes[LI_MONTHS][LI_ORIGINS];	/* the team's hours, all its members */
	size_t members;			/* reps counted in the aggregate */
	struct period quarter;		/* of the attainment */
	struct li_stars stars;
	int cut;
};

/* the window ending today */
void li_window(struct request *r, char *from, char *to);
/* one rep's index (u: the rep) */
enum err li_rep_load(struct request *r, const struct user *u, struct li_rep *out);
/* the teams' aggregate, and with reps_shown each rep of them (those whose
 * private data the viewer may see, access_private again per rep) with
 * attainment and tier; manager_scope: the teams are all those the viewer
 * leads (the numbers' scope) */
enum err li_team_load(struct request *r, const int64_t *teams, size_t nteams, int reps_shown, struct li_team *out);

/* minutes as hours in the reader's language: "7", "1.5" */
const char *li_hours_text(struct request *r, long minutes);
/* the formula in words */
const char *li_formula_text(struct request *r);
/* the parts with their counts: "7 of 10 hours self-initiated" ... */
const char *li_part_s_text(struct request *r, const struct li_index *x);
const char *li_part_m_text(struct request *r, const struct li_index *x);
const char *li_part_r_text(struct request *r, const struct li_index *x);

/* the stacked bars of learning hours per month by origin, with the same
 * figures in a table (id: the chart's element id; export_base: where the
 * table downloads, NULL for no links) */
void li_hours_chart(struct request *r, const char *id, const char *from, const long minutes[LI_MONTHS][LI_ORIGINS],
		    const char *export_base);
struct table *li_hours_table(struct request *r, const char *name, const char *from,
			     const long minutes[LI_MONTHS][LI_ORIGINS]);

/* the rep's hours per month by origin as CSV or Excel (?table=months of the
 * learning page; the caller has checked access_learning_see) */
void learning_index_months_export(struct request *r, const struct user *u);
/* JSON of one rep's figures (the API's) */
json_t *li_rep_json(const struct li_rep *x, int with_attainment);
json_t *li_months_json(const char *from, const long minutes[LI_MONTHS][LI_ORIGINS]);

/* the one-on-one agenda's "since last time": "2 books, 1 ride-along"
 * ("no learning activity" when n is 0) */
struct li_kind_count;
const char *li_kind_counts_text(struct request *r, const struct li_kind_count *k, size_t n);

#endif
