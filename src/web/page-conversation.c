/*
 * page-conversation: logging a customer conversation, on a phone, in well
 * under half a minute — what kind it was, when and how long, about which
 * deal (or account), the gut feeling, and how it ended: a dated next STEP
 * the customer committed to, a STOP with its reason, or honestly NO
 * COMMITMENT, which is a red flag. Optionally the deal moves to another
 * stage, and there are notes (Markdown, rendered safely where shown).
 *
 * When the deal has an open step, the form asks "Was the step '<what>'
 * (due <date>) kept?" — kept, slipped to a new date, missed, or (not yet
 * due) left open; nothing is marked kept without the answer. A STOP hides
 * the stage question and, ticked by default, closes the deal as lost with
 * the same reason. Date shortcuts fill the step's date, the account's
 * contacts fill "who", a new contact can be added inline, and the rep's last
 * kind and duration are pre-chosen.
 *
 * The rules of which combinations are allowed live in domain/commitment.c
 * (conversation_validate_all, step_answer_check); store/conversations.c
 * stores it all in one transaction — the open step as answered, the new
 * step, the deal lost or paused on a STOP. This page only reads the form,
 * checks that the viewer may work on the deal, and shows every refusal at
 * once, each under the field it is about, keeping what was typed.
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
#include "../lib/log.h"
#include "../store/deals.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>


/* the limits are validate.h's, shared with the API */
#define NOTES_MAX CONV_NOTES_MAX
#define TEXT_MAX STEP_TEXT_MAX

/* the contacts offered with a choice of deals: of this many accounts, this
 * many each */
#define CHOICE_ACCOUNTS 40
#define CHIPS_PER_ACCOUNT 12

/* quick picks for the duration, in minutes */
static const int minute_picks[] = { 15, 30, 45, 60, 90 };

/* where the form was opened from: decides what the "about" part shows */
enum from { FROM_PICK = 0, FROM_DEAL, FROM_ACCOUNT };

/* the form as shown: values as typed, and every error at once, each with
 * the field it belongs to (the first of each field) */
struct conv_form {
	enum from from;
	const char *deal_id, *account_id;
	const char *kind, *date, *minutes, *gut, *outcome;
	const char *step_what, *step_due, *step_who;
	const char *stop_reason, *stop_note, *stop_action;
	const char *stage_id, *notes, *ret;
	/* the answer for the deal's open step, and its new date when slipped */
	const char *open_step, *open_step_due;
	/* a STOP closes the deal as lost with the same reason ("1"), else pauses it */
	const char *close_lost;
	/* a contact added to the account with the conversation */
	const char *new_contact_name, *new_contact_role;
	struct rule_error errs[CONV_ERRORS_MAX + 8];
	size_t nerr;
	int err;			/* any error */
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
	int many_accounts;		/* contacts of several accounts (a choice of deals) */
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
	for (size_t i = 0; i < f->nerr; i++)
		if (!strcmp(f->errs[i].field, name))
			return f->errs[i].message;
	return NULL;
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
	if (!account_id && ctx->choices.n) {
		/* the contacts of the deals' accounts (the first CHOICE_ACCOUNTS
		 * of them): app.js offers those of the chosen deal's account */
		size_t cap = 0;
		int64_t seen[CHOICE_ACCOUNTS];
		size_t nseen = 0;
		for (size_t i = 0; i < ctx->choices.n && nseen < CHOICE_ACCOUNTS; i++) {
			int64_t acc = ctx->choices.items[i].account_id;
			size_t k = 0;
			while (k < nseen && seen[k] != acc)
				k++;
			if (k < nseen)
				continue;
			seen[nseen++] = acc;
			struct contact *cs;
			size_t n;
			if ((e = contact_list(r->db, r->a, r->me.org_id, acc, &cs, &n)))
				goto down;
			if (n > CHIPS_PER_ACCOUNT)
				n = CHIPS_PER_ACCOUNT;
			if (ctx->ncontacts + n > cap) {
				size_t ncap = (ctx->ncontacts + n) * 2;
				struct contact *grown = arena_alloc(r->a, ncap * sizeof(*grown));
				if (ctx->ncontacts)
					memcpy(grown, ctx->contacts, ctx->ncontacts * sizeof(*grown));
				ctx->contacts = grown;
				cap = ncap;
			}
			if (n)
				memcpy(ctx->contacts + ctx->ncontacts, cs, n * sizeof(*cs));
			ctx->ncontacts += n;
		}
		ctx->many_accounts = 1;
	}
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

/* buttons that fill the date field `name` (app.js; hidden without script):
 * tomorrow, in 3 days, next Monday, in 2 weeks — counted from today */
static void date_picks(struct request *r, const char *name)
{
	struct strbuf *o = &r->out;
	const char *today = ui_today(r);
	char d[4][11];
	date_add_days(today, 1, d[0]);
	date_add_days(today, 3, d[1]);
	/* the Monday after today: 1..7 days on */
	struct tm tm = { 0 };
	tm.tm_year = atoi(today) - 1900;
	tm.tm_mon = atoi(today + 5) - 1;
	tm.tm_mday = atoi(today + 8);
	tm.tm_hour = 12;
	time_t t = timegm(&tm);
	gmtime_r(&t, &tm);
	int to_monday = (8 - tm.tm_wday) % 7;
	date_add_days(today, to_monday ? to_monday : 7, d[2]);
	date_add_days(today, 14, d[3]);
	const char *labels[4] = { T("Tomorrow"), T("In 3 days"), T("Next Monday"), T("In 2 weeks") };
	html_printf(o, "<div class=\"chips date-picks\" data-date-picks=\"%s\" hidden>", name);
	for (int i = 0; i < 4; i++)
		html_printf(o, "<button type=\"button\" class=\"chip\" data-date=\"%s\" title=\"%s\"><span>%s</span></button>",
			    d[i], ui_date_text(r, d[i]), labels[i]);
	html(o, "</div>");
}

/* the deal chosen in the select, when it is one of the choices */
static const struct deal *chosen_deal(const struct conv_ctx *ctx, const struct conv_form *f)
{
	int64_t id = 0;
	if (parse_i64(f->deal_id, &id) || !id)
		return NULL;
	for (size_t i = 0; i < ctx->choices.n; i++)
		if (ctx->choices.items[i].id == id)
			return ctx->choices.items[i].sig.has_open_step ? &ctx->choices.items[i] : NULL;
	return NULL;
}

/* the deals to choose from; each option carries its open step, which
 * app.js puts into the step question when it is chosen */
static void deal_select(struct request *r, const struct conv_ctx *ctx, const struct conv_form *f, const char *label)
{
	struct strbuf *o = &r->out;
	const char *m = ferr(f, "deal_id");
	html_printf(o, "<div class=\"field%-s\"><label for=\"f-deal_id\">%s</label><select id=\"f-deal_id\" "
		    "name=\"deal_id\" data-step-deals%-s><option value=\"\">%s</option>",
		    m ? " invalid" : "", label, m ? " aria-invalid=\"true\" aria-describedby=\"e-deal_id\"" : "",
		    f->from == FROM_ACCOUNT ? T("No deal: the account in general") : T("— choose the deal —"));
	for (size_t i = 0; i < ctx->choices.n; i++) {
		const struct deal *d = &ctx->choices.items[i];
		const char *id = arena_printf(r->a, "%lld", (long long)d->id);
		const char *text = f->from == FROM_ACCOUNT ? d->title
			: d->owner_id == r->me.user_id ? arena_printf(r->a, "%s — %s", d->title, d->account_name)
			: arena_printf(r->a, "%s — %s (%s)", d->title, d->account_name, d->owner_name);
		html_printf(o, "<option value=\"%s\" data-account=\"%lld\"%-s", id, (long long)d->account_id,
			    !strcmp(id, f->deal_id) ? " selected" : "");
		if (d->sig.has_open_step && d->sig.next_due)
			html_printf(o, " data-step-what=\"%s\" data-step-due=\"%s\" data-step-due-text=\"%s\"",
				    d->next_what, d->sig.next_due, ui_date_text(r, d->sig.next_due));
		html_printf(o, ">%s</option>", text);
	}
	html(o, "</select>");
	if (m)
		html_printf(o, "<p class=\"field-error\" id=\"e-deal_id\">%s</p>", m);
	html(o, "</div>");
}

/*
 * "Was the step '<what>' (due <date>) kept?" — kept, slipped to a new date,
 * missed, or (while it is not yet due) left open. d is the deal with its
 * open step, or NULL: then the question is rendered hidden and disabled for
 * app.js to fill in when a deal with an open step is chosen.
 */
static void step_question(struct request *r, const struct conv_form *f, const struct deal *d)
{
	struct strbuf *o = &r->out;
	const char *today = ui_today(r);
	const char *m = ferr(f, "open_step");
	/* TRANSLATORS: the step question; %s are the step's text and its due date */
	const char *tmpl = T("Was the step \"%s\" (due %s) kept?");
	html_printf(o, "<fieldset class=\"choices step-question%-s\" id=\"f-open_step\" data-step-question "
		    "data-today=\"%s\" data-legend=\"%s\"%-s%-s><legend>",
		    m ? " invalid" : "", today, tmpl, d ? "" : " hidden disabled",
		    m ? " aria-describedby=\"e-open_step\"" : "");
	if (d)
		html_printf(o, "%s", arena_printf(r->a, tmpl, d->next_what, ui_date_text(r, d->sig.next_due)));
	html(o, "</legend><div class=\"tiles\">");
	static const char *const values[] = { "kept", "slipped", "missed", "open" };
	const char *labels[] = { T("Kept"), T("Slipped to a new date"), T("Missed"), T("Not due yet: leave it open") };
	int not_due = d && strcmp(d->sig.next_due, today) > 0;
	for (int i = 0; i < 4; i++)
		html_printf(o, "<label class=\"tile tile-%s\"%-s><input type=\"radio\" name=\"open_step\" value=\"%s\""
			    "%-s%-s><span>%s</span></label>", values[i], i == 3 && !not_due ? " hidden" : "", values[i],
			    !strcmp(f->open_step, values[i]) ? " checked" : "", i == 0 && d ? " required" : "",
			    labels[i]);
	html(o, "</div>");
	field_error(r, f, "open_step");
	html(o, "<div class=\"slip-date\" data-slip-date>");
	ui_input(r, "open_step_due", T("The step's new date"), "date", f->open_step_due, ferr(f, "open_step_due"),
		 arena_printf(r->a, " min=\"%s\"", today));
	date_picks(r, "open_step_due");
	html(o, "</div></fieldset>");
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
		step_question(r, f, d->sig.has_open_step ? d : NULL);
		return;
	}
	/* a choice of deals: all the viewer's open ones, or the account's */
	size_t n = ctx->choices.n;
	if (f->from == FROM_ACCOUNT) {
		html_printf(o, "<input type=\"hidden\" name=\"account_id\" value=\"%lld\">", (long long)ctx->account.id);
		html_printf(o, "<div class=\"about\" id=\"f-account_id\"><p class=\"eyebrow\">%s</p>"
			    "<p class=\"about-title\"><a href=\"/accounts/%lld\">%s</a></p>",
			    T("Account"), (long long)ctx->account.id, ctx->account.name);
		field_error(r, f, "account_id");
		html(o, "</div>");
		if (n) {
			deal_select(r, ctx, f, T("About one of its deals?"));
			step_question(r, f, chosen_deal(ctx, f));
		}
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
	deal_select(r, ctx, f, T("Deal"));
	step_question(r, f, chosen_deal(ctx, f));
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
		 arena_printf(r->a, " maxlength=\"%d\" placeholder=\"%s\" data-step-required", TEXT_MAX,
			      attr_text(r, T("e.g. demo for the CFO"))));
	/* data-step-required: app.js makes these required while STEP is chosen */
	ui_input(r, "step_due", T("By when?"), "date", f->step_due, ferr(f, "step_due"),
		 arena_printf(r->a, " min=\"%s\" data-step-required", date_valid(f->date) ? f->date : ui_today(r)));
	date_picks(r, "step_due");
	ui_input(r, "step_who", T("Who on the customer's side committed to it?"), "text", f->step_who,
		 ferr(f, "step_who"), arena_printf(r->a, " maxlength=\"%d\" autocomplete=\"off\" data-step-required%s",
						   TEXT_MAX, ctx->ncontacts ? " list=\"contacts\"" : ""));
	if (ctx->ncontacts) {
		html(o, "<datalist id=\"contacts\">");
		for (size_t i = 0; i < ctx->ncontacts && !ctx->many_accounts; i++)
			html_printf(o, "<option value=\"%s\">", ctx->contacts[i].name);
		html(o, "</datalist>");
		/* the account's contacts as chips that fill in "who" (app.js) */
		html_printf(o, "<div class=\"chips contact-chips\" data-fill-chips=\"step_who\" hidden aria-label=\"%s\">",
			    T("The account's contacts"));
		for (size_t i = 0; i < ctx->ncontacts && (ctx->many_accounts || i < CHIPS_PER_ACCOUNT); i++)
			html_printf(o, "<button type=\"button\" class=\"chip\" data-value=\"%s\" data-account=\"%lld\"%-s>"
				    "<span>%s</span></button>", ctx->contacts[i].name, (long long)ctx->contacts[i].account_id,
				    ctx->many_accounts ? " hidden" : "", ctx->contacts[i].name);
		html(o, "</div>");
	}
	if (ctx->has_deal || ctx->has_account || ctx->choices.n) {
		int open = *f->new_contact_name || *f->new_contact_role || ferr(f, "new_contact_name") ||
			   ferr(f, "new_contact_role");
		html_printf(o, "<details class=\"new-contact\"%-s><summary>%s</summary>", open ? " open" : "",
			    T("New contact"));
		html_printf(o, "<p class=\"hint\">%s</p>",
			    T("Saved to the account's contacts with the conversation; a blank \"who\" takes the name."));
		ui_input(r, "new_contact_name", T("Name"), "text", f->new_contact_name, ferr(f, "new_contact_name"),
			 arena_printf(r->a, " maxlength=\"%d\" autocomplete=\"off\"", NAME_MAX_LEN));
		ui_input(r, "new_contact_role", T("Role"), "text", f->new_contact_role, ferr(f, "new_contact_role"),
			 arena_printf(r->a, " maxlength=\"%d\" placeholder=\"%s\"", NAME_MAX_LEN,
				      attr_text(r, T("e.g. CFO"))));
		html(o, "</details>");
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
	/* a stop on an account without a deal has nothing to close: ticked,
	 * the deal is closed as lost with the same reason; unticked, paused */
	if (f->from != FROM_ACCOUNT || ctx->choices.n) {
		const char *m = ferr(f, "stop_action");
		html_printf(o, "<div class=\"field check%-s\" id=\"f-stop_action\"><label><input type=\"checkbox\" "
			    "name=\"close_lost\" value=\"1\"%-s> %s</label><p class=\"hint\">%s</p>",
			    m ? " invalid" : "", *f->close_lost ? " checked" : "", T("Close the deal as lost (reason: the same)"),
			    f->from == FROM_ACCOUNT ? T("Only when the conversation was about one of its deals. Unticked, "
							"the deal is paused.")
			    : T("Unticked, the deal is paused: it leaves the pipeline until the customer comes back."));
		field_error(r, f, "stop_action");
		html(o, "</div>");
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
	/* app.js hides (and disables) it once STOP is chosen: a stop moves no stage */
	html(&r->out, "<div data-hide-on-outcome=\"stop\">");
	ui_select(r, "stage_id", T("Move the deal to another stage?"), values, labels, k, f->stage_id,
		  ferr(f, "stage_id"));
	html(&r->out, "</div>");
}

/* the whole page; status is already set for a re-render */
static void render_form(struct request *r, const struct conv_ctx *ctx, const struct conv_form *f)
{
	struct strbuf *o = &r->out;
	ui_page_begin(r, T("Log a conversation"), f->from == FROM_DEAL || f->from == FROM_PICK ? "pipeline" : "accounts");
	html_printf(o, "<div class=\"conv-page\"><h1>%s</h1>", T("Log a conversation"));
	if (f->nerr) {
		/* every error at once, each a link to its field */
		html_printf(o, "<div class=\"notice notice-error\" role=\"alert\">%s<ul class=\"error-list\">",
			    T("The conversation was not logged."));
		for (size_t i = 0; i < f->nerr; i++)
			html_printf(o, "<li><a href=\"#f-%s\">%s</a></li>", f->errs[i].field, f->errs[i].message);
		html(o, "</ul></div>");
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
	/* the kind and duration of this rep's latest conversation, pre-chosen */
	const char *last_kind = NULL;
	int last_minutes = -1;
	if (!conversation_last_kind(r->db, r->a, r->me.org_id, r->me.user_id, &last_kind, &last_minutes)) {
		if (last_kind && conv_kind_parse(last_kind) != CONV_INVALID)
			f.kind = last_kind;
		if (last_minutes >= 0)
			f.minutes = arena_printf(r->a, "%d", last_minutes);
	}
	f.step_what = f.step_due = f.step_who = f.stop_reason = f.stop_note = f.stop_action = f.stage_id = f.notes = "";
	f.open_step = f.open_step_due = f.new_contact_name = f.new_contact_role = "";
	f.close_lost = "1";
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

/* one more error; only the first of a field is kept */
static void set_err(struct request *r, struct conv_form *f, const char *field, const char *msgid)
{
	f->err = 1;
	if (ferr(f, field) || f->nerr >= sizeof(f->errs) / sizeof(f->errs[0]))
		return;
	f->errs[f->nerr].field = field;
	f->errs[f->nerr].message = T(msgid);
	f->nerr++;
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
	f.open_step = form_val(r, "open_step");
	f.open_step_due = dealui_form_text(r, "open_step_due");
	f.close_lost = form_val(r, "close_lost");
	f.new_contact_name = dealui_form_text(r, "new_contact_name");
	f.new_contact_role = dealui_form_text(r, "new_contact_role");
	f.ret = return_path(r, req_form(r, "return"));
	/* a form opened from a deal that lost its deal field is a form without one */
	if (f.from == FROM_DEAL && !*f.deal_id)
		f.from = FROM_PICK;

	struct conv_ctx ctx;
	if (load_ctx(r, &f, &ctx))
		return;
	int64_t deal_id = dealui_form_id(r, "deal_id"), account_id = dealui_form_id(r, "account_id");
	/* the deal as it is now: the one the form is about, or the one chosen
	 * from the list — which must exist and be the viewer's to work on */
	const struct deal *deal = ctx.has_deal ? &ctx.deal : NULL;
	if (deal_id && f.from != FROM_DEAL) {
		if (!(deal = deal_load_or_reply(r, deal_id, NEED_CHANGE)))
			return;
	}
	enum outcome oc = outcome_parse(f.outcome);
	/* a STOP on a deal: ticked, closed as lost with the same reason (one
	 * list of reasons: every STOP reason is one a deal is lost for);
	 * unticked: paused. A form that names the action itself (stop_action)
	 * is taken at its word. */
	if (!*f.stop_action && oc == OUTCOME_STOP && deal_id)
		f.stop_action = *f.close_lost ? "lost" : "paused";
	/* a new contact, given: its name is the "who" of a step left blank */
	if (*f.new_contact_name && oc == OUTCOME_STEP && !*f.step_who)
		f.step_who = f.new_contact_name;
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
	li.new_stage_id = oc == OUTCOME_STOP ? 0 : dealui_form_id(r, "stage_id");
	/* every error at once: the stage, the texts, the rules of the outcome,
	 * the step question, the new contact */
	if (oc != OUTCOME_STOP && *f.stage_id && !li.new_stage_id)
		set_err(r, &f, "stage_id", N_("Choose an open stage; close a deal as won or lost instead."));
	const char *tfield = NULL, *tm = validate_conversation_text(f.notes, f.step_what, f.step_who, f.stop_note,
								    &tfield);
	if (tm)
		set_err(r, &f, tfield, tm);
	struct rule_error found[CONV_ERRORS_MAX];
	size_t nf = conversation_validate_all(&li.in, ui_today(r), found, CONV_ERRORS_MAX);
	for (size_t i = 0; i < nf; i++)
		set_err(r, &f, found[i].field, found[i].message);
	/* the deal's open step: the form asks, and an answer is needed */
	if (deal && deal->sig.has_open_step && deal->sig.next_due) {
		enum step_answer ans = step_answer_parse(f.open_step);
		struct rule_error se;
		if (ans == STEP_ANSWER_NONE)
			set_err(r, &f, "open_step", N_("Say whether the open step was kept, slipped to a new date or missed."));
		else if (step_answer_check(ans, deal->sig.next_due, f.open_step_due,
					   date_valid(f.date) ? f.date : ui_today(r), ui_today(r), &se))
			set_err(r, &f, se.field, se.message);
		li.open_step = f.open_step;
		li.open_step_due = f.open_step_due;
	}
	int64_t contact_account = deal ? deal->account_id : account_id;
	if (*f.new_contact_name || *f.new_contact_role) {
		const char *m;
		if (!contact_account)
			set_err(r, &f, "new_contact_name", N_("Choose the deal or the account first: the contact is saved to its account."));
		else if (!access_contact_add(&r->viewer, r->me.org_id))
			set_err(r, &f, "new_contact_name", N_("You may not add contacts."));
		else if ((m = validate_name(f.new_contact_name)))
			set_err(r, &f, "new_contact_name", m);
		if ((m = validate_text(f.new_contact_role, NAME_MAX_LEN)))
			set_err(r, &f, "new_contact_role", m);
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
	/* the new contact joins the account (after the conversation: a failure
	 * here loses no conversation, and the form is not sent twice) */
	if (*f.new_contact_name &&
	    contact_create(r->db, r->me.org_id, contact_account, f.new_contact_name, f.new_contact_role, "", "", NULL))
		log_error("conversation %lld: the new contact could not be saved", (long long)id);
	const char *code = oc == OUTCOME_STEP ? "conversation-step"
		: oc == OUTCOME_NONE ? "conversation-none"
		: !deal_id ? "conversation-stop"
		: !strcmp(f.stop_action, "paused") ? "conversation-paused" : "conversation-lost";
	const char *back = f.ret ? f.ret
		: deal_id ? arena_printf(r->a, "/deals/%lld", (long long)deal_id)
		: arena_printf(r->a, "/accounts/%lld", (long long)account_id);
	ui_redirect_done(r, back, code);
}
