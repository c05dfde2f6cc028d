/* webhook: see webhook.h. */
#include "webhook.h"
#include "../lib/i18n.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

static const char *const names[WH_NEVENTS] = {
	"conversation.logged", "step.due", "step.missed", "deal.won", "deal.lost", "tier.changed",
	"import.finished", "assessment.submitted", "improvement_plan.decided", "scorecard.submitted",
	"candidate.hired", "test",
};

const char *webhook_event_name(enum webhook_event e)
{
	return (unsigned)e < WH_NEVENTS ? names[e] : "";
}

int webhook_event_parse(const char *name)
{
	for (int i = 0; name && i < WH_NEVENTS; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

const char *webhook_event_about(enum webhook_event e)
{
	switch (e) {
	case WH_CONVERSATION_LOGGED: return N_("A conversation was logged.");
	case WH_STEP_DUE: return N_("An open step is due today (sent once per step).");
	case WH_STEP_MISSED: return N_("An open step passed its due date and the grace period without a conversation "
				       "(sent once per step).");
	case WH_DEAL_WON: return N_("A deal was closed as won.");
	case WH_DEAL_LOST: return N_("A deal was closed as lost.");
	case WH_TIER_CHANGED: return N_("A rep's tier this quarter differs from last quarter's (sent once per tier "
					"reached).");
	case WH_IMPORT_FINISHED: return N_("An import finished and its rows were kept.");
	case WH_ASSESSMENT_SUBMITTED: return N_("A manager's assessment of a rep, or a rep's own, was submitted (not "
						"a peer's).");
	case WH_PLAN_DECIDED: return N_("An improvement plan was closed with its decision.");
	case WH_SCORECARD_SUBMITTED: return N_("An interviewer submitted a scorecard.");
	case WH_CANDIDATE_HIRED: return N_("A candidate was hired.");
	case WH_TEST: return N_("The test event of the “send test event” button.");
	default: return "";
	}
}

const char *webhook_url_parse(const char *url, struct webhook_url *u)
{
	memset(u, 0, sizeof(*u));
	if (!url || !*url)
		return N_("Enter the URL the events are sent to.");
	if (strlen(url) > WEBHOOK_URL_MAX)
		return N_("The URL is too long.");
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return N_("The URL may not contain spaces or control characters.");
	const char *rest;
	if (!strncasecmp(url, "https://", 8)) {
		u->https = 1;
		rest = url + 8;
	} else if (!strncasecmp(url, "http://", 7)) {
		rest = url + 7;
	} else {
		return N_("The URL must start with http:// or https://.");
	}
	size_t alen = strcspn(rest, "/?#");
	if (memchr(rest, '@', alen))
		return N_("The URL may not contain a user name or password.");
	if (!alen)
		return N_("The URL has no host name.");
	const char *h = rest, *hend, *port = NULL;
	if (*h == '[') {
		const char *close = memchr(h, ']', alen);
		if (!close)
			return N_("The URL's host name is not valid.");
		h++;
		hend = close;
		if (close + 1 < rest + alen) {
			if (close[1] != ':')
				return N_("The URL's host name is not valid.");
			port = close + 2;
		}
	} else {
		const char *colon = memchr(h, ':', alen);
		hend = colon ? colon : rest + alen;
		if (colon)
			port = colon + 1;
	}
	size_t hlen = (size_t)(hend - h);
	if (!hlen || hlen >= sizeof(u->host))
		return N_("The URL's host name is not valid.");
	for (size_t i = 0; i < hlen; i++)
		if (!isalnum((unsigned char)h[i]) && !strchr(".-_:%", h[i]))
			return N_("The URL's host name is not valid.");
	memcpy(u->host, h, hlen);
	u->host[hlen] = 0;
	u->port = u->https ? 443 : 80;
	if (port) {
		const char *pend = rest + alen;
		if (port == pend)
			return N_("The URL's port is not valid.");
		long v = 0;
		for (const char *p = port; p < pend; p++) {
			if (!isdigit((unsigned char)*p) || (v = v * 10 + (*p - '0')) > 65535)
				return N_("The URL's port is not valid.");
		}
		if (v < 1)
			return N_("The URL's port is not valid.");
		u->port = (int)v;
	}
	return NULL;
}

/* an IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 address */
static struct webhook_ip unmapped(const struct webhook_ip *ip)
{
	static const unsigned char prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	struct webhook_ip v = *ip;
	if (ip->family == 6 && !memcmp(ip->a, prefix, 12)) {
		memset(&v, 0, sizeof(v));
		v.family = 4;
		memcpy(v.a, ip->a + 12, 4);
	}
	return v;
}

static int is_zero(const unsigned char *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i])
			return 0;
	return 1;
}

static int is_loopback(const struct webhook_ip *v)
{
	if (v->family == 4)
		return v->a[0] == 127;
	return is_zero(v->a, 15) && v->a[15] == 1;
}

enum webhook_ip_verdict webhook_ip_check(const struct webhook_ip *ip, int port, int allow_loopback,
					 const struct webhook_ip *self, int self_port)
{
	struct webhook_ip v = unmapped(ip);
	if (self && self_port == port) {
		struct webhook_ip s = unmapped(self);
		size_t n = s.family == 4 ? 4 : 16;
		int unspecified = is_zero(s.a, n);
		if (s.family == v.family && !memcmp(s.a, v.a, n))
			return WIP_SELF;
		if (unspecified && is_loopback(&v))
			return WIP_SELF;
	}
	if (v.family == 4) {
		const unsigned char *a = v.a;
		if (a[0] == 169 && a[1] == 254 && a[2] == 169 && a[3] == 254)
			return WIP_METADATA;
		if (a[0] == 169 && a[1] == 254)
			return WIP_LINK_LOCAL;
		if (a[0] == 0)
			return WIP_UNSPECIFIED;
		if (a[0] >= 224 && a[0] <= 239)
			return WIP_MULTICAST;
		if (a[0] == 255 && a[1] == 255 && a[2] == 255 && a[3] == 255)
			return WIP_BROADCAST;
		if (a[0] == 127 && !allow_loopback)
			return WIP_LOOPBACK;
		return WIP_OK;
	}
	const unsigned char *a = v.a;
	static const unsigned char ec2[16] = { 0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54 };
	if (!memcmp(a, ec2, 16))
		return WIP_METADATA;
	if (is_zero(a, 16))
		return WIP_UNSPECIFIED;
	if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
		return WIP_LINK_LOCAL;
	if (a[0] == 0xff)
		return WIP_MULTICAST;
	if (is_loopback(&v) && !allow_loopback)
		return WIP_LOOPBACK;
	return WIP_OK;
}

const char *webhook_ip_message(enum webhook_ip_verdict v)
{
	switch (v) {
	case WIP_OK: return NULL;
	case WIP_LOOPBACK: return N_("The URL points at this machine (a loopback address); that is not allowed.");
	case WIP_LINK_LOCAL: return N_("The URL points at a link-local address; that is not allowed.");
	case WIP_METADATA: return N_("The URL points at a cloud metadata address; that is not allowed.");
	case WIP_UNSPECIFIED: return N_("The URL points at an unspecified address (0.0.0.0 or ::); that is not allowed.");
	case WIP_MULTICAST: return N_("The URL points at a multicast or broadcast address; that is not allowed.");
	case WIP_BROADCAST: return N_("The URL points at a multicast or broadcast address; that is not allowed.");
	case WIP_SELF: return N_("The URL points at this Salesgarden server itself; that is not allowed.");
	}
	return NULL;
}

void webhook_sign(const char *secret, int64_t t, const char *body, size_t len, char out[65])
{
	crypto_auth_hmacsha256_state st;
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	char ts[32];
	int n = snprintf(ts, sizeof(ts), "%lld.", (long long)t);
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)ts, (unsigned long long)n);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, (unsigned long long)len);
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2hex(out, 65, mac, sizeof(mac));
}

int64_t webhook_backoff(int attempt, int64_t base)
{
	if (base < 0)
		base = 0;
	int64_t cap = base * 120, d = base;
	for (int i = 1; i < attempt && d < cap; i++)
		d *= 2;
	return d < cap ? d : cap;
}

int webhook_gives_up(int64_t created_at, int64_t next_at)
{
	return next_at - created_at > WEBHOOK_GIVE_UP_SECONDS;
}

int webhook_status_ok(long status)
{
	return status >= 200 && status <= 299;
}

char *webhook_body(const char *event_id, const char *type, int64_t created_at, int64_t org_id, const char *org_slug,
		   json_t *data)
{
	json_t *o = json_pack("{s:s, s:s, s:I, s:{s:I, s:s}, s:o}", "id", event_id, "type", type,
			      "created_at", (json_int_t)created_at, "org", "id", (json_int_t)org_id, "slug",
			      org_slug ? org_slug : "", "data", data ? data : json_object());
	if (!o)
		return NULL;
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return s;
}
