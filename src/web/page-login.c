/*
 * page-login: signing in and out. Failed attempts are counted per address
 * and throttled (domain/throttle.c); the answer to a wrong password is the
 * same whether or not the address exists.
 */
#include "pages.h"
#include "ui.h"
#include "../store/auth.h"
#include "../store/users.h"
#include "../domain/throttle.h"
#include "../domain/validate.h"
#include "../lib/password.h"
#include "../lib/util.h"
#include <string.h>

/* only local paths, never "//host" or a scheme */
static const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strchr(next, ':'))
		return "/";
	return next;
}

static void login_form(struct request *r, const char *email, const char *error)
{
	ui_page_begin(r, T("Sign in"), NULL);
	struct strbuf *o = &r->out;
	html(o, "<section class=\"card narrow login\">");
	html_printf(o, "<h1>%s</h1><p class=\"muted\">%s</p>", T("Sign in"),
		    T("Grow sales people, not just numbers."));
	if (error)
		ui_notice(r, "error", error);
	html(o, "<form method=\"post\" action=\"/login\" class=\"form\">");
	ui_csrf(r);
	html_printf(o, "<input type=\"hidden\" name=\"next\" value=\"%s\">",
		    safe_next(req_query(r, "next") ? req_query(r, "next") : req_form(r, "next")));
	ui_input(r, "email", T("E-mail address"), "email", email, NULL,
		 " autocomplete=\"username\" required autofocus");
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
	login_form(r, "", NULL);
}

void page_login_post(struct request *r)
{
	char *email = arena_strdup(r->a, req_form(r, "email") ? req_form(r, "email") : "");
	const char *password = req_form(r, "password");
	str_trim(email);
	email_normalise(email);
	if (!*email || !password || !*password) {
		r->status = 400;
		login_form(r, email, T("Enter your e-mail address and password."));
		return;
	}
	int64_t fails = 0, oldest = 0;
	if (login_failures_count(r->db, email, THROTTLE_WINDOW, &fails, &oldest)) {
		resp_store_error(r, E_OK);
		return;
	}
	int64_t wait = throttle_wait(fails, oldest, now_epoch());
	if (wait > 0) {
		r->status = 429;
		resp_header(r, "Retry-After", arena_printf(r->a, "%lld", (long long)wait));
		long minutes = (long)((wait + 59) / 60);
		login_form(r, email, arena_printf(r->a, trn(r->lang, "Too many failed attempts. Try again in %ld minute.",
							   "Too many failed attempts. Try again in %ld minutes.", minutes),
						  minutes));
		return;
	}
	int64_t uid = 0, org = 0;
	const char *hash = NULL;
	enum err e = user_credentials(r->db, r->a, email, &uid, &org, &hash);
	if (e && e != E_NOTFOUND) {
		resp_store_error(r, e);
		return;
	}
	if (!password_verify(e ? NULL : hash, password)) {
		login_failure_add(r->db, email);
		r->status = 401;
		login_form(r, email, T("The e-mail address or the password is not right."));
		return;
	}
	const char *token, *csrf;
	login_failures_clear(r->db, email);
	if (session_create(r->db, r->a, org, uid, &token, &csrf)) {
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
