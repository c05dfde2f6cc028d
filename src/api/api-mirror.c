/*
 * api-mirror: the manager's own mirror (issue 10), under the rules of the
 * pages (web/page-mirror.c; domain/access.c access_mirror_self,
 * access_upward_results, access_upward_answer).
 *
 *   GET  /api/v1/manager-assessments   the caller's own self-assessments,
 *        oldest first: {items: [{id, assessed_on, scores: {skill: 1-5},
 *        evidence: {skill: text}}]}
 *   POST /api/v1/manager-assessments   {assessed_on, scores, evidence}: 201,
 *        or 400 naming the field
 *   GET  /api/v1/upward-rounds         the caller's rounds: answers, and
 *        from three answers up the average per skill and the comments
 *        (below three: averages and comments null)
 *   POST /api/v1/upward-rounds/:id/answers  {scores, comment}: 201 with
 *        nothing of the answer back; 409 when answered already
 */
#include "api.h"
#include "../web/ui.h"
#include "../domain/mirror.h"
#include "../store/mirror.h"
#include "../store/teams.h"
#include "../lib/util.h"
#include <string.h>

static json_t *assessment_json(const struct manager_assessment *m)
{
	json_t *scores = json_object(), *evidence = json_object();
	for (int k = 0; k < MIRROR_SKILLS; k++) {
		json_object_set_new(scores, mirror_skill_codes[k], json_integer(m->score[k]));
		json_object_set_new(evidence, mirror_skill_codes[k], json_string(m->evidence[k]));
	}
	return json_pack("{s:I, s:s, s:o, s:o}", "id", (json_int_t)m->id, "assessed_on", m->assessed_on, "scores",
			 scores, "evidence", evidence);
}

static int self_allowed(struct request *r)
{
	struct person me = { r->me.user_id, r->me.org_id, r->viewer.team_id };
	if (access_mirror_self(&r->viewer, &me))
		return 1;
	resp_error(r, E_FORBIDDEN, T("The mirror is for managers."));
	return 0;
}

void api_manager_assessments_list(struct request *r)
{
	if (!self_allowed(r))
		return;
	struct manager_assessment *m;
	size_t n;
	enum err e = mirror_assessments(r->db, r->a, r->me.org_id, r->me.user_id, &m, &n);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, assessment_json(&m[i]));
	api_reply(r, 200, json_pack("{s:o}", "items", arr));
}

/* the five scores of member "scores" of the body; 0, or -1 after a 400 */
static int body_scores(struct request *r, int score[MIRROR_SKILLS])
{
	json_t *s = r->json ? json_object_get(r->json, "scores") : NULL;
	for (int k = 0; k < MIRROR_SKILLS; k++) {
		json_t *v = s ? json_object_get(s, mirror_skill_codes[k]) : NULL;
		score[k] = v && json_is_integer(v) ? (int)json_integer_value(v) : 0;
		if (score[k] < 1 || score[k] > 5) {
			api_invalid(r, arena_printf(r->a, "scores.%s", mirror_skill_codes[k]),
				    arena_printf(r->a, T("%s: choose a score from 1 to 5."), T(mirror_skill_labels[k])));
			return -1;
		}
	}
	return 0;
}

void api_manager_assessments_create(struct request *r)
{
	if (!self_allowed(r) || api_body(r))
		return;
	int bad = 0;
	const char *day = api_date(r, "assessed_on", &bad);
	if (bad)
		return;
	if (!day)
		day = ui_today(r);
	if (strcmp(day, ui_today(r)) > 0) {
		api_invalid(r, "assessed_on", T("Day: give a date, today or earlier."));
		return;
	}
	int score[MIRROR_SKILLS];
	if (body_scores(r, score))
		return;
	const char *evidence[MIRROR_SKILLS];
	json_t *ev = json_object_get(r->json, "evidence");
	for (int k = 0; k < MIRROR_SKILLS; k++) {
		json_t *v = ev ? json_object_get(ev, mirror_skill_codes[k]) : NULL;
		evidence[k] = v && json_is_string(v) ? str_trim(arena_strdup(r->a, json_string_value(v))) : "";
		if (strlen(evidence[k]) > MIRROR_EVIDENCE_MAX) {
			api_invalid(r, arena_printf(r->a, "evidence.%s", mirror_skill_codes[k]),
				    arena_printf(r->a, T("Evidence: %s: at most %d characters."),
						 T(mirror_skill_labels[k]), MIRROR_EVIDENCE_MAX));
			return;
		}
	}
	int64_t id = 0;
	enum err e = mirror_assessment_add(r->db, r->me.org_id, r->me.user_id, day, score, evidence, &id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct manager_assessment m = { id, r->me.user_id, day, { 0 }, { 0 } };
	memcpy(m.score, score, sizeof(score));
	memcpy(m.evidence, evidence, sizeof(evidence));
	api_reply(r, 201, assessment_json(&m));
}

void api_upward_rounds_list(struct request *r)
{
	struct upward_round *u;
	size_t n;
	enum err e = mirror_rounds(r->db, r->a, r->me.org_id, r->me.user_id, &u, &n);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		struct upward_round_ref ref = { r->me.org_id, u[i].manager_id, !*u[i].closed_on };
		if (!access_upward_results(&r->viewer, &ref))
			continue;
		int shown = mirror_upward_visible(u[i].answers);
		json_t *avg = json_null(), *comments = json_null();
		if (shown) {
			avg = json_object();
			for (int k = 0; k < MIRROR_SKILLS; k++)
				json_object_set_new(avg, mirror_skill_codes[k],
						    json_real(mirror_average(u[i].sum[k], u[i].answers)));
			const char **c;
			size_t nc;
			if ((e = mirror_round_comments(r->db, r->a, r->me.org_id, u[i].id, &c, &nc))) {
				json_decref(avg);
				json_decref(arr);
				api_store_error(r, e);
				return;
			}
			comments = json_array();
			for (size_t j = 0; j < nc; j++)
				json_array_append_new(comments, json_string(c[j]));
		}
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s?, s:I, s:i, s:o, s:o}", "id", (json_int_t)u[i].id,
						     "opened_on", u[i].opened_on, "closed_on",
						     *u[i].closed_on ? u[i].closed_on : NULL, "answers",
						     (json_int_t)u[i].answers, "needed", MIRROR_MIN_ANSWERS, "averages",
						     avg, "comments", comments));
	}
	api_reply(r, 200, json_pack("{s:o}", "items", arr));
}

void api_upward_answer(struct request *r)
{
	struct upward_round u;
	enum err e = mirror_round_get(r->db, r->a, r->me.org_id, r->id, &u);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such round."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct team t;
	int64_t mgr = r->viewer.team_id && !team_get(r->db, r->a, r->me.org_id, r->viewer.team_id, &t) ? t.manager_id : 0;
	struct upward_round_ref ref = { r->me.org_id, u.manager_id, !*u.closed_on };
	if (!access_upward_answer(&r->viewer, &ref, mgr)) {
		resp_error(r, E_FORBIDDEN, T("Only the reps of the manager's teams answer an open round."));
		return;
	}
	if (api_body(r))
		return;
	int score[MIRROR_SKILLS];
	if (body_scores(r, score))
		return;
	int bad = 0;
	const char *comment = api_str(r, "comment", &bad);
	if (bad)
		return;
	comment = comment ? str_trim(arena_strdup(r->a, comment)) : "";
	if (strlen(comment) > MIRROR_COMMENT_MAX) {
		api_invalid(r, "comment", arena_printf(r->a, T("Comment: at most %d characters."), MIRROR_COMMENT_MAX));
		return;
	}
	e = mirror_answer(r->db, r->me.org_id, u.id, r->me.user_id, score, comment);
	if (e == E_CONFLICT) {
		api_conflict(r, "round", T("You answered this round already."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 201, json_pack("{s:I, s:b}", "round", (json_int_t)u.id, "answered", 1));
}
