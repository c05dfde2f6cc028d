/* reasonui: see reasonui.h. */
#include "reasonui.h"
#include "../domain/reasons.h"
#include <string.h>

const struct reason_list *reasonui_list(struct request *r)
{
	if (r->reasons)
		return r->reasons;
	struct reason_list *l = arena_alloc(r->a, sizeof(*l));
	if (reason_list(r->db, r->a, r->me.org_id, 1, l))
		return NULL;
	r->reasons = l;
	return l;
}

const char *reasonui_reason_label(struct request *r, const struct reason *x)
{
	if (*x->label)
		return x->label;
	const char *seed = reason_seed_label(x->code);
	return seed ? T(seed) : x->code;
}

const char *reasonui_label(struct request *r, const char *code)
{
	if (!code || !*code)
		return "";
	const struct reason_list *l = reasonui_list(r);
	for (size_t i = 0; l && i < l->n; i++)
		if (!strcmp(l->items[i].code, code))
			return reasonui_reason_label(r, &l->items[i]);
	const char *seed = reason_seed_label(code);
	return seed ? T(seed) : code;
}

void reasonui_select(struct request *r, const char *name, const char *label, const char *selected,
		     const char *error)
{
	const struct reason_list *l = reasonui_list(r);
	size_t n = l ? l->n : 0, k = 1;
	const char **values = arena_alloc(r->a, (n + 1) * sizeof(char *));
	const char **labels = arena_alloc(r->a, (n + 1) * sizeof(char *));
	values[0] = "";
	labels[0] = T("— choose the reason —");
	for (size_t i = 0; i < n; i++) {
		if (l->items[i].retired)	/* readable in history, no longer offered */
			continue;
		values[k] = l->items[i].code;
		labels[k++] = reasonui_reason_label(r, &l->items[i]);
	}
	ui_select(r, name, label, values, labels, k, selected, error);
}
