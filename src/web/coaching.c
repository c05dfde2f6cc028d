/*
 * coaching: see coaching.h — the one-on-ones and observations on the home
 * page and the rep page.
 */
#include "coaching.h"
#include "pages.h"
#include "ui.h"
#include "../lib/log.h"
#include <string.h>

void coaching_home_due(struct request *r)
{
	struct strbuf *o = &r->out;
	struct ooo_rep_list l;
	enum err e;
	if (access_leads_any_team(&r->viewer)) {
		if ((e = ooo_reps(r->db, r->a, r->me.org_id, r->me.user_id, 0, &l))) {
			log_error("home: one-on-ones: %s", err_name(e));
			return;
		}
		size_t late = 0;
		for (size_t i = 0; i < l.n; i++) {
			const char *due;
			int overdue;
			ooo_rep_due(r, &l.items[i], &due, &overdue);
			if (!overdue)
				continue;
			if (!late++)
				html_printf(o, "<section class=\"card\" id=\"due-one-on-ones\"><h2>%s</h2><ul class=\"ooo-due\">",
					    T("Overdue one-on-ones"));
			html_printf(o, "<li><a href=\"/one-on-ones?rep=%lld\">%s</a> <span class=\"badge ooo-late\">%s</span> "
				    "<span class=\"muted\">%s</span></li>", (long long)l.items[i].rep_id, l.items[i].rep_name,
				    T("OVERDUE"), arena_printf(r->a, T("due on %s"), ui_date_text(r, due)));
		}
		if (late)
			html_printf(o, "</ul><p><a href=\"/one-on-ones\">%s</a></p></section>", T("All one-on-ones"));
	}
	if (!r->viewer.team_id)
		return;
	if ((e = ooo_reps(r->db, r->a, r->me.org_id, 0, r->me.user_id, &l))) {
		log_error("home: one-on-ones: %s", err_name(e));
		return;
	}
	if (!l.n || !l.items[0].manager_id || l.items[0].manager_id == r->me.user_id)
		return;
	const struct ooo_rep *x = &l.items[0];
	const char *due;
	int overdue;
	ooo_rep_due(r, x, &due, &overdue);
	if (!x->next_id && !*due)
		return;
	html_printf(o, "<section class=\"card\" id=\"my-one-on-one\"><h2>%s</h2>", T("Your next one-on-one"));
	if (x->next_id)
		html_printf(o, "<p>%s</p><p><a class=\"button\" href=\"/one-on-ones/%lld#agenda\">%s</a></p>",
			    arena_printf(r->a, T("On %s. Add your own points to the agenda beforehand."),
					 ui_date_text(r, x->next_on)),
			    (long long)x->next_id, T("Add your points"));
	else
		html_printf(o, "<p>%s</p>", arena_printf(r->a, T("Due on %s; your manager has not scheduled it yet."),
							 ui_date_text(r, due)));
	html(o, "</section>");
}
