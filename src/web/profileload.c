/* profileload: see profileload.h. */
#include "profileload.h"
#include "ui.h"
#include "../domain/tiers-grid.h"
#include "../store/numbers.h"
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void trait_ids(struct request *r, const struct trait_list *t, int64_t **ids)
{
	*ids = arena_alloc(r->a, (t->n + 1) * sizeof(**ids));
	for (size_t i = 0; i < t->n; i++)
		(*ids)[i] = t->items[i].id;
}

/* the reps who were superstars in the STAR_QUARTERS completed quarters */
static enum err superstars(struct request *r, const struct numbers_settings *s, const struct period *quarters,
			   int64_t **stars, size_t *nstars)
{
	struct numbers_grid g;
	enum err e = numbers_grid_load(r->db, r->a, r->me.org_id, &(struct numbers_scope){ 0, 0, 0 }, quarters,
				       STAR_QUARTERS, s->source, &g);
	if (e)
		return e;
	enum tier *tier = arena_alloc(r->a, (g.nreps * STAR_QUARTERS + 1) * sizeof(*tier));
	struct tiers_grid_input in = { g.nreps, STAR_QUARTERS, g.has_target, g.target_minor, g.result_minor, g.team_id };
	tiers_grid_compute(&s->rules, &in, tier, NULL, NULL);
	*stars = arena_alloc(r->a, (g.nreps + 1) * sizeof(**stars));
	*nstars = 0;
	for (size_t i = 0; i < g.nreps; i++)
		if (profile_was_superstar(tier + i * STAR_QUARTERS, STAR_QUARTERS))
			(*stars)[(*nstars)++] = g.reps[i].user_id;
	return E_OK;
}

/*
 * The superstar profile is the same for every rep of an organisation, and
 * costs a year of its won deals (the tiers of four quarters) and the ratings
 * of every superstar: at scale (1,000 reps) far more than the rest of the
 * page. It is kept per organisation and worked out again when a form has
 * been submitted since (store/profile.h's pf_version changes), when the quarters move on, when the active traits change, or
 * after STAR_CACHE_SECONDS — the results and targets of completed quarters
 * seldom change (a late correction shows within that time).
 */
#define STAR_CACHE_SECONDS 300
#define STAR_CACHE_ORGS 32

struct star_entry {
	int64_t org_id;
	char first_quarter[12];
	struct pf_version v;
	time_t at;
	size_t ntraits;
	int64_t ids[TRAITS_MAX];
	double mean[TRAITS_MAX];
	size_t n[TRAITS_MAX];
	size_t nstars, nscored;
	int shown;
};
static struct star_entry star_cache[STAR_CACHE_ORGS];
static pthread_mutex_t star_lock = PTHREAD_MUTEX_INITIALIZER;

static int star_entry_fits(const struct star_entry *x, int64_t org_id, const char *first, const struct pf_version *v,
			   const int64_t *ids, size_t nt, time_t now)
{
	return x->org_id == org_id && !strcmp(x->first_quarter, first) && x->v.at == v->at && x->v.n == v->n &&
	       x->v.id == v->id &&
	       x->ntraits == nt && !memcmp(x->ids, ids, nt * sizeof(*ids)) && now - x->at < STAR_CACHE_SECONDS &&
	       now >= x->at;
}

static enum err superstar_profile(struct request *r, struct rep_profile *out)
{
	size_t nt = out->traits.n < TRAITS_MAX ? out->traits.n : TRAITS_MAX;
	double *mean = arena_alloc(r->a, (out->traits.n + 1) * sizeof(double));
	size_t *n = arena_alloc(r->a, (out->traits.n + 1) * sizeof(size_t));
	struct numbers_settings s;
	settings_numbers(r->db, r->a, r->me.org_id, &s);
	struct period cur, prev;
	period_containing(PERIOD_QUARTER, ui_today(r), s.fiscal_start_month, &cur);
	period_prev(&cur, s.fiscal_start_month, &prev);
	period_history(&prev, s.fiscal_start_month, STAR_QUARTERS, out->quarters);
	struct pf_version v;
	enum err e = profile_forms_version(r->db, r->me.org_id, &v);
	if (e)
		return e;
	time_t now = time(NULL);
	pthread_mutex_lock(&star_lock);
	for (size_t k = 0; k < STAR_CACHE_ORGS; k++) {
		const struct star_entry *x = &star_cache[k];
		if (!star_entry_fits(x, r->me.org_id, out->quarters[0].label, &v, out->ids, nt, now))
			continue;
		memcpy(mean, x->mean, nt * sizeof(double));
		memcpy(n, x->n, nt * sizeof(size_t));
		out->sp = (struct superstar_profile){ x->nstars, x->nscored, x->shown, mean, n };
		pthread_mutex_unlock(&star_lock);
		return E_OK;
	}
	pthread_mutex_unlock(&star_lock);

	int64_t *stars = NULL;
	size_t nstars = 0;
	if ((e = superstars(r, &s, out->quarters, &stars, &nstars)))
		return e;
	struct pf_data sd;
	if ((e = profile_scores(r->db, r->a, r->me.org_id,
				&(struct pf_scope){ .reps = stars, .nreps = nstars, .manager_only = 1 }, &sd)))
		return e;
	profile_superstars(out->ids, out->traits.n, sd.scores, sd.nscores, stars, nstars, sd.nrounds, mean, n, &out->sp);

	/* kept in the organisation's slot, else the oldest */
	pthread_mutex_lock(&star_lock);
	size_t slot = 0;
	for (size_t k = 0; k < STAR_CACHE_ORGS; k++) {
		if (star_cache[k].org_id == r->me.org_id) {
			slot = k;
			break;
		}
		if (star_cache[k].at < star_cache[slot].at)
			slot = k;
	}
	struct star_entry *x = &star_cache[slot];
	if (out->traits.n <= TRAITS_MAX) {
		x->org_id = r->me.org_id;
		snprintf(x->first_quarter, sizeof(x->first_quarter), "%s", out->quarters[0].label);
		x->v = v;
		x->at = now;
		x->ntraits = nt;
		memcpy(x->ids, out->ids, nt * sizeof(*out->ids));
		memcpy(x->mean, mean, nt * sizeof(double));
		memcpy(x->n, n, nt * sizeof(size_t));
		x->nstars = out->sp.nstars;
		x->nscored = out->sp.nscored;
		x->shown = out->sp.shown;
	}
	pthread_mutex_unlock(&star_lock);
	return E_OK;
}

enum err rep_profile_load(struct request *r, const struct user *u, int with_stars, struct rep_profile *out)
{
	memset(out, 0, sizeof(*out));
	out->u = u;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &out->traits);
	if (!e)
		e = profile_scores(r->db, r->a, r->me.org_id, &(struct pf_scope){ .rep_id = u->id }, &out->d);
	if (e)
		return e;
	size_t nt = out->traits.n;
	trait_ids(r, &out->traits, &out->ids);
	out->rows = arena_alloc(r->a, (nt + 1) * sizeof(*out->rows));
	profile_compute(out->ids, nt, out->d.scores, out->d.nscores, u->id, out->d.nrounds, out->rows, &out->p);
	out->hist = arena_alloc(r->a, (out->d.nrounds * nt + 1) * sizeof(double));
	out->has = arena_alloc(r->a, out->d.nrounds + 1);
	profile_history(out->ids, nt, out->d.scores, out->d.nscores, u->id, out->d.nrounds, out->hist, out->has);
	for (size_t k = 0; k < out->d.nrounds; k++)
		out->nhist += out->has[k];

	if (with_stars)
		return superstar_profile(r, out);
	out->sp.mean = arena_alloc(r->a, (nt + 1) * sizeof(double));
	out->sp.n = arena_alloc(r->a, (nt + 1) * sizeof(size_t));
	for (size_t i = 0; i < nt; i++)
		out->sp.mean[i] = NAN;
	return E_OK;
}

enum err superstar_profile_load(struct request *r, struct rep_profile *out)
{
	memset(out, 0, sizeof(*out));
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &out->traits);
	if (e)
		return e;
	trait_ids(r, &out->traits, &out->ids);
	return superstar_profile(r, out);
}

const char *profile_score_text(struct request *r, double v)
{
	if (isnan(v))
		return "–";
	return ui_decimal_text(r, v, v == floor(v) ? 0 : 1);
}

const char *profile_verdict_text(struct request *r, const struct rep_profile *rp)
{
	const struct profile *p = &rp->p;
	const char *weak = p->weakest >= 0 ? rp->traits.items[p->weakest].name : "";
	const char *score = p->weakest >= 0 ? profile_score_text(r, rp->rows[p->weakest].manager) : "";
	switch (p->verdict) {
	case VERDICT_ELITE:
		return arena_printf(r->a, trn(r->lang, "Elite: the %zu trait is at 4 or above.",
					      "Elite: all %zu traits at 4 or above.", (long)p->ntraits), p->ntraits);
	case VERDICT_WEAK:
		/* TRANSLATORS: %s the trait's name, %s its score, e.g. "Customer-oriented 2" */
		return arena_printf(r->a, T("Judged by its weakest trait: %s %s."), weak, score);
	case VERDICT_INCOMPLETE:
		return arena_printf(r->a, trn(r->lang,
			"Not elite yet: %zu trait has no manager score, and elite needs every trait at 4 or above.",
			"Not elite yet: %zu traits have no manager score, and elite needs every trait at 4 or above.",
			(long)(p->ntraits - p->nscored)), p->ntraits - p->nscored);
	default:
		return T("Not judged yet: a manager's submitted assessment is needed. The verdict and the development "
			 "focus come from the manager's scores.");
	}
}

const char *profile_verdict_name(struct request *r, enum profile_verdict v)
{
	switch (v) {
	case VERDICT_ELITE: return T("Elite");
	/* TRANSLATORS: the verdict of a profile with a trait below 4 */
	case VERDICT_WEAK: return T("Weak trait");
	/* TRANSLATORS: the verdict of a profile with traits the manager has not scored */
	case VERDICT_INCOMPLETE: return T("Incomplete");
	default: return T("Not judged");
	}
}

const char *profile_superstar_reason(struct request *r, const struct rep_profile *rp)
{
	if (rp->sp.shown)
		return NULL;
	return arena_printf(r->a, trn(r->lang, "Hidden: only %zu superstar with manager scores; %d needed.",
				      "Hidden: only %zu superstars with manager scores; %d needed.", (long)rp->sp.nscored),
			    rp->sp.nscored, SUPERSTAR_MIN_REPS);
}

/* ------------------------------------------------------------ matrix */

enum err team_matrix_load(struct request *r, int64_t team_id, struct team_matrix *out)
{
	memset(out, 0, sizeof(*out));
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &out->traits);
	if (e)
		return e;
	trait_ids(r, &out->traits, &out->ids);
	size_t nt = out->traits.n;
	const int64_t *teams = team_id ? &team_id : r->viewer.led_teams;
	size_t nteams = team_id ? 1 : r->viewer.nled;
	struct user_list ul = { NULL, 0 };
	if (nteams && (e = user_list_teams(r->db, r->a, r->me.org_id, teams, nteams, 0, &ul)))
		return e;
	out->rows = arena_alloc(r->a, (ul.n + 1) * sizeof(*out->rows));
	for (size_t i = 0; i < ul.n; i++) {
		const struct user *u = &ul.items[i];
		int dup = 0;
		for (size_t k = 0; k < out->n; k++)
			dup |= out->rows[k].u->id == u->id;
		if (dup || strcmp(u->role, "rep") ||
		    !access_private(&r->viewer, &(struct person){ u->id, u->org_id, u->team_id }))
			continue;
		out->rows[out->n].u = u;
		out->rows[out->n].rows = arena_alloc(r->a, (nt + 1) * sizeof(struct profile_row));
		out->n++;
	}
	if (!out->n)
		return E_OK;

	/* the ratings: one query for the team or the viewer's teams */
	struct pf_data d;
	/* the matrix shows the managers' scores only */
	struct pf_scope sc = { .manager_only = 1 };
	if (team_id)
		sc.team_id = team_id;
	else
		sc.manager_id = r->me.user_id;
	if ((e = profile_scores(r->db, r->a, r->me.org_id, &sc, &d)))
		return e;
	out->cut = d.cut;
	for (size_t i = 0; i < out->n; i++)
		profile_compute(out->ids, nt, NULL, 0, out->rows[i].u->id, d.nrounds, out->rows[i].rows, &out->rows[i].p);
	for (size_t i = 0; i < d.nscores;) {
		size_t end = i;
		while (end < d.nscores && d.scores[end].rep_id == d.scores[i].rep_id)
			end++;
		for (size_t k = 0; k < out->n; k++)
			if (out->rows[k].u->id == d.scores[i].rep_id) {
				profile_compute(out->ids, nt, d.scores + i, end - i, d.scores[i].rep_id, d.nrounds,
						out->rows[k].rows, &out->rows[k].p);
				break;
			}
		i = end;
	}

	/* the tiers of the current quarter, as the tiers page works them out */
	struct numbers_settings s;
	settings_numbers(r->db, r->a, r->me.org_id, &s);
	period_containing(PERIOD_QUARTER, ui_today(r), s.fiscal_start_month, &out->quarter);
	size_t nh = s.rules.under_periods < 1 ? 1 : s.rules.under_periods > 12 ? 12 : (size_t)s.rules.under_periods;
	struct period *ps = arena_alloc(r->a, nh * sizeof(*ps));
	period_history(&out->quarter, s.fiscal_start_month, nh, ps);
	struct numbers_scope ns = { 0, team_id, team_id ? 0 : r->me.user_id };
	struct numbers_grid g;
	if ((e = numbers_grid_load(r->db, r->a, r->me.org_id, &ns, ps, nh, s.source, &g)))
		return e;
	enum tier *tier = arena_alloc(r->a, (g.nreps * nh + 1) * sizeof(*tier));
	struct tiers_grid_input in = { g.nreps, nh, g.has_target, g.target_minor, g.result_minor, g.team_id };
	tiers_grid_compute(&s.rules, &in, tier, NULL, NULL);
	for (size_t i = 0; i < g.nreps; i++)
		for (size_t k = 0; k < out->n; k++)
			if (out->rows[k].u->id == g.reps[i].user_id)
				out->rows[k].tier = tier[i * nh + nh - 1];
	return E_OK;
}

int team_matrix_sort_key(const struct team_matrix *m, const char *s, int *key)
{
	if (!s || !*s || !strcmp(s, "weakest")) {
		*key = MATRIX_BY_WEAKEST;
		return 0;
	}
	if (!strcmp(s, "name")) {
		*key = MATRIX_BY_NAME;
		return 0;
	}
	if (!strcmp(s, "tier")) {
		*key = MATRIX_BY_TIER;
		return 0;
	}
	if (s[0] == 't' && s[1] >= '0' && s[1] <= '9' && strlen(s) < 21) {
		char *end;
		long long id = strtoll(s + 1, &end, 10);
		for (size_t i = 0; !*end && i < m->traits.n; i++)
			if (m->ids[i] == id) {
				*key = (int)i;
				return 0;
			}
	}
	return -1;
}

struct sort_arg {
	int key, desc;
};

/* the score a row sorts by under key (NaN: none) */
static double sort_value(const struct matrix_row *x, int key)
{
	if (key >= 0)
		return x->rows[key].manager;
	if (key == MATRIX_BY_WEAKEST)
		return x->p.weakest >= 0 ? x->rows[x->p.weakest].manager : NAN;
	/* superstars first: TIER_NONE (0) below underperformers */
	return x->tier == TIER_NONE ? NAN : (double)x->tier;
}

static int row_cmp(const void *pa, const void *pb, void *arg)
{
	const struct matrix_row *a = pa, *b = pb;
	const struct sort_arg *so = arg;
	if (so->key != MATRIX_BY_NAME) {
		double va = sort_value(a, so->key), vb = sort_value(b, so->key);
		int na = isnan(va), nb = isnan(vb);
		if (na != nb)
			return na - nb;
		if (!na && va != vb)
			return (va < vb) == !so->desc ? -1 : 1;
	}
	int c = strcmp(a->u->name, b->u->name);
	if (so->key == MATRIX_BY_NAME && so->desc)
		c = -c;
	return c ? c : (a->u->id > b->u->id) - (a->u->id < b->u->id);
}

void team_matrix_sort(struct team_matrix *m, int key, int desc)
{
	qsort_r(m->rows, m->n, sizeof(*m->rows), row_cmp, &(struct sort_arg){ key, desc });
}
