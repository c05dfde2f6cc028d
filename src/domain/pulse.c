/* pulse: see pulse.h. */
#include "pulse.h"
#include "../lib/i18n.h"
#include "../lib/util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* days since 1970-01-01 of a civil date (Howard Hinnant's algorithm) */
static long days_from_civil(long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = (long)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned dd = doy - (153 * mp + 2) / 5 + 1;
	unsigned mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

/* 1 = Monday .. 7 = Sunday */
static int iso_weekday(long days)
{
	long w = (days + 3) % 7;	/* 1970-01-01 was a Thursday */
	if (w < 0)
		w += 7;
	return (int)w + 1;
}

static int parse_day(const char *s, long *days)
{
	if (!s || !date_valid(s))
		return -1;
	int y, m, d;
	if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	*days = days_from_civil(y, (unsigned)m, (unsigned)d);
	return 0;
}

/* the Monday of ISO week 1 of iso year y */
static long week1_monday(int y)
{
	long jan4 = days_from_civil(y, 1, 4);
	return jan4 - (iso_weekday(jan4) - 1);
}

static int weeks_in_year(int y)
{
	return (int)((week1_monday(y + 1) - week1_monday(y)) / 7);
}

static void week_of_days(long days, char out[PULSE_WEEK_LEN])
{
	long thu = days - (iso_weekday(days) - 1) + 3;
	int y, m, d;
	civil_from_days(thu, &y, &m, &d);
	long w = (thu - days_from_civil(y, 1, 1)) / 7 + 1;
	char buf[32];
	snprintf(buf, sizeof(buf), "%04d-W%02ld", y, w);
	memcpy(out, buf, PULSE_WEEK_LEN - 1);
	out[PULSE_WEEK_LEN - 1] = 0;
}

int pulse_week_of(const char *day, char out[PULSE_WEEK_LEN])
{
	long days;
	if (parse_day(day, &days))
		return -1;
	week_of_days(days, out);
	return 0;
}

static int parse_week(const char *s, int *y, int *w)
{
	if (!s || strlen(s) != 8 || s[4] != '-' || s[5] != 'W')
		return -1;
	for (int i = 0; i < 8; i++)
		if (i != 4 && i != 5 && (s[i] < '0' || s[i] > '9'))
			return -1;
	*y = atoi(s);
	*w = atoi(s + 6);
	if (*y < DATE_YEAR_MIN || *y > DATE_YEAR_MAX || *w < 1 || *w > weeks_in_year(*y))
		return -1;
	return 0;
}

int pulse_week_valid(const char *s)
{
	int y, w;
	return parse_week(s, &y, &w) == 0;
}

static int monday_days(const char *week, long *days)
{
	int y, w;
	if (parse_week(week, &y, &w))
		return -1;
	*days = week1_monday(y) + 7L * (w - 1);
	return 0;
}

static void days_text(long days, char out[11])
{
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	char buf[32];
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
	memcpy(out, buf, 10);
	out[10] = 0;
}

int pulse_week_monday(const char *week, char out[11])
{
	long days;
	if (monday_days(week, &days))
		return -1;
	days_text(days, out);
	return 0;
}

int pulse_week_sunday(const char *week, char out[11])
{
	long days;
	if (monday_days(week, &days))
		return -1;
	days_text(days + 6, out);
	return 0;
}

int pulse_week_add(const char *week, int n, char out[PULSE_WEEK_LEN])
{
	long days;
	if (monday_days(week, &days))
		return -1;
	week_of_days(days + 7L * n, out);
	return 0;
}

int pulse_week_closed(const char *week, const char *today)
{
	char now[PULSE_WEEK_LEN];
	if (!pulse_week_valid(week) || pulse_week_of(today, now))
		return 0;
	return strcmp(week, now) < 0;
}

int pulse_parse_value(const char *s)
{
	if (!s || strlen(s) != 1 || s[0] < '1' || s[0] > '5')
		return -1;
	return s[0] - '0';
}

size_t pulse_check(const struct pulse_input *in, struct pulse_answer *out, struct pulse_field_error *errs)
{
	size_t n = 0;
	out->energy = pulse_parse_value(in->energy);
	out->motivation = pulse_parse_value(in->motivation);
	out->workload = pulse_parse_value(in->workload);
	if (out->energy < 0)
		errs[n++] = (struct pulse_field_error){ "energy", N_("Energy: choose a whole number from 1 to 5.") };
	if (out->motivation < 0)
		errs[n++] = (struct pulse_field_error){ "motivation", N_("Motivation: choose a whole number from 1 to 5.") };
	if (out->workload < 0)
		errs[n++] = (struct pulse_field_error){ "workload", N_("Workload: choose a whole number from 1 to 5.") };
	if (in->comment && strlen(in->comment) > PULSE_COMMENT_MAX)
		errs[n++] = (struct pulse_field_error){ "comment", N_("Comment: at most 500 characters.") };
	return n;
}

int pulse_points(int energy, int motivation, int workload)
{
	return energy + motivation + (6 - workload);
}

double pulse_score(int energy, int motivation, int workload)
{
	return pulse_points(energy, motivation, workload) / 3.0;
}

int pulse_risk(const struct pulse_point *p, size_t n)
{
	int risk = 0;
	if (!p || !n)
		return 0;
	if (n >= 3 && p[n - 1].points + p[n - 2].points + p[n - 3].points <= PULSE_RISK_POINTS_3W)
		risk |= PULSE_RISK_LOW;
	char before[PULSE_WEEK_LEN];
	if (!pulse_week_add(p[n - 1].week, -4, before))
		for (size_t i = n - 1; i-- > 0;)
			if (!strcmp(p[i].week, before)) {
				if (p[i].points - p[n - 1].points >= PULSE_FALL_POINTS)
					risk |= PULSE_RISK_FALL;
				break;
			}
	return risk;
}

int pulse_team_week_visible(long count, const char *week, const char *today)
{
	return count >= PULSE_TEAM_MIN && pulse_week_closed(week, today);
}

int pulse_team_low(long points_sum, long count)
{
	/* mean of points/3 <= 2.5  <=>  points_sum <= 7.5 * count */
	return count > 0 && 2 * points_sum <= 15 * count;
}
