/*
 * hiring-profile (store): the one query behind "what predicts top
 * performance here" (issue 11) that the numbers do not already answer —
 * each current rep's latest manager assessment. The attainment and the
 * tiers come from the numbers grid (store/numbers.h), as on the tiers page.
 *
 * The SQL (for timing; $1 the organisation, $2 the epoch 365 days ago,
 * $3 the bound):
 *
 *   SELECT l.rep_id, s.trait_id, sum(s.score), count(*)
 *   FROM (SELECT u.id AS rep_id,
 *           (SELECT a2.id FROM assessments a2
 *            JOIN assessment_rounds r2 ON r2.org_id = a2.org_id AND r2.id = a2.round_id
 *            WHERE a2.org_id = $1 AND a2.rep_id = u.id AND a2.rater_kind = 'manager'
 *              AND a2.status = 'submitted' AND a2.submitted_at >= $2 AND r2.from_interviews = 0
 *            ORDER BY a2.submitted_at DESC, a2.id DESC LIMIT 1) AS assessment_id
 *         FROM users u WHERE u.org_id = $1 AND u.role = 'rep' AND u.active = 1) l
 *   JOIN assessment_scores s ON s.org_id = $1 AND s.assessment_id = l.assessment_id
 *   GROUP BY l.rep_id, s.trait_id ORDER BY l.rep_id, s.trait_id LIMIT $3
 *
 * The latest assessment is looked up once per rep (index assessments_latest,
 * migration 0034), not again for every assessment of the organisation: at
 * 1,000 reps with 24,000 assessments (make bench) that took 270 ms. Both
 * lookups read covering indexes (migration 0037: the round and the score are
 * in them), no table row: 7-8 ms -> 2.2 ms in the sqlite3 shell.
 *
 * A round "from interviews" (a hire's first assessment) is left out: it is
 * what the interviewers heard, not what the manager saw the rep do.
 */
#ifndef SG_STORE_HIRING_PROFILE_H
#define SG_STORE_HIRING_PROFILE_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

#define HP_SCORE_ROWS_MAX 100000

struct hp_score_row {
	int64_t rep_id, trait_id;
	int64_t sum, count;		/* the rows of the trait (a whole, or per sub-skill) */
};

/* by rep, then trait; at most HP_SCORE_ROWS_MAX rows (*cut when reached);
 * expect: how many rows the caller expects (the list is allocated for that
 * many at once, and grows if there are more) */
enum err hiring_profile_scores(struct db_conn *c, struct arena *a, int64_t org_id, int64_t since_epoch,
			       size_t expect, struct hp_score_row **out, size_t *n, int *cut);

#endif
