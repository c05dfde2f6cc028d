/* reasons: see reasons.h. */
#include "reasons.h"
#include "audit.h"
#include "ordering.h"
#include "../domain/reasons.h"
#include "../lib/util.h"
#include "../lib/i18n.h"
#include <stdio.h>
#include <string.h>

enum err reasons_ensure(struct db_conn *c, int64_t org_id)
{
	int64_t n = DB_I64(c, -1, "SELECT count(*) FROM reasons WHERE org_id = $1", P_I(org_id));
	if (n < 0)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
	if (n > 0)
		return E_OK;
	for (size_t i = 0; i < reason_seed_count; i++) {
		/* ON CONFLICT: two first requests racing both seed; one wins */
		enum err e = DBX(c, "INSERT INTO reasons (org_id, code, label, position, created_at) "
				 "VALUES ($1, $2, '', $3, $4) ON CONFLICT (org_id, code) DO NOTHING",
				 P_I(org_id), P_T(reason_seed_codes[i]), P_I((int64_t)(i + 1) * 10), P_I(now_epoch()));
		if (e)
			return e;
	}
	return E_OK;
}

#define REASON_COLS "id, code, label, position, retired_at IS NOT NULL"

static void read_reason(struct db_stmt *st, struct arena *a, struct reason *r)
{
	r->id = db_col_i64(st, 0);
	r->code = arena_strdup(a, db_col_text(st, 1));
	r->label = arena_strdup(a, db_col_text(st, 2));
	r->position = (int)db_col_i64(st, 3);
	r->retired = db_col_i64(st, 4) != 0;
}

enum err reason_list(struct db_conn *c, struct arena *a, int64_t org_id, int with_retired, struct reason_list *out)
{
	out->n = 0;
	out->items = arena_alloc(a, REASONS_MAX * sizeof(struct reason));
	enum err e = reasons_ensure(c, org_id);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, with_retired
				 ? "SELECT " REASON_COLS " FROM reasons WHERE org_id = $1 ORDER BY position, id LIMIT $2"
				 : "SELECT " REASON_COLS " FROM reasons WHERE org_id = $1 AND retired_at IS NULL "
				   "ORDER BY position, id LIMIT $2",
				 P_I(org_id), P_I(REASONS_MAX));
	while (db_step(st) == DB_ROW && out->n < REASONS_MAX)
		read_reason(st, a, &out->items[out->n++]);
	return db_finish(st);
}

enum err reason_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct reason *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " REASON_COLS " FROM reasons WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_reason(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

int reason_usable(struct db_conn *c, int64_t org_id, const char *code)
{
	if (!code || !*code)
		return 0;
	/* one query in the usual case; the seeding only when it is not there */
	int64_t n = DB_I64(c, -1, "SELECT count(*) FROM reasons WHERE org_id = $1 AND code = $2 AND retired_at IS NULL",
			   P_I(org_id), P_T(code));
	if (n != 0)
		return n < 0 ? -1 : 1;
	if (reasons_ensure(c, org_id))
		return -1;
	n = DB_I64(c, -1, "SELECT count(*) FROM reasons WHERE org_id = $1 AND code = $2 AND retired_at IS NULL",
		   P_I(org_id), P_T(code));
	return n < 0 ? -1 : n > 0;
}

/* whether another reason of the organisation already reads as label (its
 * typed label, or the label of a seeded one not renamed in any of our
 * languages: "Prijs" is price to a Dutch admin) */
static int label_taken(struct db_conn *c, struct arena *a, int64_t org_id, int64_t except, const char *label)
{
	struct reason_list l;
	if (reason_list(c, a, org_id, 1, &l))
		return -1;
	for (size_t i = 0; i < l.n; i++) {
		if (l.items[i].id == except)
			continue;
		if (*l.items[i].label) {
			if (!strcasecmp(l.items[i].label, label))
				return 1;
			continue;
		}
		const char *seed = reason_seed_label(l.items[i].code);
		for (int g = 0; seed && g < LANG_COUNT; g++)
			if (!strcasecmp(tr((enum lang)g, seed), label))
				return 1;
	}
	return l.n >= REASONS_MAX && !except ? 1 : 0;
}

enum err reason_create(struct db_conn *c, struct arena *a, int64_t org_id, const char *label, int64_t *id)
{
	int taken = label_taken(c, a, org_id, 0, label);
	if (taken < 0)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
	if (taken)
		return E_CONFLICT;
	char base[48], code[64];
	reason_code_from_label(label, base, sizeof(base));
	snprintf(code, sizeof(code), "%s", base);
	for (int k = 2; k < 1000; k++) {
		int64_t n = DB_I64(c, -1, "SELECT count(*) FROM reasons WHERE org_id = $1 AND code = $2",
				   P_I(org_id), P_T(code));
		if (n < 0)
			return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
		if (!n)
			break;
		snprintf(code, sizeof(code), "%s_%d", base, k);
	}
	int64_t last = DB_I64(c, 0, "SELECT coalesce(max(position), 0) FROM reasons WHERE org_id = $1", P_I(org_id));
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_REASON, org_id, 0);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "INSERT INTO reasons (org_id, code, label, position, created_at) "
				 "VALUES ($1, $2, $3, $4, $5) RETURNING id",
				 P_I(org_id), P_T(code), P_T(label), P_I(last + 10), P_I(now_epoch()));
	int64_t rid = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	e = audit_end(c, &ch, "create", rid, db_finish(st));
	if (!e && id)
		*id = rid;
	return e;
}

enum err reason_update(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, const char *label, int position,
		       int retired)
{
	if (label) {
		int taken = label_taken(c, a, org_id, id, label);
		if (taken < 0)
			return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
		if (taken)
			return E_CONFLICT;
	}
	int64_t n = DB_I64(c, -1, "SELECT count(*) FROM reasons WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id));
	if (n < 0)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
	if (!n)
		return E_NOTFOUND;
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_REASON, org_id, id);
	if (!e && label)
		e = DBX(c, "UPDATE reasons SET label = $3 WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id), P_T(label));
	if (!e && position >= 0)
		e = DBX(c, "UPDATE reasons SET position = $3 WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id),
			P_I(position));
	if (!e && retired == 1)
		e = DBX(c, "UPDATE reasons SET retired_at = $3 WHERE org_id = $1 AND id = $2 AND retired_at IS NULL",
			P_I(org_id), P_I(id), P_I(now_epoch()));
	if (!e && retired == 0)
		e = DBX(c, "UPDATE reasons SET retired_at = NULL WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id));
	return audit_end(c, &ch, retired == 1 ? "retire" : retired == 0 ? "restore" : "update", id, e);
}

enum err reason_move(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, int dir)
{
	struct reason_list l;
	enum err e = reason_list(c, a, org_id, 1, &l);
	if (e)
		return e;
	int64_t *ids = arena_alloc(a, (l.n + 1) * sizeof(*ids));
	int *pos = arena_alloc(a, (l.n + 1) * sizeof(*pos));
	for (size_t i = 0; i < l.n; i++) {
		ids[i] = l.items[i].id;
		pos[i] = l.items[i].position;
	}
	struct audit_change ch;
	if ((e = audit_begin(c, &ch, AUDIT_REASON, org_id, id)))
		return e;
	return audit_end(c, &ch, "move", id, order_move(c, ORDERED_REASONS, org_id, ids, pos, l.n, id, dir));
}
