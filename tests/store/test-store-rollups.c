/*
 * test-store-rollups: the roll-ups of migrations 0027 and 0040 (issue 15)
 * follow every kind of write — a conversation logged, edited, moved and
 * deleted; a step kept, slipped, missed, cancelled; a deal closed, reopened,
 * given to another rep, changed in value, deleted (cascading); a target set,
 * changed and deleted — with the values
 * worked out by hand below, and `rollups check` (a full recomputation) agrees
 * after each write. Then the figures read from them for a rep and for the
 * organisation; and the open deals' signals of migration 0033 with the
 * strung-along counts read from them. SG_TEST_DB as for test-store (SQLite
 * or PostgreSQL, fresh).
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/stages.h"
#include "store/deals.h"
#include "store/conversations.h"
#include "store/figures.h"
#include "store/rollups.h"
#include "store/numbers.h"
#include "domain/period.h"
#include "lib/arena.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store-harness.h"

#define OK(expr)                                                                                       \
	do {                                                                                           \
		enum err e_ = (expr);                                                                  \
		ck_assert_msg(e_ == E_OK, "%s: got %s (%s)", #expr, err_name(e_), db_errmsg(c));       \
	} while (0)

static int64_t org, rep1, rep2, account, stage_open;

/* the roll-ups equal the recomputation */
static void checked(const char *after)
{
	struct strbuf d = STRBUF_INIT;
	int64_t n = -1;
	OK(rollups_check(c, org, &d, &n));
	ck_assert_msg(n == 0, "after %s the roll-ups differ:\n%s", after, d.buf);
	sb_release(&d);
}

/* one value of a roll-up row of rep (0: the organisation) on day; 0 when none */
static int64_t conv_n(int64_t rep, const char *day, const char *col)
{
	char q[256];
	snprintf(q, sizeof q, "SELECT coalesce(sum(%s), 0) FROM rollup_conversations WHERE org_id = $1 AND rep_id = $2 "
		 "AND day = $3", col);
	return db_scalar_i64(c, q, (const struct db_param[]){ P_I(org), P_I(rep), P_T(day) }, 3, -1);
}

static int64_t due_n(int64_t rep, const char *day, const char *col)
{
	char q[256];
	snprintf(q, sizeof q, "SELECT coalesce(sum(%s), 0) FROM rollup_steps_due WHERE org_id = $1 AND rep_id = $2 "
		 "AND day = $3", col);
	return db_scalar_i64(c, q, (const struct db_param[]){ P_I(org), P_I(rep), P_T(day) }, 3, -1);
}

static int64_t closed_n(int64_t rep, const char *day, const char *col)
{
	char q[256];
	snprintf(q, sizeof q, "SELECT coalesce(sum(%s), 0) FROM rollup_closed WHERE org_id = $1 AND rep_id = $2 "
		 "AND day = $3", col);
	return db_scalar_i64(c, q, (const struct db_param[]){ P_I(org), P_I(rep), P_T(day) }, 3, -1);
}

static int64_t gaps_n(const char *day, const char *prev)
{
	return DB_I64(c, -1, "SELECT coalesce(sum(n), 0) FROM rollup_step_gaps WHERE org_id = $1 AND day = $2 "
		      "AND prev_day = $3", P_I(org), P_T(day), P_T(prev));
}

static int64_t won_month(int64_t rep, const char *month)
{
	return DB_I64(c, -1, "SELECT coalesce(sum(value_minor), 0) FROM rollup_won_months WHERE org_id = $1 "
		      "AND rep_id = $2 AND month = $3", P_I(org), P_I(rep), P_T(month));
}

static int64_t new_deal(int64_t owner, int64_t value)
{
	return DB_I64(c, 0, "INSERT INTO deals (org_id, title, account_id, value_minor, currency, owner_id, stage_id, "
		      "status, created_on, stage_changed_on, created_at, updated_at) VALUES ($1, 'Deal', $2, $3, 'EUR', "
		      "$4, $5, 'open', '2026-01-01', '2026-01-01', 0, 0) RETURNING id",
		      P_I(org), P_I(account), P_I(value), P_I(owner), P_I(stage_open));
}

static int64_t new_conv(int64_t rep, int64_t deal, const char *day, const char *outcome, int gut, int minutes)
{
	return DB_I64(c, 0, "INSERT INTO conversations (org_id, rep_id, deal_id, account_id, kind, at, held_on, minutes, "
		      "gut_feeling, outcome, created_at) VALUES ($1, $2, $3, $4, 'call', 0, $5, $6, $7, $8, 0) RETURNING id",
		      P_I(org), P_I(rep), P_ID(deal), P_I(account), P_T(day), P_I(minutes), P_I(gut), P_T(outcome));
}

static int64_t new_step(int64_t rep, int64_t deal, int64_t conv, const char *created, const char *due)
{
	return DB_I64(c, 0, "INSERT INTO steps (org_id, conversation_id, deal_id, account_id, rep_id, what, who, due, "
		      "original_due, status, created_on) VALUES ($1, $2, $3, $4, $5, 'Demo', 'Anna', $6, $6, 'open', $7) "
		      "RETURNING id", P_I(org), P_I(conv), P_ID(deal), P_I(account), P_I(rep), P_T(due), P_T(created));
}

static void world(void)
{
	static int k;
	char slug[48], email[80];
	snprintf(slug, sizeof slug, "ru%d-%d", (int)getpid() % 100000, ++k);
	OK(org_create(c, slug, "Rollups", "en", "EUR", &org));
	snprintf(email, sizeof email, "r1@%s.test", slug);
	OK(user_create(c, org, email, "Rita", "rep", "x", &rep1));
	snprintf(email, sizeof email, "r2@%s.test", slug);
	OK(user_create(c, org, email, "Rob", "rep", "x", &rep2));
	OK(stages_ensure(c, org, LANG_EN));
	int64_t won, lost;
	OK(stage_special(c, org, &stage_open, &won, &lost));
	OK(account_create(c, org, "Acme", rep1, NULL, &account));
}

START_TEST(every_write_keeps_the_rollups)
{
	world();
	checked("nothing");
	int64_t d = new_deal(rep1, 500000);
	/* a call ending in a step agreed for the 15th */
	int64_t c1 = new_conv(rep1, d, "2026-01-10", "step", 4, 30);
	int64_t s1 = new_step(rep1, d, c1, "2026-01-10", "2026-01-15");
	ck_assert_int_eq(conv_n(rep1, "2026-01-10", "n"), 1);
	ck_assert_int_eq(conv_n(rep1, "2026-01-10", "steps"), 1);
	ck_assert_int_eq(conv_n(0, "2026-01-10", "steps"), 1);
	ck_assert_int_eq(due_n(rep1, "2026-01-15", "n"), 1);
	ck_assert_int_eq(due_n(rep1, "2026-01-15", "kept_on_time"), 0);
	checked("a conversation and its step");

	/* kept on the 14th: on time */
	OK(step_keep(c, org, s1, "2026-01-14"));
	ck_assert_int_eq(due_n(rep1, "2026-01-15", "kept_on_time"), 1);
	ck_assert_int_eq(due_n(0, "2026-01-15", "kept_on_time"), 1);
	checked("step kept");

	/* a second call without commitment, then a step agreed on the 20th:
	 * the pair (10th, 20th) */
	int64_t c2 = new_conv(rep1, d, "2026-01-20", "none", 2, 45);
	int64_t c3 = new_conv(rep1, d, "2026-01-20", "step", 5, 15);
	int64_t s2 = new_step(rep1, d, c3, "2026-01-20", "2026-01-25");
	ck_assert_int_eq(conv_n(rep1, "2026-01-20", "n"), 2);
	ck_assert_int_eq(conv_n(rep1, "2026-01-20", "nones"), 1);
	ck_assert_int_eq(gaps_n("2026-01-20", "2026-01-10"), 1);
	checked("more conversations and a second step");

	/* won on the 21st: broken (a conversation without commitment); its
	 * conversations by gut feeling 4, 2, 5 and outcome step, none, step */
	DBX(c, "UPDATE deals SET status = 'won', closed_on = '2026-01-21' WHERE org_id = $1 AND id = $2", P_I(org), P_I(d));
	ck_assert_int_eq(closed_n(rep1, "2026-01-21", "broken_won"), 1);
	ck_assert_int_eq(closed_n(rep1, "2026-01-21", "unbroken_won"), 0);
	ck_assert_int_eq(closed_n(rep1, "2026-01-21", "won_value"), 500000);
	ck_assert_int_eq(closed_n(rep1, "2026-01-21", "gut4_won"), 1);
	ck_assert_int_eq(closed_n(rep1, "2026-01-21", "gut2_closed"), 1);
	ck_assert_int_eq(closed_n(rep1, "2026-01-21", "closed_step"), 2);
	ck_assert_int_eq(closed_n(rep1, "2026-01-21", "won_none"), 1);
	ck_assert_int_eq(closed_n(0, "2026-01-21", "broken_won"), 1);
	ck_assert_int_eq(won_month(rep1, "2026-01"), 500000);
	checked("deal won");

	/* the deal goes to Rob, and its value changes */
	DBX(c, "UPDATE deals SET owner_id = $3, value_minor = 700000 WHERE org_id = $1 AND id = $2", P_I(org), P_I(d),
	    P_I(rep2));
	ck_assert_int_eq(closed_n(rep1, "2026-01-21", "broken_won"), 0);
	ck_assert_int_eq(closed_n(rep2, "2026-01-21", "broken_won"), 1);
	ck_assert_int_eq(closed_n(rep2, "2026-01-21", "won_value"), 700000);
	ck_assert_int_eq(won_month(rep1, "2026-01"), 0);
	ck_assert_int_eq(won_month(rep2, "2026-01"), 700000);
	checked("owner and value changed");

	/* reopened: nothing closed; then lost on the 22nd through the store */
	OK(deal_reopen(c, org, d, "2026-01-22"));
	ck_assert_int_eq(closed_n(rep2, "2026-01-21", "broken_won"), 0);
	ck_assert_int_eq(closed_n(0, "2026-01-21", "broken_won"), 0);
	ck_assert_int_eq(won_month(rep2, "2026-01"), 0);
	checked("deal reopened");
	OK(deal_close(c, org, d, "lost", "price", "", "2026-01-22"));
	ck_assert_int_eq(closed_n(rep2, "2026-01-22", "broken_lost"), 1);
	ck_assert_int_eq(closed_n(rep2, "2026-01-22", "minutes_lost"), 90);
	checked("deal lost");

	/* the conversation without commitment moves to another day and
	 * becomes a stop: the deal is no longer broken */
	DBX(c, "UPDATE conversations SET held_on = '2026-01-19', outcome = 'stop', minutes = 50 WHERE org_id = $1 "
	    "AND id = $2", P_I(org), P_I(c2));
	ck_assert_int_eq(conv_n(rep1, "2026-01-20", "n"), 1);
	ck_assert_int_eq(conv_n(rep1, "2026-01-19", "stops"), 1);
	ck_assert_int_eq(closed_n(rep2, "2026-01-22", "broken_lost"), 0);
	ck_assert_int_eq(closed_n(rep2, "2026-01-22", "unbroken_lost"), 1);
	ck_assert_int_eq(closed_n(rep2, "2026-01-22", "minutes_lost"), 95);
	ck_assert_int_eq(closed_n(rep2, "2026-01-22", "closed_stop"), 1);
	checked("conversation edited");

	/* the second step slips: broken again; then missed */
	DBX(c, "UPDATE steps SET slips = 1, due = '2026-01-28' WHERE org_id = $1 AND id = $2", P_I(org), P_I(s2));
	ck_assert_int_eq(closed_n(rep2, "2026-01-22", "broken_lost"), 1);
	checked("step slipped");
	DBX(c, "UPDATE steps SET status = 'missed', done_on = '2026-02-01' WHERE org_id = $1 AND id = $2", P_I(org),
	    P_I(s2));
	ck_assert_int_eq(due_n(rep1, "2026-01-25", "n"), 1);
	ck_assert_int_eq(due_n(rep1, "2026-01-25", "kept_on_time"), 0);
	checked("step missed");
	/* cancelled: no longer due */
	DBX(c, "UPDATE steps SET status = 'cancelled' WHERE org_id = $1 AND id = $2", P_I(org), P_I(s2));
	ck_assert_int_eq(due_n(rep1, "2026-01-25", "n"), 0);
	checked("step cancelled");

	/* a third step on the deal, agreed on the 15th (between the two): the
	 * pairs become (10th, 15th) and (15th, 20th) */
	int64_t c4 = new_conv(rep2, d, "2026-01-15", "step", 3, 20);
	new_step(rep2, d, c4, "2026-01-15", "2026-01-18");
	ck_assert_int_eq(gaps_n("2026-01-20", "2026-01-10"), 0);
	ck_assert_int_eq(gaps_n("2026-01-15", "2026-01-10"), 1);
	ck_assert_int_eq(gaps_n("2026-01-20", "2026-01-15"), 1);
	checked("a step in between");

	/* the first conversation deleted: its step goes with it (cascade) */
	DBX(c, "DELETE FROM conversations WHERE org_id = $1 AND id = $2", P_I(org), P_I(c1));
	ck_assert_int_eq(conv_n(rep1, "2026-01-10", "n"), 0);
	ck_assert_int_eq(due_n(rep1, "2026-01-15", "n"), 0);
	ck_assert_int_eq(gaps_n("2026-01-15", "2026-01-10"), 0);
	checked("conversation deleted");

	/* the deal deleted: everything of it goes (cascades) */
	DBX(c, "DELETE FROM deals WHERE org_id = $1 AND id = $2", P_I(org), P_I(d));
	ck_assert_int_eq(closed_n(0, "2026-01-22", "unbroken_lost") + closed_n(0, "2026-01-22", "broken_lost"), 0);
	ck_assert_int_eq(conv_n(0, "2026-01-20", "n"), 0);
	ck_assert_int_eq(gaps_n("2026-01-20", "2026-01-15"), 0);
	checked("deal deleted");

	/* a deal imported already won, a conversation without a deal */
	int64_t d2 = DB_I64(c, 0, "INSERT INTO deals (org_id, title, account_id, value_minor, currency, owner_id, "
			    "stage_id, status, closed_on, created_on, stage_changed_on, created_at, updated_at) VALUES "
			    "($1, 'Old', $2, 1000, 'EUR', $3, $4, 'won', '2025-12-31', '2025-12-01', '2025-12-01', 0, 0) "
			    "RETURNING id", P_I(org), P_I(account), P_I(rep1), P_I(stage_open));
	ck_assert_int_gt(d2, 0);
	ck_assert_int_eq(closed_n(rep1, "2025-12-31", "unbroken_won"), 1);
	ck_assert_int_eq(won_month(rep1, "2025-12"), 1000);
	new_conv(rep2, 0, "2026-01-05", "none", 1, 10);
	ck_assert_int_eq(conv_n(rep2, "2026-01-05", "nones"), 1);
	checked("an imported deal, a conversation without a deal");

	/* rebuilt, the same */
	OK(rollups_rebuild(c, org));
	checked("rebuild");
}
END_TEST

/* the figures read from the roll-ups: a won deal that never broke (two
 * steps kept on time, 7 days apart) and a lost one that did (a conversation
 * without commitment); by rep and for the organisation */
START_TEST(figures_from_rollups)
{
	world();
	int64_t a = new_deal(rep1, 100), b = new_deal(rep2, 200);
	int64_t a1 = new_conv(rep1, a, "2026-03-01", "step", 5, 30);
	int64_t sa1 = new_step(rep1, a, a1, "2026-03-01", "2026-03-05");
	int64_t a2 = new_conv(rep1, a, "2026-03-08", "step", 4, 30);
	int64_t sa2 = new_step(rep1, a, a2, "2026-03-08", "2026-03-10");
	OK(step_keep(c, org, sa1, "2026-03-05"));
	OK(step_keep(c, org, sa2, "2026-03-09"));
	DBX(c, "UPDATE deals SET status = 'won', closed_on = '2026-03-12' WHERE org_id = $1 AND id = $2", P_I(org), P_I(a));
	new_conv(rep2, b, "2026-03-02", "none", 2, 40);
	new_conv(rep2, b, "2026-03-09", "stop", 1, 20);
	DBX(c, "UPDATE deals SET status = 'lost', closed_on = '2026-03-09' WHERE org_id = $1 AND id = $2", P_I(org), P_I(b));
	checked("the figures' data");

	struct arena *ar = arena_new();
	struct commitment_counts cc;
	double *gaps;
	size_t ng;
	struct figures_scope all = { 0 }, one = { .rep_id = rep1 };
	OK(figures_commitment(c, ar, org, &all, "2026-03-01", "2026-03-31", "2026-04-01", &cc, &gaps, &ng));
	ck_assert_int_eq(cc.conversations, 4);
	ck_assert_int_eq(cc.steps, 2);
	ck_assert_int_eq(cc.stops, 1);
	ck_assert_int_eq(cc.nones, 1);
	ck_assert_int_eq(cc.steps_due, 2);
	ck_assert_int_eq(cc.steps_kept_on_time, 2);
	ck_assert_int_eq(cc.unbroken_won, 1);
	ck_assert_int_eq(cc.broken_lost, 1);
	ck_assert_int_eq(cc.minutes_on_lost, 60);
	ck_assert_int_eq(cc.gut_closed[4], 1);
	ck_assert_int_eq(cc.gut_won[4], 1);
	ck_assert_int_eq(cc.gut_closed[1], 1);
	ck_assert_int_eq(cc.gut_won[1], 0);
	ck_assert_int_eq(cc.outcome_closed[OUTCOME_STEP], 2);
	ck_assert_int_eq(cc.outcome_won[OUTCOME_STEP], 2);
	ck_assert_int_eq(cc.outcome_closed[OUTCOME_NONE], 1);
	ck_assert_uint_eq(ng, 1);
	ck_assert(gaps[0] == 7.0);
	/* a period starting after the first step: the pair is not in it */
	OK(figures_commitment(c, ar, org, &all, "2026-03-02", "2026-03-31", "2026-04-01", &cc, &gaps, &ng));
	ck_assert_uint_eq(ng, 0);
	ck_assert_int_eq(cc.conversations, 3);
	/* steps due before today only */
	OK(figures_commitment(c, ar, org, &all, "2026-03-01", "2026-03-31", "2026-03-06", &cc, &gaps, &ng));
	ck_assert_int_eq(cc.steps_due, 1);
	/* Rita alone */
	OK(figures_commitment(c, ar, org, &one, "2026-03-01", "2026-03-31", "2026-04-01", &cc, &gaps, &ng));
	ck_assert_int_eq(cc.conversations, 2);
	ck_assert_int_eq(cc.unbroken_won, 1);
	ck_assert_int_eq(cc.broken_lost, 0);
	ck_assert_uint_eq(ng, 1);
	ck_assert(gaps[0] == 7.0);
	struct month_counts *m;
	size_t nm;
	OK(figures_monthly(c, ar, org, &all, "2026-01-01", "2026-03-31", &m, &nm));
	ck_assert_uint_eq(nm, 1);
	ck_assert_str_eq(m[0].month, "2026-03");
	ck_assert_int_eq(m[0].conversations, 4);
	arena_free(ar);
}
END_TEST

/* the open deals' signals (migration 0033) and the strung-along counts the
 * coach's inbox reads from them, worked out by hand with the default
 * settings (grace 3 days, 3 conversations without progress, 2 slips, 30
 * days) on 5 March: Rita's deal A has a step due on the 10th (fine), her
 * deal B none at all (strung along); Rob's deal C a step due on 20 February
 * (missed: strung along), his deal D is won (no signals) */
START_TEST(strung_counts_from_signals)
{
	world();
	const char *today = "2026-03-05";
	int64_t a = new_deal(rep1, 100), b = new_deal(rep1, 100), cd = new_deal(rep2, 100), dd = new_deal(rep2, 100);
	ck_assert_int_gt(b, 0);
	int64_t a1 = new_conv(rep1, a, "2026-03-01", "step", 4, 30);
	new_step(rep1, a, a1, "2026-03-01", "2026-03-10");
	int64_t c1 = new_conv(rep2, cd, "2026-02-15", "step", 3, 30);
	int64_t sc = new_step(rep2, cd, c1, "2026-02-15", "2026-02-20");
	DBX(c, "UPDATE deals SET status = 'won', closed_on = '2026-03-02' WHERE org_id = $1 AND id = $2", P_I(org),
	    P_I(dd));
	checked("four deals");
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM rollup_deal_signals WHERE org_id = $1", P_I(org)), 3);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT next_slips + missed_steps + convs_since_progress FROM rollup_deal_signals "
				"WHERE org_id = $1 AND deal_id = $2", P_I(org), P_I(a)), 1);

	struct arena *ar = arena_new();
	struct owner_count *oc;
	size_t n;
	OK(deal_strung_counts(c, ar, org, SCOPE_ALL, 0, &health_defaults, today, &oc, &n));
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(oc[0].owner_id, rep1 < rep2 ? rep1 : rep2);
	ck_assert_int_eq(oc[0].n, 1);
	ck_assert_int_eq(oc[1].n, 1);
	/* a rep sees their own only */
	OK(deal_strung_counts(c, ar, org, SCOPE_SELF, rep2, &health_defaults, today, &oc, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(oc[0].owner_id, rep2);

	/* Rob keeps the missed step late and agrees a new one for the 8th: C
	 * stalls (two conversations without progress) but is no longer strung
	 * along, so Rob drops out of the counts */
	OK(step_keep(c, org, sc, "2026-02-25"));
	int64_t c2 = new_conv(rep2, cd, "2026-03-04", "step", 4, 30);
	new_step(rep2, cd, c2, "2026-03-04", "2026-03-08");
	checked("a step kept, a new one agreed");
	OK(deal_strung_counts(c, ar, org, SCOPE_ALL, 0, &health_defaults, today, &oc, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(oc[0].owner_id, rep1);
	/* a third conversation without progress: strung along again */
	new_conv(rep2, cd, "2026-03-05", "none", 2, 10);
	OK(deal_strung_counts(c, ar, org, SCOPE_ALL, 0, &health_defaults, today, &oc, &n));
	ck_assert_uint_eq(n, 2);
	/* B lost: Rita's count is gone, and so is B's row */
	OK(deal_close(c, org, b, "lost", "price", "", today));
	checked("a deal lost");
	OK(deal_strung_counts(c, ar, org, SCOPE_ALL, 0, &health_defaults, today, &oc, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(oc[0].owner_id, rep2);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM rollup_deal_signals WHERE org_id = $1 AND deal_id = $2",
				P_I(org), P_I(b)), 0);
	/* rebuilt, the same rows */
	OK(rollups_rebuild(c, org));
	checked("rebuild");
	arena_free(ar);
}
END_TEST

/* a target row straight into the table (an import could write any period) */
static void raw_target(int64_t rep, const char *start, const char *end, int64_t amount)
{
	OK(DBX(c, "INSERT INTO targets (org_id, user_id, kind, period_start, period_end, amount_minor, currency, "
	       "created_at, updated_at) VALUES ($1, $2, 'month', $3, $4, $5, 'EUR', 0, 0)", P_I(org), P_I(rep),
	       P_T(start), P_T(end), P_I(amount)));
}

/* the month targets of migration 0040: kept by every write to targets, and a
 * grid of months read from them equals the same months read the long way
 * (targets row by row, beside a quarter that makes the grid take it) */
START_TEST(month_targets_in_the_rollup)
{
	world();
	struct period jan, feb, mar, q1, leap, ps[4];
	period_containing(PERIOD_MONTH, "2026-01-15", 1, &jan);
	period_containing(PERIOD_MONTH, "2026-02-15", 1, &feb);
	period_containing(PERIOD_MONTH, "2028-02-15", 1, &leap);
	ck_assert_str_eq(leap.end, "2028-02-29");
	period_containing(PERIOD_MONTH, "2026-03-15", 1, &mar);
	period_containing(PERIOD_QUARTER, "2026-03-15", 1, &q1);
	int64_t t_jan, t_q1, t_feb, t_leap;
	int created;
	OK(target_set(c, org, rep1, &jan, 1000, "EUR", &t_jan, &created));
	OK(target_set(c, org, rep1, &q1, 9000, "EUR", &t_q1, &created));
	OK(target_set(c, org, rep2, &feb, 2000, "EUR", &t_feb, &created));
	OK(target_set(c, org, rep2, &leap, 2900, "EUR", &t_leap, &created));
	/* Rita's March: two halves (the sum counts); Rob's: a half and the
	 * whole month (the whole month counts) */
	raw_target(rep1, "2026-03-01", "2026-03-15", 200);
	raw_target(rep1, "2026-03-16", "2026-03-31", 300);
	raw_target(rep2, "2026-03-01", "2026-03-15", 50);
	raw_target(rep2, "2026-03-01", "2026-03-31", 700);
	checked("targets set");
	ck_assert_int_eq(DB_I64(c, -1, "SELECT target_n * 10000 + exact_n * 1000 + exact_minor FROM rollup_won_months "
				"WHERE org_id = $1 AND rep_id = $2 AND month = '2026-03'", P_I(org), P_I(rep2)), 21700);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT exact_n FROM rollup_won_months WHERE org_id = $1 AND rep_id = $2 "
				"AND month = '2028-02'", P_I(org), P_I(rep2)), 1);
	/* won deals beside them */
	int64_t d1 = new_deal(rep1, 400), d2 = new_deal(rep2, 2500);
	DBX(c, "UPDATE deals SET status = 'won', closed_on = '2026-01-20' WHERE org_id = $1 AND id = $2", P_I(org), P_I(d1));
	DBX(c, "UPDATE deals SET status = 'won', closed_on = '2026-03-03' WHERE org_id = $1 AND id = $2", P_I(org), P_I(d2));
	/* changed and removed */
	OK(target_set(c, org, rep2, &feb, 2200, "EUR", &t_feb, &created));
	ck_assert_int_eq(created, 0);
	OK(target_delete(c, org, t_leap));
	checked("targets changed, deals won");

	struct arena *ar = arena_new();
	ps[0] = jan, ps[1] = feb, ps[2] = mar, ps[3] = q1;
	struct numbers_grid fast, slow;
	OK(numbers_grid_load(c, ar, org, NULL, ps, 3, RESULTS_DEALS, &fast));
	OK(numbers_grid_load(c, ar, org, NULL, ps, 4, RESULTS_DEALS, &slow));
	ck_assert_uint_eq(fast.nreps, 2);
	ck_assert_uint_eq(slow.nreps, 2);
	for (size_t i = 0; i < 2; i++)
		for (size_t j = 0; j < 3; j++) {
			ck_assert_int_eq(fast.has_target[i * 3 + j], slow.has_target[i * 4 + j]);
			ck_assert_int_eq(fast.target_minor[i * 3 + j], slow.target_minor[i * 4 + j]);
			ck_assert_int_eq(fast.result_minor[i * 3 + j], slow.result_minor[i * 4 + j]);
		}
	/* by hand: Rita (first by name) 1000, none, 500; won 400 in January;
	 * Rob none, 2200, 700; won 2500 in March */
	size_t ri = fast.reps[0].user_id == rep1 ? 0 : 1, ro = 1 - ri;
	ck_assert_int_eq(fast.target_minor[ri * 3 + 0], 1000);
	ck_assert_int_eq(fast.has_target[ri * 3 + 1], 0);
	ck_assert_int_eq(fast.target_minor[ri * 3 + 2], 500);
	ck_assert_int_eq(fast.result_minor[ri * 3 + 0], 400);
	ck_assert_int_eq(fast.has_target[ro * 3 + 0], 0);
	ck_assert_int_eq(fast.target_minor[ro * 3 + 1], 2200);
	ck_assert_int_eq(fast.target_minor[ro * 3 + 2], 700);
	ck_assert_int_eq(fast.result_minor[ro * 3 + 2], 2500);
	/* the quarter from its month targets' rule: its own target, 9000 */
	ck_assert_int_eq(slow.target_minor[ri * 4 + 3], 9000);
	OK(rollups_rebuild(c, org));
	checked("rebuild");
	arena_free(ar);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-rollups", 0))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "rollups-sqlite" : "rollups-postgresql");
	TCase *tc = tcase_create("rollups");
	tcase_add_test(tc, every_write_keeps_the_rollups);
	tcase_add_test(tc, figures_from_rollups);
	tcase_add_test(tc, strung_counts_from_signals);
	tcase_add_test(tc, month_targets_in_the_rollup);
	suite_add_tcase(s, tc);
	return store_harness_run(s);
}
