/* err: names and HTTP statuses of the outcome codes, kept in one table. */
#include "err.h"

static const struct {
	const char *name;
	int status;
} table[] = {
	[E_OK] = { "OK", 200 },
	[E_INVALID] = { "INVALID", 400 },
	[E_UNAUTHORIZED] = { "UNAUTHORIZED", 401 },
	[E_FORBIDDEN] = { "FORBIDDEN", 403 },
	[E_NOTFOUND] = { "NOTFOUND", 404 },
	[E_CONFLICT] = { "CONFLICT", 409 },
	[E_TOOLARGE] = { "TOOLARGE", 413 },
	[E_UNAVAILABLE] = { "UNAVAILABLE", 503 },
	[E_INTERNAL] = { "INTERNAL", 500 },
	[E_THROTTLED] = { "THROTTLED", 429 },
};

const char *err_name(enum err e)
{
	return (unsigned)e < sizeof(table) / sizeof(table[0]) ? table[e].name : "INTERNAL";
}

int err_http_status(enum err e)
{
	return (unsigned)e < sizeof(table) / sizeof(table[0]) ? table[e].status : 500;
}
