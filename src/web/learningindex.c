/*
 * learningindex: the achievement-orientation index of a rep, shown on the
 * learning pages (issue 9). To be written: until then the section is empty.
 */
#include "pages.h"

void learning_index_section(struct request *r, int64_t rep_id)
{
	(void)r;
	(void)rep_id;
}
