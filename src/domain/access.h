/*
 * access: who may see and do what — decided here, once, for every page and
 * endpoint. Plain structs in, a yes or no out; no SQL, no I/O.
 *
 *   - nobody sees another organisation's anything;
 *   - an admin manages users and teams of the organisation (the directory),
 *     but reads a rep's private data only if they also lead the rep's team;
 *   - a manager sees the reps of the teams they lead, private data included;
 *   - a rep sees their own private data and never another rep's.
 */
#ifndef SG_ACCESS_H
#define SG_ACCESS_H
#include <stdint.h>
#include <stddef.h>

enum role { ROLE_NONE = 0, ROLE_REP = 1, ROLE_MANAGER = 2, ROLE_ADMIN = 3 };

/* "rep", "manager", "admin" -> role; ROLE_NONE otherwise */
enum role role_parse(const char *s);
const char *role_name(enum role r);	/* "rep", "manager", "admin" */

struct viewer {
	int64_t id, org_id;
	enum role role;
	int64_t team_id;		/* the team the viewer belongs to, 0 if none */
	const int64_t *led_teams;	/* teams the viewer manages */
	size_t nled;
};

struct person {
	int64_t id, org_id;
	int64_t team_id;		/* 0 if in no team */
};

int access_leads_team(const struct viewer *v, int64_t team_id);
/* private data: assessments, notes, plans, check-ins, coaching, deals */
int access_private(const struct viewer *v, const struct person *p);
/* directory entry: name, e-mail, role, team */
int access_profile(const struct viewer *v, const struct person *p);
/* add/deactivate users, create teams and change their manager */
int access_admin(const struct viewer *v, int64_t org_id);
/* a team's member list and team-level figures */
int access_team(const struct viewer *v, int64_t org_id, int64_t team_id);

/*
 * Deals, accounts and conversations are the company's business rather than
 * personal coaching data: a rep sees their own, a manager those of the reps
 * in the teams they lead (and their own), an admin all of the organisation.
 * Lists are filtered in SQL by this scope.
 */
enum scope { SCOPE_ALL = 0, SCOPE_SELF = 1, SCOPE_LED = 2 };
enum scope access_deal_scope(const struct viewer *v);
/* may the viewer see (and work on) deals owned by owner? */
int access_deal(const struct viewer *v, const struct person *owner);

#endif
