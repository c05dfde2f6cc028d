/*
 * api-learning: /api/v1/learning — the learning log, suggestions and
 * mandatory trainings (issue 9) under the same rules as the pages
 * (web/load.c's learning_*_load_or_reply; domain/access.c's
 * access_learning_*): a rep's activities and reflections are seen by the
 * rep and whoever leads the rep's team, nobody else.
 *
 *   GET    /api/v1/learning[?rep=ID][&status=S]  a rep's activities, newest
 *          first, paged (limit, offset)
 *   POST   /api/v1/learning        {rep_id?, kind, title, done_on, hours |
 *          minutes, trait_id, subskill_id, origin (a manager's), learned,
 *          will_change}
 *   GET/PATCH/DELETE /api/v1/learning/:id
 *   POST   /api/v1/learning/:id/accept, /decline   the rep answers a suggestion
 *   POST   /api/v1/learning/:id/done   {done_on, hours | minutes, learned, will_change}
 *   POST   /api/v1/learning/suggestions  {rep_id, kind, title, trait_id,
 *          subskill_id, due_on, hours, library_item_id}
 *   GET    /api/v1/learning/assignments   of the teams the caller leads
 *   POST   /api/v1/learning/assignments   {team_id, kind, title, trait_id,
 *          subskill_id, hours, due_on}
 *   GET    /api/v1/learning/assignments/:id   with each member's row
 */
#include "api.h"
#include "../web/load.h"
#include "../domain/learning.h"
#include "../store/learning-log.h"
#include "../store/traits.h"
#include "../lib/util.h"
#include <stdio.h>
#include <string.h>

static json_t *row_json(const struct learning_row *l, const char *today)
{
	char hours[32];
	learning_hours_text(l->minutes, hours, sizeof(hours));
	int open = strcmp(l->status, "done") && strcmp(l->status, "declined");
	json_t *o = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:i, s:o, s:o, s:o}", "id", (json_int_t)l->id,
			      "rep_id", (json_int_t)l->rep_id, "rep_name", l->rep_name, "kind", l->kind, "title", l->title,
			      "origin", l->origin, "status", l->status, "done_on", api_text_or_null(l->done_on), "due_on",
			      api_text_or_null(l->due_on), "minutes", l->minutes, "hours", json_real(l->minutes / 60.0),
			      "trait_id", api_id_or_null(l->trait_id), "subskill_id", api_id_or_null(l->subskill_id));
	json_object_set_new(o, "learned", json_string(l->learned));
	json_object_set_new(o, "will_change", json_string(l->will_change));
	json_object_set_new(o, "has_reflection", json_boolean(learning_has_reflection(l->learned, l->will_change)));
	json_object_set_new(o, "overdue", json_boolean(open && *l->due_on && learning_overdue(l->due_on, today)));
	json_object_set_new(o, "suggested_by", api_id_or_null(l->suggested_by));
	json_object_set_new(o, "assignment_id", api_id_or_null(l->assignment_id));
	json_object_set_new(o, "library_item_id", api_id_or_null(l->library_item_id));
	json_object_set_new(o, "library_title", api_text_or_null(l->library_title));
	return o;
}

static json_t *assignment_json(const struct learning_assignment *a)
{
	json_t *o = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:i, s:o, s:o, s:I, s:I, s:I, s:I}", "id", (json_int_t)a->id,
			      "team_id", (json_int_t)a->team_id, "team_name", a->team_name, "kind", a->kind, "title", a->title,
			      "due_on", a->due_on, "minutes", a->minutes, "trait_id", api_id_or_null(a->trait_id),
			      "subskill_id", api_id_or_null(a->subskill_id), "assigned_by", (json_int_t)a->assigned_by,
			      "members", (json_int_t)a->members, "done", (json_int_t)a->done, "overdue",
			      (json_int_t)a->overdue);
	return o;
}

static const char *today_of(struct request *r)
{
	char *d = arena_alloc(r->a, 11);
	today_date(d);
	return d;
}

/* "hours" as a string ("1.5", "1,5", "1:30") or a number, or "minutes" as a
 * whole number; NULL when neither is given; 400 naming the field on a wrong type */
static const char *hours_member(struct request *r, int *bad)
{
	if (*bad || !r->json)
		return NULL;
	json_t *h = json_object_get(r->json, "hours"), *m = json_object_get(r->json, "minutes");
	if (h && json_is_string(h))
		return json_string_value(h);
	if (h && json_is_number(h))
		return arena_printf(r->a, "%.6g", json_number_value(h));
	if (h && !json_is_null(h)) {
		api_invalid(r, "hours", T("Enter the hours as a number from 0 to 24, such as 1.5 or 1:30."));
		*bad = 1;
		return NULL;
	}
	if (m && json_is_integer(m)) {
		json_int_t v = json_integer_value(m);
		if (v < 0 || v > LEARNING_DAY_MINUTES_MAX) {
			api_invalid(r, "minutes", T("Enter the hours as a number from 0 to 24."));
			*bad = 1;
			return NULL;
		}
		return arena_printf(r->a, "%lld:%02lld", (long long)v / 60, (long long)v % 60);
	}
	if (m && !json_is_null(m)) {
		api_invalid(r, "minutes", T("Enter the hours as a number from 0 to 24."));
		*bad = 1;
	}
	return NULL;
}

/* trait_id / subskill_id against the organisation's active framework (kept
 * as they were when unchanged); 0, or -1 after answering 400 */
static int check_trait(struct request *r, int64_t trait_id, int64_t sub_id, int64_t keep_trait, int64_t keep_sub)
{
	if (!trait_id && !sub_id)
		return 0;
	if (trait_id == keep_trait && sub_id == keep_sub)
		return 0;
	struct trait_list traits;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &traits);
	if (e) {
		api_store_error(r, e);
		return -1;
	}
	const struct trait *t = trait_id > 0 ? trait_find(&traits, trait_id) : NULL;
	int found = t && !sub_id;
	for (size_t k = 0; t && k < t->nsubskills && !found; k++)
		found = t->subskills[k].id == sub_id;
	if (!found) {
		api_invalid(r, t || !trait_id ? "subskill_id" : "trait_id",
			    T("Choose one of the organisation's current traits or sub-skills."));
		return -1;
	}
	return 0;
}

static void invalid(struct request *r, const struct learning_field_error *errs)
{
	api_invalid(r, errs[0].field, T(errs[0].message));
}

static void reply_row(struct request *r, int status, int64_t id)
{
	struct learning_row l;
	enum err e = learning_get(r->db, r->a, r->me.org_id, id, &l);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, status, row_json(&l, today_of(r)));
}

void api_learning_list(struct request *r)
{
	struct api_page pg;
	int64_t rep_id = 0;
	static const char *const statuses[] = { "done", "suggested", "accepted", "declined", "assigned" };
	const char *status = NULL;
	if (api_paging(r, &pg) || api_query_id(r, "rep", &rep_id) || api_query_enum(r, "status", statuses, 5, &status))
		return;
	if (!rep_id)
		rep_id = r->me.user_id;
	if (!learning_rep_load_or_reply(r, rep_id, NEED_SEE))
		return;
	struct learning_list l;
	size_t limit = pg.limit < LEARNING_LIST_MAX ? pg.limit : LEARNING_LIST_MAX;
	enum err e = learning_list_rep(r->db, r->a, r->me.org_id, rep_id, status, limit, pg.offset, &l);
	if (e) {
		api_store_error(r, e);
		return;
	}
	const char *today = today_of(r);
	json_t *items = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(items, row_json(&l.items[i], today));
	api_list(r, items, (size_t)l.total, &pg);
}

void api_learning_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	int64_t rep_id = api_int(r, "rep_id", &bad);
	if (bad)
		return;
	if (!rep_id)
		rep_id = r->me.user_id;
	struct user *u = rep_id > 0 ? learning_rep_load_or_reply(r, rep_id, NEED_CHANGE) : NULL;
	if (!u) {
		if (rep_id <= 0)
			api_invalid(r, "rep_id", T("rep: choose a rep."));
		return;
	}
	int own = u->id == r->me.user_id;
	const char *kind = api_str(r, "kind", &bad);
	const char *title = api_str(r, "title", &bad);
	const char *done_on = api_str(r, "done_on", &bad);
	const char *origin = api_str(r, "origin", &bad);
	const char *learned = api_str(r, "learned", &bad);
	const char *will_change = api_str(r, "will_change", &bad);
	int64_t trait_id = api_int(r, "trait_id", &bad);
	int64_t sub_id = api_int(r, "subskill_id", &bad);
	const char *hours = hours_member(r, &bad);
	if (bad)
		return;
	if (!done_on)
		done_on = today_of(r);
	if (own)
		origin = "self";
	else if (!origin)
		origin = "suggested";
	struct learning_input in = { kind, title, done_on, hours, origin, learned, will_change, NULL };
	struct learning_field_error errs[LEARNING_ERRORS_MAX];
	int minutes = 0;
	if (learning_check_done(&in, today_of(r), &minutes, errs)) {
		invalid(r, errs);
		return;
	}
	if (check_trait(r, trait_id, sub_id, 0, 0))
		return;
	struct new_learning nl = { .rep_id = u->id, .kind = kind, .title = str_trim(arena_strdup(r->a, title)),
				   .origin = origin, .status = "done", .done_on = done_on, .minutes = minutes,
				   .trait_id = trait_id, .subskill_id = sub_id, .learned = learned,
				   .will_change = will_change, .created_by = r->me.user_id };
	if (!own && !strcmp(origin, "suggested"))
		nl.suggested_by = r->me.user_id;
	int64_t id = 0;
	enum err e = learning_add(r->db, r->me.org_id, &nl, &id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_row(r, 201, id);
}

void api_learning_get(struct request *r)
{
	struct learning_row *l = learning_load_or_reply(r, r->id, NEED_SEE, NULL);
	if (l)
		api_reply(r, 200, row_json(l, today_of(r)));
}

void api_learning_update(struct request *r)
{
	struct learning_row *l = learning_load_or_reply(r, r->id, NEED_CHANGE, NULL);
	if (!l || api_body(r))
		return;
	int bad = 0;
	const char *kind = api_str(r, "kind", &bad);
	const char *title = api_str(r, "title", &bad);
	const char *done_on = api_str(r, "done_on", &bad);
	const char *learned = api_str(r, "learned", &bad);
	const char *will_change = api_str(r, "will_change", &bad);
	int64_t trait_id = api_int(r, "trait_id", &bad);
	int64_t sub_id = api_int(r, "subskill_id", &bad);
	const char *hours = hours_member(r, &bad);
	if (bad)
		return;
	/* PATCH: what is not given stays */
	char kept_hours[32];
	learning_hours_text(l->minutes, kept_hours, sizeof(kept_hours));
	struct new_learning nl = { 0 };
	nl.kind = api_has(r, "kind") ? kind : l->kind;
	nl.title = api_has(r, "title") ? title : l->title;
	nl.learned = api_has(r, "learned") ? learned : l->learned;
	nl.will_change = api_has(r, "will_change") ? will_change : l->will_change;
	nl.trait_id = api_has(r, "trait_id") ? trait_id : l->trait_id;
	nl.subskill_id = api_has(r, "subskill_id") || api_has(r, "trait_id") ? sub_id : l->subskill_id;
	nl.origin = l->origin;
	struct learning_field_error errs[LEARNING_ERRORS_MAX];
	int minutes = l->minutes;
	if (!strcmp(l->status, "done")) {
		nl.done_on = api_has(r, "done_on") ? done_on : l->done_on;
		struct learning_input in = { nl.kind, nl.title, nl.done_on, hours ? hours : kept_hours, NULL, nl.learned,
					     nl.will_change, NULL };
		if (learning_check_done(&in, today_of(r), &minutes, errs)) {
			invalid(r, errs);
			return;
		}
	} else {
		if (api_has(r, "done_on") || hours) {
			api_invalid(r, api_has(r, "done_on") ? "done_on" : "hours",
				    T("An activity that is not done yet gets its day and hours when it is marked done."));
			return;
		}
		struct learning_input in = { nl.kind, nl.title, NULL, NULL, NULL, NULL, NULL, NULL };
		if (learning_check_planned(&in, today_of(r), 0, &minutes, errs)) {
			invalid(r, errs);
			return;
		}
		minutes = l->minutes;
	}
	if (check_trait(r, nl.trait_id, nl.subskill_id, l->trait_id, l->subskill_id))
		return;
	nl.title = str_trim(arena_strdup(r->a, nl.title));
	nl.minutes = minutes;
	enum err e = learning_update(r->db, r->me.org_id, l->id, &nl);
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_row(r, 200, l->id);
}

void api_learning_delete(struct request *r)
{
	struct learning_row *l = learning_load_or_reply(r, r->id, NEED_ADMINISTER, NULL);
	if (!l)
		return;
	enum err e = learning_delete(r->db, r->me.org_id, l->id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, json_pack("{s:I, s:b}", "id", (json_int_t)l->id, "deleted", 1));
}

static void answer(struct request *r, const char *status)
{
	struct learning_row *l = learning_load_or_reply(r, r->id, NEED_CLOSE, NULL);
	if (!l)
		return;
	enum err e = learning_answer(r->db, r->me.org_id, l->id, status);
	if (e == E_CONFLICT) {
		api_conflict(r, "status", T("This suggestion was answered already."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_row(r, 200, l->id);
}

void api_learning_accept(struct request *r)
{
	answer(r, "accepted");
}

void api_learning_decline(struct request *r)
{
	answer(r, "declined");
}

void api_learning_done(struct request *r)
{
	struct learning_row *l = learning_load_or_reply(r, r->id, NEED_CLOSE, NULL);
	if (!l || api_body(r))
		return;
	int bad = 0;
	const char *done_on = api_str(r, "done_on", &bad);
	const char *learned = api_str(r, "learned", &bad);
	const char *will_change = api_str(r, "will_change", &bad);
	const char *hours = hours_member(r, &bad);
	if (bad)
		return;
	if (strcmp(l->status, "accepted") && strcmp(l->status, "assigned")) {
		api_conflict(r, "status", T("Only an accepted suggestion or an open mandatory training is marked done."));
		return;
	}
	if (!done_on)
		done_on = today_of(r);
	char kept_hours[32];
	learning_hours_text(l->minutes, kept_hours, sizeof(kept_hours));
	struct learning_input in = { l->kind, l->title, done_on, hours ? hours : kept_hours, NULL, learned, will_change,
				     NULL };
	struct learning_field_error errs[LEARNING_ERRORS_MAX];
	int minutes = 0;
	if (learning_check_done(&in, today_of(r), &minutes, errs)) {
		invalid(r, errs);
		return;
	}
	enum err e = learning_complete(r->db, r->me.org_id, l->id, done_on, minutes, learned, will_change);
	if (e == E_CONFLICT) {
		api_conflict(r, "status", T("Only an accepted suggestion or an open mandatory training is marked done."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_row(r, 200, l->id);
}

void api_learning_suggest(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	int64_t rep_id = api_int(r, "rep_id", &bad);
	if (bad)
		return;
	if (rep_id <= 0) {
		api_invalid(r, "rep_id", T("rep: choose a rep."));
		return;
	}
	struct user *u = learning_rep_load_or_reply(r, rep_id, NEED_REASSIGN);
	if (!u)
		return;
	const char *kind = api_str(r, "kind", &bad);
	const char *title = api_str(r, "title", &bad);
	const char *due_on = api_str(r, "due_on", &bad);
	int64_t trait_id = api_int(r, "trait_id", &bad);
	int64_t sub_id = api_int(r, "subskill_id", &bad);
	int64_t item = api_int(r, "library_item_id", &bad);
	const char *hours = hours_member(r, &bad);
	if (bad)
		return;
	struct learning_input in = { kind, title, NULL, hours, NULL, NULL, NULL, due_on };
	struct learning_field_error errs[LEARNING_ERRORS_MAX];
	int minutes = 0;
	if (learning_check_planned(&in, today_of(r), 0, &minutes, errs)) {
		invalid(r, errs);
		return;
	}
	if (check_trait(r, trait_id, sub_id, 0, 0))
		return;
	if (item) {
		const char *t;
		enum err e = item > 0 ? learning_library_title(r->db, r->a, r->me.org_id, item, &t) : E_NOTFOUND;
		if (e == E_NOTFOUND) {
			api_invalid(r, "library_item_id", T("There is no such item in the library."));
			return;
		}
		if (e) {
			api_store_error(r, e);
			return;
		}
	}
	struct new_learning nl = { .rep_id = u->id, .kind = kind, .title = str_trim(arena_strdup(r->a, title)),
				   .origin = "suggested", .status = "suggested", .due_on = due_on && *due_on ? due_on : NULL,
				   .minutes = minutes, .trait_id = trait_id, .subskill_id = sub_id,
				   .suggested_by = r->me.user_id, .library_item_id = item, .created_by = r->me.user_id };
	int64_t id = 0;
	enum err e = learning_add(r->db, r->me.org_id, &nl, &id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_row(r, 201, id);
}

void api_learning_assignments_list(struct request *r)
{
	struct api_page pg;
	if (api_paging(r, &pg))
		return;
	int64_t *ids = arena_allocarray(r->a, r->viewer.nled ? r->viewer.nled : 1, sizeof(int64_t));
	size_t n = 0;
	for (size_t i = 0; i < r->viewer.nled; i++)
		if (access_learning_assign(&r->viewer, r->me.org_id, r->viewer.led_teams[i]))
			ids[n++] = r->viewer.led_teams[i];
	struct assignment_list l;
	enum err e = learning_assignment_list(r->db, r->a, r->me.org_id, ids, n, today_of(r), &l);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = pg.offset; i < l.n && json_array_size(items) < pg.limit; i++)
		json_array_append_new(items, assignment_json(&l.items[i]));
	api_list(r, items, l.n, &pg);
}

static void reply_assignment(struct request *r, int status, struct learning_assignment *a)
{
	struct learning_list l;
	enum err e = learning_assignment_members(r->db, r->a, r->me.org_id, a->id, &l);
	if (e) {
		api_store_error(r, e);
		return;
	}
	const char *today = today_of(r);
	json_t *o = assignment_json(a), *members = json_array();
	for (size_t i = 0; i < l.n; i++) {
		const struct learning_row *m = &l.items[i];
		int done = !strcmp(m->status, "done");
		json_array_append_new(members, json_pack("{s:I, s:I, s:s, s:s, s:o, s:i, s:b}", "id", (json_int_t)m->id,
							 "rep_id", (json_int_t)m->rep_id, "rep_name", m->rep_name, "status",
							 m->status, "done_on", api_text_or_null(m->done_on), "minutes",
							 done ? m->minutes : 0, "overdue",
							 !done && learning_overdue(m->due_on, today)));
	}
	json_object_set_new(o, "member_rows", members);
	api_reply(r, status, o);
}

void api_learning_assignments_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	int64_t team_id = api_int(r, "team_id", &bad);
	if (bad)
		return;
	if (team_id <= 0) {
		api_invalid(r, "team_id", T("team: choose one of the teams you lead."));
		return;
	}
	if (!learning_team_load_or_reply(r, team_id))
		return;
	const char *kind = api_str(r, "kind", &bad);
	const char *title = api_str(r, "title", &bad);
	const char *due_on = api_str(r, "due_on", &bad);
	int64_t trait_id = api_int(r, "trait_id", &bad);
	int64_t sub_id = api_int(r, "subskill_id", &bad);
	const char *hours = hours_member(r, &bad);
	if (bad)
		return;
	struct learning_input in = { kind, title, NULL, hours, NULL, NULL, NULL, due_on };
	struct learning_field_error errs[LEARNING_ERRORS_MAX];
	int minutes = 0;
	if (learning_check_planned(&in, today_of(r), 1, &minutes, errs)) {
		invalid(r, errs);
		return;
	}
	if (check_trait(r, trait_id, sub_id, 0, 0))
		return;
	struct new_assignment na = { .team_id = team_id, .kind = kind, .title = str_trim(arena_strdup(r->a, title)),
				     .due_on = due_on, .minutes = minutes, .trait_id = trait_id, .subskill_id = sub_id,
				     .assigned_by = r->me.user_id };
	int64_t id = 0;
	enum err e = db_begin(r->db);
	if (!e)
		e = learning_assign(r->db, r->me.org_id, &na, &id, NULL);
	if (!e)
		e = db_commit(r->db);
	if (e) {
		db_rollback(r->db);
		api_store_error(r, e);
		return;
	}
	struct learning_assignment a;
	if ((e = learning_assignment_get(r->db, r->a, r->me.org_id, id, today_of(r), &a))) {
		api_store_error(r, e);
		return;
	}
	reply_assignment(r, 201, &a);
}

void api_learning_assignment_get(struct request *r)
{
	struct learning_assignment *a = learning_assignment_load_or_reply(r, r->id);
	if (a)
		reply_assignment(r, 200, a);
}
