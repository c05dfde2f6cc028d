/* learning-index: see learning-index.h for the rules in words. */
#include "learning-index.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int li_origin_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "self"))
		return LI_SELF;
	if (!strcmp(s, "suggested"))
		return LI_SUGGESTED;
	if (!strcmp(s, "mandatory"))
		return LI_MANDATORY;
	return -1;
}

void li_compute(const struct li_input *in, struct li_index *out)
{
	memset(out, 0, sizeof(*out));
	for (int k = 0; k < LI_MONTHS; k++) {
		for (int o = 0; o < LI_ORIGINS; o++) {
			long m = in->minutes[k][o] > 0 ? in->minutes[k][o] : 0;
			long n = in->count[k][o] > 0 ? in->count[k][o] : 0;
			out->minutes[o] += m;
			out->total_minutes += m;
			out->activities += n;
		}
		if (in->count[k][LI_SELF] > 0)
			out->self_months++;
	}
	out->reflected = in->reflected < 0 ? 0 : in->reflected > out->activities ? out->activities : in->reflected;
	out->s = out->total_minutes ? (double)out->minutes[LI_SELF] / (double)out->total_minutes : 0.0;
	out->m = (double)out->self_months / LI_MONTHS;
	out->r = out->activities ? (double)out->reflected / (double)out->activities : 0.0;
	/* halves round up; the hair keeps a half that binary fractions
	 * land just below .5 (0.4 * 0.625 …) from rounding down */
	double v = 100.0 * (0.4 * out->s + 0.4 * out->m + 0.2 * out->r);
	out->index = (int)floor(v + 0.5 + 1e-9);
	if (out->index > 100)
		out->index = 100;
	out->high = out->index >= LI_HIGH;
	out->only_mandatory = out->total_minutes > 0 && out->minutes[LI_MANDATORY] == out->total_minutes;
}

enum li_class li_classify(const struct li_index *x)
{
	if (x->high)
		return LI_CLASS_WITHIN;
	if (x->only_mandatory)
		return LI_CLASS_MANDATORY_ONLY;
	return LI_CLASS_REST;
}

/* 'YYYY-MM' of a date as a month count (year * 12 + month - 1); -1 when not a date */
static long month_no(const char *day)
{
	int y, m;
	if (!day || sscanf(day, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12 || y < 1)
		return -1;
	return (long)y * 12 + m - 1;
}

void li_window_start(const char *today, char *from)
{
	long n = month_no(today);
	if (n < 0)
		n = 0;
	n -= LI_MONTHS - 1;
	if (n < 0)
		n = 0;
	snprintf(from, 11, "%04u-%02u-01", (unsigned)(n / 12 % 10000), (unsigned)(n % 12 + 1) % 100);
}

int li_month_index(const char *from, const char *day)
{
	long a = month_no(from), b = month_no(day);
	if (a < 0 || b < 0 || b < a || b - a >= LI_MONTHS)
		return -1;
	return (int)(b - a);
}

void li_month_label(const char *from, int k, char *out)
{
	long n = month_no(from);
	if (n < 0)
		n = 0;
	n += k;
	snprintf(out, 8, "%04u-%02u", (unsigned)(n / 12 % 10000), (unsigned)(n % 12 + 1) % 100);
}

void li_stars_compare(const int *index, const unsigned char *star, size_t nreps, struct li_stars *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < nreps; i++) {
		if (!star[i])
			continue;
		out->n++;
		if (index[i] >= LI_HIGH)
			out->k++;
	}
	out->share = out->n ? (double)out->k / (double)out->n : NAN;
	out->enough = out->n >= LI_STARS_MIN;
}
