/*
 * traitui: how a trait is scored on a form — the five score buttons and the
 * behavioural anchors of 1, 3 and 5 — the same on an assessment
 * (page-assessments.c) and an interview scorecard (page-scorecards.c).
 */
#ifndef SG_WEB_TRAITUI_H
#define SG_WEB_TRAITUI_H
#include "../http/request.h"
#include "../store/traits.h"

/* radio buttons 1..5 named name, current ("" none) checked, in a
 * radiogroup labelled by the element labelled_by; disabled unless editable */
void trait_score_buttons(struct request *r, const char *name, const char *current, const char *labelled_by,
			 int editable);
/* the trait's anchors: what a 1, a 3 and a 5 look like */
void trait_anchors(struct request *r, const struct trait *t);

#endif
