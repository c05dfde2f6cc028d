/*
 * figures: see figures.h. Each query takes the same scope parameters:
 * $1 org, $2 rep (0 = any), $3 team (0 = any), $4 from, $5 to, $6 the
 * manager whose led teams count (0 = any); the "who" condition on a rep
 * column is SCOPE_ON(col).
 *
 * The queries are shaped for the indexes of migration 0003, so that a
 * team's figures read the team's rows and not the organisation's whole
 * year (make bench: 1,000 reps, 1,000,000 conversations). With bound
 * parameters SQLite cannot simplify "$3 = 0 OR ..." when it plans a query,
 * so the scope is one list of reps that an index can be searched by.
 */
#include "figures.h"
#include "../lib/util.h"
#include <string.h>

/* the reps whose figures count: the organisation's users, narrowed to the
 * rep and the team when given. Every rep_id and owner_id is a user of the
 * organisation (foreign keys), so this keeps exactly the rows that "is $2,
 * and in team $3" keeps; as an IN list it lets SQLite walk the index rep
 * by rep over the period. */
#define SCOPE_ON(col) col " IN (SELECT u.id FROM users u WHERE u.org_id = $1 AND ($2 = 0 OR u.id = $2) " \
	"AND ($3 = 0 OR u.id IN (SELECT tm.user_id FROM team_members tm WHERE tm.org_id = $1 AND tm.team_id = $3)) " \
	"AND ($6 = 0 OR u.id IN (SELECT mt.user_id FROM team_members mt JOIN teams t ON t.org_id = mt.org_id " \
	"AND t.id = mt.team_id WHERE mt.org_id = $1 AND t.manager_id = $6)))"
/* days since 1970-01-01 of a valid "YYYY-MM-DD" (H. Hinnant's
 * days_from_civil): the differences are those of days_between() in
 * domain/commitment.c, by arithmetic instead of timegm(), for the many
 * steps of a team's year */
static long day_number(const char *d)
{
#define DIGITS2(s) (((s)[0] - '0') * 10 + ((s)[1] - '0'))
	long y = DIGITS2(d) * 100 + DIGITS2(d + 2), m = DIGITS2(d + 5), dd = DIGITS2(d + 8);
#undef DIGITS2
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + dd - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

#define SCOPE_PARAMS P_I(org_id), P_I(s->rep_id), P_I(s->team_id), P_T(from), P_T(to), P_I(s->manager_id)

/* conversations held in the period, by outcome; and the steps due in it up
 * to today ($7) with those kept by their agreed date. One definition each,
 * for a scope's total (figures_commitment) and rep by rep
 * (figures_by_rep, the leaderboards) */
#define CONV_SUMS "count(*), " \
	"coalesce(sum(CASE WHEN cv.outcome = 'step' THEN 1 ELSE 0 END), 0), " \
	"coalesce(sum(CASE WHEN cv.outcome = 'stop' THEN 1 ELSE 0 END), 0), " \
	"coalesce(sum(CASE WHEN cv.outcome = 'none' THEN 1 ELSE 0 END), 0)"
#define CONV_WHERE "cv.org_id = $1 AND " SCOPE_ON("cv.rep_id") " AND cv.held_on BETWEEN $4 AND $5"
#define DUE_SUMS "count(*), coalesce(sum(CASE WHEN st.status = 'kept' AND st.done_on <= st.original_due " \
	"THEN 1 ELSE 0 END), 0)"
#define DUE_WHERE "st.org_id = $1 AND " SCOPE_ON("st.rep_id") \
	" AND st.original_due BETWEEN $4 AND $5 AND st.original_due < $7 AND st.status <> 'cancelled'"

enum err figures_commitment(struct db_conn *c, struct arena *a, int64_t org_id, const struct figures_scope *s,
			    const char *from, const char *to, const char *today,
			    struct commitment_counts *out, double **gaps, size_t *ngaps)
{
	memset(out, 0, sizeof(*out));
	*gaps = NULL;
	*ngaps = 0;
	/* conversations held in the period, by outcome: one row of sums, which
	 * spares SQLite sorting a team's year of conversations to group them */
	struct db_stmt *st = DBQ(c, "SELECT " CONV_SUMS " FROM conversations cv WHERE " CONV_WHERE, SCOPE_PARAMS);
	if (db_step(st) == DB_ROW) {
		out->conversations = db_col_i64(st, 0);
		out->steps = db_col_i64(st, 1);
		out->stops = db_col_i64(st, 2);
		out->nones = db_col_i64(st, 3);
	}
	enum err e = db_finish(st);
	if (e)
		return e;

	/* steps whose agreed date lies in the period and has passed (not
	 * cancelled), and of those the ones kept by that date */
	st = DBQ(c, "SELECT " DUE_SUMS " FROM steps st WHERE " DUE_WHERE, SCOPE_PARAMS, P_T(today));
	if (db_step(st) == DB_ROW) {
		out->steps_due = db_col_i64(st, 0);
		out->steps_kept_on_time = db_col_i64(st, 1);
	}
	if ((e = db_finish(st)))
		return e;

	/* deals closed in the period: won/lost, split by whether their steps
	 * never broke (no slip, no missed step, no conversation without
	 * commitment), and the conversation minutes spent on the lost ones */
	st = DBQ(c, "SELECT d.status, "
		 "CASE WHEN EXISTS (SELECT 1 FROM steps st WHERE st.org_id = d.org_id AND st.deal_id = d.id "
		 "  AND (st.slips > 0 OR st.status = 'missed')) "
		 "  OR EXISTS (SELECT 1 FROM conversations cv WHERE cv.org_id = d.org_id AND cv.deal_id = d.id "
		 "  AND cv.outcome = 'none') THEN 1 ELSE 0 END, "
		 "(SELECT coalesce(sum(cv.minutes), 0) FROM conversations cv WHERE cv.org_id = d.org_id AND cv.deal_id = d.id) "
		 "FROM deals d WHERE d.org_id = $1 AND " SCOPE_ON("d.owner_id")
		 " AND d.status IN ('won', 'lost') AND d.closed_on BETWEEN $4 AND $5", SCOPE_PARAMS);
	while (db_step(st) == DB_ROW) {
		int won = !strcmp(db_col_text(st, 0), "won");
		int broken = (int)db_col_i64(st, 1);
		if (broken)
			won ? out->broken_won++ : out->broken_lost++;
		else
			won ? out->unbroken_won++ : out->unbroken_lost++;
		if (!won)
			out->minutes_on_lost += db_col_i64(st, 2);
	}
	if ((e = db_finish(st)))
		return e;

	/* conversations on those closed deals, by gut feeling and by outcome.
	 * CROSS JOIN keeps the deals outside in SQLite (the few closed deals
	 * of the scope, then their conversations by index), where it would
	 * otherwise walk the organisation's conversations; PostgreSQL plans
	 * it as the inner join it is. */
	st = DBQ(c, "SELECT cv.gut_feeling, cv.outcome, d.status, count(*) FROM deals d "
		 "CROSS JOIN conversations cv WHERE cv.org_id = d.org_id AND cv.deal_id = d.id "
		 "AND d.org_id = $1 AND " SCOPE_ON("d.owner_id")
		 " AND d.status IN ('won', 'lost') AND d.closed_on BETWEEN $4 AND $5 "
		 "GROUP BY cv.gut_feeling, cv.outcome, d.status", SCOPE_PARAMS);
	while (db_step(st) == DB_ROW) {
		int g = (int)db_col_i64(st, 0);
		int oc = (int)outcome_parse(db_col_text(st, 1));
		int won = !strcmp(db_col_text(st, 2), "won");
		int64_t n = db_col_i64(st, 3);
		if (g >= 1 && g <= 5) {
			out->gut_convs[g - 1] += n;
			out->gut_closed[g - 1] += n;
			if (won)
				out->gut_won[g - 1] += n;
		}
		if (oc > 0 && oc < 4) {
			out->outcome_closed[oc] += n;
			if (won)
				out->outcome_won[oc] += n;
		}
	}
	if ((e = db_finish(st)))
		return e;

	/* days between consecutive steps agreed on the same deal. The unary
	 * plus on deal_id (a no-op) keeps SQLite from walking the
	 * organisation's steps in deal order to spare a sort of the scope's few */
	st = DBQ(c, "SELECT st.deal_id, st.created_on FROM steps st WHERE st.org_id = $1 AND " SCOPE_ON("st.rep_id")
		 " AND +st.deal_id IS NOT NULL AND st.created_on BETWEEN $4 AND $5 "
		 "ORDER BY +st.deal_id, st.created_on, st.id", SCOPE_PARAMS);
	size_t cap = 4096;		/* a team's year has some thousands */
	double *g = arena_alloc(a, cap * sizeof(double));
	int64_t prev_deal = 0;
	int have_prev = 0, prev_ok = 0;	/* the previous row had a day; a valid one */
	long prev_no = 0;		/* its day number */
	while (db_step(st) == DB_ROW) {
		int64_t deal = db_col_i64(st, 0);
		const char *day = db_col_text(st, 1);
		/* each day is read once, where days_between() would read both
		 * of every pair; 0 when either is not a date, as there */
		int ok = date_valid(day);
		long no = ok ? day_number(day) : 0;
		if (deal == prev_deal && have_prev) {
			if (*ngaps == cap) {
				double *n = arena_alloc(a, cap * 2 * sizeof(double));
				memcpy(n, g, cap * sizeof(double));
				g = n;
				cap *= 2;
			}
			g[(*ngaps)++] = ok && prev_ok ? (double)(no - prev_no) : 0.0;
		}
		prev_deal = deal;
		have_prev = day[0] != '\0';
		prev_ok = ok;
		prev_no = no;
	}
	*gaps = g;
	return db_finish(st);
}

enum err figures_monthly(struct db_conn *c, struct arena *a, int64_t org_id, const struct figures_scope *s,
			 const char *from, const char *to, struct month_counts **out, size_t *n)
{
	struct db_stmt *st = DBQ(c, "SELECT substr(cv.held_on, 1, 7) AS m, "
				 "count(*), sum(CASE WHEN cv.outcome = 'step' THEN 1 ELSE 0 END), "
				 "sum(CASE WHEN cv.outcome = 'stop' THEN 1 ELSE 0 END), "
				 "sum(CASE WHEN cv.outcome = 'none' THEN 1 ELSE 0 END) "
				 "FROM conversations cv WHERE cv.org_id = $1 AND " SCOPE_ON("cv.rep_id")
				 " AND cv.held_on BETWEEN $4 AND $5 GROUP BY substr(cv.held_on, 1, 7) ORDER BY m",
				 SCOPE_PARAMS);
	size_t cap = 24;
	*n = 0;
	*out = arena_alloc(a, cap * sizeof(struct month_counts));
	while (db_step(st) == DB_ROW) {
		if (*n == cap) {
			struct month_counts *nn = arena_alloc(a, cap * 2 * sizeof(struct month_counts));
			memcpy(nn, *out, cap * sizeof(struct month_counts));
			*out = nn;
			cap *= 2;
		}
		struct month_counts *m = &(*out)[(*n)++];
		strncpy(m->month, db_col_text(st, 0), 7);
		m->month[7] = '\0';
		m->conversations = db_col_i64(st, 1);
		m->steps = db_col_i64(st, 2);
		m->stops = db_col_i64(st, 3);
		m->nones = db_col_i64(st, 4);
	}
	return db_finish(st);
}

/* finds or adds rep_id's row (reps come grouped, a few hundred at most) */
static struct rep_figures *rep_slot(struct arena *a, struct rep_figures **v, size_t *n, size_t *cap, int64_t rep_id)
{
	for (size_t i = 0; i < *n; i++)
		if ((*v)[i].rep_id == rep_id)
			return &(*v)[i];
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 32;
		struct rep_figures *nv = arena_alloc(a, nc * sizeof(*nv));
		if (*n)
			memcpy(nv, *v, *n * sizeof(*nv));
		*v = nv;
		*cap = nc;
	}
	struct rep_figures *r = &(*v)[(*n)++];
	memset(r, 0, sizeof(*r));
	r->rep_id = rep_id;
	return r;
}

enum err figures_by_rep(struct db_conn *c, struct arena *a, int64_t org_id, const struct figures_scope *s,
			const char *from, const char *to, const char *today, struct rep_figures **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT cv.rep_id, " CONV_SUMS " FROM conversations cv WHERE " CONV_WHERE
				 " GROUP BY cv.rep_id", SCOPE_PARAMS);
	while (db_step(st) == DB_ROW) {
		struct rep_figures *r = rep_slot(a, out, n, &cap, db_col_i64(st, 0));
		r->c.conversations = db_col_i64(st, 1);
		r->c.steps = db_col_i64(st, 2);
		r->c.stops = db_col_i64(st, 3);
		r->c.nones = db_col_i64(st, 4);
	}
	enum err e = db_finish(st);
	if (e)
		return e;
	st = DBQ(c, "SELECT st.rep_id, " DUE_SUMS " FROM steps st WHERE " DUE_WHERE " GROUP BY st.rep_id", SCOPE_PARAMS,
		 P_T(today));
	while (db_step(st) == DB_ROW) {
		struct rep_figures *r = rep_slot(a, out, n, &cap, db_col_i64(st, 0));
		r->c.steps_due = db_col_i64(st, 1);
		r->c.steps_kept_on_time = db_col_i64(st, 2);
	}
	return db_finish(st);
}

enum err figures_read_rep_counts(struct db_stmt *st, struct arena *a, struct rep_count **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	while (db_step(st) == DB_ROW) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 32;
			struct rep_count *nv = arena_alloc(a, nc * sizeof(*nv));
			if (*n)
				memcpy(nv, *out, *n * sizeof(*nv));
			*out = nv;
			cap = nc;
		}
		(*out)[*n].rep_id = db_col_i64(st, 0);
		(*out)[*n].n = db_col_i64(st, 1);
		(*n)++;
	}
	return db_finish(st);
}

enum err figures_new_deals_by_rep(struct db_conn *c, struct arena *a, int64_t org_id, int64_t team_id,
				  const char *from, const char *to, struct rep_count **out, size_t *n)
{
	struct db_stmt *st = DBQ(c, "SELECT d.owner_id, count(*) FROM deals d WHERE d.org_id = $1 "
				 "AND d.created_on BETWEEN $2 AND $3 AND ($4 = 0 OR d.owner_id IN (SELECT tm.user_id "
				 "FROM team_members tm WHERE tm.org_id = $1 AND tm.team_id = $4)) "
				 "GROUP BY d.owner_id ORDER BY d.owner_id LIMIT 100000",
				 P_I(org_id), P_T(from), P_T(to), P_I(team_id));
	return figures_read_rep_counts(st, a, out, n);
}
