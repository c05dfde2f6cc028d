/*
 * mirror (store): the queries of the manager's own mirror (issue 10; the
 * tables of migration 0025) — a manager's self-assessments, and anonymous
 * upward feedback: rounds, who answered (only that they did), and the
 * answers without their authors. Who may see or write what is decided in
 * domain/access.c (access_mirror_*), never here. An answer is read back
 * only as counts, sums and — from three answers up, the caller checks
 * mirror_upward_visible — comments in a random order.
 */
#ifndef SG_STORE_MIRROR_H
#define SG_STORE_MIRROR_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../domain/mirror.h"

#define MIRROR_HISTORY_MAX 100
#define MIRROR_ROUNDS_MAX 100
#define MIRROR_COMMENTS_MAX 200

struct manager_assessment {
	int64_t id, manager_id;
	const char *assessed_on;
	int score[MIRROR_SKILLS];
	const char *evidence[MIRROR_SKILLS];
};
enum err mirror_assessment_add(struct db_conn *c, int64_t org_id, int64_t manager_id, const char *assessed_on,
			       const int score[MIRROR_SKILLS], const char *const evidence[MIRROR_SKILLS], int64_t *id);
/* the manager's self-assessments, oldest first (at most MIRROR_HISTORY_MAX,
 * the newest ones) */
enum err mirror_assessments(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
			    struct manager_assessment **out, size_t *n);

struct upward_round {
	int64_t id, manager_id;
	const char *manager_name;
	const char *opened_on, *closed_on;	/* closed_on "" while open */
	int64_t answers;
	int64_t sum[MIRROR_SKILLS];
};
enum err mirror_round_open(struct db_conn *c, int64_t org_id, int64_t manager_id, const char *opened_on,
			   int64_t *id);
/* closes an open round of the manager; E_NOTFOUND when there is none */
enum err mirror_round_close(struct db_conn *c, int64_t org_id, int64_t manager_id, int64_t id, const char *closed_on);
/* a round with its count and sums; E_NOTFOUND */
enum err mirror_round_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct upward_round *out);
/* the manager's rounds, newest first */
enum err mirror_rounds(struct db_conn *c, struct arena *a, int64_t org_id, int64_t manager_id,
		       struct upward_round **out, size_t *n);
/* the open rounds of the managers of the teams user_id is a member of
 * (not their own), each with whether user_id answered it already */
struct upward_todo {
	struct upward_round round;
	int answered;
};
enum err mirror_rounds_for(struct db_conn *c, struct arena *a, int64_t org_id, int64_t user_id,
			   struct upward_todo **out, size_t *n);
/* the comments of a round (not empty ones), in a random order — the caller
 * shows them only from three answers up */
enum err mirror_round_comments(struct db_conn *c, struct arena *a, int64_t org_id, int64_t round_id,
			       const char ***out, size_t *n);
/* records that user_id answered and, apart from it, the answer; E_CONFLICT
 * when they answered this round already (nothing stored) */
enum err mirror_answer(struct db_conn *c, int64_t org_id, int64_t round_id, int64_t user_id,
		       const int score[MIRROR_SKILLS], const char *comment);

#endif
