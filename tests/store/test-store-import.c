/*
 * test-store-import: the deals import's bulk paths (issue 15) against a real
 * database (SG_TEST_DB as for test-store: SQLite or PostgreSQL, fresh; unset:
 * a temporary SQLite file). On PostgreSQL the new deals of a batch go to the
 * database by one COPY instead of an INSERT each; on SQLite row by row. The
 * tests hold both to the same results:
 *   - values that COPY's text format must escape (backslashes, "\N", tabs
 *     and line breaks inside quoted cells, non-ASCII) stored as given;
 *   - small batches with a bad row in the second batch: the row's error on
 *     its line, the valid rows kept (or, all-or-nothing, none);
 *   - a file that holds a deal twice, in one batch and across batches (the
 *     first still waiting for COPY when the second updates it);
 *   - a re-import of thousands of deals skips every row and writes nothing;
 *   - PostgreSQL: a COPY the server refuses names the row it refused (the
 *     import reports that row's line, not the line it had read up to).
 * Each test makes its own organisation.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/people.h"
#include "service/import.h"
#include "store/import-rows.h"
#include "store/stages.h"
#include "store/rollups.h"
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

/* an organisation with a rep, rita@<slug>.test */
static int64_t new_org(const char *what)
{
	static int n;
	char slug[48], email[80];
	int64_t id = 0, rep = 0;
	snprintf(slug, sizeof(slug), "i%d-%d-%s", (int)getpid() % 100000, ++n, what);
	OK(org_create(c, slug, what, "en", "EUR", &id));
	snprintf(email, sizeof(email), "rita@%s.test", slug);
	struct arena *a = arena_new();
	struct new_user nu = { .email = email, .name = "Rita Rep", .role = "rep" };
	const char *f = NULL, *m = NULL;
	OK(people_add_user(c, a, id, &nu, &rep, &f, &m));
	arena_free(a);
	return id;
}

static int64_t org_i64(const char *sql, int64_t org)
{
	return DB_I64(c, -1, sql, P_I(org));
}

/* one text of a deal by its external id, in s (cap bytes), "<null>" for NULL */
static const char *deal_text(int64_t org, const char *col, const char *ext, char *s, size_t cap)
{
	char sql[160];
	snprintf(sql, sizeof(sql), "SELECT %s FROM deals WHERE org_id = $1 AND external_id = $2", col);
	struct db_stmt *st = DBQ(c, sql, P_I(org), P_T(ext));
	snprintf(s, cap, "<none>");
	if (db_step(st) == DB_ROW)
		snprintf(s, cap, "%s", db_col_null(st, 0) ? "<null>" : db_col_text(st, 0));
	OK(db_finish(st));
	return s;
}

struct result {
	struct import_summary s;
	char first_error[256];
	size_t first_error_line;
};

static void run(int64_t org, const char *csv, int all_or_nothing, int create_missing, size_t batch_rows,
		struct result *out)
{
	struct arena *a = arena_new();
	struct strbuf err = STRBUF_INIT;
	struct import_options o = { .kind = IMPORT_DEALS, .preset = PRESET_AUTO, .all_or_nothing = all_or_nothing,
				    .create_missing = create_missing, .lang = LANG_EN, .batch_rows = batch_rows };
	memset(out, 0, sizeof(*out));
	enum err e = import_run(c, a, org, csv, strlen(csv), &o, &out->s, &err);
	ck_assert_msg(e == E_OK, "import: %s (%s)", err.buf, err_name(e));
	if (out->s.nerrors) {
		snprintf(out->first_error, sizeof(out->first_error), "%s", out->s.errors[0].message);
		out->first_error_line = out->s.errors[0].line;
	}
	out->s.errors = NULL;
	out->s.stages = NULL;
	sb_release(&err);
	arena_free(a);
}

#define COUNTS(s, r, cr, u, sk, f)                                                                      \
	do {                                                                                            \
		ck_assert_msg((s).read == (r) && (s).created == (cr) && (s).updated == (u) &&              \
			      (s).skipped == (sk) && (s).failed == (f),                                    \
			      "counts %zu/%zu/%zu/%zu/%zu, want %d/%d/%d/%d/%d", (s).read, (s).created,    \
			      (s).updated, (s).skipped, (s).failed, r, cr, u, sk, f);                      \
	} while (0)

static const char *slug_of(int64_t org, char *buf, size_t cap)
{
	struct db_stmt *st = DBQ(c, "SELECT slug FROM orgs WHERE id = $1", P_I(org));
	ck_assert_int_eq(db_step(st), DB_ROW);
	snprintf(buf, cap, "%s", db_col_text(st, 0));
	OK(db_finish(st));
	return buf;
}

START_TEST(import_escapes_stored_as_given)
{
	int64_t org = new_org("esc");
	char slug[64], csv[2048], v[256];
	slug_of(org, slug, sizeof(slug));
	snprintf(csv, sizeof(csv),
		 "id,owner,amount,title,account,product,status,close_date,lost_reason\n"
		 "e1,rita@%s.test,10.50,\"Back\\slash \\N and \\\\ two\",\"Acme \\t B.V.\",\"Tab\there\",open,,\n"
		 "e2,rita@%s.test,20,\"Zürich – ø\",Beta,\"Two\nlines\",lost,2026-02-03,\"too expensive for them\"\n"
		 "e3,rita@%s.test,30,\\N,\\N,,won,2026-02-04,\n",
		 slug, slug, slug);
	struct result r;
	run(org, csv, 0, 1, 0, &r);
	COUNTS(r.s, 3, 3, 0, 0, 0);
	ck_assert_str_eq(deal_text(org, "title", "e1", v, sizeof(v)), "Back\\slash \\N and \\\\ two");
	ck_assert_str_eq(deal_text(org, "title", "e2", v, sizeof(v)), "Zürich – ø");
	ck_assert_str_eq(deal_text(org, "title", "e3", v, sizeof(v)), "\\N");
	ck_assert_str_eq(deal_text(org, "expected_close", "e1", v, sizeof(v)), "<null>");
	ck_assert_str_eq(deal_text(org, "closed_on", "e2", v, sizeof(v)), "2026-02-03");
	ck_assert_str_eq(deal_text(org, "stage_changed_on", "e3", v, sizeof(v)), "2026-02-04");
	ck_assert_str_eq(deal_text(org, "lost_reason", "e1", v, sizeof(v)), "<null>");
	ck_assert_str_eq(deal_text(org, "status", "e3", v, sizeof(v)), "won");
	/* the import's own reading of tabs and line breaks in a cell, the same
	 * on both databases */
	char tab[256], nl[256];
	deal_text(org, "product", "e1", tab, sizeof(tab));
	deal_text(org, "product", "e2", nl, sizeof(nl));
	ck_assert_msg(!strcmp(tab, "Tab\there") || !strcmp(tab, "Tab here"), "product %s", tab);
	ck_assert_msg(!strcmp(nl, "Two\nlines") || !strcmp(nl, "Two lines"), "product %s", nl);
	ck_assert_int_eq(org_i64("SELECT count(*) FROM accounts WHERE org_id = $1 AND name = '\\N'", org), 1);
	ck_assert_int_eq(org_i64("SELECT count(*) FROM deals WHERE org_id = $1 AND import_run IS NOT NULL", org), 3);
	/* again: nothing to change */
	run(org, csv, 0, 1, 0, &r);
	COUNTS(r.s, 3, 0, 0, 3, 0);
}
END_TEST

/* n deals of rita's on three accounts, the amount of row bad_at "lots" */
static char *deals_csv(const char *slug, int n, int bad_at, int amount)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "id,owner,amount,title,account\n");
	for (int i = 1; i <= n; i++) {
		char num[24];
		snprintf(num, sizeof(num), "%d", amount);
		sb_addf(&sb, "d-%d,rita@%s.test,%s,Deal %d,Account %d\n", i, slug, i == bad_at ? "lots" : num, i, i % 3);
	}
	return sb_detach(&sb, NULL);
}

START_TEST(import_bad_row_in_second_batch)
{
	int64_t org = new_org("bad2");
	char slug[64];
	slug_of(org, slug, sizeof(slug));
	/* batches of 4: the bad row 6 (line 7) is in the second */
	char *csv = deals_csv(slug, 10, 6, 100);
	struct result r;
	run(org, csv, 1, 1, 4, &r);
	COUNTS(r.s, 10, 9, 0, 0, 1);
	ck_assert(r.s.rolled_back);
	ck_assert_int_eq(r.first_error_line, 7);
	ck_assert_msg(strstr(r.first_error, "lots") != NULL, "error: %s", r.first_error);
	ck_assert_int_eq(org_i64("SELECT count(*) FROM deals WHERE org_id = $1", org), 0);
	ck_assert_int_eq(org_i64("SELECT count(*) FROM accounts WHERE org_id = $1", org), 0);
	/* keep the valid: nine deals, the same error on the same line */
	run(org, csv, 0, 1, 4, &r);
	COUNTS(r.s, 10, 9, 0, 0, 1);
	ck_assert(!r.s.rolled_back);
	ck_assert_int_eq(r.first_error_line, 7);
	ck_assert_int_eq(org_i64("SELECT count(*) FROM deals WHERE org_id = $1", org), 9);
	ck_assert_int_eq(org_i64("SELECT count(*) FROM deals WHERE org_id = $1 AND external_id = 'd-6'", org), 0);
	ck_assert_int_eq(org_i64("SELECT sum(value_minor) FROM deals WHERE org_id = $1", org), 9 * 10000);
	free(csv);
}
END_TEST

START_TEST(import_same_deal_twice)
{
	int64_t org = new_org("twice");
	char slug[64], csv[1024], v[64];
	slug_of(org, slug, sizeof(slug));
	/* t-1 twice in the first batch of 3, t-2 in the first and the third */
	snprintf(csv, sizeof(csv),
		 "id,owner,amount,title,account\n"
		 "t-1,rita@%s.test,100,One,A\n"
		 "t-1,rita@%s.test,150,One,A\n"
		 "t-2,rita@%s.test,200,Two,A\n"
		 "t-3,rita@%s.test,300,Three,A\n"
		 "t-4,rita@%s.test,400,Four,A\n"
		 "t-5,rita@%s.test,500,Five,A\n"
		 "t-2,rita@%s.test,250,Two,A\n",
		 slug, slug, slug, slug, slug, slug, slug);
	struct result r;
	run(org, csv, 0, 1, 3, &r);
	COUNTS(r.s, 7, 5, 2, 0, 0);
	ck_assert_str_eq(deal_text(org, "value_minor", "t-1", v, sizeof(v)), "15000");
	ck_assert_str_eq(deal_text(org, "value_minor", "t-2", v, sizeof(v)), "25000");
	ck_assert_int_eq(org_i64("SELECT count(*) FROM deals WHERE org_id = $1", org), 5);
	/* all or nothing with a bad last row: the updates of its own deals go too */
	char bad[1200];
	snprintf(bad, sizeof(bad), "%s" "t-9,rita@%s.test,lots,Nine,A\n", csv, slug);
	int64_t org2 = new_org("twice2");
	char slug2[64];
	slug_of(org2, slug2, sizeof(slug2));
	/* the same rows for the second organisation's rep */
	struct strbuf sb = STRBUF_INIT;
	for (const char *p = bad; *p;) {
		const char *hit = strstr(p, slug);
		if (!hit) {
			sb_adds(&sb, p);
			break;
		}
		sb_add(&sb, p, (size_t)(hit - p));
		sb_adds(&sb, slug2);
		p = hit + strlen(slug);
	}
	run(org2, sb.buf, 1, 1, 3, &r);
	COUNTS(r.s, 8, 5, 2, 0, 1);
	ck_assert(r.s.rolled_back);
	ck_assert_int_eq(org_i64("SELECT count(*) FROM deals WHERE org_id = $1", org2), 0);
	sb_release(&sb);
}
END_TEST

/* an import's roll-ups: in batches of 2, with closed and open deals of two
 * reps and deals the file holds twice (open then won, won then lost, the
 * second time in another batch), they equal a full recomputation and the
 * won months hold the hand-added sums; so do they after a second import and
 * an update of its deal */
START_TEST(import_rollups_per_batch_equal_recomputation)
{
	int64_t org = new_org("rollups");
	char slug[64], csv[2048];
	slug_of(org, slug, sizeof(slug));
	struct arena *a = arena_new();
	char email[96];
	snprintf(email, sizeof(email), "sam@%s.test", slug);
	struct new_user nu = { .email = email, .name = "Sam Seller", .role = "rep" };
	const char *f = NULL, *m = NULL;
	int64_t sam = 0;
	OK(people_add_user(c, a, org, &nu, &sam, &f, &m));
	snprintf(csv, sizeof(csv),
		 "id,owner,amount,title,account,status,close_date,lost_reason\n"
		 "r-1,rita@%s.test,100,One,A,won,2026-03-02,\n"
		 "r-2,sam@%s.test,200,Two,B,won,2026-03-02,\n"
		 "r-3,rita@%s.test,300,Three,A,lost,2026-03-05,price\n"
		 "r-4,rita@%s.test,400,Four,C,open,2026-06-30,\n"
		 "r-5,sam@%s.test,500,Five,B,open,2026-07-31,\n"
		 "r-4,rita@%s.test,450,Four,C,won,2026-04-10,\n"
		 "r-6,rita@%s.test,600,Six,A,won,2026-04-11,\n"
		 "r-2,sam@%s.test,200,Two,B,lost,2026-03-09,competitor\n",
		 slug, slug, slug, slug, slug, slug, slug, slug);
	struct result r;
	run(org, csv, 0, 1, 2, &r);
	COUNTS(r.s, 8, 6, 2, 0, 0);
	struct strbuf out = STRBUF_INIT;
	int64_t ndiff = -1;
	OK(rollups_check(c, org, &out, &ndiff));
	ck_assert_msg(ndiff == 0, "roll-ups differ:\n%s", out.buf);
	/* won: r-1 100 (March), r-4 450 and r-6 600 (April), Rita's; r-2 is lost now */
	ck_assert_int_eq(org_i64("SELECT coalesce(sum(value_minor), 0) FROM rollup_won_months WHERE org_id = $1 "
				 "AND month = '2026-03'", org), 10000);
	ck_assert_int_eq(org_i64("SELECT coalesce(sum(value_minor), 0) FROM rollup_won_months WHERE org_id = $1 "
				 "AND month = '2026-04'", org), 105000);
	ck_assert_int_eq(org_i64("SELECT count(*) FROM rollup_won_months WHERE org_id = $1 AND n > 0", org), 2);
	/* the open deal r-5 has its signal row, the closed ones none */
	ck_assert_int_eq(org_i64("SELECT count(*) FROM rollup_deal_signals WHERE org_id = $1", org), 1);
	/* a second import, and an update of its deal */
	snprintf(csv, sizeof(csv), "id,owner,amount,title,account,status,close_date\n"
		 "r-7,sam@%s.test,700,Seven,B,won,2026-05-01\n", slug);
	struct import_options o = { .kind = IMPORT_DEALS, .preset = PRESET_AUTO, .create_missing = 1, .lang = LANG_EN };
	struct import_summary s;
	struct strbuf err = STRBUF_INIT;
	OK(import_run(c, a, org, csv, strlen(csv), &o, &s, &err));
	ck_assert_int_eq(org_i64("SELECT coalesce(sum(value_minor), 0) FROM rollup_won_months WHERE org_id = $1 "
				 "AND month = '2026-05'", org), 70000);
	OK(DBX(c, "UPDATE deals SET value_minor = 80000 WHERE org_id = $1 AND external_id = 'r-7'", P_I(org)));
	ck_assert_int_eq(org_i64("SELECT coalesce(sum(value_minor), 0) FROM rollup_won_months WHERE org_id = $1 "
				 "AND month = '2026-05'", org), 80000);
	sb_reset(&out);
	OK(rollups_check(c, org, &out, &ndiff));
	ck_assert_msg(ndiff == 0, "roll-ups differ:\n%s", out.buf);
	sb_release(&out);
	sb_release(&err);
	arena_free(a);
}
END_TEST

START_TEST(import_again_skips_everything)
{
	int64_t org = new_org("again");
	char slug[64];
	slug_of(org, slug, sizeof(slug));
	char *csv = deals_csv(slug, 3000, 0, 75);
	struct result r;
	run(org, csv, 0, 1, 500, &r);
	COUNTS(r.s, 3000, 3000, 0, 0, 0);
	int64_t runs = org_i64("SELECT count(*) FROM import_runs WHERE org_id = $1", org);
	int64_t updated = org_i64("SELECT max(updated_at) FROM deals WHERE org_id = $1", org);
	run(org, csv, 0, 1, 500, &r);
	COUNTS(r.s, 3000, 0, 0, 3000, 0);
	ck_assert_int_eq(org_i64("SELECT count(*) FROM deals WHERE org_id = $1", org), 3000);
	ck_assert_int_eq(org_i64("SELECT max(updated_at) FROM deals WHERE org_id = $1", org), updated);
	ck_assert_int_eq(org_i64("SELECT count(*) FROM import_undo_deals WHERE org_id = $1", org), 0);
	ck_assert_int_eq(org_i64("SELECT count(*) FROM import_runs WHERE org_id = $1 AND status = 'kept'", org),
			 runs + 1);
	free(csv);
}
END_TEST

/* PostgreSQL: three COPY rows, the third with the first's external id:
 * the server refuses the third, and says so */
START_TEST(copy_names_the_refused_row)
{
	if (!db_has_copy(c))
		return;	/* SQLite writes row by row: the failing row is the one written */
	int64_t org = new_org("copy");
	int64_t owner = org_i64("SELECT min(id) FROM users WHERE org_id = $1", org), account = 0, stage = 0;
	struct stage st = { .name = "Copy test", .definition = "", .commitment = "", .kind = "open", .position = 99 };
	OK(stage_create(c, org, &st, &stage));
	OK(import_rows_account_add(c, org, "Acme", 0, &account));
	struct import_deal d = { .title = "Deal", .account_id = account, .value_minor = 100, .owner_id = owner,
				 .stage_id = stage, .currency = "EUR", .product = "", .status = "open", .closed_on = "",
				 .expected_close = "", .lost_reason = "", .lost_note = "" };
	struct strbuf rows = STRBUF_INIT;
	import_rows_deal_copy_row(&rows, org, &d, "2026-01-01", "x-1", 1, 0);
	import_rows_deal_copy_row(&rows, org, &d, "2026-01-01", "x-2", 1, 0);
	import_rows_deal_copy_row(&rows, org, &d, "2026-01-01", "x-1", 1, 0);
	size_t bad = 99;
	OK(db_begin(c));
	enum err e = import_rows_deal_copy(c, &rows, &bad);
	db_rollback(c);
	ck_assert_msg(e == E_CONFLICT, "got %s", err_name(e));
	ck_assert_int_eq(bad, 3);
	/* the first two alone go in, and nothing is named */
	sb_reset(&rows);
	import_rows_deal_copy_row(&rows, org, &d, "2026-01-01", "x-1", 1, 0);
	import_rows_deal_copy_row(&rows, org, &d, "2026-01-01", "x-2", 1, 0);
	bad = 99;
	OK(import_rows_deal_copy(c, &rows, &bad));
	ck_assert_int_eq(bad, 0);
	ck_assert_int_eq(org_i64("SELECT count(*) FROM deals WHERE org_id = $1", org), 2);
	sb_release(&rows);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-import", STORE_HARNESS_QUIET))
		return EXIT_FAILURE;
	Suite *s = suite_create("store-import");
	TCase *tc = tcase_create("import");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, import_escapes_stored_as_given);
	tcase_add_test(tc, import_bad_row_in_second_batch);
	tcase_add_test(tc, import_same_deal_twice);
	tcase_add_test(tc, import_rollups_per_batch_equal_recomputation);
	tcase_add_test(tc, import_again_skips_everything);
	tcase_add_test(tc, copy_names_the_refused_row);
	suite_add_tcase(s, tc);
	return store_harness_run(s);
}
