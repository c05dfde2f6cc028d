/* pulse (service): see pulse.h. */
#include "pulse.h"
#include "../store/teams.h"
#include "../lib/util.h"
#include <string.h>

int pulse_risk_of(struct arena *a, const struct pulse_list *l)
{
	if (!l->n)
		return 0;
	struct pulse_point *p = arena_allocarray(a, l->n, sizeof(*p));
	for (size_t i = 0; i < l->n; i++)
		p[i] = (struct pulse_point){ l->items[i].week,
					     pulse_points(l->items[i].energy, l->items[i].motivation, l->items[i].workload) };
	return pulse_risk(p, l->n);
}

enum err pulse_trend_of(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *today,
			int weeks, struct pulse_trend *out)
{
	memset(out, 0, sizeof(*out));
	if (pulse_week_of(today, out->now) || pulse_week_add(out->now, -(weeks - 1), out->from))
		return E_INVALID;
	enum err e = pulse_list_rep(c, a, org_id, rep_id, out->from, out->now, &out->answers);
	if (!e)
		out->risk = pulse_risk_of(a, &out->answers);
	return e;
}

static void sort_needs(struct pulse_needs *n)
{
	/* most urgent first, then the latest week first (insertion sort: a handful) */
	for (size_t i = 1; i < n->n; i++) {
		struct pulse_need x = n->items[i];
		size_t j = i;
		while (j > 0 && (n->items[j - 1].urgency < x.urgency ||
				 (n->items[j - 1].urgency == x.urgency && strcmp(n->items[j - 1].week, x.week) < 0))) {
			n->items[j] = n->items[j - 1];
			j--;
		}
		n->items[j] = x;
	}
}

enum err pulse_needs_now(struct db_conn *c, struct arena *a, const struct viewer *v, const char *today,
			 struct pulse_needs *out)
{
	out->n = 0;
	out->items = NULL;
	if (!access_leads_any_team(v))
		return E_OK;
	struct pulse_sharers sh;
	enum err e = pulse_sharers(c, a, v->org_id, v->led_teams, v->nled, &sh);
	if (e)
		return e;
	size_t cap = sh.n + v->nled;
	out->items = arena_allocarray(a, cap ? cap : 1, sizeof(*out->items));
	for (size_t i = 0; i < sh.n; i++) {
		struct person p = { sh.items[i].rep_id, v->org_id, sh.items[i].team_id };
		if (!access_pulse_individual(v, &p, 1))
			continue;
		struct pulse_trend t;
		if ((e = pulse_trend_of(c, a, v->org_id, p.id, today, PULSE_TREND_WEEKS, &t)))
			return e;
		if (!t.risk)
			continue;
		struct pulse_need *n = &out->items[out->n++];
		memset(n, 0, sizeof(*n));
		n->kind = "pulse_risk";
		n->rep_id = p.id;
		n->team_id = p.team_id;
		n->name = sh.items[i].name;
		n->week = t.answers.items[t.answers.n - 1].week;
		char *d = arena_alloc(a, 11);
		pulse_week_monday(n->week, d);
		n->date = d;
		n->link = arena_printf(a, "/team/pulse#rep-%lld", (long long)p.id);
		n->urgency = 2;
		n->risk = t.risk;
	}
	char now[PULSE_WEEK_LEN], from[PULSE_WEEK_LEN];
	if (pulse_week_of(today, now) || pulse_week_add(now, -PULSE_TREND_WEEKS, from))
		return E_INVALID;
	for (size_t i = 0; i < v->nled; i++) {
		if (!access_pulse_team(v, v->org_id, v->led_teams[i]))
			continue;
		struct pulse_team_weeks w;
		if ((e = pulse_team_weeks(c, a, v->org_id, v->led_teams[i], from, now, &w)))
			return e;
		if (!w.n)
			continue;
		const struct pulse_team_week *last = &w.items[w.n - 1];
		if (!pulse_team_week_visible(last->count, last->week, today) || !pulse_team_low(last->points, last->count))
			continue;
		struct team tm;
		if ((e = team_get(c, a, v->org_id, v->led_teams[i], &tm)))
			return e;
		struct pulse_need *n = &out->items[out->n++];
		memset(n, 0, sizeof(*n));
		n->kind = "pulse_team_low";
		n->team_id = tm.id;
		n->name = tm.name;
		n->week = last->week;
		char *d = arena_alloc(a, 11);
		pulse_week_monday(n->week, d);
		n->date = d;
		n->link = arena_printf(a, "/team/pulse#team-%lld", (long long)tm.id);
		n->urgency = 1;
		n->count = last->count;
		n->points = last->points;
	}
	sort_needs(out);
	return E_OK;
}
