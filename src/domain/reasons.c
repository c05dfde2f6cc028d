/* reasons: see reasons.h. */
#include "reasons.h"
#include "validate.h"
#include "../lib/i18n.h"
#include <string.h>

const char *const reason_seed_codes[] = { "price", "competitor", "no_budget", "no_need", "no_authority",
					  "no_decision", "timing", "not_a_fit", "other" };
const size_t reason_seed_count = sizeof(reason_seed_codes) / sizeof(reason_seed_codes[0]);

/* TRANSLATORS: reasons why a deal is lost or a conversation ends in a stop */
static const char *const reason_seed_labels[] = { N_("Price"), N_("Competitor"), N_("No budget"), N_("No need"),
						  N_("No authority"), N_("No decision"), N_("Timing"),
						  N_("Not a fit"), N_("Other") };

const char *reason_seed_label(const char *code)
{
	for (size_t i = 0; code && i < reason_seed_count; i++)
		if (!strcmp(reason_seed_codes[i], code))
			return reason_seed_labels[i];
	return NULL;
}

const char *reason_label_check(const char *label)
{
	const char *m = validate_name(label);
	if (m)
		return !strcmp(m, "Enter a name.") ? N_("Enter the reason.") : m;
	if (strlen(label) > REASON_LABEL_MAX)
		return N_("A reason is at most 100 characters long.");
	return NULL;
}

void reason_code_from_label(const char *label, char *out, size_t cap)
{
	size_t n = 0, max = cap ? (cap - 1 < 40 ? cap - 1 : 40) : 0;
	int gap = 0;
	for (const char *p = label ? label : ""; *p && n < max; p++) {
		char ch = *p;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			if (gap && n && n + 1 < max)
				out[n++] = '_';
			out[n++] = ch;
			gap = 0;
		} else {
			gap = 1;
		}
	}
	if (!n && cap) {
		strncpy(out, "reason", cap - 1);
		n = strlen("reason") < cap - 1 ? strlen("reason") : cap - 1;
	}
	if (cap)
		out[n] = 0;
}

int reason_code_valid(const char *code)
{
	size_t n = code ? strlen(code) : 0;
	if (!n || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((code[i] >= 'a' && code[i] <= 'z') || (code[i] >= '0' && code[i] <= '9') || code[i] == '_'))
			return 0;
	return 1;
}
