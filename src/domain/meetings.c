/* meetings: see meetings.h. */
#include "meetings.h"
#include "validate.h"
#include "../lib/i18n.h"
#include "../lib/util.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *const meeting_status_codes[] = { "planned", "prepared", "held" };
const size_t meeting_status_count = 3;
static const char *const status_labels[] = { N_("Planned"), N_("Prepared"), N_("Held") };

const char *const meeting_item_kind_codes[] = { "topic", "case", "theory" };
const size_t meeting_item_kind_count = 3;
static const char *const kind_labels[] = {
	N_("Topic"),
	/* TRANSLATORS: an agenda item of a sales meeting: a situation the team practises */
	N_("Practice case"),
	/* TRANSLATORS: an agenda item of a sales meeting: a piece of theory (a book chapter, an article) */
	N_("Theory"),
};

static int index_in(const char *const *codes, size_t n, const char *s)
{
	if (!s)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(codes[i], s))
			return (int)i;
	return -1;
}

int meeting_status_valid(const char *s)
{
	return index_in(meeting_status_codes, meeting_status_count, s) >= 0;
}

const char *meeting_status_label(const char *code)
{
	int i = index_in(meeting_status_codes, meeting_status_count, code);
	return i < 0 ? code : status_labels[i];
}

int meeting_item_kind_valid(const char *s)
{
	return index_in(meeting_item_kind_codes, meeting_item_kind_count, s) >= 0;
}

const char *meeting_item_kind_label(const char *code)
{
	int i = index_in(meeting_item_kind_codes, meeting_item_kind_count, code);
	return i < 0 ? code : kind_labels[i];
}

int meeting_time_valid(const char *s)
{
	if (!s || strlen(s) != 5 || s[2] != ':')
		return 0;
	for (int i = 0; i < 5; i++)
		if (i != 2 && !isdigit((unsigned char)s[i]))
			return 0;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	return h < 24 && m < 60;
}

static void add(struct meeting_field_error *errs, size_t *n, const char *field, const char *message)
{
	if (*n < MEETING_ERRORS_MAX)
		errs[(*n)++] = (struct meeting_field_error){ field, message };
}

size_t meeting_input_check(const struct meeting_input *in, int partial, int *minutes,
			   struct meeting_field_error *errs)
{
	size_t n = 0;
	*minutes = 0;
	if (in->title || !partial) {
		const char *t = in->title ? in->title : "";
		const char *m = validate_text(t, MEETING_TITLE_MAX);
		if (!*t)
			add(errs, &n, "title", N_("Give the meeting a title."));
		else if (m)
			add(errs, &n, "title", m);
	}
	if ((in->held_on || !partial) && (!in->held_on || !date_valid(in->held_on)))
		add(errs, &n, "held_on", N_("Enter a date, such as 2026-12-07."));
	if ((in->starts_at || !partial) && !meeting_time_valid(in->starts_at))
		add(errs, &n, "starts_at", N_("Enter a time, such as 09:00."));
	if (in->minutes || !partial) {
		int64_t v;
		if (!in->minutes || parse_i64(in->minutes, &v) || v < 1 || v > MEETING_MINUTES_MAX)
			add(errs, &n, "minutes", N_("Enter the length in minutes, from 1 to 480."));
		else
			*minutes = (int)v;
	}
	if (in->notes) {
		const char *m = validate_notes(in->notes, MEETING_NOTES_MAX);
		if (m)
			add(errs, &n, "notes", m);
	}
	return n;
}

const char *meeting_prepare_check(size_t cases, size_t theories)
{
	if (cases + theories == 0)
		return N_("A meeting is prepared when its agenda holds a practice case or a piece of theory. "
			  "Add one first.");
	return NULL;
}

int meeting_held_without(const char *status, size_t cases, size_t theories)
{
	return status && !strcmp(status, "held") && cases + theories == 0;
}

const char *meeting_held_check(const char *status, const char *held_on, const char *today)
{
	if (status && !strcmp(status, "held"))
		return NULL;	/* attendance is saved again */
	if (held_on && today && strcmp(held_on, today) > 0)
		return N_("A meeting cannot be marked held before its day.");
	return NULL;
}

const char *meeting_learning_kind(size_t cases)
{
	return cases ? "practice_case" : "workshop";
}

static int cmp_rotation(const void *pa, const void *pb)
{
	const struct case_rotation *a = pa, *b = pb;
	int ua = a->last_used && *a->last_used, ub = b->last_used && *b->last_used;
	if (ua != ub)
		return ua - ub;		/* never used first */
	if (ua) {
		int c = strcmp(a->last_used, b->last_used);
		if (c)
			return c;	/* the least recently used first */
	}
	int c = strcmp(a->title ? a->title : "", b->title ? b->title : "");
	if (c)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

void meeting_cases_rotate(struct case_rotation *c, size_t n)
{
	if (c && n > 1)
		qsort(c, n, sizeof(*c), cmp_rotation);
}

int meeting_case_recent(int64_t case_id, const int64_t *recent_ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (recent_ids[i] == case_id)
			return 1;
	return 0;
}

size_t case_input_check(const struct case_input *in, int partial, struct meeting_field_error *errs)
{
	size_t n = 0;
	if (in->title || !partial) {
		const char *t = in->title ? in->title : "";
		const char *m = validate_text(t, CASE_TITLE_MAX);
		if (!*t)
			add(errs, &n, "title", N_("Give the case a title."));
		else if (m)
			add(errs, &n, "title", m);
	}
	const char *fields[] = { "situation", "challenge", "good_handling" };
	const char *vals[] = { in->situation, in->challenge, in->good_handling };
	for (int i = 0; i < 3; i++) {
		if (!vals[i] && partial)
			continue;
		const char *m;
		if (!vals[i] || !*vals[i])
			add(errs, &n, fields[i], i == 0 ? N_("Describe the situation.")
					     : i == 1 ? N_("Write the customer's objection or challenge.")
					     : N_("Write what good handling looks like."));
		else if ((m = validate_notes(vals[i], CASE_TEXT_MAX)))
			add(errs, &n, fields[i], m);
	}
	return n;
}
