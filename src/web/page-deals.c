/*
 * page-deals: every deal the viewer may see as one table — open, won, lost
 * or paused — filtered by status, stage, rep, team and a search, fifty to a
 * page; and the form that adds a deal. A deal belongs to an account; the
 * form offers the existing accounts and a field to name a new one, which is
 * created in the same transaction as the deal, so a failed deal leaves no
 * stray account behind. Amounts are typed as people write them in their
 * language (lib/fmt.c parse_money) and kept in minor units.
 *
 * Who may own a new deal: a rep only themself, a manager the people of the
 * teams they lead (and themself), an admin anyone active — the same rule as
 * seeing deals (domain/access.c), checked again on the way in.
 */
#include "pages.h"
#include "reasonui.h"
#include "dealui.h"
#include "export.h"
#include "../store/settings.h"
#include "../domain/validate.h"
#include "../lib/util.h"
#include <string.h>

#define PAGE_SIZE 50
/* a download holds every deal of the filter, not one page of them */
#define EXPORT_LIMIT 100000

static const char *const status_values[] = { "open", "won", "lost", "paused", "all" };

/* the filters of the table, as read from the query */
struct deals_query {
	const char *status;	/* one of status_values */
	int64_t stage, rep, team;
	const char *q;
	int offset;
};

static const char *id_text(struct request *r, int64_t id)
{
	return id ? arena_printf(r->a, "%lld", (long long)id) : "";
}

static void read_query(struct request *r, struct deals_query *dq)
{
	const char *st = req_query(r, "status");
	dq->status = "open";
	for (size_t i = 0; st && i < sizeof(status_values) / sizeof(status_values[0]); i++)
		if (!strcmp(st, status_values[i]))
			dq->status = status_values[i];
	dq->stage = dealui_query_id(r, "stage");
	dq->rep = dealui_query_id(r, "rep");
	dq->team = dealui_query_id(r, "team");
	const char *q = req_query(r, "q");
	dq->q = q ? str_trim(arena_strdup(r->a, q)) : "";
	dq->offset = pager_offset(r);
}

static void filter_form(struct request *r, const struct deals_query *dq, const struct stage_list *stages,
			const struct user_list *people, const struct team_list *teams)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<form class=\"card form inline filters\" method=\"get\" action=\"/deals\" role=\"search\" "
		    "aria-label=\"%s\">", T("Filter the deals"));
	const char *status_labels[] = { T("Open"), T("Won"), T("Lost"), T("Paused"), T("All") };
	ui_select(r, "status", T("Status"), status_values, status_labels, 5, dq->status, NULL);
	struct dealui_opts opt;
	dealui_stage_options(r, stages, 0, T("All stages"), &opt);
	ui_select(r, "stage", T("Stage"), opt.values, opt.labels, opt.n, id_text(r, dq->stage), NULL);
	if (people->n > 1) {
		dealui_people_options(r, people, T("Everyone"), &opt);
		ui_select(r, "rep", T("Sales rep"), opt.values, opt.labels, opt.n, id_text(r, dq->rep), NULL);
	}
	if (teams->n) {
		dealui_team_options(r, teams, T("All teams"), &opt);
		ui_select(r, "team", T("Team"), opt.values, opt.labels, opt.n, id_text(r, dq->team), NULL);
	}
	ui_input(r, "q", T("Search"), "search", dq->q, NULL,
		 arena_printf(r->a, " placeholder=\"%s\"", T("Deal or account")));
	html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button>"
		    "<a class=\"button small\" href=\"/deals\">%s</a></div></form>", T("Filter"), T("Clear"));
}

static void deals_table(struct request *r, const struct deal_list *deals, const char *today)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"table-wrap\"><table class=\"deals\"><thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead><tbody>",
		    T("Deal"), T("Account"), T("Owner"), T("Stage"), T("Value"), T("Expected close"),
		    T("Status"), T("Next step"));
	for (size_t i = 0; i < deals->n; i++) {
		const struct deal *d = &deals->items[i];
		html_printf(o, "<tr><td><a href=\"/deals/%lld\">%s</a></td><td><a href=\"/accounts/%lld\">%s</a></td>"
			    "<td>%s</td><td>%s</td><td class=\"num\">",
			    (long long)d->id, d->title, (long long)d->account_id, d->account_name, d->owner_name,
			    d->stage_name);
		ui_money(r, d->value_minor, d->currency);
		html(o, "</td><td>");
		if (*d->expected_close)
			ui_date(r, d->expected_close);
		else
			html(o, "–");
		html(o, "</td><td>");
		dealui_status(r, d, 0);
		html(o, "</td><td>");
		if (d->sig.has_open_step) {
			html_printf(o, "%s · <span%-s>", d->next_what,
				    strcmp(d->sig.next_due, today) < 0 ? " class=\"late\"" : "");
			ui_date(r, d->sig.next_due);
			html(o, "</span>");
		} else if (!strcmp(d->status, "open")) {
			html_printf(o, "<span class=\"muted\">%s</span>", dealui_no_step_text(r, d));
		} else {
			html(o, "–");
		}
		html(o, "</td></tr>");
	}
	html(o, "</tbody></table></div>");
}

/* the deals as a download (?format=csv|xlsx) */
static struct table *deals_export_table(struct request *r, const struct deal_list *deals)
{
	struct table *t = table_new(r->a, "deals", 9);
	t->currency = r->me.currency;
	table_col(t, 0, T("Deal"), CELL_TEXT);
	table_col(t, 1, T("Account"), CELL_TEXT);
	table_col(t, 2, T("Owner"), CELL_TEXT);
	table_col(t, 3, T("Stage"), CELL_TEXT);
	table_col(t, 4, T("Value"), CELL_MONEY);
	table_col(t, 5, T("Expected close"), CELL_DATE);
	table_col(t, 6, T("Status"), CELL_TEXT);
	table_col(t, 7, T("Next step"), CELL_TEXT);
	table_col(t, 8, T("Next step due"), CELL_DATE);
	for (size_t i = 0; i < deals->n; i++) {
		const struct deal *d = &deals->items[i];
		size_t row = table_row(t);
		table_text(t, row, 0, d->title);
		table_text(t, row, 1, d->account_name);
		table_text(t, row, 2, d->owner_name);
		table_text(t, row, 3, d->stage_name);
		table_money(t, row, 4, d->value_minor);
		table_date(t, row, 5, d->expected_close);
		table_text(t, row, 6, !strcmp(d->status, "lost") && *d->lost_reason
			   ? arena_printf(r->a, "%s: %s", dealui_status_label(r, d->status), reasonui_label(r, d->lost_reason))
			   : dealui_status_label(r, d->status));
		if (d->sig.has_open_step) {
			table_text(t, row, 7, d->next_what);
			table_date(t, row, 8, d->sig.next_due);
		}
	}
	return t;
}

void page_deals(struct request *r)
{
	struct deals_query dq;
	read_query(r, &dq);
	struct stage_list stages;
	struct user_list people;
	struct team_list teams;
	struct deal_list deals;
	struct deal_filter f = { .owner_id = dq.rep, .team_id = dq.team, .scope = access_deal_scope(&r->viewer),
				 .viewer_id = r->me.user_id, .status = strcmp(dq.status, "all") ? dq.status : NULL,
				 .stage_id = dq.stage, .q = dq.q, .limit = PAGE_SIZE, .offset = dq.offset };
	if (export_wanted(r)) {
		f.limit = EXPORT_LIMIT;
		f.offset = 0;
	}
	if (dealui_stages(r, &stages) || dealui_people(r, 0, &people) || dealui_teams(r, &teams) ||
	    deal_list(r->db, r->a, r->me.org_id, &f, &deals)) {
		resp_store_error(r, E_OK);
		return;
	}
	const char *today = ui_today(r);
	struct health_settings hs;
	settings_health(r->db, r->me.org_id, &hs);
	deal_assess(deals.items, deals.n, &hs, today);
	if (export_wanted(r)) {
		export_send(r, deals_export_table(r, &deals));
		return;
	}

	ui_page_begin(r, T("Deals"), "pipeline");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\"><a href=\"/pipeline\">%s</a></p><h1>%s</h1>"
		    "<p class=\"muted\">%s</p></div><div class=\"actions\"><a class=\"button primary\" href=\"/deals/new\">"
		    "%s</a></div></div>", T("Pipeline"), T("Deals"),
		    arena_printf(r->a, trn(r->lang, "%lld deal", "%lld deals", (long)deals.total), (long long)deals.total),
		    T("New deal"));
	filter_form(r, &dq, &stages, &people, &teams);
	html(o, "<section class=\"card\">");
	if (!deals.n) {
		html_printf(o, "<p class=\"muted\">%s</p>", dq.offset ? T("No more deals.") : T("No deals match the filter."));
	} else {
		deals_table(r, &deals, today);
		ui_export_links(r);
		ui_export_cut(r, deals.total, EXPORT_LIMIT);
	}
	ui_pager(r, dq.offset, PAGE_SIZE, deals.n, deals.total);
	html(o, "</section>");
	ui_page_end(r);
}

/* --- a new deal --- */

struct deal_form {
	const char *title, *account, *new_account, *value, *product, *expected_close, *stage, *owner;
	const char *e_title, *e_account, *e_value, *e_product, *e_expected_close, *e_stage, *e_owner;
	const char *notice;
};

static void render_new(struct request *r, const struct deal_form *f)
{
	struct stage_list stages;
	struct user_list owners;
	struct account *accounts;
	size_t naccounts;
	int64_t total;
	if (dealui_stages(r, &stages) || dealui_people(r, 1, &owners) ||
	    account_list(r->db, r->a, r->me.org_id, NULL, 2000, 0, &accounts, &naccounts, &total)) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_page_begin(r, T("New deal"), "pipeline");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\"><a href=\"/pipeline\">%s</a></p><h1>%s</h1>"
		    "</div></div><section class=\"card narrow-form\">", T("Pipeline"), T("New deal"));
	if (f->notice)
		ui_notice(r, "error", f->notice);
	html(o, "<form method=\"post\" action=\"/deals\" class=\"form\">");
	ui_csrf(r);
	ui_input(r, "title", T("Title"), "text", f->title, f->e_title, " required maxlength=\"200\"");

	struct dealui_opts opt = { arena_alloc(r->a, (naccounts + 1) * sizeof(char *)),
				   arena_alloc(r->a, (naccounts + 1) * sizeof(char *)), 0 };
	opt.values[0] = "";
	opt.labels[0] = T("— choose —");
	for (size_t i = 0; i < naccounts; i++) {
		opt.values[i + 1] = id_text(r, accounts[i].id);
		opt.labels[i + 1] = accounts[i].name;
	}
	opt.n = naccounts + 1;
	html_printf(o, "<fieldset class=\"account-choice\"><legend>%s</legend>", T("Account"));
	ui_select(r, "account", T("Existing account"), opt.values, opt.labels, opt.n, f->account, f->e_account);
	ui_input(r, "new_account", T("or a new account"), "text", f->new_account, NULL,
		 arena_printf(r->a, " maxlength=\"200\" placeholder=\"%s\"", T("Name of the new account")));
	html(o, "</fieldset>");

	ui_input(r, "value", arena_printf(r->a, T("Value (%s)"), r->me.currency), "text", f->value, f->e_value,
		 arena_printf(r->a, " inputmode=\"decimal\" autocomplete=\"off\" placeholder=\"%s\"",
			      r->lang == LANG_EN ? "12,500" : r->lang == LANG_NL ? "12.500" : "12 500"));
	ui_input(r, "product", T("Product"), "text", f->product, f->e_product, " maxlength=\"200\"");
	ui_input(r, "expected_close", T("Expected close"), "date", f->expected_close, f->e_expected_close, NULL);
	dealui_stage_options(r, &stages, 1, NULL, &opt);
	ui_select(r, "stage", T("Stage"), opt.values, opt.labels, opt.n, f->stage, f->e_stage);
	dealui_people_options(r, &owners, NULL, &opt);
	if (opt.n > 1)
		ui_select(r, "owner", T("Owner"), opt.values, opt.labels, opt.n, f->owner, f->e_owner);
	else
		html_printf(o, "<input type=\"hidden\" name=\"owner\" value=\"%s\">", id_text(r, r->me.user_id));
	if (opt.n <= 1 && f->e_owner)
		html_printf(o, "<p class=\"field-error\">%s</p>", f->e_owner);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button>"
		    "<a class=\"button\" href=\"/pipeline\">%s</a></div></form></section>", T("Add the deal"), T("Cancel"));
	ui_page_end(r);
}

void page_deal_new(struct request *r)
{
	struct deal_form f = { .title = "", .new_account = "", .value = "", .product = "", .expected_close = "" };
	int64_t account = dealui_query_id(r, "account");
	f.account = account ? id_text(r, account) : "";
	f.owner = id_text(r, r->me.user_id);
	int64_t stage = dealui_query_id(r, "stage");
	f.stage = stage ? id_text(r, stage) : "";
	render_new(r, &f);
}

/* checks the posted fields; E_INVALID with messages in f. On success in is
 * filled (account_id stays 0 when a new account is named: *new_name). */
static enum err check_new(struct request *r, struct deal_form *f, struct deal_input *in, const char **new_name)
{
	const char *m;
	if ((m = validate_name(f->title)))
		f->e_title = T(m);
	in->title = f->title;

	*new_name = NULL;
	if (*f->new_account) {
		if ((m = validate_name(f->new_account)))
			f->e_account = T(m);
		else
			*new_name = f->new_account;
	} else if (!*f->account) {
		f->e_account = T("Choose an account, or type the name of a new one.");
	} else {
		int64_t id = 0;
		struct account a;
		enum err e = parse_i64(f->account, &id) ? E_NOTFOUND
			     : account_get(r->db, r->a, r->me.org_id, id, &a);
		if (e == E_NOTFOUND)
			f->e_account = T("There is no such account.");
		else if (e)
			return e;
		in->account_id = id;
	}

	dealui_check_value(r, f->value, &in->value_minor, &f->e_value);
	if ((m = validate_text(f->product, 200)))
		f->e_product = T(m);
	in->product = f->product;
	dealui_check_date(r, f->expected_close, &f->e_expected_close);
	in->expected_close = *f->expected_close ? f->expected_close : NULL;
	enum err e = dealui_check_stage(r, f->stage, &in->stage_id, &f->e_stage);
	if (!e)
		e = dealui_check_owner(r, f->owner, &in->owner_id, &f->e_owner);
	if (e)
		return e;
	return f->e_title || f->e_account || f->e_value || f->e_product || f->e_expected_close || f->e_stage ||
	       f->e_owner ? E_INVALID : E_OK;
}

void page_deals_post(struct request *r)
{
	struct deal_form f = { 0 };
	f.title = dealui_form_text(r, "title");
	f.account = dealui_form_text(r, "account");
	f.new_account = dealui_form_text(r, "new_account");
	f.value = dealui_form_text(r, "value");
	f.product = dealui_form_text(r, "product");
	f.expected_close = dealui_form_text(r, "expected_close");
	f.stage = dealui_form_text(r, "stage");
	f.owner = dealui_form_text(r, "owner");
	struct deal_input in = { .currency = r->me.currency };
	const char *new_name;
	enum err e = check_new(r, &f, &in, &new_name);
	if (e == E_INVALID) {
		f.notice = T("The deal was not added. Check the fields marked below.");
		r->status = 400;
		render_new(r, &f);
		return;
	}
	/* a new account and its first deal are stored together or not at all */
	int64_t id = 0;
	if (!e)
		e = db_begin(r->db);
	if (!e) {
		if (new_name) {
			/* the same name twice is nearly always the same company */
			e = account_by_name(r->db, r->me.org_id, new_name, &in.account_id);
			if (e == E_NOTFOUND)
				e = account_create(r->db, r->me.org_id, new_name, r->me.user_id, NULL, &in.account_id);
		}
		if (!e)
			e = deal_create(r->db, r->me.org_id, &in, ui_today(r), &id);
		if (e)
			db_rollback(r->db);
		else
			e = db_commit(r->db);
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	ui_redirect_done(r, arena_printf(r->a, "/deals/%lld", (long long)id), "deal-added");
}
