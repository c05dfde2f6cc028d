/*
 * api: the JSON API under /api/v1, one file per resource (api-<name>.c).
 * Authentication is an API token (Authorization: Bearer) or the session
 * cookie with an X-CSRF-Token header; rights are the same as on the pages.
 * Errors are {"error":"CODE","message":"..."} (resp_error).
 */
#ifndef SG_API_H
#define SG_API_H
#include "../http/request.h"

/* api-me.c */
void api_me(struct request *r);
/* api-teams.c */
void api_teams_list(struct request *r);
void api_teams_create(struct request *r);
void api_team_get(struct request *r);
/* api-users.c */
void api_users_list(struct request *r);
void api_users_create(struct request *r);
void api_user_get(struct request *r);
/* api-tokens.c */
void api_tokens_list(struct request *r);
void api_token_revoke(struct request *r);
/* api-describe.c: the OpenAPI description of all of the above */
void api_describe(struct request *r);

/* --- step or stop --- */
/* api-stages.c */
/* stages_ensure in the organisation's language, before stages are used */
enum err api_stages_ensure(struct request *r);
void api_stages_list(struct request *r);
void api_stages_create(struct request *r);
void api_stage_get(struct request *r);
void api_stage_update(struct request *r);
/* api-accounts.c */
void api_accounts_list(struct request *r);
void api_accounts_create(struct request *r);
void api_account_get(struct request *r);
void api_account_update(struct request *r);
/* api-deals.c */
void api_deals_list(struct request *r);
void api_deals_create(struct request *r);
void api_deal_get(struct request *r);
void api_deal_update(struct request *r);
/* api-conversations.c */
void api_conversations_list(struct request *r);
void api_conversations_create(struct request *r);
void api_conversation_get(struct request *r);
void api_conversation_update(struct request *r);
/* api-steps.c */
void api_steps_list(struct request *r);
void api_step_get(struct request *r);
void api_step_update(struct request *r);
/* api-figures.c */
void api_figures_commitment(struct request *r);

/* --- helpers shared by the endpoints (api.c) --- */

/* a string member of the body, or NULL when absent or null; a member of
 * another type answers 400 naming the field and sets *bad. Once *bad is set
 * they read nothing more, so a handler reads all its fields and checks once
 * (the first wrong field is the one reported). */
const char *api_str(struct request *r, const char *field, int *bad);
/* an integer member of the body (0 when absent or null); same error rule */
int64_t api_int(struct request *r, const char *field, int *bad);
/* 400 INVALID with {"error","message","field"} */
void api_invalid(struct request *r, const char *field, const char *message);
/* resp_json, but a value that could not be built (NULL) answers 500 */
void api_reply(struct request *r, int status, json_t *v);
/* 0, or -1 after answering 400 when a body was sent that is not JSON */
int api_body(struct request *r);
/* 409 CONFLICT with {"error","message","field"} */
void api_conflict(struct request *r, const char *field, const char *message);
/* answers a store error other than the ones the handler expects: the API's
 * name for resp_store_error, the one error path of pages and API */
static inline void api_store_error(struct request *r, enum err e)
{
	resp_store_error(r, e);
}

/* ?limit= (1..API_LIMIT_MAX, default API_LIMIT_DEFAULT) and ?offset= (>= 0);
 * 0, or -1 after answering 400 naming the parameter */
#define API_LIMIT_DEFAULT 100
#define API_LIMIT_MAX 500
struct api_page {
	size_t limit, offset;
	/* ?cursor=: the `next` of an earlier answer, decoded to the sort key
	 * text the list made it from (api_cursor); NULL when none. A cursor
	 * and an offset together are refused. */
	const char *cursor;
};
int api_paging(struct request *r, struct api_page *pg);
/* a `next` cursor for the sort key text key ("2026-11-20~1763632800~42"):
 * opaque to clients (base64url), so the key's form may change */
const char *api_cursor(struct request *r, const char *key);
/* splits a decoded cursor into n '~'-separated parts (from the arena), the
 * last taking the rest (a name may hold '~'); 0, or -1 when it has fewer */
int api_cursor_parts(struct request *r, const char *cursor, const char **parts, size_t n);
/* answers 400 naming the cursor: it is not one this API gave out */
void api_bad_cursor(struct request *r);
/* api_list with "next": the cursor of the page after this one, or null on
 * the last page. Lists that give a cursor fetch limit + 1 rows to know. */
void api_list_next(struct request *r, json_t *items, size_t total, const struct api_page *pg, const char *next);
/* answers 200 {"items","total","limit","offset"}; items (stolen) is the page
 * already cut from a list of total entries */
void api_list(struct request *r, json_t *items, size_t total, const struct api_page *pg);

/* whether the body has the member at all, null included: PATCH changes only
 * the members it is given */
int api_has(struct request *r, const char *field);
/* a member that must be a calendar date "YYYY-MM-DD"; NULL when absent or
 * null; same error rule as api_str */
const char *api_date(struct request *r, const char *field, int *bad);

/* query parameters; each is 0, or -1 after answering 400 naming it.
 * A positive id (*out 0 when absent); a date (*out NULL when absent); one of
 * the values (*out NULL when absent). */
int api_query_id(struct request *r, const char *name, int64_t *out);
int api_query_date(struct request *r, const char *name, const char **out);
int api_query_enum(struct request *r, const char *name, const char *const *values, size_t n, const char **out);

/* the rep= and deal= filters of a list must name a user or deal the caller
 * may see (0 does not filter): 0, or -1 after answering 404 or 403 */
int api_check_filters(struct request *r, int64_t rep_id, int64_t deal_id);

/* JSON values: an id that is 0 means none (null); "" means none (null); a
 * figure without data (NaN) is null, never 0 */
json_t *api_id_or_null(int64_t id);
json_t *api_text_or_null(const char *s);
json_t *api_real_or_null(double v);
/* an epoch as RFC 3339 in UTC: "2026-11-20T10:00:00Z" */
json_t *api_time(int64_t epoch);

/* api-numbers.c: targets, results, tiers, concentration, the excuse check */
void api_targets_list(struct request *r);
void api_targets_create(struct request *r);
void api_target_get(struct request *r);
void api_target_update(struct request *r);
void api_target_delete(struct request *r);
void api_results_list(struct request *r);
void api_tiers(struct request *r);
void api_concentration(struct request *r);
void api_excuses(struct request *r);
/* api-imports.c: an import's progress and summary */
void api_import_get(struct request *r);

/* one list of reasons (issue 14) */
void api_reasons_list(struct request *r);
void api_reasons_create(struct request *r);
void api_reason_update(struct request *r);

/* development (issue 8): the competency framework and assessments */
/* api-assessments.c */
void api_traits_list(struct request *r);
void api_traits_create(struct request *r);
void api_trait_update(struct request *r);
void api_assessments_list(struct request *r);
void api_assessment_get(struct request *r);
void api_assessment_scores(struct request *r);
void api_assessment_submit(struct request *r);
void api_rounds_list(struct request *r);
void api_rounds_create(struct request *r);
void api_round_close(struct request *r);
void api_round_peers(struct request *r);

/* development (issue 8): a rep's profile and the team matrix */
/* api-profile.c: a rep's profile and the team traits matrix */
void api_rep_profile(struct request *r);
void api_assessments_matrix(struct request *r);

/* development (issue 8): development plans and recognition */
/* api-plans.c: development plans, their goals, actions and check-ins, and
 * recognitions */
void api_plans_list(struct request *r);
void api_plans_create(struct request *r);
void api_plan_get(struct request *r);
void api_plan_update(struct request *r);
void api_plan_goals_create(struct request *r);
void api_plan_goal_update(struct request *r);
void api_plan_actions_create(struct request *r);
void api_plan_action_update(struct request *r);
void api_plan_checkins_create(struct request *r);
void api_recognitions_list(struct request *r);

/* learning (issue 9): the learning log and suggested or mandatory training */
/* api-learning.c: the learning log, suggestions and mandatory trainings */
void api_learning_list(struct request *r);
void api_learning_create(struct request *r);
void api_learning_get(struct request *r);
void api_learning_update(struct request *r);
void api_learning_delete(struct request *r);
void api_learning_accept(struct request *r);
void api_learning_decline(struct request *r);
void api_learning_done(struct request *r);
void api_learning_suggest(struct request *r);
void api_learning_assignments_list(struct request *r);
void api_learning_assignments_create(struct request *r);
void api_learning_assignment_get(struct request *r);

/* learning (issue 9): the achievement-orientation index and the team's learning */
/* api-learning-index.c: GET /api/v1/learning-index?rep= | ?team= */
void api_learning_index(struct request *r);

/* learning (issue 9): the library */
/* api-library.c: items (copies are a field), lending, the waiting list,
 * loans and returns */
void api_library_list(struct request *r);
void api_library_create(struct request *r);
void api_library_get(struct request *r);
void api_library_update(struct request *r);
void api_library_borrow(struct request *r);
void api_library_wait(struct request *r);
void api_library_unwait(struct request *r);
void api_library_loans(struct request *r);
void api_library_return(struct request *r);

/* learning (issue 9): sales meetings and the case library */
/* api-meetings.c: a team's sales meetings, their agenda items and
 * attendance, and the case library */
void api_meetings_list(struct request *r);
void api_meetings_create(struct request *r);
void api_meeting_get(struct request *r);
void api_meeting_update(struct request *r);
void api_meeting_items_create(struct request *r);
void api_meeting_item_delete(struct request *r);
void api_meeting_attendance(struct request *r);
void api_meeting_prepared(struct request *r);
void api_meeting_held(struct request *r);
void api_cases_list(struct request *r);
void api_cases_create(struct request *r);
void api_case_get(struct request *r);
void api_case_update(struct request *r);

/* development (issue 8): field coaching and one-on-ones */
/* api-one-on-ones.c: one-on-ones, their points and actions */
void api_one_on_ones_list(struct request *r);
void api_one_on_ones_create(struct request *r);
void api_one_on_one_get(struct request *r);
void api_one_on_one_update(struct request *r);
void api_one_on_one_points_create(struct request *r);
void api_one_on_one_actions_create(struct request *r);
void api_one_on_one_action_update(struct request *r);
/* api-observations.c: field-coaching observations */
void api_observations_list(struct request *r);
void api_observations_create(struct request *r);
void api_observation_get(struct request *r);

/* the JSON shapes of the resources (new references) */
struct team;
struct user;
struct stage;
struct account;
struct deal;
struct conversation;
struct step_row;
json_t *team_json(const struct team *t);
json_t *user_json(const struct user *u);
json_t *stage_json(const struct stage *s);
json_t *account_json(const struct account *a);
/* deal_assess must have run: health is given for open deals only */
json_t *deal_json(const struct deal *d);
json_t *conversation_json(const struct conversation *c);
/* step_assess must have run */
json_t *step_json(const struct step_row *s);

/* levers (issue 10): improvement plans */
/* api-improve.c: /api/v1/improvement-plans — list, get, create, update
 * (diagnosis, days, items, a review's outcome), decide */
void api_improve_list(struct request *r);
void api_improve_create(struct request *r);
void api_improve_get(struct request *r);
void api_improve_update(struct request *r);
void api_improve_decide(struct request *r);
/* levers (issue 10): pulse */
void api_pulse_get(struct request *r);
void api_pulse_answer(struct request *r);
void api_pulse_sharing(struct request *r);
void api_pulse_team(struct request *r);
/* levers (issue 10): kudos, spotlight, badges and streaks */
/* api-kudos.c */
void api_kudos_list(struct request *r);
void api_kudos_create(struct request *r);
void api_badges(struct request *r);
/* levers (issue 10): leaderboards and contests */
/* api-contests.c */
void api_leaderboards(struct request *r);
void api_contests_list(struct request *r);
void api_contests_create(struct request *r);
void api_contest_get(struct request *r);
void api_contest_update(struct request *r);
void api_contest_delete(struct request *r);

/* running it for real (issue 16): webhooks — api-webhooks.c */
void api_webhooks_list(struct request *r);
void api_webhooks_create(struct request *r);
void api_webhook_get(struct request *r);
void api_webhook_update(struct request *r);
void api_webhook_delete(struct request *r);
void api_webhook_deliveries(struct request *r);
void api_webhook_test(struct request *r);

/* levers (issue 10): the coach's inbox */
/* api-inbox.c */
void api_inbox_list(struct request *r);
void api_inbox_dismiss(struct request *r);
void api_inbox_snooze(struct request *r);

/* levers (issue 10): the manager's own mirror */
/* api-mirror.c */
void api_manager_assessments_list(struct request *r);
void api_manager_assessments_create(struct request *r);
void api_upward_rounds_list(struct request *r);
void api_upward_answer(struct request *r);

/* recruiting (issue 11): the talent pool and step or stop with candidates */
/* api-candidates.c */
void api_candidates_list(struct request *r);
void api_candidates_create(struct request *r);
void api_candidate_get(struct request *r);
void api_candidate_conversations(struct request *r);
void api_candidate_conversations_create(struct request *r);
/* api-vacancies.c */
void api_vacancies_list(struct request *r);
void api_vacancies_create(struct request *r);
/* api-scorecards.c: interviews and their scorecards (part 3) */
void api_interviews_create(struct request *r);
void api_scorecards_list(struct request *r);
void api_scorecard_get(struct request *r);
void api_scorecard_update(struct request *r);
void api_scorecard_submit(struct request *r);
void api_scorecard_reopen(struct request *r);
/* api-hiring.c: what predicts top performance here, hiring, back into the pool */
void api_hiring_profile(struct request *r);
void api_candidate_hire(struct request *r);
void api_candidate_pool(struct request *r);
/* api-candidate-data.c: a candidate's data exported or erased (admins) */
void api_candidate_export(struct request *r);
void api_candidate_erase(struct request *r);
/* api-recruit-figures.c: the recruiting figures (managers, admins) */
void api_recruit_figures(struct request *r);
/* api-vacancies.c: PATCH a vacancy (title, team, territory, dates, status) */
void api_vacancy_update(struct request *r);
/* api-candidates.c: PATCH a candidate's details (retention date included) */
void api_candidate_update(struct request *r);

/* running it for real (issue 16): the audit log */
/* api-audit.c */
void api_audit_list(struct request *r);

/* levers (issue 10), more: a team's leaderboard setting (api-teams.c) */
void api_team_patch(struct request *r);

#endif
