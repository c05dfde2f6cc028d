/* access: see access.h. */
#include "access.h"
#include <string.h>

enum role role_parse(const char *s)
{
	if (!s)
		return ROLE_NONE;
	if (!strcmp(s, "rep"))
		return ROLE_REP;
	if (!strcmp(s, "manager"))
		return ROLE_MANAGER;
	if (!strcmp(s, "admin"))
		return ROLE_ADMIN;
	return ROLE_NONE;
}

const char *role_name(enum role r)
{
	switch (r) {
	case ROLE_REP: return "rep";
	case ROLE_MANAGER: return "manager";
	case ROLE_ADMIN: return "admin";
	default: return "none";
	}
}

int access_leads_team(const struct viewer *v, int64_t team_id)
{
	if (!team_id)
		return 0;
	for (size_t i = 0; i < v->nled; i++)
		if (v->led_teams[i] == team_id)
			return 1;
	return 0;
}

int access_private(const struct viewer *v, const struct person *p)
{
	if (!v || !p || v->org_id != p->org_id || v->role == ROLE_NONE)
		return 0;
	if (v->id == p->id)
		return 1;
	return (v->role == ROLE_MANAGER || v->role == ROLE_ADMIN) && access_leads_team(v, p->team_id);
}

int access_profile(const struct viewer *v, const struct person *p)
{
	if (!v || !p || v->org_id != p->org_id)
		return 0;
	return v->role == ROLE_ADMIN || access_private(v, p);
}

int access_admin(const struct viewer *v, int64_t org_id)
{
	return v && v->org_id == org_id && v->role == ROLE_ADMIN;
}

int access_team(const struct viewer *v, int64_t org_id, int64_t team_id)
{
	if (!v || v->org_id != org_id)
		return 0;
	return v->role == ROLE_ADMIN || access_leads_team(v, team_id) || (team_id && v->team_id == team_id);
}

enum scope access_deal_scope(const struct viewer *v)
{
	if (v->role == ROLE_ADMIN)
		return SCOPE_ALL;
	return v->role == ROLE_MANAGER ? SCOPE_LED : SCOPE_SELF;
}

int access_deal(const struct viewer *v, const struct person *owner)
{
	if (!v || !owner || v->org_id != owner->org_id)
		return 0;
	return v->role == ROLE_ADMIN || access_private(v, owner);
}
