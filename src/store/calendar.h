/*
 * calendar: the secret addresses of the iCalendar feeds (table
 * calendar_feeds). A feed belongs to one user; its secret is shown to them
 * once and only its SHA-256 is kept, like an API token. A user has at most
 * one working address: a new one revokes the one before, so a leaked
 * address is stopped by making a new one (or by stopping the feed).
 */
#ifndef SG_STORE_CALENDAR_H
#define SG_STORE_CALENDAR_H
#include <stdint.h>
#include "../db/db.h"
#include "../lib/arena.h"

/* the length of a secret in characters (32 random bytes, base64url) */
#define CALENDAR_SECRET_LEN 43

struct calendar_feed {
	int64_t id, org_id, user_id;
	int64_t created_at;
	const char *user_name;
	const char *user_locale;	/* "" when the organisation's applies */
	const char *org_locale;
};

/* a new secret address for the user, revoking any earlier one, in one
 * transaction; *secret (from the arena) is the only copy of the secret */
enum err calendar_feed_create(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			      const char **secret);
/* stops the user's feed; E_NOTFOUND when none was active */
enum err calendar_feed_revoke(struct db_conn *c, int64_t org_id, int64_t user_id);
/* the user's working feed (without the secret, which is not kept); E_NOTFOUND when none */
enum err calendar_feed_active(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			      struct calendar_feed *out);
/* the feed a secret opens: "<org_id>.<secret>", so the lookup names the
 * organisation; E_NOTFOUND for an unknown or revoked secret
 * or an inactive owner */
enum err calendar_feed_lookup(struct db_conn *c, struct arena *a, const char *secret,
			      struct calendar_feed *out);

#endif
