/* library: see library.h for the rules in words. */
#include "library.h"
#include "learning.h"
#include "period.h"
#include "validate.h"
#include "../lib/i18n.h"
#include "../lib/util.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const library_kind_codes[] = { "book", "article", "video", "course" };
const size_t library_kind_count = 4;
static const char *const kind_labels[] = {
	/* TRANSLATORS: a kind of library item */
	N_("Book"), N_("Article"), N_("Video"), N_("Course"),
};
static const char *const learning_kinds[] = { "book", "article", "webinar", "course" };

static int kind_index(const char *s)
{
	for (size_t i = 0; s && i < library_kind_count; i++)
		if (!strcmp(library_kind_codes[i], s))
			return (int)i;
	return -1;
}

int library_kind_valid(const char *s)
{
	return kind_index(s) >= 0;
}

const char *library_kind_label(const char *code)
{
	int i = kind_index(code);
	return i < 0 ? code : kind_labels[i];
}

const char *library_learning_kind(const char *item_kind)
{
	int i = kind_index(item_kind);
	return i < 0 ? NULL : learning_kinds[i];
}

void library_due_on(const char *lent_on, int days, char out[11])
{
	day_add(lent_on, days, out);
}

int library_overdue(const char *due_on, const char *today)
{
	return due_on && *due_on && today && strcmp(due_on, today) < 0;
}

int library_due_soon(const char *due_on, const char *today)
{
	if (!due_on || !*due_on || !today)
		return 0;
	return day_diff(today, due_on) <= LIBRARY_DUE_SOON_DAYS;
}

long library_days_overdue(const char *due_on, const char *today)
{
	return library_overdue(due_on, today) ? day_diff(due_on, today) : 0;
}

int library_free_copies(int copies, int open_loans)
{
	return copies > open_loans ? copies - open_loans : 0;
}

int library_copy_held_for(const struct library_state *s)
{
	int f = library_free_copies(s->copies, s->open_loans);
	return !s->retired && !s->has_copy && s->position > 0 && s->position <= f;
}

enum library_lend library_may_lend(const struct library_state *s)
{
	if (s->retired)
		return LEND_RETIRED;
	if (s->copies <= 0)
		return LEND_LINK;
	if (s->has_copy)
		return LEND_HAS_COPY;
	int f = library_free_copies(s->copies, s->open_loans);
	if (!f)
		return LEND_NONE_FREE;
	if (s->position > 0)
		return s->position <= f ? LEND_OK : LEND_HELD;
	/* not waiting: only a copy beyond those held for the list */
	return f > s->waiting ? LEND_OK : LEND_HELD;
}

static void add_error(struct library_field_error *errs, size_t *n, const char *field, const char *message)
{
	if (*n < LIBRARY_ERRORS_MAX)
		errs[(*n)++] = (struct library_field_error){ field, message };
}

static int blank(const char *s)
{
	if (!s)
		return 1;
	while (*s == ' ' || *s == '\t')
		s++;
	return !*s;
}

size_t library_item_check(const struct library_item_input *in, int *copies, int *minutes,
			  struct library_field_error *errs)
{
	size_t n = 0;
	const char *m;
	*copies = 0;
	*minutes = 0;
	if (!library_kind_valid(in->kind))
		add_error(errs, &n, "kind", N_("Choose a kind: book, article, video or course."));
	if (blank(in->title))
		add_error(errs, &n, "title", N_("Enter a title."));
	else if (strlen(in->title) > LIBRARY_TITLE_MAX)
		add_error(errs, &n, "title", N_("The title is too long: at most 300 characters."));
	else if ((m = validate_text(in->title, LIBRARY_TITLE_MAX)))
		add_error(errs, &n, "title", m);
	if (in->author && strlen(in->author) > LIBRARY_AUTHOR_MAX)
		add_error(errs, &n, "author", N_("The author is too long: at most 200 characters."));
	else if ((m = validate_text(in->author, LIBRARY_AUTHOR_MAX)))
		add_error(errs, &n, "author", m);
	if (in->url && *in->url) {
		if (strlen(in->url) > LIBRARY_URL_MAX || validate_text(in->url, LIBRARY_URL_MAX) ||
		    (!str_has_prefix(in->url, "https://") && !str_has_prefix(in->url, "http://")) || strchr(in->url, ' '))
			add_error(errs, &n, "url", N_("Enter an address starting with https:// or http://."));
	}
	if (in->summary && strlen(in->summary) > LIBRARY_SUMMARY_MAX)
		add_error(errs, &n, "summary", N_("The summary is too long: at most 4000 characters."));
	else if ((m = validate_notes(in->summary, LIBRARY_SUMMARY_MAX)))
		add_error(errs, &n, "summary", m);
	int64_t c = 0;
	if (!blank(in->copies) && (parse_i64(in->copies, &c) || c < 0 || c > LIBRARY_COPIES_MAX))
		add_error(errs, &n, "copies", N_("Copies: a whole number from 0 (a link) to 100."));
	else
		*copies = (int)c;
	if (!blank(in->hours)) {
		int mins = learning_parse_hours(in->hours);
		if (mins < 0)
			add_error(errs, &n, "hours", N_("Reading time: hours from 0 to 24, such as 4 or 1.5."));
		else
			*minutes = mins;
	}
	if (!n && *copies == 0 && (!in->url || !*in->url))
		add_error(errs, &n, "url", N_("An item with no copies is a link: enter its address."));
	return n;
}

const char *library_takeaway_check(const char *takeaway)
{
	if (blank(takeaway))
		return N_("Write your takeaway in one line: what will you use?");
	if (strlen(takeaway) > LIBRARY_TAKEAWAY_MAX)
		return N_("Keep the takeaway to one line: at most 300 characters.");
	return validate_text(takeaway, LIBRARY_TAKEAWAY_MAX);
}

const char *library_rating_check(const char *rating, int *out)
{
	*out = 0;
	if (blank(rating))
		return NULL;
	int64_t v;
	if (parse_i64(rating, &v) || v < 1 || v > 5)
		return N_("A rating is a whole number from 1 to 5.");
	*out = (int)v;
	return NULL;
}

/* --- recommendations --- */

static int score_cmp(const void *a, const void *b)
{
	const struct library_score *x = a, *y = b;
	if (x->reader_id != y->reader_id)
		return x->reader_id < y->reader_id ? -1 : 1;
	if (x->trait_id != y->trait_id)
		return x->trait_id < y->trait_id ? -1 : 1;
	return strcmp(x->day, y->day);
}

void library_scores_sort(struct library_score *scores, size_t n)
{
	if (n)
		qsort(scores, n, sizeof(*scores), score_cmp);
}

int library_grew(const struct library_score *scores, size_t n, const struct library_reading *rd)
{
	/* the first score of the reader on the trait (lower bound) */
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct library_score *s = &scores[mid];
		if (s->reader_id < rd->reader_id || (s->reader_id == rd->reader_id && s->trait_id < rd->trait_id))
			lo = mid + 1;
		else
			hi = mid;
	}
	int before = 0, after = 0;
	for (size_t i = lo; i < n && scores[i].reader_id == rd->reader_id && scores[i].trait_id == rd->trait_id; i++) {
		if (strcmp(scores[i].day, rd->lent_on) < 0)
			before = scores[i].score;
		else if (strcmp(scores[i].day, rd->returned_on) > 0) {
			after = scores[i].score;
			break;
		}
	}
	return before > 0 && after > before;
}

static int reading_cmp(const void *a, const void *b)
{
	const struct library_reading *x = a, *y = b;
	if (x->trait_id != y->trait_id)
		return x->trait_id < y->trait_id ? -1 : 1;
	if (x->item_id != y->item_id)
		return x->item_id < y->item_id ? -1 : 1;
	if (x->reader_id != y->reader_id)
		return x->reader_id < y->reader_id ? -1 : 1;
	return 0;
}

static int reco_cmp(const void *a, const void *b)
{
	const struct library_reco *x = a, *y = b;
	if (x->trait_id != y->trait_id)
		return x->trait_id < y->trait_id ? -1 : 1;
	if (x->grew != y->grew)
		return x->grew > y->grew ? -1 : 1;
	int xn = isnan(x->avg_rating), yn = isnan(y->avg_rating);
	if (xn != yn)
		return xn ? 1 : -1;
	if (!xn && x->avg_rating != y->avg_rating)
		return x->avg_rating > y->avg_rating ? -1 : 1;
	if (x->nrated != y->nrated)
		return x->nrated > y->nrated ? -1 : 1;
	return x->item_id < y->item_id ? -1 : x->item_id > y->item_id;
}

size_t library_recommend(struct library_reading *readings, size_t n, const struct library_score *scores,
			 size_t nscores, struct library_reco *out, size_t max)
{
	if (n)
		qsort(readings, n, sizeof(*readings), reading_cmp);
	size_t found = 0;
	for (size_t i = 0; i < n;) {
		struct library_reco rc = { readings[i].trait_id, readings[i].item_id, 0, 0, NAN };
		long sum = 0;
		size_t j = i;
		int64_t last_grown = 0;
		for (; j < n && readings[j].trait_id == rc.trait_id && readings[j].item_id == rc.item_id; j++) {
			if (readings[j].rating) {
				rc.nrated++;
				sum += readings[j].rating;
			}
			if (readings[j].reader_id != last_grown && library_grew(scores, nscores, &readings[j])) {
				rc.grew++;
				last_grown = readings[j].reader_id;
			}
		}
		if (rc.nrated)
			rc.avg_rating = (double)sum / rc.nrated;
		if (rc.grew) {
			if (found < max)
				out[found] = rc;
			found++;
		}
		i = j;
	}
	size_t kept = found < max ? found : max;
	if (kept)
		qsort(out, kept, sizeof(*out), reco_cmp);
	return found;
}
