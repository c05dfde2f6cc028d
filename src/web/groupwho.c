/*
 * groupwho: see groupwho.h. The default follows the people who use these
 * pages: a manager looks after the teams they lead, an admin after the
 * whole organisation.
 */
#include "groupwho.h"
#include "ui.h"
#include <string.h>

int group_who(struct request *r, struct who *w)
{
	int got = who_from_query(r, w);
	if (got < 0)
		return -1;
	if (got && w->kind == WHO_REP) {
		resp_error(r, E_INVALID, T("This page compares the reps of a team: choose a team, not one person."));
		return -1;
	}
	if (!got && who_set(r, w, r->viewer.role == ROLE_ADMIN ? WHO_ORG : WHO_LED, 0)) {
		resp_store_error(r, E_OK);
		return -1;
	}
	return 0;
}

int group_options(struct request *r, struct who_options *opt)
{
	if (who_options(r, 1, opt))
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < opt->n; i++)
		if (strncmp(opt->values[i], "rep:", 4)) {
			opt->values[k] = opt->values[i];
			opt->labels[k++] = opt->labels[i];
		}
	opt->n = k;
	return 0;
}

struct numbers_scope group_scope(struct request *r, const struct who *w)
{
	struct numbers_scope sc = { 0, 0, 0 };
	if (w->kind == WHO_TEAM)
		sc.team_id = w->id;
	else if (w->kind == WHO_LED)
		sc.manager_id = r->me.user_id;
	return sc;
}
