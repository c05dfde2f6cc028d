/* recruit-figures: see recruit-figures.h. */
#include "recruit-figures.h"
#include <math.h>
#include <stdlib.h>

void recruit_funnel(const int64_t *at, size_t n, int64_t declined, int64_t *reached, double *conversion)
{
	int64_t sum = 0;
	for (size_t k = n; k-- > 0;) {
		sum += at[k];
		reached[k] = sum;
	}
	if (n)
		reached[0] += declined;
	for (size_t k = 0; k + 1 < n; k++)
		conversion[k] = recruit_rate(reached[k + 1], reached[k]);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

struct recruit_time_to_hire recruit_time_to_hire(const int *days, size_t n)
{
	struct recruit_time_to_hire t = { 0, NAN, NAN };
	int *d = n ? malloc(n * sizeof(int)) : NULL;
	if (n && !d)
		return t;
	double sum = 0;
	for (size_t i = 0; i < n; i++)
		if (days[i] >= 0) {
			d[t.n++] = days[i];
			sum += days[i];
		}
	if (t.n) {
		qsort(d, t.n, sizeof(int), cmp_int);
		t.mean = sum / (double)t.n;
		t.median = t.n % 2 ? d[t.n / 2] : (d[t.n / 2 - 1] + d[t.n / 2]) / 2.0;
	}
	free(d);
	return t;
}

double recruit_rate(int64_t num, int64_t den)
{
	return den ? (double)num / (double)den : NAN;
}
