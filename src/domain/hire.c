/* hire: see hire.h. */
#include "hire.h"
#include "recruit.h"
#include "validate.h"
#include "../lib/i18n.h"
#include "../lib/util.h"
#include <string.h>

static void add(struct rule_error *errs, size_t max, size_t *n, const char *field, const char *message)
{
	if (*n < max) {
		errs[*n].field = field;
		errs[*n].message = message;
	}
	(*n)++;
}

size_t hire_validate(const struct hire_input *in, struct rule_error *errs, size_t max)
{
	size_t n = 0;
	const char *m;
	if ((m = validate_name(in->name ? in->name : "")))
		add(errs, max, &n, "name", m);
	if ((m = validate_email(in->email ? in->email : "")))
		add(errs, max, &n, "email", m);
	else if (in->email_taken)
		add(errs, max, &n, "email",
		    N_("A user of your organisation has this e-mail address already. Hire with another address."));
	if (!in->team_ok)
		add(errs, max, &n, "team_id", N_("Choose a team of your organisation."));
	else if (!in->team_allowed)
		add(errs, max, &n, "team_id", N_("Choose one of the teams you lead."));
	if (!in->start_on || !date_valid(in->start_on))
		add(errs, max, &n, "start_on", N_("Enter the start date (YYYY-MM-DD)."));
	if (!in->lang || lang_parse(in->lang) < 0)
		add(errs, max, &n, "lang", N_("Choose English, Dutch or Norwegian."));
	return n < max ? n : max;
}

int hire_score_round(long sum, long n)
{
	if (n <= 0)
		return 0;
	/* scores are positive: (2 sum + n) / 2n is the mean rounded half up */
	return (int)((2 * sum + n) / (2 * n));
}

size_t back_to_pool_validate(const char *touch_on, const char *kind, const char *today, struct rule_error *errs,
			     size_t max)
{
	size_t n = 0;
	if (!touch_on || !*touch_on || !date_valid(touch_on))
		add(errs, max, &n, "touch_on", N_("Enter the date to get back in touch (YYYY-MM-DD)."));
	else if (strcmp(touch_on, today) < 0)
		add(errs, max, &n, "touch_on", N_("The date to get back in touch cannot be in the past."));
	int kind_ok = 0;
	for (size_t i = 0; kind && i < recruit_conv_kind_count; i++)
		kind_ok |= !strcmp(kind, recruit_conv_kind_codes[i]);
	if (!kind_ok)
		add(errs, max, &n, "kind", N_("Choose how you told the candidate: call, meeting, video call or visit."));
	return n < max ? n : max;
}
