/*
 * improveui: what the improvement-plan pages (page-improve.c) and the API
 * (api/api-improve.c) share beyond the loaders — the checks of a new item
 * that need the database (a support item's link is the rep's own learning
 * activity, one-on-one or observation, in the organisation), the baseline
 * taken when an expectation is made, and an expectation's figure now and
 * progress (service/plan-metrics.c, as development plans' goals) — so the
 * two answer the same.
 */
#ifndef SG_WEB_IMPROVEUI_H
#define SG_WEB_IMPROVEUI_H
#include "../http/request.h"
#include "../store/improve.h"
#include "../domain/improve.h"

/* checks in (domain rules, then the link) into errs and *nerr; fills in the
 * item to store (plan id, the baseline of an expectation). E_OK, or the
 * store's error */
enum err improveui_item_check(struct request *r, const struct improve_plan *p, const struct improve_item_input *in,
			      const char *link_kind, int64_t link_id, struct improve_item *item,
			      struct plan_field_error *errs, size_t *nerr);
/* the expectation's figure over the plan's days up to today and its
 * progress from the baseline to the target (NaN when none) */
enum err improveui_progress(struct request *r, const struct improve_plan *p, const struct improve_item *x,
			    double *current, double *progress);
/* where a support item's link goes, NULL when none */
const char *improveui_link_href(struct request *r, const struct improve_item *x);

/* the choices of the "link" select of a support item: the rep's latest
 * learning activities, one-on-ones and observations (at most
 * IMPROVEUI_LINKS_EACH of each), values "kind:id", the first "" (no link);
 * arrays from r->a */
#define IMPROVEUI_LINKS_EACH 25
enum err improveui_link_options(struct request *r, int64_t rep_id, const char ***values, const char ***labels,
				size_t *n);
/* the kind and id of a "link" value ("learning:12"); 0 when it is not one */
int improveui_link_parse(struct request *r, const char *value, const char **kind, int64_t *id);

#endif
