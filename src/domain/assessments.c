/* assessments: see assessments.h. */
#include "assessments.h"
#include <ctype.h>
#include <stddef.h>

int assessment_needs_evidence(int score)
{
	return score == 1 || score == 2 || score == 5;
}

static int blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

enum score_problem assessment_score_check(int score, const char *evidence)
{
	if (score < 1 || score > 5)
		return SCORE_RANGE;
	if (assessment_needs_evidence(score) && blank(evidence))
		return SCORE_NEEDS_EVIDENCE;
	return SCORE_OK;
}

int assessment_growth(int cur, int prev, int *out)
{
	if (cur < 1 || cur > 5 || prev < 1 || prev > 5)
		return 0;
	if (out)
		*out = cur - prev;
	return 1;
}
