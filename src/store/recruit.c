/* recruit: see recruit.h. */
#include "recruit.h"
#include "../lib/util.h"
#include "../lib/i18n.h"
#include <string.h>

/* grows an arena array of n items of size sz to hold one more */
static void *grow(struct arena *a, void *items, size_t n, size_t *cap, size_t sz)
{
	if (n < *cap)
		return items;
	size_t ncap = *cap ? *cap * 2 : 8;
	void *m = arena_alloc(a, ncap * sz);
	if (n)
		memcpy(m, items, n * sz);
	*cap = ncap;
	return m;
}

/* "%text%" for LIKE, lowercased, the user's wildcards taken literally (the
 * queries say ESCAPE '\\'); with commas around it for a whole tag */
static const char *like_pattern(struct arena *a, const char *q, int tag)
{
	if (!q || !*q)
		return "";
	size_t n = strlen(q);
	char *p = arena_alloc(a, 2 * n + 5), *o = p;
	*o++ = '%';
	if (tag)
		*o++ = ',';
	for (const char *s = q; *s; s++) {
		if (tag && *s == ' ')
			continue;
		if (*s == '%' || *s == '_' || *s == '\\')
			*o++ = '\\';
		*o++ = (*s >= 'A' && *s <= 'Z') ? (char)(*s - 'A' + 'a') : *s;
	}
	if (tag)
		*o++ = ',';
	*o++ = '%';
	*o = '\0';
	return p;
}

enum err candidate_add(struct db_conn *c, int64_t org_id, const struct candidate_new *in, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO candidates (org_id, name, email, phone, source, job_title, company, "
				 "tags, notes, known_by, consent_on, retain_until, created_by, created_on, created_at) "
				 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
				 P_I(org_id), P_T(in->name), P_T(in->email ? in->email : ""),
				 P_T(in->phone ? in->phone : ""), P_T(in->source), P_T(in->job_title ? in->job_title : ""),
				 P_T(in->company ? in->company : ""), P_T(in->tags ? in->tags : ""),
				 P_T(in->notes ? in->notes : ""), P_ID(in->known_by),
				 in->consent_on && *in->consent_on ? P_T(in->consent_on) : P_NULL, P_T(in->retain_until),
				 P_I(in->created_by), P_T(in->created_on), P_I(now_epoch()));
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

/* $1 the organisation, $2 the asking user */
#define CAND_COLS "c.id, c.name, c.email, c.phone, c.source, c.job_title, c.company, c.tags, c.notes, " \
	"coalesce(c.known_by, 0), coalesce(k.name, ''), coalesce(c.consent_on, ''), c.retain_until, " \
	"coalesce(c.vacancy_id, 0), coalesce(v.team_id, 0), coalesce(v.title, ''), c.status, c.created_on, " \
	"CASE WHEN EXISTS (SELECT 1 FROM candidate_invitations i WHERE i.org_id = c.org_id AND " \
	"i.candidate_id = c.id AND i.user_id = $2) THEN 1 ELSE 0 END, " \
	"(SELECT count(*) FROM candidate_conversations x WHERE x.org_id = c.org_id AND x.candidate_id = c.id), " \
	"coalesce((SELECT max(x.held_on) FROM candidate_conversations x WHERE x.org_id = c.org_id AND " \
	"x.candidate_id = c.id), ''), " \
	"(SELECT count(*) FROM candidate_steps m WHERE m.org_id = c.org_id AND m.candidate_id = c.id AND " \
	"m.status = 'missed'), " \
	"coalesce(s.id, 0), coalesce(s.what, ''), coalesce(s.who, ''), coalesce(s.due_on, ''), " \
	"coalesce(s.original_due, ''), coalesce(s.slips, 0), coalesce(c.stage_id, 0), coalesce(rs.name, '') "
#define CAND_FROM "FROM candidates c LEFT JOIN users k ON k.org_id = c.org_id AND k.id = c.known_by " \
	"LEFT JOIN vacancies v ON v.org_id = c.org_id AND v.id = c.vacancy_id " \
	"LEFT JOIN candidate_steps s ON s.org_id = c.org_id AND s.candidate_id = c.id AND s.status = 'open' " \
	"LEFT JOIN recruit_stages rs ON rs.org_id = c.org_id AND rs.id = c.stage_id "

static void read_candidate(struct db_stmt *st, struct arena *a, int64_t org_id, struct candidate *x)
{
	x->id = db_col_i64(st, 0);
	x->org_id = org_id;
	x->name = arena_strdup(a, db_col_text(st, 1));
	x->email = arena_strdup(a, db_col_text(st, 2));
	x->phone = arena_strdup(a, db_col_text(st, 3));
	x->source = arena_strdup(a, db_col_text(st, 4));
	x->job_title = arena_strdup(a, db_col_text(st, 5));
	x->company = arena_strdup(a, db_col_text(st, 6));
	x->tags = arena_strdup(a, db_col_text(st, 7));
	x->notes = arena_strdup(a, db_col_text(st, 8));
	x->known_by = db_col_i64(st, 9);
	x->known_by_name = arena_strdup(a, db_col_text(st, 10));
	x->consent_on = arena_strdup(a, db_col_text(st, 11));
	x->retain_until = arena_strdup(a, db_col_text(st, 12));
	x->vacancy_id = db_col_i64(st, 13);
	x->vacancy_team_id = db_col_i64(st, 14);
	x->vacancy_title = arena_strdup(a, db_col_text(st, 15));
	x->status = arena_strdup(a, db_col_text(st, 16));
	x->created_on = arena_strdup(a, db_col_text(st, 17));
	x->invited = (int)db_col_i64(st, 18);
	x->conversations = (int)db_col_i64(st, 19);
	x->last_contact = arena_strdup(a, db_col_text(st, 20));
	x->missed_steps = (int)db_col_i64(st, 21);
	x->step_id = db_col_i64(st, 22);
	x->step_what = arena_strdup(a, db_col_text(st, 23));
	x->step_who = arena_strdup(a, db_col_text(st, 24));
	x->step_due = arena_strdup(a, db_col_text(st, 25));
	x->step_original_due = arena_strdup(a, db_col_text(st, 26));
	x->step_slips = (int)db_col_i64(st, 27);
	x->stage_id = db_col_i64(st, 28);
	x->stage_name = arena_strdup(a, db_col_text(st, 29));
}

enum err candidate_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, int64_t user_id,
		       struct candidate *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " CAND_COLS CAND_FROM "WHERE c.org_id = $1 AND c.id = $3 ORDER BY s.id LIMIT 1",
				 P_I(org_id), P_I(user_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_candidate(st, a, org_id, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

/* $1 org, $2 user, $3 all, $4 pool, $5 q, $6 tag, $7 source, $8 status,
 * $9 vacancy, $10 stage: whom the asking user may see (CAND_SCOPE), the
 * filters on the candidate's name, e-mail, title, company and tags (CAND_TEXT)
 * and the others (CAND_FILTERS) */
#define CAND_SCOPE "c.org_id = $1 AND ($3 = 1 OR " \
	"($4 = 1 AND (c.vacancy_id IS NULL OR v.team_id IS NULL OR v.team_id IN " \
	"(SELECT t.id FROM teams t WHERE t.org_id = $1 AND t.manager_id = $2))) OR " \
	"EXISTS (SELECT 1 FROM candidate_invitations i WHERE i.org_id = c.org_id AND i.candidate_id = c.id AND " \
	"i.user_id = $2)) "
#define CAND_TEXT "AND ($5 = '' OR lower(c.name) LIKE $5 ESCAPE '\\' OR lower(c.email) LIKE $5 ESCAPE '\\' OR " \
	"lower(c.job_title) LIKE $5 ESCAPE '\\' OR lower(c.company) LIKE $5 ESCAPE '\\' OR " \
	"lower(c.tags) LIKE $5 ESCAPE '\\') " \
	"AND ($6 = '' OR ',' || lower(replace(c.tags, ' ', '')) || ',' LIKE $6 ESCAPE '\\') "
#define CAND_FILTERS "AND ($7 = '' OR c.source = $7) AND ($8 = '' OR c.status = $8) " \
	"AND ($9 = 0 OR ($9 = -1 AND c.vacancy_id IS NULL) OR c.vacancy_id = $9) AND ($10 = 0 OR c.stage_id = $10) "
#define CAND_WHERE CAND_SCOPE CAND_TEXT CAND_FILTERS
/* the count without a text filter: every column it reads is in the index
 * candidates_scope (migration 0038), so it reads no candidate's row (the
 * pool's count at 10,000 candidates, as a manager: 3.3-3.5 -> 1.8 ms in the
 * sqlite3 shell). $5 and $6 are still named (both '' here): PostgreSQL
 * wants a type for every parameter. */
#define CAND_COUNT_FROM "SELECT count(*) FROM candidates c LEFT JOIN vacancies v ON v.org_id = c.org_id AND " \
	"v.id = c.vacancy_id WHERE "
static const char *const cand_count_sql[2] = {
	CAND_COUNT_FROM CAND_WHERE,
	CAND_COUNT_FROM CAND_SCOPE "AND $5 = '' AND $6 = '' " CAND_FILTERS,
};

enum err candidate_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct candidate_scope *s,
			const struct candidate_filter *f, int64_t limit, int64_t offset, struct candidate **out,
			size_t *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	if (limit < 1 || limit > CANDIDATE_LIST_MAX)
		limit = CANDIDATE_LIST_MAX;
	const char *q = like_pattern(a, f->q, 0), *tag = like_pattern(a, f->tag, 1);
	const char *source = f->source ? f->source : "", *status = f->status ? f->status : "";
	*total = DB_I64(c, -1, cand_count_sql[!*q && !*tag], P_I(org_id), P_I(s->user_id), P_I(s->all ? 1 : 0),
			P_I(s->pool ? 1 : 0), P_T(q), P_T(tag), P_T(source), P_T(status), P_I(f->vacancy_id),
			P_I(f->stage_id));
	if (*total < 0)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
	struct db_stmt *st = DBQ(c, "SELECT " CAND_COLS CAND_FROM "WHERE " CAND_WHERE
				 "ORDER BY lower(c.name), c.id LIMIT $11 OFFSET $12",
				 P_I(org_id), P_I(s->user_id), P_I(s->all ? 1 : 0), P_I(s->pool ? 1 : 0), P_T(q),
				 P_T(tag), P_T(source), P_T(status), P_I(f->vacancy_id), P_I(f->stage_id), P_I(limit),
				 P_I(offset));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct candidate));
		read_candidate(st, a, org_id, &(*out)[(*n)++]);
	}
	return db_finish(st);
}

int candidate_invited_any(struct db_conn *c, int64_t org_id, int64_t user_id)
{
	return DB_I64(c, 0, "SELECT count(*) FROM (SELECT 1 FROM candidate_invitations WHERE org_id = $1 AND "
			    "user_id = $2 LIMIT 1) x", P_I(org_id), P_I(user_id)) > 0;
}

enum err candidate_conversations(struct db_conn *c, struct arena *a, int64_t org_id, int64_t candidate_id,
				 struct candidate_conv **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT x.id, x.author_id, u.name, x.kind, x.held_on, x.notes, x.outcome, "
				 "coalesce(x.stop_reason, ''), coalesce(x.stop_note, ''), coalesce(s.id, 0), "
				 "coalesce(s.what, ''), coalesce(s.who, ''), coalesce(s.due_on, ''), "
				 "coalesce(s.original_due, ''), coalesce(s.status, ''), coalesce(s.done_on, ''), "
				 "coalesce(s.slips, 0) FROM candidate_conversations x "
				 "JOIN users u ON u.org_id = x.org_id AND u.id = x.author_id "
				 "LEFT JOIN candidate_steps s ON s.org_id = x.org_id AND s.conversation_id = x.id "
				 "WHERE x.org_id = $1 AND x.candidate_id = $2 ORDER BY x.held_on DESC, x.id DESC LIMIT $3",
				 P_I(org_id), P_I(candidate_id), P_I(CANDIDATE_CONV_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct candidate_conv));
		struct candidate_conv *x = &(*out)[(*n)++];
		x->id = db_col_i64(st, 0);
		x->author_id = db_col_i64(st, 1);
		x->author_name = arena_strdup(a, db_col_text(st, 2));
		x->kind = arena_strdup(a, db_col_text(st, 3));
		x->held_on = arena_strdup(a, db_col_text(st, 4));
		x->notes = arena_strdup(a, db_col_text(st, 5));
		x->outcome = arena_strdup(a, db_col_text(st, 6));
		x->stop_reason = arena_strdup(a, db_col_text(st, 7));
		x->stop_note = arena_strdup(a, db_col_text(st, 8));
		x->step_id = db_col_i64(st, 9);
		x->step_what = arena_strdup(a, db_col_text(st, 10));
		x->step_who = arena_strdup(a, db_col_text(st, 11));
		x->step_due = arena_strdup(a, db_col_text(st, 12));
		x->step_original_due = arena_strdup(a, db_col_text(st, 13));
		x->step_status = arena_strdup(a, db_col_text(st, 14));
		x->step_done_on = arena_strdup(a, db_col_text(st, 15));
		x->step_slips = (int)db_col_i64(st, 16);
	}
	return db_finish(st);
}

static const char *status_code(enum step_status s)
{
	switch (s) {
	case STEP_S_KEPT: return "kept";
	case STEP_S_MISSED: return "missed";
	case STEP_S_CANCELLED: return "cancelled";
	default: return "open";
	}
}

static enum err conv_add(struct db_conn *c, int64_t org_id, const struct candidate_conv_new *in, int64_t *id)
{
	int stop = !strcmp(in->outcome, "stop");
	struct db_stmt *st = DBQ(c, "INSERT INTO candidate_conversations (org_id, candidate_id, author_id, kind, held_on, "
				 "notes, outcome, stop_reason, stop_note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
				 "$8, $9, $10) RETURNING id",
				 P_I(org_id), P_I(in->candidate_id), P_I(in->author_id), P_T(in->kind), P_T(in->held_on),
				 P_T(in->notes ? in->notes : ""), P_T(in->outcome), stop ? P_T(in->stop_reason) : P_NULL,
				 stop && in->stop_note && *in->stop_note ? P_T(in->stop_note) : P_NULL, P_I(now_epoch()));
	int64_t conv = 0;
	if (db_step(st) == DB_ROW)
		conv = db_col_i64(st, 0);
	enum err e = db_finish(st);
	if (e)
		return e;
	if (!conv)
		return E_INTERNAL;
	*id = conv;
	int moved = 0;
	if (in->open_step_id) {
		if (in->open_status == STEP_S_OPEN && in->open_slipped && !stop) {
			moved = 1;
			e = DBX(c, "UPDATE candidate_steps SET what = $3, who = $4, due_on = $5, slips = slips + 1, "
				   "conversation_id = $6 WHERE org_id = $1 AND id = $2 AND status = 'open'",
				P_I(org_id), P_I(in->open_step_id), P_T(in->step_what), P_T(in->step_who),
				P_T(in->step_due), P_I(conv));
		} else {
			/* still open and a new step agreed: the new one replaces it */
			enum step_status to = in->open_status == STEP_S_OPEN ? STEP_S_CANCELLED : in->open_status;
			e = DBX(c, "UPDATE candidate_steps SET status = $3, done_on = $4 WHERE org_id = $1 AND id = $2 "
				   "AND status = 'open'",
				P_I(org_id), P_I(in->open_step_id), P_T(status_code(to)),
				to == STEP_S_KEPT ? P_T(in->held_on) : P_NULL);
		}
		if (e)
			return e;
	}
	if (!stop && !moved &&
	    (e = DBX(c, "INSERT INTO candidate_steps (org_id, candidate_id, conversation_id, what, who, due_on, "
			"original_due, created_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7)",
		     P_I(org_id), P_I(in->candidate_id), P_I(conv), P_T(in->step_what), P_T(in->step_who),
		     P_T(in->step_due), P_I(now_epoch()))))
		return e;
	return DBX(c, "UPDATE candidates SET status = $3, retain_until = $4 WHERE org_id = $1 AND id = $2",
		   P_I(org_id), P_I(in->candidate_id), P_T(stop ? "stopped" : "active"), P_T(in->retain_until));
}

enum err candidate_conv_add(struct db_conn *c, int64_t org_id, const struct candidate_conv_new *in, int64_t *id)
{
	enum err e = db_begin(c);
	if (e)
		return e;
	if ((e = conv_add(c, org_id, in, id))) {
		db_rollback(c);
		return e;
	}
	return db_commit(c);
}

enum err candidate_invite(struct db_conn *c, int64_t org_id, int64_t candidate_id, int64_t user_id,
			  int64_t invited_by)
{
	return DBX(c, "INSERT INTO candidate_invitations (org_id, candidate_id, user_id, invited_by, created_at) "
		      "VALUES ($1, $2, $3, $4, $5)",
		   P_I(org_id), P_I(candidate_id), P_I(user_id), P_I(invited_by), P_I(now_epoch()));
}

enum err candidate_invitees(struct db_conn *c, struct arena *a, int64_t org_id, int64_t candidate_id,
			    struct candidate_invitee **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT i.user_id, u.name, b.name FROM candidate_invitations i "
				 "JOIN users u ON u.org_id = i.org_id AND u.id = i.user_id "
				 "JOIN users b ON b.org_id = i.org_id AND b.id = i.invited_by "
				 "WHERE i.org_id = $1 AND i.candidate_id = $2 ORDER BY u.name, i.id LIMIT 100",
				 P_I(org_id), P_I(candidate_id));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct candidate_invitee));
		struct candidate_invitee *x = &(*out)[(*n)++];
		x->user_id = db_col_i64(st, 0);
		x->name = arena_strdup(a, db_col_text(st, 1));
		x->invited_by_name = arena_strdup(a, db_col_text(st, 2));
	}
	return db_finish(st);
}

/* --- vacancies and their stages --- */

enum err recruit_stages_ensure(struct db_conn *c, int64_t org_id, int fallback_lang)
{
	int64_t n = DB_I64(c, -1, "SELECT count(*) FROM recruit_stages WHERE org_id = $1", P_I(org_id));
	if (n < 0)
		return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
	if (n > 0)
		return E_OK;
	/* the vocabulary is the organisation's, not whoever looks first */
	enum lang l = fallback_lang >= 0 ? (enum lang)fallback_lang : LANG_EN;
	struct db_stmt *st = DBQ(c, "SELECT locale FROM orgs WHERE id = $1", P_I(org_id));
	if (db_step(st) == DB_ROW && lang_parse(db_col_text(st, 0)) >= 0)
		l = (enum lang)lang_parse(db_col_text(st, 0));
	db_finish(st);
	for (size_t i = 0; i < recruit_stage_default_count; i++) {
		/* ON CONFLICT: two first requests racing both seed; one wins */
		enum err e = DBX(c, "INSERT INTO recruit_stages (org_id, name, position, kind, created_at) "
				    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id, name) DO NOTHING",
				 P_I(org_id), P_T(tr(l, recruit_stage_defaults[i].name)), P_I((int64_t)(i + 1) * 10),
				 P_T(recruit_stage_defaults[i].kind), P_I(now_epoch()));
		if (e)
			return e;
	}
	return E_OK;
}

enum err recruit_stage_list(struct db_conn *c, struct arena *a, int64_t org_id, struct recruit_stage **out,
			    size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, "SELECT id, name, kind, position FROM recruit_stages WHERE org_id = $1 "
				 "ORDER BY position, id LIMIT $2", P_I(org_id), P_I(RECRUIT_STAGES_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct recruit_stage));
		struct recruit_stage *x = &(*out)[(*n)++];
		x->id = db_col_i64(st, 0);
		x->name = arena_strdup(a, db_col_text(st, 1));
		x->kind = arena_strdup(a, db_col_text(st, 2));
		x->position = (int)db_col_i64(st, 3);
	}
	return db_finish(st);
}

enum err recruit_stage_add(struct db_conn *c, int64_t org_id, const char *name, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO recruit_stages (org_id, name, position, kind, created_at) "
				 "VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 10 FROM recruit_stages "
				 "WHERE org_id = $1), 'open', $3) RETURNING id",
				 P_I(org_id), P_T(name), P_I(now_epoch()));
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

enum err recruit_stage_rename(struct db_conn *c, int64_t org_id, int64_t id, const char *name)
{
	if (DB_I64(c, 0, "SELECT count(*) FROM recruit_stages WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id)) < 1)
		return E_NOTFOUND;
	return DBX(c, "UPDATE recruit_stages SET name = $3 WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id),
		   P_T(name));
}

enum err vacancy_add(struct db_conn *c, int64_t org_id, const struct vacancy_new *in, int64_t *id)
{
	struct db_stmt *st = DBQ(c, "INSERT INTO vacancies (org_id, title, team_id, territory, opens_on, target_on, "
				 "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
				 P_I(org_id), P_T(in->title), P_ID(in->team_id), P_T(in->territory ? in->territory : ""),
				 in->opens_on && *in->opens_on ? P_T(in->opens_on) : P_NULL,
				 in->target_on && *in->target_on ? P_T(in->target_on) : P_NULL, P_I(now_epoch()));
	if (db_step(st) == DB_ROW && id)
		*id = db_col_i64(st, 0);
	return db_finish(st);
}

#define VAC_SELECT "SELECT v.id, coalesce(v.team_id, 0), v.title, coalesce(t.name, ''), v.territory, " \
	"coalesce(v.opens_on, ''), coalesce(v.target_on, ''), v.status, (SELECT count(*) FROM candidates x " \
	"WHERE x.org_id = v.org_id AND x.vacancy_id = v.id) FROM vacancies v " \
	"LEFT JOIN teams t ON t.org_id = v.org_id AND t.id = v.team_id "

static void read_vacancy(struct db_stmt *st, struct arena *a, struct vacancy *x)
{
	x->id = db_col_i64(st, 0);
	x->team_id = db_col_i64(st, 1);
	x->title = arena_strdup(a, db_col_text(st, 2));
	x->team_name = arena_strdup(a, db_col_text(st, 3));
	x->territory = arena_strdup(a, db_col_text(st, 4));
	x->opens_on = arena_strdup(a, db_col_text(st, 5));
	x->target_on = arena_strdup(a, db_col_text(st, 6));
	x->status = arena_strdup(a, db_col_text(st, 7));
	x->candidates = db_col_i64(st, 8);
}

enum err vacancy_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct vacancy *out)
{
	struct db_stmt *st = DBQ(c, VAC_SELECT "WHERE v.org_id = $1 AND v.id = $2", P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_vacancy(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err vacancy_list(struct db_conn *c, struct arena *a, int64_t org_id, int all, int64_t user_id,
		      struct vacancy **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = DBQ(c, VAC_SELECT "WHERE v.org_id = $1 AND ($2 = 1 OR v.team_id IS NULL OR v.team_id IN "
				 "(SELECT tt.id FROM teams tt WHERE tt.org_id = $1 AND tt.manager_id = $3)) "
				 "ORDER BY CASE WHEN v.status = 'open' THEN 0 ELSE 1 END, coalesce(v.target_on, '9999'), "
				 "v.title, v.id LIMIT $4",
				 P_I(org_id), P_I(all ? 1 : 0), P_I(user_id), P_I(VACANCY_LIST_MAX));
	size_t cap = 0;
	while (db_step(st) == DB_ROW) {
		*out = grow(a, *out, *n, &cap, sizeof(struct vacancy));
		read_vacancy(st, a, &(*out)[(*n)++]);
	}
	return db_finish(st);
}

int64_t vacancy_stage_count(struct db_conn *c, int64_t org_id, int64_t vacancy_id, int64_t stage_id)
{
	return DB_I64(c, 0, "SELECT count(*) FROM candidates WHERE org_id = $1 AND vacancy_id = $2 AND stage_id = $3",
		      P_I(org_id), P_I(vacancy_id), P_I(stage_id));
}

enum err candidate_move(struct db_conn *c, int64_t org_id, int64_t candidate_id, int64_t vacancy_id,
			int64_t stage_id)
{
	return DBX(c, "UPDATE candidates SET vacancy_id = $3, stage_id = $4 WHERE org_id = $1 AND id = $2",
		   P_I(org_id), P_I(candidate_id), P_ID(vacancy_id), P_ID(stage_id));
}

enum err vacancy_set_status(struct db_conn *c, int64_t org_id, int64_t id, const char *status)
{
	return DBX(c, "UPDATE vacancies SET status = $3 WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id),
		   P_T(status));
}

enum err vacancy_update(struct db_conn *c, int64_t org_id, int64_t id, const struct vacancy_new *in,
			const char *status)
{
	struct db_stmt *st = DBQ(c, "UPDATE vacancies SET title = $3, team_id = $4, territory = $5, opens_on = $6, "
				 "target_on = $7, status = $8 WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id), P_T(in->title), P_ID(in->team_id),
				 P_T(in->territory ? in->territory : ""),
				 in->opens_on && *in->opens_on ? P_T(in->opens_on) : P_NULL,
				 in->target_on && *in->target_on ? P_T(in->target_on) : P_NULL, P_T(status));
	db_step(st);
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : E_NOTFOUND;
}

enum err candidate_update(struct db_conn *c, int64_t org_id, int64_t id, const struct candidate_new *in)
{
	struct db_stmt *st = DBQ(c, "UPDATE candidates SET name = $3, email = $4, phone = $5, source = $6, job_title = $7, "
				 "company = $8, tags = $9, notes = $10, known_by = $11, consent_on = $12, retain_until = $13 "
				 "WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(id), P_T(in->name), P_T(in->email ? in->email : ""),
				 P_T(in->phone ? in->phone : ""), P_T(in->source), P_T(in->job_title ? in->job_title : ""),
				 P_T(in->company ? in->company : ""), P_T(in->tags ? in->tags : ""),
				 P_T(in->notes ? in->notes : ""), P_ID(in->known_by),
				 in->consent_on && *in->consent_on ? P_T(in->consent_on) : P_NULL, P_T(in->retain_until));
	db_step(st);
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : E_NOTFOUND;
}
