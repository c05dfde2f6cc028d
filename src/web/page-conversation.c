/*
 * page-conversation: logging a customer conversation, on a phone, in well
 * under half a minute — what kind it was, when and how long, about which
 * deal (or account), the gut feeling, and how it ended: a dated next STEP
 * the customer committed to, a STOP with its reason, or honestly NO
 * COMMITMENT, which is a red flag. Optionally the deal moves to another
 * stage, and there are notes (Markdown, rendered safely where shown).
 *
 * The rules of which combinations are allowed live in domain/commitment.c
 * (conversation_validate); store/conversations.c stores it all in one
 * transaction — the open steps it follows up closed as kept (or missed),
 * the new step, the deal lost or paused on a STOP. This page only reads the
 * form, checks that the viewer may work on the deal, and puts a refusal
 * under the field it is about, keeping what was typed.
 *
 * Without JavaScript every outcome's fieldset is visible and the server
 * decides; app.js shows only the chosen one and disables the others, so
 * what was typed under an outcome that was then abandoned is not sent.
 *
 * The form is opened from a deal (?deal=ID), an account (?account=ID) or
 * with neither, and then lists the viewer's open deals. A manager may log a
 * conversation on a deal of a rep they lead; it is recorded as theirs, the
 * person who held it.
 */
#include "pages.h"
#include "../lib/localpath.h"
#include "ui.h"
#include "dealui.h"
#include "reasonui.h"
#include "load.h"
#include "../domain/validate.h"
#include "../store/conversations.h"
#include "../store/settings.h"
#include "../lib/fmt.h"
#include "../lib/util.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>


/* the limits are validate.h's, shared with the API */
#define NOTES_MAX CONV_NOTES_MAX
#define TEXT_MAX STEP_TEXT_MAX

/* quick picks for the duration, in minutes */
static const int minute_picks[] = { 15, 30, 45, 60, 90 };

/* where the form was opened from: decides what the "about" part shows */
enum from { FROM_PICK = 0, FROM_DEAL, FROM_ACCOUNT };

/* the form as shown: values as typed, and the one error (validation stops
 * at the first) with the field it belongs to */
struct conv_form {
	enum from from;
	const char *deal_id, *account_id;
	const char *kind, *date, *minutes, *gut, *outcome;
	const char *step_what, *step_due, *step_who;
	const char *stop_reason, *stop_note, *stop_action;
	const char *stage_id, *notes, *ret;
	const char *err_field, *err;
};

/* what the form is about, loaded for showing it */
struct conv_ctx {
	int has_deal, has_account;
	struct deal deal;		/* FROM_DEAL */
	struct account account;		/* FROM_ACCOUNT, or the deal's */
	struct deal_list choices;	/* the deals to choose from (FROM_PICK, FROM_ACCOUNT) */
	struct stage_list stages;
	struct contact *contacts;
	size_t ncontacts;
	int grace_days;
};

/* a local path (lib/localpath.h) without its fragment, so a notice can be
 * added to the query; NULL otherwise */
static const char *return_path(struct request *r, const char *p)
{
	if (!local_path(p))
		return NULL;
	const char *hash = strchr(p, '#');
	return hash ? arena_strndup(r->a, p, (size_t)(hash - p)) : p;
}

/* text made safe for an attribute value that is put together by hand */
static const char *attr_text(struct request *r, const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	html_attr(&sb, text);
	const char *s = arena_strdup(r->a, sb.buf);
	sb_release(&sb);
	return s;
}

static const char *form_val(struct request *r, const char *key)
{
	const char *v = req_form(r, key);
	return v ? v : "";
}

/* the message for field name, or NULL */
static const char *ferr(const struct conv_form *f, const char *name)
{
	return f->err_field && !strcmp(f->err_field, name) ? f->err : NULL;
}

static void field_error(struct request *r, const struct conv_form *f, const char *name)
{
	const char *m = ferr(f, name);
	if (m)
		html_printf(&r->out, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, m);
}

/* --- loading what the form is about --- */

/* fills ctx for the form; 0, or -1 with the answer sent (404, 403, 503) */
static int load_ctx(struct request *r, const struct conv_form *f, struct conv_ctx *ctx)
{
	memset(ctx, 0, sizeof(*ctx));
	struct health_settings hs;
	settings_health(r->db, r->me.org_id, &hs);
	ctx->grace_days = hs.grace_days;
	int64_t deal_id = 0, account_id = 0;
	parse_i64(f->deal_id, &deal_id);
	parse_i64(f->account_id, &account_id);
	enum err e = E_OK;
	if (f->from == FROM_DEAL) {
		struct deal *d = deal_load_or_reply(r, deal_id, NEED_CHANGE);
		if (!d)
			return -1;
		ctx->deal = *d;
		ctx->has_deal = 1;
		account_id = ctx->deal.account_id;
	} else if (f->from == FROM_ACCOUNT) {
		struct account *acc = account_load_or_reply(r, account_id, NEED_SEE);
		if (!acc)
			return -1;
		ctx->account = *acc;
		ctx->has_account = 1;
	}
	if (f->from != FROM_DEAL) {
		struct deal_filter df = { .scope = access_deal_scope(&r->viewer), .viewer_id = r->me.user_id,
					  .status = "open", .account_id = f->from == FROM_ACCOUNT ? account_id : 0 };
		if ((e = deal_list(r->db, r->a, r->me.org_id, &df, &ctx->choices)))
			goto down;
	}
	if ((e = dealui_stages(r, &ctx->stages)))
		goto down;
	if (account_id && (e = contact_list(r->db, r->a, r->me.org_id, account_id, &ctx->contacts, &ctx->ncontacts)))
		goto down;
	return 0;
down:
	resp_store_error(r, E_OK);
	return -1;
}

/* --- the form --- */

/* a row of large radio buttons; labels are English msgids */
static void radio_tiles(struct request *r, const char *name, const char *legend, const char *hint,
			const char *const *values, const char *const *labels, size_t n, const char *checked,
			const char *cls, const struct conv_form *f)
{
	struct strbuf *o = &r->out;
	const char *m = ferr(f, name);
	html_printf(o, "<fieldset class=\"choices %-s%-s\" id=\"f-%s\"%-s><legend>%s</legend>", cls, m ? " invalid" : "",
		    name, m ? arena_printf(r->a, " aria-describedby=\"e-%s\"", name) : "", legend);
	if (hint)
		html_printf(o, "<p class=\"hint\">%s</p>", hint);
	html(o, "<div class=\"tiles\">");
	for (size_t i = 0; i < n; i++)
		html_printf(o, "<label class=\"tile tile-%s\"><input type=\"radio\" name=\"%s\" value=\"%s\"%-s>"
			    "<span>%s</span></label>",
			    values[i], name, values[i], checked && !strcmp(checked, values[i]) ? " checked" : "",
			    T(labels[i]));
	html(o, "</div>");
	field_error(r, f, name);
	html(o, "</fieldset>");
}

static void about_part(struct request *r, const struct conv_ctx *ctx, const struct conv_form *f)
{
	struct strbuf *o = &r->out;
	if (f->from == FROM_DEAL) {
		const struct deal *d = &ctx->deal;
		html_printf(o, "<input type=\"hidden\" name=\"deal_id\" value=\"%lld\">", (long long)d->id);
		html_printf(o, "<div class=\"about\" id=\"f-deal_id\"><p class=\"eyebrow\">%s</p>"
			    "<p class=\"about-title\"><a href=\"/deals/%lld\">%s</a></p><p class=\"muted\">%s · %s",
			    T("Deal"), (long long)d->id, d->title, d->account_name, d->stage_name);
		if (d->owner_id != r->me.user_id)
			html_printf(o, " · %s", arena_printf(r->a, T("owner %s"), d->owner_name));
		html(o, "</p>");
		field_error(r, f, "deal_id");
		field_error(r, f, "account_id");
		html(o, "</div>");
		if (!strcmp(d->status, "paused"))
			ui_notice(r, "info", T("This deal is paused. A conversation that does not end in a stop opens it again."));
		if (d->sig.has_open_step && d->sig.next_due)
			html_printf(o, "<p class=\"hint open-step\">%s</p>",
				    arena_printf(r->a, trn(r->lang,
							   "Open next step: \"%s\", due %s. Logging this conversation marks it as "
							   "kept, or as missed when it is more than %d day overdue.",
							   "Open next step: \"%s\", due %s. Logging this conversation marks it as "
							   "kept, or as missed when it is more than %d days overdue.",
							   ctx->grace_days),
						 d->next_what, ui_date_text(r, d->sig.next_due), ctx->grace_days));
		return;
	}
	/* a choice of deals: all the viewer's open ones, or the account's */
	size_t n = ctx->choices.n;
	const char **values = arena_alloc(r->a, (n + 1) * sizeof(char *));
	const char **labels = arena_alloc(r->a, (n + 1) * sizeof(char *));
	values[0] = "";
	labels[0] = f->from == FROM_ACCOUNT ? T("No deal: the account in general") : T("— choose the deal —");
	for (size_t i = 0; i < n; i++) {
		const struct deal *d = &ctx->choices.items[i];
		values[i + 1] = arena_printf(r->a, "%lld", (long long)d->id);
		labels[i + 1] = f->from == FROM_ACCOUNT ? d->title
			: d->owner_id == r->me.user_id ? arena_printf(r->a, "%s — %s", d->title, d->account_name)
			: arena_printf(r->a, "%s — %s (%s)", d->title, d->account_name, d->owner_name);
	}
	if (f->from == FROM_ACCOUNT) {
		html_printf(o, "<input type=\"hidden\" name=\"account_id\" value=\"%lld\">", (long long)ctx->account.id);
		html_printf(o, "<div class=\"about\" id=\"f-account_id\"><p class=\"eyebrow\">%s</p>"
			    "<p class=\"about-title\"><a href=\"/accounts/%lld\">%s</a></p>",
			    T("Account"), (long long)ctx->account.id, ctx->account.name);
		field_error(r, f, "account_id");
		html(o, "</div>");
		if (n)
			ui_select(r, "deal_id", T("About one of its deals?"), values, labels, n + 1, f->deal_id,
				  ferr(f, "deal_id"));
		return;
	}
	if (!n) {
		html_printf(o, "<div class=\"notice notice-info\" id=\"f-deal_id\">%s "
			    "<a href=\"/deals/new\">%s</a> · <a href=\"/accounts\">%s</a></div>",
			    T("You have no open deals. Create a deal, or log the conversation on an account."),
			    T("New deal"), T("Accounts"));
		field_error(r, f, "deal_id");
		return;
	}
	ui_select(r, "deal_id", T("Deal"), values, labels, n + 1, f->deal_id, ferr(f, "deal_id"));
}

static void when_part(struct request *r, const struct conv_form *f)
{
	struct strbuf *o = &r->out;
	const char *today = ui_today(r);
	html(o, "<div class=\"pair\">");
	ui_input(r, "date", T("Date"), "date", f->date, ferr(f, "date"),
		 arena_printf(r->a, " max=\"%s\" required", today));
	ui_input(r, "minutes", T("Minutes"), "number", f->minutes, ferr(f, "minutes"),
		 " min=\"0\" max=\"1440\" inputmode=\"numeric\" required");
	html(o, "</div>");
	/* shown by app.js, which copies a pick into the number field */
	html_printf(o, "<div class=\"chips\" data-minute-chips hidden role=\"radiogroup\" aria-label=\"%s\">",
		    T("Quick pick of the duration"));
	for (size_t i = 0; i < sizeof(minute_picks) / sizeof(minute_picks[0]); i++) {
		const char *v = arena_printf(r->a, "%d", minute_picks[i]);
		html_printf(o, "<label class=\"chip\"><input type=\"radio\" name=\"minutes_pick\" value=\"%s\"%-s>"
			    "<span>%s</span></label>", v, !strcmp(v, f->minutes) ? " checked" : "",
			    arena_printf(r->a, T("%d min"), minute_picks[i]));
	}
	html(o, "</div>");
}

static void step_panel(struct request *r, const struct conv_ctx *ctx, const struct conv_form *f)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<fieldset class=\"panel panel-step\" data-outcome-panel=\"step\"><legend>%s</legend>",
		    T("Next step"));
	ui_input(r, "step_what", T("What is the next step?"), "text", f->step_what, ferr(f, "step_what"),
		 arena_printf(r->a, " maxlength=\"%d\" placeholder=\"%s\"", TEXT_MAX, attr_text(r, T("e.g. demo for the CFO"))));
	ui_input(r, "step_due", T("By when?"), "date", f->step_due, ferr(f, "step_due"),
		 arena_printf(r->a, " min=\"%s\"", date_valid(f->date) ? f->date : ui_today(r)));
	ui_input(r, "step_who", T("Who on the customer's side committed to it?"), "text", f->step_who,
		 ferr(f, "step_who"), arena_printf(r->a, " maxlength=\"%d\" autocomplete=\"off\"%s", TEXT_MAX,
						   ctx->ncontacts ? " list=\"contacts\"" : ""));
	if (ctx->ncontacts) {
		html(o, "<datalist id=\"contacts\">");
		for (size_t i = 0; i < ctx->ncontacts; i++)
			html_printf(o, "<option value=\"%s\">", ctx->contacts[i].name);
		html(o, "</datalist>");
	}
	html(o, "</fieldset>");
}

static void stop_panel(struct request *r, const struct conv_ctx *ctx, const struct conv_form *f)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<fieldset class=\"panel panel-stop\" data-outcome-panel=\"stop\"><legend>%s</legend>", T("Stop"));
	/* the one list of reasons, the same as a deal's close form */
	reasonui_select(r, "stop_reason", T("Why does it stop?"), f->stop_reason, ferr(f, "stop_reason"));
	html_printf(o, "<div class=\"field\"><label for=\"f-stop_note\">%s</label>"
		    "<textarea id=\"f-stop_note\" name=\"stop_note\" rows=\"2\" maxlength=\"%d\">%s</textarea></div>",
		    T("In the customer's words (optional)"), STOP_NOTE_MAX, f->stop_note);
	/* a stop on an account without a deal has nothing to close */
	if (f->from != FROM_ACCOUNT || ctx->choices.n) {
		static const char *const actions[] = { "lost", "paused" };
		static const char *const action_labels[] = { N_("Close the deal as lost"), N_("Pause the deal") };
		radio_tiles(r, "stop_action", T("What happens to the deal?"),
			    f->from == FROM_ACCOUNT ? T("Only when the conversation was about one of its deals.")
			    : T("Pause it when the customer may come back later; it then leaves the pipeline until then."),
			    actions, action_labels, 2, f->stop_action, "two", f);
	}
	html(o, "</fieldset>");
}

static void none_panel(struct request *r)
{
	html_printf(&r->out, "<fieldset class=\"panel panel-none\" data-outcome-panel=\"none\"><legend>%s</legend>"
		    "<p>%s</p><p class=\"muted\">%s</p></fieldset>",
		    T("No commitment"),
		    T("It is recorded as it was, and it counts as a red flag: a pleasant conversation without a "
		      "step or a stop is how deals string you along."),
		    T("Next time, ask for a concrete next step with a date — or for a clear no."));
}

static void stage_part(struct request *r, const struct conv_ctx *ctx, const struct conv_form *f)
{
	if (f->from == FROM_ACCOUNT && !ctx->choices.n)
		return;
	size_t n = ctx->stages.n;
	const char **values = arena_alloc(r->a, (n + 1) * sizeof(char *));
	const char **labels = arena_alloc(r->a, (n + 1) * sizeof(char *));
	size_t k = 0;
	values[k] = "";
	labels[k++] = f->from == FROM_DEAL ? arena_printf(r->a, T("Stays in %s"), ctx->deal.stage_name)
		: T("Stays in its current stage");
	for (size_t i = 0; i < n; i++) {
		const struct stage *s = &ctx->stages.items[i];
		if (strcmp(s->kind, "open") || (f->from == FROM_DEAL && s->id == ctx->deal.stage_id))
			continue;
		values[k] = arena_printf(r->a, "%lld", (long long)s->id);
		labels[k++] = s->name;
	}
	ui_select(r, "stage_id", T("Move the deal to another stage?"), values, labels, k, f->stage_id,
		  ferr(f, "stage_id"));
}

/* the whole page; status is already set for a re-render */
static void render_form(struct request *r, const struct conv_ctx *ctx, const struct conv_form *f)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Log a conversation"), f->from == FROM_DEAL || f->from == FROM_PICK ? "pipeline" : "accounts");
	html_printf(o, "<div class=\"conv-page\"><h1>%s</h1>", T("Log a conversation"));
	if (f->err) {
		html_printf(o, "<div class=\"notice notice-error\" role=\"alert\">%s <a href=\"#f-%s\">%s</a></div>",
			    T("The conversation was not logged."), f->err_field ? f->err_field : "outcome", f->err);
	}
	if (f->from == FROM_DEAL && (!strcmp(ctx->deal.status, "won") || !strcmp(ctx->deal.status, "lost"))) {
		ui_notice(r, "info", T("This deal is closed. Reopen it before logging a conversation."));
		html_printf(o, "<p><a class=\"button\" href=\"/deals/%lld\">%s</a></p></div>", (long long)ctx->deal.id,
			    T("Back to the deal"));
		ui_page_end(r);
		return;
	}
	html(o, "<form method=\"post\" action=\"/conversations\" class=\"form conv-form\" data-outcome-form>");
	ui_csrf(r);
	html_printf(o, "<input type=\"hidden\" name=\"from\" value=\"%s\">",
		    f->from == FROM_DEAL ? "deal" : f->from == FROM_ACCOUNT ? "account" : "");
	if (f->ret && *f->ret)
		html_printf(o, "<input type=\"hidden\" name=\"return\" value=\"%s\">", f->ret);
	about_part(r, ctx, f);

	const char **kind_labels = arena_alloc(r->a, conv_kind_count * sizeof(char *));
	for (size_t i = 0; i < conv_kind_count; i++)
		kind_labels[i] = conv_kind_label(conv_kind_codes[i]);
	radio_tiles(r, "kind", T("Kind"), NULL, conv_kind_codes, kind_labels, conv_kind_count, f->kind, "kinds", f);
	when_part(r, f);

	static const char *const gut_values[] = { "1", "2", "3", "4", "5" };
	radio_tiles(r, "gut_feeling", T("Gut feeling"), T("1 = it will not happen, 5 = it is sure to happen."),
		    gut_values, gut_values, 5, f->gut, "five", f);

	const char **outcome_labels = arena_alloc(r->a, outcome_count * sizeof(char *));
	for (size_t i = 0; i < outcome_count; i++)
		outcome_labels[i] = outcome_label(outcome_codes[i]);
	radio_tiles(r, "outcome", T("How did it end?"),
		    T("Step: the customer committed to a dated next step. Stop: it ends here. "
		      "No commitment: neither."),
		    outcome_codes, outcome_labels, outcome_count, f->outcome, "outcomes", f);
	step_panel(r, ctx, f);
	stop_panel(r, ctx, f);
	none_panel(r);

	stage_part(r, ctx, f);
	html_printf(o, "<div class=\"field%-s\"><label for=\"f-notes\">%s</label>"
		    "<textarea id=\"f-notes\" name=\"notes\" rows=\"4\" maxlength=\"%d\"%-s>%s</textarea>"
		    "<p class=\"hint\">%s</p>",
		    ferr(f, "notes") ? " invalid" : "", T("Notes (optional)"), NOTES_MAX,
		    ferr(f, "notes") ? " aria-invalid=\"true\" aria-describedby=\"e-notes\"" : "", f->notes,
		    T("Markdown works: **bold**, *italic*, lists with a dash."));
	field_error(r, f, "notes");
	html_printf(o, "</div><div class=\"actions submit\"><button class=\"button primary big\" type=\"submit\">%s</button>",
		    T("Log the conversation"));
	if (f->ret && *f->ret)
		html_printf(o, "<a class=\"button\" href=\"%s\">%s</a>", f->ret, T("Cancel"));
	else if (f->from == FROM_DEAL)
		html_printf(o, "<a class=\"button\" href=\"/deals/%lld\">%s</a>", (long long)ctx->deal.id, T("Cancel"));
	html(o, "</div></form></div>");
	ui_page_end(r);
}

void page_conversation_new(struct request *r)
{
	struct conv_form f = { 0 };
	const char *deal = req_query(r, "deal"), *account = req_query(r, "account");
	f.from = deal && *deal ? FROM_DEAL : account && *account ? FROM_ACCOUNT : FROM_PICK;
	f.deal_id = f.from == FROM_DEAL ? deal : "";
	f.account_id = f.from == FROM_ACCOUNT ? account : "";
	f.kind = f.gut = f.outcome = "";
	f.date = ui_today(r);
	f.minutes = "30";
	f.step_what = f.step_due = f.step_who = f.stop_reason = f.stop_note = f.stop_action = f.stage_id = f.notes = "";
	f.ret = return_path(r, req_query(r, "return"));
	struct conv_ctx ctx;
	if (load_ctx(r, &f, &ctx))
		return;
	render_form(r, &ctx, &f);
}

/* the epoch of a conversation held on date: that day at the current time of
 * day (the form asks no time; most are logged the day they happen) */
static int64_t conversation_epoch(const char *date)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	tm.tm_year = atoi(date) - 1900;
	tm.tm_mon = atoi(date + 5) - 1;
	tm.tm_mday = atoi(date + 8);
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	if (t == (time_t)-1) {
		tm.tm_hour = 12;
		tm.tm_min = tm.tm_sec = 0;
		t = timegm(&tm);
	}
	return (int64_t)t;
}

/* a whole number from a form field; def when blank, -1 when not a number */
static int form_int(const char *v, int def)
{
	int64_t n;
	if (!*v)
		return def;
	if (parse_i64(v, &n) || n < -1 || n > 100000)
		return -1;
	return (int)n;
}

static void set_err(struct request *r, struct conv_form *f, const char *field, const char *msgid)
{
	f->err_field = field;
	f->err = T(msgid);
}

void page_conversations_post(struct request *r)
{
	struct conv_form f = { 0 };
	const char *from = form_val(r, "from");
	f.from = !strcmp(from, "deal") ? FROM_DEAL : !strcmp(from, "account") ? FROM_ACCOUNT : FROM_PICK;
	f.deal_id = form_val(r, "deal_id");
	f.account_id = form_val(r, "account_id");
	f.kind = form_val(r, "kind");
	f.date = dealui_form_text(r, "date");
	f.minutes = dealui_form_text(r, "minutes");
	f.gut = form_val(r, "gut_feeling");
	f.outcome = form_val(r, "outcome");
	f.step_what = dealui_form_text(r, "step_what");
	f.step_due = dealui_form_text(r, "step_due");
	f.step_who = dealui_form_text(r, "step_who");
	f.stop_reason = form_val(r, "stop_reason");
	f.stop_note = dealui_form_text(r, "stop_note");
	f.stop_action = form_val(r, "stop_action");
	f.stage_id = form_val(r, "stage_id");
	f.notes = form_val(r, "notes");
	f.ret = return_path(r, req_form(r, "return"));
	/* a form opened from a deal that lost its deal field is a form without one */
	if (f.from == FROM_DEAL && !*f.deal_id)
		f.from = FROM_PICK;

	struct conv_ctx ctx;
	if (load_ctx(r, &f, &ctx))
		return;
	int64_t deal_id = dealui_form_id(r, "deal_id"), account_id = dealui_form_id(r, "account_id");
	/* a deal chosen from the list: it must exist and be the viewer's to work on */
	if (deal_id && f.from != FROM_DEAL) {
		if (!deal_load_or_reply(r, deal_id, NEED_CHANGE))
			return;
	}
	struct conversation_log_input li = { 0 };
	li.in.kind = f.kind;
	li.in.date = f.date;
	li.in.minutes = form_int(f.minutes, -1);
	li.in.deal_id = deal_id;
	/* both, when the form was about an account: the store checks the deal is the account's */
	li.in.account_id = account_id;
	li.in.gut_feeling = form_int(f.gut, 0);
	li.in.outcome = f.outcome;
	li.in.step_what = f.step_what;
	li.in.step_due = f.step_due;
	li.in.step_who = f.step_who;
	li.in.stop_reason = f.stop_reason;
	li.in.stop_note = f.stop_note;
	li.in.stop_action = f.stop_action;
	li.rep_id = r->me.user_id;
	li.at = date_valid(f.date) ? conversation_epoch(f.date) : 0;
	li.notes = f.notes;
	li.new_stage_id = dealui_form_id(r, "stage_id");
	if (*f.stage_id && !li.new_stage_id)
		set_err(r, &f, "stage_id", N_("Choose an open stage; close a deal as won or lost instead."));
	else {
		const char *field = NULL, *m = validate_conversation_text(f.notes, f.step_what, f.step_who,
									 f.stop_note, &field);
		if (m)
			set_err(r, &f, field, m);
	}

	int64_t id = 0;
	struct rule_error err = { 0 };
	enum err e = f.err ? E_INVALID
		: conversation_log(r->db, r->a, r->me.org_id, &li, ui_today(r), ctx.grace_days, &id, &err);
	if (e == E_INVALID) {
		if (!f.err)
			set_err(r, &f, err.field ? err.field : "outcome",
				err.message ? err.message : N_("Check the conversation and try again."));
		r->status = 400;
		render_form(r, &ctx, &f);
		return;
	}
	if (e) {
		resp_store_error(r, E_OK);
		return;
	}
	enum outcome oc = outcome_parse(f.outcome);
	const char *code = oc == OUTCOME_STEP ? "conversation-step"
		: oc == OUTCOME_NONE ? "conversation-none"
		: !deal_id ? "conversation-stop"
		: !strcmp(f.stop_action, "paused") ? "conversation-paused" : "conversation-lost";
	const char *back = f.ret ? f.ret
		: deal_id ? arena_printf(r->a, "/deals/%lld", (long long)deal_id)
		: arena_printf(r->a, "/accounts/%lld", (long long)account_id);
	ui_redirect_done(r, back, code);
}
