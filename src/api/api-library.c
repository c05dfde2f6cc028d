/*
 * api-library: /api/v1/library — the library's items (copies are a field),
 * lending, the waiting list, loans and returns, under the same rules as the
 * pages (web/load.c's library_item_load_or_reply and
 * library_loan_load_or_reply; domain/access.c's access_library_*): every
 * member reads the catalogue and the loans (the borrower's name and dates;
 * a takeaway and a rating only for the borrower and whoever leads their
 * team, access_private); managers and admins add and change items; a loan
 * is returned by its borrower, the manager who leads their team or an admin.
 *
 *   GET    /api/v1/library?kind=&trait=&q=&retired=1   the catalogue, by title
 *   POST   /api/v1/library          {kind, title, author, url, summary,
 *          copies, minutes, trait_ids: [..]}
 *   GET    /api/v1/library/:id
 *   PATCH  /api/v1/library/:id      any of the above, and retired: true/false
 *   POST   /api/v1/library/:id/borrow   a copy for the caller (201 with the
 *          loan; 409 field "copies" when none is free or it is held)
 *   POST   /api/v1/library/:id/wait     joins the waiting list (DELETE leaves)
 *   GET    /api/v1/library/loans?open=1&item=&borrower=   open ones first,
 *          overdue first
 *   POST   /api/v1/library/loans/:id/return   {takeaway, rating}: the loan
 *          ends and the learning activity is written (409 when returned)
 */
#include "api.h"
#include "../web/load.h"
#include "../domain/library.h"
#include "../store/library.h"
#include "../store/traits.h"
#include "../lib/util.h"
#include <math.h>
#include <string.h>

static json_t *item_json(const struct library_item *it)
{
	json_t *traits = json_array();
	for (size_t i = 0; i < it->ntraits; i++)
		json_array_append_new(traits, json_pack("{s:I, s:o, s:s}", "trait_id", (json_int_t)it->traits[i].trait_id,
							"subskill_id", api_id_or_null(it->traits[i].subskill_id), "name",
							it->traits[i].name));
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:s, s:i, s:i, s:i, s:i, s:i, s:o, s:o, s:b, s:o}", "id",
			 (json_int_t)it->id, "kind", it->kind, "title", it->title, "author", it->author, "url",
			 api_text_or_null(it->url), "summary", it->summary, "copies", it->copies, "free_copies",
			 library_free_copies(it->copies, it->open_loans), "minutes", it->minutes, "waiting", it->waiting,
			 "ratings", it->nrated, "average_rating", api_real_or_null(it->avg_rating), "traits", traits,
			 "retired", it->retired_at != 0, "created_at", api_time(it->created_at));
}

static json_t *loan_json(struct request *r, const struct library_loan *l)
{
	char today[11];
	today_date(today);
	json_t *j = json_pack("{s:I, s:I, s:s, s:s, s:I, s:s, s:s, s:s, s:o, s:b}", "id", (json_int_t)l->id, "item_id",
			      (json_int_t)l->item_id, "item_title", l->item_title, "item_kind", l->item_kind, "borrower_id",
			      (json_int_t)l->borrower_id, "borrower_name", l->borrower_name, "lent_on", l->lent_on, "due_on",
			      l->due_on, "returned_on", api_text_or_null(l->returned_on), "overdue",
			      !*l->returned_on && library_overdue(l->due_on, today));
	/* the reader's reflection and rating: theirs and their manager's only */
	struct person b = { l->borrower_id, r->me.org_id, l->borrower_team_id };
	if (j && *l->returned_on && access_private(&r->viewer, &b)) {
		json_object_set_new(j, "takeaway", json_string(l->takeaway));
		json_object_set_new(j, "rating", l->rating ? json_integer(l->rating) : json_null());
	}
	return j;
}

void api_library_list(struct request *r)
{
	struct api_page pg;
	int64_t trait = 0;
	static const char *const kinds[] = { "book", "article", "video", "course" };
	const char *kind = NULL;
	if (api_paging(r, &pg) || api_query_id(r, "trait", &trait) || api_query_enum(r, "kind", kinds, 4, &kind))
		return;
	if (!access_library_see(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("You do not have access to the library."));
		return;
	}
	const char *q = req_query(r, "q"), *ret = req_query(r, "retired");
	struct library_filter f = { kind, trait, q, ret && !strcmp(ret, "1") };
	struct library_item *items;
	size_t n;
	int64_t total;
	size_t limit = pg.limit > LIBRARY_LIST_MAX ? LIBRARY_LIST_MAX : pg.limit;
	enum err e = library_items_list(r->db, r->a, r->lang, r->me.org_id, &f, (int64_t)limit, (int64_t)pg.offset,
					&items, &n, &total);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, item_json(&items[i]));
	api_list(r, arr, (size_t)total, &pg);
}

void api_library_get(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_SEE);
	if (it)
		api_reply(r, 200, item_json(it));
}

/* the body's fields over base (NULL: a new item); 0, or -1 after answering */
static int read_item(struct request *r, const struct library_item *base, struct library_item_new *out)
{
	int bad = 0;
	const char *kind = api_has(r, "kind") ? api_str(r, "kind", &bad) : base ? base->kind : NULL;
	const char *title = api_has(r, "title") ? api_str(r, "title", &bad) : base ? base->title : NULL;
	const char *author = api_has(r, "author") ? api_str(r, "author", &bad) : base ? base->author : "";
	const char *url = api_has(r, "url") ? api_str(r, "url", &bad) : base ? base->url : "";
	const char *summary = api_has(r, "summary") ? api_str(r, "summary", &bad) : base ? base->summary : "";
	int64_t copies = api_has(r, "copies") ? api_int(r, "copies", &bad) : base ? base->copies : 0;
	int64_t minutes = api_has(r, "minutes") ? api_int(r, "minutes", &bad) : base ? base->minutes : 0;
	if (bad)
		return -1;
	if (minutes < 0 || minutes > 24 * 60) {
		api_invalid(r, "minutes", T("Reading time: hours from 0 to 24, such as 4 or 1.5."));
		return -1;
	}
	struct library_item_input in = { kind, title, author ? author : "", url ? url : "", summary ? summary : "",
					 arena_printf(r->a, "%lld", (long long)copies),
					 arena_printf(r->a, "%lld:%02lld", (long long)(minutes / 60), (long long)(minutes % 60)) };
	struct library_field_error errs[LIBRARY_ERRORS_MAX];
	int c = 0, m = 0;
	if (library_item_check(&in, &c, &m, errs)) {
		api_invalid(r, !strcmp(errs[0].field, "hours") ? "minutes" : errs[0].field, T(errs[0].message));
		return -1;
	}
	*out = (struct library_item_new){ in.kind, in.title, in.author, in.url, in.summary, c, m, NULL, 0 };
	if (api_has(r, "trait_ids")) {
		json_t *arr = json_object_get(r->json, "trait_ids");
		if (!json_is_array(arr) || !json_array_size(arr) || json_array_size(arr) > LIBRARY_TRAITS_MAX) {
			api_invalid(r, "trait_ids", T("Choose at least one trait the item serves."));
			return -1;
		}
		struct trait_list traits;
		enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &traits);
		if (e) {
			api_store_error(r, e);
			return -1;
		}
		int64_t *ids = arena_allocarray(r->a, json_array_size(arr), sizeof(int64_t));
		for (size_t i = 0; i < json_array_size(arr); i++) {
			json_t *v = json_array_get(arr, i);
			if (!json_is_integer(v) || !trait_find(&traits, json_integer_value(v))) {
				api_invalid(r, "trait_ids", T("Choose among the organisation's traits."));
				return -1;
			}
			ids[i] = json_integer_value(v);
		}
		out->traits = ids;
		out->ntraits = json_array_size(arr);
	} else if (base) {
		int64_t *ids = arena_allocarray(r->a, base->ntraits ? base->ntraits : 1, sizeof(int64_t));
		for (size_t i = 0; i < base->ntraits; i++)
			ids[i] = base->traits[i].trait_id;
		out->traits = ids;
		out->ntraits = base->ntraits;
	} else {
		api_invalid(r, "trait_ids", T("Choose at least one trait the item serves."));
		return -1;
	}
	return 0;
}

void api_library_create(struct request *r)
{
	if (!access_library_manage(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("Only managers and admins change the library."));
		return;
	}
	if (api_body(r))
		return;
	struct library_item_new in;
	if (read_item(r, NULL, &in))
		return;
	int64_t id = 0;
	enum err e = library_item_create(r->db, r->me.org_id, &in, r->me.user_id, &id);
	struct library_item it;
	if (!e)
		e = library_item_get(r->db, r->a, r->lang, r->me.org_id, id, &it);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 201, item_json(&it));
}

void api_library_update(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_CHANGE);
	if (!it || api_body(r))
		return;
	struct library_item_new in;
	if (read_item(r, it, &in))
		return;
	json_t *ret = json_object_get(r->json, "retired");
	if (ret && !json_is_boolean(ret)) {
		api_invalid(r, "retired", T("retired: true or false."));
		return;
	}
	enum err e = library_item_update(r->db, r->me.org_id, it->id, &in);
	if (!e && ret)
		e = library_item_retire(r->db, r->me.org_id, it->id, json_is_true(ret));
	struct library_item now;
	if (!e)
		e = library_item_get(r->db, r->a, r->lang, r->me.org_id, it->id, &now);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, item_json(&now));
}

void api_library_borrow(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_SEE);
	if (!it)
		return;
	if (!access_library_borrow(&r->viewer, it->org_id)) {
		resp_error(r, E_FORBIDDEN, T("You do not have access to the library."));
		return;
	}
	char today[11], due[11];
	today_date(today);
	library_due_on(today, LIBRARY_LOAN_DAYS, due);
	enum library_lend why = LEND_OK;
	int64_t loan_id = 0;
	enum err e = library_lend(r->db, r->me.org_id, it->id, r->me.user_id, today, due, &why, &loan_id);
	if (e == E_CONFLICT) {
		const char *m = why == LEND_LINK	   ? T("This item is a link: open it, there is no copy to lend.")
				: why == LEND_RETIRED	   ? T("This item is retired and no longer lent.")
				: why == LEND_HAS_COPY	   ? T("You have a copy of this item already.")
				: why == LEND_HELD	   ? T("The free copy is held for a colleague who is first on the "
							       "waiting list. Join the waiting list to be next.")
							   : T("No copy is free: every copy is lent. Join the waiting list "
							       "and the home page tells you when a copy waits for you.");
		api_conflict(r, "copies", m);
		return;
	}
	struct library_loan l;
	if (!e)
		e = library_loan_get(r->db, r->a, r->me.org_id, loan_id, &l);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 201, loan_json(r, &l));
}

static json_t *waitlist_json(struct request *r, int64_t item_id, enum err *e)
{
	struct library_waiter *wl;
	size_t n;
	*e = library_waitlist(r->db, r->a, r->me.org_id, item_id, &wl, &n);
	if (*e)
		return NULL;
	json_t *arr = json_array();
	int position = 0;
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(arr, json_pack("{s:I, s:s}", "user_id", (json_int_t)wl[i].user_id, "name", wl[i].name));
		if (wl[i].user_id == r->me.user_id)
			position = (int)i + 1;
	}
	return json_pack("{s:I, s:o, s:o}", "item_id", (json_int_t)item_id, "position",
			 position ? json_integer(position) : json_null(), "waiting", arr);
}

void api_library_wait(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_SEE);
	if (!it)
		return;
	if (!it->copies || it->retired_at) {
		api_invalid(r, "copies", T("There is no copy of this item to wait for."));
		return;
	}
	enum err e = library_wait_join(r->db, r->me.org_id, it->id, r->me.user_id);
	if (e == E_CONFLICT) {
		api_conflict(r, "waiting", T("You are on the waiting list already."));
		return;
	}
	if (e == E_INVALID) {
		api_conflict(r, "waiting", T("You have a copy of this item on loan; return it before you wait for another."));
		return;
	}
	json_t *j = e ? NULL : waitlist_json(r, it->id, &e);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 201, j);
}

void api_library_unwait(struct request *r)
{
	struct library_item *it = library_item_load_or_reply(r, r->id, NEED_SEE);
	if (!it)
		return;
	/* leaving a list one is not on leaves it as it was */
	enum err e = library_wait_leave(r->db, r->me.org_id, it->id, r->me.user_id);
	if (e == E_NOTFOUND)
		e = E_OK;
	json_t *j = e ? NULL : waitlist_json(r, it->id, &e);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, j);
}

void api_library_loans(struct request *r)
{
	struct api_page pg;
	int64_t item = 0, borrower = 0;
	if (api_paging(r, &pg) || api_query_id(r, "item", &item) || api_query_id(r, "borrower", &borrower))
		return;
	const char *open = req_query(r, "open");
	if (open && *open && strcmp(open, "0") && strcmp(open, "1")) {
		api_invalid(r, "open", T("open: 1 for open loans only, 0 for all."));
		return;
	}
	if (!access_library_see(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("You do not have access to the library."));
		return;
	}
	if (item && !library_item_load_or_reply(r, item, NEED_SEE))
		return;
	struct library_loan_scope s = { item, borrower, open && !strcmp(open, "1") };
	struct library_loan *loans;
	size_t n;
	int64_t total;
	size_t limit = pg.limit > LIBRARY_LOANS_MAX ? LIBRARY_LOANS_MAX : pg.limit;
	enum err e = library_loans_list(r->db, r->a, r->me.org_id, &s, (int64_t)limit, (int64_t)pg.offset, &loans, &n,
					&total);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, loan_json(r, &loans[i]));
	api_list(r, arr, (size_t)total, &pg);
}

void api_library_return(struct request *r)
{
	struct library_loan *l = library_loan_load_or_reply(r, r->id, NEED_CLOSE);
	if (!l || api_body(r))
		return;
	int bad = 0;
	const char *takeaway = api_str(r, "takeaway", &bad);
	int64_t rating = api_int(r, "rating", &bad);
	if (bad)
		return;
	if (*l->returned_on) {
		api_conflict(r, "returned_on", T("This loan was returned already: nothing was changed."));
		return;
	}
	if (takeaway)
		takeaway = str_trim(arena_strdup(r->a, takeaway));
	const char *m = library_takeaway_check(takeaway);
	if (m) {
		api_invalid(r, "takeaway", T(m));
		return;
	}
	if (rating < 0 || rating > 5) {
		api_invalid(r, "rating", T("A rating is a whole number from 1 to 5."));
		return;
	}
	char today[11];
	today_date(today);
	struct library_return in = { today, takeaway, (int)rating, r->me.user_id };
	int64_t act = 0;
	enum err e = library_return_loan(r->db, r->me.org_id, l->id, &in, &act);
	if (e == E_CONFLICT) {
		api_conflict(r, "returned_on", T("This loan was returned already: nothing was changed."));
		return;
	}
	struct library_loan now;
	if (!e)
		e = library_loan_get(r->db, r->a, r->me.org_id, l->id, &now);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *j = loan_json(r, &now);
	if (j)
		json_object_set_new(j, "learning_activity_id", json_integer(act));
	api_reply(r, 200, j);
}
