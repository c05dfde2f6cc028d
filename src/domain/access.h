/*
 * access: who may see and do what — decided here, once, for every page and
 * endpoint (web/ and api/ ask these functions through web/load.c and never
 * write a rule out themselves). Plain structs in, a yes or no out; no SQL,
 * no I/O. tests/unit/test-access.c checks every kind of object against
 * every relation of caller to object.
 *
 * The rules, as decided for issue 13:
 *
 *   - nobody sees another organisation's anything; a caller without a role
 *     or deactivated sees nothing;
 *   - people: an admin manages users and teams of the organisation (the
 *     directory), but reads a rep's private data only if they also lead the
 *     rep's team; a manager sees the reps of the teams they lead, private
 *     data included; a rep sees their own private data and never another
 *     rep's;
 *   - "admin, or leads the team" is access_manages_team, the one copy;
 *   - teams: every member of the organisation may know a team exists; its
 *     member list and its aggregate figures (the commitment figures of the
 *     team as a whole, team totals) are for whoever manages it and for the
 *     team's own members — a rep sees how their team does, but never
 *     another rep's own figures (tiers, concentration, the numbers grid and
 *     per-rep targets are private data and follow access_private);
 *   - deals: a rep sees and works on their own; a manager those of the reps
 *     in the teams they lead, and their own; an admin all of the
 *     organisation. Lists are filtered in SQL by access_deal_scope. A deal
 *     is given (created for, reassigned) only to an ACTIVE user of the
 *     organisation whose deals the caller may see, in the form and the API
 *     alike;
 *   - accounts and their contacts are the organisation's shared address
 *     book: every member sees them and may add one, so two reps do not each
 *     create "Acme" (step or stop: reps work on shared accounts). Renaming
 *     an account is for whoever may see its owner's deals, or anyone when it
 *     has no owner. The deals under an account stay scoped as deals are;
 *   - conversations and steps are the work on a deal: seen by whoever may
 *     see the deals of their author (the rep who logged them) or of the
 *     owner of their deal;
 *   - a conversation is changed (kind, minutes, notes) only by its author:
 *     not by the deal's owner, not by a manager;
 *   - a step is changed (kept, moved, cancelled) by whoever may see it —
 *     its author and the owner of its deal, and those who may see their
 *     deals — the same on the agenda page and in the API;
 *   - logging a conversation follows up the open steps of the deal it is
 *     about, whoever logged them (the deal's story moved on); a
 *     conversation without a deal only the open steps without a deal on the
 *     same account that its own author logged — never another rep's
 *     (access_conversation_closes_step decides WHICH steps). How each ends
 *     is the user's answer, not this rule: the form asks "was the step
 *     kept?" (kept, slipped to a new date, missed, or left open while not
 *     yet due); unanswered steps close as kept, or missed when late, only
 *     once they are due by the day of the conversation (or the
 *     conversation ends in a stop) — domain/commitment.h step_answer_status;
 *   - targets: a rep sees their own, a manager sets and sees those of the
 *     reps of the teams they lead, an admin every one;
 *   - stages: the organisation's pipeline, seen by every member, changed
 *     by its admins;
 *   - imports: admins of the organisation;
 *   - API tokens: their owner, and the organisation's admins.
 *
 * Whose figures a page or endpoint shows when the caller names nobody
 * (no rep=, team= or who=) is access_default_scope, the one answer for all
 * of them: an admin the organisation, a manager who leads teams all of those
 * teams, anyone else themself.
 */
#ifndef SG_ACCESS_H
#define SG_ACCESS_H
#include <stdint.h>
#include <stddef.h>

enum role { ROLE_NONE = 0, ROLE_REP = 1, ROLE_MANAGER = 2, ROLE_ADMIN = 3 };

/* "rep", "manager", "admin" -> role; ROLE_NONE otherwise */
enum role role_parse(const char *s);
const char *role_name(enum role r);	/* "rep", "manager", "admin" */

struct viewer {
	int64_t id, org_id;
	enum role role;
	int64_t team_id;		/* the team the viewer belongs to, 0 if none */
	const int64_t *led_teams;	/* teams the viewer manages */
	size_t nled;
	int inactive;			/* deactivated: may do nothing (zero: active) */
};

struct person {
	int64_t id, org_id;
	int64_t team_id;		/* 0 if in no team */
};

/* what a handler wants to do with an object it loads (web/load.h) */
enum access_need {
	NEED_SEE = 0,		/* read it */
	NEED_CHANGE,		/* edit it */
	NEED_CLOSE,		/* steps: keep, move or cancel; deals: win, lose, pause, reopen */
	NEED_REASSIGN,		/* deals: give to someone else */
	NEED_ENTRY,		/* people and teams: the directory entry (access_profile, access_team) */
	NEED_ADMINISTER,	/* people, teams: the admin pages (access_admin) */
	NEED_PRIVATE,		/* people: their private data, e.g. the rep page (access_private) */
};

int access_leads_team(const struct viewer *v, int64_t team_id);
/* a manager or an admin who leads at least one team: the one who is shown
 * the leader's parts of a page (the team's one-on-ones due, meetings to
 * prepare, "suggest to a rep of yours", the teams' overdue trainings) */
int access_leads_any_team(const struct viewer *v);
/* an admin of the organisation, or the manager who leads the team: the one
 * "admin or leads the team" */
int access_manages_team(const struct viewer *v, int64_t org_id, int64_t team_id);
/* private data: assessments, notes, plans, check-ins, coaching, a rep's own
 * numbers, targets and tiers */
int access_private(const struct viewer *v, const struct person *p);
/* directory entry: name, e-mail, role, team */
int access_profile(const struct viewer *v, const struct person *p);
/* add/deactivate users, create teams and change their manager; stages,
 * numbers settings, imports */
int access_admin(const struct viewer *v, int64_t org_id);
/* a team's member list */
int access_team(const struct viewer *v, int64_t org_id, int64_t team_id);
/* a team's aggregate figures (as a whole, no one rep's): its managers and
 * its own members */
int access_team_aggregates(const struct viewer *v, int64_t org_id, int64_t team_id);
/* the rep-by-rep figures of a team (the numbers grid, tiers, concentration) */
int access_team_reps(const struct viewer *v, int64_t org_id, int64_t team_id);

/* deals */
enum scope { SCOPE_ALL = 0, SCOPE_SELF = 1, SCOPE_LED = 2 };
enum scope access_deal_scope(const struct viewer *v);
/* may the viewer see (and work on) deals owned by owner? */
int access_deal(const struct viewer *v, const struct person *owner);
/* may the viewer give a deal to this person (new owner)? to_active: is the
 * person's account active */
int access_deal_assign(const struct viewer *v, const struct person *to, int to_active);

/* accounts: org_id is the account's organisation, owner (NULL: none) its owner */
int access_account_see(const struct viewer *v, int64_t org_id);
int access_account_change(const struct viewer *v, int64_t org_id, const struct person *owner);
/* adding a contact to an account */
int access_contact_add(const struct viewer *v, int64_t org_id);

/* conversations and steps: the work on an account or a deal */
struct activity {
	struct person author;		/* the rep who logged it */
	int64_t deal_id;		/* 0: none */
	struct person deal_owner;	/* when deal_id */
	int64_t account_id;
};
int access_activity_see(const struct viewer *v, const struct activity *a);
int access_conversation_change(const struct viewer *v, const struct activity *c);
int access_step_change(const struct viewer *v, const struct activity *s);
/* does logging conversation c follow up the open step s (the user's answer,
 * or step_answer_status's rule, then says how it ends)? */
int access_conversation_closes_step(const struct activity *c, const struct activity *s);

/* targets: rep is whose target it is */
int access_target_see(const struct viewer *v, const struct person *rep);
int access_target_set(const struct viewer *v, const struct person *rep);

/* the stages of the organisation's pipeline */
int access_stage_see(const struct viewer *v, int64_t org_id);
int access_stage_change(const struct viewer *v, int64_t org_id);

/* imports of the organisation */
int access_import(const struct viewer *v, int64_t org_id);

/* API tokens: a user lists and revokes their own; an admin those of anyone
 * in the organisation (to shut out a token that leaked without deactivating
 * its owner). owner is the tokens' user. */
int access_tokens(const struct viewer *v, const struct person *owner);
/* the owner whose tokens the viewer may revoke by id: 0 for any of the
 * organisation (an admin), else the viewer */
int64_t access_tokens_owner(const struct viewer *v);

/* the organisation's one list of reasons (STOP and lost, issue 14): every
 * member reads it (it is what the selects offer); its admins change it */
int access_reason_see(const struct viewer *v, int64_t org_id);
int access_reason_change(const struct viewer *v, int64_t org_id);

/* development (issue 8): the competency framework and assessments */
/*
 * Assessments. A form is one rater's ratings of one rep in one round: the
 * rep's own (self), the manager's, or an invited peer's. The rules:
 *   - nothing crosses organisations; a deactivated or role-less caller sees
 *     nothing;
 *   - the rater sees their own form, and changes it while it is a draft and
 *     its round is open;
 *   - the rep sees their own self form, and the manager's form once it is
 *     submitted (so the manager's scores do not anchor the rep's own); never
 *     a peer's form;
 *   - whoever leads the rep's team (a manager, or an admin who leads it)
 *     sees the manager form, the rep's self form once the rep submitted it,
 *     and peer forms once submitted;
 *   - a peer sees only the form they were invited to, never the others;
 *   - an admin who does not lead the rep's team sees no scores at all: they
 *     see the names and completion counts of the rounds they opened (and of
 *     teams they lead), nothing more (access_round_see);
 * The framework itself (traits, sub-skills, anchors) is seen by every member
 * and changed by the organisation's admins (access_traits_see/_change).
 */
enum rater_kind { RATER_SELF = 0, RATER_MANAGER, RATER_PEER };
struct assessment_form {
	int64_t org_id;
	struct person rep;		/* whose assessment (their current team) */
	int64_t rater_id;
	enum rater_kind kind;
	int submitted;
	int round_open;
};
/* see the form and its scores */
int access_assessment_see(const struct viewer *v, const struct assessment_form *f);
/* save or submit scores on it */
int access_assessment_rate(const struct viewer *v, const struct assessment_form *f);
/* a round of a team (team_id) or an ad-hoc one for one rep (rep.id) */
struct assessment_round_ref {
	int64_t org_id, team_id, opened_by;
	struct person rep;		/* ad hoc: the rep; else id 0 */
};
/* open a round for a team: its leader, or any admin of the organisation */
int access_round_open(const struct viewer *v, int64_t org_id, int64_t team_id);
/* open an ad-hoc round for one rep: whoever leads the rep's team, or an admin */
int access_round_open_rep(const struct viewer *v, const struct person *rep);
/* see a round's name, due date and completion counts (not its scores):
 * whoever opened it, and whoever leads its team (the rep's team, ad hoc) */
int access_round_see(const struct viewer *v, const struct assessment_round_ref *r);
/* close a round, invite peers into it: the same people as access_round_see */
int access_round_manage(const struct viewer *v, const struct assessment_round_ref *r);
/* may peer be invited to rate rep: an active member of the same
 * organisation, not the rep */
int access_peer_invite(const struct viewer *v, const struct person *rep, const struct person *peer,
		       int peer_active);
/* the competency framework: seen by every member, changed by admins */
int access_traits_see(const struct viewer *v, int64_t org_id);
int access_traits_change(const struct viewer *v, int64_t org_id);

/* development (issue 8): a rep's profile and the team matrix */
/* a rep's competency profile (ratings, the weakest trait, growth) is the
 * rep's private data: access_private, no rule of its own. The team matrix
 * shows a team's reps' ratings one by one, so it is for whoever leads the
 * team — its manager, or an admin who leads it; unlike the team's numbers
 * (access_team_reps), not every admin: an admin who does not lead a rep's
 * team does not read the rep's assessments */
int access_team_traits(const struct viewer *v, int64_t org_id, int64_t team_id);

/* development (issue 8): development plans and recognition */
/* development plans and recognition. A plan is the rep's private data
 * (access_private): seen by the rep and by the managers who lead the rep's
 * team (an admin only if they lead it too), nobody else. Who does what:
 *   - the manager (access_plan_manage: leads the rep's team, and is not the
 *     rep) creates the plan, adds and edits goals and actions, closes it,
 *     and recognises the rep's effort; the rep does not write their own plan
 *     (it is agreed with the manager, who answers for it);
 *   - the rep and the manager both add check-ins (access_plan_checkin: the
 *     rep reports on their own progress between meetings);
 *   - an action is marked done by the manager, or by the rep when the rep
 *     owns it (access_plan_action_done) — not the manager's own actions;
 *   - a recognition's note is seen by the rep and their managers only
 *     (access_recognition_see); others never see it. */
int access_plan_see(const struct viewer *v, const struct person *rep);
int access_plan_manage(const struct viewer *v, const struct person *rep);
int access_plan_checkin(const struct viewer *v, const struct person *rep);
int access_plan_action_done(const struct viewer *v, const struct person *rep, int64_t owner_id);
int access_recognise(const struct viewer *v, const struct person *rep);
int access_recognition_see(const struct viewer *v, const struct person *rep);

/* learning (issue 9): the learning log and suggested or mandatory training */
/*
 * The learning log. A rep's activities and their reflections are the rep's
 * private data, as a one-on-one is: seen by the rep and by whoever leads
 * the rep's team (a manager, or an admin who leads it) — not other reps,
 * not a manager of another team, not an admin who does not lead the team
 * (access_learning_see). Who does what:
 *   - the rep logs their own; the leading manager logs for the rep
 *     (access_learning_log);
 *   - an activity is changed or deleted by the rep (their own log, but not
 *     an open suggestion or an open mandatory training: those are answered
 *     or completed) and by whoever logged it while they lead the rep's team
 *     (access_learning_change); a mandatory training's row is never
 *     deleted, done or not, so its completion stays counted
 *     (access_learning_delete);
 *   - the leading manager (not the rep) suggests an activity to the rep
 *     (access_learning_suggest); only the rep accepts, declines or marks
 *     done what was suggested or assigned to them (access_learning_answer);
 *   - a mandatory training is assigned to a team, and its completion table
 *     seen, by whoever leads that team (access_learning_assign).
 */
struct learning_ref {
	struct person rep;		/* whose activity (their current team) */
	int64_t created_by;
	const char *status;		/* "done", "suggested", "accepted", "declined", "assigned" */
	int64_t assignment_id;		/* 0: not a mandatory training's row */
};
int access_learning_see(const struct viewer *v, const struct person *rep);
int access_learning_log(const struct viewer *v, const struct person *rep);
int access_learning_change(const struct viewer *v, const struct learning_ref *l);
int access_learning_delete(const struct viewer *v, const struct learning_ref *l);
int access_learning_suggest(const struct viewer *v, const struct person *rep);
int access_learning_answer(const struct viewer *v, const struct learning_ref *l);
int access_learning_assign(const struct viewer *v, int64_t org_id, int64_t team_id);

/* learning (issue 9): the achievement-orientation index and the team's learning */
/*
 * The achievement-orientation index and the team's learning. A rep's index,
 * its parts and their learning hours are the rep's private data
 * (access_private): the rep and whoever leads the rep's team (a manager,
 * or an admin who leads it). The team's learning page shows:
 *   - the team's aggregate (learning hours per month by origin, no one
 *     rep's figures) to its members and whoever manages it
 *     (access_team_aggregates, admins included);
 *   - the rep-by-rep table (each rep's index, the lists of names, the
 *     scatter against attainment, the superstars' share) to whoever leads
 *     the team only, as the team traits matrix (access_team_traits): an
 *     admin who does not lead the team does not read its reps' indexes.
 */
int access_learning_index_see(const struct viewer *v, const struct person *rep);
int access_learning_team_aggregate(const struct viewer *v, int64_t org_id, int64_t team_id);
int access_learning_team_reps(const struct viewer *v, int64_t org_id, int64_t team_id);

/* learning (issue 9): the library */
/* the library is the organisation's: every member sees the catalogue, an
 * item, who has each lent copy (the borrower's NAME and the loan's dates —
 * nothing else about the borrower), the waiting list and the ratings; a
 * takeaway is the reader's reflection and goes to their learning log
 * (access_private), never onto the item. Who does what:
 *   - every member borrows, joins and leaves a waiting list for themself;
 *   - managers and admins add, edit and retire items, and see the overview
 *     of open loans (/library/loans);
 *   - a loan is returned by its borrower, by a manager who leads the
 *     borrower's team, or by an admin (a book handed in at the desk);
 *   - a manager suggests an item to a rep of a team they lead (an admin
 *     only when they lead the rep's team too), never to themself, and may
 *     lend a copy to such a rep (access_library_lend_for, the same rule). */
int access_library_see(const struct viewer *v, int64_t org_id);
int access_library_borrow(const struct viewer *v, int64_t org_id);
int access_library_manage(const struct viewer *v, int64_t org_id);
int access_library_loans(const struct viewer *v, int64_t org_id);
int access_library_return(const struct viewer *v, const struct person *borrower);
int access_library_suggest(const struct viewer *v, const struct person *rep);
int access_library_lend_for(const struct viewer *v, const struct person *rep);

/* learning (issue 9): sales meetings and the case library */
/*
 * A team's sales meetings and the case library. The rules:
 *   - nothing crosses organisations; a deactivated or role-less caller sees
 *     nothing;
 *   - a meeting (its agenda, notes and attendance) is team business: seen
 *     by the team's members, the manager who leads the team and the
 *     organisation's admins, as the team's other pages are
 *     (access_meeting_see = access_team);
 *   - the team's managers create and run its meetings — the agenda, notes,
 *     prepared, held, attendance — and so do the admins
 *     (access_meeting_manage = access_manages_team); reps do not;
 *   - attendance is taken of the members of the meeting's team only
 *     (access_meeting_attendee): a rep of another team is refused;
 *   - the case library is the organisation's: every member reads it
 *     (access_case_see); managers who lead a team and the admins add, edit
 *     and retire cases (access_case_change).
 */
int access_meeting_see(const struct viewer *v, int64_t org_id, int64_t team_id);
int access_meeting_manage(const struct viewer *v, int64_t org_id, int64_t team_id);
/* may p be on the attendance list of a meeting of team_id */
int access_meeting_attendee(const struct person *p, int64_t org_id, int64_t team_id);
int access_case_see(const struct viewer *v, int64_t org_id);
int access_case_change(const struct viewer *v, int64_t org_id);

/* development (issue 8): field coaching and one-on-ones */
/*
 * One-on-ones and field coaching. The rules:
 *   - nothing crosses organisations; a deactivated or role-less caller sees
 *     nothing;
 *   - a one-on-one (its agenda, points, shared notes and actions) is seen by
 *     the rep and by whoever leads the rep's team (a manager, or an admin who
 *     leads it) — not by other managers, other reps, nor by an admin who
 *     does not lead the team (access_one_on_one_see); the rep and that
 *     manager add points and actions and tick actions done;
 *   - the cadence, scheduling, marking held, the shared notes and the
 *     private manager notes are the leading manager's alone, never the
 *     rep's (access_one_on_one_manage); private notes are seen by that
 *     manager only (access_one_on_one_private);
 *   - an observation is seen by the rep, by whoever leads the rep's team,
 *     and by its observer (a colleague who rode along sees their own, no
 *     other) (access_observation_see);
 *   - an observation of a rep is written by whoever leads the rep's team, or
 *     by a colleague of the same team who rode along — never by the rep
 *     about themself, never about a rep of another team
 *     (access_observation_write).
 * rep is the rep's person record with their current team.
 */
int access_one_on_one_see(const struct viewer *v, const struct person *rep);
int access_one_on_one_manage(const struct viewer *v, const struct person *rep);
int access_one_on_one_private(const struct viewer *v, const struct person *rep);
/* an agenda point in a section: the rep adds to their own points (section
 * "rep") only, the leading manager to any section */
int access_one_on_one_point(const struct viewer *v, const struct person *rep, const char *section);
struct observation_ref {
	struct person rep;
	int64_t observer_id;
};
int access_observation_see(const struct viewer *v, const struct observation_ref *o);
int access_observation_write(const struct viewer *v, const struct person *rep);
/* the list of a rep's observations and the trait evidence from them: the
 * rep and whoever leads the rep's team (an observer reaches their own one
 * by one, access_observation_see) */
int access_observation_list(const struct viewer *v, const struct person *rep);
/* observations pulled into an assessment as evidence: the form's own rater
 * — of a manager form, or the rep on their own self form — sees the rep's
 * observations beside the traits when they may list them
 * (access_observation_list: the rep, whoever leads the rep's team); a peer's
 * form never lists them, nor does anyone who is not the form's rater */
int access_assessment_observations(const struct viewer *v, const struct assessment_form *f);
/* and may store one (o) as a score's evidence: the form lists observations,
 * the observation is of the same organisation and the same rep as the form,
 * and the viewer may see it (access_observation_see) */
int access_assessment_observation_use(const struct viewer *v, const struct assessment_form *f,
				      const struct observation_ref *o);

/* whose figures when nobody is named: see above */
enum default_scope { DEFAULT_SELF = 0, DEFAULT_LED, DEFAULT_ORG };
enum default_scope access_default_scope(const struct viewer *v);

/* running it for real (issue 16): /metrics. With a token configured
 * (SALESGARDEN_METRICS_TOKEN), exactly that bearer token, from anywhere;
 * without one, only a caller on this machine that did not come through a
 * proxy (a reverse proxy on the same host is loopback too, but says so in
 * X-Forwarded-For) */
int access_metrics(int loopback, int forwarded, const char *token_set, const char *bearer_given);
/* levers (issue 10): improvement plans */
/*
 * Improvement plans for underperformers. A plan is the rep's private data
 * (access_private): the rep and whoever leads the rep's team (a manager, or
 * an admin who leads it) — not other reps, not a manager of another team,
 * not an admin who does not lead the team. Who does what:
 *   - the leading manager (not the rep) flags the rep, records the
 *     diagnosis and the plan, its expectations, support and reviews, and
 *     decides (access_improve_manage);
 *   - the diagnosis, its notes and the decision note are the manager's
 *     alone: never the rep's (access_improve_diagnosis);
 *   - the rep sees their plan once it is a plan: a flag without a plan is
 *     the manager's note to self (access_improve_see with status "flagged"
 *     is 0 for the rep).
 */
struct improve_ref {
	struct person rep;		/* whose plan (their current team) */
	const char *status;		/* "flagged", "open", "closed" */
};
int access_improve_see(const struct viewer *v, const struct improve_ref *p);
int access_improve_manage(const struct viewer *v, const struct person *rep);
int access_improve_diagnosis(const struct viewer *v, const struct person *rep);
/* levers (issue 10): pulse */
/*
 * The wellbeing pulse. A rep's answers are their own: no manager, no admin
 * (no backdoor: an admin follows the managers' rules) reads them, except
 *   - the rep themself (access_pulse_answer: only the rep answers their own
 *     pulse; access_pulse_individual with shared 0);
 *   - whoever leads the rep's team (a manager, or an admin who leads it),
 *     while the rep shares their pulse (shared 1) — revoked, it is gone;
 *   - a team's weekly averages (only weeks with at least three answers that
 *     have closed: domain/pulse.h) are for whoever leads the team
 *     (access_pulse_team) — not an admin who does not lead it, not its reps.
 */
int access_pulse_answer(const struct viewer *v, const struct person *rep);
int access_pulse_individual(const struct viewer *v, const struct person *rep, int shared);
int access_pulse_team(const struct viewer *v, int64_t org_id, int64_t team_id);
/* levers (issue 10): kudos, spotlight, badges and streaks */
/*
 * Kudos, the spotlight, badges and streaks. The rules:
 *   - nothing crosses organisations; a deactivated or role-less caller
 *     gives and sees nothing;
 *   - anyone gives kudos to an active colleague of their own organisation,
 *     never to themself (access_kudos_give); a colleague of another
 *     organisation is not found, and the form says so on the field;
 *   - kudos are the team's: seen by the members of the team the recipient
 *     was in when they were given and by whoever manages that team (its
 *     manager, the admins), and always by their giver and their recipient
 *     (access_kudos_see); an admin's feed is the organisation's
 *     (access_kudos_feed_all);
 *   - a spotlight is written by whoever manages the team (its manager or an
 *     admin: access_spotlight_write) and seen with the team's pages
 *     (access_team);
 *   - badges are recognition, seen where kudos are: by the rep, the members
 *     of the rep's team and whoever manages it (access_badges_see);
 *   - streaks are figures about the rep's own steps, private data
 *     (access_private: the rep, whoever leads the rep's team).
 */
struct kudos_ref {
	int64_t org_id, giver_id, rep_id;
	int64_t team_id;		/* the recipient's team when given, 0 none */
};
int access_kudos_give(const struct viewer *v, const struct person *to, int to_active);
int access_kudos_see(const struct viewer *v, const struct kudos_ref *k);
int access_kudos_feed_all(const struct viewer *v, int64_t org_id);
int access_spotlight_write(const struct viewer *v, int64_t org_id, int64_t team_id);
int access_badges_see(const struct viewer *v, const struct person *rep);
int access_streaks_see(const struct viewer *v, const struct person *rep);

/* running it for real (issue 16): webhooks */
/*
 * Webhooks send the organisation's events (conversations, deals won and
 * lost, steps, imports) to other systems, so they are the organisation's
 * admins' alone: only an admin of the organisation lists, creates,
 * changes, tests or deletes a subscription and reads its delivery log and
 * its secret (access_webhook_manage); a manager, a rep, another
 * organisation's admin, a deactivated admin: nothing.
 */
int access_webhook_manage(const struct viewer *v, int64_t org_id);
/* levers (issue 10): leaderboards and contests */
/*
 * Leaderboards and contests (competition shares results on purpose: the
 * article argues for it). The rules:
 *   - nothing crosses organisations; a deactivated or role-less caller
 *     sees nothing;
 *   - the organisation's leaderboard is for every member; a team's for its
 *     members and whoever manages it (access_leaderboard_see) — what a line
 *     shows follows the team's revenue setting (service/leaderboard.h),
 *     not the caller;
 *   - whether a team's individual revenue is on the leaderboards is set by
 *     whoever manages the team: its manager or an admin
 *     (access_leaderboard_setting);
 *   - a contest is seen by the members of the teams taking part and by
 *     whoever manages one of them (access_contest_see);
 *   - a contest is created, changed and deleted by an admin, or by a
 *     manager who leads every team taking part (access_contest_manage);
 *     the form is for an admin or a manager who leads a team
 *     (access_contest_create).
 */
struct contest_ref {
	int64_t org_id;
	const int64_t *team_ids;
	size_t nteams;
};
int access_leaderboard_see(const struct viewer *v, int64_t org_id, int64_t team_id);
int access_leaderboard_setting(const struct viewer *v, int64_t org_id, int64_t team_id);
int access_contest_see(const struct viewer *v, const struct contest_ref *k);
int access_contest_manage(const struct viewer *v, const struct contest_ref *k);
int access_contest_create(const struct viewer *v, int64_t org_id);
/* levers (issue 10): the coach's inbox
 *   - a manager (who leads a team) and an admin have an inbox; a rep, a
 *     deactivated or role-less caller has none (access_inbox);
 *   - an item about a rep reaches the inbox of whoever leads the rep's team
 *     and of the organisation's admins ("all teams"), never another manager's
 *     and never the rep's own (access_inbox_rep);
 *   - the pulse's items come only through pulse_needs_now, which applies
 *     the pulse's own rules (access_pulse_individual: shared risks only);
 *   - dismissals and snoozes are the caller's own: nobody sees or changes
 *     another's.
 */
int access_inbox(const struct viewer *v, int64_t org_id);
int access_inbox_rep(const struct viewer *v, const struct person *rep);

/* levers (issue 10): the manager's own mirror
 *   - a self-assessment is the manager's own: only they see and write it
 *     (access_mirror_self) — admins included: an admin sees nothing of
 *     another manager's mirror, neither scores nor evidence (the privacy-
 *     respecting choice: it is a tool for honest self-reflection);
 *   - a manager who leads a team opens upward-feedback rounds about
 *     themself (access_upward_open) and alone sees their results
 *     (access_upward_results), from three answers up (domain/mirror.h);
 *   - a member of a team the round's manager leads answers an open round,
 *     never about themself (access_upward_answer); a rep never sees any
 *     answers, their own included (they are stored without the author).
 */
struct upward_round_ref {
	int64_t org_id, manager_id;
	int open;
};
int access_mirror_self(const struct viewer *v, const struct person *manager);
int access_upward_open(const struct viewer *v, int64_t org_id);
int access_upward_results(const struct viewer *v, const struct upward_round_ref *r);
/* team_manager_id: who leads the viewer's own team (0: none) */
int access_upward_answer(const struct viewer *v, const struct upward_round_ref *r, int64_t team_manager_id);
/* recruiting (issue 11): the talent pool, candidates and invitations */
/*
 * Recruiting. No new role: per-candidate invitations. The rules:
 *   - nothing crosses organisations; a deactivated or role-less caller sees
 *     nothing;
 *   - an admin sees every candidate of the organisation, whole
 *     (CANDIDATE_WHOLE);
 *   - a manager sees the pool (candidates in no vacancy, or in a vacancy of
 *     no team) and the candidates of the vacancies of the teams they lead,
 *     whole;
 *   - anyone else — a rep, a manager of another team — sees a candidate
 *     only when invited to interview them, and then only what an
 *     interviewer needs (CANDIDATE_INTERVIEW: the name, the current role,
 *     the vacancy; not the contact details, notes, conversations or who
 *     else is invited);
 *   - whoever sees a candidate whole logs conversations with them and
 *     invites colleagues (access_candidate_work);
 *   - the pool page and its export, and adding a candidate, are for
 *     managers and admins (access_recruiting_pool); a rep sees recruiting
 *     at all (the menu item, the list of their candidates) only while
 *     invited to at least one (access_recruiting_see): otherwise every
 *     recruiting route is a 404 to them.
 */
enum candidate_view { CANDIDATE_NONE = 0, CANDIDATE_INTERVIEW = 1, CANDIDATE_WHOLE = 2 };
struct candidate_ref {
	int64_t org_id;
	int64_t vacancy_id;		/* 0: in the pool */
	int64_t vacancy_team_id;	/* the vacancy's team, 0 none */
	int invited;			/* the viewer is invited to interview them */
};
enum candidate_view access_candidate(const struct viewer *v, const struct candidate_ref *c);
int access_candidate_work(const struct viewer *v, const struct candidate_ref *c);
/* changing the candidate's details (the edit form, PATCH): whoever works
 * on them, while they are not anonymised (past retention only the counts
 * are kept; the caller answers 409 on an anonymised one it may work on) */
int access_candidate_edit(const struct viewer *v, const struct candidate_ref *c, int anonymised);
int access_recruiting_pool(const struct viewer *v, int64_t org_id);
int access_recruiting_see(const struct viewer *v, int64_t org_id, int invited_any);
/* who may be invited: an active user of the candidate's organisation */
int access_candidate_invitee(const struct viewer *v, const struct person *who, int who_active);
/* vacancies (part 2): seen and run (opened, candidates moved in and along
 * its stages) by the admins and by the managers who lead its team; a
 * vacancy of no team by every manager. The list of stages is the admins'. */
int access_vacancy(const struct viewer *v, int64_t org_id, int64_t team_id);
int access_recruit_stages_edit(const struct viewer *v, int64_t org_id);
/* scorecards (issue 11, part 3): interviews and their scorecards.
 *   - an interview is scheduled, and its interviewers named, by whoever sees
 *     the candidate whole (access_candidate_work);
 *   - independent scoring: an interviewer sees their own scorecard, draft or
 *     submitted; others' scores only once they have no draft of their own
 *     on the candidate left (all theirs submitted), and then only others'
 *     SUBMITTED scores — never a draft's;
 *   - whoever sees the candidate whole (a manager of the vacancy's team, an
 *     admin) sees every scorecard's interviewer and status, and the scores
 *     of the submitted ones — unless they are an interviewer themselves with
 *     a draft left: then, like any interviewer, no one else's scores;
 *   - an invited interviewer sees others' scorecards (who, status) only
 *     once they have submitted their own;
 *   - a scorecard's scores are changed by its interviewer while it is a
 *     draft; a submitted one by no one, until whoever sees the candidate
 *     whole reopens it (logged);
 *   - the organisation's interview questions are its admins'. */
enum scorecard_view { SCORECARD_NONE = 0, SCORECARD_STATUS = 1, SCORECARD_SCORES = 2 };
struct scorecard_ref {
	int64_t org_id, interviewer_id;
	int submitted;
};
/* cv: the viewer's view of the candidate (access_candidate); own_drafts,
 * own_submitted: the viewer's own scorecards on the candidate by status */
enum scorecard_view access_scorecard(const struct viewer *v, enum candidate_view cv, int own_drafts,
				     int own_submitted, const struct scorecard_ref *s);
int access_scorecard_edit(const struct viewer *v, enum candidate_view cv, const struct scorecard_ref *s);
int access_scorecard_reopen(const struct viewer *v, enum candidate_view cv, const struct scorecard_ref *s);
int access_interview_add(const struct viewer *v, const struct candidate_ref *c);
int access_interview_questions_edit(const struct viewer *v, int64_t org_id);
/* hiring (issue 11, part 3): "what predicts top performance here" is
 * aggregate (no rep's score shown), from the organisation's reps: its
 * managers and admins see it (page and API), reps and interviewers never.
 * Hiring a candidate, and sending one back into the pool with a date to get
 * back in touch, is for whoever sees the candidate whole (an admin, a
 * manager of the pool or of the vacancy's team); an invited interviewer is
 * refused (403), anyone else gets 404 as for the candidate itself. */
int access_hiring_profile(const struct viewer *v, int64_t org_id);
int access_candidate_hire(const struct viewer *v, const struct candidate_ref *c);
/* may the viewer hire someone into this team of the organisation? an admin
 * into any; a manager into the teams they lead (the new rep's manager is
 * the team's) */
int access_hire_team(const struct viewer *v, int64_t org_id, int64_t team_id);
int access_candidate_to_pool(const struct viewer *v, const struct candidate_ref *c);
/* candidates' data (issue 11): exporting everything held about one
 * candidate, and erasing it on request, are an admin's of the candidate's
 * organisation only (pages, API); a manager who sees the candidate whole
 * gets 403, anyone else 404 */
int access_candidate_data(const struct viewer *v, int64_t org_id);
/* running it for real (issue 16): the audit log */
/*
 * The audit log names who changed what in the whole organisation, so only
 * its admins read it (page, API, export) and set its retention; a manager
 * or a rep gets nothing, an admin of another organisation nothing of this
 * one. No one — admin included — changes or deletes a row (there is no
 * route for it, and the database refuses it).
 */
int access_audit_see(const struct viewer *v, int64_t org_id);
int access_audit_retention_set(const struct viewer *v, int64_t org_id);

#endif
