/*
 * page-accounts: the customers — a searchable list, one page per account
 * with its contacts and its deals, and the forms to add an account and a
 * contact. Accounts and contacts are the company's shared address book:
 * everyone signed in to the organisation sees all of them, so two reps do
 * not each create "Acme". The deals on an account stay private to whoever
 * may see them (domain/access.c): the account page lists only those, and
 * the count of open deals in the list is the organisation's, without names.
 */
#include "pages.h"
#include "dealui.h"
#include "load.h"
#include "export.h"
#include "../store/settings.h"
#include "../domain/validate.h"
#include "../lib/util.h"
#include <string.h>

#define PAGE_SIZE 50
/* an account of a large customer can have hundreds of deals */
#define ACCOUNT_DEALS 25

struct account_form {
	const char *name, *e_name;
	int64_t existing;	/* the account of the same name, on a conflict */
};

static void render_accounts(struct request *r, const struct account_form *f)
{
	const char *q = req_query(r, "q");
	q = q ? str_trim(arena_strdup(r->a, q)) : "";
	int offset = pager_offset(r);
	struct account *items;
	size_t n;
	int64_t total;
	if (account_list(r->db, r->a, r->me.org_id, q, PAGE_SIZE, offset, &items, &n, &total)) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_page_begin(r, T("Accounts"), "accounts");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><h1>%s</h1><p class=\"muted\">%s</p></div>"
		    "<div class=\"actions\"><a class=\"button\" href=\"#add\">%s</a></div></div>", T("Accounts"),
		    arena_printf(r->a, trn(r->lang, "%lld account", "%lld accounts", (long)total), (long long)total),
		    T("Add an account"));
	html_printf(o, "<form class=\"card form inline filters\" method=\"get\" action=\"/accounts\" role=\"search\" "
		    "aria-label=\"%s\">", T("Search the accounts"));
	ui_input(r, "q", T("Search"), "search", q, NULL, arena_printf(r->a, " placeholder=\"%s\"", T("Name")));
	html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button>", T("Search"));
	if (*q)
		html_printf(o, "<a class=\"button small\" href=\"/accounts\">%s</a>", T("Clear"));
	html(o, "</div></form><section class=\"card\">");
	if (!n) {
		html_printf(o, "<p class=\"muted\">%s</p>", *q ? T("No account matches the search.") : T("No accounts yet."));
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s"
			    "</th><th scope=\"col\" class=\"num\" title=\"%s\">%s</th></tr></thead><tbody>",
			    T("Account"), T("Account owner"), T("All open deals of the organisation on this account"),
			    T("Open deals"));
		for (size_t i = 0; i < n; i++)
			html_printf(o, "<tr><td><a href=\"/accounts/%lld\">%s</a></td><td>%s</td><td class=\"num\">%lld</td>"
				    "</tr>", (long long)items[i].id, items[i].name,
				    *items[i].owner_name ? items[i].owner_name : "–", (long long)items[i].open_deals);
		html(o, "</tbody></table></div>");
	}
	ui_pager(r, offset, PAGE_SIZE, n, total);
	html(o, "</section>");

	html_printf(o, "<section class=\"card\" id=\"add\"><h2>%s</h2>", T("Add an account"));
	if (f->existing)
		html_printf(o, "<div class=\"notice notice-error\" role=\"alert\">%s <a href=\"/accounts/%lld\">%s</a></div>",
			    T("An account with this name exists already."), (long long)f->existing, T("Open it"));
	html(o, "<form method=\"post\" action=\"/accounts#add\" class=\"form inline\">");
	ui_csrf(r);
	ui_input(r, "name", T("Name"), "text", f->name, f->e_name, " required maxlength=\"200\"");
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form><p class=\"muted\">%s</p></section>", T("Add the account"),
		    T("Accounts and their contacts are shared by everyone in the organisation; deals stay with their owners."));
	ui_page_end(r);
}

void page_accounts(struct request *r)
{
	struct account_form f = { .name = "" };
	render_accounts(r, &f);
}

void page_accounts_post(struct request *r)
{
	struct account_form f = { .name = dealui_form_text(r, "name") };
	const char *m = validate_name(f.name);
	if (m) {
		f.e_name = T(m);
		r->status = 400;
		render_accounts(r, &f);
		return;
	}
	int64_t id = 0;
	enum err e = account_by_name(r->db, r->me.org_id, f.name, &id);
	if (!e) {
		f.existing = id;
		f.e_name = T("Choose another name, or open the existing account.");
		r->status = 409;
		render_accounts(r, &f);
		return;
	}
	if (e == E_NOTFOUND)
		e = account_create(r->db, r->me.org_id, f.name, r->me.user_id, NULL, &id);
	if (e) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_redirect_done(r, arena_printf(r->a, "/accounts/%lld", (long long)id), "account-added");
}

/* --- one account --- */

struct contact_form {
	const char *name, *title, *email, *phone;
	const char *e_name, *e_title, *e_email, *e_phone;
};

/* the phone number as a tel: address — digits and a leading plus, without
 * the "(0)" that international numbers carry for domestic callers — or ""
 * when the text is not plainly a phone number (then it is shown unlinked) */
static const char *tel_href(struct request *r, const char *phone)
{
	char *out = arena_alloc(r->a, strlen(phone) + 1), *p = out;
	int digits = 0;
	for (const char *s = phone; *s; s++) {
		if (!strncmp(s, "(0)", 3) && p != out) {
			s += 2;
		} else if (*s >= '0' && *s <= '9') {
			*p++ = *s;
			digits++;
		} else if (*s == '+' && p == out) {
			*p++ = *s;
		} else if (!strchr(" -./()", *s)) {
			return "";
		}
	}
	*p = 0;
	return digits >= 3 ? out : "";
}

static void contacts_card(struct request *r, const struct account *a, const struct contact *cs, size_t n,
			  const struct contact_form *f)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"contacts\"><h2>%s</h2>", T("Contacts"));
	if (!n)
		html_printf(o, "<p class=\"muted\">%s</p>", T("No contacts yet."));
	else
		html(o, "<ul class=\"contacts\">");
	for (size_t i = 0; i < n; i++) {
		const struct contact *c = &cs[i];
		html_printf(o, "<li><strong>%s</strong>", c->name);
		if (*c->title)
			html_printf(o, " <span class=\"muted\">· %s</span>", c->title);
		if (*c->email)
			html_printf(o, "<br><a href=\"mailto:%s\">%s</a>", c->email, c->email);
		if (*c->phone) {
			const char *tel = tel_href(r, c->phone);
			if (*tel)
				html_printf(o, "<br><a href=\"tel:%s\">%s</a>", tel, c->phone);
			else
				html_printf(o, "<br>%s", c->phone);
		}
		html(o, "</li>");
	}
	if (n)
		html(o, "</ul>");
	int failed = f->e_name || f->e_title || f->e_email || f->e_phone;
	html_printf(o, "<details class=\"fold\"%-s><summary class=\"button small\">%s</summary>", failed ? " open" : "",
		    T("Add a contact"));
	if (failed)
		ui_notice(r, "error", T("The contact was not added. Check the fields marked below."));
	html_printf(o, "<form method=\"post\" action=\"/accounts/%lld/contacts#contacts\" class=\"form\">",
		    (long long)a->id);
	ui_csrf(r);
	ui_input(r, "name", T("Name"), "text", f->name, f->e_name, " required maxlength=\"200\" autocomplete=\"off\"");
	ui_input(r, "title", T("Job title"), "text", f->title, f->e_title, " maxlength=\"200\" autocomplete=\"off\"");
	ui_input(r, "email", T("E-mail address"), "email", f->email, f->e_email, " autocomplete=\"off\"");
	ui_input(r, "phone", T("Phone"), "tel", f->phone, f->e_phone, " maxlength=\"50\" autocomplete=\"off\"");
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></details></section>", T("Add the contact"));
}

/* the account's deals, ACCOUNT_DEALS to a page (offset: this page's) */
static void deals_card(struct request *r, const struct account *a, const struct deal_list *deals, int offset)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\"><div class=\"page-head\"><h2>%s</h2>"
		    "<a class=\"button small\" href=\"/deals/new?account=%lld\">%s</a></div>",
		    T("Deals"), (long long)a->id, T("New deal"));
	if (!deals->n) {
		html_printf(o, "<p class=\"muted\">%s</p>",
			    offset ? T("No more deals.")
			    : a->open_deals ? T("No deals you can see on this account.") : T("No deals on this account yet."));
		ui_pager(r, offset, ACCOUNT_DEALS, deals->n, deals->total);
		html(o, "</section>");
		return;
	}
	html_printf(o, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th></tr>"
		    "</thead><tbody>", T("Deal"), T("Owner"), T("Stage"), T("Value"), T("Status"));
	for (size_t i = 0; i < deals->n; i++) {
		const struct deal *d = &deals->items[i];
		html_printf(o, "<tr><td><a href=\"/deals/%lld\">%s</a></td><td>%s</td><td>%s</td><td class=\"num\">",
			    (long long)d->id, d->title, d->owner_name, d->stage_name);
		ui_money(r, d->value_minor, d->currency);
		html(o, "</td><td>");
		dealui_status(r, d, 0);
		html(o, "</td></tr>");
	}
	html(o, "</tbody></table></div>");
	ui_pager(r, offset, ACCOUNT_DEALS, deals->n, deals->total);
	html(o, "</section>");
}

static void render_account(struct request *r, const struct account *a, const struct contact_form *f)
{
	struct contact *cs;
	size_t n;
	struct deal_list deals;
	int offset = pager_offset(r);
	struct deal_filter df = { .scope = access_deal_scope(&r->viewer), .viewer_id = r->me.user_id,
				  .account_id = a->id, .limit = ACCOUNT_DEALS, .offset = offset };
	if (contact_list(r->db, r->a, r->me.org_id, a->id, &cs, &n) ||
	    deal_list(r->db, r->a, r->me.org_id, &df, &deals)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct health_settings hs;
	settings_health(r->db, r->me.org_id, &hs);
	deal_assess(deals.items, deals.n, &hs, ui_today(r));

	ui_page_begin(r, a->name, "accounts");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\"><a href=\"/accounts\">%s</a></p><h1>%s</h1>",
		    T("Accounts"), a->name);
	if (*a->owner_name)
		html_printf(o, "<p class=\"muted\">%s: %s</p>", T("Account owner"), a->owner_name);
	html_printf(o, "</div><div class=\"actions\"><a class=\"button primary\" href=\"/conversations/new?account=%lld\">"
		    "%s</a></div></div>", (long long)a->id, T("Log a conversation"));
	html(o, "<div class=\"grid two\">");
	contacts_card(r, a, cs, n, f);
	deals_card(r, a, &deals, offset);
	html(o, "</div>");
	ui_page_end(r);
}

/* accounts are the organisation's shared address book (domain/access.h):
 * every member sees one and may add a contact to it */
static int load_account(struct request *r, struct account *a)
{
	struct account *got = account_load_or_reply(r, r->id, NEED_SEE);
	if (!got)
		return -1;
	*a = *got;
	return 0;
}

void page_account_detail(struct request *r)
{
	struct account a;
	if (load_account(r, &a))
		return;
	struct contact_form f = { "", "", "", "", NULL, NULL, NULL, NULL };
	render_account(r, &a, &f);
}

void page_account_contacts_post(struct request *r)
{
	struct account a;
	if (load_account(r, &a))
		return;
	struct contact_form f = { 0 };
	f.name = dealui_form_text(r, "name");
	f.title = dealui_form_text(r, "title");
	char *email = dealui_form_text(r, "email");
	email_normalise(email);
	f.email = email;
	f.phone = dealui_form_text(r, "phone");
	const char *m;
	if ((m = validate_name(f.name)))
		f.e_name = T(m);
	if ((m = validate_text(f.title, 200)))
		f.e_title = T(m);
	if (*f.email && (m = validate_email(f.email)))
		f.e_email = T(m);
	if ((m = validate_text(f.phone, 50)))
		f.e_phone = T(m);
	if (f.e_name || f.e_title || f.e_email || f.e_phone) {
		r->status = 400;
		render_account(r, &a, &f);
		return;
	}
	if (contact_create(r->db, r->me.org_id, a.id, f.name, f.title, f.email, f.phone, NULL)) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_redirect_done(r, arena_printf(r->a, "/accounts/%lld", (long long)a.id), "contact-added");
}
