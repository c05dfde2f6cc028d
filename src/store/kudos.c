/* kudos: see kudos.h. */
#include "kudos.h"
#include "contests.h"
#include "../lib/util.h"
#include <stdio.h>
#include <string.h>

/* grows an arena array of n items of size sz to hold one more */
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

enum err kudos_add(struct db_conn *c, int64_t org_id, int64_t giver_id, int64_t rep_id, int64_t team_id,
		   const char *kind, const char *text, const char *given_on, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO kudos (org_id, giver_id, rep_id, team_id, kind, text, given_on, "
				 "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
				 P_I(org_id), P_I(giver_id), P_I(rep_id), P_ID(team_id), P_T(kind), P_T(text),
				 P_T(given_on), P_I(now_epoch()));
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

/* the teams $3 belongs to or leads */
#define VIEWER_TEAMS(col) \
	"(" col " IN (SELECT tm.team_id FROM team_members tm WHERE tm.org_id = $1 AND tm.user_id = $3) OR " col \
	" IN (SELECT t.id FROM teams t WHERE t.org_id = $1 AND t.manager_id = $3))"
#define KSCOPE_WHERE "k.org_id = $1 AND ($2 = 1 OR k.giver_id = $3 OR k.rep_id = $3 OR " VIEWER_TEAMS("k.team_id") ") " \
	"AND ($4 = 0 OR k.rep_id = $4)"

enum err kudos_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct kudos_scope *s, int64_t limit,
		    int64_t offset, struct kudos **out, size_t *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	if (limit < 1 || limit > KUDOS_LIST_MAX)
		limit = KUDOS_LIST_MAX;
	*total = DB_I64(c, -1, "SELECT count(*) FROM kudos k WHERE " KSCOPE_WHERE, P_I(org_id), P_I(s->all ? 1 : 0),
			P_I(s->viewer_id), P_I(s->rep_id));
	if (*total < 0)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
	struct db_stmt *st = DBQ(c, "SELECT k.id, k.giver_id, k.rep_id, coalesce(k.team_id, 0), g.name, u.name, "
				 "coalesce(t.name, ''), k.kind, k.text, k.created_at, k.given_on FROM kudos k "
				 "JOIN users g ON g.org_id = k.org_id AND g.id = k.giver_id "
				 "JOIN users u ON u.org_id = k.org_id AND u.id = k.rep_id "
				 "LEFT JOIN teams t ON t.org_id = k.org_id AND t.id = k.team_id WHERE " KSCOPE_WHERE " "
				 "ORDER BY k.given_on DESC, k.id DESC LIMIT $5 OFFSET $6",
				 P_I(org_id), P_I(s->all ? 1 : 0), P_I(s->viewer_id), P_I(s->rep_id), P_I(limit),
				 P_I(offset));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct kudos));
		struct kudos *k = &(*out)[(*n)++];
		k->id = db_col_i64(st, 0);
		k->org_id = org_id;
		k->giver_id = db_col_i64(st, 1);
		k->rep_id = db_col_i64(st, 2);
		k->team_id = db_col_i64(st, 3);
		k->giver_name = arena_strdup(a, db_col_text(st, 4));
		k->rep_name = arena_strdup(a, db_col_text(st, 5));
		k->team_name = arena_strdup(a, db_col_text(st, 6));
		k->kind = arena_strdup(a, db_col_text(st, 7));
		k->text = arena_strdup(a, db_col_text(st, 8));
		k->created_at = db_col_i64(st, 9);
		k->given_on = arena_strdup(a, db_col_text(st, 10));
	}
	return db_finish(st);
}

enum err spotlight_set(struct db_conn *c, int64_t org_id, int64_t team_id, const char *period,
		       const char *period_start, int64_t rep_id, const char *citation, int64_t author_id)
{
	return DBX(c, "INSERT INTO spotlights (org_id, team_id, period, period_start, rep_id, citation, author_id, "
		      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
		      "ON CONFLICT (org_id, team_id, period, period_start) DO UPDATE SET rep_id = excluded.rep_id, "
		      "citation = excluded.citation, author_id = excluded.author_id, created_at = excluded.created_at",
		   P_I(org_id), P_I(team_id), P_T(period), P_T(period_start), P_I(rep_id), P_T(citation),
		   P_I(author_id), P_I(now_epoch()));
}

#define SPOT_SELECT "SELECT s.id, s.team_id, s.rep_id, s.author_id, t.name, u.name, w.name, s.period, " \
	"s.period_start, s.citation, s.created_at FROM spotlights s " \
	"JOIN teams t ON t.org_id = s.org_id AND t.id = s.team_id " \
	"JOIN users u ON u.org_id = s.org_id AND u.id = s.rep_id " \
	"JOIN users w ON w.org_id = s.org_id AND w.id = s.author_id "

static enum err read_spots(struct db_stmt *st, struct arena *a, struct spotlight **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct spotlight));
		struct spotlight *x = &(*out)[(*n)++];
		x->id = db_col_i64(st, 0);
		x->team_id = db_col_i64(st, 1);
		x->rep_id = db_col_i64(st, 2);
		x->author_id = db_col_i64(st, 3);
		x->team_name = arena_strdup(a, db_col_text(st, 4));
		x->rep_name = arena_strdup(a, db_col_text(st, 5));
		x->author_name = arena_strdup(a, db_col_text(st, 6));
		x->period = arena_strdup(a, db_col_text(st, 7));
		x->period_start = arena_strdup(a, db_col_text(st, 8));
		x->citation = arena_strdup(a, db_col_text(st, 9));
		x->created_at = db_col_i64(st, 10);
	}
	return db_finish(st);
}

enum err spotlights_current(struct db_conn *c, struct arena *a, int64_t org_id, const struct kudos_scope *s,
			    const char *week_start, const char *month_start, struct spotlight **out, size_t *n)
{
	struct db_stmt *st = DBQ(c, SPOT_SELECT "WHERE s.org_id = $1 AND ($2 = 1 OR " VIEWER_TEAMS("s.team_id") ") "
				 "AND ((s.period = 'week' AND s.period_start = $4) OR (s.period = 'month' AND "
				 "s.period_start = $5)) ORDER BY t.name, s.team_id, s.period LIMIT 100",
				 P_I(org_id), P_I(s->all ? 1 : 0), P_I(s->viewer_id), P_T(week_start), P_T(month_start));
	return read_spots(st, a, out, n);
}

enum err spotlights_team(struct db_conn *c, struct arena *a, int64_t org_id, int64_t team_id,
			 const char *week_start, const char *month_start, struct spotlight **out, size_t *n)
{
	struct db_stmt *st = DBQ(c, SPOT_SELECT "WHERE s.org_id = $1 AND s.team_id = $2 AND ((s.period = 'week' AND "
				 "s.period_start = $3) OR (s.period = 'month' AND s.period_start = $4)) "
				 "ORDER BY s.period LIMIT 2",
				 P_I(org_id), P_I(team_id), P_T(week_start), P_T(month_start));
	return read_spots(st, a, out, n);
}

#define FACT_DAYS_MAX 4000

enum err kudos_badge_facts(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
			   struct badge_facts *out)
{
	out->days = NULL;
	out->ndays = 0;
	out->tenth_kept_on = out->first_book_on = NULL;
	out->most_improved_on = NULL;
	out->most_improved_wins = 0;
	struct db_stmt *st = DBQ(c, "SELECT due, sum(CASE WHEN status = 'kept' THEN 1 ELSE 0 END), "
				 "sum(CASE WHEN status = 'missed' THEN 1 ELSE 0 END), "
				 "sum(CASE WHEN status = 'open' THEN 1 ELSE 0 END) FROM steps "
				 "WHERE org_id = $1 AND rep_id = $2 AND status <> 'cancelled' GROUP BY due "
				 "ORDER BY due DESC LIMIT $3",
				 P_I(org_id), P_I(rep_id), P_I(FACT_DAYS_MAX));
	struct step_day *d = NULL;
	size_t cap = 0, n = 0;
	while (db_step(st) == DB_ROW) {
		d = grow(a, d, n, &cap, sizeof(*d));
		d[n].due = arena_strdup(a, db_col_text(st, 0));
		d[n].kept = (int)db_col_i64(st, 1);
		d[n].missed = (int)db_col_i64(st, 2);
		d[n].open = (int)db_col_i64(st, 3);
		n++;
	}
	enum err e = db_finish(st);
	if (e)
		return e;
	out->days = d;
	out->ndays = n;
	st = DBQ(c, "SELECT coalesce(done_on, due) AS d FROM steps WHERE org_id = $1 AND rep_id = $2 AND "
		    "status = 'kept' ORDER BY d, id LIMIT 1 OFFSET 9", P_I(org_id), P_I(rep_id));
	if (db_step(st) == DB_ROW)
		out->tenth_kept_on = arena_strdup(a, db_col_text(st, 0));
	if ((e = db_finish(st)))
		return e;
	st = DBQ(c, "SELECT min(returned_on) FROM library_loans WHERE org_id = $1 AND borrower_id = $2 AND "
		    "returned_on IS NOT NULL AND takeaway <> ''", P_I(org_id), P_I(rep_id));
	if (db_step(st) == DB_ROW && !db_col_null(st, 0))
		out->first_book_on = arena_strdup(a, db_col_text(st, 0));
	e = db_finish(st);
	if (e)
		return e;
	/* contests (issue 10): the most-improved wins */
	const char *won_on;
	if ((e = contests_most_improved_wins(c, a, org_id, rep_id, &out->most_improved_wins, &won_on)))
		return e;
	out->most_improved_on = *won_on ? won_on : NULL;
	return E_OK;
}

enum err kudos_manager_needs(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
			     const char *today, struct kudos_need **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	char month[11];
	if (spotlight_period_start("month", today, month))
		return E_INVALID;
	struct db_stmt *st = DBQ(c, "SELECT t.id, t.name FROM teams t WHERE t.org_id = $1 AND t.manager_id = $2 "
				 "AND NOT EXISTS (SELECT 1 FROM spotlights s WHERE s.org_id = t.org_id AND "
				 "s.team_id = t.id AND s.period = 'month' AND s.period_start = $3) "
				 "ORDER BY t.name, t.id LIMIT 50",
				 P_I(org_id), P_I(manager_id), P_T(month));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct kudos_need));
		struct kudos_need *x = &(*out)[(*n)++];
		x->kind = "spotlight_due";
		x->rep_id = 0;
		x->team_id = db_col_i64(st, 0);
		x->team_name = arena_strdup(a, db_col_text(st, 1));
		x->date = arena_strdup(a, month);
		x->link = arena_printf(a, "/kudos?team=%lld#spotlight", (long long)x->team_id);
		x->urgency = 1;
	}
	return db_finish(st);
}
