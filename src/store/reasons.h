/*
 * reasons: the organisation's one list of reasons why a conversation ends in
 * a STOP and why a deal is lost (see domain/reasons.h). Seeded for every
 * organisation (migration 0012 for those that existed, org_create for new
 * ones, and reasons_ensure for any that has none); retired reasons stay so
 * history can still name them, but are not offered.
 */
#ifndef SG_STORE_REASONS_H
#define SG_STORE_REASONS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"

/* no organisation keeps more reasons than this (every list is bounded) */
#define REASONS_MAX 200

struct reason {
	int64_t id;
	const char *code;
	const char *label;	/* '' for a seeded reason not renamed: shown translated */
	int position;
	int retired;
};

struct reason_list {
	struct reason *items;
	size_t n;
};

/* seeds the default reasons when the organisation has none */
enum err reasons_ensure(struct db_conn *c, int64_t org_id);
/* in order (position, id); retired ones too when with_retired */
enum err reason_list(struct db_conn *c, struct arena *a, int64_t org_id, int with_retired, struct reason_list *out);
enum err reason_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct reason *out);
/* 1 when code is one of the organisation's reasons that is not retired, 0
 * when not, -1 when the database failed */
int reason_usable(struct db_conn *c, int64_t org_id, const char *code);
/* adds a reason after the last one; its code comes from the label, made
 * unique in the organisation. E_CONFLICT when the label is already a
 * reason's, or the list is full. */
enum err reason_create(struct db_conn *c, struct arena *a, int64_t org_id, const char *label, int64_t *id);
/* label NULL keeps it; retired -1 keeps, 0 offers it again, 1 retires it;
 * position < 0 keeps it */
enum err reason_update(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, const char *label, int position,
		       int retired);
/* moves the reason one place up (dir < 0) or down (dir > 0) in the list;
 * positions are renumbered 10, 20, … */
enum err reason_move(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, int dir);

#endif
