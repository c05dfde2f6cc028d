/*
 * repnumbers: one rep's numbers in a period — target, result, attainment
 * and the tier history — as the numbers page (page-numbers.c) loads them,
 * shared with the rep page (page-rep.c) so both show the same figures.
 */
#ifndef SG_WEB_REPNUMBERS_H
#define SG_WEB_REPNUMBERS_H
#include "../http/request.h"
#include "../domain/attainment.h"
#include "../domain/period.h"
#include "../domain/tiers.h"
#include "../lib/table.h"
#include "../store/numbers.h"
#include "../store/users.h"

/* periods in a rep's history table, the one asked being the newest */
#define HISTORY 8

/* one rep's numbers in the period asked, and the grid around it */
struct rep_numbers {
	const struct user *u;
	const struct numbers_settings *s;
	const struct period *p;
	int has_target;
	int64_t target, result;
	struct attainment a;
	/* history: periods oldest first, the last being p */
	size_t nhist;
	const struct period *hist;
	unsigned char *h_has;
	int64_t *h_target, *h_result;
	double *h_att;
	enum tier *h_tier;
	/* the cumulative result at the end of each day of p */
	int64_t *cum;
	size_t ncum;
};

/* 0, or -1 when the database failed */
int rep_numbers_load(struct request *r, const struct user *u, const struct numbers_settings *s,
		     const struct period *p, struct rep_numbers *n);
/* target, result, attainment and tier of the last eight periods, newest first */
struct table *rep_numbers_history_table(struct request *r, const struct rep_numbers *n);
/* after a rep's name in a table: a link to their rep page (page-rep.c),
 * written only when the viewer may open it (access_private) */
void ui_rep_page_link(struct request *r, int64_t user_id, int64_t org_id, int64_t team_id, const char *name);
/* a tier in the reader's language */
const char *ui_tier_name(struct request *r, enum tier t);

#endif
