/*
 * pages: the entry points of the web pages, one file per page under web/,
 * named page-<name>.c. The route table (routes.c) says who may call each.
 */
#ifndef SG_PAGES_H
#define SG_PAGES_H
#include "../http/request.h"

/* page-login.c */
void page_login(struct request *r);
void page_login_post(struct request *r);
void page_logout_post(struct request *r);
/* page-home.c */
void page_home(struct request *r);
/* page-teams.c: the teams the viewer may see, with their members */
void page_teams(struct request *r);
/* page-admin-teams.c */
void page_admin_teams(struct request *r);
void page_admin_teams_post(struct request *r);
void page_admin_team(struct request *r);
void page_admin_team_post(struct request *r);
/* page-admin-users.c */
void page_admin_users(struct request *r);
void page_admin_users_post(struct request *r);
void page_admin_user(struct request *r);
void page_admin_user_post(struct request *r);
void page_admin_user_active_post(struct request *r);
/* page-account.c */
void page_account(struct request *r);
void page_account_password_post(struct request *r);
void page_account_token_revoke_post(struct request *r);
void page_lang_post(struct request *r);
/* page-health.c */
void page_healthz(struct request *r);
void page_metrics(struct request *r);
/* page-static.c */
void page_static(struct request *r);

/* --- step or stop --- */
/* page-pipeline.c: the board of open deals by stage */
void page_pipeline(struct request *r);
/* page-deals.c: all deals as a table; new deal */
void page_deals(struct request *r);
void page_deal_new(struct request *r);
void page_deals_post(struct request *r);
/* page-deal.c: one deal with its timeline; edit, close, reopen */
void page_deal(struct request *r);
void page_deal_post(struct request *r);
void page_deal_close_post(struct request *r);
void page_deal_reopen_post(struct request *r);
/* page-accounts.c */
void page_accounts(struct request *r);
void page_accounts_post(struct request *r);
void page_account_detail(struct request *r);
void page_account_contacts_post(struct request *r);
/* page-conversation.c: logging a conversation */
void page_conversation_new(struct request *r);
void page_conversations_post(struct request *r);
/* page-agenda.c: my next steps; keep, move, cancel */
void page_agenda(struct request *r);
void page_step_keep_post(struct request *r);
void page_step_slip_post(struct request *r);
void page_step_cancel_post(struct request *r);
/* page-calendar.c: the iCalendar feed and its secret address */
void page_calendar_feed_post(struct request *r);
void page_calendar_revoke_post(struct request *r);
void page_calendar_ics(struct request *r);
/* the "Calendar" card of the account page (page-account.c) */
void calendar_card(struct request *r);
/* page-figures.c: step-or-stop figures for a rep, team or organisation */
void page_figures_commitment(struct request *r);
/* page-strung-along.c */
void page_strung_along(struct request *r);
/* page-rep.c */
void page_rep(struct request *r);
void page_figures_team(struct request *r);
/* page-admin-stages.c: the stage vocabulary and the health thresholds */
void page_admin_stages(struct request *r);
void page_admin_stages_post(struct request *r);
void page_admin_stage_post(struct request *r);
void page_admin_stage_delete_post(struct request *r);
void page_admin_health_post(struct request *r);

/* page-numbers.c: my numbers (a rep's target, result and progress) and the team's */
void page_numbers(struct request *r);
void page_numbers_team(struct request *r);
/* page-targets.c: setting targets per rep and period */
void page_targets(struct request *r);
void page_targets_post(struct request *r);
/* page-tiers.c: superstars, core and underperformers, history and movers */
void page_tiers(struct request *r);
/* page-concentration.c: how few reps bring half the revenue */
void page_concentration(struct request *r);
/* page-excuses.c: the excuse check */
void page_excuses(struct request *r);
/* page-admin-numbers.c: results source, tier rules, smallest sample */
void page_admin_numbers(struct request *r);
void page_admin_numbers_post(struct request *r);
/* page-import.c: CSV import with preview, mapping, dry run and progress */
void page_import(struct request *r);
void page_import_post(struct request *r);
void page_import_file(struct request *r);
void page_import_run_post(struct request *r);
void page_import_job(struct request *r);
/* page-conversations.c: the conversations list */
void page_conversations(struct request *r);

/* one list of reasons, the stages' order, targets in bulk (issue 14) */
void page_admin_reasons(struct request *r);
void page_admin_reasons_post(struct request *r);
void page_admin_reason_post(struct request *r);
void page_admin_reason_move_post(struct request *r);
void page_admin_stage_move_post(struct request *r);
void page_targets_copy_post(struct request *r);
void page_targets_fill_post(struct request *r);

/* development (issue 8): the competency framework and assessments */
/* page-assessments.c */
void page_assessments(struct request *r);
void page_assessment_rounds_post(struct request *r);
void page_assessment_round(struct request *r);
void page_assessment_round_close_post(struct request *r);
void page_assessment_round_peers_post(struct request *r);
void page_assessment(struct request *r);
void page_assessment_post(struct request *r);
void page_rep_assessments(struct request *r);
/* page-traits.c */
void page_traits(struct request *r);
void page_admin_traits(struct request *r);
void page_admin_traits_post(struct request *r);
void page_admin_trait_post(struct request *r);
void page_admin_trait_move_post(struct request *r);
void page_admin_trait_retire_post(struct request *r);
void page_admin_trait_subskills_post(struct request *r);
void page_admin_subskill_post(struct request *r);
void page_admin_subskill_move_post(struct request *r);
void page_admin_subskill_retire_post(struct request *r);
/* the home page's "what is due": the viewer's open forms to fill in */
void assessments_home_due(struct request *r);
/* the rep page's section: a link to the rep's assessment history */
void assessments_rep_section(struct request *r, int64_t rep_id);

/* development (issue 8): a rep's profile and the team matrix */
/* page-profile.c: a rep's competency profile, one's own, the team traits
 * matrix, and the profile's summary on the rep page */
void page_profile(struct request *r);
void page_profile_me(struct request *r);
void page_team_traits(struct request *r);
struct user;
void ui_rep_profile_summary(struct request *r, const struct user *u);

/* development (issue 8): development plans and recognition */
/* page-plans.c: development plans, their goals, actions and check-ins, and
 * recognition; the plan parts of the home page and the rep page */
struct user;
void page_plans(struct request *r);
void page_plan_new(struct request *r);
void page_plan_new_post(struct request *r);
void page_plan(struct request *r);
void page_plan_goals_post(struct request *r);
void page_plan_goal_status_post(struct request *r);
void page_plan_actions_post(struct request *r);
void page_plan_action_done_post(struct request *r);
void page_plan_checkins_post(struct request *r);
void page_plan_close_post(struct request *r);
void page_rep_recognition_post(struct request *r);
void plans_home_section(struct request *r);
void plans_rep_section(struct request *r, const struct user *u);

/* learning (issue 9): the learning log and suggested or mandatory training */
/* page-learning.c: the learning log, suggestions and mandatory trainings */
void page_learning(struct request *r);
void page_rep_learning(struct request *r);
void page_learning_new(struct request *r);
void page_learning_post(struct request *r);
void page_learning_one(struct request *r);
void page_learning_one_post(struct request *r);
void page_learning_delete_post(struct request *r);
void page_learning_accept_post(struct request *r);
void page_learning_decline_post(struct request *r);
void page_learning_done_post(struct request *r);
void page_learning_suggest(struct request *r);
void page_learning_suggest_post(struct request *r);
void page_learning_assignments(struct request *r);
void page_learning_assignments_post(struct request *r);
void page_learning_assignment(struct request *r);
/* the rep page's section (hours in the last 12 months by origin, the last 5
 * activities) when the viewer may see the rep's learning, and home's "what
 * is due" (open suggestions and trainings; the teams' overdue count) */
void learning_rep_section(struct request *r, const struct user *u);
void learning_home_due(struct request *r);

/* learning (issue 9): the achievement-orientation index and the team's learning */
/* the rep's index with its parts and the formula in words, for the rep's own
 * learning page and the manager's view of it (web/learningindex.c); the
 * caller has already checked that the viewer may see the rep's learning */
void learning_index_section(struct request *r, int64_t rep_id);
/* the short version on the rep page (the rep and their managers only) */
void learning_index_rep_summary(struct request *r, const struct user *u);
/* GET /team/learning?team=ID: the team's learning (web/page-team-learning.c) */
void page_team_learning(struct request *r);

/* learning (issue 9): the library */
/* page-library.c: the catalogue, an item, lending, the waiting list,
 * returns with a takeaway, suggesting an item, the managers' loans; the
 * library's parts of the home page and the rep page */
void page_library(struct request *r);
void page_library_new(struct request *r);
void page_library_new_post(struct request *r);
void page_library_loans(struct request *r);
void page_library_return_post(struct request *r);
void page_library_item(struct request *r);
void page_library_edit(struct request *r);
void page_library_edit_post(struct request *r);
void page_library_retire_post(struct request *r);
void page_library_borrow_post(struct request *r);
void page_library_wait_post(struct request *r);
void page_library_unwait_post(struct request *r);
void page_library_suggest_post(struct request *r);
void page_library_lend_post(struct request *r);
struct user;
void library_home_section(struct request *r);
void library_rep_section(struct request *r, const struct user *u);

/* learning (issue 9): sales meetings and the case library */
/* page-meetings.c: a team's sales meetings, their agenda and attendance, the
 * case library; the meetings' parts of the home page, the rep page and the
 * calendar feed */
void page_meetings(struct request *r);
void page_meeting_new(struct request *r);
void page_meetings_post(struct request *r);
void page_meeting(struct request *r);
void page_meeting_items_post(struct request *r);
void page_meeting_item_delete_post(struct request *r);
void page_meeting_item_move_post(struct request *r);
void page_meeting_notes_post(struct request *r);
void page_meeting_prepared_post(struct request *r);
void page_meeting_held_post(struct request *r);
void page_meeting_attendance_post(struct request *r);
void page_cases(struct request *r);
void page_cases_post(struct request *r);
void page_case(struct request *r);
void page_case_post(struct request *r);
void page_case_retire_post(struct request *r);
void meetings_home_due(struct request *r);
void meetings_rep_section(struct request *r, const struct user *u);

/* development (issue 8): field coaching and one-on-ones */
/* page-one-on-ones.c: one-on-ones on a cadence, the agenda, points, actions, notes */
void page_one_on_ones(struct request *r);
void page_one_on_ones_post(struct request *r);
void page_one_on_ones_cadence_post(struct request *r);
void page_one_on_one(struct request *r);
void page_one_on_one_points_post(struct request *r);
void page_one_on_one_actions_post(struct request *r);
void page_one_on_one_action_done_post(struct request *r);
void page_one_on_one_notes_post(struct request *r);
void page_one_on_one_held_post(struct request *r);
void page_one_on_one_recognition_post(struct request *r);
/* page-observations.c: field coaching observations */
void page_observations(struct request *r);
void page_observation_new(struct request *r);
void page_observations_post(struct request *r);
void page_observation(struct request *r);
void page_observation_recognition_post(struct request *r);
/* coaching.c: the home page's "what is due" of one-on-ones (a manager's
 * overdue ones, a rep's next one), and the rep page's coaching section */
void coaching_home_due(struct request *r);
struct user;
void coaching_rep_section(struct request *r, const struct user *u);

/* levers (issue 10): improvement plans */
/* page-improve.c: underperformers — flags, diagnosis, improvement plans,
 * warnings, decisions and their history; the manager's "needs you now"
 * items on the home page and the plan on the rep page */
void page_improve_list(struct request *r);
void page_improve_new(struct request *r);
void page_improve_new_post(struct request *r);
void page_improve(struct request *r);
void page_improve_post(struct request *r);
void page_improve_items_post(struct request *r);
void page_improve_item_post(struct request *r);
void page_improve_decide_post(struct request *r);
void improve_home_due(struct request *r);
void improve_rep_section(struct request *r, const struct user *u);
/* levers (issue 10): pulse */
/* page-pulse.c: the wellbeing pulse — my check-in, trend and sharing; the team's pulse */
void page_pulse(struct request *r);
void page_pulse_post(struct request *r);
void page_pulse_sharing_post(struct request *r);
void page_team_pulse(struct request *r);
/* home's "needs you now" of the pulse (shared risks, a team average at or
 * below 2.5) and the rep page's section (only what the rep shares) */
void pulse_home_needs(struct request *r);
void pulse_rep_section(struct request *r, const struct user *u);
/* levers (issue 10): kudos, spotlight, badges and streaks */
/* page-kudos.c: kudos, the feed, the spotlight, badges and streaks */
void page_kudos(struct request *r);
void page_kudos_post(struct request *r);
void page_kudos_spotlight_post(struct request *r);
void kudos_home_section(struct request *r);
void kudos_home_needs(struct request *r);
void kudos_rep_section(struct request *r, const struct user *u);
void kudos_team_spotlight(struct request *r, int64_t team_id);
/* levers (issue 10): leaderboards and contests */
/* page-contests.c: leaderboards, contests, the TV view */
void page_leaderboards(struct request *r);
void page_leaderboards_setting_post(struct request *r);
void page_contests(struct request *r);
void page_contest_new(struct request *r);
void page_contest_new_post(struct request *r);
void page_contest(struct request *r);
void page_contest_edit(struct request *r);
void page_contest_edit_post(struct request *r);
void page_contest_delete_post(struct request *r);
void page_tv_leaderboard(struct request *r);
void page_tv_contest(struct request *r);

/* running it for real (issue 16): webhooks — page-admin-webhooks.c */
void page_admin_webhooks(struct request *r);
void page_admin_webhooks_post(struct request *r);
void page_admin_webhook(struct request *r);
void page_admin_webhook_post(struct request *r);
/* the admin's banner (home page, webhooks page) when a subscription was disabled */
void webhooks_disabled_banner(struct request *r);

/* levers (issue 10): the coach's inbox */
/* page-inbox.c: the inbox, dismiss and snooze; its count in the navigation
 * (-1: the caller has no inbox) and its top on the home page */
void page_inbox(struct request *r);
void page_inbox_dismiss_post(struct request *r);
void page_inbox_snooze_post(struct request *r);
long inbox_nav_count(struct request *r);
void inbox_home_section(struct request *r);
/* the caller's inbox, gathered once per request; NULL for a caller without one */
struct inbox;
const struct inbox *inbox_of(struct request *r);

/* levers (issue 10): the manager's own mirror */
/* page-mirror.c: the self-assessment and upward feedback (/mirror), a rep's
 * rounds to answer (/feedback) */
void page_mirror(struct request *r);
void page_mirror_post(struct request *r);
void page_mirror_round_post(struct request *r);
void page_mirror_round_close_post(struct request *r);
void page_feedback(struct request *r);
void page_feedback_post(struct request *r);

/* recruiting (issue 11): the talent pool and step or stop with candidates */
/* page-recruiting.c */
void page_recruiting(struct request *r);
void page_candidate_new(struct request *r);
void page_candidate_create(struct request *r);
void page_candidate(struct request *r);
void page_candidate_conv_post(struct request *r);
void page_candidate_invite_post(struct request *r);
/* the menu's Recruiting item: managers and admins, and anyone invited to
 * interview a candidate (access_recruiting_see) */
int recruiting_nav_shown(struct request *r);
/* page-vacancies.c: vacancies with their pipeline of stages */
void page_vacancies(struct request *r);
void page_vacancies_post(struct request *r);
void page_recruit_stage_add(struct request *r);
void page_recruit_stage_rename(struct request *r);
void page_vacancy(struct request *r);
void page_vacancy_move_post(struct request *r);
void page_vacancy_post(struct request *r);
/* page-scorecards.c: interviews and their scorecards (part 3) */
struct candidate;
/* the candidate page's interviews, scorecards, profile and scheduling form */
void scorecards_section(struct request *r, const struct candidate *c, enum candidate_view view);
/* ?scorecards=1&format=csv|xlsx on the candidate's page: the scorecards the
 * caller sees as a file (1: answered) */
int scorecards_export(struct request *r, const struct candidate *c, enum candidate_view view);
void page_interview_post(struct request *r);
void page_scorecard(struct request *r);
void page_scorecard_post(struct request *r);
void page_scorecard_reopen_post(struct request *r);
void page_interview_questions(struct request *r);
void page_interview_questions_post(struct request *r);
/* hiring (issue 11, part 3): what predicts top performance here, hiring a
 * candidate, and back into the pool */
/* page-hiring-profile.c */
void page_hiring_profile(struct request *r);
struct candidate;
/* the candidate page's links (one line in its header): the hiring profile,
 * and the hire page when the caller sees the candidate whole */
void hiring_candidate_links(struct request *r, const struct candidate *c, int whole);
/* page-recruiting.c: a candidate's details edited */
void page_candidate_edit(struct request *r);
void page_candidate_edit_post(struct request *r);
/* page-hire.c */
void page_candidate_hire(struct request *r);
void page_candidate_hire_post(struct request *r);
void page_candidate_pool_post(struct request *r);
/* page-candidate-data.c: a candidate's data exported or erased (admins) */
/* loads the candidate of the route for an admin's data action (export,
 * erase): 0, or -1 after answering 404 (not seen at all) or 403 (seen, not
 * an admin: access_candidate_data). Pages and API alike */
int candidate_data_load(struct request *r, struct candidate *c);
void page_candidate_export(struct request *r);
void page_candidate_erase_form(struct request *r);
void page_candidate_erase_post(struct request *r);
/* page-recruit-figures.c: the recruiting figures (managers, admins) */
void page_recruit_figures(struct request *r);
/* page-vacancies.c: a vacancy's title, team, territory, dates and status edited */
void page_vacancy_edit(struct request *r);
void page_vacancy_edit_post(struct request *r);
/* page-recruit-import.c: candidates imported from a CSV file */
void page_recruit_import(struct request *r);
void page_recruit_import_post(struct request *r);

/* running it for real (issue 16): the audit log */
/* page-admin-audit.c: the audit log, its filters, exports and retention */
void page_admin_audit(struct request *r);
void page_admin_audit_retention_post(struct request *r);

/* levers (issue 10), more: a team's leaderboard setting on the teams page
 * (page-teams.c); the inbox's export is ?format= on GET /inbox */
void page_team_leaderboard_post(struct request *r);

#endif
