/*
 * auth: the queries behind signing in — sessions (cookie), API tokens
 * (Bearer), the sign-in throttle's counters and the installation's secrets.
 * Only SHA-256 hashes of session and API tokens are stored; the secrets
 * exist in the client alone.
 *
 * A session cookie is "<org_id>.<secret>", an API token "sg_<org_id>.<secret>":
 * the organisation travels with the secret, so every lookup names it (one
 * shard on a PostgreSQL distributed by organisation). The hash covers the
 * whole value, so the organisation cannot be swapped for another.
 */
#ifndef SG_STORE_AUTH_H
#define SG_STORE_AUTH_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

#define SESSION_SECONDS (14 * 24 * 3600)

/* who is signed in, as one request needs it */
struct principal {
	int64_t user_id, org_id;
	const char *email, *name, *role;
	const char *user_locale;	/* "" when unset */
	const char *org_slug, *org_name, *org_locale, *currency;
	const char *csrf;		/* the session's CSRF token; "" for API tokens */
	int64_t token_id;		/* the API token used, 0 for a session */
};

/* the organisation at the front of "<org_id>.<secret>" (after an optional
 * prefix such as "sg_"); 0 when the value has not that form */
int64_t org_of_secret(const char *value, const char *prefix);

/* creates a session; *token (for the cookie) and *csrf come from the arena */
enum err session_create(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			const char **token, const char **csrf);
/* E_NOTFOUND for an unknown, expired session or an inactive user */
enum err session_lookup(struct db_conn *c, struct arena *a, const char *token, struct principal *out);
enum err session_delete(struct db_conn *c, const char *token);
/* signs a user out everywhere but keep_token (may be NULL) */
enum err session_delete_others(struct db_conn *c, int64_t org_id, int64_t user_id, const char *keep_token);

/* creates an API token; *token is shown once and never stored */
enum err token_create(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
		      const char *label, const char **token);
enum err token_lookup(struct db_conn *c, struct arena *a, const char *token, struct principal *out);

struct api_token {
	int64_t id, user_id, created_at, last_used_at;	/* last_used_at 0: never */
	const char *label, *user_name, *user_email;
};
struct api_token_list {
	struct api_token *items;
	size_t n;
};
/* the tokens not revoked, newest first: one user's, or (user_id 0) the
 * whole organisation's; at most TOKEN_LIST_MAX (every list is bounded) */
#define TOKEN_LIST_MAX 500
enum err token_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
		    struct api_token_list *out);
/* revokes one token; user_id 0 allows any user's of the organisation.
 * E_NOTFOUND when there is no such token not yet revoked. */
enum err token_revoke(struct db_conn *c, int64_t org_id, int64_t user_id, int64_t id);
/* revokes every token of a user (a new password) */
enum err token_revoke_all(struct db_conn *c, int64_t org_id, int64_t user_id);

/* the team the user is a member of, 0 for none */
enum err user_team_id(struct db_conn *c, int64_t org_id, int64_t user_id, int64_t *team_id);

/*
 * The throttle's counters (rules in domain/throttle.h). throttle_hit counts
 * one attempt for key in a fixed window that starts with the first attempt
 * and lasts `window` seconds, in one statement; *attempts is the count with
 * this one, *window_end when the count starts over.
 */
enum err throttle_hit(struct db_conn *c, const char *key, int64_t now, int64_t window,
		      int64_t *attempts, int64_t *window_end);
/* takes the key's slot if it is free at `now` and holds it for `spacing`
 * seconds: E_OK, or E_THROTTLED with *next_at the time it frees */
enum err throttle_take_slot(struct db_conn *c, const char *key, int64_t now, int64_t spacing,
			    int64_t *next_at);
/* gives one attempt back (a right password) */
enum err throttle_forgive(struct db_conn *c, const char *key);
/* forgets counters whose window ended before `before` */
enum err throttle_sweep(struct db_conn *c, int64_t before);

/* the named secret of the installation (32 random bytes, base64url), made on first use
 * and then the same for every server on the database; *value from the arena */
enum err server_secret(struct db_conn *c, struct arena *a, const char *name, const char **value);

#endif
