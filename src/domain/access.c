/* access: see access.h for the rules in words; this is them in C. */
#include "access.h"
#include <string.h>

enum role role_parse(const char *s)
{
	if (!s)
		return ROLE_NONE;
	if (!strcmp(s, "rep"))
		return ROLE_REP;
	if (!strcmp(s, "manager"))
		return ROLE_MANAGER;
	if (!strcmp(s, "admin"))
		return ROLE_ADMIN;
	return ROLE_NONE;
}

const char *role_name(enum role r)
{
	switch (r) {
	case ROLE_REP: return "rep";
	case ROLE_MANAGER: return "manager";
	case ROLE_ADMIN: return "admin";
	default: return "none";
	}
}

/* a signed-in, active member of the organisation */
static int member(const struct viewer *v, int64_t org_id)
{
	return v && !v->inactive && v->role != ROLE_NONE && v->org_id == org_id;
}

int access_leads_team(const struct viewer *v, int64_t team_id)
{
	if (!v || !team_id)
		return 0;
	for (size_t i = 0; i < v->nled; i++)
		if (v->led_teams[i] == team_id)
			return 1;
	return 0;
}

int access_leads_any_team(const struct viewer *v)
{
	return v && !v->inactive && (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN) && v->nled > 0;
}

int access_manages_team(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	if (!member(v, org_id))
		return 0;
	return v->role == ROLE_ADMIN ||
	       ((v->role == ROLE_MANAGER) && access_leads_team(v, team_id));
}

int access_private(const struct viewer *v, const struct person *p)
{
	if (!p || !member(v, p->org_id))
		return 0;
	if (v->id == p->id)
		return 1;
	return (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN) && access_leads_team(v, p->team_id);
}

int access_profile(const struct viewer *v, const struct person *p)
{
	if (!p || !member(v, p->org_id))
		return 0;
	return v->role == ROLE_ADMIN || access_private(v, p);
}

int access_admin(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id) && v->role == ROLE_ADMIN;
}

int access_team(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	if (!member(v, org_id))
		return 0;
	return access_manages_team(v, org_id, team_id) || (team_id && v->team_id == team_id);
}

int access_team_aggregates(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	return access_team(v, org_id, team_id);
}

int access_team_reps(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	return access_manages_team(v, org_id, team_id);
}

enum scope access_deal_scope(const struct viewer *v)
{
	if (v->role == ROLE_ADMIN)
		return SCOPE_ALL;
	return v->role == ROLE_MANAGER ? SCOPE_LED : SCOPE_SELF;
}

int access_deal(const struct viewer *v, const struct person *owner)
{
	if (!owner || !member(v, owner->org_id))
		return 0;
	return v->role == ROLE_ADMIN || access_private(v, owner);
}

int access_deal_assign(const struct viewer *v, const struct person *to, int to_active)
{
	return to_active && access_deal(v, to);
}

int access_account_see(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id);
}

int access_account_change(const struct viewer *v, int64_t org_id, const struct person *owner)
{
	if (!member(v, org_id))
		return 0;
	if (!owner || !owner->id)
		return 1;
	return owner->org_id == org_id && access_deal(v, owner);
}

int access_contact_add(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id);
}

int access_activity_see(const struct viewer *v, const struct activity *a)
{
	if (!a)
		return 0;
	return access_deal(v, &a->author) || (a->deal_id && access_deal(v, &a->deal_owner));
}

int access_conversation_change(const struct viewer *v, const struct activity *c)
{
	return c && member(v, c->author.org_id) && v->id == c->author.id;
}

int access_step_change(const struct viewer *v, const struct activity *s)
{
	return access_activity_see(v, s);
}

int access_conversation_closes_step(const struct activity *c, const struct activity *s)
{
	if (!c || !s || c->author.org_id != s->author.org_id)
		return 0;
	if (c->deal_id)
		return s->deal_id == c->deal_id;
	return !s->deal_id && s->account_id == c->account_id && s->author.id == c->author.id;
}

int access_target_see(const struct viewer *v, const struct person *rep)
{
	if (!rep || !member(v, rep->org_id))
		return 0;
	return v->id == rep->id || access_target_set(v, rep);
}

int access_target_set(const struct viewer *v, const struct person *rep)
{
	if (!rep || !member(v, rep->org_id))
		return 0;
	return v->role == ROLE_ADMIN || (rep->team_id && access_manages_team(v, rep->org_id, rep->team_id));
}

int access_stage_see(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id);
}

int access_stage_change(const struct viewer *v, int64_t org_id)
{
	return access_admin(v, org_id);
}

int access_import(const struct viewer *v, int64_t org_id)
{
	return access_admin(v, org_id);
}

int access_tokens(const struct viewer *v, const struct person *owner)
{
	if (!v || !owner || !member(v, owner->org_id))
		return 0;
	return v->id == owner->id || v->role == ROLE_ADMIN;
}

int64_t access_tokens_owner(const struct viewer *v)
{
	return v && v->role == ROLE_ADMIN ? 0 : v ? v->id : -1;
}

enum default_scope access_default_scope(const struct viewer *v)
{
	if (!v || v->inactive)
		return DEFAULT_SELF;
	if (v->role == ROLE_ADMIN)
		return DEFAULT_ORG;
	if (v->role == ROLE_MANAGER && v->nled)
		return DEFAULT_LED;
	return DEFAULT_SELF;
}

int access_reason_see(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id);
}

int access_reason_change(const struct viewer *v, int64_t org_id)
{
	return access_admin(v, org_id);
}

/* development (issue 8): the competency framework and assessments */
/* the rep's team is led by the viewer (a manager, or an admin who leads it) */
static int leads_rep(const struct viewer *v, const struct person *rep)
{
	return (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN) && access_leads_team(v, rep->team_id);
}

int access_assessment_see(const struct viewer *v, const struct assessment_form *f)
{
	if (!f || !member(v, f->org_id) || f->rep.org_id != f->org_id)
		return 0;
	if (v->id == f->rater_id)
		return 1;
	if (v->id == f->rep.id)		/* the rep: the manager's, once submitted */
		return f->kind == RATER_MANAGER && f->submitted;
	if (leads_rep(v, &f->rep))	/* the manager: the others', once submitted */
		return f->kind == RATER_MANAGER || f->submitted;
	return 0;			/* peers, other reps, admins who do not lead the team */
}

int access_assessment_rate(const struct viewer *v, const struct assessment_form *f)
{
	return f && member(v, f->org_id) && v->id == f->rater_id && !f->submitted && f->round_open;
}

int access_round_open(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	return team_id && access_manages_team(v, org_id, team_id);
}

int access_round_open_rep(const struct viewer *v, const struct person *rep)
{
	if (!rep || !member(v, rep->org_id) || v->id == rep->id)
		return 0;
	return v->role == ROLE_ADMIN || leads_rep(v, rep);
}

int access_round_see(const struct viewer *v, const struct assessment_round_ref *r)
{
	if (!r || !member(v, r->org_id))
		return 0;
	if (v->id == r->opened_by && (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN))
		return 1;
	if (r->rep.id)
		return r->rep.org_id == r->org_id && leads_rep(v, &r->rep);
	return (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN) && access_leads_team(v, r->team_id);
}

int access_round_manage(const struct viewer *v, const struct assessment_round_ref *r)
{
	return access_round_see(v, r);
}

int access_peer_invite(const struct viewer *v, const struct person *rep, const struct person *peer,
		       int peer_active)
{
	return rep && peer && member(v, rep->org_id) && peer->org_id == rep->org_id && peer->id != rep->id &&
	       peer_active;
}

int access_traits_see(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id);
}

int access_traits_change(const struct viewer *v, int64_t org_id)
{
	return access_admin(v, org_id);
}

/* development (issue 8): a rep's profile and the team matrix */
int access_team_traits(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	return member(v, org_id) && (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN) &&
	       access_leads_team(v, team_id);
}

/* development (issue 8): development plans and recognition */
int access_plan_see(const struct viewer *v, const struct person *rep)
{
	return access_private(v, rep);
}

int access_plan_manage(const struct viewer *v, const struct person *rep)
{
	return access_private(v, rep) && v->id != rep->id;
}

int access_plan_checkin(const struct viewer *v, const struct person *rep)
{
	return access_private(v, rep);
}

int access_plan_action_done(const struct viewer *v, const struct person *rep, int64_t owner_id)
{
	if (access_plan_manage(v, rep))
		return 1;
	return access_private(v, rep) && v->id == rep->id && owner_id == v->id;
}

int access_recognise(const struct viewer *v, const struct person *rep)
{
	return access_plan_manage(v, rep);
}

int access_recognition_see(const struct viewer *v, const struct person *rep)
{
	return access_private(v, rep);
}

/* learning (issue 9): the learning log and suggested or mandatory training */
/* whoever leads the rep's team: a manager, or an admin who leads it */
static int learning_coach(const struct viewer *v, const struct person *rep)
{
	return rep->team_id && (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN) &&
	       access_leads_team(v, rep->team_id);
}

int access_learning_see(const struct viewer *v, const struct person *rep)
{
	if (!rep || !member(v, rep->org_id))
		return 0;
	return v->id == rep->id || learning_coach(v, rep);
}

int access_learning_log(const struct viewer *v, const struct person *rep)
{
	return access_learning_see(v, rep);
}

int access_learning_change(const struct viewer *v, const struct learning_ref *l)
{
	if (!l || !l->status || !access_learning_see(v, &l->rep))
		return 0;
	if (v->id == l->rep.id)
		return strcmp(l->status, "suggested") && strcmp(l->status, "assigned");
	return v->id == l->created_by && learning_coach(v, &l->rep);
}

int access_learning_delete(const struct viewer *v, const struct learning_ref *l)
{
	return l && !l->assignment_id && access_learning_change(v, l);
}

int access_learning_suggest(const struct viewer *v, const struct person *rep)
{
	return access_learning_see(v, rep) && v->id != rep->id;
}

int access_learning_answer(const struct viewer *v, const struct learning_ref *l)
{
	return l && access_learning_see(v, &l->rep) && v->id == l->rep.id;
}

int access_learning_assign(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	return member(v, org_id) && (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN) &&
	       access_leads_team(v, team_id);
}

/* learning (issue 9): the achievement-orientation index and the team's learning */
int access_learning_index_see(const struct viewer *v, const struct person *rep)
{
	return access_private(v, rep);
}

int access_learning_team_aggregate(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	return team_id && access_team_aggregates(v, org_id, team_id);
}

int access_learning_team_reps(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	return access_team_traits(v, org_id, team_id);
}

/* learning (issue 9): the library */
int access_library_see(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id);
}

int access_library_borrow(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id);
}

int access_library_manage(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id) && (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN);
}

int access_library_loans(const struct viewer *v, int64_t org_id)
{
	return access_library_manage(v, org_id);
}

int access_library_return(const struct viewer *v, const struct person *borrower)
{
	if (!borrower || !member(v, borrower->org_id))
		return 0;
	if (v->id == borrower->id || v->role == ROLE_ADMIN)
		return 1;
	return v->role == ROLE_MANAGER && borrower->team_id && access_leads_team(v, borrower->team_id);
}

int access_library_suggest(const struct viewer *v, const struct person *rep)
{
	if (!rep || !member(v, rep->org_id) || v->id == rep->id)
		return 0;
	return rep->team_id && (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN) && access_leads_team(v, rep->team_id);
}

int access_library_lend_for(const struct viewer *v, const struct person *rep)
{
	return access_library_suggest(v, rep);
}

/* learning (issue 9): sales meetings and the case library */
int access_meeting_see(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	return team_id && access_team(v, org_id, team_id);
}

int access_meeting_manage(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	return team_id && access_manages_team(v, org_id, team_id);
}

int access_meeting_attendee(const struct person *p, int64_t org_id, int64_t team_id)
{
	return p && team_id && p->org_id == org_id && p->team_id == team_id;
}

int access_case_see(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id);
}

int access_case_change(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id) && (v->role == ROLE_ADMIN || (v->role == ROLE_MANAGER && v->nled > 0));
}

/* development (issue 8): field coaching and one-on-ones */
/* whoever leads the rep's team: a manager, or an admin who leads it */
static int coach_of(const struct viewer *v, const struct person *rep)
{
	return rep->team_id && (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN) &&
	       access_leads_team(v, rep->team_id);
}

int access_one_on_one_see(const struct viewer *v, const struct person *rep)
{
	if (!rep || !member(v, rep->org_id))
		return 0;
	return v->id == rep->id || coach_of(v, rep);
}

int access_one_on_one_manage(const struct viewer *v, const struct person *rep)
{
	if (!rep || !member(v, rep->org_id) || v->id == rep->id)
		return 0;
	return coach_of(v, rep);
}

int access_one_on_one_private(const struct viewer *v, const struct person *rep)
{
	return access_one_on_one_manage(v, rep);
}

int access_one_on_one_point(const struct viewer *v, const struct person *rep, const char *section)
{
	if (!section || !access_one_on_one_see(v, rep))
		return 0;
	return v->id == rep->id ? !strcmp(section, "rep") : access_one_on_one_manage(v, rep);
}

int access_observation_see(const struct viewer *v, const struct observation_ref *o)
{
	if (!o || !member(v, o->rep.org_id))
		return 0;
	return v->id == o->rep.id || v->id == o->observer_id || coach_of(v, &o->rep);
}

int access_observation_write(const struct viewer *v, const struct person *rep)
{
	if (!rep || !member(v, rep->org_id) || v->id == rep->id)
		return 0;
	return coach_of(v, rep) || (rep->team_id && v->team_id == rep->team_id);
}

int access_observation_list(const struct viewer *v, const struct person *rep)
{
	return access_one_on_one_see(v, rep);
}

int access_assessment_observations(const struct viewer *v, const struct assessment_form *f)
{
	if (!f || f->kind == RATER_PEER || f->rep.org_id != f->org_id || !member(v, f->org_id))
		return 0;
	if (v->id != f->rater_id || (f->kind == RATER_SELF && v->id != f->rep.id))
		return 0;
	return access_observation_list(v, &f->rep);
}

int access_assessment_observation_use(const struct viewer *v, const struct assessment_form *f,
				      const struct observation_ref *o)
{
	if (!o || !access_assessment_observations(v, f))
		return 0;
	return o->rep.org_id == f->org_id && o->rep.id == f->rep.id && access_observation_see(v, o);
}

/* running it for real (issue 16): /metrics */
int access_metrics(int loopback, int forwarded, const char *token_set, const char *bearer_given)
{
	if (token_set && *token_set) {
		if (!bearer_given)
			return 0;
		size_t n = strlen(token_set);
		if (strlen(bearer_given) != n)
			return 0;
		unsigned char diff = 0;	/* every byte compared: no timing hint */
		for (size_t i = 0; i < n; i++)
			diff |= (unsigned char)(token_set[i] ^ bearer_given[i]);
		return diff == 0;
	}
	return loopback && !forwarded;
}

/* levers (issue 10): improvement plans */
int access_improve_see(const struct viewer *v, const struct improve_ref *p)
{
	if (!p || !access_private(v, &p->rep))
		return 0;
	return v->id != p->rep.id || (p->status && strcmp(p->status, "flagged"));
}

int access_improve_manage(const struct viewer *v, const struct person *rep)
{
	return rep && access_private(v, rep) && v->id != rep->id;
}

int access_improve_diagnosis(const struct viewer *v, const struct person *rep)
{
	return access_improve_manage(v, rep);
}

/* levers (issue 10): pulse */
int access_pulse_answer(const struct viewer *v, const struct person *rep)
{
	return rep && member(v, rep->org_id) && v->id == rep->id;
}

int access_pulse_individual(const struct viewer *v, const struct person *rep, int shared)
{
	if (!rep || !member(v, rep->org_id))
		return 0;
	return v->id == rep->id || (shared && leads_rep(v, rep));
}

int access_pulse_team(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	return member(v, org_id) && team_id > 0 && (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN) &&
	       access_leads_team(v, team_id);
}

/* levers (issue 10): kudos, spotlight, badges and streaks */
int access_kudos_give(const struct viewer *v, const struct person *to, int to_active)
{
	return to && member(v, to->org_id) && to_active && to->id != v->id;
}

int access_kudos_see(const struct viewer *v, const struct kudos_ref *k)
{
	if (!k || !member(v, k->org_id))
		return 0;
	if (v->id == k->giver_id || v->id == k->rep_id || v->role == ROLE_ADMIN)
		return 1;
	return k->team_id && access_team(v, k->org_id, k->team_id);
}

int access_kudos_feed_all(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id) && v->role == ROLE_ADMIN;
}

int access_spotlight_write(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	return team_id && access_manages_team(v, org_id, team_id);
}

int access_badges_see(const struct viewer *v, const struct person *rep)
{
	if (!rep || !member(v, rep->org_id))
		return 0;
	if (v->id == rep->id || v->role == ROLE_ADMIN)
		return 1;
	return rep->team_id && access_team(v, rep->org_id, rep->team_id);
}

int access_streaks_see(const struct viewer *v, const struct person *rep)
{
	return access_private(v, rep);
}

/* running it for real (issue 16): webhooks */
int access_webhook_manage(const struct viewer *v, int64_t org_id)
{
	return v && !v->inactive && member(v, org_id) && v->role == ROLE_ADMIN;
}

/* levers (issue 10): leaderboards and contests */
int access_leaderboard_see(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	return team_id ? access_team(v, org_id, team_id) : member(v, org_id);
}

int access_leaderboard_setting(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	return team_id && access_manages_team(v, org_id, team_id);
}

int access_contest_see(const struct viewer *v, const struct contest_ref *k)
{
	if (!k || !member(v, k->org_id))
		return 0;
	if (v->role == ROLE_ADMIN)
		return 1;
	for (size_t i = 0; i < k->nteams; i++)
		if (access_team(v, k->org_id, k->team_ids[i]))
			return 1;
	return 0;
}

int access_contest_manage(const struct viewer *v, const struct contest_ref *k)
{
	if (!k || !member(v, k->org_id) || !k->nteams)
		return 0;
	for (size_t i = 0; i < k->nteams; i++)
		if (!access_manages_team(v, k->org_id, k->team_ids[i]))
			return 0;
	return 1;
}

int access_contest_create(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id) && (v->role == ROLE_ADMIN || access_leads_any_team(v));
}

/* levers (issue 10): the coach's inbox */
int access_inbox(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id) && (v->role == ROLE_ADMIN || (v->role == ROLE_MANAGER && v->nled > 0));
}

int access_inbox_rep(const struct viewer *v, const struct person *rep)
{
	if (!rep || !access_inbox(v, rep->org_id) || rep->id == v->id)
		return 0;
	return v->role == ROLE_ADMIN || leads_rep(v, rep);
}

/* levers (issue 10): the manager's own mirror */
int access_mirror_self(const struct viewer *v, const struct person *manager)
{
	return manager && member(v, manager->org_id) && v->id == manager->id &&
	       (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN);
}

int access_upward_open(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id) && (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN) && v->nled > 0;
}

int access_upward_results(const struct viewer *v, const struct upward_round_ref *r)
{
	return r && member(v, r->org_id) && v->id == r->manager_id;
}

int access_upward_answer(const struct viewer *v, const struct upward_round_ref *r, int64_t team_manager_id)
{
	return r && member(v, r->org_id) && r->open && v->id != r->manager_id && v->team_id &&
	       team_manager_id == r->manager_id;
}

/* recruiting (issue 11): the talent pool, candidates and invitations */
int access_recruiting_pool(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id) && (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN);
}

int access_recruiting_see(const struct viewer *v, int64_t org_id, int invited_any)
{
	return access_recruiting_pool(v, org_id) || (member(v, org_id) && invited_any);
}

enum candidate_view access_candidate(const struct viewer *v, const struct candidate_ref *c)
{
	if (!c || !member(v, c->org_id))
		return CANDIDATE_NONE;
	if (v->role == ROLE_ADMIN)
		return CANDIDATE_WHOLE;
	if (v->role == ROLE_MANAGER &&
	    (!c->vacancy_id || !c->vacancy_team_id || access_leads_team(v, c->vacancy_team_id)))
		return CANDIDATE_WHOLE;
	return c->invited ? CANDIDATE_INTERVIEW : CANDIDATE_NONE;
}

int access_candidate_work(const struct viewer *v, const struct candidate_ref *c)
{
	return access_candidate(v, c) == CANDIDATE_WHOLE;
}

int access_candidate_edit(const struct viewer *v, const struct candidate_ref *c, int anonymised)
{
	return !anonymised && access_candidate_work(v, c);
}

int access_candidate_invitee(const struct viewer *v, const struct person *who, int who_active)
{
	return who && member(v, who->org_id) && who_active;
}

int access_vacancy(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	if (!access_recruiting_pool(v, org_id))
		return 0;
	return v->role == ROLE_ADMIN || !team_id || access_leads_team(v, team_id);
}

int access_recruit_stages_edit(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id) && v->role == ROLE_ADMIN;
}

/* scorecards (issue 11, part 3) */
enum scorecard_view access_scorecard(const struct viewer *v, enum candidate_view cv, int own_drafts,
				     int own_submitted, const struct scorecard_ref *s)
{
	if (!s || !member(v, s->org_id) || cv == CANDIDATE_NONE)
		return SCORECARD_NONE;
	if (s->interviewer_id == v->id)
		return SCORECARD_SCORES;
	/* someone else's: a draft's scores never, and nobody's while the
	 * viewer still has a draft of their own on the candidate */
	int scores = s->submitted && !own_drafts;
	if (cv == CANDIDATE_WHOLE)
		return scores ? SCORECARD_SCORES : SCORECARD_STATUS;
	/* an invited interviewer: nothing of others' until theirs is in */
	if (!own_submitted || own_drafts || !s->submitted)
		return SCORECARD_NONE;
	return SCORECARD_SCORES;
}

int access_scorecard_edit(const struct viewer *v, enum candidate_view cv, const struct scorecard_ref *s)
{
	return s && member(v, s->org_id) && cv != CANDIDATE_NONE && s->interviewer_id == v->id && !s->submitted;
}

int access_scorecard_reopen(const struct viewer *v, enum candidate_view cv, const struct scorecard_ref *s)
{
	return s && member(v, s->org_id) && cv == CANDIDATE_WHOLE && s->submitted;
}

int access_interview_add(const struct viewer *v, const struct candidate_ref *c)
{
	return access_candidate_work(v, c);
}

int access_interview_questions_edit(const struct viewer *v, int64_t org_id)
{
	return access_admin(v, org_id);
}

int access_hiring_profile(const struct viewer *v, int64_t org_id)
{
	return access_recruiting_pool(v, org_id);
}

int access_candidate_hire(const struct viewer *v, const struct candidate_ref *c)
{
	return access_candidate(v, c) == CANDIDATE_WHOLE;
}

int access_hire_team(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	if (!member(v, org_id) || team_id <= 0)
		return 0;
	return v->role == ROLE_ADMIN || (v->role == ROLE_MANAGER && access_leads_team(v, team_id));
}

int access_candidate_to_pool(const struct viewer *v, const struct candidate_ref *c)
{
	return access_candidate(v, c) == CANDIDATE_WHOLE;
}

/* candidates' data (issue 11): export and erase are the admin's */
int access_candidate_data(const struct viewer *v, int64_t org_id)
{
	return member(v, org_id) && v->role == ROLE_ADMIN;
}

/* running it for real (issue 16): the audit log */
int access_audit_see(const struct viewer *v, int64_t org_id)
{
	return access_admin(v, org_id);
}

int access_audit_retention_set(const struct viewer *v, int64_t org_id)
{
	return access_admin(v, org_id);
}
