/*
 * test-xalloc: the allocation policy and its guards. Each case that should
 * die runs in a child process (fork), so the test sees how it ended: by
 * SIGABRT, after a "fatal:"/"BUG:" line on stderr, and never by a sanitizer
 * report of memory written out of bounds.
 */
#include "check-util.h"
#include "lib/xalloc.h"
#include "lib/arena.h"
#include "lib/strbuf.h"
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* runs fn in a child; returns its stderr, and whether it died of SIGABRT */
static char *in_child(void (*fn)(void), int *aborted)
{
	int fds[2];
	ck_assert_int_eq(pipe(fds), 0);
	fflush(NULL);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		dup2(fds[1], 2);
		close(fds[0]);
		fn();
		_exit(0);
	}
	close(fds[1]);
	static char buf[4096];
	size_t n = 0;
	ssize_t got;
	while (n < sizeof(buf) - 1 && (got = read(fds[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += (size_t)got;
	buf[n] = '\0';
	close(fds[0]);
	int st = 0;
	waitpid(pid, &st, 0);
	*aborted = WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT;
	return buf;
}

static void third_alloc_fails(void)
{
	xalloc_fault_at(xalloc_count() + 3);
	free(xmalloc(10));
	free(xstrdup("two"));
	(void)xcalloc(4, 100);	/* the third: dies */
	fputs("survived\n", stderr);
}

static void arena_block_fails(void)
{
	struct arena *a = arena_new();
	xalloc_fault_at(xalloc_count() + 1);
	(void)arena_alloc(a, 100);	/* needs its first block */
	fputs("survived\n", stderr);
}

static void sb_grow_fails(void)
{
	struct strbuf sb = STRBUF_INIT;
	xalloc_fault_at(xalloc_count() + 1);
	sb_adds(&sb, "x");
	fputs("survived\n", stderr);
}

static void arena_huge(void)
{
	struct arena *a = arena_new();
	(void)arena_alloc(a, SIZE_MAX - 3);	/* rounding up would wrap to 0 */
	fputs("survived\n", stderr);
}

static void arena_array_overflow(void)
{
	struct arena *a = arena_new();
	(void)arena_allocarray(a, SIZE_MAX / 8 + 2, 8);
	fputs("survived\n", stderr);
}

static void calloc_overflow(void)
{
	(void)xcalloc(SIZE_MAX / 2 + 1, 4);
	fputs("survived\n", stderr);
}

static void setlen_past_end(void)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "abc");
	sb_setlen(&sb, sb.alloc);	/* the NUL would land one past the buffer */
	fputs("survived\n", stderr);
}

static void setlen_on_empty(void)
{
	struct strbuf sb = STRBUF_INIT;
	sb_setlen(&sb, 1);	/* would write into the static "" */
	fputs("survived\n", stderr);
}

static const struct {
	const char *what;
	void (*fn)(void);
	const char *says;
} dies[] = {
	{ "the third allocation", third_alloc_fails, "fatal: out of memory (tried to allocate 400 bytes)" },
	{ "an arena's block", arena_block_fails, "fatal: out of memory" },
	{ "a strbuf's growth", sb_grow_fails, "fatal: out of memory" },
	{ "arena_alloc near SIZE_MAX", arena_huge, "fatal: size overflow" },
	{ "arena_allocarray overflow", arena_array_overflow, "fatal: size overflow" },
	{ "xcalloc overflow", calloc_overflow, "fatal: size overflow" },
	{ "sb_setlen past the buffer", setlen_past_end, "BUG: sb_setlen" },
	{ "sb_setlen on the empty buffer", setlen_on_empty, "BUG: sb_setlen" },
};

START_TEST(dies_cleanly)
{
	int aborted = 0;
	const char *err = in_child(dies[_i].fn, &aborted);
	ck_assert_msg(aborted, "%s: not ended by SIGABRT; stderr: %s", dies[_i].what, err);
	ck_assert_msg(strstr(err, dies[_i].says), "%s: stderr lacks \"%s\": %s", dies[_i].what, dies[_i].says, err);
	ck_assert_msg(!strstr(err, "survived"), "%s went on", dies[_i].what);
	ck_assert_msg(!strstr(err, "Sanitizer"), "%s: sanitizer report: %s", dies[_i].what, err);
}
END_TEST

START_TEST(within_bounds_works)
{
	struct strbuf sb = STRBUF_INIT;
	sb_setlen(&sb, 0);	/* allowed on the static "" */
	ck_assert_str_eq(sb.buf, "");
	sb_adds(&sb, "abcdef");
	sb_setlen(&sb, 3);
	ck_assert_str_eq(sb.buf, "abc");
	sb_grow(&sb, 10);
	memcpy(sb.buf + 3, "xyz", 3);
	sb_setlen(&sb, 6);	/* taking up room sb_grow made */
	ck_assert_str_eq(sb.buf, "abcxyz");
	sb_release(&sb);
	char *s = xstrndup("hello", 3);
	ck_assert_str_eq(s, "hel");
	free(s);
	ck_assert_uint_eq(st_mult(3, 4), 12);
	ck_assert_uint_eq(st_add(3, 4), 7);
	struct arena *a = arena_new();
	int *v = arena_allocarray(a, 100, sizeof(int));
	v[99] = 1;
	arena_free(a);
	/* with no fault point set, counting goes on and nothing fails */
	xalloc_fault_at(0);
	unsigned long before = xalloc_count();
	free(xmalloc(1));
	ck_assert_uint_eq(xalloc_count(), before + 1);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("xalloc");
	TCase *tc = tcase_create("policy");
	tcase_add_loop_test(tc, dies_cleanly, 0, (int)N_ELEMS(dies));
	tcase_add_test(tc, within_bounds_works);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
