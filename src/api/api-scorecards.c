/*
 * api-scorecards: interviews and their scorecards (issue 11, part 3) under
 * the rules of the pages (web/page-scorecards.c; domain/access.c
 * access_scorecard*).
 *
 *   POST  /api/v1/interviews            {candidate_id, held_on, kind,
 *         interviewers: [user ids]}: 201 with the interview's scorecards,
 *         or 400 naming the field; whoever sees the candidate whole
 *   GET   /api/v1/scorecards?candidate_id=   the candidate's scorecards the
 *         caller may see (limit/offset): another's scores only when
 *         access_scorecard allows, else its interviewer and status only
 *   GET   /api/v1/scorecards/:id        one
 *   PUT   /api/v1/scorecards/:id        (PATCH alike) the caller's own draft:
 *         {scores: [{trait_id, score 1-5 or null to clear, evidence}],
 *         recommendation}: only the traits given change; 400 naming the
 *         field (scores[i].score …), 409 once submitted
 *   POST  /api/v1/scorecards/:id/submit   400 naming what is missing
 *   POST  /api/v1/scorecards/:id/reopen   whoever sees the candidate whole
 */
#include "api.h"
#include "../web/pages.h"
#include "../web/recruitui.h"
#include "../web/scorecardsui.h"
#include "../web/ui.h"
#include "../domain/scorecards.h"
#include "../lib/util.h"
#include <string.h>

static json_t *scorecard_json(struct request *r, const struct scorecard *s, enum scorecard_view view)
{
	json_t *o = json_pack("{s:I, s:I, s:I, s:{s:I, s:s}, s:s, s:s, s:s, s:i}", "id", (json_int_t)s->id,
			      "interview_id", (json_int_t)s->interview_id, "candidate_id", (json_int_t)s->candidate_id,
			      "interviewer", "id", (json_int_t)s->interviewer_id, "name", s->interviewer_name,
			      "held_on", s->held_on, "kind", s->kind, "status", s->status, "reopened", s->reopened);
	json_object_set_new(o, "submitted_at", s->submitted_at ? api_time(s->submitted_at) : json_null());
	if (view != SCORECARD_SCORES) {
		json_object_set_new(o, "scores_hidden", json_true());
		return o;
	}
	json_object_set_new(o, "recommendation", api_text_or_null(s->recommendation));
	json_t *arr = json_array();
	for (size_t i = 0; i < s->nscores; i++)
		json_array_append_new(arr, json_pack("{s:I, s:i, s:s}", "trait_id", (json_int_t)s->scores[i].trait_id,
						     "score", s->scores[i].score, "evidence", s->scores[i].evidence));
	json_object_set_new(o, "scores", arr);
	return o;
}

static int load(struct request *r, struct scorecard *s, struct sc_ctx *x, enum scorecard_view *view)
{
	enum err e = sc_load(r, r->id, s, x, view);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such scorecard."));
		return -1;
	}
	if (e) {
		api_store_error(r, e);
		return -1;
	}
	return 0;
}

void api_scorecards_list(struct request *r)
{
	if (!recruiting_nav_shown(r)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	struct api_page pg;
	int64_t cid = 0;
	if (api_paging(r, &pg) || api_query_id(r, "candidate_id", &cid))
		return;
	if (cid <= 0) {
		api_invalid(r, "candidate_id", T("Name the candidate: ?candidate_id=."));
		return;
	}
	struct sc_ctx x;
	enum err e = sc_ctx_load(r, cid, &x);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such candidate."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct scorecard *sc;
	size_t n;
	if ((e = scorecard_list(r->db, r->a, r->me.org_id, cid, &sc, &n))) {
		api_store_error(r, e);
		return;
	}
	json_t *arr = json_array();
	size_t total = 0;
	for (size_t k = 0; k < n; k++) {
		enum scorecard_view v = sc_view(r, &x, &sc[k]);
		if (v == SCORECARD_NONE)
			continue;
		if (total >= pg.offset && json_array_size(arr) < pg.limit)
			json_array_append_new(arr, scorecard_json(r, &sc[k], v));
		total++;
	}
	api_list(r, arr, total, &pg);
}

void api_scorecard_get(struct request *r)
{
	struct scorecard s;
	struct sc_ctx x;
	enum scorecard_view view;
	if (load(r, &s, &x, &view))
		return;
	api_reply(r, 200, scorecard_json(r, &s, view));
}

/* the scorecard again, as the caller now sees it */
static void reply_again(struct request *r, int64_t id, int status)
{
	struct scorecard s;
	struct sc_ctx x;
	enum scorecard_view view;
	if (load(r, &s, &x, &view))
		return;
	api_reply(r, status, scorecard_json(r, &s, view));
}

/* what a fault of sc_save is called in the body */
static const char *err_field(struct request *r, const struct scorecard_error *e, size_t given)
{
	if (!strcmp(e->field, "recommendation"))
		return "recommendation";
	if (e->trait < given)
		return arena_printf(r->a, "scores[%zu].%s", e->trait, e->field);
	return "scores";
}

static void save(struct request *r, int submit)
{
	struct scorecard s;
	struct sc_ctx x;
	enum scorecard_view view;
	if (load(r, &s, &x, &view))
		return;
	struct scorecard_ref ref = sc_ref(r, &s);
	if (!access_scorecard_edit(&r->viewer, x.cv, &ref)) {
		if (s.interviewer_id == r->me.user_id)
			api_conflict(r, "status", T("This scorecard is submitted: it no longer changes unless it is reopened."));
		else
			resp_error(r, E_FORBIDDEN, T("Only its interviewer fills in a scorecard."));
		return;
	}
	size_t n = 0;
	const struct trait **tp = NULL;
	int *scores = NULL;
	const char **ev = NULL;
	const char *rec = NULL;
	if (!submit || r->json) {
		if (api_body(r))
			return;
		int bad = 0;
		rec = api_str(r, "recommendation", &bad);
		if (bad)
			return;
		if (api_has(r, "recommendation") && !rec)
			rec = "";
		json_t *arr = json_object_get(r->json, "scores");
		if (arr && !json_is_array(arr)) {
			api_invalid(r, "scores", T("The field 'scores' must be a list of {trait_id, score, evidence}."));
			return;
		}
		struct trait_list l;
		enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ACTIVE, &l);
		if (e) {
			api_store_error(r, e);
			return;
		}
		size_t m = arr ? json_array_size(arr) : 0;
		tp = arena_allocarray(r->a, m + 1, sizeof(*tp));
		scores = arena_allocarray(r->a, m + 1, sizeof(int));
		ev = arena_allocarray(r->a, m + 1, sizeof(char *));
		for (size_t i = 0; i < m; i++) {
			json_t *it = json_array_get(arr, i), *tid = json_object_get(it, "trait_id"),
			       *sv = json_object_get(it, "score"), *evv = json_object_get(it, "evidence");
			const struct trait *t = json_is_integer(tid) ? trait_find(&l, (int64_t)json_integer_value(tid)) : NULL;
			if (!json_is_object(it) || !t) {
				api_invalid(r, arena_printf(r->a, "scores[%zu].trait_id", i),
					    T("There is no such active trait in your organisation."));
				return;
			}
			for (size_t k = 0; k < n; k++)
				if (tp[k] == t) {
					api_invalid(r, arena_printf(r->a, "scores[%zu].trait_id", i), T("A trait is given twice."));
					return;
				}
			if (sv && !json_is_null(sv) && !json_is_integer(sv)) {
				api_invalid(r, arena_printf(r->a, "scores[%zu].score", i),
					    T("A score is a whole number from 1 to 5."));
				return;
			}
			if (evv && !json_is_null(evv) && !json_is_string(evv)) {
				api_invalid(r, arena_printf(r->a, "scores[%zu].evidence", i),
					    arena_printf(r->a, T("The field '%s' must be a string."), "evidence"));
				return;
			}
			json_int_t v = json_is_integer(sv) ? json_integer_value(sv) : 0;
			tp[n] = t;
			scores[n] = v < 0 || v > 5 || (json_is_integer(sv) && v == 0) ? -1 : (int)v;
			ev[n] = json_is_string(evv) ? str_trim(arena_strdup(r->a, json_string_value(evv))) : "";
			/* evidence not given keeps the stored one */
			if (!json_is_string(evv))
				for (size_t k = 0; k < s.nscores; k++)
					if (s.scores[k].trait_id == t->id)
						ev[n] = s.scores[k].evidence;
			n++;
		}
	}
	struct scorecard_error errs[2 * TRAITS_MAX + 2];
	size_t nerr = 0;
	enum err e = sc_save(r, &s, tp, n, scores, ev, rec, submit, errs, sizeof(errs) / sizeof(errs[0]), &nerr);
	if (e == E_CONFLICT) {
		api_conflict(r, "status", T("This scorecard is submitted: it no longer changes unless it is reopened."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (nerr) {
		api_invalid(r, err_field(r, &errs[0], n), T(errs[0].message));
		return;
	}
	reply_again(r, s.id, 200);
}

void api_scorecard_update(struct request *r)
{
	save(r, 0);
}

void api_scorecard_submit(struct request *r)
{
	save(r, 1);
}

void api_scorecard_reopen(struct request *r)
{
	struct scorecard s;
	struct sc_ctx x;
	enum scorecard_view view;
	if (load(r, &s, &x, &view))
		return;
	struct scorecard_ref ref = sc_ref(r, &s);
	if (!access_scorecard_reopen(&r->viewer, x.cv, &ref)) {
		if (x.cv == CANDIDATE_WHOLE && strcmp(s.status, "submitted"))
			api_conflict(r, "status", T("This scorecard is a draft: there is nothing to reopen."));
		else
			resp_error(r, E_FORBIDDEN, T("A scorecard is reopened by whoever manages recruiting for the candidate."));
		return;
	}
	enum err e = scorecard_reopen(r->db, r->me.org_id, s.id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_again(r, s.id, 200);
}

void api_interviews_create(struct request *r)
{
	/* only a manager or an admin ever sees a candidate whole: nobody
	 * else gets as far as the body */
	if (!access_recruiting_pool(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	if (api_body(r))
		return;
	int bad = 0;
	int64_t cid = api_int(r, "candidate_id", &bad);
	const char *held_on = api_str(r, "held_on", &bad);
	const char *kind = api_str(r, "kind", &bad);
	if (bad)
		return;
	if (cid <= 0) {
		api_invalid(r, "candidate_id", T("Name the candidate: candidate_id."));
		return;
	}
	struct sc_ctx x;
	enum err e = sc_ctx_load(r, cid, &x);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such candidate."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct candidate_ref ref = recruit_ref(&x.cand);
	if (!access_interview_add(&r->viewer, &ref)) {
		resp_error(r, E_FORBIDDEN, T("Interviews are scheduled by whoever manages recruiting for this candidate."));
		return;
	}
	json_t *arr = json_object_get(r->json, "interviewers");
	if (!json_is_array(arr)) {
		api_invalid(r, "interviewers", T("Choose at least one interviewer."));
		return;
	}
	size_t m = json_array_size(arr);
	int64_t *who = arena_allocarray(r->a, m + 1, sizeof(int64_t));
	for (size_t i = 0; i < m; i++) {
		json_t *v = json_array_get(arr, i);
		if (!json_is_integer(v)) {
			api_invalid(r, "interviewers", T("Choose active colleagues of your organisation as interviewers."));
			return;
		}
		who[i] = (int64_t)json_integer_value(v);
	}
	if (!kind)
		kind = "interview";
	const char *field = NULL;
	const char *msg = sc_interview_check(r, held_on, kind, who, m, &field);
	if (msg) {
		api_invalid(r, field, msg);
		return;
	}
	struct interview_new in = { cid, x.cand.vacancy_id, held_on, kind, r->me.user_id, who, m };
	int64_t id = 0;
	if ((e = interview_add(r->db, r->me.org_id, &in, &id))) {
		api_store_error(r, e);
		return;
	}
	struct scorecard *sc;
	size_t n;
	if ((e = scorecard_list(r->db, r->a, r->me.org_id, cid, &sc, &n))) {
		api_store_error(r, e);
		return;
	}
	json_t *cards = json_array();
	for (size_t k = 0; k < n; k++)
		if (sc[k].interview_id == id)
			json_array_append_new(cards, json_pack("{s:I, s:I, s:s}", "id", (json_int_t)sc[k].id,
							       "interviewer_id", (json_int_t)sc[k].interviewer_id, "status",
							       sc[k].status));
	api_reply(r, 201, json_pack("{s:I, s:I, s:s, s:s, s:o}", "id", (json_int_t)id, "candidate_id", (json_int_t)cid,
				    "held_on", held_on, "kind", kind, "scorecards", cards));
}
