/*
 * auth: the queries behind signing in — sessions (cookie), API tokens
 * (Bearer) and the record of failed sign-ins. Only SHA-256 hashes of session
 * and API tokens are stored; the secrets exist in the client alone.
 */
#ifndef SG_STORE_AUTH_H
#define SG_STORE_AUTH_H
#include <stdint.h>
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
};

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

/* failed sign-ins within the last `window` seconds for an address */
enum err login_failures_count(struct db_conn *c, const char *email, int64_t window,
			      int64_t *count, int64_t *oldest);
enum err login_failure_add(struct db_conn *c, const char *email);
enum err login_failures_clear(struct db_conn *c, const char *email);

#endif
