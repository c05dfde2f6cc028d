/*
 * inbox (service): see inbox.h. Each source keeps its own part's rule, so an
 * item never links to a page that would refuse the caller: one-on-ones
 * (access_one_on_one_manage), improvement plans (access_improve_manage),
 * learning (access_learning_see) and targets (access_target_set) reach an
 * admin only for the teams they lead; strung-along deals follow the deal
 * scope (access_deal_scope); the pulse only what pulse_needs_now gives.
 */
#include "inbox.h"
#include "improve-needs.h"
#include "pulse.h"
#include "../store/contests.h"
#include "../store/inbox.h"
#include "../store/one-on-ones.h"
#include "../store/deals.h"
#include "../store/figures.h"
#include "../store/settings.h"
#include "../store/library.h"
#include "../store/numbers.h"
#include "../store/kudos.h"
#include "../domain/cadence.h"
#include "../domain/commitment.h"
#include "../domain/period.h"
#include "../lib/fmt.h"
#include "../lib/strbuf.h"
#include <string.h>

/* the items while they are gathered */
struct gather {
	struct arena *a;
	const struct viewer *v;
	enum lang lang;
	const char *today;
	struct inbox_item *items;
	size_t n, cap;
	struct inbox_rep *reps;		/* the reps in the caller's inbox, once each */
	size_t nreps;
	int64_t *managers;		/* whose teams: the caller, or (an admin) every team's manager */
	size_t nmanagers;
	long strung_deals;		/* src_strung: every owner's, in the deal scope */
};

static struct inbox_item *add(struct gather *g)
{
	if (g->n == g->cap) {
		size_t ncap = g->cap ? g->cap * 2 : 32;
		struct inbox_item *m = arena_allocarray(g->a, ncap, sizeof(*m));
		if (g->n)
			memcpy(m, g->items, g->n * sizeof(*m));
		g->items = m;
		g->cap = ncap;
	}
	struct inbox_item *it = &g->items[g->n];
	memset(it, 0, sizeof(*it));
	it->since = "";
	it->name = "";
	it->link = "";
	return it;
}

/* keeps the item just filled in, unless one with its key is there already
 * (an admin sees a rep through several managers) or the list is full */
static void keep(struct gather *g)
{
	struct inbox_item *it = &g->items[g->n];
	inbox_item_identify(it);
	for (size_t i = 0; i < g->n; i++)
		if (!strcmp(g->items[i].key, it->key))
			return;
	if (g->n < INBOX_MAX)
		g->n++;
}

static const struct inbox_rep *rep_of(const struct gather *g, int64_t rep_id)
{
	for (size_t i = 0; i < g->nreps; i++)
		if (g->reps[i].rep_id == rep_id)
			return &g->reps[i];
	return NULL;
}

/* the reps the caller's inbox may speak of (access_inbox_rep), and whose
 * teams' managers */
static enum err load_reps(struct db_conn *c, struct gather *g)
{
	struct inbox_rep *all;
	size_t n;
	const struct viewer *v = g->v;
	enum err e = inbox_reps(c, g->a, v->org_id, v->role == ROLE_ADMIN ? 0 : v->id, &all, &n);
	if (e)
		return e;
	g->reps = arena_allocarray(g->a, n ? n : 1, sizeof(*g->reps));
	g->managers = arena_allocarray(g->a, n + 1, sizeof(*g->managers));
	if (v->role != ROLE_ADMIN)
		g->managers[g->nmanagers++] = v->id;
	for (size_t i = 0; i < n; i++) {
		struct person p = { all[i].rep_id, v->org_id, all[i].team_id };
		if (!access_inbox_rep(v, &p) || rep_of(g, all[i].rep_id))
			continue;
		g->reps[g->nreps++] = all[i];
		int seen = !all[i].manager_id;
		for (size_t k = 0; k < g->nmanagers && !seen; k++)
			seen = g->managers[k] == all[i].manager_id;
		if (!seen)
			g->managers[g->nmanagers++] = all[i].manager_id;
	}
	return E_OK;
}

/* one-on-ones and improvement plans reach the caller only for the teams
 * they lead (access_one_on_one_manage, access_improve_manage; an admin
 * too): the reps of the teams the caller manages, not every manager's */
static enum err src_one_on_ones(struct db_conn *c, struct gather *g)
{
	struct ooo_rep_list l;
	enum err e = ooo_reps(c, g->a, g->v->org_id, g->v->id, 0, &l);
	if (e)
		return e;
	for (size_t i = 0; i < l.n; i++) {
		const struct inbox_rep *r = rep_of(g, l.items[i].rep_id);
		int every = cadence_parse(l.items[i].every);
		char due[11];
		/* the one-on-ones' own rule: whoever leads the rep (an admin
		 * who does not, cannot act on it) */
		if (!r || !access_one_on_one_manage(g->v, &(struct person){ r->rep_id, g->v->org_id, r->team_id }) ||
		    every < 0 ||
		    cadence_next_due((enum cadence_every)every, l.items[i].anchor_on, l.items[i].last_held, due))
			continue;
		struct inbox_item *it = add(g);
		if (!inbox_rule_ooo(arena_strdup(g->a, due), g->today, it))
			continue;
		it->rep_id = r->rep_id;
		it->team_id = r->team_id;
		it->name = r->name;
		it->link = arena_printf(g->a, "/one-on-ones?rep=%lld", (long long)r->rep_id);
		keep(g);
	}
	return E_OK;
}

/* the strung-along deals of each rep, counted from the open deals'
 * maintained signals (deal_strung_counts) under the deal scope — not from a
 * list of the deals with their signals recomputed, which cost an admin's
 * inbox (every page's menu count) a second at bench scale */
static enum err src_strung(struct db_conn *c, struct gather *g)
{
	struct health_settings cfg;
	settings_health(c, g->v->org_id, &cfg);
	struct owner_count *oc;
	size_t n;
	enum err e = deal_strung_counts(c, g->a, g->v->org_id, access_deal_scope(g->v), g->v->id, &cfg, g->today,
					&oc, &n);
	if (e)
		return e;
	for (size_t k = 0; k < n; k++) {
		g->strung_deals += oc[k].n;
		const struct inbox_rep *r = rep_of(g, oc[k].owner_id);
		if (!r)
			continue;
		struct inbox_item *it = add(g);
		if (!inbox_rule_strung(oc[k].n, it))
			continue;
		it->rep_id = r->rep_id;
		it->team_id = r->team_id;
		it->name = r->name;
		it->link = arena_printf(g->a, "/strung-along?rep=%lld", (long long)it->rep_id);
		keep(g);
	}
	return E_OK;
}

/* a rep's counts in rf[n] (zeros when the rep had none) */
static struct commitment_counts counts_of(const struct rep_figures *rf, size_t n, int64_t rep_id)
{
	for (size_t i = 0; i < n; i++)
		if (rf[i].rep_id == rep_id)
			return rf[i].c;
	return (struct commitment_counts){ 0 };
}

static enum err src_rate(struct db_conn *c, struct gather *g)
{
	char now_from[11], before_from[11], before_to[11];
	inbox_rate_windows(g->today, now_from, before_from, before_to);
	if (!g->nreps)
		return E_OK;
	/* each window's conversations by rep in one read of the roll-ups
	 * (figures_conversations_by_rep): the teams the caller leads, or (an admin) the
	 * organisation's — not a full set of commitment figures per rep, which
	 * made an admin's inbox 8 statements per rep (make bench) */
	struct figures_scope sc = { 0, 0, g->v->role == ROLE_ADMIN ? 0 : g->v->id };
	struct rep_figures *now_rf, *before_rf;
	size_t now_n, before_n;
	enum err e;
	if ((e = figures_conversations_by_rep(c, g->a, g->v->org_id, &sc, now_from, g->today, &now_rf, &now_n)) ||
	    (e = figures_conversations_by_rep(c, g->a, g->v->org_id, &sc, before_from, before_to, &before_rf,
					      &before_n)))
		return e;
	for (size_t i = 0; i < g->nreps; i++) {
		struct commitment_counts now = counts_of(now_rf, now_n, g->reps[i].rep_id);
		struct commitment_counts before = counts_of(before_rf, before_n, g->reps[i].rep_id);
		struct inbox_item *it = add(g);
		if (!inbox_rule_rate(now.conversations, now.steps + now.stops, before.conversations,
				     before.steps + before.stops, it))
			continue;
		it->rep_id = g->reps[i].rep_id;
		it->team_id = g->reps[i].team_id;
		it->name = g->reps[i].name;
		it->since = arena_strdup(g->a, now_from);
		it->link = arena_printf(g->a, "/figures/commitment?rep=%lld", (long long)it->rep_id);
		keep(g);
	}
	return E_OK;
}

static enum err src_improve(struct db_conn *c, struct gather *g)
{
	struct improve_need *x;
	size_t n;
	enum err e = improve_needs(c, g->a, g->v->org_id, g->v->id, g->today, 200, &x, &n);
	if (e)
		return e;
	for (size_t i = 0; i < n; i++) {
		const struct inbox_rep *r = rep_of(g, x[i].rep_id);
		if (!r || !access_improve_manage(g->v, &(struct person){ r->rep_id, g->v->org_id, r->team_id }))
			continue;
		struct inbox_item *it = add(g);
		it->kind = !strcmp(x[i].kind, "no_decision") ? INBOX_UNDER_DECISION
			   : !strcmp(x[i].kind, "review") ? INBOX_UNDER_REVIEW : INBOX_UNDER_NO_PLAN;
		it->level = x[i].urgency;
		it->since = x[i].since;
		it->days = *x[i].since ? day_diff(x[i].since, g->today) : 0;
		it->rep_id = r->rep_id;
		it->team_id = r->team_id;
		it->ref_id = x[i].plan_id;
		it->name = r->name;
		it->link = x[i].link;
		keep(g);
	}
	return E_OK;
}

/* only what pulse_needs_now gives: its own rules decide what the caller may
 * know (a risk the rep shared, a team's average that may be shown) */
static enum err src_pulse(struct db_conn *c, struct gather *g)
{
	struct pulse_needs pn;
	enum err e = pulse_needs_now(c, g->a, g->v, g->today, &pn);
	if (e)
		return e;
	for (size_t i = 0; i < pn.n; i++) {
		const struct pulse_need *x = &pn.items[i];
		struct inbox_item *it = add(g);
		it->kind = !strcmp(x->kind, "pulse_risk") ? INBOX_PULSE_RISK : INBOX_PULSE_TEAM;
		it->level = x->urgency;
		it->since = x->date;
		it->days = day_diff(x->date, g->today);
		it->rep_id = x->rep_id;
		it->team_id = x->team_id;
		it->name = x->name;
		it->link = x->link;
		if (it->kind == INBOX_PULSE_TEAM) {
			it->now = x->count ? (double)x->points / (3.0 * (double)x->count) : 0;	/* points: 3 x the answer */
			it->period = x->week;
		}
		keep(g);
	}
	return E_OK;
}

static void src_learning(struct gather *g)
{
	for (size_t i = 0; i < g->nreps; i++) {
		if (!access_learning_see(g->v, &(struct person){ g->reps[i].rep_id, g->v->org_id, g->reps[i].team_id }))
			continue;
		struct inbox_item *it = add(g);
		if (!inbox_rule_learning(g->reps[i].last_learning, g->reps[i].joined, g->today, it))
			continue;
		it->rep_id = g->reps[i].rep_id;
		it->team_id = g->reps[i].team_id;
		it->name = g->reps[i].name;
		it->link = arena_printf(g->a, "/learning?rep=%lld", (long long)it->rep_id);
		keep(g);
	}
}

static enum err src_loans(struct db_conn *c, struct gather *g)
{
	struct library_loan_scope s = { 0, 0, 1 };
	struct library_loan *l;
	size_t n;
	int64_t total;
	enum err e = library_loans_list(c, g->a, g->v->org_id, &s, LIBRARY_LOANS_MAX, 0, &l, &n, &total);
	if (e)
		return e;
	for (size_t i = 0; i < n; i++) {
		const struct inbox_rep *r = rep_of(g, l[i].borrower_id);
		if (!r)
			continue;
		struct inbox_item *it = add(g);
		if (!inbox_rule_loan(l[i].due_on, g->today, it))
			continue;
		it->rep_id = r->rep_id;
		it->team_id = r->team_id;
		it->ref_id = l[i].id;
		it->name = r->name;
		it->period = l[i].item_title;	/* the title, for the sentence */
		it->link = arena_printf(g->a, "/library/%lld", (long long)l[i].item_id);
		keep(g);
	}
	return E_OK;
}

/* the running contests of the caller's teams (an admin: all) ending within
 * INBOX_CONTEST_DAYS days */
static enum err src_contests_ending(struct db_conn *c, struct gather *g)
{
	struct contest *k;
	size_t n;
	enum err e = contests_ending(c, g->a, g->v->org_id, g->v->role == ROLE_ADMIN ? 0 : g->v->id, g->today,
				     INBOX_CONTEST_DAYS, &k, &n);
	if (e)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct inbox_item *it = add(g);
		if (!inbox_rule_contest(k[i].ends_on, g->today, it))
			continue;
		it->ref_id = k[i].id;
		it->name = k[i].name;
		it->link = arena_printf(g->a, "/contests/%lld", (long long)k[i].id);
		keep(g);
	}
	return E_OK;
}

static enum err src_targets(struct db_conn *c, struct gather *g)
{
	struct numbers_settings s;
	settings_numbers(c, g->a, g->v->org_id, &s);
	struct period cur, next;
	period_containing(PERIOD_QUARTER, g->today, s.fiscal_start_month, &cur);
	period_next(&cur, s.fiscal_start_month, &next);
	struct numbers_scope sc = { 0, 0, g->v->role == ROLE_ADMIN ? 0 : g->v->id };
	struct numbers_grid grid;
	enum err e = numbers_grid_load(c, g->a, g->v->org_id, &sc, &next, 1, s.source, &grid);
	if (e)
		return e;
	long missing = 0;
	for (size_t i = 0; i < grid.nreps; i++) {
		const struct inbox_rep *r = rep_of(g, grid.reps[i].user_id);
		missing += !grid.has_target[i] && r &&
			   access_target_set(g->v, &(struct person){ r->rep_id, g->v->org_id, r->team_id });
	}
	struct inbox_item *it = add(g);
	if (!inbox_rule_targets(arena_strdup(g->a, next.start), missing, g->today, it))
		return E_OK;
	it->period = arena_strdup(g->a, next.label);
	it->name = it->period;
	it->link = arena_printf(g->a, "/targets?period=%s", next.label);
	keep(g);
	return E_OK;
}

static enum err src_spotlight(struct db_conn *c, struct gather *g)
{
	for (size_t m = 0; m < g->nmanagers; m++) {
		struct kudos_need *x;
		size_t n;
		enum err e = kudos_manager_needs(c, g->a, g->v->org_id, g->managers[m], g->today, &x, &n);
		if (e)
			return e;
		for (size_t i = 0; i < n; i++) {
			if (g->v->role != ROLE_ADMIN && !access_leads_team(g->v, x[i].team_id))
				continue;
			struct inbox_item *it = add(g);
			it->kind = INBOX_SPOTLIGHT;
			it->level = 1;
			it->since = x[i].date;
			it->days = day_diff(x[i].date, g->today);
			it->team_id = x[i].team_id;
			it->name = x[i].team_name;
			it->link = x[i].link;
			keep(g);
		}
	}
	return E_OK;
}

static const char *date_text(struct gather *g, const char *iso)
{
	struct strbuf sb = STRBUF_INIT;
	fmt_date(&sb, g->lang, iso);
	char *s = arena_strdup(g->a, sb.buf ? sb.buf : iso);
	sb_release(&sb);
	return s;
}

static const char *pct_text(struct gather *g, double v)
{
	struct strbuf sb = STRBUF_INIT;
	fmt_percent(&sb, g->lang, v, 0);
	char *s = arena_strdup(g->a, sb.buf ? sb.buf : "");
	sb_release(&sb);
	return s;
}

/* the item's sentence in the caller's language */
static const char *sentence(struct gather *g, const struct inbox_item *it)
{
	struct arena *a = g->a;
	enum lang l = g->lang;
	switch (it->kind) {
	case INBOX_OOO:
		return arena_printf(a, trn(l, "The one-on-one with %s is %ld day overdue (it was due on %s).",
					   "The one-on-one with %s is %ld days overdue (it was due on %s).", it->days),
				    it->name, it->days, date_text(g, it->since));
	case INBOX_STRUNG:
		return arena_printf(a, trn(l, "%s has %ld open deal that strings them along.",
					   "%s has %ld open deals that string them along.", it->n),
				    it->name, it->n);
	case INBOX_RATE:
		return arena_printf(a, tr(l, "The commitment rate of %s fell from %s to %s: the last 28 days "
					      "(%lld conversations) against the 28 days before (%lld conversations)."),
				    it->name, pct_text(g, it->before), pct_text(g, it->now), (long long)it->now_conv,
				    (long long)it->before_conv);
	case INBOX_UNDER_NO_PLAN:
		return arena_printf(a, tr(l, "%s is an underperformer without an improvement plan (since %s)."),
				    it->name, date_text(g, it->since));
	case INBOX_UNDER_REVIEW:
		return arena_printf(a, tr(l, "A review of the improvement plan of %s was due on %s."), it->name,
				    date_text(g, it->since));
	case INBOX_UNDER_DECISION:
		return arena_printf(a, tr(l, "%s has underperformed for two periods without a decision (since %s)."),
				    it->name, date_text(g, it->since));
	case INBOX_PULSE_RISK:
		return arena_printf(a, tr(l, "%s shared a burnout risk in their pulse (week of %s)."), it->name,
				    date_text(g, it->since));
	case INBOX_PULSE_TEAM: {
		struct strbuf sb = STRBUF_INIT;
		fmt_decimal(&sb, l, it->now, 1);
		const char *avg = arena_strdup(a, sb.buf ? sb.buf : "");
		sb_release(&sb);
		return arena_printf(a, tr(l, "The pulse of team %s averaged %s in the week of %s (2.5 or lower)."),
				    it->name, avg, date_text(g, it->since));
	}
	case INBOX_LEARNING:
		if (*it->since)
			return arena_printf(a, trn(l, "%s has logged no learning for %ld day.",
						   "%s has logged no learning for %ld days.", it->days),
					    it->name, it->days);
		return arena_printf(a, trn(l, "%s has logged no learning in the %ld day since joining.",
					   "%s has logged no learning in the %ld days since joining.", it->days),
				    it->name, it->days);
	case INBOX_LOAN:
		return arena_printf(a, trn(l, "%s is %ld day late returning %s to the library.",
					   "%s is %ld days late returning %s to the library.", it->days),
				    it->name, it->days, it->period ? it->period : "");
	case INBOX_CONTEST:
		return arena_printf(a, tr(l, "The contest %s ends on %s."), it->name, date_text(g, it->since));
	case INBOX_TARGETS:
		return arena_printf(a, trn(l, "%ld rep of your teams has no target for %s, which starts on %s.",
					   "%ld reps of your teams have no target for %s, which starts on %s.", it->n),
				    it->n, it->period, date_text(g, it->since));
	case INBOX_SPOTLIGHT:
		return arena_printf(a, tr(l, "Team %s has no spotlight yet this month."), it->name);
	default:
		return "";
	}
}

/* every item, dismissed or not, with its sentence, most urgent first */
static enum err gather_all(struct db_conn *c, struct gather *g)
{
	enum err e;
	if (!access_inbox(g->v, g->v->org_id))
		return E_OK;
	if ((e = load_reps(c, g)) || (e = src_one_on_ones(c, g)) || (e = src_strung(c, g)) ||
	    (e = src_rate(c, g)) || (e = src_improve(c, g)) || (e = src_pulse(c, g)))
		return e;
	src_learning(g);
	if ((e = src_loans(c, g)) || (e = src_contests_ending(c, g)) || (e = src_targets(c, g)) ||
	    (e = src_spotlight(c, g)))
		return e;
	for (size_t i = 0; i < g->n; i++)
		g->items[i].text = sentence(g, &g->items[i]);
	inbox_sort(g->items, g->n);
	return E_OK;
}

enum err inbox_gather(struct db_conn *c, struct arena *a, const struct viewer *v, enum lang lang,
		      const char *today, struct inbox *out)
{
	memset(out, 0, sizeof(*out));
	struct gather g = { .a = a, .v = v, .lang = lang, .today = today };
	enum err e = gather_all(c, &g);
	if (e)
		return e;
	out->strung_deals = g.strung_deals;
	if (!g.n)
		return E_OK;
	struct inbox_dismissal *d;
	size_t nd;
	if ((e = inbox_dismissals(c, a, v->org_id, v->id, &d, &nd)))
		return e;
	out->items = g.items;
	for (size_t i = 0; i < g.n; i++) {
		if (inbox_hidden(&g.items[i], d, nd, today)) {
			out->hidden++;
			continue;
		}
		out->items[out->n++] = g.items[i];
	}
	return E_OK;
}

enum err inbox_find(struct db_conn *c, struct arena *a, const struct viewer *v, enum lang lang, const char *today,
		    const char *key, struct inbox_item **out)
{
	*out = NULL;
	struct gather g = { .a = a, .v = v, .lang = lang, .today = today };
	enum err e = gather_all(c, &g);
	if (e)
		return e;
	for (size_t i = 0; i < g.n; i++)
		if (!strcmp(g.items[i].key, key)) {
			*out = &g.items[i];
			break;
		}
	return E_OK;
}
