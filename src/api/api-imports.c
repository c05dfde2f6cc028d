/*
 * api-imports: GET /api/v1/imports/:id — an import job started on the
 * import page, for admins: its status while it runs ("running", with rows
 * and bytes done of the file's bytes) and its summary when it is done
 * (counts, whether anything was kept, and the errors by line and column).
 * A client can poll it the way the page reloads itself. Another
 * organisation's job is 404, as if it did not exist.
 */
#include "api.h"
#include "../jobs/import-jobs.h"
#include <string.h>

static json_t *job_json(const struct import_job *j)
{
	json_t *errors = json_array();
	for (size_t i = 0; i < j->nerrors; i++) {
		const struct import_error *e = &j->errors[i];
		json_array_append_new(errors, json_pack("{s:I, s:o, s:s}", "line", (json_int_t)e->line, "column",
							api_text_or_null(e->column ? e->column : ""), "message",
							e->message ? e->message : ""));
	}
	json_t *map = json_array(), *set = json_array();
	for (size_t i = 0; i < j->nmap; i++)
		json_array_append_new(map, json_string(j->map[i]));
	for (size_t i = 0; i < j->nset; i++)
		json_array_append_new(set, json_string(j->set[i]));
	json_t *v = json_pack("{s:I, s:I, s:s, s:s, s:s, s:o, s:b, s:b, s:b, s:s, s:I, s:I, s:I}",
			      "id", (json_int_t)j->id, "file_id", (json_int_t)j->file_id, "filename", j->filename,
			      "kind", j->kind, "preset", j->preset,
			      "used_preset", api_text_or_null(j->used_preset), "dry_run", j->dry_run,
			      "create_missing", j->create_missing, "all_or_nothing", j->all_or_nothing,
			      "status", j->status, "rows", (json_int_t)j->rows, "bytes_done", (json_int_t)j->bytes_done,
			      "bytes_total", (json_int_t)j->bytes_total);
	json_t *rest = json_pack("{s:I, s:I, s:I, s:I, s:I, s:b, s:o, s:o, s:o, s:o, s:o, s:o, s:I}",
				 "read", (json_int_t)j->read, "created", (json_int_t)j->created,
				 "updated", (json_int_t)j->updated, "skipped", (json_int_t)j->skipped,
				 "failed", (json_int_t)j->failed, "saved", !strcmp(j->status, "done") && !j->rolled_back,
				 "errors", errors, "map", map, "set", set, "message", api_text_or_null(j->message),
				 "started_at", api_time(j->started_at),
				 "finished_at", j->finished_at ? api_time(j->finished_at) : json_null(),
				 "started_by", (json_int_t)j->user_id);
	if (!v || !rest) {
		json_decref(v);
		json_decref(rest);
		return NULL;
	}
	json_object_update(v, rest);
	json_decref(rest);
	return v;
}

void api_import_get(struct request *r)
{
	struct import_job j;
	enum err e = import_job_get(r->db, r->a, r->me.org_id, r->id, &j);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such import."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, job_json(&j));
}
