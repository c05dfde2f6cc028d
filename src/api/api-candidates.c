/*
 * api-candidates: recruiting, part 1 (issue 11) — the talent pool and step
 * or stop with candidates, under the rules of the pages
 * (web/page-recruiting.c; domain/access.c access_candidate*).
 *
 *   GET  /api/v1/candidates        the candidates the caller sees (?q=, ?tag=,
 *        ?source=, ?status=); an invited interviewer only theirs, with only
 *        name, current role and vacancy; 404 to whoever sees nothing of
 *        recruiting
 *   POST /api/v1/candidates        add one (managers, admins): 201, or 400
 *        naming the field, nothing stored
 *   GET  /api/v1/candidates/:id    one candidate (the interviewer's view to
 *        an invited interviewer)
 *   GET  /api/v1/candidates/:id/conversations   the history with its steps
 *        and stops (not to an interviewer: 403)
 *   POST /api/v1/candidates/:id/conversations   log one {kind, date, notes,
 *        outcome "step"|"stop", step_what, step_due, step_who, stop_reason,
 *        stop_note, open_step}: 201, or 400 naming the field
 */
#include "api.h"
#include "../web/pages.h"
#include "../web/recruitui.h"
#include "../web/ui.h"
#include "../domain/recruit.h"
#include "../domain/validate.h"
#include "../store/recruit.h"
#include "../store/candidate-data.h"
#include "../store/settings.h"
#include "../lib/util.h"
#include <string.h>

static json_t *str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *candidate_json(struct request *r, const struct health_settings *hs, const struct candidate *c,
			      enum candidate_view view)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:o}", "id", (json_int_t)c->id, "name", c->name, "job_title",
			      c->job_title, "company", c->company, "vacancy",
			      c->vacancy_id ? json_pack("{s:I, s:s}", "id", (json_int_t)c->vacancy_id, "title",
							c->vacancy_title)
					    : json_null());
	if (view != CANDIDATE_WHOLE) {
		json_object_set_new(o, "invited", json_true());
		return o;
	}
	struct health_result h = recruit_health(r, hs, c);
	json_object_set_new(o, "email", json_string(c->email));
	json_object_set_new(o, "phone", json_string(c->phone));
	json_object_set_new(o, "source", json_string(c->source));
	json_object_set_new(o, "tags", json_string(c->tags));
	json_object_set_new(o, "notes", json_string(c->notes));
	json_object_set_new(o, "known_by", c->known_by ? json_pack("{s:I, s:s}", "id", (json_int_t)c->known_by, "name",
								   c->known_by_name)
						       : json_null());
	json_object_set_new(o, "consent_on", str_or_null(c->consent_on));
	json_object_set_new(o, "retain_until", json_string(c->retain_until));
	json_object_set_new(o, "status", json_string(c->status));
	json_object_set_new(o, "strung_along", json_boolean(h.strung_along));
	json_object_set_new(o, "conversations", json_integer(c->conversations));
	json_object_set_new(o, "last_contact", str_or_null(c->last_contact));
	json_object_set_new(o, "next_step", c->step_id ? json_pack("{s:I, s:s, s:s, s:s, s:s, s:i}", "id",
								   (json_int_t)c->step_id, "what", c->step_what, "who",
								   c->step_who, "due", c->step_due, "original_due",
								   c->step_original_due, "slips", c->step_slips)
						       : json_null());
	json_object_set_new(o, "stage", c->stage_id ? json_pack("{s:I, s:s}", "id", (json_int_t)c->stage_id, "name",
								c->stage_name)
						    : json_null());
	json_object_set_new(o, "created_on", json_string(c->created_on));
	return o;
}

void api_candidates_list(struct request *r)
{
	if (!recruiting_nav_shown(r)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	struct api_page pg;
	const char *source = NULL, *status = NULL;
	static const char *const statuses[] = { "active", "stopped" };
	if (api_paging(r, &pg) || api_query_enum(r, "source", recruit_source_codes, recruit_source_count, &source) ||
	    api_query_enum(r, "status", statuses, 2, &status))
		return;
	int pool = access_recruiting_pool(&r->viewer, r->me.org_id);
	struct candidate_scope s = { r->viewer.role == ROLE_ADMIN, pool, r->me.user_id };
	int64_t vacancy = 0, stage = 0;
	if (api_query_id(r, "vacancy", &vacancy) || api_query_id(r, "stage", &stage))
		return;
	struct candidate_filter f = { req_query(r, "q"), req_query(r, "tag"), source, status, vacancy, stage };
	struct candidate *c;
	size_t n;
	int64_t total;
	size_t limit = pg.limit > CANDIDATE_LIST_MAX ? CANDIDATE_LIST_MAX : pg.limit;
	enum err e = candidate_list(r->db, r->a, r->me.org_id, &s, &f, (int64_t)limit, (int64_t)pg.offset, &c, &n, &total);
	if (e) {
		api_store_error(r, e);
		return;
	}
	struct health_settings hs;	/* once for the whole list */
	settings_health(r->db, r->me.org_id, &hs);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		struct candidate_ref ref = recruit_ref(&c[i]);
		json_array_append_new(arr, candidate_json(r, &hs, &c[i], access_candidate(&r->viewer, &ref)));
	}
	api_list(r, arr, (size_t)total, &pg);
}

void api_candidates_create(struct request *r)
{
	if (!access_recruiting_pool(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	if (api_body(r))
		return;
	int bad = 0;
	struct candidate_input in = { 0 };
	in.name = api_str(r, "name", &bad);
	in.email = api_str(r, "email", &bad);
	in.phone = api_str(r, "phone", &bad);
	in.source = api_str(r, "source", &bad);
	in.job_title = api_str(r, "job_title", &bad);
	in.company = api_str(r, "company", &bad);
	in.tags = api_str(r, "tags", &bad);
	in.notes = api_str(r, "notes", &bad);
	int64_t known = api_int(r, "known_by", &bad);
	in.consent_on = api_str(r, "consent_on", &bad);
	in.retain_until = api_str(r, "retain_until", &bad);
	const char *anyway = api_str(r, "add_anyway", &bad);
	if (bad)
		return;
	const char **trim[] = { &in.name, &in.email, &in.phone, &in.job_title, &in.company, &in.tags, &in.notes };
	for (size_t i = 0; i < sizeof(trim) / sizeof(trim[0]); i++)
		if (*trim[i])
			*trim[i] = str_trim(arena_strdup(r->a, *trim[i]));
	struct rule_error errs[RECRUIT_ERRORS_MAX];
	size_t nerr = 0;
	enum err e = recruit_candidate_check(r, &in, known < 0 ? -1 : known, errs, &nerr);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (nerr) {
		api_invalid(r, errs[0].field, T(errs[0].message));
		return;
	}
	char def[11];
	recruit_retain_default(ui_today(r), def);
	char *email = arena_strdup(r->a, in.email ? in.email : "");
	email_normalise(email);
	if (!anyway || strcmp(anyway, "yes")) {
		/* the same e-mail in the organisation: 409 with the existing id;
		 * "add_anyway": "yes" adds them all the same */
		struct candidate_dup dup;
		if ((e = candidate_by_email(r->db, r->a, r->me.org_id, email, &dup))) {
			api_store_error(r, e);
			return;
		}
		if (dup.id) {
			api_reply(r, 409, json_pack("{s:s, s:s, s:s, s:I}", "error", err_name(E_CONFLICT), "message",
						    T("A candidate with this e-mail exists. Open it, or send \"add_anyway\": \"yes\"."),
						    "field", "email", "existing_id", (json_int_t)dup.id));
			return;
		}
	}
	struct candidate_new cn = { in.name, email, in.phone, in.source, in.job_title, in.company, in.tags, in.notes,
				    known, in.consent_on, in.retain_until && *in.retain_until ? in.retain_until : def,
				    r->me.user_id, ui_today(r) };
	int64_t id = 0;
	struct candidate c;
	if ((e = candidate_add(r->db, r->me.org_id, &cn, &id)) ||
	    (e = candidate_get(r->db, r->a, r->me.org_id, id, r->me.user_id, &c))) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 201, candidate_json(r, NULL, &c, CANDIDATE_WHOLE));
}

static int load(struct request *r, struct candidate *c, enum candidate_view *view)
{
	enum err e = recruit_load(r, r->id, c, view);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such candidate."));
		return -1;
	}
	if (e) {
		api_store_error(r, e);
		return -1;
	}
	return 0;
}

void api_candidate_get(struct request *r)
{
	struct candidate c;
	enum candidate_view view;
	if (load(r, &c, &view))
		return;
	api_reply(r, 200, candidate_json(r, NULL, &c, view));
}

static json_t *conv_json(struct request *r, const struct candidate_conv *x)
{
	json_t *o = json_pack("{s:I, s:{s:I, s:s}, s:s, s:s, s:s, s:s}", "id", (json_int_t)x->id, "author", "id",
			      (json_int_t)x->author_id, "name", x->author_name, "kind", x->kind, "date", x->held_on,
			      "notes", x->notes, "outcome", x->outcome);
	if (!strcmp(x->outcome, "stop"))
		json_object_set_new(o, "stop", json_pack("{s:s, s:s, s:o}", "reason", x->stop_reason, "label",
							 T(recruit_stop_label(x->stop_reason)), "note",
							 str_or_null(x->stop_note)));
	if (x->step_id)
		json_object_set_new(o, "step", json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:i, s:o}", "id",
							 (json_int_t)x->step_id, "what", x->step_what, "who", x->step_who,
							 "due", x->step_due, "original_due", x->step_original_due,
							 "status", x->step_status, "slips", x->step_slips, "done_on",
							 str_or_null(x->step_done_on)));
	return o;
}

static int load_work(struct request *r, struct candidate *c)
{
	enum candidate_view view;
	if (load(r, c, &view))
		return -1;
	struct candidate_ref ref = recruit_ref(c);
	if (!access_candidate_work(&r->viewer, &ref)) {
		resp_error(r, E_FORBIDDEN, T("An interviewer sees the candidate; conversations are logged by whoever "
					     "manages recruiting."));
		return -1;
	}
	return 0;
}

void api_candidate_conversations(struct request *r)
{
	struct candidate c;
	if (load_work(r, &c))
		return;
	struct candidate_conv *x;
	size_t n;
	enum err e = candidate_conversations(r->db, r->a, r->me.org_id, c.id, &x, &n);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, conv_json(r, &x[i]));
	api_reply(r, 200, json_pack("{s:o, s:I}", "items", arr, "total", (json_int_t)n));
}

void api_candidate_conversations_create(struct request *r)
{
	struct candidate c;
	if (load_work(r, &c))
		return;
	if (api_body(r))
		return;
	int bad = 0;
	struct candidate_conv_input in = { 0 };
	in.kind = api_str(r, "kind", &bad);
	in.date = api_date(r, "date", &bad);
	in.notes = api_str(r, "notes", &bad);
	in.outcome = api_str(r, "outcome", &bad);
	in.step_what = api_str(r, "step_what", &bad);
	in.step_due = api_date(r, "step_due", &bad);
	in.step_who = api_str(r, "step_who", &bad);
	in.stop_reason = api_str(r, "stop_reason", &bad);
	in.stop_note = api_str(r, "stop_note", &bad);
	in.open_answer = api_str(r, "open_step", &bad);
	if (bad)
		return;
	if (!in.date)
		in.date = ui_today(r);
	in.has_open_step = c.step_id != 0;
	in.open_due = c.step_due;
	const char **trim[] = { &in.notes, &in.step_what, &in.step_who, &in.stop_note };
	for (size_t i = 0; i < sizeof(trim) / sizeof(trim[0]); i++)
		if (*trim[i])
			*trim[i] = str_trim(arena_strdup(r->a, *trim[i]));
	struct rule_error errs[RECRUIT_ERRORS_MAX];
	size_t nerr = 0;
	int64_t id = 0;
	enum err e = recruit_conv_log(r, &c, &in, errs, &nerr, &id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (nerr) {
		api_invalid(r, errs[0].field, T(errs[0].message));
		return;
	}
	struct candidate_conv *x;
	size_t n;
	if ((e = candidate_conversations(r->db, r->a, r->me.org_id, c.id, &x, &n))) {
		api_store_error(r, e);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (x[i].id == id) {
			api_reply(r, 201, conv_json(r, &x[i]));
			return;
		}
	api_store_error(r, E_INTERNAL);
}

/* PATCH /api/v1/candidates/:id: the members sent (name, email, phone,
 * source, job_title, company, tags, notes, known_by, consent_on,
 * retain_until) change, the rest stay; the rules of a new candidate
 * (candidate_validate: a retention date in the past is a 400 naming
 * retain_until); an e-mail changed to another candidate's is a 409 with
 * its existing_id unless "save_anyway": "yes". recruit_candidate_update,
 * as the edit page. Whoever works on the candidate (access_candidate_work):
 * an invited interviewer 403, anyone else 404. */
void api_candidate_update(struct request *r)
{
	struct candidate c;
	if (load_work(r, &c) || recruit_refuse_anonymised(r, &c))
		return;
	if (api_body(r))
		return;
	int bad = 0;
	struct candidate_input in = { c.name, c.email, c.phone, c.source, c.job_title, c.company, c.tags, c.notes, 0,
				      c.consent_on, c.retain_until };
	int64_t known = c.known_by;
	static const char *const names[] = { "name", "email", "phone", "source", "job_title", "company", "tags", "notes",
					     "consent_on", "retain_until" };
	const char **slots[] = { &in.name, &in.email, &in.phone, &in.source, &in.job_title, &in.company, &in.tags,
				 &in.notes, &in.consent_on, &in.retain_until };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (api_has(r, names[i])) {
			const char *v = api_str(r, names[i], &bad);
			*slots[i] = v ? str_trim(arena_strdup(r->a, v)) : "";
		}
	if (api_has(r, "known_by"))
		known = api_int(r, "known_by", &bad);
	const char *anyway = api_str(r, "save_anyway", &bad);
	if (bad)
		return;
	struct rule_error errs[RECRUIT_ERRORS_MAX];
	size_t nerr = 0;
	struct candidate_dup dup;
	enum err e = recruit_candidate_update(r, &c, &in, known < 0 ? -1 : known, anyway && !strcmp(anyway, "yes"), errs,
					      &nerr, &dup);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (nerr) {
		api_invalid(r, errs[0].field, T(errs[0].message));
		return;
	}
	if (dup.id) {
		api_reply(r, 409, json_pack("{s:s, s:s, s:s, s:I}", "error", err_name(E_CONFLICT), "message",
					    T("Another candidate has this e-mail. Open it, or send \"save_anyway\": \"yes\"."),
					    "field", "email", "existing_id", (json_int_t)dup.id));
		return;
	}
	if ((e = recruit_load(r, c.id, &c, &(enum candidate_view){ 0 }))) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, candidate_json(r, NULL, &c, CANDIDATE_WHOLE));
}
