/*
 * api-deals: /api/v1/deals — the deals a caller may see (access_deal_scope:
 * a rep their own, a manager those of the reps in the teams they lead and
 * their own, an admin all), filtered and paged in SQL; one deal with its
 * health; creating a deal (with a new account when only its name is given);
 * and changing one, where only the members sent change and a new status
 * closes (won, lost with its reason, paused) or reopens the deal.
 * Amounts travel both as value_minor (cents, exact) and value (units).
 */
#include "api.h"
#include "../store/reasons.h"
#include "../web/load.h"
#include "../store/deals.h"
#include "../store/stages.h"
#include "../store/settings.h"
#include "../domain/validate.h"
#include "../lib/util.h"
#include <limits.h>
#include <math.h>
#include <string.h>

static const char *const statuses[] = { "open", "won", "lost", "paused" };
#define NSTATUSES (sizeof(statuses) / sizeof(statuses[0]))
/* amounts are kept in minor units; a trillion units is beyond any deal */
#define VALUE_MINOR_MAX INT64_C(100000000000000)

static void assess(struct request *r, struct deal *d, size_t n)
{
	struct health_settings hs;
	char today[11];
	settings_health(r->db, r->me.org_id, &hs);
	today_date(today);
	deal_assess(d, n, &hs, today);
}

void api_deals_list(struct request *r)
{
	struct api_page pg;
	if (api_paging(r, &pg))
		return;
	struct deal_filter f = { 0 };
	if (api_query_id(r, "owner", &f.owner_id) || api_query_id(r, "team", &f.team_id) ||
	    api_query_id(r, "stage", &f.stage_id) || api_query_id(r, "account", &f.account_id) ||
	    api_query_enum(r, "status", statuses, NSTATUSES, &f.status))
		return;
	f.q = req_query(r, "q");
	f.scope = access_deal_scope(&r->viewer);
	f.viewer_id = r->me.user_id;
	if (pg.cursor) {
		/* position~close~id of the last deal of the page before; close
		 * is the expected close date, or 9999 for none (the order's own
		 * stand-in) */
		const char *k[3];
		if (api_cursor_parts(r, pg.cursor, k, 3) || parse_i64(k[0], &f.after_position) ||
		    (strcmp(k[1], "9999") && !date_valid(k[1])) ||
		    parse_i64(k[2], &f.after_id) || f.after_id <= 0) {
			api_bad_cursor(r);
			return;
		}
		f.after_close = k[1];
	}
	/* one row more than asked: whether a next page exists */
	f.limit = (int)pg.limit + 1;
	f.offset = pg.offset > INT_MAX ? INT_MAX : (int)pg.offset;
	struct deal_list dl;
	enum err e = deal_list(r->db, r->a, r->me.org_id, &f, &dl);
	if (e) {
		api_store_error(r, e);
		return;
	}
	const char *next = NULL;
	if (dl.n > pg.limit) {
		dl.n = pg.limit;
		const struct deal *last = &dl.items[dl.n - 1];
		next = api_cursor(r, arena_printf(r->a, "%lld~%s~%lld", (long long)last->stage_position,
						  *last->expected_close ? last->expected_close : "9999",
						  (long long)last->id));
	}
	assess(r, dl.items, dl.n);
	json_t *items = json_array();
	for (size_t i = 0; i < dl.n; i++)
		if (json_array_append_new(items, deal_json(&dl.items[i]))) {
			json_decref(items);
			api_reply(r, 500, NULL);
			return;
		}
	api_list_next(r, items, (size_t)dl.total, &pg, next);
}

/* 0 with the deal and its health, or -1 after answering 404 (not in the
 * organisation), 403 (a colleague's deal the caller may not see) or 503:
 * web/load.c decides */
static int load(struct request *r, int64_t id, enum access_need need, struct deal *d)
{
	struct deal *got = deal_load_or_reply(r, id, need);
	if (!got)
		return -1;
	*d = *got;
	assess(r, d, 1);
	return 0;
}

void api_deal_get(struct request *r)
{
	struct deal d;
	if (load(r, r->id, NEED_SEE, &d))
		return;
	api_reply(r, 200, deal_json(&d));
}

static void reply_deal(struct request *r, int status, int64_t id)
{
	struct deal d;
	if (load(r, id, NEED_SEE, &d))
		return;
	if (status == 201)
		resp_header(r, "Location", arena_printf(r->a, "/api/v1/deals/%lld", (long long)id));
	api_reply(r, status, deal_json(&d));
}

/* a member, null counting as absent */
static json_t *member(struct request *r, const char *field)
{
	json_t *v = r->json ? json_object_get(r->json, field) : NULL;
	return v && !json_is_null(v) ? v : NULL;
}

/* the amount from "value_minor" (a whole number of cents) or "value" (units,
 * decimals allowed); *given says whether either was sent. 0, or -1 after
 * answering 400. */
static int read_value(struct request *r, int64_t *minor, int *given)
{
	json_t *vm = member(r, "value_minor"), *v = member(r, "value");
	*given = vm || v;
	if (vm && v) {
		api_invalid(r, "value", T("Give value or value_minor, not both."));
		return -1;
	}
	if (vm) {
		if (!json_is_integer(vm) || json_integer_value(vm) < 0 || json_integer_value(vm) > VALUE_MINOR_MAX) {
			api_invalid(r, "value_minor", T("The value_minor is the amount in cents: a whole number of 0 or more."));
			return -1;
		}
		*minor = (int64_t)json_integer_value(vm);
	} else if (v) {
		double x = json_is_number(v) ? json_number_value(v) * 100.0 : -1;
		if (!(x >= 0) || x > (double)VALUE_MINOR_MAX) {
			api_invalid(r, "value", T("The value is an amount of 0 or more, such as 12500 or 99.95."));
			return -1;
		}
		*minor = (int64_t)llround(x);
	}
	return 0;
}

/* trimmed copy of a text, or NULL */
static const char *trimmed(struct request *r, const char *s)
{
	return s ? str_trim(arena_strdup(r->a, s)) : NULL;
}

/* 0 when the stage is an open stage of the organisation, else -1 after answering 400 */
static int check_open_stage(struct request *r, int64_t stage_id)
{
	struct stage s;
	enum err e = stage_get(r->db, r->a, r->me.org_id, stage_id, &s);
	if (e && e != E_NOTFOUND) {
		api_store_error(r, e);
		return -1;
	}
	if (e || strcmp(s.kind, "open")) {
		api_invalid(r, "stage_id", T("Choose an open stage of the pipeline; close a deal as won or lost with "
					     "its status."));
		return -1;
	}
	return 0;
}

/* 0 when the caller may hand deals to this user (access_deal_assign: an
 * active colleague whose deals the caller sees, as the form's rule), else
 * -1 after answering */
static int check_owner(struct request *r, int64_t owner_id)
{
	struct user u;
	enum err e = user_get(r->db, r->a, r->me.org_id, owner_id, &u);
	if (e == E_NOTFOUND) {
		api_invalid(r, "owner_id", T("There is no such user."));
		return -1;
	}
	int may = e ? -1 : load_may_assign(r, owner_id, &e);
	if (may < 0) {
		load_store_error(r, e);
		return -1;
	}
	if (!may) {
		resp_error(r, E_FORBIDDEN, T("You cannot give a deal to this person."));
		return -1;
	}
	return 0;
}

/* the editable texts of a deal; 0, or -1 after answering 400 */
static int check_texts(struct request *r, const struct deal_input *in)
{
	const char *m;
	if ((m = validate_name(in->title))) {
		api_invalid(r, "title", T(m));
		return -1;
	}
	if ((m = validate_text(in->product, NAME_MAX_LEN))) {
		api_invalid(r, "product", T(m));
		return -1;
	}
	if ((m = validate_currency(in->currency))) {
		api_invalid(r, "currency", T(m));
		return -1;
	}
	return 0;
}

void api_deals_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	struct deal_input in = { 0 };
	in.title = trimmed(r, api_str(r, "title", &bad));
	in.account_id = api_int(r, "account_id", &bad);
	const char *account_name = trimmed(r, api_str(r, "account_name", &bad));
	in.currency = api_str(r, "currency", &bad);
	in.owner_id = api_int(r, "owner_id", &bad);
	in.stage_id = api_int(r, "stage_id", &bad);
	in.product = trimmed(r, api_str(r, "product", &bad));
	in.expected_close = api_date(r, "expected_close", &bad);
	int given;
	if (bad || read_value(r, &in.value_minor, &given))
		return;
	if (!in.currency)
		in.currency = r->me.currency;
	if (check_texts(r, &in))
		return;

	const char *m;
	if (in.account_id && account_name) {
		api_invalid(r, "account_name", T("Give account_id or account_name, not both."));
		return;
	}
	if (!in.account_id && !account_name) {
		api_invalid(r, "account_id", T("Choose the account, or give account_name to create one."));
		return;
	}
	if (account_name && (m = validate_name(account_name))) {
		api_invalid(r, "account_name", T(m));
		return;
	}
	if (in.account_id) {
		struct account acc;
		enum err e = account_get(r->db, r->a, r->me.org_id, in.account_id, &acc);
		if (e == E_NOTFOUND) {
			api_invalid(r, "account_id", T("There is no such account."));
			return;
		}
		if (e) {
			api_store_error(r, e);
			return;
		}
	}
	if (!in.owner_id)
		in.owner_id = r->me.user_id;
	else if (check_owner(r, in.owner_id))
		return;
	enum err e = api_stages_ensure(r);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (in.stage_id) {
		if (check_open_stage(r, in.stage_id))
			return;
	} else {
		int64_t won, lost;
		stage_special(r->db, r->me.org_id, &in.stage_id, &won, &lost);
		if (!in.stage_id) {
			api_invalid(r, "stage_id", T("The pipeline has no open stage. An admin can add one."));
			return;
		}
	}

	char today[11];
	today_date(today);
	int64_t id = 0;
	/* a new account and its first deal arrive together or not at all */
	e = db_begin(r->db);
	if (!e && account_name)
		e = account_create(r->db, r->me.org_id, account_name, in.owner_id, NULL, &in.account_id);
	if (!e)
		e = deal_create(r->db, r->me.org_id, &in, today, &id);
	if (!e)
		e = db_commit(r->db);
	if (e) {
		db_rollback(r->db);
		api_store_error(r, e);
		return;
	}
	reply_deal(r, 201, id);
}

void api_deal_update(struct request *r)
{
	if (api_body(r))
		return;
	struct deal d;
	if (load(r, r->id, NEED_CHANGE, &d))
		return;
	struct deal_input in = {
		.title = d.title, .account_id = d.account_id, .value_minor = d.value_minor, .currency = d.currency,
		.owner_id = d.owner_id, .stage_id = d.stage_id, .product = d.product,
		.expected_close = *d.expected_close ? d.expected_close : NULL,
	};
	static const char *const fields[] = { "title", "value", "value_minor", "currency", "product",
					      "expected_close", "stage_id", "owner_id" };
	int changes = 0;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		changes |= api_has(r, fields[i]);

	int bad = 0, given;
	if (api_has(r, "title"))
		in.title = trimmed(r, api_str(r, "title", &bad));
	if (api_has(r, "currency"))
		in.currency = api_str(r, "currency", &bad);
	if (api_has(r, "product")) {
		in.product = trimmed(r, api_str(r, "product", &bad));
		if (!in.product)
			in.product = "";
	}
	/* null takes the expected close date away */
	if (api_has(r, "expected_close"))
		in.expected_close = api_date(r, "expected_close", &bad);
	int64_t stage_id = api_has(r, "stage_id") ? api_int(r, "stage_id", &bad) : 0;
	int64_t owner_id = api_has(r, "owner_id") ? api_int(r, "owner_id", &bad) : 0;
	const char *status = api_str(r, "status", &bad);
	const char *lost_reason = api_str(r, "lost_reason", &bad);
	const char *lost_note = api_str(r, "lost_note", &bad);
	if (bad || read_value(r, &in.value_minor, &given) || check_texts(r, &in))
		return;
	const char *m;
	if (lost_note && (m = validate_notes(lost_note, DEAL_NOTE_MAX))) {
		api_invalid(r, "lost_note", T(m));
		return;
	}

	if (status) {
		int known = 0;
		for (size_t i = 0; i < NSTATUSES; i++)
			known |= !strcmp(status, statuses[i]);
		if (!known) {
			api_invalid(r, "status", T("The status is open, won, lost or paused."));
			return;
		}
	}
	const char *target = status ? status : d.status;
	int lost = !strcmp(target, "lost");
	if (lost && !lost_reason && strcmp(d.status, "lost"))
		lost_reason = "";	/* closing as lost needs a reason */
	/* one of the organisation's reasons that is still offered (GET /api/v1/reasons) */
	int usable = lost_reason ? reason_usable(r->db, r->me.org_id, lost_reason) : 1;
	if (usable < 0) {
		api_store_error(r, E_OK);
		return;
	}
	if (!usable) {
		api_invalid(r, "lost_reason", T("Choose why the deal was lost: the code of one of the organisation's "
						"reasons (GET /api/v1/reasons)."));
		return;
	}
	if ((lost_reason || lost_note) && !lost) {
		api_invalid(r, lost_reason ? "lost_reason" : "lost_note", T("Only a lost deal has a lost reason."));
		return;
	}
	if (stage_id) {
		if (!strcmp(target, "won") || !strcmp(target, "lost")) {
			api_invalid(r, "stage_id", T("A won or lost deal stays in its stage. Reopen it to move it."));
			return;
		}
		if (check_open_stage(r, stage_id))
			return;
		in.stage_id = stage_id;
	} else if (api_has(r, "stage_id")) {
		api_invalid(r, "stage_id", T("Choose an open stage of the pipeline; close a deal as won or lost with "
					     "its status."));
		return;
	}
	if (owner_id && owner_id != d.owner_id) {
		if (check_owner(r, owner_id))
			return;
		in.owner_id = owner_id;
	} else if (api_has(r, "owner_id") && !owner_id) {
		api_invalid(r, "owner_id", T("Every deal has an owner."));
		return;
	}

	char today[11];
	today_date(today);
	enum err e = db_begin(r->db);
	int closed = !strcmp(d.status, "won") || !strcmp(d.status, "lost");
	/* a closed deal passes through open on its way to another status, so
	 * that it leaves the won or lost stage */
	if (!e && status && strcmp(status, d.status) && (!strcmp(status, "open") || closed))
		e = deal_reopen(r->db, r->me.org_id, d.id, today);
	if (!e && changes)
		e = deal_update(r->db, r->me.org_id, d.id, &in, today);
	if (!e && strcmp(target, "open")) {
		if (status && strcmp(status, d.status))
			e = deal_close(r->db, r->me.org_id, d.id, status, lost_reason, lost_note, today);
		else if (lost && (lost_reason || lost_note))
			/* a lost deal's reason corrected: it keeps the day it was lost */
			e = deal_close(r->db, r->me.org_id, d.id, "lost", lost_reason ? lost_reason : d.lost_reason,
				       lost_note ? lost_note : d.lost_note, *d.closed_on ? d.closed_on : today);
	}
	if (!e)
		e = db_commit(r->db);
	if (e) {
		db_rollback(r->db);
		api_store_error(r, e);
		return;
	}
	reply_deal(r, 200, d.id);
}
