/*
 * api-plans: development plans and recognition in the JSON API (issue 8) —
 * /api/v1/plans (?rep=), one plan with its goals (their figure now and
 * progress), actions, check-ins and balance, its goals, actions and
 * check-ins, and /api/v1/recognitions (?rep=). Rights are the pages' —
 * access.c through web/load.c — and so are the rules for what is typed
 * (domain/plans.c, web/plansui.c): a goal without a kind, an unknown kind,
 * metric or trait, an owner who is not the rep or their manager (another
 * organisation's user included) answer 400 naming the field, and nothing
 * is stored. Figures are fractions (0.8 = 80%), null when there is none.
 */
#include "api.h"
#include "../web/load.h"
#include "../web/plansui.h"
#include "../web/ui.h"
#include "../store/plans.h"
#include "../store/traits.h"
#include "../domain/plans.h"
#include "../lib/util.h"
#include <math.h>
#include <string.h>

static json_t *plan_json(const struct plan *p)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:I, s:I}", "id", (json_int_t)p->id, "rep_id",
			 (json_int_t)p->rep_id, "rep_name", p->rep_name, "title", p->title, "period_start", p->period_start,
			 "period_end", p->period_end, "status", p->status, "achievement_goals",
			 (json_int_t)p->achievement_goals, "result_goals", (json_int_t)p->result_goals);
}

static json_t *balance_json(const struct plan_balance *b)
{
	return json_pack("{s:I, s:I, s:o, s:b}", "achievement", (json_int_t)b->achievement, "result",
			 (json_int_t)b->result, "achievement_share", api_real_or_null(b->achievement_share), "result_only",
			 b->result_only);
}

static json_t *goal_json(struct request *r, const struct plan_goal *g, double current, double progress)
{
	return json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:s}", "id", (json_int_t)g->id, "kind",
			 g->kind, "title", g->title, "trait_id", api_id_or_null(g->trait_id), "trait_name",
			 api_text_or_null(trait_text(r->lang, g->trait_code, g->trait_name)), "metric", api_text_or_null(g->metric), "baseline",
			 api_real_or_null(g->baseline), "target", api_real_or_null(g->target), "current",
			 api_real_or_null(current), "progress", api_real_or_null(progress), "status", g->status);
}

static json_t *action_json(const struct plan_action *x)
{
	return json_pack("{s:I, s:s, s:I, s:s, s:o, s:o}", "id", (json_int_t)x->id, "what", x->what, "owner_id",
			 (json_int_t)x->owner_id, "owner_name", x->owner_name, "due", api_text_or_null(x->due), "done_on",
			 api_text_or_null(x->done_on));
}

static json_t *checkin_json(const struct plan_checkin *k)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s}", "id", (json_int_t)k->id, "author_id", (json_int_t)k->author_id,
			 "author_name", k->author_name, "on_date", k->on_date, "note", k->note);
}

/* the first field at fault, 400; nothing stored */
static void invalid(struct request *r, const struct plan_field_error *errs)
{
	api_invalid(r, errs[0].field, T(errs[0].message));
}

/* a number member: *has 0 when absent; 400 naming it when not a number */
static double api_number(struct request *r, const char *field, int *has, int *bad)
{
	*has = 0;
	if (*bad || !r->json)
		return NAN;
	json_t *v = json_object_get(r->json, field);
	if (!v || json_is_null(v))
		return NAN;
	if (!json_is_number(v)) {
		api_invalid(r, field, arena_printf(r->a, T("The field '%s' must be a number."), field));
		*bad = 1;
		return NAN;
	}
	*has = 1;
	return json_number_value(v);
}

/* whose plans or recognitions: ?rep= (whom the caller may see), else a
 * manager's led teams, else the caller; 0, or -1 after answering */
static int scope_of(struct request *r, struct plan_scope *s)
{
	int64_t rep = 0;
	if (api_query_id(r, "rep", &rep))
		return -1;
	memset(s, 0, sizeof(*s));
	if (rep) {
		if (!plan_rep_load_or_reply(r, rep, NEED_SEE))
			return -1;
		s->rep_id = rep;
	} else if (r->viewer.nled) {
		s->manager_id = r->me.user_id;
	} else {
		s->rep_id = r->me.user_id;
	}
	return 0;
}

void api_plans_list(struct request *r)
{
	struct api_page pg;
	struct plan_scope s;
	if (api_paging(r, &pg) || scope_of(r, &s))
		return;
	struct plan *l;
	size_t n;
	int64_t total;
	enum err e = plans_list(r->db, r->a, r->me.org_id, &s, (int64_t)pg.limit, (int64_t)pg.offset, &l, &n, &total);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, plan_json(&l[i]));
	api_list(r, items, (size_t)total, &pg);
}

/* the whole plan: goals with figures, actions, check-ins, balance */
static void reply_plan(struct request *r, int status, struct plan *p)
{
	struct plan_goal *g;
	struct plan_action *x;
	struct plan_checkin *k;
	size_t ng, nx, nk;
	enum err e;
	if ((e = plan_goals_list(r->db, r->a, r->me.org_id, p->id, &g, &ng)) ||
	    (e = plan_actions_list(r->db, r->a, r->me.org_id, p->id, &x, &nx)) ||
	    (e = plan_checkins_list(r->db, r->a, r->me.org_id, p->id, &k, &nk))) {
		api_store_error(r, e);
		return;
	}
	json_t *o = plan_json(p), *goals = json_array(), *actions = json_array(), *checkins = json_array();
	for (size_t i = 0; i < ng; i++) {
		double cur, prog;
		if ((e = plansui_goal_progress(r, p, &g[i], &cur, &prog))) {
			json_decref(o);
			json_decref(goals);
			json_decref(actions);
			json_decref(checkins);
			api_store_error(r, e);
			return;
		}
		json_array_append_new(goals, goal_json(r, &g[i], cur, prog));
	}
	for (size_t i = 0; i < nx; i++)
		json_array_append_new(actions, action_json(&x[i]));
	for (size_t i = 0; i < nk; i++)
		json_array_append_new(checkins, checkin_json(&k[i]));
	struct plan_balance b;
	plansui_balance(g, ng, &b);
	json_object_set_new(o, "goals", goals);
	json_object_set_new(o, "actions", actions);
	json_object_set_new(o, "checkins", checkins);
	json_object_set_new(o, "balance", balance_json(&b));
	api_reply(r, status, o);
}

void api_plans_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	int64_t rep_id = api_int(r, "rep_id", &bad);
	const char *title = api_str(r, "title", &bad);
	const char *start = api_str(r, "period_start", &bad);
	const char *end = api_str(r, "period_end", &bad);
	if (bad)
		return;
	struct user u;
	enum err e = rep_id > 0 ? user_get(r->db, r->a, r->me.org_id, rep_id, &u) : E_NOTFOUND;
	if (e == E_NOTFOUND) {
		api_invalid(r, "rep_id", T("Choose the rep the plan is for: a user of your organisation."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (!plan_rep_load_or_reply(r, rep_id, NEED_CHANGE))
		return;
	struct plan_input in = { title ? title : "", start, end };
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	if (plan_input_check(&in, errs)) {
		invalid(r, errs);
		return;
	}
	int64_t existing = 0, id = 0;
	if ((e = plan_open_overlapping(r->db, r->me.org_id, rep_id, start, end, 0, &existing))) {
		api_store_error(r, e);
		return;
	}
	if (!existing)
		e = plan_create(r->db, r->me.org_id, rep_id, in.title, start, end, r->me.user_id, &id);
	if (existing || e == E_CONFLICT) {
		api_conflict(r, "period_start", existing
			     ? arena_printf(r->a, T("%s already has an open plan for part of this period (plan %lld). Close it "
						    "first, or choose days after it."), u.name, (long long)existing)
			     : arena_printf(r->a, T("%s already has a plan starting on that day. Choose another first day."),
					    u.name));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct plan p;
	if ((e = plan_get(r->db, r->a, r->me.org_id, id, &p))) {
		api_store_error(r, e);
		return;
	}
	reply_plan(r, 201, &p);
}

void api_plan_get(struct request *r)
{
	struct plan *p = plan_load_or_reply(r, r->id, NEED_SEE, NULL);
	if (p)
		reply_plan(r, 200, p);
}

void api_plan_update(struct request *r)
{
	struct plan *p = plan_load_or_reply(r, r->id, NEED_CHANGE, NULL);
	if (!p || api_body(r))
		return;
	int bad = 0;
	const char *title = api_str(r, "title", &bad);
	const char *status = api_str(r, "status", &bad);
	if (bad)
		return;
	struct plan_input in = { title, p->period_start, p->period_end };
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	if (plan_input_check(&in, errs)) {
		invalid(r, errs);
		return;
	}
	if (status && strcmp(status, "open") && strcmp(status, "closed")) {
		api_invalid(r, "status", T("A plan is open or closed."));
		return;
	}
	enum err e;
	if (status && !strcmp(status, "open") && strcmp(p->status, "open")) {
		int64_t existing = 0;
		if ((e = plan_open_overlapping(r->db, r->me.org_id, p->rep_id, p->period_start, p->period_end, p->id,
					       &existing))) {
			api_store_error(r, e);
			return;
		}
		if (existing) {
			api_conflict(r, "status", T("The rep has another open plan for part of this period."));
			return;
		}
	}
	if ((e = plan_update(r->db, r->me.org_id, p->id, title, status)) ||
	    (e = plan_get(r->db, r->a, r->me.org_id, p->id, p))) {
		api_store_error(r, e);
		return;
	}
	reply_plan(r, 200, p);
}

/* the plan of the path, open, for writing (NEED_CHANGE or NEED_PRIVATE) */
static struct plan *open_plan(struct request *r, enum access_need need)
{
	struct plan *p = plan_load_or_reply(r, r->id, need, NULL);
	if (!p)
		return NULL;
	if (strcmp(p->status, "open")) {
		api_conflict(r, "status", T("This plan is closed. Reopen it (or make a new one) to change it."));
		return NULL;
	}
	return api_body(r) ? NULL : p;
}

void api_plan_goals_create(struct request *r)
{
	struct plan *p = open_plan(r, NEED_CHANGE);
	if (!p)
		return;
	int bad = 0, has_trait = api_has(r, "trait_id");
	struct goal_input in = { 0 };
	in.kind = api_str(r, "kind", &bad);
	in.title = api_str(r, "title", &bad);
	in.metric = api_str(r, "metric", &bad);
	int64_t trait = api_int(r, "trait_id", &bad);
	in.target = api_number(r, "target", &in.has_target, &bad);
	in.baseline = api_number(r, "baseline", &in.has_baseline, &bad);
	if (bad)
		return;
	if (has_trait && trait <= 0 && json_object_get(r->json, "trait_id") && !json_is_null(json_object_get(r->json, "trait_id")))
		trait = -1;
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	size_t nerr = 0;
	enum err e = plansui_goal_check(r, p, &in, trait, errs, &nerr);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (nerr) {
		invalid(r, errs);
		return;
	}
	int64_t id;
	struct plan_goal g;
	if ((e = plan_goal_add(r->db, r->me.org_id, p->id, in.kind, in.title, trait, in.metric ? in.metric : "",
			       in.has_baseline ? in.baseline : NAN, in.has_target ? in.target : NAN, &id)) ||
	    (e = plan_goal_get(r->db, r->a, r->me.org_id, id, &g))) {
		api_store_error(r, e);
		return;
	}
	double cur, prog;
	if ((e = plansui_goal_progress(r, p, &g, &cur, &prog))) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 201, goal_json(r, &g, cur, prog));
}

void api_plan_goal_update(struct request *r)
{
	struct plan_goal *g = plan_goal_load_or_reply(r, r->id, r->id2, NEED_CHANGE);
	if (!g || api_body(r))
		return;
	int bad = 0, has_target;
	const char *title = api_str(r, "title", &bad);
	const char *status = api_str(r, "status", &bad);
	double target = api_number(r, "target", &has_target, &bad);
	if (bad)
		return;
	if (title && (!*title || strlen(title) > PLAN_TEXT_MAX)) {
		api_invalid(r, "title", T("A goal has a title of at most 500 characters."));
		return;
	}
	if (status && !goal_status_valid(status)) {
		api_invalid(r, "status", T("A goal is open, done or dropped."));
		return;
	}
	if (has_target && (!*g->metric || (goal_metric_counts(g->metric) ? goal_target_check(g->metric, target) != NULL
									 : target < 0 || target > 10))) {
		api_invalid(r, "target", !*g->metric ? T("A target needs a figure to track.")
					 : goal_metric_counts(g->metric) ? T(goal_target_check(g->metric, target))
					 : T("Enter the target as a fraction between 0 and 10."));
		return;
	}
	struct plan p;
	enum err e;
	if ((e = plan_goal_update(r->db, r->me.org_id, g->id, title, status, has_target ? target : NAN)) ||
	    (e = plan_goal_get(r->db, r->a, r->me.org_id, g->id, g)) || (e = plan_get(r->db, r->a, r->me.org_id, r->id, &p))) {
		api_store_error(r, e);
		return;
	}
	double cur, prog;
	if ((e = plansui_goal_progress(r, &p, g, &cur, &prog))) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, goal_json(r, g, cur, prog));
}

void api_plan_actions_create(struct request *r)
{
	struct plan *p = open_plan(r, NEED_CHANGE);
	if (!p)
		return;
	int bad = 0;
	struct action_input in = { 0 };
	in.what = api_str(r, "what", &bad);
	in.due = api_str(r, "due", &bad);
	int64_t owner = api_has(r, "owner_id") ? api_int(r, "owner_id", &bad) : p->rep_id;
	if (bad)
		return;
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	size_t nerr = 0;
	plansui_action_check(r, p, &in, owner, errs, &nerr);
	if (nerr) {
		invalid(r, errs);
		return;
	}
	int64_t id;
	struct plan_action x;
	enum err e;
	if ((e = plan_action_add(r->db, r->me.org_id, p->id, 0, in.what, owner, in.due, &id)) ||
	    (e = plan_action_get(r->db, r->a, r->me.org_id, id, &x))) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 201, action_json(&x));
}

void api_plan_action_update(struct request *r)
{
	struct plan_action *x = plan_action_load_or_reply(r, r->id, r->id2, NEED_CLOSE);
	if (!x || api_body(r))
		return;
	json_t *done = r->json ? json_object_get(r->json, "done") : NULL;
	if (!done || !json_is_boolean(done)) {
		api_invalid(r, "done", T("Say whether the action is done: true or false."));
		return;
	}
	enum err e;
	if ((e = plan_action_done(r->db, r->me.org_id, x->id, json_is_true(done) ? (*x->done_on ? x->done_on : ui_today(r))
										    : NULL)) ||
	    (e = plan_action_get(r->db, r->a, r->me.org_id, x->id, x))) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, action_json(x));
}

void api_plan_checkins_create(struct request *r)
{
	struct plan *p = open_plan(r, NEED_PRIVATE);
	if (!p)
		return;
	int bad = 0;
	struct checkin_input in = { 0 };
	in.on_date = api_str(r, "on_date", &bad);
	in.note = api_str(r, "note", &bad);
	if (bad)
		return;
	if (!in.on_date)
		in.on_date = ui_today(r);
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	if (checkin_input_check(&in, errs)) {
		invalid(r, errs);
		return;
	}
	int64_t id;
	struct plan_checkin k;
	enum err e;
	if ((e = plan_checkin_add(r->db, r->me.org_id, p->id, r->me.user_id, in.on_date, in.note, &id)) ||
	    (e = plan_checkin_get(r->db, r->a, r->me.org_id, id, &k))) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 201, checkin_json(&k));
}

void api_recognitions_list(struct request *r)
{
	struct api_page pg;
	struct plan_scope s;
	if (api_paging(r, &pg) || scope_of(r, &s))
		return;
	struct recognition *l;
	size_t n;
	int64_t total;
	enum err e = recognitions_list(r->db, r->a, r->me.org_id, &s, (int64_t)pg.limit, (int64_t)pg.offset, &l, &n,
				       &total);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:I, s:s, s:I, s:s, s:s, s:s, s:s, s:o, s:o}", "id",
						       (json_int_t)l[i].id, "rep_id", (json_int_t)l[i].rep_id, "rep_name",
						       l[i].rep_name, "giver_id", (json_int_t)l[i].giver_id, "giver_name",
						       l[i].giver_name, "kind", l[i].kind, "note", l[i].note, "source",
						       l[i].source, "source_id", api_id_or_null(l[i].source_id), "created_at",
						       api_time(l[i].created_at)));
	api_list(r, items, (size_t)total, &pg);
}
