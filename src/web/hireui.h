/*
 * hireui: what the hiring pages (web/page-hire.c, page-hiring-profile.c)
 * share with the API (api/api-hiring.c): the checks and the store calls of
 * a hire and of a move back into the pool, and the hiring profile's words.
 */
#ifndef SG_WEB_HIREUI_H
#define SG_WEB_HIREUI_H
#include "../http/request.h"
#include "../domain/hire.h"
#include "../domain/hiring-profile.h"
#include "../service/hiring-profile.h"
#include "../store/hire.h"
#include "../store/recruit.h"

struct hire_fields {
	const char *name, *email, *team_id, *start_on, *lang;
};

/*
 * Checks the hire (domain/hire.c: the e-mail address free in the
 * organisation, the team one of it) and, when fine, hires: *nerr faults and
 * nothing stored, or the rep created with password (made up here, shown
 * once by the caller) and *res. E_CONFLICT with errs[0] naming the field
 * when the store refused (the address taken meanwhile, hired already).
 */
enum err hireui_hire(struct request *r, const struct candidate *c, const struct hire_fields *f,
		     struct rule_error *errs, size_t *nerr, char password[17], struct hire_result *res);

/* checks and moves the candidate back into the pool with a step "Get back
 * in touch" due touch_on; *nerr faults and nothing stored; E_CONFLICT when
 * the candidate was hired */
enum err hireui_to_pool(struct request *r, const struct candidate *c, const char *touch_on, const char *kind,
			const char *notes, struct rule_error *errs, size_t *nerr, int64_t *step_id);

/* a trait's warning in words ("Too few reps to trust: n = 7."), NULL none */
const char *hiring_profile_warning(struct request *r, const struct hp_trait *t);
/* the one sentence saying exactly what was computed */
const char *hiring_profile_sentence(struct request *r, const struct hiring_profile *p);

#endif
