/*
 * auditui: see auditui.h.
 */
#include "auditui.h"
#include "../domain/audit.h"
#include "../lib/fmt.h"
#include "../lib/util.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* the start of a day, local time, as epoch seconds */
static int64_t day_start(const char *iso)
{
	struct tm tm = { 0 };
	tm.tm_year = atoi(iso) - 1900;
	tm.tm_mon = atoi(iso + 5) - 1;
	tm.tm_mday = atoi(iso + 8);
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

static const char *const vias[] = { "cli", "system", "demo" };

int auditui_filter(struct request *r, struct audit_filter *f, const char **field, const char **msg)
{
	memset(f, 0, sizeof(*f));
	f->kind = -1;
	const char *who = req_query(r, "who"), *kind = req_query(r, "kind"), *object = req_query(r, "object");
	const char *from = req_query(r, "from"), *to = req_query(r, "to");
	char *end;
	if (who && *who) {
		for (size_t i = 0; i < sizeof(vias) / sizeof(vias[0]); i++)
			if (!strcmp(who, vias[i]))
				f->via = vias[i];
		if (!f->via) {
			long long v = strtoll(who, &end, 10);
			if (*end || v <= 0) {
				*field = "who";
				*msg = T("Choose a person from the list.");
				return -1;
			}
			f->actor_id = v;
		}
	}
	if (kind && *kind && (f->kind = audit_kind_parse(kind)) < 0) {
		*field = "kind";
		*msg = T("Choose a kind of object from the list.");
		return -1;
	}
	if (object && *object) {
		long long v = strtoll(object, &end, 10);
		if (*end || v <= 0) {
			*field = "object";
			*msg = T("The object number is a whole number above zero.");
			return -1;
		}
		f->object_id = v;
	}
	if (from && *from) {
		if (!date_valid(from)) {
			*field = "from";
			*msg = T("Enter the first day as a date.");
			return -1;
		}
		f->from = day_start(from);
	}
	if (to && *to) {
		if (!date_valid(to) || (from && *from && strcmp(to, from) < 0)) {
			*field = "to";
			*msg = T("Enter the last day as a date, not before the first.");
			return -1;
		}
		/* the last day counts whole: up to the start of the next */
		f->to = day_start(to) + 86400;
	}
	return 0;
}

const char *auditui_who(struct request *r, const struct audit_row *x)
{
	if (x->actor_id && *x->actor_name)
		return x->actor_name;
	if (!strcmp(x->via, "cli"))
		return T("Command line");
	if (!strcmp(x->via, "demo"))
		return T("Demo data");
	return T("System");
}

const char *auditui_kind(struct request *r, const char *kind)
{
	int k = audit_kind_parse(kind);
	return k < 0 ? kind : T(audit_kind_label((enum audit_kind)k));
}

const char *auditui_action(struct request *r, const char *action)
{
	const char *label = audit_action_label(action);
	return label ? T(label) : action;
}

const char *auditui_changes(struct request *r, const struct audit_row *x)
{
	struct audit_line *l;
	size_t n;
	if (audit_lines(r->a, x->before_json, x->after_json, &l, &n))
		return "";
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const char *label = audit_field_label(l[i].field);
		sb_addf(&sb, "%s%s: ", i ? "; " : "", label ? T(label) : l[i].field);
		if (l[i].private) {
			sb_adds(&sb, T("changed"));
			continue;
		}
		if (l[i].before)
			sb_adds(&sb, *l[i].before ? l[i].before : "“”");
		if (l[i].before && l[i].after)
			sb_adds(&sb, " → ");
		else if (l[i].before)
			sb_addf(&sb, " → %s", T("(none)"));
		else if (l[i].after && x->before_json && strcmp(x->before_json, "{}"))
			sb_addf(&sb, "%s → ", T("(none)"));
		if (l[i].after)
			sb_adds(&sb, *l[i].after ? l[i].after : "“”");
	}
	const char *s = arena_strdup(r->a, sb.buf ? sb.buf : "");
	sb_release(&sb);
	return s;
}

struct table *auditui_table(struct request *r, const struct audit_row *rows, size_t n)
{
	struct table *t = table_new(r->a, "audit-log", 6);
	table_col(t, 0, T("When"), CELL_TEXT);
	table_col(t, 1, T("Who"), CELL_TEXT);
	table_col(t, 2, T("What"), CELL_TEXT);
	table_col(t, 3, T("Object number"), CELL_INT);
	table_col(t, 4, T("Change made"), CELL_TEXT);
	table_col(t, 5, T("Before → after"), CELL_TEXT);
	for (size_t i = 0; i < n; i++) {
		const struct audit_row *x = &rows[i];
		size_t row = table_row(t);
		struct strbuf when = STRBUF_INIT;
		fmt_datetime(&when, r->lang, x->at);
		table_text(t, row, 0, when.buf);
		sb_release(&when);
		table_text(t, row, 1, auditui_who(r, x));
		table_text(t, row, 2, auditui_kind(r, x->kind));
		if (x->object_id)
			table_int(t, row, 3, x->object_id);
		table_text(t, row, 4, auditui_action(r, x->action));
		table_text(t, row, 5, auditui_changes(r, x));
	}
	return t;
}
