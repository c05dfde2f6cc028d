/*
 * pagecache (speed, issue 15): rendered pages kept in memory, so that the
 * same person asking for the same page again, with nothing committed to the
 * database since, gets the same bytes without the page's SQL.
 *
 * An answer is kept and reused only when all of these hold:
 *   - a GET of one of the listed read-only pages (pagecache.c), signed in
 *     with a session cookie (not an API token), no cookie besides the
 *     session, language and CSRF ones;
 *   - the key is the same: the session's token (so never across people or
 *     organisations), the address with its query (so ?done= notices too),
 *     the language, https or not, Host, and today's date;
 *   - the database's data version (db_data_version: changes with every
 *     commit, by this process or any other) is the one it was made under —
 *     a write shows on the very next request;
 *   - it is under PAGECACHE_TTL seconds old (what a page derives from the
 *     clock rather than the data);
 *   - a 200 without Set-Cookie.
 * Memory is bounded (PAGECACHE_MAX_BYTES, PAGECACHE_MAX_ENTRIES; the least
 * recently used go first). SALESGARDEN_PAGE_CACHE=0 turns it off; on an
 * engine without a data version (PostgreSQL) it is always off.
 */
#ifndef SG_PAGECACHE_H
#define SG_PAGECACHE_H
#include "request.h"
#include <stdint.h>

#define PAGECACHE_MAX_BYTES (4u << 20)
#define PAGECACHE_MAX_ENTRIES 256
#define PAGECACHE_MAX_ENTRY (512u << 10)
#define PAGECACHE_TTL 60

/* whether r's page could be a kept one, from its method, route and cookies
 * alone (before the database says who is asking; pagecache_wanted decides) */
int pagecache_candidate(const struct request *r);
/* whether r's answer may come from, and go to, the cache: on 1, *key and
 * *version are what pagecache_get and pagecache_put take */
int pagecache_wanted(struct request *r, const char **key, int64_t *version);
/* fills r's answer from the cache; 1 when it did */
int pagecache_get(struct request *r, const char *key, int64_t version);
/* keeps r's answer when it may be kept */
void pagecache_put(struct request *r, const char *key, int64_t version);
/* what the cache holds now (for tests and the bench) */
void pagecache_stats(size_t *entries, size_t *bytes);

#endif
