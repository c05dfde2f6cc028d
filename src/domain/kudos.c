/* kudos: see kudos.h for the rules in words. */
#include "kudos.h"
#include "plans.h"
#include "period.h"
#include "validate.h"
#include "../lib/i18n.h"
#include "../lib/util.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t add(struct kudos_field_error *errs, size_t n, const char *field, const char *message)
{
	if (n < KUDOS_ERRORS_MAX)
		errs[n++] = (struct kudos_field_error){ field, message };
	return n;
}

size_t kudos_input_check(const struct kudos_input *in, struct kudos_field_error *errs)
{
	size_t n = 0;
	const char *m;
	if (in->rep_id <= 0)
		n = add(errs, n, "rep_id", N_("Choose the colleague you give kudos to."));
	else if (in->rep_id == in->giver_id)
		n = add(errs, n, "rep_id", N_("Kudos are for a colleague, not for yourself."));
	else if (!in->rep_known)
		n = add(errs, n, "rep_id", N_("Kudos go to an active colleague in your own organisation."));
	if (!recognition_kind_valid(in->kind))
		n = add(errs, n, "kind", N_("Choose what the kudos are for: effort, improvement, progress or a win."));
	if (!in->text || !*in->text)
		n = add(errs, n, "text", N_("Say what they did, in a few words."));
	else if ((m = validate_notes(in->text, KUDOS_TEXT_MAX)))
		n = add(errs, n, "text", m);
	return n;
}

const char *const spotlight_period_codes[] = { "week", "month" };
const size_t spotlight_period_count = 2;

int spotlight_period_valid(const char *s)
{
	return s && (!strcmp(s, "week") || !strcmp(s, "month"));
}

const char *spotlight_period_label(const char *code)
{
	if (code && !strcmp(code, "week"))
		return N_("This week");
	if (code && !strcmp(code, "month"))
		return N_("This month");
	return code;
}

/* floor division, for days before the epoch week */
static long floor_div(long a, long b)
{
	long q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

long kudos_week_index(const char *day)
{
	if (!day || !date_valid(day))
		return LONG_MIN;
	return floor_div(day_diff("1970-01-05", day), 7);	/* 5 January 1970 was a Monday */
}

long kudos_month_index(const char *day)
{
	if (!day || !date_valid(day))
		return LONG_MIN;
	int y = atoi(day), m = atoi(day + 5);
	return (long)y * 12 + (m - 1);
}

int spotlight_period_start(const char *kind, const char *day, char out[11])
{
	if (!spotlight_period_valid(kind) || !day || !date_valid(day))
		return -1;
	if (!strcmp(kind, "month")) {
		snprintf(out, 11, "%.7s-01", day);
		return 0;
	}
	long w = kudos_week_index(day);
	day_add("1970-01-05", w * 7, out);
	return 0;
}

size_t spotlight_input_check(const struct spotlight_input *in, struct kudos_field_error *errs)
{
	size_t n = 0;
	const char *m;
	if (!spotlight_period_valid(in->period))
		n = add(errs, n, "period", N_("Choose the spotlight's period: this week or this month."));
	if (in->rep_id <= 0)
		n = add(errs, n, "rep_id", N_("Choose who is in the spotlight."));
	else if (!in->rep_in_team)
		n = add(errs, n, "rep_id", N_("The spotlight names an active member of the team."));
	if (!in->citation || !*in->citation)
		n = add(errs, n, "citation", N_("Write the citation: what they did and why it matters."));
	else if ((m = validate_notes(in->citation, SPOTLIGHT_TEXT_MAX)))
		n = add(errs, n, "citation", m);
	return n;
}

/* --- badges and streaks --- */

const char *const badge_codes[BADGE_COUNT] = { "ten_kept", "clean_month", "first_book", "most_improved" };

const char *badge_label(enum badge_kind k)
{
	switch (k) {
	case BADGE_TEN_KEPT: return N_("First ten kept steps");
	case BADGE_CLEAN_MONTH: return N_("A month without a missed step");
	case BADGE_FIRST_BOOK: return N_("First book returned with a takeaway");
	case BADGE_MOST_IMPROVED: return N_("Most-improved win");
	default: return "";
	}
}

const char *badge_rule(enum badge_kind k)
{
	switch (k) {
	case BADGE_TEN_KEPT: return N_("Earned on the day your tenth step is kept.");
	case BADGE_CLEAN_MONTH:
		return N_("Earned after a whole calendar month in which at least one of your steps fell due and "
			  "every one of them was kept.");
	case BADGE_FIRST_BOOK: return N_("Earned when you first return a library loan with a takeaway written.");
	case BADGE_MOST_IMPROVED:
		return N_("Earned by taking first place in a finished contest on most improved.");
	default: return "";
	}
}

/* one period's steps: judged once the period is over */
struct pstat {
	long idx;
	int kept, missed, open;
};

enum verdict { V_NEUTRAL, V_GOOD, V_BAD };

static enum verdict judge(const struct pstat *p)
{
	if (p->missed)
		return V_BAD;
	if (p->open || !p->kept)
		return V_NEUTRAL;
	return V_GOOD;
}

static int by_idx_desc(const void *a, const void *b)
{
	const struct pstat *x = a, *y = b;
	return x->idx < y->idx ? 1 : x->idx > y->idx ? -1 : 0;
}

/* the periods (weekly: week index, else month index) that are over before
 * today's, each with its steps, newest first; open steps more than
 * grace_days past due count as missed. Returns how many (out: f->ndays
 * entries at most). */
static size_t periods(const struct badge_facts *f, int weekly, struct pstat *out)
{
	long now = weekly ? kudos_week_index(f->today) : kudos_month_index(f->today);
	size_t n = 0;
	for (size_t i = 0; i < f->ndays; i++) {
		const struct step_day *d = &f->days[i];
		long idx = weekly ? kudos_week_index(d->due) : kudos_month_index(d->due);
		if (idx == LONG_MIN || idx >= now)
			continue;
		int late = (int)day_diff(d->due, f->today);
		int missed = d->missed + (late > f->grace_days ? d->open : 0);
		int open = late > f->grace_days ? 0 : d->open;
		size_t k = n && out[n - 1].idx == idx ? n - 1 : 0;	/* the days come grouped, mostly */
		for (; k < n && out[k].idx != idx; k++)
			;
		if (k == n)
			out[n++] = (struct pstat){ idx, 0, 0, 0 };
		out[k].kept += d->kept;
		out[k].missed += missed;
		out[k].open += open;
	}
	qsort(out, n, sizeof(*out), by_idx_desc);
	return n;
}

static void runs(const struct pstat *p, size_t n, int *current, int *best)
{
	int cur = 0, run = 0, in_current = 1;
	*best = 0;
	for (size_t i = 0; i < n; i++) {
		enum verdict v = judge(&p[i]);
		if (v == V_NEUTRAL)
			continue;
		if (v == V_GOOD) {
			run++;
			if (in_current)
				cur++;
		} else {
			in_current = 0;
			run = 0;
		}
		if (run > *best)
			*best = run;
	}
	*current = cur;
}

void streaks_compute(const struct badge_facts *f, struct streaks *out)
{
	memset(out, 0, sizeof(*out));
	if (!f->today || !date_valid(f->today) || !f->ndays)
		return;
	struct pstat *p = calloc(f->ndays, sizeof(*p));
	if (!p)
		return;
	size_t n = periods(f, 1, p);
	runs(p, n, &out->week_current, &out->week_best);
	n = periods(f, 0, p);
	runs(p, n, &out->month_current, &out->month_best);
	free(p);
}

void badges_compute(const struct badge_facts *f, struct badge *out)
{
	for (int k = 0; k < BADGE_COUNT; k++)
		out[k] = (struct badge){ .kind = (enum badge_kind)k };
	if (f->tenth_kept_on && date_valid(f->tenth_kept_on)) {
		out[BADGE_TEN_KEPT].earned = 1;
		out[BADGE_TEN_KEPT].count = 1;
		snprintf(out[BADGE_TEN_KEPT].on, 11, "%s", f->tenth_kept_on);
	}
	if (f->first_book_on && date_valid(f->first_book_on)) {
		out[BADGE_FIRST_BOOK].earned = 1;
		out[BADGE_FIRST_BOOK].count = 1;
		snprintf(out[BADGE_FIRST_BOOK].on, 11, "%s", f->first_book_on);
	}
	if (f->most_improved_on && date_valid(f->most_improved_on) && f->most_improved_wins > 0) {
		out[BADGE_MOST_IMPROVED].earned = 1;
		out[BADGE_MOST_IMPROVED].count = f->most_improved_wins;
		snprintf(out[BADGE_MOST_IMPROVED].on, 11, "%s", f->most_improved_on);
	}
	if (!f->today || !date_valid(f->today) || !f->ndays)
		return;
	struct pstat *p = calloc(f->ndays, sizeof(*p));
	if (!p)
		return;
	size_t n = periods(f, 0, p);
	long first = -1;
	int clean = 0;
	for (size_t i = 0; i < n; i++)
		if (judge(&p[i]) == V_GOOD) {
			clean++;
			first = p[i].idx;	/* newest first: the last one seen is the earliest */
		}
	free(p);
	if (clean) {
		long next = first + 1;
		struct badge *b = &out[BADGE_CLEAN_MONTH];
		b->earned = 1;
		b->count = clean;
		char buf[32];
		snprintf(buf, sizeof(buf), "%04d-%02d-01", (int)(next / 12 % 10000), (int)(next % 12 + 1));
		memcpy(b->on, buf, 11);
	}
}
