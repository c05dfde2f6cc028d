/*
 * page-observations: field coaching (issue 8) — observations of a rep made
 * when a manager joined a call or a colleague rode along.
 */
#include "pages.h"
#include "ui.h"
#include "coaching.h"

void coaching_render_facts_observations(struct request *r, int64_t rep_id, const char *from, const char *to)
{
	(void)r, (void)rep_id, (void)from, (void)to;
}
