/*
 * dealui: what the pipeline, deal and account pages share — the people and
 * teams a viewer may filter by or hand a deal to, the stage vocabulary, the
 * status of a deal in words, and amounts as a form shows them. Which owners
 * a viewer may see is decided by domain/access.c; this only lists them.
 */
#ifndef SG_DEALUI_H
#define SG_DEALUI_H
#include "ui.h"
#include "../store/deals.h"
#include "../store/stages.h"
#include "../store/teams.h"
#include "../store/users.h"


/* values and labels for ui_select */
struct dealui_opts {
	const char **values, **labels;
	size_t n;
};

/* the id in query or form field key; 0 when absent or not a positive number */
int64_t dealui_query_id(struct request *r, const char *key);
int64_t dealui_form_id(struct request *r, const char *key);
/* a trimmed copy of a form field, "" when absent */
char *dealui_form_text(struct request *r, const char *key);

/* the organisation's stages (the defaults are created first when none exist) */
enum err dealui_stages(struct request *r, struct stage_list *out);
/* stage options: only the open stages (open_only), or all; first is "" with
 * first_label when that is not NULL */
void dealui_stage_options(struct request *r, const struct stage_list *s, int open_only, const char *first_label,
			  struct dealui_opts *out);

/* the people whose deals the viewer may see, by name: a rep themself, a
 * manager the members of the teams they lead and themself, an admin everyone.
 * active_only leaves out deactivated users (for choosing an owner). */
enum err dealui_people(struct request *r, int active_only, struct user_list *out);
/* the teams a viewer may filter by: an admin all, a manager those they lead,
 * a rep none */
enum err dealui_teams(struct request *r, struct team_list *out);
/* people or teams as options; first is "" with first_label when not NULL */
void dealui_people_options(struct request *r, const struct user_list *u, const char *first_label,
			   struct dealui_opts *out);
void dealui_team_options(struct request *r, const struct team_list *t, const char *first_label,
			 struct dealui_opts *out);

/* an amount in minor units as an amount field shows it: "12500" or "12500,50" */
const char *dealui_money_input(struct request *r, int64_t minor);
/* "open", "won", "lost", "paused" in words */
const char *dealui_status_label(struct request *r, const char *status);
/* health for an open deal (with reasons when asked), else a status badge */
void dealui_status(struct request *r, const struct deal *d, int with_reasons);
/* may the viewer see (and work on) this deal? */
int dealui_may_see(struct request *r, const struct deal *d);
/* an open deal without a next step that is still new (inside the grace
 * period, so its health does not count the missing step): it shows as new,
 * one state beside "healthy", not as a red "no next step" (issue 14) */
int dealui_new_without_step(const struct deal *d);
/* the words for the next step a deal lacks: "New deal: log the first
 * conversation" or "No next step" */
const char *dealui_no_step_text(struct request *r, const struct deal *d);

/* checks of a deal's fields as posted, for the new-deal and the edit form.
 * Each sets *msg to a translated message (or NULL when fine); the ones that
 * look things up return a database error, else E_OK. */
/* an amount as typed; empty is 0 */
void dealui_check_value(struct request *r, const char *text, int64_t *minor, const char **msg);
/* a date as YYYY-MM-DD, or empty */
void dealui_check_date(struct request *r, const char *text, const char **msg);
/* one of the organisation's open stages */
enum err dealui_check_stage(struct request *r, const char *text, int64_t *id, const char **msg);
/* an active person the viewer may hand a deal to */
enum err dealui_check_owner(struct request *r, const char *text, int64_t *id, const char **msg);

#endif
