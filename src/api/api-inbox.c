/*
 * api-inbox: the coach's inbox (issue 10), under the rules of the page
 * (web/page-inbox.c; domain/access.c access_inbox, access_inbox_rep).
 *
 *   GET  /api/v1/inbox           the caller's items, most urgent first:
 *        {items: [{kind, key, fingerprint, level, days, since, text, link,
 *        rep, team_id}], count, hidden}; text is in the caller's language
 *   POST /api/v1/inbox/dismiss   {key}: gone until its situation changes
 *   POST /api/v1/inbox/snooze    {key, until: "day" | "week" | a day}:
 *        hidden until that day
 * A key not in the caller's inbox (over, or never theirs) is 404; the state
 * stored is the one the server finds, never one the client sends.
 */
#include "api.h"
#include "../web/ui.h"
#include "../service/inbox.h"
#include "../store/inbox.h"
#include <string.h>

static json_t *item_json(const struct inbox_item *it)
{
	return json_pack("{s:s, s:s, s:s, s:i, s:I, s:s?, s:s, s:s, s:o, s:o}", "kind", inbox_kind_code(it->kind),
			 "key", it->key, "fingerprint", it->fingerprint, "level", it->level, "days", (json_int_t)it->days,
			 "since", *it->since ? it->since : NULL, "text", it->text, "link", it->link,
			 "rep", it->rep_id ? json_pack("{s:I, s:s}", "id", (json_int_t)it->rep_id, "name", it->name)
					   : json_null(),
			 "team_id", it->team_id ? json_integer(it->team_id) : json_null());
}

static int refuse(struct request *r)
{
	if (access_inbox(&r->viewer, r->me.org_id))
		return 0;
	resp_error(r, E_FORBIDDEN, T("Only managers and admins have an inbox."));
	return 1;
}

void api_inbox_list(struct request *r)
{
	if (refuse(r))
		return;
	struct inbox x;
	enum err e = inbox_gather(r->db, r->a, &r->viewer, r->lang, ui_today(r), &x);
	if (e) {
		api_store_error(r, e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < x.n; i++)
		json_array_append_new(arr, item_json(&x.items[i]));
	api_reply(r, 200, json_pack("{s:o, s:I, s:I}", "items", arr, "count", (json_int_t)x.n, "hidden",
				    (json_int_t)x.hidden));
}

/* the item of the body's key; NULL when the answer was sent */
static struct inbox_item *posted(struct request *r, int *bad)
{
	if (refuse(r) || api_body(r))
		return NULL;
	const char *key = api_str(r, "key", bad);
	if (*bad)
		return NULL;
	if (!key || !*key) {
		api_invalid(r, "key", T("Give the key of an item of your inbox."));
		return NULL;
	}
	struct inbox_item *it;
	enum err e = inbox_find(r->db, r->a, &r->viewer, r->lang, ui_today(r), key, &it);
	if (e) {
		api_store_error(r, e);
		return NULL;
	}
	if (!it)
		resp_error(r, E_NOTFOUND, T("This item is no longer in your inbox."));
	return it;
}

static void stored(struct request *r, const struct inbox_item *it, const char *until)
{
	enum err e = inbox_dismiss(r->db, r->me.org_id, r->me.user_id, it->key, it->fingerprint, until);
	if (e) {
		api_store_error(r, e);
		return;
	}
	api_reply(r, 200, json_pack("{s:s, s:s, s:s?}", "key", it->key, "fingerprint", it->fingerprint, "until",
				    until));
}

void api_inbox_dismiss(struct request *r)
{
	int bad = 0;
	struct inbox_item *it = posted(r, &bad);
	if (it)
		stored(r, it, NULL);
}

void api_inbox_snooze(struct request *r)
{
	int bad = 0;
	struct inbox_item *it = posted(r, &bad);
	if (!it)
		return;
	const char *until = api_str(r, "until", &bad);
	if (bad)
		return;
	char day[11];
	if (inbox_snooze_until(until, ui_today(r), day)) {
		api_invalid(r, "until", T("Snooze until: give a day after today, at most a year ahead."));
		return;
	}
	stored(r, it, day);
}
