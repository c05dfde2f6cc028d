/*
 * api-tokens: the caller's API tokens — GET /api/v1/tokens lists those not
 * revoked (name, made, last used; never the secret, which is not kept), and
 * DELETE /api/v1/tokens/:id revokes one. An admin may list a user's tokens
 * (?user=ID) and revoke any token of the organisation, to shut out a token
 * that leaked without deactivating its owner. Tokens are made with
 * `salesgarden token create`.
 */
#include "api.h"
#include "../store/auth.h"
#include "../store/users.h"

static json_t *token_json(const struct api_token *t)
{
	return json_pack("{s:I, s:s, s:I, s:s, s:o, s:o}",
			 "id", (json_int_t)t->id,
			 "label", t->label,
			 "user_id", (json_int_t)t->user_id,
			 "user_email", t->user_email,
			 "created_at", api_time(t->created_at),
			 "last_used_at", t->last_used_at ? api_time(t->last_used_at) : json_null());
}

void api_tokens_list(struct request *r)
{
	int64_t user = 0;
	if (api_query_id(r, "user", &user))
		return;
	if (!user)
		user = r->me.user_id;
	struct person owner = { user, r->me.org_id, 0 };
	if (!access_tokens(&r->viewer, &owner)) {
		resp_error(r, E_FORBIDDEN, T("Only an admin may see another user's API tokens."));
		return;
	}
	struct api_token_list l;
	enum err e = token_list(r->db, r->a, r->me.org_id, user, &l);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(items, token_json(&l.items[i]));
	api_reply(r, 200, json_pack("{s:o}", "items", items));
}

void api_token_revoke(struct request *r)
{
	/* access_tokens: an admin may revoke any of the organisation, the
	 * others their own. Someone else's token answers 404 like a missing one. */
	int64_t owner = access_tokens_owner(&r->viewer);
	enum err e = token_revoke(r->db, r->me.org_id, owner, r->id);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such API token."));
		return;
	}
	if (e) {
		api_store_error(r, e);
		return;
	}
	r->status = 204;
	r->content_type = "application/json";
	sb_reset(&r->out);
}
