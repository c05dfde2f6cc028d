/*
 * mirror: the manager's own mirror (issue 10) — the rules of a manager's
 * self-assessment on the five skills of sales leadership the article names
 * (../shared/seeds/001: recruiting pro-actively, coaching, handling
 * underperformance, a no-excuses culture, creating competition), scored 1-5
 * with evidence and repeated over time, and of anonymous upward feedback
 * from the team on the same skills. Plain structs in, plain structs out.
 *
 * Upward feedback is shown only from MIRROR_MIN_ANSWERS (three) answers up:
 * per skill the average and the count, and the comments — below three,
 * nothing but "n of 3 needed". An answer is stored without who gave it.
 */
#ifndef SG_DOMAIN_MIRROR_H
#define SG_DOMAIN_MIRROR_H
#include <stddef.h>
#include <stdint.h>

#define MIRROR_SKILLS 5
#define MIRROR_MIN_ANSWERS 3
#define MIRROR_EVIDENCE_MAX 2000
#define MIRROR_COMMENT_MAX 2000

/* "recruiting", "coaching", "underperformance", "no_excuses", "competition" */
extern const char *const mirror_skill_codes[MIRROR_SKILLS];
/* English msgids of their names and of what a 5 looks like */
extern const char *const mirror_skill_labels[MIRROR_SKILLS];
extern const char *const mirror_skill_hints[MIRROR_SKILLS];

/* a score as typed: 1..5, else 0 */
int mirror_score_parse(const char *s);

/* the upward results of a round may be shown: at least three answers */
int mirror_upward_visible(int64_t answers);
/* a skill's average from the sum of its scores (0 when none) */
double mirror_average(int64_t sum, int64_t answers);

#endif
