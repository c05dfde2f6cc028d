/*
 * xalloc: the one allocation policy (after git's wrapper.c). Every direct
 * malloc/calloc/realloc/strdup in the program goes through these; on failure
 * they print what they were asked for and abort, since there is no sane way
 * to go on halfway through a request or a migration. Sizes that are products
 * or sums are checked for overflow before anything is allocated.
 *
 * Fault injection (after SQLite's fault.c): with SG_FAULT_ALLOC=N in the
 * environment the Nth allocation made through this file (counting from 1, in
 * any thread) fails as if the system were out of memory, so tests can walk
 * every allocation of a command and see each one end cleanly.
 */
#ifndef SG_XALLOC_H
#define SG_XALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
/* zeroed; n * size is checked */
void *xcalloc(size_t n, size_t size);
/* n * size is checked; p may be NULL */
void *xreallocarray(void *p, size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* a + b and a * b, aborting on overflow (git's st_add/st_mult) */
size_t st_add(size_t a, size_t b);
size_t st_mult(size_t a, size_t b);

/* prints "fatal: out of memory (…)" and aborts */
_Noreturn void die_nomem(size_t asked);

/* for the tests: how many allocations were made so far (the N to give
 * SG_FAULT_ALLOC), and a way to set the fault point without the environment
 * (0 = never) */
unsigned long xalloc_count(void);
void xalloc_fault_at(unsigned long n);

#endif
