/*
 * learning-index: the sums of the learning log (issue 9, learning_activities
 * of migration 0015) that the achievement-orientation index, the team's
 * learning page and the ties to the profile, the one-on-one agenda and plan
 * goals read. Done activities only (status 'done'); every query scoped by
 * the organisation, every list bounded. Who may see them is
 * domain/access.c's; what they mean is domain/learning-index.c's.
 */
#ifndef SG_STORE_LEARNING_INDEX_H
#define SG_STORE_LEARNING_INDEX_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

/* rows of one sums query at most: 3 origins × 12 months × 2,000 reps */
#define LI_SUM_ROWS_MAX 72000

/* one rep's done activities of one month ('YYYY-MM') and one origin */
struct li_sum {
	int64_t rep_id;
	char month[8];
	const char *origin;		/* "self", "suggested", "mandatory" */
	long count, minutes, reflected;	/* reflected: learned or will_change written */
	char last_on[11];		/* the newest done_on among them */
};

struct li_sums {
	struct li_sum *items;
	size_t n;
	int cut;			/* LI_SUM_ROWS_MAX reached */
};

/* the sums of rep_id (when not 0), else of the reps whose team is team_id,
 * between from and to ('YYYY-MM-DD', inclusive); ordered by rep, month, origin */
enum err learning_index_sums(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, int64_t team_id,
			     const char *from, const char *to, struct li_sums *out);

/* a rep's learning per trait (profile): done activities with a trait */
#define LI_TRAIT_ROWS_MAX 2000
struct li_trait_sum {
	int64_t trait_id;
	long count, minutes;
	const char *last_on, *last_title;	/* the newest one */
};
struct li_trait_sums {
	struct li_trait_sum *items;
	size_t n;
};
enum err learning_trait_sums(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *from,
			     const char *to, struct li_trait_sums *out);

/* a rep's done activities after `after` (exclusive; NULL: from the start)
 * up to `to` (inclusive), counted by kind (the one-on-one agenda's "since
 * last time"); kinds in the order of their codes */
struct li_kind_count {
	const char *kind;
	long count;
};
struct li_kind_counts {
	struct li_kind_count items[16];
	size_t n;
};
enum err learning_kind_counts(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *after,
			      const char *to, struct li_kind_counts *out);

/* a plan goal's figure: done activities of the rep between from and to
 * (inclusive), of kind (NULL or "": any) and on trait_id (0: any trait) —
 * how many and how many minutes */
enum err learning_goal_sums(struct db_conn *c, int64_t org_id, int64_t rep_id, const char *from, const char *to,
			    const char *kind, int64_t trait_id, long *count, long *minutes);

#endif
