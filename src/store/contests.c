/* contests: see contests.h. */
#include "contests.h"
#include "audit.h"
#include "../lib/util.h"
#include "../domain/period.h"
#include <math.h>
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

enum err contests_teams(struct db_conn *c, struct arena *a, int64_t org_id, struct lb_team **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT t.id, coalesce(t.manager_id, 0), t.name, t.show_revenue FROM teams t "
				 "WHERE t.org_id = $1 ORDER BY t.name, t.id LIMIT 1000", P_I(org_id));
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct lb_team));
		struct lb_team *t = &(*out)[(*n)++];
		t->id = db_col_i64(st, 0);
		t->manager_id = db_col_i64(st, 1);
		t->name = arena_strdup(a, db_col_text(st, 2));
		t->show_revenue = db_col_i64(st, 3) != 0;
	}
	return db_finish(st);
}

enum err contests_team_revenue_set(struct db_conn *c, int64_t org_id, int64_t team_id, int show)
{
	/* audited as a change of the team (its snapshot holds show_revenue) */
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_TEAM, org_id, team_id);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "UPDATE teams SET show_revenue = $3 WHERE org_id = $1 AND id = $2", P_I(org_id),
				 P_I(team_id), P_I(show ? 1 : 0));
	db_step(st);
	int64_t changed = db_changes(st);
	e = db_finish(st);
	return audit_end(c, &ch, "leaderboard", team_id, e ? e : changed ? E_OK : E_NOTFOUND);
}

static enum err write_teams(struct db_conn *c, int64_t org_id, const struct contest *in)
{
	enum err e = DBX(c, "DELETE FROM contest_teams WHERE org_id = $1 AND contest_id = $2", P_I(org_id), P_I(in->id));
	for (size_t i = 0; !e && i < in->nteams && i < CONTEST_TEAMS_MAX; i++)
		e = DBX(c, "INSERT INTO contest_teams (org_id, contest_id, team_id) VALUES ($1, $2, $3) "
			   "ON CONFLICT DO NOTHING", P_I(org_id), P_I(in->id), P_I(in->team_ids[i]));
	return e;
}

enum err contest_create(struct db_conn *c, int64_t org_id, const struct contest *in, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO contests (org_id, name, figure, base_figure, mode, starts_on, ends_on, "
				 "min_conversations, prize, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
				 "$9, $10, $11) RETURNING id", P_I(org_id), P_T(in->name), P_T(in->figure),
				 P_T(in->base ? in->base : ""), P_T(in->mode), P_T(in->starts_on), P_T(in->ends_on),
				 P_I(in->min_conversations), P_T(in->prize ? in->prize : ""), P_I(in->created_by),
				 P_I(now_epoch()));
	int64_t new_id = 0;
	if (db_step(st) == DB_ROW)
		new_id = db_col_i64(st, 0);
	enum err e = db_finish(st);
	if (e)
		return e;
	struct contest x = *in;
	x.id = new_id;
	if ((e = write_teams(c, org_id, &x)))
		return e;
	if (id)
		*id = new_id;
	return E_OK;
}

enum err contest_update(struct db_conn *c, int64_t org_id, const struct contest *in)
{
	int64_t frozen = DB_I64(c, -1, "SELECT coalesce(frozen_at, 0) FROM contests WHERE org_id = $1 AND id = $2",
				P_I(org_id), P_I(in->id));
	if (frozen < 0)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_NOTFOUND;
	if (frozen > 0)
		return E_CONFLICT;
	enum err e = DBX(c, "UPDATE contests SET name = $3, figure = $4, base_figure = $5, mode = $6, starts_on = $7, "
			    "ends_on = $8, min_conversations = $9, prize = $10 WHERE org_id = $1 AND id = $2 "
			    "AND frozen_at IS NULL", P_I(org_id), P_I(in->id), P_T(in->name), P_T(in->figure),
			 P_T(in->base ? in->base : ""), P_T(in->mode), P_T(in->starts_on), P_T(in->ends_on),
			 P_I(in->min_conversations), P_T(in->prize ? in->prize : ""));
	return e ? e : write_teams(c, org_id, in);
}

enum err contest_delete(struct db_conn *c, int64_t org_id, int64_t id)
{
	enum err e = DBX(c, "DELETE FROM contest_standings WHERE org_id = $1 AND contest_id = $2", P_I(org_id), P_I(id));
	if (!e)
		e = DBX(c, "DELETE FROM contest_teams WHERE org_id = $1 AND contest_id = $2", P_I(org_id), P_I(id));
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "DELETE FROM contests WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id));
	db_step(st);
	int64_t changed = db_changes(st);
	e = db_finish(st);
	return e ? e : changed ? E_OK : E_NOTFOUND;
}

#define CONTEST_COLS "k.id, k.name, k.figure, k.base_figure, k.mode, k.starts_on, k.ends_on, k.min_conversations, " \
	"k.prize, k.created_by, u.name, k.created_at, coalesce(k.frozen_at, 0), coalesce(k.frozen_on, '') FROM contests k " \
	"JOIN users u ON u.org_id = k.org_id AND u.id = k.created_by "

static void read_contest(struct db_stmt *st, struct arena *a, int64_t org_id, struct contest *k)
{
	memset(k, 0, sizeof(*k));
	k->id = db_col_i64(st, 0);
	k->org_id = org_id;
	k->name = arena_strdup(a, db_col_text(st, 1));
	k->figure = arena_strdup(a, db_col_text(st, 2));
	k->base = arena_strdup(a, db_col_text(st, 3));
	k->mode = arena_strdup(a, db_col_text(st, 4));
	k->starts_on = arena_strdup(a, db_col_text(st, 5));
	k->ends_on = arena_strdup(a, db_col_text(st, 6));
	k->min_conversations = db_col_i64(st, 7);
	k->prize = arena_strdup(a, db_col_text(st, 8));
	k->created_by = db_col_i64(st, 9);
	k->created_by_name = arena_strdup(a, db_col_text(st, 10));
	k->created_at = db_col_i64(st, 11);
	k->frozen_at = db_col_i64(st, 12);
	k->frozen_on = arena_strdup(a, db_col_text(st, 13));
}

/* the teams of each of ks[n], one query */
static enum err read_teams(struct db_conn *c, struct arena *a, int64_t org_id, struct contest *ks, size_t n)
{
	if (!n)
		return E_OK;
	size_t *caps = arena_alloc(a, n * sizeof(size_t));
	memset(caps, 0, n * sizeof(size_t));
	int64_t lo = ks[0].id, hi = ks[0].id;
	for (size_t i = 1; i < n; i++) {
		lo = ks[i].id < lo ? ks[i].id : lo;
		hi = ks[i].id > hi ? ks[i].id : hi;
	}
	struct db_stmt *st = DBQ(c, "SELECT ct.contest_id, ct.team_id, t.name FROM contest_teams ct "
				 "JOIN teams t ON t.org_id = ct.org_id AND t.id = ct.team_id "
				 "WHERE ct.org_id = $1 AND ct.contest_id BETWEEN $2 AND $3 ORDER BY t.name LIMIT 20000",
				 P_I(org_id), P_I(lo), P_I(hi));
	while (db_step(st) == DB_ROW) {
		int64_t cid = db_col_i64(st, 0);
		for (size_t i = 0; i < n; i++) {
			struct contest *k = &ks[i];
			if (k->id != cid)
				continue;
			size_t cap = caps[i];
			k->team_ids = grow(a, k->team_ids, k->nteams, &cap, sizeof(int64_t));
			cap = caps[i];
			k->team_names = grow(a, k->team_names, k->nteams, &cap, sizeof(const char *));
			caps[i] = cap;
			k->team_ids[k->nteams] = db_col_i64(st, 1);
			k->team_names[k->nteams] = arena_strdup(a, db_col_text(st, 2));
			k->nteams++;
			break;
		}
	}
	return db_finish(st);
}

enum err contest_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct contest *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " CONTEST_COLS "WHERE k.org_id = $1 AND k.id = $2", P_I(org_id), P_I(id));
	int found = db_step(st) == DB_ROW;
	if (found)
		read_contest(st, a, org_id, out);
	enum err e = db_finish(st);
	if (e)
		return e;
	if (!found)
		return E_NOTFOUND;
	return read_teams(c, a, org_id, out, 1);
}

static enum err read_list(struct db_conn *c, struct arena *a, int64_t org_id, struct db_stmt *st,
			  struct contest **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct contest));
		read_contest(st, a, org_id, &(*out)[(*n)++]);
	}
	enum err e = db_finish(st);
	return e ? e : read_teams(c, a, org_id, *out, *n);
}

enum err contests_list(struct db_conn *c, struct arena *a, int64_t org_id, struct contest **out, size_t *n)
{
	struct db_stmt *st = DBQ(c, "SELECT " CONTEST_COLS "WHERE k.org_id = $1 ORDER BY k.ends_on DESC, k.id DESC "
				 "LIMIT $2", P_I(org_id), P_I(CONTESTS_LIST_MAX));
	return read_list(c, a, org_id, st, out, n);
}

struct freeze_arg {
	int64_t org_id, id;
	const char *today;
	const struct contest_standing *rows;
	size_t n;
};

static enum err freeze_tx(struct db_conn *c, void *p)
{
	struct freeze_arg *f = p;
	/* the guard: only the first of two readers finds frozen_at NULL */
	struct db_stmt *st = DBQ(c, "UPDATE contests SET frozen_at = $3, frozen_on = $4 WHERE org_id = $1 AND id = $2 "
				 "AND frozen_at IS NULL", P_I(f->org_id), P_I(f->id), P_I(now_epoch()), P_T(f->today));
	db_step(st);
	int64_t changed = db_changes(st);
	enum err e = db_finish(st);
	if (e)
		return e;
	if (!changed)
		return E_CONFLICT;
	for (size_t i = 0; i < f->n; i++) {
		const struct contest_standing *r = &f->rows[i];
		e = DBX(c, "INSERT INTO contest_standings (org_id, contest_id, position, rep_id, team_id, name, place, "
			   "value, conversations, ranked, hidden) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
			P_I(f->org_id), P_I(f->id), P_I(i + 1), P_I(r->rep_id), P_I(r->team_id), P_T(r->name),
			P_I(r->place), isnan(r->value) ? P_NULL : P_D(r->value), P_I(r->conversations), P_I(r->ranked),
			P_I(r->hidden));
		if (e)
			return e;
	}
	return E_OK;
}

enum err contest_freeze(struct db_conn *c, int64_t org_id, int64_t id, const char *today,
			const struct contest_standing *rows, size_t n)
{
	struct freeze_arg f = { org_id, id, today, rows, n };
	return db_transact(c, freeze_tx, &f);
}

enum err contest_standings_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id,
			       struct contest_standing **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT s.rep_id, s.team_id, s.name, coalesce(t.name, ''), s.place, s.ranked, "
				 "s.value, s.conversations, s.hidden FROM contest_standings s "
				 "LEFT JOIN teams t ON t.org_id = s.org_id AND t.id = s.team_id "
				 "WHERE s.org_id = $1 AND s.contest_id = $2 ORDER BY s.position LIMIT 10000",
				 P_I(org_id), P_I(id));
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct contest_standing));
		struct contest_standing *r = &(*out)[(*n)++];
		r->rep_id = db_col_i64(st, 0);
		r->team_id = db_col_i64(st, 1);
		r->name = arena_strdup(a, db_col_text(st, 2));
		r->team_name = arena_strdup(a, db_col_text(st, 3));
		r->place = (int)db_col_i64(st, 4);
		r->ranked = (int)db_col_i64(st, 5);
		r->value = db_col_null(st, 6) ? NAN : db_col_double(st, 6);
		r->conversations = db_col_i64(st, 7);
		r->hidden = (int)db_col_i64(st, 8);
	}
	return db_finish(st);
}

enum err contests_unfrozen_ended(struct db_conn *c, struct arena *a, int64_t org_id, const char *today,
				 int64_t **ids, size_t *n)
{
	size_t cap = 0;
	*ids = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT id FROM contests WHERE org_id = $1 AND frozen_at IS NULL AND ends_on < $2 "
				 "ORDER BY id LIMIT 100", P_I(org_id), P_T(today));
	while (db_step(st) == DB_ROW) {
		*ids = grow(a, *ids, *n, &cap, sizeof(int64_t));
		(*ids)[(*n)++] = db_col_i64(st, 0);
	}
	return db_finish(st);
}

enum err contests_orgs_with_ended(struct db_conn *c, struct arena *a, const char *today, int64_t **ids, size_t *n)
{
	size_t cap = 0;
	*ids = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT DISTINCT org_id FROM contests WHERE frozen_at IS NULL AND ends_on < $1 "
				 "ORDER BY org_id LIMIT 1000", P_T(today));
	while (db_step(st) == DB_ROW) {
		*ids = grow(a, *ids, *n, &cap, sizeof(int64_t));
		(*ids)[(*n)++] = db_col_i64(st, 0);
	}
	return db_finish(st);
}

enum err contests_ending(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id, const char *today,
			 int within_days, struct contest **out, size_t *n)
{
	char last[11];
	day_add(today, within_days, last);
	struct db_stmt *st = DBQ(c, "SELECT " CONTEST_COLS "WHERE k.org_id = $1 AND k.frozen_at IS NULL "
				 "AND k.starts_on <= $2 AND k.ends_on >= $2 AND k.ends_on <= $3 AND ($4 = 0 OR EXISTS "
				 "(SELECT 1 FROM contest_teams ct JOIN teams t ON t.org_id = ct.org_id AND t.id = ct.team_id "
				 "WHERE ct.org_id = k.org_id AND ct.contest_id = k.id AND t.manager_id = $4)) "
				 "ORDER BY k.ends_on, k.id LIMIT 50", P_I(org_id), P_T(today), P_T(last), P_I(manager_id));
	return read_list(c, a, org_id, st, out, n);
}

enum err contests_most_improved_wins(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
				     int *count, const char **first_on)
{
	*count = 0;
	*first_on = "";
	struct db_stmt *st = DBQ(c, "SELECT k.frozen_on FROM contests k JOIN contest_standings s "
				 "ON s.org_id = k.org_id AND s.contest_id = k.id WHERE k.org_id = $1 "
				 "AND k.figure = 'most_improved' AND k.mode = 'individual' AND k.frozen_at IS NOT NULL "
				 "AND s.rep_id = $2 AND s.place = 1 AND s.ranked = 1 ORDER BY k.frozen_on LIMIT 1000",
				 P_I(org_id), P_I(rep_id));
	while (db_step(st) == DB_ROW) {
		if (!*count)
			*first_on = arena_strdup(a, db_col_text(st, 0));
		(*count)++;
	}
	return db_finish(st);
}
