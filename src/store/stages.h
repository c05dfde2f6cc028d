/*
 * stages: the organisation's own pipeline vocabulary — each stage has a
 * name, a definition and the commitment that moves a deal into it, an
 * order, and whether it is an open, won or lost stage. A default set is
 * created, in the organisation's language, the first time it is needed.
 */
#ifndef SG_STORE_STAGES_H
#define SG_STORE_STAGES_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"

struct stage {
	int64_t id;
	const char *name, *definition, *commitment, *kind;	/* kind: open, won, lost */
	int position;
	int64_t deals;		/* open deals in the stage */
	int64_t all_deals;	/* deals of any status in it: a stage holding any cannot be
				 * deleted; 0 until stage_count_all_deals fills it */
};

struct stage_list {
	struct stage *items;
	size_t n;
};

/* creates the default stages when the organisation has none, in the
 * organisation's language (fallback only when that is not one of ours) */
enum err stages_ensure(struct db_conn *c, int64_t org_id, enum lang fallback);
enum err stage_list(struct db_conn *c, struct arena *a, int64_t org_id, struct stage_list *out);
/* fills all_deals for the listed stages (the admin page's delete guard) */
enum err stage_count_all_deals(struct db_conn *c, int64_t org_id, struct stage_list *l);
enum err stage_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct stage *out);
enum err stage_create(struct db_conn *c, int64_t org_id, const struct stage *s, int64_t *id);
enum err stage_update(struct db_conn *c, int64_t org_id, const struct stage *s);
/* E_CONFLICT when deals are still in the stage */
enum err stage_delete(struct db_conn *c, int64_t org_id, int64_t id);
/* moves the stage one place up (dir < 0) or down (dir > 0) in the order;
 * positions are renumbered 10, 20, … (E_NOTFOUND when it is not there) */
enum err stage_move(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, int dir);
/* the first open stage, and the won/lost stages (0 when missing) */
enum err stage_special(struct db_conn *c, int64_t org_id, int64_t *first_open, int64_t *won, int64_t *lost);

#endif
