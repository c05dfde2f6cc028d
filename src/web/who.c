/*
 * who: see who.h. The rights come from domain/access.c through the
 * loaders of web/load.c; this file only reads the query and names the
 * choice.
 */
#include "who.h"
#include "ui.h"
#include "load.h"
#include "../store/teams.h"
#include "../store/users.h"
#include "../lib/util.h"
#include <string.h>


/* an id from the query: 1 when valid, 0 when not a positive integer */
static int query_id(const char *s, int64_t *id)
{
	return s && !parse_i64(s, id) && *id > 0;
}

int who_set(struct request *r, struct who *w, enum who_kind kind, int64_t id)
{
	memset(w, 0, sizeof(*w));
	w->kind = kind;
	w->id = id;
	switch (kind) {
	case WHO_ORG:
		w->name = r->me.org_name;
		w->value = "org";
		return 0;
	case WHO_LED:
		w->name = T("All your teams");
		w->value = "led";
		return 0;
	case WHO_TEAM: {
		struct team t;
		if (team_get(r->db, r->a, r->me.org_id, id, &t))
			return -1;
		w->name = t.name;
		w->value = arena_printf(r->a, "team:%lld", (long long)id);
		return 0;
	}
	case WHO_REP: {
		struct user u;
		if (user_get(r->db, r->a, r->me.org_id, id, &u))
			return -1;
		w->name = u.name;
		w->value = arena_printf(r->a, "rep:%lld", (long long)id);
		return 0;
	}
	default:
		return 0;
	}
}

/* rep=ID: a person whose figures and deals the viewer may see (web/load.c
 * asks domain/access.c) */
static int check_rep(struct request *r, struct who *w, int64_t id)
{
	struct user *u = user_load_or_reply(r, id, NEED_SEE);
	if (!u)
		return -1;
	memset(w, 0, sizeof(*w));
	w->kind = WHO_REP;
	w->id = id;
	w->name = u->name;
	w->value = arena_printf(r->a, "rep:%lld", (long long)id);
	return 1;
}

/* team=ID: for a team's aggregates its members too, for its reps one by
 * one only whoever manages it (access_team_aggregates, access_team_reps) */
static int check_team(struct request *r, struct who *w, int64_t id, enum who_use use)
{
	struct team *t = team_load_or_reply(r, id, use == WHO_FOR_AGGREGATES ? NEED_SEE : NEED_CHANGE);
	if (!t)
		return -1;
	memset(w, 0, sizeof(*w));
	w->kind = WHO_TEAM;
	w->id = id;
	w->name = t->name;
	w->value = arena_printf(r->a, "team:%lld", (long long)id);
	return 1;
}

int who_default(struct request *r, struct who *w)
{
	switch (access_default_scope(&r->viewer)) {
	case DEFAULT_ORG: return who_set(r, w, WHO_ORG, 0);
	case DEFAULT_LED: return who_set(r, w, WHO_LED, 0);
	default: return who_set(r, w, WHO_REP, r->me.user_id);
	}
}

int who_from_query(struct request *r, struct who *w)
{
	return who_from_query_for(r, w, WHO_FOR_REPS);
}

int who_from_query_for(struct request *r, struct who *w, enum who_use use)
{
	memset(w, 0, sizeof(*w));
	const char *rep = req_query(r, "rep"), *team = req_query(r, "team"), *pick = req_query(r, "who");
	int64_t id = 0;
	if (rep && *rep && team && *team) {
		resp_error(r, E_INVALID, T("Ask for either a rep or a team, not both."));
		return -1;
	}
	if (rep && *rep) {
		if (!query_id(rep, &id)) {
			resp_error(r, E_INVALID, T("rep must be the number of a user."));
			return -1;
		}
		return check_rep(r, w, id);
	}
	if (team && *team) {
		if (!query_id(team, &id)) {
			resp_error(r, E_INVALID, T("team must be the number of a team."));
			return -1;
		}
		return check_team(r, w, id, use);
	}
	if (!pick || !*pick)
		return 0;
	/* the picker's value: org, led, team:ID or rep:ID */
	if (!strcmp(pick, "org")) {
		if (!access_admin(&r->viewer, r->me.org_id)) {
			resp_error(r, E_FORBIDDEN, T("Only an admin sees the whole organisation."));
			return -1;
		}
		who_set(r, w, WHO_ORG, 0);
		return 1;
	}
	if (!strcmp(pick, "led")) {
		if (r->viewer.role < ROLE_MANAGER) {
			resp_error(r, E_FORBIDDEN, T("You may only see the figures and deals of the teams you lead."));
			return -1;
		}
		who_set(r, w, WHO_LED, 0);
		return 1;
	}
	if (str_has_prefix(pick, "team:") && query_id(pick + 5, &id))
		return check_team(r, w, id, use);
	if (str_has_prefix(pick, "rep:") && query_id(pick + 4, &id))
		return check_rep(r, w, id);
	resp_error(r, E_INVALID, T("Choose whose figures to show from the list."));
	return -1;
}

static void add_option(struct who_options *o, const char *value, const char *label)
{
	o->values[o->n] = value;
	o->labels[o->n++] = label;
}

int who_options(struct request *r, int flags, struct who_options *o)
{
	memset(o, 0, sizeof(*o));
	struct team_list teams;
	struct user_list users = { NULL, 0 };
	if (team_list_org(r->db, r->a, r->me.org_id, &teams))
		return -1;
	int admin = r->viewer.role == ROLE_ADMIN;
	if (admin) {
		if (user_list_org(r->db, r->a, r->me.org_id, &users))
			return -1;
	} else if (r->viewer.nled) {
		if (user_list_teams(r->db, r->a, r->me.org_id, r->viewer.led_teams, r->viewer.nled, r->me.user_id,
				    &users))
			return -1;
	} else {
		/* a rep (or a manager without a team) sees only themself: no picker */
		return 0;
	}
	size_t cap = teams.n + users.n + 2;
	o->values = arena_alloc(r->a, cap * sizeof(char *));
	o->labels = arena_alloc(r->a, cap * sizeof(char *));
	if (admin)
		add_option(o, "org", arena_printf(r->a, T("Whole organisation: %s"), r->me.org_name));
	if ((flags & WHO_OPT_LED) && r->viewer.nled)
		add_option(o, "led", T("All your teams"));
	for (size_t i = 0; i < teams.n; i++)
		if (access_manages_team(&r->viewer, r->me.org_id, teams.items[i].id))
			add_option(o, arena_printf(r->a, "team:%lld", (long long)teams.items[i].id),
				   arena_printf(r->a, T("Team: %s"), teams.items[i].name));
	for (size_t i = 0; i < users.n; i++) {
		const struct user *u = &users.items[i];
		if (!ui_may_see_owner(r, u->id, u->team_id))
			continue;
		if ((flags & WHO_OPT_REPS_ONLY) && strcmp(u->role ? u->role : "", "rep"))
			continue;
		/* people who left stay in the list: their history still counts */
		add_option(o, arena_printf(r->a, "rep:%lld", (long long)u->id),
			   u->active ? u->name : arena_printf(r->a, "%s (%s)", u->name, T("inactive")));
	}
	return 0;
}

int who_options_aggregates(struct request *r, struct who_options *o)
{
	if (who_options(r, WHO_OPT_LED | WHO_OPT_REPS_ONLY, o))
		return -1;
	int64_t own = r->viewer.team_id;
	/* the viewer's own team, when not already there as one they manage */
	if (!own || access_team_reps(&r->viewer, r->me.org_id, own))
		return 0;
	struct team t;
	if (team_get(r->db, r->a, r->me.org_id, own, &t))
		return -1;
	size_t cap = o->n + 2;
	const char **values = arena_alloc(r->a, cap * sizeof(char *)), **labels = arena_alloc(r->a, cap * sizeof(char *));
	struct who_options grown = { values, labels, 0 };
	if (!o->n)	/* a rep had no picker: themself, then their team */
		add_option(&grown, arena_printf(r->a, "rep:%lld", (long long)r->me.user_id), r->me.name);
	for (size_t i = 0; i < o->n; i++)
		add_option(&grown, o->values[i], o->labels[i]);
	add_option(&grown, arena_printf(r->a, "team:%lld", (long long)own), arena_printf(r->a, T("Team: %s"), t.name));
	*o = grown;
	return 0;
}

const char *who_query(struct request *r, const struct who *w)
{
	switch (w->kind) {
	case WHO_TEAM: return arena_printf(r->a, "team=%lld", (long long)w->id);
	case WHO_REP: return arena_printf(r->a, "rep=%lld", (long long)w->id);
	case WHO_LED: return "who=led";
	default: return "";
	}
}
