/*
 * import (the engine): CSV files from a CRM into the organisation — reps,
 * targets, deals and result totals — shared by `salesgarden import` and the
 * import jobs of the pages (jobs/import-jobs.c). Rows are read by
 * lib/csv.c, mapped and checked by domain/import.c, and written here
 * through the store:
 *
 *   - dry_run: everything is checked and counted, then rolled back;
 *   - all_or_nothing: one bad row undoes the whole file;
 *   - otherwise the good rows are kept and the bad ones listed.
 *
 * Deals, targets and results are committed in batches (of about a
 * second), so that on SQLite, which has one write lock, the app's own
 * writes get through while a large file is imported. What a run writes is
 * journalled (store/import-runs.c) and undone when the run fails, is
 * all-or-nothing with a bad row, or belonged to a process that died
 * (import_recover, at the next start or import). Until then its batches
 * are visible, as the rows of any import under way. A dry run of them
 * writes nothing at all (it counts what it would write); a reps file, small
 * and read whole before anything is written, is still one transaction.
 *
 * Re-importing a file changes nothing: deals and accounts are matched by
 * their external id (a CRM's ids are stored as "salesforce:<id>", ours bare;
 * a deal not found under the preset's form is looked for under the others,
 * so the same file under another preset finds the same deals), and a new
 * deal that equals an existing one in title, owner, amount and close date
 * stops the import unless allow_duplicates; reps by e-mail, targets and results by rep and
 * period; a row that would change nothing counts as skipped.
 */
#ifndef SG_SERVICE_IMPORT_H
#define SG_SERVICE_IMPORT_H
#include <stddef.h>
#include <stdint.h>
#include "../db/db.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../domain/import.h"

struct import_summary;

struct import_options {
	enum import_kind kind;
	enum import_preset preset;
	/* "COLUMN=FIELD" overrides of the preset's mapping; FIELD "" ignores the column */
	const char *const *map;
	size_t nmap;
	int create_missing;		/* unknown owners / managers become users, unknown stages stages */
	/* "FIELD=VALUE": a value the whole file shares, for the rows whose
	 * cell of that field is empty (or that have no such column) */
	const char *const *set;
	size_t nset;
	/* deals: "NAME=STAGE", a stage name of the file read as one of the
	 * organisation's stages (or a status word: won, lost) */
	const char *const *map_stage;
	size_t nmap_stage;
	/* deals: create a deal even when one with the same title, owner,
	 * amount and close date exists under another id (else the import
	 * stops: it is most likely the same file under other ids) */
	int allow_duplicates;
	int dry_run;
	int all_or_nothing;
	enum lang lang;			/* of the error messages */
	/* called every few thousand rows and at the end */
	void (*progress)(void *cls, size_t rows, size_t bytes_done, size_t bytes_total);
	void *progress_cls;
	int64_t job_id;			/* the import job it runs for, 0 for none */
	const char *file_name;		/* the file's name, for the audit log (NULL: none) */
	size_t batch_rows;		/* rows per batch; 0 for the default (tests take a few) */
	/* called with the summary inside the import's last transaction (the
	 * one that keeps or ends undoing it), so that what the caller records
	 * about the import commits with it; an error undoes the import */
	enum err (*finish)(void *cls, struct db_conn *c, const struct import_summary *s);
	void *finish_cls;
	/* speed (issue 15): upload — what the caller knows of data already:
	 * its count of lines (0: counted here) and that it is UTF-8 (not
	 * scanned again), so that a mapped file is read once, front to back */
	size_t lines;
	int utf8_checked;
};

/* E_INVALID (with a message in errmsg) when the file cannot be read as CSV
 * at all or lacks a required column; row errors go into the summary */
enum err import_run(struct db_conn *c, struct arena *a, int64_t org_id, const char *data, size_t len,
		    const struct import_options *o, struct import_summary *out, struct strbuf *errmsg);

/* undoes what the runs of processes that are gone committed (of one
 * organisation, or of all with org_id 0); run at the start of a server and
 * of each import */
enum err import_recover(struct db_conn *c, int64_t org_id);
/* undoes what the runs of an import job committed (its process is gone:
 * the caller knows) */
enum err import_undo_job(struct db_conn *c, int64_t org_id, int64_t job_id);

#endif
