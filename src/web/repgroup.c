/*
 * repgroup: see repgroup.h. With nobody named the group is who_default's,
 * as on every other page: a manager's teams, an admin's organisation.
 */
#include "repgroup.h"
#include "ui.h"
#include <string.h>

int repgroup_default(struct request *r, struct who *w)
{
	if (who_default(r, w))
		return -1;
	return w->kind == WHO_REP ? who_set(r, w, WHO_LED, 0) : 0;
}

int repgroup_from_query(struct request *r, struct who *w)
{
	int got = who_from_query(r, w);
	if (got < 0)
		return -1;
	/* nobody named: who_default's choice; for a manager who leads no team
	 * (the only caller of these manager pages whose default is themself)
	 * that is the empty group of their teams, not an error */
	if (!got && repgroup_default(r, w)) {
		resp_store_error(r, E_OK);
		return -1;
	}
	if (w->kind == WHO_REP) {
		resp_error(r, E_INVALID, T("This page compares the reps of a team: choose a team, not one person."));
		return -1;
	}
	return 0;
}

int repgroup_options(struct request *r, struct who_options *opt)
{
	if (who_options(r, WHO_OPT_LED, opt))
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

struct numbers_scope repgroup_scope(struct request *r, const struct who *w)
{
	struct numbers_scope sc = { 0, 0, 0 };
	if (w->kind == WHO_TEAM)
		sc.team_id = w->id;
	else if (w->kind == WHO_LED)
		sc.manager_id = r->me.user_id;
	return sc;
}
