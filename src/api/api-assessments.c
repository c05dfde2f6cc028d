/*
 * api-assessments: the competency framework and assessments (issue 8).
 *
 *   GET   /api/v1/traits                        every member: the framework, retired ones flagged
 *   POST  /api/v1/traits                        admins: add a trait
 *   PATCH /api/v1/traits/:id                    admins: rename, anchors, position, retire/restore
 *   GET   /api/v1/assessments[?rep=]            the forms the caller may see (theirs, and of the reps they lead)
 *   GET   /api/v1/assessments/:id               one form with its scores, if visible
 *   PUT   /api/v1/assessments/:id/scores        the rater replaces the scores of a draft
 *   POST  /api/v1/assessments/:id/submit        the rater submits it
 *   GET   /api/v1/assessment-rounds             rounds the caller opened or leads
 *   POST  /api/v1/assessment-rounds             open one (a team's or one rep's)
 *   POST  /api/v1/assessment-rounds/:id/close   no more ratings
 *   POST  /api/v1/assessment-rounds/:id/peers   invite a peer to rate a rep
 *
 * The rights are the pages' (domain/access.c through web/load.c); a score
 * follows domain/assessments.c. Bad input answers 400 naming the field, with
 * nothing stored. A score may carry observation_id, the field-coaching
 * observation its evidence was pulled from, checked like the form's
 * (web/load.c obs_evidence_check), never trusted.
 */
#include "api.h"
#include "../web/load.h"
#include "../store/traits.h"
#include "../store/assessments.h"
#include "../store/users.h"
#include "../store/teams.h"
#include "../domain/assessments.h"
#include "../domain/validate.h"
#include "../lib/util.h"
#include <string.h>

#define EVIDENCE_MAX 2000
#define TRAIT_TEXT_MAX 1000
#define TRAIT_POSITION_MAX 1000000

static json_t *trait_json(const struct trait *t)
{
	json_t *subs = json_array();
	for (size_t i = 0; i < t->nsubskills; i++) {
		const struct subskill *s = &t->subskills[i];
		json_array_append_new(subs, json_pack("{s:I, s:s, s:s, s:i, s:b}", "id", (json_int_t)s->id, "name", s->name,
						      "definition", s->definition, "position", s->position,
						      "retired", s->retired_at != 0));
	}
	return json_pack("{s:I, s:o, s:s, s:s, s:{s:s, s:s, s:s}, s:i, s:b, s:o}", "id", (json_int_t)t->id, "code",
			 api_text_or_null(t->code), "name", t->name, "definition", t->definition, "anchors", "1",
			 t->anchor1, "3", t->anchor3, "5", t->anchor5, "position", t->position, "retired",
			 t->retired_at != 0, "subskills", subs);
}

void api_traits_list(struct request *r)
{
	struct trait_list l;
	enum err e = trait_list(r->db, r->a, r->me.org_id, r->lang, TRAITS_ALL, &l);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(items, trait_json(&l.items[i]));
	struct api_page pg = { .limit = TRAITS_MAX, .offset = 0 };
	api_list(r, items, l.n, &pg);
}

static void reply_trait(struct request *r, int status, int64_t id)
{
	struct trait t;
	enum err e = trait_get(r->db, r->a, r->me.org_id, r->lang, id, &t);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (status == 201)
		resp_header(r, "Location", arena_printf(r->a, "/api/v1/traits/%lld", (long long)id));
	api_reply(r, status, trait_json(&t));
}

/* 0, or -1 after answering 400 naming the field */
static int check_trait(struct request *r, struct trait_input *in)
{
	const char *m;
	if (in->name)
		in->name = str_trim(arena_strdup(r->a, in->name));
	if ((m = validate_name(in->name))) {
		api_invalid(r, "name", T(m));
		return -1;
	}
	const char *texts[] = { in->definition, in->anchor1, in->anchor3, in->anchor5 };
	const char *names[] = { "definition", "anchor1", "anchor3", "anchor5" };
	for (int i = 0; i < 4; i++)
		if ((m = validate_text(texts[i], TRAIT_TEXT_MAX))) {
			api_invalid(r, names[i], T(m));
			return -1;
		}
	if (in->position < 0 || in->position > TRAIT_POSITION_MAX) {
		api_invalid(r, "position", arena_printf(r->a, T("The position is a whole number from 0 to %d."),
							TRAIT_POSITION_MAX));
		return -1;
	}
	return 0;
}

void api_traits_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	struct trait_input in = { 0 };
	in.name = api_str(r, "name", &bad);
	in.definition = api_str(r, "definition", &bad);
	in.anchor1 = api_str(r, "anchor1", &bad);
	in.anchor3 = api_str(r, "anchor3", &bad);
	in.anchor5 = api_str(r, "anchor5", &bad);
	int64_t pos = api_int(r, "position", &bad);
	if (bad)
		return;
	in.position = api_has(r, "position") ? (pos < 0 || pos > TRAIT_POSITION_MAX ? -1 : (int)pos)
		: traits_last_position(r->db, r->me.org_id, 0) + 10;
	if (check_trait(r, &in))
		return;
	int64_t id = 0;
	enum err e = trait_create(r->db, r->me.org_id, &in, &id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_trait(r, 201, id);
}

void api_trait_update(struct request *r)
{
	if (api_body(r))
		return;
	struct trait *t = trait_load_or_reply(r, r->id, NEED_CHANGE);
	if (!t)
		return;
	int bad = 0;
	/* as stored, not translated: a PATCH of one member keeps the others */
	struct trait raw;
	enum err e = trait_get(r->db, r->a, r->me.org_id, LANG_EN, t->id, &raw);
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct trait_input in = { raw.name, raw.definition, raw.anchor1, raw.anchor3, raw.anchor5, raw.position };
	if (api_has(r, "name"))
		in.name = api_str(r, "name", &bad);
	if (api_has(r, "definition"))
		in.definition = api_str(r, "definition", &bad);
	if (api_has(r, "anchor1"))
		in.anchor1 = api_str(r, "anchor1", &bad);
	if (api_has(r, "anchor3"))
		in.anchor3 = api_str(r, "anchor3", &bad);
	if (api_has(r, "anchor5"))
		in.anchor5 = api_str(r, "anchor5", &bad);
	if (api_has(r, "position")) {
		int64_t p = api_int(r, "position", &bad);
		in.position = p < 0 || p > TRAIT_POSITION_MAX ? -1 : (int)p;
	}
	json_t *ret = json_object_get(r->json, "retired");
	if (!bad && ret && !json_is_boolean(ret)) {
		api_invalid(r, "retired", T("The field 'retired' is true or false."));
		return;
	}
	if (bad || check_trait(r, &in))
		return;
	e = db_begin(r->db);
	if (!e) {
		e = trait_update(r->db, r->me.org_id, t->id, &in);
		if (!e && ret)
			e = trait_set_retired(r->db, r->me.org_id, t->id, json_is_true(ret));
		if (e)
			db_rollback(r->db);
		else
			e = db_commit(r->db);
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_trait(r, 200, t->id);
}

/* ---------------------------------------------------------------- forms */

static json_t *form_json(const struct assessment *a, const struct assessment_score_list *s)
{
	json_t *o = json_pack("{s:I, s:I, s:s, s:I, s:s, s:I, s:s, s:s, s:s, s:o}", "id", (json_int_t)a->id,
			      "round_id", (json_int_t)a->round_id, "round", a->round_name, "rep_id", (json_int_t)a->rep_id,
			      "rep", a->rep_name, "rater_id", (json_int_t)a->rater_id, "rater", a->rater_name,
			      "rater_kind", a->rater_kind, "status", a->status, "due_on", api_text_or_null(a->due_on));
	if (o && s) {
		json_t *arr = json_array();
		for (size_t i = 0; i < s->n; i++)
			json_array_append_new(arr, json_pack("{s:I, s:o, s:i, s:s, s:o}", "trait_id",
							     (json_int_t)s->items[i].trait_id, "subskill_id",
							     api_id_or_null(s->items[i].subskill_id), "score", s->items[i].score,
							     "evidence", s->items[i].evidence, "observation_id",
							     api_id_or_null(s->items[i].observation_id)));
		json_object_set_new(o, "scores", arr);
	}
	return o;
}

static int visible(struct request *r, const struct assessment *a)
{
	struct assessment_form f = load_assessment_form(a);
	return access_assessment_see(&r->viewer, &f);
}

void api_assessments_list(struct request *r)
{
	struct api_page pg;
	int64_t rep = 0;
	if (api_paging(r, &pg) || api_query_id(r, "rep", &rep))
		return;
	struct assessment_list l;
	enum err e = rep ? assessment_list(r->db, r->a, r->me.org_id, 0, rep, 0, &l)
			 : assessment_list_involving_led(r->db, r->a, r->me.org_id, r->me.user_id, &l);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	size_t total = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (!visible(r, &l.items[i]))
			continue;
		if (total++ >= pg.offset && json_array_size(items) < pg.limit)
			json_array_append_new(items, form_json(&l.items[i], NULL));
	}
	api_list(r, items, total, &pg);
}

static void reply_form(struct request *r, int64_t id)
{
	struct assessment a;
	struct assessment_score_list s;
	enum err e = assessment_get(r->db, r->a, r->me.org_id, id, &a);
	if (!e)
		e = assessment_scores(r->db, r->a, r->me.org_id, id, &s);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, form_json(&a, &s));
}

void api_assessment_get(struct request *r)
{
	struct assessment *a = assessment_load_or_reply(r, r->id, NEED_SEE);
	if (a)
		reply_form(r, a->id);
}

/* the "scores" member checked against the active framework: 0 with the
 * scores, or -1 after answering 400 naming the field */
static int read_scores(struct request *r, const struct assessment *a, const struct trait_list *l,
		       struct assessment_score **out, size_t *n)
{
	json_t *arr = json_object_get(r->json, "scores");
	if (!json_is_array(arr)) {
		api_invalid(r, "scores", T("The field 'scores' is a list of {trait_id, subskill_id, score, evidence}."));
		return -1;
	}
	size_t cap = json_array_size(arr);
	*out = arena_allocarray(r->a, cap ? cap : 1, sizeof(**out));
	*n = 0;
	for (size_t i = 0; i < cap; i++) {
		json_t *it = json_array_get(arr, i);
		json_t *jt = json_object_get(it, "trait_id"), *js = json_object_get(it, "subskill_id"),
		       *jv = json_object_get(it, "score"), *je = json_object_get(it, "evidence");
		const char *f = arena_printf(r->a, "scores[%zu]", i);
		if (!json_is_object(it) || !json_is_integer(jt)) {
			api_invalid(r, arena_printf(r->a, "%s.trait_id", f), T("Name the trait by its id."));
			return -1;
		}
		const struct trait *t = trait_find(l, (int64_t)json_integer_value(jt));
		if (!t) {
			api_invalid(r, arena_printf(r->a, "%s.trait_id", f), T("There is no such active trait."));
			return -1;
		}
		int64_t sub = 0;
		if (js && !json_is_null(js)) {
			int found = 0;
			sub = json_is_integer(js) ? (int64_t)json_integer_value(js) : -1;
			for (size_t j = 0; j < t->nsubskills; j++)
				found |= t->subskills[j].id == sub;
			if (!found) {
				api_invalid(r, arena_printf(r->a, "%s.subskill_id", f),
					    T("There is no such active sub-skill of this trait."));
				return -1;
			}
		}
		if (!json_is_integer(jv) || json_integer_value(jv) < 1 || json_integer_value(jv) > 5) {
			api_invalid(r, arena_printf(r->a, "%s.score", f), T("A score is a whole number from 1 to 5."));
			return -1;
		}
		int score = (int)json_integer_value(jv);
		const char *ev = json_is_string(je) ? json_string_value(je) : "";
		if (je && !json_is_null(je) && !json_is_string(je)) {
			api_invalid(r, arena_printf(r->a, "%s.evidence", f), T("The evidence is text."));
			return -1;
		}
		if (validate_notes(ev, EVIDENCE_MAX)) {
			api_invalid(r, arena_printf(r->a, "%s.evidence", f),
				    T("The evidence is at most 2000 characters long, without control characters."));
			return -1;
		}
		if (assessment_score_check(score, ev) == SCORE_NEEDS_EVIDENCE) {
			api_invalid(r, arena_printf(r->a, "%s.evidence", f),
				    arena_printf(r->a, T("A score of %d needs evidence: say what you saw that earns it."), score));
			return -1;
		}
		for (size_t k = 0; k < *n; k++)
			if ((*out)[k].trait_id == t->id && (*out)[k].subskill_id == sub) {
				api_invalid(r, f, T("This trait or sub-skill is scored twice."));
				return -1;
			}
		/* the observation the evidence was pulled from: checked, never trusted */
		json_t *jo = json_object_get(it, "observation_id");
		int64_t oid = 0;
		if (jo && !json_is_null(jo)) {
			enum err e = json_is_integer(jo) && json_integer_value(jo) > 0 && !sub
					     ? obs_evidence_check(r, a, (int64_t)json_integer_value(jo), t->id)
					     : E_FORBIDDEN;
			if (e && e != E_FORBIDDEN) {
				api_store_error(r, e);
				return -1;
			}
			if (e) {
				api_invalid(r, arena_printf(r->a, "%s.observation_id", f),
					    T("This is not an observation of this rep and trait that you may use as evidence."));
				return -1;
			}
			oid = (int64_t)json_integer_value(jo);
		}
		(*out)[(*n)++] = (struct assessment_score){ t->id, sub, score, ev, oid };
	}
	return 0;
}

void api_assessment_scores(struct request *r)
{
	if (api_body(r))
		return;
	struct assessment *a = assessment_load_or_reply(r, r->id, NEED_CHANGE);
	if (!a)
		return;
	struct trait_list l;
	enum err e = trait_list(r->db, r->a, r->me.org_id, LANG_EN, TRAITS_ACTIVE, &l);
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct assessment_score *sc;
	size_t n;
	if (read_scores(r, a, &l, &sc, &n))
		return;
	e = db_begin(r->db);
	if (!e) {
		e = assessment_scores_save(r->db, r->me.org_id, a->id, sc, n);
		if (e)
			db_rollback(r->db);
		else
			e = db_commit(r->db);
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_form(r, a->id);
}

void api_assessment_submit(struct request *r)
{
	struct assessment *a = assessment_load_or_reply(r, r->id, NEED_CHANGE);
	if (!a)
		return;
	struct trait_list l;
	struct assessment_score_list s;
	enum err e = trait_list(r->db, r->a, r->me.org_id, LANG_EN, TRAITS_ACTIVE, &l);
	if (!e)
		e = assessment_scores(r->db, r->a, r->me.org_id, a->id, &s);
	if (e) {
		api_store_error(r, e);
		return;
	}
	/* every active trait scored as a whole before it is final */
	for (size_t i = 0; i < l.n; i++) {
		int scored = 0;
		for (size_t k = 0; k < s.n; k++)
			scored |= s.items[k].trait_id == l.items[i].id && !s.items[k].subskill_id;
		if (!scored) {
			api_invalid(r, "scores", T("Score every trait from 1 to 5 before you submit."));
			return;
		}
	}
	e = assessment_submit(r->db, r->me.org_id, a->id);
	if (e == E_CONFLICT) {
		api_conflict(r, "status", T("This assessment was submitted already; it no longer changes."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_form(r, a->id);
}

/* ---------------------------------------------------------------- rounds */

/* a round: its name, due date and completion counts — never scores */
static json_t *round_json(const struct assessment_round *a)
{
	return json_pack("{s:I, s:s, s:o, s:o, s:s, s:o, s:s, s:I, s:I, s:I}", "id", (json_int_t)a->id, "name", a->name,
			 "team_id", api_id_or_null(a->team_id), "rep_id", api_id_or_null(a->rep_id), "opened_on", a->opened_on,
			 "due_on", api_text_or_null(a->due_on), "status", a->status, "opened_by", (json_int_t)a->opened_by,
			 "forms", (json_int_t)a->forms, "submitted", (json_int_t)a->submitted);
}

void api_rounds_list(struct request *r)
{
	struct api_page pg;
	if (api_paging(r, &pg))
		return;
	struct assessment_round_list l;
	enum err e = round_list_for(r->db, r->a, r->me.org_id, r->me.user_id, &l);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	size_t total = 0;
	for (size_t i = 0; i < l.n; i++) {
		const struct assessment_round *a = &l.items[i];
		struct assessment_round_ref ref = { .org_id = a->org_id, .team_id = a->team_id, .opened_by = a->opened_by,
						    .rep = { a->rep_id, a->rep_id ? a->org_id : 0, a->rep_team_id } };
		if (!access_round_see(&r->viewer, &ref))
			continue;
		if (total++ >= pg.offset && json_array_size(items) < pg.limit)
			json_array_append_new(items, round_json(a));
	}
	api_list(r, items, total, &pg);
}

static void reply_round(struct request *r, int status, int64_t id)
{
	struct assessment_round a;
	enum err e = round_get(r->db, r->a, r->me.org_id, id, &a);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (status == 201)
		resp_header(r, "Location", arena_printf(r->a, "/api/v1/assessment-rounds/%lld", (long long)id));
	api_reply(r, status, round_json(&a));
}

void api_rounds_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	const char *name = api_str(r, "name", &bad);
	const char *due = api_date(r, "due_on", &bad);
	int64_t team = api_int(r, "team_id", &bad), rep = api_int(r, "rep_id", &bad);
	if (bad)
		return;
	const char *m;
	char *nm = str_trim(arena_strdup(r->a, name ? name : ""));
	if ((m = validate_name(nm))) {
		api_invalid(r, "name", T(m));
		return;
	}
	if (!due) {
		api_invalid(r, "due_on", T("Enter the due date as a date (YYYY-MM-DD)."));
		return;
	}
	if (!team == !rep) {
		api_invalid(r, "team_id", T("Choose either a team or one rep."));
		return;
	}
	if (team) {
		struct team t;
		enum err e = team_get(r->db, r->a, r->me.org_id, team, &t);
		if (e && e != E_NOTFOUND) {
			api_store_error(r, e);
			return;
		}
		if (e) {
			api_invalid(r, "team_id", T("There is no such team."));
			return;
		}
		if (!access_round_open(&r->viewer, r->me.org_id, team)) {
			resp_error(r, E_FORBIDDEN, T("You may open a round only for a team you lead."));
			return;
		}
	} else {
		struct user u;
		enum err e = user_get(r->db, r->a, r->me.org_id, rep, &u);
		if (e && e != E_NOTFOUND) {
			api_store_error(r, e);
			return;
		}
		if (e || strcmp(u.role, "rep") || !u.active) {
			api_invalid(r, "rep_id", T("There is no such rep."));
			return;
		}
		struct person p = { u.id, u.org_id, u.team_id };
		if (!access_round_open_rep(&r->viewer, &p)) {
			resp_error(r, E_FORBIDDEN, T("You may open a round only for a rep of a team you lead."));
			return;
		}
	}
	char today[11];
	today_date(today);
	struct new_round nr = { .name = nm, .opened_on = today, .due_on = due, .team_id = team, .rep_id = rep,
				.opened_by = r->me.user_id };
	int64_t id = 0;
	enum err e = db_begin(r->db);
	if (!e) {
		e = round_create(r->db, r->me.org_id, &nr, &id);
		if (e)
			db_rollback(r->db);
		else
			e = db_commit(r->db);
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_round(r, 201, id);
}

void api_round_close(struct request *r)
{
	struct assessment_round *a = round_load_or_reply(r, r->id, NEED_CHANGE);
	if (!a)
		return;
	enum err e = round_close(r->db, r->me.org_id, a->id);
	if (e == E_CONFLICT) {
		api_conflict(r, "status", T("This round is closed already."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_round(r, 200, a->id);
}

void api_round_peers(struct request *r)
{
	if (api_body(r))
		return;
	struct assessment_round *a = round_load_or_reply(r, r->id, NEED_CHANGE);
	if (!a)
		return;
	int bad = 0;
	int64_t rep = api_int(r, "rep_id", &bad), peer = api_int(r, "peer_id", &bad);
	if (bad)
		return;
	if (strcmp(a->status, "open")) {
		api_invalid(r, "round", T("This round is closed: no more ratings are taken."));
		return;
	}
	struct assessment_list of_rep;
	struct user ru, pu;
	enum err e = rep > 0 ? assessment_list(r->db, r->a, r->me.org_id, a->id, rep, rep, &of_rep) : E_OK;
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (rep <= 0 || !of_rep.n || user_get(r->db, r->a, r->me.org_id, rep, &ru)) {
		api_invalid(r, "rep_id", T("This rep is not assessed in this round."));
		return;
	}
	e = peer > 0 ? user_get(r->db, r->a, r->me.org_id, peer, &pu) : E_NOTFOUND;
	if (e && e != E_NOTFOUND) {
		api_store_error(r, e);
		return;
	}
	if (e) {
		api_invalid(r, "peer_id", T("There is no such user in your organisation."));
		return;
	}
	struct person rp = { ru.id, ru.org_id, ru.team_id }, pp = { pu.id, pu.org_id, pu.team_id };
	if (!access_peer_invite(&r->viewer, &rp, &pp, pu.active)) {
		api_invalid(r, "peer_id", pu.id == ru.id ? T("A rep is not their own peer: choose a colleague.")
							 : T("Choose an active colleague."));
		return;
	}
	int64_t id = 0;
	e = assessment_invite_peer(r->db, r->me.org_id, a->id, rep, peer, r->me.user_id, &id);
	if (e == E_CONFLICT) {
		api_conflict(r, "peer_id", T("This colleague already rates this rep in this round."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	resp_header(r, "Location", arena_printf(r->a, "/api/v1/assessments/%lld", (long long)id));
	struct assessment f;
	if ((e = assessment_get(r->db, r->a, r->me.org_id, id, &f))) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 201, form_json(&f, NULL));
}
