/*
 * settings: per-organisation settings kept as key/value text, such as the
 * thresholds of deal health. Unknown keys read as the given default.
 */
#ifndef SG_STORE_SETTINGS_H
#define SG_STORE_SETTINGS_H
#include <stdint.h>
#include "../db/db.h"
#include "../domain/commitment.h"

int64_t setting_int(struct db_conn *c, int64_t org_id, const char *key, int64_t def);
enum err setting_set_int(struct db_conn *c, int64_t org_id, const char *key, int64_t value);
/* the health thresholds of the organisation (defaults where unset) */
void settings_health(struct db_conn *c, int64_t org_id, struct health_settings *out);
enum err settings_health_save(struct db_conn *c, int64_t org_id, const struct health_settings *s);

#endif
