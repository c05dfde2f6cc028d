/*
 * load: see load.h. Every branch ends either in an object the caller may
 * use for what they said they need, or in an answer already sent; the rule
 * itself is always one of domain/access.c's.
 */
#include "load.h"
#include "../http/route.h"
#include "../lib/log.h"
#include "../lib/util.h"
#include <string.h>

void load_store_error(struct request *r, enum err e)
{
	if (e == E_UNAVAILABLE) {
		resp_error(r, E_UNAVAILABLE, T("The database is not available. Try again shortly."));
		resp_header(r, "Retry-After", "5");
		return;
	}
	log_error("%s %s: store error %s: %s", r->method, r->path, err_name(e), r->db ? db_errmsg(r->db) : "");
	resp_error(r, E_INTERNAL, T("Something went wrong on our side."));
}

/* NULL after answering, for a lookup that failed: 404 with the message when
 * the organisation has none, else the store's error */
static void *not_loaded(struct request *r, enum err e, const char *missing)
{
	if (e == E_NOTFOUND)
		resp_error(r, E_NOTFOUND, missing);
	else
		load_store_error(r, e);
	return NULL;
}

static void *forbidden(struct request *r, const char *message)
{
	resp_error(r, E_FORBIDDEN, message);
	return NULL;
}

struct deal *deal_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct deal *d = arena_alloc(r->a, sizeof(*d));
	enum err e = deal_get(r->db, r->a, r->me.org_id, id, d);
	if (e)
		return not_loaded(r, e, T("There is no such deal."));
	struct person owner = { d->owner_id, r->me.org_id, d->owner_team_id };
	(void)need;	/* whoever may see a deal works on it: every need is access_deal */
	if (!access_deal(&r->viewer, &owner))
		return forbidden(r, T("You do not have access to this deal."));
	return d;
}

struct account *account_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct account *acc = arena_alloc(r->a, sizeof(*acc));
	enum err e = account_get(r->db, r->a, r->me.org_id, id, acc);
	if (e)
		return not_loaded(r, e, T("There is no such account."));
	if (need == NEED_SEE)
		return access_account_see(&r->viewer, r->me.org_id) ? acc
		       : forbidden(r, T("You do not have access to this account."));
	struct person owner = { acc->owner_id, r->me.org_id, 0 };
	if (acc->owner_id) {
		struct user u;
		e = user_get(r->db, r->a, r->me.org_id, acc->owner_id, &u);
		if (e && e != E_NOTFOUND)
			return not_loaded(r, e, NULL);
		owner.team_id = e ? 0 : u.team_id;
	}
	if (!access_account_change(&r->viewer, r->me.org_id, acc->owner_id ? &owner : NULL))
		return forbidden(r, T("You do not have access to this account."));
	return acc;
}

enum err load_activity(struct request *r, int64_t rep_id, int64_t deal_id, int64_t account_id,
		       struct activity *out)
{
	memset(out, 0, sizeof(*out));
	out->author.id = rep_id;
	out->author.org_id = r->me.org_id;
	out->deal_id = deal_id;
	out->account_id = account_id;
	struct user u;
	enum err e = user_get(r->db, r->a, r->me.org_id, rep_id, &u);
	if (e)
		return e;
	out->author.team_id = u.team_id;
	if (deal_id) {
		struct deal d;
		e = deal_get(r->db, r->a, r->me.org_id, deal_id, &d);
		if (e)
			return e;
		out->deal_owner = (struct person){ d.owner_id, r->me.org_id, d.owner_team_id };
	}
	return E_OK;
}

struct conversation *conversation_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct conversation *cv = arena_alloc(r->a, sizeof(*cv));
	enum err e = conversation_get(r->db, r->a, r->me.org_id, id, cv);
	struct activity act;
	if (!e)
		e = load_activity(r, cv->rep_id, cv->deal_id, cv->account_id, &act);
	if (e)
		return not_loaded(r, e, T("There is no such conversation."));
	if (!access_activity_see(&r->viewer, &act))
		return forbidden(r, T("You do not have access to this conversation."));
	if (need != NEED_SEE && !access_conversation_change(&r->viewer, &act))
		return forbidden(r, T("Only the person who logged a conversation can change it."));
	return cv;
}

struct step_row *step_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct step_row *s = arena_alloc(r->a, sizeof(*s));
	enum err e = step_get(r->db, r->a, r->me.org_id, id, s);
	struct activity act;
	if (!e)
		e = load_activity(r, s->rep_id, s->deal_id, s->account_id, &act);
	if (e)
		return not_loaded(r, e, T("There is no such step."));
	if (!access_activity_see(&r->viewer, &act))
		return forbidden(r, T("You do not have access to this step."));
	if (need != NEED_SEE && !access_step_change(&r->viewer, &act))
		return forbidden(r, T("You do not have access to this step."));
	return s;
}

struct user *user_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct user *u = arena_alloc(r->a, sizeof(*u));
	enum err e = user_get(r->db, r->a, r->me.org_id, id, u);
	if (e)
		return not_loaded(r, e, T("There is no such user."));
	struct person p = { u->id, u->org_id, u->team_id };
	switch (need) {
	case NEED_ENTRY:
		return access_profile(&r->viewer, &p) ? u : forbidden(r, T("You do not have access to this user."));
	case NEED_ADMINISTER:
		return access_admin(&r->viewer, u->org_id) ? u : forbidden(r, T("You do not have access to this user."));
	case NEED_PRIVATE:
		return access_private(&r->viewer, &p) ? u : forbidden(r, T("You do not have access to this user."));
	default:
		return access_deal(&r->viewer, &p) ? u : forbidden(r, T("You do not have access to this user's deals."));
	}
}

struct team *team_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct team *t = arena_alloc(r->a, sizeof(*t));
	enum err e = team_get(r->db, r->a, r->me.org_id, id, t);
	if (e)
		return not_loaded(r, e, T("There is no such team."));
	switch (need) {
	case NEED_ENTRY:
		return access_team(&r->viewer, t->org_id, t->id) ? t : forbidden(r, T("You do not have access to this team."));
	case NEED_ADMINISTER:
		return access_admin(&r->viewer, t->org_id) ? t : forbidden(r, T("You do not have access to this team."));
	case NEED_SEE:
		return access_team_aggregates(&r->viewer, t->org_id, t->id) ? t
		       : forbidden(r, T("You do not have access to this team's figures."));
	default:
		return access_team_reps(&r->viewer, t->org_id, t->id) ? t
		       : forbidden(r, T("You do not have access to this team's figures."));
	}
}

struct stage *stage_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct stage *s = arena_alloc(r->a, sizeof(*s));
	enum err e = stage_get(r->db, r->a, r->me.org_id, id, s);
	if (e)
		return not_loaded(r, e, T("There is no such stage."));
	int ok = need == NEED_SEE ? access_stage_see(&r->viewer, r->me.org_id)
				  : access_stage_change(&r->viewer, r->me.org_id);
	return ok ? s : forbidden(r, T("You do not have access to this page."));
}

struct target *target_load_or_reply(struct request *r, int64_t id, int fiscal_start_month, enum access_need need)
{
	struct target *t = arena_alloc(r->a, sizeof(*t));
	enum err e = target_get(r->db, r->a, r->me.org_id, id, fiscal_start_month, t);
	struct user u;
	if (!e)
		e = user_get(r->db, r->a, r->me.org_id, t->user_id, &u);
	if (e)
		return not_loaded(r, e, T("There is no such target."));
	struct person p = { u.id, u.org_id, u.team_id };
	int ok = need == NEED_SEE ? access_target_see(&r->viewer, &p) : access_target_set(&r->viewer, &p);
	if (!ok)
		return forbidden(r, T("You may set targets only for the reps of the teams you lead."));
	return t;
}

int load_may_assign(struct request *r, int64_t id, enum err *e)
{
	struct user u;
	*e = id > 0 ? user_get(r->db, r->a, r->me.org_id, id, &u) : E_NOTFOUND;
	if (*e == E_NOTFOUND) {
		*e = E_OK;
		return 0;
	}
	if (*e)
		return -1;
	struct person p = { u.id, u.org_id, u.team_id };
	return access_deal_assign(&r->viewer, &p, u.active);
}

struct reason *reason_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct reason *x = arena_alloc(r->a, sizeof(*x));
	enum err e = reason_get(r->db, r->a, r->me.org_id, id, x);
	if (e)
		return not_loaded(r, e, T("There is no such reason."));
	int ok = need == NEED_SEE ? access_reason_see(&r->viewer, r->me.org_id)
				  : access_reason_change(&r->viewer, r->me.org_id);
	return ok ? x : forbidden(r, T("You do not have access to this page."));
}

/* development (issue 8): the competency framework and assessments */
struct assessment_form load_assessment_form(const struct assessment *a)
{
	struct assessment_form f = {
		.org_id = a->org_id, .rep = { a->rep_id, a->org_id, a->rep_team_id }, .rater_id = a->rater_id,
		.kind = !strcmp(a->rater_kind, "self") ? RATER_SELF : !strcmp(a->rater_kind, "manager") ? RATER_MANAGER
											   : RATER_PEER,
		.submitted = !strcmp(a->status, "submitted"), .round_open = !strcmp(a->round_status, "open"),
	};
	return f;
}

struct assessment *assessment_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct assessment *a = arena_alloc(r->a, sizeof(*a));
	enum err e = assessment_get(r->db, r->a, r->me.org_id, id, a);
	if (e)
		return not_loaded(r, e, T("There is no such assessment."));
	struct assessment_form f = load_assessment_form(a);
	if (!access_assessment_see(&r->viewer, &f))
		return forbidden(r, T("You do not have access to this assessment."));
	if (need == NEED_SEE || access_assessment_rate(&r->viewer, &f))
		return a;
	if (r->viewer.id != a->rater_id)
		return forbidden(r, T("Only its rater fills in this assessment."));
	if (!f.round_open) {
		const char *m = T("This round is closed: no more ratings are taken.");
		if ((r->route && (r->route->flags & R_JSON)) || str_has_prefix(r->path, "/api/"))
			resp_json(r, 400, json_pack("{s:s, s:s, s:s}", "error", "INVALID", "message", m, "field", "round"));
		else
			resp_error(r, E_INVALID, m);
		return NULL;
	}
	resp_error(r, E_CONFLICT, T("This assessment was submitted already; it no longer changes."));
	return NULL;
}

struct assessment_round *round_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct assessment_round *a = arena_alloc(r->a, sizeof(*a));
	enum err e = round_get(r->db, r->a, r->me.org_id, id, a);
	if (e)
		return not_loaded(r, e, T("There is no such assessment round."));
	struct assessment_round_ref ref = {
		.org_id = a->org_id, .team_id = a->team_id, .opened_by = a->opened_by,
		.rep = { a->rep_id, a->rep_id ? a->org_id : 0, a->rep_team_id },
	};
	int ok = need == NEED_SEE ? access_round_see(&r->viewer, &ref) : access_round_manage(&r->viewer, &ref);
	return ok ? a : forbidden(r, T("You do not have access to this assessment round."));
}

struct trait *trait_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct trait *t = arena_alloc(r->a, sizeof(*t));
	enum err e = trait_get(r->db, r->a, r->me.org_id, r->lang, id, t);
	if (e)
		return not_loaded(r, e, T("There is no such trait."));
	int ok = need == NEED_SEE ? access_traits_see(&r->viewer, r->me.org_id)
				  : access_traits_change(&r->viewer, r->me.org_id);
	return ok ? t : forbidden(r, T("You do not have access to this page."));
}

/* development (issue 8): a rep's profile and the team matrix */
struct team *team_traits_load_or_reply(struct request *r, int64_t id)
{
	struct team *t = arena_alloc(r->a, sizeof(*t));
	enum err e = team_get(r->db, r->a, r->me.org_id, id, t);
	if (e)
		return not_loaded(r, e, T("There is no such team."));
	return access_team_traits(&r->viewer, t->org_id, t->id) ? t
	       : forbidden(r, T("Only the manager who leads this team sees its reps' traits."));
}

/* development (issue 8): development plans and recognition */
struct plan *plan_load_or_reply(struct request *r, int64_t id, enum access_need need, struct person *rep)
{
	struct plan *p = arena_alloc(r->a, sizeof(*p));
	enum err e = plan_get(r->db, r->a, r->me.org_id, id, p);
	if (e)
		return not_loaded(r, e, T("There is no such plan."));
	struct person who = { p->rep_id, p->org_id, p->rep_team_id };
	if (!access_plan_see(&r->viewer, &who))
		return forbidden(r, T("You do not have access to this plan."));
	if (need == NEED_CHANGE && !access_plan_manage(&r->viewer, &who))
		return forbidden(r, T("Only the rep's manager changes this plan."));
	if (need == NEED_PRIVATE && !access_plan_checkin(&r->viewer, &who))
		return forbidden(r, T("You do not have access to this plan."));
	if (rep)
		*rep = who;
	return p;
}

struct plan_action *plan_action_load_or_reply(struct request *r, int64_t plan_id, int64_t id, enum access_need need)
{
	struct person rep;
	struct plan *p = plan_load_or_reply(r, plan_id, NEED_SEE, &rep);
	if (!p)
		return NULL;
	struct plan_action *x = arena_alloc(r->a, sizeof(*x));
	enum err e = plan_action_get(r->db, r->a, r->me.org_id, id, x);
	if (!e && x->plan_id != p->id)
		e = E_NOTFOUND;
	if (e)
		return not_loaded(r, e, T("There is no such action in this plan."));
	int ok = need == NEED_SEE ? 1 : need == NEED_CLOSE ? access_plan_action_done(&r->viewer, &rep, x->owner_id)
		 : access_plan_manage(&r->viewer, &rep);
	return ok ? x : forbidden(r, T("Only the rep's manager, or the rep for their own actions, marks an action done."));
}

struct plan_goal *plan_goal_load_or_reply(struct request *r, int64_t plan_id, int64_t id, enum access_need need)
{
	if (!plan_load_or_reply(r, plan_id, need == NEED_SEE ? NEED_SEE : NEED_CHANGE, NULL))
		return NULL;
	struct plan_goal *g = arena_alloc(r->a, sizeof(*g));
	enum err e = plan_goal_get(r->db, r->a, r->me.org_id, id, g);
	if (!e && g->plan_id != plan_id)
		e = E_NOTFOUND;
	if (e)
		return not_loaded(r, e, T("There is no such goal in this plan."));
	return g;
}

struct user *plan_rep_load_or_reply(struct request *r, int64_t rep_id, enum access_need need)
{
	struct user *u = arena_alloc(r->a, sizeof(*u));
	enum err e = user_get(r->db, r->a, r->me.org_id, rep_id, u);
	if (e)
		return not_loaded(r, e, T("There is no such user."));
	struct person p = { u->id, u->org_id, u->team_id };
	if (!access_plan_see(&r->viewer, &p))
		return forbidden(r, T("You do not have access to this rep's plans."));
	if (need == NEED_CHANGE && !access_plan_manage(&r->viewer, &p))
		return forbidden(r, T("Only the rep's manager makes a plan for the rep."));
	return u;
}

struct user *recognise_load_or_reply(struct request *r, int64_t rep_id)
{
	struct user *u = arena_alloc(r->a, sizeof(*u));
	enum err e = user_get(r->db, r->a, r->me.org_id, rep_id, u);
	if (e)
		return not_loaded(r, e, T("There is no such user."));
	struct person p = { u->id, u->org_id, u->team_id };
	if (!access_recognise(&r->viewer, &p))
		return forbidden(r, T("Only the rep's manager gives recognition."));
	return u;
}

/* learning (issue 9): the learning log and suggested or mandatory training */
struct learning_row *learning_load_or_reply(struct request *r, int64_t id, enum access_need need, struct person *rep)
{
	struct learning_row *l = arena_alloc(r->a, sizeof(*l));
	enum err e = learning_get(r->db, r->a, r->me.org_id, id, l);
	if (e)
		return not_loaded(r, e, T("There is no such learning activity."));
	struct learning_ref ref = { { l->rep_id, l->org_id, l->rep_team_id }, l->created_by, l->status, l->assignment_id };
	if (!access_learning_see(&r->viewer, &ref.rep))
		return forbidden(r, T("A learning activity is seen by the rep and the manager who leads the rep's team only."));
	if (need == NEED_CHANGE && !access_learning_change(&r->viewer, &ref))
		return forbidden(r, T("Only the rep, or whoever logged it, changes this activity; a suggestion or a "
				      "mandatory training is answered or marked done instead."));
	if (need == NEED_ADMINISTER && !access_learning_delete(&r->viewer, &ref))
		return forbidden(r, T("Only the rep, or whoever logged it, deletes this activity; a mandatory training "
				      "stays, so that its completion is counted."));
	if (need == NEED_CLOSE && !access_learning_answer(&r->viewer, &ref))
		return forbidden(r, T("Only the rep answers a suggestion or marks a training done."));
	if (rep)
		*rep = ref.rep;
	return l;
}

struct user *learning_rep_load_or_reply(struct request *r, int64_t rep_id, enum access_need need)
{
	struct user *u = arena_alloc(r->a, sizeof(*u));
	enum err e = user_get(r->db, r->a, r->me.org_id, rep_id, u);
	if (e)
		return not_loaded(r, e, T("There is no such user."));
	struct person p = { u->id, u->org_id, u->team_id };
	if (!access_learning_see(&r->viewer, &p))
		return forbidden(r, T("A rep's learning is seen by the rep and the manager who leads the rep's team only."));
	if (need == NEED_CHANGE && !access_learning_log(&r->viewer, &p))
		return forbidden(r, T("A rep's learning is seen by the rep and the manager who leads the rep's team only."));
	if (need == NEED_REASSIGN && !access_learning_suggest(&r->viewer, &p))
		return forbidden(r, T("Only the manager who leads the rep's team suggests an activity."));
	return u;
}

struct team *learning_team_load_or_reply(struct request *r, int64_t team_id)
{
	struct team *t = arena_alloc(r->a, sizeof(*t));
	enum err e = team_get(r->db, r->a, r->me.org_id, team_id, t);
	if (e)
		return not_loaded(r, e, T("There is no such team."));
	return access_learning_assign(&r->viewer, t->org_id, t->id) ? t
	       : forbidden(r, T("Only the manager who leads the team assigns it a training."));
}

struct learning_assignment *learning_assignment_load_or_reply(struct request *r, int64_t id)
{
	struct learning_assignment *a = arena_alloc(r->a, sizeof(*a));
	char today[11];
	today_date(today);
	enum err e = learning_assignment_get(r->db, r->a, r->me.org_id, id, today, a);
	if (e)
		return not_loaded(r, e, T("There is no such training."));
	return access_learning_assign(&r->viewer, a->org_id, a->team_id) ? a
	       : forbidden(r, T("A team's mandatory trainings are seen by the manager who leads the team."));
}

/* learning (issue 9): the achievement-orientation index and the team's learning */
struct user *learning_index_rep_load_or_reply(struct request *r, int64_t rep_id)
{
	struct user *u = arena_alloc(r->a, sizeof(*u));
	enum err e = user_get(r->db, r->a, r->me.org_id, rep_id, u);
	if (e)
		return not_loaded(r, e, T("There is no such user."));
	struct person p = { u->id, u->org_id, u->team_id };
	if (!access_learning_index_see(&r->viewer, &p))
		return forbidden(r, T("Only the rep and the managers who lead the rep's team see the rep's learning."));
	return u;
}

struct team *learning_index_team_load_or_reply(struct request *r, int64_t team_id)
{
	struct team *t = arena_alloc(r->a, sizeof(*t));
	enum err e = team_get(r->db, r->a, r->me.org_id, team_id, t);
	if (e)
		return not_loaded(r, e, T("There is no such team."));
	if (!access_learning_team_aggregate(&r->viewer, t->org_id, t->id))
		return forbidden(r, T("Only the team's members and its managers see the team's learning."));
	return t;
}

/* learning (issue 9): the library */
static struct user *rep_for(struct request *r, int64_t rep_id, int (*rule)(const struct viewer *, const struct person *),
			    const char *message);
struct library_item *library_item_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct library_item *it = arena_alloc(r->a, sizeof(*it));
	enum err e = library_item_get(r->db, r->a, r->lang, r->me.org_id, id, it);
	if (e)
		return not_loaded(r, e, T("There is no such item in the library."));
	if (!access_library_see(&r->viewer, it->org_id))
		return forbidden(r, T("You do not have access to the library."));
	if (need != NEED_SEE && !access_library_manage(&r->viewer, it->org_id))
		return forbidden(r, T("Only managers and admins change the library."));
	return it;
}

struct library_loan *library_loan_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct library_loan *l = arena_alloc(r->a, sizeof(*l));
	enum err e = library_loan_get(r->db, r->a, r->me.org_id, id, l);
	if (e)
		return not_loaded(r, e, T("There is no such loan."));
	if (!access_library_see(&r->viewer, r->me.org_id))
		return forbidden(r, T("You do not have access to the library."));
	struct person borrower = { l->borrower_id, r->me.org_id, l->borrower_team_id };
	if (need != NEED_SEE && !access_library_return(&r->viewer, &borrower))
		return forbidden(r, T("A loan is returned by its borrower, their manager or an admin."));
	return l;
}

struct user *library_suggest_rep_load_or_reply(struct request *r, int64_t rep_id)
{
	return rep_for(r, rep_id, access_library_suggest,
		       T("An item is suggested by the manager who leads the rep's team, to a rep of that team."));
}

struct user *library_lend_rep_load_or_reply(struct request *r, int64_t rep_id)
{
	return rep_for(r, rep_id, access_library_lend_for,
		       T("A manager lends a copy to a rep of a team they lead."));
}

/* learning (issue 9): sales meetings and the case library */
struct meeting *meeting_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct meeting *m = arena_alloc(r->a, sizeof(*m));
	enum err e = meeting_get(r->db, r->a, r->me.org_id, id, m);
	if (e)
		return not_loaded(r, e, T("There is no such meeting."));
	if (!access_meeting_see(&r->viewer, m->org_id, m->team_id))
		return forbidden(r, T("A team's sales meetings are seen by its members and its manager."));
	if (need != NEED_SEE && !access_meeting_manage(&r->viewer, m->org_id, m->team_id))
		return forbidden(r, T("Only the team's manager runs its sales meetings."));
	return m;
}

struct practice_case *case_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct practice_case *x = arena_alloc(r->a, sizeof(*x));
	enum err e = case_get(r->db, r->a, r->me.org_id, id, x);
	if (e)
		return not_loaded(r, e, T("There is no such case."));
	if (!access_case_see(&r->viewer, x->org_id))
		return forbidden(r, T("You do not have access to this page."));
	if (need != NEED_SEE && !access_case_change(&r->viewer, x->org_id))
		return forbidden(r, T("Managers and admins change the case library."));
	return x;
}

/* development (issue 8): field coaching and one-on-ones */
struct one_on_one *ooo_load_or_reply(struct request *r, int64_t id, enum access_need need)
{
	struct one_on_one *o = arena_alloc(r->a, sizeof(*o));
	enum err e = ooo_get(r->db, r->a, r->me.org_id, id, o);
	if (e)
		return not_loaded(r, e, T("There is no such one-on-one."));
	struct person rep = { o->rep_id, r->me.org_id, o->rep_team_id };
	if (!access_one_on_one_see(&r->viewer, &rep))
		return forbidden(r, T("One-on-ones are seen by the rep and the manager who leads the rep's team only."));
	if (need != NEED_SEE && !access_one_on_one_manage(&r->viewer, &rep))
		return forbidden(r, T("Only the manager who leads the rep's team can do this."));
	return o;
}

struct user *ooo_rep_load_or_reply(struct request *r, int64_t rep_id, enum access_need need)
{
	struct user *u = arena_alloc(r->a, sizeof(*u));
	enum err e = user_get(r->db, r->a, r->me.org_id, rep_id, u);
	if (e)
		return not_loaded(r, e, T("There is no such user."));
	struct person rep = { u->id, u->org_id, u->team_id };
	if (!access_one_on_one_see(&r->viewer, &rep))
		return forbidden(r, T("One-on-ones are seen by the rep and the manager who leads the rep's team only."));
	if (need != NEED_SEE && !access_one_on_one_manage(&r->viewer, &rep))
		return forbidden(r, T("Only the manager who leads the rep's team can do this."));
	return u;
}

struct observation *obs_load_or_reply(struct request *r, int64_t id)
{
	struct observation *ob = arena_alloc(r->a, sizeof(*ob));
	enum err e = obs_get(r->db, r->a, r->me.org_id, id, ob);
	if (e)
		return not_loaded(r, e, T("There is no such observation."));
	struct observation_ref ref = { { ob->rep_id, r->me.org_id, ob->rep_team_id }, ob->observer_id };
	if (!access_observation_see(&r->viewer, &ref))
		return forbidden(r, T("An observation is seen by the rep, the manager who leads the rep's team and its "
				      "observer only."));
	return ob;
}

/* the user rep_id when rule allows the caller, else NULL after answering */
static struct user *rep_for(struct request *r, int64_t rep_id, int (*rule)(const struct viewer *, const struct person *),
			    const char *message)
{
	struct user *u = arena_alloc(r->a, sizeof(*u));
	enum err e = user_get(r->db, r->a, r->me.org_id, rep_id, u);
	if (e)
		return not_loaded(r, e, T("There is no such user."));
	struct person p = { u->id, u->org_id, u->team_id };
	return rule(&r->viewer, &p) ? u : forbidden(r, message);
}

struct user *obs_rep_load_or_reply(struct request *r, int64_t rep_id)
{
	return rep_for(r, rep_id, access_observation_write,
		       T("Observations of a rep are written by the manager who leads the rep's team or a team-mate."));
}

struct user *obs_list_load_or_reply(struct request *r, int64_t rep_id)
{
	return rep_for(r, rep_id, access_observation_list,
		       T("Observations are seen by the rep and the manager who leads the rep's team only."));
}

enum err obs_for_assessment(struct request *r, const struct assessment *a, struct obs_list *out)
{
	out->n = 0;
	out->items = NULL;
	struct assessment_form f = load_assessment_form(a);
	if (!access_assessment_observations(&r->viewer, &f))
		return E_OK;
	const char *from;
	enum err e = assessment_previous_round_on(r->db, r->a, r->me.org_id, a->rep_id, a->round_id, &from);
	if (e)
		return e;
	if (!*from) {
		char today[11];
		today_date(today);
		int y = (today[0] - '0') * 1000 + (today[1] - '0') * 100 + (today[2] - '0') * 10 + (today[3] - '0');
		from = arena_printf(r->a, "%04d%s", y - 1, today + 4);
	}
	return obs_list_rep(r->db, r->a, r->me.org_id, a->rep_id, from, NULL, out);
}

enum err obs_evidence_check(struct request *r, const struct assessment *a, int64_t obs_id, int64_t trait_id)
{
	struct observation ob;
	enum err e = obs_get(r->db, r->a, r->me.org_id, obs_id, &ob);
	if (e == E_NOTFOUND)
		return E_FORBIDDEN;
	if (e)
		return e;
	struct assessment_form f = load_assessment_form(a);
	struct observation_ref ref = { { ob.rep_id, ob.org_id, ob.rep_team_id }, ob.observer_id };
	if (!access_assessment_observation_use(&r->viewer, &f, &ref))
		return E_FORBIDDEN;
	for (size_t i = 0; i < ob.nscores; i++)
		if (ob.scores[i].trait_id == trait_id)
			return E_OK;
	return E_FORBIDDEN;
}

/* levers (issue 10): improvement plans */
struct improve_plan *improve_load_or_reply(struct request *r, int64_t id, enum access_need need, struct person *rep)
{
	struct improve_plan *p = arena_alloc(r->a, sizeof(*p));
	enum err e = improve_get(r->db, r->a, r->me.org_id, id, p);
	if (e)
		return not_loaded(r, e, T("There is no such improvement plan."));
	struct improve_ref ref = { { p->rep_id, p->org_id, p->rep_team_id }, p->status };
	if (!access_improve_see(&r->viewer, &ref))
		return forbidden(r, T("An improvement plan is seen by the rep and the manager who leads the rep's team only."));
	if (need == NEED_CHANGE && !access_improve_manage(&r->viewer, &ref.rep))
		return forbidden(r, T("Only the rep's manager changes an improvement plan."));
	if (rep)
		*rep = ref.rep;
	return p;
}

struct user *improve_rep_load_or_reply(struct request *r, int64_t rep_id, enum access_need need)
{
	struct user *u = arena_alloc(r->a, sizeof(*u));
	enum err e = user_get(r->db, r->a, r->me.org_id, rep_id, u);
	if (e)
		return not_loaded(r, e, T("There is no such user."));
	struct person p = { u->id, u->org_id, u->team_id };
	if (!access_private(&r->viewer, &p))
		return forbidden(r, T("You do not have access to this rep's improvement plans."));
	if (need == NEED_CHANGE && !access_improve_manage(&r->viewer, &p))
		return forbidden(r, T("Only the rep's manager makes an improvement plan for the rep."));
	return u;
}

/* running it for real (issue 16): webhooks */
struct webhook *webhook_load_or_reply(struct request *r, int64_t id)
{
	if (!access_webhook_manage(&r->viewer, r->me.org_id))
		return forbidden(r, T("You do not have access to this page."));
	struct webhook *w = arena_alloc(r->a, sizeof(*w));
	enum err e = webhook_get(r->db, r->a, r->me.org_id, id, w);
	return e ? not_loaded(r, e, T("There is no such webhook.")) : w;
}
