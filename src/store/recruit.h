/*
 * recruit: the queries of recruiting, part 1 (issue 11, tables of migration
 * 0026): candidates of the talent pool, their conversations and steps, and
 * the invitations to interview one. Every function takes the organisation
 * and names it in its SQL; every list is bounded. Who may see or do what is
 * domain/access.c's (access_candidate*), asked by the caller; the lists
 * apply the same rule in SQL (struct candidate_scope).
 */
#ifndef SG_STORE_RECRUIT_H
#define SG_STORE_RECRUIT_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../domain/recruit.h"

#define CANDIDATE_LIST_MAX 500
#define CANDIDATE_CONV_MAX 500

struct candidate {
	int64_t id, org_id;
	const char *name, *email, *phone, *source, *job_title, *company, *tags, *notes;
	int64_t known_by;		/* 0: nobody */
	const char *known_by_name;	/* "" when nobody */
	const char *consent_on;		/* "" when not given */
	const char *retain_until;
	int64_t vacancy_id, vacancy_team_id;	/* 0: in the pool / no team */
	const char *vacancy_title;	/* "" in the pool */
	int64_t stage_id;		/* its stage in the vacancy, 0 none */
	const char *stage_name;		/* "" none */
	const char *status;		/* "active", "stopped" */
	const char *created_on;
	int invited;			/* the asking user is invited to interview them */
	int anonymised;			/* past retention: only the counts are kept (recruit_display_name) */
	/* what the strung-along rule and the list need */
	int conversations;
	const char *last_contact;	/* "" when never */
	int missed_steps;
	int64_t step_id;		/* the open step, 0 none */
	const char *step_what, *step_who, *step_due, *step_original_due;
	int step_slips;
};

/* whose candidates a list holds: all of the organisation (admins); the
 * pool and the vacancies of the teams user_id leads (pool: managers); and
 * always those user_id is invited to */
struct candidate_scope {
	int all, pool;
	int64_t user_id;
};

struct candidate_filter {
	const char *q;			/* in name, e-mail, role, company, tags; NULL or "" any */
	const char *tag;		/* one tag, whole; NULL or "" any */
	const char *source;		/* NULL or "" any */
	const char *status;		/* "active", "stopped"; NULL or "" any */
	int64_t vacancy_id;		/* 0 any, -1 only the pool (no vacancy), else that vacancy */
	int64_t stage_id;		/* 0 any, else that stage */
};

struct candidate_new {
	const char *name, *email, *phone, *source, *job_title, *company, *tags, *notes;
	int64_t known_by;		/* 0 nobody */
	const char *consent_on;		/* NULL or "" none */
	const char *retain_until;
	int64_t created_by;
	const char *created_on;
};
enum err candidate_add(struct db_conn *c, int64_t org_id, const struct candidate_new *in, int64_t *id);
/* E_NOTFOUND when no such candidate in the organisation; invited is about user_id */
enum err candidate_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, int64_t user_id,
		       struct candidate *out);
/* by name; limit 1..CANDIDATE_LIST_MAX */
enum err candidate_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct candidate_scope *s,
			const struct candidate_filter *f, int64_t limit, int64_t offset, struct candidate **out,
			size_t *n, int64_t *total);
/* is user_id invited to any candidate of the organisation */
int candidate_invited_any(struct db_conn *c, int64_t org_id, int64_t user_id);

struct candidate_conv {
	int64_t id, author_id;
	const char *author_name, *kind, *held_on, *notes, *outcome;
	const char *stop_reason, *stop_note;	/* "" unless a stop */
	/* the step it set, 0 none */
	int64_t step_id;
	const char *step_what, *step_who, *step_due, *step_original_due, *step_status, *step_done_on;
	int step_slips;
};
/* newest first; at most CANDIDATE_CONV_MAX */
enum err candidate_conversations(struct db_conn *c, struct arena *a, int64_t org_id, int64_t candidate_id,
				 struct candidate_conv **out, size_t *n);

/* logs a conversation in one transaction: the candidate's open step
 * (open_step_id, 0 none) gets open_status (STEP_S_OPEN with slipped: moved
 * to the new step's what, who and date, its slips counted; STEP_S_OPEN
 * otherwise: replaced by the new step, so cancelled), a new step is added
 * for a step outcome (unless the open one moved), the candidate's status
 * follows the outcome and retain_until is set */
struct candidate_conv_new {
	int64_t candidate_id, author_id;
	const char *kind, *held_on, *notes, *outcome;
	const char *step_what, *step_who, *step_due;
	const char *stop_reason, *stop_note;
	int64_t open_step_id;
	enum step_status open_status;
	int open_slipped;
	const char *retain_until;
};
enum err candidate_conv_add(struct db_conn *c, int64_t org_id, const struct candidate_conv_new *in, int64_t *id);

struct candidate_invitee {
	int64_t user_id;
	const char *name, *invited_by_name;
};
/* E_CONFLICT when already invited */
enum err candidate_invite(struct db_conn *c, int64_t org_id, int64_t candidate_id, int64_t user_id,
			  int64_t invited_by);
/* by name; at most 100 */
enum err candidate_invitees(struct db_conn *c, struct arena *a, int64_t org_id, int64_t candidate_id,
			    struct candidate_invitee **out, size_t *n);

/* --- vacancies and their stages (part 2) --- */

struct recruit_stage {
	int64_t id;
	const char *name, *kind;	/* kind: open, hired, declined */
	int position;
};
#define RECRUIT_STAGES_MAX 50
/* the default stages in the organisation's language (fallback when it has
 * none), once: a no-op when the organisation has stages */
enum err recruit_stages_ensure(struct db_conn *c, int64_t org_id, int fallback_lang);
/* in order; at most RECRUIT_STAGES_MAX */
enum err recruit_stage_list(struct db_conn *c, struct arena *a, int64_t org_id, struct recruit_stage **out,
			    size_t *n);
/* after the last; E_CONFLICT when the name is taken */
enum err recruit_stage_add(struct db_conn *c, int64_t org_id, const char *name, int64_t *id);
/* E_NOTFOUND when no such stage; E_CONFLICT when the name is taken */
enum err recruit_stage_rename(struct db_conn *c, int64_t org_id, int64_t id, const char *name);

struct vacancy {
	int64_t id, team_id;		/* team 0: none */
	const char *title, *team_name, *territory, *opens_on, *target_on, *status;	/* dates "" when none */
	int64_t candidates;
};
struct vacancy_new {
	const char *title;
	int64_t team_id;
	const char *territory, *opens_on, *target_on;
};
enum err vacancy_add(struct db_conn *c, int64_t org_id, const struct vacancy_new *in, int64_t *id);
/* E_NOTFOUND when no such vacancy in the organisation */
enum err vacancy_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct vacancy *out);
/* open ones first, then by target date and title: all of the organisation
 * (all), else those of no team and of the teams user_id leads; at most 200 */
#define VACANCY_LIST_MAX 200
enum err vacancy_list(struct db_conn *c, struct arena *a, int64_t org_id, int all, int64_t user_id,
		      struct vacancy **out, size_t *n);
/* how many candidates of the vacancy are at the stage */
int64_t vacancy_stage_count(struct db_conn *c, int64_t org_id, int64_t vacancy_id, int64_t stage_id);
/* open, filled or closed (vacancy_status_codes) */
enum err vacancy_set_status(struct db_conn *c, int64_t org_id, int64_t id, const char *status);
/* the vacancy's title, team (0 none), territory, dates ("" none) and status
 * (vacancy_status_codes) changed; E_NOTFOUND when no such vacancy */
enum err vacancy_update(struct db_conn *c, int64_t org_id, int64_t id, const struct vacancy_new *in,
			const char *status);
/* the candidate's details changed (created_by and created_on of in are not
 * used); E_NOTFOUND when no such candidate */
enum err candidate_update(struct db_conn *c, int64_t org_id, int64_t id, const struct candidate_new *in);
/* moves the candidate into the vacancy (0: back to the pool) at the stage (0: none) */
enum err candidate_move(struct db_conn *c, int64_t org_id, int64_t candidate_id, int64_t vacancy_id,
			int64_t stage_id);

#endif
