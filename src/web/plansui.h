/*
 * plansui: what the plan pages (page-plans.c) and the plan API
 * (api/api-plans.c) share beyond the loaders — the checks of a new goal or
 * action that need the database (the trait is the organisation's; the
 * owner is the rep or their manager), the baseline taken when a goal is
 * made, and a goal's figure now — so the two answer the same.
 */
#ifndef SG_WEB_PLANSUI_H
#define SG_WEB_PLANSUI_H
#include "../http/request.h"
#include "../store/plans.h"
#include "../store/users.h"
#include "../domain/plans.h"

/* checks a goal for plan p (domain rules, then trait_id in the
 * organisation) into errs and *nerr; when it holds and tracks a figure without
 * a typed baseline, takes the baseline (in->baseline, has_baseline set).
 * E_OK, or the store's error */
enum err plansui_goal_check(struct request *r, const struct plan *p, struct goal_input *in, int64_t trait_id,
			    struct plan_field_error *errs, size_t *nerr);
/* checks an action: domain rules, and the owner is the plan's rep or the
 * caller (the rep's manager) — never someone else, nor another
 * organisation's user */
void plansui_action_check(struct request *r, const struct plan *p, const struct action_input *in, int64_t owner_id,
			  struct plan_field_error *errs, size_t *nerr);
/* the goal's figure now and its progress (both NaN when it tracks none) */
enum err plansui_goal_progress(struct request *r, const struct plan *p, const struct plan_goal *g, double *current,
			       double *progress);
/* the balance of a plan's goals (dropped ones do not count) */
void plansui_balance(const struct plan_goal *g, size_t n, struct plan_balance *out);
/* a percentage as typed ("80", "72,5" in Dutch) as a fraction; -1 when not one */
int plansui_parse_percent(struct request *r, const char *s, double *out);

/* the message for field among errs (development and improvement plans'
 * forms), translated; NULL when it has none */
const char *plan_field_message(struct request *r, const struct plan_field_error *errs, size_t n, const char *field);

/* a "rep" select of the active reps in reps other than the viewer, for the
 * forms that start a development or an improvement plan */
void plan_rep_select(struct request *r, const struct user_list *reps, const char *label);

#endif
