/*
 * assessments: the rules of a rating (issue 8), with no SQL and no I/O.
 * A score is 1 to 5. The extremes and the weak side — 1, 2 and 5 — must say
 * why (evidence text), so that two managers mean the same by a score and a
 * rep can see what a low score rests on; 3 and 4 may stand alone.
 * Growth of a trait between two rounds is this round's manager score minus
 * the previous round's, only where both exist.
 */
#ifndef SG_DOMAIN_ASSESSMENTS_H
#define SG_DOMAIN_ASSESSMENTS_H

enum score_problem {
	SCORE_OK = 0,
	SCORE_RANGE,		/* not 1..5 */
	SCORE_NEEDS_EVIDENCE,	/* 1, 2 or 5 without evidence */
};

/* does this score need evidence? */
int assessment_needs_evidence(int score);
/* checks one score; evidence that is only white space counts as none */
enum score_problem assessment_score_check(int score, const char *evidence);
/* growth from prev to cur (0: no score); 1 and *out set when both exist */
int assessment_growth(int cur, int prev, int *out);

#endif
