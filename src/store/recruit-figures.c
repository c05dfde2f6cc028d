/* recruit-figures: see recruit-figures.h. */
#include "recruit-figures.h"
#include <string.h>

static void *grow(struct arena *a, void *items, size_t n, size_t *cap, size_t sz)
{
	if (n < *cap)
		return items;
	size_t ncap = *cap ? *cap * 2 : 8;
	void *m = arena_alloc(a, ncap * sz);
	if (n)
		memcpy(m, items, n * sz);
	*cap = ncap;
	return m;
}

/* $1 org, $2 all, $3 user, $4 vacancy (0 any), $5 since */
#define FROM_C "FROM candidates c LEFT JOIN vacancies v ON v.org_id = c.org_id AND v.id = c.vacancy_id " \
	"LEFT JOIN recruit_stages rs ON rs.org_id = c.org_id AND rs.id = c.stage_id "
#define SCOPE "c.org_id = $1 AND ($2 = 1 OR c.vacancy_id IS NULL OR v.team_id IS NULL OR v.team_id IN " \
	"(SELECT t.id FROM teams t WHERE t.org_id = $1 AND t.manager_id = $3)) AND ($4 = 0 OR c.vacancy_id = $4) "
#define HIRED "(c.hired_on IS NOT NULL OR rs.kind = 'hired')"
#define PARAMS(s) P_I(org_id), P_I((s)->all ? 1 : 0), P_I((s)->user_id), P_I((s)->vacancy_id), P_T((s)->since)

enum err recruit_fig_stages(struct db_conn *c, struct arena *a, int64_t org_id, const struct recruit_fig_scope *s,
			    struct recruit_fig_stage **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT x.id, x.name, x.kind, (SELECT count(*) " FROM_C "WHERE " SCOPE
				 "AND c.stage_id = x.id AND c.vacancy_id IS NOT NULL AND c.created_on >= $5) "
				 "FROM recruit_stages x WHERE x.org_id = $1 ORDER BY x.position, x.id LIMIT 50",
				 PARAMS(s));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(**out));
		struct recruit_fig_stage *x = &(*out)[(*n)++];
		x->id = db_col_i64(st, 0);
		x->name = arena_strdup(a, db_col_text(st, 1));
		x->kind = arena_strdup(a, db_col_text(st, 2));
		x->at = db_col_i64(st, 3);
	}
	return db_finish(st);
}

enum err recruit_fig_vacancies(struct db_conn *c, struct arena *a, int64_t org_id, const struct recruit_fig_scope *s,
			       struct recruit_fig_vacancy **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT v.id, v.title, v.status, "
				 "(SELECT count(*) FROM candidates c WHERE c.org_id = $1 AND c.vacancy_id = v.id "
				 "AND c.created_on >= $5), "
				 "(SELECT count(*) FROM candidates c LEFT JOIN recruit_stages rs ON rs.org_id = c.org_id AND "
				 "rs.id = c.stage_id WHERE c.org_id = $1 AND c.vacancy_id = v.id AND c.created_on >= $5 "
				 "AND " HIRED ") "
				 "FROM vacancies v WHERE v.org_id = $1 AND ($2 = 1 OR v.team_id IS NULL OR v.team_id IN "
				 "(SELECT t.id FROM teams t WHERE t.org_id = $1 AND t.manager_id = $3)) AND ($4 = 0 OR v.id = $4) "
				 "ORDER BY v.title, v.id LIMIT 200",
				 PARAMS(s));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(**out));
		struct recruit_fig_vacancy *x = &(*out)[(*n)++];
		x->id = db_col_i64(st, 0);
		x->title = arena_strdup(a, db_col_text(st, 1));
		x->status = arena_strdup(a, db_col_text(st, 2));
		x->candidates = db_col_i64(st, 3);
		x->hired = db_col_i64(st, 4);
	}
	return db_finish(st);
}

enum err recruit_fig_hires(struct db_conn *c, struct arena *a, int64_t org_id, const struct recruit_fig_scope *s,
			   struct recruit_fig_hire **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT c.id, c.created_on, c.hired_on " FROM_C "WHERE " SCOPE
				 "AND c.hired_on IS NOT NULL AND c.hired_on >= $5 ORDER BY c.hired_on, c.id LIMIT $6",
				 PARAMS(s), P_I(RECRUIT_FIG_HIRES_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(**out));
		struct recruit_fig_hire *x = &(*out)[(*n)++];
		x->id = db_col_i64(st, 0);
		x->created_on = arena_strdup(a, db_col_text(st, 1));
		x->hired_on = arena_strdup(a, db_col_text(st, 2));
	}
	return db_finish(st);
}

static enum err counts(struct db_stmt *st, struct arena *a, struct recruit_fig_count **out, size_t *n, int hired)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(**out));
		struct recruit_fig_count *x = &(*out)[(*n)++];
		x->code = arena_strdup(a, db_col_text(st, 0));
		x->count = db_col_i64(st, 1);
		x->hired = hired ? db_col_i64(st, 2) : 0;
	}
	return db_finish(st);
}

enum err recruit_fig_stops(struct db_conn *c, struct arena *a, int64_t org_id, const struct recruit_fig_scope *s,
			   struct recruit_fig_count **out, size_t *n)
{
	struct db_stmt *st = DBQ(c, "SELECT coalesce(x.stop_reason, ''), count(*) FROM candidate_conversations x "
				 "JOIN candidates c ON c.org_id = x.org_id AND c.id = x.candidate_id "
				 "LEFT JOIN vacancies v ON v.org_id = c.org_id AND v.id = c.vacancy_id "
				 "WHERE x.org_id = $1 AND " SCOPE "AND x.outcome = 'stop' AND x.held_on >= $5 "
				 "GROUP BY coalesce(x.stop_reason, '') ORDER BY count(*) DESC, 1 LIMIT 50",
				 PARAMS(s));
	return counts(st, a, out, n, 0);
}

enum err recruit_fig_sources(struct db_conn *c, struct arena *a, int64_t org_id, const struct recruit_fig_scope *s,
			     struct recruit_fig_count **out, size_t *n)
{
	struct db_stmt *st = DBQ(c, "SELECT c.source, count(*), sum(CASE WHEN " HIRED " THEN 1 ELSE 0 END) " FROM_C
				 "WHERE " SCOPE "AND c.created_on >= $5 GROUP BY c.source ORDER BY c.source LIMIT 20",
				 PARAMS(s));
	return counts(st, a, out, n, 1);
}

int64_t recruit_fig_warm_pool(struct db_conn *c, int64_t org_id, const struct recruit_fig_scope *s)
{
	return DB_I64(c, -1, "SELECT count(*) FROM candidates c WHERE c.org_id = $1 AND c.vacancy_id IS NULL AND "
		      "EXISTS (SELECT 1 FROM candidate_conversations x WHERE x.org_id = c.org_id AND "
		      "x.candidate_id = c.id AND x.held_on >= $2)",
		      P_I(org_id), P_T(s->warm_since));
}
