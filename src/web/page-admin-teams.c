/*
 * page-admin-teams: the admin's list of teams, the form to add one, and the
 * form to change a team's name, manager, territory and segment. Adding goes
 * through store/people.c, the same rules as the command line and the API;
 * a form with mistakes comes back with what was typed and the message
 * beneath the field it concerns. Who is in a team is set per user, on the
 * user's page.
 */
#include "pages.h"
#include "load.h"
#include "ui.h"
#include "../store/people.h"
#include "../store/teams.h"
#include "../store/users.h"
#include "../domain/validate.h"
#include "../lib/util.h"
#include <string.h>

/* what the team form shows: the values and a message per field (or NULL) */
struct team_form {
	const char *name, *manager_id, *territory, *segment;
	const char *e_name, *e_manager, *e_territory, *e_segment;
};

struct options {
	const char **values, **labels;
	size_t n;
};


/* "— none —" and the active managers and admins; keep_id (the current
 * manager) is listed even when no longer eligible, so the form does not
 * silently drop them — saving then says why it cannot stay */
static int manager_options(struct request *r, int64_t keep_id, struct options *opt)
{
	struct user_list users;
	if (user_list_org(r->db, r->a, r->me.org_id, &users))
		return -1;
	opt->values = arena_alloc(r->a, (users.n + 1) * sizeof(char *));
	opt->labels = arena_alloc(r->a, (users.n + 1) * sizeof(char *));
	opt->values[0] = "";
	opt->labels[0] = T("— none —");
	opt->n = 1;
	for (size_t i = 0; i < users.n; i++) {
		const struct user *u = &users.items[i];
		int eligible = u->active && role_parse(u->role) >= ROLE_MANAGER;
		if (!eligible && u->id != keep_id)
			continue;
		opt->values[opt->n] = arena_printf(r->a, "%lld", (long long)u->id);
		opt->labels[opt->n] = eligible ? u->name
			: arena_printf(r->a, "%s (%s)", u->name, u->active ? ui_role_label(r, u->role) : T("inactive"));
		opt->n++;
	}
	return 0;
}

static void team_fields(struct request *r, const struct team_form *f, const struct options *managers)
{
	ui_input(r, "name", T("Name"), "text", f->name, f->e_name, " required maxlength=\"200\"");
	ui_select(r, "manager_id", T("Manager"), managers->values, managers->labels, managers->n,
		  f->manager_id, f->e_manager);
	ui_input(r, "territory", T("Territory"), "text", f->territory, f->e_territory,
		 " maxlength=\"200\"");
	ui_input(r, "segment", T("Segment"), "text", f->segment, f->e_segment,
		 " maxlength=\"200\"");
}

/* reads the posted form, trimmed; *manager_id is 0 for none, -1 when not a number */
static void read_form(struct request *r, struct team_form *f, int64_t *manager_id)
{
	const char *v;
	memset(f, 0, sizeof(*f));
	f->name = str_trim(arena_strdup(r->a, (v = req_form(r, "name")) ? v : ""));
	f->manager_id = (v = req_form(r, "manager_id")) ? v : "";
	f->territory = str_trim(arena_strdup(r->a, (v = req_form(r, "territory")) ? v : ""));
	f->segment = str_trim(arena_strdup(r->a, (v = req_form(r, "segment")) ? v : ""));
	*manager_id = 0;
	if (*f->manager_id && (parse_i64(f->manager_id, manager_id) || *manager_id <= 0))
		*manager_id = -1;
}

/* puts a message from store/people.c (English, marked with N_) under its field */
static void set_error(struct request *r, struct team_form *f, const char *field, const char *msg)
{
	const char *m = T(msg);
	if (field && !strcmp(field, "manager_id"))
		f->e_manager = m;
	else if (field && !strcmp(field, "territory"))
		f->e_territory = m;
	else if (field && !strcmp(field, "segment"))
		f->e_segment = m;
	else
		f->e_name = m;
}

static void teams_table(struct request *r, const struct team_list *teams)
{
	struct strbuf *o = &r->out;
	if (!teams->n) {
		html_printf(o, "<p class=\"muted\">%s</p>", T("There are no teams yet."));
		return;
	}
	html_printf(o, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead><tbody>",
		    T("Team"), T("Manager"), T("Territory"), T("Segment"), T("Members"), T("Actions"));
	for (size_t i = 0; i < teams->n; i++) {
		const struct team *t = &teams->items[i];
		html_printf(o, "<tr><td><a href=\"/teams#team-%lld\">%s</a></td><td>%s</td><td>%s</td><td>%s</td>"
			    "<td class=\"num\">%lld</td><td><a class=\"button small\" href=\"/admin/teams/%lld\""
			    " aria-label=\"%s\">%s</a></td></tr>",
			    (long long)t->id, t->name, *t->manager_name ? t->manager_name : "—", t->territory,
			    t->segment, (long long)t->members, (long long)t->id,
			    arena_printf(r->a, T("Edit %s"), t->name), T("Edit"));
	}
	html(o, "</tbody></table></div>");
}

/* the list and the "add a team" form; status is already set for a re-render */
static void render_teams(struct request *r, const struct team_form *f)
{
	struct team_list teams;
	struct options managers;
	if (team_list_org(r->db, r->a, r->me.org_id, &teams) || manager_options(r, 0, &managers)) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_page_begin(r, T("Manage teams"), "admin-teams");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><h1>%s</h1><a class=\"button\" href=\"/teams\">%s</a></div>",
		    T("Manage teams"), T("See all members"));
	html(o, "<section class=\"card\">");
	teams_table(r, &teams);
	html(o, "</section>");
	html_printf(o, "<section class=\"card\" id=\"add\"><h2>%s</h2>", T("Add a team"));
	if (f->e_name || f->e_manager || f->e_territory || f->e_segment)
		ui_notice(r, "error", T("The team was not added. Check the fields marked below."));
	html(o, "<form method=\"post\" action=\"/admin/teams#add\" class=\"form inline\">");
	ui_csrf(r);
	team_fields(r, f, &managers);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Add the team"));
	ui_page_end(r);
}

void page_admin_teams(struct request *r)
{
	struct team_form f = { .name = "", .manager_id = "", .territory = "", .segment = "" };
	render_teams(r, &f);
}

void page_admin_teams_post(struct request *r)
{
	struct team_form f;
	int64_t manager_id;
	read_form(r, &f, &manager_id);
	if (manager_id < 0) {
		f.e_manager = T("Choose a manager from the list.");
		r->status = 400;
		render_teams(r, &f);
		return;
	}
	struct new_team nt = { f.name, f.territory, f.segment, manager_id };
	const char *field, *msg;
	enum err e = people_add_team(r->db, r->a, r->me.org_id, &nt, NULL, &field, &msg);
	if ((e == E_INVALID || e == E_CONFLICT) && msg) {
		set_error(r, &f, field, msg);
		r->status = e == E_CONFLICT ? 409 : 400;
		render_teams(r, &f);
		return;
	}
	if (e) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_redirect_done(r, "/admin/teams", "team-added");
}

/* the edit page of team t; status is already set for a re-render */
static void render_team(struct request *r, const struct team *t, const struct team_form *f)
{
	struct options managers;
	if (manager_options(r, t->manager_id, &managers)) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_page_begin(r, t->name, "admin-teams");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\"><a href=\"/admin/teams\">%s</a></p>"
		    "<h1>%s</h1></div><a class=\"button\" href=\"/teams#team-%lld\">%s</a></div>",
		    T("Manage teams"), t->name, (long long)t->id, T("See the team"));
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", T("Edit the team"));
	if (f->e_name || f->e_manager || f->e_territory || f->e_segment)
		ui_notice(r, "error", T("The team was not saved. Check the fields marked below."));
	html_printf(o, "<form method=\"post\" action=\"/admin/teams/%lld\" class=\"form\">", (long long)t->id);
	ui_csrf(r);
	team_fields(r, f, &managers);
	html_printf(o, "<p class=\"muted\">%s</p>", T("Who is in the team is set on each user's page."));
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button>"
		    "<a class=\"button\" href=\"/admin/teams\">%s</a></div></form></section>",
		    T("Save"), T("Cancel"));
	ui_page_end(r);
}

/* loads the team of the path (web/load.c), or answers 404/403; 0 when found */
static int load_team(struct request *r, struct team *t)
{
	struct team *got = team_load_or_reply(r, r->id, NEED_ADMINISTER);
	if (!got)
		return -1;
	*t = *got;
	return 0;
}

void page_admin_team(struct request *r)
{
	struct team t;
	if (load_team(r, &t))
		return;
	struct team_form f = {
		.name = t.name, .territory = t.territory, .segment = t.segment,
		.manager_id = t.manager_id ? arena_printf(r->a, "%lld", (long long)t.manager_id) : "",
	};
	render_team(r, &t, &f);
}

/* checks the edited team; E_INVALID with the message under its field */
static enum err check_team(struct request *r, struct team_form *f, int64_t manager_id)
{
	const char *m;
	if ((m = validate_name(f->name)))
		f->e_name = T(m);
	if (strlen(f->territory) > NAME_MAX_LEN)
		f->e_territory = T("A name is at most 200 characters long.");
	if (strlen(f->segment) > NAME_MAX_LEN)
		f->e_segment = T("A name is at most 200 characters long.");
	if (manager_id < 0) {
		f->e_manager = T("Choose a manager from the list.");
	} else if (manager_id) {
		enum err e = people_check_manager(r->db, r->a, r->me.org_id, manager_id, &m);
		if (e == E_INVALID)
			f->e_manager = T(m);
		else if (e)
			return e;
	}
	return f->e_name || f->e_territory || f->e_segment || f->e_manager ? E_INVALID : E_OK;
}

void page_admin_team_post(struct request *r)
{
	struct team t;
	if (load_team(r, &t))
		return;
	struct team_form f;
	int64_t manager_id;
	read_form(r, &f, &manager_id);
	enum err e = check_team(r, &f, manager_id);
	if (!e)
		e = team_update(r->db, r->me.org_id, t.id, f.name, manager_id, f.territory, f.segment);
	if (e == E_CONFLICT)
		f.e_name = T("A team with this name exists already.");
	if (e == E_INVALID || e == E_CONFLICT) {
		r->status = e == E_CONFLICT ? 409 : 400;
		render_team(r, &t, &f);
		return;
	}
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such team."));
		return;
	}
	if (e) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_redirect_done(r, "/admin/teams", "team-saved");
}
