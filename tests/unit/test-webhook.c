/*
 * test-webhook: the rules of webhooks without I/O (domain/webhook.c) — the
 * signature on a known vector (computed with Python's hmac module), the
 * URL checks, the table of addresses refused and allowed, the back-off
 * schedule and when a delivery is given up, the event names and the body.
 */
#include "check-util.h"
#include "domain/webhook.h"
#include <arpa/inet.h>
#include <sodium.h>

START_TEST(signature_known_vector)
{
	/* python3: hmac.new(b"whsec_test", b'1700000000.{"id":"evt_1","type":"test"}', sha256).hexdigest() */
	const char *body = "{\"id\":\"evt_1\",\"type\":\"test\"}";
	char sig[65];
	webhook_sign("whsec_test", 1700000000, body, strlen(body), sig);
	ck_str(sig, "d4fb8d102f27df0beb72ba45826cf091ff7435e19aef5b4af979109b89e2a836", "signature");
	/* another second, another signature: the timestamp is signed */
	char sig2[65];
	webhook_sign("whsec_test", 1700000001, body, strlen(body), sig2);
	ck_assert_str_ne(sig, sig2);
}
END_TEST

static const struct {
	const char *url;
	int ok, https, port;
	const char *host;
} urls[] = {
	{ "https://hooks.example.com/in?x=1", 1, 1, 443, "hooks.example.com" },
	{ "http://10.1.2.3:8080/hook", 1, 0, 8080, "10.1.2.3" },
	{ "HTTP://Example.com", 1, 0, 80, "Example.com" },
	{ "http://[::1]:9000/x", 1, 0, 9000, "::1" },
	{ "ftp://example.com/", 0, 0, 0, NULL },
	{ "file:///etc/passwd", 0, 0, 0, NULL },
	{ "gopher://x/", 0, 0, 0, NULL },
	{ "http://user:pw@example.com/", 0, 0, 0, NULL },
	{ "http://user@example.com/", 0, 0, 0, NULL },
	{ "http:///path", 0, 0, 0, NULL },
	{ "http://example.com:0/", 0, 0, 0, NULL },
	{ "http://example.com:70000/", 0, 0, 0, NULL },
	{ "http://example.com:/", 0, 0, 0, NULL },
	{ "http://exa mple.com/", 0, 0, 0, NULL },
	{ "http://[::1/", 0, 0, 0, NULL },
	{ "", 0, 0, 0, NULL },
};

START_TEST(url_table)
{
	for (size_t i = 0; i < N_ELEMS(urls); i++) {
		struct webhook_url u;
		const char *m = webhook_url_parse(urls[i].url, &u);
		ck_assert_msg((m == NULL) == urls[i].ok, "%s: %s", urls[i].url, m ? m : "accepted");
		if (urls[i].ok) {
			ck_assert_int_eq(u.https, urls[i].https);
			ck_assert_int_eq(u.port, urls[i].port);
			ck_str(u.host, urls[i].host, urls[i].url);
		}
	}
	struct webhook_url u;
	ck_assert_ptr_nonnull(webhook_url_parse(NULL, &u));
}
END_TEST

static struct webhook_ip ip(const char *s)
{
	struct webhook_ip x = { 0 };
	if (inet_pton(AF_INET, s, x.a) == 1)
		x.family = 4;
	else if (inet_pton(AF_INET6, s, x.a) == 1)
		x.family = 6;
	return x;
}

static const struct {
	const char *addr;
	int port, allow_loopback;
	enum webhook_ip_verdict want;
} addrs[] = {
	{ "93.184.216.34", 443, 0, WIP_OK },
	{ "10.0.0.5", 80, 0, WIP_OK },			/* private ranges: internal tools */
	{ "172.16.4.4", 80, 0, WIP_OK },
	{ "192.168.1.20", 80, 0, WIP_OK },
	{ "fd12:3456::1", 80, 0, WIP_OK },
	{ "2001:db8::1", 443, 0, WIP_OK },
	{ "127.0.0.1", 80, 0, WIP_LOOPBACK },
	{ "127.8.9.10", 80, 0, WIP_LOOPBACK },
	{ "::1", 80, 0, WIP_LOOPBACK },
	{ "::ffff:127.0.0.1", 80, 0, WIP_LOOPBACK },	/* IPv4-mapped */
	{ "127.0.0.1", 80, 1, WIP_OK },			/* the operator allows loopback */
	{ "::1", 80, 1, WIP_OK },
	{ "127.0.0.1", 8080, 1, WIP_SELF },		/* never serve's own address */
	{ "127.0.0.1", 8080, 0, WIP_SELF },
	{ "169.254.169.254", 80, 1, WIP_METADATA },
	{ "::ffff:169.254.169.254", 80, 1, WIP_METADATA },
	{ "fd00:ec2::254", 80, 1, WIP_METADATA },
	{ "169.254.1.1", 80, 1, WIP_LINK_LOCAL },
	{ "fe80::1", 80, 1, WIP_LINK_LOCAL },
	{ "febf::1", 80, 1, WIP_LINK_LOCAL },
	{ "0.0.0.0", 80, 1, WIP_UNSPECIFIED },
	{ "::", 80, 1, WIP_UNSPECIFIED },
	{ "224.0.0.1", 80, 1, WIP_MULTICAST },
	{ "239.255.255.250", 80, 1, WIP_MULTICAST },
	{ "ff02::1", 80, 1, WIP_MULTICAST },
	{ "255.255.255.255", 80, 1, WIP_BROADCAST },
};

START_TEST(address_table)
{
	struct webhook_ip self = ip("127.0.0.1");
	for (size_t i = 0; i < N_ELEMS(addrs); i++) {
		struct webhook_ip x = ip(addrs[i].addr);
		ck_assert_msg(x.family, "parse %s", addrs[i].addr);
		enum webhook_ip_verdict v = webhook_ip_check(&x, addrs[i].port, addrs[i].allow_loopback, &self, 8080);
		ck_assert_msg(v == addrs[i].want, "%s:%d (loopback %s): got %d, want %d", addrs[i].addr, addrs[i].port,
			      addrs[i].allow_loopback ? "allowed" : "refused", (int)v, (int)addrs[i].want);
		ck_assert_msg((webhook_ip_message(v) == NULL) == (v == WIP_OK), "message of %s", addrs[i].addr);
	}
	/* a server on 0.0.0.0 is every loopback address on its port; another port is fine */
	struct webhook_ip any = ip("0.0.0.0"), lo = ip("127.0.0.2"), v6any = ip("::"), v6lo = ip("::1");
	ck_assert_int_eq(webhook_ip_check(&lo, 8080, 1, &any, 8080), WIP_SELF);
	ck_assert_int_eq(webhook_ip_check(&lo, 9090, 1, &any, 8080), WIP_OK);
	ck_assert_int_eq(webhook_ip_check(&v6lo, 8080, 1, &v6any, 8080), WIP_SELF);
	/* a server on a private address: that address on its port */
	struct webhook_ip priv = ip("10.0.0.7");
	ck_assert_int_eq(webhook_ip_check(&priv, 8080, 0, &priv, 8080), WIP_SELF);
	ck_assert_int_eq(webhook_ip_check(&priv, 443, 0, &priv, 8080), WIP_OK);
	ck_assert_int_eq(webhook_ip_check(&priv, 8080, 0, NULL, 0), WIP_OK);
}
END_TEST

START_TEST(backoff_schedule)
{
	/* 30 s, 1 min, 2 min, ... doubling, at most an hour */
	static const int64_t want[] = { 30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600 };
	for (int a = 1; a <= (int)N_ELEMS(want); a++)
		ck_assert_msg(webhook_backoff(a, 30) == want[a - 1], "attempt %d: got %lld, want %lld", a,
			      (long long)webhook_backoff(a, 30), (long long)want[a - 1]);
	ck_assert_int_eq(webhook_backoff(1000, 30), 3600);
	ck_assert_int_eq(webhook_backoff(3, 0), 0);	/* tests: at once */
	ck_assert_int_eq(webhook_backoff(3, 1), 4);
	/* the sum of the waits passes a day after some 30 attempts: then it gives up */
	int64_t t = 0;
	int attempts = 0;
	while (!webhook_gives_up(0, t + webhook_backoff(attempts + 1, 30))) {
		t += webhook_backoff(++attempts, 30);
		ck_assert_int_lt(attempts, 100);
	}
	ck_assert_int_ge(attempts, 25);
	ck_assert_int_le(attempts, 35);
	ck_assert_int_eq(webhook_gives_up(1000, 1000 + 86400), 0);
	ck_assert_int_eq(webhook_gives_up(1000, 1000 + 86401), 1);
	/* 2xx only; a redirect is a failure */
	ck_assert_int_eq(webhook_status_ok(200), 1);
	ck_assert_int_eq(webhook_status_ok(204), 1);
	ck_assert_int_eq(webhook_status_ok(301), 0);
	ck_assert_int_eq(webhook_status_ok(302), 0);
	ck_assert_int_eq(webhook_status_ok(500), 0);
	ck_assert_int_eq(webhook_status_ok(0), 0);
}
END_TEST

START_TEST(events_and_body)
{
	for (int e = 0; e < WH_NEVENTS; e++) {
		ck_assert_int_eq(webhook_event_parse(webhook_event_name((enum webhook_event)e)), e);
		ck_assert_msg(*webhook_event_about((enum webhook_event)e), "about %d", e);
	}
	ck_assert_int_eq(webhook_event_parse("deal.closed"), -1);
	ck_assert_int_eq(webhook_event_parse(NULL), -1);
	ck_str(webhook_event_name(WH_DEAL_WON), "deal.won", "name");
	/* the later capabilities' events */
	ck_assert_int_eq(webhook_event_parse("assessment.submitted"), WH_ASSESSMENT_SUBMITTED);
	ck_assert_int_eq(webhook_event_parse("improvement_plan.decided"), WH_PLAN_DECIDED);
	ck_assert_int_eq(webhook_event_parse("scorecard.submitted"), WH_SCORECARD_SUBMITTED);
	ck_assert_int_eq(webhook_event_parse("candidate.hired"), WH_CANDIDATE_HIRED);
	char *b = webhook_body("evt_x", "deal.won", 1700000000, 7, "acme", json_pack("{s:I}", "deal_id", (json_int_t)42));
	ck_str(b, "{\"id\":\"evt_x\",\"type\":\"deal.won\",\"created_at\":1700000000,\"org\":{\"id\":7,\"slug\":\"acme\"},"
		  "\"data\":{\"deal_id\":42}}", "body");
	free(b);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("webhook");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, signature_known_vector);
	tcase_add_test(tc, url_table);
	tcase_add_test(tc, address_table);
	tcase_add_test(tc, backoff_schedule);
	tcase_add_test(tc, events_and_body);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	return run_suite(suite());
}
