/*
 * users: queries on the people of an organisation and their team. Every
 * function takes the organisation and names it in its SQL.
 */
#ifndef SG_STORE_USERS_H
#define SG_STORE_USERS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

struct user {
	int64_t id, org_id;
	const char *email, *name, *role;
	const char *locale;	/* "" when the organisation's applies */
	int active;
	int64_t team_id;	/* 0 when in no team */
	const char *team_name;
	int64_t created_at;
};

struct user_list {
	struct user *items;
	size_t n;
};

/* password_hash may be NULL (cannot sign in until one is set) */
enum err user_create(struct db_conn *c, int64_t org_id, const char *email, const char *name,
		     const char *role, const char *password_hash, int64_t *id);
enum err user_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct user *out);
enum err user_by_email(struct db_conn *c, struct arena *a, int64_t org_id, const char *email,
		       struct user *out);
/* the organisation's active users, and how many of them are reps */
enum err user_count_active(struct db_conn *c, int64_t org_id, int64_t *users, int64_t *reps);
/* every user of the organisation, by name */
enum err user_list_org(struct db_conn *c, struct arena *a, int64_t org_id, struct user_list *out);
/* members of the given teams (plus extra_id when non-zero), by name */
enum err user_list_teams(struct db_conn *c, struct arena *a, int64_t org_id, const int64_t *teams,
			 size_t nteams, int64_t extra_id, struct user_list *out);
enum err user_set_active(struct db_conn *c, int64_t org_id, int64_t id, int active);
enum err user_set_locale(struct db_conn *c, int64_t org_id, int64_t id, const char *locale);
enum err user_set_password(struct db_conn *c, int64_t org_id, int64_t id, const char *hash);
/* team_id 0 takes the user out of any team */
enum err user_set_team(struct db_conn *c, int64_t org_id, int64_t id, int64_t team_id);
enum err user_set_role(struct db_conn *c, int64_t org_id, int64_t id, const char *role);

/* for sign-in: the active users with this address in any organisation
 * (an address is unique per organisation only), by organisation name, at
 * most CREDENTIALS_MAX of them; the hash is "" when no password is set */
#define CREDENTIALS_MAX 8
struct credential {
	int64_t id, org_id;
	const char *hash, *org_slug, *org_name;
};
enum err user_credentials(struct db_conn *c, struct arena *a, const char *email,
			  struct credential out[CREDENTIALS_MAX], size_t *n);

/* the stored password hash of one user ("" when none is set), for checking
 * the current password before it is changed */
enum err user_password_hash(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id,
			    const char **hash);

#endif
