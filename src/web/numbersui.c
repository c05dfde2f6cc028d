/*
 * numbersui: what the numbers pages share (see numbersui.h) — the tab bar,
 * the period every page reads first, the period picker, the period's name
 * in words and the tier rules in words.
 *
 * The period comes from the query: ?period=LABEL ("2026-11", "2026-Q1",
 * "FY2026") names one exactly; without it, ?kind= (month, quarter, year)
 * and ?day= (a day inside the wanted period, today when absent) pick the
 * period of that kind holding the day. The picker's form sends kind and
 * day, so switching from a quarter to months lands in a month of the
 * quarter being looked at rather than jumping back to today.
 *
 * One rule for every numbers page: without ?period= or ?day=, the period
 * of today — unless it has no numbers (no target, no result) for the
 * viewer's own scope while an earlier one has, as after importing last
 * year's history: then the latest period with numbers, and the picker says
 * why it is not today's.
 */
#include "numbersui.h"
#include "ui.h"
#include "../lib/fmt.h"
#include "../lib/util.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct tab {
	const char *key, *href, *label;
	enum role min;
	int about_rep;			/* one rep's page (else a group's) */
};

static const struct tab tabs[] = {
	{ "numbers", "/numbers", N_("My numbers"), ROLE_REP, 1 },
	{ "team", "/numbers/team", N_("Team"), ROLE_MANAGER, 0 },
	{ "targets", "/targets", N_("Targets"), ROLE_MANAGER, 0 },
	{ "tiers", "/tiers", N_("Tiers"), ROLE_MANAGER, 0 },
	{ "concentration", "/concentration", N_("Concentration"), ROLE_MANAGER, 0 },
	{ "excuses", "/excuses", N_("Excuse check"), ROLE_REP, 1 },
};

/* the id of ?NAME=ID or of ?who=NAME:ID, as text; NULL when neither */
static const char *subject_id(struct request *r, const char *name)
{
	const char *v = req_query(r, name), *who = req_query(r, "who");
	size_t n = strlen(name);
	if (!(v && *v) && who && !strncmp(who, name, n) && who[n] == ':')
		v = who + n + 1;
	if (!v || !*v || strlen(v) > 19)
		return NULL;
	for (const char *c = v; *c; c++)
		if (*c < '0' || *c > '9')
			return NULL;
	return v;
}

void ui_numbers_tabs(struct request *r, const char *active)
{
	struct strbuf *o = &r->out;
	/* the period travels from tab to tab, so a manager comparing a quarter
	 * stays in that quarter; so does the rep looked at (to the rep's
	 * pages) and the team (to the team's). ?rep=ID and ?who=rep:ID are the
	 * same rep. The pages check the rights again. */
	const char *period = req_query(r, "period");
	int keep = period && *period && strlen(period) < 12;
	for (const char *c = keep ? period : ""; *c; c++)
		if (!((*c >= '0' && *c <= '9') || (*c >= 'A' && *c <= 'Z') || *c == '-'))
			keep = 0;
	const char *rep = subject_id(r, "rep"), *team = subject_id(r, "team");
	html_printf(o, "<nav class=\"num-tabs\" aria-label=\"%s\"><ul>", T("Numbers"));
	for (size_t i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++) {
		if (r->viewer.role < tabs[i].min)
			continue;
		int cur = active && !strcmp(active, tabs[i].key);
		struct strbuf q = STRBUF_INIT;
		if (keep)
			sb_addf(&q, "period=%s", period);
		const char *id = tabs[i].about_rep ? rep : team;
		if (id)
			sb_addf(&q, "%s%s=%s", q.len ? "&" : "", tabs[i].about_rep ? "rep" : "team", id);
		html_printf(o, "<li><a href=\"%s%-s%s\"%-s>%s</a></li>", tabs[i].href, q.len ? "?" : "", q.len ? q.buf : "",
			    cur ? " aria-current=\"page\"" : "", T(tabs[i].label));
		sb_release(&q);
	}
	html(o, "</ul></nav>");
}

int numbers_context(struct request *r, enum period_kind default_kind, struct numbers_settings *s, struct period *p)
{
	settings_numbers(r->db, r->a, r->me.org_id, s);
	const char *label = req_query(r, "period");
	if (label && *label) {
		if (period_parse(label, s->fiscal_start_month, p)) {
			resp_error(r, E_INVALID,
				   arena_printf(r->a, T("“%s” is not a period. Write a month as 2026-11, a quarter as "
							"2026-Q1 or a fiscal year as FY2026."), label));
			return -1;
		}
		return 0;
	}
	enum period_kind kind = default_kind;
	const char *k = req_query(r, "kind");
	if (k && *k) {
		int pk = period_kind_parse(k);
		if (pk < 0) {
			resp_error(r, E_INVALID, T("Choose month, quarter or year as the kind of period."));
			return -1;
		}
		kind = (enum period_kind)pk;
	}
	const char *day = req_query(r, "day");
	if (day && *day) {
		if (!date_valid(day)) {
			resp_error(r, E_INVALID, T("The day must be a date (YYYY-MM-DD)."));
			return -1;
		}
		period_containing(kind, day, s->fiscal_start_month, p);
		return 0;
	}
	day = ui_today(r);
	period_containing(kind, day, s->fiscal_start_month, p);
	/* the viewer's own default scope (access_default_scope: an admin the
	 * organisation, a manager the teams they lead, anyone else themself),
	 * never someone named in the query: the choice of period must not tell
	 * about numbers one may not see */
	struct numbers_scope own = { 0, 0, 0 };
	switch (access_default_scope(&r->viewer)) {
	case DEFAULT_ORG: break;
	case DEFAULT_LED: own.manager_id = r->me.user_id; break;
	default: own.rep_id = r->me.user_id; break;
	}
	const char *latest;
	if (!numbers_latest_data_day(r->db, r->a, r->me.org_id, &own, s->source, p->end, &latest) && *latest &&
	    strcmp(latest, p->start) < 0)
		period_containing(kind, latest, s->fiscal_start_month, p);
	return 0;
}

/* %XX and '+' of a query value, into the arena */
static char *url_decode(struct request *r, const char *s, size_t n)
{
	char *d = arena_alloc(r->a, n + 1), *q = d;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			*q++ = ' ';
		} else if (s[i] == '%' && i + 2 < n && isxdigit((unsigned char)s[i + 1]) &&
			   isxdigit((unsigned char)s[i + 2])) {
			char hex[3] = { s[i + 1], s[i + 2], 0 };
			*q++ = (char)strtol(hex, NULL, 16);
			i += 2;
		} else {
			*q++ = s[i];
		}
	}
	*q = 0;
	return d;
}

/* the pairs of hidden_query ("rep=5&team=3") as hidden inputs */
static void hidden_inputs(struct request *r, const char *q)
{
	while (q && *q) {
		const char *amp = strchr(q, '&');
		size_t n = amp ? (size_t)(amp - q) : strlen(q);
		const char *eq = memchr(q, '=', n);
		if (eq && eq > q) {
			const char *k = url_decode(r, q, (size_t)(eq - q));
			const char *v = url_decode(r, eq + 1, n - (size_t)(eq - q) - 1);
			/* the picker sets these itself */
			if (strcmp(k, "period") && strcmp(k, "kind") && strcmp(k, "day"))
				html_printf(&r->out, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", k, v);
		}
		q = amp ? amp + 1 : NULL;
	}
}

void ui_period_picker(struct request *r, const char *action, const struct period *p, const char *hidden_query)
{
	struct strbuf *o = &r->out;
	struct numbers_settings s;
	settings_numbers(r->db, r->a, r->me.org_id, &s);
	struct period prev, next;
	period_prev(p, s.fiscal_start_month, &prev);
	period_next(p, s.fiscal_start_month, &next);
	const char *hq = hidden_query && *hidden_query ? hidden_query : "";
	const char *amp = *hq ? "&" : "";
	const char *today = ui_today(r);
	int current = strcmp(today, p->start) >= 0 && strcmp(today, p->end) <= 0;
	/* numbers_context moved away from today's period: say so */
	if (!current && !req_query(r, "period") && !req_query(r, "day")) {
		struct period now;
		period_containing(p->kind, today, s.fiscal_start_month, &now);
		html_printf(o, "<p class=\"notice info\" id=\"latest-period\">%s</p>",
			    arena_printf(r->a, T("%s has no targets or results yet. This is %s, the latest period with numbers."),
					 ui_period_name(r, &now), ui_period_name(r, p)));
	}

	html_printf(o, "<div class=\"period-picker\" role=\"group\" aria-label=\"%s\">", T("Period"));
	html_printf(o, "<div class=\"pp-step\"><a class=\"button small\" rel=\"prev\" href=\"%s?period=%s%s%s\" "
		    "title=\"%s\"><span aria-hidden=\"true\">‹</span><span class=\"sr-only\">%s</span></a>",
		    action, prev.label, amp, hq, ui_period_name(r, &prev), T("Previous period"));
	html_printf(o, "<span class=\"pp-label\"><strong>%s</strong>", ui_period_name(r, p));
	if (!current)
		html_printf(o, " <a class=\"pp-now\" href=\"%s?kind=%s%s%s\">%s</a>", action, period_kind_code(p->kind), amp,
			    hq, T("back to today"));
	html(o, "</span>");
	html_printf(o, "<a class=\"button small\" rel=\"next\" href=\"%s?period=%s%s%s\" title=\"%s\">"
		    "<span class=\"sr-only\">%s</span><span aria-hidden=\"true\">›</span></a></div>",
		    action, next.label, amp, hq, ui_period_name(r, &next), T("Next period"));

	/* switching the kind keeps the day being looked at: today when it lies
	 * in the period shown, else the period's first day */
	html_printf(o, "<form method=\"get\" action=\"%s\" class=\"pp-kind\">", action);
	hidden_inputs(r, hq);
	html_printf(o, "<input type=\"hidden\" name=\"day\" value=\"%s\">", current ? today : p->start);
	static const char *const kinds[] = { "month", "quarter", "year" };
	const char *labels[] = { T("Month"), T("Quarter"), T("Year") };
	html_printf(o, "<label class=\"sr-only\" for=\"f-pp-kind\">%s</label><select id=\"f-pp-kind\" name=\"kind\">",
		    T("Kind of period"));
	for (int i = 0; i < 3; i++)
		html_printf(o, "<option value=\"%s\"%-s>%s</option>", kinds[i], (int)p->kind == i ? " selected" : "",
			    labels[i]);
	html_printf(o, "</select><button class=\"button small\" type=\"submit\">%s</button></form>", T("Show"));
	/* straight to any period, without clicking back nine times */
	html_printf(o, "<form method=\"get\" action=\"%s\" class=\"pp-go\">", action);
	hidden_inputs(r, hq);
	html_printf(o, "<label class=\"sr-only\" for=\"f-pp-go\">%s</label>"
		    "<input id=\"f-pp-go\" name=\"period\" size=\"8\" maxlength=\"11\" placeholder=\"%s\" "
		    "title=\"%s\" autocomplete=\"off\" spellcheck=\"false\">"
		    "<button class=\"button small\" type=\"submit\">%s</button></form></div>",
		    T("Go to period"), p->label, T("A month as 2026-11, a quarter as 2026-Q1, a fiscal year as FY2026"),
		    T("Go"));
}

const char *ui_period_name(struct request *r, const struct period *p)
{
	int y0 = atoi(p->start), m0 = atoi(p->start + 5);
	int y1 = atoi(p->end), m1 = atoi(p->end + 5);
	enum lang l = r->lang;
	switch (p->kind) {
	case PERIOD_MONTH:
		return arena_printf(r->a, "%s %d", month_name(l, m0, 0), y0);
	case PERIOD_QUARTER: {
		int q = atoi(p->label + 6);
		const char *span = y0 == y1
			? arena_printf(r->a, "%s–%s %d", month_name(l, m0, 1), month_name(l, m1, 1), y1)
			: arena_printf(r->a, "%s %d–%s %d", month_name(l, m0, 1), y0, month_name(l, m1, 1), y1);
		/* TRANSLATORS: a fiscal quarter: "Q1 2026 (Jul–Sep 2026)" */
		return arena_printf(r->a, T("Q%d %d (%s)"), q, atoi(p->label), span);
	}
	case PERIOD_YEAR:
	default:
		/* a fiscal year that is the calendar year needs no months in brackets */
		if (m0 == 1)
			return arena_printf(r->a, T("FY%d"), y0);
		/* TRANSLATORS: a fiscal year: "FY2026 (Jul 2026–Jun 2027)" */
		return arena_printf(r->a, T("FY%d (%s)"), y0,
				    arena_printf(r->a, "%s %d–%s %d", month_name(l, m0, 1), y0, month_name(l, m1, 1), y1));
	}
}

static const char *pct_text(struct request *r, int pct)
{
	struct strbuf sb = STRBUF_INIT;
	fmt_percent(&sb, r->lang, pct / 100.0, 0);
	char *s = arena_strdup(r->a, sb.buf);
	sb_release(&sb);
	return s;
}

void ui_tier_rules_words(struct request *r, const struct tier_rules *t)
{
	struct strbuf *o = &r->out;
	const char *star = arena_printf(r->a, T("at least %s of target"), pct_text(r, t->superstar_pct));
	if (t->superstar_share_pct > 0)
		star = arena_printf(r->a, T("%s, or at least %s of their team's revenue in the period"), star,
				    pct_text(r, t->superstar_share_pct));
	const char *under = t->under_periods <= 1
		? arena_printf(r->a, T("below %s of target in the period"), pct_text(r, t->under_pct))
		: arena_printf(r->a, trn(r->lang, "below %s of target in %d period in a row",
					 "below %s of target in %d periods in a row", t->under_periods),
			       pct_text(r, t->under_pct), t->under_periods);
	html_printf(o, "<ul class=\"tier-rules\">"
		    "<li class=\"tier-superstar\"><strong>%s</strong> %s.</li>"
		    "<li class=\"tier-under\"><strong>%s</strong> %s.</li>"
		    "<li class=\"tier-at-risk\"><strong>%s</strong> %s</li>"
		    "<li class=\"tier-core\"><strong>%s</strong> %s</li>"
		    "<li class=\"tier-none\"><strong>%s</strong> %s</li></ul>",
		    T("Superstar:"), star, T("Underperformer:"), under,
		    T("At risk:"), t->under_periods <= 1 ? T("never: one period below the line makes an underperformer.")
		    : arena_printf(r->a, T("below %s of target in this period, but not yet in a row."),
				   pct_text(r, t->under_pct)),
		    T("Core:"), T("everyone else with a target."),
		    T("No tier:"), t->superstar_share_pct > 0 ? T("no target in the period, and not a superstar by share.")
							    : T("no target in the period."));
}

void ui_chart(struct request *r, const char *id, const char *aria_label, json_t *spec)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"chart-box\"><canvas data-chart=\"%s\" role=\"img\" aria-label=\"%s\"></canvas></div>",
		    id, aria_label);
	ui_json_script(r, id, spec);
}
