/*
 * page-login: signing in and out. Attempts are throttled per source
 * address and per account (web/signin.c, domain/throttle.h); the answer to
 * a wrong password is the same whether or not the address exists.
 *
 * An e-mail address is unique per organisation, so one person may have an
 * account in two organisations. The password is checked against each
 * (at most CREDENTIALS_MAX); when it opens more than one, the form asks
 * which organisation to enter, naming only those the password opened — so
 * nobody learns of an account they cannot sign in to.
 */
#include "pages.h"
#include "ui.h"
#include "signin.h"
#include "../store/auth.h"
#include "../store/users.h"
#include "../domain/validate.h"
#include "../lib/localpath.h"
#include "../lib/password.h"
#include "../lib/util.h"
#include <string.h>

static const char *safe_next(const char *next)
{
	const char *p = local_path(next);
	return p ? p : "/";
}

/* the organisations to choose from, when the password opened several */
struct org_choice {
	const char *slugs[CREDENTIALS_MAX], *names[CREDENTIALS_MAX];
	size_t n;
};

static void login_form(struct request *r, const char *email, const char *error, const struct org_choice *ch)
{
	ui_page_begin(r, T("Sign in"), NULL);
	struct strbuf *o = &r->out;
	html(o, "<section class=\"card narrow login\">");
	html_printf(o, "<h1>%s</h1><p class=\"muted\">%s</p>", T("Sign in"),
		    T("Grow sales people, not just numbers."));
	if (error)
		ui_notice(r, "error", error);
	if (ch && ch->n)
		ui_notice(r, "info", T("This address has an account in more than one organisation. "
				       "Choose the one to sign in to, and enter the password again."));
	html(o, "<form method=\"post\" action=\"/login\" class=\"form\">");
	ui_csrf(r);
	html_printf(o, "<input type=\"hidden\" name=\"next\" value=\"%s\">",
		    safe_next(req_query(r, "next") ? req_query(r, "next") : req_form(r, "next")));
	ui_input(r, "email", T("E-mail address"), "email", email, NULL,
		 " autocomplete=\"username\" required autofocus");
	if (ch && ch->n)
		ui_select(r, "org", T("Organisation"), ch->slugs, ch->names, ch->n, NULL, NULL);
	ui_input(r, "password", T("Password"), "password", "", NULL,
		 " autocomplete=\"current-password\" required");
	html_printf(o, "<button class=\"button primary\" type=\"submit\">%s</button></form></section>", T("Sign in"));
	ui_page_end(r);
}

void page_login(struct request *r)
{
	if (r->signed_in) {
		resp_redirect(r, "/");
		return;
	}
	login_form(r, "", NULL, NULL);
}

void page_login_post(struct request *r)
{
	char *email = arena_strdup(r->a, req_form(r, "email") ? req_form(r, "email") : "");
	const char *password = req_form(r, "password");
	const char *org = req_form(r, "org");
	str_trim(email);
	email_normalise(email);
	if (!*email || !password || !*password) {
		r->status = 400;
		login_form(r, email, T("Enter your e-mail address and password."), NULL);
		return;
	}
	struct signin_gate g;
	enum err e = signin_gate_enter(r, email, &g);
	if (e == E_THROTTLED) {
		r->status = 429;
		login_form(r, email, signin_throttled(r, &g), NULL);
		return;
	}
	if (e) {
		resp_store_error(r, E_OK);
		return;
	}
	struct credential creds[CREDENTIALS_MAX];
	size_t ncreds = 0;
	e = user_credentials(r->db, r->a, email, creds, &ncreds);
	if (e && e != E_NOTFOUND) {
		resp_store_error(r, E_OK);
		return;
	}
	/* every candidate is checked, so the time taken tells little */
	struct org_choice ch = { .n = 0 };
	const struct credential *match = NULL;
	if (!ncreds)
		password_verify(NULL, password);
	for (size_t i = 0; i < ncreds; i++) {
		if (org && *org && strcmp(org, creds[i].org_slug))
			continue;
		if (!password_verify(creds[i].hash, password))
			continue;
		match = &creds[i];
		ch.slugs[ch.n] = creds[i].org_slug;
		ch.names[ch.n] = creds[i].org_name;
		ch.n++;
	}
	if (!match) {
		r->status = 401;
		login_form(r, email, T("The e-mail address or the password is not right."), NULL);
		return;
	}
	signin_gate_passed(r, &g);
	if (ch.n > 1) {
		login_form(r, email, NULL, &ch);
		return;
	}
	const char *token, *csrf;
	if (session_create(r->db, r->a, match->org_id, match->id, &token, &csrf)) {
		resp_store_error(r, E_OK);
		return;
	}
	resp_cookie(r, "sg_session", token, SESSION_SECONDS);
	resp_redirect(r, safe_next(req_form(r, "next")));
}

void page_logout_post(struct request *r)
{
	if (r->session_token)
		session_delete(r->db, r->session_token);
	resp_cookie(r, "sg_session", "", -1);
	resp_redirect(r, "/login?done=signed-out");
}
