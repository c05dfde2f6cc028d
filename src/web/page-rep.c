/*
 * page-rep: one rep, whole (GET /reps/:id?period=P), and the reps of a team
 * side by side on their step-or-stop figures (GET /figures/team?team=ID|
 * who=led|org&from=&to=&sort=&dir=). Issue 14: a manager who wanted to
 * understand one rep had to visit six pages, and comparing eleven reps'
 * commitment figures took 22 interactions.
 *
 * The rep page gathers what the other pages show in full — the numbers
 * against target with the tier history, the commitment figures beside the
 * team's, the strung-along deals and the excuse check — each part a short
 * summary that links to its full page with the same rep and period. It
 * computes nothing of its own: the numbers come from repnumbers.h (the
 * numbers page's loader), the figures from store/figures.c and
 * domain/commitment.c, the health from domain/commitment.c, the excuse
 * check from domain/excuses.c.
 *
 * Rights: the rep page is the rep's private data (access_private through
 * user_load_or_reply NEED_PRIVATE): the rep themself, and the manager of
 * the rep's team. The team table compares reps one by one, so it is for
 * whoever may see a group's reps one by one (repgroup.h, access_team_reps).
 */
#include "pages.h"
#include "reasonui.h"
#include "ui.h"
#include "who.h"
#include "load.h"
#include "repgroup.h"
#include "numbersui.h"
#include "export.h"
#include "repnumbers.h"
#include "../domain/excuses.h"
#include "../store/deals.h"
#include "../store/figures.h"
#include "../store/settings.h"
#include "../store/users.h"
#include "../lib/fmt.h"
#include "../lib/table.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* the strung-along deals listed on the rep page before "see all" */
#define STRUNG_SHOWN 5

/* ------------------------------------------------------------ figures rows */

/* the eight commitment figures, in the order of the figures page's cards */
enum fig {
	FIG_COMMITMENT = 0, FIG_STOP, FIG_NONE, FIG_FOLLOW, FIG_MEDIAN, FIG_WIN_UNBROKEN, FIG_WIN_BROKEN, FIG_HOURS,
	FIG_COUNT
};

static const struct {
	const char *key;		/* ?sort= */
	const char *label;		/* N_ */
	int is_rate;			/* a share (shown as %), else a number */
} figs[FIG_COUNT] = {
	{ "commitment", N_("Commitment rate"), 1 },
	{ "stop", N_("Stop rate"), 1 },
	{ "none", N_("No-commitment rate"), 1 },
	{ "follow", N_("Step follow-through"), 1 },
	{ "median", N_("Median days between steps"), 0 },
	{ "win_unbroken", N_("Win rate when steps never broke"), 1 },
	{ "win_broken", N_("Win rate of the rest"), 1 },
	{ "hours", N_("Hours spent on deals finally lost"), 0 },
};

static double fig_value(const struct commitment_figures *f, enum fig k)
{
	switch (k) {
	case FIG_COMMITMENT: return f->commitment_rate;
	case FIG_STOP: return f->stop_rate;
	case FIG_NONE: return f->none_rate;
	case FIG_FOLLOW: return f->follow_through;
	case FIG_MEDIAN: return f->median_days_between_steps;
	case FIG_WIN_UNBROKEN: return f->win_unbroken;
	case FIG_WIN_BROKEN: return f->win_broken;
	default: return f->hours_on_lost;
	}
}

static const char *fig_text(struct request *r, const struct commitment_figures *f, enum fig k)
{
	double v = fig_value(f, k);
	if (figs[k].is_rate)
		return ui_percent_text(r, v);
	if (k == FIG_MEDIAN)
		return ui_decimal_text(r, v, isfinite(v) && v != floor(v) ? 1 : 0);
	return ui_decimal_text(r, v, 1);
}

/* the figures of a scope over from..to: counts, gaps and rates */
struct figs {
	struct commitment_counts c;
	double *gaps;
	size_t ngaps;
	struct commitment_figures f;
};

static enum err figs_load(struct request *r, const struct figures_scope *sc, const char *from, const char *to,
			  struct figs *out)
{
	enum err e = figures_commitment(r->db, r->a, r->me.org_id, sc, from, to, ui_today(r), &out->c, &out->gaps,
					&out->ngaps);
	if (e)
		return e;
	/* median() sorts in place: the gaps stay ours for a total */
	double *copy = arena_alloc(r->a, (out->ngaps + 1) * sizeof(double));
	if (out->ngaps)
		memcpy(copy, out->gaps, out->ngaps * sizeof(double));
	commitment_figures_compute(&out->c, copy, out->ngaps, &out->f);
	return E_OK;
}

/* -------------------------------------------------------------- rep page */

static const char *rep_href(struct request *r, int64_t id)
{
	return arena_printf(r->a, "/reps/%lld", (long long)id);
}

void ui_rep_page_link(struct request *r, int64_t user_id, int64_t org_id, int64_t team_id, const char *name)
{
	if (!access_private(&r->viewer, &(struct person){ user_id, org_id, team_id }))
		return;
	html_printf(&r->out, " <a class=\"rep-page-link\" href=\"/reps/%lld\" aria-label=\"%s\">%s</a>", (long long)user_id,
		    arena_printf(r->a, T("Overview of %s"), name), T("Overview"));
}

static void section_head(struct request *r, const char *id, const char *title, const char *href, const char *link)
{
	html_printf(&r->out, "<section class=\"card rep-part\" id=\"%s\"><div class=\"page-head\"><h2>%s</h2>"
		    "<a class=\"button\" href=\"%s\">%s</a></div>", id, title, href, link);
}

static void render_rep_numbers(struct request *r, const struct rep_numbers *n)
{
	struct strbuf *o = &r->out;
	const char *cur = n->s->currency;
	section_head(r, "numbers", T("Numbers against target"),
		     arena_printf(r->a, "/numbers?rep=%lld&period=%s", (long long)n->u->id, n->p->label),
		     T("All numbers"));
	html(o, "<dl class=\"rep-facts\">");
	html_printf(o, "<div><dt>%s</dt><dd>%s</dd></div>", T("Target"), n->has_target ? ui_money_text(r, n->target, cur) : "–");
	html_printf(o, "<div><dt>%s</dt><dd>%s</dd></div>", T("Result"), ui_money_text(r, n->result, cur));
	html_printf(o, "<div><dt>%s</dt><dd>%s</dd></div>", T("Attainment"), ui_percent_text(r, n->a.attainment));
	html_printf(o, "<div><dt>%s</dt><dd>%s</dd></div>", T("Projection"), ui_money_text(r, n->a.projection_minor, cur));
	html_printf(o, "<div><dt>%s</dt><dd><span class=\"badge tier-badge tier-%s\">%s</span></dd></div></dl>",
		    T("Tier"), tier_code(n->h_tier[n->nhist - 1]), ui_tier_name(r, n->h_tier[n->nhist - 1]));
	html_printf(o, "<h3>%s</h3>", T("Tier history"));
	ui_table(r, rep_numbers_history_table(r, n), T("Target, result, attainment and tier in this period and the "
						       "seven before it"));
	html(o, "</section>");
}

static void render_rep_figures(struct request *r, const struct user *u, const struct period *p, const struct figs *mine,
			       const struct figs *team)
{
	struct strbuf *o = &r->out;
	section_head(r, "figures", T("Step or stop against the team"),
		     arena_printf(r->a, "/figures/commitment?rep=%lld&from=%s&to=%s", (long long)u->id, p->start, p->end),
		     T("All figures"));
	html_printf(o, "<p class=\"muted\">%s</p>",
		    arena_printf(r->a, trn(r->lang, "%lld conversation from %s to %s.", "%lld conversations from %s to %s.",
					   (long)mine->c.conversations),
				 (long long)mine->c.conversations, ui_date_text(r, p->start), ui_date_text(r, p->end)));
	html_printf(o, "<div class=\"table-wrap\"><table class=\"rep-figures\"><thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th>", T("Figure"), u->name);
	if (team)
		html_printf(o, "<th scope=\"col\" class=\"num\">%s</th>",
			    u->team_name ? arena_printf(r->a, T("Team %s"), u->team_name) : T("Team"));
	html(o, "</tr></thead><tbody>");
	for (int k = 0; k < FIG_COUNT; k++) {
		html_printf(o, "<tr><th scope=\"row\">%s</th><td class=\"num\">%s</td>", T(figs[k].label),
			    fig_text(r, &mine->f, (enum fig)k));
		if (team)
			html_printf(o, "<td class=\"num\">%s</td>", fig_text(r, &team->f, (enum fig)k));
		html(o, "</tr>");
	}
	html(o, "</tbody></table></div>");
	if (team && u->team_id && access_team_reps(&r->viewer, r->me.org_id, u->team_id))
		html_printf(o, "<p><a href=\"/figures/team?team=%lld&amp;from=%s&amp;to=%s\">%s</a></p>",
			    (long long)u->team_id, p->start, p->end, T("Compare the team's reps side by side"));
	html(o, "</section>");
}

static void render_rep_strung(struct request *r, const struct user *u, struct deal_list *all)
{
	struct strbuf *o = &r->out;
	size_t n = 0;
	int64_t minutes = 0;
	for (size_t i = 0; i < all->n; i++)
		if (all->items[i].health.strung_along) {
			n++;
			minutes += all->items[i].minutes;
		}
	section_head(r, "strung-along", T("Strung-along deals"),
		     arena_printf(r->a, "/strung-along?rep=%lld", (long long)u->id), T("All strung-along deals"));
	if (!n) {
		html_printf(o, "<p class=\"empty muted\">%s</p></section>", T("No open deal strings this rep along."));
		return;
	}
	html_printf(o, "<p>%s</p><ul class=\"rep-strung\">",
		    arena_printf(r->a, trn(r->lang, "%zu open deal strings this rep along: %s hours spent on it so far.",
					   "%zu open deals string this rep along: %s hours spent on them so far.", (long)n),
				 n, ui_decimal_text(r, (double)minutes / 60.0, 1)));
	size_t shown = 0;
	for (size_t i = 0; i < all->n && shown < STRUNG_SHOWN; i++) {
		const struct deal *d = &all->items[i];
		if (!d->health.strung_along)
			continue;
		shown++;
		html_printf(o, "<li><a href=\"/deals/%lld\">%s</a> <span class=\"muted\">%s</span></li>", (long long)d->id,
			    d->title, d->account_name ? d->account_name : "");
	}
	html(o, "</ul></section>");
}

static void render_rep_excuses(struct request *r, const struct user *u, const struct period *p,
			       const struct excuse_data *d, int min_sample)
{
	struct strbuf *o = &r->out;
	section_head(r, "excuses", T("Excuse check"),
		     arena_printf(r->a, "/excuses?rep=%lld&period=%s", (long long)u->id, p->label), T("The whole check"));
	int64_t losses = 0;
	struct strbuf stand = STRBUF_INIT;
	size_t nstand = 0;
	for (size_t i = 0; i < d->nproducts; i++) {
		const struct excuse_product *ep = &d->products[i];
		struct reason_check *ch = arena_alloc(r->a, (ep->nreasons + 1) * sizeof(*ch));
		for (size_t k = 0; k < ep->nreasons; k++) {
			ch[k].reason = ep->reasons[k];
			ch[k].rep_n = ep->rep_n[k];
			ch[k].peer_n = ep->peer_n[k];
		}
		excuse_reasons_check(ch, ep->nreasons, ep->rep_total, ep->peer_total, min_sample);
		losses += ep->rep_total;
		for (size_t k = 0; k < ep->nreasons; k++)
			if (ch[k].verdict == VERDICT_NOT_SHARED) {
				html_printf(&stand, "<li>%s: %s</li>", ep->product && *ep->product ? ep->product : T("No product"),
					    reasonui_label(r, ch[k].reason));
				nstand++;
			}
	}
	if (!losses)
		html_printf(o, "<p class=\"empty muted\">%s</p>", T("No deals lost in this period: nothing to check."));
	else if (!nstand)
		html_printf(o, "<p>%s</p>", arena_printf(r->a, trn(r->lang,
			"%lld deal lost in this period; no lost reason stands out against the peers.",
			"%lld deals lost in this period; no lost reason stands out against the peers.", (long)losses),
			(long long)losses));
	else {
		html_printf(o, "<p>%s</p><ul>", arena_printf(r->a, trn(r->lang,
			"%lld deal lost in this period. Reasons the peers do not share:",
			"%lld deals lost in this period. Reasons the peers do not share:", (long)losses), (long long)losses));
		sb_add(o, stand.buf, stand.len);
		html(o, "</ul>");
	}
	sb_release(&stand);
	html(o, "</section>");
}

void page_rep(struct request *r)
{
	struct user *u = user_load_or_reply(r, r->id, NEED_PRIVATE);
	if (!u)
		return;
	struct numbers_settings s;
	struct period p;
	if (numbers_context(r, PERIOD_QUARTER, &s, &p))
		return;
	struct rep_numbers n;
	if (rep_numbers_load(r, u, &s, &p, &n)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct figs mine, team;
	enum err e = figs_load(r, &(struct figures_scope){ u->id, 0, 0 }, p.start, p.end, &mine);
	if (!e && u->team_id)
		e = figs_load(r, &(struct figures_scope){ 0, u->team_id, 0 }, p.start, p.end, &team);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct deal_filter f = { .scope = access_deal_scope(&r->viewer), .viewer_id = r->me.user_id, .status = "open",
				 .owner_id = u->id };
	struct deal_list deals;
	if ((e = deal_list(r->db, r->a, r->me.org_id, &f, &deals))) {
		resp_store_error(r, e);
		return;
	}
	struct health_settings cfg;
	settings_health(r->db, r->me.org_id, &cfg);
	deal_assess(deals.items, deals.n, &cfg, ui_today(r));
	struct excuse_data ex;
	if ((e = excuse_data_load(r->db, r->a, r->me.org_id, u->id, &p, s.source, &ex))) {
		resp_store_error(r, e);
		return;
	}

	struct strbuf *o = &r->out;
	int own = u->id == r->me.user_id;
	ui_page_begin(r, u->name, "numbers");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s%-s%s</p>"
		    "</div></div>", own ? T("My overview") : T("Rep"), u->name,
		    u->team_name ? arena_printf(r->a, T("Team %s"), u->team_name) : T("In no team"), " · ",
		    ui_period_name(r, &p));
	html(o, "<section class=\"card num-filter\">");
	ui_period_picker(r, rep_href(r, u->id), &p, "");
	html(o, "</section>");
	render_rep_numbers(r, &n);
	render_rep_figures(r, u, &p, &mine, u->team_id ? &team : NULL);
	render_rep_strung(r, u, &deals);
	render_rep_excuses(r, u, &p, &ex, s.min_sample > 0 ? s.min_sample : 5);

	/* development (issue 8): the competency framework and assessments */
	assessments_rep_section(r, u->id);

	/* development (issue 8): a rep's profile and the team matrix */
	ui_rep_profile_summary(r, u);

	/* development (issue 8): development plans and recognition */
	plans_rep_section(r, u);

	/* learning (issue 9): the learning log and suggested or mandatory training */
	learning_rep_section(r, u);

	/* learning (issue 9): the achievement-orientation index and the team's learning */
	learning_index_rep_summary(r, u);

	/* learning (issue 9): the library */
	library_rep_section(r, u);

	/* learning (issue 9): sales meetings and the case library */
	meetings_rep_section(r, u);

	/* development (issue 8): field coaching and one-on-ones */
	coaching_rep_section(r, u);

	/* levers (issue 10): improvement plans */
	improve_rep_section(r, u);
	/* levers (issue 10): pulse — only what the rep shares */
	pulse_rep_section(r, u);
	/* levers (issue 10): kudos, spotlight, badges and streaks */
	kudos_rep_section(r, u);

	ui_page_end(r);
}

/* ------------------------------------------------------------ team table */

struct team_fig_row {
	const struct user *u;		/* NULL: the total */
	struct figs x;
};

/* the order asked (a worker thread's own, hence qsort_r) */
struct team_sort {
	enum fig key;			/* FIG_COUNT: by name */
	int desc;
};

/* by the chosen figure, nothing to count ("–") always last, then by name */
static int team_fig_cmp(const void *pa, const void *pb, void *arg)
{
	const struct team_fig_row *a = pa, *b = pb;
	const struct team_sort *so = arg;
	enum fig sort_key = so->key;
	int sort_desc = so->desc;
	if (sort_key < FIG_COUNT) {
		double va = fig_value(&a->x.f, sort_key), vb = fig_value(&b->x.f, sort_key);
		int fa = isfinite(va), fb = isfinite(vb);
		if (fa != fb)
			return fa ? -1 : 1;
		if (fa && va != vb)
			return (va < vb) == !sort_desc ? -1 : 1;
	}
	int c = strcmp(a->u->name, b->u->name);
	if (sort_key >= FIG_COUNT && sort_desc)
		c = -c;
	return c ? c : (a->u->id < b->u->id ? -1 : a->u->id > b->u->id);
}

static struct table *team_fig_table(struct request *r, const struct team_fig_row *rows, size_t n,
				    const struct team_fig_row *total, const char *from, const char *to)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "step-or-stop-reps-%s-%s", from, to), 2 + FIG_COUNT);
	table_col(t, 0, T("Rep"), CELL_TEXT);
	table_col(t, 1, T("Conversations"), CELL_INT);
	for (int k = 0; k < FIG_COUNT; k++)
		table_col(t, 2 + (size_t)k, T(figs[k].label), figs[k].is_rate ? CELL_PCT : CELL_NUM);
	for (size_t i = 0; i <= n; i++) {
		const struct team_fig_row *x = i < n ? &rows[i] : total;
		size_t row = table_row(t);
		table_text(t, row, 0, x->u ? x->u->name : T("Total"));
		table_int(t, row, 1, x->x.c.conversations);
		for (int k = 0; k < FIG_COUNT; k++) {
			double v = fig_value(&x->x.f, (enum fig)k);
			if (figs[k].is_rate)
				table_pct(t, row, 2 + (size_t)k, v);
			else if (isfinite(v))
				table_num(t, row, 2 + (size_t)k, v);
		}
	}
	return t;
}

void page_figures_team(struct request *r)
{
	struct who w;
	if (repgroup_from_query(r, &w))
		return;
	struct who_options opt;
	if (repgroup_options(r, &opt)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct day_range p;
	ui_day_range(r, 90, &p);
	const char *sort = req_query(r, "sort"), *dir = req_query(r, "dir");
	enum fig sort_key = FIG_COUNT;		/* by name */
	for (int k = 0; k < FIG_COUNT; k++)
		if (sort && !strcmp(sort, figs[k].key))
			sort_key = (enum fig)k;
	if (sort && *sort && strcmp(sort, "name") && sort_key == FIG_COUNT) {
		resp_error(r, E_INVALID, T("The table cannot be sorted by that column."));
		return;
	}
	/* a rate or a number reads best from the highest down; names from A */
	int sort_desc = dir ? !strcmp(dir, "desc") : sort_key != FIG_COUNT;
	const char *wq = w.kind == WHO_ORG ? "who=org" : w.kind == WHO_LED ? "who=led" : who_query(r, &w);

	struct strbuf *o = &r->out;
	if (p.e_from || p.e_to) {
		r->status = 400;
		ui_page_begin(r, T("Step or stop by rep"), "figures");
		ui_notice(r, "error", T("The figures cannot be shown for this period. Check the dates."));
		ui_page_end(r);
		return;
	}

	/* the reps of the group: the members of the team or of the teams the
	 * viewer leads, or every rep of the organisation */
	struct user_list ul;
	enum err e = w.kind == WHO_TEAM ? user_list_teams(r->db, r->a, r->me.org_id, &w.id, 1, 0, &ul)
		: w.kind == WHO_LED ? user_list_teams(r->db, r->a, r->me.org_id, r->viewer.led_teams, r->viewer.nled, 0, &ul)
		: user_list_org(r->db, r->a, r->me.org_id, &ul);
	if (e) {
		resp_store_error(r, e);
		return;
	}
	struct team_fig_row *rows = arena_alloc(r->a, (ul.n + 1) * sizeof(*rows));
	size_t n = 0;
	struct team_fig_row total = { NULL, { .ngaps = 0 } };
	size_t allgaps = 0;
	for (size_t i = 0; i < ul.n; i++) {
		const struct user *u = &ul.items[i];
		int dup = 0;
		for (size_t k = 0; k < n; k++)
			dup |= rows[k].u->id == u->id;
		if (dup || strcmp(u->role, "rep"))
			continue;
		rows[n].u = u;
		if ((e = figs_load(r, &(struct figures_scope){ u->id, 0, 0 }, p.from, p.to, &rows[n].x))) {
			resp_store_error(r, e);
			return;
		}
		allgaps += rows[n].x.ngaps;
		n++;
	}
	/* the total is the sum of the rows' counts, so it can be redone by
	 * hand from the table (the team's own figures would also count members
	 * who are not reps) */
	struct commitment_counts *tc = &total.x.c;
	double *gaps = arena_alloc(r->a, (allgaps + 1) * sizeof(double));
	for (size_t i = 0; i < n; i++) {
		const struct commitment_counts *c = &rows[i].x.c;
		tc->conversations += c->conversations;
		tc->steps += c->steps;
		tc->stops += c->stops;
		tc->nones += c->nones;
		tc->steps_due += c->steps_due;
		tc->steps_kept_on_time += c->steps_kept_on_time;
		tc->unbroken_won += c->unbroken_won;
		tc->unbroken_lost += c->unbroken_lost;
		tc->broken_won += c->broken_won;
		tc->broken_lost += c->broken_lost;
		tc->minutes_on_lost += c->minutes_on_lost;
		if (rows[i].x.ngaps)
			memcpy(gaps + total.x.ngaps, rows[i].x.gaps, rows[i].x.ngaps * sizeof(double));
		total.x.ngaps += rows[i].x.ngaps;
	}
	commitment_figures_compute(tc, gaps, total.x.ngaps, &total.x.f);
	qsort_r(rows, n, sizeof(*rows), team_fig_cmp, &(struct team_sort){ sort_key, sort_desc });

	if (export_wanted(r)) {
		export_send(r, team_fig_table(r, rows, n, &total, p.from, p.to));
		return;
	}

	ui_page_begin(r, T("Step or stop by rep"), "figures");
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">%s – %s</p>"
		    "</div><a class=\"button\" href=\"/figures/commitment?%s%-sfrom=%s&amp;to=%s\">%s</a></div>",
		    T("Step or stop by rep"), w.kind == WHO_TEAM ? arena_printf(r->a, T("Team %s"), w.name) : w.name,
		    ui_date_text(r, p.from), ui_date_text(r, p.to), wq, *wq ? "&amp;" : "", p.from, p.to,
		    T("The group's figures"));
	html_printf(o, "<section class=\"card fig-filter\"><form method=\"get\" action=\"/figures/team\" "
		    "class=\"form inline\" aria-label=\"%s\">", T("Whose figures and which period"));
	if (opt.n > 1)
		ui_select(r, "who", T("Whose figures"), opt.values, opt.labels, opt.n, w.value, NULL);
	ui_input(r, "from", T("From"), "date", p.from, NULL, " required");
	ui_input(r, "to", T("To"), "date", p.to, NULL, " required");
	if (sort && *sort)
		html_printf(o, "<input type=\"hidden\" name=\"sort\" value=\"%s\"><input type=\"hidden\" name=\"dir\" "
			    "value=\"%s\">", sort, sort_desc ? "desc" : "asc");
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></section>", T("Show"));

	html_printf(o, "<section class=\"card\" id=\"reps\"><h2>%s</h2>", T("The reps side by side"));
	if (!n) {
		html_printf(o, "<p class=\"empty muted\">%s</p></section>", T("There are no reps here yet."));
		ui_page_end(r);
		return;
	}
	/* a header sorts by its column; the column sorted by sorts the other way */
	const char *base = arena_printf(r->a, "/figures/team?%s%-sfrom=%s&amp;to=%s", wq, *wq ? "&amp;" : "", p.from, p.to);
	html_printf(o, "<p class=\"muted\">%s</p><div class=\"table-wrap\"><table class=\"fig-team\"><thead><tr>",
		    T("Click a column's name to sort by it. The total row adds up the reps' counts."));
	for (int k = -1; k < FIG_COUNT; k++) {
		int cur = k < 0 ? sort_key == FIG_COUNT : sort_key == (enum fig)k;
		const char *key = k < 0 ? "name" : figs[k].key;
		int next_desc = cur ? !sort_desc : k >= 0;
		html_printf(o, "<th scope=\"col\"%-s%-s><a href=\"%-s&amp;sort=%s&amp;dir=%s\">%s</a></th>",
			    k < 0 ? "" : " class=\"num\"",
			    cur ? (sort_desc ? " aria-sort=\"descending\"" : " aria-sort=\"ascending\"") : "",
			    base, key, next_desc ? "desc" : "asc", k < 0 ? T("Rep") : T(figs[k].label));
		if (k < 0)
			html_printf(o, "<th scope=\"col\" class=\"num\">%s</th>", T("Conversations"));
	}
	html(o, "</tr></thead><tbody>");
	for (size_t i = 0; i <= n; i++) {
		const struct team_fig_row *x = i < n ? &rows[i] : &total;
		if (i == n)
			html(o, "</tbody><tfoot>");
		if (x->u && access_private(&r->viewer, &(struct person){ x->u->id, x->u->org_id, x->u->team_id }))
			html_printf(o, "<tr><th scope=\"row\"><a href=\"/reps/%lld\">%s</a></th>", (long long)x->u->id, x->u->name);
		else
			html_printf(o, "<tr><th scope=\"row\">%s</th>", x->u ? x->u->name : T("Total"));
		html_printf(o, "<td class=\"num\">%lld</td>", (long long)x->x.c.conversations);
		for (int k = 0; k < FIG_COUNT; k++)
			html_printf(o, "<td class=\"num\">%s</td>", fig_text(r, &x->x.f, (enum fig)k));
		html(o, "</tr>");
	}
	html(o, "</tfoot></table></div>");
	ui_export_links(r);
	html_printf(o, "<p class=\"muted fig-basis\">%s</p></section>",
		    T("Each rep's figures count as on the figures page: conversations and steps in the period, win rates "
		      "and hours on the deals closed in it. “–” means there is nothing to count yet."));
	ui_page_end(r);
}
