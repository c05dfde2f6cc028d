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
