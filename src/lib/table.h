/*
 * table: a table as a page shows it — typed columns and rows — so the same
 * table can be written as HTML, CSV or Excel (lib/spreadsheet.c) and an export
 * holds exactly what the page showed. Lives in an arena.
 *
 *	struct table *t = table_new(a, "targets", 3);
 *	table_col(t, 0, T("Rep"), CELL_TEXT);
 *	table_col(t, 1, T("Target"), CELL_MONEY);
 *	table_col(t, 2, T("Attainment"), CELL_PCT);
 *	size_t row = table_row(t);
 *	table_text(t, row, 0, "Anna");
 *	table_money(t, row, 1, 1250000);	// minor units
 *	table_pct(t, row, 2, 0.84);		// a fraction
 */
#ifndef SG_LIB_TABLE_H
#define SG_LIB_TABLE_H
#include <stddef.h>
#include <stdint.h>
#include "arena.h"

enum cell_type {
	CELL_TEXT,
	CELL_INT,		/* whole number */
	CELL_NUM,		/* decimal number, 2 decimals shown */
	CELL_MONEY,		/* minor units of the table's currency */
	CELL_PCT,		/* a fraction shown as a percentage */
	CELL_DATE,		/* "YYYY-MM-DD" */
};

struct table_col {
	const char *title;
	enum cell_type type;
};

struct cell {
	int set;		/* 0: empty cell */
	const char *text;	/* CELL_TEXT, CELL_DATE */
	int64_t i;		/* CELL_INT, CELL_MONEY */
	double d;		/* CELL_NUM, CELL_PCT (NaN shows empty) */
};

struct table {
	struct arena *a;
	const char *name;	/* file and sheet name, e.g. "targets-2026-Q4" */
	const char *currency;	/* for CELL_MONEY, default "EUR" */
	size_t ncols, nrows, cap;
	struct table_col *cols;
	struct cell *cells;	/* nrows * ncols */
};

struct table *table_new(struct arena *a, const char *name, size_t ncols);
void table_col(struct table *t, size_t col, const char *title, enum cell_type type);
/* appends an empty row and returns its index */
size_t table_row(struct table *t);
const struct cell *table_cell(const struct table *t, size_t row, size_t col);
void table_text(struct table *t, size_t row, size_t col, const char *s);	/* copied */
void table_int(struct table *t, size_t row, size_t col, int64_t v);
void table_num(struct table *t, size_t row, size_t col, double v);
void table_money(struct table *t, size_t row, size_t col, int64_t minor);
void table_pct(struct table *t, size_t row, size_t col, double fraction);
void table_date(struct table *t, size_t row, size_t col, const char *iso);

#endif
