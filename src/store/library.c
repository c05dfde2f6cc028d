/* library: see library.h. */
#include "library.h"
#include "learning.h"
#include "traits.h"
#include "../lib/util.h"
#include <math.h>
#include <stdio.h>
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

static enum err one_i64(struct db_stmt *st, int64_t *out)
{
	*out = 0;
	if (db_step(st) == DB_ROW)
		*out = db_col_i64(st, 0);
	return db_finish(st);
}

static enum err changed(struct db_stmt *st)
{
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : E_NOTFOUND;
}

/* "%text%" for LIKE, lowercased, the user's wildcards taken literally */
static const char *like_pattern(struct arena *a, const char *q)
{
	if (!q || !*q)
		return "";
	size_t n = strlen(q);
	char *p = arena_alloc(a, 2 * n + 3), *o = p;
	*o++ = '%';
	for (const char *s = q; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*o++ = '\\';
		*o++ = (*s >= 'A' && *s <= 'Z') ? (char)(*s - 'A' + 'a') : *s;
	}
	*o++ = '%';
	*o = '\0';
	return p;
}

/* --- items --- */

#define ITEM_COLS "i.id, i.org_id, i.kind, i.title, i.author, i.url, i.summary, i.copies, i.minutes, i.added_by, " \
	"coalesce(i.retired_at, 0), i.created_at, " \
	"(SELECT count(*) FROM library_loans l WHERE l.org_id = i.org_id AND l.item_id = i.id AND l.returned_on IS NULL), " \
	"(SELECT count(*) FROM library_waitlist w WHERE w.org_id = i.org_id AND w.item_id = i.id AND w.served_at IS NULL), " \
	"(SELECT count(l.rating) FROM library_loans l WHERE l.org_id = i.org_id AND l.item_id = i.id), " \
	"(SELECT coalesce(sum(l.rating), 0) FROM library_loans l WHERE l.org_id = i.org_id AND l.item_id = i.id)"

static void read_item(struct db_stmt *st, struct arena *a, struct library_item *it)
{
	memset(it, 0, sizeof(*it));
	it->id = db_col_i64(st, 0);
	it->org_id = db_col_i64(st, 1);
	it->kind = arena_strdup(a, db_col_text(st, 2));
	it->title = arena_strdup(a, db_col_text(st, 3));
	it->author = arena_strdup(a, db_col_text(st, 4));
	it->url = arena_strdup(a, db_col_text(st, 5));
	it->summary = arena_strdup(a, db_col_text(st, 6));
	it->copies = (int)db_col_i64(st, 7);
	it->minutes = (int)db_col_i64(st, 8);
	it->added_by = db_col_i64(st, 9);
	it->retired_at = db_col_i64(st, 10);
	it->created_at = db_col_i64(st, 11);
	it->open_loans = (int)db_col_i64(st, 12);
	it->waiting = (int)db_col_i64(st, 13);
	it->nrated = (int)db_col_i64(st, 14);
	int64_t sum = db_col_i64(st, 15);
	it->avg_rating = it->nrated ? (double)sum / it->nrated : NAN;
}

static enum err item_traits(struct db_conn *c, struct arena *a, enum lang l, int64_t org_id, struct library_item *it)
{
	struct db_stmt *st = DBQ(c, "SELECT x.trait_id, x.subskill_id, t.code, t.name, coalesce(s.name, '') "
				 "FROM library_item_traits x JOIN traits t ON t.org_id = x.org_id AND t.id = x.trait_id "
				 "LEFT JOIN subskills s ON s.org_id = x.org_id AND s.id = x.subskill_id "
				 "WHERE x.org_id = $1 AND x.item_id = $2 ORDER BY t.position, t.id, x.subskill_id LIMIT $3",
				 P_I(org_id), P_I(it->id), P_I(LIBRARY_TRAITS_MAX));
	size_t cap = 0;
	it->traits = NULL;
	it->ntraits = 0;
	while (db_step(st) == DB_ROW) {
		it->traits = grow(a, it->traits, it->ntraits, &cap, sizeof(struct library_trait));
		struct library_trait *t = &it->traits[it->ntraits++];
		t->trait_id = db_col_i64(st, 0);
		t->subskill_id = db_col_i64(st, 1);
		const char *name = trait_text(l, db_col_text(st, 2), db_col_text(st, 3));
		const char *sub = db_col_text(st, 4);
		t->name = *sub ? arena_printf(a, "%s: %s", name, trait_text(l, db_col_text(st, 2), sub))
			       : arena_strdup(a, name);
	}
	return db_finish(st);
}

static enum err set_traits(struct db_conn *c, int64_t org_id, int64_t id, const struct library_item_new *in)
{
	enum err e = DBX(c, "DELETE FROM library_item_traits WHERE org_id = $1 AND item_id = $2", P_I(org_id), P_I(id));
	for (size_t i = 0; !e && i < in->ntraits && i < LIBRARY_TRAITS_MAX; i++) {
		int dup = 0;
		for (size_t k = 0; k < i; k++)
			dup |= in->traits[k] == in->traits[i];
		if (!dup)
			e = DBX(c, "INSERT INTO library_item_traits (org_id, item_id, trait_id, subskill_id) "
				"VALUES ($1, $2, $3, 0)", P_I(org_id), P_I(id), P_I(in->traits[i]));
	}
	return e;
}

enum err library_item_create(struct db_conn *c, int64_t org_id, const struct library_item_new *in, int64_t added_by,
			     int64_t *id)
{
	enum err e = db_begin(c);
	if (e)
		return e;
	int64_t nid = 0;
	e = one_i64(DBQ(c, "INSERT INTO library_items (org_id, kind, title, author, url, summary, copies, minutes, "
			"added_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
			P_I(org_id), P_T(in->kind), P_T(in->title), P_T(in->author ? in->author : ""),
			P_T(in->url ? in->url : ""), P_T(in->summary ? in->summary : ""), P_I(in->copies),
			P_I(in->minutes), P_I(added_by), P_I(now_epoch())), &nid);
	if (!e)
		e = set_traits(c, org_id, nid, in);
	if (!e)
		e = db_commit(c);
	if (e) {
		db_rollback(c);
		return e;
	}
	if (id)
		*id = nid;
	return E_OK;
}

enum err library_item_update(struct db_conn *c, int64_t org_id, int64_t id, const struct library_item_new *in)
{
	enum err e = db_begin(c);
	if (e)
		return e;
	e = changed(DBQ(c, "UPDATE library_items SET kind = $3, title = $4, author = $5, url = $6, summary = $7, "
			"copies = $8, minutes = $9 WHERE org_id = $1 AND id = $2",
			P_I(org_id), P_I(id), P_T(in->kind), P_T(in->title), P_T(in->author ? in->author : ""),
			P_T(in->url ? in->url : ""), P_T(in->summary ? in->summary : ""), P_I(in->copies),
			P_I(in->minutes)));
	if (!e)
		e = set_traits(c, org_id, id, in);
	if (!e)
		e = db_commit(c);
	if (e)
		db_rollback(c);
	return e;
}

enum err library_item_retire(struct db_conn *c, int64_t org_id, int64_t id, int retire)
{
	return changed(DBQ(c, "UPDATE library_items SET retired_at = CASE WHEN $3 = 1 THEN coalesce(retired_at, $4) "
			   "ELSE NULL END WHERE org_id = $1 AND id = $2",
			   P_I(org_id), P_I(id), P_I(retire ? 1 : 0), P_I(now_epoch())));
}

enum err library_item_get(struct db_conn *c, struct arena *a, enum lang l, int64_t org_id, int64_t id,
			  struct library_item *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " ITEM_COLS " FROM library_items i WHERE i.org_id = $1 AND i.id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_item(st, a, out);
	enum err e = db_finish(st);
	if (!e && r != DB_ROW)
		return E_NOTFOUND;
	return e ? e : item_traits(c, a, l, org_id, out);
}

#define ITEM_WHERE "i.org_id = $1 AND ($2 = '' OR i.kind = $2) AND ($3 = 0 OR EXISTS (SELECT 1 FROM " \
	"library_item_traits x WHERE x.org_id = i.org_id AND x.item_id = i.id AND x.trait_id = $3)) AND " \
	"($4 = '' OR lower(i.title) LIKE $4 ESCAPE '\\' OR lower(i.author) LIKE $4 ESCAPE '\\') AND " \
	"(CASE WHEN i.retired_at IS NULL THEN 0 ELSE 1 END) = $5"

enum err library_items_list(struct db_conn *c, struct arena *a, enum lang l, int64_t org_id,
			    const struct library_filter *f, int64_t limit, int64_t offset, struct library_item **out,
			    size_t *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	if (limit <= 0 || limit > LIBRARY_LIST_MAX)
		limit = LIBRARY_LIST_MAX;
	const char *kind = f && f->kind ? f->kind : "";
	int64_t trait = f ? f->trait_id : 0;
	const char *pat = like_pattern(a, f ? f->q : NULL);
	int retired = f && f->retired ? 1 : 0;
	enum err e = one_i64(DBQ(c, "SELECT count(*) FROM library_items i WHERE " ITEM_WHERE, P_I(org_id), P_T(kind),
				 P_I(trait), P_T(pat), P_I(retired)), total);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "SELECT " ITEM_COLS " FROM library_items i WHERE " ITEM_WHERE
				 " ORDER BY lower(i.title), i.id LIMIT $6 OFFSET $7",
				 P_I(org_id), P_T(kind), P_I(trait), P_T(pat), P_I(retired), P_I(limit), P_I(offset));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct library_item));
		read_item(st, a, &(*out)[(*n)++]);
	}
	e = db_finish(st);
	for (size_t i = 0; !e && i < *n; i++)
		e = item_traits(c, a, l, org_id, &(*out)[i]);
	return e;
}

/* --- loans --- */

#define LOAN_COLS "l.id, l.item_id, i.title, i.kind, l.borrower_id, u.name, coalesce(tm.team_id, 0), l.lent_on, " \
	"l.due_on, coalesce(l.returned_on, ''), l.takeaway, coalesce(l.rating, 0)"
#define LOAN_FROM "FROM library_loans l JOIN library_items i ON i.org_id = l.org_id AND i.id = l.item_id " \
	"JOIN users u ON u.org_id = l.org_id AND u.id = l.borrower_id " \
	"LEFT JOIN team_members tm ON tm.org_id = l.org_id AND tm.user_id = l.borrower_id "

static void read_loan(struct db_stmt *st, struct arena *a, struct library_loan *x)
{
	x->id = db_col_i64(st, 0);
	x->item_id = db_col_i64(st, 1);
	x->item_title = arena_strdup(a, db_col_text(st, 2));
	x->item_kind = arena_strdup(a, db_col_text(st, 3));
	x->borrower_id = db_col_i64(st, 4);
	x->borrower_name = arena_strdup(a, db_col_text(st, 5));
	x->borrower_team_id = db_col_i64(st, 6);
	x->lent_on = arena_strdup(a, db_col_text(st, 7));
	x->due_on = arena_strdup(a, db_col_text(st, 8));
	x->returned_on = arena_strdup(a, db_col_text(st, 9));
	x->takeaway = arena_strdup(a, db_col_text(st, 10));
	x->rating = (int)db_col_i64(st, 11);
}

#define LOAN_WHERE "l.org_id = $1 AND ($2 = 0 OR l.item_id = $2) AND ($3 = 0 OR l.borrower_id = $3) AND " \
	"($4 = 0 OR l.returned_on IS NULL)"

enum err library_loans_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct library_loan_scope *s,
			    int64_t limit, int64_t offset, struct library_loan **out, size_t *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	if (limit <= 0 || limit > LIBRARY_LOANS_MAX)
		limit = LIBRARY_LOANS_MAX;
	enum err e = one_i64(DBQ(c, "SELECT count(*) FROM library_loans l WHERE " LOAN_WHERE, P_I(org_id),
				 P_I(s->item_id), P_I(s->borrower_id), P_I(s->open_only ? 1 : 0)), total);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "SELECT " LOAN_COLS " " LOAN_FROM "WHERE " LOAN_WHERE " ORDER BY "
				 "CASE WHEN l.returned_on IS NULL THEN 0 ELSE 1 END, "
				 "CASE WHEN l.returned_on IS NULL THEN l.due_on ELSE '' END, "
				 "l.returned_on DESC, l.id DESC LIMIT $5 OFFSET $6",
				 P_I(org_id), P_I(s->item_id), P_I(s->borrower_id), P_I(s->open_only ? 1 : 0), P_I(limit),
				 P_I(offset));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct library_loan));
		read_loan(st, a, &(*out)[(*n)++]);
	}
	return db_finish(st);
}

enum err library_loan_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct library_loan *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " LOAN_COLS " " LOAN_FROM "WHERE l.org_id = $1 AND l.id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_loan(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

struct lend_arg {
	int64_t org_id, item_id, borrower_id;
	const char *lent_on, *due_on;
	enum library_lend outcome;
	int64_t loan_id;
};

/* the state of the item for the asker, its row locked first */
static enum err lend_state(struct db_conn *c, const struct lend_arg *x, struct library_state *s, int64_t *wait_id)
{
	memset(s, 0, sizeof(*s));
	struct db_stmt *st = db_conn_kind(c) == DB_PG
		? DBQ(c, "SELECT copies, coalesce(retired_at, 0) FROM library_items WHERE org_id = $1 AND id = $2 FOR UPDATE",
		      P_I(x->org_id), P_I(x->item_id))
		: DBQ(c, "SELECT copies, coalesce(retired_at, 0) FROM library_items WHERE org_id = $1 AND id = $2",
		      P_I(x->org_id), P_I(x->item_id));
	int r = db_step(st);
	if (r == DB_ROW) {
		s->copies = (int)db_col_i64(st, 0);
		s->retired = db_col_i64(st, 1) != 0;
	}
	enum err e = db_finish(st);
	if (e)
		return e;
	if (r != DB_ROW)
		return E_NOTFOUND;
	int64_t v;
	if ((e = one_i64(DBQ(c, "SELECT count(*) FROM library_loans WHERE org_id = $1 AND item_id = $2 AND "
			     "returned_on IS NULL", P_I(x->org_id), P_I(x->item_id)), &v)))
		return e;
	s->open_loans = (int)v;
	if ((e = one_i64(DBQ(c, "SELECT count(*) FROM library_loans WHERE org_id = $1 AND item_id = $2 AND "
			     "borrower_id = $3 AND returned_on IS NULL", P_I(x->org_id), P_I(x->item_id),
			     P_I(x->borrower_id)), &v)))
		return e;
	s->has_copy = v > 0;
	if ((e = one_i64(DBQ(c, "SELECT count(*) FROM library_waitlist WHERE org_id = $1 AND item_id = $2 AND "
			     "served_at IS NULL", P_I(x->org_id), P_I(x->item_id)), &v)))
		return e;
	s->waiting = (int)v;
	if ((e = one_i64(DBQ(c, "SELECT coalesce(min(id), 0) FROM library_waitlist WHERE org_id = $1 AND item_id = $2 "
			     "AND user_id = $3 AND served_at IS NULL", P_I(x->org_id), P_I(x->item_id),
			     P_I(x->borrower_id)), wait_id)))
		return e;
	if (*wait_id) {
		if ((e = one_i64(DBQ(c, "SELECT count(*) FROM library_waitlist WHERE org_id = $1 AND item_id = $2 AND "
				     "served_at IS NULL AND id <= $3", P_I(x->org_id), P_I(x->item_id), P_I(*wait_id)),
				 &v)))
			return e;
		s->position = (int)v;
	}
	return E_OK;
}

static enum err lend_fn(struct db_conn *c, void *arg)
{
	struct lend_arg *x = arg;
	x->outcome = LEND_OK;
	x->loan_id = 0;
	struct library_state s;
	int64_t wait_id = 0;
	enum err e = lend_state(c, x, &s, &wait_id);
	if (e)
		return e;
	x->outcome = library_may_lend(&s);
	if (x->outcome != LEND_OK)
		return E_CONFLICT;
	e = one_i64(DBQ(c, "INSERT INTO library_loans (org_id, item_id, borrower_id, lent_on, due_on, created_at) "
			"VALUES ($1, $2, $3, $4, $5, $6) RETURNING id", P_I(x->org_id), P_I(x->item_id),
			P_I(x->borrower_id), P_T(x->lent_on), P_T(x->due_on), P_I(now_epoch())), &x->loan_id);
	if (!e && wait_id)
		e = DBX(c, "UPDATE library_waitlist SET served_at = $4 WHERE org_id = $1 AND item_id = $2 AND user_id = $3 "
			"AND served_at IS NULL", P_I(x->org_id), P_I(x->item_id), P_I(x->borrower_id), P_I(now_epoch()));
	return e;
}

enum err library_lend(struct db_conn *c, int64_t org_id, int64_t item_id, int64_t borrower_id, const char *lent_on,
		      const char *due_on, enum library_lend *outcome, int64_t *loan_id)
{
	struct lend_arg x = { org_id, item_id, borrower_id, lent_on, due_on, LEND_OK, 0 };
	enum err e = db_transact(c, lend_fn, &x);
	if (outcome)
		*outcome = x.outcome;
	if (!e && loan_id)
		*loan_id = x.loan_id;
	return e;
}

struct return_arg {
	int64_t org_id, loan_id;
	const struct library_return *in;
	int64_t activity_id;
};

static enum err return_fn(struct db_conn *c, void *arg)
{
	struct return_arg *x = arg;
	const struct library_return *in = x->in;
	x->activity_id = 0;
	/* the loan and its item */
	struct db_stmt *st = DBQ(c, "SELECT l.borrower_id, l.item_id, i.kind, i.title, i.minutes, "
				 "CASE WHEN l.returned_on IS NULL THEN 0 ELSE 1 END FROM library_loans l "
				 "JOIN library_items i ON i.org_id = l.org_id AND i.id = l.item_id "
				 "WHERE l.org_id = $1 AND l.id = $2", P_I(x->org_id), P_I(x->loan_id));
	int r = db_step(st);
	int64_t rep = 0, item = 0;
	char kind[16] = "";
	const char *title = "";
	int minutes = 0, returned = 0;
	struct arena *a = arena_new();
	if (r == DB_ROW) {
		rep = db_col_i64(st, 0);
		item = db_col_i64(st, 1);
		snprintf(kind, sizeof(kind), "%s", db_col_text(st, 2));
		title = arena_strdup(a, db_col_text(st, 3));
		minutes = (int)db_col_i64(st, 4);
		returned = (int)db_col_i64(st, 5);
	}
	enum err e = db_finish(st);
	if (!e && r != DB_ROW)
		e = E_NOTFOUND;
	if (!e && returned)
		e = E_CONFLICT;
	/* only one return wins, even two at once */
	if (!e) {
		e = changed(DBQ(c, "UPDATE library_loans SET returned_on = $3, takeaway = $4, rating = $5 "
				"WHERE org_id = $1 AND id = $2 AND returned_on IS NULL", P_I(x->org_id), P_I(x->loan_id),
				P_T(in->day), P_T(in->takeaway), in->rating ? P_I(in->rating) : P_NULL));
		if (e == E_NOTFOUND)
			e = E_CONFLICT;
	}
	int64_t trait = 0, open = 0;
	if (!e)
		e = one_i64(DBQ(c, "SELECT x.trait_id FROM library_item_traits x JOIN traits t ON t.org_id = x.org_id "
				"AND t.id = x.trait_id WHERE x.org_id = $1 AND x.item_id = $2 "
				"ORDER BY t.position, t.id, x.subskill_id LIMIT 1", P_I(x->org_id), P_I(item)), &trait);
	/* a suggested, accepted or mandatory activity for this item is completed */
	if (!e)
		e = one_i64(DBQ(c, "SELECT id FROM learning_activities WHERE org_id = $1 AND rep_id = $2 AND "
				"library_item_id = $3 AND status IN ('assigned', 'accepted', 'suggested') ORDER BY "
				"CASE status WHEN 'assigned' THEN 0 WHEN 'accepted' THEN 1 ELSE 2 END, id LIMIT 1",
				P_I(x->org_id), P_I(rep), P_I(item)), &open);
	if (!e && open) {
		e = changed(DBQ(c, "UPDATE learning_activities SET origin = CASE WHEN status = 'assigned' THEN 'mandatory' "
				"ELSE origin END, status = 'done', done_on = $3, learned = $4, loan_id = $5, "
				"minutes = CASE WHEN minutes = 0 THEN $6 ELSE minutes END, "
				"trait_id = coalesce(trait_id, $7) WHERE org_id = $1 AND id = $2",
				P_I(x->org_id), P_I(open), P_T(in->day), P_T(in->takeaway), P_I(x->loan_id), P_I(minutes),
				P_ID(trait)));
		x->activity_id = open;
	} else if (!e) {
		struct new_learning l = {
			.rep_id = rep, .kind = library_learning_kind(kind), .title = title, .origin = "self",
			.status = "done", .done_on = in->day, .minutes = minutes, .trait_id = trait,
			.learned = in->takeaway, .library_item_id = item, .loan_id = x->loan_id, .created_by = in->by,
		};
		if (!l.kind)
			l.kind = "other";
		e = learning_add(c, x->org_id, &l, &x->activity_id);
	}
	arena_free(a);
	return e;
}

enum err library_return_loan(struct db_conn *c, int64_t org_id, int64_t loan_id, const struct library_return *in,
			     int64_t *activity_id)
{
	struct return_arg x = { org_id, loan_id, in, 0 };
	enum err e = db_transact(c, return_fn, &x);
	if (!e && activity_id)
		*activity_id = x.activity_id;
	return e;
}

/* --- the waiting list --- */

enum err library_wait_join(struct db_conn *c, int64_t org_id, int64_t item_id, int64_t user_id)
{
	int64_t n;
	enum err e = one_i64(DBQ(c, "SELECT count(*) FROM library_items WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(item_id)), &n);
	if (e)
		return e;
	if (!n)
		return E_NOTFOUND;
	e = one_i64(DBQ(c, "SELECT count(*) FROM library_waitlist WHERE org_id = $1 AND item_id = $2 AND "
			"user_id = $3 AND served_at IS NULL", P_I(org_id), P_I(item_id), P_I(user_id)), &n);
	if (e)
		return e;
	if (n)
		return E_CONFLICT;
	/* someone who holds a copy waits for nothing */
	e = one_i64(DBQ(c, "SELECT count(*) FROM library_loans WHERE org_id = $1 AND item_id = $2 AND "
			"borrower_id = $3 AND returned_on IS NULL", P_I(org_id), P_I(item_id), P_I(user_id)), &n);
	if (e)
		return e;
	if (n)
		return E_INVALID;
	return DBX(c, "INSERT INTO library_waitlist (org_id, item_id, user_id, created_at) VALUES ($1, $2, $3, $4)",
		   P_I(org_id), P_I(item_id), P_I(user_id), P_I(now_epoch()));
}

enum err library_wait_leave(struct db_conn *c, int64_t org_id, int64_t item_id, int64_t user_id)
{
	return changed(DBQ(c, "UPDATE library_waitlist SET served_at = $4 WHERE org_id = $1 AND item_id = $2 AND "
			   "user_id = $3 AND served_at IS NULL", P_I(org_id), P_I(item_id), P_I(user_id),
			   P_I(now_epoch())));
}

enum err library_waitlist(struct db_conn *c, struct arena *a, int64_t org_id, int64_t item_id,
			  struct library_waiter **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT w.user_id, u.name, w.created_at FROM library_waitlist w "
				 "JOIN users u ON u.org_id = w.org_id AND u.id = w.user_id WHERE w.org_id = $1 AND "
				 "w.item_id = $2 AND w.served_at IS NULL ORDER BY w.id LIMIT $3",
				 P_I(org_id), P_I(item_id), P_I(LIBRARY_WAITLIST_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct library_waiter));
		struct library_waiter *w = &(*out)[(*n)++];
		w->user_id = db_col_i64(st, 0);
		w->name = arena_strdup(a, db_col_text(st, 1));
		w->since = db_col_i64(st, 2);
	}
	return db_finish(st);
}

enum err library_held_for(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			  struct library_item **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT " ITEM_COLS " FROM library_waitlist w JOIN library_items i ON "
				 "i.org_id = w.org_id AND i.id = w.item_id WHERE w.org_id = $1 AND w.user_id = $2 AND "
				 "w.served_at IS NULL AND i.retired_at IS NULL AND "
				 "(SELECT count(*) FROM library_waitlist w2 WHERE w2.org_id = w.org_id AND "
				 "w2.item_id = w.item_id AND w2.served_at IS NULL AND w2.id <= w.id) <= i.copies - "
				 "(SELECT count(*) FROM library_loans l WHERE l.org_id = i.org_id AND l.item_id = i.id AND "
				 "l.returned_on IS NULL) ORDER BY lower(i.title), i.id LIMIT $3",
				 P_I(org_id), P_I(user_id), P_I(LIBRARY_WAITLIST_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct library_item));
		read_item(st, a, &(*out)[(*n)++]);
	}
	return db_finish(st);
}

enum err library_suggest(struct db_conn *c, int64_t org_id, const struct library_item *it, int64_t rep_id,
			 int64_t by, int64_t *activity_id)
{
	const char *kind = library_learning_kind(it->kind);
	struct new_learning l = {
		.rep_id = rep_id, .kind = kind ? kind : "other", .title = it->title, .origin = "suggested",
		.status = "suggested", .minutes = it->minutes, .trait_id = it->ntraits ? it->traits[0].trait_id : 0,
		.suggested_by = by, .library_item_id = it->id, .created_by = by,
	};
	return learning_add(c, org_id, &l, activity_id);
}

/* --- recommendations --- */

enum err library_readings(struct db_conn *c, struct arena *a, int64_t org_id, int64_t trait_id,
			  struct library_reading **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT DISTINCT x.trait_id, l.item_id, l.borrower_id, l.lent_on, l.returned_on, "
				 "coalesce(l.rating, 0), l.id FROM library_loans l JOIN library_item_traits x ON "
				 "x.org_id = l.org_id AND x.item_id = l.item_id JOIN library_items i ON i.org_id = l.org_id "
				 "AND i.id = l.item_id WHERE l.org_id = $1 AND l.returned_on IS NOT NULL AND "
				 "i.retired_at IS NULL AND ($2 = 0 OR x.trait_id = $2) ORDER BY l.id, x.trait_id LIMIT $3",
				 P_I(org_id), P_I(trait_id), P_I(LIBRARY_READINGS_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct library_reading));
		struct library_reading *rd = &(*out)[(*n)++];
		rd->trait_id = db_col_i64(st, 0);
		rd->item_id = db_col_i64(st, 1);
		rd->reader_id = db_col_i64(st, 2);
		rd->lent_on = arena_strdup(a, db_col_text(st, 3));
		rd->returned_on = arena_strdup(a, db_col_text(st, 4));
		rd->rating = (int)db_col_i64(st, 5);
	}
	return db_finish(st);
}

enum err library_reader_scores(struct db_conn *c, struct arena *a, int64_t org_id, int64_t trait_id,
			       struct library_score **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	/* an assessment's day is its round's (the profile orders them so too) */
	struct db_stmt *st = DBQ(c, "SELECT a.rep_id, s.trait_id, r.opened_on, s.score "
				 "FROM assessment_scores s JOIN assessments a ON a.org_id = s.org_id AND "
				 "a.id = s.assessment_id JOIN assessment_rounds r ON r.org_id = a.org_id AND r.id = a.round_id "
				 "WHERE s.org_id = $1 AND a.rater_kind = 'manager' AND "
				 "a.status = 'submitted' AND s.subskill_id = 0 AND ($2 = 0 OR s.trait_id = $2) AND "
				 "a.rep_id IN (SELECT l.borrower_id FROM library_loans l WHERE l.org_id = $1 AND "
				 "l.returned_on IS NOT NULL) ORDER BY a.rep_id, s.trait_id, r.opened_on, a.id LIMIT $3",
				 P_I(org_id), P_I(trait_id), P_I(LIBRARY_SCORES_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct library_score));
		struct library_score *s = &(*out)[(*n)++];
		s->reader_id = db_col_i64(st, 0);
		s->trait_id = db_col_i64(st, 1);
		snprintf(s->day, sizeof(s->day), "%s", db_col_text(st, 2));
		s->score = (int)db_col_i64(st, 3);
	}
	return db_finish(st);
}
