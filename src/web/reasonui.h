/*
 * reasonui: the organisation's one list of reasons on a page (issue 14) —
 * the select of a conversation's STOP and of a deal's close form are the
 * same select, and every page that shows a reason shows it the same way:
 * translated for a seeded reason not renamed, as typed otherwise.
 */
#ifndef SG_WEB_REASONUI_H
#define SG_WEB_REASONUI_H
#include "ui.h"
#include "../store/reasons.h"

/* the list of the request's organisation, retired ones too (loaded once per
 * request); NULL when the database failed */
const struct reason_list *reasonui_list(struct request *r);
/* what a reason is called, in the reader's language */
const char *reasonui_reason_label(struct request *r, const struct reason *x);
/* what the code is called; a code not in the list shows as it is */
const char *reasonui_label(struct request *r, const char *code);
/* <select name=name> of the reasons still offered, with a "choose" first;
 * selected and error as ui_select */
void reasonui_select(struct request *r, const char *name, const char *label, const char *selected,
		     const char *error);

#endif
