/*
 * api-accounts: /api/v1/accounts — the customers deals are made with. Every
 * member of the organisation may find an account by name and add one (a rep
 * logging a call must be able to pick or create the customer); renaming is
 * for whoever may see the account's owner, or anyone when it has none. What
 * is private is the work on an account — deals and conversations — and those
 * endpoints check it.
 */
#include "api.h"
#include "../web/load.h"
#include "../store/deals.h"
#include "../domain/validate.h"
#include "../lib/util.h"
#include <limits.h>

void api_accounts_list(struct request *r)
{
	struct api_page pg;
	if (api_paging(r, &pg))
		return;
	const char *q = req_query(r, "q");
	struct account *items;
	size_t n;
	int64_t total = 0, after_id = 0;
	const char *k[2] = { NULL, NULL };
	/* id~name of the last account of the page before (the name last: it
	 * may hold '~') */
	if (pg.cursor && (api_cursor_parts(r, pg.cursor, k, 2) || parse_i64(k[0], &after_id) || after_id <= 0)) {
		api_bad_cursor(r);
		return;
	}
	/* one row more than asked: whether a next page exists */
	enum err e = account_list_after(r->db, r->a, r->me.org_id, q, (int)pg.limit + 1,
					pg.offset > INT_MAX ? INT_MAX : (int)pg.offset, k[1], after_id, &items, &n,
					&total);
	if (e) {
		api_store_error(r, e);
		return;
	}
	const char *next = NULL;
	if (n > pg.limit) {
		n = pg.limit;
		next = api_cursor(r, arena_printf(r->a, "%lld~%s", (long long)items[n - 1].id, items[n - 1].name));
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		if (json_array_append_new(arr, account_json(&items[i]))) {
			json_decref(arr);
			api_reply(r, 500, NULL);
			return;
		}
	api_list_next(r, arr, (size_t)total, &pg, next);
}

/* the account with its contacts */
static void reply_account(struct request *r, int status, const struct account *acc)
{
	struct contact *k;
	size_t n;
	enum err e = contact_list(r->db, r->a, r->me.org_id, acc->id, &k, &n);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *o = account_json(acc);
	json_t *contacts = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(contacts, json_pack("{s:I, s:s, s:s, s:s, s:s}", "id", (json_int_t)k[i].id,
							  "name", k[i].name, "title", k[i].title,
							  "email", k[i].email, "phone", k[i].phone));
	if (o)
		json_object_set_new(o, "contacts", contacts);
	else
		json_decref(contacts);
	if (status == 201)
		resp_header(r, "Location", arena_printf(r->a, "/api/v1/accounts/%lld", (long long)acc->id));
	api_reply(r, status, o);
}

/* 0 with the account, or -1 after answering 404, 403 or a store error
 * (web/load.c decides) */
static int load(struct request *r, int64_t id, enum access_need need, struct account *acc)
{
	struct account *got = account_load_or_reply(r, id, need);
	if (!got)
		return -1;
	*acc = *got;
	return 0;
}

void api_account_get(struct request *r)
{
	struct account acc;
	if (load(r, r->id, NEED_SEE, &acc))
		return;
	reply_account(r, 200, &acc);
}

/* the name, trimmed, or NULL after answering 400 */
static const char *checked_name(struct request *r, const char *name)
{
	char *n = name ? str_trim(arena_strdup(r->a, name)) : NULL;
	const char *m = validate_name(n);
	if (m) {
		api_invalid(r, "name", T(m));
		return NULL;
	}
	return n;
}

void api_accounts_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	const char *name = api_str(r, "name", &bad);
	if (bad || !(name = checked_name(r, name)))
		return;
	int64_t id = 0;
	struct account acc;
	enum err e = account_create(r->db, r->me.org_id, name, r->me.user_id, NULL, &id);
	if (!e)
		e = account_get(r->db, r->a, r->me.org_id, id, &acc);
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_account(r, 201, &acc);
}

void api_account_update(struct request *r)
{
	if (api_body(r))
		return;
	struct account acc;
	if (load(r, r->id, NEED_CHANGE, &acc))
		return;
	int bad = 0;
	if (api_has(r, "name")) {
		const char *name = api_str(r, "name", &bad);
		if (bad || !(name = checked_name(r, name)))
			return;
		enum err e = account_update(r->db, r->me.org_id, acc.id, name);
		if (!e)
			e = account_get(r->db, r->a, r->me.org_id, acc.id, &acc);
		if (e) {
			api_store_error(r, e);
			return;
		}
	}
	reply_account(r, 200, &acc);
}
