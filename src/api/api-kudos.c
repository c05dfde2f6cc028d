/*
 * api-kudos: kudos and badges (issue 10), under the rules of the pages
 * (web/page-kudos.c; domain/access.c access_kudos_*, access_badges_see,
 * access_streaks_see).
 *
 *   GET  /api/v1/kudos           the caller's feed (as /kudos), newest
 *        first; ?rep= narrows to the kudos that rep received (each one
 *        the caller may see)
 *   POST /api/v1/kudos           give kudos {rep_id, kind, text}: 201, or
 *        400 naming the field (another organisation's user, oneself, a
 *        deactivated colleague: "rep_id"), nothing stored
 *   GET  /api/v1/badges          a rep's badges (?rep=, default the caller)
 *        and, when the caller may see the rep's private data, streaks
 */
#include "api.h"
#include "../web/load.h"
#include "../web/kudosui.h"
#include "../web/ui.h"
#include "../domain/kudos.h"
#include "../domain/plans.h"
#include "../store/kudos.h"
#include "../store/users.h"
#include "../lib/util.h"
#include <string.h>

static json_t *kudos_json(const struct kudos *k)
{
	return json_pack("{s:I, s:{s:I, s:s}, s:{s:I, s:s}, s:o, s:s, s:s, s:s, s:I}", "id", (json_int_t)k->id,
			 "giver", "id", (json_int_t)k->giver_id, "name", k->giver_name,
			 "rep", "id", (json_int_t)k->rep_id, "name", k->rep_name,
			 "team", k->team_id ? json_pack("{s:I, s:s}", "id", (json_int_t)k->team_id, "name", k->team_name)
					    : json_null(),
			 "kind", k->kind, "text", k->text, "date", k->given_on, "created_at", (json_int_t)k->created_at);
}

void api_kudos_list(struct request *r)
{
	struct api_page pg;
	int64_t rep = 0;
	if (api_paging(r, &pg) || api_query_id(r, "rep", &rep))
		return;
	struct kudos_scope s = kudos_viewer_scope(r);
	struct kudos *k;
	size_t n;
	int64_t total;
	size_t limit = pg.limit > KUDOS_LIST_MAX ? KUDOS_LIST_MAX : pg.limit;
	enum err e;
	if (rep) {
		/* the rep's, each the caller may see: checked one by one, so the
		 * count is of those shown */
		struct kudos_scope all = { 1, 0, rep };
		e = kudos_list(r->db, r->a, r->me.org_id, &all, KUDOS_LIST_MAX, 0, &k, &n, &total);
		if (e) {
			api_store_error(r, e);
			return;
		}
		size_t m = 0;
		for (size_t i = 0; i < n; i++) {
			struct kudos_ref ref = { k[i].org_id, k[i].giver_id, k[i].rep_id, k[i].team_id };
			if (access_kudos_see(&r->viewer, &ref))
				k[m++] = k[i];
		}
		total = (int64_t)m;
		size_t from = pg.offset < m ? pg.offset : m;
		k += from;
		n = m - from < limit ? m - from : limit;
	} else {
		e = kudos_list(r->db, r->a, r->me.org_id, &s, (int64_t)limit, (int64_t)pg.offset, &k, &n, &total);
		if (e) {
			api_store_error(r, e);
			return;
		}
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, kudos_json(&k[i]));
	api_list(r, arr, (size_t)total, &pg);
}

void api_kudos_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	int64_t rep_id = api_int(r, "rep_id", &bad);
	const char *kind = api_str(r, "kind", &bad);
	const char *text = api_str(r, "text", &bad);
	if (bad)
		return;
	if (text)
		text = str_trim(arena_strdup(r->a, text));
	struct kudos_field_error errs[KUDOS_ERRORS_MAX];
	size_t nerr = 0;
	int64_t team = 0;
	enum err e = kudos_give_check(r, rep_id, kind, text, errs, &nerr, &team);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (nerr) {
		api_invalid(r, errs[0].field, T(errs[0].message));
		return;
	}
	int64_t id = 0;
	if ((e = kudos_add(r->db, r->me.org_id, r->me.user_id, rep_id, team, kind, text, ui_today(r), &id))) {
		api_store_error(r, e);
		return;
	}
	struct kudos_scope one = { 1, 0, rep_id };
	struct kudos *k;
	size_t n;
	int64_t total;
	if ((e = kudos_list(r->db, r->a, r->me.org_id, &one, 1, 0, &k, &n, &total)) || !n || k[0].id != id) {
		api_store_error(r, e ? e : E_INTERNAL);
		return;
	}
	api_reply(r, 201, kudos_json(&k[0]));
}

void api_badges(struct request *r)
{
	int64_t rep = 0;
	if (api_query_id(r, "rep", &rep))
		return;
	if (!rep)
		rep = r->me.user_id;
	struct user u;
	enum err e = user_get(r->db, r->a, r->me.org_id, rep, &u);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such user."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct person p = { u.id, u.org_id, u.team_id };
	if (!access_badges_see(&r->viewer, &p)) {
		resp_error(r, E_FORBIDDEN, T("A rep's badges are seen by the rep, their team and whoever manages it."));
		return;
	}
	struct badge_facts f;
	struct badge b[BADGE_COUNT];
	int grace;
	if ((e = kudos_badges_load(r, u.id, &f, b, &grace))) {
		api_store_error(r, e);
		return;
	}
	json_t *arr = json_array();
	for (int i = 0; i < BADGE_COUNT; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:b, s:b, s:o, s:i}", "code", badge_codes[i],
						     "label", T(badge_label(b[i].kind)), "rule", T(badge_rule(b[i].kind)),
						     "earned", b[i].earned, "pending", b[i].pending,
						     "earned_on", b[i].earned ? json_string(b[i].on) : json_null(),
						     "count", b[i].count));
	json_t *out = json_pack("{s:{s:I, s:s}, s:o, s:s}", "rep", "id", (json_int_t)u.id, "name", u.name, "badges", arr,
				"today", f.today);
	if (access_streaks_see(&r->viewer, &p)) {
		struct streaks s;
		streaks_compute(&f, &s);
		json_object_set_new(out, "streaks", json_pack("{s:i, s:i, s:i, s:i, s:i}", "weeks_current", s.week_current,
							      "weeks_best", s.week_best, "months_current",
							      s.month_current, "months_best", s.month_best,
							      "grace_days", grace));
	}
	api_reply(r, 200, out);
}
