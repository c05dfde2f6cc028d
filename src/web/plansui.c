/* plansui: see plansui.h. */
#include "plansui.h"
#include "ui.h"
#include "../service/plan-metrics.h"
#include "../lib/fmt.h"
#include <math.h>
#include <string.h>

static void add(struct plan_field_error *errs, size_t *n, const char *field, const char *message)
{
	if (*n < PLAN_ERRORS_MAX)
		errs[(*n)++] = (struct plan_field_error){ field, message };
}

enum err plansui_goal_check(struct request *r, const struct plan *p, struct goal_input *in, int64_t trait_id,
			    struct plan_field_error *errs, size_t *nerr)
{
	*nerr = goal_input_check(in, errs);
	if (trait_id < 0) {
		add(errs, nerr, "trait_id", N_("Choose a trait from the list, or none."));
	} else if (trait_id > 0) {
		const char *name;
		enum err e = plan_trait_name(r->db, r->a, r->me.org_id, trait_id, &name);
		if (e == E_NOTFOUND)
			add(errs, nerr, "trait_id", N_("There is no such trait in your organisation."));
		else if (e)
			return e;
	}
	if (*nerr || !in->metric || !*in->metric || in->has_baseline)
		return E_OK;
	enum err e = plan_metric_baseline(r->db, r->a, r->me.org_id, p->rep_id, in->metric, p->period_start,
					  p->period_end, ui_today(r), &in->baseline);
	if (e)
		return e;
	in->has_baseline = !isnan(in->baseline);
	return E_OK;
}

void plansui_action_check(struct request *r, const struct plan *p, const struct action_input *in, int64_t owner_id,
			  struct plan_field_error *errs, size_t *nerr)
{
	*nerr = action_input_check(in, errs);
	if (owner_id != p->rep_id && owner_id != r->me.user_id)
		add(errs, nerr, "owner_id", N_("An action is owned by the rep or by their manager."));
}

enum err plansui_goal_progress(struct request *r, const struct plan *p, const struct plan_goal *g, double *current,
			       double *progress)
{
	*current = *progress = NAN;
	if (!*g->metric)
		return E_OK;
	enum err e = plan_metric_current_on(r->db, r->a, r->me.org_id, p->rep_id, g->metric, g->trait_id,
					    p->period_start, p->period_end, ui_today(r), current);
	if (e == E_INVALID)	/* a figure this version does not know: none */
		return E_OK;
	if (e)
		return e;
	*progress = goal_progress(g->baseline, g->target, *current);
	return E_OK;
}

void plansui_balance(const struct plan_goal *g, size_t n, struct plan_balance *out)
{
	enum goal_kind kinds[PLAN_ITEMS_MAX];
	size_t k = 0;
	for (size_t i = 0; i < n && k < PLAN_ITEMS_MAX; i++)
		if (strcmp(g[i].status, "dropped"))
			kinds[k++] = goal_kind_parse(g[i].kind);
	plan_balance_compute(kinds, k, out);
}

int plansui_parse_percent(struct request *r, const char *s, double *out)
{
	int64_t hundredths;
	if (!s || !*s || parse_money(r->lang, s, &hundredths))
		return -1;
	*out = (double)hundredths / 10000.0;
	return 0;
}

const char *plan_field_message(struct request *r, const struct plan_field_error *errs, size_t n, const char *field)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(errs[i].field, field))
			return T(errs[i].message);
	return NULL;
}

void plan_rep_select(struct request *r, const struct user_list *reps, const char *label)
{
	const char **values = arena_alloc(r->a, (reps->n ? reps->n : 1) * sizeof(char *));
	const char **labels = arena_alloc(r->a, (reps->n ? reps->n : 1) * sizeof(char *));
	size_t k = 0;
	for (size_t i = 0; i < reps->n; i++) {
		if (reps->items[i].id == r->me.user_id || !reps->items[i].active)
			continue;
		values[k] = arena_printf(r->a, "%lld", (long long)reps->items[i].id);
		labels[k++] = reps->items[i].name;
	}
	ui_select(r, "rep", label, values, labels, k, NULL, NULL);
}
