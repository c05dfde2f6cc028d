/*
 * page-admin-users: the admin's list of the organisation's users, the form
 * to add one, and each user's page to change their role and team or to
 * deactivate them. Adding goes through store/people.c, the same rules as the
 * command line and the API. When the admin leaves the password empty, one is
 * generated and shown once, on the answer to the form, never stored in the
 * clear and never shown again. An admin cannot deactivate themself or change
 * their own role, so an organisation cannot lock itself out by a slip.
 */
#include "pages.h"
#include "load.h"
#include "ui.h"
#include "repnumbers.h"
#include "export.h"
#include "../store/people.h"
#include "../store/teams.h"
#include "../store/users.h"
#include "../domain/validate.h"
#include "../lib/password.h"
#include "../lib/util.h"
#include <string.h>


/* what the user forms show: values and a message per field (or NULL) */
struct user_form {
	const char *name, *email, *role, *team;
	const char *e_name, *e_email, *e_role, *e_team, *e_password;
	const char *notice;		/* an error about the whole page */
};

struct options {
	const char **values, **labels;
	size_t n;
};

static const char *const role_values[] = { "rep", "manager", "admin" };

static void role_select(struct request *r, const char *selected, const char *error)
{
	const char *labels[3];
	for (size_t i = 0; i < 3; i++)
		labels[i] = ui_role_label(r, role_values[i]);
	ui_select(r, "role", T("Role"), role_values, labels, 3, selected, error);
}

/* "— none —" and every team of the organisation */
static int team_options(struct request *r, struct options *opt)
{
	struct team_list teams;
	if (team_list_org(r->db, r->a, r->me.org_id, &teams))
		return -1;
	opt->values = arena_alloc(r->a, (teams.n + 1) * sizeof(char *));
	opt->labels = arena_alloc(r->a, (teams.n + 1) * sizeof(char *));
	opt->values[0] = "";
	opt->labels[0] = T("— none —");
	for (size_t i = 0; i < teams.n; i++) {
		opt->values[i + 1] = arena_printf(r->a, "%lld", (long long)teams.items[i].id);
		opt->labels[i + 1] = teams.items[i].name;
	}
	opt->n = teams.n + 1;
	return 0;
}

/* the team field as posted: 0 for none, -1 when it is not an id */
static int64_t form_team(struct request *r)
{
	const char *v = req_form(r, "team");
	int64_t id = 0;
	if (!v || !*v)
		return 0;
	return parse_i64(v, &id) || id <= 0 ? -1 : id;
}

static char *form_text(struct request *r, const char *key)
{
	const char *v = req_form(r, key);
	return str_trim(arena_strdup(r->a, v ? v : ""));
}

static void status_badge(struct request *r, int active)
{
	html_printf(&r->out, "<span class=\"badge %-s\">%s</span>", active ? "ok" : "warn",
		    active ? T("active") : T("inactive"));
}

/* what the Team column says of a user: the team they are in, or for a
 * manager who is in none the teams they lead ("leads North"), else "" —
 * a manager used to show "—" (issue 14) */
static const char *team_text(struct request *r, const struct user *u, const struct team_list *teams)
{
	if (*u->team_name)
		return u->team_name;
	const char *led = NULL;
	for (size_t i = 0; teams && i < teams->n; i++)
		if (teams->items[i].manager_id == u->id)
			led = led ? arena_printf(r->a, "%s, %s", led, teams->items[i].name) : teams->items[i].name;
	/* TRANSLATORS: the Team column of the users list for a manager: "leads North, South" */
	return led ? arena_printf(r->a, T("leads %s"), led) : "";
}

static void users_table(struct request *r, const struct user_list *users, const struct team_list *teams)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    T("Name"), T("E-mail address"), T("Role"), T("Team"), T("Status"));
	for (size_t i = 0; i < users->n; i++) {
		const struct user *u = &users->items[i];
		html_printf(o, "<tr%-s><td><a href=\"/admin/users/%lld\">%s</a>", u->active ? "" : " class=\"inactive\"",
			    (long long)u->id, u->name);
		if (!strcmp(u->role, "rep"))
			ui_rep_page_link(r, u->id, u->org_id, u->team_id, u->name);
		html_printf(o, "</td><td>%s</td><td>%s</td><td>%s</td><td>", u->email,
			    ui_role_label(r, u->role), *team_text(r, u, teams) ? team_text(r, u, teams) : "—");
		status_badge(r, u->active);
		html(o, "</td></tr>");
	}
	html(o, "</tbody></table></div>");
}

/* the users as a download (?format=csv|xlsx): what the list shows */
static struct table *users_export_table(struct request *r, const struct user_list *users,
					const struct team_list *teams)
{
	struct table *t = table_new(r->a, "users", 5);
	table_col(t, 0, T("Name"), CELL_TEXT);
	table_col(t, 1, T("E-mail address"), CELL_TEXT);
	table_col(t, 2, T("Role"), CELL_TEXT);
	table_col(t, 3, T("Team"), CELL_TEXT);
	table_col(t, 4, T("Status"), CELL_TEXT);
	for (size_t i = 0; i < users->n; i++) {
		const struct user *u = &users->items[i];
		size_t row = table_row(t);
		table_text(t, row, 0, u->name);
		table_text(t, row, 1, u->email);
		table_text(t, row, 2, ui_role_label(r, u->role));
		table_text(t, row, 3, team_text(r, u, teams));
		table_text(t, row, 4, u->active ? T("active") : T("inactive"));
	}
	return t;
}

/* the list and the "add a user" form; status is already set for a re-render */
static void render_users(struct request *r, const struct user_form *f)
{
	struct user_list users;
	struct options teams;
	struct team_list tl;
	if (user_list_org(r->db, r->a, r->me.org_id, &users) || team_options(r, &teams) ||
	    team_list_org(r->db, r->a, r->me.org_id, &tl)) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_page_begin(r, T("Users"), "admin-users");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><h1>%s</h1><span class=\"muted\">%s</span></div>", T("Users"),
		    arena_printf(r->a, trn(r->lang, "%zu user", "%zu users", (long)users.n), users.n));
	html(o, "<section class=\"card\">");
	users_table(r, &users, &tl);
	ui_export_links(r);
	html(o, "</section>");
	html_printf(o, "<section class=\"card\" id=\"add\"><h2>%s</h2>", T("Add a user"));
	if (f->notice)
		ui_notice(r, "error", f->notice);
	html(o, "<form method=\"post\" action=\"/admin/users#add\" class=\"form inline\">");
	ui_csrf(r);
	ui_input(r, "name", T("Name"), "text", f->name, f->e_name, " required maxlength=\"200\" autocomplete=\"off\"");
	ui_input(r, "email", T("E-mail address"), "email", f->email, f->e_email, " required autocomplete=\"off\"");
	role_select(r, f->role, f->e_role);
	ui_select(r, "team", T("Team"), teams.values, teams.labels, teams.n, f->team, f->e_team);
	ui_input(r, "password", T("Password (optional)"), "password", "", f->e_password,
		 " minlength=\"10\" autocomplete=\"new-password\"");
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>"
		    "<p class=\"muted\">%s</p></section>", T("Add the user"),
		    T("Leave the password empty to have one made up; it is shown once, for you to pass on."));
	ui_page_end(r);
}

void page_admin_users(struct request *r)
{
	if (export_wanted(r)) {
		struct user_list users;
		struct team_list tl;
		if (user_list_org(r->db, r->a, r->me.org_id, &users) || team_list_org(r->db, r->a, r->me.org_id, &tl)) {
			resp_store_error(r, E_OK);
			return;
		}
		export_send(r, users_export_table(r, &users, &tl));
		return;
	}
	struct user_form f = { .name = "", .email = "", .role = "rep", .team = "" };
	render_users(r, &f);
}

/* the answer to adding a user whose password was made up: the one time it is shown */
static void render_password(struct request *r, int64_t id, const char *name, const char *email,
			    const char *password)
{
	/* the page holds a secret: keep it out of caches and the back button */
	resp_header(r, "Cache-Control", "no-store");
	ui_page_begin(r, T("User added"), "admin-users");
	struct strbuf *o = &r->out;
	ui_notice(r, "ok", T("The user was added."));
	html_printf(o, "<section class=\"card\"><h1>%s</h1><p>%s</p>", name,
		    arena_printf(r->a, T("%s signs in with this e-mail address and password:"), name));
	html_printf(o, "<p>%s<br><span class=\"secret\">%s</span></p>", email, password);
	html_printf(o, "<p>%s</p>", T("Pass the password on to them yourself, for instance by phone. "
				     "It is shown only this once; they can change it under their account."));
	html_printf(o, "<div class=\"actions\"><a class=\"button primary\" href=\"/admin/users#add\">%s</a>"
		    "<a class=\"button\" href=\"/admin/users/%lld\">%s</a></div></section>",
		    T("Add another user"), (long long)id, T("Open the user's page"));
	ui_page_end(r);
}

/* puts a message from store/people.c (English, marked with N_) under its field */
static void set_error(struct request *r, struct user_form *f, const char *field, const char *msg)
{
	const char *m = T(msg);
	if (!field || !strcmp(field, "email"))
		f->e_email = m;
	else if (!strcmp(field, "name"))
		f->e_name = m;
	else if (!strcmp(field, "role"))
		f->e_role = m;
	else if (!strcmp(field, "team"))
		f->e_team = m;
	else if (!strcmp(field, "password"))
		f->e_password = m;
	else
		f->notice = m;
}

void page_admin_users_post(struct request *r)
{
	struct user_form f = { 0 };
	f.name = form_text(r, "name");
	char *email = form_text(r, "email");
	email_normalise(email);
	f.email = email;
	f.role = req_form(r, "role") ? req_form(r, "role") : "";
	f.team = req_form(r, "team") ? req_form(r, "team") : "";
	const char *password = req_form(r, "password");
	int64_t team = form_team(r);
	if (team < 0) {
		f.e_team = T("There is no such team.");
		r->status = 400;
		render_users(r, &f);
		return;
	}
	char made_up[17] = "";
	if (!password || !*password) {
		password_generate(made_up);
		password = made_up;
	}
	struct new_user nu = { .email = f.email, .name = f.name, .role = f.role, .team_id = team,
			       .password = password };
	int64_t id = 0;
	const char *field, *msg;
	enum err e = people_add_user(r->db, r->a, r->me.org_id, &nu, &id, &field, &msg);
	if ((e == E_INVALID || e == E_CONFLICT) && msg) {
		set_error(r, &f, field, msg);
		if (!f.notice)
			f.notice = T("The user was not added. Check the fields marked below.");
		r->status = e == E_CONFLICT ? 409 : 400;
		render_users(r, &f);
		return;
	}
	if (e) {
		resp_error(r, e == E_INTERNAL ? E_INTERNAL : E_UNAVAILABLE,
			   e == E_INTERNAL ? T("Something went wrong on our side.")
			   : T("The database is not available. Try again shortly."));
		return;
	}
	if (*made_up)
		render_password(r, id, f.name, f.email, made_up);
	else
		ui_redirect_done(r, "/admin/users", "user-added");
}

/* the user's page: role and team, and (de)activation; status is already set */
static void render_user(struct request *r, const struct user *u, const struct user_form *f)
{
	struct options teams;
	if (team_options(r, &teams)) {
		resp_store_error(r, E_OK);
		return;
	}
	int self = u->id == r->me.user_id;
	ui_page_begin(r, u->name, "admin-users");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\"><a href=\"/admin/users\">%s</a></p>"
		    "<h1>%s</h1><p class=\"muted\">%s · ", T("Users"), u->name, u->email);
	status_badge(r, u->active);
	html(o, "</p></div></div>");
	if (f->notice)
		ui_notice(r, "error", f->notice);

	html_printf(o, "<div class=\"grid two\"><section class=\"card\"><h2>%s</h2>", T("Role and team"));
	html_printf(o, "<form method=\"post\" action=\"/admin/users/%lld\" class=\"form\">", (long long)u->id);
	ui_csrf(r);
	if (self) {
		/* the role travels unchanged; see the file comment */
		html_printf(o, "<input type=\"hidden\" name=\"role\" value=\"%s\">", u->role);
		ui_input(r, "role-shown", T("Role"), "text", ui_role_label(r, u->role), f->e_role, " readonly");
		if (!f->e_role)
			html_printf(o, "<p class=\"muted\">%s</p>", T("You cannot change your own role. Ask another admin."));
	} else {
		role_select(r, f->role, f->e_role);
	}
	ui_select(r, "team", T("Team"), teams.values, teams.labels, teams.n, f->team, f->e_team);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button>"
		    "<a class=\"button\" href=\"/admin/users\">%s</a></div></form></section>", T("Save"), T("Cancel"));

	html_printf(o, "<section class=\"card\"><h2>%s</h2>", T("Access"));
	if (self) {
		html_printf(o, "<p class=\"muted\">%s</p>", T("This is you. Another admin can deactivate your account."));
	} else if (u->active) {
		html_printf(o, "<p>%s</p><form method=\"post\" action=\"/admin/users/%lld/active\" data-confirm=\"%s\">",
			    T("A deactivated user cannot sign in; their sessions and API tokens end at once. "
			      "Their history stays."),
			    (long long)u->id, arena_printf(r->a, T("Deactivate %s?"), u->name));
		ui_csrf(r);
		html_printf(o, "<input type=\"hidden\" name=\"active\" value=\"0\">"
			    "<button class=\"button danger\" type=\"submit\">%s</button></form>", T("Deactivate"));
	} else {
		html_printf(o, "<p>%s</p><form method=\"post\" action=\"/admin/users/%lld/active\">",
			    T("This user is deactivated and cannot sign in."), (long long)u->id);
		ui_csrf(r);
		html_printf(o, "<input type=\"hidden\" name=\"active\" value=\"1\">"
			    "<button class=\"button\" type=\"submit\">%s</button></form>", T("Activate"));
	}
	html(o, "</section></div>");
	ui_page_end(r);
}

/* loads the user of the path (web/load.c), or answers 404/403; 0 when found */
static int load_user(struct request *r, struct user *u)
{
	struct user *got = user_load_or_reply(r, r->id, NEED_ADMINISTER);
	if (!got)
		return -1;
	*u = *got;
	return 0;
}

static void user_form_from(struct request *r, struct user_form *f, const struct user *u)
{
	memset(f, 0, sizeof(*f));
	f->role = u->role;
	f->team = u->team_id ? arena_printf(r->a, "%lld", (long long)u->team_id) : "";
}

void page_admin_user(struct request *r)
{
	struct user u;
	struct user_form f;
	if (load_user(r, &u))
		return;
	user_form_from(r, &f, &u);
	render_user(r, &u, &f);
}

/* checks the posted role and team; E_INVALID with messages in f */
static enum err check_user(struct request *r, const struct user *u, struct user_form *f, int64_t team)
{
	if (role_parse(f->role) == ROLE_NONE)
		f->e_role = T("The role is admin, manager or rep.");
	else if (u->id == r->me.user_id && strcmp(f->role, u->role))
		f->e_role = T("You cannot change your own role. Ask another admin.");
	if (team < 0) {
		f->e_team = T("There is no such team.");
	} else if (team) {
		struct team t;
		enum err e = team_get(r->db, r->a, r->me.org_id, team, &t);
		if (e == E_NOTFOUND)
			f->e_team = T("There is no such team.");
		else if (e)
			return e;
	}
	return f->e_role || f->e_team ? E_INVALID : E_OK;
}

void page_admin_user_post(struct request *r)
{
	struct user u;
	if (load_user(r, &u))
		return;
	struct user_form f = { 0 };
	f.role = req_form(r, "role") ? req_form(r, "role") : "";
	f.team = req_form(r, "team") ? req_form(r, "team") : "";
	int64_t team = form_team(r);
	enum err e = check_user(r, &u, &f, team);
	if (e == E_INVALID) {
		r->status = 400;
		render_user(r, &u, &f);
		return;
	}
	/* role and team change together or not at all */
	if (!e)
		e = db_begin(r->db);
	if (!e) {
		e = user_set_role(r->db, r->me.org_id, u.id, f.role);
		if (!e)
			e = user_set_team(r->db, r->me.org_id, u.id, team);
		if (e)
			db_rollback(r->db);
		else
			e = db_commit(r->db);
	}
	if (e) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_redirect_done(r, "/admin/users", "user-saved");
}

void page_admin_user_active_post(struct request *r)
{
	/* the user first: another organisation's is not found, whatever the form says */
	struct user u;
	if (load_user(r, &u))
		return;
	const char *v = req_form(r, "active");
	if (!v || (strcmp(v, "0") && strcmp(v, "1"))) {
		resp_error(r, E_INVALID, T("The field 'active' is 0 or 1."));
		return;
	}
	int active = v[0] == '1';
	if (!active && u.id == r->me.user_id) {
		struct user_form f;
		user_form_from(r, &f, &u);
		f.notice = T("You cannot deactivate your own account. Ask another admin to do it.");
		r->status = 400;
		render_user(r, &u, &f);
		return;
	}
	/* the flag, the sessions and the API tokens change together */
	enum err e = db_begin(r->db);
	if (!e) {
		e = user_set_active(r->db, r->me.org_id, u.id, active);
		if (e)
			db_rollback(r->db);
		else
			e = db_commit(r->db);
	}
	if (e) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_redirect_done(r, arena_printf(r->a, "/admin/users/%lld", (long long)u.id),
			 active ? "user-activated" : "user-deactivated");
}
