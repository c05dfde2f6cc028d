/*
 * page-excuses: the excuse check (GET /excuses?rep=ID&period=P). Reps who
 * miss their numbers often have a reason that sounds true — "my territory
 * is hard", "we are too expensive". The article's test is simple: do the
 * peers who work under the same conditions have the same problem? If the
 * reps in the same territory reach their targets, the territory is not the
 * reason; if the peers selling the same product rarely lose on price, price
 * is not the reason either.
 *
 * Two sections: attainment beside the median of peers in the same territory
 * and in the same segment, and the lost reasons per product beside those of
 * peers selling the same product in the same territory. The rules
 * (domain/excuses.h) mark small samples as too small rather than showing
 * them as truths; the smallest sample is the organisation's setting. The
 * reasons table downloads as CSV or Excel.
 *
 * Whose check: a rep their own (a colleague's is 403, web/who.c); a manager
 * picks one of the reps they lead, an admin anyone.
 */
#include "pages.h"
#include "reasonui.h"
#include "ui.h"
#include "who.h"
#include "numbersui.h"
#include "export.h"
#include "../domain/excuses.h"
#include "../domain/commitment.h"
#include "../lib/fmt.h"
#include "../lib/table.h"
#include <ctype.h>
#include <math.h>
#include <string.h>

/* one product's reasons, checked */
struct product_check {
	const struct excuse_product *p;
	struct reason_check *checks;
	size_t n;
};

static const char *reason_name(struct request *r, const char *code)
{
	return reasonui_label(r, code);
}

/* the reason's name inside a sentence: "price" rather than "Price" (the
 * labels of all three languages start with an ASCII capital) */
static const char *reason_lower(struct request *r, const char *code)
{
	char *s = arena_strdup(r->a, reason_name(r, code));
	if (isupper((unsigned char)s[0]) && !isupper((unsigned char)s[1]))
		s[0] = (char)tolower((unsigned char)s[0]);
	return s;
}

static const char *product_name(struct request *r, const char *product)
{
	return product && *product ? product : T("Deals without a product");
}

/* the peers a product is compared with, in words */
static const char *peers_phrase(struct request *r, const struct excuse_data *d, const char *product)
{
	int has_product = product && *product, has_territory = d->rep.territory && *d->rep.territory;
	if (has_territory)
		return has_product ? arena_printf(r->a, T("peers selling %s in %s"), product, d->rep.territory)
				   : arena_printf(r->a, T("peers in %s"), d->rep.territory);
	return has_product ? arena_printf(r->a, T("other reps selling %s"), product) : T("other reps");
}

static const char *verdict_words(struct request *r, const struct reason_check *c, const struct excuse_product *p,
				 int min_sample)
{
	switch (c->verdict) {
	case VERDICT_NOT_SHARED: return T("Not shared by peers: the excuse does not hold");
	case VERDICT_SHARED: return T("Shared by peers");
	case VERDICT_NO_REASON: return T("No reason recorded: nothing to judge");
	case VERDICT_TOO_SMALL:
		if (p->rep_total < min_sample)
			return arena_printf(r->a, T("Too few lost deals to tell (%lld of the %d needed)"),
					    (long long)p->rep_total, min_sample);
		return arena_printf(r->a, T("Too few lost deals of peers to tell (%lld of the %d needed)"),
				    (long long)p->peer_total, min_sample);
	default: return T("No losses for this reason");
	}
}

static void render_head(struct request *r, const struct who *w, const struct who_options *opt,
			const struct period *p, const struct rep_row *rep)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\">%s</p><h1>%s</h1><p class=\"muted\">",
		    T("Numbers"), T("Excuse check"));
	if (rep) {
		html_printf(o, "%s · %s", rep->name, ui_period_name(r, p));
		if (rep->team_name && *rep->team_name)
			html_printf(o, " · %s", arena_printf(r->a, T("Team %s"), rep->team_name));
	} else {
		html_txt(o, ui_period_name(r, p));
	}
	html(o, "</p></div></div>");
	ui_numbers_tabs(r, "excuses");
	html(o, "<section class=\"card fig-filter\">");
	if (opt->n) {
		html_printf(o, "<form method=\"get\" action=\"/excuses\" class=\"form inline\" aria-label=\"%s\">",
			    T("Whose excuse check"));
		/* before a rep is chosen the select says so, rather than showing
		 * the first rep while the page asks to choose one (issue 14) */
		const char **values = arena_alloc(r->a, (opt->n + 1) * sizeof(char *));
		const char **labels = arena_alloc(r->a, (opt->n + 1) * sizeof(char *));
		size_t n = 0;
		if (!w) {
			values[n] = "";
			labels[n++] = T("— choose a rep —");
		}
		for (size_t i = 0; i < opt->n; i++, n++) {
			values[n] = opt->values[i];
			labels[n] = opt->labels[i];
		}
		ui_select(r, "who", T("Rep"), values, labels, n, w ? w->value : "", NULL);
		html_printf(o, "<input type=\"hidden\" name=\"period\" value=\"%s\">"
			    "<div class=\"actions\"><button class=\"button small\" type=\"submit\">%s</button></div></form>",
			    p->label, T("Show"));
	}
	ui_period_picker(r, "/excuses", p, w ? who_query(r, w) : "");
	html(o, "</section>");
}

/* one box of section 1: the rep beside the peers of a territory or segment */
static void peer_box(struct request *r, int self, const char *rep_name, const char *title, const char *where,
		     double rep_att, double *peers, size_t npeers, int min_sample, int is_territory)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"peer-box\"><h3>%s</h3>", title);
	if (!where || !*where) {
		html_printf(o, "<p class=\"muted\">%s</p></div>",
			    is_territory ? T("The team has no territory, so there are no peers to compare with. An admin sets "
					     "it on the team's page.")
					 : T("The team has no segment, so there are no peers to compare with. An admin sets "
					     "it on the team's page."));
		return;
	}
	struct excuse_attainment ea;
	excuse_attainment_check(rep_att, peers, npeers, min_sample, &ea);
	if (ea.too_small) {
		html_printf(o, "<p class=\"too-small\"><strong>%s</strong></p>",
			    arena_printf(r->a, T("Too few peers to compare (%zu of the %d needed)"), ea.peers, min_sample));
		html_printf(o, "<p class=\"muted\">%s</p></div>",
			    T("With so few, a median says more about one or two people than about the conditions."));
		return;
	}
	html_printf(o, "<p><span class=\"big\">%s</span> <span class=\"muted\">%s</span></p>", ui_percent_text(r, ea.peers_median),
		    arena_printf(r->a, trn(r->lang, "median of %zu peer", "median of %zu peers", (long)ea.peers), ea.peers));
	if (isfinite(ea.normalised)) {
		const char *x = ui_decimal_text(r, ea.normalised, 1);
		const char *line;
		if (is_territory)
			line = self ? arena_printf(r->a, T("You are at %s× the territory's median."), x)
				    : arena_printf(r->a, T("%s is at %s× the territory's median."), rep_name, x);
		else
			line = self ? arena_printf(r->a, T("You are at %s× the segment's median."), x)
				    : arena_printf(r->a, T("%s is at %s× the segment's median."), rep_name, x);
		html_printf(o, "<p><strong>%s</strong></p>", line);
	}
	html(o, "</div>");
}

static void render_attainment(struct request *r, int self, const struct excuse_data *d, int min_sample)
{
	struct strbuf *o = &r->out;
	double rep_att = d->has_target ? d->rep_attainment : NAN;
	html_printf(o, "<section class=\"card\" id=\"attainment\"><h2>%s</h2><p class=\"muted\">%s</p><div class=\"peer-grid\">",
		    T("Attainment beside peers"),
		    T("If the territory or the segment were the reason, the peers working under the same conditions would "
		      "be short of their targets too."));
	html_printf(o, "<div class=\"peer-box\"><h3>%s</h3>", self ? T("Your attainment")
								  : arena_printf(r->a, T("Attainment of %s"), d->rep.name));
	if (isfinite(rep_att))
		html_printf(o, "<p><span class=\"big\">%s</span></p></div>", ui_percent_text(r, rep_att));
	else
		html_printf(o, "<p class=\"muted\">%s</p></div>", T("No target in this period, so there is nothing to compare."));
	peer_box(r, self, d->rep.name,
		 d->rep.territory && *d->rep.territory ? arena_printf(r->a, T("Territory: %s"), d->rep.territory)
						       : T("Territory"),
		 d->rep.territory, rep_att, d->territory_peers, d->nterritory, min_sample, 1);
	peer_box(r, self, d->rep.name,
		 d->rep.segment && *d->rep.segment ? arena_printf(r->a, T("Segment: %s"), d->rep.segment) : T("Segment"),
		 d->rep.segment, rep_att, d->segment_peers, d->nsegment, min_sample, 0);
	html(o, "</div></section>");
}

static void render_reasons(struct request *r, int self, const struct excuse_data *d, const struct product_check *pc,
			   size_t np, int min_sample)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"reasons\"><h2>%s</h2><p class=\"muted\">%s</p>",
		    T("Lost deals by reason, beside peers"),
		    T("For each product, the share of the lost deals per reason, beside the peers who sell the same product "
		      "in the same territory. If peers rarely lose on a reason, it says more about how the deals were "
		      "worked than about the market."));
	if (!np) {
		html_printf(o, "<p class=\"empty\">%s</p></section>", T("No lost deals in this period: there is nothing to check."));
		return;
	}
	/* the findings first, in sentences */
	size_t nfind = 0;
	for (size_t i = 0; i < np; i++)
		for (size_t k = 0; k < pc[i].n; k++) {
			const struct reason_check *c = &pc[i].checks[k];
			if (c->verdict != VERDICT_NOT_SHARED)
				continue;
			if (!nfind++)
				html(o, "<ul class=\"findings\">");
			const char *why = reason_lower(r, c->reason), *peers = peers_phrase(r, d, pc[i].p->product);
			html_printf(o, "<li>%s</li>",
				    self ? arena_printf(r->a, T("You lost %1$s on %2$s; %3$s lost %4$s on %2$s."),
							ui_percent_text(r, c->rep_share), why, peers, ui_percent_text(r, c->peer_share))
					 : arena_printf(r->a, T("%1$s lost %2$s on %3$s; %4$s lost %5$s on %3$s."), d->rep.name,
							ui_percent_text(r, c->rep_share), why, peers, ui_percent_text(r, c->peer_share)));
		}
	if (nfind)
		html(o, "</ul>");

	const char *mine = self ? T("Your losses") : arena_printf(r->a, T("Losses of %s"), d->rep.name);
	for (size_t i = 0; i < np; i++) {
		const struct excuse_product *p = pc[i].p;
		const char *counts = self
			? arena_printf(r->a, T("Your lost deals: %lld · %s: %lld"), (long long)p->rep_total,
				       peers_phrase(r, d, p->product), (long long)p->peer_total)
			: arena_printf(r->a, T("Lost deals of %s: %lld · %s: %lld"), d->rep.name, (long long)p->rep_total,
				       peers_phrase(r, d, p->product), (long long)p->peer_total);
		html_printf(o, "<div class=\"product-check\"><h3>%s</h3><p class=\"muted\">%s</p>",
			    product_name(r, p->product), counts);
		if (p->rep_total > 0 && !excuse_recorded_losses(pc[i].checks, pc[i].n))
			html_printf(o, "<p class=\"notice info\" id=\"no-reasons\">%s</p>",
				    T("None of these lost deals has a reason recorded: there is nothing to judge. "
				      "Record the lost reason when a deal is closed as lost."));
		html_printf(o, "<div class=\"table-wrap\"><table class=\"reasons\"><thead><tr><th scope=\"col\">%s</th>"
			    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th>"
			    "</tr></thead><tbody>", T("Reason"), mine, T("Peers"), T("Verdict"));
		for (size_t k = 0; k < pc[i].n; k++) {
			const struct reason_check *c = &pc[i].checks[k];
			/* too few peer losses are not shown: they could be one colleague's */
			const char *peers = p->peer_total < min_sample
				? "–" : arena_printf(r->a, "%lld (%s)", (long long)c->peer_n,
						      ui_percent_text(r, c->peer_share));
			html_printf(o, "<tr%-s><th scope=\"row\">%s</th><td class=\"num\">%lld (%s)</td><td class=\"num\">%s</td>"
				    "<td class=\"verdict%-s\">%s</td></tr>",
				    c->verdict == VERDICT_NOT_SHARED ? " class=\"not-shared\"" : "", reason_name(r, c->reason),
				    (long long)c->rep_n, ui_percent_text(r, c->rep_share), peers,
				    c->verdict == VERDICT_TOO_SMALL ? " too-small"
				    : c->verdict == VERDICT_NONE || c->verdict == VERDICT_NO_REASON ? " muted" : "",
				    verdict_words(r, c, p, min_sample));
		}
		html(o, "</tbody></table></div></div>");
	}
	ui_export_links(r);
	html(o, "</section>");
}

static void render_rules(struct request *r, int min_sample)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card explainer\" id=\"rules\"><h2>%s</h2><ul><li>%s</li><li>%s</li><li>%s</li></ul>",
		    T("How the excuse check decides"),
		    arena_printf(r->a, T("Attainment: the result over the target, beside the median of the other reps with a "
					 "target in teams of the same territory, and of the same segment. Normalised: the "
					 "attainment divided by that median. Fewer than %d peers are too few to compare."),
				 min_sample),
		    T("Lost reasons: per product, each reason's share of the lost deals, beside the same share of the peers "
		      "selling that product in the same territory (all other reps when the team has no territory). A reason "
		      "is not shared by peers — the excuse does not hold — when its share is at least twice the peers' "
		      "share and at least 15 percentage points higher; otherwise it is shared by peers."),
		    arena_printf(r->a, T("Fewer than %d lost deals of a product, of the rep or of the peers, are too few to "
					 "tell: such a sample is marked as too small rather than shown as a truth."),
				 min_sample));
	if (r->viewer.role == ROLE_ADMIN)
		html_printf(o, "<p><a href=\"/admin/numbers\">%s</a></p>", T("Change the smallest sample"));
	html(o, "</section>");
}

static struct table *export_table(struct request *r, int self, const struct product_check *pc, size_t np, const struct period *p, int min_sample)
{
	struct table *t = table_new(r->a, arena_printf(r->a, "excuses-%s", p->label), 7);
	table_col(t, 0, T("Product"), CELL_TEXT);
	table_col(t, 1, T("Reason"), CELL_TEXT);
	table_col(t, 2, self ? T("Your lost deals") : T("Rep's lost deals"), CELL_INT);
	table_col(t, 3, self ? T("Your share") : T("Rep's share"), CELL_PCT);
	table_col(t, 4, T("Peers' lost deals"), CELL_INT);
	table_col(t, 5, T("Peers' share"), CELL_PCT);
	table_col(t, 6, T("Verdict"), CELL_TEXT);
	for (size_t i = 0; i < np; i++)
		for (size_t k = 0; k < pc[i].n; k++) {
			const struct reason_check *c = &pc[i].checks[k];
			size_t row = table_row(t);
			table_text(t, row, 0, product_name(r, pc[i].p->product));
			table_text(t, row, 1, reason_name(r, c->reason));
			table_int(t, row, 2, c->rep_n);
			table_pct(t, row, 3, c->rep_share);
			if (pc[i].p->peer_total >= min_sample) {
				table_int(t, row, 4, c->peer_n);
				table_pct(t, row, 5, c->peer_share);
			}
			table_text(t, row, 6, verdict_words(r, c, pc[i].p, min_sample));
		}
	return t;
}

/* a manager or admin who named nobody: the picker of reps */
static void render_pick(struct request *r, const struct who_options *opt, const struct period *p, const char *note,
			int min_sample)
{
	ui_page_begin(r, T("Excuse check"), "numbers");
	render_head(r, NULL, opt, p, NULL);
	ui_notice(r, "info", note);
	render_rules(r, min_sample);
	ui_page_end(r);
}

void page_excuses(struct request *r)
{
	struct who w;
	int got = who_from_query(r, &w);
	if (got < 0)
		return;
	struct numbers_settings s;
	struct period p;
	if (numbers_context(r, PERIOD_QUARTER, &s, &p))
		return;
	struct who_options all, opt = { NULL, NULL, 0 };
	if (who_options(r, WHO_OPT_REPS_ONLY, &all)) {
		resp_store_error(r, E_OK);
		return;
	}
	/* only single reps: the check is about one person */
	if (all.n) {
		opt.values = all.values;
		opt.labels = all.labels;
		for (size_t i = 0; i < all.n; i++)
			if (!strncmp(all.values[i], "rep:", 4)) {
				opt.values[opt.n] = all.values[i];
				opt.labels[opt.n++] = all.labels[i];
			}
	}
	int min_sample = s.min_sample > 0 ? s.min_sample : 5;
	if (got && w.kind != WHO_REP) {
		render_pick(r, &opt, &p, T("The excuse check is about one rep at a time: choose a rep."), min_sample);
		return;
	}
	if (!got) {
		if (r->viewer.role != ROLE_REP && opt.n) {
			render_pick(r, &opt, &p, T("Choose one of your reps to see their excuse check."), min_sample);
			return;
		}
		if (who_set(r, &w, WHO_REP, r->me.user_id)) {
			resp_store_error(r, E_OK);
			return;
		}
	}
	int self = w.id == r->me.user_id;

	struct excuse_data d;
	if (excuse_data_load(r->db, r->a, r->me.org_id, w.id, &p, s.source, &d)) {
		resp_store_error(r, E_OK);
		return;
	}
	if (!d.rep.name)
		d.rep.name = w.name;
	struct product_check *pc = arena_alloc(r->a, (d.nproducts + 1) * sizeof(*pc));
	for (size_t i = 0; i < d.nproducts; i++) {
		const struct excuse_product *ep = &d.products[i];
		pc[i].p = ep;
		pc[i].n = ep->nreasons;
		pc[i].checks = arena_alloc(r->a, (ep->nreasons + 1) * sizeof(struct reason_check));
		for (size_t k = 0; k < ep->nreasons; k++) {
			pc[i].checks[k].reason = ep->reasons[k];
			pc[i].checks[k].rep_n = ep->rep_n[k];
			pc[i].checks[k].peer_n = ep->peer_n[k];
		}
		excuse_reasons_check(pc[i].checks, pc[i].n, ep->rep_total, ep->peer_total, min_sample);
	}

	if (export_wanted(r)) {
		export_send(r, export_table(r, self, pc, d.nproducts, &p, min_sample));
		return;
	}

	ui_page_begin(r, T("Excuse check"), "numbers");
	render_head(r, &w, &opt, &p, &d.rep);
	render_attainment(r, self, &d, min_sample);
	render_reasons(r, self, &d, pc, d.nproducts, min_sample);
	render_rules(r, min_sample);
	ui_page_end(r);
}
