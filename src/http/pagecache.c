/* pagecache (speed, issue 15): see pagecache.h for when an answer is kept. */
#include "pagecache.h"
#include "route.h"
#include "server.h"
#include "../lib/util.h"
#include "../lib/xalloc.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* the pages kept: read-only pages whose every byte comes from the database,
 * the request (address, language, session) and today's date — nothing held
 * in the server's memory (an import's progress) and no write while showing */
static const char *const cached_pages[] = {
	"/", "/pipeline", "/numbers", "/numbers/team", "/tiers", "/figures/commitment", "/reps/:id",
	"/concentration",
};
/* the cookies a kept page may depend on (the session's CSRF token is the
 * session's own, read from the database with it) */
static const char *const known_cookies[] = { "sg_session", "sg_lang", "sg_csrf" };

struct header {
	char *key, *val;
};

struct entry {
	char *key;		/* NULL: a free slot */
	uint64_t hash;
	int64_t version;
	time_t made;
	unsigned long used;
	int status;
	char *content_type;
	struct header *headers;
	size_t nheaders;
	char *body;
	size_t len;
	size_t bytes;		/* what it holds, counted against PAGECACHE_MAX_BYTES */
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct entry tab[PAGECACHE_MAX_ENTRIES];
static size_t total_bytes, total_entries;
static unsigned long tick;
static int enabled = -1;

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static void drop(struct entry *e)
{
	if (!e->key)
		return;
	for (size_t i = 0; i < e->nheaders; i++) {
		free(e->headers[i].key);
		free(e->headers[i].val);
	}
	free(e->headers);
	free(e->key);
	free(e->content_type);
	free(e->body);
	total_bytes -= e->bytes;
	total_entries--;
	memset(e, 0, sizeof(*e));
}

int pagecache_candidate(const struct request *r)
{
	if (enabled < 0) {
		const char *v = getenv("SALESGARDEN_PAGE_CACHE");
		enabled = !(v && !strcmp(v, "0"));	/* a benign race: every thread writes the same */
	}
	if (!enabled || strcmp(r->method, "GET") || !r->route || (r->route->flags & (R_JSON | R_NODB)))
		return 0;
	int listed = 0;
	for (size_t i = 0; i < sizeof(cached_pages) / sizeof(cached_pages[0]) && !listed; i++)
		listed = !strcmp(r->route->pattern, cached_pages[i]);
	if (!listed)
		return 0;
	for (size_t i = 0; i < r->cookies.n; i++) {
		int known = 0;
		for (size_t k = 0; k < sizeof(known_cookies) / sizeof(known_cookies[0]) && !known; k++)
			known = !strcmp(r->cookies.items[i].key, known_cookies[k]);
		if (!known)
			return 0;
	}
	return 1;
}

int pagecache_wanted(struct request *r, const char **key, int64_t *version)
{
	if (!r->signed_in || r->via_token || !r->session_token || !pagecache_candidate(r))
		return 0;
	*version = db_data_version(r->srv->db);
	if (*version < 0)
		return 0;
	char today[11];
	today_date(today);
	const char *host = req_header(r, "Host");
	*key = arena_printf(r->a, "%s\n%s?%s\n%s\n%d\n%s\n%s\n%lld.%lld", r->session_token, r->path, r->raw_query,
			    lang_code(r->lang), r->secure, host ? host : "", today, (long long)r->viewer.org_id,
			    (long long)r->viewer.id);
	return 1;
}

int pagecache_get(struct request *r, const char *key, int64_t version)
{
	uint64_t h = fnv1a(key);
	time_t now = time(NULL);
	int hit = 0;
	pthread_mutex_lock(&mu);
	for (size_t i = 0; i < PAGECACHE_MAX_ENTRIES; i++) {
		struct entry *e = &tab[i];
		if (!e->key || e->hash != h || strcmp(e->key, key))
			continue;
		if (e->version != version || now - e->made >= PAGECACHE_TTL || now < e->made) {
			drop(e);
			break;
		}
		e->used = ++tick;
		r->status = e->status;
		r->content_type = e->content_type ? arena_strdup(r->a, e->content_type) : NULL;
		for (size_t k = 0; k < e->nheaders; k++)
			resp_header(r, arena_strdup(r->a, e->headers[k].key), arena_strdup(r->a, e->headers[k].val));
		sb_reset(&r->out);
		sb_add(&r->out, e->body, e->len);
		hit = 1;
		break;
	}
	pthread_mutex_unlock(&mu);
	return hit;
}

void pagecache_put(struct request *r, const char *key, int64_t version)
{
	if (r->status != 200 || r->out.len > PAGECACHE_MAX_ENTRY)
		return;
	for (size_t i = 0; i < r->headers.n; i++)
		if (!strcasecmp(r->headers.items[i].key, "Set-Cookie"))
			return;
	struct entry n = { 0 };
	n.key = xstrdup(key);
	n.hash = fnv1a(key);
	n.version = version;
	n.made = time(NULL);
	n.status = r->status;
	n.content_type = r->content_type ? xstrdup(r->content_type) : NULL;
	n.len = r->out.len;
	n.body = xmalloc(n.len ? n.len : 1);
	memcpy(n.body, r->out.buf, n.len);
	n.nheaders = r->headers.n;
	n.headers = xcalloc(n.nheaders ? n.nheaders : 1, sizeof(*n.headers));
	for (size_t i = 0; i < n.nheaders; i++) {
		n.headers[i].key = xstrdup(r->headers.items[i].key);
		n.headers[i].val = xstrdup(r->headers.items[i].val);
	}
	n.bytes = n.len + strlen(key) + 256;
	pthread_mutex_lock(&mu);
	total_entries++;	/* drop() counts it out again if it is not kept */
	total_bytes += n.bytes;
	/* what an older data version made is of no use any more; the same key
	 * made again replaces its entry */
	for (size_t i = 0; i < PAGECACHE_MAX_ENTRIES; i++)
		if (tab[i].key && (tab[i].version != version || (tab[i].hash == n.hash && !strcmp(tab[i].key, key))))
			drop(&tab[i]);
	/* room: the least recently used go first */
	for (;;) {
		struct entry *free_slot = NULL, *lru = NULL;
		for (size_t i = 0; i < PAGECACHE_MAX_ENTRIES; i++) {
			if (!tab[i].key) {
				if (!free_slot)
					free_slot = &tab[i];
			} else if (!lru || tab[i].used < lru->used) {
				lru = &tab[i];
			}
		}
		if (free_slot && total_bytes <= PAGECACHE_MAX_BYTES) {
			n.used = ++tick;
			*free_slot = n;
			break;
		}
		if (!lru) {	/* it alone is over the limit (not with PAGECACHE_MAX_ENTRY) */
			drop(&n);
			break;
		}
		drop(lru);
	}
	pthread_mutex_unlock(&mu);
}

void pagecache_stats(size_t *entries, size_t *bytes)
{
	pthread_mutex_lock(&mu);
	*entries = total_entries;
	*bytes = total_bytes;
	pthread_mutex_unlock(&mu);
}
