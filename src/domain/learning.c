/* learning: see learning.h for the rules in words. */
#include "learning.h"
#include "period.h"
#include "../lib/i18n.h"
#include "../lib/util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const learning_kind_codes[] = {
	"course", "training_day", "book", "article", "seminar", "webinar", "coaching",
	"ride_along", "joint_call", "practice_case", "mentoring", "workshop", "other",
};
const size_t learning_kind_count = sizeof(learning_kind_codes) / sizeof(learning_kind_codes[0]);
static const char *const kind_labels[] = {
	N_("Course"), N_("Training day"), N_("Book"), N_("Article"), N_("Seminar"), N_("Webinar"),
	N_("Coaching session"), N_("Ride-along with a colleague"), N_("Joint call with the manager"),
	N_("Practice case"), N_("Mentoring"), N_("Workshop"), N_("Other"),
};

const char *const learning_origin_codes[] = { "self", "suggested", "mandatory" };
const size_t learning_origin_count = 3;
static const char *const origin_labels[] = { N_("Self-initiated"), N_("Suggested"), N_("Mandatory") };

static int index_of(const char *const *codes, size_t n, const char *s)
{
	for (size_t i = 0; s && i < n; i++)
		if (!strcmp(codes[i], s))
			return (int)i;
	return -1;
}

int learning_kind_valid(const char *s)
{
	return index_of(learning_kind_codes, learning_kind_count, s) >= 0;
}

const char *learning_kind_label(const char *code)
{
	int i = index_of(learning_kind_codes, learning_kind_count, code);
	return i < 0 ? code : kind_labels[i];
}

int learning_origin_valid(const char *s)
{
	return index_of(learning_origin_codes, learning_origin_count, s) >= 0;
}

const char *learning_origin_label(const char *code)
{
	int i = index_of(learning_origin_codes, learning_origin_count, code);
	return i < 0 ? code : origin_labels[i];
}

int learning_status_valid(const char *s)
{
	static const char *const st[] = { "done", "suggested", "accepted", "declined", "assigned" };
	return index_of(st, 5, s) >= 0;
}

int learning_parse_hours(const char *s)
{
	if (!s)
		return -1;
	while (*s == ' ')
		s++;
	if (!*s)
		return -1;
	const char *colon = strchr(s, ':');
	if (colon) {	/* h:mm */
		char *end;
		long h = strtol(s, &end, 10);
		if (end != colon || h < 0 || h > 24)
			return -1;
		long m = strtol(colon + 1, &end, 10);
		if (end == colon + 1 || *end || m < 0 || m > 59 || colon[1] == '-' || colon[1] == '+')
			return -1;
		long total = h * 60 + m;
		return total > LEARNING_DAY_MINUTES_MAX ? -1 : (int)total;
	}
	/* digits, one decimal separator ('.' or ','), digits */
	long whole = 0, frac = 0, scale = 1;
	int seen_digit = 0, seen_sep = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			seen_digit = 1;
			if (!seen_sep) {
				whole = whole * 10 + (*p - '0');
				if (whole > 24)
					return -1;
			} else if (scale < 1000000) {
				frac = frac * 10 + (*p - '0');
				scale *= 10;
			}
		} else if ((*p == '.' || *p == ',') && !seen_sep) {
			seen_sep = 1;
		} else if (*p == ' ' && !p[strspn(p, " ")]) {
			break;	/* trailing spaces */
		} else {
			return -1;
		}
	}
	if (!seen_digit)
		return -1;
	/* minutes = (whole + frac/scale) * 60, rounded half up */
	long total = whole * 60 + (frac * 60 * 2 + scale) / (2 * scale);
	return total > LEARNING_DAY_MINUTES_MAX ? -1 : (int)total;
}

void learning_hours_text(int minutes, char *buf, size_t size)
{
	if (minutes < 0)
		minutes = 0;
	if (minutes % 60 == 0)
		snprintf(buf, size, "%d", minutes / 60);
	else {
		snprintf(buf, size, "%.2f", minutes / 60.0);
		size_t n = strlen(buf);	/* "1.50" -> "1.5" */
		while (n > 0 && buf[n - 1] == '0')
			buf[--n] = '\0';
	}
}

const char *learning_date_check(const char *day, const char *today)
{
	if (!day || !date_valid(day))
		return N_("Enter the date as a date (YYYY-MM-DD).");
	if (today && date_valid(today) && day_diff(today, day) > 366)
		return N_("The date is more than a year in the future.");
	return NULL;
}

const char *learning_minutes_check(int minutes)
{
	if (minutes < 0 || minutes > LEARNING_DAY_MINUTES_MAX)
		return N_("Enter the hours as a number from 0 to 24.");
	return NULL;
}

int learning_overdue(const char *due_on, const char *today)
{
	if (!due_on || !today || !date_valid(due_on) || !date_valid(today))
		return 0;
	return strcmp(due_on, today) < 0;
}

static int blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

int learning_has_reflection(const char *learned, const char *will_change)
{
	return !blank(learned) || !blank(will_change);
}

static void add_err(struct learning_field_error *errs, size_t *n, const char *field, const char *message)
{
	if (*n < LEARNING_ERRORS_MAX)
		errs[(*n)++] = (struct learning_field_error){ field, message };
}

static void check_common(const struct learning_input *in, struct learning_field_error *errs, size_t *n)
{
	if (!learning_kind_valid(in->kind))
		add_err(errs, n, "kind", N_("Choose the kind of activity."));
	if (blank(in->title))
		add_err(errs, n, "title", N_("Enter a title."));
	else if (strlen(in->title) > LEARNING_TITLE_MAX)
		add_err(errs, n, "title", N_("The title is too long (300 characters at most)."));
}

static void check_hours(const char *hours, int optional, int *minutes, struct learning_field_error *errs, size_t *n)
{
	*minutes = 0;
	if (optional && blank(hours))
		return;
	int m = learning_parse_hours(hours);
	if (m < 0)
		add_err(errs, n, "hours", N_("Enter the hours as a number from 0 to 24, such as 1.5 or 1:30."));
	else
		*minutes = m;
}

size_t learning_check_done(const struct learning_input *in, const char *today, int *minutes,
			   struct learning_field_error *errs)
{
	size_t n = 0;
	check_common(in, errs, &n);
	const char *m = learning_date_check(in->done_on, today);
	if (m)
		add_err(errs, &n, "done_on", m);
	check_hours(in->hours, 0, minutes, errs, &n);
	if (in->origin && !learning_origin_valid(in->origin))
		add_err(errs, &n, "origin", N_("Choose who started it: self-initiated, suggested or mandatory."));
	if (in->learned && strlen(in->learned) > LEARNING_REFLECTION_MAX)
		add_err(errs, &n, "learned", N_("Too long: 2,000 characters at most."));
	if (in->will_change && strlen(in->will_change) > LEARNING_REFLECTION_MAX)
		add_err(errs, &n, "will_change", N_("Too long: 2,000 characters at most."));
	return n;
}

size_t learning_check_planned(const struct learning_input *in, const char *today, int need_due, int *minutes,
			      struct learning_field_error *errs)
{
	size_t n = 0;
	check_common(in, errs, &n);
	if (blank(in->due_on)) {
		if (need_due)
			add_err(errs, &n, "due_on", N_("Enter the due date."));
	} else if (!date_valid(in->due_on)) {
		add_err(errs, &n, "due_on", N_("Enter the date as a date (YYYY-MM-DD)."));
	} else if (today && date_valid(today) && strcmp(in->due_on, today) < 0) {
		add_err(errs, &n, "due_on", N_("The due date has passed already."));
	} else if (today && date_valid(today) && day_diff(today, in->due_on) > 366) {
		add_err(errs, &n, "due_on", N_("The date is more than a year in the future."));
	}
	check_hours(in->hours, 1, minutes, errs, &n);
	return n;
}
