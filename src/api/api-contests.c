/*
 * api-contests: leaderboards and contests (issue 10), under the rules of
 * the pages (web/page-contests.c; domain/access.c access_leaderboard_*,
 * access_contest_*), and with the same revenue setting per team.
 *
 *   GET    /api/v1/leaderboards     ?team=&figure=&base=&mode=&period= (or
 *          from=&to=): the standings and the team totals standing in for
 *          reps whose revenue is hidden
 *   GET    /api/v1/contests         the contests the caller may see
 *   POST   /api/v1/contests         {name, figure, base, mode, starts_on,
 *          ends_on, minimum, prize, teams: [ids]}: 201, or 400 naming the
 *          field, nothing stored
 *   GET    /api/v1/contests/:id     the contest with its standings (live, or
 *          final once frozen)
 *   PATCH  /api/v1/contests/:id     the same fields (all of them); 409 once frozen
 *   DELETE /api/v1/contests/:id
 */
#include "api.h"
#include "../web/contestsui.h"
#include "../web/ui.h"
#include "../lib/util.h"
#include <string.h>

/* a failed load or question as JSON */
static void api_fail(struct request *r, enum err e, const char *field, const char *msg)
{
	if (e == E_INVALID && field)
		api_invalid(r, field, msg);
	else if (msg)
		resp_error(r, e, msg);
	else
		api_store_error(r, e);
}

static int load(struct request *r, enum access_need need, struct contest *k)
{
	const char *msg;
	enum err e = contest_load(r, r->id, need, k, &msg);
	if (e)
		api_fail(r, e, NULL, msg);
	return e != E_OK;
}

void api_leaderboards(struct request *r)
{
	struct lb_view v;
	enum err le = lb_view_read(r, &v);
	if (le) {
		api_fail(r, le, v.e_field, v.e_msg);
		return;
	}
	struct leaderboard lb;
	enum err e = leaderboard_compute(r->db, r->a, r->me.org_id, &v.q, &lb);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *o = lb_json(r, v.q.figure, v.q.base, &lb);
	json_object_set_new(o, "team", v.team_id ? json_pack("{s:I, s:s, s:b}", "id", (json_int_t)v.team_id, "name",
							      v.team_name, "shows_revenue", v.team_shows_revenue)
						 : json_null());
	json_object_set_new(o, "mode", json_string(v.q.team_mode ? "team" : "individual"));
	json_object_set_new(o, "from", json_string(v.from));
	json_object_set_new(o, "to", json_string(v.to));
	api_reply(r, 200, o);
}

static json_t *contest_json(struct request *r, const struct contest *k)
{
	json_t *teams = json_array();
	for (size_t i = 0; i < k->nteams; i++)
		json_array_append_new(teams, json_pack("{s:I, s:s}", "id", (json_int_t)k->team_ids[i], "name",
						       k->team_names ? k->team_names[i] : ""));
	enum contest_state s = contest_state_of(k->starts_on, k->ends_on, ui_today(r), k->frozen_at != 0);
	json_t *o = json_pack("{s:I, s:s, s:s, s:o, s:s, s:s, s:s, s:I, s:s, s:o, s:s, s:o}", "id", (json_int_t)k->id,
			      "name", k->name, "figure", k->figure, "base", *k->base ? json_string(k->base) : json_null(),
			      "mode", k->mode, "starts_on", k->starts_on, "ends_on", k->ends_on, "minimum",
			      (json_int_t)k->min_conversations, "prize", k->prize, "teams", teams, "state",
			      contest_state_codes[s], "created_by",
			      json_pack("{s:I, s:s}", "id", (json_int_t)k->created_by, "name",
					k->created_by_name ? k->created_by_name : ""));
	if (k->frozen_at)
		json_object_set_new(o, "frozen_on", json_string(k->frozen_on));
	return o;
}

void api_contests_list(struct request *r)
{
	size_t frozen;
	struct contest *ks;
	size_t n;
	enum err e = contests_sweep(r->db, r->a, r->me.org_id, ui_today(r), &frozen);
	if (e || (e = contests_list(r->db, r->a, r->me.org_id, &ks, &n))) {
		api_store_error(r, e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		struct contest_ref ref = { r->me.org_id, ks[i].team_ids, ks[i].nteams };
		if (access_contest_see(&r->viewer, &ref))
			json_array_append_new(arr, contest_json(r, &ks[i]));
	}
	api_reply(r, 200, json_pack("{s:o}", "items", arr));
}

/* the fields of the body: 0, or -1 with the reply written */
static int read_body(struct request *r, struct contest_fields *f)
{
	memset(f, 0, sizeof(*f));
	int bad = 0;
	f->name = api_str(r, "name", &bad);
	f->figure = api_str(r, "figure", &bad);
	f->base = api_str(r, "base", &bad);
	f->mode = api_str(r, "mode", &bad);
	f->starts_on = api_str(r, "starts_on", &bad);
	f->ends_on = api_str(r, "ends_on", &bad);
	f->prize = api_str(r, "prize", &bad);
	if (bad)
		return -1;
	if (f->name)
		f->name = str_trim(arena_strdup(r->a, f->name));
	json_t *min = r->json ? json_object_get(r->json, "minimum") : NULL;
	if (min && json_is_integer(min))
		f->minimum = arena_printf(r->a, "%lld", (long long)json_integer_value(min));
	else if (min && !json_is_null(min)) {
		api_invalid(r, "minimum", T("The minimum is a whole number of conversations."));
		return -1;
	}
	json_t *teams = r->json ? json_object_get(r->json, "teams") : NULL;
	if (teams && !json_is_array(teams)) {
		api_invalid(r, "teams", T("Choose at least one team taking part."));
		return -1;
	}
	size_t n = teams ? json_array_size(teams) : 0;
	if (n > CONTEST_TEAMS_MAX)
		n = CONTEST_TEAMS_MAX;
	f->team_ids = arena_alloc(r->a, (n ? n : 1) * sizeof(int64_t));
	for (size_t i = 0; i < n; i++) {
		json_t *t = json_array_get(teams, i);
		f->team_ids[f->nteams++] = json_is_integer(t) ? (int64_t)json_integer_value(t) : 0;
	}
	return 0;
}

/* checks the fields; 0 with *k filled, or -1 with the reply written */
static int check(struct request *r, const struct contest_fields *f, struct contest *k)
{
	struct contest_field_error errs[CONTEST_ERRORS_MAX];
	size_t nerr = 0;
	enum err e = contest_fields_check(r, f, errs, &nerr, k);
	if (e) {
		api_store_error(r, e);
		return -1;
	}
	if (nerr) {
		api_invalid(r, errs[0].field, T(errs[0].message));
		return -1;
	}
	return 0;
}

static void reply_contest(struct request *r, int status, int64_t id)
{
	struct contest k;
	struct leaderboard lb;
	enum err e = contest_get(r->db, r->a, r->me.org_id, id, &k);
	if (!e)
		e = contest_standings_read(r->db, r->a, r->me.org_id, &k, ui_today(r), &lb);
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct lb_query q;
	contest_query(&k, ui_today(r), &q);
	json_t *o = contest_json(r, &k);
	json_t *s = lb_json(r, q.figure, q.base, &lb);
	json_object_set(o, "standings", json_object_get(s, "standings"));
	json_object_set(o, "team_totals", json_object_get(s, "team_totals"));
	json_object_set(o, "currency", json_object_get(s, "currency"));
	json_decref(s);
	api_reply(r, status, o);
}

void api_contests_create(struct request *r)
{
	if (!access_contest_create(&r->viewer, r->me.org_id)) {
		resp_error(r, E_FORBIDDEN, T("Contests are created by admins and by managers of a team."));
		return;
	}
	if (api_body(r))
		return;
	struct contest_fields f;
	struct contest k;
	if (read_body(r, &f) || check(r, &f, &k))
		return;
	int64_t id = 0;
	enum err e;
	if ((e = db_begin(r->db)) || (e = contest_create(r->db, r->me.org_id, &k, &id)) || (e = db_commit(r->db))) {
		db_rollback(r->db);
		api_store_error(r, e);
		return;
	}
	reply_contest(r, 201, id);
}

void api_contest_get(struct request *r)
{
	struct contest k;
	if (load(r, NEED_SEE, &k))
		return;
	reply_contest(r, 200, k.id);
}

void api_contest_update(struct request *r)
{
	struct contest k;
	if (load(r, NEED_CHANGE, &k))
		return;
	if (api_body(r))
		return;
	struct contest_fields f;
	struct contest upd;
	if (read_body(r, &f) || check(r, &f, &upd))
		return;
	upd.id = k.id;
	enum err e;
	if ((e = db_begin(r->db)) || (e = contest_update(r->db, r->me.org_id, &upd)) || (e = db_commit(r->db))) {
		db_rollback(r->db);
		if (e == E_CONFLICT)
			api_conflict(r, "ends_on", T("The contest has ended and its standings are final: it cannot be changed."));
		else
			api_store_error(r, e);
		return;
	}
	reply_contest(r, 200, k.id);
}

void api_contest_delete(struct request *r)
{
	struct contest k;
	if (load(r, NEED_CHANGE, &k))
		return;
	enum err e;
	if ((e = db_begin(r->db)) || (e = contest_delete(r->db, r->me.org_id, k.id)) || (e = db_commit(r->db))) {
		db_rollback(r->db);
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, json_pack("{s:b}", "deleted", 1));
}
