/*
 * export (pages): see export.h — the download glue of the pages; the CSV
 * and .xlsx writing itself is lib/spreadsheet.c. A page builds one struct
 * table and either shows it or, with ?format=csv|xlsx, sends it as a file:
 * the same rows, so a download never holds more or other than the viewer
 * may see. The file is named after the table, reduced to characters every
 * browser and file system accept. The download links keep the page's own
 * query (filters, period, whose figures), so the file holds what the page
 * shows.
 */
#include "export.h"
#include "ui.h"
#include "../lib/spreadsheet.h"
#include "../lib/fmt.h"
#include "../lib/html.h"
#include "../lib/log.h"
#include "../lib/util.h"
#include <string.h>

const char *export_wanted(struct request *r)
{
	const char *f = req_query(r, "format");
	if (!f)
		return NULL;
	if (!strcmp(f, "csv"))
		return "csv";
	if (!strcmp(f, "xlsx"))
		return "xlsx";
	return NULL;
}

/* letters, digits, '.', '_' and '-'; anything else becomes one '-' */
static const char *file_name(struct request *r, const char *name)
{
	size_t n = strlen(name ? name : "");
	char *out = arena_alloc(r->a, n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n && o < 100; i++) {
		char c = name[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
			 (c == '.' && o) || c == '-';
		if (!ok)
			c = '-';
		if (c == '-' && (!o || out[o - 1] == '-'))
			continue;
		out[o++] = c;
	}
	while (o && (out[o - 1] == '-' || out[o - 1] == '.'))
		o--;
	out[o] = '\0';
	return o ? out : "export";
}

void export_send(struct request *r, const struct table *t)
{
	const char *f = export_wanted(r);
	int xlsx = f && !strcmp(f, "xlsx");
	struct strbuf err = STRBUF_INIT;
	sb_reset(&r->out);
	enum err e = xlsx ? spreadsheet_xlsx(t, r->lang, &r->out, &err) : spreadsheet_csv(t, r->lang, &r->out);
	if (e) {
		log_error("export %s.%s: %s", t->name, xlsx ? "xlsx" : "csv", err.buf);
		sb_release(&err);
		resp_error(r, e, e == E_TOOLARGE ? T("The table is too large for a spreadsheet. Narrow the filter.")
			   : T("The file could not be made. Try again shortly."));
		return;
	}
	sb_release(&err);
	r->status = 200;
	r->content_type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		: "text/csv; charset=utf-8";
	resp_header(r, "Content-Disposition", arena_printf(r->a, "attachment; filename=\"%s.%s\"",
							   file_name(r, t->name), xlsx ? "xlsx" : "csv"));
}

/* the current address with every query parameter kept (the filters), but
 * format and offset, and then key=val added: a download or another page of
 * the same choice */
static const char *query_href(struct request *r, const char *key, const char *val)
{
	struct strbuf s = STRBUF_INIT;
	sb_adds(&s, r->path);
	sb_addc(&s, '?');
	for (size_t i = 0; i < r->query.n; i++) {
		const struct kv *kv = &r->query.items[i];
		if (!strcmp(kv->key, "format") || !strcmp(kv->key, "offset"))
			continue;
		url_encode(&s, kv->key);
		sb_addc(&s, '=');
		url_encode(&s, kv->val);
		sb_addc(&s, '&');
	}
	if (val) {
		url_encode(&s, key);
		sb_addc(&s, '=');
		url_encode(&s, val);
	} else if (s.len && (s.buf[s.len - 1] == '&' || s.buf[s.len - 1] == '?')) {
		s.buf[--s.len] = '\0';
	}
	const char *out = arena_strdup(r->a, s.buf);
	sb_release(&s);
	return out;
}

/* a download holds the whole choice, never one page of it */
static const char *format_href(struct request *r, const char *fmt)
{
	return query_href(r, "format", fmt);
}

void ui_export_cut(struct request *r, int64_t total, int64_t limit)
{
	if (total <= limit)
		return;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	fmt_int(&a, r->lang, (long long)limit);
	fmt_int(&b, r->lang, (long long)total);
	html_printf(&r->out, "<p class=\"muted export-cut\">%s</p>",
		    arena_printf(r->a, T("The download holds the first %s of these %s rows. Narrow the filter to "
					 "download the rest."), a.buf, b.buf));
	sb_release(&a);
	sb_release(&b);
}

int pager_offset(struct request *r)
{
	const char *s = req_query(r, "offset");
	int64_t v = 0;
	return s && !parse_i64(s, &v) && v > 0 && v <= PAGER_OFFSET_MAX ? (int)v : 0;
}

void ui_pager(struct request *r, int offset, int size, size_t shown, int64_t total)
{
	if (total <= size && !offset)
		return;
	struct strbuf *o = &r->out;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, c = STRBUF_INIT;
	/* past the end (an old link to a list that shrank): "0–0 of 12" */
	fmt_int(&a, r->lang, shown ? offset + 1 : 0);
	fmt_int(&b, r->lang, shown ? offset + (long long)shown : 0);
	fmt_int(&c, r->lang, (long long)total);
	html_printf(o, "<nav class=\"pager\" aria-label=\"%s\"><span class=\"muted pager-count\">%s</span>", T("Pages"),
		    arena_printf(r->a, T("%s–%s of %s"), a.buf, b.buf, c.buf));
	sb_release(&a);
	sb_release(&b);
	sb_release(&c);
	if (offset > 0)
		html_printf(o, "<a class=\"button small\" rel=\"prev\" href=\"%s\">%s</a>",
			    query_href(r, "offset", offset > size ? arena_printf(r->a, "%d", offset - size) : NULL),
			    T("Previous"));
	if (offset + (int64_t)shown < total && offset + size <= PAGER_OFFSET_MAX)
		html_printf(o, "<a class=\"button small\" rel=\"next\" href=\"%s\">%s</a>",
			    query_href(r, "offset", arena_printf(r->a, "%d", offset + size)), T("Next"));
	html(o, "</nav>");
}

void ui_export_links(struct request *r)
{
	html_printf(&r->out, "<p class=\"export-links muted\">%s <a href=\"%s\" download>%s</a> · "
		    "<a href=\"%s\" download>%s</a></p>", T("Download:"), format_href(r, "csv"), "CSV",
		    format_href(r, "xlsx"), T("Excel"));
}

static int numeric(enum cell_type t)
{
	return t == CELL_INT || t == CELL_NUM || t == CELL_MONEY || t == CELL_PCT;
}

void ui_table(struct request *r, const struct table *t, const char *caption)
{
	struct strbuf *o = &r->out;
	html(o, "<div class=\"table-wrap\"><table>");
	if (caption && *caption)
		html_printf(o, "<caption>%s</caption>", caption);
	html(o, "<thead><tr>");
	for (size_t c = 0; c < t->ncols; c++)
		html_printf(o, "<th scope=\"col\"%-s>%s</th>", numeric(t->cols[c].type) ? " class=\"num\"" : "",
			    t->cols[c].title);
	html(o, "</tr></thead><tbody>");
	for (size_t row = 0; row < t->nrows; row++) {
		html(o, "<tr>");
		for (size_t c = 0; c < t->ncols; c++) {
			const struct cell *x = table_cell(t, row, c);
			enum cell_type ty = t->cols[c].type;
			html(o, numeric(ty) ? "<td class=\"num\">" : "<td>");
			if (x->set) {
				switch (ty) {
				case CELL_TEXT: html_txt(o, x->text); break;
				case CELL_DATE: ui_date(r, x->text); break;
				case CELL_INT: fmt_int(o, r->lang, (long long)x->i); break;
				case CELL_NUM: fmt_decimal(o, r->lang, x->d, 2); break;
				case CELL_MONEY: ui_money(r, x->i, t->currency); break;
				case CELL_PCT: ui_percent(r, x->d); break;
				}
			}
			html(o, "</td>");
		}
		html(o, "</tr>");
	}
	html(o, "</tbody></table></div>");
}
