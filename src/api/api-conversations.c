/*
 * api-conversations: /api/v1/conversations — logging a customer
 * conversation with its one outcome (a dated step the customer committed
 * to, a stop with its reason, or honestly no commitment), listing and
 * reading the conversations a caller may see (its rep's or its deal owner's,
 * by access_activity_see), and correcting the kind, duration and notes
 * afterwards — by its author only (access_conversation_change).
 * The outcome is what happened and never changes; a later conversation
 * records a change of mind. The rules are domain/commitment.c's; this file
 * only translates JSON to them and their field names back to JSON's.
 */
#include "api.h"
#include "../web/load.h"
#include "../store/conversations.h"
#include "../store/deals.h"
#include "../store/settings.h"
#include "../domain/validate.h"
#include "../lib/util.h"
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* the domain's field names (the form's) as the JSON body spells them */
static const char *json_field(const char *field)
{
	static const struct {
		const char *domain, *json;
	} map[] = {
		{ "step_what", "step.what" }, { "step_due", "step.due" }, { "step_who", "step.who" },
		{ "date", "at" }, { "open_step", "open_step.outcome" }, { "open_step_due", "open_step.due" },
	};
	for (size_t i = 0; field && i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(field, map[i].domain))
			return map[i].json;
	return field;
}

/* n digits at s into *out; 0 on success */
static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/*
 * RFC 3339: "2026-11-20T10:00:00Z" or with an offset ("2026-11-20T11:00:00+01:00"),
 * fractions of a second allowed and ignored. The instant goes to *epoch; the
 * day as written — the day where the conversation took place — to day[11].
 * 0 on success.
 */
static int parse_rfc3339(const char *s, int64_t *epoch, char day[11])
{
	int h, mi, sec, oh = 0, om = 0, sign = 0;
	if (strlen(s) < 20 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
		return -1;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!date_valid(day) || digits(s + 11, 2, &h) || digits(s + 14, 2, &mi) || digits(s + 17, 2, &sec) ||
	    h > 23 || mi > 59 || sec > 60)
		return -1;
	const char *p = s + 19;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if ((*p == 'Z' || *p == 'z') && !p[1]) {
		sign = 0;
	} else if ((*p == '+' || *p == '-') && strlen(p) == 6 && p[3] == ':' && !digits(p + 1, 2, &oh) &&
		   !digits(p + 4, 2, &om) && oh <= 23 && om <= 59) {
		sign = *p == '+' ? 1 : -1;
	} else {
		return -1;
	}
	struct tm tm = { 0 };
	tm.tm_year = atoi(day) - 1900;
	tm.tm_mon = atoi(day + 5) - 1;
	tm.tm_mday = atoi(day + 8);
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec > 59 ? 59 : sec;	/* a leap second is the second before */
	*epoch = (int64_t)timegm(&tm) - sign * (oh * 3600 + om * 60);
	return 0;
}

/* 0 with the conversation (web/load.c decides whether the caller may do
 * what they need with it), or -1 after answering 404, 403 or 503 */
static int load(struct request *r, int64_t id, enum access_need need, struct conversation *cv)
{
	struct conversation *got = conversation_load_or_reply(r, id, need);
	if (!got)
		return -1;
	*cv = *got;
	return 0;
}

static void reply_conversation(struct request *r, int status, int64_t id)
{
	struct conversation cv;
	if (load(r, id, NEED_SEE, &cv))
		return;
	if (status == 201)
		resp_header(r, "Location", arena_printf(r->a, "/api/v1/conversations/%lld", (long long)id));
	api_reply(r, status, conversation_json(&cv));
}

void api_conversation_get(struct request *r)
{
	reply_conversation(r, 200, r->id);
}

/* shared with api-steps.c (api.h): the filters name someone or a deal the
 * caller may see, through the loaders of web/load.c */
int api_check_filters(struct request *r, int64_t rep_id, int64_t deal_id)
{
	if (rep_id && !user_load_or_reply(r, rep_id, NEED_SEE))
		return -1;
	if (deal_id && !deal_load_or_reply(r, deal_id, NEED_SEE))
		return -1;
	return 0;
}

void api_conversations_list(struct request *r)
{
	struct api_page pg;
	if (api_paging(r, &pg))
		return;
	struct activity_filter f = { 0 };
	if (api_query_id(r, "deal", &f.deal_id) || api_query_id(r, "rep", &f.rep_id) ||
	    api_query_date(r, "from", &f.from) || api_query_date(r, "to", &f.to))
		return;
	if (f.from && f.to && strcmp(f.from, f.to) > 0) {
		api_invalid(r, "to", T("The end of the period lies before its start."));
		return;
	}
	if (api_check_filters(r, f.rep_id, f.deal_id))
		return;
	f.scope = access_deal_scope(&r->viewer);
	f.viewer_id = r->me.user_id;
	if (pg.cursor) {
		/* held_on~at~id of the last conversation of the page before */
		const char *k[3];
		if (api_cursor_parts(r, pg.cursor, k, 3) || !date_valid(k[0]) ||
		    parse_i64(k[1], &f.after_at) || parse_i64(k[2], &f.after_id) || f.after_id <= 0) {
			api_bad_cursor(r);
			return;
		}
		f.after_held_on = k[0];
	}
	/* one row more than asked: whether a next page exists */
	f.limit = (int)pg.limit + 1;
	f.offset = pg.offset > INT_MAX ? INT_MAX : (int)pg.offset;
	struct conversation_list cl;
	enum err e = conversation_find(r->db, r->a, r->me.org_id, &f, &cl);
	if (e) {
		api_store_error(r, e);
		return;
	}
	const char *next = NULL;
	if (cl.n > pg.limit) {
		cl.n = pg.limit;
		const struct conversation *last = &cl.items[cl.n - 1];
		next = api_cursor(r, arena_printf(r->a, "%s~%lld~%lld", last->held_on, (long long)last->at,
						  (long long)last->id));
	}
	json_t *items = json_array();
	for (size_t i = 0; i < cl.n; i++)
		if (json_array_append_new(items, conversation_json(&cl.items[i]))) {
			json_decref(items);
			api_reply(r, 500, NULL);
			return;
		}
	api_list_next(r, items, (size_t)cl.total, &pg, next);
}

/* a string member of the "step" object; same error rule as api_str, the
 * field named "step.<name>" */
static const char *step_str(struct request *r, json_t *step, const char *name, int *bad)
{
	json_t *v = *bad || !step ? NULL : json_object_get(step, name);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		const char *field = arena_printf(r->a, "step.%s", name);
		api_invalid(r, field, arena_printf(r->a, T("The field '%s' must be a string."), field));
		*bad = 1;
		return NULL;
	}
	return json_string_value(v);
}

/* the "step" member: an object, or NULL when absent or null */
static json_t *step_object(struct request *r, int *bad)
{
	json_t *v = *bad || !r->json ? NULL : json_object_get(r->json, "step");
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_object(v)) {
		api_invalid(r, "step", T("The step is an object with what, due and who."));
		*bad = 1;
		return NULL;
	}
	return v;
}

/* the "open_step" member: {outcome: kept|slipped|missed|open, due}, the
 * answer for the deal's open step; NULL when absent or null */
static json_t *open_step_object(struct request *r, int *bad)
{
	json_t *v = *bad || !r->json ? NULL : json_object_get(r->json, "open_step");
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_object(v)) {
		api_invalid(r, "open_step", T("The open step's answer is an object with outcome (kept, slipped, missed "
					      "or open) and, for slipped, due."));
		*bad = 1;
		return NULL;
	}
	return v;
}

/* a string member of object o (named parent.name in errors), or NULL */
static const char *member_str(struct request *r, json_t *o, const char *parent, const char *name, int *bad)
{
	json_t *v = *bad || !o ? NULL : json_object_get(o, name);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		const char *field = arena_printf(r->a, "%s.%s", parent, name);
		api_invalid(r, field, arena_printf(r->a, T("The field '%s' must be a string."), field));
		*bad = 1;
		return NULL;
	}
	return json_string_value(v);
}

/* 400 naming every bad field at once: "errors" lists them all, each with
 * its field and message; "field" and "message" are the first one's, as
 * before the list existed */
static void reply_errors(struct request *r, const struct rule_error *errs, size_t n)
{
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, json_pack("{s:s, s:s}", "field", json_field(errs[i].field), "message",
						      T(errs[i].message)));
	json_t *o = json_pack("{s:s, s:s, s:s, s:o}", "error", err_name(E_INVALID), "message", T(errs[0].message),
			      "field", json_field(errs[0].field), "errors", list);
	api_reply(r, 400, o);
}

/* one more fault, unless its field already has one */
static void add_fault(struct rule_error *errs, size_t *n, const char *field, const char *msgid)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp(errs[i].field, field))
			return;
	if (*n < CONV_ERRORS_MAX) {
		errs[*n].field = field;
		errs[*n].message = msgid;
		(*n)++;
	}
}

void api_conversations_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	struct conversation_log_input li = { 0 };
	struct conversation_input *in = &li.in;
	in->deal_id = api_int(r, "deal_id", &bad);
	in->account_id = api_int(r, "account_id", &bad);
	in->kind = api_str(r, "kind", &bad);
	const char *at = api_str(r, "at", &bad);
	int64_t minutes = api_int(r, "minutes", &bad);
	int64_t gut = api_int(r, "gut_feeling", &bad);
	in->outcome = api_str(r, "outcome", &bad);
	json_t *step = step_object(r, &bad);
	in->step_what = step_str(r, step, "what", &bad);
	in->step_due = step_str(r, step, "due", &bad);
	in->step_who = step_str(r, step, "who", &bad);
	in->stop_reason = api_str(r, "stop_reason", &bad);
	in->stop_note = api_str(r, "stop_note", &bad);
	in->stop_action = api_str(r, "stop_action", &bad);
	li.notes = api_str(r, "notes", &bad);
	li.new_stage_id = api_int(r, "stage_id", &bad);
	json_t *os = open_step_object(r, &bad);
	li.open_step = member_str(r, os, "open_step", "outcome", &bad);
	li.open_step_due = member_str(r, os, "open_step", "due", &bad);
	if (bad)
		return;
	/* every fault at once, the first of each field */
	struct rule_error errs[CONV_ERRORS_MAX];
	size_t nerr = 0;
	/* the form's limits on free text, from the same function */
	const char *tfield = NULL, *tm = validate_conversation_text(li.notes, in->step_what, in->step_who,
								    in->stop_note, &tfield);
	if (tm)
		add_fault(errs, &nerr, tfield, tm);
	char day[11] = "";
	if (at && parse_rfc3339(at, &li.at, day))
		add_fault(errs, &nerr, "date", N_("Give the time of the conversation in RFC 3339 form, such as "
						  "2026-11-20T10:00:00Z or 2026-11-20T11:00:00+01:00."));
	in->date = at && *day && date_valid(day) ? day : NULL;
	/* out-of-range numbers fall to the domain's own messages */
	in->minutes = minutes < INT_MIN || minutes > INT_MAX ? -1 : (int)minutes;
	in->gut_feeling = gut < 0 || gut > INT_MAX ? 0 : (int)gut;
	li.rep_id = r->me.user_id;
	/* a stop on a deal closes it as lost unless the caller says paused */
	if (in->deal_id && outcome_parse(in->outcome) == OUTCOME_STOP && !in->stop_action)
		in->stop_action = "lost";
	char today[11];
	today_date(today);
	struct rule_error found[CONV_ERRORS_MAX];
	size_t nf = conversation_validate_all(in, today, found, CONV_ERRORS_MAX);
	for (size_t i = 0; i < nf; i++)
		add_fault(errs, &nerr, found[i].field, found[i].message);
	enum step_answer ans = step_answer_parse(li.open_step);
	if (ans == STEP_ANSWER_INVALID)
		add_fault(errs, &nerr, "open_step", N_("Say whether the open step was kept, slipped to a new date or missed."));
	else if (ans == STEP_ANSWER_SLIPPED && !date_valid(li.open_step_due))
		add_fault(errs, &nerr, "open_step_due", N_("Give the new date of the step."));
	if (nerr) {
		reply_errors(r, errs, nerr);
		return;
	}

	if (in->deal_id && !deal_load_or_reply(r, in->deal_id, NEED_CHANGE))
		return;

	struct health_settings hs;
	settings_health(r->db, r->me.org_id, &hs);
	int64_t id = 0;
	struct rule_error re = { 0 };
	enum err e = conversation_log(r->db, r->a, r->me.org_id, &li, today, hs.grace_days, &id, &re);
	if (e == E_INVALID && re.message) {
		reply_errors(r, &re, 1);
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_conversation(r, 201, id);
}

/* a member the caller sent that differs from what was logged; its name or NULL */
static const char *changed(struct request *r, json_t *now, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		json_t *sent = json_object_get(r->json, names[i]);
		if (!sent)
			continue;
		json_t *cur = json_object_get(now, names[i]);
		if (!strcmp(names[i], "step") && json_is_object(sent) && json_is_object(cur)) {
			/* the step as agreed; its id, status and slips live on /steps */
			static const char *const parts[] = { "what", "due", "who" };
			for (size_t k = 0; k < 3; k++) {
				json_t *a = json_object_get(sent, parts[k]);
				if (a && !json_equal(a, json_object_get(cur, parts[k])))
					return names[i];
			}
			continue;
		}
		if (!json_equal(sent, cur))
			return names[i];
	}
	return NULL;
}

void api_conversation_update(struct request *r)
{
	if (api_body(r))
		return;
	struct conversation cv;
	/* only its author changes a conversation (domain/access.h) */
	if (load(r, r->id, NEED_CHANGE, &cv))
		return;
	json_t *now = conversation_json(&cv);
	if (!now) {
		api_reply(r, 500, NULL);
		return;
	}
	static const char *const outcome_fields[] = { "outcome", "step", "stop_reason", "stop_note" };
	static const char *const fixed_fields[] = { "deal_id", "account_id", "rep_id", "at", "gut_feeling",
						    "progressed" };
	const char *f = changed(r, now, outcome_fields, sizeof(outcome_fields) / sizeof(outcome_fields[0]));
	if (f) {
		json_decref(now);
		api_invalid(r, f, T("The outcome of a conversation cannot be changed. If the customer changed their "
				    "mind, log a new conversation."));
		return;
	}
	f = changed(r, now, fixed_fields, sizeof(fixed_fields) / sizeof(fixed_fields[0]));
	json_decref(now);
	if (f) {
		api_invalid(r, f, T("Only the kind, the duration and the notes of a conversation can be changed."));
		return;
	}
	int bad = 0;
	const char *kind = cv.kind, *notes = cv.notes;
	int minutes = cv.minutes;
	if (api_has(r, "kind"))
		kind = api_str(r, "kind", &bad);
	if (api_has(r, "notes"))
		notes = api_str(r, "notes", &bad);
	if (api_has(r, "minutes")) {
		int64_t m = api_int(r, "minutes", &bad);
		minutes = m < 0 || m > 24 * 60 ? -1 : (int)m;
	}
	if (bad)
		return;
	const char *tfield = NULL, *tm = validate_conversation_text(notes, NULL, NULL, NULL, &tfield);
	if (tm) {
		api_invalid(r, tfield, T(tm));
		return;
	}
	if (conv_kind_parse(kind) == CONV_INVALID) {
		api_invalid(r, "kind", T("Choose the kind of conversation: call, meeting, video call, visit or demo."));
		return;
	}
	if (minutes < 0) {
		api_invalid(r, "minutes", T("The duration is between 0 and 1440 minutes."));
		return;
	}
	enum err e = conversation_update(r->db, r->me.org_id, cv.id, kind, minutes, notes ? notes : "");
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_conversation(r, 200, cv.id);
}
