/* candidateagenda: see candidateagenda.h. */
#include "candidateagenda.h"
#include "ui.h"
#include "../store/candidate-agenda.h"
#include "../domain/commitment.h"
#include "../lib/ical.h"
#include "../lib/util.h"
#include <string.h>

void candidate_agenda_section(struct request *r, int64_t user_id, const char *until)
{
	struct candidate_step_row *s;
	size_t n;
	if (candidate_agenda(r->db, r->a, r->me.org_id, user_id, until, &s, &n) || !n)
		return;
	const char *today = ui_today(r);
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card agenda-section\" id=\"candidate-steps\"><h2>%s</h2><ul class=\"steps\">",
		    T("Next steps with candidates"));
	for (size_t i = 0; i < n; i++) {
		int late = strcmp(s[i].due, today) < 0;
		html_printf(o, "<li class=\"step%-s\"><strong>%s</strong> — <a href=\"/recruiting/candidates/%lld\">%s</a>"
			    "<br><span class=\"muted small\">%s</span></li>",
			    late ? " overdue" : "", s[i].what, (long long)s[i].candidate_id, s[i].candidate_name,
			    arena_printf(r->a, T("%s, by %s, %s"), late ? T("overdue") : T("due"),
					 ui_date_text(r, s[i].due), s[i].who));
	}
	html(o, "</ul></section>");
}

void candidate_agenda_ical(struct request *r, struct strbuf *o, int64_t org_id, int64_t user_id, const char *stamp,
			   const char *base)
{
	struct candidate_step_row *s;
	size_t n;
	if (candidate_agenda(r->db, r->a, org_id, user_id, NULL, &s, &n))
		return;
	for (size_t i = 0; i < n; i++) {
		if (!date_valid(s[i].due))
			continue;
		char next[11], d0[9], d1[9];
		date_add_days(s[i].due, 1, next);
		snprintf(d0, sizeof(d0), "%.4s%.2s%.2s", s[i].due, s[i].due + 5, s[i].due + 8);
		snprintf(d1, sizeof(d1), "%.4s%.2s%.2s", next, next + 5, next + 8);
		ical_prop(o, "BEGIN", "VEVENT", 0);
		ical_prop(o, "UID", arena_printf(r->a, "candidate-step-%lld@salesgarden", (long long)s[i].id), 0);
		ical_prop(o, "DTSTAMP", stamp, 0);
		ical_prop(o, "DTSTART;VALUE=DATE", d0, 0);
		ical_prop(o, "DTEND;VALUE=DATE", d1, 0);
		ical_prop(o, "SEQUENCE", arena_printf(r->a, "%d", s[i].slips), 0);
		ical_prop(o, "SUMMARY", arena_printf(r->a, "%s — %s", s[i].what, s[i].candidate_name), 1);
		ical_prop(o, "DESCRIPTION", arena_printf(r->a, T("Committed by: %s"), s[i].who), 1);
		ical_prop(o, "URL", arena_printf(r->a, "%s/recruiting/candidates/%lld", base, (long long)s[i].candidate_id), 0);
		ical_prop(o, "TRANSP", "TRANSPARENT", 0);
		ical_prop(o, "END", "VEVENT", 0);
	}
}
