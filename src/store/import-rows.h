/*
 * import-rows: the queries of the import engine (service/import.c) — what
 * a file's rows refer to, read once per import (users, teams, accounts,
 * stages, the deals imported before), and the writes of a deal row, with
 * the statements kept to a fixed text so that db.h prepares them once for
 * a million rows. The other writes of an import go through the stores of
 * their kind (people_add_user, account_create, target_set, ...).
 */
#ifndef SG_STORE_IMPORT_ROWS_H
#define SG_STORE_IMPORT_ROWS_H
#include <stddef.h>
#include <stdint.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../lib/strbuf.h"

struct import_org {
	const char *slug, *currency, *locale;
	int fiscal_start_month;
};
/* E_NOTFOUND for no such organisation */
enum err import_rows_org(struct db_conn *c, struct arena *a, int64_t org_id, struct import_org *out);

/* each row of the organisation to fn, in id order (stages: in pipeline
 * order); the strings live until fn returns */
enum err import_rows_users(struct db_conn *c, int64_t org_id,
			   void (*fn)(void *cls, int64_t id, const char *email, const char *name, const char *role,
				      int active, int64_t team_id), void *cls);
enum err import_rows_teams(struct db_conn *c, int64_t org_id,
			   void (*fn)(void *cls, int64_t id, const char *name, int64_t manager_id,
				      const char *territory, const char *segment), void *cls);
enum err import_rows_accounts(struct db_conn *c, int64_t org_id,
			      void (*fn)(void *cls, int64_t id, const char *name), void *cls);
enum err import_rows_stages(struct db_conn *c, int64_t org_id,
			    void (*fn)(void *cls, int64_t id, const char *name, const char *kind), void *cls);

/* the parts of a deal an import reads and writes */
struct import_deal {
	const char *title;
	int64_t account_id, value_minor, owner_id, stage_id;
	const char *currency, *product, *status, *closed_on, *expected_close, *lost_reason, *lost_note;
};
/* which parts of an existing deal a file speaks for (the amount and the
 * owner always) */
enum { IMPORT_G_TITLE = 1, IMPORT_G_ACCOUNT = 2, IMPORT_G_CURRENCY = 4, IMPORT_G_PRODUCT = 8, IMPORT_G_STATE = 16,
       IMPORT_G_CREATED = 32 };

/* the organisation's deals with an external id, to fn */
enum err import_rows_deals(struct db_conn *c, int64_t org_id,
			   void (*fn)(void *cls, const char *external_id, int64_t id, const struct import_deal *d,
				      const char *created_on), void *cls);
/* a new account the run adds (account_create) and the run's journal note
 * of it (import_run_note_row; none for run_id 0); on PostgreSQL in one
 * round trip */
enum err import_rows_account_add(struct db_conn *c, int64_t org_id, const char *name, int64_t run_id, int64_t *id);
/* how many deals of the organisation have an external id (what
 * import_rows_deals will give), 0 on an error */
size_t import_rows_deal_count(struct db_conn *c, int64_t org_id);
/* a new deal (without RETURNING: it costs SQLite a temporary table per
 * row); created_on as given, run_id the import run that adds it (0: none) */
enum err import_rows_deal_insert(struct db_conn *c, int64_t org_id, const struct import_deal *d,
				 const char *created_on, const char *external_id, int64_t now, int64_t run_id);
/* PostgreSQL (db_has_copy): the same new deal as import_rows_deal_insert
 * writes, appended to rows as a line of COPY's text format; and the lines
 * gathered written by one COPY (a round trip for thousands of rows instead
 * of one each). rows is the caller's; nothing is written for an empty one.
 * When the COPY fails, *bad_row is the line of rows the server refused (1
 * the first), 0 when it does not say which. */
void import_rows_deal_copy_row(struct strbuf *rows, int64_t org_id, const struct import_deal *d,
			       const char *created_on, const char *external_id, int64_t now, int64_t run_id);
enum err import_rows_deal_copy(struct db_conn *c, const struct strbuf *rows, size_t *bad_row);
/* the id of the deal with an external id, 0 for none */
int64_t import_rows_deal_id(struct db_conn *c, int64_t org_id, const char *external_id);
/* the UPDATE for the parts in groups, made once per import */
const char *import_rows_deal_update_sql(struct arena *a, unsigned groups);
/* an existing deal changed by the parts in groups; sql from
 * import_rows_deal_update_sql(groups); today is the day a stage change is
 * dated when the deal is not closed */
enum err import_rows_deal_update(struct db_conn *c, const char *sql, unsigned groups, int64_t org_id, int64_t id,
				 const struct import_deal *d, const char *created_on, const char *today, int64_t now);

/* a rep's target (targets) or imported result total for a period: 1 and
 * its amount and currency, 0 for none, -1 on a database error (*e) */
int import_rows_number(struct db_conn *c, int64_t org_id, int targets, int64_t user_id, const char *start,
		       const char *end, int64_t *amount, char currency[8], enum err *e);
enum err import_rows_user_rename(struct db_conn *c, int64_t org_id, int64_t user_id, const char *name);

/* SQLite, for the length of an import: a page cache that holds the deals
 * and their indexes, statement journals in memory, and checkpoints of the
 * WAL rarely; put back as they were by import_rows_bulk_end. Nothing on
 * PostgreSQL. */
struct import_bulk {
	int tuned;
	int64_t cache_was, temp_was, autocheckpoint_was;
};
void import_rows_bulk_begin(struct db_conn *c, struct import_bulk *b);
void import_rows_bulk_end(struct db_conn *c, struct import_bulk *b);

#endif
