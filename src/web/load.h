/*
 * load: the only way a page or an API handler gets an object by its id.
 * Each loader reads the object within the caller's organisation, asks
 * domain/access.c whether the caller may do what they need with it, and
 * when not, answers for the handler — 404 when the organisation has no such
 * object, 403 when it is a colleague's the caller may not see or change,
 * 503/500 when the database failed; a page or JSON as the route speaks
 * (resp_error) — and returns NULL. A handler just writes
 *
 *	struct deal *d = deal_load_or_reply(r, r->id, NEED_CHANGE);
 *	if (!d)
 *		return;
 *
 * (after Redis's lookupKeyReadOrReply). The objects live in the request's arena.
 */
#ifndef SG_WEB_LOAD_H
#define SG_WEB_LOAD_H
#include "../http/request.h"
#include "../store/deals.h"
#include "../store/conversations.h"
#include "../store/users.h"
#include "../store/teams.h"
#include "../store/numbers.h"
#include "../store/stages.h"
#include "../store/reasons.h"

/* NEED_SEE, NEED_CHANGE, NEED_CLOSE: access_deal; NEED_REASSIGN as well (the
 * new owner is checked by load_check_new_owner) */
struct deal *deal_load_or_reply(struct request *r, int64_t id, enum access_need need);
/* NEED_SEE: access_account_see; NEED_CHANGE: access_account_change */
struct account *account_load_or_reply(struct request *r, int64_t id, enum access_need need);
/* NEED_SEE: access_activity_see; NEED_CHANGE: access_conversation_change */
struct conversation *conversation_load_or_reply(struct request *r, int64_t id, enum access_need need);
/* NEED_SEE: access_activity_see; NEED_CHANGE/NEED_CLOSE: access_step_change */
struct step_row *step_load_or_reply(struct request *r, int64_t id, enum access_need need);
/* a person whose work (deals, conversations, steps, figures) the caller
 * needs: access_deal; NEED_ENTRY: their directory entry (access_profile);
 * NEED_ADMINISTER: the admin pages (access_admin); NEED_PRIVATE: their private
 * data, such as the rep page (access_private) */
struct user *user_load_or_reply(struct request *r, int64_t id, enum access_need need);
/* NEED_SEE: the team's aggregates (access_team_aggregates); NEED_CHANGE:
 * its reps one by one (access_team_reps); NEED_ENTRY: the team and its
 * member list (access_team); NEED_ADMINISTER: the admin pages (access_admin) */
struct team *team_load_or_reply(struct request *r, int64_t id, enum access_need need);
/* NEED_SEE: access_stage_see; NEED_CHANGE: access_stage_change */
struct stage *stage_load_or_reply(struct request *r, int64_t id, enum access_need need);
/* NEED_SEE: access_target_see; NEED_CHANGE: access_target_set */
struct target *target_load_or_reply(struct request *r, int64_t id, int fiscal_start_month, enum access_need need);

/* the activity (access.h) of a conversation or step, reading its author and
 * its deal's owner; E_OK or the store's error */
enum err load_activity(struct request *r, int64_t rep_id, int64_t deal_id, int64_t account_id,
		       struct activity *out);

/* may the caller give a deal to user id (access_deal_assign)? 1 yes; 0 no
 * (no such user in the organisation, deactivated, or not someone whose deals
 * the caller sees); -1 when the database failed (e is set) */
int load_may_assign(struct request *r, int64_t id, enum err *e);

/* answers a store error: 503 with Retry-After when the database is away,
 * else logged and 500 */
void load_store_error(struct request *r, enum err e);

/* one of the organisation's reasons (issue 14). NEED_SEE: access_reason_see;
 * NEED_CHANGE: access_reason_change */
struct reason *reason_load_or_reply(struct request *r, int64_t id, enum access_need need);

/* development (issue 8): the competency framework and assessments */
#include "../store/assessments.h"
/* the access.h view of a form (round_open: its round is open) */
struct assessment_form load_assessment_form(const struct assessment *a);
/* a form: NEED_SEE: access_assessment_see; NEED_CHANGE: access_assessment_rate
 * — the rater of a form whose round is closed gets 400 (field "round"), of a
 * form submitted already 409, anyone else 403/404 as for NEED_SEE */
struct assessment *assessment_load_or_reply(struct request *r, int64_t id, enum access_need need);
/* a round: NEED_SEE: access_round_see; NEED_CHANGE: access_round_manage */
struct assessment_round *round_load_or_reply(struct request *r, int64_t id, enum access_need need);
#include "../store/traits.h"
/* a trait (in the reader's language): NEED_SEE: access_traits_see; NEED_CHANGE: access_traits_change */
struct trait *trait_load_or_reply(struct request *r, int64_t id, enum access_need need);

/* development (issue 8): a rep's profile and the team matrix */
/* the team of the traits matrix: access_team_traits (its leader only) */
struct team *team_traits_load_or_reply(struct request *r, int64_t id);

/* development (issue 8): development plans and recognition */
#include "../store/plans.h"
/* a development plan, with its rep as a person (access.h). NEED_SEE:
 * access_plan_see; NEED_CHANGE: access_plan_manage (goals, actions, close);
 * NEED_PRIVATE: access_plan_checkin (add a check-in). rep may be NULL. */
struct plan *plan_load_or_reply(struct request *r, int64_t id, enum access_need need, struct person *rep);
/* an action of plan plan_id (404 when the plan has no such action), with
 * its plan: NEED_SEE: access_plan_see; NEED_CLOSE: access_plan_action_done;
 * NEED_CHANGE: access_plan_manage */
struct plan_action *plan_action_load_or_reply(struct request *r, int64_t plan_id, int64_t id, enum access_need need);
/* a goal of plan plan_id (404 when the plan has no such goal): NEED_SEE or
 * NEED_CHANGE as for its plan */
struct plan_goal *plan_goal_load_or_reply(struct request *r, int64_t plan_id, int64_t id, enum access_need need);
/* the rep a plan is made for: NEED_CHANGE: access_plan_manage; NEED_SEE:
 * access_plan_see (their plans listed) */
struct user *plan_rep_load_or_reply(struct request *r, int64_t rep_id, enum access_need need);
/* a rep to recognise (access_recognise), NULL after answering */
struct user *recognise_load_or_reply(struct request *r, int64_t rep_id);

/* learning (issue 9): the learning log and suggested or mandatory training */
#include "../store/learning-log.h"
/* an activity of the learning log, with its rep as a person (rep may be
 * NULL). NEED_SEE: access_learning_see; NEED_CHANGE: access_learning_change
 * (edit); NEED_ADMINISTER: access_learning_delete (delete); NEED_CLOSE:
 * access_learning_answer (accept, decline, done) */
struct learning_row *learning_load_or_reply(struct request *r, int64_t id, enum access_need need, struct person *rep);
/* the rep whose log the caller asks for: NEED_SEE access_learning_see (the
 * log), NEED_CHANGE access_learning_log (log one for the rep), NEED_REASSIGN
 * access_learning_suggest (suggest one to the rep) */
struct user *learning_rep_load_or_reply(struct request *r, int64_t rep_id, enum access_need need);
/* a team to assign a mandatory training to: access_learning_assign */
struct team *learning_team_load_or_reply(struct request *r, int64_t team_id);
/* a mandatory training and its counts as of today: access_learning_assign on its team */
struct learning_assignment *learning_assignment_load_or_reply(struct request *r, int64_t id);

/* learning (issue 9): the achievement-orientation index and the team's learning */
/* the rep whose index the caller asks for: access_learning_index_see (the
 * rep, whoever leads the rep's team) */
struct user *learning_index_rep_load_or_reply(struct request *r, int64_t rep_id);
/* the team whose learning the caller asks for: access_learning_team_aggregate
 * (its members and managers, the organisation's admins); the caller asks
 * access_learning_team_reps before showing its reps one by one */
struct team *learning_index_team_load_or_reply(struct request *r, int64_t team_id);

/* learning (issue 9): the library */
#include "../store/library.h"
/* a library item (in the reader's language): NEED_SEE access_library_see
 * (every member); NEED_CHANGE access_library_manage (managers and admins:
 * edit, retire, suggest) */
struct library_item *library_item_load_or_reply(struct request *r, int64_t id, enum access_need need);
/* a loan: NEED_SEE access_library_see (the borrower's name is the
 * organisation's); NEED_CLOSE access_library_return (its borrower, the
 * manager who leads the borrower's team, an admin) */
struct library_loan *library_loan_load_or_reply(struct request *r, int64_t id, enum access_need need);
/* the rep an item is suggested to: access_library_suggest */
struct user *library_suggest_rep_load_or_reply(struct request *r, int64_t rep_id);
/* the rep a manager lends a copy to: access_library_lend_for */
struct user *library_lend_rep_load_or_reply(struct request *r, int64_t rep_id);

/* learning (issue 9): sales meetings and the case library */
#include "../store/meetings.h"
/* a team's sales meeting: NEED_SEE access_meeting_see (the team's members,
 * its manager, the admins); NEED_CHANGE access_meeting_manage (its manager
 * and the admins: agenda, notes, prepared, held, attendance) */
struct meeting *meeting_load_or_reply(struct request *r, int64_t id, enum access_need need);
/* a case of the library: NEED_SEE access_case_see; NEED_CHANGE access_case_change */
struct practice_case *case_load_or_reply(struct request *r, int64_t id, enum access_need need);

/* development (issue 8): field coaching and one-on-ones */
#include "../store/one-on-ones.h"
/* a one-on-one: NEED_SEE access_one_on_one_see (the rep and whoever leads the
 * rep's team: its agenda, points, shared notes and actions); NEED_CHANGE
 * access_one_on_one_manage (that manager: notes, held, scheduling) */
struct one_on_one *ooo_load_or_reply(struct request *r, int64_t id, enum access_need need);
/* the rep whose one-on-ones the caller asks for: NEED_SEE
 * access_one_on_one_see, NEED_CHANGE access_one_on_one_manage (set the
 * cadence, schedule one) */
struct user *ooo_rep_load_or_reply(struct request *r, int64_t rep_id, enum access_need need);
#include "../store/observations.h"
/* an observation: access_observation_see (the rep, whoever leads the rep's
 * team, its observer) */
struct observation *obs_load_or_reply(struct request *r, int64_t id);
/* the rep an observation is about, for writing one: access_observation_write */
struct user *obs_rep_load_or_reply(struct request *r, int64_t rep_id);
/* the rep whose observations are listed: access_observation_list */
struct user *obs_list_load_or_reply(struct request *r, int64_t rep_id);
/* the rep's observations beside an assessment form (newest first): those
 * since the rep's previous round (the last 12 months when there is none);
 * none when the caller may not list them on this form
 * (access_assessment_observations) */
enum err obs_for_assessment(struct request *r, const struct assessment *a, struct obs_list *out);
/* may observation obs_id be stored as the evidence of trait_id on form a:
 * E_OK; E_FORBIDDEN when there is no such observation in the organisation,
 * it is another rep's, the caller may not see it
 * (access_assessment_observation_use), or it neither scored nor described
 * the trait; other store errors as they come */
enum err obs_evidence_check(struct request *r, const struct assessment *a, int64_t obs_id, int64_t trait_id);

/* levers (issue 10): improvement plans */
#include "../store/improve.h"
/* an improvement plan, with its rep as a person. NEED_SEE:
 * access_improve_see (the rep does not see a flag without a plan);
 * NEED_CHANGE: access_improve_manage (diagnosis, days, items, decision).
 * rep may be NULL */
struct improve_plan *improve_load_or_reply(struct request *r, int64_t id, enum access_need need, struct person *rep);
/* the rep an improvement plan is made for: NEED_CHANGE:
 * access_improve_manage; NEED_SEE: access_private (their plans listed) */
struct user *improve_rep_load_or_reply(struct request *r, int64_t rep_id, enum access_need need);

/* running it for real (issue 16): webhooks */
#include "../store/webhooks.h"
/* a webhook subscription of the caller's organisation (access_webhook_manage
 * first: nothing is read for a caller who may not manage them) */
struct webhook *webhook_load_or_reply(struct request *r, int64_t id);

#endif
