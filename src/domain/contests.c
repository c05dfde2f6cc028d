/* contests: see contests.h. */
#include "contests.h"
#include "period.h"
#include "../lib/i18n.h"
#include "../lib/util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const lb_figure_codes[FIG_COUNT] = { "revenue", "attainment", "new_deals", "commitment_rate",
						 "steps_kept", "learning_hours", "most_improved" };
const char *const contest_state_codes[4] = { "upcoming", "running", "ended", "final" };

int lb_figure_parse(const char *code)
{
	for (int i = 0; code && i < FIG_COUNT; i++)
		if (!strcmp(code, lb_figure_codes[i]))
			return i;
	return -1;
}

const char *lb_figure_label(enum lb_figure f)
{
	switch (f) {
	case FIG_REVENUE: return N_("Revenue");
	case FIG_ATTAINMENT: return N_("Attainment");
	case FIG_NEW_DEALS: return N_("New deals");
	case FIG_COMMITMENT_RATE: return N_("Commitment rate");
	case FIG_STEPS_KEPT: return N_("Steps kept");
	case FIG_LEARNING_HOURS: return N_("Learning hours");
	case FIG_MOST_IMPROVED: return N_("Most improved");
	default: return "";
	}
}

const char *lb_figure_rule(enum lb_figure f)
{
	switch (f) {
	case FIG_REVENUE: return N_("the amount of deals won in the period, by closing day (as on the numbers page)");
	case FIG_ATTAINMENT: return N_("revenue divided by the target of the period (as on the numbers page)");
	case FIG_NEW_DEALS: return N_("deals the rep owns that were created in the period");
	case FIG_COMMITMENT_RATE:
		return N_("conversations ending in a step or a stop, of all conversations held in the period "
			  "(as on the figures page)");
	case FIG_STEPS_KEPT:
		return N_("steps kept by their agreed date, of the steps due in the period up to today "
			  "(as on the figures page)");
	case FIG_LEARNING_HOURS: return N_("hours of learning activities done in the period");
	case FIG_MOST_IMPROVED:
		return N_("the change of the figure against the previous period of the same length");
	default: return "";
	}
}

int lb_figure_reveals_revenue(enum lb_figure f, enum lb_figure base)
{
	if (f == FIG_MOST_IMPROVED)
		f = base;
	return f == FIG_REVENUE || f == FIG_ATTAINMENT;
}

int lb_figure_lower_better(enum lb_figure f)
{
	(void)f;
	return 0;
}

int lb_figure_is_rate(enum lb_figure f)
{
	return f == FIG_ATTAINMENT || f == FIG_COMMITMENT_RATE;
}

int lb_figure_needs_months(enum lb_figure f)
{
	return f == FIG_REVENUE || f == FIG_ATTAINMENT;
}

static size_t add(struct contest_field_error *errs, size_t n, size_t max, const char *field, const char *msg)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(errs[i].field, field))
			return n;
	if (n < max)
		errs[n++] = (struct contest_field_error){ field, msg };
	return n;
}

const char *contest_minimum_parse(const char *s, int64_t *min)
{
	const char *m = s ? s : "";
	if (!*m)
		return NULL;
	char *end;
	long long v = strtoll(m, &end, 10);
	if (*end || end == m)
		return N_("The minimum is a whole number of conversations.");
	if (v < 0)
		return N_("The minimum cannot be negative.");
	if (v > CONTEST_MIN_MAX)
		return N_("The minimum is too large.");
	*min = v;
	return NULL;
}

size_t contest_validate(const struct contest_input *in, struct contest_field_error *errs, size_t max,
			int64_t *min)
{
	size_t n = 0;
	*min = 0;
	const char *name = in->name ? in->name : "";
	if (!*name)
		n = add(errs, n, max, "name", N_("Give the contest a name."));
	else if (strlen(name) > CONTEST_NAME_MAX)
		n = add(errs, n, max, "name", N_("The name is too long (at most 120 characters)."));
	int f = lb_figure_parse(in->figure);
	int base = -1;
	if (f < 0)
		n = add(errs, n, max, "figure", N_("Choose a figure from the list."));
	else if (f == FIG_MOST_IMPROVED) {
		base = lb_figure_parse(in->base);
		if (base < 0 || base == FIG_MOST_IMPROVED)
			n = add(errs, n, max, "base", N_("Choose the figure whose improvement counts."));
	}
	if (!in->mode || (strcmp(in->mode, "individual") && strcmp(in->mode, "team")))
		n = add(errs, n, max, "mode", N_("Choose individuals or teams."));
	int s_ok = in->starts_on && date_valid(in->starts_on), e_ok = in->ends_on && date_valid(in->ends_on);
	if (!s_ok)
		n = add(errs, n, max, "starts_on", N_("Give the first day as a date."));
	if (!e_ok)
		n = add(errs, n, max, "ends_on", N_("Give the last day as a date."));
	else if (s_ok && strcmp(in->ends_on, in->starts_on) < 0)
		n = add(errs, n, max, "ends_on", N_("The last day is before the first day."));
	else if (s_ok && day_diff(in->starts_on, in->ends_on) > 366)
		n = add(errs, n, max, "ends_on", N_("A contest lasts at most a year."));
	if (s_ok && e_ok && f >= 0 && lb_figure_needs_months(f == FIG_MOST_IMPROVED && base >= 0 ? base : f) &&
	    !in->months_ok)
		n = add(errs, n, max, "ends_on",
			N_("Revenue and attainment are counted over whole months: start on a first and end on a last day of a month."));
	const char *merr = contest_minimum_parse(in->minimum, min);
	if (merr)
		n = add(errs, n, max, "minimum", merr);
	if (in->prize && strlen(in->prize) > CONTEST_PRIZE_MAX)
		n = add(errs, n, max, "prize", N_("The prize text is too long (at most 500 characters)."));
	if (!in->nteams)
		n = add(errs, n, max, "teams", N_("Choose at least one team taking part."));
	else if (!in->teams_known)
		n = add(errs, n, max, "teams", N_("One of the teams is not a team you may run a contest for."));
	else if (f >= 0 && in->mode && !strcmp(in->mode, "individual") && in->team_hides_revenue &&
		 lb_figure_reveals_revenue(f, base >= 0 ? base : f))
		n = add(errs, n, max, "teams",
			N_("A team taking part keeps individual revenue off its leaderboards: run this contest for teams, or on an effort figure."));
	return n;
}

enum contest_state contest_state_of(const char *starts_on, const char *ends_on, const char *today, int frozen)
{
	if (frozen)
		return CONTEST_FINAL;
	if (strcmp(today, starts_on) < 0)
		return CONTEST_UPCOMING;
	if (strcmp(today, ends_on) <= 0)
		return CONTEST_RUNNING;
	return CONTEST_ENDED;
}

int contest_needs_freeze(const char *ends_on, const char *today, int frozen)
{
	return !frozen && strcmp(today, ends_on) > 0;
}

void lb_previous_span(const char *from, const char *to, int fiscal_start_month, char pfrom[11], char pto[11])
{
	struct period p, q;
	if (period_from_bounds(from, to, fiscal_start_month, &p) == 0) {
		period_prev(&p, fiscal_start_month, &q);
		snprintf(pfrom, 11, "%s", q.start);
		snprintf(pto, 11, "%s", q.end);
		return;
	}
	long len = day_diff(from, to) + 1;
	day_add(from, -1, pto);
	day_add(from, -len, pfrom);
}

const char *const lb_period_codes[LB_PERIODS] = { "this_month", "last_month", "this_quarter", "last_quarter",
						  "this_year", "last_year" };

const char *lb_period_label(int i)
{
	static const char *const labels[LB_PERIODS] = { N_("This month"), N_("Last month"), N_("This quarter"),
							 N_("Last quarter"), N_("This year"), N_("Last year") };
	return i >= 0 && i < LB_PERIODS ? labels[i] : "";
}

int lb_period_resolve(const char *code, const char *today, int fiscal_start_month, char from[11], char to[11])
{
	for (int i = 0; code && i < LB_PERIODS; i++) {
		if (strcmp(code, lb_period_codes[i]))
			continue;
		enum period_kind k = i < 2 ? PERIOD_MONTH : i < 4 ? PERIOD_QUARTER : PERIOD_YEAR;
		struct period p, q;
		period_containing(k, today, fiscal_start_month, &p);
		if (i % 2)
			period_prev(&p, fiscal_start_month, &q);
		else
			q = p;
		snprintf(from, 11, "%s", q.start);
		snprintf(to, 11, "%s", q.end);
		return 0;
	}
	return -1;
}
