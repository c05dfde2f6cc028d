/* dealui: see dealui.h. */
#include "dealui.h"
#include "reasonui.h"
#include "load.h"
#include "../lib/fmt.h"
#include "../lib/util.h"
#include <string.h>

static int64_t positive_id(const char *v)
{
	int64_t id = 0;
	if (!v || !*v || parse_i64(v, &id) || id <= 0)
		return 0;
	return id;
}

int64_t dealui_query_id(struct request *r, const char *key)
{
	return positive_id(req_query(r, key));
}

int64_t dealui_form_id(struct request *r, const char *key)
{
	return positive_id(req_form(r, key));
}

char *dealui_form_text(struct request *r, const char *key)
{
	const char *v = req_form(r, key);
	return str_trim(arena_strdup(r->a, v ? v : ""));
}

enum err dealui_stages(struct request *r, struct stage_list *out)
{
	enum err e = stages_ensure(r->db, r->me.org_id, r->lang);
	return e ? e : stage_list(r->db, r->a, r->me.org_id, out);
}

/* room for n options and a leading "" one */
static void opts_alloc(struct request *r, size_t n, const char *first_label, struct dealui_opts *out)
{
	out->values = arena_alloc(r->a, (n + 1) * sizeof(char *));
	out->labels = arena_alloc(r->a, (n + 1) * sizeof(char *));
	out->n = 0;
	if (first_label) {
		out->values[0] = "";
		out->labels[0] = first_label;
		out->n = 1;
	}
}

static void opts_add(struct request *r, struct dealui_opts *o, int64_t id, const char *label)
{
	o->values[o->n] = arena_printf(r->a, "%lld", (long long)id);
	o->labels[o->n++] = label;
}

void dealui_stage_options(struct request *r, const struct stage_list *s, int open_only, const char *first_label,
			  struct dealui_opts *out)
{
	opts_alloc(r, s->n, first_label, out);
	for (size_t i = 0; i < s->n; i++)
		if (!open_only || !strcmp(s->items[i].kind, "open"))
			opts_add(r, out, s->items[i].id, s->items[i].name);
}

static void keep_active(struct user_list *u)
{
	size_t k = 0;
	for (size_t i = 0; i < u->n; i++)
		if (u->items[i].active)
			u->items[k++] = u->items[i];
	u->n = k;
}

enum err dealui_people(struct request *r, int active_only, struct user_list *out)
{
	enum err e;
	switch (access_deal_scope(&r->viewer)) {
	case SCOPE_ALL:
		e = user_list_org(r->db, r->a, r->me.org_id, out);
		break;
	case SCOPE_LED:
		e = user_list_teams(r->db, r->a, r->me.org_id, r->viewer.led_teams, r->viewer.nled, r->me.user_id, out);
		break;
	default:
		out->items = arena_alloc(r->a, sizeof(struct user));
		out->n = 0;
		e = user_get(r->db, r->a, r->me.org_id, r->me.user_id, &out->items[0]);
		if (!e)
			out->n = 1;
		break;
	}
	if (!e && active_only)
		keep_active(out);
	return e;
}

enum err dealui_teams(struct request *r, struct team_list *out)
{
	out->items = NULL;
	out->n = 0;
	if (r->viewer.role == ROLE_REP)
		return E_OK;
	enum err e = team_list_org(r->db, r->a, r->me.org_id, out);
	if (e)
		return e;
	size_t k = 0;
	for (size_t i = 0; i < out->n; i++)
		if (access_manages_team(&r->viewer, r->me.org_id, out->items[i].id))
			out->items[k++] = out->items[i];
	out->n = k;
	return E_OK;
}

void dealui_people_options(struct request *r, const struct user_list *u, const char *first_label,
			   struct dealui_opts *out)
{
	opts_alloc(r, u->n, first_label, out);
	for (size_t i = 0; i < u->n; i++)
		opts_add(r, out, u->items[i].id, u->items[i].active ? u->items[i].name
			 : arena_printf(r->a, "%s (%s)", u->items[i].name, T("inactive")));
}

void dealui_team_options(struct request *r, const struct team_list *t, const char *first_label,
			 struct dealui_opts *out)
{
	opts_alloc(r, t->n, first_label, out);
	for (size_t i = 0; i < t->n; i++)
		opts_add(r, out, t->items[i].id, t->items[i].name);
}

const char *dealui_money_input(struct request *r, int64_t minor)
{
	int64_t whole = minor / 100, cents = minor % 100;
	if (cents < 0)
		cents = -cents;
	if (!cents)
		return arena_printf(r->a, "%lld", (long long)whole);
	/* the decimal mark parse_money expects in this language */
	return arena_printf(r->a, "%lld%c%02lld", (long long)whole, r->lang == LANG_EN ? '.' : ',', (long long)cents);
}

const char *dealui_status_label(struct request *r, const char *status)
{
	if (!strcmp(status, "open"))
		return T("Open");
	if (!strcmp(status, "won"))
		return T("Won");
	if (!strcmp(status, "lost"))
		return T("Lost");
	if (!strcmp(status, "paused"))
		return T("Paused");
	return status;
}

void dealui_status(struct request *r, const struct deal *d, int with_reasons)
{
	if (!strcmp(d->status, "open")) {
		ui_health(r, &d->health, with_reasons);
		return;
	}
	const char *cls = !strcmp(d->status, "won") ? "ok" : !strcmp(d->status, "lost") ? "bad" : "warn";
	html_printf(&r->out, "<span class=\"badge %-s\">%s</span>", cls, dealui_status_label(r, d->status));
	if (!strcmp(d->status, "lost") && *d->lost_reason)
		html_printf(&r->out, " <span class=\"muted\">%s</span>", reasonui_label(r, d->lost_reason));
}

int dealui_may_see(struct request *r, const struct deal *d)
{
	return ui_may_see_owner(r, d->owner_id, d->owner_team_id);
}

void dealui_check_value(struct request *r, const char *text, int64_t *minor, const char **msg)
{
	*msg = NULL;
	*minor = 0;
	if (!*text)
		return;
	if (parse_money(r->lang, text, minor))
		*msg = r->lang == LANG_EN ? T("Type an amount such as 12500 or 12,500.50.")
		       : T("Type an amount such as 12500 or 12.500,50.");
	else if (*minor < 0)
		*msg = T("The value cannot be negative.");
}

void dealui_check_date(struct request *r, const char *text, const char **msg)
{
	*msg = *text && !date_valid(text) ? T("Enter a date as YYYY-MM-DD, or leave it empty.") : NULL;
}

enum err dealui_check_stage(struct request *r, const char *text, int64_t *id, const char **msg)
{
	struct stage s;
	*msg = NULL;
	*id = positive_id(text);
	enum err e = *id ? stage_get(r->db, r->a, r->me.org_id, *id, &s) : E_NOTFOUND;
	if (e == E_NOTFOUND || (!e && strcmp(s.kind, "open")))
		*msg = T("Choose one of the open stages.");
	return e == E_NOTFOUND ? E_OK : e;
}

enum err dealui_check_owner(struct request *r, const char *text, int64_t *id, const char **msg)
{
	enum err e = E_OK;
	*msg = NULL;
	*id = positive_id(text);
	/* access_deal_assign, the API's rule too */
	int may = load_may_assign(r, *id, &e);
	if (!may)
		*msg = T("You cannot give a deal to this person.");
	return may < 0 ? e : E_OK;
}

int dealui_new_without_step(const struct deal *d)
{
	return !d->sig.has_open_step && !strcmp(d->status, "open") && !(d->health.reasons & HR_NO_NEXT_STEP);
}

const char *dealui_no_step_text(struct request *r, const struct deal *d)
{
	return dealui_new_without_step(d) ? T("New deal: log the first conversation") : T("No next step");
}
