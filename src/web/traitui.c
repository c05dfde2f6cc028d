/* traitui: see traitui.h. */
#include "traitui.h"
#include "../lib/html.h"
#include <string.h>

void trait_score_buttons(struct request *r, const char *name, const char *current, const char *labelled_by,
			 int editable)
{
	struct strbuf *o = &r->out;
	html_printf(o, "<div class=\"score-buttons\" role=\"radiogroup\" aria-labelledby=\"%s\">", labelled_by);
	for (int s = 1; s <= 5; s++) {
		const char *v = arena_printf(r->a, "%d", s);
		html_printf(o, "<input type=\"radio\" class=\"score-input\" id=\"%s-%d\" name=\"%s\" value=\"%d\"%-s%-s>"
			    "<label class=\"score-btn\" for=\"%s-%d\">%d</label>", name, s, name, s,
			    !strcmp(current, v) ? " checked" : "", editable ? "" : " disabled", name, s, s);
	}
	html(o, "</div>");
}

void trait_anchors(struct request *r, const struct trait *t)
{
	html_printf(&r->out, "<dl class=\"anchors\"><dt>1</dt><dd>%s</dd><dt>3</dt><dd>%s</dd><dt>5</dt><dd>%s</dd></dl>",
		    t->anchor1, t->anchor3, t->anchor5);
}
