/* mirror: see mirror.h. */
#include "mirror.h"
#include "../lib/i18n.h"
#include <string.h>

const char *const mirror_skill_codes[MIRROR_SKILLS] = {
	"recruiting", "coaching", "underperformance", "no_excuses", "competition",
};
const char *const mirror_skill_labels[MIRROR_SKILLS] = {
	/* TRANSLATORS: a skill of sales leadership (the manager's mirror) */
	N_("Recruiting pro-actively"),
	/* TRANSLATORS: a skill of sales leadership (the manager's mirror) */
	N_("Coaching"),
	/* TRANSLATORS: a skill of sales leadership (the manager's mirror) */
	N_("Handling underperformance"),
	/* TRANSLATORS: a skill of sales leadership (the manager's mirror) */
	N_("A no-excuses culture"),
	/* TRANSLATORS: a skill of sales leadership (the manager's mirror) */
	N_("Creating competition"),
};
const char *const mirror_skill_hints[MIRROR_SKILLS] = {
	N_("Always looking for top sellers, not only when someone leaves."),
	N_("Training and coaching beyond the monthly meeting and the one-on-one."),
	N_("Finding out why, with empathy, and never muddling on with a mediocre seller."),
	N_("Not accepting excuses about territory, prices or the economy."),
	N_("Sharing results and putting the top sellers in the spotlight."),
};

int mirror_score_parse(const char *s)
{
	if (!s || strlen(s) != 1 || s[0] < '1' || s[0] > '5')
		return 0;
	return s[0] - '0';
}

int mirror_upward_visible(int64_t answers)
{
	return answers >= MIRROR_MIN_ANSWERS;
}

double mirror_average(int64_t sum, int64_t answers)
{
	return answers > 0 ? (double)sum / (double)answers : 0;
}
