/* hiring-profile (store): see hiring-profile.h. */
#include "hiring-profile.h"
#include <string.h>

enum err hiring_profile_scores(struct db_conn *c, struct arena *a, int64_t org_id, int64_t since_epoch,
			       struct hp_score_row **out, size_t *n, int *cut)
{
	*out = NULL;
	*n = 0;
	*cut = 0;
	struct db_stmt *st = DBQ(c, "SELECT a.rep_id, s.trait_id, sum(s.score), count(*) FROM assessments a "
				 "JOIN users u ON u.org_id = a.org_id AND u.id = a.rep_id "
				 "JOIN assessment_scores s ON s.org_id = a.org_id AND s.assessment_id = a.id "
				 "WHERE a.org_id = $1 AND u.role = 'rep' AND u.active = 1 "
				 "AND a.id = (SELECT a2.id FROM assessments a2 "
				 "JOIN assessment_rounds r2 ON r2.org_id = a2.org_id AND r2.id = a2.round_id "
				 "WHERE a2.org_id = $1 AND a2.rep_id = a.rep_id AND a2.rater_kind = 'manager' "
				 "AND a2.status = 'submitted' AND a2.submitted_at >= $2 AND r2.from_interviews = 0 "
				 "ORDER BY a2.submitted_at DESC, r2.opened_on DESC, a2.id DESC LIMIT 1) "
				 "GROUP BY a.rep_id, s.trait_id ORDER BY a.rep_id, s.trait_id LIMIT $3",
				 P_I(org_id), P_I(since_epoch), P_I(HP_SCORE_ROWS_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct hp_score_row *m = arena_alloc(a, ncap * sizeof(*m));
			if (*n)
				memcpy(m, *out, *n * sizeof(*m));
			*out = m;
			cap = ncap;
		}
		struct hp_score_row *x = &(*out)[(*n)++];
		x->rep_id = db_col_i64(st, 0);
		x->trait_id = db_col_i64(st, 1);
		x->sum = db_col_i64(st, 2);
		x->count = db_col_i64(st, 3);
	}
	*cut = *n >= HP_SCORE_ROWS_MAX;
	return db_finish(st);
}
