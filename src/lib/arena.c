/*
 * arena: bump allocation in 8 KiB blocks; big requests get a block of their own.
 */
#include "arena.h"
#include "xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 8192

struct block {
	struct block *next;
	size_t used, size;
	_Alignas(16) unsigned char data[];
};

struct deferred {
	struct deferred *next;
	void (*fn)(void *);
	void *arg;
};

struct arena {
	struct block *head;
	struct deferred *defers;
};

struct arena *arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	for (struct deferred *d = a->defers; d; d = d->next)
		d->fn(d->arg);
	struct block *b = a->head;
	while (b) {
		struct block *n = b->next;
		free(b);
		b = n;
	}
	/* the deferred records live in blocks, already freed */
	free(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
	/* rounding up and the block header must not wrap around: a size near
	 * SIZE_MAX (a miscomputed length) dies here instead of getting a tiny block */
	n = st_add(n, 15) & ~(size_t)15;
	if (!n)
		n = 16;
	struct block *b = a->head;
	if (!b || b->size - b->used < n) {
		size_t size = n > BLOCK / 2 ? n : BLOCK;
		struct block *nb = xcalloc(1, st_add(sizeof(*nb), size));
		nb->size = size;
		if (size == n && b) {
			/* keep the partly used block at the head */
			nb->next = b->next;
			b->next = nb;
			nb->used = n;
			return nb->data;
		}
		nb->next = b;
		a->head = b = nb;
	}
	void *p = b->data + b->used;
	b->used += n;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, st_add(n, 1));
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

void *arena_allocarray(struct arena *a, size_t n, size_t size)
{
	return arena_alloc(a, st_mult(n, size));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap, cp;
	va_start(ap, fmt);
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void arena_defer(struct arena *a, void (*fn)(void *), void *arg)
{
	struct deferred *d = arena_alloc(a, sizeof(*d));
	d->fn = fn;
	d->arg = arg;
	d->next = a->defers;
	a->defers = d;
}
