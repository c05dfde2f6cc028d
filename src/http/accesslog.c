/* accesslog: see accesslog.h */
#include "accesslog.h"
#include "route.h"
#include "../lib/log.h"
#include "../lib/strbuf.h"

/* a logfmt value: bare when it is a plain token, else quoted with \" \\ and
 * \xHH for control bytes, so a path cannot forge a second line or field */
static void value(struct strbuf *b, const char *v)
{
	int bare = *v != '\0';
	for (const char *p = v; bare && *p; p++)
		bare = (unsigned char)*p > ' ' && *p != '"' && *p != '=' && *p != '\\' && (unsigned char)*p < 0x7f;
	if (bare) {
		sb_adds(b, v);
		return;
	}
	sb_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if (*p == '"' || *p == '\\')
			sb_addf(b, "\\%c", *p);
		else if (*p < ' ' || *p == 0x7f)
			sb_addf(b, "\\x%02x", *p);
		else
			sb_addc(b, (char)*p);
	}
	sb_addc(b, '"');
}

void access_log(struct request *r, long long us)
{
	struct strbuf b = STRBUF_INIT;
	sb_adds(&b, "request_id=");
	value(&b, req_id(r));
	sb_adds(&b, " method=");
	value(&b, r->method && *r->method ? r->method : "-");
	sb_adds(&b, " path=");
	value(&b, r->path ? r->path : "-");
	sb_adds(&b, " route=");
	value(&b, r->route ? r->route->pattern : "-");
	sb_addf(&b, " status=%d duration_ms=%.2f bytes=%zu", r->status, (double)us / 1000.0, r->resp_bytes);
	if (r->signed_in)
		sb_addf(&b, " org=%lld user=%lld", (long long)r->me.org_id, (long long)r->me.user_id);
	log_info("%s", b.buf);
	sb_release(&b);
}
