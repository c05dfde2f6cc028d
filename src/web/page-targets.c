/*
 * page-targets: setting the targets of a team's reps for one period
 * (GET /targets?period=P&team=ID|who=led|org, POST to the same address;
 * POST /targets/copy copies the period before's targets and POST
 * /targets/fill one amount, each never replacing a target already set
 * unless asked, and the page says how many were set).
 * One form, a row per rep: the target as it stands and a field for the new
 * amount, typed the way the reader writes amounts ("12.500" in Dutch).
 *
 * An empty field changes nothing; "0" sets a target of nothing; "Clear"
 * removes the target set for exactly this period. The rights are checked
 * per rep on every POST — a manager sets targets only for the reps of the
 * teams they lead, an admin for anyone — whatever the form claims. The
 * form is checked as a whole before anything is written, and a form with
 * a mistake comes back with what was typed and a message at each field.
 *
 * A rep's target for a quarter or a year may also come from the shorter
 * periods inside it (store/numbers.h); the page says so, and setting one
 * for exactly this period takes precedence.
 */
#include "pages.h"
#include "ui.h"
#include "who.h"
#include "repgroup.h"
#include "numbersui.h"
#include "export.h"
#include "../store/users.h"
#include "../lib/fmt.h"
#include "../lib/table.h"
#include "../lib/util.h"
#include <stdlib.h>
#include <string.h>

/* the period's reps with their targets, and what a failed POST brought */
struct targets_view {
	struct who w;
	struct who_options opt;
	struct numbers_settings s;
	struct period p;
	struct numbers_grid g;
	/* per rep row: the target set for exactly this period (id 0: none) */
	int64_t *exact_id, *exact_amount;
	/* per rep row, after a failed POST: the field as typed, its message,
	 * and whether Clear was ticked */
	const char **typed, **error;
	unsigned char *clear;
	const char *notice;
	/* the fill form after a failed POST: the amount as typed, its message */
	const char *fill_typed, *fill_error;
};

/* an amount as a person would type it in their language: "12.500" or "12.500,50" */
static const char *amount_text(struct request *r, int64_t minor)
{
	struct strbuf sb = STRBUF_INIT;
	fmt_decimal(&sb, r->lang, (double)minor / 100.0, minor % 100 ? 2 : 0);
	char *s = arena_strdup(r->a, sb.buf);
	sb_release(&sb);
	return s;
}

/* who, period, reps and exact targets; 0, or -1 when the answer was sent */
static int load(struct request *r, struct targets_view *v)
{
	memset(v, 0, sizeof(*v));
	if (repgroup_from_query(r, &v->w))
		return -1;
	if (numbers_context(r, PERIOD_QUARTER, &v->s, &v->p))
		return -1;
	if (repgroup_options(r, &v->opt)) {
		resp_store_error(r, E_OK);
		return -1;
	}
	struct numbers_scope sc = repgroup_scope(r, &v->w);
	if (numbers_grid_load(r->db, r->a, r->me.org_id, &sc, &v->p, 1, v->s.source, &v->g)) {
		resp_store_error(r, E_OK);
		return -1;
	}
	size_t n = v->g.nreps ? v->g.nreps : 1;
	v->exact_id = arena_alloc(r->a, n * sizeof(int64_t));
	v->exact_amount = arena_alloc(r->a, n * sizeof(int64_t));
	v->typed = arena_alloc(r->a, n * sizeof(char *));
	v->error = arena_alloc(r->a, n * sizeof(char *));
	v->clear = arena_alloc(r->a, n);
	memset(v->exact_id, 0, n * sizeof(int64_t));
	memset(v->exact_amount, 0, n * sizeof(int64_t));
	memset(v->typed, 0, n * sizeof(char *));
	memset(v->error, 0, n * sizeof(char *));
	memset(v->clear, 0, n);

	struct target *t;
	size_t nt;
	int64_t total;
	if (targets_list(r->db, r->a, r->me.org_id, &sc, v->p.start, v->p.end, v->s.fiscal_start_month, 0, 0, &t, &nt,
			 &total)) {
		resp_store_error(r, E_OK);
		return -1;
	}
	/* only the target of exactly this period is the one the form edits;
	 * the months inside a quarter are listed too */
	for (size_t k = 0; k < nt; k++) {
		if (strcmp(t[k].period.start, v->p.start) || strcmp(t[k].period.end, v->p.end))
			continue;
		for (size_t i = 0; i < v->g.nreps; i++)
			if (v->g.reps[i].user_id == t[k].user_id) {
				v->exact_id[i] = t[k].id;
				v->exact_amount[i] = t[k].amount_minor;
			}
	}
	return 0;
}

/* may the viewer set this rep's target? */
static int may_set(struct request *r, int64_t user_id, int64_t team_id)
{
	struct person p = { user_id, r->me.org_id, team_id };
	return access_target_set(&r->viewer, &p);
}

/* the query that names this page's team and period, for links and the form */
static const char *page_query(struct request *r, const struct targets_view *v)
{
	const char *wq = v->w.kind == WHO_ORG ? "who=org" : who_query(r, &v->w);
	return arena_printf(r->a, "period=%s%s%s", v->p.label, *wq ? "&" : "", wq);
}

static struct table *targets_table(struct request *r, const struct targets_view *v)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "targets-%s", v->p.label), 5);
	t->currency = v->s.currency;
	table_col(t, 0, T("Rep"), CELL_TEXT);
	table_col(t, 1, T("E-mail"), CELL_TEXT);
	table_col(t, 2, T("Team"), CELL_TEXT);
	table_col(t, 3, T("Period"), CELL_TEXT);
	table_col(t, 4, T("Target"), CELL_MONEY);
	for (size_t i = 0; i < v->g.nreps; i++) {
		const struct rep_row *rep = &v->g.reps[i];
		size_t row = table_row(t);
		table_text(t, row, 0, rep->name);
		table_text(t, row, 1, rep->email ? rep->email : "");
		table_text(t, row, 2, rep->team_name ? rep->team_name : "");
		table_text(t, row, 3, v->p.label);
		if (v->g.has_target[i])
			table_money(t, row, 4, v->g.target_minor[i]);
	}
	return t;
}

/* the first target set for exactly this period among the reps the viewer
 * may set, as typed: what "fill down" offers (empty when none) */
static const char *first_value(struct request *r, const struct targets_view *v)
{
	for (size_t i = 0; i < v->g.nreps; i++)
		if (may_set(r, v->g.reps[i].user_id, v->g.reps[i].team_id) && v->exact_id[i])
			return amount_text(r, v->exact_amount[i]);
	return "";
}

/* many targets in one click: last period's, or one amount for every rep */
static void bulk_forms(struct request *r, const struct targets_view *v)
{
	struct strbuf *o = &r->out;
	struct period prev;
	period_prev(&v->p, v->s.fiscal_start_month, &prev);
	html_printf(o, "<div class=\"targets-bulk\" id=\"bulk\"><h3>%s</h3>", T("Many at once"));
	html_printf(o, "<form method=\"post\" action=\"/targets/copy?%s\" class=\"form inline\">", page_query(r, v));
	ui_csrf(r);
	html_printf(o, "<label class=\"clear-box\"><input type=\"checkbox\" name=\"overwrite\" value=\"1\">%s</label>"
		    "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form>",
		    T("Also replace targets already set"),
		    arena_printf(r->a, T("Copy the targets of %s"), ui_period_name(r, &prev)));
	html_printf(o, "<form method=\"post\" action=\"/targets/fill?%s#bulk\" class=\"form inline\">", page_query(r, v));
	ui_csrf(r);
	ui_input(r, "amount", arena_printf(r->a, T("One target for every rep (%s)"), v->s.currency), "text",
		 v->fill_typed ? v->fill_typed : first_value(r, v), v->fill_error, " inputmode=\"decimal\" autocomplete=\"off\"");
	html_printf(o, "<label class=\"clear-box\"><input type=\"checkbox\" name=\"overwrite\" value=\"1\">%s</label>"
		    "<div class=\"actions\"><button class=\"button\" type=\"submit\">%s</button></div></form>"
		    "<p class=\"muted\">%s</p></div>",
		    T("Also replace targets already set"), T("Fill down"),
		    T("Targets already set for this period stay as they are unless you ask to replace them."));
}

static void render(struct request *r, const struct targets_view *v)
{
	struct strbuf *o = &r->out;
	const char *cur = v->s.currency;
	const char *pname = ui_period_name(r, &v->p);
	ui_page_begin(r, T("Targets"), "numbers");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1>"
		    "<p class=\"muted\">%s · %s</p></div></div>", T("Targets"),
		    arena_printf(r->a, T("Targets for %s"), pname),
		    v->w.kind == WHO_TEAM ? arena_printf(r->a, T("Team %s"), v->w.name) : v->w.name, cur);
	ui_numbers_tabs(r, "targets");

	html(o, "<section class=\"card num-filter\">");
	if (v->opt.n > 1) {
		html_printf(o, "<form method=\"get\" action=\"/targets\" class=\"form inline num-who\" aria-label=\"%s\">",
			    T("Whose targets"));
		html_printf(o, "<input type=\"hidden\" name=\"period\" value=\"%s\">", v->p.label);
		ui_select(r, "who", T("Whose targets"), v->opt.values, v->opt.labels, v->opt.n, v->w.value, NULL);
		html_printf(o, "<div class=\"actions\"><button class=\"button small\" type=\"submit\">%s</button></div></form>",
			    T("Show"));
	}
	ui_period_picker(r, "/targets", &v->p, v->w.kind == WHO_ORG ? "who=org" : who_query(r, &v->w));
	html(o, "</section>");

	if (v->notice)
		ui_notice(r, "error", v->notice);
	/* after "copy" or "fill": how many targets that set */
	static const char *const bulk_keys[] = { "copied", "filled" };
	for (size_t k = 0; k < 2; k++) {
		const char *q = req_query(r, bulk_keys[k]);
		int64_t n;
		if (q && !parse_i64(q, &n) && n >= 0)
			ui_notice(r, n ? "ok" : "info",
				  n ? arena_printf(r->a, trn(r->lang, "%lld target was set.", "%lld targets were set.", (long)n),
						   (long long)n)
				    : T("No target was set: every rep here has one already, or there was nothing to copy."));
	}

	html_printf(o, "<section class=\"card\" id=\"targets\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("Set the targets"),
		    arena_printf(r->a, T("Type each rep's target for %s in %s. Leave a field empty to keep the target as it "
					 "is; 0 sets a target of nothing; Clear removes the target set for this period."),
				 pname, cur));
	if (!v->g.nreps) {
		html_printf(o, "<p class=\"empty muted\">%s</p></section>", T("There are no reps here yet."));
		ui_page_end(r);
		return;
	}
	html_printf(o, "<form method=\"post\" action=\"/targets?%s\" class=\"targets\">", page_query(r, v));
	ui_csrf(r);
	html_printf(o, "<div class=\"table-wrap\"><table class=\"targets-form\"><thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\"><span class=\"sr-only\">%s</span></th></tr></thead><tbody>",
		    T("Rep"), T("Team"), T("Target now"), T("New target"), T("Clear"));
	for (size_t i = 0; i < v->g.nreps; i++) {
		const struct rep_row *rep = &v->g.reps[i];
		long long id = (long long)rep->user_id;
		const char *now = v->g.has_target[i] ? ui_money_text(r, v->g.target_minor[i], cur) : "–";
		const char *from = v->g.has_target[i] && !v->exact_id[i]
			? (v->p.kind == PERIOD_YEAR ? T("the sum of the months or quarters in it")
						    : T("the sum of the months in it")) : NULL;
		html_printf(o, "<tr%-s><th scope=\"row\">%s</th><td data-label=\"%s\">%s</td>"
			    "<td class=\"num\" data-label=\"%s\">%s%-s%s%-s</td>",
			    v->error[i] ? " class=\"invalid\"" : "", rep->name, T("Team"),
			    rep->team_name && *rep->team_name ? rep->team_name : "–", T("Target now"), now,
			    from ? "<br><span class=\"muted\">" : "", from ? from : "", from ? "</span>" : "");
		if (!may_set(r, rep->user_id, rep->team_id)) {
			html_printf(o, "<td data-label=\"%s\" class=\"muted\">%s</td><td></td></tr>", T("New target"),
				    T("Only the rep's manager or an admin sets this target."));
			continue;
		}
		const char *val = v->typed[i] ? v->typed[i] : v->exact_id[i] ? amount_text(r, v->exact_amount[i]) : "";
		html_printf(o, "<td data-label=\"%s\"><label class=\"sr-only\" for=\"f-t-%lld\">%s</label>"
			    "<input id=\"f-t-%lld\" name=\"t_%lld\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" "
			    "value=\"%s\"%-s%-s>",
			    T("New target"), id, arena_printf(r->a, T("New target for %s"), rep->name), id, id, val,
			    from ? arena_printf(r->a, " placeholder=\"%s\"", amount_text(r, v->g.target_minor[i])) : "",
			    v->error[i] ? arena_printf(r->a, " aria-invalid=\"true\" aria-describedby=\"e-t-%lld\"", id) : "");
		if (v->error[i])
			html_printf(o, "<p class=\"field-error\" id=\"e-t-%lld\">%s</p>", id, v->error[i]);
		html(o, "</td><td>");
		if (v->exact_id[i])
			html_printf(o, "<label class=\"clear-box\"><input type=\"checkbox\" name=\"clear_%lld\" value=\"1\"%-s>"
				    "%s</label>", id, v->clear[i] ? " checked" : "", T("Clear"));
		html(o, "</td></tr>");
	}
	html_printf(o, "</tbody></table></div><div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s"
		    "</button></div></form>", T("Save the targets"));
	bulk_forms(r, v);
	ui_export_links(r);
	if (r->viewer.role == ROLE_ADMIN)
		html_printf(o, "<p class=\"muted\">%s <a href=\"/import\">%s</a></p>",
			    T("Many targets at once, or from your CRM?"), T("Import them from a CSV file"));
	html(o, "</section>");
	ui_page_end(r);
}

void page_targets(struct request *r)
{
	struct targets_view v;
	if (load(r, &v))
		return;
	if (export_wanted(r)) {
		export_send(r, targets_table(r, &v));
		return;
	}
	render(r, &v);
}

/* a field name "t_ID" or "clear_ID": the id, or 0 */
static int64_t field_id(const char *key, const char *prefix)
{
	int64_t id;
	if (!str_has_prefix(key, prefix) || parse_i64(key + strlen(prefix), &id) || id <= 0)
		return 0;
	return id;
}

/* what the POST asks for one rep */
struct change {
	int64_t user_id;
	const char *typed;
	int clear;
};

void page_targets_post(struct request *r)
{
	struct targets_view v;
	if (load(r, &v))
		return;

	/* gather the fields per rep; the ids come from the form, so every one
	 * is checked against the organisation and the viewer's rights */
	struct change *ch = arena_alloc(r->a, (r->form.n ? r->form.n : 1) * sizeof(*ch));
	size_t nch = 0;
	for (size_t k = 0; k < r->form.n; k++) {
		const char *key = r->form.items[k].key;
		int64_t id = field_id(key, "t_");
		int clear = 0;
		if (!id && (id = field_id(key, "clear_")))
			clear = 1;
		if (!id)
			continue;
		size_t j = 0;
		while (j < nch && ch[j].user_id != id)
			j++;
		if (j == nch) {
			memset(&ch[nch], 0, sizeof(ch[nch]));
			ch[nch++].user_id = id;
		}
		if (clear)
			ch[j].clear = 1;
		else
			ch[j].typed = str_trim(arena_strdup(r->a, r->form.items[k].val));
	}
	for (size_t j = 0; j < nch; j++) {
		struct user u;
		enum err e = user_get(r->db, r->a, r->me.org_id, ch[j].user_id, &u);
		if (e == E_NOTFOUND) {
			resp_error(r, E_INVALID, T("The form names a user who is not in your organisation. Nothing was saved."));
			return;
		}
		if (e) {
			resp_store_error(r, E_OK);
			return;
		}
		if (!may_set(r, u.id, u.team_id)) {
			resp_error(r, E_FORBIDDEN, arena_printf(r->a, T("You may only set targets for the reps of the teams you "
									"lead, and %s is not in one. Nothing was saved."),
								u.name));
			return;
		}
	}

	/* check every field before writing any */
	struct plan {
		int64_t user_id, amount, delete_id;
		int set;
	} *plan = arena_alloc(r->a, (nch ? nch : 1) * sizeof(*plan));
	size_t nplan = 0;
	int bad = 0;
	for (size_t j = 0; j < nch; j++) {
		/* the rep's row on the page, for the exact target and the message;
		 * a rep the viewer may set but who is not listed (another team
		 * than the one shown) has no row */
		size_t i = SIZE_MAX;
		for (size_t k = 0; k < v.g.nreps; k++)
			if (v.g.reps[k].user_id == ch[j].user_id)
				i = k;
		int64_t exact_id = 0, exact_amount = 0;
		if (i != SIZE_MAX) {
			exact_id = v.exact_id[i];
			exact_amount = v.exact_amount[i];
			v.typed[i] = ch[j].typed;
			v.clear[i] = (unsigned char)ch[j].clear;
		} else {
			/* not on the page: look for its exact target directly */
			struct numbers_scope one = { ch[j].user_id, 0, 0 };
			struct target *t;
			size_t nt;
			int64_t total;
			if (targets_list(r->db, r->a, r->me.org_id, &one, v.p.start, v.p.end, v.s.fiscal_start_month, 0, 0,
					 &t, &nt, &total)) {
				resp_store_error(r, E_OK);
				return;
			}
			for (size_t k = 0; k < nt; k++)
				if (!strcmp(t[k].period.start, v.p.start) && !strcmp(t[k].period.end, v.p.end)) {
					exact_id = t[k].id;
					exact_amount = t[k].amount_minor;
				}
		}
		const char *typed = ch[j].typed ? ch[j].typed : "";
		const char *err = NULL;
		int64_t minor = 0;
		int has_amount = *typed != 0;
		if (has_amount && parse_money(r->lang, typed, &minor))
			err = T("Enter an amount, such as 12500 or 12500.50, in the organisation's currency.");
		else if (has_amount && minor < 0)
			err = T("A target cannot be negative.");
		else if (has_amount && ch[j].clear && !(exact_id && minor == exact_amount))
			err = T("Either clear the target or type a new one, not both.");
		if (err) {
			bad = 1;
			if (i != SIZE_MAX)
				v.error[i] = err;
			else
				v.notice = err;
			continue;
		}
		if (ch[j].clear && exact_id) {
			plan[nplan++] = (struct plan){ ch[j].user_id, 0, exact_id, 0 };
		} else if (has_amount && !(exact_id && minor == exact_amount)) {
			plan[nplan++] = (struct plan){ ch[j].user_id, minor, 0, 1 };
		}
	}
	if (bad) {
		r->status = 400;
		if (!v.notice)
			v.notice = T("The targets were not saved. Check the fields marked below.");
		render(r, &v);
		return;
	}

	if (nplan && db_begin(r->db)) {
		resp_store_error(r, E_OK);
		return;
	}
	for (size_t j = 0; j < nplan; j++) {
		enum err e;
		if (plan[j].set) {
			int64_t id;
			int created;
			e = target_set(r->db, r->me.org_id, plan[j].user_id, &v.p, plan[j].amount, v.s.currency, &id, &created);
		} else {
			e = target_delete(r->db, r->me.org_id, plan[j].delete_id);
			if (e == E_NOTFOUND)	/* gone meanwhile: what was asked holds */
				e = E_OK;
		}
		if (e) {
			db_rollback(r->db);
			resp_store_error(r, E_OK);
			return;
		}
	}
	if (nplan && db_commit(r->db)) {
		db_rollback(r->db);
		resp_store_error(r, E_OK);
		return;
	}
	ui_redirect_done(r, arena_printf(r->a, "/targets?%s", page_query(r, &v)), "targets-saved");
}

/* sets amount (or, with from, each rep's amount there) for every rep of the
 * page the viewer may set, skipping a target already set unless overwrite;
 * n: how many were set. 0, or -1 when the answer was sent. */
static int bulk_set(struct request *r, const struct targets_view *v, const int64_t *amounts, int overwrite,
		    size_t *n)
{
	*n = 0;
	if (db_begin(r->db)) {
		resp_store_error(r, E_OK);
		return -1;
	}
	for (size_t i = 0; i < v->g.nreps; i++) {
		const struct rep_row *rep = &v->g.reps[i];
		if (amounts[i] < 0 || !may_set(r, rep->user_id, rep->team_id))
			continue;
		if (v->exact_id[i] && (!overwrite || v->exact_amount[i] == amounts[i]))
			continue;
		int64_t id;
		int created;
		if (target_set(r->db, r->me.org_id, rep->user_id, &v->p, amounts[i], v->s.currency, &id, &created)) {
			db_rollback(r->db);
			resp_store_error(r, E_OK);
			return -1;
		}
		(*n)++;
	}
	if (db_commit(r->db)) {
		db_rollback(r->db);
		resp_store_error(r, E_OK);
		return -1;
	}
	return 0;
}

void page_targets_copy_post(struct request *r)
{
	struct targets_view v;
	if (load(r, &v))
		return;
	const char *ow = req_form(r, "overwrite");
	struct period prev;
	period_prev(&v.p, v.s.fiscal_start_month, &prev);
	struct numbers_scope sc = repgroup_scope(r, &v.w);
	struct target *t;
	size_t nt;
	int64_t total;
	if (targets_list(r->db, r->a, r->me.org_id, &sc, prev.start, prev.end, v.s.fiscal_start_month, 0, 0, &t, &nt,
			 &total)) {
		resp_store_error(r, E_OK);
		return;
	}
	/* per rep: the target set for exactly the period before, -1 when none */
	int64_t *amounts = arena_alloc(r->a, (v.g.nreps ? v.g.nreps : 1) * sizeof(int64_t));
	for (size_t i = 0; i < v.g.nreps; i++) {
		amounts[i] = -1;
		for (size_t k = 0; k < nt; k++)
			if (t[k].user_id == v.g.reps[i].user_id && !strcmp(t[k].period.start, prev.start) &&
			    !strcmp(t[k].period.end, prev.end))
				amounts[i] = t[k].amount_minor;
	}
	size_t n;
	if (bulk_set(r, &v, amounts, ow && !strcmp(ow, "1"), &n))
		return;
	resp_redirect(r, arena_printf(r->a, "/targets?%s&copied=%zu", page_query(r, &v), n));
}

void page_targets_fill_post(struct request *r)
{
	struct targets_view v;
	if (load(r, &v))
		return;
	const char *ow = req_form(r, "overwrite");
	const char *typed = req_form(r, "amount");
	typed = str_trim(arena_strdup(r->a, typed ? typed : ""));
	int64_t minor = 0;
	if (!*typed)
		v.fill_error = T("Enter the target to fill in.");
	else if (parse_money(r->lang, typed, &minor))
		v.fill_error = T("Enter an amount, such as 12500 or 12500.50, in the organisation's currency.");
	else if (minor < 0)
		v.fill_error = T("A target cannot be negative.");
	if (v.fill_error) {
		v.fill_typed = typed;
		v.notice = T("No target was set. Check the field marked below.");
		r->status = 400;
		render(r, &v);
		return;
	}
	int64_t *amounts = arena_alloc(r->a, (v.g.nreps ? v.g.nreps : 1) * sizeof(int64_t));
	for (size_t i = 0; i < v.g.nreps; i++)
		amounts[i] = minor;
	size_t n;
	if (bulk_set(r, &v, amounts, ow && !strcmp(ow, "1"), &n))
		return;
	resp_redirect(r, arena_printf(r->a, "/targets?%s&filled=%zu", page_query(r, &v), n));
}
