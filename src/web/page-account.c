/*
 * page-account: what the signed-in person can change about themself — their
 * password and their language — and the /lang switch in the page header,
 * which also serves visitors who are not signed in (through a cookie).
 *
 * Changing the password asks for the current one, so a session left open on
 * a shared computer cannot be turned into a takeover; wrong guesses count
 * towards the same throttle as failed sign-ins, since they guess the same
 * secret. A new password signs out every other session and revokes the
 * API tokens. The person's API tokens are listed (name, made, last used)
 * and can be revoked one by one.
 */
#include "pages.h"
#include "../lib/localpath.h"
#include "ui.h"
#include "../store/auth.h"
#include "../store/users.h"
#include "signin.h"
#include "../lib/fmt.h"
#include "../domain/validate.h"
#include "../lib/password.h"
#include "../lib/util.h"
#include <string.h>


/* messages under the password fields, NULL when fine */
struct password_errors {
	const char *current, *fresh, *repeat;
};

static void details_card(struct request *r)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\"><h2>%s</h2><dl class=\"details\">"
		    "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>"
		    "<p class=\"muted\">%s</p></section>",
		    T("Your details"), T("Name"), r->me.name, T("E-mail address"), r->me.email,
		    T("Role"), ui_role_label(r, r->me.role), T("Organisation"), r->me.org_name,
		    T("An admin can change your role and team."));
}

static void password_card(struct request *r, const struct password_errors *e)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"password\"><h2>%s</h2>", T("Change your password"));
	if (e->current || e->fresh || e->repeat)
		ui_notice(r, "error", T("Your password was not changed. Check the fields marked below."));
	html(o, "<form method=\"post\" action=\"/account/password#password\" class=\"form\">");
	ui_csrf(r);
	/* a hidden user name lets password managers file the new password */
	html_printf(o, "<input type=\"hidden\" name=\"username\" autocomplete=\"username\" value=\"%s\">", r->me.email);
	ui_input(r, "current_password", T("Current password"), "password", "", e->current,
		 " autocomplete=\"current-password\" required");
	ui_input(r, "new_password", T("New password"), "password", "", e->fresh,
		 " autocomplete=\"new-password\" required minlength=\"10\"");
	ui_input(r, "new_password2", T("New password again"), "password", "", e->repeat,
		 " autocomplete=\"new-password\" required minlength=\"10\"");
	html_printf(o, "<p class=\"muted\">%s</p><div class=\"actions\"><button class=\"button primary\" type=\"submit\">"
		    "%s</button></div></form></section>",
		    T("At least 10 characters. You stay signed in here; other sessions are signed out "
		      "and your API tokens are revoked."),
		    T("Change the password"));
}

static void language_card(struct request *r)
{
	struct strbuf *o = &r->out;
	int org = lang_parse(r->me.org_locale);
	const char *values[LANG_COUNT + 1], *labels[LANG_COUNT + 1];
	values[0] = "";
	labels[0] = arena_printf(r->a, T("Organisation default (%s)"), lang_name(org < 0 ? LANG_EN : (enum lang)org));
	for (int l = 0; l < LANG_COUNT; l++) {
		values[l + 1] = lang_code((enum lang)l);
		labels[l + 1] = lang_name((enum lang)l);
	}
	html_printf(o, "<section class=\"card\" id=\"language\"><h2>%s</h2>"
		    "<form method=\"post\" action=\"/lang\" class=\"form\">", T("Language"));
	ui_csrf(r);
	html(o, "<input type=\"hidden\" name=\"next\" value=\"/account#language\">");
	ui_select(r, "lang", T("Language of the pages"), values, labels, LANG_COUNT + 1,
		  r->me.user_locale ? r->me.user_locale : "", NULL);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Save"));
}

static void tokens_card(struct request *r)
{
	struct strbuf *o = &r->out;
	struct api_token_list l;
	html_printf(o, "<section class=\"card\" id=\"tokens\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("API tokens"), T("Programs that use the API sign in with a token. Revoke one you no longer "
				       "use, or one that someone else may have seen."));
	if (token_list(r->db, r->a, r->me.org_id, r->me.user_id, &l)) {
		ui_notice(r, "error", T("The database is not available. Try again shortly."));
		html(o, "</section>");
		return;
	}
	if (!l.n) {
		html_printf(o, "<p>%s</p></section>", T("You have no API tokens."));
		return;
	}
	html_printf(o, "<table class=\"table\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th></th></tr></thead><tbody>",
		    T("Name"), T("Made"), T("Last used"));
	for (size_t i = 0; i < l.n; i++) {
		const struct api_token *t = &l.items[i];
		struct strbuf made = STRBUF_INIT, used = STRBUF_INIT;
		fmt_datetime(&made, r->lang, t->created_at);
		if (t->last_used_at)
			fmt_datetime(&used, r->lang, t->last_used_at);
		html_printf(o, "<tr id=\"token-%lld\"><td>%s</td><td>%s</td><td>%s</td><td>",
			    (long long)t->id, *t->label ? t->label : T("(no name)"), made.buf,
			    t->last_used_at ? used.buf : T("never"));
		sb_release(&made);
		sb_release(&used);
		html_printf(o, "<form method=\"post\" action=\"/account/tokens/%lld/revoke\" data-confirm=\"%s\">",
			    (long long)t->id, T("Revoke this API token? Programs using it stop working."));
		ui_csrf(r);
		html_printf(o, "<button class=\"button small danger\" type=\"submit\">%s</button></form></td></tr>",
			    T("Revoke"));
	}
	html(o, "</tbody></table></section>");
}

void page_account_token_revoke_post(struct request *r)
{
	enum err e = token_revoke(r->db, r->me.org_id, r->me.user_id, r->id);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such API token."));
		return;
	}
	if (e) {
		resp_store_error(r, E_OK);
		return;
	}
	resp_redirect(r, "/account?done=token-revoked#tokens");
}

/* the whole page; status is already set for a re-render */
static void render_account(struct request *r, const struct password_errors *e)
{
	ui_page_begin(r, T("Your account"), "account");
	html_printf(&r->out, "<h1>%s</h1><div class=\"grid two\"><div>", T("Your account"));
	details_card(r);
	language_card(r);
	html(&r->out, "</div><div>");
	password_card(r, e);
	calendar_card(r);
	tokens_card(r);
	html(&r->out, "</div></div>");
	ui_page_end(r);
}

void page_account(struct request *r)
{
	struct password_errors e = { 0 };
	render_account(r, &e);
}

/* checks the current password against the stored hash, throttled like
 * signing in; E_OK, E_INVALID or E_THROTTLED (message in pe->current), or a
 * database error */
static enum err check_current(struct request *r, const char *current, struct password_errors *pe)
{
	if (!current || !*current) {
		pe->current = T("Enter your current password.");
		return E_INVALID;
	}
	struct signin_gate g;
	enum err e = signin_gate_enter(r, r->me.email, &g);
	if (e == E_THROTTLED) {
		pe->current = signin_throttled(r, &g);
		return E_THROTTLED;
	}
	if (e)
		return e;
	const char *hash = NULL;
	if ((e = user_password_hash(r->db, r->a, r->me.org_id, r->me.user_id, &hash)))
		return e;
	if (!password_verify(hash, current)) {
		pe->current = T("This is not your current password.");
		return E_INVALID;
	}
	signin_gate_passed(r, &g);
	return E_OK;
}

/* stores the new password, ends the other sessions and revokes the API
 * tokens, together: whoever had the old password may have made either */
static enum err set_password(struct request *r, const char *password)
{
	char hash[PASSWORD_HASH_LEN];
	if (password_hash(password, hash))
		return E_INTERNAL;
	enum err e = db_begin(r->db);
	if (e)
		return e;
	e = user_set_password(r->db, r->me.org_id, r->me.user_id, hash);
	if (!e)
		e = session_delete_others(r->db, r->me.org_id, r->me.user_id, r->session_token);
	if (!e)
		e = token_revoke_all(r->db, r->me.org_id, r->me.user_id);
	if (e) {
		db_rollback(r->db);
		return e;
	}
	return db_commit(r->db);
}

void page_account_password_post(struct request *r)
{
	const char *fresh = req_form(r, "new_password"), *repeat = req_form(r, "new_password2");
	struct password_errors pe = { 0 };
	enum err e = check_current(r, req_form(r, "current_password"), &pe);
	if (e && e != E_INVALID && e != E_THROTTLED) {
		resp_store_error(r, e);
		return;
	}
	const char *m = validate_password(fresh);
	if (m)
		pe.fresh = T(m);
	else if (!repeat || strcmp(fresh, repeat))
		pe.repeat = T("The two new passwords are not the same.");
	if (pe.current || pe.fresh || pe.repeat) {
		r->status = e == E_THROTTLED ? 429 : 400;
		render_account(r, &pe);
		return;
	}
	if ((e = set_password(r, fresh))) {
		resp_error(r, e == E_INTERNAL ? E_INTERNAL : E_UNAVAILABLE,
			   e == E_INTERNAL ? T("Something went wrong on our side.")
			   : T("The database is not available. Try again shortly."));
		return;
	}
	ui_redirect_done(r, "/account", "password-changed");
}

void page_lang_post(struct request *r)
{
	const char *code = req_form(r, "lang");
	const char *next = local_path(req_form(r, "next"));
	if (!next)
		next = "/";
	/* "" (the organisation's language) only means something to a user */
	if (!code || (*code ? lang_parse(code) < 0 : !r->signed_in)) {
		resp_error(r, E_INVALID, T("The language is en, nl or nb."));
		return;
	}
	if (r->signed_in && user_set_locale(r->db, r->me.org_id, r->me.user_id, *code ? code : NULL)) {
		resp_store_error(r, E_OK);
		return;
	}
	/* the cookie carries the choice past signing out; for the
	 * organisation's default there is nothing to carry */
	if (*code)
		resp_cookie(r, "sg_lang", code, 365L * 24 * 3600);
	else
		resp_cookie(r, "sg_lang", "", -1);
	resp_redirect(r, next);
}
