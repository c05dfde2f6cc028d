/*
 * store/profile: what a rep's profile and the team matrix read (issue 8):
 * the SUBMITTED ratings of a trait as
 * a whole (drafts never leave the database here, which is what keeps a
 * self-assessment from the manager and the manager's from the rep until
 * each is submitted); the traits are store/traits.h's. Read only; the forms that write them are
 * store/assessments.c's.
 */
#ifndef SG_STORE_PROFILE_H
#define SG_STORE_PROFILE_H
#include "../db/db.h"
#include "../lib/arena.h"
#include "../domain/profile.h"
#include <stddef.h>

/* ratings read at most for one rep, and for a group of reps */
#define PROFILE_SCORES_REP_MAX 5000
#define PROFILE_SCORES_GROUP_MAX 200000

struct pf_round {
	int64_t id;
	const char *name, *opened_on;
	int from_interviews;		/* a hire's first assessment (0028) */
};

/* whose ratings: exactly one of rep_id, team_id (the team's members),
 * manager_id (the members of the teams they lead), or reps (a list) */
struct pf_scope {
	int64_t rep_id, team_id, manager_id;
	const int64_t *reps;
	size_t nreps;
	int manager_only;		/* only the managers' ratings */
};

struct pf_data {
	struct pf_round *rounds;	/* oldest first (opened on, then id) */
	size_t nrounds;
	struct pf_score *scores;	/* grouped by rep; round indexes rounds */
	size_t nscores;
	int cut;			/* the bound was reached */
};

/* the submitted ratings (whole traits) of the scope */
enum err profile_scores(struct db_conn *c, struct arena *a, int64_t org_id, const struct pf_scope *s,
			struct pf_data *out);

/* what changes when a form of the organisation is submitted (a cache's
 * key): the newest submitted_at, how many forms were submitted in that
 * second and the highest id among them; two index seeks (0014) */
struct pf_version {
	int64_t at, n, id;
};
enum err profile_forms_version(struct db_conn *c, int64_t org_id, struct pf_version *out);

#endif
