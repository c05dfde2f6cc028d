/*
 * api-candidate-data: candidates' data (issue 11), under the rules of the
 * pages (web/page-candidate-data.c; domain/access.c access_candidate_data):
 *
 *   GET  /api/v1/candidates/:id/export   everything held about the
 *        candidate: {candidate, conversations, steps, invitations,
 *        interviews, scorecards (with scores and evidence)}
 *   POST /api/v1/candidates/:id/erase    {"confirm": "yes"}: the candidate
 *        and every row about them deleted in one transaction: 200
 *        {"erased": id}; without the confirmation 400 naming "confirm"
 *
 * Admins only: 403 to a caller who sees the candidate otherwise, 404 to
 * anyone else.
 */
#include "api.h"
#include "../web/pages.h"
#include "../web/recruitui.h"
#include "../web/ui.h"
#include "../store/candidate-data.h"
#include <string.h>

void api_candidate_export(struct request *r)
{
	struct candidate c;
	if (candidate_data_load(r, &c))
		return;
	json_t *j = NULL;
	enum err e = candidate_export(r->db, r->me.org_id, c.id, &j);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, j);
}

void api_candidate_erase(struct request *r)
{
	struct candidate c;
	if (candidate_data_load(r, &c))
		return;
	if (api_body(r))
		return;
	int bad = 0;
	const char *confirm = api_str(r, "confirm", &bad);
	if (bad)
		return;
	if (!confirm || strcmp(confirm, "yes")) {
		api_invalid(r, "confirm", T("Send \"confirm\": \"yes\" to erase the candidate and every row about them."));
		return;
	}
	enum err e = candidate_erase(r->db, r->me.org_id, c.id);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, json_pack("{s:I}", "erased", (json_int_t)c.id));
}
