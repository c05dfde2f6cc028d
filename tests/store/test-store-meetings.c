/*
 * test-store-meetings: sales meetings, their agenda and attendance, and the
 * case library (store/meetings.c) against a real database (SG_TEST_DB as
 * for test-store: SQLite or PostgreSQL, fresh; unset: a temporary SQLite
 * file). Each test makes its own organisation; main runs the list forwards
 * and then backwards on the same database.
 */
#include "check-util.h"
#include "db/db.h"
#include "store/orgs.h"
#include "store/users.h"
#include "store/teams.h"
#include "store/meetings.h"
#include "domain/meetings.h"
#include "lib/arena.h"
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

/* an organisation with team North (manager Max; Rita, Rob and a deactivated
 * rep) and team South (manager Mia; Sam) */
struct world {
	struct arena *a;
	int64_t org, north, south, max, rita, rob, gone, sam, mia;
};

static void world_new(struct world *w)
{
	static int n;
	char slug[48], email[80];
	memset(w, 0, sizeof(*w));
	w->a = arena_new();
	snprintf(slug, sizeof(slug), "mt%d-%d", (int)getpid() % 100000, ++n);
	OK(org_create(c, slug, "Meetings Org", "en", "EUR", &w->org));
	const char *names[] = { "max", "rita", "rob", "gone", "sam", "mia" };
	int64_t *ids[] = { &w->max, &w->rita, &w->rob, &w->gone, &w->sam, &w->mia };
	for (int i = 0; i < 6; i++) {
		snprintf(email, sizeof(email), "%s-%lld@meet.test", names[i], (long long)w->org);
		OK(user_create(c, w->org, email, names[i], i == 0 || i == 5 ? "manager" : "rep", "x", ids[i]));
	}
	OK(team_create(c, w->org, "North", w->max, "", "", &w->north));
	OK(team_create(c, w->org, "South", w->mia, "", "", &w->south));
	OK(user_set_team(c, w->org, w->rita, w->north));
	OK(user_set_team(c, w->org, w->rob, w->north));
	OK(user_set_team(c, w->org, w->gone, w->north));
	OK(user_set_active(c, w->org, w->gone, 0));
	OK(user_set_team(c, w->org, w->sam, w->south));
}

static int64_t learning_rows(int64_t org, int64_t meeting)
{
	return DB_I64(c, -1, "SELECT count(*) FROM learning_activities WHERE org_id = $1 AND meeting_id = $2", P_I(org),
		      P_I(meeting));
}

START_TEST(meetings_agenda_and_prepared)
{
	struct world w;
	world_new(&w);
	int64_t m, other;
	OK(meeting_create(c, w.org, w.north, "Monday", "2026-11-16", "08:30", 45, w.max, &m));
	OK(meeting_create(c, w.org, w.south, "South", "2026-11-17", "09:00", 60, w.mia, &other));
	struct meeting x;
	OK(meeting_get(c, w.a, w.org, m, &x));
	ck_assert_str_eq(x.title, "Monday");
	ck_assert_str_eq(x.team_name, "North");
	ck_assert_str_eq(x.status, "planned");
	ck_assert_int_eq(x.minutes, 45);
	ck_assert_int_eq(x.cases + x.theories, 0);
	/* another organisation sees nothing of it */
	struct world w2;
	world_new(&w2);
	EXPECT(meeting_get(c, w.a, w2.org, m, &x), E_NOTFOUND);

	int64_t cs, topic, theory, item;
	OK(case_create(c, w.org, "Price objection", "s", "too expensive", "ask", 0, w.max, &cs));
	OK(meeting_item_add(c, w.org, m, "topic", "Pipeline", 0, 0, 0, &topic));
	OK(meeting_item_add(c, w.org, m, "theory", "SPIN, chapter 3", 0, 0, w.rita, &theory));
	OK(meeting_item_add(c, w.org, m, "case", "", cs, 0, w.rob, &item));
	OK(meeting_get(c, w.a, w.org, m, &x));
	ck_assert_int_eq(x.cases, 1);
	ck_assert_int_eq(x.theories, 1);
	ck_assert_str_eq(x.agenda_title, "Price objection");	/* a case before theory */
	struct meeting_item *items;
	size_t n;
	OK(meeting_items(c, w.a, w.org, m, &items, &n));
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(items[0].id, topic);
	ck_assert_str_eq(items[2].title, "Price objection");
	ck_assert_str_eq(items[1].presenter_name, "rita");
	/* move the case up twice: first; up again: nothing moves */
	OK(meeting_item_move(c, w.org, m, item, 1));
	OK(meeting_item_move(c, w.org, m, item, 1));
	OK(meeting_item_move(c, w.org, m, item, 1));
	OK(meeting_items(c, w.a, w.org, m, &items, &n));
	ck_assert_int_eq(items[0].id, item);
	ck_assert_int_eq(items[1].id, topic);
	ck_assert_int_eq(items[2].id, theory);
	OK(meeting_item_move(c, w.org, m, topic, 0));
	OK(meeting_items(c, w.a, w.org, m, &items, &n));
	ck_assert_int_eq(items[2].id, topic);
	/* an item of another meeting is not this one's */
	EXPECT(meeting_item_delete(c, w.org, other, topic), E_NOTFOUND);
	EXPECT(meeting_item_move(c, w.org, other, topic, 1), E_NOTFOUND);
	OK(meeting_item_delete(c, w.org, m, topic));
	EXPECT(meeting_item_delete(c, w.org, m, topic), E_NOTFOUND);
	/* prepared once; a second time is a conflict */
	OK(meeting_mark_prepared(c, w.org, m));
	EXPECT(meeting_mark_prepared(c, w.org, m), E_CONFLICT);
	OK(meeting_update(c, w.org, m, NULL, NULL, "10:00", 0, "notes"));
	OK(meeting_get(c, w.a, w.org, m, &x));
	ck_assert_str_eq(x.starts_at, "10:00");
	ck_assert_str_eq(x.notes, "notes");
	ck_assert_str_eq(x.title, "Monday");
	ck_assert_int_eq(x.minutes, 45);
	/* lists: a team's, from a day */
	struct meeting_list l;
	int64_t total;
	OK(meeting_list(c, w.a, w.org, w.north, "2026-01-01", 10, 0, &l, &total));
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(total, 1);
	OK(meeting_list(c, w.a, w.org, 0, NULL, 10, 0, &l, &total));
	ck_assert_uint_eq(l.n, 2);
	OK(meeting_list(c, w.a, w.org, w.north, "2026-11-17", 10, 0, &l, &total));
	ck_assert_uint_eq(l.n, 0);
	/* home: the South meeting has nothing on its agenda — Mia's to prepare, not Max's */
	OK(meeting_list_unprepared(c, w.a, w.org, w.mia, "2026-11-16", "2026-11-23", &l));
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.items[0].id, other);
	OK(meeting_list_unprepared(c, w.a, w.org, w.max, "2026-11-16", "2026-11-23", &l));
	ck_assert_uint_eq(l.n, 0);
	struct meeting_presenting *p;
	OK(meeting_list_presenting(c, w.a, w.org, w.rob, "2026-11-16", "2026-11-23", &p, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(p[0].title, "Price objection");
	/* the calendar feed: North's for Rita and Max, not for Sam */
	OK(meeting_list_feed(c, w.a, w.org, w.rita, "2026-11-01", &l));
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.items[0].id, m);
	OK(meeting_list_feed(c, w.a, w.org, w.max, "2026-11-01", &l));
	ck_assert_uint_eq(l.n, 1);
	OK(meeting_list_feed(c, w.a, w.org, w.sam, "2026-11-01", &l));
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.items[0].id, other);
	arena_free(w.a);
	arena_free(w2.a);
}
END_TEST

START_TEST(attendance_is_learning_once_per_member)
{
	struct world w;
	world_new(&w);
	int64_t m, cs;
	OK(case_create(c, w.org, "Silent buyer", "s", "no answer", "call", 0, w.max, &cs));
	OK(meeting_create(c, w.org, w.north, "Monday", "2026-11-16", "08:30", 45, w.max, &m));
	OK(meeting_item_add(c, w.org, m, "case", "", cs, 0, 0, NULL));
	struct meeting_member *mem;
	size_t n;
	OK(meeting_members(c, w.a, w.org, m, w.north, &mem, &n));
	ck_assert_uint_eq(n, 2);	/* Rita and Rob; not the deactivated rep, not Sam */
	const int64_t ids[] = { mem[0].user_id, mem[1].user_id };
	ck_assert_int_eq(mem[0].present, -1);
	int present[] = { 1, 0 };
	struct meeting_attendance_in in = { .meeting_id = m, .mark_held = 1, .members = ids, .present = present, .n = 2,
					    .kind = "practice_case", .title = "Sales meeting: Monday", .done_on = "2026-11-16",
					    .minutes = 45, .created_by = w.max };
	OK(meeting_attendance_save(c, w.org, &in));
	struct meeting x;
	OK(meeting_get(c, w.a, w.org, m, &x));
	ck_assert_str_eq(x.status, "held");
	ck_assert_int_eq(x.present, 1);
	ck_assert_int_eq(x.recorded, 2);
	ck_assert_int_eq(learning_rows(w.org, m), 1);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM learning_activities WHERE org_id = $1 AND meeting_id = $2 "
			       "AND rep_id = $3 AND origin = 'mandatory' AND kind = 'practice_case' AND minutes = 45 "
			       "AND done_on = '2026-11-16' AND status = 'done'", P_I(w.org), P_I(m), P_I(ids[0])), 1);
	/* saved again: replaced, never doubled */
	in.mark_held = 0;
	OK(meeting_attendance_save(c, w.org, &in));
	ck_assert_int_eq(learning_rows(w.org, m), 1);
	present[1] = 1;
	OK(meeting_attendance_save(c, w.org, &in));
	OK(meeting_attendance_save(c, w.org, &in));
	ck_assert_int_eq(learning_rows(w.org, m), 2);
	OK(meeting_members(c, w.a, w.org, m, w.north, &mem, &n));
	ck_assert_int_eq(mem[0].present + mem[1].present, 2);
	int64_t att, of;
	OK(meeting_attendance_count(c, w.org, ids[1], "2025-11-23", "2026-11-23", &att, &of));
	ck_assert_int_eq(att, 1);
	ck_assert_int_eq(of, 1);
	/* someone who has left the team since: a save that no longer lists
	 * them keeps their attendance and their learning activity */
	in.members = ids + 1;
	in.present = present + 1;
	in.n = 1;
	OK(meeting_attendance_save(c, w.org, &in));
	ck_assert_int_eq(learning_rows(w.org, m), 2);
	ck_assert_int_eq(DB_I64(c, -1, "SELECT count(*) FROM meeting_attendance WHERE org_id = $1 AND meeting_id = $2 "
			       "AND user_id = $3 AND present = 1", P_I(w.org), P_I(m), P_I(ids[0])), 1);
	in.members = ids;
	in.present = present;
	in.n = 2;
	/* the case was used: last used, presenter none, times 1 */
	struct practice_case pc;
	OK(case_get(c, w.a, w.org, cs, &pc));
	ck_assert_int_eq(pc.times_used, 1);
	ck_assert_str_eq(pc.last_used, "2026-11-16");
	/* an unknown meeting: nothing stored */
	in.meeting_id = m + 100000;
	EXPECT(meeting_attendance_save(c, w.org, &in), E_NOTFOUND);
	arena_free(w.a);
}
END_TEST

START_TEST(cases_last_used_and_recent)
{
	struct world w;
	world_new(&w);
	int64_t a, b, cc, d;
	OK(case_create(c, w.org, "A case", "s", "c", "g", 0, w.max, &a));
	OK(case_create(c, w.org, "B case", "s", "c", "g", 0, w.max, &b));
	OK(case_create(c, w.org, "C case", "s", "c", "g", 0, w.max, &cc));
	OK(case_create(c, w.org, "D case", "s", "c", "g", 0, w.max, &d));
	/* four held meetings of North: A (oldest), B, C, D newest; and one planned with A */
	const char *days[] = { "2026-09-01", "2026-10-01", "2026-10-15", "2026-11-01" };
	const int64_t used[] = { a, b, cc, d };
	for (int i = 0; i < 4; i++) {
		int64_t m;
		OK(meeting_create(c, w.org, w.north, "M", days[i], "09:00", 60, w.max, &m));
		OK(meeting_item_add(c, w.org, m, "case", "", used[i], 0, w.rita, NULL));
		struct meeting_attendance_in in = { .meeting_id = m, .mark_held = 1, .kind = "practice_case", .title = "M",
						    .done_on = days[i], .minutes = 60, .created_by = w.max };
		OK(meeting_attendance_save(c, w.org, &in));
	}
	int64_t planned;
	OK(meeting_create(c, w.org, w.north, "Next", "2026-12-01", "09:00", 60, w.max, &planned));
	OK(meeting_item_add(c, w.org, planned, "case", "", a, 0, 0, NULL));
	int64_t *recent;
	size_t nr;
	OK(case_recent_ids(c, w.a, w.org, w.north, &recent, &nr));
	ck_assert_uint_eq(nr, 3);
	ck_assert(!meeting_case_recent(a, recent, nr) && meeting_case_recent(b, recent, nr) &&
		  meeting_case_recent(cc, recent, nr) && meeting_case_recent(d, recent, nr));
	OK(case_recent_ids(c, w.a, w.org, w.south, &recent, &nr));
	ck_assert_uint_eq(nr, 0);
	struct practice_case pc;
	OK(case_get(c, w.a, w.org, a, &pc));
	ck_assert_int_eq(pc.times_used, 1);	/* the planned meeting does not count */
	ck_assert_str_eq(pc.last_used, "2026-09-01");
	ck_assert_str_eq(pc.last_presenter, "rita");
	/* a new case: never used, first in the rotation */
	int64_t e;
	OK(case_create(c, w.org, "Z new", "s", "c", "g", 0, w.max, &e));
	struct case_list l;
	OK(case_list(c, w.a, w.org, 0, &l));
	ck_assert_uint_eq(l.n, 5);
	struct case_rotation rot[5];
	for (size_t i = 0; i < l.n; i++)
		rot[i] = (struct case_rotation){ l.items[i].id, l.items[i].title, l.items[i].last_used, 0 };
	meeting_cases_rotate(rot, l.n);
	ck_assert_int_eq(rot[0].id, e);
	ck_assert_int_eq(rot[1].id, a);
	ck_assert_int_eq(rot[4].id, d);
	/* edit, retire, back in use */
	OK(case_update(c, w.org, b, "B renamed", NULL, NULL, "better", -1));
	OK(case_get(c, w.a, w.org, b, &pc));
	ck_assert_str_eq(pc.title, "B renamed");
	ck_assert_str_eq(pc.good_handling, "better");
	ck_assert_str_eq(pc.situation, "s");
	OK(case_retire(c, w.org, b, 1));
	OK(case_list(c, w.a, w.org, 0, &l));
	ck_assert_uint_eq(l.n, 4);
	OK(case_list(c, w.a, w.org, 1, &l));
	ck_assert_uint_eq(l.n, 5);
	OK(case_retire(c, w.org, b, 0));
	OK(case_get(c, w.a, w.org, b, &pc));
	ck_assert_int_eq(pc.retired_at, 0);
	EXPECT(case_retire(c, w.org, b + 100000, 1), E_NOTFOUND);
	arena_free(w.a);
}
END_TEST

int main(void)
{
	if (store_harness_open("test-store-meetings", 0))
		return EXIT_FAILURE;
	Suite *s = suite_create(db_kind(db) == DB_SQLITE ? "meetings-sqlite" : "meetings-postgresql");
	const TTest *tests[] = { meetings_agenda_and_prepared, attendance_is_learning_once_per_member,
				 cases_last_used_and_recent };
	TCase *fw = tcase_create("forwards"), *bw = tcase_create("backwards");
	size_t n = N_ELEMS(tests);
	for (size_t i = 0; i < n; i++) {
		tcase_add_test(fw, tests[i]);
		tcase_add_test(bw, tests[n - 1 - i]);
	}
	suite_add_tcase(s, fw);
	suite_add_tcase(s, bw);
	return store_harness_run(s);
}
