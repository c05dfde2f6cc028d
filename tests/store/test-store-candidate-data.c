/*
 * test-store-candidate-data: candidates' data (store/candidate-data.c,
 * jobs/candidate-retention.c) against a real database (SG_TEST_DB: SQLite
 * or PostgreSQL; unset: a temporary SQLite file):
 *   - the retention sweep anonymises exactly the due candidates (retain_until
 *     before today, not anonymised yet) of the organisation asked, empties
 *     their contact details, notes, conversations' notes and stop notes and
 *     scorecards' evidence, and keeps every row and what the funnel counts
 *     (source, stage, status, stop reasons, scores); a second run does
 *     nothing; an audit row per candidate holds no content;
 *   - the export holds the candidate, conversations, steps, invitations,
 *     interviews and scorecards with their scores and evidence;
 *   - erasing leaves no row about the candidate in any table that has a
 *     candidate_id column (read from the schema, so a table added later is
 *     checked too) nor in scorecard_scores, leaves the other candidates'
 *     rows, and writes an audit row "erase" without content;
 *   - the duplicate check finds an e-mail case-insensitively, only in the
 *     organisation.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/traits.h"
#include "store/recruit.h"
#include "store/candidate-data.h"
#include "jobs/candidate-retention.h"
#include "lib/arena.h"
#include "lib/strbuf.h"
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
#define TODAY "2026-11-25"

struct world {
	int64_t org, max, rita, ann, trait;
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "canddata%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Candidate data", "en", "EUR", &w->org));
	struct { const char *who, *role; int64_t *id; } people[] = {
		{ "max", "manager", &w->max }, { "rita", "rep", &w->rita }, { "ann", "admin", &w->ann },
	};
	for (size_t i = 0; i < N_ELEMS(people); i++) {
		snprintf(email, sizeof(email), "%s@%s.test", people[i].who, slug);
		OK(user_create(c, w->org, email, people[i].who, people[i].role, "x", people[i].id));
	}
	w->trait = DB_I64(c, 0, "SELECT id FROM traits WHERE org_id = $1 ORDER BY id LIMIT 1", P_I(w->org));
	if (!w->trait) {
		OK(traits_seed(c, w->org));
		w->trait = DB_I64(c, 0, "SELECT id FROM traits WHERE org_id = $1 ORDER BY id LIMIT 1", P_I(w->org));
	}
	ck_assert_int_gt(w->trait, 0);
}

static int64_t add(struct world *w, const char *name, const char *email, const char *retain)
{
	struct candidate_new cn = { name, email, "+31 6 1234", "referral", "Account manager", "Globex", "saas, north",
				    "Strong in enterprise", w->max, "2026-01-02", retain, w->max, "2026-01-02" };
	int64_t id = 0;
	OK(candidate_add(c, w->org, &cn, &id));
	return id;
}

/* a conversation ending in a step, then one in a stop with its note; an
 * invitation; an interview with Rita's submitted scorecard (score 4, evidence) */
static void fill(struct world *w, int64_t id)
{
	struct candidate_conv_new cv = { .candidate_id = id, .author_id = w->max, .kind = "meeting",
					 .held_on = "2026-01-05", .notes = "Talked about the role", .outcome = "step",
					 .step_what = "Sends CV", .step_who = "them", .step_due = "2026-01-12",
					 .retain_until = "2026-02-01" };
	int64_t conv;
	OK(candidate_conv_add(c, w->org, &cv, &conv));
	struct candidate x;
	OK(candidate_get(c, w->a, w->org, id, w->max, &x));
	struct candidate_conv_new stop = { .candidate_id = id, .author_id = w->max, .kind = "call",
					   .held_on = "2026-01-12", .notes = "Called back", .outcome = "stop",
					   .stop_reason = "pay", .stop_note = "Wants 20% more", .open_step_id = x.step_id,
					   .open_status = STEP_S_KEPT, .retain_until = "2026-02-01" };
	OK(candidate_conv_add(c, w->org, &stop, &conv));
	OK(candidate_invite(c, w->org, id, w->rita, w->max));
	OK(DBX(c, "INSERT INTO interviews (org_id, candidate_id, held_on, kind, created_by, created_at) "
	       "VALUES ($1, $2, '2026-01-10', 'interview', $3, 1)", P_I(w->org), P_I(id), P_I(w->max)));
	int64_t iv = DB_I64(c, 0, "SELECT max(id) FROM interviews WHERE org_id = $1 AND candidate_id = $2", P_I(w->org),
			    P_I(id));
	OK(DBX(c, "INSERT INTO scorecards (org_id, interview_id, candidate_id, interviewer_id, status, recommendation, "
	       "submitted_at, created_at) VALUES ($1, $2, $3, $4, 'submitted', 'yes', 2, 1)",
	       P_I(w->org), P_I(iv), P_I(id), P_I(w->rita)));
	int64_t sc = DB_I64(c, 0, "SELECT max(id) FROM scorecards WHERE org_id = $1 AND candidate_id = $2", P_I(w->org),
			    P_I(id));
	OK(DBX(c, "INSERT INTO scorecard_scores (org_id, scorecard_id, trait_id, score, evidence) "
	       "VALUES ($1, $2, $3, 4, 'Told how she won Initech back')", P_I(w->org), P_I(sc), P_I(w->trait)));
}

static int64_t count(const char *sql, int64_t org, int64_t id)
{
	return DB_I64(c, -1, sql, P_I(org), P_I(id));
}

static const char *text(struct world *w, const char *sql, int64_t org, int64_t id)
{
	struct db_stmt *st = DBQ(c, sql, P_I(org), P_I(id));
	const char *s = db_step(st) == DB_ROW ? arena_strdup(w->a, db_col_null(st, 0) ? "(null)" : db_col_text(st, 0))
					       : "(no row)";
	db_finish(st);
	return s;
}

START_TEST(anonymise_keeps_counts)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	int64_t due = add(&w, "Sanne de Vries", "sanne@example.test", "2026-11-24");
	int64_t kept = add(&w, "Daan Kok", "daan@example.test", TODAY);	/* today is still kept */
	int64_t other = add(&x, "Olaf Other", "olaf@example.test", "2026-01-01");
	fill(&w, due);
	fill(&w, kept);
	/* a conversation moves retain_until: set again, as the test needs */
	OK(DBX(c, "UPDATE candidates SET retain_until = '2026-11-24' WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(due)));
	OK(DBX(c, "UPDATE candidates SET retain_until = $3 WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(kept),
	       P_T(TODAY)));
	int64_t n = 0;
	OK(candidate_retention_run(c, w.org, TODAY, &n));
	ck_assert_int_eq(n, 1);
	char want[64];
	snprintf(want, sizeof(want), "Anonymised candidate #%lld", (long long)due);
	ck_str(text(&w, "SELECT name FROM candidates WHERE org_id = $1 AND id = $2", w.org, due), want, "the name");
	ck_str(text(&w, "SELECT email || phone || job_title || company || tags || notes FROM candidates "
		    "WHERE org_id = $1 AND id = $2", w.org, due), "", "contact, role, tags, notes emptied");
	ck_str(text(&w, "SELECT anonymised_at FROM candidates WHERE org_id = $1 AND id = $2", w.org, due), TODAY,
	       "anonymised_at");
	/* what the funnel counts stays */
	ck_str(text(&w, "SELECT source || '/' || status || '/' || created_on || '/' || retain_until FROM candidates "
		    "WHERE org_id = $1 AND id = $2", w.org, due), "referral/stopped/2026-01-02/2026-11-24", "kept");
	ck_assert_int_eq(count("SELECT count(*) FROM candidate_conversations WHERE org_id = $1 AND candidate_id = $2",
			       w.org, due), 2);
	ck_assert_int_eq(count("SELECT count(*) FROM candidate_conversations WHERE org_id = $1 AND candidate_id = $2 "
			       "AND notes = ''", w.org, due), 2);
	ck_str(text(&w, "SELECT stop_reason || '|' || stop_note FROM candidate_conversations WHERE org_id = $1 AND "
		    "candidate_id = $2 AND outcome = 'stop'", w.org, due), "pay|", "stop reason kept, note emptied");
	ck_str(text(&w, "SELECT stop_note FROM candidate_conversations WHERE org_id = $1 AND candidate_id = $2 AND "
		    "outcome = 'step'", w.org, due), "(null)", "a step's stop note stays NULL");
	ck_assert_int_eq(count("SELECT count(*) FROM candidate_steps WHERE org_id = $1 AND candidate_id = $2", w.org,
			       due), 1);
	ck_str(text(&w, "SELECT x.score || '|' || x.evidence FROM scorecard_scores x JOIN scorecards s ON "
		    "s.org_id = x.org_id AND s.id = x.scorecard_id WHERE x.org_id = $1 AND s.candidate_id = $2",
		    w.org, due), "4|", "score kept, evidence emptied");
	ck_assert_int_eq(count("SELECT count(*) FROM candidate_invitations WHERE org_id = $1 AND candidate_id = $2",
			       w.org, due), 1);
	/* the audit row: no content */
	ck_str(text(&w, "SELECT action || before_json || after_json FROM audit_log WHERE org_id = $1 AND "
		    "kind = 'candidate' AND object_id = $2", w.org, due), "anonymise{}{}", "audit row");
	/* the one kept until today, untouched */
	ck_str(text(&w, "SELECT name || '|' || email || '|' || notes FROM candidates WHERE org_id = $1 AND id = $2",
		    w.org, kept), "Daan Kok|daan@example.test|Strong in enterprise", "not due");
	ck_str(text(&w, "SELECT x.evidence FROM scorecard_scores x JOIN scorecards s ON s.org_id = x.org_id AND "
		    "s.id = x.scorecard_id WHERE x.org_id = $1 AND s.candidate_id = $2", w.org, kept),
	       "Told how she won Initech back", "not due: evidence kept");
	/* another organisation's due candidate: not this run's */
	ck_str(text(&x, "SELECT name FROM candidates WHERE org_id = $1 AND id = $2", x.org, other), "Olaf Other",
	       "other organisation");
	/* once only */
	OK(candidate_retention_run(c, w.org, TODAY, &n));
	ck_assert_int_eq(n, 0);
	EXPECT(candidate_anonymise(c, w.org, due, TODAY), E_CONFLICT);
	EXPECT(candidate_anonymise(c, x.org, due, TODAY), E_NOTFOUND);
	ck_assert_int_eq(count("SELECT count(*) FROM audit_log WHERE org_id = $1 AND kind = 'candidate' AND "
			       "object_id = $2", w.org, due), 1);
	/* every organisation: the other one's now */
	OK(candidate_retention_run(c, 0, TODAY, &n));
	ck_assert_int_ge(n, 1);
	ck_str(text(&x, "SELECT anonymised_at FROM candidates WHERE org_id = $1 AND id = $2", x.org, other), TODAY,
	       "every organisation");
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

START_TEST(export_holds_everything)
{
	struct world w;
	world_new(&w);
	int64_t id = add(&w, "Sanne de Vries", "sanne@example.test", "2027-11-24");
	fill(&w, id);
	json_t *j = NULL;
	OK(candidate_export(c, w.org, id, &j));
	ck_str(json_string_value(json_object_get(json_object_get(j, "candidate"), "email")), "sanne@example.test",
	       "candidate");
	ck_assert_uint_eq(json_array_size(json_object_get(j, "conversations")), 2);
	ck_assert_uint_eq(json_array_size(json_object_get(j, "steps")), 1);
	ck_assert_uint_eq(json_array_size(json_object_get(j, "invitations")), 1);
	ck_assert_uint_eq(json_array_size(json_object_get(j, "interviews")), 1);
	json_t *cards = json_object_get(j, "scorecards");
	ck_assert_uint_eq(json_array_size(cards), 1);
	json_t *sc = json_array_get(json_object_get(json_array_get(cards, 0), "scores"), 0);
	ck_assert_int_eq(json_integer_value(json_object_get(sc, "score")), 4);
	ck_str(json_string_value(json_object_get(sc, "evidence")), "Told how she won Initech back", "evidence");
	json_decref(j);
	struct world x;
	world_new(&x);
	EXPECT(candidate_export(c, x.org, id, &j), E_NOTFOUND);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

/* the tables with a candidate_id column, from the schema */
static size_t candidate_tables(struct world *w, const char **out, size_t max)
{
	const char *sql = db_kind(db) == DB_SQLITE
				  ? "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE "
				    "m.type = 'table' AND p.name = 'candidate_id' ORDER BY m.name"
				  : "SELECT table_name FROM information_schema.columns WHERE column_name = 'candidate_id' "
				    "AND table_schema = current_schema() ORDER BY table_name";
	struct db_stmt *st = db_query(c, sql, NULL, 0);
	size_t n = 0;
	while (db_step(st) == DB_ROW && n < max)
		out[n++] = arena_strdup(w->a, db_col_text(st, 0));
	db_finish(st);
	return n;
}

START_TEST(erase_leaves_nothing)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	int64_t gone = add(&w, "Sanne de Vries", "sanne@example.test", "2027-11-24");
	int64_t stays = add(&w, "Daan Kok", "daan@example.test", "2027-11-24");
	fill(&w, gone);
	fill(&w, stays);
	EXPECT(candidate_erase(c, x.org, gone), E_NOTFOUND);
	OK(candidate_erase(c, w.org, gone));
	const char *tables[32];
	size_t nt = candidate_tables(&w, tables, N_ELEMS(tables));
	ck_assert_uint_ge(nt, 5);	/* conversations, steps, invitations, interviews, scorecards */
	for (size_t i = 0; i < nt; i++) {
		/* the table's name comes from the schema, not from a user */
		char sql[200];
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s WHERE org_id = $1 AND candidate_id = $2", tables[i]);
		ck_assert_msg(count(sql, w.org, gone) == 0, "%s still holds rows about the erased candidate", tables[i]);
		/* the tables fill() writes: the other candidate's rows stay */
		if (strstr("candidate_conversations candidate_steps candidate_invitations interviews scorecards",
			   tables[i]))
			ck_assert_msg(count(sql, w.org, stays) > 0, "%s lost the other candidate's rows", tables[i]);
	}
	ck_assert_int_eq(count("SELECT count(*) FROM candidates WHERE org_id = $1 AND id = $2", w.org, gone), 0);
	ck_assert_int_eq(count("SELECT count(*) FROM scorecard_scores x WHERE x.org_id = $1 AND NOT EXISTS "
			       "(SELECT 1 FROM scorecards s WHERE s.org_id = x.org_id AND s.id = x.scorecard_id) "
			       "AND $2 > 0", w.org, gone), 0);
	ck_assert_int_eq(count("SELECT count(*) FROM scorecard_scores WHERE org_id = $1 AND $2 > 0", w.org, gone), 1);
	ck_str(text(&w, "SELECT action || before_json || after_json FROM audit_log WHERE org_id = $1 AND "
		    "kind = 'candidate' AND object_id = $2", w.org, gone), "erase{}{}", "audit row");
	EXPECT(candidate_erase(c, w.org, gone), E_NOTFOUND);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

START_TEST(duplicate_email)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	int64_t id = add(&w, "Sanne de Vries", "sanne@example.test", "2027-11-24");
	add(&w, "No Mail", "", "2027-11-24");
	add(&w, "Sanne Again", "sanne@example.test", "2027-11-24");
	struct candidate_dup found = { -1, NULL };
	OK(candidate_by_email(c, w.a, w.org, "Sanne@Example.TEST", &found));
	ck_assert_int_eq(found.id, id);
	ck_str(found.name, "Sanne de Vries", "the oldest, with its name");
	OK(candidate_by_email(c, w.a, w.org, "", &found));
	ck_assert_int_eq(found.id, 0);
	OK(candidate_by_email(c, w.a, x.org, "sanne@example.test", &found));
	ck_assert_int_eq(found.id, 0);
	arena_free(w.a);
	arena_free(x.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-candidate-data", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "candidate-data-sqlite" : "candidate-data-postgresql");
	TCase *tc = tcase_create("candidate data");
	tcase_add_test(tc, anonymise_keeps_counts);
	tcase_add_test(tc, export_holds_everything);
	tcase_add_test(tc, erase_leaves_nothing);
	tcase_add_test(tc, duplicate_email);
	suite_add_tcase(s, tc);
	return store_harness_run(s);
}
