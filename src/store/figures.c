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
#include <stdlib.h>
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

/* the roll-ups (migration 0027) hold a row per rep and day and one per day
 * for the whole organisation (rep 0): the organisation's figures read the
 * latter, a rep's, a team's or a manager's teams' the reps' rows. The same
 * query in both forms, picked by scope_all(). */
#define ROLLUP_SCOPE_ALL "r.rep_id = 0 AND ($2 = 0 OR $3 = 0 OR $6 = 0 OR true)"
#define ROLLUP_SCOPED SCOPE_ON("r.rep_id")
#define BOTH(q) { q(ROLLUP_SCOPED), q(ROLLUP_SCOPE_ALL) }

static int scope_all(const struct figures_scope *s)
{
	return !s->rep_id && !s->team_id && !s->manager_id;
}

#define CONV_SQL(WHO) "SELECT coalesce(sum(r.n), 0), coalesce(sum(r.steps), 0), coalesce(sum(r.stops), 0), " \
	"coalesce(sum(r.nones), 0) FROM rollup_conversations r WHERE r.org_id = $1 AND " WHO \
	" AND r.day BETWEEN $4 AND $5"
#define DUE_SQL(WHO) "SELECT coalesce(sum(r.n), 0), coalesce(sum(r.kept_on_time), 0) FROM rollup_steps_due r " \
	"WHERE r.org_id = $1 AND " WHO " AND r.day BETWEEN $4 AND $5 AND r.day < $7"
#define S(c) "coalesce(sum(r." c "), 0)"
#define CLOSED_SQL(WHO) "SELECT " S("unbroken_won") ", " S("unbroken_lost") ", " S("broken_won") ", " \
	S("broken_lost") ", " S("minutes_lost") ", " S("gut1_closed") ", " S("gut2_closed") ", " S("gut3_closed") \
	", " S("gut4_closed") ", " S("gut5_closed") ", " S("gut1_won") ", " S("gut2_won") ", " S("gut3_won") ", " \
	S("gut4_won") ", " S("gut5_won") ", " S("closed_step") ", " S("closed_stop") ", " S("closed_none") ", " \
	S("won_step") ", " S("won_stop") ", " S("won_none") " FROM rollup_closed r WHERE r.org_id = $1 AND " WHO \
	" AND r.day BETWEEN $4 AND $5"
#define MONTHLY_SQL(WHO) "SELECT substr(r.day, 1, 7) AS m, sum(r.n), sum(r.steps), sum(r.stops), sum(r.nones) " \
	"FROM rollup_conversations r WHERE r.org_id = $1 AND " WHO " AND r.day BETWEEN $4 AND $5 " \
	"GROUP BY substr(r.day, 1, 7) HAVING sum(r.n) <> 0 ORDER BY m"
static const char *const conv_sql[2] = BOTH(CONV_SQL);
static const char *const due_sql[2] = BOTH(DUE_SQL);
static const char *const closed_sql[2] = BOTH(CLOSED_SQL);
static const char *const monthly_sql[2] = BOTH(MONTHLY_SQL);
#undef S

static int gap_cmp(const void *x, const void *y)
{
	long a = *(const long *)x, b = *(const long *)y;
	return a < b ? -1 : a > b;
}

/* the organisation's gaps from the roll-up of step pairs: every pair whose
 * later step was agreed in the period and the one before it too (on or
 * after from: then both lie in the period, as in the query below), in
 * ascending order so that median() need not sort them */
static enum err org_gaps(struct db_conn *c, struct arena *a, int64_t org_id, const char *from, const char *to,
			 double **gaps, size_t *ngaps)
{
	struct db_stmt *st = DBQ(c, "SELECT r.day, r.prev_day, r.n FROM rollup_step_gaps r WHERE r.org_id = $1 "
				 "AND r.day BETWEEN $2 AND $3 AND r.prev_day >= $2 AND r.n <> 0",
				 P_I(org_id), P_T(from), P_T(to));
	size_t cap = 1024, nrows = 0, total = 0;
	long *rows = arena_alloc(a, cap * 2 * sizeof(long));	/* gap, count */
	while (db_step(st) == DB_ROW) {
		const char *day = db_col_text(st, 0), *prev = db_col_text(st, 1);
		long n = (long)db_col_i64(st, 2);
		long gap = date_valid(day) && date_valid(prev) ? day_number(day) - day_number(prev) : 0;
		if (nrows == cap) {
			long *nr = arena_alloc(a, cap * 4 * sizeof(long));
			memcpy(nr, rows, cap * 2 * sizeof(long));
			rows = nr;
			cap *= 2;
		}
		rows[2 * nrows] = gap;
		rows[2 * nrows + 1] = n;
		nrows++;
		total += n > 0 ? (size_t)n : 0;
	}
	enum err e = db_finish(st);
	if (e)
		return e;
	qsort(rows, nrows, 2 * sizeof(long), gap_cmp);
	size_t gcap = total + 1;
	double *g = arena_alloc(a, gcap * sizeof(double));
	size_t k = 0;
	for (size_t i = 0; i < nrows; i++)
		for (long j = 0; j < rows[2 * i + 1] && k < total; j++)
			g[k++] = (double)rows[2 * i];
	*gaps = g;
	*ngaps = k;
	return E_OK;
}

enum err figures_commitment(struct db_conn *c, struct arena *a, int64_t org_id, const struct figures_scope *s,
			    const char *from, const char *to, const char *today,
			    struct commitment_counts *out, double **gaps, size_t *ngaps)
{
	memset(out, 0, sizeof(*out));
	*gaps = NULL;
	*ngaps = 0;
	/* conversations held in the period, by outcome (rollup_conversations) */
	int all = scope_all(s);
	struct db_stmt *st = DBQ(c, conv_sql[all], SCOPE_PARAMS);
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
	 * cancelled), and of those the ones kept by that date (rollup_steps_due) */
	st = DBQ(c, due_sql[all], SCOPE_PARAMS, P_T(today));
	if (db_step(st) == DB_ROW) {
		out->steps_due = db_col_i64(st, 0);
		out->steps_kept_on_time = db_col_i64(st, 1);
	}
	if ((e = db_finish(st)))
		return e;

	/* deals closed in the period: won/lost, split by whether their steps
	 * never broke (no slip, no missed step, no conversation without
	 * commitment), the conversation minutes spent on the lost ones, and the
	 * conversations on them by gut feeling and by outcome (rollup_closed) */
	st = DBQ(c, closed_sql[all], SCOPE_PARAMS);
	if (db_step(st) == DB_ROW) {
		out->unbroken_won = db_col_i64(st, 0);
		out->unbroken_lost = db_col_i64(st, 1);
		out->broken_won = db_col_i64(st, 2);
		out->broken_lost = db_col_i64(st, 3);
		out->minutes_on_lost = db_col_i64(st, 4);
		for (int g = 0; g < 5; g++) {
			out->gut_convs[g] = out->gut_closed[g] = db_col_i64(st, 5 + g);
			out->gut_won[g] = db_col_i64(st, 10 + g);
		}
		for (int oc = OUTCOME_STEP; oc <= OUTCOME_NONE; oc++) {
			out->outcome_closed[oc] = db_col_i64(st, 15 + oc - OUTCOME_STEP);
			out->outcome_won[oc] = db_col_i64(st, 18 + oc - OUTCOME_STEP);
		}
	}
	if ((e = db_finish(st)))
		return e;

	if (all)
		return org_gaps(c, a, org_id, from, to, gaps, ngaps);
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
	struct db_stmt *st = DBQ(c, monthly_sql[scope_all(s)], SCOPE_PARAMS);
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
	/* the reps' rows of the roll-ups (SCOPE_ON names users: never the
	 * organisation's rep 0); rows that sum to zero stay in a roll-up */
	struct db_stmt *st = DBQ(c, "SELECT r.rep_id, sum(r.n), sum(r.steps), sum(r.stops), sum(r.nones) "
				 "FROM rollup_conversations r WHERE r.org_id = $1 AND " ROLLUP_SCOPED
				 " AND r.day BETWEEN $4 AND $5 GROUP BY r.rep_id HAVING sum(r.n) <> 0", SCOPE_PARAMS);
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
	st = DBQ(c, "SELECT r.rep_id, sum(r.n), sum(r.kept_on_time) FROM rollup_steps_due r WHERE r.org_id = $1 AND "
		 ROLLUP_SCOPED " AND r.day BETWEEN $4 AND $5 AND r.day < $7 GROUP BY r.rep_id HAVING sum(r.n) <> 0",
		 SCOPE_PARAMS, P_T(today));
	while (db_step(st) == DB_ROW) {
		struct rep_figures *r = rep_slot(a, out, n, &cap, db_col_i64(st, 0));
		r->c.steps_due = db_col_i64(st, 1);
		r->c.steps_kept_on_time = db_col_i64(st, 2);
	}
	return db_finish(st);
}

enum err figures_conversations_by_rep(struct db_conn *c, struct arena *a, int64_t org_id, const struct figures_scope *s,
				      const char *from, const char *to, struct rep_figures **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	/* figures_by_rep's first query alone: the conversations by outcome */
	struct db_stmt *st = DBQ(c, "SELECT r.rep_id, sum(r.n), sum(r.steps), sum(r.stops), sum(r.nones) "
				 "FROM rollup_conversations r WHERE r.org_id = $1 AND " ROLLUP_SCOPED
				 " AND r.day BETWEEN $4 AND $5 GROUP BY r.rep_id HAVING sum(r.n) <> 0", SCOPE_PARAMS);
	while (db_step(st) == DB_ROW) {
		struct rep_figures *r = rep_slot(a, out, n, &cap, db_col_i64(st, 0));
		r->c.conversations = db_col_i64(st, 1);
		r->c.steps = db_col_i64(st, 2);
		r->c.stops = db_col_i64(st, 3);
		r->c.nones = db_col_i64(st, 4);
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
