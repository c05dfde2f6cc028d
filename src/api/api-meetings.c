/*
 * api-meetings: /api/v1/meetings and /api/v1/cases — a team's sales meetings
 * with their agenda items and attendance, and the case library (issue 9),
 * under the same rules as the pages: web/load.c's meeting_load_or_reply and
 * case_load_or_reply (domain/access.c's access_meeting_* and access_case_*),
 * checked before a request body is read; the form and the body are checked
 * by the same code (web/meetingsui.h).
 *
 *   GET    /api/v1/meetings[?team=ID&from=DAY]   meetings the caller sees, by day
 *   POST   /api/v1/meetings                      {team_id, held_on, starts_at, minutes, title}
 *   GET    /api/v1/meetings/:id                  with its items and attendance
 *   PATCH  /api/v1/meetings/:id                  {title, held_on, starts_at, minutes, notes}
 *   POST   /api/v1/meetings/:id/items            {kind, title, case_id, library_item_id, presenter_id}
 *   DELETE /api/v1/meetings/:id/items/:item_id
 *   PUT    /api/v1/meetings/:id/attendance       {present: [user ids]} (a held meeting)
 *   POST   /api/v1/meetings/:id/prepared         refused without a case or theory
 *   POST   /api/v1/meetings/:id/held             {present: [user ids]}
 *   GET    /api/v1/cases[?retired=1]             the library, rotation order
 *   POST   /api/v1/cases                         {title, situation, challenge, good_handling, trait_id}
 *   GET    /api/v1/cases/:id
 *   PATCH  /api/v1/cases/:id                     the same fields, and retired: true/false
 */
#include "api.h"
#include "../web/load.h"
#include "../web/meetingsui.h"
#include "../domain/meetings.h"
#include "../store/teams.h"
#include "../lib/util.h"
#include <string.h>

static json_t *meeting_json(const struct meeting *m)
{
	json_t *o = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:i, s:s, s:s}", "id", (json_int_t)m->id, "team_id",
			      (json_int_t)m->team_id, "team_name", m->team_name, "title", m->title, "held_on", m->held_on,
			      "starts_at", m->starts_at, "minutes", m->minutes, "status", m->status, "notes", m->notes);
	json_object_set_new(o, "cases", json_integer(m->cases));
	json_object_set_new(o, "theories", json_integer(m->theories));
	json_object_set_new(o, "agenda_title", api_text_or_null(m->agenda_title));
	json_object_set_new(o, "held_without_case_or_theory",
			    json_boolean(meeting_held_without(m->status, (size_t)m->cases, (size_t)m->theories)));
	json_object_set_new(o, "present", json_integer(m->present));
	json_object_set_new(o, "on_attendance_list", json_integer(m->recorded));
	return o;
}

static json_t *item_json(const struct meeting_item *x)
{
	return json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:i}", "id", (json_int_t)x->id, "kind", x->kind, "title",
			 x->title, "case_id", api_id_or_null(x->case_id), "library_item_id",
			 api_id_or_null(x->library_item_id), "presenter_id", api_id_or_null(x->presenter_id),
			 "presenter_name", api_text_or_null(x->presenter_name), "position", x->position);
}

/* the meeting with its items and attendance, or NULL after answering */
static json_t *full_json(struct request *r, const struct meeting *m)
{
	struct meeting_item *items;
	struct meeting_member *mem;
	size_t ni, nm;
	enum err e = meeting_items(r->db, r->a, r->me.org_id, m->id, &items, &ni);
	if (!e)
		e = meeting_members(r->db, r->a, r->me.org_id, m->id, m->team_id, &mem, &nm);
	if (e) {
		api_store_error(r, e);
		return NULL;
	}
	json_t *o = meeting_json(m), *it = json_array(), *att = json_array();
	for (size_t i = 0; i < ni; i++)
		json_array_append_new(it, item_json(&items[i]));
	for (size_t i = 0; i < nm; i++)
		json_array_append_new(att, json_pack("{s:I, s:s, s:o}", "user_id", (json_int_t)mem[i].user_id, "name",
						     mem[i].name, "present", mem[i].present < 0 ? json_null()
						     : json_boolean(mem[i].present)));
	json_object_set_new(o, "items", it);
	json_object_set_new(o, "attendance", att);
	return o;
}

static void reply_meeting(struct request *r, int status, int64_t id)
{
	struct meeting m;
	enum err e = meeting_get(r->db, r->a, r->me.org_id, id, &m);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *o = full_json(r, &m);
	if (o)
		api_reply(r, status, o);
}

void api_meetings_list(struct request *r)
{
	struct api_page pg;
	int64_t team_id = 0;
	const char *from = NULL;
	if (api_paging(r, &pg) || api_query_id(r, "team", &team_id) || api_query_date(r, "from", &from))
		return;
	struct meeting_list l = { 0 };
	int64_t total = 0;
	enum err e = E_OK;
	if (team_id || r->viewer.role == ROLE_ADMIN) {
		if (team_id && !team_load_or_reply(r, team_id, NEED_SEE))
			return;
		if (team_id && !access_meeting_see(&r->viewer, r->me.org_id, team_id)) {
			resp_error(r, E_FORBIDDEN, T("A team's sales meetings are seen by its members and its manager."));
			return;
		}
		e = meeting_list(r->db, r->a, r->me.org_id, team_id, from, pg.limit, pg.offset, &l, &total);
	} else {
		/* the viewer's own team and the teams they lead, merged by day */
		struct team_list all;
		e = team_list_org(r->db, r->a, r->me.org_id, &all);
		l.items = arena_allocarray(r->a, MEETINGS_LIST_MAX + 1, sizeof(*l.items));
		for (size_t i = 0; !e && i < all.n; i++) {
			if (!access_meeting_see(&r->viewer, r->me.org_id, all.items[i].id))
				continue;
			struct meeting_list one;
			int64_t n = 0;
			e = meeting_list(r->db, r->a, r->me.org_id, all.items[i].id, from, MEETINGS_LIST_MAX, 0, &one, &n);
			total += n;
			for (size_t j = 0; !e && j < one.n && l.n < MEETINGS_LIST_MAX; j++)
				l.items[l.n++] = one.items[j];
		}
		/* by day, as one list (stable insertion sort: the lists are short) */
		for (size_t i = 1; i < l.n; i++)
			for (size_t j = i; j > 0 && strcmp(l.items[j - 1].held_on, l.items[j].held_on) > 0; j--) {
				struct meeting t = l.items[j];
				l.items[j] = l.items[j - 1];
				l.items[j - 1] = t;
			}
		if (!e) {
			size_t off = pg.offset < l.n ? pg.offset : l.n;
			size_t n = l.n - off < pg.limit ? l.n - off : pg.limit;
			memmove(l.items, l.items + off, n * sizeof(*l.items));
			l.n = n;
		}
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < l.n; i++)
		if (access_meeting_see(&r->viewer, r->me.org_id, l.items[i].team_id))
			json_array_append_new(items, meeting_json(&l.items[i]));
	api_list(r, items, (size_t)total, &pg);
}

/* a length given as a JSON integer, as text for meeting_input_check */
static const char *minutes_text(struct request *r, int *bad)
{
	if (!api_has(r, "minutes") || json_is_null(json_object_get(r->json, "minutes")))
		return NULL;
	int64_t v = api_int(r, "minutes", bad);
	return *bad ? NULL : arena_printf(r->a, "%lld", (long long)v);
}

/* the first wrong field answered (400), or 0 */
static int meeting_body(struct request *r, int partial, struct meeting_input *in, int *minutes)
{
	int bad = 0;
	in->title = api_str(r, "title", &bad);
	in->held_on = api_str(r, "held_on", &bad);
	in->starts_at = api_str(r, "starts_at", &bad);
	in->minutes = minutes_text(r, &bad);
	in->notes = api_str(r, "notes", &bad);
	if (bad)
		return -1;
	if (!partial && !in->starts_at)
		in->starts_at = "09:00";
	if (!partial && !in->minutes)
		in->minutes = "60";
	struct meeting_field_error errs[MEETING_ERRORS_MAX];
	size_t ne = meeting_input_check(in, partial, minutes, errs);
	if (ne) {
		api_invalid(r, errs[0].field, T(errs[0].message));
		return -1;
	}
	return 0;
}

void api_meetings_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	int64_t team = api_int(r, "team_id", &bad);
	if (bad)
		return;
	const char *msg = NULL;
	if (!meetings_team_for_create(r, team > 0 ? arena_printf(r->a, "%lld", (long long)team) : "", &msg)) {
		api_invalid(r, "team_id", msg);
		return;
	}
	struct meeting_input in = { 0 };
	int minutes;
	if (meeting_body(r, 0, &in, &minutes))
		return;
	int64_t id;
	enum err e = meeting_create(r->db, r->me.org_id, team, in.title, in.held_on, in.starts_at, minutes, r->me.user_id, &id);
	if (!e && in.notes)
		e = meeting_update(r->db, r->me.org_id, id, NULL, NULL, NULL, 0, in.notes);
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_meeting(r, 201, id);
}

void api_meeting_get(struct request *r)
{
	struct meeting *m = meeting_load_or_reply(r, r->id, NEED_SEE);
	if (!m)
		return;
	json_t *o = full_json(r, m);
	if (o)
		api_reply(r, 200, o);
}

void api_meeting_update(struct request *r)
{
	struct meeting *m = meeting_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m || api_body(r))
		return;
	struct meeting_input in = { 0 };
	int minutes;
	if (meeting_body(r, 1, &in, &minutes))
		return;
	enum err e = meeting_update(r->db, r->me.org_id, m->id, in.title, in.held_on, in.starts_at, minutes, in.notes);
	if (!e)
		e = meetings_resync(r, m->id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_meeting(r, 200, m->id);
}

void api_meeting_items_create(struct request *r)
{
	struct meeting *m = meeting_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m || api_body(r))
		return;
	int bad = 0;
	const char *kind = api_str(r, "kind", &bad);
	const char *title = api_str(r, "title", &bad);
	int64_t case_id = api_int(r, "case_id", &bad);
	int64_t lib = api_int(r, "library_item_id", &bad);
	int64_t pres = api_int(r, "presenter_id", &bad);
	if (bad)
		return;
	if (pres < 0) {
		api_invalid(r, "presenter_id", T("Choose a member of the team or its manager."));
		return;
	}
	const char *field = NULL;
	const char *msg = meetings_item_check(r, m, kind ? kind : "", &title, case_id, lib, pres, &field);
	if (msg) {
		api_invalid(r, field, msg);
		return;
	}
	int64_t id;
	enum err e = meeting_item_add(r->db, r->me.org_id, m->id, kind, title, case_id, lib, pres, &id);
	struct meeting_item *items;
	size_t n = 0;
	if (!e)
		e = meetings_resync(r, m->id);
	if (!e)
		e = meeting_items(r->db, r->a, r->me.org_id, m->id, &items, &n);
	if (e) {
		api_store_error(r, e);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (items[i].id == id) {
			api_reply(r, 201, item_json(&items[i]));
			return;
		}
	api_store_error(r, E_INTERNAL);
}

void api_meeting_item_delete(struct request *r)
{
	struct meeting *m = meeting_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m)
		return;
	enum err e = meeting_item_delete(r->db, r->me.org_id, m->id, r->id2);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such item on this agenda."));
		return;
	}
	if (!e)
		e = meetings_resync(r, m->id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	sb_reset(&r->out);
	r->status = 204;
	r->content_type = "application/json";
}

/* {present: [ids]} saved (mark: and the meeting marked held) */
static void attendance(struct request *r, int mark)
{
	struct meeting *m = meeting_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m || api_body(r))
		return;
	json_t *arr = r->json ? json_object_get(r->json, "present") : NULL;
	if (arr && !json_is_array(arr)) {
		api_invalid(r, "present", T("present: a list of the ids of the members who were there."));
		return;
	}
	size_t n = arr ? json_array_size(arr) : 0;
	if (n > MEETING_MEMBERS_MAX) {
		api_invalid(r, "present", T("present: only members of the meeting's team are on its attendance list."));
		return;
	}
	int64_t *ids = arena_allocarray(r->a, n + 1, sizeof(*ids));
	for (size_t i = 0; i < n; i++) {
		json_t *v = json_array_get(arr, i);
		if (!json_is_integer(v) || json_integer_value(v) <= 0) {
			api_invalid(r, "present", T("present: a list of the ids of the members who were there."));
			return;
		}
		ids[i] = (int64_t)json_integer_value(v);
	}
	int status = 0;
	const char *msg = meetings_attendance(r, m, ids, n, mark, &status);
	if (msg && status >= 500) {
		api_store_error(r, status == 503 ? E_UNAVAILABLE : E_INTERNAL);
		return;
	}
	if (msg && status == 409) {
		api_conflict(r, "status", msg);
		return;
	}
	if (msg) {
		api_invalid(r, strncmp(msg, "present", 7) ? "held_on" : "present", msg);
		return;
	}
	reply_meeting(r, 200, m->id);
}

void api_meeting_attendance(struct request *r)
{
	attendance(r, 0);
}

void api_meeting_held(struct request *r)
{
	attendance(r, 1);
}

void api_meeting_prepared(struct request *r)
{
	struct meeting *m = meeting_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m)
		return;
	int status = 0;
	const char *msg = meetings_prepare(r, m, &status);
	if (msg && status == 500) {
		api_store_error(r, E_INTERNAL);
		return;
	}
	if (msg && status == 409) {
		api_conflict(r, "status", msg);
		return;
	}
	if (msg) {
		api_invalid(r, "items", msg);
		return;
	}
	reply_meeting(r, 200, m->id);
}

/* ---------------------------------------------------------------- cases */

static json_t *case_json(const struct practice_case *c, int recent)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:I, s:s}", "id", (json_int_t)c->id, "title", c->title,
			      "situation", c->situation, "challenge", c->challenge, "good_handling", c->good_handling,
			      "trait_id", api_id_or_null(c->trait_id), "added_by", (json_int_t)c->added_by, "added_by_name",
			      c->added_by_name);
	json_object_set_new(o, "retired", json_boolean(c->retired_at != 0));
	json_object_set_new(o, "times_used", json_integer(c->times_used));
	json_object_set_new(o, "last_used", api_text_or_null(c->last_used));
	json_object_set_new(o, "last_presenter", api_text_or_null(c->last_presenter));
	json_object_set_new(o, "used_recently", json_boolean(recent));
	return o;
}

void api_cases_list(struct request *r)
{
	struct api_page pg;
	int64_t team_id = 0;
	if (api_paging(r, &pg) || api_query_id(r, "team", &team_id))
		return;
	if (!access_case_see(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("You do not have access to this page."));
		return;
	}
	if (!team_id)
		team_id = r->viewer.team_id;
	else if (!access_meeting_see(&r->viewer, r->me.org_id, team_id)) {
		resp_error(r, E_FORBIDDEN, T("A team's sales meetings are seen by its members and its manager."));
		return;
	}
	struct case_list l;
	int64_t *recent = NULL;
	size_t nrecent = 0;
	enum err e = case_list(r->db, r->a, r->me.org_id, req_query(r, "retired") != NULL, &l);
	if (!e && team_id)
		e = case_recent_ids(r->db, r->a, r->me.org_id, team_id, &recent, &nrecent);
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct case_rotation *rot = arena_allocarray(r->a, l.n + 1, sizeof(*rot));
	for (size_t i = 0; i < l.n; i++)
		rot[i] = (struct case_rotation){ (int64_t)i, l.items[i].title, l.items[i].last_used,
						 meeting_case_recent(l.items[i].id, recent, nrecent) };
	meeting_cases_rotate(rot, l.n);
	json_t *items = json_array();
	for (size_t i = pg.offset; i < l.n && json_array_size(items) < pg.limit; i++)
		json_array_append_new(items, case_json(&l.items[rot[i].id], rot[i].recent));
	api_list(r, items, l.n, &pg);
}

/* the case's fields from the body, checked: 0, or -1 after answering */
static int case_body(struct request *r, int partial, struct case_input *in, int64_t *trait)
{
	int bad = 0;
	in->title = api_str(r, "title", &bad);
	in->situation = api_str(r, "situation", &bad);
	in->challenge = api_str(r, "challenge", &bad);
	in->good_handling = api_str(r, "good_handling", &bad);
	int64_t t = api_int(r, "trait_id", &bad);
	if (bad)
		return -1;
	struct meeting_field_error errs[MEETING_ERRORS_MAX];
	if (case_input_check(in, partial, errs)) {
		api_invalid(r, errs[0].field, T(errs[0].message));
		return -1;
	}
	*trait = partial && !api_has(r, "trait_id") ? -1 : 0;
	if (t) {
		*trait = meetings_case_trait(r, t > 0 ? arena_printf(r->a, "%lld", (long long)t) : "x");
		if (*trait < 0) {
			api_invalid(r, "trait_id", T("Choose one of the traits."));
			return -1;
		}
	}
	return 0;
}

static void reply_case(struct request *r, int status, int64_t id)
{
	struct practice_case c;
	enum err e = case_get(r->db, r->a, r->me.org_id, id, &c);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, status, case_json(&c, 0));
}

void api_cases_create(struct request *r)
{
	if (!access_case_change(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("Managers and admins change the case library."));
		return;
	}
	if (api_body(r))
		return;
	struct case_input in = { 0 };
	int64_t trait;
	if (case_body(r, 0, &in, &trait))
		return;
	int64_t id;
	enum err e = case_create(r->db, r->me.org_id, in.title, in.situation, in.challenge, in.good_handling, trait,
				 r->me.user_id, &id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_case(r, 201, id);
}

void api_case_get(struct request *r)
{
	struct practice_case *c = case_load_or_reply(r, r->id, NEED_SEE);
	if (c)
		api_reply(r, 200, case_json(c, 0));
}

void api_case_update(struct request *r)
{
	struct practice_case *c = case_load_or_reply(r, r->id, NEED_CHANGE);
	if (!c || api_body(r))
		return;
	struct case_input in = { 0 };
	int64_t trait;
	if (case_body(r, 1, &in, &trait))
		return;
	json_t *ret = r->json ? json_object_get(r->json, "retired") : NULL;
	if (ret && !json_is_boolean(ret)) {
		api_invalid(r, "retired", T("retired: true or false."));
		return;
	}
	enum err e = case_update(r->db, r->me.org_id, c->id, in.title, in.situation, in.challenge, in.good_handling, trait);
	if (!e && ret)
		e = case_retire(r->db, r->me.org_id, c->id, json_is_true(ret));
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_case(r, 200, c->id);
}
