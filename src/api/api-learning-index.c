/*
 * api-learning-index: the achievement-orientation index (GET
 * /api/v1/learning-index?rep=ID or ?team=ID), issue 9 — the same figures
 * as the pages (web/learningindex.c), under the same rules:
 *   ?rep=   one rep's index and its parts and hours per month by origin:
 *           the rep and whoever leads the rep's team
 *           (access_learning_index_see); without rep= or team=, the caller
 *   ?team=  the team's hours per month by origin (its members, its
 *           managers, the admins: access_learning_team_aggregate); with
 *           each rep's index, attainment and the superstars' comparison
 *           for whoever leads the team only (access_learning_team_reps)
 * A figure that does not exist (attainment without a target, a share
 * without superstars) is null, never 0.
 */
#include "api.h"
#include "../web/load.h"
#include "../web/learningindex.h"
#include <math.h>
#include <string.h>

static json_t *window_json(const char *from, const char *to)
{
	return json_pack("{s:s, s:s, s:i}", "from", from, "to", to, "months", LI_MONTHS);
}

static json_t *formula_json(void)
{
	return json_pack("{s:f, s:f, s:f, s:i, s:s}", "self_share_weight", 0.4, "regularity_weight", 0.4,
			 "reflection_weight", 0.2, "high_from", LI_HIGH,
			 "text", "round(100 × (0.4·S + 0.4·M + 0.2·R)); S = self-initiated hours / all hours, M = months "
				 "with a self-initiated activity / 12, R = activities with a reflection / all activities");
}

void api_learning_index(struct request *r)
{
	int64_t rep_id, team_id;
	if (api_query_id(r, "rep", &rep_id) || api_query_id(r, "team", &team_id))
		return;
	if (rep_id && team_id) {
		api_invalid(r, "team", T("Ask for a rep or a team, not both."));
		return;
	}
	if (!team_id) {
		struct user *u = learning_index_rep_load_or_reply(r, rep_id ? rep_id : r->me.user_id);
		if (!u)
			return;
		struct li_rep x;
		enum err e = li_rep_load(r, u, &x);
		if (e) {
			api_store_error(r, e);
			return;
		}
		char from[11], to[11];
		li_window(r, from, to);
		json_t *v = li_rep_json(&x, 0);
		json_object_set_new(v, "window", window_json(from, to));
		json_object_set_new(v, "formula", formula_json());
		json_object_set_new(v, "months", li_months_json(from, (const long(*)[LI_ORIGINS])x.in.minutes));
		api_reply(r, 200, v);
		return;
	}
	struct team *t = learning_index_team_load_or_reply(r, team_id);
	if (!t)
		return;
	int reps_shown = access_learning_team_reps(&r->viewer, t->org_id, t->id);
	struct li_team lt;
	enum err e = li_team_load(r, &t->id, 1, reps_shown, &lt);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *v = json_pack("{s:{s:I, s:s}, s:o, s:o, s:I, s:o}", "team", "id", (json_int_t)t->id, "name", t->name,
			      "window", window_json(lt.from, lt.to), "formula", formula_json(), "members",
			      (json_int_t)lt.members, "months", li_months_json(lt.from, (const long(*)[LI_ORIGINS])lt.minutes));
	if (reps_shown) {
		json_t *reps = json_array();
		json_t *lists[3] = { json_array(), json_array(), json_array() };
		for (size_t i = 0; i < lt.n; i++) {
			json_array_append_new(reps, li_rep_json(&lt.reps[i], 1));
			json_array_append_new(lists[li_classify(&lt.reps[i].x)], json_string(lt.reps[i].name));
		}
		json_object_set_new(v, "reps", reps);
		json_object_set_new(v, "from_within", lists[0]);
		json_object_set_new(v, "mandatory_only", lists[1]);
		json_object_set_new(v, "rest", lists[2]);
		json_object_set_new(v, "attainment_period", json_string(lt.quarter.label));
		json_object_set_new(v, "superstars",
				    json_pack("{s:I, s:I, s:o, s:b, s:i, s:i}", "n", (json_int_t)lt.stars.n, "high",
					      (json_int_t)lt.stars.k, "share",
					      lt.stars.enough ? json_real(round(lt.stars.share * 10000) / 10000) : json_null(),
					      "enough", lt.stars.enough, "minimum", LI_STARS_MIN, "claim_pct", LI_CLAIM_PCT));
	}
	api_reply(r, 200, v);
}
