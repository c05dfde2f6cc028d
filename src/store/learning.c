/* learning: see learning.h. */
#include "learning.h"
#include "audit.h"
#include "../lib/util.h"

/* audit: the write of learning_add below, in one transaction with its row */
static enum err learning_add_write(struct db_conn *c, int64_t org_id, const struct new_learning *l, int64_t *id)
{
	const char *status = l->status ? l->status : "done";
	struct db_stmt *st = DBQ(c, "INSERT INTO learning_activities (org_id, rep_id, kind, title, origin, status, done_on, "
				 "due_on, minutes, trait_id, subskill_id, learned, will_change, suggested_by, assignment_id, "
				 "library_item_id, loan_id, meeting_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, "
				 "$7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id",
				 P_I(org_id), P_I(l->rep_id), P_T(l->kind), P_T(l->title ? l->title : ""), P_T(l->origin),
				 P_T(status), l->done_on ? P_T(l->done_on) : P_NULL, l->due_on ? P_T(l->due_on) : P_NULL,
				 P_I(l->minutes), P_ID(l->trait_id), P_I(l->subskill_id), P_T(l->learned ? l->learned : ""),
				 P_T(l->will_change ? l->will_change : ""), P_ID(l->suggested_by), P_ID(l->assignment_id),
				 P_ID(l->library_item_id), P_ID(l->loan_id), P_ID(l->meeting_id), P_I(l->created_by),
				 P_I(now_epoch()));
	int64_t lid = 0;
	if (db_step(st) == DB_ROW)
		lid = db_col_i64(st, 0);
	enum err e = db_finish(st);
	if (!e && id)
		*id = lid;
	return e;
}

enum err learning_add(struct db_conn *c, int64_t org_id, const struct new_learning *l, int64_t *id)
{
	struct audit_change ch;
	int64_t lid = 0;
	enum err e = audit_begin(c, &ch, AUDIT_LEARNING, org_id, 0);
	if (!e)
		e = learning_add_write(c, org_id, l, &lid);
	e = audit_end(c, &ch, "create", lid, e);
	if (!e && id)
		*id = lid;
	return e;
}
