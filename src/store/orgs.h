/* orgs: queries on organisations (tenants). */
#ifndef SG_STORE_ORGS_H
#define SG_STORE_ORGS_H
#include <stdint.h>
#include "../db/db.h"
#include "../lib/arena.h"

struct org {
	int64_t id;
	const char *slug, *name, *locale, *currency;
	int fiscal_start_month;
};

/* also seeds the default competency framework (traits_seed) */
enum err org_create(struct db_conn *c, const char *slug, const char *name, const char *locale,
		    const char *currency, int64_t *id);
/* E_NOTFOUND when there is none */
enum err org_by_slug(struct db_conn *c, struct arena *a, const char *slug, struct org *out);
enum err org_by_id(struct db_conn *c, struct arena *a, int64_t id, struct org *out);

#endif
