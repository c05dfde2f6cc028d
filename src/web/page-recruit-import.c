/*
 * page-recruit-import: candidates imported from a CSV file (issue 11).
 *
 *   GET  /recruiting/import   the form: the file and what to do with a file
 *        that has bad rows (keep the valid rows, or import nothing)
 *   POST /recruiting/import   the file read (headers: name, email, phone,
 *        source, job title, company, tags, notes, retain until — see
 *        domain/recruit-import.h); every row checked by the rules of a new
 *        candidate (domain/recruit.h candidate_validate: a retention date in
 *        the past refused); each bad row reported by its line and field.
 *        mode=keep stores the valid rows; mode=all stores nothing when any
 *        row is bad. The rows stored are stored in one transaction.
 *        A valid row whose e-mail is already in the pool, or on a row kept
 *        earlier in the file, is skipped and listed by line (with a link to
 *        the candidate in the pool): a duplicate, not a fault, so it does
 *        not make mode=all store nothing (domain/recruit-import.h).
 *
 * Rights: access_recruiting_pool (managers, admins); anyone else 404.
 */
#include "pages.h"
#include "ui.h"
#include "recruitui.h"
#include "../domain/recruit.h"
#include "../domain/recruit-import.h"
#include "../domain/validate.h"
#include "../store/recruit.h"
#include "../store/candidate-data.h"
#include "../lib/csv.h"
#include "../lib/util.h"
#include <string.h>

struct import_fault {
	size_t line;
	const char *field, *message;
};

/* a row skipped as a duplicate: of the candidate id in the pool, or of
 * the row kept earlier on line `earlier` */
struct import_skip {
	size_t line, earlier;
	int64_t id;
	const char *name;
};

struct import_result {
	int done;			/* a file was read */
	const char *error;		/* about the file as a whole */
	size_t rows, stored;
	struct import_fault *faults;
	size_t nfaults;
	int rolled_back;		/* mode all with a bad row: nothing stored */
	size_t bad_rows;		/* rows with at least one fault */
	struct import_skip *skips;
	size_t nskips;
};

/* "Line 4: already in the pool as <a>Ivo Import</a>." — the sentence
 * translated and escaped, the link put in */
static void skip_item(struct request *r, const struct import_skip *k)
{
	struct strbuf *o = &r->out;
	struct strbuf who = STRBUF_INIT, fmt = STRBUF_INIT;
	if (k->id) {
		html_printf(&who, "<a href=\"/recruiting/candidates/%lld\">%s</a>", (long long)k->id, k->name);
		html_txt(&fmt, T("Line %zu: already in the pool as %s."));
		html_printf(o, "<li data-line=\"%zu\" data-existing=\"%lld\">%-s</li>", k->line, (long long)k->id,
			    arena_printf(r->a, fmt.buf, k->line, who.buf));
	} else {
		html_txt(&who, k->name);
		html_txt(&fmt, T("Line %zu: already in this file as %s (line %zu)."));
		html_printf(o, "<li data-line=\"%zu\" data-earlier=\"%zu\">%-s</li>", k->line, k->earlier,
			    arena_printf(r->a, fmt.buf, k->line, who.buf, k->earlier));
	}
	sb_release(&who);
	sb_release(&fmt);
}

static void render(struct request *r, const struct import_result *res, const char *mode)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Import candidates"), "recruiting");
	html_printf(o, "<div class=\"page-head rec-head\"><div><p class=\"eyebrow\"><a href=\"/recruiting\">%s</a></p><h1>%s</h1>"
		    "</div></div>", T("The talent pool"), T("Import candidates"));
	if (res && res->error)
		ui_notice(r, "error", res->error);
	if (res && res->done && !res->error) {
		html(o, "<section class=\"card\" id=\"import-result\">");
		if (res->rolled_back)
			ui_notice(r, "error", arena_printf(r->a, T("Nothing was imported: %zu of %zu rows have a fault. Correct "
								  "them and upload the file again, or keep the valid rows."),
							   res->bad_rows, res->rows));
		else
			ui_notice(r, res->nfaults || res->nskips ? "info" : "ok",
				  arena_printf(r->a, T("%zu of %zu candidates imported."), res->stored, res->rows));
		if (res->nfaults) {
			html_printf(o, "<h2>%s</h2><ul class=\"import-faults\">", T("Rows with a fault"));
			for (size_t i = 0; i < res->nfaults; i++)
				html_printf(o, "<li data-line=\"%zu\">%s</li>", res->faults[i].line,
					    arena_printf(r->a, T("Line %zu, %s: %s"), res->faults[i].line, res->faults[i].field,
							 T(res->faults[i].message)));
			html(o, "</ul>");
		}
		if (res->nskips) {
			html_printf(o, "<h2>%s</h2><p class=\"muted\">%s</p><ul class=\"import-skipped\">",
				    T("Skipped: already in the pool"),
				    res->rolled_back ? T("These rows would have been skipped too.")
						     : T("These rows were not imported; the others were."));
			for (size_t i = 0; i < res->nskips; i++)
				skip_item(r, &res->skips[i]);
			html(o, "</ul>");
		}
		html(o, "</section>");
	}
	html_printf(o, "<section class=\"card rec-form\" id=\"upload\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("Upload a CSV file"),
		    T("The first row names the columns: name, email, phone, source (referral, event, LinkedIn, agency or "
		      "applied), job title, company, tags, notes, retain until (a date, not in the past; empty: 12 months "
		      "from today). Other columns are left out."));
	html_printf(o, "<p class=\"muted\" id=\"duplicates-rule\">%s</p>",
		    T("A row whose e-mail is already in the pool, or on an earlier row of the file, is skipped and "
		      "listed. A skipped row is no fault: it does not stop the others from being imported."));
	html(o, "<form method=\"post\" action=\"/recruiting/import\" enctype=\"multipart/form-data\" class=\"form\">");
	ui_csrf(r);
	html_printf(o, "<label>%s <input type=\"file\" name=\"file\" accept=\".csv,text/csv\" required></label>", T("CSV file"));
	int all = mode && !strcmp(mode, "all");
	html_printf(o, "<fieldset><legend>%s</legend><label><input type=\"radio\" name=\"mode\" value=\"keep\"%-s> %s</label>"
		    "<label><input type=\"radio\" name=\"mode\" value=\"all\"%-s> %s</label></fieldset>",
		    T("When a row has a fault"), all ? "" : " checked", T("Import the valid rows and list the others"),
		    all ? " checked" : "", T("Import nothing, and list the faults"));
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form></section>",
		    T("Import"));
	ui_page_end(r);
}

void page_recruit_import(struct request *r)
{
	if (!access_recruiting_pool(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	render(r, NULL, "keep");
}

static const char *cell(const struct csv_record *rec, const int *col, enum recruit_import_col c, struct arena *a)
{
	for (size_t i = 0; i < rec->n; i++)
		if (col[i] == (int)c)
			return str_trim(arena_strdup(a, rec->fields[i]));
	return "";
}

static void fault(struct request *r, struct import_result *res, size_t *cap, size_t line, const char *field,
		  const char *message)
{
	if (res->nfaults == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		struct import_fault *m = arena_allocarray(r->a, ncap, sizeof(*m));
		if (res->nfaults)
			memcpy(m, res->faults, res->nfaults * sizeof(*m));
		res->faults = m;
		*cap = ncap;
	}
	res->faults[res->nfaults++] = (struct import_fault){ line, field, message };
}

void page_recruit_import_post(struct request *r)
{
	if (!access_recruiting_pool(&r->viewer, r->me.org_id)) {
		resp_error(r, E_NOTFOUND, T("Not found."));
		return;
	}
	const char *mode = req_form(r, "mode");
	int all = mode && !strcmp(mode, "all");
	struct import_result res = { 0 };
	size_t len = 0;
	const char *data = req_upload_data(r, &len);
	if (!data || !len) {
		res.error = T("Choose a CSV file to upload.");
		r->status = 400;
		render(r, &res, mode);
		return;
	}
	struct csv_reader *cr = csv_open(r->a, data, len);
	struct csv_record rec;
	struct strbuf err = STRBUF_INIT;
	int got = csv_next(cr, &rec, &err);
	int *col = NULL;
	size_t ncol = 0;
	int has_name = 0;
	if (got == 1) {
		ncol = rec.n;
		col = arena_allocarray(r->a, ncol ? ncol : 1, sizeof(int));
		for (size_t i = 0; i < ncol; i++) {
			col[i] = recruit_import_column(rec.fields[i]);
			has_name |= col[i] == RI_NAME;
		}
	}
	if (got != 1 || !has_name) {
		res.error = got < 0 ? arena_printf(r->a, T("The file is not a CSV file that can be read: %s"), err.buf)
				    : T("The first row must name the columns, with at least a \"name\" column.");
		sb_release(&err);
		csv_close(cr);
		r->status = 400;
		render(r, &res, mode);
		return;
	}
	/* every row checked first; the valid ones kept for storing */
	char def[11];
	recruit_retain_default(ui_today(r), def);
	struct candidate_new *ok = arena_allocarray(r->a, RECRUIT_IMPORT_ROWS_MAX, sizeof(*ok));
	const char **ok_email = arena_allocarray(r->a, RECRUIT_IMPORT_ROWS_MAX, sizeof(*ok_email));
	size_t *ok_line = arena_allocarray(r->a, RECRUIT_IMPORT_ROWS_MAX, sizeof(*ok_line));
	res.skips = arena_allocarray(r->a, RECRUIT_IMPORT_ROWS_MAX, sizeof(*res.skips));
	size_t nok = 0, cap = 0;
	enum err e = E_OK;
	res.done = 1;
	while ((got = csv_next(cr, &rec, &err)) == 1) {
		int empty = 1;
		for (size_t i = 0; i < rec.n; i++)
			empty &= !*rec.fields[i];
		if (empty)
			continue;
		if (res.rows == RECRUIT_IMPORT_ROWS_MAX) {
			res.error = arena_printf(r->a, T("The file has more than %d rows; split it."), RECRUIT_IMPORT_ROWS_MAX);
			break;
		}
		res.rows++;
		const char *source = recruit_import_source(cell(&rec, col, RI_SOURCE, r->a));
		struct candidate_input in = { cell(&rec, col, RI_NAME, r->a), cell(&rec, col, RI_EMAIL, r->a),
					      cell(&rec, col, RI_PHONE, r->a), source ? source : "",
					      cell(&rec, col, RI_JOB_TITLE, r->a), cell(&rec, col, RI_COMPANY, r->a),
					      cell(&rec, col, RI_TAGS, r->a), cell(&rec, col, RI_NOTES, r->a), 1, NULL,
					      cell(&rec, col, RI_RETAIN_UNTIL, r->a) };
		struct rule_error errs[RECRUIT_ERRORS_MAX];
		size_t n = candidate_validate(&in, ui_today(r), errs, RECRUIT_ERRORS_MAX);
		for (size_t i = 0; i < n; i++)
			fault(r, &res, &cap, rec.line, errs[i].field, errs[i].message);
		if (n)
			continue;
		char *email = arena_strdup(r->a, in.email);
		email_normalise(email);
		/* a duplicate: of a row kept earlier, or of a candidate in the pool
		 * (one indexed lookup per row) */
		long earlier = recruit_import_earlier(ok_email, nok, email);
		if (earlier >= 0) {
			res.skips[res.nskips++] = (struct import_skip){ rec.line, ok_line[earlier], 0, ok[earlier].name };
			continue;
		}
		struct candidate_dup dup;
		if ((e = candidate_by_email(r->db, r->a, r->me.org_id, email, &dup)))
			break;
		if (dup.id) {
			res.skips[res.nskips++] = (struct import_skip){ rec.line, 0, dup.id, dup.name };
			continue;
		}
		ok_email[nok] = email;
		ok_line[nok] = rec.line;
		ok[nok++] = (struct candidate_new){ in.name, email, in.phone, in.source, in.job_title, in.company, in.tags,
						    in.notes, 0, NULL, *in.retain_until ? in.retain_until : def,
						    r->me.user_id, ui_today(r) };
	}
	if (got < 0)
		res.error = arena_printf(r->a, T("The file is not a CSV file that can be read: %s"), err.buf);
	sb_release(&err);
	csv_close(cr);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (res.error) {
		r->status = 400;
		render(r, &res, mode);
		return;
	}
	/* the message counts rows, the list every fault */
	for (size_t i = 0; i < res.nfaults; i++)
		res.bad_rows += i == 0 || res.faults[i].line != res.faults[i - 1].line;
	if (all && res.bad_rows) {
		res.rolled_back = 1;
		r->status = 400;
		render(r, &res, mode);
		return;
	}
	e = db_begin(r->db);
	for (size_t i = 0; !e && i < nok; i++) {
		int64_t id;
		e = candidate_add(r->db, r->me.org_id, &ok[i], &id);
	}
	if (e) {
		db_rollback(r->db);
		resp_store_error(r, e);
		return;
	}
	if ((e = db_commit(r->db))) {
		resp_store_error(r, e);
		return;
	}
	res.stored = nok;
	render(r, &res, mode);
}
