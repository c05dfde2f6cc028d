/*
 * api-stages: /api/v1/stages — the organisation's pipeline vocabulary in
 * order (every role reads it: the stages say what a deal's place means), one
 * stage, and adding or changing a stage (admins; the route says so). The
 * default set is created in the organisation's language the first time the
 * stages are asked for.
 */
#include "api.h"
#include "../web/load.h"
#include "../store/stages.h"
#include "../domain/validate.h"
#include "../lib/util.h"
#include <string.h>

/* a definition or commitment is a sentence or two, shown on the board */
#define STAGE_POSITION_MAX 1000000

static const char *const kinds[] = { "open", "won", "lost" };

enum err api_stages_ensure(struct request *r)
{
	int l = lang_parse(r->me.org_locale);
	return stages_ensure(r->db, r->me.org_id, l >= 0 ? (enum lang)l : LANG_EN);
}

void api_stages_list(struct request *r)
{
	struct api_page pg;
	if (api_paging(r, &pg))
		return;
	struct stage_list sl;
	enum err e = api_stages_ensure(r);
	if (!e)
		e = stage_list(r->db, r->a, r->me.org_id, &sl);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = pg.offset; i < sl.n && json_array_size(items) < pg.limit; i++)
		if (json_array_append_new(items, stage_json(&sl.items[i]))) {
			json_decref(items);
			api_reply(r, 500, NULL);
			return;
		}
	api_list(r, items, sl.n, &pg);
}

void api_stage_get(struct request *r)
{
	struct stage *s = stage_load_or_reply(r, r->id, NEED_SEE);
	if (s)
		api_reply(r, 200, stage_json(s));
}

/* a stage as it would be stored; 0, or -1 after answering 400 naming the field */
static int check(struct request *r, struct stage *s)
{
	if (s->name) {
		char *n = arena_strdup(r->a, s->name);
		s->name = str_trim(n);
	}
	const char *m;
	if ((m = validate_name(s->name))) {
		api_invalid(r, "name", T(m));
		return -1;
	}
	if ((m = validate_text(s->definition, STAGE_TEXT_MAX))) {
		api_invalid(r, "definition", T(m));
		return -1;
	}
	if ((m = validate_text(s->commitment, STAGE_TEXT_MAX))) {
		api_invalid(r, "commitment", T(m));
		return -1;
	}
	int known = 0;
	for (size_t i = 0; s->kind && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		known |= !strcmp(s->kind, kinds[i]);
	if (!known) {
		api_invalid(r, "kind", T("The kind of a stage is open, won or lost."));
		return -1;
	}
	if (s->position < 0 || s->position > STAGE_POSITION_MAX) {
		api_invalid(r, "position", arena_printf(r->a, T("The position is a whole number from 0 to %d."),
							STAGE_POSITION_MAX));
		return -1;
	}
	return 0;
}

/* answers the stage as stored, with status 200 or 201 */
static void reply_stage(struct request *r, int status, int64_t id)
{
	struct stage s;
	enum err e = stage_get(r->db, r->a, r->me.org_id, id, &s);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (status == 201)
		resp_header(r, "Location", arena_printf(r->a, "/api/v1/stages/%lld", (long long)id));
	api_reply(r, status, stage_json(&s));
}

void api_stages_create(struct request *r)
{
	if (api_body(r))
		return;
	int bad = 0;
	struct stage s = { 0 };
	s.name = api_str(r, "name", &bad);
	s.definition = api_str(r, "definition", &bad);
	s.commitment = api_str(r, "commitment", &bad);
	s.kind = api_str(r, "kind", &bad);
	int64_t position = api_int(r, "position", &bad);
	if (bad)
		return;
	if (!s.kind)
		s.kind = "open";
	struct stage_list sl;
	enum err e = api_stages_ensure(r);
	if (!e)
		e = stage_list(r->db, r->a, r->me.org_id, &sl);
	if (e) {
		api_store_error(r, e);
		return;
	}
	if (api_has(r, "position") && !json_is_null(json_object_get(r->json, "position"))) {
		s.position = position < 0 || position > STAGE_POSITION_MAX ? -1 : (int)position;
	} else {
		/* without a position a new stage goes last */
		int last = 0;
		for (size_t i = 0; i < sl.n; i++)
			if (sl.items[i].position > last)
				last = sl.items[i].position;
		s.position = last + 10 > STAGE_POSITION_MAX ? STAGE_POSITION_MAX : last + 10;
	}
	if (check(r, &s))
		return;
	int64_t id = 0;
	e = stage_create(r->db, r->me.org_id, &s, &id);
	if (e == E_CONFLICT) {
		api_conflict(r, "name", T("There is already a stage with this name."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_stage(r, 201, id);
}

void api_stage_update(struct request *r)
{
	if (api_body(r))
		return;
	struct stage *got = stage_load_or_reply(r, r->id, NEED_CHANGE);
	if (!got)
		return;
	struct stage old = *got, s = old;
	enum err e;
	int bad = 0;
	/* only the members given change; null for a text means empty */
	if (api_has(r, "name"))
		s.name = api_str(r, "name", &bad);
	if (api_has(r, "definition"))
		s.definition = api_str(r, "definition", &bad);
	if (api_has(r, "commitment"))
		s.commitment = api_str(r, "commitment", &bad);
	if (api_has(r, "kind"))
		s.kind = api_str(r, "kind", &bad);
	if (api_has(r, "position")) {
		int64_t p = api_int(r, "position", &bad);
		s.position = p < 0 || p > STAGE_POSITION_MAX ? -1 : (int)p;
	}
	if (bad || check(r, &s))
		return;
	/* the same rules as the stages page (web/page-admin-stages.c) */
	if (strcmp(s.kind, old.kind)) {
		struct stage_list sl;
		e = stage_list(r->db, r->a, r->me.org_id, &sl);
		if (e) {
			api_store_error(r, e);
			return;
		}
		size_t same = 0;
		for (size_t i = 0; i < sl.n; i++)
			same += !strcmp(sl.items[i].kind, old.kind);
		if (same <= 1) {
			api_conflict(r, "kind", T("This is the only stage of its kind. Every organisation keeps an open, "
						  "a won and a lost stage."));
			return;
		}
		if (old.deals) {
			/* open deals in a won or lost stage would contradict their status */
			api_conflict(r, "kind", T("Open deals are in this stage. Move them first, then change its kind."));
			return;
		}
	}
	e = stage_update(r->db, r->me.org_id, &s);
	if (e == E_CONFLICT) {
		api_conflict(r, "name", T("There is already a stage with this name."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	reply_stage(r, 200, s.id);
}
