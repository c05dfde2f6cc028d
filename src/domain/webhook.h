/*
 * webhook: the rules of webhooks (issue 16), without I/O — which events
 * there are, which URLs and which addresses a delivery may go to (the
 * server-side request forgery rules, checked when a subscription is saved
 * and again when the worker connects), how a delivery is signed, and how
 * long the worker waits before trying again.
 *
 * The signature: HMAC-SHA256 with the subscription's secret over
 * "<t>.<body>", where t is the Unix time of the attempt; sent as
 * "Salesgarden-Signature: t=<t>,v1=<64 hex digits>". A receiver computes
 * the same over the raw body, compares in constant time, and refuses a t
 * more than a few minutes old (a replayed delivery).
 */
#ifndef SG_DOMAIN_WEBHOOK_H
#define SG_DOMAIN_WEBHOOK_H
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

enum webhook_event {
	WH_CONVERSATION_LOGGED, WH_STEP_DUE, WH_STEP_MISSED, WH_DEAL_WON, WH_DEAL_LOST, WH_TIER_CHANGED,
	WH_IMPORT_FINISHED, WH_ASSESSMENT_SUBMITTED, WH_PLAN_DECIDED, WH_SCORECARD_SUBMITTED, WH_CANDIDATE_HIRED,
	WH_TEST, WH_NEVENTS
};
/* "conversation.logged", ... "test" */
const char *webhook_event_name(enum webhook_event e);
/* the event of a name, or -1 */
int webhook_event_parse(const char *name);
/* what an event means, for the admin page (an N_() string) */
const char *webhook_event_about(enum webhook_event e);

#define WEBHOOK_URL_MAX 2000
/* a subscription is disabled when WEBHOOK_MAX_FAILURES attempts in a row
 * failed AND the first of them is WEBHOOK_DISABLE_AFTER_SECONDS old: a
 * receiver failing for hours, not a burst of queued events meeting a
 * receiver down for a minute (store/webhooks.c, webhook_record). Its
 * pending deliveries are held and sent when it is enabled again. */
#define WEBHOOK_MAX_FAILURES 10
#define WEBHOOK_DISABLE_AFTER_SECONDS (4 * 3600)
#define WEBHOOK_GIVE_UP_SECONDS 86400	/* a delivery is retried for a day */
#define WEBHOOK_BACKOFF_BASE 30	/* seconds before the second attempt */

/* the parts of a URL a delivery needs */
struct webhook_url {
	int https;
	char host[256];		/* without brackets for an IPv6 literal */
	int port;		/* 80 or 443 when the URL names none */
};
/* NULL when url is an http(s) URL without user:password, with a host; else
 * why not (an N_() message naming the URL) */
const char *webhook_url_parse(const char *url, struct webhook_url *u);

/* an address: family 4 (a[0..3]) or 6 (a[0..15]) */
struct webhook_ip {
	int family;
	unsigned char a[16];
};
enum webhook_ip_verdict {
	WIP_OK, WIP_LOOPBACK, WIP_LINK_LOCAL, WIP_METADATA, WIP_UNSPECIFIED, WIP_MULTICAST, WIP_BROADCAST, WIP_SELF
};
/* may a delivery connect to ip:port? self (may be NULL) is the server's own
 * listening address and port (an unspecified self address means every
 * loopback address). Private ranges (10/8, 172.16/12, 192.168/16,
 * fc00::/7) are allowed: internal tools live there. */
enum webhook_ip_verdict webhook_ip_check(const struct webhook_ip *ip, int port, int allow_loopback,
					 const struct webhook_ip *self, int self_port);
/* why an address is refused (an N_() message), NULL for WIP_OK */
const char *webhook_ip_message(enum webhook_ip_verdict v);

/* hex HMAC-SHA256 of "<t>.<body>" under secret */
void webhook_sign(const char *secret, int64_t t, const char *body, size_t len, char out[65]);

/* seconds to wait after the attempt-th failed attempt (1 the first):
 * base, 2 base, 4 base, ... at most 120 base (an hour for 30 s) */
int64_t webhook_backoff(int attempt, int64_t base);
/* whether a delivery created at created_at, next tried at next_at, is
 * given up (it would be tried after a day) */
int webhook_gives_up(int64_t created_at, int64_t next_at);
/* 1 when an HTTP status means delivered (2xx); a 3xx is a failure (no
 * redirect is followed) */
int webhook_status_ok(long status);

/* the JSON body of an event, {id, type, created_at, org: {id, slug}, data};
 * data is taken (its reference stolen); the caller frees the text (free) */
char *webhook_body(const char *event_id, const char *type, int64_t created_at, int64_t org_id, const char *org_slug,
		   json_t *data);

#endif
