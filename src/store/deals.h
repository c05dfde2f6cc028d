/*
 * deals: accounts, contacts and deals, and the signals that deal health is
 * judged by (domain/commitment.c). All queries are scoped to the
 * organisation; which owners a viewer may see is decided by the caller
 * (domain/access.h) and passed in as a filter.
 */
#ifndef SG_STORE_DEALS_H
#define SG_STORE_DEALS_H
#include <stdint.h>
#include <stddef.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../domain/commitment.h"
#include "../domain/access.h"

struct account {
	int64_t id;
	const char *name;
	int64_t owner_id;
	const char *owner_name;
	int64_t open_deals;
};

struct contact {
	int64_t id, account_id;
	const char *name, *title, *email, *phone;
};

struct deal {
	int64_t id;
	const char *title;
	int64_t account_id;
	const char *account_name;
	int64_t value_minor;
	const char *currency;
	int64_t owner_id, owner_team_id;
	const char *owner_name;
	int64_t stage_id;
	const char *stage_name;
	int64_t stage_position;		/* the list's first sort key (the API cursor) */
	const char *product, *expected_close, *status, *lost_reason, *lost_note, *closed_on;
	const char *created_on, *stage_changed_on;
	/* health signals (filled by deal_get and deal_list) */
	struct deal_signals sig;
	const char *next_what;		/* the earliest open step, "" if none */
	int64_t minutes;		/* time spent in conversations */
	int64_t conversations;
	struct health_result health;	/* computed by the caller's deal_assess() */
};

struct deal_list {
	struct deal *items;
	size_t n;
	int64_t total;			/* before paging */
	int64_t total_value;		/* the sum of value_minor of all total deals */
};

/* who and what to list; zero fields do not filter */
struct deal_filter {
	int64_t owner_id;
	int64_t team_id;
	enum scope scope;		/* whose deals the viewer may see (access_deal_scope) */
	int64_t viewer_id;
	const char *status;		/* "open", "won", "lost", "paused" or NULL */
	int64_t stage_id;
	int64_t account_id;
	const char *q;			/* title or account contains */
	int limit, offset;		/* limit 0: no limit */
	/* keyset paging (the API cursor): only the deals after the one with
	 * this sort key (stage position, expected close or "9999", id) in the
	 * list's order; after_id 0 does not filter. No rows are skipped: the
	 * database starts where the last page ended. */
	int64_t after_position, after_id;
	const char *after_close;
};

enum err account_create(struct db_conn *c, int64_t org_id, const char *name, int64_t owner_id,
			const char *external_id, int64_t *id);
enum err account_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct account *out);
/* the account with exactly this name (ignoring ASCII case); E_NOTFOUND when none */
enum err account_by_name(struct db_conn *c, int64_t org_id, const char *name, int64_t *id);
/* renames an account; E_NOTFOUND when it is not the organisation's */
enum err account_update(struct db_conn *c, int64_t org_id, int64_t id, const char *name);
enum err account_list(struct db_conn *c, struct arena *a, int64_t org_id, const char *q, int limit, int offset,
		      struct account **out, size_t *n, int64_t *total);
/* account_list from just after (after_name, after_id) in its name order,
 * the keyset of the API cursor; after_id 0: from the start */
enum err account_list_after(struct db_conn *c, struct arena *a, int64_t org_id, const char *q, int limit,
			    int offset, const char *after_name, int64_t after_id, struct account **out, size_t *n,
			    int64_t *total);
enum err contact_create(struct db_conn *c, int64_t org_id, int64_t account_id, const char *name,
			const char *title, const char *email, const char *phone, int64_t *id);
enum err contact_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t account_id,
		      struct contact **out, size_t *n);

/* fields a deal is created or updated with */
struct deal_input {
	const char *title;
	int64_t account_id;
	int64_t value_minor;
	const char *currency;
	int64_t owner_id;
	int64_t stage_id;
	const char *product;
	const char *expected_close;	/* may be NULL */
	const char *external_id;	/* may be NULL */
};

enum err deal_create(struct db_conn *c, int64_t org_id, const struct deal_input *in, const char *today,
		     int64_t *id);
/* updates the editable fields; a new stage_id counts as progress when it lies
 * later in the pipeline */
enum err deal_update(struct db_conn *c, int64_t org_id, int64_t id, const struct deal_input *in,
		     const char *today);
/* won or lost (with reason), or paused; open steps are cancelled */
enum err deal_close(struct db_conn *c, int64_t org_id, int64_t id, const char *status,
		    const char *lost_reason, const char *note, const char *today);
/* reopens a paused or closed deal in its current open stage */
enum err deal_reopen(struct db_conn *c, int64_t org_id, int64_t id, const char *today);
enum err deal_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct deal *out);
enum err deal_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct deal_filter *f,
		   struct deal_list *out);
/* per owner (in owner order), how many of their open deals the strung-along
 * rule flags today: the open deals' maintained signals (rollup_deal_signals,
 * migration 0033) of the owners the scope lets the viewer see, as
 * deal_list's scope; owners without such a deal are left out */
struct owner_count {
	int64_t owner_id;
	long n;
};
enum err deal_strung_counts(struct db_conn *c, struct arena *a, int64_t org_id, enum scope scope, int64_t viewer_id,
			    const struct health_settings *cfg, const char *today, struct owner_count **out, size_t *n);
/* computes health for every deal in the list with the organisation's settings */
void deal_assess(struct deal *d, size_t n, const struct health_settings *cfg, const char *today);

#endif
