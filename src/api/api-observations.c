/*
 * api-observations: /api/v1/observations — field-coaching observations of a
 * rep, under the same rules as the pages (web/load.c's obs_load_or_reply,
 * obs_rep_load_or_reply and obs_list_load_or_reply; domain/access.c's
 * access_observation_*): seen by the rep, whoever leads the rep's team and
 * the observer; written by whoever leads the rep's team or a team-mate.
 *
 *   GET  /api/v1/observations?rep=ID   the rep's, newest first
 *   POST /api/v1/observations          {rep_id, kind, observed_on,
 *        conversation_id, went_well, to_strengthen, agreed_action,
 *        scores: [{trait_id, subskill_id, score, seen}]}
 *   GET  /api/v1/observations/:id
 */
#include "api.h"
#include "../web/load.h"
#include "../domain/validate.h"
#include "../store/observations.h"
#include "../store/traits.h"
#include "../lib/util.h"
#include <string.h>

static json_t *obs_json(const struct observation *ob)
{
	json_t *scores = json_array();
	for (size_t i = 0; i < ob->nscores; i++) {
		const struct obs_score *s = &ob->scores[i];
		json_array_append_new(scores, json_pack("{s:I, s:o, s:o, s:s, s:s}", "trait_id", (json_int_t)s->trait_id,
							"subskill_id", api_id_or_null(s->subskill_id), "score",
							s->score ? json_integer(s->score) : json_null(), "seen", s->seen,
							"evidence", "observed"));
	}
	return json_pack("{s:I, s:I, s:s, s:I, s:s, s:o, s:s, s:s, s:s, s:s, s:s, s:o}", "id", (json_int_t)ob->id,
			 "rep_id", (json_int_t)ob->rep_id, "rep_name", ob->rep_name, "observer_id",
			 (json_int_t)ob->observer_id, "observer_name", ob->observer_name, "conversation_id",
			 api_id_or_null(ob->conversation_id), "kind", ob->kind, "observed_on", ob->observed_on, "went_well",
			 ob->went_well, "to_strengthen", ob->to_strengthen, "agreed_action", ob->agreed_action, "scores", scores);
}

void api_observations_list(struct request *r)
{
	struct api_page pg;
	int64_t rep_id = 0;
	if (api_paging(r, &pg) || api_query_id(r, "rep", &rep_id))
		return;
	if (!rep_id) {
		api_invalid(r, "rep", T("rep: choose a rep."));
		return;
	}
	if (!obs_list_load_or_reply(r, rep_id))
		return;
	struct obs_list l;
	enum err e = obs_list_rep(r->db, r->a, r->me.org_id, rep_id, NULL, NULL, &l);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = pg.offset; i < l.n && json_array_size(items) < pg.limit; i++)
		json_array_append_new(items, obs_json(&l.items[i]));
	api_list(r, items, l.n, &pg);
}

void api_observation_get(struct request *r)
{
	struct observation *ob = obs_load_or_reply(r, r->id);
	if (ob)
		api_reply(r, 200, obs_json(ob));
}

static const char *check_text(struct request *r, const char *field, const char *s)
{
	const char *msg = s ? validate_notes(s, OBS_TEXT_MAX) : NULL;
	if (msg)
		api_invalid(r, field, T(msg));
	return msg;
}

void api_observations_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	int64_t rep_id = api_int(r, "rep_id", &bad);
	int64_t conv_id = api_int(r, "conversation_id", &bad);
	const char *kind = api_str(r, "kind", &bad);
	const char *on = api_date(r, "observed_on", &bad);
	const char *went = api_str(r, "went_well", &bad);
	const char *strengthen = api_str(r, "to_strengthen", &bad);
	const char *action = api_str(r, "agreed_action", &bad);
	if (bad)
		return;
	if (rep_id <= 0) {
		api_invalid(r, "rep_id", T("Choose a rep."));
		return;
	}
	if (!kind || (strcmp(kind, "joint_call") && strcmp(kind, "ride_along"))) {
		api_invalid(r, "kind", T("Choose how you observed: joined a call or rode along."));
		return;
	}
	char today[11];
	today_date(today);
	if (!on || strcmp(on, today) > 0) {
		api_invalid(r, "observed_on", on ? T("An observation cannot be of a day in the future.")
						: T("Enter a date, such as 2026-12-07."));
		return;
	}
	if (check_text(r, "went_well", went) || check_text(r, "to_strengthen", strengthen) ||
	    check_text(r, "agreed_action", action))
		return;
	struct user *u = obs_rep_load_or_reply(r, rep_id);
	if (!u)
		return;
	if (conv_id) {
		struct conversation *cv = conversation_load_or_reply(r, conv_id, NEED_SEE);
		if (!cv)
			return;
		if (cv->rep_id != u->id) {
			api_invalid(r, "conversation_id", T("conversation: choose a conversation this rep logged."));
			return;
		}
	}
	json_t *arr = json_object_get(r->json, "scores");
	if (!json_is_array(arr) || !json_array_size(arr) || json_array_size(arr) > OBS_SCORES_MAX) {
		api_invalid(r, "scores", T("Score or describe at least one trait you observed."));
		return;
	}
	struct trait_list traits;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &traits);
	if (e) {
		api_store_error(r, e);
		return;
	}
	size_t n = json_array_size(arr);
	struct obs_score *scores = arena_allocarray(r->a, n, sizeof(*scores));
	for (size_t i = 0; i < n; i++) {
		json_t *it = json_array_get(arr, i);
		json_t *tid = json_object_get(it, "trait_id"), *sid = json_object_get(it, "subskill_id"),
		       *sc = json_object_get(it, "score"), *seen = json_object_get(it, "seen");
		const struct trait *t = json_is_integer(tid) ? trait_find(&traits, json_integer_value(tid)) : NULL;
		if (!t) {
			api_invalid(r, "scores", T("trait_id: choose one of the organisation's traits."));
			return;
		}
		int64_t sub = json_is_integer(sid) ? json_integer_value(sid) : 0;
		int found = !sub;
		for (size_t k = 0; k < t->nsubskills && !found; k++)
			found = t->subskills[k].id == sub && !t->subskills[k].retired_at;
		if (!found || (sid && !json_is_null(sid) && !json_is_integer(sid))) {
			api_invalid(r, "scores", T("subskill_id: choose one of the trait's sub-skills."));
			return;
		}
		int64_t v = json_is_integer(sc) ? json_integer_value(sc) : 0;
		if ((sc && !json_is_null(sc) && !json_is_integer(sc)) || (json_is_integer(sc) && (v < 1 || v > 5))) {
			api_invalid(r, "scores", T("A score is a whole number from 1 to 5."));
			return;
		}
		const char *seen_s = json_is_string(seen) ? json_string_value(seen) : "";
		if ((seen && !json_is_null(seen) && !json_is_string(seen)) || check_text(r, "scores", seen_s))
			return;
		for (size_t k = 0; k < i; k++)
			if (scores[k].trait_id == t->id && scores[k].subskill_id == sub) {
				api_invalid(r, "scores", T("Each trait or sub-skill once."));
				return;
			}
		scores[i] = (struct obs_score){ .trait_id = t->id, .subskill_id = sub, .score = (int)v, .seen = seen_s };
	}
	struct new_observation no = { u->id, r->me.user_id, conv_id, kind, on, went, strengthen, action, scores, n };
	int64_t id = 0;
	struct observation ob;
	e = db_begin(r->db);
	if (!e)
		e = obs_create(r->db, r->me.org_id, &no, &id);
	if (!e)
		e = db_commit(r->db);
	if (e) {
		db_rollback(r->db);
		api_store_error(r, e);
		return;
	}
	if ((e = obs_get(r->db, r->a, r->me.org_id, id, &ob))) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 201, obs_json(&ob));
}
