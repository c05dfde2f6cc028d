/*
 * audit: the queries of the audit log (issue 16, migration 0022). Every
 * change to people, teams, targets, deals, settings, stages, reasons,
 * imports, the people objects (assessment rounds and forms, plans,
 * improvement plans, one-on-ones, the pulse, the learning log), recruiting
 * (scorecards, candidates) and the admin objects (webhooks, API tokens,
 * traits and subskills) writes one row here, in the same transaction as
 * the change: a store function brackets its writes with
 *
 *	struct audit_change ch;
 *	enum err e = audit_begin(c, &ch, AUDIT_USER, org_id, id);
 *	if (!e)
 *		e = ...the writes...;
 *	return audit_end(c, &ch, "role", id, e);
 *
 * audit_begin opens a transaction (a savepoint inside the caller's) and
 * reads the object's fields; audit_end reads them again, writes the row of
 * what changed (domain/audit.c: private text never) and commits — or,
 * when e is an error or the row cannot be written, rolls the change back.
 * A change can therefore not be kept without its row. When audit_begin
 * fails nothing is left open, and audit_end only gives e back.
 *
 * The actor is the connection's (db_set_actor). A change nested in another
 * audited change on the same thread (the team set while a user is created)
 * is part of the outer one's row; changes an import makes row by row are
 * part of the import's one row (via "import"). Such a change writes no row
 * and opens no savepoint: its atomicity is its caller's, as before.
 */
#ifndef SG_STORE_AUDIT_H
#define SG_STORE_AUDIT_H
#include <stddef.h>
#include <stdint.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../domain/audit.h"

struct audit_change {
	enum audit_kind kind;
	int64_t org_id, id;
	int counted;		/* counted in the depth of changes under way */
	int open;		/* a transaction was opened by audit_begin */
	int record;		/* write a row (not nested, not an import's) */
	int has_before;
	char *before[AUDIT_MAX_FIELDS];
};

/* whether a change on this connection now would write a row of its own
 * (not nested, not an import's): to skip a look-up made for the row only */
int audit_wanted(struct db_conn *c);

/* the object a part belongs to, whose row records the part's change: the
 * plan of a goal or action ("plan_goals", "plan_actions"), the improvement
 * plan of an item ("improvement_items"), the one-on-one of an action
 * ("one_on_one_actions"); 0 when none (or not audited now) */
int64_t audit_parent(struct db_conn *c, const char *part_table, int64_t org_id, int64_t id);

enum err audit_begin(struct db_conn *c, struct audit_change *ch, enum audit_kind kind, int64_t org_id, int64_t id);
/* action: "create", "update", "delete" or a word naming the change ("role",
 * "close", …); id: the object's id (the new one after a creation). Returns
 * e, or the error that writing the row or committing met. */
enum err audit_end(struct db_conn *c, struct audit_change *ch, const char *action, int64_t id, enum err e);

/* a row without a snapshot: before_json / after_json are JSON objects of
 * strings (NULL: "{}"), built by the caller with no private text in them */
enum err audit_record(struct db_conn *c, int64_t org_id, enum audit_kind kind, int64_t object_id,
		      const char *action, const char *before_json, const char *after_json);
/* a setting's change from before (NULL: unset) to after; nothing when equal */
enum err audit_setting(struct db_conn *c, int64_t org_id, const char *key, const char *before, const char *after);

/* the page and the API */
#define AUDIT_PAGE_MAX 200		/* rows per page */
#define AUDIT_EXPORT_MAX 10000		/* rows in one export */

struct audit_filter {
	int64_t actor_id;		/* 0: anyone */
	const char *via;		/* NULL: any; "cli", "system", … */
	int kind;			/* -1: any */
	int64_t object_id;		/* 0: any */
	int64_t from, to;		/* epoch seconds, [from, to); 0: open */
};

struct audit_row {
	int64_t id, at, actor_id, object_id;
	const char *actor_name;		/* "" when no user */
	const char *via, *kind, *action, *before_json, *after_json;
};

/* newest first; limit 1..AUDIT_EXPORT_MAX; *more: rows after these */
enum err audit_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct audit_filter *f, int64_t limit,
		    int64_t offset, struct audit_row **out, size_t *n, int *more);

/* how many rows the filter matches */
enum err audit_count(struct db_conn *c, int64_t org_id, const struct audit_filter *f, int64_t *total);

/* the retention in days (AUDIT_RETENTION_DEFAULT when unset) */
int64_t audit_retention_days(struct db_conn *c, int64_t org_id);
/* sets it (an audited setting change), E_INVALID outside the bounds */
enum err audit_set_retention(struct db_conn *c, int64_t org_id, int64_t days);
/* deletes the rows older than the retention: of one organisation, or of
 * all with org_id 0; *deleted counts them. The database's trigger refuses
 * any younger row, whoever asks. */
enum err audit_purge(struct db_conn *c, int64_t org_id, int64_t *deleted);

#endif
