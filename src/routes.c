/*
 * routes: every address the server answers, who may call it and how — the
 * one place where authorisation is decided (see http/route.h for the flags).
 * Every POST carries R_CSRF; tests/unit/test-routes.c checks that it does.
 */
#include "http/route.h"
#include "web/pages.h"
#include "api/api.h"

const struct route routes[] = {
	/* signing in and out */
	{ "GET", "/login", page_login, R_ANON },
	{ "POST", "/login", page_login_post, R_ANON | R_CSRF },
	{ "POST", "/logout", page_logout_post, R_REP | R_CSRF },
	{ "POST", "/lang", page_lang_post, R_ANON | R_CSRF },

	/* pages */
	{ "GET", "/", page_home, R_REP },
	{ "GET", "/teams", page_teams, R_REP },
	{ "GET", "/account", page_account, R_REP },
	{ "POST", "/account/password", page_account_password_post, R_REP | R_CSRF },
	{ "POST", "/account/tokens/:id/revoke", page_account_token_revoke_post, R_REP | R_CSRF },

	/* administration */
	{ "GET", "/admin/teams", page_admin_teams, R_ADMIN },
	{ "POST", "/admin/teams", page_admin_teams_post, R_ADMIN | R_CSRF },
	{ "GET", "/admin/teams/:id", page_admin_team, R_ADMIN },
	{ "POST", "/admin/teams/:id", page_admin_team_post, R_ADMIN | R_CSRF },
	{ "GET", "/admin/users", page_admin_users, R_ADMIN },
	{ "POST", "/admin/users", page_admin_users_post, R_ADMIN | R_CSRF },
	{ "GET", "/admin/users/:id", page_admin_user, R_ADMIN },
	{ "POST", "/admin/users/:id", page_admin_user_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/users/:id/active", page_admin_user_active_post, R_ADMIN | R_CSRF },

	/* step or stop: pipeline, deals, accounts */
	{ "GET", "/pipeline", page_pipeline, R_REP },
	{ "GET", "/deals", page_deals, R_REP },
	{ "GET", "/deals/new", page_deal_new, R_REP },
	{ "POST", "/deals", page_deals_post, R_REP | R_CSRF },
	{ "GET", "/deals/:id", page_deal, R_REP },
	{ "POST", "/deals/:id", page_deal_post, R_REP | R_CSRF },
	{ "POST", "/deals/:id/close", page_deal_close_post, R_REP | R_CSRF },
	{ "POST", "/deals/:id/reopen", page_deal_reopen_post, R_REP | R_CSRF },
	{ "GET", "/accounts", page_accounts, R_REP },
	{ "POST", "/accounts", page_accounts_post, R_REP | R_CSRF },
	{ "GET", "/accounts/:id", page_account_detail, R_REP },
	{ "POST", "/accounts/:id/contacts", page_account_contacts_post, R_REP | R_CSRF },

	/* step or stop: conversations, agenda, steps */
	{ "GET", "/conversations/new", page_conversation_new, R_REP },
	{ "POST", "/conversations", page_conversations_post, R_REP | R_CSRF },
	{ "GET", "/agenda", page_agenda, R_REP },
	{ "POST", "/steps/:id/keep", page_step_keep_post, R_REP | R_CSRF },
	{ "POST", "/steps/:id/slip", page_step_slip_post, R_REP | R_CSRF },
	{ "POST", "/steps/:id/cancel", page_step_cancel_post, R_REP | R_CSRF },
	{ "POST", "/account/calendar", page_calendar_feed_post, R_REP | R_CSRF },
	{ "POST", "/account/calendar/revoke", page_calendar_revoke_post, R_REP | R_CSRF },
	{ "GET", "/calendar/*", page_calendar_ics, R_ANON },

	/* step or stop: figures and the deals that string reps along */
	{ "GET", "/figures/commitment", page_figures_commitment, R_REP },
	{ "GET", "/strung-along", page_strung_along, R_REP },
	/* one rep, whole, and the reps side by side (issue 14) */
	{ "GET", "/reps/:id", page_rep, R_REP },
	{ "GET", "/figures/team", page_figures_team, R_MANAGER },
	{ "GET", "/admin/stages", page_admin_stages, R_ADMIN },
	{ "POST", "/admin/stages", page_admin_stages_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/stages/:id", page_admin_stage_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/stages/:id/delete", page_admin_stage_delete_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/health", page_admin_health_post, R_ADMIN | R_CSRF },
	{ "GET", "/conversations", page_conversations, R_REP },

	/* numbers, tiers, concentration and the excuse check */
	{ "GET", "/numbers", page_numbers, R_REP },
	{ "GET", "/numbers/team", page_numbers_team, R_MANAGER },
	{ "GET", "/targets", page_targets, R_MANAGER },
	{ "POST", "/targets", page_targets_post, R_MANAGER | R_CSRF },
	{ "GET", "/tiers", page_tiers, R_MANAGER },
	{ "GET", "/concentration", page_concentration, R_MANAGER },
	{ "GET", "/excuses", page_excuses, R_REP },
	{ "GET", "/admin/numbers", page_admin_numbers, R_ADMIN },
	{ "POST", "/admin/numbers", page_admin_numbers_post, R_ADMIN | R_CSRF },

	/* import from a CRM */
	{ "GET", "/import", page_import, R_ADMIN },
	{ "POST", "/import", page_import_post, R_ADMIN | R_CSRF | R_UPLOAD },
	{ "GET", "/import/:id", page_import_file, R_ADMIN },
	{ "POST", "/import/:id/run", page_import_run_post, R_ADMIN | R_CSRF },
	{ "GET", "/imports/:id", page_import_job, R_ADMIN },

	/* one list of reasons, the stages' order, targets in bulk (issue 14) */
	{ "GET", "/admin/reasons", page_admin_reasons, R_ADMIN },
	{ "POST", "/admin/reasons", page_admin_reasons_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/reasons/:id", page_admin_reason_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/reasons/:id/move", page_admin_reason_move_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/stages/:id/move", page_admin_stage_move_post, R_ADMIN | R_CSRF },
	{ "POST", "/targets/copy", page_targets_copy_post, R_MANAGER | R_CSRF },
	{ "POST", "/targets/fill", page_targets_fill_post, R_MANAGER | R_CSRF },

	/* development (issue 8): the competency framework and assessments */
	{ "GET", "/assessments", page_assessments, R_REP },
	{ "POST", "/assessments/rounds", page_assessment_rounds_post, R_MANAGER | R_CSRF },
	{ "GET", "/assessments/rounds/:id", page_assessment_round, R_MANAGER },
	{ "POST", "/assessments/rounds/:id/close", page_assessment_round_close_post, R_MANAGER | R_CSRF },
	{ "POST", "/assessments/rounds/:id/peers", page_assessment_round_peers_post, R_MANAGER | R_CSRF },
	{ "GET", "/assessments/:id", page_assessment, R_REP },
	{ "POST", "/assessments/:id", page_assessment_post, R_REP | R_CSRF },
	{ "GET", "/reps/:id/assessments", page_rep_assessments, R_REP },
	{ "GET", "/traits", page_traits, R_REP },
	{ "GET", "/admin/traits", page_admin_traits, R_ADMIN },
	{ "POST", "/admin/traits", page_admin_traits_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/traits/:id", page_admin_trait_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/traits/:id/move", page_admin_trait_move_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/traits/:id/retire", page_admin_trait_retire_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/traits/:id/subskills", page_admin_trait_subskills_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/subskills/:id", page_admin_subskill_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/subskills/:id/move", page_admin_subskill_move_post, R_ADMIN | R_CSRF },
	{ "POST", "/admin/subskills/:id/retire", page_admin_subskill_retire_post, R_ADMIN | R_CSRF },

	/* development (issue 8): a rep's profile and the team matrix */
	{ "GET", "/reps/:id/profile", page_profile, R_REP },
	{ "GET", "/profile", page_profile_me, R_REP },
	{ "GET", "/team/traits", page_team_traits, R_MANAGER },

	/* development (issue 8): development plans and recognition */
	{ "GET", "/plans", page_plans, R_REP },
	{ "GET", "/plans/new", page_plan_new, R_MANAGER },
	{ "POST", "/plans/new", page_plan_new_post, R_MANAGER | R_CSRF },
	{ "GET", "/plans/:id", page_plan, R_REP },
	{ "POST", "/plans/:id/goals", page_plan_goals_post, R_REP | R_CSRF },
	{ "POST", "/plans/:id/goals/:id/status", page_plan_goal_status_post, R_REP | R_CSRF },
	{ "POST", "/plans/:id/actions", page_plan_actions_post, R_REP | R_CSRF },
	{ "POST", "/plans/:id/actions/:id/done", page_plan_action_done_post, R_REP | R_CSRF },
	{ "POST", "/plans/:id/checkins", page_plan_checkins_post, R_REP | R_CSRF },
	{ "POST", "/plans/:id/close", page_plan_close_post, R_REP | R_CSRF },
	{ "POST", "/reps/:id/recognition", page_rep_recognition_post, R_MANAGER | R_CSRF },

	/* learning (issue 9): the learning log and suggested or mandatory training */
	{ "GET", "/learning", page_learning, R_REP },
	{ "GET", "/learning/new", page_learning_new, R_REP },
	{ "POST", "/learning", page_learning_post, R_REP | R_CSRF },
	{ "GET", "/learning/suggest", page_learning_suggest, R_MANAGER },
	{ "POST", "/learning/suggest", page_learning_suggest_post, R_MANAGER | R_CSRF },
	{ "GET", "/learning/assignments", page_learning_assignments, R_MANAGER },
	{ "POST", "/learning/assignments", page_learning_assignments_post, R_MANAGER | R_CSRF },
	{ "GET", "/learning/assignments/:id", page_learning_assignment, R_MANAGER },
	{ "GET", "/learning/:id", page_learning_one, R_REP },
	{ "POST", "/learning/:id", page_learning_one_post, R_REP | R_CSRF },
	{ "POST", "/learning/:id/delete", page_learning_delete_post, R_REP | R_CSRF },
	{ "POST", "/learning/:id/accept", page_learning_accept_post, R_REP | R_CSRF },
	{ "POST", "/learning/:id/decline", page_learning_decline_post, R_REP | R_CSRF },
	{ "POST", "/learning/:id/done", page_learning_done_post, R_REP | R_CSRF },
	{ "GET", "/reps/:id/learning", page_rep_learning, R_REP },

	/* learning (issue 9): the achievement-orientation index and the team's learning */
	{ "GET", "/team/learning", page_team_learning, R_REP },

	/* learning (issue 9): the library */
	{ "GET", "/library", page_library, R_REP },
	{ "GET", "/library/new", page_library_new, R_MANAGER },
	{ "POST", "/library/new", page_library_new_post, R_MANAGER | R_CSRF },
	{ "GET", "/library/loans", page_library_loans, R_MANAGER },
	{ "POST", "/library/loans/:id/return", page_library_return_post, R_REP | R_CSRF },
	{ "GET", "/library/:id", page_library_item, R_REP },
	{ "GET", "/library/:id/edit", page_library_edit, R_MANAGER },
	{ "POST", "/library/:id/edit", page_library_edit_post, R_MANAGER | R_CSRF },
	{ "POST", "/library/:id/retire", page_library_retire_post, R_MANAGER | R_CSRF },
	{ "POST", "/library/:id/borrow", page_library_borrow_post, R_REP | R_CSRF },
	{ "POST", "/library/:id/wait", page_library_wait_post, R_REP | R_CSRF },
	{ "POST", "/library/:id/unwait", page_library_unwait_post, R_REP | R_CSRF },
	{ "POST", "/library/:id/suggest", page_library_suggest_post, R_MANAGER | R_CSRF },
	{ "POST", "/library/:id/lend", page_library_lend_post, R_MANAGER | R_CSRF },

	/* learning (issue 9): sales meetings and the case library */
	{ "GET", "/meetings", page_meetings, R_REP },
	{ "GET", "/meetings/new", page_meeting_new, R_MANAGER },
	{ "POST", "/meetings", page_meetings_post, R_MANAGER | R_CSRF },
	{ "GET", "/meetings/:id", page_meeting, R_REP },
	{ "POST", "/meetings/:id/items", page_meeting_items_post, R_MANAGER | R_CSRF },
	{ "POST", "/meetings/:id/items/:item_id/delete", page_meeting_item_delete_post, R_MANAGER | R_CSRF },
	{ "POST", "/meetings/:id/items/:item_id/move", page_meeting_item_move_post, R_MANAGER | R_CSRF },
	{ "POST", "/meetings/:id/notes", page_meeting_notes_post, R_MANAGER | R_CSRF },
	{ "POST", "/meetings/:id/prepared", page_meeting_prepared_post, R_MANAGER | R_CSRF },
	{ "POST", "/meetings/:id/held", page_meeting_held_post, R_MANAGER | R_CSRF },
	{ "POST", "/meetings/:id/attendance", page_meeting_attendance_post, R_MANAGER | R_CSRF },
	{ "GET", "/cases", page_cases, R_REP },
	{ "POST", "/cases", page_cases_post, R_MANAGER | R_CSRF },
	{ "GET", "/cases/:id", page_case, R_REP },
	{ "POST", "/cases/:id", page_case_post, R_MANAGER | R_CSRF },
	{ "POST", "/cases/:id/retire", page_case_retire_post, R_MANAGER | R_CSRF },

	/* development (issue 8): field coaching and one-on-ones */
	{ "GET", "/one-on-ones", page_one_on_ones, R_REP },
	{ "POST", "/one-on-ones", page_one_on_ones_post, R_MANAGER | R_CSRF },
	{ "POST", "/one-on-ones/cadence", page_one_on_ones_cadence_post, R_MANAGER | R_CSRF },
	{ "GET", "/one-on-ones/:id", page_one_on_one, R_REP },
	{ "POST", "/one-on-ones/:id/points", page_one_on_one_points_post, R_REP | R_CSRF },
	{ "POST", "/one-on-ones/:id/actions", page_one_on_one_actions_post, R_REP | R_CSRF },
	{ "POST", "/one-on-ones/:id/actions/:action_id/done", page_one_on_one_action_done_post, R_REP | R_CSRF },
	{ "POST", "/one-on-ones/:id/notes", page_one_on_one_notes_post, R_MANAGER | R_CSRF },
	{ "POST", "/one-on-ones/:id/held", page_one_on_one_held_post, R_MANAGER | R_CSRF },
	{ "POST", "/one-on-ones/:id/recognition", page_one_on_one_recognition_post, R_MANAGER | R_CSRF },
	{ "GET", "/observations", page_observations, R_REP },
	{ "GET", "/observations/new", page_observation_new, R_REP },
	{ "POST", "/observations", page_observations_post, R_REP | R_CSRF },
	{ "GET", "/observations/:id", page_observation, R_REP },
	{ "POST", "/observations/:id/recognition", page_observation_recognition_post, R_MANAGER | R_CSRF },

	/* levers (issue 10): pulse */
	{ "GET", "/pulse", page_pulse, R_REP },
	{ "POST", "/pulse", page_pulse_post, R_REP | R_CSRF },
	{ "POST", "/pulse/sharing", page_pulse_sharing_post, R_REP | R_CSRF },
	{ "GET", "/team/pulse", page_team_pulse, R_MANAGER },
	/* levers (issue 10): kudos, spotlight, badges and streaks */
	{ "GET", "/kudos", page_kudos, R_REP },
	{ "POST", "/kudos", page_kudos_post, R_REP | R_CSRF },
	{ "POST", "/kudos/spotlight", page_kudos_spotlight_post, R_MANAGER | R_CSRF },

	/* JSON API */
	{ "GET", "/api/v1", api_describe, R_ANON | R_JSON | R_NODB },
	{ "GET", "/api/v1/openapi.json", api_describe, R_ANON | R_JSON | R_NODB },
	{ "GET", "/api/v1/me", api_me, R_REP | R_JSON },
	{ "GET", "/api/v1/teams", api_teams_list, R_REP | R_JSON },
	{ "POST", "/api/v1/teams", api_teams_create, R_ADMIN | R_JSON | R_CSRF },
	{ "GET", "/api/v1/teams/:id", api_team_get, R_REP | R_JSON },
	{ "GET", "/api/v1/users", api_users_list, R_REP | R_JSON },
	{ "POST", "/api/v1/users", api_users_create, R_ADMIN | R_JSON | R_CSRF },
	{ "GET", "/api/v1/users/:id", api_user_get, R_REP | R_JSON },
	{ "GET", "/api/v1/tokens", api_tokens_list, R_REP | R_JSON },
	{ "DELETE", "/api/v1/tokens/:id", api_token_revoke, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/stages", api_stages_list, R_REP | R_JSON },
	{ "POST", "/api/v1/stages", api_stages_create, R_ADMIN | R_JSON | R_CSRF },
	{ "GET", "/api/v1/stages/:id", api_stage_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/stages/:id", api_stage_update, R_ADMIN | R_JSON | R_CSRF },
	{ "GET", "/api/v1/accounts", api_accounts_list, R_REP | R_JSON },
	{ "POST", "/api/v1/accounts", api_accounts_create, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/accounts/:id", api_account_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/accounts/:id", api_account_update, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/deals", api_deals_list, R_REP | R_JSON },
	{ "POST", "/api/v1/deals", api_deals_create, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/deals/:id", api_deal_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/deals/:id", api_deal_update, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/conversations", api_conversations_list, R_REP | R_JSON },
	{ "POST", "/api/v1/conversations", api_conversations_create, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/conversations/:id", api_conversation_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/conversations/:id", api_conversation_update, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/steps", api_steps_list, R_REP | R_JSON },
	{ "GET", "/api/v1/steps/:id", api_step_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/steps/:id", api_step_update, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/figures/commitment", api_figures_commitment, R_REP | R_JSON },
	{ "GET", "/api/v1/targets", api_targets_list, R_REP | R_JSON },
	{ "POST", "/api/v1/targets", api_targets_create, R_MANAGER | R_JSON | R_CSRF },
	{ "GET", "/api/v1/targets/:id", api_target_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/targets/:id", api_target_update, R_MANAGER | R_JSON | R_CSRF },
	{ "DELETE", "/api/v1/targets/:id", api_target_delete, R_MANAGER | R_JSON | R_CSRF },
	{ "GET", "/api/v1/results", api_results_list, R_REP | R_JSON },
	{ "GET", "/api/v1/tiers", api_tiers, R_MANAGER | R_JSON },
	{ "GET", "/api/v1/concentration", api_concentration, R_MANAGER | R_JSON },
	{ "GET", "/api/v1/excuses", api_excuses, R_REP | R_JSON },
	{ "GET", "/api/v1/imports/:id", api_import_get, R_ADMIN | R_JSON },

	/* one list of reasons (issue 14) — API */
	{ "GET", "/api/v1/reasons", api_reasons_list, R_REP | R_JSON },
	{ "POST", "/api/v1/reasons", api_reasons_create, R_ADMIN | R_JSON | R_CSRF },
	{ "PATCH", "/api/v1/reasons/:id", api_reason_update, R_ADMIN | R_JSON | R_CSRF },

	/* development (issue 8): the competency framework and assessments — API */
	{ "GET", "/api/v1/traits", api_traits_list, R_REP | R_JSON },
	{ "POST", "/api/v1/traits", api_traits_create, R_ADMIN | R_JSON | R_CSRF },
	{ "PATCH", "/api/v1/traits/:id", api_trait_update, R_ADMIN | R_JSON | R_CSRF },
	{ "GET", "/api/v1/assessments", api_assessments_list, R_REP | R_JSON },
	{ "GET", "/api/v1/assessments/:id", api_assessment_get, R_REP | R_JSON },
	{ "PUT", "/api/v1/assessments/:id/scores", api_assessment_scores, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/assessments/:id/submit", api_assessment_submit, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/assessment-rounds", api_rounds_list, R_MANAGER | R_JSON },
	{ "POST", "/api/v1/assessment-rounds", api_rounds_create, R_MANAGER | R_JSON | R_CSRF },
	{ "POST", "/api/v1/assessment-rounds/:id/close", api_round_close, R_MANAGER | R_JSON | R_CSRF },
	{ "POST", "/api/v1/assessment-rounds/:id/peers", api_round_peers, R_MANAGER | R_JSON | R_CSRF },

	/* development (issue 8): a rep's profile and the team matrix — API */
	{ "GET", "/api/v1/reps/:id/profile", api_rep_profile, R_REP | R_JSON },
	{ "GET", "/api/v1/assessments/matrix", api_assessments_matrix, R_MANAGER | R_JSON },

	/* development (issue 8): development plans and recognition — API */
	{ "GET", "/api/v1/plans", api_plans_list, R_REP | R_JSON },
	{ "POST", "/api/v1/plans", api_plans_create, R_MANAGER | R_JSON | R_CSRF },
	{ "GET", "/api/v1/plans/:id", api_plan_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/plans/:id", api_plan_update, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/plans/:id/goals", api_plan_goals_create, R_REP | R_JSON | R_CSRF },
	{ "PATCH", "/api/v1/plans/:id/goals/:id", api_plan_goal_update, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/plans/:id/actions", api_plan_actions_create, R_REP | R_JSON | R_CSRF },
	{ "PATCH", "/api/v1/plans/:id/actions/:id", api_plan_action_update, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/plans/:id/checkins", api_plan_checkins_create, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/recognitions", api_recognitions_list, R_REP | R_JSON },

	/* learning (issue 9): the learning log and suggested or mandatory training — API */
	{ "GET", "/api/v1/learning", api_learning_list, R_REP | R_JSON },
	{ "POST", "/api/v1/learning", api_learning_create, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/learning/suggestions", api_learning_suggest, R_MANAGER | R_JSON | R_CSRF },
	{ "GET", "/api/v1/learning/assignments", api_learning_assignments_list, R_MANAGER | R_JSON },
	{ "POST", "/api/v1/learning/assignments", api_learning_assignments_create, R_MANAGER | R_JSON | R_CSRF },
	{ "GET", "/api/v1/learning/assignments/:id", api_learning_assignment_get, R_MANAGER | R_JSON },
	{ "GET", "/api/v1/learning/:id", api_learning_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/learning/:id", api_learning_update, R_REP | R_JSON | R_CSRF },
	{ "DELETE", "/api/v1/learning/:id", api_learning_delete, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/learning/:id/accept", api_learning_accept, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/learning/:id/decline", api_learning_decline, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/learning/:id/done", api_learning_done, R_REP | R_JSON | R_CSRF },

	/* learning (issue 9): the achievement-orientation index and the team's learning — API */
	{ "GET", "/api/v1/learning-index", api_learning_index, R_REP | R_JSON },

	/* learning (issue 9): the library — API */
	{ "GET", "/api/v1/library", api_library_list, R_REP | R_JSON },
	{ "POST", "/api/v1/library", api_library_create, R_MANAGER | R_JSON | R_CSRF },
	{ "GET", "/api/v1/library/loans", api_library_loans, R_REP | R_JSON },
	{ "POST", "/api/v1/library/loans/:id/return", api_library_return, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/library/:id", api_library_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/library/:id", api_library_update, R_MANAGER | R_JSON | R_CSRF },
	{ "POST", "/api/v1/library/:id/borrow", api_library_borrow, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/library/:id/wait", api_library_wait, R_REP | R_JSON | R_CSRF },
	{ "DELETE", "/api/v1/library/:id/wait", api_library_unwait, R_REP | R_JSON | R_CSRF },

	/* learning (issue 9): sales meetings and the case library — API */
	{ "GET", "/api/v1/meetings", api_meetings_list, R_REP | R_JSON },
	{ "POST", "/api/v1/meetings", api_meetings_create, R_MANAGER | R_JSON | R_CSRF },
	{ "GET", "/api/v1/meetings/:id", api_meeting_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/meetings/:id", api_meeting_update, R_MANAGER | R_JSON | R_CSRF },
	{ "POST", "/api/v1/meetings/:id/items", api_meeting_items_create, R_MANAGER | R_JSON | R_CSRF },
	{ "DELETE", "/api/v1/meetings/:id/items/:item_id", api_meeting_item_delete, R_MANAGER | R_JSON | R_CSRF },
	{ "PUT", "/api/v1/meetings/:id/attendance", api_meeting_attendance, R_MANAGER | R_JSON | R_CSRF },
	{ "POST", "/api/v1/meetings/:id/prepared", api_meeting_prepared, R_MANAGER | R_JSON | R_CSRF },
	{ "POST", "/api/v1/meetings/:id/held", api_meeting_held, R_MANAGER | R_JSON | R_CSRF },
	{ "GET", "/api/v1/cases", api_cases_list, R_REP | R_JSON },
	{ "POST", "/api/v1/cases", api_cases_create, R_MANAGER | R_JSON | R_CSRF },
	{ "GET", "/api/v1/cases/:id", api_case_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/cases/:id", api_case_update, R_MANAGER | R_JSON | R_CSRF },

	/* development (issue 8): field coaching and one-on-ones — API */
	{ "GET", "/api/v1/one-on-ones", api_one_on_ones_list, R_REP | R_JSON },
	{ "POST", "/api/v1/one-on-ones", api_one_on_ones_create, R_MANAGER | R_JSON | R_CSRF },
	{ "GET", "/api/v1/one-on-ones/:id", api_one_on_one_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/one-on-ones/:id", api_one_on_one_update, R_MANAGER | R_JSON | R_CSRF },
	{ "POST", "/api/v1/one-on-ones/:id/points", api_one_on_one_points_create, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/one-on-ones/:id/actions", api_one_on_one_actions_create, R_REP | R_JSON | R_CSRF },
	{ "PATCH", "/api/v1/one-on-ones/:id/actions/:action_id", api_one_on_one_action_update, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/observations", api_observations_list, R_REP | R_JSON },
	{ "POST", "/api/v1/observations", api_observations_create, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/observations/:id", api_observation_get, R_REP | R_JSON },

	/* levers (issue 10): improvement plans */
	{ "GET", "/improvement-plans", page_improve_list, R_REP },
	{ "GET", "/improvement-plans/new", page_improve_new, R_MANAGER },
	{ "POST", "/improvement-plans/new", page_improve_new_post, R_MANAGER | R_CSRF },
	{ "GET", "/improvement-plans/:id", page_improve, R_REP },
	{ "POST", "/improvement-plans/:id", page_improve_post, R_REP | R_CSRF },
	{ "POST", "/improvement-plans/:id/items", page_improve_items_post, R_REP | R_CSRF },
	{ "POST", "/improvement-plans/:id/items/:id", page_improve_item_post, R_REP | R_CSRF },
	{ "POST", "/improvement-plans/:id/decide", page_improve_decide_post, R_REP | R_CSRF },
	{ "GET", "/api/v1/improvement-plans", api_improve_list, R_REP | R_JSON },
	{ "POST", "/api/v1/improvement-plans", api_improve_create, R_MANAGER | R_JSON | R_CSRF },
	{ "GET", "/api/v1/improvement-plans/:id", api_improve_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/improvement-plans/:id", api_improve_update, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/improvement-plans/:id/decide", api_improve_decide, R_REP | R_JSON | R_CSRF },
	/* levers (issue 10): pulse — API */
	{ "GET", "/api/v1/pulse", api_pulse_get, R_REP | R_JSON },
	{ "POST", "/api/v1/pulse", api_pulse_answer, R_REP | R_JSON | R_CSRF },
	{ "PUT", "/api/v1/pulse/sharing", api_pulse_sharing, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/pulse/team", api_pulse_team, R_MANAGER | R_JSON },

	/* levers (issue 10): kudos, spotlight, badges and streaks — API */
	{ "GET", "/api/v1/kudos", api_kudos_list, R_REP | R_JSON },
	{ "POST", "/api/v1/kudos", api_kudos_create, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/badges", api_badges, R_REP | R_JSON },

	/* running it for real (issue 16): webhooks (the rule: access_webhook_manage) */
	{ "GET", "/admin/webhooks", page_admin_webhooks, R_ADMIN },
	{ "POST", "/admin/webhooks", page_admin_webhooks_post, R_ADMIN | R_CSRF },
	{ "GET", "/admin/webhooks/:id", page_admin_webhook, R_ADMIN },
	{ "POST", "/admin/webhooks/:id", page_admin_webhook_post, R_ADMIN | R_CSRF },
	{ "GET", "/api/v1/webhooks", api_webhooks_list, R_ADMIN | R_JSON },
	{ "POST", "/api/v1/webhooks", api_webhooks_create, R_ADMIN | R_JSON | R_CSRF },
	{ "GET", "/api/v1/webhooks/:id", api_webhook_get, R_ADMIN | R_JSON },
	{ "PATCH", "/api/v1/webhooks/:id", api_webhook_update, R_ADMIN | R_JSON | R_CSRF },
	{ "DELETE", "/api/v1/webhooks/:id", api_webhook_delete, R_ADMIN | R_JSON | R_CSRF },
	{ "GET", "/api/v1/webhooks/:id/deliveries", api_webhook_deliveries, R_ADMIN | R_JSON },
	{ "POST", "/api/v1/webhooks/:id/test", api_webhook_test, R_ADMIN | R_JSON | R_CSRF },
	/* levers (issue 10): leaderboards and contests */
	{ "GET", "/leaderboards", page_leaderboards, R_REP },
	{ "POST", "/leaderboards/setting", page_leaderboards_setting_post, R_MANAGER | R_CSRF },
	{ "GET", "/contests", page_contests, R_REP },
	{ "GET", "/contests/new", page_contest_new, R_MANAGER },
	{ "POST", "/contests/new", page_contest_new_post, R_MANAGER | R_CSRF },
	{ "GET", "/contests/:id", page_contest, R_REP },
	{ "GET", "/contests/:id/edit", page_contest_edit, R_MANAGER },
	{ "POST", "/contests/:id/edit", page_contest_edit_post, R_MANAGER | R_CSRF },
	{ "POST", "/contests/:id/delete", page_contest_delete_post, R_MANAGER | R_CSRF },
	{ "GET", "/tv/leaderboard", page_tv_leaderboard, R_REP },
	{ "GET", "/tv/contests/:id", page_tv_contest, R_REP },
	{ "GET", "/api/v1/leaderboards", api_leaderboards, R_REP | R_JSON },
	{ "GET", "/api/v1/contests", api_contests_list, R_REP | R_JSON },
	{ "POST", "/api/v1/contests", api_contests_create, R_MANAGER | R_JSON | R_CSRF },
	{ "GET", "/api/v1/contests/:id", api_contest_get, R_REP | R_JSON },
	{ "PATCH", "/api/v1/contests/:id", api_contest_update, R_MANAGER | R_JSON | R_CSRF },
	{ "DELETE", "/api/v1/contests/:id", api_contest_delete, R_MANAGER | R_JSON | R_CSRF },
	/* levers (issue 10): the coach's inbox */
	{ "GET", "/inbox", page_inbox, R_MANAGER },
	{ "POST", "/inbox/dismiss", page_inbox_dismiss_post, R_MANAGER | R_CSRF },
	{ "POST", "/inbox/snooze", page_inbox_snooze_post, R_MANAGER | R_CSRF },
	/* levers (issue 10): the coach's inbox — API */
	{ "GET", "/api/v1/inbox", api_inbox_list, R_MANAGER | R_JSON },
	{ "POST", "/api/v1/inbox/dismiss", api_inbox_dismiss, R_MANAGER | R_JSON | R_CSRF },
	{ "POST", "/api/v1/inbox/snooze", api_inbox_snooze, R_MANAGER | R_JSON | R_CSRF },

	/* levers (issue 10): the manager's own mirror */
	{ "GET", "/mirror", page_mirror, R_MANAGER },
	{ "POST", "/mirror", page_mirror_post, R_MANAGER | R_CSRF },
	{ "POST", "/mirror/rounds", page_mirror_round_post, R_MANAGER | R_CSRF },
	{ "POST", "/mirror/rounds/:id/close", page_mirror_round_close_post, R_MANAGER | R_CSRF },
	{ "GET", "/feedback", page_feedback, R_REP },
	{ "POST", "/feedback/:id", page_feedback_post, R_REP | R_CSRF },
	/* levers (issue 10): the manager's own mirror — API */
	{ "GET", "/api/v1/manager-assessments", api_manager_assessments_list, R_MANAGER | R_JSON },
	{ "POST", "/api/v1/manager-assessments", api_manager_assessments_create, R_MANAGER | R_JSON | R_CSRF },
	{ "GET", "/api/v1/upward-rounds", api_upward_rounds_list, R_MANAGER | R_JSON },
	{ "POST", "/api/v1/upward-rounds/:id/answers", api_upward_answer, R_REP | R_JSON | R_CSRF },
	/* recruiting (issue 11): the talent pool and step or stop with candidates.
	 * R_REP: who sees a candidate is per invitation, not per role
	 * (access_candidate*); to anyone else every route is a 404 */
	{ "GET", "/recruiting", page_recruiting, R_REP },
	{ "GET", "/recruiting/candidates/new", page_candidate_new, R_REP },
	{ "POST", "/recruiting/candidates", page_candidate_create, R_REP | R_CSRF },
	{ "GET", "/recruiting/candidates/:id", page_candidate, R_REP },
	{ "POST", "/recruiting/candidates/:id/conversations", page_candidate_conv_post, R_REP | R_CSRF },
	{ "POST", "/recruiting/candidates/:id/invitations", page_candidate_invite_post, R_REP | R_CSRF },
	{ "GET", "/recruiting/vacancies", page_vacancies, R_REP },
	{ "POST", "/recruiting/vacancies", page_vacancies_post, R_REP | R_CSRF },
	{ "POST", "/recruiting/stages", page_recruit_stage_add, R_REP | R_CSRF },
	{ "POST", "/recruiting/stages/:id", page_recruit_stage_rename, R_REP | R_CSRF },
	{ "GET", "/recruiting/vacancies/:id", page_vacancy, R_REP },
	{ "POST", "/recruiting/vacancies/:id", page_vacancy_post, R_REP | R_CSRF },
	{ "POST", "/recruiting/vacancies/:id/candidates", page_vacancy_move_post, R_REP | R_CSRF },
	{ "GET", "/api/v1/vacancies", api_vacancies_list, R_REP | R_JSON },
	{ "POST", "/api/v1/vacancies", api_vacancies_create, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/candidates", api_candidates_list, R_REP | R_JSON },
	{ "POST", "/api/v1/candidates", api_candidates_create, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/candidates/:id", api_candidate_get, R_REP | R_JSON },
	{ "GET", "/api/v1/candidates/:id/conversations", api_candidate_conversations, R_REP | R_JSON },
	{ "POST", "/api/v1/candidates/:id/conversations", api_candidate_conversations_create, R_REP | R_JSON | R_CSRF },
	/* interviews and scorecards (issue 11, part 3): per invitation too
	 * (access_scorecard*); the questions are the admins' */
	{ "POST", "/recruiting/candidates/:id/interviews", page_interview_post, R_REP | R_CSRF },
	{ "GET", "/recruiting/scorecards/:id", page_scorecard, R_REP },
	{ "POST", "/recruiting/scorecards/:id", page_scorecard_post, R_REP | R_CSRF },
	{ "POST", "/recruiting/scorecards/:id/reopen", page_scorecard_reopen_post, R_REP | R_CSRF },
	{ "GET", "/admin/interview-questions", page_interview_questions, R_ADMIN },
	{ "POST", "/admin/interview-questions", page_interview_questions_post, R_ADMIN | R_CSRF },
	{ "POST", "/api/v1/interviews", api_interviews_create, R_REP | R_JSON | R_CSRF },
	{ "GET", "/api/v1/scorecards", api_scorecards_list, R_REP | R_JSON },
	{ "GET", "/api/v1/scorecards/:id", api_scorecard_get, R_REP | R_JSON },
	{ "PUT", "/api/v1/scorecards/:id", api_scorecard_update, R_REP | R_JSON | R_CSRF },
	{ "PATCH", "/api/v1/scorecards/:id", api_scorecard_update, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/scorecards/:id/submit", api_scorecard_submit, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/scorecards/:id/reopen", api_scorecard_reopen, R_REP | R_JSON | R_CSRF },
	/* hiring (issue 11, part 3): the rules are access_hiring_profile and
	 * access_candidate_hire / _to_pool; to anyone else a 404 */
	{ "GET", "/recruiting/hiring-profile", page_hiring_profile, R_REP },
	{ "GET", "/recruiting/candidates/:id/hire", page_candidate_hire, R_REP },
	{ "POST", "/recruiting/candidates/:id/hire", page_candidate_hire_post, R_REP | R_CSRF },
	{ "POST", "/recruiting/candidates/:id/pool", page_candidate_pool_post, R_REP | R_CSRF },
	{ "GET", "/api/v1/hiring-profile", api_hiring_profile, R_REP | R_JSON },
	{ "POST", "/api/v1/candidates/:id/hire", api_candidate_hire, R_REP | R_JSON | R_CSRF },
	{ "POST", "/api/v1/candidates/:id/pool", api_candidate_pool, R_REP | R_JSON | R_CSRF },
	/* candidates' data (issue 11): export and erase, admins only (access_candidate_data) */
	{ "GET", "/recruiting/candidates/:id/export.json", page_candidate_export, R_REP },
	{ "GET", "/recruiting/candidates/:id/erase", page_candidate_erase_form, R_REP },
	{ "POST", "/recruiting/candidates/:id/erase", page_candidate_erase_post, R_REP | R_CSRF },
	{ "GET", "/api/v1/candidates/:id/export", api_candidate_export, R_REP | R_JSON },
	{ "POST", "/api/v1/candidates/:id/erase", api_candidate_erase, R_REP | R_JSON | R_CSRF },
	/* recruiting figures (issue 11): managers and admins (access_recruiting_pool) */
	{ "GET", "/recruiting/figures", page_recruit_figures, R_REP },
	{ "GET", "/api/v1/recruiting-figures", api_recruit_figures, R_REP | R_JSON },
	/* vacancy edit (issue 11): whoever runs the vacancy (access_vacancy) */
	{ "GET", "/recruiting/vacancies/:id/edit", page_vacancy_edit, R_REP },
	{ "POST", "/recruiting/vacancies/:id/edit", page_vacancy_edit_post, R_REP | R_CSRF },
	{ "PATCH", "/api/v1/vacancies/:id", api_vacancy_update, R_REP | R_JSON | R_CSRF },
	/* candidates imported from a CSV file (issue 11): managers and admins */
	{ "GET", "/recruiting/import", page_recruit_import, R_REP },
	{ "POST", "/recruiting/import", page_recruit_import_post, R_REP | R_CSRF | R_UPLOAD },
	/* a candidate's details edited (issue 11): whoever works on them (access_candidate_work) */
	{ "GET", "/recruiting/candidates/:id/edit", page_candidate_edit, R_REP },
	{ "POST", "/recruiting/candidates/:id/edit", page_candidate_edit_post, R_REP | R_CSRF },
	{ "PATCH", "/api/v1/candidates/:id", api_candidate_update, R_REP | R_JSON | R_CSRF },

	/* plumbing */
	{ "GET", "/healthz", page_healthz, R_ANON | R_NODB },
	/* running it for real (issue 16): Prometheus metrics (the rule: access_metrics) */
	{ "GET", "/metrics", page_metrics, R_ANON | R_NODB },
	{ "GET", "/static/*", page_static, R_ANON | R_NODB },

	/* running it for real (issue 16): the audit log (the rule: access_audit_*) */
	{ "GET", "/admin/audit", page_admin_audit, R_ADMIN },
	{ "POST", "/admin/audit/retention", page_admin_audit_retention_post, R_ADMIN | R_CSRF },
	{ "GET", "/api/v1/audit", api_audit_list, R_ADMIN | R_JSON },

	/* levers (issue 10), more: a team's leaderboard setting on the teams
	 * page (the rule: access_leaderboard_setting) */
	{ "POST", "/teams/:id/leaderboard", page_team_leaderboard_post, R_MANAGER | R_CSRF },
	{ "PATCH", "/api/v1/teams/:id", api_team_patch, R_MANAGER | R_JSON | R_CSRF },
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
