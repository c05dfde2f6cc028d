/*
 * people: adding users and teams as one step — the rules of domain/validate,
 * password hashing, and the inserts. Shared by the command line, the admin
 * pages, the API and the demo, so each says "add a user" the same way.
 * Each runs in a transaction of its own, or as a savepoint inside the
 * caller's (db_begin nests), so the demo and imports can add many at once.
 * On E_INVALID, *field names the offending field and *msg holds an English
 * message marked for translation; E_CONFLICT means the name or e-mail
 * address is taken.
 */
#ifndef SG_STORE_PEOPLE_H
#define SG_STORE_PEOPLE_H
#include "../db/db.h"
#include "../lib/arena.h"

struct new_user {
	const char *email, *name, *role;
	int64_t team_id;		/* 0: no team */
	const char *password;		/* NULL: cannot sign in until one is set */
	const char *locale;		/* NULL: the organisation's */
};

struct new_team {
	const char *name, *territory, *segment;
	int64_t manager_id;		/* 0: none */
};

enum err people_add_user(struct db_conn *c, struct arena *a, int64_t org_id, const struct new_user *nu,
			 int64_t *id, const char **field, const char **msg);
enum err people_add_team(struct db_conn *c, struct arena *a, int64_t org_id, const struct new_team *nt,
			 int64_t *id, const char **field, const char **msg);
/* checks that manager_id is an active manager or admin of the organisation */
enum err people_check_manager(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
			      const char **msg);

#endif
