/*
 * hire: the rules of hiring a candidate and of sending one back into the
 * pool (issue 11). Plain structs in, plain structs out; dates "YYYY-MM-DD".
 *
 *   a hire      a name and an e-mail address (one no user of the
 *               organisation has), a team of THIS organisation, a start
 *               date and a language (en, nl, nb); every fault at once
 *   first assessment   per trait the rounded mean of the submitted
 *               scorecards' scores, halves up (3.5 -> 4): hire_score_round
 *   back to the pool   a date to get back in touch, today or later
 */
#ifndef SG_DOMAIN_HIRE_H
#define SG_DOMAIN_HIRE_H
#include <stddef.h>
#include "commitment.h"

#define HIRE_ERRORS_MAX 8

struct hire_input {
	const char *name, *email, *start_on, *lang;
	int team_ok;		/* the team is one of the organisation */
	int team_allowed;	/* and the caller may hire into it (access_hire_team) */
	int email_taken;	/* a user of the organisation has the address */
};
/* fields: name, email, team_id, start_on, lang; how many faults (0: fine) */
size_t hire_validate(const struct hire_input *in, struct rule_error *errs, size_t max);

/* the mean of n scores summing to sum, rounded half up; 0 when n is 0 */
int hire_score_round(long sum, long n);

/* fields: touch_on, kind (call, meeting, video, visit); how many faults */
size_t back_to_pool_validate(const char *touch_on, const char *kind, const char *today, struct rule_error *errs,
			     size_t max);

#endif
