/*
 * api-audit: the audit log (issue 16), for admins, under the rules of the
 * page (web/page-admin-audit.c; domain/access.c access_audit_see).
 *
 *   GET /api/v1/audit   the organisation's audit rows, newest first, with
 *        the page's filters (?who= a user's id or cli/system/demo, ?kind=,
 *        ?object=, ?from=, ?to= days) and ?limit= (at most 500), ?offset=
 *        (at most 100,000, as the page's).
 *        Each row: id, at (epoch seconds), who {id, name, via}, kind,
 *        object_id, action, before and after (the fields that changed;
 *        a private field's value is "(private)", never its text).
 *
 * There is no route that changes or deletes a row.
 */
#include "api.h"
#include "../web/auditui.h"
#include "../web/export.h"
#include "../store/audit.h"

static json_t *row_json(const struct audit_row *x)
{
	json_t *before = json_loads(x->before_json, 0, NULL), *after = json_loads(x->after_json, 0, NULL);
	return json_pack("{s:I, s:I, s:{s:o, s:s, s:s}, s:s, s:o, s:s, s:o, s:o}", "id", (json_int_t)x->id, "at",
			 (json_int_t)x->at, "who", "id", x->actor_id ? json_integer(x->actor_id) : json_null(), "name",
			 x->actor_name, "via", x->via, "kind", x->kind, "object_id",
			 x->object_id ? json_integer(x->object_id) : json_null(), "action", x->action, "before",
			 before ? before : json_object(), "after", after ? after : json_object());
}

void api_audit_list(struct request *r)
{
	if (!access_audit_see(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("Your role does not allow this request."));
		return;
	}
	struct api_page pg;
	if (api_paging(r, &pg))
		return;
	if (pg.cursor) {
		api_bad_cursor(r);
		return;
	}
	/* as on the page: no request makes the database skip more rows than
	 * this; a longer log is narrowed with the filters */
	if (pg.offset > PAGER_OFFSET_MAX) {
		api_invalid(r, "offset", T("The offset is too large: narrow the list with its filters."));
		return;
	}
	struct audit_filter f;
	const char *field = NULL, *msg = NULL;
	if (auditui_filter(r, &f, &field, &msg)) {
		api_invalid(r, field, msg);
		return;
	}
	struct audit_row *rows;
	size_t n;
	int more;
	int64_t total = 0;
	enum err e = audit_list(r->db, r->a, r->me.org_id, &f, (int64_t)pg.limit, (int64_t)pg.offset, &rows, &n, &more);
	if (!e)
		e = audit_count(r->db, r->me.org_id, &f, &total);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, row_json(&rows[i]));
	api_list(r, arr, (size_t)total, &pg);
}
