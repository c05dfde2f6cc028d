/*
 * test-audit: the domain rules of the audit log (issue 16) — the before /
 * after diff that becomes a row, the private-field table (text never
 * written, the pulse never at all), and the lines a stored row is shown as.
 */
#include "check-util.h"
#include "domain/audit.h"
#include "lib/arena.h"
#include <stdio.h>

START_TEST(diff_update_only_changed_fields)
{
	const char *names[] = { "name", "role", "active", "team" };
	const char *before[] = { "Anna", "rep", "1", NULL };
	const char *after[] = { "Anna", "manager", "1", "North" };
	struct strbuf bj = STRBUF_INIT, aj = STRBUF_INIT;
	int n = audit_diff(AUDIT_USER, names, before, after, 4, 1, 1, &bj, &aj);
	ck_assert_int_eq(n, 2);
	ck_str(bj.buf, "{\"role\":\"rep\",\"team\":null}", "before");
	ck_str(aj.buf, "{\"role\":\"manager\",\"team\":\"North\"}", "after");
	sb_release(&bj);
	sb_release(&aj);
}
END_TEST

START_TEST(diff_nothing_changed)
{
	const char *names[] = { "name" };
	const char *v[] = { "Anna" };
	struct strbuf bj = STRBUF_INIT, aj = STRBUF_INIT;
	ck_assert_int_eq(audit_diff(AUDIT_TEAM, names, v, v, 1, 1, 1, &bj, &aj), 0);
	ck_str(bj.buf, "{}", "before");
	ck_str(aj.buf, "{}", "after");
	sb_release(&bj);
	sb_release(&aj);
}
END_TEST

START_TEST(diff_create_and_delete)
{
	const char *names[] = { "title", "product", "lost_reason" };
	const char *vals[] = { "Big \"deal\"\n", "", NULL };
	struct strbuf bj = STRBUF_INIT, aj = STRBUF_INIT;
	/* a creation: every field set, NULLs left out; JSON escaped */
	ck_assert_int_eq(audit_diff(AUDIT_DEAL, names, NULL, vals, 3, 0, 1, &bj, &aj), 2);
	ck_str(bj.buf, "{}", "before of a creation");
	ck_str(aj.buf, "{\"title\":\"Big \\\"deal\\\"\\n\",\"product\":\"\"}", "after of a creation");
	sb_reset(&bj);
	sb_reset(&aj);
	ck_assert_int_eq(audit_diff(AUDIT_DEAL, names, vals, NULL, 3, 1, 0, &bj, &aj), 2);
	ck_str(aj.buf, "{}", "after of a deletion");
	sb_release(&bj);
	sb_release(&aj);
}
END_TEST

/* the private table, field by field */
START_TEST(privacy_table)
{
	static const struct {
		enum audit_kind kind;
		const char *field;
		enum audit_privacy want;
	} cases[] = {
		{ AUDIT_ONE_ON_ONE, "shared_notes", AUDIT_CHANGED_ONLY },
		{ AUDIT_ONE_ON_ONE, "private_notes", AUDIT_CHANGED_ONLY },
		{ AUDIT_ONE_ON_ONE, "points", AUDIT_CHANGED_ONLY },
		{ AUDIT_ONE_ON_ONE, "scheduled_on", AUDIT_PUBLIC },
		{ AUDIT_ASSESSMENT, "evidence", AUDIT_CHANGED_ONLY },
		{ AUDIT_ASSESSMENT, "scores", AUDIT_PUBLIC },
		{ AUDIT_IMPROVEMENT, "diagnosis_notes", AUDIT_CHANGED_ONLY },
		{ AUDIT_IMPROVEMENT, "decision_note", AUDIT_CHANGED_ONLY },
		{ AUDIT_IMPROVEMENT, "decision", AUDIT_PUBLIC },
		{ AUDIT_PLAN, "checkin_note", AUDIT_CHANGED_ONLY },
		{ AUDIT_PLAN, "title", AUDIT_CHANGED_ONLY },
		{ AUDIT_PLAN, "status", AUDIT_PUBLIC },
		{ AUDIT_DEAL, "title", AUDIT_PUBLIC },
		{ AUDIT_USER, "password", AUDIT_CHANGED_ONLY },
		{ AUDIT_USER, "role", AUDIT_PUBLIC },
		{ AUDIT_PULSE, "energy", AUDIT_NOT_LOGGED },
		{ AUDIT_PULSE, "comment", AUDIT_NOT_LOGGED },
		{ AUDIT_PULSE, NULL, AUDIT_NOT_LOGGED },
		/* the learning log: the rep's and their coach's */
		{ AUDIT_LEARNING, "learned", AUDIT_CHANGED_ONLY },
		{ AUDIT_LEARNING, "will_change", AUDIT_CHANGED_ONLY },
		{ AUDIT_LEARNING, "title", AUDIT_CHANGED_ONLY },
		{ AUDIT_LEARNING, "minutes", AUDIT_PUBLIC },
		{ AUDIT_WEBHOOK, "secret", AUDIT_CHANGED_ONLY },
		{ AUDIT_WEBHOOK, "url", AUDIT_PUBLIC },
		{ AUDIT_ROUND, "status", AUDIT_PUBLIC },
		{ AUDIT_TRAIT, "definition", AUDIT_PUBLIC },
		/* the same name on another kind is not private */
		{ AUDIT_DEAL, "private_notes", AUDIT_PUBLIC },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++)
		ck_assert_msg(audit_field_privacy(cases[i].kind, cases[i].field) == cases[i].want, "%s of %s",
			      cases[i].field ? cases[i].field : "(any)", audit_kind_name(cases[i].kind));
}
END_TEST

START_TEST(private_text_never_written)
{
	const char *names[] = { "status", "shared_notes", "private_notes" };
	const char *before[] = { "planned", "", "old secret" };
	const char *after[] = { "held", "we talked about the burn-out", "new secret" };
	struct strbuf bj = STRBUF_INIT, aj = STRBUF_INIT;
	ck_assert_int_eq(audit_diff(AUDIT_ONE_ON_ONE, names, before, after, 3, 1, 1, &bj, &aj), 3);
	ck_assert_ptr_null(strstr(bj.buf, "secret"));
	ck_assert_ptr_null(strstr(aj.buf, "secret"));
	ck_assert_ptr_null(strstr(aj.buf, "burn-out"));
	ck_str(aj.buf, "{\"status\":\"held\",\"shared_notes\":\"(private)\",\"private_notes\":\"(private)\"}", "after");
	sb_reset(&bj);
	sb_reset(&aj);
	/* a creation with an empty private field does not name it */
	const char *fresh[] = { "planned", "", "first words" };
	ck_assert_int_eq(audit_diff(AUDIT_ONE_ON_ONE, names, NULL, fresh, 3, 0, 1, &bj, &aj), 2);
	ck_str(aj.buf, "{\"status\":\"planned\",\"private_notes\":\"(private)\"}", "after of a creation");
	sb_reset(&bj);
	sb_reset(&aj);
	/* the pulse: no field at all */
	const char *pn[] = { "energy", "comment" };
	const char *pb[] = { "2", "tired" }, *pa[] = { "4", "better" };
	ck_assert_int_eq(audit_diff(AUDIT_PULSE, pn, pb, pa, 2, 1, 1, &bj, &aj), 0);
	ck_str(aj.buf, "{}", "pulse");
	sb_release(&bj);
	sb_release(&aj);
}
END_TEST

START_TEST(lines_of_a_row)
{
	struct arena *a = arena_new();
	struct audit_line *l;
	size_t n;
	ck_assert_int_eq(audit_lines(a, "{\"stage\":\"Demo\",\"closed_on\":null,\"private_notes\":\"(private)\"}",
				     "{\"stage\":\"Offer\",\"closed_on\":\"2026-12-01\",\"private_notes\":\"(private)\","
				     "\"status\":\"won\"}", &l, &n), 0);
	ck_assert_uint_eq(n, 4);
	ck_str(l[0].field, "stage", "field 0");
	ck_str(l[0].before, "Demo", "before 0");
	ck_str(l[0].after, "Offer", "after 0");
	ck_assert_ptr_null(l[1].before);
	ck_str(l[1].after, "2026-12-01", "after 1");
	ck_assert(l[2].private);
	ck_assert(!l[0].private);
	/* a field only in after comes last, with no before */
	ck_str(l[3].field, "status", "field 3");
	ck_assert_ptr_null(l[3].before);
	ck_str(l[3].after, "won", "after 3");
	/* not objects of strings: refused */
	ck_assert_int_eq(audit_lines(a, "[1]", "{}", &l, &n), -1);
	ck_assert_int_eq(audit_lines(a, "{\"a\":1}", "{}", &l, &n), -1);
	ck_assert_uint_eq(n, 0);
	arena_free(a);
}
END_TEST

START_TEST(kinds_and_labels)
{
	for (int k = 0; k < AUDIT_KIND_COUNT; k++) {
		ck_assert_int_eq(audit_kind_parse(audit_kind_name((enum audit_kind)k)), k);
		ck_assert(*audit_kind_label((enum audit_kind)k));
	}
	ck_assert_int_eq(audit_kind_parse("users; DROP"), -1);
	ck_assert_int_eq(audit_kind_parse(NULL), -1);
	ck_str(audit_field_label("lost_reason"), "reason lost", "field label");
	ck_assert_ptr_null(audit_field_label("health.max_slips"));
	ck_str(audit_action_label("reopen"), "reopened", "action label");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("audit");
	TCase *tc = tcase_create("diff");
	tcase_add_test(tc, diff_update_only_changed_fields);
	tcase_add_test(tc, diff_nothing_changed);
	tcase_add_test(tc, diff_create_and_delete);
	tcase_add_test(tc, privacy_table);
	tcase_add_test(tc, private_text_never_written);
	tcase_add_test(tc, lines_of_a_row);
	tcase_add_test(tc, kinds_and_labels);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
