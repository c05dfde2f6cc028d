/*
 * recruit: the rules of recruiting, part 1 (issue 11, PRODUCT.md section E):
 * the talent pool and step or stop with candidates. A candidate is checked
 * here before it is stored (a name; a known source; an e-mail that is one;
 * a retention date not in the past), and every contact with a candidate is
 * a conversation that ends in a STEP (what, by when, who) or a STOP (a
 * reason) — checked by the customers' rules (domain/commitment.h
 * conversation_validate_all), not a copy of them. A candidate whose steps
 * keep slipping is "strung along" by the deals' rule (deal_health).
 *
 * Plain structs in, plain structs out: no SQL, no HTML, no I/O. Dates are
 * "YYYY-MM-DD"; today is passed in.
 */
#ifndef SG_RECRUIT_H
#define SG_RECRUIT_H
#include <stdint.h>
#include <stddef.h>
#include "commitment.h"

/* where a candidate comes from, in display order */
extern const char *const recruit_source_codes[];	/* referral, event, linkedin, agency, applied */
extern const size_t recruit_source_count;
const char *recruit_source_label(const char *code);	/* an N_ msgid, or the code */
int recruit_source_valid(const char *code);

/* the kinds of a conversation with a candidate (a subset of conv_kind_codes) */
extern const char *const recruit_conv_kind_codes[];	/* call, meeting, video, visit */
extern const size_t recruit_conv_kind_count;

/* why a candidate's story stops, in display order */
extern const char *const recruit_stop_codes[];
extern const size_t recruit_stop_count;
const char *recruit_stop_label(const char *code);
int recruit_stop_valid(const char *code);

/* how long a candidate's data is kept after the last contact, by default */
#define RECRUIT_RETAIN_MONTHS 12
/* the date RECRUIT_RETAIN_MONTHS months after last_contact (the day clamped
 * to the month's end) into out[11] */
void recruit_retain_default(const char *last_contact, char out[11]);

#define CANDIDATE_TEXT_MAX 200		/* name, e-mail, phone, job title, company */
#define CANDIDATE_TAGS_MAX 500
#define CANDIDATE_NOTES_MAX 5000
#define RECRUIT_ERRORS_MAX 16

struct candidate_input {
	const char *name, *email, *phone, *source, *job_title, *company, *tags, *notes;
	int known_by_ok;		/* known_by is none (0) or an active user of the organisation */
	const char *consent_on;		/* NULL or "": not given */
	const char *retain_until;	/* NULL or "": the default */
};

/* every fault at once, the first of each field, in the form's order: how
 * many (0: acceptable), at most max of them in errs */
size_t candidate_validate(const struct candidate_input *in, const char *today, struct rule_error *errs, size_t max);

/* a conversation with a candidate, as logged */
struct candidate_conv_input {
	const char *kind, *date, *notes;
	const char *outcome;		/* "step" or "stop" */
	const char *step_what, *step_due, *step_who;
	const char *stop_reason, *stop_note;
	/* the candidate's open step, when there is one: how it ended
	 * (step_answer codes: kept, slipped, missed, open; NULL: not said) */
	int has_open_step;
	const char *open_due;
	const char *open_answer;
};

/* every fault at once (fields: kind, date, notes, outcome, step_what,
 * step_due, step_who, stop_reason, stop_note, open_step): how many. The
 * step's and stop's rules are the customers' (conversation_validate_all);
 * a candidate's conversation has no "no commitment": it ends in a step or
 * a stop. A slipped open step moves to the new step's date, so it needs
 * outcome step with a due date that step_slip_check accepts. */
size_t candidate_conv_validate(const struct candidate_conv_input *in, const char *today, struct rule_error *errs,
			       size_t max);

/* the status the candidate's open step gets when a conversation is logged
 * (step_answer_status): STEP_S_OPEN for a slip (the caller moves it) */
enum step_status candidate_open_step_status(const struct candidate_conv_input *in, int grace_days);

/* --- strung along --- */

struct candidate_signals {
	int stopped;			/* the last conversation ended in a stop */
	int conversations;		/* conversations logged */
	int has_open_step;
	const char *next_due;		/* the open step's due date */
	int next_slips;
	int missed_steps;		/* steps missed, ever */
	const char *created;
};

/*
 * The deals' rule (deal_health with the organisation's health settings) on
 * a candidate: strung along when their open step slipped max_slips times or
 * more, when a step of theirs was missed (or is open past the grace
 * period), or when an active candidate we have talked to has no next step.
 * Two of the deals' signals do not fit a pool kept warm over months and are
 * left out: conversations without a stage's progress and a commitment older
 * than stale_commitment_days (a step agreed "in three months" is fine).
 * A stopped candidate, or one nobody has talked to yet, is never strung
 * along.
 */
struct health_result candidate_health(const struct candidate_signals *s, const struct health_settings *cfg,
				      const char *today);

/* --- vacancies and their pipeline (part 2) --- */

extern const char *const vacancy_status_codes[];	/* open, filled, closed */
extern const size_t vacancy_status_count;
const char *vacancy_status_label(const char *code);

#define VACANCY_TEXT_MAX 200
struct vacancy_input {
	const char *title, *territory, *opens_on, *target_on, *status;
	int team_ok;			/* the team is none, or one the caller may open a vacancy for */
};
/* every fault at once (title, team_id, territory, opens_on, target_on, status) */
size_t vacancy_validate(const struct vacancy_input *in, struct rule_error *errs, size_t max);

/* the default stages of a vacancy's pipeline, in order: English msgids (N_)
 * for the organisation's language, with their kind (open, hired, declined) */
struct recruit_stage_default {
	const char *name, *kind;
};
extern const struct recruit_stage_default recruit_stage_defaults[];
extern const size_t recruit_stage_default_count;
#define RECRUIT_STAGE_NAME_MAX 80
/* a stage's name: not blank, at most RECRUIT_STAGE_NAME_MAX bytes */
const char *recruit_stage_name_check(const char *name);

#endif
