/*
 * numbersui: what the numbers pages share — the tab bar (my numbers, team,
 * targets, tiers, concentration, excuse check), the period picker, and the
 * period and settings every one of them reads first.
 */
#ifndef SG_WEB_NUMBERSUI_H
#define SG_WEB_NUMBERSUI_H
#include "../http/request.h"
#include "../domain/period.h"
#include "../store/numbers.h"

/* active: "numbers", "team", "targets", "tiers", "concentration", "excuses" */
void ui_numbers_tabs(struct request *r, const char *active);
/* the org's settings and the period named by ?period= (or, without one, the
 * period of ?kind= — month, quarter, year; default_kind when absent — that
 * holds ?day=, else today; the picker sends kind and day). 0, or -1 when the
 * answer (400 on a bad period, kind or day) was sent. */
int numbers_context(struct request *r, enum period_kind default_kind, struct numbers_settings *s, struct period *p);
/* a GET form: previous / next period links and the kind; hidden carries
 * the rest of the query to keep ("rep=5", "team=3", or "") */
void ui_period_picker(struct request *r, const char *action, const struct period *p, const char *hidden_query);
/* the period's label in words in the reader's language: "November 2026",
 * "Q1 2026 (Jul–Sep 2026)", "FY2026 (Jul 2026–Jun 2027)" ("FY2026" alone
 * when the fiscal year is the calendar year) */
const char *ui_period_name(struct request *r, const struct period *p);
/* the tier rules in words, as they read on the tiers page and the admin's
 * settings page: a <ul class="tier-rules"> with one <li> per tier
 * ("Superstar: at least 120 % of target.", "Underperformer: below 80 % of
 * target in 2 periods in a row.", "Core: everyone else with a target.",
 * "No tier: no target in the period.") */
void ui_tier_rules_words(struct request *r, const struct tier_rules *t);
/* a chart drawn by src/static/app.js: the <canvas> in a .chart-box and its
 * spec (stolen reference; the kinds are described at the top of app.js's
 * chart code) as a JSON block that is safe inside <script>. The page loads
 * <script src="/static/chart.umd.js" defer></script> once, and shows the
 * same numbers in a table. */
void ui_chart(struct request *r, const char *id, const char *aria_label, json_t *spec);

#endif
