/* observations: see observations.h. */
#include "observations.h"
#include "../lib/util.h"
#include <string.h>

enum err obs_create(struct db_conn *c, int64_t org_id, const struct new_observation *o, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO observations (org_id, rep_id, observer_id, conversation_id, kind, observed_on, "
				 "went_well, to_strengthen, agreed_action, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
				 "RETURNING id", P_I(org_id), P_I(o->rep_id), P_I(o->observer_id), P_ID(o->conversation_id),
				 P_T(o->kind), P_T(o->observed_on), P_T(o->went_well ? o->went_well : ""),
				 P_T(o->to_strengthen ? o->to_strengthen : ""), P_T(o->agreed_action ? o->agreed_action : ""),
				 P_I(now_epoch()));
	int64_t oid = 0;
	if (db_step(st) == DB_ROW)
		oid = db_col_i64(st, 0);
	enum err e = db_finish(st);
	for (size_t i = 0; !e && i < o->nscores; i++) {
		const struct obs_score *s = &o->scores[i];
		e = DBX(c, "INSERT INTO observation_scores (org_id, observation_id, trait_id, subskill_id, score, seen) "
			"VALUES ($1, $2, $3, $4, $5, $6)", P_I(org_id), P_I(oid), P_I(s->trait_id), P_I(s->subskill_id),
			s->score ? P_I(s->score) : P_NULL, P_T(s->seen ? s->seen : ""));
	}
	if (!e && id)
		*id = oid;
	return e;
}

#define OBS_COLS "o.id, o.org_id, o.rep_id, o.observer_id, coalesce(o.conversation_id, 0), o.kind, o.observed_on, " \
	"o.went_well, o.to_strengthen, o.agreed_action, r.name, w.name, coalesce(tm.team_id, 0), o.created_at "
#define OBS_FROM "FROM observations o JOIN users r ON r.org_id = o.org_id AND r.id = o.rep_id " \
	"JOIN users w ON w.org_id = o.org_id AND w.id = o.observer_id " \
	"LEFT JOIN team_members tm ON tm.org_id = o.org_id AND tm.user_id = o.rep_id "

static void read_obs(struct db_stmt *st, struct arena *a, struct observation *o)
{
	memset(o, 0, sizeof(*o));
	o->id = db_col_i64(st, 0);
	o->org_id = db_col_i64(st, 1);
	o->rep_id = db_col_i64(st, 2);
	o->observer_id = db_col_i64(st, 3);
	o->conversation_id = db_col_i64(st, 4);
	o->kind = arena_strdup(a, db_col_text(st, 5));
	o->observed_on = arena_strdup(a, db_col_text(st, 6));
	o->went_well = arena_strdup(a, db_col_text(st, 7));
	o->to_strengthen = arena_strdup(a, db_col_text(st, 8));
	o->agreed_action = arena_strdup(a, db_col_text(st, 9));
	o->rep_name = arena_strdup(a, db_col_text(st, 10));
	o->observer_name = arena_strdup(a, db_col_text(st, 11));
	o->rep_team_id = db_col_i64(st, 12);
	o->created_at = db_col_i64(st, 13);
}

/* the scores of observations ids[0..n) into each one's scores */
static enum err scores_of(struct db_conn *c, struct arena *a, int64_t org_id, struct observation *items, size_t n,
			  const char *from, const char *to, int64_t rep_id, int64_t one_id)
{
	if (!n)
		return E_OK;
	for (size_t i = 0; i < n; i++)
		items[i].scores = arena_allocarray(a, OBS_SCORES_MAX, sizeof(struct obs_score));
	struct db_stmt *st = DBQ(c, "SELECT s.observation_id, s.trait_id, s.subskill_id, coalesce(s.score, 0), s.seen, t.code, "
				 "t.name, coalesce(k.name, '') FROM observation_scores s "
				 "JOIN observations o ON o.org_id = s.org_id AND o.id = s.observation_id "
				 "JOIN traits t ON t.org_id = s.org_id AND t.id = s.trait_id "
				 "LEFT JOIN subskills k ON k.org_id = s.org_id AND k.id = s.subskill_id "
				 "WHERE s.org_id = $1 AND (o.id = $2 OR ($2 = 0 AND o.rep_id = $3 "
				 "AND ($4 = '' OR o.observed_on >= $4) AND ($5 = '' OR o.observed_on <= $5))) "
				 "ORDER BY t.position, t.id, s.subskill_id LIMIT $6",
				 P_I(org_id), P_I(one_id), P_I(rep_id), P_T(from ? from : ""), P_T(to ? to : ""),
				 P_I(OBS_SCORES_MAX * OBS_LIST_MAX));
	while (db_step(st) == DB_ROW) {
		int64_t oid = db_col_i64(st, 0);
		for (size_t i = 0; i < n; i++) {
			if (items[i].id != oid || items[i].nscores >= OBS_SCORES_MAX)
				continue;
			struct obs_score *s = &items[i].scores[items[i].nscores++];
			s->trait_id = db_col_i64(st, 1);
			s->subskill_id = db_col_i64(st, 2);
			s->score = (int)db_col_i64(st, 3);
			s->seen = arena_strdup(a, db_col_text(st, 4));
			s->trait_code = arena_strdup(a, db_col_text(st, 5));
			s->trait_name = arena_strdup(a, db_col_text(st, 6));
			s->subskill_name = arena_strdup(a, db_col_text(st, 7));
			break;
		}
	}
	return db_finish(st);
}

enum err obs_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct observation *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " OBS_COLS OBS_FROM "WHERE o.org_id = $1 AND o.id = $2", P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_obs(st, a, out);
	enum err e = db_finish(st);
	if (e)
		return e;
	if (r != DB_ROW)
		return E_NOTFOUND;
	return scores_of(c, a, org_id, out, 1, NULL, NULL, 0, id);
}

enum err obs_list_rep(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *from,
		      const char *to, struct obs_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, OBS_LIST_MAX, sizeof(*out->items));
	struct db_stmt *st = DBQ(c, "SELECT " OBS_COLS OBS_FROM "WHERE o.org_id = $1 AND o.rep_id = $2 "
				 "AND ($3 = '' OR o.observed_on >= $3) AND ($4 = '' OR o.observed_on <= $4) "
				 "ORDER BY o.observed_on DESC, o.id DESC LIMIT $5",
				 P_I(org_id), P_I(rep_id), P_T(from ? from : ""), P_T(to ? to : ""), P_I(OBS_LIST_MAX));
	while (db_step(st) == DB_ROW)
		read_obs(st, a, &out->items[out->n++]);
	enum err e = db_finish(st);
	if (e)
		return e;
	return scores_of(c, a, org_id, out->items, out->n, from, to, rep_id, 0);
}
