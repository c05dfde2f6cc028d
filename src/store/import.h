/*
 * import: CSV files from a CRM into the organisation — reps, targets, deals
 * and result totals — shared by `salesgarden import` and the import pages.
 * Rows are read by lib/csv.c, mapped and checked by domain/import.c, and
 * written here, inside one transaction:
 *
 *   - dry_run: everything is checked and counted, then rolled back;
 *   - all_or_nothing: one bad row rolls the whole file back;
 *   - otherwise the good rows are kept and the bad ones listed.
 *
 * Re-importing a file changes nothing: deals and accounts are matched by
 * their external id, reps by e-mail, targets and results by rep and
 * period; a row that would change nothing counts as skipped.
 */
#ifndef SG_STORE_IMPORT_H
#define SG_STORE_IMPORT_H
#include <stddef.h>
#include <stdint.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../domain/import.h"

struct import_options {
	enum import_kind kind;
	enum import_preset preset;
	/* "COLUMN=FIELD" overrides of the preset's mapping; FIELD "" ignores the column */
	const char *const *map;
	size_t nmap;
	int create_missing;		/* unknown owners / managers become users */
	int dry_run;
	int all_or_nothing;
	enum lang lang;			/* of the error messages */
	/* called every few thousand rows and at the end */
	void (*progress)(void *cls, size_t rows, size_t bytes_done, size_t bytes_total);
	void *progress_cls;
};

struct import_error {
	size_t line;			/* line of the file, 1 is the header */
	const char *column;		/* the file's column header, or NULL for the whole row */
	const char *message;		/* in the options' language */
};

struct import_summary {
	size_t read, created, updated, skipped, failed;
	struct import_error *errors;	/* the first 1,000 */
	size_t nerrors;
	int rolled_back;		/* nothing was kept (dry run, all-or-nothing, or a database error) */
	enum import_preset preset;	/* the one used (auto resolved) */
};

/* E_INVALID (with a message in errmsg) when the file cannot be read as CSV
 * at all or lacks a required column; row errors go into the summary */
enum err import_run(struct db_conn *c, struct arena *a, int64_t org_id, const char *data, size_t len,
		    const struct import_options *o, struct import_summary *out, struct strbuf *errmsg);

#endif
