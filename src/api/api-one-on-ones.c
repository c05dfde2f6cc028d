/*
 * api-one-on-ones: /api/v1/one-on-ones — a rep's one-on-ones with their
 * manager, under the same rules as the pages (web/load.c's
 * ooo_load_or_reply and ooo_rep_load_or_reply, domain/access.c's
 * access_one_on_one_*): seen by the rep and whoever leads the rep's team;
 * notes, scheduling and marking held are that manager's; the private notes
 * are in the manager's answers only, never in the rep's.
 *
 *   GET   /api/v1/one-on-ones?rep=ID   one rep's (without rep: every one the
 *                                      caller may see), newest first
 *   POST  /api/v1/one-on-ones          {rep_id, scheduled_on}
 *   GET   /api/v1/one-on-ones/:id      with its points and actions
 *   PATCH /api/v1/one-on-ones/:id      {shared_notes, private_notes,
 *                                      scheduled_on, status: "held", held_on}
 *   POST  /api/v1/one-on-ones/:id/points   {section, text}
 *   POST  /api/v1/one-on-ones/:id/actions  {what, owner_id, due}
 *   PATCH /api/v1/one-on-ones/:id/actions/:id2  {done: true}
 */
#include "api.h"
#include "../web/load.h"
#include "../domain/validate.h"
#include "../store/one-on-ones.h"
#include "../lib/util.h"
#include <string.h>


static json_t *summary_json(const struct one_on_one *m)
{
	return json_pack("{s:I, s:I, s:s, s:I, s:s, s:s, s:o, s:s}", "id", (json_int_t)m->id, "rep_id",
			 (json_int_t)m->rep_id, "rep_name", m->rep_name, "manager_id", (json_int_t)m->manager_id,
			 "manager_name", m->manager_name, "scheduled_on", m->scheduled_on, "held_on",
			 api_text_or_null(m->held_on), "status", m->status);
}

static int may_private(struct request *r, const struct one_on_one *m)
{
	struct person rep = { m->rep_id, r->me.org_id, m->rep_team_id };
	return access_one_on_one_private(&r->viewer, &rep);
}

static json_t *action_json(const struct ooo_action *x, int64_t meeting_id)
{
	return json_pack("{s:I, s:I, s:s, s:I, s:s, s:o, s:o, s:b}", "id", (json_int_t)x->id, "meeting_id",
			 (json_int_t)x->meeting_id, "what", x->what, "owner_id", (json_int_t)x->owner_id, "owner_name",
			 x->owner_name, "due", api_text_or_null(x->due), "done_on", api_text_or_null(x->done_on),
			 "carried_forward", x->meeting_id != meeting_id);
}

/* the whole one-on-one as the caller may see it, or NULL after answering */
static json_t *full_json(struct request *r, const struct one_on_one *m)
{
	struct ooo_point_list pl;
	struct ooo_action_list al;
	enum err e = ooo_points(r->db, r->a, r->me.org_id, m->id, &pl);
	if (!e)
		e = ooo_actions_at(r->db, r->a, r->me.org_id, m->rep_id, m->id, m->scheduled_on, &al);
	if (e) {
		api_store_error(r, e);
		return NULL;
	}
	json_t *o = summary_json(m);
	json_object_set_new(o, "shared_notes", json_string(m->shared_notes));
	if (may_private(r, m))
		json_object_set_new(o, "private_notes", json_string(m->private_notes));
	json_t *pts = json_array(), *acts = json_array();
	for (size_t i = 0; i < pl.n; i++)
		json_array_append_new(pts, json_pack("{s:I, s:s, s:s, s:I, s:s}", "id", (json_int_t)pl.items[i].id, "section",
						     pl.items[i].section, "text", pl.items[i].text, "author_id",
						     (json_int_t)pl.items[i].author_id, "author_name", pl.items[i].author_name));
	for (size_t i = 0; i < al.n; i++)
		json_array_append_new(acts, action_json(&al.items[i], m->id));
	json_object_set_new(o, "points", pts);
	json_object_set_new(o, "actions", acts);
	return o;
}

void api_one_on_ones_list(struct request *r)
{
	struct api_page pg;
	int64_t rep_id = 0;
	if (api_paging(r, &pg) || api_query_id(r, "rep", &rep_id))
		return;
	struct ooo_list l;
	int64_t total = 0;
	enum err e;
	if (rep_id) {
		if (!ooo_rep_load_or_reply(r, rep_id, NEED_SEE))
			return;
		e = ooo_list_rep(r->db, r->a, r->me.org_id, rep_id, &l);
		total = (int64_t)l.n;
	} else {
		e = ooo_list_visible(r->db, r->a, r->me.org_id, r->me.user_id, (int64_t)pg.limit, (int64_t)pg.offset, &l,
				     &total);
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	size_t from = rep_id ? pg.offset : 0;
	for (size_t i = from; i < l.n && json_array_size(items) < pg.limit; i++) {
		struct person rep = { l.items[i].rep_id, r->me.org_id, l.items[i].rep_team_id };
		if (access_one_on_one_see(&r->viewer, &rep))
			json_array_append_new(items, summary_json(&l.items[i]));
	}
	api_list(r, items, (size_t)total, &pg);
}

void api_one_on_ones_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	int64_t rep_id = api_int(r, "rep_id", &bad);
	const char *on = api_date(r, "scheduled_on", &bad);
	if (bad)
		return;
	if (rep_id <= 0) {
		api_invalid(r, "rep_id", T("Choose a rep."));
		return;
	}
	if (!on) {
		api_invalid(r, "scheduled_on", T("Enter a date, such as 2026-12-07."));
		return;
	}
	if (!ooo_rep_load_or_reply(r, rep_id, NEED_CHANGE))
		return;
	int64_t id;
	struct one_on_one m;
	enum err e = ooo_create(r->db, r->me.org_id, rep_id, r->me.user_id, on, &id);
	if (!e)
		e = ooo_get(r->db, r->a, r->me.org_id, id, &m);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *o = full_json(r, &m);
	if (o)
		api_reply(r, 201, o);
}

void api_one_on_one_get(struct request *r)
{
	struct one_on_one *m = ooo_load_or_reply(r, r->id, NEED_SEE);
	if (!m)
		return;
	json_t *o = full_json(r, m);
	if (o)
		api_reply(r, 200, o);
}

void api_one_on_one_update(struct request *r)
{
	if (api_body(r))
		return;
	struct one_on_one *m = ooo_load_or_reply(r, r->id, NEED_CHANGE);
	if (!m)
		return;
	int bad = 0;
	const char *shared = api_str(r, "shared_notes", &bad);
	const char *priv = api_str(r, "private_notes", &bad);
	const char *on = api_date(r, "scheduled_on", &bad);
	const char *status = api_str(r, "status", &bad);
	const char *held_on = api_date(r, "held_on", &bad);
	if (bad)
		return;
	const char *msg;
	if (shared && (msg = validate_notes(shared, OOO_NOTES_MAX))) {
		api_invalid(r, "shared_notes", T(msg));
		return;
	}
	if (priv && (msg = validate_notes(priv, OOO_NOTES_MAX))) {
		api_invalid(r, "private_notes", T(msg));
		return;
	}
	if (status && strcmp(status, "held")) {
		api_invalid(r, "status", T("A one-on-one can be marked held."));
		return;
	}
	char today[11];
	today_date(today);
	if (held_on && strcmp(held_on, today) > 0) {
		api_invalid(r, "held_on", T("A one-on-one cannot be held in the future."));
		return;
	}
	if ((on || status) && strcmp(m->status, "planned")) {
		api_conflict(r, on ? "scheduled_on" : "status", T("This one-on-one is not planned any more."));
		return;
	}
	enum err e = E_OK;
	if (shared || priv)
		e = ooo_notes_set(r->db, r->me.org_id, m->id, shared, priv);
	if (!e && on)
		e = ooo_reschedule(r->db, r->me.org_id, m->id, on);
	if (!e && status)
		e = ooo_mark_held(r->db, r->me.org_id, m->id, held_on ? held_on : today);
	if (e == E_CONFLICT) {
		api_conflict(r, "status", T("This one-on-one is not planned any more."));
		return;
	}
	if (!e)
		e = ooo_get(r->db, r->a, r->me.org_id, m->id, m);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *o = full_json(r, m);
	if (o)
		api_reply(r, 200, o);
}

void api_one_on_one_points_create(struct request *r)
{
	if (api_body(r))
		return;
	struct one_on_one *m = ooo_load_or_reply(r, r->id, NEED_SEE);
	if (!m)
		return;
	int bad = 0;
	const char *section = api_str(r, "section", &bad);
	const char *text = api_str(r, "text", &bad);
	if (bad)
		return;
	struct person rep = { m->rep_id, r->me.org_id, m->rep_team_id };
	int is_rep = r->me.user_id == m->rep_id;
	if (!section)
		section = is_rep ? "rep" : "";
	if (ooo_section_index(section) < 0 || !access_one_on_one_point(&r->viewer, &rep, section)) {
		api_invalid(r, "section", is_rep ? T("The rep adds their own points (section rep).")
						 : T("Choose a section of the agenda."));
		return;
	}
	const char *msg = !text || !*text ? T("Write something here.") : validate_notes(text, OOO_TEXT_MAX);
	if (msg) {
		api_invalid(r, "text", T(msg));
		return;
	}
	int64_t id;
	enum err e = ooo_point_add(r->db, r->me.org_id, m->id, r->me.user_id, section, text, &id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 201, json_pack("{s:I, s:I, s:s, s:s, s:I}", "id", (json_int_t)id, "meeting_id", (json_int_t)m->id,
				    "section", section, "text", text, "author_id", (json_int_t)r->me.user_id));
}

void api_one_on_one_actions_create(struct request *r)
{
	if (api_body(r))
		return;
	struct one_on_one *m = ooo_load_or_reply(r, r->id, NEED_SEE);
	if (!m)
		return;
	int bad = 0;
	const char *what = api_str(r, "what", &bad);
	int64_t owner = api_int(r, "owner_id", &bad);
	const char *due = api_date(r, "due", &bad);
	if (bad)
		return;
	const char *msg = !what || !*what ? T("Write something here.") : validate_notes(what, OOO_TEXT_MAX);
	if (msg) {
		api_invalid(r, "what", T(msg));
		return;
	}
	if (!owner)
		owner = m->rep_id;
	if (owner != m->rep_id && owner != m->manager_id) {
		api_invalid(r, "owner_id", T("Choose the rep or the manager."));
		return;
	}
	int64_t id;
	struct ooo_action x;
	enum err e = ooo_action_add(r->db, r->me.org_id, m->id, m->rep_id, owner, what, due, &id);
	if (!e)
		e = ooo_action_get(r->db, r->a, r->me.org_id, id, &x);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 201, action_json(&x, m->id));
}

void api_one_on_one_action_update(struct request *r)
{
	if (api_body(r))
		return;
	struct one_on_one *m = ooo_load_or_reply(r, r->id, NEED_SEE);
	if (!m)
		return;
	struct ooo_action x;
	enum err e = ooo_action_get(r->db, r->a, r->me.org_id, r->id2, &x);
	if (e == E_NOTFOUND || (!e && x.rep_id != m->rep_id)) {
		resp_error(r, E_NOTFOUND, T("There is no such action."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *done = r->json ? json_object_get(r->json, "done") : NULL;
	if (!done || !json_is_true(done)) {
		api_invalid(r, "done", T("Send done: true to tick the action done."));
		return;
	}
	char today[11];
	today_date(today);
	e = ooo_action_done(r->db, r->me.org_id, x.id, m->id, today);
	if (e && e != E_CONFLICT) {
		api_store_error(r, e);
		return;
	}
	if ((e = ooo_action_get(r->db, r->a, r->me.org_id, x.id, &x))) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, action_json(&x, m->id));
}
