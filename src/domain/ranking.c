/* ranking: see ranking.h. */
#include "ranking.h"
#include <math.h>

/* does a stand before b: ranked first; then by value; then the caller's order */
static int before(const struct rank_entry *a, const struct rank_entry *b, int lower_better)
{
	if (a->ranked != b->ranked)
		return a->ranked;
	if (a->ranked && a->value != b->value)
		return lower_better ? a->value < b->value : a->value > b->value;
	return a->idx < b->idx;
}

void ranking_compute(struct rank_entry *e, size_t n, int lower_better, int64_t min_conversations)
{
	for (size_t i = 0; i < n; i++) {
		e[i].ranked = !isnan(e[i].value) && e[i].conversations >= min_conversations;
		e[i].place = 0;
	}
	/* an insertion sort: stable, no shared state for a comparison that
	 * needs the direction (qsort's takes no context in C11), and the
	 * entries are a team's or an organisation's reps */
	for (size_t i = 1; i < n; i++) {
		struct rank_entry x = e[i];
		size_t j = i;
		while (j > 0 && before(&x, &e[j - 1], lower_better)) {
			e[j] = e[j - 1];
			j--;
		}
		e[j] = x;
	}
	for (size_t i = 0; i < n && e[i].ranked; i++)
		e[i].place = i > 0 && e[i].value == e[i - 1].value ? e[i - 1].place : (int)i + 1;
}

double ranking_improvement(double current, double previous)
{
	if (isnan(current) || isnan(previous))
		return NAN;
	return current - previous;
}
