/*
 * audit: see audit.h. The snapshot of each kind is one query of the fields
 * a person would want to see changed, by name rather than id where an id
 * would mean nothing to a reader (the team, the owner, the stage). Private
 * text is read for the comparison only: domain/audit.c writes "(private)"
 * in its place, or nothing.
 */
#include "audit.h"
#include "settings.h"
#include "../lib/util.h"
#include "../lib/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the query of a kind's snapshot: $1 the organisation, $2 the object. The
 * private parts made of many rows (evidence, check-in notes, points) are
 * read as "count:total length", NULL when there is none: enough to tell
 * that they changed, never what they say. */
static const struct {
	const char *sql;
	const char *fields[AUDIT_MAX_FIELDS];
} snap[AUDIT_KIND_COUNT] = {
	[AUDIT_USER] = {
		"SELECT u.email, u.name, u.role, u.active, u.locale, "
		"(SELECT t.name FROM team_members m JOIN teams t ON t.org_id = m.org_id AND t.id = m.team_id "
		" WHERE m.org_id = u.org_id AND m.user_id = u.id), u.password_hash "
		"FROM users u WHERE u.org_id = $1 AND u.id = $2",
		{ "email", "name", "role", "active", "locale", "team", "password" } },
	[AUDIT_TEAM] = {
		"SELECT t.name, (SELECT u.name FROM users u WHERE u.org_id = t.org_id AND u.id = t.manager_id), "
		"t.territory, t.segment, t.show_revenue FROM teams t WHERE t.org_id = $1 AND t.id = $2",
		{ "name", "manager", "territory", "segment", "show_revenue" } },
	[AUDIT_TARGET] = {
		"SELECT u.name, t.kind, t.period_start, t.period_end, t.amount_minor, t.currency "
		"FROM targets t JOIN users u ON u.org_id = t.org_id AND u.id = t.user_id "
		"WHERE t.org_id = $1 AND t.id = $2",
		{ "person", "kind", "period_start", "period_end", "amount_minor", "currency" } },
	[AUDIT_DEAL] = {
		"SELECT d.title, a.name, d.value_minor, d.currency, u.name, s.name, d.product, d.expected_close, "
		"d.status, d.lost_reason, d.closed_on "
		"FROM deals d JOIN accounts a ON a.org_id = d.org_id AND a.id = d.account_id "
		"JOIN users u ON u.org_id = d.org_id AND u.id = d.owner_id "
		"JOIN stages s ON s.org_id = d.org_id AND s.id = d.stage_id "
		"WHERE d.org_id = $1 AND d.id = $2",
		{ "title", "account", "value_minor", "currency", "owner", "stage", "product", "expected_close",
		  "status", "lost_reason", "closed_on" } },
	[AUDIT_STAGE] = {
		"SELECT name, definition, commitment, position, kind FROM stages WHERE org_id = $1 AND id = $2",
		{ "name", "definition", "commitment", "position", "kind" } },
	[AUDIT_REASON] = {
		"SELECT code, label, position, retired_at FROM reasons WHERE org_id = $1 AND id = $2",
		{ "code", "label", "position", "retired_at" } },
	[AUDIT_ASSESSMENT] = {
		"SELECT r.name, rep.name, rater.name, x.rater_kind, x.status, "
		"(SELECT count(*) FROM assessment_scores s WHERE s.org_id = x.org_id AND s.assessment_id = x.id), "
		"(SELECT sum(s.score) FROM assessment_scores s WHERE s.org_id = x.org_id AND s.assessment_id = x.id), "
		"(SELECT count(*) || ':' || coalesce(sum(length(s.evidence)), 0) FROM assessment_scores s "
		" WHERE s.org_id = x.org_id AND s.assessment_id = x.id AND s.evidence <> '' HAVING count(*) > 0) "
		"FROM assessments x JOIN assessment_rounds r ON r.org_id = x.org_id AND r.id = x.round_id "
		"JOIN users rep ON rep.org_id = x.org_id AND rep.id = x.rep_id "
		"JOIN users rater ON rater.org_id = x.org_id AND rater.id = x.rater_id "
		"WHERE x.org_id = $1 AND x.id = $2",
		{ "round", "rep", "rater", "rater_kind", "status", "scores", "score_total", "evidence" } },
	[AUDIT_PLAN] = {
		"SELECT u.name, p.title, p.period_start, p.period_end, "
		"(SELECT t.name FROM traits t WHERE t.org_id = p.org_id AND t.id = p.focus_trait_id), p.status, "
		"(SELECT count(*) FROM plan_goals g WHERE g.org_id = p.org_id AND g.plan_id = p.id), "
		"(SELECT count(*) FROM plan_goals g WHERE g.org_id = p.org_id AND g.plan_id = p.id AND g.status = 'done'), "
		"(SELECT count(*) FROM plan_actions x WHERE x.org_id = p.org_id AND x.plan_id = p.id), "
		"(SELECT count(*) FROM plan_actions x WHERE x.org_id = p.org_id AND x.plan_id = p.id "
		" AND x.done_on IS NOT NULL), "
		"(SELECT count(*) FROM plan_checkins k WHERE k.org_id = p.org_id AND k.plan_id = p.id), "
		"(SELECT count(*) || ':' || coalesce(sum(length(k.note)), 0) FROM plan_checkins k "
		" WHERE k.org_id = p.org_id AND k.plan_id = p.id HAVING count(*) > 0) "
		"FROM dev_plans p JOIN users u ON u.org_id = p.org_id AND u.id = p.rep_id "
		"WHERE p.org_id = $1 AND p.id = $2",
		{ "rep", "title", "period_start", "period_end", "focus_trait", "status", "goals", "goals_done", "actions",
		  "actions_done", "checkins", "checkin_note" } },
	[AUDIT_IMPROVEMENT] = {
		"SELECT u.name, p.source, p.period_label, p.flagged_on, p.status, p.diagnosis, p.diagnosis_notes, "
		"p.plan_start, p.plan_end, p.extended_on, p.decision, p.decided_on, p.decision_note, "
		"(SELECT count(*) FROM improvement_items i WHERE i.org_id = p.org_id AND i.plan_id = p.id), "
		"(SELECT count(*) || ':' || coalesce(sum(length(i.outcome)), 0) FROM improvement_items i "
		" WHERE i.org_id = p.org_id AND i.plan_id = p.id AND i.outcome <> '' HAVING count(*) > 0) "
		"FROM improvement_plans p JOIN users u ON u.org_id = p.org_id AND u.id = p.rep_id "
		"WHERE p.org_id = $1 AND p.id = $2",
		{ "rep", "source", "period_label", "flagged_on", "status", "diagnosis", "diagnosis_notes",
		  "plan_start", "plan_end", "extended_on", "decision", "decided_on", "decision_note", "items",
		  "review_outcomes" } },
	[AUDIT_ONE_ON_ONE] = {
		"SELECT rep.name, m.name, o.scheduled_on, o.held_on, o.status, o.shared_notes, o.private_notes, "
		"(SELECT count(*) || ':' || coalesce(sum(length(p.text)), 0) FROM one_on_one_points p "
		" WHERE p.org_id = o.org_id AND p.meeting_id = o.id HAVING count(*) > 0), "
		"(SELECT count(*) FROM one_on_one_actions x WHERE x.org_id = o.org_id AND x.meeting_id = o.id), "
		"(SELECT count(*) FROM one_on_one_actions x WHERE x.org_id = o.org_id AND x.meeting_id = o.id "
		" AND x.done_on IS NOT NULL) "
		"FROM one_on_ones o JOIN users rep ON rep.org_id = o.org_id AND rep.id = o.rep_id "
		"JOIN users m ON m.org_id = o.org_id AND m.id = o.manager_id "
		"WHERE o.org_id = $1 AND o.id = $2",
		{ "rep", "manager", "scheduled_on", "held_on", "status", "shared_notes", "private_notes", "points",
		  "actions", "actions_done" } },
	[AUDIT_SCORECARD] = {
		"SELECT cand.name, u.name, s.status, s.recommendation, s.reopened, "
		"(SELECT count(*) FROM scorecard_scores x WHERE x.org_id = s.org_id AND x.scorecard_id = s.id), "
		"(SELECT sum(x.score) FROM scorecard_scores x WHERE x.org_id = s.org_id AND x.scorecard_id = s.id), "
		"(SELECT count(*) || ':' || coalesce(sum(length(x.evidence)), 0) FROM scorecard_scores x "
		" WHERE x.org_id = s.org_id AND x.scorecard_id = s.id AND x.evidence <> '' HAVING count(*) > 0) "
		"FROM scorecards s JOIN candidates cand ON cand.org_id = s.org_id AND cand.id = s.candidate_id "
		"JOIN users u ON u.org_id = s.org_id AND u.id = s.interviewer_id "
		"WHERE s.org_id = $1 AND s.id = $2",
		{ "candidate", "interviewer", "status", "recommendation", "reopened", "scores", "score_total",
		  "evidence" } },
	[AUDIT_ROUND] = {
		"SELECT r.name, t.name, u.name, r.opened_on, r.due_on, r.status, "
		"(SELECT count(*) FROM assessments x WHERE x.org_id = r.org_id AND x.round_id = r.id) "
		"FROM assessment_rounds r LEFT JOIN teams t ON t.org_id = r.org_id AND t.id = r.team_id "
		"LEFT JOIN users u ON u.org_id = r.org_id AND u.id = r.rep_id "
		"WHERE r.org_id = $1 AND r.id = $2",
		{ "name", "team", "rep", "opened_on", "due_on", "status", "forms" } },
	[AUDIT_LEARNING] = {
		"SELECT r.name, l.kind, l.title, l.origin, l.status, l.done_on, l.due_on, l.minutes, t.name, "
		"l.learned, l.will_change "
		"FROM learning_activities l JOIN users r ON r.org_id = l.org_id AND r.id = l.rep_id "
		"LEFT JOIN traits t ON t.org_id = l.org_id AND t.id = l.trait_id "
		"WHERE l.org_id = $1 AND l.id = $2",
		{ "rep", "kind", "title", "origin", "status", "done_on", "due_on", "minutes", "trait", "learned",
		  "will_change" } },
	[AUDIT_WEBHOOK] = {
		"SELECT url, events, enabled, secret FROM webhooks WHERE org_id = $1 AND id = $2",
		{ "url", "events", "enabled", "secret" } },
	/* never the token nor its hash */
	[AUDIT_TOKEN] = {
		"SELECT u.name, k.label, CASE WHEN k.revoked_at IS NULL THEN '0' ELSE '1' END "
		"FROM api_tokens k JOIN users u ON u.org_id = k.org_id AND u.id = k.user_id "
		"WHERE k.org_id = $1 AND k.id = $2",
		{ "person", "label", "revoked" } },
	[AUDIT_TRAIT] = {
		"SELECT code, name, definition, anchor1, anchor3, anchor5, position, retired_at "
		"FROM traits WHERE org_id = $1 AND id = $2",
		{ "code", "name", "definition", "anchor1", "anchor3", "anchor5", "position", "retired_at" } },
	[AUDIT_SUBSKILL] = {
		"SELECT t.name, s.name, s.definition, s.position, s.retired_at "
		"FROM subskills s JOIN traits t ON t.org_id = s.org_id AND t.id = s.trait_id "
		"WHERE s.org_id = $1 AND s.id = $2",
		{ "trait", "name", "definition", "position", "retired_at" } },
	/* settings, imports and the pulse have no snapshot: audit_setting,
	 * audit_record */
};

/* the depth of audited changes under way on this thread: a change inside
 * another is part of the outer one's row (a connection is one thread's at
 * a time, and a change begins and ends in one call) */
static _Thread_local int depth;

static size_t nfields(enum audit_kind k)
{
	size_t n = 0;
	while (n < AUDIT_MAX_FIELDS && snap[k].fields[n])
		n++;
	return n;
}

/* reads the fields into vals (malloc'd, NULL for SQL NULL); 1 when the
 * object exists, 0 when not, -(err) on failure */
static int read_snapshot(struct db_conn *c, enum audit_kind k, int64_t org_id, int64_t id, char **vals)
{
	size_t n = nfields(k);
	memset(vals, 0, sizeof(char *) * AUDIT_MAX_FIELDS);
	if (!snap[k].sql || !id)
		return 0;
	struct db_stmt *st = DBQ(c, snap[k].sql, P_I(org_id), P_I(id));
	int found = 0;
	int rc = db_step(st);
	if (rc == DB_ROW) {
		found = 1;
		for (size_t i = 0; i < n; i++)
			vals[i] = db_col_null(st, (int)i) ? NULL : xstrdup(db_col_text(st, (int)i));
	}
	enum err e = db_finish(st);
	return e ? -(int)e : found;
}

static void free_vals(char **vals)
{
	for (int i = 0; i < AUDIT_MAX_FIELDS; i++) {
		free(vals[i]);
		vals[i] = NULL;
	}
}

static int importing(struct db_conn *c)
{
	return !strcmp(db_actor_via(c), "import");
}

int audit_wanted(struct db_conn *c)
{
	return depth == 0 && !importing(c);
}

int64_t audit_parent(struct db_conn *c, const char *part_table, int64_t org_id, int64_t id)
{
	/* the table is chosen here, never from input */
	static const struct {
		const char *table, *sql;
	} parts[] = {
		{ "plan_goals", "SELECT plan_id FROM plan_goals WHERE org_id = $1 AND id = $2" },
		{ "plan_actions", "SELECT plan_id FROM plan_actions WHERE org_id = $1 AND id = $2" },
		{ "improvement_items", "SELECT plan_id FROM improvement_items WHERE org_id = $1 AND id = $2" },
		{ "one_on_one_actions", "SELECT meeting_id FROM one_on_one_actions WHERE org_id = $1 AND id = $2" },
	};
	if (!audit_wanted(c))
		return 0;
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (!strcmp(parts[i].table, part_table))
			return db_scalar_i64(c, parts[i].sql, (const struct db_param[]){ P_I(org_id), P_I(id) }, 2, 0);
	return 0;
}

enum err audit_begin(struct db_conn *c, struct audit_change *ch, enum audit_kind kind, int64_t org_id, int64_t id)
{
	memset(ch, 0, sizeof(*ch));
	ch->kind = kind;
	ch->org_id = org_id;
	ch->id = id;
	ch->record = audit_wanted(c);
	depth++;
	ch->counted = 1;
	/* a change that writes no row of its own (inside another one, or an
	 * import's) is its caller's to make atomic, as it always was: no
	 * savepoint, which an import of a million targets would pay for */
	if (!ch->record)
		return E_OK;
	enum err e = db_begin(c);
	if (!e) {
		ch->open = 1;
		int rc = read_snapshot(c, kind, org_id, id, ch->before);
		if (rc >= 0) {
			ch->has_before = rc;
			return E_OK;
		}
		/* nothing was changed yet: undone here, so that the caller's
		 * audit_end (or none) has nothing left to do */
		free_vals(ch->before);
		db_rollback(c);
		ch->open = 0;
		e = (enum err)-rc;
	}
	depth--;
	ch->counted = 0;
	return e;
}

static enum err insert_row(struct db_conn *c, int64_t org_id, enum audit_kind kind, int64_t object_id,
			   const char *action, const char *bj, const char *aj)
{
	return DBX(c, "INSERT INTO audit_log (org_id, at, actor_id, via, kind, object_id, action, before_json, "
		   "after_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
		   P_I(org_id), P_I(now_epoch()), P_ID(db_actor_id(c)), P_T(db_actor_via(c)),
		   P_T(audit_kind_name(kind)), P_ID(object_id), P_T(action), P_T(bj ? bj : "{}"),
		   P_T(aj ? aj : "{}"));
}

enum err audit_end(struct db_conn *c, struct audit_change *ch, const char *action, int64_t id, enum err e)
{
	if (ch->counted) {
		depth--;
		ch->counted = 0;
	}
	if (!ch->open)
		return e;
	ch->open = 0;
	if (id)
		ch->id = id;
	if (!e && ch->record) {
		char *after[AUDIT_MAX_FIELDS];
		int rc = read_snapshot(c, ch->kind, ch->org_id, ch->id, after);
		if (rc < 0) {
			e = (enum err)-rc;
		} else {
			struct strbuf bj = STRBUF_INIT, aj = STRBUF_INIT;
			size_t n = nfields(ch->kind);
			int changed = audit_diff(ch->kind, snap[ch->kind].fields, (const char *const *)ch->before,
						 (const char *const *)after, n, ch->has_before, rc, &bj, &aj);
			/* an update that changed nothing leaves no row; a creation
			 * or deletion always does */
			if (changed || ch->has_before != rc)
				e = insert_row(c, ch->org_id, ch->kind, ch->id, action, bj.buf, aj.buf);
			sb_release(&bj);
			sb_release(&aj);
		}
		free_vals(after);
	}
	free_vals(ch->before);
	if (e) {
		db_rollback(c);
		return e;
	}
	return db_commit(c);
}

enum err audit_record(struct db_conn *c, int64_t org_id, enum audit_kind kind, int64_t object_id,
		      const char *action, const char *before_json, const char *after_json)
{
	if (depth > 0 && kind != AUDIT_IMPORT)
		return E_OK;
	return insert_row(c, org_id, kind, object_id, action, before_json, after_json);
}

enum err audit_setting(struct db_conn *c, int64_t org_id, const char *key, const char *before, const char *after)
{
	if (depth > 0 || importing(c))
		return E_OK;
	const char *names[1] = { key };
	struct strbuf bj = STRBUF_INIT, aj = STRBUF_INIT;
	enum err e = E_OK;
	if (audit_diff(AUDIT_SETTING, names, &before, &after, 1, 1, 1, &bj, &aj))
		e = insert_row(c, org_id, AUDIT_SETTING, 0, "update", bj.buf, aj.buf);
	sb_release(&bj);
	sb_release(&aj);
	return e;
}

/* the filter of the page and the API: $1..$7 */
#define AUDIT_WHERE "WHERE l.org_id = $1 AND (CAST($2 AS BIGINT) = 0 OR l.actor_id = $2) " \
	"AND ($3 = '' OR l.via = $3) AND ($4 = '' OR l.kind = $4) " \
	"AND (CAST($5 AS BIGINT) = 0 OR l.object_id = $5) AND (CAST($6 AS BIGINT) = 0 OR l.at >= $6) " \
	"AND (CAST($7 AS BIGINT) = 0 OR l.at < $7) "
#define AUDIT_PARAMS(org_id, f) P_I(org_id), P_I((f)->actor_id), P_T((f)->via ? (f)->via : ""), \
	P_T((f)->kind >= 0 ? audit_kind_name((enum audit_kind)(f)->kind) : ""), P_I((f)->object_id), \
	P_I((f)->from), P_I((f)->to)

enum err audit_count(struct db_conn *c, int64_t org_id, const struct audit_filter *f, int64_t *total)
{
	struct db_stmt *st = DBQ(c, "SELECT count(*) FROM audit_log l " AUDIT_WHERE, AUDIT_PARAMS(org_id, f));
	*total = db_step(st) == DB_ROW ? db_col_i64(st, 0) : 0;
	return db_finish(st);
}

enum err audit_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct audit_filter *f, int64_t limit,
		    int64_t offset, struct audit_row **out, size_t *n, int *more)
{
	*out = NULL;
	*n = 0;
	*more = 0;
	if (limit < 1)
		limit = 1;
	if (limit > AUDIT_EXPORT_MAX)
		limit = AUDIT_EXPORT_MAX;
	if (offset < 0)
		offset = 0;
	/* one more than asked tells whether there are more */
	struct db_stmt *st = DBQ(c,
		"SELECT l.id, l.at, coalesce(l.actor_id, 0), coalesce(l.object_id, 0), coalesce(u.name, ''), l.via, "
		"l.kind, l.action, l.before_json, l.after_json "
		"FROM audit_log l LEFT JOIN users u ON u.org_id = l.org_id AND u.id = l.actor_id "
		AUDIT_WHERE "ORDER BY l.at DESC, l.id DESC LIMIT $8 OFFSET $9",
		AUDIT_PARAMS(org_id, f), P_I(limit + 1), P_I(offset));
	struct audit_row *rows = arena_allocarray(a, (size_t)limit, sizeof(*rows));
	size_t k = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		if ((int64_t)k == limit) {
			*more = 1;
			break;
		}
		struct audit_row *r = &rows[k++];
		r->id = db_col_i64(st, 0);
		r->at = db_col_i64(st, 1);
		r->actor_id = db_col_i64(st, 2);
		r->object_id = db_col_i64(st, 3);
		r->actor_name = arena_strdup(a, db_col_text(st, 4));
		r->via = arena_strdup(a, db_col_text(st, 5));
		r->kind = arena_strdup(a, db_col_text(st, 6));
		r->action = arena_strdup(a, db_col_text(st, 7));
		r->before_json = arena_strdup(a, db_col_text(st, 8));
		r->after_json = arena_strdup(a, db_col_text(st, 9));
	}
	enum err e = db_finish(st);
	if (!e) {
		*out = rows;
		*n = k;
	}
	return e;
}

int64_t audit_retention_days(struct db_conn *c, int64_t org_id)
{
	int64_t d = setting_int(c, org_id, "audit.retention_days", AUDIT_RETENTION_DEFAULT);
	return d >= AUDIT_RETENTION_MIN && d <= AUDIT_RETENTION_MAX ? d : AUDIT_RETENTION_DEFAULT;
}

enum err audit_set_retention(struct db_conn *c, int64_t org_id, int64_t days)
{
	if (days < AUDIT_RETENTION_MIN || days > AUDIT_RETENTION_MAX)
		return E_INVALID;
	return setting_set_int(c, org_id, "audit.retention_days", days);
}

static enum err purge_org(struct db_conn *c, int64_t org_id, int64_t *deleted)
{
	/* a minute short of the trigger's own limit, so that the two clocks
	 * (this process's, the database's) never disagree about a row */
	int64_t cutoff = now_epoch() - audit_retention_days(c, org_id) * 86400 - 60;
	struct db_stmt *st = DBQ(c, "DELETE FROM audit_log WHERE org_id = $1 AND at < $2", P_I(org_id), P_I(cutoff));
	db_step(st);
	int64_t k = db_changes(st);
	enum err e = db_finish(st);
	if (!e)
		*deleted += k;
	return e;
}

enum err audit_purge(struct db_conn *c, int64_t org_id, int64_t *deleted)
{
	*deleted = 0;
	if (org_id)
		return purge_org(c, org_id, deleted);
	/* every organisation, a bounded number at a time */
	int64_t after = 0;
	for (;;) {
		int64_t ids[100];
		size_t n = 0;
		struct db_stmt *st = DBQ(c, "SELECT id FROM orgs WHERE id > $1 ORDER BY id LIMIT 100", P_I(after));
		while (n < 100 && db_step(st) == DB_ROW)
			ids[n++] = db_col_i64(st, 0);
		enum err e = db_finish(st);
		if (e)
			return e;
		for (size_t i = 0; i < n; i++) {
			if ((e = purge_org(c, ids[i], deleted)))
				return e;
		}
		if (n < 100)
			return E_OK;
		after = ids[n - 1];
	}
}
