/*
 * api-pulse: /api/v1/pulse — the wellbeing pulse (issue 10) under the
 * rules of the pages (domain/access.c access_pulse_*, domain/pulse.c):
 *
 *   GET  /api/v1/pulse[?weeks=N]   the caller's own answers of the last N
 *        weeks (12 by default, 1..260), the week it is now, the burnout
 *        risk with its rule, whether they share
 *   POST /api/v1/pulse   {energy, motivation, workload (1..5), comment?,
 *        change?}  the answer of the week it is now: 201; a second answer
 *        of the same week 409 naming "week" unless change is true (200)
 *   PUT  /api/v1/pulse/sharing   {shared: true|false}
 *   GET  /api/v1/pulse/team   (managers and admins) the teams the caller
 *        leads with their shown weekly averages (ended weeks with at least
 *        three answers), the reps of those teams who share, and what needs
 *        the caller now — an admin who leads no team gets empty lists
 *
 * There is no way here to read another person's answers that they do not
 * share, nor a count of answers of a week that is not shown.
 */
#include "api.h"
#include "../domain/pulse.h"
#include "../service/pulse.h"
#include "../store/pulse.h"
#include "../store/teams.h"
#include "../lib/util.h"
#include <stdio.h>
#include <string.h>

static const char *today_of(struct request *r)
{
	char *d = arena_alloc(r->a, 11);
	today_date(d);
	return d;
}

static json_t *answer_json(const struct pulse_row *a, int with_comment)
{
	char mon[11] = "";
	pulse_week_monday(a->week, mon);
	json_t *o = json_pack("{s:s, s:s, s:i, s:i, s:i, s:f}", "week", a->week, "monday", mon, "energy", a->energy,
			      "motivation", a->motivation, "workload", a->workload, "score",
			      pulse_score(a->energy, a->motivation, a->workload));
	if (o && with_comment)
		json_object_set_new(o, "comment", json_string(a->comment));
	return o;
}

static json_t *risk_json(int risk)
{
	return json_pack("{s:b, s:b, s:b}", "at_risk", risk != 0, "low_three_weeks", (risk & PULSE_RISK_LOW) != 0,
			 "fall_four_weeks", (risk & PULSE_RISK_FALL) != 0);
}

static const char *const RULE = "answer of a week = (energy + motivation + (6 - workload)) / 3; burnout risk: mean of "
				"the last three answered weeks <= 2.5, or latest answer >= 1.0 below the answer of the "
				"week four weeks before it; ISO weeks (Monday-Sunday)";

void api_pulse_get(struct request *r)
{
	int64_t weeks = PULSE_TREND_WEEKS;
	const char *w = req_query(r, "weeks");
	if (w && (parse_i64(w, &weeks) || weeks < 1 || weeks > PULSE_LIST_MAX)) {
		api_invalid(r, "weeks", T("weeks: a whole number from 1 to 260."));
		return;
	}
	struct pulse_trend t;
	int shared = 0;
	enum err e = pulse_trend_of(r->db, r->a, r->me.org_id, r->me.user_id, today_of(r), (int)weeks, &t);
	if (!e)
		e = pulse_shared_get(r->db, r->me.org_id, r->me.user_id, &shared);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < t.answers.n; i++)
		json_array_append_new(items, answer_json(&t.answers.items[i], 1));
	json_t *o = json_pack("{s:s, s:s, s:o, s:o, s:b, s:s}", "week", t.now, "from", t.from, "answers", items, "risk",
			      risk_json(t.risk), "shared", shared, "rule", RULE);
	api_reply(r, 200, o);
}

/* a member 1..5 as the text the domain checks ("" when absent or out of range) */
static const char *value_member(struct request *r, const char *field, int *bad)
{
	int64_t v = api_int(r, field, bad);
	if (*bad)
		return NULL;
	return v >= 1 && v <= 5 ? arena_printf(r->a, "%lld", (long long)v) : "";
}

void api_pulse_answer(struct request *r)
{
	struct person me = { r->me.user_id, r->me.org_id, r->viewer.team_id };
	if (!access_pulse_answer(&r->viewer, &me)) {
		resp_error(r, E_FORBIDDEN, T("Only you answer your pulse."));
		return;
	}
	if (api_body(r))
		return;
	int bad = 0;
	struct pulse_input in;
	in.energy = value_member(r, "energy", &bad);
	in.motivation = value_member(r, "motivation", &bad);
	in.workload = value_member(r, "workload", &bad);
	in.comment = api_str(r, "comment", &bad);
	if (bad)
		return;
	json_t *ch = r->json ? json_object_get(r->json, "change") : NULL;
	if (ch && !json_is_boolean(ch) && !json_is_null(ch)) {
		api_invalid(r, "change", T("change: true or false."));
		return;
	}
	int change = ch && json_is_true(ch);
	struct pulse_answer a;
	struct pulse_field_error errs[PULSE_ERRORS_MAX];
	if (pulse_check(&in, &a, errs)) {
		api_invalid(r, errs[0].field, T(errs[0].message));
		return;
	}
	char week[PULSE_WEEK_LEN];
	if (pulse_week_of(today_of(r), week)) {
		resp_error(r, E_INTERNAL, T("Today is not a date."));
		return;
	}
	const char *comment = in.comment ? str_trim(arena_strdup(r->a, in.comment)) : "";
	enum err e = E_NOTFOUND;
	int status = 201;
	if (change) {
		e = pulse_change(r->db, r->me.org_id, r->me.user_id, week, a.energy, a.motivation, a.workload, comment);
		status = 200;
	}
	if (e == E_NOTFOUND) {
		e = pulse_add(r->db, r->me.org_id, r->me.user_id, r->viewer.team_id, week, a.energy, a.motivation, a.workload,
			      comment);
		status = 201;
	}
	if (e == E_CONFLICT) {
		api_conflict(r, "week", T("Week: you answered this week already. Nothing was saved; send \"change\": true "
					  "to change this week's answer."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct pulse_row row;
	if ((e = pulse_get(r->db, r->a, r->me.org_id, r->me.user_id, week, &row))) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, status, answer_json(&row, 1));
}

void api_pulse_sharing(struct request *r)
{
	struct person me = { r->me.user_id, r->me.org_id, r->viewer.team_id };
	if (!access_pulse_answer(&r->viewer, &me)) {
		resp_error(r, E_FORBIDDEN, T("Only you decide whether you share your pulse."));
		return;
	}
	if (api_body(r))
		return;
	json_t *s = r->json ? json_object_get(r->json, "shared") : NULL;
	if (!s || !json_is_boolean(s)) {
		api_invalid(r, "shared", T("shared: true or false."));
		return;
	}
	enum err e = pulse_shared_set(r->db, r->me.org_id, r->me.user_id, json_is_true(s));
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, json_pack("{s:b}", "shared", json_is_true(s)));
}

void api_pulse_team(struct request *r)
{
	const char *today = today_of(r);
	char now[PULSE_WEEK_LEN], from[PULSE_WEEK_LEN];
	if (pulse_week_of(today, now) || pulse_week_add(now, -PULSE_TREND_WEEKS, from)) {
		resp_error(r, E_INTERNAL, T("Today is not a date."));
		return;
	}
	json_t *teams = json_array(), *shared = json_array(), *needs = json_array();
	enum err e = E_OK;
	for (size_t i = 0; i < r->viewer.nled && !e; i++) {
		int64_t id = r->viewer.led_teams[i];
		if (!access_pulse_team(&r->viewer, r->me.org_id, id))
			continue;
		struct team tm;
		struct pulse_team_weeks w;
		if ((e = team_get(r->db, r->a, r->me.org_id, id, &tm)) ||
		    (e = pulse_team_weeks(r->db, r->a, r->me.org_id, id, from, now, &w)))
			break;
		json_t *weeks = json_array();
		for (size_t k = 0; k < w.n; k++) {
			const struct pulse_team_week *x = &w.items[k];
			if (!pulse_team_week_visible(x->count, x->week, today))
				continue;
			json_array_append_new(weeks, json_pack("{s:s, s:I, s:f, s:b}", "week", x->week, "answers",
							       (json_int_t)x->count, "average",
							       (double)x->points / (3.0 * (double)x->count), "low",
							       pulse_team_low(x->points, x->count)));
		}
		json_array_append_new(teams, json_pack("{s:I, s:s, s:o}", "team_id", (json_int_t)tm.id, "name", tm.name,
						       "weeks", weeks));
	}
	struct pulse_sharers sh = { 0 };
	if (!e)
		e = pulse_sharers(r->db, r->a, r->me.org_id, r->viewer.led_teams, r->viewer.nled, &sh);
	for (size_t i = 0; i < sh.n && !e; i++) {
		struct person p = { sh.items[i].rep_id, r->me.org_id, sh.items[i].team_id };
		if (!access_pulse_individual(&r->viewer, &p, 1))
			continue;
		struct pulse_trend t;
		if ((e = pulse_trend_of(r->db, r->a, r->me.org_id, p.id, today, PULSE_TREND_WEEKS, &t)))
			break;
		json_t *answers = json_array();
		for (size_t k = 0; k < t.answers.n; k++)
			json_array_append_new(answers, answer_json(&t.answers.items[k], 0));
		json_array_append_new(shared, json_pack("{s:I, s:s, s:I, s:o, s:o}", "rep_id", (json_int_t)p.id, "name",
							sh.items[i].name, "team_id", (json_int_t)p.team_id, "risk",
							risk_json(t.risk), "answers", answers));
	}
	struct pulse_needs n = { 0 };
	if (!e)
		e = pulse_needs_now(r->db, r->a, &r->viewer, today, &n);
	if (e) {
		json_decref(teams);
		json_decref(shared);
		json_decref(needs);
		api_store_error(r, e);
		return;
	}
	for (size_t i = 0; i < n.n; i++) {
		const struct pulse_need *x = &n.items[i];
		json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:i}", "kind", x->kind, "name", x->name, "week", x->week,
				      "date", x->date, "link", x->link, "urgency", x->urgency);
		json_object_set_new(o, "rep_id", x->rep_id ? json_integer(x->rep_id) : json_null());
		json_object_set_new(o, "team_id", json_integer(x->team_id));
		json_array_append_new(needs, o);
	}
	api_reply(r, 200, json_pack("{s:s, s:i, s:o, s:o, s:o}", "week", now, "min_answers", PULSE_TEAM_MIN, "teams",
				    teams, "shared", shared, "needs", needs));
}
