/* cadence: see cadence.h for the rules in words; this is them in C. */
#include "cadence.h"
#include "period.h"
#include "../lib/util.h"
#include <stdio.h>
#include <string.h>

int cadence_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "weekly"))
		return CADENCE_WEEKLY;
	if (!strcmp(s, "biweekly"))
		return CADENCE_BIWEEKLY;
	if (!strcmp(s, "monthly"))
		return CADENCE_MONTHLY;
	return -1;
}

const char *cadence_code(enum cadence_every e)
{
	switch (e) {
	case CADENCE_WEEKLY: return "weekly";
	case CADENCE_BIWEEKLY: return "biweekly";
	default: return "monthly";
	}
}

static int month_days(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

int cadence_next_due(enum cadence_every every, const char *anchor, const char *last_held, char out[11])
{
	if (!anchor || !date_valid(anchor))
		return -1;
	if (!last_held || !*last_held || strcmp(last_held, anchor) < 0) {
		if (last_held && *last_held && !date_valid(last_held))
			return -1;
		memcpy(out, anchor, 10);
		out[10] = 0;
		return 0;
	}
	if (!date_valid(last_held))
		return -1;
	if (every == CADENCE_WEEKLY || every == CADENCE_BIWEEKLY) {
		day_add(last_held, every == CADENCE_WEEKLY ? 7 : 14, out);
		return 0;
	}
	int ay, am, ad, y, m, d;
	if (sscanf(anchor, "%4d-%2d-%2d", &ay, &am, &ad) != 3 || sscanf(last_held, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	if (++m > 12) {
		m = 1;
		y++;
	}
	int md = month_days(y, m);
	char buf[32];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, ad < md ? ad : md);
	memcpy(out, buf, 10);
	out[10] = 0;
	return 0;
}

int cadence_overdue(const char *due, const char *today)
{
	return cadence_days_overdue(due, today) > 0;
}

long cadence_days_overdue(const char *due, const char *today)
{
	if (!due || !today || !date_valid(due) || !date_valid(today))
		return 0;
	long n = day_diff(due, today);
	return n > 0 ? n : 0;
}
