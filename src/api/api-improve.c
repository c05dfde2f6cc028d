/*
 * api-improve: improvement plans for underperformers in the JSON API
 * (issue 10) — /api/v1/improvement-plans (?rep=, ?status=closed|undecided),
 * one plan with its expectations (figure now, progress), support and
 * reviews, create (a flag, or a plan with its days), update (diagnosis,
 * days, new items, review outcomes) and decide. Rights are the pages' —
 * access.c through web/load.c — and so are the rules for what is typed
 * (domain/improve.c, web/improveui.c): a bad field answers 400 naming it,
 * a decision on a closed plan 409 naming "decision", and nothing is
 * stored. The diagnosis, its notes and the decision note are in an answer
 * only for the manager (access_improve_diagnosis): never for the rep.
 * Figures are fractions (0.8 = 80%), null when there is none.
 */
#include "api.h"
#include "../web/load.h"
#include "../web/improveui.h"
#include "../web/ui.h"
#include "../service/improve-needs.h"
#include "../store/improve.h"
#include "../store/numbers.h"
#include "../domain/improve.h"
#include "../lib/util.h"
#include <math.h>
#include <string.h>

static json_t *day_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *plan_json(struct request *r, const struct improve_plan *p, int run)
{
	struct person rep = { p->rep_id, p->org_id, p->rep_team_id };
	json_t *o = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)p->id,
			      "rep_id", (json_int_t)p->rep_id, "rep_name", p->rep_name, "team_name", p->team_name, "source",
			      p->source, "period_label", p->period_label, "status", p->status, "plan_start",
			      day_or_null(p->plan_start), "plan_end", day_or_null(p->plan_end), "extended_on",
			      day_or_null(p->extended_on), "decision", *p->decision ? json_string(p->decision) : json_null(),
			      "decided_on", day_or_null(p->decided_on));
	if (o && access_improve_diagnosis(&r->viewer, &rep)) {
		struct numbers_settings ns;
		settings_numbers(r->db, r->a, r->me.org_id, &ns);
		unsigned w = improve_plan_warnings(p, run, ui_today(r), ns.fiscal_start_month, NULL);
		json_t *warn = json_array();
		if (w & IW_NO_DECISION)
			json_array_append_new(warn, json_string("no_decision"));
		if (w & IW_REVIEW)
			json_array_append_new(warn, json_string("review"));
		if (w & IW_NO_PLAN)
			json_array_append_new(warn, json_string("no_plan"));
		json_object_set_new(o, "flagged_on", json_string(p->flagged_on));
		json_object_set_new(o, "diagnosis", *p->diagnosis ? json_string(p->diagnosis) : json_null());
		json_object_set_new(o, "diagnosis_notes", json_string(p->diagnosis_notes));
		json_object_set_new(o, "decision_note", json_string(p->decision_note));
		json_object_set_new(o, "warnings", warn);
	}
	return o;
}

static json_t *item_json(const struct improve_item *x, double current, double progress)
{
	if (!strcmp(x->kind, "expectation"))
		return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:o}", "id", (json_int_t)x->id, "kind", x->kind, "text",
				 x->text, "metric", x->metric, "baseline", api_real_or_null(x->baseline), "target",
				 api_real_or_null(x->target), "current", api_real_or_null(current), "progress",
				 api_real_or_null(progress));
	if (!strcmp(x->kind, "support"))
		return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o}", "id", (json_int_t)x->id, "kind", x->kind, "text", x->text,
				 "support_kind", x->support_kind, "link_kind", *x->link_kind ? json_string(x->link_kind)
				 : json_null(), "link_id", api_id_or_null(x->link_id));
	return json_pack("{s:I, s:s, s:s, s:o}", "id", (json_int_t)x->id, "kind", x->kind, "on_date", x->on_date, "outcome",
			 *x->outcome ? json_string(x->outcome) : json_null());
}

/* the rep's run below the line by the tiers, for the warnings (0 for a rep's own call) */
static int run_of(struct request *r, int64_t rep_id)
{
	if (!r->viewer.nled)
		return 0;
	struct improve_under *u;
	size_t n;
	if (improve_underperformers(r->db, r->a, r->me.org_id, r->me.user_id, ui_today(r), &u, &n, NULL))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (u[i].rep_id == rep_id)
			return u[i].run;
	return 0;
}

static void reply_plan(struct request *r, int status, const struct improve_plan *p)
{
	struct improve_item *x;
	size_t n;
	enum err e = improve_items_list(r->db, r->a, r->me.org_id, p->id, &x, &n);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *o = plan_json(r, p, run_of(r, p->rep_id));
	json_t *exp = json_array(), *sup = json_array(), *rev = json_array();
	for (size_t i = 0; i < n; i++) {
		double cur, prog;
		if ((e = improveui_progress(r, p, &x[i], &cur, &prog))) {
			json_decref(o);
			json_decref(exp);
			json_decref(sup);
			json_decref(rev);
			api_store_error(r, e);
			return;
		}
		json_t *dst = !strcmp(x[i].kind, "expectation") ? exp : !strcmp(x[i].kind, "support") ? sup : rev;
		json_array_append_new(dst, item_json(&x[i], cur, prog));
	}
	json_object_set_new(o, "expectations", exp);
	json_object_set_new(o, "support", sup);
	json_object_set_new(o, "reviews", rev);
	api_reply(r, status, o);
}

void api_improve_list(struct request *r)
{
	struct api_page pg;
	int64_t rep = 0;
	if (api_paging(r, &pg) || api_query_id(r, "rep", &rep))
		return;
	struct improve_scope s = { 0, 0, 0, req_query(r, "status") };
	if (s.status && strcmp(s.status, "closed") && strcmp(s.status, "undecided")) {
		api_invalid(r, "status", T("The status is 'closed' or 'undecided'."));
		return;
	}
	if (rep) {
		if (!improve_rep_load_or_reply(r, rep, NEED_SEE))
			return;
		s.rep_id = rep;
		s.hide_flagged = rep == r->me.user_id;
	} else if (r->viewer.nled) {
		s.manager_id = r->me.user_id;
	} else {
		s.rep_id = r->me.user_id;
		s.hide_flagged = 1;
	}
	struct improve_plan *l;
	size_t n;
	int64_t total;
	enum err e = improve_list(r->db, r->a, r->me.org_id, &s, (int64_t)pg.limit, (int64_t)pg.offset, &l, &n, &total);
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct improve_under *u = NULL;
	size_t nu = 0;
	if (r->viewer.nled && (e = improve_underperformers(r->db, r->a, r->me.org_id, r->me.user_id, ui_today(r), &u, &nu, NULL))) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		int run = 0;
		for (size_t j = 0; j < nu; j++)
			if (u[j].rep_id == l[i].rep_id)
				run = u[j].run;
		json_array_append_new(items, plan_json(r, &l[i], run));
	}
	api_list(r, items, (size_t)total, &pg);
}

static void invalid(struct request *r, const struct plan_field_error *errs, const char *prefix)
{
	api_invalid(r, prefix ? arena_printf(r->a, "%s%s", prefix, errs[0].field) : errs[0].field, T(errs[0].message));
}

void api_improve_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	int64_t rep_id = api_int(r, "rep_id", &bad);
	const char *flagged_on = api_str(r, "flagged_on", &bad);
	const char *source = api_str(r, "source", &bad);
	const char *period = api_str(r, "period_label", &bad);
	const char *diagnosis = api_str(r, "diagnosis", &bad);
	const char *notes = api_str(r, "diagnosis_notes", &bad);
	const char *start = api_str(r, "plan_start", &bad);
	const char *end = api_str(r, "plan_end", &bad);
	if (bad)
		return;
	struct user u;
	enum err e = rep_id > 0 ? user_get(r->db, r->a, r->me.org_id, rep_id, &u) : E_NOTFOUND;
	if (e == E_NOTFOUND) {
		api_invalid(r, "rep_id", T("Choose the rep: a user of your organisation."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (!improve_rep_load_or_reply(r, rep_id, NEED_CHANGE))
		return;
	if (source && strcmp(source, "flag") && strcmp(source, "tiers")) {
		api_invalid(r, "source", T("The source is 'flag' (the manager's) or 'tiers'."));
		return;
	}
	if (period && (strlen(period) > 11 || !*period)) {
		api_invalid(r, "period_label", T("The period is a label such as 2026-Q3."));
		return;
	}
	if (!flagged_on)
		flagged_on = ui_today(r);
	struct improve_flag_input in = { flagged_on, ui_today(r), diagnosis ? diagnosis : "", notes, start, end };
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	if (improve_flag_check(&in, errs)) {
		invalid(r, errs, NULL);
		return;
	}
	int64_t existing = 0, id = 0;
	if ((e = improve_undecided_of(r->db, r->me.org_id, rep_id, &existing))) {
		api_store_error(r, e);
		return;
	}
	if (existing) {
		api_conflict(r, "rep_id", arena_printf(r->a, T("%s already has a flag or plan running (%lld): decide on it first."),
						       u.name, (long long)existing));
		return;
	}
	if ((e = improve_create(r->db, r->me.org_id, rep_id, source ? source : "flag", period ? period : "", flagged_on,
				diagnosis ? diagnosis : "", notes ? notes : "", start, end, r->me.user_id, &id))) {
		api_store_error(r, e);
		return;
	}
	struct improve_plan p;
	if ((e = improve_get(r->db, r->a, r->me.org_id, id, &p))) {
		api_store_error(r, e);
		return;
	}
	reply_plan(r, 201, &p);
}

void api_improve_get(struct request *r)
{
	struct improve_plan *p = improve_load_or_reply(r, r->id, NEED_SEE, NULL);
	if (p)
		reply_plan(r, 200, p);
}

/* a string member of o, or NULL; *bad (400 naming field) when another type */
static const char *member_str(struct request *r, json_t *o, const char *prefix, const char *field, int *bad)
{
	json_t *v = json_object_get(o, field);
	if (*bad || !v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		api_invalid(r, arena_printf(r->a, "%s%s", prefix, field),
			    arena_printf(r->a, T("The field '%s' must be text."), field));
		*bad = 1;
		return NULL;
	}
	return json_string_value(v);
}

void api_improve_update(struct request *r)
{
	struct improve_plan *p = improve_load_or_reply(r, r->id, NEED_CHANGE, NULL);
	if (!p || api_body(r))
		return;
	int bad = 0;
	const char *diagnosis = api_str(r, "diagnosis", &bad);
	const char *notes = api_str(r, "diagnosis_notes", &bad);
	const char *start = api_str(r, "plan_start", &bad);
	const char *end = api_str(r, "plan_end", &bad);
	if (bad)
		return;
	if (!strcmp(p->status, "closed")) {
		api_conflict(r, "status", T("This plan is closed with a decision; it is not changed any more."));
		return;
	}
	if (*p->extended_on && end && strcmp(end, p->plan_end)) {
		api_invalid(r, "plan_end", T("The last day of an extended plan is the extension's."));
		return;
	}
	struct improve_update_input in = { p->status, diagnosis, notes, start ? start : (end ? p->plan_start : NULL),
					   end ? end : (start ? p->plan_end : NULL) };
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	if (improve_update_check(&in, errs)) {
		invalid(r, errs, NULL);
		return;
	}
	/* items and outcomes: every one checked before anything is stored */
	json_t *items = r->json ? json_object_get(r->json, "items") : NULL;
	json_t *outcomes = r->json ? json_object_get(r->json, "outcomes") : NULL;
	if ((items && !json_is_array(items)) || (outcomes && !json_is_array(outcomes))) {
		api_invalid(r, items && !json_is_array(items) ? "items" : "outcomes", T("A list is expected here."));
		return;
	}
	size_t ni = items ? json_array_size(items) : 0, no = outcomes ? json_array_size(outcomes) : 0;
	if (ni > 50 || no > 50) {
		api_invalid(r, ni > 50 ? "items" : "outcomes", T("At most 50 at a time."));
		return;
	}
	struct improve_item *add = arena_alloc(r->a, (ni + 1) * sizeof(*add));
	enum err e;
	for (size_t i = 0; i < ni; i++) {
		json_t *it = json_array_get(items, i);
		const char *prefix = arena_printf(r->a, "items[%zu].", i);
		if (!json_is_object(it)) {
			api_invalid(r, arena_printf(r->a, "items[%zu]", i), T("Each item is an object."));
			return;
		}
		struct improve_item_input x = { member_str(r, it, prefix, "kind", &bad), member_str(r, it, prefix, "text", &bad),
						member_str(r, it, prefix, "metric", &bad), 0, NAN,
						member_str(r, it, prefix, "support_kind", &bad),
						member_str(r, it, prefix, "on_date", &bad) };
		const char *link_kind = member_str(r, it, prefix, "link_kind", &bad);
		if (bad)
			return;
		json_t *t = json_object_get(it, "target");
		if (t && !json_is_null(t)) {
			x.has_target = 1;
			x.target = json_is_number(t) ? json_number_value(t) : NAN;
		}
		json_t *li = json_object_get(it, "link_id");
		int64_t link_id = li && json_is_integer(li) ? (int64_t)json_integer_value(li) : 0;
		size_t nerr;
		if ((e = improveui_item_check(r, p, &x, link_kind, link_id, &add[i], errs, &nerr))) {
			api_store_error(r, e);
			return;
		}
		if (nerr) {
			invalid(r, errs, prefix);
			return;
		}
	}
	int64_t *oid = arena_alloc(r->a, (no + 1) * sizeof(int64_t));
	const char **otext = arena_alloc(r->a, (no + 1) * sizeof(char *));
	for (size_t i = 0; i < no; i++) {
		json_t *it = json_array_get(outcomes, i);
		const char *prefix = arena_printf(r->a, "outcomes[%zu].", i);
		json_t *idv = json_is_object(it) ? json_object_get(it, "id") : NULL;
		struct improve_item x;
		oid[i] = idv && json_is_integer(idv) ? (int64_t)json_integer_value(idv) : 0;
		e = oid[i] > 0 ? improve_item_get(r->db, r->a, r->me.org_id, oid[i], &x) : E_NOTFOUND;
		if (e && e != E_NOTFOUND) {
			api_store_error(r, e);
			return;
		}
		if (e || x.plan_id != p->id || strcmp(x.kind, "review")) {
			api_invalid(r, arena_printf(r->a, "%sid", prefix), T("There is no such review in this plan."));
			return;
		}
		otext[i] = member_str(r, it, prefix, "outcome", &bad);
		if (bad)
			return;
		if (improve_outcome_check(otext[i], errs)) {
			invalid(r, errs, prefix);
			return;
		}
	}
	if (diagnosis || notes || start || end) {
		e = improve_update(r->db, r->me.org_id, p->id, diagnosis, notes, in.plan_start, in.plan_end);
		if (e) {
			api_store_error(r, e);
			return;
		}
	}
	for (size_t i = 0; i < ni; i++) {
		int64_t id;
		if ((e = improve_item_add(r->db, r->me.org_id, &add[i], &id))) {
			api_store_error(r, e);
			return;
		}
	}
	for (size_t i = 0; i < no; i++)
		if ((e = improve_item_outcome(r->db, r->me.org_id, oid[i], otext[i]))) {
			api_store_error(r, e);
			return;
		}
	struct improve_plan now;
	if ((e = improve_get(r->db, r->a, r->me.org_id, p->id, &now))) {
		api_store_error(r, e);
		return;
	}
	reply_plan(r, 200, &now);
}

void api_improve_decide(struct request *r)
{
	struct improve_plan *p = improve_load_or_reply(r, r->id, NEED_CHANGE, NULL);
	if (!p || api_body(r))
		return;
	int bad = 0;
	const char *decision = api_str(r, "decision", &bad);
	const char *until = api_str(r, "until", &bad);
	const char *note = api_str(r, "note", &bad);
	if (bad)
		return;
	struct improve_decide_in in = { p->status, p->plan_end, *p->extended_on != 0, decision, until, note };
	struct improve_decide_out out;
	struct plan_field_error errs[PLAN_ERRORS_MAX];
	if (improve_decide(&in, &out, errs)) {
		if (!strcmp(p->status, "closed"))
			api_conflict(r, errs[0].field, T(errs[0].message));
		else
			invalid(r, errs, NULL);
		return;
	}
	enum err e = improve_decide_store(r->db, r->me.org_id, p->id, out.status, out.decision, out.plan_end, out.extended,
					  note, ui_today(r));
	if (e == E_CONFLICT) {
		api_conflict(r, "decision", T("This plan is already closed with a decision; a closed plan takes no further "
					      "decision."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct improve_plan now;
	if ((e = improve_get(r->db, r->a, r->me.org_id, p->id, &now))) {
		api_store_error(r, e);
		return;
	}
	reply_plan(r, 200, &now);
}
