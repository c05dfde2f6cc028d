/* conversations: see conversations.h. */
#include "conversations.h"
#include "audit.h"
#include "deals.h"
#include "reasons.h"
#include "webhooks.h"
#include "../lib/util.h"
#include "../lib/i18n.h"
#include <stdio.h>
#include <string.h>

#define FAIL(f, m) do { err->field = (f); err->message = (m); e = E_INVALID; goto fail; } while (0)

enum err conversation_log(struct db_conn *c, struct arena *a, int64_t org_id,
			  const struct conversation_log_input *li, const char *today, int grace_days,
			  int64_t *id, struct rule_error *err)
{
	const struct conversation_input *in = &li->in;
	if (conversation_validate(in, today, err))
		return E_INVALID;
	/* a STOP names one of the organisation's reasons that is still offered */
	if (outcome_parse(in->outcome) == OUTCOME_STOP) {
		int ok = reason_usable(c, org_id, in->stop_reason);
		if (ok < 0)
			return db_last_error(c, NULL) ? db_last_error(c, NULL) : E_INTERNAL;
		if (!ok) {
			err->field = "stop_reason";
			err->message = N_("Choose the reason for the stop.");
			return E_INVALID;
		}
	}
	enum err e = db_begin(c);
	if (e)
		return e;
	int64_t account_id = in->account_id, deal_id = in->deal_id;
	int progressed = 0;
	struct db_stmt *st;
	if (deal_id) {
		st = DBQ(c, "SELECT d.account_id, d.status, s.position FROM deals d "
					 "JOIN stages s ON s.org_id = d.org_id AND s.id = d.stage_id "
					 "WHERE d.org_id = $1 AND d.id = $2", P_I(org_id), P_I(deal_id));
		int r = db_step(st);
		int64_t pos = 0;
		char status[16] = "";
		if (r == DB_ROW) {
			account_id = db_col_i64(st, 0);
			snprintf(status, sizeof(status), "%s", db_col_text(st, 1));
			pos = db_col_i64(st, 2);
		}
		e = db_finish(st);
		if (e)
			goto fail;
		if (r != DB_ROW)
			FAIL("deal_id", N_("There is no such deal."));
		if (!strcmp(status, "won") || !strcmp(status, "lost"))
			FAIL("deal_id", N_("This deal is closed. Reopen it before logging a conversation."));
		if (in->account_id && in->account_id != account_id)
			FAIL("account_id", N_("The deal belongs to another account."));
		if (li->new_stage_id) {
			st = DBQ(c, "SELECT position, kind FROM stages WHERE org_id = $1 AND id = $2",
				 P_I(org_id), P_I(li->new_stage_id));
			r = db_step(st);
			int64_t npos = r == DB_ROW ? db_col_i64(st, 0) : 0;
			int open = r == DB_ROW && !strcmp(db_col_text(st, 1), "open");
			e = db_finish(st);
			if (e)
				goto fail;
			if (!open)
				FAIL("stage_id", N_("Choose an open stage; close a deal as won or lost instead."));
			progressed = npos > pos;
		}
	} else {
		int64_t n = DB_I64(c, -1, "SELECT count(*) FROM accounts WHERE org_id = $1 AND id = $2",
				   P_I(org_id), P_I(account_id));
		if (n < 0) {
			e = db_last_error(c, NULL);	/* unreachable, or a SQL error */
			goto fail;
		}
		if (!n)
			FAIL("account_id", N_("There is no such account."));
	}

	int64_t cid = 0;
	enum outcome oc = outcome_parse(in->outcome);
	st = DBQ(c, "INSERT INTO conversations (org_id, rep_id, deal_id, account_id, kind, at, held_on, "
				 "minutes, notes, gut_feeling, outcome, stop_reason, stop_note, progressed, created_at) "
				 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
				 P_I(org_id), P_I(li->rep_id), P_ID(deal_id), P_ID(account_id), P_T(in->kind),
				 P_I(li->at), P_T(in->date), P_I(in->minutes), P_T(li->notes ? li->notes : ""),
				 P_I(in->gut_feeling), P_T(in->outcome),
				 P_T(oc == OUTCOME_STOP ? in->stop_reason : NULL),
				 P_T(oc == OUTCOME_STOP && in->stop_note ? in->stop_note : ""), P_I(progressed),
				 P_I(now_epoch()));
	if (db_step(st) == DB_ROW)
		cid = db_col_i64(st, 0);
	if ((e = db_finish(st)))
		goto fail;

	/* the steps this conversation follows up. Which ones is
	 * access_conversation_closes_step's rule (domain/access.h): the deal's
	 * open steps, whoever logged them; without a deal, only the author's
	 * own open steps on the account without a deal — never another rep's,
	 * which would count in their figures. How each ends is
	 * step_answer_status's (domain/commitment.h): the user's answer for the
	 * earliest of them (the one the form asks about), the rule for
	 * unanswered steps for the others. */
	enum step_answer ans = step_answer_parse(li->open_step);
	/* a stop ends the deal's story: every step it follows up closes, due or not */
	int close_all = oc == OUTCOME_STOP || li->close_by_dates;
	int64_t asked_id = 0;
	if (ans != STEP_ANSWER_NONE) {
		/* the earliest of the steps it follows up */
		st = deal_id ? DBQ(c, "SELECT id, due FROM steps WHERE org_id = $1 AND deal_id = $2 AND status = 'open' "
				   "AND created_on <= $3 ORDER BY due, id LIMIT 1", P_I(org_id), P_I(deal_id), P_T(in->date))
			: DBQ(c, "SELECT id, due FROM steps WHERE org_id = $1 AND account_id = $2 AND deal_id IS NULL "
			      "AND rep_id = $4 AND status = 'open' AND created_on <= $3 ORDER BY due, id LIMIT 1",
			      P_I(org_id), P_I(account_id), P_T(in->date), P_I(li->rep_id));
		char due[11] = "";
		if (db_step(st) == DB_ROW) {
			asked_id = db_col_i64(st, 0);
			snprintf(due, sizeof(due), "%s", db_col_text(st, 1));
		}
		if ((e = db_finish(st)))
			goto fail;
		if (asked_id) {
			if (step_answer_check(ans, due, li->open_step_due, in->date, today, err)) {
				e = E_INVALID;
				goto fail;
			}
			enum step_status ss = step_answer_status(ans, due, in->date, grace_days, close_all);
			if (ans == STEP_ANSWER_SLIPPED)
				e = DBX(c, "UPDATE steps SET due = $3, slips = slips + 1 WHERE org_id = $1 AND id = $2 "
					"AND status = 'open'", P_I(org_id), P_I(asked_id), P_T(li->open_step_due));
			else if (ss != STEP_S_OPEN)
				e = DBX(c, "UPDATE steps SET status = $3, done_on = $4 WHERE org_id = $1 AND id = $2 "
					"AND status = 'open'", P_I(org_id), P_I(asked_id),
					P_T(ss == STEP_S_MISSED ? "missed" : "kept"), P_T(in->date));
			if (e)
				goto fail;
		}
	}
	/* the unanswered ones: those due by the day of the conversation (all
	 * of them on a stop) kept, or missed after the grace period */
	char late_limit[11];
	date_add_days(in->date, -grace_days, late_limit);
	if (deal_id) {
		e = DBX(c, "UPDATE steps SET status = CASE WHEN due < $4 THEN 'missed' ELSE 'kept' END, done_on = $3 "
			"WHERE org_id = $1 AND deal_id = $2 AND status = 'open' AND created_on <= $3 AND id <> $5 "
			"AND (due <= $3 OR $6 = 1)",
			P_I(org_id), P_I(deal_id), P_T(in->date), P_T(late_limit), P_I(asked_id), P_I(close_all));
	} else {
		e = DBX(c, "UPDATE steps SET status = CASE WHEN due < $4 THEN 'missed' ELSE 'kept' END, done_on = $3 "
			"WHERE org_id = $1 AND account_id = $2 AND deal_id IS NULL AND rep_id = $5 AND status = 'open' "
			"AND created_on <= $3 AND id <> $7 AND (due <= $3 OR $6 = 1)",
			P_I(org_id), P_I(account_id), P_T(in->date), P_T(late_limit), P_I(li->rep_id), P_I(close_all),
			P_I(asked_id));
	}
	if (e)
		goto fail;

	/* audit: what the conversation did to its deal (stage, status) is one
	 * row of the deal's */
	struct audit_change ch;
	if (deal_id && (e = audit_begin(c, &ch, AUDIT_DEAL, org_id, deal_id)))
		goto fail;
	switch (oc) {
	case OUTCOME_STEP:
		e = DBX(c, "INSERT INTO steps (org_id, conversation_id, deal_id, account_id, rep_id, what, who, due, "
			"original_due, status, slips, created_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, 'open', 0, $9)",
			P_I(org_id), P_I(cid), P_ID(deal_id), P_ID(account_id), P_I(li->rep_id),
			P_T(in->step_what), P_T(in->step_who), P_T(in->step_due), P_T(in->date));
		break;
	case OUTCOME_STOP:
		if (deal_id)
			/* one list of reasons: the STOP's reason is the deal's */
			e = deal_close(c, org_id, deal_id, in->stop_action, in->stop_reason, in->stop_note, in->date);
		break;
	default:
		break;
	}
	/* in every branch, a paused deal that is talked to again is open again */
	if (e)
		;	/* audit_end below rolls the deal's part back */
	else if (deal_id && progressed && oc != OUTCOME_STOP)
		e = DBX(c, "UPDATE deals SET stage_id = $3, stage_changed_on = $4, updated_at = $5, status = 'open' "
			"WHERE org_id = $1 AND id = $2",
			P_I(org_id), P_I(deal_id), P_I(li->new_stage_id), P_T(in->date), P_I(now_epoch()));
	else if (deal_id && li->new_stage_id && oc != OUTCOME_STOP)
		/* a move back is recorded, but is not progress */
		e = DBX(c, "UPDATE deals SET stage_id = $3, updated_at = $4, status = 'open' WHERE org_id = $1 AND id = $2",
			P_I(org_id), P_I(deal_id), P_I(li->new_stage_id), P_I(now_epoch()));
	else if (deal_id && oc != OUTCOME_STOP)
		/* a paused deal that is talked to again is open again */
		e = DBX(c, "UPDATE deals SET status = 'open', updated_at = $3 WHERE org_id = $1 AND id = $2 "
			"AND status = 'paused'", P_I(org_id), P_I(deal_id), P_I(now_epoch()));
	if (!e)
		e = webhook_on_conversation(c, org_id, cid);	/* webhooks: the outbox, in this transaction */
	if (deal_id)
		e = audit_end(c, &ch, "conversation", deal_id, e);
	if (e)
		goto fail;
	e = db_commit(c);
	if (!e && id)
		*id = cid;
	(void)a;
	return e;
fail:
	db_rollback(c);
	return e;
}

#define CONV_COLS "cv.id, cv.rep_id, coalesce(cv.deal_id, 0), coalesce(cv.account_id, 0), u.name, " \
	"coalesce(d.title, ''), coalesce(a.name, ''), cv.kind, cv.held_on, cv.notes, cv.outcome, " \
	"coalesce(cv.stop_reason, ''), cv.stop_note, cv.at, cv.minutes, cv.gut_feeling, cv.progressed, " \
	"coalesce(st.id, 0), coalesce(st.what, ''), coalesce(st.who, ''), coalesce(st.due, ''), coalesce(st.status, ''), " \
	"coalesce(st.slips, 0) "
#define CONV_FROM "FROM conversations cv JOIN users u ON u.org_id = cv.org_id AND u.id = cv.rep_id " \
	"LEFT JOIN deals d ON d.org_id = cv.org_id AND d.id = cv.deal_id " \
	"LEFT JOIN accounts a ON a.org_id = cv.org_id AND a.id = cv.account_id " \
	"LEFT JOIN steps st ON st.org_id = cv.org_id AND st.conversation_id = cv.id "

static void read_conv(struct db_stmt *st, struct arena *a, struct conversation *v)
{
	v->id = db_col_i64(st, 0);
	v->rep_id = db_col_i64(st, 1);
	v->deal_id = db_col_i64(st, 2);
	v->account_id = db_col_i64(st, 3);
	v->rep_name = arena_strdup(a, db_col_text(st, 4));
	v->deal_title = arena_strdup(a, db_col_text(st, 5));
	v->account_name = arena_strdup(a, db_col_text(st, 6));
	v->kind = arena_strdup(a, db_col_text(st, 7));
	v->held_on = arena_strdup(a, db_col_text(st, 8));
	v->notes = arena_strdup(a, db_col_text(st, 9));
	v->outcome = arena_strdup(a, db_col_text(st, 10));
	v->stop_reason = arena_strdup(a, db_col_text(st, 11));
	v->stop_note = arena_strdup(a, db_col_text(st, 12));
	v->at = db_col_i64(st, 13);
	v->minutes = (int)db_col_i64(st, 14);
	v->gut_feeling = (int)db_col_i64(st, 15);
	v->progressed = (int)db_col_i64(st, 16);
	v->step_id = db_col_i64(st, 17);
	v->step_what = arena_strdup(a, db_col_text(st, 18));
	v->step_who = arena_strdup(a, db_col_text(st, 19));
	v->step_due = arena_strdup(a, db_col_text(st, 20));
	v->step_status = arena_strdup(a, db_col_text(st, 21));
	v->step_slips = (int)db_col_i64(st, 22);
}

enum err conversation_last_kind(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id,
				const char **kind, int *minutes)
{
	*kind = NULL;
	*minutes = -1;
	struct db_stmt *st = DBQ(c, "SELECT kind, minutes FROM conversations WHERE org_id = $1 AND rep_id = $2 "
				 "ORDER BY held_on DESC, at DESC, id DESC LIMIT 1", P_I(org_id), P_I(rep_id));
	if (db_step(st) == DB_ROW) {
		*kind = arena_strdup(a, db_col_text(st, 0));
		*minutes = (int)db_col_i64(st, 1);
	}
	return db_finish(st);
}

enum err conversation_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id,
			  struct conversation *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " CONV_COLS CONV_FROM "WHERE cv.org_id = $1 AND cv.id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_conv(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

/* the unscoped list (the caller has checked the deal or the rep) is the
 * scoped one seeing everything */
enum err conversation_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t deal_id,
			   int64_t rep_id, const char *from, const char *to, int limit, int offset,
			   struct conversation_list *out)
{
	struct activity_filter f = { .scope = SCOPE_ALL, .rep_id = rep_id, .deal_id = deal_id, .from = from,
				     .to = to, .limit = limit, .offset = offset };
	return conversation_find(c, a, org_id, &f, out);
}

#define STEP_COLS "st.id, coalesce(st.deal_id, 0), coalesce(st.account_id, 0), st.rep_id, st.conversation_id, " \
	"st.what, st.who, st.due, st.original_due, st.status, coalesce(st.done_on, ''), st.created_on, " \
	"coalesce(d.title, ''), coalesce(a.name, ''), u.name, st.slips "
#define STEP_FROM "FROM steps st JOIN users u ON u.org_id = st.org_id AND u.id = st.rep_id " \
	"LEFT JOIN deals d ON d.org_id = st.org_id AND d.id = st.deal_id " \
	"LEFT JOIN accounts a ON a.org_id = st.org_id AND a.id = st.account_id "

static void read_step(struct db_stmt *st, struct arena *a, struct step_row *s)
{
	s->id = db_col_i64(st, 0);
	s->deal_id = db_col_i64(st, 1);
	s->account_id = db_col_i64(st, 2);
	s->rep_id = db_col_i64(st, 3);
	s->conversation_id = db_col_i64(st, 4);
	s->what = arena_strdup(a, db_col_text(st, 5));
	s->who = arena_strdup(a, db_col_text(st, 6));
	s->due = arena_strdup(a, db_col_text(st, 7));
	s->original_due = arena_strdup(a, db_col_text(st, 8));
	s->status = arena_strdup(a, db_col_text(st, 9));
	s->done_on = arena_strdup(a, db_col_text(st, 10));
	s->created_on = arena_strdup(a, db_col_text(st, 11));
	s->deal_title = arena_strdup(a, db_col_text(st, 12));
	s->account_name = arena_strdup(a, db_col_text(st, 13));
	s->rep_name = arena_strdup(a, db_col_text(st, 14));
	s->slips = (int)db_col_i64(st, 15);
	s->state = STEP_UPCOMING;
}

static enum err read_steps(struct db_stmt *st, struct arena *a, struct step_list *out)
{
	size_t cap = 16;
	out->n = 0;
	out->items = arena_alloc(a, cap * sizeof(struct step_row));
	while (db_step(st) == DB_ROW) {
		if (out->n == cap) {
			struct step_row *n = arena_alloc(a, cap * 2 * sizeof(struct step_row));
			memcpy(n, out->items, cap * sizeof(struct step_row));
			out->items = n;
			cap *= 2;
		}
		read_step(st, a, &out->items[out->n++]);
	}
	return db_finish(st);
}

enum err step_get(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, struct step_row *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " STEP_COLS STEP_FROM "WHERE st.org_id = $1 AND st.id = $2",
				 P_I(org_id), P_I(id));
	int r = db_step(st);
	if (r == DB_ROW)
		read_step(st, a, out);
	enum err e = db_finish(st);
	return e ? e : r == DB_ROW ? E_OK : E_NOTFOUND;
}

enum err step_agenda(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, const char *until,
		     struct step_list *out)
{
	struct db_stmt *st = DBQ(c, "SELECT " STEP_COLS STEP_FROM "WHERE st.org_id = $1 AND st.rep_id = $2 "
				 "AND st.status = 'open' AND st.due <= $3 ORDER BY st.due, st.id",
				 P_I(org_id), P_I(rep_id), P_T(until));
	enum err e = read_steps(st, a, out);
	out->total = (int64_t)out->n;
	return e;
}

enum err step_list(struct db_conn *c, struct arena *a, int64_t org_id, int64_t rep_id, int64_t deal_id,
		   const char *status, int limit, int offset, struct step_list *out)
{
	struct activity_filter f = { .scope = SCOPE_ALL, .rep_id = rep_id, .deal_id = deal_id, .status = status,
				     .limit = limit, .offset = offset };
	return step_find(c, a, org_id, &f, out);
}

static enum err one_change(struct db_stmt *st)
{
	while (db_step(st) == DB_ROW)
		;
	int64_t n = db_changes(st);
	enum err e = db_finish(st);
	return e ? e : n ? E_OK : E_NOTFOUND;
}

enum err step_keep(struct db_conn *c, int64_t org_id, int64_t id, const char *today)
{
	return one_change(DBQ(c, "UPDATE steps SET status = 'kept', done_on = $3 "
			      "WHERE org_id = $1 AND id = $2 AND status = 'open'", P_I(org_id), P_I(id), P_T(today)));
}

enum err step_slip(struct db_conn *c, struct arena *a, int64_t org_id, int64_t id, const char *new_due,
		   const char *today, struct rule_error *err)
{
	struct step_row row;
	enum err e = step_get(c, a, org_id, id, &row);
	if (e)
		return e;
	struct step s = { !strcmp(row.status, "open") ? STEP_S_OPEN : STEP_S_KEPT, row.due, row.original_due,
			  NULL, row.slips };
	if (step_slip_check(&s, new_due, today, err))
		return E_INVALID;
	return one_change(DBQ(c, "UPDATE steps SET due = $3, slips = slips + 1 "
			      "WHERE org_id = $1 AND id = $2 AND status = 'open'", P_I(org_id), P_I(id), P_T(new_due)));
}

enum err step_cancel(struct db_conn *c, int64_t org_id, int64_t id)
{
	return one_change(DBQ(c, "UPDATE steps SET status = 'cancelled' "
			      "WHERE org_id = $1 AND id = $2 AND status = 'open'", P_I(org_id), P_I(id)));
}

void step_assess(struct step_row *s, size_t n, const char *today, int grace_days)
{
	for (size_t i = 0; i < n; i++) {
		enum step_status st = !strcmp(s[i].status, "kept") ? STEP_S_KEPT
			: !strcmp(s[i].status, "missed") ? STEP_S_MISSED
			: !strcmp(s[i].status, "cancelled") ? STEP_S_CANCELLED : STEP_S_OPEN;
		struct step x = { st, s[i].due, s[i].original_due, s[i].done_on, s[i].slips };
		s[i].state = step_state(&x, today, grace_days);
	}
}

enum err conversation_update(struct db_conn *c, int64_t org_id, int64_t id, const char *kind, int minutes,
			     const char *notes)
{
	return one_change(DBQ(c, "UPDATE conversations SET kind = $3, minutes = $4, notes = $5 "
			      "WHERE org_id = $1 AND id = $2", P_I(org_id), P_I(id), P_T(kind), P_I(minutes),
			      P_T(notes ? notes : "")));
}

/* the visibility rule of activity_filter on a row with rep column `rep` and
 * the deal joined as d: $2 scope, $3 viewer, $1 org */
#define LED_USERS "(SELECT tm.user_id FROM team_members tm JOIN teams t ON t.org_id = tm.org_id " \
	"AND t.id = tm.team_id WHERE tm.org_id = $1 AND t.manager_id = $3)"
#define VISIBLE_TO(rep) "($2 = 0 OR " rep " = $3 OR d.owner_id = $3 OR ($2 = 2 AND (" rep " IN " LED_USERS \
	" OR d.owner_id IN " LED_USERS "))) "

#define CONV_FIND_WHERE "WHERE cv.org_id = $1 AND " VISIBLE_TO("cv.rep_id") \
	"AND ($4 = 0 OR cv.deal_id = $4) AND ($5 = 0 OR cv.rep_id = $5) " \
	"AND ($6 = '' OR cv.held_on >= $6) AND ($7 = '' OR cv.held_on <= $7) " \
	"AND ($8 = 0 OR cv.rep_id IN (SELECT tm.user_id FROM team_members tm WHERE tm.org_id = $1 AND tm.team_id = $8)) "

/* conversation_find and conversations_list: team_id 0 does not filter */
static enum err find_conversations(struct db_conn *c, struct arena *a, int64_t org_id,
				   const struct activity_filter *f, int64_t team_id, struct conversation_list *out)
{
#define FIND_PARAMS P_I(org_id), P_I(f->scope), P_I(f->viewer_id), P_I(f->deal_id), P_I(f->rep_id), \
	P_T(f->from ? f->from : ""), P_T(f->to ? f->to : ""), P_I(team_id)
	out->total = DB_I64(c, 0, "SELECT count(*) FROM conversations cv "
			    "LEFT JOIN deals d ON d.org_id = cv.org_id AND d.id = cv.deal_id " CONV_FIND_WHERE,
			    FIND_PARAMS);
	/* the row-value comparison is the keyset (SQLite 3.15+, PostgreSQL) */
	struct db_stmt *st = DBQ(c, "SELECT " CONV_COLS CONV_FROM CONV_FIND_WHERE
				 "AND ($11 = 0 OR (cv.held_on, cv.at, cv.id) < ($12, $13, $11)) "
				 "ORDER BY cv.held_on DESC, cv.at DESC, cv.id DESC LIMIT $9 OFFSET $10",
				 FIND_PARAMS, P_I(f->limit > 0 ? f->limit : 1000000000), P_I(f->offset),
				 P_I(f->after_id), P_T(f->after_held_on ? f->after_held_on : ""), P_I(f->after_at));
#undef FIND_PARAMS
	size_t cap = 16;
	out->n = 0;
	out->items = arena_alloc(a, cap * sizeof(struct conversation));
	while (db_step(st) == DB_ROW) {
		if (out->n == cap) {
			struct conversation *n = arena_alloc(a, cap * 2 * sizeof(struct conversation));
			memcpy(n, out->items, cap * sizeof(struct conversation));
			out->items = n;
			cap *= 2;
		}
		read_conv(st, a, &out->items[out->n++]);
	}
	return db_finish(st);
}

enum err conversation_find(struct db_conn *c, struct arena *a, int64_t org_id, const struct activity_filter *f,
			   struct conversation_list *out)
{
	return find_conversations(c, a, org_id, f, 0, out);
}

enum err conversations_list(struct db_conn *c, struct arena *a, int64_t org_id, const struct activity_filter *f,
			    int64_t team_id, struct conversation_list *out)
{
	return find_conversations(c, a, org_id, f, team_id, out);
}

#define STEP_FIND_WHERE "WHERE st.org_id = $1 AND " VISIBLE_TO("st.rep_id") \
	"AND ($4 = 0 OR st.rep_id = $4) AND ($5 = 0 OR st.deal_id = $5) AND ($6 = '' OR st.status = $6) "

enum err step_find(struct db_conn *c, struct arena *a, int64_t org_id, const struct activity_filter *f,
		   struct step_list *out)
{
#define FIND_PARAMS P_I(org_id), P_I(f->scope), P_I(f->viewer_id), P_I(f->rep_id), P_I(f->deal_id), \
	P_T(f->status ? f->status : "")
	int64_t total = DB_I64(c, 0, "SELECT count(*) FROM steps st "
			       "LEFT JOIN deals d ON d.org_id = st.org_id AND d.id = st.deal_id " STEP_FIND_WHERE,
			       FIND_PARAMS);
	struct db_stmt *st = DBQ(c, "SELECT " STEP_COLS STEP_FROM STEP_FIND_WHERE
				 "AND ($9 = 0 OR (st.due, st.id) > ($10, $9)) "
				 "ORDER BY st.due, st.id LIMIT $7 OFFSET $8",
				 FIND_PARAMS, P_I(f->limit > 0 ? f->limit : 1000000000), P_I(f->offset),
				 P_I(f->after_id), P_T(f->after_due ? f->after_due : ""));
#undef FIND_PARAMS
	enum err e = read_steps(st, a, out);
	out->total = total;
	return e;
}
