/*
 * import (rules): what each kind of import accepts, how the column headers
 * of a CRM's export map to our fields (presets for Salesforce opportunity
 * reports, HubSpot deal exports and Pipedrive deal exports, and our own
 * generic names), and how one cell is read — amounts with decimal comma or
 * point, ISO or day-first dates, statuses and lost reasons in the CRM's
 * words. No database here: service/import.c writes what this reads.
 */
#ifndef SG_DOMAIN_IMPORT_H
#define SG_DOMAIN_IMPORT_H
#include <stddef.h>
#include <stdint.h>
#include "../lib/arena.h"
#include "../lib/strbuf.h"
#include "../lib/err.h"
#include "../lib/i18n.h"

enum import_kind { IMPORT_REPS, IMPORT_TARGETS, IMPORT_DEALS, IMPORT_RESULTS };
enum import_preset { PRESET_AUTO, PRESET_GENERIC, PRESET_SALESFORCE, PRESET_HUBSPOT, PRESET_PIPEDRIVE };

/* "reps", "targets", "deals", "results" / "auto", "generic", "salesforce",
 * "hubspot", "pipedrive" and back; -1 when unknown */
int import_kind_parse(const char *s);
const char *import_kind_code(enum import_kind k);
int import_preset_parse(const char *s);
const char *import_preset_code(enum import_preset p);

/* the fields a kind takes: codes ("email", "amount", ...) and their
 * untranslated labels (N_ strings; translate with tr()); required ones
 * first, *nrequired of them */
size_t import_fields(enum import_kind k, const char *const **codes, const char *const **labels, size_t *nrequired);

/* the field a column header maps to under a preset (auto tries every
 * preset), or NULL; case and surrounding space do not matter */
const char *import_field_for_header(enum import_kind k, enum import_preset p, const char *header);
/* the preset whose headers match the most columns (generic on a tie) */
enum import_preset import_detect_preset(enum import_kind k, const char *const *headers, size_t n);

/* the first rows of a file with the mapping a preset gives, for the
 * import page's preview */
struct import_preview {
	char sep;			/* ',' or ';' */
	int bom;
	size_t ncols;
	const char **headers;
	const char **fields;		/* per column, NULL when not mapped */
	size_t nrows;			/* up to max_rows */
	const char ***rows;		/* rows[i][col], "" for missing cells */
	enum import_preset preset;	/* the one detected when asked for auto */
};
enum err import_preview(struct arena *a, const char *data, size_t len, enum import_kind k, enum import_preset p,
			size_t max_rows, struct import_preview *out, struct strbuf *errmsg);

/* what an import found: the counts and the first errors, as the engine
 * (service/import.c) reports them and a job's row (store/import-files.c)
 * keeps them */
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
	/* deals: stage names the organisation lacks, with their rows, in the
	 * order first met (not mapped by map_stage; created when
	 * create_missing, else the rows failed) */
	struct import_count *stages;
	size_t nstages, stages_created;
	/* reps: teams created, teams given a manager by the file, and the
	 * reps and managers that have no e-mail address (they cannot sign in
	 * until given one) */
	size_t teams_created, managers_set, without_email;
};

struct import_count {
	const char *name;
	size_t count;
};

/* --- what service/import.c and the import page share (added by the import
 * engine; the functions above are the page's) --- */

/* field indices per kind, in the order import_fields lists them */
enum { RF_NAME, RF_EMAIL, RF_TEAM, RF_MANAGER, RF_TERRITORY, RF_SEGMENT, RF_ROLE, RF_COUNT };
enum { TF_OWNER, TF_PERIOD, TF_AMOUNT, TF_CURRENCY, TF_COUNT };
enum { DF_OWNER, DF_AMOUNT, DF_EXTERNAL_ID, DF_TITLE, DF_ACCOUNT, DF_CURRENCY, DF_STAGE, DF_STATUS, DF_WON,
       DF_CLOSED, DF_CLOSE_DATE, DF_EXPECTED_CLOSE, DF_CREATED_DATE, DF_PRODUCT, DF_LOST_REASON, DF_COUNT };
#define IMPORT_MAX_FIELDS 16

/* what a field accepts, in English words (for the command line's help) */
const char *import_field_accepts(enum import_kind k, int field);

/* the warning for a deals file that looks like closed deals — a close
 * date and an amount but nothing that says a deal's status (no status,
 * won, closed or stage column and no fixed status) — or NULL (an N_
 * string). field_of_col as import_map_columns fills it; has_status when
 * the status is given for the whole file (--set status=...) */
const char *import_closed_warning(enum import_kind k, const int *field_of_col, size_t ncols, int has_status);

/* the index of a field code for a kind, or -1 */
int import_field_index(enum import_kind k, const char *code);

/* a header as compared: ASCII lowercase, '_' read as a space, runs of
 * white space as one, trimmed, a trailing '*' or ':' dropped; into out */
void import_header_norm(const char *h, char *out, size_t cap);

/* which field each column feeds (field index, or -1 for none), by the
 * preset (auto: the detected one, into *used) and then the "COLUMN=FIELD"
 * overrides (FIELD "" ignores the column). Several columns may feed one
 * field: the first non-empty cell of a row counts. E_INVALID with a
 * message in l when an override names no column or no field, or a
 * required field has no column. */
enum err import_map_columns(enum import_kind k, enum import_preset p, const char *const *headers, size_t n,
			    const char *const *map, size_t nmap, enum lang l, int *field_of_col,
			    enum import_preset *used, struct strbuf *errmsg);

/* the file as UTF-8: data itself when it is valid UTF-8, else a copy read
 * as Windows-1252 (what Excel's plain "CSV" writes in western Europe) */
const char *import_utf8(struct arena *a, const char *data, size_t len, size_t *outlen);

enum import_status { IMPORT_ST_UNKNOWN = -1, IMPORT_ST_OPEN, IMPORT_ST_WON, IMPORT_ST_LOST, IMPORT_ST_PAUSED,
		     IMPORT_ST_DELETED };
/* a status or stage in a CRM's words ("won", "Closed Won", "closedwon",
 * "gewonnen", "vunnet", "lost", "closedlost", "tapt", "open", "on hold",
 * "deleted", ...); IMPORT_ST_UNKNOWN when it is none of them */
int import_status_word(const char *s);
/* "true", "yes", "1", "x", "ja", "won", ... 1; "false", "no", "0", "nee",
 * "nei", ... 0; -1 for anything else */
int import_bool_word(const char *s);
/* the seeded reason code (domain/reasons.h) a reason's text amounts to, by
 * keywords in English, Dutch and Norwegian; "other" when none matches */
const char *import_lost_reason(const char *text);
/* whether the text is nothing but a seeded reason's code or English label */
int import_lost_reason_exact(const char *text);
/* one of the organisation's reasons: its code and its label as shown in the
 * organisation's language */
struct import_reason {
	const char *code, *label;
};
/* the code of the reason among list[0..n) whose code, label or English
 * label the text is (case and punctuation aside); NULL when none */
const char *import_reason_in_list(const char *text, const struct import_reason *list, size_t n);
/* a period as people write it, as a label period_parse reads: "2026-11",
 * "11-2026", "2026/11", "11/2026", "2026-Q1", "Q1 2026", "2026 Q1",
 * "FY2026", "FY 2026", "2026"; 0, or -1 when it is none of these */
int import_period_label(const char *s, char out[12]);
/* "rep" or "manager" from a role's words (rep, sales rep, verkoper,
 * selger, manager, sales manager, leder, ...); NULL when none */
const char *import_role_word(const char *s);
/* the external id of a deal row that has none: "csv:" and 16 hex digits of
 * a hash of title, account, owner and created date (case ignored), so that
 * importing the same rows again finds the same deals */
void import_derived_id(const char *title, const char *account, const char *owner, const char *created,
		       char out[24]);

#endif
