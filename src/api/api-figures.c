/*
 * api-figures: GET /api/v1/figures/commitment — the step-or-stop figures of
 * a rep, a team or the organisation over a period, with every count behind
 * them so that a client can recompute and explain each rate, how gut
 * feeling and outcome relate to winning, and the trend by month. Who may
 * ask for what: a rep their own figures and their own team's as a whole; a
 * manager those of the teams they lead and their reps (and their own); an
 * admin anyone's and the whole organisation's (domain/access.h). Without
 * rep= or team=: access_default_scope (an admin the organisation, a manager
 * all the teams they lead, anyone else themself). A rate without data is
 * null, never 0.
 */
#include "api.h"
#include "../web/load.h"
#include "../store/figures.h"
#include "../store/teams.h"
#include "../lib/util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* twenty years of months are listed one by one; beyond, only those with data */
#define MONTHS_FILLED_MAX 240

/* the default period: the twelve months up to and including to's month */
static const char *default_from(struct request *r, const char *to)
{
	int y = atoi(to), m = atoi(to + 5) - 11;
	if (m < 1) {
		m += 12;
		y--;
	}
	return arena_printf(r->a, "%04d-%02d-01", y, m);
}

/* 0 with the scope filled, or -1 after answering 400, 403 or 404 */
static int scope_of(struct request *r, int64_t rep_id, int64_t team_id, struct figures_scope *s)
{
	s->rep_id = s->team_id = s->manager_id = 0;
	if (rep_id && team_id) {
		api_invalid(r, "team", T("Give rep or team, not both."));
		return -1;
	}
	if (rep_id) {
		if (!user_load_or_reply(r, rep_id, NEED_SEE))
			return -1;
		s->rep_id = rep_id;
		return 0;
	}
	if (team_id) {
		/* a team's figures as a whole: for who manages it, and its own
		 * members (access_team_aggregates) */
		if (!team_load_or_reply(r, team_id, NEED_SEE))
			return -1;
		s->team_id = team_id;
		return 0;
	}
	/* nobody named: access_default_scope, as on every page */
	switch (access_default_scope(&r->viewer)) {
	case DEFAULT_ORG:
		return 0;
	case DEFAULT_LED:
		s->manager_id = r->me.user_id;
		return 0;
	default:
		s->rep_id = r->me.user_id;
		return 0;
	}
}

static json_t *month_json(const char *month, const struct month_counts *m)
{
	int64_t conv = m ? m->conversations : 0, steps = m ? m->steps : 0, stops = m ? m->stops : 0,
		nones = m ? m->nones : 0;
	return json_pack("{s:s, s:I, s:I, s:I, s:I, s:o}", "month", month, "conversations", (json_int_t)conv,
			 "steps", (json_int_t)steps, "stops", (json_int_t)stops, "none", (json_int_t)nones,
			 "commitment_rate", api_real_or_null(ratio(steps + stops, conv)));
}

/* every month of the period, with zeros (and a null rate) where nothing was
 * logged, so that a trend's gaps are real; for a period of more than
 * MONTHS_FILLED_MAX months only the months with conversations */
static json_t *monthly_json(const char *from, const char *to, const struct month_counts *mc, size_t n)
{
	json_t *arr = json_array();
	int y = atoi(from), m = atoi(from + 5), ty = atoi(to), tm = atoi(to + 5);
	int months = (ty - y) * 12 + (tm - m) + 1;
	if (months > MONTHS_FILLED_MAX) {
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, month_json(mc[i].month, &mc[i]));
		return arr;
	}
	size_t k = 0;
	for (int i = 0; i < months; i++) {
		char month[12];
		snprintf(month, sizeof(month), "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
		while (k < n && strcmp(mc[k].month, month) < 0)
			k++;
		json_array_append_new(arr, month_json(month, k < n && !strcmp(mc[k].month, month) ? &mc[k] : NULL));
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	return arr;
}

void api_figures_commitment(struct request *r)
{
	int64_t rep_id, team_id;
	const char *from, *to;
	if (api_query_id(r, "rep", &rep_id) || api_query_id(r, "team", &team_id) ||
	    api_query_date(r, "from", &from) || api_query_date(r, "to", &to))
		return;
	char today[11];
	today_date(today);
	if (!to)
		to = arena_strdup(r->a, today);
	if (!from)
		from = default_from(r, to);
	if (strcmp(from, to) > 0) {
		api_invalid(r, "to", T("The end of the period lies before its start."));
		return;
	}
	struct figures_scope s;
	if (scope_of(r, rep_id, team_id, &s))
		return;

	struct commitment_counts c;
	double *gaps;
	size_t ngaps;
	struct month_counts *mc;
	size_t nmonths;
	enum err e = figures_commitment(r->db, r->a, r->me.org_id, &s, from, to, today, &c, &gaps, &ngaps);
	if (!e)
		e = figures_monthly(r->db, r->a, r->me.org_id, &s, from, to, &mc, &nmonths);
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct commitment_figures f;
	commitment_figures_compute(&c, gaps, ngaps, &f);

	json_t *counts = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
				   "conversations", (json_int_t)c.conversations,
				   "steps", (json_int_t)c.steps,
				   "stops", (json_int_t)c.stops,
				   "none", (json_int_t)c.nones,
				   "steps_due", (json_int_t)c.steps_due,
				   "steps_kept_on_time", (json_int_t)c.steps_kept_on_time,
				   "unbroken_won", (json_int_t)c.unbroken_won,
				   "unbroken_lost", (json_int_t)c.unbroken_lost,
				   "broken_won", (json_int_t)c.broken_won,
				   "broken_lost", (json_int_t)c.broken_lost,
				   "minutes_on_lost", (json_int_t)c.minutes_on_lost);
	json_t *figures = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
				    "commitment_rate", api_real_or_null(f.commitment_rate),
				    "stop_rate", api_real_or_null(f.stop_rate),
				    "no_commitment_rate", api_real_or_null(f.none_rate),
				    "follow_through", api_real_or_null(f.follow_through),
				    "median_days_between_steps", api_real_or_null(f.median_days_between_steps),
				    "win_rate_unbroken", api_real_or_null(f.win_unbroken),
				    "win_rate_broken", api_real_or_null(f.win_broken),
				    "hours_on_lost", api_real_or_null(f.hours_on_lost));
	json_t *gut = json_array();
	for (int g = 0; g < 5; g++)
		json_array_append_new(gut, json_pack("{s:i, s:I, s:I, s:o}", "gut", g + 1,
						     "conversations", (json_int_t)c.gut_closed[g],
						     "won", (json_int_t)c.gut_won[g],
						     "win_rate", api_real_or_null(f.gut_win[g])));
	json_t *outcomes = json_array();
	for (int o = OUTCOME_STEP; o <= OUTCOME_NONE; o++)
		json_array_append_new(outcomes, json_pack("{s:s, s:I, s:I, s:o}", "outcome", outcome_codes[o - 1],
							  "conversations", (json_int_t)c.outcome_closed[o],
							  "won", (json_int_t)c.outcome_won[o],
							  "win_rate", api_real_or_null(f.outcome_win[o])));
	const char *kind = s.rep_id ? "rep" : s.team_id ? "team" : s.manager_id ? "led" : "org";
	api_reply(r, 200, json_pack("{s:{s:s, s:o, s:o}, s:s, s:s, s:o, s:o, s:o, s:o, s:o}",
				    "scope", "kind", kind, "rep_id", api_id_or_null(s.rep_id), "team_id",
				    api_id_or_null(s.team_id),
				    "from", from, "to", to, "counts", counts, "figures", figures,
				    "by_gut_feeling", gut, "by_outcome", outcomes,
				    "monthly", monthly_json(from, to, mc, nmonths)));
}
