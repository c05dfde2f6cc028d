/*
 * spreadsheet: a table (lib/table.h) as a CSV or an Excel file in the reader's
 * language. CSV: UTF-8 with a byte order mark (so Excel reads the accents),
 * CRLF; in Dutch and Norwegian ';' separated with a decimal comma, as their
 * Excel expects, in English ',' with a decimal point; dates ISO; money as a
 * plain number with two decimals. Excel: one sheet with a bold header row,
 * real number, percentage and date cells (libxlsxwriter), columns sized.
 */
#ifndef SG_LIB_SPREADSHEET_H
#define SG_LIB_SPREADSHEET_H
#include "table.h"
#include "strbuf.h"
#include "err.h"
#include "i18n.h"

enum err spreadsheet_csv(const struct table *t, enum lang l, struct strbuf *out);
/* the .xlsx bytes into out; libxlsxwriter writes a temporary file first */
enum err spreadsheet_xlsx(const struct table *t, enum lang l, struct strbuf *out, struct strbuf *errmsg);

#endif
