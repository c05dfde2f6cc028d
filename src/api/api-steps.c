/*
 * api-steps: /api/v1/steps — the next steps customers committed to, as the
 * caller may see them (its rep's or its deal owner's, by access_activity_see),
 * with their state today (upcoming, due today, overdue, missed, kept,
 * cancelled); and their life: kept, cancelled, or moved to a new date, which
 * counts as a slip — by the same callers as on the agenda page
 * (access_step_change). Steps are born from a conversation (POST /api/v1/conversations),
 * never on their own.
 */
#include "api.h"
#include "../web/load.h"
#include "../store/conversations.h"
#include "../store/settings.h"
#include "../lib/util.h"
#include <limits.h>
#include <string.h>

static const char *const statuses[] = { "open", "kept", "missed", "cancelled" };

static void assess(struct request *r, struct step_row *s, size_t n)
{
	struct health_settings hs;
	char today[11];
	settings_health(r->db, r->me.org_id, &hs);
	today_date(today);
	step_assess(s, n, today, hs.grace_days);
}

void api_steps_list(struct request *r)
{
	struct api_page pg;
	if (api_paging(r, &pg))
		return;
	struct activity_filter f = { 0 };
	if (api_query_id(r, "rep", &f.rep_id) || api_query_id(r, "deal", &f.deal_id) ||
	    api_query_enum(r, "status", statuses, sizeof(statuses) / sizeof(statuses[0]), &f.status))
		return;
	if (api_check_filters(r, f.rep_id, f.deal_id))
		return;
	f.scope = access_deal_scope(&r->viewer);
	f.viewer_id = r->me.user_id;
	if (pg.cursor) {
		/* due~id of the last step of the page before */
		const char *k[2];
		if (api_cursor_parts(r, pg.cursor, k, 2) || !date_valid(k[0]) || parse_i64(k[1], &f.after_id) ||
		    f.after_id <= 0) {
			api_bad_cursor(r);
			return;
		}
		f.after_due = k[0];
	}
	/* one row more than asked: whether a next page exists */
	f.limit = (int)pg.limit + 1;
	f.offset = pg.offset > INT_MAX ? INT_MAX : (int)pg.offset;
	struct step_list sl;
	enum err e = step_find(r->db, r->a, r->me.org_id, &f, &sl);
	if (e) {
		api_store_error(r, e);
		return;
	}
	const char *next = NULL;
	if (sl.n > pg.limit) {
		sl.n = pg.limit;
		next = api_cursor(r, arena_printf(r->a, "%s~%lld", sl.items[sl.n - 1].due, (long long)sl.items[sl.n - 1].id));
	}
	assess(r, sl.items, sl.n);
	json_t *items = json_array();
	for (size_t i = 0; i < sl.n; i++)
		if (json_array_append_new(items, step_json(&sl.items[i]))) {
			json_decref(items);
			api_reply(r, 500, NULL);
			return;
		}
	api_list_next(r, items, (size_t)sl.total, &pg, next);
}

/* 0 with the step (web/load.c decides whether the caller may do what they
 * need with it) and its state, or -1 after answering 404, 403 or 503 */
static int load(struct request *r, int64_t id, enum access_need need, struct step_row *s)
{
	struct step_row *got = step_load_or_reply(r, id, need);
	if (!got)
		return -1;
	*s = *got;
	assess(r, s, 1);
	return 0;
}

void api_step_get(struct request *r)
{
	struct step_row s;
	if (load(r, r->id, NEED_SEE, &s))
		return;
	api_reply(r, 200, step_json(&s));
}

void api_step_update(struct request *r)
{
	if (api_body(r))
		return;
	struct step_row s;
	if (load(r, r->id, NEED_CLOSE, &s))
		return;
	int bad = 0;
	const char *status = api_str(r, "status", &bad);
	const char *due = api_str(r, "due", &bad);
	if (bad)
		return;
	if (status && due) {
		api_invalid(r, "due", T("Give a new date or a new status, not both."));
		return;
	}
	if (status && strcmp(status, "kept") && strcmp(status, "cancelled")) {
		api_invalid(r, "status", T("A step can be marked kept or cancelled; a step that is not kept in time "
					   "becomes missed by itself."));
		return;
	}
	char today[11];
	today_date(today);
	enum err e = E_OK;
	if (due) {
		struct rule_error re = { 0 };
		e = step_slip(r->db, r->a, r->me.org_id, s.id, due, today, &re);
		if (e == E_INVALID && re.message) {
			api_invalid(r, "due", T(re.message));
			return;
		}
	} else if (status && strcmp(status, s.status)) {
		if (strcmp(s.status, "open")) {
			api_conflict(r, "status", T("Only an open step can be kept or cancelled."));
			return;
		}
		e = !strcmp(status, "kept") ? step_keep(r->db, r->me.org_id, s.id, today)
					    : step_cancel(r->db, r->me.org_id, s.id);
		/* E_NOTFOUND: someone closed it a moment ago */
		if (e == E_NOTFOUND) {
			api_conflict(r, "status", T("Only an open step can be kept or cancelled."));
			return;
		}
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (load(r, s.id, NEED_SEE, &s))
		return;
	api_reply(r, 200, step_json(&s));
}
