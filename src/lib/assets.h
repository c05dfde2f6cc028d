/*
 * assets: files built into the binary by tools/embed.c — static web files
 * (static/...), migrations (migrations/...), compiled catalogs (po/...) and
 * the API's OpenAPI description (api/openapi.json).
 * Nothing is read from disk or fetched at run time.
 */
#ifndef SG_ASSETS_H
#define SG_ASSETS_H
#include <stddef.h>

struct asset {
	const char *name;
	const unsigned char *data;
	size_t len;
};

extern const struct asset assets[];
extern const size_t assets_count;

const struct asset *asset_find(const char *name);

#endif
