/* candidate-agenda: see candidate-agenda.h. */
#include "candidate-agenda.h"
#include <string.h>

enum err candidate_agenda(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id, const char *until,
			  struct candidate_step_row **out, size_t *n)
{
	*n = 0;
	*out = arena_allocarray(a, CANDIDATE_AGENDA_MAX, sizeof(**out));
	struct db_stmt *st = DBQ(c, "SELECT s.id, s.candidate_id, c.name, s.what, s.who, s.due_on, s.original_due, s.slips "
				 "FROM candidate_steps s JOIN candidate_conversations x ON x.org_id = s.org_id AND "
				 "x.id = s.conversation_id JOIN candidates c ON c.org_id = s.org_id AND c.id = s.candidate_id "
				 "WHERE s.org_id = $1 AND x.author_id = $2 AND s.status = 'open' AND ($3 = '' OR s.due_on <= $3) "
				 "ORDER BY s.due_on, s.id LIMIT $4",
				 P_I(org_id), P_I(user_id), P_T(until ? until : ""), P_I(CANDIDATE_AGENDA_MAX));
	while (db_step(st) == DB_ROW && *n < CANDIDATE_AGENDA_MAX) {
		struct candidate_step_row *x = &(*out)[(*n)++];
		x->id = db_col_i64(st, 0);
		x->candidate_id = db_col_i64(st, 1);
		x->candidate_name = arena_strdup(a, db_col_text(st, 2));
		x->what = arena_strdup(a, db_col_text(st, 3));
		x->who = arena_strdup(a, db_col_text(st, 4));
		x->due = arena_strdup(a, db_col_text(st, 5));
		x->original_due = arena_strdup(a, db_col_text(st, 6));
		x->slips = (int)db_col_i64(st, 7);
	}
	return db_finish(st);
}
