/*
 * test-domain: unit tests for src/domain — who may see what (access.h) as a
 * table of role × relation, the sign-in throttle at its thresholds, and the
 * validation rules for what users type. No database, no server.
 */
#include "check-util.h"
#include "domain/access.h"
#include "domain/throttle.h"
#include "domain/validate.h"
#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- access */

/*
 * The viewer is user 10 of org 1, member of team 100; managers and admins
 * lead team 200. Team 300 is someone else's. Org 2 has a team 200 too, so a
 * check that forgets the organisation shows up.
 */
static const int64_t led[] = { 200 };

static struct viewer viewer_as(enum role role)
{
	struct viewer v = { .id = 10, .org_id = 1, .role = role, .team_id = 100 };
	if (role == ROLE_MANAGER || role == ROLE_ADMIN) {
		v.led_teams = led;
		v.nled = 1;
	}
	return v;
}

enum rel { SELF, SAME_TEAM, LED_TEAM, OTHER_TEAM, NO_TEAM, OTHER_ORG, NREL };
static const char *const rel_names[NREL] = { "self", "same team", "led team", "other team", "no team",
					     "other org" };
static const struct person targets[NREL] = {
	[SELF] = { 10, 1, 100 },
	[SAME_TEAM] = { 11, 1, 100 },
	[LED_TEAM] = { 12, 1, 200 },
	[OTHER_TEAM] = { 13, 1, 300 },
	[NO_TEAM] = { 14, 1, 0 },
	[OTHER_ORG] = { 15, 2, 200 },
};

struct access_row {
	enum role role;
	int private_[NREL];
	int profile[NREL];
	int team[NREL];		/* access_team(v, target's org, target's team) */
	int admin_own, admin_other;
};

static const struct access_row access_rows[] = {
	/*                 self same led other none org2 */
	{ ROLE_ADMIN,   { 1, 0, 1, 0, 0, 0 },	/* private: only self and the team they lead */
			{ 1, 1, 1, 1, 1, 0 },	/* profile: the whole directory of the org */
			{ 1, 1, 1, 1, 1, 0 },	/* team: every team of the org */
			1, 0 },
	{ ROLE_MANAGER, { 1, 0, 1, 0, 0, 0 },
			{ 1, 0, 1, 0, 0, 0 },
			{ 1, 1, 1, 0, 0, 0 },	/* own team and led team */
			0, 0 },
	{ ROLE_REP,     { 1, 0, 0, 0, 0, 0 },
			{ 1, 0, 0, 0, 0, 0 },
			{ 1, 1, 0, 0, 0, 0 },	/* own team only */
			0, 0 },
	{ ROLE_NONE,    { 0, 0, 0, 0, 0, 0 },
			{ 0, 0, 0, 0, 0, 0 },
			{ 1, 1, 0, 0, 0, 0 },
			0, 0 },
};

START_TEST(access_table)
{
	const struct access_row *row = &access_rows[_i];
	struct viewer v = viewer_as(row->role);
	for (int t = 0; t < NREL; t++) {
		const struct person *p = &targets[t];
		ck_assert_msg(access_private(&v, p) == row->private_[t], "%s → %s: access_private %d, want %d",
			      role_name(row->role), rel_names[t], access_private(&v, p), row->private_[t]);
		ck_assert_msg(access_profile(&v, p) == row->profile[t], "%s → %s: access_profile %d, want %d",
			      role_name(row->role), rel_names[t], access_profile(&v, p), row->profile[t]);
		if (row->role == ROLE_NONE)
			continue;	/* access_team is only asked for signed-in users */
		ck_assert_msg(access_team(&v, p->org_id, p->team_id) == row->team[t],
			      "%s → %s: access_team %d, want %d", role_name(row->role), rel_names[t],
			      access_team(&v, p->org_id, p->team_id), row->team[t]);
	}
	ck_assert_int_eq(access_admin(&v, 1), row->admin_own);
	ck_assert_int_eq(access_admin(&v, 2), row->admin_other);
}
END_TEST

START_TEST(access_edges)
{
	struct viewer v = viewer_as(ROLE_ADMIN);
	const struct person *p = &targets[SELF];
	ck_assert_int_eq(access_private(NULL, p), 0);
	ck_assert_int_eq(access_private(&v, NULL), 0);
	ck_assert_int_eq(access_profile(NULL, p), 0);
	ck_assert_int_eq(access_profile(&v, NULL), 0);
	ck_assert_int_eq(access_admin(NULL, 1), 0);
	ck_assert_int_eq(access_team(NULL, 1, 100), 0);
	/* the same user id in another organisation is another person */
	struct person twin = { 10, 2, 100 };
	ck_assert_int_eq(access_private(&v, &twin), 0);
	ck_assert_int_eq(access_profile(&v, &twin), 0);
	/* team 0 is "no team": nobody leads it, nobody is in it */
	struct viewer loner = { .id = 20, .org_id = 1, .role = ROLE_REP, .team_id = 0 };
	ck_assert_int_eq(access_team(&loner, 1, 0), 0);
	ck_assert_int_eq(access_leads_team(&v, 0), 0);
	ck_assert_int_eq(access_leads_team(&v, 200), 1);
	ck_assert_int_eq(access_leads_team(&v, 100), 0);
	/* a manager of several teams */
	static const int64_t many[] = { 300, 400, 500 };
	struct viewer m = { .id = 30, .org_id = 1, .role = ROLE_MANAGER, .team_id = 0, .led_teams = many, .nled = 3 };
	struct person in500 = { 31, 1, 500 }, in600 = { 32, 1, 600 };
	ck_assert_int_eq(access_private(&m, &in500), 1);
	ck_assert_int_eq(access_private(&m, &in600), 0);
	ck_assert_int_eq(access_team(&m, 1, 400), 1);
	ck_assert_int_eq(access_team(&m, 2, 400), 0);
}
END_TEST

struct role_case {
	const char *s;
	enum role r;
};

static const struct role_case role_cases[] = {
	{ "rep", ROLE_REP }, { "manager", ROLE_MANAGER }, { "admin", ROLE_ADMIN },
	{ "Admin", ROLE_NONE }, { "", ROLE_NONE }, { "root", ROLE_NONE }, { NULL, ROLE_NONE },
};

START_TEST(roles)
{
	for (size_t i = 0; i < N_ELEMS(role_cases); i++)
		ck_assert_msg(role_parse(role_cases[i].s) == role_cases[i].r, "role_parse(\"%s\")",
			      role_cases[i].s ? role_cases[i].s : "NULL");
	ck_assert_str_eq(role_name(ROLE_REP), "rep");
	ck_assert_str_eq(role_name(ROLE_MANAGER), "manager");
	ck_assert_str_eq(role_name(ROLE_ADMIN), "admin");
	ck_assert_str_eq(role_name(ROLE_NONE), "none");
	/* the order the router relies on (role >= ROLE_MANAGER) */
	ck_assert_int_lt(ROLE_REP, ROLE_MANAGER);
	ck_assert_int_lt(ROLE_MANAGER, ROLE_ADMIN);
}
END_TEST

/* -------------------------------------------------------------- throttle */

struct throttle_case {
	enum throttle_gate gate;
	int64_t attempts;
	enum throttle_verdict want;
};

static const struct throttle_case throttle_cases[] = {
	{ THROTTLE_ADDRESS, 1, THROTTLE_PASS },
	{ THROTTLE_ADDRESS, THROTTLE_ADDRESS_MAX, THROTTLE_PASS },
	{ THROTTLE_ADDRESS, THROTTLE_ADDRESS_MAX + 1, THROTTLE_REFUSE },
	{ THROTTLE_PAIR, 1, THROTTLE_PASS },
	{ THROTTLE_PAIR, 5, THROTTLE_PASS },		/* five tries from one place */
	{ THROTTLE_PAIR, 6, THROTTLE_REFUSE },		/* the sixth waits for the window */
	{ THROTTLE_PAIR, 600, THROTTLE_REFUSE },
	{ THROTTLE_ACCOUNT, 1, THROTTLE_PASS },
	{ THROTTLE_ACCOUNT, THROTTLE_ACCOUNT_FREE, THROTTLE_PASS },
	/* never refused outright: the owner gets the next slot */
	{ THROTTLE_ACCOUNT, THROTTLE_ACCOUNT_FREE + 1, THROTTLE_SPACED },
	{ THROTTLE_ACCOUNT, 100000, THROTTLE_SPACED },
};

START_TEST(throttle_table)
{
	const struct throttle_case *c = &throttle_cases[_i];
	enum throttle_verdict got = throttle_decide(c->gate, c->attempts);
	ck_assert_msg(got == c->want, "gate %d, %lld attempts: %d, want %d",
		      (int)c->gate, (long long)c->attempts, (int)got, (int)c->want);
}
END_TEST

START_TEST(throttle_constants)
{
	ck_assert_int_eq(THROTTLE_PAIR_MAX, 5);
	ck_assert_int_eq(THROTTLE_WINDOW, 900);
	/* one address alone can never push an account into spacing */
	ck_assert_int_lt(THROTTLE_PAIR_MAX, THROTTLE_ACCOUNT_FREE);
	ck_assert_int_eq(throttle_wait(1000, 900), 100);
	ck_assert_int_eq(throttle_wait(900, 900), 1);	/* Retry-After is never 0 */
}
END_TEST

/* -------------------------------------------------------------- validate */

#define BAD_EMAIL "This is not a valid e-mail address."
#define BAD_SLUG "A slug has 1 to 40 lowercase letters, digits and dashes."

struct valid_case {
	const char *(*fn)(const char *);
	const char *fname;
	const char *in;
	const char *want;	/* NULL: accepted */
};

static char s40[41], s41[42], e254[255], e255[256], n200[201], n201[202], o200[201];
static char p9[10], p10[11], p1024[1025], p1025[1026];

static void fill(char *buf, char c, size_t n)
{
	memset(buf, c, n);
	buf[n] = '\0';
}

static void make_long_inputs(void)
{
	fill(s40, 'a', 40);
	fill(s41, 'a', 41);
	/* "aaa…@example.com" of 254 and 255 bytes */
	fill(e254, 'a', 254 - 12);
	strcat(e254, "@example.com");
	fill(e255, 'a', 255 - 12);
	strcat(e255, "@example.com");
	fill(n200, 'n', 200);
	fill(n201, 'n', 201);
	for (int i = 0; i < 100; i++)
		memcpy(o200 + 2 * i, "\xC3\xB8", 2);	/* 100 × ø = 200 bytes */
	o200[200] = '\0';
	fill(p9, 'p', 9);
	fill(p10, 'p', 10);
	fill(p1024, 'p', 1024);
	fill(p1025, 'p', 1025);
}

#define V(fn, in, want) { fn, #fn, in, want }
static const struct valid_case valid_cases[] = {
	V(validate_email, "a@b.co", NULL),
	V(validate_email, "first.last+tag@example.com", NULL),
	V(validate_email, "x@sub.example.org", NULL),
	V(validate_email, e254, NULL),
	V(validate_email, e255, BAD_EMAIL),
	V(validate_email, "", "Enter an e-mail address."),
	V(validate_email, NULL, "Enter an e-mail address."),
	V(validate_email, "plain", BAD_EMAIL),
	V(validate_email, "@b.co", BAD_EMAIL),
	V(validate_email, "a@b", BAD_EMAIL),
	V(validate_email, "a@@b.co", BAD_EMAIL),
	V(validate_email, "a@b@c.co", BAD_EMAIL),
	V(validate_email, "a@.co", BAD_EMAIL),
	V(validate_email, "a@b.co.", BAD_EMAIL),
	V(validate_email, "a b@c.co", BAD_EMAIL),
	V(validate_email, "a@b.co\n", BAD_EMAIL),
	V(validate_email, "<a@b.co>", BAD_EMAIL),
	V(validate_email, "\"a\"@b.co", BAD_EMAIL),
	V(validate_email, "a@b.co,c@d.co", BAD_EMAIL),

	V(validate_slug, "acme", NULL),
	V(validate_slug, "acme-2", NULL),
	V(validate_slug, "a", NULL),
	V(validate_slug, "0", NULL),
	V(validate_slug, s40, NULL),
	V(validate_slug, s41, BAD_SLUG),
	V(validate_slug, "", "Enter a short name (slug)."),
	V(validate_slug, NULL, "Enter a short name (slug)."),
	V(validate_slug, "Acme", BAD_SLUG),
	V(validate_slug, "-acme", BAD_SLUG),
	V(validate_slug, "acme-", BAD_SLUG),
	V(validate_slug, "a_b", BAD_SLUG),
	V(validate_slug, "a b", BAD_SLUG),
	V(validate_slug, "a/b", BAD_SLUG),
	V(validate_slug, "bl\xC3\xA5", BAD_SLUG),

	V(validate_name, "Ada", NULL),
	V(validate_name, "  Ada Lovelace", NULL),
	V(validate_name, "\xC3\x86rlig \xC3\x98stby", NULL),
	V(validate_name, n200, NULL),
	V(validate_name, o200, NULL),
	V(validate_name, n201, "A name is at most 200 characters long."),
	V(validate_name, NULL, "Enter a name."),
	V(validate_name, "", "Enter a name."),
	V(validate_name, " \t\n ", "Enter a name."),
	V(validate_name, "a\tb", "A name cannot contain control characters."),
	V(validate_name, "a\nb", "A name cannot contain control characters."),
	V(validate_name, "a\x1b[31m", "A name cannot contain control characters."),
	V(validate_name, "caf\xE9", "The text is not valid UTF-8."),
	V(validate_name, "\xED\xA0\x80", "The text is not valid UTF-8."),

	V(validate_password, p10, NULL),
	V(validate_password, p1024, NULL),
	V(validate_password, "correct horse battery", NULL),
	V(validate_password, p9, "A password must have at least 10 characters."),
	V(validate_password, "", "A password must have at least 10 characters."),
	V(validate_password, NULL, "A password must have at least 10 characters."),
	V(validate_password, p1025, "A password must have at most 1024 characters."),

	V(validate_currency, "EUR", NULL),
	V(validate_currency, "NOK", NULL),
	V(validate_currency, "eur", "A currency is a three-letter ISO code such as EUR or NOK."),
	V(validate_currency, "EU", "A currency is a three-letter ISO code such as EUR or NOK."),
	V(validate_currency, "EURO", "A currency is a three-letter ISO code such as EUR or NOK."),
	V(validate_currency, "E1R", "A currency is a three-letter ISO code such as EUR or NOK."),
	V(validate_currency, "", "A currency is a three-letter ISO code such as EUR or NOK."),
	V(validate_currency, NULL, "A currency is a three-letter ISO code such as EUR or NOK."),
};

START_TEST(validate_table)
{
	const struct valid_case *c = &valid_cases[_i];
	const char *got = c->fn(c->in);
	char what[96];
	snprintf(what, sizeof(what), "%s(\"%.40s\") [case %d]", c->fname, c->in ? c->in : "NULL", _i);
	if (!c->want)
		ck_assert_msg(got == NULL, "%s: refused with \"%s\"", what, got);
	else
		ck_str(got, c->want, what);
}
END_TEST

START_TEST(email_normalising)
{
	char e[] = "Ada.Lovelace@Example.COM";
	email_normalise(e);
	ck_assert_str_eq(e, "ada.lovelace@example.com");
	email_normalise(NULL);
}
END_TEST

static Suite *domain_suite(void)
{
	Suite *s = suite_create("domain");
	TCase *tc = tcase_create("access");
	tcase_add_loop_test(tc, access_table, 0, (int)N_ELEMS(access_rows));
	tcase_add_test(tc, access_edges);
	tcase_add_test(tc, roles);
	suite_add_tcase(s, tc);

	tc = tcase_create("throttle");
	tcase_add_loop_test(tc, throttle_table, 0, (int)N_ELEMS(throttle_cases));
	tcase_add_test(tc, throttle_constants);
	suite_add_tcase(s, tc);

	tc = tcase_create("validate");
	tcase_add_loop_test(tc, validate_table, 0, (int)N_ELEMS(valid_cases));
	tcase_add_test(tc, email_normalising);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	make_long_inputs();
	return run_suite(domain_suite());
}
