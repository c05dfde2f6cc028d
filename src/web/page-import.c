/*
 * page-import: CSV import from the team's CRM, for admins —
 *
 *   GET  /import              what each kind of file holds, the presets, the
 *                             upload form and the recent imports
 *   POST /import              stores the upload, then shows its preview
 *   GET  /import/:id          the first rows, a field chosen per column
 *                             (preselected by the preset), the options, and
 *                             the "Dry run" and "Import" buttons
 *   POST /import/:id/run      starts a job in the background
 *   GET  /imports/:id         its progress (the page reloads itself while it
 *                             runs) and then its summary and errors
 *
 * The import itself is service/import.c's (the same as `salesgarden import`);
 * this file only asks what to do and shows what happened. The job row
 * (store/import-files.c, run by jobs/import-jobs.c) is the truth about a
 * run, so the summary survives the browser going away, and a dry run can be
 * repeated for real with exactly the mapping and options that were checked.
 */
#include "pages.h"
#include "ui.h"
#include "export.h"
#include "../http/server.h"
#include "../jobs/import-jobs.h"
#include "../lib/fmt.h"
#include "../lib/kv.h"
#include "../lib/util.h"
#include "../lib/xalloc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* rows in the preview */
#define PREVIEW_ROWS 10
/* the start of a file read for the preview: ten rows fit many times over */
#define PREVIEW_CHARS (1u << 20)
/* jobs listed under the upload form */
#define RECENT_JOBS 20
#define FILENAME_MAX_LEN 200

/* the kinds in the order the page shows them, with what each is for */
static const struct {
	enum import_kind kind;
	const char *label, *about;
} kinds[] = {
	{ IMPORT_REPS, N_("Reps"),
	  N_("The people of the sales team, with their team, manager, territory and segment. A rep is found by "
	     "e-mail address; a new address adds a rep.") },
	{ IMPORT_TARGETS, N_("Targets"),
	  N_("A target per rep and period: a month, a quarter or a year. A second target for the same rep and "
	     "period replaces the first.") },
	{ IMPORT_DEALS, N_("Deals"),
	  N_("Deals with their owner, account, amount, stage and closing date. A deal is found by the CRM's id, so "
	     "importing the same file again changes nothing.") },
	{ IMPORT_RESULTS, N_("Results"),
	  N_("Result totals per rep and period, for organisations that count imported results rather than won "
	     "deals (Numbers settings).") },
};

static const struct {
	enum import_preset preset;
	const char *label, *about;
} presets[] = {
	{ PRESET_AUTO, N_("Recognise the CRM"),
	  N_("The column headers tell which of the layouts below the file has.") },
	{ PRESET_SALESFORCE, N_("Salesforce opportunity report"),
	  N_("An opportunity report exported as CSV (\"Details only\"), with the report's column headers.") },
	{ PRESET_HUBSPOT, N_("HubSpot deals export"),
	  N_("The deals view exported as CSV, with HubSpot's property names as headers.") },
	{ PRESET_PIPEDRIVE, N_("Pipedrive deals export"),
	  N_("The deals list exported as CSV, semicolons and decimal commas included.") },
	{ PRESET_GENERIC, N_("Generic"),
	  N_("Our own column names: the field names shown with each kind, such as email or amount.") },
};

static const char *kind_label(struct request *r, enum import_kind k)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (kinds[i].kind == k)
			return T(kinds[i].label);
	return "";
}

static const char *kind_label_code(struct request *r, const char *code)
{
	int k = import_kind_parse(code);
	return k >= 0 ? kind_label(r, (enum import_kind)k) : code;
}

static const char *preset_label(struct request *r, enum import_preset p)
{
	for (size_t i = 0; i < sizeof(presets) / sizeof(presets[0]); i++)
		if (presets[i].preset == p)
			return T(presets[i].label);
	return "";
}

static const char *preset_label_code(struct request *r, const char *code)
{
	int p = import_preset_parse(code);
	return p >= 0 ? preset_label(r, (enum import_preset)p) : code;
}

/* a number in the reader's language, as text for html_printf */
static const char *num(struct request *r, long long v)
{
	struct strbuf sb = STRBUF_INIT;
	fmt_int(&sb, r->lang, v);
	char *s = arena_strdup(r->a, sb.buf);
	sb_release(&sb);
	return s;
}

static const char *when(struct request *r, int64_t epoch)
{
	struct strbuf sb = STRBUF_INIT;
	fmt_datetime(&sb, r->lang, epoch);
	char *s = arena_strdup(r->a, sb.buf);
	sb_release(&sb);
	return s;
}

/* "12 KB", "3.4 MB" */
static const char *file_size(struct request *r, int64_t bytes)
{
	struct strbuf sb = STRBUF_INIT;
	if (bytes < 1000) {
		fmt_int(&sb, r->lang, bytes);
		sb_adds(&sb, " B");
	} else if (bytes < 1000000) {
		fmt_decimal(&sb, r->lang, (double)bytes / 1e3, bytes < 10000 ? 1 : 0);
		sb_adds(&sb, " KB");
	} else {
		fmt_decimal(&sb, r->lang, (double)bytes / 1e6, 1);
		sb_adds(&sb, " MB");
	}
	char *s = arena_strdup(r->a, sb.buf);
	sb_release(&sb);
	return s;
}

/* the file's separator in words */
static const char *sep_words(struct request *r, char sep)
{
	switch (sep) {
	case ';': return T("semicolon");
	case '\t': return T("tab");
	default: return T("comma");
	}
}

/* --- GET /import --- */

struct upload_form {
	const char *kind, *preset;
	const char *error;		/* about the file */
	const char *e_kind, *e_preset;
};

static void render_upload_form(struct request *r, const struct upload_form *f)
{
	struct strbuf *o = &r->out;
	const char *kv[4], *kl[4], *pv[5], *pl[5];
	for (size_t i = 0; i < 4; i++) {
		kv[i] = import_kind_code(kinds[i].kind);
		kl[i] = T(kinds[i].label);
	}
	for (size_t i = 0; i < 5; i++) {
		pv[i] = import_preset_code(presets[i].preset);
		pl[i] = T(presets[i].label);
	}
	html_printf(o, "<section class=\"card\" id=\"upload\"><h2>%s</h2>", T("Upload a CSV file"));
	if (f->error)
		ui_notice(r, "error", f->error);
	html(o, "<form class=\"form\" method=\"post\" action=\"/import\" enctype=\"multipart/form-data\">");
	ui_csrf(r);
	html_printf(o, "<div class=\"field%-s\"><label for=\"f-file\">%s</label>"
		    "<input id=\"f-file\" name=\"file\" type=\"file\" accept=\".csv,text/csv\" required%-s>"
		    "<p class=\"field-help muted\">%s</p></div>",
		    f->error ? " invalid" : "", T("CSV file"), f->error ? " aria-invalid=\"true\"" : "",
		    T("UTF-8 text, separated by commas or semicolons, up to 256 MB. From Excel: save as \"CSV UTF-8\"."));
	ui_select(r, "kind", T("What the file holds"), kv, kl, 4, f->kind ? f->kind : "deals", f->e_kind);
	ui_select(r, "preset", T("Exported from"), pv, pl, 5, f->preset ? f->preset : "auto", f->e_preset);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "<p class=\"muted\">%s</p></form></section>",
		    T("Upload and preview"),
		    T("Nothing is imported yet: the next page shows the first rows and which field each column "
		      "fills, and a dry run checks every row before anything is saved."));
}

static void render_kinds(struct request *r)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"import-kinds\" aria-label=\"%s\"><div class=\"grid two\">",
		    T("What each kind of file holds"));
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		const char *const *codes, *const *labels;
		size_t nreq = 0;
		size_t n = import_fields(kinds[i].kind, &codes, &labels, &nreq);
		html_printf(o, "<article class=\"card\" id=\"kind-%s\"><h2>%s</h2><p>%s</p><ul class=\"import-fields\">",
			    import_kind_code(kinds[i].kind), T(kinds[i].label), T(kinds[i].about));
		for (size_t f = 0; f < n; f++) {
			html_printf(o, "<li><strong>%s</strong> <code>%s</code>", T(labels[f]), codes[f]);
			if (f < nreq)
				html_printf(o, " <span class=\"badge warn\">%s</span>", T("required"));
			html(o, "</li>");
		}
		html(o, "</ul></article>");
	}
	html(o, "</div></section>");
}

static void render_presets(struct request *r)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"presets\"><h2>%s</h2><ul class=\"import-presets\">", T("Presets"));
	for (size_t i = 0; i < sizeof(presets) / sizeof(presets[0]); i++)
		html_printf(o, "<li><strong>%s</strong>: %s</li>", T(presets[i].label), T(presets[i].about));
	html_printf(o, "</ul><p class=\"muted\">%s</p></section>",
		    T("Amounts may use a decimal comma or point; dates may be ISO (2026-11-23) or day first "
		      "(23-11-2026). Owners and managers are found by e-mail address or full name. You can change "
		      "which field each column fills on the next page."));
}

static const char *status_badge(const char *status)
{
	if (!strcmp(status, "done"))
		return "ok";
	if (!strcmp(status, "failed"))
		return "bad";
	return "warn";
}

static const char *status_label(struct request *r, const struct import_job *j)
{
	if (!strcmp(j->status, "running"))
		return T("Running");
	if (!strcmp(j->status, "failed"))
		return T("Failed");
	if (j->dry_run)
		return T("Checked");
	if (j->rolled_back)
		return T("Nothing saved");
	return T("Done");
}

static void render_recent(struct request *r)
{
	struct strbuf *o = &r->out;
	struct import_job *jobs;
	size_t n;
	html_printf(o, "<section class=\"card\" id=\"recent\"><h2>%s</h2>", T("Recent imports"));
	if (import_jobs_recent(r->db, r->a, r->me.org_id, RECENT_JOBS, &jobs, &n)) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", T("The recent imports cannot be shown right now."));
		return;
	}
	if (!n) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", T("No imports yet."));
		return;
	}
	html_printf(o, "<div class=\"table-wrap\"><table class=\"import-jobs\"><thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>",
		    T("Started"), T("File"), T("Kind"), T("Status"), T("Read"), T("Created"), T("Updated"),
		    T("Skipped"), T("Failed"));
	for (size_t i = 0; i < n; i++) {
		const struct import_job *j = &jobs[i];
		html_printf(o, "<tr><td><a href=\"/imports/%lld\">%s</a></td><td>%s</td><td>%s%-s%s</td>"
			    "<td><span class=\"badge %-s\">%s</span></td>",
			    (long long)j->id, when(r, j->started_at), j->filename, kind_label_code(r, j->kind),
			    j->dry_run ? " · " : "", j->dry_run ? T("dry run") : "", status_badge(j->status),
			    status_label(r, j));
		html_printf(o, "<td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td>"
			    "<td class=\"num\">%s</td><td class=\"num\">%s</td></tr>",
			    num(r, j->read), num(r, j->created), num(r, j->updated), num(r, j->skipped),
			    num(r, j->failed));
	}
	html(o, "</tbody></table></div></section>");
}

static void render_import_page(struct request *r, const struct upload_form *f)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Import"), "import");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1>"
		    "<p class=\"muted\">%s</p></div></div>",
		    T("Import"), T("Import from your CRM"),
		    T("Bring in reps, targets, deals and result totals from a CSV file: upload it, check the preview "
		      "and the mapping of its columns, try a dry run, then import."));
	render_upload_form(r, f);
	render_kinds(r);
	render_presets(r);
	render_recent(r);
	ui_page_end(r);
}

void page_import(struct request *r)
{
	struct upload_form f = { 0 };
	f.kind = req_query(r, "kind");
	render_import_page(r, &f);
}

/* --- POST /import --- */

/* the file's own name without any path a browser sent, and not too long */
static const char *clean_filename(struct request *r, const char *name)
{
	if (!name || !*name || !utf8_valid(name, strlen(name)))
		return "upload.csv";
	const char *base = name;
	for (const char *p = name; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	if (!*base)
		return "upload.csv";
	size_t n = strlen(base);
	if (n > FILENAME_MAX_LEN) {
		/* cut on a character boundary */
		n = FILENAME_MAX_LEN;
		while (n > 0 && ((unsigned char)base[n] & 0xC0) == 0x80)
			n--;
	}
	char *s = arena_strndup(r->a, base, n);
	/* control characters have no place in a file name shown on a page */
	for (char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return s;
}

/* speed (issue 15): upload — whether the len bytes of fd are UTF-8 text
 * without NUL, read a MiB at a time (a character cut by a piece's end is
 * checked with the next); -1 when they cannot be read */
static int upload_utf8(int fd, size_t len)
{
	enum { PIECE = 1 << 20 };
	char *buf = xmalloc(PIECE + 4);
	size_t carry = 0, off = 0;
	int ok = 1;
	while (ok > 0 && off < len) {
		size_t want = len - off < PIECE ? len - off : PIECE;
		ssize_t n = pread(fd, buf + carry, want, (off_t)off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			ok = -1;
			break;
		}
		off += (size_t)n;
		size_t have = carry + (size_t)n, cut = have;
		if (off < len) {
			size_t k = have;
			while (k > 0 && have - k < 3 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80)
				k--;
			if (k > 0 && (unsigned char)buf[k - 1] >= 0xC0)
				cut = k - 1;
		}
		ok = utf8_valid(buf, cut);
		carry = have - cut;
		memmove(buf, buf + cut, carry);
	}
	free(buf);
	return ok;
}

void page_import_post(struct request *r)
{
	struct upload_form f = { 0 };
	f.kind = req_form(r, "kind");
	f.preset = req_form(r, "preset");
	int kind = import_kind_parse(f.kind ? f.kind : "");
	int preset = import_preset_parse(f.preset ? f.preset : "");
	if (kind < 0)
		f.e_kind = T("Choose what the file holds.");
	if (preset < 0)
		f.e_preset = T("Choose where the file was exported from.");
	/* the upload arrived in a temporary file; read in pieces, never whole */
	size_t len = 0;
	int fd = req_upload_fd(r, &len);
	int utf8 = fd < 0 ? 1 : upload_utf8(fd, len);
	if (utf8 < 0) {
		resp_store_error(r, E_UNAVAILABLE);	/* the temporary file cannot be read */
		return;
	}
	if (!r->upload.present || (!len && !(r->upload.filename && *r->upload.filename)))
		f.error = T("Choose a CSV file to upload.");
	else if (!len)
		f.error = T("The file is empty.");
	else if (!utf8)
		f.error = T("The file is not UTF-8 text. In Excel, save it as \"CSV UTF-8 (comma delimited)\" and upload "
			    "that file.");
	if (f.error || f.e_kind || f.e_preset) {
		r->status = 400;
		render_import_page(r, &f);
		return;
	}
	int64_t id = 0;
	enum err e = import_file_save_fd(r->db, r->me.org_id, r->me.user_id, import_kind_code((enum import_kind)kind),
					 import_preset_code((enum import_preset)preset),
					 clean_filename(r, r->upload.filename), fd, len, &id);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/import/%lld", (long long)id));
}

/* --- GET /import/:id --- */

/* what the preview form shows besides the file: the field chosen per
 * column (NULL: the preset's), the options and an error */
struct map_form {
	const char **chosen;
	int create_missing, all_or_nothing;
	const char *error;
	const char *sets;		/* the fixed values as typed: "FIELD=VALUE" a line */
};

/* whether the typed fixed values give the deals' status */
static int sets_status(const char *sets)
{
	for (const char *p = sets; p && *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (!strncmp(p, "status=", 7) || !strncmp(p, "won=", 4) || !strncmp(p, "closed=", 7) ||
		    !strncmp(p, "stage=", 6))
			return 1;
		p = strchr(p, '\n');
	}
	return 0;
}

static const char *field_label(struct request *r, enum import_kind k, const char *code)
{
	const char *const *codes, *const *labels;
	size_t nreq;
	size_t n = import_fields(k, &codes, &labels, &nreq);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(codes[i], code))
			return T(labels[i]);
	return code;
}

static void render_preview(struct request *r, const struct import_file *file, enum import_kind kind,
			   const struct import_preview *pv, const struct map_form *mf)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, arena_printf(r->a, "%s: %s", T("Import"), file->filename), "import");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s · %s</p><h1>%s</h1>"
		    "<p class=\"muted\">%s · %s</p></div><a class=\"button\" href=\"/import\">%s</a></div>",
		    T("Import"), kind_label(r, kind), file->filename, file_size(r, file->size),
		    when(r, file->created_at), T("Upload another file"));
	if (mf->error)
		ui_notice(r, "error", mf->error);

	int asked_auto = !strcmp(file->preset, "auto");
	html_printf(o, "<section class=\"card\" id=\"file-facts\"><h2>%s</h2><dl class=\"details\">"
		    "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s%-s%s</dd></dl></section>",
		    T("What the file looks like"),
		    T("Separator"), sep_words(r, pv->sep),
		    T("Byte order mark"), pv->bom ? T("yes (UTF-8)") : T("none"),
		    T("Layout"), preset_label(r, pv->preset), asked_auto ? " · " : "",
		    asked_auto ? T("recognised from the column headers") : "");

	const char *const *codes, *const *labels;
	size_t nreq;
	size_t nf = import_fields(kind, &codes, &labels, &nreq);
	const char **sel = arena_alloc(r->a, (pv->ncols ? pv->ncols : 1) * sizeof(*sel));
	for (size_t c = 0; c < pv->ncols; c++)
		sel[c] = mf->chosen && mf->chosen[c] ? mf->chosen[c] : pv->fields[c] ? pv->fields[c] : "";

	/* required fields no column fills: say so before the run does */
	struct strbuf missing = STRBUF_INIT;
	for (size_t f = 0; f < nreq; f++) {
		int found = 0;
		for (size_t c = 0; c < pv->ncols && !found; c++)
			found = !strcmp(sel[c], codes[f]);
		if (!found) {
			if (missing.len)
				sb_adds(&missing, ", ");
			sb_adds(&missing, T(labels[f]));
		}
	}

	html_printf(o, "<form method=\"post\" action=\"/import/%lld/run\" class=\"card import-map\" id=\"mapping\">"
		    "<h2>%s</h2><p class=\"muted\">%s</p>", (long long)file->id, T("Columns and fields"),
		    arena_printf(r->a, T("The first %zu rows of the file. Above each column, choose the field it "
					  "fills, or ignore it."), pv->nrows));
	ui_csrf(r);
	html_printf(o, "<input type=\"hidden\" name=\"preset\" value=\"%s\">", import_preset_code(pv->preset));
	if (missing.len)
		ui_notice(r, "info", arena_printf(r->a, T("No column fills these required fields yet: %s."), missing.buf));
	sb_release(&missing);
	/* a file of closed deals without a status would go in as open deals */
	int *field_of_col = arena_alloc(r->a, (pv->ncols ? pv->ncols : 1) * sizeof(int));
	for (size_t c = 0; c < pv->ncols; c++)
		field_of_col[c] = import_field_index(kind, sel[c]);
	const char *warn = import_closed_warning(kind, field_of_col, pv->ncols, sets_status(mf->sets));
	if (warn)
		html_printf(o, "<div class=\"notice notice-error\" role=\"status\" id=\"closed-warning\">%s</div>",
			    T(warn));

	html_printf(o, "<div class=\"table-wrap\"><table class=\"import-preview\"><caption class=\"sr-only\">%s</caption>"
		    "<thead><tr>", T("The first rows of the file"));
	for (size_t c = 0; c < pv->ncols; c++)
		html_printf(o, "<th scope=\"col\">%s</th>", pv->headers[c]);
	html(o, "</tr><tr>");
	for (size_t c = 0; c < pv->ncols; c++) {
		html_printf(o, "<td><select name=\"map_%zu\" aria-label=\"%s\"><option value=\"\"%-s>%s</option>", c,
			    arena_printf(r->a, T("Field for the column %s"), pv->headers[c]), *sel[c] ? "" : " selected",
			    T("— ignore —"));
		for (size_t f = 0; f < nf; f++)
			html_printf(o, "<option value=\"%s\"%-s>%s%-s</option>", codes[f],
				    !strcmp(sel[c], codes[f]) ? " selected" : "", T(labels[f]), f < nreq ? " *" : "");
		html(o, "</select></td>");
	}
	html(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < pv->nrows; i++) {
		html(o, "<tr>");
		for (size_t c = 0; c < pv->ncols; c++)
			html_printf(o, "<td>%s</td>", pv->rows[i][c] ? pv->rows[i][c] : "");
		html(o, "</tr>");
	}
	if (!pv->nrows)
		html_printf(o, "<tr><td colspan=\"%zu\" class=\"muted\">%s</td></tr>", pv->ncols ? pv->ncols : 1,
			    T("The file has a header line but no rows."));
	html_printf(o, "</tbody></table></div><p class=\"muted\">%s</p>", T("* required"));

	html_printf(o, "<fieldset class=\"import-options\"><legend>%s</legend><div class=\"chips\">", T("Options"));
	if (kind != IMPORT_REPS)
		html_printf(o, "<label class=\"chip\"><input type=\"checkbox\" name=\"create_missing\" value=\"1\"%-s>"
			    "<span>%s</span></label>", mf->create_missing ? " checked" : "",
			    T("Create reps and stages that do not exist yet"));
	else
		html_printf(o, "<label class=\"chip\"><input type=\"checkbox\" name=\"create_missing\" value=\"1\"%-s>"
			    "<span>%s</span></label>", mf->create_missing ? " checked" : "",
			    T("Create managers who do not exist yet"));
	html_printf(o, "<label class=\"chip\"><input type=\"checkbox\" name=\"all_or_nothing\" value=\"1\"%-s>"
		    "<span>%s</span></label></div>", mf->all_or_nothing ? " checked" : "",
		    T("All or nothing: one bad row saves nothing"));
	html_printf(o, "<label for=\"import-sets\">%s</label><p class=\"muted\" id=\"import-sets-help\">%s</p>"
		    "<textarea id=\"import-sets\" name=\"sets\" rows=\"2\" aria-describedby=\"import-sets-help\" "
		    "placeholder=\"status=won\">%s</textarea></fieldset>",
		    T("Values the whole file shares"),
		    T("One FIELD=VALUE a line, for the rows that leave the field empty, e.g. status=won for a file of "
		      "won deals."), mf->sets ? mf->sets : "");
	html_printf(o, "<p class=\"muted\">%s</p><div class=\"actions\">"
		    "<button class=\"button\" type=\"submit\" name=\"dry_run\" value=\"1\">%s</button>"
		    "<button class=\"button primary\" type=\"submit\" name=\"dry_run\" value=\"0\">%s</button></div></form>",
		    T("A dry run checks every row and counts what would change, without saving anything. Without "
		      "\"all or nothing\", good rows are saved and bad ones listed."),
		    T("Dry run"), T("Import"));
	ui_page_end(r);
}

/* the file and the start of its content; 0, or -1 after an error answer */
static int load_file(struct request *r, struct import_file *file, enum import_kind *kind, const char **data,
		     size_t *len)
{
	enum err e = import_file_get(r->db, r->a, r->me.org_id, r->id, file);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such uploaded file. Files are kept for the 20 most recent "
					    "uploads."));
		return -1;
	}
	if (!e)
		e = import_file_head(r->db, r->a, r->me.org_id, r->id, PREVIEW_CHARS, data, len);
	if (e) {
		resp_store_error(r, e);
		return -1;
	}
	int k = import_kind_parse(file->kind);
	*kind = k >= 0 ? (enum import_kind)k : IMPORT_DEALS;
	return 0;
}

/* the preview, or a page saying why the file cannot be read; 0, or -1
 * after that page */
static int preview_or_explain(struct request *r, const struct import_file *file, enum import_kind kind,
			      enum import_preset preset, const char *data, size_t len, struct import_preview *pv)
{
	struct strbuf errmsg = STRBUF_INIT;
	enum err e = import_preview(r->a, data, len, kind, preset, PREVIEW_ROWS, pv, &errmsg);
	if (!e && !pv->ncols) {
		e = E_INVALID;
		sb_adds(&errmsg, T("The file has no header line."));
	}
	if (!e) {
		sb_release(&errmsg);
		return 0;
	}
	r->status = 422;
	ui_page_begin(r, arena_printf(r->a, "%s: %s", T("Import"), file->filename), "import");
	r->status = 422;
	html_printf(&r->out, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s · %s</p><h1>%s</h1></div></div>",
		    T("Import"), kind_label(r, kind), file->filename);
	html_printf(&r->out, "<section class=\"card\"><h2>%s</h2>", T("The file cannot be read"));
	ui_notice(r, "error", errmsg.len ? arena_strdup(r->a, errmsg.buf) : T("The file is not a CSV file."));
	html_printf(&r->out, "<p>%s</p><p><a class=\"button primary\" href=\"/import\">%s</a></p></section>",
		    T("Check that it is a CSV file with a header line, saved as UTF-8, and upload it again."),
		    T("Upload another file"));
	ui_page_end(r);
	sb_release(&errmsg);
	return -1;
}

void page_import_file(struct request *r)
{
	struct import_file file;
	enum import_kind kind;
	const char *data;
	size_t len;
	if (load_file(r, &file, &kind, &data, &len))
		return;
	int p = import_preset_parse(file.preset);
	struct import_preview pv;
	if (preview_or_explain(r, &file, kind, p >= 0 ? (enum import_preset)p : PRESET_AUTO, data, len, &pv))
		return;
	struct map_form mf = { 0 };
	/* "Change the mapping" from a job's page starts from that job's choices */
	int64_t from;
	struct import_job job;
	const char *fq = req_query(r, "from");
	if (fq && !parse_i64(fq, &from) && !import_job_get(r->db, r->a, r->me.org_id, from, &job) &&
	    job.file_id == file.id) {
		mf.chosen = arena_alloc(r->a, (pv.ncols ? pv.ncols : 1) * sizeof(*mf.chosen));
		for (size_t c = 0; c < pv.ncols; c++)
			for (size_t m = 0; m < job.nmap && !mf.chosen[c]; m++) {
				size_t hl = strlen(pv.headers[c]);
				if (!strncmp(job.map[m], pv.headers[c], hl) && job.map[m][hl] == '=')
					mf.chosen[c] = job.map[m] + hl + 1;
			}
		mf.create_missing = job.create_missing;
		mf.all_or_nothing = job.all_or_nothing;
	}
	render_preview(r, &file, kind, &pv, &mf);
}

/* --- POST /import/:id/run --- */

/* creates the job and starts it; the answer is the redirect to its page */
static void start_job(struct request *r, const struct import_file *file, const struct import_options *o)
{
	int64_t job_id = 0;
	if (import_job_new(r->db, r->me.org_id, file->id, r->me.user_id, o, file->size, &job_id)) {
		resp_store_error(r, E_OK);
		return;
	}
	/* a graceful stop waits for the job as for a request (cmd/serve.c);
	 * one that cannot start shows as failed on its page */
	import_job_start(r->srv->db, r->me.org_id, job_id);
	resp_redirect(r, arena_printf(r->a, "/imports/%lld", (long long)job_id));
}

static int form_flag(struct request *r, const char *name)
{
	const char *v = req_form(r, name);
	return v && *v && strcmp(v, "0");
}

void page_import_run_post(struct request *r)
{
	struct import_file file;
	enum import_kind kind;
	const char *data;
	size_t len;
	if (load_file(r, &file, &kind, &data, &len))
		return;
	struct import_options o = { 0 };
	o.kind = kind;
	o.dry_run = form_flag(r, "dry_run");
	o.lang = r->lang;

	/* "Import for real" after a dry run: the checked job's mapping and options */
	const char *repeat = req_form(r, "repeat");
	if (repeat && *repeat) {
		int64_t jid;
		struct import_job job;
		enum err e = parse_i64(repeat, &jid) ? E_NOTFOUND : import_job_get(r->db, r->a, r->me.org_id, jid, &job);
		if (!e && job.file_id != file.id)
			e = E_NOTFOUND;
		if (e == E_NOTFOUND) {
			resp_error(r, E_NOTFOUND, T("There is no such import."));
			return;
		}
		if (e) {
			resp_store_error(r, e);
			return;
		}
		int p = import_preset_parse(job.preset);
		o.preset = p >= 0 ? (enum import_preset)p : PRESET_AUTO;
		o.map = job.map;
		o.nmap = job.nmap;
		o.set = job.set;
		o.nset = job.nset;
		o.create_missing = job.create_missing;
		o.all_or_nothing = job.all_or_nothing;
		start_job(r, &file, &o);
		return;
	}

	int p = import_preset_parse(req_form(r, "preset") ? req_form(r, "preset") : file.preset);
	if (p < 0)
		p = import_preset_parse(file.preset);
	o.preset = p >= 0 ? (enum import_preset)p : PRESET_AUTO;
	o.create_missing = form_flag(r, "create_missing");
	o.all_or_nothing = form_flag(r, "all_or_nothing");

	struct import_preview pv;
	if (preview_or_explain(r, &file, kind, o.preset, data, len, &pv))
		return;
	const char *const *codes, *const *labels;
	size_t nreq;
	size_t nf = import_fields(kind, &codes, &labels, &nreq);
	const char **chosen = arena_alloc(r->a, pv.ncols * sizeof(*chosen));
	const char **map = arena_alloc(r->a, pv.ncols * sizeof(*map));
	const char *error = NULL;
	for (size_t c = 0; c < pv.ncols; c++) {
		const char *v = req_form(r, arena_printf(r->a, "map_%zu", c));
		if (!v)
			v = pv.fields[c] ? pv.fields[c] : "";
		int known = !*v;
		for (size_t f = 0; f < nf && !known; f++)
			known = !strcmp(codes[f], v);
		if (!known) {
			error = arena_printf(r->a, T("The column %s cannot fill the field %s."), pv.headers[c], v);
			v = pv.fields[c] ? pv.fields[c] : "";
		}
		for (size_t d = 0; d < c && !error && *v; d++)
			if (!strcmp(chosen[d], v))
				error = arena_printf(r->a, T("The columns %s and %s both fill %s: choose one."),
						     pv.headers[d], pv.headers[c], field_label(r, kind, v));
		chosen[c] = v;
		map[c] = arena_printf(r->a, "%s=%s", pv.headers[c], v);
	}
	for (size_t f = 0; f < nreq && !error; f++) {
		int found = 0;
		for (size_t c = 0; c < pv.ncols && !found; c++)
			found = !strcmp(chosen[c], codes[f]);
		if (!found)
			error = arena_printf(r->a, T("Choose the column that fills %s: it is required."), T(labels[f]));
	}
	/* the fixed values: FIELD=VALUE a line, the field one of the kind's */
	const char *sets = req_form(r, "sets");
	char *lines = arena_strdup(r->a, sets ? sets : "");
	const char **set = arena_alloc(r->a, (strlen(lines) / 2 + 1) * sizeof(*set));
	size_t nset = 0;
	for (char *save = NULL, *l = strtok_r(lines, "\r\n", &save); l; l = strtok_r(NULL, "\r\n", &save)) {
		l = str_trim(l);
		if (!*l)
			continue;
		char *eq = strchr(l, '=');
		char *field = eq ? str_trim(arena_strndup(r->a, l, (size_t)(eq - l))) : l;
		if (!eq || import_field_index(kind, field) < 0) {
			if (!error)
				error = arena_printf(r->a, T("\"%s\" is not FIELD=VALUE with a field of this import."), l);
			continue;
		}
		set[nset++] = arena_printf(r->a, "%s=%s", field, str_trim(eq + 1));
	}
	if (error) {
		struct map_form mf = { chosen, o.create_missing, o.all_or_nothing, error, sets };
		r->status = 400;
		render_preview(r, &file, kind, &pv, &mf);
		return;
	}
	o.map = map;
	o.nmap = pv.ncols;
	o.set = set;
	o.nset = nset;
	start_job(r, &file, &o);
}

/* --- GET /imports/:id --- */

static struct table *errors_table(struct request *r, const struct import_job *j)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "import-%lld-errors", (long long)j->id), 3);
	table_col(t, 0, T("Line"), CELL_INT);
	table_col(t, 1, T("Column"), CELL_TEXT);
	table_col(t, 2, T("Problem"), CELL_TEXT);
	for (size_t i = 0; i < j->nerrors; i++) {
		size_t row = table_row(t);
		table_int(t, row, 0, (int64_t)j->errors[i].line);
		table_text(t, row, 1, j->errors[i].column ? j->errors[i].column : "");
		table_text(t, row, 2, j->errors[i].message ? j->errors[i].message : "");
	}
	return t;
}

static void render_summary(struct request *r, const struct import_job *j)
{
	struct strbuf *o = &r->out;
	if (!strcmp(j->status, "failed")) {
		ui_notice(r, "error", *j->message ? j->message : T("The import failed. Nothing was saved."));
		return;
	}
	if (j->dry_run)
		ui_notice(r, "info", T("Dry run: nothing was saved. These are the counts a real import would give."));
	else if (j->rolled_back && j->failed && j->all_or_nothing)
		ui_notice(r, "error", T("Nothing was saved because a row failed (all or nothing)."));
	else if (j->rolled_back)
		ui_notice(r, "error", T("Nothing was saved."));
	else if (j->failed)
		ui_notice(r, "info", T("The import is done. The good rows were saved; the rows below were not."));
	else
		ui_notice(r, "ok", T("The import is done."));

	static const char *const names[] = { N_("Read"), N_("Created"), N_("Updated"), N_("Skipped"), N_("Failed") };
	static const char *const ids[] = { "read", "created", "updated", "skipped", "failed" };
	const int64_t vals[] = { j->read, j->created, j->updated, j->skipped, j->failed };
	html_printf(o, "<section class=\"stats import-summary\" aria-label=\"%s\">", T("Summary"));
	for (size_t i = 0; i < 5; i++)
		html_printf(o, "<div class=\"stat%-s\" id=\"count-%s\"><span class=\"stat-value\">%s</span>"
			    "<span class=\"stat-label\">%s</span></div>",
			    i == 4 && vals[i] ? " stat-bad" : "", ids[i],
			    num(r, vals[i]), T(names[i]));
	html(o, "</section>");
	if (j->skipped)
		html_printf(o, "<p class=\"muted\">%s</p>", T("Skipped rows are already in Salesgarden as they are in the "
							     "file: importing them again changes nothing."));
}

static void render_errors(struct request *r, const struct import_job *j)
{
	struct strbuf *o = &r->out;
	if (!j->nerrors)
		return;
	html_printf(o, "<section class=\"card\" id=\"errors\"><h2>%s</h2>", T("Rows with problems"));
	if ((int64_t)j->nerrors < j->failed)
		html_printf(o, "<p class=\"muted\">%s</p>",
			    arena_printf(r->a, T("The first %zu problems of %s failed rows."), j->nerrors,
					 num(r, j->failed)));
	ui_export_links(r);
	html_printf(o, "<div class=\"table-wrap\"><table class=\"import-errors\"><thead><tr>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "</tr></thead><tbody>", T("Line"), T("Column"), T("Problem"));
	for (size_t i = 0; i < j->nerrors; i++) {
		const struct import_error *e = &j->errors[i];
		html_printf(o, "<tr><td class=\"num\">%zu</td><td>%s</td><td>%s</td></tr>", e->line,
			    e->column ? e->column : T("(the whole row)"), e->message ? e->message : "");
	}
	html(o, "</tbody></table></div></section>");
}

void page_import_job(struct request *r)
{
	struct import_job j;
	enum err e = import_job_get(r->db, r->a, r->me.org_id, r->id, &j);
	if (e == E_NOTFOUND) {
		resp_error(r, E_NOTFOUND, T("There is no such import."));
		return;
	}
	if (e) {
		resp_store_error(r, e);
		return;
	}
	if (export_wanted(r)) {
		export_send(r, errors_table(r, &j));
		return;
	}
	struct strbuf *o = &r->out;
	int running = !strcmp(j.status, "running");
	ui_page_begin(r, arena_printf(r->a, "%s: %s", T("Import"), j.filename), "import");
	/* the page follows the job by reloading itself (no script needed, and
	 * the CSP does not stop a meta refresh) */
	if (running)
		html(o, "<meta http-equiv=\"refresh\" content=\"1\">");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s · %s%-s%s</p><h1>%s</h1>"
		    "<p class=\"muted\">%s</p></div></div>",
		    T("Import"), kind_label_code(r, j.kind), j.dry_run ? " · " : "", j.dry_run ? T("dry run") : "",
		    j.filename, arena_printf(r->a, T("Started %s by %s"), when(r, j.started_at), j.user_name));

	html_printf(o, "<section class=\"card\" id=\"job\" data-status=\"%s\"><h2>%s <span class=\"badge %-s\">%s</span></h2>",
		    j.status, running ? T("Importing") : T("Summary"), status_badge(j.status), status_label(r, &j));
	if (running) {
		long long pct = j.bytes_total > 0 ? (long long)(j.bytes_done * 100 / j.bytes_total) : 0;
		html_printf(o, "<progress max=\"100\" value=\"%lld\" aria-label=\"%s\">%lld %%</progress>"
			    "<p>%s</p><p class=\"muted\">%s</p>",
			    pct, T("Progress"), pct,
			    arena_printf(r->a, T("%s rows · %lld %%"), num(r, j.rows), pct),
			    T("This page refreshes itself every second until the import is done."));
	} else {
		render_summary(r, &j);
	}
	html_printf(o, "<dl class=\"details\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>",
		    T("Layout"), preset_label_code(r, *j.used_preset ? j.used_preset : j.preset),
		    T("Options"), arena_printf(r->a, "%s · %s",
					      j.create_missing ? T("missing reps are created") : T("missing reps are reported"),
					      j.all_or_nothing ? T("all or nothing") : T("good rows are kept")));
	if (j.finished_at)
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("Finished"), when(r, j.finished_at));
	html(o, "</dl>");
	if (!running) {
		html(o, "<div class=\"actions\">");
		if (j.dry_run && !strcmp(j.status, "done")) {
			html_printf(o, "<form method=\"post\" action=\"/import/%lld/run\">", (long long)j.file_id);
			ui_csrf(r);
			html_printf(o, "<input type=\"hidden\" name=\"repeat\" value=\"%lld\">"
				    "<input type=\"hidden\" name=\"dry_run\" value=\"0\">"
				    "<button class=\"button primary\" type=\"submit\">%s</button></form>",
				    (long long)j.id, T("Import for real"));
		}
		html_printf(o, "<a class=\"button\" href=\"/import/%lld?from=%lld\">%s</a>"
			    "<a class=\"button\" href=\"/import\">%s</a>",
			    (long long)j.file_id, (long long)j.id, T("Change the mapping"), T("Import another file"));
		html(o, "</div>");
	}
	html(o, "</section>");
	if (!running)
		render_errors(r, &j);
	ui_page_end(r);
}
