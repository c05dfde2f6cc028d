/*
 * page-library: the library (issue 9, part 3) — books, articles, videos and
 * courses the organisation keeps, each linked to traits; physical copies
 * lent for three weeks, a waiting list, and the takeaway asked on return
 * that becomes a learning activity.
 *
 *   GET  /library                  the catalogue (kind, trait and title
 *        filters; paged; CSV and Excel) and the recommendations per trait
 *   GET  /library/new, POST        a manager or admin adds an item
 *   GET  /library/:id              one item: traits, copies, who has each
 *        lent copy (name, since, due back; overdue flagged), the waiting
 *        list in order, the ratings (never the takeaways' text)
 *   GET  /library/:id/edit, POST   a manager or admin edits it
 *   POST /library/:id/retire       retires it (or brings it back)
 *   POST /library/:id/borrow       lends a free copy to the caller
 *   POST /library/:id/wait|unwait  joins or leaves the waiting list
 *   POST /library/:id/suggest      a manager suggests it to a rep
 *   POST /library/:id/lend         a manager lends a copy to a rep of their team
 *   POST /library/loans/:id/return the takeaway and a rating; the loan ends
 *        and the learning activity is written in one transaction
 *   GET  /library/loans            the managers' overview of open loans,
 *        overdue first (CSV and Excel)
 *
 * and the parts of other pages: the home page's "what is due" (an item to
 * return, a copy waiting for you) and the rep page's "On loan".
 *
 * Rights: access_library_* (domain/access.c) through web/load.c's
 * library_item_load_or_reply, library_loan_load_or_reply and
 * library_suggest_rep_load_or_reply. The rules: domain/library.c.
 */
#include "pages.h"
#include "ui.h"
#include "load.h"
#include "export.h"
#include "../domain/learning.h"
#include "../domain/library.h"
#include "../store/library.h"
#include "../store/traits.h"
#include "../store/users.h"
#include "../lib/table.h"
#include "../lib/util.h"
#include <math.h>
#include <string.h>

#define PAGE_SIZE 50
#define RECOS_PER_TRAIT 3

static const char *kind_label(struct request *r, const char *code)
{
	return T(library_kind_label(code));
}

static const char *traits_text(struct request *r, const struct library_item *it)
{
	struct strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < it->ntraits; i++) {
		if (i)
			sb_adds(&b, ", ");
		sb_adds(&b, it->traits[i].name);
	}
	const char *s = arena_strdup(r->a, b.buf ? b.buf : "");
	sb_release(&b);
	return s;
}

static const char *rating_text(struct request *r, const struct library_item *it)
{
	if (!it->nrated)
		return T("not rated yet");
	return arena_printf(r->a, trn(r->lang, "%s of 5 (%d rating)", "%s of 5 (%d ratings)", it->nrated),
			    ui_decimal_text(r, it->avg_rating, 1), it->nrated);
}

static const char *hours_text(struct request *r, int minutes)
{
	char buf[32];
	learning_hours_text(minutes, buf, sizeof(buf));
	return arena_strdup(r->a, buf);
}

/* "?ok=CODE" after a redirect: the notice it stands for */
static void ok_notice(struct request *r)
{
	const char *ok = req_query(r, "ok");
	if (!ok)
		return;
	static const struct { const char *code, *text; } notices[] = {
		{ "added", N_("The item is in the library.") },
		{ "saved", N_("The item is saved.") },
		{ "borrowed", N_("The copy is yours. Bring it back by the due date.") },
		{ "returned", N_("Returned. Your takeaway is in your learning log.") },
		{ "waiting", N_("You are on the waiting list. The home page tells you when a copy waits for you.") },
		{ "left", N_("You left the waiting list.") },
		{ "suggested", N_("Suggested. The rep sees it on their learning page.") },
		{ "lent", N_("The copy is lent to the rep.") },
		{ "retired", N_("The item is retired: no longer in the catalogue.") },
		{ "restored", N_("The item is back in the catalogue.") },
	};
	for (size_t i = 0; i < sizeof(notices) / sizeof(notices[0]); i++)
		if (!strcmp(ok, notices[i].code))
			ui_notice(r, "ok", T(notices[i].text));
}

static void redirect_ok(struct request *r, int64_t id, const char *code)
{
	resp_redirect(r, arena_printf(r->a, "/library/%lld?ok=%s", (long long)id, code));
}

/* ------------------------------------------------------------ catalogue */

struct lib_query {
	const char *kind, *q;
	int64_t trait;
	int offset;
	int retired;			/* managers: the retired items instead */
	const char *e_kind, *e_trait;
};

static void read_query(struct request *r, struct lib_query *lq)
{
	memset(lq, 0, sizeof(*lq));
	const char *k = req_query(r, "kind");
	if (k && *k) {
		if (library_kind_valid(k))
			lq->kind = k;
		else
			lq->e_kind = T("Choose a kind: book, article, video or course.");
	}
	const char *t = req_query(r, "trait");
	if (t && *t && (parse_i64(t, &lq->trait) || lq->trait <= 0)) {
		lq->trait = 0;
		lq->e_trait = T("Choose one of the traits.");
	}
	const char *q = req_query(r, "q");
	lq->q = q ? str_trim(arena_strdup(r->a, q)) : "";
	if (strlen(lq->q) > LIBRARY_TITLE_MAX)
		lq->q = "";
	lq->offset = pager_offset(r);
	const char *ret = req_query(r, "retired");
	lq->retired = ret && !strcmp(ret, "1") && access_library_manage(&r->viewer, r->me.org_id);
}

static struct table *items_table(struct request *r, const struct library_item *items, size_t n)
{
	struct table *t = table_new(r->a, "library", 9);
	table_col(t, 0, T("Title"), CELL_TEXT);
	table_col(t, 1, T("Kind"), CELL_TEXT);
	table_col(t, 2, T("Author"), CELL_TEXT);
	table_col(t, 3, T("Traits"), CELL_TEXT);
	table_col(t, 4, T("Copies"), CELL_INT);
	table_col(t, 5, T("Free copies now"), CELL_INT);
	table_col(t, 6, T("Average rating (1–5)"), CELL_NUM);
	table_col(t, 7, T("Ratings"), CELL_INT);
	table_col(t, 8, T("Address"), CELL_TEXT);
	for (size_t i = 0; i < n; i++) {
		const struct library_item *it = &items[i];
		size_t row = table_row(t);
		table_text(t, row, 0, it->title);
		table_text(t, row, 1, kind_label(r, it->kind));
		table_text(t, row, 2, it->author);
		table_text(t, row, 3, traits_text(r, it));
		table_int(t, row, 4, it->copies);
		table_int(t, row, 5, library_free_copies(it->copies, it->open_loans));
		if (it->nrated)
			table_num(t, row, 6, it->avg_rating);
		table_int(t, row, 7, it->nrated);
		table_text(t, row, 8, it->url);
	}
	return t;
}

static void filter_form(struct request *r, const struct lib_query *lq, const struct trait_list *traits)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<form class=\"card form inline filters\" method=\"get\" action=\"/library\" role=\"search\" "
		    "aria-label=\"%s\">", T("Filter the library"));
	const char *kv[] = { "", "book", "article", "video", "course" };
	const char *kl[] = { T("All kinds"), T("Book"), T("Article"), T("Video"), T("Course") };
	ui_select(r, "kind", T("Kind"), kv, kl, 5, lq->kind ? lq->kind : "", lq->e_kind);
	const char **tv = arena_allocarray(r->a, traits->n + 1, sizeof(char *));
	const char **tl = arena_allocarray(r->a, traits->n + 1, sizeof(char *));
	tv[0] = "";
	tl[0] = T("All traits");
	for (size_t i = 0; i < traits->n; i++) {
		tv[i + 1] = arena_printf(r->a, "%lld", (long long)traits->items[i].id);
		tl[i + 1] = traits->items[i].name;
	}
	ui_select(r, "trait", T("Trait"), tv, tl, traits->n + 1,
		  lq->trait ? arena_printf(r->a, "%lld", (long long)lq->trait) : "", lq->e_trait);
	ui_input(r, "q", T("Search"), "search", lq->q, NULL, arena_printf(r->a, " placeholder=\"%s\"", T("Title or author")));
	if (lq->retired)
		html(o, "<input type=\"hidden\" name=\"retired\" value=\"1\">");
	html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button>"
		    "<a class=\"button small\" href=\"/library\">%s</a></div></form>", T("Filter"), T("Clear"));
}

static void item_card(struct request *r, const struct library_item *it, const char *today)
{
	(void)today;
	struct strbuf *o = &r->out;
	html_printf(o, "<li class=\"lib-item\"><div class=\"lib-head\"><span class=\"badge\">%s</span> "
		    "<a href=\"/library/%lld\"><strong>%s</strong></a>", kind_label(r, it->kind), (long long)it->id, it->title);
	if (*it->author)
		html_printf(o, " <span class=\"muted\">%s</span>", arena_printf(r->a, T("by %s"), it->author));
	html(o, "</div><div class=\"lib-facts muted\">");
	if (it->ntraits)
		html_printf(o, "<span>%s</span>", traits_text(r, it));
	if (it->copies) {
		int f = library_free_copies(it->copies, it->open_loans);
		html_printf(o, "<span>%s</span>",
			    arena_printf(r->a, trn(r->lang, "%d copy, %d free now", "%d copies, %d free now", it->copies),
					 it->copies, f));
		if (it->waiting)
			html_printf(o, "<span>%s</span>",
				    arena_printf(r->a, trn(r->lang, "%d waiting", "%d waiting", it->waiting), it->waiting));
	} else {
		html_printf(o, "<span>%s</span>", T("a link, nothing to lend"));
	}
	html_printf(o, "<span>%s %s</span></div></li>", T("Rating:"), rating_text(r, it));
}

/* the recommendations of one trait (or every trait), as worked out in
 * domain/library.c */
static void recommendations(struct request *r, const struct trait_list *traits, int64_t trait_id)
{
	struct library_reading *rd;
	struct library_score *sc;
	size_t nrd, nsc;
	if (library_readings(r->db, r->a, r->me.org_id, trait_id, &rd, &nrd) ||
	    library_reader_scores(r->db, r->a, r->me.org_id, trait_id, &sc, &nsc))
		return;	/* a part of the page; the catalogue still answers */
	library_scores_sort(sc, nsc);
	size_t max = traits->n * 50 + 50;
	struct library_reco *rc = arena_allocarray(r->a, max, sizeof(*rc));
	size_t n = library_recommend(rd, nrd, sc, nsc, rc, max);
	if (n > max)
		n = max;
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"recommendations\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("What helped colleagues grow"),
		    T("For each trait: the items read by colleagues whose manager score on that trait rose from their "
		      "last submitted manager assessment before the loan to the first one after they returned it. "
		      "Counted: how many such readers grew, and the average of the ratings (1 to 5) given on return. "
		      "Ordered by readers who grew, then the average rating, then the number of ratings."));
	int any = 0;
	for (size_t t = 0; t < traits->n; t++) {
		const struct trait *trt = &traits->items[t];
		if (trait_id && trt->id != trait_id)
			continue;
		size_t shown = 0;
		for (size_t i = 0; i < n && shown < RECOS_PER_TRAIT; i++) {
			if (rc[i].trait_id != trt->id)
				continue;
			struct library_item it;
			if (library_item_get(r->db, r->a, r->lang, r->me.org_id, rc[i].item_id, &it))
				continue;
			if (!shown)
				html_printf(o, "<h3>%s</h3><ol class=\"lib-recos\">", trt->name);
			shown++;
			const char *grew = arena_printf(r->a, trn(r->lang, "%d reader grew", "%d readers grew", rc[i].grew),
							rc[i].grew);
			const char *rated = rc[i].nrated
				? arena_printf(r->a, trn(r->lang, "average rating %s of 5 (%d rating)",
							 "average rating %s of 5 (%d ratings)", rc[i].nrated),
					       ui_decimal_text(r, rc[i].avg_rating, 1), rc[i].nrated)
				: T("not rated yet");
			html_printf(o, "<li><a href=\"/library/%lld\">%s</a> <span class=\"muted\">%s, %s</span></li>",
				    (long long)it.id, it.title, grew, rated);
		}
		if (shown) {
			html(o, "</ol>");
			any = 1;
		}
	}
	if (!any)
		html_printf(o, "<p class=\"empty muted\">%s</p>",
			    T("No recommendations yet: nobody who returned an item has grown on its trait since."));
	html(o, "</section>");
}

void page_library(struct request *r)
{
	struct lib_query lq;
	read_query(r, &lq);
	struct trait_list traits;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &traits);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct library_filter f = { lq.kind, lq.trait, lq.q, lq.retired };
	struct library_item *items;
	size_t n;
	int64_t total;
	int exporting = export_wanted(r) != NULL;
	e = library_items_list(r->db, r->a, r->lang, r->me.org_id, &f, exporting ? LIBRARY_LIST_MAX : PAGE_SIZE,
			       exporting ? 0 : lq.offset, &items, &n, &total);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (exporting) {
		export_send(r, items_table(r, items, n));
		return;
	}
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Library"), "library");
	html_printf(o, "<div class=\"page-head lib-top\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s</p></div>",
		    T("Learning"), T("Library"),
		    arena_printf(r->a, trn(r->lang, "%lld item", "%lld items", (long)total), (long long)total));
	if (access_library_manage(&r->viewer, r->me.org_id))
		html_printf(o, "<div class=\"actions\"><a class=\"button small\" href=\"%s\">%s</a>"
			    "<a class=\"button\" href=\"/library/loans\">%s</a>"
			    "<a class=\"button primary\" href=\"/library/new\">%s</a></div>",
			    lq.retired ? "/library" : "/library?retired=1", lq.retired ? T("The catalogue") : T("Retired items"),
			    T("Open loans"), T("Add an item"));
	html(o, "</div>");
	ok_notice(r);
	if (lq.retired)
		ui_notice(r, "info", T("The retired items: no longer lent or listed. Open one to bring it back."));
	filter_form(r, &lq, &traits);
	html(o, "<section class=\"card\" id=\"catalogue\">");
	if (!n) {
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("No items match."));
	} else {
		html(o, "<ul class=\"lib-list\">");
		for (size_t i = 0; i < n; i++)
			item_card(r, &items[i], ui_today(r));
		html(o, "</ul>");
		ui_export_links(r);
		ui_export_cut(r, total, LIBRARY_LIST_MAX);
	}
	ui_pager(r, lq.offset, PAGE_SIZE, n, total);
	html(o, "</section>");
	if (!lq.retired)
		recommendations(r, &traits, lq.trait);
	ui_page_end(r);
}

/* ------------------------------------------------------------ the form */

struct item_form {
	struct library_item_input in;
	const int64_t *chosen;
	size_t nchosen;
	struct library_field_error errs[LIBRARY_ERRORS_MAX];
	size_t nerr;
	const char *e_traits;
};

static const char *err_of(const struct item_form *f, const char *field)
{
	for (size_t i = 0; i < f->nerr; i++)
		if (!strcmp(f->errs[i].field, field))
			return f->errs[i].message;
	return NULL;
}

static void textarea(struct request *r, const char *name, const char *label, const char *value, const char *err)
{
	html_printf(&r->out, "<div class=\"field%-s\"><label for=\"f-%s\">%s</label><textarea id=\"f-%s\" name=\"%s\" "
		    "rows=\"3\"%-s>%s</textarea>", err ? " invalid" : "", name, label, name, name,
		    err ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name) : "", value ? value : "");
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, err);
	html(&r->out, "</div>");
}

static void render_item_form(struct request *r, const struct library_item *it, const struct item_form *f,
			     const struct trait_list *traits)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, it ? T("Edit the item") : T("Add an item"), "library");
	html_printf(o, "<div class=\"page-head lib-top\"><div><p class=\"eyebrow\"><a href=\"/library\">%s</a></p><h1>%s</h1></div></div>",
		    T("Library"), it ? it->title : T("Add an item"));
	if (f->nerr || f->e_traits)
		ui_notice(r, "error", T("Nothing was saved. Check the fields marked below."));
	html_printf(o, "<section class=\"card\"><form method=\"post\" action=\"%s\" class=\"form\">",
		    it ? arena_printf(r->a, "/library/%lld/edit", (long long)it->id) : "/library/new");
	ui_csrf(r);
	const char *kv[] = { "book", "article", "video", "course" };
	const char *kl[] = { T("Book"), T("Article"), T("Video"), T("Course") };
	ui_select(r, "kind", T("Kind"), kv, kl, 4, f->in.kind ? f->in.kind : "book", err_of(f, "kind") ? T(err_of(f, "kind")) : NULL);
	ui_input(r, "title", T("Title"), "text", f->in.title, err_of(f, "title") ? T(err_of(f, "title")) : NULL, " required");
	ui_input(r, "author", T("Author"), "text", f->in.author, err_of(f, "author") ? T(err_of(f, "author")) : NULL, NULL);
	ui_input(r, "url", T("Address (for articles, videos and courses)"), "url", f->in.url,
		 err_of(f, "url") ? T(err_of(f, "url")) : NULL, " placeholder=\"https://\"");
	textarea(r, "summary", T("Summary"), f->in.summary, err_of(f, "summary") ? T(err_of(f, "summary")) : NULL);
	ui_input(r, "copies", T("Copies to lend (0: a link)"), "number", f->in.copies,
		 err_of(f, "copies") ? T(err_of(f, "copies")) : NULL, " min=\"0\" max=\"100\" inputmode=\"numeric\"");
	ui_input(r, "hours", T("Reading time (hours)"), "text", f->in.hours, err_of(f, "hours") ? T(err_of(f, "hours")) : NULL,
		 " inputmode=\"decimal\"");
	html_printf(o, "<fieldset class=\"field%-s\" id=\"f-traits\"><legend>%s</legend><div class=\"chips\">",
		    f->e_traits ? " invalid" : "", T("Traits it serves"));
	for (size_t i = 0; i < traits->n; i++) {
		int on = 0;
		for (size_t k = 0; k < f->nchosen; k++)
			on |= f->chosen[k] == traits->items[i].id;
		html_printf(o, "<label class=\"chip\"><input type=\"checkbox\" name=\"trait_%lld\" value=\"1\"%-s><span>%s</span></label>",
			    (long long)traits->items[i].id, on ? " checked" : "", traits->items[i].name);
	}
	html(o, "</div>");
	if (f->e_traits)
		html_printf(o, "<p class=\"field-error\" id=\"e-traits\">%s</p>", f->e_traits);
	html_printf(o, "</fieldset><div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button>"
		    "<a class=\"button\" href=\"%s\">%s</a></div></form></section>", T("Save"),
		    it ? arena_printf(r->a, "/library/%lld", (long long)it->id) : "/library", T("Cancel"));
	ui_page_end(r);
}

static void form_from_item(struct request *r, const struct library_item *it, struct item_form *f)
{
	memset(f, 0, sizeof(*f));
	f->in = (struct library_item_input){ it->kind, it->title, it->author, it->url, it->summary,
					     arena_printf(r->a, "%d", it->copies), it->minutes ? hours_text(r, it->minutes) : "" };
	int64_t *ids = arena_allocarray(r->a, it->ntraits ? it->ntraits : 1, sizeof(int64_t));
	for (size_t i = 0; i < it->ntraits; i++)
		ids[i] = it->traits[i].trait_id;
	f->chosen = ids;
	f->nchosen = it->ntraits;
}

/* the traits ticked: a checkbox trait_<id> per trait of the organisation */
static size_t chosen_traits(struct request *r, const struct trait_list *traits, int64_t **out)
{
	*out = arena_allocarray(r->a, traits->n ? traits->n : 1, sizeof(int64_t));
	size_t n = 0;
	for (size_t i = 0; i < traits->n && n < LIBRARY_TRAITS_MAX; i++) {
		const char *v = req_form(r, arena_printf(r->a, "trait_%lld", (long long)traits->items[i].id));
		if (v && *v)
			(*out)[n++] = traits->items[i].id;
	}
	return n;
}

/* reads and checks the posted form into f; 1 when fine */
static int form_read(struct request *r, const struct trait_list *traits, struct item_form *f, int *copies, int *minutes)
{
	memset(f, 0, sizeof(*f));
	f->in = (struct library_item_input){ req_form(r, "kind"), req_form(r, "title"), req_form(r, "author"),
					     req_form(r, "url"), req_form(r, "summary"), req_form(r, "copies"),
					     req_form(r, "hours") };
	if (f->in.title)
		f->in.title = str_trim(arena_strdup(r->a, f->in.title));
	if (f->in.url)
		f->in.url = str_trim(arena_strdup(r->a, f->in.url));
	f->nerr = library_item_check(&f->in, copies, minutes, f->errs);
	int64_t *ids;
	f->nchosen = chosen_traits(r, traits, &ids);
	f->chosen = ids;
	if (!f->nchosen)
		f->e_traits = T("Choose at least one trait the item serves.");
	return !f->nerr && !f->e_traits;
}

void page_library_new(struct request *r)
{
	if (!access_library_manage(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("Only managers and admins change the library."));
		return;
	}
	struct trait_list traits;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &traits);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct item_form f;
	memset(&f, 0, sizeof(f));
	f.in.kind = "book";
	f.in.copies = "1";
	render_item_form(r, NULL, &f, &traits);
}

void page_library_new_post(struct request *r)
{
	if (!access_library_manage(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("Only managers and admins change the library."));
		return;
	}
	struct trait_list traits;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &traits);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct item_form f;
	int copies, minutes;
	if (!form_read(r, &traits, &f, &copies, &minutes)) {
		r->status = 400;
		render_item_form(r, NULL, &f, &traits);
		return;
	}
	struct library_item_new in = { f.in.kind, f.in.title, f.in.author, f.in.url, f.in.summary, copies, minutes,
				       f.chosen, f.nchosen };
	int64_t id = 0;
	if ((e = library_item_create(r->db, r->me.org_id, &in, r->me.user_id, &id))) {
		resp_store_error(r, e);
		return;
	}
	redirect_ok(r, id, "added");
}

void page_library_edit(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_CHANGE);
	if (!it)
		return;
	struct trait_list traits;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &traits);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct item_form f;
	form_from_item(r, it, &f);
	render_item_form(r, it, &f, &traits);
}

void page_library_edit_post(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_CHANGE);
	if (!it)
		return;
	struct trait_list traits;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &traits);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct item_form f;
	int copies, minutes;
	if (!form_read(r, &traits, &f, &copies, &minutes)) {
		r->status = 400;
		render_item_form(r, it, &f, &traits);
		return;
	}
	struct library_item_new in = { f.in.kind, f.in.title, f.in.author, f.in.url, f.in.summary, copies, minutes,
				       f.chosen, f.nchosen };
	if ((e = library_item_update(r->db, r->me.org_id, it->id, &in))) {
		resp_store_error(r, e);
		return;
	}
	redirect_ok(r, it->id, "saved");
}

void page_library_retire_post(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_CHANGE);
	if (!it)
		return;
	int retire = !it->retired_at;
	enum err e = library_item_retire(r->db, r->me.org_id, it->id, retire);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	redirect_ok(r, it->id, retire ? "retired" : "restored");
}

/* ------------------------------------------------------------ one item */

/* what the item page shows beyond the item: an error of a post */
struct item_state {
	const char *error;		/* a notice at the top */
	int offer_wait;			/* with "join the waiting list" */
	int64_t return_loan;		/* the loan whose return form has errors */
	const char *takeaway, *rating, *e_takeaway, *e_rating;
};

static void return_form(struct request *r, const struct library_loan *l, const struct item_state *st)
{
	struct strbuf *o = &r->out;
	int mine = st && st->return_loan == l->id;
	const char *tk = mine ? st->takeaway : NULL, *rt = mine ? st->rating : NULL;
	const char *etk = mine ? st->e_takeaway : NULL, *ert = mine ? st->e_rating : NULL;
	long long id = (long long)l->id;
	html_printf(o, "<form method=\"post\" action=\"/library/loans/%lld/return\" class=\"form lib-return\" id=\"return-%lld\">",
		    id, id);
	ui_csrf(r);
	const char *label = l->borrower_id == r->me.user_id
		? T("Your takeaway in one line: what will you use?")
		: arena_printf(r->a, T("%s's takeaway in one line"), l->borrower_name);
	html_printf(o, "<div class=\"field%-s\"><label for=\"f-takeaway-%lld\">%s</label><input id=\"f-takeaway-%lld\" "
		    "name=\"takeaway\" type=\"text\" maxlength=\"300\" required value=\"%s\"%-s>",
		    etk ? " invalid" : "", id, label, id, tk ? tk : "",
		    etk ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-takeaway-%lld\"", id) : "");
	if (etk)
		html_printf(o, "<p class=\"field-error\" id=\"e-takeaway-%lld\">%s</p>", id, etk);
	html(o, "</div>");
	static const char *const rv[] = { "", "1", "2", "3", "4", "5" };
	html_printf(o, "<div class=\"field%-s\"><label for=\"f-rating-%lld\">%s</label><select id=\"f-rating-%lld\" name=\"rating\">",
		    ert ? " invalid" : "", id, T("Rating (1 poor – 5 excellent)"), id);
	for (size_t i = 0; i < 6; i++)
		html_printf(o, "<option value=\"%s\"%-s>%s</option>", rv[i], rt && !strcmp(rt, rv[i]) ? " selected" : "",
			    i ? rv[i] : T("No rating"));
	html(o, "</select>");
	if (ert)
		html_printf(o, "<p class=\"field-error\">%s</p>", ert);
	html_printf(o, "</div><div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>",
		    T("Return"));
}

static void render_item(struct request *r, const struct library_item *it, const struct item_state *st)
{
	struct library_loan *loans;
	size_t nl;
	int64_t total;
	struct library_waiter *wl;
	size_t nw;
	struct library_loan_scope scope = { it->id, 0, 1 };
	enum err e = library_loans_list(r->db, r->a, r->me.org_id, &scope, LIBRARY_LOANS_MAX, 0, &loans, &nl, &total);
	if (!e)
		e = library_waitlist(r->db, r->a, r->me.org_id, it->id, &wl, &nw);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	const char *today = ui_today(r);
	struct strbuf *o = &r->out;
	ui_page_begin(r, it->title, "library");
	html_printf(o, "<div class=\"page-head lib-top\"><div><p class=\"eyebrow\"><a href=\"/library\">%s</a> · %s</p><h1>%s</h1>",
		    T("Library"), kind_label(r, it->kind), it->title);
	if (*it->author)
		html_printf(o, "<p class=\"muted\">%s</p>", arena_printf(r->a, T("by %s"), it->author));
	html(o, "</div>");
	int manage = access_library_manage(&r->viewer, r->me.org_id);
	if (manage) {
		html_printf(o, "<div class=\"actions\"><a class=\"button\" href=\"/library/%lld/edit\">%s</a>"
			    "<form method=\"post\" action=\"/library/%lld/retire\">", (long long)it->id, T("Edit"),
			    (long long)it->id);
		ui_csrf(r);
		html_printf(o, "<button class=\"button%-s\" type=\"submit\">%s</button></form></div>",
			    it->retired_at ? "" : " danger", it->retired_at ? T("Bring back") : T("Retire"));
	}
	html(o, "</div>");
	ok_notice(r);
	if (st && st->error)
		ui_notice(r, "error", st->error);
	if (it->retired_at)
		ui_notice(r, "info", T("This item is retired: it is no longer lent or listed."));

	/* the item */
	int f = library_free_copies(it->copies, it->open_loans);
	html_printf(o, "<section class=\"card\" id=\"item\"><dl class=\"lib-facts-list\"><dt>%s</dt><dd>%s</dd>",
		    T("Traits"), it->ntraits ? traits_text(r, it) : "–");
	if (it->copies)
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("Copies"),
			    arena_printf(r->a, trn(r->lang, "%d copy, %d free now", "%d copies, %d free now", it->copies),
					 it->copies, f));
	else
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("Copies"), T("a link, nothing to lend"));
	if (it->minutes)
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("Reading time"),
			    arena_printf(r->a, T("%s hours"), hours_text(r, it->minutes)));
	html_printf(o, "<dt>%s</dt><dd>%s</dd></dl>", T("Rating"), rating_text(r, it));
	if (*it->url)
		html_printf(o, "<p><a class=\"button\" href=\"%s\" rel=\"noopener noreferrer\" target=\"_blank\">%s</a></p>",
			    it->url, T("Open"));
	if (*it->summary)
		html_printf(o, "<p class=\"lib-summary\">%s</p>", it->summary);

	/* the caller's own loan, and what they can do */
	const struct library_loan *mine = NULL;
	for (size_t i = 0; i < nl; i++)
		if (loans[i].borrower_id == r->me.user_id)
			mine = &loans[i];
	int position = 0;
	for (size_t i = 0; i < nw; i++)
		if (wl[i].user_id == r->me.user_id)
			position = (int)i + 1;
	struct library_state ls = { it->copies, it->retired_at != 0, it->open_loans, (int)nw, position, mine != NULL };
	if (mine) {
		int late = library_overdue(mine->due_on, today);
		html_printf(o, "<div class=\"lib-mine%-s\" id=\"my-loan\"><h2>%s</h2><p>%s%-s</p>", late ? " overdue" : "",
			    T("Your copy"), arena_printf(r->a, T("Borrowed on %s, due back on %s."), ui_date_text(r, mine->lent_on),
							 ui_date_text(r, mine->due_on)),
			    late ? arena_printf(r->a, " <span class=\"badge bad\">%s</span>", T("overdue")) : "");
		return_form(r, mine, st);
		html(o, "</div>");
	} else if (it->copies && !it->retired_at && access_library_borrow(&r->viewer, r->me.org_id)) {
		enum library_lend may = library_may_lend(&ls);
		char due[11];
		library_due_on(today, LIBRARY_LOAN_DAYS, due);
		html(o, "<div class=\"actions lib-actions\">");
		if (may == LEND_OK) {
			if (library_copy_held_for(&ls))
				html_printf(o, "<p class=\"notice notice-info\">%s</p>", T("A copy is waiting for you."));
			html_printf(o, "<form method=\"post\" action=\"/library/%lld/borrow\">", (long long)it->id);
			ui_csrf(r);
			html_printf(o, "<button class=\"button primary\" type=\"submit\">%s</button> <span class=\"muted\">%s</span></form>",
				    T("Borrow"), arena_printf(r->a, T("due back on %s"), ui_date_text(r, due)));
		}
		if (position) {
			html_printf(o, "<p>%s</p><form method=\"post\" action=\"/library/%lld/unwait\">",
				    arena_printf(r->a, T("You are number %d on the waiting list."), position), (long long)it->id);
			ui_csrf(r);
			html_printf(o, "<button class=\"button\" type=\"submit\">%s</button></form>", T("Leave the waiting list"));
		} else if (may != LEND_OK) {
			html_printf(o, "<p class=\"muted\">%s</p><form method=\"post\" action=\"/library/%lld/wait\">",
				    may == LEND_HELD ? T("The free copy is held for a colleague on the waiting list.")
						     : T("Every copy is out."), (long long)it->id);
			ui_csrf(r);
			html_printf(o, "<button class=\"button%-s\" type=\"submit\">%s</button></form>",
				    st && st->offer_wait ? " primary" : "", T("Join the waiting list"));
		}
		html(o, "</div>");
	}
	html(o, "</section>");

	/* who has the copies */
	if (it->copies) {
		html_printf(o, "<section class=\"card\" id=\"loans\"><h2>%s</h2>", T("Lent copies"));
		if (!nl)
			html_printf(o, "<p class=\"muted\">%s</p>", T("No copy is lent now."));
		else {
			html(o, "<ul class=\"lib-loans\">");
			for (size_t i = 0; i < nl; i++) {
				const struct library_loan *l = &loans[i];
				int late = library_overdue(l->due_on, today);
				html_printf(o, "<li%-s><strong>%s</strong> <span class=\"muted\">%s</span>%-s", late ? " class=\"overdue\"" : "",
					    l->borrower_name,
					    arena_printf(r->a, T("since %s, due back on %s"), ui_date_text(r, l->lent_on),
							 ui_date_text(r, l->due_on)),
					    late ? arena_printf(r->a, " <span class=\"badge bad\">%s</span>", T("overdue")) : "");
				struct person b = { l->borrower_id, r->me.org_id, l->borrower_team_id };
				if (l->borrower_id != r->me.user_id && access_library_return(&r->viewer, &b)) {
					html_printf(o, "<details%-s><summary>%s</summary>",
						    st && st->return_loan == l->id ? " open" : "", T("Return for them"));
					return_form(r, l, st);
					html(o, "</details>");
				}
				html(o, "</li>");
			}
			html(o, "</ul>");
		}
		html_printf(o, "<h3>%s</h3>", T("Waiting list"));
		if (!nw)
			html_printf(o, "<p class=\"muted\">%s</p>", T("Nobody is waiting."));
		else {
			html(o, "<ol class=\"lib-waitlist\">");
			for (size_t i = 0; i < nw; i++)
				html_printf(o, "<li>%s</li>", wl[i].name);
			html(o, "</ol>");
		}
		html(o, "</section>");
	}

	/* a manager suggests it to a rep of a team they lead */
	if (access_leads_any_team(&r->viewer) && !it->retired_at) {
		struct user_list reps;
		if (!user_list_teams(r->db, r->a, r->me.org_id, r->viewer.led_teams, r->viewer.nled, 0, &reps)) {
			const char **v = arena_allocarray(r->a, reps.n + 1, sizeof(char *));
			const char **lb = arena_allocarray(r->a, reps.n + 1, sizeof(char *));
			size_t k = 0;
			for (size_t i = 0; i < reps.n; i++) {
				struct person p = { reps.items[i].id, r->me.org_id, reps.items[i].team_id };
				if (!reps.items[i].active || !access_library_suggest(&r->viewer, &p))
					continue;
				v[k] = arena_printf(r->a, "%lld", (long long)reps.items[i].id);
				lb[k++] = reps.items[i].name;
			}
			if (k) {
				html_printf(o, "<section class=\"card\" id=\"suggest\"><h2>%s</h2><form method=\"post\" "
					    "action=\"/library/%lld/suggest\" class=\"form inline\">", T("Suggest to…"),
					    (long long)it->id);
				ui_csrf(r);
				ui_select(r, "rep", T("Rep"), v, lb, k, NULL, NULL);
				html_printf(o, "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div>"
					    "</form><p class=\"muted\">%s</p>", T("Suggest"),
					    T("The rep accepts or declines it on their learning page; returning the item completes it."));
				if (it->copies) {
					html_printf(o, "<h3>%s</h3><form method=\"post\" action=\"/library/%lld/lend\" class=\"form inline\">",
						    T("Lend a copy to…"), (long long)it->id);
					ui_csrf(r);
					html_printf(o, "<div class=\"field\"><label for=\"f-lend-rep\">%s</label><select id=\"f-lend-rep\" name=\"rep\">",
						    T("Rep"));
					for (size_t i = 0; i < k; i++)
						html_printf(o, "<option value=\"%s\">%s</option>", v[i], lb[i]);
					html_printf(o, "</select></div><div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button>"
						    "</div></form>", T("Lend"));
				}
				html(o, "</section>");
			}
		}
	}
	ui_page_end(r);
}

void page_library_item(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_SEE);
	if (it)
		render_item(r, it, NULL);
}

void page_library_borrow_post(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_SEE);
	if (!it)
		return;
	if (!access_library_borrow(&r->viewer, it->org_id)) {
		resp_error(r, E_FORBIDDEN, T("You do not have access to the library."));
		return;
	}
	const char *today = ui_today(r);
	char due[11];
	library_due_on(today, LIBRARY_LOAN_DAYS, due);
	enum library_lend why = LEND_OK;
	enum err e = library_lend(r->db, r->me.org_id, it->id, r->me.user_id, today, due, &why, NULL);
	if (e == E_CONFLICT) {
		struct item_state st = { 0 };
		switch (why) {
		case LEND_LINK: st.error = T("This item is a link: open it, there is no copy to lend."); break;
		case LEND_RETIRED: st.error = T("This item is retired and no longer lent."); break;
		case LEND_HAS_COPY: st.error = T("You have a copy of this item already."); break;
		case LEND_HELD:
			st.error = T("The free copy is held for a colleague who is first on the waiting list. Join the "
				     "waiting list to be next.");
			st.offer_wait = 1;
			break;
		default:
			st.error = T("No copy is free: every copy is lent. Join the waiting list and the home page tells you "
				     "when a copy waits for you.");
			st.offer_wait = 1;
		}
		/* the item as it is now */
		struct library_item now;
		if (!library_item_get(r->db, r->a, r->lang, r->me.org_id, it->id, &now))
			it = &now;
		r->status = 409;
		render_item(r, it, &st);
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	redirect_ok(r, it->id, "borrowed");
}

void page_library_wait_post(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_SEE);
	if (!it)
		return;
	if (!it->copies || it->retired_at) {
		resp_error(r, E_INVALID, T("There is no copy of this item to wait for."));
		return;
	}
	enum err e = library_wait_join(r->db, r->me.org_id, it->id, r->me.user_id);
	if (e == E_INVALID) {
		resp_error(r, E_INVALID, T("You have a copy of this item on loan; return it before you wait for another."));
		return;
	}
	if (e && e != E_CONFLICT) {
		resp_store_error(r, e);
		return;
	}
	redirect_ok(r, it->id, "waiting");
}

void page_library_unwait_post(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_SEE);
	if (!it)
		return;
	enum err e = library_wait_leave(r->db, r->me.org_id, it->id, r->me.user_id);
	if (e && e != E_NOTFOUND) {
		resp_store_error(r, e);
		return;
	}
	redirect_ok(r, it->id, "left");
}

void page_library_suggest_post(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_CHANGE);
	if (!it)
		return;
	int64_t rep_id = 0;
	const char *v = req_form(r, "rep");
	if (!v || parse_i64(v, &rep_id) || rep_id <= 0) {
		resp_error(r, E_INVALID, T("rep: choose a rep."));
		return;
	}
	struct user *u = library_suggest_rep_load_or_reply(r, rep_id);
	if (!u)
		return;
	if (it->retired_at) {
		resp_error(r, E_INVALID, T("This item is retired and no longer lent."));
		return;
	}
	enum err e = library_suggest(r->db, r->me.org_id, it, u->id, r->me.user_id, NULL);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	redirect_ok(r, it->id, "suggested");
}

void page_library_lend_post(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_SEE);
	if (!it)
		return;
	int64_t rep_id = 0;
	const char *v = req_form(r, "rep");
	if (!v || parse_i64(v, &rep_id) || rep_id <= 0) {
		resp_error(r, E_INVALID, T("rep: choose a rep."));
		return;
	}
	struct user *u = library_lend_rep_load_or_reply(r, rep_id);
	if (!u)
		return;
	const char *today = ui_today(r);
	char due[11];
	library_due_on(today, LIBRARY_LOAN_DAYS, due);
	enum library_lend why = LEND_OK;
	enum err e = library_lend(r->db, r->me.org_id, it->id, u->id, today, due, &why, NULL);
	if (e == E_CONFLICT) {
		struct item_state st = { 0 };
		st.error = why == LEND_LINK	 ? T("This item is a link: open it, there is no copy to lend.")
			   : why == LEND_RETIRED ? T("This item is retired and no longer lent.")
			   : why == LEND_HAS_COPY ? T("The rep has a copy of this item already.")
			   : why == LEND_HELD	 ? T("The free copy is held for a colleague who is first on the waiting list.")
						 : T("No copy is free: every copy is lent.");
		r->status = 409;
		render_item(r, it, &st);
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	redirect_ok(r, it->id, "lent");
}

void page_library_return_post(struct request *r)
{
	struct library_loan *l = library_loan_load_or_reply(r, r->id, NEED_CLOSE);
	if (!l)
		return;
	struct item_state st = { 0 };
	st.return_loan = l->id;
	st.takeaway = req_form(r, "takeaway");
	st.rating = req_form(r, "rating");
	if (st.takeaway)
		st.takeaway = str_trim(arena_strdup(r->a, st.takeaway));
	int rating = 0;
	const char *m = library_takeaway_check(st.takeaway);
	if (m)
		st.e_takeaway = T(m);
	if ((m = library_rating_check(st.rating, &rating)))
		st.e_rating = T(m);
	if (*l->returned_on) {
		st = (struct item_state){ .error = T("This loan was returned already: nothing was changed.") };
		r->status = 409;
	} else if (st.e_takeaway || st.e_rating) {
		st.error = T("Nothing was saved. Check the fields marked below.");
		r->status = 400;
	} else {
		struct library_return in = { ui_today(r), st.takeaway, rating, r->me.user_id };
		enum err e = library_return_loan(r->db, r->me.org_id, l->id, &in, NULL);
		if (!e) {
			redirect_ok(r, l->item_id, "returned");
			return;
		}
		if (e != E_CONFLICT) {
			resp_store_error(r, e);
			return;
		}
		st = (struct item_state){ .error = T("This loan was returned already: nothing was changed.") };
		r->status = 409;
	}
	struct library_item *it = library_item_load_or_reply(r, l->item_id, NEED_SEE);
	if (it)
		render_item(r, it, &st);
}

/* ------------------------------------------------------------ loans */

static struct table *loans_table(struct request *r, const struct library_loan *loans, size_t n, const char *today)
{
	struct table *t = table_new(r->a, "library-loans", 6);
	table_col(t, 0, T("Item"), CELL_TEXT);
	table_col(t, 1, T("Borrower"), CELL_TEXT);
	table_col(t, 2, T("Lent on"), CELL_DATE);
	table_col(t, 3, T("Due back"), CELL_DATE);
	table_col(t, 4, T("Days overdue"), CELL_INT);
	table_col(t, 5, T("Status"), CELL_TEXT);
	for (size_t i = 0; i < n; i++) {
		const struct library_loan *l = &loans[i];
		size_t row = table_row(t);
		table_text(t, row, 0, l->item_title);
		table_text(t, row, 1, l->borrower_name);
		table_date(t, row, 2, l->lent_on);
		table_date(t, row, 3, l->due_on);
		long late = library_days_overdue(l->due_on, today);
		table_int(t, row, 4, late);
		table_text(t, row, 5, late ? T("overdue") : T("on loan"));
	}
	return t;
}

void page_library_loans(struct request *r)
{
	if (!access_library_loans(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("Only managers and admins see the overview of loans."));
		return;
	}
	struct library_loan *loans;
	size_t n;
	int64_t total;
	struct library_loan_scope scope = { 0, 0, 1 };
	enum err e = library_loans_list(r->db, r->a, r->me.org_id, &scope, LIBRARY_LOANS_MAX, 0, &loans, &n, &total);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	const char *today = ui_today(r);
	struct table *t = loans_table(r, loans, n, today);
	if (export_wanted(r)) {
		export_send(r, t);
		return;
	}
	size_t late = 0;
	for (size_t i = 0; i < n; i++)
		late += library_overdue(loans[i].due_on, today) != 0;
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Open loans"), "library");
	html_printf(o, "<div class=\"page-head lib-top\"><div><p class=\"eyebrow\"><a href=\"/library\">%s</a></p><h1>%s</h1>"
		    "<p class=\"muted\">%s · %s</p></div></div>", T("Library"), T("Open loans"),
		    arena_printf(r->a, trn(r->lang, "%lld copy lent", "%lld copies lent", (long)total), (long long)total),
		    arena_printf(r->a, trn(r->lang, "%zu overdue", "%zu overdue", (long)late), late));
	html_printf(o, "<section class=\"card\" id=\"loans\"><p class=\"muted\">%s</p>",
		    T("Every copy lent now, overdue ones first, then by the day they are due back. A loan is overdue "
		      "once its due date has passed."));
	if (!n)
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("No copy is lent now."));
	else {
		ui_table(r, t, NULL);
		ui_export_links(r);
		ui_export_cut(r, total, LIBRARY_LOANS_MAX);
	}
	html(o, "</section>");
	ui_page_end(r);
}

/* ------------------------------------------------- parts of other pages */

void library_home_section(struct request *r)
{
	struct library_loan *loans;
	size_t n;
	int64_t total;
	struct library_item *held;
	size_t nh;
	struct library_loan_scope scope = { 0, r->me.user_id, 1 };
	if (library_loans_list(r->db, r->a, r->me.org_id, &scope, 50, 0, &loans, &n, &total) ||
	    library_held_for(r->db, r->a, r->me.org_id, r->me.user_id, &held, &nh))
		return;	/* a part of the home page; the page itself still answers */
	const char *today = ui_today(r);
	size_t due = 0;
	for (size_t i = 0; i < n; i++)
		due += library_due_soon(loans[i].due_on, today) != 0;
	if (!due && !nh)
		return;
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"library-due\"><h2>%s</h2><ul class=\"due-list\">",
		    T("What is due: the library"));
	for (size_t i = 0; i < nh; i++)
		html_printf(o, "<li><a href=\"/library/%lld\">%s</a></li>", (long long)held[i].id,
			    arena_printf(r->a, T("A copy of %s is waiting for you."), held[i].title));
	for (size_t i = 0; i < n; i++) {
		if (!library_due_soon(loans[i].due_on, today))
			continue;
		int late = library_overdue(loans[i].due_on, today);
		html_printf(o, "<li%-s><a href=\"/library/%lld#my-loan\">%s</a> · %s%-s</li>", late ? " class=\"overdue\"" : "",
			    (long long)loans[i].item_id, arena_printf(r->a, T("Return %s"), loans[i].item_title),
			    arena_printf(r->a, T("due back on %s"), ui_date_text(r, loans[i].due_on)),
			    late ? arena_printf(r->a, " <span class=\"badge bad\">%s</span>", T("overdue")) : "");
	}
	html(o, "</ul></section>");
}

void library_rep_section(struct request *r, const struct user *u)
{
	struct library_loan *loans;
	size_t n;
	int64_t total;
	struct library_loan_scope scope = { 0, u->id, 1 };
	if (library_loans_list(r->db, r->a, r->me.org_id, &scope, 50, 0, &loans, &n, &total))
		return;
	const char *today = ui_today(r);
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card rep-part\" id=\"library\"><h2>%s</h2>", T("On loan from the library"));
	if (!n)
		html_printf(o, "<p class=\"muted\">%s</p>", T("Nothing on loan."));
	else {
		html(o, "<ul class=\"lib-loans\">");
		for (size_t i = 0; i < n; i++) {
			int late = library_overdue(loans[i].due_on, today);
			html_printf(o, "<li%-s><a href=\"/library/%lld\">%s</a> <span class=\"muted\">%s</span>%-s</li>",
				    late ? " class=\"overdue\"" : "", (long long)loans[i].item_id, loans[i].item_title,
				    arena_printf(r->a, T("since %s, due back on %s"), ui_date_text(r, loans[i].lent_on),
						 ui_date_text(r, loans[i].due_on)),
				    late ? arena_printf(r->a, " <span class=\"badge bad\">%s</span>", T("overdue")) : "");
		}
		html(o, "</ul>");
	}
	html(o, "</section>");
}
