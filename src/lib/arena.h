/*
 * arena: a per-request memory pool (after h2o's mem pool). Everything a request
 * needs is taken from its arena and released in one go when the request
 * completes, so handlers have no free() paths to get wrong.
 */
#ifndef SG_ARENA_H
#define SG_ARENA_H
#include <stdarg.h>
#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);	/* zeroed, 16-aligned */
/* n elements of size bytes, the product checked for overflow */
void *arena_allocarray(struct arena *a, size_t n, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Registers cleanup run at arena_free, last registered first. */
void arena_defer(struct arena *a, void (*fn)(void *), void *arg);

#endif
