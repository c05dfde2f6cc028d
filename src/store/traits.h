/*
 * traits: the organisation's competency framework (issue 8) — traits with
 * a definition and behavioural anchors for the scores 1, 3 and 5, each with
 * its sub-skills, in the admins' order. Every organisation starts with the
 * five traits of the articles (codes 'goal', 'accountable', 'learning',
 * 'motivated', 'customer'), seeded in English by migration 0013 and by
 * traits_seed when an organisation is created. A seeded text that nobody
 * changed is shown in the reader's language (trait_list translates it); a
 * renamed or added one is shown as typed. Retired traits and sub-skills
 * stay (retired_at set) so old ratings remain readable.
 */
#ifndef SG_STORE_TRAITS_H
#define SG_STORE_TRAITS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"

#define TRAITS_MAX 100		/* traits per organisation, retired ones included */
#define SUBSKILLS_MAX 50	/* sub-skills per trait, retired ones included */

struct subskill {
	int64_t id, trait_id;
	const char *name, *definition;
	int position;
	int64_t retired_at;	/* 0: active */
};

struct trait {
	int64_t id;
	const char *code;	/* '' for a trait an admin added */
	const char *name, *definition, *anchor1, *anchor3, *anchor5;
	int position;
	int64_t retired_at;	/* 0: active */
	struct subskill *subskills;	/* in order (position, id) */
	size_t nsubskills;
};

struct trait_list {
	struct trait *items;
	size_t n;
};

/* the five default traits and their sub-skills, for each code the
 * organisation does not have yet (idempotent); org_create calls it */
enum err traits_seed(struct db_conn *c, int64_t org_id);

enum trait_filter { TRAITS_ACTIVE = 0, TRAITS_ALL = 1 };
/* the organisation's traits with their sub-skills, in order (position, id);
 * TRAITS_ACTIVE leaves out retired traits and retired sub-skills, TRAITS_ALL
 * keeps them (history, the admin page). Unchanged default texts come back in
 * language l (LANG_EN: as stored). Bounded by TRAITS_MAX / SUBSKILLS_MAX. */
enum err trait_list(struct db_conn *c, struct arena *a, int64_t org_id, enum lang l, enum trait_filter f,
		    struct trait_list *out);
/* one trait (active or retired) with all its sub-skills; E_NOTFOUND when the
 * organisation has no such trait */
enum err trait_get(struct db_conn *c, struct arena *a, int64_t org_id, enum lang l, int64_t id, struct trait *out);
/* the trait in a list by id (NULL when absent) */
const struct trait *trait_find(const struct trait_list *l, int64_t id);

/* what an admin types for a trait (texts as stored; NULL texts as "") */
struct trait_input {
	const char *name, *definition, *anchor1, *anchor3, *anchor5;
	int position;
};
enum err trait_create(struct db_conn *c, int64_t org_id, const struct trait_input *in, int64_t *id);
/* E_NOTFOUND when the organisation has no such trait */
enum err trait_update(struct db_conn *c, int64_t org_id, int64_t id, const struct trait_input *in);
/* retire (retired 1) or restore (0) a trait or a sub-skill; E_NOTFOUND when absent */
enum err trait_set_retired(struct db_conn *c, int64_t org_id, int64_t id, int retired);
enum err subskill_create(struct db_conn *c, int64_t org_id, int64_t trait_id, const char *name,
			 const char *definition, int position, int64_t *id);
enum err subskill_update(struct db_conn *c, int64_t org_id, int64_t id, const char *name, const char *definition,
			 int position);
enum err subskill_set_retired(struct db_conn *c, int64_t org_id, int64_t id, int retired);
/* one place up (dir < 0) or down (dir > 0) among the organisation's traits
 * (retired ones included), or among the sub-skills of trait_id; positions are
 * renumbered 10, 20, … (store/ordering.h). E_NOTFOUND when it is not there */
enum err trait_move(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, int dir);
enum err subskill_move(struct db_conn *c, struct arena *a, int64_t org_id, int64_t trait_id, int64_t id, int dir);
/* the highest position among the traits (sub-skills of trait_id when it is not 0), 0 when none */
int traits_last_position(struct db_conn *c, int64_t org_id, int64_t trait_id);

/* the text to show for a stored text of a trait with this code: translated
 * when it is one of that default trait's texts, else as stored */
const char *trait_text(enum lang l, const char *code, const char *stored);

#endif
