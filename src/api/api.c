/*
 * api: what the JSON endpoints share — reading members of the body with
 * their type checked, the error replies that name a field, paging of lists,
 * and the JSON shape of each resource, so that a team or a user looks the
 * same wherever the API returns one. Each helper that can fail writes the
 * error reply itself (Redis' "…OrReply"), so a handler only returns.
 */
#include "api.h"
#include "../store/teams.h"
#include "../store/users.h"
#include "../store/stages.h"
#include "../store/deals.h"
#include "../store/conversations.h"
#include "../lib/util.h"
#include "../lib/log.h"
#include "../lib/strbuf.h"
#include <sodium.h>
#include <math.h>
#include <string.h>
#include <time.h>

/* a member of the body; NULL when absent or null (JSON null means "not given") */
static json_t *member(struct request *r, const char *field)
{
	json_t *v = r->json ? json_object_get(r->json, field) : NULL;
	return v && !json_is_null(v) ? v : NULL;
}

const char *api_str(struct request *r, const char *field, int *bad)
{
	json_t *v = *bad ? NULL : member(r, field);
	if (!v)
		return NULL;
	if (!json_is_string(v)) {
		api_invalid(r, field, arena_printf(r->a, T("The field '%s' must be a string."), field));
		*bad = 1;
		return NULL;
	}
	return json_string_value(v);
}

int64_t api_int(struct request *r, const char *field, int *bad)
{
	json_t *v = *bad ? NULL : member(r, field);
	if (!v)
		return 0;
	if (!json_is_integer(v)) {
		api_invalid(r, field, arena_printf(r->a, T("The field '%s' must be a whole number."), field));
		*bad = 1;
		return 0;
	}
	return (int64_t)json_integer_value(v);
}

static void field_error(struct request *r, enum err e, const char *field, const char *message)
{
	json_t *o = json_pack("{s:s, s:s}", "error", err_name(e), "message", message ? message : "");
	if (o && field)
		json_object_set_new(o, "field", json_string(field));
	api_reply(r, err_http_status(e), o);
}

void api_invalid(struct request *r, const char *field, const char *message)
{
	field_error(r, E_INVALID, field, message);
}

void api_conflict(struct request *r, const char *field, const char *message)
{
	field_error(r, E_CONFLICT, field, message);
}


void api_reply(struct request *r, int status, json_t *v)
{
	if (!v) {
		/* json_pack fails on text that is not UTF-8, or out of memory */
		log_error("%s %s: could not build the JSON answer", r->method, r->path);
		resp_error(r, E_INTERNAL, T("Something went wrong on our side."));
		return;
	}
	resp_json(r, status, v);
}

int api_body(struct request *r)
{
	/* a form-encoded body reaches a JSON route only as r->form; rather
	 * than ignore it silently, say what is expected */
	if (!r->json && r->body.len) {
		resp_error(r, E_INVALID, T("The body must be a JSON object."));
		return -1;
	}
	return 0;
}

static int query_size(struct request *r, const char *name, int64_t min, int64_t max, int64_t def,
		      const char *message, size_t *out)
{
	const char *s = req_query(r, name);
	int64_t v = def;
	if (s && (parse_i64(s, &v) || v < min || v > max)) {
		api_invalid(r, name, message);
		return -1;
	}
	*out = (size_t)v;
	return 0;
}

/* a cursor holds a short sort key: dates, numbers and an id */
#define CURSOR_MAX 200

void api_bad_cursor(struct request *r)
{
	api_invalid(r, "cursor", T("The cursor is not one this API gave out. Use the next cursor of an earlier "
				   "answer, or leave it out to start at the beginning."));
}

const char *api_cursor(struct request *r, const char *key)
{
	size_t n = strlen(key);
	size_t len = sodium_base64_encoded_len(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *out = arena_alloc(r->a, len);
	return sodium_bin2base64(out, len, (const unsigned char *)key, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int api_cursor_parts(struct request *r, const char *cursor, const char **parts, size_t n)
{
	char *s = arena_strdup(r->a, cursor);
	for (size_t i = 0; i < n; i++) {
		parts[i] = s;
		if (i + 1 == n)
			return 0;
		char *t = strchr(s, '~');
		if (!t)
			return -1;
		*t = '\0';
		s = t + 1;
	}
	return -1;
}

int api_paging(struct request *r, struct api_page *pg)
{
	pg->cursor = NULL;
	if (query_size(r, "limit", 1, API_LIMIT_MAX, API_LIMIT_DEFAULT,
		       arena_printf(r->a, T("The limit must be a whole number from 1 to %d."), API_LIMIT_MAX),
		       &pg->limit))
		return -1;
	if (query_size(r, "offset", 0, INT64_MAX, 0, T("The offset must be a whole number of 0 or more."),
		       &pg->offset))
		return -1;
	const char *c = req_query(r, "cursor");
	if (!c)
		return 0;
	if (req_query(r, "offset")) {
		api_invalid(r, "cursor", T("Give a cursor or an offset, not both."));
		return -1;
	}
	size_t n = strlen(c);
	unsigned char *bin = arena_alloc(r->a, n + 1);
	size_t len = 0;
	if (n > CURSOR_MAX * 2 || sodium_base642bin(bin, n, c, n, NULL, &len, NULL,
						      sodium_base64_VARIANT_URLSAFE_NO_PADDING) || !len ||
	    memchr(bin, '\0', len)) {
		api_bad_cursor(r);
		return -1;
	}
	bin[len] = '\0';
	pg->cursor = (const char *)bin;
	return 0;
}

void api_list_next(struct request *r, json_t *items, size_t total, const struct api_page *pg, const char *next)
{
	api_reply(r, 200, json_pack("{s:o, s:I, s:I, s:I, s:s?}", "items", items, "total", (json_int_t)total,
				    "limit", (json_int_t)pg->limit, "offset", (json_int_t)pg->offset, "next", next));
}

void api_list(struct request *r, json_t *items, size_t total, const struct api_page *pg)
{
	api_reply(r, 200, json_pack("{s:o, s:I, s:I, s:I}", "items", items, "total", (json_int_t)total,
				    "limit", (json_int_t)pg->limit, "offset", (json_int_t)pg->offset));
}

int api_has(struct request *r, const char *field)
{
	return r->json && json_object_get(r->json, field) != NULL;
}

const char *api_date(struct request *r, const char *field, int *bad)
{
	const char *s = api_str(r, field, bad);
	if (s && !date_valid(s)) {
		api_invalid(r, field, arena_printf(r->a, T("The field '%s' must be a date such as 2026-11-27."), field));
		*bad = 1;
		return NULL;
	}
	return s;
}

int api_query_id(struct request *r, const char *name, int64_t *out)
{
	const char *s = req_query(r, name);
	int64_t v = 0;
	*out = 0;
	/* "?rep=" from an empty form field means no filter */
	if (!s || !*s)
		return 0;
	if (parse_i64(s, &v) || v < 1) {
		api_invalid(r, name, arena_printf(r->a, T("The parameter '%s' must be an id: a whole number of 1 or more."),
						  name));
		return -1;
	}
	*out = v;
	return 0;
}

int api_query_date(struct request *r, const char *name, const char **out)
{
	const char *s = req_query(r, name);
	*out = NULL;
	if (!s || !*s)
		return 0;
	if (!date_valid(s)) {
		api_invalid(r, name, arena_printf(r->a, T("The parameter '%s' must be a date such as 2026-11-27."), name));
		return -1;
	}
	*out = s;
	return 0;
}

int api_query_enum(struct request *r, const char *name, const char *const *values, size_t n, const char **out)
{
	const char *s = req_query(r, name);
	*out = NULL;
	if (!s || !*s)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(s, values[i])) {
			*out = values[i];
			return 0;
		}
	struct strbuf list = STRBUF_INIT;
	for (size_t i = 0; i < n; i++)
		sb_addf(&list, "%s%s", i ? ", " : "", values[i]);
	api_invalid(r, name, arena_printf(r->a, T("The parameter '%s' must be one of: %s."), name, list.buf));
	sb_release(&list);
	return -1;
}

/* an id that is 0 means "none": null in JSON */
static json_t *id_or_null(int64_t id)
{
	return id ? json_integer((json_int_t)id) : json_null();
}

json_t *api_id_or_null(int64_t id)
{
	return id_or_null(id);
}

json_t *api_text_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

json_t *api_real_or_null(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

json_t *api_time(int64_t epoch)
{
	time_t t = (time_t)epoch;
	struct tm tm;
	char buf[32];
	if (!gmtime_r(&t, &tm) || !strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm))
		return json_null();
	return json_string(buf);
}

json_t *team_json(const struct team *t)
{
	return json_pack("{s:I, s:s, s:o, s:s?, s:s, s:s, s:I}",
			 "id", (json_int_t)t->id,
			 "name", t->name,
			 "manager_id", id_or_null(t->manager_id),
			 "manager_name", t->manager_id ? t->manager_name : NULL,
			 "territory", t->territory,
			 "segment", t->segment,
			 "members", (json_int_t)t->members);
}

json_t *user_json(const struct user *u)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:s?, s:b, s:s?}",
			 "id", (json_int_t)u->id,
			 "email", u->email,
			 "name", u->name,
			 "role", u->role,
			 "team_id", id_or_null(u->team_id),
			 "team_name", u->team_id ? u->team_name : NULL,
			 "active", u->active ? 1 : 0,
			 "locale", *u->locale ? u->locale : NULL);
}

json_t *stage_json(const struct stage *s)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:i, s:I}",
			 "id", (json_int_t)s->id,
			 "name", s->name,
			 "definition", s->definition,
			 "commitment", s->commitment,
			 "kind", s->kind,
			 "position", s->position,
			 "open_deals", (json_int_t)s->deals);
}

json_t *account_json(const struct account *a)
{
	return json_pack("{s:I, s:s, s:o, s:o, s:I}",
			 "id", (json_int_t)a->id,
			 "name", a->name,
			 "owner_id", id_or_null(a->owner_id),
			 "owner_name", a->owner_id ? json_string(a->owner_name) : json_null(),
			 "open_deals", (json_int_t)a->open_deals);
}

/* amounts are kept in minor units (cents, øre) throughout the program */
#define MINOR_PER_UNIT 100.0

json_t *deal_json(const struct deal *d)
{
	json_t *health = json_null();
	if (!strcmp(d->status, "open")) {
		json_t *reasons = json_array();
		for (unsigned bit = 1; bit && bit <= HR_PROGRESS_STALLING; bit <<= 1)
			if (d->health.reasons & bit)
				json_array_append_new(reasons, json_string(health_reason_code(bit)));
		health = json_pack("{s:s, s:b, s:o}", "color", health_code(d->health.health),
				   "strung_along", d->health.strung_along ? 1 : 0, "reasons", reasons);
	}
	json_t *next = d->sig.has_open_step
		? json_pack("{s:s, s:s, s:i}", "what", d->next_what, "due", d->sig.next_due,
			    "slips", d->sig.next_slips)
		: json_null();
	json_t *o = json_pack("{s:I, s:s, s:I, s:s, s:I, s:f, s:s, s:I, s:s, s:I, s:s, s:s, s:o, s:s, s:o, s:s,"
			      " s:o, s:s, s:I, s:I}",
			      "id", (json_int_t)d->id,
			      "title", d->title,
			      "account_id", (json_int_t)d->account_id,
			      "account_name", d->account_name,
			      "value_minor", (json_int_t)d->value_minor,
			      "value", (double)d->value_minor / MINOR_PER_UNIT,
			      "currency", d->currency,
			      "owner_id", (json_int_t)d->owner_id,
			      "owner_name", d->owner_name,
			      "stage_id", (json_int_t)d->stage_id,
			      "stage_name", d->stage_name,
			      "product", d->product,
			      "expected_close", api_text_or_null(d->expected_close),
			      "status", d->status,
			      "lost_reason", api_text_or_null(d->lost_reason),
			      "lost_note", d->lost_note,
			      "closed_on", api_text_or_null(d->closed_on),
			      "created_on", d->created_on,
			      "minutes", (json_int_t)d->minutes,
			      "conversations", (json_int_t)d->conversations);
	if (!o) {
		json_decref(health);
		json_decref(next);
		return NULL;
	}
	json_object_set_new(o, "health", health);
	json_object_set_new(o, "next_step", next);
	return o;
}

json_t *conversation_json(const struct conversation *c)
{
	json_t *step = c->step_id
		? json_pack("{s:I, s:s, s:s, s:s, s:s, s:i}", "id", (json_int_t)c->step_id, "what", c->step_what,
			    "due", c->step_due, "who", c->step_who, "status", c->step_status, "slips", c->step_slips)
		: json_null();
	return json_pack("{s:I, s:o, s:o, s:I, s:s, s:o, s:i, s:i, s:s, s:o, s:o, s:s, s:s, s:b}",
			 "id", (json_int_t)c->id,
			 "deal_id", id_or_null(c->deal_id),
			 "account_id", id_or_null(c->account_id),
			 "rep_id", (json_int_t)c->rep_id,
			 "kind", c->kind,
			 "at", api_time(c->at),
			 "minutes", c->minutes,
			 "gut_feeling", c->gut_feeling,
			 "outcome", c->outcome,
			 "step", step,
			 "stop_reason", api_text_or_null(c->stop_reason),
			 "stop_note", c->stop_note,
			 "notes", c->notes,
			 "progressed", c->progressed ? 1 : 0);
}

static const char *step_state_code(enum step_state s)
{
	switch (s) {
	case STEP_DUE_TODAY: return "due_today";
	case STEP_OVERDUE: return "overdue";
	case STEP_MISSED: return "missed";
	case STEP_KEPT: return "kept";
	case STEP_CANCELLED: return "cancelled";
	default: return "upcoming";
	}
}

json_t *step_json(const struct step_row *s)
{
	return json_pack("{s:I, s:o, s:o, s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:o}",
			 "id", (json_int_t)s->id,
			 "deal_id", id_or_null(s->deal_id),
			 "account_id", id_or_null(s->account_id),
			 "rep_id", (json_int_t)s->rep_id,
			 "conversation_id", (json_int_t)s->conversation_id,
			 "what", s->what,
			 "who", s->who,
			 "due", s->due,
			 "original_due", s->original_due,
			 "status", s->status,
			 "state", step_state_code(s->state),
			 "slips", s->slips,
			 "done_on", api_text_or_null(s->done_on));
}
