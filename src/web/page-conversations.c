/*
 * page-conversations: the customer conversations the viewer may see, newest
 * first (GET /conversations?who=...&from=YYYY-MM-DD&to=YYYY-MM-DD) — a
 * rep's own, a manager's teams', the whole organisation's for an admin
 * (the scope of domain/access.c, applied in SQL by store/conversations.c),
 * narrowed with the who picker (web/who.c checks the rights) and a period,
 * by default the last 30 days. Each row says how the conversation ended:
 * the next step with its date, or the reason for the stop.
 *
 * The page shows fifty at a time, with a count and Previous/Next links that
 * keep the choice (web/export.c ui_pager); the CSV and Excel downloads hold
 * every conversation of the choice, up to EXPORT_LIMIT, so a manager can
 * take a quarter into a spreadsheet.
 */
#include "pages.h"
#include "reasonui.h"
#include "ui.h"
#include "who.h"
#include "export.h"
#include "../store/conversations.h"
#include "../domain/commitment.h"
#include "../lib/fmt.h"
#include "../lib/table.h"
#include "../lib/util.h"
#include <string.h>

#define PAGE_SIZE 50
#define EXPORT_LIMIT 100000

/* how the conversation ended, beyond the outcome: the next step ("Send the
 * quote"; its date has a column of its own) or the reason for the stop
 * ("Competitor: went with X") */
static const char *follow_up(struct request *r, const struct conversation *c)
{
	if (!strcmp(c->outcome, "step"))
		return c->step_what;
	if (!strcmp(c->outcome, "stop") && *c->stop_reason) {
		const char *reason = reasonui_label(r, c->stop_reason);
		return *c->stop_note ? arena_printf(r->a, "%s: %s", reason, c->stop_note) : reason;
	}
	return "";
}

static struct table *conversations_table(struct request *r, const struct conversation_list *l,
					 const struct day_range *p)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "conversations-%s-%s", p->from, p->to), 10);
	table_col(t, 0, T("Date"), CELL_DATE);
	table_col(t, 1, T("Rep"), CELL_TEXT);
	table_col(t, 2, T("Account"), CELL_TEXT);
	table_col(t, 3, T("Deal"), CELL_TEXT);
	table_col(t, 4, T("Kind"), CELL_TEXT);
	table_col(t, 5, T("Minutes"), CELL_INT);
	table_col(t, 6, T("Outcome"), CELL_TEXT);
	table_col(t, 7, T("Next step or stop reason"), CELL_TEXT);
	table_col(t, 8, T("Step due"), CELL_DATE);
	table_col(t, 9, T("Gut feeling"), CELL_INT);
	for (size_t i = 0; i < l->n; i++) {
		const struct conversation *c = &l->items[i];
		size_t row = table_row(t);
		table_date(t, row, 0, c->held_on);
		table_text(t, row, 1, c->rep_name);
		table_text(t, row, 2, c->account_name);
		table_text(t, row, 3, c->deal_title);
		table_text(t, row, 4, T(conv_kind_label(c->kind)));
		table_int(t, row, 5, c->minutes);
		table_text(t, row, 6, T(outcome_label(c->outcome)));
		table_text(t, row, 7, follow_up(r, c));
		if (!strcmp(c->outcome, "step"))
			table_date(t, row, 8, c->step_due);
		if (c->gut_feeling > 0)
			table_int(t, row, 9, c->gut_feeling);
	}
	return t;
}

static void render_form(struct request *r, const struct who *w, const struct who_options *opt,
			const struct day_range *p)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><h1>%s</h1>", T("Conversations"));
	if (w->kind != WHO_NONE)
		html_printf(o, "<p class=\"muted\">%s</p>",
			    w->kind == WHO_TEAM ? arena_printf(r->a, T("Team %s"), w->name) : w->name);
	html_printf(o, "</div><div class=\"actions\"><a class=\"button primary\" href=\"/conversations/new\">%s</a>"
		    "</div></div>", T("Log a conversation"));
	html_printf(o, "<form class=\"card form inline filters\" method=\"get\" action=\"/conversations\" "
		    "role=\"search\" aria-label=\"%s\">", T("Whose conversations and which period"));
	if (opt->n)
		ui_select(r, "who", T("Whose conversations"), opt->values, opt->labels, opt->n, w->value, NULL);
	ui_input(r, "from", T("From"), "date", p->from, p->e_from, " required");
	ui_input(r, "to", T("To"), "date", p->to, p->e_to, " required");
	html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form>",
		    T("Show"));
}

static void render_rows(struct request *r, const struct conversation_list *l, const struct table *t)
{
	struct strbuf *o = &r->out;
	html(o, "<div class=\"table-wrap\"><table class=\"conversations\"><thead><tr>");
	for (size_t c = 0; c < t->ncols; c++)
		html_printf(o, "<th scope=\"col\"%-s>%s</th>", t->cols[c].type == CELL_INT ? " class=\"num\"" : "",
			    t->cols[c].title);
	html(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < l->n; i++) {
		const struct conversation *c = &l->items[i];
		html(o, "<tr><td>");
		ui_date(r, c->held_on);
		html_printf(o, "</td><td>%s</td><td>", c->rep_name);
		if (c->account_id)
			html_printf(o, "<a href=\"/accounts/%lld\">%s</a>", (long long)c->account_id, c->account_name);
		html(o, "</td><td>");
		if (c->deal_id)
			html_printf(o, "<a href=\"/deals/%lld\">%s</a>", (long long)c->deal_id, c->deal_title);
		else
			html_printf(o, "<span class=\"muted\">%s</span>", T("No deal"));
		html_printf(o, "</td><td>%s</td><td class=\"num\">%d</td><td>%s</td><td>%s</td><td>",
			    table_cell(t, i, 4)->text, c->minutes, table_cell(t, i, 6)->text, table_cell(t, i, 7)->text);
		if (table_cell(t, i, 8)->set)
			ui_date(r, c->step_due);
		html(o, "</td><td class=\"num\">");
		if (c->gut_feeling > 0)
			html_printf(o, "%d", c->gut_feeling);
		html(o, "</td></tr>");
	}
	html(o, "</tbody></table></div>");
}

void page_conversations(struct request *r)
{
	struct who w;
	int got = who_from_query(r, &w);
	if (got < 0)
		return;
	if (!got && who_default(r, &w)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct who_options opt;
	if (who_options(r, WHO_OPT_LED, &opt)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct day_range p;
	ui_day_range(r, 30, &p);
	if (p.e_from || p.e_to) {
		r->status = 400;
		ui_page_begin(r, T("Conversations"), "conversations");
		render_form(r, &w, &opt, &p);
		ui_notice(r, "error", T("The conversations cannot be shown for this period. Check the dates marked above."));
		ui_page_end(r);
		return;
	}

	const char *format = export_wanted(r);
	int offset = format ? 0 : pager_offset(r);
	struct activity_filter f = { .scope = access_deal_scope(&r->viewer), .viewer_id = r->me.user_id,
				     .rep_id = w.kind == WHO_REP ? w.id : 0, .from = p.from, .to = p.to,
				     .limit = format ? EXPORT_LIMIT : PAGE_SIZE, .offset = offset };
	struct conversation_list l;
	if (conversations_list(r->db, r->a, r->me.org_id, &f, w.kind == WHO_TEAM ? w.id : 0, &l)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct table *t = conversations_table(r, &l, &p);
	if (format) {
		export_send(r, t);
		return;
	}

	ui_page_begin(r, T("Conversations"), "conversations");
	render_form(r, &w, &opt, &p);
	struct strbuf *o = &r->out;
	html(o, "<section class=\"card\">");
	struct strbuf d1 = STRBUF_INIT, d2 = STRBUF_INIT;
	fmt_date(&d1, r->lang, p.from);
	fmt_date(&d2, r->lang, p.to);
	html_printf(o, "<p class=\"muted\">%s</p>",
		    arena_printf(r->a, trn(r->lang, "%lld conversation from %s to %s", "%lld conversations from %s to %s",
					   (long)l.total), (long long)l.total, d1.buf, d2.buf));
	sb_release(&d1);
	sb_release(&d2);
	if (!l.n) {
		html_printf(o, "<p>%s</p>", offset ? T("No more conversations.") : T("No conversations in this period."));
	} else {
		render_rows(r, &l, t);
		ui_export_links(r);
		ui_export_cut(r, l.total, EXPORT_LIMIT);
	}
	ui_pager(r, offset, PAGE_SIZE, l.n, l.total);
	html(o, "</section>");
	ui_page_end(r);
}
