/*
 * api-numbers: the numbers of the sales team as JSON — targets (listed,
 * set, changed, removed), results against them with attainment, run-rate
 * projection and what is needed per remaining week, the tiers (superstar,
 * core, underperformer) with their history and movers, the concentration of
 * revenue, and the excuse check of one rep.
 *
 * Rights are those of the pages: a rep sees their own numbers and excuse
 * check; a manager those of the reps in the teams they lead; an admin
 * everyone's. Tiers and concentration are for managers (their teams) and
 * admins (the organisation); targets are set by managers for the reps of
 * the teams they lead, and by admins for anyone. An id of another
 * organisation is 404, a colleague the caller may not see 403.
 *
 * Money is an integer in minor units (cents, øre), its member named
 * *_minor as in the deals API; rates are fractions rounded to 4 decimals,
 * null when there is nothing to divide by. A period is named by its label
 * ("2026-11", "2026-Q4", "FY2026"), with the organisation's fiscal start.
 */
#include "api.h"
#include "../web/load.h"
#include "../store/numbers.h"
#include "../store/teams.h"
#include "../store/users.h"
#include "../domain/attainment.h"
#include "../domain/concentration.h"
#include "../domain/excuses.h"
#include "../domain/tiers-grid.h"
#include "../domain/validate.h"
#include "../lib/util.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* a trillion units is beyond any target, as for deals */
#define AMOUNT_MINOR_MAX INT64_C(100000000000000)
#define MINOR_PER_UNIT 100.0
/* the tiers answer shows this many periods of history */
#define TIER_HISTORY 8
/* the articles' "about 4% of the reps bring over half of the revenue" */
#define TOP_PCT 4.0

/* a fraction rounded to 4 decimals (what the pages show, and no float
 * noise in the JSON), or null when there was nothing to divide by */
static json_t *jrate(double v)
{
	return isfinite(v) ? json_real(round(v * 10000.0) / 10000.0) : json_null();
}

/* --- the period and the scope of a request --- */

/* the period of ?period=LABEL, or the current one of ?kind=month|quarter|year,
 * or the current quarter; 0, or -1 after answering 400 */
static int period_of(struct request *r, int fiscal_start_month, struct period *p)
{
	const char *label = req_query(r, "period");
	const char *kind = req_query(r, "kind");
	if (label && *label && kind && *kind) {
		api_invalid(r, "kind", T("Give period or kind, not both."));
		return -1;
	}
	if (label && *label) {
		if (period_parse(label, fiscal_start_month, p)) {
			api_invalid(r, "period", T("The period is a month such as 2026-11, a quarter such as 2026-Q4 "
						   "or a fiscal year such as FY2026."));
			return -1;
		}
		return 0;
	}
	int k = PERIOD_QUARTER;
	if (kind && *kind && (k = period_kind_parse(kind)) < 0) {
		api_invalid(r, "kind", T("The kind is month, quarter or year."));
		return -1;
	}
	char today[11];
	today_date(today);
	period_containing((enum period_kind)k, today, fiscal_start_month, p);
	return 0;
}

/* the members that name a period in every answer: "period", "kind", "start", "end" */
static void set_period(json_t *o, const struct period *p)
{
	json_object_set_new(o, "period", json_string(p->label));
	json_object_set_new(o, "kind", json_string(period_kind_code(p->kind)));
	json_object_set_new(o, "start", json_string(p->start));
	json_object_set_new(o, "end", json_string(p->end));
}

/* 0 when the caller may see this user's numbers (404 / 403 otherwise, after answering) */
static int check_rep(struct request *r, int64_t rep_id)
{
	return user_load_or_reply(r, rep_id, NEED_SEE) ? 0 : -1;
}

/* 0 when the team exists and the caller may see its reps one by one
 * (access_team_reps: an admin, or who leads it) */
static int check_team(struct request *r, int64_t team_id)
{
	return team_load_or_reply(r, team_id, NEED_CHANGE) ? 0 : -1;
}

/* the scope of ?rep= and ?team= (with_rep: whether rep= is accepted), checked
 * against the caller's rights; without either, a rep their own numbers, a
 * manager the teams they lead, an admin the organisation. 0, or -1 after
 * answering 400, 403 or 404. */
static int scope_of(struct request *r, int with_rep, struct numbers_scope *s)
{
	int64_t rep_id = 0, team_id = 0;
	memset(s, 0, sizeof(*s));
	if ((with_rep && api_query_id(r, "rep", &rep_id)) || api_query_id(r, "team", &team_id))
		return -1;
	if (rep_id && team_id) {
		api_invalid(r, "team", T("Give rep or team, not both."));
		return -1;
	}
	if (rep_id) {
		if (check_rep(r, rep_id))
			return -1;
		s->rep_id = rep_id;
		return 0;
	}
	if (team_id) {
		if (check_team(r, team_id))
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

static json_t *scope_json(const struct numbers_scope *s)
{
	const char *kind = s->rep_id ? "rep" : s->team_id ? "team" : s->manager_id ? "led" : "org";
	return json_pack("{s:s, s:o, s:o}", "kind", kind, "rep_id", api_id_or_null(s->rep_id), "team_id",
			 api_id_or_null(s->team_id));
}

static json_t *rep_json(int64_t id, const char *name)
{
	return json_pack("{s:I, s:s}", "id", (json_int_t)id, "name", name ? name : "");
}

static json_t *team_ref_json(const struct rep_row *rr)
{
	return rr->team_id ? json_pack("{s:I, s:s}", "id", (json_int_t)rr->team_id, "name",
				       rr->team_name ? rr->team_name : "")
			   : json_null();
}

/* --- targets --- */

static json_t *target_json(const struct target *t)
{
	json_t *o = json_pack("{s:I, s:o}", "id", (json_int_t)t->id, "rep", rep_json(t->user_id, t->user_name));
	if (!o)
		return NULL;
	set_period(o, &t->period);
	json_object_set_new(o, "amount_minor", json_integer((json_int_t)t->amount_minor));
	json_object_set_new(o, "amount", json_real((double)t->amount_minor / MINOR_PER_UNIT));
	json_object_set_new(o, "currency", json_string(t->currency ? t->currency : ""));
	json_object_set_new(o, "updated_at", api_time(t->updated_at));
	return o;
}

void api_targets_list(struct request *r)
{
	struct api_page pg;
	if (api_paging(r, &pg))
		return;
	struct numbers_settings ns;
	settings_numbers(r->db, r->a, r->me.org_id, &ns);
	const char *from, *to;
	if (api_query_date(r, "from", &from) || api_query_date(r, "to", &to))
		return;
	const char *label = req_query(r, "period"), *kind = req_query(r, "kind");
	if ((label && *label) || (kind && *kind)) {
		if (from || to) {
			api_invalid(r, label && *label ? "period" : "kind", T("Give period, or from and to, not both."));
			return;
		}
		struct period p;
		if (period_of(r, ns.fiscal_start_month, &p))
			return;
		from = arena_strdup(r->a, p.start);
		to = arena_strdup(r->a, p.end);
	}
	if (from && to && strcmp(from, to) > 0) {
		api_invalid(r, "to", T("The end of the period lies before its start."));
		return;
	}
	struct numbers_scope s;
	if (scope_of(r, 1, &s))
		return;
	struct target *t;
	size_t n;
	int64_t total;
	enum err e = targets_list(r->db, r->a, r->me.org_id, &s, from, to, ns.fiscal_start_month,
				  (int64_t)pg.limit, (int64_t)pg.offset, &t, &n, &total);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		if (json_array_append_new(items, target_json(&t[i]))) {
			json_decref(items);
			api_reply(r, 500, NULL);
			return;
		}
	api_list(r, items, (size_t)total, &pg);
}

/* a member, null counting as absent */
static json_t *member(struct request *r, const char *field)
{
	json_t *v = r->json ? json_object_get(r->json, field) : NULL;
	return v && !json_is_null(v) ? v : NULL;
}

/* the amount from "amount_minor" (cents) or "amount" (units, decimals
 * allowed); 0, or -1 after answering 400. Required. */
static int read_amount(struct request *r, int64_t *minor)
{
	json_t *am = member(r, "amount_minor"), *a = member(r, "amount");
	if (am && a) {
		api_invalid(r, "amount", T("Give amount or amount_minor, not both."));
		return -1;
	}
	if (!am && !a) {
		api_invalid(r, "amount_minor", T("Give the target: amount_minor in cents, or amount."));
		return -1;
	}
	if (am) {
		if (!json_is_integer(am) || json_integer_value(am) < 0 || json_integer_value(am) > AMOUNT_MINOR_MAX) {
			api_invalid(r, "amount_minor", T("The amount_minor is the target in cents: a whole number of 0 or "
							 "more."));
			return -1;
		}
		*minor = (int64_t)json_integer_value(am);
		return 0;
	}
	double x = json_is_number(a) ? json_number_value(a) * MINOR_PER_UNIT : -1;
	if (!(x >= 0) || x > (double)AMOUNT_MINOR_MAX) {
		api_invalid(r, "amount", T("The amount is a target of 0 or more, such as 150000 or 99.95."));
		return -1;
	}
	*minor = (int64_t)llround(x);
	return 0;
}

/* may the caller set this user's targets? 0, or -1 after answering; the
 * user's absence is reported on field (a body member) or as 404 (field NULL) */
static int check_may_set(struct request *r, int64_t user_id, const char *field)
{
	struct user u;
	enum err e = user_get(r->db, r->a, r->me.org_id, user_id, &u);
	if (e == E_NOTFOUND) {
		if (field)
			api_invalid(r, field, T("There is no such user."));
		else
			resp_error(r, E_NOTFOUND, T("There is no such target."));
		return -1;
	}
	if (e) {
		api_store_error(r, e);
		return -1;
	}
	struct person p = { u.id, u.org_id, u.team_id };
	if (!access_target_set(&r->viewer, &p)) {
		resp_error(r, E_FORBIDDEN, T("You may set targets only for the reps of the teams you lead."));
		return -1;
	}
	if (field && !u.active) {
		api_invalid(r, field, T("This user is deactivated."));
		return -1;
	}
	return 0;
}

/* the target as it is now, 200 or 201 (with its address) */
static void reply_target(struct request *r, int status, int64_t id, int fiscal_start_month)
{
	struct target t;
	enum err e = target_get(r->db, r->a, r->me.org_id, id, fiscal_start_month, &t);
	if (e) {
		api_store_error(r, e == E_NOTFOUND ? E_INTERNAL : e);
		return;
	}
	if (status == 201)
		resp_header(r, "Location", arena_printf(r->a, "/api/v1/targets/%lld", (long long)id));
	api_reply(r, status, target_json(&t));
}

void api_targets_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	int64_t rep_id = api_int(r, "rep_id", &bad);
	const char *label = api_str(r, "period", &bad);
	const char *currency = api_str(r, "currency", &bad);
	if (bad)
		return;
	struct numbers_settings ns;
	settings_numbers(r->db, r->a, r->me.org_id, &ns);
	if (rep_id < 1) {
		api_invalid(r, "rep_id", T("Choose whose target this is: rep_id."));
		return;
	}
	struct period p;
	if (!label || period_parse(label, ns.fiscal_start_month, &p)) {
		api_invalid(r, "period", T("The period is a month such as 2026-11, a quarter such as 2026-Q4 or a "
					   "fiscal year such as FY2026."));
		return;
	}
	int64_t amount;
	if (read_amount(r, &amount))
		return;
	const char *m;
	if (!currency)
		currency = ns.currency && *ns.currency ? ns.currency : r->me.currency;
	if ((m = validate_currency(currency))) {
		api_invalid(r, "currency", T(m));
		return;
	}
	if (check_may_set(r, rep_id, "rep_id"))
		return;
	int64_t id = 0;
	int created = 0;
	enum err e = target_set(r->db, r->me.org_id, rep_id, &p, amount, currency, &id, &created);
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_target(r, created ? 201 : 200, id, ns.fiscal_start_month);
}

/* the target of the path, visible to the caller; 0, or -1 after answering 404 or 403 */
/* the target of the path as the caller needs it (web/load.c: a rep sees
 * their own, whoever manages the rep's team sees and sets it); 0, or -1
 * after answering */
static int load_target(struct request *r, int fiscal_start_month, enum access_need need, struct target *t)
{
	struct target *got = target_load_or_reply(r, r->id, fiscal_start_month, need);
	if (!got)
		return -1;
	*t = *got;
	return 0;
}

void api_target_get(struct request *r)
{
	struct numbers_settings ns;
	settings_numbers(r->db, r->a, r->me.org_id, &ns);
	struct target t;
	if (load_target(r, ns.fiscal_start_month, NEED_SEE, &t))
		return;
	api_reply(r, 200, target_json(&t));
}

void api_target_update(struct request *r)
{
	if (api_body(r))
		return;
	struct numbers_settings ns;
	settings_numbers(r->db, r->a, r->me.org_id, &ns);
	struct target t;
	if (load_target(r, ns.fiscal_start_month, NEED_CHANGE, &t))
		return;
	/* a target belongs to its rep and period: to move it, set a new one */
	static const char *const fixed[] = { "rep_id", "period", "kind", "start", "end" };
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (api_has(r, fixed[i])) {
			api_invalid(r, fixed[i], T("Only the amount of a target can change; set a target for another "
						   "rep or period with POST /api/v1/targets."));
			return;
		}
	int bad = 0;
	const char *currency = api_str(r, "currency", &bad);
	if (bad)
		return;
	int64_t amount = t.amount_minor;
	if ((api_has(r, "amount") || api_has(r, "amount_minor") || !currency) && read_amount(r, &amount))
		return;
	const char *m;
	if (!currency)
		currency = t.currency;
	if ((m = validate_currency(currency))) {
		api_invalid(r, "currency", T(m));
		return;
	}
	int64_t id = 0;
	int created = 0;
	enum err e = target_set(r->db, r->me.org_id, t.user_id, &t.period, amount, currency, &id, &created);
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_target(r, 200, id, ns.fiscal_start_month);
}

void api_target_delete(struct request *r)
{
	struct numbers_settings ns;
	settings_numbers(r->db, r->a, r->me.org_id, &ns);
	struct target t;
	if (load_target(r, ns.fiscal_start_month, NEED_CHANGE, &t))
		return;
	enum err e = target_delete(r->db, r->me.org_id, t.id);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such target."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	sb_reset(&r->out);
	r->status = 204;
	r->content_type = "application/json";
}

/* --- results --- */

static const char *source_code(enum results_source s)
{
	return s == RESULTS_IMPORTED ? "imported" : "deals";
}

static const char *state_code(enum period_state s)
{
	switch (s) {
	case PERIOD_PAST: return "past";
	case PERIOD_FUTURE: return "future";
	default: return "current";
	}
}

static json_t *money_or_null(int has, int64_t v)
{
	return has ? json_integer((json_int_t)v) : json_null();
}

/* the settings, the period, the scope and every rep's target and result in
 * that one period: what results and concentration both start from. 0, or
 * -1 after answering. */
static int one_period_grid(struct request *r, int with_rep, struct numbers_settings *ns, struct period *p,
			   struct numbers_scope *s, struct numbers_grid *g)
{
	settings_numbers(r->db, r->a, r->me.org_id, ns);
	if (period_of(r, ns->fiscal_start_month, p) || scope_of(r, with_rep, s))
		return -1;
	enum err e = numbers_grid_load(r->db, r->a, r->me.org_id, s, p, 1, ns->source, g);
	if (e) {
		api_store_error(r, e);
		return -1;
	}
	return 0;
}

void api_results_list(struct request *r)
{
	struct api_page pg;
	if (api_paging(r, &pg))
		return;
	struct numbers_settings ns;
	struct period p;
	struct numbers_scope s;
	struct numbers_grid g;
	if (one_period_grid(r, 1, &ns, &p, &s, &g))
		return;
	char today[11];
	today_date(today);
	json_t *items = json_array();
	for (size_t i = pg.offset; i < g.nreps && i - pg.offset < pg.limit; i++) {
		const struct rep_row *rr = &g.reps[i];
		int has = g.has_target[i];
		struct attainment at;
		attainment_compute(has, g.target_minor[i], g.result_minor[i], &p, today, &at);
		json_t *o = json_pack("{s:o, s:o, s:s, s:o, s:I, s:o, s:I, s:o, s:o, s:o, s:i, s:i, s:i, s:s, s:s}",
				      "rep", rep_json(rr->user_id, rr->name),
				      "team", team_ref_json(rr),
				      "period", p.label,
				      "target_minor", money_or_null(has, g.target_minor[i]),
				      "result_minor", (json_int_t)g.result_minor[i],
				      "attainment", jrate(at.attainment),
				      "projection_minor", (json_int_t)at.projection_minor,
				      "projected_attainment", jrate(at.projected_attainment),
				      "remaining_minor", money_or_null(has, at.remaining_minor),
				      "needed_per_week_minor", money_or_null(has && at.needed_per_week_minor >= 0,
									     at.needed_per_week_minor),
				      "days_total", at.days_total,
				      "days_elapsed", at.days_elapsed,
				      "days_left", at.days_left,
				      "state", state_code(at.state),
				      "source", source_code(ns.source));
		if (json_array_append_new(items, o)) {
			json_decref(items);
			api_reply(r, 500, NULL);
			return;
		}
	}
	json_t *out = json_pack("{s:o, s:s, s:s, s:o, s:I, s:I, s:I}", "scope", scope_json(&s), "source",
				source_code(ns.source), "currency", ns.currency ? ns.currency : r->me.currency,
				"items", items, "total", (json_int_t)g.nreps, "limit", (json_int_t)pg.limit,
				"offset", (json_int_t)pg.offset);
	if (out)
		set_period(out, &p);
	api_reply(r, 200, out);
}

/* --- tiers --- */

static json_t *counts_json(const size_t counts[TIER_COUNT])
{
	json_t *o = json_object();
	for (int t = 0; t < TIER_COUNT; t++)
		json_object_set_new(o, tier_code((enum tier)t), json_integer((json_int_t)counts[t]));
	return o;
}

void api_tiers(struct request *r)
{
	struct numbers_settings ns;
	settings_numbers(r->db, r->a, r->me.org_id, &ns);
	struct period p;
	struct numbers_scope s;
	if (period_of(r, ns.fiscal_start_month, &p) || scope_of(r, 0, &s))
		return;
	/* without a period named, today's, as every numbers endpoint and page
	 * (issue 12: one rule; the answer names the period it is about) */
	/* the oldest period shown needs under_periods - 1 before it to be
	 * classified as the rules say */
	int under = ns.rules.under_periods;
	if (under < 1)
		under = 1;
	if (under > 12)
		under = 12;
	size_t np = TIER_HISTORY + (size_t)under - 1;
	struct period *periods = arena_alloc(r->a, np * sizeof(*periods));
	period_history(&p, ns.fiscal_start_month, np, periods);
	struct numbers_grid g;
	enum err e = numbers_grid_load(r->db, r->a, r->me.org_id, &s, periods, np, ns.source, &g);
	if (e) {
		api_store_error(r, e);
		return;
	}
	size_t cells = g.nreps * np;
	enum tier *tier = arena_alloc(r->a, (cells ? cells : 1) * sizeof(*tier));
	double *share = arena_alloc(r->a, (cells ? cells : 1) * sizeof(*share));
	double *att = arena_alloc(r->a, (cells ? cells : 1) * sizeof(*att));
	struct tiers_grid_input in = { g.nreps, np, g.has_target, g.target_minor, g.result_minor, g.team_id };
	tiers_grid_compute(&ns.rules, &in, tier, share, att);
	size_t now = np - 1, counts[TIER_COUNT];
	tiers_grid_counts(tier, g.nreps, np, now, counts);

	json_t *reps = json_array();
	for (size_t i = 0; i < g.nreps; i++) {
		size_t c = i * np + now;
		enum tier before = np > 1 ? tier[c - 1] : TIER_NONE;
		json_t *hist = json_array();
		for (size_t j = np - TIER_HISTORY; j < np; j++)
			json_array_append_new(hist, json_pack("{s:s, s:s}", "period", periods[j].label, "tier",
							      tier_code(tier[i * np + j])));
		json_t *o = json_pack("{s:o, s:o, s:s, s:s, s:i, s:o, s:o, s:o, s:I, s:o}",
				      "rep", rep_json(g.reps[i].user_id, g.reps[i].name),
				      "team", team_ref_json(&g.reps[i]),
				      "tier", tier_code(tier[c]),
				      "previous_tier", tier_code(before),
				      "move", tier_move(before, tier[c]),
				      "attainment", jrate(att[c]),
				      "share", jrate(share[c]),
				      "target_minor", money_or_null(g.has_target[c], g.target_minor[c]),
				      "result_minor", (json_int_t)g.result_minor[c],
				      "history", hist);
		if (json_array_append_new(reps, o)) {
			json_decref(reps);
			api_reply(r, 500, NULL);
			return;
		}
	}
	json_t *shown = json_array();
	for (size_t j = np - TIER_HISTORY; j < np; j++)
		json_array_append_new(shown, json_string(periods[j].label));
	json_t *out = json_pack("{s:o, s:s, s:{s:i, s:i, s:i, s:i}, s:o, s:s, s:o, s:o}",
				"scope", scope_json(&s),
				"previous_period", periods[now - 1].label,
				"rules", "superstar_pct", ns.rules.superstar_pct,
				"superstar_share_pct", ns.rules.superstar_share_pct,
				"under_pct", ns.rules.under_pct, "under_periods", ns.rules.under_periods,
				"counts", counts_json(counts),
				"source", source_code(ns.source),
				"history_periods", shown,
				"reps", reps);
	if (out)
		set_period(out, &p);
	api_reply(r, 200, out);
}

/* --- concentration --- */

struct rep_revenue {
	const struct rep_row *rep;
	int64_t revenue;
};

/* largest first; equal revenue by name, then id, so the order is stable */
static int by_revenue_desc(const void *a, const void *b)
{
	const struct rep_revenue *x = a, *y = b;
	if (x->revenue != y->revenue)
		return x->revenue > y->revenue ? -1 : 1;
	int c = strcmp(x->rep->name ? x->rep->name : "", y->rep->name ? y->rep->name : "");
	if (c)
		return c;
	return x->rep->user_id < y->rep->user_id ? -1 : x->rep->user_id > y->rep->user_id;
}

void api_concentration(struct request *r)
{
	struct numbers_settings ns;
	struct period p;
	struct numbers_scope s;
	struct numbers_grid g;
	if (one_period_grid(r, 0, &ns, &p, &s, &g))
		return;
	struct concentration c;
	concentration_compute(r->a, g.result_minor, g.nreps, TOP_PCT, &c);
	struct rep_revenue *rr = arena_alloc(r->a, (g.nreps ? g.nreps : 1) * sizeof(*rr));
	for (size_t i = 0; i < g.nreps; i++)
		rr[i] = (struct rep_revenue){ &g.reps[i], g.result_minor[i] };
	if (g.nreps)
		qsort(rr, g.nreps, sizeof(*rr), by_revenue_desc);

	json_t *lorenz = json_array();
	for (size_t i = 0; c.lorenz_x && c.lorenz_y && i <= c.n; i++)
		json_array_append_new(lorenz, json_pack("[o, o]", jrate(c.lorenz_x[i]), jrate(c.lorenz_y[i])));
	json_t *reps = json_array();
	for (size_t i = 0; i < g.nreps; i++)
		json_array_append_new(reps, json_pack("{s:o, s:o, s:I}", "rep", rep_json(rr[i].rep->user_id,
											    rr[i].rep->name),
						      "team", team_ref_json(rr[i].rep), "revenue_minor",
						      (json_int_t)rr[i].revenue));
	json_t *out = json_pack("{s:o, s:s, s:s, s:I, s:I, s:I, s:o, s:f, s:I, s:o, s:o, s:o, s:o, s:o}",
				"scope", scope_json(&s),
				"source", source_code(ns.source),
				"currency", ns.currency ? ns.currency : r->me.currency,
				"reps", (json_int_t)c.n,
				"total_minor", (json_int_t)c.total_minor,
				"half_count", (json_int_t)c.half_count,
				"half_share", jrate(c.half_share),
				"top_pct", TOP_PCT,
				"top_count", (json_int_t)c.top_count,
				"top_share", jrate(c.top_share),
				"gini", jrate(c.gini),
				/* null with no revenue: unknown, like the shares */
				"holds", c.holds < 0 ? json_null() : json_boolean(c.holds),
				"lorenz", lorenz,
				"reps_revenue", reps);
	if (out)
		set_period(out, &p);
	api_reply(r, 200, out);
}

/* --- the excuse check --- */

static json_t *peers_json(const char *name, const struct excuse_attainment *x)
{
	/* below the smallest sample the median is not shown: with one peer it
	 * would be that colleague's attainment */
	return json_pack("{s:o, s:o, s:I, s:b, s:o}", "name", api_text_or_null(name), "median",
			 x->too_small ? json_null() : jrate(x->peers_median), "peers", (json_int_t)x->peers,
			 "too_small", x->too_small ? 1 : 0, "normalised", x->too_small ? json_null() : jrate(x->normalised));
}

void api_excuses(struct request *r)
{
	struct numbers_settings ns;
	settings_numbers(r->db, r->a, r->me.org_id, &ns);
	int64_t rep_id;
	struct period p;
	if (api_query_id(r, "rep", &rep_id) || period_of(r, ns.fiscal_start_month, &p))
		return;
	if (!rep_id)
		rep_id = r->me.user_id;
	else if (check_rep(r, rep_id))
		return;
	struct excuse_data d;
	enum err e = excuse_data_load(r->db, r->a, r->me.org_id, rep_id, &p, ns.source, &d);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such user."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	int min = ns.min_sample > 0 ? ns.min_sample : 5;
	struct excuse_attainment terr, seg;
	excuse_attainment_check(d.rep_attainment, d.territory_peers, d.nterritory, min, &terr);
	excuse_attainment_check(d.rep_attainment, d.segment_peers, d.nsegment, min, &seg);

	json_t *products = json_array();
	for (size_t i = 0; i < d.nproducts; i++) {
		const struct excuse_product *xp = &d.products[i];
		struct reason_check *checks = arena_alloc(r->a, (xp->nreasons ? xp->nreasons : 1) * sizeof(*checks));
		for (size_t k = 0; k < xp->nreasons; k++)
			checks[k] = (struct reason_check){ .reason = xp->reasons[k], .rep_n = xp->rep_n[k],
							   .peer_n = xp->peer_n[k] };
		excuse_reasons_check(checks, xp->nreasons, xp->rep_total, xp->peer_total, min);
		json_t *reasons = json_array();
		/* too few peer losses are not shown either: they could be one colleague's */
		int hide = xp->peer_total < min;
		for (size_t k = 0; k < xp->nreasons; k++)
			json_array_append_new(reasons, json_pack("{s:s, s:I, s:o, s:o, s:o, s:s}",
								 "reason", checks[k].reason,
								 "rep_n", (json_int_t)checks[k].rep_n,
								 "rep_share", jrate(checks[k].rep_share),
								 "peer_n", hide ? json_null() : json_integer(checks[k].peer_n),
								 "peer_share", hide ? json_null() : jrate(checks[k].peer_share),
								 "verdict", excuse_verdict_code(checks[k].verdict)));
		json_array_append_new(products, json_pack("{s:s, s:I, s:I, s:I, s:b, s:o}",
							  "product", xp->product ? xp->product : "",
							  "rep_lost", (json_int_t)xp->rep_total,
							  /* 0: no loss has a reason, nothing to judge */
							  "rep_lost_with_reason",
							  (json_int_t)excuse_recorded_losses(checks, xp->nreasons),
							  "peer_lost", (json_int_t)xp->peer_total,
							  "too_small", xp->rep_total < min || xp->peer_total < min,
							  "reasons", reasons));
	}
	json_t *team = d.rep.team_id
		? json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)d.rep.team_id, "name",
			    d.rep.team_name ? d.rep.team_name : "", "territory", d.rep.territory ? d.rep.territory : "",
			    "segment", d.rep.segment ? d.rep.segment : "")
		: json_null();
	json_t *out = json_pack("{s:o, s:o, s:i, s:s, s:{s:o, s:o, s:o}, s:o}",
				"rep", rep_json(rep_id, d.rep.name),
				"team", team,
				"min_sample", min,
				"source", source_code(ns.source),
				"attainment",
				"rep", jrate(d.has_target ? d.rep_attainment : NAN),
				"territory", peers_json(d.rep.territory, &terr),
				"segment", peers_json(d.rep.segment, &seg),
				"products", products);
	if (out)
		set_period(out, &p);
	api_reply(r, 200, out);
}
