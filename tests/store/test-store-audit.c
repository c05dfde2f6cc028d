/*
 * test-store-audit: the audit log (store/audit.c, migration 0022) against a
 * real database (SG_TEST_DB: SQLite or PostgreSQL; unset: a temporary
 * SQLite file). Each kind of change writes exactly one row, with the right
 * fields before and after and the actor of the connection; a change that
 * fails after its write keeps neither the change nor a row; private text
 * never reaches a row (nor a webhook's secret, an API token or its hash);
 * UPDATE and DELETE of a row are refused by the
 * database itself, except the purge of rows older than the retention.
 * Each test makes its own organisation.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/audit.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/people.h"
#include "store/teams.h"
#include "store/deals.h"
#include "store/stages.h"
#include "store/reasons.h"
#include "store/numbers.h"
#include "store/settings.h"
#include "store/one-on-ones.h"
#include "store/improve.h"
#include "store/plans.h"
#include "store/pulse.h"
#include "store/assessments.h"
#include "store/learning.h"
#include "store/learning-log.h"
#include "store/webhooks.h"
#include "store/auth.h"
#include "store/traits.h"
#include "lib/arena.h"
#include "lib/util.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store-harness.h"

#define EXPECT(expr, want)                                                                     \
	do {                                                                                   \
		enum err e_ = (expr);                                                          \
		ck_assert_msg(e_ == (want), "%s: got %s, want %s (%s)", #expr, err_name(e_),   \
			      err_name(want), db_errmsg(c));                                   \
	} while (0)
#define OK(expr) EXPECT(expr, E_OK)

struct world {
	int64_t org, admin, max, rita, north;
	struct arena *a;
};

static const struct audit_filter all = { .kind = -1 };

static int64_t rows(int64_t org)
{
	int64_t n = -1;
	OK(audit_count(c, org, &all, &n));
	return n;
}

/* the newest row of the organisation */
static struct audit_row last(struct world *w)
{
	struct audit_row *r;
	size_t n;
	int more;
	OK(audit_list(c, w->a, w->org, &all, 1, 0, &r, &n, &more));
	ck_assert_uint_eq(n, 1);
	return r[0];
}

/* exactly one new row since *before, of this kind and action, with these
 * fields before and after */
static void one_row(struct world *w, int64_t *count, const char *kind, const char *action, const char *bj,
		    const char *aj)
{
	int64_t now = rows(w->org);
	ck_assert_msg(now == *count + 1, "%s %s: %lld rows written, want 1", kind, action,
		      (long long)(now - *count));
	*count = now;
	struct audit_row r = last(w);
	ck_str(r.kind, kind, "kind");
	ck_str(r.action, action, "action");
	if (bj)
		ck_str(r.before_json, bj, "before");
	if (aj)
		ck_str(r.after_json, aj, "after");
}

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "audit%d-%d", (int)getpid() % 100000, ++n);
	db_set_actor(c, 0, "cli");
	OK(org_create(c, slug, "Audit", "en", "EUR", &w->org));
	OK(stages_ensure(c, w->org, LANG_EN));
	struct { const char *who, *role; int64_t *id; } people[] = {
		{ "ann", "admin", &w->admin }, { "max", "manager", &w->max }, { "rita", "rep", &w->rita },
	};
	for (size_t i = 0; i < N_ELEMS(people); i++) {
		snprintf(email, sizeof(email), "%s@%s.test", people[i].who, slug);
		OK(user_create(c, w->org, email, people[i].who, people[i].role, "x", people[i].id));
	}
	OK(team_create(c, w->org, "North", w->max, "", "", &w->north));
	OK(user_set_team(c, w->org, w->rita, w->north));
	/* from here on, the admin is changing things on the web */
	db_set_actor(c, w->admin, "web");
}

START_TEST(people_and_settings)
{
	struct world w;
	world_new(&w);
	int64_t n = rows(w.org);
	/* team_create and user_set_team above wrote theirs, as the command line */
	ck_assert_int_eq(n, 2);
	struct audit_row first;
	{
		struct audit_row *r;
		size_t k;
		int more;
		OK(audit_list(c, w.a, w.org, &all, 2, 0, &r, &k, &more));
		first = r[1];
	}
	ck_str(first.via, "cli", "the team's creation came from the command line");
	ck_assert_int_eq(first.actor_id, 0);
	ck_str(first.after_json, "{\"name\":\"North\",\"manager\":\"max\",\"territory\":\"\",\"segment\":\"\",\"show_revenue\":\"1\"}",
	       "team created");

	/* a user with a team: one row, the team in it */
	const char *field, *msg;
	int64_t uid;
	struct new_user nu = { .email = "ron@x.test", .name = "Ron", .role = "rep", .team_id = w.north,
			       .password = "a long password 1" };
	OK(people_add_user(c, w.a, w.org, &nu, &uid, &field, &msg));
	one_row(&w, &n, "user", "create", "{}", NULL);
	struct audit_row r = last(&w);
	ck_assert_int_eq(r.actor_id, w.admin);
	ck_str(r.via, "web", "via");
	ck_assert_int_eq(r.object_id, uid);
	ck_assert_ptr_nonnull(strstr(r.after_json, "\"team\":\"North\""));
	ck_assert_ptr_nonnull(strstr(r.after_json, "\"password\":\"(private)\""));
	ck_assert_ptr_null(strstr(r.after_json, "argon"));

	OK(user_set_role(c, w.org, uid, "manager"));
	one_row(&w, &n, "user", "role", "{\"role\":\"rep\"}", "{\"role\":\"manager\"}");
	OK(user_set_team(c, w.org, uid, 0));
	one_row(&w, &n, "user", "team", "{\"team\":\"North\"}", "{\"team\":null}");
	OK(user_set_active(c, w.org, uid, 0));
	one_row(&w, &n, "user", "deactivate", "{\"active\":\"1\"}", "{\"active\":\"0\"}");
	OK(user_set_password(c, w.org, uid, "$argon2id$new"));
	one_row(&w, &n, "user", "password", "{\"password\":\"(private)\"}", "{\"password\":\"(private)\"}");
	/* the same role again changes nothing: no row */
	OK(user_set_role(c, w.org, uid, "manager"));
	ck_assert_int_eq(rows(w.org), n);

	OK(team_update(c, w.org, w.north, "North-East", w.max, "Benelux", ""));
	one_row(&w, &n, "team", "update", "{\"name\":\"North\",\"territory\":\"\"}",
		"{\"name\":\"North-East\",\"territory\":\"Benelux\"}");
	/* a refused change (the name is taken) leaves no row */
	int64_t south;
	OK(team_create(c, w.org, "South", 0, "", "", &south));
	one_row(&w, &n, "team", "create", "{}", NULL);
	EXPECT(team_create(c, w.org, "South", 0, "", "", NULL), E_CONFLICT);
	ck_assert_int_eq(rows(w.org), n);

	OK(setting_set_int(c, w.org, "health.max_slips", 4));
	one_row(&w, &n, "setting", "update", "{\"health.max_slips\":null}", "{\"health.max_slips\":\"4\"}");
	OK(setting_set_int(c, w.org, "health.max_slips", 5));
	one_row(&w, &n, "setting", "update", "{\"health.max_slips\":\"4\"}", "{\"health.max_slips\":\"5\"}");
	OK(audit_set_retention(c, w.org, 400));
	one_row(&w, &n, "setting", "update", NULL, "{\"audit.retention_days\":\"400\"}");
	ck_assert_int_eq(audit_retention_days(c, w.org), 400);
	EXPECT(audit_set_retention(c, w.org, 5), E_INVALID);

	int64_t rid;
	OK(reason_create(c, w.a, w.org, "Went quiet", &rid));
	one_row(&w, &n, "reason", "create", "{}", NULL);
	OK(reason_update(c, w.a, w.org, rid, "Ghosted", -1, 1));
	r = last(&w);
	ck_str(r.action, "retire", "action");
	ck_assert_ptr_nonnull(strstr(r.after_json, "\"label\":\"Ghosted\""));
	ck_assert_ptr_nonnull(strstr(r.after_json, "\"retired_at\":"));
	n = rows(w.org);

	struct stage s = { .name = "Pilot", .position = 25, .kind = "open" };
	int64_t sid;
	OK(stage_create(c, w.org, &s, &sid));
	one_row(&w, &n, "stage", "create", "{}", NULL);
	s.id = sid;
	s.definition = "A paid pilot runs";
	OK(stage_update(c, w.org, &s));
	one_row(&w, &n, "stage", "update", "{\"definition\":\"\"}", "{\"definition\":\"A paid pilot runs\"}");
	OK(stage_delete(c, w.org, sid));
	one_row(&w, &n, "stage", "delete", NULL, "{}");
	arena_free(w.a);
}
END_TEST

START_TEST(targets_and_deals)
{
	struct world w;
	world_new(&w);
	int64_t n = rows(w.org);
	struct period p;
	OK(period_parse("2026-11", 1, &p) ? E_INVALID : E_OK);
	int64_t tid;
	int created;
	OK(target_set(c, w.org, w.rita, &p, 1000000, "EUR", &tid, &created));
	one_row(&w, &n, "target", "create", "{}",
		"{\"person\":\"rita\",\"kind\":\"month\",\"period_start\":\"2026-11-01\",\"period_end\":\"2026-11-30\","
		"\"amount_minor\":\"1000000\",\"currency\":\"EUR\"}");
	OK(target_set(c, w.org, w.rita, &p, 1200000, "EUR", &tid, &created));
	one_row(&w, &n, "target", "update", "{\"amount_minor\":\"1000000\"}", "{\"amount_minor\":\"1200000\"}");
	ck_assert_int_eq(last(&w).object_id, tid);
	OK(target_delete(c, w.org, tid));
	one_row(&w, &n, "target", "delete", NULL, "{}");

	int64_t acc, deal, first_open, won, lost;
	OK(account_create(c, w.org, "Acme", w.rita, NULL, &acc));
	OK(stage_special(c, w.org, &first_open, &won, &lost));
	struct deal_input in = { .title = "Acme pilot", .account_id = acc, .value_minor = 500000, .currency = "EUR",
				 .owner_id = w.rita, .stage_id = first_open };
	OK(deal_create(c, w.org, &in, "2026-11-02", &deal));
	one_row(&w, &n, "deal", "create", "{}", NULL);
	ck_assert_int_eq(last(&w).object_id, deal);
	in.value_minor = 750000;
	in.owner_id = w.max;
	OK(deal_update(c, w.org, deal, &in, "2026-11-03"));
	one_row(&w, &n, "deal", "update", "{\"value_minor\":\"500000\",\"owner\":\"rita\"}",
		"{\"value_minor\":\"750000\",\"owner\":\"max\"}");
	OK(deal_close(c, w.org, deal, "won", NULL, "", "2026-11-04"));
	struct audit_row r = last(&w);
	one_row(&w, &n, "deal", "won", NULL, NULL);
	ck_assert_ptr_nonnull(strstr(r.before_json, "\"status\":\"open\""));
	ck_assert_ptr_nonnull(strstr(r.after_json, "\"status\":\"won\",\"closed_on\":\"2026-11-04\""));
	OK(deal_reopen(c, w.org, deal, "2026-11-05"));
	one_row(&w, &n, "deal", "reopen", NULL, NULL);
	/* a deal that is not there: no row */
	EXPECT(deal_reopen(c, w.org, deal + 1000, "2026-11-05"), E_NOTFOUND);
	ck_assert_int_eq(rows(w.org), n);
	arena_free(w.a);
}
END_TEST

START_TEST(private_content)
{
	struct world w;
	world_new(&w);
	int64_t n = rows(w.org);
	db_set_actor(c, w.max, "web");
	int64_t m;
	OK(ooo_create(c, w.org, w.rita, w.max, "2026-11-10", &m));
	one_row(&w, &n, "one_on_one", "create", "{}", NULL);
	OK(ooo_notes_set(c, w.org, m, "Rita felt the quota was unfair", "Thinking of leaving"));
	one_row(&w, &n, "one_on_one", "notes", "{\"shared_notes\":\"(private)\",\"private_notes\":\"(private)\"}",
		"{\"shared_notes\":\"(private)\",\"private_notes\":\"(private)\"}");
	int64_t pt;
	OK(ooo_point_add(c, w.org, m, w.max, "effort", "Great calls on Tuesday", &pt));
	one_row(&w, &n, "one_on_one", "point", NULL, "{\"points\":\"(private)\"}");

	int64_t ip;
	OK(improve_create(c, w.org, w.rita, "flag", "", "2026-11-10", "will", "Private diagnosis words", NULL, NULL,
			  w.max, &ip));
	one_row(&w, &n, "improvement", "create", "{}", NULL);
	OK(improve_decide_store(c, w.org, ip, "closed", "improved", NULL, 0, "Decision words", "2026-12-01"));
	one_row(&w, &n, "improvement", "decision", NULL, NULL);

	/* the pulse: "answered", nothing else */
	db_set_actor(c, w.rita, "web");
	OK(pulse_add(c, w.org, w.rita, w.north, "2026-W46", 2, 3, 5, "Exhausted by the pipeline review"));
	one_row(&w, &n, "pulse", "answered", "{}", "{}");
	ck_assert_int_eq(last(&w).object_id, 0);

	/* no private text anywhere in the organisation's log */
	struct audit_row *r;
	size_t k;
	int more;
	OK(audit_list(c, w.a, w.org, &all, AUDIT_EXPORT_MAX, 0, &r, &k, &more));
	static const char *const secrets[] = { "unfair", "leaving", "Tuesday", "diagnosis words", "Decision words",
					       "Exhausted", "\"2\"", "2026-W46" };
	for (size_t i = 0; i < k; i++)
		for (size_t j = 0; j < N_ELEMS(secrets); j++) {
			ck_assert_msg(!strstr(r[i].before_json, secrets[j]) && !strstr(r[i].after_json, secrets[j]),
				      "row %lld holds \"%s\"", (long long)r[i].id, secrets[j]);
		}
	arena_free(w.a);
}
END_TEST

/* the objects audited since review of issue 16: assessment rounds, the
 * learning log (its reflections and title as "changed" only), webhook
 * subscriptions (never the secret), API tokens (never the token or its
 * hash), traits and subskills */
START_TEST(rounds_learning_admin_objects)
{
	struct world w;
	world_new(&w);
	int64_t n = rows(w.org);

	/* a round for the team: one row for the round and its forms */
	db_set_actor(c, w.max, "web");
	struct new_round nr = { .name = "2026 H2", .opened_on = "2026-11-10", .due_on = "2026-12-01",
				.team_id = w.north, .opened_by = w.max };
	int64_t round = 0;
	OK(round_create(c, w.org, &nr, &round));
	one_row(&w, &n, "round", "create", "{}",
		"{\"name\":\"2026 H2\",\"team\":\"North\",\"opened_on\":\"2026-11-10\","
		"\"due_on\":\"2026-12-01\",\"status\":\"open\",\"forms\":\"2\"}");
	ck_assert_int_eq(last(&w).object_id, round);
	OK(round_close(c, w.org, round));
	one_row(&w, &n, "round", "close", "{\"status\":\"open\"}", "{\"status\":\"closed\"}");
	EXPECT(round_close(c, w.org, round), E_CONFLICT);
	ck_assert_int_eq(rows(w.org), n);

	/* the learning log: the reflections and the title never in a row */
	db_set_actor(c, w.rita, "web");
	struct new_learning l = { .rep_id = w.rita, .kind = "book", .title = "Secret book title", .origin = "self",
				  .done_on = "2026-11-09", .minutes = 90, .learned = "Learned words 7f3a",
				  .will_change = "Change words 7f3a", .created_by = w.rita };
	int64_t act = 0;
	OK(learning_add(c, w.org, &l, &act));
	one_row(&w, &n, "learning", "create", "{}",
		"{\"rep\":\"rita\",\"kind\":\"book\",\"title\":\"(private)\",\"origin\":\"self\","
		"\"status\":\"done\",\"done_on\":\"2026-11-09\",\"minutes\":\"90\","
		"\"learned\":\"(private)\",\"will_change\":\"(private)\"}");
	l.learned = "Other learned words 7f3a";
	OK(learning_update(c, w.org, act, &l));
	one_row(&w, &n, "learning", "update", "{\"learned\":\"(private)\"}", "{\"learned\":\"(private)\"}");
	OK(learning_delete(c, w.org, act));
	one_row(&w, &n, "learning", "delete", NULL, "{}");

	/* a webhook: its address and events, the secret as changed only */
	db_set_actor(c, w.admin, "web");
	int64_t hook = 0;
	OK(webhook_create(c, w.org, "https://hooks.example.test/in", "deal.won", "whsec_Secret7f3a", w.admin, &hook));
	one_row(&w, &n, "webhook", "create", "{}",
		"{\"url\":\"https://hooks.example.test/in\",\"events\":\"deal.won\",\"enabled\":\"1\","
		"\"secret\":\"(private)\"}");
	OK(webhook_update(c, w.org, hook, NULL, NULL, -1, "whsec_Other7f3a"));
	one_row(&w, &n, "webhook", "update", "{\"secret\":\"(private)\"}", "{\"secret\":\"(private)\"}");
	OK(webhook_update(c, w.org, hook, NULL, NULL, 0, NULL));
	one_row(&w, &n, "webhook", "update", "{\"enabled\":\"1\"}", "{\"enabled\":\"0\"}");
	OK(webhook_delete(c, w.org, hook));
	one_row(&w, &n, "webhook", "delete", NULL, "{}");
	EXPECT(webhook_delete(c, w.org, hook), E_NOTFOUND);
	ck_assert_int_eq(rows(w.org), n);

	/* an API token: whose and its label, never the token */
	const char *tok = NULL;
	OK(token_create(c, w.a, w.org, w.max, "CRM sync", &tok));
	one_row(&w, &n, "token", "create", "{}", "{\"person\":\"max\",\"label\":\"CRM sync\",\"revoked\":\"0\"}");
	int64_t tid = last(&w).object_id;
	ck_assert_int_gt(tid, 0);
	OK(token_revoke(c, w.org, 0, tid));
	one_row(&w, &n, "token", "revoke", "{\"revoked\":\"0\"}", "{\"revoked\":\"1\"}");
	char hash[65];
	sha256_hex(tok, hash);

	/* traits and subskills */
	struct trait_input ti = { .name = "Curiosity", .definition = "Asks", .position = 9 };
	int64_t trait = 0, sub = 0;
	OK(trait_create(c, w.org, &ti, &trait));
	one_row(&w, &n, "trait", "create", "{}", NULL);
	ti.name = "Curiosity at work";
	OK(trait_update(c, w.org, trait, &ti));
	one_row(&w, &n, "trait", "update", "{\"name\":\"Curiosity\"}", "{\"name\":\"Curiosity at work\"}");
	OK(subskill_create(c, w.org, trait, "Questions", "Open ones", 1, &sub));
	one_row(&w, &n, "subskill", "create", "{}",
		"{\"trait\":\"Curiosity at work\",\"name\":\"Questions\",\"definition\":\"Open ones\","
		"\"position\":\"1\"}");
	OK(subskill_update(c, w.org, sub, "Good questions", "Open ones", 1));
	one_row(&w, &n, "subskill", "update", "{\"name\":\"Questions\"}", "{\"name\":\"Good questions\"}");
	OK(subskill_set_retired(c, w.org, sub, 1));
	one_row(&w, &n, "subskill", "retire", "{\"retired_at\":null}", NULL);
	OK(trait_set_retired(c, w.org, trait, 1));
	one_row(&w, &n, "trait", "retire", "{\"retired_at\":null}", NULL);

	struct audit_row *r;
	size_t k;
	int more;
	OK(audit_list(c, w.a, w.org, &all, AUDIT_EXPORT_MAX, 0, &r, &k, &more));
	const char *const secrets[] = { "Secret book", "7f3a", tok, hash, "whsec" };
	for (size_t i = 0; i < k; i++)
		for (size_t j = 0; j < N_ELEMS(secrets); j++)
			ck_assert_msg(!strstr(r[i].before_json, secrets[j]) && !strstr(r[i].after_json, secrets[j]),
				      "row %lld holds \"%s\"", (long long)r[i].id, secrets[j]);
	arena_free(w.a);
}
END_TEST

START_TEST(failed_change_keeps_neither)
{
	struct world w;
	world_new(&w);
	int64_t n = rows(w.org);
	/* the write happens, then the change fails: rolled back with its row */
	struct audit_change ch;
	OK(audit_begin(c, &ch, AUDIT_USER, w.org, w.rita));
	OK(DBX(c, "UPDATE users SET role = 'admin' WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(w.rita)));
	EXPECT(audit_end(c, &ch, "role", w.rita, E_INTERNAL), E_INTERNAL);
	struct user u;
	OK(user_get(c, w.a, w.org, w.rita, &u));
	ck_str(u.role, "rep", "the role after the failed change");
	ck_assert_int_eq(rows(w.org), n);

	/* inside a caller's transaction that then rolls back: neither stays */
	OK(db_begin(c));
	OK(user_set_role(c, w.org, w.rita, "manager"));
	OK(db_rollback(c));
	OK(user_get(c, w.a, w.org, w.rita, &u));
	ck_str(u.role, "rep", "the role after the caller's rollback");
	ck_assert_int_eq(rows(w.org), n);

	/* a write that fails in the database (no such team): no row, and the
	 * connection is usable after it */
	EXPECT(user_set_team(c, w.org, w.rita, w.north + 100000), E_INVALID);
	ck_assert_int_eq(rows(w.org), n);
	OK(user_set_role(c, w.org, w.rita, "manager"));
	one_row(&w, &n, "user", "role", NULL, NULL);
	arena_free(w.a);
}
END_TEST

START_TEST(rows_cannot_be_changed)
{
	struct world w;
	world_new(&w);
	int64_t id = last(&w).id;
	/* the database refuses, whoever asks */
	ck_assert_int_ne(DBX(c, "UPDATE audit_log SET action = 'forged' WHERE org_id = $1 AND id = $2", P_I(w.org),
			     P_I(id)), E_OK);
	ck_assert_int_ne(DBX(c, "DELETE FROM audit_log WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(id)), E_OK);
	ck_str(last(&w).action, "team", "the row after the refused UPDATE");
	int64_t n = rows(w.org);
	ck_assert_int_eq(n, 2);

	/* the purge: rows older than the retention go, younger ones stay */
	int64_t old_at = now_epoch() - 731 * 86400;
	OK(DBX(c, "INSERT INTO audit_log (org_id, at, via, kind, action) VALUES ($1, $2, 'cli', 'user', 'create')",
	       P_I(w.org), P_I(old_at)));
	OK(DBX(c, "INSERT INTO audit_log (org_id, at, via, kind, action) VALUES ($1, $2, 'cli', 'user', 'create')",
	       P_I(w.org), P_I(now_epoch() - 700 * 86400)));
	ck_assert_int_eq(rows(w.org), n + 2);
	int64_t deleted = -1;
	OK(audit_purge(c, w.org, &deleted));
	ck_assert_int_eq(deleted, 1);
	ck_assert_int_eq(rows(w.org), n + 1);
	/* a shorter retention lets the purge take the 700-day-old row too;
	 * the database itself allows nothing younger */
	OK(audit_set_retention(c, w.org, 365));
	OK(audit_purge(c, w.org, &deleted));
	ck_assert_int_eq(deleted, 1);
	ck_assert_int_ne(DBX(c, "DELETE FROM audit_log WHERE org_id = $1", P_I(w.org)), E_OK);
	ck_assert_int_eq(rows(w.org), n + 1);	/* the retention's own row came */
	arena_free(w.a);
}
END_TEST

START_TEST(filters)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	db_set_actor(c, w.admin, "web");
	OK(user_set_role(c, w.org, w.rita, "manager"));
	db_set_actor(c, w.max, "api");
	OK(user_set_role(c, w.org, w.rita, "rep"));
	struct audit_filter f = { .kind = AUDIT_USER, .actor_id = w.admin };
	int64_t n;
	OK(audit_count(c, w.org, &f, &n));
	ck_assert_int_eq(n, 1);
	f.actor_id = 0;
	f.object_id = w.rita;
	OK(audit_count(c, w.org, &f, &n));
	ck_assert_int_eq(n, 3);	/* the team set at the start, two roles */
	f = (struct audit_filter){ .kind = -1, .via = "cli" };
	OK(audit_count(c, w.org, &f, &n));
	ck_assert_int_eq(n, 2);
	f = (struct audit_filter){ .kind = -1, .from = now_epoch() + 86400 };
	OK(audit_count(c, w.org, &f, &n));
	ck_assert_int_eq(n, 0);
	/* another organisation's rows are not this one's */
	ck_assert_int_eq(rows(x.org), 2);
	struct audit_row *r;
	size_t k;
	int more;
	OK(audit_list(c, w.a, w.org, &all, 2, 0, &r, &k, &more));
	ck_assert_uint_eq(k, 2);
	ck_assert(more);
	ck_assert_int_eq(r[0].actor_id, w.max);	/* newest first */
	ck_str(r[0].actor_name, "max", "actor name");
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-audit", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "audit-sqlite" : "audit-postgresql");
	TCase *tc = tcase_create("audit");
	tcase_add_test(tc, people_and_settings);
	tcase_add_test(tc, targets_and_deals);
	tcase_add_test(tc, private_content);
	tcase_add_test(tc, rounds_learning_admin_objects);
	tcase_add_test(tc, failed_change_keeps_neither);
	tcase_add_test(tc, rows_cannot_be_changed);
	tcase_add_test(tc, filters);
	suite_add_tcase(s, tc);
	return store_harness_run(s);
}
