/*
 * coaching: what the one-on-one pages (page-one-on-ones.c), the observation
 * pages (page-observations.c), the rep page and the home page share — the
 * cadence's words, a rep's next due day, and the parts one page borrows from
 * the other.
 */
#ifndef SG_WEB_COACHING_H
#define SG_WEB_COACHING_H
#include "../http/request.h"
#include "../store/one-on-ones.h"

/* "weekly", "biweekly", "monthly" in the reader's language */
const char *ooo_every_label(struct request *r, const char *code);
/* the day a rep's next one-on-one is due ("" without a cadence) and
 * whether it is overdue today (domain/cadence.c) */
void ooo_rep_due(struct request *r, const struct ooo_rep *x, const char **due, int *overdue);
/* in a one-on-one's facts: the observations of the rep from..to (the
 * viewer may see the one-on-one, so the rep's observations too) */
void coaching_render_facts_observations(struct request *r, int64_t rep_id, const char *from, const char *to);
/* the rep page's section and the home page's "what is due" are in pages.h */

/* the observations of a rep and the table of their trait evidence (marked
 * "observed"), as the rep page and /observations?rep= show them */
struct obs_list;
struct table;
struct user;
void coaching_rep_observations(struct request *r, const struct user *u, const struct obs_list *l, const struct table *t);

#endif
