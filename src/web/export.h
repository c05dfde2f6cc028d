/*
 * export (pages): every table a page shows downloads as CSV or Excel. A
 * page builds its table (lib/table.h), and
 *
 *	if (export_wanted(r)) { export_send(r, t); return; }
 *
 * answers ?format=csv or ?format=xlsx with the file; ui_export_links()
 * writes the two download links for the current address; ui_table() writes
 * the table as HTML for pages that show it as it is.
 */
#ifndef SG_WEB_EXPORT_H
#define SG_WEB_EXPORT_H
#include "../http/request.h"
#include "../lib/table.h"

/* "csv", "xlsx", or NULL when the page itself is asked for */
const char *export_wanted(struct request *r);
/* the file, named after the table, with Content-Disposition: attachment */
void export_send(struct request *r, const struct table *t);
/* "Download: CSV · Excel" for the current address and query */
void ui_export_links(struct request *r);
/* after ui_export_links of a list of total rows whose download holds at
 * most limit: says so when the file will be cut, rather than cutting it
 * silently */
void ui_export_cut(struct request *r, int64_t total, int64_t limit);
/* paged lists: ?offset= of the page asked for, 0 when absent or not a
 * whole number in 1..PAGER_OFFSET_MAX. Offsets are bounded so that no page
 * makes the database skip more rows than a deep link could need; a longer
 * list is narrowed with its filters (or downloaded whole). */
#define PAGER_OFFSET_MAX 100000
int pager_offset(struct request *r);
/* "1–50 of 41,900" and Previous/Next links to the neighbouring pages of
 * size rows; the links keep every query parameter (the filters) but the
 * offset. Nothing when the list fits one page. */
void ui_pager(struct request *r, int offset, int size, size_t shown, int64_t total);
/* the table as an HTML <table> (money, dates, percentages in the reader's language) */
void ui_table(struct request *r, const struct table *t, const char *caption);

#endif
