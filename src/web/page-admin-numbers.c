/*
 * page-admin-numbers: the organisation's settings behind the numbers pages
 * (GET and POST /admin/numbers, admins only) — what counts as a result
 * (won deals by closing day, or imported totals), the tier rules, and the
 * smallest sample the excuse check draws a conclusion from.
 *
 * The tier rules are shown in words as the tiers page will state them
 * (ui_tier_rules_words), so an admin sees what a threshold means before
 * saving it. A form with a mistake comes back with what was typed and a
 * message at each field; nothing is saved until all of it is right.
 */
#include "pages.h"
#include "ui.h"
#include "numbersui.h"
#include "../lib/util.h"
#include <string.h>

/* the numeric fields: form names, labels, help, ranges */
enum { F_SUPERSTAR, F_SHARE, F_UNDER, F_PERIODS, F_SAMPLE, NFIELDS };
static const struct {
	const char *name, *label, *help;
	int min, max;
} fields[NFIELDS] = {
	[F_SUPERSTAR] = { "superstar_pct", N_("Superstar: attainment of at least (%)"),
			  /* xgettext:no-c-format */
			  N_("A rep at or above this share of their target is a superstar. 120 means 120% of target."),
			  1, 1000 },
	[F_SHARE] = { "superstar_share_pct", N_("Superstar: share of the team's revenue of at least (%)"),
		      N_("A rep who brings at least this share of the team's revenue is a superstar too, whatever the "
			 "target. 0 leaves this rule out."), 0, 100 },
	[F_UNDER] = { "under_pct", N_("Underperformer: attainment below (%)"),
		      N_("Below this share of target a period counts towards underperforming."), 1, 999 },
	[F_PERIODS] = { "under_periods", N_("Underperformer: periods in a row"),
			N_("How many periods in a row below that share make an underperformer. 1 means one bad period "
			   "is enough."), 1, 12 },
	[F_SAMPLE] = { "min_sample", N_("Excuse check: smallest sample"),
		       N_("Fewer peers or lost deals than this are marked as too few to conclude anything."), 1, 1000 },
};

struct settings_form {
	const char *source;		/* "deals" or "imported" */
	const char *e_source;
	const char *v[NFIELDS], *e[NFIELDS];
	const char *notice;
};

static void number_field(struct request *r, int i, const struct settings_form *f)
{
	struct strbuf *o = &r->out;
	const char *name = fields[i].name;
	html_printf(o, "<div class=\"field%-s\"><label for=\"f-%s\">%s</label>"
		    "<input id=\"f-%s\" name=\"%s\" type=\"number\" inputmode=\"numeric\" step=\"1\" min=\"%d\" max=\"%d\" "
		    "required value=\"%s\" aria-describedby=\"%-s-%s\"%-s>",
		    f->e[i] ? " invalid" : "", name, T(fields[i].label), name, name, fields[i].min, fields[i].max,
		    f->v[i] ? f->v[i] : "", f->e[i] ? "e" : "h", name, f->e[i] ? " aria-invalid=\"true\"" : "");
	if (f->e[i])
		html_printf(o, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, f->e[i]);
	else
		html_printf(o, "<p class=\"field-help muted\" id=\"h-%s\">%s</p>", name, T(fields[i].help));
	html(o, "</div>");
}

static void source_radio(struct request *r, const struct settings_form *f, const char *value, const char *label,
			 const char *help)
{
	html_printf(&r->out, "<label class=\"radio\"><input type=\"radio\" name=\"source\" value=\"%s\"%-s>"
		    "<span><strong>%s</strong><br><span class=\"muted\">%s</span></span></label>",
		    value, f->source && !strcmp(f->source, value) ? " checked" : "", label, help);
}

/* the page; rules are the ones to put in words (the saved ones, or the
 * typed ones when they are sensible) */
static void render(struct request *r, const struct settings_form *f, const struct tier_rules *rules)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Numbers settings"), "admin-numbers");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1></div>"
		    "<a class=\"button\" href=\"/tiers\">%s</a></div>", T("Admin"), T("Numbers settings"),
		    T("See the tiers"));
	if (f->notice)
		ui_notice(r, "error", f->notice);
	html_printf(o, "<section class=\"card explainer\"><h2>%s</h2><p>%s</p></section>", T("What these settings do"),
		    T("They apply to the whole organisation: to every rep's numbers, the team pages, the tiers, the "
		      "concentration of revenue and the excuse check, on the pages and in the API."));

	html(o, "<form method=\"post\" action=\"/admin/numbers\" class=\"form settings-form\">");
	ui_csrf(r);
	html_printf(o, "<fieldset%-s><legend>%s</legend>", f->e_source ? " class=\"invalid\"" : "",
		    T("What counts as a result"));
	source_radio(r, f, "deals", T("Won deals, by the day they closed"),
		     T("Every deal closed as won counts its value on its closing day."));
	source_radio(r, f, "imported", T("Imported totals"),
		     T("The result per rep and period comes from your CRM or finance system, by import or the API."));
	if (f->e_source)
		html_printf(o, "<p class=\"field-error\">%s</p>", f->e_source);
	html(o, "</fieldset>");

	html_printf(o, "<fieldset id=\"tiers\"><legend>%s</legend><div class=\"grid-fields\">", T("Tiers"));
	for (int i = F_SUPERSTAR; i <= F_PERIODS; i++)
		number_field(r, i, f);
	html_printf(o, "</div><div><p class=\"muted\">%s</p>", T("How the tiers page states the rules now:"));
	ui_tier_rules_words(r, rules);
	html(o, "</div></fieldset>");

	html_printf(o, "<fieldset id=\"excuses\"><legend>%s</legend><div class=\"grid-fields\">", T("Excuse check"));
	number_field(r, F_SAMPLE, f);
	html(o, "</div></fieldset>");
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div></form>",
		    T("Save the settings"));
	ui_page_end(r);
}

void page_admin_numbers(struct request *r)
{
	struct numbers_settings s;
	settings_numbers(r->db, r->a, r->me.org_id, &s);
	struct settings_form f;
	memset(&f, 0, sizeof(f));
	f.source = s.source == RESULTS_IMPORTED ? "imported" : "deals";
	int v[NFIELDS] = { s.rules.superstar_pct, s.rules.superstar_share_pct, s.rules.under_pct, s.rules.under_periods,
			   s.min_sample };
	for (int i = 0; i < NFIELDS; i++)
		f.v[i] = arena_printf(r->a, "%d", v[i]);
	render(r, &f, &s.rules);
}

void page_admin_numbers_post(struct request *r)
{
	struct settings_form f;
	memset(&f, 0, sizeof(f));
	int v[NFIELDS] = { 0 };
	int bad = 0;
	const char *src = req_form(r, "source");
	f.source = src ? src : "";
	if (strcmp(f.source, "deals") && strcmp(f.source, "imported")) {
		f.e_source = T("Choose what counts as a result.");
		bad = 1;
	}
	for (int i = 0; i < NFIELDS; i++) {
		const char *raw = req_form(r, fields[i].name);
		f.v[i] = str_trim(arena_strdup(r->a, raw ? raw : ""));
		int64_t x;
		if (parse_i64(f.v[i], &x) || x < fields[i].min || x > fields[i].max) {
			f.e[i] = arena_printf(r->a, T("Enter a whole number from %d to %d."), fields[i].min, fields[i].max);
			bad = 1;
		} else {
			v[i] = (int)x;
		}
	}
	/* the two thresholds in order, whenever both are numbers in range */
	if (!f.e[F_SUPERSTAR] && !f.e[F_UNDER] && v[F_SUPERSTAR] <= v[F_UNDER]) {
		f.e[F_SUPERSTAR] = T("The superstar threshold must be above the underperformer threshold.");
		bad = 1;
	}
	struct tier_rules rules = { v[F_SUPERSTAR], v[F_SHARE], v[F_UNDER], v[F_PERIODS] };
	const char *which = NULL;
	if (!bad && tier_rules_check(&rules, &which)) {
		/* the checks above cover tier_rules_check's; should it learn a
		 * new rule, refuse rather than save what it calls wrong */
		f.notice = arena_printf(r->a, T("The tier rules do not add up (%s)."), which ? which : "?");
		bad = 1;
	}

	struct numbers_settings s;
	settings_numbers(r->db, r->a, r->me.org_id, &s);
	if (bad) {
		r->status = 400;
		if (!f.notice)
			f.notice = T("The settings were not saved. Check the fields marked below.");
		render(r, &f, &s.rules);
		return;
	}
	s.source = !strcmp(f.source, "imported") ? RESULTS_IMPORTED : RESULTS_DEALS;
	s.rules = rules;
	s.min_sample = v[F_SAMPLE];
	if (settings_numbers_save(r->db, r->me.org_id, &s)) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_redirect_done(r, "/admin/numbers", "numbers-settings-saved");
}
