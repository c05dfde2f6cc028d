/* improveui: see improveui.h. */
#include "improveui.h"
#include "ui.h"
#include "../store/learning-log.h"
#include "../store/one-on-ones.h"
#include "../store/observations.h"
#include "../service/plan-metrics.h"
#include "../domain/period.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* the plan's days, or the current quarter when it has none yet */
static void plan_days(struct request *r, const struct improve_plan *p, const char **start, const char **end)
{
	if (*p->plan_start && *p->plan_end) {
		*start = p->plan_start;
		*end = p->plan_end;
		return;
	}
	struct period q;
	period_containing(PERIOD_QUARTER, ui_today(r), 1, &q);
	*start = arena_strdup(r->a, q.start);
	*end = arena_strdup(r->a, q.end);
}

static enum err link_rep(struct request *r, const char *kind, int64_t id, int64_t *rep_id)
{
	enum err e;
	if (!strcmp(kind, "learning")) {
		struct learning_row l;
		if (!(e = learning_get(r->db, r->a, r->me.org_id, id, &l)))
			*rep_id = l.rep_id;
	} else if (!strcmp(kind, "one_on_one")) {
		struct one_on_one m;
		if (!(e = ooo_get(r->db, r->a, r->me.org_id, id, &m)))
			*rep_id = m.rep_id;
	} else {
		struct observation o;
		if (!(e = obs_get(r->db, r->a, r->me.org_id, id, &o)))
			*rep_id = o.rep_id;
	}
	return e;
}

enum err improveui_item_check(struct request *r, const struct improve_plan *p, const struct improve_item_input *in,
			      const char *link_kind, int64_t link_id, struct improve_item *item,
			      struct plan_field_error *errs, size_t *nerr)
{
	*nerr = improve_item_check(in, errs);
	memset(item, 0, sizeof(*item));
	item->plan_id = p->id;
	item->kind = in->kind;
	item->text = in->text ? in->text : "";
	item->baseline = item->target = NAN;
	if (*nerr)
		return E_OK;
	if (!strcmp(in->kind, "expectation")) {
		const char *start, *end;
		plan_days(r, p, &start, &end);
		item->metric = in->metric;
		item->target = in->target;
		return plan_metric_baseline(r->db, r->a, r->me.org_id, p->rep_id, in->metric, start, end, ui_today(r),
					    &item->baseline);
	}
	if (!strcmp(in->kind, "review")) {
		item->on_date = in->on_date;
		return E_OK;
	}
	item->support_kind = in->support_kind;
	if (link_kind && *link_kind) {
		int ok = !strcmp(link_kind, "learning") || !strcmp(link_kind, "one_on_one") || !strcmp(link_kind, "observation");
		int64_t rep = 0;
		enum err e = ok && link_id > 0 ? link_rep(r, link_kind, link_id, &rep) : E_NOTFOUND;
		if (e && e != E_NOTFOUND)
			return e;
		if (e || rep != p->rep_id) {
			errs[(*nerr)++] = (struct plan_field_error){ "link",
				N_("Link the rep's own learning activity, one-on-one or observation, or nothing.") };
			return E_OK;
		}
		item->link_kind = link_kind;
		item->link_id = link_id;
	}
	return E_OK;
}

enum err improveui_progress(struct request *r, const struct improve_plan *p, const struct improve_item *x,
			    double *current, double *progress)
{
	*current = *progress = NAN;
	if (strcmp(x->kind, "expectation") || !*x->metric)
		return E_OK;
	const char *start, *end;
	plan_days(r, p, &start, &end);
	/* a decided plan is measured up to its decision */
	const char *upto = *p->decided_on ? p->decided_on : ui_today(r);
	enum err e = plan_metric_current(r->db, r->a, r->me.org_id, p->rep_id, x->metric, start, end, upto, current);
	if (e)
		return e;
	*progress = goal_progress(x->baseline, x->target, *current);
	return E_OK;
}

const char *improveui_link_href(struct request *r, const struct improve_item *x)
{
	if (!x->link_id || !*x->link_kind)
		return NULL;
	const char *base = !strcmp(x->link_kind, "learning") ? "/learning" : !strcmp(x->link_kind, "one_on_one")
		? "/one-on-ones" : "/observations";
	return arena_printf(r->a, "%s/%lld", base, (long long)x->link_id);
}

enum err improveui_link_options(struct request *r, int64_t rep_id, const char ***values, const char ***labels,
				size_t *n)
{
	struct learning_list ll;
	struct ooo_list ol;
	struct obs_list bl;
	enum err e;
	if ((e = learning_list_rep(r->db, r->a, r->me.org_id, rep_id, NULL, IMPROVEUI_LINKS_EACH, 0, &ll)) ||
	    (e = ooo_list_rep(r->db, r->a, r->me.org_id, rep_id, &ol)) ||
	    (e = obs_list_rep(r->db, r->a, r->me.org_id, rep_id, NULL, NULL, &bl)))
		return e;
	size_t cap = 1 + 3 * IMPROVEUI_LINKS_EACH;
	const char **v = arena_alloc(r->a, cap * sizeof(*v)), **l = arena_alloc(r->a, cap * sizeof(*l));
	size_t k = 0;
	v[k] = "";
	l[k++] = T("No link");
	for (size_t i = 0; i < ll.n && i < IMPROVEUI_LINKS_EACH; i++) {
		const struct learning_row *x = &ll.items[i];
		const char *day = *x->done_on ? x->done_on : x->due_on;
		v[k] = arena_printf(r->a, "learning:%lld", (long long)x->id);
		/* TRANSLATORS: a choice of what a support item links to: %1$s the title of a learning activity, %2$s its day (may be empty) */
		l[k++] = arena_printf(r->a, T("Learning: %1$s %2$s"), x->title, *day ? ui_date_text(r, day) : "");
	}
	for (size_t i = 0; i < ol.n && i < IMPROVEUI_LINKS_EACH; i++) {
		const struct one_on_one *x = &ol.items[i];
		v[k] = arena_printf(r->a, "one_on_one:%lld", (long long)x->id);
		/* TRANSLATORS: a choice of what a support item links to: %s the day of a one-on-one */
		l[k++] = arena_printf(r->a, T("One-on-one of %s"),
				      ui_date_text(r, *x->held_on ? x->held_on : x->scheduled_on));
	}
	for (size_t i = 0; i < bl.n && i < IMPROVEUI_LINKS_EACH; i++) {
		const struct observation *x = &bl.items[i];
		v[k] = arena_printf(r->a, "observation:%lld", (long long)x->id);
		l[k++] = arena_printf(r->a, !strcmp(x->kind, "ride_along")
				      /* TRANSLATORS: a choice of what a support item links to: %s the day of a ride-along */
				      ? T("Ride-along of %s")
				      /* TRANSLATORS: a choice of what a support item links to: %s the day of a joint call */
				      : T("Joint call of %s"), ui_date_text(r, x->observed_on));
	}
	*values = v;
	*labels = l;
	*n = k;
	return E_OK;
}

int improveui_link_parse(struct request *r, const char *value, const char **kind, int64_t *id)
{
	static const char *const kinds[] = { "learning", "one_on_one", "observation" };
	*kind = NULL;
	*id = 0;
	const char *colon = value ? strchr(value, ':') : NULL;
	if (!colon)
		return 0;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if ((size_t)(colon - value) == strlen(kinds[i]) && !strncmp(value, kinds[i], strlen(kinds[i]))) {
			char *end;
			long long n = strtoll(colon + 1, &end, 10);
			if (*end || end == colon + 1 || n <= 0)
				return 0;
			*kind = kinds[i];
			*id = n;
			return 1;
		}
	(void)r;
	return 0;
}
