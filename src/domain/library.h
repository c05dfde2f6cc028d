/*
 * library: the rules of the library (issue 9, part 3) — plain values in,
 * plain answers out; no SQL, no HTML, no I/O.
 *
 *   - an item is a book, an article, a video or a course; an item with
 *     copies > 0 is lent, one with 0 copies is a link (nothing to lend);
 *   - a loan runs LIBRARY_LOAN_DAYS days (due date = lent date + 21); it is
 *     overdue once its due date is before today, and "due soon" from three
 *     days before its due date;
 *   - the held copy: when copies are free and people wait, the free copies
 *     are held for the first in line — the first f people on the list when
 *     f copies are free. Only they may borrow while they are first; someone
 *     not on the list borrows only a copy nobody waits for;
 *   - returning an item writes a learning activity of the item's kind
 *     (book→book, article→article, video→webinar, course→course);
 *   - recommendations per trait: an item helped a reader grow on a trait
 *     when the reader's manager score on that trait rose from their last
 *     submitted manager assessment before the loan to the first one after
 *     it was returned; per trait the items that helped at least one reader
 *     grow, ordered by how many readers grew, then the average rating, then
 *     how many rated, then the older item first.
 */
#ifndef SG_DOMAIN_LIBRARY_H
#define SG_DOMAIN_LIBRARY_H
#include <stddef.h>
#include <stdint.h>

/* "book", "article", "video", "course" */
extern const char *const library_kind_codes[];
extern const size_t library_kind_count;
int library_kind_valid(const char *s);
/* the English label (an N_ msgid) of a kind, or the code itself */
const char *library_kind_label(const char *code);
/* the learning_activities kind of a return: book→book, article→article,
 * video→webinar, course→course; NULL for an unknown kind */
const char *library_learning_kind(const char *item_kind);

#define LIBRARY_LOAN_DAYS 21
#define LIBRARY_DUE_SOON_DAYS 3
#define LIBRARY_TITLE_MAX 300
#define LIBRARY_AUTHOR_MAX 200
#define LIBRARY_URL_MAX 1000
#define LIBRARY_SUMMARY_MAX 4000
#define LIBRARY_COPIES_MAX 100
#define LIBRARY_TAKEAWAY_MAX 300
#define LIBRARY_TRAITS_MAX 20

/* the due date of a loan lent on lent_on ('YYYY-MM-DD'), days days later */
void library_due_on(const char *lent_on, int days, char out[11]);
/* 1 when an open loan due on due_on is overdue on today (due_on < today) */
int library_overdue(const char *due_on, const char *today);
/* 1 when it is overdue or due within LIBRARY_DUE_SOON_DAYS days of today */
int library_due_soon(const char *due_on, const char *today);
/* days overdue (0 when not) */
long library_days_overdue(const char *due_on, const char *today);

/* what the lending transaction knows of an item when someone asks */
struct library_state {
	int copies;		/* 0: a link */
	int retired;
	int open_loans;
	int waiting;		/* people on the waiting list */
	int position;		/* the asker's place in it, 1-based; 0: not on it */
	int has_copy;		/* the asker has a copy already */
};
enum library_lend {
	LEND_OK = 0,
	LEND_LINK,		/* 0 copies: nothing to lend */
	LEND_RETIRED,
	LEND_HAS_COPY,		/* one copy per person */
	LEND_NONE_FREE,		/* every copy is out */
	LEND_HELD,		/* the free copies are held for those before the asker */
};
enum library_lend library_may_lend(const struct library_state *s);
/* free copies now (never negative) */
int library_free_copies(int copies, int open_loans);
/* 1 when a free copy is held for the asker: they are on the list within
 * the first library_free_copies places */
int library_copy_held_for(const struct library_state *s);

/* the input of an item, as typed (NULL texts as ""); copies and reading
 * time as text; errors name the field ("kind", "title", "author", "url",
 * "summary", "copies", "hours") */
struct library_item_input {
	const char *kind, *title, *author, *url, *summary, *copies, *hours;
};
struct library_field_error {
	const char *field, *message;	/* message: an English msgid */
};
#define LIBRARY_ERRORS_MAX 8
/* the number of errors (0: fine); *copies and *minutes the values */
size_t library_item_check(const struct library_item_input *in, int *copies, int *minutes,
			  struct library_field_error *errs);
/* a return's takeaway (one line, required) and rating (NULL or "": none,
 * else 1..5): NULL when fine, else the English message; *rating 0 for none */
const char *library_takeaway_check(const char *takeaway);
const char *library_rating_check(const char *rating, int *out);

/* --- recommendations per trait --- */

/* one submitted manager score of a reader on a trait, on a day (its
 * round's) */
struct library_score {
	int64_t reader_id, trait_id;
	char day[11];
	int score;
};
/* one returned loan of an item, once per trait of the item */
struct library_reading {
	int64_t trait_id, item_id, reader_id;
	const char *lent_on, *returned_on;
	int rating;		/* 0: none */
};
/* did the reader grow: the score of the last day before lent_on and that
 * of the first day after returned_on, both present, the later higher.
 * scores sorted by reader, trait, day (library_scores_sort) */
int library_grew(const struct library_score *scores, size_t n, const struct library_reading *rd);
void library_scores_sort(struct library_score *scores, size_t n);

struct library_reco {
	int64_t trait_id, item_id;
	int grew;		/* distinct readers who grew */
	int nrated;		/* ratings of the item's returns (this trait's readings) */
	double avg_rating;	/* NaN when none */
};
/* the recommendations: per trait (ascending id), the items with at least
 * one reader who grew, best first; at most max written; the number found
 * (which may exceed max). readings is reordered. */
size_t library_recommend(struct library_reading *readings, size_t n, const struct library_score *scores,
			 size_t nscores, struct library_reco *out, size_t max);

#endif
