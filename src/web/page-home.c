/*
 * page-home: the overview after signing in. For now it shows who you are and
 * where you stand in the organisation: a rep sees their team and manager, a
 * manager the teams they lead, an admin the organisation's size. Later
 * capabilities add their own cards here.
 */
#include "pages.h"
#include "ui.h"
#include "../store/teams.h"
#include "../store/users.h"

static void card_stat(struct request *r, const char *label, long long value, const char *href)
{
	html_printf(&r->out, "<a class=\"stat\" href=\"%s\"><span class=\"stat-value\">%lld</span>"
		    "<span class=\"stat-label\">%s</span></a>", href, value, label);
}

void page_home(struct request *r)
{
	struct team_list teams;
	if (team_list_org(r->db, r->a, r->me.org_id, &teams)) {
		resp_error(r, E_UNAVAILABLE, T("The database is not available. Try again shortly."));
		return;
	}
	ui_page_begin(r, T("Overview"), "home");
	struct strbuf *o = &r->out;
	html_printf(o, "<h1>%s</h1>", arena_printf(r->a, T("Welcome, %s"), r->me.name));
	html_printf(o, "<p class=\"muted\">%s · %s</p>", r->me.org_name, ui_role_label(r, r->me.role));

	if (r->viewer.role == ROLE_ADMIN) {
		int64_t users = DB_I64(r->db, 0, "SELECT count(*) FROM users WHERE org_id = $1 AND active = 1",
				       P_I(r->me.org_id));
		int64_t reps = DB_I64(r->db, 0, "SELECT count(*) FROM users WHERE org_id = $1 AND active = 1 AND role = 'rep'",
				      P_I(r->me.org_id));
		html(o, "<div class=\"stats\">");
		card_stat(r, T("Active users"), (long long)users, "/admin/users");
		card_stat(r, T("Sales reps"), (long long)reps, "/admin/users");
		card_stat(r, T("Teams"), (long long)teams.n, "/admin/teams");
		html(o, "</div>");
	}

	html_printf(o, "<section class=\"card\"><h2>%s</h2>",
		    r->viewer.nled ? T("Teams you lead") : T("Your team"));
	int shown = 0;
	html(o, "<ul class=\"teamlist\">");
	for (size_t i = 0; i < teams.n; i++) {
		struct team *t = &teams.items[i];
		if (!access_leads_team(&r->viewer, t->id) && t->id != r->viewer.team_id)
			continue;
		shown++;
		html_printf(o, "<li><a href=\"/teams#team-%lld\"><strong>%s</strong></a>"
			    "<span class=\"muted\">%s</span>", (long long)t->id, t->name,
			    arena_printf(r->a, trn(r->lang, "%lld member", "%lld members", (long)t->members),
					 (long long)t->members));
		if (*t->territory || *t->segment)
			html_printf(o, "<span class=\"tags\"><span class=\"tag\">%s</span><span class=\"tag\">%s</span></span>",
				    t->territory, t->segment);
		if (*t->manager_name)
			html_printf(o, "<span class=\"muted\">%s: %s</span>", T("Manager"), t->manager_name);
		html(o, "</li>");
	}
	html(o, "</ul>");
	if (!shown)
		html_printf(o, "<p class=\"muted\">%s</p>", T("You are not in a team yet. An admin can add you to one."));
	html(o, "</section>");
	ui_page_end(r);
}
