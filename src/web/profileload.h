/*
 * profileload: a rep's competency profile and a team's traits matrix as the
 * pages (page-profile.c, the rep page's summary) and the API
 * (api-profile.c) load them, so that all of them show the same figures.
 * The rights are checked by the caller first (user_load_or_reply
 * NEED_PRIVATE, team_traits_load_or_reply / the viewer's led teams); the
 * rules of the figures are domain/profile.h's.
 *
 * The superstar profile's reps: superstars by the organisation's tier rules
 * (numbers settings, domain/tiers.c) in at least one of the last four
 * completed quarters (the four fiscal quarters before the one holding
 * today), in the whole organisation — a team rarely has three superstars,
 * and the profile is the picture of what the organisation's best look like.
 * The tier in the matrix is the rep's tier in the current quarter, as on
 * the tiers page.
 */
#ifndef SG_WEB_PROFILELOAD_H
#define SG_WEB_PROFILELOAD_H
#include "../http/request.h"
#include "../domain/period.h"
#include "../domain/profile.h"
#include "../domain/tiers.h"
#include "../store/profile.h"
#include "../store/traits.h"
#include "../store/users.h"

#define STAR_QUARTERS 4

struct rep_profile {
	const struct user *u;
	struct trait_list traits;	/* active, in order */
	int64_t *ids;			/* [traits.n] */
	struct pf_data d;		/* the rep's submitted ratings */
	struct profile_row *rows;	/* [traits.n] */
	struct profile p;
	double *hist;			/* manager score [round * traits.n + trait] */
	unsigned char *has;		/* [d.nrounds]: a manager score in that round */
	size_t nhist;			/* rounds with a manager score */
	struct superstar_profile sp;
	struct period quarters[STAR_QUARTERS];	/* oldest first */
};

/* E_OK, or the store's error; with_stars 0 leaves the superstar profile
 * out (hidden, nothing scored), for a summary that does not show it */
enum err rep_profile_load(struct request *r, const struct user *u, int with_stars, struct rep_profile *out);

/* the superstar profile alone (no rep): out's traits (active, in order),
 * ids and sp, the same figures as a rep's profile shows (a candidate's
 * scorecards are drawn beside it, web/page-scorecards.c) */
enum err superstar_profile_load(struct request *r, struct rep_profile *out);

/* the verdict in words: "Elite: all 5 traits at 4 or above", "Judged by its
 * weakest trait: Customer-oriented 2", ... */
const char *profile_verdict_text(struct request *r, const struct rep_profile *rp);
/* the verdict in a word or two ("Elite", "Weak trait", ...) */
const char *profile_verdict_name(struct request *r, enum profile_verdict v);
/* why the superstar profile is hidden ("only 2 superstars with scores; 3
 * needed"), NULL when it is shown */
const char *profile_superstar_reason(struct request *r, const struct rep_profile *rp);
/* a score as shown ("4", "3.5", "–") */
const char *profile_score_text(struct request *r, double v);

struct matrix_row {
	const struct user *u;
	struct profile_row *rows;	/* [traits.n] */
	struct profile p;
	enum tier tier;			/* current quarter */
};

/* sort keys of the matrix: a trait index (>= 0) or one of these */
enum { MATRIX_BY_WEAKEST = -1, MATRIX_BY_NAME = -2, MATRIX_BY_TIER = -3 };

struct team_matrix {
	struct trait_list traits;
	int64_t *ids;
	struct matrix_row *rows;
	size_t n;
	struct period quarter;		/* of the tiers */
	int cut;			/* the ratings' bound was reached */
};

/* the reps of team_id (0: of every team the viewer leads), whose private
 * data the viewer may see (access_private, checked again per rep) */
enum err team_matrix_load(struct request *r, int64_t team_id, struct team_matrix *out);
/* "weakest", "name", "tier" or "t<TRAIT ID>" -> key; -1 (not a key) when unknown */
int team_matrix_sort_key(const struct team_matrix *m, const char *s, int *key);
/* by the key; reps without a score last; names break ties */
void team_matrix_sort(struct team_matrix *m, int key, int desc);

#endif
