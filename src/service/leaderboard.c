/* leaderboard (service): see leaderboard.h. */
#include "leaderboard.h"
#include "../domain/ranking.h"
#include "../domain/period.h"
#include "../domain/commitment.h"
#include "../store/figures.h"
#include "../store/learning-log.h"
#include "../store/numbers.h"
#include "../store/users.h"
#include "../lib/idindex.h"
#include <math.h>
#include <string.h>

/* a figure's parts for one rep or team: value = num (a count, an amount),
 * num / den (a rate), or num / 60 (learning minutes to hours) */
struct raw {
	int64_t num, den;
};

static double value_of(enum lb_figure f, struct raw r)
{
	switch (f) {
	case FIG_ATTAINMENT:
	case FIG_COMMITMENT_RATE: return ratio(r.num, r.den);
	case FIG_LEARNING_HOURS: return (double)r.num / 60.0;
	default: return (double)r.num;
	}
}

/* the parts of figure f over from..to for each rep of ids[n] into raw[n] */
static enum err load_raw(struct db_conn *c, struct arena *a, int64_t org_id, enum lb_figure f, int64_t team_id,
			 const char *from, const char *to, const char *today, const int64_t *ids, size_t n,
			 struct raw *raw)
{
	memset(raw, 0, n * sizeof(*raw));
	enum err e = E_OK;
	const struct id_index *at = id_index_build(a, ids, n);
	if (f == FIG_REVENUE || f == FIG_ATTAINMENT) {
		struct numbers_settings ns;
		settings_numbers(c, a, org_id, &ns);
		struct period p;
		if (period_from_bounds(from, to, ns.fiscal_start_month, &p))
			return E_INVALID;
		struct numbers_scope s = { 0, team_id, 0 };
		struct numbers_grid g;
		if ((e = numbers_grid_load(c, a, org_id, &s, &p, 1, ns.source, &g)))
			return e;
		for (size_t i = 0; i < g.nreps; i++) {
			long k = id_index_find(at, g.reps[i].user_id);
			if (k < 0)
				continue;
			raw[k].num = g.result_minor[i];
			raw[k].den = g.has_target[i] ? g.target_minor[i] : 0;
		}
	} else if (f == FIG_COMMITMENT_RATE || f == FIG_STEPS_KEPT) {
		struct figures_scope s = { 0, team_id, 0 };
		struct rep_figures *rf;
		size_t m;
		/* the rate needs the conversations only: one read of the roll-up */
		e = f == FIG_COMMITMENT_RATE ? figures_conversations_by_rep(c, a, org_id, &s, from, to, &rf, &m)
					     : figures_by_rep(c, a, org_id, &s, from, to, today, &rf, &m);
		if (e)
			return e;
		for (size_t i = 0; i < m; i++) {
			long k = id_index_find(at, rf[i].rep_id);
			if (k < 0)
				continue;
			if (f == FIG_COMMITMENT_RATE)
				raw[k] = (struct raw){ rf[i].c.steps + rf[i].c.stops, rf[i].c.conversations };
			else
				raw[k] = (struct raw){ rf[i].c.steps_kept_on_time, rf[i].c.steps_due };
		}
	} else if (f == FIG_NEW_DEALS || f == FIG_LEARNING_HOURS) {
		struct rep_count *rc;
		size_t m;
		e = f == FIG_NEW_DEALS ? figures_new_deals_by_rep(c, a, org_id, team_id, from, to, &rc, &m)
				       : learning_minutes_by_rep(c, a, org_id, team_id, from, to, &rc, &m);
		if (e)
			return e;
		for (size_t i = 0; i < m; i++) {
			long k = id_index_find(at, rc[i].rep_id);
			if (k >= 0)
				raw[k].num = rc[i].n;
		}
	}
	return e;
}

static int in_list(const int64_t *v, size_t n, int64_t x)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == x)
			return 1;
	return 0;
}

enum err leaderboard_compute(struct db_conn *c, struct arena *a, int64_t org_id, const struct lb_query *q,
			     struct leaderboard *out)
{
	memset(out, 0, sizeof(*out));
	struct numbers_settings ns;
	settings_numbers(c, a, org_id, &ns);
	out->currency = ns.currency;
	out->min_conversations = q->min_conversations;
	enum lb_figure f = q->figure == FIG_MOST_IMPROVED ? q->base : q->figure;
	int improved = q->figure == FIG_MOST_IMPROVED;
	int reveals = lb_figure_reveals_revenue(q->figure, q->base);

	/* the teams and the reps taking part */
	struct lb_team *teams;
	size_t nteams;
	enum err e = contests_teams(c, a, org_id, &teams, &nteams);
	if (e)
		return e;
	struct user_list ul;
	if ((e = user_list_org(c, a, org_id, &ul)))
		return e;
	int64_t *ids = arena_alloc(a, (ul.n ? ul.n : 1) * sizeof(int64_t));
	const struct user **who = arena_alloc(a, (ul.n ? ul.n : 1) * sizeof(*who));
	size_t n = 0;
	for (size_t i = 0; i < ul.n; i++) {
		const struct user *u = &ul.items[i];
		if (!u->active || strcmp(u->role, "rep"))
			continue;
		if (q->nteams && !in_list(q->teams, q->nteams, u->team_id))
			continue;
		who[n] = u;
		ids[n++] = u->id;
	}
	/* one team asked: its rows only; several: the organisation's, kept
	 * to the roster */
	int64_t scope_team = q->nteams == 1 ? q->teams[0] : 0;

	struct raw *cur = arena_alloc(a, (n ? n : 1) * sizeof(struct raw));
	struct raw *prev = arena_alloc(a, (n ? n : 1) * sizeof(struct raw));
	struct raw *convs = arena_alloc(a, (n ? n : 1) * sizeof(struct raw));
	if ((e = load_raw(c, a, org_id, f, scope_team, q->from, q->to, q->today, ids, n, cur)))
		return e;
	if (improved) {
		lb_previous_span(q->from, q->to, ns.fiscal_start_month, out->prev_from, out->prev_to);
		if ((e = load_raw(c, a, org_id, f, scope_team, out->prev_from, out->prev_to, q->today, ids, n, prev)))
			return e;
	}
	/* conversations in the period, for the minimum (the commitment rate's
	 * denominator): the figure's own when it is that rate */
	if (f == FIG_COMMITMENT_RATE)
		memcpy(convs, cur, (n ? n : 1) * sizeof(struct raw));
	else if ((e = load_raw(c, a, org_id, FIG_COMMITMENT_RATE, scope_team, q->from, q->to, q->today, ids, n,
			       convs)))
		return e;

	/* the teams' sums: lines of a team contest, or totals for hidden reps */
	size_t nt = 0;
	struct lb_team **tl = arena_alloc(a, (nteams ? nteams : 1) * sizeof(*tl));
	for (size_t i = 0; i < nteams; i++)
		if (!q->nteams || in_list(q->teams, q->nteams, teams[i].id))
			tl[nt++] = &teams[i];
	struct raw *tcur = arena_alloc(a, (nt ? nt : 1) * sizeof(struct raw));
	struct raw *tprev = arena_alloc(a, (nt ? nt : 1) * sizeof(struct raw));
	int64_t *tconv = arena_alloc(a, (nt ? nt : 1) * sizeof(int64_t));
	memset(tcur, 0, (nt ? nt : 1) * sizeof(struct raw));
	memset(tprev, 0, (nt ? nt : 1) * sizeof(struct raw));
	memset(tconv, 0, (nt ? nt : 1) * sizeof(int64_t));
	for (size_t i = 0; i < n; i++)
		for (size_t t = 0; t < nt; t++)
			if (tl[t]->id == who[i]->team_id) {
				tcur[t].num += cur[i].num;
				tcur[t].den += cur[i].den;
				tprev[t].num += prev[i].num;
				tprev[t].den += prev[i].den;
				tconv[t] += convs[i].den;
			}

	size_t cap = q->team_mode ? nt : n;
	struct contest_standing *lines = arena_alloc(a, (cap ? cap : 1) * sizeof(*lines));
	double *lc = arena_alloc(a, (cap ? cap : 1) * sizeof(double)), *lp = arena_alloc(a, (cap ? cap : 1) * sizeof(double));
	size_t nl = 0;
	out->totals = arena_alloc(a, (nt ? nt : 1) * sizeof(struct contest_standing));
	if (q->team_mode) {
		for (size_t t = 0; t < nt; t++) {
			struct contest_standing *l = &lines[nl];
			memset(l, 0, sizeof(*l));
			l->team_id = tl[t]->id;
			l->name = l->team_name = tl[t]->name;
			lc[nl] = value_of(f, tcur[t]);
			lp[nl] = improved ? value_of(f, tprev[t]) : NAN;
			l->value = improved ? ranking_improvement(lc[nl], lp[nl]) : lc[nl];
			l->conversations = tconv[t];
			nl++;
		}
	} else {
		for (size_t i = 0; i < n; i++) {
			int hidden = 0;
			for (size_t t = 0; t < nt; t++)
				if (tl[t]->id == who[i]->team_id && !tl[t]->show_revenue)
					hidden = reveals;
			if (hidden)
				continue;
			struct contest_standing *l = &lines[nl];
			memset(l, 0, sizeof(*l));
			l->rep_id = who[i]->id;
			l->team_id = who[i]->team_id;
			l->name = who[i]->name;
			l->team_name = who[i]->team_name ? who[i]->team_name : "";
			lc[nl] = value_of(f, cur[i]);
			lp[nl] = improved ? value_of(f, prev[i]) : NAN;
			l->value = improved ? ranking_improvement(lc[nl], lp[nl]) : lc[nl];
			l->conversations = convs[i].den;
			nl++;
		}
		/* the totals of the teams whose reps were left out */
		for (size_t t = 0; reveals && t < nt; t++) {
			if (tl[t]->show_revenue)
				continue;
			struct contest_standing *x = &out->totals[out->ntotals++];
			memset(x, 0, sizeof(*x));
			x->team_id = tl[t]->id;
			x->name = x->team_name = tl[t]->name;
			x->hidden = 1;
			x->value = improved ? ranking_improvement(value_of(f, tcur[t]), value_of(f, tprev[t]))
					    : value_of(f, tcur[t]);
			x->conversations = tconv[t];
		}
	}

	/* rank, then lay the lines out in standing order */
	struct rank_entry *re = arena_alloc(a, (nl ? nl : 1) * sizeof(*re));
	for (size_t i = 0; i < nl; i++)
		re[i] = (struct rank_entry){ i, lines[i].value, lines[i].conversations, 0, 0 };
	ranking_compute(re, nl, lb_figure_lower_better(q->figure), q->min_conversations);
	out->lines = arena_alloc(a, (nl ? nl : 1) * sizeof(*out->lines));
	out->current = arena_alloc(a, (nl ? nl : 1) * sizeof(double));
	out->previous = arena_alloc(a, (nl ? nl : 1) * sizeof(double));
	for (size_t i = 0; i < nl; i++) {
		out->lines[i] = lines[re[i].idx];
		out->lines[i].place = re[i].place;
		out->lines[i].ranked = re[i].ranked;
		out->current[i] = lc[re[i].idx];
		out->previous[i] = lp[re[i].idx];
	}
	out->n = nl;
	return E_OK;
}

void contest_query(const struct contest *k, const char *today, struct lb_query *q)
{
	memset(q, 0, sizeof(*q));
	int f = lb_figure_parse(k->figure), b = lb_figure_parse(k->base);
	q->figure = f < 0 ? FIG_COMMITMENT_RATE : (enum lb_figure)f;
	q->base = b < 0 ? q->figure : (enum lb_figure)b;
	q->team_mode = !strcmp(k->mode, "team");
	q->teams = k->team_ids;
	q->nteams = k->nteams;
	q->from = k->starts_on;
	q->to = k->ends_on;
	q->today = today;
	q->min_conversations = k->min_conversations;
}

static enum err read_frozen(struct db_conn *c, struct arena *a, int64_t org_id, const struct contest *k,
			    struct leaderboard *out)
{
	memset(out, 0, sizeof(*out));
	struct numbers_settings ns;
	settings_numbers(c, a, org_id, &ns);
	out->currency = ns.currency;
	out->min_conversations = k->min_conversations;
	struct contest_standing *rows;
	size_t n;
	enum err e = contest_standings_get(c, a, org_id, k->id, &rows, &n);
	if (e)
		return e;
	out->lines = arena_alloc(a, (n ? n : 1) * sizeof(*rows));
	out->totals = arena_alloc(a, (n ? n : 1) * sizeof(*rows));
	for (size_t i = 0; i < n; i++) {
		if (rows[i].hidden)
			out->totals[out->ntotals++] = rows[i];
		else
			out->lines[out->n++] = rows[i];
	}
	out->current = arena_alloc(a, (out->n ? out->n : 1) * sizeof(double));
	out->previous = arena_alloc(a, (out->n ? out->n : 1) * sizeof(double));
	for (size_t i = 0; i < out->n; i++)
		out->current[i] = out->previous[i] = NAN;
	return E_OK;
}

static enum err freeze_one(struct db_conn *c, struct arena *a, int64_t org_id, struct contest *k, const char *today)
{
	struct lb_query q;
	contest_query(k, today, &q);
	struct leaderboard lb;
	/* a contest whose teams are all gone has no one left to stand: it
	 * freezes empty rather than as the organisation's (no teams there
	 * means everyone) */
	enum err e = k->nteams ? leaderboard_compute(c, a, org_id, &q, &lb) : E_OK;
	if (!k->nteams)
		memset(&lb, 0, sizeof(lb));
	if (e)
		return e;
	size_t n = lb.n + lb.ntotals;
	struct contest_standing *rows = arena_alloc(a, (n ? n : 1) * sizeof(*rows));
	if (lb.n)
		memcpy(rows, lb.lines, lb.n * sizeof(*rows));
	if (lb.ntotals)
		memcpy(rows + lb.n, lb.totals, lb.ntotals * sizeof(*rows));
	e = contest_freeze(c, org_id, k->id, today, rows, n);
	return e == E_CONFLICT ? E_OK : e;	/* another reader froze it first: theirs stands */
}

enum err contest_standings_read(struct db_conn *c, struct arena *a, int64_t org_id, struct contest *k,
				const char *today, struct leaderboard *out)
{
	if (contest_needs_freeze(k->ends_on, today, k->frozen_at != 0)) {
		enum err e = freeze_one(c, a, org_id, k, today);
		if (e)
			return e;
		struct contest again;
		if ((e = contest_get(c, a, org_id, k->id, &again)))
			return e;
		*k = again;
	}
	if (k->frozen_at)
		return read_frozen(c, a, org_id, k, out);
	struct lb_query q;
	contest_query(k, today, &q);
	if (!k->nteams) {	/* as for freezing: no teams, no one */
		memset(out, 0, sizeof(*out));
		return E_OK;
	}
	return leaderboard_compute(c, a, org_id, &q, out);
}

enum err contests_sweep(struct db_conn *c, struct arena *a, int64_t org_id, const char *today, size_t *frozen)
{
	*frozen = 0;
	int64_t *ids;
	size_t n;
	enum err e = contests_unfrozen_ended(c, a, org_id, today, &ids, &n);
	for (size_t i = 0; !e && i < n; i++) {
		struct contest k;
		if ((e = contest_get(c, a, org_id, ids[i], &k)))
			break;
		if ((e = freeze_one(c, a, org_id, &k, today)))
			break;
		(*frozen)++;
	}
	return e;
}
