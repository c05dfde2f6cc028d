/*
 * page-teams: the teams a viewer may see (domain/access.c decides which:
 * an admin all of them, a manager the teams they lead, a rep their own),
 * each as a card with its manager and member list. Names, e-mail addresses
 * and roles are directory data, so a rep sees them for their teammates too;
 * nothing private appears here. The home page links to the cards by their
 * anchor, /teams#team-ID.
 *
 * Levers (issue 10): whoever manages a team (its manager or an admin,
 * access_leaderboard_setting) chooses on its card whether the reps'
 * individual revenue and attainment are on the leaderboards
 * (POST /teams/:id/leaderboard, show=0|1; audited as the team's change).
 * Effort leaderboards stay either way.
 */
#include "pages.h"
#include "ui.h"
#include "../store/teams.h"
#include "../store/users.h"
#include "../store/contests.h"
#include "../lib/util.h"
#include <string.h>

static void member_rows(struct request *r, const struct user_list *users, int64_t team_id)
{
	struct strbuf *o = &r->out;
	for (size_t i = 0; i < users->n; i++) {
		const struct user *u = &users->items[i];
		if (u->team_id != team_id)
			continue;
		html_printf(o, "<tr%-s><td>%s", u->active ? "" : " class=\"inactive\"", u->name);
		if (!u->active)
			html_printf(o, " <span class=\"badge warn\">%s</span>", T("inactive"));
		html_printf(o, "</td><td><a href=\"mailto:%s\">%s</a></td><td>%s</td></tr>",
			    u->email, u->email, ui_role_label(r, u->role));
	}
}

/* the team's leaderboard setting: its state for everyone who sees the
 * card, the switch for whoever manages the team */
static void revenue_setting(struct request *r, const struct team *t, int shows)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"team-lb-setting\" id=\"team-%lld-leaderboard\"><p>%s</p>", (long long)t->id,
		    shows ? T("This team's individual revenue and attainment are shown on the leaderboards.")
			  : T("This team's individual revenue and attainment are hidden: leaderboards show only the team's total. Effort figures are shown either way."));
	if (access_leaderboard_setting(&r->viewer, r->me.org_id, t->id)) {
		html_printf(o, "<form method=\"post\" action=\"/teams/%lld/leaderboard\" class=\"inline\">",
			    (long long)t->id);
		ui_csrf(r);
		html_printf(o, "<input type=\"hidden\" name=\"show\" value=\"%s\"><button class=\"button small\" "
			       "type=\"submit\">%s</button></form>", shows ? "0" : "1",
			    shows ? T("Hide individual revenue") : T("Show individual revenue"));
	}
	html(o, "</div>");
}

static void team_card(struct request *r, const struct team *t, const struct user_list *users, int shows)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"team-%lld\"><div class=\"page-head\"><div><h2>%s</h2>",
		    (long long)t->id, t->name);
	if (*t->territory || *t->segment)
		html_printf(o, "<span class=\"tags\"><span class=\"tag\" title=\"%s\">%s</span>"
			    "<span class=\"tag\" title=\"%s\">%s</span></span>",
			    T("Territory"), t->territory, T("Segment"), t->segment);
	html(o, "</div>");
	if (r->viewer.role == ROLE_ADMIN)
		html_printf(o, "<a class=\"button small\" href=\"/admin/teams/%lld\">%s</a>", (long long)t->id,
			    T("Edit"));
	html(o, "</div>");
	const char *count = arena_printf(r->a, trn(r->lang, "%lld member", "%lld members", (long)t->members),
					 (long long)t->members);
	if (*t->manager_name)
		html_printf(o, "<p>%s: <strong>%s</strong> <span class=\"muted\">· %s</span></p>",
			    T("Manager"), t->manager_name, count);
	else
		html_printf(o, "<p class=\"muted\">%s · %s</p>", T("No manager yet"), count);
	/* levers (issue 10): the team's spotlight of this week and month, and
	 * whether its individual revenue is on the leaderboards */
	kudos_team_spotlight(r, t->id);
	revenue_setting(r, t, shows);
	if (!t->members) {
		html(o, "</section>");
		return;
	}
	html_printf(o, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    T("Name"), T("E-mail address"), T("Role"));
	member_rows(r, users, t->id);
	html(o, "</tbody></table></div></section>");
}

void page_teams(struct request *r)
{
	struct team_list all;
	if (team_list_org(r->db, r->a, r->me.org_id, &all)) {
		resp_store_error(r, E_OK);
		return;
	}
	/* keep only what the viewer may see, in the store's order (by name) */
	struct team *shown = arena_alloc(r->a, (all.n + 1) * sizeof(*shown));
	int64_t *ids = arena_alloc(r->a, (all.n + 1) * sizeof(*ids));
	size_t n = 0;
	for (size_t i = 0; i < all.n; i++) {
		if (!access_team(&r->viewer, r->me.org_id, all.items[i].id))
			continue;
		ids[n] = all.items[i].id;
		shown[n++] = all.items[i];
	}
	struct lb_team *lbt = NULL;	/* the teams' leaderboard setting */
	size_t nlbt = 0;
	if (n && contests_teams(r->db, r->a, r->me.org_id, &lbt, &nlbt)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct user_list users = { NULL, 0 };
	if (n && user_list_teams(r->db, r->a, r->me.org_id, ids, n, 0, &users)) {
		resp_store_error(r, E_OK);
		return;
	}

	ui_page_begin(r, T("Teams"), "teams");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><h1>%s</h1>", T("Teams"));
	if (r->viewer.role == ROLE_ADMIN)
		html_printf(o, "<a class=\"button\" href=\"/admin/teams\">%s</a>", T("Manage teams"));
	html(o, "</div>");
	if (!n) {
		html_printf(o, "<section class=\"card\"><p class=\"muted\">%s</p></section>",
			    r->viewer.role == ROLE_ADMIN ? T("There are no teams yet.")
			    : T("You are not in a team yet. An admin can add you to one."));
	}
	for (size_t i = 0; i < n; i++) {
		int shows = 1;
		for (size_t k = 0; k < nlbt; k++)
			if (lbt[k].id == shown[i].id)
				shows = lbt[k].show_revenue;
		team_card(r, &shown[i], &users, shows);
	}
	ui_page_end(r);
}

void page_team_leaderboard_post(struct request *r)
{
	/* the team (of the caller's organisation) and the rule first: nothing
	 * of the form is read before the caller is known to manage it */
	struct team t;
	enum err e = team_get(r->db, r->a, r->me.org_id, r->id, &t);
	if (e == E_NOTFOUND) {
		r->status = 404;
		ui_error_page(r, e, T("There is no such team."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (!access_leaderboard_setting(&r->viewer, r->me.org_id, t.id)) {
		r->status = 403;
		ui_error_page(r, E_FORBIDDEN, T("A team's leaderboard setting is changed by its manager or an admin."));
		return;
	}
	const char *show = req_form(r, "show");
	if (!show || (strcmp(show, "0") && strcmp(show, "1"))) {
		r->status = 400;
		ui_error_page(r, E_INVALID, T("Choose whether individual revenue is shown."));
		return;
	}
	e = contests_team_revenue_set(r->db, r->me.org_id, t.id, !strcmp(show, "1"));
	if (e == E_NOTFOUND) {
		r->status = 404;
		ui_error_page(r, e, T("There is no such team."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/teams?done=team-leaderboard-saved#team-%lld", (long long)r->id));
}
