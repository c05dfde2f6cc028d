/*
 * ui: the page chrome shared by every page (after cgit's ui-shared.c) —
 * head, navigation, the signed-in user, the language switch, notices, error
 * pages — and small form helpers. Everything written through html_* escapes.
 */
#ifndef SG_UI_H
#define SG_UI_H
#include "../http/request.h"
#include "../lib/html.h"
#include "../domain/commitment.h"

/* nav is the key of the active menu item: "home", "teams", "admin-users", ... */
void ui_page_begin(struct request *r, const char *title, const char *nav);
void ui_page_end(struct request *r);
/* the "Log a conversation" button fixed at the bottom of a phone's screen
 * (hidden on wider screens): deal_id pre-chooses the deal (0: none), ret is
 * where the form returns to (a local path, URL-encoded, or NULL) */
void ui_log_button(struct request *r, int64_t deal_id, const char *ret);
/* a whole error page in the chrome; the status is already set */
void ui_error_page(struct request *r, enum err e, const char *message);

/* <input type=hidden name=csrf_token> */
void ui_csrf(struct request *r);
/* a notice box; kind is "ok", "error" or "info"; text is escaped */
void ui_notice(struct request *r, const char *kind, const char *text);

/* a labelled input; error (may be NULL) is shown beneath and marks it invalid */
void ui_input(struct request *r, const char *name, const char *label, const char *type,
	      const char *value, const char *error, const char *extra_attrs);
/* <select> from parallel arrays of values and labels */
void ui_select(struct request *r, const char *name, const char *label, const char *const *values,
	       const char *const *labels, size_t n, const char *selected, const char *error);

/* ui_redirect_done(r, "/admin/teams", "team-added"): 303 with a notice code
 * that ui_page_begin turns into a translated message */
void ui_redirect_done(struct request *r, const char *path, const char *code);

/* an amount in minor units in the reader's language: "€ 12.500" */
void ui_money(struct request *r, int64_t minor, const char *currency);
/* a "YYYY-MM-DD" date in the reader's language: "23 nov. 2026" */
void ui_date(struct request *r, const char *iso);
/* a rate (NaN shows "–") as a percentage with no decimals */
void ui_percent(struct request *r, double fraction);
/* a green/amber/red dot with its label, and (with reasons) the reasons in words */
void ui_health(struct request *r, const struct health_result *h, int with_reasons);
/* the same as text in the request's arena, for sentences built around a
 * figure: money in whole units, a percentage without decimals */
const char *ui_money_text(struct request *r, int64_t minor, const char *currency);
const char *ui_percent_text(struct request *r, double fraction);
const char *ui_decimal_text(struct request *r, double v, int decimals);
/* count of n as a percentage that does not hide its size: one decimal unless
 * whole ("4.5%" for 1 of 22, "9.1%" for 1 of 11, "10%" for 3 of 30) */
const char *ui_share_text(struct request *r, size_t count, size_t n);
const char *ui_date_text(struct request *r, const char *iso);
/* the days a page covers, from ?from= and ?to= (inclusive "YYYY-MM-DD"):
 * to defaults to today and from to default_days before and including it; a
 * message per field that is wrong (not a date, to before from, over ten years) */
struct day_range {
	const char *from, *to;
	const char *e_from, *e_to;
};
void ui_day_range(struct request *r, int default_days, struct day_range *out);
/* today, as the request sees it ("YYYY-MM-DD") */
const char *ui_today(struct request *r);
/* may the viewer see the deals (and conversations) of this owner? */
int ui_may_see_owner(struct request *r, int64_t owner_id, int64_t owner_team_id);

/* a failed store call on a page: resp_store_error (http/request.h), the
 * same answer as the API's */

/* a JSON value (stolen reference) as <script type="application/json" id=ID>
 * for app.js to read, e.g. a chart's data: '<', '>' and '&' only occur
 * inside JSON strings and become \u escapes, so nothing can close the script */
void ui_json_script(struct request *r, const char *id, json_t *v);

/* the role's translated name */
const char *ui_role_label(struct request *r, const char *role);

#endif
