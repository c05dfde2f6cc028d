/*
 * api-reasons: /api/v1/reasons — the organisation's one list of reasons why
 * a conversation ends in a STOP (stop_reason) and why a deal is lost
 * (lost_reason), issue 14. Every member reads it (the codes are what those
 * fields take); admins add a reason (POST) and rename, move or retire one
 * (PATCH; the route says who). A retired reason stays in the list, marked,
 * so that history can be read; it is no longer accepted.
 */
#include "api.h"
#include "../web/load.h"
#include "../web/reasonui.h"
#include "../store/reasons.h"
#include "../domain/reasons.h"
#include "../lib/util.h"
#include <string.h>

#define REASON_POSITION_MAX 1000000

static json_t *reason_json(struct request *r, const struct reason *x)
{
	return json_pack("{s:I, s:s, s:s, s:i, s:b}",
			 "id", (json_int_t)x->id,
			 "code", x->code,
			 "label", reasonui_reason_label(r, x),
			 "position", x->position,
			 "retired", x->retired);
}

void api_reasons_list(struct request *r)
{
	struct api_page pg;
	if (api_paging(r, &pg))
		return;
	if (!access_reason_see(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("You do not have access to this page."));
		return;
	}
	struct reason_list l;
	enum err e = reason_list(r->db, r->a, r->me.org_id, 1, &l);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = pg.offset; i < l.n && json_array_size(items) < pg.limit; i++)
		if (json_array_append_new(items, reason_json(r, &l.items[i]))) {
			json_decref(items);
			api_reply(r, 500, NULL);
			return;
		}
	api_list(r, items, l.n, &pg);
}

static void reply_reason(struct request *r, int status, int64_t id)
{
	struct reason x;
	enum err e = reason_get(r->db, r->a, r->me.org_id, id, &x);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (status == 201)
		resp_header(r, "Location", arena_printf(r->a, "/api/v1/reasons/%lld", (long long)id));
	api_reply(r, status, reason_json(r, &x));
}

/* the label trimmed and checked; NULL after answering 400 */
static const char *checked_label(struct request *r, const char *label)
{
	const char *l = label ? str_trim(arena_strdup(r->a, label)) : NULL;
	const char *m = reason_label_check(l);
	if (m) {
		api_invalid(r, "label", T(m));
		return NULL;
	}
	return l;
}

void api_reasons_create(struct request *r)
{
	if (!access_reason_change(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("You do not have access to this page."));
		return;
	}
	if (api_body(r))
		return;
	int bad = 0;
	const char *label = api_str(r, "label", &bad);
	if (bad || !(label = checked_label(r, label)))
		return;
	int64_t id = 0;
	enum err e = reason_create(r->db, r->a, r->me.org_id, label, &id);
	if (e == E_CONFLICT) {
		api_conflict(r, "label", T("There is already a reason with this name."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_reason(r, 201, id);
}

void api_reason_update(struct request *r)
{
	/* the caller's right to this reason first, then the body */
	struct reason *x = reason_load_or_reply(r, r->id, NEED_CHANGE);
	if (!x || api_body(r))
		return;
	int bad = 0;
	const char *label = NULL;
	int position = -1, retired = -1;
	if (api_has(r, "label")) {
		label = api_str(r, "label", &bad);
		if (!bad && !(label = checked_label(r, label)))
			return;
	}
	if (!bad && api_has(r, "position")) {
		int64_t p = api_int(r, "position", &bad);
		if (!bad && (p < 0 || p > REASON_POSITION_MAX)) {
			api_invalid(r, "position", arena_printf(r->a, T("The position is a whole number from 0 to %d."),
								REASON_POSITION_MAX));
			return;
		}
		position = (int)p;
	}
	if (!bad && api_has(r, "retired")) {
		json_t *v = json_object_get(r->json, "retired");
		if (!json_is_boolean(v)) {
			api_invalid(r, "retired", T("retired is true or false."));
			return;
		}
		retired = json_is_true(v);
	}
	if (bad)
		return;
	enum err e = reason_update(r->db, r->a, r->me.org_id, x->id, label, position, retired);
	if (e == E_CONFLICT) {
		api_conflict(r, "label", T("There is already a reason with this name."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_reason(r, 200, x->id);
}
