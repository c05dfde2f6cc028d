/*
 * import: see import.h. One pass over the file (two more over the rows of a
 * reps file, which are small), in batches of a few thousand rows (a reps
 * file and a dry run in one transaction), with everything the rows refer
 * to — users, teams, accounts, stages and the deals already imported —
 * loaded once into hash maps, so that a row costs no query but its own
 * write. The queries are the store's (store/import-rows.c, and the
 * journal's in store/import-runs.c); this file decides. The deals import is
 * what the benchmark times (a million rows against the sqlite3 shell's
 * .import): its statements are prepared once (db.h caches them by their
 * text) and a row mallocs nothing of ours.
 *
 * A row is checked whole in C before anything is written for it, so a
 * write does not fail on bad data. That matters on PostgreSQL, where a
 * failed statement aborts the whole transaction: rather than a savepoint
 * per row (a round trip each way per row), a failed write is taken as the
 * database failing, and the import stops and is undone with the error.
 * The only writes that can be refused for a reason in the data — a new
 * rep's e-mail address that another organisation uses — go through
 * people_add_user, which runs in a savepoint of its own.
 *
 * On PostgreSQL the new deals of a batch are not sent one by one (a round
 * trip each, about 6,000 rows a second): they gather as lines of COPY's
 * text format and go by one COPY when the batch ends, before a deal of the
 * file is read back (the file holds it twice) and before the import ends,
 * every 4 MiB at most. Nothing else of the run reads them back in between,
 * and the rows are checked in C before they are gathered, so what is stored
 * and which lines fail stay those of the row-by-row path; a COPY that fails
 * is the database failing, as a failed INSERT was.
 *
 * Decisions worth knowing:
 *   - amounts: the decimal mark is guessed per value (csv_parse_amount with
 *     0): the last of '.' and ',' when both occur, else a lone mark followed
 *     by exactly three digits groups thousands ("1.234" and "1,234" are
 *     1234) and any other is decimal. A per-file mark (';' files decimal
 *     comma) would misread the "1234.50" that many tools write in ';' files.
 *   - several columns may feed one field (Pipedrive's won time and lost
 *     time are both the close date): the first non-empty cell counts.
 *   - a column the file does not have leaves that part of an existing deal
 *     alone (an edit made in the app survives a re-import without it).
 *   - owners are users of the organisation, active or not, by e-mail or by
 *     exact full name (case ignored for both); a name two users share is an
 *     error. With create_missing an unknown owner becomes a rep without a
 *     password (they cannot sign in until an admin sets one): an e-mail
 *     address stays theirs, a name gets "first.last@<org slug>.invalid",
 *     which can never be a real mailbox (RFC 2606) and is easy to find and
 *     correct later.
 *   - a deal without an external id column gets one derived from title,
 *     account, owner and created date ("csv:<hash>", import_derived_id), so
 *     importing the same file again finds the same deals.
 *   - won and lost deals go to the organisation's won or lost stage, as
 *     closing one in the app does, and need a close date; open and paused
 *     ones go to the stage of that name, else the first open stage. The status
 *     comes from the status column, else the won/closed flags (Salesforce),
 *     else the stage: one of the organisation's, or "Closed Won"-like words.
 *   - a lost reason in words becomes our code by keywords; text that fits
 *     none is "other", kept whole as the lost note.
 *   - a deal that the CRM marks deleted (Pipedrive) is skipped.
 *   - reps: the team is the one a rep belongs to, or for a manager the one
 *     they lead; a team that does not exist is created with the row's
 *     territory, segment and manager. An admin's role is never changed.
 *   - a file that is not UTF-8 is read as Windows-1252 (Excel's plain CSV).
 *   - empty lines (all cells blank, as Excel leaves them) are not rows.
 *   - a line the CSV reader cannot read (a stray quote) is a failed row;
 *     reading goes on at the next line.
 */
#include "import.h"
#include "../store/reasons.h"
#include "../domain/reasons.h"
#include "../store/deals.h"
#include "../store/people.h"
#include "../store/users.h"
#include "../store/teams.h"
#include "../store/stages.h"
#include "../store/numbers.h"
#include "../store/import-runs.h"
#include "../store/import-rows.h"
#include "../store/webhooks.h"
#include "../store/audit.h"
#include "../lib/runner.h"
#include "../domain/period.h"
#include "../domain/validate.h"
#include "../domain/access.h"
#include "../lib/csv.h"
#include "../lib/util.h"
#include "../lib/xalloc.h"
#include "../lib/log.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define MAX_ERRORS 1000
#define PROGRESS_EVERY 10000
/* a batch is committed after a second (or this many rows): short enough
 * that a write of the app waits well under its 5 s, long enough that the
 * commits cost little. Each commit writes the pages the batch dirtied —
 * the deals' indexes are touched all over — to the WAL again: batches of
 * 5,000 rows (a quarter of a second) made a million-row import twice as
 * slow, batches of a second about a tenth. */
#define BATCH_ROWS 100000
#define BATCH_NS 1000000000L
/* undoing a run deletes its deals in steps of this many ids */
#define UNDO_STEP 20000
/* a run of another host whose heartbeat is this old is taken for dead */
#define RUN_STALE_SECONDS 600
#define MAX_RECOVERIES 1000
#define TEXT_MAX 200		/* titles, names, products: as the app's forms */
#define NOTE_MAX 2000

/* --- a small hash map: string key to an int64 and a fingerprint --- */

struct ment {
	uint64_t h;
	const char *k;		/* NULL: empty slot */
	int64_t v;
	uint64_t fp;
	int32_t day;		/* deals: created_on as yyyymmdd */
	int32_t mine;		/* deals: added by this run */
};

struct map {
	struct ment *e;
	size_t cap, n;
};

static uint64_t hash_key(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	/* the slot is picked by the low bits, and FNV's low bits depend only
	 * on the low bits of each byte: keys that differ in their last digits
	 * ("crm-0000001", "crm-0000002") risk long runs under linear probing.
	 * A finaliser (MurmurHash3's fmix64) spreads every bit over the low
	 * ones. (map_put's time in a re-import is cache misses on the first
	 * probe, which this does not change.) */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h ? h : 1;
}

static void map_free(struct map *m)
{
	free(m->e);
	memset(m, 0, sizeof(*m));
}

static struct ment *map_slot(struct map *m, const char *k, uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask)
		if (!m->e[i].k || (m->e[i].h == h && !strcmp(m->e[i].k, k)))
			return &m->e[i];
}

static struct ment *map_get(const struct map *m, const char *k)
{
	if (!m->cap)
		return NULL;
	struct ment *e = map_slot((struct map *)m, k, hash_key(k));
	return e->k ? e : NULL;
}

static void map_grow(struct map *m, size_t cap)
{
	struct ment *old = m->e;
	size_t oldcap = m->cap;
	m->e = xcalloc(cap, sizeof(*m->e));
	m->cap = cap;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].k)
			*map_slot(m, old[i].k, old[i].h) = old[i];
	free(old);
}

/* room for n entries without growing: a map of a million deals grown by
 * doubling moved every entry about twice, each move a cache miss */
static void map_reserve(struct map *m, size_t n)
{
	size_t cap = m->cap ? m->cap : 64;
	while ((n + 1) * 4 >= cap * 3)
		cap *= 2;
	if (cap > m->cap)
		map_grow(m, cap);
}

/* the entry for k, added (with k as given, which must outlive the map) when new */
static struct ment *map_put(struct map *m, const char *k)
{
	if ((m->n + 1) * 4 >= m->cap * 3)
		map_grow(m, m->cap ? m->cap * 2 : 64);
	uint64_t h = hash_key(k);
	struct ment *e = map_slot(m, k, h);
	if (!e->k) {
		e->k = k;
		e->h = h;
		m->n++;
	}
	return e;
}

/* --- the run --- */

struct urec {
	int64_t id, team_id;
	const char *email, *name, *role;
	int active;
};

struct trec {
	int64_t id, manager_id;
	const char *name, *territory, *segment;
};

struct srec {
	int64_t id;
	int status;		/* IMPORT_ST_OPEN, _WON or _LOST */
};


struct run {
	struct db_conn *c;
	struct arena *a;		/* the caller's: errors */
	struct arena *mem;		/* ours: caches */
	int64_t org_id;
	const struct import_options *o;
	struct import_summary *out;
	enum lang lang;			/* of the messages */
	enum lang org_lang;		/* of names we make up */
	const char *slug, *currency;
	int fsm;
	char today[11];
	int64_t now;

	size_t ncols;
	const char **headers;
	int *field_of_col;
	int nfields;
	int fcols[IMPORT_MAX_FIELDS][8];	/* columns per field, in file order */
	int nfcols[IMPORT_MAX_FIELDS];
	const char *cell[IMPORT_MAX_FIELDS];	/* the row's value per field, "" when none */
	int cell_col[IMPORT_MAX_FIELDS];	/* the column it came from, -1 when none */
	struct strbuf scratch;

	/* the reader */
	const char *data;
	size_t len, base, base_line;
	char sep;
	struct csv_reader *rd;
	int dead;
	size_t recoveries;
	size_t last_line;

	/* row state */
	size_t line;
	int row_failed;

	struct urec *users;
	size_t nusers, capusers;
	struct map by_email, by_name;	/* to index in users; by_name -1 when two share it */
	struct trec *teams;
	size_t nteams, capteams;
	struct map team_by_name;
	struct map accounts;
	struct srec *stages;
	size_t nstages, capstages;
	struct map stage_by_name;
	int64_t first_open, won_stage, lost_stage;
	struct map deals;
	enum import_preset preset;	/* the one in use: CRM ids carry its name */
	struct map derived;		/* ids made from a row without one, to the line */
	unsigned groups;
	const char *update_sql;
	struct import_bulk bulk;	/* SQLite's cache for the import */
	/* PostgreSQL: the new deals of the batch as COPY rows, written by one
	 * COPY when the batch ends (or sooner: copy_flush) rather than a round
	 * trip each */
	int use_copy;
	struct strbuf copy;
	size_t *copy_lines;		/* the file's line of each row in copy */
	size_t ncopy, capcopy;

	/* batches (see import.h): the run's journal, 0 when the import is one
	 * transaction (reps, dry runs) */
	int64_t run_id, first_deal;
	size_t batch_rows;
	struct timespec batch_start;
	/* a dry run of deals, targets or results writes nothing: it counts
	 * what it would write, with made-up (negative) ids for the accounts
	 * and users it would add, and holds no transaction, so SQLite's write
	 * lock stays free however long the file */
	int simulate;
	int64_t fake_id;
	int in_tx;			/* a transaction of ours is open */

	struct strbuf *errmsg;		/* the caller's, for what stops the import */
	const char *set_cell[IMPORT_MAX_FIELDS];	/* the options' set: a field's value for every row */
	struct map unknown_stage;	/* stage names the organisation lacks, to index in out->stages */
	int64_t *unknown_stage_id;	/* per index, the stage created for it (0: none yet) */
	size_t capunknown;
	struct map dupkeys;		/* title, owner, amount and close date of the deals there before */
	size_t deals_before;		/* how many were loaded */
	int dupkeys_pending;		/* not read yet (dupkeys_ready) */
	struct import_reason *reasons;	/* the organisation's reasons still offered (store/reasons.h) */
	size_t nreasons;
	size_t loaded_bare, loaded_crm;	/* deals there before with a bare id, a "crm:" one */
};

#define T(s) tr(r->lang, s)

static char *lower_dup(struct arena *a, const char *s)
{
	char *d = arena_strdup(a, s);
	for (char *p = d; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return d;
}

/* s lowercased into buf (cap bytes), for looking up */
static const char *lower_buf(const char *s, char *buf, size_t cap)
{
	size_t i = 0;
	for (; s[i] && i + 1 < cap; i++)
		buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	buf[i] = '\0';
	return buf;
}

/* a value as a message quotes it: at most 60 characters */
static const char *shown(struct run *r, const char *v)
{
	size_t n = strlen(v);
	if (n <= 60)
		return v;
	size_t cut = 57;
	while (cut && ((unsigned char)v[cut] & 0xC0) == 0x80)
		cut--;
	return arena_printf(r->a, "%.*s...", (int)cut, v);
}

/* one error of the current row; fmt is translated and has one %s for value */
static void row_error_at(struct run *r, size_t line, int col, const char *fmt, const char *value)
{
	r->row_failed = 1;
	struct import_summary *s = r->out;
	if (s->nerrors >= MAX_ERRORS)
		return;
	if (!s->errors)
		s->errors = arena_alloc(r->a, MAX_ERRORS * sizeof(*s->errors));
	struct import_error *e = &s->errors[s->nerrors++];
	e->line = line;
	e->column = col >= 0 && (size_t)col < r->ncols ? r->headers[col] : NULL;
	e->message = value ? arena_printf(r->a, fmt, shown(r, value)) : arena_strdup(r->a, fmt);
}

static void row_error(struct run *r, int field, const char *fmt, const char *value)
{
	int col = field >= 0 ? r->cell_col[field] : -1;
	if (field >= 0 && col < 0 && r->nfcols[field])
		col = r->fcols[field][0];
	row_error_at(r, r->line, col, fmt, value);
}

/* --- reading --- */

/* the byte offset where line n (from 1) of data+from starts, or len */
static size_t line_start(const char *data, size_t from, size_t len, size_t n, char eol)
{
	size_t pos = from;
	for (size_t l = 1; l < n && pos < len; l++) {
		const char *nl = memchr(data + pos, eol, len - pos);
		if (!nl)
			return len;
		pos = (size_t)(nl - data) + 1;
	}
	return pos;
}

/* 1 and rec filled (line in file terms), 0 at the end. A line the reader
 * cannot read is a failed row; reading goes on from the next line. */
static int next_record(struct run *r, struct csv_record *rec)
{
	struct strbuf err = STRBUF_INIT;
	for (;;) {
		if (r->dead)
			break;
		int got = csv_next(r->rd, rec, &err);
		if (got > 0) {
			rec->line += r->base_line - 1;
			r->last_line = rec->line;
			sb_release(&err);
			return 1;
		}
		if (got == 0)
			break;
		/* "line N: why" */
		size_t rel = 0;
		const char *why = err.buf;
		if (sscanf(err.buf, "line %zu:", &rel) == 1 && strchr(err.buf, ':'))
			why = strchr(err.buf, ':') + 2;
		if (!rel)
			rel = r->last_line + 2 - r->base_line;
		size_t abs = r->base_line + rel - 1;
		r->out->read++;
		r->out->failed++;
		r->line = abs;
		row_error_at(r, abs, -1, tr(r->lang, why), NULL);
		char eol = memchr(r->data, '\n', r->len) || !memchr(r->data, '\r', r->len) ? '\n' : '\r';
		size_t next = line_start(r->data, r->base, r->len, rel + 1, eol);
		if (++r->recoveries > MAX_RECOVERIES || next >= r->len) {
			r->dead = 1;
			break;
		}
		csv_close(r->rd);
		r->rd = csv_open(r->mem, r->data + next, r->len - next);
		r->base = next;
		r->base_line = abs + 1;
		if (csv_separator(r->rd) != r->sep) {
			/* the next line does not look like the file's rows: stop here */
			row_error_at(r, abs + 1, -1, T("the rest of the file could not be read"), NULL);
			r->dead = 1;
			break;
		}
	}
	sb_release(&err);
	return 0;
}

static size_t bytes_done(struct run *r)
{
	return r->dead ? r->len : r->base + csv_offset(r->rd);
}

static void progress(struct run *r, size_t rows)
{
	if (r->o->progress)
		r->o->progress(r->o->progress_cls, rows, bytes_done(r), r->len);
}

/* copies the row's cells into scratch, trimmed, with line breaks and tabs
 * as spaces, and picks each field's value; 0 when the row is all empty */
static int take_cells(struct run *r, const struct csv_record *rec)
{
	sb_reset(&r->scratch);
	size_t n = rec->n < r->ncols ? rec->n : r->ncols;
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += strlen(rec->fields[i]) + 1;
	sb_grow(&r->scratch, total + 1);
	int any = 0;
	for (int f = 0; f < r->nfields; f++) {
		r->cell[f] = "";
		r->cell_col[f] = -1;
	}
	char *buf = r->scratch.buf;
	size_t pos = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = rec->fields[i];
		while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		size_t l = strlen(s);
		while (l && (s[l - 1] == ' ' || s[l - 1] == '\t' || s[l - 1] == '\r' || s[l - 1] == '\n'))
			l--;
		if (!l)
			continue;
		any = 1;
		int f = r->field_of_col[i];
		if (f < 0 || *r->cell[f])
			continue;
		char *d = buf + pos;
		for (size_t j = 0; j < l; j++)
			d[j] = (unsigned char)s[j] < ' ' ? ' ' : s[j];
		d[l] = '\0';
		pos += l + 1;
		r->cell[f] = d;
		r->cell_col[f] = (int)i;
	}
	/* a value the whole file shares fills what the row leaves empty (the
	 * row is not made non-empty by it) */
	for (int f = 0; f < r->nfields; f++)
		if (!*r->cell[f] && r->set_cell[f])
			r->cell[f] = r->set_cell[f];
	/* cells beyond the header row are not read, but a row is not empty
	 * when only they hold something */
	for (size_t i = n; !any && i < rec->n; i++)
		for (const char *s = rec->fields[i]; *s; s++)
			if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
				any = 1;
	return any;
}

/* --- what the rows refer to --- */

static void add_user_rec(struct run *r, int64_t id, const char *email, const char *name, const char *role,
			 int active, int64_t team_id)
{
	if (r->nusers == r->capusers) {
		size_t cap = r->capusers ? r->capusers * 2 : 64;
		struct urec *n = arena_alloc(r->mem, cap * sizeof(*n));
		if (r->nusers)
			memcpy(n, r->users, r->nusers * sizeof(*n));
		r->users = n;
		r->capusers = cap;
	}
	struct urec *u = &r->users[r->nusers];
	u->id = id;
	u->email = lower_dup(r->mem, email);
	u->name = arena_strdup(r->mem, name);
	u->role = arena_strdup(r->mem, role);
	u->active = active;
	u->team_id = team_id;
	map_put(&r->by_email, u->email)->v = (int64_t)r->nusers;
	struct ment *e = map_put(&r->by_name, lower_dup(r->mem, name));
	e->v = e->fp ? -1 : (int64_t)r->nusers;	/* fp marks "taken" */
	e->fp = 1;
	r->nusers++;
}

static void user_loaded(void *cls, int64_t id, const char *email, const char *name, const char *role, int active,
			int64_t team_id)
{
	add_user_rec(cls, id, email, name, role, active, team_id);
}

static enum err load_users(struct run *r)
{
	return import_rows_users(r->c, r->org_id, user_loaded, r);
}

static struct trec *add_team_rec(struct run *r, int64_t id, const char *name, int64_t manager_id,
				 const char *territory, const char *segment)
{
	if (r->nteams == r->capteams) {
		size_t cap = r->capteams ? r->capteams * 2 : 32;
		struct trec *n = arena_alloc(r->mem, cap * sizeof(*n));
		if (r->nteams)
			memcpy(n, r->teams, r->nteams * sizeof(*n));
		r->teams = n;
		r->capteams = cap;
	}
	struct trec *t = &r->teams[r->nteams];
	t->id = id;
	t->name = arena_strdup(r->mem, name);
	t->manager_id = manager_id;
	t->territory = arena_strdup(r->mem, territory);
	t->segment = arena_strdup(r->mem, segment);
	map_put(&r->team_by_name, lower_dup(r->mem, name))->v = (int64_t)r->nteams;
	r->nteams++;
	return t;
}

static void team_loaded(void *cls, int64_t id, const char *name, int64_t manager_id, const char *territory,
			const char *segment)
{
	add_team_rec(cls, id, name, manager_id, territory, segment);
}

static enum err load_teams(struct run *r)
{
	return import_rows_teams(r->c, r->org_id, team_loaded, r);
}

static void account_loaded(void *cls, int64_t id, const char *name)
{
	struct run *r = cls;
	/* the oldest account of a name, as account_by_name picks (they come
	 * in id order) */
	char buf[256];
	const char *k = lower_buf(name, buf, sizeof(buf));
	if (!map_get(&r->accounts, k))
		map_put(&r->accounts, arena_strdup(r->mem, k))->v = id;
}

static enum err load_accounts(struct run *r)
{
	return import_rows_accounts(r->c, r->org_id, account_loaded, r);
}

static void stage_loaded(void *cls, int64_t id, const char *name, const char *kind)
{
	struct run *r = cls;
	if (r->nstages == r->capstages) {
		size_t cap = r->capstages ? r->capstages * 2 : 16;
		struct srec *n = arena_alloc(r->mem, cap * sizeof(*n));
		if (r->nstages)
			memcpy(n, r->stages, r->nstages * sizeof(*n));
		r->stages = n;
		r->capstages = cap;
	}
	struct srec *s = &r->stages[r->nstages];
	s->id = id;
	s->status = !strcmp(kind, "won") ? IMPORT_ST_WON : !strcmp(kind, "lost") ? IMPORT_ST_LOST : IMPORT_ST_OPEN;
	if (s->status == IMPORT_ST_OPEN && !r->first_open)
		r->first_open = s->id;
	if (s->status == IMPORT_ST_WON && !r->won_stage)
		r->won_stage = s->id;
	if (s->status == IMPORT_ST_LOST && !r->lost_stage)
		r->lost_stage = s->id;
	char *k = lower_dup(r->mem, name);
	if (!map_get(&r->stage_by_name, k))
		map_put(&r->stage_by_name, k)->v = (int64_t)r->nstages;
	r->nstages++;
}

static enum err load_stages(struct run *r)
{
	enum err e = stages_ensure(r->c, r->org_id, r->org_lang);
	return e ? e : import_rows_stages(r->c, r->org_id, stage_loaded, r);
}

/* the organisation's one list of reasons: a lost reason of the file is read
 * as one of them (issue 14) */
static enum err load_reasons(struct run *r)
{
	struct reason_list l;
	enum err e = reason_list(r->c, r->mem, r->org_id, 0, &l);
	if (e)
		return e;
	r->reasons = arena_alloc(r->mem, (l.n ? l.n : 1) * sizeof(*r->reasons));
	r->nreasons = l.n;
	for (size_t i = 0; i < l.n; i++) {
		const char *seed = reason_seed_label(l.items[i].code);
		r->reasons[i].code = l.items[i].code;
		r->reasons[i].label = *l.items[i].label ? l.items[i].label : seed ? tr(r->org_lang, seed) : "";
	}
	return E_OK;
}

static int reason_offered(const struct run *r, const char *code)
{
	for (size_t i = 0; i < r->nreasons; i++)
		if (!strcmp(r->reasons[i].code, code))
			return 1;
	return 0;
}

static int32_t day_num(const char *d)
{
	if (!d || strlen(d) != 10)
		return 0;
	return (int32_t)(atoi(d) * 10000 + atoi(d + 5) * 100 + atoi(d + 8));
}

/* the fingerprint of what the file says about a deal; the same function
 * reads stored deals and new rows, so equal means "nothing to change" */

static uint64_t fp_add(uint64_t h, const char *s)
{
	for (; s && *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	h ^= 0x1f;
	return h * 1099511628211ULL;
}

static uint64_t fp_num(uint64_t h, int64_t v)
{
	for (int i = 0; i < 8; i++) {
		h ^= (uint64_t)(v >> (8 * i)) & 0xff;
		h *= 1099511628211ULL;
	}
	return h;
}

static uint64_t deal_fp(unsigned groups, const struct import_deal *d)
{
	uint64_t h = 1469598103934665603ULL;
	h = fp_num(h, d->value_minor);
	h = fp_num(h, d->owner_id);
	if (groups & IMPORT_G_TITLE)
		h = fp_add(h, d->title);
	if (groups & IMPORT_G_ACCOUNT)
		h = fp_num(h, d->account_id);
	if (groups & IMPORT_G_CURRENCY)
		h = fp_add(h, d->currency);
	if (groups & IMPORT_G_PRODUCT)
		h = fp_add(h, d->product);
	if (groups & IMPORT_G_STATE) {
		h = fp_num(h, d->stage_id);
		h = fp_add(h, d->status);
		h = fp_add(h, d->closed_on);
		h = fp_add(h, d->expected_close);
		h = fp_add(h, d->lost_reason);
		h = fp_add(h, d->lost_note);
	}
	return h;
}

/* what makes two deals the same deal to a person: title (case ignored),
 * owner, amount and close date (the expected one for an open deal) */
static const char *dup_key(struct run *r, const struct import_deal *d)
{
	const char *close = d->closed_on && *d->closed_on ? d->closed_on : d->expected_close ? d->expected_close : "";
	return arena_printf(r->mem, "%lld|%lld|%s|%s", (long long)d->owner_id, (long long)d->value_minor, close,
			    lower_dup(r->mem, d->title ? d->title : ""));
}

static void deal_loaded(void *cls, const char *external_id, int64_t id, const struct import_deal *d,
			const char *created_on)
{
	struct run *r = cls;
	uint64_t fp = deal_fp(r->groups, d);
	struct ment *e = map_put(&r->deals, arena_strdup(r->mem, external_id));
	e->v = id;
	e->fp = fp;
	e->day = day_num(created_on);
	if (strncmp(external_id, "csv:", 4))
		*(strchr(external_id, ':') ? &r->loaded_crm : &r->loaded_bare) += 1;
}

static enum err load_deals(struct run *r)
{
	enum err e = import_rows_deals(r->c, r->org_id, deal_loaded, r);
	r->dupkeys_pending = !e && r->deals.n > 0;
	return e;
}

static void dupkey_loaded(void *cls, const char *external_id, int64_t id, const struct import_deal *d,
			  const char *created_on)
{
	struct run *r = cls;
	map_put(&r->dupkeys, dup_key(r, d))->v = id;
}

/* the deals there before by what makes two alike to a person, read when the
 * file first writes a deal — nothing of the run has changed them yet — and
 * not at all by a re-import that changes nothing, which spent much of its
 * time on them (a formatted, lower-cased key and a map entry per deal). A
 * file that does write reads the deals a second time for them. */
static enum err dupkeys_ready(struct run *r)
{
	if (!r->dupkeys_pending)
		return E_OK;
	r->dupkeys_pending = 0;
	map_reserve(&r->dupkeys, r->deals_before);
	return import_rows_deals(r->c, r->org_id, dupkey_loaded, r);
}

/* --- owners --- */

static int looks_like_email(const char *s)
{
	return strchr(s, '@') != NULL;
}

/* "anna.de-vries" -> "Anna De Vries" */
static char *name_from_email(struct arena *a, const char *email)
{
	const char *at = strchr(email, '@');
	char *n = arena_strndup(a, email, at ? (size_t)(at - email) : strlen(email));
	int start = 1;
	for (char *p = n; *p; p++) {
		if (*p == '.' || *p == '_' || *p == '-' || *p == '+') {
			*p = ' ';
			start = 1;
		} else {
			if (start && *p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
			start = 0;
		}
	}
	return str_trim(n);
}

/* "Anna de Vries" -> "anna.de.vries" (ASCII letters and digits only) */
static char *local_from_name(struct arena *a, const char *name)
{
	char *o = arena_alloc(a, strlen(name) + 4), *w = o;
	for (const char *p = name; *p; p++) {
		char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			*w++ = c;
		else if ((c == ' ' || c == '-' || c == '.' || c == '_') && w > o && w[-1] != '.')
			*w++ = '.';
	}
	while (w > o && w[-1] == '.')
		w--;
	*w = '\0';
	return *o ? o : arena_strdup(a, "rep");
}

/* a new user for an owner or manager the organisation lacks; 0 and *idx,
 * -1 after reporting the row's error, -2 on a database failure */
static int create_user(struct run *r, int field, const char *text, const char *role, size_t *idx)
{
	const char *name, *email;
	if (looks_like_email(text)) {
		email = lower_dup(r->mem, text);
		name = name_from_email(r->mem, text);
		if (!*name)
			name = email;
	} else {
		name = text;
		email = NULL;
	}
	for (int attempt = 1; attempt <= 20; attempt++) {
		const char *mail = email;
		if (!mail)
			mail = attempt == 1 ? arena_printf(r->mem, "%s@%s.invalid", local_from_name(r->mem, name), r->slug)
					    : arena_printf(r->mem, "%s%d@%s.invalid", local_from_name(r->mem, name), attempt,
							   r->slug);
		if (!email && map_get(&r->by_email, mail))
			continue;
		if (r->simulate) {
			/* as people_add_user would check it; an address another
			 * organisation uses is found by the real run only */
			const char *why = validate_email(mail);
			if (!why)
				why = validate_name(name);
			if (why) {
				row_error(r, field, T(why), NULL);
				return -1;
			}
			add_user_rec(r, --r->fake_id, mail, name, role, 1, 0);
			*idx = r->nusers - 1;
			return 0;
		}
		struct new_user nu = { .email = mail, .name = name, .role = role };
		int64_t id = 0;
		const char *fname = NULL, *msg = NULL;
		enum err e = people_add_user(r->c, r->mem, r->org_id, &nu, &id, &fname, &msg);
		if (e == E_CONFLICT && !email)
			continue;
		if (e == E_CONFLICT) {
			row_error(r, field, T("the e-mail address \"%s\" belongs to a user of another organisation"), text);
			return -1;
		}
		if (e == E_INVALID) {
			row_error(r, field, T(msg ? msg : N_("This is not valid.")), NULL);
			return -1;
		}
		if (!e && r->run_id)
			e = import_run_note_row(r->c, r->org_id, r->run_id, "users", id, 1, 0, NULL);
		if (e)
			return -2;
		add_user_rec(r, id, mail, name, role, 1, 0);
		*idx = r->nusers - 1;
		return 0;
	}
	row_error(r, field, T("cannot make up a free e-mail address for \"%s\""), text);
	return -1;
}

/* the user a cell names, by e-mail or full name: 0 and *idx; 1 when there
 * is none (not reported: the caller decides); -1 after reporting */
static int find_user(struct run *r, int field, const char *text, size_t *idx)
{
	char buf[256];
	const char *k = lower_buf(text, buf, sizeof(buf));
	struct ment *e = looks_like_email(text) ? map_get(&r->by_email, k) : NULL;
	if (!e)
		e = map_get(&r->by_name, k);
	if (!e)
		return 1;
	if (e->v < 0) {
		row_error(r, field, T("more than one user is called \"%s\"; give the e-mail address instead"), text);
		return -1;
	}
	*idx = (size_t)e->v;
	return 0;
}

/* the owner of a row: 0 and *idx, -1 reported, -2 database failure */
static int owner_of(struct run *r, int field, const char *role, size_t *idx)
{
	const char *text = r->cell[field];
	int f = find_user(r, field, text, idx);
	if (f <= 0)
		return f;
	if (!r->o->create_missing) {
		row_error(r, field, T("no user with this e-mail address or name: \"%s\""), text);
		return -1;
	}
	return create_user(r, field, text, role, idx);
}

/* the owner a row names: 0 and *idx when known; 1 when unknown and to be
 * created (create_missing) once the row is found good; -1 after reporting */
static int known_owner(struct run *r, int field, size_t *idx)
{
	int f = find_user(r, field, r->cell[field], idx);
	if (f == 1 && !r->o->create_missing) {
		row_error(r, field, T("no user with this e-mail address or name: \"%s\""), r->cell[field]);
		return -1;
	}
	return f;
}

/* --- cells --- */

static int need(struct run *r, int field)
{
	if (*r->cell[field])
		return 1;
	row_error(r, field, T("this cell is empty"), NULL);
	return 0;
}

static int amount_of(struct run *r, int field, int64_t *minor)
{
	if (!need(r, field))
		return 0;
	if (csv_parse_amount(r->cell[field], 0, minor)) {
		row_error(r, field, T("the amount is not a number: \"%s\""), r->cell[field]);
		return 0;
	}
	return 1;
}

/* a day, or "" when the cell is empty: 1, or 0 after reporting */
static int day_of(struct run *r, int field, char out[11])
{
	out[0] = '\0';
	if (field < 0 || !*r->cell[field])
		return 1;
	if (csv_parse_day(r->cell[field], out)) {
		out[0] = '\0';
		row_error(r, field, T("not a date: \"%s\" (write 2026-11-23 or 23-11-2026)"), r->cell[field]);
		return 0;
	}
	return 1;
}

/* the currency of a row: the cell uppercased, or the organisation's */
static const char *currency_of(struct run *r, int field, char buf[8])
{
	const char *s = r->cell[field];
	if (!*s)
		return r->currency;
	size_t n = strlen(s);
	if (n != 3) {
		row_error(r, field, T("not a currency code: \"%s\" (write three letters, such as EUR)"), s);
		return NULL;
	}
	for (size_t i = 0; i < 3; i++)
		buf[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
	buf[3] = '\0';
	if (validate_currency(buf)) {
		row_error(r, field, T("not a currency code: \"%s\" (write three letters, such as EUR)"), s);
		return NULL;
	}
	return buf;
}

static int text_ok(struct run *r, int field, size_t max)
{
	const char *s = r->cell[field];
	if (strlen(s) > max) {
		row_error(r, field, T("the text is too long (at most %s characters)"), max == TEXT_MAX ? "200" : "2000");
		return 0;
	}
	return 1;
}

/* --- deals --- */

struct dealrow {
	struct import_deal v;
	const char *external_id;
	char created_on[11];	/* "" when the file has none */
};

/* the new deals gathered for COPY written; before anything reads them back
 * and before a batch is committed */
static enum err copy_flush(struct run *r)
{
	if (!r->copy.len)
		return E_OK;
	size_t bad = 0;
	enum err e = import_rows_deal_copy(r->c, &r->copy, &bad);
	/* the line of the file the server refused, not the one the file is at
	 * (a COPY goes when a batch ends, many lines later) */
	if (e && bad >= 1 && bad <= r->ncopy)
		r->line = r->copy_lines[bad - 1];
	sb_reset(&r->copy);
	r->ncopy = 0;
	return e;
}

/* a few MiB of rows per COPY at most, however long the batch */
#define COPY_MAX_BYTES (4u << 20)

static enum err deal_write(struct run *r, const struct dealrow *d, struct ment *have, uint64_t fp)
{
	const struct import_deal *v = &d->v;
	if (!have) {
		const char *created = *d->created_on ? d->created_on : *v->closed_on ? v->closed_on : r->today;
		enum err e = E_OK;
		if (r->use_copy) {
			import_rows_deal_copy_row(&r->copy, r->org_id, v, created, d->external_id, r->now, r->run_id);
			if (r->ncopy == r->capcopy) {
				r->capcopy = r->capcopy ? r->capcopy * 2 : 4096;
				r->copy_lines = xrealloc(r->copy_lines, r->capcopy * sizeof(*r->copy_lines));
			}
			r->copy_lines[r->ncopy++] = r->line;
			if (r->copy.len >= COPY_MAX_BYTES)
				e = copy_flush(r);
		} else if (!r->simulate)
			e = import_rows_deal_insert(r->c, r->org_id, v, created, d->external_id, r->now, r->run_id);
		if (e)
			return e;
		/* the id is only wanted when the file holds the deal twice */
		struct ment *m = map_put(&r->deals, arena_strdup(r->mem, d->external_id));
		m->v = 0;
		m->fp = fp;
		m->day = day_num(created);
		m->mine = 1;
		r->out->created++;
		return E_OK;
	}
	if (r->simulate) {
		have->fp = fp;
		if ((r->groups & IMPORT_G_CREATED) && *d->created_on)
			have->day = day_num(d->created_on);
		r->out->updated++;
		return E_OK;
	}
	if (!have->v) {
		/* the file holds the deal twice: the first may still wait for COPY */
		enum err e = copy_flush(r);
		if (e)
			return e;
		have->v = import_rows_deal_id(r->c, r->org_id, d->external_id);
		if (!have->v)
			return E_INTERNAL;
	}
	/* a deal that was there before the run: how it was, for an undo */
	if (r->run_id && !have->mine) {
		enum err e = import_run_note_deal(r->c, r->org_id, r->run_id, have->v);
		if (e)
			return e;
	}
	enum err e = import_rows_deal_update(r->c, r->update_sql, r->groups, r->org_id, have->v, v, d->created_on,
					     r->today, r->now);
	if (e)
		return e;
	have->fp = fp;
	if ((r->groups & IMPORT_G_CREATED) && *d->created_on)
		have->day = day_num(d->created_on);
	r->out->updated++;
	return E_OK;
}

static int64_t account_for(struct run *r, const char *name, enum err *e)
{
	char buf[256];
	const char *k = lower_buf(name, buf, sizeof(buf));
	struct ment *m = map_get(&r->accounts, k);
	if (m)
		return m->v;
	int64_t id = 0;
	if (r->simulate) {
		map_put(&r->accounts, arena_strdup(r->mem, k))->v = --r->fake_id;
		return r->fake_id;
	}
	*e = import_rows_account_add(r->c, r->org_id, name, r->run_id, &id);
	if (*e)
		return 0;
	map_put(&r->accounts, arena_strdup(r->mem, k))->v = id;
	return id;
}

/* the index in out->stages of a stage name the organisation lacks, counted
 * once more */
static long unknown_stage(struct run *r, const char *name)
{
	char buf[256];
	const char *k = lower_buf(name, buf, sizeof(buf));
	struct ment *m = map_get(&r->unknown_stage, k);
	if (m) {
		r->out->stages[m->v].count++;
		return (long)m->v;
	}
	size_t n = r->out->nstages;
	if (n == r->capunknown) {
		size_t cap = n ? n * 2 : 8;
		struct import_count *c = arena_alloc(r->a, cap * sizeof(*c));
		int64_t *ids = arena_alloc(r->mem, cap * sizeof(*ids));
		if (n) {
			memcpy(c, r->out->stages, n * sizeof(*c));
			memcpy(ids, r->unknown_stage_id, n * sizeof(*ids));
		}
		r->out->stages = c;
		r->unknown_stage_id = ids;
		r->capunknown = cap;
	}
	r->out->stages[n].name = arena_strdup(r->a, name);
	r->out->stages[n].count = 1;
	r->unknown_stage_id[n] = 0;
	map_put(&r->unknown_stage, arena_strdup(r->mem, k))->v = (int64_t)n;
	r->out->nstages++;
	return (long)n;
}

/* a deal stored under another form of the same id ("123" as
 * "salesforce:123", or the other way round), or NULL; when several CRMs'
 * deals have it, the row fails (reported). tried is the form the preset
 * gives (bare for generic) */
static struct ment *other_form(struct run *r, const char *bare, const char *tried)
{
	static const char *const prefixes[] = { "", "salesforce:", "hubspot:", "pipedrive:" };
	struct ment *found = NULL;
	int nfound = 0;
	/* a CRM's row may be a deal imported bare (generic); a generic row may
	 * be any one CRM's. Two CRMs' ids never meet: HubSpot's 101 is not
	 * Pipedrive's (a file under another CRM's preset is caught by the
	 * duplicate check instead) */
	size_t nprefixes = strchr(tried, ':') && strcmp(tried, bare) ? 1 : sizeof(prefixes) / sizeof(prefixes[0]);
	for (size_t i = 0; i < nprefixes; i++) {
		const char *k = arena_printf(r->mem, "%s%s", prefixes[i], bare);
		if (!strcmp(k, tried))
			continue;
		struct ment *m = map_get(&r->deals, k);
		if (m) {
			found = m;
			nfound++;
		}
	}
	if (nfound > 1) {
		row_error(r, DF_EXTERNAL_ID,
			  T("deals of more than one CRM have the id \"%s\": choose the preset of the CRM this file "
			    "comes from"), bare);
		return NULL;
	}
	return found;
}

/* one deal row: E_OK also when the row failed (reported), an error only
 * when the database did */
static enum err deal_row(struct run *r)
{
	struct dealrow d = { 0 };
	struct import_deal *v = &d.v;
	char cur[8], close[11], expected[11], created[11];
	/* a deal the CRM deleted is passed over, whatever else its row says */
	const char *sw = r->cell[DF_STATUS];
	int status = *sw ? import_status_word(sw) : IMPORT_ST_UNKNOWN;
	if (status == IMPORT_ST_DELETED) {
		r->out->skipped++;
		return E_OK;
	}
	size_t ui = 0;
	int ok = need(r, DF_OWNER);
	int owner = ok ? known_owner(r, DF_OWNER, &ui) : -1;
	ok &= owner >= 0;
	/* an open deal without an amount is normal in every CRM: it has none
	 * (0) until someone knows; a won one must say what it brought */
	int no_amount = !*r->cell[DF_AMOUNT];
	if (!no_amount)
		ok &= amount_of(r, DF_AMOUNT, &v->value_minor);
	if (ok && v->value_minor < 0) {
		row_error(r, DF_AMOUNT, T("the amount is negative: \"%s\""), r->cell[DF_AMOUNT]);
		ok = 0;
	}
	v->currency = currency_of(r, DF_CURRENCY, cur);
	ok &= v->currency != NULL;
	ok &= day_of(r, DF_CLOSE_DATE, close);
	ok &= day_of(r, DF_EXPECTED_CLOSE, expected);
	ok &= day_of(r, DF_CREATED_DATE, created);
	ok &= text_ok(r, DF_TITLE, TEXT_MAX) & text_ok(r, DF_ACCOUNT, TEXT_MAX) & text_ok(r, DF_PRODUCT, TEXT_MAX) &
		text_ok(r, DF_EXTERNAL_ID, TEXT_MAX) & text_ok(r, DF_LOST_REASON, NOTE_MAX);

	/* the status: the status column, else the won/closed flags, else the stage */
	if (*sw && status == IMPORT_ST_UNKNOWN) {
		row_error(r, DF_STATUS, T("unknown status: \"%s\" (use open, won, lost or paused)"), sw);
		ok = 0;
	}
	int won = -1, closed = -1;
	if (*r->cell[DF_WON] && (won = import_bool_word(r->cell[DF_WON])) < 0) {
		row_error(r, DF_WON, T("not yes or no: \"%s\""), r->cell[DF_WON]);
		ok = 0;
	}
	if (*r->cell[DF_CLOSED] && (closed = import_bool_word(r->cell[DF_CLOSED])) < 0) {
		row_error(r, DF_CLOSED, T("not yes or no: \"%s\""), r->cell[DF_CLOSED]);
		ok = 0;
	}
	if (status == IMPORT_ST_UNKNOWN) {
		if (won == 1)
			status = IMPORT_ST_WON;
		else if (closed == 0)
			status = IMPORT_ST_OPEN;
		else if (closed == 1 && won == 0)
			status = IMPORT_ST_LOST;
	}
	const struct srec *stage = NULL;
	const char *stxt = r->cell[DF_STAGE];
	if (*stxt) {
		char buf[256];
		struct ment *m = map_get(&r->stage_by_name, lower_buf(stxt, buf, sizeof(buf)));
		if (m)
			stage = &r->stages[m->v];
	}
	if (status == IMPORT_ST_UNKNOWN) {
		int w = *stxt ? import_status_word(stxt) : IMPORT_ST_UNKNOWN;
		if (stage)
			status = stage->status;
		else if (w == IMPORT_ST_WON || w == IMPORT_ST_LOST || w == IMPORT_ST_PAUSED)
			status = w;
		else
			status = IMPORT_ST_OPEN;
	}
	if (status == IMPORT_ST_WON && no_amount) {
		row_error(r, DF_AMOUNT, T("a won deal needs an amount"), NULL);
		ok = 0;
	}
	/* a stage the organisation lacks is never put in the first stage
	 * silently: counted for the summary, then created (create_missing)
	 * or the row fails */
	long unknown = -1;
	if (*stxt && !stage && import_status_word(stxt) == IMPORT_ST_UNKNOWN &&
	    (status == IMPORT_ST_OPEN || status == IMPORT_ST_PAUSED)) {
		unknown = unknown_stage(r, stxt);
		if (r->unknown_stage_id[unknown])
			;
		else if (!r->o->create_missing) {
			row_error(r, DF_STAGE,
				  T("the organisation has no stage \"%s\": map it to one of its stages or create the "
				    "missing stages"), stxt);
			ok = 0;
		}
	}
	int is_closed = status == IMPORT_ST_WON || status == IMPORT_ST_LOST;
	if (is_closed) {
		int64_t want = status == IMPORT_ST_WON ? r->won_stage : r->lost_stage;
		v->stage_id = want ? want : stage ? stage->id : r->first_open;
		v->closed_on = *close ? close : *expected ? expected : "";
		v->expected_close = "";
		if (!*v->closed_on && ok) {
			row_error(r, r->nfcols[DF_CLOSE_DATE] ? DF_CLOSE_DATE : -1,
				  T("a won or lost deal needs a close date"), NULL);
			ok = 0;
		}
	} else {
		v->stage_id = stage && stage->status == IMPORT_ST_OPEN ? stage->id : r->first_open;
		v->closed_on = "";
		v->expected_close = *expected ? expected : close;
	}
	static const char *const status_codes[] = { "open", "won", "lost", "paused" };
	v->status = status_codes[status];
	v->lost_reason = "";
	v->lost_note = "";
	if (status == IMPORT_ST_LOST) {
		const char *lr = r->cell[DF_LOST_REASON];
		/* a reason of the organisation's list by its code or label, else
		 * by keywords; what fits none is "other", its text kept as the note */
		const char *code = import_reason_in_list(lr, r->reasons, r->nreasons);
		if (!code) {
			code = import_lost_reason(lr);
			if (!reason_offered(r, code) || (!strcmp(code, "other") && !import_lost_reason_exact(lr))) {
				code = "other";
				v->lost_note = lr;
			}
		}
		v->lost_reason = code;
	}
	if (!v->stage_id) {
		row_error(r, -1, T("the pipeline has no open stage; add one first"), NULL);
		ok = 0;
	}
	if (!ok)
		return E_OK;

	/* an unknown stage is created only for a good row */
	if (unknown >= 0) {
		if (!r->unknown_stage_id[unknown]) {
			int64_t id = --r->fake_id;
			if (!r->simulate) {
				struct stage st = { .name = stxt, .kind = "open", .position = 1000 + (int)r->nstages };
				/* not journalled (import_undo keeps accounts, users and
				 * numbers): an undone import leaves the stage, empty */
				enum err e = stage_create(r->c, r->org_id, &st, &id);
				if (e)
					return e;
			}
			r->unknown_stage_id[unknown] = id;
			r->out->stages_created++;
		}
		v->stage_id = r->unknown_stage_id[unknown];
	}

	/* an unknown owner is created only for a good row */
	if (owner == 1) {
		int o = create_user(r, DF_OWNER, r->cell[DF_OWNER], "rep", &ui);
		if (o == -2)
			return E_UNAVAILABLE;
		if (o)
			return E_OK;
	}
	v->owner_id = r->users[ui].id;

	const char *title = r->cell[DF_TITLE], *account = r->cell[DF_ACCOUNT];
	char ext[24 + TEXT_MAX * 4];
	struct ment *have = NULL;
	if (*r->cell[DF_EXTERNAL_ID]) {
		/* a CRM's ids are its own: HubSpot's deal 101 is not Pipedrive's */
		if (r->preset == PRESET_SALESFORCE || r->preset == PRESET_HUBSPOT || r->preset == PRESET_PIPEDRIVE) {
			snprintf(ext, sizeof(ext), "%s:%s", import_preset_code(r->preset), r->cell[DF_EXTERNAL_ID]);
			d.external_id = ext;
		} else
			d.external_id = r->cell[DF_EXTERNAL_ID];
		/* the same id under another preset's form is the same deal: the
		 * preset was guessed from the headers, the data did not change */
		have = map_get(&r->deals, d.external_id);
		/* (only when such deals are there: a first import pays nothing) */
		int bare = d.external_id == r->cell[DF_EXTERNAL_ID];
		if (!have && (bare ? r->loaded_crm : r->loaded_bare) &&
		    (have = other_form(r, r->cell[DF_EXTERNAL_ID], d.external_id)) == NULL && r->row_failed)
			return E_OK;
		if (have)
			d.external_id = have->k;
	} else {
		/* without an id: the deal is its title, account, owner and day
		 * created (as read, so the owner's e-mail or name and the date's
		 * format do not matter); two rows alike in all four cannot be told
		 * apart, and the second is refused rather than taken for the first */
		char owner_id[24];
		snprintf(owner_id, sizeof(owner_id), "%lld", (long long)v->owner_id);
		import_derived_id(title, account, owner_id, created, ext);
		struct ment *seen = map_get(&r->derived, ext);
		if (seen) {
			row_error(r, -1, arena_printf(r->a, T("the same title, account, owner and day created as line "
							      "%lld: add an id column to tell these deals apart"),
						      (long long)seen->v), NULL);
			return E_OK;
		}
		map_put(&r->derived, arena_strdup(r->mem, ext))->v = (int64_t)r->line;
		d.external_id = ext;
	}
	v->title = *title ? title : *account ? account : tr(r->org_lang, "Untitled deal");
	enum err e = E_OK;
	v->account_id = account_for(r, *account ? account : tr(r->org_lang, "No account"), &e);
	if (e)
		return e;
	v->product = r->cell[DF_PRODUCT];
	snprintf(d.created_on, sizeof(d.created_on), "%s", created);

	uint64_t fp = deal_fp(r->groups, v);
	if (!have)
		have = map_get(&r->deals, d.external_id);
	/* an empty created date leaves the deal's alone (it was set when the
	 * deal was added) */
	if (have && have->fp == fp &&
	    (!(r->groups & IMPORT_G_CREATED) || !*created || have->day == day_num(created))) {
		r->out->skipped++;
		return E_OK;
	}
	if ((e = dupkeys_ready(r)))
		return e;
	if (!have && !r->o->allow_duplicates && r->dupkeys.n) {
		struct ment *dup = map_get(&r->dupkeys, dup_key(r, v));
		if (dup) {
			if (r->errmsg)
				sb_addf(r->errmsg,
					T("line %zu would add a second deal \"%s\": one with the same title, owner, amount "
					  "and close date exists already under another id (was this file imported before "
					  "with other ids?); allow duplicates to add it anyway"),
					r->line, v->title);
			return E_CONFLICT;
		}
	}
	return deal_write(r, &d, have, fp);
}

/* --- targets and results --- */

static enum err number_row(struct run *r)
{
	int64_t amount = 0;
	char cur[8], label[12];
	struct period p;
	size_t ui = 0;
	int ok = need(r, TF_OWNER);
	int owner = ok ? known_owner(r, TF_OWNER, &ui) : -1;
	ok &= owner >= 0;
	if (need(r, TF_PERIOD)) {
		if (import_period_label(r->cell[TF_PERIOD], label) || period_parse(label, r->fsm, &p)) {
			row_error(r, TF_PERIOD, T("not a period: \"%s\" (write 2026-11, 2026-Q1 or FY2026)"),
				  r->cell[TF_PERIOD]);
			ok = 0;
		}
	} else {
		ok = 0;
	}
	ok &= amount_of(r, TF_AMOUNT, &amount);
	if (ok && amount < 0 && r->o->kind == IMPORT_TARGETS) {
		row_error(r, TF_AMOUNT, T("a target cannot be negative: \"%s\""), r->cell[TF_AMOUNT]);
		ok = 0;
	}
	const char *currency = currency_of(r, TF_CURRENCY, cur);
	if (!ok || !currency)
		return E_OK;
	if (owner == 1) {
		int o = create_user(r, TF_OWNER, r->cell[TF_OWNER], "rep", &ui);
		if (o == -2)
			return E_UNAVAILABLE;
		if (o)
			return E_OK;
	}
	int64_t uid = r->users[ui].id;
	int targets = r->o->kind == IMPORT_TARGETS;
	int64_t was_amount = 0;
	char was_currency[8] = "";
	enum err e = E_OK;
	int had = import_rows_number(r->c, r->org_id, targets, uid, p.start, p.end, &was_amount, was_currency, &e);
	if (had < 0)
		return e;
	int same = had && was_amount == amount && !strcmp(was_currency, currency);
	if (same) {
		r->out->skipped++;
		return E_OK;
	}
	int64_t id = 0;
	int created = !had;
	if (!r->simulate)
		e = targets ? target_set(r->c, r->org_id, uid, &p, amount, currency, &id, &created)
			    : result_total_set(r->c, r->org_id, uid, &p, amount, currency, &id, &created);
	if (!e && r->run_id)
		e = import_run_note_row(r->c, r->org_id, r->run_id, targets ? "targets" : "result_totals", id, created,
					was_amount, was_currency);
	if (e)
		return e;
	if (created)
		r->out->created++;
	else
		r->out->updated++;
	return E_OK;
}

/* --- reps --- */

/* a reps file is read whole first: a row may name as manager someone a
 * later row adds */
struct reprow {
	size_t line;
	const char *cell[RF_COUNT];
	int cell_col[RF_COUNT];
	const char *email, *role;	/* normalised; role NULL when not given */
	int failed, created, changed;
	size_t user;			/* index in users once written */
};

static void rep_cells_in(struct run *r, const struct reprow *w)
{
	r->line = w->line;
	r->row_failed = w->failed;
	for (int f = 0; f < RF_COUNT; f++) {
		r->cell[f] = w->cell[f];
		r->cell_col[f] = w->cell_col[f];
	}
}

/* the row of the file that adds the user a cell names, or -1 */
static long file_row_named(struct reprow *rows, size_t n, const char *text)
{
	for (size_t i = 0; i < n; i++) {
		if (rows[i].failed)
			continue;
		if (looks_like_email(text) ? rows[i].email && !strcasecmp(rows[i].email, text)
					   : !strcasecmp(rows[i].cell[RF_NAME], text))
			return (long)i;
	}
	return -1;
}

static enum err reps_run(struct run *r, struct reprow *rows, size_t n)
{
	/* 1: check every row */
	for (size_t i = 0; i < n; i++) {
		struct reprow *w = &rows[i];
		rep_cells_in(r, w);
		/* no e-mail is allowed: a CRM's team sheet has none */
		int ok = need(r, RF_NAME);
		if (*r->cell[RF_EMAIL]) {
			char *email = lower_dup(r->mem, r->cell[RF_EMAIL]);
			w->email = email;
			if (validate_email(email)) {
				row_error(r, RF_EMAIL, T("not an e-mail address: \"%s\""), r->cell[RF_EMAIL]);
				ok = 0;
			}
		}
		if (*r->cell[RF_NAME] && validate_name(r->cell[RF_NAME])) {
			row_error(r, RF_NAME, T(validate_name(r->cell[RF_NAME])), NULL);
			ok = 0;
		}
		if (*r->cell[RF_ROLE]) {
			w->role = import_role_word(r->cell[RF_ROLE]);
			if (!w->role) {
				row_error(r, RF_ROLE, T("unknown role: \"%s\" (use rep or manager)"), r->cell[RF_ROLE]);
				ok = 0;
			}
		}
		ok &= text_ok(r, RF_TEAM, TEXT_MAX) & text_ok(r, RF_TERRITORY, TEXT_MAX) &
			text_ok(r, RF_SEGMENT, TEXT_MAX);
		if (!*r->cell[RF_TEAM]) {
			int f = *r->cell[RF_MANAGER] ? RF_MANAGER : *r->cell[RF_TERRITORY] ? RF_TERRITORY
				: *r->cell[RF_SEGMENT] ? RF_SEGMENT : -1;
			if (f >= 0) {
				row_error(r, f, T("\"%s\" is given without a team"), r->cell[f]);
				ok = 0;
			}
		}
		w->failed = !ok;
	}
	/* one manager per team: the first row that names one decides, a row
	 * that names another fails */
	struct map team_manager = { 0 };
	for (size_t i = 0; i < n; i++) {
		struct reprow *w = &rows[i];
		if (w->failed || !*w->cell[RF_MANAGER] || !*w->cell[RF_TEAM])
			continue;
		rep_cells_in(r, w);
		struct ment *m = map_put(&team_manager, lower_dup(r->mem, w->cell[RF_TEAM]));
		if (!m->fp) {
			m->fp = 1;
			m->v = (int64_t)i;
		} else if (strcasecmp(rows[m->v].cell[RF_MANAGER], w->cell[RF_MANAGER])) {
			row_error(r, RF_MANAGER,
				  arena_printf(r->a, T("the team \"%s\" has another manager on line %zu: \"%s\""),
					       w->cell[RF_TEAM], rows[m->v].line, rows[m->v].cell[RF_MANAGER]),
				  NULL);
			w->failed = 1;
		}
	}
	map_free(&team_manager);
	/* a manager must be, or become, an active manager or admin */
	for (size_t i = 0; i < n; i++) {
		struct reprow *w = &rows[i];
		if (w->failed || !*w->cell[RF_MANAGER])
			continue;
		rep_cells_in(r, w);
		const char *text = r->cell[RF_MANAGER];
		long fr = file_row_named(rows, n, text);
		size_t ui = 0;
		int f = find_user(r, RF_MANAGER, text, &ui);
		if (f < 0) {
			w->failed = 1;
			continue;
		}
		const char *role = NULL;
		int active = 1;
		if (fr >= 0) {
			role = rows[fr].role;
			if (!role) {
				struct ment *e = rows[fr].email ? map_get(&r->by_email, rows[fr].email) : NULL;
				role = e ? r->users[e->v].role : "rep";
			}
		} else if (f == 0) {
			role = r->users[ui].role;
			active = r->users[ui].active;
		} else if (r->o->create_missing) {
			role = "manager";
		} else {
			row_error(r, RF_MANAGER, T("no user with this e-mail address or name: \"%s\""), text);
			w->failed = 1;
			continue;
		}
		if (role_parse(role) < ROLE_MANAGER || !active) {
			row_error(r, RF_MANAGER, T("\"%s\" is not an active manager or admin"), text);
			w->failed = 1;
		}
	}
	/* 2: the users */
	for (size_t i = 0; i < n; i++) {
		struct reprow *w = &rows[i];
		if (w->failed)
			continue;
		rep_cells_in(r, w);
		const char *name = r->cell[RF_NAME];
		struct ment *e = w->email ? map_get(&r->by_email, w->email) : NULL;
		if (!w->email) {
			/* without an e-mail address: the user of that name, else a new
			 * one with an address made up (cannot sign in until given one) */
			size_t ui = 0;
			int f = find_user(r, RF_NAME, name, &ui);
			if (f < 0) {
				w->failed = 1;
				continue;
			}
			if (f == 1) {
				int c = create_user(r, RF_NAME, name, w->role ? w->role : "rep", &ui);
				if (c == -2)
					return E_UNAVAILABLE;
				if (c) {
					w->failed = 1;
					continue;
				}
				w->user = ui;
				w->created = 1;
				continue;
			}
			e = map_get(&r->by_email, r->users[ui].email);
		}
		if (e) {
			struct urec *u = &r->users[e->v];
			w->user = (size_t)e->v;
			if (strcmp(u->name, name)) {
				enum err err = import_rows_user_rename(r->c, r->org_id, u->id, name);
				if (err)
					return err;
				u->name = arena_strdup(r->mem, name);
				w->changed = 1;
			}
			/* an admin stays one: the file speaks of reps and managers */
			if (w->role && strcmp(u->role, w->role) && strcmp(u->role, "admin")) {
				enum err err = user_set_role(r->c, r->org_id, u->id, w->role);
				if (err)
					return err;
				u->role = w->role;
				w->changed = 1;
			}
			continue;
		}
		struct new_user nu = { .email = w->email, .name = name, .role = w->role ? w->role : "rep" };
		int64_t id = 0;
		const char *fname = NULL, *msg = NULL;
		enum err err = people_add_user(r->c, r->mem, r->org_id, &nu, &id, &fname, &msg);
		if (err == E_CONFLICT) {
			row_error(r, RF_EMAIL, T("the e-mail address \"%s\" belongs to a user of another organisation"),
				  r->cell[RF_EMAIL]);
			w->failed = 1;
			continue;
		}
		if (err == E_INVALID) {
			row_error(r, fname && !strcmp(fname, "name") ? RF_NAME : RF_EMAIL,
				  T(msg ? msg : N_("This is not valid.")), NULL);
			w->failed = 1;
			continue;
		}
		if (err)
			return err;
		add_user_rec(r, id, w->email, name, nu.role, 1, 0);
		w->user = r->nusers - 1;
		w->created = 1;
	}
	/* 3: teams, their managers, and who is in them */
	for (size_t i = 0; i < n; i++) {
		struct reprow *w = &rows[i];
		if (w->failed || !*w->cell[RF_TEAM])
			continue;
		rep_cells_in(r, w);
		struct urec *u = &r->users[w->user];
		int64_t uid = u->id;
		int leads = !strcmp(u->role, "manager") && !*r->cell[RF_MANAGER];
		int64_t manager_id = leads ? uid : 0;
		if (*r->cell[RF_MANAGER]) {
			size_t mi = 0, had = r->nusers;
			int o = owner_of(r, RF_MANAGER, "manager", &mi);
			if (o == -2)
				return E_UNAVAILABLE;
			if (o) {
				w->failed = 1;
				continue;
			}
			/* a manager made up from a name has no mailbox either */
			if (r->nusers > had && !looks_like_email(r->cell[RF_MANAGER]))
				r->out->without_email++;
			manager_id = r->users[mi].id;
		}
		const char *tname = r->cell[RF_TEAM], *terr = r->cell[RF_TERRITORY], *seg = r->cell[RF_SEGMENT];
		char buf[256];
		struct ment *e = map_get(&r->team_by_name, lower_buf(tname, buf, sizeof(buf)));
		struct trec *t;
		if (!e) {
			struct new_team nt = { .name = tname, .territory = terr, .segment = seg, .manager_id = manager_id };
			int64_t id = 0;
			const char *fname = NULL, *msg = NULL;
			enum err err = people_add_team(r->c, r->mem, r->org_id, &nt, &id, &fname, &msg);
			if (err == E_INVALID) {
				row_error(r, RF_TEAM, T(msg ? msg : N_("This is not valid.")), NULL);
				w->failed = 1;
				continue;
			}
			if (err)
				return err;
			t = add_team_rec(r, id, tname, manager_id, terr, seg);
			w->changed = 1;
			r->out->teams_created++;
			r->out->managers_set += manager_id != 0;
		} else {
			t = &r->teams[e->v];
			int64_t m = manager_id ? manager_id : t->manager_id;
			const char *nterr = *terr ? terr : t->territory, *nseg = *seg ? seg : t->segment;
			if (m != t->manager_id || strcmp(nterr, t->territory) || strcmp(nseg, t->segment)) {
				enum err err = team_update(r->c, r->org_id, t->id, t->name, m, nterr, nseg);
				if (err)
					return err;
				r->out->managers_set += m != t->manager_id;
				t->manager_id = m;
				t->territory = arena_strdup(r->mem, nterr);
				t->segment = arena_strdup(r->mem, nseg);
				w->changed = 1;
			}
		}
		if (!leads && u->team_id != t->id) {
			enum err err = user_set_team(r->c, r->org_id, uid, t->id);
			if (err)
				return err;
			u->team_id = t->id;
			w->changed = 1;
		}
	}
	for (size_t i = 0; i < n; i++) {
		size_t l = rows[i].failed ? 0 : strlen(r->users[rows[i].user].email);
		/* a made-up address (create_user): no mailbox, no sign-in */
		if (l > 8 && !strcmp(r->users[rows[i].user].email + l - 8, ".invalid"))
			r->out->without_email++;
		if (rows[i].failed)
			r->out->failed++;
		else if (rows[i].created)
			r->out->created++;
		else if (rows[i].changed)
			r->out->updated++;
		else
			r->out->skipped++;
	}
	return E_OK;
}

/* --- the whole file --- */

static enum err org_info(struct run *r)
{
	struct import_org org;
	enum err e = import_rows_org(r->c, r->mem, r->org_id, &org);
	if (e)
		return e;
	r->slug = org.slug;
	r->currency = org.currency;
	int l = lang_parse(org.locale);
	r->org_lang = l < 0 ? LANG_EN : (enum lang)l;
	r->fsm = org.fiscal_start_month;
	return E_OK;
}

static unsigned deal_groups(const struct run *r)
{
	unsigned g = 0;
	/* a value set for the whole file speaks for its field as a column does */
	int has[DF_COUNT];
	for (int f = 0; f < DF_COUNT; f++)
		has[f] = r->nfcols[f] || r->set_cell[f];
	if (has[DF_TITLE])
		g |= IMPORT_G_TITLE;
	if (has[DF_ACCOUNT])
		g |= IMPORT_G_ACCOUNT;
	if (has[DF_CURRENCY])
		g |= IMPORT_G_CURRENCY;
	if (has[DF_PRODUCT])
		g |= IMPORT_G_PRODUCT;
	if (has[DF_STATUS] || has[DF_WON] || has[DF_CLOSED] || has[DF_STAGE] ||
	    has[DF_CLOSE_DATE] || has[DF_EXPECTED_CLOSE] || has[DF_LOST_REASON])
		g |= IMPORT_G_STATE;
	if (has[DF_CREATED_DATE])
		g |= IMPORT_G_CREATED;
	return g;
}

static void run_release(struct run *r)
{
	import_rows_bulk_end(r->c, &r->bulk);
	sb_release(&r->copy);
	free(r->copy_lines);
	map_free(&r->by_email);
	map_free(&r->by_name);
	map_free(&r->team_by_name);
	map_free(&r->accounts);
	map_free(&r->stage_by_name);
	map_free(&r->deals);
	map_free(&r->derived);
	map_free(&r->unknown_stage);
	map_free(&r->dupkeys);
	sb_release(&r->scratch);
	arena_free(r->mem);
}

/* --- batches and their undoing --- */

/* audit (issue 16): a row of the import's own — "start", "undo" or the
 * finish step's "import" — with fields of strings, as the caller via (the
 * connection's "import" is the rows' own, never a row's) */
static enum err import_audit_row(struct db_conn *c, int64_t org_id, int64_t job_id, const char *action,
				 const char *via, const char *const *names, const char *const *vals, size_t n)
{
	struct strbuf aj = STRBUF_INIT;
	sb_addc(&aj, '{');
	for (size_t i = 0; i < n; i++) {
		sb_adds(&aj, i ? "," : "");
		audit_json_string(&aj, names[i]);
		sb_addc(&aj, ':');
		audit_json_string(&aj, vals[i]);
	}
	sb_addc(&aj, '}');
	const char *was = db_actor_via(c);
	db_set_actor(c, db_actor_id(c), via);
	enum err e = audit_record(c, org_id, AUDIT_IMPORT, job_id, action, NULL, aj.buf);
	db_set_actor(c, db_actor_id(c), was);
	sb_release(&aj);
	return e;
}

static int64_t elapsed_ns(const struct timespec *from, const struct timespec *to)
{
	return (int64_t)(to->tv_sec - from->tv_sec) * 1000000000L + (to->tv_nsec - from->tv_nsec);
}

/* after a row: the batch is committed when it is big or old enough, so
 * the write lock is free for the app's writes between batches */
static enum err batch_end(struct run *r)
{
	if (!r->run_id)
		return E_OK;
	size_t max = r->o->batch_rows ? r->o->batch_rows : BATCH_ROWS;
	r->batch_rows++;
	if (r->batch_rows < max && r->batch_rows % 64)
		return E_OK;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (r->batch_rows < max && elapsed_ns(&r->batch_start, &now) < BATCH_NS)
		return E_OK;
	enum err e = copy_flush(r);
	if (!e)
		e = import_run_heartbeat(r->c, r->org_id, r->run_id);
	if (!e && !(e = db_commit(r->c)))
		r->in_tx = 0;
	if (!e)
		db_yield_writers(r->c);
	if (!e && !(e = db_begin(r->c)))
		r->in_tx = 1;
	r->batch_rows = 0;
	clock_gettime(CLOCK_MONOTONIC, &r->batch_start);
	return e;
}

/* a run undone, in steps, each its own transaction: deals by id range,
 * then the rest; finish (when given) is called in the last one */
static enum err undo_run_then(struct db_conn *c, int64_t org_id, int64_t job_id, int64_t run_id, int64_t first_deal,
			      const struct import_options *o, const struct import_summary *s)
{
	enum err e = E_OK;
	int more = 1;
	for (int64_t from = first_deal; !e && more; from += UNDO_STEP) {
		e = db_begin(c);
		if (!e)
			e = import_run_undo_deals(c, org_id, run_id, from, from + UNDO_STEP, &more);
		if (!e)
			e = db_commit(c);
		else
			db_rollback(c);
	}
	if (e)
		return e;
	e = db_begin(c);
	if (!e)
		e = import_run_undo_rest(c, org_id, run_id);
	if (!e && o && o->finish)
		e = o->finish(o->finish_cls, c, s);
	/* audit: with no caller to record it (a stopped process's run, a
	 * database failure), the undoing ends the run's "start" row itself */
	if (!e && !o) {
		char run[24];
		snprintf(run, sizeof(run), "%lld", (long long)run_id);
		const char *names[] = { "run", "result" }, *vals[] = { run, "rolled back" };
		int64_t who = db_actor_id(c);
		const char *was = db_actor_via(c);
		db_set_actor(c, 0, was);	/* nobody's doing: the system's */
		e = import_audit_row(c, org_id, job_id, "undo", "system", names, vals, 2);
		db_set_actor(c, who, was);
	}
	if (!e)
		e = db_commit(c);
	if (e)
		db_rollback(c);
	return e;
}

static enum err undo_run(struct db_conn *c, int64_t org_id, int64_t job_id, int64_t run_id, int64_t first_deal)
{
	enum err e = undo_run_then(c, org_id, job_id, run_id, first_deal, NULL, NULL);
	if (e)
		log_error("import run %lld: cannot undo it: %s", (long long)run_id, db_errmsg(c));
	return e;
}

/* a run kept nothing and had no journal: the caller's record alone */
static enum err finish_alone(struct run *r, struct strbuf *errmsg)
{
	if (!r->o->finish)
		return E_OK;
	enum err e = db_begin(r->c);
	if (!e)
		e = r->o->finish(r->o->finish_cls, r->c, r->out);
	if (!e)
		e = db_commit(r->c);
	if (e) {
		if (errmsg && !errmsg->len)
			sb_addf(errmsg, "%s", db_errmsg(r->c));
		db_rollback(r->c);
	}
	return e;
}

static enum err undo_runs(struct db_conn *c, int64_t org_id, int64_t job_id, int only_dead)
{
	struct arena *a = arena_new();
	struct import_run_ref *runs = NULL;
	size_t n = 0;
	enum err e = import_runs_running(c, a, org_id, job_id, &runs, &n);
	for (size_t i = 0; !e && i < n; i++) {
		if (only_dead && !runner_gone(runs[i].runner, runs[i].heartbeat_at, RUN_STALE_SECONDS))
			continue;
		log_info("undoing import run %lld of a stopped process (%s)", (long long)runs[i].id, runs[i].runner);
		e = undo_run(c, runs[i].org_id, runs[i].job_id, runs[i].id, runs[i].first_deal);
	}
	arena_free(a);
	return e;
}

enum err import_recover(struct db_conn *c, int64_t org_id)
{
	return undo_runs(c, org_id, 0, 1);
}

enum err import_undo_job(struct db_conn *c, int64_t org_id, int64_t job_id)
{
	return job_id > 0 ? undo_runs(c, org_id, job_id, 0) : E_OK;
}

/* audit (issue 16): an import is one row of the audit log — who, which
 * file, the counts and the result — written by the finish step, inside the
 * import's last transaction, so it commits with what the import kept. The
 * rows the import writes one by one are not audited each (via "import"). */
struct audit_finish {
	const struct import_options *o;
	int64_t org_id;
	const char *via;	/* the caller's: "web", "cli", … */
};

static enum err audit_finish(void *cls, struct db_conn *c, const struct import_summary *s)
{
	struct audit_finish *af = cls;
	const struct import_options *o = af->o;
	enum err e = E_OK;
	if (!o->dry_run) {
		char n[5][24];
		const size_t counts[5] = { s->read, s->created, s->updated, s->skipped, s->failed };
		for (int i = 0; i < 5; i++)
			snprintf(n[i], sizeof(n[i]), "%zu", counts[i]);
		const char *names[] = { "file", "kind", "read", "created", "updated", "skipped", "failed", "result" };
		const char *vals[] = { o->file_name ? o->file_name : "", import_kind_code(o->kind), n[0], n[1], n[2],
				       n[3], n[4], s->rolled_back ? "rolled back" : "kept" };
		/* the row is the caller's, not the import's */
		e = import_audit_row(c, af->org_id, o->job_id, "import", af->via, names, vals, sizeof(names) / sizeof(names[0]));
	}
	if (!e && o->finish)
		e = o->finish(o->finish_cls, c, s);
	return e;
}

static enum err run_import(struct db_conn *c, struct arena *a, int64_t org_id, const char *data, size_t len,
			   const struct import_options *o, const char *via, struct import_summary *out,
			   struct strbuf *errmsg);

enum err import_run(struct db_conn *c, struct arena *a, int64_t org_id, const char *data, size_t len,
		    const struct import_options *o, struct import_summary *out, struct strbuf *errmsg)
{
	struct audit_finish af = { o, org_id, db_actor_via(c) };
	struct import_options wrapped = *o;
	wrapped.finish = audit_finish;
	wrapped.finish_cls = &af;
	db_set_actor(c, db_actor_id(c), "import");
	enum err e = run_import(c, a, org_id, data, len, &wrapped, af.via, out, errmsg);
	db_set_actor(c, db_actor_id(c), af.via);
	return e;
}

static enum err run_import(struct db_conn *c, struct arena *a, int64_t org_id, const char *data, size_t len,
			   const struct import_options *o, const char *via, struct import_summary *out,
			   struct strbuf *errmsg)
{
	memset(out, 0, sizeof(*out));
	struct run run = { .c = c, .a = a, .org_id = org_id, .o = o, .out = out, .lang = o->lang, .errmsg = errmsg };
	struct run *r = &run;
	r->mem = arena_new();
	r->now = now_epoch();
	today_date(r->today);
	sb_init(&r->scratch, 1024);
	sb_init(&r->copy, 0);
	out->preset = o->preset;

	if (o->utf8_checked && data) {
		r->data = data;
		r->len = len;
	} else {
		r->data = import_utf8(r->mem, data ? data : "", data ? len : 0, &r->len);
	}
	r->rd = csv_open(r->mem, r->data, r->len);
	r->sep = csv_separator(r->rd);
	r->base_line = 1;
	struct csv_record rec;
	struct strbuf cerr = STRBUF_INIT;
	int got = csv_next(r->rd, &rec, &cerr);
	if (got <= 0) {
		if (errmsg)
			sb_adds(errmsg, got < 0 ? cerr.buf : T("the file is empty"));
		sb_release(&cerr);
		run_release(r);
		return E_INVALID;
	}
	sb_release(&cerr);
	r->last_line = rec.line;
	r->ncols = rec.n;
	r->headers = arena_alloc(a, (rec.n + 1) * sizeof(char *));
	for (size_t i = 0; i < rec.n; i++)
		r->headers[i] = arena_strdup(a, rec.fields[i]);
	r->field_of_col = arena_alloc(r->mem, (rec.n + 1) * sizeof(int));
	enum import_preset used = o->preset;
	enum err e = import_map_columns(o->kind, o->preset, r->headers, r->ncols, o->map, o->nmap, r->lang,
					r->field_of_col, &used, errmsg);
	out->preset = used;
	r->preset = used;
	if (e) {
		run_release(r);
		return e;
	}
	const char *const *codes, *const *labels;
	size_t nreq;
	r->nfields = (int)import_fields(o->kind, &codes, &labels, &nreq);
	for (size_t i = 0; i < r->ncols; i++) {
		int f = r->field_of_col[i];
		if (f >= 0 && r->nfcols[f] < 8)
			r->fcols[f][r->nfcols[f]++] = (int)i;
		else if (f >= 0)
			r->field_of_col[i] = -1;	/* more than 8 columns for one field: the rest are ignored */
	}
	for (size_t i = 0; i < o->nset; i++) {
		const char *eq = strchr(o->set[i], '=');
		char code[64];
		snprintf(code, sizeof(code), "%.*s", eq ? (int)(eq - o->set[i]) : 0, o->set[i]);
		int f = eq ? import_field_index(o->kind, str_trim(code)) : -1;
		if (f < 0) {
			if (errmsg)
				sb_addf(errmsg, T("\"%s\" sets no field of this kind of import (FIELD=VALUE)"), o->set[i]);
			run_release(r);
			return E_INVALID;
		}
		r->set_cell[f] = str_trim(arena_strdup(r->mem, eq + 1));
	}

	/* SQLite: a cache that holds the deals, for the length of the import */
	import_rows_bulk_begin(c, &r->bulk);
	/* batches: deals, targets and results, for real. A reps file is
	 * small and read whole before anything is written; a dry run keeps
	 * nothing, so neither needs a journal. */
	if (!o->dry_run && o->kind != IMPORT_REPS) {
		e = import_recover(c, org_id);
		if (!e)
			e = import_run_create(c, org_id, o->job_id, runner_self(), &r->run_id, &r->first_deal);
		if (e) {
			if (errmsg)
				sb_addf(errmsg, T("the database could not save the import: %s"), db_errmsg(c));
			run_release(r);
			return e;
		}
	}
	r->simulate = o->dry_run && o->kind != IMPORT_REPS;
	r->use_copy = !r->simulate && o->kind == IMPORT_DEALS && db_has_copy(c);
	if (!r->simulate && (e = db_begin(c))) {
		if (errmsg)
			sb_addf(errmsg, "%s", db_errmsg(c));
		if (r->run_id)
			undo_run(c, org_id, o->job_id, r->run_id, r->first_deal);
		run_release(r);
		return e;
	}
	r->in_tx = !r->simulate;
	clock_gettime(CLOCK_MONOTONIC, &r->batch_start);
	/* audit: an import in batches commits rows before its last one; its
	 * "start" row commits with the first, so that no kept row is without a
	 * row of its import (the last batch writes the "import" row, an undo
	 * the "undo" row) */
	if (r->run_id) {
		char run_no[24];
		snprintf(run_no, sizeof(run_no), "%lld", (long long)r->run_id);
		const char *names[] = { "file", "kind", "run" };
		const char *vals[] = { o->file_name ? o->file_name : "", import_kind_code(o->kind), run_no };
		e = import_audit_row(c, org_id, o->job_id, "start", via, names, vals, 3);
	}
	if (!e)
		e = org_info(r);
	if (!e)
		e = load_users(r);
	if (!e && o->kind == IMPORT_REPS)
		e = load_teams(r);
	if (!e && o->kind == IMPORT_DEALS) {
		r->groups = deal_groups(r);
		r->update_sql = import_rows_deal_update_sql(r->mem, r->groups);
		e = load_stages(r);
		if (!e)
			e = load_reasons(r);
		/* a stage name of the file read as one of the organisation's */
		for (size_t i = 0; !e && i < o->nmap_stage; i++) {
			const char *eq = strchr(o->map_stage[i], '=');
			char buf[256];
			struct ment *to = eq ? map_get(&r->stage_by_name, lower_buf(str_trim(arena_strdup(r->mem, eq + 1)),
										  buf, sizeof(buf)))
					     : NULL;
			if (!to) {
				if (errmsg)
					sb_addf(errmsg, T("\"%s\" maps to no stage of the organisation (NAME=STAGE)"),
						o->map_stage[i]);
				e = E_INVALID;
				break;
			}
			int64_t idx = to->v;
			const char *from = str_trim(arena_strndup(r->mem, o->map_stage[i], (size_t)(eq - o->map_stage[i])));
			map_put(&r->stage_by_name, lower_dup(r->mem, from))->v = idx;
		}
		if (!e)
			e = load_accounts(r);
		/* each line a deal at most: the deals there before and the
		 * file's fit without growing the map on the way */
		if (!e) {
			size_t lines = o->lines;
			if (!lines) {
				lines = 1;
				for (const char *p = r->data, *end = r->data + r->len;
				     (p = memchr(p, '\n', (size_t)(end - p))); p++)
					lines++;
			}
			r->deals_before = import_rows_deal_count(r->c, r->org_id);
			map_reserve(&r->deals, lines > r->deals_before ? lines : r->deals_before);
		}
		if (!e)
			e = load_deals(r);
	}

	struct reprow *reps = NULL;
	size_t nreps = 0, capreps = 0;
	size_t rows = 0;
	while (!e && next_record(r, &rec)) {
		r->line = rec.line;
		if (!take_cells(r, &rec))
			continue;
		out->read++;
		rows++;
		r->row_failed = 0;
		if (o->kind == IMPORT_REPS) {
			if (nreps == capreps) {
				capreps = capreps ? capreps * 2 : 64;
				struct reprow *nr = arena_alloc(r->mem, capreps * sizeof(*nr));
				if (nreps)
					memcpy(nr, reps, nreps * sizeof(*nr));
				reps = nr;
			}
			struct reprow *w = &reps[nreps++];
			memset(w, 0, sizeof(*w));
			w->line = rec.line;
			for (int f = 0; f < RF_COUNT; f++) {
				w->cell[f] = arena_strdup(r->mem, r->cell[f]);
				w->cell_col[f] = r->cell_col[f];
			}
		} else {
			e = o->kind == IMPORT_DEALS ? deal_row(r) : number_row(r);
			if (r->row_failed)
				out->failed++;
			if (!e)
				e = batch_end(r);
		}
		if (rows % PROGRESS_EVERY == 0)
			progress(r, rows);
	}
	if (!e && o->kind == IMPORT_REPS)
		e = reps_run(r, reps, nreps);
	/* the last rows for COPY: written before anything is decided (an undo
	 * of an all-or-nothing import then finds them like any other) */
	if (!e)
		e = copy_flush(r);
	progress(r, rows);

	if (e) {
		/* the database failed under us: nothing of the file is kept */
		if (errmsg && !errmsg->len)
			sb_addf(errmsg, T("the database failed on line %zu: %s"), r->line, db_errmsg(c));
		if (r->in_tx)
			db_rollback(c);
		if (r->run_id)
			undo_run(c, org_id, o->job_id, r->run_id, r->first_deal);
		out->rolled_back = 1;
		run_release(r);
		return e;
	}
	if (o->dry_run || (o->all_or_nothing && out->failed)) {
		out->rolled_back = 1;
		if (!r->run_id) {
			/* one transaction, or none: what the caller records goes
			 * in its own */
			if (r->in_tx)
				db_rollback(c);
			e = finish_alone(r, errmsg);
		} else {
			/* the batch under way goes; those committed are undone, and
			 * the caller's record is written with the last step */
			db_rollback(c);
			e = undo_run_then(c, org_id, o->job_id, r->run_id, r->first_deal, o, out);
			if (e && errmsg && !errmsg->len)
				sb_addf(errmsg, T("the database could not undo the import: %s"), db_errmsg(c));
		}
		run_release(r);
		return e;
	}
	if (r->run_id)
		e = import_run_keep(c, org_id, r->run_id);
	if (!e)	/* webhooks: import.finished, in the import's last transaction */
		e = webhook_on_import(c, org_id, import_kind_code(o->kind), (int64_t)out->read, (int64_t)out->created,
				      (int64_t)out->updated, (int64_t)out->skipped, (int64_t)out->failed);
	if (!e && o->finish)
		e = o->finish(o->finish_cls, c, out);
	if (!e)
		e = db_commit(c);
	if (e) {
		if (errmsg && !errmsg->len)
			sb_addf(errmsg, T("the database could not save the import: %s"), db_errmsg(c));
		db_rollback(c);
		if (r->run_id)
			undo_run(c, org_id, o->job_id, r->run_id, r->first_deal);
		out->rolled_back = 1;
	}
	run_release(r);
	return e;
}
