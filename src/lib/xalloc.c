/*
 * xalloc: see xalloc.h. The fault point is read from the environment once,
 * on the first allocation; the counter is atomic so that the server's worker
 * threads count one sequence.
 */
#include "xalloc.h"
#include <limits.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static atomic_ulong n_allocs;
/* ULONG_MAX: not read yet; 0: no fault */
static atomic_ulong fault_at = ULONG_MAX;

void xalloc_fault_at(unsigned long n)
{
	atomic_store(&fault_at, n);
}

unsigned long xalloc_count(void)
{
	return atomic_load(&n_allocs);
}

/* 1 when this allocation is the one to fail */
static int fault(void)
{
	unsigned long at = atomic_load(&fault_at);
	if (at == ULONG_MAX) {
		const char *s = getenv("SG_FAULT_ALLOC");
		char *end;
		unsigned long v = s && *s ? strtoul(s, &end, 10) : 0;
		if (s && *s && *end)
			v = 0;
		/* another thread may have read it already: same answer */
		atomic_compare_exchange_strong(&fault_at, &at, v == ULONG_MAX ? 0 : v);
		at = atomic_load(&fault_at);
	}
	unsigned long n = atomic_fetch_add(&n_allocs, 1) + 1;
	return at && n == at;
}

_Noreturn void die_nomem(size_t asked)
{
	fprintf(stderr, "fatal: out of memory (tried to allocate %zu bytes)\n", asked);
	abort();
}

size_t st_add(size_t a, size_t b)
{
	if (a > SIZE_MAX - b) {
		fprintf(stderr, "fatal: size overflow: %zu + %zu\n", a, b);
		abort();
	}
	return a + b;
}

size_t st_mult(size_t a, size_t b)
{
	if (b && a > SIZE_MAX / b) {
		fprintf(stderr, "fatal: size overflow: %zu * %zu\n", a, b);
		abort();
	}
	return a * b;
}

void *xmalloc(size_t n)
{
	void *p = fault() ? NULL : malloc(n ? n : 1);
	if (!p)
		die_nomem(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	size_t total = st_mult(n, size);
	void *p = fault() ? NULL : calloc(1, total ? total : 1);
	if (!p)
		die_nomem(total);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = fault() ? NULL : realloc(p, n ? n : 1);
	if (!q)
		die_nomem(n);
	return q;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	return xrealloc(p, st_mult(n, size));
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s);
	char *p = xmalloc(st_add(n, 1));
	memcpy(p, s, n + 1);
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(st_add(len, 1));
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
