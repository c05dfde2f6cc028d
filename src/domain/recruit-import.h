/*
 * recruit-import: the columns of a CSV file of candidates (issue 11,
 * "import of candidates from a CSV"): the header names each column, in
 * English, any case, spaces or underscores alike — name, email (or
 * e-mail), phone, source, job title, company, tags, notes, retain until.
 * A source is matched in any case. Plain strings in and out.
 */
#ifndef SG_RECRUIT_IMPORT_H
#define SG_RECRUIT_IMPORT_H
#include <stddef.h>

enum recruit_import_col {
	RI_NAME, RI_EMAIL, RI_PHONE, RI_SOURCE, RI_JOB_TITLE, RI_COMPANY, RI_TAGS, RI_NOTES, RI_RETAIN_UNTIL,
	RI_COLS
};
/* the column a header names, or -1 for one not imported */
int recruit_import_column(const char *header);
/* the field name of a column ("name", "email", ... "retain_until") */
const char *recruit_import_field(enum recruit_import_col c);
/* a source as typed ("LinkedIn", " Referral ") as its code, or NULL */
const char *recruit_import_source(const char *typed);

/* A row whose e-mail (normalised: email_normalise) is already a candidate's
 * of the organisation, or a row's kept earlier in the same file, is a
 * duplicate: skipped and listed, not a fault — it does not make "import
 * nothing" import nothing, and the other rows are stored. This answers the
 * second half: the index among the n kept rows' normalised e-mails of the
 * one with this normalised e-mail, -1 when none (an empty e-mail is never a
 * duplicate). The first half is the store's (candidate_by_email). */
long recruit_import_earlier(const char *const *kept, size_t n, const char *email);

#define RECRUIT_IMPORT_ROWS_MAX 5000	/* rows of one file */

#endif
