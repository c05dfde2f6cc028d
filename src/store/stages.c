/* stages: see stages.h. */
#include "stages.h"
#include "audit.h"
#include "ordering.h"
#include <string.h>

/* a sensible default pipeline; the texts are msgids, seeded in the
 * organisation's language */
static const struct {
	const char *name, *definition, *commitment, *kind;
} defaults[] = {
	{ N_("Lead"), N_("A possible customer with whom no need has been discussed yet."),
	  N_("The prospect agreed to a first conversation on a set date."), "open" },
	{ N_("Qualified"), N_("Need, budget, decision maker and timing are known and confirmed."),
	  N_("The decision maker confirmed the need, the budget and when they want to decide."), "open" },
	{ N_("Demo"), N_("We showed how we solve the customer's problem to the people who decide."),
	  N_("The decision makers agreed to a demo on a set date."), "open" },
	{ N_("Proposal"), N_("A written proposal has been sent to the decision maker."),
	  N_("The decision maker agreed to review the proposal with us on a set date."), "open" },
	{ N_("Negotiation"), N_("Terms are being discussed; the customer intends to buy."),
	  N_("The customer committed to a decision date."), "open" },
	{ N_("Won"), N_("The customer signed."), N_("A signed order or contract."), "won" },
	{ N_("Lost"), N_("The deal ended without an order."), N_("A stop, with its reason."), "lost" },
};

enum err stages_ensure(struct db_conn *c, int64_t org_id, enum lang fallback)
{
	int64_t n = DB_I64(c, -1, "SELECT count(*) FROM stages WHERE org_id = $1", P_I(org_id));
	if (n < 0)	/* the query failed: say how (unreachable, or a SQL error) */
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
	if (n > 0)
		return E_OK;
	/* the vocabulary is the organisation's, not whoever looks first */
	enum lang l = fallback;
	struct db_stmt *st = DBQ(c, "SELECT locale FROM orgs WHERE id = $1", P_I(org_id));
	if (db_step(st) == DB_ROW && lang_parse(db_col_text(st, 0)) >= 0)
		l = (enum lang)lang_parse(db_col_text(st, 0));
	db_finish(st);
	for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		/* ON CONFLICT: two first requests racing both seed; one wins */
		enum err e = DBX(c, "INSERT INTO stages (org_id, name, definition, commitment, position, kind) "
				 "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id, name) DO NOTHING",
				 P_I(org_id), P_T(tr(l, defaults[i].name)), P_T(tr(l, defaults[i].definition)),
				 P_T(tr(l, defaults[i].commitment)), P_I((int64_t)(i + 1) * 10), P_T(defaults[i].kind));
		if (e)
			return e;
	}
	return E_OK;
}

#define STAGE_COLS "s.id, s.name, s.definition, s.commitment, s.kind, s.position, " \
	"(SELECT count(*) FROM deals d WHERE d.org_id = s.org_id AND d.stage_id = s.id AND d.status = 'open')"

static void read_stage(struct db_stmt *st, struct arena *a, struct stage *s)
{
	s->id = db_col_i64(st, 0);
	s->name = arena_strdup(a, db_col_text(st, 1));
	s->definition = arena_strdup(a, db_col_text(st, 2));
	s->commitment = arena_strdup(a, db_col_text(st, 3));
	s->kind = arena_strdup(a, db_col_text(st, 4));
	s->position = (int)db_col_i64(st, 5);
	s->deals = db_col_i64(st, 6);
	s->all_deals = 0;	/* stage_count_all_deals, where it is needed */
}

enum err stage_list(struct db_conn *c, struct arena *a, int64_t org_id, struct stage_list *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " STAGE_COLS " FROM stages s WHERE s.org_id = $1 "
				 "ORDER BY s.position, s.id", P_I(org_id));
	size_t cap = 16;
	out->n = 0;
	out->items = arena_alloc(a, cap * sizeof(struct stage));
	while (db_step(st) == DB_ROW) {
		if (out->n == cap) {
			struct stage *n = arena_alloc(a, cap * 2 * sizeof(struct stage));
			memcpy(n, out->items, cap * sizeof(struct stage));
			out->items = n;
			cap *= 2;
		}
		read_stage(st, a, &out->items[out->n++]);
	}
	return db_finish(st);
}

enum err stage_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct stage *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " STAGE_COLS " FROM stages s WHERE s.org_id = $1 AND s.id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_stage(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err stage_create(struct db_conn *c, int64_t org_id, const struct stage *s, int64_t *id)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_STAGE, org_id, 0);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "INSERT INTO stages (org_id, name, definition, commitment, position, kind) "
				 "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
				 P_I(org_id), P_T(s->name), P_T(s->definition ? s->definition : ""),
				 P_T(s->commitment ? s->commitment : ""), P_I(s->position), P_T(s->kind));
	int64_t sid = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	e = audit_end(c, &ch, "create", sid, db_finish(st));
	if (!e && id)
		*id = sid;
	return e;
}

enum err stage_update(struct db_conn *c, int64_t org_id, const struct stage *s)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_STAGE, org_id, s->id);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "UPDATE stages SET name = $3, definition = $4, commitment = $5, "
				 "position = $6, kind = $7 WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(s->id), P_T(s->name), P_T(s->definition ? s->definition : ""),
				 P_T(s->commitment ? s->commitment : ""), P_I(s->position), P_T(s->kind));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	e = db_finish(st);
	return audit_end(c, &ch, "update", s->id, e ? e : n ? E_OK : E_NOTFOUND);
}

enum err stage_delete(struct db_conn *c, int64_t org_id, int64_t id)
{
	int64_t used = DB_I64(c, -1, "SELECT count(*) FROM deals WHERE org_id = $1 AND stage_id = $2",
			      P_I(org_id), P_I(id));
	if (used < 0)	/* the query failed: say how (unreachable, or a SQL error) */
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
	if (used > 0)
		return E_CONFLICT;
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_STAGE, org_id, id);
	if (e)
		return e;
	struct db_stmt *st = DBQ(c, "DELETE FROM stages WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id));
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	e = db_finish(st);
	return audit_end(c, &ch, "delete", id, e ? e : n ? E_OK : E_NOTFOUND);
}

enum err stage_special(struct db_conn *c, int64_t org_id, int64_t *first_open, int64_t *won, int64_t *lost)
{
	*first_open = DB_I64(c, 0, "SELECT id FROM stages WHERE org_id = $1 AND kind = 'open' "
			     "ORDER BY position, id LIMIT 1", P_I(org_id));
	*won = DB_I64(c, 0, "SELECT id FROM stages WHERE org_id = $1 AND kind = 'won' "
		      "ORDER BY position, id LIMIT 1", P_I(org_id));
	*lost = DB_I64(c, 0, "SELECT id FROM stages WHERE org_id = $1 AND kind = 'lost' "
		       "ORDER BY position, id LIMIT 1", P_I(org_id));
	return E_OK;
}

enum err stage_count_all_deals(struct db_conn *c, int64_t org_id, struct stage_list *l)
{
	/* one pass over the organisation's deals, only for the page that needs
	 * it: every other page lists stages without counting closed deals */
	struct db_stmt *st = DBQ(c, "SELECT stage_id, count(*) FROM deals WHERE org_id = $1 GROUP BY stage_id",
				 P_I(org_id));
	while (db_step(st) == DB_ROW) {
		int64_t id = db_col_i64(st, 0), n = db_col_i64(st, 1);
		for (size_t i = 0; i < l->n; i++)
			if (l->items[i].id == id)
				l->items[i].all_deals = n;
	}
	return db_finish(st);
}

enum err stage_move(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, int dir)
{
	struct stage_list l;
	enum err e = stage_list(c, a, org_id, &l);
	if (e)
		return e;
	int64_t *ids = arena_alloc(a, (l.n + 1) * sizeof(*ids));
	int *pos = arena_alloc(a, (l.n + 1) * sizeof(*pos));
	for (size_t i = 0; i < l.n; i++) {
		ids[i] = l.items[i].id;
		pos[i] = l.items[i].position;
	}
	struct audit_change ch;
	if ((e = audit_begin(c, &ch, AUDIT_STAGE, org_id, id)))
		return e;
	return audit_end(c, &ch, "move", id, order_move(c, ORDERED_STAGES, org_id, ids, pos, l.n, id, dir));
}
