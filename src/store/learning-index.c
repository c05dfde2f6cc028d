/* learning-index: see learning-index.h. */
#include "learning-index.h"
#include "../lib/util.h"
#include <stdio.h>
#include <string.h>

#define SUM_COLS "la.rep_id, substr(la.done_on, 1, 7), la.origin, COUNT(*), COALESCE(SUM(la.minutes), 0), " \
	"COALESCE(SUM(CASE WHEN la.learned <> '' OR la.will_change <> '' THEN 1 ELSE 0 END), 0), MAX(la.done_on)"
#define SUM_GROUP " GROUP BY la.rep_id, substr(la.done_on, 1, 7), la.origin ORDER BY 1, 2, 3 LIMIT $5"

enum err learning_index_sums(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, int64_t team_id,
			     const char *from, const char *to, struct li_sums *out)
{
	memset(out, 0, sizeof(*out));
	struct db_stmt *st;
	if (rep_id)
		st = DBQ(c, "SELECT " SUM_COLS " FROM learning_activities la WHERE la.org_id = $1 AND la.rep_id = $2 "
			 "AND la.status = 'done' AND la.done_on >= $3 AND la.done_on <= $4" SUM_GROUP,
			 P_I(org_id), P_I(rep_id), P_T(from), P_T(to), P_I(LI_SUM_ROWS_MAX + 1));
	else
		/* CROSS JOIN: SQLite starts from the team's members and reads each
		 * one's activities by learning_rep_done, rather than every activity
		 * of the organisation in the window (20,000 a year at bench scale) */
		st = DBQ(c, "SELECT " SUM_COLS " FROM team_members tm CROSS JOIN learning_activities la "
			 "WHERE tm.org_id = $1 AND tm.team_id = $2 AND la.org_id = tm.org_id AND la.rep_id = tm.user_id "
			 "AND la.status = 'done' AND la.done_on >= $3 AND la.done_on <= $4" SUM_GROUP,
			 P_I(org_id), P_I(team_id), P_T(from), P_T(to), P_I(LI_SUM_ROWS_MAX + 1));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		if (out->n == LI_SUM_ROWS_MAX) {
			out->cut = 1;
			break;
		}
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct li_sum *x = arena_alloc(a, ncap * sizeof(*x));
			if (out->n)
				memcpy(x, out->items, out->n * sizeof(*x));
			out->items = x;
			cap = ncap;
		}
		struct li_sum *s = &out->items[out->n++];
		s->rep_id = db_col_i64(st, 0);
		snprintf(s->month, sizeof(s->month), "%s", db_col_text(st, 1));
		s->origin = arena_strdup(a, db_col_text(st, 2));
		s->count = (long)db_col_i64(st, 3);
		s->minutes = (long)db_col_i64(st, 4);
		s->reflected = (long)db_col_i64(st, 5);
		snprintf(s->last_on, sizeof(s->last_on), "%s", db_col_text(st, 6));
	}
	return db_finish(st);
}

enum err learning_trait_sums(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *from,
			     const char *to, struct li_trait_sums *out)
{
	memset(out, 0, sizeof(*out));
	/* newest first within each trait: the first row of a trait is its last one */
	struct db_stmt *st = DBQ(c, "SELECT trait_id, done_on, title, minutes FROM learning_activities WHERE org_id = $1 "
				 "AND rep_id = $2 AND status = 'done' AND trait_id IS NOT NULL AND done_on >= $3 "
				 "AND done_on <= $4 ORDER BY trait_id, done_on DESC, id DESC LIMIT $5",
				 P_I(org_id), P_I(rep_id), P_T(from), P_T(to), P_I(LI_TRAIT_ROWS_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		int64_t t = db_col_i64(st, 0);
		if (!out->n || out->items[out->n - 1].trait_id != t) {
			if (out->n == cap) {
				size_t ncap = cap ? cap * 2 : 16;
				struct li_trait_sum *x = arena_alloc(a, ncap * sizeof(*x));
				if (out->n)
					memcpy(x, out->items, out->n * sizeof(*x));
				out->items = x;
				cap = ncap;
			}
			struct li_trait_sum *s = &out->items[out->n++];
			memset(s, 0, sizeof(*s));
			s->trait_id = t;
			s->last_on = arena_strdup(a, db_col_text(st, 1));
			s->last_title = arena_strdup(a, db_col_text(st, 2));
		}
		out->items[out->n - 1].count++;
		out->items[out->n - 1].minutes += (long)db_col_i64(st, 3);
	}
	return db_finish(st);
}

enum err learning_kind_counts(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *after,
			      const char *to, struct li_kind_counts *out)
{
	memset(out, 0, sizeof(*out));
	struct db_stmt *st = DBQ(c, "SELECT kind, COUNT(*) FROM learning_activities WHERE org_id = $1 AND rep_id = $2 "
				 "AND status = 'done' AND done_on > $3 AND done_on <= $4 GROUP BY kind ORDER BY kind LIMIT 16",
				 P_I(org_id), P_I(rep_id), P_T(after && *after ? after : "0000-00-00"), P_T(to));
	while (db_step(st) == DB_ROW && out->n < sizeof(out->items) / sizeof(out->items[0])) {
		out->items[out->n].kind = arena_strdup(a, db_col_text(st, 0));
		out->items[out->n++].count = (long)db_col_i64(st, 1);
	}
	return db_finish(st);
}

enum err learning_goal_sums(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *from, const char *to,
			    const char *kind, int64_t trait_id, long *count, long *minutes)
{
	*count = *minutes = 0;
	struct db_stmt *st = DBQ(c, "SELECT COUNT(*), COALESCE(SUM(minutes), 0) FROM learning_activities WHERE org_id = $1 "
				 "AND rep_id = $2 AND status = 'done' AND done_on >= $3 AND done_on <= $4 "
				 "AND ($5 = '' OR kind = $5) AND ($6 = 0 OR trait_id = $6)",
				 P_I(org_id), P_I(rep_id), P_T(from), P_T(to), P_T(kind ? kind : ""), P_I(trait_id));
	if (db_step(st) == DB_ROW) {
		*count = (long)db_col_i64(st, 0);
		*minutes = (long)db_col_i64(st, 1);
	}
	return db_finish(st);
}
