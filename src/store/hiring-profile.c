/* hiring-profile (store): see hiring-profile.h. */
#include "hiring-profile.h"
#include <string.h>

enum err hiring_profile_scores(struct db_conn *c, struct arena *a, int64_t org_id, int64_t since_epoch,
			       size_t expect, struct hp_score_row **out, size_t *n, int *cut)
{
	*out = NULL;
	*n = 0;
	*cut = 0;
	/* each current rep's latest assessment found once per rep (index
	 * assessments_latest, read in its own order: the later id breaks a tie
	 * of the same second, so no sort per rep), then its scores: not the
	 * latest looked up again for every assessment of the organisation */
	struct db_stmt *st = DBQ(c, "SELECT l.rep_id, s.trait_id, sum(s.score), count(*) FROM "
				 "(SELECT u.id AS rep_id, (SELECT a2.id FROM assessments a2 "
				 "JOIN assessment_rounds r2 ON r2.org_id = a2.org_id AND r2.id = a2.round_id "
				 "WHERE a2.org_id = $1 AND a2.rep_id = u.id AND a2.rater_kind = 'manager' "
				 "AND a2.status = 'submitted' AND a2.submitted_at >= $2 AND r2.from_interviews = 0 "
				 "ORDER BY a2.submitted_at DESC, a2.id DESC LIMIT 1) AS assessment_id "
				 "FROM users u WHERE u.org_id = $1 AND u.role = 'rep' AND u.active = 1) l "
				 "JOIN assessment_scores s ON s.org_id = $1 AND s.assessment_id = l.assessment_id "
				 "GROUP BY l.rep_id, s.trait_id ORDER BY l.rep_id, s.trait_id LIMIT $3",
				 P_I(org_id), P_I(since_epoch), P_I(HP_SCORE_ROWS_MAX));
	size_t cap = expect < HP_SCORE_ROWS_MAX ? expect : HP_SCORE_ROWS_MAX;
	*out = cap ? arena_alloc(a, cap * sizeof(**out)) : NULL;
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
