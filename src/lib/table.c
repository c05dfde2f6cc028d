/*
 * table: see table.h. Rows grow by doubling inside the arena (the old cells
 * stay behind until the request ends, which costs at most as much again and
 * keeps the arena's one-free-at-the-end promise); text is copied, so a page
 * may build a table from values that die before the table does.
 */
#include "table.h"
#include <string.h>

struct table *table_new(struct arena *a, const char *name, size_t ncols)
{
	struct table *t = arena_alloc(a, sizeof(*t));
	t->a = a;
	t->name = arena_strdup(a, name && *name ? name : "export");
	t->currency = "EUR";
	t->ncols = ncols;
	t->cols = arena_alloc(a, (ncols ? ncols : 1) * sizeof(*t->cols));
	for (size_t i = 0; i < ncols; i++)
		t->cols[i].title = "";
	return t;
}

void table_col(struct table *t, size_t col, const char *title, enum cell_type type)
{
	if (col >= t->ncols)
		return;
	t->cols[col].title = arena_strdup(t->a, title ? title : "");
	t->cols[col].type = type;
}

size_t table_row(struct table *t)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		struct cell *n = arena_alloc(t->a, cap * (t->ncols ? t->ncols : 1) * sizeof(*n));
		if (t->nrows)
			memcpy(n, t->cells, t->nrows * t->ncols * sizeof(*n));
		t->cells = n;
		t->cap = cap;
	}
	/* arena memory is zeroed: the new row's cells are empty */
	return t->nrows++;
}

const struct cell *table_cell(const struct table *t, size_t row, size_t col)
{
	if (row >= t->nrows || col >= t->ncols)
		return NULL;
	return &t->cells[row * t->ncols + col];
}

static struct cell *cell(struct table *t, size_t row, size_t col)
{
	if (row >= t->nrows || col >= t->ncols)
		return NULL;
	return &t->cells[row * t->ncols + col];
}

void table_text(struct table *t, size_t row, size_t col, const char *s)
{
	struct cell *c = cell(t, row, col);
	if (!c)
		return;
	c->set = s != NULL;
	c->text = s ? arena_strdup(t->a, s) : NULL;
}

void table_int(struct table *t, size_t row, size_t col, int64_t v)
{
	struct cell *c = cell(t, row, col);
	if (!c)
		return;
	c->set = 1;
	c->i = v;
}

void table_num(struct table *t, size_t row, size_t col, double v)
{
	struct cell *c = cell(t, row, col);
	if (!c)
		return;
	c->set = 1;
	c->d = v;
}

void table_money(struct table *t, size_t row, size_t col, int64_t minor)
{
	table_int(t, row, col, minor);
}

void table_pct(struct table *t, size_t row, size_t col, double fraction)
{
	table_num(t, row, col, fraction);
}

void table_date(struct table *t, size_t row, size_t col, const char *iso)
{
	/* an empty date is an empty cell, not a broken one */
	table_text(t, row, col, iso && *iso ? iso : NULL);
}
