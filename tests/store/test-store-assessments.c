/*
 * test-store-assessments: the competency framework (store/traits.c) and the
 * assessments (store/assessments.c) against a real database (SG_TEST_DB as
 * for test-store: SQLite or PostgreSQL, fresh; unset: a temporary SQLite
 * file). Each test makes its own organisation; main runs the list forwards
 * and then backwards on the same database.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/traits.h"
#include "lib/arena.h"
#include "lib/assets.h"
#include "lib/i18n.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct db *db;
static struct db_conn *c;
static char tmpdir[64], tmpfile_[128];

#define EXPECT(expr, want)                                                                     \
	do {                                                                                   \
		enum err e_ = (expr);                                                          \
		ck_assert_msg(e_ == (want), "%s: got %s, want %s (%s)", #expr, err_name(e_),   \
			      err_name(want), db_errmsg(c));                                   \
	} while (0)
#define OK(expr) EXPECT(expr, E_OK)

struct world {
	int64_t org;
	struct arena *a;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "as%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Assess Org", "en", "EUR", &w->org));
}

static void world_free(struct world *w)
{
	arena_free(w->a);
}

/* a new organisation has the five traits of the articles, in order, with
 * their anchors and sub-skills */
START_TEST(traits_seeded_on_create)
{
	struct world w;
	world_new(&w);
	struct trait_list l;
	OK(trait_list(c, w.a, w.org, LANG_EN, TRAITS_ACTIVE, &l));
	ck_assert_int_eq(l.n, 5);
	const char *codes[] = { "goal", "accountable", "learning", "motivated", "customer" };
	for (size_t i = 0; i < 5; i++) {
		ck_assert_str_eq(l.items[i].code, codes[i]);
		ck_assert(*l.items[i].definition && *l.items[i].anchor1 && *l.items[i].anchor3 && *l.items[i].anchor5);
		ck_assert_int_ge(l.items[i].nsubskills, 3);
		ck_assert_int_eq(l.items[i].retired_at, 0);
	}
	ck_assert_str_eq(l.items[0].name, "Goal-oriented");
	ck_assert_str_eq(l.items[0].subskills[0].name, "Winning the customer's trust");
	ck_assert_str_eq(l.items[4].name, "Customer-oriented");
	ck_assert_str_eq(l.items[4].subskills[2].name, "Closing the deal");
	/* seeding again adds nothing */
	OK(traits_seed(c, w.org));
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM traits WHERE org_id = $1", P_I(w.org)), 5);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM subskills WHERE org_id = $1", P_I(w.org)), 20);
	world_free(&w);
}
END_TEST

/* an unchanged default is shown in the reader's language; a renamed one
 * as typed */
START_TEST(traits_default_texts_translated)
{
	struct world w;
	world_new(&w);
	struct trait_list l;
	OK(trait_list(c, w.a, w.org, LANG_NL, TRAITS_ACTIVE, &l));
	ck_assert_str_eq(l.items[0].name, "Doelgericht");
	ck_assert_str_eq(l.items[4].subskills[0].name, "De juiste vragen stellen");
	OK(trait_list(c, w.a, w.org, LANG_NB, TRAITS_ACTIVE, &l));
	ck_assert_str_eq(l.items[2].name, "Lærevillig");
	OK(DBX(c, "UPDATE traits SET name = 'Hungry' WHERE org_id = $1 AND code = 'motivated'", P_I(w.org)));
	OK(trait_list(c, w.a, w.org, LANG_NL, TRAITS_ACTIVE, &l));
	ck_assert_str_eq(l.items[3].name, "Hungry");
	ck_assert_str_eq(l.items[3].definition,
			 "Gedreven om de targets te overstijgen; zet door als het moeilijk is en ziet problemen "
			 "als kansen om te groeien.");
	world_free(&w);
}
END_TEST

/* retired traits and sub-skills are left out of the active list and kept
 * in the full one; nothing crosses organisations */
START_TEST(traits_retired_and_scoped)
{
	struct world w, x;
	world_new(&w);
	world_new(&x);
	OK(DBX(c, "UPDATE traits SET retired_at = 1 WHERE org_id = $1 AND code = 'learning'", P_I(w.org)));
	int64_t sub = DB_I64(c, 0, "SELECT s.id FROM subskills s JOIN traits t ON t.org_id = s.org_id AND "
			     "t.id = s.trait_id WHERE s.org_id = $1 AND t.code = 'goal' ORDER BY s.position LIMIT 1",
			     P_I(w.org));
	OK(DBX(c, "UPDATE subskills SET retired_at = 1 WHERE org_id = $1 AND id = $2", P_I(w.org), P_I(sub)));
	struct trait_list l;
	OK(trait_list(c, w.a, w.org, LANG_EN, TRAITS_ACTIVE, &l));
	ck_assert_int_eq(l.n, 4);
	ck_assert_str_eq(l.items[2].code, "motivated");
	ck_assert_int_eq(l.items[0].nsubskills, 4);
	OK(trait_list(c, w.a, w.org, LANG_EN, TRAITS_ALL, &l));
	ck_assert_int_eq(l.n, 5);
	ck_assert_int_ne(l.items[2].retired_at, 0);
	ck_assert_int_eq(l.items[0].nsubskills, 5);
	ck_assert_int_ne(l.items[0].subskills[0].retired_at, 0);
	struct trait t;
	OK(trait_get(c, w.a, w.org, LANG_EN, l.items[2].id, &t));
	ck_assert_str_eq(t.code, "learning");
	ck_assert_int_eq(t.nsubskills, 4);
	EXPECT(trait_get(c, w.a, x.org, LANG_EN, l.items[2].id, &t), E_NOTFOUND);
	/* the other organisation's framework is untouched */
	OK(trait_list(c, x.a, x.org, LANG_EN, TRAITS_ACTIVE, &l));
	ck_assert_int_eq(l.n, 5);
	world_free(&w);
	world_free(&x);
}
END_TEST

static void cleanup(void)
{
	if (c)
		db_release(c);
	c = NULL;
	db_close(db);
	db = NULL;
	if (tmpfile_[0]) {
		char p[160];
		unlink(tmpfile_);
		snprintf(p, sizeof(p), "%s-wal", tmpfile_);
		unlink(p);
		snprintf(p, sizeof(p), "%s-shm", tmpfile_);
		unlink(p);
		rmdir(tmpdir);
	}
}

int main(void)
{
	const char *url = getenv("SG_TEST_DB");
	char urlbuf[160];
	if (!url || !*url || !strcmp(url, "sqlite:")) {
		snprintf(tmpdir, sizeof(tmpdir), "/tmp/sg-store-XXXXXX");
		if (!mkdtemp(tmpdir)) {
			perror("mkdtemp");
			return EXIT_FAILURE;
		}
		snprintf(tmpfile_, sizeof(tmpfile_), "%s/test.db", tmpdir);
		snprintf(urlbuf, sizeof(urlbuf), "sqlite:%s", tmpfile_);
		url = urlbuf;
	}
	const struct asset *mo;
	if ((mo = asset_find("po/nl.mo")))
		i18n_load(LANG_NL, mo->data, mo->len);
	if ((mo = asset_find("po/nb.mo")))
		i18n_load(LANG_NB, mo->data, mo->len);
	struct strbuf err = STRBUF_INIT;
	int applied = 0;
	if (db_open(url, 1, &db, &err) != E_OK || !(c = db_acquire(db, &err)) ||
	    db_migrate(c, &err, &applied) != E_OK) {
		fprintf(stderr, "test-store-assessments: cannot open and migrate %s: %s\n", url, err.buf);
		sb_release(&err);
		cleanup();
		return EXIT_FAILURE;
	}
	sb_release(&err);
	fprintf(stderr, "test-store-assessments: on %s\n", db_kind(db) == DB_SQLITE ? "SQLite" : "PostgreSQL");

	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "assessments-sqlite" : "assessments-postgresql");
	const TTest *tests[] = {
		traits_seeded_on_create, traits_default_texts_translated, traits_retired_and_scoped,
	};
	TCase *fw = tcase_create("forwards"), *bw = tcase_create("backwards");
	size_t n = N_ELEMS(tests);
	for (size_t i = 0; i < n; i++) {
		tcase_add_test(fw, tests[i]);
		tcase_add_test(bw, tests[n - 1 - i]);
	}
	suite_add_tcase(s, fw);
	suite_add_tcase(s, bw);
	SRunner *sr = srunner_create(s);
	srunner_set_fork_status(sr, CK_NOFORK);	/* one connection */
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	cleanup();
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
