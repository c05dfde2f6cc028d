/* traits: see traits.h. */
#include "traits.h"
#include "ordering.h"
#include "audit.h"
#include "../lib/util.h"
#include <string.h>

/* The five traits of the articles, with the sub-skills the articles name
 * (goal-oriented, customer-oriented) and sensible ones where they name none.
 * The texts are msgids, stored in English; migration 0013 holds the same
 * texts for the organisations that existed before it. */
struct default_subskill {
	const char *name, *definition;
};

struct default_trait {
	const char *code, *name, *definition, *anchor1, *anchor3, *anchor5;
	const struct default_subskill *subskills;	/* ends with a NULL name */
};

static const struct default_subskill subs_goal[] = {
	{ N_("Winning the customer's trust"),
	  N_("Customers rely on what they promise and come back to them.") },
	{ N_("Gaining market share"),
	  N_("Wins new accounts and a larger share of existing ones, quarter after quarter.") },
	{ N_("Knowing when to push and when to brake"),
	  N_("Presses for a decision when the customer is ready, and gives room when they are not.") },
	{ N_("Representing the company correctly"),
	  N_("Promises only what the company delivers, in its tone and on its terms.") },
	{ N_("Knowing one's numbers"),
	  N_("Knows their pipeline, attainment and commitment rate without looking them up.") },
	{ NULL, NULL },
};

static const struct default_subskill subs_accountable[] = {
	{ N_("Keeping commitments"),
	  N_("Does what they said they would do, when they said it.") },
	{ N_("Owning mistakes"),
	  N_("Names their own part in a lost deal and fixes what they can.") },
	{ N_("Mastering the product and the process"),
	  N_("Knows the product and the sales process well enough to answer without help.") },
	{ N_("Setting high standards"),
	  N_("Aims for the best result, not for the least that is accepted.") },
	{ NULL, NULL },
};

static const struct default_subskill subs_learning[] = {
	{ N_("Asking for feedback"),
	  N_("Asks the manager and colleagues how a conversation could have gone better.") },
	{ N_("Trying new techniques"),
	  N_("Tries a new approach in real conversations and judges it by the results.") },
	{ N_("Learning from lost deals"),
	  N_("Looks for the reason behind each stop and changes something because of it.") },
	{ N_("Sharing what works"),
	  N_("Passes on what they learned to the team.") },
	{ NULL, NULL },
};

static const struct default_subskill subs_motivated[] = {
	{ N_("Persevering after rejection"),
	  N_("Picks up the phone again after a no, with the same energy.") },
	{ N_("Taking the initiative"),
	  N_("Starts things without being asked: new prospects, follow-ups, ideas.") },
	{ N_("Drive to exceed the target"),
	  N_("Treats the target as a floor, not a ceiling.") },
	{ NULL, NULL },
};

static const struct default_subskill subs_customer[] = {
	{ N_("Asking the right questions"),
	  N_("Asks questions that uncover the need, the budget and who decides.") },
	{ N_("Handling criticism and complaints"),
	  N_("Listens to a complaint to the end and turns it into a next step.") },
	{ N_("Closing the deal"),
	  N_("Asks for the decision at the right moment and gets a clear yes or no.") },
	{ N_("Listening actively"),
	  N_("Lets the customer talk and sums up what they heard before answering.") },
	{ NULL, NULL },
};

static const struct default_trait defaults[] = {
	{ "goal", N_("Goal-oriented"),
	  N_("Sets their own goals, knows their numbers and works every day on the skills to reach them."),
	  N_("Works without goals of their own and does not know where they stand against the target."),
	  N_("Knows the target and roughly where they stand; plans from week to week."),
	  N_("Sets goals beyond the target, knows their numbers at any moment and plans the work back from them."),
	  subs_goal },
	{ "accountable", N_("Accountable"),
	  N_("Owns themselves, the product and the process, and takes full responsibility for the outcome of their actions."),
	  N_("Blames the price, the product or colleagues for lost deals; lets commitments slip."),
	  N_("Keeps most commitments and admits a mistake when asked about it."),
	  N_("Owns every outcome, keeps every commitment and sets a standard above what is asked."),
	  subs_accountable },
	{ "learning", N_("Eager to learn"),
	  N_("Keeps learning throughout their career, seeks training and feedback and tries new ways to solve their challenges."),
	  N_("Follows only the training the company requires and keeps repeating the same approach."),
	  N_("Takes part in training when it is offered and applies some of it."),
	  N_("Seeks feedback and training on their own, tries new techniques and shares what works."),
	  subs_learning },
	{ "motivated", N_("Motivated"),
	  N_("Driven to exceed their targets; keeps going when things are hard and sees problems as chances to grow."),
	  N_("Gives up after a few rejections and waits to be told what to do."),
	  N_("Keeps going in an ordinary week; a run of rejections slows them down."),
	  N_("Keeps up the pace after rejections, takes the initiative and turns setbacks into chances."),
	  subs_motivated },
	{ "customer", N_("Customer-oriented"),
	  N_("Puts the customer at the centre: speaks their language, listens to their concerns and is driven to help them."),
	  N_("Talks about the product rather than the customer's problem and misses their concerns."),
	  N_("Listens and asks questions, but sometimes pushes the product before the need is clear."),
	  N_("Understands the customer's world, listens actively and is trusted to help them decide."),
	  subs_customer },
};

#define NDEFAULTS (sizeof(defaults) / sizeof(defaults[0]))

static const struct default_trait *default_of(const char *code)
{
	if (!code || !*code)
		return NULL;
	for (size_t i = 0; i < NDEFAULTS; i++)
		if (!strcmp(defaults[i].code, code))
			return &defaults[i];
	return NULL;
}

const char *trait_text(enum lang l, const char *code, const char *stored)
{
	const struct default_trait *d = default_of(code);
	if (!d || !stored || !*stored)
		return stored;
	const char *texts[] = { d->name, d->definition, d->anchor1, d->anchor3, d->anchor5 };
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (!strcmp(texts[i], stored))
			return tr(l, texts[i]);
	for (const struct default_subskill *s = d->subskills; s->name; s++) {
		if (!strcmp(s->name, stored))
			return tr(l, s->name);
		if (!strcmp(s->definition, stored))
			return tr(l, s->definition);
	}
	return stored;
}

enum err traits_seed(struct db_conn *c, int64_t org_id)
{
	for (size_t i = 0; i < NDEFAULTS; i++) {
		const struct default_trait *d = &defaults[i];
		int64_t have = DB_I64(c, -1, "SELECT count(*) FROM traits WHERE org_id = $1 AND code = $2",
				      P_I(org_id), P_T(d->code));
		if (have < 0)
			return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
		if (have)
			continue;
		int64_t id = 0;
		struct db_stmt *st = DBQ(c, "INSERT INTO traits (org_id, code, name, definition, anchor1, anchor3, "
					 "anchor5, position, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
					 "RETURNING id",
					 P_I(org_id), P_T(d->code), P_T(d->name), P_T(d->definition), P_T(d->anchor1),
					 P_T(d->anchor3), P_T(d->anchor5), P_I((int64_t)(i + 1) * 10), P_I(now_epoch()));
		if (db_step(st) == DB_ROW)
			id = db_col_i64(st, 0);
		enum err e = db_finish(st);
		if (e)
			return e;
		int pos = 0;
		for (const struct default_subskill *s = d->subskills; s->name; s++)
			if ((e = DBX(c, "INSERT INTO subskills (org_id, trait_id, name, definition, position, created_at) "
				     "VALUES ($1, $2, $3, $4, $5, $6)",
				     P_I(org_id), P_I(id), P_T(s->name), P_T(s->definition), P_I((int64_t)(pos += 10)),
				     P_I(now_epoch()))))
				return e;
	}
	return E_OK;
}

#define TRAIT_COLS "id, code, name, definition, anchor1, anchor3, anchor5, position, coalesce(retired_at, 0)"

static void read_trait(struct db_stmt *st, struct arena *a, enum lang l, struct trait *t)
{
	memset(t, 0, sizeof(*t));
	t->id = db_col_i64(st, 0);
	t->code = arena_strdup(a, db_col_text(st, 1));
	t->name = arena_strdup(a, trait_text(l, t->code, db_col_text(st, 2)));
	t->definition = arena_strdup(a, trait_text(l, t->code, db_col_text(st, 3)));
	t->anchor1 = arena_strdup(a, trait_text(l, t->code, db_col_text(st, 4)));
	t->anchor3 = arena_strdup(a, trait_text(l, t->code, db_col_text(st, 5)));
	t->anchor5 = arena_strdup(a, trait_text(l, t->code, db_col_text(st, 6)));
	t->position = (int)db_col_i64(st, 7);
	t->retired_at = db_col_i64(st, 8);
}

/* the sub-skills of the listed traits, in one query, attached in order */
static enum err attach_subskills(struct db_conn *c, struct arena *a, int64_t org_id, enum lang l,
				 enum trait_filter f, int64_t only_trait, struct trait *items, size_t n)
{
	if (!n)
		return E_OK;
	for (size_t i = 0; i < n; i++)
		items[i].subskills = arena_allocarray(a, SUBSKILLS_MAX, sizeof(struct subskill));
	struct db_stmt *st = DBQ(c, f == TRAITS_ALL
				 ? "SELECT id, trait_id, name, definition, position, coalesce(retired_at, 0) "
				   "FROM subskills WHERE org_id = $1 AND ($3 = 0 OR trait_id = $3) "
				   "ORDER BY trait_id, position, id LIMIT $2"
				 : "SELECT id, trait_id, name, definition, position, coalesce(retired_at, 0) "
				   "FROM subskills WHERE org_id = $1 AND retired_at IS NULL AND ($3 = 0 OR trait_id = $3) "
				   "ORDER BY trait_id, position, id LIMIT $2",
				 P_I(org_id), P_I((int64_t)TRAITS_MAX * SUBSKILLS_MAX), P_I(only_trait));
	while (db_step(st) == DB_ROW) {
		int64_t tid = db_col_i64(st, 1);
		for (size_t i = 0; i < n; i++) {
			struct trait *t = &items[i];
			if (t->id != tid || t->nsubskills == SUBSKILLS_MAX)
				continue;
			struct subskill *s = &t->subskills[t->nsubskills++];
			s->id = db_col_i64(st, 0);
			s->trait_id = tid;
			s->name = arena_strdup(a, trait_text(l, t->code, db_col_text(st, 2)));
			s->definition = arena_strdup(a, trait_text(l, t->code, db_col_text(st, 3)));
			s->position = (int)db_col_i64(st, 4);
			s->retired_at = db_col_i64(st, 5);
			break;
		}
	}
	return db_finish(st);
}

enum err trait_list(struct db_conn *c, struct arena *a, int64_t org_id, enum lang l, enum trait_filter f,
		    struct trait_list *out)
{
	out->n = 0;
	out->items = arena_allocarray(a, TRAITS_MAX, sizeof(struct trait));
	struct db_stmt *st = DBQ(c, f == TRAITS_ALL
				 ? "SELECT " TRAIT_COLS " FROM traits WHERE org_id = $1 "
				   "ORDER BY position, id LIMIT $2"
				 : "SELECT " TRAIT_COLS " FROM traits WHERE org_id = $1 AND retired_at IS NULL "
				   "ORDER BY position, id LIMIT $2",
				 P_I(org_id), P_I((int64_t)TRAITS_MAX));
	while (db_step(st) == DB_ROW)
		read_trait(st, a, l, &out->items[out->n++]);
	enum err e = db_finish(st);
	return e ? e : attach_subskills(c, a, org_id, l, f, 0, out->items, out->n);
}

enum err trait_get(struct db_conn *c, struct arena *a, int64_t org_id, enum lang l, int64_t id, struct trait *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " TRAIT_COLS " FROM traits WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_trait(st, a, l, out);
	enum err e = db_finish(st);
	if (e)
		return e;
	if (r != DB_ROW)
		return E_NOTFOUND;
	return attach_subskills(c, a, org_id, l, TRAITS_ALL, id, out, 1);
}

const struct trait *trait_find(const struct trait_list *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id == id)
			return &l->items[i];
	return NULL;
}

static enum err changed_one(struct db_stmt *st)
{
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : E_NOTFOUND;
}

#define S(x) P_T((x) ? (x) : "")

static enum err trait_create_write(struct db_conn *c, int64_t org_id, const struct trait_input *in, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO traits (org_id, code, name, definition, anchor1, anchor3, anchor5, "
				 "position, created_at) VALUES ($1, '', $2, $3, $4, $5, $6, $7, $8) RETURNING id",
				 P_I(org_id), S(in->name), S(in->definition), S(in->anchor1), S(in->anchor3), S(in->anchor5),
				 P_I(in->position), P_I(now_epoch()));
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

static enum err trait_update_write(struct db_conn *c, int64_t org_id, int64_t id, const struct trait_input *in)
{
	return changed_one(DBQ(c, "UPDATE traits SET name = $3, definition = $4, anchor1 = $5, anchor3 = $6, "
			       "anchor5 = $7, position = $8 WHERE org_id = $1 AND id = $2",
			       P_I(org_id), P_I(id), S(in->name), S(in->definition), S(in->anchor1), S(in->anchor3),
			       S(in->anchor5), P_I(in->position)));
}

static enum err trait_set_retired_write(struct db_conn *c, int64_t org_id, int64_t id, int retired)
{
	return changed_one(DBQ(c, "UPDATE traits SET retired_at = $3 WHERE org_id = $1 AND id = $2",
			       P_I(org_id), P_I(id), retired ? P_I(now_epoch()) : P_NULL));
}

static enum err subskill_create_write(struct db_conn *c, int64_t org_id, int64_t trait_id, const char *name,
			 const char *definition, int position, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO subskills (org_id, trait_id, name, definition, position, created_at) "
				 "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
				 P_I(org_id), P_I(trait_id), S(name), S(definition), P_I(position), P_I(now_epoch()));
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

static enum err subskill_update_write(struct db_conn *c, int64_t org_id, int64_t id, const char *name, const char *definition,
			 int position)
{
	return changed_one(DBQ(c, "UPDATE subskills SET name = $3, definition = $4, position = $5 "
			       "WHERE org_id = $1 AND id = $2",
			       P_I(org_id), P_I(id), S(name), S(definition), P_I(position)));
}

static enum err subskill_set_retired_write(struct db_conn *c, int64_t org_id, int64_t id, int retired)
{
	return changed_one(DBQ(c, "UPDATE subskills SET retired_at = $3 WHERE org_id = $1 AND id = $2",
			       P_I(org_id), P_I(id), retired ? P_I(now_epoch()) : P_NULL));
}

/* audited (issue 16): an admin's edits of the traits and subskills, each in
 * one transaction with its row */
enum err trait_create(struct db_conn *c, int64_t org_id, const struct trait_input *in, int64_t *id)
{
	struct audit_change ch;
	int64_t nid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_TRAIT, org_id, 0);
	if (!e)
		e = trait_create_write(c, org_id, in, &nid);
	e = audit_end(c, &ch, "create", nid, e);
	if (!e && id)
		*id = nid;
	return e;
}

enum err trait_update(struct db_conn *c, int64_t org_id, int64_t id, const struct trait_input *in)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_TRAIT, org_id, id);
	if (!e)
		e = trait_update_write(c, org_id, id, in);
	return audit_end(c, &ch, "update", id, e);
}

enum err trait_set_retired(struct db_conn *c, int64_t org_id, int64_t id, int retired)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_TRAIT, org_id, id);
	if (!e)
		e = trait_set_retired_write(c, org_id, id, retired);
	return audit_end(c, &ch, retired ? "retire" : "restore", id, e);
}

enum err subskill_create(struct db_conn *c, int64_t org_id, int64_t trait_id, const char *name,
			 const char *definition, int position, int64_t *id)
{
	struct audit_change ch;
	int64_t nid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_SUBSKILL, org_id, 0);
	if (!e)
		e = subskill_create_write(c, org_id, trait_id, name, definition, position, &nid);
	e = audit_end(c, &ch, "create", nid, e);
	if (!e && id)
		*id = nid;
	return e;
}

enum err subskill_update(struct db_conn *c, int64_t org_id, int64_t id, const char *name, const char *definition,
			 int position)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_SUBSKILL, org_id, id);
	if (!e)
		e = subskill_update_write(c, org_id, id, name, definition, position);
	return audit_end(c, &ch, "update", id, e);
}

enum err subskill_set_retired(struct db_conn *c, int64_t org_id, int64_t id, int retired)
{
	struct audit_change ch;
	enum err e = audit_begin(c, &ch, AUDIT_SUBSKILL, org_id, id);
	if (!e)
		e = subskill_set_retired_write(c, org_id, id, retired);
	return audit_end(c, &ch, retired ? "retire" : "restore", id, e);
}

int traits_last_position(struct db_conn *c, int64_t org_id, int64_t trait_id)
{
	return (int)(trait_id
		? DB_I64(c, 0, "SELECT coalesce(max(position), 0) FROM subskills WHERE org_id = $1 AND trait_id = $2",
			 P_I(org_id), P_I(trait_id))
		: DB_I64(c, 0, "SELECT coalesce(max(position), 0) FROM traits WHERE org_id = $1", P_I(org_id)));
}

enum err trait_move(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, int dir)
{
	struct trait_list l;
	enum err e = trait_list(c, a, org_id, LANG_EN, TRAITS_ALL, &l);
	if (e)
		return e;
	int64_t *ids = arena_alloc(a, (l.n + 1) * sizeof(*ids));
	int *pos = arena_alloc(a, (l.n + 1) * sizeof(*pos));
	for (size_t i = 0; i < l.n; i++) {
		ids[i] = l.items[i].id;
		pos[i] = l.items[i].position;
	}
	struct audit_change ch;
	if ((e = audit_begin(c, &ch, AUDIT_TRAIT, org_id, id)))
		return e;
	return audit_end(c, &ch, "move", id, order_move(c, ORDERED_TRAITS, org_id, ids, pos, l.n, id, dir));
}

enum err subskill_move(struct db_conn *c, struct arena *a, int64_t org_id, int64_t trait_id, int64_t id, int dir)
{
	struct trait t;
	enum err e = trait_get(c, a, org_id, LANG_EN, trait_id, &t);
	if (e)
		return e;
	int64_t *ids = arena_alloc(a, (t.nsubskills + 1) * sizeof(*ids));
	int *pos = arena_alloc(a, (t.nsubskills + 1) * sizeof(*pos));
	for (size_t i = 0; i < t.nsubskills; i++) {
		ids[i] = t.subskills[i].id;
		pos[i] = t.subskills[i].position;
	}
	struct audit_change ch;
	if ((e = audit_begin(c, &ch, AUDIT_SUBSKILL, org_id, id)))
		return e;
	return audit_end(c, &ch, "move", id, order_move(c, ORDERED_SUBSKILLS, org_id, ids, pos, t.nsubskills, id, dir));
}
