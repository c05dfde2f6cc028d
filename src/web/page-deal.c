/*
 * page-deal: one deal — what it is worth, where it stands, how healthy it is
 * and why, how many hours went into it — and its timeline: every
 * conversation, newest first, with the gut feeling the rep had and the
 * outcome the customer actually gave (a step, a stop, or no commitment,
 * which is shown as the red flag it is). Comparing the two down one
 * timeline is the point of the "step or stop" article: a good feeling says
 * nothing; a commitment does.
 *
 * From here the deal is edited, closed as won or lost (with a reason from
 * the list), paused, or reopened. Every handler loads the deal first: an id
 * of another organisation is 404, a colleague's deal the viewer may not see
 * is 403 (domain/access.c), before anything is read from the form.
 *
 * Notes are Markdown rendered by cmark with CMARK_OPT_SAFE: raw HTML and
 * javascript: links are dropped, so a note cannot carry script.
 */
#include "pages.h"
#include "reasonui.h"
#include "../store/reasons.h"
#include "dealui.h"
#include "load.h"
#include "../store/conversations.h"
#include "../store/settings.h"
#include "../domain/validate.h"
#include "../lib/fmt.h"
#include "../lib/util.h"
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#define NOTE_MAX DEAL_NOTE_MAX	/* validate.h: the same as the API */

/* the edit and close forms: values as typed and a message per field */
struct deal_state {
	const char *title, *value, *product, *expected_close, *stage, *owner;
	const char *e_title, *e_value, *e_product, *e_expected_close, *e_stage, *e_owner;
	const char *lost_reason, *note, *e_lost_reason, *e_note;
	const char *notice;
	int edit_open, lost_open;	/* re-open the folded form that failed */
};

/* loads the deal of the path with its health; answers 404/403 itself */
static int load_deal(struct request *r, enum access_need need, struct deal *d, struct health_settings *hs)
{
	struct deal *got = deal_load_or_reply(r, r->id, need);
	if (!got)
		return -1;
	*d = *got;
	settings_health(r->db, r->me.org_id, hs);
	deal_assess(d, 1, hs, ui_today(r));
	return 0;
}

static void state_from(struct request *r, const struct deal *d, struct deal_state *s)
{
	memset(s, 0, sizeof(*s));
	s->title = d->title;
	s->value = dealui_money_input(r, d->value_minor);
	s->product = d->product;
	s->expected_close = d->expected_close;
	s->stage = arena_printf(r->a, "%lld", (long long)d->stage_id);
	s->owner = arena_printf(r->a, "%lld", (long long)d->owner_id);
	s->lost_reason = "";
	s->note = "";
}

/* Markdown to safe HTML (see the file comment) */
static void markdown(struct request *r, const char *text)
{
	char *h = cmark_markdown_to_html(text, strlen(text), CMARK_OPT_SAFE);
	if (h) {
		html(&r->out, h);
		free(h);
	}
}

static void gut(struct request *r, int g)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<span class=\"gut\" role=\"img\" aria-label=\"%s\" title=\"%s\">",
		    arena_printf(r->a, T("Gut feeling %d of 5"), g), T("Gut feeling"));
	for (int i = 1; i <= 5; i++)
		html(o, i <= g ? "●" : "○");
	html(o, "</span>");
}

static void outcome_badge(struct request *r, const char *outcome)
{
	if (!strcmp(outcome, "step"))
		html_printf(&r->out, "<span class=\"badge ok\">%s</span>", T(outcome_label(outcome)));
	else if (!strcmp(outcome, "stop"))
		html_printf(&r->out, "<span class=\"badge\">%s</span>", T(outcome_label(outcome)));
	else
		html_printf(&r->out, "<span class=\"badge bad\">%s · %s</span>", T(outcome_label(outcome)),
			    T("red flag"));
}

static const char *step_state_label(struct request *r, enum step_state s)
{
	switch (s) {
	case STEP_UPCOMING: return T("open");
	case STEP_DUE_TODAY: return T("due today");
	case STEP_OVERDUE: return T("overdue");
	case STEP_MISSED: return T("missed");
	case STEP_KEPT: return T("kept");
	case STEP_CANCELLED: return T("cancelled");
	}
	return "";
}

static const char *step_state_class(enum step_state s)
{
	switch (s) {
	case STEP_KEPT: return "ok";
	case STEP_OVERDUE: case STEP_DUE_TODAY: return "warn";
	case STEP_MISSED: return "bad";
	default: return "";
	}
}

/* a step: what, who committed, when, its state and slips */
static void step_line(struct request *r, const struct step_row *s)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<strong>%s</strong> <span class=\"muted\">· %s · </span>", s->what,
		    arena_printf(r->a, T("committed by %s"), s->who));
	html_printf(o, "<time datetime=\"%s\">", s->due);
	ui_date(r, s->due);
	html_printf(o, "</time> <span class=\"badge %-s\">%s</span>", step_state_class(s->state),
		    step_state_label(r, s->state));
	if (s->slips)
		html_printf(o, " <span class=\"badge warn\">%s</span>",
			    arena_printf(r->a, trn(r->lang, "moved %d time", "moved %d times", s->slips), s->slips));
}

static const struct step_row *find_step(const struct step_list *steps, int64_t id)
{
	for (size_t i = 0; id && i < steps->n; i++)
		if (steps->items[i].id == id)
			return &steps->items[i];
	return NULL;
}

static void timeline(struct request *r, const struct conversation_list *cl, const struct step_list *steps)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"timeline\"><h2>%s</h2>", T("Timeline"));
	if (!cl->n) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", T("No conversations logged yet."));
		return;
	}
	html(o, "<ol class=\"timeline\">");
	for (size_t i = 0; i < cl->n; i++) {
		const struct conversation *c = &cl->items[i];
		html_printf(o, "<li class=\"tl-item tl-o-%s\"><div class=\"tl-head\"><time datetime=\"%s\">",
			    c->outcome, c->held_on);
		ui_date(r, c->held_on);
		html_printf(o, "</time> <span>%s</span>", T(conv_kind_label(c->kind)));
		if (c->minutes)
			html_printf(o, " <span class=\"muted\">%s</span>",
				    arena_printf(r->a, trn(r->lang, "%d minute", "%d minutes", c->minutes), c->minutes));
		html_printf(o, " <span class=\"muted\">· %s</span></div><div class=\"tl-outcome\">", c->rep_name);
		gut(r, c->gut_feeling);
		html(o, " ");
		outcome_badge(r, c->outcome);
		if (c->progressed)
			html_printf(o, " <span class=\"badge ok\">%s</span>", T("moved to a later stage"));
		html(o, "</div>");
		const struct step_row *s = find_step(steps, c->step_id);
		if (s) {
			html_printf(o, "<p class=\"tl-step\"><span class=\"muted\">%s:</span> ", T("Next step"));
			step_line(r, s);
			html(o, "</p>");
		}
		if (!strcmp(c->outcome, "stop")) {
			html_printf(o, "<p class=\"tl-step\"><span class=\"muted\">%s:</span> %s", T("Stop"),
				    reasonui_label(r, c->stop_reason));
			if (*c->stop_note)
				html_printf(o, " — %s", c->stop_note);
			html(o, "</p>");
		}
		if (*c->notes) {
			html(o, "<div class=\"notes\">");
			markdown(r, c->notes);
			html(o, "</div>");
		}
		html(o, "</li>");
	}
	html(o, "</ol></section>");
}

static void open_steps(struct request *r, const struct step_list *steps)
{
	struct strbuf *o = &r->out;
	size_t n = 0;
	for (size_t i = 0; i < steps->n; i++)
		n += !strcmp(steps->items[i].status, "open");
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", T("Open next steps"));
	if (!n) {
		html_printf(o, "<p class=\"muted\">%s</p></section>",
			    T("No open next step. Every conversation should end in a dated step or a stop."));
		return;
	}
	html(o, "<ul class=\"steps\">");
	for (size_t i = 0; i < steps->n; i++)
		if (!strcmp(steps->items[i].status, "open")) {
			html(o, "<li>");
			step_line(r, &steps->items[i]);
			html(o, "</li>");
		}
	html_printf(o, "</ul><p><a href=\"/agenda\">%s</a></p></section>", T("Keep or move steps in your agenda"));
}

static void facts(struct request *r, const struct deal *d)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<dl class=\"details\"><dt>%s</dt><dd><a href=\"/accounts/%lld\">%s</a></dd><dt>%s</dt><dd>",
		    T("Account"), (long long)d->account_id, d->account_name, T("Value"));
	/* the exact amount here; boards and tables round to whole units */
	fmt_money(o, r->lang, d->value_minor, d->currency, d->value_minor % 100 ? 2 : 0);
	html_printf(o, "</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>", T("Stage"), d->stage_name, T("Owner"),
		    d->owner_name);
	if (*d->product)
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", T("Product"), d->product);
	html_printf(o, "<dt>%s</dt><dd>", T("Expected close"));
	ui_date(r, *d->expected_close ? d->expected_close : NULL);
	html_printf(o, "</dd><dt>%s</dt><dd>", T("Status"));
	html_printf(o, "%s", dealui_status_label(r, d->status));
	if (*d->closed_on) {
		html(o, " · ");
		ui_date(r, d->closed_on);
	}
	if (!strcmp(d->status, "lost") && *d->lost_reason)
		html_printf(o, " · %s", reasonui_label(r, d->lost_reason));
	if (strcmp(d->status, "open") && *d->lost_note)
		html_printf(o, "<br><span class=\"muted\">%s</span>", d->lost_note);
	html_printf(o, "</dd><dt>%s</dt><dd>", T("Time spent"));
	fmt_decimal(o, r->lang, (double)d->minutes / 60.0, 1);
	html_printf(o, " %s · %s</dd></dl>", T("hours"),
		    arena_printf(r->a, trn(r->lang, "%lld conversation", "%lld conversations", (long)d->conversations),
				 (long long)d->conversations));
}

/* the buttons that change the deal's status */
static void status_actions(struct request *r, const struct deal *d, const struct deal_state *s)
{
	struct strbuf *o = &r->out;
	const char *base = arena_printf(r->a, "/deals/%lld", (long long)d->id);
	int closed = !strcmp(d->status, "won") || !strcmp(d->status, "lost");
	html(o, "<div class=\"actions deal-actions\">");
	if (!closed) {
		html_printf(o, "<a class=\"button primary\" href=\"/conversations/new?deal=%lld\">%s</a>",
			    (long long)d->id, T("Log a conversation"));
		ui_log_button(r, d->id, NULL);
	}
	if (!closed) {
		html_printf(o, "<form method=\"post\" action=\"%s/close\">", base);
		ui_csrf(r);
		html_printf(o, "<input type=\"hidden\" name=\"status\" value=\"won\"><button class=\"button\" "
			    "type=\"submit\">%s</button></form>", T("Close as won"));
	}
	if (!strcmp(d->status, "open")) {
		html_printf(o, "<form method=\"post\" action=\"%s/close\">", base);
		ui_csrf(r);
		html_printf(o, "<input type=\"hidden\" name=\"status\" value=\"paused\"><button class=\"button\" "
			    "type=\"submit\">%s</button></form>", T("Pause"));
	}
	if (strcmp(d->status, "open")) {
		html_printf(o, "<form method=\"post\" action=\"%s/reopen\">", base);
		ui_csrf(r);
		html_printf(o, "<button class=\"button\" type=\"submit\">%s</button></form>", T("Reopen"));
	}
	html(o, "</div>");
	if (closed)
		return;
	/* closing as lost asks why: folded, so it works without script */
	html_printf(o, "<details class=\"fold\" id=\"lose\"%-s><summary class=\"button danger\">%s</summary>",
		    s->lost_open ? " open" : "", T("Close as lost"));
	html_printf(o, "<form method=\"post\" action=\"%s/close#lose\" class=\"form\">", base);
	ui_csrf(r);
	html(o, "<input type=\"hidden\" name=\"status\" value=\"lost\">");
	/* the one list of reasons, the same as a conversation's STOP */
	reasonui_select(r, "lost_reason", T("Why was it lost?"), s->lost_reason, s->e_lost_reason);
	ui_input(r, "note", T("Note (optional)"), "text", s->note, s->e_note, " maxlength=\"1000\"");
	html_printf(o, "<div class=\"actions\"><button class=\"button danger\" type=\"submit\">%s</button></div>"
		    "</form></details>", T("Close as lost"));
}

static void edit_form(struct request *r, const struct deal *d, const struct deal_state *s,
		      const struct stage_list *stages, const struct user_list *owners)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<details class=\"fold card\" id=\"edit\"%-s><summary><h2>%s</h2></summary>",
		    s->edit_open ? " open" : "", T("Edit the deal"));
	html_printf(o, "<form method=\"post\" action=\"/deals/%lld#edit\" class=\"form\">", (long long)d->id);
	ui_csrf(r);
	ui_input(r, "title", T("Title"), "text", s->title, s->e_title, " required maxlength=\"200\"");
	ui_input(r, "value", arena_printf(r->a, T("Value (%s)"), d->currency), "text", s->value, s->e_value,
		 " inputmode=\"decimal\" autocomplete=\"off\"");
	ui_input(r, "product", T("Product"), "text", s->product, s->e_product, " maxlength=\"200\"");
	ui_input(r, "expected_close", T("Expected close"), "date", s->expected_close, s->e_expected_close, NULL);
	struct dealui_opts opt;
	/* a won or lost deal stays in its closing stage until it is reopened */
	if (strcmp(d->status, "won") && strcmp(d->status, "lost")) {
		dealui_stage_options(r, stages, 1, NULL, &opt);
		ui_select(r, "stage", T("Stage"), opt.values, opt.labels, opt.n, s->stage, s->e_stage);
	}
	dealui_people_options(r, owners, NULL, &opt);
	/* the current owner stays a choice even when no longer one the viewer
	 * could pick, so saving other fields does not fail */
	int found = 0;
	for (size_t i = 0; i < owners->n; i++)
		found |= owners->items[i].id == d->owner_id;
	if (!found) {
		struct dealui_opts grown = { arena_alloc(r->a, (opt.n + 1) * sizeof(char *)),
					     arena_alloc(r->a, (opt.n + 1) * sizeof(char *)), opt.n + 1 };
		memcpy(grown.values, opt.values, opt.n * sizeof(char *));
		memcpy(grown.labels, opt.labels, opt.n * sizeof(char *));
		grown.values[opt.n] = arena_printf(r->a, "%lld", (long long)d->owner_id);
		grown.labels[opt.n] = d->owner_name;
		opt = grown;
	}
	if (opt.n > 1)
		ui_select(r, "owner", T("Owner"), opt.values, opt.labels, opt.n, s->owner, s->e_owner);
	else
		html_printf(o, "<input type=\"hidden\" name=\"owner\" value=\"%lld\">", (long long)d->owner_id);
	if (opt.n <= 1 && s->e_owner)
		html_printf(o, "<p class=\"field-error\">%s</p>", s->e_owner);
	html_printf(o, "<div class=\"actions\"><button class=\"button primary\" type=\"submit\">%s</button></div>"
		    "</form></details>", T("Save"));
}

static void render_deal(struct request *r, const struct deal *d, const struct deal_state *s)
{
	struct conversation_list cl;
	struct step_list steps;
	struct stage_list stages;
	struct user_list owners;
	if (conversation_list(r->db, r->a, r->me.org_id, d->id, 0, NULL, NULL, 0, 0, &cl) ||
	    step_list(r->db, r->a, r->me.org_id, 0, d->id, NULL, 0, 0, &steps) || dealui_stages(r, &stages) ||
	    dealui_people(r, 1, &owners)) {
		resp_store_error(r, E_OK);
		return;
	}
	struct health_settings hs;
	settings_health(r->db, r->me.org_id, &hs);
	step_assess(steps.items, steps.n, ui_today(r), hs.grace_days);

	int closed = !strcmp(d->status, "won") || !strcmp(d->status, "lost");
	ui_page_begin(r, d->title, "pipeline");
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"page-head\"><div><p class=\"eyebrow\"><a href=\"/pipeline\">%s</a> · "
		    "<a href=\"/accounts/%lld\">%s</a></p><h1>%s</h1><p class=\"deal-sub\">",
		    T("Pipeline"), (long long)d->account_id, d->account_name, d->title);
	html_printf(o, "<span class=\"deal-value\">");
	ui_money(r, d->value_minor, d->currency);
	html(o, "</span> · ");
	/* a won or lost deal's stage says the same as its status */
	if (!closed)
		html_printf(o, "%s · ", d->stage_name);
	dealui_status(r, d, 0);
	html(o, "</p></div></div>");
	if (s->notice)
		ui_notice(r, "error", s->notice);

	html(o, "<div class=\"grid two\"><section class=\"card\">");
	if (!strcmp(d->status, "open")) {
		html_printf(o, "<h2>%s</h2>", T("Health"));
		ui_health(r, &d->health, 1);
		if (!d->health.reasons)
			html_printf(o, "<p class=\"muted\">%s</p>",
				    T("A dated next step, steps kept, progress through the stages."));
		html(o, "<hr>");
	}
	facts(r, d);
	status_actions(r, d, s);
	html(o, "</section><div>");
	if (!closed)
		open_steps(r, &steps);
	edit_form(r, d, s, &stages, &owners);
	html(o, "</div></div>");
	timeline(r, &cl, &steps);
	ui_page_end(r);
}

void page_deal(struct request *r)
{
	struct deal d;
	struct health_settings hs;
	if (load_deal(r, NEED_SEE, &d, &hs))
		return;
	struct deal_state s;
	state_from(r, &d, &s);
	render_deal(r, &d, &s);
}

void page_deal_post(struct request *r)
{
	struct deal d;
	struct health_settings hs;
	if (load_deal(r, NEED_CHANGE, &d, &hs))
		return;
	struct deal_state s;
	state_from(r, &d, &s);
	s.title = dealui_form_text(r, "title");
	s.value = dealui_form_text(r, "value");
	s.product = dealui_form_text(r, "product");
	s.expected_close = dealui_form_text(r, "expected_close");
	s.owner = dealui_form_text(r, "owner");
	int stage_editable = strcmp(d.status, "won") && strcmp(d.status, "lost");
	if (stage_editable)
		s.stage = dealui_form_text(r, "stage");

	struct deal_input in = { .title = s.title, .account_id = d.account_id, .currency = d.currency,
				 .product = s.product, .stage_id = d.stage_id };
	const char *m;
	if ((m = validate_name(s.title)))
		s.e_title = T(m);
	dealui_check_value(r, s.value, &in.value_minor, &s.e_value);
	if ((m = validate_text(s.product, 200)))
		s.e_product = T(m);
	dealui_check_date(r, s.expected_close, &s.e_expected_close);
	in.expected_close = *s.expected_close ? s.expected_close : NULL;
	enum err e = E_OK;
	if (stage_editable)
		e = dealui_check_stage(r, s.stage, &in.stage_id, &s.e_stage);
	/* keeping the owner is always allowed; handing over follows the rule */
	int64_t owner = 0;
	if (!e && (parse_i64(s.owner, &owner) || owner != d.owner_id))
		e = dealui_check_owner(r, s.owner, &owner, &s.e_owner);
	in.owner_id = owner;
	if (e) {
		resp_store_error(r, E_OK);
		return;
	}
	if (s.e_title || s.e_value || s.e_product || s.e_expected_close || s.e_stage || s.e_owner) {
		s.notice = T("The deal was not saved. Check the fields marked below.");
		s.edit_open = 1;
		r->status = 400;
		render_deal(r, &d, &s);
		return;
	}
	e = deal_update(r->db, r->me.org_id, d.id, &in, ui_today(r));
	if (e) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_redirect_done(r, arena_printf(r->a, "/deals/%lld", (long long)d.id), "deal-saved");
}

void page_deal_close_post(struct request *r)
{
	struct deal d;
	struct health_settings hs;
	if (load_deal(r, NEED_CLOSE, &d, &hs))
		return;
	struct deal_state s;
	state_from(r, &d, &s);
	const char *status = req_form(r, "status");
	if (!status || (strcmp(status, "won") && strcmp(status, "lost") && strcmp(status, "paused"))) {
		resp_error(r, E_INVALID, T("A deal is closed as won or lost, or paused."));
		return;
	}
	int lost = !strcmp(status, "lost");
	s.lost_reason = dealui_form_text(r, "lost_reason");
	s.note = dealui_form_text(r, "note");
	/* open deals close or pause; paused ones close; closed ones reopen first */
	int allowed = !strcmp(d.status, "open") || (!strcmp(d.status, "paused") && strcmp(status, "paused"));
	if (!allowed) {
		s.notice = !strcmp(d.status, "paused") ? T("The deal is paused already.")
			   : T("The deal is closed already. Reopen it first.");
		r->status = 409;
		render_deal(r, &d, &s);
		return;
	}
	const char *m;
	/* one of the organisation's reasons that is still offered */
	int usable = lost ? reason_usable(r->db, r->me.org_id, s.lost_reason) : 1;
	if (usable < 0) {
		resp_store_error(r, E_OK);
		return;
	}
	if (!usable)
		s.e_lost_reason = T("Choose why the deal was lost.");
	if ((m = validate_notes(s.note, NOTE_MAX)))
		s.e_note = T(m);
	if (s.e_lost_reason || s.e_note) {
		s.notice = T("The deal was not closed. Check the fields marked below.");
		s.lost_open = lost;
		r->status = 400;
		render_deal(r, &d, &s);
		return;
	}
	enum err e = deal_close(r->db, r->me.org_id, d.id, status, lost ? s.lost_reason : NULL, s.note, ui_today(r));
	if (e) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_redirect_done(r, arena_printf(r->a, "/deals/%lld", (long long)d.id),
			 lost ? "deal-lost" : !strcmp(status, "won") ? "deal-won" : "deal-paused");
}

void page_deal_reopen_post(struct request *r)
{
	struct deal d;
	struct health_settings hs;
	if (load_deal(r, NEED_CLOSE, &d, &hs))
		return;
	if (!strcmp(d.status, "open")) {
		struct deal_state s;
		state_from(r, &d, &s);
		s.notice = T("The deal is open already.");
		r->status = 409;
		render_deal(r, &d, &s);
		return;
	}
	enum err e = deal_reopen(r->db, r->me.org_id, d.id, ui_today(r));
	if (e && e != E_NOTFOUND) {
		resp_store_error(r, E_OK);
		return;
	}
	ui_redirect_done(r, arena_printf(r->a, "/deals/%lld", (long long)d.id), "deal-reopened");
}
