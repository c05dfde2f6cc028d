/* inbox (store): see inbox.h. */
#include "inbox.h"
#include "../lib/util.h"
#include <string.h>

enum err inbox_reps(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
		    struct inbox_rep **out, size_t *n)
{
	*n = 0;
	*out = arena_allocarray(a, INBOX_REPS_MAX, sizeof(**out));
	struct db_stmt *st = DBQ(c, "SELECT u.id, t.id, coalesce(t.manager_id, 0), u.name, t.name, u.created_at, "
				 "coalesce((SELECT max(l.done_on) FROM learning_activities l WHERE l.org_id = u.org_id "
				 "AND l.rep_id = u.id AND l.status = 'done'), '') "
				 "FROM users u JOIN team_members tm ON tm.org_id = u.org_id AND tm.user_id = u.id "
				 "JOIN teams t ON t.org_id = tm.org_id AND t.id = tm.team_id "
				 "WHERE u.org_id = $1 AND u.active = 1 AND ($2 = 0 OR t.manager_id = $2) "
				 "AND u.id <> coalesce(t.manager_id, 0) ORDER BY u.name, u.id, t.id LIMIT $3",
				 P_I(org_id), P_I(manager_id), P_I(INBOX_REPS_MAX));
	while (db_step(st) == DB_ROW) {
		struct inbox_rep *r = &(*out)[(*n)++];
		r->rep_id = db_col_i64(st, 0);
		r->team_id = db_col_i64(st, 1);
		r->manager_id = db_col_i64(st, 2);
		r->name = arena_strdup(a, db_col_text(st, 3));
		r->team_name = arena_strdup(a, db_col_text(st, 4));
		epoch_to_date(db_col_i64(st, 5), r->joined);
		r->last_learning = arena_strdup(a, db_col_text(st, 6));
	}
	return db_finish(st);
}

enum err inbox_dismissals(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			  struct inbox_dismissal **out, size_t *n)
{
	*n = 0;
	*out = arena_allocarray(a, INBOX_DISMISSALS_MAX, sizeof(**out));
	struct db_stmt *st = DBQ(c, "SELECT item_key, fingerprint, coalesce(until_on, '') FROM inbox_dismissals "
				 "WHERE org_id = $1 AND user_id = $2 ORDER BY id DESC LIMIT $3",
				 P_I(org_id), P_I(user_id), P_I(INBOX_DISMISSALS_MAX));
	while (db_step(st) == DB_ROW) {
		struct inbox_dismissal *d = &(*out)[(*n)++];
		d->key = arena_strdup(a, db_col_text(st, 0));
		d->fingerprint = arena_strdup(a, db_col_text(st, 1));
		d->until = arena_strdup(a, db_col_text(st, 2));
	}
	return db_finish(st);
}

enum err inbox_dismiss(struct db_conn *c, int64_t org_id, int64_t user_id, const char *key, const char *fingerprint,
		       const char *until)
{
	return DBX(c, "INSERT INTO inbox_dismissals (org_id, user_id, item_key, fingerprint, until_on, created_at) "
		   "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id, user_id, item_key) DO UPDATE SET "
		   "fingerprint = excluded.fingerprint, until_on = excluded.until_on, created_at = excluded.created_at",
		   P_I(org_id), P_I(user_id), P_T(key), P_T(fingerprint), until && *until ? P_T(until) : P_NULL,
		   P_I(now_epoch()));
}
